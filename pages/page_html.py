"""The HTML a new tab gets at a page's own address (/overview, /event, …): Streamlit's index.html, told where
the server is.

Opened at /event, Streamlit's browser code cannot tell whether the app lives at / or under /event, so it
asks /event/_stcore/health first, gets a 404, waits 100 ms and asks /_stcore/health: some 0.1-0.2 s of
every new tab that opens a page other than the bare address (bench/dashboard_speed.py). Setting
window.__streamlit.BACKEND_BASE_URL (Streamlit's documented hook for hosts) to the page's parent address
makes the second guess the only one. The bare address and any other path are served by Streamlit as before.
"""
from __future__ import annotations

from pathlib import Path

# The page's parent: the same base the browser code's own second guess takes, so a server behind a proxy
# that adds a path prefix is found as before.
BASE_HINT = ('<script>window.__streamlit = Object.assign(window.__streamlit || {}, '
             '{BACKEND_BASE_URL: new URL(".", window.location.href).href});</script>')


def index_html() -> bytes:
    """Streamlit's index.html with the base hint first in its head (before its scripts read the hint)."""
    from streamlit import file_util
    html = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    if "<head>" not in html:  # a Streamlit whose page has another shape: serve it unchanged
        return html.encode("utf-8")
    return html.replace("<head>", "<head>\n    " + BASE_HINT, 1).encode("utf-8")


class PageHtml:
    """ASGI middleware: a GET of a page's own address (pages.common.PAGES, under server.baseUrlPath) gets the
    hinted index.html; every other request goes on to Streamlit."""

    def __init__(self, app) -> None:
        self.app = app
        self.paths: frozenset[str] | None = None
        self.body = b""

    def _load(self) -> None:
        # At the first request, not at start: importing pages.common before Streamlit's runtime exists
        # would set up the pages' caches without it.
        from streamlit import config
        from streamlit.url_util import make_url_path

        from pages.common import PAGES
        base = config.get_option("server.baseUrlPath") or ""
        self.body = index_html()
        self.paths = frozenset(make_url_path(base, url) for *_, url in PAGES)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        if self.paths is None:
            self._load()
        if scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        # no-cache, as Streamlit serves its own index.html: a new Streamlit version brings new bundle names
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"cache-control", b"no-cache"),
                                (b"content-length", str(len(self.body)).encode())]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else self.body})
