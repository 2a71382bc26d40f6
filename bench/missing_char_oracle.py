#!/usr/bin/env python3
"""How far can ``missing-char`` get on whole words deleted without a trace?  An upper bound.

The synthetic benchmark (``missing_char_synth.py``) deletes lexicon words from clean text.  For a
word deleted without a trace (mode ``delete``), the check must (1) suspect the word and (2) find
where it went.  This script measures (2) alone: it is *told* which words of two or more
characters each document lost (an oracle for step 1) and puts each back at every token boundary
where the in-register character model prefers it, with the check's own bars (a word needs
``--need`` distinct contexts of gain >= ``--strong``; then every boundary of gain >= ``--known``
is a site, as ``insert-known-gain`` does).  The deletion sites found that way, together with those
the check already finds, bound what any candidate generator feeding this localisation can reach.
Boundaries reported that are not within 2 characters of any deletion site are counted as false.
The last line bounds the benchmark's whole recall: the oracle's deletion sites plus every site where the
filter left a trace (a space, a broken word), as if all of those were found.

Default split: dev.  ``--split held-out`` reports the held-out half's figures (words are never
printed).

    python bench/missing_char_oracle.py [--split dev|held-out] [--strong 3] [--known 1] [--need 2]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import missing_char_synth as ms  # noqa: E402


def oracle_sites(text: str, toks, words, strong: float, known: float, need: int) -> list[int]:
    """Offsets where the oracle's words go back: each word tried at every Han token boundary whose
    two junction character pairs the register has, scored by the check's gain."""
    from checks.missing_char.common import _norm, gain
    from linter import ngrams
    from linter.text import is_han

    lm = ngrams.fin_lm()
    norm = _norm(text)
    out: list[int] = []
    for w in words:
        hits = []
        for a, b in zip(toks, toks[1:]):
            if a.end != b.start or not is_han(b.text[0]):
                continue
            p = b.start
            if not lm.count(norm[p - 1:p] + w[0]) or not lm.count(w[-1] + norm[p:p + 1]):
                continue
            g = gain(norm, p, w)
            if g >= known:
                hits.append((g, p, text[max(0, p - 2):p + 2]))
        if len({ctx for g, _, ctx in hits if g >= strong}) >= need:
            out += [p for _, p, _ in hits]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=ms.SPLITS, default="dev")
    ap.add_argument("--strong", type=float, default=3.0, help="gain of a site that shows the word (insert-site-gain)")
    ap.add_argument("--known", type=float, default=1.0, help="gain of a further site (insert-known-gain)")
    ap.add_argument("--need", type=int, default=2, help="distinct strong contexts a word needs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--laws", type=int, default=30)
    args = ap.parse_args(argv)
    ok, why = ms.check_status()
    if not ok:
        print(f"missing-char is not available: {why}")
        return 0
    from linter.document import Document

    lex = ms.load_lexicon()
    _, corrupted = ms.build(args.seed, args.laws, None, lex)
    sites = found = with_oracle = reported = false = 0
    other = 0  # sites the filter left a trace at (a space, a broken word), in every document of the split
    for c in corrupted:
        if c.split != args.split:
            continue
        other += sum(1 for s in c.sites if s.mode != "delete")
        dels = [s for s in c.sites if s.mode == "delete"]
        if not dels:
            continue
        findings = ms.lint(c.text)
        words = sorted({w for w, m in c.picks if m == "delete" and len(w) >= 2})
        extra = oracle_sites(c.text, Document(c.text).tokens, words, args.strong, args.known, args.need)
        every = [s.start for s in c.sites]
        reported += len(extra)
        false += sum(1 for p in extra if not any(abs(p - q) <= 2 for q in every))
        for s in dels:
            hit = any(ms.spans_match(f.start, f.end, s.start, s.end, 2) for f in findings)
            sites += 1
            found += hit
            with_oracle += hit or s.start in extra
    print(f"{args.split}: {sites} sites of words deleted without a trace")
    print(f"  found by missing-char:                      {found:4d}  recall {found / max(1, sites):.3f}")
    print(f"  ... or by the oracle words put back:        {with_oracle:4d}  recall {with_oracle / max(1, sites):.3f}")
    print(f"  oracle boundaries reported {reported}, not at a deletion site {false}"
          f" (bars: {args.need} contexts >= {args.strong}, further sites >= {args.known})")
    # the benchmark's recall can reach no higher than this even if every site with a trace were found
    total = sites + other
    print(f"  bound on the benchmark's recall (every one of the {other} sites with a trace found, the"
          f" deleted words placed as the oracle places them): {(with_oracle + other) / max(1, total):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
