#!/usr/bin/env python3
"""Held-out estimate for spun-text: spin our own clean articles and see what comes back.

Every clean article in ``fixtures/clean/`` (written for the project, not scraped) is run
through a forward synonym table — the reverse of ``linter/data/spun_text/pairs.toml`` —
replacing a share of the eligible tokens (``--rate``, default 0.4, seeded), the way a
伪原创 tool does.  The spun copies are linted with spun-text alone:

* recall    = injected substitutions that a finding overlaps / all injected substitutions;
* precision = findings that overlap an injected substitution / all span findings;
* clean FP  = findings on the untouched originals per 10,000 characters.

Injected words that still read naturally (影响→作用 in "的作用") are counted as misses, so
recall here is a lower bound.  Usage: python bench/spun_synthetic.py [--rate 0.4] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.resources import load_toml  # noqa: E402
from linter.runner import lint_text  # noqa: E402
from linter.segment import tokenize  # noqa: E402


def forward_table() -> dict[str, list[str]]:
    fwd: dict[str, list[str]] = {}
    for p in load_toml("spun_text/pairs.toml")["pair"]:
        for o in p["orig"]:
            fwd.setdefault(o, []).append(p["spun"])
    return fwd


def substitute(toks, pick):
    """The tokens' text with ``pick(word)`` (a replacement, or None to keep it) applied left to
    right, and the spans of the replacements in the new text: ``(start, end, original, replacement)``."""
    out, spans, pos = [], [], 0
    for t in toks:
        rep = pick(t.text)
        if rep is not None:
            spans.append((pos, pos + len(rep), t.text, rep))
        else:
            rep = t.text
        out.append(rep)
        pos += len(rep)
    return "".join(out), spans


def spin(text: str, fwd, rate: float, rng: random.Random):
    def pick(word: str):
        choices = fwd.get(word)
        return rng.choice(choices) if choices and rng.random() < rate else None

    return substitute(tokenize(text), pick)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=0.4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    fwd = forward_table()
    injected = hit = tp = fp = 0
    clean_fp = clean_chars = 0
    spun_docs = flagged_docs = 0
    misses: dict[str, int] = {}
    for path in sorted((ROOT / "fixtures" / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        clean_chars += len(text)
        clean_fp += sum(1 for f in lint_text(text, select=["spun-text"]))
        spun, spans = spin(text, fwd, args.rate, rng)
        if not spans:
            continue
        spun_docs += 1
        found = lint_text(spun, select=["spun-text"])
        flagged_docs += any(f.rule == "spun-text/score" for f in found)
        found = [f for f in found if f.rule == "spun-text"]
        injected += len(spans)
        for s, e, orig, rep in spans:
            if any(f.start < e and s < f.end for f in found):
                hit += 1
            else:
                misses[f"{orig}→{rep}"] = misses.get(f"{orig}→{rep}", 0) + 1
        for f in found:
            if any(f.start < e and s < f.end for s, e, _, _ in spans):
                tp += 1
            else:
                fp += 1
                if args.details:
                    print("FP", path.name, spun[max(0, f.start - 8):f.end + 8].replace("\n", " "))
    print(f"spun copies: {spun_docs}, substitutions injected: {injected} (rate {args.rate}, seed {args.seed})")
    print(f"recall    {hit / injected:.3f}  ({hit}/{injected})" if injected else "recall -")
    print(f"precision {tp / (tp + fp):.3f}  ({tp}/{tp + fp})" if tp + fp else "precision -")
    print(f"documents flagged with spun-text/score: {flagged_docs}/{spun_docs}")
    print(f"clean originals: {clean_fp} findings in {clean_chars} chars "
          f"= {10000 * clean_fp / max(1, clean_chars):.2f} per 10k")
    if misses:
        print("missed:", ", ".join(f"{k} ×{v}" for k, v in sorted(misses.items(), key=lambda x: -x[1])[:20]))


if __name__ == "__main__":
    main()
