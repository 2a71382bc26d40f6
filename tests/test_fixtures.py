"""The fixture harness: every ``fixtures/<check-id>/<case>.txt`` is linted with
that check alone and must give exactly the findings in ``<case>.expected.jsonl``
(rule, start, end, fix).  An empty expected file is a negative fixture.

``fixtures/clean/`` holds clean professional articles: *every* check must stay
silent on them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.document import Document
from linter.registry import load_registry
from linter.runner import LintOptions, lint_document, make_checks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _cases():
    for txt in sorted(FIXTURES.glob("*/*.txt")):
        if txt.parent.name in ("clean", "samples"):
            continue
        yield pytest.param(txt, id=f"{txt.parent.name}/{txt.stem}")


def _expected(txt: Path) -> list[tuple]:
    exp = txt.with_suffix(".expected.jsonl")
    assert exp.exists(), f"{exp} is missing: every fixture states its expected findings"
    out = []
    for line in exp.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(_key(r["rule"], r["start"], r["end"], r.get("fix")))
    return sorted(out, key=repr)


def _key(rule, start, end, fix):
    if isinstance(fix, dict):
        fix = (fix["start"], fix["end"], fix["replacement"]) if (fix["start"], fix["end"]) != (start, end) \
            else fix["replacement"]
    return (rule, start, end, fix)


def _actual(findings) -> list[tuple]:
    return sorted((_key(f.rule, f.start, f.end, f.fix.to_dict() if f.fix else None) for f in findings), key=repr)


@pytest.mark.parametrize("txt", list(_cases()))
def test_fixture(txt: Path) -> None:
    check_id = txt.parent.name
    assert check_id in load_registry().checks, f"fixture folder {check_id!r} names no installed check"
    checks, selection = make_checks(select=[check_id])
    doc = Document(txt.read_text(encoding="utf-8"), path=str(txt))
    findings = lint_document(doc, checks, LintOptions(selection=selection))
    assert not [f for f in findings if f.rule == "internal-error"], findings
    assert _actual(findings) == _expected(txt)


@pytest.mark.parametrize("txt", sorted(FIXTURES.glob("clean/*.txt")), ids=lambda p: p.stem)
def test_clean_text_is_silent(txt: Path) -> None:
    checks, selection = make_checks()
    doc = Document(txt.read_text(encoding="utf-8"), path=str(txt))
    findings = lint_document(doc, checks, LintOptions(selection=selection))
    shown = [(f.rule, doc.text[max(0, f.start - 8):f.end + 8]) for f in findings]
    assert findings == [], shown
