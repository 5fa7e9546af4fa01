"""What an outlet card says, as text: its timing line, a lead cut to size, a headline, and who said a quote
or used a term — plain strings, so the cards stay a layout and these can be tested without a browser."""
from core.sources import CARD_QUOTES, CUT_OFF, HELD_BACK, speaker_label
from pages.common import page_url, plural, safe

MAX_LEAD = 600  # characters of a lead on a card; the reader shows the whole text
VOICE = {"own": "own words", "quoted": "quoting {}", "attributed": "reporting {}",
         "unclear": "in a sentence reporting someone: whose word is unclear"}


def when(row: dict | None) -> str:
    """An outlet's first report as the timing figure has it: a time, a date only, or none."""
    if not row or not row.get("first_report"):
        return "no date"
    src = f" · date from {row['date_source']}" if row.get("date_source") else ""
    if row.get("seen"):    # no date on feed or page: when framelens saw it, which may be long after it appeared
        return f"no publication date · first seen {row['first_report'][:16].replace('T', ' ')} UTC"
    if row["precision"] == "date":   # a time in no zone is kept as its day (core.dates): the page did give a time
        why = "its time given in no time zone" if row.get("zoneless") else "no time given"
        return f"{row['first_report']} (date only, {why}){src}"
    lag = f" · +{row['lag_hours']:.1f} h" if row.get("lag_hours") else ""
    return f"{row['first_report'][:16].replace('T', ' ')} UTC{lag}{src}"


def cut(lead: str) -> str:
    """A lead short enough for a card: a first paragraph with no break ran 3,000 characters down one column."""
    return lead if len(lead) <= MAX_LEAD else lead[:MAX_LEAD].rsplit(" ", 1)[0] + " …"


def headline(title: str) -> str:
    """A headline in bold, or a note that the article has none (an empty "****" draws a horizontal rule)."""
    return f"**{safe(title)}**" if (title or "").strip() else "*(no headline given)*"


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


def cut_note(flag) -> str:
    """A mark after a quote whose words run into the end of a text that stops mid-sentence (a feed's excerpt):
    what the speaker said next is not in the store."""
    return f" *({CUT_OFF})*" if flag == 1 else ""


def held_note(n: int) -> str:
    """What an outlet's card leaves out of its quotes, and where they are."""
    return (f"*{plural(n, 'more quote')} not shown here: past the first {CARD_QUOTES}, {HELD_BACK} (often a deed, "
            "not a statement). Named sources and the export list every one.*")
