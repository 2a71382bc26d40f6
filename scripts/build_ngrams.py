#!/usr/bin/env python3
"""Derive the compact statistics that ``linter.ngrams`` and ``missing-char`` ship.

Everything written here is counts, word lists or hashes — never running text.

From jieba's dictionary (``dict.txt`` in the pinned jieba wheel) merged with the hand-written
``linter/data/ngrams/domain_words.txt``:

* ``ngrams/chars.tsv`` — per Han character: dictionary mass standing alone and inside words
  of 2+ characters (first line ``#total<TAB>N``: all characters of the dictionary mass).
* ``ngrams/pos.tsv.gz`` — POS tag of every word with frequency >= 50 (and the domain words).
* ``ngrams/words_by_char.tsv.gz`` — per character, the 60 most frequent Han words of 2–4
  characters (frequency >= 3) that contain it.
* ``ngrams/gap_index.bin`` — (left part, right part) → [(inserted, word)] for non-proper
  words of 3–6 Han characters (frequency >= 3) that split into the two parts when 1–2 inner
  characters are deleted (关键在于 → 关键 + 于, inserted 在).  Stored as sorted 64-bit key
  hashes + offsets into a UTF-8 blob (zlib), so loading is a memcpy, not a dict build.

From the public-domain PRC law texts (``../shared/laws/articles``, LawRefBook snapshot):

* ``ngrams/law_lm.bin`` — character 1–4-gram counts over Han runs, pruned (count >= 2),
  quantised to one byte (``round(8*log2(count))``) in a 2-probe hashed table (the lower probe
  wins), plus the corpus size.  The laws that the benchmarks sample (``bench/textcorpus.py``
  ``law_docs`` for the sample sizes in ``HELD_OUT_SAMPLES``) are left out, so the benchmark
  figures on law texts stay out-of-sample.

Usage: python scripts/build_ngrams.py [--shared ../shared] [--only lex|lm]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import math
import os
import re
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linter.ngrams import LM_BITS, LM_MIN_COUNT, hash64, lm_quantise, write_compact_map  # noqa: E402

OUT = ROOT / "linter" / "data" / "ngrams"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
PROPER = ("nr", "ns", "nt", "nz", "nrt", "nrfg")
HELD_OUT_SAMPLES = (30, 40, 200)  # bench/missing_char_synth.py --laws 30, bench/clean_fp.py --laws 40 / 200


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def load_lexicon() -> tuple[dict[str, int], dict[str, str], set[str]]:
    import jieba

    freq: dict[str, int] = {}
    pos: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                freq[parts[0]] = int(parts[1])
                if len(parts) >= 3:
                    pos[parts[0]] = parts[2]
    domain: set[str] = set()
    with open(OUT / "domain_words.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            w, f = parts[0], int(parts[1]) if len(parts) > 1 else 300
            domain.add(w)
            freq[w] = max(freq.get(w, 0), f)
            pos.setdefault(w, "n")
    return freq, pos, domain


def build_lexicon_stats() -> None:
    freq, pos, domain = load_lexicon()
    alone: dict[str, int] = collections.defaultdict(int)
    inword: dict[str, int] = collections.defaultdict(int)
    for w, f in freq.items():
        if len(w) == 1:
            alone[w] += f
        else:
            for ch in set(w):
                inword[ch] += f
    char_total = sum(alone.values()) + sum(f * len(w) for w, f in freq.items() if len(w) > 1)
    with open(OUT / "chars.tsv", "w", encoding="utf-8") as fh:
        fh.write(f"#total\t{char_total}\n")
        for ch in sorted(set(alone) | set(inword)):
            if len(ch) == 1 and ch.strip() and ch not in "\t#":
                fh.write(f"{ch}\t{alone.get(ch, 0)}\t{inword.get(ch, 0)}\n")
    with gzip.open(OUT / "pos.tsv.gz", "wt", encoding="utf-8", compresslevel=9, ) as fh:
        for w in sorted(pos):
            if freq.get(w, 0) >= 50 or w in domain:
                fh.write(f"{w}\t{pos[w]}\n")
    by_char: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for w, f in freq.items():
        if 2 <= len(w) <= 4 and f >= 3 and all(_is_han(c) for c in w):
            for ch in set(w):
                by_char[ch].append((w, f))
    with gzip.open(OUT / "words_by_char.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        for ch in sorted(by_char):
            lst = sorted(by_char[ch], key=lambda x: (-x[1], x[0]))[:60]
            fh.write(ch + "\t" + " ".join(f"{w}:{f}" for w, f in lst) + "\n")
    gaps: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for w, f in sorted(freq.items(), key=lambda x: (-x[1], x[0])):
        n = len(w)
        if not (3 <= n <= 6) or f < 3 or not all(_is_han(c) for c in w) or pos.get(w, "").startswith(PROPER):
            continue
        for i in range(1, n - 1):
            for k in (1, 2):
                if i + k >= n:
                    continue
                a, d, b = w[:i], w[i:i + k], w[i + k:]
                if len(a) <= 3 and len(b) <= 3:
                    gaps[(a, b)].append(f"{d}:{w}")
    write_map(OUT / "gap_index.bin", {f"{a}\x1f{b}": ",".join(v) for (a, b), v in gaps.items()})
    print(f"lexicon stats: {len(freq)} words, {len(gaps)} gap keys")


def write_map(path: Path, mapping: dict[str, str]) -> None:
    n = write_compact_map(path, mapping)
    print(f"{path.name}: {n} keys, {path.stat().st_size} bytes")


def held_out_laws(shared: Path) -> set[str]:
    os.environ["WENLINT_SHARED"] = str(shared)
    import textcorpus

    out: set[str] = set()
    for n in HELD_OUT_SAMPLES:
        for d in textcorpus.law_docs(n_laws=n, max_chars=10, chunks_per_law=1, seed=0,
                                     laws_dir=shared / "laws" / "articles"):
            out.add(d.name.split("#", 1)[0])
    return out


def build_lm(shared: Path) -> None:
    laws = shared / "laws" / "articles"
    skip = held_out_laws(shared)
    counts: collections.Counter[str] = collections.Counter()
    total = 0
    used = 0
    for path in sorted(laws.glob("*.json")):
        if path.stem in skip:
            continue
        used += 1
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in (data.get("articles") or {}).values():
            for run in HAN_RUN.findall(str(text)):
                total += len(run)
                n = len(run)
                for i in range(n):
                    for k in (1, 2, 3, 4):
                        if i + k <= n:
                            counts[run[i:i + k]] += 1
    size = 1 << LM_BITS
    mask = size - 1
    table = np.zeros(size, dtype=np.uint8)
    kept = 0
    for g, c in counts.items():
        if c < LM_MIN_COUNT:
            continue
        kept += 1
        q = lm_quantise(c)
        h = hash64(g)
        for idx in (h & mask, (h >> 32) & mask):
            if table[idx] < q:
                table[idx] = q
    path = OUT / "law_lm.bin"
    with open(path, "wb") as fh:
        fh.write(zlib.compress(b"WLLM" + struct.pack("<Q", total) + table.tobytes(), 9))
    occ = float((table > 0).mean())
    print(f"{path.name}: {used} laws ({len(skip)} benchmark laws held out), {total} Han chars, "
          f"{kept} n-grams kept, occupancy {occ:.3f}, {path.stat().st_size} bytes")


def build_neighbours(shared: Path, top: int = 8, min_count: int = 3) -> None:
    """Which words follow a 2-character left context, and precede a 2-character right context,
    in the (jieba-segmented) law texts: ``ngrams/succ.bin`` / ``ngrams/pred.bin`` map a context
    to ``word:count,…`` (the ``top`` most frequent with count >= ``min_count``), and the entry
    ``"#"+word`` of ``succ.bin`` holds the word's own count.  Candidate generator for
    missing-char's insertions; benchmark laws held out as for the n-gram table."""
    import jieba

    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    laws = shared / "laws" / "articles"
    skip = held_out_laws(shared)
    succ: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    pred: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wc: collections.Counter[str] = collections.Counter()
    for path in sorted(laws.glob("*.json")):
        if path.stem in skip:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for text in (data.get("articles") or {}).values():
            for run in HAN_RUN.findall(str(text)):
                pos = 0
                for w in tk.cut(run, HMM=False):
                    e = pos + len(w)
                    if len(w) <= 4:
                        wc[w] += 1
                        if pos >= 2:
                            succ[run[pos - 2:pos]][w] += 1
                        if e + 2 <= len(run):
                            pred[run[e:e + 2]][w] += 1
                    pos = e

    def compact(table: dict[str, collections.Counter[str]]) -> dict[str, str]:
        out = {}
        for ctx, cnt in table.items():
            best = [(w, c) for w, c in cnt.most_common(top) if c >= min_count]
            if best:
                out[ctx] = ",".join(f"{w}:{c}" for w, c in best)
        return out

    s = compact(succ)
    s.update({"#" + w: str(c) for w, c in wc.items() if c >= min_count})
    write_map(OUT / "succ.bin", s)
    write_map(OUT / "pred.bin", compact(pred))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", choices=("lex", "lm", "nb"), default=None)
    args = ap.parse_args()
    if args.only in (None, "lex"):
        build_lexicon_stats()
    if args.only in (None, "lm"):
        build_lm(Path(args.shared))
    if args.only in (None, "nb"):
        build_neighbours(Path(args.shared))


if __name__ == "__main__":
    main()
