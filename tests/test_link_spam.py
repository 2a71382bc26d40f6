from __future__ import annotations

import pytest

from chrome_support import apply_fixes, assert_linear, assert_survives_odd_inputs, check_metadata, gold_summary, lint

BODY = ("网贷逾期之后，最重要的是尽早与平台取得联系，说明自己的实际困难和还款意愿。多数平台都有专门的协商渠道，可以申请延期或者分期。\n"
        "协商时要准备好收入证明等材料，并提出一个自己确实能够执行的还款计划，达成协议后保存好凭证。\n")

QUESTIONS = ["信用卡逾期三天会上征信吗", "花呗逾期一天有影响吗怎么办", "网贷协商延期还款怎么申请", "银行卡只收不付怎么解除"]


def test_metadata():
    check_metadata("link-spam")


@pytest.mark.parametrize("label", ["相关文章", "推荐阅读:", "【猜你喜欢】", "热门文章 更多>>", "延伸阅读"])
def test_labelled_block_is_one_finding_with_delete_fix(label):
    block = label + "\n" + "\n".join(QUESTIONS[:3]) + "\n"
    text = BODY + "\n" + block
    found = lint("link-spam", text)
    assert len(found) == 1
    f = found[0]
    assert text[f.start:f.end] == block.rstrip("\n")
    assert apply_fixes(text, found) == BODY + "\n"
    assert f.data["lines"][1] - f.data["lines"][0] == 3


def test_title_teaser_pairs_without_label():
    pairs = ("2025年个人征信新规解读\n\n2025年个人征信新规解读 随着社会信用体系建设的推进，征信记录的重要性越来越突出，不仅影响贷款...\n\n"
             "借呗逾期一年会被起诉吗\n\n借呗逾期一年会被起诉吗 借呗是一款常用的消费信贷产品，如果长期逾期不还，平台可能会...\n")
    text = BODY + "\n" + pairs
    found = lint("link-spam", text)
    assert len(found) == 1 and text[found[0].start:found[0].end] == pairs.rstrip("\n")


def test_bullet_list_of_question_titles_in_the_tail():
    block = "\n".join("  • " + q for q in QUESTIONS)
    text = BODY + "\n" + block
    found = lint("link-spam", text)
    assert len(found) == 1
    assert found[0].message.en.startswith("a block of 4 links")


def test_block_inside_the_article():
    text = BODY + "推荐阅读：\n1. 车贷逾期多久会被拖车\n2. 汽车金融公司和银行车贷哪个好\n\n" + BODY
    found = lint("link-spam", text)
    assert len(found) == 1
    assert apply_fixes(text, found) == BODY + "\n" + BODY


@pytest.mark.parametrize("block", [
    # a checklist in the body: short bullet lines, but not question titles
    "申请时需要准备以下材料：\n- 夫妻双方的身份证和户口簿\n- 婚姻状况证明\n- 近六个月的银行流水\n- 收入证明和工作证明\n",
    # a table of contents: numbered question headings
    "目录\n一、申请房贷需要哪些材料\n二、银行审批要多久\n三、审批不通过怎么办\n",
    # FAQ: questions each followed by an answer
    "征信有逾期怎么办？\n可以先结清欠款，保持一段时间的良好记录后再申请贷款。\n负债率过高怎么办？\n可以先提前归还部分消费贷款，降低月还款额占收入的比例。\n",
    # two question headings only
    "逾期了怎么办\n会上征信吗\n",
    # a label with nothing under it
    "相关文章\n",
])
def test_body_structures_are_silent(block):
    text = BODY + block + BODY
    assert lint("link-spam", text) == []


def test_question_lines_in_the_body_are_not_a_link_list():
    # three short question lines between prose paragraphs, without bullets, are the article's own subheadings
    text = BODY + "\n".join(QUESTIONS[:3]) + "\n" + BODY
    assert lint("link-spam", text) == []


def test_odd_inputs():
    assert_survives_odd_inputs("link-spam")


def test_linear_time():
    assert_linear("link-spam", "  • 信用卡逾期三天会上征信吗\n相关文章")


def test_gold(shared_dir):
    s = gold_summary(str(shared_dir))["categories"]["link-spam"]
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s


def test_titles_listed_on_the_label_line():
    line = "相关推荐：房贷提前还款划算吗 | 公积金贷款可以提前还吗 | 提前还款后征信多久更新"
    text = BODY + line + "\n"
    (f,) = lint("link-spam", text)
    assert text[f.start:f.end] == line and "3" in f.message.zh
    assert apply_fixes(text, [f]) == BODY
    # a label with one item, a label before a sentence, or items that are sentences stay silent
    for quiet in ("相关问题：逾期以后怎么和银行协商？",
                  "相关推荐：先看合同约定，再决定是否提前还款。",
                  "相关内容：提前还款要预约。 | 违约金按合同约定收取。"):
        assert lint("link-spam", BODY + quiet + "\n") == [], quiet
