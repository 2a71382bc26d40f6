"""markup-residue: Markdown/HTML and list structure left broken in plain text.

Scraped and converted pages keep ``**加粗**`` labels, ``#`` heading marks,
``<br>`` and ``&nbsp;``, image markup and program code, and lose line breaks
before numbered headings (``…还款。2.信用卡逾期情况分析…``) or the first item
of a numbered outline (numbering starts at 二、).  In a real Markdown document
(``.md``) intended markup is left alone and only broken markup is reported.
"""
from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache

from linter.check import Check, Example, Fix, Option
from linter.resources import load_toml
from linter.residue import FENCE_RE, RegionSet, code_regions, fenced_blocks, is_markdown
from linter.text import HAN_CLASS, han_count, is_han

DATA = "markup_residue.toml"

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "[一二三四五六七八九十]{1,3}"


def cn_value(s: str) -> int | None:
    """一 → 1 … 十 → 10 … 九十九 → 99; None for anything else."""
    if not s:
        return None
    if s == "十":
        return 10
    if len(s) == 1:
        return CN_DIGITS.get(s)
    if len(s) == 2 and s[0] == "十":
        d = CN_DIGITS.get(s[1])
        return 10 + d if d else None
    if len(s) == 2 and s[1] == "十":
        d = CN_DIGITS.get(s[0])
        return d * 10 if d else None
    if len(s) == 3 and s[1] == "十":
        a, b = CN_DIGITS.get(s[0]), CN_DIGITS.get(s[2])
        return a * 10 + b if a and b else None
    return None


# Outline markers.  Each alternative names its style so sequences are compared within a style.
_MARKER = (
    r"(?:(?P<ar>\d{1,2})[.、．](?!\d)"
    rf"|(?P<cn>{CN_NUM})[、．.]"
    r"|[(（](?P<arp>\d{1,2})[)）]"
    rf"|[(（](?P<cnp>{CN_NUM})[)）])"
)
LINE_MARKER_RE = re.compile(r"^[ \t\u3000]{0,4}(?:#{1,6}[ \t]{0,2})?(?:\*\*)?" + _MARKER)
RUNIN_RE = re.compile(r"(?<=[。！？!?])[ \t\u3000]{0,3}" + _MARKER + r"(?=[ \t]{0,2}[\u4e00-\u9fff“《])")
INLINE_LIST_RE = re.compile(r"[：:；;][ \t]{0,2}" + _MARKER)


def _marker_value(m: re.Match) -> tuple[str, int] | None:
    for style in ("ar", "cn", "arp", "cnp"):
        g = m.group(style)
        if g:
            v = int(g) if style in ("ar", "arp") else cn_value(g)
            return (style, v) if v else None
    return None


HEADING_RE = re.compile(r"^([ \t]{0,3})(#{1,6})([ \t]*)(?=\S)")
HASHTAG_RE = re.compile(r"^#[^#\s]{1,30}#")
BOLD_RE = re.compile(r"(?<!\*)\*\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*\*(?!\*)")
UNDERSCORE_BOLD_RE = re.compile(r"(?<![\w_])__(?=[^\s_])([^_\n]{1,200}?)(?<=[^\s_])__(?![\w_])")
STARS_RE = re.compile(r"\*+")
ITALIC_RE = re.compile(r"(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]{1,60}?)(?<=[^\s*])\*(?![*A-Za-z0-9])")
TAG_RE = re.compile(r"<[ \t]{0,2}(/?)[ \t]{0,2}([A-Za-z][A-Za-z0-9]{0,10})((?:[ \t][^<>\n]{0,300})?)[ \t]{0,2}/?[ \t]{0,2}>")
ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
IMAGE_RE = re.compile(r"!\[([^\[\]\n]{0,200})\]\(([^()\s]{0,500})(?:[ \t]+\"[^\"\n]{0,200}\")?\)")
LINK_RE = re.compile(r"(?<!!)\[([^\[\]\n]{1,200})\]\(((?:https?://|www\.|/)[^()\s]{0,500})\)")
LABEL_AFTER_RE = re.compile(r"[^\s*：:。，,]{1,12}[：:]")
LIST_LABEL_RE = re.compile(r"^[ \t\u3000]{0,4}(?:[-+][ \t]{1,3}|\d{1,2}[.、．][ \t]{0,2}|" + CN_NUM + r"、[ \t]{0,2})?$")


@lru_cache(maxsize=1)
def _data():
    d = load_toml(DATA)
    tags = frozenset(t.lower() for t in d["html_tags"])
    code = re.compile("^(?:" + "|".join(f"(?:{p})" for p in d["code_line_patterns"]) + ")")
    strong = re.compile("^(?:" + "|".join(f"(?:{p})" for p in d["strong_code_patterns"]) + ")")
    return tags, code, strong, float(d["code_max_han_share"]), int(d["mask_run"])


class MarkupResidue(Check):
    id = "markup-residue"
    summary = "纯文本中残留的 Markdown/HTML 标记与断裂的编号结构"
    summary_en = "Markdown/HTML markup and broken numbering left in plain text"
    rationale = ("采集、转码和排版工具会在正文里留下 **加粗**、# 标题符号、<br>、&nbsp;、图片标记和程序代码，"
                 "还会吞掉编号标题前的换行（“…还款。2.信用卡逾期情况分析…”）或丢失第一个编号（从“二、”开始）。"
                 "读者看到的是乱码式的符号，编辑必须清除。真正的 Markdown 文件（.md）中有意的标记不报，只报损坏的标记。")
    rationale_en = ("Scrapers, converters and CMS exports leave **bold** labels, # heading marks, <br>, &nbsp;, image "
                    "markup and program code in the article, swallow the line break before numbered headings, or lose "
                    "the first item of an outline (numbering starts at 二、).  Readers see stray symbols; editors must "
                    "remove them.  In a real Markdown file (.md) intended markup is left alone; only broken markup is "
                    "reported.")
    examples = (
        Example(bad="**第一步：**联系银行说明情况", good="第一步：联系银行说明情况"),
        Example(bad="### 逾期后如何补救", good="逾期后如何补救"),
        Example(bad="按时还款。2.信用卡逾期情况分析信用卡逾期后……", good="按时还款。\n2.信用卡逾期情况分析……"),
        Example(bad="利息&nbsp;&nbsp;按日计算<br>", good="利息按日计算"),
        Example(bad="二、逾期的后果\n……\n三、如何补救", good="一、逾期的后果\n……\n二、如何补救",
                note="the outline starts at 二: the first heading was lost"),
    )
    default_severity = "warning"
    sub_rules = ("bold", "heading", "italic", "html-tag", "html-entity", "image", "link", "code",
                 "inline-code", "run-in-heading", "lost-first-item")
    options = {
        "markdown-paths": Option(True, "treat .md/.markdown inputs as real Markdown: report only broken markup"),
        "min-run-in-segment": Option(40, "shortest text between two run-in list markers for a collapsed list to count"),
    }
    messages = {
        "bold": {"zh": "正文中残留 Markdown 加粗标记“**”，请删除标记、保留文字",
                 "en": "Markdown bold marks “**” left in the text; remove the marks and keep the words"},
        "bold-unclosed": {"zh": "残留未闭合的加粗标记“**”，请删除",
                          "en": "an unclosed bold mark “**” is left in the text; remove it"},
        "heading": {"zh": "行首残留 Markdown 标题符号“{marks}”，请删除",
                    "en": "Markdown heading marks “{marks}” at the start of the line; remove them"},
        "heading-space": {"zh": "Markdown 标题符号“{marks}”后缺少空格，标题不会被渲染，请补上空格",
                          "en": "Markdown heading marks “{marks}” need a space after them to render; add one"},
        "italic": {"zh": "正文中残留 Markdown 斜体标记“*”，请删除标记、保留文字",
                   "en": "Markdown italic marks “*” left in the text; remove the marks and keep the words"},
        "html-tag": {"zh": "正文中残留 HTML 标签“{tag}”，请删除",
                     "en": "HTML tag “{tag}” left in the text; remove it"},
        "html-entity": {"zh": "正文中残留 HTML 实体“{entity}”，请替换为对应字符或删除",
                        "en": "HTML entity “{entity}” left in the text; replace it with its character or remove it"},
        "image": {"zh": "正文中残留图片标记“![…](…)”，请删除",
                  "en": "Markdown image markup “![…](…)” left in the text; remove it"},
        "link": {"zh": "正文中残留链接标记“[…](…)”，请只保留链接文字",
                 "en": "Markdown link markup “[…](…)” left in the text; keep only the link text"},
        "code": {"zh": "文章中夹带程序代码（{lines} 行），请删除或改写为正文",
                 "en": "program code ({lines} lines) inside the article; remove it or rewrite it as prose"},
        "fence": {"zh": "正文中残留代码块标记“```”，请删除",
                  "en": "code fence “```” left in the text; remove it"},
        "inline-code": {"zh": "正文中残留行内代码标记“`”，请删除反引号",
                        "en": "inline-code backticks “`” left in the text; remove them"},
        "run-in-heading": {"zh": "编号“{marker}”接在上一段末尾，标题与正文粘连，请在编号前换行",
                           "en": "numbered item “{marker}” runs on from the previous paragraph; start a new line before it"},
        "lost-first-item": {"zh": "编号从“{marker}”开始，前面的第一项缺失，请补回第一项或重新编号",
                            "en": "the numbering starts at “{marker}”: the first item is missing; restore it or renumber"},
    }

    # ------------------------------------------------------------------
    def run(self, doc):
        text = doc.text
        if not text:
            return
        md = bool(self.opts["markdown-paths"]) and is_markdown(doc)
        blocks = fenced_blocks(doc)
        fenced_lines: set[int] = set()
        for _s, _e, a, b in blocks:
            fenced_lines.update(range(a, b + 1))
        code = RegionSet(code_regions(doc)) if md else RegionSet([(s, e) for s, e, _a, _b in blocks])

        if not md:
            yield from self._fences(doc, blocks)
        yield from self._code_lines(doc, fenced_lines)
        for idx, ln in enumerate(doc.lines):
            if idx in fenced_lines or not ln.text.strip():
                continue
            t = ln.text
            if "#" in t:  # HEADING_RE needs a "#"
                yield from self._heading(ln, md)
            if "*" in t or "_" in t or "`" in t:  # every emphasis/code pattern needs one of these
                yield from self._emphasis(ln, md, code)
            if not md:
                if "<" in t or "&" in t:  # TAG_RE, ENTITY_RE
                    yield from self._html(ln)
                if "](" in t:  # IMAGE_RE, LINK_RE
                    yield from self._links(ln)
        yield from self._numbering(doc, fenced_lines)

    # -- fences and code ---------------------------------------------------
    def _fences(self, doc, blocks):
        for s, e, a, b in blocks:
            body = [doc.lines[i].text for i in range(a + 1, b)]
            if body and all(han_count(t) == 0 for t in body if t.strip()):
                yield self.finding("code", s, e, sub="code", fix=None, confidence=0.9, lines=b - a + 1)
            else:
                # prose inside a stray fence: only the fence lines are residue
                for i in sorted({a, b}):
                    ln = doc.lines[i]
                    if FENCE_RE.match(ln.text):
                        end = doc.lines[i + 1].start if i + 1 < len(doc.lines) else ln.end
                        yield self.finding("fence", ln.start, ln.end, sub="code",
                                           fix=Fix(ln.start, end, ""), confidence=0.9)

    def _code_lines(self, doc, fenced_lines):
        _tags, code_re, strong_re, max_share, _mask = _data()
        run: list[int] = []
        strong = False

        def flush():
            if run and (len(run) >= 2 or strong):
                first, last = doc.lines[run[0]], doc.lines[run[-1]]
                return self.finding("code", first.start, last.end, sub="code", fix=None, confidence=0.8,
                                    lines=len(run))
            return None

        for idx, ln in enumerate(doc.lines):
            stripped = ln.text.strip()
            if idx in fenced_lines:
                f = flush()
                if f:
                    yield f
                run, strong = [], False
                continue
            if not stripped:
                continue  # blank lines do not break a code block
            # the anchored pattern first: it fails at once on a Chinese line (same conjunction)
            is_code = (len(stripped) <= 400 and code_re.match(stripped) is not None
                       and han_count(stripped) <= max_share * sum(map(len, stripped.split())))  # non-isspace chars
            if is_code:
                run.append(idx)
                strong = strong or strong_re.match(stripped) is not None
            else:
                f = flush()
                if f:
                    yield f
                run, strong = [], False
        f = flush()
        if f:
            yield f

    # -- headings ----------------------------------------------------------
    def _heading(self, ln, md):
        m = HEADING_RE.match(ln.text)
        if not m:
            return
        rest = ln.text[m.end():]
        if not rest or HASHTAG_RE.match(ln.text[m.start(2):]) or rest[0] == "#":
            return
        marks = m.group(2)
        s = ln.start + m.start(2)
        first = rest[0]
        if md:
            if not m.group(3) and (is_han(first) or first in "“《"):
                yield self.finding("heading-space", s, s + len(marks), sub="heading",
                                   fix=Fix(s + len(marks), s + len(marks), " "), confidence=0.9, marks=marks)
            return
        if not m.group(3) and not (is_han(first) or first in "“《"):
            return  # "#1", "#hashtag" ...: not a heading
        if not any(is_han(ch) for ch in rest[:60]):
            return
        body = rest.rstrip()
        # a closing run of 1–6 "#" after spaces/tabs (what re.search(r"[ \t]+#{1,6}$") finds,
        # without its quadratic rescan of long space runs)
        unhashed = body.rstrip("#")
        before = unhashed.rstrip(" \t")
        if 1 <= len(body) - len(unhashed) <= 6 and len(before) < len(unhashed):
            core = body[:len(before)].rstrip()
            yield self.finding("heading", s, s + len(marks), sub="heading",
                               fix=Fix(s, ln.end, core), confidence=0.95, marks=marks)
        else:
            yield self.finding("heading", s, s + len(marks), sub="heading",
                               fix=Fix(s, ln.start + m.end(), ""), confidence=0.95, marks=marks)

    # -- bold / italic / inline code ----------------------------------------
    def _emphasis(self, ln, md, code):
        text = ln.text
        base = ln.start
        _tags, _c, _s, _sh, mask = _data()
        used: list[tuple[int, int]] = []
        if not md:
            for m in BOLD_RE.finditer(text):
                inner = m.group(1)
                if not any(is_han(ch) for ch in inner):
                    continue
                before = text[m.start() - 1] if m.start() else ""
                if len(inner) <= 2 and is_han(before):
                    continue  # 张**和李**: masked names, not bold
                used.append((m.start(), m.end()))
                yield self.finding("bold", base + m.start(), base + m.end(), sub="bold",
                                   fix=Fix(base + m.start(), base + m.end(), inner), confidence=0.95)
            for m in UNDERSCORE_BOLD_RE.finditer(text):
                inner = m.group(1)
                if any(is_han(ch) for ch in inner):
                    used.append((m.start(), m.end()))
                    yield self.finding("bold", base + m.start(), base + m.end(), sub="bold",
                                       fix=Fix(base + m.start(), base + m.end(), inner), confidence=0.9)
        else:
            for m in BOLD_RE.finditer(text):
                used.append((m.start(), m.end()))
        # unclosed ** : a lone pair of stars at a label position (line start or next to a colon)
        for m in STARS_RE.finditer(text):
            if len(m.group()) != 2 or any(a <= m.start() < b for a, b in used):
                continue
            if code and code.overlaps(base + m.start(), base + m.end()):
                continue
            head = text[:m.start()]
            after = text[m.end():m.end() + 1]
            before = text[m.start() - 1:m.start()]
            at_label = (LIST_LABEL_RE.match(head) is not None and bool(after) and not after.isspace()) \
                or before in ("：", ":") or after in ("：", ":") \
                or LABEL_AFTER_RE.match(text, m.end()) is not None
            if not at_label:
                continue
            if before.isdigit() and after.isdigit():
                continue
            yield self.finding("bold-unclosed", base + m.start(), base + m.end(), sub="bold",
                               fix=Fix(base + m.start(), base + m.end(), ""), confidence=0.85)
        if md:
            return
        for m in ITALIC_RE.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in used):
                continue
            inner = m.group(1)
            if not any(is_han(ch) for ch in inner) or len(inner) < 2:
                continue
            yield self.finding("italic", base + m.start(), base + m.end(), sub="italic",
                               fix=Fix(base + m.start(), base + m.end(), inner), confidence=0.85)
        for m in INLINE_CODE_RE_TXT.finditer(text):
            inner = m.group(2)
            yield self.finding("inline-code", base + m.start(), base + m.end(), sub="inline-code",
                               fix=Fix(base + m.start(), base + m.end(), inner.strip()), confidence=0.85)

    # -- HTML ---------------------------------------------------------------
    def _html(self, ln):
        tags, *_rest = _data()
        base = ln.start
        for m in TAG_RE.finditer(ln.text):
            name = m.group(2).lower()
            if name not in tags:
                continue
            attrs = m.group(3)
            if attrs and "=" not in attrs and m.group(1) == "" and name not in ("br", "hr", "p", "li"):
                continue  # "<a b>" without attributes: probably not a tag
            yield self.finding("html-tag", base + m.start(), base + m.end(), sub="html-tag",
                               fix=Fix(base + m.start(), base + m.end(), ""), confidence=0.9,
                               tag=m.group()[:40])
        for m in ENTITY_RE.finditer(ln.text):
            ent = m.group()
            decoded = html.unescape(ent)
            if decoded == ent:
                continue
            repl = "" if (not decoded.strip() or decoded in "\u200b\u200c\u200d\ufeff") else decoded
            yield self.finding("html-entity", base + m.start(), base + m.end(), sub="html-entity",
                               fix=Fix(base + m.start(), base + m.end(), repl), confidence=0.9, entity=ent)

    def _links(self, ln):
        base = ln.start
        for m in IMAGE_RE.finditer(ln.text):
            yield self.finding("image", base + m.start(), base + m.end(), sub="image",
                               fix=Fix(base + m.start(), base + m.end(), ""), confidence=0.9)
        for m in LINK_RE.finditer(ln.text):
            yield self.finding("link", base + m.start(), base + m.end(), sub="link",
                               fix=Fix(base + m.start(), base + m.end(), m.group(1)), confidence=0.85)

    # -- numbering ----------------------------------------------------------
    def _numbering(self, doc, fenced_lines):
        # every line-start marker, in order: (offset, end, style, value, line index)
        starts = []
        for idx, ln in enumerate(doc.lines):
            if idx in fenced_lines:
                continue
            m = LINE_MARKER_RE.match(ln.text)
            if m:
                sv = _marker_value(m)
                if sv:
                    mstart = ln.start + m.start(m.lastgroup) - (1 if m.lastgroup in ("arp", "cnp") else 0)
                    starts.append((mstart, ln.start + m.end(), sv[0], sv[1], idx))
        yield from self._lost_first(doc, starts)
        yield from self._run_in(doc, starts, fenced_lines)

    def _lost_first(self, doc, starts):
        by_style: dict[str, list] = {}
        for item in starts:
            by_style.setdefault(item[2], []).append(item)
        top_offsets = sorted(i[0] for i in starts if i[2] in ("cn",))
        for style, items in by_style.items():
            for k, (s, e, _st, v, idx) in enumerate(items):
                prev = items[k - 1] if k else None
                if v != 2:
                    continue
                # a sequence starts here (first of its style, or not following 1 / a reset by a higher level)
                if prev is not None and prev[3] == 1 and not _reset_between(style, prev[0], s, top_offsets):
                    continue
                nxt = items[k + 1] if k + 1 < len(items) else None
                if nxt is None or nxt[3] != 3 or (_reset_between(style, s, nxt[0], top_offsets)):
                    continue
                # item 1 may sit at the end of the previous line (run in): that is not lost
                lo = doc.lines[idx - 1].start if idx else 0
                window = doc.text[lo:s]
                if _has_value(window, style, 1):
                    continue
                yield self.finding("lost-first-item", s, e, sub="lost-first-item", fix=None, confidence=0.7,
                                   marker=doc.text[s:e].strip())

    def _run_in(self, doc, starts, fenced_lines):
        min_seg = int(self.opts["min-run-in-segment"])
        line_start_vals: dict[str, list[tuple[int, int]]] = {}
        for s, _e, style, v, _idx in starts:
            line_start_vals.setdefault(style, []).append((s, v))
        line_start_offsets = {style: [s for s, _v in vals] for style, vals in line_start_vals.items()}
        # only lines holding a run-in marker can yield anything: RUNIN_RE never matches across a line
        # break and its lookarounds see the same characters in a line and in the whole text, so one
        # scan of the text finds those lines (the others ran two regexes and an empty loop)
        lines = doc.lines
        for idx in sorted({doc.line_index(m.start()) for m in RUNIN_RE.finditer(doc.text)}):
            ln = lines[idx]
            if idx in fenced_lines or len(ln.text) < 8:
                continue
            text = ln.text
            inline_list = INLINE_LIST_RE.search(text) is not None
            lm = LINE_MARKER_RE.match(text)
            line_style = _marker_value(lm) if lm else None
            prev_pos = {}
            if line_style:
                prev_pos[line_style[0]] = (lm.end(), line_style[1])
            for m in RUNIN_RE.finditer(text):
                sv = _marker_value(m)
                if not sv:
                    continue
                style, v = sv
                if inline_list:
                    break
                ok = False
                # the previous marker of this style on the same line (collapsed list)
                if style in prev_pos:
                    ppos, pv = prev_pos[style]
                    ok = pv == v - 1 and m.start() - ppos >= min_seg
                elif v >= 2:
                    # the nearest earlier line-start marker of this style is v-1 (its heading had a line);
                    # markers are in text order, so it is found by bisection
                    offs = line_start_offsets.get(style, ())
                    k = bisect.bisect_left(offs, ln.start)
                    ok = k > 0 and line_start_vals[style][k - 1][1] == v - 1
                prev_pos[style] = (m.end(), v)
                if not ok:
                    continue
                ms = ln.start + m.start(m.lastgroup) - (1 if m.lastgroup in ("arp", "cnp") else 0)
                me = ln.start + m.end()
                yield self.finding("run-in-heading", ms, me, sub="run-in-heading",
                                   fix=Fix(ms, ms, "\n"), confidence=0.7, marker=doc.text[ms:me].strip())


def _reset_between(style: str, a: int, b: int, top_offsets: list[int]) -> bool:
    """An arabic list restarts under each 一、/二、 heading."""
    if style == "cn":
        return False
    return any(a < t < b for t in top_offsets)


def _has_value(window: str, style: str, value: int) -> bool:
    pats = {
        "ar": rf"(?<!\d){value}[.、．](?!\d)",
        "arp": rf"[(（]{value}[)）]",
        "cn": "一[、．.]",
        "cnp": "[(（]一[)）]",
    }
    return re.search(pats[style], window) is not None


INLINE_CODE_RE_TXT = re.compile(r"(?<!`)`(?!`)([ \t]{0,1})([^`\n]{1,80}?)\1`(?!`)")
