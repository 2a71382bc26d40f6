from __future__ import annotations

import pytest

from chrome_support import apply_fixes, assert_linear, assert_survives_odd_inputs, check_metadata, gold_summary, lint

BODY = ("申请房贷前，借款人应当先查询个人征信报告，确认没有未结清的逾期记录，并计算好每月还款额占收入的比例。"
        "银行通常要求月供不超过月收入的一半，收入证明和银行流水是审批的重要依据。\n"
        "如果征信报告中有错误信息，可以向征信中心或者数据报送机构提出异议，核实后错误记录会被更正。\n")


def texts(lines):
    return "\n".join(lines) + "\n"


def test_metadata():
    check_metadata("boilerplate")


@pytest.mark.parametrize("line", [
    "首页 > 房贷资讯 > 正文",
    "当前位置：首页 > 信用卡",
    "2024 08/ 15 10:42:07",
    "发布时间：2024-11-02 09:15  来源：某某财经",
    "来源:某某理财网",
    "作者：张三",
    "字体:",
    "文章正文",
    "阅读(2315)",
    "小花2024-12-09债务优化83",
])
def test_header_lines_are_flagged(line):
    text = texts(["房贷审批要多久", line, ""]) + BODY
    found = lint("boilerplate", text)
    assert len(found) == 1, found
    f = found[0]
    assert text[f.start:f.end] == line
    # the fix deletes the whole line including its newline
    assert text[f.fix.start:f.fix.end] == line + "\n" and f.fix.replacement == ""


@pytest.mark.parametrize("line", [
    "未经允许不得转载：某某财经 » 房贷审批要多久",
    "Copyright © 2000 - 2024 All Rights Reserved.",
    "版权所有 © 2015-2024 某某理财网",
    "辽B2-20140004-27.",
    "京ICP备16088223号-2",
    "【纠错】 【责任编辑:王五】",
    "上一篇：信用卡年费怎么免",
])
def test_footer_lines_are_flagged(line):
    text = BODY + "\n" + line + "\n"
    found = lint("boilerplate", text)
    assert [text[f.start:f.end] for f in found] == [line]


def test_fix_removes_exactly_the_chrome():
    text = texts(["首页 > 房贷 > 正文", "来源:某某网", "房贷审批要多久"]) + BODY + "版权所有 某某网\n"
    fixed = apply_fixes(text, lint("boilerplate", text))
    assert fixed == "房贷审批要多久\n" + BODY


@pytest.mark.parametrize("sentence", [
    "这类产品的收益来源主要是债券利息，作者认为投资者应当看懂收益来源。",
    "据新华社报道，来源于央行的数据显示，2024-05-01以来贷款利率持续下行。",
    "本文的版权所有人同意转载，但请注明出处和作者，并保留原文链接。",
])
def test_body_sentences_mentioning_labels_are_silent(sentence):
    text = "房贷审批要多久\n\n" + BODY + sentence + "\n" + BODY
    assert lint("boilerplate", text) == []


def test_body_label_line_is_silent_but_head_label_is_not():
    # "来源：" as a caption inside the body is content; the same line in the page head is chrome
    body_caption = "房贷审批要多久\n" + BODY + "来源：中国人民银行\n" + BODY
    assert lint("boilerplate", body_caption) == []
    head = "房贷审批要多久\n来源：中国人民银行\n" + BODY
    assert len(lint("boilerplate", head)) == 1


def test_tail_citation_alone_is_silent_but_meta_with_date_is_not():
    assert lint("boilerplate", BODY + "（来源：新华社）\n") == []
    assert len(lint("boilerplate", BODY + "来源：新华社 2024-05-01 10:00\n")) == 1


def test_title_with_prose_date_is_not_a_stamp():
    text = "2024年12月9日央行降准0.5个百分点\n" + BODY
    assert lint("boilerplate", text) == []


def test_crlf_fix_deletes_terminator():
    text = "首页 > 房贷 > 正文\r\n房贷审批要多久\r\n" + BODY.replace("\n", "\r\n")
    found = lint("boilerplate", text)
    assert len(found) == 1
    assert apply_fixes(text, found).startswith("房贷审批要多久\r\n")


def test_odd_inputs():
    assert_survives_odd_inputs("boilerplate")


def test_linear_time():
    assert_linear("boilerplate", "首页 > 房贷 > 正文 来源:某某网 2024-01-01 12:00")


def test_gold(shared_dir):
    s = gold_summary(str(shared_dir))["categories"]["boilerplate"]
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s


def test_long_title_with_comma_is_not_the_body():
    """A title like "…怎么算,年化利率到底有多高" is not prose: the meta lines under it are still the head."""
    text = "信用卡分期手续费怎么算,年化利率到底有多高\n作者:理财小白兔 | 2024年5月12日 | 阅读 3.2万\n" + BODY
    found = lint("boilerplate", text)
    assert [text[f.start:f.end] for f in found] == ["作者:理财小白兔 | 2024年5月12日 | 阅读 3.2万"]


@pytest.mark.parametrize("line", [
    "首页 | 新闻中心 | 政策解读 | 办事指南 | 互动交流",
    "关注我们 | 联系我们 | 广告合作 | 免责声明 | 网站地图",
    "喜欢 (128) 收藏 (56) 打赏",
    "点赞 36 · 分享",
    "本文由理财小白兔原创,欢迎关注,转载请联系作者授权。",
    "主办单位：某某市住房公积金管理中心　　承办单位：某某市大数据中心",
])
def test_tail_chrome_variants(line):
    found = lint("boilerplate", BODY + line + "\n")
    assert [(BODY + line)[f.start:f.end] for f in found] == [line]


def test_footer_fields_need_a_chrome_neighbour():
    """地址：/客服热线： alone after the body may be content; in a footer block it is chrome."""
    alone = BODY + "咨询电话：95588\n"
    assert lint("boilerplate", alone) == []
    block = BODY + "客服热线：400-8821-365\n地址：深圳市福田区深南大道6008号\n版权所有 © 2024 某某网\n"
    assert len(lint("boilerplate", block)) == 3


def test_comment_section_lines_are_left_to_fake_comments():
    text = (BODY + "网友评论（共2条）\n用户138****5621：写得很实在。\n2024-06-19 10:21　回复　点赞(12)\n"
            "匿名用户：协商之后一定要保留录音\n2024-06-21 21:13　回复\n")
    assert lint("boilerplate", text) == []
    assert len(lint("fake-comments", text)) == 1


def test_body_nav_like_line_is_silent():
    """Separators inside the body (a list of products) are not a navigation bar."""
    text = "理财产品怎么选\n" + BODY + "股票 | 基金 | 债券 | 存款\n" + BODY
    assert lint("boilerplate", text) == []


def test_a_disclaimer_sentence_in_the_tail_leaves_the_notice_before_it_in_the_tail_too():
    # the disclaimer reads like a sentence, but it is the site's, so the notice above it is tail chrome
    tail = ["本文来源于网络，如有侵权请联系删除。", "声明：本文仅代表作者个人观点，不构成投资建议。"]
    text = BODY + "\n" + texts(tail)
    assert [text[f.start:f.end] for f in lint("boilerplate", text)] == tail
