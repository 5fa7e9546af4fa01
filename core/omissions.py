"""Omissions: align sentences across an event's outlets to see who leaves out what others report.

Sentences are TF-IDF vectors of content-lemma keys; two sentences from different outlets "report the
same thing" when their cosine similarity passes ALIGN_THRESHOLD. This is lexical alignment, so a fact
retold in entirely different words is missed; the output says so.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy import sparse

from core.lexicon import content_lemmas

ALIGN_THRESHOLD = 0.35      # cosine above which two sentences are taken to report the same fact
MIN_CONTENT_WORDS = 5       # shorter sentences (datelines, "He added.") are not facts on their own
MAX_LISTED = 8              # omitted / only-here facts listed per outlet
MAX_ALIGN_ARTICLES = 60     # larger events are aligned on a subset (round-robin over outlets), said in a note


def sentence_matrix(sent_keys: list[list[str]]):
    """L2-normalised TF-IDF matrix (sentences x terms) with IDF over these sentences."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    df = Counter()
    for keys in sent_keys:
        df.update(set(keys))
    n = len(sent_keys)
    for i, keys in enumerate(sent_keys):
        for k, tf in Counter(keys).items():
            j = vocab.setdefault(k, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(tf)) * math.log((1 + n) / (1 + df[k]) + 1))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    norms = np.sqrt(m.multiply(m).sum(axis=1)).A.ravel()
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def align(sentences: list[dict], outlets: list[str]):
    """Boolean matrix covered[i, o]: outlet o has a sentence matching sentence i; plus the similarity matrix."""
    keys = [s["keys"] for s in sentences]
    m = sentence_matrix(keys)
    sim = (m @ m.T).tocoo()
    o_idx = {o: k for k, o in enumerate(outlets)}
    out_of = np.array([o_idx[s["outlet"]] for s in sentences], dtype=np.int64)
    keep = (sim.data >= ALIGN_THRESHOLD) & (out_of[sim.row] != out_of[sim.col])
    covered = np.zeros((len(sentences), len(outlets)), dtype=bool)
    covered[sim.row[keep], out_of[sim.col[keep]]] = True
    return covered, sim.tocsr()


def omissions(docs: list[dict]) -> dict:
    """Per outlet: facts most other outlets report that it leaves out, and what only it reports.

    docs: [{id, outlet, text, sentences: [(start, end)]}] for the event's original (non-reprint) articles.
    """
    outlets = sorted({d["outlet"] for d in docs})
    if len(outlets) < 2:
        return {"note": "only one outlet covered this event: there is nothing to align against", "outlets": {}}
    sentences = []
    for d in docs:
        for s, e in d["sentences"]:
            keys = content_lemmas(d["text"][s:e])
            if len(keys) >= MIN_CONTENT_WORDS:
                sentences.append({"id": d["id"], "outlet": d["outlet"], "start": s, "end": e,
                                  "text": d["text"][s:e], "keys": keys})
    if not sentences:
        return {"note": "no sentence long enough to align", "outlets": {}}
    covered, sim = align(sentences, outlets)
    own = np.array([outlets.index(s["outlet"]) for s in sentences])
    covered[np.arange(len(sentences)), own] = True
    support = covered.sum(axis=1)               # outlets (including its own) reporting sentence i
    result = {}
    for k, outlet in enumerate(outlets):
        n_other = len(outlets) - 1
        need = n_other // 2 + 1                  # a strict majority of the other outlets
        cand = [i for i in range(len(sentences))
                if own[i] != k and not covered[i, k] and support[i] >= need]
        cand.sort(key=lambda i: (-support[i], -len(sentences[i]["keys"])))
        omitted = _dedupe(cand, sim, sentences, outlets, covered)
        mine = [i for i in range(len(sentences)) if own[i] == k and support[i] == 1]
        mine.sort(key=lambda i: -_informativeness(sentences[i]))
        only = [_fact(sentences[i], outlets, covered[i]) for i in _dedupe_idx(mine, sim)[:MAX_LISTED]]
        shared_total = int(sum(1 for i in range(len(sentences)) if own[i] != k and support[i] >= need))
        result[outlet] = {"omits": omitted, "only_here": only,
                          "sentences": int((own == k).sum()), "unmatched_sentences": len(mine),
                          "omitted_facts": shared_total}
    return {"note": "lexical sentence alignment (TF-IDF cosine >= %.2f): paraphrases may be missed"
                    % ALIGN_THRESHOLD, "outlets": result}


def _dedupe_idx(idx: list[int], sim) -> list[int]:
    """Keep the first of each group of mutually similar sentences."""
    kept = []
    for i in idx:
        if all(sim[i, j] < ALIGN_THRESHOLD for j in kept):
            kept.append(i)
        if len(kept) >= MAX_LISTED:
            break
    return kept


def _dedupe(cand: list[int], sim, sentences, outlets, covered) -> list[dict]:
    """The omitted facts, one representative sentence each, with the outlets reporting it."""
    return [_fact(sentences[i], outlets, covered[i]) for i in _dedupe_idx(cand, sim)]


def _fact(s: dict, outlets: list[str], cov) -> dict:
    """A sentence as a JSON fact with its evidence offsets."""
    return {"text": s["text"], "id": s["id"], "outlet": s["outlet"], "start": s["start"], "end": s["end"],
            "reported_by": [o for o, c in zip(outlets, cov) if c]}


def _informativeness(s: dict) -> float:
    """Longer sentences with names and numbers carry more checkable facts."""
    t = s["text"]
    caps = sum(1 for w in t.split()[1:] if w[:1].isupper())
    digits = sum(c.isdigit() for c in t) > 0
    return len(s["keys"]) + 2 * caps + 3 * digits
