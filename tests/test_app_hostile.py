"""Hostile text on every page (AppTest, no browser): markdown and HTML from feeds or imports stay inert,
charts draw no live links, CSV downloads run no formulas, empty events and absurd dates break nothing,
and the Filters line names only the filters a page applies."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from core.analyse import analyse_new
from core.catalog import Outlet
from core.corpus import import_text
from core.models import Article
from core.store import Store, events
from pages import data
from tests.conftest import ROOT, served, shared_path
from tests.test_app_pages import fresh_caches, opened  # noqa: F401 - fresh_caches is an autouse fixture

EVIL_OUTLET = '<a href="https://evil.example/">Evil</a> [News](https://evil.example) www.evil.example'
EVIL_TITLE = "![tracker](https://evil.example/pixel.png) Lava reaches www.evil.example <img src=x onerror=alert(1)>"
EVIL_TEXT = ("[Verify your account](https://evil.example/login) now. ![x](https://evil.example/x.png) "
             "Lava reached the edge of the fishing town of Grindavik on Sunday, the Icelandic Meteorological Office "
             "said, see https://evil.example/a or www.evil.example. \"The town is not safe,\" civil protection chief "
             "Vidir Reynisson told <b>RUV</b>, write to press@evil.example. Residents had been evacuated in November; the lagoon closed again.")
VIEWS = {  # every tab of every page, by the label its ?view= takes
    "overview": ["Events", "Attention by topic", "Attention by outlet group"],
    "event": ["Side by side", "Timeline", "Reprints", "Data quality"],
    "sources": ["Speakers × outlets", "Heatmap", "Anonymous and official", "Quoted by one outlet only", "One speaker"],
    "timelines": ["Publication times", "First to report", "Lag behind the first"],
    "articles": ["Table", "Over time"],
    "outlets": ["Profiles", "Feed health", "Import a corpus"],
}


def app(page: str, params: dict | None = None) -> AppTest:
    """The page run once with these URL query parameters."""
    return opened(page, params or {})


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> str:
    """Two BASIL events, two articles from an outlet whose name, headline and lead are markup, two
    articles dated year 1 and 9999, outlet groups, and an event row without articles; analysed."""
    db = str(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    s = Store(db)
    rows = [json.loads(line) for line in shared_path("data", "corpora", "basil.jsonl").read_text().splitlines()]
    keep = sorted({r["gold_event"] for r in rows})[:2]
    rows = [{k: r[k] for k in ("id", "outlet", "title", "text", "published", "url")} for r in rows if r["gold_event"] in keep]
    rows += [{"id": f"evil-{i}", "outlet": EVIL_OUTLET if i == 1 else "=HYPERLINK(\"https://evil.example\")",
              "title": EVIL_TITLE + f" ({i})", "text": EVIL_TEXT, "published": f"2024-01-14T0{i}:00:00Z",
              "url": f"https://evil.example/a/{i}"} for i in (1, 2)]
    res = import_text(s, "\n".join(json.dumps(r) for r in rows), "jsonl")
    assert not res.errors, res.errors
    # Imports and feeds now keep such dates out (undated, flagged); a store written before may hold them.
    s.add_articles([Article(id=f"year-{y}", outlet="Archive", title=f"Dated year {y}", text="Officials met.",
                            published=datetime(y, 6, 1, tzinfo=timezone.utc)) for y in (1, 9999)], origin="import")
    s.save_outlets([Outlet("Fox News", ["https://fox.example/rss"], groups=["right"]),
                    Outlet("HuffPost", ["https://huff.example/rss"], groups=["left"]),
                    Outlet("New York Times", ["https://nyt.example/rss"], groups=["left"])])
    analyse_new(s)
    with s.engine.begin() as c:
        c.execute(sa.insert(events).values(id="ghost", label="An event whose articles went elsewhere", terms="[]",
                                           topics="[]", n_articles=3, n_original_outlets=9))
    s.dispose()
    return db


@pytest.fixture
def hostile(hostile_db, monkeypatch) -> Store:
    yield from served(hostile_db, monkeypatch)


def evil_event(s: Store) -> str:
    return next(a["event_id"] for a in s.clustered_since(None) if a["id"] == "evil-1")


# framelens's own links into the app (an event, a speaker, Methods): a relative path it builds itself from
# ids and URL-encoded names. Feed text cannot make one: safe() escapes its brackets and parentheses.
OWN_LINK = re.compile(r"\]\(/[A-Za-z0-9_\-./?=&%+]*\)")


def live_markup(text: str) -> list[str]:
    """What in a markdown body could still become a link, an image or HTML (framelens's own links aside)."""
    text = OWN_LINK.sub("", text)
    found = [m for m in ("](", "![", "www.") if m in text.lower()]
    return found + re.findall(r"(?<!\\)(?:[<>]|://)|@(?!\u2060)", text)


# -- markdown and HTML stay inert --------------------------------------------------------------------
@pytest.mark.parametrize("page, view", [(p, v) for p, vs in VIEWS.items() for v in vs])
def test_no_page_renders_feed_markup(hostile, page, view):
    params = {"view": view, **({"event": evil_event(hostile)} if page == "event" else {}),
              **({"speaker": "Vidir Reynisson"} if view == "One speaker" else {})}
    at = app(page, params)
    assert not at.exception, at.exception
    bodies = [e.value for kind in ("markdown", "caption", "info", "warning", "error", "success", "title")
              for e in getattr(at, kind)] + [e.label for e in at.expander]
    bad = {b: live_markup(b) for b in bodies if live_markup(str(b))}
    assert bad == {}
    if page == "event" and view == "Side by side":   # the hostile lead and headline were on the page, escaped
        assert any("Verify your account" in b for b in bodies) and any("Lava reaches" in b for b in bodies)
    for chart in at.get("plotly_chart"):
        drawn = json.dumps(json.loads(chart.proto.spec))
        assert "<a href" not in drawn and "<img" not in drawn, drawn[:300]


def test_safe_text_holds_no_link_trigger():
    """Streamlit links addresses after resolving escapes: safe() breaks each trigger with a word joiner."""
    from pages.common import safe
    out = safe("WWW.evil.example, HTTPS://evil.example/x, mailto:me@evil.example and [a](javascript:x)")
    assert live_markup(out) == [] and out.replace("\u2060", "").replace("\\", "") == \
        "WWW.evil.example, HTTPS://evil.example/x, mailto:me@evil.example and [a](javascript:x)"


def test_chart_builders_draw_names_as_text():
    """Every plotly builder escapes names and categories: no <a href> reaches the figure (or its SVG)."""
    from core import charts
    name = '<a href="https://evil.example/">Evil</a> & co'
    frame = pd.DataFrame({"day": pd.to_datetime(["2024-01-01", "2024-01-02"]), "outlet": [name, "Plain"],
                          "articles": [1, 2], "lag_hours": [1.0, 2.0]})
    figs = [charts.articles_over_time(frame), charts.stacked(frame, "day", "articles", "outlet", f"Title {name}"),
            charts.lines(frame, "day", "articles", "outlet", f"Quotes of {name}"),
            charts.lines(frame.iloc[:0], "day", "articles", "outlet", f"Quotes of {name}"),
            charts.bars(frame, "outlet", "articles", "Bars"), charts.box(frame, "outlet", "lag_hours", "Box"),
            charts.heatmap(pd.DataFrame([[1, 2]], index=[name], columns=[name, "Plain"]), "Heat", "quotes")]
    for fig in figs:
        drawn = json.dumps(fig.to_plotly_json(), default=str)
        assert "<a href" not in drawn, drawn[:300]
        assert "&lt;a href" in drawn   # still there, as text


# -- CSV downloads ------------------------------------------------------------------------------------
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    from pages.common import csv_bytes
    cells = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tindent",
             "\rreturn", "\uff1dSUM(1)", "Plain headline", "a=b", ""]
    df = pd.DataFrame({"title": cells, "n": range(len(cells)), "lag": [-2.5] * len(cells)})
    df["=bad header"] = "x"
    import csv
    import io
    header, *rows = list(csv.reader(io.StringIO(csv_bytes(df).decode("utf-8"), newline="")))
    titles = [r[0] for r in rows]
    assert titles[:7] == ["'" + c for c in cells[:7]]
    assert titles[7:] == ["Plain headline", "a=b", ""]
    assert {r[2] for r in rows} == {"-2.5"} and header[-1] == "'=bad header"   # numbers stay numbers


def test_every_csv_download_goes_through_the_neutralising_writer():
    offenders = [f"{p.name}:{n}" for p in sorted((ROOT / "pages").glob("*.py")) + sorted((ROOT / "core").glob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if "to_csv(" in line and "out.to_csv(index=False, lineterminator" not in line]
    assert offenders == []


def test_exported_csv_with_provenance_is_neutralised_too():
    from core.exports import Provenance, csv_bytes
    prov = Provenance("0", "now", None, {"search": ["=cmd"]})
    body = csv_bytes(pd.DataFrame({"title": ["=HYPERLINK(1)", "ok"]}), prov).decode()
    assert "\r\n'=HYPERLINK(1)\r\n" in body and "# filters: search: =cmd" in body


# -- empty events and absurd dates ----------------------------------------------------------------------
def test_an_event_without_articles_says_so(hostile):
    at = app("event", {"event": "ghost"})
    assert not at.exception
    assert any("no articles any more" in i.value for i in at.info)


def test_absurd_dates_stretch_no_view(hostile):
    from pages.data import VIEW_START, view_end
    at = app("timelines", {"hover": "true"})   # the chart drawn by the browser, whose spec is readable here
    assert not at.exception
    (chart,) = at.get("vega_lite_chart")
    n = hostile.count_articles()
    assert f"newest {n - 2} articles in view" in json.loads(chart.proto.spec)["title"]
    version = data.data_version(hostile)
    for frame, col in ((data.points(hostile, version, {}), "published"), (data.daily(hostile, version, {}), "day")):
        years = {t.year for t in pd.to_datetime(frame[col])}
        assert years and VIEW_START.year <= min(years) and max(years) <= view_end().year, years
    note = at.sidebar.caption[0].value
    assert "2 articles dated before 1900 or in the future are left out of the charts" in note
    # The typed date boxes offer the store's span, absurd dates left out, as their placeholders.
    lo, hi = (pd.Timestamp(at.sidebar.text_input(key=k).proto.placeholder).date() for k in ("f_from", "f_to"))
    assert lo.year >= 1900 and hi <= view_end().date()
    # Still listed where each article is shown with its date, so nothing is hidden.
    assert {"Dated year 1", "Dated year 9999"} <= set(app("articles").dataframe[0].value["title"])


# -- the Filters line names only what the page applies -------------------------------------------------
FILTERS = {  # label on the Filters line -> URL parameters that set it
    "Outlets": {"outlet": "Fox News"}, "Groups": {"group": "left"}, "Topics": None,
    "Published": None, "Search": {"q": "Lava"},
}


def filter_params(s: Store, label: str) -> dict:
    if label == "Topics":
        return {"topic": s.topics()[0]}
    if label == "Published":   # the span's first day left out
        from pages.data import VIEW_START
        first = min(d for d in s.articles_df(limit=None)["published"] if d >= VIEW_START)
        return {"from": (first + pd.Timedelta(days=1)).date().isoformat()}
    return FILTERS[label]


def test_every_page_declares_the_filters_it_applies():
    from pages.common import APPLIES, PAGES
    assert {url for *_, url in PAGES} == set(APPLIES)


def test_filters_line_of_a_view_the_page_lacks_is_that_of_its_first_view(hostile):
    # /timelines?view=Bogus (a hand-edited or stale link) shows Publication times, which applies a text search, but
    # the Filters line said the search was not applied.
    at = app("timelines", {"view": "Bogus", "text": "Putin"})
    assert not at.exception
    line = at.sidebar.caption[0].value
    assert "**Text:** Putin" in line and "Not applied" not in line, line


def main_output(at: AppTest) -> list:
    """What a page shows in its main area (tables, charts, captions, text), to compare two runs."""
    out = [df.value.astype(str).to_csv() for df in at.main.dataframe]
    out += [e.proto.spec for kind in ("plotly_chart", "vega_lite_chart") for e in at.get(kind)]
    out += [e.value for kind in ("markdown", "caption", "info") for e in getattr(at.main, kind)]
    return out


@pytest.mark.parametrize("page, view", [(p, v) for p, vs in VIEWS.items() for v in vs[:1]]
                         + [("timelines", "First to report")])
@pytest.mark.parametrize("label", list(FILTERS))
def test_filters_line_names_only_the_filters_the_page_applies(hostile, page, view, label):
    from pages.common import APPLIES, ALL_FILTERS
    params = filter_params(hostile, label)
    rule = APPLIES[page]
    applies = label in (rule[view] if isinstance(rule, dict) else rule)
    base = {"view": view, **({"event": evil_event(hostile)} if page == "event" else {})}
    plain, filtered = app(page, base), app(page, {**base, **params})
    assert not plain.exception and not filtered.exception
    line = filtered.sidebar.caption[0].value
    if applies:
        assert f"**{label}:**" in line, line
    else:
        assert f"**{label}:**" not in line and f"Not applied on this page:* {label.lower()}" in line, line
        # Not applied means not applied: the page shows exactly what it shows without the filter.
        assert main_output(filtered) == main_output(plain)
    assert ALL_FILTERS >= {label}
