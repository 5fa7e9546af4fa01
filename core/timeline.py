"""Timing: who reported an event first and how far behind each outlet was, with each date's precision.

A report known only from a copy (a wire story carried by another site, its original not among the articles)
counts as its original outlet's, at the copy's time, and says so ("Reuters (original outside this event, via
Infobae)"): the copy shows the original was out by then, so leaving it out could name a later outlet first. A label
names no outlet outside the event without that note, dated or not.

Dates follow the date model (core.dates): a value, a precision (exact / date / year / none) and a
source (feed / page / import / file / first-seen). A date-only value is midnight UTC by convention and
is never compared as a time: outlets whose first report falls on the same earliest day without a time
to tell them apart are a tie ("reported on 31 Jan 2024: Reuters, TASS"), never a "first"; lags are
hours between exact times only, and outlets with only a date get whole days instead.

A date without a time is a day in the outlet's own time zone, which the feed rarely says: CGTN's "5 Feb"
starts at 16:00 UTC on the 4th. So a date-only report spans DAY_EARLIEST to DAY_LATEST around its UTC day (from
UTC+13's midnight to UTC-11's), and an outlet is first only when its report ends before every other one can have
begun.

An article with no date on its feed or page is dated by when framelens first saw it (source "first-seen"): it was
out by then, but may be years older. Such a report is a bound, not a time: it may have been first whenever it
was seen before every other report had surely appeared, it is first beyond doubt only when it was seen before
any other could have begun, and it gets no lag.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from core.dates import ZONELESS, date_of, parse_date
from core.models import get

# Where a date without a time can fall in UTC: a day written in UTC+13 (New Zealand in summer, Samoa, Tonga)
# starts 13 hours before that day's UTC midnight, one written in UTC-11 (American Samoa) ends 11 hours after
# it. The few places outside that range publish little news; taking them in would make two dates two days
# apart overlap.
DAY_EARLIEST = timedelta(hours=-13)
DAY_LATEST = timedelta(hours=24 + 11, seconds=-1)
SEEN = "first-seen"   # core.dates' source of a time that only bounds the publication from above


def parse_time(value) -> tuple[datetime | None, str]:
    """A UTC datetime and its precision ("datetime", "date" or "missing") from any date value (core.dates);
    a value that names only a year is no time to order by: missing."""
    info = parse_date(value, source="file")
    if info.precision not in ("exact", "date"):
        return None, "missing"
    return info.published, "datetime" if info.precision == "exact" else "date"


def _coarser(read: str, stated) -> str:
    """The coarser of the precision read from a value and the one a row states (a file's "2024-01-31T00:00:00Z"
    marked "date" is a day): a stated precision may take a claim back, never add one."""
    order = ("exact", "date", "year", "none")
    return stated if stated in order and order.index(stated) > order.index(read) else read


def _zoneless(article, flag) -> bool:
    """Whether an article's date is a day because the time it gave named no time zone (core.dates' flag)."""
    return ZONELESS in (get(article, "date_flag") or flag or "")


def _untimed(reports) -> str:
    """Why reports dated to the day have no time: none given, or one given in no time zone ("2023-03-10 23:04" on a
    Chinese embassy's page: a time, but of which zone is unknown, so framelens keeps its day)."""
    zoneless = {bool(r.get("zoneless")) for r in reports}
    return ("no time given" if zoneless == {False} else "its time given in no time zone" if zoneless == {True}
            else "no time given, or one in no time zone")


def _day_label(d: date) -> str:
    """A day as '31 Jan 2024'."""
    return f"{d.day} {d:%b %Y}"


def timing(articles, default_source: str = "unknown") -> dict:
    """Per outlet its first report with precision and source; the first outlet(s); lags between exact times only."""
    per_outlet: dict[str, dict] = {}
    undated = []
    for a in articles:
        outlet = get(a, "outlet", "unknown")
        info = date_of(a, default_source)   # the stored precision: a date-only value is a day, never midnight
        precision = _coarser(info.precision, get(a, "date_precision"))
        dt = info.published if precision in ("exact", "date") else None
        source = default_source if info.source in (None, "", "unknown") else info.source
        if dt is None:
            undated.append({"id": get(a, "id"), "outlet": outlet, "precision": precision, "via": get(a, "via")})
            per_outlet.setdefault(outlet, None)
            continue
        key = (dt.date(), precision == "date", dt)       # the earliest day; on one day, an unknown time wins over a known one
        cur = per_outlet.get(outlet)
        # a report known only from when it was seen may be older than any other of the outlet's: no lower bound
        unbounded = source == SEEN or bool(cur and cur["unbounded"])
        if cur is None or key < cur["key"]:
            per_outlet[outlet] = {"key": key, "first": dt, "id": get(a, "id"), "precision": precision, "date_source": source,
                                  "via": get(a, "via"), "seen": source == SEEN, "unbounded": unbounded,
                                  "zoneless": precision == "date" and _zoneless(a, info.flag)}
        else:
            cur["unbounded"] = unbounded
    dated = {o: v for o, v in per_outlet.items() if v is not None}
    rows = []
    for outlet, v in per_outlet.items():
        if v is None:
            rows.append({"outlet": outlet, "first_report": None, "precision": "none", "date_source": None, "id": None,
                         "lag_hours": None, "lag_days": None, "rank": None})
            continue
        rows.append({"outlet": outlet, "first_report": v["first"].isoformat() if v["precision"] == "exact"
                     else v["first"].date().isoformat(), "precision": v["precision"], "date_source": v["date_source"],
                     "id": v["id"], "via": v["via"], "lag_hours": None, "lag_days": None, "rank": None, "_key": v["key"],
                     "seen": v["seen"], "zoneless": v["zoneless"]})
    # an undated outlet known only from copies is named with them: its own report is not among the articles
    own = {u["outlet"] for u in undated if not u["via"]}
    copies: dict[str, list[str]] = {}
    for u in undated:
        if u["via"] and u["outlet"] not in own:
            copies.setdefault(u["outlet"], []).append(u["via"])
    first = _first(dated, sorted(_named(o, copies.get(o)) for o, v in per_outlet.items() if v is None))
    exact = sorted((r for r in rows if r["precision"] == "exact" and not r["seen"]), key=lambda r: r["_key"])
    t0 = exact[0]["_key"][2] if exact else None
    for rank, r in enumerate(exact, 1):
        r["rank"] = rank
        r["lag_hours"] = round((r["_key"][2] - t0).total_seconds() / 3600, 2)
    d0 = min((v["key"][0] for v in dated.values() if not v["seen"]), default=None)
    for r in rows:
        if "_key" in r and not r["seen"] and d0 is not None:
            r["lag_days"] = (r["_key"][0] - d0).days
    rows.sort(key=lambda r: (r.get("_key") is None, r.get("_key") or (date.min, False, datetime.min), r["outlet"]))
    for r in rows:
        r.pop("_key", None)
    notes = []
    if not dated:
        notes.append("no article has a publication date: the order of reporting is unknown")
    elif undated:
        # the reports timing orders: originals, and copies standing for an original not stored; a copy shown apart
        # is no report of its own, so "article(s)" miscounted an event holding one (fc39: "5 article(s) have no date"
        # where 6 of its 11 had none, the sixth a reprint shown apart)
        notes.append(f"{len(undated)} report(s) counted as coverage have no date (or only a year) and are left out of "
                     "the order")
    n_seen = sum(1 for r in rows if r.get("seen"))
    if n_seen:
        notes.append(f"{n_seen} outlet(s) gave no publication date and are placed at the time framelens first saw "
                     "their report: they may have published earlier, and get no lag")
    n_day = sum(1 for r in rows if r["precision"] == "date")
    if n_day:
        notes.append(f"{n_day} outlet(s) have only a date, {_untimed(r for r in rows if r['precision'] == 'date')}: they "
                     "are ordered by day and get no lag in hours; lags in hours are between exact times only")
    if first["tie"] and not first["label"].startswith("no first can be named"):   # the label names who tied
        notes.append("a tie on the first day of reporting: no first can be named")
    return {"first_outlet": first["outlets"][0] if first["outlets"] and not first["tie"] and not first["unsure"] else None,
            "first_report": first["when"], "first": first, "outlets": rows, "undated": undated,
            "lags_from": exact[0]["outlet"] if exact else None, "notes": notes}


def unranked(t: dict, why: str) -> dict:
    """A timing (as `timing` gives it) that names no first report and measures no lag: for a group of reports that
    may join several stories, the earliest of them may report another one. Who came earliest is still said."""
    first = dict(t["first"])
    label = first["label"]
    if label.startswith("first to report:"):
        label = label.replace("first to report:", "earliest report in this group:", 1)
    first.update(label=f"{label}; no first to report is named and no lag measured: {why}", unsure=True)
    rows = [{**r, "lag_hours": None, "lag_days": None, "rank": None} for r in t["outlets"]]
    return {**t, "first_outlet": None, "first": first, "outlets": rows, "lags_from": None}


def _named(outlet: str, via) -> str:
    """An outlet as a label names it: one known only from a copy is no outlet of the event, so the label says its
    report is outside the event and which site's copy stands for it ("Reuters (original outside this event, via
    Infobae)"); the copy's credit may even be wrong (a photo credit read as the story's), so it is never named alone."""
    if not via:
        return outlet
    vias = sorted(set([via] if isinstance(via, str) else via))
    return f"{outlet} (original outside this event, via {', '.join(vias)})"


def _first(dated: dict[str, dict], undated: list[str] = ()) -> dict:
    """Who reported first, or the tie of outlets that may have, with a label saying which; with an outlet whose
    report has no date, the earliest dated report is named as that, never as the first (the undated may be earlier)."""
    first = _first_dated(dated)
    first["unsure"] = bool(undated) and bool(first["outlets"])
    if first["unsure"] and first["label"].startswith("no first can be named"):
        first["label"] += f"; {', '.join(undated)} gave no date"
    elif first["unsure"]:
        first["label"] = (first["label"].replace("first to report:", "earliest dated report:")
                          + f"; no first can be named: {', '.join(undated)} gave no date")
    return first


def _first_dated(dated: dict[str, dict]) -> dict:
    """Who reported first among dated reports, or the tie of outlets that may have, with a label saying which."""
    if not dated:
        return {"outlets": [], "when": None, "precision": None, "tie": False, "label": "no dated report"}

    def n(o: str) -> str:
        """An outlet as the label names it: a report known only from a copy says whose copy."""
        return _named(o, dated[o].get("via"))
    d0 = min(v["key"][0] for v in dated.values())
    may = may_be_first({o: (v["first"], SEEN if v.get("unbounded") else v["precision"]) for o, v in dated.items()})
    on_day = {o: v for o, v in dated.items() if v["key"][0] == d0}
    day_only = sorted(o for o, v in on_day.items() if v["precision"] == "date")
    timed = sorted(on_day.items(), key=lambda kv: kv[1]["first"])
    if any(v.get("unbounded") for v in dated.values()) or (
            set(may) != set(on_day) and any(dated[o]["precision"] == "date" for o in may)):
        return _maybe_first(dated, may, n)
    if not day_only:
        t0 = timed[0][1]["first"]
        outs = sorted(o for o, v in timed if v["first"] == t0)
        when = t0.isoformat()
        label = (f"first to report: {n(outs[0])} ({t0:%d %b %Y %H:%M} UTC)" if len(outs) == 1
                 else f"reported at {t0:%d %b %Y %H:%M} UTC: " + ", ".join(map(n, outs)))
        return {"outlets": outs, "when": when, "precision": "exact", "tie": len(outs) > 1, "label": label}
    if len(on_day) == 1:
        o = day_only[0]
        return {"outlets": [o], "when": d0.isoformat(), "precision": "date", "tie": False,
                "label": f"first to report: {n(o)} (on {_day_label(d0)}, {_untimed([on_day[o]])})"}
    outs = sorted(on_day)
    timed_note = "; " + ", ".join(f"{n(o)} at {v['first']:%H:%M} UTC" for o, v in timed if v["precision"] == "exact") \
        if any(v["precision"] == "exact" for _, v in timed) else ""
    return {"outlets": outs, "when": d0.isoformat(), "precision": "date", "tie": True,
            "label": f"reported on {_day_label(d0)}: " + ", ".join(map(n, outs)) + timed_note}


def span(value: datetime, precision: str) -> tuple[datetime, datetime]:
    """The earliest and latest UTC instant a report can have: its time, for a date-only value (midnight UTC of
    the day written) the day in any time zone from UTC+13 to UTC-11, for a first-seen time any time before it."""
    if precision == SEEN:
        return datetime.min.replace(tzinfo=value.tzinfo), value
    return (value, value) if precision == "exact" else (value + DAY_EARLIEST, value + DAY_LATEST)


def may_be_first(reports: dict[str, tuple[datetime, str]]) -> list[str]:
    """The outlets whose report may have been the first: it can have begun before every other one had surely
    appeared. One outlet here is first beyond doubt."""
    spans = {o: span(t, p) for o, (t, p) in reports.items()}
    if not spans:
        return []
    surely_out = min(late for _, late in spans.values())
    return sorted(o for o, (early, _) in spans.items() if early <= surely_out)


def _maybe_first(dated: dict[str, dict], may: list[str], n) -> dict:
    """Several outlets on different days may have been first, because at least one gave only a date."""
    seen = sorted((o for o in may if dated[o].get("unbounded")), key=lambda o: dated[o]["first"])
    timed = sorted((o for o in may if dated[o]["precision"] == "exact" and o not in seen), key=lambda o: dated[o]["first"])
    by_day: dict[date, list[str]] = {}
    for o in sorted(may):
        if dated[o]["precision"] == "date" and o not in seen:
            by_day.setdefault(dated[o]["first"].date(), []).append(o)
    if len(may) == 1:         # a date-only report a few days before the rest, or one seen before any other began
        o = may[0]
        when = (f"first seen {dated[o]['first']:%d %b %Y %H:%M} UTC, no publication date" if dated[o]["seen"]
                else f"on {_day_label(dated[o]['first'].date())}, {_untimed([dated[o]])}" if dated[o]["precision"] == "date"
                else f"{dated[o]['first']:%d %b %Y %H:%M} UTC")
        precision = SEEN if dated[o]["seen"] else dated[o]["precision"]
        return {"outlets": [o], "when": dated[o]["first"].date().isoformat() if precision == "date"
                else dated[o]["first"].isoformat(), "precision": precision, "tie": False,
                "label": f"first to report: {n(o)} ({when})"}
    parts = [f"{n(o)} ({dated[o]['first']:%d %b %Y %H:%M} UTC)" for o in timed]
    parts += [f"{', '.join(map(n, outs))} (on {_day_label(d)}, {_untimed(dated[o] for o in outs)})"
              for d, outs in sorted(by_day.items())]
    parts += [f"{', '.join(map(n, seen))} (a report with no publication date; out by "
              f"{max(dated[o]['first'] for o in seen):%d %b %Y %H:%M} UTC)"] if seen else []
    d0 = min(dated[o]["first"].date() for o in may)
    why = ([" (a date without a time is a day in the outlet's own time zone)"] if by_day else []) + \
        ([" (a report without a publication date may be older than when it was seen)"] if seen else [])
    return {"outlets": sorted(may), "when": d0.isoformat(), "precision": "date", "tie": True,
            "label": "no first can be named; may have reported first: " + "; ".join(parts) + "".join(why)}

