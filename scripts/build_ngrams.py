#!/usr/bin/env python3
"""Derive the compact statistics that ``linter.ngrams`` and ``missing-char`` ship.

Inputs (read-only, outside the repo): ``../shared/laws`` — the public-domain PRC law
texts (LawRefBook snapshot) and their catalog.  Only counts and official names are
written, never running text:

* ``linter/data/ngrams/laws_char_ngrams.tsv.gz`` — character 1/2/3-gram counts over the
  Han runs of every article text (bigrams with count >= 3, trigrams >= 5 kept), one
  ``ngram<TAB>count`` per line, first line ``#total<TAB>N`` (Han characters counted).
* ``linter/data/missing_char/law_names.txt`` — official law names and their short forms
  (catalog facts), used to restore law names mangled by a filter (《人民民法典》).

Usage: python scripts/build_ngrams.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
MIN_BIGRAM = 3
MIN_TRIGRAM = 5


def build_ngrams(laws: Path, out: Path) -> None:
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    for path in sorted((laws / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in (data.get("articles") or {}).values():
            for run in HAN_RUN.findall(text):
                total += len(run)
                n = len(run)
                for i in range(n):
                    counts[run[i]] += 1
                    if i + 2 <= n:
                        counts[run[i:i + 2]] += 1
                    if i + 3 <= n:
                        counts[run[i:i + 3]] += 1
    keep = {g: c for g, c in counts.items()
            if len(g) == 1 or (len(g) == 2 and c >= MIN_BIGRAM) or (len(g) == 3 and c >= MIN_TRIGRAM)}
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"#total\t{total}\n")
        for g in sorted(keep, key=lambda g: (len(g), -keep[g], g)):
            fh.write(f"{g}\t{keep[g]}\n")
    print(f"{out}: {len(keep)} n-grams from {total} Han chars, {out.stat().st_size} bytes")


def build_law_names(laws: Path, out: Path) -> None:
    names: set[str] = set()
    for line in (laws / "catalog.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        for name in [rec.get("name")] + list(rec.get("short_names") or []):
            if name and HAN_RUN.search(name) and len(name) <= 40:
                names.add(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Official law names and short forms (facts from the law catalog); built by scripts/build_ngrams.py\n")
        for name in sorted(names):
            fh.write(name + "\n")
    print(f"{out}: {len(names)} names")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    laws = Path(args.shared) / "laws"
    build_ngrams(laws, ROOT / "linter/data/ngrams/laws_char_ngrams.tsv.gz")
    build_law_names(laws, ROOT / "linter/data/missing_char/law_names.txt")


if __name__ == "__main__":
    main()
