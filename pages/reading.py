"""The Event page's reader: one article's stored text, its quotes and contested terms marked, every piece of
text escaped (core/reader.py checks each mark against the text first)."""
import pandas as pd
import streamlit as st

from core.exports import format_time
from core.reader import marks, paragraphs
from pages.common import safe

STYLE = {"quote": ":blue-background[{}]", "term": ":orange-background[{}]", "speaker": "**{}**"}


def read_article(arts: pd.DataFrame, quotes: pd.DataFrame, report: dict) -> None:
    """A picker of the event's articles (bound to ?article=) and the chosen one's text, marked."""
    ids = list(arts.sort_values("published", na_position="last")["id"])
    names = dict(zip(arts["id"], arts["outlet"] + " — " + arts["title"].fillna("")))
    wanted = st.query_params.get("article")
    pick = st.selectbox("Article", ids, index=ids.index(wanted) if wanted in ids else 0, key="read_pick",
                        format_func=lambda i: names.get(i, i)[:120])
    if pick != wanted:
        st.query_params["article"] = pick
    a = arts.set_index("id").loc[pick]
    text = a["text"] if isinstance(a["text"], str) else ""
    st.markdown(f"### {safe(a['title'])}")
    precision = a.get("date_precision") if isinstance(a.get("date_precision"), str) else "exact"
    when = "undated" if pd.isna(a["published"]) else format_time(a["published"], precision)
    st.caption(f"{safe(a['outlet'])} · {when} · date from {safe(a['date_source'])} · text {safe(a['text_status'])}")
    if str(a.get("url") or "").lower().startswith(("http://", "https://")):  # no javascript: or data: links
        st.link_button("Open the original", a["url"], icon=":material/open_in_new:")
    mine = quotes[quotes["article_id"] == pick] if not quotes.empty else quotes
    found, bad = marks(text, mine, [m for m in report.get("contested_terms", {}).get("matches", []) if m["id"] == pick])
    st.caption(":blue-background[quoted speech], **speaker**, :orange-background[contested term]"
               + (f" · {bad} marks left out: their text does not match the stored article" if bad else ""))
    if not text.strip():
        st.info("No text is stored for this article (see its text status): only its headline was collected.")
    for runs in paragraphs(text, found):
        st.markdown("".join(styled(piece, kind) for piece, kind in runs))


def styled(piece: str, kind: str | None) -> str:
    """Escaped text, marked up for its kind; spaces kept outside the marks (markdown ignores "** x**")."""
    core = piece.strip()
    if not kind or not core:
        return safe(piece)
    lead, trail = piece[:len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
    return safe(lead) + STYLE[kind].format(safe(core)) + safe(trail)
