"""Unit tests of the benchmark machinery (bench/clean_fp.py, bench/missing_char_synth.py,
bench/textcorpus.py): injection, scoring, lexicon split, corpus loading.  Not timing, and not
the quality of any check: fake findings and a fake check are used where a real check would make
the test depend on its current behaviour."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import clean_fp  # noqa: E402
import missing_char_synth as mcs  # noqa: E402
import textcorpus  # noqa: E402

from linter.check import Check, Fix  # noqa: E402
from linter.registry import Selection  # noqa: E402


# -- injection ----------------------------------------------------------------
TEXT = "借款人逾期后，催收人员联系借款人。问题在于催收是否合法，这个问题要看证据。"


def test_delete_leaves_insertion_points_and_restores():
    out, sites = mcs.inject(TEXT, [("催收", "delete", 0)])
    assert "催收" not in out
    assert out == TEXT.replace("催收", "")
    assert [(s.start, s.end, s.original, s.mode) for s in sites] == [(7, 7, "催收", "delete"), (19, 19, "催收", "delete")]
    for s in sites:  # each site alone
        restored = out[:s.start] + s.original + out[s.end:]
        assert restored.count("催收") == 1
    assert _restore_all(out, sites) == TEXT


def test_space_mode_leaves_one_space_per_occurrence():
    out, sites = mcs.inject(TEXT, [("借款人", "space", 0)])
    assert out == TEXT.replace("借款人", " ")
    assert all(out[s.start:s.end] == " " and s.original == "借款人" for s in sites)
    assert len(sites) == 2
    assert _restore_all(out, sites) == TEXT


def test_partial_mode_cuts_one_character_everywhere():
    out, sites = mcs.inject(TEXT, [("问题", "partial", 1)])
    assert "问题" not in out and out.count("问") == 2
    assert [out[s.start:s.end] for s in sites] == ["问", "问"]
    assert _restore_all(out, sites) == TEXT


def test_several_words_and_site_offsets_are_in_corrupted_coordinates():
    edits = [("催收", "delete", 0), ("问题", "partial", 0), ("证据", "space", 0)]
    out, sites = mcs.inject(TEXT, edits)
    assert [s.start for s in sites] == sorted(s.start for s in sites)
    assert {s.mode for s in sites} == {"delete", "partial", "space"}
    assert _restore_all(out, sites) == TEXT


def test_overlapping_edits_and_bad_partial_are_rejected():
    with pytest.raises(ValueError):
        mcs.inject("中华人民共和国", [("中华", "delete", 0), ("中华人民共和国", "delete", 0)])
    with pytest.raises(ValueError):
        mcs.inject("在家", [("在", "partial", 0)])


def test_empty_and_absent():
    assert mcs.inject("", [("催收", "delete", 0)]) == ("", [])
    assert mcs.inject("abc", [("催收", "space", 0)]) == ("abc", [])


def _restore_all(text: str, sites) -> str:
    # right to left in text order (sites at one offset, e.g. 人民 deleted right before 共和国's space)
    for s in reversed(sites):
        text = text[:s.start] + s.original + text[s.end:]
    return text


def test_corrupt_is_deterministic_and_reversible():
    doc = textcorpus.TextDoc("t.txt", "clean", TEXT * 3)
    words = ["催收", "问题", "借款人", "证据", "逾期", "在"]
    a = mcs.corrupt(doc, words, "dev", seed=7)
    b = mcs.corrupt(doc, words, "dev", seed=7)
    assert a is not None and a.text == b.text and a.sites == b.sites and a.picks == b.picks
    assert 1 <= len(a.picks) <= 3
    assert {w for w, _ in a.picks} <= set(words)
    assert _restore_all(a.text, a.sites) == doc.text
    # every occurrence of a picked word is hit (a filter is consistent)
    for w, _ in a.picks:
        assert sum(1 for s in a.sites if s.word == w) == doc.text.count(w)
    assert mcs.corrupt(textcorpus.TextDoc("x", "clean", "没有相关词语"), words, "dev", 0) is None


def test_corrupt_never_overlaps_picks():
    doc = textcorpus.TextDoc("law", "laws", "中华人民共和国民法典和中华人民共和国刑法。" * 2)
    for seed in range(30):
        c = mcs.corrupt(doc, ["中华", "共和国", "中华人民共和国", "人民"], "dev", seed)
        assert _restore_all(c.text, c.sites) == doc.text


# -- lexicon ------------------------------------------------------------------
def test_lexicon_size_categories_and_split():
    lex = mcs.load_lexicon()
    assert len(lex.words) >= 200
    assert {"finance", "law", "political"} <= set(lex.words.values())
    dev, held = lex.of("dev"), lex.of("held-out")
    assert not set(dev) & set(held) and len(dev) + len(held) == len(lex.words)
    for cat in set(lex.words.values()):  # each category halved
        n_dev = sum(1 for w in dev if lex.words[w] == cat)
        n_held = sum(1 for w in held if lex.words[w] == cat)
        assert abs(n_dev - n_held) <= 1


def test_split_is_order_independent_and_deterministic():
    cats = {"a": ["甲", "乙", "丙", "丁"], "b": ["子", "丑", "寅"]}
    s1 = mcs.split_words(cats, "salt")
    s2 = mcs.split_words({"b": ["寅", "丑", "子"], "a": ["丁", "丙", "乙", "甲"]}, "salt")
    assert s1 == s2
    assert sorted(s1.values()).count("dev") == 4  # 2 of a + 2 of b (odd: dev gets the extra)


# -- scoring ------------------------------------------------------------------
@dataclass
class F:
    start: int
    end: int
    fix: Fix | None = None
    rule: str = "missing-char"


def test_spans_match_mirrors_score_py():
    assert mcs.spans_match(5, 5, 7, 7, 2) and not mcs.spans_match(5, 5, 8, 8, 2)
    assert mcs.spans_match(3, 4, 4, 4, 0)  # right after the fragment
    assert mcs.spans_match(0, 3, 2, 5, 2) and not mcs.spans_match(0, 2, 2, 5, 2)


def test_score_doc_precision_recall_and_exact_fix():
    doc = textcorpus.TextDoc("t", "clean", TEXT)
    out, sites = mcs.inject(TEXT, [("催收", "delete", 0), ("问题", "partial", 1)])
    c = mcs.Corrupted("t", "clean", "dev", TEXT, out, sites)
    d0, p0 = sites[0], sites[1]  # first 催收 deletion; first 问题 → 问
    assert (d0.mode, p0.mode, out[p0.start:p0.end]) == ("delete", "partial", "问")
    findings = [
        F(d0.start, d0.start, Fix(d0.start, d0.start, "催收")),   # exact insertion
        F(p0.start, p0.end, Fix(p0.start, p0.end, "问题")),       # fragment span, exact fix
        F(sites[2].start + 1, sites[2].start + 1, Fix(sites[2].start + 1, sites[2].start + 1, "催收")),  # near, wrong place
        F(0, 0, None),                                             # far away: false alarm
    ]
    t, per_mode, fps, missed = mcs.score_doc(c, findings, window=2, categories={"催收": "finance", "问题": "short"})
    assert (t.findings, t.tp, t.sites, t.found) == (4, 3, 4, 3)
    assert t.tp_fix_ok == 2 and t.fixed == 2
    assert fps == [findings[3]] and missed == [sites[3]]
    assert per_mode["delete"].sites == 2 and per_mode["delete"].found == 2 and per_mode["partial"].found == 1
    assert per_mode["cat:finance"].sites == 2
    assert abs(t.precision - 0.75) < 1e-9 and abs(t.recall - 0.75) < 1e-9
    assert doc.text == c.original


def test_synth_reports_clearly_when_check_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(mcs, "check_status", lambda: (False, "no missing-char check is installed"))
    assert mcs.main(["--laws", "0", "--docs", "3", "--show", "0"]) == 0
    out = capsys.readouterr().out
    assert "missing-char is not available" in out and "deletion sites" in out


# -- corpus -------------------------------------------------------------------
def test_normalise_official_restores_full_width():
    raw = "乡(含镇，下同)村\u200b的业务: 三、 图案 (一) 上交 0.5立方米"
    assert textcorpus.normalise_official(raw) == "乡（含镇，下同）村的业务：三、图案（一）上交0.5立方米"


def test_clean_corpus_size_and_typography():
    docs = textcorpus.clean_docs()
    ours = [d for d in docs if d.name.startswith("corpus-")]
    assert len(ours) >= 12 and sum(len(d.text) for d in ours) >= 30000
    bad = re.compile(r"[,?:;!()]|[ \t\u3000\u200b]")
    for d in ours:
        assert not bad.search(d.text), (d.name, bad.search(d.text))
        assert d.text.endswith("\n") and "\r" not in d.text


def test_law_docs_deterministic_and_bounded(shared_dir):
    if not textcorpus.laws_available():
        pytest.skip("law articles absent")
    a = textcorpus.law_docs(n_laws=5, max_chars=1500, chunks_per_law=2, seed=3)
    b = textcorpus.law_docs(n_laws=5, max_chars=1500, chunks_per_law=2, seed=3)
    assert a == b and a
    assert all(len(d.text) <= 1501 and d.source == "laws" for d in a)
    assert all("(" not in d.text and "\u200b" not in d.text for d in a)


# -- clean_fp -----------------------------------------------------------------
class _FlagX(Check):
    id = "flag-x"
    summary = summary_en = rationale = rationale_en = "test"
    messages = {"x": {"zh": "X", "en": "X"}}

    def run(self, doc):
        for m in re.finditer("X", doc.text):
            yield self.finding("x", m.start(), m.end(), confidence=0.9)


def test_clean_fp_measure_counts_per_10k(monkeypatch, capsys):
    monkeypatch.setattr(clean_fp, "make_checks", lambda select, ignore: ([_FlagX()], Selection(("ALL",), ())))
    docs = [textcorpus.TextDoc("a", "clean", "甲" * 4998 + "XX"), textcorpus.TextDoc("b", "clean", "乙" * 5000)]
    res = clean_fp.measure({"clean": docs})
    c = res["corpora"]["clean"]
    assert (c["docs"], c["chars"], c["findings"]) == (2, 10000, 2)
    assert c["fp_per_10k"] == 2.0 and c["by_rule"] == {"flag-x": {"findings": 2, "fp_per_10k": 2.0}}
    clean_fp.print_report(res, worst=5)
    out = capsys.readouterr().out
    assert "flag-x" in out and "【X】" in out and "TOTAL" in out


def test_context_is_one_line():
    assert clean_fp.context("第一行\n第二行X第三", 7, 8, width=4) == "⏎第二行【X】第三"


def test_oracle_puts_the_told_word_back_where_the_model_prefers_it():
    """bench/missing_char_oracle.py: told that 催收 is gone, it restores the boundaries where the
    character model reads 催收 clearly better (two distinct contexts), and nowhere when the bar
    asks for more contexts than the text has."""
    import missing_char_oracle as mco

    from linter.document import Document

    text = "合规的人员会先核实身份。专业的人员不会辱骂。银行的人员要文明。外包的人员要登记。\n"
    toks = Document(text).tokens
    sites = mco.oracle_sites(text, toks, ["催收"], strong=3.0, known=1.0, need=2)
    # 合规的|人员 and 银行的|人员 read clearly better with 催收, 外包的|人员 a little; 专业的|人员 not
    assert [text[p - 3:p] for p in sites] == ["合规的", "银行的", "外包的"]
    assert mco.oracle_sites(text, toks, ["催收"], strong=3.0, known=1.0, need=10) == []


def test_profile_shares_attribute_self_time_to_the_caller():
    """bench/profile_lint.py's summary: a check's time is its outermost ``run``; [self] leaves and
    built-in leaves count as own time (the [self] one under its calling function)."""
    import profile_lint

    @dataclass
    class F:
        function: str
        file_path_short: str
        time: float
        children: list
        line_no: int = 1
        is_synthetic: bool = False

    leaf_builtin = F("bisect_left", "<built-in>", 0.5, [])
    own = F("[self]", "checks/missing_char/gaps.py", 1.0, [], is_synthetic=True)
    gaps = F("find_gaps", "checks/missing_char/gaps.py", 1.5, [own, leaf_builtin])
    run = F("run", "checks/missing_char/__init__.py", 2.0, [gaps])
    tokens = F("tokens", "linter/document.py", 0.25, [])
    root = F("main", "bench/profile_lint.py", 2.5, [run, tokens])
    per_part, own_time = profile_lint.shares(root)
    assert per_part == {"missing_char/__init__.py": 2.0, "document: tokens": 0.25}
    assert own_time["find_gaps  (checks/missing_char/gaps.py:1)"] == 1.0
    assert own_time["bisect_left  (<built-in>:1)"] == 0.5


def test_profile_lint_without_pyinstrument_says_so(monkeypatch, capsys):
    import builtins

    import profile_lint

    real = builtins.__import__

    def no_pyinstrument(name, *a, **k):
        if name.startswith("pyinstrument"):
            raise ImportError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_pyinstrument)
    assert profile_lint.main(["--dir", "nowhere"]) == 0
    assert "pyinstrument is not installed" in capsys.readouterr().out
