"""Hostile-text generation and the invariants every lint result must keep.

Shared by the property tests (tests/test_fuzz.py, through hypothesis) and the
long fuzz run (bench/fuzz.py, through a seeded RNG), so both check the same
things.
"""
from __future__ import annotations

import random
from typing import Sequence

from .check import Finding
from .document import Document

# Fragments that steer generated text into the checks' interesting paths.
FRAGMENTS = (
    "问题", "问", "存在", "关键在于", "关键于", "催收", "电话", "通过 联系", "《民法典》第1300条", "《人民民法典》",
    "《中华人民共和国商业银行法》第四十七条规定:“", "”", "根据相关法律法规,", "银保监会", "合同法", "稳赚不赔",
    "零风险", "征信修复", "警惕", "不存在", "首页 > 正文", "未经允许不得转载", "Copyright ©", "辽B2-20140004-27",
    "相关文章", "精彩评论", "头像 张三-律师 2025-04-17", "**", "# ", "<br>", "&nbsp;", "![](x.png)", "```", "系(xì)统",
    "若幹", "據統計", "数据显示,超过30%的借款人", "作为一个AI", "{title}", "之一步", "作用", "实行", "疑惑", "咱们",
    "...", "??", "(", ")", "《", "》", "“", "‘", "2025-04-17", "16:58:43", "https://example.com/a?b=1,2", "1,000.5",
    "房贷逾期一个月会上门吗", "房贷逾期一个月会上门吗?", "\n", "\r\n", "\r", " ", "\t", "\u3000", "\u00a0",
)
NASTY_CHARS = (
    "\x00", "\x01", "\x1b", "\x7f", "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff", "\u0301", "\u0336",
    "\U0001f600", "\U0001f1e8\U0001f1f3", "\ud7ff", "\U00020000", "\U0002a6d6", "ﬀ", "Ａ", "ｶ", "\u202e", "\ufffd",
)
COMMON_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"


def random_text(rng: random.Random, max_pieces: int = 120) -> str:
    """A random document: Han text, steering fragments, punctuation, control and exotic characters."""
    parts: list[str] = []
    for _ in range(rng.randint(0, max_pieces)):
        r = rng.random()
        if r < 0.45:
            parts.append("".join(rng.choice(COMMON_HAN) for _ in range(rng.randint(1, 12))))
        elif r < 0.80:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.90:
            parts.append(rng.choice(NASTY_CHARS))
        elif r < 0.97:
            parts.append(chr(rng.randint(0x20, 0x7e)) * rng.randint(1, 3))
        else:
            parts.append("".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 4)))
                         .encode("utf-16", "surrogatepass").decode("utf-16", "replace"))
    return "".join(parts)


def invariant_errors(doc: Document, findings: Sequence[Finding]) -> list[str]:
    """Every broken invariant of ``findings`` on ``doc`` (empty: all good)."""
    n = len(doc.text)
    errors = []
    for f in findings:
        tag = f"{f.rule}@{f.start}:{f.end}"
        if f.rule == "internal-error":
            errors.append(f"{tag} crashed: {f.message.en}")
            continue
        if not (0 <= f.start <= f.end <= n):
            errors.append(f"{tag} offsets outside the text (len {n})")
        if (f.line, f.column) != doc.position(f.start) or (f.end_line, f.end_column) != doc.position(f.end):
            errors.append(f"{tag} line/column disagree with offsets")
        if f.fix is not None and not (0 <= f.fix.start <= f.fix.end <= n):
            errors.append(f"{tag} fix outside the text")
        if not f.message.zh or not f.message.en:
            errors.append(f"{tag} message missing a language")
    return errors
