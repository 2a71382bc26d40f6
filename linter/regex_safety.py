"""Static analysis of regular expressions for catastrophic backtracking.

Used by config validation (term-rule patterns come from possibly untrusted
repositories) and by ``bench/regex_audit.py`` (every pattern the checks compile).

Each pattern is parsed (``re._parser``) and three shapes are reported:

* ``nested``   — an unbounded repeat inside another repeat (``(a+)*``): exponential;
* ``adjacent`` — two unbounded repeats in one sequence over overlapping characters
                 (``\\s*;?\\s*$``): quadratic in a run of the shared characters;
* ``lead``     — an unanchored pattern starting with an unbounded repeat that needs more
                 after it (``[ \\t]+#$`` with ``search``): quadratic on a long run.

Character-set overlap is decided on a probe alphabet, so it is conservative, not a proof.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

try:  # Python ≥ 3.11
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

UNBOUNDED = C.MAXREPEAT
BIG = 1000  # a bounded repeat this long counts as unbounded
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
PROBE = ([chr(i) for i in range(0x00, 0x250)]
         + list("\u3000\u200b\ufeff\u2028，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·％＄０９ＡＺａｚ")
         + ["中", "的", "一", "龥", "\u3400", "\u4e00", "\u9fff", "\uf900", "ü", "é"])


@dataclass
class Issue:
    kind: str
    detail: str


# -- single-character sets ----------------------------------------------------------------
def _cat(cat, ch: str) -> bool:
    name = str(cat).upper()
    neg = "NOT_" in name
    if "DIGIT" in name:
        r = ch.isdecimal()
    elif "SPACE" in name:
        r = ch.isspace()
    elif "WORD" in name:
        r = ch.isalnum() or ch == "_"
    elif "LINEBREAK" in name:
        r = ch == "\n"
    else:
        r = True
    return r != neg


def _in(items, ch: str) -> bool:
    neg = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            neg = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.NOT_LITERAL:
            hit = hit or ord(ch) != av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit = hit or _cat(av, ch)
        else:  # CHARSET/BIGCHARSET do not occur in parsed (uncompiled) patterns
            hit = True
    return hit != neg


def first_chars(seq) -> set[str]:
    """Probe characters that can start a match of ``seq`` (a parsed sequence)."""
    out: set[str] = set()
    for op, av in seq:
        chars, nullable = _first_of(op, av)
        out |= chars
        if not nullable:
            break
    return out


def _first_of(op, av) -> tuple[set[str], bool]:
    if op is C.LITERAL:
        return {c for c in PROBE if ord(c) == av}, False
    if op is C.NOT_LITERAL:
        return {c for c in PROBE if ord(c) != av}, False
    if op is C.ANY:
        return {c for c in PROBE if c != "\n"}, False
    if op is C.IN:
        return {c for c in PROBE if _in(av, c)}, False
    if op in REPEATS:
        lo, _hi, body = av
        chars = first_chars(body)
        return chars, lo == 0 or nullable(body)
    if op is C.SUBPATTERN:
        body = av[-1]
        return first_chars(body), nullable(body)
    if op is C.BRANCH:
        chars: set[str] = set()
        null = False
        for alt in av[1]:
            chars |= first_chars(alt)
            null = null or nullable(alt)
        return chars, null
    # AT, ASSERT, ASSERT_NOT, GROUPREF...: zero width (a backreference: unknown, treat as nullable)
    return set(), True


def nullable(seq) -> bool:
    return all(_first_of(op, av)[1] for op, av in seq)


def repeat_chars(op, av) -> set[str] | None:
    """Characters an unbounded repeat can consume, or None when (op, av) is not one."""
    if op not in REPEATS:
        return None
    lo, hi, body = av
    if hi != UNBOUNDED and hi < BIG:
        return None
    return _all_chars(body)


def _all_chars(seq) -> set[str]:
    out: set[str] = set()
    for op, av in seq:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            out |= _first_of(op, av)[0]
        elif op in REPEATS:
            out |= _all_chars(av[2])
        elif op is C.SUBPATTERN:
            out |= _all_chars(av[-1])
        elif op is C.BRANCH:
            for alt in av[1]:
                out |= _all_chars(alt)
    return out


# -- the three shapes -------------------------------------------------------------------------
def _has_unbounded(seq) -> bool:
    for op, av in seq:
        if op in REPEATS:
            lo, hi, body = av
            if hi == UNBOUNDED or hi >= BIG or _has_unbounded(body):
                return True
        elif op is C.SUBPATTERN and _has_unbounded(av[-1]):
            return True
        elif op is C.BRANCH and any(_has_unbounded(a) for a in av[1]):
            return True
        elif op in (C.ASSERT, C.ASSERT_NOT) and _has_unbounded(av[1]):
            return True
    return False


def _walk(seq, issues: list[Issue], in_repeat: bool) -> None:
    items = list(seq)
    for i, (op, av) in enumerate(items):
        if op in REPEATS:
            lo, hi, body = av
            unbounded = hi == UNBOUNDED or hi >= BIG
            if (in_repeat or unbounded or hi > 1) and _has_unbounded(body) and (unbounded or in_repeat):
                issues.append(Issue("nested", "an unbounded repeat inside a repeat"))
            _walk(body, issues, in_repeat or hi > 1)
        elif op is C.SUBPATTERN:
            _walk(av[-1], issues, in_repeat)
        elif op is C.BRANCH:
            for alt in av[1]:
                _walk(alt, issues, in_repeat)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], issues, in_repeat)
        a = repeat_chars(op, av)
        if a is None:
            continue
        # look ahead past optional items for another unbounded repeat over overlapping chars
        for op2, av2 in items[i + 1:]:
            b = repeat_chars(op2, av2)
            if b is None and op2 is C.SUBPATTERN:
                inner = list(av2[-1])
                b = repeat_chars(*inner[0]) if inner else None
            if b is not None and a & b:
                shared = "".join(sorted(a & b))[:12]
                issues.append(Issue("adjacent", f"two unbounded repeats over shared characters {shared!r}"))
                break
            if not _first_of(op2, av2)[1]:  # a required item ends the ambiguous stretch
                break


def audit(pattern: str | re.Pattern, flags: int = 0) -> list[Issue]:
    """Backtracking hazards in ``pattern`` (empty list: none found)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if isinstance(pattern, bytes):
        pattern = pattern.decode("latin-1")
    tree = P.parse(pattern, flags)
    issues: list[Issue] = []
    _walk(tree, issues, False)
    if _leads_unbounded(list(tree)):
        issues.append(Issue("lead", "unanchored pattern starting with an unbounded repeat that needs more "
                                    "after it (quadratic on a long run when used with search/finditer)"))
    return issues


def _leads_unbounded(seq) -> bool:
    """True when a match can start with an unbounded repeat followed by a required item and
    nothing before it pins the start (``^``, a lookbehind)."""
    if not seq:
        return False
    op, av = seq[0]
    if op is C.AT or op in (C.ASSERT, C.ASSERT_NOT) and av[0] == -1:
        return False
    rest_required = not nullable(seq[1:])
    if repeat_chars(op, av) is not None:
        return rest_required
    if op is C.SUBPATTERN:
        inner = list(av[-1])
        return _leads_unbounded(inner + seq[1:]) if inner else False
    if op is C.BRANCH:
        return any(_leads_unbounded(list(alt) + seq[1:]) for alt in av[1])
    return False
