"""Draw a second, fresh sample: matches the new matcher shows, outside the first draw, for hand labelling.

The first sample (draw_contested.py) was drawn from the 0.1.0 matcher's candidates and the new matcher
was tuned against its labels, so its precision there is optimistic. This draw checks what the new
matcher (at commit 7e4c82d) shows on sentences nobody tuned on. Run once:

    .venv/bin/python bench/labels/draw_contested_check.py > bench/labels/contested_check_sample.jsonl

Every match of the current matcher in the dev corpora and the real-world set whose sentence is not
one of the 402 first-draw units is a candidate; seed 18 draws 60 from the real-world set and 90 from
the corpora. Lines hold ids and offsets only, and not the matcher's voice, so labels are set without
seeing it (contested_check.jsonl adds the labels).

A third draw, after the matcher was tuned on the second one too (at the commit that adds
contested_final_sample.jsonl), with the same rules and both earlier samples left out:

    .venv/bin/python bench/labels/draw_contested_check.py --seed 20 --real 40 --corpora 60 \
        --exclude contested_check_sample.jsonl > bench/labels/contested_final_sample.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_contested import SOURCES  # noqa: E402
from core.contested import compile_lexicon, find_matches  # noqa: E402
from core.framing import prepare  # noqa: E402
from core.lexicon import load_contested_terms  # noqa: E402

SEED = 18
N_REALWORLD, N_CORPORA = 60, 90


def main() -> None:
    """Print the drawn matches, one JSON line each."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--real", type=int, default=N_REALWORLD)
    ap.add_argument("--corpora", type=int, default=N_CORPORA)
    ap.add_argument("--exclude", nargs="*", default=[], help="earlier samples (in this folder) whose sentences to leave out")
    args = ap.parse_args()
    first = {(r["source"], r["id"], r["field"], tuple(r["sent"]))
             for name in ["contested_sample.jsonl", *args.exclude]
             for r in map(json.loads, (Path(__file__).parent / name).open(encoding="utf-8"))}
    lex = compile_lexicon(tuple(load_contested_terms()))
    pool = {"realworld": [], "corpora": []}
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            for m in find_matches(prepare([a])[0], lex):
                if (source, str(a["id"]), m["field"], tuple(m["sentence"])) in first:
                    continue
                pool["realworld" if source == "realworld" else "corpora"].append(
                    {"source": source, "id": str(a["id"]), "event": a.get("gold_event"), "field": m["field"],
                     "sent": m["sentence"], "span": [m["start"], m["end"]], "term": m["term"], "family": m["family"]})
    rng = random.Random(args.seed)
    picked = rng.sample(pool["realworld"], min(args.real, len(pool["realworld"])))
    picked += rng.sample(pool["corpora"], min(args.corpora, len(pool["corpora"])))
    print(f"{len(pool['realworld'])} real-world and {len(pool['corpora'])} corpora matches; drew {len(picked)}",
          file=sys.stderr)
    for n, r in enumerate(picked):
        print(json.dumps({"n": n, **r}))


if __name__ == "__main__":
    main()
