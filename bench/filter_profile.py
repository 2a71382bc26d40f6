#!/usr/bin/env python3
"""Per-source filter profiles of a bulk audit (``summary.json`` → ``filter_profiles``): are the
words a site's filter deletes named for that site, and is any word named wrongly?

Builds ``--sites`` fake sites from clean development pages (``corpus/staging`` and
``bench/clean5``, shuffled with ``--seed``).  Each filtered site gets one or two of the filter's
usual targets (``missing_char/filter_words.txt``) that at least ``MIN_PAGES`` of its pages use,
deleted without a trace or cut to a space everywhere (``bench/dev3/filters.apply``, then NFKC
punctuation); a third of the sites stay clean.  It lints every page with ``missing-char`` as the
audit does, then applies the audit's own ``restored_words`` and ``filter_profiles``, and scores
the (site, word) pairs named, per confidence threshold of the restorations counted:

* precision: named pairs that are a filter word of that site;
* recall: filter words of a site that are named for it (and the same for words its pages use at
  least ``MIN_PAGES * 2`` times, where the profile has most to go on).

    python bench/filter_profile.py [--sites 20] [--seed 0]
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "dev3"))

MIN_PAGES = 5  # a filter word of a site is used by at least this many of its clean pages
THRESHOLDS = (0.65, 0.8, 0.9)


def build_sites(n_sites: int, seed: int) -> list[dict]:
    """[{"name", "pages": [damaged text], "words": {filter word: pages using it}}], seeded."""
    import filters
    from checks.missing_char.common import _filter_words

    pages = [p.read_text(encoding="utf-8") for d in ("corpus/staging", "bench/clean5")
             for p in sorted((ROOT / d).glob("*.txt"))]
    rng = random.Random(seed)
    rng.shuffle(pages)
    listed = sorted(w for w in _filter_words() if len(w) >= 2)
    size = len(pages) // n_sites
    sites = []
    for k in range(n_sites):
        clean = pages[k * size:(k + 1) * size]
        use = {w: sum(1 for t in clean if w in t) for w in listed}
        usable = sorted(w for w, n in use.items() if n >= MIN_PAGES)
        filtered = k % 3 != 2 and usable
        words = rng.sample(usable, min(len(usable), rng.choice((1, 2)))) if filtered else []
        spec = [(w, rng.choice(("delete", "space"))) for w in words]
        damaged = [filters.apply("site", t, spec)[0] if spec else t for t in clean]
        sites.append({"name": f"site{k:02d}", "pages": damaged, "words": {w: use[w] for w in words}})
    return sites


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    if not (ROOT / "corpus" / "staging").is_dir():
        print("corpus/staging is missing: nothing to measure")
        return 0
    from linter.audit import restored_words
    from linter.audit_report import filter_profiles
    from linter.runner import lint_text

    sites = build_sites(args.sites, args.seed)
    findings = {s["name"]: [[{"rule": f.rule, "confidence": f.confidence, "data": f.data}
                             for f in lint_text(t, select=["missing-char"])] for t in s["pages"]] for s in sites}
    n_pages = sum(len(s["pages"]) for s in sites)
    n_words = sum(len(s["words"]) for s in sites)
    print(f"{len(sites)} sites, {n_pages} pages; {sum(1 for s in sites if s['words'])} filtered, "
          f"{n_words} filter words (deleted or cut to a space everywhere)")
    print(f"{'min confidence':>15} {'named':>6} {'right':>6} {'P':>6} {'R':>6} {'R (busy words)':>15}")
    for th in THRESHOLDS:
        per_source = {s["name"]: Counter(documents=len(s["pages"])) for s in sites}
        restored = {s["name"]: Counter(w for fs in findings[s["name"]] for w in restored_words(fs, th)) for s in sites}
        prof = filter_profiles(per_source, restored)
        named = {(src, x["word"]) for src, p in prof.items() for x in p["words"]}
        truth = {(s["name"], w) for s in sites for w in s["words"]}
        busy = {(s["name"], w) for s in sites for w, n in s["words"].items() if n >= 2 * MIN_PAGES}
        right = named & truth
        p = len(right) / len(named) if named else 1.0
        print(f"{th:>15} {len(named):>6} {len(right):>6} {p:>6.3f} {len(right) / max(1, len(truth)):>6.3f} "
              f"{len(right & busy) / max(1, len(busy)):>15.3f}")
        for pair in sorted(named - truth):
            print(f"{'':>15} wrong: {pair[0]} {pair[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
