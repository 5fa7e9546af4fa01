"""Event: one happening, one card per outlet (pages/event_cards.py) — timing, headline, lead, quotes, words,
omissions — a reader for its articles (pages/reading.py), and the whole comparison to export."""
import pandas as pd
import streamlit as st

from core.charts import export, timeline, too_little
from core.coverage import SPAN_WARN_DAYS
from core.exports import event_html, event_json
from core.glossary import help_for
from pages.common import chart, compact, csv_download, filters, open_page, plural, provenance_maker, safe, tabbed
from pages.corrections import corrections_view
from pages.data import colours, compare, event_choices, in_window
from pages.event_cards import side_by_side
from pages.families import families_view
from pages.reading import read_article



def reprint_table() -> None:
    """Each family of derived articles together: its original, then what every copy changed."""
    families_view(reps, arts)


def data_quality() -> None:
    pins = s.pinned(list(arts["id"]))
    quality = arts.assign(placed_by=[f"user (correction {pins[a]})" if a in pins else "clustering" for a in arts["id"]])[
        ["outlet", "title", "published", "date_precision", "date_source", "date_flag", "language", "placed_by",
         "text_status", "text_length", "analysis_notes", "url"]]
    st.dataframe(quality, hide_index=True, width="stretch", key="quality_table",
                 column_config={"url": st.column_config.LinkColumn("original", display_text="open"),
                                "date_precision": st.column_config.TextColumn(help=help_for("date precision")),
                                "date_source": st.column_config.TextColumn(help=help_for("date source")),
                                "date_flag": st.column_config.TextColumn(help=help_for("date flag")),
                                "language": st.column_config.TextColumn(help=help_for("language")),
                                "placed_by": st.column_config.TextColumn("placed by", help=help_for("placed by")),
                                "text_status": st.column_config.TextColumn(help=help_for("text status"))})


def span_note(arts) -> str | None:
    """A warning when the event's reports with a day lie further apart than one happening's coverage does: the
    clustering compares within days, so a span of months came from a join it should not have made (realworld's
    Navalny death held 2026 reports on the poison findings and on Russian cucumber prices)."""
    dated = pd.to_datetime(arts.loc[arts["date_precision"].isin(["exact", "date"]), "published"], utc=True).dropna()
    if dated.empty or (days := (dated.max() - dated.min()).days) <= SPAN_WARN_DAYS:
        return None
    return (f"This event's dated reports span {days:,} days ({dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}): it may "
            "hold more than one happening. Check the Timeline before quoting its figures; Corrections can move "
            "articles out.")


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
if wide := span_note(arts):
    st.warning(wide)
cov = report["coverage"]
st.caption(f"{plural(report['n_articles'], 'article')} from {plural(cov['original_outlets'], 'outlet')} reporting "
           "originally" + (f", {plural(len(reps), 'reprint')} shown apart" if len(reps) else ""),
           help=help_for("outlets reporting"))
reprinted = set(reps["id"]) if not reps.empty else set()
points = in_window(arts.assign(reprint=arts["id"].isin(reprinted)), "published")   # absurd dates stretch no chart
spec = timeline(points, "Coverage timeline (hollow = reprint)", book=colours(s, version))
export_menu(spec)
# The comparison comes first and needs no charting library; the timeline is a tab away.
tabbed({"Side by side": lambda: side_by_side(report, arts, quotes, compact()),
        "Read an article": lambda: read_article(arts, quotes, report),
        "Timeline": lambda: chart(spec, f"event-{event_id}-timeline",
                                  points[["id", "outlet", "published", "title", "reprint"]], "event"),
        "Reprints": reprint_table, "Data quality": data_quality,
        "Corrections": lambda: corrections_view(s, event_id, arts, choices)})
