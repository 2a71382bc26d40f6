"""``text``: rustc/ruff-style diagnostics for people.

    path:12:5: missing-char 疑似缺字：“问”应为“问题”
       |
    12 | …许多借款人关心的问是,房贷逾期…
       |                 ^^
       = 建议修改：问 → 问题

Long scraped lines are cut to a window around the span; the underline is
measured in terminal columns (CJK characters are two wide).
"""
from __future__ import annotations

from typing import TextIO

import click

from ..check import Finding
from ..document import Document
from ..results import RunResult
from ..text import char_width, display_width
from . import register

WINDOW = 36  # display columns of context kept on each side of the span
SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}
LABELS = {
    "zh": {"fix": "建议修改", "delete": "删除", "insert": "插入", "found": "发现 {n} 个问题（{fixable} 个可自动修复），涉及 {files} 个文件",
           "clean": "未发现问题（检查了 {files} 个文件）", "errors": "{n} 个输入无法检查", "rule": "规则", "count": "数量"},
    "en": {"fix": "suggested fix", "delete": "delete", "insert": "insert", "found": "Found {n} problems ({fixable} fixable) in {files} files",
           "clean": "No problems found ({files} files checked)", "errors": "{n} inputs could not be checked", "rule": "rule", "count": "count"},
}


_VISIBLE = {"\n": "⏎", "\r": "", "\0": "␀"}


def _clean(s: str) -> str:
    """Make a source excerpt safe for a terminal: no control characters (escape sequences included)."""
    return "".join(ch if ch == "\t" or ch >= " " and ch != "\x7f" else _VISIBLE.get(ch, "�") for ch in s)


def _substitutions(old: str, new: str) -> str | None:
    """For same-length edits that change a few marks (half-width → full-width …), the list of
    mark substitutions, e.g. “,”→“，” ×3、“?”→“？”; None when a letter, digit or Han character changes."""
    if len(old) != len(new) or len(old) < 8:
        return None
    pairs: dict[tuple[str, str], int] = {}
    for a, b in zip(old, new):
        if a != b:
            if a.isalnum() or b.isalnum():
                return None  # words or figures changed (《合同法》第211条 → 《民法典》第680条): show the whole edit
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    if not pairs or len(pairs) > 6:
        return None
    return "、".join(f"“{_clean(a)}”→“{_clean(b)}”" + (f" ×{n}" if n > 1 else "") for (a, b), n in pairs.items())


def _excerpt(line_text: str, col0: int, col1: int) -> tuple[str, int, int]:
    """Cut a long line around [col0, col1); return (text, underline start, underline width) in display columns."""
    left = line_text[:col0]
    mid = line_text[col0:col1]
    right = line_text[col1:]
    # keep at most WINDOW columns of context on each side
    lw, cut = 0, len(left)
    while cut > 0 and lw + char_width(left[cut - 1]) <= WINDOW:
        cut -= 1
        lw += char_width(left[cut])
    left_txt = ("…" if cut > 0 else "") + left[cut:]
    rw, end = 0, 0
    while end < len(right) and rw + char_width(right[end]) <= WINDOW:
        rw += char_width(right[end])
        end += 1
    if len(mid) > 2 * WINDOW:  # very long spans: show head … tail
        mid = mid[:WINDOW] + "…" + mid[-WINDOW // 2:]
    right_txt = right[:end] + ("…" if end < len(right) else "")
    text = _clean(left_txt + mid + right_txt)
    return text, display_width(_clean(left_txt)), max(1, display_width(_clean(mid)))


def _fix_text(f: Finding, doc: Document | None, lab: dict) -> str | None:
    if f.fix is None:
        return None
    old = doc.text[f.fix.start:f.fix.end] if doc else ""
    new = f.fix.replacement
    if not new:
        shown = old if len(old) <= 40 else old[:20] + "…" + old[-10:]
        return f"{lab['delete']} “{_clean(shown)}”"
    if not old:
        return f"{lab['insert']} “{_clean(new)}”"
    subs = _substitutions(old, new)
    if subs:
        return subs
    if len(old) > 40 or len(new) > 40:
        return f"“{_clean(old[:30])}…” → “{_clean(new[:30])}…”"
    return f"“{_clean(old)}” → “{_clean(new)}”"


def format_finding(f: Finding, doc: Document | None, lang: str, color: bool) -> str:
    lab = LABELS[lang]
    sev_style = SEVERITY_COLOR.get(f.severity or "warning", "yellow")

    def st(s: str, **kw) -> str:
        return click.style(s, **kw) if color else s

    head = f"{st(f.path, bold=True)}:{f.line}:{f.column}: {st(f.rule, fg=sev_style, bold=True)} {f.message.get(lang)}"
    if f.confidence is not None:
        head += st(f" [{f.confidence:.2f}]", dim=True)
    out = [head]
    if doc is not None and doc.text and f.rule != "input-error":
        li = f.line - 1
        line = doc.lines[li]
        col0 = f.column - 1
        col1 = (f.end_column - 1) if f.end_line == f.line else len(line.text)
        col1 = max(col0, min(col1, len(line.text)))
        text, under_at, under_w = _excerpt(line.text, col0, col1)
        if f.start == f.end:
            under_w = 1
        gutter = " " * len(str(f.line))
        bar = st("|", fg="blue")
        out.append(f"{gutter} {bar}")
        out.append(f"{st(str(f.line), fg='blue')} {bar} {text}")
        out.append(f"{gutter} {bar} {' ' * under_at}{st('^' * under_w, fg=sev_style, bold=True)}")
        fix = _fix_text(f, doc, lab)
        if fix:
            out.append(f"{gutter} {st('=', fg='blue')} {lab['fix']}：{fix}" if lang == "zh"
                       else f"{gutter} {st('=', fg='blue')} {lab['fix']}: {fix}")
    return "\n".join(out)


@register("text")
def render_text(result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False, **_: object) -> None:
    lab = LABELS[result.lang]
    if statistics:
        counts = result.by_rule()
        width = max((len(r) for r in counts), default=4)
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{n:>6}  {rule:<{width}}\n")
        out.write(f"{sum(counts.values()):>6}  total\n")
        return
    for fr in result.files:
        for f in fr.findings:
            out.write(format_finding(f, fr.doc, result.lang, color) + "\n\n")
    s = result.summary()
    if s["findings"]:
        out.write(lab["found"].format(n=s["findings"], fixable=s["fixable"], files=s["files_with_findings"]) + "\n")
    else:
        out.write(lab["clean"].format(files=s["files"]) + "\n")
