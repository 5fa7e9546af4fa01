"""Quote extraction in worker processes (core.quote_pool): the same attributions as in-process, errors
that name their article, and a dead worker that costs no quotes."""
from __future__ import annotations

import json
import os
import signal

import pytest
from click.testing import CliRunner

from core import quote_pool
from core.cli import main
from core.config import Settings
from core.quotes import extract_quotes
from tests.conftest import shared_path


def polnear(n: int) -> list[dict]:
    """The first n distinct PolNeAR train articles."""
    out, seen = [], set()
    with shared_path("data", "attribution", "polnear_train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] not in seen:
                seen.add(rec["id"])
                out.append({k: rec[k] for k in ("id", "outlet", "title", "text")})
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="module")
def articles():
    return polnear(60)


@pytest.fixture(autouse=True, scope="module")
def stop_workers():
    yield
    quote_pool.shutdown()


def dicts(quotes):
    return [q.to_dict() for q in quotes]


def test_workers_give_the_in_process_attributions(articles):
    alone = extract_quotes(articles)
    shared = extract_quotes(articles, workers=2)
    assert len(alone) > 100
    assert dicts(shared) == dicts(alone)


def test_progress_counts_every_article_once(articles):
    seen = []
    extract_quotes(articles, workers=2, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert seen[-1] == ("quotes", len(articles), len(articles))
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)


def test_few_articles_stay_in_process(articles, monkeypatch):
    monkeypatch.setattr(quote_pool, "extract_in_workers", lambda *a, **k: pytest.fail("started workers"))
    few = articles[:Settings().quote_workers_min_articles - 1]
    assert dicts(extract_quotes(few, workers=2)) == dicts(extract_quotes(few))


def test_a_shard_error_reaches_the_caller(articles):
    # a text that is no string fails inside the worker; an unpicklable article (the test's first form) failed in
    # the pool's feeder thread, which under load could surface as a broken pool and be retried in-process
    bad = articles[:50] + [{"id": "bad", "text": 12345}]
    with pytest.raises(TypeError):
        extract_quotes(bad, workers=2)
    # the pool still serves the next call
    assert dicts(extract_quotes(articles, workers=2)) == dicts(extract_quotes(articles))


def test_a_killed_worker_costs_no_quotes(articles, monkeypatch):
    real = quote_pool._extract_shard
    monkeypatch.setattr(quote_pool, "_extract_shard", _die_on_first_shard)
    try:
        got = extract_quotes(articles, workers=2)
    finally:
        monkeypatch.setattr(quote_pool, "_extract_shard", real)
    assert quote_pool._pool is None              # the broken pool was dropped; the next call starts anew
    assert dicts(got) == dicts(extract_quotes(articles))


def _die_on_first_shard(shard, batch_size, settings):
    """A worker killed by the system (out of memory) while on the first shard."""
    if shard[0]["id"] == polnear(1)[0]["id"]:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_quotes(shard, batch_size=batch_size, settings=settings)


def test_resolve_workers():
    assert quote_pool.resolve_workers(3) == 3
    assert 1 <= quote_pool.resolve_workers(0) <= 4


def test_cli_quotes_with_workers_matches_in_process(tmp_path, articles, monkeypatch):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    outs = {}
    for n in ("1", "2"):
        monkeypatch.setenv("FRAMELENS_QUOTE_WORKERS", n)
        out = tmp_path / f"q{n}.jsonl"
        res = CliRunner().invoke(main, ["quotes", "--input", str(src), "--output", str(out)])
        assert res.exit_code == 0, res.output
        outs[n] = out.read_text(encoding="utf-8")
    assert outs["1"] and outs["1"] == outs["2"]


def test_bad_worker_setting_is_named(monkeypatch):
    monkeypatch.setenv("FRAMELENS_QUOTE_WORKERS", "many")
    with pytest.raises(ValueError, match="FRAMELENS_QUOTE_WORKERS"):
        Settings.from_env()


def test_ctrl_c_is_the_callers_and_is_not_lost(articles):
    # workers ignore SIGINT, which a terminal sends to the whole process group: a worker killed mid-shard
    # broke the pool, and its fallback finished the stage in-process as if nothing had happened
    extract_quotes(articles, workers=2)
    assert quote_pool._pool.submit(signal.getsignal, signal.SIGINT).result() == signal.SIG_IGN
    before = signal.getsignal(signal.SIGINT)
    watch = quote_pool._Sigint()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)        # the handler runs before the next line: it raises
            assert False, "Ctrl-C did not raise"
        with pytest.raises(KeyboardInterrupt):      # remembered, though the first raise may have been swallowed
            watch.check()
    finally:
        watch.restore()
    assert signal.getsignal(signal.SIGINT) is before
