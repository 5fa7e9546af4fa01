"""Polite concurrent HTTP: per-host limits, timeouts, size caps, retries, conditional GET."""
from __future__ import annotations

import asyncio
import random
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from .config import USER_AGENT, Settings
from .urls import BlockedURL, check_url, host_of

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


class TooLarge(Exception):
    """Body exceeded the size cap."""


class Fetcher:
    """Fetch many URLs concurrently, bounded overall and per host."""

    def __init__(self, settings: Settings | None = None, client: httpx.AsyncClient | None = None):
        self.s = settings or Settings()
        self._client = client
        self._total = asyncio.Semaphore(self.s.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> "Fetcher":
        if self._client is None:
            limits = httpx.Limits(max_connections=self.s.concurrency, max_keepalive_connections=self.s.concurrency)
            self._client = httpx.AsyncClient(
                timeout=httpx.Timeout(self.s.timeout), limits=limits, follow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}, trust_env=False)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()

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
        resp = Response(url=url)
        delay = self.s.backoff
        for attempt in range(self.s.retries + 1):
            resp = await self._get_once(url, headers)
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

    async def _get_once(self, url: str, headers: dict) -> Response:
        """One attempt, following redirects by hand so each hop is checked."""
        start = time.perf_counter()
        resp = Response(url=url)
        current = url
        try:
            async with self._total, self._host_sem(url):
                for _ in range(MAX_REDIRECTS + 1):
                    check_url(current, self.s.allow_private)
                    # A read timeout resets on every chunk, so a feed that trickles bytes
                    # forever needs an overall deadline as well.
                    status, hdrs, body = await asyncio.wait_for(
                        self._stream(current, headers), timeout=self.s.timeout * 3)
                    if status in (301, 302, 303, 307, 308) and "location" in hdrs:
                        current = urljoin(current, hdrs["location"])
                        continue
                    break
                else:
                    raise httpx.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")
            resp.final_url, resp.status, resp.headers, resp.body = current, status, hdrs, body
            if status >= 500:
                resp.error = f"server error: HTTP {status}"
            elif status >= 400:
                resp.error = f"HTTP {status}"
        except BlockedURL as e:
            resp.error = f"blocked: {e}"
        except TooLarge:
            resp.error = f"too large: body over {self.s.max_bytes:,} bytes"
        except (asyncio.TimeoutError, httpx.TimeoutException):
            resp.error = f"timeout: no complete answer within {self.s.timeout:g}s"
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
