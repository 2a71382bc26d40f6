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


_new = object.__new__  # Match objects are filled through __dict__ (frozen-dataclass __init__ is 3x slower)


class PhraseMatcher(Generic[V]):
    """Find lexicon terms in text.  ``terms`` is an iterable of strings or a
    mapping term → value (the value is returned with each match)."""

    def __init__(self, terms: Iterable[str] | Mapping[str, V]) -> None:
        self._auto = ahocorasick.Automaton()
        items = terms.items() if isinstance(terms, Mapping) else ((t, t) for t in terms)
        n = 0
        for term, value in items:
            if term:
                # (term, value, length): the length saves a len() per hit
                self._auto.add_word(term, (term, value, len(term)))
                n += 1
        self.size = n
        self._no_breaks: bool | None = None
        if n:
            self._auto.make_automaton()

    def __len__(self) -> int:
        return self.size

    def iter_all(self, text: str) -> Iterator[Match[V]]:
        """Every occurrence, overlaps included, ordered by end offset."""
        if not self.size or not text:
            return
        new = _new
        for end_idx, (term, value, size) in self._auto.iter(text):
            m = new(Match)
            d = m.__dict__
            d["start"] = end_idx + 1 - size
            d["end"] = end_idx + 1
            d["term"] = term
            d["value"] = value
            yield m

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every occurrence, as :meth:`iter_all` orders them, without Match objects."""
        if not self.size or not text:
            return []
        return [(e + 1 - tv[2], e + 1, tv[0]) for e, tv in self._auto.iter(text)]

    def contains(self, text: str) -> bool:
        """True when some term occurs in ``text`` (same as ``bool(self.find(text))``, without building matches)."""
        if not self.size or not text:
            return False
        for _ in self._auto.iter(text):
            return True
        return False

    def no_line_breaks(self) -> bool:
        """True when no term contains a line break (``\\n`` or ``\\r``): then no match crosses one,
        and :meth:`find` over a text is the union of :meth:`find_in` over its lines."""
        if self._no_breaks is None:
            self._no_breaks = not any("\n" in t or "\r" in t for t in self._auto.keys())
        return self._no_breaks

    def find_in(self, text: str, start: int, end: int) -> list[Match[V]]:
        """:meth:`find` of ``text[start:end]`` with offsets into ``text`` (no copy of the slice)."""
        return self.find(text, start, end)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match[V]]:
        """Leftmost-longest, non-overlapping occurrences (in ``text[start:end]`` when given)."""
        if not self.size or not text:
            return []
        # raw automaton hits, ordered by end offset: the last hit seen for a start is its longest
        # term (a later hit with the same start ends later), so one dict comprehension keeps it
        hits = self._auto.iter(text) if start == 0 and end is None else \
            self._auto.iter(text, start, len(text) if end is None else end)
        best = {e - tv[2]: (e, tv) for e, tv in hits}  # start - 1 -> (end - 1, hit)
        out: list[Match[V]] = []
        last_end = -1
        new = _new
        for s1 in sorted(best):
            start = s1 + 1
            if start >= last_end:
                end_idx, (term, value, _size) = best[s1]
                last_end = end_idx + 1
                m = new(Match)
                d = m.__dict__
                d["start"] = start
                d["end"] = last_end
                d["term"] = term
                d["value"] = value
                out.append(m)
        return out
