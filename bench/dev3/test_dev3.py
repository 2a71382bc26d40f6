#!/usr/bin/env python3
"""Self-test of bench/dev3: `python bench/dev3/test_dev3.py` (or pytest on this file).

* gold.jsonl is exactly what build_gold.py produces, and the articles are exactly what
  filters.py produces from src/ (nothing edited by hand);
* every record's text is the slice start:end of its article;
* applying all fixes of an article reproduces its clean source, up to the punctuation
  normalisation (，？：；！（） -> ASCII);
* no filtered word survives in its article; nine damaged and three clean articles;
* the clean articles are byte-identical to their sources and keep full-width punctuation.
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_gold  # noqa: E402
import filters  # noqa: E402

GOLD = HERE / "gold.jsonl"


def load_gold():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(name):
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        return fh.read()


def test_articles_are_the_filter_output():
    built = filters.build()
    assert len(built) == 12
    assert sorted(k for k in built if k not in filters.CLEAN) == sorted(filters.FILTERS)
    for key, (name, text, _) in built.items():
        assert article(name) == text, name
    assert sorted(p.name for p in HERE.glob("*.txt")) == sorted(n for n, _, _ in built.values())


def test_gold_is_the_build_output():
    recs = build_gold.build(write_articles=False).records()
    assert load_gold() == recs


def test_spans_match():
    for r in load_gold():
        t = article(r["file"])
        assert r["category"] == "missing-char"
        assert r["confidence"] in ("certain", "likely")
        assert 0 <= r["start"] <= r["end"] <= len(t)
        assert t[r["start"]:r["end"]] == r["text"], r
        assert r["fix"] and r["fix"] != r["text"], r


def test_fixes_restore_the_clean_source():
    by = defaultdict(list)
    for r in load_gold():
        by[r["file"]].append(r)
    for p in sorted(filters.SRC.glob("d*.txt")):
        text = article(p.name)
        recs = sorted(by.get(p.name, []), key=lambda r: r["start"], reverse=True)
        for r in recs:
            text = text[:r["start"]] + r["fix"] + text[r["end"]:]
        assert text == filters.norm(p.read_text(encoding="utf-8")) or (
            not recs and text == p.read_text(encoding="utf-8")), p.name


def test_filtered_words_gone_and_clean_articles():
    for key, (name, text, sites) in filters.build().items():
        src = (filters.SRC / name).read_text(encoding="utf-8")
        if key in filters.CLEAN:
            assert not sites and text == src
            assert not re.search(r"[\u4e00-\u9fff][,?:;!()]|[,?:;!()][\u4e00-\u9fff]", text), name
        else:
            assert sites
            for w in filters.FILTERS[key]:
                assert w[0] not in text and w[0] in src, (name, w[0])
        n = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert 2000 <= n <= 3500, (name, n)


if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("test_"):
            fn()
            print("ok", name)
