#!/usr/bin/env python3
"""Held-out accuracy: run ``wenlint check --format jsonl`` over bench/heldout/*.txt exactly as
a user would, score the findings against bench/heldout/gold.jsonl with ../shared/gold/score.py,
and print precision / recall / F1 per rule plus exact-fix accuracy.

    python bench/heldout_eval.py [--select RULES] [--one-to-one] [--exclude CATS]
                                 [--per-file] [--details] [--json PATH] [--laws DIR]
                                 [--set DIR]

``--set DIR`` scores another held-out batch laid out the same way (``DIR/*.txt`` plus
``DIR/gold.jsonl``), e.g. ``--set bench/heldout2``; the default is bench/heldout.

The held-out articles were written after the checks were tuned and are never used for tuning
(see bench/README.md, "Held-out evaluation").  The scorer lives in ../shared/gold/score.py and is
not copied here: without it the script prints a message and exits 0.  Findings of the engine's
``internal-error`` rule (a check that raised) are listed separately.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import SHARED, fix_matches, wenlint_cmd  # noqa: E402

HELDOUT = ROOT / "bench" / "heldout"
GOLD = HELDOUT / "gold.jsonl"
FIX_CATEGORIES = ("missing-char", "spun-text", "punctuation", "legal-citation", "outdated-reference",
                  "markup-residue")


def run_wenlint(paths: list[Path], select: str | None, laws: str | None,
                config: str | None = None) -> subprocess.CompletedProcess:
    cmd = wenlint_cmd() + ["check", "--format", "jsonl", "--exit-zero", "--no-color", "--no-cache"]
    if select:
        cmd += ["--select", select]
    if config:
        cmd += ["--config", str(Path(config).resolve())]
    cmd += [str(p) for p in paths]
    env = dict(os.environ)
    if laws:
        env["WENLINT_LAWS_DIR"] = laws
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def fix_accuracy(preds: list[dict], gold: list[dict], texts: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Per category: of the predictions that carry a fix and overlap a certain gold record
    with a fix, how many produce the gold text over the union of both spans?"""
    by = defaultdict(list)
    for g in gold:
        if g.get("confidence") == "certain" and g.get("fix") is not None and g.get("scope") != "document":
            by[(g["file"], g["category"])].append(g)
    out: dict[str, list[int]] = {}
    for p in preds:
        cat = p["rule"].split("/", 1)[0]
        if cat not in FIX_CATEGORIES:
            continue
        name = Path(p["path"]).name
        for g in by.get((name, cat), []):
            ps, pe = p["start"], p["end"]
            hit = (ps < g["end"] and g["start"] < pe) or (ps == pe and g["start"] <= ps <= g["end"])
            if not hit:
                continue
            fix = p.get("fix")
            ok = bool(fix) and fix_matches(texts[name], g, fix)
            c = out.setdefault(cat, [0, 0])
            c[0] += ok
            c[1] += 1
            break
    return {k: (v[0], v[1]) for k, v in out.items()}


def held_out_set(arg: str | None) -> tuple[Path, Path]:
    """The batch folder and its gold file; a relative DIR is taken from the repository root."""
    if arg is None:
        return HELDOUT, GOLD
    folder = Path(arg)
    if not folder.is_absolute():
        folder = ROOT / folder
    return folder, folder / "gold.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", default=None, help="rules to run (passed to wenlint --select)")
    ap.add_argument("--one-to-one", action="store_true", help="strict one-to-one matching")
    ap.add_argument("--exclude", default=None, help="categories to leave out, e.g. punctuation")
    ap.add_argument("--per-file", action="store_true", help="also print per-file tables")
    ap.add_argument("--details", action="store_true", help="list missed gold records and false positives")
    ap.add_argument("--json", default=None, metavar="PATH", help="write the scorer's JSON summary here")
    ap.add_argument("--laws", default=None, metavar="DIR",
                    help="law article texts for quote checking (sets WENLINT_LAWS_DIR for the run)")
    ap.add_argument("--config", default=None, metavar="FILE",
                    help="a wenlint config file (check options, e.g. insert-needs-evidence)")
    ap.add_argument("--set", default=None, metavar="DIR",
                    help="held-out batch to score (articles + gold.jsonl); default bench/heldout")
    args = ap.parse_args()
    heldout, gold_path = held_out_set(args.set)

    scorer = SHARED / "gold" / "score.py"
    if not scorer.is_file():
        print(f"skipped: the scorer {scorer} is not present on this machine (it is not copied here)")
        return 0
    articles = sorted(heldout.glob("*.txt"))
    if not articles or not gold_path.is_file():
        print(f"skipped: no held-out articles or gold in {heldout}")
        return 0

    proc = run_wenlint(articles, args.select, args.laws, args.config)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        print(f"wenlint exited {proc.returncode}", file=sys.stderr)
        return proc.returncode
    preds = read_jsonl(proc.stdout)
    crashes = [p for p in preds if p["rule"].startswith(("internal-error", "input-error"))]

    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        pred_path.write_text(proc.stdout, encoding="utf-8")
        summary = Path(args.json) if args.json else Path(tmp) / "summary.json"
        cmd = [sys.executable, str(scorer), str(gold_path), str(pred_path), "--json", str(summary)]
        if args.one_to_one:
            cmd.append("--one-to-one")
        if args.exclude:
            cmd += ["--exclude", args.exclude]
        if args.per_file:
            cmd.append("--per-file")
        if args.details:
            cmd.append("--details")
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stdout, res.stderr)
            return res.returncode
        print(f"held-out set: {len(articles)} articles, "
              f"{sum(len(p.read_text(encoding='utf-8')) for p in articles)} characters")
        print(res.stdout.rstrip())

    gold = read_jsonl(gold_path.read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in articles}
    fixes = fix_accuracy(preds, gold, texts)
    if fixes:
        print("\nexact-fix accuracy on predictions overlapping a certain gold record with a fix:")
        for cat, (ok, n) in sorted(fixes.items()):
            print(f"  {cat:<20} {ok}/{n} = {ok / n:.2f}")
    if crashes:
        print(f"\n{len(crashes)} engine error finding(s) (a check raised or an input failed):")
        for p in crashes:
            print(f"  {Path(p['path']).name}: {p['rule']}: {p.get('message', '')}")
    else:
        print("\nno internal-error findings: every check ran on every held-out article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
