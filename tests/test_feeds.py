"""Parsing the 26 real feeds in ../shared and normalising their items."""
from datetime import datetime, timezone

import pytest

from core.config import Settings
from core.feeds import FeedError, check_date, parse_feed
from core.urls import canonical_url
from tests.conftest import shared_path

NOW = datetime(2026, 3, 1, tzinfo=timezone.utc)

# (file, number of items, a real title in it, its link, its published time in UTC)
REAL = [
    ("bbc_world.xml", 33, "US civil rights leader Jesse Jackson dies aged 84", "https://www.bbc.com/",
     None),
    ("nyt_world.xml", 57, None, "https://www.nytimes.com/", None),
    ("dw_all.xml", 141, "France arrests nine in right-wing activist's death", "https://www.dw.com/", None),
    ("japantoday_world.xml", 30, None, "https://japantoday.com/", None),
    ("allafrica_latest.xml", 32, None, "https://allafrica.com/", None),
    ("wsj_world_2025-01.xml", 20, "Palestinians Stream Back to Northern Gaza on Foot", None,
     datetime(2025, 1, 27, 19, 23, tzinfo=timezone.utc)),
]


def _parse(name):
    path = shared_path("data", "feeds", name)
    return parse_feed(path.read_bytes(), name.split(".")[0], f"https://example.org/{name}", now=NOW)


def test_every_shared_feed_parses_with_titles_links_and_utc_dates():
    feeds = sorted(shared_path("data", "feeds").glob("*.xml"))
    assert len(feeds) == 26
    total = 0
    for f in feeds:
        parsed = parse_feed(f.read_bytes(), f.stem, "https://example.org/" + f.name, now=NOW)
        assert parsed.items, f.name
        total += len(parsed.items)
        for a in parsed.items:
            assert a.title, f.name
            assert a.url is None or a.url.startswith("http"), a.url
            assert a.published.tzinfo is not None and a.published.utcoffset().total_seconds() == 0
            assert a.date_source in ("feed", "first-seen")
            assert "<" not in a.title or ">" not in a.title  # markup stripped
    assert total > 1100


@pytest.mark.parametrize("name, n, title, link_prefix, when", REAL)
def test_real_feed_items(name, n, title, link_prefix, when):
    parsed = _parse(name)
    assert len(parsed.items) == n
    if title:
        hit = [a for a in parsed.items if a.title == title]
        assert hit, f"{title!r} not in {name}"
        if when:
            assert hit[0].published == when and hit[0].date_source == "feed"
    if link_prefix:
        assert all(a.url.startswith(link_prefix) for a in parsed.items if a.url)
    assert len({a.id for a in parsed.items}) == len(parsed.items)


def test_duplicate_items_in_a_feed_are_skipped_with_a_reason():
    parsed = _parse("al-monitor.xml")
    assert any("duplicate" in s for s in parsed.skipped)


def _rss(items: str) -> bytes:
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def test_missing_future_and_ancient_dates_are_flagged_not_trusted():
    body = _rss("<item><title>no date</title><link>https://x.org/1</link></item>"
                "<item><title>future</title><link>https://x.org/2</link><pubDate>Tue, 01 Jan 2030 00:00:00 GMT</pubDate></item>"
                "<item><title>epoch</title><link>https://x.org/3</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>"
                "<item><title>ok</title><link>https://x.org/4</link><pubDate>Sun, 01 Feb 2026 10:00:00 +0200</pubDate></item>")
    items = {a.title: a for a in parse_feed(body, "X", "https://x.org/feed", now=NOW).items}
    assert items["no date"].date_source == "first-seen" and items["no date"].date_flag == "missing"
    assert items["no date"].published == NOW
    assert items["future"].date_flag.startswith("future") and items["future"].published == NOW
    assert items["epoch"].date_flag.startswith("implausible")
    assert items["ok"].published == datetime(2026, 2, 1, 8, 0, tzinfo=timezone.utc)
    assert items["ok"].date_source == "feed" and items["ok"].date_flag is None


def test_a_time_in_no_zone_keeps_only_its_day():
    # feedparser reads "10:00:00" with no zone as UTC; a Kyiv or Beijing clock would be hours off
    body = _rss("<item><title>bare</title><link>https://x.org/1</link><pubDate>2026-02-01T23:30:00</pubDate></item>"
                "<item><title>zoned</title><link>https://x.org/2</link><pubDate>Sun, 01 Feb 2026 23:30:00 -0500</pubDate></item>"
                # feedparser reads no date from this one: the date model still reads its day
                "<item><title>rfc</title><link>https://x.org/3</link><pubDate>Sun, 01 Feb 2026 23:30:00</pubDate></item>"
                "<item><title>junk</title><link>https://x.org/4</link><pubDate>soon</pubDate></item>")
    items = {a.title: a for a in parse_feed(body, "X", "https://x.org/feed", now=NOW).items}
    bare = items["bare"]
    assert (bare.published, bare.date_precision, bare.date_source) == (
        datetime(2026, 2, 1, tzinfo=timezone.utc), "date", "feed")
    assert bare.date_flag.startswith("time of day without a time zone")
    assert items["zoned"].published == datetime(2026, 2, 2, 4, 30, tzinfo=timezone.utc)
    assert (items["zoned"].date_precision, items["zoned"].date_flag) == ("exact", None)
    rfc = items["rfc"]
    assert (rfc.published, rfc.date_precision, rfc.date_source) == (datetime(2026, 2, 1, tzinfo=timezone.utc), "date", "feed")
    assert "time of day without a time zone" in rfc.date_flag
    junk = items["junk"]
    assert (junk.published, junk.date_source, junk.date_flag) == (NOW, "first-seen", "unreadable ('soon')")
    # a 12-hour clock with its zone is a time in a zone, as the date model reads it
    from core.feeds import _entry_precision
    assert _entry_precision("01 Feb 2026 10:00 PM EST") == ("exact", None)


def test_a_feed_time_of_midnight_is_a_date_on_the_day_written():
    # "00:00:00" is how many sites' feeds write a date without a time; as a time it would be the earliest
    # of its day and name a first report (the realworld Putin-Xi replay named TAG24 first this way)
    body = _rss("<item><title>mid</title><link>https://x.org/1</link><pubDate>Thu, 16 Jan 2026 00:00:00 +0300</pubDate></item>"
                "<item><title>gmt</title><link>https://x.org/2</link><pubDate>Thu, 16 Jan 2026 00:00:00 GMT</pubDate></item>"
                "<item><title>real</title><link>https://x.org/3</link><pubDate>Thu, 16 Jan 2026 00:00:30 GMT</pubDate></item>")
    items = {a.title: a for a in parse_feed(body, "X", "https://x.org/feed", now=NOW).items}
    for title in ("mid", "gmt"):   # +0300 midnight is 15 Jan 21:00 UTC: the day written is the 16th
        a = items[title]
        assert (a.published, a.date_precision, a.date_source, a.date_flag) == (
            datetime(2026, 1, 16, tzinfo=timezone.utc), "date", "feed", None)
    assert (items["real"].published, items["real"].date_precision) == (
        datetime(2026, 1, 16, 0, 0, 30, tzinfo=timezone.utc), "exact")


def test_items_without_usable_link_or_content_are_skipped():
    body = _rss("<item><title>js</title><link>javascript:alert(1)</link></item>"
                "<item><description>   </description></item>"
                "<item><title>guid only</title><guid>urn:x:1</guid></item>")
    parsed = parse_feed(body, "X", "https://x.org/feed", now=NOW)
    assert [a.title for a in parsed.items] == ["guid only"]
    assert any("not an http(s) URL" in s for s in parsed.skipped)


def test_markup_in_titles_becomes_plain_text():
    body = _rss("<item><title>&lt;img src=x onerror=alert(1)&gt; Talks &amp; tariffs</title>"
                "<link>https://x.org/1</link><description>&lt;p&gt;Lead &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description></item>")
    [a] = parse_feed(body, "X", "https://x.org/feed", now=NOW).items
    assert "onerror" not in a.title and a.title.endswith("Talks & tariffs")
    assert a.summary == "Lead bold"


@pytest.mark.parametrize("body, words", [
    (b"", "empty"),
    (b"<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>", "HTML page"),
    (b"<rss><channel><item><title>broken", "malformed"),
    (b"just some text", "malformed|not a feed"),
])
def test_unusable_feeds_raise_a_clear_error(body, words):
    with pytest.raises(FeedError, match=words):
        parse_feed(body, "X", "https://x.org/feed", now=NOW)


def test_charset_from_http_header_is_honoured():
    xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Т</title><item><title>Москва заявила</title><link>https://x.ru/1</link></item></channel></rss>'
    parsed = parse_feed(xml.encode("cp1251"), "X", "https://x.ru/feed", "application/rss+xml; charset=windows-1251", now=NOW)
    assert parsed.items[0].title == "Москва заявила"


def test_canonical_url_drops_tracking_and_fragments():
    assert canonical_url("HTTPS://WWW.Example.com:443/a/b?utm_source=rss&id=7#top") == "https://www.example.com/a/b?id=7"
    assert canonical_url("javascript:alert(1)") is None
    assert canonical_url("ftp://x.org/file") is None


def test_check_date_keeps_plausible_times():
    s = Settings()
    when = datetime(2026, 2, 28, tzinfo=timezone.utc)
    assert check_date(when, NOW, s) == (when, "feed", None, "exact")


def test_feed_dates_with_zone_words_and_odd_years_are_not_read_as_utc():
    def it(title, date):
        return f"<item><title>{title}</title><link>https://example.org/{title}</link><pubDate>{date}</pubDate></item>"
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
            + it("cest", "Wed, 03 Apr 2024 08:00:00 CEST") + it("msk", "Wed, 03 Apr 2024 08:00:00 MSK")
            + it("y0001", "Mon, 01 Jan 0001 00:00:00 GMT") + it("plus15", "Wed, 03 Apr 2024 08:00:00 +1500")
            + "</channel></rss>").encode()
    got = {a.title: a for a in parse_feed(body, "X", "https://example.org/rss", now=NOW).items}
    assert got["cest"].published == datetime(2024, 4, 3, 6, tzinfo=timezone.utc)
    assert got["msk"].published == datetime(2024, 4, 3, 5, tzinfo=timezone.utc)
    assert got["y0001"].date_source == "first-seen" and got["y0001"].date_flag.startswith("implausible")
    p15 = got["plus15"]   # feedparser read 2 April 17:00 UTC; the day written is 3 April, its clock in no zone
    assert (p15.published, p15.date_precision) == (datetime(2024, 4, 3, tzinfo=timezone.utc), "date")
    assert "without a time zone" in p15.date_flag


def test_invisible_and_control_characters_are_dropped_from_titles_and_names():
    # an RTL override and a zero-width space were stored in a title and an author; a title of control
    # characters was stored as three U+FFFD and its item kept as a story with that title
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
            '<item><title>RTL \u202eevil\u202c and zero\u200bwidth</title><link>https://x.org/1</link>'
            '<author>Jo\u202ehn\u200b Doe</author><description>Summary one</description></item>'
            '<item><title>&#x1;&#x2;&#x7;</title><link>https://x.org/2</link><description></description></item>'
            '<item><title>خبر\u200cها</title><link>https://x.org/3</link></item>'
            "</channel></rss>").encode()
    feed = parse_feed(body, "X", "https://x.org/rss", now=NOW)
    got = {a.url: a for a in feed.items}
    assert got["https://x.org/1"].title == "RTL evil and zerowidth"
    assert got["https://x.org/1"].author == "John Doe"
    assert "https://x.org/2" not in got and any("no title and no summary" in n for n in feed.skipped)
    assert got["https://x.org/3"].title == "خبر\u200cها"     # a zero-width non-joiner is Persian spelling, kept


@pytest.mark.parametrize("a, b, same", [
    ("http://x.org/n/1.html?utm_source=rss", "https://x.org/n/1.html", True),
    ("https://x.org/n/1", "https://x.org/n/1/", True),
    ("https://x.org/n/1.html", "https://x.org/amp/n/1.html", True),
    ("https://x.org/n/story", "https://x.org/n/story/amp", True),
    ("https://x.org/n/story.html", "https://amp.x.org/n/story.amp.html?amp=1", True),
    ("https://x.org/n/story", "https://x.org/n/story?outputType=amp", True),
    ("https://x.org/n/champion-amplifier", "https://x.org/n/champion", False),   # "amp" inside a word is a word
    ("https://x.org/n/1?id=1", "https://x.org/n/1?id=2", False),
    ("https://x.org/n/1", "https://y.org/n/1", False),
])
def test_same_page_key_joins_only_addresses_of_one_page(a, b, same):
    from core.urls import same_page_key
    assert (same_page_key(a) == same_page_key(b)) is same


def test_a_day_no_calendar_has_is_flagged_not_rolled_into_the_next_month():
    # feedparser reads "2026-02-30" as 2 March; the outlet wrote no such day
    body = _rss("<item><title>feb30</title><link>https://x.org/1</link><pubDate>2026-02-30</pubDate></item>"
                "<item><title>feb29</title><link>https://x.org/2</link><pubDate>2025-02-29T10:00:00Z</pubDate></item>"
                "<item><title>leap</title><link>https://x.org/3</link><pubDate>2024-02-29</pubDate></item>")
    items = {a.title: a for a in parse_feed(body, "X", "https://x.org/feed", now=NOW).items}
    for t in ("feb30", "feb29"):
        assert (items[t].published, items[t].date_source) == (NOW, "first-seen")
        assert items[t].date_flag.startswith("out of range")
    assert items["leap"].published == datetime(2024, 2, 29, tzinfo=timezone.utc)
    assert (items["leap"].date_source, items["leap"].date_flag) == ("feed", None)
