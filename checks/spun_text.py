"""spun-text: words left behind by 伪原创 synonym substitution.

Content farms run articles through tools that swap words via a bidirectional synonym
table (问题↔疑问, 进行↔实行, 采取↔选用, 第一↔之一 …).  The swapped word is often a real
word, but it breaks its collocation: 实行分析, 选用措施, 应对逾期疑惑, 之一步.

The check keeps the table in reverse (``linter/data/spun_text/pairs.toml``: spun form →
likely originals) and judges every occurrence of a spun form by its neighbours:

* ``phrase`` entries are strings that are not idiomatic at all (之一步, 或是说, 留意事项) and
  are flagged unless a listed context makes them legitimate;
* ``word`` entries are real words; the check scores the occurrence as
  ``prior + log P(left | original)/P(left | spun) + log P(right | original)/P(right | spun)``
  with word-bigram counts from public-domain law texts
  (``collocations.json.gz``, ``scripts/build_spun_collocations.py``).  A neighbour that is
  far more frequent with the original word (分析 after 进行, 措施 after 采取) pushes the score
  up; one that belongs to the spun word (制度 after 实行, 意见 after 采纳) pulls it down.

A document with several spun collocations also gets one ``spun-text/score`` (info) finding
whose data carries the share of spun words, so bulk audits can rank articles.
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from operator import attrgetter

from linter import ngrams
from linter.check import Check, Example, Fix, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_json, load_toml
from linter.text import HAN_RE, is_han
from linter.spun_synonyms import check_findings as frame_findings  # spun-text/frame


@lru_cache(maxsize=1)
def _table():
    pairs = load_toml("spun_text/pairs.toml")["pair"]
    entries = {}
    for p in pairs:
        entries[p["spun"]] = {
            "spun": p["spun"],
            "orig": list(p["orig"]),
            "kind": p.get("kind", "word"),
            "prior": float(p.get("prior", 0.0)),
            "keep_left": frozenset(p.get("keep_left", ())),
            "keep_right": frozenset(p.get("keep_right", ())),
            "keep_right_pos": tuple(p.get("keep_right_pos", ())),
            "formal": bool(p.get("formal", False)),
            "left_weight": float(p.get("left_weight", 1.0)),
        }
    scoring = load_toml("spun_text/pairs.toml").get("scoring", {})
    colloc = load_json("spun_text/collocations.json.gz")["words"]
    return entries, colloc, PhraseMatcher({k: k for k in entries}), scoring


def _pos_or_unknown(word: str) -> str:
    """jieba's POS tag of ``word``, "?" for a Han word too rare for the tag table (变现)."""
    return ngrams.word_pos(word) or ("?" if HAN_RE.search(word) else "")


LLR_CAP = 4.0  # the most one neighbour's log-ratio may say ...
LLR_PER_SIGHTING = 2.0  # ... and at most this × log(1 + the larger count)
MU = 50.0  # Dirichlet smoothing mass (in tokens) given to the neighbour's background probability


def _llr(colloc, spun: str, orig: str, side: str, token: str) -> tuple[float, int, int]:
    """log P(token on ``side`` | orig) / P(token on ``side`` | spun), and the two raw counts.

    Both conditionals are Dirichlet-smoothed towards the neighbour's background probability
    (its word frequency), so a rare spun word is not credited with every unseen context."""
    o, w = colloc.get(orig), colloc.get(spun)
    if not o or not w or not token or w["n"] < 5 or o["n"] < 5:
        return 0.0, 0, 0  # a word the corpus hardly knows says nothing about its neighbours
    co, cw = o[side].get(token, 0), w[side].get(token, 0)
    if co == 0 and cw == 0:
        return 0.0, 0, 0
    bg = max(ngrams.word_freq(token), 1) / _lex_total()
    p_o = (co + MU * bg) / (o["n"] + MU)
    p_w = (cw + MU * bg) / (w["n"] + MU)
    # a ratio resting on one or two sightings is capped lower: 一些基点 once and 若干基点 never in a
    # small corpus is no proof that 若干基点 is a spinner's (it is the official phrasing)
    cap = min(LLR_CAP, LLR_PER_SIGHTING * math.log1p(max(co, cw)))
    return max(-cap, min(cap, math.log(p_o / p_w))), co, cw


@lru_cache(maxsize=1)
def _lex_total() -> float:
    return float(max(ngrams.lexicon().total, 1))


class SpunText(Check):
    id = "spun-text"
    summary = "伪原创同义词替换留下的不搭配用词"
    summary_en = "Words left by synonym-spinning (伪原创) that break their collocation"
    rationale = (
        "伪原创工具按同义词表机械替换词语，留下“实行分析”“选用措施”“应对逾期疑惑”“之一步”之类不合搭配的词。"
        "这类文字读起来别扭、含义走样，也说明文章是洗稿所得。检查按反向同义词表找出可疑词，"
        "并用语料中的词语搭配频率比较替换前后哪一个更自然。"
    )
    rationale_en = (
        "Spinning tools swap words through a synonym table and leave collocations no writer would use "
        "(实行分析, 选用措施, 应对逾期疑惑, 之一步). The text reads wrong, shifts meaning and marks the article "
        "as a rewrite of someone else's. The check looks the candidates up in a reverse synonym table and compares "
        "corpus collocation counts of the spun word and its likely original."
    )
    examples = (
        Example(bad="本文将从多个角度实行分析", good="本文将从多个角度进行分析"),
        Example(bad="贷款机构有权选用合法措施", good="贷款机构有权采取合法措施"),
        Example(bad="之一步就是尽快与银行联系", good="第一步就是尽快与银行联系"),
        Example(bad="在应对逾期疑惑时", good="在应对逾期问题时"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("score", "frame")
    options = {
        "threshold": Option(0.0, "minimum log-odds score for a spun word to be reported"),
        "score-min-count": Option(3, "spun collocations needed before the document-level spun-text/score is reported"),
        "frames": Option(False, "also report synonym swaps outside the table (spun-text/frame: 词林 synonyms judged "
                                "by corpus collocations); off by default: on held-out articles it has found none yet"),
    }
    messages = {
        "phrase": {
            "zh": "“{spun}”疑似伪原创替换，不是通顺的说法，应改为“{orig}”",
            "en": "“{spun}” looks like a synonym-spinning artefact and is not idiomatic; write “{orig}”",
        },
        "word": {
            "zh": "“{spun}”疑似伪原创替换，应改为“{orig}”（{evidence}）",
            "en": "“{spun}” looks like a synonym-spinning substitution; write “{orig}” ({evidence_en})",
        },
        "register": {
            "zh": "“{spun}”是口语词，不宜用于正式的理财说明文字，应改为“{orig}”",
            "en": "“{spun}” is colloquial and out of place in formal finance writing; write “{orig}”",
        },
        "score": {
            "zh": "全文疑似伪原创：{count} 处同义词替换痕迹（约占词语的 {share:.1%}），建议整篇重写",
            "en": "the article looks spun: {count} synonym-substitution artefacts (about {share:.1%} of its words); rewrite it",
        },
    }

    def run(self, doc):
        text = doc.text
        if not text or not HAN_RE.search(text):
            return
        entries, colloc, matcher, scoring = _table()
        self._uninformative = frozenset(scoring.get("uninformative", ()))
        self._strong_evidence = float(scoring.get("strong_evidence", 1.0))
        min_strong = int(scoring.get("min_strong", 2))
        self._quote_marks = None
        tokens = doc.tokens  # all tokens; blank ones (spaces) are skipped when looking for neighbours
        if not tokens:
            return
        # token-aligned matches, leftmost-longest: a match must start where a non-blank token starts and
        # end where one ends (looked up by bisection: no per-token index of the whole document)
        best: dict[int, tuple[int, str]] = {}
        aligned = self._aligned
        for ms, me, term in matcher.spans(text):
            if aligned(doc, ms, me) is not None:
                cur = best.get(ms)
                if cur is None or me > cur[0]:
                    best[ms] = (me, term)
        findings = []
        last_end = -1
        threshold = float(self.opts["threshold"])
        for s in sorted(best):
            e, term = best[s]
            if s < last_end:
                continue
            entry = entries[term]
            i, j = self._aligned(doc, s, e)
            k = self._neighbour_index(tokens, i, -1)
            left = tokens[k].text if k >= 0 else ""
            right = self._neighbour(tokens, j, 1)
            side = "L"
            if right in entry["keep_right"]:
                continue
            if left in entry["keep_left"]:
                # a 的 before the word says nothing of its own; the word it links does (征信的作用 is
                # 征信的影响 spun, 保险的作用 is the writer's): judged by that word where the corpus knows it
                k2 = self._neighbour_index(tokens, k, -1) if left == "的" else -1
                left = tokens[k2].text if k2 >= 0 else ""
                if not left or _llr(colloc, entry["spun"], entry["orig"][0], "L2", left)[0] <= 0:
                    continue
                side = "L2"
            if entry["keep_right_pos"] and right and _pos_or_unknown(right).startswith(entry["keep_right_pos"]):
                continue  # 处置才能|变现: 才 + 能 before a verb, not the noun 才能
            f = self._judge(doc, entry, colloc, s, e, left, right, threshold, side)
            if f is not None:
                findings.append(f)
                last_end = e
        # spinners rewrite whole articles, not one word: unless the document shows `min_strong` sure
        # artefacts (never-idiomatic phrases such as 之一步, or overwhelming collocations such as 实行分析),
        # a real word in an unusual collocation (投资表现, 不需要预约) is more likely the writer's choice
        lone = float(scoring.get("lone_score", 3.0))

        def sure(f) -> bool:
            return f.data.get("tier") == "strong" and ("score" not in f.data or f.data["score"] >= lone)
        if sum(1 for f in findings if sure(f)) < min_strong:
            findings = [f for f in findings if f.data.get("tier") not in ("strong", "weak") or sure(f)]
        for f in findings:
            f.data.pop("tier", None)
        if self.opts["frames"]:  # synonym swaps outside the table (linter/spun_synonyms.py); opt-in
            findings += frame_findings(self, doc, findings)
        yield from findings
        if findings and len(findings) >= int(self.opts["score-min-count"]):
            n_words = len(list(filter(HAN_RE.search, map(attrgetter("text"), tokens))))  # tokens with Han
        else:
            n_words = 0
        if findings and len(findings) >= int(self.opts["score-min-count"]) and n_words:
            share = len(findings) / n_words
            # A document-level marker at offset 0: it must not span the text, or it would
            # "cover" every spun word and pass for a finding on each of them.
            yield self.finding("score", 0, 0, sub="score", severity="info", confidence=None,
                               data={"count": len(findings), "words": n_words, "share": round(share, 4),
                                     "per_1000_chars": round(1000 * len(findings) / max(1, len(text)), 3)},
                               count=len(findings), share=share)

    @staticmethod
    def _aligned(doc, s: int, e: int) -> tuple[int, int] | None:
        """Indexes of the non-blank tokens starting at ``s`` and ending at ``e``, or None."""
        tokens = doc.tokens
        i = doc.token_at(s)
        if tokens[i].start != s or not tokens[i].text.strip():
            return None
        j = doc.token_at(e - 1) if e > s else i
        if tokens[j].end != e or not tokens[j].text.strip():
            return None
        return i, j

    @staticmethod
    def _neighbour_index(tokens, k: int, step: int) -> int:
        """Index of the nearest non-blank token before (step -1) or after (step 1) token ``k``; -1 if none."""
        k += step
        while 0 <= k < len(tokens):
            if tokens[k].text.strip():
                return k
            k += step
        return -1

    @classmethod
    def _neighbour(cls, tokens, k: int, step: int) -> str:
        """Text of the nearest non-blank token before (step -1) or after (step 1) token ``k``."""
        k = cls._neighbour_index(tokens, k, step)
        return tokens[k].text if k >= 0 else ""

    def _judge(self, doc, entry, colloc, s, e, left, right, threshold, side="L"):
        """The finding for the spun candidate [s, e), or None; ``left`` is the neighbour on ``side``
        (``L``: the token before; ``L2``: the word before the 的 before it)."""
        orig = entry["orig"][0]
        if entry["kind"] == "phrase":
            if entry["formal"]:
                if self._quoted(doc.text, s):
                    return None
                return self.finding("register", s, e, fix=Fix(s, e, orig), confidence=0.8,
                                    data={"tier": "register"}, spun=entry["spun"], orig=orig)
            return self.finding("phrase", s, e, fix=Fix(s, e, orig), confidence=0.9,
                                data={"tier": "strong"}, spun=entry["spun"], orig=orig)
        spun = entry["spun"]
        best = None
        if not self._informative(left):
            left = ""
        if not self._informative(right):
            right = ""
        for o in entry["orig"]:
            l_llr, l_o, l_w = _llr(colloc, spun, o, side, left)
            l_llr *= entry["left_weight"]
            r_llr, r_o, r_w = _llr(colloc, spun, o, "R", right)
            score = entry["prior"] + l_llr + r_llr
            if best is None or score > best[0]:
                best = (score, o, (l_llr, l_o, l_w), (r_llr, r_o, r_w))
        score, o, lft, rgt = best
        if score < threshold:
            return None
        # evidence: the neighbour that speaks loudest
        if rgt[0] >= lft[0] and (rgt[1] or rgt[2]):
            ev = f"语料中“{o}{right}”{rgt[1]} 次，“{spun}{right}”{rgt[2]} 次"
            ev_en = f"corpus: {o}+{right} ×{rgt[1]}, {spun}+{right} ×{rgt[2]}"
        elif lft[1] or lft[2]:
            link = "的" if side == "L2" else ""
            ev = f"语料中“{left}{link}{o}”{lft[1]} 次，“{left}{link}{spun}”{lft[2]} 次"
            ev_en = f"corpus: {left}+{link}{o} ×{lft[1]}, {left}+{link}{spun} ×{lft[2]}"
        else:
            ev = f"本文已有多处替换痕迹，此处“{spun}”多半是“{o}”的替换"
            ev_en = f"the article shows other substitutions; here “{spun}” most likely replaced “{o}”"
        conf = 1 / (1 + math.exp(-score))
        tier = "strong" if lft[0] + rgt[0] >= self._strong_evidence else "weak"
        return self.finding("word", s, e, fix=Fix(s, e, o), confidence=round(conf, 3),
                            data={"score": round(score, 3), "tier": tier}, spun=spun, orig=o,
                            evidence=ev, evidence_en=ev_en)

    def _informative(self, token: str) -> bool:
        return bool(token) and token not in self._uninformative and any(is_han(c) for c in token)

    def _quoted(self, text: str, pos: int) -> bool:
        """Inside “…” on its line (reported speech may be colloquial).  The quote marks of the document
        are indexed once, so each question costs two bisections, not a scan of the line."""
        if self._quote_marks is None:
            self._quote_marks = tuple([m.start() for m in re.finditer(c, text)] for c in ("“", "”", "\n"))
        opens, closes, newlines = self._quote_marks
        k = bisect.bisect_left(newlines, pos)  # newlines before pos
        line_start = newlines[k - 1] + 1 if k else 0
        n_open = bisect.bisect_left(opens, pos) - bisect.bisect_left(opens, line_start)
        n_close = bisect.bisect_left(closes, pos) - bisect.bisect_left(closes, line_start)
        return n_open > n_close
