"""A page's own address (/event, …) serves Streamlit's page with the hint of where the server is, so that a new
tab does not look for the server under the page's path first (pages/page_html.py)."""
from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from pages.common import PAGES
from pages.page_html import BASE_HINT, PageHtml


async def streamlit(request):
    """Stands for Streamlit's own routes: says what reached it."""
    return PlainTextResponse(f"streamlit {request.method} {request.url.path}")


@pytest.fixture
def client(monkeypatch):
    from streamlit import config
    monkeypatch.setattr(config, "get_option", lambda key: "" if key == "server.baseUrlPath" else None)
    app = Starlette(routes=[Route("/{path:path}", streamlit, methods=["GET", "HEAD", "POST"])])
    return TestClient(PageHtml(app))


@pytest.mark.parametrize("url", [url for *_, url in PAGES])
def test_every_page_address_gets_the_hint_before_streamlits_scripts(client, url):
    got = client.get(f"/{url}?event=e1&outlet=Fox+News")
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    assert got.headers["cache-control"] == "no-cache"   # as Streamlit's own index.html: bundle names change
    html = got.text
    assert BASE_HINT in html and html.index(BASE_HINT) < html.index("<script type=\"module\"")


@pytest.mark.parametrize("path", ["/", "/nope", "/event/_stcore/health", "/_stcore/health", "/static/js/x.js",
                                  "/eventx", "/favicon.png"])
def test_other_addresses_reach_streamlit_unchanged(client, path):
    assert client.get(path).text == f"streamlit GET {path}"


def test_only_reads_are_answered(client):
    assert client.post("/event").text == "streamlit POST /event"
    assert client.head("/event").status_code == 200 and client.head("/event").content == b""


def test_under_a_base_path(monkeypatch):
    from streamlit import config
    monkeypatch.setattr(config, "get_option", lambda key: "/lens/" if key == "server.baseUrlPath" else None)
    app = Starlette(routes=[Route("/{path:path}", streamlit)])
    client = TestClient(PageHtml(app))
    assert BASE_HINT in client.get("/lens/event").text
    assert client.get("/event").text == "streamlit GET /event"
