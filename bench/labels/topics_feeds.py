"""A held-out check of the topic tags framelens gives real feed events: is each (event, topic) tag right for what the
event's items report, and which topics do untagged events clearly miss?

The items are the 26 feeds of ../shared/data/feeds (16–18 Feb 2026) as ingest stores them when no page can be read:
core.feeds.parse_feed, then the summary kept as the text (core.ingest's summary-only rule), feed categories kept,
built as bench/labels/events_feeds.py builds them and stored feed by feed in a fresh store, then analysed once by
core.analyse.analyse_new (clustering, then each event's topics from its titles, leads, key terms and its items' feed
categories): the events and topics a user's store holds, as bench/labels/quotes_feeds.py builds them.

Not exactly ingest's store: the items go in by store.add_articles (events_feeds.stored), without ingest's rule that a
page two catalog outlets list is stored once (core.ingest, dba674a). TIME's world and tech feeds both list 4 pages
(20-28 Jan 2026), stored here under both outlets: 1,186 items where ingest stores 1,182, and 4 events of two copies
of one page each. Two of them are labelled tags, #90 and #91 (Technology & AI, both right: TIME's China-US AI race
pieces), drawn among the 50 tags of events of 2+ items though each is one page, of which ingest would store one
copy. Kept so: the sample was drawn from this store, and its labels name both copies. With one copy of each page
the score prints the same figures, but 3 labelled events are found with other members: #90, #91 and #26 (GUIDE.md,
"Topics of real feed events").

    # 1. draw: 100 (event, topic) tags (seed 100), about half from events of 2+ items, and 40 untagged events;
    #    member ids + topic only
    .venv/bin/python bench/labels/topics_feeds.py draw > bench/labels/topics_feeds_sample.jsonl
    # 2. label from the items' titles, summaries and categories (GUIDE.md, "Topics of real feed events")
    .venv/bin/python bench/labels/topics_feeds.py show [topics_feeds_sample.jsonl]
    # 3. score a tree's topics against the labels
    PYTHONPATH=/path/to/tree .venv/bin/python bench/labels/topics_feeds.py score [topics_feeds.jsonl] [--show-errors]

An event is named by its member item ids ("<feed file>|<link or guid>", events_feeds' item id); the sample and labels
carry no feed text. A tree under test may cluster differently: a labelled event is found again as the event that now
holds most of its members (ties: the one holding its first member), and the scorer says how many moved.
Without the feeds (as in CI) every command says so and exits 0.

Sample: topics_feeds_sample.jsonl, drawn with main at 1bab57d (1037 events stored, 452 tagged with 543 tags, 78 of
them on events of 2+ items, 585 untagged; 50 + 50 tags and 40 untagged events drawn), committed (e1a9993) before
labelling; labels topics_feeds.jsonl committed (c1fc6d0) before any score. Held-out figure of main at 1bab57d
(GUIDE.md, "Topics of real feed events"): tag precision 75/100; 25 wrong, 16 of them from one item's feed categories;
none of the 40 untagged events tagged (30 of them have 39 clear topics).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# This tree's core only when PYTHONPATH names none: `PYTHONPATH=<another tree>` scores that tree's topic code.
sys.path.append(str(ROOT))
import core  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
import events_feeds  # noqa: E402

HERE = Path(__file__).parent
FEEDS = events_feeds.FEEDS
SAMPLE = HERE / "topics_feeds_sample.jsonl"
LABELS = HERE / "topics_feeds.jsonl"
SEED = 100
N_TAGS = 100
N_UNTAGGED = 40
# main at 1bab57d, held out: (right, still given) of the labelled tags; the untagged events' clear topics given
MAIN = {"right": 75, "n": 100, "gone": 0, "untagged_given_right": 0, "untagged_given_wrong": 0}


def stored_events(folder: Path = FEEDS) -> tuple[list[dict], dict[str, dict]]:
    """Every event a fresh store holds after storing the feeds' items feed by feed and analysing them once
    (events_feeds.stored: two catalog outlets' shared pages stored twice, unlike ingest; its member ids, sorted, and
    its topics); and each item's title, text and categories by id."""
    from core.config import Settings

    feeds = events_feeds.read_feeds(folder)
    key_of = events_feeds.label_ids(feeds)
    evs, arts = events_feeds.stored(
        feeds, lambda store: (store.events_df(limit=None), store.articles_df(limit=None, with_text=True)),
        settings=Settings())
    members: dict[str, list[str]] = {}
    items = {}
    for r in arts.to_dict("records"):
        key = key_of.get(r["id"], r["id"])
        members.setdefault(r["event_id"], []).append(key)
        items[key] = {"outlet": r["outlet"], "title": r["title"] or "", "text": r["text"] or "",
                      "categories": _categories(r.get("categories"))}
    events = [{"event": e, "members": sorted(members.get(e, [])), "topics": list(ts)}
              for e, ts in zip(evs["id"], evs["topics"]) if members.get(e)]
    return sorted(events, key=lambda e: e["members"]), items


def _categories(value) -> list[str]:
    """A stored item's feed categories as a list (the store keeps them as JSON text)."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value] if value else []
    return list(value) if isinstance(value, (list, tuple)) else []


def draw(events: list[dict], n: int = N_TAGS, n_untagged: int = N_UNTAGGED, seed: int = SEED) -> tuple[list, list]:
    """A seeded sample of n (event, topic) tags, half of them (as many as there are) from events of 2+ items; and
    n_untagged events with no tag."""
    tags = [(e["members"], t) for e in events for t in sorted(e["topics"])]
    multi, single = [x for x in tags if len(x[0]) > 1], [x for x in tags if len(x[0]) == 1]
    rng = random.Random(seed)
    take = min(len(multi), n // 2)
    picked = rng.sample(multi, take) + rng.sample(single, min(len(single), n - take))
    untagged = [e["members"] for e in events if not e["topics"]]
    blank = rng.sample(untagged, min(len(untagged), n_untagged))
    return sorted(picked), sorted(blank)


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a jsonl file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def find_event(members: list[str], events: list[dict]) -> dict | None:
    """The event that now holds most of these members (ties: the one holding the first), None when none does."""
    where = {m: e for e in events for m in e["members"]}
    held = Counter(id(where[m]) for m in members if m in where)
    if not held:
        return None
    first = where.get(members[0])
    best = max(held.values())
    if first is not None and held[id(first)] == best:
        return first
    return next(where[m] for m in members if m in where and held[id(where[m])] == best)


def show(items: dict[str, dict], sample: list[dict], chars: int) -> None:
    """Print each sampled event's items once (outlet, title, categories, summary opening), then its sampled tags."""
    seen = {}
    for s in sample:
        key = tuple(s["members"])
        if key in seen:
            seen[key].append(s)
            continue
        seen[key] = [s]
    for key, rows in seen.items():
        tags = ", ".join(f"#{r['n']} {r['topic']}" if r.get("topic") else f"#{r['n']} (untagged)" for r in rows)
        print(f"\n=== {tags}  ({len(key)} items)")
        for m in key:
            it = items.get(m, {})
            text = " ".join(it.get("text", "").split())
            print(f"  [{it.get('outlet')}] {it.get('title')!r}  cats={it.get('categories')}\n      {text[:chars]}")


def score(events: list[dict], labels: list[dict], show_errors: bool) -> dict:
    """Tag precision of the labelled tags the tree still gives, overall and per topic; the labelled tags it no longer
    gives (and how many of those were right); on the untagged events, the clear topics it now gives right and wrong."""
    tot, per, wrong_now, gone, moved = Counter(), {}, [], [], 0
    untag, untag_now = Counter(), []
    for lab in labels:
        ev = find_event(lab["members"], events)
        if ev is None or ev["members"] != sorted(lab["members"]):
            moved += 1
        now = set(ev["topics"]) if ev else set()
        if lab.get("topic"):
            if lab["topic"] not in now:
                gone.append(lab)
                continue
            tot["n"] += 1
            tot["right"] += lab["right"]
            p = per.setdefault(lab["topic"], Counter())
            p["n"] += 1
            p["right"] += lab["right"]
            if not lab["right"]:
                wrong_now.append(lab)
        else:
            clear = set(lab["should"])
            untag["events"] += 1
            untag["clear"] += len(clear)
            untag["given_right"] += len(now & clear)
            untag["given_wrong"] += len(now - clear)
            untag["tagged_now"] += bool(now)
            if now:
                untag_now.append((lab, sorted(now & clear), sorted(now - clear)))
    tagged = [lab for lab in labels if lab.get("topic")]
    print(f"topics of real feed events, topic code: {Path(core.__file__).parent}")
    print(f"{len(events)} events stored, {sum(bool(e['topics']) for e in events)} tagged "
          f"({sum(len(e['topics']) for e in events)} tags); {moved} labelled events not found with the same members")
    n = tot["n"]
    print(f"{len(tagged)} labelled tags ({sum(lab['right'] for lab in tagged)} right when labelled): {n} still given, "
          f"{len(gone)} no longer given ({sum(lab['right'] for lab in gone)} of those right)")
    print(f"  tag precision {tot['right']}/{n} = {tot['right'] / n:.3f}" if n else "  tag precision -")
    for t, p in sorted(per.items(), key=lambda kv: (-kv[1]["n"], kv[0])):
        print(f"    {t:<28} {p['right']:>3}/{p['n']:<3} = {p['right'] / p['n']:.3f}")
    print(f"{untag['events']} labelled untagged events ({untag['clear']} clear topics): "
          f"{untag['tagged_now']} tagged now; {untag['given_right']} clear topics given, "
          f"{untag['given_wrong']} other topics given")
    print(f"  main at 1bab57d (held out): tag precision {MAIN['right']}/{MAIN['n']} = {MAIN['right'] / MAIN['n']:.3f}, "
          f"{MAIN['gone']} no longer given; untagged: {MAIN['untagged_given_right']} clear topics given, "
          f"{MAIN['untagged_given_wrong']} other topics given")
    causes = Counter(lab.get("cause") or "?" for lab in wrong_now)
    if causes:
        print("  wrong tags still given, by cause: " + ", ".join(f"{c} {k}" for k, c in causes.most_common()))
    if show_errors:
        for lab in wrong_now:
            print(f"  #{lab['n']} still wrong: {lab['topic']} ({lab.get('cause', '')}): {lab.get('note', '')}")
        for lab in gone:
            print(f"  #{lab['n']} no longer given: {lab['topic']} ({'right' if lab['right'] else 'wrong'})")
        for lab, good, bad in untag_now:
            print(f"  #{lab['n']} untagged when drawn, now: right {good}, wrong {bad} ({lab.get('note', '')})")
    return dict(tot) | {"gone": len(gone), "gone_right": sum(lab["right"] for lab in gone), "moved": moved,
                        "per": {t: dict(p) for t, p in per.items()}} | {f"untagged_{k}": v for k, v in untag.items()}


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one step."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["draw", "show", "score"])
    ap.add_argument("file", nargs="?", help="sample (show) or labels (score), a file in bench/labels")
    ap.add_argument("--feeds", type=Path, default=FEEDS)
    ap.add_argument("--chars", type=int, default=400, help="characters of each summary shown (show)")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not events_feeds.has_feeds(args.feeds):
        print(f"topics_feeds: no feed files in {args.feeds}: nothing to do (the feeds live outside the repository)",
              file=sys.stderr)
        return 0
    events, items = stored_events(args.feeds)
    if args.step == "draw":
        picked, blank = draw(events)
        tags = [e for e in events if e["topics"]]
        print(f"{len(events)} events, {len(tags)} tagged ({sum(len(e['topics']) for e in tags)} tags, "
              f"{sum(len(e['topics']) for e in tags if len(e['members']) > 1)} on events of 2+ items), "
              f"{len(events) - len(tags)} untagged; drew {len(picked)} tags "
              f"({sum(len(m) > 1 for m, _ in picked)} from events of 2+ items) and {len(blank)} untagged events",
              file=sys.stderr)
        for n, (members, topic) in enumerate(picked):
            print(json.dumps({"n": n, "members": members, "topic": topic}, ensure_ascii=False))
        for n, members in enumerate(blank, len(picked)):
            print(json.dumps({"n": n, "members": members, "topic": ""}, ensure_ascii=False))
    elif args.step == "show":
        show(items, read_jsonl(HERE / (args.file or SAMPLE.name)), args.chars)
    else:
        score(events, read_jsonl(HERE / (args.file or LABELS.name)), args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
