"""Speed of all framing figures (compare_event) for the 100 BASIL events; target under 10 s in total."""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.framing import compare_event  # noqa: E402
from core.lexicon import load_contested_terms, load_tone  # noqa: E402

BASIL = ROOT.parent / "shared" / "data" / "corpora" / "basil.jsonl"
TARGET_S = 10.0


def main() -> None:
    """Group BASIL by gold event, time compare_event over all events, print totals."""
    if not BASIL.exists():
        sys.exit(f"BASIL not found at {BASIL}")
    events = defaultdict(list)
    for line in open(BASIL, encoding="utf-8"):
        a = json.loads(line)
        events[a["gold_event"]].append(a)
    t0 = time.perf_counter()
    load_contested_terms(), load_tone()
    t_load = time.perf_counter() - t0
    per_event = []
    t0, c0 = time.perf_counter(), time.process_time()
    for arts in events.values():
        t = time.perf_counter()
        report = compare_event(arts)
        json.dumps(report)
        per_event.append(time.perf_counter() - t)
    total = time.perf_counter() - t0 + t_load
    cpu = time.process_time() - c0
    per_event.sort()
    n_art = sum(len(v) for v in events.values())
    print(f"BASIL: {len(events)} events, {n_art} articles; all framing figures (incl. reprints, JSON dump)")
    print(f"lexicon load: {t_load:.3f} s")
    print(f"total: {total:.2f} s  (target < {TARGET_S:.0f} s: {'OK' if total < TARGET_S else 'TOO SLOW'}); "
          f"CPU time {cpu:.2f} s (less sensitive to other load on the machine)")
    print(f"per event: median {per_event[len(per_event) // 2] * 1000:.0f} ms, max {per_event[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
