"""The CI formats: each output is parsed with a real parser (the OASIS SARIF
schema via jsonschema, json, xml.etree) and its content checked."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner

from linter.check import Check, Example, Finding, Fix, Message
from linter.document import Document
from linter.reporters import REPORTERS
from linter.reporters.github import escape_data, escape_property
from linter.results import FileResult, RunResult, input_error_finding
from linter.sources import InputError

DATA = Path(__file__).resolve().parent / "data"
SARIF_SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


class Demo(Check):
    id = "demo"
    summary = "演示规则"
    summary_en = "Demo rule"
    rationale = "半角标点在中文排版中显得粗糙。"
    rationale_en = "Half-width punctuation looks careless in Chinese text."
    examples = (Example(bad="你好,世界", good="你好，世界"),)
    default_severity = "warning"
    sub_rules = ("colon",)
    messages = {"m": {"zh": "消息", "en": "message"}}

    def run(self, doc):  # pragma: no cover - never run: findings are built by hand
        return []


# line 1: title; line 2 (CRLF file): emoji before the comma so UTF-8 byte columns differ from code points
TEXT = "标题:测试\r\n收益😀,稳健 100%\r\n第三行"
PATH = "dir with space/文章.txt"


def _finding(doc, rule, start, end, sev, zh, en, fix=None, conf=None):
    f = Finding(rule=rule, start=start, end=end, message=Message(zh, en), severity=sev, fix=fix, confidence=conf,
                path=doc.path)
    f.line, f.column = doc.position(start)
    f.end_line, f.end_column = doc.position(end)
    return f


@pytest.fixture
def result() -> RunResult:
    doc = Document(TEXT, path=PATH, encoding="utf-8")
    comma = TEXT.index(",")
    colon = TEXT.index(":")
    findings = [
        _finding(doc, "demo/colon", colon, colon + 1, "error", "半角冒号:应改为全角", "half-width colon: use full width",
                 Fix(colon, colon + 1, "："), 0.95),
        _finding(doc, "demo", comma, comma + 1, "warning", "半角逗号,100% 应改\n为全角", "comma, 100%\r\nfix",
                 Fix(comma, comma + 1, "，"), 0.9),
        _finding(doc, "demo", comma + 1, comma + 1, "info", "提示\x01插入点", "hint\x01insertion", None, None),
    ]
    clean = Document("干净的文章。\n", path="clean.txt")
    err = InputError("missing.txt", "文件不存在", "no such file")
    res = RunResult(files=[FileResult(PATH, findings, doc=doc), FileResult("clean.txt", [], doc=clean),
                           FileResult("missing.txt", [input_error_finding(err)], error=err)],
                    checks=[Demo()], lang="zh")
    return res


def _render(name, result):
    buf = io.StringIO()
    REPORTERS[name](result, buf)
    return buf.getvalue()


# -- SARIF ------------------------------------------------------------------------
def test_sarif_validates_against_oasis_schema(result):
    log = json.loads(_render("sarif", result))
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [(list(e.path), e.message) for e in errors[:5]]
    assert log["version"] == "2.1.0"


def test_sarif_content(result):
    log = json.loads(_render("sarif", result))
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"demo", "demo/colon", "input-error"} <= set(ids)
    demo = rules[ids.index("demo")]
    assert demo["shortDescription"]["text"] == "演示规则"
    assert "半角标点" in demo["fullDescription"]["text"]
    assert "你好,世界" in demo["help"]["text"] and "你好，世界" in demo["help"]["text"]
    assert "你好" in demo["help"]["markdown"]
    assert demo["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    assert len(results) == 4
    by_level = [r["level"] for r in results]
    assert by_level == ["error", "warning", "note", "error"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    # regions: lines/columns and char offsets agree with the document
    colon = results[0]["locations"][0]["physicalLocation"]
    assert unquote(colon["artifactLocation"]["uri"]) == PATH and colon["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert " " not in colon["artifactLocation"]["uri"]
    reg = colon["region"]
    assert (reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]) == (1, 3, 1, 4)
    assert (reg["charOffset"], reg["charLength"]) == (TEXT.index(":"), 1)
    comma = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (comma["startLine"], comma["startColumn"]) == (2, 4)  # code points: 收 益 😀 ,
    assert TEXT[comma["charOffset"]:comma["charOffset"] + comma["charLength"]] == ","
    assert comma["snippet"]["text"] == ","
    ins = results[2]["locations"][0]["physicalLocation"]["region"]
    assert ins["charLength"] == 0 and ins["startColumn"] == ins["endColumn"] == 5
    # fixes: applying the SARIF replacements by char offset gives the fixed text
    edits = []
    for r in results:
        for fx in r.get("fixes", []):
            for ch in fx["artifactChanges"]:
                for rep in ch["replacements"]:
                    d = rep["deletedRegion"]
                    edits.append((d["charOffset"], d["charLength"], rep["insertedContent"]["text"]))
    text = TEXT
    for off, length, new in sorted(edits, reverse=True):
        text = text[:off] + new + text[off + length:]
    assert text == "标题：测试\r\n收益😀，稳健 100%\r\n第三行"
    assert results[0]["partialFingerprints"]["wenlint/v1"]
    assert results[0]["properties"]["confidence"] == 0.95
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"].startswith("无法检查该输入")


def test_sarif_english_and_empty_run():
    log = json.loads(_render("sarif", RunResult(checks=[Demo()], lang="en")))
    errors = list(jsonschema.Draft4Validator(SARIF_SCHEMA).iter_errors(log))
    assert not errors
    run = log["runs"][0]
    assert run["results"] == [] and run["invocations"][0]["executionSuccessful"] is True
    assert run["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "Demo rule"


# -- GitHub workflow commands ------------------------------------------------------------
_CMD = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(s: str) -> str:
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_escaping_rules():
    assert escape_data("100%\r\nx:y,z") == "100%25%0D%0Ax:y,z"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_annotations(result):
    lines = _render("github", result).splitlines()
    assert len(lines) == 4
    parsed = []
    for ln in lines:
        m = _CMD.match(ln)
        assert m, ln
        props = dict(kv.split("=", 1) for kv in m.group(2).split(","))
        parsed.append((m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))))
    kinds = [p[0] for p in parsed]
    assert kinds == ["error", "warning", "notice", "error"]
    cmd, props, msg = parsed[0]
    assert props == {"file": PATH, "line": "1", "col": "3", "endLine": "1", "endColumn": "4", "title": "wenlint demo/colon"}
    assert msg.startswith("半角冒号:应改为全角")
    # a message with %, a comma and a line break survives the round trip
    assert parsed[1][2].startswith("半角逗号,100% 应改\n为全角")
    assert "\n" not in "".join(lines)
    assert parsed[3][1]["file"] == "missing.txt"


# -- reviewdog rdjson --------------------------------------------------------------------
# Transcribed from reviewdog's Diagnostic Format (proto/rdf/reviewdog.proto): the fields wenlint emits.
_POS = {"type": "object", "properties": {"line": {"type": "integer", "minimum": 1},
                                         "column": {"type": "integer", "minimum": 1}},
        "required": ["line"], "additionalProperties": False}
_RANGE = {"type": "object", "properties": {"start": _POS, "end": _POS}, "required": ["start"],
          "additionalProperties": False}
RDJSON_SCHEMA = {
    "type": "object",
    "properties": {
        "source": {"type": "object", "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
                   "required": ["name"]},
        "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
        "diagnostics": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "message": {"type": "string"},
                "location": {"type": "object", "properties": {"path": {"type": "string"}, "range": _RANGE},
                             "required": ["path"], "additionalProperties": False},
                "severity": {"enum": ["UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"]},
                "source": {"type": "object", "properties": {"name": {"type": "string"}}},
                "code": {"type": "object", "properties": {"value": {"type": "string"}, "url": {"type": "string"}},
                         "required": ["value"]},
                "suggestions": {"type": "array", "items": {
                    "type": "object", "properties": {"range": _RANGE, "text": {"type": "string"}},
                    "required": ["range", "text"], "additionalProperties": False}},
                "original_output": {"type": "string"},
            },
            "required": ["message", "location"],
            "additionalProperties": False,
        }},
    },
    "required": ["diagnostics"],
}


def test_rdjson(result):
    body = json.loads(_render("rdjson", result))
    jsonschema.Draft7Validator(RDJSON_SCHEMA).validate(body)
    diags = body["diagnostics"]
    assert [d["severity"] for d in diags] == ["ERROR", "WARNING", "INFO", "ERROR"]
    comma = diags[1]
    assert comma["code"]["value"] == "demo" and comma["location"]["path"] == PATH
    # columns are UTF-8 byte columns: 收(3) 益(3) 😀(4) → the comma starts at byte column 11
    assert comma["location"]["range"]["start"] == {"line": 2, "column": 11}
    assert comma["location"]["range"]["end"] == {"line": 2, "column": 12}
    assert comma["suggestions"] == [{"range": {"start": {"line": 2, "column": 11}, "end": {"line": 2, "column": 12}},
                                     "text": "，"}]
    assert diags[0]["suggestions"][0]["text"] == "："
    assert "suggestions" not in diags[2]


# -- JUnit ------------------------------------------------------------------------
def test_junit(result):
    xml = _render("junit", result)
    root = ET.fromstring(xml)
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [PATH, "clean.txt", "missing.txt"]
    assert suite.get("tests") == "3" and suite.get("failures") == "1" and suite.get("errors") == "1"
    fail = cases[0].find("failure")
    assert fail is not None and "3" in fail.get("message")
    body = fail.text.splitlines()
    assert body[0].startswith(f"{PATH}:1:3: demo/colon [error]")
    assert "\x01" not in xml and "提示插入点" in fail.text  # control characters dropped, text kept
    assert cases[1].find("failure") is None and cases[1].find("error") is None
    assert cases[2].find("error").get("type") == "input-error"


# -- Checkstyle ------------------------------------------------------------------------
def test_checkstyle(result):
    root = ET.fromstring(_render("checkstyle", result))
    assert root.tag == "checkstyle"
    files = root.findall("file")
    assert [f.get("name") for f in files] == [PATH, "clean.txt", "missing.txt"]
    errs = files[0].findall("error")
    assert [(e.get("line"), e.get("column"), e.get("severity"), e.get("source")) for e in errs] == [
        ("1", "3", "error", "wenlint.demo/colon"), ("2", "4", "warning", "wenlint.demo"),
        ("2", "5", "info", "wenlint.demo")]
    assert errs[1].get("message") == "半角逗号,100% 应改\n为全角"
    assert files[1].findall("error") == []


# -- GitLab Code Quality --------------------------------------------------------------------
def test_gitlab(result):
    issues = json.loads(_render("gitlab", result))
    assert isinstance(issues, list) and len(issues) == 4
    for i in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(i)
        assert isinstance(i["location"]["lines"]["begin"], int) and i["location"]["path"]
        assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert len({i["fingerprint"] for i in issues}) == 4
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "blocker"]
    assert issues[1]["check_name"] == "demo" and issues[1]["location"] == {"path": PATH, "lines": {"begin": 2, "end": 2}}


def test_gitlab_fingerprint_survives_unrelated_edits(result):
    before = [i["fingerprint"] for i in json.loads(_render("gitlab", result))][:3]
    doc = Document("新增的一段导语。\n" + TEXT, path=PATH)
    shift = len("新增的一段导语。\n")
    moved = []
    for f in result.files[0].findings:
        g = _finding(doc, f.rule, f.start + shift, f.end + shift, f.severity, f.message.zh, f.message.en)
        moved.append(g)
    res2 = RunResult(files=[FileResult(PATH, moved, doc=doc)], checks=[Demo()])
    after = [i["fingerprint"] for i in json.loads(_render("gitlab", res2))]
    assert after == before


# -- end to end through the command line -----------------------------------------------
CONFIG = """\
select = ["half-comma"]
[[rules]]
id = "half-comma"
message = "中文语境中的半角逗号应改为全角"
message-en = "half-width comma in Chinese text"
severity = "warning"
patterns = ['(?<=[\\u4e00-\\u9fff]),(?=[\\u4e00-\\u9fff])']
replacement = "，"
"""


@pytest.mark.parametrize("fmt", ["sarif", "github", "rdjson", "junit", "checkstyle", "gitlab"])
def test_cli_formats(tmp_path, monkeypatch, fmt):
    from linter.cli import main

    (tmp_path / "wenlint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.txt").write_text("银行,说明情况,申请分期。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--no-cache", "--format", fmt, "a.txt"], catch_exceptions=False)
    assert r.exit_code == 1, r.output
    out = r.stdout
    if fmt == "sarif":
        log = json.loads(out)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        assert [x["ruleId"] for x in log["runs"][0]["results"]] == ["half-comma", "half-comma"]
        assert log["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == "中文语境中的半角逗号应改为全角"
    elif fmt == "github":
        assert [ln.split(" ", 1)[0] for ln in out.splitlines()] == ["::warning", "::warning"]
        assert "file=a.txt,line=1,col=3," in out
    elif fmt == "rdjson":
        body = json.loads(out)
        jsonschema.Draft7Validator(RDJSON_SCHEMA).validate(body)
        assert [d["suggestions"][0]["text"] for d in body["diagnostics"]] == ["，", "，"]
    elif fmt == "junit":
        assert ET.fromstring(out).find("testsuite/testcase/failure") is not None
    elif fmt == "checkstyle":
        assert len(ET.fromstring(out).findall("file/error")) == 2
    else:
        assert [i["location"]["lines"]["begin"] for i in json.loads(out)] == [1, 1]
