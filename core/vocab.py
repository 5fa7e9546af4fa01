"""Distinctive vocabulary: Fightin' Words (Monroe, Colaresi & Quinn 2008) log-odds with z-scores.

Each outlet's unigram and bigram counts are compared with the rest of the event (or of a topic), with
an informative Dirichlet prior taken from background counts (by default the pooled texts themselves),
so a term scores high only when an outlet uses it clearly more often than the others, given how much
each side wrote.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

import numpy as np


from core.lexicon import STOPWORDS, lemma, split_sentences, words
from core.models import get
from core.timeline import parse_time

PRIOR_FLOOR = 0.01        # pseudo-count for a term absent from the background, so logs stay finite
MIN_COUNT = 2             # a term must occur this often in the outlet to be listed as distinctive
Z_MIN = 1.96              # z-score a term must reach to be listed: below it the difference may be chance (95%)
MAX_EVIDENCE = 3          # sentences kept per listed term, as the figure's evidence


def term_keys(text: str, toks=None) -> list[tuple[str, str, int, int]]:
    """Unigram and bigram terms of text as (key, surface, start, end); stopwords and punctuation break bigrams."""
    out = []
    prev = None
    toks = toks if toks is not None else words(text)
    for k, (w, s, e) in enumerate(toks):
        low = w.lower().replace("’", "'")
        if low in STOPWORDS or low.isdigit() or len(low) < 2 or _date_month(low, toks, k):
            prev = None
            continue
        key = lemma(w)
        out.append((key, low, s, e))
        if prev is not None and text[prev[3]:s] in (" ", "-"):
            out.append((prev[0] + " " + key, prev[1] + " " + low, prev[2], e))
        prev = (key, low, s, e)
    return out


def _date_month(low: str, toks, k: int) -> bool:
    """A month's name in a date ("March 22", "22 March", "March 2016"): when, not a word the outlet chose."""
    if low not in MONTHS:
        return False
    return any(0 <= j < len(toks) and toks[j][0].isdigit() for j in (k - 1, k + 1))


# Links and handles are no words of the story: an embedded tweet's "pic.twitter.com/…" made "pic", "twitter"
# and "com" one outlet's distinctive words (z 2.17) on a Brussels bombing page.
# An embedded post's credit line ("— Alex Barker (@alexebarker) March 22, 2016") names its author and date: six of
# them made "march" an outlet's distinctive word (z 1.97) on the same page.
_LINK_RE = re.compile(r"[—–]\s*[^\n—–]{0,80}\(@\w+\)(?:\s+[A-Z][a-z]+\.? \d{1,2}, \d{4})?"
                      r"|(?:https?://|www\.)\S+"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|be|io|gov|edu)(?:\.[a-z]{2})?/\S*"
                      r"|(?<![\w@])@\w+")
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def once_each(text: str) -> str:
    """The text without links and handles, each sentence kept once: a page that repeats its headline or a photo
    caption in the text ("combing" four times in one caption shown three times) says the word once."""
    text = _LINK_RE.sub(" ", text)
    seen, kept = set(), []
    for s, e in split_sentences(text):
        key = " ".join(text[s:e].lower().split())
        if key not in seen:
            seen.add(key)
            kept.append(text[s:e])
    return "\n".join(kept)


def count_terms(texts) -> tuple[Counter, dict[str, str]]:
    """Term counts over texts (each sentence once, links left out) and a display surface per term key."""
    counts, surface = Counter(), {}
    for text in texts:
        for key, low, _, _ in term_keys(once_each(text)):
            counts[key] += 1
            surface.setdefault(key, low)
    return counts, surface


def fightin_words(counts_a: Counter, counts_b: Counter, prior: Counter | None = None) -> dict[str, tuple]:
    """Per term: (delta, z) of side a against side b, with a Dirichlet prior alpha_w = prior counts."""
    if prior is None:
        prior = counts_a + counts_b
    vocab = list(set(counts_a) | set(counts_b))
    if not vocab:
        return {}
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    a0 = float(sum(prior.values())) or 1.0
    a_w = np.maximum(np.array([prior.get(w, 0) for w in vocab], dtype=float), PRIOR_FLOOR)
    ya = np.array([counts_a.get(w, 0) for w in vocab], dtype=float)
    yb = np.array([counts_b.get(w, 0) for w in vocab], dtype=float)
    delta = (np.log((ya + a_w) / (n_a + a0 - ya - a_w))
             - np.log((yb + a_w) / (n_b + a0 - yb - a_w)))
    z = delta / np.sqrt(1.0 / (ya + a_w) + 1.0 / (yb + a_w))
    return {w: (float(d), float(zz)) for w, d, zz in zip(vocab, delta, z)}


def rank_distinctive(counts_by_outlet: dict[str, Counter], surface: dict[str, str], top: int = 20,
                     prior: Counter | None = None, min_count: int = MIN_COUNT) -> dict[str, list[dict]]:
    """Top terms per outlet by z-score against all other outlets pooled."""
    total = Counter()
    for c in counts_by_outlet.values():
        total.update(c)
    out = {}
    for outlet, mine in counts_by_outlet.items():
        rest = total - mine
        if not rest:
            out[outlet] = []
            continue
        scores = fightin_words(mine, rest, prior if prior is not None else total)
        rows = [{"term": surface.get(w, w), "key": w, "z": round(z, 3), "delta": round(d, 4),
                 "count": mine.get(w, 0), "count_rest": rest.get(w, 0)}
                for w, (d, z) in scores.items() if mine.get(w, 0) >= min_count and z >= Z_MIN]
        rows.sort(key=lambda r: (-r["z"], r["term"]))
        out[outlet] = rows[:top]
    return out


def distinctive_terms(texts_by_outlet: dict[str, list[str]], top: int = 20, prior: Counter | None = None,
                      min_count: int = MIN_COUNT) -> dict[str, list[dict]]:
    """Fightin' Words per outlet vs the rest: {outlet: [{term, z, delta, count, count_rest}]}."""
    counts, surface = {}, {}
    for outlet, texts in texts_by_outlet.items():
        counts[outlet], s = count_terms(texts)
        for k, v in s.items():
            surface.setdefault(k, v)
    return rank_distinctive(counts, surface, top=top, prior=prior, min_count=min_count)


def distinctive_terms_topic(articles, topic: str | None = None, start=None, end=None, top: int = 20,
                            topic_field: str = "gold_topic") -> dict:
    """Fightin' Words per outlet across all events of a topic in a date range (None means any)."""
    lo = parse_time(start)[0] if start is not None else None
    hi = parse_time(end)[0] if end is not None else None
    texts: dict[str, list[str]] = {}
    used = 0
    for a in articles:
        if topic is not None and get(a, topic_field) != topic:
            continue
        dt = parse_time(get(a, "published"))[0]
        if (lo or hi) and dt is None:
            continue
        if (lo and dt < lo) or (hi and dt > hi):
            continue
        texts.setdefault(get(a, "outlet", "unknown"), []).append(get(a, "title", "") + "\n" + get(a, "text", ""))
        used += 1
    note = None
    if len(texts) < 2:
        note = "fewer than two outlets in this selection: nothing to compare against"
    return {"topic": topic, "start": str(start) if start else None, "end": str(end) if end else None,
            "articles": used, "note": note, "terms": distinctive_terms(texts, top=top) if len(texts) > 1 else {}}


def evidence_for(keys: set[str], docs) -> dict[str, list[dict]]:
    """For each term key, up to MAX_EVIDENCE sentences (id, start, end) where it occurs, from docs (id, text)."""
    found: dict[str, list[dict]] = {k: [] for k in keys}
    for doc_id, text in docs:
        spans = split_sentences(text)
        starts = [s for s, _ in spans]
        for key, _, s, _ in term_keys(text):
            lst = found.get(key)
            if lst is None or len(lst) >= MAX_EVIDENCE:
                continue
            k = bisect.bisect_right(starts, s) - 1
            if k < 0:
                continue
            ss, se = spans[k]
            if not lst or lst[-1]["start"] != ss or lst[-1]["id"] != doc_id:
                lst.append({"id": doc_id, "start": ss, "end": se})
    return found


def headline_lead_words(items: list[dict]) -> dict[str, dict]:
    """Shared and outlet-only content words of headlines+leads; items have outlet, title, lead."""
    keys_by_outlet: dict[str, set] = {}
    surface: dict[str, str] = {}
    for it in items:
        ks = keys_by_outlet.setdefault(it["outlet"], set())
        for w, _, _ in words(it["title"] + " " + it["lead"]):
            low = w.lower().replace("’", "'")
            if low in STOPWORDS or low.isdigit() or len(low) < 2:
                continue
            k = lemma(w)
            ks.add(k)
            surface.setdefault(k, low)
    seen_in = Counter(k for ks in keys_by_outlet.values() for k in ks)
    out = {}
    for outlet, ks in keys_by_outlet.items():
        out[outlet] = {
            "shared": sorted(surface[k] for k in ks if seen_in[k] >= 2),
            "only_here": sorted(surface[k] for k in ks if seen_in[k] == 1),
        }
    return out


