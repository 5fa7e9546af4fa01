"""Faults: SIGKILL at random points, a reader during writes, flaky networks and failing feeds."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from core.catalog import Outlet, parse_catalog
from core.config import Settings
from core.ingest import run_ingest
from core.store import Store, articles, events
from tests.conftest import FRAMELENS, shared_path
N_ARTICLES = 150


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The first N_ARTICLES AllSides articles (many outlets, short texts) as a replay corpus."""
    lines = shared_path("data", "corpora", "allsides_dev.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "subset.jsonl"
    path.write_text("\n".join(lines[:N_ARTICLES]) + "\n", encoding="utf-8")
    return path


def _catalog_text(base: str) -> str:
    return urllib.request.urlopen(base + "/_catalog").read().decode()


def consistency_problems(store: Store) -> list[str]:
    """Duplicates, half-written articles and event rows that disagree with their articles."""
    problems = []
    with store.engine.connect() as c:
        for col in (articles.c.id, articles.c.url):
            dup = c.execute(sa.select(col, sa.func.count()).where(col.is_not(None)).group_by(col)
                            .having(sa.func.count() > 1)).all()
            if dup:
                problems.append(f"duplicate {col.name}: {dup[:3]}")
        half = c.execute(sa.select(sa.func.count()).select_from(articles).where(sa.or_(
            articles.c.text_status.is_(None), articles.c.text_status == "pending",
            sa.and_(articles.c.text_status == "ok", articles.c.text_length == 0)))).scalar_one()
        if half:
            problems.append(f"{half} half-written articles (pending / NULL status / ok without text)")
        orphans = c.execute(sa.select(sa.func.count()).select_from(articles).where(
            articles.c.event_id.is_not(None), articles.c.event_id.not_in(sa.select(events.c.id)))).scalar_one()
        if orphans:
            problems.append(f"{orphans} articles point at an event that does not exist")
        actual = dict(c.execute(sa.select(articles.c.event_id, sa.func.count()).where(articles.c.event_id.is_not(None))
                                .group_by(articles.c.event_id)).all())
        stored = dict(c.execute(sa.select(events.c.id, events.c.n_articles)).all())
        wrong = {e: (n, actual.get(e, 0)) for e, n in stored.items() if n != actual.get(e, 0)}
        if wrong:
            problems.append(f"{len(wrong)} events whose n_articles disagrees with their articles: {list(wrong.items())[:3]}")
    return problems


def test_sigkill_at_random_points_then_rerun(replay, corpus, tmp_path):
    """Kill `framelens ingest` (fetch, store and analyse) with SIGKILL repeatedly; a clean rerun fixes everything."""
    # 100 ms per request and 4 requests at a time to the one host: a full run takes ~6 s, so kills
    # land in start-up, feed fetching, page fetching, storing and analysis.
    base = replay("--corpus", str(corpus), "--latency-ms", "100")
    cat = tmp_path / "catalog.toml"
    cat.write_text(_catalog_text(base), encoding="utf-8")
    db = tmp_path / "kill.sqlite"
    cmd = [FRAMELENS, "ingest", "--db", str(db), "--outlets", str(cat), "--allow-private", "--quiet"]
    env = dict(os.environ)
    seed = int(os.environ.get("FRAMELENS_KILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    kills, counts = 0, []
    for _ in range(6):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        time.sleep(rng.uniform(1.0, 4.0))
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)   # the process and its extraction workers
            kills += 1
        p.wait()
        if db.exists():
            store = Store(str(db))
            counts.append(store.count_articles())
            # Between kills: maybe fewer articles, never a duplicate or a half-written one.
            assert [p for p in consistency_problems(store) if "event" not in p] == [], f"seed {seed}"
            store.dispose()
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert final.returncode == 0, final.stderr[-2000:]
    store = Store(str(db))
    print(f"\nSIGKILL loop (seed {seed}): {kills} kills, articles after each: {counts}, after rerun: {store.count_articles()}")
    assert kills >= 4
    assert store.count_articles() == N_ARTICLES
    assert consistency_problems(store) == [], f"seed {seed}"
    with store.engine.connect() as c:
        unassigned = c.execute(sa.select(sa.func.count()).select_from(articles)
                               .where(articles.c.event_id.is_(None))).scalar_one()
    assert unassigned == 0
    feeds = store.feeds_df()
    assert set(feeds["last_status"]) <= {"ok", "not-modified"}


def test_crash_while_saving_events_leaves_nothing_half_done(corpus, tmp_path, monkeypatch):
    from core.analyse import analyse_new
    from core.corpus import import_file
    store = Store(str(tmp_path / "crash.sqlite"))
    import_file(store, str(corpus))

    def crash(*a, **k):
        raise SystemExit("killed")
    monkeypatch.setattr(store, "_save_events", crash)
    with pytest.raises(SystemExit):
        analyse_new(store, quotes=False)
    monkeypatch.undo()
    analyse_new(store, quotes=False)
    assert consistency_problems(store) == []


def test_reader_never_sees_database_locked(replay, corpus, db_url):
    """The dashboard's queries run in a loop while an ingest writes: no OperationalError, ever."""
    base = replay("--corpus", str(corpus))
    catalog = parse_catalog(_catalog_text(base), "replay")
    writer = Store(db_url)
    reader = Store(db_url)
    stop, errors, reads = threading.Event(), [], [0]

    def read_loop():
        while not stop.is_set():
            try:
                reader.articles_df(limit=200)
                reader.count_articles()
                reader.count_filtered(search="biden")
                reader.daily_counts()
                reads[0] += 1
            except Exception as e:  # noqa: BLE001 - the test counts every kind
                errors.append(f"{type(e).__name__}: {e}")
    t = threading.Thread(target=read_loop, daemon=True)
    t.start()
    try:
        s = run_ingest(writer, catalog, Settings(allow_private=True, extract_workers=1, timeout=10))
    finally:
        stop.set()
        t.join(30)
    assert errors == []
    assert s.new_articles == N_ARTICLES and reads[0] >= 5
    if writer.dialect == "sqlite":
        with writer.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_flaky_network_retries_hold(replay, corpus, tmp_path):
    """30% 500s and 3% stalls: retries recover most, the rest are recorded, requests stay bounded."""
    base = replay("--corpus", str(corpus), "--fail-rate", "0.3", "--slow-rate", "0.03", "--seed", "11")
    catalog = parse_catalog(_catalog_text(base), "replay")
    n_feeds = sum(len(o.feeds) for o in catalog)
    store = Store(str(tmp_path / "flaky.sqlite"))
    s = run_ingest(store, catalog, Settings(allow_private=True, extract_workers=1, timeout=0.5, retries=2, backoff=0.05))
    stats = __import__("json").loads(urllib.request.urlopen(base + "/_stats").read())
    assert s.feeds_ok + s.feeds_failed == n_feeds
    assert s.feeds_ok >= 0.85 * n_feeds, s.line()
    arts = store.articles_df(limit=None)
    assert set(arts["text_status"]) <= {"ok", "summary-only"}
    assert (arts["text_status"] == "ok").mean() >= 0.85
    assert arts.loc[arts["text_status"] != "ok", "text_error"].notna().all()
    failed = store.feeds_df().query("last_status == 'failed'")
    assert failed["last_error"].str.match(r"^(server error|timeout)").all()
    # Never more than 1 + retries tries per URL.
    assert stats["requests"] - 1 <= 3 * (n_feeds + len(arts))
    # A second run picks up what the first one missed.
    run_ingest(store, catalog, Settings(allow_private=True, extract_workers=1, timeout=0.5, retries=2, backoff=0.05))
    assert store.count_articles() >= len(arts)


def test_feed_failing_in_a_row_is_backed_off_not_hammered(site, db_url):
    url = site.add("/down.xml", b"maintenance", status=503, content_type="text/plain")
    store = Store(db_url)
    cat = [Outlet("Down", [url])]
    s = Settings(allow_private=True, retries=1, backoff=0.01, extract_workers=1, backoff_after=3, backoff_base_minutes=15)
    for run in range(1, 6):
        summary = run_ingest(store, cat, s)
        assert summary.feeds_backed_off == (1 if run > 3 else 0)
    assert site.hits["/down.xml"] == 3 * 2          # three runs of 1 + 1 retry, then nothing
    row = store.feeds_df().iloc[0]
    assert row["failures_in_row"] == 3 and row["last_error"].startswith("server error: HTTP 503")
    # Once the wait (15 min after 3 failures) has passed, it is tried again, and a success resets the count.
    from datetime import datetime, timedelta
    store.record_feed(url, "Down", last_fetched=datetime.utcnow() - timedelta(minutes=16))
    site.add("/down.xml", '<rss version="2.0"><channel><title>x</title><item><title>Back</title>'
                          f'<link>{site.base}/a/back.html</link></item></channel></rss>')
    summary = run_ingest(store, cat, Settings(allow_private=True, fetch_pages=False, extract_workers=1))
    assert summary.feeds_ok == 1 and store.feeds_df().iloc[0]["failures_in_row"] == 0
