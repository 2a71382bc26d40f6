"""Multi-term matching in one linear pass (Aho–Corasick), for every lexicon.

Checks must not loop over terms calling ``str.find``: with a few hundred terms
that is the dominant cost on long documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, Mapping, TypeVar

import ahocorasick

V = TypeVar("V")


@dataclass(frozen=True)
class Match(Generic[V]):
    start: int
    end: int
    term: str
    value: V


class PhraseMatcher(Generic[V]):
    """Find lexicon terms in text.  ``terms`` is an iterable of strings or a
    mapping term → value (the value is returned with each match)."""

    def __init__(self, terms: Iterable[str] | Mapping[str, V]) -> None:
        self._auto = ahocorasick.Automaton()
        items = terms.items() if isinstance(terms, Mapping) else ((t, t) for t in terms)
        n = 0
        for term, value in items:
            if term:
                self._auto.add_word(term, (term, value))
                n += 1
        self.size = n
        if n:
            self._auto.make_automaton()

    def __len__(self) -> int:
        return self.size

    def iter_all(self, text: str) -> Iterator[Match[V]]:
        """Every occurrence, overlaps included, ordered by end offset."""
        if not self.size or not text:
            return
        for end_idx, (term, value) in self._auto.iter(text):
            end = end_idx + 1
            yield Match(end - len(term), end, term, value)

    def contains(self, text: str) -> bool:
        """True when some term occurs in ``text`` (same as ``bool(self.find(text))``, without building matches)."""
        if not self.size or not text:
            return False
        for _ in self._auto.iter(text):
            return True
        return False

    def find(self, text: str) -> list[Match[V]]:
        """Leftmost-longest, non-overlapping occurrences."""
        if not self.size or not text:
            return []
        # raw automaton hits; a Match is built only for the occurrences kept
        best: dict[int, tuple] = {}
        get = best.get
        for end_idx, tv in self._auto.iter(text):
            start = end_idx + 1 - len(tv[0])
            cur = get(start)
            if cur is None or end_idx > cur[0]:
                best[start] = (end_idx, tv)
        out: list[Match[V]] = []
        last_end = -1
        for start in sorted(best):
            if start >= last_end:
                end_idx, (term, value) = best[start]
                last_end = end_idx + 1
                out.append(Match(start, last_end, term, value))
        return out
