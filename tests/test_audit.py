"""`wenlint audit`: inputs, engines (local pool, Dask), resumable shards, report files, hostile HTML."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from linter.audit import AuditSettings, DaskEngine, LocalEngine, run_audit
from linter.cli import main
from linter.records import RecordOptions, html_to_text, iter_records
from linter.sources import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = (FIXTURES / "samples" / "farm-article.txt").read_text(encoding="utf-8")
HOSTILE = ('网贷逾期会上门吗?<script>document.title="PWNED"</script>'
           '<img src=x onerror="document.body.setAttribute(\'data-pwned\',\'1\')">'
           '" onmouseover="alert(1)" 根据相关法律法规,催收人员不得骚扰借款人。\n' * 3)


def _corpus(tmp_path: Path, n: int = 40) -> Path:
    path = tmp_path / "docs.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = ARTICLE if i % 3 else ARTICLE.replace("信用卡", "房贷")
            fh.write(json.dumps({"id": f"a{i}", "text": text, "site": f"site{i % 2}"}, ensure_ascii=False) + "\n")
        fh.write("{this is not json\n")
        fh.write(json.dumps({"id": "hostile", "text": HOSTILE, "site": "evil"}, ensure_ascii=False) + "\n")
    return path


def _opts() -> RecordOptions:
    return RecordOptions(text_field="text", id_field="id", source_field="site")


def _table(report: Path, name: str) -> list[dict]:
    return pq.read_table(report / name).to_pylist()


# -- inputs ------------------------------------------------------------------------
def test_records_from_every_input_kind(tmp_path):
    (tmp_path / "a.txt").write_text("第一篇", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><head><script>x=1</script></head><body><p>第二篇</p>"
                                     "<div>正文&amp;内容</div></body></html>", encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"body": "第三篇", "key": 7}) + "\n")
    pq.write_table(pa.table({"body": ["第四篇"], "key": [8]}), tmp_path / "d.parquet")
    pq.write_table(pa.table({"other": ["x"]}), tmp_path / "e.parquet")
    recs = list(iter_records([str(tmp_path)], RecordOptions(text_field="body", id_field="key")))
    texts = [r.text for r in recs if not isinstance(r, InputError)]
    assert texts[0] == "第一篇" and texts[1] == "第二篇\n正文&内容\n"
    assert "第三篇" in texts and "第四篇" in texts
    ids = [r.id for r in recs if not isinstance(r, InputError)]
    assert any(i.endswith("c.jsonl.gz#7") for i in ids) and any(i.endswith("d.parquet#8") for i in ids)
    (err,) = [r for r in recs if isinstance(r, InputError)]
    assert err.path.endswith("e.parquet") and "body" in err.reason_en and "other" in err.reason_en


def test_broken_jsonl_line_is_reported_and_reading_goes_on(tmp_path):
    recs = list(iter_records([str(_corpus(tmp_path, 3))], _opts()))
    errors = [r for r in recs if isinstance(r, InputError)]
    assert len(errors) == 1 and errors[0].path.endswith("#4") and "line 4" in errors[0].reason_en
    assert [r.id.split("#")[1] for r in recs if not isinstance(r, InputError)] == ["a0", "a1", "a2", "hostile"]


def test_html_visible_text_drops_scripts():
    assert html_to_text("<p>可见</p><script>alert(1)</script><style>p{}</style><p>也可见</p>") == "可见\n也可见\n"


# -- engines -------------------------------------------------------------------------
def _run(tmp_path, name, engine, **kw):
    report = tmp_path / name
    run_audit([str(_corpus(tmp_path))], report, AuditSettings(), _opts(), engine=engine,
              batch_size=4, shard_size=16, **kw)
    return report


def _comparable(report: Path):
    docs = _table(report, "documents.parquet")
    finds = _table(report, "findings.parquet")
    return docs, finds, json.loads((report / "summary.json").read_text(encoding="utf-8"))


def test_local_pool_matches_single_process_and_accounts_for_every_document(tmp_path):
    one = _comparable(_run(tmp_path, "one", LocalEngine(1)))
    two = _comparable(_run(tmp_path, "two", LocalEngine(2)))
    assert one == two
    summary = one[2]
    assert summary["read"] == 42 and summary["errors"] == 1 and summary["processed"] == 41
    assert summary["accounted"] is True
    docs = one[0]
    assert [d["id"].split("#")[1] for d in docs][:3] == ["a0", "a1", "a2"]
    assert {d["verdict"] for d in docs} <= {"keep", "fix", "reject", "error"}
    # identical copies are near-duplicates of the first one
    dups = [d for d in docs if d["duplicate_of"]]
    assert dups and all(d["duplicate_of"].endswith("#a1") or d["duplicate_of"].endswith("#a0") for d in dups)


def test_dask_local_cluster_gives_identical_results(tmp_path):
    pytest.importorskip("distributed")
    local = _comparable(_run(tmp_path, "local", LocalEngine(1)))
    dask = _comparable(_run(tmp_path, "dask", DaskEngine(None, 2)))
    assert local == dask


def test_resume_skips_finished_shards(tmp_path):
    report = _run(tmp_path, "r", LocalEngine(1))
    first = _comparable(report)
    marker = report / "shards" / "part-00001.done.json"
    marker.unlink()  # as if the audit was interrupted during shard 1
    stamp = (report / "shards" / "part-00000.documents.parquet").stat().st_mtime_ns
    res = run_audit([str(tmp_path / "docs.jsonl")], report, AuditSettings(), _opts(), engine=LocalEngine(1),
                    batch_size=4, shard_size=16, resume=True)
    assert res.skipped_shards == 2
    assert (report / "shards" / "part-00000.documents.parquet").stat().st_mtime_ns == stamp
    assert _comparable(report) == first


# -- the command and the HTML report -------------------------------------------------------
class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = 0
        self.handlers = []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.handlers += [k for k, _ in attrs if k.startswith("on")]


def test_audit_command_writes_the_report(tmp_path):
    corpus = _corpus(tmp_path, 6)
    report = tmp_path / "rep"
    res = CliRunner().invoke(main, ["audit", str(corpus), "--report", str(report), "--text-field", "text",
                                    "--id-field", "id", "--source-field", "site", "--workers", "1",
                                    "--jsonl", "--progress", "none"])
    assert res.exit_code == 2, res.output  # the broken line is an input error
    for name in ("documents.parquet", "findings.parquet", "findings.jsonl", "summary.json", "report.html"):
        assert (report / name).is_file(), name
    page = (report / "report.html").read_text(encoding="utf-8")
    tags = _Tags()
    tags.feed(page)
    assert tags.scripts == 0 and tags.handlers == []
    shown = re.sub(r"</?mark[^>]*>", "", page)  # findings may highlight parts of the hostile text
    assert "&lt;script&gt;document.title=&quot;PWNED&quot;&lt;/script&gt;" in shown
    assert "Content-Security-Policy" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_report_renders_hostile_text_without_running_it(tmp_path):
    browser = _chromium()
    if not browser:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    report = tmp_path / "rep"
    run_audit([str(_corpus(tmp_path, 3))], report, AuditSettings(), _opts(), engine=LocalEngine(1))
    page = report / "report.html"
    assert "PWNED" in page.read_text(encoding="utf-8")  # the hostile document is listed
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert "<h1>wenlint 审计报告</h1>" in dom, proc.stderr[-2000:]
    assert "<title>wenlint 审计报告</title>" in dom  # a script would have set the title to PWNED
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "&lt;script&gt;" in dom  # shown as text


def test_lines_shared_by_a_sources_documents_are_chrome(tmp_path):
    path = tmp_path / "site.jsonl"
    bodies = ["借款人逾期后应主动联系银行说明情况。", "信用卡分期需要注意手续费率的计算方式。",
              "房贷提前还款前应确认合同中的违约金条款。", "网贷协商还款时应保留沟通记录。"]
    with open(path, "w", encoding="utf-8") as fh:
        for i, body in enumerate(bodies):
            text = f"本站所有内容均来自网友投稿仅供参考\n{body}\n扫码关注理财小助手获取更多干货\n"
            fh.write(json.dumps({"id": i, "text": text, "site": "farm.example"}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"id": 9, "text": "扫码关注理财小助手获取更多干货\n另一站点的正文。\n", "site": "other"},
                            ensure_ascii=False) + "\n")
    report = tmp_path / "rep"
    run_audit([str(path)], report, AuditSettings(select=("boilerplate",)), _opts(), engine=LocalEngine(1))
    rows = [f for f in _table(report, "findings.parquet") if f["rule"] == "boilerplate/cross-document"]
    farm = [f for f in rows if f["source"] == "farm.example"]
    assert {(f["line"], f["fix_replacement"]) for f in farm} <= {(1, ""), (3, "")}
    assert len({f["doc_id"] for f in farm}) == 4 and len(farm) >= 4
    assert not [f for f in rows if f["source"] == "other"]  # one document of that source: nothing shared
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    lines = {x["line"] for x in summary["repeated_lines"]["farm.example"]}
    assert "扫码关注理财小助手获取更多干货" in lines


def test_fsspec_urls_are_read(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    with fs.open("/corpus/a.jsonl", "wb") as fh:
        fh.write(json.dumps({"text": "第一篇正文。"}, ensure_ascii=False).encode() + b"\n")
    with fs.open("/corpus/b.txt", "wb") as fh:
        fh.write("第二篇正文。".encode("gbk"))
    recs = list(iter_records(["memory://corpus/*"], RecordOptions()))
    assert [r.text for r in recs] == ["第一篇正文。", "第二篇正文。"]
    assert recs[0].id.startswith("memory://") and recs[0].id.endswith("/corpus/a.jsonl#1")


def test_a_sources_filter_profile_names_the_word_its_pages_lack(tmp_path):
    # bench/dev4's lending articles e05 and e06 (the project's own development pages): their filter
    # deleted 法院, which missing-char restores on both; two clean articles of another source,
    # whose name is hostile
    dev4 = Path(__file__).resolve().parent.parent / "bench" / "dev4"
    path = tmp_path / "sites.jsonl"
    docs = [("e05_wealth-platform-collapse.txt", "farm.example"), ("e06_private-lending-interest-cap.txt", "farm.example"),
            ("e04_credit-card-minimum-payment.txt", "<b>clean</b>"), ("e08_housing-fund-loan-overdue.txt", "<b>clean</b>")]
    with open(path, "w", encoding="utf-8") as fh:
        for i, (name, site) in enumerate(docs):
            text = (dev4 / name).read_text(encoding="utf-8")
            fh.write(json.dumps({"id": i, "text": text, "site": site}, ensure_ascii=False) + "\n")
    report = tmp_path / "rep"
    run_audit([str(path)], report, AuditSettings(select=("missing-char",)), _opts(), engine=LocalEngine(1))
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    profiles = summary["source_reports"]["missing-char"]
    assert set(profiles) == {"farm.example"}
    words = {x["word"]: x for x in profiles["farm.example"]["words"]}
    assert words["法院"]["restored"] == 2 and words["法院"]["share"] == 1.0
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "法院（还原 2 篇" in page and "<b>clean</b>" not in page


def test_a_filter_word_the_pages_topics_expect_and_all_lack_is_named():
    from checks.missing_char import profile

    pages = [{"restored": [], "has": [], "lacks": ["律师"]}] * 3 + [{"restored": [], "has": ["法院"], "lacks": []}]
    acc = None
    for ev in pages:
        acc = profile.merge_evidence(acc, ev)
    assert profile.source_report(4, acc) == {
        "documents": 4, "words": [{"word": "律师", "restored": 0, "lacking": 3, "share": 0.75}]}
    # one page that has the word clears it: the source's filter does not delete it
    acc = profile.merge_evidence(acc, {"restored": [], "has": ["律师"], "lacks": []})
    assert profile.source_report(5, acc) is None
    # two pages lacking it are not enough
    acc = None
    for ev in pages[:2]:
        acc = profile.merge_evidence(acc, ev)
    assert profile.source_report(2, acc) is None


def test_restored_words_are_the_sure_restorations_of_missing_char():
    from checks.missing_char.profile import restored_words
    from linter.check import Finding, Message

    def finding(rule, conf, data):
        return Finding(rule=rule, start=0, end=0, message=Message(zh="", en=""), confidence=conf, data=data)

    f = [finding("missing-char", 0.93, {"inserted": "题"}),
         finding("missing-char", 0.95, {"inserted": "题"}),
         finding("missing-char", 0.75, {"inserted": "催收"}),  # offered, not applied
         finding("spun-text", 0.9, {"inserted": "影响"}),
         finding("missing-char", 0.9, {})]
    assert restored_words(f) == ["题"]
    assert restored_words(f, 0.7) == ["催收", "题"]


def test_a_check_whose_page_evidence_fails_leaves_the_audit_going(tmp_path, monkeypatch):
    from checks.missing_char import MissingChar

    def boom(self, doc, findings):
        raise RuntimeError("plugin bug")

    monkeypatch.setattr(MissingChar, "page_evidence", boom)
    report = tmp_path / "rep"
    run_audit([str(_corpus(tmp_path, 4))], report, AuditSettings(select=("missing-char",)), _opts(),
              engine=LocalEngine(1))
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    # every document linted (the one error is the corpus's broken JSON line), no report from the check
    assert summary["processed"] == 5 and summary["errors"] == 1 and summary["source_reports"] == {}
    assert not [d for d in _table(report, "documents.parquet") if d["error"] and "plugin" in d["error"]]


def test_a_page_lacking_its_sources_filtered_word_is_flagged():
    from checks.missing_char import profile

    report = {"documents": 5, "words": [{"word": "律师", "restored": 2, "lacking": 3, "share": 0.6}]}
    flagged = profile.source_findings(report, {"restored": [], "has": [], "lacks": ["律师"]})
    assert [f["rule"] for f in flagged] == ["missing-char/source-filter"] and "律师" in flagged[0]["message"]
    # the word restored on the page (its findings say it), present, or not expected by its topic: none
    assert profile.source_findings(report, {"restored": ["律师"], "has": [], "lacks": ["律师"]}) == []
    assert profile.source_findings(report, {"restored": [], "has": ["律师"], "lacks": []}) == []
    assert profile.source_findings(report, {"restored": [], "has": [], "lacks": []}) == []
    assert profile.source_findings(None, {"restored": [], "has": [], "lacks": ["律师"]}) == []


def test_source_flags_reach_the_pages_findings_and_counts(tmp_path, monkeypatch):
    # the engine's plumbing, with the evidence a filtered source's pages would give: three pages
    # whose topic expects 律师 and which all lack it; another source's page has it
    from checks.missing_char import MissingChar

    def evidence(self, doc, findings):
        has = "律师" in doc.text
        return {"restored": [], "has": ["律师"] if has else [], "lacks": [] if has else ["律师"]}

    monkeypatch.setattr(MissingChar, "page_evidence", evidence)
    path = tmp_path / "docs.jsonl"
    rows = [("a", "借款人逾期以后，可以咨询专业人士。"), ("a", "担保人承担责任之前，应当核对合同。"),
            ("a", "被起诉以后，应当按时出庭应诉。"), ("b", "律师建议保留全部还款凭证。")]
    with open(path, "w", encoding="utf-8") as fh:
        for i, (site, text) in enumerate(rows):
            fh.write(json.dumps({"id": f"p{i}", "text": text, "site": site}, ensure_ascii=False) + "\n")
    report = tmp_path / "rep"
    run_audit([str(path)], report, AuditSettings(select=("missing-char",)), _opts(), engine=LocalEngine(1))
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    assert list(summary["source_reports"]["missing-char"]) == ["a"]
    flags = [f for f in _table(report, "findings.parquet") if f["rule"] == "missing-char/source-filter"]
    assert sorted(f["doc_id"].rsplit("#", 1)[1] for f in flags) == ["p0", "p1", "p2"]
    assert all(f["severity"] == "info" and "律师" in f["message"] and f["start"] == 0 for f in flags)
    docs = {d["id"].rsplit("#", 1)[1]: d for d in _table(report, "documents.parquet")}
    assert docs["p0"]["n_missing_char"] >= 1 and docs["p0"]["infos"] >= 1 and docs["p3"]["n_missing_char"] == 0
    assert summary["findings_by_rule"]["missing-char/source-filter"] == 3
