"""``checkstyle``: Checkstyle XML (read by Jenkins warnings-ng, reviewdog
``-f=checkstyle``, many CI dashboards): ``<file name>`` per input with one
``<error line column severity message source>`` per finding."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..results import RunResult
from . import register
from .junit import xml_safe

SEVERITY = {"error": "error", "warning": "warning", "info": "info"}


@register("checkstyle")
def render_checkstyle(result: RunResult, out: TextIO, **_: object) -> None:
    root = ET.Element("checkstyle", {"version": "4.3"})
    for fr in result.files:
        el = ET.SubElement(root, "file", {"name": xml_safe(fr.path)})
        for f in fr.findings:
            ET.SubElement(el, "error", {
                "line": str(max(1, f.line)), "column": str(max(1, f.column)),
                "severity": SEVERITY.get(f.severity or "warning", "warning"),
                "message": xml_safe(f.message.get(result.lang)),
                "source": f"wenlint.{f.rule}",
            })
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
