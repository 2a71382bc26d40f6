"""Inline suppression comments, in HTML-comment form so they work in .md,
.html and .txt alike::

    <!-- wenlint-disable RULE[,RULE] -- reason -->   … <!-- wenlint-enable [RULE] -->
    <!-- wenlint-disable-next-line RULE -->
    <!-- wenlint-disable-line RULE -->
    <!-- wenlint-disable-file RULE -->

A directive without rules applies to every rule.  A directive that suppresses
nothing, or names a rule that does not exist, is itself reported as
``unused-suppression`` (as ruff's RUF100 does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .check import Finding, Message
from .registry import Registry, Selection, selector_matches

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

_DIRECTIVE_RE = re.compile(r"<!--[ \t]*wenlint-(disable-file|disable-next-line|disable-line|disable|enable)\b([^<>]{0,500}?)-->")
KINDS = ("disable-file", "disable-next-line", "disable-line", "disable", "enable")


@dataclass
class Directive:
    kind: str
    rules: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    reason: str = ""
    line: int = 0  # 0-based line index of the directive
    used: bool = False
    unknown: tuple[str, ...] = ()

    def covers(self, rule: str) -> bool:
        return not self.rules or any(selector_matches(r, rule) for r in self.rules)


@dataclass
class _Region:
    directive: Directive
    start: int
    end: int  # exclusive; len(text) when never re-enabled
    rules_open: set[str] = field(default_factory=set)


def parse_directives(doc: "Document") -> list[Directive]:
    out = []
    for m in _DIRECTIVE_RE.finditer(doc.text):
        body = m.group(2)
        reason = ""
        if "--" in body:
            body, reason = body.split("--", 1)
        rules = tuple(r for r in re.split(r"[\s,]+", body.strip()) if r)
        out.append(Directive(m.group(1), rules, m.start(), m.end(), reason.strip(), doc.line_index(m.start())))
    return out


def _regions(directives: list[Directive], n: int) -> list[tuple[Directive, int, int]]:
    """(directive, start, end) ranges from disable … enable pairs."""
    out = []
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable":
            open_.append(d)
        elif d.kind == "enable":
            still = []
            for o in open_:
                closes = not d.rules or not o.rules or set(o.rules) <= set(d.rules)
                if closes:
                    out.append((o, o.end, d.start))
                    d.used = True
                else:
                    still.append(o)
            open_ = still
    out.extend((o, o.end, n) for o in open_)
    return out


def apply_suppressions(doc: "Document", findings: list[Finding], registry: Registry,
                       selection: Selection, extra_rules: frozenset[str] = frozenset()) -> list[Finding]:
    if "wenlint-" not in doc.text:
        return findings
    directives = parse_directives(doc)
    if not directives:
        return findings
    for d in directives:
        d.unknown = tuple(r for r in d.rules if not registry.rule_exists(r) and r not in extra_rules
                          and not any(selector_matches(r, k) for k in registry.known_rules()))
    regions = _regions(directives, len(doc.text))
    kept = []
    for f in findings:
        line = doc.line_index(f.start)
        hit = None
        for d in directives:
            if not d.covers(f.rule):
                continue
            if (d.kind == "disable-file"
                    or (d.kind == "disable-next-line" and line == d.line + 1)
                    or (d.kind == "disable-line" and line == d.line)):
                hit = d
                break
        if hit is None:
            for d, s, e in regions:
                if d.covers(f.rule) and s <= f.start < e:
                    hit = d
                    break
        if hit is None:
            kept.append(f)
        else:
            hit.used = True
    if selection.enabled("unused-suppression"):
        for d in directives:
            if d.kind == "enable":
                continue
            if d.unknown:
                kept.append(_unused(d, f"未知规则 {', '.join(d.unknown)}", f"unknown rule {', '.join(d.unknown)}"))
            elif not d.used and (not d.rules or any(r in extra_rules or _rule_enabled(r, registry, selection)
                                                    for r in d.rules)):
                kept.append(_unused(d, "没有压制任何问题", "suppresses nothing"))
    return kept


def _rule_enabled(rule: str, registry: Registry, selection: Selection) -> bool:
    return selection.enabled(rule) or any(selection.enabled(k) for k in registry.known_rules()
                                          if selector_matches(rule, k))


def _unused(d: Directive, zh: str, en: str) -> Finding:
    return Finding(
        rule="unused-suppression", start=d.start, end=d.end,
        message=Message(zh=f"无用的 wenlint-{d.kind} 指令：{zh}", en=f"unused wenlint-{d.kind} directive: {en}"),
        severity="warning",
    )
