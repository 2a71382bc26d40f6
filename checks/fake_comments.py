"""fake-comments: comment sections appended to the article.

Content farms pad pages with "精彩评论 / 网友评论" sections whose entries are
fabricated personas (东新-律师, 法务助理, 头像 + a name) with dates, each
followed by a paragraph that rehashes the article.  A block is a section label
followed by comment entries, or at least two dated persona entries in a row;
it is reported once and deleted whole.
"""
from __future__ import annotations

from functools import lru_cache

import re

from linter import blocks
from linter.blocks import Line
from linter.check import Check, Example
from linter.resources import load_toml


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load_toml("fake_comments.toml")


class FakeComments(Check):
    id = "fake-comments"
    summary = "文后附带的评论区（精彩评论、网友评论、虚构的律师/法务人设）"
    summary_en = "A comment section appended to the article (featured comments, invented lawyer/paralegal personas)"
    rationale = ("内容农场在文末附上“精彩评论”“网友评论”，评论者多是虚构的“某某-律师”“法务助理”，"
                 "内容是对正文的改写，用来冒充专业背书。评论区不是文章内容，应整块删除。")
    rationale_en = ("Content farms append 'featured comments' whose authors are invented personas (XX-lawyer, "
                    "paralegal) rehashing the article to fake expert endorsement.  The section is not part of the "
                    "article: delete the whole block.")
    examples = (
        Example(bad="……正文结束。\n网友评论\n头像 李明-律师 2025-03-02\n提前还款要先看合同约定的违约金。",
                good="……正文结束。"),
    )
    default_severity = "warning"
    messages = {
        "block": {"zh": "文后附带了{count}条评论（评论区不是正文），应整块删除",
                  "en": "a comment section with {count} comments is appended to the text; delete the whole block"},
    }

    def run(self, doc):
        cfg = _cfg()
        lay = blocks.layout(doc)
        lines = lay.lines
        i = 0
        while i < len(lines):
            ln = lines[i]
            labelled = not ln.blank and blocks.is_comment_label(ln)
            if ln.blank or not (labelled or blocks.is_comment_header(ln)):
                i += 1
                continue
            start_entries = i + 1 if labelled else i
            last, entries = self._entries(lines, start_entries, cfg, labelled)
            need = cfg["min_entries_labelled"] if labelled else cfg["min_entries_unlabelled"]
            if entries >= need and last is not None:
                yield self.finding("block", ln.lead, last.tail, fix=lay.delete_fix(ln, last), confidence=0.9,
                                   count=entries, data={"lines": [ln.index + 1, last.index + 1]})
                i = last.index + 1
            else:
                i += 1

    @staticmethod
    def _entries(lines: list[Line], start: int, cfg: dict, labelled: bool) -> tuple[Line | None, int]:
        """Walk comment entries from ``start``: (last line of the block, number of entries)."""
        last: Line | None = None
        entries = 0
        body = 0       # text lines after the current header
        gap = 0
        in_entry = False
        for ln in lines[start:]:
            if ln.blank:
                gap += 1
                if gap > cfg["max_gap"]:
                    break
                continue
            if blocks.is_comment_header(ln):
                entries += 1
                in_entry, body, gap = True, 0, 0
                last = ln
                continue
            named = _NAMED.match(ln.text) if labelled else None
            if named and named.group(1) not in cfg["not_names"] and (not in_entry or (body > 0 and gap == 0)):
                entries += 1  # "张三：写得很清楚" — name and comment on one line, under a section label
                in_entry, body, gap = True, 1, 0
                last = ln
                continue
            if in_entry and blocks.is_comment_widget(ln):
                last, gap, body = ln, 0, max(body, 1)  # a reply/like line closes the comment text
                continue
            # comment text: only right after a header, without a blank line before a second paragraph
            if in_entry and body < cfg["max_entry_lines"] and (body == 0 or gap == 0):
                body += 1
                last, gap = ln, 0
                continue
            break
        return last, entries


# A commenter name and the comment on one line: "张三：……", "网友8812: ……"
_NAMED = re.compile(r"^([\u4e00-\u9fffA-Za-z0-9_*]{1,12})[:：][ ]?\S")
