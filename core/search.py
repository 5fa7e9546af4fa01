"""Full-text search queries: what a user types, turned into a query the database cannot misread.

A query is words and "quoted phrases", all of which must occur (in any order, case-insensitively),
and -words or -"phrases" that must not. Nothing else is syntax: AND, OR, NEAR, *, column names and
stray quotes are words, so no input makes the search fail. SQLite runs it through FTS5, PostgreSQL
through websearch_to_tsquery over a GIN index (core.store).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_QUERY = 500     # characters read from a query
MAX_TERMS = 20      # words and phrases kept from it
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass
class Query:
    """What must and must not occur: each item a word or a phrase of words."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.include)


def parse_query(text: str | None) -> Query:
    """Split a typed query into required and excluded words/phrases; punctuation-only items are dropped."""
    q = Query()
    for neg, phrase, word in _TOKEN.findall((text or "")[:MAX_QUERY]):
        if word:
            neg, phrase = ("-", word[1:]) if word.startswith("-") and len(word) > 1 else ("", word)
        words = " ".join(re.findall(r"\w+", phrase))  # what both tokenizers index: letters and digits
        if words and len(q.include) + len(q.exclude) < MAX_TERMS:
            (q.exclude if neg else q.include).append(words)
    return q


def fts5_query(q: Query) -> str:
    """The query in SQLite FTS5 syntax, every word or phrase a quoted string (so never an operator)."""
    required = " AND ".join(f'"{t}"' for t in q.include)
    return f"({required})" + "".join(f' NOT "{t}"' for t in q.exclude)


def websearch_query(q: Query) -> str:
    """The query for PostgreSQL's websearch_to_tsquery, every item quoted (so "or" is a word)."""
    return " ".join([f'"{t}"' for t in q.include] + [f'-"{t}"' for t in q.exclude])
