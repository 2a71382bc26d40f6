"""What a run produces, handed to reporters: one FileResult per input."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from .check import SEVERITY_RANK, Check, Finding, Message
from .document import Document
from .sources import InputError


@dataclass
class FileResult:
    path: str
    findings: list[Finding]
    doc: Document | None = None  # None when the input could not be read
    error: InputError | None = None
    cached: bool = False

    @property
    def encoding(self) -> str | None:
        return self.doc.encoding if self.doc is not None else None


@dataclass
class RunResult:
    files: list[FileResult] = field(default_factory=list)
    checks: Sequence[Check] = ()
    lang: str = "zh"

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    def by_rule(self) -> Counter:
        return Counter(f.rule for f in self.findings)

    def by_severity(self) -> Counter:
        return Counter(f.severity for f in self.findings)

    @property
    def input_errors(self) -> int:
        return sum(1 for f in self.findings if f.rule in ("input-error", "internal-error"))

    def worst(self) -> int:
        return max((SEVERITY_RANK.get(f.severity or "info", 0) for f in self.findings
                    if f.rule not in ("input-error", "internal-error")), default=-1)

    def summary(self) -> dict:
        fixable = sum(1 for f in self.findings if f.fix is not None)
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for fr in self.files if fr.findings),
            "input_errors": sum(1 for fr in self.files if fr.error is not None),
            "findings": len(self.findings),
            "fixable": fixable,
            "by_rule": dict(sorted(self.by_rule().items())),
            "by_severity": {s: self.by_severity().get(s, 0) for s in ("error", "warning", "info")},
        }


def input_error_finding(err: InputError) -> Finding:
    return Finding(
        rule="input-error", start=0, end=0, severity="error", path=err.path, line=1, column=1,
        end_line=1, end_column=1,
        message=Message(zh=f"无法检查该输入：{err.reason_zh}", en=f"cannot check this input: {err.reason_en}"),
    )
