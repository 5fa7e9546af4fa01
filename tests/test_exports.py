"""Exports: CSV, an event's comparison as JSON and as a self-contained HTML report, each with provenance."""
from __future__ import annotations

import base64
import html
import io
import json
import re
from datetime import datetime, timezone

import pandas as pd
import pytest

from core import exports
from core.charts import export, timeline
from core.framing import compare_event
from core.models import Article
from core.store import Store
from tests.browser_util import XSS_TEXT, XSS_TITLE

ARTS = [
    {"id": "a1", "outlet": "TASS", "title": "Shoigu and Dong hold talks", "url": "https://tass.com/1",
     "published": datetime(2024, 5, 16, 9, tzinfo=timezone.utc), "date_source": "feed", "date_flag": None,
     "text_status": "ok", "text": "Sergei Shoigu met Dong Jun in Beijing. \"We stand together,\" Dong said. "
                                  "The special military operation was discussed."},
    {"id": "a2", "outlet": "Hostile Feed", "title": XSS_TITLE, "url": "javascript:alert(3)",
     "published": datetime(2024, 5, 16, 12, tzinfo=timezone.utc), "date_source": "page", "date_flag": None,
     "text_status": "ok", "text": XSS_TEXT + " Shoigu met Dong Jun in Beijing; the invasion of Ukraine came up."},
    {"id": "a3", "outlet": "Reuters", "title": "Defence ministers meet", "url": "https://reuters.com/3",
     "published": datetime(2024, 5, 16, tzinfo=timezone.utc), "date_precision": "date", "date_source": "page",
     "date_flag": None, "text_status": "ok", "text": "China's defence minister met Russia's Shoigu in Beijing."},
]
QUOTES = pd.DataFrame([{"article_id": "a1", "n": 0, "outlet": "TASS", "quote": "We stand together",
                        "speaker": "Dong", "canonical_speaker": "Dong Jun", "cue": "said", "title": "x"},
                       {"article_id": "a2", "n": 0, "outlet": "Hostile Feed", "quote": "<script>alert(4)</script>",
                        "speaker": "<b>Bob</b>", "canonical_speaker": None, "cue": "said", "title": "y"}])
REPS = pd.DataFrame(columns=["id", "original_id", "original_outlet", "score", "changes"])
PROV = exports.Provenance(version="0.1.0", exported="2024-06-01 10:00 UTC", store_updated="2024-05-31 08:00 UTC",
                          filters={"Outlets": ["TASS", "Reuters\nInjected: line"], "Topics": []})
EVENT = {"id": "e1", "label": "Shoigu meets Dong <i>in</i> Beijing"}


@pytest.fixture(scope="module")
def report():
    return compare_event(ARTS, quotes=QUOTES.to_dict("records"), reprints=[])


def test_csv_carries_provenance_lines_and_reads_back():
    df = pd.DataFrame({"outlet": ["TASS", "RT"], "articles": [3, 4]})
    data = exports.csv_bytes(df, PROV).decode("utf-8")
    head = [line for line in data.splitlines() if line.startswith("#")]
    assert head == ["# framelens 0.1.0", "# exported: 2024-06-01 10:00 UTC", "# store last updated: 2024-05-31 08:00 UTC",
                    "# filters: Outlets: TASS, Reuters Injected: line"]  # a line break in a value stays in its line
    assert pd.read_csv(io.StringIO(data), skiprows=exports.PROVENANCE_LINES).equals(df)


def test_csv_cells_a_spreadsheet_would_run_are_inert():
    df = pd.DataFrame({"title": ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "#MeToo", "a\rb"],
                       "n": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.StringIO(exports.csv_bytes(df, PROV).decode("utf-8")), skiprows=exports.PROVENANCE_LINES)
    assert list(back["title"]) == ["'=HYPERLINK(\"http://x\")", "'+cmd|' /C calc'!A0", "'@SUM(1)", "#MeToo", "a\rb"]
    assert list(back["n"]) == [-1, 2, 3, 4, 5]  # numbers stay numbers


def test_event_json_holds_the_comparison_the_articles_urls_and_provenance(report):
    doc = json.loads(exports.event_json(EVENT, report, pd.DataFrame(ARTS), QUOTES, REPS, PROV))
    assert doc["provenance"] == {"version": "0.1.0", "exported": "2024-06-01 10:00 UTC",
                                 "store_updated": "2024-05-31 08:00 UTC",
                                 "filters": {"Outlets": ["TASS", "Reuters\nInjected: line"], "Topics": []}}
    assert {a["id"]: a["url"] for a in doc["articles"]} == {a["id"]: a["url"] for a in ARTS}
    assert {a["id"]: a["published"] for a in doc["articles"]}["a3"] == "2024-05-16 (date only)"
    assert doc["event"] == EVENT and doc["comparison"]["n_articles"] == 3
    assert [q["quote"] for q in doc["quotes"]] == ["We stand together", "<script>alert(4)</script>"]
    matches = doc["comparison"]["contested_terms"]["matches"]
    a2 = next(a for a in ARTS if a["id"] == "a2")
    assert matches and all(a2["text"][m["start"]:m["end"]] == m["surface"] for m in matches if m["id"] == "a2")


def test_event_html_is_self_contained_and_escapes_every_text(report):
    svg = export(timeline(pd.DataFrame(ARTS), "Coverage timeline"), "svg")[0]
    page = exports.event_html(EVENT, report, pd.DataFrame(ARTS), QUOTES, REPS, PROV, timeline_svg=svg).decode("utf-8")
    assert "<script" not in page.lower() and "<img src=x" not in page and "<b>Bob" not in page and "<i>in" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(4)&lt;/script&gt;" in page
    assert "href='https://tass.com/1'" in page and "href='javascript" not in page  # other schemes stay text
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", page.replace("href='https://", "")), "an outside resource"
    img = re.search(r"src='data:image/svg\+xml;base64,([^']+)'", page)
    assert img and b"Hostile Feed" in base64.b64decode(img.group(1))
    for text in ("<th>framelens</th><td>0.1.0</td>", "2024-05-31 08:00 UTC", "Outlets: TASS", html.escape(exports.ABOUT), "Dong Jun",
                 "We stand together", "2024-05-16 (date only)", "earliest time given", "+3.0 h"):
        assert text in page, text
    # Reuters has only the day TASS reported at 09:00: a tie, so nobody is "first to report" (Hostile Feed's
    # 12:00 came after TASS's 09:00 and is not among those who may have been first)
    assert "first to report" not in page
    assert "no first can be named; may have reported first: TASS (16 May 2024 09:00 UTC); Reuters (on 16 May 2024, no time given)" in page
    sure = exports.event_html(EVENT, compare_event(ARTS[:2], quotes=[], reprints=[]), pd.DataFrame(ARTS[:2]), QUOTES,
                              REPS, PROV).decode("utf-8")
    assert "09:00 UTC · first to report" in sure and "+3.0 h" in sure
    # a report dated by when framelens first saw it gets no lag: that time may be long after it appeared
    seen = [dict(ARTS[0]), dict(ARTS[1], date_source="first-seen")]
    page = exports.event_html(EVENT, compare_event(seen, quotes=[], reprints=[]), pd.DataFrame(seen), QUOTES, REPS,
                              PROV).decode("utf-8")
    assert "no publication date · first seen" in page and "+3.0 h" not in page and "first to report:" not in page


def test_provenance_from_a_store(tmp_path):
    s = Store(str(tmp_path / "s.sqlite"))
    s.add_articles([Article(id="x", outlet="TASS", title="t", first_seen=datetime(2024, 5, 1, 7, 30, tzinfo=timezone.utc))])
    prov = exports.provenance(s, {"Outlets": ["TASS"], "Search": []})
    assert prov.store_updated == "2024-05-01 07:30 UTC" and prov.filters == {"Outlets": ["TASS"]}
    assert prov.line().startswith("framelens ") and "filters: Outlets: TASS" in prov.line()


def test_a_block_quote_no_verb_credits_shows_no_speaker_and_no_empty_verb(report):
    # Ukrainska Pravda's 'Quote: "…"' paragraphs come without a cue or a speaker: the event card and the
    # HTML report showed them as '(unknown) (nan)'
    block = pd.DataFrame([{"article_id": "a1", "n": 1, "outlet": "TASS", "quote": "Putin always kills.",
                           "speaker": None, "canonical_speaker": None, "speaker_type": "unknown", "cue": float("nan"),
                           "title": "x"}])
    page = exports.event_html(EVENT, report, pd.DataFrame(ARTS), block, REPS, PROV).decode("utf-8")
    # a quotation no one is named for is held back, as on the Event page's cards, and the report says so
    assert "Putin always kills" not in page and "1 more not shown: past the first 8, by a speaker the text" in page
    assert "nan" not in page.lower().replace("nanjing", "") and "()" not in page
    named = block.assign(speaker="Ivan Petrov", canonical_speaker="Ivan Petrov", speaker_type="person")
    page = exports.event_html(EVENT, report, pd.DataFrame(ARTS), named, REPS, PROV).decode("utf-8")
    assert "<li>Ivan Petrov: Putin always kills.</li>" in page and "nan" not in page.lower().replace("nanjing", "")
    from pages.card_text import cue
    assert cue(float("nan")) == cue(None) == "" and cue("said") == " (said)"


def test_the_reports_quote_shows_the_writers_words_between_its_halves_as_an_ellipsis(report):
    # fc39: a quotation told in halves is one row; the HTML report, like the cards, showed the attribution between the
    # halves as the speaker's words
    halves = pd.DataFrame([{"article_id": "a1", "n": 1, "outlet": "TASS", "speaker": "Ivan Petrov",
                            "canonical_speaker": "Ivan Petrov", "speaker_type": "person", "cue": "said", "title": "x",
                            "kind": "direct",
                            "quote": "“We stand together,” defence spokesman Ivan Petrov said in a statement. “We always will.”"}])
    page = html.unescape(exports.event_html(EVENT, report, pd.DataFrame(ARTS), halves, REPS, PROV).decode("utf-8"))
    assert "“We stand together,” … “We always will.”" in page and "said in a statement" not in page
