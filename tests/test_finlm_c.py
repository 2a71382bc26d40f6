"""The C accelerator (``linter._finlm``) gives exactly the pure-Python FinLM's answers: the same
floats for every look-up, window and score, the same None from ``score_above``, the same error
where a gram cannot be encoded.  Skipped where the extension was not built (no C compiler)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lm_support import scored_strings

from linter import ngrams

_finlm = pytest.importorskip("linter._finlm", reason="C extension not built: the pure-Python model runs")


@pytest.fixture(scope="module")
def pair():
    mp = pytest.MonkeyPatch()
    mp.setenv("WENLINT_PURE_PYTHON", "1")
    pure = ngrams.FinLM()
    mp.undo()
    fast = ngrams.FinLM()
    assert fast.accelerated and not pure.accelerated
    return pure, fast


def test_the_shared_model_is_accelerated_unless_told_not_to(monkeypatch):
    assert ngrams.fin_lm().accelerated
    monkeypatch.setenv("WENLINT_PURE_PYTHON", "1")
    assert not ngrams.FinLM().accelerated


def test_every_answer_is_the_same_float_on_corpus_text(pair):
    pure, fast = pair
    for s in scored_strings(4000, 7, max_len=20, inserts=("催收", "的", "在", "问题", "电话", "0", "a"), files=8):
        for start in {0, 1, min(4, len(s)), len(s) // 2, len(s)}:
            assert fast.score(s, start) == pure.score(s, start), (s, start)
            end = max(start, len(s) - 2)
            assert fast.score(s, start, end) == pure.score(s, start, end)
            full = pure.score(s, start)
            for floor in (full - 1.0, full, full + 1e-12, full + 1.0, -3.0):
                assert fast.score_above(s, start, floor) == pure.score_above(s, start, floor)
        if s:
            assert fast.logp(s[-1], s[:-1]) == pure.logp(s[-1], s[:-1])
            for gram in (s[:1], s[:2], s[-3:], s[:5]):
                assert fast.lookup(gram) == pure.lookup(gram)
                assert fast.count(gram) == pure.count(gram)


_ALPHABET = "的了在是催收逾期利息征信银行贷款0a，。\n 𠀀😀\x00\ud800"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=16), st.integers(0, 18), st.floats(-60, 0))
def test_generated_strings_including_surrogates(s, start, floor):
    pure, fast = _models()

    def outcome(fn, *args):
        try:
            return fn(*args)
        except UnicodeEncodeError as e:
            return ("error", e.start, e.end, e.object)

    assert outcome(fast.score, s, start) == outcome(pure.score, s, start)
    assert outcome(fast.score_above, s, start, floor) == outcome(pure.score_above, s, start, floor)
    assert outcome(fast.lookup, s) == outcome(pure.lookup, s)
    assert outcome(fast.count, s) == outcome(pure.count, s)


_MODELS: list = []


def _models():
    if not _MODELS:
        mp = pytest.MonkeyPatch()
        mp.setenv("WENLINT_PURE_PYTHON", "1")
        _MODELS.append(ngrams.FinLM())
        mp.undo()
        _MODELS.append(ngrams.FinLM())
    return _MODELS


def test_a_score_range_outside_the_string_is_refused(pair):
    _, fast = pair
    with pytest.raises(ValueError):
        fast.score("催收", -1)
    with pytest.raises(ValueError):
        fast.score("催收", 0, 5)
    assert fast.score("催收", 3) == 0.0 == fast.score("", 0) == fast.score("", 1, 1)


def test_the_model_checks_its_table():
    from array import array

    with pytest.raises(ValueError):
        _finlm.Model(array("I", [3, 1]), array("I", [1, 1]), array("I", [1, 1]), 16.0, 1.0)
    with pytest.raises(ValueError):
        _finlm.Model(array("I", [1, 3]), array("I", [1]), array("I", [1, 1]), 16.0, 1.0)
    with pytest.raises(TypeError):
        _finlm.Model(array("d", [1.0]), array("I", [1]), array("I", [1]), 16.0, 1.0)
    blank = _finlm.Model.__new__(_finlm.Model)
    with pytest.raises(RuntimeError):
        blank.score("催收", 0)


@pytest.mark.parametrize("s,start", [("\ud800催收", 0), ("催收\ud800", 0), ("催收款项\ud800的", 5),
                                     ("\ud800催收款项的", 5), ("\ud800", 0)])
def test_a_surrogate_fails_where_python_fails_and_only_there(pair, s, start):
    pure, fast = pair

    def outcome(m):
        try:
            return m.score(s, start)
        except UnicodeEncodeError as e:
            return ("error", e.start, e.end, e.object)

    assert outcome(fast) == outcome(pure)
    # (beyond the history the model reaches, a surrogate is never encoded: no error)
    if s.startswith("\ud800") and start == 5:
        assert isinstance(outcome(fast), float)
