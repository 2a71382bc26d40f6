"""missing-char, session 8: the bulk-audit setting searches pages whose topic expects a filter word
they lack; traditional-script pages are read through their simplified twin."""
from pathlib import Path

from checks.missing_char import _suspects_any
from checks.missing_char.common import DocCounts
from linter import ngrams
from linter.document import Document
from linter.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent


def _fixes(text, **opts):
    found = lint_text(text, select=["missing-char"], options={"missing-char": opts} if opts else None)
    return {(f.fix.start, f.fix.replacement) for f in found if f.check_id == "missing-char" and f.fix}


def test_bulk_setting_searches_a_page_whose_topic_expects_a_missing_filter_word():
    # bench/dev4's private-lending article: 法院 deleted without a trace and nothing else broken;
    # the topic (诉讼, 起诉, 民法典) expects 法院, a usual filter target, and the page lacks it
    text = (ROOT / "bench" / "dev4" / "e06_private-lending-interest-cap.txt").read_text(encoding="utf-8")
    doc = Document(text)
    assert "法院" not in text and _suspects_any({ngrams.word_key(t.text) for t in doc.tokens}, DocCounts(text).absent)
    assert "法院" in {w for _, w in _fixes(text, **{"insert-needs-evidence": True})}


def test_bulk_setting_still_skips_a_clean_page():
    for name in ("e04_credit-card-minimum-payment.txt", "e08_housing-fund-loan-overdue.txt"):
        text = (ROOT / "bench" / "dev4" / name).read_text(encoding="utf-8")
        assert _fixes(text, **{"insert-needs-evidence": True}) == set()


def test_a_traditional_page_is_read_through_its_simplified_twin():
    # bench/dev3's card article (题 cut from 问题, 催收 cut to spaces) in traditional script: the same
    # sites, restored in the page's own script
    from linter.script import _converter

    simplified = (ROOT / "bench" / "dev3" / "d03_credit-card-payment-plan.txt").read_text(encoding="utf-8")
    traditional = _converter("s2t").convert(simplified)
    assert len(traditional) == len(simplified) and traditional != simplified
    want = lint_text(simplified, select=["missing-char"])
    got = lint_text(traditional, select=["missing-char"])
    assert want and [(f.start, f.end) for f in got] == [(f.start, f.end) for f in want]
    fixes = {f.fix.replacement for f in got if f.fix}
    assert "問題" in fixes and "问题" not in fixes and "催收" in fixes
    assert any("問" in f.message.zh for f in got)  # the fragment as the page writes it


def test_a_clean_traditional_page_is_silent():
    from linter.script import _converter

    clean = (ROOT / "fixtures" / "clean" / "corpus-01.txt").read_text(encoding="utf-8")
    assert lint_text(_converter("s2t").convert(clean), select=["missing-char"]) == []


def test_every_check_that_reads_simplified_text_sees_a_traditional_page_through_its_twin():
    # the sample farm article in traditional script: the same findings as in simplified script,
    # with each fix in traditional script
    from linter.script import _converter

    simplified = (ROOT / "fixtures" / "samples" / "farm-article.txt").read_text(encoding="utf-8")
    traditional = _converter("s2t").convert(simplified)
    want = lint_text(simplified)
    got = lint_text(traditional)
    assert {f.rule.split("/")[0] for f in want} - {"conversion-residue"} <= {f.rule.split("/")[0] for f in got}
    assert [(f.rule, f.start, f.end) for f in got] == [(f.rule, f.start, f.end) for f in want]
    for w, g in zip(want, got):
        if w.fix is not None:
            assert g.fix.replacement == _converter("s2t").convert(w.fix.replacement) or not w.fix.replacement


def test_a_simplified_page_has_no_twin_and_a_mixed_page_keeps_its_script_check():
    from linter.script import _converter

    assert Document("借款人逾期以后，银行会先打电话提醒。").simplified is None
    text = (ROOT / "fixtures" / "samples" / "farm-article.txt").read_text(encoding="utf-8")
    twin = Document(_converter("s2t").convert(text)).simplified
    assert twin is not None and twin.text == text
    # conversion-residue reads the page itself: a simplified page with traditional words mixed in
    mixed = "借款人逾期以后，銀行會先打電話提醒，再寄送催收函。借款人应当及时还款，避免影响征信记录。"
    assert any(f.rule.startswith("conversion-residue") for f in lint_text(mixed, select=["conversion-residue"]))
