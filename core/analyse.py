"""After ingest or import: assign new articles to events, extract their quotes, find reprints."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from .cluster import ClusterConfig, EventClusterer, clustering_span, event_id_for, order_key
from .cluster.details import MONTHS, WEEKDAYS, read_details
from .cluster.events import LEAD_CHARS, LEADS, event_topics
from .cluster.features import analyse_doc
from .config import Settings
from .dates import year_floor
from .language import is_english, language_of
from .store import EVENTS_STEP, QUOTES_STEP, REPRINTS_STEP, Store
from .topics import taxonomy_mark

TOPICS_MARK = "topics_mark"   # store_meta key: the taxonomy_mark its events were tagged under
RETAG_STAGE = "topics retagged"


@dataclass
class AnalysisSummary:
    """What one analysis pass did."""

    articles: int = 0
    events_touched: int = 0
    events_merged: int = 0
    quotes: int = 0
    not_english: int = 0
    reprints: int = 0
    failed: int = 0          # article steps that failed: recorded on the article, not tried again
    retagged: int = 0        # stored events whose topics changed with the taxonomy (see retag)
    seconds: float = 0.0

    def line(self) -> str:
        failed = f"; {self.failed} article steps failed (see each article's analysis notes)" if self.failed else ""
        skipped = f" ({self.not_english} articles not in English left out)" if self.not_english else ""
        retagged = f"; topics changed on {self.retagged} stored events (a new taxonomy)" if self.retagged else ""
        return (f"analysed {self.articles} new articles: {self.events_touched} events updated "
                f"({self.events_merged} merged), {self.quotes} quotes{skipped}, {self.reprints} reprints{failed}"
                f"{retagged}; {self.seconds:.1f} s")


def analyse_new(store: Store, config: ClusterConfig | None = None, quotes: bool = True,
                progress=None, settings: Settings | None = None, workers: int = 1) -> AnalysisSummary:
    """Cluster unassigned articles against the events still inside the time window, then enrich them.
    workers: processes extracting quotes (core.quote_pool; the command line's choice, never the dashboard's).

    Each step reads at most its size cap of an article's text, and a step that fails on one article is
    recorded on that article (analysis_notes) and not started on it again: no article stops a pass.
    """
    t0 = time.perf_counter()
    cfg = config or ClusterConfig()
    s = settings or Settings.from_env()
    report = progress or (lambda *a: None)
    store.repair_events()
    new = store.unclustered(s.events_max_chars)
    out = AnalysisSummary(articles=len(new), retagged=retag(store, report))
    if new:
        _languages(store, new)
        touched = _cluster(store, new, cfg, report, out, s)
        tag_events(store, touched)
        out.reprints = _reprints(store, sorted(touched), s, out)
    if quotes:
        # Quotes are tracked per article, so an interrupted run's leftovers are picked up here too.
        items = store.unquoted(s.quotes_max_chars)
        english = [a for a in items if is_english(a)]
        out.not_english = len(items) - len(english)
        if out.not_english:   # marked done with no quotes: the quote rules read English only
            store.save_quotes([a["id"] for a in items if not is_english(a)], [])
        out.quotes = _quotes(store, english, report, s, out, workers=workers)
    out.seconds = time.perf_counter() - t0
    return out


def _tags(members: dict[str, list[dict]], terms: dict[str, list[str]], report=None) -> dict[str, list[str]]:
    """Each event's topics from what the store holds of it (Store.topic_inputs): one function of the same inputs
    whether an import tags the events it touched or a new taxonomy retags them all."""
    report = report or (lambda *a: None)
    tags = {}
    for i, (eid, ms) in enumerate(members.items(), 1):
        tags[eid] = event_topics([m["title"] for m in ms[:10]], [m["lead"] for m in ms if m["lead"]][:LEADS],
                                 terms.get(eid, []), sorted({c for m in ms for c in m["categories"]}))
        if i % 1000 == 0:
            report(RETAG_STAGE, i, len(members))
    return tags


def tag_events(store: Store, event_ids) -> int:
    """Tag the events an import touched from the store, as retag would: the clusterer's own summary reads its
    in-memory members (their order, the openings it kept through splits and merges), which differed for one BASIL
    event from what a retag reads (fc31/fc32: "Arkansas governor seeks changes in religious freedom bill" had no
    topic after import and US politics after a retag). Returns how many events' topics changed."""
    if not event_ids:
        return 0
    members, terms = store.topic_inputs(LEAD_CHARS, event_ids)
    return store.set_event_topics(_tags(members, terms))


def retag(store: Store, report=None) -> int:
    """Tag every stored event again when the taxonomy or its rules changed since they were tagged: topics are
    written when an event is summarised, so without this an upgrade or an edited topics.toml would reach only
    events that get new articles. Returns how many events' topics changed."""
    mark = taxonomy_mark()
    if store.meta(TOPICS_MARK) == mark:
        return 0
    members, terms = store.topic_inputs(LEAD_CHARS)
    report = report if report and members else (lambda *a: None)   # a new store has nothing to retag: no bar
    report(RETAG_STAGE, 0, len(members))        # about 1.5 ms an event: 37 s for a 100k-article store, once
    tags = _tags(members, terms, report)
    report(RETAG_STAGE, len(members), len(members))
    changed = store.set_event_topics(tags)
    store.set_meta(TOPICS_MARK, mark)
    return changed


def _failure(step: str, e: Exception) -> str:
    return f"{step}: failed ({type(e).__name__}: {str(e)[:200]})"


def _cluster(store: Store, new: list[dict], cfg: ClusterConfig, report, out: AnalysisSummary,
             s: Settings | None = None) -> set[str]:
    """Assign new articles to events and save assignments, events and merges together.

    The same procedure as a batch (core.cluster.batch): the new articles in a fixed order, document
    frequencies fixed before any is placed, and a merge over every event they touched — so the events of
    a corpus do not depend on the order it was imported in or on what the store held.
    """
    s = s or Settings()
    new = sorted(new, key=order_key)
    spans = [clustering_span(a) for a in new]
    undated = any(span is None for span in spans)
    # The clusterer only needs events that new articles could still join: those within the window.
    try:
        since = None if undated else \
            datetime.fromtimestamp(min(span[0] for span in spans), timezone.utc) - timedelta(days=cfg.window_days + 1)
    except (OverflowError, ValueError, OSError):   # an article dated in year 1: every stored event is in reach
        since = None
    fresh = {a["id"] for a in new}
    memory = [m for m in store.clustered_since(since, s.events_max_chars) if m["id"] not in fresh]
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
    first, failed = {}, {}
    for i, a in enumerate(new, 1):
        try:
            first[a["id"]] = cl.add(a)
        except Exception as e:  # noqa: BLE001 - one article that breaks clustering is that article's failure
            failed[a["id"]] = _failure(EVENTS_STEP, e)
        if i % 500 == 0:
            report("events", i, len(new))
    store.note_analysis(failed)
    out.failed += len(failed)
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
    later = _place_before_seen(store, cl, [a for a in new if a["id"] in first], memory, cfg, s)
    undated = {}
    if later.moved or later.regrouped:
        assigned.update(later.regrouped)
        assigned.update(later.moved)
        undated = {aid: FIRST_SEEN_PLACED for aid in later.moved}
        changed = set(later.moved) | set(later.regrouped)
        parts = {e.id for e in later.summaries}
        left = {cl.resolve(v) for k, v in first.items() if k not in changed} | kept
        gone = {cl.event_of(aid) for aid in changed} - left - parts   # events all of whose articles moved
        touched = (touched - gone) | parts
        summaries = [e for e in summaries if e.id not in gone and e.id not in parts] + later.summaries
        merged = {old: v for old, v in merged.items() if v not in gone}
    store.save_clustering(assigned, summaries, merged, undated)
    report("events", len(new), len(new))
    out.events_touched, out.events_merged = len(touched), len(merged)
    return touched


FIRST_SEEN_PLACED = "published before it was first seen: placed by what it says"


@dataclass
class _Placed:
    """First-seen articles moved to an event that ended before they were seen, those regrouped among themselves
    (their event ids), and the summaries of the events either changed."""

    moved: dict[str, str]
    summaries: list
    regrouped: dict[str, str] = field(default_factory=dict)


def _place_before_seen(store: Store, cl: EventClusterer, new: list[dict], memory: list[dict], cfg: ClusterConfig,
                       s: Settings) -> _Placed:
    """New articles (all placed by `cl`) dated by their first-seen time and left alone there, or only with others
    so dated, placed again by the undated rules among the events within `first_seen_reach_days` before: a
    first-seen time is only an upper bound on when the article was published. Each joins an event that ended
    before its window only when that event clearly wins (undated_margin) over every event read, recent ones
    included, its text names no later year and its opening names one of the event's days (days_agree);
    otherwise it stays where it is. Two first-seen articles are never close in time for having been seen in
    one run: those left are grouped among themselves by the undated rules too (_regroup_seen)."""
    none = _Placed({}, [])
    if cfg.first_seen_reach_days <= 0 or not any(a.get("date_source") == "first-seen" for a in new):
        return none   # the common case, imports and dated feeds: one look at each new article, nothing read
    stored = {cl.event_of(m["id"]) for m in memory}
    by_event: dict[str, list[dict]] = {}
    for a in new:
        by_event.setdefault(cl.event_of(a["id"]), []).append(a)
    alone = [a for eid, arts in by_event.items() if eid not in stored
             and all(a.get("date_source") == "first-seen" for a in arts) for a in arts]
    seen = [sp[1] for a in alone if (sp := clustering_span(a)) is not None]
    if not seen:   # each first-seen article joined an event where it was placed
        return none
    try:
        since = datetime.fromtimestamp(min(seen), timezone.utc) - timedelta(days=cfg.first_seen_reach_days)
    except (OverflowError, ValueError, OSError):
        return none
    grouped = len(alone) > 1   # first-seen ones to group by the undated rules, whatever else is in reach
    # the events in reach: those the first pass held (stored and new, as it left them), and of the older ones
    # those whose key terms the articles share (their rivals share them too), read whole
    lone = {a["id"] for a in alone}
    older = [{**m, "event_id": cl.event_of(m["id"])} for m in memory]
    older += [{**a, "event_id": cl.event_of(a["id"])} for a in new if a["id"] not in lone]
    words = set()
    for a in alone:
        words |= analyse_doc(a.get("title") or "", a.get("text") or "", cfg.lead_words, cfg.max_chars).terms
    held = {m["id"] for m in older}
    until = datetime.fromtimestamp(min(seen), timezone.utc) - timedelta(days=cfg.window_days + 1)
    shared = sorted(((len(words & set(e["terms"])), e["id"]) for e in store.events_ending(since, until)), reverse=True)
    ids = [eid for k, eid in shared[:cfg.first_seen_events] if k >= 2]
    older += [m for m in store.event_articles(ids, s.events_max_chars) if m["id"] not in held]
    if not older and not grouped:
        return none
    # events the first pass could not reach: every stored article of theirs before the window of the earliest sight
    horizon = min(seen) - (cfg.window_days + 1) * 86400
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    for m in older:   # the days of an event are its dated members' (one placed here before is undated)
        sp = clustering_span(m)
        if sp is not None:
            first[m["event_id"]] = min(first.get(m["event_id"], math.inf), sp[0])
            last[m["event_id"]] = max(last.get(m["event_id"], -math.inf), sp[1])
    before = {eid for eid, end in last.items() if end < horizon}
    if not before and not grouped:
        return none
    undated = [{**a, "published": None, "date_precision": "none", "first_seen": None} for a in sorted(alone, key=order_key)]
    later = EventClusterer(cfg, time_bound=False)   # every event in reach is a candidate, by what it says
    later.freeze(older + undated)
    if older:
        later.restore(older, [m["event_id"] for m in older])
    sights = {a["id"]: sp[1] for a in alone if (sp := clustering_span(a)) is not None}
    moved = {}
    for a in undated:
        eid = later.add(a)
        floor = year_floor(f"{a.get('title') or ''}\n{(a.get('text') or '')[:cfg.max_chars]}")
        # a text that names a year after the event's last is written later: not its coverage; and its opening
        # must name a day of the event (a look-alike happening of the same actors wins on words alone)
        if eid in before and (floor is None or floor <= datetime.fromtimestamp(last[eid], timezone.utc).year) \
                and days_agree(a, first[eid], last[eid], sights.get(a["id"])):
            moved[a["id"]] = eid
    moved = {aid: eid for aid, eid in moved.items() if later.event_of(aid) == eid}   # none merged away since
    summaries = [e for e in later.events() if e.id in set(moved.values())]
    lost = {cl.event_of(aid) for aid in moved}
    regrouped, parts = _regroup_seen(cl, later, [a for a in alone if a["id"] not in moved], lost, cfg)
    return _Placed(moved, summaries + parts, regrouped)


def _regroup_seen(cl: EventClusterer, later: EventClusterer, left: list[dict], lost: set[str],
                  cfg: ClusterConfig) -> tuple[dict, list]:
    """First-seen articles left where the first pass put them, alone or with other first-seen ones only, grouped
    as the undated pass (`later`) grouped them: being seen in one run says nothing of when each was written (the
    Crocus suspects' court hearing joined the Islamic State's claim when both were first seen in one ingest), and
    the first pass's grouping of them followed the order they came in. Returns {article id: event id} and the
    summaries of the groups, when they differ from the first pass's or one of its events `lost` articles to an
    older event; a group keeps the first pass's id of its first article unless an earlier group took it."""
    groups: dict[str, list[dict]] = {}
    for a in sorted(left, key=order_key):
        groups.setdefault(later.event_of(a["id"]), []).append(a)
    was: dict[str, set[str]] = {}
    for a in left:
        was.setdefault(cl.event_of(a["id"]), set()).add(a["id"])
    if not lost and sorted(map(sorted, was.values())) == sorted(sorted(a["id"] for a in g) for g in groups.values()):
        return {}, []
    out, taken = {}, set()
    for g in sorted(groups.values(), key=lambda g: order_key(g[0])):
        gid = cl.event_of(g[0]["id"])
        gid = gid if gid not in taken else event_id_for(f"{g[0]['id']}#seen")
        taken.add(gid)
        out.update({a["id"]: gid for a in g})
    redo = EventClusterer(cfg, time_bound=False)   # the groups' summaries, their members as stored (first-seen times)
    redo.freeze(left)
    redo.restore(left, [out[a["id"]] for a in left])
    return out, redo.events()


def days_agree(a: dict, lo: float, hi: float, seen: float | None = None) -> bool:
    """Whether an article's opening names a day of an event spanning lo..hi (epoch seconds): the latest calendar
    day it names ("May 16": an earlier one is background) within the span, a day either side allowed. With no
    calendar day, a weekday it names agrees only with a day of the span that is that weekday and lies within the
    week before the article was first seen (`seen`): "on Friday" in a report seen now is a Friday of the past
    week, never one of any year. False when it names neither: with no date, nothing but its words ties it to the
    event."""
    named = read_details(a.get("title") or "", a.get("text") or "")
    start = datetime.fromtimestamp(lo, timezone.utc).date()
    dates = _named(named.get("date"))
    if dates:
        month, day = max((MONTHS.index(k.split("-")[0]), int(k.split("-")[1])) for k in dates)
        days = [start + timedelta(days=k) for k in range(-1, min(int((hi - lo) // 86400) + 2, 400))]
        return any((d.month - 1, d.day) == (month, day) for d in days)
    weekdays = _named(named.get("weekday"))
    if weekdays and seen is not None:
        # A weekday alone matches three days of any week around an event's first day: the first report of a new
        # meeting of the same leaders would join their last one. Only in the week before the sight does it
        # pick one day.
        week = datetime.fromtimestamp(seen, timezone.utc).date()
        end = datetime.fromtimestamp(hi, timezone.utc).date()
        days = [start + timedelta(days=k) for k in range(min((end - start).days + 1, 400))]
        return any(WEEKDAYS[d.weekday()] in weekdays and timedelta(0) <= week - d <= timedelta(days=7) for d in days)
    return False


def _named(vec: dict[str, float] | None) -> list[str]:
    """The details a text names itself, not the days either side that core.cluster.details adds at half weight."""
    top = max(vec.values(), default=0.0) if vec else 0.0
    return [k for k, w in (vec or {}).items() if w >= top - 1e-9] if top > 0 else []


def _languages(store: Store, new: list[dict]) -> None:
    """Each new article's language (core.language), stored and set on the dicts the next steps read."""
    codes = {}
    for a in new:
        code = language_of(a)
        if code != a.get("language"):
            codes[a["id"]] = a["language"] = code
    store.set_languages(codes)


def _quotes(store: Store, items: list[dict], report, s: Settings | None = None, out: AnalysisSummary | None = None,
            batch: int = 200, workers: int = 1) -> int:
    """Quotes and speakers of each new article, speakers made canonical across the whole run."""
    from .quotes import canonicalise_speakers, extract_quotes
    s, out = s or Settings(), out or AnalysisSummary()
    if not items:
        return 0
    found, notes = [], {}
    for a in items:
        if (a.get("text_length") or 0) > s.quotes_max_chars:   # cut in the database; say so on the article
            notes[a["id"]] = f"{QUOTES_STEP}: only the first {s.quotes_max_chars:,} of {a['text_length']:,} characters"
    report("quotes", 0, len(items))
    batch *= workers                      # each worker gets several shards of a chunk
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        try:
            found += extract_quotes(chunk, workers=workers)
        except Exception:  # noqa: BLE001 - find the article at fault; the others keep their quotes
            for a in chunk:
                try:
                    found += extract_quotes([a])
                except Exception as e:  # noqa: BLE001
                    notes[a["id"]] = _failure(QUOTES_STEP, e)
                    out.failed += 1
        report("quotes", min(i + batch, len(items)), len(items))
    # One pass over every new quote, so "Trump" in one batch and "Donald Trump" in another agree, scoped
    # by event (roles resolve to the person the event names), and agreeing with the names the same
    # events already have in the store.
    event_of = {a["id"]: a.get("event_id") or "" for a in items}
    known = store.event_speakers(sorted({e for e in event_of.values() if e}))
    found = canonicalise_speakers(found, event_of=event_of, known=known)
    store.save_quotes([a["id"] for a in items], found)
    store.note_analysis(notes, quoted=True)
    return len(found)


def _reprints(store: Store, event_ids: list[str], s: Settings | None = None, out: AnalysisSummary | None = None) -> int:
    """Reprint verdicts within each touched event (a copy lands in its original's event)."""
    from .reprints import find_reprints
    s, out = s or Settings(), out or AnalysisSummary()
    arts = store.event_articles(event_ids, s.reprints_max_chars)
    if not arts:
        return 0
    try:
        found = list(find_reprints(arts))
    except Exception:  # noqa: BLE001 - event by event, so that one event's failure stays its own
        found, notes = [], {}
        by_event: dict[str, list[dict]] = {}
        for a in arts:
            by_event.setdefault(a["event_id"], []).append(a)
        for members in by_event.values():
            try:
                found += find_reprints(members)
            except Exception as e:  # noqa: BLE001
                notes.update({a["id"]: _failure(REPRINTS_STEP, e) for a in members})
        store.note_analysis(notes)
        out.failed += len(notes)
    store.save_reprints([a["id"] for a in arts], found, {a["id"]: a["event_id"] for a in arts})
    return len(found)
