#!/usr/bin/env python3
"""Derive the word-bigram collocation counts that ``spun-text`` scores with.

Input: ``corpus/finance/*.txt`` as of ``COLLOC_CORPUS_COMMIT`` — finance-advice articles
written for the project (the register wenlint lints) — and, read-only outside the repo, ``../shared/laws/articles`` —
public-domain PRC law texts.  They are segmented exactly as wenlint segments documents (jieba, dictionary mode,
``linter.segment``), and for every word in ``linter/data/spun_text/pairs.toml`` (spun forms
and their originals) the counts of its left and right neighbouring tokens are kept.
Only counts are written, never running text:

    linter/data/spun_text/collocations.json.gz
    {"source": ..., "words": {word: {"n": count, "L": {token: count}, "R": {token: count},
                                     "L2": {token before a 的 right before the word: count}}}}

Neighbours seen once are dropped for words with more than 200 occurrences (noise, size).

Usage: python scripts/build_spun_collocations.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.resources import load_toml  # noqa: E402
from linter.segment import tokenizer  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from build_spun_frames import corpus_texts  # noqa: E402

COLLOC_CORPUS_COMMIT = "2d9dfd8"  # the corpus snapshot of these counts (90 articles)


def words_of_interest() -> set[str]:
    table = load_toml("spun_text/pairs.toml")
    out = set()
    for p in table["pair"]:
        if p.get("kind") == "word":
            out.add(p["spun"])
            out.update(p["orig"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    wanted = words_of_interest()
    tk = tokenizer()
    n = collections.Counter()
    left: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    right: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    # the word before a 的 that stands right before the word (征信|的|影响): what 的 modifies is
    # told apart by the noun before it (征信的影响, 保险的作用), not by 的 itself
    left2: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    files = sorted((Path(args.shared) / "laws" / "articles").glob("*.json"))
    corpus = corpus_texts(ROOT / "corpus" / "finance", COLLOC_CORPUS_COMMIT)  # see build_spun_frames

    def paragraphs():
        for path in files:
            data = json.loads(path.read_text(encoding="utf-8"))
            for text in (data.get("articles") or {}).values():
                yield from text.split("\n")
        for text in corpus:
            yield from text.splitlines()

    for para in paragraphs():
        toks = [w for w in tk.cut(para, HMM=False) if w.strip()]
        for i, w in enumerate(toks):
            if w in wanted:
                n[w] += 1
                left[w][toks[i - 1] if i else "<s>"] += 1
                right[w][toks[i + 1] if i + 1 < len(toks) else "</s>"] += 1
                if i >= 2 and toks[i - 1] == "的":
                    left2[w][toks[i - 2]] += 1
    words = {}
    for w in sorted(wanted):
        floor = 2 if n[w] > 200 else 1
        words[w] = {
            "n": n[w],
            "L": {k: c for k, c in left[w].most_common() if c >= floor},
            "R": {k: c for k, c in right[w].most_common() if c >= floor},
            "L2": {k: c for k, c in left2[w].most_common() if c >= floor},
        }
    out = ROOT / "linter" / "data" / "spun_text" / "collocations.json.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump({"source": f"corpus/finance ({len(corpus)} files) + ../shared/laws/articles ({len(files)} files), "
                             "jieba dictionary mode",
                   "words": words}, fh, ensure_ascii=False, sort_keys=True)
    print(f"wrote {out} ({len(words)} words)")


if __name__ == "__main__":
    main()
