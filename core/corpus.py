"""Researchers' own corpora: JSONL or CSV rows in the shared article schema, validated row by row."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .clean import split_boilerplate, strip_dateline, strip_invisible
from .config import Settings
from .dates import GUESSED, OPENING, DateInfo, date_kind, opening_date, parse_date
from .language import language_of
from .models import Article
from .store import store_fault
from .urls import canonical_url

REQUIRED = ("id",)
MAX_FIELD = 2_000_000   # characters; a longer field is almost certainly a broken row
# The fields of the shared schema that hold one value (a string, or a number used as one).
SCALAR_FIELDS = ("id", "outlet", "title", "text", "url", "published", "language", "author")
SCHEMA = set(SCALAR_FIELDS) | {"categories"}
MAX_ID = 190            # the store's id column holds 200; "import:" may be put in front (see Store)
MAX_OUTLET = 200
TITLED = "from the first sentence"   # title_flag of a row whose title was made from its text
_LINE_STOP = re.compile(r"[.!?:;,\"”’)\]]$")   # a line that ends so is a sentence or runs on
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass
class RowError:
    """An invalid row: where it is and what is wrong with it."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    """What an import did."""

    rows: int = 0
    valid: int = 0
    new: int = 0
    errors: list[RowError] = field(default_factory=list)
    titled: int = 0          # rows without a title, titled from their first sentence
    dates: dict[str, int] = field(default_factory=lambda: {"parsed": 0, "guessed": 0, "missing": 0})
    store_error: str | None = None   # the store could not be written: the import stopped there
    no_outlet: int = 0       # valid rows that name no outlet, stored under "unknown"

    def kept_line(self) -> str:
        """What happened to valid rows that are not new, and to rows with no outlet: '' when nothing did."""
        parts = []
        already = self.valid - self.new
        if already and self.store_error is None:
            parts.append(f"{already:,} already in the store (ids stored before; the stored rows are kept as they are)")
        if self.no_outlet:
            parts.append(f"{self.no_outlet:,} name no outlet and are stored under 'unknown'")
        return "; ".join(parts)

    def store_line(self) -> str | None:
        """What to tell the user when the store itself failed, or None."""
        if self.store_error is None:
            return None
        return (f"the store could not be written ({self.store_error}): the import stopped after {self.new:,} new "
                f"of {self.valid:,} valid rows; nothing stored before was lost. Free space or fix the store and "
                "import the file again: rows already stored are skipped")

    def summary_line(self, name: str) -> str:
        """The upload form's first words on an import: rows read, stored, kept and refused."""
        kept = self.kept_line()
        return (f"{name}: {self.rows:,} rows read; {self.new:,} new articles stored" + (f", {kept}" if kept else "")
                + (f", {len(self.errors):,} refused" if self.errors else ""))

    def dates_line(self) -> str:
        """How the valid rows' dates were had, for the CLI and the upload form."""
        d = self.dates
        return (f"dates: {d['parsed']} parsed, {d['guessed']} guessed from free text, "
                f"{d['missing']} missing or unreadable (kept undated, flagged)")


def read_rows(data: str, fmt: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, row, error) from JSONL or CSV text."""
    if fmt == "jsonl":
        # Lines end at \n only: str.splitlines() would also split at U+2028, U+2029 and U+0085, which
        # JSON allows unescaped inside a string.
        for n, line in enumerate(data.split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, None, f"not valid JSON ({e.msg} at column {e.colno})"
                continue
            except RecursionError:
                yield n, None, "not usable JSON (nested too deeply)"
                continue
            except ValueError as e:   # e.g. an integer of more digits than Python converts
                yield n, None, f"not usable JSON ({e})"
                continue
            yield (n, row, None) if isinstance(row, dict) else (n, None, "not a JSON object")
    elif fmt == "csv":
        # No limit here: an over-long field is named by check_row with its line, where the csv
        # module's own limit raised an error that lost track of the line.
        csv.field_size_limit(sys.maxsize)
        delimiter, problem = _csv_delimiter(data)
        if problem:
            yield 1, None, problem
            return
        reader = csv.DictReader(io.StringIO(data), delimiter=delimiter)
        # "ID" or " Title " as a spreadsheet writes them name the schema's columns as well
        reader.fieldnames = [(n or "").strip().lower() if (n or "").strip().lower() in SCHEMA else n
                             for n in reader.fieldnames or []]
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                yield reader.line_num, None, f"not valid CSV ({e})"
                continue
            # line_num counts physical lines, so a row with multi-line text is named by its last line.
            problem = _field_count(row, len(reader.fieldnames))
            yield (reader.line_num, None, problem) if problem else \
                (reader.line_num, {k: v for k, v in row.items() if k is not None}, None)
    else:
        raise ValueError(f"unknown format '{fmt}' (use jsonl or csv)")


def _field_count(row: dict, width: int) -> str | None:
    """Why a CSV row's cells cannot be trusted to sit in their columns, or None: fewer cells than the header
    names, or more that hold something (a trailing delimiter is harmless). A quote left open or a stray
    delimiter shifts every later cell ('He said "hi, then ...' put a row's text in its title and its date in
    its text), so the row is refused and named rather than stored askew."""
    extra = [v for v in row.get(None) or [] if (v or "").strip()]
    missing = sum(1 for k, v in row.items() if k is not None and v is None)
    if extra or missing:
        return (f"{width + len(extra) - missing} cells where the header names {width} columns (an unclosed "
                "quote or a stray delimiter shifts the cells after it)")
    return None


def _csv_delimiter(data: str) -> tuple[str, str | None]:
    """The delimiter whose header names an 'id' column (a comma, else a semicolon, tab or bar, as spreadsheets
    in many locales write), or a sentence naming the header when no delimiter gives one: every row would
    otherwise be refused as lacking an id that is there."""
    header = data.split("\n", 1)[0].rstrip("\r")
    for delimiter in (",", ";", "\t", "|"):
        try:
            names = next(csv.reader([header], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if "id" in (n.strip().lower() for n in names):
            return delimiter, None
    shown = header if len(header) <= 120 else header[:117] + "..."
    return ",", (f"the header line has no 'id' column (it reads {shown!r}); the first line must name the "
                 "columns: id, outlet, title, text, published, url")


def check_row(row: dict, s: Settings | None = None) -> None:
    """Raise ValueError naming the field when a row holds something the store cannot take as it is: a
    list or object where one value belongs, a NUL character, a lone surrogate, or a field over its cap."""
    s = s or Settings()
    limits = {"id": MAX_ID, "outlet": MAX_OUTLET, "title": s.max_title_chars, "text": s.max_text_chars,
              "url": s.max_field_chars, "author": s.max_field_chars, "language": 16}
    for key in SCALAR_FIELDS:
        v = row.get(key)
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise ValueError(f"field '{key}' must be a string, not {_kind(v)}")
        if key != "published":   # a date that cannot be used never costs the row (to_article flags it)
            _check_text(key, str(v), limits[key])
    cats = row.get("categories")
    if cats is not None:
        if not isinstance(cats, list) or not all(isinstance(c, (str, int, float)) and not isinstance(c, bool)
                                                 for c in cats):
            raise ValueError("field 'categories' must be a list of strings")
        for c in cats:
            _check_text("categories", str(c), 200)
    url = row.get("url")
    if isinstance(url, str) and len(url.encode("utf-8", "replace")) > s.max_field_chars:
        raise ValueError(f"field 'url' is longer than {s.max_field_chars:,} bytes")


def _check_text(key: str, v: str, limit: int) -> None:
    if len(v) > limit:
        raise ValueError(f"field '{key}' is {len(v):,} characters long (at most {limit:,})")
    if "\x00" in v:
        raise ValueError(f"field '{key}' contains a NUL character at position {v.index(chr(0)):,}")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError as e:
        if _BAD_BYTE.match(v[e.start]):
            raise ValueError(f"field '{key}' holds a byte that is not UTF-8 (0x{ord(v[e.start]) - 0xDC00:02X}) at "
                             f"position {e.start:,}") from None
        raise ValueError(f"field '{key}' contains a lone surrogate (invalid Unicode) at position {e.start:,}") from None


def _kind(v) -> str:
    return {dict: "an object", list: "a list"}.get(type(v), type(v).__name__)


def first_sentence(text: str, limit: int = 160) -> str:
    """A title made from a text: a short first line with no closing stop (a headline the page printed above the
    story), else its first sentence after any wire dateline ("CHELYABINSK, February 16. /TASS/." is no headline),
    cut at a word before `limit` characters."""
    line, _, rest = text.strip().partition("\n")
    if section_title(line) and rest.strip():   # the section's name printed above the story ("Business")
        text = rest
        line, _, rest = text.strip().partition("\n")
    line = " ".join(line.split())
    if rest.strip() and len(line.split()) >= 4 and len(line) <= limit and not _LINE_STOP.search(line) \
            and not line.startswith("By ") and strip_dateline(line) == line:
        return line   # a headline on a line of its own, no full stop: the sentence after it is no part of it
    words = " ".join(text.split())
    first = _SENTENCE_END.split(strip_dateline(words).lstrip() or words, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class InputError(ValueError):
    """A bad line in an input JSONL file, named by file and line."""


def read_jsonl(path: str | Path, require: tuple[str, ...] = ("id",)) -> list[dict]:
    """Articles for the batch commands (cluster, quotes, reprints, compare); the first bad line stops the read."""
    rows, seen = [], {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not valid JSON ({e.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{path}:{n}: expected a JSON object")
            for key in require:
                if row.get(key) is None or (key == "id" and str(row[key]) == ""):
                    raise InputError(f"{path}:{n}: missing '{key}'")
            if "text" in require and not isinstance(row["text"], str):
                raise InputError(f"{path}:{n}: 'text' must be a string")
            if row.get("id") is not None:
                aid = str(row["id"])
                if aid in seen:
                    raise InputError(f"{path}:{n}: duplicate article id {aid!r} (first on line {seen[aid]})")
                seen[aid] = n
            rows.append(row)
    return rows


def format_of(path: str | Path) -> str:
    """jsonl or csv, from the file name."""
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv",):
        return "csv"
    raise ValueError(f"{path}: cannot tell the format from '{suffix}' (use .jsonl or .csv)")


def stored_text(row: dict) -> tuple[str, str, list[str]]:
    """A row's title and text as a store keeps them, and the page furniture taken out of the text; a title that only
    names a section ("Business") is no headline: with a text, the row is titled from its first sentence instead."""
    title = (strip_invisible(str(row.get("title") or "")) or "").strip()
    text = str(row.get("text") or "").strip()
    # The one cleaner (core/clean.py), as for fetched pages; what it removes is kept apart, not lost.
    text, boilerplate = split_boilerplate(text)
    if text and section_title(title):
        title = ""
    return title, text, boilerplate


# A site's section names: given as a page's title they name no happening. fc39: The Economist's weekly item on the
# Bank of Japan's rate rise, titled "Business", was grouped apart from the eleven reports of the same decision (its
# other words alike; with its first sentence as the title it joins them), so its page said "only one article covers
# this event" and called it first to report.
SECTION_TITLES = frozenset(
    "business world news politics economy economics markets finance money sport sports opinion opinions comment "
    "analysis technology tech science health culture entertainment lifestyle home latest national international "
    "local asia europe africa americas".split()) | {
    "latest news", "breaking news", "top stories", "world news", "local news", "business news", "the world this week",
    "middle east", "asia pacific", "asia-pacific"}


def section_title(title: str) -> bool:
    """Whether a title is only a section's name (case and spacing aside)."""
    return " ".join((title or "").lower().split()).strip(" :|-–—") in SECTION_TITLES


def as_imported(row: dict) -> dict:
    """A row with the title and text `framelens import` would store (cleaned; a missing title made from the first
    sentence): what `framelens cluster` groups, so a file clustered directly and imported gives the same events."""
    title, text, _ = stored_text(row)
    return {**row, "title": title or (first_sentence(text) if text else ""), "text": text, **imported_date(row)}


def imported_date(row: dict) -> dict:
    """The date `framelens import` gives a row whose date field gives none but whose text prints a day at its top
    (core.dates.opening_date), as fields to lay over the row for the batch commands; {} for every other row."""
    when = row_date(row, "file")
    if not (when.flag or "").startswith(f"{GUESSED} {OPENING}"):
        return {}   # a row's own date field, read or not, is left as the file gives it
    # a datetime with its precision and flag, as the store gives them back: the flag says the day was read from
    # free text, which clustering does not trust as a time (core.cluster.online.clustering_span), on either path
    return {"published": when.published, "date_precision": when.precision, "date_flag": when.flag}


def row_date(row: dict, source: str, now: datetime | None = None) -> DateInfo:
    """A row's date from its `published` field, else the day its text prints at its top, flagged with why the field
    gave none; an import and the batch commands read rows through this one function."""
    when = parse_date(row.get("published"), source=source, now=now)
    if when.published is not None:
        return when
    read = opening_date(str(row.get("text") or ""), source, now)
    if read is None:
        return when
    return DateInfo(read.published, read.precision, source, f"{read.flag}; the published field: {when.flag}")


def to_article(row: dict, now: datetime | None = None) -> Article:
    """Validate one row and build an Article; ValueError names the field at fault."""
    now = now or datetime.now(timezone.utc)
    rid = row.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()) or isinstance(rid, (dict, list, bool)):
        raise ValueError("field 'id' is required (a string or number)")
    for key in ("outlet", "title", "text", "url", "published", "language"):
        v = row.get(key)
        if v is not None and not isinstance(v, (str, int, float)):
            raise ValueError(f"field '{key}' must be a string, not {type(v).__name__}")
        if isinstance(v, str) and len(v) > MAX_FIELD:
            raise ValueError(f"field '{key}' is longer than {MAX_FIELD:,} characters")
    title, text, boilerplate = stored_text(row)
    if not title and not text:
        raise ValueError("row has neither 'title' nor 'text'")
    url_raw = row.get("url")
    url = canonical_url(str(url_raw)) if url_raw else None
    if url_raw and not url:
        raise ValueError(f"field 'url' is not an http(s) URL: {str(url_raw)[:80]!r}")
    # A date that cannot be read never costs the row: it is kept undated, the raw value in its flag.
    # a day the text prints at its top ("Aug 24, 2023", an AFP dateline) stands in for a missing or unreadable field
    when = row_date(row, "import", now)
    cats = row.get("categories") or []
    outlet = (strip_invisible(str(row.get("outlet") or "")) or "").strip() or "unknown"
    author = (strip_invisible(str(row.get("author") or "")) or "").strip() or None
    return Article(id=str(rid).strip(), outlet=outlet, title=title,
                   text=text, published=when.published, date_precision=when.precision, url=url,
                   language=language_of({"title": title, "text": text, "language": row.get("language")}),
                   summary="", categories=[str(c) for c in cats] if isinstance(cats, list) else [],
                   date_source=when.source, date_flag=when.flag, first_seen=now,
                   text_status="ok" if text else "empty", author=author, boilerplate=boilerplate)


def load_articles(data: str, fmt: str, settings: Settings | None = None) -> tuple[list[Article], list[RowError], int]:
    """Valid articles, invalid rows and the row count; duplicate ids after the first are errors."""
    good, errors, rows, _ = _load(data, fmt, settings)
    return good, errors, rows


def _load(data: str, fmt: str, settings: Settings | None = None):
    good: list[Article] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    rows = 0
    for line, row, err in read_rows(data, fmt):
        rows += 1
        if err:
            errors.append(RowError(line, err))
            continue
        try:
            check_row(row, settings)
            art = to_article(row)
        except ValueError as e:
            errors.append(RowError(line, str(e)))
            continue
        except Exception as e:  # noqa: BLE001 - whatever one row trips on is that row's error, never the import's
            errors.append(RowError(line, f"cannot be read: {type(e).__name__}: {str(e)[:200]}"))
            continue
        if art.id in seen:
            errors.append(RowError(line, f"duplicate id '{art.id}' (first on line {seen[art.id]})"))
            continue
        if not art.title and art.text:
            art.title, art.title_flag = first_sentence(art.text), TITLED
        seen[art.id] = line
        good.append(art)
    return good, errors, rows, seen


def import_text(store, data: str, fmt: str, batch: int = 500, progress=None) -> ImportResult:
    """Validate and store rows; valid rows go in even when others fail, existing ids are kept."""
    good, errors, rows, line_of = _load(data, fmt)
    res = ImportResult(rows=rows, valid=len(good), errors=errors,
                       titled=sum(1 for a in good if a.title_flag == TITLED))
    for a in good:
        res.dates[date_kind(a.published, a.date_flag)] += 1
    res.no_outlet = sum(1 for a in good if a.outlet == "unknown")
    try:
        for name in sorted({a.outlet for a in good}):
            store.ensure_outlet(name)
    except Exception as e:  # noqa: BLE001 - a store that cannot be written is said once, not per row
        res.store_error = store_fault(e)
        if res.store_error is None:
            raise
        return res
    for i in range(0, len(good), batch):
        chunk = good[i:i + batch]
        try:
            res.new += store.add_articles(chunk, origin="import")
        except Exception as e:  # noqa: BLE001 - find the row the database refused; the others go in
            # A full disk or a read-only file refuses every row: no row is to blame and none is tried alone.
            res.store_error = store_fault(e)
            if res.store_error is None:
                res.new += _add_one_by_one(store, chunk, line_of, res)
        if res.store_error is not None:
            break
        if progress:
            progress("import", min(i + batch, len(good)), len(good))
    res.errors.sort(key=lambda e: e.line)
    return res


def _add_one_by_one(store, chunk: list[Article], line_of: dict[str, int], res: ImportResult) -> int:
    new = 0
    for a in chunk:
        try:
            new += store.add_articles([a], origin="import")
        except Exception as e:  # noqa: BLE001
            if store_fault(e) is not None:
                res.store_error = store_fault(e)
                break
            res.valid -= 1
            res.errors.append(RowError(line_of[a.id], f"the database refused it: {type(e).__name__}: "
                                                      f"{str(e).splitlines()[0][:200]}"))
    return new


def decode(data: bytes, name: str) -> str:
    """A corpus file's text; ValueError with a sentence a researcher can act on when it is not UTF-8.

    A UTF-8 file with a few damaged bytes (a scrape's usual fault) is read with each bad byte kept as a lone
    surrogate, so that only its rows are refused (check_row names them); a file with no UTF-8 character beyond
    ASCII and bytes that are not UTF-8 is in another encoding, and every accented row would be lost: refused."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        text = data.decode("utf-8-sig", "surrogateescape")
        if any(c > "\x7f" and not _BAD_BYTE.match(c) for c in text):
            return text
        line = data.count(b"\n", 0, e.start) + 1
        raise ValueError(f"{name} is not UTF-8 text (line {line:,}, byte {e.start:,} is not valid UTF-8): save it "
                         "as UTF-8 and import it again") from None


_BAD_BYTE = re.compile("[\udc80-\udcff]")   # how surrogateescape keeps a byte that is not UTF-8


def import_file(store, path: str | Path, progress=None) -> ImportResult:
    """Import a JSONL or CSV file into the store."""
    fmt = format_of(path)
    return import_text(store, decode(Path(path).read_bytes(), str(path)), fmt, progress=progress)
