#!/usr/bin/env python3
"""Self-check of legal-citation and outdated-reference on official law texts.

Official texts cite each other correctly, so every finding here is a false alarm.
Runs both checks over every article file in ../shared/laws/articles (or DIR), one
document per law version dated by that version (so 民法通则 cited by a 2004 text is
not "repealed"), and prints findings per 100,000 characters.  Skips when absent.

Usage: python bench/law_selfcheck.py [DIR] [--show N]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "laws" / "articles"
sys.path.insert(0, str(ROOT))

from linter.document import Document  # noqa: E402
from linter.runner import LintOptions, lint_document, make_checks  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=20, help="print up to N findings")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    if not root.is_dir():
        print(f"skip: {root} not found")
        return 0
    checks, selection = make_checks(select=["legal-citation", "outdated-reference"],
                                     options={"legal-citation": {"laws-dir": str(root)}})
    chars = 0
    per_rule: collections.Counter = collections.Counter()
    shown = 0
    t0 = time.perf_counter()
    files = sorted(root.glob("*.json"))
    for p in files:
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except ValueError:
            continue
        arts = d.get("articles") or {}
        text = "\n".join(f"第{k}条 {v}" for k, v in arts.items())
        date = d.get("last_history_date") or d.get("version")
        doc = Document(text, path=p.name, meta={"date": date} if date else {})
        chars += len(text)
        for f in lint_document(doc, checks, LintOptions(selection=selection)):
            per_rule[f.rule] += 1
            if shown < args.show:
                shown += 1
                print(f"{p.name}: {f.rule} {text[max(0, f.start - 20):f.end + 20]!r} — {f.message.zh}")
    total = sum(per_rule.values())
    secs = time.perf_counter() - t0
    print(f"{len(files)} files, {chars:,} chars, {secs:.1f}s")
    for rule, n in per_rule.most_common():
        print(f"  {rule}: {n}")
    print(f"findings per 100,000 chars: {total * 100000 / max(chars, 1):.3f} (target < 1)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
