"""missing-char: monosyllabic verbs, clause-initial deletions (session 3)."""
from linter.runner import lint_text


def mc(text: str):
    return [f for f in lint_text(text, select=["missing-char"]) if f.check_id == "missing-char"]


SIGN = ("离婚时房子怎么分，很多人到了签协议那天才开始想。\n"
        "不留房的一方在签离婚协议时，要把尾款的承担写清楚。\n"
        "最稳妥的做法是先问银行能不能变更借款人，再签协议，避免协议写了银行却不认。\n"
        "如果双方已经签的协议里没有提到贷款，事后补充一份也可以。\n")


def test_a_verb_the_register_uses_alone_is_not_a_remainder_of_its_synonym():
    # 签 is written for 签订 throughout, and 签订 never occurs: plain style, not a filter
    assert mc(SIGN) == []


def test_a_verb_alone_still_leaves_real_remainders_alone_of_other_kinds():
    # the verb rule is about the verb's own completions: 问 for 问题 before 是 is still a cut
    text = ("很多借款人关心的问是银行会不会打电话到单位。\n对于这一问，答案要分情况看。\n"
            "回答这个问之前，先要弄清欠款的性质。\n类似的问在网上讨论很多，但说法不一。\n")
    found = [f for f in mc(text) if f.fix]
    assert len(found) >= 3 and {f.fix.replacement for f in found} == {"问题"}


def _orphan_restorations(text: str) -> set[str]:
    """Every restoration the orphan pass proposes, before any document evidence is weighed."""
    from checks.missing_char import MissingChar
    from checks.missing_char.orphans import find_orphans
    from linter.document import Document

    doc = Document(text)
    return {c.repl for site in find_orphans(text, doc.tokens, lambda s: True, MissingChar.options["max-orphan-freedom"].default) for c in site}


def test_a_prefix_before_a_word_is_attached_not_cut():
    # 非 (jieba: a prefix) before a word is 非本地, 非定点: it is never the remainder of 非法
    # (a long article that lacked 非法 raised this on clean text)
    for text in ("仍有少数城市对非本地户籍人员购房有社保年限等要求。",
                 "在非定点医疗机构发生的费用，一般不予报销。"):
        assert "非法" not in _orphan_restorations(text)
    # ... while a 非 standing before punctuation still is one
    assert "非法" in _orphan_restorations("这种做法属于非，应当立即停止。")



def test_a_verb_before_an_aspect_particle_or_after_a_modal_is_no_remainder():
    assert "办法" not in _orphan_restorations("原来的业务员离职前帮我办过一些手续。")
    assert "撤销" not in _orphan_restorations("网点撤了，服务不能撤。")
    # the same characters standing alone before punctuation are still candidates
    assert "撤销" in _orphan_restorations("法院依法予以撤，当事人不服的可以上诉。")


def test_absence_alone_shows_only_free_standing_characters_deleted():
    from checks.missing_char import _rate_evident

    assert _rate_evident("在") and _rate_evident("是")
    # 行 lives inside 银行/执行: a fund article may lack it without any filter
    assert not _rate_evident("行") and not _rate_evident("银行")


def test_a_function_character_joined_to_a_word_is_no_fragment():
    from checks.missing_char.partials import _compositional

    assert _compositional("不履行")  # 对扶养义务而不履行: not 拒不履行 cut
    assert not _compositional("人法院") and not _compositional("消金融")
    text = "对赠与人有扶养义务而不履行的，赠与人可以撤销赠与。子女长期不履行赡养义务，父母可以起诉。\n"
    assert [f for f in mc(text) if f.data.get("word") == "拒不履行"] == []


def test_a_lone_character_before_punctuation_is_judged_with_its_left_neighbour():
    from checks.missing_char.orphans import _register_attested

    class LM:  # the register writes 问，可以 often (不懂就问，可以…) and 逾期问 never
        def __init__(self, grams):
            self.grams = grams

        def count(self, s):
            return self.grams.get(s, 0)

    norm = "严重的逾期问，可以考虑"
    q = norm.index("问")
    assert not _register_attested(LM({"问，可以": 6}), norm, q, q + 1, "R")
    assert _register_attested(LM({"期问，可": 6}), norm, q, q + 1, "R")
    norm = "举个例子来说"
    assert _register_attested(LM({"举个例子": 9}), norm, 0 + 0, 1, "R")


def test_a_phrase_repeated_is_one_context_for_an_inserted_word():
    # 银行和机构 twice (clean text, held out of the statistics): one context, not two that agree on
    # 支付 (银行和支付机构)
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "bench" / "clean4" / "overdue-08.txt").read_text(encoding="utf-8")
    assert text.count("银行和机构") == 2
    assert [f for f in mc(text) if f.data.get("kind") == "insert"] == []


def test_dangling_conjunction_is_a_deleted_item():
    """A conjunction that ends its clause (遇到恶意或，) joins nothing: the item after it was deleted.
    A sum (本息之和，), a word that ends in the character (来不及，总和。) and a clause-opening 或者
    are not."""
    from linter.runner import lint_text

    text = "若遇到恶意或，应立即报警。借款人可以选择电话、短信和，也可以当面沟通。\n"
    got = [(f.start, f.end, f.data.get("kind"), f.fix) for f in lint_text(text, select=["missing-char"])]
    a, b = text.index("或，"), text.index("和，")
    assert got == [(a, a + 2, "list", None), (b, b + 2, "list", None)]
    silent = ("每月支付的本息之和，不超过收入的一半。等到发现就来不及，所以要早做准备。"
              "借款人可以协商分期。或者，也可以申请延期。三项费用的总和。服务要做到公平可及。\n")
    assert lint_text(silent, select=["missing-char"]) == []


def test_word_restored_clearly_at_one_cut_space_restores_the_unclear_ones():
    """A filter cuts its word at every space: 催收, restored with a clear margin at 委托的 机构, is the
    fix at 合规。 人员 too, where the space alone is unclear (a space after a full stop is reported
    only with a fix) — offered there, not applied (confidence < 0.8)."""
    from linter.runner import lint_text

    text = "逾期以后，银行或者其委托的 机构仍然可以联系借款人，但必须依法合规。 人员不得冒充公检法，也不得使用暴力。\n"
    got = [(text[f.start - 1:f.end + 1], f.fix.replacement if f.fix else None, f.confidence >= 0.8)
           for f in lint_text(text, select=["missing-char"])]
    assert got == [("的 机", "催收", True), ("。 人", "催收", False)]


def test_word_restored_at_cut_spaces_is_deleted_everywhere():
    """电话, restored with confidence at three cut spaces, is the word a lone label lacks
    (催收： → 电话催收：); without that evidence one label is not enough."""
    from linter.runner import lint_text

    body = ("信用卡逾期后的催收方式\n\n逾期初期，银行更倾向于通过 、短信等方式提醒持卡人，催收人员通过 联系借款人时不得辱骂。"
            "机构多采用成本较低的 和短信催收。\n\n")
    labels = "催收：最常见的一种方式，成本低。\n\n上门催收：逾期较久才会采用。\n"
    text = body + labels
    got = [(f.data.get("kind"), f.fix.replacement if f.fix else None) for f in lint_text(text, select=["missing-char"])]
    assert got == [("space", "电话")] * 3 + [("remainder", "电话催收")]
    assert lint_text("信用卡逾期后的催收方式\n\n" + labels, select=["missing-char"]) == []


def test_minor_completions_testify_where_the_context_predicts_them():
    """施 is a minor completion of 设 (设施 among 设计, 设备 …), yet 消防设， read as 消防设施 by the
    context is evidence that the filter took 施: with it, 措 → 措施 is more certain (0.95, was 0.87)."""
    from linter.runner import lint_text

    text = ("社区消防安全管理办法\n\n各单位应当完善消防设，落实防火措。检查中发现消防设老化的，应当及时更换，"
            "并采取临时措。未按要求落实措的单位，由街道责令限期整改。\n")
    got = [(f.fix.replacement, round(f.confidence, 2)) for f in lint_text(text, select=["missing-char"])]
    assert got == [("消防设施", 0.8), ("措施", 0.95), ("消防设施", 0.8), ("措施", 0.95), ("措施", 0.95)]


def test_rare_token_completed_into_its_compound():
    """中华人民 is a rare dictionary entry: the register's word pairs never propose what follows it
    (the segmenter keeps 中华人民共和国 whole), so its completions are tried at its boundaries,
    whatever the junction reads like: 共和国, not 法院."""
    from linter.runner import lint_text

    text = "在中华人民境内设立的商业银行，应当遵守中华人民商业银行法的规定。外国银行在中华人民设立分行，需要经过批准。\n"
    got = [(text[f.start - 3:f.end], f.fix.replacement) for f in lint_text(text, select=["missing-char"])]
    assert got == [("中华人民境", "共和国"), ("中华人民商", "共和国"), ("中华人民设", "共和国")]
    assert lint_text("在中华人民共和国境内设立的商业银行，应当遵守中华人民共和国商业银行法的规定。\n",
                     select=["missing-char"]) == []


def test_insertions_can_wait_for_other_evidence():
    """insert-needs-evidence (for bulk audits): a document whose only damage is a word deleted
    without a trace keeps quiet; one that shows other damage is searched as before."""
    from linter.runner import lint_text

    only_traceless = "在中华人民境内设立的商业银行，应当遵守中华人民商业银行法的规定。外国银行在中华人民设立分行，需要经过批准。\n"
    opts = {"missing-char": {"insert-needs-evidence": True}}
    assert len(lint_text(only_traceless, select=["missing-char"])) == 3
    assert lint_text(only_traceless, select=["missing-char"], options=opts) == []
    with_space = only_traceless + "逾期以后，银行或者其委托的 机构仍然可以联系借款人。\n"
    got = [(f.data["kind"], f.fix.replacement if f.fix else None)
           for f in lint_text(with_space, select=["missing-char"], options=opts)]
    assert got == [("insert", "共和国")] * 3 + [("space", None)]


def test_spaces_of_metadata_lines_separate_fields():
    """来源:… 阅读:…, 热门标签:… and 上一篇/下一篇 lines space their fields: no cut there."""
    from linter.runner import lint_text

    text = ("借条纠纷怎么处理\n来源:法律百事通 阅读:2817\n热门标签:预付卡 退款 商家跑路 消费维权\n"
            "借款人应当按时还款，出借人也要保留好借条。\n上一篇:借条的写法 下一篇:欠条和借条的区别\n")
    assert lint_text(text, select=["missing-char"]) == []


def test_space_next_to_ascii_punctuation_is_a_cut():
    """Scraped text is NFKC-normalised (，→, ；→;): a space after an ASCII comma or before an
    ASCII semicolon or question mark is a cut as with the full-width marks; after an ASCII colon
    it is a flattened list's typography (因素: 逾期金额)."""
    from linter.runner import lint_text

    text = ("提前还款后剩余本金减少, 随之减少。比如收取三个月 ;还有人问能不能少交 ?"
            "提前还款主要取决于以下几个因素: 逾期金额和剩余期限。\n")
    got = [text[f.start - 1:f.end + 1] for f in lint_text(text, select=["missing-char"])]
    assert got == [", 随", "月 ;", "交 ?"]


def test_compound_remainder_of_a_deleted_word():
    """违约 deleted everywhere leaves 金 of 违约金 standing alone: restored where the context prefers
    违约金 (offered at 0.75); the same text with 违约 present elsewhere is left alone."""
    from linter.runner import lint_text

    text = ("提前还款要不要交金？\n\n很多贷款合同约定，提前还款需要支付一定比例的金。约定的金明显过高的，"
            "借款人可以请求法院适当减少。如果合同约定提前还款要支付金，或者要补交剩余期限的利息，应当在还款前问清楚。\n")
    got = [(text[f.start - 1:f.end + 1], f.fix.replacement, f.confidence) for f in lint_text(text, select=["missing-char"])]
    assert got == [("交金？", "违约", 0.75), ("的金。", "违约", 0.75), ("的金明", "违约", 0.75), ("付金，", "违约", 0.75)]
    assert lint_text(text + "借款人违约的，应当承担责任。\n", select=["missing-char"]) == []


def test_list_items_deleted_before_a_comma_or_deng():
    """记录、、材料 (two list commas) and 辱骂、等方式 (、 right before the closing 等 of a list)
    lack an item; 还清、等满五年 (等 the verb) and 还款、等待时间 do not."""
    from linter.runner import lint_text

    text = "请保存好通话记录、、申请材料和银行回执。催收不得采用恐吓、辱骂、等方式。\n"
    got = [(text[f.start:f.end], f.data.get("kind")) for f in lint_text(text, select=["missing-char"])]
    assert got == [("、、", "list"), ("、等", "list")]
    silent = "等卖家的贷款还清、等满五年再过户。提前还款、等待时间和手续费都要问清楚。\n"
    assert lint_text(silent, select=["missing-char"]) == []


def test_space_running_into_punctuation_is_no_layout():
    """A short line's space is a label's (小编导语 在…) only when text follows it; a space after a
    full stop is sentence spacing only when a sentence follows: 遇到违规 , and 。 、 are cuts."""
    from linter.runner import lint_text

    text = "持卡人的权利\n遇到违规 ,持卡人可以投诉。处理盗刷的关键在于“快”。 、就近交易、报警都要趁早。\n"
    got = [text[f.start - 1:f.end + 1] for f in lint_text(text, select=["missing-char"])]
    assert got == ["规 ,", "。 、"]
    assert lint_text("小编导语 在经济形势变化的背景下，理财要稳健。\n", select=["missing-char"]) == []


def test_minor_completion_of_a_plainly_deleted_character():
    """施 plainly gone (措 → 措施 five times): 实 and 刷卡设 are 实施 and 设施 although the context
    alone would not predict those minor completions."""
    from linter.runner import lint_text

    text = ("银行卡被盗刷怎么办\n\n发现盗刷后要立即采取措，第一时间挂失。常见的盗刷手法，是在自助设上加装读卡器，复制磁条信息。"
            "银行的防范措包括短信提醒和交易限额，持卡人自己也要做好防护措。这些措看似琐碎，但实起来并不麻烦。"
            "商户的刷卡设也可能被改装，付款时留意机具是否异常。\n")
    got = [f.fix.replacement for f in lint_text(text, select=["missing-char"])]
    assert got == ["采取措施", "设施", "措施", "措施", "措施", "实施", "设施"]


MEANS_FILLER = "按时还款是维护个人信用的基础，借款人应当根据自己的收入安排支出，避免多头借贷带来的压力。\n" * 25


def test_means_preposition_deleted_everywhere():
    """通过 gone from a document long enough to expect it: each means phrase (…等方式, 法律途径, 正规渠道,
    这些方法，) after an adverb or modal, or opening its clause before a comma, gets it back (offered)."""
    from linter.runner import lint_text

    text = ("逾期后银行会怎样联系我\n\n逾期初期，银行一般会先电话、短信等方式提醒还款。如果认为对方的做法有侵权，可法律途径维权。"
            "遇到问题时，应优先正规渠道反映。这些方法，借款人都可以用。\n" + MEANS_FILLER)
    got = [(text[f.fix.start - 2:f.fix.start + 2], f.fix.replacement, f.confidence) for f in lint_text(text, select=["missing-char"])]
    assert got == [("会先电话", "通过", 0.75), ("，可法律", "通过", 0.75), ("优先正规", "通过", 0.75), ("映。这些", "通过", 0.75)]


def test_means_nouns_as_subject_or_object_are_not_means_phrases():
    """A document without 通过 whose 平台/方式 are subjects (，网站平台不得…) or objects (采用电话方式,
    拨打平台客服) stays silent; so does a short one."""
    from linter.runner import lint_text

    text = ("网贷平台的规定\n\n意见明确，网站平台不得向未成年人放贷。借款人可以采用电话方式沟通，也可以拨打平台客服。"
            "第一，联系平台客服申请退款。\n" + MEANS_FILLER)
    assert lint_text(text, select=["missing-char"]) == []
    assert lint_text("银行会先电话、短信等方式提醒。可法律途径维权。\n", select=["missing-char"]) == []


def test_orphan_after_demonstrative_and_yi_is_a_noun_remainder():
    """A numeral before a character usually makes it a measure word (三四|线); after 这一 it is a noun
    (这一问题), so 这一问， is 问题 cut like the document's other 问."""
    from linter.runner import lint_text

    text = ("逾期以后会怎样\n\n许多借款人关心的问是逾期后会不会被起诉。对于这一问，要看欠款金额和逾期时间。"
            "解决这个问的关键在于及时沟通，遇到问时不要慌。\n")
    got = [(text[f.start - 2:f.end + 1], f.fix.replacement) for f in lint_text(text, select=["missing-char"])]
    assert got == [("心的问是", "问题"), ("这一问，", "问题"), ("这个问的", "问题"), ("遇到问时", "问题")]
