"""Helpers shared by the tests of the page-chrome checks (keyword-stuffing, boilerplate,
link-spam, duplicate-title, fake-comments)."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from linter.document import Document
from linter.registry import load_registry
from linter.runner import LintOptions, lint_document, make_checks

ROOT = Path(__file__).resolve().parent.parent
CHROME = ("keyword-stuffing", "boilerplate", "link-spam", "duplicate-title", "fake-comments")

# Odd inputs every check must survive.
ODD_INPUTS = [
    "", "\n", "\r\n\r\n", "\u00a0\u3000\u200b\ufeff", "\x00\x01\x02\x7f", "abc def 123",
    "标", "？？？？", "……", "#", "# \n#\n", "•", "  • \n  • ", "首页 >", ">>>>>>>>", "评论\n头像",
    "相关文章\n\n相关文章", "\ud7ff\U0001F600\U00020000", "a\rb\rc", "来源:" * 50,
    "2024-01-01 00:00:00\n" * 30, "吗" * 5000, ("房贷逾期一个月会上门吗?" * 400),
]


def lint(check_id: str, text: str, **opts) -> list:
    options = {check_id: opts} if opts else None
    checks, selection = make_checks(select=[check_id], options=options)
    return lint_document(Document(text), checks, LintOptions(selection=selection))


def apply_fixes(text: str, findings) -> str:
    out = text
    for f in sorted((f for f in findings if f.fix), key=lambda f: f.fix.start, reverse=True):
        out = out[:f.fix.start] + f.fix.replacement + out[f.fix.end:]
    return out


def check_metadata(check_id: str) -> None:
    """Documentation every check ships: summaries, rationale, examples, bilingual messages."""
    cls = load_registry().checks[check_id]
    assert cls.id == check_id
    for attr in ("summary", "summary_en", "rationale", "rationale_en"):
        assert getattr(cls, attr).strip(), attr
    assert cls.default_severity in ("error", "warning", "info")
    assert cls.examples and all(e.bad != e.good for e in cls.examples)
    assert cls.messages
    for key, msg in cls.messages.items():
        assert set(msg) >= {"zh", "en"}, key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in msg["zh"]), key
        assert msg["en"].isascii() or "“" in msg["en"], key
    for name, opt in cls.options.items():
        assert opt.help, name


def assert_survives_odd_inputs(check_id: str) -> None:
    for text in ODD_INPUTS:
        findings = lint(check_id, text)
        assert not [f for f in findings if f.rule == "internal-error"], (text[:20], findings)
        for f in findings:
            assert 0 <= f.start <= f.end <= len(text)
            if f.fix:
                assert 0 <= f.fix.start <= f.fix.end <= len(text)


def assert_linear(check_id: str, unit: str, budget_s: float = 5.0) -> None:
    """Linting 200 KB of ``unit`` repeated (one line, and many lines) stays within the budget
    (about 1 s here; a quadratic pass would take minutes)."""
    for sep in ("", "\n"):
        text = sep.join([unit] * max(1, 200_000 // max(1, len(unit))))
        t0 = time.perf_counter()
        lint(check_id, text)
        assert time.perf_counter() - t0 < budget_s, (check_id, repr(sep))


@lru_cache(maxsize=1)
def gold_summary(shared: str) -> dict:
    """score.py's summary for the chrome checks on the seeds (lenient mode)."""
    shared_dir = Path(shared)
    checks, selection = make_checks(select=list(CHROME))
    rows = []
    for path in sorted((shared_dir / "seeds").glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), path=str(path))
        for f in lint_document(doc, checks, LintOptions(selection=selection)):
            rows.append({"path": path.name, "rule": f.rule, "start": f.start, "end": f.end})
    tmp = Path(tempfile.mkdtemp()) / "pred.jsonl"
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared_dir / "gold" / "score.py"), str(shared_dir / "gold" / "seeds.jsonl"),
                          str(tmp), "--json", "-"], capture_output=True, text=True, check=True).stdout
    start = out.index("{")
    return json.loads(out[start:])
