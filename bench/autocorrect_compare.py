#!/usr/bin/env python3
"""wenlint `punctuation` vs autocorrect (autocorrect-py) on the seed gold, side by side.

autocorrect (huacnlee/autocorrect) is the reference CJK copy-writing linter: it turns
half-width punctuation after Chinese into full width and fixes spacing.  Both tools lint
the five seeds in ``../shared/seeds``; their findings are scored against the punctuation
records of ``../shared/gold/seeds.jsonl`` with the gold's own scorer (``score.py``,
lenient and ``--one-to-one``).

autocorrect reports changed lines (old → new); every changed region of a line (one
``difflib`` opcode, in old-line coordinates; an insertion is a zero-width span) becomes
one prediction.  A line-level variant (one prediction from the first to the last changed
character of each line, the gold's own half-width convention) is scored too, so the
comparison does not hinge on granularity.

autocorrect-py is a bench-only dependency:  pip install -e '.[bench]'
Usage: python bench/autocorrect_compare.py [--shared ../shared] [--keep DIR]
"""
from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wenlint_predictions(seeds: list[Path]) -> list[dict]:
    from linter.runner import lint_text

    out = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        for f in lint_text(text, select=["punctuation"], path=str(path)):
            out.append({"path": path.name, "rule": f.rule, "start": f.start, "end": f.end})
    return out


def autocorrect_predictions(seeds: list[Path], per_line: bool) -> list[dict]:
    import autocorrect_py as ac

    out = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        starts, pos = [], 0
        for line in text.split("\n"):
            starts.append(pos)
            pos += len(line) + 1
        result = ac.lint_for(text, path.name)
        for lr in result.lines:
            base = starts[lr.line - 1] + lr.col - 1
            old, new = lr.old, lr.new
            regions = [(i1, i2) for tag, i1, i2, _j1, _j2 in
                       difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if tag != "equal"]
            if not regions:
                continue
            if per_line:
                regions = [(regions[0][0], max(i2 for _, i2 in regions))]
            for i1, i2 in regions:
                out.append({"path": path.name, "rule": "punctuation", "start": base + i1, "end": base + i2})
    return out


def score(gold: Path, preds: list[dict], workdir: Path, name: str, scorer: Path, strict: bool) -> dict:
    pred_path = workdir / f"{name}.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    cmd = [sys.executable, str(scorer), str(gold), str(pred_path), "--json", "-"]
    if strict:
        cmd.append("--one-to-one")
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout)["categories"]["punctuation"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--keep", help="write the prediction files to this folder")
    args = ap.parse_args()
    shared = Path(args.shared)
    gold, scorer = shared / "gold" / "seeds.jsonl", shared / "gold" / "score.py"
    if not gold.exists():
        print(f"no gold at {gold}; nothing to compare")
        return 0
    seeds = sorted((shared / "seeds").glob("*.txt"))
    runs = [("wenlint punctuation", wenlint_predictions(seeds))]
    try:
        runs.append(("autocorrect (per change)", autocorrect_predictions(seeds, per_line=False)))
        runs.append(("autocorrect (per line)", autocorrect_predictions(seeds, per_line=True)))
    except ImportError:
        print("autocorrect-py is not installed (pip install -e '.[bench]'); scoring wenlint alone")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.keep) if args.keep else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"punctuation on {len(seeds)} seeds ({gold})")
        print(f"{'tool':28s} {'mode':11s} {'pred':>5s} {'TP':>4s} {'FP':>4s} {'neut':>5s} "
              f"{'rec':>4s} {'gold':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        for name, preds in runs:
            for strict in (False, True):
                d = score(gold, preds, workdir, name.split()[0] + ("-strict" if strict else ""), scorer, strict)
                f = lambda x: "     -" if x is None else f"{x:6.3f}"  # noqa: E731
                print(f"{name:28s} {'one-to-one' if strict else 'lenient':11s} {d['pred']:5d} {d['tp']:4d} "
                      f"{d['fp']:4d} {d['neutral']:5d} {d['recalled']:4d} {d['gold_certain']:4d} "
                      f"{f(d['precision'])} {f(d['recall'])} {f(d['f1'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
