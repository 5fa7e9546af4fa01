"""Shared view helpers: the store handle, cached queries, and sidebar filters bound to the URL."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import streamlit as st

from core.config import Settings
from core.store import Store


@st.cache_resource(show_spinner=False)
def get_store(db: str) -> Store:
    """One store (connection pool) per database for the whole server."""
    return Store(db or None)


def store() -> Store:
    return get_store(Settings.from_env().db)


def data_version(s: Store) -> tuple[int, str]:
    """Changes whenever articles are added, so cached queries refresh after an ingest or import."""
    lo, hi = s.date_bounds()
    return s.count_articles(), str(hi)


def _qp_list(key: str) -> list[str]:
    return [v for v in st.query_params.get_all(key) if v]


def _qp_date(key: str) -> date | None:
    try:
        return date.fromisoformat(st.query_params.get(key, ""))
    except ValueError:
        return None


def sidebar_filters(s: Store) -> dict:
    """Outlet, date range and text filters; their values live in the query string so a view is a link."""
    outlets_df = s.outlets_df()
    names = sorted(outlets_df["name"].tolist())
    lo, hi = s.date_bounds()
    with st.sidebar:
        st.header("Filters")
        chosen = st.multiselect("Outlets", names, default=[o for o in _qp_list("outlet") if o in names],
                                key="f_outlets", placeholder="All outlets")
        start = end = None
        if lo and hi:
            d0, d1 = _qp_date("from") or lo.date(), _qp_date("to") or hi.date()
            picked = st.date_input("Published (UTC)", value=(d0, d1), min_value=lo.date(), max_value=hi.date(),
                                   key="f_dates")
            if isinstance(picked, (tuple, list)) and len(picked) == 2:
                start, end = picked
        search = st.text_input("Search titles and summaries", value=st.query_params.get("q", ""), key="f_q")
    st.query_params.clear()
    if chosen:
        st.query_params["outlet"] = chosen
    if start and lo and start != lo.date():
        st.query_params["from"] = start.isoformat()
    if end and hi and end != hi.date():
        st.query_params["to"] = end.isoformat()
    if search:
        st.query_params["q"] = search
    return {
        "outlets_in": tuple(chosen) or None,
        "start": datetime.combine(start, time.min, tzinfo=timezone.utc) if start else None,
        "end": datetime.combine(end, time.min, tzinfo=timezone.utc) + timedelta(days=1) if end else None,
        "search": search.strip() or None,
    }
