"""Cross-document boilerplate: a line that many documents of one source share
is site chrome even when no lexicon knows it (jusText/trafilatura's idea of
repeated segments, applied per source over a whole audit).

Counting is bounded: a Misra–Gries summary keeps at most ``capacity`` (source,
line) counters, so lines shared by more than ``n / capacity`` documents are
always found, in constant memory, over any number of documents.
"""
from __future__ import annotations

import hashlib
import re
import struct
from typing import Iterable, Iterator

MIN_CHARS, MAX_CHARS = 4, 80
# Outline headings (一、… / 1. … / （二）…) recur across articles of one template but are content.
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:\.\d{1,2})*[、.．\s]|[（(][一二三四五六七八九十\d]{1,3}[)）])")


def line_hash(text: str) -> int:
    return struct.unpack("<q", hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest())[0]


def candidate_lines(doc) -> Iterator[tuple[int, int, int, int, int, str]]:
    """(hash, start, end, line, column, text) of each distinct short line that could be chrome."""
    seen: set[int] = set()
    for number, ln in enumerate(doc.lines, 1):
        t = ln.text.strip()
        if not (MIN_CHARS <= len(t) <= MAX_CHARS) or _HEADING.match(t):
            continue
        h = line_hash(t)
        if h in seen:
            continue
        seen.add(h)
        lead = len(ln.text) - len(ln.text.lstrip())
        yield h, ln.start + lead, ln.start + lead + len(t), number, lead + 1, t


class HeavyHitters:
    """Misra–Gries frequent items over keys; counts are lower bounds (never over-report)."""

    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self.counts: dict[tuple, int] = {}

    def add(self, key: tuple) -> None:
        c = self.counts
        if key in c:
            c[key] += 1
        elif len(c) < self.capacity:
            c[key] = 1
        else:
            # decrement all: amortised O(1) because each decrement pays for an earlier increment
            for k in list(c):
                if c[k] == 1:
                    del c[k]
                else:
                    c[k] -= 1

    def update(self, keys: Iterable[tuple]) -> None:
        for k in keys:
            self.add(k)


def repeated(hh: HeavyHitters, docs_per_source: dict[str, int], min_docs: int = 3,
             min_share: float = 0.3) -> dict[tuple[str, int], int]:
    """(source, line hash) → documents, for lines shared by enough documents of their source."""
    out = {}
    for (source, h), n in hh.counts.items():
        if n >= min_docs and n >= min_share * docs_per_source.get(source, 0):
            out[(source, h)] = n
    return out
