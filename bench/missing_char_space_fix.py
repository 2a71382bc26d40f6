#!/usr/bin/env python3
"""Cut-space restorations of ``missing-char`` on the synthetic benchmark's *dev* split only:
of the space-mode sites found, how many carry a fix, how many of those fixes are exact, and the
wrong ones (dev words only; held-out words are never printed).

    python bench/missing_char_space_fix.py [--show 15]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import missing_char_synth as ms  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--split", default="dev", choices=ms.SPLITS)
    args = ap.parse_args()
    lex = ms.load_lexicon()
    _, corrupted = ms.build(0, 30, None, lex)
    found = with_fix = exact = 0
    wrong = []
    for c in corrupted:
        if c.split != args.split:
            continue
        fs = ms.lint(c.text)
        for s in c.sites:
            if s.mode != "space":
                continue
            hits = [f for f in fs if ms.spans_match(f.start, f.end, s.start, s.end, 2)]
            if not hits:
                continue
            found += 1
            fixed = [f for f in hits if f.fix is not None]
            if not fixed:
                continue
            with_fix += 1
            if any(ms.apply_fix(c.text, f.fix) == c.restore(s) for f in fixed):
                exact += 1
            else:
                wrong.append((c.name, s.word, fixed[0].fix.replacement,
                              c.text[max(0, s.start - 8):s.end + 8].replace("\n", "⏎")))
    print(f"{args.split} space sites found {found}; with a fix {with_fix}; exact {exact}; wrong {len(wrong)}")
    if args.split == "dev":
        for w in wrong[:args.show]:
            print("  ", *w)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
