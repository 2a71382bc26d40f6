"""Seed-gold scoring shared by the checks' own tests (the same matching as score.py's lenient mode)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable


def seed_gold_scores(shared_dir: Path, category: str, lint: Callable[[str], Iterable]) -> tuple[float, float]:
    """(precision, recall) of ``lint`` on the seed articles for one gold category: a finding
    overlapping a certain record is a TP, one overlapping only likely records is neutral."""
    gold = [json.loads(line) for line in (shared_dir / "gold" / "seeds.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    gold = [g for g in gold if g["category"] == category]
    tp = fp = 0
    hit = set()
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        mine = [g for g in gold if g["file"] == path.name]
        for f in lint(text):
            matched = [i for i, g in enumerate(mine) if f.start < g["end"] and g["start"] < f.end]
            certain = [i for i in matched if mine[i]["confidence"] == "certain"]
            if certain:
                tp += 1
                hit.update((path.name, i) for i in certain)
            elif not matched:
                fp += 1
    n_certain = sum(1 for g in gold if g["confidence"] == "certain")
    return tp / max(1, tp + fp), len(hit) / max(1, n_certain)
