"""Full-text search in article text (FTS5 on SQLite, tsvector on PostgreSQL), and editable outlet metadata."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from core.catalog import Outlet
from core.models import Article
from core.search import fts5_query, parse_query, websearch_query
from core.store import Store

TEXTS = {
    "a1": ("TASS", "Shoigu meets Dong", "Russian Defence Minister Sergei Shoigu said the talks in Beijing were frank."),
    "a2": ("Reuters", "Talks in Beijing", "China's defence minister Dong Jun promised support, two sources said."),
    "a3": ("Xinhua", "Cooperation deepens", "The ministers discussed cooperation; Shoigu praised the Café meeting."),
    "a4": ("RT", "Or else", "NATO OR the EU: AND NEAR * ( ) title: nothing here is syntax, 50% of it."),
}


def article(i: str, day: int = 1) -> Article:
    outlet, title, text = TEXTS[i]
    return Article(id=i, outlet=outlet, title=title, text=text, summary="", url=f"https://x.org/{i}",
                   published=datetime(2024, 5, day, 12, tzinfo=timezone.utc))


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    s.add_articles([article("a1", 1), article("a2", 2), article("a3", 3)])
    yield s
    s.dispose()


def found(s: Store, text: str) -> list[str]:
    return sorted(s.articles_df(text=text)["id"])


def test_words_in_the_text_not_only_the_headline(store):
    assert found(store, "frank") == ["a1"]  # only in the body
    assert found(store, "shoigu") == ["a1", "a3"]  # any case
    assert found(store, "Beijing talks") == ["a1", "a2"]  # every word, in any order, title or text
    assert found(store, '"talks in Beijing"') == ["a1", "a2"]
    assert found(store, '"Beijing talks"') == []  # a phrase keeps its order
    assert found(store, "shoigu -frank") == ["a3"]
    assert found(store, "CAFÉ") == ["a3"] and found(store, "cafe") == []  # accents count, on both backends alike


def test_a_new_article_is_searchable_at_once(store):
    store.add_articles([article("a4", 4)])
    assert found(store, "nato") == ["a4"]
    assert store.count_filtered(text="nato") == 1


@pytest.mark.parametrize("typed", ['"unclosed', "NEAR(a b)", "title:nato", "*", ")", "a OR", "AND", "-", '""',
                                   "'; DROP TABLE articles; --", "%", "\x00", "x" * 5000, "é" * 300 + " ü"])
def test_no_typed_query_breaks_the_search(store, typed):
    store.add_articles([article("a4", 4)])
    store.articles_df(text=typed)  # never raises
    assert store.count_articles() == 4


def test_operator_words_are_plain_words(store):
    store.add_articles([article("a4", 4)])
    assert found(store, "or") == ["a4"] and found(store, "near title") == ["a4"] and found(store, "50%") == ["a4"]


def test_punctuation_alone_matches_nothing(store):
    assert found(store, "%") == [] and found(store, "--") == []


def test_filters_combine_with_text_search(store):
    assert store.count_filtered(text="shoigu", outlets_in=["Xinhua"]) == 1
    assert store.count_filtered(text="shoigu", start=datetime(2024, 5, 2, tzinfo=timezone.utc)) == 1
    assert store.daily_counts(text="dong")["articles"].sum() == 2


def test_events_with_a_matching_article(store):
    from types import SimpleNamespace as Event
    store.set_events({"a1": "e1", "a2": "e2", "a3": "e1"})
    store.save_events([Event(id="e1", label="Shoigu", terms=[], topics=[]),
                       Event(id="e2", label="Dong", terms=[], topics=[])], {})
    assert list(store.events_df(text="frank")["id"]) == ["e1"]
    assert sorted(store.events_df(text="said")["id"]) == ["e1", "e2"]


def test_snippets_mark_the_matching_words(store):
    snips = store.snippets(["a1", "a2"], "frank")
    assert list(snips) == ["a1"] and "«frank»" in snips["a1"]


def test_a_store_made_before_the_index_gets_it_filled(db_url):
    s = Store(db_url)
    s.add_articles([article("a1"), article("a2")])
    with s.engine.begin() as c:  # as an older framelens left it: articles, no search index
        if s.dialect == "postgresql":
            c.exec_driver_sql("DROP INDEX ix_articles_fulltext")
        else:
            for name in ("insert", "delete", "update"):
                c.exec_driver_sql(f"DROP TRIGGER articles_fts_{name}")
            c.exec_driver_sql("DROP TABLE articles_fts")
    s.dispose()
    s = Store(db_url)
    assert found(s, "frank") == ["a1"]
    s.add_articles([article("a3")])
    assert found(s, "shoigu") == ["a1", "a3"]
    with s.engine.connect() as c:
        if s.dialect == "postgresql":
            assert c.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_articles_fulltext'").first()
    s.dispose()


def test_postgres_search_uses_the_index(db_url):
    s = Store(db_url)
    if s.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    q = s._filtered([sa.literal_column("1")], text="shoigu").select_from(sa.table("articles"))
    with s.engine.begin() as c:
        c.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(r[0] for r in c.execute(sa.text("EXPLAIN " + str(q.compile(
            s.engine, compile_kwargs={"literal_binds": True})))))
    assert "ix_articles_fulltext" in plan


def test_query_parsing():
    q = parse_query('putin "special military operation" -sputnik -"state media" OR')
    assert q.include == ["putin", "special military operation", "OR"] and q.exclude == ["sputnik", "state media"]
    assert fts5_query(q) == '("putin" AND "special military operation" AND "OR") NOT "sputnik" NOT "state media"'
    assert websearch_query(q) == '"putin" "special military operation" "OR" -"sputnik" -"state media"'
    assert not parse_query("%% -- *") and not parse_query(None)


# -- outlet metadata --------------------------------------------------------------------------------
def test_outlet_metadata_is_set_checked_and_kept_over_a_catalog_reload(db_url):
    s = Store(db_url)
    s.ensure_outlet("Fox News (Online News)")  # as an import leaves it: a name and nothing else
    s.save_outlets([Outlet(name="TASS", feeds=["https://tass.com/rss"], country="RU", ownership="state",
                           groups=["russia", "state media"])])
    got = s.set_outlet_meta("Fox News (Online News)", country="us", ownership="Private", groups="right,  us ,right")
    assert got == {"country": "US", "ownership": "private", "groups": ["right", "us"]}
    s.set_outlet_meta("TASS", groups=["russia", "wire"])
    s.save_outlets([Outlet(name="TASS", feeds=["https://tass.com/rss"], country="RU", ownership="state",
                           groups=["russia", "state media"], homepage="https://tass.com")])
    rows = s.outlets_df().set_index("name")
    assert rows.loc["TASS", "groups"] == ["russia", "wire"] and rows.loc["TASS", "homepage"] == "https://tass.com"
    assert rows.loc["Fox News (Online News)", "groups"] == ["right", "us"]
    for bad, field in [({"country": "USA"}, "country"), ({"ownership": "owned by oligarchs"}, "ownership"),
                       ({"groups": ["x" * 41]}, "groups"), ({"groups": ["a\x00b"]}, "groups"),
                       ({"groups": [f"g{i}" for i in range(21)]}, "groups")]:
        with pytest.raises(ValueError, match=f"^{field}: "):
            s.set_outlet_meta("TASS", **bad)
    with pytest.raises(ValueError, match="no such outlet"):
        s.set_outlet_meta("Nobody", country="US")
    assert s.outlets_df().set_index("name").loc["TASS", "groups"] == ["russia", "wire"]  # a refused edit changes nothing


def test_last_updated_is_the_latest_write(db_url):
    s = Store(db_url)
    assert s.last_updated() is None
    a = article("a1")
    a.first_seen = datetime(2024, 6, 1, 8, tzinfo=timezone.utc)
    s.add_articles([a])
    assert s.last_updated() == datetime(2024, 6, 1, 8, tzinfo=timezone.utc)
    s.record_feed("https://x.org/rss", "TASS", last_fetched=datetime(2024, 6, 2, 9))
    assert s.last_updated() == datetime(2024, 6, 2, 9, tzinfo=timezone.utc)
