"""risky-claim: guaranteed returns, loan lures, illegal services, absolute ad terms — and the
contexts (negation, warning, reporting, quotation, question, lawful exceptions) that silence them."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.risky_claim import RiskyClaim, build_model, iter_basis, load_model, quote_spans
from linter.document import Document
from linter.laws import article_text, catalog
from linter.resources import load_toml

ROOT = Path(__file__).resolve().parent.parent


def run(text: str, **opts) -> list:
    return list(RiskyClaim(**opts).run(Document(text)))


def spans(text: str, **opts) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start:f.end]) for f in run(text, **opts)]


# ---------------------------------------------------------------- positives
@pytest.mark.parametrize("text, rule, term", [
    ("本平台理财产品保本保息，年化收益8%。", "risky-claim/guaranteed-return", "保本保息"),
    ("跟着老师操作，只赚不赔，一个月回本。", "risky-claim/guaranteed-return", "只赚不赔"),
    ("保证年化收益12%，到期还本付息。", "risky-claim/guaranteed-return", "保证年化收益12%"),
    ("这个平台无视征信，当天放款。", "risky-claim/loan-lure", "无视征信"),
    ("征信花了也能借，额度五万。", "risky-claim/loan-lure", "征信花了也能借"),
    ("黑户也能下款，百分百下款。", "risky-claim/loan-lure", "黑户也能下款"),
    ("征信洗白，三天见效。", "risky-claim/illegal-service", "征信洗白"),
    ("我们专业征信修复，7天见效。", "risky-claim/illegal-service", "征信修复"),
    ("我们团队可帮您办理停息挂账，不成功不收费。", "risky-claim/illegal-service", "停息挂账"),
    ("逾期记录可以消除，收费透明，包成功。", "risky-claim/illegal-service", "逾期记录可以消除"),
    ("网贷逾期？反催收服务帮你屏蔽催收电话。", "risky-claim/illegal-service", "反催收"),
    ("提供信用卡代还服务，当天到账。", "risky-claim/illegal-service", "信用卡代还"),
    ("本平台贷款利率全网最低，立即申请。", "risky-claim/absolute-term", "全网最低"),
    ("选择我们，国家级理财平台。", "risky-claim/absolute-term", "国家级"),
])
def test_claims_are_flagged(text, rule, term):
    assert (rule, term) in spans(text)


def test_message_cites_the_article_in_both_languages():
    (f,) = run("这款产品稳赚不赔，快来投资。")
    assert "《广告法》第二十五条第一项" in f.message.zh and "稳赚不赔" in f.message.zh
    assert "Advertising Law art. 25(1)" in f.message.en
    assert f.severity == "error" and f.fix is None
    assert f.data["basis"][0] == "ad-guarantee"
    (g,) = run("本平台利率全网最低，立即申请。")
    assert "第九条第三项" in g.message.zh and "art. 9(3)" in g.message.en
    (h,) = run("征信洗白，三天见效。")
    assert "《征信业管理条例》第十六条" in h.message.zh and "第二十五条" in h.message.zh


# ---------------------------------------------------------------- negatives by context
@pytest.mark.parametrize("text", [
    # negation
    "世界上不存在稳赚不赔的投资。",
    "没有所谓的零风险，任何理财都可能亏损。",
    "股票投资并非稳赚不赔。",
    "基金过往业绩不代表未来表现，更不保证收益。",
    "正规贷款不可能不看征信就放款。",
    "不要以贷养贷，否则债务越滚越多。",
    # warning / reporting
    "警惕“征信修复”骗局，逾期记录无法花钱删除。",
    "凡是承诺保本保息的项目，都要警惕非法集资。",
    "不法分子往往以高收益、零风险为诱饵行骗。",
    "骗子自称可以帮黑户秒批贷款。",
    "反催收组织教唆借款人恶意逃废债，已被警方打掉。",
    # quotation
    "一些平台打出“稳赚不赔”的口号。",
    "打开手机，“无视征信”“黑户可贷”的广告随处可见。",
    # question
    "理财产品真的能保本保息吗？",
    "征信黑了还能秒批吗",
    # lawful: deposits and treasury bonds are principal-protected
    "大额存单属于存款，保本保息，并受存款保险制度保护。",
    "国债由国家信用担保，通常被视为零风险资产。",
    # law text
    "投资类广告不得对收益作出保证性承诺，不得明示或者暗示保本、无风险。",
    # advice that merely mentions the topic (no seller)
    "持卡人可以本人向银行申请停息挂账。",
    "想要修复征信，最好的办法是结清欠款并按时还款。",
    "理性借贷、合理消费是避免逾期的最佳方式。",
    "首套房贷利率已降至史上最低水平。",
    "浦东新区是我国第一个国家级新区。",
    "无风险利率通常以国债收益率作为参考。",
    "信用卡最低还款额一般为账单金额的10%。",
    # a two-character term inside other words (不必|过于)
    "征信报告显示有两次逾期记录时，不必过于担心。",
])
def test_contexts_are_silent(text):
    assert spans(text) == []


def test_comparison_with_deposits_does_not_exempt():
    # the exempt cue (存款) counts only before the term, not in a comparison after it
    assert ("risky-claim/guaranteed-return", "完全无风险") in spans("这种理财方式完全无风险，收益比银行存款高几倍。")


def test_seller_cue_overrides_weak_reporting_cue_but_not_strong_warning():
    assert spans("市面上的中介收费高，选择我们，最靠谱的贷款服务。")  # 中介 is weak; 选择我们 sells
    assert spans("警惕征信修复骗局，联系我们正规修复。") == []  # 警惕 is strong


def test_promo_and_agent_terms_need_their_cue():
    assert spans("借款人应当选择利率最低的正规贷款产品。") == []
    assert spans("本平台利率最低，立即申请。")
    assert spans("银行审核通过后会办理停息挂账。") == []
    assert spans("停息挂账找我们，全国受理。")


def test_warning_paragraph_and_title_silence_descriptions():
    para = "近年来征信修复骗局频发。对方自称专业团队，可以征信修复，收费3000元。"
    assert spans("文章标题\n" + para) == []
    assert spans("文章标题\n" + para, **{"paragraph-context": False}) == []  # 对方 still reports
    body = "第一步，专业团队帮你征信修复，收费3000元。"
    assert spans("警惕征信修复骗局\n" + body) == []
    assert spans("征信知识\n" + body)
    assert spans("警惕征信修复骗局\n" + body, **{"paragraph-context": False})
    # a seller sentence inside a warning paragraph is still flagged
    assert spans("谨防诈骗，征信洗白找我们，全国受理。") == []  # strong cue in the same sentence
    assert spans("谨防诈骗！征信洗白找我们，全国受理。")  # warning paragraph, but this sentence sells


def test_absolute_terms_can_be_switched_off():
    text = "本平台利率全网最低，立即申请。"
    assert spans(text)
    assert spans(text, **{"absolute-terms": False}) == []


def test_extra_lexicon_option(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('[[group]]\nid = "house"\nsub = "loan-lure"\nmessage = "loan-lure"\n'
                     'basis = ["ad-false-promise"]\nterms = ["闪电放款"]\n', encoding="utf-8")
    assert spans("闪电放款，额度五万。") == []
    assert spans("闪电放款，额度五万。", **{"extra-lexicon": str(extra)}) == [("risky-claim/loan-lure", "闪电放款")]


def test_fullwidth_and_nfkc_punctuation_both_work():
    assert spans("这个平台无视征信,当天放款.") == spans("这个平台无视征信，当天放款。")
    assert spans('网上流传的"征信修复""征信洗白"都是骗局.') == []


def test_quote_spans():
    text = "他说“零风险”然后「秒批」以及《征信修复》\n“未闭合"
    got = [text[s:e] for s, e in quote_spans(text)]
    assert got == ["零风险", "秒批", "征信修复"]


# ---------------------------------------------------------------- legal bases
def test_every_basis_is_verified_by_the_law_catalog():
    bases = list(iter_basis())
    assert bases
    for b in bases:
        entry = catalog().resolve(b.law)
        assert entry is not None, b.law
        assert entry.current, b.law
        assert entry.max_article is None or b.article <= entry.max_article, (b.law, b.article)
        assert b.verified, b.id


def test_every_group_cites_a_known_basis():
    data = load_toml("risky_claim.toml")
    for g in data["group"]:
        assert g["basis"], g["id"]
        assert all(b in data["basis"] for b in g["basis"]), g["id"]
        assert g["message"] in RiskyClaim.messages, g["id"]
        assert g["sub"] in RiskyClaim.sub_rules, g["id"]
        assert g.get("needs", "") in ("", "promo", "agent", "offer"), g["id"]


def test_cited_articles_say_what_we_claim(shared_dir):
    """With the law texts on disk, each cited article contains the keywords the data file states."""
    laws_dir = shared_dir / "laws" / "articles"
    for b in iter_basis():
        text = article_text(b.law, b.article, laws_dir=str(laws_dir))
        assert text, (b.law, b.article)
        for word in b.must_mention:
            assert word in text, (b.law, b.article, word)
        if b.item:
            assert f"（{'一二三四五六七八九十'[b.item - 1]}）" in text, (b.law, b.article, b.item)


# ---------------------------------------------------------------- accuracy on the labelled sets
@pytest.mark.parametrize("name", ["risky_claim_sentences.jsonl", "risky_claim_heldout.jsonl",
                                  "risky_claim_heldout2.jsonl"])
def test_sentence_sets_meet_targets(name):
    rows = [json.loads(x) for x in (ROOT / "bench/data" / name).read_text(encoding="utf-8").splitlines() if x]
    pos = [r for r in rows if r["label"]]
    neg = [r for r in rows if not r["label"]]
    minimum = 40 if "heldout2" in name else 60
    assert len(pos) >= minimum and len(neg) >= minimum
    for ctx in ("negation", "quotation", "warning"):
        assert any(r["context"] == ctx for r in neg), ctx
    tp = sum(1 for r in pos if f"risky-claim/{r['sub']}" in {f.rule for f in run(r["text"])})
    fp = sum(1 for r in neg if run(r["text"]))
    precision = tp / (tp + fp)
    recall = tp / len(pos)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)


# ---------------------------------------------------------------- robustness
@pytest.mark.parametrize("text", [
    "", "\n", "\r\n\r\n", "abc def", "\x00\x01\x02", "\u200b\u200b零\u200b风险", "“" * 500, "”“" * 300,
    "？？？", "零风险" * 2000, "保证年化收益" + "9" * 5000 + "%", "秒批" + "。" * 1000,
    "保证收益" + "1" * 3 + "." + "5" * 500 + "%",
])
def test_odd_input_does_not_crash(text):
    for f in run(text):
        assert 0 <= f.start < f.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("保本息稳赚不赔零风险秒批征信修复我们最低利率，。？“”「」\n 吗警惕骗局0%")),
               max_size=300))
def test_fuzz_offsets(text):
    for f in run(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.rule.startswith("risky-claim/")


def test_patterns_are_bounded_and_fast():
    model = load_model()
    for rx, _gid in model.patterns:
        assert not re.search(r"\)[*+]\)?[*+]", rx.pattern), rx.pattern  # no nested unbounded quantifiers
        t0 = time.perf_counter()
        rx.findall("保证年化收益" * 20000 + "9" * 20000)
        assert time.perf_counter() - t0 < 1.0, rx.pattern


def test_roughly_linear_time():
    unit = "本平台保本保息，立即申请。不存在稳赚不赔的投资。征信修复是骗局吗？\n"
    small, big = unit * 200, unit * 2000
    Document(small).tokens, Document(big).tokens  # warm the segmenter
    ds, db = Document(small), Document(big)
    ds.tokens, db.tokens
    t0 = time.perf_counter(); list(RiskyClaim().run(ds)); t1 = time.perf_counter()
    list(RiskyClaim().run(db)); t2 = time.perf_counter()
    assert (t2 - t1) < max(0.05, (t1 - t0)) * 40  # 10x input, generous bound for noisy machines


def test_one_huge_line_without_punctuation():
    text = ("理财知识" * 50000) + "保本保息"
    (f,) = run(text)
    assert text[f.start:f.end] == "保本保息"


def test_build_model_on_minimal_data():
    model = build_model({"group": [], "cues": {}})
    assert len(model.terms) == 0


def test_documented_examples_behave():
    for ex in RiskyClaim.examples:
        assert run(ex.bad), ex.bad
        assert run(ex.good) == [], ex.good


# ---------------------------------------------------------------- explanatory articles (clean in-register text)
def test_practice_names_need_an_offer():
    # how cardholders do it themselves: a description, not an advertisement
    assert spans("第二种，POS机套现。通过POS机虚构交易，把额度刷出来转到储蓄卡上。") == []
    assert spans("经常使用POS机或者代还软件周转的人，欠款往往越滚越多。") == []
    assert spans("他每个月通过POS机刷卡套现，手续费率按0.6%计算。") == []
    # the same names with an offer are flagged
    assert ("risky-claim/illegal-service", "POS机套现") in spans("POS机套现，秒到账，费率低。")
    assert ("risky-claim/illegal-service", "花呗套现") in spans("花呗套现找我，24小时在线。")
    # service names need no offer
    assert ("risky-claim/illegal-service", "网贷代还") in spans("网贷代还，到账快，手续费低。")


def test_title_framing_a_risk_silences_descriptions_but_not_sellers():
    body = "\n有人借助网贷代还周转。\n本公司提供网贷代还服务，联系客服即可办理。\n"
    got = spans("网贷代还的风险与后果" + body)
    assert got == [("risky-claim/illegal-service", "网贷代还")]  # only the seller's sentence
    assert len(spans("网贷代还的几种方式" + body)) == 2  # a neutral title frames nothing


def test_a_selling_title_frames_nothing():
    # 风险 inside a claim (零风险, 低风险) or next to a promo cue is no risk framing
    assert spans("零风险理财推荐\n这款产品稳赚不赔。\n")
    assert spans("低风险高回报，限时优惠\n这款产品稳赚不赔。\n")


def test_section_heading_frames_its_section_only():
    text = ("信用卡周转指南\n三、以贷养贷的后果\n网贷代还看似省事，实际成本很高。\n"
            "四、我们的服务\n网贷代还，当天到账。\n")
    got = spans(text)
    assert got == [("risky-claim/illegal-service", "网贷代还")]
    assert text.index("网贷代还，当天") == run(text)[0].start


def test_sentence_opening_prohibition_scopes_the_sentence():
    assert spans("不要为了替家人还债而陷入困境，比如用自己的信用卡套现、借网贷帮他还款。") == []
    assert spans("所以千万不要碰网贷代还，手续费远比想象的高。") == []
    # 不要犹豫 / 别人 are no prohibitions
    assert spans("不要犹豫，黑户可贷，当天秒批！")
    assert spans("别人都在用，黑户可贷，当天秒批！")


def test_paragraph_context_option_off_keeps_framed_descriptions():
    text = "网贷代还的风险与后果\n网贷代还，当天到账。\n"
    assert spans(text) == []
    assert spans(text, **{"paragraph-context": False}) == [("risky-claim/illegal-service", "网贷代还")]


def test_reported_misconduct_is_not_the_authors_claim():
    def ids(text):
        return [f.check_id for f in RiskyClaim().run(Document(text))]

    # an explainer listing how salespeople mislead: 说成 / 欺骗 report the promise, nobody makes it
    assert ids("常见的误导手法包括：把分红险的演示利益说成固定收益，或者承诺保证收益。\n") == []
    assert ids("如果能证明存在明显的欺骗行为，比如代签名、承诺保本高收益有书面证据，可以要求退还保费。\n") == []
    # a section about the choices to avoid frames its items
    assert ids("（六）需要避开的选择\n着急用钱时，最容易掉进两个坑。一是信用卡套现和网络小额贷款，看起来手续简单。\n") == []
    # the same promise made by the text itself still fires
    assert ids("本产品承诺保本高收益，年化收益率稳定在8%以上。\n") != []
