"""The document model shared by every check.

Everything derived from the text (line index, paragraphs, sentences, tokens)
is computed lazily, once, and cached on the document, so ten checks asking for
tokens cost one segmentation.
"""
from __future__ import annotations

import bisect
from bisect import bisect_right as _bisect_right
import datetime as _dt
from functools import cached_property
from typing import Any, Mapping

from . import segment
from .text import Span, header_date, split_lines, split_sentences


class Document:
    def __init__(self, text: str, path: str = "<string>", meta: Mapping[str, Any] | None = None,
                 encoding: str = "utf-8") -> None:
        self.text = text
        self.path = path
        self.meta: dict[str, Any] = dict(meta or {})
        self.encoding = encoding

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"

    @cached_property
    def traditional(self) -> bool:
        """The page is mostly in traditional script (``linter.script.is_traditional``)."""
        from .script import is_traditional

        return is_traditional(self.text)

    @cached_property
    def simplified(self) -> Document | None:
        """A page mostly in traditional script as a twin in simplified script (OpenCC t2s: the
        same offsets, segmented anew), for the checks whose data are of simplified text; None for
        a simplified page, or when the conversion would change the text's length."""
        from .script import to_simplified

        if not self.traditional:
            return None
        twin = to_simplified(self.text)
        return None if twin is None else Document(twin, path=self.path, meta=self.meta, encoding=self.encoding)

    # -- lines and positions ---------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Lines without terminators; CRLF and lone CR are line breaks too."""
        return split_lines(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding ``offset`` (a terminator belongs to its line)."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i if i > 0 else 0

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        if offset < 0:
            offset = 0
        elif offset > len(self.text):
            offset = len(self.text)
        starts = self._line_starts
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            i = 0
        return i + 1, offset - starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._line_starts[line - 1] + column - 1

    # -- structure ----------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Non-blank lines: scraped articles put one paragraph per line."""
        return [ln for ln in self.lines if ln.text.strip()]

    @cached_property
    def sentences(self) -> list[Span]:
        return split_sentences(self.text)

    @cached_property
    def title(self) -> Span | None:
        """The first non-blank line, stripped of Markdown heading marks."""
        for ln in self.lines:
            stripped = ln.text.strip()
            if stripped:
                lead = len(ln.text) - len(ln.text.lstrip())
                core = stripped.lstrip("#").strip()
                start = ln.start + lead + (len(stripped) - len(stripped.lstrip("#").lstrip()))
                return Span(start, start + len(core), core)
        return None

    @cached_property
    def date(self) -> _dt.date | None:
        """The document's own date: metadata ``date`` first, else a date in its header."""
        value = self.meta.get("date")
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        return header_date(self.text)

    # -- words --------------------------------------------------------------
    @cached_property
    def tokens(self) -> list[segment.Token]:
        """jieba tokens (dictionary mode) with offsets into :attr:`text`."""
        return segment.tokenize(self.text)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, offset: int) -> int:
        """Index of the token covering ``offset``."""
        i = _bisect_right(self._token_starts, offset) - 1  # (called per fragment match: no max())
        return i if i > 0 else 0

    def tokens_in(self, start: int, end: int) -> list[segment.Token]:
        """Tokens overlapping ``[start, end)``."""
        tokens = self.tokens
        if not tokens:
            return []
        # tokens are sorted and do not overlap: from the token at ``start`` (dropped when it ends at or
        # before ``start``) up to the last one starting before ``end``, found by bisection
        starts = self._token_starts
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            i = 0
        out = tokens[i:bisect.bisect_left(starts, end, i)]
        if out and out[0].end <= start:
            del out[0]
        return out
