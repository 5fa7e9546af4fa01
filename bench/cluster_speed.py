"""Incremental clustering speed: 100k articles added one at a time, as ingest does, by today's clusterer
next to the clusterer of release 0.1.0 on the same stream, in the same run.

The shared gold corpora are replicated with shifted dates (copy k: +30·k days, fresh ids) up to --n
articles; undated articles get a date inside their copy's span so every article has a time, as online
ingest guarantees (first-seen time). The stream is fed in publication order. For each clusterer, in a
process of its own (so peak memory is its own): articles/s overall, time per article for each 10k block
(flat = the time window bounds the work), process CPU time (on a shared machine the wall-clock figures
include waiting for a core, the CPU figures do not: run `uptime` alongside) and peak memory (ru_maxrss).
The 0.1.0 clusterer is core/cluster.py as of commit BASELINE, read from git. `--also KEY=VALUE` runs
today's clusterer once more with those settings changed (say, a new signal switched off) and prints the
default's CPU time against it: what the setting costs, in the same run.

    .venv/bin/python bench/cluster_speed.py [--n 100000] [--block 10000] [--also KEY=VALUE ...]
                                            [--skip-baseline] [--only new|baseline|also]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from core.cluster import clustering_span  # noqa: E402

CORPORA = ROOT.parent / "shared" / "data" / "corpora"
BASE = datetime(2021, 4, 1, tzinfo=timezone.utc)
BASELINE = "1a8c6de"   # main when issue 14 began: core/cluster.py in one file


def load_all() -> list[dict]:
    """Every article of every gold corpus."""
    rows = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def replicate(rows: list[dict], n: int) -> list[dict]:
    """n articles: copies of rows shifted by 30 days each, with fresh ids, sorted by time."""
    out = []
    k = 0
    while len(out) < n:
        shift = timedelta(days=30 * k)
        for j, r in enumerate(rows):
            if len(out) >= n:
                break
            # what clustering trusts (core.cluster.clustering_span): machine-readable dates, not free text
            span = clustering_span(r)
            dt = datetime.fromtimestamp(span[0], timezone.utc) if span else None
            if dt is None:  # spread undated ones over the copy's four months, deterministically
                dt = BASE + timedelta(hours=(j * 7919) % (120 * 24))
            out.append({"id": f"{r['id']}~{k}", "outlet": r.get("outlet"), "title": r.get("title"),
                        "text": r.get("text"), "published": dt + shift})
        k += 1
    out.sort(key=lambda r: r["published"])
    return out


def peak_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline_module() -> types.ModuleType:
    """core/cluster.py of commit BASELINE, loaded as a module of its own."""
    src = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE}:core/cluster.py"], check=True,
                         capture_output=True, text=True).stdout
    mod = types.ModuleType("cluster_baseline")
    mod.__file__ = f"{BASELINE}:core/cluster.py"
    sys.modules[mod.__name__] = mod
    exec(compile(src, mod.__file__, "exec"), mod.__dict__)
    return mod


def run(which: str, n: int, block: int, also: list[str]) -> dict:
    """Cluster the stream with one clusterer, printing a line per block; returns the totals."""
    stream = replicate(load_all(), n)
    if which == "baseline":
        mod = baseline_module()
        cl = mod.EventClusterer(mod.ClusterConfig())
    else:
        from core.cluster import EventClusterer
        from cluster_eval import parse_overrides
        cl = EventClusterer(parse_overrides(also if which == "also" else []))
    print(f"[{which}] {len(stream)} articles, {stream[0]['published']:%Y-%m-%d} .. {stream[-1]['published']:%Y-%m-%d}; "
          f"memory before clustering {peak_mb():.0f} MB", flush=True)
    print(f"[{which}] {'articles':>9} {'block s':>8} {'µs/article':>11} {'articles/s':>11} {'CPU s':>7} "
          f"{'CPU art/s':>10} {'events':>8} {'indexed':>8}", flush=True)
    t_all, c_all = time.perf_counter(), time.process_time()
    for start in range(0, len(stream), block):
        t0, c0 = time.perf_counter(), time.process_time()
        for a in stream[start:start + block]:
            cl.add(a)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        done = min(start + block, len(stream))
        m = done - start
        print(f"[{which}] {done:>9} {dt:8.2f} {1e6 * dt / m:11.0f} {m / dt:11.0f} {dc:7.2f} {m / dc:10.0f} "
              f"{cl.n_events():>8} {cl.n_indexed():>8}", flush=True)
    total, cpu = time.perf_counter() - t_all, time.process_time() - c_all
    return {"which": which, "n": len(stream), "seconds": total, "cpu": cpu, "peak_mb": peak_mb()}


def main() -> int:
    """Run both clusterers (each in a child process) and print the comparison."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--block", type=int, default=10_000)
    ap.add_argument("--only", choices=["new", "baseline", "also"], help="run one clusterer in this process")
    ap.add_argument("--also", action="append", default=[], metavar="KEY=VALUE",
                    help="run today's clusterer once more with this setting changed")
    ap.add_argument("--skip-baseline", action="store_true", help="leave out 0.1.0's clusterer")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    if args.only:
        print("RESULT " + json.dumps(run(args.only, args.n, args.block, args.also)), flush=True)
        return 0
    results = {}
    runs = ([] if args.skip_baseline else ["baseline"]) + ["new"] + (["also"] if args.also else [])
    also = [x for item in args.also for x in ("--also", item)]
    for which in runs:
        proc = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--block", str(args.block), "--only", which]
                              + also, capture_output=True, text=True)
        lines = proc.stdout.splitlines()
        for line in lines:
            if not line.startswith("RESULT "):
                print(line)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        results[which] = json.loads(next(x for x in lines if x.startswith("RESULT "))[7:])
    print()
    labels = {"baseline": f"0.1.0 ({BASELINE})", "new": "today", "also": "today, " + ", ".join(args.also)}
    for which in runs:
        r = results[which]
        print(f"{labels[which]:<18} {r['seconds']:7.1f} s ({r['n'] / r['seconds']:,.0f} articles/s), CPU {r['cpu']:.1f} s "
              f"({r['n'] / r['cpu']:,.0f} articles/s), peak memory {r['peak_mb']:,.0f} MB")
    t = results["new"]
    print(f"peak < 2 GB {'met' if t['peak_mb'] < 2048 else 'MISSED'}")
    if "baseline" in results:
        b = results["baseline"]
        ratio = t["cpu"] / b["cpu"]
        print(f"today / 0.1.0: {t['seconds'] / b['seconds']:.2f}x wall clock, {ratio:.2f}x CPU   "
              f"target ≤1.5x {'met' if ratio <= 1.5 else 'MISSED'}")
    if "also" in results:
        o = results["also"]
        print(f"today / today with {', '.join(args.also)}: {t['seconds'] / o['seconds']:.2f}x wall clock, "
              f"{t['cpu'] / o['cpu']:.2f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
