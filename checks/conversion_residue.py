"""conversion-residue: broken simplified↔traditional conversion.

Pages run through a converter (or stitched from simplified and traditional
sources) keep pinyin annotations (系(xì)统), simplified characters inside
traditional text and the reverse, and wrong one-to-many conversions (若幹 for
若干, 妳 for 你, 壹 for 一 outside amounts).  The script tables are OpenCC's
(the dictionaries shipped by opencc-python-reimplemented); nothing is listed
by hand except the few variants those tables treat as valid.
"""
from __future__ import annotations

import re
from functools import lru_cache

from linter.check import Check, Example, Fix, Option
from linter.residue import markdown_code
from linter.resources import load_toml
from linter.script import CharClass, _converter, _tables

DATA = "conversion_residue.toml"

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PY_CHARS = "a-zü" + TONED
PINYIN_RE = re.compile(
    # the bracket first and the Han character before it by a lookbehind: the pattern starts with a
    # character class, so sre skips to the brackets by itself (same matches as a leading lookbehind)
    rf"[(（](?<=[\u4e00-\u9fff][(（])[ \t]?([{PY_CHARS}]{{1,7}}[1-5]?(?:[ \t'’-]{{1,2}}[{PY_CHARS}]{{1,7}}[1-5]?){{0,5}})[ \t]?[)）]"
)
TONE_DIGIT_RE = re.compile(r"[a-zü]{1,6}[1-5]")


@lru_cache(maxsize=1)
def _data():
    return load_toml(DATA)


@lru_cache(maxsize=1)
def _variant_cls() -> "CharClass":
    d = _data()
    return CharClass(set(d["misconversions"]) | set(d["financial_numerals"]))


class ConversionResidue(Check):
    id = "conversion-residue"
    summary = "简繁转换残留：拼音注音、简繁混杂、一对多错转"
    summary_en = "Simplified/traditional conversion residue: pinyin notes, mixed scripts, wrong one-to-many conversions"
    rationale = ("经过简繁转换或由简繁两种来源拼接的页面，常残留拼音注音（系(xì)统）、繁体页面中夹杂简体字或反之"
                 "（繁体页面里的“怎么”），以及一对多转换的错字（若幹、妳、非金额处的壹）。读者会认为内容粗制滥造。"
                 "简繁判断依据 OpenCC 的字表，正确转换的繁体页面不报。")
    rationale_en = ("Pages that went through a script converter, or were stitched from simplified and traditional sources, "
                    "keep pinyin annotations, simplified characters inside traditional text and the reverse, and wrong "
                    "one-to-many conversions (若幹 for 若干, 妳 for 你, 壹 for 一 outside amounts).  Script classes come "
                    "from OpenCC's tables; correctly converted traditional pages stay silent.")
    examples = (
        Example(bad="征信系(xì)统会记录逾期", good="征信系统会记录逾期"),
        Example(bad="信用卡逾期怎么辦？銀行會如何處理", good="信用卡逾期怎麼辦？銀行會如何處理"),
        Example(bad="若幹年後仍會保留記錄", good="若干年後仍會保留記錄"),
        Example(bad="逾期壹个月会怎样", good="逾期一个月会怎样"),
    )
    default_severity = "warning"
    sub_rules = ("pinyin", "mixed-script", "wrong-variant")
    options = {
        "min-script-chars": Option(8, "fewest script-specific characters before the page's script is decided"),
    }
    messages = {
        "pinyin": {"zh": "汉字后残留拼音注音“{note}”，请删除",
                   "en": "a pinyin annotation “{note}” is left after the characters; remove it"},
        "minority": {"zh": "{script}页面中夹杂{other}字“{word}”，应为“{good}”",
                     "en": "{other_en} characters “{word}” inside a {script_en} page; write “{good}”"},
        "mixed": {"zh": "页面简繁混杂（{other}字约占 {share}），请统一转换为一种字形",
                  "en": "the page mixes scripts ({other_en} characters are about {share}); convert it to one script"},
        "wrong-variant": {"zh": "“{word}”是错误的一对多转换，应为“{good}”",
                          "en": "“{word}” is a wrong one-to-many conversion; write “{good}”"},
        "numeral": {"zh": "非金额处使用了大写数字“{word}”，应为“{good}”",
                    "en": "the financial numeral “{word}” is used outside an amount; write “{good}”"},
    }

    def run(self, doc):
        text = doc.text
        if not text:
            return
        code = markdown_code(doc)
        tb = _tables()
        n_s = tb["s_cls"].count(text)  # s_only and t_only are disjoint
        n_t = tb["t_cls"].count(text)
        total = n_s + n_t
        script = None
        share = 0.0
        if total >= int(self.opts["min-script-chars"]):
            script = "traditional" if n_t > n_s else "simplified"
            share = min(n_s, n_t) / total
        info = {"script": script or "unknown", "script_chars": total, "simplified_chars": n_s,
                "traditional_chars": n_t, "mixed_share": round(share, 4)}
        yield from self._pinyin(text, code, info)
        if script and share > 0:
            if share > float(_data()["max_minority_share"]):
                yield from self._mixed(doc, script, share, info)
            else:
                yield from self._minority(doc, script, info, code)
        yield from self._variants(doc, script, info, code)
        if script == "traditional":
            yield from self._wrong_variants(doc, info, code)

    # -- pinyin ----------------------------------------------------------------
    def _pinyin(self, text, code, info):
        for m in PINYIN_RE.finditer(text):
            note = m.group(1)
            if not (any(ch in TONED for ch in note) or TONE_DIGIT_RE.search(note)):
                continue
            if code and code.overlaps(m.start(), m.end()):
                continue
            yield self.finding("pinyin", m.start(), m.end(), sub="pinyin", fix=Fix(m.start(), m.end(), ""),
                               confidence=0.95, data=dict(info), note=m.group())

    # -- scripts -----------------------------------------------------------------
    @staticmethod
    def _names(script):
        other = "simplified" if script == "traditional" else "traditional"
        zh = {"simplified": "简体", "traditional": "繁体"}
        return {"script": zh[script], "other": zh[other], "script_en": script, "other_en": other}

    def _config(self, doc, script):
        if script == "simplified":
            return "t2s"
        tb = _tables()
        tw = tb["tw_vals_cls"].count(doc.text)
        std = tb["tw_keys_cls"].count(doc.text)
        return "s2tw" if tw > std else "s2t"

    def _minority_spans(self, doc, script):
        """Token runs holding characters of the other script."""
        tb = _tables()
        bad = tb["s_cls"] if script == "traditional" else tb["t_cls"]
        text = doc.text
        tokens = doc.tokens
        runs: list[list[int]] = []
        last_k = -1
        # the tokens holding a character of the other script, found from the characters (by bisection)
        # rather than by testing every character of every token
        for pos in bad.positions(text):
            k = doc.token_at(pos)
            if k == last_k or not tokens:
                continue
            last_k = k
            tok = tokens[k]
            if runs and runs[-1][1] == tok.start:
                runs[-1][1] = tok.end
            else:
                runs.append([tok.start, tok.end])
        # trim each run to the characters that need changing (keep whole words around them)
        return [(s, e) for s, e in runs if text[s:e].strip()]

    def _minority(self, doc, script, info, code):
        conv = _converter(self._config(doc, script))
        names = self._names(script)
        for s, e in self._minority_spans(doc, script):
            if code and code.overlaps(s, e):
                continue
            word = doc.text[s:e]
            fixed = conv.convert(word)
            if fixed == word or len(fixed) != len(word):
                continue
            yield self.finding("minority", s, e, sub="mixed-script", fix=Fix(s, e, fixed), confidence=0.85,
                               data=dict(info), word=word, good=fixed, **names)

    def _mixed(self, doc, script, share, info):
        spans = self._minority_spans(doc, script)
        if not spans:
            return
        s, e = spans[0]
        names = self._names(script)
        yield self.finding("mixed", s, e, sub="mixed-script", fix=None, confidence=0.7, data=dict(info),
                           share=f"{share:.0%}", other=names["other"], other_en=names["other_en"])

    # -- variants and numerals -----------------------------------------------------
    def _variants(self, doc, script, info, code):
        d = _data()
        text = doc.text
        mis = d["misconversions"]
        nums = d["financial_numerals"]
        amount = set(d["amount_chars"])
        names = d["numeral_names"]
        for i in _variant_cls().positions(text):  # only characters in mis or nums
            ch = text[i]
            if ch in mis:
                if code and code.overlaps(i, i + 1):
                    continue
                yield self.finding("wrong-variant", i, i + 1, sub="wrong-variant", fix=Fix(i, i + 1, mis[ch]),
                                   confidence=0.85, data=dict(info), word=ch, good=mis[ch])
            elif ch in nums:
                prev = text[i - 1] if i else ""
                nxt = text[i + 1] if i + 1 < len(text) else ""
                if prev in amount or nxt in amount:
                    continue
                window = text[max(0, i - 3):i + 4]
                if any(n in window and _covers(text, i, n) for n in names):
                    continue
                if code and code.overlaps(i, i + 1):
                    continue
                yield self.finding("numeral", i, i + 1, sub="wrong-variant", fix=Fix(i, i + 1, nums[ch]),
                                   confidence=0.8, data=dict(info), word=ch, good=nums[ch])

    def _wrong_variants(self, doc, info, code):
        """Traditional pages: a character that OpenCC's phrase table converts differently
        in this context (若幹 → 若干, 頭發 → 頭髮)."""
        tb = _tables()
        amb, ts, st, to_std = tb["ambiguous"], tb["ts"], tb["st"], tb["to_std"]
        t2s, s2t = _converter("t2s"), _converter("s2t")
        config = self._config(doc, "traditional")
        regional = _converter("t2tw") if config == "s2tw" else None
        for sent in doc.sentences:
            st_text = sent.text
            if not tb["amb_cls"].search(st_text):
                continue
            std = "".join(to_std.get(ch, ch) for ch in st_text)
            simp_text = t2s.convert(std)
            back = s2t.convert(simp_text)
            if len(back) != len(std) or len(simp_text) != len(std) or back == std:
                continue
            for k, (c, e) in enumerate(zip(std, back)):
                if c == e or c not in amb:
                    continue
                simp = ts.get(c, [c])[0]
                cands = st.get(simp, [])
                if c not in cands or e != simp:
                    # only over-conversion is trusted: the phrase keeps the plain form (若干),
                    # the page has a "more traditional" one (若幹)
                    continue
                # every phrase-table entry covering this character must prescribe the plain form
                prescribed = {tb["phrases"][key][k - a]
                              for n in (2, 3, 4) for a in range(max(0, k - n + 1), k + 1)
                              if (key := simp_text[a:a + n]) in tb["phrases"] and len(key) == n}
                if prescribed != {e}:
                    continue
                pos = sent.start + k
                if code and code.overlaps(pos, pos + 1):
                    continue
                word_s = max(sent.start, pos - 1)
                word = doc.text[word_s:pos + 2]
                fixed_char = regional.convert(e) if regional else e
                if fixed_char == doc.text[pos]:
                    continue
                yield self.finding("wrong-variant", pos, pos + 1, sub="wrong-variant",
                                   fix=Fix(pos, pos + 1, fixed_char), confidence=0.8, data=dict(info),
                                   word=word, good=word.replace(doc.text[pos], fixed_char, 1))


def _covers(text: str, i: int, name: str) -> bool:
    lo = max(0, i - len(name) + 1)
    j = text.find(name, lo, i + len(name))
    return j != -1 and j <= i < j + len(name)
