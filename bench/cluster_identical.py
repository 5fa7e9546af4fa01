"""Same output check for speed work on the clusterer: every article's event id on the dev corpora (batch,
online, and each corpus with every article re-dated to one day) and on a stream of --n articles fed one
at a time as bench/cluster_speed.py feeds them, plus the merged and split maps. `--save FILE` writes them;
`--compare FILE` recomputes and fails (exit 1, naming the first differences) unless every id is the same.

    .venv/bin/python bench/cluster_identical.py --save /tmp/before.json [--n 20000]
    .venv/bin/python bench/cluster_identical.py --compare /tmp/before.json [--n 20000]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from core.cluster import ClusterConfig, EventClusterer, cluster_batch, order_key  # noqa: E402
from cluster_eval import NAMES, load  # noqa: E402
from cluster_speed import load_all, replicate  # noqa: E402

ONE_DAY = datetime(2024, 3, 5, 12, tzinfo=timezone.utc).isoformat()


def online(rows: list[dict]) -> dict:
    """Event ids (and the merged/split maps) of rows added in clustering order, then merged."""
    cl = EventClusterer(ClusterConfig())
    ids = cl.add_many(sorted(rows, key=order_key))
    return {"events": ids, "merged": cl.merged, "split": cl.split}


def stream(n: int) -> dict:
    """Event ids of cluster_speed's stream of n articles, added one at a time without a final merge."""
    cl = EventClusterer(ClusterConfig())
    rows = replicate(load_all(), n)
    for a in rows:
        cl.add(a)
    return {"events": [cl.event_of(a["id"]) for a in rows], "merged": cl.merged, "split": cl.split,
            "n_events": cl.n_events()}


def outputs(n: int) -> dict:
    """Every output compared, by name."""
    out = {}
    for name in NAMES:
        rows = load(name)
        out[f"{name}/batch"] = cluster_batch(rows)
        out[f"{name}/online"] = online(rows)
        out[f"{name}/one-day"] = cluster_batch([{**r, "published": ONE_DAY} for r in rows])
    if n:
        out[f"stream/{n}"] = stream(n)
    return out


def digest(value) -> str:
    """A short fingerprint of one output."""
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]


def main() -> int:
    """Save or compare the outputs."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000, help="articles in the stream (0: none)")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args()
    t0 = time.process_time()
    got = outputs(args.n)
    print(f"computed in {time.process_time() - t0:.1f} CPU s")
    if args.save:
        args.save.write_text(json.dumps(got, sort_keys=True))
        for key, value in got.items():
            print(f"{key:<24} {digest(value)}")
        return 0
    want = json.loads(args.compare.read_text())
    bad = 0
    for key in sorted(set(want) | set(got)):
        same = want.get(key) == got.get(key)
        bad += not same
        print(f"{key:<24} {digest(got.get(key))} {'same' if same else 'DIFFERENT from ' + digest(want.get(key))}")
    print("identical" if not bad else f"{bad} outputs DIFFER")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
