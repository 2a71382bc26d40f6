"""`wenlint laws import`: JSON layout and LawRefBook Markdown checkouts into the cache."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from linter import laws as lawsmod
from linter.laws import LawTexts, article_text, cache_dir, catalog, laws_dir
from linter.laws_cli import detect_layout, laws, parse_markdown
from linter.runner import lint_text

# A Markdown file in the LawRefBook layout (a made-up two-article text; the title is
# a real catalog name so look-ups resolve).
MD = """# 中华人民共和国商业银行法

1995年5月10日 第八届全国人民代表大会常务委员会第十三次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了测试导入，制定本法。

第四十七条 商业银行不得违反规定提高或者降低利率以及采用其他不正当手段，吸收存款，发放贷款。

第四十八条 企业事业单位可以自主选择一家商业银行的营业场所开立一个办理日常转账结算和现金收付的基本账户。

不得开立两个以上基本账户。

## 第二章 附则

第一百二十条之一 这是一条插入的条文。
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("WENLINT_LAWS_DIR", raising=False)
    lawsmod.law_texts.cache_clear()
    yield tmp_path / "cache" / "laws"
    lawsmod.law_texts.cache_clear()


def test_parse_markdown():
    title, arts = parse_markdown(MD)
    assert title == "中华人民共和国商业银行法"
    assert set(arts) == {"1", "47", "48", "120之一"}
    assert arts["48"].endswith("不得开立两个以上基本账户。") and "\n" in arts["48"]


def test_import_markdown_checkout(tmp_path, cache):
    src = tmp_path / "Laws" / "民法商法"
    src.mkdir(parents=True)
    (src / "商业银行法(2015-08-29).md").write_text(MD, encoding="utf-8")
    (src / "商业银行法(2003-12-27).md").write_text(MD.replace("第四十七条 商业银行不得", "第四十七条 旧文本不得"),
                                                  encoding="utf-8")
    (tmp_path / "Laws" / "README.md").write_text("# Laws\n", encoding="utf-8")
    assert detect_layout(tmp_path / "Laws") == "markdown"
    res = CliRunner().invoke(laws, ["import", str(tmp_path / "Laws")])
    assert res.exit_code == 0, res.output
    assert "imported 1 laws (markdown)" in res.output
    out = cache / "articles"
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    files = index["laws"]["中华人民共和国商业银行法"]
    assert [f["version"] for f in files] == ["2015-08-29", "2003-12-27"]
    assert files[0]["file"] == "商业银行法.json" and files[1]["file"] == "商业银行法@2003-12-27.json"
    # later runs find the cache by themselves
    assert laws_dir() == out
    assert article_text("商业银行法", 47).startswith("商业银行不得")
    assert article_text("商业银行法", "120之一") == "这是一条插入的条文。"
    text = "《商业银行法》第47条规定:“商业银行理应依法保护存款人及其他客户的合法权益。”"
    fs = lint_text(text, select=["legal-citation"])
    assert [f.rule for f in fs] == ["legal-citation/quote-mismatch"]


def test_import_json_layout(shared_dir, tmp_path, cache):
    src_dir = shared_dir / "laws" / "articles"
    if not src_dir.is_dir():
        pytest.skip("law texts absent")
    src = tmp_path / "json"
    src.mkdir()
    for name in ("商业银行法.json", "民法典.json", "公司法.json", "公司法@2018-10-26.json"):
        shutil.copyfile(src_dir / name, src / name)
    (src / "notes.json").write_text("[1, 2]", encoding="utf-8")  # ignored: not an article file
    res = CliRunner().invoke(laws, ["import", str(src), "--dest", str(tmp_path / "elsewhere")])
    assert res.exit_code == 0, res.output
    out = tmp_path / "elsewhere" / "articles"
    assert "imported 3 laws (json)" in res.output
    lt = LawTexts(out)
    assert len(lt.versions(catalog().resolve("公司法"))) == 2
    assert lt.versions(catalog().resolve("公司法"))[0]["status"] == "现行有效"
    assert article_text("民法典", 1032, laws_dir=out).startswith("自然人享有隐私权")


def test_laws_dir_option_wins_over_cache(tmp_path, cache):
    explicit = tmp_path / "explicit"
    explicit.mkdir()
    assert laws_dir(explicit) == explicit
    assert laws_dir(tmp_path / "missing") is None
    assert laws_dir() is None  # empty cache: no texts, quotes are reported unverifiable


def test_import_rejects_unknown_layout(tmp_path, cache):
    (tmp_path / "x.txt").write_text("hello", encoding="utf-8")
    res = CliRunner().invoke(laws, ["import", str(tmp_path)])
    assert res.exit_code == 2
    assert not (cache / "articles").exists()


def test_path_command(cache):
    res = CliRunner().invoke(laws, ["path"])
    assert res.exit_code == 0 and str(cache_dir() / "articles") in res.output and "empty" in res.output


def test_registered_in_main_cli():
    from linter.cli import main

    assert "laws" in main.commands
