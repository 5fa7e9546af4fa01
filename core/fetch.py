"""Polite concurrent HTTP: per-host limits, timeouts, size caps, retries, conditional GET."""
from __future__ import annotations

import asyncio
import random
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpcore
import httpx

from .config import USER_AGENT, Settings
from .urls import BlockedURL, Resolver, Unresolvable, check_literal, host_of

MAX_REDIRECTS = 5
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    """Outcome of one fetch: a body, a 304, or an error saying what went wrong."""

    url: str
    final_url: str | None = None
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    latency_ms: float = 0.0
    error: str | None = None
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def valid_validator(value: str | None) -> str | None:
    """An ETag or Last-Modified value that can be sent back as a header (visible ASCII, bounded), else None."""
    if not value or len(value) > 512 or not all(" " <= ch <= "~" for ch in value):
        return None
    return value


def _host(url: str) -> str:
    """A URL's host as the per-run memory keys it."""
    return host_of(url).rstrip(".")


class TooLarge(Exception):
    """Body exceeded the size cap."""


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the addresses the resolver checked, never to whatever the name resolves to later.

    httpcore still hands the original host name to TLS (server name and certificate check) and httpx
    sends it as the Host header; only the TCP connection goes to the checked address.
    """

    def __init__(self, resolver: Resolver, on_unreachable):
        self.resolver, self.on_unreachable = resolver, on_unreachable
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options=None) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self.resolver.addresses(host)
        except Unresolvable as e:
            self.on_unreachable(host, str(e))
            raise
        error: Exception | None = None
        for addr in addresses:   # every address was checked; the first that answers is used
            try:
                return await self.inner.connect_tcp(addr, port, timeout=timeout, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                error = e
        assert error is not None
        raise error

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise BlockedURL("Unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a connection pool that connects through _PinnedBackend."""

    def __init__(self, backend: _PinnedBackend, limits: httpx.Limits):
        # httpx 0.28 takes no network backend: the pool its transport would make is made here, with ours
        # (super().__init__ would build one, and an SSL context, only to be thrown away).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend)


class Fetcher:
    """Fetch many URLs concurrently, bounded overall and per host, each host resolved and checked once."""

    def __init__(self, settings: Settings | None = None, client: httpx.AsyncClient | None = None):
        self.s = settings or Settings()
        self._client = client
        self._total = asyncio.Semaphore(self.s.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self.resolver = Resolver(self.s.allow_private, timeout=self.s.timeout)
        # Hosts that could not be resolved or connected to in this run, with the reason: their other
        # URLs are not tried again (each would pay the same timeouts and retries).
        self.unreachable: dict[str, str] = {}
        self.answered: set[str] = set()   # hosts that sent any HTTP answer this run
        self._probes: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> "Fetcher":
        if self._client is None:
            limits = httpx.Limits(max_connections=self.s.concurrency, max_keepalive_connections=self.s.concurrency)
            transport = _PinnedTransport(_PinnedBackend(self.resolver, self._mark_unreachable), limits)
            self._client = httpx.AsyncClient(
                timeout=httpx.Timeout(self.s.timeout), transport=transport, follow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}, trust_env=False)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()
        self.resolver.close()

    def _mark_unreachable(self, host: str, reason: str) -> None:
        """Remember a host that failed to resolve, connect or answer, unless it has answered this run: then
        only the URL at hand is to blame (a busy server, one slow page), not the host."""
        host = host.lower().rstrip(".")
        if host not in self.answered:
            self.unreachable.setdefault(host, reason)

    def _skip(self, url: str) -> str | None:
        """Why a URL is not tried: its host was unreachable earlier in this run (None when it was not)."""
        reason = self.unreachable.get(_host(url))
        return f"skipped: {host_of(url)} could not be reached earlier in this run ({reason})" if reason else None

    def _host_sem(self, url: str) -> asyncio.Semaphore:
        host = host_of(url)
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.s.per_host)
        return self._hosts[host]

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
                  accept: str = "*/*") -> Response:
        """GET with retries and back-off; never raises, errors are in Response.error."""
        headers = {"Accept": accept}
        # A stored validator that cannot go out as a header would fail every request for this URL.
        if valid_validator(etag):
            headers["If-None-Match"] = etag
        if valid_validator(last_modified):
            headers["If-Modified-Since"] = last_modified
        host = _host(url)
        if host in self.answered:
            return await self._with_retries(url, headers)
        # Until a host has answered once, its requests go one at a time, each with all its retries: a
        # host that does not answer costs one request's timeouts, not one per page, and holds one slot.
        # Once it has answered, the requests queued behind the probe go concurrently again.
        async with self._probes.setdefault(host, asyncio.Lock()):
            if host not in self.answered:
                return await self._with_retries(url, headers)
        return await self._with_retries(url, headers)

    async def _with_retries(self, url: str, headers: dict) -> Response:
        """Attempts, with jittered exponential back-off between them, until one needs no retry."""
        resp = Response(url=url)
        delay = self.s.backoff
        for attempt in range(self.s.retries + 1):
            resp = await self._attempt(url, headers, retry=attempt > 0)
            resp.attempts = attempt + 1
            if not self._should_retry(resp) or attempt == self.s.retries:
                break
            # Jitter so that many feeds failing together don't retry in lockstep.
            await asyncio.sleep(delay * (0.5 + random.random()))
            delay *= 2
        return resp

    @staticmethod
    def _should_retry(resp: Response) -> bool:
        """Transient failures are retried; 4xx, blocked URLs and oversize bodies are not."""
        if resp.error:
            return resp.error.startswith(("timeout", "connection error", "server error", "stalled"))
        return resp.status in RETRY_STATUSES

    async def _attempt(self, url: str, headers: dict, retry: bool = False) -> Response:
        """One attempt, following redirects by hand so each hop is checked.

        A host that cannot be resolved, connected to or answer, and has not answered anything this run,
        is remembered as unreachable: the other URLs on it are skipped rather than each waiting out the
        same timeouts, while the request that found it so still makes its retries (`retry`), and one that
        gets an answer clears it.
        """
        start = time.perf_counter()
        resp = Response(url=url)
        current = url
        try:
            # The host's slot first: a request waiting for its host must not hold one of the run's slots
            # (a hundred pages of one outlet queued ahead would leave the other outlets idle).
            async with self._host_sem(url), self._total:
                for _ in range(MAX_REDIRECTS + 1):
                    # Names are resolved and their addresses checked as the connection is made.
                    check_literal(current, self.s.allow_private)
                    skip = None if retry else self._skip(current)
                    if skip:
                        resp.error = skip
                        break
                    # A read timeout resets on every chunk, so a feed that trickles bytes
                    # forever needs an overall deadline as well (a scope, not wait_for: no task per request).
                    async with asyncio.timeout(self.s.timeout * 3):
                        status, hdrs, body = await self._stream(current, headers)
                    if status in (301, 302, 303, 307, 308) and "location" in hdrs:
                        current = urljoin(current, hdrs["location"])
                        continue
                    break
                else:
                    raise httpx.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")
            if resp.error:
                resp.latency_ms = (time.perf_counter() - start) * 1000
                return resp
            resp.final_url, resp.status, resp.headers, resp.body = current, status, hdrs, body
            if status >= 500:
                resp.error = f"server error: HTTP {status}"
            elif status >= 400:
                resp.error = f"HTTP {status}"
        except BlockedURL as e:
            resp.error = f"blocked: {e}"
        except Unresolvable as e:
            resp.error = f"unreachable: {e}"
        except TooLarge:
            resp.error = f"too large: body over {self.s.max_bytes:,} bytes"
        except (httpx.ConnectError, httpx.ConnectTimeout) as e:
            resp.error = (f"timeout: could not connect within {self.s.timeout:g}s" if isinstance(e, httpx.ConnectTimeout)
                          else f"connection error: {type(e).__name__}: {e}".rstrip(": "))
            self._mark_unreachable(host_of(current), resp.error)
        except (asyncio.TimeoutError, httpx.TimeoutException):
            resp.error = f"timeout: no complete answer within {self.s.timeout:g}s"
            self._mark_unreachable(host_of(current), f"timeout: no answer within {self.s.timeout:g}s")
        except httpx.TooManyRedirects as e:
            resp.error = f"redirect loop: {e}"
        except httpx.DecodingError as e:
            resp.error = f"bad encoding: {e}"
        except (httpx.TransportError, OSError) as e:
            resp.error = f"connection error: {type(e).__name__}: {e}".rstrip(": ")
        except Exception as e:  # noqa: BLE001 - one bad URL must never stop a run
            resp.error = f"fetch failed: {type(e).__name__}: {e}"
        resp.latency_ms = (time.perf_counter() - start) * 1000
        return resp

    async def _stream(self, url: str, headers: dict) -> tuple[int, dict, bytes]:
        """Read a body chunk by chunk so a huge or decompression-bomb response is cut off early."""
        async with self._client.stream("GET", url, headers=headers) as r:
            self.answered.add(_host(url))
            self.unreachable.pop(_host(url), None)
            hdrs = {k.lower(): v for k, v in r.headers.items()}
            declared = hdrs.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.s.max_bytes:
                raise TooLarge()
            encoding = hdrs.get("content-encoding", "").strip().lower()
            if encoding in ("gzip", "x-gzip", "deflate"):
                return r.status_code, hdrs, await self._inflate(r, encoding)
            chunks, size = [], 0
            async for chunk in r.aiter_bytes():
                size += len(chunk)
                if size > self.s.max_bytes:
                    raise TooLarge()
                chunks.append(chunk)
            return r.status_code, hdrs, b"".join(chunks)

    async def _inflate(self, r: httpx.Response, encoding: str) -> bytes:
        """Decompress by hand with a bounded output per chunk: httpx would inflate a 64 KB chunk of a
        gzip bomb to 64 MB before the size check sees it; here no more than the cap is ever produced."""
        wbits = zlib.MAX_WBITS | 16 if encoding != "deflate" else zlib.MAX_WBITS
        d, chunks, size, first = zlib.decompressobj(wbits), [], 0, True
        try:
            async for raw in r.aiter_raw():
                if first and encoding == "deflate" and raw:
                    first = False
                    try:  # "deflate" is zlib-wrapped by the standard, raw deflate by some servers
                        zlib.decompressobj(wbits).decompress(raw[:64], 1)
                    except zlib.error:
                        d = zlib.decompressobj(-zlib.MAX_WBITS)
                data = d.decompress(raw, self.s.max_bytes - size + 1)
                size += len(data)
                if size > self.s.max_bytes or d.unconsumed_tail:
                    raise TooLarge()
                chunks.append(data)
                if d.eof:
                    break
        except zlib.error as e:
            raise httpx.DecodingError(f"{encoding}: {e}") from None
        return b"".join(chunks)
