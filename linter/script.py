"""Chinese script: OpenCC's character tables (which characters exist only in simplified or only in
traditional script), converters, and the conversions between a traditional page and its simplified
twin.  Shared by conversion-residue (mixed scripts) and by the engine, which lets the checks that read
simplified text see a traditional page in simplified script (``Check.reads_simplified``)."""
from __future__ import annotations

import os
import re
from functools import lru_cache

MIN_SCRIPT_CHARS = 8  # script-specific characters before a page counts as traditional


@lru_cache(maxsize=1)
def _tables():
    import opencc

    ddir = os.path.join(os.path.dirname(opencc.__file__), "dictionary")

    def load(name):
        out: dict[str, list[str]] = {}
        with open(os.path.join(ddir, name), encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if "\t" in line:
                    k, v = line.split("\t", 1)
                    out[k] = v.split()
        return out

    st, ts = load("STCharacters.txt"), load("TSCharacters.txt")
    tw, hk = load("TWVariants.txt"), load("HKVariants.txt")
    tw_rev, hk_rev = load("TWVariantsRev.txt"), load("HKVariantsRev.txt")
    # regional standard forms (峰 in Taiwan, not OpenCC's 峯) are valid traditional characters;
    # a regional form of another character (么 for 幺) is not
    regional = {c for rev in (tw_rev, hk_rev) for c, v in rev.items() if set(v) & set(st.get(c, ()))}
    regional |= {x for var in (tw, hk) for k, v in var.items() for x in v if x not in st or k in st[x]}
    s_only = {c for c, v in st.items() if len(c) == 1 and c not in v} - regional
    t_only = {c for c, v in ts.items() if len(c) == 1 and c not in v}
    both = s_only & t_only
    s_only -= both
    t_only -= both
    # to the OpenCC standard form: 裡 → 裏, 為 → 爲 …
    to_std = {k: v[0] for k, v in list(tw_rev.items()) + list(hk_rev.items()) if len(k) == 1 and v and k in ts}
    # traditional characters whose simplified form has several traditional forms (干 → 幹 乾 干)
    ambiguous = set()
    for s, cands in st.items():
        if len(s) == 1 and len(cands) >= 2:
            ambiguous.update(c for c in cands if len(c) == 1)
    phrases = {k: v[0] for k, v in load("STPhrases.txt").items() if 2 <= len(k) <= 4 and v and len(v[0]) == len(k)}
    tw_keys = frozenset(tw)
    tw_vals = frozenset(x for v in tw.values() for x in v)
    return {"phrases": phrases, "s_only": frozenset(s_only), "t_only": frozenset(t_only), "st": st, "ts": ts,
            "tw_keys": tw_keys, "tw_vals": tw_vals, "to_std": to_std, "ambiguous": frozenset(ambiguous),
            # the same character sets as compiled classes: counting and finding them is one C-level pass
            "s_cls": CharClass(s_only), "t_cls": CharClass(t_only),
            "tw_keys_cls": CharClass(tw_keys), "tw_vals_cls": CharClass(tw_vals),
            "amb_cls": CharClass(ambiguous)}


_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


class CharClass:
    """A set of single characters (longer strings in ``chars`` are ignored: the checks test one character
    at a time) that counts and finds its members with C-level regex scans.  sre keeps BMP characters in
    a bitmap but tests characters beyond the BMP one by one (≈ 1 µs per character for OpenCC's 1,000+
    Extension B characters), so those are matched as one range and filtered against the set."""

    def __init__(self, chars) -> None:
        singles = {c for c in chars if len(c) == 1}
        self.astral = frozenset(c for c in singles if ord(c) > 0xFFFF)
        bmp = "".join(re.escape(c) for c in sorted(singles - self.astral))
        self._bmp_one = re.compile(f"[{bmp}]") if bmp else None
        body = bmp + ("\U00010000-\U0010FFFF" if self.astral else "")
        self._one = re.compile(f"[{body}]") if body else None

    def count(self, text: str) -> int:
        # members deleted in one C-level pass: no list of runs (3x faster when members are frequent)
        n = len(text) - len(self._bmp_one.sub("", text)) if self._bmp_one else 0
        if self.astral and _ASTRAL_RE.search(text):
            n += sum(1 for m in _ASTRAL_RE.finditer(text) if m.group() in self.astral)
        return n

    def positions(self, text: str):
        """Offsets of the members in ``text``, in order."""
        if self._one is None:
            return
        for m in self._one.finditer(text):
            if ord(m.group()) <= 0xFFFF or m.group() in self.astral:
                yield m.start()

    def search(self, text: str) -> bool:
        return next(self.positions(text), None) is not None


@lru_cache(maxsize=8)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def is_traditional(text: str) -> bool:
    """The page is mostly in traditional script: more traditional-only than simplified-only
    characters, and at least MIN_SCRIPT_CHARS of them."""
    tb = _tables()
    n_t = tb["t_cls"].count(text)
    if n_t < MIN_SCRIPT_CHARS:
        return False
    return n_t > tb["s_cls"].count(text)


def to_simplified(text: str) -> str | None:
    """``text`` in simplified script (OpenCC t2s), or None when the conversion changes its length
    (a phrase mapped to another length: offsets would no longer match the page)."""
    out = _converter("t2s").convert(text)
    return out if len(out) == len(text) else None


def to_traditional(simplified: str, start: int, end: int, replacement: str) -> str:
    """``replacement`` for ``simplified[start:end]`` in traditional script, converted in its context
    (头发 → 頭髮, not 發 alone): the characters either side are converted with it and cut off again."""
    if not replacement:
        return replacement
    s2t = _converter("s2t").convert
    left, right = simplified[max(0, start - 2):start], simplified[end:end + 2]
    whole = s2t(left + replacement + right)
    if len(whole) != len(left) + len(replacement) + len(right):
        return s2t(replacement)  # (a phrase changed length: the replacement alone)
    return whole[len(left):len(left) + len(replacement)]
