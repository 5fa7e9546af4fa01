"""What quote extraction reads: English articles (core.language), their text with page furniture and
the wire dateline blanked out (core.clean), and the outlets the article credits (core.credits, with a
small local stand-in while that module is not installed).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.models import get

from core.clean import dateline_end, split_boilerplate
from core.language import is_english  # noqa: F401 - the English-only rule quote extraction applies

try:                                    # the syndication issue's credit lines
    from core.credits import find_credits as _find_credits, is_news_outlet as _is_news_outlet
except ImportError:                     # pragma: no cover - until core/credits.py is installed
    _find_credits = _is_news_outlet = None

# Furniture is looked for this far after the piece before it, so a piece that cannot be placed costs
# a bounded scan, not one of the whole text (huge texts stay linear).
SEARCH_WINDOW = 50_000


def masked_text(text: str) -> str:
    """The text with its page furniture (core.clean) and opening wire dateline replaced by spaces
    (newlines kept), so quote offsets found in it are offsets into the article text."""
    if not text:
        return text
    cut: list[tuple[int, int]] = []
    end = dateline_end(text)
    if end:
        cut.append((0, end))
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
_FALLBACK_OUTLETS = {
    "reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "tass": "TASS", "itar-tass": "TASS",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua", "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
    "interfax": "Interfax", "sputnik": "Sputnik", "rt": "RT", "russia today": "RT", "bbc": "BBC",
    "cnn": "CNN", "cgtn": "CGTN", "global times": "Global Times", "the new york times": "The New York Times",
    "new york times": "The New York Times", "washington post": "The Washington Post", "bloomberg": "Bloomberg",
    "al jazeera": "Al Jazeera", "ukrinform": "Ukrinform", "unn": "UNN", "izvestia": "Izvestia",
    "kommersant": "Kommersant", "meduza": "Meduza", "mediazona": "Mediazona", "fontanka": "Fontanka",
    "the insider": "The Insider", "iana": "IANS", "ians": "IANS", "pti": "PTI", "dpa": "dpa", "efe": "EFE",
    "anadolu": "Anadolu", "yonhap": "Yonhap", "kyodo": "Kyodo", "irna": "IRNA", "fox news": "Fox News",
    "nbc": "NBC News", "abc": "ABC News", "cbs": "CBS News", "the guardian": "The Guardian",
    "wall street journal": "The Wall Street Journal", "the wall street journal": "The Wall Street Journal",
    "financial times": "Financial Times", "politico": "Politico", "axios": "Axios", "dozhd": "Dozhd",
    "tv rain": "Dozhd", "ria-novosti": "RIA Novosti", "vedomosti": "Vedomosti", "baza": "Baza",
    "mash": "Mash", "shot": "Shot", "rbc": "RBC", "people's daily": "People's Daily", "china daily": "China Daily",
}


@lru_cache(maxsize=4096)
def news_outlet(name: str) -> str | None:
    """The canonical name when `name` is a news outlet or agency (core.credits.is_news_outlet)."""
    if not name or len(name) > 120:
        return None
    if _is_news_outlet is None:
        key = re.sub(r"^the\s+", "", name.strip().casefold().replace("’", "'"))
        return _FALLBACK_OUTLETS.get(key) or _FALLBACK_OUTLETS.get("the " + key)
    return _is_news_outlet(name)


_FALLBACK_CREDIT = re.compile(
    r"\((?P<a>[A-Z][\w .-]{1,40}?)\)|/(?P<b>[A-Z]{2,10})/|\b(?:Source|Credit)s?:\s*(?P<c>[A-Z][\w .-]{1,40})"
    r"|[,—–-]\s*(?P<d>[A-Z][\w .-]{1,30}?)\s+(?:reported|reports)\b|\bciting\s+(?P<e>[A-Z][\w .-]{1,30}?)\b")


def credited_outlets(article: Any) -> set[str]:
    """The outlet that published the article and the outlets its credit lines name (canonical)."""
    out = set()
    own = get(article, "outlet")
    if isinstance(own, str) and own:
        out.add(news_outlet(own) or own)
    title, text = get(article, "title", "") or "", get(article, "text", "") or ""
    if _find_credits is None:
        for m in _FALLBACK_CREDIT.finditer(title + "\n" + text[:3000] + "\n" + text[-600:]):
            name = next(g for g in m.groups() if g)
            canon = news_outlet(name.strip())
            if canon:
                out.add(canon)
        return out
    out |= {c.outlet for c in _find_credits(title, text) if c.kind != "photo"}
    return out
