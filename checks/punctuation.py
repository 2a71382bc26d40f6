"""punctuation: half-width marks, stray spaces, doubled marks, unbalanced pairs and
comma-less clauses in Chinese text.

Conventions follow 中文文案排版指北 / autocorrect / zhlint: Chinese text takes full-width
， ？ ： ； ！ （ ） and …… ; no spaces between Chinese characters or around full-width
marks; ASCII punctuation inside Latin text, numbers (1,000  3.5), times (16:58), URLs,
e-mail addresses, HTML entities and code is left alone.

Everything here is one linear pass per line; the lexicons live in
``linter/data/punctuation.toml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from linter.check import Check, Example, Fix, Option
from linter.resources import load_toml
from linter.text import HAN_RANGES, HAN_RE, han_count, is_han

# Regions where ASCII punctuation is never Chinese punctuation.  Every pattern is a
# single bounded character class run: no nested quantifiers, no backtracking blow-up.
_PROTECT_RE = re.compile(
    r"(?:https?|ftp)://[^\s<>\"'，。；！？、（）《》“”]{1,2000}"     # URLs
    r"|www\.[A-Za-z0-9.-]{1,253}[^\s<>\"'，。；！？、（）《》“”]{0,2000}"
    r"|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}"   # e-mail
    r"|&#?[A-Za-z0-9]{1,10};"                                          # HTML entities
    r"|`[^`\n]{1,500}`"                                                # inline code
    r"|\]\([^)\s]{1,2000}\)"                                           # Markdown link target
    r"|(?<=[“‘「『])[^“”‘’「」『』\n\u3400-\u9fff]{1,80}(?=[”’」』])"      # quoted non-Chinese literal (“#NUM!”)
)
# The same pattern behind a guard on the characters its alternatives can start with (h f w, the e-mail
# class, & ` ]) or the quote mark before the quoted literal: sre no longer tries all seven alternatives
# at every position of a Chinese text (same matches; ~20 % faster whole-text scan).
_PROTECT_SCAN_RE = re.compile(r"(?:(?=[hfwA-Za-z0-9._%+\-&`\]])|(?<=[“‘「『]))(?:" + _PROTECT_RE.pattern + ")")
_LIST_MARK_RE = re.compile(r"[ \t\u3000]{0,8}(?:\d{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})[)）]")
_SENTENCE_MARKS = set("，。、；！？,;!?")

# Candidate finders: each loop below jumps from one candidate to the next with a C-level
# regex search instead of testing every character in Python (same decisions, ~3x faster).
_MARK_START_RE = re.compile(r"[,?:;!]|\.\.\.")         # where a half-width mark item starts
# a half-width mark item: one of , ? : ; ! or a run of 3-12 dots (a longer run starts a new item)
_MARK_ITEM_RE = re.compile(r"[,?:;!]|\.{3,12}")
_MARK_RUN_RE = re.compile(r"(?:[,?:;!]|\.{3,12})+")    # a maximal run of items (greedy, as the scan was)
_ANY_ASCII_MARK_RE = re.compile(r"[,?:;!()\"]|\.\.\.")   # a line without one has no half-width mark to report
_BRACKET_RE = re.compile(r"[()]")
_QUOTE_RE = re.compile('"')
_QUOTE_MAX = 60  # longest quotation between ASCII double quotes taken for Chinese
_CODE_NEIGHBOURS = frozenset(",()=[]{}")  # ASCII marks on both sides of a quotation: code, not prose
_SENTENCE_MARK_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_MARKS))) + "]")


@lru_cache(maxsize=8)
def _clause_min_re(breaks: str, n: int) -> re.Pattern:
    """Maximal runs of ≥ n characters that are not clause breaks or newlines."""
    body = "".join(re.escape(c) for c in sorted(set(breaks)))
    return re.compile(f"(?<![^{body}])[^{body}]{{{max(1, n)},}}")


def _class_re(chars: str, negate: bool = False, plus: bool = True) -> re.Pattern:
    body = "".join(re.escape(c) for c in sorted(set(chars)))
    return re.compile(("[^" if negate else "[") + body + "]" + ("+" if plus else ""))


# a line-initial news dateline or label set off by one ideographic space (本报讯　近日……, 新华社北京5月1日电　)
_DATELINE_MAX = 16


def _is_code_call(s: str, o: int, c: int) -> bool:
    """``name(args)``: an identifier glued to "(" and a bracket content with no Chinese outside string
    literals that is empty or looks like an argument list or an expression (a comma, an operator)."""
    if not (s[o - 1].isascii() and (s[o - 1].isalnum() or s[o - 1] == "_")):
        return False
    inner = s[o + 1:c]
    if '"' not in inner and any(is_han(ch) for ch in inner):
        return False  # (Chinese only inside string literals is still code: IF(A1>0,"是","否"))
    return not inner or any(ch in ",/*+=<>\"'" for ch in inner)


@lru_cache(maxsize=1)
def _data() -> dict:
    d = load_toml("punctuation.toml")
    m = d["marks"]
    mc = d["missing_comma"]
    return {
        "half": set(m["half_width"]),
        "cjk": set(m["cjk"]),
        "repeatable": set(m["repeatable"]),
        "allowed_pairs": set(m["allowed_pairs"]),
        "spaces": set(m["spaces"]),
        "breaks": set(m["clause_breaks"]),
        "pairs": dict(d["pairs"]),
        "comma_after": tuple(sorted(mc["comma_after"], key=len, reverse=True)),
        "openers": {k: frozenset(v) for k, v in mc["openers"].items()},
        "closers": frozenset(mc["generic"]["closers"]),
        "min_main": int(mc["generic"]["min_main"]),
        "strict_openers": frozenset(mc["generic"]["strict_openers"]),
        "clause_starts": frozenset(mc["rest"]["clause_starts"]),
        "not_after_closer": frozenset(mc["rest"]["not_after_closer"]),
        # compiled from the same data: runs of spaces / repeatable marks, pair marks, clause runs
        "space_run_re": _class_re(m["spaces"]),
        "repeat_run_re": re.compile(_class_re(m["repeatable"], plus=False).pattern + "{2,}"),  # runs of 2+
        "pair_re": _class_re("".join(d["pairs"]) + "".join(d["pairs"].values()), plus=False),
        "clause_re": _class_re(m["clause_breaks"] + "\r\n", negate=True),
        # ... of at least N characters: the lookbehind pins each try to the start of a run (linear)
        "clause_min_re": lambda n, _b=m["clause_breaks"] + "\r\n": _clause_min_re(_b, n),
        "closing": {v: k for k, v in d["pairs"].items()},
        # the nearest character before / after a position, past at most 3 spaces, is Chinese (Han or a CJK mark)
        "cjk_before_re": re.compile(f"[{HAN_RANGES}{_esc(m['cjk'])}]{_spaces_upto3(m['spaces'])}\\Z"),
        "cjk_after_re": re.compile(f"{_spaces_upto3(m['spaces'])}[{HAN_RANGES}{_esc(m['cjk'])}]"),
    }


def _esc(chars: str) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


def _spaces_upto3(spaces: str) -> str:
    return f"[{_esc(spaces)}]{{0,3}}" if spaces else ""


FULL = {",": "，", "?": "？", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}


def _is_cjk(ch: str, cjk: set) -> bool:
    return bool(ch) and (is_han(ch) or ch in cjk)


class Punctuation(Check):
    id = "punctuation"
    summary = "中文标点问题：半角标点、多余空格、重复标点、括号引号不成对、长句缺逗号"
    summary_en = "Chinese punctuation: half-width marks, stray spaces, doubled marks, unbalanced pairs, comma-less clauses"
    rationale = (
        "采集与伪原创流程会把全角标点转成半角（NFKC）、在中文之间留下空格、删掉逗号；"
        "这些痕迹让文章显得粗糙、不专业，也暴露了内容来源。中文排版规范（中文文案排版指北）要求中文语境使用全角标点，"
        "中文字符之间不加空格。"
    )
    rationale_en = (
        "Scraping and spinning pipelines turn full-width marks into ASCII (NFKC), leave spaces between "
        "Chinese characters and drop commas; the result reads as sloppy and betrays its origin. Chinese "
        "typesetting conventions require full-width punctuation in Chinese text and no spaces between Chinese characters."
    )
    examples = (
        Example(bad="逾期后,银行会先电话提醒吗?", good="逾期后，银行会先电话提醒吗？"),
        Example(bad="由此可见, 银行贷款逾期", good="由此可见，银行贷款逾期"),
        Example(bad="借款人应当按时还款。。", good="借款人应当按时还款。"),
        Example(bad="一般而言逾期金额越大银行越倾向于采取更为严格的措施", good="一般而言，逾期金额越大银行越倾向于采取更为严格的措施"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("half-width", "stray-space", "repeated", "unbalanced", "missing-comma")
    options = {
        "max-run": Option(60, "longest run of Chinese characters without any punctuation before missing-comma fires"),
        "min-clause": Option(22, "shortest comma-less clause (in Chinese characters) flagged when it opens with a subordinate clause"),
        "check-spaces": Option(True, "report spaces between Chinese characters (punctuation/stray-space)"),
    }
    messages = {
        "half-width": {
            "zh": "中文语境中使用了半角标点（{marks}），应改为全角标点",
            "en": "half-width punctuation ({marks}) in Chinese text; use full-width marks",
        },
        "stray-space": {
            "zh": "中文字符或标点之间有多余的空格，应删除",
            "en": "stray space between Chinese characters or marks; delete it",
        },
        "repeated": {
            "zh": "标点“{run}”重复使用，应只保留一个“{keep}”",
            "en": "punctuation “{run}” is repeated; keep a single “{keep}”",
        },
        "repeated-mixed": {
            "zh": "标点“{run}”连用，应只保留一个合适的标点",
            "en": "marks “{run}” are stacked; keep the one that fits",
        },
        "unbalanced-open": {
            "zh": "“{mark}”没有对应的“{other}”，请补全或删除",
            "en": "“{mark}” has no matching “{other}”; add the partner or delete it",
        },
        "unbalanced-close": {
            "zh": "“{mark}”前面没有对应的“{other}”，请补全或删除",
            "en": "“{mark}” has no matching “{other}” before it; add the partner or delete it",
        },
        "missing-comma": {
            "zh": "长句（{n} 个汉字）中间没有任何逗号，读起来吃力，应在“{at}”后加逗号",
            "en": "a {n}-character clause has no comma at all; add one after “{at}”",
        },
        "missing-comma-nofix": {
            "zh": "长句（{n} 个汉字）中间没有任何标点，可能是逗号被删除，请按语义断句",
            "en": "a {n}-character run has no punctuation at all (commas probably dropped); split it where the clauses end",
        },
    }

    # ------------------------------------------------------------------ run
    def run(self, doc):
        text = doc.text
        if not text:
            return
        data = _data()
        protected = self._protected(text)
        in_fence = False
        lines = doc.lines
        fences = "```" in text or "~~~" in text  # else no line can open or close a fence
        check_spaces = self.opts["check-spaces"]
        han, any_mark = HAN_RE.search, _ANY_ASCII_MARK_RE.search
        space_run, repeat_run, pair = data["space_run_re"].search, data["repeat_run_re"].search, data["pair_re"].search
        for idx, line in enumerate(lines):
            t = line.text
            if fences:
                stripped = t.lstrip()
                if stripped.startswith("```") or stripped.startswith("~~~"):
                    in_fence = not in_fence
                    continue
            if in_fence or not t:
                continue
            if not han(t):
                continue
            # each pass runs only when the line holds a character it needs (same findings, less work)
            if any_mark(t):
                chinese_marks = self._chinese_marks(line, protected, data)
                if chinese_marks:
                    yield from self._half_width(line, chinese_marks)
            else:
                chinese_marks = {}
            if check_spaces and space_run(t):
                yield from self._stray_spaces(line, protected, chinese_marks, data)
            if repeat_run(t):
                yield from self._repeated(line, protected, data)
            if pair(t):
                yield from self._unbalanced(line, protected, data, lines, idx)
        yield from self._missing_comma(doc, protected, data)

    # -------------------------------------------------------------- helpers
    @staticmethod
    def _protected(text: str) -> bytearray:
        mask = bytearray(len(text))
        for m in _PROTECT_SCAN_RE.finditer(text):
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        return mask

    @staticmethod
    def _next_nonblank(lines, idx):
        for ln in lines[idx + 1: idx + 4]:
            if ln.text.strip():
                return ln.text.strip()
        return ""

    @staticmethod
    def _neighbour(s: str, i: int, step: int, skip: set) -> str:
        """The nearest character from ``i`` in direction ``step`` that is not in ``skip`` (≤3 spaces skipped)."""
        j = i
        n = len(s)
        for _ in range(4):
            j += step
            if j < 0 or j >= n:
                return ""
            if s[j] not in skip:
                return s[j]
        return ""

    def _chinese_marks(self, line, protected, data) -> dict[int, tuple[int, str]]:
        """ASCII marks that sit in Chinese context: absolute offset → (length, full-width replacement)."""
        s = line.text
        base = line.start
        half, cjk, spaces = data["half"], data["cjk"], data["spaces"]
        out: dict[int, tuple[int, str]] = {}
        n = len(s)

        # 1. runs of ASCII marks (and "..."), decided by their outer neighbours: one regex finds each
        # maximal run of is_mark items, two anchored regexes tell whether the nearest character
        # before/after it (past at most 3 spaces) is Chinese (_neighbour + _is_cjk, without the calls)
        before, after = data["cjk_before_re"].search, data["cjk_after_re"].match
        for m in _MARK_RUN_RE.finditer(s):
            i, j = m.span()
            if protected.find(1, base + i, base + j) >= 0:
                continue
            if not (before(s, max(0, i - 4), i) or after(s, j)):
                continue
            if j - i == 1:  # one mark (the common case)
                ch = s[i]
                if not (ch == ":" and self._time_like(s, i)):
                    out[base + i] = (1, FULL[ch])
                continue
            for im in _MARK_ITEM_RE.finditer(s, i, j):
                k, e = im.span()
                if e - k > 1:
                    out[base + k] = (e - k, "……")
                elif not (s[k] == ":" and self._time_like(s, k)):
                    out[base + k] = (1, FULL[s[k]])
        # 2. ASCII brackets, as pairs
        stack: list[int] = []
        pairs: list[tuple[int, int | None]] = []
        for bm in _BRACKET_RE.finditer(s):
            k, ch = bm.start(), bm.group()
            if protected[base + k]:
                continue
            if ch == "(":
                stack.append(k)
            elif ch == ")":
                if stack:
                    pairs.append((stack.pop(), k))
                else:
                    pairs.append((-1, k))
        pairs.extend((o, None) for o in stack)
        self._quotes(s, base, protected, out)
        if not pairs:
            return out  # steps 2 and 3 only concern brackets
        list_mark = _LIST_MARK_RE.match(s)
        list_end = list_mark.end() - 1 if list_mark else -1
        for o, c in pairs:
            if o < 0 and c == list_end:
                continue  # "1) 保留录音": a list marker, not a bracket
            if o > 0 and c is not None and _is_code_call(s, o, c):
                continue  # "=IPMT(3.5%/12, 1, 360, -1000000)": a formula or function call, not Chinese brackets
            chinese = False
            if o >= 0 and _is_cjk(self._neighbour(s, o, -1, spaces), cjk):
                chinese = True
            if c is not None and _is_cjk(self._neighbour(s, c, 1, spaces), cjk):
                chinese = True
            if o >= 0 and c is not None and any(is_han(x) for x in s[o + 1:c]):
                chinese = True
            if o >= 0 and c is None and _is_cjk(self._neighbour(s, o, 1, spaces), cjk):
                chinese = True
            if o < 0 and c is not None and _is_cjk(self._neighbour(s, c, -1, spaces), cjk):
                chinese = True
            if chinese:
                if o >= 0:
                    out[base + o] = (1, "（")
                if c is not None:
                    out[base + c] = (1, "）")
        # 3. a mark right next to a converted bracket ("元)," "(如:") is Chinese as well
        # (only the neighbours of converted brackets can qualify; step 3 adds no bracket)
        near_brackets = sorted({k + d for o, c in pairs for k in (o, c) if k is not None and k >= 0
                                and base + k in out for d in (-1, 1) if 0 <= k + d < n})
        for k in near_brackets:
            ch = s[k]
            if ch in half and ch not in "()" and base + k not in out and not protected[base + k]:
                near = (k > 0 and s[k - 1] in "()" and base + k - 1 in out) or \
                       (k + 1 < n and s[k + 1] in "()" and base + k + 1 in out)
                if near and not (ch == ":" and self._time_like(s, k)):
                    out[base + k] = (1, FULL[ch])
        return out

    @staticmethod
    def _quotes(s: str, base: int, protected, out: dict[int, tuple[int, str]]) -> None:
        """ASCII double quotes around Chinese words ("高收益、零风险") become “”: taken in pairs along
        the line, only where every quote pairs (an odd count is ambiguous) and the quotation holds Han
        characters; a quotation of Latin text, code or an attribute value keeps its marks."""
        if '"' not in s:
            return
        qs = [m.start() for m in _QUOTE_RE.finditer(s) if not protected[base + m.start()]] if s.count('"') < 64 else []
        if len(qs) % 2:
            return
        for o, c in zip(qs[0::2], qs[1::2]):
            if s[o - 1:o] == "=" or (s[o - 1:o] in _CODE_NEIGHBOURS and s[c + 1:c + 2] in _CODE_NEIGHBOURS):
                continue  # an attribute value (alt="逾期记录") or an argument of a formula: =IF(A1>0,"是","否")
            if 1 <= c - o - 1 <= _QUOTE_MAX and HAN_RE.search(s, o + 1, c):
                out[base + o] = (1, "“")
                out[base + c] = (1, "”")

    @staticmethod
    def _time_like(s: str, k: int) -> bool:
        return 0 < k < len(s) - 1 and s[k - 1].isdigit() and s[k + 1].isdigit()

    # ---------------------------------------------------------- half-width
    def _half_width(self, line, marks: dict[int, tuple[int, str]]) -> Iterator:
        if not marks:
            return
        positions = sorted(marks)
        start = positions[0]
        end = positions[-1] + marks[positions[-1]][0]
        pieces = []
        counts: dict[str, int] = {}
        s, b = line.text, line.start
        k = start
        for p in positions:  # marks never overlap: a run's dot mark ends before the next mark
            if p < k:
                continue
            pieces.append(s[k - b:p - b])
            width, rep = marks[p]
            orig = "..." if width > 1 else s[p - b]
            counts[orig] = counts.get(orig, 0) + 1
            pieces.append(rep)
            k = p + width
        listing = "、".join(f"{m} ×{c}" for m, c in sorted(counts.items(), key=lambda x: -x[1]))
        yield self.finding("half-width", start, end, sub="half-width",
                           fix=Fix(start, end, "".join(pieces)), confidence=0.95,
                           data={"count": sum(counts.values())}, marks=listing)

    # --------------------------------------------------------- stray space
    def _stray_spaces(self, line, protected, marks, data) -> Iterator:
        s = line.text
        base = line.start
        cjk, spaces = data["cjk"], data["spaces"]
        # field lines (breadcrumbs, bylines "头像 张三 2025-04-17") use spaces as separators
        if not _SENTENCE_MARK_RE.search(s):
            return
        n = len(s)
        first_text = len(s) - len(s.lstrip("".join(spaces) + "\t"))
        list_mark = _LIST_MARK_RE.match(s)
        if list_mark:
            first_text = max(first_text, list_mark.end())
        for sm in data["space_run_re"].finditer(s):
            i, j = sm.span()
            dateline = (s[i:j] == "\u3000" and i - first_text <= _DATELINE_MAX
                        and not any(ch in _SENTENCE_MARKS or ch in spaces for ch in s[first_text:i]))
            if i >= first_text and j < n and j - i <= 2 and not protected[base + i] and not dateline:
                prev, nxt = s[i - 1] if i else "", s[j]
                left_ok = _is_cjk(prev, cjk) or (base + i - 1) in marks
                right_ok = _is_cjk(nxt, cjk) or (base + j) in marks
                if left_ok and right_ok and not (prev in "”’》）" and nxt in "“‘《（"):
                    yield self.finding("stray-space", base + i, base + j, sub="stray-space",
                                       fix=Fix(base + i, base + j, ""), confidence=0.85)

    # ------------------------------------------------------------ repeated
    def _repeated(self, line, protected, data) -> Iterator:
        s = line.text
        base = line.start
        rep, cjk = data["repeatable"], data["cjk"]
        n = len(s)
        for rm in data["repeat_run_re"].finditer(s):
            i, j = rm.span()
            run = rm.group()
            if len(run) >= 2 and run not in data["allowed_pairs"] and protected.find(1, base + i, base + j) < 0:
                prev = s[i - 1] if i else ""
                nxt = s[j] if j < n else ""
                ascii_only = all(c in ",;:?!" for c in run)
                if _is_cjk(prev, cjk) or _is_cjk(nxt, cjk) or not ascii_only:
                    if len(set(run)) == 1:
                        keep = FULL.get(run[0], run[0])
                        yield self.finding("repeated", base + i, base + j, sub="repeated",
                                           fix=Fix(base + i, base + j, keep), confidence=0.9,
                                           run=run, keep=keep)
                    elif all(c in "?!？！" for c in run):
                        pass  # emphatic ？！ combinations (longer than a pair) are a style matter
                    else:
                        yield self.finding("repeated-mixed", base + i, base + j, sub="repeated",
                                           confidence=0.7, run=run)

    # ---------------------------------------------------------- unbalanced
    def _unbalanced(self, line, protected, data, lines, idx: int) -> Iterator:
        s = line.text
        base = line.start
        pairs = data["pairs"]
        closing = data["closing"]
        stacks: dict[str, list[int]] = {o: [] for o in pairs}
        list_mark = _LIST_MARK_RE.match(s)
        list_end = list_mark.end() - 1 if list_mark else -1
        problems: list[tuple[int, str, str]] = []
        for pm in data["pair_re"].finditer(s):
            k, ch = pm.start(), pm.group()
            if protected[base + k]:
                continue
            if ch in pairs:
                stacks[ch].append(k)
            elif ch in closing:
                if k == list_end:
                    continue
                o = closing[ch]
                if stacks[o]:
                    stacks[o].pop()  # ASCII brackets pair up wherever they are (code, formulas)
                elif ch != ")" or self._han_near(s, k):
                    problems.append((k, "unbalanced-close", o))
        next_line = None
        for o, st in stacks.items():
            for k in st:
                if o == "“" and next_line is None:
                    next_line = self._next_nonblank(lines, idx)
                if o == "“" and next_line.startswith("“"):
                    continue  # multi-paragraph quotation: only the last paragraph closes
                if o == "(" and not self._han_near(s, k):
                    continue
                problems.append((k, "unbalanced-open", pairs[o]))
        for k, key, other in sorted(problems):
            yield self.finding(key, base + k, base + k + 1, sub="unbalanced", confidence=0.8,
                               mark=s[k], other=other)

    @staticmethod
    def _han_near(s: str, k: int) -> bool:
        lo, hi = max(0, k - 2), min(len(s), k + 3)
        return HAN_RE.search(s, lo, hi) is not None

    # ------------------------------------------------------- missing comma
    def _missing_comma(self, doc, protected, data) -> Iterator:
        text = doc.text
        max_run = int(self.opts["max-run"])
        min_clause = int(self.opts["min-clause"])
        n = len(text)
        # maximal runs without a break or newline, long enough to hold min_clause Han characters
        for cm in data["clause_min_re"](min_clause).finditer(text):
            i, j = cm.span()
            han = han_count(cm.group())
            if han >= min_clause and protected.find(1, i, j) < 0:
                follow = text[j] if j < n else ""
                yield from self._clause(doc, i, j, han, max_run, data, follow in "，,")

    def _clause(self, doc, start: int, end: int, han: int, max_run: int, data, comma_follows: bool) -> Iterator:
        text = doc.text
        # prose only: the clause must end a sentence or be followed by more text on its line
        tokens = [t for t in doc.tokens_in(start, end) if t.start >= start and t.end <= end]
        if not tokens:
            return
        cut = None  # offset where a comma goes
        opened = False
        head = text[start:end]
        k = start - 1  # the last character before the run that is not a space (no copy of the prefix)
        while k >= 0 and text[k] in " \t\u3000":
            k -= 1
        mid_sentence = k >= 0 and text[k] in "，,、；;"
        # "……看似方便，实际上让自己……": an adverb inside the sentence, not a discourse opener
        for marker in (data["comma_after"] if not mid_sentence and head.startswith(data["comma_after"]) else ()):
            if head.startswith(marker):
                rest = han_count(head[len(marker):])
                if rest >= 6:
                    cut = start + len(marker)
                    opened = True
                break
        cuts = [cut] if cut is not None else []
        extra: frozenset = frozenset()
        strict = False
        word0 = tokens[0].text
        if not cuts and word0 in data["openers"] and not comma_follows:
            # "如果……，银行……": when a comma follows, the run is just the subordinate clause
            opened = True
            extra = data["openers"][word0]
            strict = word0 in data["strict_openers"]
            first = self._junctions(tokens, data, start, end, [], extra, first_only=True, strict=strict)
            if not first or self._han(text[first[0]:end]) < data["min_main"]:
                return
        longest = max((self._han(part) for part in head.split("、")), default=0)
        if opened or longest >= max_run:
            cuts = sorted(set(cuts) | set(self._junctions(tokens, data, start, end, cuts, extra, strict=strict)))
        if opened and not cuts:
            return
        if not opened and longest < max_run:
            return
        if cuts:
            pieces, last = [], start
            for c in cuts:
                pieces.append(text[last:c])
                last = c
            pieces.append(text[last:end])
            at = "”“".join(text[max(start, c - 4):c] for c in cuts)
            yield self.finding("missing-comma", start, end, sub="missing-comma",
                               fix=Fix(start, end, "，".join(pieces)),
                               confidence=0.6, n=han, at=at)
        else:
            yield self.finding("missing-comma-nofix", start, end, sub="missing-comma", confidence=0.5, n=han)

    @staticmethod
    def _junctions(tokens, data, start: int, end: int, fixed: list[int], extra=frozenset(),
                   first_only: bool = False, strict: bool = False) -> list[int]:
        """Where commas belong: after a clause-closing word or before a clause-opening word,
        at least 5 Chinese characters away from the run's ends and from each other."""
        closers, starts, bad_next = data["closers"] | extra, data["clause_starts"], data["not_after_closer"]
        # cumulative Han counts at token boundaries (linear)
        cum = [0]
        for t in tokens:
            cum.append(cum[-1] + sum(1 for c in t.text if is_han(c)))
        total = cum[-1]
        def at_offset(f: int) -> int:
            """Han characters before the token boundary at offset f (0 when f is no boundary); a scan
            per given cut instead of a dict of every boundary (two entries per token: a lot of memory
            on a huge run)."""
            for k, t in enumerate(tokens):
                if t.start == f:
                    return cum[k]
                if t.end == f:
                    return cum[k + 1]
            return 0

        taken = [at_offset(f) for f in fixed]  # the given cuts (at most a few)
        out: list[int] = []
        last = [None]  # the latest cut taken below: cuts are taken at non-decreasing Han counts, so
        #                the nearest one to a later candidate is the last (no rescan of every cut)

        def free(h: int) -> bool:
            return h >= 5 and total - h >= 5 and all(abs(h - x) >= 5 for x in taken) \
                and (last[0] is None or abs(h - last[0]) >= 5)

        for k in range(1, len(tokens) - 1):
            t, nxt, prev = tokens[k], tokens[k + 1].text, tokens[k - 1].text
            if t.text in closers and nxt not in bad_next and not nxt.startswith("的") and free(cum[k + 1]) \
                    and cum[k + 1] >= 6 and (not strict or nxt in starts):
                out.append(t.end)
                last[0] = cum[k + 1]
            elif t.text in starts and prev not in bad_next and free(cum[k]) and cum[k] >= 8:
                out.append(t.start)
                last[0] = cum[k]
            if first_only and out:
                break
        return out

    @staticmethod
    def _han(s: str) -> int:
        return han_count(s)
