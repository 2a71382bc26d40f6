"""missing-char: filter deletions found and restored, clean text silent, fuzz-safe."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter import ngrams
from linter.runner import lint_text

FIX = Path(__file__).resolve().parent.parent / "fixtures"


def mc(text):
    return [f for f in lint_text(text, select=["missing-char"]) if f.rule.startswith("missing-char")]


def test_ngrams_api():
    assert ngrams.word_freq("问题") > ngrams.word_freq("问") > 0
    assert ngrams.word_freq("逾期") > 0  # domain lexicon merged in
    assert ngrams.char_freedom("措") < 0.05 < ngrams.char_freedom("的")
    assert ("关键在于", "在") in ngrams.gap_words("关键", "于")
    assert ngrams.char_ngram_count("法律") > ngrams.char_ngram_count("律法") >= 0
    assert ngrams.char_ngram_total() > 1_000_000


def test_question_truncated_everywhere_is_restored_consistently():
    text = ("很多借款人关心的问是,逾期后银行会怎样处理。拖延只会让问越来越严重,这是常被忽略的问。"
            "只要认真对待逾期问,大多数情况都能解决。\n")
    found = mc(text)
    frags = [(text[f.start:f.end], f.fix.replacement) for f in found]
    assert frags and all(fr == ("问", "问题") for fr in frags)
    assert len(found) >= 3
    assert all(f.confidence >= 0.8 for f in found)


def test_single_free_verb_is_not_flagged():
    # one 问 used as an ordinary verb, 题 absent: no evidence of a filter
    assert mc("遇到不清楚的条款,可以直接问客服,再决定是否办理。\n") == []


def test_mangled_law_name():
    text = "依照《人民民法典》的有关规定,借款人应当按期还款。\n"
    (f,) = mc(text)
    assert text[f.start:f.end] == "《人民民法典》"
    assert f.fix.replacement == "《中华人民共和国民法典》"
    assert mc("依照《中华人民共和国民法典》的有关规定,借款人应当按期还款。\n") == []


def test_space_cut_word_restored_and_supersedes_stray_space():
    text = "在经济全 化的背景下,个人负债管理越来越重要。\n"
    (f,) = mc(text)
    assert text[f.start:f.end] == " " and f.fix.replacement == "球"
    from checks.missing_char import MissingChar
    assert "punctuation/stray-space" in MissingChar.supersedes


def test_document_lacking_zai_restores_bound_fragments():
    # simulate a filter that deletes 在 from a long clean article: every restoration must put
    # 在 back, and the broken 关键于 / 存极端 are found
    clean = "".join(p.read_text(encoding="utf-8") for p in sorted((FIX / "clean").glob("*.txt")))
    if len(clean) < 3000:
        pytest.skip("clean corpus too small")
    body = clean[:4000].replace("在", "") + "\n逾期处理的关键于沟通,若拒不沟通或存极端风险,后果更重。\n"
    found = mc(body)
    fixes = {(body[f.start:f.end], (f.fix.replacement if f.fix else None)) for f in found}
    assert ("关键于", "在") in fixes
    assert ("存", "存在") in fixes
    assert all("在" in (f.fix.replacement if f.fix else "在") or f.data.get("kind") == "law" for f in found)


def test_clean_fixtures_silent():
    for path in sorted((FIX / "clean").glob("*.txt")) + [FIX / "missing-char" / "clean-advice.txt"]:
        assert mc(path.read_text(encoding="utf-8")) == [], path.name


def test_fixture_expectations_have_fixes():
    rows = [json.loads(l) for l in (FIX / "missing-char" / "filtered-question.expected.jsonl").read_text().splitlines()]
    assert len(rows) >= 5 and all(r["fix"] for r in rows)


@pytest.mark.parametrize("text", [
    "", "\n", "   ", "abc def", "\u200b\u200b问\u200b", "\x00\x01\x02", "《》", "《人》", "、或", " 问 ",
    "问" * 5000, ("在经济全 化" * 2000), "问:\n答:\n" * 50, "\r\n".join(["的问,"] * 300),
])
def test_fuzz_safe(text):
    mc(text)  # must not raise
    assert all(f.rule != "internal-error" for f in lint_text(text, select=["missing-char"]))


def test_speed_6kb_article():
    import time
    text = (FIX / "missing-char" / "filtered-question.txt").read_text(encoding="utf-8") * 12
    mc(text)  # warm-up: loads the statistics once
    t0 = time.perf_counter()
    mc(text)
    assert time.perf_counter() - t0 < 0.5
