"""The one text cleaner: page furniture that is never the article's words, and wire datelines.

Extraction, import, reprints, quotes and framing all read article text through these functions, so a
"Source link" footer or an "ARTICLE AD BOX" glued into a sentence is dropped once, the same way, for all.
What is removed is page furniture only: credit lines ("Source: Xinhua", "(Reuters) -") stay in the text,
as core/credits.py reads them and they are the article's own statement of where it came from.
"""
from __future__ import annotations

import re

MAX_LINE = 160          # a longer line is prose, whatever it starts with
MAX_READ_MORE_WORDS = 20  # a related-story headline glued after "Read more" is at most this long

# Lines aggregators and CMSs add around a story; matched against the whole line, case-insensitively.
BOILERPLATE_LINES = [
    r"source link", r"related( articles?| posts?| stories| news| content| coverage)?:?", r"related posts?:?",
    r"leave a (reply|comment)", r"your email address will not be published\.?.*", r"required fields are marked.*",
    r"back to top( button)?", r"you can share this story on social media:?",
    r"share( this)?( story| article| post)?( on social media)?:?", r"like this:?", r"comments?",
    r"click here to (read|subscribe|sign up|see).*", r"read more:?", r"read more:? .{0,120}",
    r"(read|see) the original (article|story).*", r"read (the )?full (article|story)( at| on)? .{0,60}",
    r"advertisement", r"advertising", r"article ad box", r"story continues below( advertisement)?",
    r"(continue reading|read the full (story|article)).{0,40}", r"sign up for our newsletter.*",
    r"subscribe.{0,40}newsletter.*", r"all rights reserved\.?.*", r"copyright .{0,60}", r"©.{0,80}",
    r"follow us on .{0,60}", r"most read", r"you may also like", r"recommended( for you)?", r"post navigation",
    r"(previous|next) (article|post|story).*", r"disclaimer:.*", r"filed under.*", r"tags?:.*",
    r"powered by .{0,60}", r"(this story|this article) has not been edited by .{0,120}",
    # players and app prompts (Politico, The Independent, Fox News pages), and a page's own time stamp line
    r"stay up to date with .{0,80}", r"(press play to )?listen to this (article|story).{0,40}", r"voiced by amazon polly",
    r"(this|your) browser does not support the (video|audio) (element|tag)\.?", r"make .{0,30}your home ?page",
    r"last updated:?\s.{0,80}", r"(updated|published|posted):\s.{0,80}",
]
_LINE_RE = re.compile("|".join(BOILERPLATE_LINES), re.IGNORECASE)
_EDGE = " \t*•·|>»«-–—:;,.!?()[]{}\"'“”‘’_#"    # decoration around a boilerplate line
# Cheap tests before the regexes: most lines hold none of these.
_GLUED_HINTS = ("ad box", "advertisement", "scroll to continue", "source link", "full article", "full story",
                "read more")

# The first words of those lines: any other line is prose, and skips the regex.
_FIRST_WORDS = {"source", "related", "leave", "your", "required", "back", "you", "share", "like", "comment", "comments",
                "click", "read", "see", "advertisement", "advertising", "article", "story", "continue", "sign",
                "subscribe", "all", "copyright", "follow", "most", "recommended", "post", "previous", "next",
                "disclaimer", "filed", "tags", "tag", "powered", "this", "stay", "press", "listen", "voiced", "make",
                "last", "updated", "published", "posted"}
_BLANK_RUNS = re.compile(r"\n\s*\n(\s*\n)+")
# Markers that page templates glue into sentences; removed wherever they stand.
_GLUED_RE = re.compile(
    r"\s*\bARTICLE AD BOX\b\s*|\s*\bADVERTISEMENT\b\s*|\s*\bSCROLL TO CONTINUE WITH CONTENT\b\s*"
    r"|\s*\bStory continues below advertisement\b\s*")
# "Source link" or "Read Full Article at RT.com" glued to the end of a line.
_GLUED_TAIL_RE = re.compile(r"(?<=\S)\s*(?:Source link|Read Full (?:Article|Story) (?:at|on) [\w.\-]+)\s*$",
                            re.IGNORECASE)
# "Read more" glued after a sentence, with the related headline that follows it.
_READ_MORE_RE = re.compile(r"(?<=[.!?”\"’)])\s*Read more:?\s*|(?<=\S)\s+Read more:\s*")
# Where a glued headline ends and the next sentence begins: "...in BeijingChinese officials".
_GLUE_POINT_RE = re.compile(r"(?<=[a-z0-9”\"’.!?)])(?=[A-Z][a-z])")

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May\.?|June?\.?|July?\.?|Aug(?:ust|\.)?"
          r"|Sep(?:t|tember|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# "May 16", "Oct. 27, 2023"; day first as WAM writes it: "29th December, 2024", "29 December 2024".
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?)"
# "AMMAN/BEIRUT": two cities of one dateline, joined by a slash.
_UPPER_PLACE = r"[A-Z][A-Z.'’\-]+(?:(?:\s+|/)[A-Z][A-Z.'’\-]+){0,3}(?:,\s+[A-Z][a-zA-Z.]+(?:\s+[A-Z][a-zA-Z.]+)?)?"
# "New Delhi [India]" (ANI's form): the country in square brackets after the place; "Hathras (UP)" (PTI's and IANS's
# form): the state's code in brackets.
_MIXED_PLACE = (r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+\((?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z]{2,3})\)|\s+\[[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\])?"
                r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?")
# "Sohae Satellite Launching Station (North Korea) (AFP) –": a longer place with its country in brackets, taken only
# with the agency and the dash after it (a sentence goes on "The Prime Minister Office (PMO) said").
_PLACE_COUNTRY = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,4}\s+\([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\)"
_AGENCY = r"\((?:[A-Z][^()\n]{0,60})\)"
_DASH = r"(?:--|[-—–―⸻]|βΈ»)"
# Wire datelines at the very start of a text, most specific first.
DATELINE_PATTERNS = [
    rf"{_UPPER_PLACE}[.,]\s+(?:{_DATE}\.?\s+)?/[A-Z][A-Za-z\-]+/\.?",                       # MOSCOW, June 6. /TASS/.
    # BEIJING, May 16 (Xinhua) --; "Beijing, Oct. 27, (dpa/GNA) –"; "Beijing, (APP - UrduPoint / … - 27th Oct, 2023)"
    # "DHAKA: (Reuters) Bangladesh …": a colon after the place
    rf"(?:{_UPPER_PLACE}|{_MIXED_PLACE})(?:,\s+{_DATE})?[,:]?\s+{_AGENCY}\s*(?:{_DASH}|:)?",
    # "CIANJUR, Indonesia — (AP) —": a dash before the agency too (a syndication feed's form), only with the one after
    rf"{_UPPER_PLACE}(?:,\s+{_DATE})?,?\s+{_DASH}\s+{_AGENCY}\s*{_DASH}",
    # an agency written in lower case ("(dpa/GNA) –"): only with the dash after it, as no sentence goes on that way
    rf"(?:{_UPPER_PLACE}|{_MIXED_PLACE})(?:,\s+{_DATE})?,?\s+\([a-z]{{2,6}}(?:\s*/\s*[A-Za-z]{{2,12}})?\)\s*{_DASH}",
    rf"{_PLACE_COUNTRY}\s+{_AGENCY}\s*{_DASH}",
    rf"{_AGENCY}\s*(?:{_DASH}|:)?",                                                          # (CNN) —
    rf"{_UPPER_PLACE}(?:,\s+{_DATE})?\s*(?:{_DASH}|:)",                                       # MOSCOW -
    rf"{_MIXED_PLACE}\s+{_DASH}",                                                              # Beijing —
]
_DATELINE_RE = re.compile(r"\A\s*(?:" + "|".join(f"(?:{p})" for p in DATELINE_PATTERNS) + r")[ \t]*")


def split_boilerplate(text: str) -> tuple[str, list[str]]:
    """Text without page furniture, and the furniture found (whole lines and glued markers, as written)."""
    if not text:
        return "", []
    low = text.lower()              # substring tests on the lowercased text: far cheaper than a regex
    glued = any(h in low for h in _GLUED_HINTS)
    kept, found = [], []
    for line in text.splitlines():
        s = line.strip()
        if s and len(s) <= MAX_LINE:
            bare = s.strip(_EDGE)
            # Only a line whose first word opens some boilerplate pattern is worth the regex.
            first = bare[:16].split(None, 1)[0].lower().rstrip(":") if bare else ""
            if (first in _FIRST_WORDS or bare.startswith("©")) and _LINE_RE.fullmatch(bare):
                found.append(s)
                continue
        kept.append(_unglue(line, found) if glued and any(h in s.lower() for h in _GLUED_HINTS) else line)
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip(), found


def clean_text(text: str) -> str:
    """Text without boilerplate lines ("Source link", "Related Articles"…) and glued markers ("ARTICLE AD BOX")."""
    return split_boilerplate(text)[0]


def _unglue(line: str, found: list[str]) -> str:
    """A line with the markers glued into it removed (each noted in `found`)."""
    if _GLUED_RE.search(line):
        found += [m.group().strip() for m in _GLUED_RE.finditer(line)]
        line = _GLUED_RE.sub(" ", line)
    m = _GLUED_TAIL_RE.search(line)
    if m:
        found.append(m.group().strip())
        line = line[:m.start()]
    m = _READ_MORE_RE.search(line)
    while m:
        line = _drop_read_more(line, m, found)
        m = _READ_MORE_RE.search(line, m.start() + 1)
    return line.rstrip() if line.strip() else ""


def _drop_read_more(line: str, m: re.Match, found: list[str]) -> str:
    """Remove a glued "Read more" and the related headline after it, when its end can be told."""
    rest = line[m.end():]
    glue = _GLUE_POINT_RE.search(rest)
    end = glue.start() if glue else len(rest)
    headline = rest[:end]
    # The headline has no sentence end inside it; if it would be long, only the marker is dropped.
    if len(headline.split()) > MAX_READ_MORE_WORDS or re.search(r"[.!?]\s", headline):
        end, headline = 0, ""
    found.append(("Read more " + headline).strip())
    sep = " " if m.start() > 0 and end < len(rest) else ""
    return line[:m.start()] + sep + rest[end:]


def dateline_end(text: str) -> int:
    """Length of the wire dateline opening text ("BEIJING, May 16 (Xinhua) -- "), 0 when there is none."""
    m = _DATELINE_RE.match(text or "")
    if not m:
        return 0
    rest = text[m.end():m.end() + 2]
    # A hyphen between two words is a compound, not a dateline's dash: "US-based Silicon Valley Bank",
    # "UK-listed firms" lost their "US-" / "UK-" in leads, quotes and credits.
    if text[m.end() - 1] == "-" and not text[m.end() - 2].isspace() and rest[:1].islower():
        return 0
    # A dateline is followed by the story: a word or an opening quote, not the end of the text.
    return m.end() if rest and (rest[0].isalnum() or rest[0] in "\"“'‘") else 0


def strip_dateline(text: str) -> str:
    """Text without its opening wire dateline ("MOSCOW. January 31. /TASS/.", "BEIJING, May 16 (Xinhua) --")."""
    return (text or "")[dateline_end(text):]


# Characters that change how text around them is shown without being seen: bidi embeddings, overrides and
# isolates (U+202E turns "evil.exe" around), zero-width space, word joiner and BOM, and C0/C1 controls (but
# NEL, U+0085, a line break). In a name or title from a feed, page or corpus they can make one outlet or
# speaker look like another.
# ZWJ/ZWNJ (U+200C/D, needed by Persian, Indic scripts and emoji) and LRM/RLM marks are kept.
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_ONLY_REPLACEMENT = re.compile(r"^[\s\ufffd\W]*$")


def strip_invisible(text: str | None) -> str | None:
    """Text without invisible formatting and control characters; None when nothing readable is left (a
    title of control characters, or of U+FFFD that stood for invalid ones)."""
    if text is None:
        return None
    out = _INVISIBLE.sub("", text)
    return None if "\ufffd" in out and _ONLY_REPLACEMENT.match(out) else out
