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
   places, every boundary where the model prefers it is a site.  A usual filter target
   (``missing_char/filter_words.txt``) that the document's topic expects is tried at every
   junction, clause ends included; reading clearly better at two contexts, it needs no
   document score.
7. *A character cut from a word everywhere*: a string that is no word but a frequent word less one
   character, standing as whole tokens (``人法院`` → 人民法院, ``国院`` → 国务院), or a bound single
   character left of a two-character word at several distinct places (``抵`` → 抵押), where the
   word never occurs whole.
8. *Topic*: the register's articles that share this document's anchor words nearly always use
   the word (``ngrams/fin_topics.tsv.gz``: a loan article without 贷款).
9. *Frames*: a preposition the document lacks while its length predicts it, put back before the
   postposition that closes its phrase (``可以|手机银行的账单详情中查看`` ← 在; ``missing_char/frames.toml``).
10. *Edge spaces*: a space at a line start (on a page that does not indent), right after 《
    (``《 公司法》`` → 中华人民共和国), or after a list marker the page's other items do not space
    (``1. 受损`` beside ``2.罚息`` → 征信).
11. *Remainders shown cut again and again*: a one-character remainder restored the same way at three
    places (five: even where it reads worse) is restored at every other standalone copy of it.

Pages mostly in traditional script are read through their simplified twin (OpenCC t2s, same
offsets; the statistics are of simplified text), and their restorations converted back in
context (``bench/missing_char_traditional.py``); table rows laid out with runs of spaces are
layout, not cuts.

Statistics: ``linter.ngrams`` (jieba's dictionary + wenlint's finance lexicon + the in-register
corpus).  Linear time: strings the evidence asks about are counted in the document in batches
(``DocCounts``), never by a scan of the text per candidate.

Layout: this module is the check (its options, the document-consistency evidence, the choice of
one restoration per site); each pass that proposes sites is a module of its own (``orphans``,
``gaps``, ``spaces``, ``remainders``, ``insertions``, ``frames``, ``partials``, ``lists``), and what
several passes share is in ``common``.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from linter import ngrams
from linter.check import Check, Example, Fix, Option
from linter.script import to_traditional
from linter.text import han_count, is_han

from . import profile
from .common import (
    _ITEM0,
    MIN_SHARE_RATE,
    Cand,
    DocCounts,
    _filter_words,
    _free_chars,
    expected_rate,
)
from .frames import find_frames, find_means_phrases
from .gaps import find_gaps
from .insertions import expected_filter_words, find_insertions
from .lists import find_law_names, find_list_gaps, resolve_list_gaps
from .orphans import LOCATIVES, find_orphans
from .partials import find_partials
from .remainders import (
    find_compound_remainders,
    find_remainders,
    find_repeated_remainders,
)
from .spaces import find_edge_spaces, find_spaces, resolve_spaces

MIN_SHARE = 0.15  # a restoration must be a dominant use of the orphaned character ...
RATE_DELETED = 10.0  # a character expected this often that never occurs: the filter deletes it ...
RATE_FREE = 0.3  # ... if it stands alone in at least this share of its register uses
CHOOSE_GAIN_STEP = 2.0  # log gains closer than this do not decide between two deleted restorations
ORPHAN_PAIR_GAIN = 15.0  # two orphans restoring one character suffice when their model gains sum to this
GAIN_FLOOR = -2.5  # a site of a restoration the document lacks everywhere may read a little worse, not much
MINOR_DELETED = 8.0  # a minor completion of a character the document plainly lacks (score >= this) need not be predicted, only not read much worse
SPACE_DELETED_SCORE = 10.0  # document evidence of a word restored with confidence at a cut space
ORPHAN_SHORTHAND_SHARE = 0.02  # completions this common among the orphan's uses may be what it abbreviates


def _rate_evident(d: str) -> bool:
    """Absence alone shows ``d`` deleted only for a character the register mostly writes as a word
    of its own (在, 是, 对): such words are spread evenly over any article.  A character mostly
    inside words (行 of 银行, 执行) comes and goes with its topic: a fund article may lack it."""
    if len(d) != 1:
        return False
    alone, used = ngrams.fin_char_use(d)
    return used > 0 and alone >= RATE_FREE * used


def _collocate(tok: str) -> bool:
    """A neighbour that makes a collocation with an orphan it always stands by: a word, or a
    content character (发|小 five times is 发小); not a function character (的, 是, 在)."""
    return tok not in _free_chars() or (len(tok) == 1 and ngrams.word_pos(tok)[:1] in ("a", "n"))


def _other_completion_written(site, c, text: str, count) -> bool:
    """The orphan is a noun, and a compound it heads (汇票, 计划表) stands whole in the document at
    least twice: the orphan is the page's shorthand for it (这张票 in an article on 汇票 and 票据,
    not 股票 cut), not the rest of a word the filter took."""
    ch = text[c.start:c.end]
    if ngrams.word_pos(ch)[:1] != "n":
        return False
    return any(x.repl != c.repl and x.repl.endswith(ch) and x.share >= ORPHAN_SHORTHAND_SHARE
               and ngrams.word_pos(x.repl)[:1] == "n" and count(x.repl) >= 2 for x in site if x.repl)


def _written_heads(toks) -> dict[str, int]:
    """Last character → how often the document writes its most written noun compound ending in
    it (计划表 ×14 → 表: 14); a compound jieba knows but the POS table does not counts as a noun."""
    out: dict[str, int] = {}
    for tok, n in Counter(t.text for t in toks if len(t.text) >= 2).items():
        if n >= 2 and is_han(tok[-1]) and ngrams.word_pos(tok)[:1] in ("n", "") and n > out.get(tok[-1], 0):
            out[tok[-1]] = n
    return out


def _head_before_locative(c: Cand, text: str, heads) -> bool:
    """An orphan before a postposition (表|上) whose character heads a compound the document
    writes at least twice (计划表): the page's shorthand for that thing (看表上的数字), not a
    cut 表面上.  ``heads()``: ``_written_heads`` of the document, counted on first need."""
    return text[c.end:c.end + 1] in LOCATIVES and heads().get(text[c.start:c.end], 0) >= 2


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
                 "孤立的字只有在财经语料的语言模型认为还原后更通顺时才报告，口语中常单用的字（签、拒、选）、人名、“答：”标签和表格空格不报。繁体页面先转为简体再检查，还原文本转回繁体。")
    rationale_en = ("Scraped articles often pass through CMS sensitive-word filters that delete a word everywhere, "
                    "leaving broken text such as 关心的问是, 存极端风险, 通过 联系 or 《人民民法典》. Readers stumble, search engines "
                    "rank the page as low quality and a mangled law name misleads. The check uses orphaned bound morphemes, "
                    "restorations that form frequent words, the same deletion recurring across the document, and official "
                    "law names to locate each break and propose the restored text. A lone character is reported only where "
                    "the in-register character model prefers the restored word; characters that stand alone in colloquial "
                    "advice (签, 拒, 选), names, 答： labels and space-aligned tables stay silent. A traditional-script page is "
                    "read through its simplified twin and its restorations are given back in traditional script.")
    examples = (
        Example(bad="许多借款人关心的问是，逾期后会怎样？", good="许多借款人关心的问题是，逾期后会怎样？"),
        Example(bad="关键于逾期时间的长短。", good="关键在于逾期时间的长短。"),
        Example(bad="依照《人民民法典》的规定", good="依照《中华人民共和国民法典》的规定"),
        Example(bad="在经济全 化的背景下", good="在经济全球化的背景下"),
    )
    default_severity = "warning"
    sub_rules = ("source-filter",)  # bulk audits only: a page of a source whose filter deletes a word it lacks
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
                                               "damage (a word known deleted, another finding, a cut space) or lack a usual "
                                               "filter target their topic expects: about 1.4x faster on clean articles, "
                                               "for bulk audits; misses some documents whose filter left no other trace"),
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
        "list-restore": {"zh": "“{frag}”处列举项疑似被删除，应补上“{restored}”",
                         "en": "a list item seems deleted at “{frag}”; restore “{restored}”"},
        "law-name": {"zh": "法律名称“{frag}”残缺，应为“{restored}”",
                     "en": "the law name “{frag}” is mangled; it should read “{restored}”"},
    }

    # ------------------------------------------------------------------
    def run(self, doc):
        text = doc.text
        if not text or not any(is_han(c) for c in text[:5000]) and not any(is_han(c) for c in text):
            return
        if doc.traditional:
            # the statistics are of simplified text, where a traditional page's words all look
            # broken: the page is read through its simplified twin (same length, same offsets),
            # and the findings quote the page itself (reads_simplified would quote the twin)
            twin = doc.simplified
            if twin is None:
                return
            for cand, conf in self._restorations(twin):
                yield self._emit(text, _traditional_cand(cand, twin.text), conf)
            return
        for cand, conf in self._restorations(doc):
            yield self._emit(text, cand, conf)

    def _restorations(self, doc) -> list[tuple[Cand, float]]:
        """Every restoration of the page, one per span, with its confidence (the passes below)."""
        text = doc.text
        toks = doc.tokens
        if _not_prose(toks):
            return []  # random or encoded characters: every character looks orphaned, and scoring them all is slow
        han_n = han_count(text)
        counts = DocCounts(text)
        absent = counts.absent
        cands: list[list[Cand]] = []  # per site, candidates
        cands += find_orphans(text, toks, absent, self.opts["max-orphan-freedom"])
        # one-character Han tokens: a remainder cut the same way three times is cut at each of them
        single_spans = [(t.start, t.end) for t in toks if len(t.text) == 1 and is_han(t.text)]
        cands += find_gaps(text, toks, absent)
        space_sites = find_spaces(text, doc, absent) + find_edge_spaces(text, doc)
        cands += space_sites
        # every string the evidence below asks about, counted in one pass over the text
        counts.prime({c.inserted for site in cands for c in site} | set(_filter_words()))
        cands = _drop_collocations(cands, text, counts.absent)
        deleted, by_rate = _deleted_words(cands, text, counts, han_n)
        resolve_spaces(space_sites, text, counts, deleted)
        # a word restored with confidence at cut spaces is gone from the whole document: the same
        # filter deleted it without a trace elsewhere (通过 联系 here, 会|电话 there)
        for site in space_sites:
            pick = site[-1].pick if site else None
            if pick is not None and pick[1] >= 0.8 and len(pick[0].inserted) >= 2:
                w = pick[0].inserted
                deleted[w] = max(deleted.get(w, 0.0), SPACE_DELETED_SCORE)
        remainder_sites = find_remainders(text, toks, absent, deleted)
        cands += remainder_sites

        heads = cache(lambda: _written_heads(toks))  # (only an orphan before a postposition asks)
        findings = []
        # the whole-word counts the shorthand test asks about, in one pass (not a scan per word)
        # (only the compounds an orphan heads: the others are never asked about)
        counts.prime({x.repl for site in cands if site and site[0].kind == "orphan" for x in site
                      if x.repl and x.share >= ORPHAN_SHORTHAND_SHARE
                      and x.repl.endswith(text[site[0].start:site[0].end])})
        for site in cands:
            best = self._choose(site, deleted, absent, by_rate, text, counts.count, heads)
            if best is not None:
                findings.append(self._absorb_space(text, *best))
        damaged = bool(deleted or findings or space_sites)
        doc_words = set(map(ngrams.word_key, map(_ITEM0, toks)))  # the page's words as the tables key them
        if not self.opts["insert-needs-evidence"] or damaged or _suspects_any(doc_words, absent):
            findings += find_insertions(self.opts, text, toks, counts, deleted, doc_words, damaged)
        findings += find_frames(text, toks, counts, deleted)
        findings += find_means_phrases(text, toks, counts)
        findings += find_law_names(text)
        gaps = find_list_gaps(doc, toks)
        resolve_list_gaps(gaps, text, absent, deleted)
        findings += gaps
        findings += find_compound_remainders(text, toks, counts, self.opts["max-orphan-freedom"])
        partial = find_partials(doc, text, counts)
        if partial:
            # a word broken the same way at several places explains its fragment better than a
            # word inserted before it (，权人 is 债权人 cut, not 抵押 deleted before 权人)
            cover = {x for c, _ in partial for x in range(c.start, c.end + 1)}
            findings = [f for f in findings if not (f[0].kind == "insert" and f[0].fix_start in cover)]
            findings += [self._absorb_space(text, *x) for x in partial]
        findings += find_repeated_remainders(text, single_spans, findings)

        return list(_one_per_span(findings, self.opts["min-confidence"]))


    # ---- bulk audits: the source's filter profile (profile.py) ----------
    def page_evidence(self, doc, findings):
        return profile.page_evidence(doc, findings)

    @classmethod
    def merge_evidence(cls, acc, evidence):
        return profile.merge_evidence(acc, evidence)

    @classmethod
    def source_report(cls, pages, acc):
        return profile.source_report(pages, acc)

    @classmethod
    def source_findings(cls, report, evidence):
        return profile.source_findings(report, evidence)

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
            if c.repl is not None:
                return self.finding("list-restore", c.start, c.end, fix=fix, confidence=conf, data=data, frag=frag,
                                    restored=c.repl)
            return self.finding("list-gap", c.start, c.end, fix=None, confidence=conf, data=data, frag=frag)
        if c.kind == "space":
            if c.repl is None:
                return self.finding("cut-space", c.start, c.end, fix=None, confidence=conf, data=data)
            return self.finding("restore-space", c.start, c.end, fix=fix, confidence=conf, data=data, restored=restored)
        return self.finding("restore", c.start, c.end, fix=fix, confidence=conf, data=data, frag=frag,
                            restored=restored)

    def _choose(self, site: list[Cand], deleted: dict[str, float], absent,
                by_rate: dict[str, bool], text: str, count, heads) -> tuple[Cand, float] | None:
        if site and site[0].kind == "space":
            pick = site[-1].pick
            if pick is not None:
                return pick
            good = [c for c in site if c.repl is not None and absent(c.inserted)
                    and (c.inserted in deleted or c.local >= 0)]
            if good:
                c = max(good, key=lambda c: (c.inserted in deleted, deleted.get(c.inserted, 0.0), c.local))
                return c, 0.8
            fb = [c for c in site if c.repl is None and not c.fix_only]
            return (fb[0], fb[0].conf) if fb else None
        best = None
        best_key = None
        for c in site:
            rate_only = by_rate.get(c.inserted) and c.inserted in deleted
            if c.kind == "orphan" and rate_only and c.fix_start == c.start and not (c.repl or "").startswith(
                    text[c.start:c.end]):
                continue  # a frequent character the text lacks restores suffixes only (存 → 存在)
            in_deleted = c.inserted in deleted
            share = c.share
            if c.kind == "orphan" and share < (MIN_SHARE_RATE if rate_only or in_deleted else MIN_SHARE):
                continue
            # a minor completion (设 → 设施) of a deletion the document shows elsewhere needs the
            # context to predict it; a dominant one only must not read much worse
            low_share = share < MIN_SHARE and not rate_only and deleted.get(c.inserted, 0.0) < MINOR_DELETED
            if c.kind == "orphan" and not rate_only and c.gain < (
                    GAIN_FLOOR if in_deleted and not low_share else c.need):
                continue  # the context does not predict the restored word
            # between restorations the document lacks, the one the context reads better (组织实|。
            # is 实施, not 实在, when both 施 and 在 are gone)
            fit = round(c.gain / CHOOSE_GAIN_STEP) if in_deleted else 0
            key = (in_deleted, fit, deleted.get(c.inserted, 0.0), c.local)
            if best_key is None or key > best_key:
                best, best_key = c, key
        if best is None:
            return self._only_gone(site, absent, text) if site and site[0].kind == "orphan" else None
        c = best
        if c.kind == "orphan" and (_other_completion_written(site, c, text, count)
                                   or _head_before_locative(c, text, heads)):
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
        if c.kind == "orphan" and c.local >= 3.5 and c.clause_end:
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
        if site[0].free:
            return None
        viable = [x for x in site if x.share >= 0.1]
        # ... and of those the context predicts (扰 → 骚扰, not 干扰, where both 骚 and 干 are gone)
        gone = [x for x in viable if absent(x.inserted) and x.gain >= x.need]
        if len(gone) != 1:
            return None
        g = gone[0]
        line_final = text[g.end:g.end + 1] in ("\n", "\r", "")
        if (g.local >= 0 and not line_final
                and (g.clause_end or text[g.start - 1:g.start] == "的"
                     or text[g.end:g.end + 1] == "、")):  # a list item (不限于扰、或泄露)
            return g, 0.7
        return None




def _suspects_any(doc_words: set[str], absent) -> bool:
    """The page lacks a usual filter target that its topic expects (``expected_filter_words``):
    evidence enough to search for traceless deletions on a page that shows no other damage."""
    return bool(expected_filter_words(doc_words, absent))


def _drop_collocations(cands: list[list[Cand]], text: str, absent) -> list[list[Cand]]:
    """Without the orphans that stand beside the same word three times or more: an orphan always
    preceded (or followed) by the same word is an unknown compound (利害关系|方, 发|小), not a cut ...
    unless orphans beside other words show the same part cut (一般保, 保期间 and 连带责任保 ×3:
    证 gone from every 保证): then the repeated term was cut the same way each time."""
    colloc: dict[tuple[str, str, str], int] = {}

    def colloc_keys(c0: Cand) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
        frag = text[c0.start:c0.end]
        prev, nxt = c0.prev, c0.next
        # only word neighbours make a collocation; punctuation and function characters do not
        lk = ("L", prev, frag) if prev and is_han(prev[-1]) and _collocate(prev) else ("", "", "")
        rk = ("R", frag, nxt) if nxt and is_han(nxt[0]) and _collocate(nxt) else ("", "", "")
        return lk, rk

    for site in cands:
        if site and site[0].kind == "orphan":
            for key in colloc_keys(site[0]):
                if key[0]:
                    colloc[key] = colloc.get(key, 0) + 1
    collocated = [bool(site) and site[0].kind == "orphan"
                  and max(colloc.get(k, 0) for k in colloc_keys(site[0])) >= 3 for site in cands]
    # per orphan site, the missing parts its completions show cut (the context predicts them and the
    # document never writes them); those shown by orphans beside other words, counted per site
    gone = [{c.inserted for c in site if _predicted_gone(c, absent)} if site and site[0].kind == "orphan" else set()
            for site in cands]
    elsewhere: dict[str, int] = {}
    for parts, coll in zip(gone, collocated):
        if not coll:
            for d in parts:
                elsewhere[d] = elsewhere.get(d, 0) + 1
    return [site for site, coll, parts in zip(cands, collocated, gone)
            if not coll or any(elsewhere.get(d, 0) >= 2 for d in parts)]


def _predicted_gone(c: Cand, absent) -> bool:
    """A completion of an orphan that the context predicts and whose missing part the document
    never writes."""
    return c.share >= MIN_SHARE_RATE and c.gain >= c.need and absent(c.inserted)


def _deleted_words(cands: list[list[Cand]], text: str, counts: DocCounts,
                   han_n: int) -> tuple[dict[str, float], dict[str, bool]]:
    """Document consistency: the insertions this document lacks, with their evidence score, and
    whether each rests on the rate evidence alone (a character this frequent never used).  A
    restoration counts once per distinct context (a repeated line is one piece of evidence);
    broken-word guesses across token boundaries never vote."""
    absent = counts.absent
    support: dict[str, int] = {}
    strong: dict[str, int] = {}
    strong_gain: dict[str, float] = {}  # summed model gains of the strong orphan sites
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
            # absent, or kept once (a quoted title, an unfiltered footer) while broken elsewhere
            if not d or d in seen or counts.count(d) > 1 or c.local <= -3.0:
                continue
            # a minor completion (实 → 实施) is evidence only where the context predicts it
            if c.kind == "orphan" and ((c.share < MIN_SHARE
                                        and c.gain < c.need)
                                       or c.gain < GAIN_FLOOR):
                continue
            seen.add(d)
            support[d] = support.get(d, 0) + 1
            # an orphan is strong evidence only where the in-register model prefers the restoration
            if c.kind != "orphan" or c.gain >= c.need:
                strong[d] = strong.get(d, 0) + 1
                if c.kind == "orphan":
                    strong_gain[d] = strong_gain.get(d, 0.0) + c.gain
    deleted: dict[str, float] = {}
    by_rate: dict[str, bool] = {}
    for site in cands:
        for c in site:
            d = c.inserted
            if d not in support and _rate_evident(d) and absent(d) and expected_rate(d) * han_n >= RATE_DELETED:
                support[d] = 0
    for d, k in support.items():
        expected = expected_rate(d) * han_n
        if not absent(d) and k < 3:
            continue
        # a single character restored at only two orphans is too weak: literary/legal prose
        # uses bound morphemes freely (为限, 从价, 应当附), two sites can be coincidence
        # ... unless the model strongly prefers it at both (关心的问是 and 这个问并 → 问题: a short
        # article has few sites to show a deletion by)
        need = 3 if len(d) == 1 and strong_gain.get(d, 0.0) < ORPHAN_PAIR_GAIN else 2
        rate = expected >= RATE_DELETED and _rate_evident(d)
        if (k >= need and strong.get(d, 0) >= 2) or rate:
            deleted[d] = min(expected, 12.0) + 2.0 * k
            by_rate[d] = rate
    return deleted, by_rate


def _one_per_span(findings: list[tuple[Cand, float]], min_conf: float):
    """The findings at or above ``min_conf``, one per span: where spans overlap (or two insertion
    points coincide), the earliest, most confident one."""
    findings.sort(key=lambda f: (f[0].start, -f[1]))
    last_end = -1
    for cand, conf in findings:
        if conf < min_conf:
            continue
        if cand.start < last_end or (cand.start == cand.end and cand.start == last_end):
            continue
        last_end = max(cand.end, cand.start)
        yield cand, conf


def _traditional_cand(c: Cand, simplified: str) -> Cand:
    """A restoration found on the simplified twin, in traditional script (converted in context)."""
    from dataclasses import replace

    if c.repl is None:
        return c
    repl = to_traditional(simplified, c.fix_start, c.fix_end, c.repl)
    ins = to_traditional(simplified, c.fix_start, c.fix_start, c.inserted) if c.inserted else c.inserted
    word = repl if c.word == c.repl else (to_traditional(simplified, c.start, c.end, c.word) if c.word else c.word)
    return replace(c, repl=repl, inserted=repl if c.inserted == c.repl else ins, word=word)
