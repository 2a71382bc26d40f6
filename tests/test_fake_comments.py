from __future__ import annotations

import pytest

from chrome_support import apply_fixes, assert_linear, assert_survives_odd_inputs, check_metadata, gold_summary, lint

BODY = ("信用卡逾期被银行起诉后，首先要确认诉讼的真实性，可以通过诉讼服务热线或者直接联系法院核实，防止有人冒充法院实施诈骗。\n"
        "确认属实后应当按时出庭应诉，即使暂时无力还款，也要到庭说明情况，向法官提出分期还款的方案。\n")


def test_metadata():
    check_metadata("fake-comments")


@pytest.mark.parametrize("label", ["精彩评论", "网友评论", "最新评论(3)", "热门评论"])
def test_labelled_section_is_one_block(label):
    section = (f"{label}\n\n头像 东新-律师 2025-04-17\n被起诉后不要逃避，按时出庭是最好的办法。\n"
               "头像 宁问-律师助理 2025-04-17\n法院一般会先组织调解，调解不成再判决。\n回复\n")
    text = BODY + "\n" + section
    found = lint("fake-comments", text)
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == section.rstrip("\n")
    assert apply_fixes(text, found) == BODY + "\n"
    assert "2" in found[0].message.zh


def test_unlabelled_persona_entries():
    section = ("王律师 2025-01-12 09:30\n断供三个月以上银行就可能起诉，最好提前沟通。\n\n"
               "网友 刘女士 3天前\n我们家去年也遇到过，后来协商延长了贷款期限。\n")
    text = BODY + "\n" + section
    found = lint("fake-comments", text)
    assert len(found) == 1 and text[found[0].start:found[0].end] == section.rstrip("\n")


def test_name_colon_entries_under_a_label():
    section = "网友评论\n张先生：写得很清楚，按文中方法和银行协商成功了。\n小李88：请问诉前调解可以拒绝吗？\n"
    text = BODY + section
    found = lint("fake-comments", text)
    assert len(found) == 1 and found[0].data["lines"] == [3, 5]


def test_block_stops_before_following_content():
    section = "精彩评论\n头像 东新-律师 2025-04-17\n按时出庭是最好的办法。\n"
    after = "\n  • 工商银行逾期会上门吗\n  • 消费借款协商延期怎么办\n"
    text = BODY + section + after
    found = lint("fake-comments", text)
    assert len(found) == 1
    assert apply_fixes(text, found) == BODY + after


@pytest.mark.parametrize("text", [
    # one dated persona line is an attribution, not a comment section
    BODY + "王律师 2025-01-12\n断供三个月以上银行就可能起诉。\n" + BODY,
    # quoting lawyers in the body
    BODY + "北京某律师事务所的王律师表示，继承人放弃继承的，对债务可以不负清偿责任。\n" + BODY,
    # an author line with a prose date
    BODY + "张华 律师 2024年9月\n" + BODY,
    # a section label with no comments under it
    BODY + "评论\n" + BODY,
    # a heading that mentions comments
    "网友评论为何一边倒\n" + BODY,
])
def test_silent(text):
    assert lint("fake-comments", text) == []


def test_odd_inputs():
    assert_survives_odd_inputs("fake-comments")


def test_linear_time():
    assert_linear("fake-comments", "头像 东新-律师 2025-04-17\n按时出庭。")


def test_gold(shared_dir):
    s = gold_summary(str(shared_dir))["categories"]["fake-comments"]
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s


def test_text_then_date_line_entries():
    """Comment text first, then its date/reply/like line (forum style), under a counted label."""
    body = "网贷逾期后应当主动联系平台，说明情况，提出可行的还款方案，并保留协商记录。\n"
    block = ("网友评论（共3条）\n用户138****5621：写得很实在，减免了一半罚息。\n2024-06-19 10:21　回复　点赞(12)\n"
             "借贷宝宝：平台说不能协商怎么办\n2024-06-20 08:47　回复　点赞(1)\n"
             "这个方法我试过，确实有用\n3天前　回复\n")
    text = body + block
    (f,) = lint("fake-comments", text)
    assert text[f.start:f.end] == block.rstrip("\n")
    assert "3条评论" in f.message.zh


@pytest.mark.parametrize("label", ["律师解答（3）", "最新留言", "热门回复"])
def test_more_section_labels(label):
    body = "信用卡被起诉后应当按时出庭，缺席判决会让持卡人失去对利息提出异议的机会。\n"
    block = f"{label}\n赵明远律师　北京某律师事务所　2024-11-03\n建议按时出庭。\n有用(21)\n"
    (f,) = lint("fake-comments", body + block)
    assert (body + block)[f.start:f.end] == block.rstrip("\n")
