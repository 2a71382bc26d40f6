"""boilerplate: site chrome lines left in scraped articles.

Evidence is structure plus lexicon: a chrome line is short, is not a sentence
(no 。！？； inside it, at most one comma), and carries a footer phrase, a
licence number, a meta label (来源:, 人气:, 字体:), a breadcrumb (首页 > …) or a
machine date/time stamp.  The weaker kinds are flagged only in the head (before
the first prose line) or the tail (after the last one), so a body sentence that
mentions 来源 or 作者 is never touched.  Each finding deletes the whole line.
"""
from __future__ import annotations

import re
from functools import lru_cache

from linter import blocks
from linter.blocks import Line
from linter.check import Check, Example, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_toml

# 。！？；;! or a question mark (?？) before a line's last character: running text, not chrome
_INNER_STOP_RE = re.compile("[。！？；;!?]")


@lru_cache(maxsize=1)
def _data() -> dict:
    d = load_toml("boilerplate.toml")
    labels = "|".join(re.escape(x) for x in sorted(d["meta_labels"], key=len, reverse=True))
    seps = "|".join(re.escape(x) for x in sorted(d["breadcrumb_separators"], key=len, reverse=True))
    return {
        "raw": d,
        "footer": PhraseMatcher(d["footer"]),
        "widgets": PhraseMatcher(d["widgets"]),
        "roots": PhraseMatcher(d["breadcrumb_roots"]),
        "leaves": tuple(d["breadcrumb_leaves"]),
        "standalone": frozenset(blocks.norm_key(x) for x in d["standalone"]),
        "citation": frozenset(d["citation_labels"]),
        # label at line start: "来源:xx", "字体:"
        "meta_lead": re.compile(r"^[【\[(（]?(" + labels + r")[ ]{0,2}[:：]"),
        # label fields anywhere: "人气:9", "阅读(123)", "浏览 456次"
        "meta_field": re.compile(r"(?:^|[ \u3000\u00a0|｜/【\[(（])(" + labels + r")[ ]{0,2}(?:[:：]|[(（]?[ ]{0,1}\d)"),
        "seps": re.compile(r"(?:" + seps + r")"),
        "license": re.compile("|".join(f"(?:{p})" for p in d["license_patterns"])),
        "sentence_footers": PhraseMatcher(d["sentence_footers"]),
        "widget_words": sorted(d["widget_words"], key=len, reverse=True),
        "nav_split": re.compile("|".join(re.escape(x) for x in d["nav_separators"])),
        "footer_lead": re.compile(r"^[【\[(（]?(" + "|".join(re.escape(x) for x in sorted(d["footer_labels"], key=len,
                                                                                          reverse=True))
                                  + r")[ ]{0,2}[:：]"),
        "footer_field": re.compile(r"(?:^|[ \u3000\u00a0|｜/])(" + "|".join(
            re.escape(x) for x in sorted(d["footer_labels"], key=len, reverse=True)) + r")[ ]{0,2}[:：]"),
        "stamp_strip": re.compile(
            r"(?:" + blocks.MACHINE_DATE_RE.pattern + r")|(?:" + blocks.TIME_RE.pattern + r")"
            r"|[0-9A-Za-z\s\u00a0\u3000:：/|｜\-—_.·>»]+"),
    }


class Boilerplate(Check):
    id = "boilerplate"
    summary = "网页模板残留（面包屑、来源/日期/人气等元信息行、版权与备案页脚）"
    summary_en = "Page chrome left in the article (breadcrumbs, source/date/views meta lines, copyright and licence footers)"
    rationale = ("采集的文章常夹带网站的导航、元信息和页脚，这些行不是正文，会污染摘要、检索和再发布。"
                 "本检查只认结构上像模板的行：短行、不成句，且位于正文之前或之后（强页脚特征除外）。")
    rationale_en = ("Scraped articles carry the site's navigation, meta lines and footers; they are not content and "
                    "pollute summaries, search and republication.  Only lines that look like chrome structurally "
                    "are flagged: short, not a sentence, and before or after the prose body (strong footers excepted).")
    examples = (
        Example(bad="首页 > 贷款资讯 > 正文\n房贷提前还款要注意什么\n……正文……",
                good="房贷提前还款要注意什么\n……正文……", note="breadcrumb"),
        Example(bad="……正文……\n未经允许不得转载：某某财经 » 房贷提前还款要注意什么",
                good="……正文……", note="footer"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    options = {
        "head-lines": Option(15, "how many non-blank lines before the first prose line count as the page head"),
        "tail-lines": Option(15, "how many non-blank lines after the last prose line count as the page tail"),
    }
    messages = {
        "footer": {"zh": "版权/转载声明等网站页脚混入正文，应删除整行",
                   "en": "site footer (copyright or reprint notice) left in the text; delete the line"},
        "license": {"zh": "网站备案号或经营许可证号混入正文，应删除整行",
                    "en": "site registration or licence number left in the text; delete the line"},
        "meta": {"zh": "网页元信息行（{label}）混入正文，应删除整行",
                 "en": "page meta line ({label}) left in the text; delete the line"},
        "breadcrumb": {"zh": "网站导航面包屑混入正文，应删除整行",
                       "en": "site breadcrumb navigation left in the text; delete the line"},
        "stamp": {"zh": "网页的日期/时间戳行混入正文，应删除整行",
                  "en": "page date/time stamp line left in the text; delete the line"},
        "label": {"zh": "网页控件文字“{label}”混入正文，应删除整行",
                  "en": "page widget text “{label}” left in the text; delete the line"},
    }

    def run(self, doc):
        lay = blocks.layout(doc)
        # footer/licence lines never count as the prose body, even when they are long sentences
        # ("声明：本站文章来源于网络，如有侵权请联系删除。"), so chrome after them is still in the tail
        # comment sections belong to fake-comments: their lines are neither prose nor boilerplate
        comments = blocks.comment_line_indexes(lay)
        # the per-line facts _strong and classify share, computed once per line
        facts = {ln.index: self._facts(ln) for ln in lay.lines if not ln.blank and ln.index not in comments}
        strong = {i for i, f in facts.items() if f[0] or (not f[1] and (f[2] or f[3]))} | comments
        head, tail = lay.zones(strong, int(self.opts["head-lines"]), int(self.opts["tail-lines"]))
        hits: dict[int, tuple] = {}
        weak: dict[int, tuple] = {}
        for ln in lay.lines:
            if ln.blank or ln.index in comments:
                continue
            zone = "head" if ln.index in head else "tail" if ln.index in tail else "body"
            hit = self.classify(ln, zone, facts[ln.index])
            if hit is not None:
                hits[ln.index] = (ln, zone, hit)
            elif zone == "tail" and self._footer_field(ln):
                weak[ln.index] = (ln, zone, ("footer", 0.8, {}))
        # a lone footer field (地址：…, 客服热线：…) is chrome when it sits in a block of chrome lines
        grew = True
        while weak and grew:
            grew = False
            for idx in list(weak):
                prev = next((j for j in range(idx - 1, -1, -1) if not lay.lines[j].blank), None)
                nxt = lay.next_nonblank(idx)
                if (prev is not None and prev in hits) or (nxt is not None and nxt.index in hits):
                    hits[idx] = weak.pop(idx)
                    grew = True
        for idx in sorted(hits):
            ln, zone, (key, conf, fmt) = hits[idx]
            yield self.finding(key, ln.lead, ln.tail, fix=lay.delete_fix(ln), confidence=conf,
                               data={"zone": zone}, **fmt)

    def _facts(self, ln: Line) -> tuple[bool, bool, bool, bool | None]:
        """(short sentence footer, too long or sentence-like, licence pattern, footer phrase); the last
        two only when the line is not too long or sentence-like, the footer phrase only without a
        licence (None: not computed)."""
        d = _data()
        sf = self._sentence_footer(ln)
        skip = ln.length > d["raw"]["max_line"] or self._sentence_like(ln)
        if skip:
            return sf, True, False, None
        lic = bool(d["license"].search(ln.text))
        return sf, False, lic, (None if lic else d["footer"].contains(ln.text))

    def classify(self, ln: Line, zone: str, facts: tuple | None = None):
        """(message key, confidence, format args) when ``ln`` is a chrome line, else None.
        ``facts``: :meth:`_facts` of the line when already known."""
        d = _data()
        text = ln.text
        sf, skip, lic, foot = facts if facts is not None else self._facts(ln)
        if zone == "tail" and sf:
            return "footer", 0.9, {}
        if skip:
            return None
        if blocks.is_comment_header(ln) or blocks.is_comment_label(ln):
            return None  # fake-comments owns comment sections
        edge = zone != "body"
        if lic and (edge or ln.prose_marks == 0):
            return "license", 0.95, {}
        if (edge or ln.prose_marks == 0) and (foot if foot is not None else d["footer"].contains(text)):
            return "footer", 0.95, {}
        if not edge:
            return None
        if self._breadcrumb(ln):
            return "breadcrumb", 0.9, {}
        if self._nav_bar(ln):
            return "breadcrumb", 0.85, {}
        widget = self._widget_line(ln)
        if widget:
            return "label", 0.85, {"label": widget}
        if zone == "tail" and len(d["footer_field"].findall(" " + text)) >= 2:
            return "footer", 0.85, {}
        key = blocks.norm_key(ln.body)
        if key and key in d["standalone"]:
            return "label", 0.9, {"label": ln.body.rstrip(":：")}
        m = d["meta_lead"].match(ln.body)
        fields = list(d["meta_field"].finditer(ln.body))
        if m or fields:
            label = m.group(1) if m else fields[0].group(1)
            names = {f.group(1) for f in fields} | ({label} if m else set())
            counter = any(f.group(0).rstrip()[-1:].isdigit() for f in fields)  # 阅读(123), 人气 45
            strong = len(names) >= 2 or counter or blocks.has_stamp(text)
            if strong or (m and (zone == "head" or label not in d["citation"])):
                return "meta", 0.9, {"label": label}
        if blocks.has_stamp(text) and self._stamp_only(text):
            return "stamp", 0.85, {}
        widgets = d["widgets"].find(text)
        if widgets and (ln.length <= 30 or widgets[0].start <= 1):
            return "label", 0.85, {"label": widgets[0].term}
        return None

    def _strong(self, ln: Line) -> bool:
        d = _data()
        if self._sentence_footer(ln):
            return True
        if ln.length > d["raw"]["max_line"] or self._sentence_like(ln):
            return False
        return bool(d["license"].search(ln.text) or d["footer"].contains(ln.text))

    @staticmethod
    def _sentence_footer(ln: Line) -> bool:
        """A short reprint/infringement notice, even when written as a sentence."""
        d = _data()
        return ln.length <= d["raw"]["sentence_footer_max"] and d["sentence_footers"].contains(ln.text)

    @staticmethod
    def _footer_field(ln: Line) -> bool:
        return ln.length <= 60 and bool(_data()["footer_lead"].match(ln.body))

    @staticmethod
    def _nav_bar(ln: Line) -> bool:
        """首页 | 新闻中心 | 政策解读 | 办事指南: short letter-only items between separators."""
        d = _data()
        raw = d["raw"]
        parts = [blocks.strip_pad(p) for p in d["nav_split"].split(ln.text)]
        if len(parts) < raw["nav_min_items"] or any(not p for p in parts):
            return False
        return all(len(p) <= raw["nav_item_max"] and all(ch.isalnum() or ch in " \u3000" for ch in p)
                   and not p.isdigit() for p in parts)

    @staticmethod
    def _widget_line(ln: Line) -> str | None:
        """喜欢 (128) 收藏 (56) 打赏: nothing but widget words, counters, brackets and separators."""
        if ln.length > 40:
            return None
        rest = ln.text
        found = []
        for w in _data()["widget_words"]:
            if w in rest:
                found.append(w)
                rest = rest.replace(w, " ")
        if not found:
            return None
        counted = any(ch.isdigit() for ch in rest)
        rest = "".join(ch for ch in rest if not (ch.isdigit() or ch.isspace() or ch in "()（）[]【】|｜/:：·,，.万wWkK+"))
        if rest or not (len(found) >= 2 or counted):
            return None
        return found[0]

    @staticmethod
    def _sentence_like(ln: Line) -> bool:
        """Running text: a 。！？； inside the line, or two or more commas."""
        body = ln.text
        last = len(body) - 1
        # an inner stop, or a "?" inside the line (titles carry it; a question is not chrome):
        # one C-level search of body[:-1] without copying it
        if last > 0 and _INNER_STOP_RE.search(body, 0, last):
            return True
        return body.count("，") + body.count(",") >= 2

    @staticmethod
    def _breadcrumb(ln: Line) -> bool:
        d = _data()
        seps = list(d["seps"].finditer(ln.text))
        if not seps:
            return False
        if d["roots"].find(ln.text):
            first = seps[0].start()
            return any(m.end <= first + 1 for m in d["roots"].find(ln.text))
        if len(seps) >= 2:
            parts = [p.strip() for p in d["seps"].split(ln.text)]
            return all(len(p) <= 14 for p in parts) and (
                parts[-1].endswith(d["leaves"]) or sum(1 for p in parts if p) >= 3)
        return False

    @staticmethod
    def _stamp_only(text: str) -> bool:
        rest = _data()["stamp_strip"].sub("", text)
        return len(rest) <= _data()["raw"]["stamp_max_rest"]
