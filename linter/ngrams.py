"""Word and character statistics shared by the checks that judge wording
(missing-char, spun-text): word frequencies and POS from jieba's dictionary
merged with wenlint's finance lexicon, character standalone/in-word counts,
and character n-gram counts derived from the public-domain law texts.

Everything is loaded lazily, once per process, and cached.  Nothing is
downloaded: jieba's ``dict.txt`` ships in its wheel, the rest in
``linter/data/ngrams`` (rebuilt by ``scripts/build_ngrams.py``).
"""
from __future__ import annotations

import gzip
import math
import os
import threading
from collections import defaultdict
from functools import lru_cache

from .resources import data_path

_lock = threading.Lock()

DOMAIN_WORDS = "ngrams/domain_words.txt"
LAW_NGRAMS = "ngrams/laws_char_ngrams.tsv.gz"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Lexicon:
    """Word → (frequency, POS) from jieba's dictionary plus the domain list."""

    def __init__(self) -> None:
        import jieba

        self.freq: dict[str, int] = {}
        self.pos: dict[str, str] = {}
        path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2:
                    try:
                        self.freq[parts[0]] = int(parts[1])
                    except ValueError:
                        continue
                    if len(parts) >= 3:
                        self.pos[parts[0]] = parts[2]
        with open(data_path(DOMAIN_WORDS), encoding="utf-8") as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = line.split()
                word, f = parts[0], int(parts[1]) if len(parts) > 1 else 300
                if f > self.freq.get(word, 0):
                    self.freq[word] = f
                self.pos.setdefault(word, "n")
        self.total = sum(self.freq.values())
        # per character: standalone count, in-word count (words of 2+ chars)
        self.char_alone: dict[str, int] = defaultdict(int)
        self.char_in_word: dict[str, int] = defaultdict(int)
        for w, f in self.freq.items():
            if len(w) == 1:
                self.char_alone[w] += f
            else:
                for ch in set(w):
                    self.char_in_word[ch] += f
        self.char_total = sum(self.char_alone.values()) + sum(
            f * len(w) for w, f in self.freq.items() if len(w) > 1)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with _lock:
        return Lexicon()


def word_freq(word: str) -> int:
    """Frequency of ``word`` (jieba scale, merged with the domain list); 0 when unknown."""
    return lexicon().freq.get(word, 0)


def word_pos(word: str) -> str:
    """jieba POS tag of ``word`` ('' when unknown)."""
    return lexicon().pos.get(word, "")


def is_word(word: str, min_freq: int = 1) -> bool:
    return lexicon().freq.get(word, 0) >= min_freq


def word_logp(word: str) -> float:
    lx = lexicon()
    return math.log((lx.freq.get(word, 0) + 0.5) / lx.total)


def char_freedom(ch: str) -> float:
    """Share of ``ch``'s dictionary mass where it stands alone as a word (0 = always bound)."""
    lx = lexicon()
    alone = lx.char_alone.get(ch, 0)
    bound = lx.char_in_word.get(ch, 0)
    return alone / (alone + bound) if alone + bound else 0.0


def char_mass(ch: str) -> int:
    """Standalone + in-word dictionary mass of ``ch``."""
    lx = lexicon()
    return lx.char_alone.get(ch, 0) + lx.char_in_word.get(ch, 0)


def string_rate(s: str) -> float:
    """Expected occurrences of ``s`` per Han character of running text (rough, from the dictionary)."""
    lx = lexicon()
    if len(s) == 1:
        return char_mass(s) / lx.char_total
    f = lx.freq.get(s, 0)
    return f / lx.char_total


@lru_cache(maxsize=1)
def _words_by_char() -> dict[str, list[tuple[str, int]]]:
    """Han words of 2–4 chars (freq ≥ 3) indexed by each character they contain."""
    idx: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for w, f in lexicon().freq.items():
        if 2 <= len(w) <= 4 and f >= 3 and all(_is_han(c) for c in w):
            for ch in set(w):
                idx[ch].append((w, f))
    for lst in idx.values():
        lst.sort(key=lambda x: -x[1])
    return dict(idx)


def words_with_char(ch: str) -> list[tuple[str, int]]:
    """Dictionary words of 2–4 Han chars containing ``ch``, most frequent first."""
    return _words_by_char().get(ch, [])


@lru_cache(maxsize=1)
def _gap_index() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(left part, right part) → [(word, inserted)] for words of 3–6 Han chars that become
    the two parts when 1–2 inner characters are deleted (关键在于 → (关键, 于): 在)."""
    idx: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for w, f in lexicon().freq.items():
        n = len(w)
        if not (3 <= n <= 6) or f < 3 or not all(_is_han(c) for c in w):
            continue
        for i in range(1, n - 1):
            for k in (1, 2):
                if i + k >= n:
                    continue
                a, d, b = w[:i], w[i:i + k], w[i + k:]
                if len(a) <= 3 and len(b) <= 3:
                    idx[(a, b)].append((w, d))
    return dict(idx)


def gap_words(left: str, right: str) -> list[tuple[str, str]]:
    """Words ``left + d + right`` (d of 1–2 chars): [(word, d)]."""
    return _gap_index().get((left, right), [])


@lru_cache(maxsize=1)
def _law_ngrams() -> tuple[dict[str, int], int]:
    counts: dict[str, int] = {}
    total = 0
    with gzip.open(data_path(LAW_NGRAMS), "rt", encoding="utf-8") as fh:
        for line in fh:
            g, _, c = line.rstrip("\n").partition("\t")
            if g == "#total":
                total = int(c)
            elif g:
                counts[g] = int(c)
    return counts, total


def char_ngram_count(gram: str) -> int:
    """Count of a 1–3 character n-gram in the law-text corpus (pruned: rare n-grams read 0)."""
    return _law_ngrams()[0].get(gram, 0)


def char_ngram_total() -> int:
    return _law_ngrams()[1]


def warm() -> None:
    """Load everything now (benchmarks call this before timing)."""
    lexicon()
    _words_by_char()
    _gap_index()
