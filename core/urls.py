"""URL hygiene: canonical article URLs and the rule about which hosts may be fetched."""
from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Tracking parameters differ per click but name the same article; dropping them dedupes links.
TRACKING_PREFIXES = ("utm_", "mc_", "at_", "pk_")
TRACKING_KEYS = {"fbclid", "gclid", "ocid", "cmpid", "ito", "smid", "mod", "ref", "rss", "taid", "xtor", "CMP", "ns_mchannel",
                 "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "partner", "src", "fromrss", "maca"}


class BlockedURL(ValueError):
    """A URL framelens refuses to fetch (scheme or address not allowed)."""


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme/host, drop fragments, default ports and tracking parameters."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    port = parts.port if parts.port and parts.port not in (80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PREFIXES) and k not in TRACKING_KEYS]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(query), ""))


def same_page_key(url: str | None) -> str | None:
    """A key that two addresses of one page share: http and https, a trailing slash, and the AMP copy
    ("/amp/" or "/amp" in the path, ".amp", "?amp=1", "?outputType=amp", an "amp." host) are one page on a
    news site. None for a URL that is not http(s)."""
    url = canonical_url(url)
    if url is None:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = host[4:] if host.startswith("amp.") else host
    netloc = f"{host}:{parts.port}" if parts.port else host
    path = "/".join(seg for seg in parts.path.split("/") if seg.lower() != "amp")
    path = re.sub(r"\.amp(?=\.html?$|$)", "", path, flags=re.IGNORECASE).rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() != "amp" and not (k.lower() == "outputtype" and v.lower() == "amp")]
    return netloc + path + ("?" + urlencode(query) if query else "")


def same_page_urls(url: str) -> list[str]:
    """The canonical addresses a store may hold for the page at `url` (see same_page_key): http and https,
    with and without a trailing slash, of the address and of its non-AMP form."""
    key = same_page_key(url)
    if key is None:
        return []
    host, _, rest = key.partition("/")
    path, _, query = ("/" + rest).partition("?")
    out = []
    for scheme in ("https", "http"):
        for p in {path or "/", (path.rstrip("/") + "/") if path not in ("", "/") else "/"}:
            out.append(canonical_url(urlunsplit((scheme, host, p, query, ""))))
    return list(dict.fromkeys([u for u in out if u] + [canonical_url(url)]))


def host_of(url: str) -> str:
    """The host part of a URL, for per-host limits."""
    return (urlsplit(url).hostname or "").lower()


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise BlockedURL unless the URL is http(s) on a host whose every address is public (or private is
    allowed). A name that does not resolve is refused too: a guard must not pass what it cannot check.
    Blocking (it asks the system resolver); the fetcher resolves asynchronously with `Resolver`."""
    host = check_scheme(url)
    if allow_private:
        return
    fixed = fixed_address(host)
    try:
        addresses = [fixed] if fixed is not None else _lookup(host)
    except (OSError, UnicodeError) as e:
        raise BlockedURL(f"cannot resolve host {host}: {e}") from None
    check_addresses(host, addresses)


def check_scheme(url: str) -> str:
    """The URL's host, after checking that it is http(s) with a host (no DNS: safe in an event loop)."""
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise BlockedURL(f"malformed URL {url!r}: {e}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BlockedURL(f"scheme '{parts.scheme}' not allowed in {url!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise BlockedURL(f"no host in {url!r}")
    return host


def check_literal(url: str, allow_private: bool = False) -> str:
    """check_scheme, and a host spelled as an address (or localhost) checked too: everything that needs
    no DNS, so it runs on each redirect hop before any connection is made. Returns the host."""
    host = check_scheme(url)
    fixed = fixed_address(host)
    if not allow_private and fixed is not None:
        check_addresses(host, [fixed])
    return host


def check_addresses(host: str, addresses: list) -> None:
    """Raise BlockedURL if any address a host stands for is not public (every one is checked: a name
    answering one public and one private address could be connected to the private one)."""
    for addr in addresses:
        if not is_public(addr):
            raise BlockedURL(f"{host} resolves to non-public address {addr}; "
                             "use --allow-private or FRAMELENS_ALLOW_PRIVATE=1 to allow it")


# IPv6 forms that carry an IPv4 address inside: NAT64 (RFC 6052, RFC 8215); 6to4 and IPv4-mapped have
# their own properties in ipaddress.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def is_public(addr) -> bool:
    """Whether an address is on the public internet: not private, loopback, link- or site-local,
    multicast, reserved or unspecified, and not an IPv6 wrapping of such an IPv4 address."""
    if addr.version == 6:
        inner = addr.ipv4_mapped or addr.sixtofour
        if inner is None and any(addr in net for net in _NAT64):
            inner = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
        if addr.is_site_local:
            return False
    return addr.is_global and not (addr.is_multicast or addr.is_reserved or addr.is_unspecified
                                   or addr.is_link_local or addr.is_loopback or addr.is_private)


def literal_address(host: str):
    """The IP address a host part spells out literally (IPv4 in any form inet_aton takes, IPv6), or None."""
    h = host.strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(h)
    except ValueError:
        pass
    # "2130706433", "0x7f.1" and "127.1" are 127.0.0.1 to the system resolver.
    if h and all(c in "0123456789abcdefxABCDEFX." for c in h) and any(c.isdigit() for c in h):
        try:
            return ipaddress.ip_address(socket.inet_aton(h))
        except OSError:
            return None
    return None


def fixed_address(host: str):
    """The address a host stands for without asking DNS: a literal one, or loopback for localhost names
    (which RFC 6761 reserves for it); None for any other name."""
    literal = literal_address(host)
    if literal is not None:
        return literal
    h = host.lower().rstrip(".")
    return ipaddress.ip_address("127.0.0.1") if h == "localhost" or h.endswith(".localhost") else None


def _lookup(host: str) -> list:
    """Every address the system resolver gives for a name (blocking)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(i[4][0].split("%")[0]) for i in infos]


class Unresolvable(OSError):
    """A host name that did not resolve (or not within the deadline)."""


class Resolver:
    """Resolve each host once per run, off the event loop and within a deadline, and check every address.

    The fetcher connects to the addresses checked here and nowhere else, so a name that answers a public
    address to the check and a private one to the connection (DNS rebinding) cannot reach the private one.
    """

    def __init__(self, allow_private: bool = False, timeout: float = 10.0, workers: int = 16):
        self.allow_private, self.timeout = allow_private, timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="framelens-dns")
        self._answers: dict[str, asyncio.Future] = {}

    async def addresses(self, host: str) -> list[str]:
        """The checked addresses of a host, as strings to connect to; BlockedURL or Unresolvable otherwise."""
        key = host.lower().rstrip(".")
        fut = self._answers.get(key)
        if fut is None:   # one lookup per host per run, shared by every request that waits for it
            fut = self._answers[key] = asyncio.ensure_future(self._resolve(key))
        return list(await asyncio.shield(fut))

    async def _resolve(self, host: str) -> list[str]:
        fixed = fixed_address(host)
        if fixed is not None:
            found = [fixed]
        else:
            loop = asyncio.get_running_loop()
            try:
                found = await asyncio.wait_for(loop.run_in_executor(self._pool, _lookup, host), self.timeout)
            except asyncio.TimeoutError:
                raise Unresolvable(f"cannot resolve host {host}: no answer within {self.timeout:g}s") from None
            except (OSError, UnicodeError) as e:
                raise Unresolvable(f"cannot resolve host {host}: {e}") from None
            if not found:
                raise Unresolvable(f"cannot resolve host {host}: no address")
        if not self.allow_private:
            check_addresses(host, found)
        return [str(a) for a in dict.fromkeys(found)]

    def close(self) -> None:
        # A lookup stuck in the system resolver is not waited for: its answer is no longer wanted.
        self._pool.shutdown(wait=False, cancel_futures=True)
