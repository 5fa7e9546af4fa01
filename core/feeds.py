"""Feed parsing and normalisation: feed bytes in, Article records out."""
from __future__ import annotations

import calendar
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from urllib.parse import urljoin

import feedparser
from feedparser.encodings import convert_to_utf8

from . import dates
from .clean import strip_invisible
from .config import Settings
from .models import Article
from .urls import canonical_url, same_page_key

# feedparser resolves relative URIs and sanitizes HTML by default; both stay on.
_TAGS = re.compile(r"<[^>]+>")
# An entity declaration is how "billion laughs", quadratic blow-up and external-entity (XXE) attacks
# start; feeds have no use for them, so such a document is refused before any parser sees it.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_CDATA = re.compile(rb"<!\[CDATA\[.*?\]\]>", re.DOTALL)
_FIRST_ITEM = re.compile(rb"<(item|entry)[\s>/]", re.IGNORECASE)
# A character reference to something that is not an XML character (a lone surrogate, NUL, U+FFFE…)
# makes expat give up, and feedparser's loose parser then builds a string Python cannot encode.
_CHAR_REF = re.compile(rb"&#(x[0-9a-fA-F]+|[0-9]+);")
# What expat says when it gives up on entity tricks ("undefined entity", an HTML entity such as
# &nbsp; in a feed, is not one of them: the loose parser handles that one safely).
_SECURITY_WORDS = ("amplification", "recursive entity", "external entity", "binary entity", "parameter entity",
                   "entity declared")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")


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
    if not body or not body.strip():
        raise FeedError("empty response where a feed was expected")
    data, encoding_note = _as_parsed(body, content_type)
    if _declares_entities(body) or _declares_entities(data):
        raise FeedError("refused: the feed declares XML entities in a DOCTYPE "
                        "(entity expansion / external entity risk)")
    # Decoded here once, so the parser sees exactly the bytes that were checked; relative links are
    # resolved against the feed's own address.
    headers = {"content-type": "application/xml", "content-location": feed_url}
    try:
        d = feedparser.parse(_neutral_char_refs(data), response_headers=headers, resolve_relative_uris=True,
                             sanitize_html=True)
    except Exception as e:  # noqa: BLE001 - whatever the parser trips on is this feed's failure, not the run's
        raise FeedError(f"unreadable feed: the parser failed with {type(e).__name__}: {str(e)[:200]}") from None
    if d.get("bozo") and _refused_for_security(d):
        raise FeedError(f"refused: the XML parser stopped on an entity problem ({_bozo_reason(d)})")
    if encoding_note and not d.get("bozo"):
        d["bozo"], d["bozo_exception"] = True, encoding_note
    if not d.entries:
        if _looks_like_html(body, d):
            raise FeedError("not a feed: the URL returned an HTML page")
        if _looks_like_json(body):
            raise FeedError("not a feed framelens reads: the URL returned JSON (a JSON Feed?); give the outlet's "
                            "RSS or Atom feed instead")
        if d.get("bozo"):
            raise FeedError(f"malformed feed: {_bozo_reason(d)}")
        if not d.get("version"):
            raise FeedError("not a feed: no RSS, Atom or RDF content found")
    out = ParsedFeed(title=_cap(_clean(d.feed.get("title")), s.max_title_chars)[0])
    if d.get("bozo") and d.entries:
        out.warnings.append(f"feed parsed with errors: {_bozo_reason(d)}")
    seen: set[str] = set()
    pages: dict[str, int] = {}   # same_page_key -> the item that first gave it
    cut = 0
    for n, entry in enumerate(d.entries, 1):
        try:
            art, was_cut = normalise_entry(entry, outlet, feed_url, now, s)
        except ValueError as e:
            out.skipped.append(f"item {n}: {e}")
            continue
        except Exception as e:  # noqa: BLE001 - one strange item is skipped, its neighbours are kept
            out.skipped.append(f"item {n}: unreadable ({type(e).__name__}: {str(e)[:120]})")
            continue
        if art.id in seen:
            out.skipped.append(f"item {n}: duplicate of an earlier item ({art.guid or art.url})")
            continue
        key = same_page_key(art.url)
        if key is not None and key in pages:
            out.skipped.append(f"item {n}: the same page as item {pages[key]} under another address ({art.url})")
            continue
        cut += was_cut
        seen.add(art.id)
        if key is not None:
            pages[key] = n
        out.items.append(art)
    if cut:
        out.warnings.append(f"{cut} item(s) had a field longer than its cap; it was cut")
    if not out.items and d.get("bozo"):
        raise FeedError(f"malformed feed: {_bozo_reason(d)}")
    return out


def normalise_entry(entry, outlet: str, feed_url: str, now: datetime, s: Settings) -> tuple[Article, bool]:
    """One feed entry as an Article (dates checked rather than trusted, fields capped), and whether a
    field had to be cut to its cap."""
    raw_link = (entry.get("link") or _alternate_link(entry) or "").strip()
    guid = (entry.get("id") or entry.get("guid") or "").strip() or None
    # Relative and protocol-relative links ("/news/1", "//cdn.example/1") name a page on the feed's site.
    link = canonical_url(urljoin(feed_url, raw_link)) if raw_link else None
    if link and len(link) > s.max_field_chars:
        raise ValueError(f"link is {len(link):,} characters long (more than {s.max_field_chars:,})")
    # feedparser copies a non-URL GUID into `link`; only a link of the feed's own making is suspect.
    if not link and raw_link and raw_link != guid:
        raise ValueError(f"link {raw_link[:80]!r} is not an http(s) URL")
    if not link and not guid:
        raise ValueError("no link and no GUID")
    if guid and len(guid) > s.max_field_chars:
        guid = hashlib.sha1(guid.encode("utf-8", "replace")).hexdigest() if not link else None
    title, cut_title = _cap(_clean(entry.get("title")), s.max_title_chars)
    summary, cut_summary = _cap(_clean(entry.get("summary") or entry.get("description")), s.max_text_chars)
    if not title and not summary:
        raise ValueError("no title and no summary")
    author, cut_author = _cap(_clean(entry.get("author")), s.max_field_chars)
    categories = [c for c in (_cap(_clean(t.get("term")), 200)[0] for t in entry.get("tags", [])) if c][:20]
    raw_date = _raw_date(entry)
    info = dates.parse_date(raw_date, source="feed") if raw_date else None     # read once, used by every check below
    precision, zone_flag = _entry_precision(raw_date, info)
    day = _entry_day(info) if precision == "date" else None
    impossible = _impossible(info)
    parsed = None if impossible else day or _entry_exact(info) or _entry_time(entry)
    published, source, flag, precision = check_date(parsed, now, s, precision)
    if impossible:
        flag = impossible
    flag = zone_flag if source == "feed" else flag
    if source == "first-seen" and flag == "missing" and raw_date:
        # a date feedparser cannot read ("Sun, 01 Feb 2026 23:30:00", no zone): the date model reads
        # what it can, to the day at least, rather than the first-seen time
        info = dates.parse_date(raw_date, source="feed", now=now, oldest_year=s.oldest_year,
                                future_skew=timedelta(minutes=s.future_skew_minutes))
        if info.published is not None:
            published, source, flag, precision = info.published, "feed", info.flag, info.precision
        else:
            flag = info.flag
    art = Article(
        id=article_id(outlet, link, guid), outlet=outlet, title=title or "", summary=summary or "",
        text="", url=link, guid=guid, feed_url=feed_url, author=author, categories=categories,
        published=published, date_precision=precision, date_source=source, date_flag=flag, first_seen=now,
        language=language_tag(entry.get("language")), text_status="pending")
    return art, bool(cut_title or cut_summary or cut_author)


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
    if precision == "date":            # a day is stored at 00:00 UTC, never kept as a time
        dt = datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc)
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


def _impossible(info: dates.DateInfo | None) -> str | None:
    """The date model's flag for a day no calendar has ("2026-02-30", "31 Feb"): feedparser rolls it over into
    the next month (2 March), a date the outlet never wrote, so the item is dated when first seen instead."""
    return info.flag if info is not None and info.published is None and (info.flag or "").startswith("out of range") \
        else None


def _entry_exact(info: dates.DateInfo | None) -> datetime | None:
    """The time as the date model reads it, when it reads an exact one: feedparser takes a zone word it does
    not know ("CEST", "MSK") as UTC, hours off, where core.dates knows it or leaves the time zoneless."""
    return info.published if info is not None and info.precision == "exact" and info.flag is None else None


def _entry_day(info: dates.DateInfo | None) -> datetime | None:
    """The day as written: feedparser turns "16 May 2024 00:00:00 +0300" into 15 May 21:00 UTC, a day early."""
    return info.published if info is not None and info.precision == "date" else None


def _raw_date(entry) -> str | None:
    """The entry's date as written (published, else updated or created)."""
    return next((str(entry[k]) for k in ("published", "updated", "created") if entry.get(k)), None)


def _entry_precision(raw: str | None, info: dates.DateInfo | None = None) -> tuple[str, str | None]:
    """("date", None) when the entry's raw date carries no time of day ("2026-02-16"); ("date", flag) when
    its time is in no zone (feedparser reads that as UTC, hours off for a Kyiv or Beijing site's clock), as the
    date model (core.dates) reads it (`info`, when the caller has read it already); else ("exact", None)."""
    if not raw:
        return "exact", None
    if not re.search(r"\d:\d\d", raw):
        return "date", None
    info = info or dates.parse_date(raw, source="feed")
    if info.flag and dates.ZONELESS in info.flag:
        return "date", f"{dates.ZONELESS} ({raw[:60]!r})"
    if info.precision == "date":    # a clock at exactly 00:00:00: a date-only value written as midnight
        return "date", None
    return "exact", None


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
    text = re.sub(r"\s+", " ", strip_invisible(text) or "").strip()
    return text or None


def _as_parsed(body: bytes, content_type: str | None) -> tuple[bytes, Exception | None]:
    """The feed as the UTF-8 bytes the parser will read (feedparser's own choice of encoding, from the
    HTTP header, BOM, XML declaration or sniffing: UTF-16/32 with or without BOM, EBCDIC…), and its
    note when the declared encoding was wrong."""
    info: dict = {}
    data = convert_to_utf8({"content-type": content_type} if content_type else {}, body, info)
    note = info.get("bozo_exception") if info.get("encoding") else None
    # A non-XML media type is no reason to doubt the text; only a wrong or unknown charset is worth a note.
    note = note if note is not None and "encoding" in type(note).__name__.lower() else None
    used = (info.get("encoding") or "").lower().replace("-", "").replace("_", "")
    if note is not None or used in _ANY_BYTES:
        # The declared charset failed, or is one that decodes any bytes at all: a Russian or Chinese feed
        # labelled UTF-8 or ISO-8859-1 would be stored as mojibake ("Íîâîñòè"). Only a non-Latin script
        # the detector is sure of replaces feedparser's Latin fallback (Latin text it mistakes for cp1250).
        found, doubt = _detected(body)
        declared = getattr(note, "args", [""])[0] if note is not None else f"declared as {info.get('encoding')}"
        declared = str(declared).split(",")[0]
        if found is not None and found.replace("_", "") != used:
            info2: dict = {}
            data2 = convert_to_utf8({"content-type": f"application/xml; charset={found}"}, body, info2)
            if not info2.get("bozo"):
                return data2, WrongCharset(f"{declared}, but read as {found} (detected from the bytes)")
        if doubt:
            # Not sure enough to change it, sure enough to say the text may be garbled.
            return data, WrongCharset(f"{declared} and read as {info.get('encoding')}, but the bytes read as cleanly "
                                      f"in {' or '.join(doubt)}: titles may be garbled")
    return data, note


# Charsets that decode every byte, so a wrong label never fails: the text is checked against the detector.
_ANY_BYTES = {"iso88591", "latin1", "windows1252", "cp1252", "iso88592", "windows1250", "cp1250"}
# Non-Latin charsets the detector may choose among (Latin ones it confuses with one another).
_NON_LATIN = ("cp1251", "koi8_r", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp1253", "cp1255", "cp1256",
              "cp874")


class WrongCharset(Exception):
    """The note for a feed whose declared charset was wrong and whose charset was detected instead."""


def _detected(body: bytes) -> tuple[str | None, list[str]]:
    """The non-Latin charset a feed's bytes are in, when the detector is sure of one (else None), and the
    non-Latin charsets it could not choose among (else []).

    Sure means: of the readings about as clean as the best (chaos within 0.02), exactly one spells its
    letters in one script, and it is a non-Latin charset. Short CJK titles read as cleanly in several
    charsets (GB2312 bytes as EUC-KR give Hanja mixed with Hangul): then nothing is chosen."""
    if body.isascii():
        return None, []
    try:
        from charset_normalizer import from_bytes
        found = list(from_bytes(body[:200_000], cp_isolation=["cp1252", "cp1250", *_NON_LATIN]))
    except Exception:  # noqa: BLE001 - no detection is no change
        return None, []
    if not found:
        return None, []
    best = min(m.chaos for m in found)
    if best > 0.1:
        return None, []
    clean = [m for m in found if m.chaos <= best + 0.02 and _one_script(str(m))]
    if len(clean) == 1 and clean[0].encoding in _NON_LATIN:
        return clean[0].encoding, []
    if any(m.encoding not in _NON_LATIN for m in clean):   # a clean Latin reading: no reason to doubt it
        return None, []
    return None, [m.encoding for m in clean]


def _one_script(text: str) -> bool:
    """Whether the non-ASCII letters of a text are all of one script (Han, kana and Hangul as one for
    Japanese, but Hangul apart from Han: Korean news is written in Hangul)."""
    import unicodedata
    scripts = set()
    for ch in set(text):
        if ord(ch) < 128 or not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        first = name.split(" ")[0]
        scripts.add("HAN" if first.startswith(("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH")) else first)
    return len(scripts) == 1


def _declares_entities(data: bytes) -> bool:
    """Whether the document declares an entity anywhere a parser would honour it: everywhere but the
    CDATA sections of items (where an article about XML may quote one)."""
    first = _FIRST_ITEM.search(data)
    if first is None:
        return bool(_ENTITY.search(data))
    head, rest = data[:first.start()], data[first.start():]
    return bool(_ENTITY.search(head)) or bool(_ENTITY.search(_CDATA.sub(b"", rest)))


def _neutral_char_refs(data: bytes) -> bytes:
    """Character references to non-characters (&#xD800;, &#0;, &#xFFFE;…) become U+FFFD."""
    def fix(m: re.Match) -> bytes:
        ref = m.group(1)
        try:
            n = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        except ValueError:
            return b"&#xFFFD;"
        ok = n in (0x9, 0xA, 0xD) or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF
        return m.group(0) if ok else b"&#xFFFD;"
    return _CHAR_REF.sub(fix, data) if b"&#" in data else data


def _refused_for_security(d) -> bool:
    """Whether the strict parser gave up because of entities (then nothing parsed loosely is kept)."""
    exc = d.get("bozo_exception")
    msg = str(exc).lower() if exc is not None else ""
    return type(exc).__name__ == "SAXParseException" and any(w in msg for w in _SECURITY_WORDS)


def _cap(text: str | None, limit: int) -> tuple[str | None, bool]:
    """Text cut to `limit` characters (with an ellipsis) and whether it was cut."""
    if text is None or len(text) <= limit:
        return text, False
    return text[:max(limit - 1, 0)].rstrip() + "…", True


def language_tag(value) -> str | None:
    """A language tag as given ("en", "en-US"), or None when it is not one."""
    v = str(value or "").strip()
    return v if len(v) <= 16 and _LANGUAGE.match(v) else None


def _looks_like_html(body: bytes, d) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and not d.get("version"))


def _looks_like_json(body: bytes) -> bool:
    """Whether a body is a JSON document (an object or array), whatever its Content-Type says."""
    head = body[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"{", b"["))


def _bozo_reason(d) -> str:
    exc = d.get("bozo_exception")
    return f"{type(exc).__name__}: {exc}" if exc else "unknown parse error"
