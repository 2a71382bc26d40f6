"""``sarif``: SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` describes every rule of the checks that ran
(summary, rationale, bad → good examples as help text, default level); each
result carries its region both as lines/columns (``columnKind``
``unicodeCodePoints``, end column exclusive, as wenlint's own) and as
``charOffset``/``charLength``, a ``partialFingerprints`` entry that survives
edits elsewhere in the file (the baseline fingerprint), and the fix as a SARIF
``fix`` with one replacement.  Paths are relative to ``%SRCROOT%`` (the current
folder) when they can be.

The helpers at the top are shared by the other CI reporters.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, TextIO
from urllib.parse import quote

from .. import __version__
from ..check import Finding
from ..document import Document
from ..results import RunResult
from . import register

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

ENGINE_HELP = {
    "input-error": ({"zh": "无法读取或解码的输入", "en": "An input that could not be read or decoded"},
                    {"zh": "文件不存在、没有权限、编码无法识别或过大时报告，其余文件照常检查。",
                     "en": "Reported when a file is missing, unreadable, undecodable or too large; the other files are still checked."}),
    "internal-error": ({"zh": "检查运行出错", "en": "A check crashed"},
                       {"zh": "某项检查在该文件上崩溃并被跳过；请附上文件报告此问题。",
                        "en": "A check crashed on this file and was skipped; please report it with the file."}),
    "unused-suppression": ({"zh": "未生效的抑制注释", "en": "A suppression comment that suppresses nothing"},
                           {"zh": "wenlint-disable 注释没有抑制任何问题或点名了不存在的规则，应删除或改正。",
                            "en": "A wenlint-disable comment suppresses nothing or names an unknown rule; remove or correct it."}),
}


# -- shared helpers ----------------------------------------------------------------
def rel_path(path: str) -> str:
    """``path`` relative to the current folder, with forward slashes, when it lies below it."""
    if path in ("-", "") or path.startswith("<"):
        return path or "-"
    p = Path(path)
    try:
        if p.is_absolute():
            return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
        rel = os.path.normpath(path)
        return Path(rel).as_posix()
    except (ValueError, OSError):
        return p.as_posix()


def _lang_text(obj: Any, attr: str, lang: str) -> str:
    zh = getattr(obj, attr, "") or ""
    en = getattr(obj, attr + "_en", "") or ""
    return (en or zh) if lang == "en" else (zh or en)


class RuleInfo:
    """What a reporter may say about a rule id (``check`` or ``check/sub``)."""

    def __init__(self, rule: str, cls: Any, lang: str) -> None:
        self.id = rule
        self.cls = cls
        self.lang = lang
        if cls is None and rule in ENGINE_HELP:
            short, full = ENGINE_HELP[rule]
            self.summary, self.rationale = short[lang], full[lang]
            from ..registry import ENGINE_RULES
            self.default_severity = ENGINE_RULES[rule]
            self.examples: tuple = ()
        elif cls is not None:
            self.summary = _lang_text(cls, "summary", lang) or rule
            self.rationale = _lang_text(cls, "rationale", lang)
            self.default_severity = getattr(cls, "default_severity", "warning") or "warning"
            self.examples = tuple(getattr(cls, "examples", ()) or ())
        else:
            self.summary, self.rationale, self.default_severity, self.examples = rule, "", "warning", ()

    def help_text(self) -> str:
        parts = [self.summary]
        if self.rationale:
            parts.append(self.rationale)
        for ex in self.examples:
            parts.append(f"✗ {ex.bad}\n✓ {ex.good}" + (f"\n  {ex.note}" if ex.note else ""))
        parts.append(("Run `wenlint explain {r}` for details." if self.lang == "en" else
                      "详见 `wenlint explain {r}`。").format(r=self.id))
        return "\n\n".join(parts)

    def help_markdown(self) -> str:
        head = "Examples" if self.lang == "en" else "示例"
        parts = [f"**{_md(self.summary)}**"]
        if self.rationale:
            parts.append(_md(self.rationale))
        if self.examples:
            rows = "\n".join(f"- ✗ `{_code(ex.bad)}`  \n  ✓ `{_code(ex.good)}`" for ex in self.examples)
            parts.append(f"{head}:\n\n{rows}")
        parts.append(f"`wenlint explain {self.id}`")
        return "\n\n".join(parts)


def _md(s: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in s)


def _code(s: str) -> str:
    return s.replace("`", "'").replace("\n", " ")


def rule_infos(result: RunResult, lang: str) -> dict[str, RuleInfo]:
    """Every rule the run could report (rules of the checks that ran) plus every rule reported."""
    from ..registry import load_registry

    reg = load_registry()
    ids: dict[str, Any] = {}
    for check in result.checks:
        cls = type(check)
        rule_ids = cls.all_rule_ids() if hasattr(cls, "all_rule_ids") else (check.id,)
        if not getattr(cls, "id", "") and getattr(check, "id", ""):
            rule_ids = (check.id,)
        for r in rule_ids:
            ids.setdefault(r, check)
    for f in result.findings:
        if f.rule not in ids:
            ids[f.rule] = ids.get(f.check_id) or reg.checks.get(f.check_id)
    return {r: RuleInfo(r, obj, lang) for r, obj in sorted(ids.items())}


def file_findings(result: RunResult) -> Iterable[tuple[Any, Finding]]:
    for fr in result.files:
        for f in fr.findings:
            yield fr, f


# -- SARIF ---------------------------------------------------------------------------
def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a reported path."""
    rel = rel_path(path)
    if Path(rel).is_absolute():
        try:
            return Path(rel).as_uri(), None
        except ValueError:
            pass
    return quote(rel, safe="/-_.~"), "%SRCROOT%"


def _location(uri: str, base: str | None, index: int | None) -> dict:
    loc: dict[str, Any] = {"uri": uri}
    if base:
        loc["uriBaseId"] = base
    if index is not None:
        loc["index"] = index
    return loc


def _region(doc: Document | None, start: int, end: int, line: int, col: int, eline: int, ecol: int,
            snippet: bool = True) -> dict:
    reg: dict[str, Any] = {"startLine": max(1, line), "startColumn": max(1, col),
                           "endLine": max(1, eline, line), "endColumn": max(1, ecol)}
    if reg["endLine"] == reg["startLine"] and reg["endColumn"] < reg["startColumn"]:
        reg["endColumn"] = reg["startColumn"]
    if doc is not None:
        reg["charOffset"] = start
        reg["charLength"] = max(0, end - start)
        if snippet and end > start:
            text = doc.text[start:end]
            reg["snippet"] = {"text": text if len(text) <= 400 else text[:400] + "…"}
    return reg


def sarif_log(result: RunResult) -> dict:
    from ..baseline import fingerprint

    lang = result.lang
    infos = rule_infos(result, lang)
    order = {r: i for i, r in enumerate(infos)}
    rules = []
    for r, info in infos.items():
        rules.append({
            "id": r,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.rationale or info.summary},
            "help": {"text": info.help_text(), "markdown": info.help_markdown()},
            "defaultConfiguration": {"level": SARIF_LEVEL.get(info.default_severity, "warning")},
            "properties": {"tags": ["wenlint", r.split("/", 1)[0]]},
        })
    artifacts, art_index = [], {}
    for fr in result.files:
        uri, base = artifact_uri(fr.path)
        if fr.path in art_index:
            continue
        art_index[fr.path] = len(artifacts)
        art: dict[str, Any] = {"location": _location(uri, base, None)}
        if fr.doc is not None:
            art["length"] = len(fr.doc.text)
            if fr.doc.encoding:
                art["encoding"] = fr.doc.encoding
        artifacts.append(art)
    results, notes = [], []
    for fr, f in file_findings(result):
        uri, base = artifact_uri(fr.path)
        idx = art_index.get(fr.path)
        doc = fr.doc
        res: dict[str, Any] = {
            "ruleId": f.rule,
            "level": SARIF_LEVEL.get(f.severity or "warning", "warning"),
            "message": {"text": f.message.get(lang)},
            "locations": [{"physicalLocation": {
                "artifactLocation": _location(uri, base, idx),
                "region": _region(doc, f.start, f.end, f.line, f.column, f.end_line, f.end_column),
            }}],
            "partialFingerprints": {"wenlint/v1": fingerprint(f, doc.text if doc is not None else None)},
        }
        if f.rule in order:
            res["ruleIndex"] = order[f.rule]
        if f.confidence is not None:
            res["properties"] = {"confidence": round(float(f.confidence), 4)}
        if f.fix is not None and doc is not None:
            fx = f.fix
            (l0, c0), (l1, c1) = doc.position(fx.start), doc.position(fx.end)
            old = doc.text[fx.start:fx.end]
            desc = (f"“{old}” → “{fx.replacement}”" if old and fx.replacement else
                    (f"删除“{old}”" if lang != "en" else f"delete “{old}”") if old else
                    (f"插入“{fx.replacement}”" if lang != "en" else f"insert “{fx.replacement}”"))
            res["fixes"] = [{
                "description": {"text": desc if len(desc) <= 200 else desc[:200] + "…"},
                "artifactChanges": [{
                    "artifactLocation": _location(uri, base, idx),
                    "replacements": [{
                        "deletedRegion": _region(doc, fx.start, fx.end, l0, c0, l1, c1, snippet=False),
                        "insertedContent": {"text": fx.replacement},
                    }],
                }],
            }]
        results.append(res)
        if f.rule in ("input-error", "internal-error"):
            notes.append({"level": "error", "message": {"text": f.message.get(lang)},
                          "locations": [{"physicalLocation": {"artifactLocation": _location(uri, base, idx)}}],
                          "descriptor": {"id": f.rule}})
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run = {
        "tool": {"driver": {"name": "wenlint", "version": __version__, "semanticVersion": __version__,
                            "language": "en-US" if lang == "en" else "zh-CN", "rules": rules}},
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


@register("sarif")
def render_sarif(result: RunResult, out: TextIO, **_: object) -> None:
    json.dump(sarif_log(result), out, ensure_ascii=False, indent=2)
    out.write("\n")
