"""The store and the cached reads behind every page, in one place so that the server can compute
them before anyone asks (`lifespan`, which `streamlit run dashboard.py` runs at start).

Each read takes the store, its data version (so an ingest refreshes it) and the sidebar's filters
dict, and picks the filters it uses itself: a page and `warm()` that pass the same filters hit the
same cache entry, which they would not if each built its own keyword arguments.
"""
from __future__ import annotations

import asyncio
import logging
import threading
import time
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from urllib.parse import quote_plus

import pandas as pd
import streamlit as st
from streamlit.logger import get_logger

from core.charts import EXPORTER, colour_book, picture, timeline
from core.config import Settings
from core.coverage import (NO_FIRST, attention_by_group, attention_by_topic, blind_spots, event_checks, first_report_texts,
                           lags, original_outlets, summaries_may_mix)
from core.framing import compare_event
from core.sources import outlet_shares
from core.store import Store

log = get_logger("framelens.warm")
_warming = threading.local()


class _QuietWhileWarming(logging.Filter):
    """Warming runs the cached reads outside any page run, so Streamlit would warn, once per read that
    has a spinner, that there is no page to show it on; that is expected here, and only here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(_warming, "on", False)


logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_QuietWhileWarming())

# Charts and the date filter cover this span: one article dated year 1 or 9999 would stretch every axis.
VIEW_START = datetime(Settings().view_oldest_year, 1, 1, tzinfo=timezone.utc)

MAX_EVENTS = 1000  # Overview's table and the Event page's picker
MAX_POINTS = 3000  # Timelines' publication chart
MAX_ROWS = 1000  # Articles' rows (its CSV)
# Rows a table draws (the newest or broadest; its CSV holds them all): at 100k articles, 300 rows instead of
# 1,000 cut a filter change on Overview by ~0.1 s of browser CPU and 0.1-0.2 s of wall time.
TABLE_ROWS = 300
ARTICLE_KEYS = ("outlets_in", "start", "end", "search", "text", "topics_in")   # the topic filter applies everywhere


@st.cache_resource(show_spinner=False)
def get_store(db: str) -> Store:
    """One store (connection pool) per database for the whole server."""
    return Store(db or None)


def store() -> Store:
    return get_store(Settings.from_env().db)


def data_version(s: Store) -> tuple:
    """Changes whenever articles, events or outlet details change, so cached reads refresh after an ingest
    or an edit."""
    # The store's URL is part of the key: two stores with the same counts must not share a cache.
    # A user's correction of an event, or quotes saved after an ingest counted its articles, change no
    # count, so their marks are part of the version too. One statement (Store.version_marks): every run asks.
    n_articles, hi, n_events, edited, corrections, analysed = s.version_marks()
    return s.url, n_articles, str(hi), n_events, edited, corrections, analysed


def article_scope(f: dict) -> dict:
    """The filters that apply to article queries, always in the same order (it is part of the cache key)."""
    return {k: f.get(k) for k in ARTICLE_KEYS}


@st.cache_data(show_spinner=False, max_entries=4)
def colours(_s: Store, version) -> dict[str, str]:
    """The colour each of the store's busiest outlets keeps on every chart (core.charts.colour_book)."""
    return colour_book(profiles(_s, version)["name"])


def quote_scope(f: dict) -> dict:
    """Quotes follow the outlet, date and topic filters (headline search does not apply to quotes)."""
    return {k: f.get(k) for k in ("outlets_in", "start", "end", "topics_in")}


# -- the sidebar ------------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, ttl=3600)
def choices(_s: Store, version) -> tuple[list[str], list[str], list[str], tuple]:
    """Outlet names, outlet groups, topics and the date span, for the filter widgets."""
    outlets = _s.outlets_df()
    groups = sorted({g for gs in outlets["groups"] for g in gs})
    lo, hi = _s.date_bounds()
    if lo is not None and hi is not None:
        lo, hi = max(lo, VIEW_START), min(hi, view_end())
        if lo > hi:   # every date is implausible: no span to offer
            lo = hi = None
    return sorted(outlets["name"]), groups, _s.topics(), (lo, hi)


def view_end() -> datetime:
    """The end of the span views show: tomorrow (a feed's clock may run a little ahead)."""
    return datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=2)


def windowed(f: dict) -> dict:
    """Article filters with the dates clipped to the span views show."""
    start, end = f.get("start"), f.get("end")
    return {**f, "start": max(start, VIEW_START) if start else VIEW_START,
            "end": min(end, view_end()) if end else view_end()}


def in_window(df: pd.DataFrame, col: str) -> pd.DataFrame:
    """The rows whose `col` time lies in the span views show."""
    t = pd.to_datetime(df[col], utc=True)
    return df[(t >= VIEW_START) & (t < view_end())]


@st.cache_data(show_spinner=False, ttl=3600)
def outside_window(_s: Store, version) -> int:
    """How many articles are dated outside the span views show."""
    return _s.count_outside(VIEW_START, view_end())


# -- Overview ---------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False, max_entries=2)
def coverage(_s, version) -> tuple[dict[str, tuple[str, str]], dict, dict]:
    """Every event's original outlets and the outlet groups that missed it, the first-seen time of events
    holding an undated article, and how many of each event's articles are feed summaries only, once per store
    version, so that a filter change only ranks events (one indexed query) instead of re-reading who covered
    them. A resource, not data: it is shared read-only, where cache_data would copy it for every caller."""
    pairs = _s.event_outlets()
    orig = original_outlets(pairs, _s.event_families())
    spots = blind_spots(pairs, _s.outlets_df(), orig)
    return ({e: (", ".join(orig.get(e, ())), ", ".join(g)) for e, g in spots.items()}, _s.event_first_seen(),
            _s.event_summary_counts())


@st.cache_data(show_spinner=False, max_entries=64)  # 16 warmed one-outlet entries (warm_filters) and the users'
def _events(_s, version, **f) -> pd.DataFrame:
    ev = _s.events_df(limit=MAX_EVENTS, **f)
    if ev.empty:
        return ev
    cov, seen, summaries = coverage(_s, version)
    found = [cov.get(e, ("", "")) for e in ev["id"]]
    firsts = first_report_texts(ev["first_published"], ev["id"].map(seen))
    year_only = year_only_firsts(_s, ev)
    if year_only:
        firsts = firsts.mask(ev["id"].isin(year_only), ev["id"].map(year_only))
    # as on the Event page: the earliest item of a group of feed summaries may report another story
    mixed = [summaries_may_mix(summaries.get(e, 0), int(n)) for e, n in zip(ev["id"], ev["n_articles"])]
    firsts = firsts.mask(pd.Series(mixed, index=firsts.index), NO_FIRST)
    return ev.assign(outlets=[o for o, _ in found], blind_spots=[g for _, g in found], first_report=firsts,
                     check=event_checks(ev, summaries))


def year_only_firsts(s: Store, ev: pd.DataFrame) -> dict[str, str]:
    """The first report of events all of whose reports are dated only by their year: the store dates an event by
    its reports with a day (Store._recount) and falls back on a year, stored at 1 January, 00:00 (core.dates), which
    would print as a report on New Year's Day. Only events starting at the first instant of a year are read."""
    first = pd.to_datetime(ev["first_published"], utc=True)
    at_new_year = ev.loc[(first.dt.month == 1) & (first.dt.day == 1) & first.eq(first.dt.normalize()), "id"].tolist()
    if not at_new_year:
        return {}
    arts = pd.DataFrame(s.event_articles(at_new_year, max_chars=1))
    out = {}
    for event_id, members in arts.groupby("event_id"):
        if members["date_precision"].isin(["year", "none"]).all() and members["published"].notna().any():
            year = pd.to_datetime(members["published"], utc=True).min().year
            out[event_id] = f"no day given (year {year} only)"
    return out


def events(s: Store, version, f: dict) -> pd.DataFrame:
    """The broadest events in view, with their reporting outlets and blind spots."""
    return _events(s, version, **article_scope(f))


@st.cache_data(show_spinner=False, max_entries=32)
def _attention(_s, version, topics_in=None, **f) -> tuple[pd.DataFrame, pd.DataFrame]:
    att = _s.attention(**windowed(f))
    if topics_in:
        att = att[att["topics"].map(lambda ts: bool(set(ts) & set(topics_in)))]
    span = (att["day"].max() - att["day"].min()).days if not att.empty else 0
    freq = "M" if span > 730 else "W" if span > 60 else "D"  # keep bars readable over long ranges
    return attention_by_topic(att, freq), attention_by_group(att, _s.outlets_df(), freq)


def attention(s: Store, version, f: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Original articles per period, by topic and by outlet group."""
    return _attention(s, version, **article_scope(f))


# -- Event ------------------------------------------------------------------------------------------
def event_choices(s: Store, version, f: dict) -> pd.DataFrame:
    """The events the Event page's picker offers, broadest first: the Overview's list, read once for both."""
    return events(s, version, f)[["id", "label", "n_original_outlets", "first_published"]]


@st.cache_data(show_spinner="Comparing coverage…", max_entries=64)
def compare(_s, version, event_id: str) -> tuple[dict, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One event's comparison report, its articles, quotes and reprints."""
    arts = _s.event_articles([event_id], Settings.from_env().framing_max_chars)
    quotes = _s.quotes_df(event_ids=[event_id])
    reps = _s.reprints_df([event_id])
    from core.reprints import Reprint
    rep_objs = [Reprint(id=r.id, original_id=r.original_id if isinstance(r.original_id, str) and r.original_id else None,
                        original_outlet=r.original_outlet, score=r.score,
                        changes=r.changes, kind=r.kind or "", evidence=r.evidence)
                for r in reps.itertuples()] if not reps.empty else []
    # the stored attributions, even none: the page shows the speakers `framelens quotes` finds
    report = compare_event(arts, quotes=quotes.to_dict("records"), reprints=rep_objs)
    return report, pd.DataFrame(arts), quotes, reps


# -- Named sources ----------------------------------------------------------------------------------
@st.cache_data(show_spinner="Counting quotes…", max_entries=32)
def _quote_counts(_s, version, **f) -> tuple[pd.DataFrame, pd.DataFrame]:
    pairs = _s.speaker_outlet_counts(**f)
    return pairs, outlet_shares(pairs)


def quote_counts(s: Store, version, f: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(speaker, outlet) quote counts and each outlet's anonymous and official shares."""
    return _quote_counts(s, version, **quote_scope(f))


@st.cache_data(show_spinner=False, max_entries=32)
def _languages(_s, version, **f) -> dict:
    return _s.language_counts(**f)


def other_languages(s: Store, version, f: dict) -> dict[str, int]:
    """Articles in view per language other than English (English-only analyses leave them out)."""
    return {k: n for k, n in _languages(s, version, **quote_scope(f)).items() if k not in (None, "en")}


@st.cache_data(show_spinner=False, max_entries=64)
def _speaker_quotes(_s, version, speaker, **f) -> pd.DataFrame:
    return _s.speaker_quotes(speaker, **f)


def speaker_quotes(s: Store, version, speaker: str, f: dict) -> pd.DataFrame:
    """One speaker's quotes in view."""
    return _speaker_quotes(s, version, speaker, **quote_scope(f))


@st.cache_data(show_spinner=False, max_entries=16)
def _lone_speakers(_s, version, **f) -> pd.DataFrame:
    return _s.lone_speakers(**f)


def lone_speakers(s: Store, version, f: dict) -> pd.DataFrame:
    """Speakers whom only one outlet quotes within an event."""
    return _lone_speakers(s, version, **quote_scope(f))


# -- Timelines --------------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=32)
def _lags(_s, version, start, end, topics_in=None) -> pd.DataFrame:
    return lags(_s.event_times(**windowed({"start": start, "end": end}), topics_in=topics_in),
                _s.mostly_summary_events())


def event_lags(s: Store, version, f: dict) -> pd.DataFrame:
    """Each outlet's lag behind the first report of each event, measured against every outlet (the
    outlet filter is applied by the page, after the lags are measured)."""
    return _lags(s, version, f.get("start"), f.get("end"), f.get("topics_in"))


@st.cache_data(show_spinner=False, max_entries=32)
def _points(_s, version, **f) -> pd.DataFrame:
    return _s.articles_df(limit=MAX_POINTS, **windowed(f))[["id", "outlet", "published", "date_precision", "title",
                                                            "event_id", "date_source"]]


def points(s: Store, version, f: dict) -> pd.DataFrame:
    """The newest articles in view, as points on the publication timeline."""
    return _points(s, version, **article_scope(f))


@st.cache_data(show_spinner=False, max_entries=32)
def _timeline(_s, version, **f) -> dict:
    pts = _points(_s, version, **f)
    return timeline(pts, f"Publication times (newest {len(pts):,} articles in view)", book=colours(_s, version))


def timeline_spec(s: Store, version, f: dict) -> dict:
    """The publication timeline's Vega-Lite spec, built once per store version and filters."""
    return _timeline(s, version, **article_scope(f))


@st.cache_data(show_spinner=False, max_entries=16)  # ~0.45 MB each at 3,000 points
def _timeline_picture(_s, version, **f) -> str | None:
    return picture(_timeline(_s, version, **f))


def timeline_picture(s: Store, version, f: dict) -> str | None:
    """The publication timeline drawn as SVG (core.charts.picture), once per store version and filters: drawing
    3,000 points took vl-convert ~0.5 s, and its first drawing after a start 2 s more."""
    return _timeline_picture(s, version, **article_scope(f))


# -- Articles ---------------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def _rows(_s, version, **f) -> tuple[pd.DataFrame, int]:
    rows = _s.articles_df(limit=MAX_ROWS, **f)
    # Made here, once per filter, not on every run: 1,000 links took ~20 ms of each Articles run.
    return rows.assign(read=[reader_link(a, e) for a, e in zip(rows["id"], rows["event_id"])]), _s.count_filtered(**f)


def article_rows(s: Store, version, f: dict) -> tuple[pd.DataFrame, int]:
    """The newest articles in view (with a `read` link each) and how many match in all."""
    return _rows(s, version, **article_scope(f))


def reader_link(article_id: str, event_id) -> str | None:
    """The Event page's reader open at this article (None for an article not yet in an event)."""
    if not isinstance(event_id, str) or not event_id:
        return None
    return f"/event?event={quote_plus(event_id)}&view=Read+an+article&article={quote_plus(article_id)}"


@st.cache_data(show_spinner=False, max_entries=16)
def snippets(_s, version, ids: tuple[str, ...], text: str) -> dict[str, str]:
    """Where the full-text search matched in each of these articles."""
    return _s.snippets(list(ids), text)


@st.cache_data(show_spinner=False, max_entries=64)
def _daily(_s, version, **f) -> pd.DataFrame:
    return _s.daily_counts(**windowed(f))


def daily(s: Store, version, f: dict) -> pd.DataFrame:
    """Articles per outlet per day."""
    return _daily(s, version, **article_scope(f))


# -- Outlets ----------------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=8)
def profiles(_s, version) -> pd.DataFrame:
    """Each outlet's catalog entry with its volume and main topics."""
    outlets = _s.outlets_df()
    vol = _s.outlet_volume().rename(columns={"outlet": "name"})
    top = _s.outlet_topics().explode("topics").dropna(subset=["topics"])
    top = (top.groupby(["outlet", "topics"])["articles"].sum().reset_index().sort_values("articles", ascending=False)
           .groupby("outlet")["topics"].agg(lambda t: ", ".join(list(t)[:3])).rename("main topics"))
    df = outlets.merge(vol, on="name", how="outer").merge(top, left_on="name", right_index=True, how="left")
    df["groups"] = df["groups"].map(lambda g: ", ".join(g) if isinstance(g, list) else "")
    df[["articles", "events"]] = df[["articles", "events"]].fillna(0).astype(int)
    return df.sort_values("articles", ascending=False)


# -- warming ----------------------------------------------------------------------------------------
@asynccontextmanager
async def lifespan(_app):
    """The server's start and stop: every page's first view is computed before the port opens, and
    again in the background whenever the store changes (an ingest), so no visitor waits for it."""
    every = Settings.from_env().rewarm_seconds  # a bad setting stops the start here, with its name
    t = time.perf_counter()
    log.info("framelens: computing every page's first view before serving…")
    version = await asyncio.to_thread(_try_warm, None)
    log.info("framelens: every page's first view computed in %.1f s", time.perf_counter() - t)
    threading.Thread(target=_try_warm_filters, args=(version,), name="framelens-warm-filters", daemon=True).start()
    stop = threading.Event()
    if every > 0:
        threading.Thread(target=_keep_warm, args=(version, every, stop), name="framelens-warm", daemon=True).start()
    if Settings.from_env().export_browser:  # after the pages' caches: the browser is for exports, which come later
        threading.Thread(target=_warm_exports, name="framelens-export-warm", daemon=True).start()
    yield
    stop.set()
    EXPORTER.close()


def _warm_exports() -> None:
    """Start the export browser now, so that the first chart download does not wait 5-9 s for it."""
    try:
        EXPORTER.warm()
    except Exception:  # noqa: BLE001 - exports fall back to HTML and try the browser again when asked
        log.exception("framelens: starting the browser for chart exports failed")


def _keep_warm(version, every: float, stop: threading.Event) -> None:
    while not stop.wait(every):
        before, version = version, _try_warm(version)
        if version != before:
            _try_warm_filters(version)


def _try_warm_filters(version) -> None:
    """warm_filters(), logged rather than raised (see _try_warm)."""
    _warming.on = True
    try:
        warm_filters(store(), version)
    except Exception:  # noqa: BLE001
        log.exception("framelens: warming the one-outlet views failed")
    finally:
        _warming.on = False


def _try_warm(warmed):
    """warm() unless the store is unchanged since `warmed`. A store that cannot be opened or read is
    logged, not raised: the server still starts, the pages say what is wrong, and the next check
    tries again."""
    _warming.on = True
    try:
        s = store()
        return warmed if warmed is not None and data_version(s) == warmed else warm(s)
    except Exception:  # noqa: BLE001
        log.exception("framelens: warming the dashboard's caches failed")
        return warmed
    finally:
        _warming.on = False


def warm(s: Store) -> tuple:
    """Compute what every page shows first, unfiltered, so that no visitor waits for it; returns the
    data version it warmed. Each read is tried apart: one failing read is logged and the rest go on."""
    version = data_version(s)
    choices(s, version)
    outside_window(s, version)  # the sidebar's note: every page's first run asks
    if not version[1]:
        return version
    f: dict = {}  # no filters: what a first visit shows
    steps = [("events", lambda: events(s, version, f)), ("attention", lambda: attention(s, version, f)),
             ("event", lambda: _warm_event(s, version, f)), ("quote counts", lambda: quote_counts(s, version, f)),
             ("lone speakers", lambda: lone_speakers(s, version, f)), ("timeline", lambda: timeline_spec(s, version, f)),
             ("timeline picture", lambda: timeline_picture(s, version, f)),
             ("languages", lambda: other_languages(s, version, f)),
             ("lags", lambda: event_lags(s, version, f)), ("articles", lambda: article_rows(s, version, f)),
             ("daily counts", lambda: daily(s, version, f)), ("profiles", lambda: profiles(s, version)),
             ("colours", lambda: colours(s, version))]
    for name, step in steps:
        t = time.perf_counter()
        try:
            step()
        except Exception:  # noqa: BLE001 - a read that fails here fails again, visibly, on its page
            log.exception("framelens: warming %s failed", name)
            continue
        log.debug("framelens: warmed %s in %.2f s", name, time.perf_counter() - t)
    return version


FILTER_WARM_OUTLETS = 16  # the busiest outlets, whose one-outlet views are computed after the start


def warm_filters(s: Store, version) -> None:
    """The views of a visitor's usual first filter change, one of the busiest outlets chosen: Overview's
    events and Articles' rows. Run in the background once the server answers (at 100k articles each
    pair of reads takes ~0.5 s, which a filter change otherwise waits for)."""
    if not version or not version[1]:  # no store read at the start, or no articles
        return
    for outlet in profiles(s, version)["name"].head(FILTER_WARM_OUTLETS):
        f = {"outlets_in": (outlet,)}  # as the sidebar passes one chosen outlet
        events(s, version, f)
        article_rows(s, version, f)


def _warm_event(s: Store, version, f: dict) -> None:
    """The Event page opens on the broadest event."""
    ev = event_choices(s, version, f)
    if not ev.empty:
        compare(s, version, str(ev["id"].iloc[0]))
