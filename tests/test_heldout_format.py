"""The held-out evaluation set (bench/heldout): articles and gold stay consistent.

Every gold record must point at the exact text it names, use a DESIGN.md rule id, and follow
the record format of ../shared/gold (see bench/README.md, "Held-out evaluation").  The gold
must be what build_gold.py produces, so nobody edits offsets by hand.
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
GOLD = HELDOUT / "gold.jsonl"

REQUIRED = {"file", "category", "start", "end", "text", "fix", "confidence", "note"}
SUBTYPES = {"half-width", "stray-space", "missing-comma"}


def _articles() -> dict[str, str]:
    out = {}
    for p in sorted(HELDOUT.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            out[p.name] = fh.read()
    return out


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ARTICLES = _articles()
RECORDS = _gold()


def test_ten_articles_of_realistic_size():
    assert len(ARTICLES) == 10
    for name, text in ARTICLES.items():
        assert re.fullmatch(r"h\d\d_[a-z0-9-]+\.txt", name), name
        size = len(text.encode("utf-8"))
        assert 3000 <= size <= 6500, (name, size)
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 0.6 * len(text.replace("\n", "")), name


def test_every_record_matches_its_article():
    assert len(RECORDS) > 300
    for r in RECORDS:
        assert REQUIRED <= set(r), r
        assert r["file"] in ARTICLES, r["file"]
        text = ARTICLES[r["file"]]
        assert isinstance(r["start"], int) and isinstance(r["end"], int), r
        assert 0 <= r["start"] <= r["end"] <= len(text), r
        assert text[r["start"]:r["end"]] == r["text"], r
        assert r["confidence"] in ("certain", "likely"), r
        assert r["fix"] is None or isinstance(r["fix"], str), r
        assert r["note"], r


def test_no_duplicate_records_and_every_article_annotated():
    keys = Counter((r["file"], r["category"], r["start"], r["end"]) for r in RECORDS)
    assert [k for k, n in keys.items() if n > 1] == []
    per_file = Counter(r["file"] for r in RECORDS if r["confidence"] == "certain")
    assert set(per_file) == set(ARTICLES)
    # three articles are clean professional texts with only a few defects
    assert sum(1 for n in per_file.values() if n <= 5) >= 3


def _registered_ids() -> set[str]:
    return {ep.name for ep in entry_points(group="wenlint.checks")}


def test_categories_are_registered_rule_ids():
    cats = {r["category"] for r in RECORDS}
    assert cats <= _registered_ids() - {"near-duplicate"}, cats - _registered_ids()


def test_categories_are_design_rule_ids(shared_dir):
    design = (shared_dir / "DESIGN.md").read_text(encoding="utf-8")
    section = design.split("## Rule ids", 1)[1].split("\n## ", 1)[0]
    ids = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", section))
    assert "missing-char" in ids and "punctuation" in ids
    cats = {r["category"] for r in RECORDS}
    assert cats <= ids, cats - ids


def test_held_out_names_do_not_collide_with_seeds(shared_dir):
    # score.py matches files by basename
    seeds = {p.name for p in (shared_dir / "seeds").glob("*.txt")}
    assert not seeds & set(ARTICLES)


def test_category_specific_fields():
    for r in RECORDS:
        if r.get("scope") == "document":
            assert r["category"] == "keyword-stuffing", r
            assert r["start"] == r["end"] == 0 and r["text"] == "", r
            n = ARTICLES[r["file"]].count(r["phrase"])
            assert r["count"] == n and 12 <= r["count_body"] <= r["count"] <= 20, r
        if r["category"] == "keyword-stuffing":
            assert r["phrase"], r
            if r.get("scope") != "document":
                assert r["text"] == r["phrase"], r
        if r["category"] == "punctuation":
            assert r.get("subtype") in SUBTYPES, r
            assert r["fix"] is not None, r
            if r["subtype"] == "half-width":
                assert r["marks"] >= 1, r
                assert r["text"][0] in ",?:;!()." and r["text"][-1] in ",?:;!().", r
            if r["subtype"] == "stray-space":
                assert r["text"].strip() == "", r
        if r["category"] == "missing-char":
            assert r["fix"], r  # a deletion always has a restoration
    stuffed = {r["file"] for r in RECORDS if r.get("scope") == "document"}
    assert len(stuffed) == 2


PUNCT = re.compile(r"[,?:;!().，？：；！（）…]")


def test_half_width_fixes_change_only_punctuation():
    for r in RECORDS:
        if r["category"] == "punctuation" and r.get("subtype") == "half-width":
            assert PUNCT.sub("", r["fix"]) == PUNCT.sub("", r["text"]), r
            ascii_before = len(re.findall(r"[,?:;!()]|\.\.+", r["text"]))
            ascii_after = len(re.findall(r"[,?:;!()]|\.\.+", r["fix"]))
            assert ascii_before - ascii_after == r["marks"], r
            assert len(re.findall(r"[，？：；！（）]|……", r["fix"])) >= r["marks"], r


def test_gold_is_exactly_what_build_gold_produces():
    spec = importlib.util.spec_from_file_location("heldout_build_gold", HELDOUT / "build_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # builds the records in memory; main() is not called
    mod.verify(mod.RECS)
    built = sorted(mod.RECS, key=lambda r: (r["file"], r["start"], r["end"], mod.RULE_IDS.index(r["category"])))
    assert built == RECORDS


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_article_has_a_few_certain_defects(name):
    certain = [r for r in RECORDS if r["file"] == name and r["confidence"] == "certain"]
    assert len(certain) >= 2
