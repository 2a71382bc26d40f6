#!/usr/bin/env python3
"""``missing-char`` on the seed gold, finding by finding: each finding tagged TP (matches a certain
record), neutral (likely only) or FP, with its evidence kind; then the scorer's P/R and the exact-fix
rate on TPs.  Matching follows ``../shared/gold/score.py`` (overlap, or a gap ≤ 2 for empty spans).

    python bench/missing_char_seeds.py [--show] [--misses] [--set key=value,...]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from textcorpus import SHARED  # noqa: E402

CHECK = "missing-char"


def _match(a0, a1, b0, b1, window=2):
    if a0 == a1 or b0 == b1:
        gap = max(b0 - a1, a0 - b1, 0)
        return gap <= window
    return a0 < b1 and b0 < a1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--set", default="")
    args = ap.parse_args()
    from linter.runner import lint_text

    opts = {}
    for kv in filter(None, args.set.split(",")):
        k, _, v = kv.partition("=")
        opts[k] = float(v)
    gold = [json.loads(x) for x in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [g for g in gold if g["category"] == CHECK]
    tags: Counter = Counter()
    found = set()
    exact = 0
    for p in sorted((SHARED / "seeds").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        gs = [g for g in gold if g["file"] == p.name]
        for f in lint_text(text, select=[CHECK], options={CHECK: opts}):
            if f.check_id != CHECK:
                continue
            hits = [g for g in gs if _match(f.start, f.end, g["start"], g["end"])]
            cert = [g for g in hits if g["confidence"] == "certain"]
            tag = "TP" if cert else ("neutral" if hits else "FP")
            kind = (f.data or {}).get("kind", "?")
            tags[(tag, kind)] += 1
            fixed = ""
            if cert:
                for g in cert:
                    found.add((p.name, g["start"]))
                if f.fix is not None:
                    g = cert[0]
                    restored = text[g["start"]:f.fix.start] + f.fix.replacement + text[f.fix.end:g["end"]] \
                        if g["start"] <= f.fix.start <= f.fix.end <= g["end"] else None
                    if restored == g["fix"]:
                        exact += 1
                        fixed = "exact"
            if args.show:
                ctx = text[max(0, f.start - 8):f.start] + "【" + text[f.start:f.end] + "】" + text[f.end:f.end + 8]
                print(f"  {tag:<7} {kind:<9} {p.name[:3]} conf {f.confidence:.2f} "
                      f"fix={f.fix.replacement if f.fix else None!r} {fixed} {ctx!r}")
        if args.misses:
            for g in gs:
                if g["confidence"] == "certain" and (p.name, g["start"]) not in found:
                    ctx = text[max(0, g["start"] - 8):g["start"]] + "【" + g["text"] + "】" + text[g["end"]:g["end"] + 8]
                    print(f"  MISS {p.name[:3]} fix={g['fix']!r} {ctx!r}")
    tp = sum(v for (t, _), v in tags.items() if t == "TP")
    fp = sum(v for (t, _), v in tags.items() if t == "FP")
    n_cert = sum(1 for g in gold if g["confidence"] == "certain")
    print(f"P {tp / max(1, tp + fp):.3f} R {len(found) / n_cert:.3f} ({len(found)}/{n_cert}) "
          f"exact-fix {exact / max(1, tp):.2f}  by kind: {dict(sorted(tags.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
