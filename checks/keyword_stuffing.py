"""keyword-stuffing: a phrase repeated far beyond natural use.

SEO content farms repeat the title question (房贷逾期一个月会上门吗) a dozen
or more times in a short article, often verbatim inside otherwise unrelated
sentences.  A natural article states its topic a few times.

* ``keyword-stuffing`` (document level): one finding per stuffed phrase, on its
  first occurrence, with the count and density in ``Finding.data``.
* ``keyword-stuffing/occurrence``: each further occurrence.
* ``keyword-stuffing/ngram-repetition``: Gopher/MassiveText repetition measure
  (share of characters in duplicated character n-grams) over the prose lines.

Candidates are clauses of 6–25 characters that ask a question or come from a
title line, so legitimately frequent short terms (逾期, 贷款, 借款人) and
entity names never qualify.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from linter import blocks
from linter.check import Check, Example, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_toml

# Clause delimiters: punctuation (full and half width), quotes, brackets, whitespace.
_CLAUSE_DELIMS = r"\s\u00a0\u3000，。！？、；：,.!?;:“”‘’\"'（）()《》【】〈〉「」『』…—·"
_CLAUSE_RE = re.compile(f"[^{_CLAUSE_DELIMS}]+")


@lru_cache(maxsize=8)
def _sized_clause_re(lo: int, hi: int) -> re.Pattern:
    """Whole clauses (maximal _CLAUSE_RE runs) of lo..hi characters: the lookbehind pins each try
    to the start of a clause and the bounded repeat keeps it linear."""
    return re.compile(f"(?<![^{_CLAUSE_DELIMS}])[^{_CLAUSE_DELIMS}]{{{lo},{hi}}}(?![^{_CLAUSE_DELIMS}])")
# a run of characters for which str.isalnum() is true (sre's \w is isalnum() or "_"; checked for every code point)
_GRAM_RUN_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load_toml("keyword_stuffing.toml")


def _is_gram_char(ch: str) -> bool:
    return ch.isalnum()


def dup_ngram_fraction(chars: str, n: int) -> float:
    """Gopher's duplicate n-gram character fraction over a character sequence.

    Scan left to right; an n-gram already seen adds n characters and the scan jumps n;
    otherwise it is remembered and the scan moves one.  Linear in ``len(chars)``·n.
    """
    total = len(chars)
    if total < n or n <= 0:
        return 0.0
    seen: set[str] = set()
    add = seen.add
    repeated = 0
    positions = iter(range(total - n + 1))  # a for loop over an iterator: no index arithmetic per step
    for i in positions:
        gram = chars[i:i + n]
        if gram in seen:
            repeated += n
            if n > 1:
                next(islice(positions, n - 2, None), None)  # the scan jumps n: drop the next n-1 positions
        else:
            add(gram)
    return repeated / total


class KeywordStuffing(Check):
    id = "keyword-stuffing"
    summary = "关键词堆砌：同一短语（通常是标题问句）反复出现"
    summary_en = "Keyword stuffing: one phrase (usually the title question) repeated over and over"
    rationale = ("为了搜索排名，内容农场把标题问句塞进正文十几次，句子因此生硬、重复，读者一眼就能看出是SEO稿。"
                 "自然的文章只在开头和结论处点题，其余地方用代词或简称。")
    rationale_en = ("For search ranking, content farms push the title question into the body a dozen times; the "
                    "sentences become stilted and repetitive.  A natural article states its topic at the start and "
                    "in the conclusion and otherwise refers back to it.")
    examples = (
        Example(bad="提前还房贷划算吗？……从利率看，提前还房贷划算吗要看……从收入看，提前还房贷划算吗也要看……",
                good="提前还房贷划算吗？……从利率看，是否划算要看……从收入看，也要看……"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("occurrence", "ngram-repetition")
    options = {
        "min-count": Option(None, "fewest body occurrences of a stuffed phrase; default from data"),
        "min-coverage": Option(None, "least share of characters the occurrences cover; default from data"),
        "ngram-threshold": Option(None, "duplicate character n-gram fraction that counts as repetition; default from data"),
        "max-occurrences": Option(200, "report at most this many occurrences of one stuffed phrase"),
    }
    messages = {
        "stuffed": {"zh": "短语“{phrase}”在文中重复出现{count}次（占全文{density:.1%}），属于关键词堆砌，应删减到一两次并改用自然表述",
                    "en": "the phrase “{phrase}” is repeated {count} times ({density:.1%} of the text): keyword stuffing; "
                          "keep one or two and rephrase the rest"},
        "occurrence": {"zh": "堆砌的关键词“{phrase}”再次出现（第{nth}次），应删去或改写为自然表述",
                       "en": "stuffed phrase “{phrase}” again (occurrence {nth}); delete it or rephrase naturally"},
        "ngram": {"zh": "正文高度重复：{share:.0%}的字符落在重复的{n}字片段中，疑似关键词堆砌或拼凑，应删除重复内容",
                  "en": "the text is highly repetitive: {share:.0%} of its characters lie in repeated {n}-character "
                        "sequences (stuffing or padding); remove the repetition"},
    }

    def run(self, doc):
        yield from self._phrases(doc)
        yield from self._ngrams(doc)

    # -- stuffed phrases ------------------------------------------------------
    def _phrases(self, doc):
        cfg = _cfg()["phrase"]
        min_count = int(self.opts["min-count"] or cfg["min_count"])
        min_cov = float(self.opts["min-coverage"] or cfg["min_coverage"])
        text = doc.text
        lay = blocks.layout(doc)
        head = lay.head()
        head_end = head[-1].next_start if head else 0
        # whole clauses of the head's title lines (a topic noun inside a title, 高等教育自学考试 in
        # 高等教育自学考试暂行条例, is naturally repeated and is not a candidate)
        title_clauses = {c for ln in head if blocks.is_title_like(ln) for c in _CLAUSE_RE.findall(ln.body)}

        candidates: set[str] = set()
        lo, hi = int(cfg["min_len"]), int(cfg["max_len"])
        # each distinct clause is judged once (the tests depend on the clause alone)
        clauses = set(_sized_clause_re(max(1, lo), hi).findall(text)) if max(1, lo) <= hi else ()
        min_han = cfg["min_len"] - 1
        # blocks.is_question inlined (its lexicon and endings bound once): a clause that asks something
        han_findall = blocks.HAN_RUN_RE.findall
        endings, words, pad = blocks._question_endings(), blocks._question_words(), blocks._PAD
        for clause in clauses:
            if sum(map(len, han_findall(clause))) < min_han:
                continue
            if clause in title_clauses:
                candidates.add(clause)
                continue
            s = clause.strip(pad).rstrip("。.!！")
            if s and (s.endswith(endings) or words.contains(s)):
                candidates.add(clause)
        if not candidates:
            return
        size = sum(map(len, text.split())) or 1  # non-whitespace characters (split() splits on isspace())
        occ: dict[str, list[int]] = {}
        last_end: dict[str, int] = {}
        for ms, me, term in PhraseMatcher(candidates).spans(text):
            if ms >= last_end.get(term, -1):
                occ.setdefault(term, []).append(ms)
                last_end[term] = me
        scored = []
        for phrase, starts in occ.items():
            body = [s for s in starts if s >= head_end]
            coverage = len(starts) * len(phrase) / size
            if len(body) >= min_count and (coverage >= min_cov or len(body) >= cfg["min_count_any_length"]):
                scored.append((coverage, len(phrase), phrase, starts, len(body)))
        taken = bytearray(len(text))  # characters already claimed by a reported phrase
        max_occ = int(self.opts["max-occurrences"])
        for coverage, _l, phrase, starts, n_body in sorted(scored, reverse=True):
            spans = [(s, s + len(phrase)) for s in starts]
            overlap = sum(1 for a, b in spans if any(taken[a:b]))
            if overlap * 2 > len(spans):
                continue  # a sub- or super-string of a phrase already reported
            for a, b in spans:
                taken[a:b] = b"\x01" * (b - a)
            first = next((s for s in spans if s[0] >= head_end), spans[0])
            data = {"phrase": phrase, "count": len(spans), "count_body": n_body,
                    "density": round(coverage, 4), "occurrences": [list(s) for s in spans[:1000]]}
            yield self.finding("stuffed", first[0], first[1], confidence=0.9, data=data,
                               phrase=phrase, count=len(spans), density=coverage)
            nth = 0
            for s, e in spans:
                nth += 1
                if (s, e) == first or s < head_end:
                    continue
                if nth > max_occ:
                    break
                yield self.finding("occurrence", s, e, sub="occurrence", confidence=0.9,
                                   phrase=phrase, nth=nth)

    # -- Gopher n-gram repetition -------------------------------------------------
    def _ngrams(self, doc):
        cfg = _cfg()["ngram"]
        n = int(cfg["n"])
        threshold = float(self.opts["ngram-threshold"] or cfg["threshold"])
        chars = _prose_text(doc)
        if len(chars) < cfg["min_chars"]:
            return
        share = dup_ngram_fraction(chars, n)
        if share <= threshold:
            return
        # point at the first passage that repeats an earlier one, extended while it keeps repeating
        seen: set[str] = set()
        pos = 0
        for i in range(len(chars) - n + 1):
            g = chars[i:i + n]
            if g in seen:
                pos = i
                break
            seen.add(g)
        j = pos
        while j + n < len(chars) and chars[j + 1:j + 1 + n] in seen:
            j += 1
        where = prose_chars(doc)[1]
        start = where[pos]
        end = where[j + n - 1] + 1
        yield self.finding("ngram", start, end, sub="ngram-repetition", confidence=0.7,
                           data={"n": n, "share": round(share, 4), "threshold": threshold, "chars": len(chars)},
                           share=share, n=n)


def _prose_text(doc) -> str:
    """The first half of :func:`prose_chars`: the characters only (one findall per prose line)."""
    lay = blocks.layout(doc)
    text = doc.text
    findall = _GRAM_RUN_RE.findall
    is_prose = blocks.is_prose
    return "".join(["".join(findall(text, ln.start, ln.end)) for ln in lay.lines if is_prose(ln)])


def prose_chars(doc) -> tuple[str, list[int]]:
    """Letters/digits/Han of the prose lines, with the offset of each in ``doc.text``."""
    lay = blocks.layout(doc)
    out: list[str] = []
    where: list[int] = []
    text = doc.text
    for ln in lay.lines:
        if not blocks.is_prose(ln):
            continue
        for m in _GRAM_RUN_RE.finditer(text, ln.start, ln.end):  # runs of _is_gram_char characters
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
    return "".join(out), where
