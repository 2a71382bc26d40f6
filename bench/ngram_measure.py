"""Measure the Gopher-style duplicate character n-gram fraction (keyword-stuffing/ngram-repetition)
on clean text and on the seeds, for several n, to set the threshold in
linter/data/keyword_stuffing.toml.

    .venv/bin/python bench/ngram_measure.py [DIR_OR_FILE ...]

Clean: fixtures/clean/*.txt plus any paths given.  Seeds: ../shared/seeds (if present);
the seeds with gold keyword-stuffing records are reported as "stuffed".
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

from checks.keyword_stuffing import dup_ngram_fraction, prose_chars
from linter.document import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NS = (8, 10, 12, 15, 20, 25, 30)


def fractions(path_or_text) -> dict[int, float]:
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    chars, _ = prose_chars(Document(text))
    return {n: dup_ngram_fraction(chars, n) for n in NS}


def summary(name: str, rows: list[dict[int, float]]) -> None:
    if not rows:
        return
    print(f"{name} ({len(rows)} docs)")
    rows = [r for r in rows if r]
    for n in NS:
        vals = [r[n] for r in rows]
        print(f"  n={n:2d}  min {min(vals):.3f}  mean {statistics.mean(vals):.3f}  max {max(vals):.3f}")


def main() -> int:
    clean = sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    for arg in sys.argv[1:]:
        p = Path(arg)
        clean.extend(sorted(p.glob("**/*.txt")) if p.is_dir() else [p])
    summary("clean", [fractions(p) for p in clean])
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if seeds:
        stuffed = set()
        for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["category"] == "keyword-stuffing":
                stuffed.add(r["file"])
        rows_s = {p.name: fractions(p) for p in seeds}
        sys.path.insert(0, str(ROOT / "bench"))
        from textcorpus import law_docs
        laws = law_docs(n_laws=-1)
        rows_l = [fractions(d.text) for d in laws]
        summary("laws (../shared/laws, all, as bench/clean_fp.py cuts them)", rows_l)
        for n in NS:
            vals = sorted(r[n] for r in rows_l)
            print(f"  n={n:2d}  p99 {vals[int(len(vals) * 0.99)]:.3f}  p999 {vals[int(len(vals) * 0.999)]:.3f}")
        summary("seeds, stuffed", [v for k, v in rows_s.items() if k in stuffed])
        summary("seeds, not stuffed", [v for k, v in rows_s.items() if k not in stuffed])
        for k, v in rows_s.items():
            print(f"  {k[:3]} " + " ".join(f"{n}:{v[n]:.3f}" for n in NS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
