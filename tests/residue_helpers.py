"""Shared helpers for the residue-check tests (markup, conversion, generation, unsourced)."""
from __future__ import annotations

import random

from linter.runner import lint_text

ODD_INPUTS = [
    "",
    " ",
    "\n\n\r\n",
    "\x00\x01\x02\u200b\u200d\ufeff",
    "no han at all, just ASCII ** # <br> &nbsp; {title} 30% (xì)",
    "**" * 5000,
    "#" * 10000,
    "<" * 5000 + ">" * 5000,
    "&" * 8000 + ";",
    "据统计" * 3000,
    "（" * 4000 + "）" * 4000,
    "壹" * 5000,
    "一、" * 3000,
    "。2." * 3000,
    "`" * 7001,
    "```\n" * 500,
    "信用卡逾期" * 20000,  # a huge single line
]


def rules(text: str, check: str, path: str = "case.txt") -> list[tuple[str, str]]:
    """(rule, flagged text) for every finding of ``check``."""
    return [(f.rule, text[f.start:f.end]) for f in lint_text(text, select=[check], path=path)]


def assert_fuzz_safe(check: str) -> None:
    rng = random.Random(11)
    alphabet = "信用卡逾期银行贷款。，：；！？*#<>&;`~_-[](){}%0123456789abcxyzāǎ\n\t 這個壹妳据统计数据显示"
    samples = list(ODD_INPUTS) + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3000)))
                                  for _ in range(40)]
    for text in samples:
        for path in ("x.txt", "x.md"):
            found = lint_text(text, select=[check], path=path)
            assert not [f for f in found if f.rule == "internal-error"], (check, text[:40], found)
            for f in found:
                assert 0 <= f.start <= f.end <= len(text)
                if f.fix:
                    assert 0 <= f.fix.start <= f.fix.end <= len(text)
