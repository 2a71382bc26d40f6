#!/usr/bin/env python3
"""Throughput on distinct articles: each text linted once, in a fresh interpreter per measurement.

``throughput.py`` follows issue 9 and lints the seeds repeated to ~5 MB.  Repeats flatter any check
that memoises across documents (missing-char keeps its gap contexts and model scores between
documents), so a data team's audit of distinct pages runs slower than that figure says.  This
script lints a folder of distinct articles once (default ``bench/clean4``: 103 clean articles,
232k characters), after a warm-up on the fixtures that loads every table, and prints chars/s and
the ratio to ``jieba.lcut`` over the same texts in the same interpreter:

* the full default rule set; every check but ``missing-char`` (what the rest costs);
* ``missing-char`` alone, as shipped and with ``insert-needs-evidence = true`` (the bulk-audit
  setting: words deleted without a trace are sought only in documents that show other damage);
* the full set with that setting.

    python bench/throughput_distinct.py [--dir bench/clean4] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import glob, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import jieba
from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks
texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(sys.argv[2] + "/*.txt"))]
warm = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1], "fixtures").rglob("*.txt"))][:20]
select = json.loads(sys.argv[3])
options = json.loads(sys.argv[4])
ignore = json.loads(sys.argv[5])
checks, selection = make_checks(select=select or ("ALL",), ignore=ignore, options=options or None)
opts = LintOptions(selection=selection)
jieba.initialize()
for t in warm:
    lint_document(Document(t), checks, opts)
    jieba.lcut(t, HMM=False)
t0 = time.perf_counter()
for t in texts:
    jieba.lcut(t, HMM=False)
t_jieba = time.perf_counter() - t0
t0 = time.perf_counter()
for t in texts:
    lint_document(Document(t), checks, opts)
t_lint = time.perf_counter() - t0
print(json.dumps({"chars": sum(map(len, texts)), "articles": len(texts), "jieba": t_jieba, "lint": t_lint}))
"""

SETUPS = (  # (name, select, ignore, options)
    ("full default rule set", [], [], {}),
    ("missing-char alone", ["missing-char"], [], {}),
    ("every check but missing-char", [], ["missing-char"], {}),
    ("missing-char, insert-needs-evidence", ["missing-char"], [], {"missing-char": {"insert-needs-evidence": True}}),
    ("full set, insert-needs-evidence", [], [], {"missing-char": {"insert-needs-evidence": True}}),
)


def measure(directory: str, select: list[str], options: dict, ignore: list[str] = ()) -> dict:
    r = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), directory, json.dumps(select), json.dumps(options),
                        json.dumps(list(ignore))],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-800:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(ROOT / "bench" / "clean4"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if not list(Path(args.dir).glob("*.txt")):
        print(f"no articles in {args.dir}")
        return 0
    print(f"articles: {args.dir}; one pass each, a fresh interpreter per measurement, best and median of {args.rounds}")
    print(f"{'what':<40}{'chars/s best':>14}{'median':>10}{'x jieba.lcut':>14}")
    for name, select, ignore, options in SETUPS:
        runs = [measure(args.dir, select, options, ignore) for _ in range(args.rounds)]
        rates = [r["chars"] / r["lint"] for r in runs]
        ratios = [r["jieba"] / r["lint"] for r in runs]  # same texts, same interpreter
        print(f"{name:<40}{max(rates):>14,.0f}{statistics.median(rates):>10,.0f}{max(ratios):>14.3f}")
    print(f"({runs[0]['articles']} articles, {runs[0]['chars']:,} chars; jieba.lcut in those runs: "
          f"{max(r['chars'] / r['jieba'] for r in runs):,.0f} chars/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
