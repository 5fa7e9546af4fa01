"""Timing: who reported an event first and how far behind each outlet was, with the date's source."""
from __future__ import annotations

from datetime import datetime

from core.dates import date_of, parse_date
from core.models import get


def parse_time(value) -> tuple[datetime | None, str]:
    """A UTC datetime and its precision ("datetime", "date" or "missing") from any date value (core.dates);
    a value that names only a year is no time to order by: missing."""
    info = parse_date(value, source="file")
    if info.precision not in ("exact", "date"):
        return None, "missing"
    return info.published, "datetime" if info.precision == "exact" else "date"


def timing(articles) -> dict:
    """Per-outlet first report time, lag behind the event's first report (hours) and the date's source."""
    per_outlet: dict[str, dict] = {}
    undated = []
    for a in articles:
        outlet = get(a, "outlet", "unknown")
        info = date_of(a)   # the stored precision: a date-only value is a day, never midnight
        dt = info.published if info.precision in ("exact", "date") else None
        precision = "datetime" if info.precision == "exact" else "date"
        source = info.source if dt else "missing"
        if dt is None:
            undated.append({"id": get(a, "id"), "outlet": outlet})
            per_outlet.setdefault(outlet, {"first": None})
            continue
        cur = per_outlet.get(outlet)
        if cur is None or cur.get("first") is None or dt < cur["first"]:
            per_outlet[outlet] = {"first": dt, "id": get(a, "id"), "precision": precision,
                                  "date_source": source}
    dated = {o: v for o, v in per_outlet.items() if v.get("first") is not None}
    first = min((v["first"] for v in dated.values()), default=None)
    rows = []
    for outlet, v in per_outlet.items():
        if v.get("first") is None:
            rows.append({"outlet": outlet, "first_report": None, "lag_hours": None, "id": None,
                         "precision": "missing", "date_source": "missing", "rank": None})
            continue
        rows.append({"outlet": outlet, "first_report": v["first"].isoformat(), "id": v["id"],
                     "lag_hours": round((v["first"] - first).total_seconds() / 3600, 2),
                     "precision": v["precision"], "date_source": v["date_source"]})
    rows.sort(key=lambda r: (r["lag_hours"] is None, r["lag_hours"] or 0, r["outlet"]))
    for rank, r in enumerate((r for r in rows if r["lag_hours"] is not None), 1):
        r["rank"] = rank
    notes = []
    if not dated:
        notes.append("no article has a publication date: the order of reporting is unknown")
    elif undated:
        notes.append(f"{len(undated)} article(s) have no date and are left out of the order")
    if any(r.get("precision") == "date" for r in rows):
        notes.append("some dates have no time of day: lags are only accurate to the day")
    first_row = rows[0] if dated else None
    return {"first_outlet": first_row["outlet"] if first_row else None,
            "first_report": first_row["first_report"] if first_row else None,
            "outlets": rows, "undated": undated, "notes": notes}
