"""Who covered what: breadth, blind spots by outlet group, attention over time, reporting lags."""
from __future__ import annotations

import pandas as pd

from core.timeline import DAY_EARLIEST, DAY_LATEST


def outlet_groups(outlets: pd.DataFrame) -> dict[str, list[str]]:
    """Outlet name -> its groups (an outlet without groups is in none)."""
    return {r.name: list(r.groups or []) for r in outlets.itertuples()}


def outlets_in_groups(outlets: pd.DataFrame, groups) -> list[str]:
    """Outlets belonging to any of the groups."""
    wanted = set(groups)
    return sorted(n for n, gs in outlet_groups(outlets).items() if wanted & set(gs))


def original_outlets(pairs: pd.DataFrame, families: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """Per event, the outlets that reported it originally, sorted.

    With `families` (Store.event_families: one row per event and outlet it counts), a family of derived
    articles counts once, under its original's outlet, even when that original is not in the store (a
    Reuters story on three sites is Reuters); without, outlets with an article that is no reprint."""
    if families is not None:
        grouped: dict[str, list[str]] = {}
        for event, outlet in zip(families["event_id"].tolist(), families["outlet"].tolist()):
            grouped.setdefault(event, []).append(outlet)
        return {e: sorted(set(o)) for e, o in grouped.items()}
    out: dict[str, list[str]] = {}
    # A plain loop over lists: a pandas groupby with a Python aggregate was a tenth of the Overview's
    # run, and iterating Arrow-backed string columns element by element is slow.
    cols = (pairs[c].tolist() for c in ("event_id", "outlet", "articles", "reprints"))
    for event, outlet, n, n_reprints in zip(*cols):
        if n > n_reprints:
            out.setdefault(event, []).append(outlet)
    return {e: sorted(o) for e, o in out.items()}


def blind_spots(pairs: pd.DataFrame, outlets: pd.DataFrame,
                original: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Per event, the outlet groups none of whose outlets reported it originally (reprints don't count).

    `original` is original_outlets(pairs) when the caller has it already.
    """
    groups = outlet_groups(outlets)
    all_groups = sorted({g for gs in groups.values() for g in gs})
    original = original_outlets(pairs) if original is None else original
    spots = {}
    for event in dict.fromkeys(pairs["event_id"].tolist()):
        covered = {g for o in original.get(event, ()) for g in groups.get(o, ())}
        spots[event] = [g for g in all_groups if g not in covered]
    return spots


def attention_by_topic(att: pd.DataFrame, freq: str = "D") -> pd.DataFrame:
    """Original articles per period and topic (an article counts once for each of its event's topics)."""
    if att.empty:
        return pd.DataFrame(columns=["day", "topic", "articles"])
    d = att.explode("topics").dropna(subset=["topics"]).rename(columns={"topics": "topic"})
    d["day"] = d["day"].dt.to_period(freq).dt.start_time
    return d.groupby(["day", "topic"], as_index=False)["articles"].sum()


def attention_by_group(att: pd.DataFrame, outlets: pd.DataFrame, freq: str = "D") -> pd.DataFrame:
    """Original articles per period and outlet group."""
    if att.empty:
        return pd.DataFrame(columns=["day", "group", "articles"])
    groups = outlet_groups(outlets)
    d = att.assign(group=att["outlet"].map(lambda o: groups.get(o) or ["(no group)"])).explode("group")
    d["day"] = d["day"].dt.to_period(freq).dt.start_time
    return d.groupby(["day", "group"], as_index=False)["articles"].sum()


def lags(times: pd.DataFrame, mixed=frozenset()) -> pd.DataFrame:
    """Each outlet's lag behind the first original report of each event it covered, honest about precision.

    times: event_id, outlet, first (UTC) and, when known, date_precision. Hours are measured between
    exact times only (a date-only report gets whole days, lag_hours NaN); first_to_report is set only
    when one outlet was first beyond doubt, and tied_first marks the outlets that may have been first.
    Without a precision column, a time of exactly 00:00:00 UTC is read as a date without a time, which
    is how the store writes date-only values. A true "seen" marks an outlet known only by when its report
    was first seen: it may have been first unless another report surely appeared before, and gets no lag; a
    true "unbounded" (when given) marks one with any such report, which may be older than its first dated one. A
    row whose first is NaT is an outlet whose report has no date: it gets no lag, and no one in its event is first
    beyond doubt (it may have been first). In an event of `mixed` (built mostly from feed summaries, it may join
    several stories: MIXED_SUMMARIES) no one is first or tied first and nothing lags.
    """
    cols = dict(lag_hours=pd.Series(dtype=float), lag_days=pd.Series(dtype=float), first_to_report=pd.Series(dtype=bool),
                tied_first=pd.Series(dtype=bool), exact=pd.Series(dtype=bool), dated=pd.Series(dtype=bool))
    if times.empty:
        return times.assign(**cols)
    if "date_precision" in times:
        exact = times["date_precision"].fillna("exact").eq("exact")
    else:
        t = times["first"]
        exact = ~((t.dt.hour == 0) & (t.dt.minute == 0) & (t.dt.second == 0))
    dated = times["first"].notna()
    # a report dated only by when it was first seen may be far older: it gets no lag and can begin any time before
    seen = _seen(times) & dated
    unbounded = (times["unbounded"].fillna(False).astype(bool) if "unbounded" in times else seen) & dated
    times = times.assign(exact=(exact & dated & ~seen).to_numpy(), day=times["first"].dt.floor("D").where(~seen))
    # an outlet in the event whose report has no date may have been first: then no one is first beyond doubt
    has_undated = (~dated).groupby(times["event_id"]).transform("any")
    first_day = times.groupby("event_id")["day"].transform("min")
    first_exact = times["first"].where(times["exact"]).groupby(times["event_id"]).transform("min")
    n = times.groupby("event_id")["outlet"].transform("count")
    # core.timeline's rule: a date-only report is its day in any time zone, and an outlet may have been first
    # when its report can have begun before every other one had surely appeared
    earliest = times["first"].where(times["exact"], times["day"] + DAY_EARLIEST)
    earliest = earliest.where(~unbounded, pd.Timestamp.min.tz_localize("UTC"))
    latest = times["first"].where(times["exact"] | seen, times["day"] + DAY_LATEST)
    surely_out = latest.groupby(times["event_id"]).transform("min")
    ranked = ~times["event_id"].isin(mixed)
    may = dated & (earliest <= surely_out) & ranked
    sure = may & (may.groupby(times["event_id"]).transform("sum") == 1) & ~has_undated
    hours = (times["first"] - first_exact).dt.total_seconds() / 3600.0
    out = times.assign(lag_hours=hours.where(times["exact"] & ranked),
                       lag_days=(times["day"] - first_day).dt.days.astype(float).where(ranked),
                       first_to_report=sure.to_numpy(), tied_first=(may & ~sure).to_numpy(), n_outlets=n,
                       dated=dated.to_numpy())
    return out[out["n_outlets"] > 1].drop(columns=["day"])


def _seen(times: pd.DataFrame) -> pd.Series:
    """Rows known only by when their report was first seen (no date on feed or page)."""
    return times["seen"].fillna(False).astype(bool) if "seen" in times else pd.Series(False, index=times.index)


def lag_table(lagged: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: events covered with others, times first beyond doubt, times tied first, median and
    90th-percentile lag in hours (exact times only) and how many of its reports had only a date."""
    if lagged.empty:
        return pd.DataFrame(columns=["outlet", "events", "first", "tied_first", "median_lag_h", "p90_lag_h", "date_only"])
    g = lagged.groupby("outlet")
    return pd.DataFrame({
        "events": g.size(), "first": g["first_to_report"].sum(), "tied_first": g["tied_first"].sum(),
        "median_lag_h": g["lag_hours"].median().round(1), "p90_lag_h": g["lag_hours"].quantile(0.9).round(1),
        "date_only": (lagged["dated"] & ~lagged["exact"] & ~_seen(lagged)).groupby(lagged["outlet"]).sum().astype(int),
    }).reset_index().sort_values(["first", "events"], ascending=False)


def first_report_texts(first: pd.Series, seen_at: pd.Series) -> pd.Series:
    """Each event's first report as a list can state it, from its earliest stored time and the earliest time an
    article of it with no date was first seen (NaT if none): a time, a day "(date only)" (stored at 00:00,
    core.dates), "by … (no date; first seen)" when that earliest time is a first sighting, or "no date"."""
    t = pd.to_datetime(first, utc=True)
    seen = pd.to_datetime(seen_at, utc=True)
    midnight = (t.dt.hour == 0) & (t.dt.minute == 0) & (t.dt.second == 0) & (t.dt.microsecond == 0)
    text = t.dt.strftime("%Y-%m-%d %H:%M")
    text = text.mask(midnight, t.dt.strftime("%Y-%m-%d") + " (date only)")
    text = text.mask(seen.eq(t), "by " + t.dt.strftime("%Y-%m-%d %H:%M") + " (no date; first seen)")
    return text.mask(t.isna(), "no date")


SPAN_WARN_DAYS = 30  # one happening's dated coverage; the clusterer joins within a 4-day window (ClusterConfig)


# why an event mostly of feed summaries names no first report and measures no lag (the Event page, Timelines)
MIXED_SUMMARIES = "built mostly from feed summaries, this group may join different stories, and its earliest report " \
                  "may be another story's"


NO_FIRST = "none named (feed summaries)"   # an event list's first report for such an event


def summaries_may_mix(summaries: int, n_articles: int) -> bool:
    """Whether an event rests mostly on feed summaries: grouped on a sentence or two, it may join different stories
    on one subject (a replay of 26 real feeds gave a week of Iran stories in one event)."""
    return n_articles > 1 and summaries * 2 >= n_articles


def event_checks(ev: pd.DataFrame, summaries: dict[str, int]) -> pd.Series:
    """What to check about each event before quoting it, as the Overview lists it: built mostly from feed
    summaries, or dated reports further apart than one happening's coverage ("" when neither)."""
    first, last = pd.to_datetime(ev["first_published"], utc=True), pd.to_datetime(ev["last_published"], utc=True)
    days = (last - first).dt.days
    out = []
    for event_id, n, span in zip(ev["id"], ev["n_articles"], days):
        notes = []
        if summaries_may_mix(k := summaries.get(event_id, 0), int(n)):
            notes.append(f"feed summaries only: {k} of {n}; may join stories")
        if pd.notna(span) and span > SPAN_WARN_DAYS:
            notes.append(f"reports span {int(span):,} days")
        out.append("; ".join(notes))
    return pd.Series(out, index=ev.index, dtype=object)
