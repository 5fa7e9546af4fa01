"""Coarse time evidence: the year a free-text publication date names, and the years a text mentions."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from core.dates import DateInfo, date_of, opening_date, parse_date, publication_year, year_floor, years_mentioned
from core.models import Article


@pytest.mark.parametrize("published, year", [
    ("Posted : Nov 27, 2005 8 : 20 AM ET Last Updated : Nov 27, 2005 8 : 10 PM ET", 2005),
    ("27 NOVEMBER, 2005", 2005),
    ("Tuesday 28 April 2009 22.34 BST", 2009),
    ("updated 8 : 41 p. m. EST, Tue March 3, 2009", 2009),
    ("December 15th, 2008, 7 : 35 am", 2008),
    ("11 / 28 / 05", 2005),                   # two-digit year of a numeric date
    ("Article posted on 08.07.2012 Joe Louis", 2012),
    ("2013 - 09 - 26 Parliament has 125 seats.", 2013),
    ("2021-07-16T14:30:00-07:00", 2021),
    ("UPDATED 05 / 03 / 2014 Originally published 05 / 03 / 2013", 2014),  # the latest date in the field
    ("In 2008, Klitschko stopped Thompson", None),   # a line of text, not a date
    ("APR 28", None),
    ("", None),
    (None, None),
])
def test_publication_year_reads_free_text_dates(published, year):
    assert publication_year(published) == year


def test_publication_year_of_a_datetime():
    assert publication_year(datetime(2019, 12, 31, 23, tzinfo=timezone.utc)) == 2019


def test_years_mentioned_skips_money_decimals_and_longer_numbers():
    text = "In 2008, on Dec. 14, 2008, after the 2007-08 season; $2010 raised, 1.2011 ratio, 20125 votes, 3,2012."
    assert years_mentioned(text) == [2008, 2008, 2007]


def test_year_floor_is_the_latest_year_mentioned():
    assert year_floor("He won in 1999 and again in 2003, retiring in 2001.") == 2003
    assert year_floor("No year here, only 5.6 magnitude and 10 dead.") is None


# -- the date model: parse_date ----------------------------------------------------------------------

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)


def utc(*a):
    return datetime(*a, tzinfo=timezone.utc)


@pytest.mark.parametrize("value, published, precision, kind", [
    ("2024-05-16", utc(2024, 5, 16), "date", "parsed"),                       # a day: never midnight
    ("2024-05-16T17:12:00+08:00", utc(2024, 5, 16, 9, 12), "exact", "parsed"),
    ("2024-05-15T20:41", utc(2024, 5, 15), "date", "parsed"),       # a time in no zone: only its day is certain
    ("2021-07-16T14:30:00Z", utc(2021, 7, 16, 14, 30), "exact", "parsed"),
    ("Mon, 16 Feb 2026 10:00:00 GMT", utc(2026, 2, 16, 10), "exact", "parsed"),  # RFC 2822, as RSS writes
    # a clock at exactly midnight where it was written is how feeds and pages write a date-only value:
    # its day as written (not the UTC day before), never the earliest time of that day
    ("Thu, 16 May 2024 00:00:00 +0300", utc(2024, 5, 16), "date", "parsed"),
    ("2024-05-16T00:00:00Z", utc(2024, 5, 16), "date", "parsed"),
    ("2024-05-16T00:00:00-05:00", utc(2024, 5, 16), "date", "parsed"),
    ("2024-05-16T00:00:01Z", utc(2024, 5, 16, 0, 0, 1), "exact", "parsed"),
    ("2024-05-16T03:00:00+03:00", utc(2024, 5, 16), "exact", "parsed"),   # midnight UTC, but 03:00 as written
    (datetime(2024, 5, 16), utc(2024, 5, 16), "date", "parsed"),          # a spreadsheet's date column
    (1715860000, utc(2024, 5, 16, 11, 46, 40), "exact", "parsed"),
    (1715860000000, utc(2024, 5, 16, 11, 46, 40), "exact", "parsed"),        # milliseconds
    ("2005", utc(2005, 1, 1), "year", "parsed"),
    (datetime(2020, 1, 2, 3, 4), utc(2020, 1, 2, 3, 4), "exact", "parsed"),
    ("Wednesday, July 28, 2004", utc(2004, 7, 28), "date", "guessed"),
    ("17 September 2013 - 21 : 29", utc(2013, 9, 17), "date", "guessed"),
    ("Posted : Nov 27, 2005 8 : 20 AM ET Last Updated : Nov 27, 2005 8 : 10 PM ET", utc(2005, 11, 27, 13, 20),
     "exact", "guessed"),                                                      # the posted time, Eastern
    ("Tuesday 28 April 2009 22.34 BST", utc(2009, 4, 28, 21, 34), "exact", "guessed"),
    ("updated 8 : 41 p. m. EST, Tue March 3, 2009", utc(2009, 3, 4, 1, 41), "exact", "guessed"),
    ("21 July 2013 Last updated at 11 : 11 GMT", utc(2013, 7, 21), "date", "guessed"),  # an update time is no publication time
    ("UPDATED 05 / 03 / 2014 Originally published 05 / 03 / 2013", utc(2013, 1, 1), "year", "guessed"),
    ("27 / 09 / 2013", utc(2013, 9, 27), "date", "guessed"),                  # only one reading is a date
    ("11 / 28 / 05", utc(2005, 11, 28), "date", "guessed"),
    ("March 2009", utc(2009, 1, 1), "year", "guessed"),
])
def test_parse_date_reads_what_corpora_carry_without_inventing_parts(value, published, precision, kind):
    info = parse_date(value, now=NOW)
    assert (info.published, info.precision, info.kind) == (published, precision, kind)
    assert info.source == "import"


@pytest.mark.parametrize("value, flag", [
    (None, "missing"),
    ("  ", "missing"),
    ("yesterday", "unreadable ('yesterday')"),                  # relative: it depends on a now the row lacks
    ("APR 28", "unreadable ('APR 28')"),                        # no year
    ("In 2008, Klitschko stopped Thompson", "unreadable"),     # a line of text, not a date
    ("0001-01-01T01:00:00+05:00", "out of range ('0001-01-01T01:00:00+05:00')"),   # OverflowError before
    ("9999-12-31T23:59:59-05:00", "out of range"),
    ("2024-13-45", "unreadable"),
    ("2030-01-01", "future ('2030-01-01')"),
    ("1750-06-01", "implausible ('1750-06-01')"),
    (10 ** 20, "out of range"),
    (float("nan"), "missing"),
    (True, "unreadable"),
    ("x" * 100_000 + " May 2, 2013", "unreadable"),             # a field that long is text: only its start is read
])
def test_parse_date_flags_what_it_cannot_read_and_never_raises(value, flag):
    info = parse_date(value, now=NOW)
    assert info.published is None and info.precision == "none" and info.kind == "missing"
    assert info.flag.startswith(flag)


def test_a_time_in_no_zone_is_a_flagged_date():
    info = parse_date("2024-05-16 12:25:45")
    assert (info.published, info.precision) == (utc(2024, 5, 16), "date")
    assert info.flag == "time of day without a time zone ('2024-05-16 12:25:45')" and info.kind == "parsed"
    zoned = parse_date("21 July 2013 11 : 11 GMT")
    assert (zoned.published, zoned.precision) == (utc(2013, 7, 21, 11, 11), "exact")


def test_a_day_or_a_year_is_in_the_future_only_once_all_of_it_is():
    assert parse_date("2026-03-01", now=NOW).precision == "date"
    assert parse_date("2026", now=NOW).precision == "year"
    assert parse_date("2026-03-01T12:30:00Z", now=NOW).flag.startswith("future")


def test_span_of_a_date_is_its_whole_day_and_a_year_is_no_time():
    day = parse_date("2024-05-16")
    start = utc(2024, 5, 16).timestamp()
    assert day.span() == (start, start + 86400)
    assert parse_date("2024-05-16T10:00:00Z").span() == (start + 36000,) * 2
    assert parse_date("2024").span() is None and parse_date("2024").year == 2024
    assert parse_date(None).span() is None and parse_date(None).year is None


def test_date_of_trusts_a_stored_precision_and_reads_raw_values():
    stored = {"published": utc(2024, 5, 16), "date_precision": "date", "date_source": "page"}
    assert date_of(stored) == DateInfo(utc(2024, 5, 16), "date", "page", None)
    raw = date_of({"published": "Wednesday, July 28, 2004"})
    assert (raw.published, raw.precision, raw.source) == (utc(2004, 7, 28), "date", "file")
    assert date_of({"published": None}).precision == "none"
    assert date_of(Article(id="a", published=utc(2024, 1, 1, 5))).precision == "exact"
    assert Article(id="b").date_precision == "none"


@pytest.mark.parametrize("raw, published, precision, flag", [
    # zone words email.utils does not know were read as UTC, hours off
    ("Wed, 03 Apr 2024 08:00:00 CEST", datetime(2024, 4, 3, 6, tzinfo=timezone.utc), "exact", None),
    ("Wed, 03 Apr 2024 08:00:00 MSK", datetime(2024, 4, 3, 5, tzinfo=timezone.utc), "exact", None),
    ("Wed, 03 Apr 2024 08:00:00 EDT", datetime(2024, 4, 3, 12, tzinfo=timezone.utc), "exact", None),
    ("Wed, 03 Apr 2024 08:00:00 +1400", datetime(2024, 4, 2, 18, tzinfo=timezone.utc), "exact", None),
    ("Wed, 03 Apr 2024 08:00:00 -1200", datetime(2024, 4, 3, 20, tzinfo=timezone.utc), "exact", None),
    # a zone word no one can place (IST: India, Ireland or Israel) and an offset no zone has: the day only
    ("Wed, 03 Apr 2024 08:00:00 IST", datetime(2024, 4, 3, tzinfo=timezone.utc), "date", "time of day without"),
    ("Wed, 03 Apr 2024 08:00:00 +1500", datetime(2024, 4, 3, tzinfo=timezone.utc), "date", "time of day without"),
    # a four-digit year below 100 was read as 2001
    ("Mon, 01 Jan 0001 00:00:00 GMT", None, "none", "implausible"),
    ("Tue, 31 Feb 2023 10:00:00 GMT", None, "none", "out of range"),
    # epoch 0 is the "no date" sentinel; nothing framelens reads predates it
    ("-86400", None, "none", "out of range"),
    (0, None, "none", "out of range"),
])
def test_rfc2822_zones_years_and_epochs_are_read_as_written(raw, published, precision, flag):
    info = parse_date(raw, source="import", now=datetime(2026, 3, 1, tzinfo=timezone.utc))
    assert (info.published, info.precision) == (published, precision), info
    assert (info.flag or "").startswith(flag or "") and (flag is not None) == (info.flag is not None), info


@pytest.mark.parametrize("text, day", [
    ("AFP |\nAug 24, 2023 06:09 PM IST\n\nUkraine said the crash was Moscow's doing.", "2023-08-24"),
    ("(Xinhua) 08:22, February 06, 2023\nBEIJING, Feb. 5 (Xinhua) -- The Chinese side …", "2023-02-06"),
    ("2m\n21 Dec 2023\nPrague shooting: what we know\nA gunman killed 14 people.", "2023-12-21"),
    ("BUENOS AIRES, Nov 19, 2023 (AFP) - Javier Milei won Argentina's run-off.", "2023-11-19"),
    ("MOSCOW, January 31, 2024. /TASS/. Russia's foreign ministry said …", "2024-01-31"),
    ("Published: 12 March 2024, 23:05 EST\nThe ministry said.", "2024-03-12"),   # the printed day, not UTC's
    ("Friday, April 19, 2024\nBarcelona lost 3-0.", "2024-04-19"),
])
def test_opening_date_reads_a_date_line_or_a_dated_dateline_as_a_flagged_day(text, day):
    info = opening_date(text, "import", now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert (info.published.date().isoformat(), info.precision, info.source) == (day, "date", "import")
    assert info.kind == "guessed" and "in the text's opening" in info.flag


@pytest.mark.parametrize("text", [
    "On the afternoon of May 16, 2024, President Xi met his guest.",    # a sentence's date may be the event's
    "Kherson, Ukraine, Tuesday, June 6, 2023. Ukraine on Tuesday said the dam was blown.",   # a caption's
    "BEIJING, Feb. 5 (Xinhua) -- The Chinese side …",                   # a dateline without its year
    "By John Smith, March 3, 2024\nThe text.",                          # a byline: words beside the date
    "Last updated on Mon 4 March 2024 10.05 GMT\nThe text.",            # an update is later than the report
    "Start: 04 Feb 2023 21:07 GMT\nEnd: 04 Feb 2023 23:00 GMT",         # a live page's schedule
    "March 2024\nThe text.", "04/05/2023\nThe text.", "Feb 30, 2023\nThe text.",
    "3 March 2030\nThe text.",                                          # the future: no date
    "A" * 130 + "\nMarch 3, 2024",                                      # after the story began
    "", "Headline\nSub\nMore\nStill more\nMarch 3, 2024",               # only the first four lines count
])
def test_opening_date_reads_nothing_it_cannot_stand_behind(text):
    assert opening_date(text, "import", now=datetime(2026, 1, 1, tzinfo=timezone.utc)) is None


def test_a_compact_day_is_that_day_not_epoch_seconds_in_1970():
    # "20240305" read as epoch seconds was 23 August 1970, an exact time, unflagged: a row that would be named first
    from core.corpus import row_date
    for raw in ("20240305", 20240305):
        info = row_date({"published": raw}, "import")
        assert (info.published, info.precision, info.flag) == (datetime(2024, 3, 5, tzinfo=timezone.utc), "date", None)
    assert row_date({"published": "20241399"}, "import").published is None          # no such day: not a 1970 time
    assert row_date({"published": "1709640000"}, "import").published.year == 2024   # epoch seconds still read
    assert row_date({"published": "2024"}, "import").precision == "year"
