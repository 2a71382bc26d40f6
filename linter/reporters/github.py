"""``github``: GitHub Actions workflow commands, one annotation per finding::

    ::warning file=a.txt,line=3,col=5,endLine=3,endColumn=7,title=wenlint punctuation/half-width::中文语境中…

``error`` findings become ``::error``, ``warning`` ``::warning``, ``info``
``::notice``.  Escaping follows the Actions toolkit: in the message ``%``,
CR and LF are percent-encoded; in properties also ``:`` and ``,``.
"""
from __future__ import annotations

from typing import TextIO

from ..results import RunResult
from . import register
from .sarif import file_findings, rel_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@register("github")
def render_github(result: RunResult, out: TextIO, **_: object) -> None:
    for fr, f in file_findings(result):
        props = [
            ("file", rel_path(fr.path)),
            ("line", str(max(1, f.line))),
            ("col", str(max(1, f.column))),
            ("endLine", str(max(1, f.end_line, f.line))),
            ("endColumn", str(max(1, f.end_column))),
            ("title", f"wenlint {f.rule}"),
        ]
        head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
        msg = f.message.get(result.lang)
        if f.fix is not None and fr.doc is not None:
            old = fr.doc.text[f.fix.start:f.fix.end]
            arrow = f"“{old}” → “{f.fix.replacement}”" if old else f"+“{f.fix.replacement}”"
            if len(arrow) <= 120:
                msg += (" (fix: " if result.lang == "en" else "（建议：") + arrow + (")" if result.lang == "en" else "）")
        out.write(f"::{COMMAND.get(f.severity or 'warning', 'warning')} {head}::{escape_data(msg)}\n")
