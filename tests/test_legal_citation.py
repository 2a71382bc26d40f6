"""legal-citation: extraction, catalog look-ups and every sub-rule."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks.legal_citation import LegalCitation, containment
from linter.document import Document
from linter.laws import catalog, normalize_name, parse_number, to_chinese_number
from linter.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent


def run(text: str, **opts):
    """Findings of legal-citation alone; quote checks off unless laws-dir is given."""
    opts.setdefault("check-quotes", "laws-dir" in opts)
    return lint_text(text, select=["legal-citation"], options={"legal-citation": opts})


def rules(findings):
    return [f.rule.split("/", 1)[1] for f in findings]


@pytest.fixture
def articles(shared_dir):
    d = shared_dir / "laws" / "articles"
    if not d.is_dir():
        pytest.skip("law texts absent")
    return str(d)


# -- numbers and names --------------------------------------------------------
@pytest.mark.parametrize("raw,n", [("47", 47), ("４７", 47), ("四十七", 47), ("十", 10), ("一百零七", 107),
                                   ("一千二百六十", 1260), ("二百九十三", 293), ("一二六〇", 1260), ("", None),
                                   ("abc", None)])
def test_parse_number(raw, n):
    assert parse_number(raw) == n


@pytest.mark.parametrize("n", [1, 10, 11, 20, 47, 100, 107, 110, 293, 1000, 1032, 1260])
def test_chinese_number_round_trip(n):
    assert parse_number(to_chinese_number(n)) == n


def test_resolve_official_and_short_names():
    cat = catalog()
    assert cat.resolve("民法典").name == "中华人民共和国民法典"
    assert cat.resolve("《中华人民共和国商业银行法》").name == "中华人民共和国商业银行法"
    assert cat.resolve("公司法（2018年修正）").name == "中华人民共和国公司法"
    assert cat.resolve("征信条例").name == "征信业管理条例"
    assert cat.resolve("个人贷款管理办法") is not None  # a real rule outside the snapshot
    assert cat.resolve("人民民法典") is None
    assert normalize_name(" 《民法典》 ") == "民法典"


def test_closest_repairs_filter_damage_only():
    cat = catalog()
    assert cat.closest("人民民法典")[0].name == "中华人民共和国民法典"
    assert cat.closest("人民消费者权益保")[0].name == "中华人民共和国消费者权益保护法"
    assert cat.closest("消费者权宜保护法")[0].name == "中华人民共和国消费者权益保护法"
    for not_mangled in ("理财", "中国金融", "货币战争", "民法", "银行法", "网贷管理办法", "富爸爸穷爸爸"):
        assert cat.closest(not_mangled) is None, not_mangled


def test_repealed_entries():
    cat = catalog()
    assert cat.repealed_entry("合同法").replaced_by == "中华人民共和国民法典"
    assert cat.repealed_entry("民法典") is None
    # replaced by a text of the same name: the name is still valid
    assert cat.repealed_entry("社会团体登记管理条例") is None


# -- unknown-law ----------------------------------------------------------------
def test_unknown_law_with_fix():
    text = "依照《人民民法典》的相关条款,借款人应当按约还款。"
    fs = run(text)
    f = [f for f in fs if f.rule.endswith("unknown-law")][0]
    assert text[f.start:f.end] == "《人民民法典》"
    assert f.fix.replacement == "《中华人民共和国民法典》"
    assert "中华人民共和国民法典" in f.message.zh and "中华人民共和国民法典" in f.message.en


def test_unknown_law_without_match_is_info():
    fs = run("有人说《债务催收管理法》规定逾期三个月才能上门。")
    assert rules(fs) == ["unknown-law"] and fs[0].severity == "info" and fs[0].fix is None


@pytest.mark.parametrize("text", [
    "美国《公平债务催收作业法》对催收时间有严格限制。",
    "依据香港法例第13章《未成年人监护条例》处理。",
    "推荐阅读《货币战争》和《小狗钱钱》两本书。",
    "备考注册会计师,《税法》和《经济法》是难点。",
    "根据《中华人民共和国全民所有制工业企业法》(以下简称《企业法》),企业依法经营。《企业法》规定了厂长职责。",
    "《个人贷款管理办法》和《征信业务管理办法》都对贷款机构提出了要求。",
])
def test_titles_that_are_not_unknown_laws(text):
    assert [f for f in run(text) if f.rule.endswith("unknown-law")] == []


# -- article-out-of-range --------------------------------------------------------
@pytest.mark.parametrize("text,bad", [
    ("《民法典》第1300条规定了这一点。", "第1300条"),
    ("根据《中华人民共和国商业银行法》第一百二十条的规定", "第一百二十条"),
    ("《商业银行法》第47条、第96条均有规定。", "第96条"),
    ("民法典第一千三百条规定", "第一千三百条"),
])
def test_article_out_of_range(text, bad):
    fs = [f for f in run(text) if f.rule.endswith("article-out-of-range")]
    assert [text[f.start:f.end] for f in fs] == [bad]


@pytest.mark.parametrize("text", [
    "《民法典》第1260条规定了施行日期。",
    "《中华人民共和国刑法》第二百九十三条之一规定了催收非法债务罪。",
    "《民法典》第六百七十六条第一款规定了逾期利息。",
    "《公司法》第二百六十六条",  # the 2023 text has 266 articles
])
def test_article_in_range(text):
    assert run(text) == []


# -- quotations -------------------------------------------------------------------
def test_quote_mismatch_shows_the_real_article(articles):
    text = "例如,《商业银行法》第47条规定:“商业银行理应依法保护存款人及其他客户的合法权益。”"
    fs = run(text, **{"laws-dir": articles})
    assert rules(fs) == ["quote-mismatch"]
    assert fs[0].start == text.index("《") and fs[0].end == len(text)
    assert "提高或者降低利率" in fs[0].message.zh


def test_quote_from_another_article_gets_the_number_fixed(articles):
    text = "《商业银行法》第四十七条规定:“商业银行应当保障存款人的合法权益不受任何单位和个人的侵犯。”"
    fs = run(text, **{"laws-dir": articles})
    assert rules(fs) == ["quote-mismatch"]
    assert fs[0].fix is not None and fs[0].fix.replacement == "六"
    assert text[fs[0].fix.start:fs[0].fix.end] == "四十七"


def test_faithful_and_lightly_trimmed_quotes_pass(articles):
    ok = ["《商业银行法》第47条规定:“商业银行不得违反规定提高或者降低利率以及采用其他不正当手段,吸收存款,发放贷款。”",
          "《中华人民共和国民法典》第一千零三十二条明确规定:“自然人享有隐私权。任何组织或者个人不得以刺探、侵扰、泄露、"
          "公开等方式侵害他人的隐私权。”",
          "《民法典》规定:“禁止高利放贷,借款的利率不得违反国家有关规定。”"]
    for text in ok:
        assert run(text, **{"laws-dir": articles}) == [], text


def test_quote_not_in_law_without_article(articles):
    text = "《民法典》明确规定:“催收人员每天只能给借款人打三次电话。”"
    assert rules(run(text, **{"laws-dir": articles})) == ["quote-mismatch"]


def test_unverifiable_quote_without_texts(tmp_path):
    text = "《商业银行法》第47条规定:“商业银行理应依法保护存款人及其他客户的合法权益。”"
    fs = run(text, **{"laws-dir": str(tmp_path), "check-quotes": True})
    assert rules(fs) == ["unverifiable-quote"] and fs[0].severity == "info"


def test_containment():
    assert containment("不得发放贷款", "商业银行不得违反规定，发放贷款。") > 0.6
    assert containment("理应依法保护存款人", "商业银行不得违反规定提高或者降低利率") < 0.4


# -- vague-citation -----------------------------------------------------------------
@pytest.mark.parametrize("text,phrase", [
    ("贷款机构催收行为必须符合相关法律法规,不能随意骚扰借款人。", "相关法律法规"),
    ("催收人员上门时必须遵守相关法律规定,未经同意不得进入住所。", "相关法律规定"),
    ("根据《民法典》及相关法律法规,催收机构需要合法合规。", "相关法律法规"),
    ("法律明确规定,逾期不满三个月银行不能上门。", "法律明确规定"),
])
def test_vague_citation(text, phrase):
    fs = run(text)
    assert [text[f.start:f.end] for f in fs if f.rule.endswith("vague-citation")] == [phrase]
    assert all(f.severity == "info" for f in fs if f.rule.endswith("vague-citation"))


@pytest.mark.parametrize("text", [
    "具体上门的时间节点并没有相关法律规定,各家机构做法不同。",
    "从事催收工作的人员应当熟悉相关法律法规。",
    "本法未作规定的,适用其他相关法律法规。",
    "根据相关法律法规,例如《民法典》第一千零三十二条,任何人不得侵害他人隐私权。",
    "借款人应严格遵守法律法规,按时还款。",
])
def test_not_vague(text):
    assert [f for f in run(text) if f.rule.endswith("vague-citation")] == []


# -- repealed-law -------------------------------------------------------------------
def test_repealed_law_after_repeal_date():
    text = "2024-05-06 来源:理财课堂\n根据《合同法》的规定,借款人应当按期还款。"
    fs = run(text)
    assert rules(fs) == ["repealed-law"]
    assert fs[0].fix.replacement == "《民法典》" and "2021-01-01" in fs[0].message.zh


def test_repealed_law_with_unmapped_article_has_no_automatic_fix():
    """Only articles with a known one-to-one successor are rewritten (see successors.toml)."""
    fs = run("2024-05-06\n根据《合同法》第五十二条,以合法形式掩盖非法目的的合同无效。")
    assert rules(fs) == ["repealed-law"] and fs[0].fix is None
    fs = run("2024-05-06\n根据《担保法》第十九条,未约定保证方式的按连带责任保证承担责任。")  # the rule changed
    assert rules(fs) == ["repealed-law"] and fs[0].fix is None


@pytest.mark.parametrize("text", [
    "2019-05-06\n根据《合同法》的规定,借款人应当按期还款。",  # written before the repeal
    "2024-05-06\n原《合同法》第二百零五条规定了利息支付期限。",
    "2024-05-06\n民法典施行后,合同法同时废止。担保法也不再适用。",
    "2024-05-06\n合同法已被民法典取代。过去,合同法是处理借款纠纷的主要依据。",
    "2024-05-06\n签订合同法律效力如何认定?劳动合同法有专门规定。",
    "2024-05-06\n这一点和过去的担保法规定不同,过去没有约定的推定为连带责任保证。",
])
def test_repealed_law_not_reported(text):
    assert [f for f in run(text) if f.rule.endswith("repealed-law")] == []


def test_reference_date_defaults_to_today():
    assert rules(run("根据担保法,保证人应当承担责任。")) == ["repealed-law"]


# -- wrong-law ----------------------------------------------------------------------
def test_wrong_law_for_collection():
    text = "根据银行业监督管理法和征信业管理条例等规定,银行及催收机构不得采用恐吓、骚扰等手段催收。"
    fs = run(text)
    # one finding for the citation "A和B等规定" (no separate vague-citation for 等规定)
    assert rules(fs) == ["wrong-law"]
    assert text[fs[0].start:fs[0].end] == "银行业监督管理法和征信业管理条例"
    assert "征信" in fs[0].message.zh and "credit" in fs[0].message.en


def test_wrong_law_single():
    text = "贷款机构催收行为必须符合法律要求,尤其是银行业监督管理法。"
    fs = [f for f in run(text) if f.rule.endswith("wrong-law")]
    assert [text[f.start:f.end] for f in fs] == ["银行业监督管理法"]


@pytest.mark.parametrize("text", [
    "逾期后催收无果的,银行会依照《征信业管理条例》将逾期记录报送征信系统。",
    "根据银行业监督管理法,监管机构可以对违规催收的银行进行现场检查并责令整改。",
    "根据《民法典》第一千零三十二条,催收人员不得骚扰借款人。",
])
def test_wrong_law_not_reported(text):
    assert [f for f in run(text) if f.rule.endswith("wrong-law")] == []


# -- robustness -----------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "\n", "\x00\x01\x02", "\u200b" * 50, "no han at all, just ascii text.",
                                  "《", "》《》《", "第条第条", "《民法典》第", "《民法典》第99999999999条",
                                  "《商业银行法》第47条规定:“", "相关法律法规" * 3])
def test_odd_input_does_not_crash(text):
    fs = lint_text(text, select=["legal-citation"])
    assert not [f for f in fs if f.rule == "internal-error"]


def test_long_single_line_is_fast():
    unit = "借款人应当按期还款,《民法典》第六百七十六条规定了逾期利息,催收必须符合相关法律法规。《人民民法典》"
    text = unit * 4000  # ~200,000 characters on one line
    t0 = time.perf_counter()
    fs = lint_text(text, select=["legal-citation"])
    assert time.perf_counter() - t0 < 20
    assert not [f for f in fs if f.rule == "internal-error"]
    assert sum(f.rule.endswith("unknown-law") for f in fs) == 4000


def test_documentation_complete():
    c = LegalCitation
    assert c.summary and c.summary_en and c.rationale and c.rationale_en and c.examples
    for key, m in c.messages.items():
        assert m["zh"] and m["en"], key
    assert "laws-dir" in c.options and c.options["laws-dir"].path


# -- the seed gold ----------------------------------------------------------------------
def test_seed_gold_precision_and_recall(shared_dir, articles, tmp_path):
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as out:
        for p in sorted((shared_dir / "seeds").glob("*.txt")):
            for f in lint_text(p.read_text(encoding="utf-8"), select=["legal-citation", "outdated-reference"],
                               path=str(p), options={"legal-citation": {"laws-dir": articles}}):
                out.write(json.dumps({"path": str(p), "rule": f.rule, "start": f.start, "end": f.end}) + "\n")
    res = subprocess.run([sys.executable, str(shared_dir / "gold" / "score.py"), str(shared_dir / "gold" / "seeds.jsonl"),
                          str(pred), "--json", "-"], capture_output=True, text=True, check=True)
    summary = json.loads(res.stdout[res.stdout.index("{"):])
    cats = summary.get("categories") or summary.get("per_category") or summary
    for cat in ("legal-citation", "outdated-reference"):
        row = cats[cat]
        assert row["precision"] >= 0.9 and row["recall"] >= 0.9, (cat, row)


def test_official_texts_are_quiet(articles):
    """Statutes cite each other correctly: < 1 finding per 100,000 characters (finance subset;
    bench/law_selfcheck.py runs every text)."""
    from linter.runner import LintOptions, lint_document, make_checks

    names = ["民法典", "商业银行法", "银行业监督管理法", "中国人民银行法", "消费者权益保护法", "个人信息保护法",
             "征信业管理条例", "刑法", "民事诉讼法", "证券法", "保险法", "防范和处置非法集资条例", "反洗钱法",
             "最高人民法院关于审理民间借贷案件适用法律若干问题的规定", "非银行支付机构监督管理条例"]
    checks, selection = make_checks(select=["legal-citation", "outdated-reference"],
                                     options={"legal-citation": {"laws-dir": articles}})
    chars = found = 0
    for n in names:
        p = Path(articles) / f"{n}.json"
        if not p.exists():
            continue
        d = json.loads(p.read_text(encoding="utf-8"))
        text = "\n".join(f"第{k}条 {v}" for k, v in d["articles"].items())
        doc = Document(text, path=p.name, meta={"date": d.get("last_history_date") or d.get("version")})
        chars += len(text)
        found += len(lint_document(doc, checks, LintOptions(selection=selection)))
    assert chars > 100_000
    assert found * 100_000 / chars < 1


def test_verbatim_quotes_are_recognised_by_fingerprint_without_law_texts(monkeypatch, tmp_path):
    """Without imported law texts, a quotation whose clauses match the cited article's shipped
    fingerprints is correct and silent; a made-up one, or one attributed to the wrong article, is
    still reported as unverifiable."""
    from linter.laws import laws_dir
    monkeypatch.delenv("WENLINT_LAWS_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    if laws_dir(None) is not None:
        pytest.skip("law texts are installed: quotes are checked against them instead")
    ok = "《中华人民共和国民法典》第六百八十条第一款规定：“禁止高利放贷，借款的利率不得违反国家有关规定。”"
    assert lint_text(ok, select=["legal-citation"]) == []
    made_up = "《商业银行法》第47条规定：“商业银行理应依法保护存款人及其他客户的合法权益。”"
    assert [f.rule for f in lint_text(made_up, select=["legal-citation"])] == ["legal-citation/unverifiable-quote"]
    # verbatim, but from another article: the fingerprints name the article and the fix renumbers it
    wrong_article = ok.replace("六百八十条第一款", "六百七十条")
    (f,) = lint_text(wrong_article, select=["legal-citation"])
    assert f.rule == "legal-citation/quote-mismatch"
    assert f.fix is not None and f.fix.replacement == "六百八十"
    assert wrong_article[f.fix.start:f.fix.end] == "六百七十"
    arabic = "《民法典》第675条规定：“借款人未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息。”"
    (f,) = lint_text(arabic, select=["legal-citation"])
    assert f.fix.replacement == "676" and "676" in f.message.zh
    # two or more clauses, none of them anywhere in the law: not the law's words
    invented = "《民法典》第六百八十条规定：“银行催收时不得在夜间拨打电话，也不得联系借款人的亲友。”"
    assert [f.rule for f in lint_text(invented, select=["legal-citation"])] == ["legal-citation/quote-mismatch"]


def test_repealed_article_fixed_to_successor_article():
    """A repealed code's article with a known one-to-one successor is rewritten to the successor's
    article, in the writer's numeral style and name form; an unmapped article gets no fix."""
    text = ("2024年3月1日\n根据《合同法》第二百零七条的规定，借款人应当支付逾期利息。"
            "婚姻法第41条规定，离婚时共同债务应当共同偿还。"
            "《中华人民共和国物权法》第一百七十九条规定了抵押权。《合同法》第五十二条规定了合同无效的情形。")
    got = [(f.rule, text[f.start:f.end], f.fix.replacement if f.fix else None)
           for f in lint_text(text, select=["legal-citation"])]
    assert got == [
        ("legal-citation/repealed-law", "《合同法》第二百零七条", "《民法典》第六百七十六条"),
        ("legal-citation/repealed-law", "婚姻法第41条", "民法典第1089条"),
        ("legal-citation/repealed-law", "《中华人民共和国物权法》第一百七十九条", "《中华人民共和国民法典》第三百九十四条"),
        ("legal-citation/repealed-law", "《合同法》", None),
    ]
    # without an article the name alone is replaced
    (f,) = lint_text("2023年\n依照《担保法》的规定，保证人应当承担责任。", select=["legal-citation"])
    assert f.fix.replacement == "《民法典》"


def test_historical_awareness_is_per_paragraph():
    text = ("2023年9月\n原《婚姻法》曾规定夫妻共同债务的推定规则，这一规定后来被修改。\n\n"
            "婚姻法第四十一条规定，离婚时，原为夫妻共同生活所负的债务，应当共同偿还。")
    got = [text[f.start:f.end] for f in lint_text(text, select=["legal-citation"])]
    assert got == ["婚姻法第四十一条"]


def test_clause_opening_vague_appeals():
    text = ("2024年5月\n另外，依据国家有关规定，民间借贷利率不得超过一年期LPR的四倍。"
            "按照法律规定，起诉时效为三年。有关部门规定，网贷平台不得向第三人催收。"
            "借款人应当按照约定或者国家有关规定支付逾期利息。")
    got = [text[f.start:f.end] for f in lint_text(text, select=["legal-citation"])]
    assert got == ["依据国家有关规定", "按照法律规定", "有关部门规定"]
    # a statute text itself says 依照国家有关规定 by design
    statute = "第一条 为了规范借贷。\n第二条 依照国家有关规定，办理登记。\n第三条 按照法律规定，给予处分。\n"
    assert lint_text(statute, select=["legal-citation"]) == []


def test_fingerprint_clauses_ignore_punctuation_and_width():
    from checks.legal_citation import quote_clauses
    assert quote_clauses("禁止高利放贷，借款的利率不得违反国家有关规定。") == \
        quote_clauses("禁止高利放贷,借款的利率不得违反国家有关规定")
    assert quote_clauses("但是，") == []


def test_generated_vague_appeals():
    text = ("2024年5月\n按照保险行业的相关规定，保险公司应当说明拒赔理由。法律上有明确规定，银行应当保障资金安全。"
            "国家早有专门规定，禁止暴力催收。")
    got = [text[f.start:f.end] for f in lint_text(text, select=["legal-citation"])]
    assert got == ["按照保险行业的相关规定", "法律上有明确规定", "国家早有专门规定"]
    # a contract's terms and an appeal in the middle of a clause are not clause-opening appeals
    assert lint_text("按照合同的约定，借款人应当按期还款。银行会按照法律规定处理。", select=["legal-citation"]) == []


def test_short_core_cut_behind_the_state_name():
    (f,) = lint_text("《中华人民共和国保险》第十六条对如实告知义务作了规定。", select=["legal-citation"])
    assert f.fix.replacement == "《中华人民共和国保险法》"


def test_unquoted_restatement_of_another_article(monkeypatch, tmp_path):
    from linter.laws import laws_dir
    monkeypatch.delenv("WENLINT_LAWS_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    if laws_dir(None) is not None:
        pytest.skip("law texts are installed")
    text = ("《个人信息保护法》第三十条规定，敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害"
            "或者人身、财产安全受到危害的个人信息，包括金融账户等信息。")
    (f,) = lint_text(text, select=["legal-citation"])
    assert f.rule == "legal-citation/quote-mismatch" and f.fix.replacement == "二十八"
    # the cited article's own words, and a paraphrase, are silent
    assert lint_text(text.replace("第三十条", "第二十八条"), select=["legal-citation"]) == []
    assert lint_text("《个人信息保护法》第三十条规定，处理敏感个人信息要告知必要性和影响。", select=["legal-citation"]) == []


# -- vague-citation that restates a precise rule ------------------------------------
def _vague(text):
    return [f for f in lint_text(text, select=["legal-citation"]) if f.rule.endswith("vague-citation")]


def test_vague_appeal_before_a_restated_rule_is_reported_at_lower_confidence():
    (f,) = _vague("2024年5月\n保险销售的合法性。按照监管规定，银行在营业场所销售保险产品，应当对销售过程进行录音录像。")
    assert f.confidence == 0.5 and "具体的法律规则" in f.message.zh and "specific legal rule" in f.message.en
    # an empty appeal keeps the higher confidence and the plain message
    (g,) = _vague("2024年5月\n按照相关规定，催收要合法。")
    assert g.confidence == 0.7 and "没有指明具体法律和条款" in g.message.zh
    # a mid-clause appeal is never a restatement, however long the sentence
    (h,) = _vague("2024年5月\n平台处理个人信息必须遵守相关法律法规，不得向第三方提供借款人的通讯录和照片。")
    assert h.confidence == 0.7


def test_vague_appeal_names_the_provision_it_repeats():
    from checks.legal_citation import _fingerprints
    if not _fingerprints()[0]:
        pytest.skip("quote fingerprints not built")
    (f,) = _vague("2024年5月\n法律规定，处理目的已实现、无法实现或者为实现处理目的不再必要的，"
                  "个人信息处理者应当主动删除个人信息。")
    assert "《个人信息保护法》第四十七条" in f.message.zh and "art. 47" in f.message.en
    assert f.data == {"law": "中华人民共和国个人信息保护法", "article": 47} and f.confidence == 0.5


def test_provision_identification_does_not_guess():
    from checks.legal_citation import identify_provision
    assert identify_provision("") is None
    assert identify_provision("借款人应当按时还款。") is None  # too short / too common to name a law
    assert identify_provision("\x00\u200b" * 50) is None


def test_vague_appeal_in_a_text_without_any_law_name_is_checked():
    """The cheap early exit must not skip texts whose only legal reference is a vague 规定."""
    from linter.runner import lint_text

    rules = [f.rule for f in lint_text("按照监管规定，银行在营业场所销售保险产品，应当对销售过程进行录音录像。",
                                       select=["legal-citation"])]
    assert rules == ["legal-citation/vague-citation"]


# --- round 2: typos, invented regulations, new vague wordings, interest-cap wrong-law ------------
def test_misspelt_short_title_is_fixed_to_the_short_name():
    fs = run("《民法曲》第一千零三十二条规定，自然人享有隐私权。")
    assert rules(fs) == ["unknown-law"]
    assert fs[0].fix.replacement == "《民法典》"


def test_misspelt_short_title_without_a_citation_is_not_a_typo():
    # a short title one character away from a law name, not cited like a law, is left alone
    assert "unknown-law" not in rules(run("这本《民法学》教材很适合初学者。"))
    assert catalog().typo("征信法") is None  # only the last character of a short name may be the typo


def test_bare_misspelt_name_before_an_article_reference():
    fs = run("商业银行发第三十八条规定，商业银行应当按照规定确定贷款利率。")
    assert rules(fs) == ["unknown-law"]
    assert (fs[0].start, fs[0].end, fs[0].fix.replacement) == (0, 5, "商业银行法")
    assert run("商业银行法第三十八条规定，商业银行应当按照规定确定贷款利率。") == []


def test_typo_lookup_refuses_ambiguous_and_known_names():
    cat = catalog()
    assert cat.typo("民法典") is None
    assert cat.typo("个人信息保护发")[1] == "个人信息保护法"
    assert cat.typo("") is None and cat.typo("\u200b\x00法") is None


def test_invented_finance_regulation_is_reported_but_other_unknown_regulations_are_not():
    fs = run("网上流传的《个人债务催收条例》是编出来的。")
    assert rules(fs) == ["unknown-law"] and fs[0].fix is None
    assert run("依照《人民法院工作人员处分条例》的规定予以处分。") == []


def test_new_vague_wordings():
    for s in ("按照国家相关法律条例，催收机构不得使用恐吓手段。", "法律条文明确指出，借款人可以要求对方出示证件。",
              "依据最新规定，出借人还要遵守金融监管的要求。"):
        assert rules(run(s)) == ["vague-citation"], s


def test_consumer_law_cited_for_the_interest_cap_is_wrong_law():
    fs = run("消费者权益保护法规定，民间借贷利率不得超过LPR的四倍。")
    assert rules(fs) == ["wrong-law"]
    assert run("消费者权益保护法规定，经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿。") == []


def test_contract_law_211_maps_to_civil_code_680():
    doc = "2024-03-09\n按照《合同法》第二百一十一条，自然人之间借款没有约定利息的，视为没有利息。"
    fs = [f for f in lint_text(doc, select=["legal-citation"]) if f.rule.endswith("repealed-law")]
    assert fs and fs[0].fix.replacement == "《民法典》第六百八十条"
