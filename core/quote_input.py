"""What quote extraction reads: English articles, their text with page furniture and the wire dateline
blanked out, and the outlets the article credits.

These lean on other areas' modules — core.language (is_english), core.clean (split_boilerplate,
dateline_end) and core.credits (find_credits, is_news_outlet) — and fall back to small local
versions of each while those are not installed, so extraction runs either way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from core.models import get

try:                                    # the events issue's language detection
    from core.language import is_english as _language_is_english
except ImportError:                     # pragma: no cover - until core/language.py is installed
    _language_is_english = None
try:                                    # the syndication issue's cleaner and credit lines
    from core.clean import dateline_end as _clean_dateline_end, split_boilerplate as _clean_split
except ImportError:                     # pragma: no cover
    _clean_dateline_end = _clean_split = None
try:
    from core.credits import find_credits as _find_credits, is_news_outlet as _is_news_outlet
except ImportError:                     # pragma: no cover
    _find_credits = _is_news_outlet = None

# -- English only ----------------------------------------------------------------------------------
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset("the of and to in a is that for on was with as by at it from he has have are said".split())


def is_english(article: Any) -> bool:
    """Whether the English-only quote rules apply (core.language; English or undetermined)."""
    if _language_is_english is None:
        return _is_english_fallback(article)
    return _language_is_english(article)


def _is_english_fallback(article: Any) -> bool:
    """The article's own language tag, else a look at its script and function words."""
    code = get(article, "language")
    if isinstance(code, str) and code.strip():
        return code.strip().lower().replace("_", "-").split("-")[0] == "en"
    sample = f"{get(article, 'title', '') or ''}\n{(get(article, 'text', '') or '')[:1000]}"
    words = _WORD.findall(sample.lower())
    if len(words) < 8:
        return True
    if 2 * len(_NON_LATIN.findall(sample)) > sum(map(len, words)):
        return False
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.08


# -- page furniture and datelines, blanked so offsets stay those of the article text -----------------
_FALLBACK_LINES = re.compile(
    r"\s*(?:source link|related (?:articles|posts|stories)|leave a reply|back to top(?: button)?"
    r"|you can share this story on social media:?|your email address will not be published.*"
    r"|read more:?.{0,120}|advertisement|article ad box|share this:?)\s*", re.I)
_FALLBACK_GLUED = re.compile(r"ARTICLE AD BOX|ADVERTISEMENT|(?<=[.!?”\"’])Read more:?")
_FALLBACK_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Z.'’\-]+(?:[ ,]+[A-Z][A-Za-z.'’\-]+){0,3}[.,]?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}[.,]?\s*)?"
    r"(?:/[A-Z]+/\.?|\([A-Z][\w .-]{1,40}\)\s*(?:--|[-—–])?|(?:--|[—–]))|\([A-Z][\w .-]{1,40}\)\s*(?:--|[-—–]))[ \t]*")


def _split_boilerplate(text: str) -> tuple[str, list[str]]:
    """core.clean.split_boilerplate, or a short list of the commonest furniture."""
    if _clean_split is None:
        found = [ln.strip() for ln in text.splitlines() if ln.strip() and _FALLBACK_LINES.fullmatch(ln)]
        found += [m.group() for m in _FALLBACK_GLUED.finditer(text)]
        return text, found
    return _clean_split(text)


def dateline_end(text: str) -> int:
    """core.clean.dateline_end, or a pattern for the commonest wire datelines."""
    if _clean_dateline_end is None:
        m = _FALLBACK_DATELINE.match(text)
        return m.end() if m and text[m.end():m.end() + 1][:1].isalnum() else 0
    return _clean_dateline_end(text)


def masked_text(text: str) -> str:
    """The text with its boilerplate and opening dateline replaced by spaces (newlines kept), so
    quote offsets found in it are offsets into the article text."""
    if not text:
        return text
    cut: list[tuple[int, int]] = []
    end = dateline_end(text)
    if end:
        cut.append((0, end))
    pos = 0
    _, found = _split_boilerplate(text)
    for item in found:
        # the furniture was found in text order: look for it from where the last one ended, as a
        # whole line first, then glued into a line (spaces between its words may have changed)
        words = [re.escape(w) for w in item.split()]
        if not words:
            continue
        line = re.compile(r"(?m)^[^\S\n]*" + r"\s*".join(words) + r"[^\S\n]*$")
        m = line.search(text, pos) or re.compile(r"\s*".join(words)).search(text, pos)
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
