"""unsourced-statistic: figures presented as data with no source.

Content-farm finance pages assert numbers (据统计……, 数据显示……, 有超过30%的借款人……)
that nobody can check, or hang them on an institution without a document, a
date or a link (据中国人民银行数据显示……).  One finding per claim, severity
``info`` by default, so audits can rank pages by how much they assert without
support.  Figures that name a specific report and date, and worked arithmetic
examples (比如借款1万元……), are not reported.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from linter.check import Check, Example, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_toml
from linter.residue import CoverSet, markdown_code
from linter.text import context_free, find_dates, required_chars, scan_pattern

DATA = "unsourced_statistic.toml"

# Bounded digit runs: an unbounded \d+ at the start of an unanchored search rescans a long run
# of digits from every position (quadratic; bench/regex_audit.py).
NUM = r"(?:\d{1,3}(?:,\d{3}){1,6}|\d{1,30})(?:\.\d{1,20})?"
CN_FRAC = r"(?:[一二三四五六七八九]成|[一二三四五六七八九十]{1,2}分之[一二三四五六七八九十]{1,2}|半数|过半|一半)"
DATE_RE = re.compile(r"(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月|\s*第?[一二三四1-4]季度|上半年|下半年|前三季度|全年|末|底|初)?"
                     r"|截至\s*(?:19|20)\d\d|(?:19|20)\d\d[-/.]\d{1,2}")
LINK_RE = re.compile(r"https?://|www\.[A-Za-z0-9-]{1,63}\.", re.IGNORECASE)
DOC_RE = re.compile(r"《[^《》\n]{2,60}》")


@lru_cache(maxsize=1)
def _data():
    d = load_toml(DATA)
    pops = sorted(set(d["populations"]), key=len, reverse=True)
    pop_alt = "|".join(re.escape(p) for p in pops)
    stat_re = re.compile(
        rf"(?:{NUM}\s*[%％](?:以上|左右|多)?|{NUM}\s*成|{CN_FRAC}(?:以上|左右|多)?)的?\s*(?:{pop_alt})"
        rf"|{NUM}\s*(?:(?:多|余)\s*)?(?:万|亿)\s*(?:(?:名|位|个|户)\s*)?(?:{pop_alt})"
        rf"|(?:占比|同比(?:增长|下降|上升|减少)|环比(?:增长|下降|上升|减少))[^\d，。,\n]{{0,6}}{NUM}\s*[%％]"
        rf"|(?:规模|余额|总额|总量|交易额|放款量|贷款量|发卡量|用户数|人数)(?:已经|已)?(?:达到|达|突破|超过|约为|约|高达|为)\s*{NUM}\s*(?:万亿|亿|万)"
    )
    claim_re = re.compile("|".join(f"(?:{p})" for p in d["claim_patterns"]))
    inst_suffix = "|".join(re.escape(s) for s in sorted(d["institution_suffixes"], key=len, reverse=True))
    return {
        "claims": PhraseMatcher(d["data_claims"]),
        "claim_excl": tuple(d["claim_exclusions_before"]),
        "claim_re": claim_re,
        "claim_re_chars": required_chars(claim_re),
        "stat_re": stat_re,
        # no lookaround, anchor or word boundary: a match in a sentence is a match in the whole text
        "stat_re_plain": context_free(stat_re),
        "stat_scan": scan_pattern(stat_re),  # same matches, 5x faster over a whole text
        "examples": PhraseMatcher(d["example_markers"]),
        "institutions": PhraseMatcher(d["institutions"]),
        "inst_re": re.compile(rf"[\u4e00-\u9fff]{{2,12}}(?:{inst_suffix})"),
        "vague": tuple(d["vague_sources"]),
        "doc_words": tuple(d["document_words"]),
        "generic": frozenset(d["generic_institutions"]),
        "declarations": PhraseMatcher(d["source_declarations"]),
        "relative": PhraseMatcher(d["relative_periods"]),
        "publish_words": tuple(d["publish_words"]),
        "quantity_words": PhraseMatcher(d.get("quantity_words", [])),
        "quantity_re": re.compile(d["quantity_pattern"]) if d.get("quantity_pattern") else None,
        "hypothetical": tuple(d.get("hypothetical_words", ())),
        "claim_verbs": tuple(d.get("claim_pattern_verbs", ())),
    }


class UnsourcedStatistic(Check):
    id = "unsourced-statistic"
    summary = "无出处的统计数字：数据没有可核查的来源"
    summary_en = "Statistics without a source that can be checked"
    rationale = ("“据统计”“数据显示”“有超过30%的借款人……”这类数字看似权威，却无从核查；只挂一个机构名"
                 "（“据中国人民银行数据显示”）而不给文件、日期或链接同样无法核实。财经建议中的无出处数字会误导读者，"
                 "编辑应补上具体报告名称和发布日期，或删去数字。每条断言报告一次，默认级别为提示，便于审计按页面统计无据断言的多少。")
    rationale_en = ("Numbers introduced with 据统计 / 数据显示 or stated as shares of a population look authoritative but "
                    "cannot be checked; naming an institution without a document, date or link is no better.  Unsourced "
                    "figures in financial advice mislead readers: cite the specific report and its date, or drop the "
                    "number.  One finding per claim, severity info, so audits can rank pages by unsupported assertions.")
    examples = (
        Example(bad="据统计，有超过30%的借款人曾出现逾期。",
                good="据中国人民银行《2024年第四季度支付体系运行总体情况》（2025年2月发布），……"),
        Example(bad="据中国人民银行数据显示，信用卡逾期总额持续上升。",
                good="中国人民银行2024年3月发布的《2023年支付体系运行总体情况》显示，……"),
        Example(bad="比如借款1万元，年利率10%，一年利息1000元。", good="（算例，不报告）"),
    )
    default_severity = "info"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("no-source", "institution-only")
    options = {
        "context-sentences": Option(1, "earlier sentences of the same paragraph searched for the claim's source"),
    }
    messages = {
        "no-source": {"zh": "这条数据断言没有注明来源，请补充具体报告名称和发布日期，或删去数字",
                      "en": "this data claim gives no source; cite the specific report and its date, or drop the figure"},
        "institution-only": {"zh": "数据只注明了机构“{inst}”，没有文件名称、日期或链接，请补充具体出处",
                             "en": "the figure names only the institution “{inst}”, with no document, date or link; cite the exact source"},
    }

    def run(self, doc):
        text = doc.text
        if not text or not text.strip():
            return
        d = _data()
        code = markdown_code(doc)
        ctx_n = max(0, int(self.opts["context-sentences"]))
        sents = doc.sentences
        declared, decl_spans = self._declared_sources(text, d)
        dated = self._dated_institutions(sents, d)
        # a dated document (header date, or a year in its title) dates 本周/本月/今年 figures
        title = doc.title
        doc_dated = doc.date is not None or (title is not None and DATE_RE.search(text[title.start:title.end]) is not None)
        last = None  # the finding of the previous claim, for merging continuations
        last_idx = -10
        declared_lines = CoverSet()
        for a, b in decl_spans:
            declared_lines.add(a, b)
        # one pass over the whole text tells which sentences can hold a statistic or a claim word: a
        # match inside a sentence is a match in the text, and a whole-text scan reports a match
        # overlapping that sentence (the exact per-sentence tests below then run only there)
        stat_at = _SpanIndex(m.span() for m in d["stat_scan"].finditer(text)) if d["stat_re_plain"] else None
        claim_at = _SpanIndex((m.start, m.end) for m in d["claims"].iter_all(text))
        for i, s in enumerate(sents):
            st = s.text
            if len(st) < 6 or (code and code.overlaps(s.start, s.end)):
                continue
            if s.start in declared_lines:
                continue  # the source line itself (数据来源：……)
            claim = self._claim_phrase(st, d, claim_at.overlaps(s.start, s.end))
            stat = d["stat_re"].search(st) if stat_at is None or stat_at.overlaps(s.start, s.end) else None
            if stat and not claim and d["examples"].find(st):
                stat = None
            if claim and not stat and not _states_quantity(st, d):
                claim = None  # 如果双录资料显示销售人员已经说明了风险…: a data claim with no quantity in it
            if not claim and not stat:
                continue
            # the sentence plus up to ctx_n earlier sentences of the same line/paragraph
            lo = i
            while lo > 0 and i - lo < ctx_n and "\n" not in text[sents[lo - 1].end:s.start] \
                    and "\r" not in text[sents[lo - 1].end:s.start]:
                lo -= 1
            ctx = text[sents[lo].start:s.end]
            source = self._source(ctx, d)
            if source == "sourced":
                continue
            if source and (_same_body(source, declared) or _same_body(source, dated)
                           or (doc_dated and d["relative"].find(ctx))):
                continue  # named in the document's source note, dated elsewhere, or dated by the document
            # a continuation (其中……) of the claim just reported is the same claim
            if last is not None and last_idx == i - 1 and not claim and st.lstrip().startswith(("其中", "这其中", "而其中")) \
                    and "\n" not in text[last.end:s.start]:
                last.end = s.end
                last.data["figures"] = last.data.get("figures", 1) + 1
                last_idx = i
                continue
            if last is not None:
                yield last
            if source:
                last = self.finding("institution-only", s.start, s.end, sub="institution-only", inst=source,
                                    confidence=0.7, data={"figures": 1, "institution": source})
            else:
                last = self.finding("no-source", s.start, s.end, sub="no-source", confidence=0.75,
                                    data={"figures": 1})
            last_idx = i
        if last is not None:
            yield last

    @staticmethod
    def _institutions(s: str, d) -> set[str]:
        names = {m.term for m in d["institutions"].find(s)}
        for m in d["inst_re"].finditer(s):
            name = _trim_institution(m.group())
            if name:
                names.add(name)
        return {n for n in names if n not in d["vague"]}

    @classmethod
    def _declared_sources(cls, text: str, d) -> tuple[set[str], list[tuple[int, int]]]:
        """Institutions named in the document's own source notes (数据来源：……, 本文数据均来自……),
        and the spans of those notes (up to the end of their line)."""
        names: set[str] = set()
        spans: list[tuple[int, int]] = []
        for m in d["declarations"].find(text):
            end = text.find("\n", m.end)
            end = len(text) if end < 0 else end
            line_start = text.rfind("\n", 0, m.start) + 1
            names |= cls._institutions(text[m.start:end], d)
            spans.append((line_start, end))
        return names, spans

    @classmethod
    def _dated_institutions(cls, sents, d) -> set[str]:
        """Institutions that some sentence of the document names together with a date or a document:
        a later bare mention (国家统计局的数据显示……) refers back to that source."""
        out: set[str] = set()
        for s in sents:
            st = s.text
            if not (DATE_RE.search(st) or DOC_RE.search(st)) or not any(w in st for w in d["publish_words"]):
                continue
            out |= cls._institutions(st, d)
        return out

    @staticmethod
    def _claim_phrase(st: str, d, lexicon_hit: bool = True) -> str | None:
        for m in (d["claims"].find(st) if lexicon_hit else ()):
            before = st[max(0, m.start - 5):m.start]
            if any(before.endswith(x) for x in d["claim_excl"]):
                continue
            if _hypothetical(st, m.start, d):
                continue
            return m.term
        req = d["claim_re_chars"]
        if req is not None and not any(c in st for c in req):
            return None  # every claim pattern match holds one of these characters (据 …)
        for m in d["claim_re"].finditer(st):
            if any(v in m.group() for v in d["claim_verbs"]):
                continue
            if not _hypothetical(st, m.start(), d):
                return m.group()
        return None

    @staticmethod
    def _source(ctx: str, d) -> str | None:
        """'sourced' when a document, a link, or an institution with a date is named;
        the institution's name when only that is given; None when nothing is."""
        if LINK_RE.search(ctx):
            return "sourced"
        for m in DOC_RE.finditer(ctx):
            title = m.group()
            around = ctx[max(0, m.start() - 12):m.end() + 4]
            if any(w in title for w in d["doc_words"]) or any(w in around for w in ("发布", "公布", "印发", "披露")):
                return "sourced"
        inst = None
        found = d["institutions"].find(ctx)
        if found:
            inst = max(found, key=lambda m: len(m.term)).term
        else:
            for m in d["inst_re"].finditer(ctx):
                name = m.group()
                # keep the shortest plausible tail (…显示中国银行 → 中国银行)
                inst = _trim_institution(name)
                if inst:
                    break
        if inst and any(v == inst for v in d["vague"]):
            inst = None
        has_date = DATE_RE.search(ctx) is not None or any(True for _ in find_dates(ctx))
        if inst and has_date:
            return "sourced"
        return inst


_CLAUSE_BREAKS = "，,。；;：:！!？?\n"


def _hypothetical(st: str, pos: int, d) -> bool:
    """The clause holding the claim at ``pos`` is a condition (如果…资料显示…): up to 12 characters
    back to the previous clause break contain a hypothetical word."""
    lo = max(0, pos - 12)
    for i in range(pos - 1, lo - 1, -1):
        if st[i] in _CLAUSE_BREAKS:
            lo = i + 1
            break
    seg = st[lo:pos]
    return any(w in seg for w in d["hypothetical"])


def _states_quantity(st: str, d) -> bool:
    """The sentence states an amount, share, comparison or trend (a digit, 三成, 增长, 占比 …)."""
    if any(ch.isdigit() for ch in st):
        return True
    if d["quantity_re"] is not None and d["quantity_re"].search(st):
        return True
    return bool(d["quantity_words"].find(st))


class _SpanIndex:
    """Spans (start, end), possibly overlapping, answering "does any span overlap [a, b)?" in O(log n)."""

    def __init__(self, spans) -> None:
        spans = sorted((e, s) for s, e in spans if e > s)
        self._ends = [e for e, _s in spans]
        self._min_start = [s for _e, s in spans]
        for k in range(len(spans) - 2, -1, -1):  # suffix minimum of the starts
            if self._min_start[k + 1] < self._min_start[k]:
                self._min_start[k] = self._min_start[k + 1]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self._ends, a)  # spans ending after a
        return k < len(self._ends) and self._min_start[k] < b


def _same_body(name: str, names: set[str]) -> bool:
    """``name`` is one of ``names``, or a short or long form of one (人民银行 / 中国人民银行)."""
    return any(name == n or (min(len(name), len(n)) >= 3 and (name in n or n in name)) for n in names)


def _trim_institution(name: str) -> str | None:
    """Cut a leading verb phrase off a matched name: 根据招商银行 → 招商银行."""
    for lead in ("根据", "依据", "按照", "来自", "据", "由", "从", "对", "在", "向", "是", "的"):
        i = name.rfind(lead)
        if 0 <= i < len(name) - 2:
            name = name[i + len(lead):]
    if len(name) < 3 or name in _data()["generic"]:
        return None
    return name
