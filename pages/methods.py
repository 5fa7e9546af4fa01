"""Methods: what framelens is, and for every number it shows what is counted, from what, how it errs, and
what backs it (the same text as the pages' help tooltips: core/glossary.py)."""
import streamlit as st

from core.exports import ABOUT
from core.glossary import FIGURES, METRICS, REPO, SECTIONS
from pages.common import open_page

STEPS = f"""
1. **Collect.** Feeds of the outlets in the catalog are fetched (or a research corpus is imported); each
   new article's page is fetched and its text extracted. When a page cannot be had, the feed's summary is
   kept and the article is marked *summary-only*. Every date says where it came from.
2. **Group into events.** Articles reporting the same happening are grouped across outlets; reprints of
   another outlet's story are detected and kept apart, so they never count as coverage.
3. **Find who is quoted.** Quotes and reported speech are attributed to speakers, named across articles
   alike.
4. **Compare.** For one event, each outlet's headline, timing, quotes, distinctive and contested words and
   omissions are set side by side. Every figure points back to the sentences it rests on.

framelens counts; it does not judge. A figure is a pointer to the text, to be read before it is quoted:
each one below says how it can be wrong. Benchmarks and their figures are listed in the
[README]({FIGURES}); the code is at [{REPO}]({REPO}).
"""
EXPORTS = """
Every download carries its provenance: the framelens version, when it was exported, when the store last
changed, and the filters in force. CSV files hold it in lines starting with `#` above the table (read
them with `pandas.read_csv(path, comment="#")`); charts show it under their title; an event's JSON and
HTML exports hold it at the top, and list every article with its URL.
"""


def metric(m) -> None:
    """One figure's entry."""
    st.subheader(m.name, anchor=m.name.replace(" ", "-"))
    st.markdown(f"{m.what}\n\n**From:** {m.source}\n\n**Known errors:** {m.errors}\n\n**Evidence:** {m.evidence}")


open_page("Methods", needs_articles=False)
st.markdown(f"**{ABOUT}**")
st.markdown(STEPS)
st.header("Exports and provenance")
st.markdown(EXPORTS)
for section in SECTIONS:
    st.header(section)
    for m in METRICS.values():
        if m.section == section:
            metric(m)
