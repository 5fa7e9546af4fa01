"""The outlet catalog: which outlets exist, their feeds, and the labels users filter by."""
from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

OWNERSHIP = ("state", "public", "private", "nonprofit")
DEFAULT_CATALOG = "outlets.toml"
MAX_NAME = 200     # the store's outlet columns hold 200 characters
MAX_URL = 2_000    # and its feed URL column 2,000
_WEB_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)   # "HTTPS://" is as good a scheme as "https://"
KEYS = ("name", "feeds", "homepage", "country", "language", "ownership", "groups")
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\x00-\x1f\x7f-\x9f]")


class CatalogError(ValueError):
    """A catalog file that can't be used, with the file, line and field at fault."""

    def __init__(self, path: str, line: int | None, field_name: str | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        what = f"field '{field_name}': " if field_name else ""
        super().__init__(f"{where}: {what}{message}")
        self.path, self.line, self.field, self.message = path, line, field_name, message


@dataclass
class Outlet:
    """One news outlet and its feeds."""

    name: str
    feeds: list[str]
    homepage: str | None = None
    country: str | None = None
    language: str | None = None
    ownership: str | None = None
    groups: list[str] = field(default_factory=list)


def default_catalog_path() -> Path:
    """Path of the packaged catalog."""
    return Path(str(resources.files("core") / "data" / DEFAULT_CATALOG))


def load_catalog(path: str | Path | None = None) -> list[Outlet]:
    """Read and validate a catalog TOML file (the packaged one by default)."""
    path = Path(path) if path else default_catalog_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogError(str(path), None, None, f"cannot be read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise CatalogError(str(path), None, None, "is not UTF-8 text") from None
    return parse_catalog(raw, str(path))


def parse_catalog(raw: str, path: str = "<catalog>") -> list[Outlet]:
    """Validate catalog text; every problem names the file, line and field."""
    try:
        doc = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        line = getattr(e, "lineno", None) or _line_from_message(str(e))
        raise CatalogError(path, line, None, f"is not valid TOML: {getattr(e, 'msg', e)}") from None
    except RecursionError:
        raise CatalogError(path, None, None, "is nested too deeply to read (arrays or tables inside one "
                                             "another thousands of levels deep)") from None
    lines = raw.splitlines()
    blocks = _block_lines(lines)
    outlets = doc.get("outlet")
    if not isinstance(outlets, list) or not outlets:
        raise CatalogError(path, None, "outlet", "no [[outlet]] tables found")
    seen: dict[str, int] = {}
    feed_owner: dict[str, tuple[str, int]] = {}
    result = []
    for i, entry in enumerate(outlets):
        start, end = blocks[i] if i < len(blocks) else (None, None)
        line_of = lambda key: _field_line(lines, start, end, key)  # noqa: E731
        if not isinstance(entry, dict):
            raise CatalogError(path, start, "outlet", "each [[outlet]] must be a table with name and feeds")
        result.append(_validate_outlet(entry, path, start, line_of))
        name = result[-1].name.casefold()
        if name in seen:
            raise CatalogError(path, line_of("name"), "name",
                               f"duplicate outlet name '{result[-1].name}' (first at line {seen[name]})")
        seen[name] = line_of("name") or 0
        # A feed's items are one outlet's articles (its id hashes the outlet): under two outlets it would
        # be stored twice, counted as two outlets' coverage, and its health would flip between them.
        for f in result[-1].feeds:
            if f in feed_owner and feed_owner[f][0] != result[-1].name:
                other, at = feed_owner[f]
                raise CatalogError(path, line_of("feeds"), "feeds", f"outlet '{result[-1].name}': feed '{f}' is "
                                                                    f"also listed under outlet '{other}' (line {at})")
            feed_owner.setdefault(f, (result[-1].name, line_of("feeds") or 0))
    return result


def _validate_outlet(entry: dict, path: str, start: int | None, line_of) -> Outlet:
    """Check one [[outlet]] table."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogError(path, line_of("name") or start, "name", "is required and must be a non-empty string")
    if len(name) > MAX_NAME:
        raise CatalogError(path, line_of("name"), "name", f"is {len(name):,} characters long (at most {MAX_NAME})")
    hidden = _INVISIBLE.search(name)
    if hidden:
        # a right-to-left override or zero-width space makes one outlet's name look like another's
        raise CatalogError(path, line_of("name"), "name", f"'{_INVISIBLE.sub('', name)}' contains an invisible "
                                                          f"formatting or control character (U+{ord(hidden.group()):04X} "
                                                          f"at position {hidden.start() + 1})")
    unknown = sorted(set(entry) - set(KEYS))
    if unknown:
        # a misspelt key ("ownershp") would silently drop the label it was meant to set
        hint = difflib.get_close_matches(unknown[0], KEYS, n=1)
        raise CatalogError(path, line_of(unknown[0]), unknown[0], f"outlet '{name}': unknown key" +
                           (f" (did you mean '{hint[0]}'?)" if hint else f"; the keys are {', '.join(KEYS)}"))
    feeds = entry.get("feeds")
    if not isinstance(feeds, list) or not feeds or not all(isinstance(f, str) for f in feeds):
        raise CatalogError(path, line_of("feeds") or start, "feeds",
                           f"outlet '{name}': must be a non-empty list of URL strings")
    for f in feeds:
        if not _WEB_URL.match(f) or re.search(r"\s", f.strip()):
            raise CatalogError(path, line_of("feeds"), "feeds", f"outlet '{name}': '{f[:200]}' is not an http(s) URL")
        if len(f.encode("utf-8")) > MAX_URL:
            raise CatalogError(path, line_of("feeds"), "feeds", f"outlet '{name}': a feed URL is longer than "
                                                                f"{MAX_URL:,} bytes")
    try:
        feeds = [_normal_url(f) for f in feeds]
    except ValueError as e:
        raise CatalogError(path, line_of("feeds"), "feeds", f"outlet '{name}': a feed URL is malformed ({e})") from None
    for key in ("homepage", "country", "language", "ownership"):
        if key in entry and not isinstance(entry[key], str):
            raise CatalogError(path, line_of(key), key, f"outlet '{name}': must be a string")
    # The dashboard turns the homepage into a link, so only a web address may go there.
    if entry.get("homepage") and not _WEB_URL.match(entry["homepage"]):
        raise CatalogError(path, line_of("homepage"), "homepage", f"outlet '{name}': '{entry['homepage']}' is not an http(s) URL")
    ownership = entry.get("ownership")
    if ownership is not None and ownership not in OWNERSHIP:
        raise CatalogError(path, line_of("ownership"), "ownership",
                           f"outlet '{name}': '{ownership}' is not one of {', '.join(OWNERSHIP)}")
    groups = entry.get("groups", [])
    if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
        raise CatalogError(path, line_of("groups"), "groups", f"outlet '{name}': must be a list of strings")
    return Outlet(name=name.strip(), feeds=list(dict.fromkeys(feeds)), homepage=entry.get("homepage"),
                  country=entry.get("country"), language=entry.get("language"),
                  ownership=ownership, groups=groups)


def _normal_url(url: str) -> str:
    """A feed URL with its scheme and host in lower case, so "HTTPS://Example.com/rss" is one feed with
    "https://example.com/rss" (the path is left alone: it may be case-sensitive)."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc
    host = parts.hostname or ""
    if host:
        userinfo, _, hostport = netloc.rpartition("@")
        netloc = (userinfo + "@" if userinfo else "") + hostport.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def _block_lines(lines: list[str]) -> list[tuple[int, int]]:
    """1-based (first, last) line numbers of each [[outlet]] table."""
    starts = [i + 1 for i, ln in enumerate(lines) if re.match(r"^\s*\[\[\s*outlet\s*\]\]", ln)]
    return [(s, (starts[j + 1] - 1) if j + 1 < len(starts) else len(lines)) for j, s in enumerate(starts)]


def _field_line(lines: list[str], start: int | None, end: int | None, key: str) -> int | None:
    """Line number where `key = ...` is set inside one table."""
    if start is None:
        return None
    for n in range(start, (end or len(lines)) + 1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", lines[n - 1]):
            return n
    return None


def _line_from_message(msg: str) -> int | None:
    """tomllib puts '(at line N, column M)' in its messages."""
    m = re.search(r"line (\d+)", msg)
    return int(m.group(1)) if m else None
