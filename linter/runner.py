"""Running checks on documents.

:func:`lint_document` is the single place where checks meet a document: it
runs each enabled check, turns a crash into an ``internal-error`` finding,
applies severities, supersession, suppressions and per-file ignores, and fills
in line/column.  Every front end (``check``, ``audit``, the Dask engine, the
tests) goes through it.
"""
from __future__ import annotations

import bisect
import traceback
from dataclasses import dataclass, field, replace
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
    extra_rules: frozenset[str] = frozenset()  # rule ids declared in config (term rules)


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


def _run_on_script(check: Check, doc: Document) -> list[Finding]:
    """``_run_one`` on the page, or, for a check that reads simplified text (``reads_simplified``)
    on a traditional page, on its simplified twin with the fixes given back in traditional script."""
    twin = doc.simplified if check.reads_simplified else None
    if twin is None:
        return _run_one(check, doc)
    from .script import to_traditional

    out = _run_one(check, twin)
    for f in out:
        if f.fix is not None and f.fix.replacement:
            f.fix = replace(f.fix, replacement=to_traditional(twin.text, f.fix.start, f.fix.end, f.fix.replacement))
    return out


def _drop_superseded(findings: list[Finding], checks: Iterable[Check]) -> list[Finding]:
    """Drop findings that overlap a finding of a check that supersedes their rule.
    n log n: owners' spans are sorted once and each finding is answered by bisection."""
    rules = {c.id: c.supersedes for c in checks if c.supersedes}
    if not rules:
        return findings
    owners = [f for f in findings if f.check_id in rules]
    if not owners:
        return findings
    by_rule: dict[str, tuple[list[int], list[int], list[int]]] = {}

    def index_for(rule: str):
        # spans of the owners whose check supersedes ``rule``: starts, running max of ends, points
        if rule not in by_rule:
            mine = [o for o in owners if any(selector_matches(s, rule) for s in rules[o.check_id])]
            spans = sorted((o.start, o.end) for o in mine if o.end > o.start)
            starts, maxend, top = [], [], -1
            for a, b in spans:
                top = max(top, b)
                starts.append(a)
                maxend.append(top)
            by_rule[rule] = (starts, maxend, sorted(o.start for o in mine if o.end == o.start))
        return by_rule[rule]

    keep = []
    for f in findings:
        if f.check_id in rules and not any(selector_matches(s, f.rule) for c in rules for s in rules[c]):
            keep.append(f)
            continue
        starts, maxend, points = index_for(f.rule)
        i = bisect.bisect_left(starts, f.end)  # owners starting before f ends
        overlaps = i > 0 and maxend[i - 1] > f.start
        if not overlaps and points:
            j = bisect.bisect_left(points, f.start)
            overlaps = j < len(points) and points[j] <= f.end
        if not overlaps:
            keep.append(f)
    return keep


def lint_document(doc: Document, checks: Sequence[Check], options: LintOptions | None = None) -> list[Finding]:
    """All findings for ``doc`` from ``checks``, sorted by position."""
    from .suppress import apply_suppressions

    options = options or LintOptions()
    findings: list[Finding] = []
    # severity and selection depend only on the rule (and the severity asked for): answered once
    # per rule and document instead of once per finding
    severity_of: dict[tuple[str, str], str] = {}
    overrides = options.severity
    for check in checks:
        for f in _run_on_script(check, doc):
            key = (f.rule, check.default_severity if f.severity is None else f.severity)
            sev = severity_of.get(key)
            if sev is None:
                sev = severity_of[key] = resolve_severity(key[0], key[1], overrides)
            f.severity = sev
            findings.append(f)
    enabled: dict[str, bool] = {}
    keep = []
    for f in findings:
        on = enabled.get(f.rule)
        if on is None:
            on = enabled[f.rule] = f.rule in ENGINE_RULES or options.selection.enabled(f.rule)
        if on:
            keep.append(f)
    findings = _drop_superseded(keep, checks)
    if options.per_file_ignores:
        findings = [f for f in findings
                    if not any(selector_matches(s, f.rule) for s in options.per_file_ignores)]
    if options.suppressions:
        findings = apply_suppressions(doc, findings, load_registry(), options.selection,
                                      options.extra_rules | _running_rules(checks))
    path, position = doc.path, doc.position
    for f in findings:
        f.path = path
        f.line, f.column = position(f.start)
        f.end_line, f.end_column = position(f.end)
    findings.sort(key=_finding_order)
    return findings


def _finding_order(f: Finding) -> tuple[int, int, str]:
    return f.start, f.end, f.rule


_running_cache: dict[tuple, frozenset] = {}


def _running_rules(checks: Sequence[Check]) -> frozenset:
    """Every rule id the running checks can emit (their ids and sub-rules), once per check list."""
    key = tuple(checks)
    try:
        got = _running_cache.get(key)
    except TypeError:  # an unhashable check object
        got, key = None, None
    if got is None:
        got = frozenset(r for c in checks for r in type(c).all_rule_ids()) | {c.id for c in checks}
        if key is not None:
            if len(_running_cache) > 64:
                _running_cache.clear()
            _running_cache[key] = got
    return got


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


# -- linting paths (the `wenlint check` engine) -----------------------------------
@dataclass
class CheckRequest:
    """What the command line asked for; config fills in the rest per file."""

    paths: Sequence[str]
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: str | None = None
    lang: str | None = None
    max_file_size: int | None = None
    stdin_filename: str | None = None
    fix: str | None = None  # None, "write" (--fix) or "diff" (--diff): see linter.fix.lint_file
    unsafe_fixes: bool = False
    cache: bool = False  # reuse results of unchanged files (linter.cache)


class _CheckSet:
    """Check instances for one config (configs differ per folder)."""

    def __init__(self, config, request: CheckRequest) -> None:
        from .term_rules import TermRule

        reg = load_registry()
        self.config = config
        self.selection = config.selection(request.select, request.ignore)
        own = [TermRule(spec) for spec in config.rules]
        classes = [c for c in reg.checks.values() if c.scope == "document" and self.selection.check_enabled(c)]
        self.checks: list[Check] = [c(**config.check_options.get(c.id, {})) for c in classes]
        self.checks += [t for t in own if self.selection.enabled(t.id)]

    def options_for(self, path: str) -> LintOptions:
        return LintOptions(selection=self.selection, severity=self.config.severity,
                           per_file_ignores=self.config.ignores_for(path) if path != "-" else (),
                           extra_rules=frozenset(r.id for r in self.config.rules))


def check_paths(request: CheckRequest, on_file=None):
    """Lint every input of ``request``; unreadable inputs become input-error
    findings and the run goes on.  ``on_file(FileResult)`` is called as each
    file finishes (streaming reporters, progress)."""
    from .config import config_for, load_config_file
    from .results import FileResult, RunResult, input_error_finding
    from .sources import InputError, iter_paths, read_source
    from pathlib import Path

    fixed_config = load_config_file(Path(request.config_file)) if request.config_file else None
    sets: dict[int, _CheckSet] = {}
    caches: dict = {}
    result = RunResult()
    for item in iter_paths(request.paths):
        if isinstance(item, InputError):
            fr = FileResult(item.path, [input_error_finding(item)], error=item)
        else:
            config = fixed_config or config_for(item if item != "-" else None)
            if config.excluded(item) and item not in request.paths:
                continue
            cs = sets.get(id(config))
            if cs is None:
                cs = sets[id(config)] = _CheckSet(config, request)
            limit = config.max_file_size if request.max_file_size is None else request.max_file_size
            src = read_source(item, max_size=limit)
            shown = request.stdin_filename if item == "-" and request.stdin_filename else item
            if isinstance(src, InputError):
                err = InputError(shown, src.reason_zh, src.reason_en)
                fr = FileResult(shown, [input_error_finding(err)], error=err)
            else:
                doc = Document(src.text, path=shown, encoding=src.encoding)
                doc.meta["newline"] = src.newline
                if request.fix or request.cache:
                    from .fix import lint_file

                    fr = lint_file(doc, cs.checks, cs.options_for(shown), cs.config, request, caches)
                else:
                    fr = FileResult(shown, lint_document(doc, cs.checks, cs.options_for(shown)), doc=doc)
        result.files.append(fr)
        if on_file:
            on_file(fr)
    result.checks = [c for cs in sets.values() for c in cs.checks]
    if request.lang:
        result.lang = request.lang
    elif sets:
        result.lang = next(iter(sets.values())).config.lang
    return result
