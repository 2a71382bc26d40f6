"""Word segmentation, done once per document and shared by every check.

wenlint segments with jieba's dictionary only (``HMM=False``): the HMM glues
unknown character runs into invented "words", which hides exactly the broken
fragments (存, 潜, 措 …) that missing-char and spun-text look for, and it is
also the slower half of jieba.
"""
from __future__ import annotations

import array
import logging
import os
import threading
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

HMM = False

_lock = threading.Lock()


class Token(NamedTuple):
    """A word and its code-point offsets (a tuple: cheap to create by the million)."""

    text: str
    start: int
    end: int


def _prefix_files(jieba_mod) -> tuple[Path, Path]:
    """Where the compact copy of jieba's prefix dictionary lives, keyed by the
    dictionary file's identity so an upgraded jieba never reads a stale copy."""
    st = os.stat(os.path.join(os.path.dirname(jieba_mod.__file__), "dict.txt"))
    key = f"jieba-{jieba_mod.__version__}-{st.st_size}-{int(st.st_mtime)}"
    from .resources import user_cache_dir

    d = user_cache_dir() / "jieba"
    return d / f"{key}.words", d / f"{key}.freq"


def _load_compact(tk, words_path: Path, freq_path: Path) -> bool:
    """jieba's prefix dictionary from two flat files: 4x faster than jieba's own
    marshal cache (a dict of 500k strings), and data only (no code is loaded)."""
    try:
        words = words_path.read_bytes().decode("utf-8").split("\n")
        freqs = array.array("i")
        freqs.frombytes(freq_path.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if len(words) != len(freqs) - 1:  # the last slot holds the total
        return False
    tk.total = freqs.pop()
    tk.FREQ = dict(zip(words, freqs.tolist()))
    tk.initialized = True
    return True


def _save_compact(tk, words_path: Path, freq_path: Path) -> None:
    try:
        words_path.parent.mkdir(parents=True, exist_ok=True)
        freqs = array.array("i", tk.FREQ.values())
        freqs.append(tk.total)
        for path, data in ((words_path, "\n".join(tk.FREQ).encode("utf-8")), (freq_path, freqs.tobytes())):
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
    except (OSError, OverflowError):
        pass  # a read-only home: jieba's own cache still works, only slower


@lru_cache(maxsize=1)
def tokenizer():
    """The process-wide jieba tokenizer, initialised on first use (not at import)."""
    import jieba

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        words_path, freq_path = _prefix_files(jieba)
        if not _load_compact(tk, words_path, freq_path):
            tk.initialize()
            _save_compact(tk, words_path, freq_path)
    return tk


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens with code-point offsets into ``text`` (shifted by ``base``)."""
    words = tokenizer().lcut(text, HMM=HMM)
    ends = list(accumulate(map(len, words), initial=base))
    return list(map(Token, words, ends, ends[1:]))


def word_freq(word: str) -> int:
    """jieba dictionary count of ``word`` (0 when unknown)."""
    return tokenizer().FREQ.get(word, 0) or 0


def dict_total() -> int:
    return tokenizer().total
