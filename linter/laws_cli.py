"""``wenlint laws``: manage the law texts used to verify quotations.

``wenlint laws import DIR`` indexes either

* a directory of article files in the reference JSON layout (``<name>.json`` with
  ``name``, ``version``, ``status`` and an ``articles`` map of article number → text), or
* a checkout of the public LawRefBook/Laws repository (one Markdown file per law and
  version: ``# <title>`` H1, history lines up to ``<!-- INFO END -->``, then lines
  starting ``第<Chinese numeral>条``; versions in the file name as ``(YYYY-MM-DD)``)

into the user cache (:func:`linter.laws.cache_dir`), which later runs of
``legal-citation`` find by themselves.  ``wenlint laws path`` shows where it is.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import shutil
from pathlib import Path

import click

from .laws import PRC, cache_dir, normalize_name, parse_number

ARTICLE_RE = re.compile(r"^\s*第\s?([零〇一二两三四五六七八九十百千0-9]{1,8})\s?条(之[一二三四五六七八九十]{1,3})?(?:\s+|　|$)(.*)$")
VERSION_RE = re.compile(r"[（(](\d{4}-\d{2}-\d{2})[)）]\s*$")
SKIP_DIRS = {"DLC", "案例", ".git", "scripts", "__pycache__", "node_modules"}


def _short(name: str) -> str:
    return name[len(PRC):] if name.startswith(PRC) and len(name) > len(PRC) else name


def _safe_file(stem: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", stem)[:150]


def parse_markdown(text: str) -> tuple[str | None, dict[str, str]]:
    """A LawRefBook Markdown file → (title, {article key: text})."""
    title = None
    articles: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        if title is None and line.startswith("# "):
            title = line[2:].strip()
        if line.strip() == "<!-- INFO END -->":
            body_start = i + 1
            break
    current: str | None = None
    buf: list[str] = []

    def flush() -> None:
        if current is not None:
            body = "\n".join(s for s in buf if s.strip())
            if body and current not in articles:
                articles[current] = body

    for line in lines[body_start:]:
        if line.startswith("#"):
            if title is None and line.startswith("# "):
                title = line[2:].strip()
            flush()
            current, buf = None, []
            continue
        m = ARTICLE_RE.match(line)
        if m:
            n = parse_number(m.group(1))
            if n is not None:
                flush()
                current = f"{n}{m.group(2) or ''}"
                buf = [m.group(3).strip()]
                continue
        if current is not None:
            buf.append(line.strip())
    flush()
    return title, articles


def _import_markdown(src: Path, out: Path) -> dict[str, list[dict]]:
    docs: dict[tuple[str, str | None], dict[str, str]] = {}
    for p in sorted(src.rglob("*.md")):
        rel = p.relative_to(src)
        if any(part in SKIP_DIRS for part in rel.parts[:-1]) or p.name.lower() in ("readme.md", "changelog.md"):
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        title, arts = parse_markdown(text)
        if not arts:
            continue
        if "民法典" in rel.parts[:-1]:  # the code is split into one file per 编
            title = PRC + "民法典"
        if not title:
            continue
        name = normalize_name(title)
        vm = VERSION_RE.search(p.stem)
        version = vm.group(1) if vm else None
        docs.setdefault((name, version), {}).update({k: v for k, v in arts.items()})
    index: dict[str, list[dict]] = {}
    by_name: dict[str, list[str | None]] = {}
    for name, version in docs:
        by_name.setdefault(name, []).append(version)
    for name, versions in by_name.items():
        versions.sort(key=lambda v: v or "", reverse=True)
        for i, version in enumerate(versions):
            stem = _short(name) if i == 0 else f"{_short(name)}@{version or 'undated'}"
            fname = _safe_file(stem) + ".json"
            arts = docs[(name, version)]
            record = {"name": name, "short_name": _short(name), "version": version,
                      "status": "现行有效" if i == 0 else "已修改", "article_count": len(arts), "articles": arts}
            (out / fname).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            index.setdefault(name, []).append({"file": fname, "version": version, "status": record["status"]})
    return index


def _import_json(src: Path, out: Path) -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for p in sorted(src.glob("*.json")):
        if p.name == "index.json":
            continue
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if not isinstance(d, dict) or not isinstance(d.get("articles"), dict) or not d.get("name"):
            continue
        shutil.copyfile(p, out / p.name)
        index.setdefault(normalize_name(d["name"]), []).append(
            {"file": p.name, "version": d.get("version"), "status": d.get("status")})
    return index


def detect_layout(src: Path) -> str | None:
    """``json``, ``markdown`` or None."""
    for p in src.glob("*.json"):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if isinstance(d, dict) and isinstance(d.get("articles"), dict):
            return "json"
    for p in src.rglob("*.md"):
        try:
            head = p.read_text(encoding="utf-8")[:4000]
        except (OSError, UnicodeDecodeError):
            continue
        if "<!-- INFO END -->" in head or re.search(r"^第[零一二三四五六七八九十百千]{1,8}条", head, re.M):
            return "markdown"
    return None


def import_laws(src: Path, dest: Path | None = None) -> tuple[str, int, Path]:
    """Index ``src`` into ``dest`` (default: the user cache).  Returns (layout, laws, articles dir)."""
    src = Path(src)
    layout = detect_layout(src)
    if layout is None:
        raise click.UsageError(f"{src}: neither article JSON files nor LawRefBook Markdown found")
    root = Path(dest) if dest else cache_dir()
    out = root / "articles"
    tmp = root / "articles.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    index = _import_json(src, tmp) if layout == "json" else _import_markdown(src, tmp)
    meta = {"source": str(src.resolve()), "layout": layout, "imported": _dt.datetime.now().isoformat(timespec="seconds"),
            "laws": index}
    (tmp / "index.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return layout, len(index), out


@click.group("laws")
def laws() -> None:
    """Law texts for quotation checking (kept in a user cache)."""


@laws.command("import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="cache directory to fill (default: the user cache, see `wenlint laws path`)")
def import_cmd(directory: Path, dest: Path | None) -> None:
    """Index DIRECTORY (article JSON files, or a LawRefBook/Laws checkout) into the cache."""
    layout, n, out = import_laws(directory, dest)
    click.echo(f"imported {n} laws ({layout}) into {out}")


@laws.command("path")
def path_cmd() -> None:
    """Print the cache directory that holds imported law texts."""
    out = cache_dir() / "articles"
    state = "present" if (out / "index.json").is_file() else "empty"
    click.echo(f"{out} ({state})")
