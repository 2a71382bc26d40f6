"""Inputs: files, folders, globs and stdin, decoded to text.

Decoding is byte-exact or refused: UTF-8 (with or without BOM), UTF-16/32 with
BOM, GB18030/GBK (common on scraped Chinese pages), else charset-normalizer's
best guess when it is confident.  Anything else becomes an :class:`InputError`
that names the input and the reason; the run goes on with the other inputs.
"""
from __future__ import annotations

import codecs
import glob as _glob
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .text import is_han

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class InputError:
    path: str
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return self.reason_en if lang == "en" else self.reason_zh


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    encoding: str
    newline: str  # the dominant newline of the file, kept for --fix
    size: int


class DecodeError(ValueError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def _looks_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text[:20000] if ord(ch) > 127]
    if not non_ascii:
        return True
    return sum(1 for ch in non_ascii if is_han(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef") \
        >= 0.8 * len(non_ascii)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` → (text, encoding name), or raise :class:`DecodeError`."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{enc} 解码失败（第 {exc.start} 字节）", f"invalid {enc} at byte {exc.start}") from None
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise DecodeError(f"含有 NUL 字节（第 {at} 字节），疑似二进制文件",
                          f"contains NUL bytes (first at byte {at}); binary file?")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - detector failure = undecodable
        best = None
    if best is not None and best.encoding and best.chaos < 0.2:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise DecodeError(
        f"无法识别文本编码（不是 UTF-8/UTF-16/GB18030；UTF-8 在第 {utf8_error.start} 字节出错）",
        f"undecodable: not UTF-8, UTF-16 or GB18030 (UTF-8 fails at byte {utf8_error.start})",
    )


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def read_source(path: str, max_size: int = 0) -> SourceText | InputError:
    """Read and decode one file (``-`` = stdin)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                return InputError(path, "是目录", "is a directory")
            if max_size and st.st_size > max_size:
                return InputError(
                    path,
                    f"文件过大（{st.st_size / 1e6:.1f} MB，上限 {max_size / 1e6:.1f} MB，可用 --max-file-size 调整）",
                    f"file too large ({st.st_size / 1e6:.1f} MB > {max_size / 1e6:.1f} MB; see --max-file-size)",
                )
            with open(path, "rb") as fh:
                data = fh.read()
    except PermissionError:
        return InputError(path, "没有读取权限", "permission denied")
    except FileNotFoundError:
        return InputError(path, "文件不存在", "no such file")
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return InputError(path, "符号链接循环", "symlink loop")
        return InputError(path, f"读取失败：{exc.strerror}", f"cannot read: {exc.strerror}")
    try:
        text, enc = decode_bytes(data)
    except DecodeError as exc:
        return InputError(path, exc.zh, exc.en)
    return SourceText(path, text, enc, dominant_newline(text), len(data))


def iter_paths(inputs: Iterable[str], suffixes: set[str] | None = None) -> Iterator[str | InputError]:
    """Expand files, folders (recursively) and globs, in a stable order.

    Folders are walked following symlinks, with loop detection by real path;
    hidden folders and files are skipped; files named explicitly are always read.
    """
    suffixes = suffixes or TEXT_SUFFIXES
    for item in inputs:
        if item == "-":
            yield item
            continue
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(_glob.glob(item, recursive=True))
            if not matches:
                yield InputError(item, "没有匹配的文件", "no files match this pattern")
            for m in matches:
                if os.path.isdir(m):
                    yield from _walk(m, suffixes)
                else:
                    yield m
            continue
        if os.path.isdir(item):
            yield from _walk(item, suffixes)
        elif os.path.lexists(item):
            yield item
        else:
            yield InputError(item, "文件不存在", "no such file or directory")


def _walk(root: str, suffixes: set[str]) -> Iterator[str | InputError]:
    seen: set[str] = set()
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            real = os.path.realpath(d)
        except OSError:
            real = d
        if real in seen:
            yield InputError(d, "符号链接循环（该目录已访问过），已跳过", "symlink loop (folder already visited), skipped")
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except PermissionError:
            yield InputError(d, "目录没有读取权限", "folder not readable (permission denied)")
            continue
        except OSError as exc:
            yield InputError(d, f"无法读取目录：{exc.strerror}", f"cannot list folder: {exc.strerror}")
            continue
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(e.path)
            elif Path(e.name).suffix.lower() in suffixes:
                yield e.path
            elif e.is_symlink() and not os.path.exists(e.path):
                try:
                    os.stat(e.path)
                except OSError as exc:
                    if exc.errno == 40:
                        yield InputError(e.path, "符号链接循环", "symlink loop")
        stack.extend(reversed(subdirs))
