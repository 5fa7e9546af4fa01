"""Articles per second for quote extraction on the PolNeAR train texts (after a warm-up load).

Wall-clock speed depends on what else shares the CPU, so the 1-minute load average and the
process CPU time (articles per CPU-second, less sensitive to other processes) are printed too.

    .venv/bin/python bench/quotes_speed.py [--limit N] [--batch-size B]
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


if __name__ == "__main__":
    main()
