"""Pass 5b: words with one character deleted everywhere (人法院 → 人民法院, 抵 → 抵押)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from linter import ngrams
from linter.resources import derived
from linter.text import is_han

from .common import (
    FUNCTION_POS,
    NUMERALS,
    PARTIAL_FRAG_WORD,
    PARTIAL_ONE_SITE_GAIN,
    PARTIAL_VOCAB_FIN,
    PARTIAL_VOCAB_FREQ,
    REG_FREE,
    Cand,
    _free_chars,
    _free_verbs,
    _in_char_list,
    _long_vocab,
    _norm,
    _verb_context,
    junction_gain,
)

RESULT_COMPLEMENTS = "成到完好"  # after a verb: its result (转成, 办完), a phrase of its own
AGENT_SUFFIXES = "人者员方"  # a word + one of these is an agent noun of its own (管理人, 持有者)
PARTIAL_ATTESTED = 3  # a fragment whose word pairs the register writes this often is a phrase of its own
PARTIAL_GAIN_ONE = 6.0  # log gain a lone broken site needs
PARTIAL_GAIN_MANY = 2.0  # log gain each site of a word broken the same way at several places needs ...
PARTIAL_GAIN_WEAK = 0.0  # ... and further copies of its fragment once two sites show it
PARTIAL_ONE_POS = ("n", "v")  # a lone character standing for a two-character word: restored as a noun or verb ...
PARTIAL_ONE_FREEDOM = 0.35  # ... from a character that rarely stands alone in the dictionary ...
PARTIAL_ONE_USED = 20  # ... nor in the register (at least this many occurrences there to tell)


@dataclass
class _Hit:
    start: int
    end: int
    value: Sequence


@lru_cache(maxsize=1)
def _partial_matcher():
    """:func:`_build_partial_matcher`, kept across processes in the user cache."""
    return derived("missing-char-partials", _build_partial_matcher, serializer="pickle",
                   version=f"{PARTIAL_VOCAB_FREQ}/{PARTIAL_VOCAB_FIN}/{PARTIAL_FRAG_WORD}")


def _build_partial_matcher() -> Any:
    """Fragments of frequent words with one character deleted (人民法院 → 人法院 / 民法院 / 人民院,
    国务院 → 国院, 消费金融 → 消金融), each → [(word, index of the deleted character)].  Words:
    jieba's dictionary (3–7 Han characters, frequency ≥ PARTIAL_VOCAB_FREQ), the register's tokens
    and the domain lexicon.  A fragment that is itself a word is left out: only strings that are
    not words can be broken words."""
    frags: dict[str, list[tuple[str, int]]] = {}
    for w in _long_vocab():
        if ngrams.word_pos(w).startswith("nr"):
            continue  # personal names
        for k in range(len(w)):
            f = w[:k] + w[k + 1:]
            if w[k] in f and (f[k - 1:k] == w[k] or f[k:k + 1] == w[k]):
                continue  # a doubled character (人民民): the deletion point is ambiguous
            frags.setdefault(f, []).append((w, k))
    frags = {f: v for f, v in frags.items()
             if ngrams.word_freq(f) < PARTIAL_FRAG_WORD and ngrams.fin_word_count(f) < 2}
    if not frags:
        return None
    # the automaton itself (as linter.lexicon.PhraseMatcher builds it): the scan yields raw
    # (end, (fragment, words)) pairs, no match objects for the many fragments that are not cuts
    import ahocorasick

    auto = ahocorasick.Automaton()
    for f, v in frags.items():
        auto.add_word(f, (f, tuple(v)))
    auto.make_automaton()
    return auto


@lru_cache(maxsize=8192)
def _one_char_options(ch: str) -> tuple[tuple[str, int], ...]:
    """(two-character word, index of its other character) a lone ``ch`` may be the rest of: only for
    a character bound in the dictionary and in the register, nouns and verbs (static: memoised)."""
    if not is_han(ch) or ngrams.char_freedom(ch) > PARTIAL_ONE_FREEDOM or ch in _free_chars() or ch in _free_verbs():
        return ()  # (a verb the register uses alone is a verb: 办|信用卡, 存|五年期)
    alone, used = ngrams.fin_char_use(ch)
    if used < PARTIAL_ONE_USED or alone >= REG_FREE * used:
        return ()  # stands alone in the register (会, 各, 下), or too rare there to tell (燃)
    return tuple((w, 1 - w.index(ch)) for w, f in ngrams.words_with_char(ch)
                 if len(w) == 2 and f >= PARTIAL_VOCAB_FREQ and w[0] != w[1]
                 and ngrams.word_pos(w)[:1] in PARTIAL_ONE_POS)


def _compositional(frag: str) -> bool:
    """A function character joined to a word (不|履行, 已|逾期, 履行|的), a word and a verb the
    register uses alone (优先|选), an agent suffix (管理|人) or an adjective (状况|好), or a numeral and
    its measure word (一|截): a phrase of its own."""
    if len(frag) == 2 and (frag[0] in NUMERALS or (frag[1] in RESULT_COMPLEMENTS and ngrams.word_pos(frag[0])[:1] == "v")):
        return True  # 一|截, 转|成
    if len(frag) < 3:
        return False
    if ngrams.word_freq(frag[:-1]) >= PARTIAL_FRAG_WORD and (
            frag[-1] in _free_verbs() or frag[-1] in AGENT_SUFFIXES or frag[-1] == "时"
            or ngrams.word_pos(frag[-1]) == "a"):
        return True  # 优先|选, 管理|人 (an agent noun), 诉讼|时 (when), 状况|好 (a predicate)
    return any(ngrams.word_pos(ch)[:1] in FUNCTION_POS and ngrams.word_freq(rest) >= PARTIAL_FRAG_WORD
               for ch, rest in ((frag[0], frag[1:]), (frag[-1], frag[:-1])))


def _attested_alone(toks) -> bool:
    """The fragment's tokens follow one another at least PARTIAL_ATTESTED times in the register
    (年化|收益 outside 年化|收益率, 可|执行): a phrase of its own, not a word less one character.
    (Word pairs, not character n-grams: 权人 occurs inside 抵押权人 and 质权人 too.)"""
    modals = _verb_context()["modals"]
    if any(len(t.text) == 1 and t.text not in modals and ngrams.word_pos(t.text)[:1] not in FUNCTION_POS
           for t in toks):
        return False  # a lone content character is a piece of a compound the segmenter split (权|人)
    keys = [ngrams.word_key(t.text) for t in toks]
    return all(ngrams.fin_bigram(a, b) >= PARTIAL_ATTESTED for a, b in zip(keys, keys[1:]))


def _attested_string(frag: str, words) -> bool:
    """A fragment of four or more characters that the register writes at least PARTIAL_ATTESTED
    times outside the words it would restore (年化收益 13 times, 7 of them inside 年化收益率): a
    phrase of its own.  (Only long fragments: a short one hides inside other words, 权人 in 抵押权人.)"""
    lm = ngrams.fin_lm()
    key = ngrams.lm_normalise(frag)
    inside = sum(lm.count(ngrams.lm_normalise(w)) for w, k in words if len(w) <= 5 and (k == 0 or k == len(w) - 1))
    return lm.count(key) - inside >= PARTIAL_ATTESTED


# ---- 5b. words with one character deleted --------------------------------
def find_partials(doc, text, counts) -> list[tuple[Cand, float]]:
    """A filter that deletes one character of a word deletes it from every occurrence of the
    word: the document never contains the word whole, and a string that is not a word but is
    the word less one character stands where it belongs (``，人法院应予支持`` → 人民法院,
    ``向国院报告`` → 国务院).  The fragment must be whole tokens (not inside another word), the
    word absent from the document, and the character model must prefer the restored character:
    strongly at a lone site, clearly at each site of a word broken the same way several times."""
    pm = _partial_matcher()
    if pm is None:
        return []
    toks = doc.tokens
    if not toks:
        return []
    hits = _fragment_hits(doc, text, pm) + _one_char_hits(toks)
    if not hits:
        return []
    norm = _norm(text)
    found: list[tuple[str, int, float, _Hit]] = []
    for m in hits:
        floor = PARTIAL_ONE_SITE_GAIN if m.end - m.start == 1 else PARTIAL_GAIN_WEAK
        for w, k in m.value:
            if (k == 0 and text[m.start - 1:m.start] in "）)」』") or (
                    k == len(w) - 1 and text[m.end:m.end + 1] in "（("):
                continue  # a bracketed alternative: 建（构）筑物
            g = junction_gain(norm, m.start + k, w[k])
            if g >= floor:
                found.append((w, k, g, m))
    if not found:
        return []
    counts.prime({x[0] for x in found})  # only the words the model supports are counted
    by_word: dict[str, list[tuple[float, int, int, int]]] = {}
    best_at: dict[tuple[int, int], tuple[float, str]] = {}
    for w, k, g, m in found:
        if not counts.absent(w):
            continue
        by_word.setdefault(w, []).append((g, m.start, m.end, k))
        cur = best_at.get((m.start, m.end))
        if cur is None or g > cur[0]:
            best_at[(m.start, m.end)] = (g, w)
    out: list[tuple[Cand, float]] = []
    for w, sites in by_word.items():
        sites = [x for x in sites if best_at[(x[1], x[2])][1] == w]  # one restoration per fragment
        sites = _partial_sites(w, sites, text)
        if sites:
            conf = min(0.95, 0.75 + 0.05 * (len(sites) - 1))
            out += [(Cand(s, e, s, e, w, w[k], "partial", g, w), conf) for g, s, e, k in sites]
    return out


def _fragment_hits(doc, text: str, pm) -> list[_Hit]:
    """Strings of whole tokens that are a listed word less one character (``pm``: the partial
    matcher), not a phrase of their own and not written so by the register."""
    toks, token_at = doc.tokens, doc.token_at
    hits = []
    for end_idx, (frag, value) in pm.iter(text):
        e = end_idx + 1
        s = e - len(frag)
        i = token_at(s)
        if toks[i].start != s:
            continue  # inside another word
        j = token_at(e - 1)
        if i == j or toks[j].end != e:
            continue  # a single token (a word jieba knows), or inside another word
        if _compositional(frag):
            continue  # 不|履行 is a phrase of its own, not 拒不履行 cut
        if _attested_alone(toks[i:j + 1]) or (len(frag) >= 4 and _attested_string(frag, value)):
            continue  # the register writes it so (年化收益, 可执行): no fragment
        hits.append(_Hit(s, e, value))
    return hits


def _one_char_hits(toks) -> list[_Hit]:
    """One character left of a two-character word (分期 → 分, 罚款 → 款): a single-character
    token that forms no word with its neighbours and is not an item of a list of characters."""
    hits = []
    n = len(toks)
    for i, t in enumerate(toks):
        ch = t.text
        if len(ch) != 1:
            continue
        opts = _one_char_options(ch)
        if not opts:
            continue
        prev = toks[i - 1].text if i else ""
        nxt = toks[i + 1].text if i + 1 < n else ""
        if ((prev and ngrams.word_freq(prev[-1] + ch) >= 20) or (nxt and ngrams.word_freq(ch + nxt[0]) >= 20)):
            continue  # the character forms a word with its neighbour (受|用人单位): no orphan
        if _in_char_list(toks, i):
            continue  # 理、工、农、医: one-character items, not 农业 cut
        hits.append(_Hit(t.start, t.end, opts))
    return hits


def _partial_sites(w: str, sites: list[tuple[float, int, int, int]], text: str) -> list[tuple[float, int, int, int]]:
    """The sites (gain, start, end, index of the cut character) where ``w``, cut the same way
    each time, is restored: the sites the model clearly prefers (every copy of the fragment once
    two show it); for one character left, several distinct contexts and no collocation; a lone
    site (a repeated line is one) only with a strong gain and no function character at its edge."""
    n_frag = len({text[s:e] for _, s, e, _ in sites})
    if not sites or n_frag != 1:
        return []
    strong = [x for x in sites if x[0] >= PARTIAL_GAIN_MANY]
    if not (len(strong) >= 2 and sites[0][2] - sites[0][1] > 1):
        sites = strong  # (shown broken twice: every further copy of the same fragment is a site too)
    if not sites:
        return []
    if len(w) - len(text[sites[0][1]:sites[0][2]]) == 1 and sites[0][2] - sites[0][1] == 1:
        # one character left: several distinct contexts that each clearly prefer the word
        ctxs = {text[max(0, s - 2):e + 2] for g, s, e, _ in sites if g >= PARTIAL_ONE_SITE_GAIN}
        if len(ctxs) < 2:
            return []
        sites = [x for x in sites if x[0] >= PARTIAL_ONE_SITE_GAIN]
        # a remainder always next to the same word is a collocation (为农|服务, 扣除|可|节省)
        # (a list comma is no collocate: 变更、转让、抵和消灭 lists items)
        lefts = [x for x in (text[max(0, s - 1):s] for _, s, _, _ in sites) if x != "、"]
        rights = [x for x in (text[e:e + 1] for _, _, e, _ in sites) if x != "、"]
        if any(len(side) >= 2 and len(set(side)) == 1 for side in (lefts, rights)):
            return []
    elif len({text[max(0, s - 3):e + 3] for _, s, e, _ in sites}) == 1 and (
            max(x[0] for x in sites) < PARTIAL_GAIN_ONE or _edge_free(text, sites[0][1], sites[0][2])):
        return []
    return sites


def _edge_free(text: str, s: int, e: int) -> bool:
    """The fragment starts or ends with a function word (所, 的, 在, 等): a word next to a
    function word, as likely as a broken word."""
    return any(ngrams.word_pos(ch)[:1] in FUNCTION_POS for ch in (text[s], text[e - 1]))

