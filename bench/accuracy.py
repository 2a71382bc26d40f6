#!/usr/bin/env python3
"""Accuracy on the seed gold: run ``wenlint check --format jsonl`` over
../shared/seeds exactly as a user would, score with ../shared/gold/score.py,
and print precision / recall / F1 per rule.

    python bench/accuracy.py [--select RULES] [--one-to-one] [--details]

Skips (exit 0, with a message) when ../shared is not present.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))


def wenlint_cmd() -> list[str]:
    exe = shutil.which("wenlint", path=str(Path(sys.executable).parent)) or shutil.which("wenlint")
    return [exe] if exe else [sys.executable, "-m", "linter.cli"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default=None)
    ap.add_argument("--one-to-one", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--exclude", default=None, help="categories to leave out, e.g. punctuation")
    args = ap.parse_args()
    seeds, gold, scorer = SHARED / "seeds", SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "score.py"
    if not (seeds.is_dir() and gold.is_file() and scorer.is_file()):
        print(f"skipped: {SHARED} (seeds, gold) is not present on this machine")
        return 0
    cmd = wenlint_cmd() + ["check", "--format", "jsonl", "--exit-zero", "--no-color"]
    if args.select:
        cmd += ["--select", args.select]
    cmd += sorted(str(p) for p in seeds.glob("*.txt"))
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        print(f"wenlint exited {proc.returncode}", file=sys.stderr)
        return proc.returncode
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(proc.stdout, encoding="utf-8")
        summary = Path(tmp) / "summary.json"
        score = [sys.executable, str(scorer), str(gold), str(pred), "--json", str(summary)]
        if args.one_to_one:
            score.append("--one-to-one")
        if args.details:
            score.append("--details")
        if args.exclude:
            score += ["--exclude", args.exclude]
        res = subprocess.run(score, capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stdout, res.stderr)
            return res.returncode
        print(res.stdout.rstrip())
        data = json.loads(summary.read_text(encoding="utf-8"))
    fixes = _fix_accuracy(proc.stdout, gold)
    if fixes:
        print("\nexact-fix accuracy on true positives (prediction fix == gold fix):")
        for rule, (ok, n) in sorted(fixes.items()):
            print(f"  {rule:<20} {ok}/{n} = {ok / n:.2f}")
    return 0 if data else 1


def fix_matches(src: str, gold: dict, fix: dict) -> bool:
    """Does applying ``fix`` give the gold text over the union of both spans?"""
    lo, hi = min(gold["start"], fix["start"]), max(gold["end"], fix["end"])
    mine = src[lo:fix["start"]] + fix["replacement"] + src[fix["end"]:hi]
    theirs = src[lo:gold["start"]] + gold["fix"] + src[gold["end"]:hi]
    return mine == theirs


def _fix_accuracy(pred_jsonl: str, gold_path: Path) -> dict[str, tuple[int, int]]:
    """For predictions overlapping a certain gold record of their rule that has a fix,
    how often does the replacement text equal the gold fix?"""
    gold: dict[tuple[str, str], list[dict]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g.get("confidence") == "certain" and g.get("fix") is not None and g.get("scope") != "document":
            gold.setdefault((g["file"], g["category"]), []).append(g)
    out: dict[str, list[int]] = {}
    for line in pred_jsonl.splitlines():
        p = json.loads(line)
        cat = p["rule"].split("/", 1)[0]
        if cat not in ("missing-char", "spun-text", "punctuation", "legal-citation"):
            continue
        for g in gold.get((Path(p["path"]).name, cat), []):
            if p["start"] < g["end"] and g["start"] < p["end"] or (p["start"] == p["end"] and g["start"] <= p["start"] <= g["end"]):
                fix = p.get("fix")
                ok = bool(fix) and fix_matches((SHARED / "seeds" / g["file"]).read_text(encoding="utf-8"), g, fix)
                c = out.setdefault(cat, [0, 0])
                c[0] += ok
                c[1] += 1
                break
    return {k: (v[0], v[1]) for k, v in out.items()}


if __name__ == "__main__":
    sys.exit(main())
