"""risky-claim: promises and wording that finance regulation forbids.

Four sub-rules, each citing the provision it comes from (the citations live in
``linter/data/risky_claim.toml`` next to the lexicons):

* ``guaranteed-return`` — 保本保息 / 稳赚不赔 / 零风险 … (广告法 第二十五条第一项);
* ``loan-lure`` — 无视征信 / 黑户可贷 / 秒批 / 百分百下款 … (广告法 第二十八条);
* ``illegal-service`` — paid 征信修复 / 洗白 / 铲单, 代办停息挂账, 反催收, 信用卡代还 / 套现
  (征信业管理条例 第十六条、第二十五条; 广告法 第二十八条; 刑法 第二百二十五条);
* ``absolute-term`` — 最低利率 / 行业第一 / 国家级 / 最安全 in a promotional sentence (广告法 第九条第三项).

Everything is scoped by context, because finance articles mostly *warn* about
these practices: a match is dropped when the sentence negates it (不存在稳赚不赔),
warns or reports (警惕“征信修复”骗局, 号称, 不法分子), quotes it, asks about it,
or sits in a warning paragraph / under a warning title — unless that sentence
itself sells something (联系我们, 本平台 …).

One pass of two Aho–Corasick automata (terms, cues) over the text, then
bisection into sentences and paragraphs: O(n log n).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from linter.check import Check, Example, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_toml

DATA_FILE = "risky_claim.toml"

# Quotation pairs whose content is a quote / scare quote / title, not the writer's own claim.
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "〈": "〉", "‘": "’", "＂": "＂", '"': '"'}
QUOTE_MAX = 160  # a quote longer than this (or unclosed) is a scraping accident, not a quote
QUESTION_END = "?？"
SHORT_TERM = 2  # terms this short must start and end on jieba token boundaries
SELLING = frozenset({"seller", "agent", "promo", "offer"})  # a line with one of these sells: it frames nothing
SENTENCE_END = "。！!？?；;…"
LEAD_SKIP = " \t\u3000“”‘’「」『』\"'（）()【】"
QUESTION_PARTICLES = "吗呢么"
TRAILING = " \t\u3000。！!？?；;…”’」』）)"


def zh_number(n: int) -> str:
    """Article numbers as statutes write them (25 → 二十五), via the shared law helpers."""
    from linter.laws import to_chinese_number

    return to_chinese_number(n)


@dataclass(frozen=True)
class Basis:
    id: str
    law: str
    law_en: str
    article: int
    item: int | None
    must_mention: tuple[str, ...]
    verified: bool = False  # law found in the catalog, in force, and article number within range

    @property
    def zh(self) -> str:
        if not self.verified:  # never print an article number the catalog cannot confirm
            return f"《{self.law}》"
        s = f"《{self.law}》第{zh_number(self.article)}条"
        if self.item:
            s += f"第{zh_number(self.item)}项"
        return s

    @property
    def en(self) -> str:
        if not self.verified:
            return self.law_en
        s = f"{self.law_en} art. {self.article}"
        if self.item:
            s += f"({self.item})"
        return s


@dataclass(frozen=True)
class Group:
    id: str
    sub: str
    message: str
    basis: tuple[Basis, ...]
    needs: str
    severity: str
    exempt: bool  # the group has exempt cues (tag "exempt:<id>")


@dataclass
class Model:
    groups: dict[str, Group]
    terms: PhraseMatcher  # term -> group id, or "" for benign
    patterns: list[tuple[re.Pattern, str]]
    cues: PhraseMatcher  # phrase -> frozenset of tags
    clause_breaks: str
    near_window: int
    basis: dict[str, Basis]
    prohibit_lead: tuple[str, ...] = ()
    heading_max: int = 30


def verify_basis(law: str, article: int) -> bool:
    """True when the law catalog (linter.laws) knows ``law``, lists it as in force, and its
    highest article number is at least ``article``."""
    try:
        from linter.laws import catalog
    except ImportError:  # pragma: no cover - the catalog ships with wenlint
        return False
    entry = catalog().resolve(law)
    if entry is None or not entry.current:
        return False
    top = entry.max_article
    return top is None or 1 <= article <= top


def _load_basis(data: dict) -> dict[str, Basis]:
    out = {}
    for bid, b in data.get("basis", {}).items():
        law, article = b["law"], int(b["article"])
        out[bid] = Basis(id=bid, law=law, law_en=b.get("law_en", law), article=article,
                         item=int(b["item"]) if b.get("item") else None,
                         must_mention=tuple(b.get("must_mention", ())),
                         verified=verify_basis(law, article))
    return out


def build_model(data: dict) -> Model:
    basis = _load_basis(data)
    groups: dict[str, Group] = {}
    term_map: dict[str, str] = {}
    patterns: list[tuple[re.Pattern, str]] = []
    cue_tags: dict[str, set[str]] = {}
    for g in data.get("group", []):
        gid = g["id"]
        exempt = list(g.get("exempt", ()))
        groups[gid] = Group(id=gid, sub=g["sub"], message=g["message"],
                            basis=tuple(basis[b] for b in g.get("basis", ())), needs=g.get("needs", ""),
                            severity=g.get("severity", "warning"), exempt=bool(exempt))
        for t in g.get("terms", ()):
            term_map.setdefault(t, gid)
        for rx in g.get("patterns", ()):
            patterns.append((re.compile(rx), gid))
        for e in exempt:
            cue_tags.setdefault(e, set()).add(f"exempt:{gid}")
    for t in data.get("benign", {}).get("terms", ()):
        term_map[t] = ""
    cues = data.get("cues", {})
    for tag in ("strong", "weak", "near", "neutral", "warning", "seller", "agent", "promo", "offer", "frame",
                "prohibit"):
        for phrase in cues.get(tag, ()):
            cue_tags.setdefault(phrase, set()).add(tag)
    return Model(groups=groups, terms=PhraseMatcher(term_map), patterns=patterns,
                 cues=PhraseMatcher({k: frozenset(v) for k, v in cue_tags.items()}),
                 clause_breaks=cues.get("clause-breaks", "，,、;；:：（）()"),
                 near_window=int(cues.get("near-window", 12)), basis=basis,
                 prohibit_lead=tuple(sorted(cues.get("prohibit-lead", ()), key=len, reverse=True)),
                 heading_max=int(cues.get("heading-max", 30)))


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    out["basis"] = {**base.get("basis", {}), **extra.get("basis", {})}
    out["group"] = list(base.get("group", [])) + list(extra.get("group", []))
    out["benign"] = {"terms": list(base.get("benign", {}).get("terms", []))
                     + list(extra.get("benign", {}).get("terms", []))}
    cues = {k: (list(v) if isinstance(v, list) else v) for k, v in base.get("cues", {}).items()}
    for k, v in extra.get("cues", {}).items():
        cues[k] = cues.get(k, []) + list(v) if isinstance(v, list) else v
    out["cues"] = cues
    return out


@lru_cache(maxsize=8)
def load_model(extra_path: str = "") -> Model:
    data = load_toml(DATA_FILE)
    if extra_path:
        import sys
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        with open(Path(extra_path), "rb") as fh:
            data = _merge(data, tomllib.load(fh))
    return build_model(data)


_QUOTE_EVENT_RE = re.compile(
    "[" + re.escape("".join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values()) | {"\r", "\n"}))) + "]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted stretches, content only; closed on the same line within QUOTE_MAX chars.

    Visits only quote marks and line breaks (a C-level regex scan); any other character can only
    end an open quote by being the first one more than QUOTE_MAX past its start, and such a
    character opens nothing, so that case is decided from the offsets."""
    spans: list[tuple[int, int]] = []
    opener = ""
    closer = ""
    start = -1
    for m in _QUOTE_EVENT_RE.finditer(text):
        i = m.start()
        ch = m.group()
        if opener and i - start > QUOTE_MAX + 1:
            opener = ""  # expired at start + QUOTE_MAX + 1, on a character that opens nothing
        if opener:
            if ch == closer:
                spans.append((start, i))
                opener = ""
            elif ch in "\r\n" or i - start > QUOTE_MAX:
                opener = ""
                if ch in QUOTE_PAIRS and ch not in "\r\n":
                    opener, closer, start = ch, QUOTE_PAIRS[ch], i + 1
            continue
        if ch in QUOTE_PAIRS:
            opener, closer, start = ch, QUOTE_PAIRS[ch], i + 1
    return spans


@lru_cache(maxsize=4)
def _char_class_re(chars: str) -> re.Pattern:
    """One character of ``chars`` (matches nothing when empty)."""
    return re.compile("[" + re.escape("".join(sorted(set(chars)))) + "]") if chars else re.compile(r"(?!)")


def _is_question(sentence: str) -> bool:
    s = sentence.rstrip()
    if s and s[-1] in QUESTION_END:
        return True
    core = s.rstrip(TRAILING)
    return bool(core) and core[-1] in QUESTION_PARTICLES and len(s) - len(core) <= 2 and (
        not s[len(core):] or s[len(core):][0] not in "。！!")


class RiskyClaim(Check):
    id = "risky-claim"
    summary = "保本承诺、网贷引流话术、非法金融服务推广与广告绝对化用语"
    summary_en = "Guaranteed-return promises, loan-farm lures, illegal finance services and absolute ad terms"
    rationale = (
        "理财与借贷文章若承诺保本保收益、以“无视征信”“秒批”等话术引流、推广付费征信修复或代办停息挂账，"
        "或在推广语句中使用“最低利率”“国家级”等绝对化用语，发布者要承担《广告法》等规定的责任；"
        "本检查只标出作者自己作出的承诺，警示、否定、引用和提问语境不报；标题或小标题讲风险、后果的说明性文章"
        "描述这些做法（第二种，POS机套现。）也不报，除非句中有人在推销。"
    )
    rationale_en = (
        "An article that promises guaranteed returns, lures borrowers with 'no credit check' or 'instant approval', "
        "sells paid credit-record repair or agent-run debt deals, or uses absolute terms such as 'lowest rate' in a "
        "promotional sentence exposes its publisher under the Advertising Law and related rules; only the writer's "
        "own claims are flagged, never warnings, negations, quotations or questions, nor descriptions of these "
        "practices in an article or section whose title frames them as a risk, unless the sentence sells."
    )
    examples = (
        Example(bad="本平台理财产品保本保息，年化收益8%。",
                good="本平台理财产品不保本，过往年化收益约4%至6%，投资有风险。"),
        Example(bad="黑户可贷，不看征信，当天秒批！",
                good="贷款需经征信与收入审核，审批时间以机构实际答复为准。"),
        Example(bad="我们专业团队帮您征信修复，7天删除逾期记录。",
                good="征信信息有误时，可向征信机构或放贷机构免费提出异议；真实的逾期记录保存5年后自动删除。"),
        Example(bad="本平台利率全网最低，立即申请！", good="本平台年利率为7.2%至18%，立即申请。"),
        Example(bad="找我们代办停息挂账，不成功不收费。",
                good="持卡人可以本人联系发卡银行，协商个性化分期还款，无需支付中介费用。",
                note="警示与否定语境不报，例如：警惕“征信修复”骗局；不存在稳赚不赔的投资。"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("guaranteed-return", "loan-lure", "illegal-service", "absolute-term")
    options = {
        "absolute-terms": Option(True, "flag absolute terms (最低利率, 国家级 …) in promotional sentences"),
        "paragraph-context": Option(True, "a warning paragraph or title silences claims in it (unless the sentence sells)"),
        "extra-lexicon": Option("", "a TOML file with more [[group]] / [benign] / [cues] entries, merged with the "
                                    "built-in data", path=True),
    }
    messages = {
        "guaranteed-return": {
            "zh": "“{term}”是保本、无风险或保收益承诺，{basis}禁止投资类推广作此类保证；请删除该承诺并如实提示风险。",
            "en": "“{term}” promises principal protection, no risk or a guaranteed return, which {basis_en} forbids "
                  "in investment promotion; remove the promise and state the risks plainly.",
        },
        "loan-lure": {
            "zh": "“{term}”是网贷引流话术，属于与实际不符的服务允诺（{basis}）；请删除，或如实说明审核条件与放款时间。",
            "en": "“{term}” is a loan-farm lure, a promise about the service that does not match reality "
                  "({basis_en}); remove it or state the real approval criteria and timing.",
        },
        "credit-repair": {
            "zh": "“{term}”是付费修复征信类非法服务：不良信息依{basis}保存5年、到期才删除，"
                  "信息有误可依{basis2}免费异议；请删除该推广内容。",
            "en": "“{term}” advertises a paid credit-record 'repair' service, but under {basis_en} negative records "
                  "stay 5 years and errors are corrected free of charge under {basis2_en}; remove the promotion.",
        },
        "debt-agent": {
            "zh": "“{term}”在此作为中介代办服务推广，属于代理维权类服务，其承诺多为虚假宣传（{basis}）；"
                  "请删除推广内容，改为提示借款人可自行与金融机构协商。",
            "en": "“{term}” is sold here as an agent-run debt service whose promises are typically false "
                  "advertising ({basis_en}); remove the promotion and tell borrowers they can negotiate with the "
                  "lender themselves.",
        },
        "card-cashout": {
            "zh": "“{term}”属于信用卡代还或套现类服务，可能涉嫌非法从事资金支付结算（{basis}）；请删除该推广内容。",
            "en": "“{term}” advertises credit-card repayment-by-proxy or cash-out, which may be unlicensed payment "
                  "settlement ({basis_en}); remove the promotion.",
        },
        "absolute-term": {
            "zh": "推广语句中使用了绝对化用语“{term}”，违反{basis}；请改为具体、可核实的表述。",
            "en": "the promotional sentence uses the absolute term “{term}”, barred by {basis_en}; replace it with "
                  "a specific, verifiable statement.",
        },
    }

    def model(self) -> Model:
        return load_model(str(self.opts.get("extra-lexicon") or ""))

    # ------------------------------------------------------------------
    def run(self, doc) -> Iterator:
        text = doc.text
        if not text:
            return
        model = self.model()
        matches = self._term_matches(model, text)
        if not matches:
            return
        if not self.opts["absolute-terms"]:
            matches = [m for m in matches if model.groups[m[2]].sub != "absolute-term"]
            if not matches:
                return
        sentences = doc.sentences
        sent_starts = [s.start for s in sentences]
        cues = _LineCues(model.cues, doc)
        cue_starts: list[int] = []  # unused with _LineCues (kept for the helpers' signatures)
        quotes = quote_spans(text)
        quote_starts = [q[0] for q in quotes]
        breaks = [m.start() for m in _char_class_re(model.clause_breaks).finditer(text)]
        use_context = bool(self.opts["paragraph-context"])
        paragraphs = doc.paragraphs if use_context else []
        para_starts = [p.start for p in paragraphs]
        title_warns = False
        if use_context and doc.title is not None:
            t = doc.title
            title_warns = any("warning" in c.value for c in self._cues_in(cues, cue_starts, t.start, t.end))
        para_cache: dict[int, bool] = {}
        sent_cache: dict[int, list] = {}
        term_spans = [(m[0], m[1]) for m in matches]
        framed_paras: set[int] = set()
        if use_context:
            if doc.title is not None:
                t = doc.title
                title_warns = title_warns or self._frames(model, cues, cue_starts, term_spans, t.start, t.end)
            if not title_warns:
                framed_paras = self._framed_sections(model, text, paragraphs, cues, cue_starts, term_spans)

        for start, end, gid, term in matches:
            group = model.groups[gid]
            if end - start <= SHORT_TERM and not self._on_token_bounds(doc, start, end):
                continue  # 必过 inside 不必过于: a two-character term must be whole words
            si = bisect.bisect_right(sent_starts, start) - 1
            if si < 0 or start >= sentences[si].end:
                continue
            sent = sentences[si]
            if si not in sent_cache:
                sent_cache[si] = self._cues_in(cues, cue_starts, sent.start, sent.end)
            # cues inside the term are part of it (没有 in 没有任何风险); a cue that begins before the
            # term still counts when it shares characters with it (不保证 + 保证收益)
            s_cues = [c for c in sent_cache[si] if c.start < start or c.start >= end]
            tags: set[str] = set()
            for c in s_cues:
                tags |= c.value
            seller = "seller" in tags
            if group.needs == "promo" and not (seller or "promo" in tags):
                continue
            if group.needs == "agent" and not (seller or "agent" in tags):
                continue
            if group.needs == "offer" and not (tags & SELLING):
                continue
            if group.exempt and any(c.end <= start and f"exempt:{gid}" in c.value for c in s_cues):
                continue
            if "strong" in tags or ("weak" in tags and not seller):
                continue
            if self._negated(model, s_cues, breaks, start):
                continue
            if not seller and _is_question(sent.text):  # 还等什么？ is a call to action, not a doubt
                continue
            if self._quoted(quotes, quote_starts, start, end):
                continue
            if not seller and self._prohibitive(model, text, sent.start, s_cues, start):
                continue  # 不要…，比如用信用卡套现…: the sentence advises against it
            if use_context and not seller:
                if title_warns:
                    continue
                pi = bisect.bisect_right(para_starts, start) - 1
                if pi in framed_paras:
                    continue  # under a heading about the risks (三、以卡养卡的风险)
                if pi >= 0 and start < paragraphs[pi].end:
                    if pi not in para_cache:
                        p = paragraphs[pi]
                        para_cache[pi] = any("warning" in c.value
                                             for c in self._cues_in(cues, cue_starts, p.start, p.end))
                    if para_cache[pi]:
                        continue
            yield self._finding(group, start, end, term, needs_cue=bool(group.needs))

    # ------------------------------------------------------------------
    @staticmethod
    def _term_matches(model: Model, text: str) -> list[tuple[int, int, str, str]]:
        found = [(m.start, m.end, m.value, m.term) for m in model.terms.find(text)]
        taken = [(s, e) for s, e, _g, _t in found]
        lex_starts = [s for s, _e in taken]
        for rx, gid in model.patterns:
            for m in rx.finditer(text):
                i = bisect.bisect_right(lex_starts, m.end()) - 1
                # overlaps a lexicon (or benign) match? then the lexicon decides
                if i >= 0 and taken[i][1] > m.start():
                    continue
                found.append((m.start(), m.end(), gid, m.group()))
        found.sort()
        out = []
        last_end = -1
        for s, e, gid, term in found:
            if s < last_end:
                continue
            last_end = e
            if gid:  # "" marks a benign phrase that only shields its span
                out.append((s, e, gid, term))
        return out

    @classmethod
    def _frames(cls, model: Model, cues: list, cue_starts: list[int], term_spans: list[tuple[int, int]],
                start: int, end: int) -> bool:
        """The line [start, end) frames what follows as a risk: it carries a warning or frame cue that
        is not part of a claim term (零风险), and no seller, agent, promo or offer cue."""
        framing = False
        for c in cls._cues_in(cues, cue_starts, start, end):
            if c.value & SELLING:
                return False
            if ("warning" in c.value or "frame" in c.value) and not any(
                    a < c.end and c.start < b for a, b in term_spans):
                framing = True
        return framing

    @classmethod
    def _framed_sections(cls, model: Model, text: str, paragraphs: list, cues: list, cue_starts: list[int],
                         term_spans: list[tuple[int, int]]) -> set[int]:
        """Indices of paragraphs under a heading that frames its section as a risk (三、以卡养卡的风险):
        a heading is a short line with no sentence end inside; its section runs to the next heading."""
        out: set[int] = set()
        framed = False
        for pi, p in enumerate(paragraphs):
            body = p.text.strip()
            if body and len(body) <= model.heading_max and not any(ch in SENTENCE_END for ch in body[:-1]) \
                    and body[-1] not in "。；;，,":
                framed = cls._frames(model, cues, cue_starts, term_spans, p.start, p.end)
                continue
            if framed:
                out.add(pi)
        return out

    @staticmethod
    def _prohibitive(model: Model, text: str, sent_start: int, s_cues: list, term_start: int) -> bool:
        """The sentence opens (after connectives) with a prohibit cue before the term: 不要…, 切勿…"""
        i = sent_start
        while i < term_start and text[i] in LEAD_SKIP:
            i += 1
        for _ in range(2):  # up to two connectives: 所以也不要…
            for lead in model.prohibit_lead:
                if text.startswith(lead, i) and not any(c.start == i and len(c.term) > len(lead) for c in s_cues):
                    i += len(lead)
                    break
            else:
                break
        for c in s_cues:
            if c.start == i and "prohibit" in c.value and c.end <= term_start:
                return True
        return False

    @staticmethod
    def _on_token_bounds(doc, start: int, end: int) -> bool:
        tokens = doc.tokens
        if not tokens:
            return True
        first = tokens[doc.token_at(start)]
        last = tokens[doc.token_at(end - 1)]
        return first.start == start and last.end == end

    @staticmethod
    def _cues_in(cues, cue_starts: list[int], start: int, end: int) -> list:
        if isinstance(cues, _LineCues):
            cues, cue_starts = cues.around(start, end)
        i = bisect.bisect_left(cue_starts, start)
        out = []
        while i < len(cues) and cues[i].start < end:
            if cues[i].end <= end and "neutral" not in cues[i].value:
                out.append(cues[i])
            i += 1
        return out

    @staticmethod
    def _negated(model: Model, s_cues: list, breaks: list[int], start: int) -> bool:
        for c in s_cues:
            if "near" not in c.value or c.start >= start or start - c.end > model.near_window:
                continue
            # no clause break between the cue and the term
            j = bisect.bisect_left(breaks, min(c.end, start))
            if j < len(breaks) and breaks[j] < start:
                continue
            return True
        return False

    @staticmethod
    def _quoted(quotes: list[tuple[int, int]], quote_starts: list[int], start: int, end: int) -> bool:
        i = bisect.bisect_right(quote_starts, start) - 1
        return i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]

    def _finding(self, group: Group, start: int, end: int, term: str, needs_cue: bool):
        b = group.basis
        first = b[0] if b else None
        second = b[1] if len(b) > 1 else first
        return self.finding(
            group.message, start, end, sub=group.sub, severity=group.severity,
            confidence=0.75 if needs_cue else 0.85,
            data={"group": group.id, "basis": [x.id for x in b],
                  "citations": [f"{x.law} 第{x.article}条" for x in b]},
            term=term,
            basis=first.zh if first else "",
            basis_en=first.en if first else "",
            basis2=second.zh if second else "",
            basis2_en=second.en if second else "",
        )


class _LineCues:
    """The cue matches of the whole text (``matcher.find(text)``), computed line by line on demand.

    No cue contains a line break, so a leftmost-longest match never crosses one and the whole-text
    matches restricted to a line are exactly that line's own matches.  The cue automaton is the
    slowest scan of the check (~70 ns per character: its root has hundreds of children) and only
    the lines around claim terms, the title and the headings are ever asked about."""

    def __init__(self, matcher: PhraseMatcher, doc) -> None:
        self.matcher = matcher
        self.doc = doc
        self.by_line: dict[int, tuple[list, list[int]]] = {}
        self.whole = None
        if not matcher.no_line_breaks():
            found = matcher.find(doc.text)
            self.whole = (found, [c.start for c in found])

    def _line(self, li: int) -> tuple[list, list[int]]:
        got = self.by_line.get(li)
        if got is None:
            ln = self.doc.lines[li]
            found = self.matcher.find_in(self.doc.text, ln.start, ln.end)
            got = self.by_line[li] = (found, [c.start for c in found])
        return got

    def around(self, start: int, end: int) -> tuple[list, list[int]]:
        """(matches, their starts) of the lines overlapping [start, end]: a superset of the matches
        starting in it, in order.  One line (a paragraph, the title, most sentences) is answered from
        its cached lists without a copy, so a huge one-line text costs no more than one scan."""
        if self.whole is not None:
            return self.whole
        lo, hi = self.doc.line_index(start), self.doc.line_index(max(start, end))
        if lo == hi:
            return self._line(lo)
        out: list = []
        starts: list[int] = []
        for li in range(lo, hi + 1):  # a sentence across lone-CR line breaks
            c, s = self._line(li)
            out.extend(c)
            starts.extend(s)
        return out, starts


def iter_basis(extra_path: str = "") -> Iterable[Basis]:
    """Every legal basis the check cites (for tests and audits)."""
    return load_model(extra_path).basis.values()
