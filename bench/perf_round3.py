#!/usr/bin/env python3
"""Check-only throughput (segmentation excluded) of each check alone and of a set of checks
together, on the text of ``throughput.py`` (seeds repeated to ``--mb`` MB + every fixture).

    python bench/perf_round3.py [--mb 1] [--rounds 5] [--root TREE] [--select ids] [--split]
                                [--skip missing-char] [--profile id|together] [--json PATH]

Each article is linted as its own fresh ``Document`` with its tokens handed in (computed once,
outside the timing), so the shared lazy properties (lines, sentences, layout) are paid inside
each measurement, as in ``throughput.py``.  ``--root`` imports ``linter``/``checks`` from another
copy of the tree (for example ``git archive`` of an older commit) so that "before" and "after"
can be timed by the same script on the same text.  ``--profile`` prints a cProfile of one run.
Times are best of ``--rounds``; the machine is shared, so compare runs made one after another.
"""
from __future__ import annotations

import argparse
import gc
import os
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--root", default=str(HERE.parent), help="tree to import linter/checks from")
    ap.add_argument("--select", default="", help="comma-separated check ids (default: all but --skip)")
    ap.add_argument("--skip", default="missing-char")
    ap.add_argument("--profile", default="", help="check id (or 'together') to profile once")
    ap.add_argument("--no-alone", action="store_true", help="only the set together")
    ap.add_argument("--split", action="store_true",
                    help="also time each check inside the run of the set together (the first check to ask "
                         "for lines/layout/sentences pays for them) and the engine around them")
    ap.add_argument("--json", default="")
    args = ap.parse_args()

    sys.path.insert(0, str(HERE))          # throughput.corpus
    from throughput import corpus  # noqa: E402  (it puts this tree first on sys.path ...)

    sys.path.insert(0, str(Path(args.root).resolve()))  # (... so --root goes in front of it)

    from linter import segment
    from linter.document import Document
    from linter.runner import LintOptions, lint_document, make_checks

    import linter
    print(f"linter from {Path(linter.__file__).parent}", file=sys.stderr)
    texts, info = corpus(args.mb)
    n = info["chars"]
    checks, selection = make_checks()
    skip = {s for s in args.skip.split(",") if s}
    want = {s for s in args.select.split(",") if s}
    checks = [c for c in checks if c.id not in skip and (not want or c.id in want)]
    opts = LintOptions(selection=selection)
    toks = {t: segment.tokenize(t) for t in dict.fromkeys(texts)}

    def fresh(t):
        d = Document(t)
        d.__dict__["tokens"] = toks[t]
        return d

    for t in toks:  # every distinct article once: lazily loaded data stays outside the timing
        lint_document(fresh(t), checks, opts)

    def run(cs):
        for t in texts:
            lint_document(fresh(t), cs, opts)

    if args.profile:
        import cProfile
        import pstats

        cs = checks if args.profile == "together" else [c for c in checks if c.id == args.profile]
        pr = cProfile.Profile()
        pr.enable()
        run(cs)
        pr.disable()
        pstats.Stats(pr).sort_stats(os.environ.get("SORT", "tottime")).print_stats(int(os.environ.get("TOP", "25")))
        return 0

    def best(cs):
        runs = []
        for _ in range(args.rounds):
            gc.collect()
            t0 = time.perf_counter()
            run(cs)
            runs.append(time.perf_counter() - t0)
        return min(runs)

    out = {"root": args.root, "chars": n, "alone": {}}
    if not args.no_alone:
        for c in checks:
            s = best([c])
            out["alone"][c.id] = n / s
            print(f"{c.id:22s} {n / s:>14,.0f} c/s  {s / n * 1e6:6.3f} us/char", flush=True)
    if args.split:
        import collections

        from linter import runner

        acc: collections.Counter = collections.Counter()
        plain = runner._run_one

        def timed_run_one(check, doc):
            t0 = time.perf_counter()
            try:
                return plain(check, doc)
            finally:
                acc[check.id] += time.perf_counter() - t0

        runner._run_one = timed_run_one
        split_best = None
        try:
            for _ in range(args.rounds):
                acc.clear()
                gc.collect()
                t0 = time.perf_counter()
                run(checks)
                total = time.perf_counter() - t0
                if split_best is None or total < split_best[0]:
                    split_best = (total, dict(acc))
        finally:
            runner._run_one = plain
        total, parts = split_best
        out["split"] = {k: v / n * 1e6 for k, v in parts.items()}
        out["split"]["engine"] = (total - sum(parts.values())) / n * 1e6
        print(f"split of the set together (best of {args.rounds}), us/char: total {total / n * 1e6:.3f}")
        for k, v in sorted(out["split"].items(), key=lambda kv: -kv[1]):
            print(f"  {k:22s} {v:.3f}")
    s = best(checks)
    out["together"] = n / s
    print(f"{'TOGETHER (%d)' % len(checks):22s} {n / s:>14,.0f} c/s  {s / n * 1e6:6.3f} us/char")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
