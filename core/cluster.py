"""Event clustering: articles from different outlets about one happening become one event.

The design follows Miranda et al. (2018), "Multilingual Clustering of Streaming News": each article
is a set of sparse TF-IDF sub-vectors (title, lead, full text, named entities); it joins the most
similar event centroid inside a publication-time window (similarity decays with the time gap) or
opens a new event; a merge pass joins events that turn out to be one. Document frequencies are
updated as articles arrive, so the clusterer needs no fitted vocabulary.

Joining and merging by similarity glue together two happenings of one kind (two celebrities entering
rehab, two fires at one chain's stores): they share most of their vocabulary. So the merge pass also
checks events that have grown large: a spectral two-way split of the members' similarity graph is
accepted when it shows clear structure (mean silhouette >= 0.5) on the full similarity or on the named
entities alone — an event is one happening, and two happenings differ in their who and where.

A bare similarity threshold is too lax for a tight event and too strict for a loose one, so an
article joins only if its similarity also reaches a share (`cohesion`) of the event's own mean
similarity between members: coverage of one happening retold in many words still joins, while the
same actors' next move, which shares most words but not the tight core, opens its own event.

When one side is undated (imports often are), the window cannot tell such happenings apart, so years
do (core.dates): the year a free-text publication field names, or for an article with no year at all
the latest year its text mentions (a floor on when it was written). An article or event whose years
clash with the other side's by more than year_tolerance is kept apart, and a pair where one side has a
publication year and the other has none counts for less (`year_mismatch`): nothing says they are of
one time, so more of the text must agree.

Speed comes from an inverted index (term -> events holding it) restricted to events still inside
the time window, so the work per article stays flat as the store grows.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

from core.dates import publication_year, year_floor
from core.models import get as _get, parse_time  # noqa: F401 - parse_time is part of this API
from core.topics import tag_topics

DAY = 86400.0
FIELDS = ("title", "lead", "body", "ent")


def _setting(default, help: str):
    """Declare a tunable with its default and help text."""
    return field(default=default, metadata={"help": help})


@dataclass
class ClusterConfig:
    """Every tunable of event clustering, one configuration for all corpora."""

    threshold: float = _setting(0.07, "Least similarity to an event's centroid for an article to join it; "
                                      "below it the article opens a new event.")
    merge_threshold: float = _setting(0.15, "Least event-to-event similarity (same linkage) for two events to merge.")
    w_title: float = _setting(0.25, "Weight of the title sub-vector's cosine in the combined similarity.")
    w_lead: float = _setting(0.20, "Weight of the lead (first words of the text) sub-vector.")
    w_body: float = _setting(0.30, "Weight of the full-text (title + text) sub-vector.")
    w_ent: float = _setting(0.25, "Weight of the named-entity (capitalised phrase) sub-vector.")
    linkage: str = _setting("average", "How an article is compared with an event: 'average' (mean similarity "
                                       "to its members, not inflated by event size) or 'centroid' (cosine).")
    max_terms: int = _setting(30, "Highest-weighted terms kept per sub-vector: bounds work per article and "
                                  "drops the weak tail that only adds noise.")
    lead_words: int = _setting(60, "Content words of the text that make up the lead.")
    max_chars: int = _setting(3000, "Characters of the text read for terms and entities: news puts the event "
                                    "first, and the tail of long articles costs time and adds background noise.")
    window_days: float = _setting(4.0, "An event is a candidate only while the article is at most this many "
                                       "days from the event's first..last publication span; "
                                       "bounds the work and keeps similar happenings weeks apart apart.")
    decay_days: float = _setting(3.0, "Similarity is multiplied by exp(-gap/decay_days) for a gap in days "
                                      "between the article and the event's span (0 disables the decay).")
    min_df_ratio_index: float = _setting(0.5, "Terms in more than this share of documents are not indexed: "
                                              "they add little similarity and long posting lists.")
    compact_every: int = _setting(100, "Articles between drops of events that left the time window.")
    merge_every: int = _setting(1000, "Articles between online merge passes over recently changed events.")
    label_terms: int = _setting(6, "Key terms shown per event.")
    split_min_articles: int = _setting(6, "Events with at least this many articles are checked at merge time for "
                                          "being two similar happenings glued together (0 disables splitting).")
    split_min_side: int = _setting(2, "Least articles on each side of a split: one stray article is no second event.")
    split_silhouette: float = _setting(0.5, "Least mean silhouette of a two-way split, on the full similarity or on "
                                            "the named-entity part alone, for it to be accepted (0.5 is Kaufman and "
                                            "Rousseeuw's 'reasonable structure'; genuine single events stay below).")
    split_growth: float = _setting(1.5, "An event is checked again only once it has grown by this factor since its "
                                        "last check, so the work stays amortised.")
    split_max_articles: int = _setting(400, "Events larger than this are not checked (bounds the quadratic work).")
    year_tolerance: int = _setting(2, "Years by which an article's publication year (from its date, or the year a "
                                      "free-text date names) may differ from an event's, and by which the latest "
                                      "year an undated article mentions may lie after it, before the two are kept "
                                      "apart as different happenings; -1 ignores years. Only consulted when one "
                                      "side is undated (the time window rules otherwise); 2, not 1, because "
                                      "follow-up coverage a year or two on and next-year mentions are common.")

    cohesion: float = _setting(0.4, "An article joins an event only if its similarity reaches this share of the "
                                    "event's cohesion (the mean similarity between its members): a tight event "
                                    "asks more of a newcomer than the bare threshold, so a similar happening "
                                    "with the same actors stays out of it (0 disables; average linkage only).")
    cohesion_min: int = _setting(3, "Least articles an event needs before its cohesion is consulted: two are "
                                    "too few to say how tight it is.")
    year_mismatch: float = _setting(0.7, "Similarity factor for a pair where one side has a publication year (from "
                                         "its date or a free-text date) and the other has none, when the window "
                                         "cannot rule: with nothing to say the two are of one time, more of the text "
                                         "must agree. Per pair of articles, so an event's mix of dated and undated "
                                         "members weighs in proportion (1 disables).")

    @staticmethod
    def help() -> dict[str, tuple[object, str]]:
        """Each setting's default and help text."""
        return {f.name: (f.default, f.metadata["help"]) for f in fields(ClusterConfig)}

    def weights(self) -> dict[str, float]:
        """Sub-vector weights by field name."""
        return {"title": self.w_title, "lead": self.w_lead, "body": self.w_body, "ent": self.w_ent}


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


# --- reading articles -------------------------------------------------------------------------

# --- features --------------------------------------------------------------------------------

_STOP = frozenset("""
a about above after again against all almost also although always am among an and another any are
aren't around as at be became because been before being below between both but by can can't cannot
could couldn't did didn't do does doesn't doing don't down during each either else even ever every
few for from further get gets got had hadn't has hasn't have haven't having he he'd he'll he's her
here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't
it it's its itself just least less let's like made make many may me might more most much must my
myself never new no nor not now of off often on once one only or other others ought our ours
ourselves out over own per perhaps put rather said same say says shan't she she'd she'll she's
should shouldn't since so some still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through thus to too
toward towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't
what what's when when's where where's whether which while who who's whom whose why why's will with
within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
yourselves mr mrs ms dr told according just also year years day days time week weeks news report
reports reported percent would could one two three first last including
monday tuesday wednesday thursday friday saturday sunday n't 's 're 've 'll 'd
""".split())

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_TOKEN_ASCII = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?")  # the same on lowercased ASCII text, and faster
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A run of capitalised words (allowing a few lowercase connectors inside) is a cheap stand-in for
# named entities: fast enough for thousands of articles a second, unlike a tagger. The capital comes
# first and the "not inside a word" lookbehind after it, so the scan tests one character class per
# position (twice as fast as a leading lookbehind, same matches).
_ENTITY = re.compile(
    r"[A-Z](?<![\w’'].)(?:[\w’'.\-]*\w)?(?:\s+(?:(?:of|de|al|la|bin|van|von|der|du|the|for|and)\s+)?"
    r"(?:[A-Z][\w’'.\-]*[\w]|[A-Z]))*")
_ENTITY_SKIP = _STOP | frozenset("""
the a an but and or if in on at as for by to of it he she they we i you this that these those
his her their our its there here when while after before with from new breaking update updated
watch video photos live read analysis opinion editorial exclusive
""".split())

def _norm(tok: str) -> str:
    """Lowercase, drop possessives and plural -s; '' for stopwords and lone digits."""
    t = tok.replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    if t in _STOP or len(t) < 2:
        return ""
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is", "'s")):
        return t[:-1]
    return t


class _Cache(dict):
    """A memo of a one-argument function, filled on first use and bounded in size.

    A dict subclass with __missing__ lets the hot loops run as C-level map() over dict lookups.
    """

    def __init__(self, fn, limit: int = 1_000_000):
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key):
        value = self.fn(key)
        if len(self) >= self.limit:  # a long-running ingest must not grow it forever
            self.clear()
        self[key] = value
        return value


_norm_cache = _Cache(_norm)


def _tokens(text: str) -> list[str]:
    """Content-word terms of a text; CJK runs become character bigrams (no spaces to split on)."""
    low = text.lower()
    if low.isascii():
        return list(filter(None, map(_norm_cache.__getitem__, _TOKEN_ASCII.findall(low))))
    toks = _TOKEN.findall(low)
    if _CJK.search(text) is None:  # the common case, kept at C speed: map over the memo
        return list(filter(None, map(_norm_cache.__getitem__, toks)))
    out = []
    for tok in toks:
        if _CJK.search(tok):
            out.extend(tok[i:i + 2] for i in range(max(1, len(tok) - 1)))
            continue
        n = _norm_cache[tok]
        if n:
            out.append(n)
    return out


def _entity_phrase(m: str) -> str:
    """One capitalised run as an entity: lowercased, outer function words and possessives dropped."""
    words = m.split()
    while words and words[0].lower() in _ENTITY_SKIP:
        words = words[1:]
    while words and words[-1].lower() in _ENTITY_SKIP:
        words = words[:-1]
    if not words:
        return ""
    phrase = " ".join(w.strip(".’'").lower() for w in words)
    if phrase.endswith(("'s", "’s")):
        phrase = phrase[:-2]
    if len(phrase) > 1 and not phrase.isdigit():
        return phrase
    return ""


_entity_cache = _Cache(_entity_phrase)


def _entities(text: str) -> list[str]:
    """Capitalised phrases in running text, lowercased, leading function words dropped."""
    return list(filter(None, map(_entity_cache.__getitem__, _ENTITY.findall(text))))


def _is_headline_case(title: str) -> bool:
    """True when most words are capitalised, as in headline style, so capitals say nothing."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


@dataclass
class _Doc:
    """Raw term counts of one article per field, before IDF weighting."""

    counts: dict[str, Counter]
    terms: set[str]          # body terms, for document frequencies
    ents: set[str]


def _analyse(title: str, text: str, lead_words: int, max_chars: int = 0) -> _Doc:
    """Split an article into term counts for title, lead, body and entities."""
    if max_chars > 0 and len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[:cut if cut > 0 else max_chars]
    tt = _tokens(title)
    xt = _tokens(text)
    ent_src = text if text else ("" if _is_headline_case(title) else title)
    if text and not _is_headline_case(title):
        ent_src = title + ".\n" + text
    ents = _entities(ent_src)
    counts = {
        "title": Counter(tt),
        "lead": Counter(xt[:lead_words]) if xt else Counter(tt),
        "body": Counter(tt + xt) if tt else Counter(xt),
        "ent": Counter(ents),
    }
    return _Doc(counts, set(counts["body"]), set(counts["ent"]))


class _DF:
    """Running document frequencies for body terms and entities, with a cache of IDF values."""

    def __init__(self):
        self.n = 0
        self.terms: Counter = Counter()
        self.ents: Counter = Counter()
        self.cache: dict[str, dict[str, float]] = self._fresh_cache()
        self._cached_at = 0

    def _fresh_cache(self) -> dict[str, "_IDF"]:
        """Empty IDF memos for terms and entities, filled on lookup."""
        return {"terms": _IDF(self, self.terms), "ents": _IDF(self, self.ents)}

    def add(self, doc: _Doc) -> None:
        """Count one more document."""
        self.n += 1
        self.terms.update(doc.terms)
        self.ents.update(doc.ents)
        # IDF moves slowly once there are many documents: recompute it when N has grown by 5%
        # (log N changes by under 0.05, far below the spread between terms)
        if self.n > self._cached_at * 1.05 + 20:
            self.cache = self._fresh_cache()
            self._cached_at = self.n

    def idf(self, term: str, ent: bool) -> float:
        """Smoothed inverse document frequency."""
        df = (self.ents if ent else self.terms).get(term, 0)
        return math.log((self.n + 1) / (df + 1)) + 1.0


class _IDF(dict):
    """Memo of smoothed IDF values for one vocabulary (terms or entities), computed on first lookup."""

    def __init__(self, df: "_DF", counts: Counter):
        super().__init__()
        self.df = df
        self.counts = counts

    def __missing__(self, term: str) -> float:
        v = self[term] = math.log((self.df.n + 1) / (self.counts.get(term, 0) + 1)) + 1.0
        return v


_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]  # sublinear term frequency, tabulated


def _weigh(doc: _Doc, df: _DF, max_terms: int) -> dict[str, dict[str, float]]:
    """Sublinear TF-IDF sub-vectors cut to their top terms, each L2-normalised (empty stays empty)."""
    vec = {}
    terms_idf, ents_idf = df.cache["terms"], df.cache["ents"]
    tf = _TF
    for f, cnt in doc.counts.items():
        idf = ents_idf if f == "ent" else terms_idf
        v = {t: idf[t] * (tf[c] if c < 256 else 1.0 + math.log(c)) for t, c in cnt.items()}
        if len(v) > max_terms:
            v = _top(v, max_terms)
        norm = math.hypot(*v.values()) if v else 0.0
        if norm > 0:
            inv = 1.0 / norm
            vec[f] = {t: x * inv for t, x in v.items()}
        else:
            vec[f] = {}
    return vec


_second = operator.itemgetter(1)


def _top(v: dict[str, float], k: int) -> dict[str, float]:
    """The k highest-weighted entries; ties at the cut go to the earlier-inserted terms (deterministic)."""
    cut = sorted(v.values(), reverse=True)[k - 1]
    out = {t: x for t, x in v.items() if x > cut}
    need = k - len(out)
    if need > 0:
        for t, x in v.items():
            if x == cut:
                out[t] = x
                need -= 1
                if need == 0:
                    break
    return out


# --- events ----------------------------------------------------------------------------------

def event_id_for(article_id: str) -> str:
    """Deterministic event id from the id of the article that opened it."""
    return "ev-" + hashlib.sha1(str(article_id).encode("utf-8")).hexdigest()[:12]


class _Event:
    """One event's state: summed sub-vectors, their squared norms, time span and members."""

    __slots__ = ("idx", "id", "sums", "norm2", "first", "last", "n", "article_ids", "outlets",
                 "titles", "cats", "alive", "indexed", "members", "checked_n", "apart",
                 "ymin", "ymax", "floor", "nyr", "coh")

    def __init__(self, idx: int, eid: str):
        self.idx = idx
        self.id = eid
        self.sums: dict[str, dict[str, float]] = {f: {} for f in FIELDS}
        self.norm2 = dict.fromkeys(FIELDS, 0.0)
        self.first: float | None = None
        self.last: float | None = None
        self.n = 0
        self.article_ids: list[str] = []
        self.outlets: Counter = Counter()
        self.titles: list[tuple[str, str]] = []   # (article id, title), for labels and topics
        self.cats: Counter = Counter()
        self.alive = True
        self.indexed = False
        # per-article (vector, time, outlet, title, categories) while the event can still change, so a
        # split can move articles out; None once it left the time window (kept no longer than needed)
        self.members: dict[str, tuple] | None = {}
        self.checked_n = 0             # size at the last split check
        self.apart: set[int] = set()   # idx of events split off from this one: never merged back
        # publication years of its members (from dates or free-text dates), and the latest year its undated
        # members mention (they were written then or later); None when no member says
        self.ymin: int | None = None
        self.ymax: int | None = None
        self.floor: int | None = None
        self.nyr = 0                   # members with a publication year (see year_mismatch)
        self.coh = 0.0                 # mean similarity between members, once there are cohesion_min

    def set_era(self, year: int | None, floor: int | None) -> None:
        """Widen the event's years by one member's publication year or year floor."""
        if year is not None:
            self.ymin = year if self.ymin is None else min(self.ymin, year)
            self.ymax = year if self.ymax is None else max(self.ymax, year)
        if floor is not None and (self.floor is None or floor > self.floor):
            self.floor = floor



def _silhouette(sim, side) -> float:
    """Mean silhouette of a two-way partition under a similarity matrix with a zero diagonal."""
    import numpy as np

    out = np.empty(len(side))
    for mask in (side, ~side):
        m = int(mask.sum())
        own = sim[mask][:, mask].sum(axis=1) / max(m - 1, 1)
        other = sim[mask][:, ~mask].mean(axis=1)
        out[mask] = (own - other) / np.maximum(np.maximum(own, other), 1e-12)
    return float(out.mean())


def _mixed_weight(same: int, pairs: int, mismatch: float) -> float:
    """Mean weight over pairs of articles when `same` of `pairs` agree on having a publication year and the
    rest count `mismatch` (year_mismatch)."""
    return (same + mismatch * (pairs - same)) / pairs if pairs else 1.0


def _span_gap(a: _Event, b: _Event) -> float:
    """Days between two events' spans; 0 when either is undated or they overlap."""
    if a.first is None or b.first is None:
        return 0.0
    return max(0.0, (b.first - a.last) / DAY, (a.first - b.last) / DAY)


class EventClusterer:
    """Online event clustering: each article joins the most similar active event or opens one.

    Ids change in two ways, both recorded for a store to follow:
      merged  {merged-away event id: surviving event id} — every article of the first now belongs to the
              second; resolve(id) follows chains.
      split   {article id: event id it was moved to} — filled when the merge pass splits an event that
              held two happenings: the larger part keeps the old id, the smaller gets a new one derived from
              its first article (event_id_for(first article id + "#split")). The target may later merge
              away, so read it through resolve(); event_of(article id) always gives the current event.
    """

    def __init__(self, config: ClusterConfig | None = None, *, time_bound: bool = True):
        """time_bound=False keeps every event a candidate (for imports with undated articles)."""
        self.config = config or ClusterConfig()
        self.time_bound = time_bound
        self.df = _DF()
        self.weights = self.config.weights()
        self._avg = self.config.linkage == "average"
        self._live_fields = [(k, f) for k, f in enumerate(FIELDS) if self.weights[f] > 0]
        self._events: list[_Event] = []
        self._by_id: dict[str, _Event] = {}
        self._article_event: dict[str, _Event] = {}
        self._post: dict[str, dict[str, dict[int, float]]] = {f: {} for f in FIELDS}
        self._clock: float | None = None          # latest publication time seen
        self._expiry: list[tuple[float, int]] = []  # (last time, event idx) heap for compaction
        self._since_compact = 0
        self._since_merge = 0
        self._touched: set[int] = set()
        self.merged: dict[str, str] = {}          # merged-away event id -> surviving event id
        self.split: dict[str, str] = {}           # article id -> event id it was split off into
        self._frozen_df: _DF | None = None

    # -- public API --

    def add(self, article: Any) -> str:
        """Assign one article to an event (existing or new) and return the event id."""
        aid, title, text, outlet, t, cats, era = self._read(article)
        if aid in self._article_event:
            raise ValueError(f"duplicate article id {aid!r}")
        doc = _analyse(title, text, self.config.lead_words, self.config.max_chars)
        if self._frozen_df is None:
            self.df.add(doc)
        vec = _weigh(doc, self._frozen_df or self.df, self.config.max_terms)
        ev = self._best(vec, t, era)
        if ev is None:
            ev = self._open(aid)
        self._join(ev, aid, vec, t, outlet, title, cats, era)
        self._tick()
        return ev.id

    def add_many(self, articles: Iterable[Any]) -> list[str]:
        """Assign many articles in the given order, then merge events that turned out to be one."""
        aids = []
        for a in articles:
            self.add(a)
            aids.append(str(_get(a, "id")))
        if self._touched:
            self.merge()
        return [self._article_event[a].id for a in aids]  # current ids: merges and splits included

    def restore(self, articles: Sequence[Any], event_ids: Sequence[str]) -> None:
        """Rebuild state from stored articles and their event ids without reassigning any."""
        if len(articles) != len(event_ids):
            raise ValueError("restore needs one event id per article")
        rows = []
        for a, eid in zip(articles, event_ids):
            aid, title, text, outlet, t, cats, era = self._read(a)
            if aid in self._article_event:
                raise ValueError(f"duplicate article id {aid!r}")
            doc = _analyse(title, text, self.config.lead_words, self.config.max_chars)
            self.df.add(doc)
            rows.append((aid, title, outlet, t, cats, doc, self.resolve(str(eid)), era))
        # weigh after counting all so restored centroids use the same IDF as a fresh run would
        order = sorted(range(len(rows)), key=lambda i: (rows[i][3] is None, rows[i][3] or 0.0))
        for i in order:
            aid, title, outlet, t, cats, doc, eid, era = rows[i]
            ev = self._by_id.get(eid)
            if ev is None:
                ev = self._new_event(eid)
            self._join(ev, aid, _weigh(doc, self.df, self.config.max_terms), t, outlet, title, cats, era)
        self._compact()
        self._touched.clear()

    def events(self) -> list[EventSummary]:
        """Summaries of all live events, newest first."""
        out = [self._summary(e) for e in self._events if e.alive]
        far = datetime.min.replace(tzinfo=timezone.utc)
        out.sort(key=lambda s: (s.last_published or far, s.id), reverse=True)
        return out

    def resolve(self, event_id: str) -> str:
        """The surviving id of an event that may have been merged away."""
        seen = 0
        while event_id in self.merged and seen < 10_000:
            event_id = self.merged[event_id]
            seen += 1
        return event_id

    def event_of(self, article_id: str) -> str:
        """The current event id of an article already added."""
        return self._article_event[article_id].id

    def n_events(self) -> int:
        """How many live events there are."""
        return len(self._by_id)

    def n_indexed(self) -> int:
        """How many events are still candidates (inside the time window's index)."""
        return sum(1 for e in self._events if e.indexed and e.alive)

    def merge(self, everything: bool = False) -> dict[str, str]:
        """Merge events whose centroids are similar enough; returns {merged-away id: surviving id}.

        Large events among those that changed are then checked for holding two happenings and split
        (see `split`); the parts of a split never merge back with each other, but each may still merge
        with a third event, so they go through the merge loop once more.
        """
        cfg = self.config
        todo = [e for e in self._events if e.alive] if everything else \
            [self._events[i] for i in sorted(self._touched) if self._events[i].alive and self._events[i].n > 1]
        self._touched.clear()
        done: dict[str, str] = {}
        for _ in range(3):  # merge, split, merge the parts: bounded, as parts only get smaller
            changed = self._merge_loop(todo, done)
            if cfg.split_min_articles <= 0:
                break
            parts = self._split_pass(sorted(changed))
            if not parts:
                break
            todo = [self._events[i] for i in sorted(parts) if self._events[i].alive]
        self.merged.update(done)
        return done

    def _merge_loop(self, todo: list[_Event], done: dict[str, str]) -> set[int]:
        """Greedy merging, largest first, of the given events into their closest neighbours; returns the
        indexes of the events that were checked or grew."""
        heap = [(-e.n, e.idx) for e in todo]
        heapq.heapify(heap)
        changed = {e.idx for e in todo}
        while heap:
            _, idx = heapq.heappop(heap)
            ev = self._events[idx]
            if not ev.alive:
                continue
            best, score = self._closest_event(ev)
            if best is None or score < self.config.merge_threshold:
                continue
            keep, gone = (best, ev) if self._older(best, ev) else (ev, best)
            self._absorb(keep, gone)
            done[gone.id] = keep.id
            changed.add(keep.idx)
            heapq.heappush(heap, (-keep.n, keep.idx))
        return changed

    # -- internals --

    def _read(self, a: Any):
        """Validated fields of an article: id, title, text, outlet, time (epoch s or None), categories and
        era (publication year, year floor)."""
        aid = _get(a, "id")
        if aid is None or str(aid) == "":
            raise ValueError("article without an id")
        title = _get(a, "title") or ""
        text = _get(a, "text") or ""
        outlet = _get(a, "outlet") or "unknown"
        published = _get(a, "published")
        dt = parse_time(published)
        # a free-text date is no time to order or window by, but the year it names is reliable
        year = dt.year if dt is not None else publication_year(published)
        if dt is None and self.time_bound:
            # online: an undated article is placed at the time it was first seen (or now)
            dt = parse_time(_get(a, "first_seen")) or datetime.now(timezone.utc)
            if year is None:
                year = dt.year
        t = dt.timestamp() if dt is not None else None
        # with no year at all, the latest year the text mentions is a floor on when it was written
        floor = year_floor(f"{title}\n{text[:self.config.max_chars]}") if year is None else None
        cats = _get(a, "categories") or ()
        if isinstance(cats, str):
            cats = [cats]
        return str(aid), str(title), str(text), str(outlet), t, tuple(str(c) for c in cats), (year, floor)

    def _score(self, vec: dict[str, dict[str, float]]) -> dict[int, list[float]]:
        """Per-field dot products of a vector with every indexed event sharing a term."""
        acc: dict[int, list[float]] = {}
        for k, f in self._live_fields:
            post = self._post[f]
            for term, w in vec[f].items():
                p = post.get(term)
                if not p:
                    continue
                for i, s in p.items():
                    a = acc.get(i)
                    if a is None:
                        a = acc[i] = [0.0, 0.0, 0.0, 0.0]
                    a[k] += w * s
        return acc

    def _decayed(self, num: float, den: float, gap: float) -> float:
        """Weighted mean similarity, shrunk by the time gap (days) between article and event."""
        if den <= 0:
            return 0.0
        s = num / den
        if self.config.decay_days > 0 and gap > 0:
            s *= math.exp(-gap / self.config.decay_days)
        return s

    def _best(self, vec, t: float | None, era=(None, None)) -> _Event | None:
        """The most similar candidate event above the join threshold, if any, among those of a compatible era."""
        present = [(k, f, self.weights[f]) for k, f in enumerate(FIELDS) if vec[f] and self.weights[f] > 0]
        if not present:
            return None
        if self._avg:
            cands = self._score_avg(vec, present)
        else:
            cands = ((i, sum(w * dots[k] / math.sqrt(self._events[i].norm2[f]) for k, f, w in present
                             if self._events[i].norm2[f] > 0)) for i, dots in self._score(vec).items())
        best, best_s = None, self.config.threshold
        win = self.config.window_days
        decay = self.config.decay_days
        events = self._events
        exp = math.exp
        full = sum(w for _, _, w in present)
        years = self.config.year_tolerance >= 0 and era != (None, None)
        alpha = self.config.cohesion if self._avg else 0.0
        mix = self.config.year_mismatch
        for i, num in cands:
            ev = events[i]
            # days between t and the event's span, 0 when either is undated; computed inline because
            # this loop runs for every candidate of every article
            first = ev.first
            if t is None or first is None:
                gap = 0.0
            elif t < first:
                gap = (first - t) / DAY
            elif t > ev.last:
                gap = (t - ev.last) / DAY
            else:
                gap = 0.0
            if gap > win:
                continue
            # two dated sides are kept apart by the window already; years matter when either is undated
            if years and (t is None or first is None) and self._era_clash(era, ev):
                continue
            # the weighted mean runs over the fields both sides have; events nearly always have them all
            n2s = ev.norm2
            den = full
            for _, f, w in present:
                if n2s[f] <= 0:
                    den -= w
            if den <= 1e-12:
                continue
            sc = num / den
            if self._avg:
                sc /= ev.n
            if decay > 0 and gap > 0:
                sc *= exp(-gap / decay)
            if mix != 1.0 and (t is None or first is None):
                sc *= _mixed_weight(ev.nyr if era[0] is not None else ev.n - ev.nyr, ev.n, mix)
            if sc > best_s and sc < alpha * ev.coh:
                continue
            if sc > best_s or (sc == best_s and best is not None and ev.idx < best.idx):
                best, best_s = ev, sc
        return best

    def _score_avg(self, vec, present) -> Iterable[tuple[int, float]]:
        """(event index, weighted sum of per-field dot products) for every indexed event sharing a term.

        One float per event, the field weights folded into the article's term weights: the hot loop of
        joining, so it keeps to C-level dict calls.
        """
        acc: dict[int, float] = {}
        get = acc.get
        for _, f, wf in present:
            post = self._post[f]
            for term, w in vec[f].items():
                p = post.get(term)
                if p:
                    w *= wf
                    for i, s in p.items():
                        acc[i] = get(i, 0.0) + w * s
        return acc.items()

    def _era_clash(self, era: tuple[int | None, int | None], ev: _Event) -> bool:
        """True when an article's (publication year, year floor) rules out its being of the event's time."""
        tol = self.config.year_tolerance
        year, floor = era
        if year is not None:
            if ev.ymin is not None and (year < ev.ymin - tol or year > ev.ymax + tol):
                return True
            # undated members mentioned a later year than this article was published in
            return ev.floor is not None and ev.floor > year + tol
        # this undated article mentions a year later than every member was published
        return floor is not None and ev.ymax is not None and floor > ev.ymax + tol

    def _events_clash(self, a: _Event, b: _Event) -> bool:
        """True when two events' publication years and year floors rule out their being one happening."""
        tol = self.config.year_tolerance
        if tol < 0:
            return False
        if a.ymin is not None and b.ymin is not None and (a.ymin > b.ymax + tol or b.ymin > a.ymax + tol):
            return True
        return ((a.floor is not None and b.ymax is not None and a.floor > b.ymax + tol)
                or (b.floor is not None and a.ymax is not None and b.floor > a.ymax + tol))

    def _open(self, aid: str, key: str | None = None) -> _Event:
        """A new event whose id derives from its first article's id, or from `key` (never reused)."""
        key = aid if key is None else key
        eid = event_id_for(key)
        k = 1
        while eid in self._by_id or eid in self.merged:
            eid = event_id_for(f"{key}#{k}")
            k += 1
        return self._new_event(eid)

    def _new_event(self, eid: str) -> _Event:
        """Register an empty event under a given id."""
        ev = _Event(len(self._events), eid)
        self._events.append(ev)
        self._by_id[eid] = ev
        return ev

    def _join(self, ev: _Event, aid: str, vec, t, outlet: str, title: str, cats, era=(None, None)) -> None:
        """Add an article's vectors and metadata to an event and to the index."""
        self._add_vec(ev, vec, +1.0)
        ev.n += 1
        if era[0] is not None:
            ev.nyr += 1
        self._cohere(ev)
        ev.article_ids.append(aid)
        ev.outlets[outlet] += 1
        if len(ev.titles) < 50:
            ev.titles.append((aid, title))
        ev.cats.update(cats)
        if t is not None:
            ev.first = t if ev.first is None else min(ev.first, t)
            ev.last = t if ev.last is None else max(ev.last, t)
            if self._clock is None or t > self._clock:
                self._clock = t
            heapq.heappush(self._expiry, (ev.last, ev.idx))
        ev.set_era(*era)
        self._article_event[aid] = ev
        self._touched.add(ev.idx)
        if ev.members is not None:
            ev.members[aid] = (vec, t, outlet, title, cats, era)

    def _add_vec(self, ev: _Event, vec, sign: float) -> None:
        """Add (or subtract) a vector to an event's sums, keeping norms and the index in step."""
        if sign < 0:
            self._sub_vec(ev, vec)
            return
        skip = self._skip_terms()
        idx = ev.idx
        for _, f in self._live_fields:
            v = vec[f]
            if not v:
                continue
            sums = ev.sums[f]
            post = self._post[f]
            get = sums.get
            n2 = ev.norm2[f]
            fskip = () if f == "ent" else skip  # entities are never too common to index
            # adding only grows each weight (all are positive), so no term drops out here
            for term, w in v.items():
                old = get(term, 0.0)
                new = old + w
                n2 += new * new - old * old
                sums[term] = new
                if term in fskip:
                    continue
                p = post.get(term)
                if p is None:
                    post[term] = {idx: new}
                else:
                    p[idx] = new
            ev.norm2[f] = n2
        ev.indexed = True

    def _sub_vec(self, ev: _Event, vec) -> None:
        """Subtract a member's vector from an event's sums (when a split moves it out)."""
        skip = self._skip_terms()
        for _, f in self._live_fields:
            sums = ev.sums[f]
            post = self._post[f]
            n2 = ev.norm2[f]
            for term, w in vec[f].items():
                old = sums.get(term, 0.0)
                new = old - w
                n2 += new * new - old * old
                if abs(new) < 1e-9:
                    sums.pop(term, None)
                    p = post.get(term)
                    if p is not None:
                        p.pop(ev.idx, None)
                    continue
                sums[term] = new
                if f != "ent" and term in skip:
                    continue
                p = post.get(term)
                if p is None:
                    p = post[term] = {}
                p[ev.idx] = new
            ev.norm2[f] = max(n2, 0.0)
        ev.indexed = True

    def _cohere(self, ev: _Event) -> None:
        """Recompute an event's cohesion, the weighted mean similarity between its members.

        Members' vectors are unit length, so |sum|^2 = n + twice the sum of their pairwise similarities: the
        mean per field comes from the norms already kept, with no pass over the members. A member with an
        empty field (no entities, say) makes that field's figure an underestimate, so the guard only loosens.
        """
        n = ev.n
        if n < max(2, self.config.cohesion_min):
            ev.coh = 0.0
            return
        num = den = 0.0
        for _, f in self._live_fields:
            n2 = ev.norm2[f]
            if n2 > 0:
                w = self.weights[f]
                num += w * (n2 - n) / (n * (n - 1))
                den += w
        ev.coh = num / den if den > 0 else 0.0

    def _skip_terms(self) -> set[str] | frozenset:
        """Terms too common to be worth indexing (recomputed at compaction)."""
        return getattr(self, "_skip", frozenset())

    def _unindex(self, ev: _Event) -> None:
        """Remove an event from the inverted index (it stays in the store of events)."""
        if not ev.indexed:
            return
        for f in FIELDS:
            post = self._post[f]
            for term in ev.sums[f]:
                p = post.get(term)
                if p is not None:
                    p.pop(ev.idx, None)
                    if not p:
                        del post[term]
        ev.indexed = False

    def _tick(self) -> None:
        """Periodic housekeeping: drop expired events from the index, merge recent events."""
        self._since_compact += 1
        self._since_merge += 1
        if self._since_compact >= self.config.compact_every:
            self._compact()
        if self._since_merge >= self.config.merge_every:
            self._since_merge = 0
            self.merge()

    def _compact(self) -> None:
        """Unindex events whose last article is more than the window before the clock."""
        self._since_compact = 0
        # the scan is over the whole vocabulary, so redo it only when the corpus grew by a quarter
        if self.df.n > 200 and self.df.n > 1.25 * getattr(self, "_skip_at", 0):
            cut = self.config.min_df_ratio_index * self.df.n
            self._skip = {t for t, c in self.df.terms.items() if c > cut}
            self._skip_at = self.df.n
        if not self.time_bound or self._clock is None:
            return
        horizon = self._clock - (self.config.window_days + 1.0) * DAY
        while self._expiry and self._expiry[0][0] < horizon:
            last, idx = heapq.heappop(self._expiry)
            ev = self._events[idx]
            if ev.last is not None and ev.last < horizon and ev.indexed:
                self._unindex(ev)
                ev.members = None  # out of the window: it will not change any more
        # undated events never expire in the heap; online mode dates everything, so none exist

    def _closest_event(self, ev: _Event) -> tuple[_Event | None, float]:
        """The most similar other live, indexed event to ev's centroid and the similarity."""
        acc: dict[int, list[float]] = {}
        for k, f in enumerate(FIELDS):
            post = self._post[f]
            for term, w in ev.sums[f].items():
                p = post.get(term)
                if not p:
                    continue
                for i, s in p.items():
                    if i == ev.idx:
                        continue
                    a = acc.get(i)
                    if a is None:
                        a = acc[i] = [0.0, 0.0, 0.0, 0.0]
                    a[k] += w * s
        best, best_s = None, -1.0
        for i, dots in acc.items():
            other = self._events[i]
            if not other.alive or i in ev.apart:
                continue
            gap = _span_gap(ev, other)
            if gap > self.config.window_days:
                continue
            if (ev.first is None or other.first is None) and self._events_clash(ev, other):
                continue
            s = self._centroid_sim(ev, other, dots, gap)
            if ev.first is None or other.first is None:
                s *= self._year_mix(ev, other)
            if s > best_s:
                best, best_s = other, s
        return best, best_s

    def _year_mix(self, a: _Event, b: _Event) -> float:
        """The year_mismatch factor averaged over the pairs of members of two events."""
        same = a.nyr * b.nyr + (a.n - a.nyr) * (b.n - b.nyr)
        return _mixed_weight(same, a.n * b.n, self.config.year_mismatch)

    def _centroid_sim(self, a: _Event, b: _Event, dots: list[float], gap: float) -> float:
        """Weighted cosine between two centroids over shared fields, times the time decay."""
        num = den = 0.0
        for k, f in enumerate(FIELDS):
            if a.norm2[f] <= 0 or b.norm2[f] <= 0:
                continue
            w = self.weights[f]
            num += w * dots[k] / ((a.n * b.n) if self._avg else math.sqrt(a.norm2[f] * b.norm2[f]))
            den += w
        return self._decayed(num, den, gap)

    @staticmethod
    def _older(a: _Event, b: _Event) -> bool:
        """True when a should keep its id over b: larger first, then earlier-opened."""
        return (a.n, -a.idx) > (b.n, -b.idx)

    def _absorb(self, keep: _Event, gone: _Event) -> None:
        """Move every article of `gone` into `keep`; `gone` dies and its id maps to `keep`."""
        self._unindex(gone)
        for f in FIELDS:
            vec = {f2: {} for f2 in FIELDS}
            vec[f] = gone.sums[f]
            self._add_vec(keep, vec, +1.0)
        keep.n += gone.n
        keep.nyr += gone.nyr
        self._cohere(keep)
        keep.article_ids.extend(gone.article_ids)
        keep.outlets.update(gone.outlets)
        keep.titles.extend(gone.titles[: max(0, 50 - len(keep.titles))])
        keep.cats.update(gone.cats)
        keep.set_era(gone.ymin, gone.floor)
        keep.set_era(gone.ymax, None)
        if gone.first is not None:
            keep.first = gone.first if keep.first is None else min(keep.first, gone.first)
            keep.last = gone.last if keep.last is None else max(keep.last, gone.last)
            heapq.heappush(self._expiry, (keep.last, keep.idx))
        for aid in gone.article_ids:
            self._article_event[aid] = keep
        if keep.members is None or gone.members is None:
            keep.members = None
        else:
            keep.members.update(gone.members)
        gone.members = None
        for j in gone.apart:  # what was split apart from either stays apart from the union
            other = self._events[j].apart
            other.discard(gone.idx)
            other.add(keep.idx)
        keep.apart |= gone.apart
        keep.apart.discard(keep.idx)
        gone.alive = False
        gone.sums = {f: {} for f in FIELDS}
        del self._by_id[gone.id]
        for k, v in self.merged.items():
            if v == gone.id:
                self.merged[k] = keep.id
        self._touched.add(keep.idx)

    # -- splitting events that hold two happenings --

    def _split_pass(self, idxs: Iterable[int]) -> set[int]:
        """Check the given events (and the parts of any split) for being two happenings; split those that
        are. Returns the indexes of the parts."""
        cfg = self.config
        parts: set[int] = set()
        queue = list(idxs)
        while queue:
            ev = self._events[queue.pop()]
            if (not ev.alive or ev.members is None or len(ev.members) != ev.n
                    or ev.n < max(cfg.split_min_articles, 2 * cfg.split_min_side)
                    or ev.n > cfg.split_max_articles or ev.n < cfg.split_growth * ev.checked_n):
                continue
            ev.checked_n = ev.n
            moved = self._two_way(ev)
            if moved:
                new = self._split_off(ev, moved)
                ev.checked_n = new.checked_n = 0  # each part may itself still hold two happenings
                queue.extend((new.idx, ev.idx))
                parts.update((new.idx, ev.idx))
        return parts

    def _two_way(self, ev: _Event) -> list[str] | None:
        """Articles of the smaller side of a clearly structured two-way split of ev, or None.

        The split is the normalised-cut sweep over the Fiedler vector of the members' similarity graph
        (the same weighted cosine as joining uses); it is accepted when its mean silhouette reaches
        split_silhouette on that similarity or on the entity sub-vectors alone.
        """
        import numpy as np

        cfg = self.config
        aids = list(ev.members)
        n = len(aids)
        num = np.zeros((n, n))
        den = np.zeros((n, n))
        ent = None
        for _, f in self._live_fields:
            vocab: dict[str, int] = {}
            rows, cols, vals = [], [], []
            for r, aid in enumerate(aids):
                for term, w in ev.members[aid][0][f].items():
                    rows.append(r)
                    cols.append(vocab.setdefault(term, len(vocab)))
                    vals.append(w)
            if not vocab:
                continue
            if n * len(vocab) <= 2_000_000:  # dense is fastest for the usual few dozen articles
                x = np.zeros((n, len(vocab)))
                x[rows, cols] = vals
                g = x @ x.T
            else:
                from scipy.sparse import csr_matrix
                x = csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
                g = (x @ x.T).toarray()
            present = np.zeros(n)
            present[rows] = 1.0
            w = self.weights[f]
            num += w * g
            den += w * np.outer(present, present)
            if f == "ent":
                ent = g
        sim = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
        np.fill_diagonal(sim, 0.0)
        deg = np.maximum(sim.sum(axis=1), 1e-12)
        inv = 1.0 / np.sqrt(deg)
        _, vecs = np.linalg.eigh(inv[:, None] * sim * inv[None, :])
        order = np.argsort(inv * vecs[:, -2], kind="stable")  # the Fiedler vector, as a ranking
        p = sim[np.ix_(order, order)]
        inner = np.cumsum(np.cumsum(p, axis=0), axis=1)
        ks = np.arange(cfg.split_min_side, n - cfg.split_min_side + 1)
        if not len(ks):
            return None
        cut = inner[ks - 1, n - 1] - inner[ks - 1, ks - 1]
        vol_a = np.cumsum(deg[order])[ks - 1]
        ncut = cut / vol_a + cut / np.maximum(deg.sum() - vol_a, 1e-12)
        k = int(ks[int(np.argmin(ncut))])
        side = np.zeros(n, dtype=bool)
        side[order[:k]] = True
        best = _silhouette(sim, side)
        if ent is not None and best < cfg.split_silhouette:
            np.fill_diagonal(ent, 0.0)
            best = max(best, _silhouette(ent, side))
        if best < cfg.split_silhouette:
            return None
        # the larger part keeps the id; on a tie, the part holding the event's first article
        first = aids.index(ev.article_ids[0])
        small = side if (side.sum() < n - side.sum() or (2 * side.sum() == n and not side[first])) else ~side
        return [aids[i] for i in range(n) if small[i]]

    def _split_off(self, ev: _Event, moved: list[str]) -> _Event:
        """Move the given articles of ev into a new event (id from the first of them); returns it."""
        gone = set(moved)
        moved = [a for a in ev.article_ids if a in gone]
        # not event_id_for(moved[0]) itself: that id may name the event the article opened, which a store
        # may hold as merged away in an earlier run this clusterer never saw
        new = self._open(moved[0], f"{moved[0]}#split")
        for aid in moved:
            vec, t, outlet, title, cats, era = ev.members.pop(aid)
            self._add_vec(ev, vec, -1.0)
            ev.n -= 1
            ev.outlets[outlet] -= 1
            if ev.outlets[outlet] <= 0:
                del ev.outlets[outlet]
            ev.cats.subtract(cats)
            self._join(new, aid, vec, t, outlet, title, cats, era)
            self.split[aid] = new.id
        ev.cats = +ev.cats
        ev.article_ids = [a for a in ev.article_ids if a not in gone]
        ev.titles = [(a, ev.members[a][3]) for a in ev.article_ids[:50]]
        times = [m[1] for m in ev.members.values() if m[1] is not None]
        ev.first, ev.last = (min(times), max(times)) if times else (None, None)
        ev.ymin = ev.ymax = ev.floor = None
        ev.nyr = 0
        for m in ev.members.values():
            ev.set_era(*m[5])
            ev.nyr += m[5][0] is not None
        self._cohere(ev)
        if ev.last is not None:
            heapq.heappush(self._expiry, (ev.last, ev.idx))
        ev.apart.add(new.idx)
        new.apart.add(ev.idx)
        self._touched.add(ev.idx)
        return new

    def _summary(self, ev: _Event) -> EventSummary:
        """Label, key terms, span, counts and topics of one event."""
        label = self._label(ev)
        body = ev.sums["body"]
        title = ev.sums["title"]
        ranked = sorted(set(body) | set(title),
                        key=lambda t: (-(body.get(t, 0.0) + 2.0 * title.get(t, 0.0)), t))
        terms = ranked[: self.config.label_terms]
        to_dt = (lambda x: datetime.fromtimestamp(x, tz=timezone.utc) if x is not None else None)
        titles = " . ".join(t for _, t in ev.titles[:10])
        topics = tag_topics(titles, " ".join(terms), tuple(ev.cats))
        return EventSummary(
            id=ev.id, label=label, terms=terms, first_published=to_dt(ev.first),
            last_published=to_dt(ev.last), n_articles=ev.n, n_outlets=len(ev.outlets),
            outlets=sorted(ev.outlets), article_ids=list(ev.article_ids), topics=topics)

    def _label(self, ev: _Event) -> str:
        """The member headline whose words best match the event's title centroid."""
        title = ev.sums["title"]
        best, best_s = "", -1.0
        for _, t in ev.titles:
            toks = set(_tokens(t))
            if not toks:
                continue
            s = sum(title.get(x, 0.0) for x in toks) / math.sqrt(len(toks))
            if s > best_s:
                best, best_s = t, s
        return best


# --- batch -----------------------------------------------------------------------------------

def _sort_key(a: Any) -> tuple:
    """Dated articles in time order; undated ones after, in input order."""
    dt = parse_time(_get(a, "published"))
    return (dt is None, dt.timestamp() if dt else 0.0)


def cluster_batch(articles: Sequence[Any], config: ClusterConfig | None = None) -> list[str]:
    """Event ids for an import: online pass in date order with IDF from the whole batch, then merge."""
    cfg = config or ClusterConfig()
    ids = [str(_get(a, "id")) for a in articles]
    dup = _first_duplicate(ids)
    if dup is not None:
        raise ValueError(f"duplicate article id {dup!r}")
    undated = any(parse_time(_get(a, "published")) is None for a in articles)
    cl = EventClusterer(cfg, time_bound=not undated)
    # IDF from the whole import: the first articles get the same weighting as the last
    for a in articles:
        cl.df.add(_analyse(_get(a, "title") or "", _get(a, "text") or "", cfg.lead_words, cfg.max_chars))
    cl._frozen_df = cl.df
    cl._compact()
    order = sorted(range(len(articles)), key=lambda i: _sort_key(articles[i]))
    for i in order:
        cl.add(articles[i])
    cl.merge(everything=True)
    return [cl.event_of(a) for a in ids]


def _first_duplicate(ids: Iterable[str]) -> str | None:
    """The first id seen twice, or None."""
    seen = set()
    for i in ids:
        if i in seen:
            return i
        seen.add(i)
    return None


# --- files -----------------------------------------------------------------------------------

def read_articles(path: str | Path) -> list[dict]:
    """Articles from a JSONL file; bad JSON, a missing or duplicate id raises ValueError naming the line."""
    from .corpus import read_jsonl
    return read_jsonl(path)

def run_cluster_file(input_path: str | Path, output_path: str | Path, progress: bool = True,
                     config: ClusterConfig | None = None) -> int:
    """Cluster a JSONL file of articles and write one {"id", "event"} line per article; returns the count."""
    from .progress import note, reporting
    rows = read_articles(input_path)
    with reporting(progress) as report:
        report("events", 0, len(rows))
        events = cluster_batch(rows, config)
        report("events", len(rows), len(rows))
        with open(output_path, "w", encoding="utf-8") as out:
            for row, ev in zip(rows, events):
                out.write(json.dumps({"id": str(row["id"]), "event": ev}, ensure_ascii=False) + "\n")
        note(report, f"cluster: {len(rows)} articles in {len(set(events))} events -> {output_path}")
    return len(rows)
