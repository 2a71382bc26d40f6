#!/usr/bin/env python3
"""Where linting distinct articles spends its time: a pyinstrument profile (issue 9 asks for one
where the throughput target is not reached).

Lints a folder of distinct articles once each (default ``bench/clean4``), after a warm-up on the
fixtures that loads every table, under pyinstrument's sampling profiler, and writes the call tree
to ``bench/profiles/<name>.txt`` (and ``.html`` with ``--html``).  It prints the share of the run
spent in each check's ``run`` and in the shared document machinery (segmentation, lines), and the
ten functions with the most time of their own.

    python bench/profile_lint.py [--dir bench/clean4] [--select missing-char] [--name NAME] [--html]

pyinstrument is a benchmark dependency (``pip install -e '.[bench]'``); without it the script
says so and exits 0.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shares(root) -> tuple[dict[str, float], dict[str, float]]:
    """(time per check's ``run`` and the document machinery, time of their own per function) in
    seconds, from a pyinstrument frame tree.  A check's time is its outermost ``run`` frame's; a
    function's own time is what pyinstrument records in its ``[self]`` leaves and in frames it
    does not descend into (built-ins), attributed to the calling Python function for built-ins."""
    per_part: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)

    def label(f) -> str:
        return f"{f.function}  ({f.file_path_short}:{f.line_no})"

    stack = [(root, False, "")]
    while stack:
        f, inside, caller = stack.pop()
        path = (f.file_path_short or "").replace("\\", "/")
        if f.is_synthetic:  # [self]: time of the calling frame's own code
            own[caller] += f.time
            continue
        if not inside and f.function == "run" and "checks/" in path:
            per_part[path.split("checks/")[-1]] += f.time
            inside = True
        elif not inside and f.function in ("tokens", "lines") and "linter/document" in path:
            per_part["document: " + f.function] += f.time
            inside = True
        if not f.children:
            own[label(f)] += f.time
        stack.extend((c, inside, label(f)) for c in f.children)
    return dict(per_part), dict(own)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(ROOT / "bench" / "clean4"))
    ap.add_argument("--select", default="", help="comma-separated rule ids (default: the default rule set)")
    ap.add_argument("--name", default="", help="output file stem (default: from --select)")
    ap.add_argument("--interval", type=float, default=0.0005, help="sampling interval, seconds")
    ap.add_argument("--html", action="store_true", help="also write an HTML call tree")
    args = ap.parse_args(argv)
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed (pip install -e '.[bench]'): nothing profiled")
        return 0
    from linter.document import Document
    from linter.runner import LintOptions, lint_document, make_checks

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.dir).glob("*.txt"))]
    if not texts:
        print(f"no articles in {args.dir}")
        return 0
    select = [s for s in args.select.split(",") if s] or ["ALL"]
    checks, selection = make_checks(select=select)
    opts = LintOptions(selection=selection)
    for p in sorted((ROOT / "fixtures").rglob("*.txt"))[:20]:  # load every table first
        lint_document(Document(p.read_text(encoding="utf-8")), checks, opts)
    prof = Profiler(interval=args.interval)
    prof.start()
    for t in texts:
        lint_document(Document(t), checks, opts)
    prof.stop()
    session = prof.last_session
    chars = sum(map(len, texts))
    total = session.duration
    print(f"{len(texts)} articles, {chars:,} chars, {total:.2f} s profiled "
          f"({total / chars * 1e6:.1f} µs per char; sampling adds overhead)")
    root = session.root_frame()
    per_part, own = shares(root)
    print("\ntime per part (outermost frame)")
    for part, sec in sorted(per_part.items(), key=lambda x: -x[1]):
        print(f"  {sec:7.3f} s  {100 * sec / total:5.1f} %  {part}")
    print("\nten functions with the most time of their own")
    for where, sec in sorted(own.items(), key=lambda x: -x[1])[:10]:
        print(f"  {sec:7.3f} s  {100 * sec / total:5.1f} %  {where}")
    out_dir = ROOT / "bench" / "profiles"
    out_dir.mkdir(exist_ok=True)
    stem = args.name or ("default" if select == ["ALL"] else "-".join(select))
    text_path = out_dir / f"{stem}.txt"
    text_path.write_text(prof.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    print(f"\ncall tree: {text_path.relative_to(ROOT)}")
    if args.html:
        html_path = out_dir / f"{stem}.html"
        html_path.write_text(prof.output_html(), encoding="utf-8")
        print(f"html: {html_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
