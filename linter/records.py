"""Audit inputs as a stream of records: folders/globs of .txt/.md/.html,
JSONL (optionally gzip-compressed), Parquet, and fsspec URLs (s3://… when the
user has that filesystem installed).  Nothing is read whole: memory stays
bounded whatever the input size.

A record that cannot be used (broken JSON line, missing text field, unreadable
file) is yielded as an :class:`InputError` naming the input and the reason.
"""
from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable, Iterator

from .sources import InputError, decode_bytes, iter_paths, read_source

RECORD_SUFFIXES = {".jsonl", ".ndjson", ".parquet", ".gz"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}


@dataclass
class Record:
    id: str  # path, or path#id / path#line for records in a JSONL/Parquet file
    text: str
    source: str = ""  # site/url grouping for per-source statistics
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordOptions:
    text_field: str = "text"
    id_field: str | None = None
    source_field: str | None = None
    max_file_size: int = 64 * 1024 * 1024


# -- HTML → visible text -------------------------------------------------------------
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt"}
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of a page, one block per line (offsets refer to this text)."""
    p = _Visible()
    try:
        p.feed(html)
        p.close()
    except Exception:  # noqa: BLE001 - malformed markup: keep what was parsed
        pass
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    out = [line for line in lines if line]
    return "\n".join(out) + ("\n" if out else "")


# -- readers ---------------------------------------------------------------------------
def _is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _open_binary(path: str):
    if _is_url(path):
        import fsspec  # optional: only for URLs

        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz", ".json.gz")):
        return "jsonl.gz"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".html", ".htm")):
        return "html"
    return "text"


def _field(obj: dict, dotted: str) -> Any:
    cur: Any = obj
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _from_mapping(obj: dict, where: str, fallback_id: str, opts: RecordOptions) -> Record | InputError:
    text = _field(obj, opts.text_field)
    if not isinstance(text, str):
        why = "缺少" if text is None else "不是字符串："
        return InputError(where, f"{why}文本字段 “{opts.text_field}”", f"no string field {opts.text_field!r}")
    rid = _field(obj, opts.id_field) if opts.id_field else None
    src = _field(obj, opts.source_field) if opts.source_field else None
    meta = {k: v for k, v in obj.items() if k != opts.text_field and isinstance(v, (str, int, float))}
    return Record(id=f"{where.split('#')[0]}#{rid if rid is not None else fallback_id}", text=text,
                  source=str(src) if src is not None else "", meta=meta)


def _iter_jsonl(path: str, gz: bool, opts: RecordOptions) -> Iterator[Record | InputError]:
    try:
        raw = _open_binary(path)
    except OSError as exc:
        yield InputError(path, f"无法打开：{exc.strerror or exc}", f"cannot open: {exc.strerror or exc}")
        return
    with raw:
        stream = gzip.open(raw) if gz else raw
        n = 0
        try:
            for n, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                where = f"{path}#{n}"
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield InputError(where, f"第 {n} 行不是合法的 JSON：{exc}", f"line {n} is not valid JSON: {exc}")
                    continue
                if not isinstance(obj, dict):
                    yield InputError(where, f"第 {n} 行不是 JSON 对象", f"line {n} is not a JSON object")
                    continue
                yield _from_mapping(obj, where, str(n), opts)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield InputError(f"{path}#{n + 1}", f"读取中断：{exc}", f"read failed: {exc}")


def _iter_parquet(path: str, opts: RecordOptions) -> Iterator[Record | InputError]:
    try:
        import pyarrow.parquet as pq

        f = pq.ParquetFile(_open_binary(path))
    except Exception as exc:  # noqa: BLE001
        yield InputError(path, f"无法读取 Parquet：{exc}", f"cannot read Parquet: {exc}")
        return
    names = f.schema_arrow.names
    if opts.text_field.split(".")[0] not in names:
        yield InputError(path, f"Parquet 文件没有文本列 “{opts.text_field}”（现有列：{', '.join(names)}）",
                         f"Parquet file has no text column {opts.text_field!r} (columns: {', '.join(names)})")
        return
    row = 0
    for batch in f.iter_batches(batch_size=1024):
        for obj in batch.to_pylist():
            row += 1
            yield _from_mapping(obj, f"{path}#{row}", str(row), opts)


def _iter_file(path: str, opts: RecordOptions) -> Iterator[Record | InputError]:
    kind = _kind(path)
    if kind in ("jsonl", "jsonl.gz"):
        yield from _iter_jsonl(path, kind == "jsonl.gz", opts)
        return
    if kind == "parquet":
        yield from _iter_parquet(path, opts)
        return
    if _is_url(path):
        try:
            with _open_binary(path) as fh:
                text, _enc = decode_bytes(fh.read(opts.max_file_size + 1)[:opts.max_file_size])
        except Exception as exc:  # noqa: BLE001
            yield InputError(path, f"无法读取：{exc}", f"cannot read: {exc}")
            return
    else:
        src = read_source(path, max_size=opts.max_file_size)
        if isinstance(src, InputError):
            yield src
            return
        text = src.text
    if kind == "html":
        text = html_to_text(text)
    yield Record(id=path, text=text, source=str(Path(path).parent) if not _is_url(path) else path.rsplit("/", 1)[0])


def iter_records(inputs: Iterable[str], opts: RecordOptions = RecordOptions()) -> Iterator[Record | InputError]:
    """Every record of every input, in a stable order."""
    local, urls = [], []
    for item in inputs:
        (urls if _is_url(item) else local).append(item)
    suffixes = TEXT_SUFFIXES | RECORD_SUFFIXES
    for path in iter_paths(local, suffixes=suffixes):
        if isinstance(path, InputError):
            yield path
        elif path == "-":
            data = io.TextIOWrapper(__import__("sys").stdin.buffer, encoding="utf-8", errors="replace").read()
            yield Record(id="-", text=data)
        else:
            yield from _iter_file(path, opts)
    for url in urls:
        if any(ch in url for ch in "*?["):
            try:
                import fsspec

                fs, _, paths = fsspec.get_fs_token_paths(url)
                expanded = [fs.unstrip_protocol(p) for p in sorted(paths)]
            except Exception as exc:  # noqa: BLE001
                yield InputError(url, f"无法展开：{exc}", f"cannot expand: {exc}")
                continue
        else:
            expanded = [url]
        for u in expanded:
            yield from _iter_file(u, opts)
