"""Plain data passed between modules: articles as they arrive from feeds or imports."""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from datetime import datetime


@dataclass
class Article:
    """One article in the shared schema (id, outlet, title, text, published, url) plus provenance."""

    id: str
    outlet: str = "unknown"
    title: str = ""
    text: str = ""
    published: datetime | None = None      # always UTC when set
    url: str | None = None
    language: str | None = None
    summary: str = ""
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    guid: str | None = None
    feed_url: str | None = None
    date_source: str = "unknown"           # feed / page / first-seen / import / unknown
    date_flag: str | None = None           # missing / future / implausible, never silently trusted
    text_status: str = "ok"                # ok / summary-only / failed / empty
    text_error: str | None = None
    first_seen: datetime | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("published", "first_seen"):
            if d[k] is not None:
                d[k] = d[k].isoformat()
        return d
