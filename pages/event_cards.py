"""The Event page's outlet cards: timing, headline, lead, quotes, distinctive and contested words and
omissions of each outlet, side by side; cards wrap, and on a phone everything past the headline folds."""
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from core.glossary import help_for
from core.sources import card_quotes, quote_excerpt
from pages.card_text import cue, cut, cut_note, headline, held_note, sentence, voice, when, who
from pages.common import safe

CARD_WIDTH = 290  # px: cards wrap, three to a row beside the sidebar on a laptop, one on a phone
MAX_CARDS = 6  # cards drawn before the user asks for all: two rows of three, a laptop's first screen


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
    q, held = card_quotes(quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes)
    ct = report["contested_terms"]
    own, quoted = ct["by_outlet"].get(outlet, {}), ct.get("quoted", {}).get(outlet, {})
    unclear = ct.get("unclear", {}).get(outlet, {})
    terms = report["distinctive_terms"].get("outlets", {}).get(outlet, [])[:8]
    # (text, metric whose help explains it): drawn as one markdown element with one tooltip, for the
    # same reason as the headlines
    said = [f"- {who(r)}{cue(r.cue)}: {safe(quote_excerpt(r.quote))}" + cut_note(getattr(r, "cut_off", None))
            for r in q.itertuples()] + ([f"\n{held_note(held)}"] if held else [])
    parts = [("**Quoted**\n" + "\n".join(said), "quotes") if said else None,
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
