"""Topic tags for the dashboard's topic filter, from an editable taxonomy (core/data/topics.toml).

A topic matches a text when at least `min_hits` distinct keywords/entities occur in title + text, or
one occurs in the title. Matching is on word boundaries ("AI" never fires inside "said"), and short
all-capitals names (AI, EU, UN) only match in capitals.
Feed categories map onto topics through each topic's `categories` list; a category that maps to no
topic is dropped rather than kept as its own label, because free-text feed categories ("World",
"News", "Top Stories") would flood the filter with near-duplicates of real topics.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

DEFAULT_PATH = Path(__file__).parent / "data" / "topics.toml"


@dataclass(frozen=True)
class Topic:
    """One topic: a display name, its matching terms and the feed categories that imply it."""

    name: str
    keywords: tuple[str, ...]          # matched case-insensitively
    entities: tuple[str, ...]          # proper names, matched case-sensitively when they are acronyms
    categories: tuple[str, ...]        # lowercase feed categories that imply the topic
    min_hits: int
    pattern: re.Pattern
    acronyms: re.Pattern | None


class TopicFileError(ValueError):
    """A taxonomy file that cannot be used; the message names the file and the field."""


def _compile(terms: Iterable[str], flags: int) -> re.Pattern | None:
    """One alternation with word boundaries, longest terms first so phrases win over their words."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    alt = "|".join(re.escape(t).replace(r"\ ", r"[\s\-]+") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", flags)


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
        unknown = set(t) - {"name", "keywords", "entities", "categories", "min_hits"}
        if unknown:
            raise TopicFileError(f"{path}: {where}.{sorted(unknown)[0]}: unknown field")
        # Short all-caps names (AI, EU, UN, NBA) only count in capitals: "ai" or "un" in
        # running text is noise.
        acr = [e for e in entities + keywords if e.isupper() and len(e) <= 4]
        rest = [e for e in entities + keywords if e not in acr]
        topics.append(Topic(name, keywords, entities, tuple(c.lower() for c in cats), hits,
                            _compile(rest, re.IGNORECASE) or re.compile(r"(?!x)x"),
                            _compile(acr, 0)))
    return topics


@lru_cache(maxsize=4)
def _cached(path: str | None) -> tuple[Topic, ...]:
    """The taxonomy, read once per path."""
    return tuple(load_topics(path))


def tag_topics(title: str, text: str = "", categories: Iterable[str] = (),
               topics: Iterable[Topic] | None = None) -> list[str]:
    """Names of the topics a text belongs to, in taxonomy order."""
    topics = _cached(None) if topics is None else tuple(topics)
    title = title or ""
    body = f"{title}\n{text or ''}"
    cats = {c.strip().lower() for c in categories if c and c.strip()}
    out = []
    for tp in topics:
        if cats & set(tp.categories):
            out.append(tp.name)
            continue
        found = {m.lower() for m in tp.pattern.findall(body)}
        if tp.acronyms is not None:
            found |= set(tp.acronyms.findall(body))
        if not found:
            continue
        in_title = bool(tp.pattern.search(title)) or bool(tp.acronyms and tp.acronyms.search(title))
        if in_title or len(found) >= tp.min_hits:
            out.append(tp.name)
    return out
