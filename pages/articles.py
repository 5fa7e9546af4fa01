"""Articles: what has been collected, per outlet over time, with a filterable table."""
import streamlit as st

from core.charts import articles_over_time
from pages.common import csv_download, downloads, filters, open_page, tabbed
from pages.data import MAX_ROWS, article_rows, daily


s, version = open_page("Articles", show_fetch_report=True)
f = filters()
rows, total = article_rows(s, version, f)
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
    per_day = daily(s, version, f)
    fig = articles_over_time(per_day)
    st.plotly_chart(fig, width="stretch", key="chart_daily")
    downloads(fig, "articles-per-day", per_day, "dl_daily")


tabbed({"Table": table_view, "Over time": over_time})
