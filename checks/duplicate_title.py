"""duplicate-title: the title line repeated at the top of a scraped page.

Page templates print the title two or three times (page <title>, H1, article
heading), sometimes with a ？ dropped or added, or inside a Markdown heading.
Among the title-like lines of the page head (before the first prose line), a
line whose normalised text equals, or nearly equals, an earlier one is a copy;
the first copy is the one to keep.  Each further copy is deleted with its line.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from linter import blocks
from linter.check import Check, Example, Option
from linter.resources import load_toml


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load_toml("duplicate_title.toml")


class DuplicateTitle(Check):
    id = "duplicate-title"
    summary = "标题在文首重复出现"
    summary_en = "The title is repeated at the top of the article"
    rationale = ("网页模板会把标题（页面标题、H1、正文标题）重复打印两三次，采集后在文首留下多份同一标题，"
                 "读者看到的是排版错误。保留第一份，删除其余副本。")
    rationale_en = ("Page templates print the title two or three times (page title, H1, article heading); the scraped "
                    "text starts with several copies of it.  Keep the first and delete the others.")
    examples = (
        Example(bad="提前还房贷划算吗\n\n提前还房贷划算吗？\n\n最近不少读者问……",
                good="提前还房贷划算吗\n\n最近不少读者问……"),
        Example(bad="# 信用卡分期怎么算利息\n信用卡分期怎么算利息\n……", good="# 信用卡分期怎么算利息\n……",
                note="copy inside a heading marker"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    options = {
        "min-ratio": Option(None, "similarity (0..1) at which two title lines count as copies; default from data"),
        "head-lines": Option(15, "how many non-blank lines before the first prose line count as the page head"),
    }
    messages = {
        "copy": {"zh": "标题“{title}”在文首重复出现，应删除这一行重复的标题",
                 "en": "the title “{title}” is repeated at the top; delete this duplicate title line"},
    }

    def run(self, doc):
        cfg = _cfg()
        ratio = float(self.opts["min-ratio"] if self.opts["min-ratio"] is not None else cfg["min_ratio"])
        lay = blocks.layout(doc)
        kept: list[tuple[blocks.Line, str]] = []  # first copies
        for ln in lay.head(int(self.opts["head-lines"])):
            if not blocks.is_title_like(ln, min_len=cfg["min_len"], max_len=cfg["max_len"]):
                continue
            if blocks.has_stamp(ln.text) or ln.bullet or blocks.is_enumerated(ln.body):
                continue
            key = blocks.norm_key(ln.body)
            if len(key) < cfg["min_len"]:
                continue
            original = next((k for k in kept if self._same(k[1], key, cfg, ratio)
                             or self._site_suffixed(k[0].body, ln.body, cfg)), None)
            if original is None:
                kept.append((ln, key))
                continue
            first, _ = original
            sim = 1.0 if original[1] == key else SequenceMatcher(None, original[1], key, autojunk=False).ratio()
            yield self.finding("copy", ln.lead, ln.tail, fix=lay.delete_fix(ln),
                               confidence=0.95 if sim == 1.0 else 0.85, title=first.body,
                               data={"first_line": first.index + 1, "similarity": round(sim, 3)})

    @staticmethod
    def _site_suffixed(a: str, b: str, cfg: dict) -> bool:
        """One line is the other plus a site name after a separator: 房贷怎么还_某某财经网."""
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(blocks.norm_key(short)) < cfg["fuzzy_min_len"] or not long_.startswith(short.rstrip("?？")):
            return False
        rest = long_[len(short.rstrip("?？")):].lstrip("?？ ")
        return bool(rest) and rest[0] in cfg["site_separators"] and len(rest) <= cfg["site_max_len"]

    @staticmethod
    def _same(a: str, b: str, cfg: dict, ratio: float) -> bool:
        """Equal keys, or one key is the other with a few characters dropped or added (这, 吗 …);
        a substituted character (房贷 → 车贷) makes a different title."""
        if a == b:
            return True
        if min(len(a), len(b)) < cfg["fuzzy_min_len"]:
            return False
        if abs(len(a) - len(b)) > cfg["max_indel"]:
            return False
        # cheap bound before the quadratic matcher (titles are short, at most max_len chars)
        if 2 * min(len(a), len(b)) / (len(a) + len(b)) < ratio:
            return False
        sm = SequenceMatcher(None, a, b, autojunk=False)
        if sm.ratio() < ratio:
            return False
        edits = 0
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "replace":
                return False
            if op != "equal":
                edits += max(i2 - i1, j2 - j1)
        return edits <= cfg["max_indel"]
