from __future__ import annotations

from checks.generation_residue import GenerationResidue
from linter.runner import lint_text
from residue_helpers import assert_fuzz_safe, rules

ID = "generation-residue"


def test_prompt_leak_and_chat_voice_sentences():
    text = "用户希望了解信用卡逾期的后果。下面我将为您梳理相关要点：逾期会产生罚息。希望以上回答对您有帮助！"
    got = rules(text, ID)
    assert got == [("generation-residue/prompt-leak", "用户希望了解信用卡逾期的后果。"),
                   ("generation-residue/chat-voice", "下面我将为您梳理相关要点："),
                   ("generation-residue/chat-voice", "希望以上回答对您有帮助！")]


def test_an_assistants_opening_with_a_full_width_exclamation():
    text = "当然可以！以下是关于个人养老金账户的详细介绍：\n个人养老金账户每年缴费上限为12000元。\n"
    assert rules(text, ID) == [("generation-residue/prompt-leak", "当然可以！以下是关于个人养老金账户的详细介绍：")]
    assert rules("当然可以提前还款，但要先看合同。\n", ID) == []


def test_ordinary_uses_are_silent():
    text = ("很多用户希望了解信用卡逾期的后果。请以合同约定为准。作为一家持牌机构，该公司利率透明。"
            "下面我们来看看逾期的后果。希望本文对您有所帮助。")
    assert rules(text, ID) == []


def test_writing_instruction():
    assert rules("请以“网贷逾期怎么办”为题，写一篇文章。\n正文。", ID)[0][0] == "generation-residue/prompt-leak"


def test_placeholders():
    got = rules("{title}的申请条件：摘要：请前往标签设置摘要。作者：{{author}}", ID)
    assert [r for r, _ in got] == ["generation-residue/placeholder"] * 3


def test_placeholders_inside_markdown_code_are_intended():
    assert rules("模板语法：`{{title}}` 会被替换为标题。", ID, path="doc.md") == []
    assert rules("模板语法：`{{title}}` 会被替换为标题。", ID, path="doc.txt") != []


def test_lead_repeat():
    lead = "信用卡逾期三个月后，银行会采取电话提醒、短信通知等方式催收，持卡人应尽快协商还款。"
    text = f"信用卡逾期三个月的影响\n摘要：{lead}\n{lead}逾期记录会上报征信。\n"
    (f,) = lint_text(text, select=[ID])
    assert f.rule == "generation-residue/lead-repeat"
    assert text[f.fix.start:f.fix.end] == f"摘要：{lead}\n"


def test_title_hooks():
    (f,) = lint_text("信用卡逾期三个月怎么办？看完你就懂了\n正文。", select=[ID])
    assert f.rule == "generation-residue/title-hook" and f.fix.replacement == ""
    assert "信用卡逾期三个月怎么办？看完你就懂了"[:f.start] == "信用卡逾期三个月怎么办？"
    assert rules("征信花了怎么办【干货】\n正文。", ID) == [("generation-residue/title-hook", "【干货】")]
    assert rules("一文读懂LPR\n正文。", ID) == []


def test_metadata_and_messages():
    for key, msg in GenerationResidue.messages.items():
        assert msg["zh"] and msg["en"], key


def test_fuzz_safe():
    assert_fuzz_safe(ID)


def test_chat_openers_and_article_announcements():
    text = "好的，我明白了。以下是关于征信异议申请的文章：\n\n征信报告出现错误，可以申请异议。"
    assert rules(text, ID) == [("generation-residue/prompt-leak", "好的，我明白了。"),
                               ("generation-residue/prompt-leak", "以下是关于征信异议申请的文章：")]
    # announcing a list of tips is ordinary prose
    assert rules("以下是关于提前还款的几点建议：先看合同，再算利息。", ID) == []
    assert rules("字数：约1200字\n公积金贷款额度一般与缴存余额有关。", ID) == [
        ("generation-residue/prompt-leak", "字数：约1200字")]


def test_bracketed_instructions_and_template_notes():
    text = "需要准备身份证和结清证明。【此处可插入一个真实案例】\n以上测算仅供参考。（注：以上数据仅为示例，请根据实际情况替换。）"
    assert sorted(rules(text, ID)) == sorted([("generation-residue/placeholder", "【此处可插入一个真实案例】"),
                                              ("generation-residue/placeholder", "（注：以上数据仅为示例，请根据实际情况替换。）")])
    # brackets that only mention a place are content
    assert rules("具体费率见下表（此处为2024年数据）。", ID) == []


def test_edit_requests_to_the_user():
    text = "以上就是本文的全部内容，如需修改语气或补充细节，请告诉我。"
    assert rules(text, ID) == [("generation-residue/chat-voice", text)]


def test_the_alt_text_of_a_markdown_image_is_no_placeholder():
    # markup-residue reports the image; its alt text 图片 is what such images carry
    assert rules("逾期记录会保留五年。\n![图片](https://img.example.com/a.jpg)\n", ID) == []
    assert rules("逾期记录会保留五年。\n[图片]\n", ID) == [("generation-residue/placeholder", "[图片]")]
