"""``junit``: JUnit XML, one ``<testcase>`` per file (for CI test-report views).

A file with findings is a ``<failure>`` listing them (``path:line:col: rule
message``, one per line); an unreadable file or a crashed check is an
``<error>``; a clean file passes.  Characters XML 1.0 cannot carry (control
characters from scraped text) are dropped from the report.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from ..results import RunResult
from . import register

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ERRORS = ("input-error", "internal-error")


def xml_safe(s: str) -> str:
    return _XML_BAD.sub("", s)


def _line(f, lang: str) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message.get(lang)}"


@register("junit")
def render_junit(result: RunResult, out: TextIO, **_: object) -> None:
    lang = result.lang
    tests = len(result.files)
    errors = sum(1 for fr in result.files if any(f.rule in ERRORS for f in fr.findings))
    failures = sum(1 for fr in result.files if fr.findings) - errors
    attrs = {"name": "wenlint", "tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", dict(attrs, skipped="0", time="0"))
    for fr in result.files:
        case = ET.SubElement(suite, "testcase", {"classname": "wenlint", "name": xml_safe(fr.path),
                                                 "file": xml_safe(fr.path), "time": "0"})
        if not fr.findings:
            continue
        errs = [f for f in fr.findings if f.rule in ERRORS]
        if errs:
            el = ET.SubElement(case, "error", {"type": errs[0].rule, "message": xml_safe(errs[0].message.get(lang))})
        else:
            n = len(fr.findings)
            msg = f"{n} problem(s)" if lang == "en" else f"发现 {n} 个问题"
            el = ET.SubElement(case, "failure", {"type": "wenlint", "message": msg})
        el.text = xml_safe("\n".join(_line(f, lang) for f in fr.findings))
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
