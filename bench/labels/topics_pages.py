"""A real-news check of topic tags, outside the dev corpora's own labels (issue 14, "Topics that can be trusted").

Events: the real-world gold events (../shared/data/realworld/articles.jsonl, one event per `gold_event`) and fresh
news pages kept outside the repository (one JSON per page: url, title, text; each page one event). Each event is
tagged as the store tags it (its articles restored into one event of core.cluster, whose summary calls
core.topics.tag_topics on titles, leads and key terms). Labels say which taxonomy topics each event is ABOUT
(GUIDE.md, "Topic tags"): set by hand before looking at the tags; they carry event ids and urls only, never text.

    # 1. draw: the tags the current code gives (kept apart, not looked at while labelling)
    .venv/bin/python bench/labels/topics_pages.py draw /work/notes/pages33 ... > bench/labels/topics_pages_sample.jsonl
    # 2. label blind from titles and openings (never the tags) -> bench/labels/topics_pages.jsonl
    .venv/bin/python bench/labels/topics_pages.py show /work/notes/pages33 ...
    # 3. precision and recall per topic and micro overall, of the current code against the labels
    .venv/bin/python bench/labels/topics_pages.py score --labels topics_pages.jsonl /work/notes/pages33 ... [--errors]
    # a second set, labelled after the fix and never tuned on: ECB+ dev and NewsWCL50 gold events
    .venv/bin/python bench/labels/topics_pages.py score --labels topics_corpora.jsonl --no-realworld \
        --corpus ecbplus_dev --corpus newswcl50
    # a third, held out for the Russia and China topics: fresh pages, labelled for all topics
    .venv/bin/python bench/labels/topics_pages.py score /work/notes/tpages2 --no-realworld --labels topics_tpages2.jsonl

The real-world events are always included; a page folder that is missing (as in CI) is skipped with a note.
A page's text is cleaned of boilerplate lines (core.clean, as extraction would) and of the stored page's leading
"date YYYY-MM-DD" line; a page without a title gets its first line of six words or more as title.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.clean import clean_text  # noqa: E402
from core.cluster import EventClusterer  # noqa: E402
from core.topics import load_topics  # noqa: E402

HERE = Path(__file__).parent
DATE_LINE = re.compile(r"\A\s*date \d{4}-\d{2}(?:-\d{2})?\s*")
REALWORLD = ROOT.parent / "shared" / "data" / "realworld" / "articles.jsonl"
CORPORA = ROOT.parent / "shared" / "data" / "corpora"


def page_title(p: dict) -> str:
    """The page's title, else its first line of six words or more."""
    if (p.get("title") or "").strip():
        return p["title"].strip()
    for line in (p.get("text") or "").splitlines():
        if len(line.split()) >= 6:
            return line.strip()
    return ""


def load_events(folders: list[str], corpora: list[str] = (), realworld: bool = True) -> dict[str, list[dict]]:
    """Event id -> its articles: real-world gold events, gold events of shared corpora (id: NAME:event), then one
    event per page (id: the page's url)."""
    events: dict[str, list[dict]] = defaultdict(list)
    for name in corpora:
        path = CORPORA / f"{name}.jsonl"
        if not path.exists():
            print(f"topics_pages: {path} not found, skipped", file=sys.stderr)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                events[f"{name}:{r['gold_event']}"].append(r)
    if realworld and REALWORLD.exists():
        for line in REALWORLD.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                events[r["gold_event"]].append(r)
    elif realworld:
        print(f"topics_pages: {REALWORLD} not found, real-world events skipped", file=sys.stderr)
    for folder in map(Path, folders):
        if not folder.is_dir():
            print(f"topics_pages: {folder} not found, skipped", file=sys.stderr)
            continue
        for f in sorted(folder.glob("*.json")):
            p = json.loads(f.read_text(encoding="utf-8"))
            p["text"] = clean_text(DATE_LINE.sub("", p.get("text") or ""))
            host = p["url"].split("/")[2] if "//" in p["url"] else "unknown"
            events[p["url"]].append({"id": p["url"], "outlet": host.removeprefix("www."), "title": page_title(p),
                                     "text": p.get("text") or "", "url": p["url"]})
    return dict(events)


def event_tags(events: dict[str, list[dict]]) -> dict[str, list[str]]:
    """Each event's topics as the store tags it."""
    rows = [a for arts in events.values() for a in arts]
    ids = [ev for ev, arts in events.items() for _ in arts]
    cl = EventClusterer(time_bound=False)
    cl.restore(rows, ids)
    return {e.id: e.topics for e in cl.events()}


def draw(events: dict) -> None:
    """Print each event's tags as the current code gives them."""
    for ev, ts in sorted(event_tags(events).items()):
        print(json.dumps({"event": ev, "tags": ts}, ensure_ascii=False))


def show(events: dict, chars: int) -> None:
    """Print each event's titles and its first article's opening, for labelling (never the tags)."""
    for ev, arts in events.items():
        print(f"=== {ev}  ({len(arts)} articles)")
        for t in sorted({a.get("title") or "" for a in arts})[:8]:
            print(f"  T: {t}")
        text = " ".join((arts[0].get("text") or "").split())
        print(f"  L: {text[:chars]}")


def score(events: dict, labels_name: str, show_errors: bool) -> None:
    """Precision and recall per topic and micro overall, of the current tags against the labels."""
    labels = {}
    for line in (HERE / labels_name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            labels[r["event"]] = set(r["topics"])
    names = {t.name for t in load_topics()}
    bad = sorted({t for ts in labels.values() for t in ts} - names)
    if bad:
        raise SystemExit(f"topics_pages: labels name topics the taxonomy lacks: {bad}")
    tags = event_tags(events)
    judged = [ev for ev in tags if ev in labels]
    print(f"{len(tags)} events, {len(judged)} labelled; {sum(1 for ev in judged if labels[ev])} about a topic, "
          f"{sum(1 for ev in judged if tags[ev])} tagged")
    tp, tagged, gold = Counter(), Counter(), Counter()
    errors = []
    for ev in judged:
        got, want = set(tags[ev]), labels[ev]
        for t in got:
            tagged[t] += 1
            tp[t] += t in want
        for t in want:
            gold[t] += 1
        if got != want:
            errors.append((ev, sorted(got - want), sorted(want - got)))
    print(f"\n{'topic':<28} {'gold':>5} {'tagged':>7} {'right':>6} {'precision':>10} {'recall':>7}")
    for t in sorted(set(gold) | set(tagged), key=lambda t: (-gold[t], t)):
        p = f"{tp[t] / tagged[t]:.3f}" if tagged[t] else ""
        r = f"{tp[t] / gold[t]:.3f}" if gold[t] else ""
        print(f"{t:<28} {gold[t]:>5} {tagged[t]:>7} {tp[t]:>6} {p:>10} {r:>7}")
    right, n_tag, n_gold = sum(tp.values()), sum(tagged.values()), sum(gold.values())
    print(f"\nmicro: precision {right}/{n_tag} = {right / max(n_tag, 1):.3f}, "
          f"recall {right}/{n_gold} = {right / max(n_gold, 1):.3f}")
    if show_errors:
        for ev, extra, missed in errors:
            print(f"  {ev[:90]}\n      wrong: {extra}  missed: {missed}")


def main() -> None:
    """Command line: draw | show | score."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["draw", "show", "score"])
    ap.add_argument("folders", nargs="*", help="page folders (one JSON per page)")
    ap.add_argument("--labels", default="topics_pages.jsonl", help="labels file beside this script (score)")
    ap.add_argument("--corpus", action="append", default=[],
                    help="also the gold events of ../shared/data/corpora/NAME.jsonl (repeatable)")
    ap.add_argument("--no-realworld", action="store_true", help="leave the real-world gold events out")
    ap.add_argument("--chars", type=int, default=300, help="characters of opening shown (show)")
    ap.add_argument("--errors", action="store_true", help="list each event whose tags differ from its labels")
    args = ap.parse_args()
    events = load_events(args.folders, args.corpus, not args.no_realworld)
    if args.command == "draw":
        draw(events)
    elif args.command == "show":
        show(events, args.chars)
    else:
        score(events, args.labels, args.errors)


if __name__ == "__main__":
    main()
