"""Score the page-chrome checks (keyword-stuffing, boilerplate, link-spam,
duplicate-title, fake-comments) on the seed gold, and count their false positives
per 10,000 characters on clean text.

    .venv/bin/python bench/chrome_eval.py [--details] [--clean DIR ...]

Uses ../shared when present (skips the gold part otherwise).  Clean text: fixtures/clean
plus the negative fixtures of these checks (fixtures/<id>/*.txt with an empty expected file).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RULES = ["keyword-stuffing", "boilerplate", "link-spam", "duplicate-title", "fake-comments"]


def lint(path: Path, checks, selection):
    doc = Document(path.read_text(encoding="utf-8"), path=str(path))
    return doc, lint_document(doc, checks, LintOptions(selection=selection))


def clean_files(extra: list[str]) -> list[Path]:
    files = sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    for rule in RULES:
        for txt in sorted((ROOT / "fixtures" / rule).glob("*.txt")):
            exp = txt.with_suffix(".expected.jsonl")
            if exp.exists() and not exp.read_text(encoding="utf-8").strip():
                files.append(txt)
    for d in extra:
        files.extend(sorted(Path(d).glob("**/*.txt")))
    return files


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--clean", nargs="*", default=[])
    args = ap.parse_args()
    checks, selection = make_checks(select=RULES)

    if (SHARED / "gold" / "seeds.jsonl").exists():
        seeds = sorted((SHARED / "seeds").glob("*.txt"))
        t0 = time.perf_counter()
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for p in seeds:
                _doc, fs = lint(p, checks, selection)
                for f in fs:
                    fh.write(json.dumps({"path": p.name, "rule": f.rule, "start": f.start, "end": f.end}) + "\n")
            pred = fh.name
        dt = time.perf_counter() - t0
        cmd = [sys.executable, str(SHARED / "gold" / "score.py"), str(SHARED / "gold" / "seeds.jsonl"), pred]
        if args.details:
            cmd.append("--details")
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        keep = [ln for ln in out.splitlines() if any(r in ln for r in RULES) or ln.startswith(("category", "-", "file"))
                or args.details]
        print("\n".join(keep))
        print(f"seeds: {len(seeds)} files linted in {dt:.2f}s")

    files = clean_files(args.clean)
    chars = 0
    fps: dict[str, int] = {}
    for p in files:
        doc, fs = lint(p, checks, selection)
        chars += len(doc.text)
        for f in fs:
            fps[f.rule] = fps.get(f.rule, 0) + 1
            print(f"  FP {p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}: {f.rule} "
                  f"{doc.text[f.start:f.end][:60]!r}")
    total = sum(fps.values())
    print(f"clean: {len(files)} files, {chars} chars, {total} findings, "
          f"{(total * 10000 / chars) if chars else 0:.3f} FP per 10k chars {fps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
