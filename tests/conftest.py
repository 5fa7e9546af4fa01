"""Fixtures: paths to ../shared, a scriptable local HTTP server, the shared replay site, and bench scripts as
modules."""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# The command line installed beside the interpreter running the tests: the checkout's .venv in CI, and the same
# venv when a git worktree (which has no .venv of its own) runs its tests with PYTHONPATH pointing at itself.
FRAMELENS = str(Path(sys.executable).parent / "framelens")

# Tests talk to servers on 127.0.0.1, which the URL guard refuses unless told otherwise.
os.environ["FRAMELENS_ALLOW_PRIVATE"] = "1"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a reason when the data is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not found at {p} (the project reads ../shared beside the checkout)")
    return p


def bench_module(script: str):
    """A script under bench/ ("labels/events_feeds.py") as a module, loaded afresh (bench/ is no package)."""
    path = ROOT / "bench" / script
    spec = importlib.util.spec_from_file_location(f"{path.stem}_under_test", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Route:
    """What the fake server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0            # seconds before answering
    stall_after: int | None = None  # send this many bytes, then hang
    etag: str | None = None


class FakeSite:
    """A local web server whose answers tests set per path, counting requests."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.arrivals: list[str] = []   # paths in the order their requests arrived
        self.in_flight = self.max_in_flight = 0
        self._count = threading.Lock()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                with site._count:
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    self._answer()
                finally:
                    with site._count:
                        site.in_flight -= 1

            def _answer(self):
                path = self.path
                site.hits[path] = site.hits.get(path, 0) + 1
                site.arrivals.append(path)
                r = site.routes.get(path)
                if r is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                if r.delay:
                    time.sleep(r.delay)
                if r.etag and self.headers.get("If-None-Match") == r.etag:
                    self.send_response(304)
                    self.send_header("ETag", r.etag)
                    self.end_headers()
                    return
                self.send_response(r.status)
                self.send_header("Content-Type", r.content_type)
                if r.etag:
                    self.send_header("ETag", r.etag)
                for k, v in r.headers.items():
                    self.send_header(k, v)
                if r.stall_after is None and "Content-Length" not in r.headers:
                    self.send_header("Content-Length", str(len(r.body)))
                self.end_headers()
                try:
                    if r.stall_after is not None:
                        self.wfile.write(r.body[: r.stall_after])
                        self.wfile.flush()
                        site._stop.wait(30)
                        return
                    self.wfile.write(r.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: bytes | str = b"", **kw) -> str:
        """Serve `body` at `path` and return its full URL."""
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **kw)
        return self.base + path

    def close(self):
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = FakeSite()
    yield s
    s.close()


PG_URL = os.environ.get("FRAMELENS_TEST_PG")  # .ci/run starts PostgreSQL and sets this


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty store: an SQLite file, and the same test again on PostgreSQL when one is there."""
    if request.param == "sqlite":
        return str(tmp_path / "framelens.sqlite")
    if not PG_URL:
        pytest.skip("FRAMELENS_TEST_PG is not set (CI starts PostgreSQL and sets it)")
    import sqlalchemy as sa
    from core.store import metadata
    engine = sa.create_engine(PG_URL)
    metadata.drop_all(engine)
    engine.dispose()
    return PG_URL


def start_replay(*args: str, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """Run ../shared/tools/replay_site.py with these arguments; returns (process, base URL)."""
    tool = shared_path("tools", "replay_site.py")
    port = port or free_port()
    proc = subprocess.Popen([sys.executable, str(tool), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/_stats", timeout=1).read()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"replay site exited: {proc.stdout.read()}")
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("replay site did not start")


@pytest.fixture
def replay():
    """Factory fixture: replay(args...) -> base URL; every site started is stopped afterwards."""
    procs = []

    def start(*args: str) -> str:
        proc, base = start_replay(*args)
        procs.append(proc)
        return base
    yield start
    for p in procs:
        p.kill()
        p.wait()


def event_of(store, article_id: str) -> str:
    """The event a stored article was placed in."""
    return next(a["event_id"] for a in store.clustered_since(None) if a["id"] == article_id)


def served(db: str, monkeypatch):
    """The store at `db` as the app under test reads it (FRAMELENS_DB), open for the test, closed after it."""
    from core.store import Store
    monkeypatch.setenv("FRAMELENS_DB", db)
    s = Store(db)
    yield s
    s.dispose()
