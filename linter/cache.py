"""The result cache: an unchanged file is not linted again (as ruff does).

An entry is keyed by

* the file's decoded content and encoding (sha256),
* the path it is reported under (per-file-ignores and the ``path`` field depend on it),
* the effective configuration (``Config.cache_key()`` plus the command line's
  ``--select``/``--ignore``),
* the wenlint version, jieba's version and the installed checks: each entry
  point's name, target and distribution version, plus the size and mtime of
  the source and data files of wenlint itself and of every plugin module — so
  editing a check in an editable install invalidates the cache too.

Entries live under ``.wenlint_cache/`` at the project root (the folder of the
config file in force, else the current folder), one small JSON file each,
written atomically.  The folder carries a ``.gitignore`` and a ``CACHEDIR.TAG``.
A corrupt or unreadable entry is a miss, never an error.  Reading an entry
never loads jieba or the checks' data.

Entries of an old wenlint, config or file version are never read again, so the
cache prunes itself: a hit refreshes the entry's mtime, and at most once a day
(``.last-prune`` marker) a run that writes entries deletes those unused for
``MAX_AGE_DAYS``.  ``wenlint clean`` removes the whole folder.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from .check import Finding, Fix, Message

CACHE_DIR_NAME = ".wenlint_cache"
FORMAT = "1"
MAX_AGE_DAYS = 30  # an entry unused this long is deleted by the daily prune
PRUNE_EVERY = 86_400  # seconds between prunes
PRUNE_MARKER = ".last-prune"
_SKIP_DIRS = {"__pycache__", ".git", ".pytest_cache", ".hypothesis"}


def _stat_tree(root: Path, into: "hashlib._Hash") -> None:
    """Fold (relative path, size, mtime) of every file under ``root`` into ``into``."""
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.name in _SKIP_DIRS:
                continue
            try:
                if e.is_dir():
                    stack.append(Path(e.path))
                    continue
                st = e.stat()
            except OSError:
                continue
            into.update(f"{os.path.relpath(e.path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """What must not change for a cached result to stay valid: versions and code."""
    from importlib import metadata
    from importlib.util import find_spec

    from . import __version__
    from .registry import ENTRY_POINT_GROUP

    h = hashlib.sha256(f"wenlint {__version__} cache {FORMAT}\n".encode())
    try:
        h.update(f"jieba {metadata.version('jieba')}\n".encode())
    except metadata.PackageNotFoundError:
        pass
    roots: set[Path] = {Path(__file__).resolve().parent}
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = getattr(ep, "dist", None)
        h.update(f"{ep.name}={ep.value} {dist.name if dist else ''} {dist.version if dist else ''}\n".encode())
        top = ep.value.split(":", 1)[0].split(".", 1)[0]
        try:
            spec = find_spec(top)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin and spec.origin not in ("built-in", "frozen"):
            origin = Path(spec.origin).resolve()
            roots.add(origin.parent if origin.name == "__init__.py" else origin)
    for root in sorted(roots):
        if root.is_dir():
            _stat_tree(root, h)
        else:
            try:
                st = root.stat()
                h.update(f"{root}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            except OSError:
                pass
    return h.hexdigest()


def settings_key(config_key: str, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> str:
    """Digest of the effective settings for one config + command line."""
    raw = json.dumps([engine_fingerprint(), config_key, list(select), list(ignore)], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def content_key(settings: str, path: str, text: str, encoding: str) -> str:
    h = hashlib.sha256()
    for part in (settings, path, encoding):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# -- (de)serialising findings ------------------------------------------------
def finding_to_record(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule, "start": f.start, "end": f.end, "zh": f.message.zh, "en": f.message.en,
        "severity": f.severity, "fix": f.fix.to_dict() if f.fix else None, "confidence": f.confidence,
        "data": f.data, "pos": [f.line, f.column, f.end_line, f.end_column],
    }


def finding_from_record(r: dict[str, Any], path: str) -> Finding:
    fix = r.get("fix")
    line, col, eline, ecol = r["pos"]
    return Finding(rule=r["rule"], start=r["start"], end=r["end"], message=Message(zh=r["zh"], en=r["en"]),
                   severity=r["severity"], fix=Fix(fix["start"], fix["end"], fix["replacement"]) if fix else None,
                   confidence=r["confidence"], data=r.get("data") or {}, path=path, line=line, column=col,
                   end_line=eline, end_column=ecol)


class Cache:
    """Finding lists by content key, stored under ``root/.wenlint_cache``."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.dir = Path(root) / CACHE_DIR_NAME / f"v{FORMAT}"
        self.hits = 0
        self.misses = 0
        self._ready = False

    def _file(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> list[Finding] | None:
        entry = self._file(key)
        try:
            with open(entry, "rb") as fh:
                records = json.loads(fh.read())
            found = [finding_from_record(r, path) for r in records]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        try:
            os.utime(entry)  # still in use: the prune keeps it
        except OSError:
            pass
        return found

    def _prepare(self) -> None:
        if self._ready:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        top = self.dir.parent
        for name, body in ((".gitignore", "# Automatically created by wenlint.\n*\n"),
                           ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                                            "# This file is a cache directory tag created by wenlint.\n")):
            p = top / name
            if not p.exists():
                try:
                    p.write_text(body, encoding="utf-8")
                except OSError:
                    pass
        self._ready = True
        self.prune()

    def prune(self, now: float | None = None, max_age_days: float = MAX_AGE_DAYS, force: bool = False) -> int:
        """Delete entries unused for ``max_age_days``; runs at most once per ``PRUNE_EVERY``
        seconds unless ``force``.  Returns how many entries were deleted.  Errors are ignored:
        a cache that cannot be pruned is still a valid cache."""
        now = time.time() if now is None else now
        marker = self.dir / PRUNE_MARKER
        try:
            if not force and now - marker.stat().st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass  # no marker yet: prune now
        try:
            marker.touch()
            os.utime(marker, (now, now))
        except OSError:
            return 0
        cutoff = now - max_age_days * 86_400
        deleted = 0
        try:
            shards = [e for e in os.scandir(self.dir) if e.is_dir()]
        except OSError:
            return 0
        for shard in shards:
            try:
                entries = list(os.scandir(shard.path))
            except OSError:
                continue
            for e in entries:
                try:
                    if e.stat().st_mtime < cutoff:
                        os.unlink(e.path)
                        deleted += 1
                except OSError:
                    continue
        return deleted

    def put(self, key: str, findings: Sequence[Finding]) -> None:
        """Store ``findings``; a cache that cannot be written is silently skipped."""
        if any(f.rule == "internal-error" for f in findings):
            return  # a crash may be transient: lint again next time
        try:
            self._prepare()
            target = self._file(key)
            target.parent.mkdir(exist_ok=True)
            data = json.dumps([finding_to_record(f) for f in findings], ensure_ascii=False,
                              separators=(",", ":"), default=str).encode("utf-8")
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)
            except OSError:
                os.unlink(tmp)
                raise
        except OSError:
            pass


def clean(root: str | os.PathLike) -> bool:
    """Remove ``root/.wenlint_cache`` (``wenlint clean``); False when there was none.  Only a
    folder that carries wenlint's CACHEDIR.TAG is removed, never a folder a user made."""
    top = Path(root) / CACHE_DIR_NAME
    tag = top / "CACHEDIR.TAG"
    try:
        if not top.is_dir() or "wenlint" not in tag.read_text(encoding="utf-8", errors="replace"):
            return False
    except OSError:
        return False
    shutil.rmtree(top)
    return True


def cache_root(config) -> Path:
    """Where ``.wenlint_cache`` lives for ``config``: its folder, else the current one."""
    return config.path.parent if getattr(config, "path", None) else Path.cwd()
