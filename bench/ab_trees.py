#!/usr/bin/env python3
"""A/B speed of two source trees on a shared, noisy machine: each measurement runs in a fresh
interpreter per tree, the trees alternate round by round, and every child also times
``jieba.lcut`` on the same text right before, so each figure comes with a ratio taken at the
same moment.  Reports the best of ``--rounds`` per tree (least disturbed) and the median.

    python bench/ab_trees.py TREE_A TREE_B [--rounds 5] [--mb 1] [--measures tokenize,mc-warm,...]

A tree is a directory with ``linter/`` and ``checks/`` (e.g. ``git archive`` of a commit, with
files swapped); it is put first on ``sys.path``, so the installed package is not used.

Measures (chars/s):
  tokenize   ``segment.tokenize`` over the text (bulk backend loaded first when the tree has one)
  mc-warm    missing-char alone, tokens precomputed, second pass (memos warm)
  full-warm  every default check, segmentation included, second pass
  mc-cold    missing-char alone, each distinct article once after a one-line warm-up
  full-cold  every default check, each distinct article once after a one-line warm-up
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, os, sys, time
tree, measure, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
sys.path.insert(0, tree)
sys.path.insert(1, os.environ["AB_BENCH_ROOT"])
from bench.throughput import corpus
import jieba, logging
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
from linter import segment
from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks
texts, _ = corpus(mb)
if measure.endswith("cold"):
    texts = list(dict.fromkeys(texts))
n = sum(map(len, texts))
def clock(fn):
    t0 = time.perf_counter(); fn(); return time.perf_counter() - t0
lcut = min(clock(lambda: [jieba.lcut(t, HMM=False) for t in texts]) for _ in range(2))
ids = ["missing-char"] if measure.startswith("mc") else None
checks, sel = make_checks(ids) if ids else make_checks()
opts = LintOptions(selection=sel)
lint_document(Document("信用卡逾期三个月会被起诉吗？持卡人应主动联系银行说明情况，申请分期还款。"), checks, opts)
if measure == "tokenize":
    if hasattr(segment, "warm"):
        segment.warm()
    t = min(clock(lambda: [segment.tokenize(x) for x in texts]) for _ in range(3))
elif measure == "mc-warm":
    toks = {x: segment.tokenize(x) for x in texts}
    def one():
        for x in texts:
            d = Document(x); d.__dict__["tokens"] = toks[x]; lint_document(d, checks, opts)
    one(); t = clock(one)
elif measure == "full-warm":
    def one():
        for x in texts:
            lint_document(Document(x), checks, opts)
    one(); t = clock(one)
else:  # cold: each distinct article once
    def one():
        for x in texts:
            lint_document(Document(x), checks, opts)
    t = clock(one)
print(json.dumps({"rate": n / t, "lcut": n / lcut, "chars": n}))
"""

MEASURES = ("tokenize", "mc-warm", "full-warm", "mc-cold", "full-cold")


def run(tree: str, measure: str, mb: float) -> dict | None:
    env = dict(os.environ, AB_BENCH_ROOT=str(ROOT))
    r = subprocess.run([sys.executable, "-c", _CHILD, tree, measure, str(mb)], capture_output=True, text=True,
                       env=env)
    try:
        return json.loads(r.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"{tree} {measure}: failed\n{r.stderr[-800:]}", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--measures", default=",".join(MEASURES))
    args = ap.parse_args(argv)
    trees = (args.a, args.b)
    print(f"{'measure':10s} {'tree':>5s} {'chars/s best':>14s} {'median':>12s} {'÷ lcut best':>11s} {'median':>7s}")
    for m in [x for x in args.measures.split(",") if x]:
        res: dict[str, list[dict]] = {t: [] for t in trees}
        for _ in range(args.rounds):
            for t in trees:
                r = run(t, m, args.mb)
                if r:
                    res[t].append(r)
        for label, t in zip("AB", trees):
            rs = res[t]
            if not rs:
                continue
            rates = [r["rate"] for r in rs]
            ratios = [r["rate"] / r["lcut"] for r in rs]
            print(f"{m:10s} {label:>5s} {max(rates):>14,.0f} {statistics.median(rates):>12,.0f} "
                  f"{max(ratios):>11.2f} {statistics.median(ratios):>7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
