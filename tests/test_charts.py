"""Charts: labels that survive export (read back from the exported SVG), colours, too-little-data sentences."""
from __future__ import annotations

import html
import struct

import numpy as np
import pandas as pd
import pytest

from core import charts
from tests import svg_labels
from tests.browser_util import CHROMIUM

OUTLETS = ["Washington Examiner (Online News)", "New York Times", "Fox News", "Reuters", "HuffPost", "The Hill",
           "Sputnik International", "Global Times", "Xinhua News Agency", "TASS", "Al Jazeera English",
           "The Times of India", "Deutsche Welle", "South China Morning Post", "<b>Kyiv</b> & Independent"]
TOPICS = ["Economy & markets", "US politics & elections", "War in Ukraine", "Health", "Climate & environment",
          "Crime & justice", "Science & technology", "Sports", "Middle East", "China & Taiwan", "Migration"]
DAYS = pd.date_range("2024-01-01", periods=30, freq="D")
rng = np.random.default_rng(7)
needs_browser = pytest.mark.skipif(not charts.browser_path(), reason=f"no Chromium (Debian's is at {CHROMIUM})")


def per_day(names, column) -> pd.DataFrame:
    # Counts in the hundreds: three-digit tick labels are the ones a fixed margin cut to "50" for 350.
    return pd.DataFrame([(d, n, int(rng.integers(0, 400))) for d in DAYS for n in names],
                        columns=["day", column, "articles"])


def every_chart() -> dict:
    """One of each chart the pages draw, on data with long and markup-laden names."""
    speakers = [f"Speaker {i} Hyphenated-Longname" for i in range(30)]
    matrix = pd.DataFrame(rng.integers(0, 30, (30, len(OUTLETS))), index=speakers, columns=OUTLETS)
    lag = pd.DataFrame([(o, float(v)) for o in OUTLETS for v in rng.exponential(5, 20)], columns=["outlet", "lag_hours"])
    points = pd.DataFrame({"outlet": rng.choice(OUTLETS, 200), "title": "t", "published": pd.Timestamp(
        "2024-01-01", tz="UTC") + pd.to_timedelta(rng.integers(0, 10**6, 200), unit="s")})
    return {
        "articles over time": (charts.articles_over_time(per_day(OUTLETS, "outlet")), []),  # its legend's names
        "attention by topic": (charts.stacked(per_day(TOPICS, "topic"), "day", "articles", "topic",
                                              "Original articles per topic"), TOPICS[:1]),
        "anonymous share": (charts.bars(pd.DataFrame({"outlet": OUTLETS, "share": rng.random(len(OUTLETS))}),
                                        "outlet", "share", "Share of attributions to anonymous sources"), OUTLETS),
        "speakers heatmap": (charts.heatmap(matrix, "Top 30 speakers × 15 busiest outlets (quotes)", "quotes"),
                             OUTLETS + speakers),
        "lag box plot": (charts.box(lag, "outlet", "lag_hours", "Hours behind the first report"), OUTLETS),
        "speaker over time": (charts.lines(per_day(OUTLETS[:5], "outlet"), "day", "articles", "outlet",
                                           "Quotes of Someone over time"), OUTLETS[:5]),
        "publication timeline": (charts.timeline(points, "Publication times"), OUTLETS),
    }


@needs_browser
@pytest.mark.parametrize("name", list(every_chart()))
def test_exported_svg_holds_every_label_whole(name):
    fig, names = every_chart()[name]
    svg, mime, _ = charts.export(fig, "svg", note="framelens 0.1.0 · store updated 2024-02-01 · filters: none")
    assert mime == "image/svg+xml"
    texts = {lb.text for lb in svg_labels.labels(svg)[0]}
    if not isinstance(fig, dict) and fig.layout.showlegend is not False:
        names = list(names) + [html.unescape(t.name) for t in fig.data if t.name]
    assert set(names) <= texts  # each name whole, markup shown as the characters that arrived
    assert "framelens 0.1.0 · store updated 2024-02-01 · filters: none" in texts  # provenance on the chart
    assert not svg_labels.outside(svg), "labels cut off at the edge"
    assert not svg_labels.overlapping(svg), "labels drawn over each other"
    assert b"<b>" not in svg


@needs_browser
@pytest.mark.parametrize("name", list(every_chart()))
def test_exported_png_is_the_checked_svg_drawn_at_twice_its_size(name):
    """The PNG is drawn from the same layout as the SVG whose labels the test above reads: same canvas,
    twice the pixels, so no label the SVG holds whole is cut from the PNG."""
    fig, _ = every_chart()[name]
    note = "framelens 0.1.0 · store updated 2024-02-01 · filters: none"
    svg, _, _ = charts.export(fig, "svg", note=note)
    png, mime, _ = charts.export(fig, "png", note=note)
    assert mime == "image/png" and png.startswith(b"\x89PNG\r\n\x1a\n")
    _, width, height = svg_labels.labels(svg)
    size = struct.unpack(">II", png[16:24])  # the IHDR chunk's width and height
    assert size == (round(2 * width), round(2 * height))


@needs_browser
def test_png_export_is_a_png_and_the_browser_stays_open():
    fig, _ = every_chart()["anonymous share"]
    png, mime, ext = charts.export(fig, "png")
    assert (mime, ext) == ("image/png", "png") and png.startswith(b"\x89PNG\r\n\x1a\n")
    first = charts.EXPORTER.kaleido
    charts.export(fig, "svg")
    assert first is not None and charts.EXPORTER.kaleido is first  # one browser for every export


@needs_browser
def test_a_failed_export_restarts_the_browser(monkeypatch):
    fig, _ = every_chart()["anonymous share"]
    charts.export(fig, "svg")
    broken = charts.EXPORTER.kaleido

    async def crash(*a, **k):
        raise RuntimeError("the browser went away")
    monkeypatch.setattr(broken, "calc_fig", crash)
    svg, mime, _ = charts.export(fig, "svg")
    assert mime == "image/svg+xml" and svg.startswith(b"<svg") and charts.EXPORTER.kaleido is not broken


def test_without_a_browser_a_chart_exports_as_html(monkeypatch):
    monkeypatch.setattr(charts, "browser_path", lambda: None)
    fig, _ = every_chart()["anonymous share"]
    data, mime, ext = charts.export(fig, "png")
    assert (mime, ext) == ("text/html", "html") and b"plotly" in data


def test_stacked_series_each_get_their_own_colour():
    fig = charts.stacked(per_day(TOPICS, "topic"), "day", "articles", "topic", "Original articles per topic")
    colours = {t.name: t.marker.color for t in fig.data}
    named = [c for n, c in colours.items() if n != "other"]
    assert len(named) == charts.MAX_SERIES and len(set(named)) == len(named)  # nine topics, nine colours
    assert set(named) <= set(charts.PALETTE) and colours["other"] == charts.OTHER


def test_an_outlet_keeps_its_colour_across_charts():
    book = charts.colour_book(["Reuters", "New York Times", "Fox News"])
    assert len(set(book.values())) == 3
    over_time = charts.articles_over_time(per_day(["New York Times", "Reuters", "Dawn"], "outlet"), book=book)
    only_two = charts.articles_over_time(per_day(["Reuters", "Dawn"], "outlet"), book=book)
    shares = charts.bars(pd.DataFrame({"outlet": ["Reuters", "Fox News"], "share": [0.2, 0.4]}), "outlet", "share",
                         "Shares", book=book)
    assert {t.name: t.marker.color for t in over_time.data}["Reuters"] == book["Reuters"]
    assert {t.name: t.marker.color for t in only_two.data}["Reuters"] == book["Reuters"]
    assert list(shares.data[0].marker.color) == [book["Reuters"], book["Fox News"]]
    colours = charts.series_colours(["Dawn", "Reuters", "TASS"], book)
    assert colours["Reuters"] == book["Reuters"] and len(set(colours.values())) == 3  # no one else takes its colour


def test_series_past_the_palette_are_grey():
    colours = charts.series_colours([f"o{i}" for i in range(charts.MAX_SERIES + 2)])
    assert list(colours.values()) == charts.PALETTE + [charts.OTHER, charts.OTHER]


@pytest.mark.parametrize("make, says", [
    (lambda: charts.articles_over_time(pd.DataFrame({"day": pd.to_datetime(["2024-01-14"] * 2),
                                                     "outlet": ["A", "B"], "articles": [3, 4]})), "one day (2024-01-14)"),
    (lambda: charts.box(pd.DataFrame({"outlet": ["A", "B", "C"], "lag_hours": [0.0, 0.0, 0.0]}), "outlet", "lag_hours",
                        "Lags"), "Every value in this view is 0"),
    (lambda: charts.bars(pd.DataFrame({"outlet": ["A", "B"], "share": [0.0, 0.0]}), "outlet", "share", "Shares"),
     "Every value of share"),
    (lambda: charts.stacked(pd.DataFrame(columns=["day", "topic", "articles"]), "day", "articles", "topic", "T"),
     "Nothing to draw"),
    (lambda: charts.heatmap(pd.DataFrame(), "Speakers", "quotes"), "No quotes"),
    (lambda: charts.lines(pd.DataFrame({"day": pd.to_datetime(["2024-01-14"]), "outlet": ["A"], "quotes": [2]}), "day",
                          "quotes", "outlet", "Quotes over time"), "one day"),
    (lambda: charts.timeline(pd.DataFrame(columns=["outlet", "title", "published"]), "Times"), "no timeline"),
])
def test_too_little_data_gives_a_sentence_instead_of_a_chart(make, says):
    reason = charts.too_little(make())
    assert reason and says in reason


def test_a_date_only_time_is_shown_without_an_hour():
    spec = charts.timeline(pd.DataFrame({"outlet": ["A", "B"], "title": ["x", "y"], "date_precision": ["date", "exact"],
                                         "published": pd.to_datetime(["2024-01-14T00:00Z", "2024-01-14T06:30Z"])}), "T")
    assert [v["when"] for v in spec["data"]["values"]] == ["2024-01-14 (date only)", "2024-01-14 06:30 UTC"]
    assert spec["encoding"]["tooltip"][0]["field"] == "when"


def test_a_timeline_without_reprints_carries_no_reprint_field():
    points = pd.DataFrame({"outlet": ["A", "B"], "title": ["x", "y"],
                           "published": pd.to_datetime(["2024-01-14T06:00Z", "2024-01-15T06:00Z"])})
    plain = charts.timeline(points, "T")
    assert all("reprint" not in v for v in plain["data"]["values"]) and "fillOpacity" not in plain["encoding"]
    mixed = charts.timeline(points.assign(reprint=[False, True]), "T")
    assert [v["reprint"] for v in mixed["data"]["values"]] == [False, True]
    assert mixed["encoding"]["fillOpacity"]["condition"]["test"] == "datum.reprint"


def test_a_timeline_of_one_instant_spans_a_day_around_it():
    spec = charts.timeline(pd.DataFrame({"outlet": ["A", "B"], "title": ["x", "y"],
                                         "published": pd.to_datetime(["2024-01-14T06:00Z"] * 2)}), "Times")
    assert charts.too_little(spec) is None  # one point per outlet still says when
    assert spec["encoding"]["x"]["scale"]["domain"] == ["2024-01-13T18:00:00Z", "2024-01-14T18:00:00Z"]


def test_enough_data_draws_the_chart():
    fig, _ = every_chart()["lag box plot"]
    assert charts.too_little(fig) is None and charts.too_little(every_chart()["publication timeline"][0]) is None


def test_labels_from_feeds_are_escaped_for_plotly():
    fig = charts.bars(pd.DataFrame({"outlet": ['<a href="https://evil.example">x</a>'], "n": [1]}), "outlet", "n", "T")
    assert list(fig.data[0].x) == ['&lt;a href="https://evil.example"&gt;x&lt;/a&gt;']


def test_the_timeline_picture_holds_every_label_and_point_and_runs_nothing():
    values = every_chart()["publication timeline"][0]["data"]["values"]
    hostile = [{"outlet": "<script>alert(1)</script>", "title": '<img src=x onerror="alert(2)">',
                "published": f"2024-01-0{d}T05:00:00Z"} for d in (1, 2)]
    points = pd.DataFrame(values + hostile).assign(published=lambda d: pd.to_datetime(d["published"], utc=True))
    svg = charts.picture(charts.timeline(points, "Publication times"))
    texts = {lb.text for lb in svg_labels.labels(svg)[0]}  # parses as XML: markup in names stayed text
    assert {"Publication times", "<script>alert(1)</script>"} | set(OUTLETS) <= texts
    assert not svg_labels.outside(svg), "labels cut off at the edge"
    root = svg_labels.ET.fromstring(svg)
    assert not [el for el in root.iter() if el.tag.split("}")[-1] in ("script", "foreignObject", "image")]
    assert "onerror" not in svg and "alert(2)" not in svg  # titles are for the hover chart only
    marks = [el for el in root.iter(svg_labels.SVG + "g") if "mark-symbol" in (el.get("class") or "")]
    assert sum(len(g) for g in marks) == len(points)


def test_a_spec_vl_convert_refuses_gives_no_picture():
    assert charts.picture({"mark": "no such mark", "data": {"values": [{"a": 1}]}}) is None
