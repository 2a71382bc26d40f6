"""Strings of the kind the missing-char check scores with the character model: windows of the
clean fixture articles (normalised), half of them with a candidate put in or a character taken out."""
from __future__ import annotations

import random
from pathlib import Path

from linter import ngrams

ROOT = Path(__file__).resolve().parent.parent


def scored_strings(n: int, seed: int, max_len: int = 12, inserts=tuple("的了在是催收逾期利息征信0a，\n"),
                   files: int = 6) -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "clean").glob("*.txt"))[:files])
    norm = ngrams.lm_normalise(text)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        i = rng.randrange(max(1, len(norm) - max_len))
        s = norm[i:i + rng.randint(1, max_len)]
        if s and rng.random() < 0.5:  # insert or delete, as the check's candidates do
            j = rng.randrange(len(s) + 1)
            s = s[:j] + rng.choice(inserts) + s[j:] if rng.random() < 0.6 else s[:j] + s[j + 1:]
        out.append(s)
    return out
