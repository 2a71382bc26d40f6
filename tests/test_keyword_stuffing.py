from __future__ import annotations

import pytest

from checks.keyword_stuffing import dup_ngram_fraction
from chrome_support import assert_linear, assert_survives_odd_inputs, check_metadata, gold_summary, lint

FILLER = [
    "从法律角度看，关键在于是否构成恶意透支，单纯因为暂时没钱而逾期属于民事纠纷。",
    "银行一般先通过电话和短信提醒，逾期时间较长的才会委托第三方机构催收。",
    "持卡人应当保持通讯畅通，按照银行要求提供收入情况，必要时申请个性化分期还款。",
    "恶意透支数额较大的，才可能构成信用卡诈骗罪，司法解释规定了明确的起点金额。",
    "主动还款、不逃避催收，是避免刑事风险的关键，也能减少罚息和违约金。",
    "了解相关规定之后，持卡人更应该理性消费，量入为出，避免过度透支。",
    "多数银行对确有困难、还款意愿良好的持卡人，愿意协商停息挂账或者延期。",
    "逾期记录会保存五年，结清欠款后也不会立即消失，今后申请贷款会受到影响。",
    "如果遇到冒充法院或者律师的催收电话，应当通过官方渠道核实对方身份。",
    "总之，这个问题要具体分析，大部分逾期不会坐牢，但不能因此放任不管。",
]
PHRASE = "信用卡逾期会坐牢吗"


def article(repeats: int, title: bool = True) -> str:
    lines = [PHRASE, ""] if title else []
    for i, sentence in enumerate(FILLER):
        lines.append((f"{PHRASE}，" if i < repeats else "") + sentence)
    return "\n".join(lines) + "\n"


def test_metadata():
    check_metadata("keyword-stuffing")


def test_stuffed_title_phrase():
    text = article(8)
    found = lint("keyword-stuffing", text)
    doc = [f for f in found if f.rule == "keyword-stuffing"]
    occ = [f for f in found if f.rule == "keyword-stuffing/occurrence"]
    assert len(doc) == 1
    d = doc[0].data
    assert d["phrase"] == PHRASE and d["count"] == 9 and d["count_body"] == 8
    assert 0 < d["density"] < 1 and len(d["occurrences"]) == 9
    # the document-level finding sits on the first body occurrence; each later one is reported
    assert text[doc[0].start:doc[0].end] == PHRASE
    assert len(occ) == 7 and all(text[f.start:f.end] == PHRASE for f in occ)
    assert "9" in doc[0].message.zh and "9 times" in doc[0].message.en


def test_stuffed_question_without_title_line():
    found = lint("keyword-stuffing", article(8, title=False))
    assert sum(f.rule == "keyword-stuffing" for f in found) == 1


@pytest.mark.parametrize("repeats", [0, 1, 2, 3])
def test_natural_restatement_is_silent(repeats):
    assert [f for f in lint("keyword-stuffing", article(repeats)) if f.rule != "keyword-stuffing/ngram-repetition"] == []


def test_short_terms_repeated_often_are_silent():
    terms = [
        "借款人逾期后，贷款机构会先提醒借款人还款，逾期贷款的罚息从逾期之日起计算。",
        "贷款逾期超过九十天的，贷款机构可能起诉借款人，借款人应重视逾期贷款的诉讼风险。",
        "借款人与贷款机构协商逾期贷款时，应说明逾期原因，提出借款人能承受的还款计划。",
        "逾期贷款结清后，借款人可以向贷款机构申请开具结清证明，逾期记录五年后删除。",
        "部分贷款机构对首次逾期、逾期天数较短的借款人，会减免部分贷款罚息。",
    ]
    text = "贷款逾期怎么办\n\n" + "\n".join(terms + FILLER) + "\n"
    assert lint("keyword-stuffing", text) == []


def test_long_entity_names_are_not_stuffing():
    sentence = "国家金融监督管理总局和中国人民银行发布通知，调整个人住房贷款最低首付款比例。"
    text = "房贷新政解读\n\n" + "\n".join([sentence, *FILLER[:4], sentence, *FILLER[4:], sentence]) + "\n"
    assert [f for f in lint("keyword-stuffing", text) if f.rule != "keyword-stuffing/ngram-repetition"] == []


def test_long_article_with_many_repeats():
    # 12 repeats in ~7,000 characters: coverage below 2.5 %, but 10+ verbatim repeats are stuffing
    lines = [f"第{i}个案例中，借款人欠款{i * 1013 + 37}元，逾期{i % 7 + 2}个月后与银行达成分期协议，每月还款{i * 97 + 15}元。"
             for i in range(150)]
    for i in range(12):
        lines[i * 12] = PHRASE + "，" + lines[i * 12]
    text = PHRASE + "\n\n" + "\n".join(lines) + "\n"
    found = [f for f in lint("keyword-stuffing", text) if f.rule == "keyword-stuffing"]
    assert len(found) == 1 and found[0].data["density"] < 0.025 and found[0].data["count_body"] == 12
    # the same article with 5 repeats is silent
    text5 = text.replace(PHRASE + "，", "", 7)
    assert [f for f in lint("keyword-stuffing", text5) if f.rule == "keyword-stuffing"] == []


def test_options_change_thresholds():
    text = article(4)
    assert not [f for f in lint("keyword-stuffing", text) if f.rule == "keyword-stuffing"]
    assert [f for f in lint("keyword-stuffing", text, **{"min-count": 4, "min-coverage": 0.01})
            if f.rule == "keyword-stuffing"]


def test_dup_ngram_fraction_matches_gopher_definition():
    assert dup_ngram_fraction("", 10) == 0.0
    assert dup_ngram_fraction("abcdefghij", 10) == 0.0
    # second copy of a 10-gram: 10 duplicated characters out of 20
    assert dup_ngram_fraction("abcdefghij" * 2, 10) == pytest.approx(0.5)
    assert dup_ngram_fraction("abcde" * 4, 5) == pytest.approx(0.75)


def _gopher_scan(chars, n):  # the plain scan, as the Gopher paper defines it
    total = len(chars)
    if total < n or n <= 0:
        return 0.0
    seen, repeated, i = set(), 0, 0
    while i <= total - n:
        gram = chars[i:i + n]
        if gram in seen:
            repeated += n
            i += n
        else:
            seen.add(gram)
            i += 1
    return repeated / total


def test_dup_ngram_fraction_equals_plain_scan():
    import random

    rng = random.Random(7)
    for _ in range(4000):
        alphabet = "ab" if rng.random() < 0.5 else "abcd"
        chars = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        n = rng.randrange(0, 7)
        assert dup_ngram_fraction(chars, n) == _gopher_scan(chars, n), (chars, n)
    for chars in ("abcab" * 30, "a" * 50, "ab" * 40 + "c" + "ab" * 7, "aaaabaaaab" * 9):
        for n in (1, 2, 3, 4, 5, 10, 20):
            assert dup_ngram_fraction(chars, n) == _gopher_scan(chars, n)


def test_ngram_repetition_on_duplicated_paragraphs():
    text = "基金定投怎么选扣款日\n\n" + "\n".join(FILLER[:3] * 3 + FILLER[3:]) + "\n"
    found = [f for f in lint("keyword-stuffing", text) if f.rule == "keyword-stuffing/ngram-repetition"]
    assert len(found) == 1
    assert found[0].data["share"] > found[0].data["threshold"]
    assert text[found[0].start:found[0].end].startswith(FILLER[0][:10])


def test_ngram_repetition_silent_on_varied_text():
    text = "信用卡逾期怎么办\n\n" + "\n".join(FILLER) + "\n"
    assert lint("keyword-stuffing", text) == []


def test_odd_inputs():
    assert_survives_odd_inputs("keyword-stuffing")


def test_linear_time():
    assert_linear("keyword-stuffing", "信用卡逾期会坐牢吗？银行会不会起诉，逾期多久上征信。")


def test_pathological_repetition_caps_occurrences():
    text = "信用卡逾期会坐牢吗，" * 5000
    found = lint("keyword-stuffing", text)
    occ = [f for f in found if f.rule == "keyword-stuffing/occurrence"]
    assert 0 < len(occ) <= 200


def test_gold(shared_dir):
    s = gold_summary(str(shared_dir))["categories"]["keyword-stuffing"]
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s
