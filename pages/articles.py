"""Articles: what has been collected, per outlet over time, with a filterable table."""
import pandas as pd
import streamlit as st

from core.catalog import CatalogError, load_catalog
from core.charts import articles_over_time
from core.config import Settings
from core.ingest import run_ingest
from pages.common import data_version, sidebar_filters, store

MAX_ROWS = 1000


@st.cache_data(show_spinner=False, max_entries=64)
def _daily(_s, version, **filters) -> pd.DataFrame:
    return _s.daily_counts(**filters)


@st.cache_data(show_spinner=False, max_entries=64)
def _rows(_s, version, **filters) -> tuple[pd.DataFrame, int]:
    return _s.articles_df(limit=MAX_ROWS, **filters), _s.count_filtered(**filters)


def fetch_now() -> None:
    """Run one ingest from the dashboard, showing progress as it goes."""
    settings = Settings.from_env(extract_workers=1)  # threads: forking a process pool from the server is unsafe
    try:
        catalog = load_catalog(settings.outlets or None)
    except CatalogError as e:
        st.error(f"Outlet catalog problem: {e}")
        return
    bar = st.progress(0.0, text="Fetching feeds…")

    def report(stage: str, done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{stage}: {done} of {total}")

    summary = run_ingest(store(), catalog, settings, progress=report)
    bar.empty()
    st.success(summary.line())
    failed = [f for f in summary.feeds if f.status == "failed"]
    if failed:
        with st.expander(f"{len(failed)} feeds failed"):
            st.dataframe(pd.DataFrame([{"outlet": f.outlet, "feed": f.url, "error": f.error} for f in failed]),
                         hide_index=True)


s = store()
st.title("Articles")
if s.count_articles() == 0:
    st.info("No articles yet. Fetch the outlets' feeds now, or import a corpus with "
            "`framelens import FILE` (JSONL or CSV: id, outlet, title, text, published, url).")
    if st.button("Fetch feeds now", type="primary", key="fetch_now"):
        fetch_now()
        st.rerun()
    st.stop()

version = data_version(s)
filters = sidebar_filters(s)
with st.sidebar:
    if st.button("Fetch feeds now", key="fetch_now_sidebar"):
        fetch_now()
rows, total = _rows(s, version, **filters)
st.caption(("1 article matches" if total == 1 else f"{total:,} articles match") + (f"; showing the newest {MAX_ROWS:,}" if total > MAX_ROWS else ""))
fig = articles_over_time(_daily(s, version, **filters))
st.plotly_chart(fig, width="stretch", key="chart_daily")
# st.dataframe renders cells as text, so titles from feeds cannot inject markup.
table = rows[["published", "outlet", "title", "date_source", "date_flag", "text_status", "text_length", "url"]]
st.dataframe(table, hide_index=True, width="stretch", key="articles_table",
             column_config={"url": st.column_config.LinkColumn("link", display_text="open"),
                             "published": st.column_config.DatetimeColumn("published (UTC)", format="YYYY-MM-DD HH:mm"),
                             "text_length": st.column_config.NumberColumn("text chars")})
st.download_button("Download these rows (CSV)", table.to_csv(index=False).encode("utf-8"),
                   file_name="framelens-articles.csv", mime="text/csv", key="dl_articles")
