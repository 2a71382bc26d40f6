#!/usr/bin/env python3
"""False positives per 10,000 characters on clean professional text, per rule.

Every finding on clean text is a false positive.  Two corpora, reported side by side:

* ``clean`` — the hand-written articles in ``fixtures/clean`` (the precision yardstick: every
  check must be silent there);
* ``laws``  — a seeded sample of official law texts from ``../shared/laws/articles`` (scraping
  artefacts restored to full width), when ``../shared`` is present; skipped cleanly otherwise.

    python bench/clean_fp.py [--select RULES] [--ignore RULES] [--laws N] [--worst K]
                             [--json PATH|-] [--max-fp-per-10k X] [EXTRA_DIR ...]

``EXTRA_DIR`` adds folders of clean ``*.txt`` (reported as corpus ``extra``).  With
``--max-fp-per-10k X`` the exit status is 1 when the clean corpus exceeds X per 10k chars.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcorpus import TextDoc, clean_docs, law_docs, laws_available  # noqa: E402

from linter.document import Document  # noqa: E402
from linter.registry import load_registry  # noqa: E402
from linter.runner import LintOptions, lint_document, make_checks  # noqa: E402


def per10k(n: int, chars: int) -> float:
    return 10000.0 * n / chars if chars else 0.0


def context(text: str, start: int, end: int, width: int = 12) -> str:
    """``left[span]right`` on one line, for the worst-findings list."""
    left = text[max(0, start - width):start]
    mid = text[start:end] if end - start <= 40 else text[start:start + 37] + "..."
    right = text[end:end + width]
    return f"{left}【{mid}】{right}".replace("\r", "").replace("\n", "⏎")


def run_corpus(docs: list[TextDoc], checks, selection) -> tuple[list[tuple[TextDoc, object]], int, float]:
    """All findings over ``docs`` as (doc, finding) pairs, total chars and seconds."""
    found = []
    chars = 0
    opts = LintOptions(selection=selection)
    lint_document(Document("预热：加载词典。", path="<warm-up>"), checks, opts)  # load jieba & data outside the timing
    t0 = time.perf_counter()
    opts = LintOptions(selection=selection)
    for d in docs:
        chars += len(d.text)
        for f in lint_document(Document(d.text, path=d.name), checks, opts):
            found.append((d, f))
    return found, chars, time.perf_counter() - t0


def measure(corpora: dict[str, list[TextDoc]], select=("ALL",), ignore=()) -> dict:
    """The benchmark's core: per corpus, per rule counts and rates (no printing)."""
    checks, selection = make_checks(select, ignore)
    out: dict = {"checks": sorted(c.id for c in checks), "corpora": {}}
    for name, docs in corpora.items():
        found, chars, secs = run_corpus(docs, checks, selection)
        by_rule = collections.Counter(f.rule for _, f in found)
        out["corpora"][name] = {
            "docs": len(docs),
            "chars": chars,
            "seconds": round(secs, 3),
            "findings": len(found),
            "fp_per_10k": round(per10k(len(found), chars), 3),
            "by_rule": {r: {"findings": n, "fp_per_10k": round(per10k(n, chars), 3)}
                        for r, n in sorted(by_rule.items())},
            "_found": found,
        }
    return out


def print_report(res: dict, worst: int) -> None:
    names = list(res["corpora"])
    print(f"checks run: {len(res['checks'])} ({', '.join(res['checks'])})")
    reg = load_registry()
    if reg.errors:
        print("checks that failed to load: " + "; ".join(f"{e.name} ({e.error})" for e in reg.errors))
    for n in names:
        c = res["corpora"][n]
        print(f"corpus {n:<6} {c['docs']:>4} docs {c['chars']:>8} chars  {c['seconds']:.1f}s  "
              f"({c['chars'] / c['seconds'] / 1000:.0f}k chars/s)" if c["seconds"] else f"corpus {n}: empty")
    rules = sorted({r for n in names for r in res["corpora"][n]["by_rule"]})
    w = max([34] + [len(r) + 2 for r in rules])
    head = f"{'rule':<{w}}" + "".join(f"{n + ' n':>10}{n + ' /10k':>12}" for n in names)
    print()
    print(head)
    print("-" * len(head))
    for r in rules:
        row = f"{r:<{w}}"
        for n in names:
            br = res["corpora"][n]["by_rule"].get(r)
            row += f"{br['findings'] if br else 0:>10}{br['fp_per_10k'] if br else 0.0:>12.2f}"
        print(row)
    row = f"{'TOTAL':<{w}}"
    for n in names:
        c = res["corpora"][n]
        row += f"{c['findings']:>10}{c['fp_per_10k']:>12.2f}"
    print("-" * len(head))
    print(row)
    if not rules:
        print("(no findings: every selected check is silent)")
    for n in names:
        found = res["corpora"][n]["_found"]
        if not found or worst <= 0:
            continue
        # worst first: most confident, then the rules with most findings, then position
        per_rule = collections.Counter(f.rule for _, f in found)
        order = sorted(found, key=lambda df: (-(df[1].confidence if df[1].confidence is not None else 0.5),
                                              -per_rule[df[1].rule], df[0].name, df[1].start))
        print(f"\nworst findings on {n} (showing {min(worst, len(order))} of {len(order)}):")
        for d, f in order[:worst]:
            conf = "" if f.confidence is None else f" conf={f.confidence:.2f}"
            fix = f" fix→{f.fix.replacement!r}" if f.fix else ""
            print(f"  {d.name}:{f.line}:{f.column} {f.rule}{conf}{fix}")
            print(f"      {context(d.text, f.start, f.end)}  — {f.message.zh}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extra", nargs="*", help="more folders of clean *.txt")
    ap.add_argument("--select", default="ALL", help="comma-separated rules/checks (default ALL)")
    ap.add_argument("--ignore", default="", help="comma-separated rules/checks to leave out")
    ap.add_argument("--laws", type=int, default=40, help="law texts to sample (0: none; default 40)")
    ap.add_argument("--law-chunks", type=int, default=3, help="chunks of ≤3000 chars kept per law (default 3)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--worst", type=int, default=20, help="findings listed with context per corpus")
    ap.add_argument("--json", default=None, help="write the summary as JSON to PATH (- for stdout)")
    ap.add_argument("--max-fp-per-10k", type=float, default=None,
                    help="exit 1 when the clean corpus exceeds this rate")
    args = ap.parse_args(argv)

    corpora: dict[str, list[TextDoc]] = {"clean": clean_docs()}
    if args.laws > 0:
        if laws_available():
            corpora["laws"] = law_docs(n_laws=args.laws, chunks_per_law=args.law_chunks, seed=args.seed)
        else:
            print("laws: ../shared/laws/articles is not present on this machine — skipped")
    extra: list[TextDoc] = []
    for d in args.extra:
        p = Path(d)
        extra += [TextDoc(f.name, "extra", f.read_text(encoding="utf-8")) for f in sorted(p.glob("*.txt"))]
    if extra:
        corpora["extra"] = extra
    if not corpora["clean"]:
        print("fixtures/clean has no articles", file=sys.stderr)
        return 2
    select = [s for s in args.select.split(",") if s.strip()] or ["ALL"]
    ignore = [s for s in args.ignore.split(",") if s.strip()]
    res = measure(corpora, select, ignore)
    print_report(res, args.worst)
    if args.json:
        summary = {"checks": res["checks"],
                   "corpora": {n: {k: v for k, v in c.items() if k != "_found"} for n, c in res["corpora"].items()}}
        data = json.dumps(summary, ensure_ascii=False, indent=2)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    if args.max_fp_per_10k is not None and res["corpora"]["clean"]["fp_per_10k"] > args.max_fp_per_10k:
        print(f"\nFAIL: clean corpus {res['corpora']['clean']['fp_per_10k']:.2f} FP/10k > {args.max_fp_per_10k}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
