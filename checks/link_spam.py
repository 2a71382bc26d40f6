"""link-spam: blocks of other articles' titles flattened into the text.

Content farms append (or insert) lists of links to their other pages: a
"相关文章 / 推荐阅读 / 猜你喜欢" section, a bullet list of question titles, or
title + truncated-teaser pairs.  After scraping these are runs of short
title lines (and teasers ending in …/...).  A block is reported once, from its
label (if any) to its last item, with a fix that deletes the whole block.
"""
from __future__ import annotations

import re
from functools import lru_cache

from linter import blocks
from linter.blocks import Line
from linter.check import Check, Example, Option
from linter.resources import load_toml
from linter.text import HAN_RE


@lru_cache(maxsize=1)
def _cfg() -> dict:
    d = load_toml("link_spam.toml")
    suffixes = tuple(sorted((blocks.norm_key(s) for s in d["label_suffixes"]), key=len, reverse=True))
    return {**d, "label_keys": frozenset(blocks.norm_key(x) for x in d["labels"]), "suffix_keys": suffixes}


class LinkSpam(Check):
    id = "link-spam"
    summary = "正文中混入其他文章的标题列表（相关文章、推荐阅读、标题+摘要）"
    summary_en = "Lists of other articles' titles in the text (related articles, recommended reading, title + teaser)"
    rationale = ("内容农场在文末或文中插入指向站内其他页面的链接列表，采集后变成一串与本文无关的标题和被截断的摘要，"
                 "读者无法点击，只会被打断。整块删除。")
    rationale_en = ("Content farms insert lists of links to their other pages; once scraped they become runs of "
                    "unrelated titles and truncated teasers that nobody can click.  Delete the whole block.")
    examples = (
        Example(bad="……正文结束。\n相关文章\n信用卡逾期三天会上征信吗\n公积金贷款能提前还吗\n房贷利率还会降吗",
                good="……正文结束。"),
        Example(bad="……正文结束。\n• 网贷逾期了怎么协商\n• 征信花了多久能恢复\n• 信用卡年费怎么免",
                good="……正文结束。", note="bullet list of question titles"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    options = {
        "min-items": Option(None, "fewest title lines in an unlabelled block; default from data"),
    }
    messages = {
        "block": {"zh": "正文中混入了{count}条其他文章的标题/摘要链接，应整块删除",
                  "en": "a block of {count} links to other articles (titles/teasers) is mixed into the text; delete the block"},
    }

    def run(self, doc):
        return _Scan(self).run(doc)

    def block_finding(self, lay, first: Line, last: Line, n: int):
        return self.finding("block", first.lead, last.tail, fix=lay.delete_fix(first, last),
                            confidence=0.9, count=n, data={"lines": [first.index + 1, last.index + 1]})


class _Scan:
    """One pass over one document (memoises the per-line item test)."""

    def __init__(self, check: LinkSpam) -> None:
        self.check = check
        self.opts = check.opts
        self._memo: dict[tuple[int, bool], bool] = {}

    def run(self, doc):
        cfg = _cfg()
        min_items = int(self.opts["min-items"] or cfg["min_items"])
        lay = blocks.layout(doc)
        lines = lay.lines
        covered = -1
        found: list[tuple[Line, Line, int]] = []
        # 1. labelled blocks
        for ln in lines:
            if ln.index <= covered or not ln.text or len(ln.text) > 24 or not self._is_label(ln):
                continue
            items = self._collect(lines, ln.index + 1)
            if len(items) >= cfg["min_labelled_items"]:
                found.append((ln, items[-1], self._links(items)))
                covered = items[-1].index
        # 1b. a label with its titles on its own line (相关推荐：A | B | C)
        taken = {i for a, b, _n in found for i in range(a.index, b.index + 1)}
        for ln in lines:
            if ln.index not in taken and not ln.blank:
                n = self._inline_items(ln)
                if n >= cfg["min_labelled_items"]:
                    found.append((ln, ln, n))
                    taken.add(ln.index)
        # 2. unlabelled runs of titles / teasers
        tail_from = (lay.last_prose + 1) if lay.last_prose is not None else 0
        max_item = cfg["item_max_len"]

        def member(x: Line) -> bool:
            # a body longer than item_max_len is never a title (is_title_like): the common case is
            # answered without the memoised call
            return (len(x.body) <= max_item and self._is_item(x)) or self._is_teaser(x)

        for run in blocks.runs(lines, member, max_gap=2):
            if any(x.index in taken for x in run):
                continue
            titles = [x for x in run if self._is_item(x)]
            teasers = [x for x in run if self._is_teaser(x)]
            ok = False
            if len(teasers) >= cfg["min_teasers"] and len(titles) >= cfg["min_teasers"]:
                ok = True
            elif len(titles) >= min_items and len(teasers) <= len(titles) // 3:
                q = sum(1 for x in titles if blocks.is_question(x.body)) / len(titles)
                bullets = sum(1 for x in titles if x.bullet) / len(titles)
                in_tail = run[0].index >= tail_from
                ok = q >= cfg["min_question_share"] and (in_tail or bullets >= cfg["min_bullet_share"])
            if ok:
                found.append((run[0], run[-1], self._links(run)))
        return [self.check.block_finding(lay, first, last, n) for first, last, n in sorted(found, key=lambda t: t[0].index)]

    def _collect(self, lines: list[Line], start: int) -> list[Line]:
        """Items (titles, teasers) after a label, blank lines allowed between them."""
        items: list[Line] = []
        gap = 0
        for ln in lines[start:]:
            if ln.blank:
                gap += 1
                if gap > 2:
                    break
                continue
            gap = 0
            if self._is_item(ln, labelled=True) or self._is_teaser(ln):
                items.append(ln)
            else:
                break
        return items

    def _links(self, items: list[Line]) -> int:
        """Distinct linked articles: title lines (a title printed twice counts once), else teasers."""
        titles = {blocks.norm_key(x.body) for x in items if self._is_item(x, labelled=True)}
        return len(titles) or len(items)

    @staticmethod
    def _is_label(ln: Line) -> bool:
        if ln.length > 24:
            return False
        cfg = _cfg()
        key = blocks.norm_key(ln.body)
        for suf in cfg["suffix_keys"]:
            if key.endswith(suf) and key[:-len(suf)] in cfg["label_keys"]:
                return True
        return key in cfg["label_keys"]

    def _is_item(self, ln: Line, labelled: bool = False) -> bool:
        """A linked title: a short title-like line; numbered items only under a label (unlabelled,
        a numbered run is the article's own outline)."""
        key = (ln.index, labelled)
        if key not in self._memo:
            self._memo[key] = self._item(ln, labelled)
        return self._memo[key]

    @staticmethod
    def _item(ln: Line, labelled: bool) -> bool:
        cfg = _cfg()
        if not blocks.is_title_like(ln, min_len=cfg["item_min_len"], max_len=cfg["item_max_len"]):
            return False
        body = ln.body
        if body.endswith(("；", ";", "：", ":", "，", ",", "。")):
            return False
        if not labelled and blocks.is_enumerated(body):
            return False
        if ln.heading or blocks.is_comment_header(ln) or blocks.is_comment_label(ln):
            return False
        return not _LABEL_VALUE.match(body)

    @staticmethod
    def _inline_items(ln: Line) -> int:
        """Titles listed after a section label on the label's own line, cut by | ｜ 丨 or wide spaces
        (相关推荐：房贷提前还款划算吗 | 公积金贷款可以提前还吗): their number when every piece is a title
        of an item's length that is not a sentence, else 0."""
        cfg = _cfg()
        m = _INLINE_LABEL.match(ln.body)
        if m is None or blocks.norm_key(m.group(1)) not in cfg["label_keys"]:
            return 0
        parts = [x.strip() for x in _INLINE_SEP.split(ln.body[m.end():]) if x.strip()]
        ok = all(cfg["item_min_len"] <= len(x) <= cfg["item_max_len"] and HAN_RE.search(x)
                 and not x.endswith(("。", "；", ";", "，", ",")) for x in parts)
        return len(parts) if ok and len(parts) >= 2 else 0

    @staticmethod
    def _is_teaser(ln: Line) -> bool:
        return ln.ends_ellipsis and ln.han >= 10


# "经济压力:许多人……" — a label:value list entry of the body, not a title
_LABEL_VALUE = re.compile(r"^[^:：]{1,8}[:：]")
# a section label and its colon at the start of a line, and the separators of titles listed after it
_INLINE_LABEL = re.compile(r"[【\[]?([^:：【】\[\]|｜丨]{2,12})[】\]]?\s*[:：]\s*")
_INLINE_SEP = re.compile(r"[|｜丨]|\s{2,}|\u3000+")  # (the pieces are stripped after the split)
