"""Whose voices each outlet carries: per-event / per-outlet aggregates over a quotes DataFrame.

Inputs are plain pandas: `quotes` has the Quote fields as columns (article_id, quote, speaker,
speaker_type, speaker_role, canonical_speaker, ...); `articles` has id, outlet and event. Every
function is pure (no I/O, no streamlit) so the dashboard can cache the results.
"""
from __future__ import annotations

import re

import pandas as pd

from core.quote_cues import CUE_FORMS

# Words in a role that mark the speaker as an official (the list, plus close kin).
OFFICIAL_WORDS = frozenset("""minister spokesman spokeswoman spokesperson president official
officials secretary ambassador general admiral governor senator sen rep representative mayor
chancellor premier ministry department commander envoy diplomat director chief prime""".split())

QUOTE_COLUMNS = ["article_id", "quote", "quote_start", "quote_end", "kind", "cue", "speaker",
                 "speaker_start", "speaker_end", "speaker_type", "speaker_role",
                 "canonical_speaker"]


UNRESOLVED_PRONOUN = "(unresolved pronoun)"
# Attributions whose mention names no speaker: an unresolved role ("the spokesman"), a news outlet
# cited as the channel ("TASS reported"), a document or fragment. Counted, never shown as a name.
NO_NAMED_SPEAKER = "(no named speaker)"
NOT_SHOWN_TYPES = ("role", "credit", "other")


def speaker_label(q) -> str:
    """The name one attribution (Quote or dict) is counted under everywhere: its canonical speaker,
    else the mention as written; an unresolved "he" / "they" goes in one bucket, never a name."""
    get = q.get if isinstance(q, dict) else lambda k, d=None: getattr(q, k, d)
    canonical, speaker = get("canonical_speaker"), get("speaker")
    if isinstance(canonical, str) and canonical:
        return canonical
    if get("speaker_type") == "pronoun":
        return UNRESOLVED_PRONOUN
    if get("speaker_type") in NOT_SHOWN_TYPES:
        return NO_NAMED_SPEAKER
    return speaker if isinstance(speaker, str) and speaker else NO_NAMED_SPEAKER


CARD_QUOTES = 4          # quotes an outlet's card on the Event page shows
CARD_MIN_PARAPHRASE = 4  # words a paraphrase needs to be shown on a card: shorter ones were mostly deeds or objects


CUT_OFF = "cut off where the source text ends"   # the mark after a quote whose text stops mid-sentence (cut_off)
HELD_BACK = (f"by a speaker the text does not name or framelens could not resolve, by several speakers at once, "
             f"a paraphrase under {CARD_MIN_PARAPHRASE} words, or a thought the writer tells without words")   # why card_quotes leaves a row out, as every view says it
# A card names a person or a named body: "officials said", "witnesses told", "leaders said" are descriptions (type
# "anonymous"), counted on the Named sources page but never shown where a reader takes them for a name.
CARD_SPEAKER_TYPES = ("person", "organisation")


def card_quotes(quotes: pd.DataFrame, k: int = CARD_QUOTES) -> tuple[pd.DataFrame, int]:
    """The quotes an outlet's card shows, and how many it leaves for the Named sources page: named speakers only
    (an unnamed row was as often a name the rules missed as a real anonymous source), their own marked words
    first, and no paraphrase under four words ("said goodbye", "conceded defeat", "posted about his death" are
    deeds, not statements), nor a thought the writer tells without words (`thoughts`). On three fact-checked events the first four rows of each outlet held 22 wrong of 52."""
    if quotes.empty:
        return quotes, 0
    # a name has a capital: a label all in lower case ("leaders", "supporters") is a description whatever its type
    named = quotes.apply(lambda r: _a_name(speaker_label(r.to_dict())), axis=1)
    if "speaker_type" in quotes:
        named &= quotes["speaker_type"].isin(CARD_SPEAKER_TYPES)
    words = quotes["quote"].map(lambda t: len(t.split()) if isinstance(t, str) else 0)
    paraphrase = quotes["kind"].eq("indirect") if "kind" in quotes else pd.Series(False, index=quotes.index)
    keep = named & ~(paraphrase & words.lt(CARD_MIN_PARAPHRASE)) & ~joint_rows(quotes) & ~(paraphrase & deals(quotes)) \
        & ~(paraphrase & thoughts(quotes))
    chosen = quotes[keep].assign(_order=paraphrase[keep].astype(int)).sort_values("_order", kind="stable")
    return chosen.drop(columns="_order").head(k), int(len(quotes) - min(k, int(keep.sum())))


def deals(quotes: pd.DataFrame) -> pd.Series:
    """The rows of a deal agreed to ("UBS has agreed to take over Credit Suisse"): PolNeAR counts the agreement as
    an attribution, so the store keeps it, but what a card shows under the cue is a deed, not words."""
    if "cue" not in quotes or "quote" not in quotes:
        return pd.Series(False, index=quotes.index)
    cue = quotes["cue"].map(lambda c: isinstance(c, str) and c.lower() in _AGREE_FORMS)
    return cue & quotes["quote"].map(lambda t: isinstance(t, str) and t.startswith("to "))


_AGREE_FORMS = frozenset("agree agreed agrees agreeing".split())


def thoughts(quotes: pd.DataFrame) -> pd.Series:
    """The rows whose cue tells a mind, not speech (fc39: a player who, the writer says, thought he had scored the winner):
    PolNeAR counts a belief as an attribution, so the store keeps it; but told without quotation marks it is the
    writer's account of what someone thought, often a belief events overtook, and a card's "Quoted" would show it as
    words. Only paraphrases are held back (card_quotes): a quotation under a thinking verb still holds words."""
    if "cue" not in quotes:
        return pd.Series(False, index=quotes.index)
    return quotes["cue"].map(lambda c: isinstance(c, str) and c.lower() in _THINK_FORMS)


_THINK_FORMS = frozenset("think thinks thought thinking believe believes believed believing feel feels felt feeling "
                         "hope hopes hoped hoping fear fears feared fearing wish wishes wished assume assumes assumed "
                         "suspect suspects suspected imagine imagines imagined realise realised realize realized "
                         "know knows knew".split())


def _a_name(label: str) -> bool:
    """Whether a speaker label names someone: not a bucket ("(no named speaker)") and not all lower case."""
    return not label.startswith("(") and label != label.lower()


def joint_rows(quotes: pd.DataFrame) -> pd.Series:
    """The rows of words said by several speakers at once ("Xi and Putin agreed …", "the two leaders reaffirmed
    …"): one span of words under one cue, one row per speaker. Under one name each, a card would credit a joint
    act to one of them; the Named sources page counts them, each under its speaker."""
    key = [c for c in ("article_id", "quote_start", "quote_end", "cue") if c in quotes]
    if len(key) < 3:
        return pd.Series(False, index=quotes.index)
    names = quotes.apply(lambda r: speaker_label(r.to_dict()), axis=1)
    keyed = pd.Series(["|".join(str(v) for v in row) for row in zip(*(quotes[c] for c in key))], index=quotes.index)
    return names.groupby(keyed).transform("nunique").gt(1)


def quote_excerpt(quote, limit: int = 160) -> str:
    """A quote as shown: its own text (direct quotes carry their marks, reported speech has none, so
    no marks are added), cut at a word boundary with "…" when longer than limit; the writer's words between the two
    halves of a split quotation ('"A," X said in a statement. "B."', kept as one row) shown as "…" (between_halves)."""
    text = between_halves(quote if isinstance(quote, str) else "")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


_OPEN, _CLOSE, _STRAIGHT = "“«„", "”»", '"'
_HALF_ENDS = ",.?!—–-…"
_MAX_BETWEEN_WORDS = 25   # an attribution between two halves ("the defence lawyer said in a statement")


def between_halves(text: str) -> str:
    """A quotation told in halves around its attribution ('“A,” the lawyer said. “B.”', stored as one row from the
    first mark to the last) with the writer's words between the halves shown as " … ": on fc39's cards they read as
    the speaker's (a spun copy's "legal professional … mentioned in a press release" between a lawyer's two
    halves). Marks are paired in order; only words holding a speech cue (core.quote_cues) are cut, and a text whose
    opening mark is straight and not its first character (whose direction is unknown), or with more than
    _MAX_BETWEEN_WORDS words between, is left as it is."""
    marks = [(i, ch) for i, ch in enumerate(text) if ch in _OPEN + _CLOSE + _STRAIGHT]
    if len(marks) < 2:
        return text
    lead = text.lstrip()
    if lead[:1] in _OPEN + _STRAIGHT:
        inside = False
    elif marks[0][1] in _CLOSE:       # the row starts inside its quotation (its opening mark left out)
        inside = True
    else:
        return text
    cuts, closed_at = [], None
    for i, ch in marks:
        if inside and ch in _CLOSE + _STRAIGHT:
            inside, closed_at = False, i
        elif not inside and ch in _OPEN + _STRAIGHT:
            between = text[closed_at + 1:i] if closed_at is not None else ""
            # a half ends on its own stop or comma before the attribution ('“A,” X said'); a closing mark after a
            # word is a quotation inside the speaker's ('"He told us "I said no" and then signed it," Smith said'),
            # whose words between are the speaker's, not the writer's
            ends_half = closed_at is not None and text[:closed_at].rstrip()[-1:] in _HALF_ENDS
            if ends_half and len(between.split()) <= _MAX_BETWEEN_WORDS \
                    and any(w in CUE_FORMS for w in re.findall(r"[a-z]+", between.lower())):
                cuts.append((closed_at + 1, i))
            inside, closed_at = True, None
        elif inside and ch in _OPEN:
            return text                   # a quotation nested in one: leave it be
    for a, b in reversed(cuts):
        text = text[:a] + " … " + text[b:]
    return text


def quotes_frame(quotes) -> pd.DataFrame:
    """A DataFrame from Quote objects or dicts, with every expected column present."""
    rows = [q if isinstance(q, dict) else q.to_dict() for q in quotes]
    df = pd.DataFrame(rows)
    for col in QUOTE_COLUMNS:
        if col not in df:
            df[col] = None
    return df


def join_articles(quotes: pd.DataFrame, articles: pd.DataFrame, event=None) -> pd.DataFrame:
    """Quotes with their article's outlet and event (optionally one event), plus speaker and words."""
    cols = [c for c in ("id", "outlet", "event") if c in articles]
    arts = articles[cols].rename(columns={"id": "article_id"})
    arts = arts.assign(article_id=arts["article_id"].astype(str))
    q = quotes.assign(article_id=quotes["article_id"].astype(str))
    df = q.merge(arts, on="article_id", how="inner")
    if event is not None and "event" in df:
        df = df[df["event"] == event]
    # an unresolved "he" / "they" or "the spokesman" is no speaker of its own: a bucket, never a name
    name = [speaker_label(r) for r in df[["canonical_speaker", "speaker", "speaker_type"]].to_dict("records")]
    df = df.assign(speaker_name=name,
                   words=df["quote"].fillna("").map(count_words))
    return df


def count_words(text: str) -> int:
    """Words in a quote, ignoring punctuation and quotation marks."""
    return len(re.findall(r"[\w’'-]+", text or ""))


def speakers_by_outlet(quotes: pd.DataFrame, articles: pd.DataFrame, event=None) -> pd.DataFrame:
    """One row per (speaker, outlet): quotes and words given, most quoted first."""
    df = join_articles(quotes, articles, event)
    if df.empty:
        return pd.DataFrame(columns=["speaker", "outlet", "speaker_type", "quotes", "words"])
    out = (df.groupby(["speaker_name", "outlet"], as_index=False)
             .agg(speaker_type=("speaker_type", _mode), quotes=("quote", "size"),
                  words=("words", "sum"))
             .rename(columns={"speaker_name": "speaker"}))
    return out.sort_values(["quotes", "words", "speaker"], ascending=[False, False, True],
                           ignore_index=True)


def _mode(s: pd.Series):
    """Most common value (first on ties), None for an empty series."""
    m = s.dropna().mode()
    return m.iloc[0] if len(m) else None


def anonymous_share(quotes: pd.DataFrame, articles: pd.DataFrame, event=None) -> pd.DataFrame:
    """Per outlet: attributions, how many to anonymous sources, and their share."""
    df = join_articles(quotes, articles, event)
    if df.empty:
        return pd.DataFrame(columns=["outlet", "quotes", "anonymous", "share"])
    out = (df.assign(anon=df["speaker_type"].eq("anonymous"))
             .groupby("outlet", as_index=False)
             .agg(quotes=("anon", "size"), anonymous=("anon", "sum")))
    out["share"] = out["anonymous"] / out["quotes"]
    return out.sort_values("share", ascending=False, ignore_index=True)


def is_official(role) -> bool:
    """The role names an official post (minister, spokesperson, ambassador, general...)."""
    if not isinstance(role, str) or not role:
        return False
    return bool(set(re.findall(r"[a-z]+", role.lower())) & OFFICIAL_WORDS)


def official_share(quotes: pd.DataFrame, articles: pd.DataFrame, event=None) -> pd.DataFrame:
    """Per outlet: attributions to officials (by role, or to government bodies) vs the others."""
    df = join_articles(quotes, articles, event)
    if df.empty:
        return pd.DataFrame(columns=["outlet", "quotes", "official", "other", "share"])
    official = df["speaker_role"].map(is_official) | df["speaker_type"].eq("organisation") & \
        df["speaker_name"].map(is_official)
    out = (df.assign(official=official)
             .groupby("outlet", as_index=False)
             .agg(quotes=("official", "size"), official=("official", "sum")))
    out["other"] = out["quotes"] - out["official"]
    out["share"] = out["official"] / out["quotes"]
    return out.sort_values("share", ascending=False, ignore_index=True)


def outlet_shares(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, from store.speaker_outlet_counts rows: attributions and the anonymous and official shares."""
    cols = ["outlet", "quotes", "anonymous", "official", "anonymous_share", "official_share"]
    if pairs.empty:
        return pd.DataFrame(columns=cols)
    df = pairs.groupby("outlet", as_index=False)[["quotes", "anonymous", "official"]].sum()
    df["anonymous_share"] = df["anonymous"] / df["quotes"]
    df["official_share"] = df["official"] / df["quotes"]
    return df[cols]


def unique_speakers(quotes: pd.DataFrame, articles: pd.DataFrame, event=None) -> pd.DataFrame:
    """Named speakers (person / organisation) one outlet quotes that no other outlet in the event quotes."""
    df = join_articles(quotes, articles, event)
    df = df[df["speaker_type"].isin(["person", "organisation"])]
    if df.empty:
        return pd.DataFrame(columns=["event", "outlet", "speaker", "quotes", "words"])
    if "event" not in df:
        df = df.assign(event=None)
    key = df["event"].astype(str)
    outlets = df.assign(_ev=key).groupby(["_ev", "speaker_name"])["outlet"].nunique()
    df = df.assign(_ev=key)
    solo = df.join(outlets.rename("n_outlets"), on=["_ev", "speaker_name"])
    solo = solo[solo["n_outlets"] == 1]
    out = (solo.groupby(["event", "outlet", "speaker_name"], as_index=False, dropna=False)
               .agg(quotes=("quote", "size"), words=("words", "sum"))
               .rename(columns={"speaker_name": "speaker"}))
    return out.sort_values(["event", "outlet", "quotes"], ascending=[True, True, False],
                           ignore_index=True)
