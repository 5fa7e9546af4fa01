"""Helpers for the browser tests and the dashboard benchmark: build a store, run streamlit, launch Chromium."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "data" / "corpora"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def require_browser():
    """Skip the calling test module unless Debian's Chromium, the shared corpora and Playwright are all there;
    returns Playwright's sync API (call it at module level)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found (CI installs Debian's chromium package)", allow_module_level=True)
    if not CORPORA.exists():
        pytest.skip(f"shared corpora not found at {CORPORA}", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="playwright is a test dependency (pip install -e '.[test]')")


XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_TEXT = "Officials said nothing. <script>alert(2)</script> The talks will continue next week."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def xss_row(published: str = "2021-07-01T12:00:00Z") -> dict:
    """One article whose title and text are markup, as a hostile feed might send."""
    return {"id": "xss-1", "outlet": "Hostile Feed", "title": XSS_TITLE, "text": XSS_TEXT,
            "published": published, "url": "https://hostile.example/a/1"}


def build_store(db: Path, corpora=("basil.jsonl", "allsides_dev.jsonl"), extra_rows=(), quotes: bool = True):
    """Import the shared corpora (plus `extra_rows`) into a fresh SQLite store and analyse them."""
    from core.analyse import analyse_new
    from core.corpus import import_file, import_text
    from core.store import Store
    s = Store(str(db))
    for name in corpora:
        import_file(s, CORPORA / name)
    if extra_rows:
        import_text(s, "\n".join(json.dumps(r) for r in extra_rows), "jsonl")
    analyse_new(s, quotes=quotes)
    return s


class Streamlit:
    """`streamlit run dashboard.py` (or another script) on a free port against one store; stop() ends it."""

    def __init__(self, db: Path | str, port: int | None = None, log: Path | None = None, script: str = "dashboard.py",
                 timeout: float = 60):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "FRAMELENS_DB": str(db), "PYTHONUNBUFFERED": "1"}
        self.log_path = log
        self._log = open(log, "w") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(self.port),
             "--server.headless", "true", "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait(timeout)

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not answer /_stcore/health within {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._log is not subprocess.DEVNULL:
            self._log.close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


# -- waiting for Streamlit in the browser ---------------------------------------------------------
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until the script has run at least once and is not running now (and no stale elements linger)."""
    page.wait_for_selector(APP_IDLE, timeout=timeout)
    # Streamlit marks elements left over from the previous run as stale until the run finishes.
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && document.querySelector('[data-testid=\"stApp\"]').getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout)


def wait_rerun(page, action, timeout: float = 60_000) -> None:
    """Do `action` (which triggers a rerun) and wait for that rerun to finish.

    A quick rerun can go running -> notRunning before the observer's callback runs (so old values are
    checked too), or never show as running at all when React batches both updates; after 10 s without
    seeing it the rerun is taken as done, and callers assert on what the rerun changes.
    """
    page.evaluate("() => { window.__fl_ran = false; const app = document.querySelector('[data-testid=\"stApp\"]');"
                  " window.__fl_obs && window.__fl_obs.disconnect();"
                  " window.__fl_obs = new MutationObserver((records) => {"
                  " if (records.some(r => r.oldValue === 'running')"
                  " || app.getAttribute('data-test-script-state') === 'running') window.__fl_ran = true; });"
                  " window.__fl_obs.observe(app, {attributes: true, attributeOldValue: true,"
                  " attributeFilter: ['data-test-script-state']}); }")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    action()
    try:
        page.wait_for_function("() => window.__fl_ran === true", timeout=min(timeout, 10_000))
    except PlaywrightTimeout:
        pass
    wait_idle(page, timeout)


def open_filters(page) -> None:
    """Open the sidebar's Filters popover (its widgets are mounted only while it is open)."""
    if not page.locator(".st-key-f_outlets").is_visible():
        page.locator(".st-key-f_menu button").first.click()
        page.locator(".st-key-f_outlets input").wait_for()


def pick_multiselect(page, key: str, option: str) -> None:
    """Choose `option` in the multiselect with widget key `key` (sidebar filters or main)."""
    if key.startswith("f_"):
        open_filters(page)
    box = page.locator(f".st-key-{key} input")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    page.keyboard.press("Escape")


def full_screenshot(page, path, width: int = 1400, max_height: int = 12_000) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so grow the viewport to fit."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    old = page.viewport_size
    h = page.evaluate("() => Math.max(...['[data-testid=\"stMain\"]', '[data-testid=\"stMainBlockContainer\"]',"
                      " '[data-testid=\"stSidebarContent\"]'].map(s => document.querySelector(s))"
                      ".filter(Boolean).map(e => e.scrollHeight), document.body.scrollHeight)")
    page.set_viewport_size({"width": width, "height": min(max(int(h) + 40, 600), max_height)})
    page.wait_for_timeout(300)  # let plotly charts re-layout to the new size
    page.screenshot(path=str(path), full_page=True)
    if old:
        page.set_viewport_size(old)
