"""Word segmentation, done once per document and shared by every check.

wenlint segments with jieba's dictionary only (``HMM=False``): the HMM glues
unknown character runs into invented "words", which hides exactly the broken
fragments (存, 潜, 措 …) that missing-char and spun-text look for, and it is
also the slower half of jieba.

Two backends give the same tokens: ``rjieba`` (jieba-rs, same default dictionary, about
20× faster) when it is importable, else jieba itself.  ``WENLINT_SEGMENTER=jieba`` forces
jieba.  Text that rjieba cannot take (lone surrogates, which are not UTF-8) goes to jieba.
``tests/test_segment_backends.py`` proves the two identical on every fixture, the seeds and
generated odd strings.  jieba's own dictionary (``tokenizer()``) is only loaded by the code that
asks for it, never just to tokenize (bulk work); word frequencies come from ``freq_table()``, a
compact copy of its nonzero counts, unless the process holds jieba's dictionary anyway.
"""
from __future__ import annotations

import array
import gc
import importlib.util
import logging
import os
import sys
import threading
from .buckets import find as _bucket_find, new_bounds as _new_bounds
from functools import lru_cache
from hashlib import blake2b as _blake2b
from itertools import accumulate, repeat
from pathlib import Path
from typing import Callable, NamedTuple

HMM = False
BACKEND_ENV = "WENLINT_SEGMENTER"  # "jieba" forces the pure-Python backend

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
    """The process-wide jieba tokenizer (its dictionary: ``FREQ``, ``total``), initialised
    on first use (not at import, and not by ``tokenize`` when rjieba segments)."""
    import jieba

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        words_path, freq_path = _prefix_files(jieba)
        if not _load_compact(tk, words_path, freq_path):
            tk.initialize()
            _save_compact(tk, words_path, freq_path)
    return tk


def jieba_cut(text: str) -> list[str]:
    """jieba's words of ``text`` in wenlint's mode (the reference backend)."""
    return tokenizer().lcut(text, HMM=HMM)


@lru_cache(maxsize=1)
def _segmenter() -> tuple[str, Callable[[str], list[str]]]:
    """(name, cut) of the backend in use: rjieba when importable and not overridden."""
    if os.environ.get(BACKEND_ENV, "").strip().lower() != "jieba":
        try:
            import rjieba
        except ImportError:
            rjieba = None
        if rjieba is not None:
            # rjieba's default instance: its dictionary is loaded once, at import
            cut = rjieba.cut

            def rjieba_cut(text: str) -> list[str]:
                try:
                    return cut(text, HMM)
                except UnicodeEncodeError:  # lone surrogates are not UTF-8: jieba takes them
                    return jieba_cut(text)

            return "rjieba", rjieba_cut
    return "jieba", jieba_cut


# A small workload is segmented by jieba when this process has loaded jieba's dictionary already
# (some caller asked for ``tokenizer()``): the same tokens without loading a second dictionary
# (rjieba: ~60 ms and ~33 MB).  Word statistics come from the compact ``freq_table`` otherwise, so
# rjieba is the cheaper load even for one article (one-article ``wenlint check``: 0.95 -> 0.84 s,
# peak RSS 188 -> 172 MB, same findings, measured in one session).
# Past this many characters the bulk backend (rjieba) is loaded and used from then on.
SMALL_WORKLOAD = 50_000
_small = [SMALL_WORKLOAD]  # characters jieba may still take before rjieba is loaded


@lru_cache(maxsize=1)
def _mode() -> str:
    """"jieba" (forced, or rjieba not installed), "rjieba" (forced) or "auto"; rjieba is not imported."""
    env = os.environ.get(BACKEND_ENV, "").strip().lower()
    if env == "jieba":
        return "jieba"
    try:
        if importlib.util.find_spec("rjieba") is None:
            return "jieba"
    except (ImportError, ValueError):
        return "jieba"
    return "rjieba" if env == "rjieba" else "auto"


def _cut_for(text: str) -> Callable[[str], list[str]]:
    if (_small[0] >= len(text) and _segmenter.cache_info().currsize == 0 and _mode() == "auto"
            and tokenizer.cache_info().currsize):
        _small[0] -= len(text)
        return jieba_cut
    return _segmenter()[1]


def backend() -> str:
    """The segmentation backend of bulk work: ``"rjieba"`` or ``"jieba"`` (a small workload may be
    segmented by jieba even when this says rjieba: same tokens)."""
    return "jieba" if _mode() == "jieba" else _segmenter()[0]


def cut(text: str) -> list[str]:
    """The words of ``text`` (no offsets)."""
    return _cut_for(text)(text)


def warm() -> None:
    """Load the bulk segmenter now (a parent process calls this before forking workers)."""
    _segmenter()[1]("预热")


_new = tuple.__new__


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens with code-point offsets into ``text`` (shifted by ``base``)."""
    words = _cut_for(text)(text)
    ends = list(accumulate(map(len, words), initial=base))
    # tuple.__new__(Token, (w, s, e)) builds each Token in C (what Token._make does, minus a
    # call); the cyclic GC is paused meanwhile: tuples of str and int cannot form cycles, and
    # scanning them every 700 allocations cost 30 % of this line
    was = gc.isenabled()
    if was:
        gc.disable()
    try:
        return list(map(_new, repeat(Token), zip(words, ends, ends[1:])))
    finally:
        if was:
            gc.enable()


# ---- jieba's word frequencies without jieba's prefix dictionary ----------------------------
# ``Tokenizer.FREQ`` is a dict of ~500k strings (~60 MB in every process that loads it, 149k of
# them zero-count prefixes that only jieba's own DAG search needs).  The statistics only ask
# "how frequent is this word", which a table of the 349k nonzero entries as sorted 64-bit
# hashes and counts answers in ~7 MB.  It is derived from jieba's dict.txt with jieba's own
# rules (a later line overrides an earlier one, the total counts every line) and kept in the
# user cache; a bulk process that segments with rjieba then never builds jieba's dictionary.

def _hash64(word: str) -> int:
    """The stable 64-bit key of a word (blake2b; Python's ``hash`` is salted per process)."""
    return int.from_bytes(_blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _jieba_dict_txt() -> Path:
    """jieba's default dictionary file, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _build_freq_table() -> tuple[bytes, bytes, bytes, int]:
    """(sorted 64-bit word hashes, uint32 counts, the words joined by newlines in the same
    order, jieba's total) of every word jieba's dictionary counts above 0."""
    freq: dict[str, int] = {}
    total = 0
    with open(_jieba_dict_txt(), "rb") as fh:  # jieba.Tokenizer.gen_pfdict's reading
        for line in fh:
            line = line.strip().decode("utf-8")
            word, f = line.split(" ")[:2]
            f = int(f)
            freq[word] = f
            total += f
    items = sorted((_hash64(w), f, w) for w, f in freq.items() if f)
    keys = array.array("Q", [k for k, _, _ in items])
    if len(set(keys)) != len(keys):  # pragma: no cover - 349k keys in 2**64
        raise ValueError("64-bit hash collision in jieba's dictionary")
    counts = array.array("I", [f for _, f, _ in items])
    if sys.byteorder != "little":  # pragma: no cover
        keys.byteswap()
        counts.byteswap()
    return keys.tobytes(), counts.tobytes(), "\n".join(w for _, _, w in items).encode("utf-8", "surrogatepass"), total


class FreqTable:
    """jieba's nonzero word counts: ``get(word, 0)`` equals ``Tokenizer.FREQ.get(word, 0) or 0``."""

    __slots__ = ("keys", "counts", "_words", "total", "_n", "_bounds")

    def __init__(self, keys: bytes, counts: bytes, words: bytes, total: int) -> None:
        self.keys = array.array("Q")
        self.keys.frombytes(keys)
        self.counts = array.array("I")
        self.counts.frombytes(counts)
        if sys.byteorder != "little":  # pragma: no cover
            self.keys.byteswap()
            self.counts.byteswap()
        self._words = words
        self.total = total
        self._n = len(self.keys)
        if len(self.counts) != self._n:
            raise ValueError("corrupt frequency table")
        # [start, end) of the keys under each value of the top 16 bits (at 2b, 2b + 1; -1 until
        # first needed): a look-up bisects ~5 keys instead of 349k
        self._bounds = _new_bounds()

    def get(self, word: str, default: int = 0) -> int:
        i = _bucket_find(self.keys, self._bounds, _hash64(word), 64)
        return self.counts[i] if i >= 0 else default

    def __getitem__(self, word: str) -> int:
        v = self.get(word, -1)
        if v < 0:
            raise KeyError(word)
        return v

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word, -1) >= 0

    def __len__(self) -> int:
        return self._n

    def __iter__(self):
        """Every word, in hash order."""
        return iter(self._words.decode("utf-8", "surrogatepass").split("\n") if self._n else ())

    def items(self):
        """(word, count) of every word, in hash order."""
        return zip(self, self.counts)


@lru_cache(maxsize=1)
def freq_table():
    """jieba's word counts for statistics: ``Tokenizer.FREQ`` itself when this process has loaded
    jieba's dictionary already (to segment a small workload), else the compact :class:`FreqTable`
    (same answers; 7 MB, loaded in a millisecond), so bulk work never builds jieba's dictionary."""
    if tokenizer.cache_info().currsize:
        return tokenizer().FREQ
    return _freq_table()


@lru_cache(maxsize=1)
def _freq_table() -> FreqTable:
    from .resources import derived

    with _lock:
        return FreqTable(*derived("jieba-freq", _build_freq_table, version="1"))


def dict_total() -> int:
    """jieba's total count (``Tokenizer.total``)."""
    t = freq_table()
    return t.total if isinstance(t, FreqTable) else tokenizer().total


def release_dictionary() -> None:
    """Drop this process's jieba dictionary (~60 MB) when the word statistics do not hold it (a
    cold cache made a derivation load it); whoever needs it again (the jieba fallback, a
    derivation) loads it again."""
    if tokenizer.cache_info().currsize and (not freq_table.cache_info().currsize
                                            or isinstance(freq_table(), FreqTable)):
        tokenizer.cache_clear()


def word_freq(word: str) -> int:
    """jieba dictionary count of ``word`` (0 when unknown)."""
    return freq_table().get(word, 0) or 0
