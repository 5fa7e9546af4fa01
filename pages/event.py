"""Event: one happening, one card per outlet — headline, timing, lead, quotes, words, omissions — a reader
for its articles (pages/reading.py), and the whole comparison to export."""
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core.charts import export, timeline, too_little
from core.exports import event_html, event_json, format_time
from core.glossary import help_for
from pages.common import chart, compact, csv_download, filters, open_page, provenance_maker, safe, tabbed
from pages.data import colours, compare, event_choices
from pages.reading import read_article

CARD_WIDTH = 290  # px: cards wrap, three to a row beside the sidebar on a laptop, one on a phone


def speaker_link(name: str) -> str:
    """A speaker's name linking to their coverage on the Named sources page."""
    return f"[{safe(name)}](/sources?{urlencode({'view': 'One speaker', 'speaker': name})})"


def who(quote) -> str:
    """The quote's speaker as a link to their coverage; a pronoun nobody was found for stays plain text."""
    name = next((n for n in (quote.canonical_speaker, quote.speaker) if isinstance(n, str) and n), None)
    if not name:
        return "unattributed"
    resolved = quote.speaker_type != "pronoun" or isinstance(quote.canonical_speaker, str)
    return speaker_link(name) if resolved else f"{safe(name)} (unresolved)"


def precision(article: dict) -> str:
    """exact / date / year (core.dates); a store from before the date model says nothing: exact."""
    value = article.get("date_precision")
    return value if isinstance(value, str) and value else "exact"


def timing(article: dict, first) -> str:
    """When an article came out and how long after the first report; a date without an hour gets no lag in
    hours (it would be invented)."""
    when = format_time(article["published"], precision(article))
    if precision(article) != "exact" or first is None:
        return when
    lag = (article["published"] - first).total_seconds() / 3600
    return when + (" · first to report" if lag == 0 else f" · +{lag:.1f} h")


def card(outlet: str, times: dict, first, folded: bool) -> None:
    """One outlet's view of the event; on a phone, everything past headline and time folded into one expander."""
    st.markdown(f"#### {safe(outlet)}")
    heads = [h for h in report["headlines"]["articles"] if h["outlet"] == outlet][:2]
    for h in heads:
        st.markdown(f"**{safe(h['title'])}**")
        when = times.get(h["id"])
        if when is not None and not pd.isna(when["published"]):
            st.caption(timing(when, first), help=help_for("lag"))
        if not folded:
            st.write(h.get("lead") or "")
    with st.expander("Leads, quotes and words") if folded else st.container():
        for h in heads if folded else []:
            st.write(h.get("lead") or "")
        sections(outlet)


def sections(outlet: str) -> None:
    """Quotes, distinctive words, contested terms and omissions of one outlet, each with what it means."""
    q = quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes
    if not q.empty:
        st.markdown("**Quoted**\n" + "\n".join(f"- {who(r)} ({safe(r.cue)}): “{safe((r.quote or '')[:160])}”"
                                                for r in q.head(4).itertuples()), help=help_for("quotes"))
    terms = report["distinctive_terms"].get("outlets", {}).get(outlet, [])[:8]
    if terms:
        st.markdown("**Distinctive words** " + ", ".join(f"{safe(t['term'])} (z {t['z']:.1f})" for t in terms),
                    help=help_for("distinctive words"))
    contested = report["contested_terms"]["by_outlet"].get(outlet, {})
    if contested:
        st.markdown("**Contested terms** " + "; ".join(
            f"{safe(fam)}: " + ", ".join(f"{safe(t)} ×{n}" for t, n in used.items()) for fam, used in contested.items()),
            help=help_for("contested terms"))
    om = report["omissions"].get("outlets", {}).get(outlet, {})
    if om.get("omits"):
        st.markdown(f"**Leaves out {len(om['omits'])} facts others report**\n"
                    + "\n".join(f"- {safe(o.get('sentence') or o.get('text') or '')}" for o in om["omits"][:6]),
                    help=help_for("omissions"))


def side_by_side() -> None:
    times = arts.set_index("id")[["published", "date_precision"]].to_dict("index")
    exact = [t["published"] for t in times.values() if not pd.isna(t["published"]) and precision(t) == "exact"]
    folded = compact()
    with st.container(horizontal=True, wrap=True, gap="medium"):
        for outlet in sorted(cov["original_articles"]):
            with st.container(border=True, width=CARD_WIDTH):
                card(outlet, times, min(exact, default=None), folded)


def reprint_table() -> None:
    if reps.empty:
        st.info("No article in this event is a reprint of another outlet's story.")
        return
    st.dataframe(pd.DataFrame([{"reprint": r.id, "original outlet": r.original_outlet, "score": round(r.score, 2),
                                "changes": ", ".join(f"{k}: {v}" for k, v in r.changes.items()
                                                     if v not in (0, False, [], None, ""))}
                               for r in reps.itertuples()]), hide_index=True, width="stretch", key="reprints_table",
                 column_config={"reprint": st.column_config.TextColumn(help=help_for("reprints"))})


def data_quality() -> None:
    quality = arts[["outlet", "title", "published", "date_precision", "date_source", "date_flag", "text_status",
                    "text_length", "url"]]
    st.dataframe(quality, hide_index=True, width="stretch", key="quality_table",
                 column_config={"url": st.column_config.LinkColumn("original", display_text="open"),
                                "date_source": st.column_config.TextColumn(help=help_for("date source")),
                                "date_flag": st.column_config.TextColumn(help=help_for("date flag")),
                                "text_status": st.column_config.TextColumn(help=help_for("text status"))})


def export_menu(spec: dict) -> None:
    """The whole comparison as JSON or a self-contained HTML report, and its articles as CSV (with provenance),
    each made when asked for."""
    made, event = provenance_maker(), {"id": event_id, "label": labels.get(event_id, event_id)}

    def html_report() -> bytes:
        svg = export(spec, "svg")[0] if not too_little(spec) else None
        return event_html(event, report, arts, quotes, reps, made(), timeline_svg=svg)
    with st.popover("Export this comparison", icon=":material/download:", key="export_menu"):
        st.download_button("Report (HTML)", html_report, file_name=f"event-{event_id}.html", mime="text/html",
                           key="export_html", on_click="ignore", width="stretch")
        st.download_button("Comparison (JSON)", lambda: event_json(event, report, arts, quotes, reps, made()),
                           file_name=f"event-{event_id}.json", mime="application/json", key="export_json",
                           on_click="ignore", width="stretch")
        csv_download("Articles (CSV)", arts.drop(columns=["text"]), f"event-{event_id}-articles.csv", "dl_quality",
                     width="stretch")


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
           + (f", {len(reps)} reprints shown apart" if len(reps) else ""), help=help_for("outlets reporting"))
points = arts.assign(reprint=arts["id"].isin(set(reps["id"]) if not reps.empty else set()))
spec = timeline(points, "Coverage timeline (hollow = reprint)", book=colours(s, version))
export_menu(spec)
# The comparison comes first and needs no charting library; the timeline is a tab away.
tabbed({"Side by side": side_by_side, "Read an article": lambda: read_article(arts, quotes, report),
        "Timeline": lambda: chart(spec, f"event-{event_id}-timeline",
                                  points[["id", "outlet", "published", "title", "reprint"]], "event"),
        "Reprints": reprint_table, "Data quality": data_quality})
