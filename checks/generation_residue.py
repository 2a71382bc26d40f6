"""generation-residue: text-generation and CMS leftovers.

Machine-written and template-built pages leak the prompt (用户希望了解…,
请根据以下要求…), speak as a chat assistant (下面我将为您梳理…, 作为一个AI…,
希望以上回答对您有帮助), keep unfilled placeholders (请前往标签设置摘要, {title}),
print the lead paragraph twice, and bolt clickbait hooks onto titles.
"""
from __future__ import annotations

import re
from functools import lru_cache

from linter.check import Check, Example, Fix, Option
from linter.lexicon import PhraseMatcher
from linter.resources import load_toml
from linter.residue import CoverSet, markdown_code
from linter.text import han_count, scan_pattern

DATA = "generation_residue.toml"
SENT_BREAK = "。！？!?；;\n\r"
TRAIL_PUNCT = " \t\u3000，,：:、—-|｜_·!！?？~～.。…"


@lru_cache(maxsize=1)
def _data():
    d = load_toml(DATA)
    phrases: dict[str, str] = {}
    for kind in ("prompt_leak", "chat_voice", "placeholders", "template_notes"):
        for p in d[kind]:
            phrases.setdefault(p, kind)
    names = sorted(set(d["placeholder_names"]), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    var_re = re.compile(
        r"\{\{[ \t]{0,3}[A-Za-z_][A-Za-z0-9_.]{0,40}[ \t]{0,3}\}\}"
        r"|\$\{[A-Za-z_][A-Za-z0-9_.]{0,40}\}"
        r"|\{[A-Za-z_][A-Za-z0-9_]{0,30}\}"
        rf"|\{{(?:{alt})\}}|[\[【](?:{alt})[\]】]"
        r"|(?<=[\u4e00-\u9fff])%[sd]|%[sd](?=[\u4e00-\u9fff])",
        re.IGNORECASE,
    )
    places = "|".join(re.escape(x) for x in d["bracket_places"])
    actions = "|".join(re.escape(x) for x in d["bracket_actions"])
    bracket_re = re.compile(r"[【\[(（][^】\]）)\n]{0,8}(?:" + places + r")[^】\]）)\n]{0,6}(?:" + actions
                            + r")[^】\]）)\n]{0,20}[】\]）)]")
    hooks = sorted(set(d["title_hooks"]), key=len, reverse=True)
    hook_re = re.compile(
        r"[ \t\u3000]{0,3}[，,：:、—\-|｜~～ \t(（【\[]{0,3}(?:" + "|".join(re.escape(h) for h in hooks)
        + r")[!！?？~～.。…)）】\]]{0,3}[ \t]*$")
    return {
        "matcher": PhraseMatcher(phrases),
        "initial": frozenset(d["sentence_initial"]),
        "needs_instruction": frozenset(d["prompt_needs_instruction"]),
        "instruction": PhraseMatcher(d["instruction_words"]),
        "window": int(d["instruction_window"]),
        "var_re": var_re,
        "var_scan": scan_pattern(var_re),  # same matches, 2x faster over a whole text
        "bracket_re": bracket_re,
        "hook_re": hook_re,
        "bracket_hooks": PhraseMatcher(d["title_hook_brackets"]),
        "lead_labels": tuple(sorted(d["lead_labels"], key=len, reverse=True)),
        "lead_min": int(d["lead_min_chars"]),
        "lead_search": int(d["lead_search_paragraphs"]),
    }


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): back to the previous break, on through the next terminator."""
    lo = start
    floor = max(0, start - 300)
    while lo > floor and text[lo - 1] not in SENT_BREAK:
        lo -= 1
    hi = end
    ceil = min(len(text), end + 300)
    while hi < ceil and text[hi] not in SENT_BREAK and text[hi] not in "：:":
        hi += 1
    while hi < len(text) and text[hi] in "。！？!?；;：:…”’」』)）":
        hi += 1
    while lo < hi and text[lo] in " \t\u3000":
        lo += 1
    return lo, hi


def _bracketed(text: str, s: int, e: int) -> tuple[int, int]:
    """Widen a sentence to the brackets around it: （注：以上数据仅为示例，请替换。）"""
    lo = s
    while lo > 0 and text[lo - 1] in " \t\u3000":
        lo -= 1
    if lo > 0 and text[lo - 1] in "（(【[":
        close = {"（": "）", "(": ")", "【": "】", "[": "]"}[text[lo - 1]]
        end = text.find(close, e - 1, e + 3)
        if end >= 0:
            return lo - 1, end + 1
    if s < len(text) and text[s] in "（(【[":
        close = {"（": "）", "(": ")", "【": "】", "[": "]"}[text[s]]
        end = text.find(close, e - 1, e + 3)
        if end >= 0:
            return s, end + 1
    return s, e


def _norm(s: str) -> str:
    return "".join(s.split())  # drops every isspace() character, in C


class GenerationResidue(Check):
    id = "generation-residue"
    summary = "文本生成与建站模板的残留：泄露的提示词、对话腔、占位符、重复导语、标题诱饵"
    summary_en = "Text-generation and CMS leftovers: leaked prompts, chat voice, placeholders, repeated lead, title bait"
    rationale = ("批量生成的文章常把提示词或任务描述（“用户希望了解…”“请根据以下要求…”）、助手对话腔"
                 "（“下面我将为您梳理”“希望以上回答对您有帮助”）、未替换的模板占位符（“请前往标签设置摘要”“{title}”）"
                 "原样发布，还会把导语重复成正文第一段、在标题后追加“建议收藏”之类的诱饵。这些残留暴露了内容来源，"
                 "损害可信度，应当删除。")
    rationale_en = ("Mass-generated pages publish the prompt or task description, the assistant's chat voice and unfilled "
                    "template placeholders as they are, repeat the lead as the first body paragraph and append hooks "
                    "such as “建议收藏” to titles.  These leftovers expose how the page was made and undermine trust; "
                    "remove them.")
    examples = (
        Example(bad="下面我将为您梳理信用卡逾期的后果：", good="信用卡逾期的后果主要有以下几点："),
        Example(bad="希望以上回答对您有帮助！", good="（删除）"),
        Example(bad="摘要：请前往标签设置摘要", good="摘要：信用卡逾期三个月的影响与补救办法"),
        Example(bad="信用卡逾期三个月怎么办？看完你就懂了", good="信用卡逾期三个月怎么办？"),
    )
    default_severity = "warning"
    reads_simplified = True  # (a traditional page is read through its simplified twin)
    sub_rules = ("prompt-leak", "chat-voice", "placeholder", "lead-repeat", "title-hook")
    options = {
        "lead-min-chars": Option(20, "shortest lead paragraph (Han characters) compared with the first body paragraph"),
    }
    messages = {
        "prompt-leak": {"zh": "正文中泄露了生成文章用的提示词或任务描述“{phrase}”，请删除这句",
                        "en": "a leaked prompt or task description (“{phrase}”) is in the text; delete the sentence"},
        "chat-voice": {"zh": "正文中残留 AI 助手的对话腔“{phrase}”，请删除或改写为文章语气",
                       "en": "chat-assistant voice (“{phrase}”) is left in the article; delete it or rewrite it as prose"},
        "placeholder": {"zh": "正文中残留未替换的模板占位符“{phrase}”，请填入实际内容或删除",
                        "en": "an unfilled template placeholder (“{phrase}”) is left in the text; fill it in or delete it"},
        "lead-repeat": {"zh": "导语段与正文第一段逐字重复，请删除重复的导语",
                        "en": "the lead paragraph repeats the first body paragraph verbatim; delete the duplicate lead"},
        "title-hook": {"zh": "标题末尾附加了诱导点击的“{hook}”，请删除",
                       "en": "the title ends with the clickbait hook “{hook}”; remove it"},
    }

    def run(self, doc):
        text = doc.text
        if not text or not text.strip():
            return
        d = _data()
        code = markdown_code(doc)
        yield from self._phrases(doc, d, code)
        yield from self._title_hook(doc, d)
        yield from self._lead_repeat(doc, d)

    # -- phrases --------------------------------------------------------------
    def _phrases(self, doc, d, code):
        text = doc.text
        done = CoverSet()  # sentences already reported (one finding per sentence)
        for m in d["matcher"].find(text):
            if code and code.overlaps(m.start, m.end):
                continue
            kind = m.value
            if m.term in d["initial"]:
                before = text[max(0, m.start - 1):m.start]
                if before and before not in SENT_BREAK and before not in "，,：:\u3000 \t\ufeff":
                    continue
            if m.term in d["needs_instruction"]:
                tail = text[m.end:m.end + d["window"]]
                cut = min((tail.find(c) for c in "。！？\n" if c in tail), default=len(tail))
                if not d["instruction"].find(tail[:cut]):
                    continue
            if kind == "placeholders":
                if m.term[:1] == "[" and text[m.start - 1:m.start] == "!" and text[m.end:m.end + 1] == "(":
                    continue  # the alt text of a Markdown image (![图片](…)): markup-residue reports the image
                yield self.finding("placeholder", m.start, m.end, sub="placeholder",
                                   fix=Fix(m.start, m.end, ""), confidence=0.85, phrase=m.term)
                continue
            s, e = _sentence_bounds(text, m.start, m.end)
            if m.start in done:
                continue
            done.add(s, e)
            if kind == "template_notes":
                s, e = _bracketed(text, s, e)
                yield self.finding("placeholder", s, e, sub="placeholder", fix=Fix(s, e, ""), confidence=0.7,
                                   phrase=m.term)
                continue
            sub = "prompt-leak" if kind == "prompt_leak" else "chat-voice"
            yield self.finding(sub, s, e, sub=sub, fix=Fix(s, e, ""), confidence=0.6, phrase=m.term)
        for m in d["bracket_re"].finditer(text):
            if (code and code.overlaps(m.start(), m.end())) or m.start() in done:
                continue
            done.add(m.start(), m.end())
            yield self.finding("placeholder", m.start(), m.end(), sub="placeholder", fix=Fix(m.start(), m.end(), ""),
                               confidence=0.8, phrase=m.group())
        for m in d["var_scan"].finditer(text):
            if code and code.overlaps(m.start(), m.end()):
                continue
            yield self.finding("placeholder", m.start(), m.end(), sub="placeholder", fix=None, confidence=0.8,
                               phrase=m.group())

    # -- title ----------------------------------------------------------------
    def _title_hook(self, doc, d):
        title = doc.title
        if title is None or len(title.text) > 120:
            return
        t = title.text
        m = d["hook_re"].search(t)
        if m and han_count(t[:m.start()]) >= 4:
            s = title.start + m.start()
            hook = m.group().strip(TRAIL_PUNCT + "()（）【】[]")
            yield self.finding("title-hook", s, title.end, sub="title-hook", fix=Fix(s, title.end, ""),
                               confidence=0.8, hook=hook or m.group().strip())
            return
        for bm in d["bracket_hooks"].find(t):
            s, e = title.start + bm.start, title.start + bm.end
            yield self.finding("title-hook", s, e, sub="title-hook", fix=Fix(s, e, ""), confidence=0.8,
                               hook=bm.term)

    # -- lead repeated as first body paragraph ------------------------------------
    def _lead_repeat(self, doc, d):
        min_chars = int(self.opts["lead-min-chars"])
        paras = doc.paragraphs[: d["lead_search"] + 1]
        title = doc.title
        for i, p in enumerate(paras):
            if title is not None and p.start <= title.start < p.end:
                continue
            lead = p.text.strip()
            offset = p.start + (len(p.text) - len(p.text.lstrip()))
            for label in d["lead_labels"]:
                if lead.startswith(label):
                    lead = lead[len(label):].lstrip()
                    break
            lead_core = _norm(lead).rstrip("…．.。！!？?")
            if han_count(lead_core) < min_chars:
                continue
            # the next substantial paragraph (a short heading may sit between them)
            for q in paras[i + 1:i + 3]:
                body = _norm(q.text)
                if han_count(body) < min_chars:
                    continue
                if body.startswith(lead_core):
                    li = doc.line_index(p.end)
                    end = doc.lines[li + 1].start if li + 1 < len(doc.lines) else p.end
                    yield self.finding("lead-repeat", offset, p.end, sub="lead-repeat",
                                       fix=Fix(p.start, end, ""), confidence=0.85)
                    return
                break
