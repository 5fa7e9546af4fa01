"""Event: one happening, one column per outlet — headline, timing, lead, quotes, words, omissions."""
import pandas as pd
import streamlit as st

from core.charts import timeline
from pages.common import csv_download, downloads, filters, open_page, safe, tabbed
from pages.corrections import corrections_view
from pages.data import compare, event_choices, in_window
from pages.families import families_view

COLUMNS_PER_ROW = 3


VOICE = {"own": "own words", "quoted": "quoting {}", "attributed": "reporting {}"}


def when(row: dict | None) -> str:
    """An outlet's first report as the timing figure has it: a time, a date only, or none."""
    if not row or not row.get("first_report"):
        return "no date"
    src = f" · date from {row['date_source']}" if row.get("date_source") else ""
    if row["precision"] == "date":
        return f"{row['first_report']} (date only, no time given){src}"
    lag = f" · +{row['lag_hours']:.1f} h" if row.get("lag_hours") else ""
    return f"{row['first_report'][:16].replace('T', ' ')} UTC{lag}{src}"


def voice(m: dict) -> str:
    """Whose words a contested term is in, as shown beside it."""
    who = m.get("speaker") or ("someone the text does not name" if m["voice"] == "quoted" else "a source not named")
    return VOICE[m["voice"]].format(who)


def column(report: dict, outlet: str, texts: dict, quotes: pd.DataFrame) -> None:
    """One outlet's view of the event."""
    st.markdown(f"#### {safe(outlet)}")
    timing = {r["outlet"]: r for r in report["timing"]["outlets"]}
    first = report["timing"]["first_outlet"] == outlet
    st.caption(safe(when(timing.get(outlet))) + (" · first to report" if first else ""))
    for h in [h for h in report["headlines"]["articles"] if h["outlet"] == outlet][:2]:
        st.markdown(f"**{safe(h['title'])}**")
        st.markdown(safe(h.get("lead") or ""))   # feed text: every markdown character escaped
    q = quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes
    if not q.empty:
        st.markdown("**Quoted**")
        for r in q.head(4).itertuples():
            st.markdown(f"- {safe(r.canonical_speaker or r.speaker or 'unattributed')} ({safe(r.cue)}): "
                        f"“{safe((r.quote or '')[:160])}”")
    terms = report["distinctive_terms"].get("outlets", {}).get(outlet, [])[:8]
    if terms:
        st.markdown("**Distinctive words** " + ", ".join(f"{safe(t['term'])} (z {t['z']:.1f})" for t in terms))
    ct = report["contested_terms"]
    own, quoted = ct["by_outlet"].get(outlet, {}), ct.get("quoted", {}).get(outlet, {})
    if own:
        st.markdown("**Contested terms, own words** " + "; ".join(
            f"{safe(fam)}: " + ", ".join(f"{safe(t)} ×{n}" for t, n in terms_.items()) for fam, terms_ in own.items()))
    if quoted:
        st.markdown("**Contested terms it quotes** " + "; ".join(
            f"{safe(t)} ({safe(sp)}) ×{n}" for fam in quoted.values() for t, sps in fam.items() for sp, n in sps.items()))
    matches = [m for m in ct["matches"] if m["outlet"] == outlet]
    if matches:
        with st.expander(f"Contested terms in their sentences ({len(matches)})"):
            for m in matches[:30]:
                text = texts.get(m["id"], {}).get(m["field"], "")
                st.markdown(f"- **{safe(m['surface'])}** ({safe(m['family'])}; {safe(voice(m))}): "
                            f"{safe(text[m['sentence'][0]:m['sentence'][1]][:400])}")
    om = report["omissions"].get("outlets", {}).get(outlet, {})
    if om.get("omits"):
        with st.expander(f"Leaves out {len(om['omits'])} facts others report"):
            for o in om["omits"][:6]:
                st.markdown(f"- {safe(o.get('text') or '')} — reported by {safe(', '.join(o['reported_by']))}")


s, version = open_page("Event")
choices = event_choices(s, version, filters())
wanted = st.query_params.get("event")
if "fix_done" in st.session_state:
    st.success(st.session_state.pop("fix_done"))
missing = False
if wanted:  # a link to an event merged away opens the survivor and says so; an unknown one says so
    shown, note = s.resolve_event(wanted)
    if note:
        (st.info if shown else st.error)(note)
    missing, wanted = shown is None, shown
options = list(choices["id"])
if wanted and wanted not in options and s.event_articles([wanted]):
    options = [wanted] + options
if not options:
    st.info("No events match the filters. Clear some filters in the sidebar.")
    st.stop()
labels = dict(zip(choices["id"], choices["label"]))
event_id = st.selectbox("Event", options, index=options.index(wanted) if wanted in options else None if missing else 0,
                        key="event_pick", format_func=lambda e: labels.get(e, e), placeholder="Pick an event")
if event_id is None:
    st.stop()
if event_id != st.query_params.get("event"):
    st.query_params["event"] = event_id
report, arts, quotes, reps = compare(s, version, event_id)
if arts.empty:   # merged into another event or emptied since the list was read: nothing to compare
    st.info("This event has no articles any more: a later analysis merged it into another event or moved its "
            "articles. Pick another event.")
    st.stop()
for note in report.get("notes", []):
    st.info(safe(note))
cov = report["coverage"]
st.caption(f"{report['n_articles']} articles from {cov['original_outlets']} outlets reporting originally"
           + (f", {len(reps)} reprints shown apart" if len(reps) else ""))


def side_by_side() -> None:
    texts = {r["id"]: {"title": r["title"] or "", "text": r["text"] or ""} for r in arts.to_dict("records")}
    st.caption(safe(report["timing"]["first"]["label"]) + "".join(f" · {safe(n)}" for n in report["timing"]["notes"]))
    original_outlets = sorted(cov["original_articles"])
    for i in range(0, len(original_outlets), COLUMNS_PER_ROW):
        for col, outlet in zip(st.columns(COLUMNS_PER_ROW), original_outlets[i:i + COLUMNS_PER_ROW]):
            with col:
                column(report, outlet, texts, quotes)


def coverage_timeline() -> None:
    points = in_window(arts.assign(reprint=arts["id"].isin(set(reps["id"]) if not reps.empty else set())), "published")
    spec = timeline(points, "Coverage timeline (hollow = reprint)")
    st.vega_lite_chart(spec, width="stretch", key="chart_event_timeline")
    downloads(spec, f"event-{event_id}-timeline", points[["id", "outlet", "published", "title", "reprint"]], "dl_event")


def reprint_table() -> None:
    families_view(reps, arts)


def data_quality() -> None:
    pins = s.pinned(list(arts["id"]))
    quality = arts.assign(placed_by=[f"user (correction {pins[a]})" if a in pins else "clustering" for a in arts["id"]])[
        ["outlet", "title", "published", "date_precision", "date_source", "date_flag", "language", "placed_by",
         "text_status", "text_length", "analysis_notes", "url"]]
    st.dataframe(quality, hide_index=True, width="stretch", key="quality_table",
                 column_config={"url": st.column_config.LinkColumn("original", display_text="open")})
    csv_download("Download comparison (CSV)", quality, f"event-{event_id}.csv", "dl_quality")


# The comparison comes first and needs no charting library; the timeline is a tab away.
tabbed({"Side by side": side_by_side, "Timeline": coverage_timeline, "Reprints": reprint_table,
        "Data quality": data_quality, "Corrections": lambda: corrections_view(s, event_id, arts, choices)})
