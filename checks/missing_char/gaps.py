"""Pass 2: a word broken across a token boundary (关键|于 → 关键在于)."""
from __future__ import annotations

import math

from linter import ngrams
from linter.text import is_han

from .common import MEMO_MAX, Cand

PROPER_POS = ("nr", "ns", "nt", "nz")


_GAP_CACHE: dict[tuple[str, str], tuple] = {}


# ---- 2. words broken across a token boundary -------------------------
def find_gaps(text, toks, absent) -> list[list[Cand]]:
    out = []
    word_freq, gap_words, word_pos = ngrams.word_freq, ngrams.gap_words, ngrams.word_pos
    for a_tok, b_tok in zip(toks, toks[1:]):
        at, bt = a_tok.text, b_tok.text
        if len(at) != 1 and len(bt) != 1:
            continue
        if a_tok.end != b_tok.start or not (is_han(at[-1]) and is_han(bt[0])):
            continue
        key = (at[-3:], bt[:3])
        found = _GAP_CACHE.get(key)
        if found is None:  # the same pair of token edges, the same broken words (memoised)
            lst = []
            for la in range(1, min(3, len(at)) + 1):
                a = at[-la:]
                for lb in range(1, min(3, len(bt)) + 1):
                    b = bt[:lb]
                    if word_freq(a + b) >= 3:
                        continue
                    for w, d in gap_words(a, b):
                        if word_pos(w).startswith(PROPER_POS):
                            continue
                        f = word_freq(w)
                        lst.append((la, lb, d, math.log(f + 1) - 4.0 + (la + lb - 2) * 0.5, w))
            if len(_GAP_CACHE) > MEMO_MAX:
                _GAP_CACHE.clear()
            found = _GAP_CACHE[key] = tuple(lst)
        if not found:
            continue
        site = [Cand(a_tok.end - la, b_tok.start + lb, b_tok.start, b_tok.start, d, d, "gap", local, w)
                for la, lb, d, local, w in found]
        if site:
            # the fix inserts d at the boundary; the span covers the broken fragment
            out.append(site)
    return out

