"""The compact copy of jieba's prefix dictionary must be exactly jieba's own."""
from __future__ import annotations

import os
import subprocess
import sys


def test_compact_dictionary_cache_equals_jiebas_own(tmp_path):
    code = (
        "import jieba, logging; jieba.setLogLevel(logging.WARNING)\n"
        "from linter import segment\n"
        "tk = segment.tokenizer()\n"
        "ref = jieba.Tokenizer(); ref.initialize()\n"
        "assert tk.FREQ == ref.FREQ and tk.total == ref.total\n"
    )
    env = dict(os.environ, WENLINT_CACHE_DIR=str(tmp_path))
    for _ in range(2):  # the first run writes the compact copy, the second reads it
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    files = sorted(p.suffix for p in (tmp_path / "jieba").iterdir())
    assert files == [".freq", ".words"]


def test_corrupt_compact_copy_falls_back_to_jieba(tmp_path):
    env = dict(os.environ, WENLINT_CACHE_DIR=str(tmp_path))
    subprocess.run([sys.executable, "-c", "from linter import segment; segment.tokenizer()"], check=True, env=env)
    for p in (tmp_path / "jieba").iterdir():
        if p.suffix == ".freq":
            p.write_bytes(b"\x00\x01")
    env["WENLINT_SEGMENTER"] = "jieba"  # tokenize through jieba's (rebuilt) dictionary, not rjieba's
    out = subprocess.run([sys.executable, "-c", "from linter import segment; "
                          "print(segment.backend(), segment.word_freq('借款人') > 0, "
                          "[t.text for t in segment.tokenize('许多借款人关心的问题')])"],
                         check=True, env=env, capture_output=True, text=True).stdout
    assert out.strip() == "jieba True ['许多', '借款人', '关心', '的', '问题']"
