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
2. **Group into events.** Articles reporting the same happening are grouped across outlets; articles
   derived from another outlet's story (copies, spun copies, credited rewrites, wire copies) are found and
   counted once, under their original, so one story carried by five sites is one voice, not six.
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
changed, and the filters in force. CSV files hold it in four lines starting with `#` above the table (skip
them: `pandas.read_csv(path, skiprows=4)`, or `read.csv(path, skip = 4)` in R); cells a spreadsheet would
run as formulas start with `'`. Charts show it under their title; an event's JSON and HTML exports hold it
at the top, and list every article with its URL.
"""


def metric(m) -> str:
    """One figure's entry, as markdown under its own heading (which Streamlit gives an anchor)."""
    return (f"### {m.name}\n\n{m.what}\n\n**From:** {m.source}\n\n**Known errors:** {m.errors}\n\n"
            f"**Evidence:** {m.evidence}")


open_page("Methods", needs_articles=False)
# One markdown element per section, not a heading and a paragraph per figure: the page drew some 60
# elements, each a React component of its own for a new tab to mount (the most of any page).
st.markdown(f"**{ABOUT}**\n{STEPS}\n## Exports and provenance\n{EXPORTS}")
for section in SECTIONS:
    st.markdown(f"## {section}\n\n" + "\n\n".join(metric(m) for m in METRICS.values() if m.section == section))
