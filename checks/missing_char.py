"""missing-char: text deleted by a sensitive-word filter, with the deleted text restored.

Evidence, in the order an editor weighs it:

1. *Orphans*: dictionary-mode segmentation leaves a bound morpheme standing alone
   (存, 潜, 措, 扰 …); a frequent word that contains it (存在, 潜在 …) is a candidate restoration.
   The in-register character model (``corpus/finance``) must predict the restored word at the
   site: a character that often stands alone in colloquial advice (签, 拒, 选, 先, 卡 — its share of
   standalone uses in ``ngrams/fin_singles.tsv``) needs a strong gain, a bound one a positive
   gain, further sites of a word the document lacks only must not read much worse.  Names
   (小王, 王先生), run-in labels (答：), one-character enumerations (理、工、农) are not orphans.
2. *Broken words across a token boundary*: ``关键于`` is ``关键在于`` with 在 removed.
3. *Cut spaces*: a space where a word was cut (``全 化`` → ``全球化``, ``通过 联系``).
4. *Document consistency*: a filter deletes a string everywhere.  A candidate insertion that
   never occurs in the document, that is expected to occur often, or that restores several
   broken sites at once, is accepted; the same restoration is proposed at every site.
5. *Official names*: a 《…》 title that is an official law name with chunks deleted.
6. *Whole words deleted without a trace*: at token boundaries that read badly, words from the
   in-register corpus's tables (``corpus/finance`` via ``linter.ngrams``) are tried; a word the
   document never contains that raises the character model's probability at several distinct
   places is put back there (``如果|人员冒充`` → ``如果催收人员冒充``); once shown gone at two
   places, every boundary where the model prefers it is a site.
7. *A character cut from a word everywhere*: a string that is no word but a frequent word less one
   character, standing as whole tokens (``人法院`` → 人民法院, ``国院`` → 国务院), or a bound single
   character left of a two-character word at several distinct places (``抵`` → 抵押), where the
   word never occurs whole.
8. *Topic*: the register's articles that share this document's anchor words nearly always use
   the word (``ngrams/fin_topics.tsv.gz``: a loan article without 贷款).
9. *Frames*: a preposition the document lacks while its length predicts it, put back before the
   postposition that closes its phrase (``可以|手机银行的账单详情中查看`` ← 在; ``missing_char/frames.toml``).
10. *Edge spaces*: a space at a line start (on a page that does not indent) or right after 《
    (``《 公司法》`` → 中华人民共和国).

Pages mostly in traditional script are skipped (the statistics are of simplified text); table
rows laid out with runs of spaces are layout, not cuts.

Statistics: ``linter.ngrams`` (jieba's dictionary + wenlint's finance lexicon + the in-register
corpus).  Linear time: strings the evidence asks about are counted in the document in batches
(``DocCounts``), never by a scan of the text per candidate.
"""
from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from linter import ngrams
from linter.check import Check, Example, Fix, Option
from linter.resources import derived, load_toml, load_words
from linter.text import HAN_CLASS, han_count, is_han

MIN_SHARE = 0.15  # a restoration must be a dominant use of the orphaned character ...
MIN_SHARE_RATE = 0.02  # ... unless the document plainly lacks a very frequent character (在)
RATE_DELETED = 10.0  # a character expected this often that never occurs: the filter deletes it ...
RATE_FREE = 0.3  # ... if it stands alone in at least this share of its register uses
CHOOSE_GAIN_STEP = 2.0  # log gains closer than this do not decide between two deleted restorations
NUMERALS = "零一二三四五六七八九十百千万亿两几"
PROPER_POS = ("nr", "ns", "nt", "nz")
NOUN_POS = ("n", "vn")
CLAUSE_PUNCT = set("，。；：？！、,.;:?!…")
SPACE_CUT_RE = re.compile(f"(?<=[{HAN_CLASS[1:-1]}，、；：。？！“,;?!])[ \u3000]{{1,2}}(?=[{HAN_CLASS[1:-1]}、，,。；：？！《”;:?!])")
ANY_SPACE_RE = re.compile("[ \u3000]{1,4}")
# (scraped text arrives NFKC-normalised: ，；：？！ as ASCII ,;:?!, so both forms count; but not a space
# after an ASCII colon, the commonest typographic space of flattened lists: 因素: 逾期金额)
SENTENCE_END = "。？！?!"
SPACED_PUNCT = "，、；：。？！,;?!"  # a space after these is a cut only where the page does not space them
_CHROME_MARKS = (">", "»", "|", "://", "©")  # breadcrumbs, footers, links: spaces there are layout
PREFIX_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_PUNCT)) + "：:") + "]")
WIDE_SPACE_RE = re.compile("[ \u3000]{2,}|\u3000")  # column gaps of a table laid out with spaces
LIST_GAP_RE = re.compile(r"、(?=(?:或|和)[^\s、，,。])|、(?=、)|、(?=等)")
# a conjunction that ends its clause joins nothing: the item after it was deleted (遇到恶意或，…)
DANGLING_CONJ_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:或者|或|和|与|以及|及)(?=[，。；：？！,;:?!])")
CTX_WORDS_MAX = 20  # candidate words kept per gap context
ONE_SIDED_TOP = 5  # a word among the top 5 of one side's table is a candidate without the other side
ONE_SIDED_WEIGHT = 0.25  # ... with a quarter of its count as evidence
GAIN_FREE = 2.0  # log gain a restoration of a character free in the register needs at a site ...
GAIN_BOUND = 0.5  # ... and of a bound one (to count as strong evidence or stand alone)
GAIN_FLOOR = -2.5  # a site of a restoration the document lacks everywhere may read a little worse, not much
REG_FREE = 0.1  # a character standing alone in at least this share of its corpus uses is free in the register
LABEL_AFTER = set("。？！?!；;）)")
MIN_SCRIPT_CHARS = 8  # script-specific characters before a page counts as traditional
MINOR_DELETED = 8.0  # a minor completion of a character the document plainly lacks (score >= this) need not be predicted, only not read much worse
UNDAMAGED_EXTRA_SCORE = 4.0  # extra document score a traceless deletion of a word the topic does not expect needs on a page with no other damage
PRIOR_MAX = 8  # words already known deleted that are tried at every gap
COMPLETION_RARE = 20  # a token rarer than this in the dictionary may be a compound cut short ...
COMPLETION_EVIDENCE = 1.0  # ... and its completions are insertion candidates with this weight
INSERT_LEFT_PUNCT = set("，。；：？！、,;:?!")
CLAUSE_END_PUNCT = frozenset("，。；！？")  # (normalised: the character model sees full width)
DANGLE_MIN_COUNT = 3
WEAK_GATE = 0.0  # junctions up to this character-pair PMI are tried for the strongest candidates
WEAK_TRY_WORDS = 10  # ... this many
DANGLE_MAX_RATE = 0.02
ORPHAN_NOUN_SHARE = 0.2  # a noun whose register predecessors are at least this share one filter word ...
ORPHAN_NOUN_MIN = 30  # ... over at least this many corpus uses ...
ORPHAN_NOUN_SITES = 3  # ... standing after a word never seen before it at this many sites: the word is deleted
ORPHAN_NOUN_ATTRIB = 0.3  # a word followed by 的 in this share of its register uses is attributive
ORPHAN_NOUN_PREV_POS = ("v", "p", "f", "n", "vn")  # a verb, preposition, locative or noun; never an adverb or adjective (专门|人员)
SPLIT_WORD_FREQ = 100  # a word restored across a space that splits a word this frequent beside it must be as frequent
SPACE_MAX_LEN = 4  # the longest word restored at a cut space
SPACE_MARGIN = 5.0  # log-probability margin over the runner-up a cut space's restoration needs
SPACE_ALONE_MARGIN = 2.0  # the margin credited to a sole candidate
SPACE_REPEAT_BONUS = 2.0  # per further cut space listing the same candidate (up to three)
SPACE_DENSE_GROUPS = 200  # more distinct cut-space contexts than this: compounds and the pool are not tried
SPACE_POOL_MAX = 12  # words of the document's pool tried at every cut space (most often best first)
SPACE_VOTE_BONUS = 0.75  # margin forgiven per further cut space whose best word is the same (up to two)
SPACE_DELETED_BONUS = 2.0  # a word other evidence already says the document lacks
SPACE_JOINT_DELTA = 3.0  # a word within this log-probability of a cut space's best reads nearly as well there ...
SPACE_JOINT_MIN = 3  # ... and one that does at this many cut spaces (more than any rival) restores the unclear ones
SPACE_DELETED_SCORE = 10.0  # document evidence of a word restored with confidence at a cut space
SPACE_KNOWN_DELTA = 5.0  # a word restored clearly at another cut space may read this much worse than the best here
TOPIC_P = 0.85  # a word the articles sharing this document's anchor words contain this surely ...
TOPIC_LIFT = 1.3  # ... and this many times more surely than articles at large ...
TOPIC_BONUS = 3.0  # ... adds this to a deleted word's document score ...
TOPIC_SITE_GAIN = 2.0  # ... and lets sites of this gain join one strong site (more than the contexts needed)
FRAME_CLAUSE = set("，。；：？！,.;:?!\r\n")
FRAME_GAIN = 2.0  # log gain the best phrase start of a clause needs
FRAME_CONF = 0.75
MEANS_EXPECTED = 1.5  # occurrences the register's rate predicts for a means preposition it lacks
MEANS_NOT_AFTER = ("的", "之", "是", "有", "和", "或", "或者", "及", "以及", "与", "并", "等", "也", "都")  # after the head: no means phrase
MEANS_MAX_TOKENS = 8  # the longest means phrase before its head noun, in tokens
FRAME_EXPECTED = 4.0  # occurrences the document's length predicts for a preposition it lacks
EDGE_SPACE_RE = re.compile(f"(?:(?<=\n)|^|(?<=《))[ \u3000](?=[{HAN_CLASS[1:-1]}])")
EDGE_INDENT_SHARE = 5  # a page with more than a fifth of its lines indented indents by layout
MEMO_MAX = 10_000  # entries per cross-document memo: a worker auditing millions of documents stays < 300 MB
TITLE_RE = re.compile(r"《([^《》\n]{2,40})》")
PARTIAL_VOCAB_FREQ = 200  # dictionary words of 3–7 characters at least this frequent can be restored from a fragment ...
AFFIX_VOCAB_FREQ = 50  # dictionary words this frequent propose what completes them beside a cut space
AFFIX_MAX_LEN = 7  # the longest word restored at a cut space from a compound or the document's pool
FUNCTION_POS = ("c", "u", "p", "d", "r", "y", "e")  # jieba POS of function words
PARTIAL_VOCAB_FIN = 3  # ... and register words (corpus/finance tokens) at least this frequent
PARTIAL_FRAG_WORD = 50  # a fragment that is itself a word this frequent (or a register token) is not a fragment
RESULT_COMPLEMENTS = "成到完好"  # after a verb: its result (转成, 办完), a phrase of its own
LOCATIVES = ("上", "中", "里", "内")  # postpositions after a noun
AGENT_SUFFIXES = "人者员方"  # a word + one of these is an agent noun of its own (管理人, 持有者)
ORPHAN_SHORTHAND_SHARE = 0.02  # completions this common among the orphan's uses may be what it abbreviates
PARTIAL_ATTESTED = 3  # a fragment whose word pairs the register writes this often is a phrase of its own
PARTIAL_GAIN_ONE = 6.0  # log gain a lone broken site needs
PARTIAL_GAIN_MANY = 2.0  # log gain each site of a word broken the same way at several places needs ...
PARTIAL_GAIN_WEAK = 0.0  # ... and further copies of its fragment once two sites show it
PARTIAL_ONE_POS = ("n", "v")  # a lone character standing for a two-character word: restored as a noun or verb ...
PARTIAL_ONE_FREEDOM = 0.35  # ... from a character that rarely stands alone in the dictionary ...
PARTIAL_ONE_USED = 20  # ... nor in the register (at least this many occurrences there to tell)
PARTIAL_ONE_SITE_GAIN = 3.5  # log gain each site of a one-character remainder needs
COMPOUND_SITES = 3  # a bound character standing alone this often may be a compound's remainder ...
COMPOUND_SITE_GAIN = 0.0  # ... restored wherever the compound reads no worse, once two contexts clearly prefer it


@dataclass
class _Hit:
    start: int
    end: int
    value: list


@dataclass
class Cand:
    start: int
    end: int
    fix_start: int
    fix_end: int
    repl: str | None
    inserted: str
    kind: str
    local: float
    word: str = ""


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


def _section_number_before(text: str, i: int) -> bool:
    """``text[:i]`` ends with a section number (七 / 12) that opens its line, before the 、 at ``i``."""
    j = i
    while j > 0 and i - j < 4 and (text[j - 1] in NUMERALS or text[j - 1].isdigit()):
        j -= 1
    if j == i:
        return False
    return j == 0 or text[j - 1] in "\n\r"


@lru_cache(maxsize=1)
def _needs_object() -> frozenset[str]:
    return frozenset(load_words("missing_char/needs_object.txt"))


@lru_cache(maxsize=1)
def _free_chars() -> frozenset[str]:
    return frozenset("".join(load_words("missing_char/free_chars.txt")).replace(" ", ""))


@lru_cache(maxsize=1)
def _names() -> dict[str, object]:
    d = load_toml("missing_char/names.toml")
    return {"before": frozenset(d["before"]), "after": tuple(d["after"])}


@lru_cache(maxsize=1)
def _free_verbs() -> frozenset[str]:
    return frozenset("".join(load_words("missing_char/free_verbs.txt")).replace(" ", ""))


@lru_cache(maxsize=1)
def _verb_context() -> dict[str, frozenset[str]]:
    d = load_toml("missing_char/verb_context.toml")
    return {k: frozenset(d.get(k, ())) for k in ("complements", "aspect", "modals")}


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    return frozenset(load_words("missing_char/light_verbs.txt"))


@lru_cache(maxsize=1)
def _filter_words() -> tuple[str, ...]:
    return load_words("missing_char/filter_words.txt")


@lru_cache(maxsize=2)
def _long_vocab(min_freq: int = PARTIAL_VOCAB_FREQ) -> tuple[str, ...]:
    """Frequent words of 3–7 Han characters: jieba's dictionary (frequency ≥ ``min_freq``),
    the register's tokens (≥ PARTIAL_VOCAB_FIN) and the domain lexicon; sorted."""
    from linter.segment import tokenizer

    def han(w: str) -> bool:
        return all(is_han(c) for c in w)

    vocab: set[str] = set()
    for w, f in tokenizer().FREQ.items():
        if f and f >= min_freq and 3 <= len(w) <= 7 and han(w):
            vocab.add(w)
    fin, _ = ngrams._fin_words()
    vocab.update(w for w, c in fin.items() if c >= PARTIAL_VOCAB_FIN and 3 <= len(w) <= 7 and han(w))
    vocab.update(w for w in ngrams.lexicon().domain if 3 <= len(w) <= 7 and han(w))
    return tuple(sorted(vocab))


@lru_cache(maxsize=1)
def _affixes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """:func:`_build_affixes`, kept across processes in the user cache (0.1 s to build)."""
    return derived("missing-char-affixes", _build_affixes, version=f"{AFFIX_VOCAB_FREQ}/{AFFIX_MAX_LEN}/{PARTIAL_VOCAB_FIN}")


def _build_affixes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Words that complete a frequent compound with the text beside a gap: ``heads[r]`` = the w
    with w + r a frequent word (年化 for 利率: 年化利率), ``tails[l]`` = the w with l + w one;
    r and l of one to three characters (one only when the character is bound: 措 → 施), w of one
    to six."""
    heads: dict[str, set[str]] = {}
    tails: dict[str, set[str]] = {}
    bound: dict[str, bool] = {}

    def ok(x: str) -> bool:
        if len(x) > 1:
            return len(x) <= 3
        v = bound.get(x)
        if v is None:
            v = bound[x] = ngrams.char_freedom(x) < 0.1 and x not in _free_chars()
        return v

    words = set(_long_vocab(AFFIX_VOCAB_FREQ))
    words.update(w for w, f in ngrams._fin_words()[0].items() if len(w) == 2 and f >= PARTIAL_VOCAB_FIN
                 and all(is_han(c) for c in w))
    for W in sorted(words):
        for j in range(1, len(W)):
            a, b = W[:j], W[j:]
            if len(a) <= AFFIX_MAX_LEN and ok(b):
                heads.setdefault(b, set()).add(a)
            if len(b) <= AFFIX_MAX_LEN and ok(a):
                tails.setdefault(a, set()).add(b)
    return ({k: tuple(sorted(v)) for k, v in heads.items()}, {k: tuple(sorted(v)) for k, v in tails.items()})


@lru_cache(maxsize=1)
def _partial_matcher():
    """:func:`_build_partial_matcher`, kept across processes in the user cache."""
    return derived("missing-char-partials", _build_partial_matcher, serializer="pickle",
                   version=f"{PARTIAL_VOCAB_FREQ}/{PARTIAL_VOCAB_FIN}/{PARTIAL_FRAG_WORD}")


def _build_partial_matcher():
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


@lru_cache(maxsize=1)
def _means() -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    d = load_toml("missing_char/frames.toml").get("means", {})
    return {prep: (frozenset(v.get("close", ())), frozenset(v.get("before", ())), frozenset(v.get("inside", ())))
            for prep, v in d.items()}


@lru_cache(maxsize=1)
def _frames() -> dict[str, tuple[frozenset[str], int]]:
    d = load_toml("missing_char/frames.toml").get("frames", {})
    return {prep: (frozenset(v.get("close", ())), int(v.get("max-span", 16))) for prep, v in d.items()}


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


def _rare_token(x: str) -> bool:
    """A Han token of two or more characters too rare in the dictionary to be a word of its own
    (中华人民): perhaps a compound cut short."""
    return len(x) >= 2 and ngrams.word_freq(x) < COMPLETION_RARE and all(is_han(c) for c in x)


def _cut_compound(a: str, b: str) -> bool:
    """Either token may be a compound cut short, whatever their junction reads like."""
    return _rare_token(a) or _rare_token(b)


@lru_cache(maxsize=1)
def _meta_fields() -> re.Pattern:
    """A page's metadata field (来源:…, 责任编辑:…, 标签:…, 下一篇:…): spaces on its line separate
    fields, not the halves of a cut word.  Labels: the boilerplate check's vocabulary."""
    d = load_toml("boilerplate.toml")
    labels = sorted({x for k in ("meta_labels", "footer_labels", "widgets") for x in d.get(k, ())
                     if x and x[-1] not in ":：" and all(is_han(c) for c in x)}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, labels)) + r")[ ]{0,2}[:：]")


def _in_noun_phrase(tok: str, inside: frozenset[str]) -> bool:
    """A token that may stand inside a means phrase before its head noun: a noun, an adjective, or
    one of the phrase's function words (``inside``: 电话、短信及信函等, 这些)."""
    return tok in inside or (ngrams.word_pos(tok)[:1] in ("n", "a") and all(is_han(c) for c in tok))


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


# at most four Han characters (is_han's ranges), one C-level test instead of a generator per word
_HAN_UPTO4 = re.compile(f"{HAN_CLASS}{{0,4}}").fullmatch
_CTX_WORDS: dict[tuple[str, str, str, str], tuple[tuple[str, float], ...]] = {}
_ITEM0, _ITEM1, _ITEM2 = (itemgetter(k) for k in range(3))  # C-level keys


def _context_words(ctx: tuple[str, str, str, str]) -> tuple[tuple[str, float], ...]:
    """(word, evidence) the finance corpus proposes for a gap between the words ``a`` and ``b``
    with the two characters ``l2`` before it and ``r2`` after it, whatever the document:
    words attested on both sides (follow this left context and precede this right one somewhere
    in the corpus; the evidence is the weaker side's count), then words strongly attested on one
    side (a top successor / predecessor / context word: 电话 after 催收).  Han words of at most
    four characters.  Memoised across documents (the document's own test, absence, is the caller's)."""
    v = _CTX_WORDS.get(ctx)
    if v is not None:
        return v
    a, b, l2, r2 = ctx
    succ, pred = ngrams.fin_successors(a), ngrams.fin_predecessors(b)
    lctx = ngrams.fin_left_context(l2) if l2 else {}
    rctx = ngrams.fin_right_context(r2)
    # (S ∪ L) ∩ (P ∪ R) as the union of the four pairwise intersections: each costs the smaller
    # table only, where the unions would cost both whole tables (the order of the result is immaterial)
    sk, lk, pk, rk = succ.keys(), lctx.keys(), pred.keys(), rctx.keys()
    # ... split in two: the words of the small context tables (L, R: two dozen each) and the rest,
    # which lie in S ∩ P and whose evidence is min(S, P) (max(S, 0) is S); each word's evidence
    # by C-level maps (no Python loop per word: some 50 words per context)
    a = lk | rk
    core = list(filter(_HAN_UPTO4, (sk & pk) - a))
    out: list[tuple[str, float]] = list(zip(core, map(min, map(succ.__getitem__, core),
                                                          map(pred.__getitem__, core))))
    if a:
        rest = list(filter(_HAN_UPTO4, ((sk & a) | lk) & ((pk & a) | rk)))
        zeros = [0] * len(rest)
        out += zip(rest, map(min, map(max, map(succ.get, rest, zeros), map(lctx.get, rest, zeros)),
                             map(max, map(pred.get, rest, zeros), map(rctx.get, rest, zeros))))
        core += rest
    seen: set[str] = set(core)
    for table in (succ, lctx, pred, rctx):
        for k, (w, c) in enumerate(table.items()):
            if k >= ONE_SIDED_TOP:
                break
            if w in seen or c < 3 or not _HAN_UPTO4(w):
                continue
            seen.add(w)
            out.append((w, c * ONE_SIDED_WEIGHT))
    if len(_CTX_WORDS) > MEMO_MAX:
        _CTX_WORDS.clear()
    if len(out) > CTX_WORDS_MAX:  # the best-attested few (bounded work per gap)
        # by evidence (descending), then word: two stable C-keyed sorts, no key function per word
        out.sort(key=_ITEM0)
        out.sort(key=_ITEM1, reverse=True)
        del out[CTX_WORDS_MAX:]
    v = _CTX_WORDS[ctx] = tuple(out)
    return v


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


_GAP_CACHE: dict[tuple[str, str], tuple] = {}
_GAINS: dict[tuple, float] = {}


def _gain_cache() -> dict[tuple, float]:
    """Character-model gains by (8-character window, insertion offset, inserted text), shared by
    the passes and across documents (bounded: cleared when large)."""
    if len(_GAINS) > MEMO_MAX:
        _GAINS.clear()
    return _GAINS
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


_LAST_NORM: tuple[str | None, str] = (None, "")


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


def _rate_evident(d: str) -> bool:
    """Absence alone shows ``d`` deleted only for a character the register mostly writes as a word
    of its own (在, 是, 对): such words are spread evenly over any article.  A character mostly
    inside words (行 of 银行, 执行) comes and goes with its topic: a fund article may lack it."""
    if len(d) != 1:
        return False
    alone, used = ngrams.fin_char_use(d)
    return used > 0 and alone >= RATE_FREE * used


def _norm(text: str) -> str:
    """``ngrams.lm_normalise(text)``, computed once per document for all the passes (the last
    document's result, swapped in one assignment: safe across threads)."""
    last = _LAST_NORM
    if last[0] is text:
        return last[1]
    v = ngrams.lm_normalise(text)
    globals()["_LAST_NORM"] = (text, v)
    return v


def _single_han(tok: str) -> bool:
    return len(tok) == 1 and is_han(tok)


def _splits_word(toks, edge: int) -> bool:
    """The offset ``edge`` falls inside a frequent word among ``toks`` (the tokens beside a space)."""
    for t in toks:
        if t.start < edge < t.end:
            return ngrams.word_freq(t.text) >= SPLIT_WORD_FREQ
    return False


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


def _collocate(tok: str) -> bool:
    """A neighbour that makes a collocation with an orphan it always stands by: a word, or a
    content character (发|小 five times is 发小); not a function character (的, 是, 在)."""
    return tok not in _free_chars() or (len(tok) == 1 and ngrams.word_pos(tok)[:1] in ("a", "n"))


def _in_char_list(toks, i: int) -> bool:
    """Token i is an item of an enumeration of one-character items (理、工、农、医)."""
    return ((i > 1 and toks[i - 1].text == "、" and _list_item(toks[i - 2].text))
            or (i + 2 < len(toks) and toks[i + 1].text == "、" and _list_item(toks[i + 2].text)))


def _other_completion_written(site, c, text: str, count) -> bool:
    """The orphan is a noun, and a compound it heads (汇票, 计划表) stands whole in the document at
    least twice: the orphan is the page's shorthand for it (这张票 in an article on 汇票 and 票据,
    not 股票 cut), not the rest of a word the filter took."""
    ch = text[c.start:c.end]
    if ngrams.word_pos(ch)[:1] != "n":
        return False
    return any(x.repl != c.repl and x.repl.endswith(ch) and getattr(x, "data_share", 0.0) >= ORPHAN_SHORTHAND_SHARE
               and ngrams.word_pos(x.repl)[:1] == "n" and count(x.repl) >= 2 for x in site if x.repl)


def _attested_string(frag: str, words) -> bool:
    """A fragment of four or more characters that the register writes at least PARTIAL_ATTESTED
    times outside the words it would restore (年化收益 13 times, 7 of them inside 年化收益率): a
    phrase of its own.  (Only long fragments: a short one hides inside other words, 权人 in 抵押权人.)"""
    lm = ngrams.fin_lm()
    key = ngrams.lm_normalise(frag)
    inside = sum(lm.count(ngrams.lm_normalise(w)) for w, k in words if len(w) <= 5 and (k == 0 or k == len(w) - 1))
    return lm.count(key) - inside >= PARTIAL_ATTESTED


def _function_start(doc, line_start: int) -> bool:
    """The line opens with a function word (被电信 转走…): a sentence, not a label (小编导语 在…)."""
    toks = doc.tokens_in(line_start, line_start + 1)
    return bool(toks) and ngrams.word_pos(toks[0].text)[:1] in FUNCTION_POS


def _list_item(tok: str) -> bool:
    """A one-character item of an enumeration (理、工、农): a content character, not the
    conjunction of a list whose item was deleted (扰、或泄露)."""
    return _single_han(tok) and ngrams.word_pos(tok)[:1] not in FUNCTION_POS


def _traditional(text: str) -> bool:
    """The page is mostly in traditional script (conversion-residue's script decision)."""
    from checks.conversion_residue import _tables

    tb = _tables()
    n_t = tb["t_cls"].count(text)
    if n_t < MIN_SCRIPT_CHARS:
        return False
    return n_t > tb["s_cls"].count(text)


def _subseq_chunks(x: str, name: str) -> int | None:
    """Number of deleted chunks if ``x`` is ``name`` with chunks deleted (greedy), else None."""
    i = 0
    chunks = 0
    in_gap = False
    for ch in name:
        if i < len(x) and ch == x[i]:
            i += 1
            in_gap = False
        else:
            if not in_gap:
                chunks += 1
                in_gap = True
    return chunks if i == len(x) else None


class DocCounts:
    """Occurrences of short strings in one document, without a scan of the text per string:
    single characters from one ``Counter``; longer strings counted together by one
    Aho–Corasick pass over the text for each batch (``prime``).  Overlapping occurrences
    count (``str.count`` would not): the tests only ask "none", "once" or "how many"."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._chars: Counter | None = None
        self._n: dict[str, int] = {}

    def prime(self, strings) -> None:
        todo = {s for s in strings if len(s) > 1 and s not in self._n}
        if not todo:
            return
        # one Aho–Corasick automaton over the batch, its matches (overlaps included) counted in C:
        # no Match object per occurrence, no loop per string and length (a quarter faster than
        # counting every substring of each length asked about, or PhraseMatcher's matches)
        import ahocorasick

        auto = ahocorasick.Automaton()
        add = auto.add_word
        for s in todo:
            add(s, s)
        auto.make_automaton()
        n = dict.fromkeys(todo, 0)
        n.update(Counter(map(_ITEM1, auto.iter(self.text))))
        self._n.update(n)

    def count(self, s: str) -> int:
        if len(s) <= 1:
            if not s:
                return len(self.text) + 1  # as str.count: the empty string is everywhere
            if self._chars is None:
                self._chars = Counter(self.text)
            return self._chars.get(s, 0)
        v = self._n.get(s)
        if v is None:  # not primed: one scan (callers prime their batches first)
            v = self._n[s] = self.text.count(s)
        return v

    def absent(self, s: str) -> bool:
        return self.count(s) == 0


def _not_prose(toks, min_tokens: int = 200, max_single: float = 0.9) -> bool:
    """True when almost every Han token is a single character: random or encoded text,
    not prose (prose in dictionary-mode segmentation: 22–81 % single characters, measured
    on corpus/finance, bench/clean2 and the seeds; random Han and symbol soup: 96–100 %)."""
    han = [t for t in toks if t.text and is_han(t.text[0])]
    if len(han) < min_tokens:
        return False
    return sum(1 for t in han if len(t.text) == 1) > max_single * len(han)


class MissingChar(Check):
    id = "missing-char"
    summary = "敏感词过滤删字：残缺的词语、断开的空格与残缺的法律名称"
    summary_en = "Characters or words deleted by a sensitive-word filter, with the deleted text restored"
    rationale = ("采集来的文章常经过内容管理系统的敏感词过滤，过滤器把某些字词整篇删除，留下“关心的问是”“存极端风险”"
                 "“通过 联系”“《人民民法典》”这样的残句。读者看不懂，搜索引擎视为低质内容，法律名称残缺还会误导读者。"
                 "本检查依据分词后孤立的黏着语素、还原后能组成高频词、同一文档中同一删除反复出现、法律名称等证据定位残缺处并给出还原文本；"
                 "孤立的字只有在财经语料的语言模型认为还原后更通顺时才报告，口语中常单用的字（签、拒、选）、人名、“答：”标签、繁体页面和表格空格不报。")
    rationale_en = ("Scraped articles often pass through CMS sensitive-word filters that delete a word everywhere, "
                    "leaving broken text such as 关心的问是, 存极端风险, 通过 联系 or 《人民民法典》. Readers stumble, search engines "
                    "rank the page as low quality and a mangled law name misleads. The check uses orphaned bound morphemes, "
                    "restorations that form frequent words, the same deletion recurring across the document, and official "
                    "law names to locate each break and propose the restored text. A lone character is reported only where "
                    "the in-register character model prefers the restored word; characters that stand alone in colloquial "
                    "advice (签, 拒, 选), names, 答： labels, traditional-script pages and space-aligned tables stay silent.")
    examples = (
        Example(bad="许多借款人关心的问是，逾期后会怎样？", good="许多借款人关心的问题是，逾期后会怎样？"),
        Example(bad="关键于逾期时间的长短。", good="关键在于逾期时间的长短。"),
        Example(bad="依照《人民民法典》的规定", good="依照《中华人民共和国民法典》的规定"),
        Example(bad="在经济全 化的背景下", good="在经济全球化的背景下"),
    )
    default_severity = "warning"
    sub_rules = ()
    supersedes = ("punctuation/stray-space",)
    options = {
        "min-confidence": Option(0.5, "report only findings at or above this confidence"),
        "insert-gate": Option(-2.0, "a token boundary proposes deleted words only when its character pair's "
                                   "log ratio to chance in the in-register corpus is at most this (boundaries up to "
                                   "0 are tried only for words a rarer boundary already shows gone)"),
        "insert-candidates": Option(20, "candidate words per document scored by the character model "
                                        "(those the most contexts agree on)"),
        "insert-min-contexts": Option(2, "distinct contexts (word pairs) that must agree on a deleted word (+1 for a single character)"),
        "insert-min-score": Option(13.0, "document score (summed gains + absence evidence) a deleted word needs"),
        "insert-site-gain": Option(3.0, "log-probability gain a single insertion site needs"),
        "insert-needs-evidence": Option(False, "look for words deleted without a trace only in documents that show other "
                                               "damage (a word known deleted, another finding, a cut space): about 3x "
                                               "faster on clean articles, for bulk audits; misses documents whose filter "
                                               "left no other trace"),
        "insert-known-gain": Option(1.0, "log-probability gain a further site of a word shown deleted at two "
                                         "places needs"),
        "max-orphan-freedom": Option(0.35, "a single-character token counts as an orphan only when the character "
                                           "stands alone in at most this share of its dictionary uses"),
    }
    messages = {
        "restore": {"zh": "“{frag}”处疑似被过滤删字，应还原为“{restored}”",
                    "en": "“{frag}” looks cut by a word filter; restore it as “{restored}”"},
        "restore-space": {"zh": "空格处疑似有词被过滤删除，应还原为“{restored}”",
                          "en": "a word seems deleted at this space; restore “{restored}”"},
        "cut-space": {"zh": "空格处疑似有词被过滤删除，请补全缺失的词语",
                      "en": "a word seems deleted at this space; supply the missing word"},
        "list-gap": {"zh": "“{frag}”处列举项疑似被删除，请补全缺失的词语",
                     "en": "a list item seems deleted at “{frag}”; supply the missing word"},
        "law-name": {"zh": "法律名称“{frag}”残缺，应为“{restored}”",
                     "en": "the law name “{frag}” is mangled; it should read “{restored}”"},
    }

    # ------------------------------------------------------------------
    def run(self, doc):
        text = doc.text
        if not text or not any(is_han(c) for c in text[:5000]) and not any(is_han(c) for c in text):
            return
        if _traditional(text):
            return  # the statistics are of simplified text: a traditional page's words all look broken
        toks = doc.tokens
        if _not_prose(toks):
            return  # random or encoded characters: every character looks orphaned, and scoring them all is slow
        han_n = han_count(text)
        counts = DocCounts(text)
        absent = counts.absent

        def rare(d: str) -> bool:
            # absent, or kept once (a quoted title, an unfiltered footer) while broken elsewhere
            return counts.count(d) <= 1

        cands: list[list[Cand]] = []  # per site, candidates
        cands += self._orphans(text, toks, absent)
        cands += self._gaps(text, toks, absent)
        space_sites = self._spaces(text, doc, absent) + self._edge_spaces(text, doc)
        cands += space_sites
        # every string the evidence below asks about, counted in one pass over the text
        counts.prime({c.inserted for site in cands for c in site} | set(_filter_words()))

        # ---- document consistency: which insertions does this document lack? ----
        # an orphan always preceded by the same word is an unknown compound (利害关系|方), not a cut
        colloc: dict[tuple[str, str, str], int] = {}

        def colloc_keys(c0: Cand) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
            frag = text[c0.start:c0.end]
            prev, nxt = getattr(c0, "data_prev", ""), getattr(c0, "data_next", "")
            # only word neighbours make a collocation; punctuation and function characters do not
            lk = ("L", prev, frag) if prev and is_han(prev[-1]) and _collocate(prev) else ("", "", "")
            rk = ("R", frag, nxt) if nxt and is_han(nxt[0]) and _collocate(nxt) else ("", "", "")
            return lk, rk

        for site in cands:
            if site and site[0].kind == "orphan":
                for key in colloc_keys(site[0]):
                    if key[0]:
                        colloc[key] = colloc.get(key, 0) + 1
        cands = [site for site in cands if not (site and site[0].kind == "orphan" and max(
            colloc.get(k, 0) for k in colloc_keys(site[0])) >= 3)]
        support: dict[str, int] = {}
        strong: dict[str, int] = {}
        contexts: set[tuple[str, str]] = set()
        for site in cands:
            seen = set()
            if site and site[0].kind == "gap":
                continue  # broken-word guesses across token boundaries never vote
            if site:
                s0 = site[0]
                ctx = (text[max(0, s0.start - 2):s0.end + 2], site[0].kind)
                if ctx in contexts:  # a repeated line (name, footer) is one piece of evidence
                    continue
                contexts.add(ctx)
            for c in site:
                d = c.inserted
                if not d or d in seen or not rare(d) or c.local <= -3.0:
                    continue
                # a minor completion (实 → 实施) is evidence only where the context predicts it
                if c.kind == "orphan" and ((getattr(c, "data_share", 1.0) < MIN_SHARE
                                            and c.data_gain < c.data_need)  # type: ignore[attr-defined]
                                           or c.data_gain < GAIN_FLOOR):  # type: ignore[attr-defined]
                    continue
                seen.add(d)
                support[d] = support.get(d, 0) + 1
                # an orphan is strong evidence only where the in-register model prefers the restoration
                if c.kind != "orphan" or c.data_gain >= c.data_need:  # type: ignore[attr-defined]
                    strong[d] = strong.get(d, 0) + 1
        deleted: dict[str, float] = {}
        by_rate: dict[str, bool] = {}
        for site in cands:
            for c in site:
                d = c.inserted
                if d not in support and _rate_evident(d) and absent(d) and self._expected(d) * han_n >= RATE_DELETED:
                    support[d] = 0
        for d, k in support.items():
            expected = self._expected(d) * han_n
            if not absent(d) and k < 3:
                continue
            # a single character restored at only two orphans is too weak: literary/legal prose
            # uses bound morphemes freely (为限, 从价, 应当附), two sites can be coincidence
            need = 3 if len(d) == 1 else 2
            rate = expected >= RATE_DELETED and _rate_evident(d)
            if (k >= need and strong.get(d, 0) >= 2) or rate:
                deleted[d] = min(expected, 12.0) + 2.0 * k
                by_rate[d] = rate
        self._resolve_spaces(space_sites, text, counts, deleted)
        # a word restored with confidence at cut spaces is gone from the whole document: the same
        # filter deleted it without a trace elsewhere (通过 联系 here, 会|电话 there)
        for site in space_sites:
            pick = getattr(site[-1], "data_pick", None) if site else None
            if pick is not None and pick[1] >= 0.8 and len(pick[0].inserted) >= 2:
                w = pick[0].inserted
                deleted[w] = max(deleted.get(w, 0.0), SPACE_DELETED_SCORE)
        remainder_sites = self._remainders(text, toks, absent, deleted)
        cands += remainder_sites

        findings = []
        # the whole-word counts the shorthand test asks about, in one pass (not a scan per word)
        # (only the compounds an orphan heads: the others are never asked about)
        counts.prime({x.repl for site in cands if site and site[0].kind == "orphan" for x in site
                      if x.repl and getattr(x, "data_share", 0.0) >= ORPHAN_SHORTHAND_SHARE
                      and x.repl.endswith(text[site[0].start:site[0].end])})
        for site in cands:
            best = self._choose(site, deleted, absent, by_rate, text, counts.count)
            if best is not None:
                findings.append(self._absorb_space(text, *best))
        damaged = bool(deleted or findings or space_sites)
        if not self.opts["insert-needs-evidence"] or damaged:
            findings += self._insertions(text, toks, counts, deleted, damaged)
        findings += self._frames(text, toks, counts, deleted)
        findings += self._means_phrases(text, toks, counts)
        findings += self._law_names(text)
        findings += self._list_gaps(doc, toks)
        findings += self._compound_remainders(text, toks, counts)
        partial = self._partials(doc, text, counts)
        if partial:
            # a word broken the same way at several places explains its fragment better than a
            # word inserted before it (，权人 is 债权人 cut, not 抵押 deleted before 权人)
            cover = {x for c, _ in partial for x in range(c.start, c.end + 1)}
            findings = [f for f in findings if not (f[0].kind == "insert" and f[0].fix_start in cover)]
            findings += [self._absorb_space(text, *x) for x in partial]

        # one finding per span; highest confidence wins
        findings.sort(key=lambda f: (f[0].start, -f[1]))
        last_end = -1
        min_conf = self.opts["min-confidence"]
        for cand, conf in findings:
            if conf < min_conf:
                continue
            if cand.start < last_end or (cand.start == cand.end and cand.start == last_end):
                continue
            last_end = max(cand.end, cand.start)
            yield self._emit(text, cand, conf)

    @staticmethod
    @lru_cache(maxsize=65536)
    def _expected(d: str) -> float:
        """Occurrences of ``d`` per Han character: the lower of the dictionary and law-text estimates
        (static tables: memoised)."""
        rate = ngrams.string_rate(d)
        total = ngrams.char_ngram_total()
        if len(d) <= 3 and total:
            rate = math.sqrt(rate * ngrams.char_ngram_count(d) / total)
        if len(d) == 1:  # and no more than the register uses it (政, 民 are rare in advice articles)
            rate = min(rate, ngrams.fin_char_rate(d))
        return rate

    # ------------------------------------------------------------------
    def _emit(self, text, c: Cand, conf: float):
        frag = text[c.start:c.end] or text[max(0, c.start - 1):c.start + 1]
        fix = Fix(c.fix_start, c.fix_end, c.repl) if c.repl is not None else None
        restored = c.repl
        if c.repl is not None and c.start <= c.fix_start <= c.fix_end <= c.end and c.kind != "space":
            restored = text[c.start:c.fix_start] + c.repl + text[c.fix_end:c.end]
        elif c.kind == "space" and c.word:
            restored = c.word
        data = {"kind": c.kind, "inserted": c.inserted, "word": c.word}
        if c.kind == "law":
            return self.finding("law-name", c.start, c.end, fix=fix, confidence=conf, data=data,
                                frag=frag, restored=restored)
        if c.kind == "list":
            return self.finding("list-gap", c.start, c.end, fix=None, confidence=conf, data=data, frag=frag)
        if c.kind == "space":
            if c.repl is None:
                return self.finding("cut-space", c.start, c.end, fix=None, confidence=conf, data=data)
            return self.finding("restore-space", c.start, c.end, fix=fix, confidence=conf, data=data, restored=restored)
        return self.finding("restore", c.start, c.end, fix=fix, confidence=conf, data=data, frag=frag,
                            restored=restored)

    def _choose(self, site: list[Cand], deleted: dict[str, float], absent,
                by_rate: dict[str, bool], text: str, count) -> tuple[Cand, float] | None:
        if site and site[0].kind == "space":
            pick = getattr(site[-1], "data_pick", None)
            if pick is not None:
                return pick
            good = [c for c in site if c.repl is not None and absent(c.inserted)
                    and (c.inserted in deleted or c.local >= 0)]
            if good:
                c = max(good, key=lambda c: (c.inserted in deleted, deleted.get(c.inserted, 0.0), c.local))
                return c, 0.8
            fb = [c for c in site if c.repl is None and not getattr(c, "data_fix_only", False)]
            return (fb[0], getattr(fb[0], "data_conf", 0.6)) if fb else None
        best = None
        best_key = None
        for c in site:
            rate_only = by_rate.get(c.inserted) and c.inserted in deleted
            if c.kind == "orphan" and rate_only and c.fix_start == c.start and not c.repl.startswith(
                    text[c.start:c.end]):
                continue  # a frequent character the text lacks restores suffixes only (存 → 存在)
            in_deleted = c.inserted in deleted
            share = getattr(c, "data_share", 1.0)
            if c.kind == "orphan" and share < (MIN_SHARE_RATE if rate_only or in_deleted else MIN_SHARE):
                continue
            # a minor completion (设 → 设施) of a deletion the document shows elsewhere needs the
            # context to predict it; a dominant one only must not read much worse
            low_share = share < MIN_SHARE and not rate_only and deleted.get(c.inserted, 0.0) < MINOR_DELETED
            if c.kind == "orphan" and not rate_only and c.data_gain < (  # type: ignore[attr-defined]
                    GAIN_FLOOR if in_deleted and not low_share else c.data_need):  # type: ignore[attr-defined]
                continue  # the context does not predict the restored word
            # between restorations the document lacks, the one the context reads better (组织实|。
            # is 实施, not 实在, when both 施 and 在 are gone)
            fit = round(getattr(c, "data_gain", 0.0) / CHOOSE_GAIN_STEP) if in_deleted else 0
            key = (in_deleted, fit, deleted.get(c.inserted, 0.0), c.local)
            if best_key is None or key > best_key:
                best, best_key = c, key
        if best is None:
            return self._only_gone(site, absent, text) if site and site[0].kind == "orphan" else None
        c = best
        if c.kind == "orphan" and _other_completion_written(site, c, text, count):
            return None
        if c.kind == "space" and c.repl is None:
            return c, 0.7
        if c.kind == "remainder":
            return c, 0.65
        if c.inserted in deleted:
            k = deleted[c.inserted]
            if c.local >= -3.0:
                return c, min(0.97, 0.75 + 0.02 * k)
            return None
        if c.kind == "gap":
            return None
        if absent(c.inserted) and c.local >= 2.5:
            return c, 0.75
        if c.kind == "orphan":
            got = self._only_gone(site, absent, text)
            if got is not None:
                return got
        if c.kind == "orphan" and c.local >= 3.5 and c.data_clause_end:  # type: ignore[attr-defined]
            return c, 0.6
        if c.kind == "space" and absent(c.inserted) and c.local >= 0:
            return c, 0.8
        return None

    @staticmethod
    def _absorb_space(text: str, c: Cand, conf: float) -> tuple[Cand, float]:
        """An orphan or a fragment completed on the side where a single space stands (``措 ，`` →
        措施，, ``采取措 防止`` → 采取措施防止): the filter left the space where the rest of the
        word was; the fix replaces it."""
        if c.kind not in ("orphan", "partial") or not c.repl or c.fix_start != c.start or c.fix_end != c.end:
            return c, conf
        frag = text[c.start:c.end]
        if (c.repl.startswith(frag) and text[c.end:c.end + 1] == " " and text[c.end + 1:c.end + 2] != " "
                and c.end + 1 < len(text) and text[c.end + 1] not in "\r\n"):
            return Cand(c.start, c.end + 1, c.start, c.end + 1, c.repl, c.inserted, c.kind, c.local, c.word), conf
        if (c.repl.endswith(frag) and c.start >= 2 and text[c.start - 1] == " " and text[c.start - 2] != " "
                and text[c.start - 2] not in "\r\n"):
            return Cand(c.start - 1, c.end, c.start - 1, c.end, c.repl, c.inserted, c.kind, c.local, c.word), conf
        return c, conf

    @staticmethod
    def _only_gone(site: list[Cand], absent, text: str) -> tuple[Cand, float] | None:
        """The only frequent completion whose missing part the document lacks and the context
        predicts: a filter deletes its word everywhere, so completions whose part occurs elsewhere
        are out."""
        if getattr(site[0], "data_free", False):
            return None
        viable = [x for x in site if getattr(x, "data_share", 0) >= 0.1]
        # ... and of those the context predicts (扰 → 骚扰, not 干扰, where both 骚 and 干 are gone)
        gone = [x for x in viable if absent(x.inserted) and x.data_gain >= x.data_need]  # type: ignore[attr-defined]
        if len(gone) != 1:
            return None
        g = gone[0]
        line_final = text[g.end:g.end + 1] in ("\n", "\r", "")
        if (g.local >= 0 and not line_final
                and (getattr(g, "data_clause_end", False) or text[g.start - 1:g.start] == "的"
                     or text[g.end:g.end + 1] == "、")):  # a list item (不限于扰、或泄露)
            return g, 0.7
        return None

    # ---- 1. orphaned bound morphemes -------------------------------------
    @staticmethod
    def _gain(norm: str, q: int, ins: str) -> float:
        """log P(text with ``ins`` inserted at ``q``) − log P(text) under the in-register character
        model, over the inserted characters and the four after them."""
        lm = ngrams.fin_lm()
        hist = norm[max(0, q - 4):q]
        fut = norm[q:q + 4]
        return lm.score(hist + ins + fut, len(hist)) - lm.score(hist + fut, len(hist))

    def _orphans(self, text, toks, absent) -> list[list[Cand]]:
        out = []
        norm = _norm(text)
        lm = ngrams.fin_lm()
        gains = _gain_cache()  # the same context and insertion, the same gain (across documents)
        max_free = self.opts["max-orphan-freedom"]
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
            if text.startswith(("...", "…"), t.end):
                continue  # a teaser the page cut short (收取一定的罚...), not a filter's deletion
            is_free = ch in free_verbs
            prev = toks[i - 1].text if i > 0 else ""
            nxt = toks[i + 1].text if i + 1 < n else ""
            if prev == "的" and nxt in LOCATIVES and (i + 2 >= n or toks[i + 2].text[:1] in CLAUSE_PUNCT
                                                       or toks[i + 2].text in ("的", "有", "是")):
                continue  # 的表|上，: a noun standing as a word before its postposition
            if prev and (prev[-1].isdigit() or (word_pos(prev) == "m" and prev[-1] in NUMERALS)) and not (
                    prev == "一" and i > 1 and toks[i - 2].text in ("这", "那", "此", "该")):
                continue  # 三四|线, 2025|年: a measure word after a numeral (not a noun's remainder: 这一|问，)
            # two bound single characters side by side: an out-of-vocabulary word, not a cut
            if any(len(nb) == 1 and is_han(nb) and nb not in free_chars and char_freedom(nb) < 0.5
                   for nb in (prev, nxt)):
                continue
            # the character forms a word with its neighbour's edge: a segmentation artefact
            # (会上|门 is 会|上门), not an orphan
            if ((prev and word_freq(prev[-1] + ch) >= 20) or (nxt and word_freq(ch + nxt[0]) >= 20)
                    or (len(prev) >= 2 and word_freq(prev[-2:] + ch) >= 20)):
                continue
            if nxt[:1] in (":", "：") and (i == 0 or "\n" in prev or prev.strip() == "" or prev[-1] in LABEL_AFTER):
                continue  # 问：/答： labels, also run in after a question (…吗？答：…)
            if prev in names["before"] or nxt.startswith(names["after"]):
                continue  # a name: 小王, 老邓, 王先生, 蒋女士
            if _in_char_list(toks, i):
                continue  # an enumeration of one-character items: 理、工、农、医; 强行登、占
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
                c = Cand(t.start, t.end, fs, fe, repl, ins, "orphan", local, w)
                # does the in-register model predict the restored word in this context?
                # (only for completions frequent enough to be used: the rest are never chosen)
                q = fe if right else fs
                if f / mass >= MIN_SHARE_RATE:
                    gkey = (norm[max(0, q - 4):q + 4], q - max(0, q - 4), ins)
                    g = gains.get(gkey)
                    if g is None:
                        g = gains[gkey] = self._gain(norm, q, ins)
                else:
                    g = -99.0
                c.data_gain = g  # type: ignore[attr-defined]
                c.data_need = need_gain  # type: ignore[attr-defined]
                c.data_clause_end = clause_end  # type: ignore[attr-defined]
                c.data_free = is_free  # type: ignore[attr-defined]
                c.data_share = f / mass  # type: ignore[attr-defined]
                c.data_prev = prev  # type: ignore[attr-defined]
                c.data_next = nxt  # type: ignore[attr-defined]
                site.append(c)
            if site:
                out.append(site)
        return out

    # ---- 2. words broken across a token boundary -------------------------
    def _gaps(self, text, toks, absent) -> list[list[Cand]]:
        out = []
        word_freq, gap_words, word_pos = ngrams.word_freq, ngrams.gap_words, ngrams.word_pos
        for a_tok, b_tok in zip(toks, toks[1:]):
            at, bt = a_tok.text, b_tok.text
            if len(at) != 1 and len(bt) != 1:
                continue
            if a_tok.end != b_tok.start or not (is_han(at[-1]) and is_han(bt[0])):
                continue
            key = (at[-3:], bt[:3])
            found = _GAP_CACHE.get(key)
            if found is None:  # the same pair of token edges, the same broken words (memoised)
                lst = []
                for la in range(1, min(3, len(at)) + 1):
                    a = at[-la:]
                    for lb in range(1, min(3, len(bt)) + 1):
                        b = bt[:lb]
                        if word_freq(a + b) >= 3:
                            continue
                        for w, d in gap_words(a, b):
                            if word_pos(w).startswith(PROPER_POS):
                                continue
                            f = word_freq(w)
                            lst.append((la, lb, d, math.log(f + 1) - 4.0 + (la + lb - 2) * 0.5, w))
                if len(_GAP_CACHE) > MEMO_MAX:
                    _GAP_CACHE.clear()
                found = _GAP_CACHE[key] = tuple(lst)
            if not found:
                continue
            site = [Cand(a_tok.end - la, b_tok.start + lb, b_tok.start, b_tok.start, d, d, "gap", local, w)
                    for la, lb, d, local, w in found]
            if site:
                # the fix inserts d at the boundary; the span covers the broken fragment
                out.append(site)
        return out

    # ---- 3. spaces that cut a word ---------------------------------------
    def _spaces(self, text, doc, absent) -> list[list[Cand]]:
        """A space between Chinese characters (or after a full-width comma/colon) where a word was
        cut.  Scraped pages also carry stray spaces: labels (``小编导语 在…``), breadcrumbs, a stuffed
        keyword pasted after a space, a title glued to its first paragraph.  Those are skipped;
        every other space is a cut, restored when a dictionary word forms across it."""
        out = []
        needs = _needs_object()
        matches = list(SPACE_CUT_RE.finditer(text))
        if not matches:
            return out
        # a stuffed keyword: the same text follows many spaces with different left neighbours
        right_ctx: dict[str, set[str]] = {}
        for m in ANY_SPACE_RE.finditer(text):
            right_ctx.setdefault(text[m.end():m.end() + 4], set()).add(text[max(0, m.start() - 1):m.start()])
        habit = {p: text.count(p + " ") + text.count(p + "\u3000") for p in SPACED_PUNCT}
        punct_n = {p: text.count(p) for p in SPACED_PUNCT}
        # per line, computed once (a one-line document must not be rescanned per space)
        line_starts = [ln.start for ln in doc.lines]
        line_info: dict[int, tuple[int, bool]] = {}  # line start → (end, chrome or table layout)
        punct_pos = [m.start() for m in PREFIX_PUNCT_RE.finditer(text)]
        for m in matches:
            s, e = m.start(), m.end()
            p = text[s - 1]
            if p in SPACED_PUNCT:
                if not (is_han(text[e]) or text[e] in "、，,") or (habit[p] >= 3 and habit[p] >= 0.2 * punct_n[p]):
                    continue  # this page puts a space after its punctuation
            k = bisect_right(line_starts, s) - 1
            line_start = line_starts[k] if k >= 0 else 0
            info = line_info.get(line_start)
            if info is None:
                line_end = text.find("\n", s)
                line_end = len(text) if line_end < 0 else line_end
                line = text[line_start:line_end]
                # breadcrumbs, footers, links; or a table laid out with runs of spaces
                # (调整前　　调整后　　变动): a deleted word leaves one space, not columns
                wide = len(WIDE_SPACE_RE.findall(line.strip()))
                info = line_info[line_start] = (line_end, any(x in line for x in _CHROME_MARKS) or wide >= 2
                                                or _meta_fields().search(line) is not None)
            if s - line_start < 2 or info[1]:
                continue
            if text[s:e] == "\u3000\u3000":
                continue  # two full-width spaces: typographic layout
            j = bisect_left(punct_pos, line_start)
            plain_prefix = not (j < len(punct_pos) and punct_pos[j] < s)
            prefix_len = s - line_start
            # a label (小编导语 在…, 头像 某某) keeps its space unless a word forms across it; not a
            # line whose space runs into punctuation (遇到违规 ,): nothing follows a label there
            layout = plain_prefix and prefix_len <= 4 and is_han(text[e]) and not _function_start(doc, line_start)
            if len(right_ctx.get(text[e:e + 4], ())) >= 3:
                continue  # a stuffed keyword pasted after spaces
            rtoks = doc.tokens_in(e, e + 1)
            right_word = rtoks[0].text if rtoks else ""
            if plain_prefix and prefix_len >= 5 and ngrams.word_pos(right_word)[:1] in ("p", "c"):
                layout = True  # a title glued to its first paragraph: …哪些难题 随着社会…
            site = []
            left_run = text[max(line_start, s - 3):s]
            right_run = text[e:e + 3]
            # where the text beside the space splits into words: a word formed across the space
            # that takes half of a frequent word (反 行政 → 反向而行 + 政) must be frequent itself
            beside = doc.tokens_in(max(line_start, s - 3), s) + doc.tokens_in(e, e + 3)
            for la in range(1, len(left_run) + 1):
                a = left_run[-la:]
                if not all(is_han(c) for c in a):
                    continue
                for lb in range(1, len(right_run) + 1):
                    b = right_run[:lb]
                    if not all(is_han(c) for c in b):
                        break
                    halves = _splits_word(beside, s - la) or _splits_word(beside, e + lb)
                    for w, d in ngrams.gap_words(a, b):
                        if halves and ngrams.word_freq(w) < SPLIT_WORD_FREQ:
                            continue
                        # (whether the document lacks d is decided later, in one pass for all sites)
                        local = math.log(ngrams.word_freq(w) + 1) - 4.0
                        site.append(Cand(s, e, s, e, d, d, "space", local, w))
            ltoks = doc.tokens_in(max(line_start, s - 4), s)
            left_word = ltoks[-1].text if ltoks else ""
            broken = (left_word in needs) or text[e] in "、，,。" or right_word in ("和", "与", "或", "及")
            if not layout:
                fb = Cand(s, e, s, e, None, "", "space", -99.0, "")
                fb.data_conf = 0.75 if broken else 0.6  # type: ignore[attr-defined]
                # a space after a full stop is often a stray one on scraped pages: a cut only
                # where the restored word is clear
                # (not where punctuation follows the space: 。 、 is no sentence spacing)
                fb.data_fix_only = p in SENTENCE_END and is_han(text[e])  # type: ignore[attr-defined]
                # the gap's context for the in-register restoration (_resolve_spaces)
                fb.data_ctx = (ngrams.word_key(left_word) if left_word else "",  # type: ignore[attr-defined]
                               ngrams.word_key(right_word) if right_word else "",
                               ngrams.lm_normalise(text[max(line_start, s - 2):s]),
                               ngrams.lm_normalise(text[e:e + 2]))
                site.append(fb)
            if site:
                out.append(site)
        return out

    def _edge_spaces(self, text, doc) -> list[list[Cand]]:
        """A space where a line starts (``⏎ 气象主管机构…``) or right after 《 (``《 公司法》``): a
        word cut at the start of a phrase.  After 《 always; at a line start only on a page whose
        other lines do not start with spaces (indentation is layout) and never before a list
        marker or a second space."""
        out: list[list[Cand]] = []
        if " " not in text and "\u3000" not in text:
            return out
        lines = doc.lines
        n_lines = sum(1 for ln in lines if ln.text.strip())
        indented = sum(1 for ln in lines if ln.text[:1] in (" ", "\u3000", "\t") and ln.text.strip())
        line_ok = n_lines >= 4 and indented * EDGE_INDENT_SHARE <= n_lines
        for m in EDGE_SPACE_RE.finditer(text):
            s, e = m.start(), m.end()
            after_title = text[s - 1:s] == "《"
            if not after_title and not line_ok:
                continue
            if not after_title:  # (a line start: each line is read once)
                ln_end = text.find("\n", e)
                line = text[e:ln_end if ln_end >= 0 else len(text)]
                if len(line) < 8 or any(x in line for x in _CHROME_MARKS) or WIDE_SPACE_RE.search(line):
                    continue  # a short label or a layout line
            rtoks = doc.tokens_in(e, e + 1)
            right_word = rtoks[0].text if rtoks else ""
            fb = Cand(s, e, s, e, None, "", "space", -99.0, "")
            fb.data_conf = 0.75 if after_title else 0.6  # type: ignore[attr-defined]
            if after_title:
                close = text.find("》", e, e + 40)
                name = text[e:close] if close > 0 else ""
                from linter.laws import PRC, catalog

                if name and "《" not in name and not name.startswith(PRC) and catalog().is_known(PRC + name):
                    # 《 公司法》: the official name with the state's name cut
                    pick = Cand(s, e, s, e, PRC, PRC, "space", 0.0, PRC + name)
                    fb.data_pick = (pick, 0.9)  # type: ignore[attr-defined]
                    out.append([fb])
                    continue
            fb.data_ctx = ("", ngrams.word_key(right_word) if right_word else "",  # type: ignore[attr-defined]
                           "", ngrams.lm_normalise(text[e:e + 2]))
            out.append([fb])
        return out

    def _resolve_spaces(self, sites: list[list[Cand]], text: str, counts: DocCounts,
                        deleted: dict[str, float]) -> None:
        """The restoration of each cut space, from the in-register statistics: candidate words are
        those the finance corpus has between the gap's left and right contexts (plus dictionary
        words forming across the space); each is scored by the character model over the window
        (``log P(word + next characters | previous characters)``), with document evidence: the
        word never occurs whole in the document (required), it is already known deleted, or it is
        a candidate at other cut spaces too (a filter deletes its word everywhere).  Sites with
        the same context share one decision.  A fix is picked only with a clear margin over the
        runner-up; otherwise the site keeps its fix-less finding.  Sets ``data_pick`` on the
        site's fallback candidate."""
        todo = [site for site in sites if site and site[-1].repl is None and hasattr(site[-1], "data_ctx")]
        if not todo:
            return
        lm = ngrams.fin_lm()
        groups: dict[tuple[str, str], list[list[Cand]]] = {}
        for site in todo:
            fb = site[-1]
            hist = ngrams.lm_normalise(text[max(0, fb.start - 4):fb.start].split("\n")[-1])
            fut = ngrams.lm_normalise(text[fb.end:fb.end + 4].split("\n")[0])
            groups.setdefault((hist, fut), []).append(site)
        words_of: dict[tuple[str, str], dict[str, Cand | None]] = {}
        allw: set[str] = set()
        # a page with very many cut spaces uses spaces as layout: the context's own words only
        dense = len(groups) > SPACE_DENSE_GROUPS
        heads, tails = _affixes() if not dense else ({}, {})
        for key, lst in groups.items():
            ws: dict[str, Cand | None] = {}
            for site in lst:
                for c in site:
                    if c.repl is not None and c.inserted and c.inserted not in ws:
                        ws[c.inserted] = c
                for w, _ in _context_words(site[-1].data_ctx):  # type: ignore[attr-defined]
                    ws.setdefault(w, None)
            hist, fut = key
            for w in (heads.get(fut[:1], ()) + heads.get(fut[:2], ()) + heads.get(fut[:3], ())
                      + tails.get(hist[-1:], ()) + tails.get(hist[-2:], ()) + tails.get(hist[-3:], ())):
                ws.setdefault(w, None)  # completes a compound with the text beside the space
            ws = {w: c for w, c in ws.items() if w and len(w) <= AFFIX_MAX_LEN and all(is_han(ch) for ch in w)}
            words_of[key] = ws
            allw.update(ws)
        counts.prime(allw)
        n_ctx: Counter = Counter()
        for ws in words_of.values():
            n_ctx.update(w for w in ws if counts.absent(w))
        # a filter deletes few words: each space's best word, and words known deleted, are tried
        # at every cut space of the document (a word proposed by another space's context)
        pool: set[str] = set(sorted((w for w in deleted if len(w) <= AFFIX_MAX_LEN and all(is_han(ch) for ch in w)),
                                    key=lambda w: (-deleted[w], w))[:0 if dense else SPACE_POOL_MAX])
        bests: Counter = Counter()
        raw: dict[tuple[tuple[str, str], str], float] = {}  # each (space, word) scored once
        for key, ws in words_of.items():
            hist, fut = key
            best = None
            for w in ws:
                if counts.absent(w):
                    sc = raw[(key, w)] = lm.score(hist + w + fut, len(hist))
                    if best is None or sc > best[0] or (sc == best[0] and w > best[1]):
                        best = (sc, w)
            if best is not None:
                bests[best[1]] += 1
        # (bounded: constant work per cut space however many spaces the page has)
        if not dense:
            pool.update(w for w, _ in sorted(bests.items(), key=lambda x: (-x[1], x[0]))[:SPACE_POOL_MAX])
        counts.prime(pool)
        decided = []
        ranked_of: dict[tuple[str, str], list] = {}
        for key, ws in words_of.items():
            hist, fut = key
            scored = []
            for w in pool:
                if w not in ws:
                    ws[w] = None
            for w, c in ws.items():
                if not counts.absent(w):
                    continue
                sc = raw.get((key, w))
                if sc is None:
                    sc = lm.score(hist + w + fut, len(hist))
                sc += SPACE_REPEAT_BONUS * min(n_ctx[w] - 1, 3)
                if w in deleted:
                    sc += SPACE_DELETED_BONUS
                scored.append((sc, w, c))
            if not scored:
                continue
            scored.sort(key=lambda x: (-x[0], x[1]))
            best_sc, w, c = scored[0]
            runner = scored[1][0] if len(scored) > 1 else best_sc - SPACE_ALONE_MARGIN
            decided.append((key, w, c, best_sc - runner))
            ranked_of[key] = scored
        # the same word best at several cut spaces is the filter's word: a smaller margin will do
        votes = Counter(w for _, w, _, _ in decided)
        # a filter deletes its word at every cut space: the word reading (nearly) best at the most
        # cut spaces restores the spaces where no word is clear on its own
        near: Counter = Counter()
        for scored in ranked_of.values():
            top = scored[0][0]
            near.update(w for sc, w, _ in scored if sc >= top - SPACE_JOINT_DELTA)
        # a content word restored clearly at one cut space is the filter's word at the others too
        clear = {w for _, w, _, margin in decided if margin >= SPACE_MARGIN and len(w) >= 2
                 and ngrams.word_pos(w)[:1] not in FUNCTION_POS}
        for key, w, c, margin in decided:
            if margin < SPACE_MARGIN - SPACE_VOTE_BONUS * min(votes[w] - 1, 2):
                scored = ranked_of[key]
                top = scored[0][0]
                known = [(sc, x, cx) for sc, x, cx in scored if x in clear and sc >= top - SPACE_KNOWN_DELTA]
                if known:
                    _, w, c = known[0]
                else:
                    close = sorted(((near[x], sc, x, cx) for sc, x, cx in scored if sc >= top - SPACE_JOINT_DELTA),
                                   key=lambda t: (-t[0], -t[1], t[2]))
                    if not close or close[0][0] < SPACE_JOINT_MIN or (len(close) > 1 and close[1][0] == close[0][0]):
                        continue
                    _, _, w, c = close[0]
                    # a content word, best outright somewhere else too (one-character and function
                    # words read nearly best at any space)
                    if len(w) < 2 or votes[w] < 2 or ngrams.word_pos(w)[:1] in FUNCTION_POS:
                        continue
                margin = 0.0
            # below the full margin the fix is offered, not applied by --fix (confidence < 0.8)
            conf = min(0.95, 0.7 + 0.05 * margin) if margin >= SPACE_MARGIN else 0.75
            for site in groups[key]:
                fb = site[-1]
                pick = Cand(fb.start, fb.end, fb.start, fb.end, w, w, "space", 0.0, c.word if c else w)
                fb.data_pick = (pick, conf)  # type: ignore[attr-defined]

    # ---- 4. remainders of a word the document lacks ------------------------
    def _remainders(self, text, toks, absent, deleted) -> list[list[Cand]]:
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
                    is_weak = not is_strong and self._orphan_noun(prev, t.text, d, prev_b)
                else:  # r + d: the modifier stands without its head (采用上门？)
                    is_strong = (next_b and nxt[0] not in "、，,;；:：" and (prev_b or prev_v)
                                 and prev not in _light_verbs())
                    is_weak = False
                if is_strong or is_weak:
                    c = Cand(t.start, t.end, t.start, t.end, w, d, "remainder", 0.0, w)
                    c.data_prev = prev  # type: ignore[attr-defined]
                    (strong if is_strong else weak).setdefault(d, []).append(c)
                    break
        for d in set(strong) | set(weak):
            sites = strong.get(d, [])
            # orphaned nouns count only where other evidence already says d is gone (a broken
            # label or modifier, or d restored elsewhere), and never after a word they follow
            # twice: a repeated pair is a compound of another register (审判|人员, 操作|人员)
            w_sites = weak.get(d, []) if (sites or d in deleted) else []
            prevs = Counter(c.data_prev for c in w_sites)  # type: ignore[attr-defined]
            w_sites = [c for c in w_sites if prevs[c.data_prev] < 2]  # type: ignore[attr-defined]
            if len(sites) >= 2 or (sites and d in deleted) or len(w_sites) >= ORPHAN_NOUN_SITES:
                out.extend([c] for c in sites)
                out.extend([c] for c in w_sites)
        return out

    @staticmethod
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

    # ---- 5. whole words deleted without a trace ------------------------------
    def _insertions(self, text, toks, counts, deleted, damaged: bool = True) -> list[tuple[Cand, float]]:
        """A filter that deletes a word w deletes it everywhere: the document never contains w,
        and at several token boundaries the text reads much better with w put back
        (``会|电话`` → ``会通过电话``, ``可|法律途径`` → ``可通过法律途径``).

        Gaps are pre-filtered by the in-register character model (the character after the gap is
        improbable after its left context); candidates come from the finance corpus's word
        bigrams (successors of the left token, predecessors of the right one); each candidate's
        gain is log P(text with w) − log P(text) over the characters whose history changes.
        Evidence is aggregated per document and per word: distinct contexts that agree on w,
        plus how unlikely w's absence is given its corpus rate."""
        opts = self.opts
        absent = counts.absent
        lm = ngrams.fin_lm()
        norm = _norm(text)
        gate = opts["insert-gate"]
        top = opts["insert-candidates"]
        min_ctx = opts["insert-min-contexts"]
        # words the document already lacks on other evidence (a frequent character never used,
        # orphans restored by it) are tried at every examined gap
        # (the strongest few: constant work per gap)
        prior = sorted((w for w in deleted if all(is_han(c) for c in w)), key=lambda w: (-deleted[w], w))[:PRIOR_MAX]
        # pass 1: cheap candidates per gap
        pairs: dict[str, list[tuple[int, str, str, int, float, str]]] = {}

        sites = []
        weak: list[int] = []  # junctions between the gate and WEAK_GATE: tried, proposing nothing
        completion_only: set[tuple] = set()
        pmi_get = _PAIR_PMI.get
        word_key = ngrams.word_key
        left_punct = INSERT_LEFT_PUNCT
        name_after = _names()["after"]
        # every junction's normalised character pair, and its memoised PMI, in C-level passes.  A
        # pair in the memo is a junction examined before: whether a junction is examined depends on
        # its pair only (normalisation maps no other character to Han or to clause punctuation), so
        # only pairs not in the memo need the character tests (tokens tile the text: checked)
        starts = list(map(_ITEM1, toks))
        del starts[:1]
        xys = [norm[p - 1:p + 1] for p in starts]
        tiled = (bool(toks) and list(map(_ITEM2, toks[:-1])) == starts
                 and "".join(map(_ITEM0, toks)) == text[toks[0].start:toks[-1].end])
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
        sites += self._dangling_ends(toks, norm, starts, xys)

        # the candidate words of every distinct gap context, counted in the document in one pass
        keys = {key for _, _, key in sites}
        words: set[str] = set()
        ctx_words = {key: () if key in completion_only else _context_words(key[2:]) for key in keys}
        for lst in ctx_words.values():
            words.update(map(_ITEM0, lst))
        counts.prime(words)
        present = {w for w in words if not absent(w)}

        def candidates(key) -> list[tuple[str, float]]:
            """(word, evidence) for one gap context; the same for every gap with this context."""
            x, y = key[0], key[1]
            # the corpus's candidates for the context (cached across documents), those this
            # document lacks
            out_ = [wc for wc in ctx_words[key] if wc[0] not in present]
            for w in () if key in completion_only else prior:  # both junctions attested character pairs
                if absent(w) and lm.count(x + w[0]) >= 2 and lm.count(w[-1] + y) >= 2:
                    out_.append((w, 1))
            done = [w for w in _completions(key[2], key[3]) if absent(w)]
            completing.update(done)
            out_ += [(w, COMPLETION_EVIDENCE) for w in done]
            return out_

        completing: set[str] = set()  # words that complete a rare token into a compound
        memo: dict[tuple, list[tuple[str, float]]] = {}
        # gap → its context, two characters a side: a repeated line, or a phrase written twice
        # (银行和|机构), is one context
        site_ctx: dict[int, str] = {}
        for i, p, key in sites:
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
        # pass 2: the character model's gain, only for the words the most contexts agree on
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
        by_word: dict[str, list[tuple[float, int, str, str, int]]] = {}
        base_cache: dict[int, float] = {}
        # every decision below reads only gains of at least this much (a site's bar, or the lower
        # bar of a topic word's further sites): smaller ones need not be scored to the end
        g_floor = min(opts["insert-site-gain"], TOPIC_SITE_GAIN)

        def gain_above(w: str, p: int) -> float | None:
            hist = norm[max(0, p - 4):p]
            base = base_cache.get(p)
            if base is None:
                base = base_cache[p] = lm.score(hist + norm[p:p + 4], len(hist))
            sc = lm.score_above(hist + w + norm[p:p + 4], len(hist), base + g_floor)
            return None if sc is None else sc - base

        # (the few completions of rare tokens are scored whatever their rank: the register's word
        # pairs, which rank the rest, never see them; so are the best-attested words short of
        # contexts, which the weak junctions below may give more)
        scored = [w for _, _, w in ranked[:top]] + sorted(completing & {w for _, _, w in ranked[top:]})
        scored += [w for _, _, w in heapq.nlargest(WEAK_TRY_WORDS, short)]
        for w in scored:
            for p, a, b, i, _, _ in pairs[w]:
                g = gain_above(w, p)
                if g is not None:
                    by_word.setdefault(w, []).append((g, p, a, b, i))
        site_gain = opts["insert-site-gain"]
        for w, lst in by_word.items():
            if weak and max(map(_ITEM0, lst)) >= site_gain:
                for i, p, a, b in self._weak_sites(w, lst, weak, toks, xys, starts):
                    g = gain_above(w, p)
                    if g is not None:
                        lst.append((g, p, a, b, i))
                        if p not in site_ctx:
                            site_ctx[p] = text[max(0, p - 2):p + 2]
        out: list[tuple[Cand, float]] = []
        han_n = max(1, han_count(text))
        min_score = opts["insert-min-score"]
        total = max(1, ngrams.fin_word_total())
        known_gain = opts["insert-known-gain"]
        bounds = None
        doc_words = None
        for w, sites in by_word.items():
            best_ctx: dict[str, float] = {}
            for g, p, a, b, _ in sites:
                key = site_ctx[p]
                if g > best_ctx.get(key, 0.0):
                    best_ctx[key] = g
            strong_ctx = [g for g in best_ctx.values() if g >= site_gain]
            need = min_ctx + (1 if len(w) == 1 else 0)
            if not strong_ctx and need > 0 and w not in deleted:
                continue
            if doc_words is None:
                doc_words = set(map(word_key, map(_ITEM0, toks)))
            # the register's articles on this topic nearly always use w
            topic = len(w) >= 2 and _topic_lift(w, doc_words) >= TOPIC_LIFT
            if topic and strong_ctx and len(strong_ctx) < need:
                # ... so one strong site will do where more contexts read clearly better with w
                more = [g for g in best_ctx.values() if TOPIC_SITE_GAIN <= g < site_gain]
                if len(strong_ctx) + len(more) > need:
                    strong_ctx += more
            if len(strong_ctx) < need and w not in deleted:
                continue
            expected = ngrams.fin_word_count(w) / total * han_n * 0.6
            score = sum(strong_ctx) + min(expected, 10.0) + (5.0 if w in deleted else 0.0)
            if topic:
                score += TOPIC_BONUS
            if score < min_score:
                continue
            if not damaged and not topic and score < min_score + UNDAMAGED_EXTRA_SCORE:
                continue  # a page with no other damage needs more evidence, unless its topic expects w
            conf = min(0.95, 0.6 + 0.01 * score)
            done = set()
            floor = min(strong_ctx) if strong_ctx else site_gain
            for g, p, a, b, ti in sites:
                if g < floor:
                    continue
                A, B = toks[ti], toks[ti + 1]
                c = Cand(A.end - 1, B.start + 1, p, p, w, w, "insert", g, w)
                out.append((c, conf))
                done.add(p)
            if len(w) < 2 or len(strong_ctx) < 2:
                continue
            # a word shown gone at two places is gone everywhere: every other boundary where the
            # model prefers it is a site too, with a lower bar per site
            if bounds is None:
                bounds = self._boundaries(toks)
            w0, w1 = w[0], w[-1]
            for ti, p in bounds:
                if p in done or not lm.count(norm[p - 1] + w0) or not lm.count(w1 + norm[p]):
                    continue
                hist = norm[max(0, p - 4):p]
                base = base_cache.get(p)
                if base is None:
                    base = base_cache[p] = lm.score(hist + norm[p:p + 4], len(hist))
                sc = lm.score_above(hist + w + norm[p:p + 4], len(hist), base + known_gain)
                if sc is not None:
                    g = sc - base
                    A, B = toks[ti], toks[ti + 1]
                    out.append((Cand(A.end - 1, B.start + 1, p, p, w, w, "insert", g, w), conf - 0.05))
        return out

    @staticmethod
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
        w0, w1 = w[0], w[-1]
        for i in weak:
            p, xy = starts[i], xys[i]
            if p in have or lm.count(xy[0] + w0) < 2 or lm.count(w1 + xy[1]) < 2:
                continue
            yield i, p, word_key(toks[i].text), word_key(toks[i + 1].text)

    @staticmethod
    def _dangling_ends(toks, norm: str, starts: list[int], xys: list[str]) -> list[tuple[int, int, tuple]]:
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

    @staticmethod
    def _boundaries(toks) -> list[tuple[int, int]]:
        """(token index, offset) of every boundary where a word may have been deleted: a Han
        token follows a Han character or clause punctuation directly."""
        out = []
        for i in range(len(toks) - 1):
            A, B = toks[i], toks[i + 1]
            if A.end != B.start or not is_han(B.text[0]):
                continue
            la = A.text[-1]
            if is_han(la) or la in INSERT_LEFT_PUNCT:
                out.append((i, B.start))
        return out

    # ---- 5a. a framing preposition deleted everywhere -------------------------
    def _frames(self, text, toks, counts, deleted) -> list[tuple[Cand, float]]:
        """A preposition that opens a phrase closed by a postposition (在……中, 在……时) and that
        the document lacks while its length predicts it many times (``deleted`` by rate): each
        clause where a closing postposition follows is a site, and the preposition goes back at
        the boundary before it where the character model prefers it most (``可以|手机银行的
        贷款详情中查看`` → 可以在手机银行…).  Frames: ``missing_char/frames.toml``."""
        frames = _frames()
        han_n = han_count(text)
        todo = [(prep, fr) for prep, fr in frames.items() if counts.absent(prep)
                and (prep in deleted or self._expected(prep) * han_n >= FRAME_EXPECTED)]
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
                if i == start or start == used_clause or not self._closes(tx, close, toks, i):
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

    def _means_phrases(self, text, toks, counts) -> list[tuple[Cand, float]]:
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

    @staticmethod
    def _closes(tx: str, close: frozenset, toks, i: int) -> bool:
        """The token is a closing postposition, or a word followed by one inside the token (工作日内)."""
        if tx in close:
            return True
        if len(tx) >= 3 and tx[-1] in close and ngrams.word_freq(tx[:-1]) >= 100:
            return True
        return len(tx) == 2 and tx[0] in close and tx[1] in _free_chars() and ngrams.word_freq(tx) < 100

    # ---- 5b. words with one character deleted --------------------------------
    def _partials(self, doc, text, counts) -> list[tuple[Cand, float]]:
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
        hits = []
        token_at = doc.token_at
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
        # one character left of a two-character word (分期 → 分, 罚款 → 款): a single-character token
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
                g = self._junction_gain(norm, m.start + k, w[k])
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
            n_frag = len({text[s:e] for _, s, e, _ in sites})
            if not sites or n_frag != 1:
                continue
            strong = [x for x in sites if x[0] >= PARTIAL_GAIN_MANY]
            if len(strong) >= 2 and sites[0][2] - sites[0][1] > 1:
                pass  # shown broken twice: every further copy of the same fragment is a site too
            else:
                sites = strong
            if not sites:
                continue
            if len(w) - len(text[sites[0][1]:sites[0][2]]) == 1 and sites[0][2] - sites[0][1] == 1:
                # one character left: several distinct contexts that each clearly prefer the word
                ctxs = {text[max(0, s - 2):e + 2] for g, s, e, _ in sites if g >= PARTIAL_ONE_SITE_GAIN}
                if len(ctxs) < 2:
                    continue
                sites = [x for x in sites if x[0] >= PARTIAL_ONE_SITE_GAIN]
                # a remainder always next to the same word is a collocation (为农|服务, 扣除|可|节省)
                # (a list comma is no collocate: 变更、转让、抵和消灭 lists items)
                lefts = [x for x in (text[max(0, s - 1):s] for _, s, _, _ in sites) if x != "、"]
                rights = [x for x in (text[e:e + 1] for _, _, e, _ in sites) if x != "、"]
                if any(len(side) >= 2 and len(set(side)) == 1 for side in (lefts, rights)):
                    continue
            elif len({text[max(0, s - 3):e + 3] for _, s, e, _ in sites}) == 1 and (
                    max(x[0] for x in sites) < PARTIAL_GAIN_ONE or self._edge_free(text, sites[0][1], sites[0][2])):
                # a lone site (a repeated line is one) needs a strong gain, and no function
                # character at its edge (经营|所)
                continue
            conf = min(0.95, 0.75 + 0.05 * (len(sites) - 1))
            for g, s, e, k in sites:
                out.append((Cand(s, e, s, e, w, w[k], "partial", g, w), conf))
        return out

    def _compound_remainders(self, text, toks, counts) -> list[tuple[Cand, float]]:
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
                    ngrams.char_freedom(ch) <= self.opts["max-orphan-freedom"]:
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
                gains = [(self._junction_gain(norm, t.start, part) if w[2] == ch else
                          self._junction_gain(norm, t.end, part), t) for t in sites]
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

    def _junction_gain(self, norm: str, q: int, ins: str) -> float:
        """:meth:`_gain`, shared through the gain cache, and -99 without scoring where a junction of
        the insertion is a character pair the register never writes."""
        lo = max(0, q - 4)
        gkey = (norm[lo:q + 4], q - lo, ins, "junction")  # (apart from the orphans' gains: -99 is no score)
        gains = _gain_cache()
        g = gains.get(gkey)
        if g is None:
            lm_count = ngrams.fin_lm().count
            # an unseen junction reads badly whatever the rest: no model score needed
            if not lm_count(norm[q - 1:q] + ins[0] if q else ins[0]) or not lm_count(ins[-1] + norm[q:q + 1]):
                g = -99.0
            else:
                g = self._gain(norm, q, ins)
            gains[gkey] = g
        return g

    @staticmethod
    def _edge_free(text: str, s: int, e: int) -> bool:
        """The fragment starts or ends with a function word (所, 的, 在, 等): a word next to a
        function word, as likely as a broken word."""
        return any(ngrams.word_pos(ch)[:1] in FUNCTION_POS for ch in (text[s], text[e - 1]))

    # ---- 6. mangled official law names -------------------------------------
    def _law_names(self, text) -> list[tuple[Cand, float]]:
        """A 《…》 title that is an official name (``linter.laws`` catalog) with chunks deleted."""
        from linter.laws import PRC, catalog

        out = []
        cat = None
        for m in TITLE_RE.finditer(text):
            x = m.group(1)
            if len(x) < 3 or not all(is_han(c) for c in x):
                continue
            if cat is None:
                cat = catalog()
            if cat.is_known(x) or cat.is_non_law(x):
                continue
            hit = cat.closest(x, max_extra=0)
            if hit is None:
                continue
            entry = hit[0]
            name = entry.name
            short = name[len(PRC):] if name.startswith(PRC) else name
            # restore the shortest official form the title is a broken copy of
            nm = short if _subseq_chunks(x, short) is not None else name
            chunks = _subseq_chunks(x, nm)
            if chunks is None or chunks > 3 or len(nm) <= len(x) or len(x) / len(nm) < 0.4:
                continue
            conf = 0.9 if chunks <= 2 else 0.8
            out.append((Cand(m.start(), m.end(), m.start(), m.end(), f"《{nm}》", "", "law", 3.0, nm), conf))
        return out

    # ---- 7. a list item deleted between 、 and 或/和 -------------------------
    def _list_gaps(self, doc, toks) -> list[tuple[Cand, float]]:
        """``采用、或其他手段``, ``记录、、材料``, ``辱骂、等方式``: the item after 、 was deleted; ``遇到恶意或，``: the item
        after a clause-final conjunction was deleted.  Not where 或/和 begins a
        word (或者, 和解), the 、 follows a noun (工作、和家人 is a loose comma, not a gap) or it
        closes a section number (七、和银行协商: 、 after a numeral that opens its line)."""
        out = []
        text = doc.text
        for m in LIST_GAP_RE.finditer(text):
            s = m.start()
            if _section_number_before(text, s):
                continue
            k = doc.token_at(s + 1)
            if k >= len(toks) or toks[k].start != s + 1 or len(toks[k].text) != 1:
                continue
            if toks[k].text == "等" and not (k + 1 < len(toks) and ngrams.word_pos(toks[k + 1].text) == "n"):
                continue  # 等 closing a list before its noun (辱骂、等方式): not the verb (还清、等满五年)
            if s and ngrams.word_pos(toks[doc.token_at(s - 1)].text).startswith(NOUN_POS):
                continue
            out.append((Cand(s, s + 2, s + 1, s + 1, None, "", "list", 0.0, ""), 0.7))
        for m in DANGLING_CONJ_RE.finditer(text):
            s, e = m.start(), m.end()
            k = doc.token_at(s)
            if k >= len(toks) or toks[k].start != s or toks[k].end != e:
                continue  # the end of a longer word (总和, 来不及)
            if (k and toks[k - 1].text == "之") or ngrams.fin_lm().count(ngrams.lm_normalise(text[s - 1:e + 1])):
                continue  # 本息之和, 公平可及。: a sum, or an ending the register writes
            out.append((Cand(s, e + 1, e, e, None, "", "list", 0.0, ""), 0.7))
        return out
