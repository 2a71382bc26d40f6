"""Shared machinery of the held-out gold builders (bench/heldout*/build_gold.py).

Each build_gold.py keeps only its annotations (data); this module loads the articles of one
folder, turns context strings with a ⟦span⟧ into records, derives the punctuation records,
verifies everything and writes gold.jsonl.  All state lives in a GoldBuilder instance, one per
folder, so two sets built in the same process never share records.

A span is given as a context string that contains the span between ⟦ and ⟧; the context
without the markers must occur exactly once in the article (or pass nth=).

Record format: the one of ../shared/gold/seeds.jsonl (file, category, start, end, text, fix,
confidence certain|likely, note, plus category extras: keyword-stuffing `phrase` and one
document-level record with scope/count; punctuation `subtype`, and `marks` for half-width lines).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

# The rule ids of DESIGN.md (section "Rule ids"); near-duplicate is corpus-only.
RULE_IDS = (
    "missing-char", "keyword-stuffing", "boilerplate", "link-spam", "legal-citation",
    "outdated-reference", "spun-text", "duplicate-title", "fake-comments", "punctuation",
    "risky-claim", "markup-residue", "conversion-residue", "generation-residue",
    "unsourced-statistic",
)

LM, RM = "\u27e6", "\u27e7"  # ⟦ ⟧

MC, KS, BP, LS = "missing-char", "keyword-stuffing", "boilerplate", "link-spam"
LC, OR, SP, DT = "legal-citation", "outdated-reference", "spun-text", "duplicate-title"
FC, PU, RC, MR = "fake-comments", "punctuation", "risky-claim", "markup-residue"
GR, US = "generation-residue", "unsourced-statistic"

END = object()  # lines(..., last=END): through the final line of the article

# Regions whose punctuation is neutral: page chrome, link lists, comment blocks, title copies.
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]")
FULL = {",": "，", "?": "？", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}
MARKS = re.compile(r"\.{2,}|[,?:;!()]")


def positions(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def record_key(r: dict) -> tuple:
    """The order of gold.jsonl: file, start, end, then rule-id order."""
    return (r["file"], r["start"], r["end"], RULE_IDS.index(r["category"]))


class GoldBuilder:
    """The gold records of the articles (*.txt) in one folder."""

    def __init__(self, folder: Path | str):
        self.here = Path(folder).resolve()
        self.out = self.here / "gold.jsonl"
        self.files = sorted(p.name for p in self.here.glob("*.txt"))
        self.text: dict[str, str] = {}
        for name in self.files:
            with open(self.here / name, encoding="utf-8", newline="") as fh:
                self.text[name] = fh.read()
        self.recs: list[dict] = []

    # ----------------------------------------------------------------- helpers
    def F(self, key: str) -> str:
        hits = [f for f in self.files if f.startswith(key + "_")]
        assert len(hits) == 1, (key, hits)
        return hits[0]

    def add(self, fname, cat, start, end, fix=None, conf="certain", note="", **extra):
        assert cat in RULE_IDS, cat
        assert conf in ("certain", "likely"), conf
        rec = {"file": fname, "category": cat, "start": start, "end": end,
               "text": self.text[fname][start:end], "fix": fix, "confidence": conf, "note": note}
        rec.update(extra)
        self.recs.append(rec)
        return rec

    def ann(self, key, cat, ctx, fix=None, conf="certain", note="", nth=None, **extra):
        """Annotate the ⟦span⟧ inside a context string that is unique in the article."""
        fname = self.F(key)
        assert ctx.count(LM) == 1 and ctx.count(RM) == 1, ctx
        a = ctx.index(LM)
        b = ctx.index(RM) - 1
        plain = ctx.replace(LM, "").replace(RM, "")
        occ = positions(self.text[fname], plain)
        if nth is None:
            assert len(occ) == 1, (key, ctx, len(occ))
            base = occ[0]
        else:
            base = occ[nth]
        return self.add(fname, cat, base + a, base + b, fix, conf, note, **extra)

    def each(self, key, cat, word, fix, conf="certain", note="", expect=None, **extra):
        """Annotate every occurrence of `word` (a substitution applied throughout the article)."""
        fname = self.F(key)
        occ = positions(self.text[fname], word)
        assert occ, (key, word)
        if expect is not None:
            assert len(occ) == expect, (key, word, len(occ))
        for s in occ:
            self.add(fname, cat, s, s + len(word), fix, conf, note, **extra)

    def line_bounds(self, key, prefix):
        """(start, end) of the unique line that starts with prefix (end excludes the newline)."""
        t = self.text[self.F(key)]
        hits = []
        pos = 0
        for ln in t.split("\n"):
            if ln.startswith(prefix):
                hits.append((pos, pos + len(ln)))
            pos += len(ln) + 1
        assert len(hits) == 1, (key, prefix, len(hits))
        return hits[0]

    def lines(self, key, cat, first, last=None, conf="certain", note="", fix=None, **extra):
        """Annotate whole lines: from the line starting with `first` to the line starting with
        `last` (same line when last is None; through the final line when last == END)."""
        fname = self.F(key)
        s, e = self.line_bounds(key, first)
        if last is END:
            e = len(self.text[fname].rstrip("\n"))
        elif last is not None:
            _, e = self.line_bounds(key, last)
        return self.add(fname, cat, s, e, fix, conf, note, **extra)

    def mc(self, key, ctx, fix, conf="certain", note="", **kw):
        return self.ann(key, MC, ctx, fix, conf, note, **kw)

    def spun(self, key, ctx, fix, conf="certain", note="", **kw):
        return self.ann(key, SP, ctx, fix, conf, note, **kw)

    # The first natural statement of a question, the title itself, the first restatement in
    # the conclusion and occurrences inside a comment block are neutral (likely).
    def stuffing(self, key, phrase, likely_ctx=(), note_likely="natural statement of the key question"):
        fname = self.F(key)
        t = self.text[fname]
        occ = positions(t, phrase)
        likely = {}
        for ctx, why in likely_ctx:
            plain = ctx.replace(LM, "").replace(RM, "")
            hits = positions(t, plain)
            assert len(hits) == 1, (key, ctx)
            likely[hits[0] + ctx.index(LM)] = why
        assert set(likely) <= set(occ), (key, sorted(set(likely) - set(occ)))
        for s in occ:
            if s in likely:
                self.add(fname, KS, s, s + len(phrase), None, "likely", likely[s] or note_likely, phrase=phrase)
            else:
                self.add(fname, KS, s, s + len(phrase), None, "certain",
                         "title question repeated verbatim in running text or a heading", phrase=phrase)
        body = len(occ) - sum(1 for why in likely.values() if why.startswith(("title", "inside")))
        self.add(fname, KS, 0, 0, None, "certain",
                 f"document-level: the title question occurs {len(occ)} times ({body} in the body)",
                 phrase=phrase, scope="document", count=len(occ), count_body=body)

    # ------------------------------------------------------------- punctuation
    def neutral_spans(self, fname):
        out = []
        for r in self.recs:
            if r["file"] != fname or r.get("scope") == "document":
                continue
            if r["category"] in (BP, LS, FC) or (r["category"] == DT and r["confidence"] == "certain"):
                out.append((r["start"], r["end"]))
        return out

    def punctuation(self):
        """Derive the punctuation records from the articles and the records annotated so far
        (call it once, after every annotation)."""
        for fname in self.files:
            t = self.text[fname]
            neutral = self.neutral_spans(fname)
            inside = lambda s, e: any(a <= s and e <= b for a, b in neutral)  # noqa: E731
            pos = 0
            for ln_no, ln in enumerate(t.split("\n"), 1):
                found = []
                if CJK.search(ln):
                    for m in MARKS.finditer(ln):
                        a, b = m.start(), m.end()
                        left = ln[:a].rstrip(" ")[-1:]
                        right = ln[b:].lstrip(" ")[:1]
                        if m.group().startswith("."):
                            if left and CJK.match(left):
                                found.append((a, b))
                        elif not (_alnum(left) and _alnum(right)):  # 10:21, 4,512 stay
                            found.append((a, b))
                if found:
                    s, e = pos + found[0][0], pos + found[-1][1]
                    fix = list(t[s:e])
                    kinds = Counter()
                    for a, b in found:
                        k = pos + a - s
                        if ln[a] == ".":
                            fix[k:k + (b - a)] = ["……"] + [""] * (b - a - 1)
                            kinds["..."] += 1
                        else:
                            fix[k] = FULL[ln[a]]
                            kinds[ln[a]] += 1
                    neutral_here = inside(s, e)
                    self.add(fname, PU, s, e, "".join(fix), "likely" if neutral_here else "certain",
                             f"half-width punctuation in Chinese text on line {ln_no} ("
                             + ", ".join(f"{k} x{v}" for k, v in sorted(kinds.items())) + ")"
                             + ("; inside page chrome / list / comments / title copy" if neutral_here else ""),
                             subtype="half-width", marks=len(found))
                pos += len(ln) + 1
            # spaces between Chinese characters: filter cuts (likely, next to their missing-char
            # record), spaces in chrome (likely), anything else (certain)
            cuts = {(r["start"], r["end"]): r["fix"] for r in self.recs
                    if r["file"] == fname and r["category"] == MC and r["text"].strip() == "" and r["text"]}
            note_cut = "space left where the filter cut a word (see the missing-char record)"
            for (a, b), word in cuts.items():  # every cut, whatever its neighbours
                self.add(fname, PU, a, b, word, "likely", note_cut, subtype="stray-space")
            for m in re.finditer(r"[ \u3000\u00a0]+", t):
                s, e = m.span()
                left, right = t[s - 1:s], t[e:e + 1]
                if not (left and right and CJK.match(left) and CJK.match(right)):
                    continue
                if (s, e) in cuts:
                    continue
                if any(s <= a and b <= e for a, b in cuts):
                    self.add(fname, PU, s, e, "", "likely", note_cut, subtype="stray-space")
                elif inside(s, e):
                    self.add(fname, PU, s, e, "", "likely", "space between Chinese words inside page chrome",
                             subtype="stray-space")
                else:
                    self.add(fname, PU, s, e, "", "certain", "stray space inside Chinese text",
                             subtype="stray-space")

    # ------------------------------------------------------------------ verify
    def verify(self, recs=None):
        recs = self.recs if recs is None else recs
        for r in recs:
            t = self.text[r["file"]]
            assert 0 <= r["start"] <= r["end"] <= len(t), r
            assert t[r["start"]:r["end"]] == r["text"], r
            assert r["category"] in RULE_IDS, r
            assert r["confidence"] in ("certain", "likely"), r
            if r.get("scope") == "document":
                assert r["start"] == r["end"] == 0 and r["text"] == "", r
        keys = Counter((r["file"], r["category"], r["start"], r["end"]) for r in recs)
        dups = [k for k, n in keys.items() if n > 1]
        assert not dups, dups

    def records(self) -> list[dict]:
        """The verified records in gold.jsonl order."""
        self.verify()
        return sorted(self.recs, key=record_key)

    def main(self) -> int:
        """Verify, write gold.jsonl next to the articles and print the counts."""
        recs = self.records()
        with open(self.out, "w", encoding="utf-8", newline="\n") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        c = Counter((r["file"][:3], r["category"], r["confidence"]) for r in recs)
        keys = [f[:3] for f in self.files]
        print(f"{len(recs)} records ({sum(r['confidence'] == 'certain' for r in recs)} certain) -> {self.out}")
        print(f"{'category':20s} " + " ".join(f"{k:>6s}" for k in keys) + "   total")
        for cat in RULE_IDS:
            row = [(c[(k, cat, 'certain')], c[(k, cat, 'likely')]) for k in keys]
            if not any(a or b for a, b in row):
                continue
            tot = (sum(a for a, _ in row), sum(b for _, b in row))
            print(f"{cat:20s} " + " ".join(f"{a:>3d}+{b:<2d}" for a, b in row) + f"  {tot[0]:>3d}+{tot[1]}")
        return 0
