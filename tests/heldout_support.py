"""Checks shared by the held-out gold format tests (tests/test_heldout*_format.py).

HeldoutGoldContract holds the tests both sets must pass; each test file subclasses it as a Test*
class with its folder, articles, records and bounds, and keeps its set-specific tests itself.
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REQUIRED = {"file", "category", "start", "end", "text", "fix", "confidence", "note"}
SUBTYPES = {"half-width", "stray-space", "missing-comma"}
PUNCT = re.compile(r"[,?:;!().，？：；！（）…]")
HALF_MARKS = re.compile(r"[,?:;!()]|\.\.+")
FULL_MARKS = re.compile(r"[，？：；！（）]|……")


def load_articles(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            out[p.name] = fh.read()
    return out


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def certain_per_file(records: list[dict]) -> Counter:
    return Counter(r["file"] for r in records if r["confidence"] == "certain")


def check_article_shapes(articles: dict[str, str]) -> None:
    """Ten scraped-size, mostly Chinese articles named hNN_slug.txt."""
    assert len(articles) == 10
    for name, text in articles.items():
        assert re.fullmatch(r"h\d\d_[a-z0-9-]+\.txt", name), name
        size = len(text.encode("utf-8"))
        assert 3000 <= size <= 6500, (name, size)
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > 0.6 * len(text.replace("\n", "")), name


def check_records_match_articles(records: list[dict], articles: dict[str, str]) -> None:
    assert len(records) > 300
    for r in records:
        assert REQUIRED <= set(r), r
        assert r["file"] in articles, r["file"]
        text = articles[r["file"]]
        assert isinstance(r["start"], int) and isinstance(r["end"], int), r
        assert 0 <= r["start"] <= r["end"] <= len(text), r
        assert text[r["start"]:r["end"]] == r["text"], r
        assert r["confidence"] in ("certain", "likely"), r
        assert r["fix"] is None or isinstance(r["fix"], str), r
        assert r["note"], r


def duplicate_keys(records: list[dict]) -> list[tuple]:
    keys = Counter((r["file"], r["category"], r["start"], r["end"]) for r in records)
    return [k for k, n in keys.items() if n > 1]


def registered_ids() -> set[str]:
    return {ep.name for ep in entry_points(group="wenlint.checks")}


def check_categories_registered(records: list[dict]) -> None:
    cats = {r["category"] for r in records}
    assert cats <= registered_ids() - {"near-duplicate"}, cats - registered_ids()


def check_categories_in_design(records: list[dict], shared_dir: Path) -> None:
    design = (shared_dir / "DESIGN.md").read_text(encoding="utf-8")
    section = design.split("## Rule ids", 1)[1].split("\n## ", 1)[0]
    ids = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", section))
    assert "missing-char" in ids and "punctuation" in ids
    cats = {r["category"] for r in records}
    assert cats <= ids, cats - ids


def seed_names(shared_dir: Path) -> set[str]:
    # score.py matches files by basename
    return {p.name for p in (shared_dir / "seeds").glob("*.txt")}


def check_category_fields(records: list[dict], articles: dict[str, str], min_count_body: int) -> None:
    """keyword-stuffing phrase / document record, punctuation subtype and fix, missing-char fix;
    exactly two articles carry a stuffed title question."""
    for r in records:
        if r.get("scope") == "document":
            assert r["category"] == "keyword-stuffing", r
            assert r["start"] == r["end"] == 0 and r["text"] == "", r
            n = articles[r["file"]].count(r["phrase"])
            assert r["count"] == n and min_count_body <= r["count_body"] <= r["count"] <= 20, r
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
    stuffed = {r["file"] for r in records if r.get("scope") == "document"}
    assert len(stuffed) == 2


def check_half_width_fixes(records: list[dict]) -> None:
    """A half-width fix changes only punctuation, one full-width mark per ASCII mark."""
    for r in records:
        if r["category"] == "punctuation" and r.get("subtype") == "half-width":
            assert PUNCT.sub("", r["fix"]) == PUNCT.sub("", r["text"]), r
            ascii_before = len(HALF_MARKS.findall(r["text"]))
            ascii_after = len(HALF_MARKS.findall(r["fix"]))
            assert ascii_before - ascii_after == r["marks"], r
            assert len(FULL_MARKS.findall(r["fix"])) >= r["marks"], r


def build_records(folder: Path, module_name: str) -> list[dict]:
    """Run folder/build_gold.py in memory (main() is not called: nothing is written) and
    return its verified records in gold.jsonl order."""
    spec = importlib.util.spec_from_file_location(module_name, folder / "build_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.GOLD.records()


class HeldoutGoldContract:
    """The tests every held-out set passes.  Not collected itself (no Test prefix): a test file
    subclasses it as ``class Test...(HeldoutGoldContract)`` and sets the attributes below."""

    FOLDER: Path                    # bench/heldoutN
    ARTICLES: dict[str, str]        # load_articles(FOLDER)
    RECORDS: list[dict]             # load_gold(FOLDER / "gold.jsonl")
    MIN_COUNT_BODY: int             # lower bound of a stuffed question's body count
    OTHER_SETS: tuple[Path, ...] = ()  # earlier sets whose file names must not recur

    def test_ten_articles_of_realistic_size(self):
        check_article_shapes(self.ARTICLES)

    def test_every_record_matches_its_article(self):
        check_records_match_articles(self.RECORDS, self.ARTICLES)

    def test_no_duplicate_records_and_every_article_annotated(self):
        assert duplicate_keys(self.RECORDS) == []
        assert set(certain_per_file(self.RECORDS)) == set(self.ARTICLES)

    def test_categories_are_registered_rule_ids(self):
        check_categories_registered(self.RECORDS)

    def test_categories_are_design_rule_ids(self, shared_dir):
        check_categories_in_design(self.RECORDS, shared_dir)

    def test_names_do_not_collide_with_seeds_or_other_sets(self, shared_dir):
        taken = seed_names(shared_dir)
        for folder in self.OTHER_SETS:
            taken |= {p.name for p in folder.glob("*.txt")}
        assert not taken & set(self.ARTICLES)

    def test_category_specific_fields(self):
        check_category_fields(self.RECORDS, self.ARTICLES, self.MIN_COUNT_BODY)

    def test_half_width_fixes_change_only_punctuation(self):
        check_half_width_fixes(self.RECORDS)

    def test_gold_is_exactly_what_build_gold_produces(self):
        assert build_records(self.FOLDER, f"{self.FOLDER.name}_build_gold") == self.RECORDS
