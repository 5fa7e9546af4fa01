"""Countries and institutions that speak in the news (core/data/institutions.toml): what a speaker
mention such as "Moscow", "the Chinese side", "Russia's FSB security service" or "the Federal
Penal Service in Yamalo-Nenets" names, as one canonical name with its country."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "institutions.toml"

# Words that may stand before an institution's name without being part of it.
_LEADING = {"the", "a", "an", "its", "their", "his", "her", "state-run", "state-owned", "official",
            "top", "federal"}
# A government is named by its country with one of these (or alone): "the Chinese side".
_GOV_WORDS = {"government", "side", "leadership", "administration", "state", "regime", "cabinet"}
# "Federal Penal Service in Yamalo-Nenets": a branch is reported as the body it belongs to.
_BRANCH = re.compile(r"\s+(?:in|of|for|at)\s+(?:the\s+)?[\w' .-]+$")


@dataclass(frozen=True)
class Body:
    """A canonical institution: its name, country ("" when international) and how it was found."""

    name: str
    country: str
    how: str
    show_country: bool = True

    @property
    def label(self) -> str:
        """The name shown: "Ministry of Foreign Affairs (China)", "Islamic State", "Kremlin"."""
        if self.country and self.show_country and self.country.removeprefix("the ") not in self.name:
            return f"{self.name} ({self.country})"
        return self.name


@lru_cache(maxsize=1)
def _data() -> dict:
    """The gazetteer, read once: country words, ministries, institutions by alias."""
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    countries = {w: c for c, words in raw["countries"].items() for w in words}
    ministries, exact, lower, by_country = {}, {}, {}, {}
    for m in raw.get("ministry", []):
        for a in m["aliases"]:
            (exact if _is_acronym(a) else ministries)[a if _is_acronym(a) else a.lower()] = ("ministry", m)
    for inst in raw.get("institution", []):
        for a in inst["aliases"]:
            if _is_acronym(a):
                exact[a] = ("institution", inst)
            else:
                lower[a.lower()] = ("institution", inst)
        for a in inst.get("country_aliases", []):
            by_country[(inst["country"], a.lower())] = inst
    starts: dict[str, list[tuple[str, ...]]] = {}
    for w in sorted((w for w in countries if " " in w), key=len, reverse=True):
        starts.setdefault(w.split()[0], []).append(tuple(w.split()))
    return {"countries": countries, "ministries": ministries, "exact": exact, "lower": lower,
            "by_country": by_country, "starts": starts}


def _is_acronym(alias: str) -> bool:
    """An alias written with capitals in the data ("FSB", "MoD", "U.N.") must match as written."""
    return any(ch.isupper() for ch in alias)


def words_of(mention: str) -> list[str]:
    """A mention's words, possessives split off ("Russia's" -> "Russia", "'s"), punctuation dropped."""
    return list(_words(mention))


def joined(words) -> str:
    """words_of's words written back as a name: a split "'s" rejoins its word, and after a plural it is the
    apostrophe the text wrote ("Doctors' Syndicate", never "Doctors's Syndicate")."""
    text = " ".join(words)
    return _PLURAL_POSSESSIVE_RE.sub("\\1'", text).replace(" 's", "'s")


_PLURAL_POSSESSIVE_RE = re.compile(r"\b([A-Za-z]*[a-z]s) 's\b")


@lru_cache(maxsize=65536)
def _words(mention: str) -> tuple[str, ...]:
    """words_of, once per distinct mention."""
    m = mention.replace("\u2019", "'").replace("\u2018", "'")
    m = re.sub(r"(\w)'s\b", r"\1 's", m)
    m = re.sub(r"(\w)s'(?=\s|$)", r"\1s 's", m)
    return tuple(re.findall(r"[\w][\w.&'-]*[\w.]|[\w]|'s", m))


def country_in(words: list[str]) -> tuple[str | None, list[str]]:
    """The first country a mention's words name, and the words without it (and its "'s")."""
    hit = _country_at(tuple(words))
    if hit is None:
        return None, words
    country, i, n = hit
    return country, _drop_possessive(words[:i] + words[i + n:], i)


@lru_cache(maxsize=65536)
def _country_at(words: tuple[str, ...]) -> tuple[str, int, int] | None:
    """(country, index, length) of the first country named in words, multi-word names first."""
    d = _data()
    low = [w.lower() if w.lower() in ("u.s.", "u.k.", "u.s.a.") else w.lower().rstrip(".") for w in words]
    for i, w in enumerate(low):
        for seq in d["starts"].get(w, ()):
            if tuple(low[i:i + len(seq)]) == seq:
                return d["countries"][" ".join(seq)], i, len(seq)
    for i, w in enumerate(low):
        c = d["countries"].get(w) or d["countries"].get(w + ".")
        if c and not (w == "us" and words[i] == "us"):        # "told us" is no country
            return c, i, 1
    return None


def _drop_possessive(words: list[str], i: int) -> list[str]:
    """Remove the "'s" that followed a removed country at position i."""
    return words[:i] + words[i + 1:] if i < len(words) and words[i] == "'s" else words


def _strip_leading(words: list[str]) -> list[str]:
    """Drop articles and generic adjectives before the name ("the", "state-run")."""
    while words and (words[0].lower() in _LEADING or words[0] == "'s"):
        if words[0].lower() == "federal" and len(words) > 1:
            break                          # "Federal Security Service": part of the name
        words = words[1:]
    return words


@lru_cache(maxsize=65536)
def government(mention: str) -> str | None:
    """"Government of X" when the mention is a state or capital as an actor: "Moscow", "China",
    "the Chinese side", "the Russian government", "Washington"."""
    words = _strip_leading(words_of(mention))
    country, rest = country_in(words)
    if country is None:
        return None
    rest = [w for w in rest if w.lower() not in ("the", "'s")]
    if not rest and _is_adjective(words, country):
        return None                           # "the Russian" alone names no one
    if not rest or (len(rest) == 1 and rest[0].lower() in _GOV_WORDS):
        return f"Government of {country}"
    return None


def _is_adjective(words: list[str], country: str) -> bool:
    """The country is named only by its adjective ("Russian", "Chinese"), not its name or capital."""
    name = country.lower().removeprefix("the ")
    stems = {w[:3] for w in name.split()}
    low = [w.lower().rstrip(".") for w in words if w.lower() not in ("the", "'s")]
    # an adjective shares its country's stem ("Iranian", "Sudanese"); a capital with such an ending does not
    # ("Tehran", "Amman", "Delhi" act as their governments)
    return all(w != name and w.endswith(("an", "ese", "ish", "ic", "i")) and w[:3] in stems for w in low)


@lru_cache(maxsize=65536)
def institution(mention: str) -> Body | None:
    """The canonical institution a mention names, with its country, or None."""
    d = _data()
    words = _strip_leading(words_of(mention))
    country, rest = country_in(words)
    rest = _strip_leading([w for w in rest if w != "'s"])
    body = _lookup(rest, country, d)
    if body is None and rest:
        tail = _BRANCH.search(" ".join(rest))
        if tail:                            # a regional branch is reported as its body
            kept = " ".join(rest)[:tail.start()].split()
            body = _lookup(kept, country, d)
            if body is not None:
                body = Body(body.name, body.country, body.how + "; branch named as its body")
    return body


def _lookup(rest: list[str], country: str | None, d: dict) -> Body | None:
    """The body rest names: an acronym as written, an alias, a country's own alias, a ministry."""
    if not rest:
        return None
    phrase = " ".join(rest)
    low = phrase.lower()
    # "Nato", "Fsb": a short name capitalised only at its start is the acronym; a lowercase word never is (the
    # relative "who said" is no World Health Organization)
    for key in (phrase, phrase.upper() if len(phrase) <= 6 and phrase[:1].isupper() else phrase):
        hit = d["exact"].get(key) if key.isupper() or any(c.isupper() for c in key) else None
        if hit:
            return _body(hit, country, f"acronym {phrase!r}")
    hit = d["lower"].get(low)
    if hit:
        return _body(hit, country, f"alias {phrase!r}")
    if country:
        inst = d["by_country"].get((country, low))
        if inst:
            return Body(inst["name"], inst["country"], f"alias {phrase!r} with its country",
                        inst.get("show_country", True))
    hit = d["ministries"].get(low)
    if hit:
        return _body(hit, country, f"alias {phrase!r}")
    if len(rest) > 1 and rest[-1].lower() in ("group", "organization", "organisation", "agency", "service"):
        return _lookup(rest[:-1], country, d)       # "FSB security service", "Islamic State group"
    return None


def _body(hit: tuple[str, dict], country: str | None, how: str) -> Body | None:
    """A Body from a gazetteer entry and the country the mention named."""
    kind, entry = hit
    if kind == "ministry":
        if not country:
            return Body(entry["name"], "", how + " (country not named)")
        return Body(entry.get("by_country", {}).get(country, entry["name"]), country, how)
    own = entry["country"]
    if country and own and country != own:
        return None                         # "the Ukrainian national guard" is not Russia's
    return Body(entry["name"], own, how, entry.get("show_country", True))
