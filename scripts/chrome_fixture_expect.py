"""Print (or --write) the findings of one check on fixture files in the expected.jsonl format,
for review: the fixture expectations of the page-chrome checks were produced with this and then
read line by line against the fixture text before committing.

    .venv/bin/python scripts/chrome_fixture_expect.py CHECK-ID FIXTURE.txt... [--write]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks


def main(argv: list[str]) -> int:
    write = "--write" in argv
    args = [a for a in argv if a != "--write"]
    check_id, files = args[0], args[1:]
    checks, selection = make_checks(select=[check_id])
    for name in files:
        path = Path(name)
        doc = Document(path.read_text(encoding="utf-8"), path=str(path))
        rows = []
        for f in lint_document(doc, checks, LintOptions(selection=selection)):
            fix = None
            if f.fix:
                fix = f.fix.replacement if (f.fix.start, f.fix.end) == (f.start, f.end) else f.fix.to_dict()
            rows.append({"rule": f.rule, "start": f.start, "end": f.end, "fix": fix})
            print(f"{path.name}: {f.rule} {f.start}-{f.end} {doc.text[f.start:f.end][:50]!r}")
        if write:
            path.with_suffix(".expected.jsonl").write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
