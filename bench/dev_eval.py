#!/usr/bin/env python3
"""Development-set accuracy for the page-chrome and legal checks.

The articles are fixtures/<check-id>/dev-*.txt, built with their gold (bench/dev/gold.jsonl) by
scripts/build_dev_set.py from the marked sources in bench/dev/src.  They were written for this
project in site styles unlike the seeds, to tune generalisation without touching bench/heldout.
Every selected check runs on every dev article; the findings are scored with ../shared/gold/score.py.

    .venv/bin/python bench/dev_eval.py [--details] [--select RULE,...]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import SHARED  # noqa: E402

from linter.runner import lint_text  # noqa: E402

RULES = ("boilerplate", "fake-comments", "generation-residue", "legal-citation", "outdated-reference",
         "link-spam", "duplicate-title", "keyword-stuffing")
GOLD = ROOT / "bench" / "dev" / "gold.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--select", default=",".join(RULES))
    args = ap.parse_args()
    scorer = SHARED / "gold" / "score.py"
    if not scorer.is_file():
        print(f"skipped: {scorer} is not present")
        return 0
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    names = sorted({g["file"] for g in gold})
    files = [p for p in sorted(ROOT.glob("fixtures/*/dev*.txt")) if p.name in names]
    texts, preds = {}, []
    for p in files:
        text = p.read_text(encoding="utf-8")
        texts[p.name] = text
        for f in lint_text(text, select=args.select.split(","), path=str(p)):
            fix = f.fix.to_dict() if f.fix else None
            preds.append({"path": p.name, "rule": f.rule, "start": f.start, "end": f.end, "fix": fix})
            if args.details:
                print(f"  {p.name}: {f.rule} {f.start}-{f.end} {text[f.start:f.end][:40]!r}"
                      f" fix={fix['replacement'][:30] if fix else None!r}")
    with tempfile.TemporaryDirectory() as tmp:
        pp = Path(tmp) / "pred.jsonl"
        pp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in preds), encoding="utf-8")
        cmd = [sys.executable, str(scorer), str(GOLD), str(pp)] + (["--details"] if args.details else [])
        res = subprocess.run(cmd, capture_output=True, text=True)
        print(res.stdout.rstrip())
    # exact fixes on overlapping certain records
    ok = n = 0
    for g in gold:
        if g["confidence"] != "certain" or g["fix"] is None:
            continue
        for p in preds:
            if p["path"] != g["file"] or not p["rule"].startswith(g["category"]):
                continue
            if not (p["start"] < g["end"] and g["start"] < p["end"]):
                continue
            n += 1
            fx = p["fix"]
            if fx:
                src = texts[g["file"]]
                lo, hi = min(g["start"], fx["start"]), max(g["end"], fx["end"])
                ok += (src[lo:fx["start"]] + fx["replacement"] + src[fx["end"]:hi]
                       == src[lo:g["start"]] + g["fix"] + src[g["end"]:hi])
            break
    print(f"\nexact fixes (certain records with a fix, overlapped): {ok}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
