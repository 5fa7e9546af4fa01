"""Overview: the events in view, ranked by how many outlets reported them, and attention over time."""

import pandas as pd
import streamlit as st

from core.charts import stacked
from core.exports import ABOUT
from core.glossary import help_for
from pages.common import (chart, compact, count_column, csv_download, filter_params, filters, open_page, page_url,
                          plural, safe, tabbed)
from pages.data import MAX_EVENTS, TABLE_ROWS, attention, choices, events

CARDS = 50  # events shown as cards on a phone; the table (and its CSV) holds them all


def events_view(ev: pd.DataFrame) -> None:
    """The events table (cards on a phone); choosing a row opens that event's comparison."""
    # One caption above the table, not three around it: every element is one more update the browser
    # draws on each filter change.
    notes = [plural(len(ev), "event") + (f" (the {MAX_EVENTS:,} broadest)" if len(ev) >= MAX_EVENTS else "")
             + ". Breadth counts outlets with original reporting; reprints are counted apart."
             + (f" The table shows the {TABLE_ROWS} broadest; the CSV below holds all {len(ev):,}."
                if len(ev) > TABLE_ROWS else "")]
    table = ev[["label", "check", "topics", "n_original_outlets", "n_articles", "n_reprints", "first_report", "outlets",
                "blind_spots", "id"]].rename(columns={
                    "n_original_outlets": "outlets reporting", "n_articles": "articles", "n_reprints": "reprints",
                    "first_report": "first report (UTC)", "blind_spots": "groups that did not report it",
                    "label": "event"})
    if not any(ev["blind_spots"]) and not choices(s, version)[1]:
        notes.append("No outlet here has a group yet, so no event has blind spots to show: give outlets groups on "
                     "the Outlets page (Edit details).")
    if compact():
        st.caption("  \n".join(notes))
        cards(table.head(CARDS))
    else:
        st.caption("  \n".join(notes + ["Select a row to compare how each outlet covered that event."]))
        column = st.column_config
        shown = table.head(TABLE_ROWS)
        picked = st.dataframe(shown, hide_index=True, width="stretch", key="events_table", on_select="rerun",
                              selection_mode="single-row", column_config={
                                  "id": None, "event": column.TextColumn(width="large", help=help_for("event")),
                                  "check": column.TextColumn(help=help_for("check")),
                                  "topics": column.ListColumn(help=help_for("topics")),
                                  **{name: count_column(help=help_for(name))
                                     for name in ("outlets reporting", "articles", "reprints")},
                                  "outlets": column.TextColumn(help=help_for("outlets reporting")),
                                  "groups that did not report it": column.TextColumn(
                                      help=help_for("groups that did not report it")),
                                  "first report (UTC)": column.TextColumn(help=help_for("first report"))})
        rows = picked.selection.rows if picked and picked.selection else []
        if rows:
            st.switch_page("pages/event.py", query_params={**filter_params(), "event": shown.iloc[rows[0]]["id"]})
    csv_download("Download events (CSV)", table, "framelens-events.csv", "dl_events")


def cards(table: pd.DataFrame) -> None:
    """Events as short cards that fit a phone's width, each linking to its comparison."""
    for r in table.to_dict("records"):
        with st.container(border=True):
            link = page_url("event", event=r["id"])
            st.markdown(f"**[{safe(r['event'])}]({link})**")
            when = f" · first report {r['first report (UTC)']}" + (" UTC" if r["first report (UTC)"][-1:].isdigit() else "")
            st.caption(f"{r['outlets reporting']} outlets reporting · {r['articles']} articles{when}"
                       + (f"  \nCheck: {r['check']}" if r["check"] else "")
                       + (f"  \nNot reported by: {safe(r['groups that did not report it'])}"
                          if r["groups that did not report it"] else ""), help=help_for("outlets reporting"))
    if len(table) == CARDS:
        st.caption(f"The {CARDS} broadest events; the CSV below holds every event in view.")


def attention_view(by: str) -> None:
    """Original articles per period, stacked by topic or by outlet group."""
    by_topic, by_group = attention(s, version, f)
    data, name = (by_topic, "topic") if by == "topic" else (by_group, "group")
    fig = stacked(data, "day", "articles", name, f"Original articles per {'topic' if by == 'topic' else 'outlet group'}")
    chart(fig, f"attention-by-{name}", data, f"{name}s")


s, version = open_page("Overview", show_fetch_report=True, intro=f"{ABOUT} [How the numbers are made]({page_url('methods')}).")
f = filters()
ev = events(s, version, f)
if ev.empty:
    st.info("No events match these filters. Widen the date range or clear some filters in the sidebar.")
    st.stop()
tabbed({"Events": lambda: events_view(ev), "Attention by topic": lambda: attention_view("topic"),
        "Attention by outlet group": lambda: attention_view("group")})
