"""What leaves framelens as a file: CSV tables, an event's whole comparison as JSON, and a
self-contained HTML report, each carrying its provenance (framelens version, when it was exported,
when the store last changed, the filters in force, and every article's URL), so that a figure quoted
from it can be traced back and checked against the text."""
from __future__ import annotations

import base64
import html
import json
import math
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

import pandas as pd

from core.config import VERSION
from core.sources import CUT_OFF, HELD_BACK, between_halves, card_quotes, speaker_label

ABOUT = ("framelens puts one news event's coverage by different outlets side by side: who reported it, "
         "when, in which words, whom they quoted and what they left out.")
QUOTES_PER_OUTLET, TERMS_PER_OUTLET, OMISSIONS_PER_OUTLET = 8, 10, 8


@dataclass
class Provenance:
    """Where an export comes from. `filters` maps a filter's name to the values chosen (empty: none)."""

    version: str
    exported: str
    store_updated: str | None
    filters: dict[str, list[str]] = field(default_factory=dict)

    def filters_line(self) -> str:
        chosen = [f"{k}: {', '.join(map(str, v))}" for k, v in self.filters.items() if v]
        return "; ".join(chosen) if chosen else "none (all outlets, topics and dates)"

    def line(self) -> str:
        """One line for a chart's subtitle or a file's header."""
        return (f"framelens {self.version} · exported {self.exported} · store updated {self.store_updated or 'never'}"
                f" · filters: {self.filters_line()}")

    def as_dict(self) -> dict:
        return asdict(self)


def provenance(store, filters: dict[str, list[str]] | None = None) -> Provenance:
    """The provenance of an export made now from `store` with these filters (name -> chosen values)."""
    updated = store.last_updated()
    return Provenance(version=VERSION, exported=format_time(datetime.now(timezone.utc)),
                      store_updated=format_time(updated) if updated else None,
                      filters={k: [str(x) for x in v] for k, v in (filters or {}).items() if v})


def format_time(t, precision: str | None = "exact") -> str:
    """A time as UTC text; a date-only value (stored at 00:00, precision "date") as its date alone, a year-only
    one as its year: the hours would be invented."""
    ts = pd.Timestamp(t)
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")
    if precision == "year":
        return f"{ts:%Y} (year only)"
    return f"{ts:%Y-%m-%d} (date only)" if precision == "date" else f"{ts:%Y-%m-%d %H:%M} UTC"


# -- CSV ---------------------------------------------------------------------------------------------
PROVENANCE_LINES = 4


def csv_bytes(df: pd.DataFrame, prov: Provenance) -> bytes:
    """A CSV table under PROVENANCE_LINES lines of provenance starting with '#' (skip them: pandas.read_csv(path,
    skiprows=4); not comment='#', which would also cut a cell at a '#'), every text cell a spreadsheet would run
    as a formula made inert (csv_text), CRLF line ends."""
    head = "".join(f"# {line}\r\n" for line in (f"framelens {prov.version}", f"exported: {prov.exported}",
                                                 f"store last updated: {prov.store_updated or 'never'}",
                                                 f"filters: {_one_line(prov.filters_line())}"))
    return (head + csv_text(df)).encode("utf-8")


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), +cmd|…, @SUM(…),
# -2+3); full-width forms count in some. OWASP's advice: put a ' in front of such a text cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(df: pd.DataFrame) -> str:
    """The table as CSV, every text cell (and header) that a spreadsheet would run as a formula made inert.
    CRLF line ends (RFC 4180) also make the writer quote a cell holding a lone CR."""
    def inert(v):
        return "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(inert)
    out.columns = [inert(str(c)) for c in out.columns]
    return out.to_csv(index=False, lineterminator="\r\n")


def _one_line(text: str) -> str:
    """Filter values come from users and feeds: a line break in one must not end the comment line."""
    return " ".join(str(text).split())


# -- an event's comparison ----------------------------------------------------------------------------
def article_rows(arts: pd.DataFrame, reps: pd.DataFrame) -> list[dict]:
    """Each article of the event with its URL and data quality, reprints marked with their original."""
    original_of = dict(zip(reps["id"], reps["original_outlet"])) if not reps.empty else {}
    cols = ["id", "outlet", "title", "url", "published", "date_precision", "date_source", "date_flag", "text_status",
            "text_length"]
    rows = []
    for a in arts.reindex(columns=cols).to_dict("records"):
        a = {k: (None if _missing(v) else v) for k, v in a.items()}
        a["published"] = format_time(a["published"], a["date_precision"]) if a["published"] is not None else None
        a["reprint_of"] = original_of.get(a["id"])
        rows.append(a)
    return sorted(rows, key=lambda r: (r["published"] is None, r["published"] or "", r["outlet"] or ""))


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT


def _s(v) -> str:
    """A cell as text: "" for a missing one (pandas turns None into NaN, which would read "nan")."""
    return "" if _missing(v) else str(v)


def _precision(article: dict) -> str:
    return _s(article.get("date_precision")) or "exact"


def event_json(event: dict, report: dict, arts: pd.DataFrame, quotes: pd.DataFrame, reps: pd.DataFrame,
               prov: Provenance) -> bytes:
    """The whole comparison as JSON: provenance, the event, its articles (with URLs), quotes and every figure
    with the article ids and character offsets it rests on."""
    q = quotes.drop(columns=[c for c in ("title",) if c in quotes.columns]) if not quotes.empty else quotes
    doc = {"provenance": prov.as_dict(), "about": ABOUT, "event": event, "articles": article_rows(arts, reps),
           "quotes": json.loads(q.to_json(orient="records", date_format="iso")) if not q.empty else [],
           "comparison": report}
    return json.dumps(doc, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def event_html(event: dict, report: dict, arts: pd.DataFrame, quotes: pd.DataFrame, reps: pd.DataFrame,
               prov: Provenance, timeline_svg: bytes | None = None) -> bytes:
    """The comparison as one HTML file that opens anywhere offline: no script, no outside resource, every
    piece of article or feed text escaped; the timeline chart inside as an image."""
    e = html.escape
    label = str(event.get("label") or event.get("id") or "event")
    parts = [f"<h1>{e(label)}</h1>", f"<p class='about'>{e(ABOUT)}</p>", _provenance_html(prov, event)]
    parts += [f"<p class='note'>{e(str(n))}</p>" for n in report.get("notes", [])]
    if timeline_svg:
        data = base64.b64encode(timeline_svg).decode("ascii")
        parts.append(f"<h2>Coverage timeline</h2><img alt='Publication times by outlet' src='data:image/svg+xml;"
                     f"base64,{data}'>")
    parts.append("<h2>Side by side</h2><div class='outlets'>")
    times = {a["id"]: a for a in arts.reindex(columns=["id", "published", "date_precision", "date_source"])
             .to_dict("records") if not _missing(a["published"])}
    first = min((pd.Timestamp(a["published"]) for a in times.values()
                 if _precision(a) == "exact" and not _seen(a)), default=None)
    # who was first is the timing figure's to say: a date-only report on the same day makes it a tie
    said = (report.get("timing") or {}).get("first") or {}
    if said.get("label"):
        parts.append(f"<p class='note'>{e(str(said['label']))}</p>")
    sure = said["outlets"][0] if said.get("outlets") and not said.get("tie") and not said.get("unsure") \
        and said.get("precision") == "exact" else None
    for outlet in sorted((report.get("coverage") or {}).get("original_articles", {})):
        parts.append(_outlet_html(report, outlet, quotes, times, first, sure))
    parts.append("</div>")
    parts.append(_articles_html(article_rows(arts, reps)))
    body = "\n".join(parts)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
            f"content='width=device-width, initial-scale=1'><title>{e(label)} · framelens</title>"
            f"<style>{_CSS}</style></head><body>{body}</body></html>").encode("utf-8")


def _provenance_html(prov: Provenance, event: dict) -> str:
    e = html.escape
    rows = [("framelens", prov.version), ("exported", prov.exported), ("store last updated", prov.store_updated or
            "never"), ("filters", prov.filters_line()), ("event id", str(event.get("id", "")))]
    return "<table class='prov'>" + "".join(f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in rows) + \
        "</table>"


def _outlet_html(report: dict, outlet: str, quotes: pd.DataFrame, times: dict, first, sure_first=None) -> str:
    """One outlet's column: headline, time and lag, lead, quotes, distinctive and contested words, omissions."""
    e = html.escape
    out = [f"<section><h3>{e(outlet)}</h3>"]
    for h in [h for h in (report.get("headlines") or {}).get("articles", []) if h.get("outlet") == outlet][:2]:
        out.append(f"<p class='headline'>{e(str(h.get('title') or ''))}</p>")
        t = times.get(h.get("id"))
        if t:
            out.append(f"<p class='when'>{e(_when(t, first, outlet == sure_first))}</p>")
        out.append(f"<p>{e(str(h.get('lead') or ''))}</p>")
    # chosen as the Event page's cards choose them (core.sources.card_quotes); the JSON and CSV hold every row
    mine, held = card_quotes(quotes[quotes["outlet"] == outlet] if not quotes.empty else quotes, QUOTES_PER_OUTLET)
    if not mine.empty or held:
        out.append("<h4>Quoted</h4><ul>" + "".join(
            # the name every view uses (core.sources.speaker_label); the quote with its own marks only, the writer's
            # words between its halves as "…" (core.sources.between_halves, as on the cards)
            f"<li>{e(speaker_label(r))}" + (f" ({e(_s(r.get('cue')))})" if _s(r.get('cue')) else "")
            + f": {e(between_halves(_s(r.get('quote'))))}" + (f" ({CUT_OFF})" if r.get("cut_off") == 1 else "")
            + "</li>" for r in mine.to_dict("records")) + "</ul>"
            + (f"<p class='note'>{held} more not shown: past the first {QUOTES_PER_OUTLET}, {HELD_BACK}; the JSON "
               "export lists every one.</p>" if held else ""))
    terms = (report.get("distinctive_terms") or {}).get("outlets", {}).get(outlet, [])[:TERMS_PER_OUTLET]
    if terms:
        out.append("<h4>Distinctive words</h4><p>" + ", ".join(
            f"{e(str(t.get('term')))} (z {float(t.get('z', 0)):.1f})" for t in terms) + "</p>")
    contested = (report.get("contested_terms") or {}).get("by_outlet", {}).get(outlet, {})
    if contested:
        out.append("<h4>Contested terms</h4><p>" + "; ".join(
            f"{e(str(fam))}: " + ", ".join(f"{e(str(t))} ×{n}" for t, n in used.items())
            for fam, used in contested.items()) + "</p>")
    omits = (report.get("omissions") or {}).get("outlets", {}).get(outlet, {}).get("omits", [])
    if omits:
        out.append(f"<h4>May leave out {len(omits)} facts others report (check its text)</h4><ul>" + "".join(
            f"<li>{e(str(o.get('sentence') or o.get('text') or ''))}"
            + (f" <em>(its text never mentions {e(', '.join(map(str, o['absent'][:4])))})</em>" if o.get("absent") else "")
            + "</li>" for o in omits[:OMISSIONS_PER_OUTLET])
                   + "</ul>")
    return "\n".join(out) + "</section>"


def _seen(article: dict) -> bool:
    """Dated only by when framelens first saw it (core.dates source "first-seen"): a bound, not a publication time."""
    return _s(article.get("date_source")) == "first-seen"


def _when(article: dict, first, first_beyond_doubt: bool = False) -> str:
    """Publication time and lag behind the earliest exact time; no hours for a date-only or first-seen time (they
    would be invented), and "first to report" only when the timing figure names this outlet first beyond doubt."""
    precision = _precision(article)
    when = format_time(article["published"], precision)
    if _seen(article):
        return f"no publication date · first seen {when}"
    if precision != "exact" or first is None:
        return when
    hours = (pd.Timestamp(article["published"]) - first).total_seconds() / 3600
    if hours == 0:
        return when + (" · first to report" if first_beyond_doubt else " · earliest time given")
    return when + f" · +{hours:.1f} h"


def _articles_html(rows: list[dict]) -> str:
    """Every article with its URL (a link only when it is http or https: anything else stays text)."""
    e = html.escape
    head = ["outlet", "headline", "published", "date source", "date flag", "text", "reprint of", "URL"]
    out = ["<h2>Articles</h2><table class='articles'><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for r in rows:
        url = str(r.get("url") or "")
        link = f"<a href='{e(url, quote=True)}' rel='noopener noreferrer'>{e(url)}</a>" \
            if url.lower().startswith(("http://", "https://")) else e(url)
        cells = [r.get("outlet"), r.get("title"), r.get("published"), r.get("date_source"), r.get("date_flag"),
                 f"{r.get('text_status') or ''} ({r.get('text_length') or 0} chars)", r.get("reprint_of")]
        out.append("<tr>" + "".join(f"<td>{e(str(c or ''))}</td>" for c in cells) + f"<td>{link}</td></tr>")
    return "\n".join(out) + "</table>"


_CSS = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
.about{font-size:1.05em}.note{background:#eef4fb;padding:.5em .8em;border-radius:4px}
.outlets{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1em}
section{border:1px solid #ddd;border-radius:6px;padding:.2em .9em}.headline{font-weight:bold}
.when{color:#555;font-size:.9em}img{max-width:100%}table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}td{overflow-wrap:anywhere}
.prov th{background:#f5f5f5}"""
