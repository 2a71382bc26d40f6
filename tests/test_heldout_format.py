"""The held-out evaluation set (bench/heldout): articles and gold stay consistent.

Every gold record must point at the exact text it names, use a DESIGN.md rule id, and follow
the record format of ../shared/gold (see bench/README.md, "Held-out evaluation").  The gold
must be what build_gold.py produces, so nobody edits offsets by hand.  Those tests are shared
with the second set (tests/heldout_support.py, HeldoutGoldContract); this file adds what is
specific to the first set.
"""
from __future__ import annotations

import pytest
from heldout_support import ROOT, HeldoutGoldContract, certain_per_file, load_articles, load_gold

HELDOUT = ROOT / "bench" / "heldout"
ARTICLES = load_articles(HELDOUT)
RECORDS = load_gold(HELDOUT / "gold.jsonl")


class TestHeldoutGold(HeldoutGoldContract):
    FOLDER, ARTICLES, RECORDS, MIN_COUNT_BODY = HELDOUT, ARTICLES, RECORDS, 12


def test_three_articles_are_nearly_clean():
    # three articles are clean professional texts with only a few defects
    assert sum(1 for n in certain_per_file(RECORDS).values() if n <= 5) >= 3


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_article_has_a_few_certain_defects(name):
    certain = [r for r in RECORDS if r["file"] == name and r["confidence"] == "certain"]
    assert len(certain) >= 2
