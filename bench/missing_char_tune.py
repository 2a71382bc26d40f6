#!/usr/bin/env python3
"""Development loop for ``missing-char`` (dev half only): one line per option setting with the
seed gold (P, R on certain records, via ``../shared/gold/score.py``), the synthetic benchmark's
DEV split (P, R, delete-mode recall) and false positives per 10k characters on clean text
(fixtures/clean, bench/clean2, corpus/finance, a law sample).  Never builds or scores the held-out split.

    python bench/missing_char_tune.py [--set insert-gate=-5,insert-site-gain=3 ...] [--show-fp N]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import missing_char_synth as ms  # noqa: E402
from textcorpus import SHARED, TextDoc, clean_docs, law_docs, laws_available  # noqa: E402

CHECK = "missing-char"


def lint(text: str, opts: dict) -> list:
    from linter.runner import lint_text

    return [f for f in lint_text(text, select=[CHECK], options={CHECK: opts}) if f.check_id == CHECK]


def parse_set(s: str) -> dict:
    out = {}
    for kv in filter(None, s.split(",")):
        k, _, v = kv.partition("=")
        try:
            out[k] = int(v)
        except ValueError:
            out[k] = float(v)
    return out


def seeds(opts: dict) -> tuple[float, float, int, int]:
    sd, gold, scorer = SHARED / "seeds", SHARED / "gold" / "seeds.jsonl", SHARED / "gold" / "score.py"
    if not sd.is_dir():
        return 0.0, 0.0, 0, 0
    lines = []
    for p in sorted(sd.glob("*.txt")):
        for f in lint(p.read_text(encoding="utf-8"), opts):
            lines.append(json.dumps({"path": p.name, "rule": f.rule, "start": f.start, "end": f.end}))
    with tempfile.TemporaryDirectory() as tmp:
        pred, summ = Path(tmp) / "p.jsonl", Path(tmp) / "s.json"
        pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--json", str(summ)],
                       capture_output=True, text=True, check=True)
        data = json.loads(summ.read_text(encoding="utf-8"))
    row = data["categories"][CHECK]
    return row.get("precision") or 0.0, row.get("recall") or 0.0, row.get("recalled", 0), row.get("fp", 0)


def clean_fp(opts: dict, show: int) -> tuple[float, float, list]:
    docs = clean_docs() + clean_docs(HERE / "clean2") + clean_docs(HERE.parent / "corpus" / "finance")
    n = sum(len(lint(d.text, opts)) for d in docs)
    chars = sum(len(d.text) for d in docs)
    laws = law_docs(n_laws=40, max_chars=3000, chunks_per_law=2, seed=0) if laws_available() else []
    fps = []
    for d in laws:
        for f in lint(d.text, opts):
            fps.append((d.name, f.data.get("inserted") if f.data else "", d.text[max(0, f.start - 6):f.end + 6]))
    lchars = sum(len(d.text) for d in laws)
    return n / chars * 1e4, len(fps) / max(1, lchars) * 1e4, fps[:show]


def dev_synth(opts: dict, show: int):
    lex = ms.load_lexicon()
    docs = clean_docs()
    if laws_available():
        docs += law_docs(n_laws=30, max_chars=2500, chunks_per_law=2, seed=0)
    tot = ms.Tally()
    dele = ms.Tally()
    fps = []
    for d in docs:
        c = ms.corrupt(d, lex.of("dev"), "dev", 0)
        if c is None or not c.sites:
            continue
        fs = lint(c.text, opts)
        t, per_mode, fp, _ = ms.score_doc(c, fs, 2)
        tot.add(t)
        dele.add(per_mode["delete"])
        fps += [(c.name, f.data.get("inserted") if f.data else "", c.text[max(0, f.start - 6):f.end + 6]) for f in fp]
    return tot, dele, fps[:show]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", default=[""])
    ap.add_argument("--show-fp", type=int, default=0)
    args = ap.parse_args()
    for s in args.set:
        opts = parse_set(s)
        t0 = time.time()
        sp, sr, stp, sfp = seeds(opts)
        tot, dele, sfps = dev_synth(opts, args.show_fp)
        cfp, lfp, lfps = clean_fp(opts, args.show_fp)
        print(f"{s or 'defaults':<40} seeds P {sp:.3f} R {sr:.3f} ({stp} tp, {sfp} fp) | dev P {tot.precision:.3f} "
              f"R {tot.recall:.3f} delete R {dele.recall:.3f} fix {tot.fix_rate:.2f} | clean {cfp:.2f}/10k "
              f"laws {lfp:.2f}/10k | {time.time() - t0:.0f}s")
        for name, w, ctx in sfps:
            print(f"   dev FP {name[:20]} {w}: {ctx!r}")
        for name, w, ctx in lfps:
            print(f"   law FP {name[:20]} {w}: {ctx!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
