from __future__ import annotations

import time

from checks.markup_residue import MarkupResidue, cn_value
from linter.runner import lint_text
from residue_helpers import assert_fuzz_safe, rules

ID = "markup-residue"


def test_bold_label_is_stripped():
    text = "**第一步：**联系银行说明情况。"
    (f,) = lint_text(text, select=[ID])
    assert f.rule == "markup-residue/bold"
    assert f.fix.replacement == "第一步："
    assert text[:f.fix.start] + f.fix.replacement + text[f.fix.end:] == "第一步：联系银行说明情况。"


def test_unclosed_bold_at_label():
    assert rules("**温馨提示：逾期记录保留五年。", ID) == [("markup-residue/bold", "**")]


def test_masked_names_and_numbers_are_not_bold():
    assert rules("借款人王**表示，电话138****5678，张**和李**都已还款。", ID) == []


def test_heading_marks_in_plain_text():
    found = lint_text("标题\n### 逾期后如何补救\n正文。", select=[ID])
    assert [(f.rule, f.fix.replacement) for f in found] == [("markup-residue/heading", "")]


def test_hashtag_is_not_a_heading():
    assert rules("#房贷利率下调# 多家银行宣布下调存量房贷利率。", ID) == []


def test_html_tags_and_entities():
    got = rules("利息&nbsp;按日计算<br>罚息&amp;违约金另计。", ID)
    assert got == [("markup-residue/html-entity", "&nbsp;"), ("markup-residue/html-tag", "<br>"),
                   ("markup-residue/html-entity", "&amp;")]
    fixes = [f.fix.replacement for f in lint_text("罚息&amp;违约金&nbsp;", select=[ID])]
    assert fixes == ["&", ""]


def test_comparison_is_not_a_tag():
    assert rules("贷款利率<24%的部分受法律保护，近五年<逾期记录>不得超过六次。", ID) == []


def test_program_code_block():
    text = "计算方法如下：\nfunction calcFee(amount) {\n  return amount * 0.05;\n}\n以合同为准。"
    got = rules(text, ID)
    assert got == [("markup-residue/code", "function calcFee(amount) {\n  return amount * 0.05;\n}")]


def test_run_in_heading_and_lost_first_item():
    text = ("二、逾期后平台会怎么做\n平台会先提醒。\n三、借款人应该如何应对\n首先要保持冷静，主动联系平台说明情况，"
            "争取协商延期或分期还款。四、如何修复个人征信还清之后保持良好习惯。")
    got = rules(text, ID)
    assert ("markup-residue/lost-first-item", "二、") in got
    assert ("markup-residue/run-in-heading", "四、") in got
    run_in = [f for f in lint_text(text, select=[ID]) if f.rule.endswith("run-in-heading")][0]
    assert run_in.fix.start == run_in.fix.end and run_in.fix.replacement == "\n"


def test_inline_lists_are_not_run_in():
    assert rules("还款步骤：1.登录手机银行。2.点击信用卡还款。3.确认金额后提交。", ID) == []
    assert rules("1.联系银行\n说明情况。\n2.申请分期\n减轻压力。\n3.保留记录\n备用。", ID) == []


def test_markdown_document_keeps_intended_markup():
    md = ("# 信用卡逾期怎么办\n\n**第一步：**联系银行。\n\n## 二、申请分期\n\n*注意*：保留记录。\n\n"
          "![流程](flow.png)\n\n详见[说明](https://example.com)。\n\n```\nvar a = 1;\n```\n")
    assert rules(md, ID, path="guide.md") == []
    assert rules(md, ID, path="guide.txt") != []


def test_markdown_document_reports_broken_markup():
    got = rules("##逾期后如何补救\n\n**注意：逾期超过三个月会被列为不良记录。\n", ID, path="a.md")
    assert ("markup-residue/heading", "##") in got
    assert ("markup-residue/bold", "**") in got


def test_cn_value():
    assert [cn_value(s) for s in ("一", "十", "十二", "二十", "九十九", "零", "")] == [1, 10, 12, 20, 99, None, None]


def test_metadata_and_messages():
    assert MarkupResidue.default_severity == "warning"
    for key, msg in MarkupResidue.messages.items():
        assert msg["zh"] and msg["en"], key
    assert MarkupResidue.examples


def test_fuzz_safe():
    assert_fuzz_safe(ID)


def test_linear_time_on_long_input():
    unit = "**第一步：**联系银行。2.信用卡逾期情况<br>&nbsp;\n"
    t0 = time.perf_counter()
    lint_text(unit * 200, select=[ID])
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    lint_text(unit * 2000, select=[ID])
    big = time.perf_counter() - t0
    assert big < max(0.5, small * 30)
