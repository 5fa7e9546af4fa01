"""Timelines: when each outlet reports, who is first, and how far behind the others are."""
import streamlit as st

from core.charts import bars, box, too_little
from core.coverage import lag_table
from core.glossary import help_for
from pages.common import chart, compact, downloads, filters, open_page, tabbed
from pages.data import colours, event_lags, points, timeline_picture, timeline_spec


def publication_view(f: dict) -> None:
    """The timeline as a picture drawn by the server (a new tab shows it sooner than a bare app's table), or,
    switched on or on a phone (where a picture would shrink its labels), drawn by the browser to hover."""
    spec, data = timeline_spec(s, version, f), points(s, version, f)
    drawn = None
    if not compact() and not too_little(spec):
        hover = st.toggle("Hover for headlines", key="hover", bind="query-params",
                          help="Draw the chart in the browser: hover a point for its headline, outlet and time.")
        drawn = None if hover else timeline_picture(s, version, f)
    if drawn is None:
        chart(spec, "publication-timeline", data, "pub")
        return
    st.image(drawn, width="stretch", alt=spec["title"])
    downloads(spec, "publication-timeline", data, "dl_pub")


def lag_view(f: dict, view: str) -> None:
    """First-to-report counts or the lag distribution; lags are measured against every outlet's
    first report, then shown for the outlets in view."""
    lagged = event_lags(s, version, f)
    if f.get("outlets_in"):
        lagged = lagged[lagged["outlet"].isin(f["outlets_in"])]
    if lagged.empty:
        st.info("No event in this view was covered by more than one outlet, so there is no lag to measure.")
        return
    table = lag_table(lagged)
    seen = lagged["seen"].fillna(False).astype(bool) if "seen" in lagged else lagged["dated"] & False
    n_date, n_none = int((lagged["dated"] & ~lagged["exact"] & ~seen).sum()), int((~lagged["dated"]).sum())
    if n_date:
        st.caption(f"{n_date} of {len(lagged)} first reports have a date but no time: a day in the outlet's own time "
                   "zone, which may begin 13 hours before that day in UTC and end 11 hours after it. An outlet counts "
                   "as first only when its report ended before any other could have begun (otherwise as tied "
                   "first); a report with only a date has no lag in hours.")
    if seen.any():
        st.caption(f"{int(seen.sum())} of {len(lagged)} first reports gave no publication date and are dated by when "
                   "framelens first saw them: they may be older, so they get no lag and are first only when seen "
                   "before any other report could have begun.")
    if n_none:
        st.caption(f"{n_none} of {len(lagged)} first reports have no date: they may have been first, so no outlet is "
                   "first beyond doubt in their events.")
    book = colours(s, version)
    if view == "firsts":
        firsts = table.sort_values("first", ascending=False).head(25)
        chart(bars(firsts, "outlet", "first", "Events each outlet reported first beyond doubt (top 25)", book=book),
              "first-to-report", table, "first")
        column = st.column_config
        st.dataframe(table, hide_index=True, width="stretch", key="lag_table", column_config={
            "first": column.NumberColumn("first to report", help=help_for("first to report")),
            "tied_first": column.NumberColumn("tied first", help=help_for("first to report")),
            "median_lag_h": column.NumberColumn("median lag (h)", help=help_for("median lag")),
            "p90_lag_h": column.NumberColumn("p90 lag (h)", help=help_for("median lag")),
            "date_only": column.NumberColumn("date only", help=help_for("date precision"))})
    else:
        busiest = table.sort_values("events", ascending=False)["outlet"].head(20)
        fig = box(lagged[lagged["outlet"].isin(busiest) & lagged["exact"]], "outlet", "lag_hours",
                  "Hours behind the first exact time (events covered by 2+ outlets; 20 busiest outlets)", book=book)
        st.caption("Each outlet's lags behind the first report, as a box: the middle half of its lags and their "
                   "median.", help=help_for("lag"))
        chart(fig, "lag-distribution", lagged, "lags")


s, version = open_page("Timelines")
f = filters()
tabbed({"Publication times": lambda: publication_view(f), "First to report": lambda: lag_view(f, "firsts"),
        "Lag behind the first": lambda: lag_view(f, "lags")})
st.caption("Times are UTC and come from the feed, the page, or when framelens first saw the item "
           "(see each article's date source): a lag can be no more precise than the times behind it.")
