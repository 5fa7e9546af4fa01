"""Speed of all framing figures (compare_event) for the 100 BASIL events; target under 10 s in total.

    .venv/bin/python bench/framing_speed.py                  # this checkout
    .venv/bin/python bench/framing_speed.py --baseline main  # and a git ref (e.g. main), in the same run

With --baseline the ref's code (git archive, into a temporary folder beside ../shared) runs the same loop
in a subprocess right after this checkout's, and both CPU times are printed side by side: CPU time is
less sensitive than wall time to other load on a shared machine, and one run keeps the load alike.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.framing import compare_event  # noqa: E402
from core.lexicon import load_contested_terms, load_tone  # noqa: E402

BASIL = ROOT.parent / "shared" / "data" / "corpora" / "basil.jsonl"
TARGET_S = 10.0


def measure() -> dict:
    """Group BASIL by gold event, time compare_event over all events (wall and CPU)."""
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
        json.dumps(compare_event(arts))
        per_event.append(time.perf_counter() - t)
    per_event.sort()
    return {"events": len(events), "articles": sum(len(v) for v in events.values()), "load": t_load,
            "total": time.perf_counter() - t0 + t_load, "cpu": time.process_time() - c0,
            "median_ms": per_event[len(per_event) // 2] * 1000, "max_ms": per_event[-1] * 1000}


def baseline(ref: str) -> dict:
    """The same measure() run by the code of a git ref, exported next to ../shared, in a subprocess."""
    with tempfile.TemporaryDirectory(prefix="framing-speed-") as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        with tempfile.TemporaryFile() as fh:
            fh.write(archive)
            fh.seek(0)
            tarfile.open(fileobj=fh).extractall(repo, filter="data")
        os.symlink(ROOT.parent / "shared", Path(tmp) / "shared")
        script = repo / "bench" / "framing_speed.py"
        script.write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")   # this measure(), their code
        out = subprocess.run([sys.executable, str(script), "--json"], check=True, capture_output=True, text=True,
                             cwd=repo).stdout
        return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Measure this checkout (and a baseline ref when asked); print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", metavar="REF", help="also time the code of this git ref (e.g. main) in the same run")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not BASIL.exists():
        sys.exit(f"BASIL not found at {BASIL}")
    r = measure()
    if args.json:
        print(json.dumps(r))
        return
    print(f"BASIL: {r['events']} events, {r['articles']} articles; all framing figures (incl. reprints, JSON dump)")
    print(f"lexicon load: {r['load']:.3f} s")
    print(f"total: {r['total']:.2f} s  (target < {TARGET_S:.0f} s: {'OK' if r['total'] < TARGET_S else 'TOO SLOW'}); "
          f"CPU time {r['cpu']:.2f} s (less sensitive to other load on the machine)")
    print(f"per event: median {r['median_ms']:.0f} ms, max {r['max_ms']:.0f} ms")
    if args.baseline:
        b = baseline(args.baseline)
        print(f"baseline {args.baseline}: total {b['total']:.2f} s, CPU time {b['cpu']:.2f} s; "
              f"this checkout's CPU time is {r['cpu'] / b['cpu']:.2f}x the baseline's")
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
