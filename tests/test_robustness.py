"""Hostile inputs through the command line: each case names the input and the
reason, the run goes on with the other inputs, and the exit code says an
input failed.  Plus the trust boundary: config is data, never code."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from linter.cli import main

GOOD = "信用卡逾期后，银行会先通过短信提醒持卡人还款。\n"


def _check(paths, *extra):
    res = CliRunner().invoke(main, ["check", "--format", "json", "--select", "punctuation", *extra, *map(str, paths)])
    return res.exit_code, json.loads(res.stdout)


def _errors(data) -> dict[str, str]:
    return {Path(f["path"]).name: f["message"] for f in data["findings"] if f["rule"] == "input-error"}


@pytest.mark.parametrize("name,payload,expect", [
    ("nul.txt", "正文\x00正文".encode(), "NUL"),
    ("noise.txt", bytes(random.Random(7).choices(range(1, 256), k=3000)), "编码"),
    ("utf16-broken.txt", b"\xff\xfe" + "正文".encode("utf-16-le") + b"\x00", "utf-16"),
])
def test_undecodable_inputs_are_named_and_the_run_goes_on(tmp_path, name, payload, expect):
    bad = tmp_path / name
    bad.write_bytes(payload)
    ok = tmp_path / "ok.txt"
    ok.write_text(GOOD, encoding="utf-8")
    code, data = _check([bad, ok])
    assert code == 2
    assert expect in _errors(data)[name]
    assert {Path(f["path"]).name for f in data["files"]} == {name, "ok.txt"}
    assert next(f for f in data["files"] if f["path"].endswith("ok.txt"))["error"] is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "gb18030"])
def test_bom_and_gb_files_keep_true_offsets(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes("第一行\r\n逾期后,银行会联系你。\r\n".encode(encoding))
    code, data = _check([path])
    (finding,) = [f for f in data["findings"] if f["rule"].startswith("punctuation")]
    text = "第一行\r\n逾期后,银行会联系你。\r\n"
    assert text[finding["start"]:finding["end"]] == ","
    assert (finding["line"], finding["column"]) == (2, 4)
    assert data["files"][0]["encoding"].replace("-sig", "").startswith(("utf", "gb"))


def test_mixed_newlines_count_lines_like_an_editor(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("一\n二\r\n三\r逾期后,银行会联系你。".encode())
    _, data = _check([path])
    (finding,) = data["findings"]
    assert (finding["line"], finding["column"]) == (4, 4)


def test_empty_and_whitespace_files_are_fine(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n\n  \r\n", encoding="utf-8")
    code, data = _check([tmp_path], "--select", "ALL")
    assert code == 0 and data["findings"] == []


def test_missing_path_is_an_input_error(tmp_path):
    code, data = _check([tmp_path / "nope.txt"])
    assert code == 2 and "不存在" in _errors(data)["nope.txt"]


def test_audit_parquet_without_text_column_is_reported(tmp_path):
    pq.write_table(pa.table({"body": ["正文"]}), tmp_path / "x.parquet")
    (tmp_path / "ok.jsonl").write_text(json.dumps({"text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = tmp_path / "rep"
    res = CliRunner().invoke(main, ["audit", str(tmp_path / "x.parquet"), str(tmp_path / "ok.jsonl"),
                                    "--report", str(report), "--workers", "1", "--progress", "none"])
    assert res.exit_code == 2
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    assert summary["read"] == 2 and summary["errors"] == 1 and summary["processed"] == 1
    docs = pq.read_table(report / "documents.parquet").to_pylist()
    err = next(d for d in docs if d["verdict"] == "error")
    assert err["id"].endswith("x.parquet") and "text" in err["error"]


# -- trust --------------------------------------------------------------------------
def test_config_is_data_not_code(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "pyproject.toml").write_text(
        "[tool.wenlint]\n"
        f'plugins = ["os:system(\'touch {marker}\')"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(art)])
    assert res.exit_code == 2
    assert "plugins" in res.output and "unknown key" in res.output
    assert not marker.exists()


def test_config_cannot_name_an_option_that_does_not_exist(tmp_path):
    (tmp_path / "wenlint.toml").write_text('[punctuation]\nimport = "os"\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(art)])
    assert res.exit_code == 2 and "punctuation.import" in res.output
