#!/usr/bin/env python3
"""Static audit of every regular expression wenlint compiles, for catastrophic backtracking.

The patterns are collected the way they are really used: ``re._compile`` (behind
``re.compile``, ``re.search``, ``re.finditer`` …) is wrapped while every check module is
imported and every check runs on a sample document, and each pattern compiled from code under
``checks/`` or ``linter/`` is recorded with the file and line that compiled it.  Patterns read
from data files (``linter/data/*.toml``) are therefore included.

Each pattern is parsed (``re._parser``) and three shapes are reported:

* ``nested``   — an unbounded repeat inside another repeat (``(a+)*``, ``(\\s*x?)+``):
                 exponential backtracking;
* ``adjacent`` — two unbounded repeats in one sequence, separated only by optional items,
                 whose character sets overlap (``\\s*;?\\s*$``): quadratic in the length of a
                 run of the shared characters when the rest of the pattern then fails;
* ``lead``     — an unanchored pattern that starts with an unbounded repeat and needs more
                 after it (``[ \\t]+#$`` with ``search``): every start inside a long run
                 rescans the run, quadratic.  Harmless when the pattern is only used with
                 ``match`` on short pieces; listed for review.

Character-set overlap is decided on a probe alphabet (ASCII, Latin-1, CJK and full-width
punctuation, spaces, sample ideographs), so it is conservative, not a proof.

    python bench/regex_audit.py [--all] [--strict]   # --all: print passing patterns too; --strict: exit 1 if any flagged

Run it in a fresh interpreter: patterns compiled before the spy is installed are not seen.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.regex_safety import audit  # noqa: E402  (the analysis lives in the package)


# -- collecting the patterns the checks really compile ----------------------------------------
def collect() -> dict[tuple[str, int], tuple[str, int]]:
    """(pattern, flags) → (file:line that compiled it) for every pattern compiled by
    ``checks/`` or ``linter/`` code while importing the checks and running them once."""
    import re as _re

    seen: dict[tuple[str, int], tuple[str, int]] = {}
    real = _re._compile  # type: ignore[attr-defined]
    roots = (str(ROOT / "checks"), str(ROOT / "linter"))

    def spy(pattern, flags):
        if isinstance(pattern, (str, bytes)):
            f = sys._getframe(1)
            while f is not None and f.f_code.co_filename.startswith(_re.__file__.rsplit("/", 1)[0]):
                f = f.f_back
            if f is not None and f.f_code.co_filename.startswith(roots):
                key = (pattern if isinstance(pattern, str) else pattern.decode("latin-1"), int(flags))
                seen.setdefault(key, (f.f_code.co_filename[len(str(ROOT)) + 1:], f.f_lineno))
        return real(pattern, flags)

    _re._compile = spy  # type: ignore[attr-defined]
    try:
        import importlib
        import pkgutil

        import checks
        import linter

        for pkg in (linter, checks):
            for m in pkgutil.iter_modules(pkg.__path__):
                if m.name == "__main__":
                    continue
                try:
                    importlib.import_module(f"{pkg.__name__}.{m.name}")
                except Exception:  # noqa: BLE001 - optional dependencies of audit modules
                    pass
        from linter.document import Document
        from linter.runner import LintOptions, lint_document, make_checks

        sample = _sample()
        checks_, sel = make_checks()
        lint_document(Document(sample), checks_, LintOptions(selection=sel))
    finally:
        _re._compile = real  # type: ignore[attr-defined]
    return seen


def _sample() -> str:
    files = sorted((ROOT / "fixtures").rglob("*.txt"))[:40]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a pattern is flagged")
    args = ap.parse_args(argv)
    pats = collect()
    flagged = 0
    for (pat, flags), (where, line) in sorted(pats.items(), key=lambda kv: kv[1]):
        issues = audit(pat, flags)
        if issues or args.all:
            print(f"{where}:{line}: {pat!r}")
            for it in issues:
                print(f"    {it.kind}: {it.detail}")
        flagged += bool(issues)
    print(f"\n{len(pats)} patterns audited, {flagged} flagged")
    return 1 if args.strict and flagged else 0


if __name__ == "__main__":
    sys.exit(main())
