"""The research workflow in a real browser (Playwright, Debian's Chromium): a phone's width, typed dates,
the article reader's marks, an event's report download, upload messages.

One store (BASIL, two hostile feed items) and one server for the module; a fresh browser context per test,
and every wait is for the app to finish its run, never a sleep.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.browser_util import ROOT, build_store, open_filters, require_browser, wait_idle, wait_rerun, xss_row
from tests.conftest import event_of
from tests.test_browser import browser, server  # noqa: F401 - fixtures: one Chromium, and a server on this store

sync_api = require_browser()
expect = sync_api.expect

TIMEOUT = 90_000
expect.set_options(timeout=TIMEOUT)  # a 2-core machine under load can take seconds to draw a table
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/126.0 Mobile Safari/537.36"}
QUOTED = {**xss_row("2021-07-02T12:00:00Z"), "id": "quoted-1", "url": "https://hostile.example/a/2",
          "text": "Officials met in Minsk. <script>alert(2)</script>\n\"We will not retreat,\" Defence Minister Sergei "
                  "Shoigu said on Saturday. The invasion of Ukraine continued."}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("research-browser") / "framelens.sqlite", corpora=("basil.jsonl",),
                    extra_rows=[xss_row(), QUOTED])
    yield s
    s.dispose()


def context(browser, **kw):
    ctx = browser.new_context(**({"viewport": {"width": 1400, "height": 900}} | kw), accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT)
    return ctx


@pytest.fixture
def page(browser):
    ctx = context(browser)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    ctx.close()


# -- a phone's width -----------------------------------------------------------------------------------
# Anything drawn past the screen's right edge must sit inside a box of its own that clips or scrolls it
# (a table's grid, the tab bar), so that the page itself never scrolls sideways.
OFF_SCREEN = """() => {
  const W = document.documentElement.clientWidth, out = [];
  const clips = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o !== 'visible' && a.getBoundingClientRect().right <= W + 1) return true; } return false; };
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.right > W + 1 && !clips(el))
      out.push((el.getAttribute('data-testid') || el.tagName) + ' right=' + Math.round(r.right));
  }
  return {page: document.documentElement.scrollWidth, main: document.querySelector('[data-testid="stMain"]').scrollWidth,
          width: W, off: out.slice(0, 5)};
}"""


def every_view() -> list[str]:
    """Every tab of every page, read from the pages' own `tabbed({...})` calls, so a tab added later is
    checked too; and the bare address."""
    common = ast.parse((ROOT / "pages" / "common.py").read_text(encoding="utf-8"))
    nav = next(ast.literal_eval(n.value) for n in common.body if isinstance(n, ast.Assign)
               and getattr(n.targets[0], "id", "") == "PAGES")   # (file, title, icon, url path) per page
    out = [""]
    for file, _, _, url in nav:
        tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "tabbed"]
        tabs = [k.value for c in calls for k in c.args[0].keys]
        out += [url] if not tabs else [f"{url}?{urlencode({'view': tab})}" for tab in tabs]
    return out


def test_every_view_is_found():
    views = every_view()
    assert "event?view=Corrections" in views and "sources?view=One+speaker" in views and "methods" in views
    assert len(views) == 1 + 3 + 6 + 5 + 3 + 2 + 5 + 1   # "/", then each page's tabs in order (Methods has none)


def assert_fits_a_phone(browser, url: str) -> None:
    """Open `url` at a phone's width; once the app has finished its run, nothing reaches past the right edge."""
    ctx = context(browser, **PHONE)
    page = ctx.new_page()
    page.goto(url)
    wait_idle(page, TIMEOUT)
    page.locator('[data-testid="stMain"] h1').wait_for()
    found = page.evaluate(OFF_SCREEN)
    ctx.close()
    assert found["page"] <= found["width"] and found["main"] <= found["width"], found
    assert found["off"] == [], found


@pytest.mark.parametrize("path", every_view())
def test_no_page_scrolls_sideways_on_a_phone(browser, server, path):
    assert_fits_a_phone(browser, f"{server.base}/{path}")


@pytest.mark.parametrize("view", ["Side by side", "Read an article"])
def test_an_event_with_quotes_and_markup_fits_a_phone(browser, server, store, view):
    assert_fits_a_phone(browser, f"{server.base}/event?{urlencode({'event': event_of(store, 'quoted-1'), 'view': view})}")


def test_a_phone_gets_event_cards_not_a_wide_table(browser, server, store):
    ctx = context(browser, **PHONE)
    page = ctx.new_page()
    page.goto(f"{server.base}/overview")
    wait_idle(page, TIMEOUT)
    cards = page.get_by_test_id("stMarkdownContainer").locator('a[href*="/event?event="]')
    expect(cards.first).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
    page.goto(f"{server.base}/event?event={event_of(store, 'quoted-1')}")
    wait_idle(page, TIMEOUT)
    expect(page.get_by_test_id("stExpander").filter(has_text="Leads, quotes and words").first).to_be_visible()
    ctx.close()


# -- filters --------------------------------------------------------------------------------------------
def test_a_typed_date_applies_on_enter(page, server):
    page.goto(f"{server.base}/articles")
    wait_idle(page, TIMEOUT)
    open_filters(page)
    box = page.locator(".st-key-f_from input")
    box.fill("2019-01-01")
    wait_rerun(page, lambda: box.press("Enter"), TIMEOUT)  # no click anywhere else
    expect(page).to_have_url(re.compile(r"from=2019-01-01"))
    expect(page.get_by_test_id("stSidebar").get_by_test_id("stCaptionContainer").first).to_contain_text(
        "Published:")


# -- the Event page ---------------------------------------------------------------------------------------
def test_the_reader_marks_quotes_and_terms_and_shows_markup_as_text(page, server, store):
    page.goto(f"{server.base}/event?event={event_of(store, 'quoted-1')}&view=Read+an+article&article=quoted-1")
    wait_idle(page, TIMEOUT)
    body = page.get_by_test_id("stMain")
    expect(body.get_by_text("<script>alert(2)</script>", exact=False).first).to_be_visible()
    quote = body.locator("span", has_text="We will not retreat")
    term = body.locator("span", has_text=re.compile(r"^invasion$"))
    expect(quote.first).to_be_visible()
    expect(term.first).to_be_visible()
    assert quote.first.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    expect(page.locator("script", has_text="alert(2)")).to_have_count(0)
    assert page.dialogs == []


def test_the_event_report_downloads_as_one_safe_html_file(page, server, store):
    page.goto(f"{server.base}/event?event={event_of(store, 'xss-1')}")
    wait_idle(page, TIMEOUT)
    page.locator(".st-key-export_menu button").click()
    with page.expect_download(timeout=TIMEOUT) as dl:
        page.locator(".st-key-export_html button").click()
    html = Path(dl.value.path()).read_text("utf-8")
    assert dl.value.suggested_filename.endswith(".html") and "<script" not in html.lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<th>store last updated</th>" in html
    assert "https://hostile.example/a/1" in html


# -- uploads --------------------------------------------------------------------------------------------
def upload(page, server, name: str, data: bytes) -> None:
    page.goto(f"{server.base}/outlets?view=Import+a+corpus")
    wait_idle(page, TIMEOUT)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data})
    page.get_by_role("button", name="Import").wait_for()
    wait_rerun(page, lambda: page.get_by_role("button", name="Import").click(), TIMEOUT)


def test_a_file_that_is_not_utf8_is_named_with_the_fix(page, server):
    upload(page, server, "latin1.csv", "id,outlet,title,text,published,url\nx1,Le Monde,Élysée,été,,\n".encode("latin-1"))
    expect(page.get_by_test_id("stAlert")).to_contain_text("latin1.csv is not UTF-8 text")
    expect(page.get_by_test_id("stAlert")).to_contain_text("save it as UTF-8")


def test_an_upload_says_what_went_in_and_what_was_refused(page, server):
    rows = ("id,outlet,title,text,published,url\n"
            "up-1,Upload Test,A title,Some text.,2021-07-03T10:00:00Z,https://u.example/1\n"
            "up-2,Upload Test,Another,More text.,2021-07-03T11:00:00Z,javascript:alert(1)\n")
    upload(page, server, "mixed.csv", rows.encode("utf-8"))
    alert = page.get_by_test_id("stAlert").first
    expect(alert).to_contain_text("mixed.csv: 2 rows read; 1 new articles stored, 1 refused")
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()  # the refused row, with its line and reason
