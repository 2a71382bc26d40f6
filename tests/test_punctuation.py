"""Tests for the punctuation check (checks/punctuation.py)."""
from __future__ import annotations

import time

import pytest

from gold_support import seed_gold_scores

from checks.punctuation import Punctuation
from linter.runner import lint_text


def lint(text: str, **opts):
    options = {"punctuation": opts} if opts else None
    return lint_text(text, select=["punctuation"], options=options)


def rules(text: str) -> list[str]:
    return [f.rule for f in lint(text)]


def apply_fixes(text: str, findings) -> str:
    for f in sorted((f for f in findings if f.fix), key=lambda f: f.fix.start, reverse=True):
        text = text[:f.fix.start] + f.fix.replacement + text[f.fix.end:]
    return text


# -- half-width ---------------------------------------------------------------------------
def test_one_finding_per_line_spanning_first_to_last_mark():
    text = "逾期后,银行会先打电话,再发短信。会上门吗?\n第二行没有问题。"
    found = lint(text)
    assert [f.rule for f in found] == ["punctuation/half-width"]
    f = found[0]
    assert text[f.start:f.end] == ",银行会先打电话,再发短信。会上门吗?"
    assert f.fix.replacement == "，银行会先打电话，再发短信。会上门吗？"
    assert "×" in f.message.zh and "half-width" in f.message.en


def test_ellipsis_and_brackets_become_full_width():
    text = "常见方式有(如协商分期、停息挂账)等..."
    (f,) = lint(text)
    assert f.fix.replacement == "（如协商分期、停息挂账）等……"


@pytest.mark.parametrize("text", [
    "年化收益率为3.5%，本金1,000元。",
    "北京时间16:58:43公布数据。",
    "比例为1:2，杠杆为3:1。",
    "原文是\"Yes, we can!\"，意思是肯定。",
    "详见https://example.com/a?b=1,2查询。",
    "联系邮箱：a.b@example.com，工作日回复。",
    "代码`x = f(a, b)`表示调用函数。",
    "2025 04/ 09 16:58:43",
    "Copyright © 2000 - 2023 All Rights Reserved.",
])
def test_ascii_punctuation_outside_chinese_context_is_left_alone(text):
    assert "punctuation/half-width" not in rules(text)


def test_numbers_inside_a_flagged_span_keep_their_ascii_comma():
    text = "账单5,000元,最低还款额为500元。"
    (f,) = lint(text)
    assert text[f.start:f.end] == ","
    assert f.fix.replacement == "，"


def test_list_markers_are_not_brackets():
    assert rules("1) 保留通话录音；\n2) 保存短信截图。") == []


def test_fix_is_idempotent():
    text = "借款人应该:先核实身份,再协商还款(必要时咨询律师)!"
    fixed = apply_fixes(text, lint(text))
    assert fixed == "借款人应该：先核实身份，再协商还款（必要时咨询律师）！"
    assert lint(fixed) == []


# -- stray spaces -------------------------------------------------------------------------
def test_stray_space_between_chinese_and_after_ascii_comma():
    text = "由此可见, 银行贷款逾期不一定会外访，针对 这种情况要主动沟通。"
    spaces = [f for f in lint(text) if f.rule == "punctuation/stray-space"]
    assert [(text[f.start:f.end], f.fix.replacement) for f in spaces] == [(" ", ""), (" ", "")]


def test_spaces_that_are_conventional_are_not_flagged():
    # Chinese–digit spacing, Markdown headings, list items, field lines (bylines, breadcrumbs)
    text = "提前 30 天预约。\n## 背景\n- 核实身份，再沟通。\n首页 > 理财知识 阅读 2134\n头像 张三 2025-04-17"
    assert "punctuation/stray-space" not in rules(text)


def test_stray_space_can_be_switched_off():
    text = "借款人应当 按时还款，避免逾期。"
    assert "punctuation/stray-space" in rules(text)
    assert lint(text, **{"check-spaces": False}) == []


# -- repeated / unbalanced ----------------------------------------------------------------
def test_repeated_marks():
    found = lint("千万别碰！！这些平台，，收费很高。。")
    assert [(f.rule, f.fix.replacement) for f in found] == [
        ("punctuation/repeated", "！"), ("punctuation/repeated", "，"), ("punctuation/repeated", "。")]


def test_emphatic_question_exclamation_and_ellipsis_are_allowed():
    assert rules("真的会上门吗？！其实……不一定——要看情况。") == []


def test_unbalanced_pairs():
    found = lint("请阅读《借款合同的条款。遇到催收（例如威胁时，可以投诉。")
    assert [(f.rule, f.message.en.split()[0]) for f in found] == [
        ("punctuation/unbalanced", "“《”"), ("punctuation/unbalanced", "“（”")]


def test_multi_paragraph_quotation_is_balanced():
    text = "他说：“第一段的内容。\n“第二段的内容。”"
    assert rules(text) == []


# -- missing comma ------------------------------------------------------------------------
def test_missing_comma_after_subordinate_clause():
    text = "一旦发生逾期的情况借款人应当第一时间主动联系银行说明原因。"
    (f,) = lint(text)
    assert f.rule == "punctuation/missing-comma"
    assert f.fix.replacement == "一旦发生逾期的情况，借款人应当第一时间主动联系银行说明原因"


def test_subordinate_clause_followed_by_a_comma_is_fine():
    text = "如果借款人能够按照新的还款计划按时足额还款，银行一般不会采取进一步措施。"
    assert rules(text) == []


def test_prepositional_opener_running_into_predicate_is_fine():
    # formal prose: 依照/按照…规定 + predicate needs no comma
    text = "商业银行应当按照国家有关规定向借款人充分披露贷款的实际年化利率。"
    assert rules(text) == []


def test_very_long_run_without_punctuation():
    text = "借款人" + "应当认真阅读借款合同中关于利率违约金提前还款和担保责任的全部条款" * 3 + "。"
    found = lint(text)
    assert [f.rule for f in found] == ["punctuation/missing-comma"]
    assert found[0].confidence <= 0.6


# -- robustness ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "", "\n", "   ", "\x00\x01\x02", "\u200b\u200b中文\u200b,", "abc, def; ghi!", "(((", ")))", "“”“",
    "中" * 5000, "中,文" * 3000, "（" * 1000 + "）" * 999, "。" * 500, "\r\n中文,\r\n", "...." * 100,
])
def test_fuzz_safe(text):
    found = lint(text)
    for f in found:
        assert 0 <= f.start <= f.end <= len(text)
        if f.fix:
            assert 0 <= f.fix.start <= f.fix.end <= len(text)


def test_linear_time_on_a_huge_single_line():
    text = ("银行贷款逾期后,借款人应当主动联系银行 说明情况(必要时提供证明)!" * 4000)
    t0 = time.perf_counter()
    lint(text)
    assert time.perf_counter() - t0 < 10


def test_documentation_and_messages_are_complete():
    assert Punctuation.summary and Punctuation.summary_en and Punctuation.rationale_en
    assert Punctuation.examples
    for key, msg in Punctuation.messages.items():
        assert msg["zh"] and msg["en"], key


# -- the seed gold ------------------------------------------------------------------------
def test_seed_gold_precision_and_recall(shared_dir):
    precision, recall = seed_gold_scores(shared_dir, "punctuation", lint)
    assert precision >= 0.95
    assert recall >= 0.95


def _rules(text):
    return [(f.rule, text[f.start:f.end]) for f in lint_text(text, select=["punctuation"])]


def test_function_call_brackets_are_code_but_chinese_brackets_are_not():
    assert _rules("=IPMT(3.5%/12, 1, 360, -1000000) 约为2,916.67元（利息）\n") == []
    assert _rules("可以用ROUND(x, 2)取整。\n") == []
    # an identifier followed by a bare figure, or Chinese inside, is still a Chinese bracket
    assert _rules("当时的LPR(3.45%)已经下调。\n") == [("punctuation/half-width", "(3.45%)")]
    assert _rules("参考LPR(贷款市场报价利率)定价。\n") == [("punctuation/half-width", "(贷款市场报价利率)")]


def test_quoted_non_chinese_literal_keeps_its_marks():
    assert _rules("单元格显示“#NUM!”时，请检查参数。\n") == []
    assert _rules("他问“逾期了怎么办?”\n") == [("punctuation/half-width", "?")]


def test_dateline_ideographic_space_is_not_stray():
    assert _rules("本报讯　近日，法院审结一起案件。\n") == []
    # the same space inside a sentence is still stray
    assert _rules("近日，法院审结一起　信用卡纠纷案件。\n") == [("punctuation/stray-space", "\u3000")]


def test_discourse_marker_needs_a_sentence_start():
    assert _rules("这样做看似方便，实际上让自己承担了与实际承受能力不匹配的风险。\n") == []
    found = _rules("实际上让自己承担了与实际承受能力不匹配的风险。\n")
    assert [r for r, _ in found] == ["punctuation/missing-comma"]


def test_ascii_double_quotes_around_chinese_words_become_chinese_quotes():
    text = '警惕推销"高收益、零风险"产品的人。\n'
    (f,) = lint(text)
    assert apply_fixes(text, [f]) == "警惕推销“高收益、零风险”产品的人。\n"
    # a quotation of Latin text, code, an HTML attribute or a formula keeps its ASCII quotes
    assert _rules('他只回了一句"OK"就挂了电话。\n') == []
    assert _rules('点击<a href="https://example.com/loan">这里</a>查看详情。\n') == []
    assert _rules('可以写成=IF(A1>0,"是","否")判断是否逾期。\n') == []
    assert _rules('<img alt="逾期记录" src="a.jpg">这是一张截图。\n') == []
    # an odd count on the line: which quote opens and which closes is a guess, so none is made
    assert _rules('所谓"债务优化"和"停息挂账说法都不可信。\n') == []
