#!/usr/bin/env python3
"""Synthetic benchmark for ``spun-text/frame``: spin clean articles with synonym tables the rule
has never been given, and see which swaps it finds.

Base texts: ``fixtures/clean`` and ``bench/clean2`` (clean professional finance articles).  Two
spinners, each a fixed word → synonym table applied the way a 伪原创 tool applies it (every
occurrence of a chosen word is replaced by the same synonym):

* ``cilin``: originals are words of 哈工大同义词词林 ``=`` groups (two or more Han characters); each
  original gets one synonym of its group, picked by a salted hash.  The originals are split into
  **dev** and **held-out** halves by a salted SHA-256 of the original word, so thresholds tuned on
  dev are judged on swaps of words never looked at.  **This generator is partly circular**: the
  rule proposes candidates from the same 词林 groups, so it measures the frame evidence (does the
  corpus prefer the original in this frame?), not whether the synonym resource covers real spinners.
* ``table``: the reverse of spun-text's hand-made ``pairs.toml`` (pairs seen in real spun
  articles).  ``spun-text/frame`` never reads that table, so for the frame rule alone this row is
  not circular; the table rule itself catches most of these by construction.

Per document and split, ``--swaps`` per 1,000 characters (at least 1) distinct eligible words are
picked by a seeded RNG and replaced at every occurrence.  Scored:

* frame rule alone (``linter.spun_synonyms.frame_findings`` with its corroboration gate, on a
  document where no table findings are passed in) and, when the hook is installed, the whole
  ``spun-text`` check;
* **P** = findings overlapping a swapped span / findings; **R** = swapped spans overlapped / spans.
  Swaps that still read naturally count as misses, so R is a lower bound;
* **untouched**: findings on the unspun texts per 10,000 characters.

Usage: python bench/spun_frames_synth.py [--seed 0] [--swaps 3] [--show 0] [--json PATH|-]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from linter import spun_synonyms as ss  # noqa: E402
from linter.document import Document  # noqa: E402
from linter.resources import load_toml  # noqa: E402
from linter.segment import tokenize  # noqa: E402
from spun_synthetic import substitute  # noqa: E402

SALT = "spun-frames-split-v1"


def split_of(word: str) -> str:
    h = hashlib.sha256((SALT + word).encode("utf-8")).digest()
    return "dev" if h[0] % 2 == 0 else "held-out"


def base_texts() -> list[tuple[str, str]]:
    out = []
    for d in (ROOT / "fixtures" / "clean", ROOT / "bench" / "clean2"):
        for p in sorted(d.glob("*.txt")):
            out.append((f"{d.name}/{p.name}", p.read_text(encoding="utf-8")))
    return out


def cilin_table() -> dict[str, str]:
    """original → one synonym, like a spinner's fixed table."""
    path = ss._cilin_path()
    if path is None:
        return {}
    tree = json.loads(Path(path).read_text(encoding="utf-8"))
    groups: dict[str, set[str]] = {}
    stack = list(tree.values())
    while stack:
        node = stack.pop()
        for code, sub in node.get("sub", {}).items():
            if isinstance(sub, dict):
                stack.append(sub)
            elif code.endswith("="):
                g = [w for w in sub if len(w) >= 2 and ss._han(w)]
                for w in g:
                    groups.setdefault(w, set()).update(x for x in g if x != w)
    table = {}
    for o, syns in groups.items():
        if syns:
            opts = sorted(syns)
            k = int.from_bytes(hashlib.sha256((SALT + "pick" + o).encode()).digest()[:4], "little")
            table[o] = opts[k % len(opts)]
    return table


def pairs_table() -> dict[str, str]:
    table = {}
    for p in load_toml("spun_text/pairs.toml")["pair"]:
        if p.get("kind", "word") != "word":
            continue
        for o in p["orig"]:
            table.setdefault(o, p["spun"])
    return table


def spin(text: str, table: dict[str, str], split: str | None, per_k: float, rng: random.Random):
    toks = tokenize(text)
    eligible = sorted({t.text for t in toks if t.text in table and (split is None or split_of(t.text) == split)})
    n = max(1, round(per_k * len(text) / 1000))
    picked = set(rng.sample(eligible, min(n, len(eligible)))) if eligible else set()
    return substitute(toks, lambda w: table[w] if w in picked else None)


def frame_only(text: str):
    return [(f.start, f.end, f.spun, f.orig) for f in ss.frame_findings(Document(text))]


def whole_check(text: str):
    from linter.runner import lint_text
    return [(f.start, f.end, "", "") for f in lint_text(text, select=["spun-text"]) if f.end > f.start]


def score(results):
    nf = tp = ns = hit = 0
    for spans, found in results:
        nf += len(found)
        tp += sum(1 for a, b, *_ in found if any(s < b and a < e for s, e, *_ in spans))
        ns += len(spans)
        hit += sum(1 for s, e, *_ in spans if any(a < e and s < b for a, b, *_ in found))
    return {"findings": nf, "P": round(tp / nf, 3) if nf else None, "swaps": ns, "R": round(hit / ns, 3) if ns else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--swaps", type=float, default=3.0, help="swapped words per 1,000 characters")
    ap.add_argument("--show", type=int, default=0, help="print this many findings per row (dev rows only)")
    ap.add_argument("--json")
    args = ap.parse_args()
    docs = base_texts()
    chars = sum(len(t) for _, t in docs)
    if not ss.synonyms():
        print("cilin is not installed: spun-text/frame is silent")
        return
    untouched = sum(len(frame_only(t)) for _, t in docs)
    print(f"{len(docs)} clean texts, {chars} chars; frame rule on the untouched texts: {untouched} findings "
          f"({1e4 * untouched / chars:.2f} per 10k)")
    report = {"untouched_findings": untouched, "chars": chars}
    rows = [("cilin", cilin_table(), "dev"), ("cilin", cilin_table(), "held-out"), ("table", pairs_table(), None)]
    try:
        from checks.spun_text import SpunText  # noqa: F401
        hooked = "frame" in (SpunText.sub_rules or ())
    except Exception:
        hooked = False
    print("generator  split     | frame alone: findings  P      swaps  R     "
          + ("| whole spun-text: findings  P      R" if hooked else ""))
    for name, table, split in rows:
        res_f, res_w = [], []
        shown = 0
        for i, (doc_name, text) in enumerate(docs):
            rng = random.Random(f"{args.seed}:{name}:{split}:{doc_name}")
            spun, spans = spin(text, table, split, args.swaps, rng)
            found = frame_only(spun)
            res_f.append((spans, found))
            if hooked:
                res_w.append((spans, whole_check(spun)))
            if split != "held-out" and shown < args.show:
                for a, b, w, o in found:
                    if shown >= args.show:
                        break
                    ok = any(s < b and a < e for s, e, *_ in spans)
                    print(f"   {'TP' if ok else 'FP'} {doc_name}: {spun[max(0, a - 8):a]}【{w}】{spun[b:b + 8]} -> {o}".replace("\n", " "))
                    shown += 1
        f = score(res_f)
        line = f"{name:<10} {str(split or '-'):<9} | {f['findings']:>21}  {f['P']!s:<6} {f['swaps']:>5}  {f['R']!s:<5} "
        row = {"generator": name, "split": split, "frame": f}
        if hooked:
            w = score(res_w)
            line += f"| {w['findings']:>24}  {w['P']!s:<6} {w['R']!s:<5}"
            row["whole"] = w
        print(line)
        report.setdefault("rows", []).append(row)
    print("note: the cilin rows are partly circular (the same 词林 groups generate and propose); "
          "the table row is not, for the frame rule.")
    if args.json:
        out = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(out)
        else:
            Path(args.json).write_text(out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
