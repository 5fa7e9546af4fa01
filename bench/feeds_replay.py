"""Ingest of the 26 real feeds in ../shared/data/feeds, whose article links point at the real web.

    python bench/feeds_replay.py [--feeds ../shared/data/feeds]

Here the article hosts cannot be reached, which is what an outlet's outage or a blocked network looks
like to an operator: every page fails. framelens remembers per run which hosts could not be resolved
or connected to, skips their other pages (keeping each item's summary and the reason), and stores each
feed's items as soon as its pages are settled. Prints the time until every item is stored (target:
under 90 s) and when the first feed's items landed.

    --hang   every article host resolves, and every connection to it hangs until the timeout: the
             worst case (no DNS answer fails at once; on this machine names do not resolve at all)
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["FRAMELENS_ALLOW_PRIVATE"] = "1"   # the replay site is on 127.0.0.1

from core.catalog import parse_catalog  # noqa: E402
from core.config import Settings  # noqa: E402
from core.ingest import run_ingest  # noqa: E402
from core.store import Store  # noqa: E402
from tests.conftest import start_replay  # noqa: E402


def hang_connections() -> None:
    """Every name resolves to an address of TEST-NET-2, and each connection to it hangs until the
    connect timeout (simulated in the network backend, so nothing leaves this machine)."""
    import ipaddress

    import httpcore
    from core import urls
    blackhole = ipaddress.ip_address("198.51.100.7")
    urls._lookup = lambda host: [blackhole]
    connect = httpcore.AnyIOBackend.connect_tcp

    async def hanging(self, host, port, timeout=None, **kw):
        if host == str(blackhole):
            import anyio
            await anyio.sleep(timeout or 10)
            raise httpcore.ConnectTimeout(f"connecting to {host}:{port} timed out")
        return await connect(self, host, port, timeout=timeout, **kw)
    httpcore.AnyIOBackend.connect_tcp = hanging


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", default=str(ROOT.parent / "shared/data/feeds"))
    ap.add_argument("--hang", action="store_true", help="article hosts resolve, and connecting to them hangs")
    a = ap.parse_args()
    if a.hang:
        hang_connections()
    proc, base = start_replay("--feeds", a.feeds)
    stored_at: list[float] = []
    try:
        catalog = parse_catalog(urllib.request.urlopen(base + "/_catalog").read().decode(), "replay catalog")
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(str(Path(tmp) / "bench.sqlite"))
            t0 = time.perf_counter()
            summary = run_ingest(store, catalog, Settings.from_env(),
                                 on_new=lambda items: stored_at.append(time.perf_counter() - t0))
            arts = store.articles_df(limit=None)
    finally:
        proc.kill()
    reasons = Counter(str(e).split(":", 1)[0] for e in arts["text_error"].dropna())
    how = "every connection to them hangs until the timeout" if a.hang else "as this machine reaches them"
    print(f"replay site: {len(catalog)} feeds from {a.feeds}; article links on the real web ({how}); "
          f"{os.cpu_count()} cores")
    print(f"feeds ok {summary.feeds_ok}, failed {summary.feeds_failed}; items stored {len(arts)} "
          f"({(arts['text_status'] == 'ok').sum()} with page text, {summary.pages_failed} kept as their summary)")
    print("why pages were not fetched: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    if stored_at:
        print(f"first feed's items stored after {min(stored_at):.1f} s; the last feed's after {max(stored_at):.1f} s")
    print(f"all {len(arts)} items stored in {summary.seconds:.1f} s  (target: under 90 s)")


if __name__ == "__main__":
    main()
