"""Reprint detection quality on synthetic reprints of the shared corpora, with same-event hard negatives.

For a third of the articles of BASIL, NewsWCL50 and AllSides (fixed seed) a reprint is made as an
aggregator would: new outlet, reworded headline, 0-2 paragraphs dropped or two swapped, ~3% of words
swapped for synonyms, boilerplate appended ("Source link"…), a later date, sometimes a credit line.
All originals stay in the mix; other outlets' coverage of the same gold event are the hard negatives.
Prints precision / recall / F1 of reprint detection and accuracy of the named original.
"""
from __future__ import annotations

import json
import random
import re
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from core.reprints import find_reprints  # noqa: E402
from core.timeline import parse_time  # noqa: E402

CORPORA = ROOT.parent / "shared" / "data" / "corpora"
FILES = ["basil.jsonl", "newswcl50.jsonl", "allsides_dev.jsonl"]
SEED = 20240517
REPRINT_SHARE = 1 / 3
SUB_RATE = 0.03
AGGREGATORS = ["NewsNow Aggregator", "WorldNewsHub", "DailyFeed24", "GlobalNewsWire Online",
               "TopStories Digest", "NewsBreak Mirror", "HeadlineHub", "The News Aggregate"]
BOILERPLATE = ["Source link", "Related Articles", "Leave a Reply",
               "Your email address will not be published. Required fields are marked *",
               "Back to top button", "Share this:", "You can share this story on social media:"]
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "president": "leader", "house": "chamber",
    "also": "additionally", "big": "large", "large": "big", "people": "individuals", "new": "fresh",
    "former": "ex", "week": "seven days", "plan": "proposal", "government": "administration",
    "officials": "authorities", "campaign": "bid", "statement": "remarks", "decision": "ruling",
    "support": "backing", "called": "described", "asked": "questioned", "meeting": "session",
    "country": "nation", "party": "faction", "vote": "ballot", "bill": "measure", "law": "statute",
    "many": "numerous", "several": "a number of", "because": "since", "before": "prior to",
    "after": "following", "about": "regarding", "help": "assist", "show": "demonstrate",
    "however": "nevertheless", "important": "significant", "began": "started", "start": "begin",
    "wanted": "sought", "want": "seek", "made": "produced", "make": "produce", "think": "believe",
    "need": "require", "get": "obtain", "major": "key", "expected": "anticipated", "during": "throughout",
    "while": "whilst", "against": "versus", "announced": "declared", "added": "continued",
    "report": "account", "reported": "stated", "recent": "latest", "likely": "probably",
}
HEADLINE_PREFIXES = ["BREAKING: ", "WATCH: ", "Report: ", "", "", "Update: "]


def load_articles() -> list[dict]:
    """All articles of the evaluation corpora that have text."""
    rows = []
    for name in FILES:
        path = CORPORA / name
        if not path.exists():
            print(f"skipping {name}: not found at {path}", file=sys.stderr)
            continue
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if (r.get("text") or "").strip():
                rows.append(r)
    return rows


def substitute(text: str, rng: random.Random) -> str:
    """Swap ~SUB_RATE of all words for synonyms (where the map has one)."""
    toks = re.split(r"(\W+)", text)
    n_words = sum(1 for t in toks if t and t[0].isalnum())
    slots = [k for k, t in enumerate(toks) if t in SYNONYMS]     # lowercase only: leave names alone
    for k in rng.sample(slots, min(len(slots), round(SUB_RATE * n_words))):
        rep = SYNONYMS[toks[k].lower()]
        toks[k] = rep
    return "".join(toks)


def new_headline(title: str, rng: random.Random) -> str:
    """A reworded headline: synonyms, a swapped clause order or an aggregator prefix."""
    t = substitute(title, random.Random(rng.random())) if title else title
    for sep in (": ", " - ", ", "):
        if sep in t and rng.random() < 0.5:
            a, b = t.split(sep, 1)
            t = f"{b[:1].upper()}{b[1:]}{sep}{a}"
            break
    t = rng.choice(HEADLINE_PREFIXES) + t
    return t if t != title else t + " (Updated)"


def make_reprint(orig: dict, k: int, rng: random.Random) -> dict:
    """One synthetic aggregator reprint of orig."""
    paras = [p for p in re.split(r"\n\s*\n|\n", orig["text"]) if p.strip()]
    drop = rng.choice([0, 0, 1, 1, 2]) if len(paras) > 3 else 0
    for _ in range(drop):
        paras.pop(rng.randrange(1, len(paras)))            # keep the lead, like most aggregators
    if len(paras) > 3 and rng.random() < 0.25:
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    paras = [substitute(p, rng) for p in paras]
    if rng.random() < 0.25:                                   # a credit line naming the original outlet
        style = rng.choice(["dateline", "source", "appeared"])
        if style == "dateline":
            paras[0] = f"({orig['outlet']}) — " + paras[0]
        elif style == "source":
            paras.append(f"Source: {orig['outlet']}")
        else:
            paras.append(f"This article originally appeared on {orig['outlet']}.")
    if rng.random() < 0.75:
        paras += rng.sample(BOILERPLATE, rng.randint(1, 4))
    published = None
    t, _ = parse_time(orig.get("published"))
    if t is not None:
        published = (t + timedelta(hours=rng.uniform(1, 48))).isoformat()
    return {"id": f"reprint-{k}-{orig['id']}", "outlet": rng.choice(AGGREGATORS),
            "title": new_headline(orig.get("title") or "", rng), "text": "\n\n".join(paras),
            "published": published, "url": None, "gold_event": orig.get("gold_event"),
            "_source": orig["id"], "_source_outlet": orig["outlet"]}


def main() -> None:
    """Build the mix, run detection, print the scores."""
    rng = random.Random(SEED)
    originals = load_articles()
    picked = [a for a in originals if rng.random() < REPRINT_SHARE]
    reprints = [make_reprint(a, k, rng) for k, a in enumerate(picked)]
    truth = {r["id"]: r["_source"] for r in reprints}
    mix = originals + [{k: v for k, v in r.items() if not k.startswith("_")} for r in reprints]
    rng.shuffle(mix)
    events: dict = {}
    for a in originals:
        events.setdefault(a.get("gold_event"), set()).add(a["outlet"])
    hard = sum(len(v) * (len(v) - 1) // 2 for v in events.values())

    t0 = time.perf_counter()
    found = find_reprints(mix)
    secs = time.perf_counter() - t0

    flagged = {r.id: r for r in found}
    tp = [i for i in flagged if i in truth]
    fp = [i for i in flagged if i not in truth]
    precision = len(tp) / len(flagged) if flagged else 0.0
    recall = len(tp) / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    correct = sum(1 for i in tp if flagged[i].original_id == truth[i])
    accuracy = correct / len(tp) if tp else 0.0
    credited = [r for r in reprints if "(" + r["_source_outlet"] + ")" in r["text"]
                or "Source: " in r["text"] or "originally appeared" in r["text"]]
    cred_ok = sum(1 for r in credited if r["id"] in flagged and flagged[r["id"]].original_id == r["_source"])

    print(f"corpora: {', '.join(FILES)}  (seed {SEED})")
    print(f"articles: {len(originals)} originals + {len(reprints)} synthetic reprints = {len(mix)}; "
          f"same-event cross-outlet pairs (hard negatives): {hard}")
    print(f"detection time: {secs:.2f} s")
    print(f"reprint detection: precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  "
          f"(tp {len(tp)}, fp {len(fp)}, fn {len(truth) - len(tp)})")
    print(f"named original: accuracy {accuracy:.4f} ({correct}/{len(tp)}); "
          f"with a credit line {cred_ok}/{len(credited)}")
    if fp:
        print("false positives:", fp[:10])
    missed = [i for i in truth if i not in flagged]
    if missed:
        print("missed:", missed[:10])
    wrong = [(i, flagged[i].original_id, truth[i]) for i in tp if flagged[i].original_id != truth[i]]
    if wrong:
        print("wrong original (id, named, true):", wrong[:10])


if __name__ == "__main__":
    main()
