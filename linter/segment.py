"""Word segmentation, done once per document and shared by every check.

wenlint segments with jieba's dictionary only (``HMM=False``): the HMM glues
unknown character runs into invented "words", which hides exactly the broken
fragments (存, 潜, 措 …) that missing-char and spun-text look for, and it is
also the slower half of jieba.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import lru_cache

HMM = False

_lock = threading.Lock()


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def tokenizer():
    """The process-wide jieba tokenizer, initialised on first use (not at import)."""
    import jieba

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
    return tk


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens with code-point offsets into ``text`` (shifted by ``base``)."""
    out: list[Token] = []
    pos = base
    for word in tokenizer().cut(text, HMM=HMM):
        out.append(Token(word, pos, pos + len(word)))
        pos += len(word)
    return out


def word_freq(word: str) -> int:
    """jieba dictionary count of ``word`` (0 when unknown)."""
    return tokenizer().FREQ.get(word, 0) or 0


def dict_total() -> int:
    return tokenizer().total
