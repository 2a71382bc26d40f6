"""Pass 5: whole words deleted without a trace, sought at token boundaries that read
badly (如果|人员冒充 → 如果催收人员冒充)."""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from linter import ngrams
from linter.text import han_count, is_han

from .common import (
    _ITEM0,
    _ITEM1,
    _ITEM2,
    AFFIX_VOCAB_FREQ,
    MEMO_MAX,
    Cand,
    _affixes,
    _context_words,
    _filter_words,
    _names,
    _norm,
)

UNDAMAGED_EXTRA_SCORE = 4.0  # extra document score a traceless deletion of a word the topic does not expect needs on a page with no other damage
PRIOR_MAX = 8  # words already known deleted that are tried at every gap
COMPLETION_RARE = 20  # a token rarer than this in the dictionary may be a compound cut short ...
COMPLETION_EVIDENCE = 1.0  # ... and its completions are insertion candidates with this weight
INSERT_LEFT_PUNCT = set("，。；：？！、,;:?!")
CLAUSE_END_PUNCT = frozenset("，。；！？")  # (normalised: the character model sees full width)
SUSPECT_END = frozenset("，。；！？、,;!?")  # clause punctuation a topic-expected filter word may stand before
DANGLE_MIN_COUNT = 3  # a clause end is searched after a token the register uses at least this often ...
DANGLE_MAX_RATE = 0.02  # ... and ends a clause with at most this share of its uses
WEAK_GATE = 0.0  # junctions up to this character-pair PMI are tried for the strongest candidates
WEAK_TRY_WORDS = 10  # ... this many
TOPIC_P = 0.85  # a word the articles sharing this document's anchor words contain this surely ...
TOPIC_LIFT = 1.3  # ... and this many times more surely than articles at large ...
TOPIC_BONUS = 3.0  # ... adds this to a deleted word's document score ...
TOPIC_SITE_GAIN = 2.0  # ... and lets sites of this gain join one strong site (more than the contexts needed)


@lru_cache(maxsize=1)
def _topics() -> tuple[dict[str, tuple[int, tuple[tuple[str, int, int], ...]]], int]:
    """(word → (articles with it, ((anchor, articles with both, articles with the anchor), ...)),
    number of articles) from ``ngrams/fin_topics.tsv.gz`` (``scripts/build_ngrams.py --only topics``)."""
    import gzip

    from linter.resources import data_path

    out: dict[str, tuple[int, tuple[tuple[str, int, int], ...]]] = {}
    n_docs = 1
    try:
        fh = gzip.open(data_path("ngrams/fin_topics.tsv.gz"), "rt", encoding="utf-8")
    except OSError:
        return out, n_docs
    with fh:
        for line in fh:
            if line.startswith("#docs"):
                n_docs = max(1, int(line.split("\t")[1]))
                continue
            w, df, rest = line.rstrip("\n").split("\t", 2)
            lst = []
            for item in rest.split(" "):
                a, co, dfa = item.split("\x1f")
                lst.append((a, int(co), int(dfa)))
            out[w] = (int(df), tuple(lst))
    return out, n_docs


def _topic_lift(w: str, doc_words) -> float:
    """How much likelier the register's articles that share one of this document's anchor words
    are to contain ``w`` than its articles at large (the best anchor present, add-one smoothed;
    0 when none is present, or when the anchor's articles do not contain w surely enough).  A
    loan article without 贷款 is unusual; one without 通过, which nearly every article has, is not
    more unusual for its topic."""
    table, n_docs = _topics()
    got = table.get(w)
    if got is None:
        return 0.0
    df, anchors = got
    best = 0.0
    for a, co, dfa in anchors:
        if a in doc_words:
            p = co / (dfa + 1)
            if p > best:
                best = p
    if best < TOPIC_P:
        return 0.0
    return best / (df / n_docs)


def _rare_token(x: str) -> bool:
    """A Han token of two or more characters too rare in the dictionary to be a word of its own
    (中华人民): perhaps a compound cut short."""
    return len(x) >= 2 and ngrams.word_freq(x) < COMPLETION_RARE and all(is_han(c) for c in x)


def _cut_compound(a: str, b: str) -> bool:
    """Either token may be a compound cut short, whatever their junction reads like."""
    return _rare_token(a) or _rare_token(b)


def _completions(a: str, b: str) -> tuple[str, ...]:
    """Words that complete a token too rare to be a word of its own into a dictionary compound:
    ``中华人民|进出口`` → 共和国 (中华人民共和国), ``公安|关`` → 机 (公安机关).  The register's word
    pairs never propose them, because the segmenter keeps the compound whole."""
    heads, tails = _affixes()
    out: list[str] = []
    if _rare_token(a):
        for k in (3, 2):
            out += [w for w in tails.get(a[-k:], ()) if ngrams.word_freq(a[-k:] + w) >= AFFIX_VOCAB_FREQ]
    if _rare_token(b):
        for k in (3, 2):
            out += [w for w in heads.get(b[:k], ()) if ngrams.word_freq(w + b[:k]) >= AFFIX_VOCAB_FREQ]
    return tuple(dict.fromkeys(w for w in out if len(w) <= 4 and all(is_han(c) for c in w)))


def _context_evidence(sites) -> dict[str, float]:
    """A candidate word's evidence per distinct context (two characters a side) from its gap
    entries ``(p, a, b, i, evidence, context)``: a repeated line (title, footer) is one context."""
    ctx: dict[str, float] = {}
    for _, _, _, _, ev, key in sites:
        v = ctx.get(key)
        if v is None:
            ctx[key] = max(0, ev)
        elif ev > v:  # (max(v, ev) without the call)
            ctx[key] = ev
    return ctx


_PAIR_PMI: dict[str, float | None] = {}


_NO_PMI = object()


def _pair_pmi(lm, xy: str) -> float | None:
    """log(c(xy)·N / ((c(x)+1)(c(y)+1))) of a normalised character pair, None when unseen (memoised)."""
    x, y = xy[0], xy[1]
    cxy = lm.count(xy)
    v = math.log(cxy * lm.total / ((lm.count(x) + 1) * (lm.count(y) + 1))) if cxy else None
    if len(_PAIR_PMI) > MEMO_MAX:
        _PAIR_PMI.clear()
    _PAIR_PMI[xy] = v
    return v


# ---- 5. whole words deleted without a trace ------------------------------
def find_insertions(opts, text, toks, counts, deleted, doc_words: set[str],
                    damaged: bool = True) -> list[tuple[Cand, float]]:
    """A filter that deletes a word w deletes it everywhere: the document never contains w,
    and at several token boundaries the text reads much better with w put back
    (``会|电话`` → ``会通过电话``, ``可|法律途径`` → ``可通过法律途径``).

    Gaps are pre-filtered by the in-register character model (the character after the gap is
    improbable after its left context); candidates come from the finance corpus's word
    bigrams (successors of the left token, predecessors of the right one); each candidate's
    gain is log P(text with w) − log P(text) over the characters whose history changes.
    Evidence is aggregated per document and per word: distinct contexts that agree on w,
    plus how unlikely w's absence is given its corpus rate."""
    lm = ngrams.fin_lm()
    norm = _norm(text)
    junctions = _examined_junctions(text, toks, norm, lm, opts["insert-gate"])
    # words the document already lacks on other evidence (a frequent character never used,
    # orphans restored by it) are tried at every examined gap
    # (the strongest few: constant work per gap)
    prior = sorted((w for w in deleted if all(is_han(c) for c in w)), key=lambda w: (-deleted[w], w))[:PRIOR_MAX]
    pairs, site_ctx, completing = _propose(text, junctions, counts, prior, lm)
    # every decision below reads only gains of at least this much (a site's bar, or the lower
    # bar of a topic word's further sites): smaller ones need not be scored to the end
    gains = _Gains(norm, lm, min(opts["insert-site-gain"], TOPIC_SITE_GAIN))
    by_word = _score_proposals(pairs, deleted, opts, junctions.weak, completing, gains)
    if junctions.weak:
        _extend_to_weak(by_word, junctions, toks, text, site_ctx, gains, opts["insert-site-gain"])
    suspects = expected_filter_words(doc_words, counts.absent)
    _seek_filter_words(text, toks, norm, suspects, by_word, site_ctx, gains.above)
    rules = _WordRules(opts, deleted, suspects, doc_words, damaged, max(1, han_count(text)))
    out: list[tuple[Cand, float]] = []
    bounds = None
    for w, sites in by_word.items():
        got = rules.judge(w, sites, site_ctx)
        if got is None:
            continue
        conf, floor, proven = got
        done = set()
        for g, p, _, _, ti in sites:
            if g >= floor:
                out.append((_insert_cand(toks, ti, p, w, g), conf))
                done.add(p)
        if proven:
            # a word shown gone at two places is gone everywhere: every other boundary where the
            # model prefers it is a site too, with a lower bar per site
            if bounds is None:
                # (not before clause punctuation: on the suspects bench those further sites were right
                # at 4 of 7, session 8)
                bounds = _junctions(toks)
            out += [(c, conf - 0.05) for c in _further_sites(w, bounds, done, toks, gains, opts["insert-known-gain"])]
    return out


@dataclass
class _Junctions:
    """The token boundaries the search examines: ``sites`` (token index, offset, context key
    ``(x, y, left word, right word, 2 chars before, 2 after)``), ``weak`` (token indices of
    junctions only a little rarer than chance: tried for strong words, proposing none),
    ``completion_only`` (keys where only completions of a rare token are tried), and every
    junction's offset and normalised character pair (``starts``, ``xys``)."""

    sites: list[tuple[int, int, tuple]]
    weak: list[int]
    completion_only: set[tuple]
    starts: list[int]
    xys: list[str]


def _examined_junctions(text: str, toks, norm: str, lm, gate: float) -> _Junctions:
    """Pass 1: the junctions whose character pair is at most e^gate as common as chance (or
    unseen), where a rare token may be a compound cut short, and the clause ends after a token
    that rarely ends one (``dangling_ends``)."""
    sites = []
    weak: list[int] = []
    completion_only: set[tuple] = set()
    pmi_get = _PAIR_PMI.get
    word_key = ngrams.word_key
    left_punct = INSERT_LEFT_PUNCT
    name_after: Any = _names()["after"]
    # every junction's normalised character pair, and its memoised PMI, in C-level passes.  A
    # pair in the memo is a junction examined before: whether a junction is examined depends on
    # its pair only (normalisation maps no other character to Han or to clause punctuation), so
    # only pairs not in the memo need the character tests (tokens tile the text: checked)
    starts = list(map(_ITEM1, toks))
    del starts[:1]
    xys = [norm[p - 1:p + 1] for p in starts]
    tiled = (bool(toks) and list(map(_ITEM2, toks[:-1])) == starts
             and "".join(map(_ITEM0, toks)) == text[toks[0].start:toks[-1].end])
    pmi: Any
    for i, pmi in enumerate(map(pmi_get, xys, [_NO_PMI] * len(xys))):
        A, B = toks[i], toks[i + 1]
        if pmi is _NO_PMI or not tiled:
            # (is_han written out: this runs at every junction the memo does not know)
            y = B.text[0]
            if A.end != B.start or not ("\u4e00" <= y <= "\u9fff" or "\u3400" <= y <= "\u4dbf"
                                        or "\uf900" <= y <= "\ufaff"):
                continue
            la = A.text[-1]
            if not ("\u4e00" <= la <= "\u9fff" or la in left_punct or "\u3400" <= la <= "\u4dbf"
                    or "\uf900" <= la <= "\ufaff"):
                continue
            if pmi is _NO_PMI:
                pmi = _pair_pmi(lm, xys[i])
        if len(B.text) == 1 and i + 2 < len(toks) and toks[i + 2].text in name_after:
            continue  # a surname (。施先生): a person's name takes no restored word (小施)
        if pmi is not None and pmi > gate:
            # the junction's character pair is about as common as chance predicts or more.  (Not
            # gating after punctuation, where every clause opening pairs well, found subjects
            # deleted after commas, ，|应予支持, but cost 30 % of the check's time for +2 % recall
            # on the synthetic dev half and none on the held-out half: session 3.)
            if pmi <= WEAK_GATE:
                weak.append(i)
            if not _cut_compound(A.text, B.text):
                continue
            gated = True  # a rare token's completions are tried all the same
        else:
            gated = False
        p, xy = starts[i], xys[i]
        key = (xy[0], xy[1], word_key(A.text), word_key(B.text), norm[p - 2:p] if p >= 2 else "", norm[p:p + 2])
        if gated:
            completion_only.add(key)
        sites.append((i, p, key))
    sites += dangling_ends(toks, norm, starts, xys)
    return _Junctions(sites, weak, completion_only, starts, xys)


def _propose(text: str, junctions: _Junctions, counts, prior: list[str], lm):
    """The candidate words of every examined junction that the document lacks: the register's
    words for the junction's context, the words known deleted (``prior``) where both junctions
    they make are attested, and completions of a rare token.  Returns (word → [(offset, left
    word, right word, token index, evidence, context)], offset → context (two characters a side:
    a repeated line, or a phrase written twice, 银行和|机构, is one context), completing words)."""
    absent = counts.absent
    completion_only = junctions.completion_only
    # the candidate words of every distinct gap context, counted in the document in one pass
    keys = {key for _, _, key in junctions.sites}
    words: set[str] = set()
    ctx_words = {key: () if key in completion_only else _context_words(key[2:]) for key in keys}
    for proposed in ctx_words.values():
        words.update(map(_ITEM0, proposed))
    counts.prime(words)
    present = {w for w in words if not absent(w)}
    completing: set[str] = set()  # words that complete a rare token into a compound

    def candidates(key) -> list[tuple[str, float]]:
        """(word, evidence) for one gap context; the same for every gap with this context."""
        x, y = key[0], key[1]
        # the corpus's candidates for the context (cached across documents), those this
        # document lacks
        out_ = [wc for wc in ctx_words[key] if wc[0] not in present]
        for w in () if key in completion_only else prior:  # both junctions attested character pairs
            if absent(w) and _pairs_attested(lm, x, w, y):
                out_.append((w, 1))
        done = [w for w in _completions(key[2], key[3]) if absent(w)]
        completing.update(done)
        out_ += [(w, COMPLETION_EVIDENCE) for w in done]
        return out_

    pairs: dict[str, list[tuple[int, str, str, int, float, str]]] = {}
    memo: dict[tuple, list[tuple[str, float]]] = {}
    site_ctx: dict[int, str] = {}
    for i, p, key in junctions.sites:
        lst = memo.get(key)
        if lst is None:
            lst = memo[key] = candidates(key)
        a, b = key[2], key[3]
        ck = site_ctx[p] = text[max(0, p - 2):p + 2]
        for w, ev in lst:
            got = pairs.get(w)  # (not setdefault: no empty list built per gap and word)
            if got is None:
                pairs[w] = [(p, a, b, i, ev, ck)]
            else:
                got.append((p, a, b, i, ev, ck))
    return pairs, site_ctx, completing


@dataclass
class _Gains:
    """Gains of words put back at the junctions of one document (the windows without the word
    memoised per junction); a gain below ``floor`` is not scored to the end (None)."""

    norm: str
    lm: Any
    floor: float
    base: dict[int, float] = field(default_factory=dict)

    def above(self, w: str, p: int, floor: float | None = None) -> float | None:
        norm, lm = self.norm, self.lm
        hist = norm[max(0, p - 4):p]
        base = self.base.get(p)
        if base is None:
            base = self.base[p] = lm.score(hist + norm[p:p + 4], len(hist))
        bar = base + (self.floor if floor is None else floor)
        sc = lm.score_above(hist + w + norm[p:p + 4], len(hist), bar)
        return None if sc is None else sc - base


def _score_proposals(pairs, deleted, opts, weak: list[int], completing: set[str], gains: _Gains):
    """Pass 2: the character model's gain, only for the words the most contexts agree on (the
    ``insert-candidates`` best-attested; words known deleted first).  Returns word → [(gain,
    offset, left word, right word, token index)] of the gains at least ``gains.floor``."""
    min_ctx, top = opts["insert-min-contexts"], opts["insert-candidates"]
    ranked, short = [], []
    for w, lst in pairs.items():
        ctx = _context_evidence(lst)
        need = min_ctx + (1 if len(w) == 1 else 0)
        rank = (w in deleted, sum(math.log1p(e) for e in ctx.values()), w)
        if w in deleted or len(ctx) >= need:
            ranked.append(rank)
        elif weak:
            short.append(rank)
    ranked.sort(reverse=True)
    # (the few completions of rare tokens are scored whatever their rank: the register's word
    # pairs, which rank the rest, never see them; so are the best-attested words short of
    # contexts, which the weak junctions may give more)
    scored = [w for _, _, w in ranked[:top]] + sorted(completing & {w for _, _, w in ranked[top:]})
    scored += [w for _, _, w in heapq.nlargest(WEAK_TRY_WORDS, short)]
    by_word: dict[str, list[tuple[float, int, str, str, int]]] = {}
    for w in scored:
        for p, a, b, i, _, _ in pairs[w]:
            g = gains.above(w, p)
            if g is not None:
                by_word.setdefault(w, []).append((g, p, a, b, i))
    return by_word


def _extend_to_weak(by_word, junctions: _Junctions, toks, text: str, site_ctx: dict[int, str],
                    gains: _Gains, site_gain: float) -> None:
    """A word reading clearly better at a rarer junction is tried at the weak junctions too
    (``_weak_sites``), as further contexts of the same deletion."""
    for w, lst in by_word.items():
        if max(map(_ITEM0, lst)) >= site_gain:
            for i, p, a, b in _weak_sites(w, lst, junctions.weak, toks, junctions.xys, junctions.starts):
                g = gains.above(w, p)
                if g is not None:
                    lst.append((g, p, a, b, i))
                    if p not in site_ctx:
                        site_ctx[p] = text[max(0, p - 2):p + 2]


@dataclass
class _WordRules:
    """The document-level decision on a candidate word from its scored sites."""

    opts: dict
    deleted: dict[str, float]
    suspects: list[str]
    doc_words: set[str]
    damaged: bool
    han_n: int

    def judge(self, w: str, sites, site_ctx: dict[int, str]) -> tuple[float, float, bool] | None:
        """(confidence, the gain each reported site needs, whether the word is proven gone at two
        contexts) when the document lacks ``w``, else None."""
        opts, deleted = self.opts, self.deleted
        site_gain = opts["insert-site-gain"]
        best_ctx: dict[str, float] = {}
        for g, p, _, _, _ in sites:
            key = site_ctx[p]
            if g > best_ctx.get(key, 0.0):
                best_ctx[key] = g
        strong_ctx = [g for g in best_ctx.values() if g >= site_gain]
        need = opts["insert-min-contexts"] + (1 if len(w) == 1 else 0)
        if not strong_ctx and need > 0 and w not in deleted:
            return None
        # the register's articles on this topic nearly always use w
        topic = len(w) >= 2 and _topic_lift(w, self.doc_words) >= TOPIC_LIFT
        if topic and strong_ctx and len(strong_ctx) < need:
            # ... so one strong site will do where more contexts read clearly better with w
            more = [g for g in best_ctx.values() if TOPIC_SITE_GAIN <= g < site_gain]
            if len(strong_ctx) + len(more) > need:
                strong_ctx += more
        # a usual filter target the topic expects and the page lacks, reading clearly better at two
        # contexts, needs no document score: the register is too thin to add more (律师 is rare in it).
        # (Restoring it further where it reads only a little worse, at broken junctions, was right
        # at 55 % of sites: bench/missing_char_suspects.py, session 7.)
        suspect = w in self.suspects and len(strong_ctx) >= 2
        if len(strong_ctx) < need and w not in deleted:
            return None
        expected = ngrams.fin_word_count(w) / max(1, ngrams.fin_word_total()) * self.han_n * 0.6
        score = sum(strong_ctx) + min(expected, 10.0) + (5.0 if w in deleted else 0.0)
        if topic:
            score += TOPIC_BONUS
        min_score = opts["insert-min-score"]
        if score < min_score and not suspect:
            return None
        if not self.damaged and not topic and score < min_score + UNDAMAGED_EXTRA_SCORE:
            return None  # a page with no other damage needs more evidence, unless its topic expects w
        conf = min(0.95, 0.6 + 0.01 * score)
        floor = min(strong_ctx) if strong_ctx else site_gain
        return conf, floor, len(w) >= 2 and len(strong_ctx) >= 2


def _insert_cand(toks, ti: int, p: int, w: str, g: float) -> Cand:
    """The finding of ``w`` put back at offset ``p``, between tokens ``ti`` and ``ti + 1``
    (the span shows the characters either side)."""
    A, B = toks[ti], toks[ti + 1]
    return Cand(A.end - 1, B.start + 1, p, p, w, w, "insert", g, w)


def _further_sites(w: str, bounds, done: set[int], toks, gains: _Gains, known_gain: float) -> list[Cand]:
    """Every other junction (``bounds``) where ``w`` reads at least
    ``known_gain`` better and both junctions it makes occur in the register at all."""
    norm, lm, base_of = gains.norm, gains.lm, gains.base
    least = 1 / ngrams.FIN_COUNT_SCALE  # (seen at all)
    names = _institution_names()
    out = []
    for ti, p in bounds:  # (gains.above written out: every junction of the document)
        if p in done or not _pairs_attested(lm, norm[p - 1], w, norm[p], least=least):
            continue
        if any(norm.startswith(n, p) for n in names.get(norm[p], ())):
            continue  # an institution's name says whom the clause addresses: 向|银保监会 takes no 法院
        hist = norm[max(0, p - 4):p]
        base = base_of.get(p)
        if base is None:
            base = base_of[p] = lm.score(hist + norm[p:p + 4], len(hist))
        sc = lm.score_above(hist + w + norm[p:p + 4], len(hist), base + known_gain)
        if sc is not None:
            out.append(_insert_cand(toks, ti, p, w, sc - base))
    return out


@lru_cache(maxsize=1)
def _institution_names() -> dict[str, tuple[str, ...]]:
    """The names and short names of the institutions in the law catalog (银保监会, 人民银行 …), by
    first character (the segmenter splits some of them: 银|保监会)."""
    from linter.laws import catalog

    out: dict[str, list[str]] = {}
    for inst in catalog().institutions:
        for n in (inst.name, *inst.short):
            if len(n) >= 2 and is_han(n[0]):
                out.setdefault(n[0], []).append(n)
    return {k: tuple(v) for k, v in out.items()}


def _weak_sites(w: str, found: list, weak: list[int], toks, xys: list[str], starts: list[int]):
    """Junctions whose character pair is only a little rarer than chance (暴力|怎么办) are
    many, and proposing words at each of them would be most of the search's cost; they
    propose none, but a word that reads clearly better at a rarer junction is tried at them,
    as further contexts of the same deletion (a filter deletes a word everywhere: 如果|人员 ×3,
    暴力|怎么办 and 要求|人员 are one word, 催收, cut five times).  Yields (token index, offset,
    left word, right word) of each weak junction where both new character pairs are attested."""
    lm = ngrams.fin_lm()
    word_key = ngrams.word_key
    have = {x[1] for x in found}
    for i in weak:
        p, xy = starts[i], xys[i]
        if p in have or not _pairs_attested(lm, xy[0], w, xy[1]):
            continue
        yield i, p, word_key(toks[i].text), word_key(toks[i + 1].text)


def dangling_ends(toks, norm: str, starts: list[int], xys: list[str]) -> list[tuple[int, int, tuple]]:
    """Clause ends where a word was cut off: the token before the clause punctuation is one
    the register almost never ends a clause with (遭到强烈|。, 其他形式的|，, 泄露个人|。), so
    the object or head that followed it is the candidate (the same search as a gap between
    words, the punctuation standing for the right word)."""
    out = []
    word_key = ngrams.word_key
    for i, xy in enumerate(xys):
        if xy[1:] not in CLAUSE_END_PUNCT or not is_han(xy[0]):
            continue
        A = toks[i]
        ak = word_key(A.text)
        n = ngrams.fin_word_count(ak)
        if n < DANGLE_MIN_COUNT:
            continue
        succ = ngrams.fin_successors(ak)
        ends = sum(succ.get(c, 0) for c in CLAUSE_END_PUNCT)
        if ends / n > DANGLE_MAX_RATE:
            continue
        p = starts[i]
        out.append((i, p, (xy[0], xy[1], ak, word_key(toks[i + 1].text),
                           norm[p - 2:p] if p >= 2 else "", norm[p:p + 2])))
    return out


def expected_filter_words(doc_words, absent) -> list[str]:
    """The filter's usual targets (``missing_char/filter_words.txt``) that the document lacks
    while its topic expects them (``doc_words``: its word keys; 暴力 in an article on
    collection, 维权 in one on consumer rights): suspects wherever the text reads better."""
    return [w for w in _filter_words() if len(w) >= 2 and all(map(is_han, w)) and absent(w)
            and _topic_lift(w, doc_words) >= TOPIC_LIFT]


def _seek_filter_words(text, toks, norm, suspects, by_word, site_ctx, gain_above) -> None:
    """``suspects`` (``expected_filter_words``) are sought at every junction, clause ends
    included: no word pair of the register need propose them (暴力 at 使用|、 and 以|相威胁).
    Adds their sites (gain at least the search's floor) to ``by_word`` and their contexts to
    ``site_ctx``."""
    lm = ngrams.fin_lm()
    word_key = ngrams.word_key
    junctions = _junctions(toks, clause_ends=True) if suspects else ()
    for w in suspects:
        have = {x[1] for x in by_word.get(w, ())}  # (sites the register's word pairs proposed)
        lst = []
        for i, p in junctions:
            if p in have or not _pairs_attested(lm, norm[p - 1], w, norm[p]):
                continue
            g = gain_above(w, p)
            if g is None:
                continue
            lst.append((g, p, word_key(toks[i].text), word_key(toks[i + 1].text), i))
            if p not in site_ctx:
                site_ctx[p] = text[max(0, p - 2):p + 2]
        if lst:
            by_word.setdefault(w, []).extend(lst)


def _junctions(toks, clause_ends: bool = False) -> list[tuple[int, int]]:
    """(token index, offset) of every boundary where a word may have been deleted: a Han
    token follows a Han character or clause punctuation directly; with ``clause_ends``, also
    a Han character before clause punctuation."""
    out = []
    for i in range(len(toks) - 1):
        A, B = toks[i], toks[i + 1]
        if A.end != B.start or not A.text or not B.text:
            continue
        la, y = A.text[-1], B.text[0]
        if (is_han(y) and (is_han(la) or la in INSERT_LEFT_PUNCT)) or (clause_ends and is_han(la) and y in SUSPECT_END):
            out.append((i, B.start))
    return out


def _pairs_attested(lm, x: str, w: str, y: str, least: float = 2) -> bool:
    """Both character pairs that putting ``w`` between ``x`` and ``y`` would make occur at least
    ``least`` times in the register (a restoration makes no junction it never writes)."""
    return lm.count(x + w[0]) >= least and lm.count(w[-1] + y) >= least

