"""Draw the fixed random sample of omission claims made by the 0.1.0 code, for hand labelling.

Run once, before the omissions code changed:

    .venv/bin/python bench/labels/draw_omissions.py > bench/labels/omissions_sample.jsonl

Every gold event of the dev corpora and the real-world dev set with two or more outlets goes through
`compare_event` as framelens ran it then; each "outlet X leaves out this fact, which others report"
is one claim. With seed 17, 50 claims are drawn from the real-world events and 50 from the corpora
(all of them when fewer). Each line has the event, the outlet said to omit, that outlet's article ids
in the event, and the fact as (article id, start, end) into that article's text; never the text.
"""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.framing import compare_event  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SOURCES = {"realworld": DATA / "realworld" / "articles.jsonl",
           "basil": DATA / "corpora" / "basil.jsonl", "newswcl50": DATA / "corpora" / "newswcl50.jsonl",
           "allsides_dev": DATA / "corpora" / "allsides_dev.jsonl"}
SEED = 17
PER_STRATUM = 50


def claims() -> list[dict]:
    """Every omission claim compare_event makes on the gold events with two or more outlets."""
    out = []
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
                    out.append({"source": source, "event": event, "outlet": outlet, "outlet_ids": ids,
                                "fact": {"id": f["id"], "outlet": f["outlet"], "start": f["start"], "end": f["end"]},
                                "reported_by": f["reported_by"],
                                "versions": [(e["id"], e["start"]) for e in f.get("evidence", ())]})
    return out


def main() -> None:
    """Print the drawn claims, one JSON line each."""
    rng = random.Random(SEED)
    found = claims()
    real = [c for c in found if c["source"] == "realworld"]
    corp = [c for c in found if c["source"] != "realworld"]
    print(f"{len(found)} claims ({len(real)} real-world, {len(corp)} corpora)", file=sys.stderr)
    picked = rng.sample(real, min(PER_STRATUM, len(real))) + rng.sample(corp, min(PER_STRATUM, len(corp)))
    for n, c in enumerate(picked):
        c.pop("versions")
        print(json.dumps({"claim": n, **c}))


if __name__ == "__main__":
    main()
