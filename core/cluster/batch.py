"""Clustering a whole set of articles at once: `framelens cluster` and imports use the same procedure."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Sequence

from core.config import ClusterConfig
from core.models import get

from .online import EventClusterer, clustering_span, order_key


def cluster_batch(articles: Sequence[Any], config: ClusterConfig | None = None) -> list[str]:
    """Event ids for a set of articles: one online pass in a fixed order (order_key: by date, undated
    last, ties by id) with document frequencies from the whole set, then a merge over every event."""
    ids = [str(get(a, "id")) for a in articles]
    dup = _first_duplicate(ids)
    if dup is not None:
        raise ValueError(f"duplicate article id {dup!r}")
    undated = any(clustering_span(a) is None for a in articles)
    cl = EventClusterer(config, time_bound=not undated)
    # document frequencies from the whole set: the first articles get the same weighting as the last
    cl.freeze(articles)
    for a in sorted(articles, key=order_key):
        cl.add(a)
    cl.merge(everything=True)
    return [cl.event_of(a) for a in ids]


def _first_duplicate(ids: Iterable[str]) -> str | None:
    """The first id seen twice, or None."""
    seen = set()
    for i in ids:
        if i in seen:
            return i
        seen.add(i)
    return None


def read_articles(path: str | Path) -> list[dict]:
    """Articles from a JSONL file, their titles and texts as an import stores them (core.corpus.as_imported); bad
    JSON, a missing or duplicate id raises ValueError naming the line."""
    from core.corpus import as_imported, read_jsonl
    return [as_imported(r) for r in read_jsonl(path)]


def run_cluster_file(input_path: str | Path, output_path: str | Path, progress: bool = True,
                     config: ClusterConfig | None = None) -> int:
    """Cluster a JSONL file of articles and write one {"id", "event"} line per article; returns the count."""
    from core.progress import note, reporting
    rows = read_articles(input_path)
    with reporting(progress) as report:
        report("events", 0, len(rows))
        events = cluster_batch(rows, config)
        report("events", len(rows), len(rows))
        with open(output_path, "w", encoding="utf-8") as out:
            for row, ev in zip(rows, events):
                out.write(json.dumps({"id": str(row["id"]), "event": ev}, ensure_ascii=False) + "\n")
        note(report, f"cluster: {len(rows)} articles in {len(set(events))} events -> {output_path}")
    return len(rows)
