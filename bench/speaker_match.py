"""The name matcher the real-news tier of bench/quotes_eval.py scores with.

It decides whether a speaker framelens names is a gold speaker of the article, following the
annotation conventions of ../shared/data/realworld/SOURCES.md, and is kept apart from core/ on
purpose: tuning the extraction must never change how it is judged.

- People match when their names agree up to transliteration (Sergei / Sergey / Sergej, Zelensky /
  Zelenskyy / Zelenskiy, Dmitry / Dmitri, Yevgeny / Evgeny, Leontyev / Leontiev) and one name's words are all in the
  other ("Putin" = "Vladimir Putin"; "Xi" = "Xi Jinping", surname first).
- "Government of X" (states and capitals as actors) matches "Government of X", "X government",
  "the Xn government" and X or its capital alone ("Moscow", "Russia").
- Institutions match when their words agree after spelling and word-order variants ("Foreign
  Ministry" = "Ministry of Foreign Affairs", defence = defense) and their countries do not differ
  ("Ministry of Foreign Affairs of China" = "Chinese Foreign Ministry" = "Ministry of Foreign
  Affairs (China)"; not "Russian Foreign Ministry"; "the Islamic State group" = "Islamic State").
  A name in brackets in the gold is an alias ("(Rosaviatsia)"). An acronym is not expanded here,
  and a title or role left in a name ("President Putin") does not match: framelens must do that.
- "anonymous: <description>" matches an anonymous speaker whose description shares a content word
  with it ("Russian officials" ~ "officials"; "sources" ~ "unnamed sources").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Country names, their adjectives and capitals (as written in English news), by canonical country.
COUNTRIES = {
    "china": "china chinese beijing prc",
    "russia": "russia russian russians moscow",
    "ukraine": "ukraine ukrainian ukrainians kyiv kiev",
    "united states": "us u.s. usa u.s.a. america american americans washington",
    "united kingdom": "uk u.k. britain british london",
    "france": "france french paris",
    "germany": "germany german berlin",
    "spain": "spain spanish madrid",
    "india": "india indian delhi",
    "iran": "iran iranian tehran",
    "belarus": "belarus belarusian minsk",
    "kazakhstan": "kazakhstan kazakh astana",
    "turkey": "turkey turkish türkiye ankara",
    "united arab emirates": "uae emirati emirates",
    "israel": "israel israeli jerusalem",
    "japan": "japan japanese tokyo",
    "north korea": "pyongyang",
    "south korea": "seoul",
    "taiwan": "taiwan taiwanese taipei",
    "poland": "poland polish warsaw",
    "tajikistan": "tajikistan tajik dushanbe",
    "european union": "eu brussels",
}
_MULTI = {"united states": "united states", "united kingdom": "united kingdom",
          "united arab emirates": "united arab emirates", "north korea": "north korea",
          "south korea": "south korea", "new delhi": "india", "european union": "european union",
          "russian federation": "russia", "people's republic of china": "china"}
COUNTRY_OF = {w: c for c, forms in COUNTRIES.items() for w in forms.split()}
# Words of an institution's name that say nothing on their own, and spelling variants.
_STOP = {"of", "the", "for", "and", "on", "in", "'s", "s", "a", "an", "its"}
_SYNONYMS = {"defence": "defense", "organisation": "organization", "centre": "center",
             "programme": "program", "labour": "labor", "ministry's": "ministry"}
# "Foreign Ministry" is the Ministry of Foreign Affairs; "Defense Ministry" the Ministry of Defense.
_AFFAIRS = {"foreign", "internal", "interior", "home"}
_SUFFIXES = {"jr", "sr", "i", "ii", "iv"}   # folded: II folds to "i", III to "ii"
_ANON_STOP = {"a", "an", "the", "some", "of", "in", "at", "to", "by", "and", "other", "unnamed",
              "anonymous", "unspecified", "cited", "quoted", "several", "many", "one", "two"}


def fold(word: str) -> str:
    """A spelling key for one word of a name: accents and case dropped, common transliteration
    variants of Slavic names made one (-y/-iy/-yy/-ij/-ii/-j endings, ks/x, initial Ye/E)."""
    w = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    w = re.sub(r"[^a-z]", "", w)
    w = w.replace("ks", "x")
    w = re.sub(r"^ye", "e", w)
    w = re.sub(r"(?<=[^aeiouy])y(?=[aeiou])", "i", w)     # Leontyev / Leontiev
    return re.sub(r"(?:iy|yy|ij|ii|y|j)$", "i", w)


def _words(name: str) -> list[str]:
    """Lower-case words of a name, possessives split off, brackets and punctuation dropped."""
    name = name.replace("\u2019", "'")
    name = re.sub(r"'s\b", " 's", name)
    return re.findall(r"[\w.'-]+", name.lower())


def country_of(words: list[str]) -> tuple[str | None, list[str]]:
    """The country a name's words mention (first one), and the words without it."""
    text = " ".join(words)
    for multi, country in _MULTI.items():
        if re.search(rf"\b{re.escape(multi)}\b", text):
            rest = re.sub(rf"\b{re.escape(multi)}\b", " ", text).split()
            return country, rest
    for i, w in enumerate(words):
        c = COUNTRY_OF.get(w.strip("."))
        if c:
            return c, words[:i] + words[i + 1:]
    return None, words


@dataclass(frozen=True)
class Name:
    """A speaker name parsed for matching."""

    kind: str                     # person / government / institution / anonymous
    words: frozenset              # folded words (person), institution words, or description words
    country: str | None = None
    aliases: frozenset = frozenset()
    suffix: str = ""              # person: Jr, Sr, II...


def parse(name: str, kind: str) -> Name:
    """A gold or predicted speaker as a Name; kind is the speaker's type (person / organisation /
    anonymous / unknown)."""
    aliases = frozenset(fold(a) for a in re.findall(r"\(([^)]*)\)", name) if " " not in a.strip()
                        and not re.search(r"surname|withheld", a))
    base = re.sub(r"\([^)]*\)", " ", name).strip()
    if base.lower().startswith("anonymous:") or kind == "anonymous":
        desc = base.split(":", 1)[1] if base.lower().startswith("anonymous:") else base
        words = {w.rstrip("s") if len(w) > 3 else w for w in _words(desc)} - _ANON_STOP
        return Name("anonymous", frozenset(words))
    words = _words(base)
    gov = re.fullmatch(r"government of (.+)", " ".join(words))
    if gov:
        country, _ = country_of(gov.group(1).split())
        return Name("government", frozenset(), country or gov.group(1))
    country, rest = country_of(words)
    rest = [w for w in rest if w not in _STOP]
    if country and (not rest or rest in (["government"], ["authorities"])):
        return Name("government", frozenset(), country)
    if kind == "organisation" or any(w in INSTITUTION_WORDS for w in rest):
        return Name("institution", frozenset(_institution_words(rest)), country, aliases)
    folded = [fold(w) for w in words if w not in ("'s",) and fold(w)]
    suffix = folded[-1] if len(folded) > 1 and folded[-1] in _SUFFIXES else ""
    if suffix:                     # Donald Trump Jr is not Donald Trump
        folded = folded[:-1]
    return Name("person", frozenset(folded), None, aliases, suffix=suffix)


INSTITUTION_WORDS = set("""ministry department government service agency committee court command
office council embassy guard directorate forces force army navy police administration kremlin
bureau commission authority authorities parliament senate congress union nations organization
organisation state group party press""".split())


def _institution_words(words) -> set[str]:
    """An institution's words, spelling variants made one and folded; "foreign ministry" ->
    ministry of foreign affairs, so either word order gives the same set."""
    out = {_SYNONYMS.get(w, w).strip(".") for w in words}
    if "ministry" in out and out & _AFFAIRS:
        out.add("affairs")
    if len(out) > 1:
        out.discard("group")       # "the Islamic State group" is the Islamic State
    return {fold(w) for w in out} - {""}


def matches(pred: Name, gold: Name) -> bool:
    """Does the predicted speaker name the gold speaker?"""
    if pred.kind == "anonymous" or gold.kind == "anonymous":
        return pred.kind == gold.kind and bool(pred.words & gold.words)
    if gold.kind == "government" or pred.kind == "government":
        return pred.kind == gold.kind and pred.country == gold.country
    if gold.kind == "institution" or pred.kind == "institution":
        p_words = pred.words if pred.kind == "institution" else _institution_words(pred.words)
        g_words = gold.words if gold.kind == "institution" else _institution_words(gold.words)
        if pred.country and gold.country and pred.country != gold.country:
            return False
        if (p_words & gold.aliases) or (g_words & pred.aliases) or (pred.aliases & gold.aliases):
            return True
        return bool(p_words) and p_words == g_words
    # people: every word of the shorter name is in the longer one, or the alias is used
    if not pred.words or not gold.words:
        return False
    if pred.words & gold.aliases and len(pred.words) == 1:
        return True
    small, big = sorted((pred.words, gold.words), key=len)
    return small <= big and pred.suffix == gold.suffix


def match_article(predicted: list[tuple[str, str]], gold: list[dict]) -> tuple[list[bool], list[bool]]:
    """For one article: which predicted (name, type) pairs name a gold speaker, and which gold
    speakers ({name, type}) some prediction names."""
    g = [parse(s["name"], s["type"]) for s in gold]
    p = [parse(n, t) for n, t in predicted]
    pred_ok = [any(matches(x, y) for y in g) for x in p]
    gold_ok = [any(matches(x, y) for x in p) for y in g]
    return pred_ok, gold_ok
