"""Quote extraction on several CPU cores, for the command line's batch commands.

The parse is single-threaded (see core.nlp), so on a machine with n cores n worker processes each
extract a shard of the articles. Workers start from a fresh interpreter (multiprocessing's forkserver),
not as a fork of the caller: a fork of a process that holds threads (the fetcher's, a web server's) can
deadlock on a lock one of them held. Each worker loads the parser once and lives as long as the caller,
so `framelens ingest --every` pays the start-up once. The dashboard never uses this: it extracts
in-process (core.analyse's default), as a Streamlit server must not grow child processes per upload.

Ctrl-C is the caller's alone: workers ignore SIGINT (a terminal sends it to the whole process group, and a worker
killed mid-shard broke the pool, whose fallback then extracted the rest in-process as if nothing had happened), and
the caller remembers it was interrupted even when Python swallows the KeyboardInterrupt in a weakref callback
("Exception ignored in WeakSet._remove"), so the command stops with "Aborted!" instead of finishing the stage.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def resolve_workers(setting: int) -> int:
    """Worker processes for the quote_workers setting: 0 means one per usable core, at most 4."""
    if setting > 0:
        return setting
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:                 # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def cli_workers() -> int:
    """Workers the command line uses: the quote_workers setting (FRAMELENS_QUOTE_WORKERS), resolved."""
    from core.config import Settings
    return resolve_workers(Settings.from_env().quote_workers)


def _start_worker() -> None:
    """Load the parser once per worker, before its first shard; Ctrl-C is for the caller to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from core.nlp import load_nlp
    from core.quotes import PARSE_DISABLE
    load_nlp(PARSE_DISABLE)


def _extract_shard(shard: list, batch_size: int, settings) -> list:
    """One shard's quotes, in a worker."""
    from core.quotes import extract_quotes
    return extract_quotes(shard, batch_size=batch_size, settings=settings)


def _get_pool(workers: int) -> ProcessPoolExecutor:
    """The process's pool of `workers` workers, started on first use."""
    global _pool, _pool_size
    if _pool is None or _pool_size != workers:
        shutdown()
        _pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                                    mp_context=multiprocessing.get_context("forkserver"))
        _pool_size = workers
    return _pool


def shutdown() -> None:
    """Stop the workers (also at exit)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_size = None, 0


atexit.register(shutdown)


def shard(articles: list, workers: int) -> list[list]:
    """Contiguous shards, several per worker so a slow one does not hold the others idle at the end,
    and big enough that each batches its parses well. Contiguous, so a reprint meets its original's
    sentences in the same worker's parse cache."""
    size = max(8, min(64, -(-len(articles) // (workers * 4))))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def extract_in_workers(articles: list, workers: int, batch_size: int, settings, report) -> list:
    """Quotes of the articles, in order, extracted by `workers` processes; report("quotes", done, total)
    as shards finish. A shard that raises raises here (the caller isolates the article at fault); if a
    worker dies (killed, out of memory) the unfinished shards are extracted in this process instead."""
    from core.quotes import extract_quotes
    shards = shard(articles, workers)
    results: list[list | None] = [None] * len(shards)
    done, futures = 0, {}
    report("quotes", 0, len(articles))
    interrupted = _Sigint()
    try:
        pool = _get_pool(workers)
        futures = {pool.submit(_extract_shard, s, batch_size, settings): i for i, s in enumerate(shards)}
        for fut in as_completed(futures):
            interrupted.check()
            i = futures[fut]
            results[i] = fut.result()
            done += len(shards[i])
            report("quotes", done, len(articles))
        interrupted.check()
    except BrokenProcessPool:
        for fut in futures:
            fut.cancel()
        shutdown()
        for i, s in enumerate(shards):
            interrupted.check()
            if results[i] is None:
                results[i] = extract_quotes(s, batch_size=batch_size, settings=settings)
                done += len(s)
                report("quotes", done, len(articles))
    except BaseException:                  # a shard's error (or ^C): the queued shards are not wanted
        for fut in futures:
            fut.cancel()
        raise
    finally:
        interrupted.restore()
    return [q for r in results for q in r]


class _Sigint:
    """Ctrl-C while workers run: raised at once, and remembered in case Python swallowed the raise."""

    def __init__(self) -> None:
        self.seen = threading.Event()
        self.old = None
        if threading.current_thread() is threading.main_thread():    # signal handlers live in the main thread
            self.old = signal.signal(signal.SIGINT, self._on_sigint)

    def _on_sigint(self, signum, frame) -> None:
        self.seen.set()
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C came, even if its first raise was lost."""
        if self.seen.is_set():
            raise KeyboardInterrupt

    def restore(self) -> None:
        """Give SIGINT back to the handler it had."""
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
            self.old = None

