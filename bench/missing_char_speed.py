#!/usr/bin/env python3
"""``missing-char`` alone, warm, segmentation excluded: this tree's check against the check of an
earlier commit, on the same texts and the same shipped data, rounds interleaved (the machine is
shared: compare the ratio of one run, best of rounds).

Texts: the seeds (``../shared/seeds``, when present) and every fixture.  The earlier check is read
with ``git show REV:checks/missing_char.py`` and loaded as a module of its own.

    python bench/missing_char_speed.py [--rev 73c6a2f] [--rounds 5]
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from textcorpus import SHARED  # noqa: E402


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def _check(mod):
    c = mod.MissingChar()
    c.opts = {k: o.default for k, o in c.options.items()}
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", default="73c6a2f", help="the commit whose check is the baseline")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from linter.document import Document

    paths = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    paths += sorted((ROOT / "fixtures").glob("*/*.txt"))
    docs = [Document(p.read_text(encoding="utf-8")) for p in paths]
    for d in docs:
        d.tokens  # segmentation excluded
    n = sum(len(d.text) for d in docs)
    src = subprocess.run(["git", "show", f"{args.rev}:checks/missing_char.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        old_path = Path(tmp) / "missing_char_baseline.py"
        old_path.write_text(src, encoding="utf-8")
        checks = {args.rev: _check(_load(old_path, "missing_char_baseline")),
                  "this tree": _check(_load(ROOT / "checks" / "missing_char.py", "missing_char_tree"))}
    for c in checks.values():  # warm: data loaded, memo tables filled
        for d in docs:
            list(c.run(d))
    best = dict.fromkeys(checks, 0.0)
    for _ in range(args.rounds):
        for k, c in checks.items():
            t = time.perf_counter()
            for d in docs:
                list(c.run(d))
            best[k] = max(best[k], n / (time.perf_counter() - t))
    print(f"{len(docs)} texts, {n:,} chars; best of {args.rounds} rounds, chars/s (segmentation excluded)")
    for k, v in best.items():
        print(f"  {k:<12} {v:>10,.0f}")
    base = best[args.rev]
    print(f"  ratio this tree / {args.rev}: {best['this tree'] / base:.2f}" if base else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
