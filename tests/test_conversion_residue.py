from __future__ import annotations

import opencc

from checks.conversion_residue import ConversionResidue, _tables
from linter.runner import lint_text
from residue_helpers import assert_fuzz_safe, rules

ID = "conversion-residue"
SIMPLIFIED = ("信用卡逾期之后，银行会先通过电话和短信提醒持卡人还款。如果持卡人长期不还，银行会将逾期记录报送征信系统，"
              "影响以后申请房贷和车贷。逾期记录会在征信报告中保留五年，若干年后才会自动消除。")


def test_pinyin_annotations():
    got = [g for g in rules("征信系(xì)统会记录逾期，钱(qián)要按时还，逾期(yu4 qi1)很麻烦。", ID)]
    assert [r for r, _ in got] == ["conversion-residue/pinyin"] * 3
    assert [t for _, t in got] == ["(xì)", "(qián)", "(yu4 qi1)"]


def test_abbreviations_in_brackets_are_not_pinyin():
    assert rules("贷款市场报价利率(LPR)和年化利率（APR）不同，系统(system)升级。", ID) == []


def test_correctly_converted_traditional_pages_are_silent():
    for config in ("s2t", "s2tw", "s2hk", "s2twp"):
        text = opencc.OpenCC(config).convert(SIMPLIFIED)
        assert rules(text, ID) == [], config


def test_simplified_inside_traditional_page():
    trad = opencc.OpenCC("s2t").convert(SIMPLIFIED)
    text = trad.replace("銀行會先通過", "银行会先通过", 1)
    found = lint_text(text, select=[ID])
    assert found and all(f.rule == "conversion-residue/mixed-script" for f in found)
    fixed = text
    for f in sorted(found, key=lambda f: -f.start):
        fixed = fixed[:f.fix.start] + f.fix.replacement + fixed[f.fix.end:]
    assert fixed == trad
    assert found[0].data["script"] == "traditional"
    assert 0 < found[0].data["mixed_share"] < 0.3


def test_traditional_inside_simplified_page():
    text = SIMPLIFIED.replace("银行会将", "銀行會將", 1)
    got = rules(text, ID)
    assert got and {r for r, _ in got} == {"conversion-residue/mixed-script"}


def test_over_conversion_in_traditional_page():
    text = opencc.OpenCC("s2t").convert(SIMPLIFIED).replace("若干", "若幹")
    found = lint_text(text, select=[ID])
    assert [(f.rule, text[f.start:f.end], f.fix.replacement) for f in found] == \
        [("conversion-residue/wrong-variant", "幹", "干")]


def test_wrong_you_and_financial_numerals():
    got = rules("信用卡逾期壹个月，妳需要尽快联系银行。", ID)
    assert got == [("conversion-residue/wrong-variant", "壹"), ("conversion-residue/wrong-variant", "妳")]
    assert rules("借款金额为人民币壹万元整，可用壹钱包还款。", ID) == []


def test_tables_come_from_opencc():
    tb = _tables()
    assert "们" in tb["s_only"] and "們" in tb["t_only"]
    assert "峰" not in tb["s_only"]  # Taiwan's standard form, not residue
    assert "干" not in tb["s_only"] and "乾" not in tb["t_only"]


def test_metadata_and_messages():
    for key, msg in ConversionResidue.messages.items():
        assert msg["zh"] and msg["en"], key
    assert ConversionResidue.default_severity == "warning"


def test_fuzz_safe():
    assert_fuzz_safe(ID)
