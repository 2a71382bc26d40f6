"""A source's filter profile for bulk audits: the words its filter deletes.

A site's filter is consistent: it deletes the same words from every page.  Two kinds of page
evidence show it, and a source's report names a word on either:

* missing-char restored the word with confidence (what ``--fix`` applies) on two or more of the
  source's pages;
* the word is a usual filter target (``filter_words.txt``) whose page topics expect it
  (``insertions.expected_filter_words``' topic model) on three or more of the source's pages, and
  not one of those pages contains it.  The register's articles on such a topic contain the word
  at least 85 % of the time, so three such pages all lacking it by chance is rare; no place in the
  text needs to be found.

``bench/filter_profile.py`` measures both on fake sites built from development pages.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from linter import ngrams

from .common import _filter_words
from .insertions import TOPIC_LIFT, _topic_lift

PROFILE_MIN_CONF = 0.8  # a restoration this sure (what --fix applies) is page evidence
RESTORED_PAGES = 2  # a word restored on this many of a source's pages is its filter's ...
LACKING_PAGES = 3  # ... and so is a word lacking from this many pages whose topic expects it, none having it
PROFILE_WORDS = 10  # words named per source


def restored_words(findings: Sequence[Any], min_conf: float = PROFILE_MIN_CONF) -> list[str]:
    """What the filter deleted from a page, by missing-char's sure restorations: the inserted
    text of each (题 for 问 → 问题, 催收 put back whole), once per page."""
    out = set()
    for f in findings:
        ins = f.data.get("inserted")
        if f.check_id == "missing-char" and (f.confidence or 0.0) >= min_conf and isinstance(ins, str) and ins.strip():
            out.add(ins)
    return sorted(out)


def topic_expected(doc) -> tuple[list[str], list[str]]:
    """(usual filter targets the page's topic expects that it contains, those it lacks); a page in
    traditional script is read through its simplified twin."""
    doc = doc.simplified or doc
    words = {ngrams.word_key(t.text) for t in doc.tokens}
    has: list[str] = []
    lacks: list[str] = []
    for w in _filter_words():
        if len(w) >= 2 and _topic_lift(w, words) >= TOPIC_LIFT:
            (has if w in doc.text else lacks).append(w)
    return has, lacks


def page_evidence(doc, findings: Sequence[Any]) -> dict[str, list[str]]:
    """The page's sure restorations and the filter targets its topic expects, present or lacking
    (in simplified script, so that a source's pages in either script count together)."""
    has, lacks = topic_expected(doc)
    restored = restored_words(findings)
    if doc.simplified is not None:
        from linter.script import to_simplified

        restored = sorted({to_simplified(w) or w for w in restored})
    return {"restored": restored, "has": has, "lacks": lacks}


def merge_evidence(acc: dict[str, Any] | None, ev: dict[str, Any]) -> dict[str, Any]:
    """Page counts per word, per kind of evidence (plain dicts: the report is JSON)."""
    acc = acc if acc is not None else {"restored": {}, "has": {}, "lacks": {}}
    for kind in ("restored", "has", "lacks"):
        counts = acc[kind]
        for w in ev.get(kind, ()):
            counts[w] = counts.get(w, 0) + 1
    return acc


def source_report(pages: int, acc: dict[str, Any]) -> dict[str, Any] | None:
    """{"documents", "words": [{"word", "restored" (pages), "lacking" (pages expecting it, all
    without it), "share" (of the source's pages restored or lacking)}]}, or None."""
    restored, has, lacks = Counter(acc.get("restored", {})), acc.get("has", {}), acc.get("lacks", {})
    named = {w for w, k in restored.items() if k >= RESTORED_PAGES}
    named |= {w for w, k in lacks.items() if k >= LACKING_PAGES and not has.get(w)}
    rows = []
    for w in named:
        r = restored.get(w, 0)
        gone = 0 if has.get(w) else lacks.get(w, 0)
        rows.append({"word": w, "restored": r, "lacking": gone, "share": round(max(r, gone) / max(1, pages), 3)})
    rows.sort(key=lambda x: (-max(x["restored"], x["lacking"]), x["word"]))
    return {"documents": pages, "words": rows[:PROFILE_WORDS]} if rows else None


def source_findings(report: dict[str, Any] | None, ev: dict[str, Any]) -> list[dict[str, Any]]:
    """A page of a source whose filter deletes a word, whose topic expects that word and which
    lacks it (and where no restoration of it was sure): damaged where no spot was found."""
    if not report:
        return []
    lacks, restored = set(ev.get("lacks", ())), set(ev.get("restored", ()))
    out = []
    for x in report.get("words", ()):
        w = x["word"]
        if w in lacks and w not in restored:
            n = max(x["restored"], x["lacking"])
            out.append({"rule": "missing-char/source-filter", "severity": "info", "word": w,
                        "message": f"本文来源的过滤器删除了“{w}”（同来源 {n} 篇文档可见），本文话题应有此词却一处也没有，"
                                   f"可能有未能定位的删除处",
                        "message_en": f"this page's source filters out “{w}” ({n} of its pages show it); the page's topic "
                                      f"expects the word and it has none: deletions may be left that were not located"})
    return out
