"""bench/labels/events_feeds.py: the gold happenings of real feed summaries (the studied set and two held-out ones)
load, every label names exactly one feed item, no two sets share one, and the scoring it prints rewards the right
grouping and punishes a merge."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import bench_module

SCRIPT = "labels/events_feeds.py"


# (file, at least this many rows, at least this many happenings of two items or more)
SETS = [("events_feeds.jsonl", 400, 30), ("events_feeds2.jsonl", 240, 10), ("events_feeds3.jsonl", 300, 35)]


@pytest.mark.parametrize("name,rows_min,joined_min", SETS)
def test_labels_load_with_ids_and_slugs_only(name, rows_min, joined_min):
    bench = bench_module(SCRIPT)
    path = bench.labels_path(name)
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) == len(bench.read_labels(path)) >= rows_min    # no id labelled twice
    for row in rows:
        assert set(row) <= {"id", "happening", "note"}, row        # no feed text in the repository
        assert re.fullmatch(r"[a-z0-9_.-]+\.xml\|\S+", row["id"]), row["id"]
        assert re.fullmatch(r"[a-z0-9-]+", row["happening"]), row["happening"]
        assert len(row.get("note", "")) <= 160
    sizes = Counter(r["happening"] for r in rows)
    assert sum(1 for v in sizes.values() if v > 1) >= joined_min  # real multi-outlet happenings, not only singletons


def test_no_two_sets_share_an_item():
    bench = bench_module(SCRIPT)
    assert bench.labels_path("events_feeds2.jsonl") == bench.HELD_OUT
    assert bench.labels_path("events_feeds3.jsonl") == bench.HELD_OUT3
    sets = [set(bench.read_labels(path)) for path in (bench.LABELS, bench.HELD_OUT, bench.HELD_OUT3)]
    assert all(sets)
    assert not sets[0] & sets[1] and not sets[0] & sets[2] and not sets[1] & sets[2]


def test_each_set_reads_its_own_feeds_unless_told():
    bench = bench_module(SCRIPT)
    assert bench.feeds_folder(bench.LABELS) == bench.feeds_folder(bench.HELD_OUT) == bench.FEEDS
    assert bench.feeds_folder(bench.HELD_OUT3) == bench.FEEDS3 != bench.FEEDS
    assert bench.feeds_folder(bench.HELD_OUT3, "/elsewhere") == Path("/elsewhere")


@pytest.mark.parametrize("name", [name for name, _, _ in SETS])
def test_every_label_names_one_feed_item_dated_by_its_feed(name):
    bench = bench_module(SCRIPT)
    path = bench.labels_path(name)
    folder = bench.feeds_folder(path)
    if not bench.has_feeds(folder):
        pytest.skip(f"no feeds in {folder} (the third set's live outside ../shared)")
    labels = bench.read_labels(path)
    items, gold, bad = bench.gold_items(bench.read_feeds(folder), labels)
    assert bad == []
    assert len(items) == len(gold) == len(labels)
    assert len({a.id for a in items}) == len(items)
    assert all(a.text and a.text_status == "summary-only" for a in items if a.summary)
    # "now" is the capture date: no labelled item is re-dated to it or flagged as in the future
    assert all(a.date_source == "feed" and a.published <= bench.NOW for a in items)


def test_the_scorer_gives_a_perfect_grouping_one_and_a_merge_less():
    bench = bench_module(SCRIPT)
    gold = ["talks", "talks", "talks", "drills", "drills", "death", "alone"]
    assert bench.bcubed(gold, gold) == (1.0, 1.0, 1.0)
    merged = ["iran", "iran", "iran", "iran", "iran", "death", "alone"]
    p, r, f = bench.bcubed(gold, merged)
    assert r == 1.0 and p < 1.0 and f < 1.0
    assert bench.worst_merges(gold, merged, 10) == ["5 items, 2 happenings: talks (3), drills (2)"]
    split = ["a", "a", "b", "c", "c", "d", "e"]
    assert bench.worst_splits(gold, split, 10) == ["talks: 3 items over 2 events (2, 1)"]
    assert bench.worst_merges(gold, gold, 10) == [] and bench.worst_splits(gold, gold, 10) == []


def _feed(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (link, title, RFC 822 date) items, each with a summary."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><description>{t}. More on it.</description>"
                   f"<pubDate>{d}</pubDate></item>" for link, t, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{body}</channel></rss>'.encode()


def test_a_small_replay_is_scored_on_every_path(tmp_path, capsys):
    quake = "A magnitude 6.8 earthquake struck the Atlas mountains near Marrakesh killing 2,000"
    pager = "Hundreds of pagers used by Hezbollah members exploded across Lebanon wounding thousands"
    labels = []
    for k, outlet in enumerate(["one", "two", "three"]):
        rows = []
        for event, title, day in (("quake", quake, "09"), ("pagers", pager, "17")):
            link = f"https://{outlet}.example/{event}"
            rows.append((link, title, f"Mon, {day} Sep 2024 1{k}:00:00 GMT"))
            labels.append({"id": f"{outlet}.xml|{link}", "happening": event})
        (tmp_path / f"{outlet}.xml").write_bytes(_feed(rows))
    (tmp_path / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels), encoding="utf-8")
    args = ["--feeds", str(tmp_path), "--labels", str(tmp_path / "labels.jsonl"), "--no-other"]
    assert bench_module(SCRIPT).main(args) == 0
    out = capsys.readouterr().out
    assert "6 labelled items of 6 in 3 feeds; 2 gold happenings, 2 with >= 2 items (6 items)" in out, out
    assert "match no single feed item" not in out
    for path in ("batch", "online", "store"):
        assert re.search(rf"^{path}: P [\d.]+ R [\d.]+ F1 [\d.]+ \(\d+ events\)$", out, re.M), out


def test_ids_resolve_to_one_item_each_in_order_and_the_rest_are_named(tmp_path):
    bench = bench_module(SCRIPT)
    day = "Mon, 09 Sep 2024 10:00:00 GMT"
    (tmp_path / "one.xml").write_bytes(_feed([("https://x.example/a", "A", day), ("https://x.example/b", "B", day)]))
    (tmp_path / "two.xml").write_bytes(_feed([("https://x.example/a", "A again", day)]))
    feeds = bench.read_feeds(tmp_path)
    a, b, a2, gone = "one.xml|https://x.example/a", "one.xml|https://x.example/b", "two.xml|https://x.example/a", \
        "one.xml|https://x.example/gone"
    found, bad = bench.resolve_ids(feeds, [b, a, a2, gone, b])
    assert list(found) == [b, a, a2]                               # the ids' order, each once
    assert [x.title for x in found.values()] == ["B", "A", "A again"]
    assert bad == [gone]
    items, gold, bad = bench.gold_items(feeds, {a: "x", gone: "y", b: "z"})
    assert [x.title for x in items] == ["A", "B"] and gold == ["x", "z"] and bad == [gone]
    feeds["one.xml"].append(feeds["one.xml"][0])                 # an id two items answer is no single item
    found, bad = bench.resolve_ids(feeds, [a, b])
    assert list(found) == [b] and bad == [a]


def test_the_store_keeps_a_page_two_feeds_list_twice_as_the_samples_were_drawn(tmp_path):
    # Not ingest's rule (one page, one article): the quotes and topics samples were drawn from stores built so.
    bench = bench_module(SCRIPT)
    for outlet in ("world", "tech"):
        item = ("https://time.example/1/ai", "AI race", "Mon, 09 Sep 2024 10:00:00 GMT")
        (tmp_path / f"{outlet}.xml").write_bytes(_feed([item]))
    feeds = bench.read_feeds(tmp_path)
    df = bench.stored(feeds, lambda store: store.articles_df(limit=None))
    assert sorted(df["outlet"]) == ["tech", "world"]
    assert sorted(bench.label_ids(feeds).values()) == ["tech.xml|https://time.example/1/ai",
                                                       "world.xml|https://time.example/1/ai"]


def test_missing_feeds_are_said_and_not_an_error(tmp_path, capsys):
    assert bench_module(SCRIPT).main(["--feeds", str(tmp_path / "absent")]) == 0
    assert "nothing to score" in capsys.readouterr().out
