#!/usr/bin/env python3
"""Throughput, CLI latency and memory of wenlint against jieba segmentation (issue 9).

One run, one text: the seed articles of ``../shared/seeds`` repeated to about ``--mb`` MB
(UTF-8) when ``../shared`` is present (skipped cleanly otherwise), plus every fixture article
of ``fixtures/`` once.  Each article is linted as its own document, as ``wenlint check`` does.

Measured, characters per second (each measurement ``--rounds`` times; best and median shown):

* ``jieba.lcut(text, HMM=False)`` alone: wenlint's segmentation mode (``linter/segment.py``),
  the issue's yardstick;
* the backend wenlint actually segments with (``segment.backend()``: ``rjieba.cut(text, False)``
  when rjieba is installed, else jieba again) alone;
* ``segment.tokenize``: the backend plus wenlint's Token objects (what ``Document.tokens`` costs);
* the full default rule set: ``Document`` + ``lint_document`` with every document check
  (segmentation included: it is part of the price);
* each check alone, segmentation excluded (the tokens, computed once per distinct article,
  are handed to a fresh ``Document``) and included (a fresh ``Document`` segments again);
* cold: the full rule set and missing-char alone over each *distinct* article once, in a fresh
  interpreter (data loaded first, but no memo warmed by earlier passes over the same text):
  the repeated seeds above reward memoisation more than a stream of new articles would;
* ``wenlint`` as a subprocess on one ~6 KB article, split into interpreter + CLI start-up
  (``--version``), loading the check plugins (``list-checks``), first use of the data
  (``check`` on a one-line article: jieba dictionary, lexicons, indices) and the work on the
  article itself (``check`` on the article minus the one-line run);
* resident memory: this process after loading every check and linting everything, and the
  peak RSS of each ``wenlint`` subprocess; with ``--per-check-memory`` the RSS each check adds
  on first use, each in a fresh interpreter.

    python bench/throughput.py [--mb 5] [--rounds 3] [--no-cli] [--no-cold] [--per-check-memory]
                               [--json PATH|-] [--readme]

``--readme`` rewrites the generated block of the ``throughput.py`` section of bench/README.md.
The machine is shared: read the best-of column (least disturbed by other processes); the
median says how noisy the run was.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("WENLINT_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
README = ROOT / "bench" / "README.md"
BEGIN, END = "<!-- throughput:begin -->", "<!-- throughput:end -->"
WENLINT = Path(sys.executable).with_name("wenlint")

TARGET_RATIO = 0.8       # full rule set ÷ jieba.lcut throughput
TARGET_CLI_WALL = 1.0    # seconds, one article
TARGET_RSS_MB = 300.0


# -- machine and corpus ---------------------------------------------------------------
def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import jieba

    from linter import segment

    try:
        from importlib.metadata import version

        rj = version("rjieba")
    except Exception:  # not installed
        rj = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(), "jieba": jieba.__version__, "rjieba": rj,
        "backend": _backend_name(segment),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def corpus(mb: float) -> tuple[list[str], dict]:
    """Seeds repeated to ~``mb`` MB of UTF-8 (when present) + every fixture article once."""
    fixtures = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    texts: list[str] = []
    if seeds and mb > 0:
        size, goal, i = 0, mb * 1_000_000, 0
        while size < goal:
            t = seeds[i % len(seeds)]
            texts.append(t)
            size += len(t.encode("utf-8"))
            i += 1
    info = {"seed_articles": len(texts), "seed_chars": sum(map(len, texts)),
            "seed_bytes": sum(len(t.encode("utf-8")) for t in texts),
            "fixture_articles": len(fixtures), "fixture_chars": sum(map(len, fixtures)),
            "seeds_present": bool(seeds)}
    texts += fixtures
    info["chars"] = sum(map(len, texts))
    return texts, info


# -- timing -----------------------------------------------------------------------------
def timed(fn, rounds: int) -> dict:
    """Best and median wall seconds of ``fn()`` over ``rounds`` runs (GC collected before each)."""
    runs = []
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return {"best": min(runs), "median": statistics.median(runs), "runs": runs}


def rate(chars: int, t: dict) -> dict:
    return {"best": chars / t["best"] if t["best"] else float("inf"),
            "median": chars / t["median"] if t["median"] else float("inf")}


def rss_mb() -> float:
    """Current resident set size of this process (MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _backend_name(segment) -> str:
    return segment.backend() if hasattr(segment, "backend") else "jieba"


# -- in-process measurements ------------------------------------------------------------
def measure_library(texts: list[str], rounds: int) -> dict:
    import jieba

    from linter import segment
    from linter.document import Document
    from linter.runner import LintOptions, lint_document, make_checks

    n = sum(map(len, texts))
    checks, selection = make_checks()
    opts = LintOptions(selection=selection)
    # warm-up: jieba's dictionary and every check's lazily loaded data, outside the timing
    jieba.initialize()
    if hasattr(segment, "warm"):
        segment.warm()  # the bulk backend (rjieba) now, not after jieba's small-workload share
    for t in texts[:3] + texts[-3:]:
        lint_document(Document(t), checks, opts)
    out: dict = {"chars": n, "checks": [c.id for c in checks]}

    out["jieba_lcut"] = timed(lambda: [jieba.lcut(t, HMM=False) for t in texts], rounds)
    # (a tree from before the rjieba backend has neither: it segments with jieba)
    cut = getattr(segment, "cut", None) or (lambda t: segment.tokenizer().lcut(t, HMM=False))
    out["backend"] = _backend_name(segment)
    out["backend_cut"] = timed(lambda: [cut(t) for t in texts], rounds)
    out["tokenize"] = timed(lambda: [segment.tokenize(t) for t in texts], rounds)

    def full():
        for t in texts:
            lint_document(Document(t), checks, opts)

    out["full"] = timed(full, rounds)

    # tokens once per distinct article, shared (read-only) by fresh Documents
    distinct = {t: None for t in texts}
    for t in distinct:
        distinct[t] = segment.tokenize(t)

    def fresh(t: str) -> Document:
        d = Document(t)
        d.__dict__["tokens"] = distinct[t]  # functools.cached_property storage
        return d

    per: dict = {}
    for c in checks:
        def alone_excl(c=c):
            for t in texts:
                lint_document(fresh(t), [c], opts)

        def alone_incl(c=c):
            for t in texts:
                lint_document(Document(t), [c], opts)

        per[c.id] = {"excluded": timed(alone_excl, rounds), "included": timed(alone_incl, rounds)}
        print(f"  {c.id:22s} {n / per[c.id]['excluded']['best']:>12,.0f} c/s (segmentation excluded)",
              file=sys.stderr)

    def engine_only():  # lint_document bookkeeping with no check at all
        for t in texts:
            lint_document(fresh(t), [], opts)

    out["engine_only"] = timed(engine_only, rounds)
    # the CLI article, warm (data loaded, segmentation included): the pure per-article work
    art = pick_article().read_text(encoding="utf-8")
    out["article_warm"] = timed(lambda: lint_document(Document(art), checks, opts), max(rounds, 5))
    out["per_check"] = per
    out["rss_mb"] = rss_mb()
    out["peak_rss_mb"] = peak_rss_mb()
    return out


# -- subprocess measurements ------------------------------------------------------------
_COLD_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from bench.throughput import corpus
from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks
texts, _ = corpus(float(sys.argv[2]))
texts = list(dict.fromkeys(texts))
ids = [x for x in sys.argv[3].split(",") if x]
checks, sel = make_checks(ids) if ids else make_checks()
opts = LintOptions(selection=sel)
lint_document(Document("信用卡逾期三个月会被起诉吗？持卡人应主动联系银行说明情况，申请分期还款。"), checks, opts)
t0 = time.perf_counter()
for t in texts:
    lint_document(Document(t), checks, opts)
print(json.dumps({"seconds": time.perf_counter() - t0, "chars": sum(map(len, texts)), "articles": len(texts)}))
"""


def measure_cold(mb: float, rounds: int) -> dict:
    """One pass over the distinct articles in a fresh interpreter: the full set and missing-char."""
    out: dict = {}
    for name, ids in (("full", ""), ("missing-char", "missing-char")):
        runs, info = [], {}
        for _ in range(rounds):
            r = subprocess.run([sys.executable, "-c", _COLD_CHILD, str(ROOT), str(mb), ids],
                               capture_output=True, text=True)
            try:
                info = json.loads(r.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                print(f"cold {name}: {r.stderr[-500:]}", file=sys.stderr)
                break
            runs.append(info["seconds"])
        if runs:
            out[name] = {"best": min(runs), "median": statistics.median(runs), "runs": runs,
                         "chars": info["chars"], "articles": info["articles"]}
    return out


_WRAP = (
    "import os, resource, subprocess, sys, time\n"
    "t0 = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - t0\n"
    "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
)


def run_child(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit status of one subprocess.  It is started from a
    small wrapper interpreter: on Linux a child's ru_maxrss includes the memory it had between
    fork and exec, so forking this (large) process directly would report our own size."""
    r = subprocess.run([sys.executable, "-c", _WRAP, *args], capture_output=True, text=True,
                       cwd=tempfile.gettempdir())
    wall, rss_kb, status = r.stdout.split()
    return float(wall), int(rss_kb) / 1024, int(status)


def pick_article() -> Path:
    """The seed closest to 6 KB, else the largest fixture article."""
    cands = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not cands:
        cands = sorted((ROOT / "fixtures").rglob("*.txt"))
    return min(cands, key=lambda p: abs(p.stat().st_size - 6000))


def measure_cli(rounds: int) -> dict:
    exe = [str(WENLINT)] if WENLINT.exists() else [sys.executable, "-m", "linter"]
    article = pick_article()
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one-line.txt"
        one_line.write_text("投资理财需谨慎，收益与风险并存。\n", encoding="utf-8")
        steps = {
            "version": exe + ["--version"],
            "list_checks": exe + ["list-checks"],
            "check_one_line": exe + ["check", "--no-cache", "--exit-zero", "--format", "jsonl", str(one_line)],
            "check_article": exe + ["check", "--no-cache", "--exit-zero", "--format", "jsonl", str(article)],
        }
        run_child(steps["check_one_line"])  # jieba writes its dictionary cache on a first run ever
        res: dict = {k: {"runs": [], "rss": [], "status": None} for k in steps}
        for _ in range(rounds):
            for k, cmd in steps.items():  # interleaved, so background load hits every step alike
                wall, rss, status = run_child(cmd)
                res[k]["runs"].append(wall)
                res[k]["rss"].append(rss)
                res[k]["status"] = status
    for v in res.values():
        v["best"], v["median"] = min(v["runs"]), statistics.median(v["runs"])
        v["peak_rss_mb"] = max(v["rss"])
    b = {k: v["best"] for k, v in res.items()}
    res["split"] = {
        "start_up": b["version"],
        "load_plugins": max(0.0, b["list_checks"] - b["version"]),
        "first_use_data": max(0.0, b["check_one_line"] - b["list_checks"]),
        "article_work": max(0.0, b["check_article"] - b["check_one_line"]),
        "total": b["check_article"],
    }
    res["article"] = {"name": article.name, "bytes": article.stat().st_size,
                      "chars": len(article.read_text(encoding="utf-8"))}
    return res


_MEM_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from bench.throughput import rss_mb
from linter.document import Document
from linter.runner import LintOptions, lint_document, make_checks
from linter import segment
text = open(sys.argv[3], encoding="utf-8").read()
checks, sel = make_checks([sys.argv[2]])
doc = Document(text); doc.tokens; doc.sentences; doc.paragraphs
before = rss_mb()
lint_document(doc, checks, LintOptions(selection=sel))
print(json.dumps({"before": before, "after": rss_mb()}))
"""


def measure_check_memory(check_ids: list[str]) -> dict:
    """RSS each check adds on first use (its lazily loaded data), in a fresh interpreter."""
    article = pick_article()
    out: dict = {}
    base: list[float] = []
    for cid in check_ids:
        r = subprocess.run([sys.executable, "-c", _MEM_CHILD, str(ROOT), cid, str(article)],
                           capture_output=True, text=True)
        try:
            v = json.loads(r.stdout.strip().splitlines()[-1])
            out[cid] = round(v["after"] - v["before"], 1)
            base.append(v["before"])
        except (ValueError, IndexError):
            out[cid] = None
    return {"base_mb": round(min(base), 1) if base else None, "added_mb": out}


# -- report -------------------------------------------------------------------------------
def fmt_rate(x: float) -> str:
    return f"{x:,.0f}"


def report(res: dict) -> str:
    lib = res["library"]
    n = lib["chars"]
    lines = []
    m = res["machine"]
    lines.append(f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['os']}, "
                 f"Python {m['python']}, jieba {m['jieba']}, rjieba {m.get('rjieba') or '(absent)'}, "
                 f"segmentation backend {m.get('backend', 'jieba')}; load average at start {m['load_avg_at_start']} "
                 f"(shared machine: other engineers' tests were running).")
    c = res["corpus"]
    lines.append(f"Text: {c['seed_articles']} seed articles ({c['seed_bytes'] / 1e6:.2f} MB, {c['seed_chars']:,} chars) "
                 f"+ {c['fixture_articles']} fixture articles ({c['fixture_chars']:,} chars) = {n:,} chars; "
                 f"{res['rounds']} rounds per measurement, best and median.")
    lines.append("")
    lines.append("| what | chars/s best | chars/s median | × jieba.lcut (best) |")
    lines.append("| --- | ---: | ---: | ---: |")
    jl = rate(n, lib["jieba_lcut"])
    be = lib.get("backend", "jieba")
    be_name = "`rjieba.cut(text, False)`" if be == "rjieba" else "`Tokenizer().lcut(text, HMM=False)`"
    rows = [("`jieba.lcut(text, HMM=False)`", lib["jieba_lcut"]),
            (f"{be_name} (wenlint's backend: {be})", lib["backend_cut"]),
            ("`segment.tokenize` (backend + Token objects)", lib["tokenize"]),
            ("full default rule set (segmentation included)", lib["full"]),
            ("engine only (no check, segmentation excluded)", lib["engine_only"])]
    for name, t in rows:
        r = rate(n, t)
        lines.append(f"| {name} | {fmt_rate(r['best'])} | {fmt_rate(r['median'])} | {r['best'] / jl['best']:.2f} |")
    lines.append("")
    lines.append("Each check alone (chars/s, best of rounds; *incl.* = a fresh Document segments the text again):")
    lines.append("")
    lines.append("| check | excl. segmentation | incl. segmentation | share of rule-set check time |")
    lines.append("| --- | ---: | ---: | ---: |")
    per = lib["per_check"]
    tot = sum(v["excluded"]["best"] for v in per.values()) or 1.0
    for cid, v in sorted(per.items(), key=lambda kv: -kv[1]["excluded"]["best"]):
        lines.append(f"| {cid} | {fmt_rate(n / v['excluded']['best'])} | {fmt_rate(n / v['included']['best'])} | "
                     f"{100 * v['excluded']['best'] / tot:.1f} % |")
    lines.append("")
    ratio = rate(n, lib["full"])["best"] / jl["best"]
    cold = res.get("cold")
    if cold:
        for name, v in cold.items():
            lines.append(f"* cold, {v['articles']} distinct articles once in a fresh interpreter ({v['chars']:,} chars), "
                         f"{'full rule set' if name == 'full' else name + ' alone'} (segmentation included): "
                         f"{v['chars'] / v['best']:,.0f} chars/s best, {v['chars'] / v['median']:,.0f} median "
                         f"({v['chars'] / v['best'] / jl['best']:.2f} × jieba.lcut).")
    lines.append(f"* **full rule set ÷ jieba.lcut = {ratio:.2f}** (target ≥ {TARGET_RATIO}); "
                 f"median-based {rate(n, lib['full'])['median'] / jl['median']:.2f}.")
    lines.append(f"* in-process RSS after loading every check and linting all of it: {lib['rss_mb']:.0f} MB "
                 f"(peak {lib['peak_rss_mb']:.0f} MB), but that includes this benchmark's own corpus and "
                 f"token cache; a worker's RSS is the `wenlint check` peak below (target < {TARGET_RSS_MB:.0f} MB).")
    cli = res.get("cli")
    if cli:
        s = cli["split"]
        a = cli["article"]
        lines.append(f"* `wenlint check` on one article ({a['name']}, {a['bytes']:,} bytes, {a['chars']:,} chars): "
                     f"**{s['total']:.2f} s wall** best, {cli['check_article']['median']:.2f} s median "
                     f"(target < {TARGET_CLI_WALL:.0f} s); peak RSS **{cli['check_article']['peak_rss_mb']:.0f} MB**.")
        warm = lib["article_warm"]["best"]
        lines.append(f"  Split (best of rounds): start-up `--version` {s['start_up']:.2f} s, loading check plugins "
                     f"`list-checks` +{s['load_plugins']:.2f} s, first use of dictionaries and indices "
                     f"(one-line article) +{s['first_use_data']:.2f} s, the article itself +{s['article_work']:.2f} s "
                     f"(of which {warm:.3f} s is linting it in a warm process; the rest is data that only a real "
                     f"article makes the checks load).")
    mem = res.get("check_memory")
    if mem:
        added = mem["added_mb"]
        parts = ", ".join(f"{k} {v:+.0f}" for k, v in sorted(added.items(), key=lambda kv: -(kv[1] or 0)) if v is not None)
        lines.append(f"* RSS of a fresh interpreter with jieba loaded and the checks imported: {mem['base_mb']:.0f} MB; "
                     f"each check adds on first use (MB): {parts}.")
    return "\n".join(lines)


def write_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    body = f"{BEGIN}\n{block}\n{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + body + tail
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="seed text to lint, MB of UTF-8 (0: fixtures only)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-cli", action="store_true", help="skip the subprocess measurements")
    ap.add_argument("--no-cold", action="store_true", help="skip the fresh-interpreter one-pass measurements")
    ap.add_argument("--per-check-memory", action="store_true", help="RSS added by each check, fresh interpreters")
    ap.add_argument("--json", help="write all figures as JSON to PATH (- for stdout)")
    ap.add_argument("--readme", action="store_true", help="rewrite the generated block in bench/README.md")
    args = ap.parse_args(argv)

    res: dict = {"machine": machine(), "rounds": args.rounds}
    texts, res["corpus"] = corpus(args.mb)
    if not res["corpus"]["seeds_present"]:
        print(f"note: {SEEDS} not found: fixtures only", file=sys.stderr)
    print(f"linting {len(texts)} articles, {res['corpus']['chars']:,} chars, {args.rounds} rounds ...", file=sys.stderr)
    res["library"] = measure_library(texts, args.rounds)
    if not args.no_cold:
        res["cold"] = measure_cold(args.mb, args.rounds)
    if not args.no_cli:
        res["cli"] = measure_cli(args.rounds)
    if args.per_check_memory:
        res["check_memory"] = measure_check_memory(res["library"]["checks"])
    text = report(res)
    print(text)
    if args.json:
        data = json.dumps(res, ensure_ascii=False, indent=1, default=str)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data, encoding="utf-8")
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
