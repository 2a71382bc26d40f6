"""Pass 1: orphaned bound morphemes (存, 潜, 措 standing alone) and the words they complete."""
from __future__ import annotations

import math

from linter import ngrams
from linter.text import is_han

from .common import (
    CLAUSE_PUNCT,
    MIN_SHARE_RATE,
    NUMERALS,
    PARTIAL_FRAG_WORD,
    REG_FREE,
    Cand,
    _free_chars,
    _free_verbs,
    _gain_cache,
    _in_char_list,
    _names,
    _norm,
    _verb_context,
    gain,
)

GAIN_FREE = 2.0  # log gain a restoration of a character free in the register needs at a site ...
GAIN_BOUND = 0.5  # ... and of a bound one (to count as strong evidence or stand alone)
LABEL_AFTER = set("。？！?!；;）)")
LOCATIVES = ("上", "中", "里", "内")  # postpositions after a noun
ASPECT = ("了", "过", "着")  # aspect particles, which may split a separable verb (拍了板)
SEPARABLE_FREQ = 100  # ... whose two halves form a word this frequent
ATTESTED_MIN = 3  # register uses of a 4-gram around an orphan that make its reading ordinary


def _register_attested(lm, norm: str, start: int, end: int, side: str) -> bool:
    """The lone character ``norm[start:end]`` reads as the register writes it on ``side`` ("R":
    the 4-grams reaching 2–3 characters to its right, "L": to its left) — at least
    ``ATTESTED_MIN`` uses: 举个例子 is no 举行 cut short.  Only the side the restoration would
    fill counts: 关心的问 is common because 问题 follows it, so it says nothing about 的问是."""
    spans = ((start - 1, end + 2), (start, end + 3)) if side == "R" else ((start - 3, end), (start - 2, end + 1))
    for a, b in spans:
        if a < 0 or b > len(norm):
            continue
        if (a == start and not is_han(norm[end:end + 1])) or (b == end and not is_han(norm[start - 1:start])):
            continue  # only punctuation on the filled side: 问，可以 says nothing about 逾期问，
        gram = norm[a:b]
        if "\n" not in gram and lm.count(gram) >= ATTESTED_MIN:
            return True
    return False


def find_orphans(text, toks, absent, max_free: float) -> list[list[Cand]]:
    """Single bound characters standing alone (关心的问是 → 问题, 存极端风险 → 存在): per such
    token, the dictionary words that complete it on one side, each with its local evidence and
    the in-register model's gain for the restoration (``gain``, against ``need``)."""
    out = []
    norm = _norm(text)
    lm = ngrams.fin_lm()
    gains = _gain_cache()  # the same context and insertion, the same gain (across documents)
    vc = _verb_context()
    n = len(toks)
    # the static tables once per document, not once per token
    free_chars, free_verbs, names = _free_chars(), _free_verbs(), _names()
    char_freedom, word_freq, word_pos = ngrams.char_freedom, ngrams.word_freq, ngrams.word_pos
    for i, t in enumerate(toks):
        ch = t.text
        if len(ch) != 1 or not ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
                                or "\uf900" <= ch <= "\ufaff"):  # (is_han written out: every token)
            continue
        free = char_freedom(ch)
        if free > max_free or ch in free_chars:
            continue
        prev = toks[i - 1].text if i > 0 else ""
        nxt = toks[i + 1].text if i + 1 < n else ""
        if _stands_as_itself(text, toks, i, prev, nxt, free_chars, names):
            continue
        is_free = ch in free_verbs
        mass = ngrams.char_mass(ch) or 1
        # a character that often stands alone in the register (签, 拒, 选, 卡) needs a context
        # that strongly predicts the restored word; a bound one (措, 扰, 债) a context that prefers it
        alone, used = ngrams.fin_char_use(ch)
        need_gain = GAIN_FREE if used >= 10 and alone >= REG_FREE * used else GAIN_BOUND
        clause_end = (not nxt) or (nxt[0] in CLAUSE_PUNCT and nxt[0] != "、") or nxt[0] in "\r\n"
        # a verb the register uses alone (签, 办, 帮) is a monosyllabic verb, not a remainder: it
        # stands for its two-character synonym (签 for 签订), or takes its object (办|附属卡)
        # ... and any verb character before an aspect particle or after a modal is a verb
        # (帮我办|过, 服务不能|撤)
        pos_ch = word_pos(ch)
        verb_char = pos_ch[:1] == "v"
        verb_alone = need_gain == GAIN_FREE and verb_char
        verb_used = ((verb_alone and (nxt in vc["complements"] or word_pos(nxt)[:1] in ("n", "r")))
                     or (verb_char and (nxt in vc["aspect"] or prev in vc["modals"]))
                     # a monosyllabic verb with its result (选|到省一级, 保|到60岁)
                     or (is_free and nxt != "的" and prev not in ("的", "之") and nxt in vc["complements"]))
        # a prefix before a word (非|本地, 非|定点) or a suffix after one is attached, not cut
        prefix_used = pos_ch == "h" and nxt[:1] != "" and is_han(nxt[0])
        suffix_used = pos_ch == "k" and prev[-1:] != "" and is_han(prev[-1])
        site = []
        attested: dict[str, bool] = {}  # side → the register writes the character so (once per token)
        if verb_used:
            continue  # (every completion below would be skipped as a verb's)
        log_free = math.log(max(free, 0.01))
        for w, f in ngrams.words_with_char(ch)[:60]:
            if len(w) > 3:
                continue
            pos = w.find(ch)
            left, right = w[:pos], w[pos + 1:]
            if left and right:
                continue
            if verb_alone and word_pos(w)[:1] == "v":
                continue
            if (right and prefix_used) or (left and suffix_used):
                continue
            # the register writes the character this way on the side the restoration would
            # fill (举|个例子 for 举行): attested use, not a fragment
            side = "R" if right else "L"
            seen_side = attested.get(side)
            if seen_side is None:
                seen_side = attested[side] = _register_attested(lm, norm, t.start, t.end, side)
            if seen_side:
                continue
            if right:
                if text.startswith(right, t.end):
                    continue
                repl, ins, fs, fe = w, right, t.start, t.end
            else:
                if text.endswith(left, 0, t.start):
                    continue
                # a deleted word's head goes after a complete word: punctuation or a
                # function character before it (的扰 → 的骚扰), not a content word (分配|表)
                if prev and is_han(prev[-1]) and prev[-1] not in free_chars:
                    continue
                repl, ins, fs, fe = w, left, t.start, t.end
            if len(ins) >= 2 and word_freq(ins) < PARTIAL_FRAG_WORD:
                continue  # a filter deletes words: 用卡 is none (信 → 信用卡 is a letter, 一封信)
            local = math.log(f / mass) - log_free
            if clause_end:
                local += 0.5
            if is_free:
                local -= 2.0
            # does the in-register model predict the restored word in this context?
            # (only for completions frequent enough to be used: the rest are never chosen)
            q = fe if right else fs
            if f / mass >= MIN_SHARE_RATE:
                gkey = (norm[max(0, q - 4):q + 4], q - max(0, q - 4), ins)
                g = gains.get(gkey)
                if g is None:
                    g = gains[gkey] = gain(norm, q, ins)
            else:
                g = -99.0
            site.append(Cand(t.start, t.end, fs, fe, repl, ins, "orphan", local, w, gain=g, need=need_gain,
                             share=f / mass, clause_end=clause_end, free=is_free, prev=prev, next=nxt))
        if site:
            out.append(site)
    return out


def _stands_as_itself(text: str, toks, i: int, prev: str, nxt: str, free_chars, names) -> bool:
    """The single character ``toks[i]`` is used as itself here, not left by a cut word: a teaser
    cut short, a noun before its postposition, a separable verb split by its particle, a measure
    word after a numeral, an out-of-vocabulary word of two bound characters, a segmentation
    artefact, a 问/答 label, part of a name, an enumeration of one-character items."""
    ch = toks[i].text
    n = len(toks)
    word_freq, word_pos, char_freedom = ngrams.word_freq, ngrams.word_pos, ngrams.char_freedom
    if text.startswith(("...", "…"), toks[i].end):
        return True  # a teaser the page cut short (收取一定的罚...), not a filter's deletion
    if prev == "的" and nxt in LOCATIVES and (i + 2 >= n or toks[i + 2].text[:1] in CLAUSE_PUNCT
                                               or toks[i + 2].text in ("的", "有", "是")):
        return True  # 的表|上，: a noun standing as a word before its postposition
    if prev in ASPECT and i >= 2 and word_freq(toks[i - 2].text[-1:] + ch) >= SEPARABLE_FREQ:
        return True  # 拍了|板, 帮过|忙: a separable verb split by its aspect particle, not 老板 cut
    if prev and (prev[-1].isdigit() or (word_pos(prev) == "m" and prev[-1] in NUMERALS)) and not (
            prev == "一" and i > 1 and toks[i - 2].text in ("这", "那", "此", "该")):
        return True  # 三四|线, 2025|年: a measure word after a numeral (not a noun's remainder: 这一|问，)
    # two bound single characters side by side: an out-of-vocabulary word, not a cut
    if any(len(nb) == 1 and is_han(nb) and nb not in free_chars and char_freedom(nb) < 0.5
           for nb in (prev, nxt)):
        return True
    # the character forms a word with its neighbour's edge: a segmentation artefact
    # (会上|门 is 会|上门), not an orphan
    if ((prev and word_freq(prev[-1] + ch) >= 20) or (nxt and word_freq(ch + nxt[0]) >= 20)
            or (len(prev) >= 2 and word_freq(prev[-2:] + ch) >= 20)):
        return True
    if nxt[:1] in (":", "：") and (i == 0 or "\n" in prev or prev.strip() == "" or prev[-1] in LABEL_AFTER):
        return True  # 问：/答： labels, also run in after a question (…吗？答：…)
    if prev in names["before"] or nxt.startswith(names["after"]):
        return True  # a name: 小王, 老邓, 王先生, 蒋女士
    return _in_char_list(toks, i)  # an enumeration of one-character items: 理、工、农、医; 强行登、占
