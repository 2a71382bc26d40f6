"""The second held-out set (bench/heldout2): articles and gold stay consistent.

Same contract as tests/test_heldout_format.py for the first set (the shared tests live in
tests/heldout_support.py): every gold record points at the exact text it names, uses a DESIGN.md
rule id and the record format of ../shared/gold, and the committed gold is exactly what
bench/heldout2/build_gold.py produces.  A few checks are specific to this batch: the
sensitive-word filters are applied at every occurrence, the damaged articles use NFKC-normalised
punctuation, and three articles are clean professional texts.
"""
from __future__ import annotations

import re

import pytest
from heldout_support import ROOT, HeldoutGoldContract, certain_per_file, load_articles, load_gold

HELDOUT2 = ROOT / "bench" / "heldout2"
FULL_WIDTH = re.compile(r"[，？：；！（）]")

ARTICLES = load_articles(HELDOUT2)
RECORDS = load_gold(HELDOUT2 / "gold.jsonl")
CERTAIN = certain_per_file(RECORDS)
MISSING = {name for name in ARTICLES if any(r["file"] == name and r["category"] == "missing-char" for r in RECORDS)}


class TestHeldout2Gold(HeldoutGoldContract):
    FOLDER, ARTICLES, RECORDS, MIN_COUNT_BODY = HELDOUT2, ARTICLES, RECORDS, 8
    OTHER_SETS = (ROOT / "bench" / "heldout",)


def test_articles_are_h11_to_h20():
    numbers = sorted(int(name[1:3]) for name in ARTICLES)
    assert numbers == list(range(11, 21))


def test_seven_damaged_and_three_nearly_clean_articles():
    clean = {name for name, n in CERTAIN.items() if n <= 5}
    assert len(clean) == 3, CERTAIN
    assert len(MISSING) == 7 and not MISSING & clean
    for name in clean:
        # professional articles keep full-width punctuation
        assert len(FULL_WIDTH.findall(ARTICLES[name])) > 50, name
    for name in MISSING:
        # scraped articles come NFKC-normalised: no full-width ，？：；！（） left
        assert not FULL_WIDTH.search(ARTICLES[name]), name
        cats = {r["category"] for r in RECORDS if r["file"] == name and r["confidence"] == "certain"}
        assert len(cats - {"missing-char", "punctuation"}) >= 2, (name, cats)


def test_filters_delete_every_occurrence():
    # A site filter removes a word everywhere, so a restored word never survives in its article.
    for r in RECORDS:
        if r["category"] != "missing-char":
            continue
        assert r["fix"], r
        assert r["fix"] not in ARTICLES[r["file"]], r
    for name in MISSING:
        words = {r["fix"] for r in RECORDS if r["file"] == name and r["category"] == "missing-char"}
        assert 1 <= len(words) <= 4, (name, words)  # 1-3 filter words (+ one place where two met)


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_article_has_a_few_certain_defects(name):
    assert CERTAIN[name] >= 2
