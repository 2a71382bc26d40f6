"""Multi-term matching in one linear pass (Aho–Corasick), for every lexicon.

Checks must not loop over terms calling ``str.find``: with a few hundred terms
that is the dominant cost on long documents.
"""
from __future__ import annotations

import re
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

    def __init__(self, terms: Iterable[str] | Mapping[str, V], anchors: str = "") -> None:
        """``anchors``: characters of which every term holds at least one (law names: 法例则).  When
        that is so, :meth:`find` runs the automaton only on windows around the anchors of the text
        (same matches: every match holds an anchor and lies in its window); otherwise it is ignored."""
        self._auto = ahocorasick.Automaton()
        items = terms.items() if isinstance(terms, Mapping) else ((t, t) for t in terms)
        n = 0
        before = after = 0
        anchored = bool(anchors)
        for term, value in items:
            if term:
                # (term, value, length): the length saves a len() per hit
                self._auto.add_word(term, (term, value, len(term)))
                n += 1
                if anchored:
                    k = max((term.rfind(a) for a in anchors), default=-1)  # the term's last anchor
                    if k < 0:
                        anchored = False
                    else:
                        before, after = max(before, k), max(after, len(term) - k)
        self.size = n
        self._no_breaks: bool | None = None
        # windows [p - before, p + after) around each anchor p cover every match
        self._anchors = anchors if anchored and n else ""
        self._anchor_re = re.compile("[" + re.escape(anchors) + "]") if self._anchors else None
        self._before, self._after = before, after
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

    def _anchored_hits(self, text: str) -> dict:
        """``find``'s hit table from the automaton run on merged windows around the anchors only."""
        n = len(text)
        before, after = self._before, self._after
        count = sum(map(text.count, self._anchors))
        if count * (before + after) >= n // 2:  # dense anchors: the windows would cover most of the text
            return {e - tv[2]: (e, tv) for e, tv in self._auto.iter(text)}
        best: dict = {}
        if not count:
            return best
        it = self._auto.iter
        lo = hi = -1  # the current window [lo, hi); none yet
        for m in self._anchor_re.finditer(text):
            p = m.start()
            a, b = max(p - before, 0), min(p + after, n)
            if hi >= 0 and a <= hi:  # overlaps (or touches) the current window: extend it
                if b > hi:
                    hi = b
                continue
            if hi >= 0:
                best.update({e - tv[2]: (e, tv) for e, tv in it(text, lo, hi)})
            lo, hi = a, b
        if hi >= 0:
            best.update({e - tv[2]: (e, tv) for e, tv in it(text, lo, hi)})
        return best

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
        if self._anchors and start == 0 and end is None:
            best = self._anchored_hits(text)
        else:
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
