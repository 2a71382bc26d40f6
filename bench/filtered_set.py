#!/usr/bin/env python3
"""Missing-char sets built from articles written for them (session 7): bench/dev4 (e01 … e12, a
development set) and bench/heldout3 (k01 … k12, measured only).  Of each set's twelve articles
(SET/src/), nine are damaged by a site filter chosen mechanically and three stay clean.

    python bench/filtered_set.py dev4|heldout3   # writes SET/xNN_*.txt, filters.json and gold.jsonl

The filter of each damaged article is chosen by a fixed rule before any wenlint output on the
articles was seen, so the set measures the check without the author's selection: among the
article's noun tokens (jieba tags n…, vn) of two or three Han characters used 3–12 times, one usual filter
target (``linter/data/missing_char/filter_words.txt``) when the article has one, and one or two
other words, drawn with a generator seeded by the article's key; each word is deleted without a
trace (two chances in three) or replaced by a space.  The damage itself is bench/dev3's
(``filters.apply``: every occurrence, inside longer words too, then the punctuation NFKC-normalised
as on the seeds).  Every site is ``certain``: no site was judged to read acceptably without its
word, so recall here is conservative.
"""
from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH / "dev3"), str(BENCH), str(ROOT)]
import filters  # noqa: E402  (bench/dev3/filters.py)
from gold_builder import MC, GoldBuilder  # noqa: E402

# the clean articles of each set were chosen before its articles were written
SETS = {
    "dev4": {"glob": "e[0-9][0-9]_*.txt", "clean": ("e04", "e08", "e12")},
    "heldout3": {"glob": "k[0-9][0-9]_*.txt", "clean": ("k03", "k07", "k11")},
}
def candidates(clean: str) -> list[str]:
    """Nouns (jieba tags n…, vn) of two or three Han characters used 3–12 times: filters delete
    terms (诈骗, 欠款, 冻结), not the verbs of ordinary prose (了解, 发现)."""
    from linter import ngrams
    from linter.segment import tokenize

    n = Counter(t.text for t in tokenize(clean)
                if 2 <= len(t.text) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in t.text))
    return sorted(w for w, k in n.items() if 3 <= k <= 12
                  and (ngrams.word_pos(w)[:1] == "n" or ngrams.word_pos(w) == "vn"))


def choose(name: str, key: str, clean: str) -> list[tuple[str, str]]:
    listed = set((ROOT / "linter" / "data" / "missing_char" / "filter_words.txt").read_text(encoding="utf-8").split())
    cands = candidates(clean)
    rng = random.Random(f"{name}-{key}")
    lst = [w for w in cands if w in listed]
    other = [w for w in cands if w not in listed]
    picks = ([rng.choice(lst)] if lst else []) + rng.sample(other, 1 if lst else 2)
    # no picked word inside another (the filter would have nothing left to cut)
    picks = [w for w in picks if not any(w != v and w in v for v in picks)]
    return [(w, rng.choice(("delete", "delete", "space"))) for w in picks]


def main(argv: list[str] | None = None) -> int:
    name = (argv if argv is not None else sys.argv[1:] or ["dev4"])[0]
    cfg, here = SETS[name], BENCH / name
    spec: dict[str, list[tuple[str, str]]] = {}
    sites: dict[str, list[dict]] = {}
    for path in sorted((here / "src").glob(cfg["glob"])):
        key = path.name[:3]
        clean = path.read_text(encoding="utf-8")
        if key in cfg["clean"]:
            text = clean
        else:
            spec[key] = choose(name, key, clean)
            text, sites[path.name] = filters.apply(key, clean, spec[key])
        with open(here / path.name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"== {path.name}: {spec.get(key, 'clean')} -> {len(sites.get(path.name, ()))} sites")
    gold = GoldBuilder(here)
    for fname, lst in sorted(sites.items()):
        for s in lst:
            words = "+".join(s["words"])
            gold.add(fname, MC, s["dstart"], s["dend"], s["fix"], "certain",
                     f"{words} {s['mode']} by the site filter (the article never contains it)", mode=s["mode"])
    (here / "filters.json").write_text(json.dumps(spec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold.main()


if __name__ == "__main__":
    sys.exit(main())
