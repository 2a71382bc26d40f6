"""missing-char, session 9: evidence a short article can give."""
from __future__ import annotations

from linter.runner import lint_text


def mc(text: str):
    return lint_text(text, select=["missing-char"])


def test_three_cut_spaces_before_the_same_word_are_cuts_not_a_pasted_keyword():
    # 风险 deleted before 承受能力 three times: the same four characters follow each space, but a
    # pasted keyword (a title question) repeats much longer than a word does
    text = ("银行理财产品怎么选\n"
            "购买理财产品之前，银行会对客户进行 承受能力评估，评估结果决定能买哪一级产品。\n"
            "首先，要根据自己的 承受能力选择产品，不要只看预期收益率。\n"
            "总的来说，只要选择与自身 承受能力相匹配的产品，就能获得合理回报。\n")
    spaces = [f for f in mc(text) if text[f.start:f.end] == " "]
    assert len(spaces) == 3
    # ... and the keyword pasted after spaces stays silent (test_missing_char.py has the short one)
    stuffed = ("由此可见, 银行理财产品靠谱吗要看产品。理解 银行理财产品靠谱吗要看产品。"
               "针对 银行理财产品靠谱吗要看产品。\n")
    assert mc(stuffed) == []


def test_two_strong_orphans_show_a_character_deleted_in_a_short_article():
    text = "很多人关心的问是:利率下调以后还要不要提前还款?其实这个问没有统一答案。\n"
    assert [(text[f.start:f.end], f.fix.replacement) for f in mc(text)] == [("问", "问题"), ("问", "问题")]
    # the verb 问 twice is no orphan of 问题
    assert mc("上周我问了银行客服,对方让我再问一问贷款经理。\n") == []


def test_a_term_cut_the_same_way_three_times_is_restored_when_other_orphans_show_the_cut():
    # 证 deleted from every 保证: 连带责任保 three times looks like an unknown compound on its own,
    # but 一般保, 保合同 and 保期间 show the same part gone
    text = ("担保人要承担哪些责任\n"
            "保分为一般保和连带责任保两种。当事人在保合同中对保方式没有约定的，按照一般保承担责任。\n"
            "连带责任保则不同，债权人可以直接要求保人还款。银行大多要求连带责任保，签字前要看清条款。\n"
            "债权人与保人可以约定保期间；没有约定的，保期间为六个月。\n")
    got = {text[f.start - 4:f.end]: f.fix.replacement for f in mc(text) if f.fix}
    assert got["连带责任保"] == "保证"
    # an orphan always beside the same word, with no cut shown elsewhere, is still a compound (发|小)
    friend = ("秦先生前年给发小转了六万元。两年过去，发小绝口不提还钱。秦先生整理出发小的聊天记录，"
              "法院判决发小归还借款。\n")
    assert mc(friend) == []


def test_a_word_shown_gone_is_not_put_back_before_an_institutions_name():
    # 法院 is gone (最高人民|修订, 向人民|起诉), but 向|银保监会 names whom to complain to: no 法院 there
    text = ("民间借贷利息多少受法律保护\n"
            "2020年最高人民修订了民间借贷司法解释，把利率保护上限调整为一年期贷款市场报价利率的四倍。\n"
            "借条要写清楚金额和利率，这样一旦发生纠纷，向人民起诉时证据更充分。\n"
            "如遇非法放贷，也可以向银保监会反映，或者向当地人民起诉。\n")
    fixes = [(text[f.start - 2:f.end], f.fix.replacement) for f in mc(text) if f.fix]
    assert fixes and all(r == "法院" for _, r in fixes)
    assert not any("银" in ctx for ctx, _ in fixes)
