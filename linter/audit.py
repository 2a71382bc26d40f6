"""Bulk audits: stream records through the checks on a process pool or a Dask
cluster, write per-shard results, then merge them into a report directory.

Layout of ``--report DIR``::

    shards/part-00000.{documents,findings}.parquet  + part-00000.done.json
    documents.parquet   one row per document (counts per rule, scores, verdict)
    findings.parquet    one row per finding (findings.jsonl with --jsonl)
    summary.json        totals; processed + errors == read
    report.html         charts and the worst documents, highlighted

A shard is written atomically and marked done; ``--resume`` skips done shards.
Results are identical whichever engine runs them: batches are processed by
the same pure function and written back in input order.
"""
from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .check import SEVERITY_RANK
from .records import Record, RecordOptions, iter_records
from .sources import InputError

DOC_TEXT_LIMIT = 20_000  # characters of a listed document kept for the HTML report


@dataclass(frozen=True)
class Thresholds:
    """Verdicts: reject below ``reject_below`` or above the density limits; keep at ``keep_from`` and above."""

    keep_from: float = 80.0
    reject_below: float = 40.0
    max_stuffing_density: float = 0.10
    max_boilerplate_share: float = 0.30


@dataclass(frozen=True)
class AuditSettings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    thresholds: Thresholds = Thresholds()
    near_duplicate: bool = True
    cross_document: bool = True  # lines repeated across a source's documents are chrome
    list_worst: int = 50


# -- per-document analysis (runs in workers) ---------------------------------------
_STATE: dict[str, Any] = {}
_WARM_UP_TEXT = ("信用卡逾期后会上门催收吗?根据《中华人民共和国民法典》第六百七十四条,借款人应当按照约定的期限支付利息。\n"
                 "首页 > 正文 日期:2025-01-01\n据统计,超过30%的借款人会通过电话与银行协商还款。\n"
                 # a mangled law title: legal-citation builds its typo index now, before the fork
                 "《人民民法典》规定：“借款人应当按照约定的期限支付利息。”银行和借款人可以协商分期还款的方案，"
                 "借款人应当如实说明自己的收入和负债情况，银行会根据具体情况给出答复。")


def _engine(settings: AuditSettings):
    """Checks for ``settings``, built once per worker process and reused."""
    key = repr(settings)
    if _STATE.get("key") != key:
        from checks.near_duplicate import NearDuplicate

        from .registry import Selection, load_registry
        from .runner import LintOptions
        from . import segment

        reg = load_registry()
        selection = Selection(settings.select, settings.ignore)
        checks = [c(**settings.check_options.get(c.id, {})) for c in reg.checks.values()
                  if c.scope == "document" and selection.check_enabled(c)]
        nd = None
        if settings.near_duplicate and selection.enabled(NearDuplicate.id):
            nd = NearDuplicate(**settings.check_options.get(NearDuplicate.id, {}))
        # The bulk segmenter (rjieba) now: an audit is never a small workload.  jieba's own
        # dictionary (~60 MB) is not loaded: with rjieba the word statistics read a compact copy.
        segment.warm()
        options = LintOptions(selection=selection, severity=settings.severity, suppressions=True)
        # Checks load their data lazily on first use: lint a sample now, so that forked
        # workers inherit it all instead of each loading its own copy.
        from .document import Document
        from .runner import lint_document

        lint_document(Document(_WARM_UP_TEXT), checks, options)
        if nd is not None:
            nd.band_hashes(_WARM_UP_TEXT)  # numpy, imported for the signatures, shared too
        # A cold user cache makes the checks' derivations load jieba's dictionary (~60 MB, +86 MB
        # of RSS at the fork): the tables are built now, so it is dropped before workers inherit it.
        segment.release_dictionary()
        _STATE.update(key=key, checks=checks, nd=nd, options=options)
    return _STATE["checks"], _STATE["options"], _STATE["nd"]


def quality(doc_len: int, findings: Sequence[dict], th: Thresholds) -> tuple[dict[str, float], float, str]:
    """Densities, a 0–100 quality score and a verdict for one document."""
    n = max(doc_len, 1)
    stuffing = max((f["data"].get("density", 0.0) for f in findings if f["rule"] == "keyword-stuffing"), default=0.0)
    spun = max((f["data"].get("share", 0.0) for f in findings if f["rule"] == "spun-text/score"), default=0.0)
    boiler = min(1.0, sum(f["end"] - f["start"] for f in findings if f["rule"].startswith("boilerplate")) / n)
    weights = {"error": 3.0, "warning": 1.0, "info": 0.25}
    per_k = sum(weights.get(f["severity"], 1.0) for f in findings
                if not f["rule"].startswith(("keyword-stuffing/occurrence", "internal-error"))) * 1000 / n
    score = 100.0 - min(60.0, per_k * 6.0) - min(25.0, stuffing * 250) - min(15.0, boiler * 50) - min(15.0, spun * 100)
    score = round(max(0.0, score), 2)
    if score < th.reject_below or stuffing > th.max_stuffing_density or boiler > th.max_boilerplate_share:
        verdict = "reject"
    elif score < th.keep_from or any(f["severity"] == "error" for f in findings):
        verdict = "fix"
    else:
        verdict = "keep"
    return {"stuffing_density": round(stuffing, 4), "spun_share": round(spun, 4),
            "boilerplate_share": round(boiler, 4)}, score, verdict


def analyse_batch(batch: list[tuple[str, str, str, dict]], settings: AuditSettings) -> list[dict]:
    """Lint a batch of (id, text, source, meta) → one result dict per record.  Pure: same input, same output."""
    from .chrome_lines import candidate_lines
    from .document import Document
    from .runner import lint_document

    checks, options, nd = _engine(settings)
    out = []
    for rid, text, source, meta in batch:
        row: dict[str, Any] = {"id": rid, "source": source, "chars": len(text), "error": None}
        try:
            doc = Document(text, path=rid, meta=meta)
            found = lint_document(doc, checks, options)
            findings = [dict(f.to_dict("zh"), data=_plain(f.data), message_en=f.message.en) for f in found]
            evidence = page_evidence(checks, doc, found)
            bands = nd.band_hashes(text) if nd else None
            lines = list(candidate_lines(doc)) if settings.cross_document else []
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop an audit
            findings, bands, lines, evidence = [], None, [], {}
            row["error"] = f"{type(exc).__name__}: {exc}"
        internal = [f for f in findings if f["rule"] == "internal-error"]
        if internal and row["error"] is None:
            row["error"] = internal[0]["message_en"]
        scores, score, verdict = quality(len(text), findings, settings.thresholds)
        row.update(scores, quality_score=score, verdict=verdict if row["error"] is None else "error")
        out.append({"row": row, "findings": findings, "bands": bands, "evidence": evidence,
                    "lines": [list(x[:5]) for x in lines], "line_texts": {x[0]: x[5] for x in lines},
                    "text": text[:DOC_TEXT_LIMIT] if verdict != "keep" else None})
    return out


def page_evidence(checks, doc, found) -> dict[str, Any]:
    """Each check's summary of this page for its source's report (``Check.page_evidence``); a
    check whose summary fails contributes none (its findings stand)."""
    out: dict[str, Any] = {}
    for c in checks:
        if not c.reports_on_sources():
            continue
        try:
            ev = c.page_evidence(doc, found)
        except Exception:  # noqa: BLE001 - a plugin's summary must not stop the audit
            continue
        if ev is not None:
            out[c.id] = ev
    return out


def _plain(data: dict) -> dict:
    return {k: v for k, v in data.items() if isinstance(v, (int, float, str, bool))}


# -- engines --------------------------------------------------------------------------
class LocalEngine:
    """In-process for one worker; a process pool otherwise.  At most
    ``2 × workers`` batches are in flight, so memory stays bounded."""

    def __init__(self, workers: int, settings: "AuditSettings | None" = None) -> None:
        self.workers = max(1, workers)
        self.settings = settings
        self._pool = None

    def __enter__(self):
        if self.workers > 1:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            if hasattr(os, "fork"):
                # Load the checks and their data once, here, and fork: every worker starts
                # warm and shares those pages instead of loading its own.
                if self.settings is not None:
                    _prewarm_cache(self.settings)
                    _engine(self.settings)
                ctx = mp.get_context("fork")
            else:  # pragma: no cover - Windows/macOS spawn: each worker loads once
                ctx = mp.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
            if ctx.get_start_method() == "fork":
                # Fork every worker now, before the parent imports what only it needs (pyarrow
                # for the Parquet shards: ~50 MB a worker would otherwise map), with the warm
                # data moved out of the cyclic GC's reach: a collection in a worker then never
                # writes to (and so copies) the pages of objects it inherited.
                import gc

                gc.collect()
                gc.freeze()
                try:
                    self._pool.submit(int).result()  # with fork, the first submit starts them all
                finally:
                    gc.unfreeze()
        return self

    def __exit__(self, *exc):
        if self._pool:
            self._pool.shutdown(cancel_futures=True)

    @property
    def window(self) -> int:
        return 2 * self.workers

    def submit(self, batch, settings):
        if self._pool is None:
            return _Done(analyse_batch(batch, settings))
        return self._pool.submit(analyse_batch, batch, settings)


def _prewarm_cache(settings: AuditSettings) -> None:
    """Build the checks' user-cache derivations in a throwaway child process when this data and
    these settings have not been warmed up before: a cold cache makes the warm-up build them in
    the parent (loading jieba's dictionary and leaving ~86 MB of temporaries behind), and every
    worker would inherit that.  Done once per data fingerprint and settings (a marker file)."""
    import hashlib
    import multiprocessing as mp

    from .resources import data_fingerprint, user_cache_dir

    key = hashlib.sha256(f"{data_fingerprint()}\0{settings!r}".encode("utf-8", "surrogatepass")).hexdigest()[:20]
    marker = user_cache_dir() / "derived" / f"audit-warm-{key}"
    if marker.exists():
        return
    child = mp.get_context("fork").Process(target=_prewarm_child, args=(settings, str(marker)))
    child.start()
    child.join()


def _prewarm_child(settings: AuditSettings, marker: str) -> None:
    _engine(settings)
    try:
        Path(marker).parent.mkdir(parents=True, exist_ok=True)
        Path(marker).touch()
    except OSError:  # a read-only cache: the parent warms up as before
        pass


class DaskEngine:
    """Batches as Dask tasks: ``--scheduler tcp://HOST:PORT``, or a LocalCluster."""

    def __init__(self, scheduler: str | None, workers: int) -> None:
        self.scheduler, self.workers = scheduler, max(1, workers)
        self.client = self.cluster = None

    def __enter__(self):
        from dask.distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, host="127.0.0.1")
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc):
        if self.client:
            self.client.close()
        if self.cluster:
            self.cluster.close()

    @property
    def window(self) -> int:
        n = len(self.client.scheduler_info().get("workers", {})) or self.workers
        return 2 * n

    def submit(self, batch, settings):
        return self.client.submit(analyse_batch, batch, settings, pure=False)


class _Done:
    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


# -- the audit ------------------------------------------------------------------------
@dataclass
class AuditResult:
    read: int = 0
    processed: int = 0
    errors: int = 0
    skipped_shards: int = 0
    seconds: float = 0.0
    report_dir: Path | None = None


def _batches(records: Iterator[Record | InputError], size: int) -> Iterator[list[Record | InputError]]:
    batch: list[Record | InputError] = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_audit(inputs: Sequence[str], report_dir: Path, settings: AuditSettings, record_opts: RecordOptions,
              engine=None, batch_size: int = 32, shard_size: int = 2000, resume: bool = False,
              jsonl: bool = False, progress: Callable[[int, int, float], None] | None = None) -> AuditResult:
    """Audit ``inputs`` into ``report_dir``.  Shards of ``shard_size`` records are the unit of resumption."""
    report_dir.mkdir(parents=True, exist_ok=True)
    shards = report_dir / "shards"
    shards.mkdir(exist_ok=True)
    if not resume:
        for old in shards.iterdir():
            old.unlink()
    engine = engine or LocalEngine(1)
    if isinstance(engine, LocalEngine) and engine.settings is None:
        engine.settings = settings
    res = AuditResult(report_dir=report_dir)
    t0 = time.perf_counter()
    records = iter_records(inputs, record_opts)
    shard_no = 0
    with engine:
        from .audit_report import ShardWriter, finalize  # pyarrow: after the workers are forked

        while True:
            chunk = _take(records, shard_size)
            if not chunk:
                break
            res.read += len(chunk)
            done_marker = shards / f"part-{shard_no:05d}.done.json"
            if resume and done_marker.exists():
                res.skipped_shards += 1
            else:
                writer = ShardWriter(shards, shard_no, jsonl=jsonl, list_worst=settings.list_worst)
                for batch_results in _run_shard(chunk, engine, settings, batch_size):
                    writer.add(batch_results)
                writer.close(done_marker)
            shard_no += 1
            if progress:
                progress(res.read, shard_no, time.perf_counter() - t0)
    stats = finalize(report_dir, settings, jsonl=jsonl)
    res.processed, res.errors = stats["processed"], stats["errors"]
    res.seconds = time.perf_counter() - t0
    return res


def _take(it: Iterator, n: int) -> list:
    out = []
    for item in it:
        out.append(item)
        if len(out) >= n:
            break
    return out


def _run_shard(chunk: list[Record | InputError], engine, settings: AuditSettings,
               batch_size: int) -> Iterator[list[dict]]:
    """Submit the shard's batches with a bounded window; yield results in input order."""
    pending: deque = deque()
    for batch in _batches(iter(chunk), batch_size):
        payload = [(r.id, r.text, r.source, r.meta) for r in batch if isinstance(r, Record)]
        errors = [r for r in batch if isinstance(r, InputError)]
        fut = engine.submit(payload, settings) if payload else _Done([])
        pending.append((batch, errors, fut))
        while len(pending) >= engine.window:
            yield _merge(*pending.popleft())
    while pending:
        yield _merge(*pending.popleft())


def _merge(batch, errors, fut) -> list[dict]:
    """Results of a batch, with input errors put back in their input positions."""
    results = iter(fut.result())
    out = []
    for r in batch:
        if isinstance(r, InputError):
            out.append({"row": {"id": r.path, "source": "", "chars": 0, "error": r.reason_en,
                                "stuffing_density": 0.0, "spun_share": 0.0, "boilerplate_share": 0.0,
                                "quality_score": 0.0, "verdict": "error"},
                        "findings": [], "bands": None, "lines": [], "line_texts": {}, "text": None})
        else:
            out.append(next(results))
    return out


def severity_at_least(findings: Iterable[dict], level: str) -> bool:
    return any(SEVERITY_RANK.get(f["severity"], 0) >= SEVERITY_RANK[level] for f in findings)
