"""A user's corrections of events: merge, move an article, move it out to a new event; stored apart from the
clusterer's output, kept through later analyses, recorded with when and why, undoable; links follow merges."""
from __future__ import annotations

import json

import pytest

from core.analyse import analyse_new
from core.corpus import import_text
from core.store import Store
from tests.conftest import shared_path


def _store(db_url: str, n_events: int = 4) -> tuple[Store, dict[str, list[str]]]:
    """A store with the first BASIL events imported and analysed; returns it and {event id: article ids}."""
    rows = [json.loads(x) for x in shared_path("data", "corpora", "basil.jsonl").read_text().splitlines()]
    keep = [r for r in rows if r["gold_event"] in list(dict.fromkeys(r["gold_event"] for r in rows))[:n_events]]
    store = Store(db_url)
    import_text(store, "\n".join(json.dumps(r) for r in keep), "jsonl")
    analyse_new(store, quotes=False)
    df = store.articles_df(limit=None)
    return store, df.groupby("event_id")["id"].apply(sorted).to_dict()


def _event(store: Store, article_id: str) -> str:
    return store.articles_df(limit=None).set_index("id").loc[article_id, "event_id"]


def _count(store: Store, event_id: str) -> int:
    ev = store.events_df(limit=None).set_index("id")
    return int(ev.loc[event_id, "n_articles"]) if event_id in ev.index else 0


def test_merge_move_and_split_out_are_recorded_counted_and_undone(db_url):
    store, events = _store(db_url)
    (a, arts_a), (b, arts_b), (c, arts_c) = list(events.items())[:3]
    cid = store.merge_events(a, b, reason="one happening")
    assert {_event(store, x) for x in arts_a + arts_b} == {b} and _count(store, b) == len(arts_a) + len(arts_b)
    assert store.resolve_event(a)[0] == b and "merged into this event by a user" in store.resolve_event(a)[1]
    moved = arts_c[0]
    mid = store.move_article(moved, b, reason="belongs there")
    assert _event(store, moved) == b and _count(store, c) == len(arts_c) - 1
    sid, new = store.split_out(arts_b[0], reason="a different happening")
    assert _event(store, arts_b[0]) == new and _count(store, new) == 1
    log = store.corrections(b)
    assert list(log["kind"]) == ["split-out", "move", "merge"] and list(log["reason"])[-1] == "one happening"
    assert log["created"].notna().all() and log["undone"].isna().all()
    assert set(store.pinned(arts_a + [moved])) == set(arts_a + [moved])
    # undo, newest first or not: each puts back what it moved
    store.undo_correction(mid)
    assert _event(store, moved) == c and _count(store, c) == len(arts_c)
    store.undo_correction(cid)
    assert {_event(store, x) for x in arts_a} == {a} and store.resolve_event(a) == (a, None)
    assert _event(store, arts_b[0]) == new            # the split-out still holds
    store.undo_correction(sid)
    assert _event(store, arts_b[0]) == b
    assert store.corrections()["undone"].notna().all()


def test_undoing_the_move_of_an_event_s_last_article_brings_the_event_back(db_url):
    store, events = _store(db_url, n_events=2)
    (a, arts_a), (b, _) = list(events.items())[:2]
    _, alone = store.split_out(arts_a[0], reason="its own happening")
    mid = store.move_article(arts_a[0], b, reason="no, it belongs there")
    assert store.resolve_event(alone)[0] == b                   # emptied: a link to it opens where it went
    store.undo_correction(mid)
    assert _event(store, arts_a[0]) == alone and _count(store, alone) == 1
    assert store.resolve_event(alone) == (alone, None)


def test_corrections_survive_later_analyses_and_ingests(db_url):
    store, events = _store(db_url, 3)
    (a, arts_a), (b, _) = list(events.items())[:2]
    store.move_article(arts_a[0], b, reason="user knows better")
    _, new = store.split_out(arts_a[1])
    # a later import: the same articles' copies under new ids, which the clusterer places next to them
    rows = [json.loads(x) for x in shared_path("data", "corpora", "basil.jsonl").read_text().splitlines()]
    copies = [dict(r, id=f"copy-{r['id']}", outlet="Aggregator") for r in rows if r["id"] in (arts_a[0], arts_a[1])]
    import_text(store, "\n".join(json.dumps(r) for r in copies), "jsonl")
    analyse_new(store, quotes=False)
    assert _event(store, arts_a[0]) == b and _event(store, arts_a[1]) == new


def test_unknown_events_and_bad_corrections_are_named(db_url):
    store, events = _store(db_url, 2)
    (a, arts), (b, _) = list(events.items())[:2]
    assert store.resolve_event("ev-nope") == (None, "Event ev-nope was not found.")
    with pytest.raises(ValueError, match="not found"):
        store.merge_events(a, "ev-nope")
    with pytest.raises(ValueError, match="itself"):
        store.merge_events(a, a)
    with pytest.raises(ValueError, match="already in event"):
        store.move_article(arts[0], a)
    with pytest.raises(ValueError, match="article 'no-such' not found"):
        store.split_out("no-such")
    with pytest.raises(ValueError, match="no correction 999"):
        store.undo_correction(999)


def test_several_articles_split_out_to_one_new_event_and_one_undo_takes_them_back(db_url):
    """A blend of two happenings (on a replay of real feeds, an Iran event held the Geneva talks and the Hormuz
    drills) is split in one step: the chosen articles go out together to one new event, and come back together."""
    store, events = _store(db_url, 2)
    (a, arts_a), (b, arts_b) = list(events.items())[:2]
    assert len(arts_a) >= 3
    chosen = arts_a[:2]
    sid, new = store.split_out(chosen + [chosen[0]], reason="the drills, not the talks")
    assert {_event(store, x) for x in chosen} == {new} and _count(store, new) == 2
    assert _count(store, a) == len(arts_a) - 2 and _event(store, arts_a[2]) == a
    log = store.corrections(new)
    assert list(log["kind"]) == ["split-out"] and sorted(log["articles"].iloc[0]) == sorted(chosen)
    mid = store.move_article([arts_a[2]], b, reason="belongs there")
    assert _event(store, arts_a[2]) == b
    store.undo_correction(mid)
    assert _event(store, arts_a[2]) == a
    store.undo_correction(sid)
    assert {_event(store, x) for x in chosen} == {a} and _count(store, a) == len(arts_a)


def test_articles_of_two_events_are_not_moved_in_one_correction(db_url):
    store, events = _store(db_url, 2)
    (a, arts_a), (b, arts_b) = list(events.items())[:2]
    with pytest.raises(ValueError, match=f"is in event '{b}', not '{a}'"):
        store.split_out([arts_a[0], arts_b[0]])
    with pytest.raises(ValueError, match="no article given"):
        store.move_article([], b)
    assert store.corrections().empty and _event(store, arts_a[0]) == a
