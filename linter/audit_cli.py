"""``wenlint audit``: bulk audits for data teams."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .registry import Selection, load_registry, warn_load_errors


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for val in values for v in val.split(",") if v.strip())


class _Progress:
    """A tqdm bar (documents/s, ETA unknown for streams) on a TTY, plain lines every
    ``every`` seconds otherwise, nothing with --quiet."""

    def __init__(self, mode: str) -> None:
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "lines"
        self.mode = mode
        self.bar = None
        self.last = 0.0
        self.seen = 0
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", desc="wenlint audit", file=sys.stderr, dynamic_ncols=True)

    def __call__(self, read: int, shards: int, elapsed: float) -> None:
        if self.bar is not None:
            self.bar.update(read - self.seen)
        elif self.mode == "lines" and (elapsed - self.last >= 10 or read - self.seen >= 10_000):
            rate = read / elapsed if elapsed else 0.0
            click.echo(f"wenlint audit: {read} documents, {rate:.1f} docs/s, {elapsed:.0f}s", err=True)
            self.last = elapsed
        self.seen = read

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--report", "report_dir", required=True, type=click.Path(file_okay=False), help="Report folder.")
@click.option("--text-field", default="text", show_default=True, help="JSONL/Parquet field holding the text.")
@click.option("--id-field", default=None, help="JSONL/Parquet field holding a document id.")
@click.option("--source-field", default=None, help="Field grouping documents by source (url, site …).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: CPU count).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address tcp://HOST:PORT (default: a LocalCluster).")
@click.option("--select", multiple=True, help="Rule ids or prefixes to enable.")
@click.option("--ignore", multiple=True, help="Rule ids or prefixes to disable.")
@click.option("--jsonl", "write_jsonl", is_flag=True, help="Also write findings.jsonl.")
@click.option("--resume", is_flag=True, help="Keep finished shards of an interrupted audit and do the rest.")
@click.option("--shard-size", type=int, default=2000, show_default=True, help="Documents per shard.")
@click.option("--batch-size", type=int, default=32, show_default=True, help="Documents per task.")
@click.option("--keep-from", type=float, default=None, help="Quality score from which a document is kept (80).")
@click.option("--reject-below", type=float, default=None, help="Quality score below which it is rejected (40).")
@click.option("--list-worst", type=int, default=50, show_default=True, help="Documents shown in report.html.")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "none"]), default="auto", show_default=True)
def audit(inputs, report_dir, text_field, id_field, source_field, workers, engine, scheduler, select, ignore,
          write_jsonl, resume, shard_size, batch_size, keep_from, reject_below, list_worst, progress) -> None:
    """Audit many documents (folders, globs, JSONL[.gz], Parquet, fsspec URLs) into a report folder."""
    from .audit import AuditSettings, DaskEngine, LocalEngine, Thresholds, run_audit
    from .config import ConfigError, config_for
    from .records import RecordOptions

    reg = load_registry()
    warn_load_errors(reg)
    try:
        cfg = config_for(None)
    except ConfigError as exc:
        click.echo(f"wenlint: config error: {exc}", err=True)
        sys.exit(2)
    sel, ign = _split(select), _split(ignore)
    unknown = Selection(sel, ign).unknown(reg)
    if unknown:
        raise click.UsageError(f"unknown rule id(s): {', '.join(unknown)}")
    selection = cfg.selection(sel, ign)
    th_cfg = {k.replace("-", "_"): v for k, v in cfg.audit.items()}
    unknown_th = set(th_cfg) - set(Thresholds.__dataclass_fields__)
    if unknown_th:
        click.echo(f"wenlint: config error: [audit] unknown key(s) {', '.join(sorted(unknown_th))}", err=True)
        sys.exit(2)
    th = Thresholds(**th_cfg)
    if keep_from is not None or reject_below is not None:
        th = Thresholds(keep_from=th.keep_from if keep_from is None else keep_from,
                        reject_below=th.reject_below if reject_below is None else reject_below,
                        max_stuffing_density=th.max_stuffing_density, max_boilerplate_share=th.max_boilerplate_share)
    settings = AuditSettings(select=selection.select, ignore=selection.ignore, check_options=cfg.check_options,
                             severity=cfg.severity, thresholds=th, list_worst=list_worst)
    n = workers or os.cpu_count() or 1
    eng = DaskEngine(scheduler, n) if engine == "dask" else LocalEngine(n)
    bar = _Progress(progress) if progress != "none" else None
    try:
        res = run_audit(inputs, Path(report_dir), settings,
                        RecordOptions(text_field=text_field, id_field=id_field, source_field=source_field),
                        engine=eng, batch_size=batch_size, shard_size=shard_size, resume=resume,
                        jsonl=write_jsonl, progress=bar)
    except KeyboardInterrupt:
        click.echo("wenlint audit: interrupted; finished shards are kept — rerun with --resume", err=True)
        sys.exit(130)
    finally:
        if bar:
            bar.close()
    summary = json.loads((Path(report_dir) / "summary.json").read_text(encoding="utf-8"))
    rate = res.read / res.seconds if res.seconds else 0.0
    click.echo(f"read {res.read}, processed {res.processed}, errors {res.errors}"
               f"{f', reused shards {res.skipped_shards}' if res.skipped_shards else ''} "
               f"in {res.seconds:.1f}s ({rate:.1f} docs/s); verdicts {summary['verdicts']}; "
               f"report: {Path(report_dir) / 'report.html'}", err=True)
    sys.exit(2 if res.errors else 0)
