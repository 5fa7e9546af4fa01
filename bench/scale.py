"""How ingest, clustering and the dashboard's queries grow with the size of the store.

    python bench/scale.py                       # stores of 100k and 300k articles
    python bench/scale.py --sizes 100000,1000000
    python bench/scale.py --db postgresql://…   # the same on PostgreSQL (tables are dropped first)

For each size a store is built by bulk inserts (SQLAlchemy Core executemany on core.store's tables)
of the shared corpora replicated with dates shifted 120 days further back per copy, with events
and quotes; then it measures the dashboard's store queries (default view = whole date range, and a
30-day window), the ingest of a fresh batch (the 739 AllSides articles from a local replay site,
pages fetched and extracted), and analyse_new on that batch (clustering, quotes, reprints).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["FRAMELENS_ALLOW_PRIVATE"] = "1"

import sqlalchemy as sa  # noqa: E402

from core import store as st  # noqa: E402
from core.analyse import analyse_new  # noqa: E402
from core.catalog import parse_catalog  # noqa: E402
from core.config import Settings  # noqa: E402
from core.ingest import run_ingest  # noqa: E402
from tests.conftest import start_replay  # noqa: E402

CORPORA = ["allsides_dev.jsonl", "basil.jsonl", "ecbplus_dev.jsonl", "newswcl50.jsonl"]
SHIFT_DAYS = 120
BATCH = 5000


def load_seed(shared: Path) -> list[dict]:
    rows = []
    for name in CORPORA:
        for line in (shared / "data" / "corpora" / name).read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            try:
                pub = datetime.fromisoformat((a.get("published") or "2021-05-01T12:00:00").replace("Z", "+00:00"))
            except ValueError:
                pub = datetime(2021, 5, 1, 12)
            rows.append(dict(id=a["id"], outlet=a.get("outlet") or "unknown", title=a.get("title") or "",
                             text=a.get("text") or "", url=a.get("url"), published=pub.replace(tzinfo=None),
                             event=f"{name}:{a.get('gold_event')}"))
    return rows


def build(db: str, size: int, seed: list[dict]) -> tuple[st.Store, float]:
    """Replicate the seed rows with shifted dates until `size` articles are stored."""
    store = st.Store(db)
    t0 = time.perf_counter()
    outlets = sorted({r["outlet"] for r in seed})
    with store.engine.begin() as c:
        c.execute(st.outlets.insert(), [dict(name=o, groups="[]") for o in outlets])
    n, rep = 0, 0
    while n < size:
        shift = timedelta(days=SHIFT_DAYS * rep)
        arts, evs, qs = [], {}, []
        for r in seed:
            if n >= size:
                break
            aid, eid = f"r{rep}-{r['id']}", f"e{rep}-{hash(r['event']) & 0xffffffffff:x}"
            pub = r["published"] - shift
            arts.append(dict(id=aid, outlet=r["outlet"], title=r["title"], text=r["text"], summary=r["text"][:300],
                             url=f"https://{r['outlet'].lower().replace(' ', '')}.example/{rep}/{r['id']}",
                             guid=None, feed_url=None, author=None, categories="[]", language="en", published=pub,
                             date_source="feed", date_flag=None, first_seen=pub, text_status="ok", text_error=None,
                             text_length=len(r["text"]), origin="import", event_id=eid))
            e = evs.setdefault(eid, dict(id=eid, label=r["title"][:80], terms="[]", topics='["politics"]',
                                         first_published=pub, last_published=pub, n_articles=0, n_outlets=0,
                                         n_reprints=0, n_original_outlets=0, updated=pub, _o=set()))
            e["n_articles"] += 1
            e["_o"].add(r["outlet"])
            e["first_published"], e["last_published"] = min(e["first_published"], pub), max(e["last_published"], pub)
            if n % 5 == 0:
                qs.append(dict(article_id=aid, n=0, quote="We will not back down.", quote_start=0, quote_end=10,
                               kind="direct", cue="said", speaker="the minister", canonical_speaker="the minister",
                               speaker_start=0, speaker_end=5, speaker_type="person", speaker_role=None))
            n += 1
        for e in evs.values():
            e["n_outlets"] = e["n_original_outlets"] = len(e.pop("_o"))
        with store.engine.begin() as c:
            for i in range(0, len(arts), BATCH):
                c.execute(st.articles.insert(), arts[i:i + BATCH])
            c.execute(st.events.insert(), list(evs.values()))
            if qs:
                c.execute(st.quotes.insert(), qs)
        rep += 1
        print(f"\r  building {size:,}: {n:,} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if store.dialect == "sqlite":
        with store.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")
    else:
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE")
    return store, time.perf_counter() - t0


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(store: st.Store, catalog) -> dict[str, float]:
    lo, hi = store.date_bounds()
    full = dict(start=lo, end=hi + timedelta(days=1))
    month = dict(start=hi - timedelta(days=30), end=hi + timedelta(days=1))
    top = list(store.events_df(limit=200, **full)["id"])
    out = {
        "events_df (top 1000, all dates)": timed(lambda: store.events_df(**full)),
        "events_df (30 days)": timed(lambda: store.events_df(**month)),
        "event_outlets (200 events)": timed(lambda: store.event_outlets(top)),
        "attention (all dates)": timed(lambda: store.attention(**full)),
        "attention (30 days)": timed(lambda: store.attention(**month)),
        "daily_counts (all dates)": timed(lambda: store.daily_counts(**full)),
        "articles_df (newest 1000)": timed(lambda: store.articles_df(**full)),
        "count_filtered (all)": timed(lambda: store.count_filtered(**full)),
        "count_filtered (search)": timed(lambda: store.count_filtered(search="biden", **full)),
        "quotes_df (all dates)": timed(lambda: store.quotes_df(**full)),
        "event_times (all dates)": timed(lambda: store.event_times(**full)),
        "event_times (30 days)": timed(lambda: store.event_times(**month)),
    }
    t0 = time.perf_counter()
    s = run_ingest(store, catalog, Settings(allow_private=True))
    out[f"ingest fresh batch ({s.new_articles} articles)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    a = analyse_new(store)
    out[f"analyse_new on the batch ({a.articles})"] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,300000", help="comma-separated store sizes, e.g. 100000,1000000")
    ap.add_argument("--db", default="", help="a PostgreSQL URL to use instead of SQLite files (dropped and rebuilt)")
    ap.add_argument("--keep", default="", help="directory to keep the SQLite stores in (default: a temp dir)")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    shared = ROOT.parent / "shared"
    seed = load_seed(shared)
    proc, base = start_replay("--corpus", str(shared / "data/corpora/allsides_dev.jsonl"))
    tmp = Path(a.keep or tempfile.mkdtemp(prefix="framelens-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    results, builds, files = {}, {}, {}
    try:
        catalog = parse_catalog(urllib.request.urlopen(base + "/_catalog").read().decode(), "replay")
        for size in sizes:
            if a.db:
                eng = sa.create_engine(st.resolve_db(a.db))
                st.metadata.drop_all(eng)
                eng.dispose()
                db = a.db
            else:
                db = str(tmp / f"scale-{size}.sqlite")
                for suffix in ("", "-wal", "-shm"):
                    Path(db + suffix).unlink(missing_ok=True)
            # A fresh replay site per size, so the batch is new (no 304s) every time.
            proc.kill()
            proc.wait()
            proc, base = start_replay("--corpus", str(shared / "data/corpora/allsides_dev.jsonl"))
            catalog = parse_catalog(urllib.request.urlopen(base + "/_catalog").read().decode(), "replay")
            store, builds[size] = build(db, size, seed)
            results[size] = measure(store, catalog)
            if not a.db:
                files[size] = sum(p.stat().st_size for p in tmp.glob(f"scale-{size}.sqlite*")) / 1e6
            store.dispose()
            print(f"  {size:,}: built in {builds[size]:.0f} s", file=sys.stderr)
    finally:
        proc.kill()
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    backend = "PostgreSQL" if a.db else "SQLite (WAL)"
    print(f"\nstore scaling on {backend}, {os.cpu_count()} cores; seconds (best of 3 for queries)")
    head = f"{'operation':48s}" + "".join(f"{s:>12,}" for s in sizes) + (f"{'growth':>10s}" if len(sizes) > 1 else "")
    print(head)
    print("-" * len(head))
    print(f"{'build store (bulk insert)':48s}" + "".join(f"{builds[s]:12.1f}" for s in sizes))
    if files:
        print(f"{'store size on disk (MB)':48s}" + "".join(f"{files[s]:12.0f}" for s in sizes))
    names = list(results[sizes[0]])
    for i, name in enumerate(names):
        vals = [list(results[s].values())[i] for s in sizes]
        growth = f"{vals[-1] / vals[0]:9.1f}x" if len(sizes) > 1 and vals[0] > 0 else ""
        print(f"{name:48s}" + "".join(f"{v:12.3f}" for v in vals) + growth)
    if len(sizes) > 1:
        print(f"(store grew {sizes[-1] / sizes[0]:.0f}x; growth near that means linear in store size, near 1x flat)")


if __name__ == "__main__":
    main()
