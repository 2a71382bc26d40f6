#!/usr/bin/env python3
"""Memory of ``wenlint audit --workers 2`` per process (issue 9: < 300 MB RSS per worker).

Runs a real ``wenlint audit`` (this tree's ``linter.cli``, in a fresh interpreter) over a fixed
JSONL corpus of long documents built from ``corpus/finance`` and samples every process of the
audit (the main process and its descendants) every ``--interval`` seconds from ``/proc``:
RSS (``/proc/PID/status`` VmRSS), PSS and USS (private clean + private dirty, from
``/proc/PID/smaps_rollup``).  Prints the peak of each per process, the worker maximum, and
(``--modules``) which large packages a worker has imported.

Corpus: the articles of ``corpus/finance`` as of commit ``CORPUS_COMMIT`` (so that articles
added later do not change the measurement; falls back to every file when git is missing),
sorted by name; document i is articles i, i+1 and i+7 (mod n) joined, ``--docs`` documents
(default 395, about 3 M characters).

    python bench/worker_memory.py [--docs 395] [--workers 2] [--interval 0.3] [--rounds 1]
                                  [--select ALL] [--json PATH|-] [--modules]

Memory figures do not depend on the machine's load; each round is a fresh audit.  With a cold user
cache (``WENLINT_CACHE_DIR=`` an empty folder) the audit first warms the cache in a throwaway
process, listed as a helper.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_COMMIT = "d2dbd55"  # 344 articles, 867k characters


def corpus_files() -> list[Path]:
    base = ROOT / "corpus" / "finance"
    names: list[str] = []
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", CORPUS_COMMIT, "corpus/finance/"],
                             capture_output=True, text=True, timeout=30)
        if out.returncode == 0:
            names = [Path(line).name for line in out.stdout.split() if line.endswith(".txt")]
    except (OSError, subprocess.SubprocessError):
        pass
    if names:
        files = [base / n for n in sorted(names) if (base / n).is_file()]
    else:
        files = sorted(base.glob("*.txt"))
    return files


def write_corpus(path: Path, n_docs: int) -> tuple[int, int]:
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    if not texts:
        raise SystemExit("no corpus/finance articles")
    n = len(texts)
    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n_docs):
            text = "\n".join((texts[i % n], texts[(i + 1) % n], texts[(i + 7) % n]))
            chars += len(text)
            fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    return n, chars


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def descendants(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in _children(p):
            if c not in seen:
                seen.append(c)
                todo.append(c)
    return seen


def sample(pid: int) -> dict[str, int] | None:
    """RSS, PSS, USS of ``pid`` in kB (None when it is gone)."""
    v: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    v["rss"] = int(line.split()[1])
                    break
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            priv = 0
            for line in fh:
                k, _, rest = line.partition(":")
                if k == "Pss":
                    v["pss"] = int(rest.split()[0])
                elif k in ("Private_Clean", "Private_Dirty"):
                    priv += int(rest.split()[0])
            v["uss"] = priv
    except (OSError, ValueError, IndexError):
        return None
    return v if "rss" in v and "pss" in v else None


def modules_of(pid: int) -> list[str]:
    """Large shared objects a process has mapped (a hint of what it imported)."""
    found = set()
    try:
        with open(f"/proc/{pid}/maps") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 6 and "site-packages/" in parts[5]:
                    found.add(parts[5].split("site-packages/", 1)[1].split("/", 1)[0])
    except OSError:
        pass
    return sorted(found)


def one_round(src: Path, tmp: Path, args) -> dict:
    report = tmp / f"report-{time.time_ns()}"
    cmd = [sys.executable, "-c", "import sys; from linter.cli import main; sys.exit(main())", "audit", str(src),
           "--report", str(report), "--id-field", "id", "--workers", str(args.workers), "--progress", "none"]
    for s in args.select.split(","):
        if s:
            cmd += ["--select", s]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, dict[str, int]] = {}  # in the order first seen
    mods: dict[int, list[str]] = {}
    while proc.poll() is None:
        for pid in [proc.pid] + descendants(proc.pid):
            s = sample(pid)
            if s is None:
                continue
            pk = peaks.setdefault(pid, {"rss": 0, "pss": 0, "uss": 0})
            for k in pk:
                pk[k] = max(pk[k], s.get(k, 0))
            if args.modules and pid != proc.pid and pid not in mods and s["rss"] > 150_000:
                mods[pid] = modules_of(pid)
        time.sleep(args.interval)
    err = proc.stderr.read().decode("utf-8", "replace")
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"wenlint audit failed ({proc.returncode}):\n{err[-3000:]}")
    summary = json.loads((report / "summary.json").read_text(encoding="utf-8"))
    main = peaks.pop(proc.pid, {"rss": 0, "pss": 0, "uss": 0})
    # workers: the last --workers descendants that did work; an earlier one is a helper (the
    # throwaway process that fills a cold user cache before the pool is forked)
    big = [p for p, v in peaks.items() if v["rss"] > 60_000]
    workers = {p: peaks[p] for p in big[-args.workers:]}
    helpers = {p: peaks[p] for p in big[:-args.workers]}
    return {"wall": wall, "main": main, "workers": workers, "helpers": helpers, "modules": mods,
            "processed": summary.get("processed"), "errors": summary.get("errors"),
            "findings": summary.get("findings", summary.get("total_findings"))}


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=395)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interval", type=float, default=0.3)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--select", default="", help="comma-separated --select values (default: wenlint's default)")
    ap.add_argument("--modules", action="store_true", help="list the site-packages a worker has mapped")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        src = tmp / "docs.jsonl"
        n_articles, chars = write_corpus(src, args.docs)
        print(f"corpus: {args.docs} documents, {chars:,} characters ({n_articles} corpus/finance articles, "
              f"3 per document); wenlint audit --workers {args.workers}, /proc sampled every {args.interval} s")
        results = []
        for r in range(args.rounds):
            res = one_round(src, tmp, args)
            results.append(res)
            w = res["workers"].values()
            print(f"round {r + 1}: {res['wall']:.1f} s, processed {res['processed']}, errors {res['errors']}")
            print(f"  main process  peak RSS {mb(res['main']['rss'])} MB · PSS {mb(res['main']['pss'])} · "
                  f"USS {mb(res['main']['uss'])}")
            for pid, v in res["helpers"].items():
                print(f"  helper {pid:>7}  peak RSS {mb(v['rss'])} MB · PSS {mb(v['pss'])} · USS {mb(v['uss'])}")
            for pid, v in sorted(res["workers"].items()):
                print(f"  worker {pid:>7}  peak RSS {mb(v['rss'])} MB · PSS {mb(v['pss'])} · USS {mb(v['uss'])}")
            if w:
                print(f"  workers max   RSS {mb(max(x['rss'] for x in w))} MB · PSS {mb(max(x['pss'] for x in w))} · "
                      f"USS {mb(max(x['uss'] for x in w))}  (target RSS < 300 MB)")
            for pid, m in res["modules"].items():
                print(f"  worker {pid} maps: {', '.join(m)}")
    if args.json:
        out = json.dumps(results, indent=1, default=str)
        if args.json == "-":
            print(out)
        else:
            Path(args.json).write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
