"""Regrouping events after articles join: merge events that turned out to be one happening, and split
events that hold two.

Joining one article at a time can open two events for one happening (the first reports differ) or
glue two happenings of one kind together (two celebrities entering rehab, two fires at one chain's
stores share most of their vocabulary). The merge pass joins events whose centroids are similar enough
(Miranda et al. 2018); the split pass checks events that have grown large: a spectral two-way split of
the members' similarity graph is accepted when it shows clear structure (mean silhouette >= 0.5) on the
full similarity or on the named entities alone — an event is one happening, and two happenings differ
in their who and where. As joining does (core.cluster.online), two events mostly of short texts need more agreement
(short_factor), an event mostly of short texts merges only when two of the events' reports share anchor terms
(short_anchors: what happened, not only who and where), and with dated_margin on a dated merge needs a clear winner
among concurrent look-alikes.

Regrouping is a mixin of EventClusterer (core.cluster.online), whose state it reads and changes.
"""
from __future__ import annotations

import heapq
import math
from itertools import islice
from typing import TYPE_CHECKING, Iterable

from .actors import Cast, casts_clash
from .details import KINDS, clash_matrix, pair_conflict
from .events import DAY, LEADS, Event, events_clash, members_agree, mixed_weight, span_gap
from .features import FIELDS

LEAVING_TERMS = 10   # heaviest terms per field whose postings give an event's candidates as it leaves the window
LEAVING_FIELDS = ("title", "ent")   # the fields those terms come from: what the happening is, and who

if TYPE_CHECKING:
    from .online import EventClusterer


class Regrouping:
    """Merging and splitting of an EventClusterer's events."""

    def merge(self: "EventClusterer", everything: bool = False, singletons: bool = False,
              only: list[Event] | None = None, max_gap: float | None = None) -> dict[str, str]:
        """Merge events whose centroids are similar enough; returns {merged-away id: surviving id}.

        Every live event is checked when `everything`, else the events changed since the last merge (those
        with one article too when `singletons`: a batch's last pass; online passes skip them for speed), or
        the events `only` (those leaving the time window), with partners at most `max_gap` days away (for those,
        only partners of overlapping span, or of a span within merge_near_days when either is broad: _near_ok).

        Large events among those that changed are then checked for holding two happenings and split
        (see `split`); the parts of a split never merge back with each other, but each may still merge
        with a third event, so they go through the merge loop once more.
        """
        cfg = self.config
        if only is not None:   # the other changed events wait for the next pass
            todo = only
            self._touched.difference_update(e.idx for e in only)
        else:
            todo = [e for e in self._events if e.alive] if everything else \
                [self._events[i] for i in sorted(self._touched)
                 if self._events[i].alive and (singletons or self._events[i].n > 1)]
            self._touched.clear()
        gap = cfg.window_days if max_gap is None else max_gap
        done: dict[str, str] = {}
        for _ in range(3):  # merge, split, merge the parts: bounded, as parts only get smaller
            changed = self._merge_loop(todo, done, gap, only is not None)
            if cfg.split_min_articles <= 0:
                break
            parts = self._split_pass(sorted(changed))
            if not parts:
                break
            todo = [self._events[i] for i in sorted(parts) if self._events[i].alive]
        self.merged.update(done)
        return done

    def _merge_loop(self: "EventClusterer", todo: list[Event], done: dict[str, str], max_gap: float,
                    leaving: bool = False) -> set[int]:
        """Greedy merging, largest first, of the given events into their closest neighbours at most max_gap days
        away (leaving: as _closest_event's); returns the indexes of the events that were checked or grew."""
        heap = [(-e.n, e.idx) for e in todo]
        heapq.heapify(heap)
        changed = {e.idx for e in todo}
        # An event may be listed more than once (the window's expiry heap holds an entry per join, so one leaving
        # the window is stale as often): a repeat of the entry just found to have no partner, with nothing merged
        # since, gets the same answer, so it is not asked again. On the 30k stream 5,971 of the leaving pass's
        # 8,644 neighbour searches in its first 10k articles were such repeats.
        unmoved = None
        while heap:
            entry = heapq.heappop(heap)
            if entry == unmoved:
                continue
            ev = self._events[entry[1]]
            if not ev.alive:
                continue
            best, score, second, rival = self._closest_event(ev, max_gap, leaving)
            if best is None or score < self.config.merge_threshold:
                unmoved = entry
                continue
            if (ev.first is None or best.first is None) and not self._clear_pair(ev, best, score, second, max_gap):
                unmoved = entry
                continue
            if (ev.first is not None and best.first is not None and self.config.dated_margin > 0
                    and second > score * (1.0 - self.config.dated_margin)
                    and self._event_sim(best, rival) < self.config.merge_threshold):
                unmoved = entry    # concurrent look-alikes, not fragments of one: either could be its happening (_best)
                continue
            unmoved = None
            keep, gone = (best, ev) if _older(best, ev) else (ev, best)
            self._absorb(keep, gone)
            done[gone.id] = keep.id
            changed.add(keep.idx)
            heapq.heappush(heap, (-keep.n, keep.idx))
        return changed

    def _clear_pair(self: "EventClusterer", ev: Event, best: Event, score: float, second: float,
                    max_gap: float) -> bool:
        """Whether an undated event and a dated one (either way round) are each other's clear match: the
        undated side's best partner beats its second by undated_margin, as an undated article's join must.
        Two undated events: the best partner of the one being merged must beat its second so. With no time
        axis every happening of the same actors is a candidate (AllSides dev with its dates removed: 17 of the
        last pass's 24 merges joined two stories, and all 4 made on a lead under 15%). The partner's own
        ranking is not asked for: that also kept apart fragments of one ECB+ happening (held-out 0.931 -> 0.924)."""
        margin = self.config.undated_margin
        if margin <= 0:
            return True
        if ev.first is None and best.first is None:
            return second <= score * (1.0 - margin)
        if best.first is None:   # the undated side is the partner: rank its own candidates
            top, score, second, _ = self._closest_event(best, max_gap)
            if top is not ev:
                return False
        return second <= score * (1.0 - margin)

    def _closest_event(self: "EventClusterer", ev: Event, max_gap: float | None = None,
                       leaving: bool = False) -> tuple[Event | None, float, float, Event | None]:
        """The most similar other live, indexed event to ev's centroid at most max_gap days away (the window by
        default) and the similarity. Leaving the window, ev is compared only with events whose span overlaps its
        own or, when either event is broad (_near_ok), lies at most max_gap days from it. Third, the second-best
        similarity (-1 when there is none) and, fourth, that event (None)."""
        max_gap = self.config.window_days if max_gap is None else max_gap
        per_field = self._overlapping_dots(ev, max_gap) if leaving else self._dots(ev)
        best, best_s, second, rival = None, -1.0, -1.0, None
        tol = self.config.year_tolerance
        k, floor = self.config.top_k, self.config.top_k_floor * self.config.merge_threshold
        wide = self.config.undated_wide
        factor = self.config.short_factor if 0 < self.config.short_factor < 1 else 1.0
        least = self.config.short_anchors
        if ev.alone:
            return None, -1.0, -1.0, None
        for i in {i: None for acc in per_field for i in acc}:
            other = self._events[i]
            if not other.alive or i in ev.apart or other.alone:
                continue
            gap = span_gap(ev, other)
            if gap > max_gap or (leaving and gap > 0 and not self._near_ok(ev, other, gap)):
                continue
            undated = ev.first is None or other.first is None
            if undated and events_clash(ev, other, tol):
                continue
            s = self._centroid_sim(ev, other, [acc.get(i, 0.0) for acc in per_field], gap)
            # short texts name a subject more than a happening: two events mostly of them must agree more, and are not
            # joined on a few close members (as a short article's join with such an event, _best)
            short = factor < 1 and ev.mostly_short and other.mostly_short
            if short:
                s *= factor
            if undated:
                # an undated event against a dated one's concurrent coverage: on their closest members, as an
                # undated article joins (undated_wide); two undated events stay on the mean
                if (k and not short and wide and (ev.first is None) != (other.first is None) and s >= floor
                        and ev.members is not None and other.members is not None and ev.n * other.n > k):
                    s = max(s, self._top_pairs(ev, other, k))
                s *= self._year_mix(ev, other)
            elif k and not short and (gap == 0 or (leaving and self._near_ok(ev, other, gap))) and s >= floor \
                    and ev.members is not None and other.members is not None and ev.n * other.n > k:
                top = self._top_pairs(ev, other, k)
                if gap > 0 and self.config.decay_days > 0:   # decayed as the centroid similarity is
                    top *= math.exp(-gap / self.config.decay_days)
                s = max(s, top)
            if self.config.detail_type > 0:
                s -= self.config.detail_type * ev.details.types_clash(other.details)
            if (self._who and max(ev.n, other.n) >= self.config.who_min_articles
                    and casts_clash(ev.cast, other.cast, self.config.who_share)):
                s -= self.config.detail_who
            # an event mostly of summaries merges only on what happened, not on who and where alone: two of the events'
            # reports share short_anchors anchor terms (as a join with a summary needs, _best). Asked only of a partner
            # close enough to count, so the member-by-member check stays rare
            if (least and s >= floor and (ev.mostly_summary or other.mostly_summary)
                    and (ev.members is None or other.members is None
                         or not members_agree(ev.members, other.members, least, self.config.member_limit,
                                                   self.config.short_unnamed))):
                continue
            if s > best_s or (s == best_s and best is not None and other.idx < best.idx):
                best, best_s, second, rival = other, s, best_s, best
            elif s > second:
                second, rival = s, other
        return best, best_s, second, rival

    def _event_sim(self: "EventClusterer", a: Event, b: Event) -> float:
        """Two events' similarity as a merge pass reads it on their centroids (_centroid_sim), from their sums."""
        dots = []
        for f in FIELDS:
            x, y = a.sums[f], b.sums[f]
            if len(x) > len(y):
                x, y = y, x
            dots.append(sum([w * y[t] for t, w in x.items() if t in y]))
        return self._centroid_sim(a, b, dots, span_gap(a, b))

    def _near_ok(self: "EventClusterer", a: Event, b: Event, gap: float) -> bool:
        """Whether two dated events `gap` days apart (not overlapping) may merge as one leaves the window, as
        concurrent ones may: within merge_near_days, and one of them broad (merge_near_min_articles). The order of
        arrival leaves a broad happening's angles in fragments hours apart; two small events hours apart are more
        often two stories. Only there: in every merge pass it would cost CPU for no dev figure."""
        cfg = self.config
        return gap <= cfg.merge_near_days and max(a.n, b.n) >= cfg.merge_near_min_articles

    def _dots(self: "EventClusterer", ev: Event) -> list[dict[int, float]]:
        """Per field, {event index: dot product of its indexed sums with ev's} for every indexed event sharing a
        term with ev."""
        # one plain float per event and field, as joining's _score_avg keeps: the hot loop of merging;
        # ev's own entry is computed with the rest and dropped after (cheaper than a test per posting)
        per_field = []
        for f in FIELDS:
            post = self._post[f]
            acc: dict[int, float] = {}
            get_ = acc.get
            for term, w in ev.sums[f].items():
                p = post.get(term)
                if p:
                    for i, s in p.items():
                        acc[i] = get_(i, 0.0) + w * s
            acc.pop(ev.idx, None)
            per_field.append(acc)
        return per_field

    def _overlapping_dots(self: "EventClusterer", ev: Event, near: float = 0.0) -> list[dict[int, float]]:
        """_dots for the indexed events whose span overlaps ev's, or lies at most `near` days from it, and that
        share one of its heaviest terms.

        An event leaving the window is merged only with those (merge_leaving), and few overlap it: running
        through the postings of every term of ev, as _dots does, cost a quarter of the clusterer's CPU on the
        100k stream. The candidates come from the heaviest LEAVING_TERMS terms of its title and entity fields,
        whose postings are read; the dot products are then exact, over the terms the index holds.
        """
        cands: set[int] = set()
        for f in LEAVING_FIELDS:
            sums, post = ev.sums[f], self._post[f]
            # sorted runs at C level: heapq.nlargest with a key cost more than the postings it picks
            for term in sorted(sums, key=sums.__getitem__, reverse=True)[:LEAVING_TERMS]:
                p = post.get(term)
                if p:
                    cands.update(p)
        cands.discard(ev.idx)
        per_field: list[dict[int, float]] = [{} for _ in FIELDS]
        skip = self._skip
        first, last = ev.first, ev.last
        lo, hi = (first - near * DAY, last + near * DAY) if first is not None else (None, None)
        # a partner whose span does not overlap ev's must be within `near` and one of the two broad (_near_ok)
        min_n = self.config.merge_near_min_articles if ev.n < self.config.merge_near_min_articles else 0
        events = self._events
        for i in sorted(cands):
            other = events[i]
            if not other.alive:
                continue
            # span_gap(ev, other), inline: this runs for every candidate
            if first is not None and other.first is not None and (
                    other.first > hi or other.last < lo
                    or ((other.first > last or other.last < first) and other.n < min_n)):
                continue
            for k, f in enumerate(FIELDS):
                a, b = ev.sums[f], other.sums[f]
                if len(a) > len(b):
                    a, b = b, a
                fskip = () if f == "ent" else skip   # entities are never too common to index
                dot = sum([w * b[t] for t, w in a.items() if t in b and t not in fskip])
                if dot:
                    per_field[k][i] = dot
        return per_field

    def _top_pairs(self: "EventClusterer", a: Event, b: Event, k: int) -> float:
        """Mean of the k largest similarities between a member of one event and a member of the other: two
        events of concurrent coverage are one when some of their articles are close, however broad each is.
        The most recent member_limit members stand for a larger event."""
        sims = []
        limit = self.config.member_limit
        dw = self.detail_weights if self._details else None
        for ma in islice(reversed(a.members.values()), limit):
            for mb in islice(reversed(b.members.values()), limit):
                num = den = 0.0
                for _, f in self._live_fields:
                    va, vb = ma.vec[f], mb.vec[f]
                    if va and vb:
                        w = self.weights[f]
                        den += w
                        num += w * sum([va[t] * vb[t] for t in va.keys() & vb.keys()])
                sim = num / den if den > 0 else 0.0
                sims.append(sim - pair_conflict(ma.details, mb.details, dw, self.config.detail_bonus) if dw and ma.details else sim)
        return sum(heapq.nlargest(k, sims)) / k

    def _year_mix(self: "EventClusterer", a: Event, b: Event) -> float:
        """The year_mismatch factor averaged over the pairs of members of two events."""
        same = a.n_with_year * b.n_with_year + (a.n - a.n_with_year) * (b.n - b.n_with_year)
        return mixed_weight(same, a.n * b.n, self.config.year_mismatch)

    def _centroid_sim(self: "EventClusterer", a: Event, b: Event, dots: list[float], gap: float) -> float:
        """Weighted cosine (or mean pairwise similarity, less the members' conflicting details) between two
        events over shared fields, time-decayed."""
        num = den = 0.0
        for k, f in enumerate(FIELDS):
            if a.norm2[f] <= 0 or b.norm2[f] <= 0:
                continue
            w = self.weights[f]
            num += w * dots[k] / ((a.n * b.n) if self._avg else math.sqrt(a.norm2[f] * b.norm2[f]))
            den += w
        if den <= 0:
            return 0.0
        s = num / den
        if self._details:
            s -= a.details.conflict_between(b.details, self.detail_weights, self.config.detail_bonus) / (a.n * b.n)
        if self.config.decay_days > 0 and gap > 0:
            s *= math.exp(-gap / self.config.decay_days)
        return s

    def _absorb(self: "EventClusterer", keep: Event, gone: Event) -> None:
        """Move every article of `gone` into `keep`; `gone` dies and its id maps to `keep`."""
        self._unindex(gone)
        for f in FIELDS:
            vec = {f2: {} for f2 in FIELDS}
            vec[f] = gone.sums[f]
            self._add_vec(keep, vec, +1.0)
        keep.n += gone.n
        keep.n_with_year += gone.n_with_year
        keep.n_short += gone.n_short
        keep.n_summary += gone.n_summary
        keep.alone = keep.alone or gone.alone
        keep.details.absorb(gone.details)
        keep.cast.absorb(gone.cast)
        self._cohere(keep)
        keep.article_ids.extend(gone.article_ids)
        keep.outlets.update(gone.outlets)
        keep.titles.extend(gone.titles[: max(0, 50 - len(keep.titles))])
        keep.leads.extend(gone.leads[: max(0, LEADS - len(keep.leads))])
        keep.categories.update(gone.categories)
        keep.add_years(gone.ymin, gone.floor)
        keep.add_years(gone.ymax, None)
        if gone.first is not None:
            keep.add_span((gone.first, gone.last))
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

    def _split_pass(self: "EventClusterer", idxs: Iterable[int]) -> set[int]:
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

    def _two_way(self: "EventClusterer", ev: Event) -> list[str] | None:
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
                for term, w in ev.members[aid].vec[f].items():
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
        if self._details:  # as joining does, less the conflicting details; a graph's weights stay >= 0
            sim = np.maximum(sim - self._conflicts(ev, aids), 0.0)
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
        best = silhouette(sim, side)
        if ent is not None and best < cfg.split_silhouette:
            np.fill_diagonal(ent, 0.0)
            best = max(best, silhouette(ent, side))
        if best < cfg.split_silhouette:
            return None
        # the larger part keeps the id; on a tie, the part holding the event's first article
        first = aids.index(ev.article_ids[0])
        small = side if (side.sum() < n - side.sum() or (2 * side.sum() == n and not side[first])) else ~side
        moved = [aids[i] for i in range(n) if small[i]]
        if cfg.split_days >= 0 and self._side_by_side(ev, moved, cfg.split_days):
            return None
        return moved

    def _conflicts(self: "EventClusterer", ev: Event, aids: list[str]):
        """The matrix of pair_conflict between an event's members (the order of aids)."""
        import numpy as np

        n = len(aids)
        out = np.zeros((n, n))
        for kind in KINDS:
            w = self.detail_weights.get(kind, 0.0)
            if w <= 0:
                continue
            vocab: dict[str, int] = {}
            rows, cols, vals = [], [], []
            for r, aid in enumerate(aids):
                for t, x in ev.members[aid].details.get(kind, {}).items():
                    rows.append(r)
                    cols.append(vocab.setdefault(t, len(vocab)))
                    vals.append(x)
            if not vocab:
                continue
            x = np.zeros((n, len(vocab)))
            x[rows, cols] = vals
            bonus = self.config.detail_bonus
            if kind == "act":   # acts conflict where they clash (details.clash_matrix), not wherever they differ
                clash = clash_matrix(list(vocab))
                out += w * (x @ clash @ x.T - bonus * (x @ x.T))
                continue
            present = np.zeros(n)
            present[rows] = 1.0
            out += w * (np.outer(present, present) - (1.0 + bonus) * (x @ x.T))
        return out

    def _side_by_side(self: "EventClusterer", ev: Event, moved: list[str], days: float) -> bool:
        """True when the two parts look like one happening told from two sides (each blaming the other):
        most dated articles of one part were published within `days` of the other part's, and the parts
        name the same things (entity centroids at least split_shared_entities alike), unless each part names
        an actor the other part never names (who met whom, _casts_clash_apart). Two happenings that look alike
        on one day differ in where and to whom."""
        gone = set(moved)
        spans = [(aid in gone, m.span) for aid, m in ev.members.items() if m.span is not None]
        here = [sp for out, sp in spans if not out]
        there = [sp for out, sp in spans if out]
        if not here or not there:
            return False
        if self._who and self._casts_clash_apart(ev, gone):
            return False
        lo, hi = min(sp[0] for sp in here) - days * DAY, max(sp[1] for sp in here) + days * DAY
        if sum(1 for sp in there if sp[1] >= lo and sp[0] <= hi) < 0.5 * len(there):
            return False
        a, b = {}, {}
        for aid, m in ev.members.items():
            side = b if aid in gone else a
            for t, w in m.vec["ent"].items():
                side[t] = side.get(t, 0.0) + w
        na, nb = math.sqrt(sum(x * x for x in a.values())), math.sqrt(sum(x * x for x in b.values()))
        shared = sum(w * b.get(t, 0.0) for t, w in a.items()) / (na * nb) if na and nb else 0.0
        return shared >= self.config.split_shared_entities

    def _casts_clash_apart(self: "EventClusterer", ev: Event, gone: set[str]) -> bool:
        """True when each part of a split has an actor nearly all its articles name (split_who_share) and the
        other part never names: two casts, two happenings, however concurrent (core.cluster.actors). Parts
        are several articles each, so what they name anywhere is read, not only their headlines."""
        a, b = Cast(), Cast()
        for aid, m in ev.members.items():
            (b if aid in gone else a).add(m.named, m.named)
        return casts_clash(a, b, self.config.split_who_share)

    def _split_off(self: "EventClusterer", ev: Event, moved: list[str]) -> Event:
        """Move the given articles of ev into a new event (id from the first of them); returns it."""
        gone = set(moved)
        moved = [a for a in ev.article_ids if a in gone]
        # not event_id_for(moved[0]) itself: that id may name the event the article opened, which a store
        # may hold as merged away in an earlier run this clusterer never saw
        new = self._open(moved[0], f"{moved[0]}#split")
        for aid in moved:
            m = ev.members.pop(aid)
            self._add_vec(ev, m.vec, -1.0)
            ev.n -= 1
            ev.n_short -= m.short
            ev.n_summary -= m.summary
            ev.details.add(m.details, -1)
            if self._who:
                ev.cast.add(m.heads, m.named, -1)
            ev.outlets[m.outlet] -= 1
            if ev.outlets[m.outlet] <= 0:
                del ev.outlets[m.outlet]
            ev.categories.subtract(m.categories)
            self._join(new, m, m.vec, aid)
            self.split[aid] = new.id
        ev.categories = +ev.categories
        ev.alone = any(m.alone for m in ev.members.values())
        ev.article_ids = [a for a in ev.article_ids if a not in gone]
        ev.titles = [(a, ev.members[a].title) for a in ev.article_ids[:50]]
        ev.first = ev.last = None
        ev.ymin = ev.ymax = ev.floor = None
        ev.n_with_year = 0
        for m in ev.members.values():
            ev.add_span(m.span)
            ev.add_years(m.year, m.floor)
            ev.n_with_year += m.year is not None
        self._cohere(ev)
        if ev.last is not None:
            heapq.heappush(self._expiry, (ev.last, ev.idx))
        ev.apart.add(new.idx)
        new.apart.add(ev.idx)
        self._touched.add(ev.idx)
        return new


def silhouette(sim, side) -> float:
    """Mean silhouette of a two-way partition under a similarity matrix with a zero diagonal."""
    import numpy as np

    out = np.empty(len(side))
    for mask in (side, ~side):
        m = int(mask.sum())
        own = sim[mask][:, mask].sum(axis=1) / max(m - 1, 1)
        other = sim[mask][:, ~mask].mean(axis=1)
        out[mask] = (own - other) / np.maximum(np.maximum(own, other), 1e-12)
    return float(out.mean())


def _older(a: Event, b: Event) -> bool:
    """True when a should keep its id over b: larger first, then earlier-opened."""
    return (a.n, -a.idx) > (b.n, -b.idx)
