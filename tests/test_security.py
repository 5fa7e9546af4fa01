"""Security: the URL guard (schemes, private addresses, redirects) and no SQL built from strings."""
from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import httpx
import pytest

from core.config import Settings
from core.fetch import Fetcher
from core.urls import BlockedURL, check_url

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = "http://93.184.216.34"   # a literal public address: no DNS needed, the guard lets it through

BLOCKED = [
    "file:///etc/passwd", "ftp://93.184.216.34/x", "gopher://93.184.216.34/", "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "http://127.0.0.1:8501/", "http://localhost/", "http://app.localhost/",
    "http://10.0.0.5/feed", "http://172.16.3.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/", "http://[::1]/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/", "http://100.64.0.1/", "http://2130706433/", "http://0x7f.1/",
    "http://127.1/", "http://evil.com@127.0.0.1/", "http:///nohost",
]


@pytest.mark.parametrize("url", BLOCKED)
def test_guard_blocks_by_default(url):
    with pytest.raises(BlockedURL):
        check_url(url)


@pytest.mark.parametrize("url", [PUBLIC + "/feed.xml", "https://[2606:2800:220:1:248:1893:25c8:1946]/x"])
def test_guard_allows_public(url):
    check_url(url)


def test_allow_private_opens_addresses_not_schemes():
    check_url("http://127.0.0.1/", allow_private=True)
    check_url("http://[::1]/", allow_private=True)
    check_url("http://169.254.169.254/", allow_private=True)
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/"):
        with pytest.raises(BlockedURL):
            check_url(url, allow_private=True)


def _fetch_via(redirect_to: str, allow_private: bool = False):
    """A public URL whose server redirects to `redirect_to`; returns the Response and the URLs requested."""
    requested = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.host == "93.184.216.34" and request.url.path == "/start":
            return httpx.Response(302, headers={"Location": redirect_to})
        return httpx.Response(200, text="<rss/>")

    async def go():
        client = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=False)
        async with Fetcher(Settings(allow_private=allow_private, retries=0), client=client) as f:
            return await f.get(PUBLIC + "/start")
    return asyncio.run(go()), requested


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
                                    "http://10.1.2.3/", "http://[::1]/", "file:///etc/passwd", "http://localhost:8501/"])
def test_redirects_are_checked_like_the_first_url(target):
    resp, requested = _fetch_via(target)
    assert resp.error and resp.error.startswith("blocked:"), resp.error
    assert requested == [PUBLIC + "/start"]   # the private target was never contacted


def test_redirect_to_public_is_followed():
    resp, requested = _fetch_via(PUBLIC + "/feed.xml")
    assert resp.ok and requested == [PUBLIC + "/start", PUBLIC + "/feed.xml"]


def test_relative_redirect_resolved_against_current_host():
    resp, requested = _fetch_via("/feed.xml")
    assert resp.ok and requested[-1] == PUBLIC + "/feed.xml"


def test_ingest_records_blocked_feed(tmp_path):
    """A catalog URL on a private address fails with a clear reason; nothing is requested."""
    from core.catalog import Outlet
    from core.ingest import run_ingest
    from core.store import Store
    store = Store(str(tmp_path / "s.sqlite"))
    cat = [Outlet("Meta", ["http://169.254.169.254/latest/meta-data/"]), Outlet("File", ["file:///etc/passwd"])]
    s = run_ingest(store, cat, Settings(allow_private=False, retries=0, extract_workers=1))
    assert s.feeds_failed == 2
    errs = set(store.feeds_df()["last_error"])
    assert any("non-public address 169.254.169.254" in e for e in errs)
    assert any("scheme 'file' not allowed" in e for e in errs)


# -- no SQL built from strings ----------------------------------------------------------------
SQL_SINKS = {"text", "execute", "exec_driver_sql", "executescript", "executemany", "read_sql", "read_sql_query"}


def _is_built_string(node: ast.AST) -> bool:
    """An f-string, %-formatting, .format() or concatenation involving a string."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return any(isinstance(n, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(n, "value", ""), str)
                   or _is_built_string(n) for n in (node.left, node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return True
    return False


def sql_string_building(paths) -> list[str]:
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            # Constant SQL (PRAGMAs) is fine; SQL assembled from values is not.
            if name in SQL_SINKS and _is_built_string(node.args[0]):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_detector_catches_string_sql(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('c.execute(sa.text(f"select * from a where id = {x}"))\nc.execute("delete from a where id = %s" % x)\n'
                   'sa.text("select " + col)\nc.exec_driver_sql("select {}".format(x))\n', encoding="utf-8")
    assert len(sql_string_building([bad])) == 4


def test_no_sql_built_by_string_formatting():
    paths = sorted((ROOT / "core").glob("*.py")) + sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]
    assert sql_string_building([p for p in paths if p.exists()]) == []


# -- nothing from a feed is rendered as HTML unescaped --------------------------------------------
def test_views_never_allow_raw_html():
    """Streamlit views may not switch on raw HTML; markdown of feed text goes through common.safe()."""
    offenders = []
    for path in sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]:
        src = path.read_text(encoding="utf-8")
        for needle in ("unsafe_allow_html=True", "st.html(", "components.html(", "components.v1.html("):
            if needle in src:
                offenders.append(f"{path.name}: {needle}")
    assert offenders == []


def test_safe_makes_markup_inert():
    import importlib.util
    import re
    src = (ROOT / "pages" / "common.py").read_text(encoding="utf-8")
    pattern = re.search(r'_MD_SPECIAL = re.compile\((r".*?")\)', src).group(1)
    special = re.compile(ast.literal_eval(pattern))
    out = special.sub(r"\\\1", '<img src=x onerror=alert(1)>[click](javascript:alert(2))')
    assert re.search(r"(?<!\\)[<>\[\]()]", out) is None, out   # every markup character escaped
    assert importlib.util.find_spec("streamlit") is not None
