"""Security: the URL guard (schemes, private addresses, redirects) and no SQL built from strings."""
from __future__ import annotations

import ast
import asyncio
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from core.config import Settings
from core import urls
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
    # IPv6 forms that wrap a private IPv4 address, and addresses that are nobody's server
    "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::a00:5]/", "http://[64:ff9b:1::c0a8:101]/",
    "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::1]/", "http://[::ffff:0:7f00:1]/", "http://[fec0::1]/",
    "http://[ff0e::1]/", "http://[ff02::1]/", "http://224.0.0.1/", "http://239.1.2.3/", "http://240.0.0.1/",
    # names that do not resolve: the guard cannot check them, so it refuses them
    "http://no-such-host.invalid/feed.xml", "HTTP://no-such-host.invalid/",
]


@pytest.mark.parametrize("url", BLOCKED)
def test_guard_blocks_by_default(url):
    with pytest.raises(BlockedURL):
        check_url(url)


@pytest.mark.parametrize("url", [PUBLIC + "/feed.xml", "https://[2606:2800:220:1:248:1893:25c8:1946]/x",
                                 "HTTPS://93.184.216.34/x", "http://[64:ff9b::5db8:d822]/", "http://[2002:5db8:d822::1]/"])
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


# -- DNS: resolved once per run, off the event loop, every address checked, connection pinned ---------
class FakeDNS:
    """Stands in for the system resolver: answers per host name (a list of addresses, an exception, or a
    function of the call number), optionally slowly; counts lookups and how many ran at once."""

    def __init__(self, answers: dict, delay: float = 0.0):
        self.answers, self.delay = answers, delay
        self.calls: dict[str, int] = {}
        self.running = self.most = 0
        self.lock = threading.Lock()

    def __call__(self, host: str):
        import ipaddress
        with self.lock:
            n = self.calls[host] = self.calls.get(host, 0) + 1
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(self.delay)
            answer = self.answers.get(host, socket.gaierror(-2, "Name or service not known"))
            answer = answer(n) if callable(answer) else answer
            if isinstance(answer, Exception):
                raise answer
            return [ipaddress.ip_address(a) for a in answer]
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def dns(monkeypatch):
    def install(answers: dict, delay: float = 0.0) -> FakeDNS:
        fake = FakeDNS(answers, delay)
        monkeypatch.setattr(urls, "_lookup", fake)
        return fake
    return install


def _get_all(urls_: list[str], **settings):
    async def go():
        async with Fetcher(Settings(**{"retries": 0, "timeout": 2.0, **settings})) as f:
            return await asyncio.gather(*(f.get(u) for u in urls_)), f
    return asyncio.run(go())


def test_rebinding_host_is_connected_to_the_address_that_was_checked(site, dns):
    """A name that answers a public address to the check and 127.0.0.1 afterwards never reaches 127.0.0.1."""
    site.add("/internal", b"TOP-SECRET internal page", content_type="text/html")
    fake = dns({"rebind.test": lambda n: [PUBLIC.split("//")[1]] if n == 1 else ["127.0.0.1"]})
    url = f"http://rebind.test:{site.port}/internal"
    (first, second), fetcher = _get_all([url, url], allow_private=False, timeout=0.5)
    assert site.hits.get("/internal", 0) == 0
    assert fake.calls == {"rebind.test": 1}            # resolved once for the whole run
    assert first.error and not first.body and second.error and not second.body


def test_connection_goes_to_the_resolved_address_with_the_original_host_header(dns):
    """Pinned: the TCP connection goes to the checked address, the request still names the host."""
    seen = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            seen["host"] = self.headers.get("Host")
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dns({"pinned.test": ["127.0.0.1"]})
        (resp,), _ = _get_all([f"http://pinned.test:{server.server_port}/x"], allow_private=True)
    finally:
        server.shutdown()
        server.server_close()
    assert resp.ok and resp.body == b"ok"
    assert seen["host"] == f"pinned.test:{server.server_port}"


def test_tls_server_name_is_the_original_host(dns):
    """The TLS handshake to the pinned address still sends the host name (SNI) and checks its certificate."""
    import ssl
    names = []
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.sni_callback = lambda sock, name, c: names.append(name)
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def serve():
        conn, _ = srv.accept()
        try:
            ctx.wrap_socket(conn, server_side=True)   # no certificate: the handshake fails after the hello
        except (ssl.SSLError, OSError):
            pass
        finally:
            conn.close()
    threading.Thread(target=serve, daemon=True).start()
    try:
        dns({"sni.test": ["127.0.0.1"]})
        (resp,), _ = _get_all([f"https://sni.test:{srv.getsockname()[1]}/"], allow_private=True)
    finally:
        srv.close()
    assert names == ["sni.test"]
    assert resp.error and not resp.ok


def test_a_name_with_a_private_address_among_public_ones_is_refused(site, dns):
    site.add("/x", b"internal")
    dns({"mixed.test": [PUBLIC.split("//")[1], "10.0.0.7"]})
    (resp,), _ = _get_all([f"http://mixed.test:{site.port}/x"], allow_private=False)
    assert resp.error.startswith("blocked: mixed.test resolves to non-public address 10.0.0.7")
    assert site.hits.get("/x", 0) == 0


def test_lookups_run_concurrently_once_per_host_within_the_deadline(site, dns):
    """Slow lookups do not block the event loop or each other; each host is looked up once; a lookup
    that outlasts the request's deadline fails that host with a clear reason."""
    site.add("/p", b"page", content_type="text/html")
    fake = dns({f"slow{i}.test": ["127.0.0.1"] for i in range(4)}, delay=1.0)
    urls_ = [f"http://slow{i}.test:{site.port}/p" for i in range(4)] * 3
    resps, _ = _get_all(urls_, allow_private=True)
    assert all(r.ok for r in resps)
    assert fake.calls == {f"slow{i}.test": 1 for i in range(4)} and fake.most == 4
    fake = dns({"slower.test": ["127.0.0.1"]}, delay=1.5)
    (resp,), _ = _get_all([f"http://slower.test:{site.port}/p"], allow_private=True, timeout=0.3)
    assert resp.error.startswith("unreachable: cannot resolve host slower.test: no answer within 0.3s"), resp.error


def test_hosts_that_cannot_be_reached_are_skipped_for_the_rest_of_the_run(site, dns, tmp_path):
    """A feed whose links point at a host that does not resolve, and one at a host that refuses
    connections: each host is tried once (with its retries), its other pages are skipped with the
    reason, every item is stored with its summary, and the good pages are fetched."""
    from core.catalog import Outlet
    from core.ingest import run_ingest
    from core.store import Store
    from tests.hostile_cases import item, page, rss
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    dead_port = closed.getsockname()[1]
    closed.close()   # nothing listens there now: connections are refused
    fake = dns({"gone.test": socket.gaierror(-2, "Name or service not known"), "refusing.test": ["127.0.0.1"]})
    items = ([item(f"Gone {i}", f"http://gone.test/a/{i}.html") for i in range(8)]
             + [item(f"Refused {i}", f"http://refusing.test:{dead_port}/a/{i}.html") for i in range(8)]
             + [item("Good", site.base + "/a/good.html")])
    site.add("/feed.xml", rss(*items))
    site.add("/a/good.html", page("Good"), content_type="text/html; charset=utf-8")
    store = Store(str(tmp_path / "s.sqlite"))
    s = run_ingest(store, [Outlet("Wire", [site.base + "/feed.xml"])],
                   Settings(allow_private=True, timeout=1.0, retries=2, backoff=0.05, extract_workers=1))
    arts = store.articles_df(with_text=True, limit=None).set_index("title")
    assert s.feeds_ok == 1 and len(arts) == 17 and arts.loc["Good", "text_status"] == "ok"
    assert fake.calls["gone.test"] == 1
    gone, refused = arts.loc[[f"Gone {i}" for i in range(8)]], arts.loc[[f"Refused {i}" for i in range(8)]]
    assert (gone["text_status"] == "summary-only").all() and (refused["text_status"] == "summary-only").all()
    assert gone["text_error"].str.match(r"^(unreachable: cannot resolve host gone\.test|skipped: gone\.test could "
                                        r"not be reached earlier in this run)").all(), list(gone["text_error"])
    assert refused["text_error"].str.startswith("skipped: refusing.test could not be reached").sum() >= 4, \
        list(refused["text_error"])


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


def test_a_host_that_never_answers_is_skipped_after_its_first_pages(dns):
    """Accepts connections, never answers: the first pages wait out their timeouts and retries, the
    rest are skipped with the reason; a host that answered once is not condemned by one slow page."""
    hits = []
    stop = threading.Event()

    class Silent(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            hits.append(self.path)
            if self.path.startswith("/fine"):
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")
                return
            stop.wait(10)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Silent)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        dns({"silent.test": ["127.0.0.1"], "known.test": ["127.0.0.1"]})
        port = server.server_port
        silent = [f"http://silent.test:{port}/p{i}" for i in range(40)]
        resps, fetcher = _get_all(silent, allow_private=True, timeout=0.3, retries=1, backoff=0.01)
        # Without the memory: 80 requests. With it, until the host answers once its requests go one at a
        # time: the first times out, the host is remembered, the first retries, the other 39 are skipped.
        assert len(hits) == 2 and all(r.error for r in resps)
        assert sum(r.error.startswith("skipped: silent.test could not be reached") for r in resps) == 39
        hits.clear()
        resps, fetcher = _get_all([f"http://known.test:{port}/fine"] + [f"http://known.test:{port}/slow{i}"
                                                                         for i in range(3)],
                                  allow_private=True, timeout=0.3, retries=0)
        assert resps[0].ok and not any(r.error.startswith("skipped") for r in resps[1:])
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
