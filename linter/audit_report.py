"""Writing audit results: per-shard Parquet files, then the merged report
(documents.parquet, findings.parquet, summary.json, report.html)."""
from __future__ import annotations

import heapq
import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .registry import ENGINE_RULES, load_registry

FINDING_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("rule", pa.string()), ("severity", pa.string()),
    ("start", pa.int64()), ("end", pa.int64()), ("line", pa.int64()), ("column", pa.int64()),
    ("end_line", pa.int64()), ("end_column", pa.int64()), ("message", pa.string()), ("message_en", pa.string()),
    ("fix_start", pa.int64()), ("fix_end", pa.int64()), ("fix_replacement", pa.string()),
    ("confidence", pa.float64()),
])


def rule_columns() -> list[str]:
    ids = sorted(set(load_registry().checks) | set(ENGINE_RULES))
    return [f"n_{r.replace('-', '_')}" for r in ids]


def document_schema(with_bands: bool) -> pa.Schema:
    fields = [("id", pa.string()), ("source", pa.string()), ("chars", pa.int64()), ("error", pa.string()),
              ("findings", pa.int64()), ("errors", pa.int64()), ("warnings", pa.int64()), ("infos", pa.int64()),
              ("stuffing_density", pa.float64()), ("spun_share", pa.float64()), ("boilerplate_share", pa.float64()),
              ("quality_score", pa.float64()), ("verdict", pa.string())]
    fields += [(c, pa.int64()) for c in rule_columns()]
    if with_bands:  # shard files keep what the corpus-scope passes need
        fields += [("bands", pa.list_(pa.int64())), ("lines", pa.list_(pa.list_(pa.int64()))),
                   ("evidence", pa.string())]  # JSON: check id → this page's evidence
    else:
        fields.append(("duplicate_of", pa.string()))
    return pa.schema(fields)


def _doc_row(item: dict, cols: list[str]) -> dict:
    row = dict(item["row"])
    f = item["findings"]
    sev = Counter(x["severity"] for x in f)
    row.update(findings=len(f), errors=sev.get("error", 0), warnings=sev.get("warning", 0), infos=sev.get("info", 0))
    per = Counter(_rule_column(x["rule"]) for x in f)
    for c in cols:
        row[c] = per.get(c, 0)
    row["bands"] = item["bands"]
    row["lines"] = item.get("lines") or []
    row["evidence"] = json.dumps(item["evidence"], ensure_ascii=False) if item.get("evidence") else None
    return row


def _finding_row(doc_id: str, source: str, f: dict) -> dict:
    fix = f.get("fix") or {}
    return {"doc_id": doc_id, "source": source, "rule": f["rule"], "severity": f["severity"],
            "start": f["start"], "end": f["end"], "line": f["line"], "column": f["column"],
            "end_line": f["end_line"], "end_column": f["end_column"], "message": f["message"],
            "message_en": f.get("message_en"), "fix_start": fix.get("start"), "fix_end": fix.get("end"),
            "fix_replacement": fix.get("replacement"), "confidence": f.get("confidence")}


def _atomic_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp{os.getpid()}")


class ShardWriter:
    """Collects one shard's results and writes them atomically (temp + rename)."""

    def __init__(self, folder: Path, number: int, jsonl: bool, list_worst: int) -> None:
        self.folder, self.number, self.jsonl, self.list_worst = folder, number, jsonl, list_worst
        self.cols = rule_columns()
        self.docs: list[dict] = []
        self.findings: list[dict] = []
        self.worst: list[tuple[float, int, dict]] = []  # min-heap on -score: keeps the lowest scores
        self._seq = 0
        self.line_seen: Counter = Counter()
        self.line_texts: dict[int, str] = {}

    def add(self, items: list[dict]) -> None:
        for it in items:
            row = _doc_row(it, self.cols)
            self.docs.append(row)
            for f in it["findings"]:
                self.findings.append(_finding_row(row["id"], row["source"], f))
            for h, t in (it.get("line_texts") or {}).items():
                self.line_seen[h] += 1
                self.line_texts.setdefault(h, t)
            if it.get("text") is not None and self.list_worst:
                self._seq += 1
                entry = (-row["quality_score"], self._seq,
                         {"id": row["id"], "source": row["source"], "score": row["quality_score"],
                          "verdict": row["verdict"], "text": it["text"],
                          "findings": [{k: f[k] for k in ("rule", "severity", "start", "end", "message")}
                                       for f in it["findings"]]})
                if len(self.worst) < self.list_worst:
                    heapq.heappush(self.worst, entry)
                elif entry[0] < self.worst[0][0]:
                    heapq.heapreplace(self.worst, entry)

    def close(self, done_marker: Path) -> None:
        stem = self.folder / f"part-{self.number:05d}"
        outputs = [(Path(f"{stem}.documents.parquet"), pa.Table.from_pylist(self.docs, schema=document_schema(True))),
                   (Path(f"{stem}.findings.parquet"), pa.Table.from_pylist(self.findings, schema=FINDING_SCHEMA))]
        for path, table in outputs:
            tmp = _atomic_path(path)
            pq.write_table(table, tmp)
            os.replace(tmp, path)
        worst = Path(f"{stem}.worst.jsonl")
        tmp = _atomic_path(worst)
        with open(tmp, "w", encoding="utf-8") as fh:
            for _, _, w in sorted(self.worst, key=lambda e: (-e[0], e[1])):
                fh.write(json.dumps(w, ensure_ascii=False) + "\n")
        os.replace(tmp, worst)
        # texts of lines repeated within the shard: what the cross-document pass can name
        lines = Path(f"{stem}.lines.json")
        tmp = _atomic_path(lines)
        tmp.write_text(json.dumps({str(h): self.line_texts[h] for h, n in self.line_seen.items() if n >= 2},
                                  ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, lines)
        marker = {"shard": self.number, "documents": len(self.docs), "findings": len(self.findings)}
        tmp = _atomic_path(done_marker)
        tmp.write_text(json.dumps(marker), encoding="utf-8")
        os.replace(tmp, done_marker)


def _shard_files(shards: Path, kind: str) -> list[Path]:
    return sorted(p for p in shards.glob(f"part-*.{kind}") if (shards / (p.name.split(".")[0] + ".done.json")).exists())


def _near_duplicates(shards: Path) -> tuple[dict[int, int], list[str], Counter]:
    """doc index → representative index for documents that duplicate an earlier one."""
    import numpy as np

    from checks.near_duplicate import NearDuplicate

    keys, idx, ids = [], [], []
    n = 0
    for path in _shard_files(shards, "documents.parquet"):
        t = pq.read_table(path, columns=["id", "bands"])
        for rid, bands in zip(t.column("id").to_pylist(), t.column("bands").to_pylist()):
            ids.append(rid)
            if bands:
                keys.extend(bands)
                idx.extend([n] * len(bands))
            n += 1
    if not keys:
        return {}, ids, Counter()
    rep = NearDuplicate.clusters(np.array(keys, dtype=np.int64), np.array(idx, dtype=np.int64), n)
    dup = {i: int(r) for i, r in enumerate(rep) if r != i}
    sizes = Counter(int(r) for r in rep)
    return dup, ids, sizes


def finalize(report_dir: Path, settings, jsonl: bool = False) -> dict[str, Any]:
    """Merge the shards into the report files and compute the summary."""
    from .audit_html import write_html

    shards = report_dir / "shards"
    dup, ids, sizes = _near_duplicates(shards) if settings.near_duplicate else ({}, [], Counter())
    chrome, chrome_texts = _cross_document_lines(shards) if settings.cross_document else ({}, {})
    merge = _evidence_mergers()
    reports = source_reports(shards, merge)  # check id → source → report
    doc_schema = document_schema(False)
    stats: dict[str, Any] = {"read": 0, "processed": 0, "errors": 0}
    verdicts: Counter = Counter()
    by_rule: Counter = Counter()
    hist = [0] * 10
    per_source: dict[str, Counter] = defaultdict(Counter)
    score_sum: dict[str, float] = defaultdict(float)
    worst_docs: list[dict] = []
    doc_tmp, find_tmp = _atomic_path(report_dir / "documents.parquet"), _atomic_path(report_dir / "findings.parquet")
    jsonl_path = report_dir / "findings.jsonl"
    jsonl_tmp = _atomic_path(jsonl_path)
    jsonl_fh = open(jsonl_tmp, "w", encoding="utf-8") if jsonl else None
    index = 0
    with pq.ParquetWriter(doc_tmp, doc_schema) as dw, pq.ParquetWriter(find_tmp, FINDING_SCHEMA) as fw:
        for path in _shard_files(shards, "documents.parquet"):
            docs = pq.read_table(path).to_pylist()
            extra_findings = []
            ftable = pq.read_table(Path(str(path).replace(".documents.", ".findings.")))
            known = _boilerplate_spans(ftable)
            for d in docs:
                d.pop("bands", None)
                for f in _source_findings(reports, merge, d["source"] or "(none)", d.pop("evidence", None)):
                    d[_rule_column(f["rule"])] = d.get(_rule_column(f["rule"]), 0) + 1
                    d["findings"] += 1
                    d[{"error": "errors", "warning": "warnings"}.get(f["severity"], "infos")] += 1
                    extra_findings.append(_finding_row(d["id"], d["source"], dict(
                        f, start=0, end=0, line=1, column=1, end_line=1, end_column=1)))
                for h, s, e, line, col in d.pop("lines", None) or []:
                    n_docs = chrome.get((d["source"], h))
                    if n_docs is None or any(a < e and s < b for a, b in known.get(d["id"], ())):
                        continue
                    d["n_boilerplate"] = d.get("n_boilerplate", 0) + 1
                    d["findings"] += 1
                    d["warnings"] += 1
                    extra_findings.append(_finding_row(d["id"], d["source"], {
                        "rule": "boilerplate/cross-document", "severity": "warning", "start": s, "end": e,
                        "line": line, "column": col, "end_line": line, "end_column": col + e - s,
                        "fix": {"start": s, "end": e, "replacement": ""},
                        "message": f"该行在同一来源的 {n_docs} 篇文档中重复出现，疑似网站模板文字，建议删除",
                        "message_en": f"this line recurs in {n_docs} documents of the same source: site chrome; delete it"}))
                d["duplicate_of"] = None
                if index in dup:
                    rep_id = ids[dup[index]]
                    d["duplicate_of"] = rep_id
                    d["n_near_duplicate"] = d.get("n_near_duplicate", 0) + 1
                    d["findings"] += 1
                    d["warnings"] += 1
                    if d["verdict"] in ("keep", "fix"):
                        d["verdict"] = "reject"
                    extra_findings.append(_finding_row(d["id"], d["source"], {
                        "rule": "near-duplicate", "severity": "warning", "start": 0, "end": 0, "line": 1,
                        "column": 1, "end_line": 1, "end_column": 1,
                        "message": f"与 {rep_id} 近似重复（同簇共 {sizes[dup[index]]} 篇），建议只保留一篇",
                        "message_en": f"near-duplicate of {rep_id} ({sizes[dup[index]]} articles in the cluster); keep one"}))
                index += 1
                stats["read"] += 1
                if d["verdict"] == "error":
                    stats["errors"] += 1
                else:
                    stats["processed"] += 1
                    hist[min(9, int(d["quality_score"] // 10))] += 1
                verdicts[d["verdict"]] += 1
                src = d["source"] or "(none)"
                per_source[src]["documents"] += 1
                per_source[src][d["verdict"]] += 1
                per_source[src]["findings"] += d["findings"]
                score_sum[src] += d["quality_score"]
            dw.write_table(pa.Table.from_pylist(docs, schema=doc_schema))
            if extra_findings:
                ftable = pa.concat_tables([ftable, pa.Table.from_pylist(extra_findings, schema=FINDING_SCHEMA)])
            fw.write_table(ftable)
            for rule in ftable.column("rule").to_pylist():
                by_rule[rule] += 1
            if jsonl_fh:
                for row in ftable.to_pylist():
                    jsonl_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            worst_path = Path(str(path).replace(".documents.parquet", ".worst.jsonl"))
            if worst_path.exists():
                with open(worst_path, encoding="utf-8") as fh:
                    worst_docs.extend(json.loads(line) for line in fh)
                worst_docs = sorted(worst_docs, key=lambda w: w["score"])[:settings.list_worst]
    os.replace(doc_tmp, report_dir / "documents.parquet")
    os.replace(find_tmp, report_dir / "findings.parquet")
    if jsonl_fh:
        jsonl_fh.close()
        os.replace(jsonl_tmp, jsonl_path)
    summary = {
        **stats,
        "accounted": stats["processed"] + stats["errors"] == stats["read"],
        "verdicts": dict(verdicts),
        "findings_by_rule": dict(by_rule.most_common()),
        "quality_histogram": {f"{i * 10}-{i * 10 + 10}": n for i, n in enumerate(hist)},
        "repeated_lines": _repeated_summary(chrome, chrome_texts),
        "near_duplicate_clusters": sum(1 for r, n in sizes.items() if n > 1),
        "near_duplicates": len(dup),
        "sources": {s: dict(c, mean_quality=round(score_sum[s] / c["documents"], 2))
                    for s, c in sorted(per_source.items(), key=lambda kv: -kv[1]["documents"])[:200]},
        "source_reports": reports,
        "thresholds": settings.thresholds.__dict__,
    }
    tmp = _atomic_path(report_dir / "summary.json")
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, report_dir / "summary.json")
    write_html(report_dir / "report.html", summary, worst_docs)
    return summary


def _evidence_mergers() -> dict[str, Any]:
    """Check id → its class, for the checks that report on sources (``Check.page_evidence``)."""
    return {cid: cls for cid, cls in load_registry().checks.items() if cls.reports_on_sources()}


def _rule_column(rule: str) -> str:
    return "n_" + rule.split("/", 1)[0].replace("-", "_")


def source_reports(shards: Path, merge: dict[str, Any]) -> dict[str, dict]:
    """check id → source → the check's report on the source (``Check.source_report``), for the 200
    largest sources, from the pages' evidence (the shards' JSON column; none in older audits).
    Only those sources' evidence is merged: memory stays bounded however many sources there are."""
    if not merge:
        return {}
    files = _shard_files(shards, "documents.parquet")
    pages: Counter = Counter()
    for path in files:
        pages.update(src or "(none)" for src in pq.read_table(path, columns=["source"]).column("source").to_pylist())
    largest = {s for s, _ in pages.most_common(200)}
    evidence: dict[str, dict[str, Any]] = defaultdict(dict)  # check id → source → merged page evidence
    for path in files:
        if "evidence" not in pq.read_schema(path).names:
            continue
        cols = pq.read_table(path, columns=["source", "evidence"]).to_pydict()
        for src, raw in zip(cols["source"], cols["evidence"]):
            src = src or "(none)"
            if not raw or src not in largest:
                continue
            for cid, ev in json.loads(raw).items():
                cls = merge.get(cid)
                if cls is not None:
                    evidence[cid][src] = cls.merge_evidence(evidence[cid].get(src), ev)
    out: dict[str, dict] = {}
    for cid, by_src in sorted(evidence.items()):
        reports = {}
        for src, _ in pages.most_common(200):
            if src in by_src:
                rep = merge[cid].source_report(pages[src], by_src[src])
                if rep is not None:
                    reports[src] = rep
        if reports:
            out[cid] = reports
    return out


def _source_findings(reports: dict[str, dict], merge: dict[str, Any], src: str, raw: str | None) -> list[dict]:
    """The findings a page gets from its source's reports (``Check.source_findings``)."""
    if not raw or not reports:
        return []
    out = []
    for cid, ev in json.loads(raw).items():
        report = reports.get(cid, {}).get(src)
        if report is not None and cid in merge:
            out += merge[cid].source_findings(report, ev)
    return out


def _boilerplate_spans(ftable) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    cols = ftable.select(["doc_id", "rule", "start", "end"]).to_pydict()
    for doc_id, rule, s, e in zip(cols["doc_id"], cols["rule"], cols["start"], cols["end"]):
        if rule.startswith("boilerplate"):
            out[doc_id].append((s, e))
    return out


def _cross_document_lines(shards: Path) -> tuple[dict[tuple[str, int], int], dict[int, str]]:
    """Lines shared by many documents of one source (bounded memory: Misra–Gries)."""
    from .chrome_lines import HeavyHitters, repeated

    hh = HeavyHitters()
    per_source: Counter = Counter()
    for path in _shard_files(shards, "documents.parquet"):
        t = pq.read_table(path, columns=["source", "lines"])
        for source, lines in zip(t.column("source").to_pylist(), t.column("lines").to_pylist()):
            per_source[source] += 1
            hh.update((source, x[0]) for x in lines or ())
    chrome = repeated(hh, per_source)
    wanted = {h for _src, h in chrome}
    texts: dict[int, str] = {}
    for path in sorted(shards.glob("part-*.lines.json")):
        if len(texts) == len(wanted):
            break
        for h, t in json.loads(path.read_text(encoding="utf-8")).items():
            if int(h) in wanted:
                texts[int(h)] = t
    return chrome, texts


def _repeated_summary(chrome: dict[tuple[str, int], int], texts: dict[int, str]) -> dict[str, list[dict]]:
    by_source: dict[str, list[dict]] = defaultdict(list)
    for (source, h), n in sorted(chrome.items(), key=lambda kv: -kv[1]):
        if len(by_source[source or "(none)"]) < 20:
            by_source[source or "(none)"].append({"line": texts.get(h, ""), "documents": n})
    return dict(by_source)
