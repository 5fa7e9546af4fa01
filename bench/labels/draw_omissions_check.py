"""Draw a second sample: omission claims the new code makes that the first draw did not hold.

The new omissions code (commit after 'Omissions count independent families') still makes only a few of
the 100 labelled 0.1.0 claims and makes new ones; this draw checks those. Run once:

    .venv/bin/python bench/labels/draw_omissions_check.py > bench/labels/omissions_check_sample.jsonl

Every claim compare_event makes on the gold events of the dev corpora and the real-world set that does
not match a first-draw claim is a candidate; seed 19 draws 50. Lines hold the event, the outlet said to
omit, its article ids, the fact's sentence (id and offsets) and the outlets said to report it.
"""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_omissions import SOURCES  # noqa: E402
from core.framing import compare_event  # noqa: E402

SEED = 19
N = 50


def main() -> None:
    """Print the drawn claims, one JSON line each."""
    first = {(r["event"], r["outlet"], r["fact"]["id"], r["fact"]["start"])
             for r in map(json.loads, (Path(__file__).parent / "omissions_sample.jsonl").open(encoding="utf-8"))}
    pool = []
    for source, path in SOURCES.items():
        events = defaultdict(list)
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            events[a["gold_event"]].append(a)
        for event, arts in sorted(events.items()):
            if len({a["outlet"] for a in arts}) < 2:
                continue
            rep = compare_event(arts)
            for outlet, v in sorted(rep["omissions"].get("outlets", {}).items()):
                ids = sorted(str(a["id"]) for a in arts if a["outlet"] == outlet)
                for f in v["omits"]:
                    spans = {(e["id"], e["start"]) for e in f["evidence"]}
                    if any((event, outlet, i, s) in first for i, s in spans):
                        continue
                    pool.append({"source": source, "event": event, "outlet": outlet, "outlet_ids": ids,
                                 "fact": {"id": f["id"], "outlet": f["outlet"], "start": f["start"], "end": f["end"]},
                                 "reported_by": f["reported_by"]})
    print(f"{len(pool)} new claims; drew {min(N, len(pool))}", file=sys.stderr)
    for n, c in enumerate(random.Random(SEED).sample(pool, min(N, len(pool)))):
        print(json.dumps({"claim": n, **c}))


if __name__ == "__main__":
    main()
