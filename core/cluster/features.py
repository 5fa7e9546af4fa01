"""Features of an article for event clustering: sparse TF-IDF sub-vectors of its title, lead, body and
named entities (capitalised phrases), with document frequencies kept as articles arrive."""
from __future__ import annotations

import math
import re
from collections import Counter, _count_elements
from dataclasses import dataclass
from typing import KeysView

FIELDS = ("title", "lead", "body", "ent")
Vector = dict[str, dict[str, float]]   # field -> term -> weight, each field L2-normalised


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


# Typographic quotes, dashes and no-break spaces are what keeps most news text off the ASCII fast path; none
# is part of a token (the curly apostrophe joins as the straight one does, and _norm makes it one)
_TYPOGRAPHIC = (("’", "'"), ("‘", " "), ("“", " "), ("”", " "), ("\xa0", " "), ("—", " "), ("–", " "))
# every ASCII character but a token's own (letters, digits, apostrophe) becomes a space: split() then cuts
# lowercased ASCII text where _TOKEN_ASCII would, at a third of the regex's cost
_SPACES = {i: " " for i in range(128) if not (chr(i).islower() or chr(i).isdigit() or chr(i) == "'")}
# the same as a table of bytes: bytes.translate is a plain table lookup per character, str.translate on a dict is not
_SPACES_BYTES = bytes(_SPACES.get(i, chr(i)).encode("ascii")[0] if i < 128 else i for i in range(256))
# a piece between spaces is a _TOKEN_ASCII match with apostrophes around it ("'cause'", "'s")
_split_cache = _Cache(lambda piece: _norm(piece.strip("'")))


def tokens(text: str) -> list[str]:
    """Content-word terms of a text; CJK runs become character bigrams (no spaces to split on)."""
    # the typographic characters go before lowercasing, not after: lower() leaves them and what they become as they
    # are (and neither is a cased letter nor changes another's case), so the result is the same, and text that is
    # ASCII once they are gone is lowercased by the ASCII fast path, not character by character through Unicode's
    # tables (most news text: its quotes and dashes are typographic)
    low = text
    if not low.isascii():
        for a, b in _TYPOGRAPHIC:
            low = low.replace(a, b)
    low = low.lower()
    if low.isascii():
        return _ascii_tokens(low)
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


def _ascii_tokens(low: str) -> list[str]:
    """tokens() of lowercased ASCII text: split at every other character, as _TOKEN_ASCII matches would be."""
    spaced = low.encode("ascii").translate(_SPACES_BYTES).decode("ascii")   # low.translate(_SPACES), faster
    if "'" in spaced and not _apostrophe_per_piece(spaced):   # "rock'n'roll" is two matches: the regex decides
        return list(filter(None, map(_norm_cache.__getitem__, _TOKEN_ASCII.findall(low))))
    return list(filter(None, map(_split_cache.__getitem__, spaced.split())))


def _apostrophe_per_piece(spaced: str) -> bool:
    """True when no two apostrophes fall in one space-free piece (each piece is then one token or none)."""
    p = spaced.find("'")
    while p >= 0:
        q = spaced.find("'", p + 1)
        if q < 0:
            return True
        if " " not in spaced[p:q]:
            return False
        p = q
    return True


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


def entities(text: str) -> list[str]:
    """Capitalised phrases in running text, lowercased, leading function words dropped."""
    return list(filter(None, map(_entity_cache.__getitem__, _ENTITY.findall(text))))


def _is_headline_case(title: str) -> bool:
    """True when most words are capitalised, as in headline style, so capitals say nothing."""
    words = [w for w in title.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


@dataclass
class Doc:
    """Raw term counts of one article per field, before IDF weighting."""

    counts: dict[str, dict[str, int]]
    terms: KeysView[str]     # body terms, for document frequencies (the body counts' keys: a set view, not a copy)
    ents: KeysView[str]


def analyse_doc(title: str, text: str, lead_words: int, max_chars: int = 0) -> Doc:
    """Split an article into term counts for title, lead, body and entities."""
    if max_chars > 0 and len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[:cut if cut > 0 else max_chars]
    tt = tokens(title)
    xt = tokens(text)
    ent_src = text if text else ("" if _is_headline_case(title) else title)
    if text and not _is_headline_case(title):
        ent_src = title + ".\n" + text
    ents = entities(ent_src)
    # plain dicts counted by Counter's own C helper: what Counter(...) gives, without building four Counters per
    # article (their construction cost as much as the counting); the body is the title's counts, then the text's
    title = _counted(tt)
    body = dict(title)
    _count_elements(body, xt)
    counts = {"title": title, "lead": _counted(xt[:lead_words]) if xt else dict(title), "body": body,
              "ent": _counted(ents)}
    return Doc(counts, body.keys(), counts["ent"].keys())


# Headlines of items that tell several happenings at once: live blogs, roundups, newsletters, podcasts, quizzes
_ROUNDUP = re.compile(r"^\W*live\b|\blive:|\bhighlights\b|\bthe day'?s (?:news|headlines)\b|\bnews (?:briefs|in brief|roundup)\b|"
                      r"\bround-?up\b|\bnewsletter\b|\bpodcast:|\bquiz\b|\b(?:morning|evening) (?:briefing|news)\b", re.I)


def is_roundup(title: str) -> bool:
    """Whether a headline marks a live blog, a roundup, a newsletter, a podcast or a quiz."""
    return _ROUNDUP.search(title.replace("’", "'")) is not None


RARE = "@"   # marks an anchor term that is a word of a rare name (anchor_terms)
ACT = "#"    # marks the kind of act a headline reports (core.cluster.details), an anchor term too


def anchor_terms(doc: Doc, df: "DocFrequencies | None" = None, rare: float = 0.0) -> frozenset[str]:
    """The terms of an article's title and lead beyond the names of its subject: the words of no capitalised phrase
    (the kind of act, what was done, numbers), and, marked RARE, the words of a rare one (named by at most `rare` of
    the documents `df` counted: Surfside, not Iran). Two summaries of one subject share its names; those of one
    happening also share what happened. The lead, not the whole text: a summary's second half is often background
    that every report of the subject repeats."""
    own = doc.counts["title"].keys() | doc.counts["lead"].keys()
    ents = doc.ents
    if not ents:
        return frozenset(own)
    # the names' words in one tokens() call over them all: per name, the calls cost a tenth of the clusterer's joining
    if df is None or rare <= 0:
        return frozenset(own.difference(tokens(" ; ".join(ents))))
    cut, counts = rare * df.n, df.ents
    common = [e for e in ents if counts.get(e, 0) > cut]
    plain = own.difference(tokens(" ; ".join(common)))
    if len(common) == len(ents):
        return frozenset(plain)
    rare_words = plain.intersection(tokens(" ; ".join([e for e in ents if counts.get(e, 0) <= cut])))
    return frozenset(plain - rare_words).union([RARE + t for t in rare_words])


def anchor_count(shared: frozenset[str]) -> int:
    """How many shared anchor terms count as evidence: the words of rare names together count as one, since one
    rare name (the person, the place) may be a whole story's subject, as a common name is a day's."""
    names = sum(1 for t in shared if t[0] == RARE)
    return len(shared) - max(0, names - 1)


def _counted(items: list[str]) -> dict[str, int]:
    """{item: how many times it occurs}, in first-occurrence order (as Counter(items))."""
    out: dict[str, int] = {}
    _count_elements(out, items)
    return out


class DocFrequencies:
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

    def add(self, doc: Doc) -> None:
        """Count one more document."""
        self.n += 1
        _count_elements(self.terms, doc.terms)   # Counter.update's own helper, without its per-call checks
        _count_elements(self.ents, doc.ents)
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

    def __init__(self, df: "DocFrequencies", counts: Counter):
        super().__init__()
        self.df = df
        self.counts = counts

    def __missing__(self, term: str) -> float:
        v = self[term] = math.log((self.df.n + 1) / (self.counts.get(term, 0) + 1)) + 1.0
        return v


_TF = [0.0] + [1.0 + math.log(c) for c in range(1, 256)]  # sublinear term frequency, tabulated


def weigh(doc: Doc, df: DocFrequencies, max_terms: int) -> Vector:
    """Sublinear TF-IDF sub-vectors cut to their top terms, each L2-normalised (empty stays empty)."""
    vec = {}
    terms_idf, ents_idf = df.cache["terms"], df.cache["ents"]
    tf = _TF
    for f, cnt in doc.counts.items():
        idf = ents_idf if f == "ent" else terms_idf
        v = {t: idf[t] * (tf[c] if c < 256 else 1.0 + math.log(c)) for t, c in cnt.items()}
        if len(v) > max_terms:
            v = top_terms(v, max_terms)
        norm = math.hypot(*v.values()) if v else 0.0
        if norm > 0:
            inv = 1.0 / norm
            vec[f] = {t: x * inv for t, x in v.items()}
        else:
            vec[f] = {}
    return vec


def top_terms(v: dict[str, float], k: int) -> dict[str, float]:
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
