"""Reprints: find articles that copy another outlet's article, name the original, and say what changed.

Candidates come from an inverted index of hashed word 4-gram shingles (vectorised with numpy), so only
pairs that share many shingles are ever compared: thousands of articles take seconds. A pair is a
reprint when most of the smaller article's shingles occur in the other. The direction (who copied whom)
is decided by credit lines naming the other outlet, aggregator boilerplate, publication time, and
which text is contained in the other, in that order of weight.
"""
from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import asdict, dataclass, field

import numpy as np

from core.clean import split_boilerplate
from core.corpus import read_jsonl
from core.lexicon import split_paragraphs
from core.models import get
from core.timeline import parse_time

SHINGLE = 4                 # words per shingle; 3% substitutions still leave ~88% of 4-grams intact
MAX_DF = 40                 # shingles in more articles than this are stock phrases, not evidence of copying
MIN_SHARED = 10             # fewer shared shingles than this is never a reprint
MIN_SHINGLES = 15           # articles shorter than this (in shingles) are too short to judge
REPRINT_SCORE = 0.6         # share of the smaller article's shingles found in the other (wire-sharing originals reach ~0.5)
PARAGRAPH_MATCH = 0.5       # share of a paragraph's shingles found in the other text to count as kept
# Direction weights: positive total means "a copied b".
W_CREDIT, W_BOILERPLATE, W_LATER, W_CONTAINED, W_LONGER = 4.0, 2.0, 3.0, 1.0, 0.5
W_MAYBE_LATER = 0.75        # later, but within the uncertainty of a date-only timestamp
LATER_MIN_HOURS = 0.5       # closer publication times than this say nothing about who was first

_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@dataclass
class Reprint:
    """An article judged to copy another outlet's article, with the evidence and the changes."""

    id: str
    original_id: str
    original_outlet: str
    score: float
    changes: dict = field(default_factory=dict)
    outlet: str = ""
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON line written by `framelens reprints`."""
        return asdict(self)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens for shingling."""
    return _WORD_RE.findall(text.lower().replace("’", "'"))


def shingle_hashes(toks: list[str], vocab: dict[str, int]) -> np.ndarray:
    """Unique 64-bit hashes of the word SHINGLE-grams (polynomial rolling hash over word ids)."""
    if len(toks) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter((vocab.setdefault(t, len(vocab) + 1) for t in toks), dtype=np.uint64, count=len(toks))
    h = np.zeros(len(ids) - SHINGLE + 1, dtype=np.uint64)
    mult = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            h = h * mult + ids[k:len(ids) - SHINGLE + 1 + k]
    return np.unique(h)


def shared_counts(sets: list[np.ndarray]) -> dict[tuple[int, int], int]:
    """Shared shingle count for every pair of documents sharing at least MIN_SHARED shingles."""
    if not sets:
        return {}
    lens = np.array([len(s) for s in sets])
    docs = np.repeat(np.arange(len(sets), dtype=np.int64), lens)
    hashes = np.concatenate(sets) if lens.sum() else np.empty(0, dtype=np.uint64)
    order = np.lexsort((docs, hashes))
    hashes, docs = hashes[order], docs[order]
    # group sizes, dropping singletons and stock phrases
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    sizes = np.diff(np.r_[starts, len(hashes)])
    keep_group = (sizes >= 2) & (sizes <= MAX_DF)
    mask = np.repeat(keep_group, sizes)
    hashes, docs = hashes[mask], docs[mask]
    n = len(sets)
    keys = []
    for t in range(1, MAX_DF):
        if len(hashes) <= t:
            break
        same = hashes[t:] == hashes[:-t]
        if not same.any():
            break
        a, b = docs[:-t][same], docs[t:][same]
        keys.append(np.minimum(a, b) * n + np.maximum(a, b))
    if not keys:
        return {}
    uniq, counts = np.unique(np.concatenate(keys), return_counts=True)
    good = counts >= MIN_SHARED
    return {(int(k // n), int(k % n)): int(c) for k, c in zip(uniq[good], counts[good])}


def _outlet_pattern(outlet: str) -> re.Pattern | None:
    """A regex finding an outlet's name as a credit ("(Reuters)", "Source: TASS"), or None if too generic."""
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE)
    name = re.sub(r"\s+(world\s+)?news$|\.com$", "", name, flags=re.IGNORECASE) or name
    if len(name) < 2 or name.lower() in {"unknown", "news"}:
        return None
    flags = 0 if len(name) <= 3 else re.IGNORECASE
    return re.compile(r"(?<![A-Za-z])" + re.escape(name) + r"(?![A-Za-z])", flags)


def _credits(doc: dict, outlet: str) -> int:
    """How often doc's title and text name outlet."""
    pat = _outlet_pattern(outlet)
    if pat is None:
        return 0
    return len(pat.findall(doc["title"])) + len(pat.findall(doc["raw"]))


def direction(a: dict, b: dict, shared: int) -> tuple[float, list[str]]:
    """Weight of evidence that a copied b (positive) rather than b copied a (negative), with reasons."""
    w, why = 0.0, []
    ca = _credits(a, b["outlet"]) - _credits(b, b["outlet"])     # a names b more than b names itself
    cb = _credits(b, a["outlet"]) - _credits(a, a["outlet"])
    if ca > 0 and cb <= 0:
        w += W_CREDIT
        why.append(f"credits {b['outlet']}")
    elif cb > 0 and ca <= 0:
        w -= W_CREDIT
        why.append(f"other credits {a['outlet']}")
    if a["boiler"] and not b["boiler"]:
        w += W_BOILERPLATE
        why.append("aggregator boilerplate")
    elif b["boiler"] and not a["boiler"]:
        w -= W_BOILERPLATE
    if a["time"] and b["time"]:
        hours = (a["time"] - b["time"]).total_seconds() / 3600
        day_only = "date" in (a["precision"], b["precision"])
        if abs(hours) >= (24 if day_only else LATER_MIN_HOURS):
            w += W_LATER if hours > 0 else -W_LATER
            if hours > 0:
                why.append(f"published {hours:.1f} h later")
        elif hours != 0:
            w += W_MAYBE_LATER if hours > 0 else -W_MAYBE_LATER
            if hours > 0:
                why.append("possibly later (date-only timestamp)")
    ra, rb = shared / max(a["n"], 1), shared / max(b["n"], 1)
    if abs(ra - rb) > 0.05:
        w += W_CONTAINED if ra > rb else -W_CONTAINED
        if ra > rb:
            why.append("contained in the other")
    if w == 0 and a["n"] != b["n"]:
        w += W_LONGER if a["n"] < b["n"] else -W_LONGER
    return w, why


def _prepare(articles) -> list[dict]:
    """Per-article fields needed for detection."""
    docs = []
    for a in articles:
        raw = get(a, "text", "") or ""
        clean, boiler = split_boilerplate(raw)
        t, precision = parse_time(get(a, "published"))
        docs.append({"id": str(get(a, "id")), "outlet": get(a, "outlet", "unknown") or "unknown",
                     "title": get(a, "title", "") or "", "raw": raw, "clean": clean, "boiler": boiler,
                     "time": t, "precision": precision})
    return docs


def find_reprints(articles, progress: bool = False) -> list[Reprint]:
    """Articles judged to copy another outlet's article, each naming its original and the changes."""
    docs = _prepare(articles)
    vocab: dict[str, int] = {}
    sets = [shingle_hashes(tokens(d["clean"]), vocab) for d in docs]
    for d, s in zip(docs, sets):
        d["n"] = len(s)
    if progress:
        print(f"reprints: indexed {len(docs)} articles", file=sys.stderr)
    copies: dict[int, list[tuple[float, int, list[str]]]] = {}
    for (i, j), shared in shared_counts(sets).items():
        a, b = docs[i], docs[j]
        if a["outlet"] == b["outlet"] or min(a["n"], b["n"]) < MIN_SHINGLES:
            continue
        score = shared / min(a["n"], b["n"])
        if score < REPRINT_SCORE:
            continue
        w, why = direction(a, b, shared)
        if w == 0:
            w = 1.0 if a["id"] > b["id"] else -1.0   # no evidence either way: a stable, arbitrary choice
            why = why + ["no date or credit evidence: direction arbitrary"]
        copy, orig = (i, j) if w > 0 else (j, i)
        if w < 0:
            why = direction(b, a, shared)[1]
        copies.setdefault(copy, []).append((score, orig, why))
    out = []
    for c, cands in copies.items():
        roots = [x for x in cands if x[1] not in copies] or cands
        score, orig, why = max(roots, key=lambda x: (x[0], -x[1]))
        seen = {c}
        while orig in copies and orig not in seen:       # follow reprint chains to the first original
            seen.add(orig)
            orig = max(copies[orig], key=lambda x: x[0])[1]
        o = docs[orig]
        out.append(Reprint(id=docs[c]["id"], original_id=o["id"], original_outlet=o["outlet"],
                           score=round(score, 4), changes=describe_changes(docs[c], o),
                           outlet=docs[c]["outlet"], evidence=why))
    out.sort(key=lambda r: r.id)
    return out


def _para_shingles(text: str) -> list[tuple[str, set]]:
    """Paragraphs of text with their shingle sets (as tuples; only used for flagged pairs)."""
    out = []
    for s, e in split_paragraphs(text):
        toks = tokens(text[s:e])
        out.append((text[s:e], {tuple(toks[k:k + SHINGLE]) for k in range(max(len(toks) - SHINGLE + 1, 1))}))
    return out


def describe_changes(copy: dict, orig: dict) -> dict:
    """What the reprint changed: headline, paragraphs cut/added/reordered, boilerplate, words, credit."""
    cp, op = _para_shingles(copy["clean"]), _para_shingles(orig["clean"])
    c_all = set().union(*(s for _, s in cp)) if cp else set()
    o_all = set().union(*(s for _, s in op)) if op else set()
    kept_positions, cut = [], 0
    for _, s in op:
        if s and len(s & c_all) / len(s) >= PARAGRAPH_MATCH:
            best = max(range(len(cp)), key=lambda k: len(s & cp[k][1])) if cp else 0
            kept_positions.append(best)
        else:
            cut += 1
    added = sum(1 for _, s in cp if s and len(s & o_all) / len(s) < PARAGRAPH_MATCH)
    ow, cw = tokens(orig["clean"]), tokens(copy["clean"])
    subs = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ow, cw, autojunk=False).get_opcodes():
        if tag == "replace":
            subs += min(i2 - i1, j2 - j1)
    old_boiler = {b.lower() for b in orig["boiler"]}
    credit = orig["outlet"] if _credits(copy, orig["outlet"]) > _credits(orig, orig["outlet"]) else None
    lag = None
    if copy["time"] and orig["time"]:
        lag = round((copy["time"] - orig["time"]).total_seconds() / 3600, 2)
    return {
        "headline_changed": _norm_title(copy["title"], orig["outlet"]) != _norm_title(orig["title"], orig["outlet"]),
        "new_headline": copy["title"],
        "original_headline": orig["title"],
        "paragraphs_cut": cut,
        "paragraphs_added": added,
        "paragraphs_reordered": kept_positions != sorted(kept_positions),
        "boilerplate_added": [b for b in copy["boiler"] if b.lower() not in old_boiler],
        "words_substituted": subs,
        "credit": credit,
        "lag_hours": lag,
    }


def _norm_title(t: str, outlet: str = "") -> str:
    """Title words only, without a " — Outlet" suffix, so punctuation, case or a site name is no new headline."""
    pat = _outlet_pattern(outlet) if outlet else None
    parts = re.split(r"\s+[—–|-]\s+", t)
    if len(parts) > 1 and pat is not None and pat.search(parts[-1]) and len(parts[-1].split()) <= 5:
        t = " ".join(parts[:-1])
    return " ".join(tokens(t))


def reprint_ids(reprints: list[Reprint]) -> set[str]:
    """Ids of the reprints, for excluding them from coverage counts."""
    return {r.id for r in reprints}


def run_reprints_file(input_path, output_path, progress: bool = True) -> list[Reprint]:
    """`framelens reprints`: read ARTICLES.jsonl, write one JSON line per reprint found."""
    from .progress import note, reporting
    articles = read_jsonl(input_path)
    with reporting(progress) as report:
        report("reprints", 0, len(articles))
        reprints = find_reprints(articles)
        report("reprints", len(articles), len(articles))
        with open(output_path, "w", encoding="utf-8") as fh:
            for r in reprints:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        note(report, f"reprints: {len(reprints)} of {len(articles)} articles are reprints -> {output_path}")
    return reprints
