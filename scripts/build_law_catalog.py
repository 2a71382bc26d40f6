#!/usr/bin/env python3
"""Derive the shipped law catalog (linter/data/laws/) from the reference facts.

Input: a directory laid out like ``../shared/laws`` (``catalog.jsonl``,
``repealed.jsonl``, ``institutions.jsonl``).  Output, facts only (names, short
names, kinds, status, dates, article counts, replacing instrument) — never any
article text:

* ``catalog.jsonl``      one line per instrument, its versions newest first
* ``repealed.jsonl``     repealed/replaced instruments with date and successor
* ``institutions.jsonl`` regulators that were abolished or renamed, with dates

Usage: ``python scripts/build_law_catalog.py [SOURCE_DIR] [OUT_DIR]``
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC = ROOT.parent / "shared" / "laws"
DEFAULT_OUT = ROOT / "linter" / "data" / "laws"


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _basename(path: str | None) -> str | None:
    return path.rsplit("/", 1)[-1] if path else None


def build_catalog(rows: list[dict]) -> list[dict]:
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_name[r["name"]].append(r)
    out = []
    for name, versions in by_name.items():
        versions.sort(key=lambda r: (bool(r.get("is_latest_in_source")), r.get("version") or ""), reverse=True)
        latest = versions[0]
        shorts: list[str] = []
        for r in versions:
            for s in r.get("short_names") or []:
                if s and s != name and s not in shorts:
                    shorts.append(s)
        out.append({
            "name": name,
            "short": shorts,
            "kind": latest.get("kind"),
            "category": latest.get("category"),
            "status": latest.get("status"),
            "versions": [{
                "version": r.get("version"),
                "status": r.get("status"),
                "effective": (r.get("dates") or {}).get("effective") or (r.get("dates") or {}).get("effective_per_text"),
                "first_adopted": (r.get("dates") or {}).get("first_adopted"),
                "last_history_date": (r.get("dates") or {}).get("last_history_date"),
                "article_count": r.get("article_count") or 0,
                "max_article": r.get("max_article"),
                "file": _basename(r.get("articles_file")),
            } for r in versions],
        })
    out.sort(key=lambda e: e["name"])
    return out


def build_repealed(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        out.append({
            "name": r["name"],
            "short": [s for s in r.get("short_names") or [] if s and s != r["name"]],
            "status": r.get("status"),
            "date": r.get("repealed_date"),
            "replaced_by": r.get("replaced_by"),
            "replaced_by_short": r.get("replaced_by_short"),
            "basis": (r.get("basis") or {}).get("type"),
        })
    out.sort(key=lambda e: e["name"])
    return out


def build_institutions(rows: list[dict]) -> list[dict]:
    keep = ("name", "short_names", "status", "replaced_by", "current_successor", "date", "established",
            "functional_names_in_laws")
    out = []
    for r in rows:
        e = {k: r.get(k) for k in keep}
        e["short"] = e.pop("short_names") or []
        e["functional"] = e.pop("functional_names_in_laws") or []
        out.append(e)
    return out


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    if not (src / "catalog.jsonl").exists():
        print(f"no catalog.jsonl in {src}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    cat = build_catalog(_read_jsonl(src / "catalog.jsonl"))
    rep = build_repealed(_read_jsonl(src / "repealed.jsonl"))
    ins = build_institutions(_read_jsonl(src / "institutions.jsonl"))
    _write_jsonl(out / "catalog.jsonl", cat)
    _write_jsonl(out / "repealed.jsonl", rep)
    _write_jsonl(out / "institutions.jsonl", ins)
    print(f"{len(cat)} instruments, {len(rep)} repealed, {len(ins)} institutions -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
