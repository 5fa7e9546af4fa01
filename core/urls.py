"""URL hygiene: canonical article URLs and the rule about which hosts may be fetched."""
from __future__ import annotations

import ipaddress
import socket
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


def host_of(url: str) -> str:
    """The host part of a URL, for per-host limits."""
    return (urlsplit(url).hostname or "").lower()


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise BlockedURL unless the URL is http(s) on a public address (or private is allowed)."""
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise BlockedURL(f"malformed URL {url!r}: {e}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BlockedURL(f"scheme '{parts.scheme}' not allowed in {url!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise BlockedURL(f"no host in {url!r}")
    if allow_private:
        return
    for addr in _addresses(host):
        if not addr.is_global:
            raise BlockedURL(f"{host} resolves to non-public address {addr}; "
                             "use --allow-private or FRAMELENS_ALLOW_PRIVATE=1 to allow it")


def _addresses(host: str) -> list[ipaddress._BaseAddress]:
    """IP addresses a host name stands for (literal or resolved)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    if host.lower() in ("localhost",) or host.lower().endswith(".localhost"):
        return [ipaddress.ip_address("127.0.0.1")]
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        return []  # unresolvable: the fetch itself will fail with a clear DNS error
    return [ipaddress.ip_address(i[4][0].split("%")[0]) for i in infos]
