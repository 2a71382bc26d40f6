#!/usr/bin/env python3
"""Derive ``linter/data/laws/quote_fingerprints.bin`` from the reference law texts.

For every law listed in ``linter/data/laws/quote_fingerprints.toml`` and every version of it in
``../shared/laws`` (``catalog.jsonl`` + ``articles/*.json``), each article is cut into clauses
(``checks.legal_citation.quote_clauses``) and each clause is stored as a 32-bit hash of
``law, article, clause`` and of ``law, *, clause``.  The output is the sorted, de-duplicated array
of those hashes (little-endian uint32): no law text is stored, yet legal-citation can tell a
verbatim quotation from a made-up one without ``wenlint laws import``.

Usage: ``python scripts/build_quote_fingerprints.py [SOURCE_DIR]`` (default ``../shared/laws``).
"""
from __future__ import annotations

import json
import sys
import tomllib
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checks.legal_citation import FINGERPRINTS, fingerprint, quote_clauses  # noqa: E402

DATA = ROOT / "linter" / "data"


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "laws"
    if not (src / "catalog.jsonl").is_file():
        print(f"no law catalog in {src}", file=sys.stderr)
        return 2
    wanted = tomllib.loads((DATA / "laws" / "quote_fingerprints.toml").read_text(encoding="utf-8"))["laws"]
    files: dict[str, list[str]] = {}
    for line in (src / "catalog.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if d["name"] in wanted and d.get("articles_file"):
                files.setdefault(d["name"], []).append(d["articles_file"])
    keys: set[int] = set()
    for law in wanted:
        if law not in files:
            print(f"warning: no article texts for {law}", file=sys.stderr)
            continue
        n = 0
        for rel in files[law]:
            data = json.loads((src / rel).read_text(encoding="utf-8"))
            for art, text in data.get("articles", {}).items():
                for clause in quote_clauses(text):
                    keys.add(fingerprint(law, art, clause))
                    keys.add(fingerprint(law, "*", clause))
                    n += 1
        print(f"{law}: {len(files[law])} version(s), {n} clauses")
    arr = array("I", sorted(keys))
    if sys.byteorder != "little":
        arr.byteswap()
    out = DATA / FINGERPRINTS
    out.write_bytes(arr.tobytes())
    print(f"wrote {out} ({len(keys)} keys, {out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
