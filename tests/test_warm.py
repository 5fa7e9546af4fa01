"""The server computes every page's first view before anyone asks: at start, and again after an ingest."""
from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest

from core.corpus import import_text
from core.store import Store
from pages import data
from tests.conftest import ROOT
from tests.test_app_pages import app, fresh_caches, small, small_db  # noqa: F401 - fixtures

# What each page's views read from the store. Warming must leave none of them to a visitor.
READS = ("events_df", "event_outlets", "attention", "event_articles", "quotes_df", "reprints_df",
         "speaker_outlet_counts", "lone_speakers", "event_times", "articles_df", "count_filtered", "daily_counts",
         "outlet_volume", "outlet_topics", "outlets_df", "topics", "count_outside")
# Every tab that opens without a choice by the user (the speaker tab waits for a speaker; the import
# tab for a file; feed health is read live, not cached, so that it is never stale).
VIEWS = {"overview": ["Events", "Attention by topic", "Attention by outlet group"],
         "event": ["Side by side", "Timeline", "Reprints", "Data quality"],
         "sources": ["Speakers × outlets", "Heatmap", "Anonymous and official", "Quoted by one outlet only"],
         "timelines": ["Publication times", "First to report", "Lag behind the first"],
         "articles": ["Table", "Over time"], "outlets": ["Profiles"]}


def rows(n: int, start: int = 0) -> str:
    return "\n".join(json.dumps({"id": f"w{i}", "outlet": "TASS", "title": f"Story {i}", "text": "Officials met.",
                                 "published": f"2024-04-{1 + i % 28:02d}T09:00:00Z", "url": f"https://t.example/{i}"})
                     for i in range(start, start + n))


@pytest.mark.parametrize("page", VIEWS)
def test_a_warmed_page_opens_without_reading_the_store(page, small, monkeypatch):
    data.warm(data.store())

    def refuse(*args, **kwargs):
        raise AssertionError("a first view read the store: warm() did not compute it")
    for name in READS:
        monkeypatch.setattr(Store, name, refuse)
    for view in VIEWS[page]:
        at = app(page)
        at.query_params["view"] = view
        at.run()
        assert not at.exception, (view, [e.value for e in at.exception])
        assert not any("No articles yet" in i.value or "match" in i.value for i in at.info)  # not an empty state


@pytest.mark.parametrize("page", ["overview", "articles"])
def test_a_first_filter_on_a_busy_outlet_is_warmed(page, small, monkeypatch):
    s = data.store()
    version = data.warm(s)
    data.warm_filters(s, version)
    busiest = data.profiles(s, version)["name"].iloc[0]

    def refuse(*args, **kwargs):
        raise AssertionError("a one-outlet view read the store: warm_filters() did not compute it")
    for name in READS:
        monkeypatch.setattr(Store, name, refuse)
    at = app(page)
    at.query_params["outlet"] = busiest
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = at.dataframe[0].value
    assert set(shown["outlet" if page == "articles" else "outlets"].str.split(", ").explode()) >= {busiest}


def test_one_failing_read_does_not_stop_the_others(small, monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise RuntimeError("quotes table unreadable")
    monkeypatch.setattr(Store, "speaker_outlet_counts", boom)
    data.warm(data.store())
    assert "warming quote counts failed" in caplog.text
    monkeypatch.setattr(Store, "articles_df", boom)  # warmed after the failure, so it is cached already
    at = app("articles").run()
    assert not at.exception and at.dataframe


@pytest.fixture
def own_store(tmp_path, monkeypatch) -> Store:
    """A store of its own, as the server opens it (FRAMELENS_DB)."""
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "w.sqlite"))
    data.get_store.clear()
    yield Store(str(tmp_path / "w.sqlite"))
    data.get_store.clear()


def test_rewarms_only_after_the_store_changed(own_store, monkeypatch):
    import_text(own_store, rows(3), "jsonl")
    warmed = []
    monkeypatch.setattr(data, "warm", lambda st: warmed.append(data.data_version(st)) or warmed[-1])
    v1 = data._try_warm(None)
    assert data._try_warm(v1) == v1 and len(warmed) == 1  # nothing new: nothing recomputed
    import_text(own_store, rows(1, start=3), "jsonl")
    v2 = data._try_warm(v1)
    assert v2 != v1 and v2[1] == 4 and len(warmed) == 2


def test_rewarms_after_analysis_that_changes_no_count(own_store, monkeypatch):
    # An ingest counts its articles first and saves their quotes later: a visit in between must not keep
    # the quote-less view for good.
    import_text(own_store, rows(3), "jsonl")
    warmed = []
    monkeypatch.setattr(data, "warm", lambda st: warmed.append(data.data_version(st)) or warmed[-1])
    v1 = data._try_warm(None)
    before = own_store.last_updated()
    own_store.save_quotes(["w0"], [{"article_id": "w0", "quote": '"We met."', "quote_start": 0, "quote_end": 9,
                                    "kind": "direct", "speaker": "Ann Lee", "speaker_type": "person"}])
    v2 = data._try_warm(v1)
    assert v2 != v1 and v2[1:4] == v1[1:4] and len(warmed) == 2
    assert own_store.last_updated() >= before and own_store.analysis_mark() is not None


def test_an_unreadable_store_is_logged_not_raised(own_store, monkeypatch, caplog):
    def gone(*args, **kwargs):
        raise OSError("disk I/O error")
    monkeypatch.setattr(Store, "version_marks", gone)   # the read every data version starts with
    assert data._try_warm(("before",)) == ("before",)
    assert "warming the dashboard's caches failed" in caplog.text and "disk I/O error" in caplog.text


def test_a_store_that_cannot_be_opened_does_not_stop_the_server(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("FRAMELENS_DB", "postgresql://nobody@127.0.0.1:1/none")  # nothing listens on port 1
    monkeypatch.setenv("FRAMELENS_REWARM_SECONDS", "0")
    data.get_store.clear()

    async def serve():
        async with data.lifespan(None):
            pass
    asyncio.run(serve())
    assert "warming the dashboard's caches failed" in caplog.text


def test_the_server_start_warms_then_keeps_warm(own_store, monkeypatch):
    import_text(own_store, rows(2), "jsonl")
    monkeypatch.setenv("FRAMELENS_REWARM_SECONDS", "0.05")
    monkeypatch.setenv("FRAMELENS_EXPORT_BROWSER", "0")
    warmed = []
    monkeypatch.setattr(data, "warm", lambda st: warmed.append(data.data_version(st)) or warmed[-1])

    async def serve():
        async with data.lifespan(None):
            assert [v[1] for v in warmed] == [2]  # before the first request is served
            import_text(own_store, rows(1, start=2), "jsonl")  # an ingest while the server runs
            deadline = time.monotonic() + 10
            while len(warmed) < 2 and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
    asyncio.run(serve())
    assert [v[1] for v in warmed] == [2, 3]


@pytest.mark.parametrize("setting, started", [("", True), ("0", False)])
def test_the_export_browser_starts_with_the_server_unless_turned_off(own_store, monkeypatch, setting, started):
    class Exporter:
        calls: list[str] = []

        def warm(self):
            self.calls.append("warm")

        def close(self):
            self.calls.append("close")
    monkeypatch.setenv("FRAMELENS_EXPORT_BROWSER", setting)
    monkeypatch.setenv("FRAMELENS_REWARM_SECONDS", "0")
    monkeypatch.setattr(data, "EXPORTER", Exporter())

    async def serve():
        async with data.lifespan(None):
            deadline = time.monotonic() + 10
            while started and not Exporter.calls and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
    asyncio.run(serve())
    assert Exporter.calls == (["warm", "close"] if started else ["close"])


def test_streamlit_run_serves_the_app_with_its_start_up_step():
    from streamlit.web.server.app_discovery import discover_asgi_app
    found = discover_asgi_app(Path(ROOT / "dashboard.py"))
    assert found.is_asgi_app and found.import_string == "dashboard:app"


def test_rewarm_setting_from_the_environment(monkeypatch):
    from core.config import Settings
    monkeypatch.setenv("FRAMELENS_REWARM_SECONDS", "often")
    with pytest.raises(ValueError, match="FRAMELENS_REWARM_SECONDS must be a number of seconds, not 'often'"):
        Settings.from_env()


def test_the_server_does_not_collect_all_garbage_after_every_run():
    """The warmed caches keep ~190k objects alive at 100k articles; a full collection after each script run
    (Streamlit's default) walked them all while the finished page waited to be sent (.streamlit/config.toml)."""
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", "from streamlit import config; config.get_config_options(force_reparse=True);"
                          " print(config.get_option('runner.postScriptGC'))"], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
