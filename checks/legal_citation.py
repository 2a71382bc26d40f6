"""legal-citation: every legal claim checked against the law catalog.

Extraction (one linear pass each): 《…》 titles and bare statute names (民法典,
商业银行法 …, token-aligned), each with the 第N条/款/项 references that follow it
(Chinese or Arabic numerals) and a quotation attributed to it (规定：“…”); vague
appeals to law (相关法律法规 …) from a phrase list.  Everything the check knows
about laws comes from :mod:`linter.laws` (catalog data in ``linter/data/laws``);
article texts are read only when the user has them (``laws-dir`` or the cache
filled by ``wenlint laws import``).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import hashlib
import re
import sys
from array import array
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from linter.check import Check, Example, Fix, Option
from linter.laws import NUMERAL_CLASS, PRC, LawEntry, catalog, parse_number, texts_for, to_chinese_number
from linter.lexicon import PhraseMatcher
from linter.resources import data_path, load_toml

TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")
_ART = rf"第\s?([{NUMERAL_CLASS}]{{1,8}})\s?条(之[一二三四五六七八九十]{{1,3}})?" \
       rf"(?:\s?第\s?[{NUMERAL_CLASS}]{{1,4}}\s?款)?(?:\s?第\s?[（(]?[{NUMERAL_CLASS}]{{1,4}}[)）]?\s?项)?"
FIRST_ART_RE = re.compile(rf"\s{{0,2}}(?:[（(][^（）()\n]{{1,14}}[)）])?(?:的|之)?\s?{_ART}")
MORE_ART_RE = re.compile(rf"\s?(?:、|，|,|和|及|以及|与|至|到|或)\s?{_ART}")
ANY_ART_RE = re.compile(rf"第\s?[{NUMERAL_CLASS}]{{1,8}}\s?条")
_QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』", "‘": "’"}
QUOTE_OPEN_RE = re.compile(
    r"\s{0,2}(?:中|里)?(?:的)?\s?(?:也|还|亦|更|同样|就|已经|已|中)?\s?(?:明确|明文|清楚|清晰)?\s?"
    r"(?:规定|指出|写道|表述为|提到|要求|载明|强调)(?:了|道|称)?\s?[:：,，]?\s{0,2}([“\"「『])")
SOFT_OPEN_RE = re.compile(
    r"[ \u3000]{0,2}(?:中|里)?(?:的)?(?:也|还|亦|同样|就|已经|已)?(?:明确|明文)?规定(?:了)?[:：,，][ \u3000]{0,2}")
_KEEP_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff0-9A-Za-z]+")


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_toml("laws/citation.toml")


# --- quote fingerprints: verbatim quotations recognised without imported law texts --------------
FINGERPRINTS = "laws/quote_fingerprints.bin"
_CLAUSE_SPLIT_RE = re.compile(r"[，。；：？！、,;:?!\n（）()“”]+")
_MIN_CLAUSE = 4  # normalised characters; shorter clauses (但是, 第一款) say nothing


def quote_clauses(text: str) -> list[str]:
    """The normalised clauses of ``text`` that are long enough to identify it."""
    out = []
    for part in _CLAUSE_SPLIT_RE.split(text):
        c = _norm(part)
        if len(c) >= _MIN_CLAUSE:
            out.append(c)
    return out


def fingerprint(law: str, article: str, clause: str) -> int:
    """32-bit key of one clause of one article (``article`` ``*``: anywhere in the law)."""
    h = hashlib.blake2b(f"{law}\x1f{article}\x1f{clause}".encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(h, "little")


def _fp_state(law: str, article: str):
    """The hash state after ``law\x1farticle\x1f``: :func:`fingerprint` of a clause is this state's copy
    updated with the clause (the same bytes, so the same key, 2x cheaper per clause)."""
    return hashlib.blake2b(f"{law}\x1f{article}\x1f".encode("utf-8"), digest_size=4)


_fp_state_cached = lru_cache(maxsize=1024)(_fp_state)


def _fp(state, clause_bytes: bytes) -> int:
    h = state.copy()
    h.update(clause_bytes)
    return int.from_bytes(h.digest(), "little")


@lru_cache(maxsize=1)
def _fingerprints() -> tuple[frozenset, array]:
    """(laws fingerprinted, sorted clause keys); empty when the data file is absent."""
    try:
        laws = frozenset(load_toml("laws/quote_fingerprints.toml")["laws"])
        keys = array("I")
        keys.frombytes(data_path(FINGERPRINTS).read_bytes())
    except (OSError, KeyError, ValueError):
        return frozenset(), array("I")
    if sys.byteorder != "little":
        keys.byteswap()
    return laws, keys


@lru_cache(maxsize=8)
def _sorted_laws(laws: frozenset) -> tuple[str, ...]:
    return tuple(sorted(laws))


@lru_cache(maxsize=1)
def _key_set() -> frozenset:
    """The fingerprint keys as a set: one hash probe per look-up instead of a bisection (same answers)."""
    return frozenset(_fingerprints()[1])


def _has_key(keys: array, k: int) -> bool:
    i = bisect.bisect_left(keys, k)
    return i < len(keys) and keys[i] == k


def verbatim_share(law: str, articles: list[str], quote: str) -> float | None:
    """Share of the quote's clauses found in the cited articles (or anywhere in the law when none is
    cited) by fingerprint; None when the law is not fingerprinted or the quote has no usable clause."""
    laws, keys = _fingerprints()
    clauses = quote_clauses(quote)
    if law not in laws or not clauses:
        return None
    states = [_fp_state_cached(law, a) for a in (articles or ["*"])]
    ks = _key_set()
    hit = sum(1 for c in clauses if any(_fp(st, c.encode("utf-8")) in ks for st in states))
    return hit / len(clauses)


def identify_provision(rest: str) -> tuple[LawEntry, int | None] | None:
    """The fingerprinted law (and article, when only one matches) whose words the text after a vague
    appeal repeats: at least one clause of ``identify_min_clause`` characters found verbatim in exactly one
    law.  None when nothing or more than one law matches."""
    laws, keys = _fingerprints()
    if not laws:
        return None
    need = int(_data().get("identify_min_clause", 8))
    clauses = [c for c in quote_clauses(rest[:200]) if len(c) >= need]
    if not clauses:
        return None
    best: list[tuple[int, str]] = []
    encoded = [c.encode("utf-8") for c in clauses]
    ks = _key_set()
    for law in _sorted_laws(laws):
        st = _fp_state_cached(law, "*")
        hit = sum(1 for c in encoded if _fp(st, c) in ks)
        if hit:
            best.append((hit, law))
    if not best:
        return None
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None  # the words occur in more than one law: do not guess
    hits, name = best[0]
    entry = catalog().resolve(name)
    if entry is None or not entry.current:
        return None
    top = min(entry.max_article or 0, 5000)
    arts = []
    for n in range(1, top + 1):  # the fingerprints hold every version: name the article only when unique
        st = _fp_state(name, str(n))
        if sum(1 for c in encoded if _fp(st, c) in ks) == hits:
            arts.append(n)
            if len(arts) > 1:
                break
    return entry, (arts[0] if len(arts) == 1 else None)


def states_rule(rest: str) -> bool:
    """The text after a clause-opening appeal states a precise rule: long enough, with a deontic verb
    (应当, 不得, 可以 …) — "按照相关规定，银行在营业场所销售保险产品，应当对销售过程进行录音录像"."""
    d = _data()
    han = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    return han >= int(d.get("rule_min_chars", 16)) and any(w in rest for w in d.get("rule_modals", ()))


@lru_cache(maxsize=1)
def _successors() -> dict[str, dict]:
    """Repealed instrument → {"successor", "articles": {old: new}, "changed": [...]} (successors.toml)."""
    try:
        rows = load_toml("laws/successors.toml").get("law", [])
    except (OSError, ValueError):
        return {}
    return {r["name"]: r for r in rows}


def fingerprint_article(law: str, quote: str, max_article: int, need: float) -> str | None:
    """The article of ``law`` whose fingerprints cover at least ``need`` of the quote's clauses (the best
    one), searched over articles 1..``max_article``; None when no article does."""
    laws, keys = _fingerprints()
    clauses = quote_clauses(quote)
    if law not in laws or not clauses or max_article <= 0:
        return None
    best, best_share = None, 0.0
    encoded = [c.encode("utf-8") for c in clauses]
    ks = _key_set()
    for n in range(1, min(max_article, 5000) + 1):
        art = str(n)
        st = _fp_state(law, art)
        hit = sum(1 for c in encoded if _fp(st, c) in ks)
        share = hit / len(clauses)
        if share > best_share:
            best, best_share = art, share
    return best if best_share >= need else None


@lru_cache(maxsize=1)
def _subjects() -> dict:
    return load_toml("laws/subjects.toml")


@lru_cache(maxsize=1)
def _name_matcher() -> PhraseMatcher:
    d = _data()
    names = catalog().names(min_len=2, suffixes=tuple(d["bare_suffixes"]))
    bad = tuple(d["bare_not_endings"])
    # every name holds 法, 例 or 则 (run() skips texts without them): find() scans around those only
    return PhraseMatcher({k: v for k, v in names.items() if not k.endswith(bad)}, anchors="法例则")


ALIAS_RE = re.compile(r"以下(?:简称|称)\s?[为:：]?\s?[“\"《]([^”\"》)）\n]{1,20})[”\"》]")
_CLAUSE_PUNCT = set("，。；：,;:!?！？、“”‘’（）()《》\n\r\t ")


@lru_cache(maxsize=1)
def _vague_matcher() -> PhraseMatcher:
    return PhraseMatcher(_data()["vague_phrases"])


@lru_cache(maxsize=1)
def _clause_vague_matcher() -> PhraseMatcher:
    """Clause-opening vague appeals: opener + object ("依据国家有关规定") and bare objects ("法律规定")."""
    d = _data()
    objects = set(d.get("clause_objects", []))
    for dom in d.get("clause_domains", []):
        for mid in ("", "的"):
            for rule in d.get("clause_rule_words", []):
                objects.add(dom + mid + rule)
    terms = {o + x: o + x for o in d.get("clause_openers", []) for x in objects}
    bare = set(d.get("clause_bare_objects", []))
    for h in d.get("bare_heads", []):
        for adv in d.get("bare_adverbs", [""]):
            for q in d.get("bare_qualifiers", [""]):
                for have in ("", "有"):
                    if have and not q and adv in ("", "也", "还", "都", "均"):
                        continue  # "法律有规定" is fine as a bare phrase only with a qualifier
                    for verb in d.get("bare_verbs", ["规定"]):
                        if have and verb != "规定":
                            continue  # 有…规定 only: "法律有明确指出" is not a phrase
                        bare.add(h + adv + have + q + verb)
    for x in bare:
        terms.setdefault(x, x)
    return PhraseMatcher(terms)


_STATUTE_LINE_RE = re.compile(rf"^[ \t\u3000]{{0,4}}第[{NUMERAL_CLASS}]{{1,8}}条(?:之[一二三四五六七八九十]{{1,3}})?[ \u3000]", re.M)


@lru_cache(maxsize=1)
def _topic_matchers() -> dict[str, PhraseMatcher]:
    return {k: PhraseMatcher(v["triggers"]) for k, v in _subjects().get("topics", {}).items()}


@lru_cache(maxsize=None)
def _cover_matcher(law: str) -> PhraseMatcher:
    return PhraseMatcher(_subjects()["laws"][law].get("covers", []))


def _norm(text: str) -> str:
    return "".join(_KEEP_RE.findall(unicodedata.normalize("NFKC", text)))


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else ({s} if s else set())


def containment(quote: str, article: str) -> float:
    """Share of the quote's character bigrams that occur in the article (0..1)."""
    q, a = _norm(quote), _norm(article)
    if not q:
        return 1.0
    if q in a:
        return 1.0
    bq = _bigrams(q)
    return len(bq & _bigrams(a)) / len(bq) if bq else 0.0


def _inner(name: str) -> str:
    """A name to put inside 《》: titles nested in it are written 〈…〉."""
    return name.replace("《", "〈").replace("》", "〉")


def _title(name: str) -> str:
    return "《" + _inner(name) + "》"


def _shorten(text: str, n: int = 48) -> str:
    text = " ".join(text.split()).rstrip("。；;，,")
    return text if len(text) <= n else text[:n] + "……"


@dataclass
class ArticleRef:
    number: int
    suffix: str
    start: int
    end: int
    num_start: int
    num_end: int
    raw: str  # the numeral as written


@dataclass
class Citation:
    start: int  # the name as written, 《》 included for titles
    end: int
    name: str
    title: bool
    entry: LawEntry | None
    articles: list[ArticleRef] = field(default_factory=list)
    quote: tuple[int, int, str] | None = None  # span incl. quote marks, and the inner text
    soft: tuple[int, int, str] | None = None   # an unquoted restatement: 第N条规定，<text>。
    typo: str | None = None  # the catalog name meant when the name as written has one wrong character

    @property
    def tail(self) -> int:
        if self.quote:
            return self.quote[1]
        return self.articles[-1].end if self.articles else self.end


class LegalCitation(Check):
    id = "legal-citation"
    summary = "法律引用有误：法律名称不存在、条款号超出范围、引文与原文不符、笼统引用、已废止或张冠李戴"
    summary_en = "Faulty legal citation: unknown law, article out of range, misquote, vague appeal, repealed or wrong law"
    rationale = ("理财类文章常借法律条文增加权威感，但被过滤器删字的法律名称（《人民民法典》）、不存在的条款、"
                 "编造的引文和“相关法律法规”式的空泛引用会误导读者，也暴露内容农场的粗制滥造。"
                 "本检查对照法律目录核对名称、条款数、废止日期，并在有法律原文时核对引文。")
    rationale_en = ("Finance-advice articles cite law to sound authoritative. Mangled law names (《人民民法典》), "
                    "articles that do not exist, invented quotations and empty appeals to 'relevant laws' mislead "
                    "readers. The check resolves names against a law catalog, checks article numbers and repeal "
                    "dates, and verifies quotations against the article text when law texts are available.")
    examples = (
        Example(bad="依照《人民民法典》的相关条款", good="依照《中华人民共和国民法典》第六百七十六条",
                note="unknown-law: mangled name"),
        Example(bad="《民法典》第1300条规定", good="《民法典》第1260条规定", note="article-out-of-range"),
        Example(bad="《商业银行法》第47条规定：“商业银行理应依法保护存款人的合法权益。”",
                good="《商业银行法》第6条规定：“商业银行应当保障存款人的合法权益不受任何单位和个人的侵犯。”",
                note="quote-mismatch"),
        Example(bad="催收必须遵守相关法律法规。", good="催收不得侵害借款人的隐私权（《民法典》第一千零三十二条）。",
                note="vague-citation"),
        Example(bad="根据《合同法》第二百零七条（2024年文章）", good="根据《民法典》第六百七十六条",
                note="repealed-law"),
        Example(bad="根据银行业监督管理法，催收机构不得骚扰借款人。",
                good="根据《民法典》第一千零三十二条，催收不得侵扰借款人的私人生活安宁。", note="wrong-law"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("unknown-law", "article-out-of-range", "quote-mismatch", "unverifiable-quote",
                 "vague-citation", "repealed-law", "wrong-law")
    options = {
        "laws-dir": Option(None, "directory of law article texts (<name>.json files); default: "
                                 "$WENLINT_LAWS_DIR, then the cache filled by `wenlint laws import`", path=True),
        "check-quotes": Option(True, "verify quotations against article texts when available"),
        "vague": Option(True, "report vague appeals to law (相关法律法规 …)"),
        "unknown-without-match": Option(True, "report 《…法》 titles that match no catalog law even loosely"),
    }
    messages = {
        "unknown-fix": {
            "zh": "法律名称《{name}》不存在，应为《{real}》；请改正名称。",
            "en": "there is no law called 《{name}》; it should be 《{real}》 — correct the name.",
        },
        "unknown": {
            "zh": "法律目录中找不到《{name}》；请核对法律的正式名称或删去该引用。",
            "en": "《{name}》 is not in the law catalog; check the official title or drop the citation.",
        },
        "out-of-range": {
            "zh": "《{law}》只有{max}条，不存在第{n}条；请核对条款号。",
            "en": "《{law}》 has only {max} articles, so article {n} does not exist; check the article number.",
        },
        "quote-mismatch": {
            "zh": "《{law}》第{n}条没有这段话，该条实际规定：“{actual}”；请按原文引用或去掉引号。",
            "en": "article {n} of 《{law}》 does not say this; it reads: “{actual}” — quote the real text or drop "
                  "the quotation marks.",
        },
        "quote-other-article": {
            "zh": "这段引文出自《{law}》第{m}条，而不是第{n}条；请改正条款号。",
            "en": "this quotation is from article {m} of 《{law}》, not article {n}; correct the article number.",
        },
        "quote-not-in-law": {
            "zh": "《{law}》中找不到这段引文；请按法律原文引用并注明条款，或去掉引号。",
            "en": "this quotation is not found anywhere in 《{law}》; quote the real text with its article, or drop "
                  "the quotation marks.",
        },
        "unverifiable": {
            "zh": "无法核实这段引自《{law}》的话（没有该法律的原文）；可用 wenlint laws import 导入法律文本后再检查。",
            "en": "cannot verify this quotation from 《{law}》 (its text is not available); import law texts with "
                  "`wenlint laws import` and check again.",
        },
        "vague": {
            "zh": "“{phrase}”没有指明具体法律和条款，读者无法核实；请写明法律名称和条款号，或删去这一说法。",
            "en": "“{phrase}” names no specific law or article, so readers cannot check it; name the law and "
                  "article, or drop the appeal.",
        },
        "vague-rule": {
            "zh": "“{phrase}”后面陈述了具体的法律规则，却没有写明出自哪部法律哪一条；请补上法律名称和条款号。",
            "en": "“{phrase}” introduces a specific legal rule without saying which law and article it comes "
                  "from; add the law's name and the article number.",
        },
        "vague-identified": {
            "zh": "“{phrase}”后面的规定出自{law}{article}，请直接写明这一出处，不要笼统地说“{phrase}”。",
            "en": "the rule after “{phrase}” is {law_en}{article_en}; cite that provision by name instead of "
                  "the vague “{phrase}”.",
        },
        "repealed": {
            "zh": "《{law}》已于{date}废止（由《{repl}》取代）；请改引现行的《{repl}》。",
            "en": "《{law}》 was repealed on {date} (replaced by 《{repl}》); cite the current 《{repl}》 instead.",
        },
        "repealed-article": {
            "zh": "《{law}》已于{date}废止（由《{repl}》取代），原第{n}条的规定现为《{repl}》第{m}条；请改引现行条文。",
            "en": "《{law}》 was repealed on {date} (replaced by 《{repl}》); its article {n} is now article {m} of "
                  "《{repl}》 — cite the provision in force.",
        },
        "repealed-norepl": {
            "zh": "《{law}》已于{date}废止；请改引现行有效的规定。",
            "en": "《{law}》 was repealed on {date}; cite provisions that are in force.",
        },
        "wrong-law-many": {
            "zh": "{laws}规范的分别是{scopes}，都不调整{topic}；请引用真正适用的规定或删去这些引用。",
            "en": "{laws} govern {scopes_en} respectively, not {topic_en}; cite a provision that applies or drop "
                  "them.",
        },
        "wrong-law": {
            "zh": "《{law}》规范的是{scope}，并不调整{topic}；请引用真正适用的规定或删去该引用。",
            "en": "《{law}》 governs {scope_en}, not {topic_en}; cite a provision that applies or drop the citation.",
        },
    }

    # ------------------------------------------------------------------
    def run(self, doc):
        text = doc.text
        # cheap exit for texts that cite nothing; 规定 keeps vague appeals (按照监管规定，…) in scope
        if not text or not any(k in text for k in ("法", "《", "条例", "规定")):
            return
        ref_date = doc.date or _dt.date.today()
        cites = self._extract(doc)
        sentences = doc.sentences
        import bisect

        sent_starts = [s.start for s in sentences]

        def sentence_of(off: int):
            if not sentences:
                return None
            i = max(0, bisect.bisect_right(sent_starts, off) - 1)
            s = sentences[i]
            return s if s.start <= off <= s.end else None

        lt = None
        lt_loaded = False
        aliases = {m.group(1).strip() for m in ALIAS_RE.finditer(text)} if "简称" in text or "以下称" in text else set()
        # repealed instruments the writer shows to know are repealed anywhere in the text
        # (awareness holds within the paragraph: a later, present-tense citation elsewhere is still stale)
        reps = {}
        aware = set()
        for c in cites:
            rep = catalog().repealed_entry(c.name) if c.entry is None or c.entry.status == "已废止" else None
            if rep is not None:
                reps[id(c)] = rep
                if self._historical(doc, c, rep, sentence_of(c.start)):
                    aware.add((rep.name, doc.line_index(c.start)))
        for c in cites:
            rep = reps.get(id(c))
            if rep is not None and (rep.name, doc.line_index(c.start)) not in aware:
                yield from self._repealed(text, c, rep, ref_date)
            if c.entry is None:
                yield from self._unknown(doc, c, aliases)
                continue
            if c.typo:
                yield self.finding("unknown-fix", c.start, c.end, sub="unknown-law",
                                   fix=Fix(c.start, c.end, _title(c.typo) if c.title else c.typo),
                                   confidence=0.8, name=c.name.strip(), real=_inner(c.typo))
            elif not c.title:
                yield from self._cut_prefix(text, c)
            yield from self._out_of_range(c)
            if (c.quote or c.soft) and self.opts["check-quotes"]:
                if not lt_loaded:
                    lt = texts_for(self.opts["laws-dir"])
                    lt_loaded = True
                if c.quote:
                    yield from self._quote(c, lt)
                else:
                    yield from self._soft_quote(c, lt)
        self._wrong_spans: list[tuple[int, int]] = []
        yield from self._wrong_law(doc, cites, sentence_of)
        if self.opts["vague"]:
            yield from self._vague(doc, cites, sentence_of)

    # -- extraction --------------------------------------------------------
    def _extract(self, doc) -> list[Citation]:
        text = doc.text
        cat = catalog()
        cites: list[Citation] = []
        title_spans: list[tuple[int, int]] = []
        for m in TITLE_RE.finditer(text):
            inner = m.group(1)
            title_spans.append((m.start(), m.end()))
            entry = cat.resolve(inner)
            typo = None
            if entry is None and cat.repealed_entry(inner) is None:
                hit = cat.typo(inner)
                if hit is not None:
                    entry, typo = hit
            cites.append(Citation(m.start(), m.end(), inner, True, entry, typo=typo))
        # bare names, aligned to token boundaries, outside titles
        matches = _name_matcher().find(text) if any(ch in text for ch in "法例则") else []
        if matches:
            ti = 0
            for mt in matches:
                while ti < len(title_spans) and title_spans[ti][1] <= mt.start:
                    ti += 1
                if ti < len(title_spans) and title_spans[ti][0] < mt.end and mt.start < title_spans[ti][1]:
                    continue
                if not self._token_aligned(doc, mt.start, mt.end):
                    continue
                cites.append(Citation(mt.start, mt.end, mt.term, False, cat.resolve(mt.value)))
        cites.extend(self._bare_typos(doc, cites))
        cites.sort(key=lambda c: c.start)
        for c in cites:
            self._attach(text, c)
        # a short misspelt title (《民法曲》) counts as a typo only when it is cited like a law
        for c in cites:
            if c.typo and len(c.name.strip()) <= 4 and not (c.articles or c.quote or c.soft
                                                             or text.startswith("规定", c.end)):
                c.entry, c.typo = None, None
        return cites

    def _bare_typos(self, doc, cites: list[Citation]) -> list[Citation]:
        """Bare names with one wrong character right before an article reference (商业银行发第三十八条):
        the longest token-aligned run of 4..15 Han characters before 第N条 that is one substitution away from
        exactly one current name, and not part of a name already found."""
        text = doc.text
        if "第" not in text or "条" not in text:
            return []
        cat = catalog()
        spans = sorted((c.start, c.end) for c in cites)
        starts = [s for s, _ in spans]
        out = []
        for m in ANY_ART_RE.finditer(text):
            p = m.start()
            j = bisect.bisect_left(starts, p)
            if j > 0 and spans[j - 1][1] > p - 16:
                continue  # a name was found just before: the reference is attached to it
            lo = p
            while lo > 0 and p - lo < 15 and "\u4e00" <= text[lo - 1] <= "\u9fff":
                lo -= 1
            for s0 in range(lo, p - 3):
                if not self._token_aligned_start(doc, s0):
                    continue
                hit = cat.typo(text[s0:p])
                if hit is not None:
                    out.append(Citation(s0, p, text[s0:p], False, hit[0], typo=hit[1]))
                    break
        return out

    @staticmethod
    def _token_aligned_start(doc, start: int) -> bool:
        toks = doc.tokens
        return bool(toks) and toks[doc.token_at(start)].start == start

    @staticmethod
    def _token_aligned(doc, start: int, end: int) -> bool:
        toks = doc.tokens
        if not toks:
            return False
        i = doc.token_at(start)
        if toks[i].start != start:
            return False
        if end >= len(doc.text):
            return True
        j = doc.token_at(end)
        return toks[j].start == end

    @staticmethod
    def _attach(text: str, c: Citation) -> None:
        m = FIRST_ART_RE.match(text, c.end)
        pos = c.end
        while m:
            n = parse_number(m.group(1))
            if n is None or n <= 0:
                break
            first = text.rfind("第", m.start(), m.start(1))
            c.articles.append(ArticleRef(n, m.group(2) or "", first if first >= 0 else m.start(1), m.end(),
                                         m.start(1), m.end(1), m.group(1)))
            pos = m.end()
            m = MORE_ART_RE.match(text, pos)
        q = QUOTE_OPEN_RE.match(text, pos)
        if not q and c.articles:
            sq = SOFT_OPEN_RE.match(text, pos)
            if sq:
                stop = min((i for i in (text.find("。", sq.end(), sq.end() + 200), text.find("\n", sq.end(),
                                                                                          sq.end() + 200)) if i >= 0),
                           default=-1)
                if stop > sq.end():
                    c.soft = (sq.end(), stop, text[sq.end():stop])
        if q:
            opener = q.group(1)
            closer = _QUOTE_PAIRS.get(opener, "”")
            close = text.find(closer, q.end(), q.end() + 400)
            if close > q.end():
                inner = text[q.end():close]
                if "\n" not in inner:
                    c.quote = (q.start(1), close + 1, inner)

    # -- sub-rules ---------------------------------------------------------
    def _unknown(self, doc, c: Citation, aliases: set[str]):
        if not c.title:
            return
        cat = catalog()
        name = c.name.strip()
        if cat.is_known(name) or cat.is_non_law(name) or name.startswith(cat.foreign_prefixes):
            return
        if name in aliases:
            return  # defined in the text: （以下简称《企业法》）
        before = doc.text[max(0, c.start - 16):c.start]
        if any(p in before for p in cat.foreign_prefixes):
            return  # 香港法例第13章《…条例》, 美国《…法》
        hit = cat.closest(name)
        if hit is not None:
            entry, score = hit
            yield self.finding("unknown-fix", c.start, c.end, sub="unknown-law",
                               fix=Fix(c.start, c.end, _title(entry.name)),
                               confidence=0.85 if score >= 0.75 else 0.6, name=name, real=_inner(entry.name))
            return
        if not self.opts["unknown-without-match"]:
            return
        data = _data()
        norm = unicodedata.normalize("NFKC", name)
        if (3 <= len(norm) <= 30 and norm.endswith(tuple(data.get("unknown_endings", ["法"]))) and not norm.endswith(tuple(data["not_law_endings"]))
                and all("\u4e00" <= ch <= "\u9fff" for ch in norm)
                and not any(ch in norm[:8] for ch in "省市县区州")):
            if not norm.endswith("法") and not any(w in norm for w in data.get("unknown_regulation_words", ())):
                return
            yield self.finding("unknown", c.start, c.end, sub="unknown-law", confidence=0.5,
                               severity="info", name=name)

    def _cut_prefix(self, text: str, c: Citation):
        """A bare name behind a fragment of 中华人民共和国 (人民民法典, 共和国民法典): the filter deleted
        part of the official name; restore it."""
        e = c.entry
        if e is None or not e.name.startswith(PRC) or c.name.startswith(PRC):
            return
        pre = text[max(0, c.start - len(PRC)):c.start]
        if pre.endswith(PRC):
            return
        for frag in _data().get("prc_fragments", ()):
            if pre.endswith(frag):
                s0 = c.start - len(frag)
                yield self.finding("unknown-fix", s0, c.end, sub="unknown-law", fix=Fix(s0, c.end, e.name),
                                   confidence=0.8, name=text[s0:c.end], real=e.name)
                return

    def _out_of_range(self, c: Citation):
        e = c.entry
        if e is None or not e.in_source:
            return
        mx = e.max_article
        if not mx:
            return
        for a in c.articles:
            if a.number > mx:
                yield self.finding("out-of-range", a.start, a.end, sub="article-out-of-range", confidence=0.9,
                                   law=_inner(e.short_name), max=mx, n=a.raw)

    def _quote(self, c: Citation, lt):
        e = c.entry
        qs, qe, inner = c.quote
        if len(_norm(inner)) < 6:
            return
        span_start = c.start
        versions = lt.versions(e) if lt is not None else []
        if not versions:
            # no article texts: a quotation whose clauses all match the cited article's fingerprints is
            # verbatim (a correct quotation is not a finding); anything else stays unverifiable
            cited = [f"{a.number}{a.suffix}" for a in c.articles]
            share = verbatim_share(e.name, cited, inner)
            ok = _data().get("fingerprint_ok", 0.8)
            if share is not None and share >= ok:
                return
            whole = verbatim_share(e.name, [], inner) if cited and share is not None else share
            if whole is not None and whole >= ok and len(c.articles) == 1:
                # verbatim, but from another article of the same law: name it and fix the number
                a = c.articles[0]
                key = fingerprint_article(e.name, inner, e.max_article or 0, ok)
                if key is not None and key != cited[0]:
                    new = key if a.raw.isdigit() else (to_chinese_number(int(key)) if key.isdigit() else None)
                    yield self.finding("quote-other-article", span_start, qe, sub="quote-mismatch",
                                       fix=Fix(a.num_start, a.num_end, new) if new else None,
                                       confidence=0.8, law=_inner(e.short_name), m=key, n=a.raw)
                return
            if whole is not None and whole >= ok:
                return
            if whole == 0 and len(quote_clauses(inner)) >= 2:
                # no clause of the quotation occurs anywhere in the law: not the law's words
                yield self.finding("quote-not-in-law", span_start, qe, sub="quote-mismatch", confidence=0.6,
                                   law=_inner(e.short_name))
                return
            yield self.finding("unverifiable", span_start, qe, sub="unverifiable-quote", severity="info",
                               confidence=0.3, law=_inner(e.short_name))
            return
        data = _data()
        ok, bad, other = data["quote_ok"], data["quote_mismatch"], data["quote_other_article"]
        if c.articles:
            a = c.articles[-1] if len(c.articles) == 1 else None
            if a is None:  # several articles cited: the quote may come from any of them
                texts = [v["articles"].get(f"{r.number}{r.suffix}") for r in c.articles for v in versions]
                texts = [t for t in texts if t]
                if not texts or max(containment(inner, t) for t in texts) >= bad:
                    return
                a = c.articles[0]
            key = f"{a.number}{a.suffix}"
            texts = [v["articles"].get(key) for v in versions]
            texts = [t for t in texts if t]
            if not texts:
                return  # article missing from the text: out-of-range or a gap in the source
            best = max(containment(inner, t) for t in texts)
            if best >= bad:
                return
            # does another article say it?
            m_key, m_score = self._best_article(inner, versions)
            if m_key is not None and m_score >= other and m_key != key:
                m_num = m_key
                new = m_num if a.raw.isdigit() else (to_chinese_number(int(m_num)) if m_num.isdigit() else m_num)
                yield self.finding("quote-other-article", span_start, qe, sub="quote-mismatch",
                                   fix=Fix(a.num_start, a.num_end, new) if m_num.isdigit() else None,
                                   confidence=0.8, law=_inner(e.short_name), m=m_key, n=a.raw)
                return
            yield self.finding("quote-mismatch", span_start, qe, sub="quote-mismatch", confidence=0.85,
                               law=_inner(e.short_name), n=a.raw, actual=_shorten(texts[0]))
            return
        m_key, m_score = self._best_article(inner, versions)
        if m_key is None or m_score < bad - 0.1:
            yield self.finding("quote-not-in-law", span_start, qe, sub="quote-mismatch", confidence=0.7,
                               law=_inner(e.short_name))

    def _soft_quote(self, c: Citation, lt):
        """第N条规定，<the words of another article>。 — an unquoted restatement that is verbatim another
        article of the same law: name that article.  Paraphrases and the cited article's own words are silent."""
        e = c.entry
        ss, se, inner = c.soft
        if len(c.articles) != 1 or len(quote_clauses(inner)) < 2:
            return
        a = c.articles[0]
        cited = f"{a.number}{a.suffix}"
        data = _data()
        key = None
        versions = lt.versions(e) if lt is not None else []
        if versions:
            texts = [v["articles"].get(cited) for v in versions]
            if any(t and containment(inner, t) >= data["quote_mismatch"] for t in texts):
                return
            m_key, m_score = self._best_article(inner, versions)
            if m_key is not None and m_score >= 0.9:
                key = m_key
        else:
            # a restatement may shorten the article: most (not all) of its clauses, and at least two
            ok = data.get("soft_quote_ok", 0.6)
            share = verbatim_share(e.name, [cited], inner)
            if share is None or share >= 0.5 or len(quote_clauses(inner)) * ok < 2:
                return
            whole = verbatim_share(e.name, [], inner)
            if whole is not None and whole >= ok:
                key = fingerprint_article(e.name, inner, e.max_article or 0, ok)
        if key is None or key == cited:
            return
        new = key if a.raw.isdigit() else (to_chinese_number(int(key)) if key.isdigit() else None)
        yield self.finding("quote-other-article", c.start, se, sub="quote-mismatch",
                           fix=Fix(a.num_start, a.num_end, new) if new else None,
                           confidence=0.75, law=_inner(e.short_name), m=key, n=a.raw)

    @staticmethod
    def _best_article(quote: str, versions: list[dict]) -> tuple[str | None, float]:
        best_key, best = None, 0.0
        q = _norm(quote)
        bq = _bigrams(q)
        if not bq:
            return None, 0.0
        for v in versions:
            for key, t in v["articles"].items():
                a = _norm(t)
                s = 1.0 if q in a else len(bq & _bigrams(a)) / len(bq)
                if s > best:
                    best_key, best = key, s
        return best_key, best

    @staticmethod
    def _historical(doc, c: Citation, rep, sent) -> bool:
        """The mention shows the writer knows the instrument is history (原《合同法》,
        …同时废止, 民法典施行前, a year before the repeal)."""
        text = doc.text
        data = _data()
        before = text[max(0, c.start - 3):c.start]
        if any(ch in before for ch in "原旧前"):
            return True
        sent_text = sent.text if sent is not None else text[max(0, c.start - 40):c.end + 40]
        if any(mk in sent_text for mk in data["historical_markers"] if len(mk) > 1):
            return True
        if rep.replaced_by and (rep.replaced_by in sent_text or (rep.replaced_by_short and rep.replaced_by_short in sent_text)):
            return True
        when = rep.repealed_on()
        if when is not None:
            for y in re.finditer(r"((?:19|20)\d\d)\s?年", sent_text):
                if int(y.group(1)) < when.year:
                    return True  # 2019年，合同法规定… — an explicitly dated statement
        return False

    def _repealed(self, text: str, c: Citation, rep, ref_date: _dt.date):
        when = rep.repealed_on()
        if when is None or ref_date < when or rep.same_name:
            return
        law = rep.name[len("中华人民共和国"):] if rep.name.startswith("中华人民共和国") else rep.name
        if not rep.replaced_by:
            yield self.finding("repealed-norepl", c.start, c.end, sub="repealed-law", confidence=0.7,
                               law=_inner(law), date=rep.date)
            return
        succ = catalog().resolve(rep.replaced_by)
        short = succ.short_name if succ is not None else (rep.replaced_by_short or rep.replaced_by)
        full = succ.name if succ is not None else rep.replaced_by
        # the successor written the way the writer wrote the old name (full official name or short form)
        written = unicodedata.normalize("NFKC", c.name).strip()
        name = full if written.startswith("中华人民共和国") else short
        new_name = _title(name) if c.title else name
        if not c.articles:
            yield self.finding("repealed", c.start, c.end, sub="repealed-law", fix=Fix(c.start, c.end, new_name),
                               confidence=0.7, law=_inner(law), date=rep.date, repl=_inner(short))
            return
        # article references: fix them only when every cited article has a known one-to-one successor
        table = _successors().get(rep.name, {})
        arts = table.get("articles", {})
        mapped = []
        for a in c.articles:
            key = f"{a.number}{a.suffix}"
            if key not in arts or a.end - a.start > len(f"第{a.raw}条") + 2:
                mapped = []
                break  # no known successor article, or a 款/项 reference whose numbering may differ
            mapped.append(int(arts[key]))
        if mapped and len(mapped) == 1:
            a = c.articles[-1] if len(c.articles) == 1 else c.articles[0]
            num = str(mapped[0]) if a.raw.isdigit() else to_chinese_number(mapped[0])
            between = text[c.end:a.start]
            if len(between) > 2:
                mapped = []
        if mapped and len(mapped) == 1:
            fix = Fix(c.start, a.end, new_name + between + f"第{num}条")
            yield self.finding("repealed-article", c.start, a.end, sub="repealed-law", fix=fix, confidence=0.75,
                               law=_inner(law), date=rep.date, repl=_inner(short), n=a.raw, m=num)
            return
        yield self.finding("repealed", c.start, c.end, sub="repealed-law", confidence=0.7,
                           law=_inner(law), date=rep.date, repl=_inner(short))

    def _wrong_law(self, doc, cites: list[Citation], sentence_of):
        laws = _subjects().get("laws", {})
        topics = _subjects().get("topics", {})
        if not laws:
            return
        by_sent: dict[int, list[Citation]] = {}
        spans = {}
        for c in cites:
            if c.entry is not None and c.entry.name in laws:
                s = sentence_of(c.start)
                if s is not None:
                    by_sent.setdefault(s.start, []).append(c)
                    spans[s.start] = s
        if not by_sent:
            return
        all_spans = [(c.start, c.end) for c in cites]
        for sstart, group in by_sent.items():
            s = spans[sstart]
            # the sentence with every cited name blanked out
            chars = list(s.text)
            for a, b in all_spans:
                if a < s.end and b > s.start:
                    for i in range(max(a, s.start) - s.start, min(b, s.end) - s.start):
                        chars[i] = "　"
            bare = "".join(chars)
            hits: list[tuple[Citation, str]] = []
            for c in group:
                spec = laws[c.entry.name]
                if _cover_matcher(c.entry.name).find(bare):
                    continue
                for topic in spec.get("not_for", []):
                    tm = _topic_matchers().get(topic)
                    if tm is not None and tm.find(bare):
                        hits.append((c, topic))
                        break
            # one finding per run of adjacent wrong citations (A和B等 …) on the same topic
            runs: list[list[tuple[Citation, str]]] = []
            for h in hits:
                if runs and runs[-1][-1][1] == h[1] and h[0].start - runs[-1][-1][0].tail <= 4:
                    runs[-1].append(h)
                else:
                    runs.append([h])
            for run in runs:
                t = topics[run[0][1]]
                first, last = run[0][0], run[-1][0]
                specs = [laws[c.entry.name] for c, _ in run]
                if len(run) == 1:
                    f = self.finding("wrong-law", first.start, first.end, sub="wrong-law", confidence=0.75,
                                     law=_inner(first.entry.short_name), scope=specs[0]["zh"],
                                     scope_en=specs[0]["en"], topic=t["zh"], topic_en=t["en"])
                else:
                    f = self.finding("wrong-law-many", first.start, last.end, sub="wrong-law", confidence=0.75,
                                     laws="、".join(_title(c.entry.short_name) for c, _ in run),
                                     scopes="、".join(sp["zh"] for sp in specs),
                                     scopes_en="; ".join(sp["en"] for sp in specs), topic=t["zh"], topic_en=t["en"])
                self._wrong_spans.append((f.start, f.end))
                yield f

    def _vague(self, doc, cites: list[Citation], sentence_of):
        text = doc.text
        matches = _vague_matcher().find(text)
        clause = [m for m in _clause_vague_matcher().find(text) if self._opens_clause(doc, m)]
        if not matches and not clause:
            return
        data = _data()
        # a statute text (lines opening with 第N条) says 依照国家有关规定 by design: not an appeal
        statute_lines = 0
        for _m in _STATUTE_LINE_RE.finditer(text):
            statute_lines += 1
            if statute_lines >= data.get("statute_min_article_lines", 3):
                return
        negs = tuple(data["negations"])
        appeal = set(data["appeal_words"])
        quoted = [(c.quote[0], c.quote[1]) for c in cites if c.quote]
        kept = [(m, False) for m in matches]
        for m in clause:  # a clause opener wider than a phrase match replaces it
            kept = [(k, c) for k, c in kept if not (k.start < m.end and m.start < k.end)]
            kept.append((m, True))
        kept.sort(key=lambda kc: kc[0].start)
        identified, identify_max = 0, int(data.get("identify_max_per_doc", 50))
        for m, is_clause in kept:
            before = text[max(0, m.start - 4):m.start].rstrip("的")
            if before.endswith(negs):
                continue
            if not is_clause and not self._is_appeal(doc, m.start, appeal):
                continue
            if any(a - 10 <= m.end and m.start <= b + 10 for a, b in self._wrong_spans):
                continue  # part of a citation already reported as wrong-law: one finding per citation
            if any(a <= m.start < b for a, b in quoted):
                continue
            s = sentence_of(m.start)
            scope = s.text if s is not None else text[max(0, m.start - 60):m.end + 60]
            if ANY_ART_RE.search(scope):
                continue
            rest = text[m.end:s.end] if s is not None and s.end > m.end else text[m.end:m.end + 120]
            ident = None
            if identified < identify_max:  # bounded work per document (each look-up scans a law's articles)
                identified += 1
                ident = identify_provision(rest)
            if ident is not None:
                law, art = ident
                short = _title(law.short_name) if law is not None else ""
                yield self.finding("vague-identified", m.start, m.end, sub="vague-citation", severity="info",
                                   confidence=0.5, phrase=m.term, law=short, law_en=short,
                                   article=f"第{to_chinese_number(art)}条" if art else "",
                                   article_en=f" art. {art}" if art else "",
                                   data={"law": law.name, "article": art})
            elif is_clause and states_rule(rest):
                # the sentence restates a precise rule (…的，债权人可以向人民法院申请执行): the citation only
                # lacks its name, a lesser fault than an empty appeal
                yield self.finding("vague-rule", m.start, m.end, sub="vague-citation", severity="info",
                                   confidence=0.5, phrase=m.term)
            else:
                yield self.finding("vague", m.start, m.end, sub="vague-citation", severity="info",
                                   confidence=0.7, phrase=m.term)

    @staticmethod
    def _opens_clause(doc, m) -> bool:
        """The appeal opens a clause ("…。依据国家有关规定，…") and is followed by a comma or colon."""
        text = doc.text
        if m.end >= len(text) or text[m.end] not in "，,：:":
            return False
        i = m.start
        while i > 0 and text[i - 1] in " \u3000":
            i -= 1
        if i == 0 or text[i - 1] in _CLAUSE_PUNCT:
            # "…的，依照国家有关规定，…": a statute's condition-consequence clause, not an article's appeal
            return not (i >= 2 and text[i - 1] in "，," and text[i - 2] == "的")
        toks = doc.tokens
        if toks:
            t = toks[doc.token_at(i - 1)]
            if t.end == i and t.text in _data().get("clause_connectives", ()):
                j = t.start
                return j == 0 or text[j - 1] in _CLAUSE_PUNCT
        return False

    @staticmethod
    def _is_appeal(doc, start: int, appeal: set[str]) -> bool:
        """The vague phrase opens a clause or follows an appeal word (符合/遵守/根据/等 …),
        rather than being qualified (其他相关法律法规, 熟悉相关法律法规, 支付相关法律法规)."""
        text = doc.text
        i = start
        while i > 0 and text[i - 1] in " \u3000":
            i -= 1
        if i == 0 or text[i - 1] in _CLAUSE_PUNCT:
            return True
        toks = doc.tokens
        if toks:
            t = toks[doc.token_at(i - 1)]
            if t.end == i and t.text in appeal:
                return True
        return False
