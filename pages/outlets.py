"""Outlets: who they are, how much they publish, how their feeds are doing; fetch now; import a corpus."""
import pandas as pd
import streamlit as st

from core.corpus import decode, format_of, import_text
from pages.common import fetch_now, open_page, safe, tabbed
from pages.data import profiles


s, version = open_page("Outlets", show_fetch_report=True, needs_articles=False)
if st.button("Fetch feeds now", type="primary", key="fetch_now_outlets"):
    fetch_now()
    st.rerun()

def profiles_view() -> None:
    st.dataframe(profiles(s, version)[["name", "country", "ownership", "groups", "articles", "events", "main topics", "first",
                           "last", "homepage"]], hide_index=True, width="stretch", key="profiles_table",
                 column_config={"homepage": st.column_config.LinkColumn(display_text="site")})


def health_view() -> None:
    health = s.feeds_df()
    if health.empty:
        st.caption("No feeds fetched yet.")
        return
    failing = int((health["last_status"] == "failed").sum())
    st.caption(f"{len(health)} feeds; {failing} failing at the last fetch.")
    st.dataframe(health[["outlet", "url", "last_status", "http_status", "latency_ms", "failures_in_row",
                         "items_seen", "new_articles", "last_fetched", "last_ok", "last_error"]],
                 hide_index=True, width="stretch", key="health_table")


def import_view() -> None:
    st.caption("JSONL or CSV with the columns id, outlet, title, text, published (ISO 8601 or a written date), url. "
               "Every row is checked; invalid rows are listed with their line number and the rest go in.")
    upload = st.file_uploader("Corpus file", type=["jsonl", "csv", "ndjson"], key="import_file")
    if upload is None or not st.button("Import", key="import_go"):
        return
    try:
        fmt = format_of(upload.name)
        data = decode(upload.getvalue(), upload.name)
    except ValueError as e:
        st.error(safe(e))
        return
    bar = st.progress(0.0, text="Importing…")
    res = import_text(s, data, fmt, progress=lambda stage, d, t: bar.progress(d / t if t else 1.0,
                                                                              text=f"{d} of {t} rows"))
    from core.analyse import analyse_new
    analysis = analyse_new(s, progress=lambda stage, d, t: bar.progress(min(d / t, 1.0) if t else 1.0,
                                                                        text=f"{stage}: {d} of {t}"))
    bar.empty()
    titled = f" {res.titled} without a title were titled from their first sentence." if res.titled else ""
    st.success(f"{safe(upload.name)}: {res.rows} rows, {res.valid} valid, {res.new} new; {res.dates_line()}."
               f"{titled} {analysis.line()}")
    if res.errors:
        st.warning(f"{len(res.errors)} invalid rows")
        st.dataframe(pd.DataFrame([{"line": e.line, "problem": e.message} for e in res.errors]),
                     hide_index=True, key="import_errors")


tabbed({"Profiles": profiles_view, "Feed health": health_view, "Import a corpus": import_view})
