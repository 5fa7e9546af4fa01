"""The topic filter applies on every page: every filtered read of the store honours it in SQL."""
from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

from core.models import Article
from core.store import Store


def _store(db_url: str) -> Store:
    s = Store(db_url)
    arts = [Article(id=f"a{i}", outlet=o, title=f"t{i}", text="x", language="en",
                    published=datetime(2024, 4, 1 + i, 12, tzinfo=timezone.utc)) for i, o in enumerate("ABCD")]
    s.add_articles(arts)
    s.set_events({"a0": "e-war", "a1": "e-war", "a2": "e-trade", "a3": "e-none"})
    ev = lambda i, topics: SimpleNamespace(id=i, label=i, terms=[], topics=topics)  # noqa: E731
    s.save_events([ev("e-war", ["Russia–Ukraine war"]), ev("e-trade", ["Trade & tariffs", "Economy & markets"]),
                   ev("e-none", [])], {})
    s.save_quotes(["a0", "a2"], [{"article_id": "a0", "quote": "we will win", "speaker": "X", "speaker_type": "person"},
                                 {"article_id": "a2", "quote": "tariffs hurt", "speaker": "Y", "speaker_type": "person"}])
    return s


def test_every_filtered_read_honours_the_topic_filter(db_url):
    s = _store(db_url)
    war, trade = ("Russia–Ukraine war",), ("Trade & tariffs",)
    assert set(s.articles_df(topics_in=war)["id"]) == {"a0", "a1"}
    assert s.count_filtered(topics_in=trade) == 1 and s.count_filtered() == 4
    assert set(s.daily_counts(topics_in=war)["outlet"]) == {"A", "B"}
    assert list(s.quotes_df(topics_in=trade)["article_id"]) == ["a2"]
    assert list(s.speaker_outlet_counts(topics_in=war)["speaker"]) == ["X"]
    assert list(s.speaker_quotes("Y", topics_in=war)["quote"]) == []
    assert set(s.event_times(topics_in=war)["event_id"]) == {"e-war"}
    assert s.language_counts(topics_in=war) == {"en": 2}
    assert set(s.events_df(topics_in=war + trade)["id"]) == {"e-war", "e-trade"}
    # a topic whose name is the start of another's matches only itself
    assert s.count_filtered(topics_in=("Trade",)) == 0


def test_russia_and_china_match_only_themselves_not_the_war_or_the_strait(db_url):
    # "Russia" is the start of "Russia–Ukraine war", "China" of "China–Taiwan": each name matches only its own events
    s = Store(db_url)
    arts = [Article(id=f"a{i}", outlet="A", title=f"t{i}", text="x", language="en",
                    published=datetime(2024, 4, 1 + i, 12, tzinfo=timezone.utc)) for i in range(4)]
    s.add_articles(arts)
    s.set_events({"a0": "e-war", "a1": "e-russia", "a2": "e-strait", "a3": "e-china"})
    ev = lambda i, topics: SimpleNamespace(id=i, label=i, terms=[], topics=topics)  # noqa: E731
    s.save_events([ev("e-war", ["Russia–Ukraine war"]), ev("e-russia", ["Russia", "China"]),
                   ev("e-strait", ["China–Taiwan"]), ev("e-china", ["China"])], {})
    assert set(s.events_df(topics_in=("Russia",))["id"]) == {"e-russia"}
    assert set(s.events_df(topics_in=("China",))["id"]) == {"e-russia", "e-china"}
    assert set(s.articles_df(topics_in=("Russia–Ukraine war",))["id"]) == {"a0"}
    assert s.count_filtered(topics_in=("China–Taiwan",)) == 1
