#!/usr/bin/env python3
"""Cost of ``spun-text/frame``: the spun-text check alone, with and without the frame pass.

Texts: ``fixtures/clean``, ``bench/clean2``, ``fixtures/spun-text`` and, when present, the seeds,
repeated ``--repeat`` times.  Documents are segmented once beforehand (segmentation is shared by
all checks), then the check runs over all of them ``--rounds`` times in each configuration,
interleaved; the best round of each is reported, with the frame pass alone timed directly.  The
frame pass is switched off by emptying its synonym table, which makes it return at once.
On a shared machine only the ratios measured in one run mean much.

Usage: python bench/spun_frames_speed.py [--rounds 7] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter import spun_synonyms as ss  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.runner import make_checks  # noqa: E402


def texts() -> list[str]:
    dirs = [ROOT / "fixtures" / "clean", ROOT / "bench" / "clean2", ROOT / "fixtures" / "spun-text"]
    shared = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared")) / "seeds"
    if shared.is_dir():
        dirs.append(shared)
    return [p.read_text(encoding="utf-8") for d in dirs for p in sorted(d.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    raw = texts() * args.repeat
    chars = sum(map(len, raw))
    docs = [Document(t) for t in raw]
    t0 = time.perf_counter()
    for d in docs:
        d.tokens
    seg = time.perf_counter() - t0
    checks, _ = make_checks(["spun-text"], (), None)
    check = checks[0]
    real = ss.synonyms()
    for d in docs[:5]:
        list(check.run(d))  # warm every table
        ss.frame_findings(d)
    best = {"with": 9e9, "without": 9e9, "pass": 9e9}
    for _ in range(args.rounds):
        for mode in ("with", "without", "pass"):
            if mode == "without":
                _orig = ss.synonyms
                ss.synonyms = lambda: {}
            t0 = time.perf_counter()
            if mode == "pass":
                for d in docs:
                    ss.frame_findings(d)
            else:
                for d in docs:
                    list(check.run(d))
            best[mode] = min(best[mode], time.perf_counter() - t0)
            if mode == "without":
                ss.synonyms = _orig
    assert ss.synonyms() == real or not real
    us = {k: 1e6 * v / chars for k, v in best.items()}
    print(f"{len(docs)} documents, {chars} chars; segmentation (once) {1e6 * seg / chars:.3f} us/char")
    print(f"spun-text with the frame pass    {us['with']:.3f} us/char")
    print(f"spun-text without the frame pass {us['without']:.3f} us/char  (with/without = {best['with'] / best['without']:.2f})")
    print(f"frame pass alone                 {us['pass']:.3f} us/char")


if __name__ == "__main__":
    main()
