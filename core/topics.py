"""Topic tags for the dashboard's topic filter, from an editable taxonomy (core/data/topics.toml).

A topic is tagged on evidence, never on one word. Each distinct term of the topic found in title + text
counts 1 when it is a single keyword ("director", "china") and 2 when it is a name or a phrase
("Xi Jinping", "taiwan strait"), half as much again in the title. A topic needs at least two distinct
terms, `min_hits` of them when none is a name or phrase, a score of at least `min_score`, and one of its
`requires` terms when it lists them (the Russia-Ukraine war needs Ukraine, not only Putin). Of the
topics that qualify, those scoring under `keep_share` of the best are dropped (a `placed` topic: of the best of
those that set a bar, `sets_bar`; Elections sets none): an event is tagged with what it is about, not with everything
it mentions. Matching is on word boundaries ("AI" never fires
inside "said"), and short all-capitals names (AI, EU, UN) only match in capitals.
A `placed` topic (the regions, the countries, the Russia-Ukraine war, Health) must also be named where the happening
is told: its anchor terms (its `requires`, else all its terms) in the title or first sentence of at least
`place_share` of the event's articles. Countries and leaders that only react further down (condolences from Modi,
Scholz or Paris on an attack in Moscow; Zelensky on Navalny's death; Iran on the Beirut port blast) then tag
nothing, nor do a disaster's full hospitals amid a pandemic, while an event set in that place or that war keeps its
tag. A topic's `unless` words told there overrule it the same way (a bomb or a gunman makes an attack, not a
disaster). A topic that `yields_to` another is dropped when that one qualifies: Russia and China are their own
topics, but an event of the Russia-Ukraine war or of the strait keeps that topic alone. A topic with
`dateline = false` does not count its terms in a report's opening wire dateline: Xinhua heads every story
"BEIJING, ... (Xinhua) --" and TASS "MOSCOW, ... /TASS/.", so an outlet's home city there says who wrote, not where
it happened. A topic `placed_beside` other topics must be placed when one of them qualifies: US politics beside a
Latin American election needs a US name where the happening is told, not Trump's congratulations further down.
Feed categories map onto topics through each topic's `categories` list; a category that maps to no
topic is dropped rather than kept as its own label, because free-text feed categories ("World",
"News", "Top Stories") would flood the filter with near-duplicates of real topics. A category is one outlet's desk
label, not evidence of what the event is (the real feeds: one DW item's "Business" made a 13-outlet round of Iran
nuclear talks Economy, DW's "Science" made Navalny's poisoning Science & space): it counts as one more term, a word's
weight, never an anchor (`requires`) nor a place, so its topic still needs a term of its own in the text and passes
every rule above, the keep_share cut included. A `placed_categories` category names no country ("Politics",
"Elections"): it counts only where the topic is placed, so Foreign Policy's "Elections" on Bangladesh's vote is no
US politics.
Measured against AllSides' own topic labels by bench/topics_eval.py.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from core.clean import dateline_end

DEFAULT_PATH = Path(__file__).parent / "data" / "topics.toml"


@dataclass(frozen=True)
class Topic:
    """One topic: a display name, its matching terms and the feed categories that imply it."""

    name: str
    keywords: tuple[str, ...]          # matched case-insensitively
    entities: tuple[str, ...]          # proper names, matched case-sensitively when they are acronyms
    categories: tuple[str, ...]        # lowercase feed categories that imply the topic
    min_hits: int                      # distinct terms needed when none is a name or a phrase
    pattern: re.Pattern
    acronyms: re.Pattern | None
    strong: frozenset[str] = frozenset()     # names and phrases (as _key gives them): stronger than a word
    requires: frozenset[str] = frozenset()   # at least one of these must be found, when given
    min_score: float = 2.5
    keep_share: float = 0.5
    first_words: frozenset[str] = frozenset()   # each term's first word: a text without any skips the topic
    placed: bool = False                     # must be named in titles / first sentences (see place_share)
    place_share: float = 0.5
    unless: re.Pattern | None = None         # words that, told where the happening is, make it another kind of event
    yields_to: frozenset[str] = frozenset()  # topics that, when they qualify, take the event instead of this one
    dateline: bool = True                    # False: terms in a report's opening wire dateline are no evidence
    placed_beside: frozenset[str] = frozenset()  # topics that, when they qualify, make this one `placed` too
    named: tuple[tuple[str, re.Pattern], ...] = ()   # terms with a name or a gap ("wins * election"): (key, pattern)
    sets_bar: bool = True                    # False: its score is no bar for the placed topics' keep_share cut
    placed_categories: tuple[str, ...] = ()  # lowercase feed categories that count only where the topic is placed


class TopicFileError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the field."""


def _escaped(term: str) -> str:
    """A term as a pattern: a run of spaces or hyphens for each space, a typographic apostrophe for a straight one
    ("the country’s presidential election", "Côte d’Ivoire")."""
    return re.escape(term).replace(r"\ ", r"[\s\-]+").replace("'", "['’]")


def _compile(terms: Iterable[str], flags: int) -> re.Pattern | None:
    """One alternation with word boundaries, longest terms first so phrases win over their words."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    alt = "|".join(_escaped(t) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", flags)


# "*" in a term stands for one name: a capitalised word, possessive or not ("wins Argentina's presidential election",
# "wins Argentina presidential election"); a lowercase word ("wins the election", "wins snap election") is none
_NAME_SLOT = r"(?-i:[A-Z])[\w.'’-]*"
# "…" stands for up to three words of any kind, no punctuation between them (a result told with a name, a title or
# an adjective between: "defeated President Jair Bolsonaro in a runoff election", "declared winner of a keenly
# contested election"): the words around it must hold the result, as "defeated", "declared winner" do
_GAP_SLOT = r"(?:[\w'’-]+[\s\-]+){0,3}"
_SLOTS = ("*", "…")


def _named_term(term: str) -> re.Pattern:
    """One term holding a name slot ("*") or a gap ("…"), matched case-insensitively but for the name's capital;
    never after "be": "expected to be declared winner of the election" tells a result still to come."""
    alt = _escaped(term).replace(r"\*", _NAME_SLOT).replace("…" + r"[\s\-]+", _GAP_SLOT)
    return re.compile(rf"(?<![\w-])(?<!\bbe\s)(?:{alt})(?![\w-])", re.IGNORECASE)


def _strings(path: Path, where: str, value, required: bool = False) -> tuple[str, ...]:
    """A list of non-empty strings from the file, or an error naming the field."""
    if value is None:
        if required:
            raise TopicFileError(f"{path}: {where}: missing")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TopicFileError(f"{path}: {where}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def load_topics(path: str | Path | None = None) -> list[Topic]:
    """Read and validate a taxonomy file (the packaged one by default)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise TopicFileError(f"{path}: cannot read ({e.strerror})") from None
    except tomllib.TOMLDecodeError as e:
        raise TopicFileError(f"{path}: invalid TOML ({e})") from None
    entries = data.get("topic")
    if not isinstance(entries, list) or not entries:
        raise TopicFileError(f"{path}: topic: expected one or more [[topic]] tables")
    default_hits = data.get("min_hits", 2)
    scoring = {}
    for key in ("min_score", "keep_share", "place_share"):
        value = data.get(key, Topic.__dataclass_fields__[key].default)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise TopicFileError(f"{path}: {key}: expected a non-negative number")
        scoring[key] = float(value)
    topics, names = [], set()
    for n, t in enumerate(entries, 1):
        where = f"topic #{n}"
        if not isinstance(t, dict):
            raise TopicFileError(f"{path}: {where}: expected a table")
        name = t.get("name")
        if not isinstance(name, str) or not name.strip():
            raise TopicFileError(f"{path}: {where}.name: missing or not a string")
        where = f"topic {name!r}"
        if name in names:
            raise TopicFileError(f"{path}: {where}.name: duplicate topic name")
        names.add(name)
        keywords = _strings(path, f"{where}.keywords", t.get("keywords"))
        entities = _strings(path, f"{where}.entities", t.get("entities"))
        if not keywords and not entities:
            raise TopicFileError(f"{path}: {where}.keywords: a topic needs keywords or entities")
        cats = _strings(path, f"{where}.categories", t.get("categories"))
        hits = t.get("min_hits", default_hits)
        if not isinstance(hits, int) or isinstance(hits, bool) or hits < 1:
            raise TopicFileError(f"{path}: {where}.min_hits: expected a positive integer")
        requires = _strings(path, f"{where}.requires", t.get("requires"))
        placed = t.get("placed", False)
        if not isinstance(placed, bool):
            raise TopicFileError(f"{path}: {where}.placed: expected true or false")
        unless = _strings(path, f"{where}.unless", t.get("unless"))
        yields_to = _strings(path, f"{where}.yields_to", t.get("yields_to"))
        dateline = t.get("dateline", True)
        if not isinstance(dateline, bool):
            raise TopicFileError(f"{path}: {where}.dateline: expected true or false")
        beside = _strings(path, f"{where}.placed_beside", t.get("placed_beside"))
        sets_bar = t.get("sets_bar", True)
        if not isinstance(sets_bar, bool):
            raise TopicFileError(f"{path}: {where}.sets_bar: expected true or false")
        placed_cats = _strings(path, f"{where}.placed_categories", t.get("placed_categories"))
        unknown = set(t) - {"name", "keywords", "entities", "categories", "min_hits", "requires", "placed", "unless",
                            "yields_to", "dateline", "placed_beside", "sets_bar", "placed_categories"}
        if unknown:
            raise TopicFileError(f"{path}: {where}.{sorted(unknown)[0]}: unknown field")
        # Short all-caps names (AI, EU, UN, NBA) only count in capitals: "ai" or "un" in
        # running text is noise.
        acr = [e for e in entities + keywords if e.isupper() and len(e) <= 4]
        named = tuple((_key(k), _named_term(k)) for k in keywords if any(c in k for c in _SLOTS))
        rest = [e for e in entities + keywords if e not in acr and not any(c in e for c in _SLOTS)]
        known = {_key(x) for x in entities + keywords}
        bad = [r for r in requires if _key(r) not in known]
        if bad:
            raise TopicFileError(f"{path}: {where}.requires: {bad[0]!r} is not one of its keywords or entities")
        strong = frozenset(_key(e) for e in entities) | frozenset(_key(k) for k in keywords if " " in k or "-" in k)
        first = frozenset(w[0] for w in (_WORDS.findall(x.lower()) for x in entities + keywords) if w)
        topics.append(Topic(name, keywords, entities, tuple(c.lower() for c in cats), hits,
                            _compile(rest, re.IGNORECASE) or re.compile(r"(?!x)x"),
                            _compile(acr, 0), strong, frozenset(_key(r) for r in requires), **scoring,
                            first_words=first, placed=placed, unless=_compile(unless, re.IGNORECASE),
                            yields_to=frozenset(yields_to), dateline=dateline, placed_beside=frozenset(beside),
                            named=named, sets_bar=sets_bar,
                            placed_categories=tuple(c.lower() for c in placed_cats)))
    names = {tp.name for tp in topics}
    for tp in topics:
        for field in ("yields_to", "placed_beside"):
            bad = sorted(getattr(tp, field) - names)
            if bad:
                raise TopicFileError(f"{path}: topic {tp.name!r}.{field}: {bad[0]!r} is not a topic of this file")
    return topics


def taxonomy_mark(path: str | Path | None = None) -> str:
    """A fingerprint of the taxonomy and of the rules that read it: a store whose events were tagged under
    another one retags them (core.analyse), so an edited topics.toml or a new release reaches old events."""
    h = hashlib.sha1()
    for p in (Path(path) if path else DEFAULT_PATH, Path(__file__)):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=4)
def _cached(path: str | None) -> tuple[Topic, ...]:
    """The taxonomy, read once per path."""
    return tuple(load_topics(path))


_WORDS = re.compile(r"[^\W_]+")


def _key(term: str) -> str:
    """A term as matches are compared: lowercase, hyphens and runs of spaces as one space, apostrophes straight."""
    return re.sub(r"[\s\-]+", " ", term.strip().lower()).replace("’", "'")


def _found(tp: Topic, text: str) -> set[str]:
    """The topic's terms found in a text (as _key gives them)."""
    found = {_key(m) for m in tp.pattern.findall(text)}
    if tp.acronyms is not None:
        found |= {_key(m) for m in tp.acronyms.findall(text)}
    return found | {key for key, pat in tp.named if pat.search(text)}


_SENTENCE_END = re.compile(r"(?<=[a-z\d)]{2}[.!?])\s+|(?<=[.!?][\"\u201d\u2019'])\s+|\n")


def first_sentence(text: str, cap: int = 300) -> str:
    """A text's first sentence (or line), at most `cap` characters: where a report says what happened and where.
    An opening wire dateline is kept but ends no sentence: "MOSCOW, March 21. /TASS/. Putin welcomed Xi." is one."""
    text = (text or "").strip()
    m = _SENTENCE_END.search(text, dateline_end(text))
    return (text[:m.start()] if m else text)[:cap]


def without_datelines(text: str) -> str:
    """The text with each line's opening wire dateline blanked ("BEIJING, May 16 (Xinhua) --", "MOSCOW. /TASS/.")."""
    return "\n".join(line[dateline_end(line):] for line in (text or "").split("\n"))


def _overruled(tp: Topic, places: Sequence[str]) -> bool:
    """True when the topic's `unless` words are in at least place_share of the places: a bank bombing's
    "explosion" and "death toll" make no disaster."""
    units = [u for u in places if u and u.strip()]
    if tp.unless is None or not units:
        return False
    return sum(1 for u in units if tp.unless.search(u)) >= tp.place_share * len(units)


def _placed(tp: Topic, places: Sequence[str]) -> bool:
    """True when the topic's anchor terms are in at least place_share of the places (titles, first sentences)."""
    units = [u for u in places if u and u.strip()]
    if not units:
        return False
    anchors = tp.requires or None
    hits = sum(1 for u in units if (found := _found(tp, u)) and (anchors is None or found & anchors))
    return hits >= tp.place_share * len(units)


# a feed category as a found term: never a name, a phrase, an anchor or a title word, so it weighs 1
_CATEGORY = "\x00category"


def _category(tp: Topic, cats: set[str], places: Sequence[str]) -> bool:
    """True when a feed category implies the topic: one of its `categories`, or one of its `placed_categories`
    where the topic is named where the happening is told."""
    if cats & set(tp.categories):
        return True
    return bool(tp.placed_categories and cats & set(tp.placed_categories) and _placed(tp, places))


def topic_scores(title: str, text: str = "", topics: Iterable[Topic] | None = None,
                 places: Sequence[str] | None = None, categories: Iterable[str] = ()) -> dict[str, float]:
    """Each qualifying topic's evidence score (see the module docstring), before the keep_share cut. `places`:
    the titles and first sentences of an event's articles (default: this title and the text's first sentence);
    `categories`: the feed categories of its articles, each counting as one term of the topics they map to."""
    topics = _cached(None) if topics is None else tuple(topics)
    cats = {c.strip().lower() for c in categories if c and c.strip()}
    by_name = {tp.name: tp for tp in topics}
    title = title or ""
    if places is None:
        places = (title, first_sentence(text))
    body = f"{title}\n{text or ''}"
    words = set(_WORDS.findall(body.lower()))
    bare = None                          # body and places without datelines, made once when a topic asks
    out, unplaced = {}, set()
    for tp in topics:
        if not tp.first_words & words:   # no term can start here: skip the costly pattern
            continue
        if not tp.dateline and bare is None:
            bare = (without_datelines(body), [without_datelines(u) for u in places])
        tp_body, tp_places = (body, places) if tp.dateline else bare
        found = _found(tp, tp_body)
        if found and cats and _category(tp, cats, tp_places):   # one more term, never the only one
            found.add(_CATEGORY)
        if len(found) < 2 or (tp.requires and not found & tp.requires):
            continue
        strong = found & tp.strong
        if not strong and len(found) < tp.min_hits:
            continue
        in_title = _found(tp, title)
        score = sum((2.0 if t in strong else 1.0) * (1.5 if t in in_title else 1.0) for t in found)
        if (score >= tp.min_score and (not tp.placed or _placed(tp, tp_places))
                and not _overruled(tp, tp_places)):
            out[tp.name] = score
            if tp.placed_beside and not tp.placed and not _placed(tp, tp_places):
                unplaced.add(tp.name)
    # an event set abroad keeps a home topic only where its reports name it where they tell the happening: an
    # Argentine election is no US politics for Trump's congratulations and Argentina's "Congress" (fc33)
    out = {name: v for name, v in out.items() if not (name in unplaced and by_name[name].placed_beside & out.keys())}
    # yielding before the keep_share cut: a topic that gives way does not set the bar for the others
    return {name: v for name, v in out.items() if not by_name[name].yields_to & out.keys()}


def tag_topics(title: str, text: str = "", categories: Iterable[str] = (),
               topics: Iterable[Topic] | None = None, places: Sequence[str] | None = None) -> list[str]:
    """Names of the topics a text is about, in taxonomy order (`places`: see topic_scores)."""
    topics = _cached(None) if topics is None else tuple(topics)
    scores = topic_scores(title, text, topics, places, categories)
    # a topic that sets no bar (Elections: a vote is told in many fixed phrases, each scoring) does not push the
    # place where it was held under the cut (fc33's Milei win: Elections 29, Latin America 8): a `placed` topic (its
    # anchors told where the happening is) is cut against the others' best only; every other topic is still cut
    # against the best of all, so a stray Economy 3 beside Elections 23 stays out
    best = max(scores.values(), default=0.0)
    bar = {tp.name for tp in topics if tp.sets_bar}
    placed_best = max((v for k, v in scores.items() if k in bar), default=0.0) or best
    return [tp.name for tp in topics
            if scores.get(tp.name, -1.0) >= tp.keep_share * (placed_best if tp.placed else best) > 0]
