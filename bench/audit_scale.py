#!/usr/bin/env python3
"""Audit scaling, measured in one run:

1. throughput of the full rule set with 1 worker and with 2 workers (ratio);
2. per-document audit overhead: audit with 1 worker vs. ``lint_document`` on the same documents;
3. Dask (LocalCluster, 2 worker processes) results identical to the local engine's;
4. peak resident memory while streaming a synthetic N-document JSONL (default 1,000,000
   short documents, ``--stream-select`` rules) through 2 workers.

    python bench/audit_scale.py [--docs 400] [--stream-docs 1000000] [--skip-stream]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.audit import AuditSettings, DaskEngine, LocalEngine, run_audit  # noqa: E402
from linter.records import RecordOptions  # noqa: E402


def corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/*.txt"))]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return [t for t in texts if len(t) > 200]


def write_jsonl(path: Path, texts: list[str], n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            # vary every copy a little so near-duplicate detection has real work
            t = texts[i % len(texts)]
            fh.write(json.dumps({"id": i, "text": f"第{i}篇。" + t}, ensure_ascii=False) + "\n")


def timed_audit(src: Path, out: Path, engine, settings=AuditSettings()) -> float:
    t = time.perf_counter()
    run_audit([str(src)], out, settings, RecordOptions(id_field="id"), engine=engine, batch_size=16)
    return time.perf_counter() - t


def tables(report: Path):
    import pyarrow.parquet as pq

    return pq.read_table(report / "documents.parquet").to_pylist(), pq.read_table(report / "findings.parquet").to_pylist()


def lint_only(texts: list[str]) -> float:
    from linter.document import Document
    from linter.runner import lint_document, make_checks

    checks, selection = make_checks()
    from linter.runner import LintOptions

    opts = LintOptions(selection=selection)
    lint_document(Document(texts[0]), checks, opts)  # warm-up (dictionary, lexicons)
    t = time.perf_counter()
    for i, text in enumerate(texts):
        lint_document(Document(f"第{i}篇。" + text, path=str(i)), checks, opts)
    return time.perf_counter() - t


def stream_memory(n: int, select: str, tmp: Path) -> None:
    src = tmp / "million.jsonl"
    t = time.perf_counter()
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": f"第{i}条：借款人逾期{i % 90}天,银行会电话提醒还款。"},
                                ensure_ascii=False) + "\n")
    size = src.stat().st_size
    print(f"\n[4] streaming {n:,} documents ({size / 1e6:.0f} MB JSONL, written in {time.perf_counter() - t:.0f}s), "
          f"--select {select}, 2 workers")
    settings = AuditSettings(select=tuple(select.split(",")), list_worst=20)
    t = time.perf_counter()
    res = run_audit([str(src)], tmp / "stream-report", settings, RecordOptions(id_field="id"),
                    engine=LocalEngine(2), batch_size=256, shard_size=20000)
    dt = time.perf_counter() - t
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"    read {res.read:,}, processed {res.processed:,}, errors {res.errors} in {dt:.0f}s "
          f"({res.read / dt:,.0f} docs/s)")
    print(f"    peak RSS: main process {me:.0f} MB, largest worker {kids:.0f} MB "
          f"(target: < 1024 MB) -> {'OK' if max(me, kids) < 1024 else 'OVER'}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--stream-docs", type=int, default=1_000_000)
    ap.add_argument("--stream-select", default="punctuation,boilerplate")
    ap.add_argument("--skip-stream", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    args = ap.parse_args()
    texts = corpus_texts()
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = tmp / "docs.jsonl"
        write_jsonl(src, texts, args.docs)
        chars = sum(len(texts[i % len(texts)]) for i in range(args.docs))
        print(f"corpus: {args.docs} documents, {chars / 1e6:.2f} M characters (fixtures + seeds, each copy numbered)")
        timed_audit(src, tmp / "warm", LocalEngine(1))  # warm file caches and the jieba cache file
        t1 = timed_audit(src, tmp / "w1", LocalEngine(1))
        t2 = timed_audit(src, tmp / "w2", LocalEngine(2))
        print(f"\n[1] full rule set: 1 worker {args.docs / t1:.1f} docs/s, 2 workers {args.docs / t2:.1f} docs/s "
              f"-> speed-up {t1 / t2:.2f}x (target >= 1.7x)")
        tl = lint_only([texts[i % len(texts)] for i in range(args.docs)])
        print(f"\n[2] lint_document alone {args.docs / tl:.1f} docs/s vs audit (1 worker, incl. reading, "
              f"near-duplicate signatures and writing Parquet) {args.docs / t1:.1f} docs/s "
              f"-> audit overhead {100 * (t1 - tl) / tl:+.1f}% (target within 10%)")
        same = tables(tmp / "w1") == tables(tmp / "w2")
        print(f"    1-worker and 2-worker results identical: {same}")
        if not args.skip_dask:
            td = timed_audit(src, tmp / "dask", DaskEngine(None, 2))
            print(f"\n[3] Dask LocalCluster (2 processes): {args.docs / td:.1f} docs/s incl. cluster start-up; "
                  f"results identical to local: {tables(tmp / 'dask') == tables(tmp / 'w1')}")
        if not args.skip_stream:
            stream_memory(args.stream_docs, args.stream_select, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
