#!/usr/bin/env python3
"""False positives per 10,000 characters on the independent clean corpus ``bench/clean2``.

``bench/clean_fp.py`` measures ``fixtures/clean`` (articles the check authors saw while tuning).
``bench/clean2`` holds clean professional texts in registers none of the checks was tuned on
(insurance, funds, bank and listed-company notices, court news, regulator releases, Q&A, a
Markdown FAQ, traditional-Chinese articles, ASCII-heavy spreadsheet and remittance guides,
text tables).  Every finding there is a false positive.

    python bench/clean2_fp.py [DIR ...] [--select RULES] [--ignore RULES] [--worst K|--all]
                              [--json PATH|-] [--max-fp-per-10k X]

Reads ``*.txt`` and ``*.md`` (Markdown files keep their suffix, so checks that treat real
Markdown differently see it).  Prints findings and FP/10k per rule and per file, then every
finding (or the worst K) with context.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clean_fp import context, per10k  # noqa: E402
from textcorpus import TextDoc  # noqa: E402

from linter.document import Document  # noqa: E402
from linter.runner import LintOptions, lint_document, make_checks  # noqa: E402

DEFAULT_DIR = Path(__file__).resolve().parent / "clean2"


def load(dirs: list[Path]) -> list[TextDoc]:
    docs = []
    for d in dirs:
        for p in sorted(list(d.glob("*.txt")) + list(d.glob("*.md"))):
            docs.append(TextDoc(p.name, d.name, p.read_text(encoding="utf-8")))
    return docs


def measure(docs: list[TextDoc], select=("ALL",), ignore=()) -> dict:
    checks, selection = make_checks(list(select), list(ignore))
    opts = LintOptions(selection=selection)
    found = []
    chars = 0
    for d in docs:
        chars += len(d.text)
        for f in lint_document(Document(d.text, path=d.name), checks, opts):
            found.append((d, f))
    by_rule = collections.Counter(f.rule for _, f in found)
    by_file = collections.Counter(d.name for d, _ in found)
    return {
        "docs": len(docs), "chars": chars, "findings": len(found),
        "fp_per_10k": round(per10k(len(found), chars), 3),
        "by_rule": {r: {"findings": n, "fp_per_10k": round(per10k(n, chars), 3)} for r, n in sorted(by_rule.items())},
        "by_file": dict(sorted(by_file.items())),
        "_found": found,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT_DIR])
    ap.add_argument("--select", default="ALL")
    ap.add_argument("--ignore", default="")
    ap.add_argument("--worst", type=int, default=30)
    ap.add_argument("--all", action="store_true", help="list every finding")
    ap.add_argument("--json", default=None)
    ap.add_argument("--max-fp-per-10k", type=float, default=None)
    args = ap.parse_args(argv)
    docs = load(args.dirs)
    if not docs:
        print("no clean texts found", file=sys.stderr)
        return 2
    res = measure(docs, [s for s in args.select.split(",") if s] or ["ALL"],
                  [s for s in args.ignore.split(",") if s])
    print(f"{res['docs']} docs, {res['chars']} chars, {res['findings']} findings, "
          f"{res['fp_per_10k']:.2f} FP/10k")
    print(f"\n{'rule':<40}{'n':>5}{'/10k':>8}")
    for r, v in res["by_rule"].items():
        print(f"{r:<40}{v['findings']:>5}{v['fp_per_10k']:>8.2f}")
    print(f"\n{'file':<48}{'n':>5}")
    for name, n in res["by_file"].items():
        print(f"{name:<48}{n:>5}")
    found = sorted(res["_found"], key=lambda df: (df[1].rule, df[0].name, df[1].start))
    show = found if args.all else found[: args.worst]
    if show:
        print(f"\nfindings (showing {len(show)} of {len(found)}):")
    for d, f in show:
        conf = "" if f.confidence is None else f" conf={f.confidence:.2f}"
        print(f"  {d.name}:{f.line}:{f.column} {f.rule}{conf}")
        print(f"      {context(d.text, f.start, f.end)}  — {f.message.zh}")
    if args.json:
        data = json.dumps({k: v for k, v in res.items() if k != "_found"}, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    if args.max_fp_per_10k is not None and res["fp_per_10k"] > args.max_fp_per_10k:
        print(f"\nFAIL: {res['fp_per_10k']:.2f} FP/10k > {args.max_fp_per_10k}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
