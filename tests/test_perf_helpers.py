"""The fast helpers of performance round 2 give the same answers as the straightforward code
they replaced (each test compares with a reference implementation on random inputs)."""
from __future__ import annotations

import random
import re

import pytest

from linter.lexicon import PhraseMatcher
from linter.residue import CoverSet
from linter.text import context_free, han_count, is_han


def _reference_find(pm: PhraseMatcher, text: str):
    best = {}
    for m in pm.iter_all(text):
        cur = best.get(m.start)
        if cur is None or m.end > cur.end:
            best[m.start] = m
    out, last_end = [], -1
    for start in sorted(best):
        if start >= last_end:
            out.append(best[start])
            last_end = best[start].end
    return out


def test_phrase_matcher_find_and_contains_match_the_reference():
    rng = random.Random(1)
    for _ in range(2000):
        terms = {"".join(rng.choice("abc") for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 8))}
        pm = PhraseMatcher({t: len(t) for t in terms})
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 40)))
        assert pm.find(text) == _reference_find(pm, text)
        assert pm.contains(text) == bool(_reference_find(pm, text))


def test_cover_set_equals_any_span_covers():
    rng = random.Random(2)
    for _ in range(1500):
        cs, spans = CoverSet(), []
        for _ in range(rng.randint(0, 25)):
            a = rng.randint(0, 60)
            b = a + rng.randint(-3, 12)
            cs.add(a, b)
            spans.append((a, b))
        for x in range(-2, 80):
            assert (x in cs) == any(a <= x < b for a, b in spans)


@pytest.mark.parametrize("pattern,expected", [
    (r"ab|c+", True), (r"[^a]+\d{1,3}", True), (r"(?>ab)", True),
    (r"^a", False), (r"a$", False), (r"a\b", False), (r"(?<=x)a", False), (r"(?<!x)a", False),
    (r"a(?=b)", False), (r"(?:x|y(?!z))", False), (r"(a)\1", False), (r"(", False),
])
def test_context_free(pattern, expected):
    assert context_free(pattern) is expected
    if expected:
        assert context_free(re.compile(pattern)) is expected


def test_han_count_equals_is_han_per_character():
    rng = random.Random(3)
    for _ in range(500):
        s = "".join(chr(rng.choice((rng.randint(0x20, 0x7e), rng.randint(0x3400, 0xfaff), rng.randint(0, 0x2ffff))))
                    for _ in range(rng.randint(0, 60)))
        s = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        assert han_count(s) == sum(1 for c in s if is_han(c))


def test_gram_run_regex_is_isalnum():
    from checks.keyword_stuffing import _GRAM_RUN_RE

    rng = random.Random(4)
    for _ in range(300):
        s = "".join(chr(rng.randint(0, 0x2ffff)) for _ in range(50)).encode("utf-16", "surrogatepass") \
            .decode("utf-16", "replace")
        assert "".join(_GRAM_RUN_RE.findall(s)) == "".join(c for c in s if c.isalnum())


def test_conversion_char_class_equals_set_membership():
    from checks.conversion_residue import CharClass, _tables

    tb = _tables()
    rng = random.Random(5)
    pool = sorted(tb["s_only"])[:2000] + sorted(tb["t_only"])[:2000] + [chr(rng.randint(0x20, 0x2ffff)) for _ in range(2000)]
    pool = [c for c in pool if not 0xd800 <= ord(c) <= 0xdfff]
    for chars in (tb["s_only"], tb["t_only"], tb["ambiguous"], {"a", "\U00020000", "中"}, set()):
        cls = CharClass(chars)
        for _ in range(60):
            t = "".join(rng.choice(pool) for _ in range(rng.randint(0, 200)))
            assert cls.count(t) == sum(1 for c in t if c in chars)
            assert list(cls.positions(t)) == [i for i, c in enumerate(t) if c in chars]
            assert cls.search(t) == any(c in chars for c in t)


def _reference_quote_spans(text, pairs, qmax):
    spans, opener, closer, start = [], "", "", -1
    for i, ch in enumerate(text):
        if opener:
            if ch == closer:
                spans.append((start, i))
                opener = ""
            elif ch in "\r\n" or i - start > qmax:
                opener = ""
                if ch in pairs and ch not in "\r\n":
                    opener, closer, start = ch, pairs[ch], i + 1
            continue
        if ch in pairs:
            opener, closer, start = ch, pairs[ch], i + 1
    return spans


def test_risky_claim_quote_spans_match_the_character_loop():
    from checks.risky_claim import QUOTE_MAX, QUOTE_PAIRS, quote_spans

    rng = random.Random(6)
    alpha = list("“”「」『』《》〈〉‘’＂\"\r\nab")
    for _ in range(3000):
        p = rng.choice((0.02, 0.3))
        t = "".join(rng.choice(alpha) if rng.random() < p else "x" for _ in range(rng.randint(0, rng.choice((20, 400, 1000)))))
        assert quote_spans(t) == _reference_quote_spans(t, QUOTE_PAIRS, QUOTE_MAX)


def test_spun_text_quoted_matches_the_line_scan():
    from checks.spun_text import SpunText

    def old(text, pos):
        line_start = text.rfind("\n", 0, pos) + 1
        before = text[line_start:pos]
        return before.count("“") > before.count("”")

    rng = random.Random(7)
    check = SpunText()
    for _ in range(1500):
        t = "".join(rng.choice("ab“”\n\r") for _ in range(rng.randint(0, 40)))
        check._quote_marks = None
        for pos in range(len(t) + 1):
            assert check._quoted(t, pos) == old(t, pos)
