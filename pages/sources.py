"""Named sources: whom each outlet quotes, how much, how anonymously — and one speaker's coverage."""
import pandas as pd
import streamlit as st

from core.charts import bars, heatmap, lines
from core.sources import anonymous_share, official_share, speakers_by_outlet, unique_speakers
from pages.common import article_filters, data_version, downloads, empty_state, safe, store, route_through_entrypoint

TOP_SPEAKERS = 30


@st.cache_data(show_spinner="Counting quotes…", max_entries=32)
def _quotes(_s, version, **f) -> tuple[pd.DataFrame, pd.DataFrame]:
    q = _s.quotes_df(**f)
    arts = q[["article_id", "outlet", "event_id"]].drop_duplicates("article_id").rename(
        columns={"article_id": "id", "event_id": "event"})
    return q, arts


def bare(q: pd.DataFrame) -> pd.DataFrame:
    """Quote columns only: core.sources joins outlet and event from the articles itself."""
    return q.drop(columns=["outlet", "event_id", "published", "title"], errors="ignore")


route_through_entrypoint()
s = store()
st.title("Named sources")
if empty_state(s):
    st.stop()
version = data_version(s)
q, arts = _quotes(s, version, **{k: v for k, v in article_filters().items() if k != "search"})
if q.empty:
    st.info("No quotes in this view. Quotes are extracted when articles are analysed (after each fetch or import).")
    st.stop()

measure = st.radio("Measure", ["quotes", "words"], horizontal=True, key="src_measure")
pairs = speakers_by_outlet(bare(q), arts)
top = pairs.groupby("speaker")[measure].sum().sort_values(ascending=False).index[:TOP_SPEAKERS]
matrix = pairs[pairs["speaker"].isin(top)].pivot_table(index="speaker", columns="outlet", values=measure,
                                                       aggfunc="sum", fill_value=0).reindex(top)
fig = heatmap(matrix, f"Top {len(top)} speakers × outlets ({measure})", measure)
st.plotly_chart(fig, width="stretch", key="chart_matrix")
downloads(fig, "speakers-by-outlet", pairs, "dl_matrix")

left, right = st.columns(2)
with left:
    anon = anonymous_share(bare(q), arts)
    fig = bars(anon, "outlet", "share", "Share of attributions to anonymous sources")
    st.plotly_chart(fig, width="stretch", key="chart_anon")
    downloads(fig, "anonymous-share", anon, "dl_anon")
with right:
    off = official_share(bare(q), arts)
    fig = bars(off, "outlet", "share", "Share of attributions to officials (by role)")
    st.plotly_chart(fig, width="stretch", key="chart_official")
    downloads(fig, "official-share", off, "dl_official")

with st.expander("Speakers only one outlet quotes, per event"):
    st.dataframe(unique_speakers(bare(q), arts), hide_index=True, width="stretch", key="unique_table")

st.subheader("A speaker")
speakers = list(pairs.groupby("speaker")["quotes"].sum().sort_values(ascending=False).index)
wanted = st.query_params.get("speaker")
speaker = st.selectbox("Speaker", speakers, index=speakers.index(wanted) if wanted in speakers else 0, key="speaker_pick")
if speaker != wanted:
    st.query_params["speaker"] = speaker
name = q["canonical_speaker"].where(q["canonical_speaker"].notna(), q["speaker"]).fillna("(unknown)")
mine = q[name == speaker]
st.markdown(f"**{safe(speaker)}** — {len(mine)} quotes in {mine['outlet'].nunique()} outlets; roles: "
            + (", ".join(safe(r) for r in mine["speaker_role"].dropna().unique()[:5]) or "none given"))
verbs = mine.groupby(["outlet", "cue"]).size().rename("quotes").reset_index().sort_values("quotes", ascending=False)
over_time = mine.assign(day=mine["published"].dt.tz_localize(None).dt.floor("D")).groupby(
    ["day", "outlet"]).size().rename("quotes").reset_index()
left, right = st.columns(2)
with left:
    st.dataframe(verbs, hide_index=True, width="stretch", key="verbs_table")
with right:
    fig = lines(over_time, "day", "quotes", "outlet", f"Quotes of {speaker} over time", outlet_colours=True)
    st.plotly_chart(fig, width="stretch", key="chart_speaker")
    downloads(fig, "speaker-over-time", over_time, "dl_speaker")
st.dataframe(mine[["published", "outlet", "cue", "quote", "title"]], hide_index=True, width="stretch",
             key="speaker_quotes")
