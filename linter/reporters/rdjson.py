"""``rdjson``: reviewdog's Diagnostic Format (``reviewdog -f=rdjson``).

One JSON object ``{"source", "severity", "diagnostics": [...]}``; each diagnostic
has the message, the location (line, and column counted in UTF-8 bytes, as
reviewdog wants), severity, the rule as ``code`` and the fix as a
``suggestion`` (range + replacement text), so ``reviewdog -reporter=github-pr-review``
can offer it as a one-click suggested change.
"""
from __future__ import annotations

import json
from typing import Any, TextIO

from ..document import Document
from ..results import RunResult
from . import register
from .sarif import file_findings, rel_path

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def byte_column(doc: Document | None, line: int, column: int) -> int:
    """1-based UTF-8 byte column of the 1-based code-point (line, column)."""
    if doc is None or line < 1 or line > len(doc.lines):
        return max(1, column)
    start = doc.offset(line, 1)
    prefix = doc.text[start:start + max(0, column - 1)]
    return len(prefix.encode("utf-8", "surrogatepass")) + 1


def _pos(doc: Document | None, line: int, column: int) -> dict:
    return {"line": max(1, line), "column": byte_column(doc, line, column)}


def diagnostic(fr: Any, f: Any, lang: str) -> dict:
    doc = fr.doc
    d: dict[str, Any] = {
        "message": f.message.get(lang),
        "location": {"path": rel_path(fr.path), "range": {
            "start": _pos(doc, f.line, f.column), "end": _pos(doc, f.end_line, f.end_column)}},
        "severity": SEVERITY.get(f.severity or "warning", "WARNING"),
        "source": {"name": "wenlint"},
        "code": {"value": f.rule},
        "original_output": f"{fr.path}:{f.line}:{f.column}: {f.rule} {f.message.get(lang)}",
    }
    if f.fix is not None and doc is not None:
        (l0, c0), (l1, c1) = doc.position(f.fix.start), doc.position(f.fix.end)
        d["suggestions"] = [{"range": {"start": _pos(doc, l0, c0), "end": _pos(doc, l1, c1)},
                             "text": f.fix.replacement}]
    return d


@register("rdjson")
def render_rdjson(result: RunResult, out: TextIO, **_: object) -> None:
    body = {"source": {"name": "wenlint"},
            "diagnostics": [diagnostic(fr, f, result.lang) for fr, f in file_findings(result)]}
    json.dump(body, out, ensure_ascii=False, indent=1)
    out.write("\n")
