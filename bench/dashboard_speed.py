"""How fast the dashboard answers a visitor, measured in a real browser (Playwright + Chromium), beside a
bare Streamlit app in the same run.

    .venv/bin/python bench/dashboard_speed.py [--sizes 1000,100000] [--repeat 5] [--rebuild]
        [--pages ,overview,timelines] [--visits-only]   (a quicker run: some pages, no filter changes or exports)

Stores: ~1k articles (BASIL + AllSides dev, imported and analysed) and ~100k (the four shared corpora
analysed once, then their rows replicated with fresh ids and dates shifted by +30 days per copy); both are
cached in a temp directory of this checkout's own (building the 100k store from the analysed seed took
6.5 min on a loaded machine; the seed's analysis runs once). With the stores cached, --sizes 100000
--repeat 2 takes about 4.5 min, the dashboard server's start-up warming 30-50 s of it. For each store it starts `streamlit run dashboard.py`
and a bare Streamlit app, and times:

- a visit as a visitor makes it: a new tab of a running browser (one that has opened each app once
  before, so Streamlit's JavaScript is in its cache) opens the address; timed until the script has finished
  and the page's first view is on screen. Every page, the bare address "/" (which hops to Overview), and
  the bare app with a title only and with a 1,000-row table, interleaved so that load on the machine hits
  them alike. Target: every page within 0.5 s of the bare app's table.
- a filter change: one outlet chosen in the sidebar's Filters until the rerun has finished and the URL
  names it, on Overview and Articles, and the same change on the bare app (target at 100k: <= 0.5 s); with
  what each change cost: messages the server sent, CPU seconds of the browser and of the server (which the
  machine's load moves less than wall time).
- exports, in the server's process: a plotly chart as PNG and SVG through the warm browser, the Vega-Lite
  timeline as PNG and SVG, and an event's comparison as JSON and as an HTML report.
- the store queries the pages make, so that a slow page can be traced to its query.
Each browser figure is the median of --repeat runs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_util import CORPORA, Streamlit, launch_chromium, open_filters, wait_idle  # noqa: E402

SMALL_CORPORA = ("basil.jsonl", "allsides_dev.jsonl")
CORPUS_FILES = ("basil.jsonl", "allsides_dev.jsonl", "newswcl50.jsonl", "ecbplus_dev.jsonl")
# Per checkout: two worktrees benchmarking at once must not build into one file.
CACHE = Path(tempfile.gettempdir()) / f"framelens-bench-{hashlib.md5(str(ROOT).encode()).hexdigest()[:8]}"
MARGIN, FILTER_TARGET, PNG_TARGET = 0.5, 0.5, 1.5
# (label, URL path, selector of the page's first view, page title): the pages of pages/common.PAGES, written out
# because importing pages.common outside a Streamlit server sets up every cached read of the app.
PAGES = [("/ (bare address)", "", '[data-testid="stDataFrame"] canvas', "Overview"),
         ("Overview", "overview", '[data-testid="stDataFrame"] canvas', "Overview"),
         ("Event", "event", '[data-testid="stMarkdownContainer"] h4', "Event"),
         ("Named sources", "sources", '[data-testid="stDataFrame"] canvas', "Named sources"),
         ("Timelines", "timelines", '[data-testid="stImage"] img', "Timelines"),
         ("Articles", "articles", '[data-testid="stDataFrame"] canvas', "Articles"),
         ("Outlets", "outlets", '[data-testid="stDataFrame"] canvas', "Outlets"),
         ("Methods", "methods", "h3", "Methods")]
BARE = [("bare app: title", "", "h1", "Reference"),
        ("bare app: title + 1,000-row table", "?what=table", '[data-testid="stDataFrame"] canvas', "Reference")]
REFERENCE_APP = """import numpy as np, pandas as pd, streamlit as st
st.set_page_config(layout="wide")
st.title("Reference")
what = st.query_params.get("what", "")
if what in ("table", "filter"):
    chosen = []
    if what == "filter":  # the dashboard's filter change: a multiselect in a sidebar popover, then a table
        with st.sidebar.popover("Filters", key="f_menu"):
            chosen = st.multiselect("Outlets", OUTLETS, key="f_outlets")
        if chosen:
            st.query_params["outlet"] = chosen
    rng = np.random.default_rng(len(chosen))
    st.dataframe(pd.DataFrame({"title": [f"Headline number {i} about something" for i in range(1000)],
                               "outlet": rng.choice(OUTLETS, 1000), "n": rng.integers(0, 50, 1000)}))
"""


def uptime() -> str:
    """What `uptime` prints: the machine is shared, so every figure goes with the load it was measured under."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- the stores ----------------------------------------------------------------------------------
def analysed(path: Path, corpora) -> Path:
    """These corpora imported into a store and analysed (events, quotes, reprints); cached."""
    from core.analyse import analyse_new
    from core.corpus import import_file
    from core.store import Store
    if path.exists():
        return path
    tmp = path.with_suffix(".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    s = Store(str(tmp))
    t = time.perf_counter()
    for name in corpora:
        import_file(s, CORPORA / name)
    summary = analyse_new(s)
    log(f"{path.name}: {s.count_articles()} articles analysed in {time.perf_counter() - t:.0f} s ({summary.line()})")
    s.dispose()
    tmp.rename(path)
    return path


def replicated(path: Path, size: int) -> Path:
    """The analysed seed's rows (articles, events, quotes, reprints) copied until `size` articles; cached."""
    import sqlalchemy as sa
    from core.store import Store, articles, events, outlets, quotes, reprints
    if path.exists():
        return path
    seed = Store(str(analysed(CACHE / "seed.sqlite", CORPUS_FILES)))
    with seed.engine.connect() as c:
        rows = {t.name: [dict(r._mapping) for r in c.execute(sa.select(t))]
                for t in (articles, events, quotes, reprints, outlets)}
    seed.dispose()
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
    return path


def store_for(size: int, rebuild: bool) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / (f"dashboard-{size}.sqlite")
    if rebuild:
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
    return analysed(path, SMALL_CORPORA) if size <= 2000 else replicated(path, size)


# -- the browser ---------------------------------------------------------------------------------
def shown(page, title: str, selector: str) -> None:
    """Wait until `title`'s page has finished its run and its first view is on screen."""
    page.wait_for_function(f"() => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === {title!r})",
                           timeout=300_000)
    wait_idle(page, 300_000)
    page.wait_for_selector(selector, timeout=300_000)


def new_tab(ctx, url: str, title: str, selector: str, server: "Streamlit | None" = None) -> tuple[float, float, float]:
    """Seconds from opening `url` in a new tab of the running browser until its first view is on screen, and the
    CPU seconds the browser and the server (when given) spent on it meanwhile."""
    page = ctx.new_page()
    cpu0 = (browser_cpu(), cpu_seconds(server.proc.pid) if server else 0.0)
    t = time.perf_counter()
    page.goto(url)
    shown(page, title, selector)
    took = time.perf_counter() - t
    cpu = (browser_cpu() - cpu0[0], cpu_seconds(server.proc.pid) - cpu0[1] if server else 0.0)
    page.close()
    return took, *cpu


def cpu_seconds(root: int, pick=lambda cmd: True) -> float:
    """CPU seconds (user + system) used so far by the processes under `root` (itself included) whose command
    line `pick` accepts, read from /proc: on a shared machine the CPU a step costs moves less than its wall time."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    cmds: dict[int, str] = {}
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            cmds[int(d)] = Path(f"/proc/{d}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(d))
        ticks[int(d)] = int(stat[11]) + int(stat[12])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0) if pick(cmds.get(pid, "")) else 0
        todo += children.get(pid, [])
    return total / os.sysconf("SC_CLK_TCK")


def browser_cpu() -> float:
    return cpu_seconds(os.getpid(), lambda cmd: "chrom" in cmd)


def filter_change(ctx, url: str, outlet: str, server: "Streamlit") -> tuple[float, dict[str, float]]:
    """Seconds from choosing an outlet in the sidebar until the rerun it triggers has finished, and what the
    change cost: messages and kilobytes the server sent, CPU seconds of the browser and of the server."""
    page = ctx.new_page()
    got = []  # (size) of each websocket message from the server
    page.on("websocket", lambda ws: ws.on("framereceived", lambda m: got.append(len(m))))
    page.goto(url)
    wait_idle(page, 300_000)
    open_filters(page)  # the click that opens the Filters popover is not part of the timed change
    box = page.locator(".st-key-f_outlets input")
    box.click()
    box.fill(outlet)
    option = page.get_by_role("option", name=outlet, exact=True).first
    option.wait_for()
    n0, cpu0 = len(got), (browser_cpu(), cpu_seconds(server.proc.pid))
    t = time.perf_counter()
    # Streamlit's multiselect sends its value when the menu closes, as when the user clicks away.
    option.click()
    page.keyboard.press("Escape")
    # The rerun names the outlet in the URL while it runs, so once the URL has it and the app is idle the
    # rerun has finished. (tests' wait_rerun waits up to 10 s to see a rerun start, which a quick rerun
    # can slip past: it put 10 s figures among the 0.5 s ones.)
    page.wait_for_function("() => location.search.includes('outlet=')", timeout=300_000)
    wait_idle(page, 300_000)
    took = time.perf_counter() - t
    cost = {"messages": len(got) - n0, "KB": sum(got[n0:]) / 1000, "browser CPU s": browser_cpu() - cpu0[0],
            "server CPU s": cpu_seconds(server.proc.pid) - cpu0[1]}
    page.close()
    return took, cost


def visits(browser, db: Path, outlets: list[str], repeat: int, only: set[str] | None = None,
           changes_too: bool = True) -> tuple[dict, dict, dict, dict, float, dict]:
    """New-tab visits of every page (those in `only`, by url path, when given) and of the bare app, and filter
    changes; median seconds per item, each visit's median CPU seconds (browser, server) and each filter change's
    median cost (filter_change). Also returns how long the dashboard server took to start answering, and each
    visit's fastest and slowest run (on a loaded machine the spread is the size of the gaps measured)."""
    script = CACHE / "reference_app.py"
    script.write_text(f"OUTLETS = {outlets!r}\n" + REFERENCE_APP)
    bare = Streamlit(CACHE / "unused.sqlite", log=CACHE / "reference.log", script=str(script))
    t = time.perf_counter()
    app = Streamlit(db, log=CACHE / "streamlit.log", timeout=900)  # it warms every page first: minutes when loaded
    ready = time.perf_counter() - t
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    items = [(label, bare.base + "/" + path, sel, title, bare) for label, path, sel, title in BARE] + \
            [(label, app.base + "/" + path, sel, title, app) for label, path, sel, title in PAGES
             if only is None or path in only]
    times: dict[str, list[float]] = {label: [] for label, *_ in items}
    cpus: dict[str, list[tuple[float, float]]] = {label: [] for label, *_ in items}
    try:
        for label, url, sel, title, server in items:  # the running browser has been to each app before
            new_tab(ctx, url, title, sel)
        for _ in range(repeat):  # interleaved, so that load on a shared machine hits every item alike
            for label, url, sel, title, server in items:
                took, *cpu = new_tab(ctx, url, title, sel, server)
                times[label].append(took)
                cpus[label].append(tuple(cpu))
            log("  " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in times.items()))
        runs = {"bare app: filter change (1,000-row table)": [
            filter_change(ctx, bare.base + "/?what=filter", outlets[i % len(outlets)], bare) for i in range(repeat)]
            } if changes_too else {}
        for label, path in (("Overview", "overview"), ("Articles", "articles")) if changes_too else ():
            runs[f"{label}: filter change"] = [filter_change(ctx, f"{app.base}/{path}", outlets[i % len(outlets)], app)
                                               for i in range(repeat)]
        changes = {k: [took for took, _ in v] for k, v in runs.items()}
        costs = {k: {what: statistics.median(c[what] for _, c in v) for what in v[0][1]} for k, v in runs.items()}
        log("  filter changes: " + json.dumps({k: [round(x, 2) for x in v] for k, v in changes.items()}))
    finally:
        ctx.close()
        app.stop()
        bare.stop()
    med = statistics.median
    cpu = {k: (med(b for b, _ in v), med(sv for _, sv in v)) for k, v in cpus.items()}
    spread = {k: (min(v), max(v)) for k, v in times.items()}
    return {k: med(v) for k, v in times.items()}, cpu, {k: med(v) for k, v in changes.items()}, costs, ready, spread


# -- exports -------------------------------------------------------------------------------------
def export_timings(db: Path, repeat: int) -> dict[str, float]:
    """Seconds per export, as the server makes them (the browser for plotly already started)."""
    import pandas as pd
    from core import charts
    from core.exports import event_html, event_json, provenance
    from core.framing import compare_event
    from core.store import Store
    s = Store(str(db))
    ev = s.events_df(limit=1).iloc[0]
    arts = pd.DataFrame(s.event_articles([ev["id"]]))
    quotes, reps = s.quotes_df(event_ids=[ev["id"]]), s.reprints_df([ev["id"]])
    report = compare_event(arts.to_dict("records"), quotes=quotes.to_dict("records"), reprints=[])
    daily = s.daily_counts()
    fig = charts.articles_over_time(daily, book=charts.colour_book(daily.groupby("outlet")["articles"].sum()
                                                                   .sort_values(ascending=False).index))
    spec = charts.timeline(s.articles_df(limit=3000), "Publication times")
    t = time.perf_counter()
    charts.EXPORTER.warm()
    out = {"start the export browser (once, at server start)": time.perf_counter() - t}
    event = {"id": ev["id"], "label": ev["label"]}
    jobs = {"plotly chart as PNG (articles per period)": lambda: charts.export(fig, "png", note="provenance"),
            "plotly chart as SVG": lambda: charts.export(fig, "svg", note="provenance"),
            "Vega-Lite timeline as PNG (3,000 points)": lambda: charts.export(spec, "png", note="provenance"),
            "Vega-Lite timeline as SVG": lambda: charts.export(spec, "svg", note="provenance"),
            f"event comparison as JSON ({len(arts)} articles)": lambda: event_json(event, report, arts, quotes, reps,
                                                                                   provenance(s)),
            "event report as HTML (with its timeline)": lambda: event_html(
                event, report, arts, quotes, reps, provenance(s),
                charts.export(charts.timeline(arts, "Coverage"), "svg")[0])}
    for name, job in jobs.items():
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            data = job()
            runs.append(time.perf_counter() - t)
        assert not isinstance(data, tuple) or data[1] != "text/html", f"{name} fell back to HTML"
        out[name] = statistics.median(runs)
    charts.EXPORTER.close()
    s.dispose()
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
    timed("outlets_df", s.outlets_df)
    ev = timed("events_df(limit=1000)", lambda: s.events_df(limit=1000))
    timed(f"events_df(outlet={outlet!r})", lambda: s.events_df(limit=1000, outlets_in=(outlet,)))
    timed("events_df(text='president')", lambda: s.events_df(limit=1000, text="president"))
    timed("attention()", s.attention)
    timed("speaker_outlet_counts()", s.speaker_outlet_counts)
    timed("event_times()", s.event_times)
    timed("articles_df(limit=1000)", lambda: s.articles_df(limit=1000))
    timed(f"articles_df(outlet={outlet!r})", lambda: s.articles_df(limit=1000, outlets_in=(outlet,)))
    found = timed("articles_df(text='president')", lambda: s.articles_df(limit=1000, text="president"))
    timed("count_filtered(text='president')", lambda: s.count_filtered(text="president"))
    timed("snippets(1000 rows, 'president')", lambda: s.snippets(list(found["id"]), "president"))
    timed("daily_counts()", s.daily_counts)
    timed("outlet_volume()", s.outlet_volume)
    timed("last_updated()", s.last_updated)
    timed("event_articles(1 event)", lambda: s.event_articles([str(ev["id"].iloc[0])]))
    s.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,100000", help="store sizes in articles, comma-separated")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure (the median is printed)")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached stores")
    ap.add_argument("--outlet", default="Fox News", help="the outlet chosen for the filter change")
    ap.add_argument("--pages", default="", help="only these pages' visits, by url path, comma-separated ('' is the "
                                                "bare address: e.g. ,timelines); the default is every page")
    ap.add_argument("--visits-only", action="store_true", help="page visits only: no filter changes, exports or "
                                                               "queries (a quicker run while working on one page)")
    args = ap.parse_args()
    only = {p.strip() for p in args.pages.split(",")} if args.pages else None
    from playwright.sync_api import sync_playwright
    # A kill (SIGTERM) unwinds like an error, so the servers this started are stopped by their finally blocks.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))

    outlets = [args.outlet, "HuffPost", "The Hill", "New York Times", "Washington Examiner"]
    results = {}
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for size in (int(x) for x in args.sizes.split(",")):
            db = store_for(size, args.rebuild)
            from core.store import Store
            s = Store(str(db))
            n_articles = s.count_articles()
            s.dispose()
            log(f"store of {n_articles:,} articles: {db}")
            before = uptime()
            pages, cpu, changes, costs, ready, spread = visits(browser, db, outlets, args.repeat, only,
                                                               not args.visits_only)
            after = uptime()
            results[n_articles] = {"db": str(db), "visits": pages, "visit_cpu": cpu, "visit_spread": spread,
                                   "filter": changes,
                                   "filter_cost": costs, "server_ready": ready,
                                   "exports": {} if args.visits_only else export_timings(db, args.repeat),
                                   "queries": [] if args.visits_only else time_queries(db, args.outlet),
                                   "load": (before, after)}
            report({n_articles: results[n_articles]}, args.repeat)  # each store's figures as soon as they are in
        browser.close()


def report(results: dict, repeat: int) -> None:
    """Print the figures: pages beside the bare app, filter changes, exports, queries."""
    for n, r in results.items():
        v = r["visits"]
        floor = v["bare app: title + 1,000-row table"]
        print(f"\nStore of {n:,} articles — a visit in a new tab of a running browser, seconds (median of {repeat}); "
              f"target: within {MARGIN} s of the bare app's table ({floor:.2f} + {MARGIN} = {floor + MARGIN:.2f})")
        print(f"  {'':<36}{'s':>6}  {'vs the table':<13}{'':<7}  CPU s: browser, server (what a visit costs, "
              "less moved by load); fastest-slowest run")
        for label, secs in v.items():
            bare = label.startswith("bare app")
            mark = "" if bare else ("ok" if secs <= floor + MARGIN else "MISSED")
            browser, server = r["visit_cpu"][label]
            fastest, slowest = r["visit_spread"][label]
            print(f"  {label:<36}{secs:>6.2f}  {'' if bare else f'{secs - floor:+.2f}':<13}{mark:<7}  "
                  f"{browser:>5.2f} {server:>5.2f}   {fastest:.2f}-{slowest:.2f}")
        print(f"  machine load (uptime) before: {r['load'][0]}")
        print(f"                         after: {r['load'][1]}  (pages and bare apps interleaved: load hits them alike)")
        print(f"  (the dashboard server answered {r['server_ready']:.1f} s after its start: it computes every page's "
              "first view first)")
        if not r["filter"]:   # --visits-only
            continue
        print(f"Filter change (one outlet), seconds (median of {repeat}; target at 100k: <= {FILTER_TARGET} s):")
        for label, secs in r["filter"].items():
            print(f"  {label:<45}{secs:>6.2f}" + ("" if label.startswith("bare") else
                                                   ("  ok" if secs <= FILTER_TARGET else "  over")))
        print("  what each change cost (medians): messages from the server, KB, CPU seconds of the browser "
              "(all Chromium processes) and of the server — less moved by the machine's load than wall time:")
        for label, cost in r["filter_cost"].items():
            print(f"    {label:<43}" + "  ".join(f"{what} {v:.0f}" if what == "messages" else f"{what} {v:.2f}"
                                                 for what, v in cost.items()))
        print(f"Exports, seconds (median of {repeat}; target for a plotly PNG with the browser warm: "
              f"< {PNG_TARGET} s):")
        for label, secs in r["exports"].items():
            mark = ("  ok" if secs < PNG_TARGET else "  over") if label.startswith("plotly chart as PNG") else ""
            print(f"  {label:<50}{secs:>6.2f}{mark}")
        print("Store queries the pages make (one call each, seconds):")
        for name, secs in r["queries"]:
            print(f"  {name:<45}{secs:>8.3f}")
    print(json.dumps({n: {k: r[k] for k in ("visits", "visit_cpu", "visit_spread", "filter", "filter_cost", "exports",
                                           "server_ready",
                                           "load")} for n, r in results.items()}),
          flush=True)


if __name__ == "__main__":
    main()
