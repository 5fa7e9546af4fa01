"""The online clusterer: each article joins the most similar event still in its time window, or opens one.

Joining compares an article with an event by average linkage: its mean similarity to the event's members
(the weighted cosines of its title, lead, body and entity sub-vectors), shrunk by the time gap. It joins
the best event above `threshold`, provided the similarity also reaches a share (`cohesion`) of the
event's own mean similarity between members: a tight event asks more of a newcomer, so the same actors'
next move stays out while a retelling of the same happening joins.

Coverage of one big happening is broad (the attack, the claim of responsibility, the condolences, each
side blaming the other), so a mean over all members undersells a newcomer close to one part of it. For
the two most similar events an article is also compared member by member: a dated article near a dated
event scores the mean over its `top_k` closest members (an undated one too, `undated_wide`), and an article
close to one member as a copy is (`copy_similarity`) scores that member's similarity, dated or not. An
undated article joins a dated event only when the second-best candidate is clearly behind
(`undated_margin`): any of several dated look-alikes could be its happening.

Time: an article's date is a span (core.dates): an exact time is a point, a date-only value its whole UTC
day, so a date is never taken as midnight; a date read from free text gives its year only. Events are candidates only while within `window_days` of an
article, which also bounds the work (an inverted index holds only those events). Undated articles are
told apart by years instead (see core.dates and ClusterConfig.year_tolerance / year_mismatch).

The same actors' next happening shares most words with the last; where the dates cannot tell them apart
(undated or misdated articles), the days their openings name and the kinds of act their headlines report
(core.cluster.details) lower the similarity of articles that disagree, in joining, merging, cohesion and
splitting alike; an article's kind of act that clashes with an event's type (the acts its members report)
lowers joining and merging; and who met whom (core.cluster.actors: each side's headlines name an actor the
other never names) lowers joining and merging once one side has who_min_articles, and concurrent parts that
each name someone the other never does are split.

On a dense stream (many happenings a day) the same subject's happenings are concurrent look-alikes. A short text
(under `short_chars`: a feed summary) names a subject more than a happening, so against an event mostly of short
texts its similarity counts for `short_factor` of itself and it is not joined on the event's closest members.
And any join with a feed summary (a page that could not be read: text_status "summary-only"), either way round,
needs evidence of the same act: some member shares `short_anchors` anchor
terms with the article (the words of their titles and leads beyond the subject's names: the kind of act, what was
done, numbers, a rare name; core.cluster.features.anchor_terms), as a merge with an event mostly of summaries does
(core.cluster.regroup). A feed summary of a live blog or roundup (`short_roundups`) stays alone.
Optionally (`dated_margin`, off: it split one happening's coverage among its own fragments) a dated article joins its
best event only when the second-best is that share behind, unless that rival is as alike to the best as a merge asks.

Merging events that turn out to be one, and splitting events that hold two happenings, live in
core.cluster.regroup.
"""
from __future__ import annotations

import heapq
import math
import re
from itertools import islice
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from core.clean import dateline_end
from core.credits import is_news_outlet
from core.config import ClusterConfig
from core.dates import date_of, publication_year, year_floor
from core.models import get
from core.nlp import single_thread_blas
from core.speakers import ANON_HEADS, TITLE_WORDS

from .events import (DAY, LEAD_CHARS, LEADS, Event, EventSummary, Incoming, Member, event_id_for, mixed_weight,
                     members_agree, summarise, years_clash)
from .actors import article_clashes, read_heads, read_named
from .details import pair_conflict, read_details
from .features import ACT, FIELDS, DocFrequencies, Vector, analyse_doc, anchor_terms, is_roundup, tokens, weigh
from .regroup import Regrouping


_blas = None   # threadpoolctl's controller of the BLAS numpy loaded, kept (see _one_blas_thread)


def _one_blas_thread():
    """core.nlp.single_thread_blas with threadpoolctl's scan of the loaded libraries done once: the scan cost 0.2 ms
    a call against 8 µs for a limit set through a kept controller, and merge passes ask a few hundred times per
    30k articles."""
    global _blas
    if _blas is None:
        try:
            import numpy  # noqa: F401  (loads the BLAS: a controller made before it would limit nothing)
            from threadpoolctl import ThreadpoolController
        except ImportError:                       # pragma: no cover
            return single_thread_blas()
        _blas = ThreadpoolController()
    return _blas.limit(limits=1, user_api="blas")


# A credit in brackets opening a feed summary ("[Capital FM] Nairobi -- "): the outlet a wire item came from
_CREDIT = re.compile(r"\[[^\]\n]{1,40}\]\s*")
_DASH_DATELINE = re.compile(r"(?:[A-Z][\w’'.-]*\s){0,3}?[A-Z][\w’'.-]*\s*(?:--|—|–)\s+(?=\S)")


def _without_dateline(text: str) -> str:
    """A summary without the credit and the dateline that open it: where and by whom it was filed, not what happened
    (two summaries filed from Nairobi by one outlet share those whatever they tell)."""
    m = _CREDIT.match(text)
    rest = text[m.end():] if m else text
    d = _DASH_DATELINE.match(rest) if m else None   # "Nairobi -- " after a credit: a dateline in any case
    rest = rest[d.end():] if d else rest[dateline_end(rest):]
    return rest if rest.strip() else text


# Capitalised words that name nobody: titles ("Prime Minister"), unnamed sources, and the person a headline opens on
# ("Man charged over...", "Woman, 19, ...")
_NOT_NAMES = frozenset(TITLE_WORDS | ANON_HEADS | set("man men woman women boy girl teen teenager child children".split()))


def name_words(ents) -> frozenset[str]:
    """The words of the names an article mentions, words that name nobody left out ("Russia" and "Russia-Ukraine" name
    one subject; "Prime Minister" and a headline's "Man" none) and news outlets too (who wrote, not who acted):
    short_unnamed."""
    return frozenset(tokens(" ; ".join(e for e in ents if not is_news_outlet(e)))).difference(_NOT_NAMES)


def order_key(a: Any) -> tuple:
    """The order articles are clustered in, whatever order they came in: dated ones by time, then the
    undated; ties by id. The same articles therefore give the same events on every path. An article dated only by
    when it was first seen (core.dates source "first-seen") goes with the undated: its time is an upper bound,
    and the order one run's fetches happened to finish in is no order of publication (replaying realworld, its 13
    such items came in a different order each run, and the store's events with them)."""
    span = clustering_span(a)
    bound = span is None or get(a, "date_source") == "first-seen"
    return (bound, span[0] if not bound else 0.0, str(get(a, "id")))


def clustering_span(a: Any) -> tuple[float, float] | None:
    """The time span clustering trusts for an article: its date's (core.dates), unless read from free text."""
    return _span_of(date_of(a))


def _span_of(when) -> tuple[float, float] | None:
    """clustering_span of an article whose date (core.dates.date_of) has been read."""
    return when.span() if when.kind != "guessed" else None


class EventClusterer(Regrouping):
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
        self.df = DocFrequencies()
        self.frozen = False                       # True: document frequencies are fixed (see freeze)
        self.weights = self.config.weights()
        self._avg = self.config.linkage == "average"
        self._live_fields = [(k, f) for k, f in enumerate(FIELDS) if self.weights[f] > 0]
        self.detail_weights = self.config.detail_weights()
        self._details = self._avg and (any(w > 0 for w in self.detail_weights.values()) or self.config.detail_type > 0)
        self._who = self.config.detail_who > 0
        self._events: list[Event] = []
        self._by_id: dict[str, Event] = {}
        self._article_event: dict[str, Event] = {}
        self._post: dict[str, dict[str, dict[int, float]]] = {f: {} for f in FIELDS}
        self._clock: float | None = None          # latest publication time seen
        self._expiry: list[tuple[float, int]] = []  # (last time, event idx) heap for compaction
        self._skip: set[str] = set()              # terms too common to index
        self._skip_at = 0
        self._since_compact = 0
        self._since_merge = 0
        self._touched: set[int] = set()
        self.merged: dict[str, str] = {}          # merged-away event id -> surviving event id
        self.split: dict[str, str] = {}           # article id -> event id it was split off into

    # -- public API --

    def add(self, article: Any) -> str:
        """Assign one article to an event (existing or new) and return the event id."""
        a = self.read(article)
        if a.id in self._article_event:
            raise ValueError(f"duplicate article id {a.id!r}")
        doc = self._analyse(a)
        vec = weigh(doc, self.df, self.config.max_terms)
        ev = self._best(vec, a)
        if ev is None:
            ev = self._open(a.id)
        self._join(ev, a, vec)
        self._tick()
        return ev.id

    def add_many(self, articles: Iterable[Any]) -> list[str]:
        """Assign many articles in the given order, then merge events that turned out to be one."""
        aids = []
        for a in articles:
            self.add(a)
            aids.append(str(get(a, "id")))
        if self._touched:
            self.merge()
        return [self._article_event[a].id for a in aids]  # current ids: merges and splits included

    def freeze(self, articles: Iterable[Any]) -> None:
        """Count these articles' document frequencies once and keep them fixed: the first articles clustered
        are then weighted as the last are (what a batch does with its whole input)."""
        for a in articles:
            self.df.add(analyse_doc(get(a, "title") or "", get(a, "text") or "", self.config.lead_words,
                                    self.config.max_chars))
        self.frozen = True
        self._compact()

    def restore(self, articles: Sequence[Any], event_ids: Sequence[str]) -> None:
        """Rebuild state from stored articles and their event ids without reassigning any."""
        if len(articles) != len(event_ids):
            raise ValueError("restore needs one event id per article")
        rows = []
        for art, eid in zip(articles, event_ids):
            a = self.read(art, placed=True)
            if a.id in self._article_event:
                raise ValueError(f"duplicate article id {a.id!r}")
            doc = self._analyse(a)
            rows.append((a, doc, self.resolve(str(eid))))
        # weigh after counting all so restored centroids use the same IDF as a fresh run would
        rows.sort(key=lambda r: (r[0].span is None, r[0].span[0] if r[0].span else 0.0, r[0].id))
        for a, doc, eid in rows:
            ev = self._by_id.get(eid) or self._new_event(eid)
            self._join(ev, a, weigh(doc, self.df, self.config.max_terms))
        self._touched.clear()   # first: restoring assigns nothing, so nothing merges as it leaves the window
        self._compact()

    def events(self) -> list[EventSummary]:
        """Summaries of all live events, newest first."""
        out = [summarise(e, self.config.label_terms) for e in self._events if e.alive]
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

    def read(self, art: Any, placed: bool = False) -> Incoming:
        """An article's fields as the clusterer uses them; its time through the date model (core.dates).
        placed: a stored article restored to its event, which a time invented for it must not stretch."""
        aid = get(art, "id")
        if aid is None or str(aid) == "":
            raise ValueError("article without an id")
        title = str(get(art, "title") or "")
        text = str(get(art, "text") or "")
        when = date_of(art)
        # a date read from free text clusters by its year only: such fields mix publication, update and
        # even download times ("Posted 1 year, 160 days ago [downloaded ...]"), which a window would trust
        span, year = _span_of(when), when.year   # not clustering_span(art): that reads the date again
        if year is None and isinstance(get(art, "published"), str):
            year = publication_year(get(art, "published"))   # "Novemer 27, 2005" still names its year
        seen = None
        if span is None and self.time_bound and not placed:
            # online: an undated article is placed at the time it was first seen (or now), unless its own year
            # says otherwise; an imported row's first-seen time is when it was imported, not when it was written.
            # A stored one keeps no time: placed at its import, it would stretch its event over the years between.
            seen = date_of({"published": get(art, "first_seen")}).published or datetime.now(timezone.utc)
            if year is not None and seen.year != year:
                seen = None
        if seen is not None:
            span = (seen.timestamp(), seen.timestamp())
            if year is None:
                year = seen.year
        # with no year at all, the latest year the text mentions is a floor on when it was written
        floor = year_floor(f"{title}\n{text[:self.config.max_chars]}") if year is None else None
        cats = get(art, "categories") or ()
        if isinstance(cats, str):
            cats = [cats]
        details = read_details(title, text) if self._details else {}
        short = len(text) < self.config.short_chars
        # only a feed's summary is known: a page framelens could not read (core.ingest), never a research corpus's
        # short text, which is whole (held to short_anchors, ECB+'s headline-only items lost the held-out mean 0.931)
        summary = get(art, "text_status") == "summary-only" and short
        if summary and self.config.summary_datelines:
            text = _without_dateline(text)
        return Incoming(str(aid), title, text, str(get(art, "outlet") or "unknown"), span,
                        tuple(str(c) for c in cats), year, floor, details, short=short,
                        alone=summary and self.config.short_roundups and is_roundup(title), summary=summary)

    # -- joining --

    def _analyse(self, a: Incoming):
        """An incoming article's terms, counted into the document frequencies unless frozen, and its
        headline actors read when who-met-whom is on: the one reading add and restore share."""
        doc = analyse_doc(a.title, a.text, self.config.lead_words, self.config.max_chars)
        if not self.frozen:
            self.df.add(doc)
        if self._who:
            a.named = read_named(doc.ents)
            a.heads = read_heads(a.title, a.named)
        if self.config.short_anchors > 0:   # every article: a short text is checked against any event's members
            a.anchors = anchor_terms(doc, self.df, self.config.anchor_rare)
            if self.config.short_unnamed:
                a.names = name_words(doc.ents)
            acts = a.details.get("act") if a.details else None
            if acts:   # the kind of act its headline reports (core.cluster.details) is one too: "quake" and "earthquake"
                a.anchors = a.anchors | {ACT + k for k in acts}
        return doc

    def _best(self, vec: Vector, a: Incoming) -> Event | None:
        """The most similar candidate event above the join threshold, if any, among those of a compatible era."""
        present = [(k, f, self.weights[f]) for k, f in enumerate(FIELDS) if vec[f] and self.weights[f] > 0]
        if not present or a.alone:   # a live blog or roundup tells several happenings: it stays alone
            return None
        if self._avg:
            cands = self._score_avg(vec, present)
        else:
            cands = ((i, sum(w * dots[k] / math.sqrt(self._events[i].norm2[f]) for k, f, w in present
                             if self._events[i].norm2[f] > 0)) for i, dots in self._score(vec).items())
        cfg = self.config
        win, decay, mix = cfg.window_days, cfg.decay_days, cfg.year_mismatch
        events = self._events
        exp = math.exp
        full = sum(w for _, _, w in present)
        years = cfg.year_tolerance >= 0 and (a.year is not None or a.floor is not None)
        floor = cfg.top_k_floor * cfg.threshold
        # a short text (a feed summary) against an event of short texts: two sentences or so on each side name a
        # subject more than a happening, so its similarity counts for short_factor of itself
        short = cfg.short_factor if a.short and 0 < cfg.short_factor < 1 else 1.0
        least = cfg.short_anchors
        by_member = self._avg and (cfg.top_k > 0 or cfg.copy_similarity < 1.0)
        span = a.span
        wide = span is None and cfg.undated_wide   # an undated article: compared with dated events over their members
        details, dw, bonus = a.details, self.detail_weights, cfg.detail_bonus
        who, share = self._who and bool(a.heads), cfg.who_share   # an article with no headline actor has no mark
        # the kind of act against the event's type: lowers the member-by-member score too, as pen does
        kind_w = cfg.detail_type
        acts = details.get("act") if kind_w > 0 and details else None
        # A candidate's score only falls from here on (details and who-met-whom subtract, the time and year
        # factor is at most 1), so one below the threshold that is not compared member by member (below
        # the floor) cannot win: it is dropped before any of that is computed. Proven for thresholds
        # above 0 and year factors of at most 1, the defaults; otherwise every candidate is scored.
        bounded = cfg.threshold > 0 and 0.0 <= mix <= 1.0
        avg = self._avg
        hopeless = (min(cfg.threshold, floor) if by_member else cfg.threshold) if bounded else -math.inf
        scored = []          # (similarity, event, time and year factor)
        near = []            # worth comparing member by member: (similarity, event, factor, mean only, who penalty)
        for i, num in cands:
            ev = events[i]
            # the weighted mean runs over the fields both sides have; events nearly always have them all
            den = full
            if not ev.full:
                n2s = ev.norm2
                for _, f, w in present:
                    if n2s[f] <= 0:
                        den -= w
                if den <= 1e-12:
                    continue
            sc = num / den
            if avg:
                sc /= ev.n
            if sc < hopeless:   # most candidates share a few words only: nothing below can lift them to win
                continue
            # days between the article's span and the event's, 0 when either is undated; computed inline
            # because this loop runs for every candidate of every article
            first = ev.first
            if span is None or first is None:
                gap = 0.0
            elif span[1] < first:
                gap = (first - span[1]) / DAY
            elif span[0] > ev.last:
                gap = (span[0] - ev.last) / DAY
            else:
                gap = 0.0
            if gap > win:
                continue
            # two dated sides are kept apart by the window already; years matter when either is undated
            undated = span is None or first is None
            if years and undated and years_clash(a.year, a.floor, ev, cfg.year_tolerance):
                continue
            if avg:
                if details and sc >= floor:  # details only lower a score: those below the floor cannot win
                    sc -= ev.details.conflict_with(details, dw, bonus) / ev.n
            pen = (cfg.detail_who if who and ev.n >= cfg.who_min_articles and sc >= floor
                   and article_clashes(a.heads, a.named, ev.cast, share) else 0.0)
            if acts and sc >= floor:
                pen += kind_w * ev.details.type_clash(acts)
            sc -= pen
            factor = exp(-gap / decay) if decay > 0 and gap > 0 else 1.0
            if mix != 1.0 and undated:
                factor *= mixed_weight(ev.n_with_year if a.year is not None else ev.n - ev.n_with_year, ev.n, mix)
            if ev.alone:
                continue
            if a.short and 2 * ev.n_short > ev.n:   # ev.mostly_short, inline in this loop
                factor *= short
            # a join with a summary, either way round, needs evidence of the same act beyond the names (short_anchors),
            # asked only of a candidate that could win (its score, or its members', may reach the threshold)
            if (least and (a.summary or 2 * ev.n_summary > ev.n) and (sc >= floor or sc * factor >= cfg.threshold)
                    and not self._evidence(a, ev, least)):
                continue
            if by_member and sc >= floor and ev.n > 1 and ev.members is not None:
                # a dated event's coverage is concurrent: an undated article may match it on its closest members
                near.append((sc * factor, ev, factor, first is None or (span is None and not wide)
                             or (short < 1.0 and 2 * ev.n_short > ev.n), pen))
            else:
                scored.append((sc * factor, ev))
        # member by member only for the few best: it is the costly comparison
        near.sort(key=lambda c: (-c[0], c[1].idx))
        keep = cfg.member_candidates
        # undated sides, and a short text against short texts (close to some member of any event of its subject),
        # are not joined on their closest members: only on a copy of one
        for sc, ev, factor, mean_only, pen in near[:keep]:
            member = self._member_score(vec, details, present, ev, 0 if mean_only else cfg.top_k, cfg.copy_similarity)
            scored.append((max(sc, (member - pen) * factor), ev))
        scored.extend((sc, ev) for sc, ev, _, _, _ in near[keep:])
        alpha = cfg.cohesion if self._avg else 0.0
        best, best_s = None, cfg.threshold
        for sc, ev in scored:
            if sc < best_s or (sc > best_s and sc < alpha * ev.cohesion):
                continue
            if sc > best_s or best is None or ev.idx < best.idx:
                best, best_s = ev, sc
        if best is not None and wide and cfg.undated_margin > 0 and best.first is not None:
            # an undated article could be of any of the dated happenings: it joins one only when that one
            # clearly wins; a wrong event costs more than an article left on its own
            second = max((sc for sc, ev in scored if ev is not best), default=0.0)
            if second > best_s * (1.0 - cfg.undated_margin):
                return None
        elif best is not None and span is not None and cfg.dated_margin > 0:
            # concurrent look-alikes (the same subject's happenings on a busy day): a dated article too joins the best
            # only when it clearly wins, unless the rival is so like the best that the two are fragments of one
            # happening (a merge pass will join them): refusing then only splits it further
            second, rival = max(((sc, ev) for sc, ev in scored if ev is not best), default=(0.0, None),
                                key=lambda c: (c[0], -c[1].idx))
            if second > best_s * (1.0 - cfg.dated_margin) and self._event_sim(best, rival) < cfg.merge_threshold:
                return None
        return best

    def _evidence(self, a: Incoming, ev: Event, least: int) -> bool:
        """Whether an article shares `least` anchor terms (what happened, beyond the subject's names; short_anchors)
        with one of an event's members (its most recent member_limit)."""
        if ev.members is None:   # out of the window: no candidate
            return False
        return members_agree({a.id: a}, ev.members, least, self.config.member_limit, self.config.short_unnamed)

    def _member_score(self, vec: Vector, details, present, ev: Event, k: int, copy: float) -> float:
        """An article's similarity to an event from its members one by one: the mean over the k members it is
        most like (0 < k < n), or its similarity to one member when that reaches `copy` (a copy of a
        member belongs with it, dated or not); 0 when neither applies. The most recent member_limit
        members stand for a larger event. Each similarity is lowered by the two articles' conflicting details."""
        sims = []
        dw = self.detail_weights if details else None
        bonus = self.config.detail_bonus
        fields = [(f, w, vec[f], vec[f].keys()) for _, f, w in present]
        for m in islice(reversed(ev.members.values()), self.config.member_limit):
            num = den = 0.0
            mvec = m.vec
            for f, w, v, keys in fields:
                mv = mvec[f]
                if mv:
                    den += w
                    shared = keys & mv.keys()
                    if shared:   # no term in common adds 0: nothing to sum
                        num += w * sum([v[t] * mv[t] for t in shared])
            sim = num / den if den > 0 else 0.0
            sims.append(sim - pair_conflict(details, m.details, dw, bonus) if dw and m.details else sim)
        top = sorted(sims, reverse=True)[:max(k, 1)]   # nlargest's values in its order, cheaper for a few dozen
        best = top[0] if top[0] >= copy else 0.0
        return max(best, sum(top) / k) if 0 < k < ev.n else best

    def _score(self, vec: Vector) -> dict[int, list[float]]:
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

    def _score_avg(self, vec: Vector, present) -> Iterable[tuple[int, float]]:
        """(event index, weighted sum of per-field dot products) for every indexed event sharing a term.

        One float per event, the field weights folded into the article's term weights: the hot loop of
        joining, so it keeps to C-level dict calls.
        """
        acc: dict[int, float] = {}
        get_ = acc.get
        for _, f, wf in present:
            post = self._post[f]
            for term, w in vec[f].items():
                p = post.get(term)
                if p:
                    w *= wf
                    for i, s in p.items():
                        acc[i] = get_(i, 0.0) + w * s
        return acc.items()

    def _open(self, aid: str, key: str | None = None) -> Event:
        """A new event whose id derives from its first article's id, or from `key` (never reused)."""
        key = aid if key is None else key
        eid = event_id_for(key)
        k = 1
        while eid in self._by_id or eid in self.merged:
            eid = event_id_for(f"{key}#{k}")
            k += 1
        return self._new_event(eid)

    def _new_event(self, eid: str) -> Event:
        """Register an empty event under a given id."""
        ev = Event(len(self._events), eid)
        self._events.append(ev)
        self._by_id[eid] = ev
        return ev

    def _join(self, ev: Event, a: Incoming | Member, vec: Vector, aid: str | None = None) -> None:
        """Add an article's vectors and metadata to an event and to the index."""
        aid = aid if aid is not None else a.id
        self._add_vec(ev, vec, +1.0)
        ev.n += 1
        ev.n_with_year += a.year is not None
        ev.n_short += a.short
        ev.n_summary += a.summary
        ev.alone = ev.alone or a.alone
        if a.details:
            ev.details.add(a.details)
        if self._who:
            ev.cast.add(a.heads, a.named)
        self._cohere(ev)
        ev.article_ids.append(aid)
        ev.outlets[a.outlet] += 1
        if len(ev.titles) < 50:
            ev.titles.append((aid, a.title))
        if len(ev.leads) < LEADS and isinstance(a, Incoming) and a.text:
            ev.leads.append(a.text[:LEAD_CHARS])
        ev.categories.update(a.categories)
        if a.span is not None:
            ev.add_span(a.span)
            if self._clock is None or a.span[1] > self._clock:
                self._clock = a.span[1]
            heapq.heappush(self._expiry, (ev.last, ev.idx))
        ev.add_years(a.year, a.floor)
        self._article_event[aid] = ev
        self._touched.add(ev.idx)
        if ev.members is not None:
            ev.members[aid] = Member(vec, a.span, a.outlet, a.title, a.categories, a.year, a.floor, a.details,
                                     a.heads, a.named, a.short, a.anchors, a.alone, a.summary, a.names)

    def _add_vec(self, ev: Event, vec: Vector, sign: float) -> None:
        """Add (or subtract) a vector to an event's sums, keeping norms and the index in step."""
        if sign < 0:
            self._sub_vec(ev, vec)
            return
        skip = self._skip
        idx = ev.idx
        for _, f in self._live_fields:
            v = vec[f]
            if not v:
                continue
            sums = ev.sums[f]
            post = self._post[f]
            get_ = sums.get
            n2 = ev.norm2[f]
            fskip = () if f == "ent" else skip  # entities are never too common to index
            # adding only grows each weight (all are positive), so no term drops out here
            for term, w in v.items():
                old = get_(term, 0.0)
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
        ev.full = min(ev.norm2.values()) > 0
        ev.indexed = True

    def _sub_vec(self, ev: Event, vec: Vector) -> None:
        """Subtract a member's vector from an event's sums (when a split moves it out)."""
        skip = self._skip
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
        ev.full = min(ev.norm2.values()) > 0
        ev.indexed = True

    def _cohere(self, ev: Event) -> None:
        """Recompute an event's cohesion, the weighted mean similarity between its members.

        Members' vectors are unit length, so |sum|^2 = n + twice the sum of their pairwise similarities: the
        mean per field comes from the norms already kept, with no pass over the members. A member with an
        empty field (no entities, say) makes that field's figure an underestimate, so the guard only loosens.
        Conflicting details between members lower it as they lower a newcomer's similarity.
        """
        n = ev.n
        if n < max(2, self.config.cohesion_min):
            ev.cohesion = 0.0
            return
        num = den = 0.0
        for _, f in self._live_fields:
            n2 = ev.norm2[f]
            if n2 > 0:
                w = self.weights[f]
                num += w * (n2 - n) / (n * (n - 1))
                den += w
        ev.cohesion = num / den if den > 0 else 0.0
        if self._details and ev.details.n:
            ev.cohesion -= ev.details.conflict_within(self.detail_weights, self.config.detail_bonus) / (n * (n - 1))

    def _unindex(self, ev: Event) -> None:
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
            # split checks multiply small matrices: a second BLAS thread only spin-waits (as in _compact). Over the
            # 30k stream it burned 0.7 s of 27.2 s process CPU (process less main-thread CPU time)
            with _one_blas_thread():
                self.merge()

    def _compact(self) -> None:
        """Unindex events whose last article is more than the window before the clock."""
        self._since_compact = 0
        # the scan is over the whole vocabulary, so redo it only when the corpus grew by a quarter
        if self.df.n > 200 and self.df.n > 1.25 * self._skip_at:
            cut = self.config.min_df_ratio_index * self.df.n
            self._skip = {t for t, c in self.df.terms.items() if c > cut}
            self._skip_at = self.df.n
        if not self.time_bound or self._clock is None:
            return
        horizon = self._clock - (self.config.window_days + 1.0) * DAY
        leaving = []
        while self._expiry and self._expiry[0][0] < horizon:
            last, idx = heapq.heappop(self._expiry)
            ev = self._events[idx]
            if ev.last is not None and ev.last < horizon and ev.indexed:
                leaving.append(ev)
        if self.config.merge_leaving:
            # last chance to merge with a concurrent event: a merge may extend the survivor's span past the horizon.
            # Events of one article are left out, as online passes leave them out (no dev figure changed).
            stale = [ev for ev in leaving if ev.alive and ev.n > 1 and ev.idx in self._touched]
            if stale:
                with _one_blas_thread():      # a few small matrices: a second BLAS thread only spin-waits
                    self.merge(only=stale, max_gap=self.config.merge_near_days)
        for ev in leaving:
            if ev.alive and ev.last is not None and ev.last < horizon and ev.indexed:
                self._unindex(ev)
                ev.members = None  # out of the window: it will not change any more
        # undated events never expire in the heap; online mode dates everything, so none exist
