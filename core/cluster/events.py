"""The state the clusterer keeps per event and per article, and what it reports about an event."""
from __future__ import annotations

import hashlib
import math
from itertools import islice
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from core.topics import first_sentence, tag_topics

from .actors import Cast
from .details import Details, Tally
from .features import FIELDS, Vector, anchor_count, tokens

DAY = 86400.0
LEADS, LEAD_CHARS = 10, 400  # what topics read of an event besides its titles: its first members' openings
Span = tuple[float, float]   # epoch seconds (start, end): an exact time has start == end, a date spans its day


@dataclass(slots=True)
class Incoming:
    """An article as the clusterer reads it (see EventClusterer.read)."""

    id: str
    title: str
    text: str
    outlet: str
    span: Span | None           # None: no time to order or window by
    categories: tuple[str, ...]
    year: int | None            # publication year, also from a free-text date or a year-only value
    floor: int | None           # with no year: the latest year the text mentions (written then or later)
    details: Details            # kinds of act and days named (core.cluster.details)
    heads: frozenset[str] = frozenset()   # actor words of the headline (core.cluster.actors)
    named: frozenset[str] = frozenset()   # actor words of every entity it names
    short: bool = False                   # a short text (ClusterConfig.short_chars): a feed summary, a teaser
    anchors: frozenset[str] = frozenset() # a short text's terms beyond the names (features.anchor_terms)
    alone: bool = False                   # a short live blog or roundup (features.is_roundup): never joined
    summary: bool = False                 # only its feed's summary is known (text_status "summary-only"): short_anchors
    names: frozenset[str] = frozenset()   # the words of the names it mentions (features.entities): short_unnamed


@dataclass(slots=True)
class Member:
    """What an event remembers of one article while the event can still change (so a split can move it)."""

    vec: Vector
    span: Span | None
    outlet: str
    title: str
    categories: tuple[str, ...]
    year: int | None
    floor: int | None
    details: Details
    heads: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    short: bool = False
    anchors: frozenset[str] = frozenset()
    alone: bool = False
    summary: bool = False
    names: frozenset[str] = frozenset()


@dataclass
class EventSummary:
    """What the dashboard shows about one event."""

    id: str
    label: str
    terms: list[str]
    first_published: datetime | None
    last_published: datetime | None
    n_articles: int
    n_outlets: int
    outlets: list[str]
    article_ids: list[str]
    topics: list[str]


def event_id_for(article_id: str) -> str:
    """Deterministic event id from the id of the article that opened it."""
    return "ev-" + hashlib.sha1(str(article_id).encode("utf-8")).hexdigest()[:12]


@dataclass(eq=False)
class Event:
    """One event: summed sub-vectors of its members with their squared norms, time span, years and members."""

    idx: int
    id: str
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: {f: {} for f in FIELDS})
    norm2: dict[str, float] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0.0))
    # every field's norm2 is positive, kept with norm2 by the clusterer's _add_vec/_sub_vec: joining reads this
    # flag for each candidate instead of the norms themselves (a cache miss each)
    full: bool = False
    first: float | None = None        # earliest start of a member's span
    last: float | None = None         # latest end of a member's span
    n: int = 0
    article_ids: list[str] = field(default_factory=list)
    outlets: Counter = field(default_factory=Counter)
    titles: list[tuple[str, str]] = field(default_factory=list)   # (article id, title), for labels and topics
    leads: list[str] = field(default_factory=list)     # the first members' opening lines, for topics
    categories: Counter = field(default_factory=Counter)
    alive: bool = True
    indexed: bool = False
    # None once the event left the time window: it will not change any more, so its members are let go
    members: dict[str, Member] | None = field(default_factory=dict)
    checked_n: int = 0                 # size at the last split check
    apart: set[int] = field(default_factory=set)   # idx of events split off from this one: never merged back
    ymin: int | None = None            # publication years of its members
    ymax: int | None = None
    floor: int | None = None           # the latest year an undated member mentions
    n_with_year: int = 0               # members with a publication year (see ClusterConfig.year_mismatch)
    n_short: int = 0                   # members with a short text (see ClusterConfig.short_chars)
    n_summary: int = 0                 # members known only by their feed's summary (see ClusterConfig.short_anchors)
    cohesion: float = 0.0              # mean similarity between members, once there are cohesion_min
    details: Tally = field(default_factory=Tally)   # the members' details, summed
    cast: Cast = field(default_factory=Cast)        # the members' actor words, counted (core.cluster.actors)
    alone: bool = False                # holds a short live blog or roundup: nothing joins or merges with it

    @property
    def mostly_summary(self) -> bool:
        """True when most members are feed summaries whose pages could not be read (ClusterConfig.short_anchors)."""
        return 2 * self.n_summary > self.n

    @property
    def mostly_short(self) -> bool:
        """True when most members are short texts (ClusterConfig.short_chars): what it says is a sentence or two each."""
        return 2 * self.n_short > self.n

    def add_years(self, year: int | None, floor: int | None) -> None:
        """Widen the event's years by one member's publication year or year floor."""
        if year is not None:
            self.ymin = year if self.ymin is None else min(self.ymin, year)
            self.ymax = year if self.ymax is None else max(self.ymax, year)
        if floor is not None and (self.floor is None or floor > self.floor):
            self.floor = floor

    def add_span(self, span: Span | None) -> None:
        """Widen the event's time span by one member's."""
        if span is not None:
            self.first = span[0] if self.first is None else min(self.first, span[0])
            self.last = span[1] if self.last is None else max(self.last, span[1])

    def gap_days(self, span: Span | None) -> float:
        """Days between a span and the event's; 0 when either is undated or they overlap."""
        if span is None or self.first is None:
            return 0.0
        return max(0.0, self.first - span[1], span[0] - self.last) / DAY


def members_agree(a: dict[str, Member], b: dict[str, Member], least: int, limit: int, unnamed: int = 0) -> bool:
    """Whether some member of one group and some of the other share `least` anchor terms (features.anchor_count): two
    reports that tell what happened in the same words; `unnamed` more when the two share no word of a name (two
    subjects' reports of the same kind of act). The most recent `limit` of each group stand for it."""
    for x in islice(reversed(a.values()), limit):
        if not x.anchors:
            continue
        for y in islice(reversed(b.values()), limit):
            shared = x.anchors & y.anchors
            if len(shared) >= least and (n := anchor_count(shared)) >= least and (
                    n >= least + unnamed or not x.names.isdisjoint(y.names)):
                return True
    return False


def span_gap(a: Event, b: Event) -> float:
    """Days between two events' spans; 0 when either is undated or they overlap."""
    return a.gap_days((b.first, b.last)) if b.first is not None else 0.0


def years_clash(year: int | None, floor: int | None, ev: Event, tol: int) -> bool:
    """True when an article's publication year or year floor rules out its being of the event's time."""
    if year is not None:
        if ev.ymin is not None and (year < ev.ymin - tol or year > ev.ymax + tol):
            return True
        # undated members mentioned a later year than this article was published in
        return ev.floor is not None and ev.floor > year + tol
    # this undated article mentions a year later than every member was published
    return floor is not None and ev.ymax is not None and floor > ev.ymax + tol


def events_clash(a: Event, b: Event, tol: int) -> bool:
    """True when two events' publication years and year floors rule out their being one happening."""
    if tol < 0:
        return False
    if a.ymin is not None and b.ymin is not None and (a.ymin > b.ymax + tol or b.ymin > a.ymax + tol):
        return True
    return ((a.floor is not None and b.ymax is not None and a.floor > b.ymax + tol)
            or (b.floor is not None and a.ymax is not None and b.floor > a.ymax + tol))


def mixed_weight(same: int, pairs: int, mismatch: float) -> float:
    """Mean weight over pairs of articles when `same` of `pairs` agree on having a publication year and the
    rest count `mismatch` (ClusterConfig.year_mismatch)."""
    return (same + mismatch * (pairs - same)) / pairs if pairs else 1.0


def summarise(ev: Event, label_terms: int) -> EventSummary:
    """Label, key terms, span, counts and topics of one event."""
    body = ev.sums["body"]
    title = ev.sums["title"]
    ranked = sorted(set(body) | set(title), key=lambda t: (-(body.get(t, 0.0) + 2.0 * title.get(t, 0.0)), t))
    terms = ranked[:label_terms]
    to_dt = (lambda x: datetime.fromtimestamp(x, tz=timezone.utc) if x is not None else None)
    return EventSummary(
        id=ev.id, label=label(ev), terms=terms, first_published=to_dt(ev.first), last_published=to_dt(ev.last),
        n_articles=ev.n, n_outlets=len(ev.outlets), outlets=sorted(ev.outlets), article_ids=list(ev.article_ids),
        topics=event_topics([t for _, t in ev.titles[:10]], ev.leads, terms, ev.categories))


def event_topics(titles: list[str], leads: list[str], terms, categories) -> list[str]:
    """An event's topics from its first members' headlines and openings (LEAD_CHARS each), key terms and feed
    categories: the clusterer's summary and a store's retagging (core.analyse) read the same."""
    # where each report says what happened: a region or a war named only further down (a reaction) tags nothing
    places = [first_sentence(t) for t in titles] + [first_sentence(x) for x in leads]
    return tag_topics(" . ".join(titles), "\n".join(leads) + "\n" + " ".join(terms), tuple(categories),
                      places=places)


def label(ev: Event) -> str:
    """The member headline whose words best match the event's title centroid."""
    title = ev.sums["title"]
    best, best_s = "", -1.0
    for _, t in ev.titles:
        toks = set(tokens(t))
        if not toks:
            continue
        s = sum(title.get(x, 0.0) for x in toks) / math.sqrt(len(toks))
        if s > best_s:
            best, best_s = t, s
    return best
