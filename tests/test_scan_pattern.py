"""linter.text.scan_pattern: the lookahead-guarded pattern finds exactly the matches of the original."""
import random
import re

import pytest

from linter.text import scan_pattern

PATTERNS = [
    r"(?:\d{1,3}|[a-c\s])x|y+|(?:占比|同比)?z",
    r"(?:x*)y",
    r"[\u4e00-\u9fff]{2,12}(?:银行|公司)",
    r"[ab]+c",
    r"(?:(\d{1,3})\s*[%％]|半数|过半)的?(?:人|用户)",
    r"(a)?(?:b|c{0,2})d",
    r"(?<!\d)(?:19|20)\d\d[-/.]\d{1,2}|(?<![a-z])\bxyz",
    r"(?:^|[ \n])(?:占比|同比)(?=\d)",
    r"(?<!y)(?!ab)[a-d]{1,3}\d",
]
ALPHABET = "abcdxyz0123 19202/-.\n%％的人用户银行公司占比同比半数过一二"


@pytest.mark.parametrize("src", PATTERNS)
def test_same_matches(src):
    pat = re.compile(src)
    fast = scan_pattern(pat)
    rng = random.Random(src)
    for _ in range(300):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
               [(m.span(), m.groups()) for m in pat.finditer(text)]
        assert bool(fast.search(text)) == bool(pat.search(text))


def test_wrapped_only_when_useful():
    assert scan_pattern(re.compile(PATTERNS[0])).pattern.startswith("(?=[")
    for src in (r"a?", r"[^a]b", r"\b", r"abc|abd", r"[ab]c", r"(?i)abc", r"(?:x*)?"):
        assert scan_pattern(re.compile(src)).pattern == src  # nullable, negated, anchored, or sre already skips


def test_unsourced_statistic_scan_is_guarded():
    from checks.unsourced_statistic import _data

    d = _data()
    assert d["stat_scan"].pattern != d["stat_re"].pattern
    text = "调查显示有超过30%的借款人逾期，同比增长12.5%，规模已突破3万亿，约三成用户。"
    assert [m.span() for m in d["stat_scan"].finditer(text)] == [m.span() for m in d["stat_re"].finditer(text)] != []
