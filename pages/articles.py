"""Articles: what has been collected, per outlet over time, with a filterable table."""
import streamlit as st

from core.charts import articles_over_time
from core.glossary import help_for
from pages.common import chart, count_column, csv_download, filters, open_page, tabbed
from pages.data import MAX_ROWS, TABLE_ROWS, article_rows, colours, daily, snippets


s, version = open_page("Articles", show_fetch_report=True)
f = filters()
rows, total = article_rows(s, version, f)
st.caption(("1 article matches" if total == 1 else f"{total:,} articles match")
           + (f"; the table shows the newest {TABLE_ROWS}, the CSV below " if total > TABLE_ROWS else "")
           + (f"the newest {MAX_ROWS:,}" if total > MAX_ROWS else f"all {total:,}" if total > TABLE_ROWS else ""))


def table_view() -> None:
    # st.dataframe renders cells as text, so titles from feeds cannot inject markup.
    cols = ["published", "date_precision", "outlet", "title", "date_source", "date_flag", "text_status", "text_length",
            "url"]
    table = rows
    if f.get("text"):  # where the searched words occur, «marked»
        found = snippets(s, version, tuple(rows["id"]), f["text"])
        table = table.assign(match=[found.get(i, "") for i in rows["id"]])
        cols.insert(3, "match")
    column = st.column_config
    st.dataframe(table[cols + ["read"]].head(TABLE_ROWS), hide_index=True, width="stretch", key="articles_table",
                 column_config={"url": column.LinkColumn("link", display_text="open"),
                                "read": column.LinkColumn("in framelens", display_text="read",
                                                          help="Read the stored text with its quotes and contested "
                                                               "terms marked."),
                                "match": column.TextColumn(width="large", help=help_for("search")),
                                "published": column.DatetimeColumn("published (UTC)", format="YYYY-MM-DD HH:mm"),
                                "date_precision": column.TextColumn("precision", help=help_for("date precision")),
                                "date_source": column.TextColumn(help=help_for("date source")),
                                "date_flag": column.TextColumn(help=help_for("date flag")),
                                "text_status": column.TextColumn(help=help_for("text status")),
                                "text_length": count_column("text chars")})
    csv_download("Download these rows (CSV)", table[cols], "framelens-articles.csv", "dl_articles")


def over_time() -> None:
    per_day = daily(s, version, f)
    chart(articles_over_time(per_day, book=colours(s, version)), "articles-per-day", per_day, "daily")


tabbed({"Table": table_view, "Over time": over_time})
