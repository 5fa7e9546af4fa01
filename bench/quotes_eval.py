"""Score quote attribution on PolNeAR (dev by default) against a regex baseline, and named sources
on real multi-outlet news (../shared/data/realworld).

A prediction matches a gold attribution when their content spans overlap by at least 30% of the
shorter one. Precision counts predictions paired with a gold attribution, recall counts gold
attributions matched by a prediction, one-to-one (best overlaps paired first). The speaker is
right when the predicted speaker span overlaps the paired gold source span: `spk acc` over every
paired prediction (a quotation credited to no one counts as wrong), `spk P` over those credited to
someone (the claims framelens shows). Tiers: direct quotes (gold content holds a quotation mark; a
prediction is in the tier when its kind is direct or mixed) and all attributions.

Real-news tier: the canonical speakers framelens shows for each article (one per name, unresolved
pronouns and mentions that name no speaker left out), made canonical across each event as
framelens clusters them, against the article's gold speakers, matched by bench/speaker_match.py (which
follows the set's SOURCES.md conventions). Precision: shown speakers that are a gold speaker of
that article; recall: gold speakers shown; consistency: of the (event, gold person) pairs found,
the share shown under exactly one name across the event's articles.

    .venv/bin/python bench/quotes_eval.py [--split dev|train] [--limit N] [--tier all|polnear|realworld] [-v]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from bench.speaker_match import match_article, matches, parse  # noqa: E402
from core.cluster import cluster_batch  # noqa: E402
from core.quotes import canonicalise_speakers, extract_quotes  # noqa: E402
from core.sources import NO_NAMED_SPEAKER, UNRESOLVED_PRONOUN, speaker_label  # noqa: E402

QUOTE_MARKS = '"“”«»„'
MIN_OVERLAP = 0.30


def load_polnear(split: str) -> list[dict]:
    """First record per article id (some articles were annotated twice)."""
    path = SHARED / "data" / "attribution" / f"polnear_{split}.jsonl"
    seen, out = set(), []
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] not in seen:
            seen.add(rec["id"])
            out.append(rec)
    return out


def gold_items(rec: dict) -> list[dict]:
    """Gold attributions as {content: [(s,e)], source: [(s,e)], direct: bool}."""
    out = []
    for a in rec["attributions"]:
        c = a.get("content")
        if not c or not c.get("spans"):
            continue
        src = (a.get("source") or {}).get("spans") or []
        out.append({"content": [tuple(s) for s in c["spans"]], "source": [tuple(s) for s in src],
                    "direct": any(m in c["text"] for m in QUOTE_MARKS)})
    return out


def overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> float:
    """Overlapping characters as a share of the shorter span set."""
    inter = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return inter / shorter if shorter > 0 else 0.0


def score(preds: dict[str, list[dict]], golds: dict[str, list[dict]], direct: bool) -> dict:
    """P/R/F1 and speaker accuracy over all articles for one tier."""
    n_pred = n_pred_ok = n_gold = n_gold_ok = n_spk = n_spk_ok = n_named = n_named_ok = 0
    for aid, gold in golds.items():
        gold = [g for g in gold if g["direct"]] if direct else gold
        pred = [p for p in preds.get(aid, []) if p["direct"]] if direct else preds.get(aid, [])
        n_gold += len(gold)
        n_pred += len(pred)
        # one-to-one: best-overlapping pairs first, each gold and prediction used once
        pairs = sorted(((overlap([p["content"]], g["content"]), pi, gi)
                        for pi, p in enumerate(pred) for gi, g in enumerate(gold)
                        if p["content"][0] < max(e for _, e in g["content"])
                        and p["content"][1] > min(s for s, _ in g["content"])), reverse=True)
        used_p, hit_gold = set(), set()
        for ov, pi, gi in pairs:
            if ov < MIN_OVERLAP or pi in used_p or gi in hit_gold:
                continue
            used_p.add(pi)
            hit_gold.add(gi)
            p, g = pred[pi], gold[gi]
            n_pred_ok += 1
            n_spk += 1
            n_named += bool(p["source"])
            if p["source"] and g["source"] and overlap([p["source"]], g["source"]) > 0:
                n_spk_ok += 1
                n_named_ok += 1
            elif not p["source"] and not g["source"]:
                n_spk_ok += 1
        n_gold_ok += len(hit_gold)
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_gold_ok / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "spk": n_spk_ok / n_spk if n_spk else 0.0,
            "spk_named": n_named_ok / n_named if n_named else 0.0,
            "pred": n_pred, "gold": n_gold}


# ---------------------------------------------------------------------------------------- baseline
_BASE_QUOTE = re.compile(r'["“]([^"“”\n]{3,}?)["”]')
_BASE_AFTER = re.compile(r'^\s*,?\s*(?:said|says|added|told)\s+((?:[A-Z][\w.\'-]*\s?){1,4})'
                         r'|^\s*,?\s*((?:[A-Z][\w.\'-]*\s?){1,4}|he|she|they)\s+(?:said|says|added)')
_BASE_INDIRECT = re.compile(r"((?:[A-Z][\w.'-]*\s?){1,4}|[Hh]e|[Ss]he|[Tt]hey)\s+"
                            r"(?:said|says|told [\w ]{1,30}?)\s+(?:that\s+)?([^.\n\"“]{10,}?)[.\n]")


def regex_baseline(rec: dict) -> list[dict]:
    """Quote marks + '"…," said X' / 'X said …' regexes: what a day's work gets you."""
    text, out = rec["text"], []
    for m in _BASE_QUOTE.finditer(text):
        after = _BASE_AFTER.match(text[m.end():m.end() + 80])
        src = None
        if after:
            g = 1 if after.group(1) else 2
            src = (m.end() + after.start(g), m.end() + after.end(g))
        out.append({"content": (m.start(), m.end()), "source": src, "direct": True})
    for m in _BASE_INDIRECT.finditer(text):
        out.append({"content": (m.start(2), m.end(2)), "source": (m.start(1), m.end(1)),
                    "direct": False})
    return out


def predict(recs: list[dict]) -> tuple[dict[str, list[dict]], float]:
    """framelens predictions keyed by article id, and the seconds they took."""
    t0 = time.perf_counter()
    quotes = extract_quotes(recs)
    took = time.perf_counter() - t0
    out: dict[str, list[dict]] = {}
    for q in quotes:
        src = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        out.setdefault(q.article_id, []).append(
            {"content": (q.quote_start, q.quote_end), "source": src,
             "direct": q.kind in ("direct", "mixed")})
    return out, took


# -------------------------------------------------------------------------------- real-news tier
def load_realworld() -> tuple[list[dict], dict[str, dict]]:
    """The real-news articles and their gold rows by id."""
    base = SHARED / "data" / "realworld"
    arts = [json.loads(line) for line in (base / "articles.jsonl").open(encoding="utf-8")]
    gold = {}
    for line in (base / "gold.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        gold[row["id"]] = row
    return arts, gold


def shown_speakers(quotes) -> dict[str, list[tuple[str, str]]]:
    """Per article, the distinct speakers the dashboard would show: (name, most common type)."""
    types: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for q in quotes:
        label = speaker_label(q)
        if label in (UNRESOLVED_PRONOUN, NO_NAMED_SPEAKER, "(unknown)"):
            continue
        types[q.article_id][label][q.speaker_type] += 1
    return {aid: [(n, c.most_common(1)[0][0]) for n, c in names.items()] for aid, names in types.items()}


def score_realworld(arts: list[dict], gold: dict[str, dict], shown: dict, verbose: bool) -> dict:
    """Precision, recall and per-event consistency of the shown speakers against the gold ones."""
    n_pred = n_pred_ok = n_gold = n_gold_ok = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    names_of: dict[tuple[str, str], set[str]] = defaultdict(set)   # (event, gold person) -> shown names
    for a in arts:
        pred, gspk = shown.get(a["id"], []), gold[a["id"]]["speakers"]
        pred_ok, gold_ok = match_article(pred, gspk)
        n_pred, n_pred_ok = n_pred + len(pred), n_pred_ok + sum(pred_ok)
        n_gold, n_gold_ok = n_gold + len(gspk), n_gold_ok + sum(gold_ok)
        for g, ok in zip(gspk, gold_ok):
            by_type[g["type"]][0] += ok
            by_type[g["type"]][1] += 1
        for g in gspk:
            if g["type"] == "person":
                gname = parse(g["name"], g["type"])
                for name, kind in pred:
                    if matches(parse(name, kind), gname):
                        names_of[(a["gold_event"], g["name"])].add(name)
        if verbose:
            wrong = [n for (n, _), ok in zip(pred, pred_ok) if not ok]
            missed = [g["name"] for g, ok in zip(gspk, gold_ok) if not ok]
            if wrong or missed:
                print(f"  {a['id']}: wrong {wrong}  missed {missed}")
    one = sum(len(v) == 1 for v in names_of.values())
    if verbose:
        for (ev, person), names in sorted(names_of.items()):
            if len(names) > 1:
                print(f"  {ev}: {person} shown as {sorted(names)}")
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_gold_ok / n_gold if n_gold else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "pred": n_pred, "gold": n_gold,
            "by_type": {k: v[0] / v[1] for k, v in by_type.items()},
            "one_name": one / len(names_of) if names_of else 0.0, "pairs": len(names_of)}


def realworld_tier(verbose: bool) -> None:
    """Print the real-news figures."""
    arts, gold = load_realworld()
    t0 = time.perf_counter()
    # canonical speakers across each event, as framelens clusters them (as analyse does after ingest)
    events = dict(zip((a["id"] for a in arts), cluster_batch(arts)))
    quotes = canonicalise_speakers(extract_quotes(arts), event_of=events)
    took = time.perf_counter() - t0
    s = score_realworld(arts, gold, shown_speakers(quotes), verbose)
    print(f"real news: {len(arts)} articles, {s['gold']} gold speakers; framelens took {took:.1f}s")
    print(f"canonical speakers: P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}  "
          f"({s['pred']} shown)  recall by type: "
          + ", ".join(f"{k} {v:.3f}" for k, v in sorted(s["by_type"].items())))
    print(f"one name per gold person per event: {s['one_name']:.3f} of {s['pairs']} (event, person) pairs found")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--tier", default="all", choices=["all", "polnear", "realworld"])
    ap.add_argument("-v", "--verbose", action="store_true", help="List wrong and missed real-news speakers.")
    args = ap.parse_args()
    if args.tier in ("all", "realworld"):
        realworld_tier(args.verbose)
    if args.tier == "realworld":
        return
    recs = load_polnear(args.split)
    if args.limit:
        recs = recs[:args.limit]
    golds = {r["id"]: gold_items(r) for r in recs}
    base = {r["id"]: regex_baseline(r) for r in recs}
    ours, took = predict(recs)
    print(f"PolNeAR {args.split}: {len(recs)} articles, "
          f"{sum(len(g) for g in golds.values())} gold attributions "
          f"({sum(g['direct'] for gs in golds.values() for g in gs)} direct); "
          f"framelens took {took:.1f}s")
    # spk acc counts a quotation credited to no one as wrong; spk P is over those credited to someone
    print(f"{'system':<10} {'tier':<7} {'P':>6} {'R':>6} {'F1':>6} {'spk acc':>8} {'spk P':>6} "
          f"{'pred':>6} {'gold':>6}")
    for name, preds in (("regex", base), ("framelens", ours)):
        for tier, direct in (("direct", True), ("all", False)):
            s = score(preds, golds, direct)
            print(f"{name:<10} {tier:<7} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f} "
                  f"{s['spk']:8.3f} {s['spk_named']:6.3f} {s['pred']:6d} {s['gold']:6d}")


if __name__ == "__main__":
    main()
