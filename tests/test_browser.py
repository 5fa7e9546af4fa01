"""The dashboard in a real browser: Playwright drives Debian's Chromium against `streamlit run dashboard.py`.

One store (BASIL + AllSides dev, plus a hostile feed item) and one server for the module; a fresh
browser context per test. Full-page screenshots of every page land in test-output/screenshots/.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.browser_util import (ROOT, XSS_TITLE, build_store, full_screenshot, launch_chromium, open_filters,
                                pick_multiselect, require_browser, Streamlit, wait_idle, wait_rerun, xss_row)
from tests.conftest import event_of
sync_api = require_browser()
expect = sync_api.expect

SHOTS = ROOT / "test-output" / "screenshots"
# "/" hops to /overview (dashboard.py), so every page has its own address.
PAGES = [("overview", "Overview"), ("event", "Event"), ("sources", "Named sources"), ("timelines", "Timelines"),
         ("articles", "Articles"), ("outlets", "Outlets")]
TIMEOUT = 90_000  # ms; a 2-core machine under load can take long to draw a page's first chart


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "framelens.sqlite"
    s = build_store(db, extra_rows=[xss_row()])
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def server(store, tmp_path_factory):
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    st = Streamlit(store.url.replace("sqlite:///", "") if store.url.startswith("sqlite:///") else store.url, log=log)
    yield st
    st.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()


def open_page(page, server, path: str) -> None:
    page.goto(f"{server.base}/{path}")
    wait_idle(page, TIMEOUT)


def caption(page, pattern: str):
    return page.get_by_test_id("stCaptionContainer").filter(has_text=re.compile(pattern)).first


def filter_summary(page):
    """The line under the sidebar's Filters button that says which filters are active."""
    return page.get_by_test_id("stSidebar").get_by_test_id("stCaptionContainer").first


# -- every page opens -----------------------------------------------------------------------------
# What each page shows first (its first tab); the other tabs run only when opened.
FIRST_VIEW = {"overview": '[data-testid="stDataFrame"]', "event": '[data-testid="stMarkdownContainer"] h4',
              "sources": '[data-testid="stDataFrame"]', "timelines": '[data-testid="stImage"] img',  # a picture
              "articles": '[data-testid="stDataFrame"]', "outlets": '[data-testid="stDataFrame"]'}


@pytest.mark.parametrize("path,title", PAGES, ids=[t.lower().replace(" ", "_") for _, t in PAGES])
def test_page_opens_without_exception(page, server, path, title):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    open_page(page, server, path)
    # The page's address told the browser where the server is (pages/page_html.py): no first guess under it.
    assert not [u for u in asked if f"/{path}/_stcore/" in u] and f"{server.base}/_stcore/health" in asked
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.locator(FIRST_VIEW[path]).first.wait_for()
    full_screenshot(page, SHOTS / f"{path or 'overview'}.png")
    assert page.dialogs == []


TAB_CHART = {"Timeline": '[data-testid="stVegaLiteChart"] .marks'}  # publication timelines are Vega-Lite


@pytest.mark.parametrize("path,tab", [("overview", "Attention by topic"), ("overview", "Attention by outlet group"),
                                      ("event", "Timeline"), ("sources", "Heatmap"), ("sources", "Anonymous and official"),
                                      ("sources", "One speaker"), ("timelines", "First to report"),
                                      ("timelines", "Lag behind the first"), ("articles", "Over time")])
def test_opening_a_tab_draws_its_chart_and_names_it_in_the_url(page, server, path, tab):
    open_page(page, server, path)
    expect(page.locator(".js-plotly-plot")).to_have_count(0)  # the first view drew no plotly chart
    wait_rerun(page, lambda: page.get_by_role("radio", name=tab, exact=True).click())
    expect(page).to_have_url(re.compile(r"[?&]view=" + re.escape(tab).replace(r"\ ", r"(\+|%20)")))
    page.locator(TAB_CHART.get(tab, ".js-plotly-plot .main-svg")).first.wait_for()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    full_screenshot(page, SHOTS / f"{path}-{tab.lower().replace(' ', '-')}.png")
    # The link opens the same tab in a fresh browser.
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    wait_idle(page, TIMEOUT)
    expect(page.get_by_role("radio", name=tab, exact=True)).to_have_attribute("aria-checked", "true")


def test_overview_has_its_own_url(page, server):
    open_page(page, server, "")      # the server has now run dashboard.py and its st.navigation
    open_page(page, server, "overview")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")


# -- filters in the sidebar and the URL -----------------------------------------------------------
def test_outlet_filter_changes_url_and_count(page, server, store):
    total = store.count_articles()
    fox = store.count_filtered(outlets_in=["Fox News"])
    open_page(page, server, "articles")
    expect(caption(page, "articles? match")).to_have_text(
        f"{total:,} articles match; the table shows the newest 300, the CSV below the newest 1,000")
    wait_rerun(page, lambda: pick_multiselect(page, "f_outlets", "Fox News"))
    expect(page).to_have_url(re.compile(r"[?&]outlet=Fox(\+|%20)News"))
    expect(caption(page, "articles? match")).to_have_text(re.compile(rf"^{fox:,} articles match(;|$)"))


def test_next_page_after_a_filter_change_keeps_no_tab_of_the_last(page, server):
    # After a filter change on the Overview, its tab ("Events") was written into the next page's address, and that
    # page's tab into the one after: a shared link named a tab the page lacks.
    open_page(page, server, "")
    wait_rerun(page, lambda: pick_multiselect(page, "f_outlets", "Fox News"))
    page.keyboard.press("Escape")
    for title, path in (("Timelines", "timelines"), ("Articles", "articles"), ("Overview", "")):
        wait_rerun(page, lambda: page.get_by_test_id("stSidebar").get_by_role("link", name=title).click())
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page).to_have_url(re.compile(rf"/{path}\?outlet=Fox(\+|%20)News$"))
        expect(filter_summary(page)).to_have_text("Outlets: Fox News")


def test_topic_filter_changes_url_and_events(page, server, store):
    topic = store.topics()[0]
    n_all = len(store.events_df())
    n_topic = len(store.events_df(topics_in=[topic]))
    assert 0 < n_topic < n_all
    open_page(page, server, "")
    expect(caption(page, r"^[\d,]+ events")).to_contain_text(f"{n_all:,} events")
    wait_rerun(page, lambda: pick_multiselect(page, "f_topics", topic))
    expect(page).to_have_url(re.compile(r"[?&]topic="))
    expect(caption(page, r"^[\d,]+ events")).to_contain_text(f"{n_topic:,} events")


def test_first_visit_after_server_start_keeps_link_and_filter(page, store, tmp_path):
    """A fresh server runs a linked page without dashboard.py once; the link's filter and the user's
    first choice must both survive the hop to the entry point."""
    fresh = Streamlit(store.url.replace("sqlite:///", ""), log=tmp_path / "fresh.log")
    try:
        both = store.count_filtered(outlets_in=["HuffPost", "Fox News"])
        open_page(page, fresh, "articles?outlet=HuffPost")
        expect(filter_summary(page)).to_contain_text("Outlets: HuffPost")
        open_filters(page)
        expect(page.locator(".st-key-f_outlets")).to_contain_text("HuffPost")
        expect(page.get_by_role("heading", level=1)).to_have_text("Articles")
        wait_rerun(page, lambda: pick_multiselect(page, "f_outlets", "Fox News"))
        expect(page).to_have_url(re.compile(r"outlet=HuffPost.*outlet=Fox(\+|%20)News|outlet=Fox(\+|%20)News.*outlet=HuffPost"))
        expect(caption(page, "articles? match")).to_have_text(re.compile(rf"^{both:,} articles match"))
    finally:
        fresh.stop()


def test_shared_link_applies_its_filter(page, server, store):
    n = store.count_filtered(outlets_in=["HuffPost"])
    open_page(page, server, "articles?outlet=HuffPost")
    expect(page.locator(".st-key-f_menu button")).to_contain_text("Filters · 1 active")
    expect(filter_summary(page)).to_contain_text("Outlets: HuffPost")
    open_filters(page)
    expect(page.locator(".st-key-f_outlets")).to_contain_text("HuffPost")
    expect(caption(page, "articles? match")).to_have_text(f"{n:,} articles match")
    # The sidebar's page links carry the filter along.
    expect(page.get_by_test_id("stPageLink-NavLink").filter(has_text="Timelines")).to_have_attribute(
        "href", re.compile(r"outlet=HuffPost"))


# -- chart downloads ------------------------------------------------------------------------------
def open_download_menu(page, server, key: str) -> None:
    open_page(page, server, "articles?view=Over+time")
    page.locator(f".st-key-{key}_menu button").click()


def test_download_chart_as_png(page, server):
    open_download_menu(page, server, "dl_daily")
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.locator(".st-key-dl_daily_png button").click()
    assert dl.value.suggested_filename == "articles-per-day.png"
    assert Path(dl.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_download_chart_data_as_csv(page, server, store):
    expected = len(store.daily_counts())
    open_download_menu(page, server, "dl_daily")
    with page.expect_download() as dl:
        page.locator(".st-key-dl_daily_csv button").click()
    assert dl.value.suggested_filename == "articles-per-day.csv"
    lines = Path(dl.value.path()).read_text("utf-8").splitlines()
    head = [line for line in lines if line.startswith("#")]
    assert head[0].startswith("# framelens ") and any(line.startswith("# store last updated: ") for line in head)
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in lines if not line.startswith("#")))))
    assert list(rows[0]) == ["day", "outlet", "articles"]
    assert len(rows) == expected
    assert sum(int(r["articles"]) for r in rows) == store.count_articles()


def test_speaker_matrix_downloads_its_heatmap(page, server):
    # The table view builds the heatmap only when a download asks for it.
    open_page(page, server, "sources")
    page.locator(".st-key-dl_matrix_menu button").click()
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.locator(".st-key-dl_matrix_svg button").click()
    assert dl.value.suggested_filename == "speakers-by-outlet.svg"
    svg = Path(dl.value.path()).read_text("utf-8")
    assert svg.lstrip().startswith("<svg") and "busiest outlets (quotes)" in svg


# -- hostile feed items ---------------------------------------------------------------------------
def test_markup_title_is_text_in_the_articles_table(page, server):
    open_page(page, server, "articles?q=onerror")
    expect(caption(page, "match")).to_have_text("1 article matches")
    page.get_by_test_id("stDataFrame").first.wait_for()
    expect(page.get_by_text(XSS_TITLE, exact=True).first).to_be_attached()
    expect(page.locator('img[src="x"]')).to_have_count(0)
    page.wait_for_timeout(300)  # an injected onerror would fire at once
    assert page.dialogs == []


def test_markup_title_is_text_on_the_event_page(page, server, store):
    open_page(page, server, f"event?event={event_of(store, 'xss-1')}")
    expect(page.get_by_test_id("stMarkdownContainer").get_by_text(XSS_TITLE, exact=True)).to_be_visible()
    expect(page.locator('img[src="x"]')).to_have_count(0)
    expect(page.locator("script", has_text="alert(2)")).to_have_count(0)
    # A one-article event says so rather than pretending to compare.
    expect(page.get_by_test_id("stAlert").filter(has_text="only one article")).to_be_visible()
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_timelines_picture_turns_into_the_hover_chart(page, server):
    open_page(page, server, "timelines")
    page.locator('[data-testid="stImage"] img').first.wait_for()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)
    wait_rerun(page, lambda: page.get_by_text("Hover for headlines").click())
    page.locator('[data-testid="stVegaLiteChart"] .marks').first.wait_for()
    expect(page).to_have_url(re.compile(r"[?&]hover=true"))
    expect(page.get_by_test_id("stImage")).to_have_count(0)


def test_markup_title_is_text_in_the_timeline_tooltip(page, server):
    open_page(page, server, "timelines?outlet=Hostile+Feed&hover=true")  # the chart the browser draws
    point = page.locator('[data-testid="stVegaLiteChart"] .mark-symbol path').first  # one outlet, one point
    point.wait_for()
    tooltip = page.locator("#vg-tooltip-element")
    point.hover(force=True)
    expect(tooltip).to_contain_text(XSS_TITLE)
    expect(page.locator('img[src="x"]')).to_have_count(0)
    page.wait_for_timeout(300)
    assert page.dialogs == []


# -- from Overview to Event -----------------------------------------------------------------------
def test_selecting_an_event_opens_it(page, server, store):
    top = store.events_df(limit=1).iloc[0]
    open_page(page, server, "")
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for()
    grid.click(position={"x": 18, "y": 35 + 17})  # the first row's selection checkbox
    expect(page).to_have_url(re.compile(rf"/event\?(.*&)?event={re.escape(top['id'])}"))
    wait_idle(page, TIMEOUT)
    expect(page.get_by_role("heading", level=1)).to_have_text("Event")
    expect(page.get_by_role("combobox", name="Event")).to_have_value(top["label"])
    expect(page.get_by_test_id("stException")).to_have_count(0)
