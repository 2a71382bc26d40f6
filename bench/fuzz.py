#!/usr/bin/env python3
"""Fuzz every check with N random hostile documents (default 10,000) and print
how many broke an invariant (a crash, offsets outside the text, line/column
that disagree with offsets, a fix outside the text, a missing message language).

    python bench/fuzz.py [-n 10000] [--seed 1] [--select RULES]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.document import Document  # noqa: E402
from linter.fix import apply_fixes, eligible  # noqa: E402
from linter.fuzzing import invariant_errors, random_text  # noqa: E402
from linter.runner import LintOptions, lint_document, make_checks  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--select", default="ALL")
    args = ap.parse_args()
    checks, selection = make_checks(select=args.select.split(","))
    options = LintOptions(selection=selection)
    rng = random.Random(args.seed)
    failed, chars, findings = 0, 0, 0
    kinds: Counter = Counter()
    examples: list[str] = []
    t0 = time.perf_counter()
    for i in range(args.n):
        text = random_text(rng)
        chars += len(text)
        doc = Document(text, path=f"fuzz-{i}")
        out = lint_document(doc, checks, options)
        findings += len(out)
        errs = invariant_errors(doc, out)
        fixed = apply_fixes(text, eligible(out))
        if any(not (0 <= fx.start <= fx.end <= len(text)) for fx in fixed.skipped):
            errs.append("fix skipped for being out of range")
        if errs:
            failed += 1
            kinds.update(e.split(" ", 1)[0] for e in errs)
            if len(examples) < 5:
                examples.append(f"  doc {i}: {errs[0]}  text={text[:80]!r}")
    dt = time.perf_counter() - t0
    print(f"fuzzed {args.n} documents ({chars / 1e6:.2f} M chars, {findings} findings) with {len(checks)} checks "
          f"in {dt:.0f}s: {failed} failed")
    for k, v in kinds.most_common():
        print(f"  {v:6d}  {k}")
    print("\n".join(examples))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
