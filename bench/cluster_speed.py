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

One run's CPU time moves by several seconds from run to run (0.1.0's moved 44-54 s on one quiet machine), so
the clusterers run in turns, --repeat rounds of baseline, today (, today with --also), each run a child
process of its own: every run's CPU is printed, then the ratio of the medians (the target is judged on it)
and the least and greatest ratio of the two runs of one round. Both sides get the same number of runs and
the same statistic.

    .venv/bin/python bench/cluster_speed.py [--n 100000] [--block 10000] [--repeat 2] [--also KEY=VALUE ...]
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
    """Run the clusterers in turns, each run in a child process, and print the comparison."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--block", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=2, help="rounds of runs, one run of each clusterer per round")
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
    if args.repeat < 1:
        print("--repeat needs at least 1", file=sys.stderr)
        return 2
    runs = ([] if args.skip_baseline else ["baseline"]) + ["new"] + (["also"] if args.also else [])
    also = [x for item in args.also for x in ("--also", item)]
    results: dict[str, list[dict]] = {which: [] for which in runs}
    for rnd in range(1, args.repeat + 1):
        for which in runs:   # in turns: a slow spell of the machine falls on both sides
            print(f"-- round {rnd} of {args.repeat}: {which}", flush=True)
            proc = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--block", str(args.block),
                                   "--only", which] + also, capture_output=True, text=True)
            lines = proc.stdout.splitlines()
            for line in lines:
                if not line.startswith("RESULT "):
                    print(line, flush=True)
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return proc.returncode
            results[which].append(json.loads(next(x for x in lines if x.startswith("RESULT "))[7:]))
    print()
    for line in summary(results, args.also):
        print(line)
    return 0


def median(xs: list[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    s = sorted(xs)
    k = len(s) // 2
    return s[k] if len(s) % 2 else (s[k - 1] + s[k]) / 2


def summary(results: dict[str, list[dict]], also: list[str]) -> list[str]:
    """Every run's figures, then each comparison as the ratio of the medians with the per-round ratios' range."""
    labels = {"baseline": f"0.1.0 ({BASELINE})", "new": "today", "also": "today, " + ", ".join(also)}
    out = []
    for which, rs in results.items():
        for k, r in enumerate(rs, 1):
            out.append(f"{labels[which]:<18} run {k}: {r['seconds']:7.1f} s ({r['n'] / r['seconds']:,.0f} articles/s), "
                       f"CPU {r['cpu']:.2f} s ({r['n'] / r['cpu']:,.0f} articles/s), peak memory {r['peak_mb']:,.0f} MB")
    today = results["new"]
    peak = max(r["peak_mb"] for r in today)
    out.append(f"peak < 2 GB {'met' if peak < 2048 else 'MISSED'} (largest of today's runs: {peak:,.0f} MB)")

    def compare(a: list[dict], b: list[dict]) -> tuple[float, float, float, float]:
        """(CPU ratio of medians, least and greatest per-round CPU ratio, wall-clock ratio of medians) of a to b."""
        pairs = [x["cpu"] / y["cpu"] for x, y in zip(a, b)]
        return (median([x["cpu"] for x in a]) / median([y["cpu"] for y in b]), min(pairs), max(pairs),
                median([x["seconds"] for x in a]) / median([y["seconds"] for y in b]))

    if "baseline" in results:
        base = results["baseline"]
        ratio, lo, hi, wall = compare(today, base)
        out.append(f"today / 0.1.0 over {len(today)} rounds: median CPU {median([r['cpu'] for r in today]):.2f} s "
                   f"against {median([r['cpu'] for r in base]):.2f} s")
        out.append(f"today / 0.1.0: {ratio:.2f}x CPU (ratio of medians; per round {lo:.2f}x-{hi:.2f}x), "
                   f"{wall:.2f}x wall clock   target ≤1.5x {'met' if ratio <= 1.5 else 'MISSED'}")
    if "also" in results:
        ratio, lo, hi, wall = compare(today, results["also"])
        out.append(f"today / today with {', '.join(also)}: {ratio:.2f}x CPU (ratio of medians; per round "
                   f"{lo:.2f}x-{hi:.2f}x), {wall:.2f}x wall clock")
    return out


if __name__ == "__main__":
    sys.exit(main())
