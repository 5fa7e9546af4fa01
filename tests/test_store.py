"""The store: locations, idempotent writes, filtered reads."""
from datetime import datetime, timezone

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
