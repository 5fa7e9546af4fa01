"""The details that tell two look-alike happenings apart: what kind of act, and on which day.

Two happenings with the same actors share most of their words: the governor signs one bill and then
another, the navy captures pirates again, a minister calls and later visits. Word overlap cannot tell
them apart; their details can. Each article gets a few small sets read from its title and opening
(news says what happened first; the rest of the text wanders into background):

  act      the kind of act its headline reports, from a small general lexicon of event types
           (a call, a meeting, a death, a funeral, an attack, an arrest, a ruling, ...)
  day      the weekdays and calendar days the opening names ("on Monday", "May 29"): when, per the text

Two articles that both give a detail of one kind and share none of it ("Monday" / "Thursday") are
told apart by it: their similarity is lowered by that kind's weight
(ClusterConfig.detail_weights), pro rata when they share part of it. Acts are the exception: coverage of
one happening names several (an attack kills, its gunmen are arrested), so only kinds of act that
clash (_CLASHES: a call / a visit, a death / the funeral) lower it. When either says nothing of a
kind, that kind says nothing. The measure is bilinear in unit vectors, so an event's mean over its
members comes from sums it keeps (`Tally`), as the rest of the clusterer's similarity does.

An event also has a type: the kinds of act its members' headlines report, counted over the members that
report one (Tally.type_clash, ClusterConfig.detail_type). Most headlines name no act ("China reacts to
Navalny news"), so a mean over all members dilutes a death event's type until its funeral joins it; over
the members that do name an act, it does not. Kinds an article shares with the event count against its
clashing ones ("funeral held a week after he died" clashes with neither a death nor a funeral event).

Figures (tolls, amounts) and places (a name after "in" or "at") were tried too and left out: coverage of
one happening gives different tolls as they rise and names the city, the country or the building, so
they split single happenings more often than they parted two (bench/cluster_eval.py, issue 14).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

KINDS = ("act", "weekday", "date")
Details = dict[str, dict[str, float]]   # kind -> detail -> weight; each kind's weights have unit length
LEAD_CHARS = 400                         # the opening a detail is read from, after the title

# Event types, each a few unambiguous trigger words of headlines. General news vocabulary, not any
# corpus's: a word that names two kinds of act ("strike", "fire", "shot", "calls" as in "calls for") is left out.
_ACTS = {
    "call": "phoned telephone videoconference videocall",
    "meeting": "meet meets met meeting visit visits visited summit arrives arrived hosts hosted",
    "death": "dies died dead death killed kills",
    "funeral": "funeral funerals buried burial mourners memorial",
    "attack": "attack attacks attacked gunmen gunman bombing bombed blast explosion shooting",
    "arrest": "arrest arrested arrests detained captured surrenders surrendered indicted",
    "ruling": "sentenced sentencing convicted verdict acquitted ruling ruled",
    "appointment": "appointed appoints nominates nominated nominee hired hires sworn",
    "departure": "fired sacked resigns resigned resignation ousted quits",
    "law": "signs signed bill law legislation veto vetoes vetoed",
    "vote": "election elections elected votes voted ballots primary referendum",
    "crash": "crash crashed crashes derailed collided",
    "disaster": "earthquake quake flood floods flooding wildfire hurricane typhoon collapse collapsed",
    "revolt": "mutiny mutinies mutineers mutinied rebel rebels rebelled rebellion revolt revolts uprising insurrection",
}
# Kinds of act that one happening's coverage does not report together: the next step of a story is
# another happening (a call, then a visit; a death, then the funeral; an arrest, then the verdict).
# Kinds not listed here go together (an attack kills and its gunmen are arrested; a coach is fired
# and another hired), so their differing says nothing; nor do an attack and a disaster (a dam blown up and
# the flood it lets loose are one happening, told as either).
_CLASHES = """call-meeting death-funeral attack-funeral crash-funeral disaster-funeral arrest-ruling
attack-ruling crash-ruling appointment-law meeting-funeral revolt-crash revolt-funeral"""


def _clash_table(pairs: str) -> dict[str, frozenset[str]]:
    """{kind of act: the kinds it clashes with} from "a-b" pairs."""
    out: dict[str, set[str]] = {}
    for pair in pairs.split():
        a, b = pair.split("-")
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


_CLASH = _clash_table(_CLASHES)
_ACT_OF = {w: kind for kind, words in _ACTS.items() for w in words.split()}
_WORD = re.compile(r"[a-z]+")
_WEEKDAY = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday", re.I)
# A weekday named is a whole word of 6 to 9 letters: finding those words first and matching each whole is
# the same as searching for the names between word boundaries, and faster (no ignore-case alternation
# tried at every position); _weekdays_named does without either unless the text holds an exotic character.
# Likewise a day and month names its day in digits, so a text without any has none.
_WORD_6_9 = re.compile(r"\b\w{6,9}\b")
_DIGIT = re.compile(r"\d")
_CASE_EXOTIC = "\u0130\u0131\u017f\u212a"   # İ ı ſ and the Kelvin sign: re.I matches them to i, s and k
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY_MONTH = re.compile(rf"\b(?:({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                        rf"(?:of\s+)?({_MONTH}))\b", re.I)
# The same pattern in lower case, run on the lowercased text: the same matches at the same places (lower()
# keeps every character's place when the text holds none of _CASE_EXOTIC), three times faster than re.I
_DAY_MONTH_LOW = re.compile(_DAY_MONTH.pattern.replace(_MONTH, _MONTH.lower()))
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS, WEEKDAYS = _MONTHS, _WEEKDAYS   # the names of read_details' day keys ("may-16", "thursday")


def read_details(title: str | None, text: str | None) -> Details:
    """An article's act types and days, from its title and opening."""
    # A missing title or text (None from a store row or a feed without one) reads as empty, as in online.py
    title, text = title or "", text or ""
    opening = f"{title}\n{_opening(text)}"
    weekdays, dates = _days(opening)
    out = {"act": _unit({_ACT_OF[w] for w in _WORD.findall(title.lower()) if w in _ACT_OF}),
           "weekday": weekdays, "date": dates}
    return {k: v for k, v in out.items() if v}


def _opening(text: str) -> str:
    """The first LEAD_CHARS characters of a text, cut back to a word boundary (a cut "Monday" is no day)."""
    if len(text) <= LEAD_CHARS:
        return text
    cut = text[:LEAD_CHARS]
    return cut[:cut.rfind(" ")] if " " in cut else cut


def _days(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """The weekdays and the calendar days a text names, each as a unit vector.

    Coverage of one happening runs over consecutive days (the attack on Friday, the reactions on
    Saturday), so each day also weighs half on the days either side: the day before or after is half a
    match, two days apart a sixth, three none.
    """
    week: dict[str, float] = {}
    vec: dict[str, float] = {}
    # Most openings name no month (and many no weekday): a substring test of the lowercased text rules the
    # patterns out far cheaper than running them. Exact unless the text holds one of the few characters
    # the patterns match to an ASCII letter that lower() does not turn into it ("ſunday"): then they run.
    low = None if any(c in text for c in _CASE_EXOTIC) else text.lower()
    for i in _weekdays_named(text, low):
        for d, x in ((i, 1.0), (i - 1, 0.5), (i + 1, 0.5)):
            week[_WEEKDAYS[d % 7]] = max(week.get(_WEEKDAYS[d % 7], 0.0), x)
    named = _DIGIT.search(text) and (low is None or any(m in low for m in _MONTHS))
    for m in (() if not named else _DAY_MONTH.finditer(text) if low is None else _DAY_MONTH_LOW.finditer(low)):
        month = _index(_MONTHS, (m.group(1) or m.group(4))[:3])
        day = int(m.group(2) or m.group(3))
        if not 1 <= day <= 31:
            continue
        for d, x in ((day, 1.0), (day - 1, 0.5), (day + 1, 0.5)):
            key = f"{_MONTHS[month]}-{d}"   # month ends are not wrapped: a rare half-match lost
            vec[key] = max(vec.get(key, 0.0), x)
    return _normed(week), _normed(vec)


def _weekdays_named(text: str, low: str | None) -> list[int]:
    """The weekdays (indexes into _WEEKDAYS) a text names as whole words, in the order it first names them.

    `low` is the text lowercased, or None when the text holds a character the ignore-case patterns match to
    an ASCII letter that lower() does not turn into it: then the patterns run. Otherwise a name found in the
    lowercased text, with no word character either side, is what they would match (read_details runs about a
    third faster on the dev corpora, most of whose openings name a weekday).
    """
    if low is None:
        order = [_index(_WEEKDAYS, w) for w in filter(_WEEKDAY.fullmatch, _WORD_6_9.findall(text))]
        return list(dict.fromkeys(order))
    found = []
    for i, name in enumerate(_WEEKDAYS):
        p = low.find(name)
        while p >= 0:
            end = p + len(name)
            if not (p and _is_word(text[p - 1])) and not (end < len(text) and _is_word(text[end])):
                found.append((p, i))
                break
            p = low.find(name, p + 1)
    return [i for _, i in sorted(found)]


def _is_word(char: str) -> bool:
    """Whether a character is one the patterns' \\w matches (a word boundary lies between it and a non-word one)."""
    return char.isalnum() or char == "_"


def _index(names: tuple[str, ...], word: str) -> int:
    """Which of the names a matched word spells, ignoring case as the patterns do: Unicode's rules also
    match "ſunday" and "FRİDAY", which lower() leaves unlike any name (and which once crashed a run)."""
    key = word.lower()
    if key in names:
        return names.index(key)
    return next(i for i, name in enumerate(names) if re.fullmatch(name, word, re.I))


def _normed(vec: dict[str, float]) -> dict[str, float]:
    """A vector scaled to unit length ({} stays {})."""
    norm = math.sqrt(sum(x * x for x in vec.values()))
    return {k: x / norm for k, x in sorted(vec.items())} if norm else {}


def _unit(items: set[str]) -> dict[str, float]:
    """Equal weights of unit length ({} for none)."""
    if not items:
        return {}
    w = 1.0 / math.sqrt(len(items))
    return dict.fromkeys(sorted(items), w)


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _clash(a: dict[str, float], b: dict[str, float]) -> float:
    """How far two act vectors report kinds of act that clash (_CLASH): sum of a_i b_j over clashing i, j."""
    return sum(w * sum(b.get(j, 0.0) for j in _CLASH.get(i, ())) for i, w in a.items())


def clash_matrix(acts: list[str]):
    """The 0/1 matrix of which of these kinds of act clash (for a whole event's members at once)."""
    import numpy as np

    return np.array([[1.0 if b in _CLASH.get(a, ()) else 0.0 for b in acts] for a in acts])


def _kind_conflict(kind: str, a: dict[str, float], b: dict[str, float], pairs: float, bonus: float) -> float:
    """The conflict of one kind, summed over `pairs` pairs of articles whose vectors sum to a and b: acts
    conflict where they clash, other kinds where they differ; agreement takes `bonus` off."""
    agree = _dot(a, b)
    if kind == "act":
        return _clash(a, b) - bonus * agree
    return pairs - (1.0 + bonus) * agree


def pair_conflict(a: Details, b: Details, weights: dict[str, float], bonus: float = 0.0) -> float:
    """How far two articles' details disagree: per kind both give, its weight times (1 - (1 + bonus) cosine)
    (agreeing details count for them when bonus > 0); for acts, the weight times how far they clash."""
    out = 0.0
    for k, va in a.items():
        vb = b.get(k)
        w = weights.get(k, 0.0)
        if vb and w:   # a kind weighed 0 (acts, by default: the event's type reads them) adds nothing
            out += w * _kind_conflict(k, va, vb, 1.0, bonus)
    return out


@dataclass(slots=True)
class Tally:
    """An event's details summed over its members: per kind, how many give it and their summed vectors,
    and how far each member's acts clash among themselves (for conflict_within)."""

    n: dict[str, int] = field(default_factory=dict)
    sums: dict[str, dict[str, float]] = field(default_factory=dict)
    self_clash: float = 0.0

    def add(self, d: Details, sign: int = 1) -> None:
        """Count one member's details in (sign 1) or out (sign -1)."""
        if "act" in d:
            self.self_clash += sign * _clash(d["act"], d["act"])
        for k, v in d.items():
            self.n[k] = self.n.get(k, 0) + sign
            s = self.sums.setdefault(k, {})
            for t, w in v.items():
                x = s.get(t, 0.0) + sign * w
                if abs(x) < 1e-9:
                    s.pop(t, None)
                else:
                    s[t] = x
            if self.n[k] <= 0:
                del self.n[k]
                self.sums.pop(k, None)

    def absorb(self, other: "Tally") -> None:
        """Add another event's tally (a merge)."""
        self.self_clash += other.self_clash
        for k, c in other.n.items():
            self.n[k] = self.n.get(k, 0) + c
            s = self.sums.setdefault(k, {})
            for t, w in other.sums.get(k, {}).items():
                s[t] = s.get(t, 0.0) + w

    def conflict_with(self, d: Details, weights: dict[str, float], bonus: float = 0.0) -> float:
        """pair_conflict summed over the members (divide by their number for the mean)."""
        out = 0.0
        for k, v in d.items():
            c = self.n.get(k)
            w = weights.get(k, 0.0)
            if c and w:
                out += w * _kind_conflict(k, v, self.sums[k], c, bonus)
        return out

    def conflict_between(self, other: "Tally", weights: dict[str, float], bonus: float = 0.0) -> float:
        """pair_conflict summed over every pair of a member of each event."""
        out = 0.0
        for k, c in self.n.items():
            c2 = other.n.get(k)
            w = weights.get(k, 0.0)
            if c2 and w:
                out += w * _kind_conflict(k, self.sums[k], other.sums[k], c * c2, bonus)
        return out

    def type_clash(self, acts: dict[str, float]) -> float:
        """How far an article's kinds of act clash with this event's type, net of the kinds they share: the
        mean over the members whose headlines report an act (not over all members, as pair_conflict's sums
        are), 0 when none does or the article's acts agree with the event's as much as they clash."""
        c = self.n.get("act")
        if not c or not acts:
            return 0.0
        s = self.sums["act"]
        return max(0.0, _clash(acts, s) - _dot(acts, s)) / c

    def types_clash(self, other: "Tally") -> float:
        """type_clash between two events: the mean over pairs of their act-reporting members."""
        c, c2 = self.n.get("act"), other.n.get("act")
        if not c or not c2:
            return 0.0
        a, b = self.sums["act"], other.sums["act"]
        return max(0.0, _clash(a, b) - _dot(a, b)) / (c * c2)

    def conflict_within(self, weights: dict[str, float], bonus: float = 0.0) -> float:
        """pair_conflict summed over the ordered pairs of distinct members: the sums' product less each
        member's own (a unit vector's dot with itself is 1)."""
        out = 0.0
        for k, c in self.n.items():
            w = weights.get(k, 0.0)
            if not w:
                continue
            s = self.sums[k]
            whole = _kind_conflict(k, s, s, c * c, bonus)
            own = self.self_clash - bonus * c if k == "act" else c - (1.0 + bonus) * c
            out += w * (whole - own)
        return out
