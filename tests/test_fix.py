"""--fix / --diff: the pure fix application, the fix loop, the atomic writer and
the command line, plus the round trip over every fixture."""
from __future__ import annotations

import codecs
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.check import Finding, Fix, Message
from linter.cli import main
from linter.fix import (FixError, apply_fixes, eligible, encode_like, fix_until_stable, is_safe, unified_diff,
                        write_atomic)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# A term rule declared in config gives the CLI tests a deterministic, jieba-free check with a fix.
CONFIG = """\
select = ["half-comma", "half-colon"]
[[rules]]
id = "half-comma"
message = "中文语境中的半角逗号“{match}”应改为全角“，”"
message-en = "half-width comma “{match}” in Chinese text: use “，”"
severity = "warning"
patterns = ['(?<=[\\u4e00-\\u9fff]),(?=[\\u4e00-\\u9fff])']
replacement = "，"

[[rules]]
id = "half-colon"
message = "半角冒号“{match}”应改为全角“：”"
message-en = "half-width colon “{match}”: use “：”"
severity = "warning"
patterns = ['(?<=[\\u4e00-\\u9fff]):']
replacement = "："
"""

ARTICLE = "信用卡逾期怎么办\n\n持卡人应主动联系银行,说明情况,申请分期还款。\n注意:不要轻信代理退息。\n"
FIXED = "信用卡逾期怎么办\n\n持卡人应主动联系银行，说明情况，申请分期还款。\n注意：不要轻信代理退息。\n"


def _f(start, end, repl, conf=None, rule="demo"):
    return Finding(rule=rule, start=start, end=end, message=Message("x", "x"), fix=Fix(start, end, repl),
                   confidence=conf)


# -- apply_fixes -----------------------------------------------------------------
def test_apply_non_overlapping_in_any_order():
    res = apply_fixes("abcdef", [Fix(4, 5, "E"), Fix(0, 1, "A"), Fix(2, 2, "+")])
    assert res.text == "Ab+cdEf"
    assert len(res.applied) == 3 and not res.skipped


def test_apply_skips_overlaps_and_keeps_the_first():
    res = apply_fixes("abcdef", [Fix(1, 4, "X"), Fix(2, 3, "Y"), Fix(3, 5, "Z")])
    assert res.text == "aXef"
    assert {(f.start, f.end) for f in res.skipped} == {(2, 3), (3, 5)}


def test_apply_adjacent_and_insertions():
    # an insertion at the end of a replacement is not an overlap; two insertions at one point are
    res = apply_fixes("abc", [Fix(0, 1, "A"), Fix(1, 1, "+"), Fix(1, 1, "-"), Fix(1, 2, "B")])
    assert res.text == "A+Bc"
    assert res.skipped == [Fix(1, 1, "-")]


def test_apply_dedupes_identical_fixes_and_ignores_noops():
    res = apply_fixes("a,b", [Fix(1, 2, "，"), Fix(1, 2, "，"), Fix(0, 1, "a")])
    assert res.text == "a，b" and res.applied == [Fix(1, 2, "，")] and not res.skipped


def test_apply_out_of_range_and_empty():
    assert apply_fixes("", []).text == ""
    res = apply_fixes("ab", [Fix(1, 9, "x"), Fix(2, 1, "y")])
    assert res.text == "ab" and len(res.skipped) == 2 and not res.changed


def test_apply_writes_line_breaks_in_the_files_style():
    text = "第一行\r\n第二行\r\n"
    res = apply_fixes(text, [Fix(6, 8, "二\n插入")], newline="\r\n")
    assert res.text == "第一行\r\n第二\r\n插入\r\n"
    assert "\n" not in res.text.replace("\r\n", "")


def test_is_safe_and_eligible_threshold():
    hi, lo, none = _f(0, 1, "x", 0.9), _f(1, 2, "y", 0.5), _f(2, 3, "z", None)
    nofix = Finding(rule="d", start=0, end=1, message=Message("x", "x"), confidence=0.99)
    assert is_safe(hi) and not is_safe(lo) and is_safe(none) and not is_safe(nofix)
    assert eligible([hi, lo, none, nofix]) == [hi.fix, none.fix]
    assert eligible([hi, lo, none, nofix], unsafe=True) == [hi.fix, lo.fix, none.fix]
    assert eligible([hi], threshold=0.95) == []


# -- the fix loop ----------------------------------------------------------------
def _comma_lint(text):
    """Flags every ',' (fix '，') and every '，，' (fix '，'): the second overlaps the first's output."""
    out = [_f(i, i + 1, "，", 0.9) for i, ch in enumerate(text) if ch == ","]
    out += [_f(i, i + 2, "，", 0.9, "double") for i in range(len(text) - 1) if text[i:i + 2] == "，，"]
    return out


def test_fix_loop_converges_and_is_idempotent():
    text = "银行,,说明情况,申请分期"
    out = fix_until_stable(text, _comma_lint)
    assert out.text == "银行，说明情况，申请分期"
    assert out.passes >= 2 and not eligible(out.findings)
    again = fix_until_stable(out.text, _comma_lint)
    assert again.text == out.text and again.applied == 0


def test_fix_loop_respects_threshold_and_stops_on_cycles():
    low = lambda t: [_f(0, 1, "X", 0.5)] if t.startswith("a") else []  # noqa: E731
    assert fix_until_stable("abc", low).text == "abc"
    assert fix_until_stable("abc", low, unsafe=True).text == "Xbc"
    flip = lambda t: [_f(0, 1, "b" if t[0] == "a" else "a")]  # noqa: E731 - two checks undoing each other
    out = fix_until_stable("a", flip)
    assert out.text in ("a", "b") and out.passes <= 2


# -- writing -------------------------------------------------------------------
@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8-sig", codecs.BOM_UTF8), ("gb18030", b""),
    ("utf-16", codecs.BOM_UTF16_LE), ("utf-16", codecs.BOM_UTF16_BE),
])
def test_write_atomic_keeps_encoding_and_bom(tmp_path, encoding, bom):
    from linter.sources import decode_bytes

    p = tmp_path / "a.txt"
    old = "注意:不要轻信\r\n代理退息。\r\n"
    if bom == codecs.BOM_UTF16_BE:
        raw = bom + old.encode("utf-16-be")
    elif bom == codecs.BOM_UTF16_LE:
        raw = bom + old.encode("utf-16-le")
    else:
        raw = bom + old.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    p.write_bytes(raw)
    text, enc = decode_bytes(raw)
    assert text == old
    write_atomic(str(p), text.replace(":", "："), enc, expect=text)
    data = p.read_bytes()
    assert data.startswith(bom) or not bom
    if bom:
        assert data[:len(bom)] == bom
    new, enc2 = decode_bytes(data)
    assert new == "注意：不要轻信\r\n代理退息。\r\n" and enc2 == enc
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_write_atomic_keeps_permissions_and_symlinks(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("旧", encoding="utf-8")
    os.chmod(target, 0o751)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(str(link), "新", "utf-8", expect="旧")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "新"
    assert stat.S_IMODE(target.stat().st_mode) == 0o751


def test_write_atomic_refuses_a_file_changed_meanwhile(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("别人刚改过", encoding="utf-8")
    with pytest.raises(FixError):
        write_atomic(str(p), "修复后", "utf-8", expect="原文")
    assert p.read_text(encoding="utf-8") == "别人刚改过"


def test_unencodable_fix_is_refused_and_file_untouched(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("abc".encode("latin-1"))
    with pytest.raises(FixError):
        write_atomic(str(p), "ab，", "latin-1", expect="abc")
    assert p.read_bytes() == b"abc"
    with pytest.raises(FixError):
        encode_like("x", "no-such-codec")


def test_unified_diff():
    d = unified_diff("a.txt", "甲\n乙,丙\n丁", "甲\n乙，丙\n丁")
    lines = d.splitlines()
    assert lines[0] == "--- a/a.txt" and lines[1] == "+++ b/a.txt"
    assert "-乙,丙" in lines and "+乙，丙" in lines
    assert lines.count("\\ No newline at end of file") == 0 or d.endswith("file\n")
    assert unified_diff("a.txt", "同", "同") == ""
    d2 = unified_diff("b.txt", "甲,", "甲，")
    assert d2.count("\\ No newline at end of file") == 2


# -- the command line ----------------------------------------------------------------
@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wenlint.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args, input=None):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], input=input, catch_exceptions=False)


def test_cli_fix_writes_and_is_idempotent(project):
    p = project / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    os.chmod(p, 0o640)
    r = _run("--fix", "a.txt")
    assert r.exit_code == 0, r.output
    assert p.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    before = p.stat().st_mtime_ns
    r = _run("--fix", "a.txt")
    assert r.exit_code == 0 and p.read_text(encoding="utf-8") == FIXED and p.stat().st_mtime_ns == before


def test_cli_fix_crlf_and_bom(project):
    p = project / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert _run("--fix", "a.txt").exit_code == 0
    assert p.read_bytes() == codecs.BOM_UTF8 + FIXED.replace("\n", "\r\n").encode("utf-8")
    q = project / "b.txt"
    q.write_bytes(ARTICLE.encode("gb18030"))
    assert _run("--fix", "b.txt").exit_code == 0
    assert q.read_bytes() == FIXED.encode("gb18030")


def test_cli_diff_writes_nothing(project):
    p = project / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    r = _run("--diff", "a.txt")
    assert r.exit_code == 1
    assert p.read_text(encoding="utf-8") == ARTICLE
    assert "--- a/a.txt" in r.stdout and "+持卡人应主动联系银行，说明情况，申请分期还款。" in r.stdout
    assert "-注意:不要轻信代理退息。" in r.stdout
    p.write_text(FIXED, encoding="utf-8")
    r = _run("--diff", "a.txt")
    assert r.exit_code == 0 and r.stdout == ""


def test_unsafe_fixes_only_when_asked(tmp_path):
    """A fix below the config's fix-threshold needs --unsafe-fixes (engine level: linter.fix.lint_file)."""
    from linter.check import Check
    from linter.config import Config
    from linter.document import Document
    from linter.fix import lint_file
    from linter.runner import CheckRequest, LintOptions

    class Guess(Check):
        id = "guess"
        messages = {"m": {"zh": "疑似错字", "en": "likely typo"}}

        def run(self, doc):
            i = doc.text.find("银银行")
            if i >= 0:
                yield self.finding("m", i, i + 3, fix=Fix(i, i + 3, "银行"), confidence=0.6)

    text = "联系银银行协商"
    for unsafe, threshold, expect in ((False, 0.8, text), (True, 0.8, "联系银行协商"), (False, 0.5, "联系银行协商")):
        req = CheckRequest(paths=["a.txt"], fix="diff", unsafe_fixes=unsafe)
        cfg = Config(fix_threshold=threshold)
        fr = lint_file(Document(text, path="a.txt"), [Guess()], LintOptions(), cfg, req)
        assert fr.doc.text == expect
        assert (fr.doc.meta.get("original_text") == text) == (expect != text)
        assert fr.findings == [] or expect == text


def test_cli_fix_reports_whats_left(project):
    cfg = CONFIG + '\n[[rules]]\nid = "no-fix"\nmessage = "不要写“{match}”"\nmessage-en = "avoid “{match}”"\n' \
                   'severity = "warning"\nterms = ["代理退息"]\n'
    (project / "wenlint.toml").write_text(cfg.replace('select = ["half-comma", "half-colon"]',
                                                      'select = ["half-comma", "half-colon", "no-fix"]'),
                                          encoding="utf-8")
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = _run("--fix", "--format", "jsonl", "a.txt")
    assert r.exit_code == 1
    import json
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert [row["rule"] for row in rows] == ["no-fix"]
    # offsets refer to the fixed text
    fixed = (project / "a.txt").read_text(encoding="utf-8")
    assert fixed[rows[0]["start"]:rows[0]["end"]] == "代理退息"


def test_cli_fix_stdin_prints_fixed_text(project):
    r = _run("--fix", "--stdin-filename", "a.txt", "-", input=ARTICLE.encode("utf-8"))
    assert r.stdout == FIXED


# -- round trip over every fixture -----------------------------------------------------
def _fixture_files():
    return sorted(p for p in FIXTURES.glob("*/*.txt"))


@pytest.mark.skipif(not _fixture_files(), reason="no fixtures yet")
def test_fix_round_trip_on_all_fixtures(tmp_path, monkeypatch):
    """fix → lint: no safe fix left; fix again: byte-identical.  All installed checks."""
    from linter.config import Config
    from linter.runner import CheckRequest, check_paths

    work = tmp_path / "work"
    files = []
    for i, src in enumerate(_fixture_files()):
        dst = work / src.parent.name / src.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        files.append(dst)
    # two encodings/newline styles the writer must keep
    crlf = work / "crlf.txt"
    crlf.write_bytes(files[0].read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    bom = work / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + files[-1].read_bytes())
    files += [crlf, bom]
    monkeypatch.chdir(tmp_path)
    args = ["check", "--no-cache", "--fix", "--exit-zero", "--format", "jsonl", *map(str, files)]
    r1 = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r1.exit_code == 0, r1.output
    after1 = {p: p.read_bytes() for p in files}
    threshold = Config().fix_threshold
    res = check_paths(CheckRequest(paths=[str(p) for p in files]))
    left = [(fr.path, f.rule, f.start, f.fix) for fr in res.files for f in fr.findings if is_safe(f, threshold)]
    assert left == [], left
    assert not [f for f in res.findings if f.rule == "internal-error"]
    r2 = CliRunner().invoke(main, args, catch_exceptions=False)
    assert r2.exit_code == 0
    assert {p: p.read_bytes() for p in files} == after1
    assert b"\r\n" in after1[crlf] and b"\n" not in after1[crlf].replace(b"\r\n", b"")
    assert after1[bom].startswith(codecs.BOM_UTF8)


# -- property: any fix set, any text ------------------------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_texts = st.text(alphabet=st.sampled_from(list("银行,，\r\n 。a\u200b\x00😀")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_texts, st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45), st.text(max_size=3)), max_size=8))
def test_apply_fixes_property(text, raw):
    fixes = [Fix(a, b, r) for a, b, r in raw]
    res = apply_fixes(text, fixes)
    # the applied fixes are in range and pairwise disjoint, and re-applying them by hand gives the same text
    spans = sorted((f.start, f.end) for f in res.applied)
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    assert all(e0 <= s1 for (_, e0), (s1, _) in zip(spans, spans[1:]))
    out = text
    for f in sorted(res.applied, key=lambda f: (f.start, f.end), reverse=True):
        out = out[:f.start] + f.replacement + out[f.end:]
    assert out == res.text
    assert set(res.applied) | set(res.skipped) <= set(fixes)


# -- no lost data (issue 8) ------------------------------------------------------------
def test_failure_between_temp_write_and_rename_keeps_the_original(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(str(p), FIXED, "utf-8", expect=ARTICLE)
    assert p.read_text(encoding="utf-8") == ARTICLE  # the original survives, byte for byte
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]  # and no temporary file is left behind


def test_read_only_file_is_refused_and_untouched(project):
    p = project / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    os.chmod(p, 0o444)
    before = p.read_bytes()
    r = _run("--fix", "a.txt")
    assert r.exit_code == 2, r.output
    assert "read-only" in r.output or "只读" in r.output
    assert p.read_bytes() == before and stat.S_IMODE(p.stat().st_mode) == 0o444


def test_fix_writes_nothing_outside_the_given_paths(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "sub").mkdir()
    (project / "sub" / "c.txt").write_text(ARTICLE, encoding="utf-8")

    def snapshot():
        return {str(q.relative_to(project)): q.read_bytes() for q in project.rglob("*") if q.is_file()}

    before = snapshot()
    r = _run("--fix", "a.txt")
    assert r.exit_code == 0, r.output
    after = snapshot()
    assert set(after) == set(before)
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"a.txt"}
