"""missing-char: list items, truncated teasers, the one predicted completion (session 5)."""
from checks.missing_char import MissingChar
from checks.missing_char.common import _list_item
from checks.missing_char.insertions import find_insertions
from checks.missing_char.orphans import find_orphans
from checks.missing_char.spaces import find_spaces
from linter import ngrams
from linter.document import Document
from linter.runner import lint_text


def mc(text: str):
    return [f for f in lint_text(text, select=["missing-char"]) if f.check_id == "missing-char"]


def _orphan_restorations(text: str) -> set[str]:
    doc = Document(text)
    return {c.repl for site in find_orphans(text, doc.tokens, lambda s: True, MissingChar.options["max-orphan-freedom"].default) for c in site}


def test_a_conjunction_after_the_list_comma_is_no_one_character_item():
    assert _list_item("农") and not _list_item("或") and not _list_item("和")
    # 扰、或泄露: the item before 、 lost its first character, the list goes on with 或
    assert "骚扰" in _orphan_restorations("不得侵犯借款人的合法权益，包括但不限于扰、或泄露个人信息。")
    # ... while an enumeration of one-character items is still no cut (理、工、农、医)
    assert _orphan_restorations("学校开设理、工、农、医等学科。") == set()


def test_a_teaser_the_page_cut_short_is_not_a_filter_deletion():
    assert _orphan_restorations("银行通常会收取一定的罚...\n") == set()
    assert _orphan_restorations("银行通常会收取一定的罚…\n") == set()
    assert _orphan_restorations("银行通常会收取一定的罚，具体看合同。\n") != set()


def test_the_one_completion_the_context_predicts_among_those_the_document_lacks():
    # both 骚 and 干 are absent, so absence alone cannot choose between 骚扰 and 干扰; the
    # context predicts only 骚扰 (违规催收 … 扰、或泄露)
    text = ("法律明确规定，催收过程中不得侵犯借款人的合法权益，包括但不限于扰、或泄露个人信息。\n"
            "借款人遇到违规催收可以保留证据并向有关部门投诉。\n")
    fixes = {f.fix.replacement for f in mc(text) if f.fix}
    assert fixes == {"骚扰"}
    # with 骚扰 written elsewhere in the document, 骚 is not deleted by a filter here
    assert "骚扰" not in {f.fix.replacement for f in mc(text + "很多人担心骚扰电话。\n") if f.fix}


def test_a_word_formed_across_a_space_may_not_take_half_of_a_frequent_word():
    from checks.missing_char.spaces import _splits_word

    text = "公安机关可以向反 行政主管部门查询。\n"
    doc = Document(text)
    s = text.index(" ")
    beside = doc.tokens_in(s - 3, s) + doc.tokens_in(s + 1, s + 4)
    assert _splits_word(beside, s + 2)  # 反|向而|行 + 政: 行政 cut in half
    assert not _splits_word(beside, s + 3)  # 行政 whole
    # so 反向而行 (a rare idiom) is not restored across the space, whatever the document says
    sites = find_spaces(text, doc, lambda w: True)
    assert all(c.word != "反向而行" for site in sites for c in site)


def test_a_numeral_and_measure_word_or_a_word_and_a_plain_verb_is_no_fragment():
    from checks.missing_char.partials import _compositional

    assert _compositional("一截") and _compositional("优先选")
    assert not _compositional("国院") and not _compositional("人法院")
    text = ("异地就医的报销比例比本地低了一截。\n手头宽裕的家庭优先选缩短年限，收入不稳的优先选减少月供。\n"
            "两种方式各有利弊，借款人应结合自身情况决定。\n")
    assert [f for f in mc(text) if f.data.get("kind") == "partial"] == []


def test_a_fragment_whose_word_pairs_the_register_writes_is_a_phrase():
    from checks.missing_char.partials import _attested_alone

    def toks(s):
        return Document(s).tokens

    assert _attested_alone(toks("可执行"))  # 可|执行: a modal and its verb, common in the register
    assert not _attested_alone(toks("权人"))  # 权|人: pieces of 抵押权人 / 债权人, never a phrase
    text = "由于对方名下已经没有可执行的财产，法院裁定终结本次执行程序。\n"
    assert [f for f in mc(text) if f.data.get("kind") == "partial"] == []


def test_an_agent_noun_or_a_predicate_adjective_is_no_fragment():
    from checks.missing_char.partials import _compositional

    assert _compositional("管理人") and _compositional("状况好")  # not 管理人员 / 状况良好 cut
    text = ("破产程序中，债务人需要配合管理人的工作，并如实报告财产。\n如果经营状况好，年底可以多分红。\n"
            "管理人由人民法院指定，对人民法院负责。\n")
    assert [f for f in mc(text) if f.data.get("kind") == "partial"] == []


def test_an_orphan_always_beside_the_same_content_character_is_a_compound():
    # 发|小 five times is 发小 (a childhood friend), not 发展 with 展 deleted everywhere
    text = ("秦先生前年给发小转了6万元，微信上只有一句谢了。\n两年过去，发小绝口不提还钱。\n"
            "秦先生整理出了发小在转账前两天发来的消息。\n发小在庭上坚持称是赠与。\n法院判决发小归还6万元。\n")
    assert [f for f in mc(text) if f.fix and f.fix.replacement == "发展"] == []


def test_a_filter_deletes_words_so_a_missing_part_must_be_one():
    # 信 → 信用卡 would need 用卡, which is no word: 一封信 is a letter
    assert "信用卡" not in _orphan_restorations("单位前台也收到了一封同样的信。\n")
    # ... while a one-character part is still proposed (扰 → 骚扰)
    assert "骚扰" in _orphan_restorations("不得对借款人进行任何形式的扰或侵害。\n")


def test_one_character_items_of_a_list_are_no_remainders_in_either_pass():
    from checks.missing_char.common import _in_char_list

    toks = Document("理、工、农、医院校应当不少于六万册。\n").tokens
    i = next(k for k, t in enumerate(toks) if t.text == "农")
    assert _in_char_list(toks, i)
    toks = Document("申请分期、或延期还款。\n").tokens
    assert not any(_in_char_list(toks, k) for k in range(len(toks)))


def test_an_orphan_noun_is_the_pages_shorthand_for_a_compound_it_heads():
    text = ("企业收到商业承兑汇票时，先查承兑人的信用。\n承兑汇票到期前可以贴现。\n"
            "这种票能收吗？承兑人持续逾期的，这样的票坚决不能收。\n大集团开的票也要核对背书是否连续。\n")
    assert [f for f in mc(text) if f.fix and f.fix.replacement == "股票"] == []


def test_a_monosyllabic_verb_with_its_result_is_a_verb():
    assert "选择" not in _orphan_restorations("备案时选到省一级的，可以在全省定点医院直接结算。\n")
    assert "保留" not in _orphan_restorations("寿险可以保到60岁，也可以保30年。\n")
    # ... but not after 的: 类似的问在网上讨论很多 is still 问题 cut
    assert "问题" in _orphan_restorations("类似的问在网上讨论很多，但说法不一。\n")


def test_when_and_a_verbs_result_end_a_phrase():
    from checks.missing_char.partials import _compositional

    assert _compositional("诉讼时") and _compositional("转成")
    assert not _compositional("人法院")


def test_a_noun_before_its_postposition_stands_as_a_word():
    # 的表上，: the repayment table, not 表面 cut
    assert "表面" not in _orphan_restorations("等额本息的表上，月供是固定的。\n")


def test_a_page_with_no_other_damage_needs_more_evidence_of_a_traceless_deletion():
    from pathlib import Path

    from checks.missing_char.common import DocCounts

    # a clean article on debt collection lacks 每年, and 春节|前后 would read well with it
    text = (Path(__file__).resolve().parent.parent / "corpus" / "staging" / "collect-70.txt").read_text(encoding="utf-8")
    doc = Document(text)
    chk = MissingChar()
    words = {ngrams.word_key(t.text) for t in doc.tokens}
    assert find_insertions(chk.opts, text, doc.tokens, DocCounts(text), {}, words, True)  # on a damaged page it would be offered
    assert find_insertions(chk.opts, text, doc.tokens, DocCounts(text), {}, words, False) == []
    assert [f for f in mc(text) if f.data.get("kind") == "insert"] == []


def test_a_long_fragment_the_register_writes_outside_its_word_is_a_phrase():
    from checks.missing_char.partials import _attested_string

    assert _attested_string("年化收益", [("年化收益率", 4)])  # 年化收益 alone, not 年化收益率 cut
    assert not _attested_string("人民法典", [("人民民法典", 2)])
    text = "某私募产品宣称年化收益8%，起投100万元。\n页面上用醒目字体写着“年化收益4.5%”。\n"
    assert [f for f in mc(text) if f.data.get("kind") == "partial"] == []


def test_a_short_line_that_opens_with_a_function_word_is_no_label():
    from checks.missing_char.spaces import _function_start

    doc = Document("反诈专栏\n被电信 转走的钱还能追回来吗\n小编导语 在这里\n")
    lines = [ln.start for ln in doc.lines]
    assert _function_start(doc, lines[1]) and not _function_start(doc, lines[2])
    sites = find_spaces(doc.text, doc, lambda w: True)
    assert any(doc.text[site[0].start - 1] == "信" for site in sites)  # 被电信 转走: a cut, examined
    assert not any(doc.text[site[0].start - 1] == "语" for site in sites)  # 小编导语 在: a label
