from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checks.unsourced_statistic import UnsourcedStatistic
from linter.runner import lint_text
from residue_helpers import assert_fuzz_safe, rules

ID = "unsourced-statistic"
ROOT = Path(__file__).resolve().parent.parent


def test_unsourced_claims_one_finding_each_with_info_severity():
    text = "据统计，有超过30%的借款人曾出现过逾期。数据显示，约60%的逾期发生在前三个月。"
    found = lint_text(text, select=[ID])
    assert [f.rule for f in found] == ["unsourced-statistic/no-source"] * 2
    assert all(f.severity == "info" for f in found)


def test_continuation_is_the_same_claim():
    found = lint_text("据统计，有超过30%的借款人曾逾期。其中，近七成的借款人是因为收入下降。", select=[ID])
    assert len(found) == 1 and found[0].data["figures"] == 2


def test_institution_without_document_or_date():
    (f,) = lint_text("据中国人民银行数据显示，信用卡逾期总额持续上升。", select=[ID])
    assert f.rule == "unsourced-statistic/institution-only"
    assert f.data["institution"] == "中国人民银行"


def test_population_share_without_trigger_phrase():
    assert rules("超过80%的用户表示愿意使用还款提醒服务。", ID)[0][0] == "unsourced-statistic/no-source"


def test_sourced_figures_and_arithmetic_are_silent():
    text = ("中国人民银行2024年3月发布的《2023年支付体系运行总体情况》显示，信用卡逾期半年未偿信贷总额为908亿元。"
            "比如借款1万元，年利率10%，一年利息1000元。首付比例不低于30%的购房者可以申请。"
            "您的征信报告显示有两次逾期记录。根据中国人民银行官网（http://www.pbc.gov.cn）公布的数据，贷款余额稳步增长。")
    assert rules(text, ID) == []


def test_metadata_and_messages():
    assert UnsourcedStatistic.default_severity == "info"
    for key, msg in UnsourcedStatistic.messages.items():
        assert msg["zh"] and msg["en"], key


def test_fuzz_safe():
    assert_fuzz_safe(ID)


def test_residue_case_set_targets():
    """bench/residue_eval.py on the labelled case set: P >= 0.95, R >= 0.9 for all four checks,
    and no false positives on fixtures/clean."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "residue_eval.py"), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    res = json.loads(out)
    for check, r in res["cases"].items():
        assert r["positive_cases"] >= 40 and r["negative_cases"] >= 40, check
        assert r["precision"] >= 0.95 and r["recall"] >= 0.9, (check, r)
    for check in res["cases"]:
        assert res["clean_fp_per_10k"][check] <= 0.2, check


def test_source_note_covers_the_institutions_it_names():
    """A 数据来源：… line sources figures attributed to the bodies it names, and is not itself a claim;
    a body it does not name is still reported."""
    text = ("国家统计局的数据显示，一季度居民人均可支配收入增长5.5%。\n"
            "中国银行业协会的调查显示，约60%的受访者会增加储蓄。\n"
            "数据来源：国家统计局《2025年一季度居民收入和消费支出情况》。\n")
    found = lint_text(text, select=[ID])
    assert [(f.rule, f.data["institution"]) for f in found] == [
        ("unsourced-statistic/institution-only", "中国银行业协会")]


def test_later_mention_of_a_dated_source_is_sourced():
    text = ("据国家统计局2025年4月发布的数据，一季度居民人均可支配收入增长5.5%。\n"
            "从收入来源看，国家统计局的数据显示，人均工资性收入占可支配收入的比重为57.4%。\n")
    assert rules(text, ID) == []
    # without the dated first mention the second claim is institution-only again
    assert rules(text.split("\n", 1)[1], ID)[0][0] == "unsourced-statistic/institution-only"


def test_relative_period_needs_a_dated_document():
    claim = "据上海证券交易所数据，本周国债逆回购成交额较上周增加约一成。\n"
    assert rules("货币市场周评（2025年6月第1周）\n" + claim, ID) == []
    assert rules("货币市场周评\n" + claim, ID)[0][0] == "unsourced-statistic/institution-only"


def test_a_data_claim_must_state_a_quantity():
    # one case's evidence, with no amount, share or trend in it, is no statistic
    assert rules("双录资料显示销售人员已经清楚说明了产品性质和风险。", ID) == []
    assert rules("资料显示，该合同由借款人本人签字。", ID) == []
    # the same phrase with a trend or a figure is
    assert rules("资料显示，消费金融行业的贷款余额持续扩大。", ID)[0][0] == "unsourced-statistic/no-source"
    assert rules("资料显示，七成借款人每月只还最低还款额。", ID)[0][0] == "unsourced-statistic/no-source"


def test_hypothetical_clause_asserts_nothing():
    assert rules("如果双录资料显示销售人员已经说明了风险，投保人也表示理解，那么全额退保就很困难。", ID) == []
    assert rules("一旦调查发现存在误导销售，保险公司一般会同意退还保费。", ID) == []
    assert rules("假如数据显示你的负债率持续上升，银行可能会拒绝贷款申请。", ID) == []
    # a condition in an earlier clause does not cover a later claim
    assert rules("如果你还有疑问，可以看看这组数字：数据显示，近七成的年轻人有过分期消费。", ID)


def test_ju_inside_a_word_is_no_attribution():
    # 证据|收集……调查: 据 ends 证据, it does not introduce a source
    assert rules("监管部门会根据证据收集的情况进行调查，逐步增加检查频次。", ID) == []
    assert rules("据中国银行业协会统计，信用卡累计发卡量持续增长。", ID)[0][0] == "unsourced-statistic/institution-only"


def test_one_case_is_not_a_statistic():
    def found(text):
        return [f for f in lint_text(text, select=["unsourced-statistic"])]

    # a case story's household and one complaint looked into, not data about a population
    assert found("任先生今年三十出头，房贷余额约200万元，剩余期限28年。\n") == []
    assert found("几个月后，保险公司经调查发现投诉内容与双录资料明显不符，没有同意退保。\n") == []
    # a survey still is one
    assert len(found("调查发现，超过30%的借款人不清楚自己的贷款利率。\n")) == 1
