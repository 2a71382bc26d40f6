#!/usr/bin/env python3
"""CPU-time A/B of two source trees, for a machine shared with other jobs.

Wall-clock rates move with the load of the machine (other engineers' jobs on 2 cores); the CPU
time a process spends is far steadier.  Each round starts one fresh interpreter per tree (the trees
alternate), lints the same texts with the selected checks (tokens computed before timing, the
data loaded by a one-line warm-up: a cold run over distinct articles, as an audit worker sees
them), and reports CPU seconds (``time.process_time``) and characters per CPU second; best and
median of ``--rounds``.  Texts: the seeds (``../shared/seeds``, when present) and the clean
fixtures, each article once (``--wide``: every fixture, ``bench/clean2`` and ``bench/dev/src`` too).

    python bench/cpu_ab.py TREE_A TREE_B [--rounds 5] [--select missing-char] [--passes 1] [--wide]

A tree is a directory with ``linter/`` and ``checks/`` (``git archive`` of a commit, with files
swapped); it is put first on ``sys.path``.  Every child also prints a digest of its findings, so
a difference in behaviour shows up next to the timing.
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
SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))

CHILD = r"""
import hashlib, json, sys, time
tree, select, passes, paths = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
sys.path.insert(0, tree)
from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks
checks, selection = make_checks()
keep = set(select.split(",")) if select else None
checks = [c for c in checks if keep is None or c.id in keep]
opts = LintOptions(selection=selection)
texts = [open(p, encoding="utf-8").read() for p in paths]
lint_document(Document("信用卡逾期后银行会通过电话联系借款人。"), checks, opts)
docs = []
for t in texts:
    d = Document(t)
    d.tokens  # segmentation is not timed
    docs.append(d)
h = hashlib.sha256()
t0 = time.process_time()
for _ in range(passes):
    for i, d in enumerate(docs):
        fresh = Document(d.text)
        fresh.__dict__["tokens"] = d.tokens
        for f in lint_document(fresh, checks, opts):
            h.update(f"{i}:{f.rule}:{f.start}:{f.end}:{f.fix.to_dict() if f.fix else None}".encode())
cpu = time.process_time() - t0
print(json.dumps({"cpu": cpu, "chars": passes * sum(map(len, texts)), "digest": h.hexdigest()[:16]}))
"""


def texts(wide: bool) -> list[str]:
    paths = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    paths += sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    if wide:  # every fixture, the independent clean corpus and the dev articles as well
        paths += sorted(p for p in (ROOT / "fixtures").glob("*/*.txt") if p.parent.name != "clean")
        paths += sorted((ROOT / "bench" / "clean2").glob("*.txt")) + sorted((ROOT / "bench" / "dev" / "src").glob("*.txt"))
    return [str(p) for p in paths]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--select", default="missing-char", help="check ids (comma-separated; '' = all)")
    ap.add_argument("--passes", type=int, default=1, help="passes over the texts per child (2+: memos warm)")
    ap.add_argument("--wide", action="store_true", help="also every fixture, bench/clean2 and bench/dev/src")
    args = ap.parse_args()
    paths = texts(args.wide)
    res: dict[str, list[dict]] = {"A": [], "B": []}
    for _ in range(args.rounds):
        for name, tree in (("A", args.a), ("B", args.b)):
            out = subprocess.run([sys.executable, "-c", CHILD, tree, args.select, str(args.passes), *paths],
                                 check=True, capture_output=True, text=True).stdout
            res[name].append(json.loads(out.strip().splitlines()[-1]))
    chars = res["A"][0]["chars"]
    print(f"{len(paths)} texts, {chars:,} characters x {args.passes} pass(es); --select {args.select or 'ALL'}; "
          f"{args.rounds} rounds, trees alternating")
    best = {}
    for name in ("A", "B"):
        cpus = [r["cpu"] for r in res[name]]
        digests = sorted({r["digest"] for r in res[name]})
        best[name] = min(cpus)
        print(f"  {name}: CPU s best {min(cpus):.3f} median {statistics.median(cpus):.3f}  "
              f"-> {chars / min(cpus):,.0f} chars per CPU s (best), {chars / statistics.median(cpus):,.0f} (median); "
              f"findings digest {', '.join(digests)}")
    ratio_med = statistics.median([a["cpu"] for a in res["A"]]) / statistics.median([b["cpu"] for b in res["B"]])
    print(f"  A / B CPU time: best {best['A'] / best['B']:.3f}, median {ratio_med:.3f} (> 1: B is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
