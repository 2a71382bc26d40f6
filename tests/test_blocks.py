"""linter/blocks.py (line structure shared by the page-chrome checks) and a fuzz run of those checks."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chrome_support import CHROME, lint
from linter import blocks
from linter.document import Document


def lines_of(text):
    return blocks.layout(Document(text)).lines


def test_line_features():
    ln = lines_of("  • 信用卡逾期怎么办\u00a0\n")[0]
    assert ln.bullet == "•" and ln.body == "信用卡逾期怎么办" and ln.text == "• 信用卡逾期怎么办"
    assert ln.start == 0 and ln.lead == 2 and ln.next_start == len("  • 信用卡逾期怎么办\u00a0\n")
    h = lines_of("## 标题\n")[0]
    assert h.heading == 2 and h.body == "标题"
    t = lines_of("征信记录不仅影响贷款，还与个人的日常生活...\n")[0]
    assert t.ends_ellipsis and not blocks.is_prose(t)


def test_head_and_tail_zones():
    text = "首页 > 正文\n标题\n\n" + "这是一段足够长的正文内容，用来确定正文开始的位置，并且带有标点。\n" * 2 + "版权所有\n"
    lay = blocks.layout(Document(text))
    assert [ln.text for ln in lay.head()] == ["首页 > 正文", "标题"]
    assert [ln.text for ln in lay.tail_lines()] == ["版权所有"]


def test_layout_is_cached_per_document():
    doc = Document("a\nb\n")
    assert blocks.layout(doc) is blocks.layout(doc)


def test_delete_fix_covers_line_terminators():
    text = "甲\r\n乙\n丙"
    lay = blocks.layout(Document(text))
    a, b, c = lay.lines
    assert lay.delete_fix(a).end == 3 and lay.delete_fix(b, c).end == len(text)


def test_question_and_stamp_helpers():
    assert blocks.is_question("房贷逾期一个月会上门吗")
    assert blocks.is_question("银行卡被冻结了怎么办")
    assert blocks.is_question("是否需要提前还款")
    assert not blocks.is_question("国家金融监督管理总局")
    assert blocks.has_stamp("2025 04/ 09 16:58:43") and blocks.has_stamp("小花2024-12-09债务优化83")
    assert not blocks.has_stamp("2024年12月9日央行降准")
    assert blocks.is_enumerated("一、概述") and blocks.is_enumerated("1. 材料") and not blocks.is_enumerated("10万元以下")
    assert blocks.norm_key("# 标题？ ") == blocks.norm_key("标题") == "标题"


def test_comment_helpers():
    header = lines_of("头像 东新-律师 2025-04-17\n")[0]
    assert blocks.is_comment_header(header)
    assert not blocks.is_comment_header(lines_of("王律师表示，2025-04-17起执行新规。\n")[0])
    assert blocks.is_comment_label(lines_of("精彩评论\n")[0])
    assert blocks.is_comment_widget(lines_of("赞(12)\n")[0])


ALPHABET = st.sampled_from(list("贷款逾期吗？?，,。:：>»•-# \n\r\t\u00a0\u3000\u200b1234567890…评论头像律师首页来源相关文章版权©")
                           + ["...", "2024-05-01", "14:27", "\n\n", "精彩评论", "相关文章", "房贷逾期一个月会上门吗"])


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=300).map("".join))
def test_fuzz_chrome_checks(text):
    for check_id in CHROME:
        for f in lint(check_id, text):
            assert f.rule != "internal-error", f.message.en
            assert 0 <= f.start <= f.end <= len(text)
            if f.fix:
                assert 0 <= f.fix.start <= f.fix.end <= len(text)
                # deletions cover whole lines: they start at a line start
                assert f.fix.start == 0 or text[f.fix.start - 1] in "\r\n"
