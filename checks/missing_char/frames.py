"""Pass 5a: a framing preposition deleted everywhere (在……中, 通过……方式)."""
from __future__ import annotations

from functools import lru_cache

from linter import ngrams
from linter.resources import load_toml
from linter.text import han_count, is_han

from .common import FRAME_CONF, Cand, _free_chars, _norm, expected_rate

FRAME_CLAUSE = set("，。；：？！,.;:?!\r\n")
FRAME_GAIN = 2.0  # log gain the best phrase start of a clause needs
MEANS_EXPECTED = 1.5  # occurrences the register's rate predicts for a means preposition it lacks
MEANS_NOT_AFTER = ("的", "之", "是", "有", "和", "或", "或者", "及", "以及", "与", "并", "等", "也", "都")  # after the head: no means phrase
MEANS_MAX_TOKENS = 8  # the longest means phrase before its head noun, in tokens
FRAME_EXPECTED = 4.0  # occurrences the document's length predicts for a preposition it lacks


@lru_cache(maxsize=1)
def _means() -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    d = load_toml("missing_char/frames.toml").get("means", {})
    return {prep: (frozenset(v.get("close", ())), frozenset(v.get("before", ())), frozenset(v.get("inside", ())))
            for prep, v in d.items()}


@lru_cache(maxsize=1)
def _frames() -> dict[str, tuple[frozenset[str], int]]:
    d = load_toml("missing_char/frames.toml").get("frames", {})
    return {prep: (frozenset(v.get("close", ())), int(v.get("max-span", 16))) for prep, v in d.items()}


def _in_noun_phrase(tok: str, inside: frozenset[str]) -> bool:
    """A token that may stand inside a means phrase before its head noun: a noun, an adjective, or
    one of the phrase's function words (``inside``: 电话、短信及信函等, 这些)."""
    return tok in inside or (ngrams.word_pos(tok)[:1] in ("n", "a") and all(is_han(c) for c in tok))


# ---- 5a. a framing preposition deleted everywhere -------------------------
def find_frames(text, toks, counts, deleted) -> list[tuple[Cand, float]]:
    """A preposition that opens a phrase closed by a postposition (在……中, 在……时) and that
    the document lacks while its length predicts it many times (``deleted`` by rate): each
    clause where a closing postposition follows is a site, and the preposition goes back at
    the boundary before it where the character model prefers it most (``可以|手机银行的
    贷款详情中查看`` → 可以在手机银行…).  Frames: ``missing_char/frames.toml``."""
    frames = _frames()
    han_n = han_count(text)
    todo = [(prep, fr) for prep, fr in frames.items() if counts.absent(prep)
            and (prep in deleted or expected_rate(prep) * han_n >= FRAME_EXPECTED)]
    if not todo or len(toks) < 2:
        return []
    lm = ngrams.fin_lm()
    norm = _norm(text)
    out: list[tuple[Cand, float]] = []
    for prep, (close, max_span) in todo:
        start = 0  # index of the first token of the current clause
        used_clause = -1
        for i, t in enumerate(toks):
            tx = t.text
            if tx and (tx[0] in FRAME_CLAUSE or tx.strip() == ""):
                start = i + 1
                continue
            if i == start or start == used_clause or not _closes(tx, close, toks, i):
                continue
            best = None
            for j in range(max(start, i - 12), i):
                B = toks[j]
                p = B.start
                if t.start - p > max_span or t.start - p < 2 or not is_han(B.text[0]):
                    continue
                left = text[p - 1:p]
                if j > start and (toks[j - 1].end != p or not is_han(left)):
                    continue
                if ngrams.word_freq(prep + B.text[0]) >= 100:
                    continue  # would read as another word (在于)
                hist = norm[max(0, p - 4):p]
                g = (lm.score(hist + prep + norm[p:p + 4], len(hist))
                     - lm.score(hist + norm[p:p + 4], len(hist)))
                if best is None or g > best[0]:
                    best = (g, j, p)
            if best is None or best[0] < FRAME_GAIN:
                continue
            g, j, p = best
            used_clause = start  # one phrase per clause
            s0 = p - 1 if p > 0 and text[p - 1] not in "\r\n" else p
            out.append((Cand(s0, p + 1, p, p, prep, prep, "frame", g, prep), FRAME_CONF))
    return out


def find_means_phrases(text, toks, counts) -> list[tuple[Cand, float]]:
    """A means phrase whose preposition the filter took everywhere (通过 gone: 会先|电话、短信
    等方式进行, 可|法律途径维权, 。|这些方法，): the phrase ends in a head noun of means, a
    verb or a comma follows it, and an adverb or modal or the clause start stands right before
    it.  The preposition goes back before the phrase where two such phrases at least show it
    gone (``frames.toml``, ``[means]``)."""
    han_n = han_count(text)
    out: list[tuple[Cand, float]] = []
    for prep, (close, before, inside) in _means().items():
        # (the register's rate: 通过 is an advice article's word more than a dictionary's)
        if not counts.absent(prep) or ngrams.fin_word_count(prep) / max(1, ngrams.fin_word_total()) * han_n < MEANS_EXPECTED:
            continue
        sites = []
        for i, t in enumerate(toks):
            if not (t.text in close or (len(t.text) >= 3 and t.text[-2:] in close)) or i + 1 >= len(toks):
                continue  # (the head, or a compound ending in it: 正规渠道)
            nxt = toks[i + 1].text
            if not (nxt[:1] in "，," or (is_han(nxt[:1]) and nxt not in MEANS_NOT_AFTER)):
                continue  # the phrase modifies what follows (…方式进行), or opens the clause (…方法，)
            j = i
            if t.text in close and j > 0 and ngrams.word_pos(toks[j - 1].text)[:1] in ("n", "v", "a") and \
                    all(is_han(c) for c in toks[j - 1].text):
                j -= 1  # the head's modifier (催收|渠道, 维权|途径)
            while j > 0 and i - j < MEANS_MAX_TOKENS and _in_noun_phrase(toks[j - 1].text, inside):
                j -= 1
            if (j == i and len(t.text) < 3) or j == 0 or not (j == i or _in_noun_phrase(toks[j].text, inside)):
                continue  # (拨打|平台 is a verb and its object, not a means phrase)
            lead = toks[j - 1].text
            # after an adverb or modal (会先|电话…方式进行); at a clause start only a phrase set
            # off by a comma (。|这些方法，…): one followed by its verb is the clause's subject
            if not (lead in before or (lead[-1:] in FRAME_CLAUSE and nxt[:1] in "，,")):
                continue
            p = toks[j].start
            sites.append(Cand(p - 1 if text[p - 1:p] not in "\r\n" else p, p + 1, p, p, prep, prep, "frame", 0.0, prep))
        if len({text[c.fix_start:c.fix_start + 2] for c in sites}) >= 2:
            out.extend((c, FRAME_CONF) for c in sites)
    return out


def _closes(tx: str, close: frozenset, toks, i: int) -> bool:
    """The token is a closing postposition, or a word followed by one inside the token (工作日内)."""
    if tx in close:
        return True
    if len(tx) >= 3 and tx[-1] in close and ngrams.word_freq(tx[:-1]) >= 100:
        return True
    return len(tx) == 2 and tx[0] in close and tx[1] in _free_chars() and ngrams.word_freq(tx) < 100

