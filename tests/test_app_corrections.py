"""The Event page as a user meets corrections (Streamlit AppTest): merge from the page, the log with when
and why, undo; a link to a merged event opens the survivor and says so; an unknown event says not found."""
from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core.store import Store
from pages import data
from pages.common import safe
from tests.conftest import ROOT
from tests.test_app_pages import small_db  # noqa: F401 - the analysed three-event store, as a fixture

APP = str(ROOT / "dashboard.py")


@pytest.fixture
def store(small_db, tmp_path, monkeypatch) -> Store:  # noqa: F811
    """A copy of the small store per test: corrections change it."""
    import shutil
    db = str(tmp_path / "fix.sqlite")
    shutil.copy(small_db, db)
    monkeypatch.setenv("FRAMELENS_DB", db)
    st.cache_data.clear()
    data.coverage.clear()
    data.get_store.clear()
    s = Store(db)
    yield s
    s.dispose()
    st.cache_data.clear()
    data.get_store.clear()


def event_page(params: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/event.py")
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_an_unknown_event_says_not_found_and_opens_no_other(store):
    at = event_page({"event": "ev-000000000000"})
    assert not at.exception
    assert "Event ev-000000000000 was not found." in [e.value for e in at.error]
    assert at.selectbox(key="event_pick").value is None and not at.button_group  # no views to choose


def test_merge_from_the_page_then_the_old_link_opens_the_survivor_and_undo_brings_it_back(store):
    a, b = list(store.events_df()["id"])[:2]
    at = event_page({"event": a, "view": "Corrections"})
    assert not at.exception and "No corrections touch this event" in "\n".join(c.value for c in at.caption)
    at.text_input(key="fix_reason").input("same speech")
    at.selectbox(key="fix_merge_into").select(b).run()
    at.button(key="fix_merge").click().run()
    assert not at.exception
    assert store.resolve_event(a)[0] == b and "Merged." in [x.value for x in at.success]
    link = event_page({"event": a, "view": "Corrections"})   # the old link
    assert not link.exception
    assert any("merged into this event by a user" in i.value for i in link.info)
    assert link.selectbox(key="event_pick").value == b
    log = "\n".join(m.value for m in link.markdown)
    assert f"merged {a} into {b}" in log and "same speech" in log
    link.button(key=f"fix_undo_{int(store.corrections()['id'].iloc[0])}").click().run()
    assert not link.exception and store.resolve_event(a) == (a, None)


def test_several_articles_move_out_together_from_the_page_and_the_log_names_them(store):
    arts = store.articles_df(limit=None)
    sizes = arts.groupby("event_id")["id"].apply(sorted)
    event = sizes.map(len).idxmax()
    chosen = sizes[event][:2]
    assert len(sizes[event]) >= 3
    at = event_page({"event": event, "view": "Corrections"})
    at.text_input(key="fix_reason").input("another happening")
    at.multiselect(key="fix_articles").select(chosen[0]).select(chosen[1]).run()
    at.button(key="fix_split").click().run()
    assert not at.exception and "Moved 2 articles out to one new event of their own." in [x.value for x in at.success]
    after = store.articles_df(limit=None).set_index("id")["event_id"]
    new = after[chosen[0]]
    assert new != event and after[chosen[1]] == new and (after == event).sum() == len(sizes[event]) - 2
    log = "\n".join(m.value for m in event_page({"event": new, "view": "Corrections"}).markdown)
    titles = dict(zip(arts["id"], arts["title"]))
    assert all(safe(titles[a]) in log for a in chosen) and "another happening" in log   # as markdown shows them
