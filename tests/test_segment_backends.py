"""Both segmentation backends give wenlint the same tokens.

``linter.segment.tokenize`` segments with rjieba (jieba-rs) when it is importable and with
jieba otherwise; every check depends on the tokens, so the two must agree exactly: on every
fixture article, on the seeds (when ``../shared`` is present) and on generated odd strings.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import segment

ROOT = Path(__file__).resolve().parent.parent

rjieba = pytest.importorskip("rjieba")


@pytest.fixture(autouse=True)
def bulk_backend():
    """tokenize through the bulk backend (rjieba), not jieba's small-workload shortcut."""
    saved = segment._small[0]
    segment._small[0] = 0
    yield
    segment._small[0] = saved


def fast(text: str) -> list[str]:
    return rjieba.cut(text, segment.HMM)


def ref(text: str) -> list[str]:
    return segment.jieba_cut(text)


def tokens_by(cut, text: str) -> list[segment.Token]:
    out, pos = [], 0
    for w in cut(text):
        out.append(segment.Token(w, pos, pos + len(w)))
        pos += len(w)
    return out


def test_rjieba_is_the_backend_when_importable():
    if os.environ.get(segment.BACKEND_ENV, "").strip().lower() == "jieba":
        pytest.skip("jieba forced by the environment")
    assert segment.backend() == "rjieba"


def _articles(base: Path, pattern: str) -> list[Path]:
    return sorted(p for p in base.glob(pattern) if p.suffix in (".txt", ".md"))


def test_identical_on_every_fixture_and_corpus_article():
    paths = _articles(ROOT / "fixtures", "**/*") + _articles(ROOT / "corpus", "**/*")
    assert len(paths) > 100
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert fast(text) == ref(text), p
        assert segment.tokenize(text) == tokens_by(ref, text), p


def test_identical_on_the_seeds(shared_dir):
    paths = _articles(shared_dir / "seeds", "*")
    if not paths:
        pytest.skip("no seeds")
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert fast(text) == ref(text), p


# every class of character a scraped article can carry, mixed at random
_ALPHABETS = [
    "的是了在有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经",
    "信用卡逾期催收征信贷款利息本金理财基金股票债券保险银行起诉法院律师",
    "abcdefghijklmnopqrstuvwxyzABCXYZ_-./:@#%&+=",
    "0123456789.,%",
    " \t\n\r\x0b\x0c\u3000\xa0\u2028\u2029\x85",
    "\u200b\u200c\u200d\u2060\ufeff\u00ad",
    "\x00\x01\x07\x1b\x1f\x7f\x9f",
    "，。！？、；：“”‘’（）《》【】…—·「」『』〈〉～",
    ",.!?;:'\"()[]{}<>\\|`^~$*",
    "😀👍🏽🇨🇳❤️\u20e3\ufe0f\U0001f9e7",
    "ａｂｃＡＢＣ０１２３％＄",
    "éüßçñÅœ\u0301\u0308",
    "한국어日本ひらがなカタカナ",
    "𠀀𠀁𪚥𫠝\u3400\u4dbf\u9fff\uf900",
    "①②Ⅻ㈠¼²",
]
_pieces = st.one_of(
    *[st.text(alphabet=a, min_size=0, max_size=12) for a in _ALPHABETS],
    st.sampled_from(["\r\n", "\n\n", "  ", "A股", "ETF", "3.5%", "1,000元", "2023年", "U.S.", "e-mail", "www.x.cn"]),
    st.text(max_size=6),  # anything hypothesis likes, surrogates included
)
odd_text = st.lists(_pieces, max_size=25).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(odd_text)
def test_identical_on_odd_strings(text):
    expected = tokens_by(ref, text)
    assert segment.tokenize(text) == expected
    assert "".join(t.text for t in expected) == text
    try:
        assert fast(text) == ref(text)
    except UnicodeEncodeError:  # lone surrogates: tokenize hands them to jieba (checked above)
        pass


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n", "\r\n\r\n", "\u200b", "\ufeff你好", "\x00", "a\ud800b",
                                  "你\udfff好", "\udc80", "😀" * 3, "中文\r\nEnglish 123\t，！"])
def test_edge_strings(text):
    expected = tokens_by(ref, text)
    assert segment.tokenize(text) == expected
    assert segment.tokenize(text, base=7) == [segment.Token(t.text, t.start + 7, t.end + 7) for t in expected]
    assert segment.cut(text) == [t.text for t in expected]


def test_tokens_are_tokens():
    toks = segment.tokenize("许多借款人关心的问题", base=3)
    assert all(type(t) is segment.Token for t in toks)
    assert toks[1].text == "借款人" and toks[1].start == 5 and toks[1].end == 8
    assert toks == [("许多", 3, 5), ("借款人", 5, 8), ("关心", 8, 10), ("的", 10, 11), ("问题", 11, 13)]


def _probe(code: str, **env_extra) -> str:
    env = dict(os.environ, **env_extra)
    return subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True,
                          cwd=ROOT).stdout.strip()


def test_tokenize_does_not_load_jiebas_dictionary():
    out = _probe("from linter import segment\n"
                 "toks = segment.tokenize('信用卡逾期三个月会被起诉吗')\n"
                 "print(segment.backend(), segment.tokenizer.cache_info().currsize, len(toks))",
                 **{segment.BACKEND_ENV: ""})
    assert out == "rjieba 0 8"


def test_small_workload_uses_the_jieba_dictionary_only_when_it_is_loaded_anyway():
    """One article in a process that holds jieba's dictionary already is segmented by jieba, without
    loading rjieba; past SMALL_WORKLOAD characters rjieba takes over. Same tokens.  Word statistics
    alone (ngrams) no longer load jieba's dictionary, so they no longer select jieba."""
    code = ("from linter import segment, ngrams\n"
            "PRE\n"
            "a = segment.tokenize('许多借款人关心的问题')\n"
            "loaded = segment._segmenter.cache_info().currsize\n"
            "text = '信用卡逾期三个月会被起诉吗？持卡人应主动联系银行说明情况。' * 2000\n"
            "b = segment.tokenize(text)\n"
            "print(loaded, segment._segmenter.cache_info().currsize, segment.tokenizer.cache_info().currsize,\n"
            "      [t.text for t in a], b == [segment.Token(w, s, e) for w, s, e in\n"
            "      __import__('rjieba').tokenize(text, hmm=False)])")
    with_dict = code.replace("PRE", "segment.tokenizer()")
    out = _probe(with_dict, **{segment.BACKEND_ENV: ""})
    assert out == "0 1 1 ['许多', '借款人', '关心', '的', '问题'] True"
    stats_only = code.replace("PRE", "ngrams.word_freq('借款人')")
    out = _probe(stats_only, **{segment.BACKEND_ENV: ""})
    assert out == "1 1 0 ['许多', '借款人', '关心', '的', '问题'] True"
    # forced rjieba: never the shortcut
    out = _probe(with_dict, **{segment.BACKEND_ENV: "rjieba"})
    assert out.startswith("1 1 ")


def test_environment_forces_jieba():
    code = ("from linter import segment\n"
            "print(segment.backend(), [t.text for t in segment.tokenize('许多借款人关心的问题')])")
    assert _probe(code, **{segment.BACKEND_ENV: "jieba"}) == "jieba ['许多', '借款人', '关心', '的', '问题']"
    assert _probe(code, **{segment.BACKEND_ENV: ""}) == "rjieba ['许多', '借款人', '关心', '的', '问题']"


def test_without_rjieba_jieba_segments():
    code = ("import sys; sys.modules['rjieba'] = None\n"  # makes `import rjieba` raise ImportError
            "from linter import segment\n"
            "print(segment.backend(), [t.text for t in segment.tokenize('许多借款人关心的问题')])")
    assert _probe(code, **{segment.BACKEND_ENV: ""}) == "jieba ['许多', '借款人', '关心', '的', '问题']"
