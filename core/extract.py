"""Article text and metadata from a page's HTML, with aggregator boilerplate removed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from trafilatura.settings import use_config

from .models import parse_time

# Lines aggregators and CMSs append to copied stories; they are never the article's words.
BOILERPLATE_LINES = [
    r"source link", r"related (articles|posts|stories|news)", r"leave a (reply|comment)",
    r"your email address will not be published\.?( required fields are marked \*)?",
    r"required fields are marked \*", r"back to top( button)?", r"you can share this story on social media:?",
    r"share this (story|article)( on social media)?\.?", r"click here to (read|subscribe).*", r"read more:?",
    r"advertisement", r"(continue reading|read the full (story|article)).{0,40}", r"sign up for our newsletter.*",
    r"all rights reserved\.?", r"copyright .{0,60}", r"©.{0,80}", r"follow us on .{0,60}",
    r"(the post|this article) .{0,120} (appeared|was published) first on .{0,80}",
    r"originally published (at|on|by) .{0,80}", r"most read", r"you may also like", r"recommended( for you)?",
]
MIN_WORDS = 15
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_LINES) + r")\s*$", re.IGNORECASE)


@dataclass
class Extracted:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    sitename: str | None = None


def _config():
    """trafilatura settings: no per-call timeouts (we fetch ourselves), generous length minimums."""
    cfg = use_config()
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "200")
    return cfg


_CONFIG = _config()


def extract_page(html: str | bytes, url: str | None = None) -> Extracted | None:
    """Main text and metadata of an article page, or None when nothing article-like is there."""
    # Settings chosen on the ScrapingHub benchmark pages: keeping tables and not deduplicating
    # repeated lines raised token F1 from 0.938 to 0.955 (bench/extract_eval.py). `fast` skips the
    # comparison with readability and jusText: token F1 0.958 -> 0.960 there, and 25-45% less CPU,
    # which is most of an ingest's CPU.
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False, fast=True, config=_CONFIG)
    if doc is None:
        return None
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text = drop_title_line(strip_boilerplate(get("text") or ""), get("title"))
    # A menu or cookie notice is not a story; the feed summary is a better stand-in.
    if len(text.split()) < MIN_WORDS:
        return None
    return Extracted(text=text, title=get("title"), author=get("author"), published=parse_time(get("date")),
                     language=get("language"), sitename=get("sitename"))


def warm_up() -> None:
    """Run one extraction so that trafilatura's lazy set-up is done before real pages arrive."""
    extract_page("<html><body><article><p>" + "The minister said the talks would go on. " * 20
                 + "</p></article></body></html>", "https://example.org/warm-up")


def strip_boilerplate(text: str) -> str:
    """Drop aggregator/CMS boilerplate lines and everything after a trailing run of them."""
    lines = text.splitlines()
    kept = [ln for ln in lines if not _BOILERPLATE.match(ln)]
    out = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def drop_title_line(text: str, title: str | None) -> str:
    """Pages repeat the headline as the first line of the body; the title is stored apart."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    norm = lambda s: re.sub(r"\W+", " ", s).strip().casefold()  # noqa: E731
    return rest.lstrip() if norm(first) == norm(title) else text
