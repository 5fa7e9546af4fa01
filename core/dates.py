"""The one date model: every publication time in framelens is a value, a precision and a source.

    published   UTC datetime or None
    precision   "exact" (a time of day), "date" (a day: stored at 00:00 UTC, never compared as a time),
                "year" (only the year is known: stored at 1 January 00:00 UTC) or "none"
    source      "feed", "page", "import", "file" (a batch command's input) or "first-seen"
    flag        None, or a short reason: why the date is missing, guessed or not trusted

`parse_date` reads any value a feed, page, corpus row or file can carry: datetimes, ISO 8601, epoch
numbers and free text ("Wednesday, July 28, 2004", "17 September 2013 - 21 : 29", "Posted : Nov 27, 2005
8 : 20 AM ET"). Free text is read by finding the date in it and handing that span to dateutil; what a
text leaves open (no time, no day) lowers the precision instead of being filled in, and a day/month order
that cannot be told ("05 / 03 / 2014") keeps only the year. A clock at exactly 00:00:00 where it was written
is a date on that day: it is how feeds and pages write a date without a time. A time of day without a time zone
("2024-02-16T14:46", "17 September 2013 - 21 : 29") is a date, flagged: read as UTC it could be hours
off (a Kyiv or Beijing site's clock), enough to name a wrong first report. Relative phrases ("yesterday") are never read:
they depend on a "now" the row does not carry. A value that cannot be read, lies outside the calendar or
before `oldest_year`, or lies in the future, gives no date and a flag naming the raw value; the row is kept.

Clustering also needs coarse time evidence for undated articles (two earthquakes on one island years
apart): `publication_year` and `year_floor` read years, the latter the latest year a text mentions, a
floor on when it was written.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from .models import get

PRECISIONS = ("exact", "date", "year", "none")
SOURCES = ("feed", "page", "import", "file", "first-seen")
GUESSED = "read from free text"   # prefix of the flag of a date read from free text
ZONELESS = "time of day without a time zone"   # flag of a date whose time was given in no zone
OLDEST_YEAR = 1800                # research corpora reach back; nothing framelens reads is older
FUTURE_SKEW = timedelta(minutes=15)


@dataclass(frozen=True)
class DateInfo:
    """One publication time with its precision, source and flag (see the module docstring)."""

    published: datetime | None
    precision: str
    source: str
    flag: str | None = None

    @property
    def kind(self) -> str:
        """How the date was had (see date_kind)."""
        return date_kind(self.published, self.flag)

    def span(self) -> tuple[float, float] | None:
        """The stretch of time (epoch seconds, end exclusive) the value stands for; None unless exact or date.

        A date-only value covers its whole UTC day, so it is never taken as midnight.
        """
        if self.published is None or self.precision not in ("exact", "date"):
            return None
        t = self.published.timestamp()
        return (t, t) if self.precision == "exact" else (t, t + 86400.0)

    @property
    def year(self) -> int | None:
        """The publication year, when the value says it."""
        return self.published.year if self.published is not None and self.precision != "none" else None


def date_kind(published: datetime | None, flag: str | None) -> str:
    """How a date was had: "parsed" (machine-readable), "guessed" (read from free text) or "missing"."""
    if published is None:
        return "missing"
    return "guessed" if (flag or "").startswith(GUESSED) else "parsed"


def _raw(value: Any) -> str:
    """A raw value shortened for a flag."""
    s = re.sub(r"\s+", " ", str(value)).strip()
    return repr(s if len(s) <= 60 else s[:57] + "...")


def _utc(dt: datetime) -> datetime:
    """A timezone-aware UTC datetime; naive times are taken as UTC, as the store writes them."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def _timed(dt: datetime) -> tuple[datetime, str]:
    """A written time of day in UTC as exact, or its day when the clock reads exactly 00:00:00 where it was
    written: feeds and pages write a date-only value as midnight ("Thu, 16 May 2024 00:00:00 +0000"), and
    read as a time it would be the earliest of its day and name a "first to report" that no one can back."""
    if (dt.hour, dt.minute, dt.second, dt.microsecond) == (0, 0, 0, 0):
        return datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc), "date"
    return _utc(dt), "exact"


def parse_date(value: Any, source: str = "import", now: datetime | None = None,
               oldest_year: int = OLDEST_YEAR, future_skew: timedelta = FUTURE_SKEW) -> DateInfo:
    """Read a publication time from any value; never raises, never guesses a missing part."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return DateInfo(None, "none", source, "missing")
    if isinstance(value, float) and math.isnan(value):
        return DateInfo(None, "none", source, "missing")
    try:
        dt, precision, guessed = _read(value)
    except (ValueError, OverflowError, OSError, TypeError) as e:
        reason = "out of range" if isinstance(e, (OverflowError, OSError)) or "range" in str(e) else "unreadable"
        return DateInfo(None, "none", source, f"{reason} ({_raw(value)})")
    if dt is None:
        return DateInfo(None, "none", source, f"unreadable ({_raw(value)})")
    flag = f"{GUESSED} ({_raw(value)})" if guessed else None
    if precision == "local":          # a clock reading in no known zone: only its day is certain
        dt, precision = datetime(dt.year, dt.month, dt.day, tzinfo=timezone.utc), "date"
        flag = f"{flag}; {ZONELESS}" if flag else f"{ZONELESS} ({_raw(value)})"
    return check_date(DateInfo(dt, precision, source, flag), now, oldest_year, future_skew, raw=value)


def check_date(info: DateInfo, now: datetime | None = None, oldest_year: int = OLDEST_YEAR,
               future_skew: timedelta = FUTURE_SKEW, raw: Any = None) -> DateInfo:
    """The same date if plausible, else no date with a flag naming the value (future or too old)."""
    if info.published is None:
        return info
    now = now or datetime.now(timezone.utc)
    shown = _raw(raw) if raw is not None else info.published.isoformat()
    # a day or a year is in the future only once the whole of it is
    late = {"exact": future_skew, "date": timedelta(days=1), "year": timedelta(days=366)}.get(info.precision)
    if late is not None and info.published > now + late:
        return DateInfo(None, "none", info.source, f"future ({shown})")
    if info.published.year < oldest_year:
        return DateInfo(None, "none", info.source, f"implausible ({shown})")
    return info


def _read(value: Any) -> tuple[datetime | None, str, bool]:
    """(UTC datetime, precision, read from free text) of a raw value; raises on values out of range.
    Precision "local" is a time of day written in no zone (its datetime is that clock reading)."""
    if isinstance(value, datetime):
        return *_timed(value), False
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc), "date", False
    if isinstance(value, bool):
        raise TypeError("a boolean is no date")
    if isinstance(value, (int, float)):
        return _read_number(float(value))
    s = str(value).strip()
    if _NUMBER.fullmatch(s):
        return _read_number(float(s))
    iso = _read_iso(s) or _read_rfc2822(s)
    if iso is not None:
        return iso[0], iso[1], False
    dt, precision = _read_text(s)
    return dt, precision, True


_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _read_number(x: float) -> tuple[datetime, str, bool]:
    """A bare year (1800-2200), a compact day (YYYYMMDD) or epoch seconds / milliseconds."""
    if x.is_integer() and 1000 <= x <= 2999:
        return datetime(int(x), 1, 1, tzinfo=timezone.utc), "year", False
    if x.is_integer() and 19000101 <= x <= 21001231:
        # "20240305" is 5 March 2024 (ISO 8601's basic form, as exports and URLs write a day); as epoch seconds it would
        # be August 1970, a time no news archive holds
        n = int(x)
        try:
            return datetime(n // 10000, n // 100 % 100, n % 100, tzinfo=timezone.utc), "date", False
        except ValueError:
            raise ValueError(f"{n} is no day (YYYYMMDD) and no plausible epoch time") from None
    if abs(x) >= 1e11:   # milliseconds since the epoch (what JavaScript writes)
        x /= 1000.0
    if x <= 0:           # 0 is the classic "no date" sentinel; nothing framelens reads predates the epoch
        raise ValueError("epoch seconds at or before 1970-01-01 are out of range")
    return datetime.fromtimestamp(x, tz=timezone.utc), "exact", False


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_ISO_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}[T ]\d{2}(?::?\d{2})?(?::?\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?",
                       re.IGNORECASE)


def _read_iso(s: str) -> tuple[datetime, str] | None:
    """An ISO 8601 date or date-time, or None when the string is something else."""
    if _ISO_MONTH.fullmatch(s):   # "2024-02": a month, and a month is no day; the year is what it gives
        if not 1 <= int(s[5:]) <= 12:
            raise ValueError(f"month out of range: {s}")
        return datetime(int(s[:4]), 1, 1, tzinfo=timezone.utc), "year"
    if _ISO_DATE.fullmatch(s):
        d = date.fromisoformat(s if "-" in s else f"{s[:4]}-{s[4:6]}-{s[6:]}")
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc), "date"
    if not _ISO_TIME.fullmatch(s):
        return None
    t = s.replace(" Z", "Z").replace(" +", "+").replace(" -", "-")
    if t[-1:] in "Zz":
        t = t[:-1] + "+00:00"
    dt = datetime.fromisoformat(t)
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc), "local"
    return _timed(dt)


_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+"
                      r"([+-]\d{4}|[A-Za-z]{1,5})")
# The most a real zone is off UTC (Kiribati's +14:00, Baker Island's -12:00); beyond it the offset is no zone.
_MAX_OFFSET = timedelta(hours=14)


def _read_rfc2822(s: str) -> tuple[datetime, str] | None:
    """An RFC 2822 date-time, as RSS writes them ("Mon, 16 Feb 2026 10:00:00 GMT"), or None.

    Read by hand: email.utils takes any zone word it does not know ("MSK", "CEST", "IST") as UTC, hours
    off, and a four-digit year below 100 ("0001") as 2001. A zone word we know is used; one we do not,
    and an offset no zone has (+1500), leave a clock reading in no zone ("local")."""
    m = _RFC2822.fullmatch(s)
    if not m:
        return None
    day, mon, year, hour, minute, second, zone = m.groups()
    month = _MONTHS.get(mon.lower())
    if month is None:
        raise ValueError(f"unknown month {mon!r}")
    local = datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    if zone[0] in "+-":
        off = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
        if off > _MAX_OFFSET or int(zone[3:5]) > 59:
            return local.replace(tzinfo=timezone.utc), "local"
        off = off if zone[0] == "+" else -off
        return _timed(local.replace(tzinfo=timezone(off)))
    z = zone.lower()
    if z in _TZ_NAMES:
        return _timed(local.replace(tzinfo=timezone(timedelta(hours=_TZ_NAMES[z]))))
    return local.replace(tzinfo=timezone.utc), "local"


MONTH_ABBRS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: n for n, m in enumerate(MONTH_ABBRS, 1)}


# -- free text ---------------------------------------------------------------------------------------

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2\d)\d\d"
# a date inside running text: "Nov 27, 2005", "27 November 2005", "Tue March 3, 2009", "11/28/05",
# "08.07.2012", "2013-09-26"; "March 2009" names a month only
_DATE_SPANS = [
    ("mdy", re.compile(rf"\b{_MONTH}\s*{_DAY}\s*[,\-]?\s*{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\s*,?\s*{_YEAR}\b", re.I)),
    ("ymd", re.compile(rf"\b{_YEAR}\s*([-/.])\s*\d{{1,2}}\s*\1\s*\d{{1,2}}(?!\d)")),
    ("num", re.compile(rf"(?<![\d.])\d{{1,2}}\s*([/.\-])\s*\d{{1,2}}\s*\1\s*(?:{_YEAR}|\d\d)(?![\d])")),
    ("my", re.compile(rf"\b{_MONTH}\s*,?\s*{_YEAR}\b", re.I)),
]
_TZ_NAMES = {
    "utc": 0, "gmt": 0, "z": 0, "ut": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9,
    "hkt": 8, "sgt": 8, "aest": 10, "aedt": 11, "pkt": 5, "wib": 7, "akst": -9, "akdt": -8, "hst": -10,
}
# US zones written without standard/daylight: the offset depends on the date
_TZ_REGIONS = {"et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles"}
_TZ = r"(?:(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|" + "|".join(
    sorted(list(_TZ_NAMES) + list(_TZ_REGIONS), key=len, reverse=True)) + r")\b"
_CLOCK = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?|\d{1,2}[.]\d{2}(?=\s*(?:[ap]\.?\s*m\b|" \
         + _TZ + r"|$))(?:\s*[ap]\.?\s*m\b\.?)?|\d{1,2}\s*[ap]\.?\s*m\b\.?"
_TIME_AFTER = re.compile(rf"^[\s,\-–|@]*(?:at\s+)?({_CLOCK})(?:\s*\(?({_TZ})\)?)?", re.I)
_TIME_BEFORE = re.compile(rf"({_CLOCK})(?:\s*\(?({_TZ})\)?)?[\s,\-–|]*(?:on\s+)?(?:\w+\.?,?\s*)?$", re.I)
# "Posted ... Updated ...": the publication time is the posted/published one, else the first
_LABEL = re.compile(r"\b(?:(?:originally\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified|edited))\b", re.I)


def _read_text(s: str) -> tuple[datetime | None, str]:
    """A date written in running text, or (None, "none") when none can be read without guessing."""
    if len(s) > 300:
        s = s[:300]   # a publication field that long is text, and the date is at its start if anywhere
    segments = _segments(s)
    for seg in segments:
        found = _date_in(seg)
        if found is not None:
            return found
    return None, "none"


def _segments(s: str) -> list[str]:
    """The field cut at its labels, the posted/published part first."""
    cuts = [m.start() for m in _LABEL.finditer(s)]
    if not cuts:
        return [s]
    parts = [s[a:b] for a, b in zip([0] + cuts, cuts + [len(s)]) if s[a:b].strip()]
    first = [p for p in parts if re.match(r"\s*(?:originally\s+)?(?:published|posted)", p, re.I)]
    return first + [p for p in parts if p not in first]


def _date_in(seg: str) -> tuple[datetime, str] | None:
    """The first date in one segment, with the time next to it if there is one."""
    from dateutil import parser as du

    for kind, rx in _DATE_SPANS:
        m = rx.search(seg)
        if m is None:
            continue
        text = re.sub(r"\s+", " ", m.group(0))
        dayfirst = False
        if kind in ("ymd", "num"):
            nums = [int(x) for x in re.findall(r"\d+", text)]
            if kind == "ymd":
                y, mo, d = nums
                text = f"{y:04d}-{mo:02d}-{d:02d}"
            else:
                a, b, y = nums
                if a > 12 or (b <= 12 and m.group(1) == "."):   # 27/09/2013; dotted dates are day first
                    d, mo = a, b
                elif b > 12:
                    mo, d = a, b
                elif a != b:
                    # 05/03/2014: March or May? Only the year is certain.
                    return datetime(_full_year(y), 1, 1, tzinfo=timezone.utc), "year"
                else:
                    d = mo = a
                text = f"{_full_year(y):04d}-{mo:02d}-{d:02d}"
        if kind == "my":
            return datetime(du.parse(text).year, 1, 1, tzinfo=timezone.utc), "year"
        day = du.parse(text, dayfirst=dayfirst)
        clock = _TIME_AFTER.match(seg[m.end():]) or _TIME_BEFORE.search(seg[:m.start()])
        if clock is None:
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc), "date"
        hm = _clock(clock.group(1))
        if hm is None:
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc), "date"
        local = datetime(day.year, day.month, day.day, *hm)
        if not clock.group(2):
            return local.replace(tzinfo=timezone.utc), "local"
        return _zoned(local, clock.group(2)), "exact"
    return None


def _full_year(y: int) -> int:
    """A two-digit year read the way news dates mean it (70-99: 1900s)."""
    if y >= 100:
        return y
    return 2000 + y if y < 70 else 1900 + y


def _clock(text: str) -> tuple[int, int] | None:
    """(hour, minute) of "8 : 20 AM", "22.34", "7:35 am", "9 p.m."; None when out of range."""
    t = re.sub(r"\s+", "", text.lower()).replace(".", ":").rstrip(":")
    pm, am = re.search(r":?p:?m:?$", t), re.search(r":?a:?m:?$", t)
    t = re.sub(r":?[ap]:?m:?$", "", t)
    parts = [int(x) for x in re.split(r"[:h]", t) if x]
    h, mi = parts[0], (parts[1] if len(parts) > 1 else 0)
    if pm and h < 12:
        h += 12
    if am and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return h, mi


def _zoned(local: datetime, tz: str | None) -> datetime:
    """A local time in a named zone or offset, as UTC; no zone means UTC."""
    if not tz:
        return local.replace(tzinfo=timezone.utc)
    z = re.sub(r"\s+", "", tz.lower())
    if z in _TZ_NAMES:
        return (local - timedelta(hours=_TZ_NAMES[z])).replace(tzinfo=timezone.utc)
    if z in _TZ_REGIONS:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            return local.replace(tzinfo=ZoneInfo(_TZ_REGIONS[z])).astimezone(timezone.utc)
        except ZoneInfoNotFoundError:   # no tz database on this machine: standard time is close enough
            return (local - timedelta(hours={"et": -5, "ct": -6, "mt": -7, "pt": -8}[z])).replace(tzinfo=timezone.utc)
    m = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", z)
    if m:
        off = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return (local - off if m.group(1) == "+" else local + off).replace(tzinfo=timezone.utc)
    return local.replace(tzinfo=timezone.utc)


def date_of(article: Any, source: str = "file") -> DateInfo:
    """The date model of an article (a mapping or an Article): a datetime with its stored precision (exact
    when none is stored), else its raw `published` value read by parse_date (batch files carry those)."""
    value = get(article, "published")
    precision = get(article, "date_precision")
    if value is None or isinstance(value, datetime):
        # a datetime has been through the date model already (or was made by a program): no re-checks
        dt = _utc(value) if value is not None else None
        precision = (precision if precision in PRECISIONS else "exact") if dt is not None else "none"
        return DateInfo(dt, precision, get(article, "date_source", source), get(article, "date_flag"))
    return parse_date(value, source=get(article, "date_source", source))


# -- years, for undated articles ---------------------------------------------------------------------

# four-digit years 1900-2099 not glued to other digits ("2008", "2007-08", "Dec. 14, 2008"); not "$2008"
_YEAR_IN_TEXT = re.compile(r"(?<![\d$.,])(?:19|20)\d\d(?!\d|[.,]\d)")
_MONTH_SHORT = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# a year inside a date: "Nov 27, 2005", "27 November 2005", "Tue March 3, 2009", "11 / 28 / 05", "08.07.2012",
# "2013 - 09 - 26", ISO; a bare year in a publication field is as often a line of text ("In 2008, ...")
_DATE_YEAR = re.compile(
    r"\b" + _MONTH_SHORT + r"\s*\d{1,2}(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)\b"        # month day, year
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_SHORT + r"\s*,?\s*((?:19|20)\d\d)\b"       # day month year
    r"|\b" + _MONTH_SHORT + r"\s*,?\s*((?:19|20)\d\d)\b"                                   # month year
    r"|\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*((?:19|20)?\d\d)\b"                           # d/m/y, m/d/y
    r"|\b((?:19|20)\d\d)\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{1,2}(?!\d)",                          # y-m-d
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
    return [int(y) for y in _YEAR_IN_TEXT.findall(text)]


def year_floor(text: str) -> int | None:
    """The latest year a text mentions: the article was written in that year or later (None if none)."""
    ys = _YEAR_IN_TEXT.findall(text)
    return int(max(ys)) if ys else None


# -- a date the text's own opening prints, for articles that carry none ------------------------------------

OPENING = "in the text's opening"   # in the flag of a date read there
_OPENING_LINES = 4
_OPENING_LINE_CHARS = 120
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# what may stand beside the date on a line of its own: labels, a weekday, a clock and zone, an agency in brackets
_BESIDE_DATE = re.compile(rf"\b(?:(?:originally\s+)?(?:published|posted)(?:\s+on)?|(?:last\s+)?(?:updated|modified)"
                          rf"(?:\s+on)?|{_WEEKDAY}|at|on)\b|{_CLOCK}|\b{_TZ}|\([^()\n]{{1,30}}\)", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.I)
_LABEL_POSTED = re.compile(r"\b(?:published|posted)\b", re.I)
_STANDS_ALONE = re.compile(r"[\W\d_]*(?:[A-Z]{2,8}\b[\W\d_]*)*")   # left over: punctuation, or capitals (AFP, IST)


def opening_date(text: str, source: str, now: datetime | None = None) -> DateInfo | None:
    """The publication day a text prints at its start, or None: a line that is a date and nothing else
    ("Aug 24, 2023 06:09 PM IST", "(Xinhua) 08:22, February 06, 2023", "Published: 12 March 2024") or a wire
    dateline with its year ("BUENOS AIRES, Nov 19, 2023 (AFP) -"). A date inside a sentence is never read:
    "On May 16, 2024, Xi …" or a caption's day may be the event's, not the report's."""
    from .clean import dateline_end   # core.clean imports nothing of framelens: no cycle

    lines = [ln.strip() for ln in (text or "")[:_OPENING_LINES * (_OPENING_LINE_CHARS + 2)].splitlines()]
    for line in [ln for ln in lines if ln][:_OPENING_LINES]:
        if _UPDATED.search(line) and not _LABEL_POSTED.search(line):
            continue   # an update time is later than the report, perhaps by days
        if len(line) <= _OPENING_LINE_CHARS and _date_alone(line):
            return _opening_day(line, source, now)
        cut = dateline_end(line)
        if cut:   # a wire dateline opens the story: its date or none
            return _opening_day(line[:cut], source, now)
        if len(line) > _OPENING_LINE_CHARS:
            return None   # the story has begun: a date further on is the story's
    return None


def _date_alone(line: str) -> bool:
    """Whether a line is a full date (month, day and year) with nothing beside it but what may stand beside a date:
    labels, a weekday, a clock and zone, an agency in brackets, punctuation and capitals (AFP, IST)."""
    m = next((m for _, rx in _DATE_SPANS[:3] if (m := rx.search(line))), None)
    return m is not None and bool(_STANDS_ALONE.fullmatch(_BESIDE_DATE.sub(" ", line[:m.start()] + " " + line[m.end():])))


def _opening_day(head: str, source: str, now: datetime | None) -> DateInfo | None:
    """The day one opening line or dateline prints, flagged as read from the text; None if it prints no full date.

    The day only, as printed: a clock at the top of a page may be an update's, a time read here must never rank a
    report first (timing ranks exact times only), and a zone's hours must not move the printed day."""
    span = next((m.group(0) for _, rx in _DATE_SPANS[:3] if (m := rx.search(head))), None)
    if span is None:
        return None   # a dateline without its year ("BEIJING, Feb. 5 (Xinhua)") gives no day
    info = parse_date(span, source=source, now=now)
    if info.published is None or info.precision != "date":
        return None
    return DateInfo(info.published, "date", source, f"{GUESSED} {OPENING} ({_raw(head)})")
