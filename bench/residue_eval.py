"""Precision/recall of the four residue checks on the labelled case set
``bench/data/residue_cases.txt`` (cases written for wenlint), and false
positives per 10,000 characters on ``fixtures/clean``.

    .venv/bin/python bench/residue_eval.py [--details] [--json]

A prediction is a true positive when it overlaps a marked span (⟦…⟧) of its
case; any prediction on a negative case, or away from every mark, is a false
positive.  Recall counts marked spans overlapped by at least one prediction.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.runner import lint_text  # noqa: E402

CASES = ROOT / "bench" / "data" / "residue_cases.txt"
CHECKS = ("markup-residue", "conversion-residue", "generation-residue", "unsourced-statistic")
OPEN, CLOSE = "⟦", "⟧"


def parse_cases(path: Path = CASES) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {c: [] for c in CHECKS}
    section = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if not line or line.startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("## "):
            section = line[3:].strip()
            continue
        sign, rest = line[0], line[1:].strip()
        kind, _, body = rest.partition("|")
        body = body[1:] if body.startswith(" ") else body
        body = body.replace("\\n", "\n")
        text, spans, pos = [], [], 0
        i = 0
        while i < len(body):
            ch = body[i]
            if ch == OPEN:
                j = body.index(CLOSE, i)
                inner = body[i + 1:j]
                spans.append((pos, pos + len(inner)))
                text.append(inner)
                pos += len(inner)
                i = j + 1
                continue
            text.append(ch)
            pos += 1
            i += 1
        if sign == "+" and not spans:
            raise ValueError(f"{path}:{n}: a positive case needs a ⟦marked⟧ span")
        if sign == "-" and spans:
            raise ValueError(f"{path}:{n}: a negative case has a marked span")
        out[section].append({"line": n, "positive": sign == "+", "suffix": kind.strip(),
                             "text": "".join(text), "spans": spans})
    return out


def evaluate(cases: dict[str, list[dict]], details: bool = False) -> dict[str, dict]:
    results = {}
    for check, items in cases.items():
        tp = fp = hit = marks = pos = neg = 0
        for c in items:
            pos += c["positive"]
            neg += not c["positive"]
            preds = [f for f in lint_text(c["text"], select=[check], path=f"case.{c['suffix']}")
                     if f.rule.split("/")[0] == check]
            marks += len(c["spans"])
            matched = set()
            for f in preds:
                ok = [k for k, (s, e) in enumerate(c["spans"]) if f.start < e and s < max(f.end, f.start + 1)]
                if ok:
                    tp += 1
                    matched.update(ok)
                else:
                    fp += 1
                    if details:
                        print(f"FP {check} line {c['line']}: {f.rule} {c['text'][f.start:f.end]!r}")
            hit += len(matched)
            if details:
                for k, (s, e) in enumerate(c["spans"]):
                    if k not in matched:
                        print(f"FN {check} line {c['line']}: {c['text'][s:e]!r}")
        p = tp / (tp + fp) if tp + fp else 1.0
        r = hit / marks if marks else 1.0
        results[check] = {"positive_cases": pos, "negative_cases": neg, "marks": marks, "tp": tp, "fp": fp,
                          "precision": round(p, 4), "recall": round(r, 4)}
    return results


def clean_fp(checks=CHECKS) -> dict[str, float]:
    files = sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    chars = 0
    counts = {c: 0 for c in checks}
    for p in files:
        text = p.read_text(encoding="utf-8")
        chars += len(text)
        for f in lint_text(text, select=list(checks), path=str(p)):
            cid = f.rule.split("/")[0]
            if cid in counts:
                counts[cid] += 1
    return {"files": len(files), "chars": chars,
            **{c: round(n * 10000 / chars, 3) if chars else 0.0 for c, n in counts.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="print every FP and FN")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    t0 = time.perf_counter()
    res = evaluate(parse_cases(), details=args.details)
    fp = clean_fp()
    secs = time.perf_counter() - t0
    if args.json:
        print(json.dumps({"cases": res, "clean_fp_per_10k": fp, "seconds": round(secs, 2)}, ensure_ascii=False, indent=1))
        return
    print(f"{'check':22} {'+cases':>6} {'-cases':>6} {'marks':>5} {'TP':>4} {'FP':>4} {'P':>6} {'R':>6}")
    for check, r in res.items():
        print(f"{check:22} {r['positive_cases']:6} {r['negative_cases']:6} {r['marks']:5} {r['tp']:4} {r['fp']:4} "
              f"{r['precision']:6.3f} {r['recall']:6.3f}")
    print(f"clean text: {fp['files']} files, {fp['chars']} chars; FP per 10k chars: "
          + ", ".join(f"{c}={fp[c]}" for c in CHECKS))
    print(f"({secs:.1f}s)")


if __name__ == "__main__":
    main()
