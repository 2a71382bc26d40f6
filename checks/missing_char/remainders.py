"""Pass 4: remainders of a word the document lacks (an orphan noun, a compound's
remainder when a listed filter word is gone)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from linter import ngrams
from linter.resources import load_words
from linter.text import is_han

from .common import (
    AFFIX_VOCAB_FREQ,
    CLAUSE_PUNCT,
    FRAME_CONF,
    NOUN_POS,
    PARTIAL_ONE_SITE_GAIN,
    PARTIAL_VOCAB_FIN,
    Cand,
    _filter_words,
    _free_chars,
    _norm,
    gain,
    junction_gain,
)

ORPHAN_NOUN_SHARE = 0.2  # a noun whose register predecessors are at least this share one filter word ...
ORPHAN_NOUN_MIN = 30  # ... over at least this many corpus uses ...
ORPHAN_NOUN_SITES = 3  # ... standing after a word never seen before it at this many sites: the word is deleted
ORPHAN_NOUN_ATTRIB = 0.3  # a word followed by 的 in this share of its register uses is attributive
ORPHAN_NOUN_PREV_POS = ("v", "p", "f", "n", "vn")  # a verb, preposition, locative or noun; never an adverb or adjective (专门|人员)
REPEAT_CONTEXTS = 3  # distinct places a one-character remainder is shown cut before its other copies are sites
REPEAT_CONF = 0.7
REPEAT_MIN_GAIN = -2.5  # ... at each further copy the restoration may read a little worse, not much ...
REPEAT_MANY = 5  # ... and a remainder shown cut at this many places ...
REPEAT_MANY_MIN_GAIN = -8.0  # ... is restored at every further copy that does not read much worse still
COMPOUND_SITES = 3  # a bound character standing alone this often may be a compound's remainder ...
COMPOUND_SITE_GAIN = 0.0  # ... restored wherever the compound reads no worse, once two contexts clearly prefer it


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    return frozenset(load_words("missing_char/light_verbs.txt"))


@lru_cache(maxsize=1)
def _compounds() -> dict[str, list[tuple[str, str, str]]]:
    """filter word d → [(compound, remainder, side)] from the domain lexicon, side 'head'
    (d+r: 催收人员 → 人员) or 'tail' (r+d: 上门催收 → 上门)."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    domain = load_words(ngrams.DOMAIN_WORDS)
    words = [line.split()[0] for line in domain]
    for d in _filter_words():
        if len(d) < 2:
            continue
        lst = []
        for w in words:
            if len(w) < len(d) + 2 or w == d:
                continue
            if w.startswith(d) and ngrams.word_freq(w[len(d):]) >= 100:
                lst.append((w, w[len(d):], "head"))
            elif w.endswith(d) and ngrams.word_freq(w[:-len(d)]) >= 100:
                lst.append((w, w[:-len(d)], "tail"))
        if lst:
            out[d] = lst
    return out


# ---- 4. remainders of a word the document lacks ------------------------
def find_remainders(text, toks, absent, deleted) -> list[list[Cand]]:
    """A filter word the document lacks, whose compounds' remainders stand broken:
    ``：人员需携带证件`` (催收人员), ``采用上门？`` (上门催收).  Needs two sites broken at a
    clause boundary before any site is reported."""
    comps = _compounds()
    out: list[list[Cand]] = []
    by_rem: dict[str, list[tuple[str, str, str]]] = {}
    for d, lst in comps.items():
        if not absent(d):
            continue
        for w, r, side in lst:
            by_rem.setdefault(r, []).append((w, d, side))
    if not by_rem:
        return out
    strong: dict[str, list[Cand]] = {}
    weak: dict[str, list[Cand]] = {}
    n = len(toks)
    for i, t in enumerate(toks):
        opts = by_rem.get(t.text)
        if not opts:
            continue
        prev = toks[i - 1].text if i > 0 else "\n"
        nxt = toks[i + 1].text if i + 1 < n else "\n"
        if prev.strip() == "" and i > 1:
            prev = toks[i - 2].text if prev not in ("\n", "\r\n") else prev
        prev_b = prev[-1] in CLAUSE_PUNCT or prev[-1] in "\r\n" or prev[-1].isdigit() or prev[-1] in "#-*"
        next_b = nxt[0] in CLAUSE_PUNCT or nxt[0] in "\r\n"
        prev_v = ngrams.word_pos(prev) in ("v", "p", "f")
        for w, d, side in sorted(opts, key=lambda o: -ngrams.word_freq(o[0])):
            if side == "head":  # d + r: a label standing alone (电话催收: → 催收:)
                is_strong = prev_b and next_b and nxt[0] in ":：" and prev[-1] in "\r\n#-*"
                # ... or a noun whose usual modifier in the register is d, standing after a
                # word the register never puts before it (核对|人员 ← 核对催收人员)
                is_weak = not is_strong and _orphan_noun(prev, t.text, d, prev_b)
            else:  # r + d: the modifier stands without its head (采用上门？)
                is_strong = (next_b and nxt[0] not in "、，,;；:：" and (prev_b or prev_v)
                             and prev not in _light_verbs())
                is_weak = False
            if is_strong or is_weak:
                c = Cand(t.start, t.end, t.start, t.end, w, d, "remainder", 0.0, w, prev=prev)
                (strong if is_strong else weak).setdefault(d, []).append(c)
                break
    for d in set(strong) | set(weak):
        sites = strong.get(d, [])
        # orphaned nouns count only where other evidence already says d is gone (a broken
        # label or modifier, or d restored elsewhere), and never after a word they follow
        # twice: a repeated pair is a compound of another register (审判|人员, 操作|人员)
        w_sites = weak.get(d, []) if (sites or d in deleted) else []
        prevs = Counter(c.prev for c in w_sites)
        w_sites = [c for c in w_sites if prevs[c.prev] < 2]
        if len(sites) >= 2 or (sites and d in deleted) or len(w_sites) >= ORPHAN_NOUN_SITES:
            out.extend([c] for c in sites)
            out.extend([c] for c in w_sites)
    return out


def _orphan_noun(prev: str, r: str, d: str, prev_b: bool) -> bool:
    """``r`` is a noun the finance corpus mostly writes after ``d`` (人员 after 催收), and here
    it follows a word the corpus never writes before it."""
    if ngrams.word_pos(r) not in NOUN_POS:
        return False
    pred = ngrams.fin_predecessors(r)
    total = sum(pred.values())
    if total < ORPHAN_NOUN_MIN or pred.get(d, 0) < ORPHAN_NOUN_SHARE * total:
        return False
    if prev_b:
        return True
    if not prev or not all(is_han(ch) for ch in prev) or prev in ("的", "之"):
        return False
    if ngrams.word_pos(prev) not in ORPHAN_NOUN_PREV_POS:
        return False
    key = ngrams.word_key(prev)
    succ = ngrams.fin_successors(key)
    if succ.get("的", 0) >= ORPHAN_NOUN_ATTRIB * max(1, sum(succ.values())):
        return False  # an attributive word (专门的 …) may modify the noun directly: 专门人员
    return ngrams.fin_bigram(key, r) == 0 and ngrams.word_freq(prev + r) == 0


def find_compound_remainders(text, toks, counts, max_free: float) -> list[tuple[Cand, float]]:
    """A filter that deletes a two-character word everywhere leaves the rest of each
    three-character compound that contains it standing alone: 违约 gone, 违约金 reads 金 at
    every occurrence (的金。, 免收金。).  A bound character standing alone at several places,
    a compound completing it whose deleted part the document never contains, and at least two
    distinct contexts where the character model clearly prefers the compound: those sites,
    and the further ones where it reads no worse, are restored (offered, not applied)."""
    by_char: dict[str, list] = {}
    for t in toks:
        ch = t.text
        if len(ch) == 1 and is_han(ch) and ch not in _free_chars() and \
                ngrams.char_freedom(ch) <= max_free:
            by_char.setdefault(ch, []).append(t)
    norm = _norm(text)
    out: list[tuple[Cand, float]] = []
    for ch, sites in by_char.items():
        if len(sites) < COMPOUND_SITES:
            continue
        best = None
        for w, _ in ngrams.words_with_char(ch)[:60]:
            if len(w) != 3 or w[1] == ch:
                continue
            part = w[:2] if w[2] == ch else w[1:]
            if not all(is_han(c) for c in part) or not counts.absent(part) or (
                    ngrams.word_freq(part) < AFFIX_VOCAB_FREQ and ngrams.fin_word_count(part) < PARTIAL_VOCAB_FIN):
                continue
            gains = [(junction_gain(norm, t.start, part) if w[2] == ch else
                      junction_gain(norm, t.end, part), t) for t in sites]
            strong = {text[max(0, t.start - 2):t.end + 2] for g, t in gains if g >= PARTIAL_ONE_SITE_GAIN}
            if len(strong) >= 2 and (best is None or len(strong) > best[0]):
                best = (len(strong), w, part, gains)
        if best is None:
            continue
        _, w, part, gains = best
        for g, t in gains:
            if g >= COMPOUND_SITE_GAIN:
                q = t.start if w[2] == ch else t.end
                out.append((Cand(t.start, t.end, q, q, part, part, "partial", g, w), FRAME_CONF))
    return out



def find_repeated_remainders(text: str, single_spans, findings) -> list[tuple[Cand, float]]:
    """Every other standalone copy (``single_spans``: the document's one-character tokens) of a
    one-character remainder that the findings restore the same way at REPEAT_CONTEXTS or more
    distinct places: a filter deletes its word everywhere, so where the character model found
    no clear gain (收取|金 for 收取违约金, the pair 取金 being common), or the orphan pass did not
    take the character up (还款的|金是: 的金 is common), the document's own evidence decides (a
    car-loan article that never writes 违约 and shows 金 cut from 违约金 six times)."""
    shown: dict[tuple[str, str], set[str]] = {}
    taken: set[int] = set()
    for c, _ in findings:
        taken.update(range(c.start, c.end))
        frag = text[c.start:c.end]
        if (c.kind in ("orphan", "partial", "remainder") and len(frag) == 1 and c.word
                and len(c.word) > 1 and frag in c.word and is_han(frag)):
            shown.setdefault((frag, c.word), set()).add(text[max(0, c.start - 2):c.end + 2])
    out: list[tuple[Cand, float]] = []
    norm = _norm(text)
    for (frag, word), ctxs in shown.items():
        if len(ctxs) < REPEAT_CONTEXTS or word in text:
            continue
        k = word.index(frag)
        left, right = word[:k], word[k + 1:]
        for s, e in single_spans:
            if text[s:e] != frag or s in taken:
                continue
            # ... where the restoration reads no more than a little worse (多问|一句 is the verb 问); a
            # filter shown at work five times (扣掉|金之后, ten 金 cut from 违约金) is trusted further
            g = (gain(norm, s, left) if left else 0.0) + (gain(norm, e, right) if right else 0.0)
            if g < (REPEAT_MANY_MIN_GAIN if len(ctxs) >= REPEAT_MANY else REPEAT_MIN_GAIN):
                continue
            # the fix puts back what is missing, as the other sites' fixes do (违约 before 金)
            fs, fe, repl = (s, s, left) if not right else (e, e, right) if not left else (s, e, word)
            out.append((Cand(s, e, fs, fe, repl, left + right, "remainder", g, word), REPEAT_CONF))
    return out
