"""Fetcher concurrency: every host gets its share of the run's slots, and a probed host goes concurrent."""
from __future__ import annotations

import asyncio

from core.config import Settings
from core.fetch import Fetcher


def fetch_all(urls: list[str], warm: list[str] = (), **kw) -> list:
    """Fetch `warm` one by one, then all of `urls` at once."""
    async def go():
        async with Fetcher(Settings(allow_private=True, retries=0, **kw)) as f:
            for u in warm:
                await f.get(u)
            return await asyncio.gather(*(f.get(u) for u in urls))
    return asyncio.run(go())


def test_requests_queued_behind_a_hosts_first_answer_then_go_concurrently(site):
    # Before a host has answered, its requests wait for the first one (a dead host costs one timeout);
    # after it has, the ones already queued must use all the host's slots, not go one at a time.
    urls = [site.add(f"/p{i}", "<html>page</html>", content_type="text/html", delay=0.2) for i in range(12)]
    responses = fetch_all(urls, per_host=4, concurrency=32)
    assert all(r.ok for r in responses)
    assert site.max_in_flight == 4


def test_a_hosts_queue_does_not_hold_the_other_hosts_slots(site):
    # Two host names for one server: 127.0.0.1 and localhost. Twelve pages of the first are queued
    # ahead of one page of the second; the second must not wait behind the first's queue.
    a = [site.add(f"/a{i}", "a", content_type="text/html", delay=0.3) for i in range(12)]
    b = site.add("/b", "b", content_type="text/html", delay=0.3).replace("127.0.0.1", "localhost")
    warm = [site.add("/warm", "w", content_type="text/html"), b.replace("/b", "/warm")]
    responses = fetch_all(a + [b], warm=warm, per_host=2, concurrency=8)
    assert all(r.ok for r in responses)
    order = [p for p in site.arrivals if p != "/warm"]
    assert order.index("/b") < 4, order   # served in the first wave, beside the first host's two
