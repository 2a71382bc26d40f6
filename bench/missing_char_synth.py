#!/usr/bin/env python3
"""Synthetic benchmark for ``missing-char`` (issue 3): clean Chinese text with words deleted
the way sensitive-word filters delete them, then linted with ``missing-char`` alone.

Text: the clean articles in ``fixtures/clean`` and, when ``../shared`` is present, chunks of
official law texts.  Deletion lexicon: ``bench/data/filter_lexicon.toml`` (≥ 200 words: finance,
law, political vocabulary and single characters), split deterministically per category into a
``dev`` half and a ``held-out`` half.  Held-out words and examples are never printed (unless
``--reveal-held-out``): develop against ``dev``, report ``held-out``.

A simulated filter, per document and split: pick 1–3 lexicon words of that split that occur in
the document (occurrences of different picks never overlap) and, consistently for every
occurrence of a word, either

* ``delete``  — remove it (催收人员 → 人员),
* ``space``   — replace it by one space (通过电话联系 → 通过 联系),
* ``partial`` — remove one of its characters (问题 → 问, 全球化 → 全化).

Single-character entries (在, 球 …) are deleted wherever they occur, breaking longer words too.

Scoring (same matching as ``../shared/gold/score.py``): a ``missing-char`` finding matches a
deletion site when the spans overlap or, for an insertion point, the gap is ≤ ``--window``
chars.  Precision = matching findings / findings; recall = sites matched / sites; exact fix =
the finding's fix applied alone turns the text at that site back into the original (whole-text
equality with the document where only that site is restored).  False positives are also
measured on the untouched documents.

    python bench/missing_char_synth.py [--seed 0] [--laws 30] [--docs N] [--window 2]
                                       [--show 10] [--json PATH|-] [--reveal-held-out]

Deterministic (seeded), a few seconds to a minute depending on the check's speed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textcorpus import ROOT, TextDoc, clean_docs, law_docs, laws_available  # noqa: E402

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore[no-redef]

LEXICON = Path(__file__).resolve().parent / "data" / "filter_lexicon.toml"
CHECK_ID = "missing-char"
CHECK_DATA = ROOT / "linter" / "data" / "missing_char"
NGRAM_DATA = ROOT / "linter" / "data" / "ngrams"
MODES = ("delete", "space", "partial")
MODE_WEIGHTS = (0.55, 0.25, 0.20)
SPLITS = ("dev", "held-out")


# -- lexicon ------------------------------------------------------------------
@dataclass(frozen=True)
class Lexicon:
    words: dict[str, str]  # word -> category
    split: dict[str, str]  # word -> "dev" | "held-out"

    def of(self, split: str) -> list[str]:
        return sorted(w for w, s in self.split.items() if s == split)


def split_words(categories: dict[str, list[str]], salt: str) -> dict[str, str]:
    """Per category, order the words by a salted hash and alternate dev / held-out, so each
    category is halved (odd sizes give dev the extra word) and the split never depends on the
    order of the file or on which words a check knows."""
    out: dict[str, str] = {}
    for cat in sorted(categories):
        words = sorted(set(categories[cat]), key=lambda w: hashlib.sha256(f"{salt}\x1f{w}".encode()).hexdigest())
        for i, w in enumerate(words):
            out.setdefault(w, SPLITS[i % 2])
    return out


def load_lexicon(path: Path = LEXICON) -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cats: dict[str, list[str]] = {k: [w for w in v if w] for k, v in data["categories"].items()}
    words: dict[str, str] = {}
    for cat in sorted(cats):
        for w in cats[cat]:
            words.setdefault(w, cat)
    return Lexicon(words, split_words(cats, data.get("meta", {}).get("salt", "")))


# -- injection ----------------------------------------------------------------
@dataclass(frozen=True)
class Site:
    """One deletion in the corrupted text: ``corrupted[start:end]`` was ``original`` (the whole
    word, restored).  For ``delete`` the span is empty (an insertion point); for ``space`` it is
    the space; for ``partial`` it is what is left of the word."""

    start: int
    end: int
    original: str
    word: str
    mode: str


@dataclass
class Corrupted:
    name: str
    source: str
    split: str
    original: str
    text: str
    sites: list[Site]
    picks: list[tuple[str, str]] = field(default_factory=list)  # (word, mode)

    def restore(self, site: Site) -> str:
        """The corrupted text with only ``site`` put back."""
        return self.text[:site.start] + site.original + self.text[site.end:]


def occurrences(text: str, word: str) -> list[int]:
    """Non-overlapping occurrences, left to right (how a filter's replace() sees them)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + len(word))
    return out


def inject(text: str, edits: list[tuple[str, str, int]]) -> tuple[str, list[Site]]:
    """Apply ``(word, mode, k)`` edits to every occurrence of each word (occurrences of different
    words must not overlap); ``k`` is the index of the character ``partial`` removes.  Returns the
    corrupted text and its sites, in text order."""
    spans: list[tuple[int, str, str, int]] = []
    for word, mode, k in edits:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "partial" and not (len(word) >= 2 and 0 <= k < len(word)):
            raise ValueError(f"partial needs a word of ≥ 2 chars and 0 ≤ k < len: {word!r}, {k}")
        spans += [(i, word, mode, k) for i in occurrences(text, word)]
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if a[0] + len(a[1]) > b[0]:
            raise ValueError(f"overlapping edits {a[1]!r} and {b[1]!r}")
    out: list[str] = []
    sites: list[Site] = []
    pos = 0
    n = 0  # length of the corrupted text so far
    for i, word, mode, k in spans:
        out.append(text[pos:i])
        n += i - pos
        if mode == "delete":
            rep = ""
        elif mode == "space":
            rep = " "
        else:
            rep = word[:k] + word[k + 1:]
        out.append(rep)
        sites.append(Site(n, n + len(rep), word, word, mode))
        n += len(rep)
        pos = i + len(word)
    out.append(text[pos:])
    return "".join(out), sites


def _rng(seed: int, *parts: object) -> random.Random:
    h = hashlib.sha256("\x1f".join(map(str, (seed,) + parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def corrupt(doc: TextDoc, words: list[str], split: str, seed: int) -> Corrupted | None:
    """The simulated filter on one document, choosing among ``words`` (one split's words).
    None when no word of the split occurs in the document."""
    rng = _rng(seed, doc.source, doc.name, split)
    present = [w for w in words if w in doc.text]
    if not present:
        return None
    rng.shuffle(present)
    want = rng.randint(1, 3)
    taken: list[tuple[int, int]] = []
    edits: list[tuple[str, str, int]] = []
    for w in present:
        if len(edits) >= want:
            break
        occ = [(i, i + len(w)) for i in occurrences(doc.text, w)]
        if any(s < te and ts < e for s, e in occ for ts, te in taken):
            continue  # overlaps an earlier pick (中华 inside 中华人民共和国): skip
        mode = rng.choices(MODES, MODE_WEIGHTS)[0]
        if mode == "partial" and len(w) < 2:
            mode = "delete"
        k = rng.randrange(len(w)) if mode == "partial" else 0
        edits.append((w, mode, k))
        taken += occ
    text, sites = inject(doc.text, edits)
    return Corrupted(doc.name, doc.source, split, doc.text, text, sites, [(w, m) for w, m, _ in edits])


# -- scoring ------------------------------------------------------------------
def spans_match(ps: int, pe: int, gs: int, ge: int, window: int) -> bool:
    """score.py's rule: overlap, or for a zero-width span a gap of at most ``window``."""
    if ps == pe or gs == ge:
        return max(0, gs - pe, ps - ge) <= window
    return ps < ge and gs < pe


@dataclass
class Tally:
    findings: int = 0
    tp: int = 0  # findings that match a site
    sites: int = 0
    found: int = 0  # sites matched by at least one finding
    fixed: int = 0  # sites restored exactly by at least one matching finding's fix
    tp_fix_ok: int = 0  # matching findings whose fix restores their site exactly
    chars: int = 0
    docs: int = 0

    def add(self, o: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @property
    def precision(self) -> float:
        return self.tp / self.findings if self.findings else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.sites if self.sites else 0.0

    @property
    def fix_rate(self) -> float:  # of true-positive findings, the share with an exact fix
        return self.tp_fix_ok / self.tp if self.tp else 0.0


def apply_fix(text: str, fix) -> str:
    return text[:fix.start] + fix.replacement + text[fix.end:]


def score_doc(c: Corrupted, findings: list, window: int,
              categories: dict[str, str] | None = None) -> tuple[Tally, dict[str, Tally], list, list]:
    """Tally for one corrupted document, per-mode tallies (sites only; with ``categories`` also
    per lexicon category, keyed ``cat:<name>``), unmatched findings and missed sites."""
    t = Tally(findings=len(findings), sites=len(c.sites), chars=len(c.text), docs=1)
    per_mode = {m: Tally() for m in MODES}
    site_found = [False] * len(c.sites)
    site_fixed = [False] * len(c.sites)
    restored = [None] * len(c.sites)
    fps = []
    for f in findings:
        hit = False
        ok = False
        for j, s in enumerate(c.sites):
            if not spans_match(f.start, f.end, s.start, s.end, window):
                continue
            hit = True
            site_found[j] = True
            if f.fix is not None:
                if restored[j] is None:
                    restored[j] = c.restore(s)
                if apply_fix(c.text, f.fix) == restored[j]:
                    ok = True
                    site_fixed[j] = True
        if hit:
            t.tp += 1
            t.tp_fix_ok += ok
        else:
            fps.append(f)
    t.found = sum(site_found)
    t.fixed = sum(site_fixed)
    for j, s in enumerate(c.sites):
        pm = per_mode.setdefault(s.mode, Tally())
        pm.sites += 1
        pm.found += site_found[j]
        pm.fixed += site_fixed[j]
        if categories is not None:
            pc = per_mode.setdefault("cat:" + categories.get(s.word, "?"), Tally())
            pc.sites += 1
            pc.found += site_found[j]
            pc.fixed += site_fixed[j]
    missed = [s for j, s in enumerate(c.sites) if not site_found[j]]
    return t, per_mode, fps, missed


# -- running ------------------------------------------------------------------
def check_status() -> tuple[bool, str]:
    """Is ``missing-char`` installed and importable?"""
    from linter.registry import load_registry

    reg = load_registry()
    if CHECK_ID in reg.checks:
        return True, ""
    err = next((e.error for e in reg.errors if e.name == CHECK_ID), None)
    if err:
        return False, f"the {CHECK_ID} check failed to load: {err}"
    return False, f"no {CHECK_ID} check is installed (checks/missing_char/, entry point in pyproject.toml)"


def lint(text: str) -> list:
    from linter.runner import lint_text

    out = lint_text(text, select=[CHECK_ID])
    errors = [f for f in out if f.rule == "internal-error"]
    if errors:
        raise RuntimeError(errors[0].message.en)
    return [f for f in out if f.check_id == CHECK_ID]


def leaks(lex: Lexicon) -> list[str]:
    """Held-out words that appear as a whole line/token in the check's own data files: the check
    has been told about them, so their recall is not 'unseen'."""
    known: set[str] = set()
    if CHECK_DATA.is_dir():
        for p in sorted(CHECK_DATA.rglob("*")):
            if p.is_file() and p.suffix in (".txt", ".tsv", ".toml", ".json"):
                for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
                    tok = line.split("#", 1)[0].strip().split()
                    known.update(t.strip('",') for t in tok[:1])
    return sorted(w for w in lex.of("held-out") if w in known)


# scraped text arrives NFKC-normalised: full-width ，？：；！（） become ASCII (。、“” stay)
NFKC_PUNCT = str.maketrans({"，": ",", "？": "?", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")"})


def pieces(doc: TextDoc, max_chars: int) -> list[TextDoc]:
    """``doc`` cut into consecutive pieces of at most ``max_chars`` characters, each ending at a
    line break or a full stop where one falls in its second half (a short article, as an editor
    checks one)."""
    out: list[TextDoc] = []
    text, i, k = doc.text, 0, 0
    while i < len(text):
        j = min(len(text), i + max_chars)
        if j < len(text):
            cut = max(text.rfind("\n", i + max_chars // 2, j), text.rfind("。", i + max_chars // 2, j))
            if cut >= 0:
                j = cut + 1
        piece = text[i:j]
        if piece.strip():
            out.append(TextDoc(f"{doc.name}~{k}", doc.source, piece))
            k += 1
        i = j
    return out


def build(seed: int, n_laws: int, max_docs: int | None, lex: Lexicon,
          nfkc: bool = False, max_chars: int = 0) -> tuple[list[TextDoc], list[Corrupted]]:
    docs = clean_docs()
    if n_laws > 0 and laws_available():
        docs += law_docs(n_laws=n_laws, max_chars=2500, chunks_per_law=2, seed=seed)
    if max_docs:
        docs = docs[:max_docs]
    if max_chars:
        docs = [p for d in docs for p in pieces(d, max_chars)]
    if nfkc:
        docs = [TextDoc(d.name, d.source, d.text.translate(NFKC_PUNCT)) for d in docs]
    corrupted = []
    for split in SPLITS:
        words = lex.of(split)
        for d in docs:
            c = corrupt(d, words, split, seed)
            if c is not None and c.sites:
                corrupted.append(c)
    return docs, corrupted


def fmt_row(label: str, t: Tally) -> str:
    return (f"{label:<22}{t.docs:>5}{t.sites:>7}{t.found:>7}{t.findings:>9}{t.tp:>6}{t.findings - t.tp:>6}"
            f"{t.precision:>8.3f}{t.recall:>8.3f}{t.fix_rate:>9.3f}{t.fixed / t.sites if t.sites else 0:>9.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--laws", type=int, default=30, help="law texts to sample (0: clean articles only)")
    ap.add_argument("--docs", type=int, default=None, help="use only the first N base documents")
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--max-chars", type=int, default=0,
                    help="cut the base documents into short articles of at most N characters first")
    ap.add_argument("--nfkc", action="store_true",
                    help="punctuation as scraped pages carry it (，？：；！（） as ASCII) before the filter runs")
    ap.add_argument("--show", type=int, default=10, help="dev misses / false alarms to print")
    ap.add_argument("--json", default=None, help="write the figures as JSON to PATH (- for stdout)")
    ap.add_argument("--reveal-held-out", action="store_true",
                    help="also print held-out words and examples (only for the final report)")
    args = ap.parse_args(argv)

    lex = load_lexicon()
    cats = sorted(set(lex.words.values()))
    print(f"lexicon: {len(lex.words)} words ({', '.join(f'{c} {sum(1 for v in lex.words.values() if v == c)}' for c in cats)});"
          f" dev {len(lex.of('dev'))} / held-out {len(lex.of('held-out'))}")
    t0 = time.perf_counter()
    docs, corrupted = build(args.seed, args.laws, args.docs, lex, nfkc=args.nfkc, max_chars=args.max_chars)
    n_clean = sum(1 for d in docs if d.source == "clean")
    laws_note = "" if laws_available() or args.laws <= 0 else " (../shared/laws absent: law texts skipped)"
    print(f"base documents: {len(docs)} ({n_clean} clean articles, {len(docs) - n_clean} law chunks){laws_note}, "
          f"{sum(len(d.text) for d in docs)} chars; corrupted: {len(corrupted)}, "
          f"{sum(len(c.sites) for c in corrupted)} deletion sites")
    for split in SPLITS:
        used = sorted({w for c in corrupted if c.split == split for w, _ in c.picks})
        print(f"  {split}: {len(used)} distinct words deleted")
    if (NGRAM_DATA / "laws_char_ngrams.tsv.gz").exists():
        print("  note: the check ships n-gram counts derived from ../shared/laws, so its figures on law"
              " chunks are in-sample; the clean-article rows are the out-of-sample ones.")
    ok, why = check_status()
    if not ok:
        print(f"\nmissing-char is not available: {why}.\nThe benchmark data is ready; nothing to measure yet.")
        if args.json:
            _write_json(args.json, {"available": False, "reason": why})
        return 0
    leaked = leaks(lex)
    if leaked:
        print(f"  warning: {len(leaked)} held-out word(s) are listed in linter/data/missing_char/ "
              f"(the check knows them); 'held-out unlisted' excludes the documents that use them.")

    # untouched documents: every finding is a false positive
    untouched = Tally()
    fp_examples = []
    for d in docs:
        fs = lint(d.text)
        untouched.add(Tally(findings=len(fs), chars=len(d.text), docs=1))
        fp_examples += [(d.name, d.text, f) for f in fs]

    rows: dict[str, Tally] = {}
    modes: dict[str, dict[str, Tally]] = {s: {m: Tally() for m in MODES} for s in SPLITS}
    by_cat: dict[str, dict[str, Tally]] = {s: {c: Tally() for c in cats} for s in SPLITS}
    dev_fps, dev_missed = [], []
    for c in corrupted:
        fs = lint(c.text)
        t, pm, fps, missed = score_doc(c, fs, args.window, lex.words)
        keys = [c.split, f"{c.split} / {c.source}"]
        if c.split == "held-out" and leaked:
            if not any(w in leaked for w, _ in c.picks):
                keys.append("held-out unlisted")
        for k in keys:
            rows.setdefault(k, Tally()).add(t)
        for k, v in pm.items():
            if k.startswith("cat:"):
                by_cat[c.split].setdefault(k[4:], Tally()).add(v)
            else:
                modes[c.split][k].add(v)
        if c.split == "dev" or args.reveal_held_out:
            dev_fps += [(c, f) for f in fps]
            dev_missed += [(c, s) for s in missed]
    secs = time.perf_counter() - t0

    print()
    head = (f"{'split':<22}{'docs':>5}{'sites':>7}{'found':>7}{'findings':>9}{'TP':>6}{'FP':>6}"
            f"{'P':>8}{'R':>8}{'fix/TP':>9}{'fixed/site':>11}")
    print(head)
    print("-" * len(head))
    order = ["dev", "dev / clean", "dev / laws", "held-out", "held-out / clean", "held-out / laws", "held-out unlisted"]
    for k in order:
        if k in rows:
            print(fmt_row(k, rows[k]))
    print("-" * len(head))
    print("recall (exact fix) by deletion mode:")
    for s in SPLITS:
        parts = []
        for m in MODES:
            t = modes[s][m]
            if t.sites:
                parts.append(f"{m} {t.found / t.sites:.3f} ({t.fixed / t.sites:.3f}) of {t.sites}")
        print(f"  {s:<9} " + "; ".join(parts))
    print("recall (exact fix) by lexicon category:")
    for s in SPLITS:
        parts = [f"{k} {t.found / t.sites:.3f} ({t.fixed / t.sites:.3f}) of {t.sites}"
                 for k, t in sorted(by_cat[s].items()) if t.sites]
        print(f"  {s:<9} " + "; ".join(parts))
    print(f"untouched documents: {untouched.findings} findings in {untouched.chars} chars = "
          f"{10000 * untouched.findings / untouched.chars if untouched.chars else 0:.2f} FP per 10k chars")
    print(f"time: {secs:.1f}s")

    if args.show > 0:
        from clean_fp import context

        if dev_missed:
            print(f"\nmissed deletion sites ({'all splits' if args.reveal_held_out else 'dev only'}; {args.show} of {len(dev_missed)}):")
            for c, s in dev_missed[:args.show]:
                print(f"  {c.name} [{s.mode}] {s.word}: {context(c.text, s.start, s.end)}")
        if dev_fps:
            print(f"\nfalse alarms on corrupted documents ({'all splits' if args.reveal_held_out else 'dev only'}; {args.show} of {len(dev_fps)}):")
            for c, f in dev_fps[:args.show]:
                fix = f" fix→{f.fix.replacement!r}" if f.fix else ""
                print(f"  {c.name} {f.rule}{fix}: {context(c.text, f.start, f.end)}")
        if fp_examples:
            print(f"\nfalse alarms on untouched documents ({args.show} of {len(fp_examples)}):")
            for name, text, f in fp_examples[:args.show]:
                fix = f" fix→{f.fix.replacement!r}" if f.fix else ""
                print(f"  {name} {f.rule}{fix}: {context(text, f.start, f.end)}")

    if args.json:
        def d(t: Tally) -> dict:
            return {"docs": t.docs, "sites": t.sites, "found": t.found, "findings": t.findings, "tp": t.tp,
                    "precision": round(t.precision, 4), "recall": round(t.recall, 4),
                    "fix_per_tp": round(t.fix_rate, 4), "fixed_per_site": round(t.fixed / t.sites, 4) if t.sites else 0}
        _write_json(args.json, {
            "available": True, "seed": args.seed, "window": args.window,
            "rows": {k: d(v) for k, v in rows.items()},
            "modes": {s: {m: d(t) for m, t in modes[s].items()} for s in SPLITS},
            "categories": {s: {k: d(t) for k, t in by_cat[s].items()} for s in SPLITS},
            "untouched": {"findings": untouched.findings, "chars": untouched.chars,
                          "fp_per_10k": round(10000 * untouched.findings / untouched.chars, 3) if untouched.chars else 0},
            "seconds": round(secs, 2),
        })
    return 0


def _write_json(dest: str, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if dest == "-":
        print(text)
    else:
        Path(dest).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
