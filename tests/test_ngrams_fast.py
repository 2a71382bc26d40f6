"""The memoised FinLM and the one-pass neighbour parser give exactly what the plain
definitions give (a reference written out here, slowly), cold and warm."""
from __future__ import annotations

import math
import zlib
from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lm_support import scored_strings

from linter import ngrams


class RefLM:
    """The definition: interpolated Witten–Bell over the stored table, no memo at all."""

    def __init__(self, lm: ngrams.FinLM) -> None:
        self.lm = lm

    def lookup(self, gram: str) -> tuple[float, float]:
        k = zlib.crc32(gram.encode("utf-8"))
        keys = self.lm.keys
        i = bisect_left(keys, k)
        if i < len(keys) and keys[i] == k:
            return self.lm.counts[i] / ngrams.FIN_COUNT_SCALE, self.lm.types[i] / ngrams.FIN_COUNT_SCALE
        return 0.0, 0.0

    def logp(self, ch: str, hist: str) -> float:
        h = hist[-(ngrams.FIN_MAX_N - 1):]
        p = (self.lookup(ch)[0] + 0.5) / (self.lm.total + 3000.0)
        for k in range(1, len(h) + 1):
            d, t = self.lookup(h[-k:])
            if d <= 0 or t <= 0:
                break
            p = (self.lookup(h[-k:] + ch)[0] + t * p) / (d + t)
        return math.log(p)

    def score(self, s: str, start: int, end: int | None = None) -> float:
        end = len(s) if end is None else end
        v = 0.0
        for i in range(start, end):  # left to right (``sum`` compensates since Python 3.12)
            v += self.logp(s[i], s[max(0, i - 4):i])
        return v


@pytest.fixture(scope="module")
def lms():
    lm = ngrams.fin_lm()
    return lm, RefLM(lm)


def _strings(n: int, seed: int) -> list[str]:
    return scored_strings(n, seed)


def test_score_logp_count_equal_the_definition(lms):
    lm, ref = lms
    strings = _strings(3000, 1)
    for rnd in range(2):  # cold, then from the memos
        for s in strings:
            for start in {0, min(4, len(s)), len(s) // 2}:
                assert lm.score(s, start) == ref.score(s, start), (s, start, rnd)
                assert lm.score(s, start, len(s) - 1 if len(s) > start else None) == \
                    ref.score(s, start, len(s) - 1 if len(s) > start else None)
            if s:
                assert lm.logp(s[-1], s[:-1]) == ref.logp(s[-1], s[:-1])
                assert lm.count(s[:2]) == ref.lookup(s[:2])[0]
                assert lm.lookup(s[-3:]) == ref.lookup(s[-3:])


def test_score_many_and_odd_arguments(lms):
    lm, ref = lms
    strings = _strings(200, 2)
    assert lm.score_many(strings, 1) == [ref.score(s, 1) for s in strings]
    assert lm.score("", 0) == 0 and lm.score("abc", 3) == 0 and lm.score("abc", 5) == 0
    for ch, hist in (("", ""), ("", "的"), ("催收", "电话"), ("的", ""), ("的", "一二三四五六七")):
        assert lm.logp(ch, hist) == ref.logp(ch, hist)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="的了在是催收逾期利息征信银行贷款0a，。\n 𠀀😀\x00", max_size=14), st.integers(0, 15))
def test_score_equals_the_definition_on_generated_strings(s, start):
    lm = ngrams.fin_lm()
    ref = RefLM(lm)
    assert lm.score(s, start) == ref.score(s, start)
    assert lm.score(s, start) == ref.score(s, start)  # memoised answer


def _parse_ref(raw):
    if not raw:
        return {}
    out = {}
    for item in raw.split(" "):
        w, _, c = item.rpartition("\x1f")
        out[w.replace("\\n", "\n")] = int(c)
    return out


@pytest.mark.parametrize("raw", [None, "", "电话\x1f12", "电话\x1f12 人员\x1f3 \\n\x1f7 a\\nb\x1f2 电话\x1f5",
                                 "x\\\\n\x1f1", "\\n\\n\x1f9"])
def test_parse_neigh_equals_the_definition(raw):
    assert ngrams._parse_neigh(raw) == _parse_ref(raw)


def test_parse_neigh_on_the_shipped_tables():
    for name in (ngrams.FIN_SUCC, ngrams.FIN_PRED, ngrams.FIN_CTX):
        table = ngrams._fin_neigh(name)
        for k in list(table)[:3000]:
            assert ngrams._parse_neigh(table[k]) == _parse_ref(table[k]), (name, k)


def test_word_freq_is_the_larger_of_jieba_and_the_domain_list():
    lx = ngrams.lexicon()

    def ref(word):
        f = lx._jieba.get(word, 0) or 0
        d = lx.domain.get(word)
        return d if d is not None and d > f else f

    words = list(lx.domain) + list(lx._jieba)[::7] + ["", "\n", "不存在的词xyz", "催收", "的"]
    assert [ngrams.word_freq(w) for w in words] == [ref(w) for w in words]


def _norm_ref(s: str) -> str:
    return s.translate(ngrams._LM_TABLE)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400))
def test_lm_normalise_and_word_key_equal_the_dict_table(s):
    assert ngrams.lm_normalise(s) == _norm_ref(s)
    assert ngrams.lm_normalise(s) == _norm_ref(s)  # a long text's answer is remembered: still right
    assert ngrams.word_key(s) == ("\n" if not s.strip() else _norm_ref(s))


def test_lm_normalise_every_bmp_character_and_beyond():
    every = "".join(map(chr, range(0x10000))) + "\U0001F600\U00020000\U0010FFFF"
    assert ngrams.lm_normalise(every) == _norm_ref(every)
    other = every[::-1]
    assert ngrams.lm_normalise(other) == _norm_ref(other)  # not the remembered text
    assert ngrams.lm_normalise(every) == _norm_ref(every)


def test_char_freedom_is_the_standalone_share():
    table = ngrams._chars()[0]
    for ch in list(table)[::5] + ["", "x", "😀", "的"]:
        alone, bound = table.get(ch, (0, 0))
        want = alone / (alone + bound) if alone + bound else 0.0
        assert ngrams.char_freedom(ch) == want
        assert ngrams.char_freedom(ch) == want


def test_a_pickled_model_is_the_shared_model_of_the_process():
    # (the C model cannot be pickled; a check shipped to a worker finds the worker's own)
    import pickle

    lm = ngrams.fin_lm()
    assert pickle.loads(pickle.dumps(lm)) is lm
