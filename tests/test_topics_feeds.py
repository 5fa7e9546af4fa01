"""bench/labels/topics_feeds.py: the held-out sample of topic tags on real feed events names items of
../shared/data/feeds that each resolve to one summary-only feed item, its labels follow the sample row for row, name
taxonomy topics only and carry no feed text, and the scorer counts right, wrong, gone and newly given tags as it says."""
from __future__ import annotations

import pytest

from core.topics import load_topics
from tests.conftest import bench_module

SCRIPT = "labels/topics_feeds.py"
CAUSES = {"feed category", "mixed event", "name in passing", "side subject", "convention", "weak words"}


def test_sample_ids_resolve_to_one_summary_only_feed_item_each():
    bench = bench_module(SCRIPT)
    ef = bench.events_feeds
    if not ef.has_feeds(bench.FEEDS):
        pytest.skip(f"no feeds in {bench.FEEDS} (../shared/data/feeds)")
    sample = bench.read_jsonl(bench.SAMPLE)
    assert [s["n"] for s in sample] == list(range(140))
    tags, blank = sample[:100], sample[100:]
    assert all(s["topic"] for s in tags) and not any(s["topic"] for s in blank)
    assert sum(len(s["members"]) > 1 for s in tags) == 50
    names = {t.name for t in load_topics()}
    for s in sample:
        assert set(s) == {"n", "members", "topic"}, s    # no feed text
        assert s["members"] == sorted(set(s["members"])), s
        assert not s["topic"] or s["topic"] in names, s
    found, bad = ef.resolve_ids(ef.read_feeds(bench.FEEDS), [m for s in sample for m in s["members"]])
    assert bad == []
    assert all(a.text_status == "summary-only" for a in found.values())
    # the same event's tags name the same members; an untagged event is no tagged one
    tagged = {tuple(s["members"]) for s in tags}
    assert not tagged & {tuple(s["members"]) for s in blank}


def test_labels_follow_the_sample_and_carry_no_feed_text():
    bench = bench_module(SCRIPT)
    sample = bench.read_jsonl(bench.SAMPLE)
    labels = bench.read_jsonl(bench.LABELS)
    assert [(r["n"], r["members"], r["topic"]) for r in labels] == [(s["n"], s["members"], s["topic"]) for s in sample]
    names = {t.name for t in load_topics()}
    for r in labels:
        assert 0 < len(r["note"]) <= 120, r
        if r["topic"]:
            assert set(r) == {"n", "members", "topic", "right", "cause", "note"}, r
            assert isinstance(r["right"], bool)
            assert (r["cause"] == "") == r["right"], r          # a wrong tag says why, a right one needs no cause
            assert r["right"] or r["cause"] in CAUSES, r
        else:
            assert set(r) == {"n", "members", "topic", "should", "note"}, r
            assert set(r["should"]) <= names, r


def _lab(n, members, topic, right=None, should=()):
    base = {"n": n, "members": members, "topic": topic, "note": "x"}
    if topic:
        return base | {"right": right, "cause": "" if right else "feed category"}
    return base | {"should": list(should)}


def test_score_counts_right_wrong_gone_and_untagged(capsys):
    bench = bench_module(SCRIPT)
    events = [{"event": "e1", "members": ["f|a", "f|b"], "topics": ["Sports", "Russia"]},
              {"event": "e2", "members": ["f|c"], "topics": []},
              {"event": "e3", "members": ["f|d", "f|x"], "topics": ["Africa", "Health"]},   # gained an item
              {"event": "e4", "members": ["f|e"], "topics": ["Elections"]}]
    labels = [_lab(0, ["f|a", "f|b"], "Sports", right=True),
              _lab(1, ["f|a", "f|b"], "Russia", right=False),           # still given, wrong
              _lab(2, ["f|c"], "Science & space", right=False),         # no longer given, was wrong
              _lab(3, ["f|c"], "Health", right=True),                   # no longer given, was right
              _lab(4, ["f|d"], "", should=["Africa"]),                  # now tagged: one right, one wrong
              _lab(5, ["f|e"], "", should=[]),                          # now tagged: wrong
              _lab(6, ["f|gone"], "", should=["Sports"])]              # its item is no longer stored
    tot = bench.score(events, labels, show_errors=True)
    assert (tot["n"], tot["right"], tot["gone"], tot["gone_right"]) == (2, 1, 2, 1)
    assert tot["moved"] == 2                                           # f|d's event gained an item; f|gone is gone
    assert (tot["untagged_events"], tot["untagged_given_right"], tot["untagged_given_wrong"]) == (3, 1, 2)
    assert tot["per"]["Russia"] == {"n": 1, "right": 0}
    out = capsys.readouterr().out
    assert "tag precision 1/2 = 0.500" in out and "#2 no longer given" in out and "#1 still wrong" in out


def test_find_event_takes_the_event_holding_most_members():
    bench = bench_module(SCRIPT)
    e1 = {"members": ["a"], "topics": []}
    e2 = {"members": ["b", "c"], "topics": []}
    assert bench.find_event(["a", "b", "c"], [e1, e2]) is e2
    assert bench.find_event(["a", "b"], [e1, e2]) is e1       # a tie: the event holding the first member
    assert bench.find_event(["z"], [e1, e2]) is None


def test_commands_say_so_and_exit_0_without_the_feeds(tmp_path, capsys):
    assert bench_module(SCRIPT).main(["score", "--feeds", str(tmp_path)]) == 0
    assert "no feed files" in capsys.readouterr().err
