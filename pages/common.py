"""Shared view helpers: the store, sidebar filters bound to the URL, safe text, chart downloads."""
from __future__ import annotations

import base64
import functools
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core.charts import export, too_little
from core.config import Settings
from core.coverage import outlets_in_groups
from core.exports import Provenance, csv_text, provenance
from core.exports import csv_bytes as csv_with_provenance
from core.store import Store
from pages.data import VIEW_START, choices, data_version, outside_window, store

FILTER_KEYS = ("outlet", "group", "topic", "from", "to", "q", "text")
# The icon inline, as a data: URL: given as a file, Streamlit read it, checked it with PIL and stored it as a media
# file on every run of every page, and each new tab then asked the server for it. (Not a material icon: the
# browser would fetch that from Google.)
ICON = "data:image/png;base64," + base64.b64encode(Path(__file__).with_name("icon.png").read_bytes()).decode("ascii")

# The filters each page applies, by the label its Filters line uses; a page whose tabs differ maps every tab,
# first the one it opens on. A filter that is set but not applied is named as such, never as active.
ALL_FILTERS = frozenset({"Outlets", "Groups", "Topics", "Published", "Search", "Text"})
APPLIES = {
    "overview": ALL_FILTERS,
    "event": ALL_FILTERS,   # to the events the picker offers
    "sources": frozenset({"Outlets", "Groups", "Topics", "Published"}),   # quotes: no headline or text search
    "timelines": {"Publication times": ALL_FILTERS,
                  "First to report": frozenset({"Outlets", "Groups", "Topics", "Published"}),
                  "Lag behind the first": frozenset({"Outlets", "Groups", "Topics", "Published"})},
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


@functools.lru_cache(maxsize=4)
def _compiled(path: str, mtime_ns: int):
    return compile(Path(path).read_text(encoding="utf-8"), path, "exec")


def run_page(path: Path) -> None:
    """Run a page's script as Streamlit runs a page, compiled once per version of the file (not on every visit)."""
    exec(_compiled(str(path), path.stat().st_mtime_ns), {"__name__": "__main__"})


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


def _parse_date(text: str) -> date | None:
    """A typed date (2024-05-16 or 2024/05/16); None when empty or not a date."""
    try:
        return date.fromisoformat(str(text).strip().replace("/", "-"))
    except ValueError:
        return None


DATE_HELP = ("Type a date as YYYY-MM-DD and press Enter (UTC days; both ends included). Empty means from the first "
             "article, or up to the last.")
TEXT_HELP = ("Full-text search in titles, summaries and article text: every word and \"quoted phrase\" must occur; "
             "-word excludes. Whole words, any case; press Enter.")
WIDGETS = {"f_outlets": [], "f_groups": [], "f_topics": [], "f_from": "", "f_to": "", "f_q": "", "f_text": ""}


def clear_filters() -> None:
    """Every filter back to none (a button's callback: it runs before the widgets are drawn again)."""
    for key, empty in WIDGETS.items():
        st.session_state[key] = type(empty)()


def applied_here(page: str) -> frozenset:
    """The filters the page (and its open tab) applies."""
    rule = APPLIES.get(page, ALL_FILTERS)
    if isinstance(rule, dict):
        # a view the page lacks (a hand-edited link) opens the first view, whose filters are the ones applied
        return rule.get(st.query_params.get("view"), next(iter(rule.values())))
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
           "f_topics": [t for t in _qp_list("topic") if t in topics], "f_q": st.query_params.get("q", ""),
           "f_text": st.query_params.get("text", ""), "f_from": st.query_params.get("from", ""),
           "f_to": st.query_params.get("to", "")}
    span = (lo.date(), hi.date()) if lo and hi else None
    now = {k: st.session_state.get(k, v) for k, v in url.items()}
    n_active = sum(bool(v) for k, v in now.items() if k not in ("f_from", "f_to")) + bool(now["f_from"] or now["f_to"])
    with st.sidebar.popover(f"Filters · {n_active} active" if n_active else "Filters",
                            icon=":material/filter_list:", width="stretch", key="f_menu"):
        outlets = st.multiselect("Outlets", names, default=url["f_outlets"], key="f_outlets", placeholder="All outlets")
        chosen_groups = st.multiselect("Outlet groups", groups, default=url["f_groups"], key="f_groups",
                                       placeholder="All groups" if groups else "No groups yet: set them on Outlets")
        chosen_topics = st.multiselect("Topics", topics, default=url["f_topics"], key="f_topics",
                                       placeholder="All topics")
        # Typed dates in text boxes: Streamlit's date picker applies a typed date only when focus leaves it,
        # where a text box applies it on Enter.
        left, right = st.columns(2)
        typed_from = left.text_input("Published from", value=url["f_from"], key="f_from", help=DATE_HELP,
                                     placeholder=str(span[0]) if span else "YYYY-MM-DD")
        typed_to = right.text_input("to", value=url["f_to"], key="f_to", help=DATE_HELP,
                                    placeholder=str(span[1]) if span else "YYYY-MM-DD")
        search = st.text_input("Search headlines", value=url["f_q"], key="f_q")
        text = st.text_input("Search article text", value=url["f_text"], key="f_text", help=TEXT_HELP)
        st.button("Clear all filters", key="f_clear_menu", on_click=clear_filters, width="stretch",
                  disabled=not n_active)
    start, end = _parse_date(typed_from), _parse_date(typed_to)
    for label, typed, parsed in (("From", typed_from, start), ("To", typed_to, end)):
        if typed.strip() and parsed is None:
            st.sidebar.warning(f"{label}: “{safe(typed[:40])}” is not a date (YYYY-MM-DD), so it is not applied.")
    if start and end and start > end:
        st.sidebar.warning(f"From ({start}) is after To ({end}): no article can match.")
    if span:  # outside the store's span is the same as its edge: no condition at all
        start = start if start and start > span[0] else None
        end = end if end and end < span[1] else None
    else:
        start = end = None
    dated = bool(start or end)
    active = [(label, values) for label, values in (
        ("Outlets", outlets), ("Groups", chosen_groups), ("Topics", chosen_topics),
        ("Published", [f"{start or span[0]} to {end or span[1]}"] if dated else []),
        ("Search", [search] if search else []), ("Text", [text] if text else [])) if values]
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
    if active:
        st.sidebar.button("Clear all filters", key="f_clear", on_click=clear_filters, icon=":material/close:",
                          type="tertiary")
    keep = {k: st.query_params.get_all(k) for k in st.query_params if k not in FILTER_KEYS}
    params = dict(keep)
    if outlets:
        params["outlet"] = outlets
    if chosen_groups:
        params["group"] = chosen_groups
    if chosen_topics:
        params["topic"] = chosen_topics
    if start:
        params["from"] = start.isoformat()
    if end:
        params["to"] = end.isoformat()
    if search:
        params["q"] = search
    if text:
        params["text"] = text
    # Compared as lists (get_all's form): a date or search value is a string in `params`, and compared as it was
    # it always differed, so every run wrote the URL. Written while the browser still showed the previous page,
    # that write carried the previous page's ?view= (its tab) into the new page's address.
    if {k: v if isinstance(v, list) else [v] for k, v in params.items()} != {
            k: st.query_params.get_all(k) for k in st.query_params}:
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
        "start": datetime.combine(start, time.min, tzinfo=timezone.utc) if start else None,
        "end": datetime.combine(end, time.min, tzinfo=timezone.utc) + timedelta(days=1) if end else None,
        "search": search.strip() or None,
        "text": text.strip() or None,
        "topics_in": tuple(chosen_topics) or None,
    }


def filter_params() -> dict[str, list[str]]:
    """The filters in the URL, to carry along to another page."""
    return {k: st.query_params.get_all(k) for k in st.query_params if k in FILTER_KEYS}


def plural(n: int, word: str) -> str:
    """"1 article", "2 articles": a count with its noun as a reader writes it."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def page_url(path: str, **params) -> str:
    """A link to another page that carries the filters in force, as the sidebar's links do: a link in a page's
    text that dropped them opened the page on everything, with nothing on screen saying the view had changed."""
    query = urlencode({**filter_params(), **params}, doseq=True)
    return f"/{path}?{query}" if query else f"/{path}"


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


FILTER_NAMES = {"outlet": "Outlets", "group": "Outlet groups", "topic": "Topics", "from": "Published from",
                "to": "Published to", "q": "Headline search", "text": "Text search"}


def chosen_filters() -> dict[str, list[str]]:
    """The filters in force, named as a reader would, for an export's provenance."""
    return {label: st.query_params.get_all(k) for k, label in FILTER_NAMES.items() if st.query_params.get_all(k)}


def provenance_maker() -> Callable[[], Provenance]:
    """Makes an export's provenance when the download is asked for (reading when the store last changed then),
    with the filters in force now."""
    s, chosen = store(), chosen_filters()
    return lambda: provenance(s, chosen)


def chart(fig, name: str, data: pd.DataFrame, key: str) -> None:
    """A chart with its Download menu, or the sentence saying why there is too little data to draw one."""
    reason = too_little(fig)
    if reason:
        st.info(reason)
        return
    if isinstance(fig, dict):
        st.vega_lite_chart(fig, width="stretch", key=f"chart_{key}")
    else:
        st.plotly_chart(fig, width="stretch", key=f"chart_{key}")
    downloads(fig, name, data, f"dl_{key}")


def downloads(fig, name: str, data: pd.DataFrame, key: str) -> None:
    """A 'Download' menu under a chart: PNG, SVG and the data as CSV, each made only when asked for and
    each carrying its provenance. `fig` may be a function making the figure, for a chart that is not on
    screen: it is then built only when an export is asked for.

    The buttons sit in a popover, which the browser mounts only when opened: three buttons per
    chart on every page were a measurable share of the time to first render.
    """
    made = provenance_maker()
    with st.popover("Download", icon=":material/download:", key=f"{key}_menu"):
        for fmt in ("png", "svg"):
            def make(fmt=fmt):
                return export(fig() if callable(fig) else fig, fmt, note=made().line())[0]
            st.download_button(f"Chart as {fmt.upper()}", make, file_name=f"{name}.{fmt}",
                               mime="image/png" if fmt == "png" else "image/svg+xml", key=f"{key}_{fmt}",
                               on_click="ignore", width="stretch")
        csv_download("Data as CSV", data, f"{name}.csv", f"{key}_csv", width="stretch")


def csv_download(label: str, data: pd.DataFrame, file_name: str, key: str, width="content") -> None:
    """A CSV download button; the CSV (under its provenance lines) is written when clicked, not on every run."""
    made = provenance_maker()
    st.download_button(label, lambda: csv_with_provenance(data, made()), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore", width=width)


def count_column(label: str | None = None, help: str | None = None):
    """A table column of whole numbers, drawn with a printf format: Streamlit's default number format runs
    numbro on every cell the browser draws (up to 600 on Named sources' first view, its 30 × 20 matrix); "%d"
    prints the same digits (no thousands separator either way)."""
    return st.column_config.NumberColumn(label, help=help, format="%d")


def compact() -> bool:
    """Phone-sized layout: asked for in the URL (?layout=compact or wide), else when the browser says it is a
    phone (its Sec-CH-UA-Mobile hint, or "Mobi" in its user agent, as MDN advises)."""
    asked = st.query_params.get("layout")
    if asked in ("compact", "wide"):
        return asked == "compact"
    headers = st.context.headers or {}
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in (headers.get("User-Agent") or "")


def csv_bytes(data: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV with every text cell that a spreadsheet would run as a formula made inert (no
    provenance lines: csv_download adds them)."""
    return csv_text(data).encode("utf-8")


def tabbed(views: dict) -> None:
    """Views (label -> function drawing it) chosen in a row of buttons bound to ?view= in the URL, of
    which only the chosen one runs.

    A shared link opens the same view, and a page draws one view rather than all of them: the
    charting library and the other views' elements load only when asked for. A segmented control, not
    st.tabs: with the view drawn inside a tab panel, Chromium spent ~0.13 s more CPU on each Overview
    filter change at 1k articles (the CPU a change costs is printed by bench/dashboard_speed.py).
    """
    names = list(views)
    # The key "view" is every page's: after a filter change the previous page's tab ("Events") was still its
    # state when the next page drew its control, and the control wrote it into that page's address (a shared link
    # then named a tab the page lacks, and the Filters line read the wrong tab's filters). A value that is not one
    # of this page's views is dropped before the control is drawn.
    if st.session_state.get("view") not in (None, *names):
        del st.session_state["view"]
    # wrap: on a phone the choices take more rows instead of running past the screen's edge.
    chosen = st.segmented_control("View", names, default=names[0], key="view", bind="query-params",
                                  required=True, label_visibility="collapsed", wrap=True)
    views[chosen if chosen in views else names[0]]()


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


def open_page(title: str, show_fetch_report: bool = False, needs_articles: bool = True,
              intro: str | None = None) -> tuple[Store, tuple]:
    """Every page's opening: sidebar, title, an introduction, and the empty state; returns the store and data
    version."""
    route_through_entrypoint(next((url for _, t, _, url in PAGES if t == title), ""))
    s = store()
    version = st.session_state.get("data_version") or data_version(s)
    st.title(title)
    if intro:
        st.markdown(intro)
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
