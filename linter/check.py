"""The check protocol and the values checks produce.

A check is data (id, summary, rationale, examples, messages, options) plus a
function over a :class:`~linter.document.Document`.  Checks never format
output, read files or know about the command line: the engine does that.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
LANGS = ("zh", "en")


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement`` (offsets in code points)."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Message:
    """One finding message in every supported language."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Finding:
    """One defect.  ``line``/``column`` and ``path`` are filled in by the engine."""

    rule: str
    start: int
    end: int
    message: Message
    severity: str | None = None  # None: the check's (configured) default
    fix: Fix | None = None
    confidence: float | None = None
    data: dict[str, Any] = field(default_factory=dict)  # extra facts for audits (count, density ...)
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    @property
    def check_id(self) -> str:
        return self.rule.split("/", 1)[0]

    def to_dict(self, lang: str = "zh") -> dict:
        """The wire format of DESIGN.md: exactly these keys, in this order."""
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message.get(lang),
            "fix": self.fix.to_dict() if self.fix else None,
            "confidence": None if self.confidence is None else round(float(self.confidence), 4),
        }

    def with_(self, **changes: Any) -> "Finding":
        return replace(self, **changes)


@dataclass(frozen=True)
class Example:
    """A bad → good pair shown by ``wenlint explain``."""

    bad: str
    good: str
    note: str = ""


@dataclass(frozen=True)
class Option:
    """A per-check option settable under ``[tool.wenlint.<check-id>]``."""

    default: Any
    help: str
    path: bool = False  # a file/folder path: resolved relative to the config file that sets it


class Check:
    """Base class of every check.  Subclasses set the class attributes and
    implement :meth:`run`.  Third-party packages subclass it too and register
    the class (or an instance) under the ``wenlint.checks`` entry-point group.

    ``messages`` maps a message key to ``{"zh": ..., "en": ...}`` templates in
    :meth:`str.format` syntax; :meth:`finding` renders both languages so every
    finding can be shown in either.
    """

    id: ClassVar[str] = ""
    summary: ClassVar[str] = ""  # Simplified Chinese, one line
    summary_en: ClassVar[str] = ""
    rationale: ClassVar[str] = ""  # why it matters (zh)
    rationale_en: ClassVar[str] = ""
    examples: ClassVar[tuple[Example, ...]] = ()
    default_severity: ClassVar[str] = "warning"
    scope: ClassVar[str] = "document"  # or "corpus"
    options: ClassVar[Mapping[str, Option]] = {}
    messages: ClassVar[Mapping[str, Mapping[str, str]]] = {}
    # Sub-rules this check may emit ("id/sub"), so config and suppressions can name them.
    sub_rules: ClassVar[tuple[str, ...]] = ()
    # The check's data are of simplified script (lexicons, statistics): on a page mostly in
    # traditional script the engine runs it on the page's simplified twin (same offsets) and gives
    # its fixes back in traditional script; its messages quote the twin.
    reads_simplified: ClassVar[bool] = False
    # Rules this check overrides where their findings overlap one of its own
    # (e.g. missing-char supersedes punctuation/stray-space on a cut word's space).
    supersedes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **opts: Any) -> None:
        unknown = set(opts) - set(self.options)
        if unknown:
            raise ValueError(f"{self.id}: unknown option(s) {', '.join(sorted(unknown))}")
        self.opts: dict[str, Any] = {k: o.default for k, o in self.options.items()}
        self.opts.update(opts)

    def run(self, doc: "Document") -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- bulk audits: what a source's documents show together ----------------
    # A check may summarise each page (``page_evidence``, small and JSON-able), merge the summaries
    # of one source (``merge_evidence``) and report on the source (``source_report``): the audit
    # calls them and puts the reports under ``summary.json`` → ``source_reports`` → check id, and
    # adds the findings ``source_findings`` gives each page from its source's report.
    def page_evidence(self, doc: "Document", findings: Sequence[Finding]) -> dict[str, Any] | None:
        """This page's contribution to its source's report; None (the default) for none."""
        return None

    @classmethod
    def reports_on_sources(cls) -> bool:
        """The check gives page evidence (overrides ``page_evidence``)."""
        return cls.page_evidence is not Check.page_evidence

    @classmethod
    def merge_evidence(cls, acc: dict[str, Any] | None, evidence: dict[str, Any]) -> dict[str, Any]:
        """``acc`` (None at a source's first page) with one page's evidence merged in."""
        raise NotImplementedError

    @classmethod
    def source_report(cls, pages: int, acc: dict[str, Any]) -> Any:
        """The report on a source of ``pages`` documents from its merged evidence; None for none."""
        raise NotImplementedError

    @classmethod
    def source_findings(cls, report: Any, evidence: dict[str, Any]) -> list[dict[str, Any]]:
        """Findings for one page from its source's report and its own evidence: dicts with
        ``rule``, ``severity``, ``message`` (zh) and ``message_en``, reported at the page's start."""
        return []

    # -- helpers for subclasses -------------------------------------------
    def finding(
        self,
        key: str,
        start: int,
        end: int,
        *,
        sub: str | None = None,
        fix: Fix | None = None,
        confidence: float | None = None,
        severity: str | None = None,
        data: dict[str, Any] | None = None,
        **fmt: Any,
    ) -> Finding:
        """Build a finding whose message is ``messages[key]`` rendered with ``fmt``."""
        tmpl = self.messages[key]
        msg = Message(zh=tmpl["zh"].format(**fmt), en=tmpl["en"].format(**fmt))
        rule = f"{self.id}/{sub}" if sub else self.id
        return Finding(rule=rule, start=start, end=end, message=msg, severity=severity,
                       fix=fix, confidence=confidence, data=dict(data or {}))

    @classmethod
    def all_rule_ids(cls) -> tuple[str, ...]:
        return (cls.id,) + tuple(f"{cls.id}/{s}" for s in cls.sub_rules)
