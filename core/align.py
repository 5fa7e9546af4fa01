"""Sentence alignment between two articles, for copies that n-grams miss: spun, lightly edited or partial.

A spinner swaps words for synonyms ("spy balloon" -> "undercover agent balloon") but keeps the order
of sentences, the names and the numbers; an independent report of the same event shares names too, but
not sentence after sentence in the same order. So each sentence of one text is matched to its most
similar sentence of the other by the rare content words they share (weighted by how few articles use
them), and only matches that keep the order count. Words inside quotation marks are left out, and so
are sentences that are mostly a quote: two outlets quoting the same statement is common sourcing, not copying.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from .lexicon import STOPWORDS, split_sentences

MIN_CONTENT = 5          # content words outside quotes a sentence needs to be compared at all
MIN_SHARED_WORDS = 4     # fewer shared content words than this is never a match
MATCH = 0.5              # weighted overlap (Dice) of two sentences to count as the same sentence reworded
SAME = 0.8               # ... and to count as the same sentence, lightly edited at most
IDF_SMOOTHING = 10       # added to the article count in the IDF, so a handful of articles weighs words alike
# The same words core/reprints.py shingles, so one vocabulary's document frequencies weigh both.
_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass
class Sentence:
    """One sentence: its span in the article text and its content-word keys outside quotes."""

    start: int
    end: int
    keys: frozenset


@dataclass
class Alignment:
    """Sentence pairs matched in order: (sentence in a, sentence in b, similarity)."""

    pairs: list[tuple[Sentence, Sentence, float]]
    n_a: int
    n_b: int

    @property
    def share(self) -> float:
        """Share of the shorter text's sentences that are matched."""
        return len(self.pairs) / max(1, min(self.n_a, self.n_b))

    @property
    def same(self) -> int:
        """Matched pairs that are the same sentence, lightly edited at most."""
        return sum(1 for _, _, s in self.pairs if s >= SAME)


_QUOTE_RE = re.compile(r'“[^”\n]*(?:”|$)|"[^"\n]*(?:"|$)', re.MULTILINE)


def quote_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks (a quote left open runs to the end of its paragraph)."""
    mask = bytearray(len(text))
    for m in _QUOTE_RE.finditer(text):
        mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def sentences(text: str) -> list[Sentence]:
    """The text's sentences that have enough content words (lowercase, outside quotes) to be compared."""
    mask = quote_mask(text)
    low = text.lower().replace("’", "'")
    out = []
    for s, e in split_sentences(text):
        # A sentence that is mostly a quote keeps only its attribution ("…," the minister said): not evidence.
        if sum(mask[s:e]) * 2 > e - s:
            continue
        keys = {m.group() for m in _WORD_RE.finditer(low, s, e) if not mask[m.start()] and m.group() not in STOPWORDS}
        if len(keys) >= MIN_CONTENT:
            out.append(Sentence(s, e, frozenset(keys)))
    return out


def idf_weights(docs: list[list[Sentence]]) -> dict[str, float]:
    """Inverse document frequency of each content word over these articles (rare words weigh most)."""
    df: dict[str, int] = {}
    for sents in docs:
        for k in set().union(*(s.keys for s in sents)) if sents else ():
            df[k] = df.get(k, 0) + 1
    n = len(docs)
    return {k: math.log((n + IDF_SMOOTHING) / (c + 1)) + 1.0 for k, c in df.items()}


def similarity(a: frozenset, b: frozenset, idf: dict[str, float]) -> float:
    """Weighted Dice overlap of two sentences' content words (0 when they share too few)."""
    shared = a & b
    if len(shared) < MIN_SHARED_WORDS:
        return 0.0
    w = lambda keys: sum(idf.get(k, 1.0) for k in keys)  # noqa: E731
    return 2 * w(shared) / (w(a) + w(b))


def align(a: list[Sentence], b: list[Sentence], idf: dict[str, float], threshold: float = MATCH) -> Alignment:
    """Each sentence of a matched to its best sentence of b, keeping the longest run in the same order."""
    index: dict[str, list[int]] = {}
    for j, s in enumerate(b):
        for k in s.keys:
            index.setdefault(k, []).append(j)
    found = []
    for i, s in enumerate(a):
        counts: dict[int, int] = {}
        for k in s.keys:
            for j in index.get(k, ()):
                counts[j] = counts.get(j, 0) + 1
        best, best_j = 0.0, -1
        for j, c in counts.items():
            if c >= MIN_SHARED_WORDS:
                sim = similarity(s.keys, b[j].keys, idf)
                if sim > best:
                    best, best_j = sim, j
        if best >= threshold:
            found.append((i, best_j, best))
    return Alignment([(a[i], b[j], sim) for i, j, sim in _in_order(found)], len(a), len(b))


def _in_order(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The longest subsequence of matches whose positions increase in both texts."""
    tails, tail_idx, prev = [], [], [-1] * len(found)
    for n, (_, j, _) in enumerate(found):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[k], tail_idx[k] = j, n
        prev[n] = tail_idx[k - 1] if k else -1
    out, n = [], tail_idx[-1] if tail_idx else -1
    while n >= 0:
        out.append(found[n])
        n = prev[n]
    return out[::-1]
