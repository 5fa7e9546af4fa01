"""How fast the dashboard answers on a large store, measured in a real browser (Playwright + Chromium).

    .venv/bin/python bench/dashboard_speed.py [--size 100000] [--db store.sqlite] [--rebuild]

Builds (once; cached under the temp dir, keyed by size) a store of ~100k articles by analysing the
shared corpora once (events, quotes, reprints) and replicating those rows with fresh ids and dates
shifted by +30 days per copy. Then starts `streamlit run dashboard.py` on it and times, per page, the
first render: from navigation until the script has finished and the page's first view is on screen.
Three ways a user reaches a page are timed, because the browser does very different work in each:

- new browser: a fresh browser profile opens the link (nothing cached: Streamlit's ~3 MB of
  JavaScript, and the charting library's if the view has a chart, are fetched and compiled first). The first
  such visit to each page after a server start is timed apart, over --repeat server starts: the server
  computes every page's first view before it answers (pages.data.warm), so that visit should cost no more
  than the others. How long the server takes to start answering is printed too.
- returning browser: the same browser opens the link again later (its HTTP cache holds the scripts).
- in-app: a click on the page's link in the sidebar (the app is already loaded; only the page runs).

Then, for Overview and Articles, a filter change (one outlet chosen in the sidebar until the rerun
has finished and the URL names it), and opening a chart tab. The same first renders and filter change
are timed on a bare Streamlit app first, for reference: Streamlit's own floor on this machine. Last,
it times the store queries the pages make, so a missed target can be traced to its query. Each browser figure is the median of
--repeat runs. Targets: first render <= 2 s, filter change <= 0.5 s.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_util import (CORPORA, Streamlit, launch_chromium, open_filters, wait_idle, wait_rerun)  # noqa: E402

CORPUS_FILES = ("basil.jsonl", "allsides_dev.jsonl", "newswcl50.jsonl", "ecbplus_dev.jsonl")
CACHE = Path(tempfile.gettempdir()) / "framelens-bench"
FIRST_RENDER_TARGET, FILTER_TARGET = 2.0, 0.5
# (label, URL path, selector of the page's first view). Overview is the default page, served at "/".
PAGES = [("Overview", "", '[data-testid="stDataFrame"] canvas'),
         ("Event", "event", '[data-testid="stMarkdownContainer"] h4'),
         ("Named sources", "sources", '[data-testid="stDataFrame"] canvas'),
         ("Timelines", "timelines", '[data-testid="stVegaLiteChart"] .marks'),
         ("Articles", "articles", '[data-testid="stDataFrame"] canvas'),
         ("Outlets", "outlets", '[data-testid="stDataFrame"] canvas')]
TABS = [("Overview", "", "Attention by topic"), ("Articles", "articles", "Over time")]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- the store -----------------------------------------------------------------------------------
def seed_store(path: Path):
    """The shared corpora, imported and analysed once (the slow part: quotes run at ~25 articles/s)."""
    from core.analyse import analyse_new
    from core.corpus import import_file
    from core.store import Store
    s = Store(str(path))
    if not s.count_articles():
        t = time.perf_counter()
        for name in CORPUS_FILES:
            import_file(s, CORPORA / name)
        summary = analyse_new(s)
        log(f"seed: {s.count_articles()} articles analysed in {time.perf_counter() - t:.0f} s ({summary.line()})")
    return s


def build_store(path: Path, size: int) -> None:
    """Replicate the analysed seed rows (articles, events, quotes, reprints) until `size` articles."""
    import sqlalchemy as sa
    from core.store import Store, articles, events, outlets, quotes, reprints
    seed = seed_store(CACHE / "seed.sqlite")
    with seed.engine.connect() as c:
        rows = {t.name: [dict(r._mapping) for r in c.execute(sa.select(t))]
                for t in (articles, events, quotes, reprints, outlets)}
    n_seed = len(rows["articles"])
    copies = math.ceil(size / n_seed)
    log(f"building {copies} copies of {n_seed} articles -> {path}")
    tmp = path.with_suffix(".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    big = Store(str(tmp))

    def sfx(v, k):
        return None if v is None else (v if k == 0 else f"{v}~{k}")

    def shift(v, k):
        return None if v is None else v + timedelta(days=30 * k)

    t = time.perf_counter()
    with big.engine.begin() as c:
        c.execute(sa.insert(outlets), rows["outlets"])
        for k in range(copies):
            arts = [{**a, "id": sfx(a["id"], k), "event_id": sfx(a["event_id"], k), "url": sfx(a["url"], k),
                     "published": shift(a["published"], k), "first_seen": shift(a["first_seen"], k)}
                    for a in rows["articles"]]
            evs = [{**e, "id": sfx(e["id"], k), "first_published": shift(e["first_published"], k),
                    "last_published": shift(e["last_published"], k)} for e in rows["events"]]
            qs = [{**q, "article_id": sfx(q["article_id"], k)} for q in rows["quotes"]]
            reps = [{**r, "id": sfx(r["id"], k), "original_id": sfx(r["original_id"], k),
                     "event_id": sfx(r["event_id"], k)} for r in rows["reprints"]]
            for table, data in ((articles, arts), (events, evs), (quotes, qs), (reprints, reps)):
                for i in range(0, len(data), 2000):
                    c.execute(sa.insert(table), data[i:i + 2000])
    big.dispose()
    tmp.rename(path)
    log(f"built {copies * n_seed:,} articles in {time.perf_counter() - t:.0f} s")


def store_path(size: int, db: str | None, rebuild: bool) -> Path:
    if db:
        return Path(db)
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"dashboard-{size}.sqlite"
    if rebuild:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
    if not path.exists():
        build_store(path, size)
    return path


# -- the browser ---------------------------------------------------------------------------------
def new_context(browser):
    return browser.new_context(viewport={"width": 1400, "height": 900})


def shown(page, title: str, selector: str) -> None:
    """Wait until `title`'s page has finished its run and its first view is on screen."""
    page.wait_for_function(f"() => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === {title!r})",
                           timeout=300_000)
    wait_idle(page, 300_000)
    page.wait_for_selector(selector, timeout=300_000)


def new_browser(browser, base: str, path: str, title: str, selector: str) -> float:
    ctx = new_context(browser)
    page = ctx.new_page()
    t = time.perf_counter()
    page.goto(f"{base}/{path}")
    shown(page, title, selector)
    took = time.perf_counter() - t
    ctx.close()
    return took


def first_visits(browser, db: Path, repeat: int) -> tuple[dict[str, list[float]], list[float]]:
    """Per page, a new browser's visit as the first to that page after a server start, over `repeat`
    starts; and how long each start took until the server answered."""
    visits: dict[str, list[float]] = {label: [] for label, _, _ in PAGES}
    ready = []
    for _ in range(repeat):
        t = time.perf_counter()
        server = Streamlit(db, log=CACHE / "streamlit.log")
        ready.append(time.perf_counter() - t)
        try:
            for label, path, selector in PAGES:
                visits[label].append(new_browser(browser, server.base, path, label, selector))
        finally:
            server.stop()
    return visits, ready


def returning_and_in_app(browser, base: str, path: str, title: str, selector: str) -> tuple[float, float]:
    """(open the link in a browser that has visited before, click the page's link in the sidebar)."""
    ctx = new_context(browser)
    page = ctx.new_page()
    other = "outlets" if path != "outlets" else "articles"
    page.goto(f"{base}/{path}")
    shown(page, title, selector)
    page.goto(f"{base}/{other}")
    wait_idle(page, 300_000)
    t = time.perf_counter()
    page.goto(f"{base}/{path}")
    shown(page, title, selector)
    returning = time.perf_counter() - t
    page.goto(f"{base}/{other}")
    wait_idle(page, 300_000)
    link = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]').filter(has_text=title).first
    t = time.perf_counter()
    link.click()
    shown(page, title, selector)
    in_app = time.perf_counter() - t
    ctx.close()
    return returning, in_app


def filter_change(browser, base: str, path: str, outlet: str) -> float:
    """Time from choosing an outlet in the sidebar until the rerun it triggers has finished."""
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(f"{base}/{path}")
    wait_idle(page, 300_000)
    open_filters(page)  # the click that opens the Filters popover is not part of the timed change
    box = page.locator(".st-key-f_outlets input")
    box.click()
    box.fill(outlet)
    option = page.get_by_role("option", name=outlet, exact=True).first
    option.wait_for()
    t = time.perf_counter()
    # Streamlit's multiselect sends its value when the menu closes, as when the user clicks away.
    wait_rerun(page, lambda: (option.click(), page.keyboard.press("Escape")), 300_000)
    # Overview's caption can read "1,000 events (the 1,000 broadest)" before and after, so the rerun
    # having finished with the outlet in the URL is the signal.
    page.wait_for_function("() => location.search.includes('outlet=')", timeout=300_000)
    took = time.perf_counter() - t
    ctx.close()
    return took


def tab_change(browser, base: str, path: str, tab: str) -> float:
    """Time from clicking a chart tab until its chart is drawn (plotly is already loaded: a returning browser)."""
    ctx = new_context(browser)
    page = ctx.new_page()
    page.goto(f"{base}/{path}?view={tab.replace(' ', '+')}")  # loads plotly into this browser's cache
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=300_000)
    page.goto(f"{base}/{path}")
    wait_idle(page, 300_000)
    t = time.perf_counter()
    wait_rerun(page, lambda: page.get_by_role("tab", name=tab, exact=True).click(), 300_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=300_000)
    took = time.perf_counter() - t
    ctx.close()
    return took


# -- Streamlit's own floor ------------------------------------------------------------------------
REFERENCE_APP = """import numpy as np, pandas as pd, plotly.graph_objects as go, streamlit as st
st.set_page_config(layout="wide")
st.title("Reference")
what = st.query_params.get("what", "")
rng = np.random.default_rng(0)
if what == "table":
    st.dataframe(pd.DataFrame({"title": [f"Headline number {i} about something" for i in range(1000)],
                               "outlet": rng.choice(["Reuters", "TASS", "Xinhua"], 1000), "n": rng.integers(0, 50, 1000)}))
if what == "chart":
    st.plotly_chart(go.Figure(go.Bar(x=list("abcdefghij"), y=rng.integers(1, 9, 10))))
if what == "vega":
    st.vega_lite_chart(pd.DataFrame({"x": list("abcdefghij"), "y": rng.integers(1, 9, 10)}),
                       {"mark": "bar", "encoding": {"x": {"field": "x"}, "y": {"field": "y", "type": "quantitative"}}})
if what == "filter":  # the same filter change as the dashboard's: a multiselect in a sidebar popover, a table
    with st.sidebar.popover("Filters", key="f_menu"):
        chosen = st.multiselect("Outlets", OUTLETS, key="f_outlets")
    if chosen:
        st.query_params["outlet"] = chosen
    rng = np.random.default_rng(len(chosen))
    st.dataframe(pd.DataFrame({"title": [f"Headline number {i} about something" for i in range(1000)],
                               "outlet": rng.choice(OUTLETS, 1000), "n": rng.integers(0, 50, 1000)}))
"""
REFERENCE = [("title only", "", "h1"), ("title + 1,000-row table", "?what=table", '[data-testid="stDataFrame"] canvas'),
             ("title + one plotly bar chart", "?what=chart", ".js-plotly-plot .main-svg"),
             ("title + one Vega-Lite bar chart", "?what=vega", '[data-testid="stVegaLiteChart"] .marks')]


def reference_floor(browser, repeat: int, outlets: list[str], renders: bool = True) -> dict[str, float]:
    """First render in a new browser of a bare Streamlit app, and its filter change: what any page here
    pays before its own work."""
    script = CACHE / "reference_app.py"
    script.write_text(f"OUTLETS = {outlets!r}\n" + REFERENCE_APP)
    server = Streamlit(CACHE / "unused.sqlite", log=CACHE / "reference.log", script=str(script))
    out = {}
    try:
        for label, query, selector in REFERENCE if renders else []:
            new_browser(browser, server.base, query, "Reference", selector)  # the server's first run
            out[label] = statistics.median(new_browser(browser, server.base, query, "Reference", selector)
                                           for _ in range(repeat))
            log(f"reference, {label}: {out[label]:.2f}")
        label = "filter change with a 1,000-row table"
        out[label] = statistics.median(filter_change(browser, server.base, "?what=filter", outlets[i % len(outlets)])
                                       for i in range(max(repeat, 5)))
        log(f"reference, {label}: {out[label]:.2f}")
    finally:
        server.stop()
    return out


# -- the queries ---------------------------------------------------------------------------------
def time_queries(db: Path, outlet: str) -> list[tuple[str, float]]:
    from core.store import Store
    s = Store(str(db))
    out = []

    def timed(name, fn):
        t = time.perf_counter()
        res = fn()
        out.append((name, time.perf_counter() - t))
        return res

    timed("count_articles", s.count_articles)
    timed("date_bounds", s.date_bounds)
    timed("count_events", s.count_events)
    timed("topics", s.topics)
    timed("outlets_df", s.outlets_df)
    ev = timed("events_df(limit=1000)", lambda: s.events_df(limit=1000))
    timed("event_outlets(1000 events)", lambda: s.event_outlets(list(ev["id"])))
    timed(f"events_df(outlet={outlet!r})", lambda: s.events_df(limit=1000, outlets_in=(outlet,)))
    timed("attention()", s.attention)
    timed(f"attention(outlet={outlet!r})", lambda: s.attention(outlets_in=(outlet,)))
    timed("quotes_df()", s.quotes_df)
    timed("speaker_outlet_counts()", s.speaker_outlet_counts)
    timed("event_times()", s.event_times)
    timed("articles_df(limit=1000)", lambda: s.articles_df(limit=1000))
    timed("articles_df(limit=5000)", lambda: s.articles_df(limit=5000))
    timed(f"articles_df(outlet={outlet!r})", lambda: s.articles_df(limit=1000, outlets_in=(outlet,)))
    timed("daily_counts()", s.daily_counts)
    timed(f"daily_counts(outlet={outlet!r})", lambda: s.daily_counts(outlets_in=(outlet,)))
    timed("count_filtered()", s.count_filtered)
    timed(f"count_filtered(outlet={outlet!r})", lambda: s.count_filtered(outlets_in=(outlet,)))
    timed("outlet_volume()", s.outlet_volume)
    timed("outlet_topics()", s.outlet_topics)
    first = str(ev["id"].iloc[0])
    timed("event_articles(1 event)", lambda: s.event_articles([first]))
    timed("quotes_df(1 event)", lambda: s.quotes_df(event_ids=[first]))
    s.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000, help="articles in the built store")
    ap.add_argument("--db", help="use this store instead of building one")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    ap.add_argument("--repeat", type=int, default=5, help="runs per browser figure (the median is printed)")
    ap.add_argument("--filters-only", action="store_true", help="skip the first-render measurements")
    ap.add_argument("--outlet", default="Fox News", help="the outlet chosen for the filter change")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    db = store_path(args.size, args.db, args.rebuild)
    from core.store import Store
    s = Store(str(db))
    n_articles, n_events = s.count_articles(), s.count_events()
    s.dispose()
    print(f"store: {db} — {n_articles:,} articles, {n_events:,} events")

    renders, actions, ready = {}, {}, []
    med = statistics.median
    runs = max(args.repeat, 5)  # actions vary by ±0.1 s from run to run: never fewer than 5 per median
    server = None
    try:
        with sync_playwright() as p:
            browser = launch_chromium(p)
            outlets = [args.outlet, "HuffPost", "The Hill", "New York Times", "Washington Examiner"]
            # The bare app first: its throwaway first visit also absorbs the browser's own first-page costs
            # (about 0.5 s in a freshly launched Chromium), which no real visitor's running browser pays.
            floor = reference_floor(browser, args.repeat, outlets, renders=not args.filters_only)
            if not args.filters_only:
                first, ready = first_visits(browser, db, args.repeat)
                log(f"server answering after {', '.join(f'{r:.1f}' for r in ready)} s; first visits {first}")
            server = Streamlit(db, log=CACHE / "streamlit.log")
            for label, path, selector in PAGES if not args.filters_only else []:
                fresh = [new_browser(browser, server.base, path, label, selector) for _ in range(args.repeat)]
                back, click = zip(*(returning_and_in_app(browser, server.base, path, label, selector)
                                    for _ in range(args.repeat)))
                renders[label] = [med(first[label]), med(fresh), med(back), med(click)]
                log(f"{label}: " + ", ".join(f"{v:.2f}" for v in renders[label]))
            for label, path in (("Overview", ""), ("Articles", "articles")):
                times = [filter_change(browser, server.base, path, outlets[i % len(outlets)]) for i in range(runs)]
                actions[f"{label}: filter by one outlet"] = (med(times), FILTER_TARGET)
                log(f"{label}: filter change {times}")
            for label, path, tab in TABS:
                times = [tab_change(browser, server.base, path, tab) for _ in range(runs)]
                actions[f"{label}: open the '{tab}' tab"] = (med(times), None)
                log(f"{label}: tab {times}")
            browser.close()
    finally:
        if server:
            server.stop()

    def mark(v, target):
        return "" if target is None else ("ok" if v <= target else "MISSED")

    print(f"\nFirst render, seconds (median of {args.repeat}; target <= {FIRST_RENDER_TARGET} s): navigation until "
          "the script has finished and the page's first view is on screen.")
    head = ("first visit after start", "new browser", "returning browser", "in-app link")
    print(f"{'page':<15}" + "".join(f"{h:>26}" for h in head))
    for label, vals in renders.items():
        print(f"{label:<15}" + "".join(f"{f'{v:.2f} {mark(v, FIRST_RENDER_TARGET)}':>26}" for v in vals))
    if ready:
        print(f"\nServer start until it answers: {med(ready):.1f} s, median of {len(ready)} starts (it computes every "
              "page's first view before it serves).")
    if floor:
        print("\nFor reference, the same measurements of a bare Streamlit app on this machine (first render in a new "
              "browser, then a filter change): "
              + "; ".join(f"{k} {v:.2f} s" for k, v in floor.items()) + ".")
    print(f"\nActions, seconds (median of {runs}):")
    for name, (v, target) in actions.items():
        print(f"  {name:<45}{v:>6.2f}  {mark(v, target)}" + (f" (target <= {target} s)" if target else ""))

    print(f"\nStore queries the pages make ({n_articles:,} articles; one call each, seconds):")
    for name, secs in time_queries(db, args.outlet):
        print(f"  {name:<40}{secs:>8.3f}")
    print(json.dumps({"server_ready": [round(r, 2) for r in ready],
                      "first_render": {k: [round(x, 3) for x in v] for k, v in renders.items()},
                      "reference": {k: round(v, 3) for k, v in floor.items()},
                      "actions": {k: round(v, 3) for k, (v, _) in actions.items()}}))


if __name__ == "__main__":
    main()
