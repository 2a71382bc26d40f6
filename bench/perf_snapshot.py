#!/usr/bin/env python3
"""Behaviour snapshot for performance work: every finding of every check (except the ones
left out with ``--skip``) on a wide set of texts, written canonically so that an
optimisation can be shown to change nothing.

    python bench/perf_snapshot.py write PATH [--skip missing-char]
    python bench/perf_snapshot.py compare PATH [--skip missing-char] [--only ids]

Texts: the seeds (``../shared/seeds``, when present), every ``fixtures/**/*.txt``,
``bench/clean2``, ``bench/heldout``, ``bench/dev/src``, 400 fuzzed documents
(``linter.fuzzing.random_text``, fixed seed) and a few hostile shapes (one long line, one
repeated phrase, random Han, symbol soup; ~60k characters each).  Each finding is recorded
with rule, span, message (both languages), fix, confidence, severity and data.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))


def texts() -> list[tuple[str, str]]:
    from linter.fuzzing import COMMON_HAN, random_text

    out: list[tuple[str, str]] = []
    globs = [(SHARED / "seeds", "*.txt"), (ROOT / "fixtures", "**/*.txt"), (ROOT / "bench" / "clean2", "*.*"),
             (ROOT / "bench" / "heldout", "*.txt"), (ROOT / "bench" / "dev" / "src", "**/*.txt")]
    for base, pat in globs:
        if base.is_dir():
            for p in sorted(base.glob(pat)):
                if p.suffix in (".txt", ".md"):
                    out.append((str(p.relative_to(base.parent)), p.read_text(encoding="utf-8")))
    rng = random.Random(20240917)
    for i in range(400):
        out.append((f"fuzz/{i:03d}", random_text(rng, max_pieces=rng.choice((20, 120, 400)))))
    prose = "".join(t for name, t in out[:5]).replace("\n", "")[:60000]
    out.append(("shape/one-line", prose))
    out.append(("shape/phrase", "房贷逾期一个月会上门吗？" * 5000))
    out.append(("shape/phrase-lines", "房贷逾期一个月会上门吗？\n" * 5000))
    out.append(("shape/random-han", "".join(rng.choice(COMMON_HAN) for _ in range(60000))))
    out.append(("shape/soup", "".join(rng.choice("，。、“”()[]<>#*_-=+:;!?…—《》|/\\ \t\n0123456789abcXYZ的是")
                                     for _ in range(60000))))
    return out


def snapshot(skip: set[str], only: set[str] = frozenset()) -> dict[str, list]:
    from linter.document import Document
    from linter.runner import LintOptions, lint_document, make_checks

    checks, selection = make_checks()
    checks = [c for c in checks if c.id not in skip and (not only or c.id in only)]
    opts = LintOptions(selection=selection)
    res: dict[str, list] = {}
    for name, text in texts():
        fs = lint_document(Document(text, path=name), checks, opts)
        res[name] = [[f.rule, f.start, f.end, f.severity, f.message.zh, f.message.en,
                      f.fix.to_dict() if f.fix else None,
                      None if f.confidence is None else round(float(f.confidence), 6),
                      json.loads(json.dumps(f.data, default=str, sort_keys=True, ensure_ascii=False))]
                     for f in fs]
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("write", "compare"))
    ap.add_argument("path")
    ap.add_argument("--skip", default="missing-char", help="comma-separated check ids to leave out")
    ap.add_argument("--only", default="", help="comma-separated check ids to keep (default: all not skipped)")
    args = ap.parse_args()
    snap = snapshot({s for s in args.skip.split(",") if s}, {s for s in args.only.split(",") if s})
    n = sum(map(len, snap.values()))
    if args.mode == "write":
        Path(args.path).write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"wrote {n} findings over {len(snap)} texts to {args.path}")
        return 0
    old = json.loads(Path(args.path).read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(old) | set(snap)):
        a, b = old.get(name), snap.get(name)
        if a != b:
            bad += 1
            a, b = a or [], b or []
            print(f"DIFF {name}: {len(a)} → {len(b)} findings")
            sa = {json.dumps(x, ensure_ascii=False, sort_keys=True) for x in a}
            sb = {json.dumps(x, ensure_ascii=False, sort_keys=True) for x in b}
            for x in sorted(sa - sb)[:5]:
                print("  -", x[:300])
            for x in sorted(sb - sa)[:5]:
                print("  +", x[:300])
    print(f"{n} findings over {len(snap)} texts; {bad} texts differ")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
