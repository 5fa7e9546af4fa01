"""The store: locations, idempotent writes, filtered reads."""
from datetime import datetime, timezone

import pandas as pd

from core.config import resolve_db
from core.models import Article
from core.store import Store


def art(i, outlet="TASS", day=1, title="Shoigu call"):
    return Article(id=f"id{i}", outlet=outlet, title=f"{title} {i}", text="text", summary="s",
                   published=datetime(2024, 4, day, 12, tzinfo=timezone.utc), url=f"https://x.org/{i}")


def test_db_locations(tmp_path, monkeypatch):
    assert resolve_db("sqlite:///x.db") == "sqlite:///x.db"
    assert resolve_db("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_db(str(tmp_path / "a" / "b.sqlite")) == f"sqlite:///{tmp_path}/a/b.sqlite"
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "env.sqlite"))
    assert resolve_db(None).endswith("env.sqlite")
    monkeypatch.delenv("FRAMELENS_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db(None) == f"sqlite:///{tmp_path}/xdg/framelens/framelens.sqlite"


def test_store_is_created_on_first_use_and_writes_are_idempotent(tmp_path):
    path = tmp_path / "new" / "db.sqlite"
    s = Store(str(path))
    assert path.exists()
    assert s.add_articles([art(1), art(2)]) == 2
    assert s.add_articles([art(2), art(3)]) == 1
    assert s.count_articles() == 3
    # What is stored is never overwritten by a later copy of the same id.
    changed = art(1, title="Changed")
    s.add_articles([changed])
    assert s.articles_df().set_index("id").loc["id1", "title"] == "Shoigu call 1"


def test_an_older_store_gets_the_indexes_added_since(tmp_path):
    import sqlalchemy as sa
    path = tmp_path / "old.sqlite"
    s = Store(str(path))
    with s.engine.begin() as c:
        c.exec_driver_sql("DROP INDEX ix_events_rank")
    s.dispose()
    reopened = Store(str(path))
    with reopened.engine.connect() as c:
        assert "ix_events_rank" in {ix["name"] for ix in sa.inspect(c).get_indexes("events")}


def test_event_outlets_for_every_event_or_for_some(tmp_path):
    s = Store(str(tmp_path / "db.sqlite"))
    s.add_articles([art(1, "TASS"), art(2, "RT"), art(3, "RT"), art(4, "Xinhua")])
    s.set_events({"id1": "e1", "id2": "e1", "id3": "e1", "id4": "e2"})
    every = s.event_outlets()
    assert sorted(zip(every["event_id"], every["outlet"], every["articles"])) == [
        ("e1", "RT", 2), ("e1", "TASS", 1), ("e2", "Xinhua", 1)]
    assert list(s.event_outlets(["e2"])["outlet"]) == ["Xinhua"]


def test_filters_run_in_sql(db_url):
    s = Store(db_url)
    s.add_articles([art(1, "TASS", 1), art(2, "RT", 2), art(3, "RT", 3, title="Tariffs")])
    assert s.count_filtered() == 3  # no filter at all still counts the articles table
    assert s.count_filtered(outlets_in=["RT"]) == 2
    assert s.count_filtered(start=datetime(2024, 4, 2, tzinfo=timezone.utc)) == 2
    assert s.count_filtered(end=datetime(2024, 4, 2, tzinfo=timezone.utc)) == 1
    assert s.count_filtered(search="tariff") == 1
    assert s.count_filtered(search="'; DROP TABLE articles; --") == 0 and s.count_articles() == 3
    daily = s.daily_counts()
    assert daily["articles"].sum() == 3 and set(daily["outlet"]) == {"TASS", "RT"}
    lo, hi = s.date_bounds()
    assert lo.day == 1 and hi.day == 3 and lo.tzinfo is not None
    assert list(s.articles_df()["id"]) == ["id3", "id2", "id1"]


def _old_store(db_url: str) -> None:
    """Build a store with framelens 0.1.0's schema (frozen DDL in tests/data) and a little of each kind of data."""
    import sqlalchemy as sa
    from conftest import ROOT
    engine = sa.create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    ddl = (ROOT / "tests" / "data" / f"schema-0.1.0.{engine.dialect.name}.sql").read_text()
    ddl = "\n".join(line for line in ddl.splitlines() if not line.startswith("--"))
    with engine.begin() as c:
        for stmt in filter(str.strip, ddl.split(";")):
            c.exec_driver_sql(stmt)
        c.exec_driver_sql("INSERT INTO outlets (name, groups) VALUES ('TASS', '[\"russia\"]')")
        c.exec_driver_sql(
            "INSERT INTO articles (id, outlet, title, text, published, event_id, quoted, origin, text_status) "
            "VALUES ('old1', 'TASS', 'Shoigu call', 'Shoigu spoke to Dong.', '2024-01-31 12:00:00', 'e1', TRUE, "
            "'feed', 'ok')")
        c.exec_driver_sql("INSERT INTO events (id, label, topics, n_articles, n_outlets, n_original_outlets) "
                          "VALUES ('e1', 'Shoigu call', '[]', 1, 1, 1)")
        c.exec_driver_sql("INSERT INTO quotes (article_id, n, quote, speaker, canonical_speaker, words, official) "
                          "VALUES ('old1', 0, 'We stand together', 'Dong', 'Dong Jun', 3, FALSE)")
        c.exec_driver_sql("INSERT INTO feeds (url, outlet, etag) VALUES ('https://tass.com/rss/v2.xml', 'TASS', 'x')")
    engine.dispose()


def test_a_store_made_by_release_0_1_0_opens_and_keeps_its_data(db_url):
    import sqlalchemy as sa
    from core.store import SCHEMA_VERSION, metadata
    if "://" in db_url:  # PostgreSQL: start from an empty database, as the old release would have
        engine = sa.create_engine(db_url)
        with engine.begin() as c:
            c.exec_driver_sql("DROP TABLE IF EXISTS " + ", ".join(t.name for t in metadata.sorted_tables) + " CASCADE")
        engine.dispose()
    _old_store(db_url)
    s = Store(db_url)
    assert s.schema_version() == SCHEMA_VERSION
    assert s.count_articles() == 1 and s.count_events() == 1
    assert s.articles_df().loc[0, "title"] == "Shoigu call"
    assert list(s.quotes_df()["canonical_speaker"]) == ["Dong Jun"]
    assert s.feed_state()["https://tass.com/rss/v2.xml"]["etag"] == "x"
    # Every column this release declares exists now, and new writes work beside the old rows.
    with s.engine.connect() as c:
        insp = sa.inspect(c)
        for t in metadata.sorted_tables:
            assert {col.name for col in t.columns} <= {col["name"] for col in insp.get_columns(t.name)}, t.name
    assert s.add_articles([art(1)]) == 1 and s.count_articles() == 2
    s.dispose()
    assert Store(db_url).schema_version() == SCHEMA_VERSION  # and it opens again, unchanged


def test_upgrading_a_store_reads_its_feed_midnights_as_dates(db_url):
    import sqlalchemy as sa
    from core.store import articles, store_meta
    s = Store(db_url)
    rows = [(1, "feed", 0), (2, "feed", 12), (3, "first-seen", 0), (4, "import", 0)]
    s.add_articles([art(i) for i, _, _ in rows])
    with s.engine.begin() as c:   # as schema 4 stored them: a feed's "00:00:00 GMT" was an exact time
        for i, source, hour in rows:
            c.execute(sa.update(articles).where(articles.c.id == f"id{i}").values(
                published=datetime(2024, 4, 1, hour, tzinfo=timezone.utc), date_source=source, date_precision="exact"))
        c.execute(sa.update(store_meta).where(store_meta.c.key == "schema_version").values(value="4"))
    s.dispose()
    df = Store(db_url).articles_df().set_index("id")
    assert df["date_precision"].to_dict() == {"id1": "date", "id2": "exact", "id3": "exact", "id4": "date"}
    assert len(df) == 4 and df.loc["id1", "published"].hour == 0


def test_upgrading_a_store_dates_its_events_by_their_reports_with_a_day(db_url):
    import json

    import sqlalchemy as sa
    from core.analyse import analyse_new
    from core.corpus import import_text
    from core.store import events, store_meta
    text = "Alexei Navalny died in an Arctic penal colony, Russia's prison service said on Friday. He was 47."
    rows = [{"id": f"n{i}", "outlet": o, "published": p, "title": "Alexei Navalny dies in prison", "text": text}
            for i, (o, p) in enumerate([("RT", "2024-02-16"), ("TASS", "2024-02-17"), ("boorsee", "2024")])]
    s = Store(db_url)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s, quotes=False)
    with s.engine.begin() as c:   # as schema 5 stored it: the year-only report dated the event 1 January
        c.execute(sa.update(events).values(first_published=datetime(2024, 1, 1)))
        c.execute(sa.update(store_meta).where(store_meta.c.key == "schema_version").values(value="5"))
    s.dispose()
    ev = Store(db_url).events_df(limit=None)
    assert len(ev) == 1 and str(ev["first_published"].iloc[0].date()) == "2024-02-16"
    assert str(ev["last_published"].iloc[0].date()) == "2024-02-17"


def test_schema_7_quotes_again_the_articles_whose_quote_ends_where_their_text_does(db_url):
    """Quotes now say when their words run into the end of a text cut mid-sentence (a feed's excerpt); a store
    written before has no mark, so the articles that may hold such a row are quoted again by the next analyse,
    and the rest keep their rows."""
    import json

    import sqlalchemy as sa
    from core.analyse import analyse_new
    from core.corpus import import_text
    from core.store import articles, store_meta
    cut = "Jens Stoltenberg recently described China as a challenge, and he said that the alliance must"
    whole = 'The minister spoke on Monday. "We will not change course," the minister said at the meeting.'
    rows = [{"id": "cut", "outlet": "RT", "title": "NATO chief on China", "text": cut},
            {"id": "whole", "outlet": "TASS", "title": "Minister speaks", "text": whole}]
    s = Store(db_url)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s)
    got = s.quotes_df().groupby("article_id")["cut_off"].apply(lambda v: v.astype(bool).any())
    assert got.to_dict() == {"cut": True, "whole": False}
    with s.engine.begin() as c:   # as schema 6 stored them: no mark, every article quoted
        c.execute(sa.text("UPDATE quotes SET cut_off = NULL"))
        c.execute(sa.update(store_meta).where(store_meta.c.key == "schema_version").values(value="6"))
    s.dispose()
    s = Store(db_url)
    with s.engine.connect() as c:
        quoted = dict(c.execute(sa.select(articles.c.id, articles.c.quoted)).all())
    assert quoted == {"cut": False, "whole": True}
    analyse_new(s)
    again = s.quotes_df()
    assert again.loc[again["article_id"] == "cut", "cut_off"].astype(bool).any()


def test_a_store_from_a_newer_release_is_refused_with_a_reason(tmp_path):
    import pytest
    import sqlalchemy as sa
    s = Store(str(tmp_path / "db.sqlite"))
    with s.engine.begin() as c:
        c.execute(sa.text("UPDATE store_meta SET value = '999' WHERE key = 'schema_version'"))
    s.dispose()
    with pytest.raises(RuntimeError, match="newer framelens"):
        Store(str(tmp_path / "db.sqlite"))


def test_search_treats_percent_underscore_and_backslash_as_themselves(db_url):
    s = Store(db_url)
    titles = ["Inflation at 5% in May", "Profits up 50 per cent", "snake_case naming", "snakes and ladders",
              r"A back\slash", "A backslash"]
    s.add_articles([art(i + 1, "TASS", 1, title=t) for i, t in enumerate(titles)])
    for query, expected in (("%", {titles[0]}), ("5%", {titles[0]}), ("_", {titles[2]}), ("e_c", {titles[2]}),
                            ("\\", {titles[4]}), ("k\\s", {titles[4]}), ("50", {titles[1]})):
        got = {t.rsplit(" ", 1)[0] for t in s.articles_df(search=query)["title"]}   # art() numbers the titles
        assert got == expected, (query, got)
        assert s.count_filtered(search=query) == len(expected)


def test_event_rows_stay_consistent_with_their_articles(db_url):
    """An event whose articles all move elsewhere is deleted in the same transaction as the move; an event
    row left empty by an older or interrupted analysis is removed by repair_events (run by every analysis)."""
    import sqlalchemy as sa
    from types import SimpleNamespace
    from core.store import events
    s = Store(db_url)
    s.add_articles([art(1), art(2), art(3)])
    ev = lambda i: SimpleNamespace(id=i, label=i, terms=[], topics=[])  # noqa: E731
    s.save_clustering({"id1": "e1", "id2": "e1", "id3": "e2"}, [ev("e1"), ev("e2")], {})
    s.save_clustering({"id1": "e2", "id2": "e2"}, [ev("e1"), ev("e2")], {})   # e1 emptied by a split
    assert list(s.events_df()["id"]) == ["e2"] and s.events_df()["n_articles"].iloc[0] == 3
    with s.engine.begin() as c:
        c.execute(sa.insert(events).values(id="ghost", label="Left behind", terms="[]", topics="[]"))
    assert s.count_events() == 2
    assert s.repair_events() == 1 and list(s.events_df()["id"]) == ["e2"]


def test_rows_of_an_older_store_get_a_date_precision(db_url):
    import sqlalchemy as sa
    from core.store import metadata
    if "://" in db_url:
        engine = sa.create_engine(db_url)
        with engine.begin() as c:
            c.exec_driver_sql("DROP TABLE IF EXISTS " + ", ".join(t.name for t in metadata.sorted_tables) + " CASCADE")
        engine.dispose()
    _old_store(db_url)
    engine = sa.create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with engine.begin() as c:
        for aid, published, source in (("imp-day", "'2024-05-16 00:00:00'", "'import'"),
                                       ("imp-time", "'2024-05-16 09:12:00'", "'import'"),
                                       ("imp-none", "NULL", "'unknown'")):
            c.exec_driver_sql("INSERT INTO articles (id, outlet, title, published, date_source, origin, quoted) "
                              f"VALUES ('{aid}', 'TASS', 't', {published}, {source}, 'import', FALSE)")
    engine.dispose()
    df = Store(db_url).articles_df().set_index("id")
    assert df["date_precision"].to_dict() == {"old1": "exact", "imp-day": "date", "imp-time": "exact",
                                              "imp-none": "none"}
    assert df.loc["imp-none", "date_source"] == "import" and df.loc["old1", "published"].hour == 12


def test_event_times_say_whether_each_first_report_has_a_time(db_url):
    from datetime import timedelta
    s = Store(db_url)
    day = datetime(2024, 4, 1, tzinfo=timezone.utc)
    rows = [Article(id="t1", outlet="TASS", title="a", published=day + timedelta(hours=9), date_precision="exact"),
            Article(id="r1", outlet="RT", title="b", published=day, date_precision="date"),          # a day, no time
            Article(id="r2", outlet="RT", title="c", published=day + timedelta(hours=20), date_precision="exact"),
            Article(id="x1", outlet="Xinhua", title="d", published=datetime(2024, 1, 1, tzinfo=timezone.utc),
                    date_precision="year"),                                                        # no order at all
            Article(id="b1", outlet="BBC", title="e", published=None, date_precision="none")]
    s.add_articles(rows)
    s.set_events({a.id: "e1" for a in rows})
    times = s.event_times().set_index("outlet")
    # Xinhua (a year) and BBC (no date) give no order, but they covered the event and may have been first
    assert set(times.index) == {"TASS", "RT", "Xinhua", "BBC"}
    assert times.loc[["Xinhua", "BBC"], "first"].isna().all()
    assert set(times.loc[["Xinhua", "BBC"], "date_precision"]) == {"none"}
    assert times.loc["TASS", "date_precision"] == "exact" and times.loc["TASS", "first"].hour == 9
    # RT's first report is the date-only one: on the day, no time, so no lag in hours can be had from it
    assert times.loc["RT", "date_precision"] == "date" and times.loc["RT", "first"].hour == 0
    assert not times["seen"].any()
    # an outlet with a report dated only by when it was first seen is marked: that time is no time to rank by
    s.add_articles([Article(id="u1", outlet="UNN", title="f", published=day + timedelta(days=900), date_precision="exact",
                            date_source="first-seen", date_flag="missing")])
    s.set_events({"u1": "e1"})
    times = s.event_times().set_index("outlet")
    assert times.loc["UNN", "seen"] and not times.loc["TASS", "seen"]
    # an undated report of TASS's, seen later, leaves its dated first report but may be older than it
    s.add_articles([Article(id="t2", outlet="TASS", title="g", published=day + timedelta(days=3), date_precision="exact",
                            date_source="first-seen", date_flag="missing")])
    s.set_events({"t2": "e1"})
    times = s.event_times().set_index("outlet")
    assert times.loc["TASS", "unbounded"] and not times.loc["TASS", "seen"] and times.loc["TASS", "first"].hour == 9
    assert s.event_first_seen() == {"e1": pd.Timestamp(day + timedelta(days=3))}


def test_version_marks_are_the_dashboards_six_reads_in_one(db_url):
    from core.analyse import analyse_new
    s = Store(db_url)

    def six():
        return (s.count_articles(), s.date_bounds()[1], s.count_events(), s.outlets_edited(), s.corrections_mark(),
                s.analysis_mark())

    assert s.version_marks() == six() == (0, None, 0, None, (0, 0), None)
    s.add_articles([art(1, "TASS", 1), art(2, "RT", 2),
                    art(3, "Xinhua", 25, title="Steel tariffs raised by Washington")])
    analyse_new(s, quotes=False)
    seen = [s.version_marks()]
    assert seen[-1] == six() and seen[-1][0] == 3 and seen[-1][1].day == 25 and seen[-1][5] is not None
    s.ensure_outlet("RT")
    s.set_outlet_meta("RT", groups="state media")
    seen.append(s.version_marks())
    events = list(s.events_df(limit=None)["id"])
    assert len(events) > 1
    fix = s.merge_events(events[1], events[0])   # a user's merge, then its undo: each moves the corrections mark
    seen.append(s.version_marks())
    s.undo_correction(fix)
    seen.append(s.version_marks())
    assert seen[-1] == six()
    assert len(set(seen)) == len(seen)  # every change above changed the marks
