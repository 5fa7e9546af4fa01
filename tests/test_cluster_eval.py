"""The same-day test of bench/cluster_eval.py re-dates what it says it does: every pair to one day of its own,
each a date the clusterer trusts (a day in the future reads as no date at all, core.dates)."""
from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path

import pytest

from core.cluster import clustering_span

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "cluster_eval.py"


def _bench():
    """bench/cluster_eval.py as a module (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location("cluster_eval_under_test", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(n_pairs: int) -> tuple[list[dict], list[tuple[str, str, str]]]:
    """Three articles of each of two events per pair, and the pairs as actor_pairs gives them."""
    pairs = [(f"e{k}a", f"e{k}b", "someone") for k in range(n_pairs)]
    rows = [{"id": f"{g}-{i}", "title": "t", "text": "x", "published": "2021-05-01T10:00:00+00:00", "gold_event": g}
            for a, b, _ in pairs for g in (a, b) for i in range(3)]
    return rows, pairs


def test_every_pair_is_re_dated_to_a_trusted_day_of_its_own():
    ce = _bench()
    # AllSides dev gives 116 pairs: from 2020 on, 60 days apart, most of them fell after today and were
    # clustered as undated articles, all pairs in one pool
    rows, pairs = _rows(120)
    redated = ce.redate(rows, pairs)
    assert len(redated) == len(rows)
    spans = {r["id"]: clustering_span(r) for r in redated}
    assert all(s is not None for s in spans.values())
    day = {}
    for r in redated:
        k = r["gold_event"][:-1]
        d = int(spans[r["id"]][0] // 86400)
        assert day.setdefault(k, d) == d            # both events of a pair on one day
    days = sorted(day.values())
    assert all(b - a >= 60 for a, b in zip(days, days[1:]))   # pairs far outside each other's window


def test_too_many_pairs_to_stay_in_the_past_are_refused():
    ce = _bench()
    rows, pairs = _rows(5)
    ce.SAME_DAY_BASE = ce.datetime.now(ce.timezone.utc) - timedelta(days=100)
    with pytest.raises(ValueError, match="future"):
        ce.redate(rows, pairs)


def test_the_undated_check_leaves_no_date_the_clusterer_could_read():
    ce = _bench()
    rows, _ = _rows(2)
    rows[0] = {**rows[0], "date_precision": "date", "date_source": "feed", "first_seen": "2021-05-01T11:00:00+00:00"}
    bare = ce.undate(rows)
    assert [r["id"] for r in bare] == [r["id"] for r in rows]
    assert all(clustering_span(r) is None for r in bare)
    assert all(clustering_span(r) is not None for r in rows)   # the originals keep theirs
    assert all(r["title"] == "t" and r["gold_event"] for r in bare)


def test_the_dense_stream_scores_every_article_of_every_event_once():
    from core.cluster import ClusterConfig
    bench = _bench()
    rows = bench.load("newswcl50")
    n, n_events, scores = bench.dense(["newswcl50"], ClusterConfig(), 7.0)
    assert (n, n_events) == (len(rows), len({r["gold_event"] for r in rows}))
    assert [name for name, _ in scores] == ["all", "newswcl50"] and scores[0][1] == scores[1][1]
