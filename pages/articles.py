"""Articles: what has been collected, per outlet over time, with a filterable table."""
import pandas as pd
import streamlit as st

from core.charts import articles_over_time
from pages.common import article_filters, csv_download, downloads, open_page, tabbed

MAX_ROWS = 1000


@st.cache_data(show_spinner=False, max_entries=64)
def _daily(_s, version, **filters) -> pd.DataFrame:
    return _s.daily_counts(**filters)


@st.cache_data(show_spinner=False, max_entries=64)
def _rows(_s, version, **filters) -> tuple[pd.DataFrame, int]:
    return _s.articles_df(limit=MAX_ROWS, **filters), _s.count_filtered(**filters)


s, version = open_page("Articles", show_fetch_report=True)
filters = article_filters()
rows, total = _rows(s, version, **filters)
st.caption(("1 article matches" if total == 1 else f"{total:,} articles match")
           + (f"; showing the newest {MAX_ROWS:,}" if total > MAX_ROWS else ""))


def table_view() -> None:
    # st.dataframe renders cells as text, so titles from feeds cannot inject markup.
    table = rows[["published", "outlet", "title", "date_source", "date_flag", "text_status", "text_length", "url"]]
    st.dataframe(table, hide_index=True, width="stretch", key="articles_table",
                 column_config={"url": st.column_config.LinkColumn("link", display_text="open"),
                                "published": st.column_config.DatetimeColumn("published (UTC)", format="YYYY-MM-DD HH:mm"),
                                "text_length": st.column_config.NumberColumn("text chars")})
    csv_download("Download these rows (CSV)", table, "framelens-articles.csv", "dl_articles")


def over_time() -> None:
    daily = _daily(s, version, **filters)
    fig = articles_over_time(daily)
    st.plotly_chart(fig, width="stretch", key="chart_daily")
    downloads(fig, "articles-per-day", daily, "dl_daily")


tabbed({"Table": table_view, "Over time": over_time})
