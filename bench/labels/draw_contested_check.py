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

A fourth draw, to study the errors of the matcher as merged into main (commit d422dc5) before changing it,
from the corpora only: just 24 real-world matches lie outside the earlier draws, and they are kept for
the held-out draw that judges the changes (contested_study.jsonl adds the labels, set without seeing voices):

    .venv/bin/python bench/labels/draw_contested_check.py --seed 21 --real 0 --corpora 130 \
        --exclude contested_check_sample.jsonl contested_final_sample.jsonl > bench/labels/contested_study_sample.jsonl

The held-out draw, made once after the matcher was changed (studied on the fourth draw and on the
study half of the corpora's events only): every real-world match outside the earlier draws and 136
from the held-out half of the events (event_half), labelled by hand before the matcher's output on
them was looked at; it is never tuned on (contested_heldout.jsonl adds the labels):

    .venv/bin/python bench/labels/draw_contested_check.py --seed 22 --real 40 --corpora 136 --half heldout \
        --exclude contested_check_sample.jsonl contested_final_sample.jsonl contested_study_sample.jsonl \
        > bench/labels/contested_heldout_sample.jsonl

Its errors were then studied (round 3), so a second held-out draw judges the matcher as changed: 80 more matches
from the held-out half, every earlier draw's sentences left out (no real-world match is left), labelled by hand
before the matcher's output on them was looked at (contested_heldout2.jsonl adds the labels):

    .venv/bin/python bench/labels/draw_contested_check.py --seed 24 --real 40 --corpora 80 --half heldout \
        --exclude contested_check_sample.jsonl contested_final_sample.jsonl contested_study_sample.jsonl \
        contested_heldout_sample.jsonl > bench/labels/contested_heldout2_sample.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]
from draw_contested import SOURCES  # noqa: E402
from core.contested import compile_lexicon, find_matches  # noqa: E402
from core.framing import prepare  # noqa: E402
from core.lexicon import load_contested_terms  # noqa: E402

SEED = 18
N_REALWORLD, N_CORPORA = 60, 90


def event_half(source: str, event) -> str:
    """'heldout' or 'study': a fixed split of the corpora's events by a hash of their name, so the matcher's errors
    can be studied on one half while the other stays unread until the held-out draw (real-world is all held out)."""
    if source == "realworld":
        return "heldout"
    return "heldout" if int(hashlib.sha1(f"{source}:{event}".encode()).hexdigest(), 16) % 2 == 0 else "study"


def drawn_sentences(names: list[str]) -> dict[tuple[str, str, str], list[tuple[int, int]]]:
    """The sentence spans of earlier samples, per (source, id, field): a match inside one is left out (by
    overlap, since sentence splitting may have changed since they were drawn)."""
    out = defaultdict(list)
    for name in names:
        for r in map(json.loads, (Path(__file__).parent / name).open(encoding="utf-8")):
            out[(r["source"], r["id"], r["field"])].append(tuple(r["sent"]))
    return out


def main() -> None:
    """Print the drawn matches, one JSON line each."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--real", type=int, default=N_REALWORLD)
    ap.add_argument("--corpora", type=int, default=N_CORPORA)
    ap.add_argument("--exclude", nargs="*", default=[], help="earlier samples (in this folder) whose sentences to leave out")
    ap.add_argument("--half", choices=["heldout", "study"], help="draw only from this half of the events (event_half)")
    args = ap.parse_args()
    drawn = drawn_sentences(["contested_sample.jsonl", *args.exclude])
    lex = compile_lexicon(tuple(load_contested_terms()))
    pool = {"realworld": [], "corpora": []}
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            if args.half and event_half(source, a.get("gold_event")) != args.half:
                continue
            for m in find_matches(prepare([a])[0], lex):
                if any(s <= m["start"] < e for s, e in drawn.get((source, str(a["id"]), m["field"]), ())):
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
