"""Overview: the events in view, ranked by how many outlets reported them, and attention over time."""
import pandas as pd
import streamlit as st

from core.charts import stacked
from core.coverage import attention_by_group, attention_by_topic, blind_spots
from pages.common import article_filters, downloads, filters, open_page

MAX_EVENTS = 1000


@st.cache_data(show_spinner=False, max_entries=32)
def _events(_s, version, **f) -> pd.DataFrame:
    ev = _s.events_df(limit=MAX_EVENTS, **f)
    if ev.empty:
        return ev
    pairs = _s.event_outlets(list(ev["id"]))
    spots = blind_spots(pairs, _s.outlets_df())
    orig = pairs[pairs["articles"] > pairs["reprints"]].groupby("event_id")["outlet"].agg(lambda o: ", ".join(sorted(o)))
    return ev.assign(outlets=ev["id"].map(orig).fillna(""), blind_spots=ev["id"].map(lambda e: ", ".join(spots.get(e, []))))


@st.cache_data(show_spinner=False, max_entries=32)
def _attention(_s, version, topics_in, **f) -> tuple[pd.DataFrame, pd.DataFrame]:
    att = _s.attention(**f)
    if topics_in:
        att = att[att["topics"].map(lambda ts: bool(set(ts) & set(topics_in)))]
    span = (att["day"].max() - att["day"].min()).days if not att.empty else 0
    freq = "M" if span > 730 else "W" if span > 60 else "D"  # keep bars readable over long ranges
    return attention_by_topic(att, freq), attention_by_group(att, _s.outlets_df(), freq)


s, version = open_page("Overview", show_fetch_report=True)
f = filters()
ev = _events(s, version, **{**article_filters(), "topics_in": f.get("topics_in")})
if ev.empty:
    st.info("No events match these filters. Widen the date range or clear some filters in the sidebar.")
    st.stop()
st.caption(f"{len(ev):,} events" + (f" (the {MAX_EVENTS:,} broadest)" if len(ev) >= MAX_EVENTS else "")
           + ". Breadth counts outlets with original reporting; reprints are counted apart.")
table = ev[["label", "topics", "n_original_outlets", "n_articles", "n_reprints", "first_published", "outlets",
            "blind_spots", "id"]].rename(columns={"n_original_outlets": "outlets reporting", "n_articles": "articles",
                                                  "n_reprints": "reprints", "first_published": "first report (UTC)",
                                                  "blind_spots": "groups that did not report it", "label": "event"})
picked = st.dataframe(table, hide_index=True, width="stretch", key="events_table", on_select="rerun",
                      selection_mode="single-row", column_config={"id": None, "event": st.column_config.TextColumn(width="large"),
                      "first report (UTC)": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
rows = picked.selection.rows if picked and picked.selection else []
if rows:
    st.switch_page("pages/event.py", query_params={**{k: st.query_params.get_all(k) for k in st.query_params},
                                                   "event": table.iloc[rows[0]]["id"]})
st.caption("Select a row to compare how each outlet covered that event.")
st.download_button("Download events (CSV)", table.drop(columns=[]).to_csv(index=False).encode("utf-8"),
                   file_name="framelens-events.csv", mime="text/csv", key="dl_events", on_click="ignore")

st.subheader("Attention over time")
by_topic, by_group = _attention(s, version, f.get("topics_in"), **article_filters())
left, right = st.columns(2)
with left:
    fig = stacked(by_topic, "day", "articles", "topic", "Original articles per topic")
    st.plotly_chart(fig, width="stretch", key="chart_topics")
    downloads(fig, "attention-by-topic", by_topic, "dl_topics")
with right:
    fig = stacked(by_group, "day", "articles", "group", "Original articles per outlet group")
    st.plotly_chart(fig, width="stretch", key="chart_groups")
    downloads(fig, "attention-by-group", by_group, "dl_groups")
