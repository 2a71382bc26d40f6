"""Build the chrome/legal development set from marked sources.

bench/dev/src/<check-id>__<case>.txt are articles written for this project with defect spans
marked inline: ``⟦category⟧span⟦/⟧`` (certain, no fix), ``⟦category=FIX⟧span⟦/⟧`` (certain, with the
replacement) and ``⟦category?⟧span⟦/⟧`` (likely).  This script strips the marks, writes the plain
article to fixtures/<check-id>/<case>.txt and every span to bench/dev/gold.jsonl in the record format
of ../shared/gold (file, category, start, end, text, fix, confidence), so the development set can be
scored with ../shared/gold/score.py (bench/dev_eval.py).

    .venv/bin/python scripts/build_dev_set.py
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "bench" / "dev" / "src"
GOLD = ROOT / "bench" / "dev" / "gold.jsonl"
MARK = re.compile(r"⟦([a-z-]+)(\?)?(?:=([^⟧]*))?⟧(.*?)⟦/⟧", re.S)


def strip(marked: str) -> tuple[str, list[dict]]:
    out, recs, pos = [], [], 0
    n = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        n += len(marked[pos:m.start()])
        span = m.group(4)
        recs.append({"category": m.group(1), "start": n, "end": n + len(span), "text": span,
                     "fix": m.group(3), "confidence": "likely" if m.group(2) else "certain"})
        out.append(span)
        n += len(span)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "⟦" in text or "⟧" in text:
        raise SystemExit("unbalanced mark")
    return text, recs


def main() -> int:
    rows = []
    for src in sorted(SRC.glob("*__*.txt")):
        check, case = src.stem.split("__", 1)
        text, recs = strip(src.read_text(encoding="utf-8"))
        dest = ROOT / "fixtures" / check / f"{case}.txt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        for r in recs:
            assert text[r["start"]:r["end"]] == r["text"]
            rows.append({"file": dest.name, **r})
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} records, {len(list(SRC.glob('*__*.txt')))} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
