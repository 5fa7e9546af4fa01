"""What runs after ingest or import: events, quotes and reprints land together and resume after a crash."""
import json

import sqlalchemy as sa

from core.analyse import analyse_new
from core.corpus import import_text
from core.store import Store, articles, events
from tests.conftest import shared_path


def basil_sample(n_events: int = 6) -> str:
    """The first few BASIL events (three outlets each), plus a word-for-word aggregator copy of one article."""
    rows = [json.loads(line) for line in shared_path("data", "corpora", "basil.jsonl").read_text().splitlines()]
    keep = []
    for ev in dict.fromkeys(r["gold_event"] for r in rows):
        keep += [r for r in rows if r["gold_event"] == ev]
        if len({r["gold_event"] for r in keep}) == n_events:
            break
    src = keep[0]
    copy = {**src, "id": "copy-1", "outlet": "Aggregator", "title": "Must read: " + src["title"],
            "published": src["published"][:10] + "T23:00:00+00:00",
            "text": src["text"] + "\n\nSource link\n\nRelated Articles\n\nLeave a Reply"}
    return "\n".join(json.dumps(r) for r in keep + [copy])


def test_analyse_assigns_events_quotes_and_reprints(db_url):
    store = Store(db_url)
    import_text(store, basil_sample(), "jsonl")
    out = analyse_new(store)
    assert out.articles == 19 and out.quotes > 50 and out.reprints == 1
    ev = store.events_df()
    assert ev["n_articles"].sum() == 19
    copy_event = store.articles_df().set_index("id").loc["copy-1", "event_id"]
    row = ev.set_index("id").loc[copy_event]
    assert row["n_reprints"] == 1 and row["n_original_outlets"] == 3 and row["n_outlets"] == 4
    rep = store.reprints_df([copy_event]).iloc[0]
    assert rep["id"] == "copy-1" and "Source link" in " ".join(rep["changes"]["boilerplate_added"])
    assert analyse_new(store).articles == 0  # nothing left to do


def test_orphaned_event_ids_and_missing_quotes_are_redone(db_url):
    store = Store(db_url)
    import_text(store, basil_sample(2), "jsonl")
    analyse_new(store, quotes=False)               # as if a run stopped before its quotes
    with store.engine.begin() as c:                # and an old crash left an event id with no event row
        c.execute(sa.update(articles).where(articles.c.id == "copy-1").values(event_id="ev-ghost"))
    out = analyse_new(store)
    assert out.articles == 1 and out.quotes > 0
    with store.engine.connect() as c:
        ids = {r[0] for r in c.execute(sa.select(articles.c.event_id))}
        known = {r[0] for r in c.execute(sa.select(events.c.id))}
        unquoted = c.execute(sa.select(sa.func.count()).where(articles.c.quoted.is_(False))).scalar_one()
    assert ids <= known and unquoted == 0


def test_speaker_outlet_counts_agree_with_the_quotes(db_url):
    from core.sources import outlet_shares
    store = Store(db_url)
    import_text(store, basil_sample(), "jsonl")
    analyse_new(store)
    q = store.quotes_df()
    pairs = store.speaker_outlet_counts()
    assert pairs["quotes"].sum() == len(q) and pairs["words"].sum() == q["words"].sum()
    shares = outlet_shares(pairs).set_index("outlet")
    for outlet, mine in q.groupby("outlet"):
        row = shares.loc[outlet]
        assert row["quotes"] == len(mine)
        assert row["anonymous"] == (mine["speaker_type"] == "anonymous").sum()
        assert row["official"] == mine["official"].astype(bool).sum()
        assert row["official_share"] == row["official"] / len(mine)
    # Filters apply in SQL: one outlet's pairs are that outlet's quotes only.
    fox = store.speaker_outlet_counts(outlets_in=["Fox News"])
    assert set(fox["outlet"]) == {"Fox News"} and fox["quotes"].sum() == (q["outlet"] == "Fox News").sum()
