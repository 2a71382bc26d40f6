"""Loading the data files that checks read (lexicons, catalogs, counts).

Data lives in ``linter/data/`` as TOML, JSON, JSONL or plain word lists; code
never embeds lexicons.  Loads are cached per process.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(name: str) -> Path:
    return DATA_DIR / name


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict[str, Any]:
    with open(data_path(name), "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    path = data_path(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    path = data_path(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """A word list: one entry per line, ``#`` comments and blank lines ignored."""
    path = data_path(name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        out = []
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
        return tuple(out)


def user_cache_dir() -> Path:
    """wenlint's per-user cache: ``$WENLINT_CACHE_DIR``, else the platform user cache
    (platformdirs when installed, else ``$XDG_CACHE_HOME`` or ``~/.cache``) + ``wenlint``."""
    env = os.environ.get("WENLINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    try:  # pragma: no cover - depends on the environment
        import platformdirs

        return Path(platformdirs.user_cache_dir("wenlint"))
    except ImportError:
        pass
    if sys.platform == "win32":  # pragma: no cover
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":  # pragma: no cover
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "wenlint"


@lru_cache(maxsize=1)
def data_fingerprint() -> str:
    """Identity of everything run-time derivations are computed from: wenlint's version, the
    size and mtime of every file under ``linter/data`` and of jieba's dictionary."""
    import hashlib

    from . import __version__

    h = hashlib.sha256(f"wenlint {__version__}\n".encode())
    paths = sorted(p for p in DATA_DIR.rglob("*") if p.is_file())
    try:  # located, not imported (importing jieba costs a process ~9 MB)
        import importlib.util

        spec = importlib.util.find_spec("jieba")
        if spec is not None and spec.origin:
            paths.append(Path(spec.origin).resolve().parent / "dict.txt")
    except (ImportError, ValueError):  # pragma: no cover
        pass
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        h.update(f"{p.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


def _hash_code(code, h) -> None:
    """Fold a function's bytecode, names and constants (nested functions too) into ``h``
    (marshal.dumps of a code object is not stable: its back-reference flags follow refcounts)."""
    h.update(code.co_code)
    h.update(repr(code.co_names).encode("utf-8", "surrogatepass"))
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            _hash_code(c, h)
        else:
            h.update(repr(c).encode("utf-8", "surrogatepass"))


def derived(name: str, build, version: str = "1", serializer: str = "marshal"):
    """``build()``, memoised on disk in the user cache across processes.

    Some checks derive tables from the shipped data and jieba's dictionary (every affix of a
    frequent word, every one-character deletion of it); building them costs a cold one-article
    run ~0.15 s, loading them a hundredth of that.  The entry is keyed by ``name``, the caller's
    ``version`` of the derivation (constants it reads), the code of ``build`` and
    :func:`data_fingerprint`, so new data or code never reads a stale table.  ``serializer`` "marshal" (plain dicts/tuples/str/int) or "pickle" (for objects
    such as an Aho–Corasick automaton; the file lives in the user's own cache folder).  A cache
    that cannot be read or written is rebuilt or skipped silently: it is only an optimisation."""
    import hashlib
    import marshal
    import pickle

    codec = marshal if serializer == "marshal" else pickle
    raw = f"{name}\0{version}\0{data_fingerprint()}\0{sys.version_info[:2]}"  # marshal is per Python
    h = hashlib.sha256(raw.encode())
    code = getattr(build, "__code__", None)
    if code is not None:  # an edited derivation never reads the old table
        _hash_code(code, h)
    key = h.hexdigest()[:20]
    path = user_cache_dir() / "derived" / f"{name}-{key}.{serializer}"
    try:
        return codec.loads(path.read_bytes())
    except Exception:  # missing, truncated or from another Python: rebuild
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(codec.dumps(value))
        os.replace(tmp, path)
    except (OSError, ValueError, TypeError, pickle.PicklingError):
        pass
    return value
