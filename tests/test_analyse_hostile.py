"""Analysis never stops on one article: each step reads at most its size cap of a text, and a step that
fails on an article is recorded on that article (analysis_notes) and not started on it again."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from core import analyse as analyse_mod
from core.analyse import analyse_new
from core.config import Settings
from core.models import Article
from core.store import Store

PARA = ('"We will not accept this," Finance Minister Anna Berg told reporters on Tuesday, adding that the budget '
        "would be cut by a third. ")


def art(i: int, text: str = PARA * 3, day: int = 2, outlet: str = "TASS", year: int = 2024) -> Article:
    return Article(id=f"h{i}", outlet=outlet, title=f"Budget cut announced {i}", text=text, text_status="ok",
                   published=datetime(year, 4, day, 12, tzinfo=timezone.utc), url=f"https://x.org/{i}")


def notes(store: Store) -> dict[str, str]:
    df = store.articles_df(limit=None)
    return {r.id: r.analysis_notes for r in df.itertuples() if isinstance(r.analysis_notes, str)}


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(str(tmp_path / "a.sqlite"))


def test_a_huge_text_is_read_only_up_to_each_steps_cap(store, monkeypatch):
    seen = []
    real = analyse_mod.EventClusterer.add

    def add(self, a):
        seen.append(len(a["text"]))
        return real(self, a)
    monkeypatch.setattr(analyse_mod.EventClusterer, "add", add)
    store.add_articles([art(1, PARA * 12_000), art(2)])   # 1.4 M characters, under the store's cap
    s = Settings(events_max_chars=5_000, quotes_max_chars=20_000)
    out = analyse_new(store, settings=s)
    assert max(seen) == 5_000 and out.failed == 0
    assert notes(store) == {"h1": f"quotes: only the first 20,000 of {len(PARA) * 12_000:,} characters"}
    quoted = store.quotes_df()
    assert set(quoted["article_id"]) == {"h1", "h2"} and quoted["quote_end"].max() <= 20_000
    assert store.unquoted() == []


def test_a_quote_extraction_that_fails_is_recorded_and_not_tried_again(store, monkeypatch):
    from core import quotes
    calls = []
    real = quotes.extract_quotes

    def extract(items, *a, **k):
        ids = [x["id"] for x in items]
        calls.append(ids)
        if "h2" in ids:
            raise RecursionError("maximum recursion depth exceeded")
        return real(items, *a, **k)
    monkeypatch.setattr(quotes, "extract_quotes", extract)
    store.add_articles([art(1), art(2), art(3)])
    out = analyse_new(store)
    assert out.failed == 1 and "1 article steps failed" in out.line()
    assert notes(store) == {"h2": "quotes: failed (RecursionError: maximum recursion depth exceeded)"}
    assert set(store.quotes_df()["article_id"]) == {"h1", "h3"}
    calls.clear()
    analyse_new(store)
    assert calls == []            # nothing left to extract: the failed article is done, with its note


def test_an_article_that_breaks_clustering_is_recorded_and_the_rest_clustered(store, monkeypatch):
    real = analyse_mod.EventClusterer.add

    def add(self, a):
        if a["id"] == "h2":
            raise ValueError("array must not contain infs or NaNs")
        return real(self, a)
    monkeypatch.setattr(analyse_mod.EventClusterer, "add", add)
    store.add_articles([art(1), art(2), art(3, outlet="RT")])
    out = analyse_new(store, quotes=False)
    assert out.failed == 1
    events = {a["id"]: a["event_id"] for a in store.clustered_since(None)}
    assert set(events) == {"h1", "h3"}
    assert notes(store)["h2"].startswith("events: failed (ValueError: array must not contain")
    assert [a["id"] for a in store.unclustered()] == []          # not started on again
    assert analyse_new(store, quotes=False).articles == 0


def test_a_reprint_check_that_fails_stays_with_its_event(store, monkeypatch):
    from core import reprints
    real = reprints.find_reprints

    def find(arts, *a, **k):
        if any(x["id"] == "h9" for x in arts):
            raise MemoryError("too many shingles")
        return real(arts, *a, **k)
    monkeypatch.setattr(reprints, "find_reprints", find)
    store.add_articles([art(1), art(2, outlet="RT"), art(9, text="A different story about floods in the north. " * 20,
                                                          day=20)])
    out = analyse_new(store, quotes=False)
    noted = notes(store)
    assert set(noted) == {"h9"} and noted["h9"].startswith("reprints: failed (MemoryError")
    assert out.failed == 1


def test_an_article_dated_year_1_does_not_stop_the_analysis(store):
    store.add_articles([art(1), art(2, year=1), art(3, outlet="RT")])
    out = analyse_new(store, quotes=False)
    assert out.articles == 3
    placed = {a["id"] for a in store.clustered_since(None)}
    assert {"h1", "h3"} <= placed and ("h2" in placed or notes(store)["h2"].startswith("events: failed"))
