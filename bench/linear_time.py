#!/usr/bin/env python3
"""Seconds per MB of every check on huge hostile documents (issue 8, linear time).

Shapes (each ``--mb`` MB of UTF-8, default 10, linted as ONE document through
``lint_document`` directly, so the CLI's max-file-size guard is bypassed):

* ``one-line``  — real prose (the seeds of ``../shared``, else our fixtures) with every line
                  break removed: one 10 MB line;
* ``phrase``    — one short phrase repeated, on one line;
* ``phrase-lines`` — the same phrase, one per line (millions of identical paragraphs);
* ``random-han`` — uniformly random CJK ideographs, one line (seeded);
* ``soup``      — random characters from a hostile alphabet (Han, ASCII and full-width
                  punctuation, spaces, digits, Markdown and HTML marks, ``《》“”``), one line:
                  the input most likely to make a regex backtrack.

For every shape the document is segmented once (``doc.tokens``, ``lines``, ``sentences``
computed and timed separately: they are the engine's share) and each check then runs on it
in a forked child, through ``lint_document``, timing ``check.run`` and the engine around it
apart (so a hung check is killed at ``--timeout`` and the others go on; the parent
warms every check's data first, so the children time work, not loading).  Each check is run
at ``--mb``/4 and at ``--mb``: ``growth`` = (s/MB at full size) ÷ (s/MB at a quarter) is about
1 for a linear check and about 4 for a quadratic one.  A check whose quarter-size run predicts
more than ``--timeout`` seconds at full size is not run at full size and is reported as
super-linear.

    python bench/linear_time.py [--mb 10] [--shapes one-line,phrase,...] [--select ids]
                                [--timeout 120] [--json PATH|-]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))
PHRASE = "信用卡逾期三个月会被起诉吗？"
SOUP = ("的是了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切乎装价低随态投资贷款逾期征信利息罚息银行网贷催收")
SOUP_MARKS = "，。、；：？！“”‘’（）《》【】…—,.;:?!()[]<>{}*_#`~|/\\-+=&%$@^'\" \t\u3000\u00a00123456789abcXYZ"


def base_text() -> str:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    files = seeds or sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    return "".join(p.read_text(encoding="utf-8") for p in files)


def make_shape(shape: str, mb: float, seed: int = 0) -> str:
    """``mb`` MB (UTF-8) of ``shape``, deterministic."""
    goal = int(mb * 1_000_000)
    if shape == "one-line":
        unit = "".join(base_text().split())  # no line breaks, no spaces: one line of prose
    elif shape == "phrase":
        unit = PHRASE
    elif shape == "phrase-lines":
        unit = PHRASE + "\n"
    elif shape in ("random-han", "soup"):
        rng = random.Random(seed)
        if shape == "random-han":
            n = goal // 3
            return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(n))
        alphabet = SOUP + SOUP_MARKS * 4
        out, size = [], 0
        while size < goal:
            ch = rng.choice(alphabet)
            out.append(ch)
            size += len(ch.encode("utf-8"))
        return "".join(out)
    else:
        raise ValueError(f"unknown shape {shape!r}")
    ub = len(unit.encode("utf-8"))
    return unit * max(1, goal // ub)


SHAPES = ("one-line", "phrase", "phrase-lines", "random-han", "soup")


# -- running one check in a forked child ------------------------------------------------
def run_forked(fn, timeout: float):
    """``fn()`` in a forked child: (seconds, result) or (None, reason) on timeout/crash."""
    if not hasattr(os, "fork"):
        t0 = time.perf_counter()
        r = fn()
        return time.perf_counter() - t0, r
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(rfd)
        try:
            t0 = time.perf_counter()
            r = fn()
            payload = pickle.dumps(("ok", time.perf_counter() - t0, r))
        except BaseException as exc:  # noqa: BLE001 - report anything to the parent
            payload = pickle.dumps(("error", 0.0, f"{type(exc).__name__}: {exc}"))
        with os.fdopen(wfd, "wb") as fh:
            fh.write(payload)
        os._exit(0)
    os.close(wfd)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            os.close(rfd)
            return None, f"killed after {timeout:.0f} s"
        time.sleep(0.05)
    with os.fdopen(rfd, "rb") as fh:
        data = fh.read()
    if not data:
        return None, f"child died (status {status})"
    kind, secs, r = pickle.loads(data)
    return (secs, r) if kind == "ok" else (None, r)


def lint_timed(doc, check, opts) -> tuple[int, float]:
    """``lint_document(doc, [check])``: (findings, seconds inside ``check.run``).  The rest of
    the wall time is the engine's (supersession, suppressions, positions).  Runs in the forked
    child, so patching the runner's module global touches nothing else."""
    from linter import runner

    real = runner._run_one
    spent = [0.0]

    def timed_run(c, d):
        t0 = time.perf_counter()
        try:
            return real(c, d)
        finally:
            spent[0] += time.perf_counter() - t0

    runner._run_one = timed_run
    try:
        n = len(runner.lint_document(doc, [check], opts))
    finally:
        runner._run_one = real
    return n, spent[0]


def prepared(text: str):
    """A Document with everything the engine derives computed, and the seconds it took."""
    from linter.document import Document

    doc = Document(text, path=f"<{len(text)} chars>")
    times = {}
    for attr in ("lines", "paragraphs", "sentences", "tokens"):
        t0 = time.perf_counter()
        getattr(doc, attr)
        times[attr] = time.perf_counter() - t0
    return doc, times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--select", default="ALL", help="comma-separated check ids")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per check and size")
    ap.add_argument("--json", help="write the figures as JSON to PATH (- for stdout)")
    args = ap.parse_args(argv)

    from linter.document import Document
    from linter.runner import LintOptions, lint_document, make_checks

    checks, selection = make_checks(tuple(args.select.split(",")))
    opts = LintOptions(selection=selection)
    warm = Document(base_text()[:20000], path="<warm-up>")
    for c in checks:  # load every check's data once in the parent: the children inherit it
        lint_document(warm, [c], opts)

    shapes = [s for s in args.shapes.split(",") if s]
    results: dict = {}
    for shape in shapes:
        res = results[shape] = {"engine": {}, "checks": {}}
        sizes = (args.mb / 4, args.mb)
        docs = {}
        for mb in sizes:
            text = make_shape(shape, mb)
            docs[mb], times = prepared(text)
            realmb = len(text.encode("utf-8")) / 1e6
            res["engine"][mb] = {k: v / realmb for k, v in times.items()}
            res.setdefault("chars", {})[mb] = len(text)
            res.setdefault("realmb", {})[mb] = realmb
        print(f"\n== {shape}: {res['chars'][sizes[1]]:,} chars ({res['realmb'][sizes[1]]:.1f} MB) ==", flush=True)
        eng = res["engine"]
        for k in eng[sizes[1]]:
            g = eng[sizes[1]][k] / eng[sizes[0]][k] if eng[sizes[0]][k] > 1e-9 else float("nan")
            print(f"  engine {k:14s} {eng[sizes[1]][k]:8.3f} s/MB  growth {g:5.2f}", flush=True)
        for c in checks:
            row = res["checks"][c.id] = {}
            for mb in sizes:
                doc = docs[mb]
                realmb = res["realmb"][mb]
                if mb == sizes[1] and "s_per_mb" in row.get(sizes[0], {}):
                    predicted = row[sizes[0]]["s_per_mb"] * realmb * 4  # as if quadratic
                    if row[sizes[0]]["secs"] > args.timeout / 16 and predicted > args.timeout:
                        row[mb] = {"error": f"skipped: quarter size predicts > {args.timeout:.0f} s"}
                        continue
                secs, r = run_forked(lambda: lint_timed(doc, c, opts), args.timeout)
                row[mb] = ({"secs": secs, "s_per_mb": secs / realmb, "findings": r[0],
                            "run_s_per_mb": r[1] / realmb, "engine_s_per_mb": (secs - r[1]) / realmb}
                           if secs is not None else {"error": r})
            small, big = row[sizes[0]], row[sizes[1]]
            if "s_per_mb" in small and "s_per_mb" in big:
                floor = 0.05 / res["realmb"][sizes[0]]  # below 50 ms the quarter run is noise
                row["growth"] = big["s_per_mb"] / max(small["s_per_mb"], floor)
                print(f"  {c.id:22s} {big['s_per_mb']:8.3f} s/MB  growth {row['growth']:5.2f}  "
                      f"(check.run {big['run_s_per_mb']:.3f}, engine {big['engine_s_per_mb']:.3f} s/MB)  "
                      f"findings {big['findings']:,}", flush=True)
            else:
                row["growth"] = None
                print(f"  {c.id:22s} {'-':>8s}       {small.get('error', '')} {big.get('error', '')}", flush=True)
        docs.clear()

    # summary table: s/MB at full size per check × shape
    print("\nseconds per MB at full size (growth = s/MB at full size ÷ s/MB at a quarter; ~1 linear, ~4 quadratic)")
    head = f"{'check':22s}" + "".join(f"{s:>22s}" for s in shapes)
    print(head)
    worst = (0.0, "", "")
    ids = [c.id for c in checks]
    for cid in ids:
        cells = []
        for s in shapes:
            row = results[s]["checks"][cid]
            big = row[args.mb]
            if "s_per_mb" in big:
                cells.append(f"{big['s_per_mb']:9.3f} (x{row['growth']:.1f})")
                if big["s_per_mb"] > worst[0]:
                    worst = (big["s_per_mb"], cid, s)
            else:
                cells.append("SUPER-LINEAR/FAILED")
        print(f"{cid:22s}" + "".join(f"{c:>22s}" for c in cells))
    for k in ("tokens", "sentences", "lines", "paragraphs"):
        cells = [f"{results[s]['engine'][args.mb][k]:9.3f}" for s in shapes]
        print(f"{'[engine] ' + k:22s}" + "".join(f"{c:>22s}" for c in cells))
    print("\nsplit at full size, s/MB inside check.run + s/MB in the engine around it (lint_document)")
    for cid in ids:
        cells = []
        for s in shapes:
            row = results[s]["checks"][cid]
            big, small = row[args.mb], row[args.mb / 4]
            if "s_per_mb" in big:
                cells.append(f"{big['run_s_per_mb']:.3f}+{big['engine_s_per_mb']:.3f}")
            elif "s_per_mb" in small:  # the quarter-size run, marked q
                cells.append(f"q {small['run_s_per_mb']:.3f}+{small['engine_s_per_mb']:.3f}")
            else:
                cells.append(small.get("error", "-")[:20])
        print(f"{cid:22s}" + "".join(f"{c:>22s}" for c in cells))
    print(f"\nslowest check: {worst[1]} on {worst[2]}: {worst[0]:.3f} s/MB (lint_document with that check alone)")
    if args.json:
        data = json.dumps(results, ensure_ascii=False, indent=1, default=str)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
