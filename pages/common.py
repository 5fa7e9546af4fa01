"""Shared view helpers: the store, sidebar filters bound to the URL, safe text, chart downloads."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pandas as pd
import streamlit as st

from core.charts import export
from core.config import Settings
from core.coverage import outlets_in_groups
from core.exports import csv_text
from core.store import Store
from pages.data import VIEW_START, choices, data_version, outside_window, store

FILTER_KEYS = ("outlet", "group", "topic", "from", "to", "q")
ICON = Path(__file__).with_name("icon.png")   # served by this server: a material icon is fetched from Google

# The filters each page applies, by the label its Filters line uses; a page whose tabs differ maps each
# tab ("*": the others). A filter that is set but not applied is named as such, never as active.
ALL_FILTERS = frozenset({"Outlets", "Groups", "Topics", "Published", "Search"})
APPLIES = {
    "overview": ALL_FILTERS,
    "event": ALL_FILTERS,   # to the events the picker offers
    "sources": frozenset({"Outlets", "Groups", "Topics", "Published"}),   # quotes have no headline to search
    "timelines": {"Publication times": ALL_FILTERS,
                  "*": frozenset({"Outlets", "Groups", "Topics", "Published"})},
    "articles": ALL_FILTERS,
    "outlets": frozenset(),
    "methods": frozenset(),
}


PAGES = [  # (file, title, icon, url path); dashboard.py builds st.navigation from this list
    ("pages/overview.py", "Overview", ":material/newspaper:", "overview"),
    ("pages/event.py", "Event", ":material/compare:", "event"),
    ("pages/sources.py", "Named sources", ":material/record_voice_over:", "sources"),
    ("pages/timelines.py", "Timelines", ":material/timeline:", "timelines"),
    ("pages/articles.py", "Articles", ":material/article:", "articles"),
    ("pages/outlets.py", "Outlets", ":material/rss_feed:", "outlets"),
    ("pages/methods.py", "Methods", ":material/menu_book:", "methods"),
]


def page_config() -> None:
    """Title, icon and wide layout, set once per run by whichever script runs first."""
    st.set_page_config(page_title="framelens", page_icon=ICON, layout="wide")


def route_through_entrypoint(page: str = "") -> None:
    """Give a page its sidebar when Streamlit ran it without dashboard.py.

    Streamlit treats an app with a `pages/` folder as an old-style multipage app until the entry
    point has called st.navigation once, so on a fresh server a shared link to /event runs the
    page alone. Drawing the sidebar here keeps that first view whole, and a click in it is not
    dropped as a rerun would drop it. The widgets are drawn as the entry point's (its script hash
    is part of a widget's id), so the user's first filter choice carries over to the next run,
    which goes through dashboard.py.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import get_script_run_ctx
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        page_config()
        ctx = get_script_run_ctx()
        with ctx.run_with_active_hash(ctx.pages_manager.main_script_hash):
            sidebar(store(), page)


def sidebar(s: Store, page: str = "") -> None:
    """Navigation links that carry the filters along, then the filters themselves (`page`: the url path
    of the page this run shows, whose applied filters the Filters line names)."""
    links = st.sidebar.container()  # filled after the filters, so the links carry this run's values
    # Counted once per run here; open_page hands the same version to the page's cached queries.
    version = st.session_state["data_version"] = data_version(s)
    st.session_state["filters"] = sidebar_filters(s, version, page) if version[1] else {}
    params = filter_params()
    with links:
        for path, title, icon, _ in PAGES:
            st.page_link(path, label=title, icon=icon, query_params=params)
        st.divider()


def _qp_list(key: str) -> list[str]:
    return [v for v in st.query_params.get_all(key) if v]


def _qp_date(key: str) -> date | None:
    try:
        return date.fromisoformat(st.query_params.get(key, ""))
    except ValueError:
        return None


def applied_here(page: str) -> frozenset:
    """The filters the page (and its open tab) applies."""
    rule = APPLIES.get(page, ALL_FILTERS)
    if isinstance(rule, dict):
        return rule.get(st.query_params.get("view") or next(iter(rule)), rule["*"])
    return rule


def sidebar_filters(s: Store, version: tuple, page: str = "") -> dict:
    """Render the filters (in the entry point, so they persist across pages) and mirror them in the URL."""
    names, groups, topics, (lo, hi) = choices(s, version)
    # The widgets sit in a popover, which the browser mounts only when opened: drawn openly in the
    # sidebar they added ~0.4 s to every page's first render in a new browser. What is active shows
    # on the button and in a line under it, so a shared link's filters are visible without opening it.
    # The URL's values (those the widgets accept) are the widgets' defaults; the button is drawn before
    # the widgets run, so it counts from their state where they have one, else from these.
    url = {"f_outlets": [o for o in _qp_list("outlet") if o in names],
           "f_groups": [g for g in _qp_list("group") if g in groups],
           "f_topics": [t for t in _qp_list("topic") if t in topics], "f_q": st.query_params.get("q", "")}
    span = (lo.date(), hi.date()) if lo and hi else None
    if span:
        url["f_dates"] = (max(_qp_date("from") or span[0], span[0]), min(_qp_date("to") or span[1], span[1]))
    n_active = sum((tuple(st.session_state.get(k, v)) != span) if k == "f_dates" else bool(st.session_state.get(k, v))
                   for k, v in url.items())
    with st.sidebar.popover(f"Filters · {n_active} active" if n_active else "Filters",
                            icon=":material/filter_list:", width="stretch", key="f_menu"):
        outlets = st.multiselect("Outlets", names, default=url["f_outlets"], key="f_outlets", placeholder="All outlets")
        chosen_groups = st.multiselect("Outlet groups", groups, default=url["f_groups"], key="f_groups",
                                       placeholder="All groups")
        chosen_topics = st.multiselect("Topics", topics, default=url["f_topics"], key="f_topics",
                                       placeholder="All topics")
        start = end = None
        if span:
            picked = st.date_input("Published (UTC)", value=url["f_dates"], min_value=span[0], max_value=span[1],
                                   key="f_dates")
            if isinstance(picked, (tuple, list)) and len(picked) == 2:
                start, end = picked
        search = st.text_input("Search headlines", value=url["f_q"], key="f_q")
    dated = span and start and end and (start, end) != span
    active = [(label, values) for label, values in (
        ("Outlets", outlets), ("Groups", chosen_groups), ("Topics", chosen_topics),
        ("Published", [f"{start} to {end}"] if dated else []), ("Search", [search] if search else [])) if values]
    here = applied_here(page)
    lines = [f"**{label}:** " + ", ".join(safe(v) for v in values) for label, values in active
             if label in here] or ["All outlets, topics and dates."]
    ignored = [label for label, _ in active if label not in here]
    if ignored:
        lines.append("*Not applied on this page:* " + ", ".join(ignored).lower())
    outside = outside_window(s, version)
    if outside:
        lines.append(f"*{outside:,} articles dated before {VIEW_START.year} or in the future are left out of the "
                     "charts and the date range.*")
    st.sidebar.caption("  \n".join(lines))
    keep = {k: st.query_params.get_all(k) for k in st.query_params if k not in FILTER_KEYS}
    params = dict(keep)
    if outlets:
        params["outlet"] = outlets
    if chosen_groups:
        params["group"] = chosen_groups
    if chosen_topics:
        params["topic"] = chosen_topics
    if start and lo and start != lo.date():
        params["from"] = start.isoformat()
    if end and hi and end != hi.date():
        params["to"] = end.isoformat()
    if search:
        params["q"] = search
    if params != {k: st.query_params.get_all(k) for k in st.query_params}:
        st.query_params.from_dict(params)
    scope = set(outlets)
    if chosen_groups:
        in_groups = set(outlets_in_groups(s.outlets_df(), chosen_groups))
        scope = (scope & in_groups) if outlets else in_groups
        scope = scope or {"\x00no outlet matches"}
    # The whole span is no date filter at all: the same cache entries as a first visit, which the
    # server warmed at start (pages.data.warm), and no date condition in the queries.
    return {
        "outlets_in": tuple(sorted(scope)) or None,
        "start": datetime.combine(start, time.min, tzinfo=timezone.utc) if dated else None,
        "end": datetime.combine(end, time.min, tzinfo=timezone.utc) + timedelta(days=1) if dated else None,
        "search": search.strip() or None,
        "topics_in": tuple(chosen_topics) or None,
    }


def filter_params() -> dict[str, list[str]]:
    """The filters in the URL, to carry along to another page."""
    return {k: st.query_params.get_all(k) for k in st.query_params if k in FILTER_KEYS}


def filters() -> dict:
    """The filters the entry point rendered for this run."""
    return st.session_state.get("filters", {})


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# Streamlit's markdown turns web and mail addresses in plain text into links after the escapes are
# resolved, so escaping cannot stop it; an invisible word joiner inside each trigger does.
_AUTOLINK = re.compile(r"(?i)www(?=\.)|:(?=//)|@")


def safe(text) -> str:
    """Untrusted text made inert for st.markdown: every markdown/HTML special character escaped, and no
    address in it turned into a link."""
    text = _AUTOLINK.sub(lambda m: m.group(0) + "\u2060", str(text if text is not None else ""))
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def downloads(fig, name: str, data: pd.DataFrame, key: str) -> None:
    """A 'Download' menu under a chart: PNG, SVG and the data as CSV, each made only when asked for.

    The buttons sit in a popover, which the browser mounts only when opened: three buttons per
    chart on every page were a measurable share of the time to first render.
    """
    with st.popover("Download", icon=":material/download:", key=f"{key}_menu"):
        for fmt in ("png", "svg"):
            def make(fmt=fmt):
                return export(fig, fmt)[0]
            st.download_button(f"Chart as {fmt.upper()}", make, file_name=f"{name}.{fmt}",
                               mime="image/png" if fmt == "png" else "image/svg+xml", key=f"{key}_{fmt}",
                               on_click="ignore", width="stretch")
        csv_download("Data as CSV", data, f"{name}.csv", f"{key}_csv", width="stretch")


def csv_download(label: str, data: pd.DataFrame, file_name: str, key: str, width="content") -> None:
    """A CSV download button; the CSV is written when clicked, not on every run."""
    st.download_button(label, lambda: csv_bytes(data), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore", width=width)


def csv_bytes(data: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV with every text cell that a spreadsheet would run as a formula made inert."""
    return csv_text(data).encode("utf-8")


def tabbed(views: dict) -> None:
    """Tabs (label -> function drawing it) bound to ?view= in the URL, of which only the open one runs.

    A shared link opens the same tab, and a page draws one view rather than all of them: the
    charting library and the other tabs' elements load only when asked for.
    """
    for tab, view in zip(st.tabs(list(views), key="view", bind="query-params"), views.values()):
        if tab.open:
            with tab:
                view()


def fetch_now() -> None:
    """Run one ingest and analysis from the dashboard, showing progress as it goes."""
    from core.analyse import analyse_new
    from core.catalog import CatalogError, load_catalog
    from core.ingest import run_ingest
    settings = Settings.from_env(extract_workers=1)  # threads: forking a process pool from the server is unsafe
    try:
        catalog = load_catalog(settings.outlets or None)
    except CatalogError as e:
        st.error(f"Outlet catalog problem: {safe(e)}")
        return
    bar = st.progress(0.0, text="Fetching feeds…")

    def report(stage: str, done: int, total: int) -> None:
        bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done} of {total}")

    summary = run_ingest(store(), catalog, settings, progress=report)
    analysis = analyse_new(store(), progress=report)
    bar.empty()
    st.session_state["last_fetch"] = (summary.line(), analysis.line(),
                                      [(f.outlet, f.url, f.error) for f in summary.feeds if f.status == "failed"])


def last_fetch_report() -> None:
    """What the last 'Fetch feeds now' did, kept across the rerun it triggers."""
    if "last_fetch" not in st.session_state:
        return
    line, analysis, failed = st.session_state["last_fetch"]
    st.success(f"{line}. {analysis}")
    if failed:
        with st.expander(f"{len(failed)} feeds failed"):
            st.dataframe(pd.DataFrame(failed, columns=["outlet", "feed", "error"]), hide_index=True)


def open_page(title: str, show_fetch_report: bool = False, needs_articles: bool = True) -> tuple[Store, tuple]:
    """Every page's opening: sidebar, title, and the empty state; returns the store and data version."""
    route_through_entrypoint(next((url for _, t, _, url in PAGES if t == title), ""))
    s = store()
    version = st.session_state.get("data_version") or data_version(s)
    st.title(title)
    if show_fetch_report:
        last_fetch_report()
    if needs_articles and empty_state(version[1]):
        st.stop()
    return s, version


def empty_state(n_articles: int) -> bool:
    """True (after explaining what to do) when the store has no articles yet."""
    if n_articles:
        return False
    st.info("No articles yet. Fetch the outlets' feeds now, or import a corpus on the Outlets page or with "
            "`framelens import FILE` (JSONL or CSV: id, outlet, title, text, published, url).")
    if st.button("Fetch feeds now", type="primary", key="fetch_now"):
        fetch_now()
        st.rerun()
    return True
