"""Memory of bulk workers (issue 9): the compact copy of jieba's word counts answers exactly like
jieba's own dictionary, and audit workers are forked before the parent loads pyarrow and without
jieba's prefix dictionary."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from linter import segment

ROOT = Path(__file__).resolve().parent.parent


def test_freq_table_answers_like_jiebas_dictionary():
    table = segment._freq_table()
    freq = segment.tokenizer().FREQ
    assert table.total == segment.tokenizer().total
    nonzero = {w: f for w, f in freq.items() if f}
    assert len(table) == len(nonzero)
    assert dict(table.items()) == nonzero
    # every dictionary word and prefix, and strings the dictionary does not have
    probes = list(freq)[::7] + [w + "乙" for w in list(freq)[:5000]] + ["", "a", "借款人", "\ud800", "𠀀"]
    for w in probes:
        assert table.get(w, 0) == (freq.get(w, 0) or 0), w
    assert ("借款人" in table) and ("借款人乙" not in table) and table["借款人"] == freq["借款人"]


def test_word_freq_is_the_same_with_either_table():
    code = ("from linter import segment, ngrams\n"
            "words = ['借款人', '的', '逾期', '征信', '不存在的词', '借']\n"
            "print([ngrams.word_freq(w) for w in words], ngrams.lexicon().total,\n"
            "      type(segment.freq_table()).__name__, segment.tokenizer.cache_info().currsize)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    compact = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    loaded = subprocess.run([sys.executable, "-c", "from linter import segment; segment.tokenizer()\n" + code],
                            env=env, cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    assert compact[-2:] == ["FreqTable", "0"]  # word statistics alone never load jieba's dictionary
    assert loaded[-2:] == ["dict", "1"]
    assert compact[:-2] == loaded[:-2]


def test_release_dictionary_drops_it_unless_the_statistics_hold_it():
    code = ("from linter import segment, ngrams\n"
            "ngrams.word_freq('借款人'); segment.tokenizer(); segment.release_dictionary()\n"
            "a = segment.tokenizer.cache_info().currsize\n"
            "segment.freq_table.cache_clear(); segment.tokenizer(); segment.freq_table()\n"
            "segment.release_dictionary(); print(a, segment.tokenizer.cache_info().currsize)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    assert out == "0 1"


_PROBE = """
import sys
from linter.audit import AuditSettings, LocalEngine

def state():
    from linter import segment
    return ('pyarrow' in sys.modules, segment.tokenizer.cache_info().currsize)

if __name__ == '__main__':
    with LocalEngine(2, AuditSettings(select=('punctuation', 'missing-char'))) as eng:
        import pyarrow  # the parent may load it now: the workers exist already
        print(sorted(set(eng._pool.submit(state).result() for _ in range(4))))
"""


def test_audit_workers_are_forked_without_pyarrow_or_jiebas_dictionary(tmp_path):
    if not hasattr(os, "fork"):  # pragma: no cover
        return
    script = tmp_path / "probe.py"
    script.write_text(_PROBE, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT,
                         check=True, capture_output=True, text=True, timeout=300).stdout.strip()
    assert out == "[(False, 0)]"


def test_strmap_answers_like_a_dict():
    from linter.ngrams import StrMap

    pairs = [("电话", "a\x1f1 b\x1f2"), ("", "empty key"), ("x", ""), ("电话", "last wins"), ("\n", "newline"),
             ("k\\n", "v\tw")]
    m = StrMap(pairs)
    d = dict(pairs)
    assert len(m) == len(d) and dict(m.items()) == d and set(m) == set(d)
    for k, v in d.items():
        assert m.get(k) == v and m[k] == v and k in m
    for k in ("不存在", "电", "\ud800", "x\t"):
        assert m.get(k) is None and m.get(k, "") == "" and k not in m
    empty = StrMap()
    assert len(empty) == 0 and empty.get("a") is None and list(empty.items()) == []


def test_strmap_tables_equal_the_files():
    import gzip

    from linter import ngrams
    from linter.resources import data_path

    for name, unescape in ((ngrams.POS, False), (ngrams.WORDS_BY_CHAR, False), (ngrams.FIN_SUCC, True),
                           (ngrams.FIN_PRED, True), (ngrams.FIN_CTX, True)):
        ref = {}
        with gzip.open(data_path(name), "rt", encoding="utf-8") as fh:
            for line in fh:
                k, _, v = line.rstrip("\n").partition("\t")
                ref[k.replace("\\n", "\n") if unescape else k] = v
        m = ngrams.StrMap.from_tsv_gz(name, unescape)
        assert len(m) == len(ref), name
        assert all(m.get(k) == v for k, v in ref.items()), name
