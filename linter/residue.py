"""Helpers shared by the pipeline-residue checks (markup-, conversion-,
generation-residue and unsourced-statistic): is the input a real Markdown
document, where are its code regions, which spans fall inside them.

All functions are linear in the text and safe on arbitrary input.
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# A fence line: up to 3 spaces, then ``` or ~~~ (3 or more), then an info string.
FENCE_RE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n`]{0,200}$")
# Inline code: a backtick run, content without newlines, the same run again.
INLINE_CODE_RE = re.compile(r"(?<!`)(`{1,3})(?!`)([^`\n]{1,300})(?<!`)\1(?!`)")


def is_markdown(doc: "Document") -> bool:
    """True when the input is a real Markdown document (by its path)."""
    path = (doc.path or "").lower()
    return path.endswith(MARKDOWN_SUFFIXES)


def fenced_blocks(doc: "Document") -> list[tuple[int, int, int, int]]:
    """Fenced code blocks as ``(start, end, first_line, last_line)``: ``start`` is the
    opening fence's offset, ``end`` the end of the closing fence (or of the text when
    the fence never closes); line numbers are 0-based indices into ``doc.lines``."""
    out: list[tuple[int, int, int, int]] = []
    if "```" not in doc.text and "~~~" not in doc.text:
        return out  # FENCE_RE needs a run of three backticks or tildes
    open_at: int | None = None
    fence = ""
    for i, ln in enumerate(doc.lines):
        m = FENCE_RE.match(ln.text)
        if not m:
            continue
        mark = m.group(1)
        if open_at is None:
            open_at, fence = i, mark
        elif mark[0] == fence[0] and len(mark) >= len(fence) and not ln.text.strip()[len(mark):].strip():
            out.append((doc.lines[open_at].start, ln.end, open_at, i))
            open_at = None
    if open_at is not None:
        last = len(doc.lines) - 1
        out.append((doc.lines[open_at].start, doc.lines[last].end, open_at, last))
    return out


def code_regions(doc: "Document") -> list[tuple[int, int]]:
    """Fenced blocks and inline code spans, sorted, as ``(start, end)`` offsets."""
    regions = [(s, e) for s, e, _a, _b in fenced_blocks(doc)]
    for m in INLINE_CODE_RE.finditer(doc.text):
        regions.append((m.start(), m.end()))
    regions.sort()
    return _merge(regions)


def _merge(regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in regions:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class RegionSet:
    """Sorted, disjoint regions with O(log n) overlap queries."""

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        self.regions = _merge(sorted(regions))
        self._starts = [s for s, _e in self.regions]

    def __bool__(self) -> bool:
        return bool(self.regions)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, max(start, end - 1)) - 1
        if i < 0:
            return False
        s, e = self.regions[i]
        return s < max(end, start + 1) and start < e


def markdown_code(doc: "Document") -> RegionSet:
    """Code regions where markup and phrases are intended — only in Markdown documents."""
    return RegionSet(code_regions(doc)) if is_markdown(doc) else RegionSet([])


def line_of(doc: "Document", offset: int):
    """The line span holding ``offset``."""
    return doc.lines[doc.line_index(offset)]


class CoverSet:
    """A growing union of half-open spans ``[a, b)`` answering "is offset x covered?" in O(log n):
    the same answer as ``any(a <= x < b for a, b in spans)`` without rescanning every span (which
    is quadratic when a long document has many of them).  Kept as sorted, disjoint, non-touching
    intervals."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, a: int, b: int) -> None:
        if b <= a:
            return  # an empty span covers nothing
        starts, ends = self._starts, self._ends
        i = bisect.bisect_left(ends, a)  # first interval that ends at or after a (may touch or overlap)
        j = bisect.bisect_right(starts, b)  # intervals before j start at or before b
        if i < j:
            a = min(a, starts[i])
            b = max(b, ends[j - 1])
        starts[i:j] = [a]
        ends[i:j] = [b]

    def __contains__(self, x: int) -> bool:
        i = bisect.bisect_right(self._starts, x) - 1
        return i >= 0 and x < self._ends[i]
