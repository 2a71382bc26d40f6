"""Running checks on documents.

:func:`lint_document` is the single place where checks meet a document: it
runs each enabled check, turns a crash into an ``internal-error`` finding,
applies severities, supersession, suppressions and per-file ignores, and fills
in line/column.  Every front end (``check``, ``audit``, the Dask engine, the
tests) goes through it.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .check import Check, Finding, Message
from .document import Document
from .registry import ENGINE_RULES, Selection, load_registry, resolve_severity, selector_matches


@dataclass
class LintOptions:
    """The effective settings for one document (after config + CLI)."""

    selection: Selection = field(default_factory=Selection)
    severity: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: Sequence[str] = ()  # selectors ignored for this file
    suppressions: bool = True


def engine_finding(rule: str, zh: str, en: str, start: int = 0, end: int = 0) -> Finding:
    return Finding(rule=rule, start=start, end=end, message=Message(zh=zh, en=en),
                   severity=ENGINE_RULES.get(rule, "error"))


def _run_one(check: Check, doc: Document) -> list[Finding]:
    try:
        out = list(check.run(doc))
    except Exception as exc:  # noqa: BLE001 - a crashing check must not stop the run
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail = f"{type(exc).__name__}: {exc} ({where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return [engine_finding(
            "internal-error",
            f"检查 {check.id} 运行出错，已跳过：{detail}",
            f"check {check.id} crashed and was skipped: {detail}",
        )]
    n = len(doc.text)
    for f in out:
        # clamp: a check must never hand out offsets outside the text
        f.start = min(max(0, f.start), n)
        f.end = min(max(f.start, f.end), n)
    return out


def _drop_superseded(findings: list[Finding], checks: Iterable[Check]) -> list[Finding]:
    rules = {c.id: c.supersedes for c in checks if c.supersedes}
    if not rules:
        return findings
    owners = [f for f in findings if f.check_id in rules]
    if not owners:
        return findings
    keep = []
    for f in findings:
        dominated = False
        for o in owners:
            if o is f or not any(selector_matches(s, f.rule) for s in rules[o.check_id]):
                continue
            if (o.start < f.end and f.start < o.end) or (o.start == o.end and f.start <= o.start <= f.end):
                dominated = True
                break
        if not dominated:
            keep.append(f)
    return keep


def lint_document(doc: Document, checks: Sequence[Check], options: LintOptions | None = None) -> list[Finding]:
    """All findings for ``doc`` from ``checks``, sorted by position."""
    from .suppress import apply_suppressions

    options = options or LintOptions()
    findings: list[Finding] = []
    for check in checks:
        for f in _run_one(check, doc):
            if f.severity is None:
                f.severity = resolve_severity(f.rule, check.default_severity, options.severity)
            else:
                f.severity = resolve_severity(f.rule, f.severity, options.severity)
            findings.append(f)
    findings = [f for f in findings if f.rule in ENGINE_RULES or options.selection.enabled(f.rule)]
    findings = _drop_superseded(findings, checks)
    if options.per_file_ignores:
        findings = [f for f in findings
                    if not any(selector_matches(s, f.rule) for s in options.per_file_ignores)]
    if options.suppressions:
        findings = apply_suppressions(doc, findings, load_registry(), options.selection)
    for f in findings:
        f.path = doc.path
        f.line, f.column = doc.position(f.start)
        f.end_line, f.end_column = doc.position(f.end)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def make_checks(select: Sequence[str] = ("ALL",), ignore: Sequence[str] = (),
                options: Mapping[str, Mapping[str, object]] | None = None) -> tuple[list[Check], Selection]:
    """Instantiate the installed checks enabled by ``select``/``ignore``."""
    reg = load_registry()
    selection = Selection(tuple(select), tuple(ignore))
    classes = [cls for cls in reg.checks.values() if selection.check_enabled(cls) and cls.scope == "document"]
    opts = options or {}
    return [cls(**dict(opts.get(cls.id, {}))) for cls in classes], selection


def lint_text(text: str, select: Sequence[str] = ("ALL",), ignore: Sequence[str] = (),
              path: str = "<string>", options: Mapping[str, Mapping[str, object]] | None = None) -> list[Finding]:
    """Convenience for tests and library users: lint a string."""
    checks, selection = make_checks(select, ignore, options)
    return lint_document(Document(text, path=path), checks, LintOptions(selection=selection))
