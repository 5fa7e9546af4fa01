"""Incremental clustering speed: 100k articles added one at a time, as ingest does.

The shared gold corpora are replicated with shifted dates (copy k: +30·k days, fresh ids) up to
--n articles; undated articles get a date inside their copy's span so every article has a time, as
online ingest guarantees (first-seen time). The stream is fed in publication order. Prints overall
articles/s, time per article for each 10k block (flat = the time window bounds the work) and peak
memory (ru_maxrss). Each block also gets its process CPU time: on a shared machine the wall-clock
figures include waiting for a core, the CPU figures do not (run `uptime` alongside).

    .venv/bin/python bench/cluster_speed.py [--n 100000] [--block 10000]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.cluster import ClusterConfig, EventClusterer, parse_time  # noqa: E402

CORPORA = ROOT.parent / "shared" / "data" / "corpora"
BASE = datetime(2021, 4, 1, tzinfo=timezone.utc)


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
            dt = parse_time(r.get("published"))
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


def main() -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--block", type=int, default=10_000)
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 1
    stream = replicate(load_all(), args.n)
    print(f"{len(stream)} articles, {stream[0]['published']:%Y-%m-%d} .. {stream[-1]['published']:%Y-%m-%d}; "
          f"memory before clustering {peak_mb():.0f} MB")
    cl = EventClusterer(ClusterConfig())
    print(f"{'articles':>9} {'block s':>8} {'µs/article':>11} {'articles/s':>11} {'CPU s':>7} {'CPU art/s':>10} "
          f"{'events':>8} {'indexed':>8}")
    t_all, c_all = time.perf_counter(), time.process_time()
    for start in range(0, len(stream), args.block):
        t0, c0 = time.perf_counter(), time.process_time()
        for a in stream[start:start + args.block]:
            cl.add(a)
        dt, dc = time.perf_counter() - t0, time.process_time() - c0
        done = min(start + args.block, len(stream))
        m = done - start
        print(f"{done:>9} {dt:8.2f} {1e6 * dt / m:11.0f} {m / dt:11.0f} {dc:7.2f} {m / dc:10.0f} "
              f"{cl.n_events():>8} {cl.n_indexed():>8}", flush=True)
    total, cpu = time.perf_counter() - t_all, time.process_time() - c_all
    print(f"total {total:.1f} s for {len(stream)} articles: {len(stream) / total:.0f} articles/s "
          f"(CPU {cpu:.1f} s: {len(stream) / cpu:.0f} articles/s); "
          f"peak memory {peak_mb():.0f} MB (ru_maxrss, whole process incl. the corpus)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
