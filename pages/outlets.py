"""Outlets: who they are, how much they publish, how their feeds are doing; their details edited; fetch now;
import a corpus."""
import pandas as pd
import streamlit as st

from core.catalog import OWNERSHIP
from core.corpus import decode, format_of, import_text
from pages.common import count_column, fetch_now, open_page, safe, tabbed
from pages.data import coverage, profiles


s, version = open_page("Outlets", show_fetch_report=True, needs_articles=False)
if st.button("Fetch feeds now", type="primary", key="fetch_now_outlets"):
    fetch_now()
    st.rerun()

def profiles_view() -> None:
    table = profiles(s, version)[["name", "country", "ownership", "groups", "articles", "events", "main topics", "first",
                                  "last", "homepage"]]
    # an imported corpus brings no country or ownership: a blank, not "None"; first and last are days (most
    # stored dates are date-only, and a midnight shown would read as a time)
    table[["country", "ownership", "main topics"]] = table[["country", "ownership", "main topics"]].fillna("")
    st.dataframe(table, hide_index=True, width="stretch", key="profiles_table",
                 column_config={"homepage": st.column_config.LinkColumn(display_text="site"),
                                "articles": count_column(), "events": count_column(),
                                "first": st.column_config.DatetimeColumn(format="YYYY-MM-DD"),
                                "last": st.column_config.DatetimeColumn(format="YYYY-MM-DD")})


def edit_view() -> None:
    """Country, ownership and groups of one outlet or several at once (an imported corpus brings none)."""
    if "edit_saved" in st.session_state:
        st.success(st.session_state.pop("edit_saved"))
    table = profiles(s, version)[["name", "country", "ownership", "groups", "articles"]].fillna("")
    bare = table[table["groups"] == ""]
    st.caption(f"Groups drive the group filter and the blind spots on the Overview. {len(bare)} of {len(table)} "
               "outlets have no group. Edits are kept when the catalog is loaded again.")
    picked = st.multiselect("Outlets to edit", list(table["name"]), key="edit_outlets",
                            placeholder="Choose one outlet, or several to give them the same details")
    if not picked:
        st.dataframe(table, hide_index=True, width="stretch", key="edit_table")
        return
    one = table.set_index("name").loc[picked[0]] if len(picked) == 1 else None
    if one is None:
        st.caption("Fields left empty keep each outlet's own value.")
    with st.form("edit_form", border=False):
        left, mid = st.columns(2)
        country = left.text_input("Country", value="" if one is None else one["country"], max_chars=2,
                                  help="Two-letter code (ISO 3166), e.g. US")
        kinds = ["", *OWNERSHIP]
        ownership = mid.selectbox("Ownership", kinds, index=kinds.index(one["ownership"]) if one is not None and
                                  one["ownership"] in kinds else 0)
        groups = st.text_input("Groups", value="" if one is None else one["groups"], help="Comma-separated, e.g. right, us")
        if not st.form_submit_button("Save", type="primary"):
            return
    given = {"country": country, "ownership": ownership, "groups": groups}
    given = given if one is not None else {k: v for k, v in given.items() if v}
    problems = []
    for name in picked:
        try:
            s.set_outlet_meta(name, **given)
        except ValueError as e:
            problems.append(f"{name}: {e}")
    if problems:
        st.error("Not saved — " + "; ".join(safe(p) for p in problems[:3])
                 + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""))
    else:
        st.session_state["edit_saved"] = f"Saved {len(picked)} outlet{'s' if len(picked) > 1 else ''}."
        st.rerun()  # the data version changed: every page reads the new details


def health_view() -> None:
    health = s.feeds_df()
    if health.empty:
        st.caption("No feeds fetched yet.")
        return
    failing = int((health["last_status"] == "failed").sum())
    st.caption(f"{len(health)} feeds; {failing} failing at the last fetch.")
    st.dataframe(health[["outlet", "url", "last_status", "http_status", "latency_ms", "failures_in_row",
                         "items_seen", "new_articles", "last_fetched", "last_ok", "last_error"]],
                 hide_index=True, width="stretch", key="health_table")


def import_view() -> None:
    st.caption("JSONL or CSV with the columns id, outlet, title, text, published (ISO 8601 or a written date), url. "
               "Every row is checked; invalid rows are listed with their line number and the rest go in.")
    upload = st.file_uploader("Corpus file", type=["jsonl", "csv", "ndjson"], key="import_file")
    if upload is None or not st.button("Import", key="import_go"):
        return
    try:
        fmt = format_of(upload.name)
        data = decode(upload.getvalue(), upload.name)
    except ValueError as e:
        st.error(safe(e))
        return
    bar = st.progress(0.0, text="Importing…")
    res = import_text(s, data, fmt, progress=lambda stage, d, t: bar.progress(d / t if t else 1.0,
                                                                              text=f"{d} of {t} rows"))
    if res.store_error is not None:      # a full disk or a read-only store: analysing would fail the same way
        bar.empty()
        report(upload.name, res, "")
        return
    from core.analyse import analyse_new
    analysis = analyse_new(s, progress=lambda stage, d, t: bar.progress(min(d / t, 1.0) if t else 1.0,
                                                                        text=f"{stage}: {d} of {t}"))
    bar.empty()
    report(upload.name, res, analysis.line())


def report(name: str, res, analysis: str) -> None:
    """What the import did, in words: rows read, stored, already there, refused and why."""
    line = safe(res.summary_line(name))
    titled = f" {res.titled} without a title were titled from their first sentence." if res.titled else ""
    if res.store_line():
        st.error(f"{line}. {safe(res.store_line())}")
    elif not res.valid:
        st.error(line + ". No row could be imported: see why below.")
    elif res.errors:
        st.warning(line + f"; {res.dates_line()}.{titled} {analysis}")
    else:
        st.success(line + f"; {res.dates_line()}.{titled} {analysis}")
    if res.errors:
        st.dataframe(pd.DataFrame([{"line": e.line, "problem": e.message} for e in res.errors]),
                     hide_index=True, key="import_errors")


def names_view() -> None:
    st.caption("Counts are per outlet, not per spelling: names framelens knows for one outlet are merged, and "
               "you can merge more (for example an importer's \"Xinhua News Agency\" into Xinhua).")
    names = s.outlet_names()
    if not names.empty:
        st.dataframe(names, hide_index=True, width="stretch", key="outlet_names")
    known = sorted(s.outlets_df()["name"])
    with st.form("alias_form"):
        alias = st.selectbox("Count this name…", known, index=None, key="alias_name", accept_new_options=True)
        outlet = st.selectbox("…as this outlet", known, index=None, key="alias_outlet", accept_new_options=True)
        merge, undo = st.columns(2)
        go, remove = merge.form_submit_button("Merge"), undo.form_submit_button("Count it apart again")
    try:
        if go and alias and outlet:
            s.set_alias(alias, outlet)
        elif remove and alias and not s.remove_alias(alias):
            st.warning("That name is no alias.")
            return
    except ValueError as e:
        st.error(safe(str(e)))
        return
    if (go and alias and outlet) or remove:
        st.cache_data.clear()       # breadth and outlet lists change with the names
        coverage.clear()
        st.rerun()


tabbed({"Profiles": profiles_view, "Edit details": edit_view, "Feed health": health_view,
        "Import a corpus": import_view, "Outlet names": names_view})
