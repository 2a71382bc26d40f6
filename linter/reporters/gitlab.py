"""``gitlab``: GitLab Code Quality report (``artifacts: reports: codequality``).

A JSON array of issues with ``description``, ``check_name``, a unique
``fingerprint``, ``severity`` (error → major, warning → minor, info → info,
unreadable input → blocker) and ``location.path`` / ``location.lines.begin``.
The fingerprint is the baseline fingerprint (rule + normalised nearby text)
plus the path and an occurrence number, so it is unique in the report and
stable across edits elsewhere in the file — GitLab uses it to tell new issues
from fixed ones between the branch and its target.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from ..results import RunResult
from . import register
from .sarif import file_findings, rel_path

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


@register("gitlab")
def render_gitlab(result: RunResult, out: TextIO, **_: object) -> None:
    from ..baseline import fingerprint

    seen: Counter = Counter()
    issues = []
    for fr, f in file_findings(result):
        path = rel_path(fr.path)
        base = f"{path}\0{f.rule}\0{fingerprint(f, fr.doc.text if fr.doc is not None else None)}"
        seen[base] += 1
        fp = hashlib.sha256(f"{base}\0{seen[base]}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        sev = "blocker" if f.rule in ("input-error", "internal-error") else SEVERITY.get(f.severity or "warning", "minor")
        issues.append({
            "type": "issue",
            "engine_name": "wenlint",
            "check_name": f.rule,
            "description": f.message.get(result.lang),
            "categories": ["Style"],
            "fingerprint": fp,
            "severity": sev,
            "location": {"path": path, "lines": {"begin": max(1, f.line), "end": max(1, f.end_line, f.line)}},
        })
    json.dump(issues, out, ensure_ascii=False, indent=1)
    out.write("\n")
