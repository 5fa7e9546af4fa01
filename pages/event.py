"""Event: one happening, one column per outlet — headline, timing, lead, quotes, words, omissions."""
import pandas as pd
import streamlit as st

from core.charts import timeline
from core.sources import quote_excerpt, speaker_label
from pages.common import csv_download, downloads, filters, open_page, safe, tabbed
from pages.data import compare, event_choices

COLUMNS_PER_ROW = 3


def column(report: dict, outlet: str, first: pd.Series, quotes: pd.DataFrame) -> None:
    """One outlet's view of the event."""
    st.markdown(f"#### {safe(outlet)}")
    for h in [h for h in report["headlines"]["articles"] if h["outlet"] == outlet][:2]:
        st.markdown(f"**{safe(h['title'])}**")
        when = first.get(h["id"])
        if when is not None and not pd.isna(when):
            lag = (when - first.min()).total_seconds() / 3600
            st.caption(f"{when:%Y-%m-%d %H:%M} UTC · " + ("first to report" if lag == 0 else f"+{lag:.1f} h"))
        st.write(h.get("lead") or "")
    q = quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes
    if not q.empty:
        st.markdown("**Quoted**")
        for r in q.head(4).itertuples():      # one name rule everywhere; the quote with its own marks
            st.markdown(f"- {safe(speaker_label(r._asdict()))} ({safe(r.cue)}): {safe(quote_excerpt(r.quote))}")
    terms = report["distinctive_terms"].get("outlets", {}).get(outlet, [])[:8]
    if terms:
        st.markdown("**Distinctive words** " + ", ".join(f"{safe(t['term'])} (z {t['z']:.1f})" for t in terms))
    contested = report["contested_terms"]["by_outlet"].get(outlet, {})
    if contested:
        st.markdown("**Contested terms** " + "; ".join(
            f"{safe(fam)}: " + ", ".join(f"{safe(t)} ×{n}" for t, n in terms_.items()) for fam, terms_ in contested.items()))
    om = report["omissions"].get("outlets", {}).get(outlet, {})
    if om.get("omits"):
        with st.expander(f"Leaves out {len(om['omits'])} facts others report"):
            for o in om["omits"][:6]:
                st.markdown(f"- {safe(o.get('sentence') or o.get('text') or '')}")


s, version = open_page("Event")
choices = event_choices(s, version, filters())
wanted = st.query_params.get("event")
options = list(choices["id"])
if wanted and wanted not in options and s.event_articles([wanted]):
    options = [wanted] + options
if not options:
    st.info("No events match the filters. Clear some filters in the sidebar.")
    st.stop()
labels = dict(zip(choices["id"], choices["label"]))
event_id = st.selectbox("Event", options, index=options.index(wanted) if wanted in options else 0, key="event_pick",
                        format_func=lambda e: labels.get(e, e))
if event_id != wanted:
    st.query_params["event"] = event_id
report, arts, quotes, reps = compare(s, version, event_id)
for note in report.get("notes", []):
    st.info(note)
cov = report["coverage"]
st.caption(f"{report['n_articles']} articles from {cov['original_outlets']} outlets reporting originally"
           + (f", {len(reps)} reprints shown apart" if len(reps) else ""))


def side_by_side() -> None:
    first = arts.set_index("id")["published"]
    original_outlets = sorted(cov["original_articles"])
    for i in range(0, len(original_outlets), COLUMNS_PER_ROW):
        for col, outlet in zip(st.columns(COLUMNS_PER_ROW), original_outlets[i:i + COLUMNS_PER_ROW]):
            with col:
                column(report, outlet, first, quotes)


def coverage_timeline() -> None:
    points = arts.assign(reprint=arts["id"].isin(set(reps["id"]) if not reps.empty else set()))
    spec = timeline(points, "Coverage timeline (hollow = reprint)")
    st.vega_lite_chart(spec, width="stretch", key="chart_event_timeline")
    downloads(spec, f"event-{event_id}-timeline", points[["id", "outlet", "published", "title", "reprint"]], "dl_event")


def reprint_table() -> None:
    if reps.empty:
        st.info("No article in this event is a reprint of another outlet's story.")
        return
    st.dataframe(pd.DataFrame([{"reprint": r.id, "original outlet": r.original_outlet, "score": round(r.score, 2),
                                "changes": ", ".join(f"{k}: {v}" for k, v in r.changes.items()
                                                     if v not in (0, False, [], None, ""))}
                               for r in reps.itertuples()]), hide_index=True, width="stretch", key="reprints_table")


def data_quality() -> None:
    quality = arts[["outlet", "title", "published", "date_source", "date_flag", "text_status", "text_length", "url"]]
    st.dataframe(quality, hide_index=True, width="stretch", key="quality_table",
                 column_config={"url": st.column_config.LinkColumn("original", display_text="open")})
    csv_download("Download comparison (CSV)", quality, f"event-{event_id}.csv", "dl_quality")


# The comparison comes first and needs no charting library; the timeline is a tab away.
tabbed({"Side by side": side_by_side, "Timeline": coverage_timeline, "Reprints": reprint_table,
        "Data quality": data_quality})
