"""Linear time without timing: complexity properties that do not depend on the machine.

* every regular expression the checks compile passes the static backtracking audit of
  ``bench/regex_audit.py`` (and the audit itself recognises the known hazards);
* the inputs that used to backtrack quadratically (long space or digit runs) are linted,
  at a size where the old patterns needed minutes, with the right result;
* a work counter — Python line events executed in ``checks/`` and ``linter/`` — grows
  about linearly when the document grows four-fold.  Its blind spot: work inside one C call
  (a regex, ``str.count``, a list slice) counts as one line, so the regex audit and the
  ``tokens_in`` probe below cover those.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import regex_audit  # noqa: E402

from linter.document import Document  # noqa: E402
from linter.runner import LintOptions, lint_document, lint_text, make_checks  # noqa: E402


# -- the audit ------------------------------------------------------------------------------
@pytest.mark.parametrize("pattern,kind", [
    (r"(a+)+b", "nested"),
    (r"(?:\s*x?)*y", "nested"),
    (r"^import\s+\w{0,9}\s*;?\s*$", "adjacent"),
    (r"\)\s*\{?\s*$", "adjacent"),
    (r"[ \t]+#{1,6}$", "lead"),
    (r"(?:\d+|x)%", "lead"),
])
def test_audit_recognises_hazards(pattern, kind):
    assert kind in {i.kind for i in regex_audit.audit(pattern)}


@pytest.mark.parametrize("pattern", [
    r"[\u4e00-\u9fff]+",                                   # a run and nothing after it
    r"[^。！？\n]*(?:[。！？]+|\n|$)",                       # always completes
    r"(?<!\d)\d+年",                                        # start pinned by a lookbehind
    r"^\s*(?:;\s*)?$",                                      # unambiguous rewrite
    r"(?:[a-z]{1,7}[1-5]?(?:[ '-]{1,2}[a-z]{1,7}){0,5})",   # bounded nesting
    r"\d{1,30}(?:\.\d{1,20})?\s*%",
])
def test_audit_passes_safe_patterns(pattern):
    assert regex_audit.audit(pattern) == []


def test_every_regex_the_checks_compile_is_safe():
    # a fresh interpreter: the spy must see the modules' import-time re.compile calls
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "regex_audit.py"), "--strict"],
                       capture_output=True, text=True, cwd=ROOT)
    m = re.search(r"(\d+) patterns audited, (\d+) flagged", r.stdout)
    assert m, r.stdout + r.stderr
    assert int(m.group(1)) >= 40  # the spy really saw the checks' patterns
    assert (r.returncode, int(m.group(2))) == (0, 0), r.stdout


# -- inputs that used to backtrack -----------------------------------------------------------
def test_heading_with_long_space_run():
    # re.search(r"[ \t]+#{1,6}$") rescanned the run from every space: ~3 minutes at this size
    text = "## 信用卡逾期怎么办" + " " * 200_000 + "说明 ##\n正文内容。\n"
    found = [f for f in lint_text(text, select=["markup-residue"]) if f.rule == "markup-residue/heading"]
    assert found and found[0].fix is not None
    assert found[0].fix.replacement == "信用卡逾期怎么办" + " " * 200_000 + "说明"


def test_code_line_with_long_space_runs():
    # anchored per line, but \s*;?\s*$ and \)\s*\{?\s*$ were quadratic in a line's spaces
    from checks.markup_residue import _data

    code = _data()[1]
    assert code.match("import a" + " " * 100_000 + "x") is None
    assert code.match("if (a)" + " " * 100_000 + "x") is None
    assert code.match("}" + " " * 100_000 + "x") is None
    assert code.match("import a" + " " * 1000 + ";" + " " * 1000) is not None
    assert code.match("if (a)  {  ") is not None and code.match("} else {") is not None


def test_statistic_pattern_on_long_digit_runs():
    # the unbounded \d+ at the start of a search needed ~60 minutes for this input
    from checks.unsourced_statistic import _data

    stat = _data()["stat_re"]
    assert stat.search("1" * 100_000 + "x") is None
    assert stat.search("12" + " " * 100_000 + "x") is None
    assert stat.search("1" + ",000" * 25_000 + "x") is None
    assert stat.search("约有 12 多 万 名用户").group() == "12 多 万 名用户"
    assert stat.search("调查显示65%的受访者").group() == "65%的受访者"


# -- work counter ------------------------------------------------------------------------------
_OURS = (str(ROOT / "checks"), str(ROOT / "linter"))


def _line_events(fn) -> int:
    """Python line events executed in our code (checks/, linter/) while ``fn()`` runs."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(_OURS) else None

    sys.settrace(glob)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


PROSE = ("信用卡逾期后，银行通常会先通过短信和电话提醒还款，逾期超过九十天才可能被认定为恶意透支。"
         "根据《中华人民共和国民法典》第六百七十六条，借款人未按照约定的期限返还借款的，应当按照约定或者"
         "国家有关规定支付逾期利息。\n"
         "建议持卡人主动联系发卡行说明情况，申请停息挂账或分期还款，并保留好沟通记录。\n")

SHAPES = {
    "prose": PROSE,
    "one-line": PROSE.replace("\n", ""),
    "phrase": "信用卡逾期三个月会被起诉吗？",
}

# checks known to be super-linear (xfail); missing-char left it once its per-candidate text
# scans were batched (bench/profile.md).
SLOW: set[str] = set()


def _work(cid: str, text: str) -> int:
    checks, sel = make_checks([cid])
    doc = Document(text)
    doc.tokens, doc.lines, doc.paragraphs, doc.sentences  # the engine's share, computed before counting
    opts = LintOptions(selection=sel)
    return _line_events(lambda: lint_document(doc, checks, opts))


def _check_ids() -> list[str]:
    checks, _ = make_checks()
    return sorted(c.id for c in checks)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("cid", _check_ids())
def test_work_grows_linearly(cid, shape):
    if cid in SLOW:
        pytest.xfail(f"{cid}: known super-linear, see bench/profile.md")
    unit = SHAPES[shape]
    reps = max(1, 6000 // len(unit))
    lint_text(unit * 2, select=[cid])  # load the check's data outside the count
    small = _work(cid, unit * reps)
    big = _work(cid, unit * reps * 4)
    assert big <= 6 * max(small, 200), f"{cid} on {shape}: {small} -> {big} line events for 4x the text"


def test_tokens_in_does_not_copy_the_tail():
    """Document.tokens_in must not slice ``tokens[i:]`` (a copy of the rest of the document
    per call: quadratic for checks that call it per sentence — punctuation, missing-char)."""
    class Counting(list):
        copied = 0

        def __getitem__(self, key):
            if isinstance(key, slice):
                got = super().__getitem__(key)
                Counting.copied += len(got)
                return got
            return super().__getitem__(key)

    doc = Document(PROSE * 200)
    doc.__dict__["tokens"] = Counting(doc.tokens)
    step = max(1, len(doc.text) // 500)
    for s in range(0, len(doc.text), step):
        doc.tokens_in(s, s + 5)
    assert Counting.copied <= 50 * len(doc.tokens)


def test_work_counter_sees_a_quadratic_loop():
    """The counter is not blind to the thing it is for: a nested loop over the input."""
    from linter import text as _text  # any module under linter/ hosts the probe's frames

    def quadratic(n):
        return sum(1 for i in range(n) for j in range(i) if _text.is_han("中"))

    def linear(n):
        return sum(1 for i in range(n) if _text.is_han("中"))

    q1, q4 = _line_events(lambda: quadratic(100)), _line_events(lambda: quadratic(400))
    l1, l4 = _line_events(lambda: linear(1000)), _line_events(lambda: linear(4000))
    assert q4 > 12 * q1 and l4 < 5 * l1
