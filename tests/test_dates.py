"""Coarse time evidence: the year a free-text publication date names, and the years a text mentions."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from core.dates import publication_year, year_floor, years_mentioned


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
