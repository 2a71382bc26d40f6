"""Line structure shared by the page-chrome checks (boilerplate, duplicate-title,
link-spam, fake-comments, keyword-stuffing).

Scraped pages arrive as one paragraph per line, with the site's chrome (headers,
breadcrumbs, footers, link lists, comment sections) flattened into extra lines
around the article.  These helpers describe each line once (length, marks,
bullet, heading level, ellipsis ending, date/time stamps) and find the article
body: the first and last *prose* lines.  Lines before the body are the *head*,
lines after it the *tail*; chrome lives there.

Everything is computed once per document (cached by identity) and is linear in
the text.  Vocabulary lives in ``linter/data/blocks.toml``.
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from .check import Fix
from .lexicon import PhraseMatcher
from .resources import load_toml
from .text import HAN_RUN_RE, han_count

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

# Whitespace that scraped pages pad lines with: NBSP, ideographic space, zero-width marks, BOM.
_PAD = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d" \
       "\u2060\u202f\u205f\u3000\ufeff\x0b\x0c"

# Date and time stamps as page chrome writes them (machine formats, not prose 年月日 alone).
MACHINE_DATE_RE = re.compile(
    r"(?<!\d)(?:19|20)\d\d[ ]{0,2}[-/.][ ]{0,2}\d{1,2}[ ]{0,2}[-/.][ ]{0,2}\d{1,2}(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d[ ]{1,2}\d{1,2}[ ]{0,2}/[ ]{0,2}\d{1,2}(?!\d)"
)
CN_DATE_RE = re.compile(r"(?<!\d)(?:19|20)\d\d年\d{1,2}月\d{1,2}日")
TIME_RE = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:：][0-5]\d(?:[:：][0-5]\d)?(?!\d)")
RELATIVE_TIME_RE = re.compile(r"(?<!\d)\d{1,3}[ ]?(?:秒|分钟|小时|天|周|个月|月|年)前|刚刚|昨天|前天")
_NUMERIC_RE = re.compile(r"\d+")
_COUNT_RE = re.compile(r"共?\d+条?")


@lru_cache(maxsize=1)
def vocab() -> dict:
    return load_toml("blocks.toml")


@lru_cache(maxsize=1)
def _question_words() -> PhraseMatcher:
    return PhraseMatcher(vocab()["question_words"])


@lru_cache(maxsize=1)
def _question_endings() -> tuple[str, ...]:
    return tuple(vocab()["question_endings"])


class _KeyTable(dict):
    """``str.translate`` table for :func:`norm_key`, filled on first sight of each character:
    None (delete) for whitespace and categories P*, S*, Z*, C*, else the character itself.
    Lookups of known characters stay in C; the table stops growing at 200k entries."""

    def __missing__(self, o: int):
        ch = chr(o)
        v = None if (ch.isspace() or unicodedata.category(ch)[0] in "PSZC") else o
        if len(self) < 200_000:
            self[o] = v
        return v


_KEY_TABLE = _KeyTable()


def strip_pad(s: str) -> str:
    return s.strip(_PAD)


def norm_key(s: str) -> str:
    """Comparison key for titles and phrases: NFKC, no whitespace, punctuation, heading or bullet marks."""
    return unicodedata.normalize("NFKC", s).translate(_KEY_TABLE)


def is_question(s: str) -> bool:
    """True when a clause or title asks something (ends in 吗/？/怎么办 …, or has 是否/如何/多久 …)."""
    s = strip_pad(s).rstrip("。.!！")
    if not s:
        return False
    if s.endswith(_question_endings()):
        return True
    return _question_words().contains(s)


def has_stamp(s: str) -> bool:
    """A machine-format date (2025-04-17, 2025/4/17, 2025 04/ 09) or a clock time (14:27)."""
    return bool(MACHINE_DATE_RE.search(s) or TIME_RE.search(s))


def has_any_date(s: str) -> bool:
    return bool(MACHINE_DATE_RE.search(s) or TIME_RE.search(s) or CN_DATE_RE.search(s)
                or RELATIVE_TIME_RE.search(s))


@dataclass(frozen=True)
class Line:
    """One line of the document with the features the chrome checks use."""

    index: int        # index into doc.lines
    start: int        # offset of the line (leading whitespace included)
    end: int          # offset of the end of the line, terminator excluded
    next_start: int   # offset of the next line (terminator included), or len(text)
    lead: int         # offset of the first non-pad character
    text: str         # the line without leading/trailing pad
    body: str         # text without bullet and heading marks
    bullet: str       # the bullet mark, or ""
    heading: int      # number of leading "#"
    han: int          # Han characters
    inner_marks: int  # sentence marks (。！？；) before the last character
    prose_marks: int  # 。，；！ anywhere
    ends_sentence: bool
    ends_ellipsis: bool

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def tail(self) -> int:
        """Offset just after the last non-pad character."""
        return self.lead + len(self.text)

    @property
    def length(self) -> int:
        return len(self.text)


@lru_cache(maxsize=1)
def _line_tools():
    v = vocab()
    # sentence and prose marks are single characters: each set is counted by one C-level findall
    assert all(len(m) == 1 for m in v["sentence_marks"] + v["prose_marks"])
    marks = "".join(sorted(set(v["sentence_marks"])))
    marks_re = re.compile("[" + re.escape(marks) + "]")
    prose_re = re.compile("[" + re.escape("".join(sorted(set(v["prose_marks"])))) + "]")
    # bullets by first character, in list order (the first bullet that fits wins, as before)
    by_first: dict[str, list[str]] = {}
    for b in v["bullets"]:
        if b:
            by_first.setdefault(b[0], []).append(b)
    return by_first, marks, marks_re, prose_re, tuple(v["ellipses"])


def _make_line(idx: int, start: int, end: int, next_start: int, raw: str) -> Line:
    return _make_lines([(start, end, raw)], next_start, idx)[0]


_new_line = object.__new__


def _make_lines(spans, n: int, first_index: int = 0) -> list[Line]:
    """:class:`Line` objects for ``spans`` (start, end, raw text) of a text of length ``n``.  One loop
    with its tools bound locally; each frozen Line is filled through its ``__dict__`` (instead of 14
    ``object.__setattr__`` calls: same objects, equal and hashed alike)."""
    bullets_by_first, marks, marks_re, prose_re, ellipses = _line_tools()
    marks_findall, prose_findall, han_findall = marks_re.findall, prose_re.findall, HAN_RUN_RE.findall
    bget = bullets_by_first.get
    pad = _PAD
    out: list[Line] = []
    append = out.append
    last_i = len(spans) - 1
    for i, (start, end, raw) in enumerate(spans):
        text = raw.strip(pad)
        if text:
            lead = start + (len(raw) - len(raw.lstrip(pad)))
            body = text
            heading = 0
            if body[0] == "#":
                stripped = body.lstrip("#")
                heading = len(body) - len(stripped)
                body = stripped.strip(pad)
            bullet = ""
            if body:
                for b in bget(body[0], ()):
                    if body.startswith(b) and len(body) > len(b) and not body[len(b)].isdigit():
                        bullet = b
                        body = body[len(b):].strip(pad)
                        break
            last = len(text) - 1  # inner marks: before the last character
            inner = len(marks_findall(text, 0, last)) if last > 0 else 0
            han = sum(map(len, han_findall(text)))
            prose = len(prose_findall(text))
            ends_sentence = text[-1] in marks
            ends_ellipsis = text.endswith(ellipses)
        else:
            lead, body, heading, bullet, inner, han, prose = start, text, 0, "", 0, 0, 0
            ends_sentence, ends_ellipsis = False, text.endswith(ellipses)
        ln = _new_line(Line)
        d = ln.__dict__
        d["index"] = first_index + i
        d["start"] = start
        d["end"] = end
        d["next_start"] = spans[i + 1][0] if i < last_i else n
        d["lead"] = lead
        d["text"] = text
        d["body"] = body
        d["bullet"] = bullet
        d["heading"] = heading
        d["han"] = han
        d["inner_marks"] = inner
        d["prose_marks"] = prose
        d["ends_sentence"] = ends_sentence
        d["ends_ellipsis"] = ends_ellipsis
        append(ln)
    return out


class Layout:
    """The lines of a document, and where its prose body starts and ends."""

    def __init__(self, doc: "Document") -> None:
        self.text = doc.text
        out = _make_lines([(sp.start, sp.end, sp.text) for sp in doc.lines], len(doc.text))
        self.lines: list[Line] = out
        prose = [ln.index for ln in out if is_prose(ln)]
        self.first_prose: int | None = prose[0] if prose else None
        self.last_prose: int | None = prose[-1] if prose else None

    def nonblank(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank]

    def head(self, max_lines: int = 15) -> list[Line]:
        """Non-blank lines before the first prose line (at most ``max_lines``)."""
        stop = self.first_prose if self.first_prose is not None else len(self.lines)
        return [ln for ln in self.lines[:stop] if not ln.blank][:max_lines]

    def tail_lines(self, max_lines: int = 15) -> list[Line]:
        """Non-blank lines after the last prose line (at most the last ``max_lines``)."""
        if self.last_prose is None:
            return []
        rest = [ln for ln in self.lines[self.last_prose + 1:] if not ln.blank]
        return rest[-max_lines:] if max_lines else rest

    def zones(self, exclude: "set[int] | frozenset[int]" = frozenset(), head_lines: int = 15,
              tail_lines: int = 15) -> tuple[set[int], set[int]]:
        """Indexes of the head and tail lines when the lines in ``exclude`` (known chrome, e.g. a
        long disclaimer with a comma) do not count as prose."""
        nonblank = [ln.index for ln in self.lines if not ln.blank]
        # the page title is not prose even when it is long and has a comma ("…怎么算,年化利率到底有多高")
        first = self.lines[nonblank[0]] if nonblank else None
        title = first.index if first is not None and not first.ends_sentence and first.inner_marks == 0 \
            and first.prose_marks <= 1 and first.length <= 50 else None
        prose = [ln.index for ln in self.lines if ln.index not in exclude and ln.index != title and is_prose(ln)]
        if not prose:
            return set(nonblank[:head_lines]), set()
        head = [i for i in nonblank if i < prose[0]][:head_lines]
        tail = [i for i in nonblank if i > prose[-1]]
        return set(head), set(tail[-tail_lines:] if tail_lines else tail)

    def in_head(self, ln: Line, max_lines: int = 15) -> bool:
        return any(h.index == ln.index for h in self.head(max_lines))

    def next_nonblank(self, idx: int) -> Line | None:
        for ln in self.lines[idx + 1:]:
            if not ln.blank:
                return ln
        return None

    def delete_fix(self, first: Line, last: Line | None = None) -> Fix:
        """A fix deleting whole lines ``first..last`` including the final line terminator."""
        last = last or first
        return Fix(first.start, last.next_start, "")


def is_prose(ln: Line) -> bool:
    """A line of running text: long enough, with sentence or clause punctuation, not a truncated teaser."""
    return ln.han >= 16 and ln.prose_marks >= 1 and not ln.ends_ellipsis and not ln.bullet


def is_title_like(ln: Line, min_len: int = 4, max_len: int = 60) -> bool:
    """A short standalone line that reads as a heading or an article title (no sentence inside it)."""
    if ln.blank or ln.ends_ellipsis:
        return False
    if not (min_len <= len(ln.body) <= max_len) or ln.han < min_len - 1:
        return False
    if "。" in ln.body or ln.body.count("，") + ln.body.count(",") > 2:
        return False
    return True


def is_enumerated(s: str) -> bool:
    """Starts with a section number (一、, 1., 1.1, （一）, 第一 …): a numbered heading, not chrome."""
    s = strip_pad(s)
    if s.startswith(tuple(vocab()["enumerators"])):
        return True
    m = _NUMERIC_RE.match(s)
    return bool(m) and len(s) > m.end() and s[m.end()] in ".、．)）"


_cache: "weakref.WeakKeyDictionary[Document, Layout]" = weakref.WeakKeyDictionary()


def layout(doc: "Document") -> Layout:
    """The document's :class:`Layout`, computed once per document object."""
    try:
        lay = _cache.get(doc)
    except TypeError:  # pragma: no cover - unhashable/unweakrefable document
        return Layout(doc)
    if lay is None or lay.text is not doc.text:
        lay = Layout(doc)
        _cache[doc] = lay
    return lay


def runs(lines: Sequence[Line], keep, max_gap: int = 1) -> Iterable[list[Line]]:
    """Maximal runs of non-blank lines for which ``keep(line)`` holds; up to ``max_gap``
    blank lines may separate two members of a run."""
    cur: list[Line] = []
    gap = 0
    for ln in lines:
        if ln.blank:
            gap += 1
            if gap > max_gap and cur:
                yield cur
                cur = []
            continue
        if keep(ln):
            cur.append(ln)
        elif cur:
            yield cur
            cur = []
        gap = 0
    if cur:
        yield cur


# -- comment sections (shared by fake-comments and boilerplate) ----------------
@lru_cache(maxsize=1)
def _comment_tools() -> tuple[re.Pattern, PhraseMatcher, frozenset, frozenset]:
    v = vocab()
    roles = "|".join(re.escape(r) for r in sorted(v["comment_roles"], key=len, reverse=True))
    titled = "|".join(re.escape(r) for r in sorted(v["comment_titled_roles"], key=len, reverse=True))
    persona = re.compile(
        r"[\u4e00-\u9fffA-Za-z0-9_*]{1,10}[ ]?[-－—–·][ ]?(?:" + roles + ")"   # 东新-律师
        r"|(?:^|[ \u3000])[\u4e00-\u9fff]{1,3}(?:" + titled + r")(?=$|[ \u3000\d])"  # 王律师 2025-04-17
    )
    markers = PhraseMatcher(v["comment_markers"])
    labels = frozenset(norm_key(x) for x in v["comment_labels"])
    widgets = frozenset(norm_key(x) for x in v["comment_widgets"])
    return persona, markers, labels, widgets


def _memo(fn):
    """Remember ``fn(line)`` on the line itself (an extra ``__dict__`` entry: not a field, so
    equality and hashing are untouched).  comment_blocks asks every line, and the chrome checks
    ask again."""
    key = "_" + fn.__name__

    def wrapper(ln: Line) -> bool:
        d = ln.__dict__
        v = d.get(key)
        if v is None:
            v = d[key] = fn(ln)
        return v

    wrapper.__name__, wrapper.__doc__, wrapper.__wrapped__ = fn.__name__, fn.__doc__, fn
    return wrapper


@_memo
def is_comment_label(ln: Line) -> bool:
    """A short line that only announces a comment section (精彩评论, 网友评论 …)."""
    if ln.blank or ln.length > 16:
        return False
    key = _COUNT_RE.sub("", norm_key(ln.body))  # 网友评论(12), 最新评论（共3条）
    return key in _comment_tools()[2]


def is_comment_widget(ln: Line) -> bool:
    """A reply/like/report button line inside a comment block (回复, 赞(3) …)."""
    if ln.blank or ln.length > 20:
        return False
    key = re.sub(r"\d+", "", norm_key(ln.body))
    return bool(key) and key in _comment_tools()[3]


@_memo
def is_comment_header(ln: Line) -> bool:
    """A commenter line: persona (东新-律师) or avatar/anonymous marker, with a date or time."""
    if ln.blank or ln.length > 50 or ln.inner_marks or "。" in ln.text:
        return False
    persona_re, markers, _labels, _w = _comment_tools()
    persona = bool(persona_re.search(ln.text))
    marker = markers.contains(ln.text)
    if persona is marker:  # both (a header) or neither (no header, whatever the date)
        return persona
    return has_any_date(ln.text)


_SHORT_DATE_RE = re.compile(r"(?<![\d-])(?:0?[1-9]|1[0-2])(?:-|月)(?:0?[1-9]|[12]\d|3[01])日?(?![\d-])")
_META_STRIP_RE = re.compile(
    r"(?:" + MACHINE_DATE_RE.pattern + r")|(?:" + TIME_RE.pattern + r")|(?:" + CN_DATE_RE.pattern + r")"
    r"|(?:" + RELATIVE_TIME_RE.pattern + r")|IP属地[:：]?[ ]?[\u4e00-\u9fff]{2,3}|来自[\u4e00-\u9fff]{2,3}"
    r"|[0-9\s\u00a0\u3000:：/|｜\-—_.·()（）\[\]【】#楼层]")


def is_comment_meta(ln: Line) -> bool:
    """A comment's date/reply/like line: "2024-06-19 10:21 回复 点赞(12)", "IP属地：江苏 3天前 回复"."""
    if ln.blank or ln.length > 40 or "。" in ln.text:
        return False
    if not has_any_date(ln.text):
        # "02-15 回复 赞12": a month-day date is a comment date only next to a reply/like widget
        if not (_SHORT_DATE_RE.search(ln.text) and any(w in ln.text for w in ("回复", "赞", "点赞", "举报"))):
            return False
    rest = _SHORT_DATE_RE.sub("", ln.text)
    rest = _META_STRIP_RE.sub("", rest)
    for w in sorted(vocab()["comment_widgets"], key=len, reverse=True):
        rest = rest.replace(w, "")
    return len(rest) <= 2


# A commenter name and the comment on one line: "张三：……", "用户138****5621：……"
_NAMED = re.compile(r"^([\u4e00-\u9fffA-Za-z0-9_*]{1,16})[:：][ ]?\S")


@lru_cache(maxsize=1)
def _comment_cfg() -> dict:
    return load_toml("fake_comments.toml")


def comment_blocks(lay: Layout) -> list[tuple[Line, Line, int]]:
    """Comment sections of the page: (first line, last line, number of entries), computed once.

    A block is a section label (精彩评论, 网友评论（共4条）…) followed by comment entries, or at least
    two commenter entries in a row without a label.  An entry is a commenter header (persona or avatar
    marker with a date), a "name：comment" line under a label, or comment text closed by a
    date/reply/like line."""
    cached = getattr(lay, "_comment_blocks", None)
    if cached is not None:
        return cached
    cfg = _comment_cfg()
    lines = lay.lines
    out: list[tuple[Line, Line, int]] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        t = ln.text
        # cheap necessary conditions first: a label has at most 16 characters, a header at most 50
        # and no sentence mark (is_comment_label / is_comment_header return False otherwise)
        if not t or (len(t) > 16 and (len(t) > 50 or ln.inner_marks or "。" in t)):
            i += 1
            continue
        labelled = not ln.blank and is_comment_label(ln)
        if ln.blank or not (labelled or is_comment_header(ln)):
            i += 1
            continue
        start_entries = i + 1 if labelled else i
        last, entries = _comment_entries(lines, start_entries, cfg, labelled)
        need = cfg["min_entries_labelled"] if labelled else cfg["min_entries_unlabelled"]
        if entries >= need and last is not None:
            out.append((ln, last, entries))
            i = last.index + 1
        else:
            i += 1
    lay._comment_blocks = out
    return out


def _comment_entries(lines: list[Line], start: int, cfg: dict, labelled: bool) -> tuple[Line | None, int]:
    """Walk comment entries from ``start``: (last line of the block, number of entries)."""
    last: Line | None = None
    entries = 0
    body = 0       # text lines after the current header
    gap = 0
    in_entry = False
    closed = False  # the current entry ended with a date/reply line
    pending = 0  # lines of a comment not yet attributed (name, text; its date line comes after them)
    max_pending = cfg["max_entry_lines"]
    for ln in lines[start:]:
        if ln.blank:
            gap += 1
            if gap > cfg["max_gap"]:
                break
            continue
        if is_comment_header(ln):
            entries += 1
            in_entry, body, gap, closed, pending = True, 0, 0, False, 0
            last = ln
            continue
        if is_comment_meta(ln) and (in_entry or pending):
            if pending:
                entries += 1  # text first, then its date/reply line
                pending = 0
            last, gap, body, closed, in_entry = ln, 0, max(body, 1), True, True
            continue
        named = _NAMED.match(ln.text) if labelled else None
        if named and named.group(1) not in cfg["not_names"] and (
                not in_entry or closed or (body > 0 and gap == 0)):
            entries += 1  # "张三：写得很清楚" — name and comment on one line, under a section label
            in_entry, body, gap, closed, pending = True, 1, 0, False, 0
            last = ln
            continue
        if in_entry and is_comment_widget(ln):
            last, gap, body = ln, 0, max(body, 1)  # a reply/like line closes the comment text
            continue
        if labelled and (closed or not in_entry) and pending < max_pending and ln.length <= 200 \
                and (pending == 0 or gap == 0):
            pending, gap = pending + 1, 0  # commenter name / comment text whose date line follows
            continue
        # comment text: only right after a header, without a blank line before a second paragraph
        if in_entry and not closed and body < cfg["max_entry_lines"] and (body == 0 or gap == 0):
            body += 1
            last, gap = ln, 0
            continue
        break
    return last, entries


def comment_line_indexes(lay: Layout) -> set[int]:
    """Indexes of every line inside a comment block."""
    out: set[int] = set()
    for first, last, _n in comment_blocks(lay):
        out.update(range(first.index, last.index + 1))
    return out
