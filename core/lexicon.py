"""Cheap text plumbing for framing: article getter, sentences with offsets, tokens, lemma keys, lexicons.

Everything here is regex and dictionaries on purpose: the framing figures for 100 events must run in
seconds, so spaCy is not used. Lemma keys are a crude stemmer applied identically to text and lexicon
entries, so "invasions" matches "invasion" and "liberated" matches "liberating"; they are keys, not words.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Words followed by a period that do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
    "rev", "ft", "mt", "d.c", "calif", "fla", "ariz", "mass", "pa", "va", "ky", "tenn", "wash",
    # ranks before a name ("Brig. Nabil Abdullah issued a warning"): no sentence ends there (round 32)
    "brig", "maj", "adm", "cmdr", "cpl", "pvt", "supt", "insp",
}

STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same
shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves said says say told tell will just one two also would could like mr mrs ms new year years
s t get got make made even still may might much many well since around back
gov sen rep dr jr st
""".split())

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
# A candidate sentence end: terminal punctuation (maybe closing quote/bracket) then space, or a newline.
# An opening curly quote may stand apart from its first word in tokenised corpora ("fire. “ I ’ m certain").
_BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9]|[“‘]\s[A-Z0-9])|\n+")


# Hard-wrapped copy (wire stories cut at ~60 characters): a single line break with no sentence-final mark before it,
# and the next line going on with the clause (a lower-case word, or after a comma or a function word), is a space.
# (a preposition that never ends a clause goes on too: "Jihadists ambushed the troops on\nMonday …", round 27; not
# "over" or "after", which end one as adverbs: "Police said it was over")
_FUNCTION_WORDS = ("the|a|an|of|and|or|but|by|to|in|at|for|from|with|into|under|against|between|"
                   "that|as|its|his|her|their|our|although|though|while|because|when|where|who|which|whose|than|"
                   "on|about|during|near|across|through|upon|onto|toward|towards|via|amid|amidst|within|among|despite|"
                   "including")
_WRAP_TAIL_RE = re.compile(rf"(?:[a-z0-9%)]|,|\b(?:{_FUNCTION_WORDS}))[ \t]*$", re.I)
_FUNCTION_TAIL_RE = re.compile(rf"(?:,|\b(?:{_FUNCTION_WORDS}))[ \t]*$", re.I)
WRAPPED_LINE_MIN = 40       # a wrapped line inside a running sentence is at least this long (wire copy: ~60)
_WRAP_HEAD_RE = re.compile(r"[ \t]*(?:[\"“‘(]?[a-z]|[\"“‘(]?[A-Z0-9])")
_BULLET_RE = re.compile(r"[ \t]*(?:[-*•–—]\s|\d{1,2}[.)]\s)")


def _wrapped(text: str, m: re.Match, start: int) -> bool:
    """Whether the line break m falls inside a sentence of hard-wrapped copy: one newline, the line before ends
    without a sentence-final mark, and the next line continues the clause (starts lower-case, follows a comma or a
    function word, or the sentence already runs over a wrapped line: "…, interior ministry official\nAnton
    Gerashchenko said"); a headline, caption or list item before a capitalised line stays a sentence of its own."""
    if m.group() != "\n" or _BULLET_RE.match(text, m.end()):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line = text[line_start:m.start()]
    head = _WRAP_HEAD_RE.match(text, m.end())
    if not line.strip() or not head or not _WRAP_TAIL_RE.search(line):
        return False
    return head.group().lstrip(" \t\"“‘(")[:1].islower() or bool(_FUNCTION_TAIL_RE.search(line)) \
        or (start < line_start and len(line.strip()) >= WRAPPED_LINE_MIN)


def split_sentences(text: str, join_wrapped: bool = False) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into text, by punctuation and line breaks, skipping abbreviations;
    join_wrapped: a line break inside a sentence of hard-wrapped copy is no break."""
    spans, start = [], 0
    for m in _BOUNDARY_RE.finditer(text):
        if join_wrapped and _wrapped(text, m, start):
            continue
        if m.group().startswith(".") and not m.group().startswith(".."):
            prev = text[max(start, m.start() - 6):m.start()].rsplit(None, 1)
            word = prev[-1].lower().lstrip("(\"'“") if prev else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        _add_span(text, start, m.end(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list) -> None:
    """Append a trimmed span if it holds any word."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks, or single lines when the text has no blank lines."""
    sep = re.compile(r"\n\s*\n") if re.search(r"\n\s*\n", text) else re.compile(r"\n")
    spans, start = [], 0
    for m in sep.finditer(text):
        _add_span(text, start, m.start(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def words(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets: (surface, start, end)."""
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


_LEMMA_CACHE: dict[str, str] = {}


def lemma(word: str) -> str:
    """A lemma key: lowercase, possessive and plural/verb endings stripped by a few suffix rules."""
    key = _LEMMA_CACHE.get(word)
    if key is not None:
        return key
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and not w[0].isdigit():
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "shes", "ches", "xes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        if len(w) > 5 and w.endswith("ing"):
            w = w[:-3]
        elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
            w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":
            w = w[:-1]                     # "stopped" -> "stopp" -> "stop"
        if len(w) > 3 and w.endswith("e"):
            w = w[:-1]                     # "liberate" and "liberated" share "liberat"
    _LEMMA_CACHE[word] = w
    return w


def content_lemmas(text: str) -> list[str]:
    """Lemma keys of the non-stopword, non-numeric words in text."""
    return [lemma(w) for w, _, _ in words(text)
            if w.lower().replace("’", "'") not in STOPWORDS and not w.isdigit()]


# --- lexicons -----------------------------------------------------------------------------------

class LexiconError(ValueError):
    """A lexicon file that cannot be used, naming the file and the field at fault."""


@dataclass(frozen=True)
class TermRule:
    """When a term counts in its contested sense: words its sentence must or must not hold, and its neighbours.

    Words are compared as lemma keys (multiword entries as a run of keys), so "territories" meets
    "territory". An empty rule always holds.
    """

    context: tuple[str, ...] = ()     # the sentence holds at least one of these
    unless: tuple[str, ...] = ()      # the sentence holds none of these
    next: tuple[str, ...] = ()        # the word right after the term is one of these
    not_next: tuple[str, ...] = ()    # the word right after the term is none of these
    not_after: tuple[str, ...] = ()   # the word or two words right after the term (only, not past a modifier) are none of these
    not_prev: tuple[str, ...] = ()    # the word right before the term is none of these
    forms: tuple[str, ...] = ()       # the term as written (lowercase) is one of these ("spying", not "spies")
    unless_article: tuple[str, ...] = ()   # the article (title and text) holds none of these ("jobless claims")


RULE_FIELDS = tuple(f for f in TermRule.__dataclass_fields__)


@dataclass(frozen=True)
class TermFamily:
    """A set of competing words for one thing, where choosing one is a stance.

    `terms` are the marked members, counted when used in the family's sense; `neutral` are the plain
    words every side uses for the same thing, listed as the alternatives but never counted (they are
    ordinary words in most contexts). `about` names the family's subject: a term only counts in an
    article that mentions one of these; `also_about`, when given, names the family's event as well as
    its place (a term counts only where the article mentions one of each). `exclude` lists phrases
    holding a term that are not its sense (names, other meanings), and `rules` the per-term TermRule.
    """

    name: str
    terms: tuple[str, ...]
    note: str = ""
    neutral: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    also_about: tuple[str, ...] = ()
    rules: dict = field(default_factory=dict, compare=False)
    strict_voice: bool = False        # a match outside quotation marks in a sentence that reports someone: unclear

    def rule(self, term: str) -> TermRule:
        """The term's rule (an empty rule when it has none)."""
        return self.rules.get(term, _NO_RULE)


_NO_RULE = TermRule()


def _read_toml(path: Path) -> dict:
    """Parse a TOML file, turning syntax errors into LexiconError naming the file."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from exc


def load_contested_terms(path: str | Path | None = None) -> list[TermFamily]:
    """Term families from the packaged (or given) TOML; errors name the file and the field."""
    return list(_load_families(str(Path(path) if path else DATA_DIR / "contested_terms.toml")))


def _strings(value, where: str, allow_empty: bool = True) -> tuple[str, ...]:
    """A list of non-empty strings as a tuple, or LexiconError naming where."""
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value) \
            or (not allow_empty and not value):
        raise LexiconError(f"{where} must be a list of non-empty strings")
    return tuple(t.strip() for t in value)


def _term(entry, where: str) -> tuple[str, TermRule | None]:
    """One `terms` entry: a string, or a table {term = "…", context = […], …} with its rule."""
    if isinstance(entry, str) and entry.strip():
        return entry.strip(), None
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
        raise LexiconError(f"{where} must be a non-empty string or a table with a non-empty 'term'")
    unknown = set(entry) - {"term", *RULE_FIELDS}
    if unknown:
        raise LexiconError(f"{where} has unknown field(s) {sorted(unknown)}; allowed: term, {', '.join(RULE_FIELDS)}")
    rule = TermRule(**{k: _strings(entry[k], f"{where}.{k}") for k in RULE_FIELDS if k in entry})
    return entry["term"].strip(), rule


def _outlet_names() -> tuple[str, ...]:
    """Names of news outlets in two or more words ("The Kyiv Independent", "Kyiv Post"): masked in every family,
    since an outlet's name is no choice of words."""
    names = set()
    for file, table in (("news_outlets.toml", "outlet"), ("outlets.toml", "outlet")):
        path = DATA_DIR / file
        if path.exists():
            for o in _read_toml(path).get(table, []):
                names.update(n for n in [o.get("name"), *o.get("aliases", [])] if isinstance(n, str) and len(n.split()) >= 2)
    return tuple(sorted(names))


def _holds_term(name: str, terms: list[str]) -> bool:
    """Whether a name holds one of the terms as whole words (so only the outlets that could match are masked)."""
    def spaced(x: str) -> str:
        return " " + " ".join(_WORD_RE.findall(x.lower())) + " "
    return any(spaced(t) in spaced(name) for t in terms)


@functools.lru_cache(maxsize=8)
def _load_families(path: str) -> tuple[TermFamily, ...]:
    """Parse and check a contested-terms file once per path (files are small; edits need a restart)."""
    path = Path(path)
    data = _read_toml(path)
    fams = data.get("family")
    if not isinstance(fams, list) or not fams:
        raise LexiconError(f"{path}: field 'family' must be a non-empty array of tables ([[family]])")
    masks = _strings(data.get("mask", []), f"{path}: field 'mask'")
    outlets = _outlet_names()
    out, seen = [], set()
    for i, fam in enumerate(fams):
        where = f"{path}: family[{i}]"
        if not isinstance(fam, dict):
            raise LexiconError(f"{where} must be a table")
        name = fam.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(f"{where}.name must be a non-empty string")
        where = f"{path}: family[{i}] ({name!r})"
        entries = fam.get("terms")
        if not isinstance(entries, list) or not entries:
            raise LexiconError(f"{where}.terms must be a list of at least one term (a string or a {{term = …}} table)")
        terms, rules = [], {}
        for k, entry in enumerate(entries):
            term, rule = _term(entry, f"{where}.terms[{k}]")
            terms.append(term)
            if rule is not None:
                rules[term] = rule
        neutral = _strings(fam.get("neutral", []), f"{where}.neutral")
        if len(terms) + len(neutral) < 2:
            raise LexiconError(f"{where}.terms and .neutral together must name at least two competing words")
        note = fam.get("note", "")
        if not isinstance(note, str):
            raise LexiconError(f"{where}.note must be a string")
        strict = fam.get("strict_voice", False)
        if not isinstance(strict, bool):
            raise LexiconError(f"{where}.strict_voice must be true or false")
        unknown = set(fam) - {"name", "terms", "neutral", "note", "about", "also_about", "exclude", "strict_voice"}
        if unknown:
            raise LexiconError(f"{where} has unknown field(s) {sorted(unknown)}")
        if name in seen:
            raise LexiconError(f"{where}.name is a duplicate")
        seen.add(name)
        out.append(TermFamily(name=name, terms=tuple(terms), note=note, neutral=neutral, strict_voice=strict,
                              about=_strings(fam.get("about", []), f"{where}.about"),
                              also_about=_strings(fam.get("also_about", []), f"{where}.also_about"),
                              exclude=_strings(fam.get("exclude", []), f"{where}.exclude") + masks
                              + tuple(n for n in outlets if _holds_term(n, terms)),
                              rules=rules))
    return tuple(out)


@dataclass(frozen=True)
class ToneLexicon:
    """Positive and negative lemma keys, plus negators that flip the next few words."""

    positive: frozenset
    negative: frozenset
    negators: frozenset


def load_tone(path: str | Path | None = None) -> ToneLexicon:
    """The small hand-written tone lexicon (positive/negative/negators word lists)."""
    return _load_tone(str(Path(path) if path else DATA_DIR / "tone.toml"))


@functools.lru_cache(maxsize=8)
def _load_tone(path: str) -> ToneLexicon:
    """Parse a tone lexicon once per path."""
    path = Path(path)
    data = _read_toml(path)
    lists = {}
    for field in ("positive", "negative", "negators"):
        val = data.get(field, {}).get("words") if isinstance(data.get(field), dict) else None
        if not isinstance(val, list) or not all(isinstance(w, str) for w in val):
            raise LexiconError(f"{path}: field '{field}.words' must be a list of strings")
        lists[field] = val
    return ToneLexicon(
        positive=frozenset(lemma(w) for w in lists["positive"]),
        negative=frozenset(lemma(w) for w in lists["negative"]),
        negators=frozenset(w.lower() for w in lists["negators"]),
    )


class PhraseMatcher:
    """Find multi-word lexicon phrases in a lemma-key token stream."""

    def __init__(self, phrases: dict[str, object]):
        """phrases maps surface phrase -> payload (e.g. the family it belongs to)."""
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, object]]] = {}
        for phrase, payload in phrases.items():
            keys = tuple(lemma(w) for w, _, _ in words(phrase))
            if keys:
                self.by_first.setdefault(keys[0], []).append((keys, phrase, payload))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))    # longest phrase wins ("climate crisis" over "crisis")

    def find(self, toks: list[tuple[str, int, int]]) -> list[tuple[str, object, int, int]]:
        """Matches as (phrase, payload, start, end) over tokens (surface, start, end)."""
        return [(phrase, payload, toks[i][1], toks[j - 1][2])
                for phrase, payload, i, j in self.find_tokens([lemma(t[0]) for t in toks])]

    def find_tokens(self, keys: list[str]) -> list[tuple[str, object, int, int]]:
        """Matches as (phrase, payload, i, j) over lemma keys: tokens i..j-1, longest first, no overlaps."""
        out, i = [], 0
        while i < len(keys):
            for cand, phrase, payload in self.by_first.get(keys[i], ()):
                n = len(cand)
                if tuple(keys[i:i + n]) == cand:
                    out.append((phrase, payload, i, i + n))
                    i += n - 1
                    break
            i += 1
        return out
