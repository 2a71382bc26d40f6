"""fake-comments: comment sections appended to the article.

Content farms pad pages with "精彩评论 / 网友评论" sections whose entries are
fabricated personas (东新-律师, 法务助理, 头像 + a name) with dates, each
followed by a paragraph that rehashes the article.  A block is a section label
followed by comment entries, or at least two dated persona entries in a row;
it is reported once and deleted whole.
"""
from __future__ import annotations

from linter import blocks
from linter.check import Check, Example


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
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    messages = {
        "block": {"zh": "文后附带了{count}条评论（评论区不是正文），应整块删除",
                  "en": "a comment section with {count} comments is appended to the text; delete the whole block"},
    }

    def run(self, doc):
        lay = blocks.layout(doc)
        for first, last, entries in blocks.comment_blocks(lay):
            yield self.finding("block", first.lead, last.tail, fix=lay.delete_fix(first, last), confidence=0.9,
                               count=entries, data={"lines": [first.index + 1, last.index + 1]})
