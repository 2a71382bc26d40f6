"""Word and character statistics shared by the checks that judge wording
(missing-char, spun-text): word frequencies (jieba's dictionary counts — the table the
shared tokenizer holds when it is loaded, else a compact copy — overlaid with wenlint's
finance lexicon), POS tags,
character standalone/in-word mass, words by character, a broken-word index, and a
character 1–4-gram model of the public-domain law texts.

Everything is precomputed by ``scripts/build_ngrams.py`` into ``linter/data/ngrams`` and
loaded lazily, once per process, in compact form: small tables as dicts, the large ones
as flat binary arrays (sorted 64-bit key hashes, a one-byte hashed count table), so that the
first use costs tens of milliseconds and a few tens of MB, not seconds.  Nothing is
downloaded.
"""
from __future__ import annotations

import gzip
import hashlib
import math
import os
import struct
import sys
import threading
import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from math import inf, log
from operator import itemgetter, methodcaller
from sys import intern as _intern
from zlib import crc32

from .buckets import new_bounds as _new_bounds
from .resources import data_path

_lock = threading.RLock()

DOMAIN_WORDS = "ngrams/domain_words.txt"
CHARS = "ngrams/chars.tsv"
POS = "ngrams/pos.tsv.gz"
WORDS_BY_CHAR = "ngrams/words_by_char.tsv.gz"
GAP_INDEX = "ngrams/gap_index.bin"
LAW_LM = "ngrams/law_lm.bin"
SUCC = "ngrams/succ.bin"
PRED = "ngrams/pred.bin"

LM_BITS = 23  # hashed n-gram table of 2**23 one-byte cells (8 MB in memory)
LM_MIN_COUNT = 2


def hash64(s: str) -> int:
    """A stable 64-bit hash of ``s`` (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def lm_quantise(count: int) -> int:
    return max(1, min(255, int(round(8 * math.log2(count))) + 1))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Lexicon:
    """Word frequencies: jieba's dictionary counts (``segment.freq_table``: jieba's own ``FREQ``
    when segmentation has loaded it, else a compact copy of its nonzero entries) + domain words."""

    def __init__(self) -> None:
        from . import segment

        self._jieba = segment.freq_table()
        self.domain: dict[str, int] = {}
        with open(data_path(DOMAIN_WORDS), encoding="utf-8") as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = line.split()
                self.domain[parts[0]] = int(parts[1]) if len(parts) > 1 else 300
        self.total = segment.dict_total() + sum(self.domain.values())
        # the domain words whose count beats jieba's: one small dict consulted first
        self._over = {w: d for w, d in self.domain.items() if d > (self._jieba.get(w, 0) or 0)}

    def get(self, word: str) -> int:
        """max(jieba's count, the domain list's count) of ``word``, 0 when unknown."""
        d = self._over.get(word)
        return (self._jieba.get(word, 0) or 0) if d is None else d


# Memo sizes: large enough for the contexts of one long article, small enough that a worker
# linting millions of documents stays within its memory budget (issue 9: < 300 MB).
MEMO_ENTRIES = 4096  # parsed neighbour tables and gap words (each entry a small dict or list)
MEMO_WINDOWS = 50_000  # FinLM gram counts and window probabilities (floats)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with _lock:
        return Lexicon()


_WF: list = []  # (domain overrides, jieba's FREQ) once the lexicon is loaded


@lru_cache(maxsize=MEMO_ENTRIES)
def word_freq(word: str) -> int:
    """Frequency of ``word`` (jieba scale, merged with the domain list); 0 when unknown.  (Memoised:
    a few thousand distinct words make the tens of thousands of look-ups of a long article, each a
    64-bit hash and a bisection in the compact table.)"""
    if not _WF:
        lx = lexicon()
        _WF[:] = [lx._over, lx._jieba]
    d = _WF[0].get(word)
    return (_WF[1].get(word, 0) or 0) if d is None else d


@lru_cache(maxsize=1)
def _pos() -> "StrMap":
    """word → POS tag (52k words): a StrMap, 1 MB instead of a 6.7 MB dict (looked up rarely)."""
    with _lock:
        return StrMap.from_tsv_gz(POS)


@lru_cache(maxsize=MEMO_ENTRIES)
def word_pos(word: str) -> str:
    """jieba POS tag of ``word`` ('' when unknown or rarer than 50 in jieba's dictionary).  (Memoised
    as ``word_freq``: a CRC, a bisection and a slice of the compact map per look-up otherwise.)"""
    return _pos().get(word, "")


def is_word(word: str, min_freq: int = 1) -> bool:
    return word_freq(word) >= min_freq


def word_logp(word: str) -> float:
    return math.log((word_freq(word) + 0.5) / lexicon().total)


def _char_table(name: str, header: str) -> tuple[dict[str, tuple[int, int]], int]:
    """A per-character TSV (character, two counts) with one ``header``/count line."""
    out: dict[str, tuple[int, int]] = {}
    total = 1
    with open(data_path(name), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == header:
                total = int(parts[1])
            elif len(parts) == 3:
                out[parts[0]] = (int(parts[1]), int(parts[2]))
    return out, total


@lru_cache(maxsize=1)
def _chars() -> tuple[dict[str, tuple[int, int]], int]:
    return _char_table(CHARS, "#total")


_FREEDOM: dict[str, float] = {}


def char_freedom(ch: str) -> float:
    """Share of ``ch``'s dictionary mass where it stands alone as a word (0 = always bound)."""
    v = _FREEDOM.get(ch)
    if v is None:
        alone, bound = _chars()[0].get(ch, (0, 0))
        v = alone / (alone + bound) if alone + bound else 0.0
        if len(_FREEDOM) > 100_000:
            _FREEDOM.clear()
        _FREEDOM[ch] = v
    return v


def char_mass(ch: str) -> int:
    """Standalone + in-word dictionary mass of ``ch``."""
    alone, bound = _chars()[0].get(ch, (0, 0))
    return alone + bound


def string_rate(s: str) -> float:
    """Expected occurrences of ``s`` per Han character of running text (rough, from the dictionary)."""
    total = _chars()[1]
    if len(s) == 1:
        return char_mass(s) / total
    return word_freq(s) / total


@lru_cache(maxsize=1)
def _words_by_char_raw() -> "StrMap":
    """character → its words (``word:count`` items): a StrMap (2.7 MB instead of 3.8)."""
    with _lock:
        return StrMap.from_tsv_gz(WORDS_BY_CHAR)


@lru_cache(maxsize=4096)
def words_with_char(ch: str) -> list[tuple[str, int]]:
    """Dictionary words of 2–4 Han chars containing ``ch``, most frequent first (top 60)."""
    raw = _words_by_char_raw().get(ch)
    if not raw:
        return []
    out = []
    for item in raw.split(" "):
        w, _, f = item.rpartition(":")
        out.append((w, int(f)))
    return out


def read_blob(name: str) -> bytes:
    """A zlib-compressed binary file from ``linter/data``, decompressed."""
    with open(data_path(name), "rb") as fh:
        return zlib.decompress(fh.read())


class CompactMap:
    """str → str lookups over sorted 64-bit key hashes and one UTF-8 blob.

    File layout (zlib-compressed): ``b"WLCM"``, n (uint32), blob length (uint32), n sorted
    uint64 key hashes, n+1 uint32 offsets, the blob.  Loading is three memcpy's; a lookup is
    one hash and a binary search (``bisect`` over an ``array``)."""

    def __init__(self, name: str) -> None:
        raw = read_blob(name)
        if raw[:4] != b"WLCM":
            raise ValueError(f"{name}: not a compact map")
        n, blen = struct.unpack_from("<II", raw, 4)
        pos = 12
        self.keys = array("Q")
        self.keys.frombytes(raw[pos:pos + 8 * n])
        pos += 8 * n
        self.offs = array("I")
        self.offs.frombytes(raw[pos:pos + 4 * (n + 1)])
        pos += 4 * (n + 1)
        self.blob = raw[pos:pos + blen]
        if sys.byteorder != "little":  # pragma: no cover
            self.keys.byteswap()
            self.offs.byteswap()

    def get(self, key: str) -> str | None:
        h = hash64(key)
        keys = self.keys
        i = bisect_left(keys, h)
        if i >= len(keys) or keys[i] != h:
            return None
        return self.blob[self.offs[i]:self.offs[i + 1]].decode("utf-8")


def write_compact_map(path, mapping: dict[str, str]) -> int:
    """Write ``mapping`` in ``CompactMap``'s format (used by ``scripts/build_ngrams.py``)."""
    items = sorted(((hash64(k), v.encode("utf-8")) for k, v in mapping.items()), key=lambda x: x[0])
    keys = array("Q", [k for k, _ in items])
    if len(set(keys)) != len(keys):
        raise ValueError("64-bit hash collision")
    offs = array("I", [0])
    blob = bytearray()
    for _, v in items:
        blob += v
        offs.append(len(blob))
    if sys.byteorder != "little":  # pragma: no cover
        keys.byteswap()
        offs.byteswap()
    raw = b"WLCM" + struct.pack("<II", len(keys), len(blob)) + keys.tobytes() + offs.tobytes() + bytes(blob)
    with open(path, "wb") as fh:
        fh.write(zlib.compress(raw, 9))
    return len(keys)


@lru_cache(maxsize=1)
def _gap_map() -> CompactMap:
    with _lock:
        return CompactMap(GAP_INDEX)


@lru_cache(maxsize=MEMO_ENTRIES)
def gap_words(left: str, right: str) -> list[tuple[str, str]]:
    """Words ``left + d + right`` (d of 1–2 chars, proper nouns excluded): [(word, d)]."""
    raw = _gap_map().get(f"{left}\x1f{right}")
    if not raw:
        return []
    out = []
    for item in raw.split(","):
        d, _, w = item.partition(":")
        out.append((w, d))
    return out


class CharLM:
    """Character n-gram counts (n ≤ 4) of the law texts in a hashed one-byte table
    (zlib-compressed file: ``b"WLLM"``, corpus size as uint64, then 2**LM_BITS cells)."""

    def __init__(self) -> None:
        raw = read_blob(LAW_LM)
        if raw[:4] != b"WLLM":
            raise ValueError(f"{LAW_LM}: not a hashed n-gram table")
        (self.total,) = struct.unpack_from("<Q", raw, 4)
        self.table = raw[12:]
        self.mask = (1 << LM_BITS) - 1
        if len(self.table) != self.mask + 1:
            raise ValueError(f"{LAW_LM}: wrong table size")

    def count(self, gram: str) -> float:
        """Approximate count of ``gram`` (0 when below the pruning threshold)."""
        h = hash64(gram)
        t = self.table
        q = min(t[h & self.mask], t[(h >> 32) & self.mask])
        return 0.0 if q == 0 else 2.0 ** ((q - 1) / 8.0)

    def logp(self, ch: str, hist: str) -> float:
        """log P(ch | hist) by stupid backoff over histories of up to 3 characters."""
        penalty = 0.0
        for k in range(min(3, len(hist)), 0, -1):
            h = hist[-k:]
            c = self.count(h + ch)
            if c > 0:
                ch_ = self.count(h)
                if ch_ > 0:
                    return penalty + math.log(min(1.0, c / ch_))
            penalty += math.log(0.4)
        c = self.count(ch)
        return penalty + math.log((c + 0.5) / self.total)

    def score(self, s: str, start: int) -> float:
        """Sum of log P(s[i] | s[i-3:i]) for i ≥ ``start``."""
        return sum(self.logp(s[i], s[max(0, i - 3):i]) for i in range(start, len(s)))


@lru_cache(maxsize=1)
def char_lm() -> CharLM:
    with _lock:
        return CharLM()


def char_ngram_count(gram: str) -> int:
    """Approximate count of a 1–4 character n-gram in the law-text corpus (pruned: rare read 0)."""
    return int(round(char_lm().count(gram)))


def char_ngram_total() -> int:
    return char_lm().total


@lru_cache(maxsize=2)
def _neighbour_map(name: str) -> CompactMap:
    with _lock:
        return CompactMap(name)


def _parse_counts(raw: str | None) -> dict[str, int]:
    if not raw:
        return {}
    out = {}
    for item in raw.split(","):
        w, _, c = item.rpartition(":")
        out[w] = int(c)
    return out


@lru_cache(maxsize=MEMO_ENTRIES)
def successors(left2: str) -> dict[str, int]:
    """Words that follow the 2-character context ``left2`` in the law texts: {word: count}."""
    return _parse_counts(_neighbour_map(SUCC).get(left2))


@lru_cache(maxsize=MEMO_ENTRIES)
def predecessors(right2: str) -> dict[str, int]:
    """Words that precede the 2-character context ``right2`` in the law texts: {word: count}."""
    return _parse_counts(_neighbour_map(PRED).get(right2))


def law_word_count(word: str) -> int:
    """Token count of ``word`` in the segmented law texts (0 below 3)."""
    raw = _neighbour_map(SUCC).get("#" + word)
    return int(raw) if raw and raw.isdigit() else 0


def warm() -> None:
    """Load everything now (benchmarks call this before timing)."""
    lexicon()
    _pos()
    _chars()
    _words_by_char_raw()
    _gap_map()
    char_lm()
    _neighbour_map(SUCC)
    _neighbour_map(PRED)
    warm_finance()


# ---- in-register statistics: wenlint's own finance-advice corpus (corpus/finance) ----------
FIN_CHARS = "ngrams/fin_chars.bin"
FIN_WORDS = "ngrams/fin_words.tsv.gz"
FIN_SUCC = "ngrams/fin_succ.tsv.gz"
FIN_PRED = "ngrams/fin_pred.tsv.gz"
FIN_MAX_N = 5
LAW_SHARE = 0.5  # the law texts weigh, in total, half as much as the finance corpus
FIN_COUNT_SCALE = 16  # counts (finance + weighted law) are stored as round(16 * count)
_UNSEEN = (0.0, 0.0)

_ASCII_FULL = {",": "，", "?": "？", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}


def _lm_char(ch: str) -> str:
    if ch in _ASCII_FULL:
        return _ASCII_FULL[ch]
    if ch.isascii():
        if ch.isdigit():
            return "0"
        if ch.isalpha():
            return "a"
        if ch.isspace():
            return "\n"
        return ch
    if ch.isspace() or ch in "\u200b\u200c\u200d\ufeff\xa0\u3000":
        return "\n"
    return ch


_LM_TABLE = {i: _lm_char(chr(i)) for i in range(0x3100)}
_LM_TABLE.update({0xFEFF: "\n", 0x3000: "\n"})


_LM_ORDS: list[int] = []
_LM_LAST: tuple[str, str] = ("", "")  # lm_normalise's last long argument and answer
_WORD_KEYS: dict[str, str] = {}


def _lm_ords() -> list[int]:
    """``_LM_TABLE`` as a list of ordinals over the whole BMP (built on first use, 2.5 MB):
    ``str.translate`` indexes a list without the KeyError a dict raises for every character
    it does not map (every Han character), 3× faster; characters past the BMP are unchanged
    either way."""
    if not _LM_ORDS:
        table = _LM_TABLE
        ords = [ord(table[i]) if i in table else i for i in range(0x10000)]
        with _lock:
            if not _LM_ORDS:
                _LM_ORDS.extend(ords)
    return _LM_ORDS


def lm_normalise(s: str) -> str:
    """The text the character model counts over, one character per character of ``s``:
    ASCII punctuation full width, digits ``0``, Latin letters ``a``, any whitespace ``\\n``."""
    global _LM_LAST
    if len(s) > 200:  # a whole document, normalised again by the next pass of the same check
        last = _LM_LAST
        if s is last[0]:
            return last[1]
        out = s.translate(_LM_ORDS or _lm_ords())
        _LM_LAST = (s, out)
        return out
    return s.translate(_LM_ORDS or _lm_ords())


def word_key(tok: str) -> str:
    """A token as the word tables store it (whitespace ``\\n``, punctuation full width, digits 0)."""
    v = _WORD_KEYS.get(tok)
    if v is None:
        v = "\n" if not tok.strip() else tok.translate(_LM_ORDS or _lm_ords())
        if len(_WORD_KEYS) > 200_000:
            _WORD_KEYS.clear()
        _WORD_KEYS[tok] = v
    return v


def fin_key(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8"))


class FinLM:
    """Character 1–5-gram model of the finance corpus with the law texts added at a small
    weight (continuations of the histories the finance corpus has), interpolated Witten–Bell:
    P(x|h) = (c(hx) + T(h)·P(x|h')) / (c(h) + T(h)), T(h) = distinct continuations of h (a law-only one counts its weight)."""

    def __init__(self) -> None:
        raw = read_blob(FIN_CHARS)
        if raw[:4] != b"WLF3":
            raise ValueError(f"{FIN_CHARS}: not a finance n-gram table")
        n, self.total = struct.unpack_from("<Id", raw, 4)
        pos = 16
        self.keys = array("I")
        self.keys.frombytes(raw[pos:pos + 4 * n])
        self.counts = array("I")
        self.counts.frombytes(raw[pos + 4 * n:pos + 8 * n])
        self.types = array("I")
        self.types.frombytes(raw[pos + 8 * n:pos + 12 * n])
        if sys.byteorder != "little":  # pragma: no cover
            self.keys.byteswap()
            self.counts.byteswap()
            self.types.byteswap()
        self._n = n
        # the slice of ``keys`` under each value of a key's top 16 bits ([start, end) at 2b, 2b+1;
        # -1 until first needed): a lookup then bisects ~n/65536 keys instead of all n
        self._bounds = _new_bounds()
        self._unigram_denom = self.total + 3000.0
        # memos, each cleared when it grows past a few hundred thousand entries
        self._cache: dict[str, tuple[float, float]] = {}  # gram → (count, continuations)
        self._win: dict[str, float] = {}  # window h + x (h ≤ 4 chars) → log P(x | h)
        self._scores: dict[tuple, float] = {}  # (s, start, end) → score()
        self.floor = 1.0 / (self.total + 6000.0)
        # the C accelerator, when built, answers the same calls with the same floats (no memo
        # needed): its methods replace these on the instance
        self.accelerated = False
        c = _c_model(self.keys, self.counts, self.types, self._unigram_denom)
        if c is not None:
            self.lookup, self.count, self._window = c.lookup, c.count, c.window  # type: ignore[method-assign]
            self.score, self.score_above = c.score, c.score_above  # type: ignore[method-assign]
            self.accelerated = True

    def __reduce__(self):
        # a pickled model (a check object shipped to a Dask worker, say) is the receiving
        # process's own shared model: the table is data shipped with wenlint, not state
        return fin_lm, ()

    def lookup(self, gram: str) -> tuple[float, float]:
        """(count, distinct continuations) of ``gram`` (count 0 when unseen or pruned)."""
        v = self._cache.get(gram)
        return self._find(gram) if v is None else v

    def _find(self, gram: str) -> tuple[float, float]:
        """``lookup`` past its cache: one hash and one binary search, cached.  (``buckets.find``
        written out: called about a million times per hundred articles, the call itself cost a
        quarter of it.)"""
        k = crc32(gram.encode("utf-8"))
        keys, bounds = self.keys, self._bounds
        b = (k >> 16) << 1
        lo = bounds[b]
        if lo < 0:
            lo = bounds[b] = bisect_left(keys, (k >> 16) << 16)
            bounds[b + 1] = bisect_left(keys, (k | 0xFFFF) + 1, lo)
        hi = bounds[b + 1]
        i = bisect_left(keys, k, lo, hi)
        if i < hi and keys[i] == k:
            v = (self.counts[i] / FIN_COUNT_SCALE, self.types[i] / FIN_COUNT_SCALE)
        else:
            v = _UNSEEN
        cache = self._cache
        if len(cache) > MEMO_WINDOWS:
            cache.clear()
        cache[gram] = v
        return v

    def count(self, gram: str) -> float:
        v = self._cache.get(gram)
        return (self._find(gram) if v is None else v)[0]

    def logp(self, ch: str, hist: str) -> float:
        """log P(ch | the last ≤ 4 characters of hist); both already ``lm_normalise``d."""
        if len(ch) != 1:
            return self._logp_any(ch, hist[-(FIN_MAX_N - 1):])
        w = hist[-(FIN_MAX_N - 1):] + ch
        v = self._win.get(w)
        if v is None:
            v = self._window(w)
            memo = self._win
            if len(memo) > MEMO_WINDOWS:
                memo.clear()
            memo[w] = v
        return v

    def _logp_any(self, x: str, h: str) -> float:
        """``logp`` for an ``x`` that is not one character (the same interpolation, unmemoised)."""
        lookup = self.lookup
        p = (lookup(x)[0] + 0.5) / self._unigram_denom
        for k in range(1, len(h) + 1):
            hk = h[-k:]
            d, t = lookup(hk)
            if d <= 0 or t <= 0:
                break
            p = (lookup(hk + x)[0] + t * p) / (d + t)
        return log(p)

    def _window(self, w: str) -> float:
        """log P(w[-1] | w[:-1]) for a window of ≤ 5 characters (not memoised here):
        P(x|h) = (c(hx) + T(h)·P(x|h')) / (c(h) + T(h)), from the unigram up."""
        get = self._cache.get
        find = self._find
        n = len(w)
        ch = w[-1]
        p = ((get(ch) or find(ch))[0] + 0.5) / self._unigram_denom
        for a in range(n - 2, -1, -1):  # the histories w[a:-1], shortest first
            hk = w[a:-1]
            d, t = get(hk) or find(hk)
            if d <= 0 or t <= 0:
                break
            hkc = w[a:]
            p = ((get(hkc) or find(hkc))[0] + t * p) / (d + t)
        return log(p)

    def score(self, s: str, start: int, end: int | None = None) -> float:
        """Sum of log P(s[i] | s[i-4:i]) for start ≤ i < end (s normalised)."""
        key = (s, start, end)
        v = self._scores.get(key)
        if v is not None:
            return v
        v = self._sum(s, start, len(s) if end is None else end, -inf)
        scores = self._scores
        if len(scores) > 50_000:  # ~14 MB at most
            scores.clear()
        scores[key] = v
        return v

    def score_above(self, s: str, start: int, floor: float) -> float | None:
        """``score(s, start)`` when it is at least ``floor``, else None, found without scoring
        every window: each term is a log-probability (≤ 0), so once the running sum falls below
        ``floor`` the whole cannot reach it.  (A search that only keeps gains above a bar scores
        hundreds of candidates per document and keeps a few: most stop after two windows.)"""
        v = self._scores.get((s, start, None))
        if v is not None:
            return v if v >= floor else None
        v = self._sum(s, start, len(s), floor - 1e-9)
        return v if v is not None and v >= floor else None

    def _sum(self, s: str, start: int, stop: int, bar: float) -> float | None:
        """Sum of the window log-probabilities for start ≤ i < stop, left to right (as the C model
        sums; ``sum`` compensates since Python 3.12), memoised by the ≤ 5-character window itself;
        None as soon as the running sum falls below ``bar``."""
        memo = self._win
        get = memo.get
        v = 0.0
        for i in range(start, stop):
            w = s[i - 4 if i > 4 else 0:i + 1]
            x = get(w)
            if x is None:
                if len(memo) > MEMO_WINDOWS:
                    memo.clear()
                x = memo[w] = self._window(w)
            v += x
            if v < bar:
                return None
        return v

    def score_many(self, strings, start: int, end: int | None = None) -> list[float]:
        """``[score(s, start, end) for s in strings]`` in one call."""
        score = self.score
        return [score(s, start, end) for s in strings]


def _c_model(keys, counts, types, unigram_denom: float):
    """``linter._finlm.Model`` over the same table, or None: not built (no C compiler at install),
    or ``WENLINT_PURE_PYTHON`` set."""
    if os.environ.get("WENLINT_PURE_PYTHON"):
        return None
    try:
        from . import _finlm
    except ImportError:
        return None
    return _finlm.Model(keys, counts, types, float(FIN_COUNT_SCALE), unigram_denom)


@lru_cache(maxsize=1)
def fin_lm() -> FinLM:
    with _lock:
        return FinLM()


def _read_tsv_gz(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    with gzip.open(data_path(name), "rt", encoding="utf-8") as fh:
        for line in fh:
            k, _, v = line.rstrip("\n").partition("\t")
            out[k.replace("\\n", "\n")] = v
    return out


@lru_cache(maxsize=1)
def _fin_words() -> tuple[dict[str, int], int]:
    raw = _read_tsv_gz(FIN_WORDS)
    out = {k: int(v) for k, v in raw.items()}
    return out, sum(out.values())


def fin_word_count(word: str) -> int:
    """Token count of ``word`` (a ``word_key``) in the finance corpus."""
    return _fin_words()[0].get(word, 0)


def fin_word_total() -> int:
    return _fin_words()[1]


_PART_TAB = methodcaller("partition", "\t")
_FIRST = itemgetter(0)
_ENCODE = methodcaller("encode", "utf-8", "surrogatepass")
STRMAP_VERSION = "1"  # bump when _strmap_parts changes: the built maps live in the user cache


def _tsv_gz_lines(name: str) -> list[str]:
    """The lines of a gzip text file in ``linter/data`` (text mode: any newline ends a line)."""
    with gzip.open(data_path(name), "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def _strmap_parts(lines: list[str], unescape_keys: bool = False) -> tuple[bytes, bytes, str]:
    """(CRC-32s, offsets, blob) of a StrMap over ``key<TAB>value`` lines: the lines themselves,
    reordered by the CRC of their key, are the blob; a repeated key keeps its last line."""
    keys = list(map(_FIRST, map(_PART_TAB, lines)))
    if unescape_keys:
        for i, k in enumerate(keys):
            if "\\n" in k:
                keys[i] = k.replace("\\n", "\n")
                lines[i] = keys[i] + lines[i][len(k):]
    last = dict(zip(keys, range(len(keys))))
    hashes = list(map(crc32, map(_ENCODE, keys)))
    order = sorted(last.values(), key=hashes.__getitem__)
    parts = [lines[i] for i in order]
    h = array("I", [hashes[i] for i in order])
    offs = array("I", accumulate(map(len, parts), initial=0))
    if sys.byteorder != "little":  # pragma: no cover
        h.byteswap()
        offs.byteswap()
    return h.tobytes(), offs.tobytes(), "".join(parts)


class StrMap:
    """A read-only str → str map in one string: the entries ``key<TAB>value`` concatenated in
    the order of the keys' CRC-32, with their offsets and CRCs in arrays.  A lookup is one CRC,
    a binary search and one slice; the key itself is compared, so the answers are exactly the
    dict's.  A third or less of the memory of a dict of the same strings (no object per key and
    per value), which matters for tables every worker holds whole (issue 9); the built form is
    kept in the user cache (``resources.derived``), so loading it costs a few milliseconds."""

    __slots__ = ("_hashes", "_offs", "_blob", "_n")

    def __init__(self, pairs=()) -> None:
        """From (key, value) pairs (keys without a tab; a repeated key keeps its last value)."""
        self._load(*_strmap_parts([f"{k}\t{v}" for k, v in dict(pairs).items()]))

    @classmethod
    def from_tsv_gz(cls, name: str, unescape_keys: bool = False) -> "StrMap":
        """The ``key<TAB>value`` lines of a gzip file in ``linter/data`` (as text-mode lines, the
        value after the first tab; with ``unescape_keys`` a backslash-n in a key is a newline)."""
        from .resources import derived

        def build():
            return _strmap_parts(_tsv_gz_lines(name), unescape_keys)

        self = cls.__new__(cls)
        self._load(*derived("strmap-" + name.replace("/", "-"), build, version=f"{STRMAP_VERSION}/{unescape_keys}"))
        return self

    def _load(self, hashes: bytes, offs: bytes, blob: str) -> None:
        self._hashes = array("I")
        self._hashes.frombytes(hashes)
        self._offs = array("I")
        self._offs.frombytes(offs)
        if sys.byteorder != "little":  # pragma: no cover
            self._hashes.byteswap()
            self._offs.byteswap()
        self._blob = blob
        self._n = len(self._hashes)
        if len(self._offs) != self._n + 1:
            raise ValueError("corrupt StrMap")

    def get(self, key: str, default=None):
        h = crc32(key.encode("utf-8", "surrogatepass"))
        hashes = self._hashes
        i = bisect_left(hashes, h)
        n = self._n
        while i < n and hashes[i] == h:
            k, _, v = self._blob[self._offs[i]:self._offs[i + 1]].partition("\t")
            if k == key:
                return v
            i += 1
        return default

    def __getitem__(self, key: str) -> str:
        v = self.get(key)
        if v is None:
            raise KeyError(key)
        return v

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._n

    def items(self):
        blob, offs = self._blob, self._offs
        for i in range(self._n):
            k, _, v = blob[offs[i]:offs[i + 1]].partition("\t")
            yield k, v

    def __iter__(self):
        return (k for k, _ in self.items())


@lru_cache(maxsize=3)
def _fin_neigh(name: str) -> StrMap:
    """A finance neighbour table (word → ``word<US>count`` items), whole, as a :class:`StrMap`."""
    with _lock:
        return StrMap.from_tsv_gz(name, unescape_keys=True)


def _parse_neigh(raw: str | None) -> dict[str, int]:
    """``word\x1fcount`` items separated by spaces (``\\n`` in a word stands for a newline)."""
    if not raw:
        return {}
    if "\\n" in raw:  # never spans an item's separator or count: one pass serves every word
        raw = raw.replace("\\n", "\n")
    # the words interned: the memos hold thousands of these tables, which share most of their
    # words; one copy of each instead of one per table (-20 MB in a long-running worker)
    if raw.count("\x1f") == raw.count(" ") + 1:
        # one separator per item (no word holds one): words and counts alternate once the
        # separators are spaces too, and are built by C-level maps (tables run to thousands of items)
        parts = raw.replace("\x1f", " ").split(" ")
        return dict(zip(map(_intern, parts[0::2]), map(int, parts[1::2])))
    return {_intern(w): int(c) for w, _, c in map(_RPART_US, raw.split(" "))}


_RPART_US = methodcaller("rpartition", "\x1f")


@lru_cache(maxsize=MEMO_ENTRIES)
def fin_successors(word: str) -> dict[str, int]:
    """Words that follow ``word`` in the finance corpus: {word: count}, most frequent first."""
    return _parse_neigh(_fin_neigh(FIN_SUCC).get(word))


@lru_cache(maxsize=MEMO_ENTRIES)
def fin_predecessors(word: str) -> dict[str, int]:
    """Words that precede ``word`` in the finance corpus: {word: count}, most frequent first."""
    return _parse_neigh(_fin_neigh(FIN_PRED).get(word))


FIN_CTX = "ngrams/fin_ctx.tsv.gz"


@lru_cache(maxsize=MEMO_ENTRIES)
def fin_left_context(left2: str) -> dict[str, int]:
    """Words the finance corpus has right after the two (normalised) characters ``left2``."""
    return _parse_neigh(_fin_neigh(FIN_CTX).get("L" + left2))


@lru_cache(maxsize=MEMO_ENTRIES)
def fin_right_context(right2: str) -> dict[str, int]:
    """Words the finance corpus has right before the two (normalised) characters ``right2``."""
    return _parse_neigh(_fin_neigh(FIN_CTX).get("R" + right2))


def fin_bigram(a: str, b: str) -> int:
    return fin_successors(a).get(b, 0)


def warm_finance() -> None:
    fin_lm()
    _fin_words()
    _fin_neigh(FIN_SUCC)
    _fin_neigh(FIN_PRED)
    _fin_neigh(FIN_CTX)
    _fin_singles()


FIN_SINGLES = "ngrams/fin_singles.tsv"


@lru_cache(maxsize=1)
def _fin_singles() -> tuple[dict[str, tuple[int, int]], int]:
    return _char_table(FIN_SINGLES, "#chars")


def fin_char_use(ch: str) -> tuple[int, int]:
    """(standalone token count, occurrences) of the Han character ``ch`` in the finance corpus."""
    return _fin_singles()[0].get(ch, (0, 0))


def fin_char_rate(ch: str) -> float:
    """Occurrences of ``ch`` per Han character of the finance corpus."""
    table, n = _fin_singles()
    return table.get(ch, (0, 0))[1] / n
