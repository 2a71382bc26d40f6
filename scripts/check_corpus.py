#!/usr/bin/env python3
"""Vet clean articles before they join ``corpus/finance`` (the in-register corpus the n-gram
tables are derived from): a defect there teaches the character model that the defect is normal.

Per file: a title line and a body of 1,500–3,500 characters; full-width punctuation between Han
characters (no ASCII , ; : ? ! ( )); no markdown (#, **); no space inside a sentence.  Across
files: no long line repeated in two articles (a template teaches its phrases as if they were
frequent), and not 5 % of an article in 24-character runs shared with the benchmark texts (``fixtures/clean``,
``bench/*``) that measure the statistics.  Then every wenlint check runs over each article:
clean text should draw no finding.

Usage: python scripts/check_corpus.py FILE_OR_DIR ... [--no-lint]
Exit status 1 when any file has a problem (printed one per line).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
ASCII_PUNCT_RE = re.compile(f"(?<=[{HAN}])[,;:?!()](?=[{HAN}])|(?<=[{HAN}])[,;:?!]$", re.M)
SPACE_RE = re.compile(f"(?<=[{HAN}，。、；：？！])[ \u3000]+(?=[{HAN}])")
MARKDOWN_RE = re.compile(r"^#|\*\*", re.M)
SHARED_RUN = 24  # characters in a row shared with a benchmark text ...
SHARED_MAX = 0.05  # ... covering this share of an article: copied (two articles quoting one statute share a sentence)
REPEAT_LINE = 15  # a line at least this long in two articles is a template


def _files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return out


def _bench_runs() -> set[str]:
    """Every 24-character Han run of the benchmark texts."""
    runs: set[str] = set()
    dirs = [ROOT / "fixtures" / "clean"] + [d for d in (ROOT / "bench").iterdir() if d.is_dir()]
    for d in dirs:
        for p in d.rglob("*.txt"):
            for m in re.finditer(f"[{HAN}]{{{SHARED_RUN},}}", p.read_text(encoding="utf-8", errors="replace")):
                s = m.group()
                runs.update(s[i:i + SHARED_RUN] for i in range(len(s) - SHARED_RUN + 1))
    return runs


def _shared_share(text: str, runs: set[str]) -> float:
    """The share of the text's Han characters inside runs it shares with a benchmark text."""
    covered = 0
    han = 0
    for m in re.finditer(f"[{HAN}]+", text):
        s = m.group()
        han += len(s)
        mark = [False] * len(s)
        for i in range(len(s) - SHARED_RUN + 1):
            if s[i:i + SHARED_RUN] in runs:
                mark[i:i + SHARED_RUN] = [True] * SHARED_RUN
        covered += sum(mark)
    return covered / max(1, han)


def problems(path: Path, text: str) -> list[str]:
    out = []
    lines = text.splitlines()
    if len(lines) < 3 or not lines[0].strip():
        out.append("no title line and body")
    body = sum(len(x) for x in lines[1:])
    if not 1500 <= body <= 3500:
        out.append(f"body of {body} characters")
    for rx, what in ((ASCII_PUNCT_RE, "ASCII punctuation"), (SPACE_RE, "space inside a sentence"),
                     (MARKDOWN_RE, "markdown")):
        m = rx.search(text)
        if m:
            out.append(f"{what} at {text[max(0, m.start() - 8):m.end() + 8]!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--no-lint", action="store_true", help="skip running wenlint over the articles")
    a = ap.parse_args(argv)
    files = _files(a.paths)
    bad = 0
    seen_lines: dict[str, list[str]] = defaultdict(list)
    runs = _bench_runs()
    texts = {}
    for p in files:
        text = p.read_text(encoding="utf-8")
        texts[p] = text
        for x in problems(p, text):
            print(f"{p.name}: {x}")
            bad += 1
        for line in text.splitlines():
            if len(line.strip()) >= REPEAT_LINE:
                seen_lines[line.strip()].append(p.name)
        share = _shared_share(text, runs)
        if share >= SHARED_MAX:
            print(f"{p.name}: {share:.0%} of its Han characters in runs shared with a benchmark text")
            bad += 1
    for line, names in seen_lines.items():
        if len(set(names)) > 1:
            print(f"{', '.join(sorted(set(names)))}: the same line {line[:30]!r}…")
            bad += 1
    if not a.no_lint:
        from linter.runner import lint_text

        for p, text in texts.items():
            for f in lint_text(text):
                print(f"{p.name}: wenlint {f.check_id} at {f.start}: {f.message}")
                bad += 1
    chars = sum(len(t) for t in texts.values())
    print(f"{len(files)} files, {chars} characters, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
