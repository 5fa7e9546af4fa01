"""Feed parsing and normalisation: feed bytes in, Article records out."""
from __future__ import annotations

import calendar
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import feedparser

from . import dates
from .config import Settings
from .models import Article
from .urls import canonical_url

# feedparser resolves relative URIs and sanitizes HTML by default; both stay on.
_TAGS = re.compile(r"<[^>]+>")
# An entity declaration in the prolog is how "billion laughs" and external-entity (XXE) attacks
# start; feeds have no use for them, so such a document is refused before any parser sees it.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


class FeedError(ValueError):
    """A feed that could not be read at all (the reason is in the message)."""


@dataclass
class ParsedFeed:
    """Items of one feed plus anything worth recording about it."""

    title: str | None
    items: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_feed(body: bytes, outlet: str, feed_url: str, content_type: str | None = None,
               now: datetime | None = None, settings: Settings | None = None) -> ParsedFeed:
    """Parse RSS/Atom/RDF bytes into Articles; raise FeedError when nothing usable is there."""
    s = settings or Settings()
    now = now or datetime.now(timezone.utc)
    headers = {"content-type": content_type} if content_type else {}
    if not body or not body.strip():
        raise FeedError("empty response where a feed was expected")
    if _declares_entities(body) or _declares_entities(_as_utf8(body)):
        raise FeedError("refused: the feed declares XML entities in a DOCTYPE "
                        "(entity expansion / external entity risk)")
    d = feedparser.parse(body, response_headers=headers, resolve_relative_uris=True, sanitize_html=True)
    if not d.entries:
        if _looks_like_html(body, d):
            raise FeedError("not a feed: the URL returned an HTML page")
        if d.get("bozo"):
            raise FeedError(f"malformed feed: {_bozo_reason(d)}")
        if not d.get("version"):
            raise FeedError("not a feed: no RSS, Atom or RDF content found")
    out = ParsedFeed(title=_clean(d.feed.get("title")))
    if d.get("bozo") and d.entries:
        out.warnings.append(f"feed parsed with errors: {_bozo_reason(d)}")
    seen: set[str] = set()
    for n, entry in enumerate(d.entries, 1):
        try:
            art = normalise_entry(entry, outlet, feed_url, now, s)
        except ValueError as e:
            out.skipped.append(f"item {n}: {e}")
            continue
        if art.id in seen:
            out.skipped.append(f"item {n}: duplicate of an earlier item ({art.guid or art.url})")
            continue
        seen.add(art.id)
        out.items.append(art)
    if not out.items and d.get("bozo"):
        raise FeedError(f"malformed feed: {_bozo_reason(d)}")
    return out


def normalise_entry(entry, outlet: str, feed_url: str, now: datetime, s: Settings) -> Article:
    """One feed entry as an Article, with its date checked rather than trusted."""
    link = canonical_url(entry.get("link") or _alternate_link(entry))
    guid = (entry.get("id") or entry.get("guid") or "").strip() or None
    raw_link = (entry.get("link") or "").strip()
    # feedparser copies a non-URL GUID into `link`; only a link of the feed's own making is suspect.
    if not link and raw_link and raw_link != guid:
        raise ValueError(f"link {raw_link[:80]!r} is not an http(s) URL")
    if not link and not guid:
        raise ValueError("no link and no GUID")
    title = _clean(entry.get("title"))
    summary = _clean(entry.get("summary") or entry.get("description"))
    if not title and not summary:
        raise ValueError("no title and no summary")
    published, source, flag, precision = check_date(_entry_time(entry), now, s, _entry_precision(entry))
    return Article(
        id=article_id(outlet, link, guid), outlet=outlet, title=title or "", summary=summary or "",
        text="", url=link, guid=guid, feed_url=feed_url, author=_clean(entry.get("author")),
        categories=[c for c in (_clean(t.get("term")) for t in entry.get("tags", [])) if c][:20],
        published=published, date_precision=precision, date_source=source, date_flag=flag, first_seen=now,
        language=(entry.get("language") or None), text_status="pending")


def check_date(dt: datetime | None, now: datetime, s: Settings,
               precision: str = "exact") -> tuple[datetime, str, str | None, str]:
    """(published, source, flag, precision): a feed date only when plausible (core.dates.check_date),
    otherwise the first-seen time, which is exact, with a flag."""
    if dt is None:
        return now, "first-seen", "missing", "exact"
    info = dates.check_date(dates.DateInfo(dt, precision, "feed"), now, s.oldest_year,
                            timedelta(minutes=s.future_skew_minutes))
    if info.published is None:
        return now, "first-seen", info.flag, "exact"
    return dt, "feed", None, precision


def article_id(outlet: str, url: str | None, guid: str | None) -> str:
    """Stable id from outlet and canonical URL (GUID when there is no link)."""
    key = f"{outlet}\n{url or ''}" if url else f"{outlet}\nguid:{guid}"
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def _entry_time(entry) -> datetime | None:
    """Published time of an entry in UTC (updated when there is no published)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), tz=timezone.utc)
            except (OverflowError, ValueError, OSError):
                return None
    return None


def _entry_precision(entry) -> str:
    """"date" when the entry's raw date carries no time of day ("2026-02-16"), else "exact"."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            return "exact" if re.search(r"\d:\d\d", str(raw)) else "date"
    return "exact"


def _alternate_link(entry) -> str | None:
    for ln in entry.get("links", []):
        if ln.get("rel") in (None, "alternate") and ln.get("href"):
            return ln["href"]
    return None


def _clean(value) -> str | None:
    """Plain text: markup stripped, entities decoded, whitespace collapsed."""
    if not value:
        return None
    text = html.unescape(_TAGS.sub(" ", str(value)))
    # Markup escaped twice (&amp;lt;script&amp;gt;) is markup again after unescaping: strip it too.
    text = _TAGS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text or None


def _declares_entities(body: bytes) -> bool:
    """Whether a DOCTYPE's internal subset declares an entity (one linear scan, any subset size)."""
    m = _DOCTYPE.search(body)
    if not m:
        return False
    end = body.find(b"]>", m.end())
    return b"<!ENTITY" in body[m.end(): end if end != -1 else len(body)].upper()


def _as_utf8(head: bytes) -> bytes:
    """UTF-16/32 feeds hide ASCII markup between NUL bytes; look at them as UTF-8 too."""
    head = head[:1_000_000]
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"<\x00", "utf-16-le"),
                     (b"\x00<", "utf-16-be")):
        if head.startswith(bom):
            return head.decode(enc, errors="ignore").encode("utf-8")
    return b""


def _looks_like_html(body: bytes, d) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and not d.get("version"))


def _bozo_reason(d) -> str:
    exc = d.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "unknown parse error"
