"""Ingest throughput against a local replay site, next to a plain sequential loop.

    python bench/ingest.py [--corpus ../shared/data/corpora/allsides_dev.jsonl] [--latency-ms 50]

Prints articles/s through fetch -> extract -> store for framelens and for the baseline (urllib,
feedparser and trafilatura.extract, one after another), and their ratio, measured in the same run.
The baseline fetches with urllib because trafilatura's own fetch_url refuses loopback addresses.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["FRAMELENS_ALLOW_PRIVATE"] = "1"

from core.catalog import parse_catalog  # noqa: E402
from core.config import Settings  # noqa: E402
from core.ingest import run_ingest  # noqa: E402
from core.store import Store  # noqa: E402
from tests.conftest import start_replay  # noqa: E402


def sequential(catalog, limit: int) -> tuple[int, float]:
    """The loop a newcomer would write: one feed, one page, one extraction at a time."""
    import feedparser
    import trafilatura

    def get(url: str) -> bytes:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read()
    t0, n = time.perf_counter(), 0
    for outlet in catalog:
        for url in outlet.feeds:
            for entry in feedparser.parse(get(url)).entries:
                trafilatura.extract(get(entry.link), url=entry.link)
                n += 1
                if n >= limit:
                    return n, time.perf_counter() - t0
    return n, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/corpora/allsides_dev.jsonl"))
    ap.add_argument("--latency-ms", type=float, default=50)
    ap.add_argument("--baseline-articles", type=int, default=300, help="articles the slow loop is timed on")
    ap.add_argument("--repeat", type=int, default=1,
                    help="pairs of runs (the loop, then framelens), interleaved; the median speed-up is printed")
    a = ap.parse_args()
    proc, base = start_replay("--corpus", a.corpus, "--latency-ms", str(a.latency_ms), "--spread")
    ratios = []
    try:
        catalog = parse_catalog(urllib.request.urlopen(base + "/_catalog").read().decode(), "replay catalog")
        print(f"replay site: {len(catalog)} outlets, {sum(len(o.feeds) for o in catalog)} feeds, "
              f"{a.latency_ms:g} ms latency per request, {os.cpu_count()} cores")
        for _ in range(a.repeat):
            load = os.getloadavg()[0]
            n_seq, t_seq = sequential(catalog, a.baseline_articles)
            with tempfile.TemporaryDirectory() as tmp:
                store = Store(str(Path(tmp) / "bench.sqlite"))
                summary = run_ingest(store, catalog, Settings(allow_private=True))
                stored = store.count_articles()
            fast, slow = summary.new_articles / summary.seconds, n_seq / t_seq
            ratios.append(fast / slow)
            print(f"load {load:.1f} -> {os.getloadavg()[0]:.1f}")
            print(f"  sequential loop : {n_seq} articles in {t_seq:.1f} s = {slow:.1f} articles/s")
            print(f"  framelens ingest: {summary.new_articles} articles in {summary.seconds:.1f} s = {fast:.1f} "
                  f"articles/s (stored {stored}, {summary.pages_failed} without page text, "
                  f"{summary.feeds_failed} feeds failed)")
            print(f"  speed-up: {fast / slow:.1f}x")
    finally:
        proc.kill()
    print(f"speed-up, median of {len(ratios)}: {statistics.median(ratios):.1f}x  (targets: >= 5x and >= 100 articles/s)")


if __name__ == "__main__":
    main()
