"""Coarse time evidence for articles whose publication time is missing or free text.

Clustering needs to tell apart two happenings of one kind years apart (two earthquakes on one island,
two elections in one country). Many imported articles carry no machine-readable date, but their
metadata or text still says roughly *when*:

  - a free-text publication field ("Posted : Nov 27, 2005 8 : 20 AM ET", "27 / 09 / 2013") names its year;
  - a text can only mention years up to the one it was written in, so the latest year it mentions is a
    floor on its publication year (give or take a next-year mention, which callers tolerate).

Only years are read: a free-text day is often an update time or a misparse, and a year is what separates
the similar happenings that text similarity cannot.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

# four-digit years 1900-2099 not glued to other digits ("2008", "2007-08", "Dec. 14, 2008"); not "$2008"
_YEAR = re.compile(r"(?<![\d$.,])(?:19|20)\d\d(?!\d|[.,]\d)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# a year inside a date: "Nov 27, 2005", "27 November 2005", "Tue March 3, 2009", "11 / 28 / 05", "08.07.2012",
# "2013 - 09 - 26", ISO; a bare year in a publication field is as often a line of text ("In 2008, ...")
_DATE_YEAR = re.compile(
    r"\b" + _MONTH + r"\s*\d{1,2}(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)\b"        # month day, year
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"\s*,?\s*((?:19|20)\d\d)\b"       # day month year
    r"|\b" + _MONTH + r"\s*,?\s*((?:19|20)\d\d)\b"                                   # month year
    r"|\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*((?:19|20)?\d\d)\b"                     # d/m/y, m/d/y
    r"|\b((?:19|20)\d\d)\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{1,2}(?!\d)",                    # y-m-d
    re.IGNORECASE)


def publication_year(published: Any) -> int | None:
    """The year of a publication time given as a datetime, an ISO string or a free-text date; None if none.

    In free text only years inside a date count, and the latest of them (a field may add "Updated ..." times).
    """
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.year
    years = []
    for groups in _DATE_YEAR.findall(str(published)):
        y = next(g for g in groups if g)
        years.append(int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 70 else 1900 + int(y)))
    return max(years) if years else None


def years_mentioned(text: str) -> list[int]:
    """Every year 1900-2099 a text mentions, in order."""
    return [int(y) for y in _YEAR.findall(text)]


def year_floor(text: str) -> int | None:
    """The latest year a text mentions: the article was written in that year or later (None if none)."""
    ys = _YEAR.findall(text)
    return int(max(ys)) if ys else None
