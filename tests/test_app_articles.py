"""The Articles page, driven through Streamlit's AppTest (no browser)."""
from datetime import datetime, timezone

import pytest
from streamlit.testing.v1 import AppTest

from core.models import Article
from core.store import Store
from tests.conftest import ROOT
from tests.test_ingest import page, rss

APP = str(ROOT / "dashboard.py")


def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/articles.py")
    return at


@pytest.fixture
def filled(db_url, monkeypatch):
    monkeypatch.setenv("FRAMELENS_DB", db_url)
    s = Store(db_url)
    s.add_articles([
        Article(id="1", outlet="TASS", title="Shoigu and Dong Jun hold video call", text="t", url="https://tass.com/1",
                published=datetime(2024, 4, 2, 9, tzinfo=timezone.utc), date_source="feed"),
        Article(id="2", outlet="RT", title="Chinese defense chief promises Russia support", text="t",
                published=datetime(2024, 4, 3, 9, tzinfo=timezone.utc), date_source="feed"),
        Article(id="3", outlet="RT", title="<img src=x onerror=alert(1)>", text="t",
                published=datetime(2024, 4, 4, 9, tzinfo=timezone.utc), date_source="feed"),
    ])
    for name in ("TASS", "RT"):
        s.ensure_outlet(name)
    return s


def test_empty_store_offers_fetch_and_fetching_fills_it(site, tmp_path, monkeypatch):
    site.add("/f.xml", rss(site.base, [("one", "One story")]))
    site.add("/a/one.html", page("One story", "Officials said the talks in Geneva would continue next week."),
             content_type="text/html")
    cat = tmp_path / "o.toml"
    cat.write_text(f'[[outlet]]\nname = "Wire"\nfeeds = ["{site.base}/f.xml"]\n')
    monkeypatch.setenv("FRAMELENS_DB", str(tmp_path / "empty.sqlite"))
    monkeypatch.setenv("FRAMELENS_OUTLETS", str(cat))
    at = app().run()
    assert not at.exception
    assert "No articles yet" in at.info[0].value
    at.button(key="fetch_now").click().run()
    assert not at.exception
    assert at.caption[0].value == "1 article matches"
    assert Store(str(tmp_path / "empty.sqlite")).count_articles() == 1


def test_outlet_filter_from_the_url(filled):
    at = app()
    at.query_params["outlet"] = "RT"
    at.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_outlets").value == ["RT"]
    assert at.caption[0].value == "2 articles match"


def test_changing_filters_updates_the_url(filled):
    at = app().run()
    assert at.caption[0].value == "3 articles match"
    at.sidebar.multiselect(key="f_outlets").select("TASS").run()
    assert at.caption[0].value == "1 article matches"
    assert at.query_params["outlet"] in ("TASS", ["TASS"])
    at.sidebar.text_input(key="f_q").input("promises").run()
    assert at.caption[0].value == "0 articles match"
    at.sidebar.multiselect(key="f_outlets").unselect("TASS").run()
    assert at.caption[0].value == "1 article matches"
    assert at.query_params["q"] in ("promises", ["promises"])


def test_date_range_from_the_url(filled):
    at = app()
    at.query_params["from"] = "2024-04-03"
    at.run()
    assert at.caption[0].value == "2 articles match"


def test_markup_in_titles_is_data_not_html(filled):
    at = app().run()
    titles = list(at.dataframe[0].value["title"])
    assert "<img src=x onerror=alert(1)>" in titles
    assert not any("onerror" in m.value for m in at.markdown)


def test_each_row_links_to_its_text_in_the_reader(filled):
    """The `read` column opens the Event page's reader at that article, its ids escaped for a URL; an article
    in no event yet has no link."""
    filled.set_events({"1": "ev &1/é"})   # changes no count, so no data version: the cached rows must go
    from pages import data
    data._rows.clear()
    at = app().run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("title")
    assert table.loc["Shoigu and Dong Jun hold video call", "read"] == \
        "/event?event=ev+%261%2F%C3%A9&view=Read+an+article&article=1"
    assert table["read"].isna().sum() == 2


def test_the_table_draws_the_newest_rows_and_says_where_the_rest_are(filled, monkeypatch):
    """A table draws TABLE_ROWS rows (the browser's cost of a filter change grows with them); the caption
    says how many it shows and that the CSV holds the rest."""
    from pages import data
    monkeypatch.setattr(data, "TABLE_ROWS", 2)
    at = app().run()
    assert not at.exception
    assert at.caption[0].value == "3 articles match; the table shows the newest 2, the CSV below all 3"
    assert list(at.dataframe[0].value["title"]) == ["<img src=x onerror=alert(1)>",  # the newest first
                                                    "Chinese defense chief promises Russia support"]
    monkeypatch.setattr(data, "MAX_ROWS", 2)
    data._rows.clear()
    at = app().run()
    assert at.caption[0].value == "3 articles match; the table shows the newest 2, the CSV below the newest 2"
