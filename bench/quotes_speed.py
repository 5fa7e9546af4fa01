"""Articles per second for quote extraction on the PolNeAR train texts.

Two runs: in one process (after a warm-up load: the dashboard's way), then with the command line's
worker processes (core.quote_pool, the quote_workers setting: one per core), timed from a cold start
so the workers' own parser loading is included, as `framelens quotes` pays it. Both produce the same
attributions (checked here). Wall-clock speed depends on what else shares the CPU, so the 1-minute
load average and the in-process run's CPU time (articles per CPU-second) are printed too.

    .venv/bin/python bench/quotes_speed.py [--limit N] [--batch-size B] [--workers W]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from core.nlp import load_nlp, model_name  # noqa: E402
from core.quote_pool import cli_workers, shutdown  # noqa: E402
from core.quotes import PARSE_DISABLE, SETTINGS, extract_quotes  # noqa: E402


def load_texts(limit: int = 0) -> list[dict]:
    """Unique PolNeAR train articles (first record per id)."""
    seen, out = set(), []
    path = SHARED / "data" / "attribution" / "polnear_train.jsonl"
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] not in seen:
            seen.add(rec["id"])
            out.append({"id": rec["id"], "outlet": rec["outlet"], "title": rec["title"],
                        "text": rec["text"]})
    return out[:limit] if limit else out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=SETTINGS.quote_batch_size)
    ap.add_argument("--workers", type=int, default=cli_workers(),
                    help="worker processes for the second run (default: the CLI's, one per core; 1 skips it)")
    args = ap.parse_args()
    arts = load_texts(args.limit)
    t0 = time.perf_counter()
    nlp = load_nlp(PARSE_DISABLE)
    extract_quotes(arts[:2], nlp=nlp)            # warm-up: first calls allocate
    load = time.perf_counter() - t0
    load_before = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    quotes = extract_quotes(arts, batch_size=args.batch_size, nlp=nlp)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(a["text"]) for a in arts)
    print(f"model {model_name()} (pipes: {', '.join(nlp.pipe_names)}); load+warm-up {load:.1f}s")
    print(f"{len(arts)} articles, {chars / 1e6:.1f}M chars, {len(quotes)} attributions")
    print(f"wall {wall:.1f}s  ->  {len(arts) / wall:.1f} articles/s   "
          f"(cpu {cpu:.1f}s -> {len(arts) / cpu:.1f} articles/cpu-s; "
          f"load avg {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, {os.cpu_count()} cpus)")
    if args.workers > 1:
        shutdown()
        load_before = os.getloadavg()[0]
        t0 = time.perf_counter()
        pooled = extract_quotes(arts, batch_size=args.batch_size, workers=args.workers)
        wall = time.perf_counter() - t0
        same = [q.to_dict() for q in pooled] == [q.to_dict() for q in quotes]
        print(f"{args.workers} worker processes, start-up included: wall {wall:.1f}s  ->  "
              f"{len(arts) / wall:.1f} articles/s  ({len(pooled)} attributions, "
              f"{'identical to' if same else 'DIFFERENT from'} the in-process run; "
              f"load avg {load_before:.2f} before, {os.getloadavg()[0]:.2f} after)")


if __name__ == "__main__":
    main()
