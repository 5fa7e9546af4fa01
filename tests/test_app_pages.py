"""Every dashboard page's logic through Streamlit's AppTest (no browser): empty stores, URL parameters, filters."""
from __future__ import annotations

import json
import pandas as pd

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core.analyse import analyse_new
from core.corpus import import_text
from core.sources import speaker_label
from core.store import Store
from pages import data
from tests.conftest import ROOT, event_of, served, shared_path  # noqa: F401 - event_of: for the other app tests

APP = str(ROOT / "dashboard.py")
PAGES = ["overview", "event", "sources", "timelines", "articles", "outlets"]
LONE_TITLE = "Volcanic eruption closes Reykjanes peninsula lagoon"


def app(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page(f"pages/{page}.py")
    return at


def opened(page: str, params: dict) -> AppTest:
    """The page run once with these URL query parameters, as a shared link opens it."""
    at = app(page)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test starts from cold page caches, as a fresh server would."""
    st.cache_data.clear()
    data.coverage.clear()
    yield
    st.cache_data.clear()
    data.coverage.clear()


def basil_rows(n_events: int) -> list[dict]:
    """The first `n_events` BASIL events, each reported by Fox News, the New York Times and HuffPost."""
    rows = [json.loads(line) for line in shared_path("data", "corpora", "basil.jsonl").read_text().splitlines()]
    keep = sorted({r["gold_event"] for r in rows})[:n_events]
    return [{k: r[k] for k in ("id", "outlet", "title", "text", "published", "url")}
            for r in rows if r["gold_event"] in keep]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> str:
    """Three BASIL events (three outlets each) plus one event a single outlet reported; analysed."""
    db = str(tmp_path_factory.mktemp("pages") / "small.sqlite")
    s = Store(db)
    rows = basil_rows(3) + [{
        "id": "lone-1", "outlet": "Iceland Review", "title": LONE_TITLE, "published": "2024-01-14T08:00:00Z",
        "url": "https://www.icelandreview.com/news/lone-1",
        "text": "Lava reached the edge of the fishing town of Grindavik on Sunday, the Icelandic Meteorological "
                "Office said. \"The town is not safe,\" civil protection chief Vidir Reynisson told RUV. "
                "Residents had been evacuated in November; the Blue Lagoon spa closed again."}]
    res = import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    assert res.valid == len(rows) and not res.errors
    analyse_new(s)
    s.dispose()
    return db


@pytest.fixture
def small(small_db, monkeypatch) -> Store:
    yield from served(small_db, monkeypatch)


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


# -- empty store ----------------------------------------------------------------------------------
@pytest.mark.parametrize("page", PAGES)
def test_empty_store_shows_the_empty_state(page, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "empty.sqlite"))
    at = app(page).run()
    assert not at.exception
    if page == "outlets":
        assert at.button(key="fetch_now_outlets")
        # A link to the tab opens a new session (once a session has run, its own choice of view wins).
        assert "No feeds fetched yet." in texts(opened("outlets", {"view": "Feed health"}).caption)
    else:
        assert "No articles yet" in at.info[0].value
        assert at.button(key="fetch_now")
    assert not at.sidebar.multiselect  # no filters to offer before there is anything to filter


# -- every page renders on a small analysed store -------------------------------------------------
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_on_a_small_store(page, small):
    at = app(page).run()
    assert not at.exception
    assert at.title[0].value == {"overview": "Overview", "event": "Event", "sources": "Named sources",
                                 "timelines": "Timelines", "articles": "Articles", "outlets": "Outlets"}[page]
    assert at.sidebar.multiselect(key="f_outlets").options == sorted(small.outlets_df()["name"])


# -- Overview ------------------------------------------------------------------------------------
def test_overview_lists_events_by_breadth(small):
    at = app("overview").run()
    n = small.count_events()
    assert at.caption[0].value.startswith(f"{n} events")
    table = at.dataframe[0].value
    assert len(table) == n
    assert list(table["outlets reporting"]) == sorted(table["outlets reporting"], reverse=True)
    assert table["outlets reporting"].iloc[0] == 3 and table["outlets reporting"].iloc[-1] == 1


def test_overview_table_draws_the_broadest_events_and_the_caption_says_so(small, monkeypatch):
    monkeypatch.setattr(data, "TABLE_ROWS", 2)
    at = app("overview").run()
    n = small.count_events()
    assert f"The table shows the 2 broadest; the CSV below holds all {n}." in at.caption[0].value
    table = at.dataframe[0].value
    assert len(table) == 2 and list(table["outlets reporting"]) == [3, 3]


def test_overview_names_each_events_outlets_and_blind_spots(small):
    """The Overview reads both columns from one per-version table of every event's coverage; they must
    say what the event's own articles say, filtered or not."""
    from core.coverage import blind_spots, original_outlets
    ids = list(small.events_df()["id"])
    pairs = small.event_outlets(ids)
    orig = original_outlets(pairs, small.event_families(ids))     # each family of derived articles once
    spots = blind_spots(pairs, small.outlets_df(), orig)
    for params in ({}, {"outlet": "Fox News"}):
        table = opened("overview", params).dataframe[0].value.set_index("id")
        assert len(table) and set(table.index) <= set(ids)
        if params:  # every event listed has a Fox News article, and its other outlets are still named
            assert set(table.index) <= set(pairs.loc[pairs["outlet"] == "Fox News", "event_id"])
            assert any(o != "Fox News" for v in table["outlets"] for o in v.split(", "))
        for e, row in table.iterrows():
            assert row["outlets"] == ", ".join(orig.get(e, ()))
            assert row["groups that did not report it"] == ", ".join(spots[e])


def test_overview_states_each_first_report_with_its_precision(small):
    """A day without a time is shown as a day, never as 00:00; a time to the minute."""
    table = app("overview").run().dataframe[0].value
    shown = dict(zip(table["event"], table["first report (UTC)"]))
    assert shown[LONE_TITLE] == "2024-01-14 08:00"
    days = {a.event_id: a.published for a in small.articles_df().itertuples() if a.date_precision == "date"}
    assert days and all(v.endswith("(date only)") or v[-5:-3].isdigit() for v in shown.values())
    assert all(v != "None" and "00:00" not in v for v in shown.values())


def test_overview_first_report_is_no_new_year_from_a_year_only_date(tmp_path, monkeypatch):
    """An event with a report dated only "2024" (stored at 1 January, 00:00) was listed as first reported on
    "2024-01-01 (date only)": realworld's Navalny death (16 February) and Prigozhin crash (23 August) read so."""
    text = ("Russian opposition leader Alexei Navalny has died in an Arctic prison colony, the Federal Penitentiary "
            "Service said on Friday. Navalny, 47, felt unwell after a walk and lost consciousness.")
    rows = [{"id": "day-1", "outlet": "Wire A", "title": "Alexei Navalny dies in Arctic prison colony", "text": text,
             "published": "2024-02-16", "url": "https://a.example/1"},
            {"id": "year-1", "outlet": "Site B", "title": "Alexei Navalny dies in Arctic prison colony", "text": text,
             "published": "2024", "url": "https://b.example/1"}]
    db = str(tmp_path / "year.sqlite")
    s = Store(db)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s, quotes=False)
    day, year = (a for a in sorted(s.articles_df().itertuples(), key=lambda a: a.id))
    assert year.date_precision == "year"
    if day.event_id != year.event_id:   # one event either way: a reader's correction puts them together
        s.move_article(year.id, day.event_id, "test")
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    table = app("overview").run().dataframe[0].value
    assert list(table["first report (UTC)"]) == ["2024-02-16 (date only)"]   # as the Event page orders it


def test_overview_first_report_of_an_event_dated_only_by_its_year_says_so(tmp_path, monkeypatch):
    text = "Residents of a coastal town held a festival on the beach, the organisers said, and thousands came."
    rows = [{"id": f"year-{i}", "outlet": f"Site {i}", "title": "Coastal town holds beach festival", "text": text,
             "published": "2019", "url": f"https://s{i}.example/1"} for i in range(2)]
    db = str(tmp_path / "years.sqlite")
    s = Store(db)
    import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    analyse_new(s, quotes=False)
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    table = app("overview").run().dataframe[0].value
    assert list(table["first report (UTC)"]) == ["no day given (year 2019 only)"]


def test_overview_says_which_events_rest_on_feed_summaries(site, tmp_path, monkeypatch):
    """An ingest that read no pages (every article a feed's sentence or two) makes events the Overview marks for
    checking, as the Event page does: on a replay of 26 real feeds such events joined a week of Iran stories."""
    from core.catalog import Outlet
    from core.config import Settings
    from core.ingest import run_ingest
    item = ("<item><title>Earthquake of magnitude 6.1 strikes off Hualien, Taiwan</title><link>{base}/{o}/quake"
            "</link><pubDate>Wed, 03 Apr 2024 0{i}:00:00 GMT</pubDate><description>An earthquake of magnitude 6.1 "
            "struck off Hualien county in eastern Taiwan on Wednesday, the weather agency said.</description></item>")
    for i, o in enumerate(("a", "b")):
        site.add(f"/{o}.xml", ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
                               + item.format(base=site.base, o=o, i=i) + "</channel></rss>").encode())
    db = str(tmp_path / "summaries.sqlite")
    s = Store(db)
    run_ingest(s, [Outlet("Wire A", [site.base + "/a.xml"]), Outlet("Paper B", [site.base + "/b.xml"])],
               Settings(timeout=1.0, retries=1, backoff=0.05, allow_private=True, fetch_pages=False))
    analyse_new(s, quotes=False)
    assert s.count_articles() == 2 and s.articles_df()["event_id"].nunique() == 1
    assert s.mostly_summary_events() == set(s.articles_df()["event_id"])   # the Timelines name no first in it
    s.dispose()
    monkeypatch.setenv("FRAMELENS_DB", db)
    table = app("overview").run().dataframe[0].value
    assert list(table["check"]) == ["feed summaries only: 2 of 2; may join stories"]
    assert list(table["first report (UTC)"]) == ["none named (feed summaries)"]   # as the Event page says


def test_overview_check_column_is_empty_for_events_of_read_pages(small):
    table = app("overview").run().dataframe[0].value
    assert set(table["check"]) == {""}


def test_counts_of_one_read_in_the_singular(small):
    at = opened("event", {"event": event_of(small, "lone-1")})
    assert "1 article from 1 outlet reporting originally" in [c.value for c in at.caption]
    at = opened("overview", {"outlet": "Iceland Review"})
    assert at.caption[0].value.startswith("1 event. Breadth counts")


def test_overview_outlet_filter_from_the_url(small):
    at = opened("overview", {"outlet": "Iceland Review"})
    assert not at.exception
    assert at.sidebar.multiselect(key="f_outlets").value == ["Iceland Review"]
    assert list(at.dataframe[0].value["event"]) == [small.events_df().set_index("id").loc[event_of(small, "lone-1"), "label"]]


def test_overview_topic_filter_narrows_events(small):
    topics = small.topics()
    if not topics:
        pytest.skip("no topics assigned to the small store's events")
    topic = topics[0]
    expected = len(small.events_df(topics_in=[topic]))
    at = app("overview").run()
    before = len(at.dataframe[0].value)
    at.sidebar.multiselect(key="f_topics").select(topic).run()
    assert not at.exception
    assert at.query_params["topic"] in (topic, [topic])
    assert len(at.dataframe[0].value) == expected <= before


def test_overview_opens_the_tab_named_in_the_url(small):
    at = app("overview").run()
    assert at.dataframe and not at.get("plotly_chart")  # first render: the table alone
    at = opened("overview", {"view": "Attention by outlet group"})
    assert not at.exception
    assert not at.dataframe  # only the open tab runs
    (chart,) = at.get("plotly_chart")
    assert "outlet group" in json.loads(chart.proto.spec)["layout"]["title"]["text"]


def test_overview_filter_matching_nothing_says_so(small):
    at = app("overview").run()
    at.sidebar.text_input(key="f_q").input("zzzz no such headline zzzz").run()
    assert not at.exception
    assert "No events match these filters" in at.info[0].value


# -- Event ---------------------------------------------------------------------------------------
def test_event_from_the_url(small):
    eid = small.events_df().iloc[0]["id"]
    at = opened("event", {"event": eid})
    assert not at.exception
    assert at.selectbox(key="event_pick").value == eid
    assert "from 3 outlets reporting originally" in at.caption[0].value
    assert {"Fox News", "New York Times", "HuffPost"} <= {m.value.lstrip("#").strip().replace("\\", "")
                                                          for m in at.markdown if m.value.startswith("####")}


def test_event_timing_never_names_a_first_among_date_only_reports(small):
    # BASIL gives dates without times: the three outlets are a tie on their day, and no lag is in hours
    eid = small.events_df().iloc[0]["id"]
    at = opened("event", {"event": eid})
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("reported on ") for c in captions)
    assert not any("first to report" in c for c in captions)
    assert any("(date only, no time given)" in c for c in captions)


@pytest.mark.parametrize("view, shows", [
    ("Timeline", lambda at: at.get("vega_lite_chart")),
    ("Data quality", lambda at: at.dataframe),
    ("Reprints", lambda at: "No article in this event is a reprint" in texts(at.info))])
def test_event_tabs_open_from_the_url(small, view, shows):
    eid = small.events_df().iloc[0]["id"]
    at = opened("event", {"event": eid, "view": view})
    assert not at.exception
    assert shows(at)
    assert not [m for m in at.markdown if m.value.startswith("####")]  # the side-by-side tab did not run
    if view == "Data quality":
        assert set(at.dataframe[0].value["outlet"]) == {"Fox News", "New York Times", "HuffPost"}


def test_one_outlet_event_says_nothing_is_compared(small):
    at = opened("event", {"event": event_of(small, "lone-1")})
    assert not at.exception
    notes = texts(at.info)
    assert "only one" in notes and "nothing is compared" in notes
    assert "1 articles from 1 outlets" in at.caption[0].value or "from 1 outlet" in at.caption[0].value


def test_event_picker_writes_the_url(small):
    ids = list(small.events_df()["id"])
    at = app("event").run()
    assert at.query_params["event"] in (ids[0], [ids[0]])
    at.selectbox(key="event_pick").select(ids[1]).run()
    assert not at.exception
    assert at.query_params["event"] in (ids[1], [ids[1]])


def test_unknown_event_in_the_url_says_not_found(small):
    at = opened("event", {"event": "ev-does-not-exist"})
    assert not at.exception
    assert "Event ev-does-not-exist was not found." in texts(at.error)
    assert at.selectbox(key="event_pick").value is None   # no other event opened in its place


# -- Named sources -------------------------------------------------------------------------------
def test_sources_speaker_from_the_url(small):
    q = small.quotes_df()
    assert not q.empty, "analysis found no quotes in three BASIL events"
    name = q["canonical_speaker"].where(q["canonical_speaker"].notna(), q["speaker"]).dropna()
    speaker = name.value_counts().index[-1]  # not the default (most quoted) one
    at = opened("sources", {"speaker": speaker, "view": "One speaker"})
    assert not at.exception
    assert at.selectbox(key="speaker_pick").value == speaker
    assert any(m.value.startswith("**") and "quotes in" in m.value for m in at.markdown)


def test_sources_opens_on_the_speaker_matrix(small):
    at = app("sources").run()
    assert not at.exception
    m = at.dataframe[0].value
    q = small.quotes_df()
    assert set(m.columns) <= set(q["outlet"]) and len(m) >= 2
    assert not at.get("plotly_chart")  # the heatmap is its own tab
    # The table's counts are the store's: each speaker's row sums to their quotes in those outlets.
    speaker = m.sum(axis=1).idxmax()
    named = pd.Series([speaker_label(r) for r in q.to_dict("records")], index=q.index)  # the store's own rule
    assert m.loc[speaker].sum() == ((named == speaker) & q["outlet"].isin(m.columns)).sum()
    # Every count is drawn through a printf format, not numbro on each cell (pages.common.count_column).
    config = json.loads(at.dataframe[0].proto.columns)
    assert {config[o]["type_config"]["format"] for o in m.columns} == {"%d"}


def test_sources_heatmap_tab_draws_the_same_matrix(small):
    at = opened("sources", {"view": "Heatmap"})
    assert not at.exception
    (chart,) = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["data"][0]["type"] == "heatmap"
    assert set(spec["data"][0]["x"]) <= set(small.outlets_df()["name"])


def test_sources_outlet_filter_keeps_one_outlet(small):
    at = opened("sources", {"outlet": "Fox News", "view": "One speaker"})
    assert not at.exception
    assert set(at.dataframe[-1].value["outlet"]) <= {"Fox News"}


def test_sources_without_quotes_in_view(small):
    at = opened("sources", {"outlet": "Iceland Review", "from": "2024-01-15"})  # from: after its only article
    assert not at.exception
    assert "No quotes in this view" in at.info[0].value


# -- Timelines -----------------------------------------------------------------------------------
def test_timelines_opens_on_a_picture_of_publication_times(small):
    import base64
    from tests import svg_labels
    at = app("timelines").run()
    assert not at.exception
    assert not at.get("vega_lite_chart")  # no charting library to start in the browser
    (img,) = at.get("image")
    (url,) = img.value
    assert url.startswith("data:image/svg+xml;base64,")  # an image: what it holds runs no script
    svg = base64.b64decode(url.split(",", 1)[1])
    texts = {lb.text for lb in svg_labels.labels(svg)[0]}
    assert any(t.startswith("Publication times") for t in texts) and set(small.outlets_df()["name"]) <= texts
    assert at.get("download_button")  # the chart's downloads are under it, as under the hover chart
    assert not at.dataframe  # the lag tabs did not run


def test_timelines_hover_chart_from_the_url(small):
    at = opened("timelines", {"hover": "true"})
    assert not at.exception and not at.get("image")
    assert at.toggle(key="hover").value
    (chart,) = at.get("vega_lite_chart")
    assert json.loads(chart.proto.spec)["title"].startswith("Publication times")
    import pyarrow as pa
    # Streamlit moves the spec's inline values into an Arrow table
    assert pa.ipc.open_stream(chart.proto.data.data).read_all().num_rows == small.count_articles()
    assert not at.dataframe  # the lag tabs did not run


def test_timelines_on_a_phone_draw_the_chart_rather_than_shrink_a_picture(small):
    at = opened("timelines", {"layout": "compact"})
    assert not at.exception and not at.get("image") and not at.get("toggle")
    assert at.get("vega_lite_chart")


def test_timeline_titles_are_data_and_colours_are_the_outlets():
    """Feed titles reach the chart as data, which Vega draws as text; each outlet keeps its colour."""
    import pandas as pd

    from core.charts import series_colours, timeline
    points = pd.DataFrame({"outlet": ["Hostile Feed", "Hostile Feed", "Other", "Other"],
                           "published": pd.to_datetime(["2021-07-01T12:00Z", "2021-07-02T12:00Z", "2021-07-01T13:00Z",
                                                        None]),
                           "title": ["<img src=x onerror=alert(1)>", "A & B", None, "undated"],
                           "reprint": [False, True, None, False]})
    spec = timeline(points, "Publication times")
    assert spec["data"]["values"] == [  # the undated one has no place on a time axis
        {"published": "2021-07-01T12:00:00Z", "when": "2021-07-01 12:00 UTC", "outlet": "Hostile Feed",
         "title": "<img src=x onerror=alert(1)>", "reprint": False},
        {"published": "2021-07-02T12:00:00Z", "when": "2021-07-02 12:00 UTC", "outlet": "Hostile Feed",
         "title": "A & B", "reprint": True},
        {"published": "2021-07-01T13:00:00Z", "when": "2021-07-01 13:00 UTC", "outlet": "Other", "title": "",
         "reprint": False}]
    scale = spec["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"])) == series_colours(["Hostile Feed", "Other"])
    assert "mark" not in spec["encoding"]["tooltip"][2] and spec["encoding"]["tooltip"][2]["field"] == "title"


def test_timelines_lag_table(small):
    at = opened("timelines", {"view": "First to report"})
    assert not at.exception
    table = at.dataframe[-1].value
    assert set(table["outlet"]) == {"Fox News", "New York Times", "HuffPost"}  # the lone outlet has no lag
    assert table["events"].max() <= 3


def test_timelines_one_outlet_has_no_lags(small):
    at = opened("timelines", {"outlet": "Iceland Review", "view": "Lag behind the first"})
    assert not at.exception
    assert "no lag to measure" in at.info[0].value


# -- Articles ------------------------------------------------------------------------------------
def test_articles_filters_change_the_count(small):
    total = small.count_articles()
    at = app("articles").run()
    assert at.caption[0].value == f"{total} articles match"
    at.sidebar.multiselect(key="f_outlets").select("HuffPost").run()
    assert at.caption[0].value == "3 articles match"
    assert at.query_params["outlet"] in ("HuffPost", ["HuffPost"])
    assert set(at.dataframe[0].value["outlet"]) == {"HuffPost"}


# -- Outlets -------------------------------------------------------------------------------------
def test_outlets_profiles_and_feed_health(small):
    small.record_feed("https://example.org/rss", "Fox News", last_status="failed", http_status=503,
                      last_error="HTTP 503", failures_in_row=2)
    small.record_feed("https://example.org/ok", "HuffPost", last_status="ok", http_status=200, items_seen=12)
    try:
        at = app("outlets").run()
        assert not at.exception
        profiles = at.dataframe[0].value.set_index("name")
        assert profiles.loc["Fox News", "articles"] == 3 and profiles.loc["Iceland Review", "articles"] == 1
        # an imported corpus brings no country or ownership: blank cells, never the word "None"
        assert profiles.loc["Fox News", "country"] == "" and profiles.loc["Fox News", "ownership"] == ""
        at.button_group(key="view").set_value("Feed health").run()  # the user picks the view
        assert "2 feeds; 1 failing at the last fetch." in texts(at.caption)
        health = at.dataframe[0].value
        assert set(health["last_status"]) == {"failed", "ok"}
    finally:
        import sqlalchemy as sa
        from core.store import feeds
        with small.engine.begin() as c:
            c.execute(sa.delete(feeds))


def test_outlets_import_tab_offers_an_upload(small):
    at = opened("outlets", {"view": "Import a corpus"})
    assert not at.exception
    assert not at.dataframe  # the profiles tab did not run
    assert "id, outlet, title, text, published" in texts(at.caption)


def test_import_of_an_upload_validates_rows(tmp_path):
    """What the Outlets page's upload runs: good rows go in, bad ones are named by line."""
    s = Store(str(tmp_path / "up.sqlite"))
    data = "\n".join([
        json.dumps({"id": "u1", "outlet": "TASS", "title": "Talks in Geneva", "text": "t", "published": "2024-04-02"}),
        "{not json",
        json.dumps({"id": "u2", "outlet": "RT", "title": "", "text": ""}),
        json.dumps({"id": "u1", "outlet": "TASS", "title": "dup", "text": "t"}),
    ])
    res = import_text(s, data, "jsonl")
    assert (res.rows, res.valid, res.new) == (4, 1, 1)
    assert [e.line for e in res.errors] == [2, 3, 4]
    assert s.count_articles() == 1


def test_active_filters_show_under_the_closed_filters_button(small):
    at = opened("articles", {"outlet": ["Iceland Review", "No Such Outlet"], "q": "<b>x</b>"})
    assert not at.exception
    (menu,) = [b for b in at.sidebar.children.values() if getattr(b, "type", "") == "popover"]
    assert menu.proto.popover.label == "Filters · 2 active"  # the unknown outlet is not counted
    summary = at.sidebar.caption[0].value
    assert summary.startswith("**Outlets:** Iceland Review  \n**Search:** ")
    assert "<b>" not in summary and "\\<b\\>x\\</b\\>" in summary  # untrusted text stays inert
    plain = opened("articles", {})
    assert plain.sidebar.caption[0].value == "All outlets, topics and dates."
    plain.sidebar.multiselect(key="f_outlets").select("Iceland Review").run()
    (menu,) = [b for b in plain.sidebar.children.values() if getattr(b, "type", "") == "popover"]
    assert menu.proto.popover.label == "Filters · 1 active"  # counted from the widget once it has state


def test_timeline_exports_as_png_and_svg_without_a_browser():
    import pandas as pd

    from core.charts import export, timeline
    points = pd.DataFrame({"outlet": ["Hostile Feed", "Other"], "title": ["<img src=x onerror=alert(1)>", "Calm"],
                           "published": pd.to_datetime(["2021-07-01T12:00Z", "2021-07-01T13:00Z"])})
    spec = timeline(points, "Publication times")
    png, mime, ext = export(spec, "png")
    assert (mime, ext) == ("image/png", "png") and png.startswith(b"\x89PNG\r\n\x1a\n")
    svg, mime, ext = export(spec, "svg")
    assert (mime, ext) == ("image/svg+xml", "svg")
    text = svg.decode("utf-8")
    assert text.startswith("<svg") and "Hostile Feed" in text and "<img" not in text  # labels are text, not markup
    assert "width" not in spec  # the page's spec keeps its container width; only the export is fixed


def test_a_page_run_by_its_own_name_runs_as_main_compiled_once_per_version(tmp_path):
    import os
    from pages.common import _compiled, run_page
    script, out = tmp_path / "page.py", tmp_path / "ran.txt"
    script.write_text(f"open({str(out)!r}, 'a').write(__name__ + ' one\\n')\n")
    before = _compiled.cache_info()
    run_page(script)
    run_page(script)
    assert out.read_text() == "__main__ one\n" * 2
    assert _compiled.cache_info().misses == before.misses + 1   # the second visit reused the compiled page
    script.write_text(f"open({str(out)!r}, 'a').write(__name__ + ' two\\n')\n")
    os.utime(script, ns=(script.stat().st_atime_ns, script.stat().st_mtime_ns + 1_000_000))
    run_page(script)   # an edited page runs as edited
    assert out.read_text().splitlines()[-1] == "__main__ two"
