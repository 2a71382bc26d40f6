"""Command-line latency: start-up, one 6 KB article, and a cached re-run of many files.

    .venv/bin/python bench/cli_latency.py [--files 1000] [--repeat 5] [--json PATH|-]

Measures, as wall-clock time of real ``wenlint`` processes (the console script
of this venv, so interpreter start-up is included):

* ``startup``       — ``wenlint --version``: interpreter + CLI import.
* ``startup+registry`` — ``wenlint list-checks``: plus importing every installed check.
* ``one-6KB``       — ``wenlint check --no-cache`` on one 6 KB (UTF-8 bytes) article, all checks.
* ``cached-1000``   — ``wenlint check`` on N unchanged files whose results are in ``.wenlint_cache``
                      (after one populating run, also timed).

and, in-process, where the time of one 6 KB check goes: importing, loading the
checks, jieba's dictionary (lazy: only when a document's tokens are first
needed), segmenting, and each check.  The 6 KB article and the N files are
built from the project's own fixtures (``fixtures/samples``, ``fixtures/clean``).
Targets (issue 7): one 6 KB article < 1 s, cached re-run of 1,000 files < 2 s.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WENLINT = Path(sys.executable).with_name("wenlint")


def _texts() -> list[str]:
    files = sorted((ROOT / "fixtures" / "clean").glob("*.txt")) + sorted((ROOT / "fixtures" / "samples").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in files]


def article_6kb(texts: list[str]) -> str:
    """About 6 KB of article text: the farm sample first (it has defects), then clean articles."""
    sample = (ROOT / "fixtures" / "samples" / "farm-article.txt")
    parts = [sample.read_text(encoding="utf-8")] if sample.exists() else []
    parts += texts
    out, size = [], 0
    for t in parts:
        for line in t.splitlines(keepends=True):
            b = len(line.encode("utf-8"))
            if size + b > 6144:
                return "".join(out)
            out.append(line)
            size += b
    return "".join(out)


def _time(cmd: list[str], cwd: Path, repeat: int, env: dict) -> dict:
    runs = []
    rc = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        runs.append(time.perf_counter() - t0)
        rc = proc.returncode
    res = {"median_s": round(statistics.median(runs), 3), "min_s": round(min(runs), 3), "runs": len(runs)}
    if rc not in (0, 1):  # 2: an input or internal error (a check crashed); keep the timing, say so
        res["exit_code"] = rc
        print(f"warning: {' '.join(cmd[1:])} exited {rc}: {proc.stderr.decode(errors='replace')[-500:]}",
              file=sys.stderr)
    return res


def breakdown(text: str) -> dict:
    """In-process: where one 6 KB check spends its time (fresh interpreter)."""
    code = r"""
import json, sys, time
t0 = time.perf_counter()
import linter.cli
from linter.registry import load_registry
t1 = time.perf_counter()
reg = load_registry()
from linter.runner import make_checks, lint_document
from linter.document import Document
checks, sel = make_checks()
t2 = time.perf_counter()
from linter import segment
segment.tokenizer()
t3 = time.perf_counter()
doc = Document(sys.stdin.read(), path="a.txt")
doc.tokens
t4 = time.perf_counter()
per = {}
for c in checks:
    s = time.perf_counter(); list(c.run(doc)); per[c.id] = round(time.perf_counter() - s, 4)
t5 = time.perf_counter()
print(json.dumps({"import_cli_s": round(t1 - t0, 3), "load_checks_s": round(t2 - t1, 3),
                  "jieba_dictionary_s": round(t3 - t2, 3), "segment_s": round(t4 - t3, 3),
                  "checks_s": round(t5 - t4, 3), "per_check_s": per}))
"""
    proc = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        return {"error": proc.stderr[-1000:]}
    return json.loads(proc.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=1000, help="files for the cached re-run (default 1000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement (median reported)")
    ap.add_argument("--json", default=None, help="also write the numbers as JSON to PATH (- for stdout)")
    args = ap.parse_args(argv)
    if not WENLINT.exists():
        raise SystemExit(f"{WENLINT} not found: run with the project venv's python")
    env = dict(os.environ)
    env.pop("WENLINT_NO_CACHE", None)
    texts = _texts()
    art = article_6kb(texts)
    out: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    work = Path(tempfile.mkdtemp(prefix="wenlint-latency-"))
    try:
        (work / "one").mkdir()
        one = work / "one" / "article.txt"
        one.write_text(art, encoding="utf-8")
        out["article_bytes"] = len(art.encode("utf-8"))
        out["article_chars"] = len(art)
        # warm the OS file cache and jieba's own dictionary cache once
        subprocess.run([str(WENLINT), "check", "--no-cache", str(one)], cwd=work / "one",
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        out["startup"] = _time([str(WENLINT), "--version"], work, args.repeat, env)
        out["startup+registry"] = _time([str(WENLINT), "list-checks"], work, args.repeat, env)
        out["one-6KB"] = _time([str(WENLINT), "check", "--no-cache", "--format", "jsonl", "article.txt"],
                               work / "one", args.repeat, env)
        out["one-6KB-cached"] = _time([str(WENLINT), "check", "--format", "jsonl", "article.txt"],
                                      work / "one", args.repeat, env)
        out["breakdown-6KB"] = breakdown(art)
        per = out["breakdown-6KB"].get("per_check_s") or {}
        if per:  # how far the engine is from the target without its slowest check
            slowest = max(per, key=per.get)
            out["one-6KB-without-slowest"] = dict(
                _time([str(WENLINT), "check", "--no-cache", "--format", "jsonl", "--ignore", slowest, "article.txt"],
                      work / "one", args.repeat, env), ignored=slowest)
        many = work / "many"
        many.mkdir()
        for i in range(args.files):
            body = texts[i % len(texts)]
            (many / f"doc-{i:05d}.txt").write_text(f"{body}\n编号 {i}\n", encoding="utf-8")
        cmd = [str(WENLINT), "check", "--format", "jsonl", "--exit-zero", "."]
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=many, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        out[f"populate-{args.files}"] = {"wall_s": round(time.perf_counter() - t0, 3)}
        def entries() -> int:
            return sum(1 for _ in (many / ".wenlint_cache").glob("v*/*/*.json"))

        for attempt in range(3):  # a check edited meanwhile (editable install) invalidates the cache: retry
            before = entries()
            timed = _time(cmd, many, max(3, args.repeat // 2), env)
            timed["cache_misses"] = entries() - before
            if not timed["cache_misses"]:
                break
        out[f"cached-{args.files}"] = timed
        out[f"uncached-{args.files}-files-estimate_s"] = out[f"populate-{args.files}"]["wall_s"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"wenlint CLI latency (python {out['python']}, {out['cpus']} CPUs), median of runs:")
    print(f"  start-up (wenlint --version)          {out['startup']['median_s']:.3f} s")
    print(f"  start-up + all checks (list-checks)   {out['startup+registry']['median_s']:.3f} s")
    print(f"  check one {out['article_bytes']} B article, no cache  {out['one-6KB']['median_s']:.3f} s   (target < 1 s)")
    print(f"  check one {out['article_bytes']} B article, cached    {out['one-6KB-cached']['median_s']:.3f} s")
    if "one-6KB-without-slowest" in out:
        w = out["one-6KB-without-slowest"]
        print(f"  check one {out['article_bytes']} B article, no cache, --ignore {w['ignored']}  {w['median_s']:.3f} s")
    print(f"  populate cache, {args.files} files          {out[f'populate-{args.files}']['wall_s']:.3f} s")
    c = out[f"cached-{args.files}"]
    print(f"  cached re-run, {args.files} files           {c['median_s']:.3f} s   (target < 2 s)"
          + (f"  [{c['cache_misses']} misses]" if c["cache_misses"] else ""))
    b = out["breakdown-6KB"]
    if "error" not in b:
        print(f"  6 KB in-process: import {b['import_cli_s']} s, load checks {b['load_checks_s']} s, "
              f"jieba dictionary {b['jieba_dictionary_s']} s, segment {b['segment_s']} s, checks {b['checks_s']} s")
        slow = sorted(b["per_check_s"].items(), key=lambda kv: -kv[1])[:5]
        print("    slowest checks: " + ", ".join(f"{k} {v:.3f} s" for k, v in slow))
    if args.json:
        data = json.dumps(out, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
