"""Hostile text in a real browser (Playwright, Debian's Chromium): no link, image or request that a feed
put there, and no page asks any host but the dashboard's own (its icon included)."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.browser_util import CORPORA, launch_chromium, require_browser, Streamlit, wait_idle
sync_api = require_browser()

TIMEOUT = 90_000
EVIL = "evil.example"
ROWS = [{"id": f"evil-{i}", "outlet": f'<a href="https://{EVIL}/o">Evil {i}</a> www.{EVIL}',
         "title": f"![t](https://{EVIL}/pixel.png) Lava reaches Grindavik, see www.{EVIL} and https://{EVIL}/x",
         "text": f"[Verify your account](https://{EVIL}/login) now. ![x](https://{EVIL}/x.png) Lava reached the edge "
                 f"of the fishing town of Grindavik on Sunday, see www.{EVIL}. The lagoon closed again.",
         "published": f"2024-01-14T0{i}:00:00Z", "url": f"https://{EVIL}/a/{i}"} for i in (1, 2, 3)]
PAGES = ["overview", "event", "sources", "timelines", "articles", "outlets", "articles?view=Over+time"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from core.analyse import analyse_new
    from core.corpus import import_file, import_text
    from core.store import Store
    db = tmp_path_factory.mktemp("hostile-browser") / "framelens.sqlite"
    s = Store(str(db))
    import_file(s, CORPORA / "newswcl50.jsonl")
    import_text(s, "\n".join(json.dumps(r) for r in ROWS), "jsonl")
    analyse_new(s, quotes=False)
    event = next(a["event_id"] for a in s.clustered_since(None) if a["id"] == "evil-1")
    s.dispose()
    st = Streamlit(str(db), log=tmp_path_factory.mktemp("streamlit") / "streamlit.log")
    st.event = event
    yield st
    st.stop()


@pytest.fixture(scope="module")
def page(server):
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        ctx.set_default_timeout(TIMEOUT)
        pg = ctx.new_page()
        pg.requested = []
        pg.on("request", lambda r: pg.requested.append(r.url))
        yield pg
        browser.close()


def test_no_page_asks_another_host_or_shows_a_feeds_link(page, server):
    for path in PAGES + [f"event?event={server.event}"]:
        page.goto(f"{server.base}/{path}")
        wait_idle(page, TIMEOUT)
        page.wait_for_timeout(500)   # favicon and fonts are asked for after the first render
        live = page.locator(f'a[href*="{EVIL}"], img[src*="{EVIL}"], [data-testid="stMain"] svg a')
        assert live.count() == 0, (path, [live.nth(i).evaluate(
            "e => { let p = e, t = []; while (p) { if (p.dataset && p.dataset.testid) t.push(p.dataset.testid); "
            "p = p.parentElement; } return t.join('<') + ' :: ' + e.outerHTML + ' :: ' + "
            "(e.closest('[data-testid=stMarkdownContainer]') || e.parentElement).innerHTML.slice(0, 400); }")
            for i in range(live.count())])
    elsewhere = sorted({u for u in page.requested
                        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).hostname not in ("127.0.0.1", "localhost")})
    assert elsewhere == []
    # The hostile text was there to be shown, as text.
    assert page.get_by_text("Verify your account", exact=False).count() >= 1
