"""Applying fixes: ``wenlint check --fix`` / ``--diff``.

Three layers, each usable alone:

* :func:`apply_fixes` — a pure function on text: apply the non-overlapping
  fixes, skip the ones that collide with an earlier fix.
* :func:`fix_until_stable` — lint, apply the eligible fixes, lint again …
  until nothing changes (fixes skipped for overlapping get their turn on the
  next pass), as ruff does.  The result is idempotent: fixing it again
  changes nothing.
* :func:`write_atomic` — write the fixed text next to the original (temporary
  file in the same folder, then ``os.replace``), in the encoding it was read
  in (BOMs kept, UTF-16/32 byte order kept), with its permissions; newline
  style is kept because offsets apply to the text as read (CRLF included) and
  line breaks inside replacements are written in the file's own style.

A fix is *safe* when its finding's confidence is at least the config's
``fix-threshold`` (default 0.8) or the check gives no confidence (its fix is
then deterministic); ``--unsafe-fixes`` applies the rest too.
"""
from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .check import Finding, Fix

DEFAULT_THRESHOLD = 0.8
MAX_PASSES = 10


class FixError(Exception):
    """A fixed text that cannot be written back; the message is bilingual."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def reason(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


# -- selecting and applying -----------------------------------------------------
def is_safe(finding: Finding, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when ``finding`` has a fix that ``--fix`` applies without ``--unsafe-fixes``."""
    return finding.fix is not None and (finding.confidence is None or finding.confidence >= threshold)


def eligible(findings: Iterable[Finding], threshold: float = DEFAULT_THRESHOLD, unsafe: bool = False) -> list[Fix]:
    """The fixes ``--fix`` (or ``--fix --unsafe-fixes``) would apply."""
    return [f.fix for f in findings if f.fix is not None and (unsafe or is_safe(f, threshold))]


@dataclass
class Applied:
    text: str
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)  # overlapping or out of range

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def _in_newline(replacement: str, newline: str) -> str:
    if newline == "\n" or ("\n" not in replacement and "\r" not in replacement):
        return replacement
    return replacement.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def apply_fixes(text: str, fixes: Iterable[Fix], newline: str = "\n") -> Applied:
    """Apply ``fixes`` to ``text``; a fix overlapping one already taken is skipped.

    Fixes are taken in (start, end) order.  Two fixes overlap when their spans
    share a code point, or when both insert at the same point.  Identical fixes
    (two findings proposing the same edit) count once.  Linear in the text plus
    n log n in the number of fixes.
    """
    n = len(text)
    ordered = sorted(set(fixes), key=lambda fx: (fx.start, fx.end, fx.replacement))
    out = Applied(text)
    pieces: list[str] = []
    pos = 0
    last_end = -1
    last_insert_at = -1
    for fx in ordered:
        if not (0 <= fx.start <= fx.end <= n):
            out.skipped.append(fx)
            continue
        if fx.start < last_end or (fx.start == fx.end and fx.start == last_insert_at):
            out.skipped.append(fx)
            continue
        if fx.replacement == text[fx.start:fx.end]:
            continue  # a no-op: nothing to do, nothing to report
        pieces.append(text[pos:fx.start])
        pieces.append(_in_newline(fx.replacement, newline))
        pos = fx.end
        last_end = fx.end
        if fx.start == fx.end:
            last_insert_at = fx.start
        out.applied.append(fx)
    if out.applied:
        pieces.append(text[pos:])
        out.text = "".join(pieces)
    return out


@dataclass
class FixOutcome:
    text: str  # the fixed text (== original when nothing applied)
    findings: list[Finding]  # findings on the fixed text
    applied: int = 0  # fixes applied over all passes
    passes: int = 0


def fix_until_stable(text: str, lint: Callable[[str], list[Finding]], threshold: float = DEFAULT_THRESHOLD,
                     unsafe: bool = False, newline: str = "\n", first: Sequence[Finding] | None = None,
                     max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint → fix → lint … until no eligible fix changes the text (or ``max_passes``).

    ``lint(text)`` returns the findings for a text; ``first`` may give the
    findings for ``text`` when the caller already has them.  A text seen
    before (two checks undoing each other) stops the loop.
    """
    findings = list(first) if first is not None else lint(text)
    outcome = FixOutcome(text, findings)
    seen = {text}
    for _ in range(max_passes):
        fixes = eligible(findings, threshold, unsafe)
        if not fixes:
            break
        res = apply_fixes(outcome.text, fixes, newline)
        if not res.changed or res.text in seen:
            break
        seen.add(res.text)
        outcome.text = res.text
        outcome.applied += len(res.applied)
        outcome.passes += 1
        findings = lint(res.text)
        outcome.findings = findings
    return outcome


# -- writing ---------------------------------------------------------------------
def encode_like(text: str, encoding: str, original: bytes = b"") -> bytes:
    """Encode ``text`` as the file was: same codec, same BOM and byte order."""
    enc = (encoding or "utf-8").lower().replace("_", "-")
    try:
        if enc in ("utf-8-sig", "utf8-sig"):
            return codecs.BOM_UTF8 + text.encode("utf-8")
        if enc in ("utf-16", "utf16"):
            if original.startswith(codecs.BOM_UTF16_BE):
                return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if enc in ("utf-32", "utf32"):
            if original.startswith(codecs.BOM_UTF32_BE):
                return codecs.BOM_UTF32_BE + text.encode("utf-32-be")
            return codecs.BOM_UTF32_LE + text.encode("utf-32-le")
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        ch = exc.object[exc.start:exc.end]
        raise FixError(f"修复后的文本含有 {encoding} 无法表示的字符“{ch}”，未写入",
                       f"the fixed text has a character ({ch!r}) that {encoding} cannot encode; not written") from None
    except LookupError:
        raise FixError(f"未知编码 {encoding}，未写入", f"unknown encoding {encoding}; not written") from None


def write_atomic(path: str, text: str, encoding: str = "utf-8", expect: str | None = None) -> None:
    """Replace the file at ``path`` with ``text`` atomically.

    The bytes go to a temporary file in the same folder (same filesystem),
    are flushed to disk, get the original's permission bits (and owner where
    allowed), then ``os.replace`` the original — readers see the old file or
    the new one, never half of either.  A symlink is followed: its target is
    rewritten and the link stays.  ``expect`` is the text the fixes were
    computed on: if the file no longer decodes to it (someone edited it
    meanwhile), nothing is written.
    """
    from .sources import DecodeError, decode_bytes

    real = os.path.realpath(path)
    try:
        st = os.stat(real)
        with open(real, "rb") as fh:
            original = fh.read()
    except OSError as exc:
        raise FixError(f"无法读取原文件：{exc.strerror}", f"cannot read the original: {exc.strerror}") from None
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        # read-only is the owner's "do not touch", even for a user (root) who could
        raise FixError("文件是只读的，未写入修复", "the file is read-only; fixes not written")
    if expect is not None:
        try:
            current, _ = decode_bytes(original)
        except DecodeError:
            current = None
        if current != expect:
            raise FixError("文件在检查后被修改过，未写入修复", "the file changed after it was checked; fixes not written")
    data = encode_like(text, encoding, original)
    if data == original:
        return
    folder = os.path.dirname(real) or "."
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(real) + ".", suffix=".wenlint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not ours to give away: keep our own ownership
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# -- diffs -----------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    """Split on "\\n" only (keeping it), so CR, U+2028 etc. stay inside lines."""
    parts = text.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def unified_diff(path: str, old: str, new: str, context: int = 3) -> str:
    """A ``git diff``-style unified diff of ``old`` → ``new`` ('' when equal)."""
    if old == new:
        return ""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}", n=context):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


# -- the engine's per-file step: cache, then lint, then (optionally) fix ----------
def lint_file(doc, checks, options, config, request, caches: dict | None = None):
    """Findings for ``doc`` (a FileResult), using the result cache and applying
    fixes as ``request`` asks (``request.fix``: "write" or "diff").

    When fixes apply, the FileResult holds the fixed document and its findings;
    ``doc.meta["original_text"]`` keeps the text as read and
    ``doc.meta["fixes_applied"]`` the number of fixes.
    """
    from .document import Document
    from .results import FileResult
    from .runner import lint_document

    cache = None
    key = None
    if getattr(request, "cache", False):
        from .cache import Cache, cache_root, content_key, settings_key

        root = str(cache_root(config))
        if caches is None:
            caches = {}
        cache = caches.get(root)
        if cache is None:
            cache = caches[root] = Cache(root)
        skey = settings_key(config.cache_key(), getattr(request, "select", ()), getattr(request, "ignore", ()))
        key = content_key(skey, doc.path, doc.text, doc.encoding)
        found = cache.get(key, doc.path)
        if found is not None and not (getattr(request, "fix", None) and eligible(
                found, config.fix_threshold, getattr(request, "unsafe_fixes", False))):
            return FileResult(doc.path, found, doc=doc, cached=True)
    else:
        found = None
    findings = found if found is not None else lint_document(doc, checks, options)
    if cache is not None and found is None:
        cache.put(key, findings)
    if not getattr(request, "fix", None):
        return FileResult(doc.path, findings, doc=doc)
    newline = doc.meta.get("newline", "\n")

    def relint(text: str):
        return lint_document(Document(text, path=doc.path, encoding=doc.encoding), checks, options)

    outcome = fix_until_stable(doc.text, relint, config.fix_threshold, getattr(request, "unsafe_fixes", False),
                               newline, first=findings)
    if not outcome.applied:
        return FileResult(doc.path, findings, doc=doc)
    fixed = Document(outcome.text, path=doc.path, meta=doc.meta, encoding=doc.encoding)
    fixed.meta["original_text"] = doc.text
    fixed.meta["fixes_applied"] = outcome.applied
    if cache is not None and request.fix == "write":
        from .cache import content_key as _ck, settings_key as _sk

        cache.put(_ck(_sk(config.cache_key(), request.select, request.ignore), doc.path, outcome.text,
                      doc.encoding), outcome.findings)
    return FileResult(doc.path, outcome.findings, doc=fixed)


def is_stdin(path: str, request) -> bool:
    return path == "-" or (bool(request.stdin_filename) and path == request.stdin_filename and "-" in request.paths)


def finish_fixes(result, request, lang: str = "zh", stdout=None, stderr=None) -> int:
    """After a ``--fix``/``--diff`` run: write the fixed files (or print their
    diffs), and say what was done on stderr.  Returns how many files changed
    (or would change).  Files that cannot be written get an ``input-error``
    finding naming the reason."""
    import sys

    from .check import Message

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    changed = fixes = 0
    for fr in result.files:
        doc = fr.doc
        if doc is None:
            continue
        original = doc.meta.get("original_text")
        stdin = is_stdin(fr.path, request)
        if request.fix == "write" and stdin:
            stdout.write(doc.text)  # like ruff: fixed stdin goes to stdout (unchanged when nothing applied)
            stdout.flush()
        if original is None:
            continue
        if request.fix == "diff":
            stdout.write(unified_diff(fr.path, original, doc.text))
        elif not stdin:
            try:
                write_atomic(fr.path, doc.text, doc.encoding, expect=original)
            except (FixError, OSError) as exc:
                zh, en = (exc.zh, exc.en) if isinstance(exc, FixError) else (str(exc), str(exc))
                from .runner import engine_finding

                err = engine_finding("input-error", f"无法写入修复：{zh}", f"could not write fixes: {en}")
                err.path, err.line, err.column, err.end_line, err.end_column = fr.path, 1, 1, 1, 1
                fr.findings.insert(0, err)
                continue
        changed += 1
        fixes += doc.meta.get("fixes_applied", 0)
    if request.fix == "diff":
        msg = Message(zh=f"wenlint：{changed} 个文件可修复（{fixes} 处），未写入", en=f"wenlint: {fixes} fixes would be applied to {changed} files (nothing written)")
    else:
        msg = Message(zh=f"wenlint：已修复 {fixes} 处问题，涉及 {changed} 个文件", en=f"wenlint: fixed {fixes} problems in {changed} files")
    if changed or request.fix == "write":
        stderr.write(msg.get(lang) + "\n")
    return changed
