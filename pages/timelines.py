"""Timelines: when each outlet reports, who is first, and how far behind the others are."""
import streamlit as st

from core.charts import bars, box
from core.coverage import lag_table
from pages.common import downloads, filters, open_page, tabbed
from pages.data import event_lags, points, timeline_spec


def publication_view(f: dict) -> None:
    spec = timeline_spec(s, version, f)
    st.vega_lite_chart(spec, width="stretch", key="chart_pub")
    downloads(spec, "publication-timeline", points(s, version, f), "dl_pub")


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
    n_date = int((~lagged["exact"]).sum())
    if n_date:
        st.caption(f"{n_date} of {len(lagged)} first reports have a date but no time: they count as first only a whole "
                   "day ahead of every other report (otherwise as tied first), and have no lag in hours.")
    if view == "firsts":
        firsts = table.sort_values("first", ascending=False).head(25)
        fig = bars(firsts, "outlet", "first", "Events each outlet reported first beyond doubt (top 25)")
        st.plotly_chart(fig, width="stretch", key="chart_first")
        downloads(fig, "first-to-report", table, "dl_first")
        st.dataframe(table, hide_index=True, width="stretch", key="lag_table")
    else:
        busiest = table.sort_values("events", ascending=False)["outlet"].head(20)
        fig = box(lagged[lagged["outlet"].isin(busiest) & lagged["exact"]], "outlet", "lag_hours",
                  "Hours behind the first exact time (events covered by 2+ outlets; 20 busiest outlets)")
        st.plotly_chart(fig, width="stretch", key="chart_lags")
        downloads(fig, "lag-distribution", lagged, "dl_lags")


s, version = open_page("Timelines")
f = filters()
tabbed({"Publication times": lambda: publication_view(f), "First to report": lambda: lag_view(f, "firsts"),
        "Lag behind the first": lambda: lag_view(f, "lags")})
st.caption("Times are UTC and come from the feed, the page, or when framelens first saw the item "
           "(see each article's date source): a lag can be no more precise than the times behind it.")
