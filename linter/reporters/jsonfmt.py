"""``json`` and ``jsonl``: the wire format of DESIGN.md."""
from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from ..results import RunResult
from . import register

JSON_SCHEMA_VERSION = "1"


@register("jsonl")
def render_jsonl(result: RunResult, out: TextIO, **_: object) -> None:
    for f in result.findings:
        out.write(json.dumps(f.to_dict(result.lang), ensure_ascii=False) + "\n")


@register("json")
def render_json(result: RunResult, out: TextIO, **_: object) -> None:
    doc = {
        "version": JSON_SCHEMA_VERSION,
        "wenlint_version": __version__,
        "files": [
            {"path": fr.path, "encoding": fr.encoding, "findings": len(fr.findings),
             "error": fr.error.reason(result.lang) if fr.error else None}
            for fr in result.files
        ],
        "findings": [f.to_dict(result.lang) for f in result.findings],
        "summary": result.summary(),
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
