"""Shared machinery of the missing-char passes: the candidate record, document counts,
the data files, the character model's gain of an insertion, tuning constants used by several passes."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from linter import ngrams
from linter.resources import derived, load_toml, load_words
from linter.text import HAN_CLASS, is_han

MIN_SHARE_RATE = 0.02  # a minor completion of an orphan counts where the document plainly lacks a very frequent character (在)
NUMERALS = "零一二三四五六七八九十百千万亿两几"
NOUN_POS = ("n", "vn")
CLAUSE_PUNCT = set("，。；：？！、,.;:?!…")
REG_FREE = 0.1  # a character standing alone in at least this share of its corpus uses is free in the register
FRAME_CONF = 0.75  # confidence of a restored preposition (frames) or compound remainder
MEMO_MAX = 10_000  # entries per cross-document memo: a worker auditing millions of documents stays < 300 MB
AFFIX_VOCAB_FREQ = 50  # dictionary words this frequent propose what completes them beside a cut space
AFFIX_MAX_LEN = 7  # the longest word restored at a cut space from a compound or the document's pool
FUNCTION_POS = ("c", "u", "p", "d", "r", "y", "e")  # jieba POS of function words
PARTIAL_VOCAB_FREQ = 200  # dictionary words of 3–7 characters at least this frequent can be restored from a fragment ...
PARTIAL_VOCAB_FIN = 3  # ... and register words (corpus/finance tokens) at least this frequent
PARTIAL_FRAG_WORD = 50  # a fragment that is itself a word this frequent (or a register token) is not a fragment
PARTIAL_ONE_SITE_GAIN = 3.5  # log gain each site of a one-character remainder needs


@dataclass
class Cand:
    start: int
    end: int
    fix_start: int
    fix_end: int
    repl: str | None
    inserted: str
    kind: str
    local: float
    word: str = ""
    # what a pass measured, read when a site's candidates are chosen (not compared: a candidate
    # is its span and restoration)
    gain: float = field(default=0.0, compare=False)  # orphans: the in-register model's gain for the restoration ...
    need: float = field(default=0.0, compare=False)  # ... and the gain the context must give it
    share: float = field(default=1.0, compare=False)  # orphans: the completion's share of the character's uses
    clause_end: bool = field(default=False, compare=False)  # orphans: the character ends a clause
    free: bool = field(default=False, compare=False)  # orphans: a character that is also a word of its own
    prev: str = field(default="", compare=False)  # orphans, remainders: the token before ...
    next: str = field(default="", compare=False)  # ... and after
    conf: float = field(default=0.6, compare=False)  # cut spaces: the confidence of the fix-less finding ...
    fix_only: bool = field(default=False, compare=False)  # ... not reported without a fix (a space after 。)
    ctx: tuple[str, str, str, str] | None = field(default=None, compare=False)  # the gap's context words
    pick: tuple[Cand, float] | None = field(default=None, compare=False)  # the space's chosen restoration


@lru_cache(maxsize=1)
def _free_chars() -> frozenset[str]:
    return frozenset("".join(load_words("missing_char/free_chars.txt")).replace(" ", ""))


@lru_cache(maxsize=1)
def _names() -> dict[str, object]:
    d = load_toml("missing_char/names.toml")
    return {"before": frozenset(d["before"]), "after": tuple(d["after"])}


@lru_cache(maxsize=1)
def _free_verbs() -> frozenset[str]:
    return frozenset("".join(load_words("missing_char/free_verbs.txt")).replace(" ", ""))


@lru_cache(maxsize=1)
def _verb_context() -> dict[str, frozenset[str]]:
    d = load_toml("missing_char/verb_context.toml")
    return {k: frozenset(d.get(k, ())) for k in ("complements", "aspect", "modals")}


@lru_cache(maxsize=1)
def _filter_words() -> tuple[str, ...]:
    return load_words("missing_char/filter_words.txt")


@lru_cache(maxsize=2)
def _long_vocab(min_freq: int = PARTIAL_VOCAB_FREQ) -> tuple[str, ...]:
    """Frequent words of 3–7 Han characters: jieba's dictionary (frequency ≥ ``min_freq``),
    the register's tokens (≥ PARTIAL_VOCAB_FIN) and the domain lexicon; sorted."""
    from linter.segment import tokenizer

    def han(w: str) -> bool:
        return all(is_han(c) for c in w)

    vocab: set[str] = set()
    for w, f in tokenizer().FREQ.items():
        if f and f >= min_freq and 3 <= len(w) <= 7 and han(w):
            vocab.add(w)
    fin, _ = ngrams._fin_words()
    vocab.update(w for w, c in fin.items() if c >= PARTIAL_VOCAB_FIN and 3 <= len(w) <= 7 and han(w))
    vocab.update(w for w in ngrams.lexicon().domain if 3 <= len(w) <= 7 and han(w))
    return tuple(sorted(vocab))


@lru_cache(maxsize=1)
def _affixes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """:func:`_build_affixes`, kept across processes in the user cache (0.1 s to build)."""
    return derived("missing-char-affixes", _build_affixes, version=f"{AFFIX_VOCAB_FREQ}/{AFFIX_MAX_LEN}/{PARTIAL_VOCAB_FIN}")


def _build_affixes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Words that complete a frequent compound with the text beside a gap: ``heads[r]`` = the w
    with w + r a frequent word (年化 for 利率: 年化利率), ``tails[l]`` = the w with l + w one;
    r and l of one to three characters (one only when the character is bound: 措 → 施), w of one
    to six."""
    heads: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    bound: dict[str, bool] = {}

    def ok(x: str) -> bool:
        if len(x) > 1:
            return len(x) <= 3
        v = bound.get(x)
        if v is None:
            v = bound[x] = ngrams.char_freedom(x) < 0.1 and x not in _free_chars()
        return v

    words = set(_long_vocab(AFFIX_VOCAB_FREQ))
    words.update(w for w, f in ngrams._fin_words()[0].items() if len(w) == 2 and f >= PARTIAL_VOCAB_FIN
                 and all(is_han(c) for c in w))
    for W in sorted(words):
        for j in range(1, len(W)):
            a, b = W[:j], W[j:]
            if len(a) <= AFFIX_MAX_LEN and ok(b):
                heads.setdefault(b, set()).add(a)
            if len(b) <= AFFIX_MAX_LEN and ok(a):
                tails.setdefault(a, set()).add(b)
    return ({k: tuple(sorted(v)) for k, v in heads.items()}, {k: tuple(sorted(v)) for k, v in tails.items()})


_GAINS: dict[tuple, float] = {}


def _gain_cache() -> dict[tuple, float]:
    """Character-model gains by (8-character window, insertion offset, inserted text), shared by
    the passes and across documents (bounded: cleared when large)."""
    if len(_GAINS) > MEMO_MAX:
        _GAINS.clear()
    return _GAINS


_LAST_NORM: tuple[str | None, str] = (None, "")


def _norm(text: str) -> str:
    """``ngrams.lm_normalise(text)``, computed once per document for all the passes (the last
    document's result, swapped in one assignment: safe across threads)."""
    last = _LAST_NORM
    if last[0] is text:
        return last[1]
    v = ngrams.lm_normalise(text)
    globals()["_LAST_NORM"] = (text, v)
    return v


def _single_han(tok: str) -> bool:
    return len(tok) == 1 and is_han(tok)


def _in_char_list(toks, i: int) -> bool:
    """Token i is an item of an enumeration of one-character items (理、工、农、医)."""
    return ((i > 1 and toks[i - 1].text == "、" and _list_item(toks[i - 2].text))
            or (i + 2 < len(toks) and toks[i + 1].text == "、" and _list_item(toks[i + 2].text)))


def _list_item(tok: str) -> bool:
    """A one-character item of an enumeration (理、工、农): a content character, not the
    conjunction of a list whose item was deleted (扰、或泄露)."""
    return _single_han(tok) and ngrams.word_pos(tok)[:1] not in FUNCTION_POS


class DocCounts:
    """Occurrences of short strings in one document, without a scan of the text per string:
    single characters from one ``Counter``; longer strings counted together by one
    Aho–Corasick pass over the text for each batch (``prime``).  Overlapping occurrences
    count (``str.count`` would not): the tests only ask "none", "once" or "how many"."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._chars: Counter | None = None
        self._n: dict[str, int] = {}

    def prime(self, strings) -> None:
        todo = {s for s in strings if len(s) > 1 and s not in self._n}
        if not todo:
            return
        # one Aho–Corasick automaton over the batch, its matches (overlaps included) counted in C:
        # no Match object per occurrence, no loop per string and length (a quarter faster than
        # counting every substring of each length asked about, or PhraseMatcher's matches)
        import ahocorasick

        auto = ahocorasick.Automaton()
        add = auto.add_word
        for s in todo:
            add(s, s)
        auto.make_automaton()
        n = dict.fromkeys(todo, 0)
        n.update(Counter(map(_ITEM1, auto.iter(self.text))))
        self._n.update(n)

    def count(self, s: str) -> int:
        if len(s) <= 1:
            if not s:
                return len(self.text) + 1  # as str.count: the empty string is everywhere
            if self._chars is None:
                self._chars = Counter(self.text)
            return self._chars.get(s, 0)
        v = self._n.get(s)
        if v is None:  # not primed: one scan (callers prime their batches first)
            v = self._n[s] = self.text.count(s)
        return v

    def absent(self, s: str) -> bool:
        return self.count(s) == 0


@lru_cache(maxsize=65536)
def expected_rate(d: str) -> float:
    """Occurrences of ``d`` per Han character: the lower of the dictionary and law-text estimates
    (static tables: memoised)."""
    rate = ngrams.string_rate(d)
    total = ngrams.char_ngram_total()
    if len(d) <= 3 and total:
        rate = math.sqrt(rate * ngrams.char_ngram_count(d) / total)
    if len(d) == 1:  # and no more than the register uses it (政, 民 are rare in advice articles)
        rate = min(rate, ngrams.fin_char_rate(d))
    return rate


# ---- 1. orphaned bound morphemes -------------------------------------
def gain(norm: str, q: int, ins: str) -> float:
    """log P(text with ``ins`` inserted at ``q``) − log P(text) under the in-register character
    model, over the inserted characters and the four after them."""
    lm = ngrams.fin_lm()
    hist = norm[max(0, q - 4):q]
    fut = norm[q:q + 4]
    return lm.score(hist + ins + fut, len(hist)) - lm.score(hist + fut, len(hist))


def junction_gain(norm: str, q: int, ins: str) -> float:
    """:meth:`_gain`, shared through the gain cache, and -99 without scoring where a junction of
    the insertion is a character pair the register never writes."""
    lo = max(0, q - 4)
    gkey = (norm[lo:q + 4], q - lo, ins, "junction")  # (apart from the orphans' gains: -99 is no score)
    gains = _gain_cache()
    g = gains.get(gkey)
    if g is None:
        lm_count = ngrams.fin_lm().count
        # an unseen junction reads badly whatever the rest: no model score needed
        if not lm_count(norm[q - 1:q] + ins[0] if q else ins[0]) or not lm_count(ins[-1] + norm[q:q + 1]):
            g = -99.0
        else:
            g = gain(norm, q, ins)
        gains[gkey] = g
    return g


CTX_WORDS_MAX = 20  # candidate words kept per gap context
ONE_SIDED_TOP = 5  # a word among the top 5 of one side's table is a candidate without the other side
ONE_SIDED_WEIGHT = 0.25  # ... with a quarter of its count as evidence
# at most four Han characters (is_han's ranges), one C-level test instead of a generator per word
_HAN_UPTO4 = re.compile(f"{HAN_CLASS}{{0,4}}").fullmatch


_CTX_WORDS: dict[tuple[str, str, str, str], tuple[tuple[str, float], ...]] = {}


_ITEM0, _ITEM1, _ITEM2 = (itemgetter(k) for k in range(3))  # C-level keys


def _context_words(ctx: tuple[str, str, str, str]) -> tuple[tuple[str, float], ...]:
    """(word, evidence) the finance corpus proposes for a gap between the words ``a`` and ``b``
    with the two characters ``l2`` before it and ``r2`` after it, whatever the document:
    words attested on both sides (follow this left context and precede this right one somewhere
    in the corpus; the evidence is the weaker side's count), then words strongly attested on one
    side (a top successor / predecessor / context word: 电话 after 催收).  Han words of at most
    four characters.  Memoised across documents (the document's own test, absence, is the caller's)."""
    v = _CTX_WORDS.get(ctx)
    if v is not None:
        return v
    a, b, l2, r2 = ctx
    succ, pred = ngrams.fin_successors(a), ngrams.fin_predecessors(b)
    lctx = ngrams.fin_left_context(l2) if l2 else {}
    rctx = ngrams.fin_right_context(r2)
    # (S ∪ L) ∩ (P ∪ R) as the union of the four pairwise intersections: each costs the smaller
    # table only, where the unions would cost both whole tables (the order of the result is immaterial)
    sk, lk, pk, rk = succ.keys(), lctx.keys(), pred.keys(), rctx.keys()
    # ... split in two: the words of the small context tables (L, R: two dozen each) and the rest,
    # which lie in S ∩ P and whose evidence is min(S, P) (max(S, 0) is S); each word's evidence
    # by C-level maps (no Python loop per word: some 50 words per context)
    small = lk | rk
    core: list[str] = list(filter(_HAN_UPTO4, (sk & pk) - small))
    out: list[tuple[str, float]] = list(zip(core, map(min, map(succ.__getitem__, core),
                                                          map(pred.__getitem__, core))))
    if small:
        rest = list(filter(_HAN_UPTO4, ((sk & small) | lk) & ((pk & small) | rk)))
        zeros = [0] * len(rest)
        out += zip(rest, map(min, map(max, map(succ.get, rest, zeros), map(lctx.get, rest, zeros)),
                             map(max, map(pred.get, rest, zeros), map(rctx.get, rest, zeros))))
        core += rest
    seen: set[str] = set(core)
    for table in (succ, lctx, pred, rctx):
        for k, (w, c) in enumerate(table.items()):
            if k >= ONE_SIDED_TOP:
                break
            if w in seen or c < 3 or not _HAN_UPTO4(w):
                continue
            seen.add(w)
            out.append((w, c * ONE_SIDED_WEIGHT))
    if len(_CTX_WORDS) > MEMO_MAX:
        _CTX_WORDS.clear()
    if len(out) > CTX_WORDS_MAX:  # the best-attested few (bounded work per gap)
        # by evidence (descending), then word: two stable C-keyed sorts, no key function per word
        out.sort(key=_ITEM0)
        out.sort(key=_ITEM1, reverse=True)
        del out[CTX_WORDS_MAX:]
    v = _CTX_WORDS[ctx] = tuple(out)
    return v
