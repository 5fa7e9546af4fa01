"""The Event page's corrections: merge this event with another, move articles to another event or out to
one new event of their own, and the corrections made so far (when, why, undo). Corrections are stored apart from
the clusterer's output (core.store) and hold through later analyses."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from core.store import Store
from pages.common import plural, safe


def corrections_view(s: Store, event_id: str, arts: pd.DataFrame, choices: pd.DataFrame) -> None:
    """The controls and the log of corrections touching this event."""
    others = [e for e in choices["id"] if e != event_id]
    labels = dict(zip(choices["id"], choices["label"]))
    titles = dict(zip(arts["id"], arts["title"].fillna("")))
    name = (lambda e: f"{labels.get(e) or e} ({e})")
    reason = st.text_input("Why (kept with the correction)", key="fix_reason", max_chars=500)
    merge, move = st.columns(2)
    with merge:
        st.markdown("**Merge this event with another**")
        into = st.selectbox("Into event", others, format_func=name, key="fix_merge_into", index=None,
                            placeholder="Pick an event")
        if st.button("Merge", key="fix_merge", disabled=into is None):
            _do(lambda: s.merge_events(event_id, into, reason), "Merged.", into)
    with move:
        st.markdown("**Move articles**")
        # several at once: a blend of two happenings is split in one step, and undone in one
        picked = st.multiselect("Articles", list(arts["id"]), format_func=lambda a: titles.get(a) or a,
                                key="fix_articles", placeholder="Pick one or more articles")
        target = st.selectbox("To event", others, format_func=name, key="fix_move_to", index=None,
                              placeholder="Pick an event")
        left, right = st.columns(2)
        if left.button("Move to that event", key="fix_move", disabled=not picked or target is None):
            _do(lambda: s.move_article(picked, target, reason), f"Moved {plural(len(picked), 'article')}.")
        if right.button("Move out to a new event", key="fix_split", disabled=not picked):
            _do(lambda: s.split_out(picked, reason),
                "Moved out to an event of its own." if len(picked) == 1 else
                f"Moved {len(picked)} articles out to one new event of their own.")
    log = s.corrections(event_id)
    if log.empty:
        st.caption("No corrections touch this event: it is as the clustering made it.")
        return
    st.markdown("**Corrections**")
    for r in log.itertuples():
        moved = ", ".join(f"“{safe(titles.get(a, a))}”" for a in (r.articles or [r.article_id])[:5]) + (
            f" and {len(r.articles) - 5} more" if len(r.articles) > 5 else "")
        what = {"merge": f"merged {r.event_id} into {r.target_id}",
                "move": f"moved {moved} from {r.event_id} to {r.target_id}",
                "split-out": f"moved {moved} out to {r.target_id}"}[r.kind]
        when = f"{r.created:%Y-%m-%d %H:%M} UTC"
        state = f" · undone {r.undone:%Y-%m-%d %H:%M}" if not pd.isna(r.undone) else ""
        text, button = st.columns([5, 1])
        text.markdown(f"{when}: {what}" + (f" — *{safe(r.reason)}*" if r.reason else "") + state)
        if pd.isna(r.undone) and button.button("Undo", key=f"fix_undo_{r.id}"):
            _do(lambda: s.undo_correction(int(r.id)), "Undone.")


def _do(action, done: str, open_event: str | None = None) -> None:
    """Run a correction, say what happened or what went wrong, and show the result."""
    try:
        action()
    except ValueError as e:
        st.error(str(e))
        return
    st.session_state["fix_done"] = done
    if open_event:
        st.query_params["event"] = open_event
    st.rerun()
