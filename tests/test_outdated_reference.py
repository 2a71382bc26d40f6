"""outdated-reference: abolished or renamed regulators, dated by the document."""
from __future__ import annotations

import pytest

from checks.outdated_reference import OutdatedReference
from linter.runner import lint_text


def run(text: str):
    return lint_text(text, select=["outdated-reference"])


def spans(text: str):
    return [(text[f.start:f.end], f.fix.replacement if f.fix else None) for f in run(text)]


def test_local_office_after_2023():
    text = "日期:2025-04-17\n倘若认为催收存在违规之处,可及时向当地银保监局投诉。"
    assert spans(text) == [("银保监局", "金融监管局")]
    f = run(text)[0]
    assert "2023" in f.message.zh and "2023" in f.message.en


def test_commission_after_2023():
    assert spans("2024-01-09\n可以拨打银保监会的投诉热线。") == [("银保监会", "国家金融监督管理总局")]
    assert spans("2024-01-09\n中国银行保险监督管理委员会要求各银行整改。") == \
        [("中国银行保险监督管理委员会", "国家金融监督管理总局")]


def test_cbrc_between_2018_and_2023_points_to_cbirc():
    # in 2020 the successor of 银监会 was 银保监会, not today's administration
    assert spans("2020-06-01\n借款人可以向银监会投诉。") == [("银监会", "中国银行保险监督管理委员会")]


def test_before_abolition_is_fine():
    assert run("2019-07-15\n持卡人可以向中国银保监会或者当地银保监局投诉。") == []
    assert run("2016-03-01\n可以向当地银监局反映。") == []


@pytest.mark.parametrize("text", [
    "2024-09-02\n国家金融监督管理总局在原银保监会的基础上组建。",
    "2024-09-02\n原银保监会发布的《商业银行互联网贷款管理暂行办法》仍然有效。",
    "2024-09-02\n银保监会2020年发布的规定继续适用。",
    "2024-09-02\n《中国银保监会关于规范消费金融公司催收行为的通知》继续适用。",
    "2024-09-02\n2020年,银保监会曾多次通报违规催收案例。",
    "2024-09-02\n银监会和保监会已合并,后又改组为国家金融监督管理总局。",
    "2024-09-02\n国务院银行业监督管理机构依法对银行业金融机构实施监督管理。",
    "2024-09-02\n中央金融委员会召开会议,研究金融工作。",
    "2024-09-02\n可以向中国证监会或者当地证监局投诉。",
    "2024-09-02\n过去，银监会和保监会分别监管银行业和保险业，2018年两者合并为银保监会。",
    "2024-09-02\n当时银保监会要求银行加强催收管理。",
])
def test_historical_or_current_mentions_are_silent(text):
    assert run(text) == []


def test_a_present_tense_mention_is_still_stale():
    # the past-tense markers are whole words of a sentence about history, not any 过去 (past three months)
    assert run("2024-09-02\n遇到暴力催收，可以向银保监会投诉。")
    assert run("2024-09-02\n过去三个月，不少借款人向银保监会投诉暴力催收。")


def test_no_date_means_today():
    assert spans("遇到问题可以向银保监局投诉。") == [("银保监局", "金融监管局")]


@pytest.mark.parametrize("text", ["", "\x00", "监" * 1000, "银保监" * 500, "ascii only", "《银保监会"])
def test_odd_input(text):
    assert not [f for f in lint_text(text, select=["outdated-reference"]) if f.rule == "internal-error"]


def test_documentation_complete():
    c = OutdatedReference
    assert c.summary and c.summary_en and c.rationale and c.rationale_en and c.examples
    for key, m in c.messages.items():
        assert m["zh"] and m["en"], key


def test_seed_003(shared_dir):
    p = shared_dir / "seeds" / "003_75f18a106171661b.txt"
    text = p.read_text(encoding="utf-8")
    fs = lint_text(text, select=["outdated-reference"], path=str(p))
    assert [(f.start, f.end) for f in fs] == [(1162, 1166)]
