"""linter.resources.derived: run-time derivations memoised on disk, never stale."""
from __future__ import annotations

import pytest

from linter import resources


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_built_once_then_read_back(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return {"措": ("施",), "利率": ("年化", "贷款")}

    first = resources.derived("demo", build)
    second = resources.derived("demo", build)
    assert first == second == {"措": ("施",), "利率": ("年化", "贷款")}
    assert len(calls) == 1
    assert len(list((cache_dir / "derived").glob("demo-*.marshal"))) == 1


def test_version_code_and_corruption_rebuild(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return ("a", 1)

    resources.derived("demo", build, version="1")
    resources.derived("demo", build, version="2")  # another version of the constants: rebuilt
    assert len(calls) == 2

    def other():  # another derivation under the same name and version: its own entry
        calls.append(2)
        return ("b", 2)

    assert resources.derived("demo", other, version="1") == ("b", 2)
    for p in (cache_dir / "derived").glob("demo-*"):
        p.write_bytes(b"\x00garbage")
    assert resources.derived("demo", build, version="1") == ("a", 1)  # unreadable: rebuilt, no error
    assert calls == [1, 1, 2, 1]


def test_unwritable_cache_still_returns(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(blocker))  # a file where the folder should be
    assert resources.derived("demo", lambda: [1, 2]) == [1, 2]


def test_missing_char_tables_equal_their_derivation(cache_dir):
    """The cached tables are exactly what the derivation builds, in a cold and a warm read."""
    common = pytest.importorskip("checks.missing_char.common")
    partials = pytest.importorskip("checks.missing_char.partials")
    built = common._build_affixes()
    assert resources.derived("missing-char-affixes-test", common._build_affixes) == built
    assert resources.derived("missing-char-affixes-test", common._build_affixes) == built
    auto = partials._build_partial_matcher()
    again = resources.derived("missing-char-partials-test", partials._build_partial_matcher, serializer="pickle")
    again = resources.derived("missing-char-partials-test", partials._build_partial_matcher, serializer="pickle")
    text = "向人法院起诉，由国院决定，消金融公司"
    assert list(auto.iter(text)) == list(again.iter(text)) != []
