"""Plain data passed between modules: articles as they arrive from feeds or imports."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, asdict
from datetime import datetime, timezone
from typing import Any


@dataclass
class Article:
    """One article in the shared schema (id, outlet, title, text, published, url) plus provenance."""

    id: str
    outlet: str = "unknown"
    title: str = ""
    text: str = ""
    published: datetime | None = None      # always UTC when set
    date_precision: str | None = None      # exact / date / year / none (core.dates); None: exact if published
    url: str | None = None
    language: str | None = None
    summary: str = ""
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    guid: str | None = None
    feed_url: str | None = None
    date_source: str = "unknown"           # feed / page / import / file / first-seen (core.dates)
    date_flag: str | None = None           # why a date is missing, guessed or not trusted (core.dates)
    text_status: str = "ok"                # ok / summary-only / failed / empty
    boilerplate: list[str] = field(default_factory=list)  # page furniture core/clean.py took out of the text
    text_error: str | None = None
    first_seen: datetime | None = None
    title_flag: str | None = None          # None, or how a missing title was made ("from the first sentence")

    def __post_init__(self) -> None:
        if self.date_precision is None:
            self.date_precision = "exact" if self.published is not None else "none"

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("published", "first_seen"):
            if d[k] is not None:
                d[k] = d[k].isoformat()
        return d


def get(article: Any, name: str, default=None):
    """One field of an article given as a mapping or as an Article; `default` when absent or None."""
    # a plain dict first: the ABC check costs four times the lookup, and clustering asks a dozen per article
    mapping = type(article) is dict or isinstance(article, Mapping)
    value = article.get(name, default) if mapping else getattr(article, name, default)
    return default if value is None else value


def parse_time(value: Any) -> datetime | None:
    """A timezone-aware UTC datetime from a datetime or ISO-8601 string; None when absent or unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        s = value.strip()
        if s.endswith(("Z", "z")):
            s = s[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(s)
        except ValueError:
            return None  # free-text dates count as undated, never guessed
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)  # naive times are taken as UTC, as the store writes them
    return dt.astimezone(timezone.utc)
