"""Tests for the spun-text check (checks/spun_text.py)."""
from __future__ import annotations


import pytest

from gold_support import seed_gold_scores

from checks.spun_text import SpunText, _llr, _table
from linter.runner import lint_text


def lint(text: str):
    return lint_text(text, select=["spun-text"])


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[f.start:f.end], f.fix.replacement) for f in lint(text) if f.rule == "spun-text"]


def test_non_idiomatic_artefacts_are_flagged_with_their_original():
    text = "之一步是联系银行，或是说先查看合同。请核对留意事项。"
    assert spans(text) == [("之一步", "第一步"), ("或是说", "或者说"), ("留意事项", "注意事项")]


def test_collocation_evidence_is_in_the_message():
    (f,) = [f for f in lint("本文将从三个角度实行分析。") if f.rule == "spun-text"]
    assert f.fix.replacement == "进行"
    assert "进行分析" in f.message.zh and "实行分析" in f.message.zh
    assert f.data["score"] > 1.5


def test_collocation_counts_favour_the_right_word():
    _, colloc, _, _ = _table()
    # 进行 + 分析 is a collocation, 实行 + 制度-like objects belong to 实行
    assert _llr(colloc, "实行", "进行", "R", "分析")[0] > 1.0
    assert _llr(colloc, "实行", "进行", "R", "统一")[0] < 0
    assert _llr(colloc, "采纳", "采取", "R", "意见")[0] < 0


@pytest.mark.parametrize("text", [
    "银行对个人住房贷款实行利率浮动制度，部分城市实行差别化住房信贷政策。",
    "货币政策在稳定预期方面发挥作用，降准对市场流动性起到了支撑作用。",
    "借款人如对合同条款有疑问，可以向贷款经办行咨询。",
    "最高人民法院关于审理民间借贷案件适用法律若干问题的规定。",
    "办理提前还款一般需要向贷款银行预约。",
    "银行会采纳客户关于还款方式的合理建议。",
    "事故的起因查明之后，保险公司才会确定理赔金额。",
    "该基金过去一年表现良好。投资者可以选用定投方式分散风险。",
])
def test_legitimate_uses_are_silent(text):
    assert lint(text) == []


def test_weak_candidates_need_a_spun_document():
    # alone, 疑惑 rests only on its prior and is not reported ...
    assert spans("借款人在应对逾期疑惑时要保持冷静。") == []
    # ... in an article with clear artefacts it is
    text = "之一步是联系银行。或是说先查看合同。借款人在应对逾期疑惑时要保持冷静。在还款进展中要留意。"
    assert ("疑惑", "问题") in spans(text)


def test_colloquial_register_word_outside_quotes():
    assert spans("咱们先看看逾期的后果。") == [("咱们", "我们")]
    assert spans("他说：“咱们慢慢还。”") == []


def test_document_score_reports_the_share():
    text = "之一步是联系银行，或是说先查看合同。本文实行分析。请核对留意事项。在还款进展中要注意。"
    scores = [f for f in lint(text) if f.rule == "spun-text/score"]
    assert len(scores) == 1
    s = scores[0]
    assert s.severity == "info" and s.data["count"] >= 4 and 0 < s.data["share"] < 1
    assert lint("借款人应当按时还款。") == []


@pytest.mark.parametrize("text", ["", " ", "\x00\u200b", "abc def", "之一步" * 5000, "实行" * 3000,
                                  "\r\n\r\n或是说\r\n", "疑问。" * 2000])
def test_fuzz_safe(text):
    for f in lint(text):
        assert 0 <= f.start <= f.end <= len(text)


def test_documentation_and_messages_are_complete():
    assert SpunText.summary and SpunText.summary_en and SpunText.rationale and SpunText.rationale_en
    assert SpunText.examples
    for key, msg in SpunText.messages.items():
        assert msg["zh"] and msg["en"], key


def test_seed_gold_precision_and_recall(shared_dir):
    precision, recall = seed_gold_scores(shared_dir, "spun-text", lint)
    assert precision >= 0.9
    assert recall >= 0.8


def test_lone_word_collocation_needs_overwhelming_evidence():
    # one unusual-but-real collocation in a clean article is the writer's choice ...
    assert spans("业绩比较基准用于评价产品的投资表现，不是预期收益率。") == []
    assert spans("3月16日以后，不需要预约即可随时办理。") == []
    assert spans("基金的过往业绩并不预示其未来表现。") == []
    # ... but an overwhelming one stands alone, and corroborated ones are all reported
    assert spans("本文将从三个角度实行分析。") == [("实行", "进行")]
    text = "之一步是联系银行。或是说先查看合同。业绩比较基准用于评价产品的投资表现。"
    assert ("表现", "行为") in spans(text)


def test_grown_table_artefacts_in_a_spun_article():
    # classic spinner substitutions of frequent finance words (信用卡→信誉卡, 费用→用度, 起诉→告状,
    # 说明→阐明, 记录→纪录), reported because the article shows sure artefacts (之一步, 或是说)
    text = ("之一步是联系发卡银行，或是说提交延期申请。信誉卡逾期期间的用度会增加，"
            "银行可能向法院告状。请向客服阐明情况，征信上的逾期纪录会保留五年。")
    found = spans(text)
    for pair in [("信誉卡", "信用卡"), ("用度", "费用"), ("告状", "起诉"), ("阐明", "说明"), ("纪录", "记录")]:
        assert pair in found


@pytest.mark.parametrize("text", [
    "不同城市的调整幅度存在差别，现实的影响体现在月供上。",
    "提前还款会付出机会成本，乃至影响家庭的应急资金。",
    "先列出详细的收支清单，再根据收入规模确定储蓄比例。",
    "碰到收入下降，应及时与银行沟通，妥善保存还款凭证。",
    "用户可以通过客服反映问题，协商不成再投诉。",
])
def test_grown_table_real_words_stay_silent_in_clean_text(text):
    assert lint(text) == []


def test_grown_table_words_alone_are_not_reported():
    # a lone archaic form without other artefacts is the writer's choice, not proof of spinning
    assert spans("征信上的逾期纪录会保留五年。") == []


def test_a_ratio_resting_on_one_sighting_is_no_proof():
    from checks.spun_text import LLR_CAP, _llr

    colloc = {"一些": {"n": 500, "L": {}, "R": {"基点": 1, "问题": 40}},
              "若干": {"n": 200, "L": {}, "R": {"问题": 2}}}
    one, co, cw = _llr(colloc, "若干", "一些", "R", "基点")
    assert (co, cw) == (1, 0) and 0 < one < 1.5
    many, _, _ = _llr(colloc, "若干", "一些", "R", "问题")
    assert many <= LLR_CAP and many > one


def test_cai_neng_before_a_verb_is_the_adverb_not_a_spun_noun():
    # 才能 replacing 能力 is flagged where a noun belongs; before a verb (变现, a word too rare for
    # the POS table) or an adverb (真正) it is 才 + 能, the writer's own words (bench/dev4, session 7)
    from linter.runner import lint_text

    def spun(t):
        return [t[f.start:f.end] for f in lint_text(t, select=["spun-text"]) if f.rule == "spun-text"]

    assert spun("银行会评估借款人的还款才能，收入不稳定的申请人很难获批。") == ["才能"]
    assert spun("抵押房产需要经过法院拍卖或协议处置才能变现。") == []
    assert spun("只有按时还款才能真正保护自己的征信。") == []


def test_the_word_before_de_tells_a_spun_zuoyong_from_the_writers():
    # 作用 keeps a 的 before it (发挥了重要的作用), but what the 的 links decides: the corpus writes
    # 征信的影响 and never 征信的作用, so in a spun article the latter is 影响 spun
    spun = "之一步，弄清楚逾期对征信的作用。第二步，信誉卡要按时还款。"
    assert ("作用", "影响") in spans(spun)
    # 保险的作用, 借条的作用: the corpus has no preference, the writer's 作用 stands
    clean = "之一步，弄清楚保险的作用。第二步，信誉卡要按时还款，借条的作用也要了解。"
    assert ("作用", "影响") not in spans(clean)
    table = _table()[1]
    assert _llr(table, "作用", "影响", "L2", "征信")[0] > 0
