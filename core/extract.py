"""Article text and metadata from a page's HTML, with aggregator boilerplate removed (core/clean.py)."""
from __future__ import annotations

import calendar
import re
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime, timezone

import trafilatura
from trafilatura.settings import Extractor, set_date_params, use_config

from .clean import split_boilerplate
from .dates import MONTH_ABBRS
from .models import parse_time

MIN_WORDS = 15
_DATE_SCAN = 400_000   # characters of a page searched for the day of its date (head and article come first)


@dataclass
class Extracted:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    date_precision: str = "date"           # "year" when the page gives only a year and month (core.dates)
    language: str | None = None
    sitename: str | None = None
    boilerplate: list[str] = field(default_factory=list)   # lines the cleaner removed (kept as reprint evidence)


def _config():
    """trafilatura settings: no per-call timeouts (we fetch ourselves), generous length minimums."""
    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "200")
    return cfg


_CONFIG = _config()
# Settings chosen on the ScrapingHub benchmark pages: keeping tables and not deduplicating repeated lines
# raised token F1 from 0.938 to 0.955 (bench/extract_eval.py); `fast` skips the comparison with
# readability and jusText: token F1 0.958 -> 0.960 there, and 25-45% less CPU, which is most of an
# ingest's CPU. Built once: trafilatura would read them from its ConfigParser again for every page.
# Dates only from the page's markup (meta tags, <time>, the address), not htmldate's extensive search of the
# text: on the realworld replay it dated undated pages from a year in their prose ("founded in 2001" -> 1 Jan
# 2001; UNN's May 2024 Putin-Xi report -> 1 Jan 2023), and a wrong date is shown, ordered and clustered on.
# On the 181 ScrapingHub pages it changes 2 of 181 dates to none.
_OPTIONS = Extractor(config=_CONFIG, output_format="python", fast=True, comments=False, tables=True, dedup=False,
                     with_metadata=True, date_params=set_date_params(extensive=False))


def extract_page(html: str | bytes, url: str | None = None) -> Extracted | None:
    """Main text and metadata of an article page, or None when nothing article-like is there."""
    options = copy(_OPTIONS)
    options.url = options.source = url
    doc = trafilatura.bare_extraction(html, url=url, options=options)
    if doc is None:
        return None
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text, boilerplate = split_boilerplate(get("text") or "")
    text = drop_title_line(text, get("title"))
    # A menu or cookie notice is not a story; the feed summary is a better stand-in.
    if len(text.split()) < MIN_WORDS:
        return None
    published = parse_time(get("date"))
    precision = page_date_precision(html, url, published)
    if published is not None and precision == "year":
        published = published.replace(month=1, day=1)
    return Extracted(text=text, title=get("title"), author=get("author"), published=published,
                     date_precision=precision, language=get("language"), sitename=get("sitename"),
                     boilerplate=boilerplate)


def page_date_precision(html: str | bytes, url: str | None, published: datetime | None,
                        now: datetime | None = None) -> str:
    """"date", or "year" when the page's date has a day that neither its markup nor its address writes: for "2023-08"
    or ".../2023/08/..." htmldate fills in the 1st, or (through dateutil) today's day of the month, and that invented
    day put a report three weeks before the crash it covers, out of its event. core.dates keeps such a value to the
    year. Only a day a parser can fill in (_filled_days) is checked: any other the page wrote itself."""
    if published is None or published.day not in _filled_days(published, now):
        return "date"
    head = html[:_DATE_SCAN] if isinstance(html, str) else html[:_DATE_SCAN].decode("utf-8", "replace")
    y, m, d = published.year, published.month, published.day
    name = MONTH_ABBRS[m - 1]
    th = r"(?:st|nd|rd|th)?"
    written = re.compile(rf"{y}[-/.]0?{m}[-/.]0?{d}(?!\d)|{y}{m:02d}{d:02d}(?!\d)|(?<!\d)0?{d}[-/.]0?{m}[-/.]{y}"
                         rf"|(?<!\d)0?{m}[-/.]0?{d}[-/.]{y}|{name}\w*\.? +0?{d}{th},? +{y}"
                         rf"|(?<!\d)0?{d}{th} +(?:of +)?{name}\w*\.?,? +{y}", re.IGNORECASE)
    return "date" if written.search(head) or written.search(url or "") else "year"


def _filled_days(published: datetime, now: datetime | None = None) -> set[int]:
    """The days of published's month a date parser fills in for a date written without one: the 1st (htmldate's year
    and month rule) and today's (dateutil's default, locally and in UTC), which dateutil cuts to the month's last day
    when the month is shorter (on the 31st, "2023-09" becomes 30 September)."""
    last = calendar.monthrange(published.year, published.month)[1]
    todays = {now.day} if now is not None else {datetime.now().day, datetime.now(timezone.utc).day}
    return {1} | {min(d, last) for d in todays}


def warm_up() -> None:
    """Run one extraction so that trafilatura's lazy set-up is done before real pages arrive."""
    extract_page("<html><body><article><p>" + "The minister said the talks would go on. " * 20
                 + "</p></article></body></html>", "https://example.org/warm-up")


def drop_title_line(text: str, title: str | None) -> str:
    """Pages repeat the headline as the first line of the body; the title is stored apart."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    norm = lambda s: re.sub(r"\W+", " ", s).strip().casefold()  # noqa: E731
    return rest.lstrip() if norm(first) == norm(title) else text
