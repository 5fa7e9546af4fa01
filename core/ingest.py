"""One ingest run: fetch every feed, keep new items, fetch and extract their pages, store them."""
from __future__ import annotations

import asyncio
import os
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from .catalog import Outlet
from .clean import strip_invisible
from .config import Settings
from .dates import opening_date
from .extract import extract_page, warm_up
from .feeds import FeedError, language_tag, parse_feed
from .fetch import Fetcher, Response, valid_validator
from .models import Article
from .store import Store, store_fault
from .urls import same_page_urls

Progress = Callable[[str, int, int], None]   # (stage, done, total)
PAGE_MONTH_ONLY = "the page gives only a year and month: kept to the year"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass
class FeedResult:
    """What happened to one feed in this run."""

    url: str
    outlet: str
    status: str                      # ok / not-modified / failed
    new_articles: int = 0
    items: int = 0
    error: str | None = None


@dataclass
class Summary:
    """The end-of-run tally shown on the command line and in the dashboard."""

    feeds_ok: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    feeds_backed_off: int = 0
    new_articles: int = 0
    pages_failed: int = 0
    seconds: float = 0.0
    feeds: list[FeedResult] = field(default_factory=list)
    store_error: str | None = None   # the store could not be written in this run (the first reason)

    def line(self) -> str:
        backed = f", backed off {self.feeds_backed_off}" if self.feeds_backed_off else ""
        return (f"feeds ok {self.feeds_ok}, not modified {self.feeds_not_modified}, failed {self.feeds_failed}{backed}; "
                f"new articles {self.new_articles} ({self.pages_failed} without page text); {self.seconds:.1f} s")


def run_ingest(store: Store, catalog: list[Outlet], settings: Settings | None = None,
               progress: Progress | None = None, on_new: Callable[[list[Article]], None] | None = None) -> Summary:
    """Synchronous entry point for the CLI and the dashboard."""
    return asyncio.run(ingest(store, catalog, settings, progress, on_new))


async def ingest(store: Store, catalog: list[Outlet], settings: Settings | None = None,
                 progress: Progress | None = None, on_new: Callable[[list[Article]], None] | None = None) -> Summary:
    """Fetch all feeds concurrently; each feed's new articles are stored before its ETag is."""
    s = settings or Settings.from_env()
    start = time.perf_counter()
    store.save_outlets(catalog)
    state = store.feed_state()
    now = datetime.now(timezone.utc)
    summary = Summary()
    jobs = []
    for o in catalog:
        for url in o.feeds:
            if backed_off(state.get(url, {}), now, s):
                summary.feeds_backed_off += 1
            else:
                jobs.append((o, url))
    done = 0
    report = progress or (lambda *a: None)
    report("feeds", 0, len(jobs))
    with _extractor(s) as pool:
        async with Fetcher(s) as fetcher:
            run = _Run(store, fetcher, pool, s, report, on_new)
            for coro in asyncio.as_completed([run.feed(o, url, state.get(url, {})) for o, url in jobs]):
                res = await coro
                summary.feeds.append(res)
                done += 1
                report("feeds", done, len(jobs))
    for r in summary.feeds:
        summary.new_articles += r.new_articles
        if r.status == "ok":
            summary.feeds_ok += 1
        elif r.status == "not-modified":
            summary.feeds_not_modified += 1
        else:
            summary.feeds_failed += 1
    summary.pages_failed = run.pages_failed
    summary.store_error = run.store_errors[0] if run.store_errors else None
    summary.seconds = time.perf_counter() - start
    return summary


def backed_off(prev: dict, now: datetime, s: Settings) -> bool:
    """A feed that keeps failing waits longer and longer (capped) before it is tried again."""
    fails = prev.get("failures_in_row") or 0
    last = prev.get("last_fetched")
    if fails < s.backoff_after or last is None:
        return False
    wait = min(s.backoff_base_minutes * 2 ** (fails - s.backoff_after), s.backoff_max_hours * 60)
    return now.replace(tzinfo=None) < last + timedelta(minutes=wait)


def parse_every(text: str) -> float:
    """'15m', '2h', '30s', '1d' or plain seconds -> seconds."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    t = text.strip().lower()
    try:
        value = float(t[:-1]) * units[t[-1]] if t and t[-1] in units else float(t)
    except ValueError:
        raise ValueError(f"--every {text!r}: use a number with s, m, h or d, e.g. 15m") from None
    if value < 10:
        raise ValueError(f"--every {text!r}: at least 10 seconds between runs")
    return value


class _Run:
    """State shared by the feed tasks of one run."""

    def __init__(self, store: Store, fetcher: Fetcher, pool: "_extractor", s: Settings, report: Progress, on_new):
        self.store, self.fetcher, self.pool, self.s, self.report, self.on_new = store, fetcher, pool, s, report, on_new
        self.pages_total = self.pages_done = self.pages_failed = 0
        self.claimed: set[str] = set()   # ids being fetched by another feed task this run
        self.claimed_urls: dict[str, str] = {}   # pages being fetched this run, and for which outlet
        self.store_errors: list[str] = []   # why the store refused writes this run (disk full, read-only…)

    async def feed(self, outlet: Outlet, url: str, prev: dict) -> FeedResult:
        """Fetch, parse and store one feed; any failure is recorded on the feed, never raised."""
        now = datetime.now(timezone.utc)
        fails = prev.get("failures_in_row") or 0
        base = dict(last_fetched=now.replace(tzinfo=None))
        try:
            return await self._feed(outlet, url, prev, now, base)
        except Exception as e:  # noqa: BLE001 - parse, store, validators, anything: this feed failed, not the run
            fault = store_fault(e)
            error = (f"store error: the store could not be written ({fault})" if fault is not None
                     else f"failed: {type(e).__name__}: {str(e)[:300]}")
        if fault is not None:
            self.store_errors.append(fault)
        try:
            # A full disk or a locked store is no fault of the feed's: it is not backed off for it.
            self.store.record_feed(url, outlet.name, last_status="failed", last_error=error,
                                   failures_in_row=fails if fault is not None else fails + 1, **base)
        except Exception as e:  # noqa: BLE001 - even recording it failed: say so in the summary
            error += f" (and recording the failure failed: {store_fault(e) or type(e).__name__})"
        return FeedResult(url, outlet.name, "failed", error=error)

    async def _feed(self, outlet: Outlet, url: str, prev: dict, now: datetime, base: dict) -> FeedResult:
        etag, modified = valid_validator(prev.get("etag")), valid_validator(prev.get("last_modified"))
        resp = await self.fetcher.get(url, etag, modified, accept=FEED_ACCEPT)
        fails = prev.get("failures_in_row") or 0
        base.update(latency_ms=round(resp.latency_ms, 1), http_status=resp.status)
        if resp.not_modified:
            self.store.record_feed(url, outlet.name, last_status="not-modified", last_error=None, failures_in_row=0,
                                   last_ok=base["last_fetched"], **base)
            return FeedResult(url, outlet.name, "not-modified")
        try:
            if not resp.ok:
                raise FeedError(resp.error or f"HTTP {resp.status}")
            # In a worker: parsing a feed takes long enough to hold up every page fetch in flight.
            parsed = await self.pool.run(parse_feed, resp.body, outlet.name, url, resp.headers.get("content-type"),
                                         now, self.s)
        except FeedError as e:
            self.store.record_feed(url, outlet.name, last_status="failed", last_error=str(e), failures_in_row=fails + 1, **base)
            return FeedResult(url, outlet.name, "failed", error=str(e))
        known = self.store.known_ids(a.id for a in parsed.items)
        fresh = [a for a in parsed.items if a.id not in known and a.id not in self.claimed]
        fresh, moved = self._not_stored_elsewhere(outlet.name, fresh)
        fresh, owners = self._not_another_outlets(outlet.name, fresh)
        self.claimed.update(a.id for a in fresh)
        self.claimed_urls.update((a.url, outlet.name) for a in fresh if a.url)
        if self.s.fetch_pages:
            await self._fill_text(fresh)
        else:
            for a in fresh:
                _use_summary(a, "page fetching disabled")
        new = self.store.add_articles(fresh)
        if fresh and self.on_new:
            self.on_new(fresh)
        notes = parsed.warnings + parsed.skipped[:5]
        if moved:
            notes.append(f"{moved} item(s) already stored under another address of the same page (http/https, "
                         "a trailing slash or its AMP copy): not stored again")
        if owners:
            notes.append(f"{sum(owners.values())} item(s) are pages already stored for another outlet ("
                         + ", ".join(f"{o}: {n}" for o, n in sorted(owners.items())) + "): one page is one article, "
                         "not stored again under this outlet")
        # A validator the server sent that cannot be sent back (non-ASCII, absurdly long) is not kept:
        # conditional GET only saves time, and a bad one would fail every later request for the feed.
        new_etag, new_modified = (resp.headers.get(k) for k in ("etag", "last-modified"))
        for name, value in (("ETag", new_etag), ("Last-Modified", new_modified)):
            if value and valid_validator(value) is None:
                notes.append(f"ignored an unusable {name} header")
        # Validators are stored only now, after the items: a crash before this line means the
        # next run gets the full feed again instead of a 304 that would hide unsaved items.
        self.store.record_feed(url, outlet.name, last_status="ok", last_error="; ".join(notes) or None,
                               failures_in_row=0, etag=valid_validator(new_etag),
                               last_modified=valid_validator(new_modified), items_seen=len(parsed.items),
                               new_articles=new, last_ok=base["last_fetched"], **base)
        return FeedResult(url, outlet.name, "ok", new_articles=new, items=len(parsed.items))

    def _not_stored_elsewhere(self, outlet: str, items: list[Article]) -> tuple[list[Article], int]:
        """Items whose page is not stored for the outlet under another of its addresses (http for https, a
        trailing slash, the AMP copy: see urls.same_page_key), and how many were; one page is one article."""
        variants = {a.id: [u for u in same_page_urls(a.url) if u != a.url] for a in items if a.url}
        stored = self.store.stored_urls(outlet, [u for us in variants.values() for u in us])
        if not stored:
            return items, 0
        keep = [a for a in items if not stored.intersection(variants.get(a.id, []))]
        return keep, len(items) - len(keep)

    def _not_another_outlets(self, outlet: str, items: list[Article]) -> tuple[list[Article], dict[str, int]]:
        """Items whose page is not stored (or being fetched) for another outlet, and how many were, per that outlet:
        two catalog entries sharing pages (a site's world and tech feeds named as two outlets) would otherwise count
        one article twice in every event."""
        urls = {a.id: [a.url, *same_page_urls(a.url)] for a in items if a.url}
        if not urls:
            return items, {}
        others = {u: o for u, o in self.store.url_outlets([u for us in urls.values() for u in us]).items() if o != outlet}
        others.update((u, o) for us in urls.values() for u in us if (o := self.claimed_urls.get(u)) and o != outlet)
        keep, owners = [], {}
        for a in items:
            owner = next((others[u] for u in urls.get(a.id, ()) if u in others), None)
            if owner is None:
                keep.append(a)
            else:
                owners[owner] = owners.get(owner, 0) + 1
        return keep, owners

    async def _fill_text(self, items: list[Article]) -> None:
        """Fetch and extract each item's page concurrently; keep the feed summary when that fails."""
        self.pages_total += len(items)
        self.report("pages", self.pages_done, self.pages_total)
        await asyncio.gather(*(self._page(a) for a in items))

    async def _page(self, a: Article) -> None:
        try:
            await self._fetch_page(a)
        except Exception as e:  # noqa: BLE001 - one page that breaks anything is one page kept as its summary
            _use_summary(a, f"page failed: {type(e).__name__}: {str(e)[:200]}")
        finally:
            if a.text_status != "ok":
                self.pages_failed += 1
            self.pages_done += 1
            self.report("pages", self.pages_done, self.pages_total)

    async def _fetch_page(self, a: Article) -> None:
        """Fetch and extract one page; keep the feed summary and say why when that fails."""
        if not a.url:
            _use_summary(a, "no link in feed")
            return
        resp: Response = await self.fetcher.get(a.url, accept="text/html,application/xhtml+xml,*/*;q=0.8")
        if not resp.ok:
            _use_summary(a, resp.error or f"HTTP {resp.status}")
            return
        kind = _not_a_page(resp)
        if kind:
            _use_summary(a, f"not a web page: the link returned {kind}")
            return
        try:
            ex = await self.pool.run(extract_page, resp.body, resp.final_url or a.url)
        except Exception as e:  # noqa: BLE001 - a page that breaks the extractor is one failed page
            ex, err = None, f"extraction failed: {type(e).__name__}: {e}"
        else:
            err = "no article text found on page"
        if ex is None:
            _use_summary(a, err)
            return
        a.text, a.text_status, a.boilerplate = ex.text, "ok", ex.boilerplate
        if len(a.text) > self.s.max_text_chars:   # the store would cut it anyway: here it is said
            a.text, a.text_error = a.text[:self.s.max_text_chars], f"text cut to {self.s.max_text_chars:,} characters"
        a.author = a.author or (strip_invisible(ex.author) or "").strip()[:self.s.max_field_chars] or None
        a.language = a.language or language_tag(ex.language)
        if a.date_source == "first-seen" and ex.published and ex.published <= datetime.now(timezone.utc):
            # trafilatura reads a page's date to the day (YYYY-MM-DD): a date, never a time; a year and month
            # with no day is kept to the year (core.extract.page_date_precision). The feed's "missing" flag no
            # longer holds once the page dates the article.
            a.published, a.date_source, a.date_precision = ex.published, "page", ex.date_precision
            a.date_flag = PAGE_MONTH_ONLY if ex.date_precision == "year" else None
        elif a.date_source == "first-seen" and (read := opening_date(a.text, "page")) is not None:
            # no date in the feed or the page's metadata, but the text prints one at its top (a date line, an
            # AFP dateline with its year): the day it names beats the time framelens first saw the item
            a.published, a.date_source, a.date_precision, a.date_flag = read.published, "page", read.precision, read.flag


def _not_a_page(resp: Response) -> str | None:
    """What a link returned instead of a web page (a PDF, an image…), or None: no extractor reads those."""
    ctype = (resp.headers.get("content-type") or "").split(";")[0].strip().lower()
    if resp.body.startswith(b"%PDF-") or ctype == "application/pdf":
        return "a PDF"
    if ctype.startswith(("image/", "audio/", "video/", "font/")) or ctype == "application/zip":
        return f"{ctype} content"
    return None


def _use_summary(a: Article, why: str) -> None:
    """No page text: keep the feed's summary and say why."""
    a.text = a.summary or ""
    a.text_status = "summary-only" if a.summary else "failed"
    a.text_error = why


class _extractor:
    """Process pool for the CPU-bound work (feed parsing, extraction); threads when only one core is there.

    The workers are started and warmed up at once, while the feeds are being fetched. A worker that
    dies (a page that crashes the C parser) breaks the pool and every task in it: the pool is replaced
    and each of those tasks is tried again in a process of its own, so only the one that kills it fails.
    """

    def __init__(self, s: Settings):
        self.n = s.extract_workers or (os.cpu_count() or 1)
        self.pool: Executor = self._start()

    def _start(self) -> Executor:
        if self.n <= 1:
            return ThreadPoolExecutor(max_workers=1)
        pool = ProcessPoolExecutor(max_workers=self.n)
        for _ in range(self.n):
            pool.submit(warm_up)
        return pool

    async def run(self, fn, *args):
        """fn(*args) in a worker."""
        loop, pool = asyncio.get_running_loop(), self.pool
        try:
            return await loop.run_in_executor(pool, fn, *args)
        except BrokenProcessPool:
            if self.pool is pool:
                self.pool = self._start()
                pool.shutdown(wait=False, cancel_futures=True)
        # Tried again alone, in a process of its own: if that one dies too, this task is the culprit.
        solo = ProcessPoolExecutor(max_workers=1)
        try:
            return await loop.run_in_executor(solo, fn, *args)
        except BrokenProcessPool:
            raise RuntimeError("the worker process died on this input") from None
        finally:
            solo.shutdown(wait=False)

    def __enter__(self) -> "_extractor":
        return self

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
