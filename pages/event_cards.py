"""The Event page's outlet cards: timing, headline, lead, quotes, distinctive and contested words and
omissions of each outlet, side by side; cards wrap, and on a phone everything past the headline folds."""
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from core.glossary import help_for
from core.sources import quote_excerpt, speaker_label
from pages.common import page_url, safe

CARD_WIDTH = 290  # px: cards wrap, three to a row beside the sidebar on a laptop, one on a phone
MAX_LEAD = 600  # characters of a lead on a card; the reader shows the whole text
MAX_CARDS = 6  # cards drawn before the user asks for all: two rows of three, a laptop's first screen
VOICE = {"own": "own words", "quoted": "quoting {}", "attributed": "reporting {}",
         "unclear": "in a sentence reporting someone: whose word is unclear"}


def side_by_side(report: dict, arts: pd.DataFrame, quotes: pd.DataFrame, folded: bool) -> None:
    """Every outlet that reported the event originally, one card each (the first MAX_CARDS until asked)."""
    texts = {r["id"]: {"title": r["title"] or "", "text": r["text"] or ""} for r in arts.to_dict("records")}
    st.caption(safe(report["timing"]["first"]["label"]) + "".join(f" · {safe(n)}" for n in report["timing"]["notes"]))
    outlets = sorted(report["coverage"]["original_articles"])
    if not outlets:  # every article is a copy whose original is not in the store (the seed's aggregator copy of RT)
        st.info(f"No outlet's own report of this event is in the store: its {len(arts)} "
                f"{'article is a copy' if len(arts) == 1 else 'articles are copies'} of a report from elsewhere, so there "
                "is nothing to set side by side. Read them under *Read an article*; *Reprints* says what each copies.")
        return
    carried = report["coverage"]["original_outlets"] - len(outlets)
    if carried > 0:  # "14 outlets reporting" over 11 cards: the other 3 (AFP, Reuters...) are stored only as copies
        st.caption(f"{carried} of the {report['coverage']['original_outlets']} outlets reporting originally have no card: "
                   "their report is here only as other sites' copies or credited rewrites (see Reprints).")
    # Every card is some ten elements for the browser to draw: 20 cards (the broadest event at 100k
    # articles) took seconds. The others are named, and one switch draws them.
    if len(outlets) > MAX_CARDS and not st.toggle(f"Show all {len(outlets)} outlets", key="all_cards"):
        st.caption(f"Cards for the first {MAX_CARDS} outlets by name; not drawn: "
                   + ", ".join(safe(o) for o in outlets[MAX_CARDS:]))
        outlets = outlets[:MAX_CARDS]
    with st.container(horizontal=True, wrap=True, gap="medium"):
        for outlet in outlets:
            with st.container(border=True, width=CARD_WIDTH):
                card(report, outlet, texts, quotes, folded)


def when(row: dict | None) -> str:
    """An outlet's first report as the timing figure has it: a time, a date only, or none."""
    if not row or not row.get("first_report"):
        return "no date"
    src = f" · date from {row['date_source']}" if row.get("date_source") else ""
    if row.get("seen"):    # no date on feed or page: when framelens saw it, which may be long after it appeared
        return f"no publication date · first seen {row['first_report'][:16].replace('T', ' ')} UTC"
    if row["precision"] == "date":
        return f"{row['first_report']} (date only, no time given){src}"
    lag = f" · +{row['lag_hours']:.1f} h" if row.get("lag_hours") else ""
    return f"{row['first_report'][:16].replace('T', ' ')} UTC{lag}{src}"


def cut(lead: str) -> str:
    """A lead short enough for a card: a first paragraph with no break ran 3,000 characters down one column."""
    return lead if len(lead) <= MAX_LEAD else lead[:MAX_LEAD].rsplit(" ", 1)[0] + " …"


def headline(title: str) -> str:
    """A headline in bold, or a note that the article has none (an empty "****" draws a horizontal rule)."""
    return f"**{safe(title)}**" if (title or "").strip() else "*(no headline given)*"


def card(report: dict, outlet: str, texts: dict, quotes: pd.DataFrame, folded: bool) -> None:
    """One outlet's view of the event."""
    st.markdown(f"#### {safe(outlet)}")
    timing = {r["outlet"]: r for r in report["timing"]["outlets"]}
    first = report["timing"]["first_outlet"] == outlet
    st.caption(safe(when(timing.get(outlet))) + (" · first to report" if first else ""), help=help_for("lag"))
    heads = [h for h in report["headlines"]["articles"] if h["outlet"] == outlet][:2]
    # One markdown element for the headlines (and leads): each element costs the browser a render of
    # its own, and a card of separate ones made the Event page the slowest to open. Feed text: every
    # markdown character escaped.
    leads = ["\n\n" + safe(cut(h.get("lead") or "")) for h in heads]
    if heads:
        st.markdown("\n\n".join(headline(h["title"]) + ("" if folded else lead) for h, lead in zip(heads, leads)))
    with st.expander("Leads, quotes and words") if folded else st.container():
        if folded and heads:
            st.markdown("\n\n".join(lead.strip() for lead in leads))
        sections(report, outlet, texts, quotes, folded)


@contextmanager
def fold(label: str, folded: bool):
    """A list behind an expander; inside a card that is folded already, a plain list under its label
    (Streamlit nests no expanders)."""
    if folded:
        st.markdown(f"**{label}**")
        yield
    else:
        with st.expander(label):
            yield


def sections(report: dict, outlet: str, texts: dict, quotes: pd.DataFrame, folded: bool) -> None:
    """Quotes, distinctive words, contested terms and omissions of one outlet, each with what it means."""
    q = quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes
    ct = report["contested_terms"]
    own, quoted = ct["by_outlet"].get(outlet, {}), ct.get("quoted", {}).get(outlet, {})
    unclear = ct.get("unclear", {}).get(outlet, {})
    terms = report["distinctive_terms"].get("outlets", {}).get(outlet, [])[:8]
    # (text, metric whose help explains it): drawn as one markdown element with one tooltip, for the
    # same reason as the headlines
    parts = [("**Quoted**\n" + "\n".join(f"- {who(r)}{cue(r.cue)}: {safe(quote_excerpt(r.quote))}"
                                            for r in q.head(4).itertuples()), "quotes") if not q.empty else None,
             ("**Distinctive words** " + ", ".join(f"{safe(t['term'])} (z {t['z']:.1f})" for t in terms),
              "distinctive words") if terms else None,
             ("**Contested terms, own words** " + "; ".join(
                 f"{safe(fam)}: " + ", ".join(f"{safe(t)} ×{n}" for t, n in used.items()) for fam, used in own.items()),
              "contested terms") if own else None,
             ("**Contested terms it quotes** " + "; ".join(
                 f"{safe(t)} ({safe(sp)}) ×{n}" for fam in quoted.values() for t, sps in fam.items()
                 for sp, n in sps.items()), "contested terms") if quoted else None,
             ("**Contested terms, whose words unclear** (in a sentence reporting someone, where the rules cannot "
              "tell whose word it is) " + ", ".join(f"{safe(t)} ×{n}" for fam in unclear.values() for t, n in fam.items()),
              "contested terms") if unclear else None]
    parts = [p for p in parts if p]
    if parts:
        st.markdown("\n\n".join(text for text, _ in parts),
                    help="\n\n".join(dict.fromkeys(help_for(metric) for _, metric in parts)))
    matches = [m for m in ct["matches"] if m["outlet"] == outlet]
    if matches:
        with fold(f"Contested terms in their sentences ({len(matches)})", folded):
            st.markdown("\n".join(f"- **{safe(m['surface'])}** ({safe(m['family'])}; {safe(voice(m))}): "
                                  f"{safe(sentence(texts, m)[:400])}" for m in matches[:30]))
    om = report["omissions"].get("outlets", {}).get(outlet, {})
    if om.get("omits"):
        with fold(f"May leave out {len(om['omits'])} facts others report (check its text)", folded):
            st.markdown("\n".join(f"- {safe(o.get('text') or '')} — reported by {safe(', '.join(o['reported_by']))}"
                                  + (f"; its text never mentions {safe(', '.join(o['absent'][:4]))}" if o.get("absent") else "")
                                  for o in om["omits"][:6]), help=help_for("omissions"))


def sentence(texts: dict, m: dict) -> str:
    """The sentence a contested term stands in."""
    text = texts.get(m["id"], {}).get(m["field"], "")
    return text[m["sentence"][0]:m["sentence"][1]]


def voice(m: dict) -> str:
    """Whose words a contested term is in, as shown beside it."""
    who = m.get("speaker") or ("someone the text does not name" if m["voice"] == "quoted" else "a source not named")
    return VOICE[m["voice"]].format(who)


def speaker_link(name: str) -> str:
    """A speaker's name linking to their coverage on the Named sources page."""
    return f"[{safe(name)}]({page_url('sources', view='One speaker', speaker=name)})"


def cue(word) -> str:
    """The verb that credits a quote, in brackets; nothing for a quotation no verb credits (a block quote)."""
    return f" ({safe(word)})" if isinstance(word, str) and word else ""


def who(quote) -> str:
    """The quote's speaker under the one name rule (core.sources.speaker_label), as a link to their coverage;
    "(no named speaker)" and "(unresolved pronoun)" stay plain text."""
    name = speaker_label(quote._asdict())
    return safe(name) if name.startswith("(") else speaker_link(name)
