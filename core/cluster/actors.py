"""Who met whom: the actors each side's headlines name and the other side never names.

Two happenings with the same actors on one day (Xi meets Putin; Xi meets Blinken) share most words, and
their dates cannot part them. Their casts can: the headlines of one name someone that the other's
articles never mention, anywhere, and the other's do the same the other way round. One happening told
from two sides does not look like that: a side may name its own capital or officials the other leaves
out, but then the other side names nobody the first never mentions.

So a clash needs marks on both sides. A mark of side A against side B is an actor named in the headlines
(`heads`: a title's words that its article names as entities) of most of A's articles
(ClusterConfig.who_share) and by at most a tenth of B's articles anywhere (`named`). Names are compared
by their words' first letters ("Alexei Navalny", "Navalny" and "Aleksei Navalny" share "nava"; "China"
and "Chinese" share "chin"), and an actor counts as named when any word of it is, so a mark is something
the other side truly never names. News outlets ("Reuters", "Xinhua") say who wrote, not who acted, and
months and weekdays name nobody: both are left out.

An event keeps counts of these words over its members (`Cast`), so the check between an article and an
event, or between two events, costs a few dictionary lookups. The parts of a split are several articles
each, so there the marks are read from all they name, not only their headlines
(ClusterConfig.split_who_share): the same actors' two happenings then differ in the places, officials
and bodies each part names throughout. Measured with bench/same_day_pairs.py and
bench/cluster_eval.py (issue 14): a lone article's headline too often names someone the rest do not, so
joins and merges consult it only once one side has ClusterConfig.who_min_articles.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from core.credits import is_news_outlet

from .features import _ENTITY_SKIP, _Cache

NAMED_SHARE = 0.1       # the other side "never names" an actor when at most this share of it does
# months and weekdays are capitalised but name no actor
_CALENDAR = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
_WORD = re.compile(r"[^\W_][\w'.\-]*")
STEM = 4                # letters of a word compared: spellings and adjectives of one name agree on them


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """The actor words of one entity phrase, as stems (their first STEM letters: "China" and "Chinese",
    "Yevgeny" and "Yevgeniy" are one); short words and possessives left out."""
    out = []
    for w in _WORD.findall(phrase.replace("’", "'")):
        w = _fold(w.removesuffix("'s").strip(".-'"))
        if len(w) >= 3 and w not in _ENTITY_SKIP and w not in _CALENDAR and not w.isdigit():
            out.append(w[:STEM])
    return tuple(out)


_phrase_cache = _Cache(_phrase_words)


def _words(phrases) -> frozenset[str]:
    """The actor words of entity phrases (see _phrase_words), news outlets left out (asked each time: a user's
    outlet aliases may change while the words of a phrase do not)."""
    # a phrase without actor words adds nothing whether or not it names an outlet: not asked
    return frozenset().union(*[ws for p in phrases if (ws := _phrase_cache[p]) and not is_news_outlet(p)])


def _fold(word: str) -> str:
    """A word without accents ("Moïse" and "Moise" are one name)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# a headline word's stem as read_heads compares it with the named words, memoised per word
_head_stem = _Cache(lambda word: word.removesuffix("'s").strip(".-'")[:STEM])


def read_heads(title: str, named: frozenset[str]) -> frozenset[str]:
    """The actors of an article's headline: its title's words that the article names as entities (a
    headline in title case capitalises every word, so the text's own capitals decide)."""
    if not named:
        return frozenset()
    low = title.lower().replace("’", "'")
    words = _WORD.findall(low if low.isascii() else _fold(low))
    return frozenset(filter(named.__contains__, map(_head_stem.__getitem__, words)))


def read_named(ents) -> frozenset[str]:
    """The actor words of every entity an article names (its features' entity set)."""
    return _words(ents)


@dataclass(slots=True)
class Cast:
    """An event's actor words counted over its members: in how many headlines, and named anywhere."""

    n: int = 0
    heads: Counter = field(default_factory=Counter)
    named: Counter = field(default_factory=Counter)

    def add(self, heads: frozenset[str], named: frozenset[str], sign: int = 1) -> None:
        """Count one member in (sign 1) or out (sign -1); its heads are among its named (read_heads)."""
        self.n += sign
        if sign > 0:
            self.heads.update(heads)
            self.named.update(named)
        else:
            self.heads.subtract(heads)
            self.named.subtract(named)
            self.heads, self.named = +self.heads, +self.named

    def absorb(self, other: "Cast") -> None:
        """Add another event's counts (a merge)."""
        self.n += other.n
        self.heads.update(other.heads)
        self.named.update(other.named)

    def marks(self, other: "Cast", share: float) -> list[str]:
        """Actor words in at least `share` of this side's heads that the other side (almost) never names."""
        return sorted(self._marks(other, share))

    def _marks(self, other: "Cast", share: float):
        """The marks of this side against the other, one at a time (see marks)."""
        if not self.n or not other.n:
            return
        need, allowed = share * self.n, NAMED_SHARE * other.n
        get_ = other.named.get
        for w, c in self.heads.items():
            if c >= need and get_(w, 0) <= allowed:
                yield w


def cast_of(heads: frozenset[str], named: frozenset[str]) -> Cast:
    """The cast of one article."""
    c = Cast()
    c.add(heads, named)
    return c


def article_clashes(heads: frozenset[str], named: frozenset[str], ev: Cast, share: float) -> bool:
    """casts_clash between one article (its heads and named words) and an event's cast, without building
    the article's Cast (this runs for every candidate event of every article)."""
    if not ev.n or not any(ev.named.get(w, 0) <= NAMED_SHARE * ev.n for w in heads):
        return False
    need = share * ev.n
    return any(c >= need and w not in named for w, c in ev.heads.items())


def casts_clash(a: Cast, b: Cast, share: float) -> bool:
    """True when each side's headlines name an actor the other never names (see the module docstring)."""
    if len(a.heads) > len(b.heads):   # the side with fewer heads first: most checks end there
        a, b = b, a
    return next(a._marks(b, share), None) is not None and next(b._marks(a, share), None) is not None
