from __future__ import annotations

import pytest

from chrome_support import apply_fixes, assert_linear, assert_survives_odd_inputs, check_metadata, gold_summary, lint

BODY = ("提前还房贷是否划算，首先要比较房贷利率和自己能拿到的投资收益。如果房贷利率高于稳健理财的收益，提前还款就能省下利差。\n"
        "其次要看还款方式和已还期数，等额本息前期利息占比高，越早提前还款，节省的利息越多。\n")


def test_metadata():
    check_metadata("duplicate-title")


@pytest.mark.parametrize("copy", [
    "提前还房贷划算吗",          # verbatim
    "提前还房贷划算吗?",         # question mark added (NFKC ASCII)
    "提前还房贷划算吗？",
    "# 提前还房贷划算吗",        # inside a heading marker
    "【提前还房贷划算吗】",
    "提前还房贷划算吗_某某财经网",  # page title with the site name
])
def test_copies_are_flagged(copy):
    text = f"提前还房贷划算吗\n\n{copy}\n\n" + BODY
    found = lint("duplicate-title", text)
    assert len(found) == 1, found
    assert text[found[0].start:found[0].end] in (copy, copy.lstrip("# "))
    assert apply_fixes(text, found) == "提前还房贷划算吗\n\n\n" + BODY


def test_near_variant_and_third_copy():
    text = "网贷逾期多久会上门走访?这是真的吗?\n\n网贷逾期多久会上门走访是真的吗\n\n网贷逾期多久会上门走访?这是真的吗?\n\n" + BODY
    found = lint("duplicate-title", text)
    assert [text[f.start:f.end] for f in found] == ["网贷逾期多久会上门走访是真的吗", "网贷逾期多久会上门走访?这是真的吗?"]
    assert all(f.confidence >= 0.8 for f in found)


@pytest.mark.parametrize("head", [
    "提前还房贷划算吗\n——三种情况下的利息对比\n",       # subtitle
    "提前还房贷划算吗\n一、提前还款划算吗\n",            # section heading sharing words
    "提前还房贷划算吗\n提前还车贷划算吗\n",              # different title (one character differs in 8)
    "工商银行逾期会上门吗需要注意哪些事项\n# 工商银行贷款逾期后是不是会上门?\n",  # paraphrased H1
])
def test_distinct_lines_are_silent(head):
    assert lint("duplicate-title", head + "\n" + BODY) == []


def test_repeats_in_the_body_are_not_title_copies():
    text = "风险提示\n\n" + BODY + "风险提示\n\n" + BODY
    assert lint("duplicate-title", text) == []


def test_odd_inputs():
    assert_survives_odd_inputs("duplicate-title")


def test_linear_time():
    assert_linear("duplicate-title", "提前还房贷划算吗")


def test_gold(shared_dir):
    s = gold_summary(str(shared_dir))["categories"]["duplicate-title"]
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s


def test_table_of_contents_is_not_a_title_copy():
    text = ("申请房贷需要哪些材料\n目录\n一、申请房贷需要哪些材料\n二、审批要多久\n\n一、申请房贷需要哪些材料\n\n" + BODY)
    assert lint("duplicate-title", text) == []
