"""Named sources: whom each outlet quotes, how much, how anonymously — and one speaker's coverage."""

import pandas as pd
import streamlit as st

from core.charts import bars, heatmap, lines
from core.glossary import help_for
from core.sources import NO_NAMED_SPEAKER
from core.store import UNRESOLVED
from pages.common import chart, count_column, downloads, filters, open_page, page_url, safe, tabbed
from pages.data import (colours, in_window, lone_speakers, other_languages, quote_counts, quote_scope,
                        speaker_quotes)

TOP_SPEAKERS, TOP_OUTLETS = 30, 20
PLACEHOLDERS = {UNRESOLVED, NO_NAMED_SPEAKER}


def matrix(pairs: pd.DataFrame, named: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Top speakers (rows) × busiest outlets (columns), counting quotes or quoted words."""
    top = named.groupby("speaker")[measure].sum().sort_values(ascending=False).index[:TOP_SPEAKERS]
    busiest = pairs.groupby("outlet")["quotes"].sum().sort_values(ascending=False).index[:TOP_OUTLETS]
    quoted = set(named["outlet"].unique())  # once: building it per column was most of the page's run
    return (named[named["speaker"].isin(top) & named["outlet"].isin(busiest)]
            .pivot_table(index="speaker", columns="outlet", values=measure, aggfunc="sum", fill_value=0)
            .reindex(index=top, columns=[o for o in busiest if o in quoted], fill_value=0))


@st.cache_data(show_spinner=False, max_entries=32)
def cached_matrix(_s, version, measure: str, f: dict) -> pd.DataFrame:
    """The matrix once per store version, quote filters (`f`: quote_scope) and measure: the pivot took
    ~0.1 s of every run."""
    pairs = quote_counts(_s, version, f)[0]
    return matrix(pairs, pairs[~pairs["speaker"].isin(PLACEHOLDERS)], measure)


def matrix_view(pairs: pd.DataFrame, as_chart: bool) -> None:
    measure = st.radio("Measure", ["quotes", "words"], horizontal=True, key="src_measure",
                       help=help_for("quotes") + "\n\n" + help_for("quoted words"))
    m = cached_matrix(s, version, measure, quote_scope(filters()))
    title = f"Top {len(m)} speakers × {m.shape[1]} busiest outlets ({measure})"
    if as_chart:
        chart(heatmap(m, title, measure), "speakers-by-outlet", pairs, "matrix")
        return
    # A plain table first: exact numbers, sortable, no charting library to load, and no heatmap built
    # unless it is downloaded. (Cells tinted through a pandas Styler cost the browser ~0.2 s to draw.)
    st.caption(title)
    st.dataframe(m, width="stretch", key="matrix_table", height=min(36 + 35 * len(m), 720),
                 column_config={outlet: count_column() for outlet in m.columns})
    downloads(lambda: heatmap(m, title, measure), "speakers-by-outlet", pairs, "dl_matrix")


def shares_view(shares: pd.DataFrame) -> None:
    shares = shares.sort_values("quotes", ascending=False).head(TOP_OUTLETS)
    book = colours(s, version)
    left, right = st.columns(2)
    for col, share, title, key in ((left, "anonymous_share", "Share of attributions to anonymous sources", "anon"),
                                   (right, "official_share", "Share of attributions to officials (by role)", "official")):
        with col:
            data = shares.sort_values(share, ascending=False)
            st.caption(title, help=help_for(share.replace("_", " ")))
            chart(bars(data, "outlet", share, title, book=book), share.replace("_", "-"), data, key)


def speaker_view(pairs: pd.DataFrame) -> None:
    named = pairs[~pairs["speaker"].isin(PLACEHOLDERS)]
    speakers = list(named.groupby("speaker")["quotes"].sum().sort_values(ascending=False).index[:500])
    wanted = st.query_params.get("speaker")
    if wanted and wanted not in speakers and wanted in set(pairs["speaker"]):
        speakers = [wanted] + speakers
    speaker = st.selectbox("Speaker", speakers, index=speakers.index(wanted) if wanted in speakers else 0,
                           key="speaker_pick")
    if speaker != wanted:
        st.query_params["speaker"] = speaker
    mine = speaker_quotes(s, version, speaker, filters())
    st.markdown(f"**{safe(speaker)}** — {len(mine)} quotes in {mine['outlet'].nunique()} outlets; roles: "
                + (", ".join(safe(r) for r in mine["speaker_role"].dropna().unique()[:5]) or "none given"))
    verbs = mine.groupby(["outlet", "cue"]).size().rename("quotes").reset_index().sort_values("quotes", ascending=False)
    over_time = in_window(mine, "published")
    over_time = over_time.assign(day=over_time["published"].dt.tz_localize(None).dt.floor("D")).groupby(
        ["day", "outlet"]).size().rename("quotes").reset_index()
    left, right = st.columns(2)
    with left:
        st.dataframe(verbs, hide_index=True, width="stretch", key="verbs_table",
                     column_config={"quotes": count_column()})
    with right:
        fig = lines(over_time, "day", "quotes", "outlet", f"Quotes of {speaker} over time", book=colours(s, version))
        chart(fig, "speaker-over-time", over_time, "speaker")
    # the name as each article wrote it, and how it became this speaker ("'the spokesman' -> …")
    table = mine.assign(event=[event_link(e) for e in mine["event_id"]])
    st.dataframe(table[["published", "outlet", "as_written", "cue", "quote", "speaker_how", "title", "event"]]
                 .rename(columns={"as_written": "as written", "speaker_how": "how resolved"}), hide_index=True,
                 width="stretch", key="speaker_quotes",
                 column_config={"event": st.column_config.LinkColumn(display_text="open event")})


def event_link(event_id) -> str | None:
    """The Event page's address for an event (None for a quote whose article has no event yet)."""
    return page_url("event", event=event_id) if isinstance(event_id, str) and event_id else None


def lone_view() -> None:
    """Named speakers one outlet alone quotes within an event, linked to the event and to the speaker."""
    lone = lone_speakers(s, version, filters())
    lone = lone.assign(event=[event_link(e) for e in lone["event_id"]],
                       coverage=[page_url("sources", view="One speaker", speaker=n) for n in lone["speaker"]])
    st.dataframe(lone[["speaker", "outlet", "quotes", "event", "coverage"]], hide_index=True, width="stretch",
                 key="unique_table", column_config={
                     "speaker": st.column_config.TextColumn(help=help_for("quoted by one outlet only")),
                     "quotes": count_column(),
                     "event": st.column_config.LinkColumn(display_text="open event"),
                     "coverage": st.column_config.LinkColumn("speaker's coverage", display_text="open")})


s, version = open_page("Named sources")
pairs, shares = quote_counts(s, version, filters())
other = other_languages(s, version, filters())
if other:
    st.caption(f"Quotes are read from English articles only: {sum(other.values())} articles in other languages ("
               + ", ".join(f"{safe(k)} {n}" for k, n in sorted(other.items(), key=lambda kv: -kv[1])) + ") are not searched.")
if pairs.empty:
    st.info("No quotes in this view. Quotes are extracted when articles are analysed (after each fetch or import).")
    st.stop()
tabbed({"Speakers × outlets": lambda: matrix_view(pairs, as_chart=False),
        "Heatmap": lambda: matrix_view(pairs, as_chart=True),
        "Anonymous and official": lambda: shares_view(shares),
        "Quoted by one outlet only": lone_view,
        "One speaker": lambda: speaker_view(pairs)})
