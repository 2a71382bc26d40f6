#!/usr/bin/env python3
"""Coverage of the spun-text synonym table over the most frequent words of corpus/finance.

伪原创 tools substitute the words an article uses most; this lists the N most frequent
multi-character words of ``corpus/finance`` (segmented as wenlint segments) and marks the
ones that already appear as an original in ``linter/data/spun_text/pairs.toml``, so the
table can be grown where a spinner would act.  Prints counts only.

Usage: python scripts/spun_frequent_words.py [N]
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.resources import load_toml  # noqa: E402
from linter.segment import tokenizer  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    tk = tokenizer()
    freq: collections.Counter = collections.Counter()
    for path in sorted((ROOT / "corpus" / "finance").glob("*.txt")):
        for w in tk.cut(path.read_text(encoding="utf-8"), HMM=False):
            if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w):
                freq[w] += 1
    covered: dict[str, list[str]] = collections.defaultdict(list)
    for p in load_toml("spun_text/pairs.toml")["pair"]:
        for o in p["orig"]:
            covered[o].append(p["spun"])
    for w, c in freq.most_common(n):
        print(f"{c:6d} {w}\t{'/'.join(covered.get(w, ())) or '-'}")


if __name__ == "__main__":
    main()
