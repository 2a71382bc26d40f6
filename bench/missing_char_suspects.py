#!/usr/bin/env python3
"""Traceless deletions of the filter's usual targets, on clean development articles (session 7).

For each article of the folders given (default: ``corpus/staging`` and ``bench/clean5``, shuffled with
a fixed seed, the first ``--docs``), and each word of ``missing_char/filter_words.txt`` that the
article uses two to eight times: the word is deleted at every occurrence, and when the damaged page's
topic still expects it (the insertion search's "suspects"), missing-char is run on it.  Every
restoration of that word is counted right (within one character of a place it was deleted) or wrong,
split by confidence (≤ 0.7: offered only; above: may be applied by ``--fix``).  It measures the
suspect rules of ``checks/missing_char/insertions.py`` on far more pages than the gold sets hold.

    python bench/missing_char_suspects.py [--docs 300] [DIR ...]
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOW_CONF = 0.71


def deleted_at(text: str, word: str) -> set[int]:
    """Offsets, in the text with every ``word`` deleted, where an occurrence was."""
    out, gone, i = set(), 0, text.find(word)
    while i >= 0:
        out.add(i - gone)
        gone += len(word)
        i = text.find(word, i + len(word))
    return out


def main(argv: list[str] | None = None) -> int:
    from checks.missing_char.common import DocCounts, _filter_words
    from checks.missing_char.insertions import expected_filter_words
    from linter import ngrams
    from linter.document import Document
    from linter.runner import lint_text

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("dirs", nargs="*", default=[str(ROOT / "corpus" / "staging"), str(ROOT / "bench" / "clean5")])
    args = ap.parse_args(argv)
    files = sorted(p for d in args.dirs for p in Path(d).glob("*.txt"))
    if not files:
        print("no articles")
        return 0
    random.Random(1).shuffle(files)
    listed = [w for w in _filter_words() if len(w) >= 2]
    tally: Counter = Counter()
    for path in files[:args.docs]:
        text = path.read_text(encoding="utf-8")
        for w in listed:
            if not 2 <= text.count(w) <= 8:
                continue
            cut = text.replace(w, "")
            counts = DocCounts(cut)
            keys = {ngrams.word_key(t.text) for t in Document(cut).tokens}
            if w not in expected_filter_words(keys, lambda x: counts.count(x) == 0):
                continue
            sites = deleted_at(text, w)
            tally["pages"] += 1
            tally["sites"] += len(sites)
            for f in lint_text(cut, select=["missing-char"]):
                if not f.fix or f.fix.replacement != w or f.fix.start != f.fix.end:
                    continue
                right = any(abs(f.fix.start - p) <= 1 for p in sites)
                band = "offered" if f.confidence < LOW_CONF else "applicable"
                tally[("right" if right else "wrong", band)] += 1
    print(f"{tally['pages']} damaged pages (a topic-expected filter word deleted everywhere), {tally['sites']} sites")
    for band in ("applicable", "offered"):
        r, x = tally[("right", band)], tally[("wrong", band)]
        print(f"  {band:10s} right {r:4d}  wrong {x:4d}  precision {r / max(1, r + x):.3f}")
    r = tally[("right", "applicable")] + tally[("right", "offered")]
    print(f"  recall of sites {r / max(1, tally['sites']):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
