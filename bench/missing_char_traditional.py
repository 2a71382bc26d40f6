#!/usr/bin/env python3
"""``missing-char`` on traditional-script pages: the development sets and clean pages converted to
traditional script (OpenCC s2t, which keeps every offset) against the same pages in simplified
script, in one run.  A traditional page is read through its simplified twin; this measures what
is lost on the way (segmentation of converted text, conversions that change a word).

Scripts: simplified (as written), traditional (OpenCC s2t) and Taiwan's (s2twp: traditional
script with Taiwan's words, 资讯 for 信息, which the simplified twin keeps).  Per set: precision
and recall on its certain gold (a finding overlapping the record's span),
restorations exactly right (the fix, in the page's own script, rebuilds the original text), and
findings on clean pages per 10,000 characters.

Then every rule: findings per rule on the seed articles (``../shared``, when present) and on the
clean pages, in simplified and in traditional script (each check that reads simplified text sees a
traditional page through its simplified twin: ``Check.reads_simplified``).

    python bench/missing_char_traditional.py [--sets bench/dev3,bench/dev4] [--clean bench/clean5]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))


def score(texts: dict[str, str], gold: dict[str, list[dict]]) -> tuple[int, int, int, int]:
    """(TP, FP, FN on certain records, exact fixes) of missing-char on ``texts``."""
    from linter.runner import lint_text

    tp = fp = fn = exact = 0
    for name, text in texts.items():
        gs = gold.get(name, [])
        used: set[int] = set()
        for f in lint_text(text, select=["missing-char"]):
            hit = [i for i, g in enumerate(gs) if f.start <= g["end"] and f.end >= g["start"]]
            if not hit:
                fp += 1
                continue
            tp += 1
            used.update(hit)
            g = gs[hit[0]]
            if f.fix is not None:
                fixed = text[:f.fix.start] + f.fix.replacement + text[f.fix.end:]
                lo = max(0, min(g["start"], f.fix.start) - 4)
                orig = text[:g["start"]] + g["fix_text"] + text[g["end"]:]  # the gold's fix put back
                exact += fixed[lo:lo + 16] == orig[lo:lo + 16]
        fn += sum(1 for i, g in enumerate(gs) if i not in used and g.get("confidence") == "certain")
    return tp, fp, fn, exact


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="bench/dev3,bench/dev4")
    ap.add_argument("--clean", default="bench/clean5")
    args = ap.parse_args(argv)
    from linter.runner import lint_text
    from linter.script import _converter

    s2t = _converter("s2t").convert
    s2twp = _converter("s2twp").convert  # Taiwan's script and phrases (资讯 for 信息): no exact way back
    print(f"{'set':>14} {'script':>12} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'exact':>6}")
    for d in args.sets.split(","):
        folder = ROOT / d
        if not (folder / "gold.jsonl").is_file():
            print(f"{d}: no gold.jsonl")
            continue
        gold: dict[str, list[dict]] = {}
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g.get("category", "missing-char") == "missing-char":
                gold.setdefault(g["file"], []).append(g)
        simp = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
        trad = {k: s2t(v) for k, v in simp.items()}
        tw = {k: s2twp(v) for k, v in simp.items()}
        kept = {k for k in simp if len(trad[k]) == len(simp[k]) == len(tw[k])}
        for script, texts, conv in (("simplified", simp, lambda x: x), ("traditional", trad, s2t),
                                    ("taiwan", tw, s2twp)):
            g2 = {k: [dict(g, fix_text=conv(g.get("fix") or "")) for g in v] for k, v in gold.items()}
            tp, fp, fn, exact = score({k: texts[k] for k in kept}, g2)
            print(f"{d:>14} {script:>12} {tp:>4} {fp:>4} {fn:>4} {tp / max(1, tp + fp):>6.3f} "
                  f"{tp / max(1, tp + fn):>6.3f} {exact:>6}")
        if len(kept) < len(simp):
            print(f"{'':>14} ({len(simp) - len(kept)} pages whose conversion changed their length left out)")
    clean = [p.read_text(encoding="utf-8") for d in args.clean.split(",") for p in sorted((ROOT / d).glob("*.txt"))]
    n = sum(map(len, clean))
    for script, conv in (("simplified", lambda x: x), ("traditional", s2t), ("taiwan", s2twp)):
        found = sum(len(lint_text(conv(t), select=["missing-char"])) for t in clean)
        print(f"{args.clean:>14} {script:>12} {found:>4} findings on {n:,} clean chars = {found / n * 1e4:.2f} per 10k")
    every_rule(s2t, clean)
    return 0


def every_rule(s2t, clean: list[str]) -> None:
    """Findings per rule, simplified / traditional, on the seeds and the clean pages."""
    from collections import Counter

    from linter.runner import lint_text

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SHARED.glob("seeds/*.txt"))] if SHARED.is_dir() else []
    counts = {k: Counter() for k in ("seeds simplified", "seeds traditional", "clean simplified", "clean traditional")}
    for name, texts in (("seeds", seeds), ("clean", clean)):
        for t in texts:
            counts[f"{name} simplified"].update(f.rule.split("/")[0] for f in lint_text(t))
            counts[f"{name} traditional"].update(f.rule.split("/")[0] for f in lint_text(s2t(t)))
    rules = sorted(set().union(*counts.values()))
    print(f"\nevery rule, findings: {'seeds (simplified / traditional)':>34} {'clean (simplified / traditional)':>34}")
    for r in rules:
        print(f"{r:>22} {counts['seeds simplified'][r]:>16} / {counts['seeds traditional'][r]:<15} "
              f"{counts['clean simplified'][r]:>16} / {counts['clean traditional'][r]:<15}")


if __name__ == "__main__":
    raise SystemExit(main())
