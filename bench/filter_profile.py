#!/usr/bin/env python3
"""Per-source filter profiles of a bulk audit (``summary.json`` → ``source_reports`` →
``missing-char``): are the words a site's filter deletes named for that site, and is any word
named wrongly?

Builds ``--sites`` fake sites from clean development pages (``corpus/staging`` and
``bench/clean5``, shuffled with ``--seed``).  Each filtered site gets one or two of the filter's
usual targets (``missing_char/filter_words.txt``) that at least ``MIN_PAGES`` of its pages use,
deleted without a trace or cut to a space everywhere (``bench/dev3/filters.apply``, then NFKC
punctuation); a third of the sites stay clean.  It lints every page with ``missing-char`` as the
audit does, then applies the check's own page evidence, merge and source report
(``checks/missing_char/profile.py``), and scores the (site, word) pairs named, by the evidence
that names them (sure restorations on two pages, a topic-expected word lacking from three
pages, either):

* precision: named pairs that are a filter word of that site;
* recall: filter words of a site that are named for it.

Then per page, what a data team reads from the audit: is a page the filter damaged (one whose
clean text had a filter word) flagged, by a ``missing-char`` finding of its own or by the
``missing-char/source-filter`` flag its source's profile gives it, and how many undamaged pages
are flagged.

    python bench/filter_profile.py [--sites 20] [--seeds 0,1,2]
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


DEV_PAGES = ("corpus/staging", "bench/clean5")


def build_sites(n_sites: int, seed: int, dirs: tuple[str, ...] = DEV_PAGES) -> list[dict]:
    """[{"name", "pages": [damaged text], "words": {filter word: pages using it}}], seeded."""
    import filters

    from checks.missing_char.common import _filter_words

    pages = [p.read_text(encoding="utf-8") for d in dirs for p in sorted((ROOT / d).glob("*.txt"))]
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
        sites.append({"name": f"site{k:02d}", "pages": damaged, "words": {w: use[w] for w in words},
                      "hit": [any(w in t for w in words) for t in clean]})
    return sites


def reports(sites: list[dict], evidence: dict[str, list[dict]]) -> dict[str, dict | None]:
    from checks.missing_char import profile

    out = {}
    for s in sites:
        acc = None
        for ev in evidence[s["name"]]:
            acc = profile.merge_evidence(acc, ev)
        out[s["name"]] = profile.source_report(len(s["pages"]), acc) if acc else None
    return out


def score(sites: list[dict], reps: dict[str, dict | None]) -> dict[str, tuple[int, int, int]]:
    """(named, right, filter words) per kind of evidence: restored, lacking, either."""
    truth = {(s["name"], w) for s in sites for w in s["words"]}
    named: dict[str, set] = {"restored": set(), "lacking": set(), "either": set()}
    for s in sites:
        rep = reps[s["name"]]
        for x in (rep or {}).get("words", ()):
            pair = (s["name"], x["word"])
            named["either"].add(pair)
            if x["restored"]:
                named["restored"].add(pair)
            if x["lacking"]:
                named["lacking"].add(pair)
    return {k: (len(v), len(v & truth), len(truth)) for k, v in named.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--seeds", default="0,1,2", help="comma-separated seeds, one draw of sites each")
    ap.add_argument("--pages", default=",".join(DEV_PAGES),
                    help="comma-separated folders of clean pages (e.g. bench/clean4,bench/clean6: out of sample)")
    args = ap.parse_args(argv)
    missing = [d for d in args.pages.split(",") if not (ROOT / d).is_dir()]
    if missing:
        print(f"{', '.join(missing)} missing: nothing to measure")
        return 0
    from checks.missing_char import profile
    from linter.document import Document
    from linter.runner import lint_text

    total: dict[str, list[int]] = {}
    pages = Counter()
    print(f"{'seed':>5} {'evidence':>9} {'named':>6} {'right':>6} {'P':>6} {'R':>6}")
    for seed in (int(x) for x in args.seeds.split(",")):
        sites = build_sites(args.sites, seed, tuple(args.pages.split(",")))
        found = {s["name"]: [lint_text(t, select=["missing-char"]) for t in s["pages"]] for s in sites}
        evidence = {s["name"]: [profile.page_evidence(Document(t), f) for t, f in zip(s["pages"], found[s["name"]])]
                    for s in sites}
        reps = reports(sites, evidence)
        for s in sites:
            for hit, f, ev in zip(s["hit"], found[s["name"]], evidence[s["name"]]):
                own = bool(f)
                flag = own or bool(profile.source_findings(reps[s["name"]], ev))
                pages["damaged" if hit else "clean"] += 1
                pages[("damaged" if hit else "clean") + " own"] += own
                pages[("damaged" if hit else "clean") + " flagged"] += flag
        for kind, (named, right, truth) in score(sites, reps).items():
            print(f"{seed:>5} {kind:>9} {named:>6} {right:>6} {right / max(1, named):>6.3f} {right / max(1, truth):>6.3f}")
            t = total.setdefault(kind, [0, 0, 0])
            t[0] += named
            t[1] += right
            t[2] += truth
    for kind, (named, right, truth) in total.items():
        print(f"{'all':>5} {kind:>9} {named:>6} {right:>6} {right / max(1, named):>6.3f} {right / max(1, truth):>6.3f}"
              f"  ({truth} filter words)")
    d, c = max(1, pages["damaged"]), max(1, pages["clean"])
    print(f"pages the filter damaged: {pages['damaged']}; with a missing-char finding of their own "
          f"{pages['damaged own'] / d:.3f}, with it or the source flag {pages['damaged flagged'] / d:.3f}")
    print(f"undamaged pages: {pages['clean']}; with a finding of their own {pages['clean own'] / c:.3f}, "
          f"with it or the source flag {pages['clean flagged'] / c:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
