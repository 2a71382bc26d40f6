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
