"""missing-char: a word with one character deleted at every occurrence (人民法院 → 人法院)."""
from __future__ import annotations

from pathlib import Path

from linter.runner import lint_text


def mc(text):
    return [f for f in lint_text(text, select=["missing-char"]) if f.rule.startswith("missing-char")]


BROKEN = ("借款纠纷走到诉讼这一步，很多人心里没底。其实，人法院审理民间借贷案件有一套固定的流程。\n"
          "首先，出借人需要向借款人住所地的基层人法院提起诉讼，并提交借条、转账记录等证据。\n"
          "其次，人法院受理后会通知被告，被告可以在答辩期内提交答辩状。\n")


def test_fragment_repeated_is_restored_at_every_site():
    fs = mc(BROKEN)
    spans = [(f.start, f.end) for f in fs]
    want = [(i, i + 3) for i in range(len(BROKEN)) if BROKEN.startswith("人法院", i)]
    assert spans == want
    for f in fs:
        assert f.fix.replacement == "人民法院" and f.confidence >= 0.8


def test_fix_round_trips():
    fixed = BROKEN
    for f in sorted(mc(BROKEN), key=lambda f: -f.start):
        fixed = fixed[:f.fix.start] + f.fix.replacement + fixed[f.fix.end:]
    assert "人法院" not in fixed and fixed.count("人民法院") == 3
    assert mc(fixed) == []


def test_word_present_whole_is_no_fragment():
    # the filter deletes from every occurrence: once the whole word occurs, a look-alike is no cut
    text = BROKEN + "最后，人民法院依法作出判决。\n"
    assert not [f for f in mc(text) if f.fix and f.fix.replacement == "人民法院"]


def test_bracketed_alternative_is_not_a_fragment():
    assert mc("建设单位应当对新建、改建的建（构）筑物进行安全评估，并对建（构）筑物定期检查。") == []


def test_fragment_inside_a_word_is_not_reported():
    # 权人 is 债权人 less 债, but inside 所有权人 it is part of a word
    assert mc("房屋所有权人可以依法处分房屋，所有权人的同意是转让的前提。") == []


def test_lone_site_needs_a_strong_gain():
    fs = mc("消费者在申请贷款前，应当了解消金融公司的资质，核实其是否持有许可证。")
    assert [f.fix.replacement for f in fs] == ["消费金融公司"]
    assert mc("消费者在申请贷款前，应当了解消费金融公司的资质，核实其是否持有许可证。") == []


MORTGAGE = ("办理房屋抵贷款时，银行会要求借款人提供产权证明。\n"
            "抵物的价值需要经过评估，评估价值决定了可贷额度。\n"
            "如果借款人到期不还，银行可以依法处置抵的房产，并以所得价款优先受偿。\n")


def test_one_character_left_of_a_word_at_several_places():
    fs = mc(MORTGAGE)
    assert len(fs) >= 2 and {MORTGAGE[f.start:f.end] for f in fs} == {"抵"}
    assert {f.fix.replacement for f in fs} == {"抵押"}


def test_one_character_remainder_needs_the_word_absent():
    text = MORTGAGE + "抵押登记完成后，银行才会放款。\n"
    assert not [f for f in mc(text) if f.fix and f.fix.replacement == "抵押"]


def test_one_character_remainder_always_beside_the_same_word_is_a_collocation():
    # 为农服务 is a fixed phrase of the register of rural policy, not 农药 with 药 deleted
    assert mc("合作社应当强化为农服务功能，发挥其为农服务综合性合作经济组织的作用，扩大为农服务范围。") == []


def test_free_character_is_no_remainder():
    # 应 stands alone as a modal verb: not 应当 with 当 deleted
    text = ("遇到还款困难时，借款人应主动联系银行。\n面对催收，借款人应保留通话记录。\n"
            "收到法院传票后，被告应按时出庭。\n")
    assert mc(text) == []


def test_cut_space_restored_from_a_compound_with_the_text_beside_it():
    # nothing in the register's word tables puts 年化 before 利率 as separate tokens (年化利率 is one
    # token there); the compound 年化利率 proposes it, and it wins where the margin is clear
    text = ("银行宣传的每期手续费率看起来很低，但换算成 利率后往往接近百分之十五。\n"
            "监管部门要求机构在营销时明示 利率，消费者可以据此比较不同产品的真实成本。\n")
    fs = mc(text)
    assert [text[f.start:f.end] for f in fs] == [" ", " "]
    assert [f.fix.replacement for f in fs] == ["年化", "年化"]
    # the document has the word whole: not restored (a filter deletes everywhere)
    assert not [f for f in mc(text + "年化利率才是可比的口径。\n") if f.fix and f.fix.replacement == "年化"]


SHI = ("面对逾期风险，银行会采取一系列措，包括电话提醒和资产保全措。\n"
       "借款人也应当积极采取补救措，主动与银行协商。\n"
       "抵押物如果是商业设，银行通常会委托专业机构评估。\n"
       "小区的公共设由物业负责维护。\n")


def test_minor_completion_of_a_character_the_document_lacks():
    # 施 is gone (措 stands orphaned three times): 公共设 is 公共设施, though 设施 is a minor
    # use of 设 (设立, 设计, 建设 …)
    fs = mc(SHI)
    assert ("设", "设施") in [(SHI[f.start:f.end], f.fix.replacement) for f in fs]
    assert [f.fix.replacement for f in fs].count("措施") == 3


def test_minor_completion_needs_the_deletion_shown():
    text = SHI.replace("采取一系列措", "采取一系列措施").replace("资产保全措", "资产保全措施").replace(
        "补救措", "补救措施") + "新规将于明年实施。\n"
    assert not [f for f in mc(text) if f.fix and f.fix.replacement == "设施"]


FRAME = (Path(__file__).resolve().parent.parent / "fixtures" / "missing-char" / "frame-preposition.txt")


def test_framing_preposition_restored_before_its_postposition(monkeypatch):
    import checks.missing_char.frames as m

    text = FRAME.read_text(encoding="utf-8")
    assert "在" not in text
    # the places the fixture's author deleted 在 (可以在手机银行…中, 有义务在营销页面中,
    # 最好在协议中, 避免在不知不觉中)
    true_sites = {"可以|手机", "义务|营销", "最好|协议", "避免|不知"}

    def frames():
        fs = [f for f in mc(text) if f.data.get("kind") == "frame"]
        assert all(f.fix.replacement == "在" and f.fix.start == f.fix.end for f in fs)
        return {text[f.fix.start - 2:f.fix.start] + "|" + text[f.fix.start:f.fix.start + 2] for f in fs}

    got = frames()
    assert got and got <= true_sites
    monkeypatch.setattr(m, "FRAME_GAIN", -1.0)  # a lower bar: the placement, whatever the exact counts
    assert "最好|协议" in frames()


def test_framing_preposition_needs_the_document_to_lack_it():
    text = FRAME.read_text(encoding="utf-8")
    assert not [f for f in mc(text + "\n在此提醒。\n") if f.data.get("kind") == "frame"]
    # a short text without 在 is no evidence: its length does not predict the word
    assert mc("办理分期之前，最好协议中找到提前还款条款。") == []


TOPIC = (Path(__file__).resolve().parent.parent / "fixtures" / "missing-char" / "deleted-word-topic.txt")


def test_deleted_word_restored_at_weaker_sites_once_shown_gone():
    text = TOPIC.read_text(encoding="utf-8")
    assert "贷款" not in text
    fs = [f for f in mc(text) if f.fix and f.fix.replacement == "贷款"]
    strict = [f for f in lint_text(text, select=["missing-char"],
                                   options={"missing-char": {"insert-known-gain": 99.0}})
              if f.fix and f.fix.replacement == "贷款"]
    assert len(strict) >= 2 and len(fs) > len(strict)
    for f in fs:  # 个人住房贷款, 公积金贷款, 商业贷款, 还清全部贷款
        assert text[:f.fix.start].endswith(("个人住房", "公积金", "商业", "全部"))


def test_topic_lift_needs_an_anchor_and_a_topical_word():
    from checks.missing_char.insertions import _topic_lift

    assert _topic_lift("贷款", {"房贷", "提前还款", "违约金"}) > 1.3
    assert _topic_lift("贷款", set()) == 0.0
    assert _topic_lift("通过", {"房贷", "提前还款", "违约金"}) < 1.3  # in nearly every article anyway


def test_deleted_word_present_is_not_restored():
    text = TOPIC.read_text(encoding="utf-8") + "\n以上内容仅供参考，具体以贷款银行的规定为准。\n"
    assert not [f for f in mc(text) if f.fix and f.fix.replacement == "贷款"]


def test_space_after_title_mark_is_a_cut_with_the_state_name_restored():
    text = "有限责任公司的设立，适用《 公司法》的规定。"
    fs = mc(text)
    assert [(text[f.start:f.end], f.fix.replacement) for f in fs] == [(" ", "中华人民共和国")]
    assert mc("有限责任公司的设立，适用《公司法》的规定。") == []


LINES = ["经费纳入本级财政预算，专款专用。",
         "气象主管机构应当会同有关部门，根据气象灾害风险评估结果划定风险区域。",
         "县级以上地方人民政府应当组织有关部门做好防御工作。",
         "有关单位应当按照职责分工做好气象灾害防御工作。",
         "各级人民政府应当加强气象灾害防御的宣传教育。"]


def test_space_at_a_line_start_is_a_cut_on_a_page_that_does_not_indent():
    text = "\n".join(LINES[:1] + [" " + LINES[1]] + LINES[2:]) + "\n"
    fs = mc(text)
    assert len(fs) == 1 and text[fs[0].start:fs[0].end] == " " and text[fs[0].start - 1] == "\n"


def test_indented_page_is_layout():
    text = "\n".join(" " + ln for ln in LINES) + "\n"
    assert mc(text) == []
    # a short label line is not a sentence cut either
    assert mc("\n".join(LINES[:2] + [" 附则"] + LINES[2:]) + "\n") == []


def test_list_comma_is_no_collocate_of_a_remainder():
    text = ("矿业权的设立、变更、转让、抵和消灭，应当依法办理登记。\n"
            "矿业权可以依法转让、出租、抵等，国家另有规定的除外。\n"
            "办理抵登记时，当事人应当提交书面合同。\n")
    fs = mc(text)
    assert fs and {f.fix.replacement for f in fs} == {"抵押"}


def test_further_copies_of_a_fragment_follow_two_clear_sites():
    text = ("长期逾期后，权人最终可能选择诉讼。\n"
            "诉讼时效期间届满，权人丧失的是胜诉权。\n"
            "从中断时起重新计算。权人持续催收，诉讼时效就会中断。\n"
            "整理合同、还款流水、与权人的沟通记录，都是重要的证据。\n")
    fs = mc(text)
    assert [f.fix.replacement for f in fs] == ["债权人"] * 4


def test_space_inside_quotes_and_before_a_title_is_a_cut():
    assert [f.start for f in mc("借款页面中找到“ 利率”一项，确认其中是否包含服务费。")] == [8]
    text = "经过加工后，所得货物 《中华人民共和国进出口税则》中的税则归类发生了变化。"
    assert [f.start for f in mc(text)] == [10]


def test_space_after_a_full_stop_needs_a_clear_restoration():
    # scraped pages often leave a stray space after 。; with nothing to restore it stays silent
    assert mc("银行会根据逾期时长逐步采取措施。 银行大型国有银行的流程更规范。") == []


RATE = ("很多网贷平台只宣传日利率，按单利口径换算，实际的 利率往往超过百分之十八。\n"
        "如果平台不展示 利率，只展示每期手续费率，借款人应当自己换算。\n"
        "监管部门要求所有贷款产品明示 利率，方便消费者比较真实成本。\n")


def test_cut_spaces_agreeing_on_a_word_need_less_margin_and_are_not_auto_applied(monkeypatch):
    import checks.missing_char.spaces as m

    monkeypatch.setattr(m, "SPACE_MARGIN", 99.0)  # no margin is ever enough on its own ...
    monkeypatch.setattr(m, "SPACE_VOTE_BONUS", 0.0)
    monkeypatch.setattr(m, "SPACE_JOINT_MIN", 99)
    assert not [f for f in mc(RATE) if f.fix]
    monkeypatch.setattr(m, "SPACE_VOTE_BONUS", 60.0)  # ... unless other cut spaces agree
    fixed = [f for f in mc(RATE) if f.fix]
    assert len(fixed) >= 2 and {f.fix.replacement for f in fixed} == {"年化"}
    assert all(f.confidence < 0.8 for f in fixed)  # offered, not applied by --fix


def test_the_word_reading_nearly_best_at_most_cut_spaces_restores_the_unclear_ones(monkeypatch):
    import checks.missing_char.spaces as m

    monkeypatch.setattr(m, "SPACE_MARGIN", 99.0)  # no margin is ever enough on its own,
    monkeypatch.setattr(m, "SPACE_VOTE_BONUS", 0.0)  # nor votes of outright bests
    fixed = [f for f in mc(RATE) if f.fix]
    assert len(fixed) == 3 and {f.fix.replacement for f in fixed} == {"年化"}
    assert all(f.confidence < 0.8 for f in fixed)  # offered, not applied by --fix
    monkeypatch.setattr(m, "SPACE_JOINT_DELTA", 0.0)  # only outright bests count as agreeing
    monkeypatch.setattr(m, "SPACE_JOINT_MIN", 4)  # and three spaces are too few
    assert not [f for f in mc(RATE) if f.fix]


def test_a_repeated_line_is_one_site():
    line = "（二）发航港、最后寄港；\n"
    text = "船舶代理人应当申报下列事项：\n（一）船名、国籍；\n" + line * 3 + "（三）船员和旅客人数。\n"
    assert not [f for f in mc(text) if f.data.get("kind") == "partial"]


def test_page_dense_with_cut_spaces_gets_context_words_only(monkeypatch):
    import checks.missing_char.spaces as m

    text = ("银行宣传的每期手续费率看起来很低，但换算成 利率后往往接近百分之十五。\n"
            "监管部门要求机构在营销时明示 利率，消费者可以据此比较不同产品的真实成本。\n")
    assert {f.fix.replacement for f in mc(text) if f.fix} == {"年化"}
    monkeypatch.setattr(m, "SPACE_DENSE_GROUPS", 1)  # as if the page had hundreds of cut spaces
    assert not [f for f in mc(text) if f.fix and f.fix.replacement == "年化"]


def test_orphan_beside_the_space_its_rest_left_takes_the_space():
    text = "面对逾期风险，银行会采取一系列措 ，包括电话提醒和资产保全措 。\n借款人也应当积极采取补救措 ，主动与银行协商。\n"
    fs = mc(text)
    assert len(fs) == 3 and "orphan" in {f.data.get("kind") for f in fs}
    for f in fs:  # each finding covers the space, and its fix restores the word where it stood
        assert text[f.start:f.end] in ("措 ", " ")
        fixed = text[:f.fix.start] + f.fix.replacement + text[f.fix.end:]
        assert fixed.count("措施") == 1 and "措 " not in fixed[f.start - 1:f.start + 3]


def test_fragment_beside_the_space_its_rest_left_takes_the_space():
    text = "建设单位和个人应当采取措 防止地下工程建设对地下水造成污染。\n具备条件的泉域，有关部门应当采取措 予以恢复。\n"
    fs = mc(text)
    assert fs
    for f in fs:
        assert text[f.end - 1] == " " or text[f.start] == " "  # the space is part of the finding
        fixed = text[:f.fix.start] + f.fix.replacement + text[f.fix.end:]
        assert "措施防止" in fixed or "措施予以" in fixed


def test_context_candidates_are_bounded_and_the_best_attested():
    import checks.missing_char.common as m
    from linter import ngrams

    m._CTX_WORDS.clear()
    ctx = (ngrams.word_key("的"), ngrams.word_key("的"), "的", "的")  # a context with very many words
    got = m._context_words(ctx)
    assert 0 < len(got) <= m.CTX_WORDS_MAX
    m._CTX_WORDS.clear()
    monkey = m.CTX_WORDS_MAX
    try:
        m.CTX_WORDS_MAX = 10_000
        full = m._context_words(ctx)
    finally:
        m.CTX_WORDS_MAX = monkey
        m._CTX_WORDS.clear()
    assert len(full) >= len(got)
    cut = sorted(e for _, e in full)[-len(got)]  # nothing kept is weaker than anything dropped
    assert min(e for _, e in got) >= cut or len(full) == len(got)
