"""Omissions: facts most other independent outlets report that one outlet leaves out, and what only it reports.

Sentences are TF-IDF vectors of content-lemma keys; two sentences from different outlets report the
same fact when their cosine passes ALIGN_THRESHOLD. A fact is listed as omitted by outlet X only when
  - it reads as a checkable fact: it names someone or something (a capitalised word past the first)
    or holds a number, and is not a piece of a longer quotation;
  - at least MIN_SUPPORT independent families other than X's report it, and more than half of the
    other families do (copies of one story are one family: core.reprints' family_key contract);
  - X does not state it in other words: for each outlet's version of the fact, no window of one or
    two consecutive sentences of X (nor its headline) holds STATED_COVER or more of that version's
    content, weighted by how rare each word is in the event. This errs towards silence: a fact X
    states partly, or in the words of any one outlet that reports it, is not listed.
Lexical matching misses paraphrase in the outlets that report a fact, so a fact reported in wholly
different words by others is not counted as theirs; the note says so.
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
from scipy import sparse

from core.lexicon import content_lemmas
from core.voice import names_a_speaker, quote_spans

ALIGN_THRESHOLD = 0.35      # cosine above which two sentences are taken to report the same fact
MIN_CONTENT_WORDS = 5       # shorter sentences (datelines, "He added.") are not facts on their own
MIN_SUPPORT = 2             # independent families besides the omitting outlet's that must report a fact
STATED_COVER = 0.2          # share of a fact's weighted content in one place of X's text that counts as stating it
CLAUSE_COVER = 0.5          # ... or this share of one of its clauses: a fact stated in part is not "left out"
MIN_CLAUSE_KEYS = 3         # clauses with fewer content words are too short to judge on their own
MAX_LISTED = 8              # omitted / only-here facts listed per outlet
MAX_ALIGN_ARTICLES = 60     # larger events are aligned on a subset (round-robin over outlets), said in a note

_NUMBER_RE = re.compile(r"\d[\d,.]*")
_CLAUSE_SPLIT_RE = re.compile(r"[,;:—–]\s+|\s(?:and|but|while|whereas|though|although|because)\s")
_QUOTE_MARKS = '"“”'
_CAPTION_RE = re.compile(r"\b(?:photo|file photo|pictured|getty images|ap photo)\b|(?:/|\bvia)\s*(?:AFP|REUTERS|Reuters|AP)\b")


def fact_keys(text: str) -> list[str]:
    """Content-lemma keys of a sentence plus the numbers it holds (numbers are facts too)."""
    return content_lemmas(text) + _NUMBER_RE.findall(text)


def is_fact(text: str, quoted: bool = False) -> bool:
    """A checkable statement: a name or a number, not a caption, not a line of a quotation whose speaker
    the sentence does not name (quoted: the sentence lies inside a quotation)."""
    toks = text.split()
    named = any(w[:1].isupper() for w in toks[1:]) or bool(_NUMBER_RE.search(text))
    unbalanced = (sum(text.count(c) for c in '"') % 2 == 1) or text.count("“") != text.count("”")
    bare_quote = (quoted or text.lstrip()[:1] in _QUOTE_MARKS) and not names_a_speaker(text)
    return named and not unbalanced and not bare_quote and not _CAPTION_RE.search(text)


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


def align(sentences: list[dict], groups: list[str]):
    """Boolean matrix covered[i, g]: group g has a sentence matching sentence i; plus the similarity matrix."""
    m = sentence_matrix([s["keys"] for s in sentences])
    sim = (m @ m.T).tocoo()
    g_idx = {g: k for k, g in enumerate(groups)}
    g_of = np.array([g_idx[s["group"]] for s in sentences], dtype=np.int64)
    keep = (sim.data >= ALIGN_THRESHOLD) & (g_of[sim.row] != g_of[sim.col])
    covered = np.zeros((len(sentences), len(groups)), dtype=bool)
    covered[sim.row[keep], g_of[sim.col[keep]]] = True
    covered[np.arange(len(sentences)), g_of] = True
    return covered, sim.tocsr()


def omissions(docs: list[dict], families: dict[str, str] | None = None) -> dict:
    """Per outlet: facts most other independent outlets report that it leaves out, and what only it reports.

    docs: [{id, outlet, title, text, sentences: [(start, end)]}] for the event's original articles;
    families: article id -> family key (core.reprints.family_key); each article is its own by default.
    """
    outlets = sorted({d["outlet"] for d in docs})
    fam_of = {d["id"]: (families or {}).get(d["id"], d["id"]) for d in docs}
    groups = sorted(set(fam_of.values()))
    if len(outlets) < 2:
        return {"note": "only one outlet covered this event: there is nothing to align against", "outlets": {}}
    all_sents, sentences, doc_keys = [], [], {}
    for d in docs:
        quotes = quote_spans(d["text"])
        doc_keys[d["id"]] = ([set(fact_keys(d["title"]))] if d.get("title") else [], [])
        for s, e in d["sentences"]:
            text = d["text"][s:e]
            keys = fact_keys(text)
            all_sents.append(set(keys))
            doc_keys[d["id"]][1].append(all_sents[-1])
            if len(keys) >= MIN_CONTENT_WORDS:
                quoted = any(a <= s and e <= b for a, b in quotes)
                sentences.append({"id": d["id"], "outlet": d["outlet"], "group": fam_of[d["id"]], "start": s, "end": e,
                                  "text": text, "keys": keys, "fact": is_fact(text, quoted)})
    if not sentences:
        return {"note": "no sentence long enough to align", "outlets": {}}
    covered, sim = align(sentences, groups)
    df = Counter(k for ks in all_sents for k in ks)
    idf = {k: math.log((len(all_sents) + 1) / (c + 0.5)) for k, c in df.items()}
    g_idx = {g: k for k, g in enumerate(groups)}
    own_group = np.array([g_idx[s["group"]] for s in sentences])
    result = {}
    for outlet in outlets:
        mine = [d for d in docs if d["outlet"] == outlet]
        my_groups = {g_idx[fam_of[d["id"]]] for d in mine}
        others = [k for k in range(len(groups)) if k not in my_groups]
        windows = _windows([doc_keys[d["id"]] for d in mine])
        omitted_idx = []
        for i, s in enumerate(sentences):
            if own_group[i] in my_groups or not s["fact"]:
                continue
            support = [k for k in others if covered[i, k]]
            if len(support) < MIN_SUPPORT or 2 * len(support) <= len(others):
                continue
            # the fact in any reporting outlet's words: X states none of its versions
            row = sim.getrow(i)
            versions = [i] + [j for j, v in zip(row.indices, row.data) if v >= ALIGN_THRESHOLD and own_group[j] not in my_groups]
            if any(_stated(sentences[j]["text"], sentences[j]["keys"], windows, idf) for j in versions):
                continue
            omitted_idx.append(i)
        omitted_idx.sort(key=lambda i: (-int(covered[i, others].sum()), -len(sentences[i]["keys"])))
        omits = [_fact(sentences, i, covered, groups, sim) for i in _dedupe_idx(omitted_idx, sim)]
        only_idx = [i for i, s in enumerate(sentences) if own_group[i] in my_groups and s["fact"]
                    and not covered[i, others].any()]
        only_idx.sort(key=lambda i: -_informativeness(sentences[i]))
        only = [_fact(sentences, i, covered, groups, sim) for i in _dedupe_idx(only_idx, sim)]
        result[outlet] = {"omits": omits, "only_here": only,
                          "sentences": sum(1 for g in own_group if g in my_groups), "unmatched_sentences": len(only_idx),
                          "omitted_facts": len(omitted_idx), "independent_others": len(others)}
    note = (f"facts (a name or a number) reported by at least {MIN_SUPPORT} and by most other independent outlets "
            f"(copies count once), matched by words (TF-IDF cosine >= {ALIGN_THRESHOLD:.2f}); a fact is not listed "
            f"when the outlet states part of it in other words. Paraphrases by the reporting outlets may be missed.")
    return {"note": note, "outlets": result}


def _windows(docs_keys: list[tuple[list[set], list[set]]]) -> list[set]:
    """The key sets an outlet's articles offer: each headline, each sentence and each pair of adjacent sentences."""
    out = []
    for title, keys in docs_keys:
        out += title + keys + [a | b for a, b in zip(keys, keys[1:])]
    return out


def _stated(text: str, keys: list[str], windows: list[set], idf: dict[str, float]) -> bool:
    """Whether some window holds STATED_COVER of the fact's content, or CLAUSE_COVER of one of its clauses,
    weighted by rarity: a fact told in part is not listed as left out."""
    parts = [set(keys)] + [set(ks) for ks in (fact_keys(c) for c in _CLAUSE_SPLIT_RE.split(text)) if len(ks) >= MIN_CLAUSE_KEYS]
    for n, part in enumerate(parts):
        weights = {k: idf.get(k, 1.0) for k in part}
        need = (STATED_COVER if n == 0 else CLAUSE_COVER) * (sum(weights.values()) or 1.0)
        if any(sum(w for k, w in weights.items() if k in win) >= need for win in windows):
            return True
    return False


def _dedupe_idx(idx: list[int], sim) -> list[int]:
    """Keep the first of each group of mutually similar sentences."""
    kept = []
    for i in idx:
        if all(sim[i, j] < ALIGN_THRESHOLD for j in kept):
            kept.append(i)
        if len(kept) >= MAX_LISTED:
            break
    return kept


def _fact(sentences: list[dict], i: int, covered, groups: list[str], sim) -> dict:
    """A sentence as a JSON fact: its offsets, the outlets reporting it, and one sentence per reporting family."""
    s = sentences[i]
    row = sim.getrow(i)
    evidence, seen = [], set()
    for j, v in sorted(zip(row.indices, row.data), key=lambda x: -x[1]):
        g = sentences[j]["group"]
        if (v >= ALIGN_THRESHOLD or j == i) and g not in seen:
            seen.add(g)
            t = sentences[j]
            evidence.append({"id": t["id"], "outlet": t["outlet"], "start": t["start"], "end": t["end"]})
    reported_by = sorted({e["outlet"] for e in evidence})
    return {"text": s["text"], "id": s["id"], "outlet": s["outlet"], "start": s["start"], "end": s["end"],
            "reported_by": reported_by, "families": len(seen), "evidence": evidence}


def _informativeness(s: dict) -> float:
    """Longer sentences with names and numbers carry more checkable facts."""
    t = s["text"]
    caps = sum(1 for w in t.split()[1:] if w[:1].isupper())
    digits = sum(c.isdigit() for c in t) > 0
    return len(s["keys"]) + 2 * caps + 3 * digits
