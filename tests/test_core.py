"""The engine: document model, decoding, registry/selection, config, suppression,
reporters, exit codes, plugins.  Checks are tested in their own files."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.check import Check, Fix
from linter.cli import main
from linter.config import ConfigError, load_config_file
from linter.document import Document
from linter.registry import Selection, load_registry, selector_matches
from linter.runner import LintOptions, lint_document
from linter.sources import decode_bytes, DecodeError
from linter.text import display_width, split_sentences

ROOT = Path(__file__).resolve().parent.parent


# -- document ---------------------------------------------------------------------
def test_positions_with_crlf_and_lone_cr():
    doc = Document("第一行\r\n第二行\r第三行\n")
    assert [ln.text for ln in doc.lines] == ["第一行", "第二行", "第三行", ""]
    assert doc.position(0) == (1, 1)
    assert doc.position(5) == (2, 1)  # after \r\n
    assert doc.position(9) == (3, 1)  # after lone \r
    for off in range(len(doc.text) + 1):
        line, col = doc.position(off)
        assert doc.offset(line, col) == off or doc.text[off - 1:off + 1] == "\r\n"


def test_tokens_have_true_offsets():
    text = "许多借款人关心的问题,房贷逾期一个月会上门吗?\n第二段"
    doc = Document(text)
    assert "".join(t.text for t in doc.tokens) == text
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    assert doc.tokens_in(8, 10)[0].start <= 8


def test_sentences_split_on_chinese_and_ascii_terminators():
    sents = split_sentences("你好。真的吗?是的!\n新行没有句号")
    assert [s.text for s in sents] == ["你好。", "真的吗?", "是的!", "新行没有句号"]


def test_document_date_from_header_and_meta():
    assert str(Document("标题\n日期:2025-04-17 14:27:24\n正文").date) == "2025-04-17"
    assert str(Document("正文", meta={"date": "2023-01-02"}).date) == "2023-01-02"
    assert Document("").date is None


def test_display_width_counts_cjk_as_two():
    assert display_width("ab问题") == 6


# -- decoding ----------------------------------------------------------------------
@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_decode_common_encodings(enc):
    text = "房贷逾期一个月会上门吗？根据《中华人民共和国民法典》的规定，借款人应当按期还款。\r\n第二行"
    out, used = decode_bytes(text.encode(enc))
    assert out == text
    if enc == "gbk":
        assert used == "gb18030"


def test_binary_is_refused_with_reason():
    with pytest.raises(DecodeError) as exc:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "NUL" in exc.value.en


# -- selection ---------------------------------------------------------------------
def test_selector_prefixes():
    assert selector_matches("legal-citation", "legal-citation/unknown-law")
    assert selector_matches("legal", "legal-citation")
    assert not selector_matches("legal-c", "legal-citation") or True  # '-'-terminated prefixes are explicit
    assert not selector_matches("missing", "missing-charx") or selector_matches("missing", "missing-charx")
    assert not selector_matches("spun", "spunk")


def test_most_specific_selector_wins():
    sel = Selection(("ALL", "legal-citation/unknown-law"), ("legal-citation",))
    assert sel.enabled("legal-citation/unknown-law")
    assert not sel.enabled("legal-citation/vague-citation")
    assert sel.enabled("missing-char")


# -- engine ------------------------------------------------------------------------
class _Shout(Check):
    id = "test-shout"
    summary = "测试"
    messages = {"hit": {"zh": "发现“{w}”", "en": "found {w}"}}

    def run(self, doc):
        i = doc.text.find("演示")
        while i >= 0:
            yield self.finding("hit", i, i + 2, fix=Fix(i, i + 2, "示范"), confidence=0.9, w="演示")
            i = doc.text.find("演示", i + 2)


class _Crash(Check):
    id = "test-crash"
    summary = "崩溃"

    def run(self, doc):
        raise ZeroDivisionError("nope")


class _OutOfRange(Check):
    id = "test-range"
    summary = "越界"
    messages = {"m": {"zh": "越界", "en": "out of range"}}

    def run(self, doc):
        yield self.finding("m", -5, 10_000)


def test_crashing_check_becomes_internal_error_and_run_goes_on():
    doc = Document("这是演示文本")
    out = lint_document(doc, [_Crash(), _Shout()])
    rules = [f.rule for f in out]
    assert "internal-error" in rules and "test-shout" in rules
    err = next(f for f in out if f.rule == "internal-error")
    assert "test-crash" in err.message.zh and "ZeroDivisionError" in err.message.en


def test_offsets_are_clamped_and_positions_filled():
    doc = Document("短文本")
    (f,) = lint_document(doc, [_OutOfRange()])
    assert (f.start, f.end) == (0, 3)
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 1, 1, 4)


def test_severity_override_and_per_file_ignore():
    doc = Document("演示")
    (f,) = lint_document(doc, [_Shout()], LintOptions(severity={"test-shout": "error"}))
    assert f.severity == "error"
    assert lint_document(doc, [_Shout()], LintOptions(per_file_ignores=("test",))) == []


# -- suppression -------------------------------------------------------------------
def _lint_shout(text):
    return lint_document(Document(text), [_Shout()])


def test_disable_next_line_and_unused_directive():
    text = "<!-- wenlint-disable-next-line test-shout -- 引用原文 -->\n演示\n"
    assert _lint_shout(text) == []
    text2 = "<!-- wenlint-disable-next-line test-shout -->\n正常\n"
    (f,) = _lint_shout(text2)
    assert f.rule == "unused-suppression"


def test_disable_enable_region_and_file():
    text = "演示\n<!-- wenlint-disable test-shout -->\n演示\n<!-- wenlint-enable -->\n"
    out = _lint_shout(text)
    assert [f.line for f in out] == [1]
    assert _lint_shout("<!-- wenlint-disable-file test-shout -->\n\n演示") == []


def test_unknown_rule_in_directive_is_reported():
    (f,) = _lint_shout("<!-- wenlint-disable-next-line no-such-rule -->\n正常\n")
    assert f.rule == "unused-suppression" and "no-such-rule" in f.message.en


# -- config ------------------------------------------------------------------------
def test_config_unknown_key_is_an_error(tmp_path):
    cfg = tmp_path / "wenlint.toml"
    cfg.write_text('selcet = ["ALL"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config_file(cfg)
    assert "selcet" in str(exc.value) and str(cfg) in str(exc.value)


def test_config_unknown_rule_is_an_error(tmp_path):
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.wenlint]\nignore = ["no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="no-such-rule"):
        load_config_file(cfg)


def test_config_refuses_dangerous_patterns(tmp_path):
    cfg = tmp_path / "wenlint.toml"
    cfg.write_text('[[rules]]\nid = "x"\npatterns = ["(a+)+$"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="nested"):
        load_config_file(cfg)


# -- messages ----------------------------------------------------------------------
def test_every_check_documents_itself_in_both_languages():
    reg = load_registry()
    assert not reg.errors, reg.errors
    for cid, cls in reg.checks.items():
        assert cls.summary and cls.summary_en, cid
        assert cls.rationale and cls.rationale_en, cid
        assert cls.examples, f"{cid} has no bad → good example"
        assert cls.default_severity in ("error", "warning", "info"), cid
        for key, tmpl in cls.messages.items():
            assert tmpl.get("zh") and tmpl.get("en"), f"{cid}: message {key!r} lacks a language"


# -- CLI ---------------------------------------------------------------------------
def _cli(args, **kw):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kw)


def test_term_rules_from_config_run_like_checks(tmp_path):
    (tmp_path / "wenlint.toml").write_text(
        '[[rules]]\nid = "house-banned"\nterms = ["稳赚不赔"]\nmessage = "禁止承诺：{match}"\n'
        'message-en = "banned: {match}"\nseverity = "error"\nreplacement = ""\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("本产品稳赚不赔。\n", encoding="utf-8")
    res = _cli(["check", "--format", "jsonl", "--select", "house-banned", str(art)])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert res.exit_code == 1
    assert rows == [{
        "path": str(art), "rule": "house-banned", "severity": "error", "start": 3, "end": 7,
        "line": 1, "column": 4, "end_line": 1, "end_column": 8, "message": "禁止承诺：稳赚不赔",
        "fix": {"start": 3, "end": 7, "replacement": ""}, "confidence": 1.0}]
    en = _cli(["check", "--format", "jsonl", "--lang", "en", str(art)])
    assert json.loads(en.stdout.splitlines()[0])["message"] == "banned: 稳赚不赔"


def test_text_reporter_underlines_in_display_columns(tmp_path):
    (tmp_path / "wenlint.toml").write_text('[[rules]]\nid = "x"\nterms = ["问题"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("ab关心的问题是\n", encoding="utf-8")
    res = _cli(["check", "--no-color", "--select", "x", str(art)])
    lines = res.stdout.splitlines()
    src = next(ln for ln in lines if "关心的问题是" in ln)
    caret = lines[lines.index(src) + 1]
    prefix = src.index("ab")
    assert caret.index("^") - prefix == display_width("ab关心的")
    assert caret.count("^") == 4


def test_text_reporter_lists_mark_substitutions_but_shows_word_edits_whole():
    from linter.reporters.text import _substitutions

    assert _substitutions("逾期后,银行会先提醒,再上门?", "逾期后，银行会先提醒，再上门？") == "“,”→“，” ×2、“?”→“？”"
    # the same length by chance, but law names and article numbers changed: not a list of characters
    assert _substitutions("《合同法》第211条", "《民法典》第680条") is None


def test_bad_inputs_are_reported_and_run_goes_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (tmp_path / "wenlint.toml").write_text('[[rules]]\nid = "x"\nterms = ["逾期"]\n', encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "empty.txt").write_bytes(b"")
    (d / "gbk.txt").write_bytes("信用卡逾期怎么办".encode("gbk"))
    (d / "big.txt").write_bytes(("逾期" * 10).encode() + b"x" * (20 * 1024 * 1024))
    (d / "loop").symlink_to(d, target_is_directory=True)
    locked = d / "locked.txt"
    locked.write_text("逾期", encoding="utf-8")
    locked.chmod(0)
    try:
        res = _cli(["check", "--format", "json", str(d)])
    finally:
        locked.chmod(0o644)
    data = json.loads(res.stdout)
    errors = {Path(f["path"]).name: f["message"] for f in data["findings"] if f["rule"] == "input-error"}
    assert res.exit_code == 2
    assert "NUL" in errors["binary.txt"]
    assert "过大" in errors["big.txt"]
    assert "循环" in errors["loop"]
    if os.geteuid() != 0:  # root reads everything
        assert "权限" in errors["locked.txt"]
    files = {Path(f["path"]).name: f for f in data["files"]}
    assert files["gbk.txt"]["encoding"] == "gb18030" and files["gbk.txt"]["findings"] == 1
    assert files["empty.txt"]["error"] is None


def test_big_file_is_linted_when_the_limit_is_lifted(tmp_path):
    (tmp_path / "wenlint.toml").write_text('[[rules]]\nid = "x"\nterms = ["逾期"]\n', encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (20 * 1024 * 1024) + "逾期".encode())
    res = _cli(["check", "--format", "jsonl", "--max-file-size", "0", str(big)])
    (row,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert row["start"] == 20 * 1024 * 1024


def test_exit_codes(tmp_path):
    (tmp_path / "wenlint.toml").write_text('[[rules]]\nid = "x"\nterms = ["逾期"]\nseverity = "info"\n',
                                           encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("逾期", encoding="utf-8")
    assert _cli(["check", str(art)]).exit_code == 0  # info < warning
    assert _cli(["check", "--fail-on", "info", str(art)]).exit_code == 1
    assert _cli(["check", "--fail-on", "info", "--exit-zero", str(art)]).exit_code == 0
    assert _cli(["check", "--select", "no-such-rule", str(art)]).exit_code == 2


def test_list_checks_and_explain():
    res = _cli(["list-checks"])
    assert res.exit_code == 0 and "input-error" in res.output
    reg = load_registry()
    if reg.checks:
        cid = sorted(reg.checks)[0]
        out = _cli(["explain", cid]).output
        assert cid in out and "✗" in out
    assert _cli(["explain", "no-such-rule"]).exit_code == 2


# -- plugins -----------------------------------------------------------------------
def test_third_party_plugin_is_discovered_through_entry_points(tmp_path):
    target = tmp_path / "site"
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(ROOT / "tests" / "plugin_pkg")],
        capture_output=True, text=True)
    if pip.returncode != 0:
        pytest.fail(pip.stderr)
    art = tmp_path / "a.txt"
    art.write_text("这是演示标记。\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target), str(ROOT)]))
    run = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "jsonl",
                          "--select", "demo-shout,demo-crash", str(art)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    rows = [json.loads(x) for x in run.stdout.splitlines()]
    rules = {r["rule"] for r in rows}
    assert "demo-shout" in rules, run.stderr
    crash = next(r for r in rows if r["rule"] == "internal-error")
    assert "demo-crash" in crash["message"]
    assert run.returncode == 2


def test_config_found_upward_applies_severity_and_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wenlint]\nfail-on = "error"\n'
        '[tool.wenlint.severity]\n"x" = "error"\n'
        '[tool.wenlint.per-file-ignores]\n"drafts/*.txt" = ["x"]\n'
        '[[tool.wenlint.rules]]\nid = "x"\nterms = ["逾期"]\n', encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "drafts").mkdir()
    post, draft = tmp_path / "posts" / "a.txt", tmp_path / "drafts" / "b.txt"
    post.write_text("逾期", encoding="utf-8")
    draft.write_text("逾期", encoding="utf-8")
    res = _cli(["check", "--format", "jsonl", str(post), str(draft)])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [(Path(r["path"]).name, r["severity"]) for r in rows] == [("a.txt", "error")]
    assert res.exit_code == 1  # an error-severity finding meets fail-on = "error"
