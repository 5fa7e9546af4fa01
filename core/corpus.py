"""Researchers' own corpora: JSONL or CSV rows in the shared article schema, validated row by row."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from .clean import split_boilerplate
from .dates import date_kind, parse_date
from .language import language_of
from .models import Article
from .urls import canonical_url

REQUIRED = ("id",)
MAX_FIELD = 2_000_000   # characters; a longer field is almost certainly a broken row


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
    dates: dict[str, int] = field(default_factory=lambda: {"parsed": 0, "guessed": 0, "missing": 0})

    def dates_line(self) -> str:
        """How the valid rows' dates were had, for the CLI and the upload form."""
        d = self.dates
        return (f"dates: {d['parsed']} parsed, {d['guessed']} guessed from free text, "
                f"{d['missing']} missing or unreadable (kept undated, flagged)")


def read_rows(data: str, fmt: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """Yield (line number, row, error) from JSONL or CSV text."""
    if fmt == "jsonl":
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, None, f"not valid JSON ({e.msg} at column {e.colno})"
                continue
            yield (n, row, None) if isinstance(row, dict) else (n, None, "not a JSON object")
    elif fmt == "csv":
        csv.field_size_limit(MAX_FIELD)
        reader = csv.DictReader(io.StringIO(data))
        for row in reader:
            # line_num counts physical lines, so a row with multi-line text is named by its last line.
            yield reader.line_num, {k: v for k, v in row.items() if k is not None}, None
    else:
        raise ValueError(f"unknown format '{fmt}' (use jsonl or csv)")


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
    title, text = str(row.get("title") or "").strip(), str(row.get("text") or "").strip()
    # The one cleaner (core/clean.py), as for fetched pages; what it removes is kept apart, not lost.
    text, boilerplate = split_boilerplate(text)
    if not title and not text:
        raise ValueError("row has neither 'title' nor 'text'")
    url_raw = row.get("url")
    url = canonical_url(str(url_raw)) if url_raw else None
    if url_raw and not url:
        raise ValueError(f"field 'url' is not an http(s) URL: {str(url_raw)[:80]!r}")
    # A date that cannot be read never costs the row: it is kept undated, the raw value in its flag.
    when = parse_date(row.get("published"), source="import", now=now)
    cats = row.get("categories") or []
    return Article(id=str(rid).strip(), outlet=str(row.get("outlet") or "").strip() or "unknown", title=title,
                   text=text, published=when.published, date_precision=when.precision, url=url,
                   language=language_of({"title": title, "text": text, "language": row.get("language")}),
                   summary="", categories=[str(c) for c in cats] if isinstance(cats, list) else [],
                   date_source=when.source, date_flag=when.flag, first_seen=now,
                   text_status="ok" if text else "empty", author=row.get("author") or None, boilerplate=boilerplate)


def load_articles(data: str, fmt: str) -> tuple[list[Article], list[RowError], int]:
    """Valid articles, invalid rows and the row count; duplicate ids after the first are errors."""
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
            art = to_article(row)
        except ValueError as e:
            errors.append(RowError(line, str(e)))
            continue
        if art.id in seen:
            errors.append(RowError(line, f"duplicate id '{art.id}' (first on line {seen[art.id]})"))
            continue
        seen[art.id] = line
        good.append(art)
    return good, errors, rows


def import_text(store, data: str, fmt: str, batch: int = 500, progress=None) -> ImportResult:
    """Validate and store rows; valid rows go in even when others fail, existing ids are kept."""
    good, errors, rows = load_articles(data, fmt)
    res = ImportResult(rows=rows, valid=len(good), errors=errors)
    for a in good:
        res.dates[date_kind(a.published, a.date_flag)] += 1
    for name in sorted({a.outlet for a in good}):
        store.ensure_outlet(name)
    for i in range(0, len(good), batch):
        res.new += store.add_articles(good[i:i + batch], origin="import")
        if progress:
            progress("import", min(i + batch, len(good)), len(good))
    return res


def import_file(store, path: str | Path, progress=None) -> ImportResult:
    """Import a JSONL or CSV file into the store."""
    fmt = format_of(path)
    try:
        data = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not UTF-8 text (byte {e.start})") from None
    return import_text(store, data, fmt, progress=progress)
