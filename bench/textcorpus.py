"""Clean text for the benchmarks: the hand-written articles in ``fixtures/clean`` and, when
``../shared`` is present, official law texts from ``../shared/laws/articles``.

Shared by ``bench/clean_fp.py`` and ``bench/missing_char_synth.py`` (and their smoke tests).
Everything here is deterministic: the same arguments give the same documents in the same order.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEAN_DIR = ROOT / "fixtures" / "clean"
SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))
LAWS_DIR = SHARED / "laws" / "articles"

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》【】…—"
# The scraped law texts carry NFKC artefacts: ASCII brackets/colons, stray spaces, zero-width
# spaces.  Official text is full-width; restore it so the law corpus measures the checks, not the
# scraper.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\ufeff]")
_ASCII_MARK_RE = re.compile(rf"(?<=[{_HAN}{_CJK_PUNCT}0-9])[,:;?!]|[,:;?!](?=[{_HAN}{_CJK_PUNCT}])")
_SPACE_RE = re.compile(rf"(?<=[{_HAN}{_CJK_PUNCT}])[ \u3000\xa0]+|[ \u3000\xa0]+(?=[{_HAN}{_CJK_PUNCT}])")
_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass(frozen=True)
class TextDoc:
    """One clean document: ``source`` is ``clean`` or ``laws``; ``name`` is a stable id."""

    name: str
    source: str
    text: str


def normalise_official(text: str) -> str:
    """Full-width punctuation and no stray spaces around Han, as the official text has it."""
    text = _ZERO_WIDTH_RE.sub("", text)
    text = text.replace("(", "（").replace(")", "）")
    text = _ASCII_MARK_RE.sub(lambda m: _FULL[m.group()], text)
    return _SPACE_RE.sub("", text)


def clean_docs(directory: Path = CLEAN_DIR) -> list[TextDoc]:
    """The clean fixture articles (UTF-8), sorted by file name."""
    if not directory.is_dir():
        return []
    return [TextDoc(p.name, "clean", p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.txt"))]


def laws_available(laws_dir: Path = LAWS_DIR) -> bool:
    return laws_dir.is_dir() and any(laws_dir.glob("*.json"))


def _stable_seed(*parts: object) -> int:
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def law_docs(n_laws: int = 40, max_chars: int = 3000, chunks_per_law: int = 2, seed: int = 0,
             laws_dir: Path = LAWS_DIR) -> list[TextDoc]:
    """Documents cut from a seeded sample of ``n_laws`` law texts: each law's articles, one per
    line, are cut at article boundaries into chunks of at most ``max_chars`` characters, of which
    the first ``chunks_per_law`` are kept.  The first chunk starts with the law's official name.
    Empty when ``../shared`` is absent."""
    if not laws_available(laws_dir):
        return []
    files = sorted(laws_dir.glob("*.json"))
    rng = random.Random(_stable_seed("law-sample", seed))
    picked = sorted(rng.sample(files, min(n_laws, len(files)))) if n_laws >= 0 else files
    out: list[TextDoc] = []
    for path in picked:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        articles = data.get("articles") or {}
        if not isinstance(articles, dict):
            continue
        lines = [normalise_official(str(data.get("name") or path.stem))]
        lines += [normalise_official(str(t)).strip() for t in articles.values()]
        lines = [ln for ln in lines if ln]
        chunks: list[list[str]] = [[]]
        size = 0
        for ln in lines:
            if chunks[-1] and size + len(ln) + 1 > max_chars:
                if len(chunks) >= chunks_per_law:
                    break
                chunks.append([])
                size = 0
            chunks[-1].append(ln[:max_chars])
            size += len(ln) + 1
        for i, chunk in enumerate(chunks):
            if chunk:
                out.append(TextDoc(f"{path.stem}#{i}", "laws", "\n".join(chunk) + "\n"))
    return out
