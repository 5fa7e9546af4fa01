"""Derived articles: copies, spun copies, credited rewrites and wire copies, each with its evidence.

Two kinds of evidence, combined per article:

- Shared text with another article of the input. Candidates come from an inverted index of hashed word
  4-gram shingles (numpy), so only pairs sharing many shingles are compared: a verbatim or partial copy
  shares most of the smaller text's shingles; a spun copy (synonyms swapped, sentences kept in order)
  is found by sentence alignment (core/align.py). Who copied whom is decided by credits naming the other
  outlet, aggregator boilerplate, publication time, which one is a wire or a known outlet, and which
  text holds the other, in that order of weight.
- Credits the article gives (core/credits.py): a wire dateline, byline or sign-off, "Source: Xinhua",
  "— RT World News" in the title, ", TASS reported" in the lead. Such an article is derived from the
  credited outlet even when that outlet's story is not in the input ("derived from RT (not in the store)").

Articles that share text form a family under one original: the article of the outlet the family credits
when it is there, the family's credited outlet when it is not, else the earliest, most original-looking
member. Every derived article names its family's original (`original_id`, or None when the original is
not in the input) and outlet; `family_key` gives the key that anything counting outlets counts once.
"""
from __future__ import annotations

import difflib
import json
import operator
import re
import sys
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import compress

import numpy as np

from core.align import IDF_SMOOTHING, SAME, align_matrices, quote_mask, sentence_matrix, sentences
from core.clean import MAX_LINE, split_boilerplate, strip_dateline
from core.config import Settings
from core.corpus import imported_date, read_jsonl
from core.credits import canonical_outlet, find_credits, is_news_outlet, is_wire, recognise
from core.lexicon import split_paragraphs, split_sentences
from core.models import get
from core.timeline import parse_time

SHINGLE = 4                 # words per shingle; 3% substitutions still leave ~88% of 4-grams intact
MAX_DF = 40                 # shingles in more articles than this are stock phrases, not evidence of copying
MIN_SHARED = 10             # fewer shared shingles than this is never a reprint
MIN_SHINGLES = 15           # articles shorter than this (in shingles) are too short to judge
REPRINT_SCORE = 0.6         # share of the smaller article's shingles found in the other (wire-sharing originals reach ~0.5)
PARTIAL_SCORE, PARTIAL_SHARED = 0.4, 25   # a partial copy: a good part of the smaller text, and many shingles
HEADLINE_SCORE = 0.2        # with the same headline, this share of shared shingles is enough
_NAME_LINKS = frozenset({"of", "the", "and", "bin", "al", "de", "la", "del", "von", "van", "for", "'s"})
MIN_OWN_SHARED = 5          # shingles outside quotation marks a copy must share, whatever else it shares
MIN_OWN_RUNS, OWN_SHARED_ALONE = 3, 10   # ... in this many separate places, unless it shares this many at all
MIN_ALIGNED, ALIGNED_SHARE = 3, 0.3       # a spun copy: this many sentences in order, this share of the shorter
SHAPE_RATIO = 1.25          # ... or, in a text too short for that, paragraphs this close in length, every sentence aligned
IDF_SAMPLE = 5000           # articles whose words are counted for the weights of sentence alignment
ALIGN_SCORE = 0.1           # a spun copy still shares this share of shingles (a third of its words swapped: 0.12-0.4)
PARAGRAPH_MATCH = 0.5       # share of a paragraph's shingles found in the other text to count as kept
LEAD_CHARS, LEAD_SENTENCES = 600, 3       # the lead: the first paragraph if short, else the first sentences
LEAD_WINDOW = 1500          # characters read to find the lead (three sentences or a short paragraph)
# Direction weights: positive total means "a copied b".
W_CREDIT, W_BOILERPLATE, W_LATER, W_CONTAINED, W_LONGER = 4.0, 2.0, 3.0, 1.0, 0.5
W_WIRE, W_KNOWN, W_OWN_CREDIT = 2.0, 1.5, 1.0
W_MAYBE_LATER = 0.75        # later, but within the uncertainty of a date-only timestamp
LATER_MIN_HOURS = 0.5       # closer publication times than this say nothing about who was first
# Credits that make an article derived on their own, strongest first; the verdict's kind and score.
STRONG_CREDITS = ("title", "dateline", "byline", "link", "source", "url", "signoff")
CREDIT_SCORE = {"strong": 0.9, "reporter": 0.8, "lead": 0.7, "repeated": 0.6, "told": 0.6, "boilerplate": 0.5}
# Credits strong enough to name the source of a whole family of copies, not only of the article giving them.
FAMILY_CREDITS = ("strong", "reporter", "lead")
# Footer lines only copying sites add: on a site that is no known outlet they say the text was taken from elsewhere.
COPY_MARKERS = re.compile(r"^source link$|auto-generated from a syndicated feed", re.IGNORECASE)
UNKNOWN = "unknown"
SUMMARY_ONLY = "summary-only"   # text_status of an article stored with its feed's summary (core/ingest.py)
_WORD_RE = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# "according to" a named source ("the Japan Meteorological Agency", "a US agency"), not "according to preliminary data".
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:(?:the|a|an)\s+)?[A-Z]")
# "…, the wire service also reports": the piece names the agency again as its source, in other words.
_AGENCY_AGAIN = re.compile(r"\b[Tt]he\s+(?:wire service|news agency)\s+(?:also\s+|further\s+)?(?:reports|reported|said|says|"
                           r"added|adds|wrote)\b")
# "Chinese state media reported the passing …": the news is the state's announcement.
_STATE_NEWS = re.compile(r"\b[Ss]tate(?:-run|-owned|-controlled)?\s+(?:media|television|TV|broadcaster|news agency|agency|"
                         r"radio)\s+(?:have\s+|has\s+)?(?:reported|reports|said|says|announced|confirmed)\b|"
                         # "…, according to its state media Monday" (rpages7's Yonhap): the same lead, worded as a citation
                         r"\baccording to (?:its|the country's|the North's|[A-Z][\w.\-]*(?:\s[A-Z][\w\-]*)?['’]s?)\s+"
                         r"state(?:-run|-owned|-controlled)?\s+(?:media|television|TV|broadcaster|news agency|radio)\b")
_CHAIN_GAP = 40             # characters between "X said" and ", citing Y" for Y to be X's source
_DASH_CHARS = ("-", "–", "—", "―", "‒")
# "SOURCE: TRTWorld and agencies", "(With inputs from agencies)": the page says it mixed its own words with wires'.
_COMPILATION = re.compile(r"\b(?:SOURCE|Source|Sources)\s*:\s*[^\n]{1,40}?\band agencies\b|\b[Ww]ith (?:inputs?|input) "
                          r"from (?:the )?agencies\b|\b[Ww]ith agency inputs\b")
_HARD_WRAP = re.compile(r"(?<=[\w,])\n(?=[a-z])")
_PAREN = re.compile(r"\s*\([^)]*\)$")


@dataclass
class Reprint:
    """A derived article: its original (None when not in the input), outlet, kind, evidence and changes."""

    id: str
    original_id: str | None
    original_outlet: str
    score: float
    changes: dict = field(default_factory=dict)
    outlet: str = ""
    evidence: list = field(default_factory=list)
    kind: str = "verbatim copy"

    def to_dict(self) -> dict:
        """The JSON line written by `framelens reprints`."""
        return asdict(self)

    def summary(self) -> str:
        """One line for people: "derived from RT (not in the store): credited rewrite"."""
        where = f"article {self.original_id}" if self.original_id else "not in the store"
        return f"derived from {self.original_outlet} ({where}): {self.kind}"


def tokens(text: str) -> list[str]:
    """Lowercase word tokens for shingling."""
    return _WORD_RE.findall(text.lower().replace("’", "'"))


def word_ids(toks: list[str], vocab: dict[str, int]) -> np.ndarray:
    """Each token's id in the vocabulary (new words get the next id, in order of first appearance)."""
    # Looked up by map and compress, which loop in C: a Python loop per token was a fifth of the detection's CPU
    # on the 100k stream. Ids come out as a setdefault per token gave them.
    ids = list(map(vocab.get, toks))
    if None in ids:
        for t in dict.fromkeys(compress(toks, map(_IS_NONE, ids))):
            vocab[t] = len(vocab) + 1
        ids = list(map(vocab.__getitem__, toks))
    return np.array(ids, dtype=np.uint64)


_IS_NONE = partial(operator.is_, None)   # x -> x is None, called from C by map


def shingle_hashes(toks: list[str], vocab: dict[str, int], ids: np.ndarray | None = None) -> np.ndarray:
    """Unique 64-bit hashes of the word SHINGLE-grams (polynomial rolling hash over word ids)."""
    if len(toks) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    return _sorted_unique(_rolling(word_ids(toks, vocab) if ids is None else ids))


def _sorted_unique(x: np.ndarray) -> np.ndarray:
    """np.unique of a 1-d array, as np.unique gives it: its wrapper (a hash pass, a flatten) cost more than the sort
    over the ~100k small arrays of a stream."""
    if len(x) < 2:
        return x.copy()
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))]


def _rolling(ids: np.ndarray) -> np.ndarray:
    """The hash of every run of SHINGLE word ids, in text order."""
    h = np.zeros(len(ids) - SHINGLE + 1, dtype=np.uint64)
    mult = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):
            h = h * mult + ids[k:len(ids) - SHINGLE + 1 + k]
    return h


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


def _prepare(articles) -> list[dict]:
    """Per-article fields needed for detection."""
    docs = []
    for a in articles:
        raw = get(a, "text", "") or ""
        clean, boiler = split_boilerplate(raw)
        boiler = _distinct([*_stored_lines(get(a, "boilerplate", None)), *boiler])
        t, precision = parse_time(get(a, "published"))
        outlet = get(a, "outlet", UNKNOWN) or UNKNOWN
        canon = canonical_outlet(outlet)
        title = get(a, "title", "") or ""
        all_credits = find_credits(title, raw, get(a, "url"))
        docs.append({"id": str(get(a, "id")), "outlet": outlet, "canon": canon, "title": title, "raw": raw,
                     "clean": strip_dateline(clean), "boiler": boiler, "time": t, "precision": precision,
                     "credits": [c for c in all_credits if not same_outlet(c.outlet, canon)],
                     "own_credits": [c for c in all_credits if same_outlet(c.outlet, canon) and c.kind in STRONG_CREDITS],
                     "known": is_news_outlet(outlet) is not None, "wire": is_wire(outlet),
                     # every form names "agenc…": a substring test spares most texts the regex (a 1.5x cost target)
                     "compilation": "agenc" in raw and _COMPILATION.search(raw) is not None,
                     # the feed's blurb of a page that could not be read: often a wire's first sentence, word for word
                     "summary": (get(a, "text_status", "ok") or "ok") == SUMMARY_ONLY})
        docs[-1]["own_credit"] = bool(docs[-1]["own_credits"])
        # "CONCORD, N.C. — …": a place dateline naming no outlet (a wire's story as its clients print it)
        docs[-1]["bare_dateline"] = len(docs[-1]["clean"]) < len(clean) and not any(c.kind == "dateline" for c in all_credits)
    return docs


def _stored_lines(stored) -> list:
    """Boilerplate lines a row carries: a JSON list as the store keeps them, one line, or a list."""
    if isinstance(stored, str):
        try:
            stored = json.loads(stored) if stored.startswith("[") else [stored]
        except ValueError:
            stored = [stored]               # not the store's JSON: the text itself is the line
    return stored if isinstance(stored, list) else []


def _distinct(lines) -> list[str]:
    """Boilerplate lines once each (case aside), in order of first appearance, each cut to MAX_LINE characters."""
    seen: dict[str, str] = {}
    for line in lines:
        line = str(line).strip()[:MAX_LINE]
        if line:
            seen.setdefault(line.casefold(), line)
    return list(seen.values())


def _boiler_evidence(lines: list[str]) -> dict:
    """The boilerplate evidence of a verdict: at most Settings.reprint_evidence_lines lines, the rest counted."""
    cap = Settings.reprint_evidence_lines
    ev = {"type": "boilerplate", "lines": lines[:cap]}
    if len(lines) > cap:
        ev["more"] = len(lines) - cap
    return ev


# -- pairs that share text ------------------------------------------------------------------------------

def same_outlet(a: str, b: str) -> bool:
    """Whether two canonical names are one outlet, a section qualifier aside ("New York Post (Opinion)")."""
    return a == b or _PAREN.sub("", a) == _PAREN.sub("", b)


def _credits_outlet(doc: dict, outlet: str) -> bool:
    """Whether doc credits outlet anywhere (photo credits aside)."""
    return any(same_outlet(c.outlet, outlet) and c.kind != "photo" for c in doc["credits"])


def direction(a: dict, b: dict, shared: int) -> tuple[float, list[str]]:
    """Weight of evidence that a copied b (positive) rather than b copied a (negative), with reasons."""
    w, why = 0.0, []
    ca, cb = _credits_outlet(a, b["canon"]), _credits_outlet(b, a["canon"])
    if ca and not cb:
        w += W_CREDIT
        why.append(f"credits {b['canon']}")
    elif cb and not ca:
        w -= W_CREDIT
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
    for key, weight, reason in (("wire", W_WIRE, "the other is a wire"), ("known", W_KNOWN, "the other is a known outlet"),
                                ("own_credit", W_OWN_CREDIT, "the other carries its own dateline")):
        if b[key] and not a[key]:
            w += weight
            why.append(reason)
        elif a[key] and not b[key]:
            w -= weight
    ra, rb = shared / max(a["n"], 1), shared / max(b["n"], 1)
    if abs(ra - rb) > 0.05:
        w += W_CONTAINED if ra > rb else -W_CONTAINED
        if ra > rb:
            why.append("contained in the other")
    if w == 0 and a["n"] != b["n"]:
        w += W_LONGER if a["n"] < b["n"] else -W_LONGER
    return w, why


def _norm_title(t: str, outlet: str = "") -> str:
    """Title words only, without a " — Outlet" suffix, so punctuation, case or a site name is no new headline."""
    parts = re.split(r"\s+[—–|-]\s+", t or "")
    if len(parts) > 1 and len(parts[-1].split()) <= 5 and (
            is_news_outlet(re.sub(r"\s+(?:World )?News$", "", parts[-1])) or parts[-1].strip().lower() == "news"
            or (outlet and canonical_outlet(parts[-1]) == canonical_outlet(outlet))):
        t = " ".join(parts[:-1])
    return " ".join(tokens(t))


def same_headline(a: dict, b: dict) -> bool:
    """Whether two articles carry the same headline, or one opens with the other's whole headline
    (five words or more, site names aside): a copy keeps the headline or adds to its end."""
    for d in (a, b):
        if "norm_title" not in d:
            d["norm_title"] = _norm_title(d["title"], d["outlet"])
    ta, tb = a["norm_title"], b["norm_title"]
    short, long_ = sorted((ta, tb), key=len)
    return len(short.split()) >= 5 and (long_ == short or long_.startswith(short + " "))


def _sentences(doc: dict) -> list:
    """The article's sentences for alignment (computed once), without lines that repeat the headline."""
    if "sents" not in doc:
        title = " ".join(tokens(doc["title"]))
        doc["sents"] = [s for s in sentences(doc["raw"])
                        if not title or " ".join(tokens(doc["raw"][s.start:s.end])) not in title]
    return doc["sents"]


def _matrix(doc: dict, vocab: dict[str, int]):
    """The article's alignment sentences as a sparse matrix over the shingling vocabulary (computed once)."""
    if "matrix" not in doc:
        doc["matrix"] = sentence_matrix(_sentences(doc), vocab)
    return doc["matrix"]


def _own_shingles(doc: dict, vocab: dict[str, int]) -> np.ndarray:
    """Shingle hashes of the article's words outside quotation marks (computed once, for candidate pairs only)."""
    if "own" not in doc:
        text = doc["clean"].lower().replace("’", "'")
        found = list(_WORD_RE.finditer(text))
        if len(found) < SHINGLE:
            doc["own"] = np.empty(0, dtype=np.uint64)
            return doc["own"]
        quoted = np.frombuffer(bytes(quote_mask(text)), dtype=np.uint8)[[m.start() for m in found]]
        # A name or title ("Sheikh Khalifa bin Zayed Al Nahyan", "the Ministry of Presidential Affairs") is written
        # alike by every report of the news: no writer's own words.
        raw = doc["clean"] if len(doc["clean"]) == len(text) else text      # lower() kept the offsets, or no names
        named = np.array([raw[m.start()].isupper() or m.group() in _NAME_LINKS for m in found], dtype=np.uint8)
        ones = np.ones(SHINGLE, dtype=np.uint8)
        free = (np.convolve(quoted, ones, "valid") == 0) & (np.convolve(named, ones, "valid") < SHINGLE)
        hashes = _rolling(word_ids([m.group() for m in found], vocab))
        doc["own_seq"] = np.where(free, hashes, np.uint64(0))       # 0: a shingle not the writer's own, a gap
        doc["own"] = _sorted_unique(hashes[free])
    return doc["own"]


def _own_sequence(doc: dict, vocab: dict[str, int]) -> np.ndarray:
    """The article's shingles outside quotation marks in text order (computed with _own_shingles)."""
    _own_shingles(doc, vocab)
    return doc.get("own_seq", doc["own"])


def relate(a: dict, b: dict, shared: int, idf: np.ndarray, vocab: dict[str, int]) -> tuple[str, float, list] | None:
    """How two articles' texts are related: ("copy" | "partial" | "spun", score, evidence) or None."""
    small = min(a["n"], b["n"])
    if small < MIN_SHINGLES:
        return None
    score = shared / small
    ev = [{"type": "shared text", "shingles": shared, "share": round(score, 3)}]
    headline = same_headline(a, b)
    if headline:
        ev.append({"type": "headline", "headline": a["title"], "identical": a["norm_title"] == b["norm_title"]})
    copied = score >= REPRINT_SCORE or (headline and score >= HEADLINE_SCORE)
    partial = score >= PARTIAL_SCORE and shared >= PARTIAL_SHARED
    # Two outlets quoting one long statement share its shingles; a copy shares some of its own words too
    # (a long, near-complete match needs no such check: no two reports are one quote end to end).
    if (copied or partial) and ((score >= 0.8 and shared >= 60) or _own_words_shared(a, b, vocab)):
        return ("copy" if copied else "partial"), score, ev
    if score < ALIGN_SCORE:
        return None                 # too little shared for a spun copy: not worth aligning sentences
    sa, sb = _sentences(a), _sentences(b)
    # A text of one or two sentences cannot show MIN_ALIGNED of them in order. A spinner keeps the shape of what
    # it spins, so such a pair must have the same paragraphs, each of about the same length, and align whole.
    short = min(len(sa), len(sb)) < MIN_ALIGNED
    if not sa or not sb or (short and not _same_shape(a, b)):
        return None
    ma, mb = _matrix(a, vocab), _matrix(b, vocab)
    al = align_matrices(ma, mb, idf) if len(sa) <= len(sb) else align_matrices(mb, ma, idf)
    if al.share < 1 if short else (len(al.pairs) < MIN_ALIGNED or al.share < ALIGNED_SHARE):
        return None
    x, y = (a, b) if len(sa) <= len(sb) else (b, a)
    pairs = [{x["id"]: [p.start, p.end], y["id"]: [q.start, q.end], "similarity": round(s, 2)}
             for p, q, s in al.pairs[:8]]
    ev.append({"type": "aligned sentences", "count": len(al.pairs), "share": round(al.share, 2), "pairs": pairs})
    return ("partial" if al.same * 2 >= len(al.pairs) else "spun"), max(score, al.share), ev


def _own_words_shared(a: dict, b: dict, vocab: dict[str, int]) -> bool:
    """Whether two texts share enough of their own words (outside quotation marks) for a copy: MIN_OWN_SHARED
    shingles in MIN_OWN_RUNS separate places, or OWN_SHARED_ALONE in any. Two own reports of one announcement share
    its official's name and one reworded line of it ("the Ministry of Presidential Affairs has announced 40 days of",
    rpages7's Instablog9ja and What's On), a copy shares its own words all along."""
    both = np.intersect1d(_own_shingles(a, vocab), _own_shingles(b, vocab), assume_unique=True)
    if len(both) < MIN_OWN_SHARED:
        return False
    if len(both) >= OWN_SHARED_ALONE:
        return True
    return _runs(_own_sequence(a, vocab), both) >= MIN_OWN_RUNS


def _runs(seq: np.ndarray, shared: np.ndarray) -> int:
    """Distinct runs of consecutive shared shingles along a text (a name written three times is one run)."""
    hit = np.isin(seq, shared)
    runs, cur = set(), []
    for h, x in zip(seq.tolist(), hit.tolist()):
        if x:
            cur.append(h)
        elif cur:
            runs.add(frozenset(cur))
            cur = []
    if cur:
        runs.add(frozenset(cur))
    return len(runs)


def _same_shape(a: dict, b: dict) -> bool:
    """Whether two texts have as many paragraphs, each within SHAPE_RATIO of the other's length in words."""
    pa, pb = (_paragraph_words(d) for d in (a, b))
    return len(pa) == len(pb) and all(min(x, y) * SHAPE_RATIO >= max(x, y) for x, y in zip(pa, pb))


def _paragraph_words(doc: dict) -> list[int]:
    """Words per paragraph of the clean text (computed once)."""
    if "shape" not in doc:
        doc["shape"] = [len(tokens(doc["clean"][s:e])) for s, e in split_paragraphs(doc["clean"])]
    return doc["shape"]


def _idf(docs: list[dict], vocab: dict[str, int]) -> np.ndarray:
    """Inverse document frequency of every word id (index = id), counted over the input, or over an even
    sample of IDF_SAMPLE articles of a larger one (the weights only rank rare words above common ones)."""
    step = max(1, len(docs) // IDF_SAMPLE)
    counted = [_sorted_unique(word_ids(tokens(d["clean"]), vocab)).astype(np.int64) for d in docs[::step]]
    ids = [c for c in counted if len(c)]
    df = np.bincount(np.concatenate(ids), minlength=len(vocab) + 1) if ids else np.zeros(len(vocab) + 1)
    # Smoothed so that a small input (one event's articles) weighs words nearly alike: with two articles,
    # every shared word would otherwise count as common and every swapped word as rare.
    return np.log((len(counted) + IDF_SMOOTHING) / (df + 1)) + 1.0


# -- credits ---------------------------------------------------------------------------------------------

def _lead_end(text: str) -> int:
    """Where the lead ends: after the first paragraph when it is short, and at least after the first sentences."""
    # A line broken mid-sentence ("… and sending\nresidents of …", a page's hard wrap) is one sentence, not two.
    head = _HARD_WRAP.sub(" ", text[:LEAD_WINDOW])
    body = strip_dateline(head)
    offset = len(head) - len(body)
    sents = split_sentences(body)
    end = sents[min(len(sents), LEAD_SENTENCES) - 1][1] if sents else len(body)
    paras = split_paragraphs(body)
    if paras and paras[0][1] - paras[0][0] <= LEAD_CHARS:
        end = max(end, paras[0][1])
    return offset + end


def credit_verdict(doc: dict) -> tuple[str, str, list] | None:
    """The outlet an article's own credits say it comes from: (outlet, reason, credits used), or None."""
    text = doc["raw"]
    cs = [c for c in doc["credits"] if c.kind != "photo"]
    if not cs:
        return None
    strong = sorted((c for c in cs if c.kind in STRONG_CREDITS), key=lambda c: (STRONG_CREDITS.index(c.kind), c.name_start))
    if strong:
        return strong[0].outlet, "strong", [strong[0]]
    reporter = [c for c in cs if c.kind == "reporter"]
    # "told The Associated Press" and "An AFP photographer … saw" in one text: two agencies' reporting mixed, the
    # copy of neither.
    if reporter and not _other_agency(cs, reporter[0].outlet):
        return reporter[0].outlet, "reporter", reporter[:1]
    outlets = {c.outlet for c in cs}
    # "told AFP" is an interview unless the page's photos are the same agency's (a wire story with its pictures).
    # A caption closing "— Reuters" is how a page credits a picture it bought (rpages6's Geo News), not how a wire's own
    # story carries its pictures ("AP Photo/…"): it makes no interview the agency's story.
    told = [c for c in cs if c.kind == "told" and any(d.outlet == c.outlet and d.kind == "photo"
                                                      and not d.phrase.startswith(_DASH_CHARS) for d in doc["credits"])]
    lead = _lead_end(text)
    opening = strip_dateline(text[:LEAD_WINDOW])
    first_sentence = split_sentences(opening)[:1]
    first_end = min(len(text), LEAD_WINDOW) - len(opening) + first_sentence[0][1] if first_sentence else 0
    in_lead = [c for c in cs if (c.kind == "reported" and c.name_start < lead) or (c.kind == "cited" and c.name_start < first_end)]
    in_lead = _own_sources(in_lead)
    if in_lead and _most_credited(cs, in_lead[0].outlet) and not _rival_in_lead(cs, in_lead, in_lead[0].outlet) \
            and not _second_source(cs, in_lead[0].outlet) \
            and not _state_citation(text, lead, cs, in_lead[0].outlet) \
            and not _own_compilation(text, cs, in_lead[0].outlet) \
            and not _blurb_citation(doc, cs, in_lead[0].outlet):
        return in_lead[0].outlet, "lead", in_lead[:1]
    reporting = [c for c in cs if c.kind in ("reported", "cited")]
    if len(outlets) == 1 and len(reporting) >= 2 and reporting[0].name_start < len(text) / 3 \
            and not _own_compilation(text, cs, reporting[0].outlet):
        # One source, credited again and again from early on: the piece is built on it.
        return reporting[0].outlet, "repeated", reporting[:2]
    if told:
        return told[0].outlet, "told", told[:1]
    return None


def _blurb_citation(doc: dict, credits, outlet: str) -> bool:
    """Whether a feed's summary (its page unread) credits `outlet` for what it reported once only: a source cited for
    one fact in a blurb is no sign the article is its rewrite, as the rest of the article, where a rewrite names its
    source again and an own report names its others, is not there to read (the Feb 2026 feeds: NDTV's "Zelenskiy,
    Axios said, …", Reuters' spelling, and TIME's "…, POLITICO reported." were "credited rewrites")."""
    if not doc.get("summary"):
        return False
    return sum(1 for c in _own_sources(credits)
               if c.kind in ("reported", "cited", "told") and same_outlet(c.outlet, outlet)) < 2


def _own_compilation(text: str, credits, outlet: str) -> bool:
    """Whether a text credits `outlet` only as one of its sources: every credit to it is an "according to" (a fact
    attributed, not a report retold), and the text says "according to" of other named sources as well ("according to
    the Japan Meteorological Agency"). Such a piece is the site's own report citing the outlet: no copy claimed."""
    theirs = [c for c in credits if same_outlet(c.outlet, outlet)]
    if not theirs or not all("ccording to" in c.phrase for c in theirs):
        return False
    if is_wire(outlet) and _AGENCY_AGAIN.search(text):
        return False            # "according to the Associated Press … the wire service also reports": built on it
    return any(not any(c.start <= m.start() < c.end for c in theirs) for m in _ACCORDING.finditer(text))


def _own_sources(credits) -> list:
    """The credits that name a source of the text itself: not Y in "X said …, citing Y" (X's source, not the text's:
    "the Yonhap news agency said, citing the Korean Central News Agency")."""
    out = []
    for c in credits:
        if out and c.phrase.startswith(("citing", "quoting")) and 0 <= c.start - out[-1].end <= _CHAIN_GAP \
                and not same_outlet(out[-1].outlet, c.outlet) and out[-1].kind in ("reported", "cited"):
            continue
        out.append(c)
    return out


def _rival_in_lead(credits, in_lead, outlet: str) -> bool:
    """Whether another outlet is credited in the lead as often as `outlet`: a lead built on two outlets' reports one by
    one ("…, reported the BBC." then "…," Reuters reported citing state broadcaster CCTV.") is the site's own piece."""
    counts: dict[str, int] = {}
    for c in _own_sources(credits):
        if c.kind in ("reported", "cited", "told"):
            counts[c.outlet] = counts.get(c.outlet, 0) + 1
    lead_sources = {c.outlet for c in _own_sources(in_lead)}
    return any(counts.get(o, 0) >= counts.get(outlet, 0) for o in lead_sources if not same_outlet(o, outlet))


def _second_source(credits, outlet: str) -> bool:
    """Whether another outlet is credited for what it reported at least twice as well: a piece retelling two outlets'
    reports one by one, each more than once, is the site's own compilation (rpages11's Scroll.in: ", ANI reported."
    closing its lead, "according to ANI" twice more, "The Indian Express reported" twice; not ANI's copy)."""
    counts: dict[str, int] = {}
    for c in _own_sources(credits):
        if c.kind in ("reported", "cited") and not same_outlet(c.outlet, outlet):
            counts[c.outlet] = counts.get(c.outlet, 0) + 1
    return any(n >= 2 for n in counts.values())


def _state_citation(text: str, lead: int, credits, outlet: str) -> bool:
    """Whether a lone "according to X" names the state medium that announced the news (GUIDE's convention): the lead
    says "state media reported" and X is credited once, by "according to": the state's word cited, not a report
    retold ("Chinese state media reported the passing … according to the Xinhua news agency")."""
    theirs = [c for c in credits if same_outlet(c.outlet, outlet)]
    return len(theirs) == 1 and "ccording to" in theirs[0].phrase and _STATE_NEWS.search(text, 0, lead) is not None


def _other_agency(credits, outlet: str) -> bool:
    """Whether the credits show a wire other than `outlet` reporting or interviewing in the same text."""
    # An interview another outlet gave ("an eyewitness told the BBC") is that outlet's reporting as much as a wire's:
    # fc32's Uzalendo News, the BBC's story with one "A Reuters journalist said" in it, is neither's copy for sure.
    return any(not same_outlet(c.outlet, outlet) and (c.kind == "told" or (c.kind == "reporter" and is_wire(c.outlet)))
               for c in credits)


def _most_credited(credits, outlet: str) -> bool:
    """Whether no other outlet is credited for what it reported, said or was told more often than `outlet`: a piece
    that names NHK three times and the Japan Times once, in its lead, is built on NHK's reporting, not the paper's."""
    counts: dict[str, int] = {}
    for c in _own_sources(credits):
        if c.kind in ("reported", "cited", "told"):
            counts[c.outlet] = counts.get(c.outlet, 0) + 1
    return all(n <= counts.get(outlet, 0) for o, n in counts.items() if not same_outlet(o, outlet))


def _own_writing(doc: dict, outlet: str) -> bool:
    """Whether an article that credits `outlet` (a dateline, a title suffix) shows it is its own writing, not
    the outlet's copy: it carries its own dateline or byline apart from that credit ("BEIJING, May 16.
    /TASS/." on TASS, crediting Xinhua in its title), or it reports what the outlet said in the third person
    ("…, Xinhua reported"), as no wire writes of itself in its own copy."""
    theirs = [c for c in doc["credits"] if same_outlet(c.outlet, outlet)]
    if any(c.kind in ("reported", "cited") for c in theirs):
        return True
    # "(UrduPoint News / Sputnik)": one dateline naming the site and the wire is the wire's copy, carried.
    return any(o.field != c.field or o.end <= c.start or c.end <= o.start for o in doc["own_credits"] for c in theirs)


def _credit_evidence(credits) -> list[dict]:
    return [{"type": "credit", **c.to_dict()} for c in credits]


# -- detection ---------------------------------------------------------------------------------------------

def find_reprints(articles, progress: bool = False) -> list[Reprint]:
    """Derived articles of the input, each naming its family's original (or outlet) with evidence and changes."""
    articles = list(articles)
    recognise({get(a, "outlet", "") for a in articles})
    docs = _prepare(articles)
    vocab: dict[str, int] = {}
    sets = [shingle_hashes(tokens(d["clean"]), vocab) for d in docs]
    for d, s in zip(docs, sets):
        d["n"] = len(s)
    if progress:
        print(f"reprints: indexed {len(docs)} articles", file=sys.stderr)
    idf: np.ndarray | None = None
    parents: dict[int, list] = {}
    relations: dict = {}    # (copy, original) -> (score, original, reasons, relation); also article -> one of those
    shared_with: dict[int, list[tuple[int, int]]] = {}
    for (i, j), shared in shared_counts(sets).items():
        a, b = docs[i], docs[j]
        if a["canon"] == b["canon"]:
            continue
        shared_with.setdefault(i, []).append((shared, j))
        shared_with.setdefault(j, []).append((shared, i))
        if idf is None:
            idf = _idf(docs, vocab)                    # only when some pair shares text at all
        rel = relate(a, b, shared, idf, vocab)
        if rel is None or (rel[0] == "spun" and (a["compilation"] or b["compilation"])):
            continue            # reworded sentences shared with a page that says it mixed agencies' words with its own
        if (a["summary"] or b["summary"]) and not _told_apart(a, b):
            continue            # a wire's lede both print: which copied which (if either) is not shown
        w, why = direction(a, b, shared)
        if w == 0:
            w = 1.0 if a["id"] > b["id"] else -1.0   # no evidence either way: a stable, arbitrary choice
            why = why + ["no date or credit evidence: direction arbitrary"]
        copy, orig = (i, j) if w > 0 else (j, i)
        if w < 0:
            why = direction(b, a, shared)[1]
        parents.setdefault(copy, []).append((rel[1], orig, why, rel))
        relations[(copy, orig)] = (rel[1], orig, why, rel)
        relations[(orig, copy)] = (rel[1], copy, [], rel)
        relations.setdefault(orig, relations[(orig, copy)])  # any one relation of each article, by its index
    roots = _roots(parents)
    verdicts = _families(docs, roots, relations, shared_with)
    out = [v for v in verdicts.values() if v is not None]
    out.sort(key=lambda r: r.id)
    return out


def _dateline_added(copy: dict, orig: dict, why: list[str]) -> bool:
    """Whether the later of two texts opens with a place dateline the earlier lacks while only time says which came
    first: a copier drops a dateline, it does not add one, so both may carry a third text, a wire's story as its clients
    print it, and the earlier is not named the later one's original (om35: NPR's "CONCORD, N.C. — Kyle Busch …", AP's
    story, was a "verbatim copy" of CBC's, published half an hour earlier without the dateline)."""
    return copy["bare_dateline"] and not orig["bare_dateline"] and all(r.startswith("published ") for r in why)


def _told_apart(a: dict, b: dict) -> bool:
    """Whether a pair's direction can rest on more than publication time: a credit (to each other, or one naming where
    a member's text comes from), aggregator boilerplate, a wire, or an outlet's own dateline on either side. A feed's
    summary is mostly the first sentence of a wire's story, printed word for word by every outlet carrying it: two
    summaries sharing it, or a summary and a page, say nothing more of who copied whom (the Feb 2026 feeds: NPR's,
    Dawn's and ABC News's summaries of AP stories were "copies of Japan Today", published 1-4 h later)."""
    return bool(_credits_outlet(a, b["canon"]) or _credits_outlet(b, a["canon"]) or a["boiler"] or b["boiler"]
                or a["wire"] or b["wire"] or a["own_credit"] or b["own_credit"]
                or _source_credit(a) or _source_credit(b))


def _source_credit(doc: dict) -> bool:
    """Whether an article's own credits name another outlet as the source of a family's text (computed once)."""
    if "source_credit" not in doc:
        v = credit_verdict(doc)
        doc["source_credit"] = bool(v and v[1] in FAMILY_CREDITS and not same_outlet(v[0], doc["canon"]))
    return doc["source_credit"]


def _roots(parents: dict[int, list]) -> dict[int, tuple[int, tuple]]:
    """For every copy, the article it was copied from (preferring originals) and the top of its chain."""
    chosen: dict[int, tuple] = {}
    for c, cands in parents.items():
        pool = [x for x in cands if x[1] not in parents] or cands
        chosen[c] = max(pool, key=lambda x: (x[0], -x[1]))
    out = {}
    for c, best in chosen.items():
        top, seen = best[1], {c}
        while top in chosen and top not in seen:       # follow chains of copies to the first original
            seen.add(top)
            top = chosen[top][1]
        out[c] = (top, best)
    return out


def _families(docs: list[dict], roots: dict, relations: dict, shared_with: dict) -> dict[int, Reprint | None]:
    """Each article's verdict, resolving families: the credited outlet's article, or outlet, is the original."""
    members: dict[int, list[int]] = {}
    for c, (top, _) in roots.items():
        members.setdefault(top, [top]).append(c)
    credit = {i: credit_verdict(d) for i, d in enumerate(docs)}
    verdicts: dict[int, Reprint | None] = {}
    for top, group in members.items():
        group = list(dict.fromkeys(group))
        found = [(i, credit[i]) for i in group if credit[i] and not same_outlet(credit[i][0], docs[i]["canon"])]
        named = _family_source(docs, top, found)
        source = named or _shared_interview(docs, top, group) or _shared_credit(docs, top, group)
        if source is None:                              # an original and its copies
            if _wire_pictured(docs, top, group):
                continue        # the shared text could be the wire's: no member is called the top's copy
            for c in group:
                if c != top and not _dateline_added(docs[c], docs[roots[c][1][1]], roots[c][1][2]):
                    verdicts[c] = _text_verdict(docs, c, top, roots[c][1])
            continue
        outlet, via = source
        present = [i for i in group if same_outlet(docs[i]["canon"], outlet)]
        if present:                                     # the credited outlet's own article is in the family
            orig = min(present, key=lambda i: (docs[i]["time"] is None, docs[i]["time"] or 0, docs[i]["id"]))
            for c in group:
                if c != orig:
                    verdicts[c] = _text_verdict(docs, c, orig, _relation_of(c, orig, roots, relations))
            continue
        lone = named is not None and not is_wire(outlet) and _shared_apart(roots, group, via)
        for c in group:                                 # every member carries the absent outlet's story
            own = credit[c]
            if own and own[1] in FAMILY_CREDITS and not same_outlet(own[0], docs[c]["canon"]) \
                    and not _credit_carried(docs, c, own, via, credit[via]):
                # Its own credit names the source (the family's, or another one it took this text from).
                verdicts[c] = _credit_only(docs, c, own, shared_with, _relation_of(c, c, roots, relations))
            elif lone and c != via:
                continue
            else:
                verdicts[c] = _text_verdict(docs, c, None, _relation_of(c, c, roots, relations), absent=(outlet, via))
    for i, d in enumerate(docs):
        if i in verdicts or i in members:
            continue
        if credit[i] and not same_outlet(credit[i][0], d["canon"]):
            verdicts[i] = _credit_only(docs, i, credit[i], shared_with)
        elif not d["known"] and any(COPY_MARKERS.search(b) for b in d["boiler"]):
            verdicts[i] = Reprint(id=d["id"], original_id=None, original_outlet=UNKNOWN,
                                  score=CREDIT_SCORE["boilerplate"], outlet=d["outlet"], kind="aggregator copy",
                                  evidence=[_boiler_evidence(d["boiler"])], changes={})
    return verdicts


def _shared_apart(roots: dict, group: list[int], via: int) -> bool:
    """Whether two members of a family share text with each other rather than with the member `via`: the text goes
    round apart from the page that credits a paper (no wire) for it, as a wire's story does that the paper carried too
    (fc37: The Wall's "– Times of India" over AP's story, which Africanews, Al Jazeera and The North Africa Post share
    among themselves, made them "partial copies of The Times of India"). The paper is then named only for the members
    that credit it; a family of one copy and the crediting page keeps it as its source."""
    return any(c != via and roots[c][1][1] != via for c in group if c in roots)


def _credit_carried(docs, c: int, own: tuple, via: int, source: tuple | None) -> bool:
    """Whether a member's own citation ("…, the official Xinhua news agency said.") is word for word in the text of the
    member that names the family's source by a dateline, byline or its reporters: it came with the copied text
    (rpages11's Malaysia China Insight, Reuters' two sentences without the agency's name, was a "credited rewrite of
    Xinhua" as Reuters' own copies cite Xinhua). Only a citation: a dateline, byline or source line of the member's
    own names where it took the text; and only against such a credit: a source named by the same citation, carried,
    is no better evidence than the member's own."""
    outlet, reason, used = own
    return via != c and reason == "lead" and source is not None and source[1] in ("strong", "reporter") \
        and all(_norm_space(u.phrase) in _norm_space(docs[via]["raw"]) for u in used)


def _relation_of(c: int, orig: int, roots: dict, relations: dict) -> tuple:
    """The shared-text relation to show for c: with the family's original if direct, else with its own match."""
    if c != orig and (c, orig) in relations:
        return relations[(c, orig)]
    return roots[c][1] if c in roots else relations[c]


def _family_source(docs, top: int, found: list) -> tuple[str, int] | None:
    """The outlet a family's credits name (the strongest credit wins) and the member giving it, or None.

    A wire at the top of a family that credits no one is the original: wires do not copy their clients."""
    found = [f for f in found if f[1][1] in FAMILY_CREDITS]
    if not found or (docs[top]["wire"] and all(i != top for i, _ in found)):
        return None
    rank = {r: n for n, r in enumerate(FAMILY_CREDITS)}
    i, (outlet, _, _) = min(found, key=lambda f: (rank[f[1][1]], f[0]))
    return outlet, i


def _wire_pictured(docs, top: int, group: list[int]) -> bool:
    """Whether a member of a family no credit names the source of credits a wire under its photo while the top, no
    wire and with no dateline of its own, never names that wire: the text they share could be the wire's,
    which both carry, so the top is not shown as the member's source (fc35's TRT World, AFP's story under "/ Photo:
    AFP", was a "spun copy" of IOL, which carries AFP's earlier version uncredited; rpages3's Digital Journal, "Copyright
    AFP" under its photo, and two more of AFP's clients were copies of Arab News). A photo credit still names no
    source: the family gets no verdict from its text, not the wire's name."""
    t = docs[top]
    # Only its own dateline makes the top's text its own: its name alone on a line ("Prime News Ghana" over the
    # Guardian's story, "Content image - Phnom Penh Post" over AFP's) is the page's chrome (rpages11).
    if t["wire"] or any(c.kind == "dateline" for c in t["own_credits"]):
        return False
    return any(x.kind == "photo" and is_wire(x.outlet) and not any(same_outlet(y.outlet, x.outlet) for y in t["credits"])
               for c in group if c != top for x in docs[c]["credits"])


def _shared_interview(docs, top: int, group: list[int]) -> tuple[str, int] | None:
    """An agency that two members of a family of copies credit with its own reporting or an interview ("confirmed to
    AFP", "told AFP"): outlets that share that text carry the agency's story (no outlet writes "told AFP" of its own
    interview), so the agency is the family's source, or None. A wire at the top is the original, as above."""
    if docs[top]["wire"]:
        return None
    named: dict[str, set[int]] = {}            # agency -> the members naming it (a set: a big family stays linear)
    for i in group:
        for c in docs[i]["credits"]:
            if c.kind in ("reporter", "told") and is_wire(c.outlet):
                named.setdefault(c.outlet, set()).add(i)
    found = [(outlet, min(ids)) for outlet, ids in named.items() if len(ids) >= 2
             and not any(same_outlet(docs[i]["canon"], outlet) for i in group)]
    if len(found) != 1:
        return None             # none, or two agencies' words in one family: no source claimed
    return found[0]


def _shared_credit(docs, top: int, group: list[int]) -> tuple[str, int] | None:
    """An outlet a member of a family credits for the text it shares, in words the other member's text lacks: both took
    that text from it, so it is the family's source and neither member is the other's copy, or None. Either two members
    credit an agency each in its own words ("…, PM Modi said, PTI reported." in one, "told news agency PTI" in the
    other: fc34's Swarajya and NDTV, PTI's copy both), or one credits an outlet in a paragraph the other carries
    without the credit ("In an official report by NDTV, the defence officials said …": rpages10's Times Magazine India
    and India Narrative). A credit found in both texts came with the copied text (an own report's "Reuters reported",
    copied): no source."""
    if docs[top]["wire"]:
        return None             # a wire at the top is the original, as above
    named: dict[str, dict[int, list]] = {}     # outlet -> member -> its credits to the outlet
    for i in group:
        for c in docs[i]["credits"]:
            if c.kind in ("reported", "cited", "told", "reporter"):
                named.setdefault(c.outlet, {}).setdefault(i, []).append(c)
    found = []
    for outlet, by in named.items():
        if any(same_outlet(docs[i]["canon"], outlet) for i in group):
            continue
        own = {i: [c for c in cs if not any(_norm_space(c.phrase) in _norm_space(docs[j]["raw"]) for j in by if j != i)]
               for i, cs in by.items()}
        own = {i: cs for i, cs in own.items() if cs}
        if len(own) >= 2 and is_wire(outlet):
            via = min(own, key=lambda i: (not any(c.kind in ("reported", "cited") for c in own[i]), i))
            found.append((outlet, via))
            continue
        # Only a copy's credit, carried uncredited by the family's top: an original citing an outlet in a paragraph
        # its copy reworded (rpages6's Scroll.in, quoting Reuters) is no copy of that outlet.
        carried = [i for i, cs in by.items() for c in cs if c.kind in ("reported", "cited") and i != top
                   and top not in by and _credited_paragraph_carried(docs[i], c, docs[top])]
        if carried:
            found.append((outlet, min(carried)))
    if len(found) != 1:
        return None             # none, or two outlets credited so: no source claimed
    return found[0]


def _credited_paragraph_carried(doc: dict, credit, other: dict) -> bool:
    """Whether the paragraph holding `credit` in doc is in `other` (most of its shingles, at least MIN_SHARED of
    them) while `other` lacks the credit's words: the text the credit names its source of, carried uncredited."""
    if _norm_space(credit.phrase) in _norm_space(other["raw"]):
        return False
    raw = doc["raw"]
    lo, hi = raw.rfind("\n", 0, credit.start) + 1, raw.find("\n", credit.end)
    para = raw[lo:hi if hi >= 0 else len(raw)].replace(credit.phrase, " ")
    mine = _grams(para)
    if len(mine) < MIN_SHARED:
        return False
    shared = len(mine & _grams(other["raw"]))
    return shared >= MIN_SHARED and shared >= PARAGRAPH_MATCH * len(mine)


def _grams(text: str) -> set:
    """A text's word SHINGLE-grams as tuples (as _para_shingles builds them): exact, for the few credited pairs."""
    toks = tokens(text)
    return {tuple(toks[k:k + SHINGLE]) for k in range(len(toks) - SHINGLE + 1)}


def _norm_space(text: str) -> str:
    """Text with every run of whitespace one space: a credit's phrase found across a line break."""
    return " ".join(text.split())


def _kind_of(rel: tuple, score: float) -> str:
    """The verdict's kind for a copy found by shared text."""
    name = rel[0]
    if name == "spun":
        return "spun copy"
    if name == "copy" and score >= 0.8:
        return "verbatim copy"
    return "partial copy"


def _text_verdict(docs, c: int, orig: int | None, matched: tuple, absent: tuple[str, int] | None = None) -> Reprint:
    """A copy found by shared text: derived from `orig`, or from an absent outlet its family credits."""
    score, other, why, rel = matched
    d, o = docs[c], docs[other]
    ev = [{**e, "with": o["id"], "outlet": o["outlet"]} if e["type"] != "aligned sentences" else {**e, "with": o["id"]}
          for e in rel[2]]
    ev.append({"type": "direction", "reasons": why})    # none: which came first is not shown, and is said so
    if d["boiler"]:
        ev.append(_boiler_evidence(d["boiler"]))
    own = credit_verdict(d)
    if own:
        ev += _credit_evidence(own[2])
    changes = describe_changes(d, o, rel)
    if absent is not None:
        outlet, via = absent
        if via != c:
            ev.append({"type": "via", "id": docs[via]["id"], "outlet": docs[via]["outlet"],
                       "note": f"{docs[via]['outlet']} credits {outlet}"})
        elif not own:           # its credit is no source line of its own, but names the family's source: show it
            ev += _credit_evidence([x for x in d["credits"] if same_outlet(x.outlet, outlet) and x.kind != "photo"])
        return Reprint(id=d["id"], original_id=None, original_outlet=outlet, score=round(score, 4), changes=changes,
                       outlet=d["outlet"], evidence=ev, kind=_kind_of(rel, score))
    root = docs[orig]
    return Reprint(id=d["id"], original_id=root["id"], original_outlet=root["canon"], score=round(score, 4),
                   changes=changes, outlet=d["outlet"], evidence=ev, kind=_kind_of(rel, score))


def _credit_only(docs, c: int, verdict: tuple, shared_with: dict, matched: tuple | None = None) -> Reprint:
    """An article derived by its own credit; linked to the credited outlet's article when they share enough text."""
    d = docs[c]
    outlet, reason, used = verdict
    linked = [(n, j) for n, j in shared_with.get(c, []) if same_outlet(docs[j]["canon"], outlet) and n >= PARTIAL_SHARED]
    ev = _credit_evidence(used)
    original_id, changes = None, {}
    if linked:
        n, j = max(linked)
        original_id = docs[j]["id"]
        ev.append({"type": "shared text", "with": docs[j]["id"], "outlet": docs[j]["outlet"], "shingles": n})
        changes = describe_changes(d, docs[j])
    elif matched is not None:                       # a copy of the same story elsewhere in the input
        other = docs[matched[1]]
        ev += [{**e, "with": other["id"], "outlet": other["outlet"]} for e in matched[3][2]]
        changes = describe_changes(d, other, matched[3])
    if d["boiler"]:
        ev.append(_boiler_evidence(d["boiler"]))
    rewrite = reason in ("lead", "repeated", "told") or (not linked and _own_writing(d, outlet))
    kind = "credited rewrite" if rewrite else "wire copy"
    return Reprint(id=d["id"], original_id=original_id, original_outlet=outlet, score=CREDIT_SCORE[reason],
                   changes=changes, outlet=d["outlet"], evidence=ev, kind=kind)


# -- families ---------------------------------------------------------------------------------------------

def family_key(article_id: str, verdicts) -> str:
    """The family an article counts under: its original's id when in the store, else "outlet:<original outlet>";
    an original's key is its own id (so is a copy's whose original is unknown)."""
    v = _lookup(verdicts, article_id)
    if v is None:
        return str(article_id)
    if v.original_id:
        return str(v.original_id)
    return f"outlet:{v.original_outlet}" if v.original_outlet and v.original_outlet != UNKNOWN else str(article_id)


def family_outlet(article_id: str, outlet: str, verdicts) -> str | None:
    """The outlet an article's family counts as: its original's outlet (None when unknown), else its own."""
    v = _lookup(verdicts, article_id)
    if v is None:
        return canonical_outlet(outlet)
    return None if v.original_outlet in (None, "", UNKNOWN) else canonical_outlet(v.original_outlet)


def family_outlets(members, name=canonical_outlet) -> set[str]:
    """The outlets an event's articles count as, each family once: rows with .outlet, .original_outlet and
    .derived (None for an original), as the store reads them; `name` gives an outlet its one name."""
    out = set()
    for m in members:
        if m.derived is None:
            out.add(name(m.outlet))
        elif m.original_outlet and m.original_outlet != UNKNOWN:
            out.add(name(m.original_outlet))
    return out


def _lookup(verdicts, article_id):
    if isinstance(verdicts, dict):
        return verdicts.get(article_id)
    for v in verdicts or ():
        if v.id == article_id:
            return v
    return None


def describe(changes: dict) -> str:
    """What a copy changed, in words: "retitled; 2 paragraphs cut; 1 added; 3 sentences reworded"."""
    c = changes or {}
    said = []
    if c.get("headline_changed"):
        said.append("retitled")
    for key, word in (("paragraphs_cut", "paragraph{} cut"), ("paragraphs_added", "paragraph{} added"),
                      ("sentences_reworded", "sentence{} reworded"), ("words_substituted", "word{} swapped")):
        n = c.get(key) or 0
        if n:
            said.append(f"{n} " + word.format("" if n == 1 else "s"))
    if c.get("paragraphs_reordered"):
        said.append("paragraphs reordered")
    if c.get("boilerplate_added"):
        said.append("added " + ", ".join(f"“{b}”" for b in c["boilerplate_added"][:3]))
    if c.get("lag_hours") is not None and c["lag_hours"] > 0:
        said.append(f"{c['lag_hours']:.1f} h later")
    return "; ".join(said) if said else ("no change found" if c else "")


# Reasons of direction() that tell which text came first; the others (a known outlet, the longer or containing
# text, a date-only day) only make one side likelier, and alone they name a "likeliest" original.
SURE_DIRECTION = ("credits ", "aggregator boilerplate", "published ", "the other is a wire", "the other carries its own")


def direction_sure(reasons) -> bool:
    """Whether a copy's direction rests on evidence of which came first: a credit, boilerplate, a later time, a
    wire or a dateline."""
    return any(str(r).startswith(SURE_DIRECTION) for r in reasons or ())


def family_sure(copies) -> bool:
    """Whether a family's original is shown by evidence and not only likeliest: some copy credits it (or it is
    named by credit alone), or some copy's direction rests on evidence of which came first."""
    for v in copies:
        get_ = v.get if isinstance(v, dict) else (lambda k, v=v: getattr(v, k, None))
        if not get_("original_id"):
            return True
        for e in get_("evidence") or ():
            if isinstance(e, dict) and (e.get("type") in ("credit", "via") or (
                    e.get("type") == "direction" and direction_sure(e.get("reasons")))):
                return True
    return False


def describe_evidence(evidence) -> str:
    """What a verdict rests on, in words: "credit: “KYIV (Reuters) -” (dateline); same headline; shares 91%
    of the shorter text with Reuters; 7 sentences aligned in order; boilerplate: “Source link”"."""
    said = []
    for e in evidence or ():
        t = e.get("type") if isinstance(e, dict) else None
        if t == "credit":
            said.append(f"credit: “{e.get('phrase', '')}” ({e.get('kind', '')})")
        elif t == "headline":
            said.append("same headline" if e.get("identical", True) else "one headline opens with the other's whole")
        elif t == "shared text" and e.get("share") is not None:
            said.append(f"shares {float(e['share']):.0%} of the shorter text with {e.get('outlet') or 'the other'}")
        elif t == "shared text":
            said.append(f"shares {e.get('shingles', 0)} word sequences with {e.get('outlet') or 'the other'}")
        elif t == "aligned sentences":
            said.append(f"{e.get('count', 0)} sentences aligned in order")
        elif t == "boilerplate" and e.get("lines"):
            more = f" and {e['more']} more" if e.get("more") else ""
            said.append("boilerplate: " + ", ".join(f"“{b}”" for b in e["lines"][:3]) + more)
        elif t == "via":
            said.append(e.get("note", ""))
        elif t == "direction":
            reasons = [str(r) for r in e.get("reasons") or () if r]
            said.append(("this is the copy: " + ", ".join(reasons)) if direction_sure(reasons) else
                         "which came first is not shown by credit, boilerplate or time"
                         + (f" (likelier: {', '.join(reasons)})" if reasons else ""))
    return "; ".join(x for x in said if x)


def families(verdicts) -> list[dict]:
    """Derived articles grouped under their family's original, largest family first: {key, original_id,
    original_outlet, copies} where copies are the verdicts (objects or dicts) of the family."""
    groups: dict[str, dict] = {}
    for v in verdicts:
        get_ = (lambda k, v=v: v.get(k)) if isinstance(v, dict) else (lambda k, v=v: getattr(v, k, None))
        oid = get_("original_id") or None
        outlet = get_("original_outlet") or UNKNOWN
        key = oid or (f"outlet:{outlet}" if outlet != UNKNOWN else f"unknown:{get_('id')}")
        g = groups.setdefault(key, {"key": key, "original_id": oid, "original_outlet": outlet, "copies": []})
        g["copies"].append(v)
    return sorted(groups.values(), key=lambda g: (-len(g["copies"]), g["key"]))


def reprint_ids(reprints: list[Reprint]) -> set[str]:
    """Ids of the derived articles, for excluding them from coverage counts."""
    return {r.id for r in reprints}


# -- what changed ----------------------------------------------------------------------------------------

def _para_shingles(text: str) -> list[tuple[str, set]]:
    """Paragraphs of text with their shingle sets (as tuples; only used for flagged pairs)."""
    out = []
    for s, e in split_paragraphs(text):
        toks = tokens(text[s:e])
        out.append((text[s:e], {tuple(toks[k:k + SHINGLE]) for k in range(max(len(toks) - SHINGLE + 1, 1))}))
    return out


def describe_changes(copy: dict, orig: dict, relation: tuple | None = None) -> dict:
    """What the copy changed against the text it matched: headline, paragraphs cut/added/reordered,
    sentences reworded (when sentences were aligned), boilerplate, words, credit."""
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
    spun = relation is not None and relation[0] == "spun"
    lag = None
    if copy["time"] and orig["time"]:
        lag = round((copy["time"] - orig["time"]).total_seconds() / 3600, 2)
    return {
        "compared_with": orig["id"],
        "headline_changed": _norm_title(copy["title"], orig["outlet"]) != _norm_title(orig["title"], orig["outlet"]),
        "new_headline": copy["title"],
        "original_headline": orig["title"],
        # A spun copy rewords every paragraph: shared shingles cannot tell which it kept, cut or added.
        "paragraphs_cut": None if spun else cut,
        "paragraphs_added": None if spun else added,
        "paragraphs_reordered": None if spun else kept_positions != sorted(kept_positions),
        "sentences_reworded": _reworded(relation),
        "boilerplate_added": [b for b in copy["boiler"] if b.lower() not in old_boiler][:Settings.reprint_evidence_lines],
        "words_substituted": subs,
        "credit": orig["canon"] if _credits_outlet(copy, orig["canon"]) else None,
        "lag_hours": lag,
    }


def _reworded(relation: tuple | None) -> int:
    """Aligned sentence pairs that are reworded rather than copied (0 when the texts were not aligned)."""
    for e in (relation[2] if relation else ()):
        if e["type"] == "aligned sentences":
            return sum(1 for p in e["pairs"] if p["similarity"] < SAME)
    return 0


def run_reprints_file(input_path, output_path, progress: bool = True) -> list[Reprint]:
    """`framelens reprints`: read ARTICLES.jsonl, write one JSON line per derived article."""
    from .progress import note, reporting
    articles = [{**a, **imported_date(a)} for a in read_jsonl(input_path)]   # dated as an import would date them
    with reporting(progress) as report:
        report("reprints", 0, len(articles))
        reprints = find_reprints(articles)
        report("reprints", len(articles), len(articles))
        with open(output_path, "w", encoding="utf-8") as fh:
            for r in reprints:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        note(report, f"reprints: {len(reprints)} of {len(articles)} articles are derived from another outlet's "
                     f"-> {output_path}")
    return reprints
