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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_omissions import claims  # noqa: E402

SEED = 19
N = 50


def main() -> None:
    """Print the drawn claims, one JSON line each."""
    first = {(r["event"], r["outlet"], r["fact"]["id"], r["fact"]["start"])
             for r in map(json.loads, (Path(__file__).parent / "omissions_sample.jsonl").open(encoding="utf-8"))}
    pool = [c for c in claims()
            if not any((c["event"], c["outlet"], i, s) in first for i, s in c["versions"] or [(c["fact"]["id"], c["fact"]["start"])])]
    print(f"{len(pool)} new claims; drew {min(N, len(pool))}", file=sys.stderr)
    for n, c in enumerate(random.Random(SEED).sample(pool, min(N, len(pool)))):
        c.pop("versions")
        print(json.dumps({"claim": n, **c}))


if __name__ == "__main__":
    main()
