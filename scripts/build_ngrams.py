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

From wenlint's own in-register corpus of clean finance-advice articles (``corpus/finance/*.txt``,
written for the project and committed), with the law texts as a secondary source:

* ``ngrams/fin_chars.bin`` — character 1–5-gram counts of the finance corpus over the text
  normalised by ``linter.ngrams.lm_normalise`` (punctuation full width, digits ``0``, Latin
  ``a``, whitespace a line break), 4–5-grams pruned below 3; sorted CRC-32 keys + uint16 counts
  (zlib).  At run time ``linter.ngrams.FinLM`` adds the law table (``law_lm.bin``) at a small
  weight as a backoff for pure-Han grams.
* ``ngrams/fin_words.tsv.gz`` — token counts (the shared jieba tokenizer, dictionary mode, the
  segmentation ``Document.tokens`` uses) of the finance corpus, whitespace runs as ``\n``.
* ``ngrams/fin_succ.tsv.gz`` / ``ngrams/fin_pred.tsv.gz`` — word bigram counts, as each word's
  successors / predecessors with counts.  Candidate generator and word-level evidence for
  missing-char's gap insertions.
* ``ngrams/fin_singles.tsv`` — per Han character, how often it stands alone as a token and how
  often it occurs: its freedom in the register (missing-char's orphan evidence).
* ``ngrams/fin_topics.tsv.gz`` — article co-occurrence: for each word in many articles, the anchor
  words whose articles nearly always contain it (missing-char's topic expectation: a loan article
  without 贷款).

Usage: python scripts/build_ngrams.py [--shared ../shared] [--only lex|lm|nb|fin|singles|topics]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import io
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


def _gz_text(path):
    """A gzip text file for writing, with no timestamp in its header: rebuilding unchanged data
    changes no byte of the committed tables."""
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", compresslevel=9, mtime=0), encoding="utf-8")


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
    with _gz_text(OUT / "pos.tsv.gz") as fh:
        for w in sorted(pos):
            if freq.get(w, 0) >= 50 or w in domain:
                fh.write(f"{w}\t{pos[w]}\n")
    by_char: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for w, f in freq.items():
        if 2 <= len(w) <= 4 and f >= 3 and all(_is_han(c) for c in w):
            for ch in set(w):
                by_char[ch].append((w, f))
    with _gz_text(OUT / "words_by_char.tsv.gz") as fh:
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


FIN_DIR = ROOT / "corpus" / "finance"
FIN_MIN_COUNT_LONG = 3  # 4- and 5-grams seen once or twice are dropped (the shipped tables stay under 15 MB)


def finance_texts(directory: Path = FIN_DIR) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.txt"))]


def law_texts(shared: Path) -> list[str]:
    """The law articles the n-gram tables may use (benchmark laws held out), official form."""
    from textcorpus import normalise_official

    laws = shared / "laws" / "articles"
    if not laws.is_dir():
        return []
    skip = held_out_laws(shared)
    out = []
    for path in sorted(laws.glob("*.json")):
        if path.stem in skip:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        out.extend(normalise_official(str(t)) for t in (data.get("articles") or {}).values())
    return out


def build_finance(shared: Path) -> None:
    from linter.ngrams import FIN_COUNT_SCALE, FIN_MAX_N, LAW_SHARE, fin_key, lm_normalise, word_key
    from linter.segment import tokenize

    docs = finance_texts()
    fin: collections.Counter[str] = collections.Counter()
    words: collections.Counter[str] = collections.Counter()
    succ: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    pred: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    total = 0
    for _, raw in docs:
        norm = lm_normalise(raw)
        total += len(norm)
        n = len(norm)
        for i in range(n):
            for k in range(1, FIN_MAX_N + 1):
                if i + k > n:
                    break
                fin[norm[i:i + k]] += 1
        prev = "\n"
        for t in tokenize(raw):
            w = word_key(t.text)
            if w == "\n" and prev == "\n":
                continue
            words[w] += 1
            succ[prev][w] += 1
            pred[w][prev] += 1
            prev = w
    # the law texts, down-weighted, extend the continuations of histories the finance corpus has
    law: collections.Counter[str] = collections.Counter()
    law_total = 0
    for t in law_texts(shared):
        norm = lm_normalise(t)
        n = len(norm)
        law_total += n
        for i in range(n):
            for k in range(1, FIN_MAX_N + 1):
                if i + k > n:
                    break
                g = norm[i:i + k]
                if k > 1 and g[:-1] not in fin:
                    break
                law[g] += 1
    alpha = LAW_SHARE * total / law_total if law_total else 0.0
    combined: dict[str, float] = {g: float(c) for g, c in fin.items()}
    for g, c in law.items():
        combined[g] = combined.get(g, 0.0) + alpha * c
    # distinct continuations (Witten–Bell's T): a law-only continuation counts alpha of one
    types: dict[str, float] = collections.defaultdict(float)
    for g in combined:
        if len(g) > 1:
            types[g[:-1]] += 1.0 if g in fin else alpha
    items: dict[int, tuple[int, int]] = {}
    collisions = 0
    for g, c in combined.items():
        if len(g) >= 4 and c < FIN_MIN_COUNT_LONG:
            continue
        k = fin_key(g)
        q = (min(int(round(c * FIN_COUNT_SCALE)), 2**32 - 1),
             min(int(round(types.get(g, 0.0) * FIN_COUNT_SCALE)), 2**32 - 1))
        if k in items:
            collisions += 1
            q = max(q, items[k])
        items[k] = q
    keys = np.array(sorted(items), dtype="<u4")
    counts = np.array([items[k][0] for k in keys.tolist()], dtype="<u4")
    tcounts = np.array([items[k][1] for k in keys.tolist()], dtype="<u4")
    path = OUT / "fin_chars.bin"
    grand = total + alpha * law_total
    with open(path, "wb") as fh:
        fh.write(zlib.compress(b"WLF3" + struct.pack("<Id", len(keys), grand) + keys.tobytes()
                               + counts.tobytes() + tcounts.tobytes(), 9))
    print(f"{path.name}: {len(docs)} articles, {total} chars (+ law {law_total} chars x {alpha:.4f}), "
          f"{len(keys)} grams ({collisions} key collisions merged), {path.stat().st_size} bytes")
    with _gz_text(OUT / "fin_words.tsv.gz") as fh:
        for w, c in sorted(words.items(), key=lambda x: (-x[1], x[0])):
            fh.write(f"{_esc(w)}\t{c}\n")
    for name, table in (("fin_succ.tsv.gz", succ), ("fin_pred.tsv.gz", pred)):
        with _gz_text(OUT / name) as fh:
            for w in sorted(table):
                lst = sorted(table[w].items(), key=lambda x: (-x[1], x[0]))
                fh.write(_esc(w) + "\t" + " ".join(f"{_esc(v)}\x1f{c}" for v, c in lst) + "\n")
        print(f"{name}: {len(table)} words, {(OUT / name).stat().st_size} bytes")
    build_contexts(docs, words)


CTX_TOP = 24  # words kept per 2-character context
CTX_MIN_WORD = 2  # a candidate word occurs at least this often as a token


def build_contexts(docs: list[tuple[str, str]], words: collections.Counter[str]) -> None:
    """Which words occur between which characters: ``ngrams/fin_ctx.tsv.gz`` maps a 2-character
    left context ``Lxy`` (the characters before the word) or right context ``Rxy`` (after it) to
    the words seen there, with counts.  Words are the corpus's Han tokens of 2–4 characters
    (matched as substrings, so 贷款 inside 住房贷款 counts) and its frequent single-character
    tokens (matched as tokens only).  Candidate generator for missing-char's gap insertions."""
    from linter.ngrams import lm_normalise, word_key
    from linter.segment import tokenize

    vocab = {w for w, c in words.items() if c >= CTX_MIN_WORD and 2 <= len(w) <= 4 and all(_is_han(x) for x in w)}
    singles = {w for w, c in words.items() if c >= 20 and len(w) == 1 and _is_han(w)}
    ctx: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for _, raw in docs:
        norm = lm_normalise(raw)
        n = len(norm)
        for i in range(n):
            for k in (2, 3, 4):
                w = norm[i:i + k]
                if len(w) == k and w in vocab:
                    if i >= 2:
                        ctx["L" + norm[i - 2:i]][w] += 1
                    if i + k + 2 <= n:
                        ctx["R" + norm[i + k:i + k + 2]][w] += 1
        for t in tokenize(raw):
            w = word_key(t.text)
            if w in singles:
                if t.start >= 2:
                    ctx["L" + norm[t.start - 2:t.start]][w] += 1
                if t.end + 2 <= n:
                    ctx["R" + norm[t.end:t.end + 2]][w] += 1
    path = OUT / "fin_ctx.tsv.gz"
    kept = 0
    with _gz_text(path) as fh:
        for key in sorted(ctx):
            lst = [(w, c) for w, c in sorted(ctx[key].items(), key=lambda x: (-x[1], x[0]))[:CTX_TOP] if c >= 2]
            if lst:
                kept += 1
                fh.write(_esc(key) + "\t" + " ".join(f"{w}\x1f{c}" for w, c in lst) + "\n")
    print(f"{path.name}: {kept} contexts ({len(vocab)} words, {len(singles)} single characters), "
          f"{path.stat().st_size} bytes")


def build_fin_singles() -> None:
    """Per Han character of the finance corpus: how often it stands alone as a token (the shared
    jieba tokenizer, dictionary mode) and how often it occurs at all — its freedom in the register
    wenlint lints (签, 拒, 选 stand alone in colloquial advice; 措, 扰 never do).
    ``ngrams/fin_singles.tsv``: char, alone, total (total >= 1), first line ``#chars<TAB>N``."""
    from linter.segment import tokenize

    alone: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    n = 0
    for _, raw in finance_texts():
        for ch in HAN_RUN.findall(raw):
            total.update(ch)
            n += len(ch)
        for t in tokenize(raw):
            if len(t.text) == 1 and _is_han(t.text):
                alone[t.text] += 1
    path = OUT / "fin_singles.tsv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"#chars\t{n}\n")
        for ch in sorted(total):
            fh.write(f"{ch}\t{alone[ch]}\t{total[ch]}\n")
    print(f"{path.name}: {len(total)} characters, {n} Han characters, {path.stat().st_size} bytes")


TOPIC_MIN_DF = 8  # a word in at least this many articles can be expected by topic ...
TOPIC_ANCHOR_DF = 5  # ... from an anchor word in at least this many ...
TOPIC_MIN_P = 0.75  # ... whose articles contain it at least this often
TOPIC_MAX_ANCHORS = 30


def build_fin_topics() -> None:
    """Document co-occurrence in the finance corpus: for each frequent word (a Han token of 2–4
    characters in at least TOPIC_MIN_DF articles), the anchor words whose articles nearly always
    contain it (P(word in article | anchor in article) >= TOPIC_MIN_P): a loan article without
    贷款 is unusual.  ``ngrams/fin_topics.tsv.gz``: first line ``#docs<TAB>N``, then
    word<TAB>df<TAB>anchor\x1fco\x1fdf_anchor ... (most co-occurring first)."""
    from linter.ngrams import word_key
    from linter.segment import tokenize

    sets = []
    for _, raw in finance_texts():
        ws = {word_key(t.text) for t in tokenize(raw)}
        sets.append({w for w in ws if 2 <= len(w) <= 4 and all(_is_han(c) for c in w)})
    df: collections.Counter[str] = collections.Counter()
    for ws in sets:
        df.update(ws)
    targets = {w for w, c in df.items() if c >= TOPIC_MIN_DF}
    anchors = {w for w, c in df.items() if c >= TOPIC_ANCHOR_DF}
    co: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for ws in sets:
        t_in = ws & targets
        a_in = ws & anchors
        for w in t_in:
            co[w].update(a_in)
    path = OUT / "fin_topics.tsv.gz"
    kept = 0
    with _gz_text(path) as fh:
        fh.write(f"#docs\t{len(sets)}\n")
        for w in sorted(targets):
            lst = [(a, c) for a, c in co[w].items() if a != w and c / df[a] >= TOPIC_MIN_P]
            lst.sort(key=lambda x: (-x[1], x[0]))
            lst = lst[:TOPIC_MAX_ANCHORS]
            if not lst:
                continue
            kept += 1
            fh.write(f"{w}\t{df[w]}\t" + " ".join(f"{a}\x1f{c}\x1f{df[a]}" for a, c in lst) + "\n")
    print(f"{path.name}: {kept} words with topic anchors over {len(sets)} articles, {path.stat().st_size} bytes")


def _esc(w: str) -> str:
    return w.replace("\n", "\\n").replace("\t", " ").replace("\x1f", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", choices=("lex", "lm", "nb", "fin", "singles", "topics"), default=None)
    args = ap.parse_args()
    if args.only in (None, "lex"):
        build_lexicon_stats()
    if args.only in (None, "lm"):
        build_lm(Path(args.shared))
    if args.only in (None, "nb"):
        build_neighbours(Path(args.shared))
    if args.only in (None, "fin"):
        build_finance(Path(args.shared))
    if args.only in (None, "singles"):
        build_fin_singles()
    if args.only in (None, "topics"):
        build_fin_topics()


if __name__ == "__main__":
    main()
