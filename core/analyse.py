"""After ingest or import: assign new articles to events, extract their quotes, find reprints."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .cluster import ClusterConfig, EventClusterer, clustering_span, order_key
from .language import is_english, language_of
from .store import Store


@dataclass
class AnalysisSummary:
    """What one analysis pass did."""

    articles: int = 0
    events_touched: int = 0
    events_merged: int = 0
    quotes: int = 0
    not_english: int = 0
    reprints: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        skipped = f" ({self.not_english} articles not in English left out)" if self.not_english else ""
        return (f"analysed {self.articles} new articles: {self.events_touched} events updated "
                f"({self.events_merged} merged), {self.quotes} quotes{skipped}, {self.reprints} reprints; "
                f"{self.seconds:.1f} s")


def analyse_new(store: Store, config: ClusterConfig | None = None, quotes: bool = True,
                progress=None) -> AnalysisSummary:
    """Cluster unassigned articles against the events still inside the time window, then enrich them."""
    t0 = time.perf_counter()
    cfg = config or ClusterConfig()
    report = progress or (lambda *a: None)
    new = store.unclustered()
    out = AnalysisSummary(articles=len(new))
    if new:
        _languages(store, new)
        touched = _cluster(store, new, cfg, report, out)
        out.reprints = _reprints(store, sorted(touched))
    if quotes:
        # Quotes are tracked per article, so an interrupted run's leftovers are picked up here too.
        items = store.unquoted()
        english = [a for a in items if is_english(a)]
        out.not_english = len(items) - len(english)
        if out.not_english:   # marked done with no quotes: the quote rules read English only
            store.save_quotes([a["id"] for a in items if not is_english(a)], [])
        out.quotes = _quotes(store, english, report)
    out.seconds = time.perf_counter() - t0
    return out


def _cluster(store: Store, new: list[dict], cfg: ClusterConfig, report, out: AnalysisSummary) -> set[str]:
    """Assign new articles to events and save assignments, events and merges together.

    The same procedure as a batch (core.cluster.batch): the new articles in a fixed order, document
    frequencies fixed before any is placed, and a merge over every event they touched — so the events of
    a corpus do not depend on the order it was imported in or on what the store held.
    """
    new = sorted(new, key=order_key)
    spans = [clustering_span(a) for a in new]
    undated = any(s is None for s in spans)
    # The clusterer only needs events that new articles could still join: those within the window.
    since = None if undated else \
        datetime.fromtimestamp(min(s[0] for s in spans), timezone.utc) - timedelta(days=cfg.window_days + 1)
    fresh = {a["id"] for a in new}
    memory = [m for m in store.clustered_since(since) if m["id"] not in fresh]
    cl = EventClusterer(cfg, time_bound=not undated)
    # Document frequencies over the new articles and the stored ones of their time: a corpus imported
    # next to others is weighted as it is on its own, and a feed's new items as the days around them.
    dated = [sp for sp in spans if sp is not None]
    near = []
    if dated:
        pad = (cfg.window_days + 1) * 86400
        lo, hi = min(sp[0] for sp in dated) - pad, max(sp[1] for sp in dated) + pad
        near = [m for m in memory if (sp := clustering_span(m)) is not None and sp[1] >= lo and sp[0] <= hi]
    cl.freeze(near + new)
    if memory:
        cl.restore(memory, [m["event_id"] for m in memory])
    report("events", 0, len(new))
    first = {}
    for i, a in enumerate(new, 1):
        first[a["id"]] = cl.add(a)
        if i % 500 == 0:
            report("events", i, len(new))
    merged = cl.merge(singletons=True)
    merged = {old: cl.resolve(old) for old in {**cl.merged, **merged}}
    assigned = {k: cl.event_of(k) for k in first}
    # A split may move stored articles too: they are reassigned, and the part that kept the old id
    # gets its summary refreshed.
    moved = {aid: cl.event_of(aid) for aid in cl.split}
    assigned.update(moved)
    kept = {cl.resolve(m["event_id"]) for m in memory if m["id"] in moved}
    touched = set(assigned.values()) | {cl.resolve(v) for v in first.values()} | kept
    summaries = [e for e in cl.events() if e.id in touched]
    store.save_clustering(assigned, summaries, merged)
    report("events", len(new), len(new))
    out.events_touched, out.events_merged = len(touched), len(merged)
    return touched


def _languages(store: Store, new: list[dict]) -> None:
    """Each new article's language (core.language), stored and set on the dicts the next steps read."""
    codes = {}
    for a in new:
        code = language_of(a)
        if code != a.get("language"):
            codes[a["id"]] = a["language"] = code
    store.set_languages(codes)


def _quotes(store: Store, items: list[dict], report, batch: int = 200) -> int:
    """Quotes and speakers of each new article, speakers made canonical across the whole run."""
    from .quotes import canonicalise_speakers, extract_quotes
    if not items:
        return 0
    found = []
    report("quotes", 0, len(items))
    for i in range(0, len(items), batch):
        found += extract_quotes(items[i:i + batch])
        report("quotes", min(i + batch, len(items)), len(items))
    # One pass over every new quote, so "Trump" in one batch and "Donald Trump" in another agree, scoped
    # by event (roles resolve to the person the event names), and agreeing with the names the same
    # events already have in the store.
    event_of = {a["id"]: a.get("event_id") or "" for a in items}
    known = store.event_speakers(sorted({e for e in event_of.values() if e}))
    found = canonicalise_speakers(found, event_of=event_of, known=known)
    store.save_quotes([a["id"] for a in items], found)
    return len(found)


def _reprints(store: Store, event_ids: list[str]) -> int:
    """Reprint verdicts within each touched event (a copy lands in its original's event)."""
    from .reprints import find_reprints
    arts = store.event_articles(event_ids)
    if not arts:
        return 0
    found = [r for r in find_reprints(arts)]
    store.save_reprints([a["id"] for a in arts], found, {a["id"]: a["event_id"] for a in arts})
    return len(found)
