"""Overview: the events in view, ranked by how many outlets reported them, and attention over time."""
import pandas as pd
import streamlit as st

from core.charts import stacked
from pages.common import csv_download, downloads, filter_params, filters, open_page, tabbed
from pages.data import MAX_EVENTS, attention, events


def events_view(ev: pd.DataFrame) -> None:
    """The events table; choosing a row opens that event's comparison."""
    st.caption(f"{len(ev):,} events" + (f" (the {MAX_EVENTS:,} broadest)" if len(ev) >= MAX_EVENTS else "")
               + ". Breadth counts outlets with original reporting; reprints are counted apart.")
    table = ev[["label", "topics", "n_original_outlets", "n_articles", "n_reprints", "first_published", "outlets",
                "blind_spots", "id"]].rename(columns={
                    "n_original_outlets": "outlets reporting", "n_articles": "articles", "n_reprints": "reprints",
                    "first_published": "first report (UTC)", "blind_spots": "groups that did not report it",
                    "label": "event"})
    picked = st.dataframe(table, hide_index=True, width="stretch", key="events_table", on_select="rerun",
                          selection_mode="single-row", column_config={
                              "id": None, "event": st.column_config.TextColumn(width="large"),
                              "first report (UTC)": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
    rows = picked.selection.rows if picked and picked.selection else []
    if rows:
        st.switch_page("pages/event.py", query_params={**filter_params(), "event": table.iloc[rows[0]]["id"]})
    st.caption("Select a row to compare how each outlet covered that event.")
    csv_download("Download events (CSV)", table, "framelens-events.csv", "dl_events")


def attention_view(by: str) -> None:
    """Original articles per period, stacked by topic or by outlet group."""
    by_topic, by_group = attention(s, version, f)
    data, name = (by_topic, "topic") if by == "topic" else (by_group, "group")
    fig = stacked(data, "day", "articles", name, f"Original articles per {'topic' if by == 'topic' else 'outlet group'}")
    st.plotly_chart(fig, width="stretch", key=f"chart_{name}s")
    downloads(fig, f"attention-by-{name}", data, f"dl_{name}s")


s, version = open_page("Overview", show_fetch_report=True)
f = filters()
ev = events(s, version, f)
if ev.empty:
    st.info("No events match these filters. Widen the date range or clear some filters in the sidebar.")
    st.stop()
tabbed({"Events": lambda: events_view(ev), "Attention by topic": lambda: attention_view("topic"),
        "Attention by outlet group": lambda: attention_view("group")})
