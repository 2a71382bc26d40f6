"""Baselines: ``wenlint check --baseline FILE``.

The first run (FILE missing) records every current finding in FILE and
reports none of them; later runs report only findings that are not in the
baseline.  A finding is identified by its *fingerprint*: the rule plus the
normalised text of the span and of a little context on each side, on the
same line — never by line number or offset, so an edit elsewhere in the file
(a paragraph added above, a typo fixed two lines down) leaves every other
fingerprint intact.  Identical fingerprints in one file are counted, so a
second copy of a known defect is still new.

Paths are stored relative to the baseline's folder, so the baseline works
from any working directory and on any machine checking out the same tree.
Input and internal errors are never baselined.
"""
from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

from .check import Finding

FORMAT_VERSION = 1
CONTEXT = 12  # non-blank characters of context kept on each side of a span
SCAN = 64  # how far (code points) to look for that context, at most
NEVER = frozenset({"input-error", "internal-error"})


def _norm(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace()).casefold()


def _context_before(text: str, start: int) -> str:
    got: list[str] = []
    i = start - 1
    stop = max(0, start - SCAN)
    while i >= stop and len(got) < CONTEXT:
        ch = text[i]
        if ch in "\n\r":
            break
        if not ch.isspace():
            got.append(ch)
        i -= 1
    return "".join(reversed(got))


def _context_after(text: str, end: int) -> str:
    got: list[str] = []
    i = end
    stop = min(len(text), end + SCAN)
    while i < stop and len(got) < CONTEXT:
        ch = text[i]
        if ch in "\n\r":
            break
        if not ch.isspace():
            got.append(ch)
        i += 1
    return "".join(got)


def fingerprint(finding: Finding, text: str | None) -> str:
    """Stable id of ``finding`` in ``text``: rule + normalised span and nearby text (hex, 20 chars)."""
    if text is None:
        body = f"{finding.rule}\0{finding.message.en}"
    else:
        s, e = max(0, finding.start), min(len(text), finding.end)
        body = "\0".join((finding.rule, _norm(_context_before(text, s)), _norm(text[s:e]),
                          _norm(_context_after(text, e))))
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _rel(path: str, base: Path) -> str:
    if path == "-" or path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive (Windows)
        return Path(path).as_posix()


class Baseline:
    def __init__(self, path: str | os.PathLike, counts: Counter | None = None,
                 entries: list[dict] | None = None) -> None:
        self.path = Path(path)
        self.base = self.path.resolve().parent
        self.counts: Counter = counts or Counter()  # (path, rule, fingerprint) -> n
        self.entries = entries or []
        self.matched: Counter = Counter()  # keys the filtered findings used up
        self.seen_paths: set[str] = set()  # files filtered (linted) in this run

    # -- building, loading, saving -------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike) -> "Baseline":
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or raw.get("version") != FORMAT_VERSION or not isinstance(raw.get("findings"), list):
            raise ValueError(f"{path}: not a wenlint baseline (version {FORMAT_VERSION})")
        counts: Counter = Counter()
        for e in raw["findings"]:
            counts[(e["path"], e["rule"], e["fingerprint"])] += int(e.get("count", 1))
        return cls(path, counts, raw["findings"])

    @classmethod
    def from_result(cls, path: str | os.PathLike, result) -> "Baseline":
        bl = cls(path)
        first: dict[tuple, Finding] = {}
        for fr in result.files:
            text = fr.doc.text if fr.doc is not None else None
            for f in fr.findings:
                if f.rule in NEVER:
                    continue
                key = (_rel(fr.path, bl.base), f.rule, fingerprint(f, text))
                bl.counts[key] += 1
                first.setdefault(key, f)
        bl.entries = [
            {"path": k[0], "rule": k[1], "fingerprint": k[2], "count": n,
             "line": first[k].line, "message": first[k].message.zh}
            for k, n in sorted(bl.counts.items())
        ]
        return bl

    def save(self) -> None:
        from . import __version__

        body = {"version": FORMAT_VERSION, "tool": "wenlint", "wenlint_version": __version__,
                "findings": self.entries}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, self.path)

    def __len__(self) -> int:
        return sum(self.counts.values())

    # -- filtering ---------------------------------------------------------------
    def new_findings(self, path: str, findings: Iterable[Finding], text: str | None) -> list[Finding]:
        """The findings of one file that the baseline does not account for."""
        left = Counter()
        rel = _rel(path, self.base)
        if text is not None:
            self.seen_paths.add(rel)
        out = []
        for f in findings:
            if f.rule in NEVER:
                out.append(f)
                continue
            key = (rel, f.rule, fingerprint(f, text))
            if left[key] < self.counts.get(key, 0):
                left[key] += 1
            else:
                out.append(f)
        self.matched.update(left)
        return out

    def stale(self) -> int:
        """Baselined findings of the files filtered so far that did not occur again (fixed)."""
        return sum(max(0, n - self.matched.get(k, 0)) for k, n in self.counts.items() if k[0] in self.seen_paths)

    def filter(self, result) -> int:
        """Drop baselined findings from ``result`` in place; return how many were dropped."""
        dropped = 0
        for fr in result.files:
            kept = self.new_findings(fr.path, fr.findings, fr.doc.text if fr.doc is not None else None)
            dropped += len(fr.findings) - len(kept)
            fr.findings = kept
        return dropped


def apply_baseline(path: str, result, lang: str = "zh", stderr=None, update: bool = False) -> int:
    """``--baseline FILE``: write FILE on the first run (or with ``update``, rewrite it from the
    current findings, so fixed defects leave it), else drop known findings and say how many
    baselined findings no longer occur.  Returns the number of findings hidden by the baseline."""
    import sys

    stderr = stderr or sys.stderr
    en = lang == "en"
    if update or not os.path.exists(path):
        prev = Baseline.load(path) if update and os.path.exists(path) else None
        old = len(prev) if prev is not None else None
        bl = Baseline.from_result(path, result)
        if prev is not None:  # files this run did not lint keep their entries
            linted = {_rel(fr.path, bl.base) for fr in result.files if fr.doc is not None}
            bl.entries = sorted([e for e in prev.entries if e["path"] not in linted] + bl.entries,
                                key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
            for k, n in prev.counts.items():
                if k[0] not in linted:
                    bl.counts[k] = n
        bl.save()
        hidden = bl.filter(result)
        if old is None:
            stderr.write(f"wenlint: wrote baseline {path} ({len(bl)} findings); later runs report only new ones\n" if en
                         else f"wenlint：已写入基线 {path}（{len(bl)} 个问题），今后只报告新问题\n")
        else:
            stderr.write(f"wenlint: updated baseline {path}: {old} -> {len(bl)} findings\n" if en
                         else f"wenlint：已更新基线 {path}：{old} → {len(bl)} 个问题\n")
        return hidden
    bl = Baseline.load(path)
    hidden = bl.filter(result)
    gone = bl.stale()
    if gone:
        stderr.write(f"wenlint: {gone} baselined finding(s) no longer occur; --update-baseline shrinks {path}\n" if en
                     else f"wenlint：基线中有 {gone} 个问题已不再出现，可用 --update-baseline 更新 {path}\n")
    return hidden
