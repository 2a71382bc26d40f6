"""pre-commit: the manifest validates with pre-commit's own schema, and the hooks
run for real — ``pre-commit try-repo`` against a throwaway git repository,
installing this repository as a ``language: python`` hook (it needs the
package index or a warm pip cache; skipped cleanly when the install cannot
reach either)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

BAD = "理财产品怎么选\n\n第一段,介绍风险和收益。\n"
GOOD = "理财产品怎么选\n\n第一段，介绍风险和收益。\n"
OFFLINE = re.compile(r"NewConnectionError|Temporary failure in name resolution|Could not find a version|"
                     r"No matching distribution|Network is unreachable|ConnectTimeout|ProxyError")


def test_manifest_is_valid():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = clientlib.load_manifest(str(MANIFEST))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"wenlint", "wenlint-fix"}
    for h in hooks:
        assert h["language"] == "python"
        assert h["entry"].startswith("wenlint check")
        assert re.search(h["files"], "docs/文章.txt") and re.search(h["files"], "a.md")
        assert not re.search(h["files"], "setup.py")
    assert "--fix" in by_id["wenlint-fix"]["entry"].split()


@pytest.mark.skipif(not PRE_COMMIT.exists() and not shutil.which("pre-commit"), reason="pre-commit not installed")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs this repository's git checkout")
def test_hooks_run_in_a_throwaway_repo(tmp_path):
    exe = str(PRE_COMMIT) if PRE_COMMIT.exists() else shutil.which("pre-commit")
    repo = tmp_path / "articles"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t", WENLINT_NO_CACHE="1")
    env.pop("VIRTUAL_ENV", None)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "good.txt").write_text(GOOD, encoding="utf-8")
    (repo / "notes.py").write_text("x = 1,2\n", encoding="utf-8")  # not an article: the hooks' files filter skips it
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    # try-repo runs every hook of the manifest (wenlint, then wenlint-fix) from this checkout
    proc = subprocess.run([exe, "try-repo", str(ROOT), "--files", "bad.txt", "good.txt", "notes.py"],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 and "An error has occurred" in out:
        if OFFLINE.search(out) or OFFLINE.search(_log(tmp_path)):
            pytest.skip("pre-commit could not install the hook environment offline")
        pytest.fail(out + _log(tmp_path))
    assert proc.returncode == 1, out
    # the report hook failed on bad.txt only
    assert re.search(r"^wenlint\.+Failed", out, re.M), out
    assert "bad.txt:3:4:" in out and "good.txt:" not in out and "notes.py" not in out
    # the fix hook rewrote bad.txt (pre-commit fails a hook that modifies files)
    assert re.search(r"^wenlint \(fix\)\.+Failed", out, re.M) and "files were modified by this hook" in out
    assert (repo / "bad.txt").read_text(encoding="utf-8") == GOOD
    assert (repo / "good.txt").read_text(encoding="utf-8") == GOOD


def _log(tmp_path: Path) -> str:
    log = tmp_path / "pc-home" / "pre-commit.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
