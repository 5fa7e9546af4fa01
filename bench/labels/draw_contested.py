"""Draw the fixed random sample of sentences holding a contested-term candidate, for hand labelling.

Run once, before the matcher changed (with the 0.1.0 lexicon, kept beside this script):

    .venv/bin/python bench/labels/draw_contested.py > bench/labels/contested_sample.jsonl

Units are sentences of article texts (and whole titles) of the dev corpora and the real-world dev set
that hold at least one candidate under the 0.1.0 lexicon and matcher. The draw, with seed 17:
100 units from the real-world set, 150 from the four dev corpora pooled, then, for every family that
holds fewer than 4 drawn units, more units holding it until it has 4 (or all there are), so each family's
precision rests on some evidence. Every candidate in a drawn unit is one line: ids and offsets only,
never article text (the text stays in ../shared). contested_terms.jsonl adds the hand labels to these lines.
"""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.lexicon import PhraseMatcher, load_contested_terms, split_sentences, words  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SOURCES = {"realworld": DATA / "realworld" / "articles.jsonl",
           "basil": DATA / "corpora" / "basil.jsonl", "newswcl50": DATA / "corpora" / "newswcl50.jsonl",
           "ecbplus_dev": DATA / "corpora" / "ecbplus_dev.jsonl", "allsides_dev": DATA / "corpora" / "allsides_dev.jsonl"}
LEXICON = Path(__file__).resolve().parent / "contested_terms_0.1.0.toml"
SEED = 17
N_REALWORLD, N_CORPORA, MIN_PER_FAMILY = 100, 150, 4


def candidate_units() -> list[dict]:
    """Every title or text sentence holding a candidate, with its candidates (offsets into the field)."""
    phrase_fams = defaultdict(list)
    for fam in load_contested_terms(LEXICON):
        for t in fam.terms:
            phrase_fams[t].append(fam.name)
    matcher = PhraseMatcher(phrase_fams)
    units = []
    for source, path in SOURCES.items():
        for line in path.open(encoding="utf-8"):
            a = json.loads(line)
            fields = {"title": a.get("title") or "", "text": a.get("text") or ""}
            for field, text in fields.items():
                spans = [(0, len(text))] if field == "title" else split_sentences(text)
                for s, e in spans:
                    if not text[s:e].strip():
                        continue
                    cands = [{"span": [s + ms, s + me], "term": phrase, "family": fam}
                             for phrase, fams, ms, me in matcher.find(words(text[s:e])) for fam in fams]
                    if cands:
                        units.append({"source": source, "id": str(a["id"]), "field": field, "sent": [s, e],
                                      "event": a.get("gold_event"), "candidates": cands})
    return units


def draw(units: list[dict]) -> list[tuple[str, dict]]:
    """The stratified draw described in the module docstring, as (stratum, unit) in draw order."""
    rng = random.Random(SEED)
    real = [u for u in units if u["source"] == "realworld"]
    corp = [u for u in units if u["source"] != "realworld"]
    picked = [("realworld", u) for u in rng.sample(real, N_REALWORLD)]
    picked += [("corpora", u) for u in rng.sample(corp, N_CORPORA)]
    chosen = {id(u) for _, u in picked}
    families = [f.name for f in load_contested_terms(LEXICON)]
    for fam in families:
        have = sum(1 for _, u in picked if any(c["family"] == fam for c in u["candidates"]))
        pool = [u for u in units if id(u) not in chosen and any(c["family"] == fam for c in u["candidates"])]
        for u in rng.sample(pool, min(len(pool), max(0, MIN_PER_FAMILY - have))):
            picked.append(("family:" + fam, u))
            chosen.add(id(u))
    return picked


def main() -> None:
    """Print one JSON line per candidate of every drawn unit."""
    units = candidate_units()
    picked = draw(units)
    print(f"{len(units)} candidate units; drew {len(picked)}", file=sys.stderr)
    for n, (stratum, u) in enumerate(picked):
        for c in u["candidates"]:
            print(json.dumps({"unit": n, "stratum": stratum, "source": u["source"], "id": u["id"],
                              "event": u["event"], "field": u["field"], "sent": u["sent"], **c}))


if __name__ == "__main__":
    main()
