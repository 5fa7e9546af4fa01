"""Outlets: who they are, how much they publish, how their feeds are doing; fetch now; import a corpus."""
import pandas as pd
import streamlit as st

from core.corpus import format_of, import_text
from pages.common import fetch_now, open_page, tabbed


@st.cache_data(show_spinner=False, max_entries=8)
def _profiles(_s, version) -> pd.DataFrame:
    outlets = _s.outlets_df()
    vol = _s.outlet_volume().rename(columns={"outlet": "name"})
    top = _s.outlet_topics().explode("topics").dropna(subset=["topics"])
    top = (top.groupby(["outlet", "topics"])["articles"].sum().reset_index().sort_values("articles", ascending=False)
           .groupby("outlet")["topics"].agg(lambda t: ", ".join(list(t)[:3])).rename("main topics"))
    df = outlets.merge(vol, on="name", how="outer").merge(top, left_on="name", right_index=True, how="left")
    df["groups"] = df["groups"].map(lambda g: ", ".join(g) if isinstance(g, list) else "")
    df[["articles", "events"]] = df[["articles", "events"]].fillna(0).astype(int)
    return df.sort_values("articles", ascending=False)


s, version = open_page("Outlets", show_fetch_report=True, needs_articles=False)
if st.button("Fetch feeds now", type="primary", key="fetch_now_outlets"):
    fetch_now()
    st.rerun()

def profiles_view() -> None:
    profiles = _profiles(s, version)
    st.dataframe(profiles[["name", "country", "ownership", "groups", "articles", "events", "main topics", "first",
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
    st.caption("JSONL or CSV with the columns id, outlet, title, text, published (ISO 8601), url. "
               "Every row is checked; invalid rows are listed with their line number and the rest go in.")
    upload = st.file_uploader("Corpus file", type=["jsonl", "csv", "ndjson"], key="import_file")
    if upload is None or not st.button("Import", key="import_go"):
        return
    try:
        fmt = format_of(upload.name)
        data = upload.getvalue().decode("utf-8-sig")
    except (ValueError, UnicodeDecodeError) as e:
        st.error(f"{upload.name}: {e}")
        return
    bar = st.progress(0.0, text="Importing…")
    res = import_text(s, data, fmt, progress=lambda stage, d, t: bar.progress(d / t if t else 1.0,
                                                                              text=f"{d} of {t} rows"))
    from core.analyse import analyse_new
    analysis = analyse_new(s, progress=lambda stage, d, t: bar.progress(min(d / t, 1.0) if t else 1.0,
                                                                        text=f"{stage}: {d} of {t}"))
    bar.empty()
    st.success(f"{upload.name}: {res.rows} rows, {res.valid} valid, {res.new} new. {analysis.line()}")
    if res.errors:
        st.warning(f"{len(res.errors)} invalid rows")
        st.dataframe(pd.DataFrame([{"line": e.line, "problem": e.message} for e in res.errors]),
                     hide_index=True, key="import_errors")


tabbed({"Profiles": profiles_view, "Feed health": health_view, "Import a corpus": import_view})
