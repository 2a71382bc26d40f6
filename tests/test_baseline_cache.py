"""--baseline (fingerprints that survive unrelated edits) and the result cache."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.baseline import Baseline, fingerprint
from linter.cache import Cache, content_key, engine_fingerprint, finding_from_record, finding_to_record, settings_key
from linter.check import Finding, Fix, Message
from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent

CONFIG = """\
select = ["half-comma", "banned"]
[[rules]]
id = "half-comma"
message = "中文语境中的半角逗号应改为全角"
message-en = "half-width comma in Chinese text"
severity = "warning"
patterns = ['(?<=[\\u4e00-\\u9fff]),(?=[\\u4e00-\\u9fff])']
replacement = "，"

[[rules]]
id = "banned"
message = "“{match}”属于违规承诺"
message-en = "“{match}” is a prohibited promise"
severity = "error"
terms = ["保本保息"]
"""

ARTICLE = "理财产品怎么选\n\n第一段,介绍风险。\n\n第二段说明收益,并非保本保息。\n"


def _f(text, sub, rule="demo", nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return Finding(rule=rule, start=i, end=i + len(sub), message=Message("x", "x"))


# -- fingerprints ------------------------------------------------------------------
def test_fingerprint_survives_edits_elsewhere():
    before = "标题\n\n第一段内容。\n\n这里写着保本保息的承诺，应当删除。\n"
    after = "新标题\n\n新增一段导语，长度不同。\n第一段内容有改动。\n\n这里写着保本保息的承诺，应当删除。\n\n结尾。\n"
    assert fingerprint(_f(before, "保本保息"), before) == fingerprint(_f(after, "保本保息"), after)
    # whitespace and width differences in the context are normalised away
    spaced = "这里写着 保本保息 的承诺,应当删除。"
    assert fingerprint(_f(spaced, "保本保息"), spaced) == fingerprint(_f(before, "保本保息"), before)


def test_fingerprint_changes_with_rule_span_or_nearby_text():
    t = "这里写着保本保息的承诺，应当删除。"
    base = fingerprint(_f(t, "保本保息"), t)
    assert fingerprint(_f(t, "保本保息", rule="other"), t) != base
    t2 = "那里写着保本保息的承诺，应当删除。"
    assert fingerprint(_f(t2, "保本保息"), t2) != base
    assert fingerprint(_f(t, "保本"), t) != base


def test_fingerprint_odd_inputs():
    for text in ("", "\x00\u200b", "a" * 100000):
        f = Finding(rule="r", start=0, end=len(text), message=Message("x", "x"))
        assert len(fingerprint(f, text)) == 20
    assert len(fingerprint(Finding(rule="input-error", start=0, end=0, message=Message("x", "y")), None)) == 20


def test_baseline_counts_duplicates(tmp_path):
    from linter.document import Document
    from linter.results import FileResult, RunResult

    text = "甲乙丙丁,戊己庚辛\n"
    doc = Document(text, path=str(tmp_path / "a.txt"))
    res = RunResult(files=[FileResult(doc.path, [_f(text, ",")], doc=doc)])
    bl = Baseline.from_result(tmp_path / "bl.json", res)
    bl.save()
    loaded = Baseline.load(tmp_path / "bl.json")
    assert len(loaded) == 1
    # the same defect copied to a second paragraph: one is known, the copy is new
    text2 = text + text
    new = loaded.new_findings(doc.path, [_f(text2, ",", nth=0), _f(text2, ",", nth=1)], text2)
    assert len(new) == 1
    # input errors are never hidden
    err = Finding(rule="input-error", start=0, end=0, message=Message("x", "x"))
    assert loaded.new_findings(doc.path, [err], None) == [err]


def test_baseline_rejects_other_files(tmp_path):
    p = tmp_path / "bl.json"
    p.write_text('{"something": "else"}', encoding="utf-8")
    with pytest.raises(ValueError):
        Baseline.load(p)


# -- the command line ------------------------------------------------------------
@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "wenlint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args):
    r = CliRunner().invoke(main, ["check", *args], catch_exceptions=False)
    rows = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    return r, rows


def test_cli_baseline_reports_only_new_findings(project):
    art = project / "docs" / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert r.exit_code == 0 and rows == []
    stored = json.loads((project / "bl.json").read_text(encoding="utf-8"))
    assert {e["rule"] for e in stored["findings"]} == {"half-comma", "banned"}
    assert {e["path"] for e in stored["findings"]} == {"docs/a.txt"}
    # unrelated edits: a new intro paragraph and a reworded sentence elsewhere
    art.write_text("理财产品怎么选（2025 版）\n\n编者按：本文仅供参考。\n\n第一段,介绍风险。\n\n另有补充说明。\n\n"
                   "第二段说明收益,并非保本保息。\n", encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert r.exit_code == 0 and rows == [], rows
    # a new defect is reported, the old ones are not
    art.write_text(art.read_text(encoding="utf-8") + "\n新产品同样承诺保本保息,请谨慎。\n", encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert r.exit_code == 1
    assert sorted(x["rule"] for x in rows) == ["banned", "half-comma"]
    assert all(x["line"] == 11 for x in rows)
    # from another working folder the relative paths still match
    os.chdir(project / "docs")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "../bl.json", "a.txt")
    assert len(rows) == 2


def test_cli_baseline_bad_file_is_an_error(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "bl.json").write_text("not json", encoding="utf-8")
    r, _ = _run("--no-cache", "--baseline", "bl.json", "a.txt")
    assert r.exit_code == 2


# -- cache ------------------------------------------------------------------------
def test_finding_records_round_trip():
    f = Finding(rule="demo/x", start=3, end=5, message=Message("中", "en"), severity="error", fix=Fix(3, 5, "，"),
                confidence=0.85, data={"count": 3}, path="p", line=1, column=4, end_line=1, end_column=6)
    assert finding_from_record(json.loads(json.dumps(finding_to_record(f))), "p") == f


def test_cache_keys():
    s1 = settings_key("{}", ("a",), ())
    assert s1 != settings_key("{}", ("b",), ()) and s1 != settings_key('{"x": 1}', ("a",), ())
    k = content_key(s1, "a.txt", "正文", "utf-8")
    assert k != content_key(s1, "b.txt", "正文", "utf-8")
    assert k != content_key(s1, "a.txt", "正文。", "utf-8")
    assert k != content_key(s1, "a.txt", "正文", "gb18030")
    assert len(engine_fingerprint()) == 64


def test_cache_store_and_corruption(tmp_path):
    c = Cache(tmp_path)
    f = Finding(rule="r", start=0, end=1, message=Message("中", "en"), severity="warning")
    assert c.get("ab" * 32, "p") is None
    c.put("ab" * 32, [f])
    got = c.get("ab" * 32, "p")
    assert got is not None and got[0].rule == "r" and got[0].path == "p"
    (tmp_path / ".wenlint_cache" / "v1" / "ab" / ("ab" * 32 + ".json")).write_text("{broken", encoding="utf-8")
    assert c.get("ab" * 32, "p") is None
    assert (tmp_path / ".wenlint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert (tmp_path / ".wenlint_cache" / "CACHEDIR.TAG").exists()
    crash = Finding(rule="internal-error", start=0, end=0, message=Message("x", "x"))
    c.put("cd" * 32, [crash])
    assert c.get("cd" * 32, "p") is None  # crashes are not cached


def test_cli_cache_hits_and_invalidation(project):
    from linter.runner import CheckRequest, check_paths

    a = project / "a.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    req = CheckRequest(paths=["a.txt"], cache=True)
    first = check_paths(req)
    assert not first.files[0].cached and (project / ".wenlint_cache").is_dir()
    second = check_paths(req)
    assert second.files[0].cached
    assert [f.to_dict() for f in second.findings] == [f.to_dict() for f in first.findings]
    # content change → miss
    a.write_text(ARTICLE + "补充,说明。\n", encoding="utf-8")
    third = check_paths(req)
    assert not third.files[0].cached and len(third.findings) == len(first.findings) + 1
    # config change → miss
    (project / "wenlint.toml").write_text(CONFIG.replace('severity = "error"', 'severity = "info"'), encoding="utf-8")
    import linter.config
    linter.config._load_cached.cache_clear()  # the config is read once per process (as by the CLI)
    fourth = check_paths(req)
    assert not fourth.files[0].cached
    assert {f.severity for f in fourth.findings if f.rule == "banned"} == {"info"}
    # command-line selection is part of the key
    fifth = check_paths(CheckRequest(paths=["a.txt"], cache=True, select=("banned",)))
    assert not fifth.files[0].cached and {f.rule for f in fifth.findings} == {"banned"}


def test_no_cache_writes_nothing(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "a.txt")
    assert len(rows) == 3 and not (project / ".wenlint_cache").exists()
    r, rows2 = _run("--format", "jsonl", "a.txt")
    assert rows2 == rows and (project / ".wenlint_cache").is_dir()


def test_cached_run_does_not_load_jieba(tmp_path):
    """All checks, real article: the second (cached) run never loads jieba's dictionary."""
    art = tmp_path / "a.txt"
    art.write_text("信用卡逾期三个月会被起诉吗\n\n持卡人应主动联系银行说明情况,申请分期或者延期还款。\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from linter import segment\n"
        "from linter.cli import main\n"
        "try:\n"
        "    main(['check', '--format', 'jsonl', '--exit-zero', 'a.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "from linter.cache import engine_fingerprint\n"
        "sys.stderr.write('DICT=%d\\n' % segment.tokenizer.cache_info().currsize)\n"
        "sys.stderr.write('ENGINE=%s\\n' % engine_fingerprint())\n"
    )
    env = dict(os.environ)
    env.pop("WENLINT_NO_CACHE", None)

    def run():
        return subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=env,
                              timeout=300)

    def engine(proc):
        return proc.stderr.rsplit("ENGINE=", 1)[-1].strip()

    for _ in range(3):  # a check edited between the two runs (editable install) rightly invalidates the cache
        shutil.rmtree(tmp_path / ".wenlint_cache", ignore_errors=True)
        runs = [run(), run()]
        if engine(runs[0]) == engine(runs[1]):
            break
    assert '"rule"' in runs[0].stdout, runs[0].stdout  # the first run lints the article (rjieba segments it)
    assert "DICT=0" in runs[1].stderr, runs[1].stderr  # the cached run never loads jieba's dictionary
    assert runs[0].stdout == runs[1].stdout


def test_update_baseline_drops_fixed_findings_and_keeps_other_files(project):
    a, b = project / "docs" / "a.txt", project / "docs" / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert r.exit_code == 0 and rows == []
    assert len(Baseline.load(project / "bl.json")) == 6  # two commas and one promise per file
    # the first comma in a.txt is fixed: the baseline still hides the rest and says one entry is stale
    a.write_text(ARTICLE.replace("第一段,", "第一段，"), encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert rows == [] and "1 个问题已不再出现" in r.stderr
    # --update-baseline rewrites it from what the linted file has now; b.txt, not linted, keeps its entries
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "--update-baseline", "docs/a.txt")
    assert r.exit_code == 0 and rows == [] and "6 → 5" in r.stderr
    stored = Baseline.load(project / "bl.json")
    assert len(stored) == 5
    assert sorted((k[0], k[1], n) for k, n in stored.counts.items()) == [
        ("docs/a.txt", "banned", 1), ("docs/a.txt", "half-comma", 1),
        ("docs/b.txt", "banned", 1), ("docs/b.txt", "half-comma", 1), ("docs/b.txt", "half-comma", 1)]
    # re-introducing the fixed defect is now a new finding
    a.write_text(ARTICLE, encoding="utf-8")
    r, rows = _run("--no-cache", "--format", "jsonl", "--baseline", "bl.json", "docs")
    assert r.exit_code == 1 and [x["rule"] for x in rows] == ["half-comma"]


def test_update_baseline_needs_a_baseline(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--update-baseline", "a.txt"])
    assert r.exit_code == 2 and "--baseline" in r.output


def test_cache_prune_removes_only_stale_entries(tmp_path):
    import time

    c = Cache(tmp_path)
    f = Finding(rule="r", start=0, end=1, message=Message("中", "en"), severity="warning")
    c.put("ab" * 32, [f])  # the first write prunes (nothing yet) and leaves the daily marker
    c.put("cd" * 32, [f])
    old = time.time() - 40 * 86_400
    stale = tmp_path / ".wenlint_cache" / "v1" / "ab" / ("ab" * 32 + ".json")
    os.utime(stale, (old, old))
    assert c.prune() == 0  # pruned less than a day ago: nothing to do
    assert c.prune(force=True) == 1
    assert not stale.exists() and c.get("cd" * 32, "p") is not None
    # a hit refreshes the entry, so an entry in use survives the next prune
    c.put("ef" * 32, [f])
    used = tmp_path / ".wenlint_cache" / "v1" / "ef" / ("ef" * 32 + ".json")
    os.utime(used, (old, old))
    assert c.get("ef" * 32, "p") is not None
    assert c.prune(force=True) == 0 and used.exists()
    # a day later the next run that writes prunes by itself
    os.utime(used, (old, old))
    marker = tmp_path / ".wenlint_cache" / "v1" / ".last-prune"
    os.utime(marker, (time.time() - 2 * 86_400,) * 2)
    Cache(tmp_path).put("12" * 32, [f])
    assert not used.exists()


def test_cli_clean_removes_the_cache_only(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _run("--format", "jsonl", "a.txt")
    assert (project / ".wenlint_cache").is_dir()
    r = CliRunner().invoke(main, ["clean"], catch_exceptions=False)
    assert r.exit_code == 0 and "removed" in r.output
    assert not (project / ".wenlint_cache").exists() and (project / "a.txt").exists()
    r = CliRunner().invoke(main, ["clean"], catch_exceptions=False)
    assert r.exit_code == 0 and "no wenlint cache" in r.output
    # a folder of that name that wenlint did not make is left alone
    (project / ".wenlint_cache").mkdir()
    (project / ".wenlint_cache" / "mine.txt").write_text("x", encoding="utf-8")
    CliRunner().invoke(main, ["clean"], catch_exceptions=False)
    assert (project / ".wenlint_cache" / "mine.txt").exists()
