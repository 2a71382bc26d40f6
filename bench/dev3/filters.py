#!/usr/bin/env python3
"""The site filters of bench/dev3: apply each damaged article's filter to its clean source
(src/dNN_*.txt) and list every damaged site.

    python bench/dev3/filters.py          # rewrite bench/dev3/dNN_*.txt from src/ and list the sites

Modes (one per filter word, applied to EVERY occurrence in the article):
  delete  the word is removed without trace (also inside longer words and law names)
  space   the word is replaced by one half-width space
  char    a single character is removed; every occurrence sits inside one of the listed host
          words, so the host word is left as a fragment (措施 -> 措)
After filtering, the punctuation of a damaged article is NFKC-normalised like the seeds
(，．？：；！（） -> ASCII; 。、“” kept).  The three clean articles are copied unchanged.

A site is a dict with the clean span (cstart, cend: fix = clean[cstart:cend], punctuation
normalised) and the damaged span (dstart, dend: text = damaged[dstart:dend]).  Sites that touch
in the damaged text (法院 deleted right before 起诉 cut to a space) are merged into one.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# key -> list of (word, mode, host words for mode "char")
FILTERS: dict[str, list[tuple]] = {
    "d01": [("起诉", "space"), ("律师", "delete"), ("中华", "delete"), ("共和国", "delete")],
    "d02": [("违约", "delete"), ("利息", "space")],
    "d03": [("催收", "space"), ("威胁", "delete"), ("题", "char", ("问题", "难题", "话题"))],
    "d04": [("欠款", "delete"), ("律师", "space")],
    "d05": [("投诉", "delete"), ("维权", "space"), ("中华", "delete"), ("共和国", "delete")],
    "d06": [("短信", "delete"), ("冻结", "space"), ("施", "char", ("措施", "实施", "设施"))],
    "d07": [("诈骗", "space"), ("通过", "delete")],
    "d08": [("法院", "delete"), ("征信", "space")],
    "d09": [("骚扰", "delete"), ("电话", "space"), ("暴力", "delete")],
}
CLEAN = ("d10", "d11", "d12")

PUNCT = str.maketrans({"，": ",", "．": ".", "？": "?", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")"})


def norm(s: str) -> str:
    """The NFKC punctuation of the seeds: full-width ，．？：；！（） become ASCII, 。、“” stay."""
    return s.translate(PUNCT)


def src_files() -> dict[str, Path]:
    return {p.name[:3]: p for p in sorted(SRC.glob("d[0-9][0-9]_*.txt"))}


def apply(key: str, clean: str, spec: list[tuple] | None = None) -> tuple[str, list[dict]]:
    """The damaged text of one article and its sites (in damaged-text order); ``spec`` (default
    ``FILTERS[key]``) lists the filter's (word, mode[, host words]) as FILTERS does."""
    spec = FILTERS[key] if spec is None else spec
    words = sorted(spec, key=lambda w: -len(w[0]))
    out: list[str] = []
    raw: list[dict] = []
    i = 0
    while i < len(clean):
        for w in words:
            word, mode = w[0], w[1]
            if clean.startswith(word, i):
                break
        else:
            out.append(clean[i])
            i += 1
            continue
        d = sum(map(len, out))
        if mode == "delete":
            raw.append({"cstart": i, "cend": i + len(word), "dstart": d, "dend": d, "words": [word], "modes": [mode]})
        elif mode == "space":
            out.append(" ")
            raw.append({"cstart": i, "cend": i + len(word), "dstart": d, "dend": d + 1, "words": [word], "modes": [mode]})
        else:  # char: widen to the host word
            hosts = [h for h in w[2] for k in range(len(h)) if h[k] == word and clean[i - k:i - k + len(h)] == h]
            assert len(hosts) == 1, (key, word, clean[i - 6:i + 6], hosts)
            h = hosts[0]
            k = h.index(word)
            raw.append({"cstart": i - k, "cend": i - k + len(h), "dstart": d - k, "dend": d - k + len(h) - 1,
                        "words": [word], "modes": [mode], "host": h})
        i += len(word)
    damaged = "".join(out)
    # merge sites that touch in the damaged text
    sites: list[dict] = []
    for s in raw:
        if sites and s["dstart"] <= sites[-1]["dend"] and s["cstart"] <= sites[-1]["cend"]:
            p = sites[-1]
            p["cend"], p["dend"] = max(p["cend"], s["cend"]), max(p["dend"], s["dend"])
            p["words"] += s["words"]
            p["modes"] += s["modes"]
        else:
            sites.append(s)
    damaged = norm(damaged)
    for s in sites:
        s["text"] = damaged[s["dstart"]:s["dend"]]
        s["fix"] = norm(clean[s["cstart"]:s["cend"]])
        s["mode"] = "+".join(dict.fromkeys(s["modes"]))  # delete, space, char; delete+space when merged
    for w in spec:  # the filter leaves none of its words behind
        assert w[0] not in damaged, (key, w[0])
    return damaged, sites


def build() -> dict[str, tuple[str, str, list[dict]]]:
    """key -> (file name, damaged text, sites); writes nothing."""
    out = {}
    for key, path in src_files().items():
        clean = path.read_text(encoding="utf-8")
        if key in CLEAN:
            out[key] = (path.name, clean, [])
        else:
            dmg, sites = apply(key, clean)
            out[key] = (path.name, dmg, sites)
    return out


def main() -> int:
    for key, (name, text, sites) in build().items():
        with open(HERE / name, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"== {name}: {len(sites)} sites")
        if "-v" in sys.argv:
            for s in sites:
                a, b = max(0, s["dstart"] - 8), s["dend"] + 8
                ctx = text[a:s["dstart"]] + "⟦" + s["text"] + "⟧" + text[s["dend"]:b]
                print(f"  {s['dstart']:5d} {s['mode']:6s} {s['fix']:6s} {ctx!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
