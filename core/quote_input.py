"""What quote extraction reads: English articles (core.language), their text with page furniture and
the wire dateline blanked out (core.clean), and the outlets the article credits (core.credits).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.models import get

from core.clean import dateline_end, split_boilerplate
from core.credits import find_credits, is_news_outlet
from core.language import is_english  # noqa: F401 - the English-only rule quote extraction applies

# Furniture is looked for this far after the piece before it, so a piece that cannot be placed costs
# a bounded scan, not one of the whole text (huge texts stay linear).
SEARCH_WINDOW = 50_000


# The reminder formula of translated news ("We will remind, Peskov also reported …", from "Нагадаємо"):
# the outlet's aside, which the parser takes for what the next speaker said.
_REMINDER_RE = re.compile(r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n]))[^\S\n]*(?:We (?:will |would like to |should )?remind(?: you)?"
                          r"|Let us remind(?: you)?|As a reminder|Recall)\s*[,:](?=\s)")


def masked_text(text: str) -> str:
    """The text with its page furniture (core.clean) and opening wire dateline replaced by spaces
    (newlines kept), so quote offsets found in it are offsets into the article text."""
    if not text:
        return text
    cut: list[tuple[int, int]] = []
    end = dateline_end(text)
    if end:
        cut.append((0, end))
    cut += [m.span() for m in _REMINDER_RE.finditer(text)]
    pos = 0
    _, found = split_boilerplate(text)
    for item in found:
        # the furniture was found in text order: look for it from where the last one ended, as a
        # whole line first, then glued into a line (spaces between its words may have changed)
        words = [re.escape(w) for w in item.split()]
        if not words:
            continue
        line = re.compile(r"(?m)^[^\S\n]*" + r"\s*".join(words) + r"[^\S\n]*$")
        stop = min(len(text), pos + SEARCH_WINDOW)
        m = line.search(text, pos, stop) or re.compile(r"\s*".join(words)).search(text, pos, stop)
        if m:
            cut.append((m.start(), m.end()))
            pos = m.end()
    if not cut:
        return text
    out, last = [], 0
    for a, b in sorted(cut):
        a = max(a, last)
        if b <= a:
            continue
        out.append(text[last:a])
        out.append(re.sub(r"[^\n]", " ", text[a:b]))
        last = b
    out.append(text[last:])
    return "".join(out)


# -- news outlets and the article's credits ----------------------------------------------------------
# the last word of a newspaper's name: "The Atlanta Journal-Constitution", "the Tampa Bay Times", "Sun-Herald"
NEWSPAPER_HEADS = frozenset("times post journal tribune gazette herald chronicle telegraph courier inquirer dispatch "
                            "examiner enquirer".split())


@lru_cache(maxsize=4096)
def news_outlet(name: str) -> str | None:
    """The canonical name when `name` is a news outlet or agency (core.credits.is_news_outlet), or the name itself
    when it reads as a newspaper's the registry does not list (capitalised words ending in "Times", "Journal"…)."""
    if not name or len(name) > 120:
        return None
    return is_news_outlet(name) or _newspaper(name)


def _newspaper(name: str) -> str | None:
    """A name shaped like a newspaper's: two or more capitalised words, the last one (or a part of it) a paper's head."""
    words = name.removeprefix("the ").removeprefix("The ").split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    last = re.split(r"[-–]", re.sub(r"(?:['’]s)?[.,]*$", "", words[-1].lower()))
    return " ".join(words) if any(p in NEWSPAPER_HEADS for p in last) else None


def credited_outlets(article: Any) -> set[str]:
    """The outlet that published the article and the outlets its credit lines name (canonical)."""
    out = set()
    own = get(article, "outlet")
    if isinstance(own, str) and own:
        out.add(news_outlet(own) or own)
    title, text = get(article, "title", "") or "", get(article, "text", "") or ""
    out |= {c.outlet for c in find_credits(title, text) if c.kind != "photo"}
    return out
