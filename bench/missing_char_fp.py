#!/usr/bin/env python3
"""False positives of ``missing-char`` on the DEV clean sets, per set and per evidence kind:
``corpus/finance`` (the n-gram training text: optimistic), ``bench/clean2``, ``fixtures/clean``
and a law sample.  ``bench/clean3`` is held out and never read here.

    python bench/missing_char_fp.py [--show N] [--set key=value,...] [--only corpus|clean2|clean|laws]
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from missing_char_tune import parse_set  # noqa: E402  (one --set parser for both tuning scripts)
from textcorpus import clean_docs, law_docs, laws_available  # noqa: E402

CHECK = "missing-char"


def sets(only: str | None):
    out = {}
    if only in (None, "corpus"):
        out["corpus/finance"] = clean_docs(ROOT / "corpus" / "finance")
    if only in (None, "clean2"):
        out["bench/clean2"] = clean_docs(HERE / "clean2")
    if only in (None, "clean"):
        out["fixtures/clean"] = clean_docs()
    if only in (None, "laws") and laws_available():
        out["laws"] = law_docs(n_laws=40, max_chars=3000, chunks_per_law=2, seed=0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--set", default="")
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    from linter.runner import lint_text

    opts = parse_set(args.set)
    t0 = time.time()
    for name, docs in sets(args.only).items():
        chars = sum(len(d.text) for d in docs)
        kinds: Counter = Counter()
        shown = []
        for d in docs:
            fs = [f for f in lint_text(d.text, select=[CHECK], options={CHECK: opts}) if f.check_id == CHECK]
            for f in fs:
                kind = (f.data or {}).get("kind", "?")
                kinds[kind] += 1
                ctx = d.text[max(0, f.start - 8):f.start] + "【" + d.text[f.start:f.end] + "】" + d.text[f.end:f.end + 8]
                fix = f.fix.replacement if f.fix else None
                shown.append((d.name, kind, round(f.confidence or 0, 2), fix, ctx.replace("\n", "⏎")))
        n = sum(kinds.values())
        print(f"{name:<16} {n:4d} findings / {chars:7d} chars = {n / max(1, chars) * 1e4:5.2f} per 10k  {dict(kinds)}")
        for row in shown[:args.show]:
            print("   ", *row)
    print(f"time {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
