"""Charts shared by the pages (plotly figures, and a Vega-Lite spec for publication timelines): colours
that are colour-blind safe, distinct within a chart and kept by an outlet across charts; layouts whose
labels survive export; a sentence instead of a chart when there is too little data to draw one."""
from __future__ import annotations

import asyncio
import html
import logging
import shutil
import threading
import warnings

import pandas as pd
import plotly.graph_objects as go

log = logging.getLogger(__name__)

# Paul Tol's "muted" qualitative scheme: nine colours distinct for readers with any common colour
# vision deficiency (https://personal.sron.nl/~pault/). Nine is the most a colour-blind-safe scheme
# offers, so charts that tell series apart by colour draw at most nine and sum the rest as grey "other".
PALETTE = ["#332288", "#DDCC77", "#117733", "#CC6677", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]
OTHER = "#BBBBBB"  # Tol's grey: "other" series, and outlets past the ninth in a chart that names them on an axis
MAX_SERIES = len(PALETTE)


def colour_book(ranked) -> dict[str, str]:
    """The colour each of the busiest outlets owns on every chart: `ranked` is busiest first."""
    names = list(dict.fromkeys(str(n) for n in ranked))
    return dict(zip(names, PALETTE))


def series_colours(names, book: dict[str, str] | None = None) -> dict[str, str]:
    """A distinct colour per series, in the given order (most important first).

    Names in the book keep their own colour; the others take the colours no one in this chart owns,
    in order, and grey once those run out. So an outlet in the book looks the same on every chart, and
    no two series of one chart share a colour while there are at most MAX_SERIES of them.
    """
    names = list(dict.fromkeys(str(n) for n in names))
    book = book or {}
    out = {n: book[n] for n in names if n in book}
    free = [c for c in PALETTE if c not in set(out.values())]
    for n in names:
        if n not in out:
            out[n] = free.pop(0) if free else OTHER
    return out


def label(text) -> str:
    """Untrusted text as a plotly label: plotly reads a subset of HTML in labels (<b>, <a href>), so
    every markup character is escaped and the reader sees exactly the text that arrived."""
    return html.escape(str(text), quote=False)


TITLE_MARGIN, SUBTITLE_MARGIN = 50, 75  # px above the plot for the title (and the provenance line under it)


def _layout(fig: go.Figure, title: str, **more) -> go.Figure:
    """Room for every label, on screen and in exports: the title sits in a top margin of its own (on
    the plot it collided with tick labels), and the axes push the other margins out as far as their
    tick labels need, where a fixed 10 px margin cut long ones off ("50" for 350)."""
    fig.update_layout(title=dict(text=label(_short(title)), x=0, xref="paper", xanchor="left", yref="container",
                                 y=1, yanchor="top", pad=dict(t=10)),
                      margin=dict(t=TITLE_MARGIN, l=10, r=10, b=10), **more)
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig


def _short(text: str, limit: int = 110) -> str:
    """A title that fits on one line of an exported chart (titles can name a speaker of any length)."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _empty(title: str, reason: str) -> go.Figure:
    """A figure that carries why there is nothing to draw (see too_little())."""
    fig = _layout(go.Figure(), title)
    fig.update_layout(meta={"too_little": reason})
    return fig


def too_little(chart) -> str | None:
    """A sentence saying why this chart would mislead or show nothing (then show that instead), else None."""
    if isinstance(chart, dict):  # a Vega-Lite spec
        if not (chart.get("data") or {}).get("values"):
            return "No article in this view has a publication time, so there is no timeline to draw."
        return None
    meta = chart.layout.meta
    return meta.get("too_little") if isinstance(meta, dict) else None


def period_for(days: float) -> str:
    """Bar width that keeps a chart to at most a few hundred bars."""
    return "MS" if days > 730 else "W-MON" if days > 90 else "D"


def _one_period(days: pd.Series, what: str, unit: str) -> str | None:
    """When everything falls in one period, a chart over time is a single bar on an axis plotly
    stretches to fractions of a second: say so instead."""
    distinct = days.dropna().unique()
    if len(distinct) == 1:
        return (f"All {what} in this view fall in one {unit} ({pd.Timestamp(distinct[0]):%Y-%m-%d}): a chart over "
                "time needs at least two. Widen the date range, or see the table.")
    return None


def articles_over_time(daily: pd.DataFrame, top: int = MAX_SERIES, book=None) -> go.Figure:
    """Stacked article counts per day, week or month; outlets beyond the `top` busiest summed as 'other'."""
    title = "Articles by outlet"
    if daily.empty:
        return _empty(title, "No articles in this view.")
    freq = period_for((daily["day"].max() - daily["day"].min()).days)
    unit = {"D": "day", "W-MON": "week", "MS": "month"}[freq]
    if freq != "D":
        daily = daily.assign(day=daily["day"].dt.to_period(freq[0]).dt.start_time)
    fig = stacked(daily, "day", "articles", "outlet", f"Articles per {unit} by outlet (UTC)", top=top,
                  other="other outlets", book=book, unit=unit)
    if too_little(fig):
        return fig
    fig.update_traces(hovertemplate="%{x|%Y-%m-%d}<br>%{y} articles<extra>%{fullData.name}</extra>")
    fig.update_layout(legend_title_text="outlet", hovermode="closest")
    return fig


def timeline(points: pd.DataFrame, title: str, top: int = 25, book=None) -> dict:
    """Publication times, one row per outlet (the `top` busiest), reprints hollow, as a Vega-Lite spec.

    Vega-Lite, not plotly, because this is the first view of the Timelines page: in a browser that has
    not loaded plotly yet, its 4.7 MB bundle and three draws of thousands of markers took 3 s, where
    Vega's smaller bundle draws the same chart in half that. Export goes through vl-convert (export()).
    """
    if points.empty:
        return {"title": title + " (no data)", "data": {"values": []}, "mark": "point"}
    keep = points["outlet"].value_counts().index[:top]
    shown = points[points["outlet"].isin(keep)]
    outlets = sorted(keep)
    published = pd.to_datetime(shown["published"], utc=True)
    shown, published = shown[published.notna()], published[published.notna()]  # no time, no place on the axis
    hollow = shown.get("reprint", pd.Series(False, index=shown.index)).fillna(False).astype(bool)
    # Titles go in as data: Vega draws them as text (its tooltip escapes HTML), so no escaping here,
    # which would show "&amp;" to the reader.
    precision = shown.get("date_precision", pd.Series("exact", index=shown.index)).fillna("exact")
    values = [{"published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "when": _when(t, p), "outlet": o,
               "title": "" if pd.isna(h) else str(h)} for t, p, o, h in zip(published, precision, shown["outlet"],
                                                                         shown["title"])]
    if hollow.any():  # only then: on the Timelines page none is, and every byte of 3,000 points is sent and parsed
        for v, r in zip(values, hollow):
            v["reprint"] = bool(r)
    more = points["outlet"].nunique() - len(keep)
    colours_of = series_colours(keep, book)  # busiest first, so the free colours go to the busiest
    x_scale = {"type": "utc"}
    if len(values) and published.min() == published.max():  # one instant: a day around it, not fractions of a second
        x_scale["domain"] = [(published.min() - pd.Timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             (published.min() + pd.Timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M:%SZ")]
    colours = {"field": "outlet", "type": "nominal", "legend": None,
               "scale": {"domain": outlets, "range": [colours_of[o] for o in outlets]}}
    return {
        "title": title + (f" — {len(keep)} busiest outlets, {more} more not drawn" if more > 0 else ""),
        "data": {"values": values},
        "height": {"step": 24},  # a row per outlet however many there are (a fixed height squeezes them)
        "mark": {"type": "point", "filled": True, "size": 60, "strokeWidth": 2, "opacity": 0.9},
        "encoding": {
            "x": {"field": "published", "type": "temporal", "title": "published (UTC)", "scale": x_scale},
            # No label limit: Vega cuts labels past 180 px with "…", and an outlet's name is the point.
            "y": {"field": "outlet", "type": "nominal", "title": None, "sort": outlets, "axis": {"labelLimit": 0}},
            "color": colours, "stroke": colours,
            **({"fillOpacity": {"condition": {"test": "datum.reprint", "value": 0}, "value": 1}} if hollow.any() else {}),
            # The time as text: a date-only value says so instead of showing an invented 00:00.
            "tooltip": [{"field": "when", "type": "nominal", "title": "published"},
                        {"field": "outlet", "type": "nominal"}, {"field": "title", "type": "nominal"}],
        },
    }


def _when(t: pd.Timestamp, precision: str) -> str:
    """A publication time as a reader should see it (core.dates precision: exact / date / year)."""
    return f"{t:%Y} (year only)" if precision == "year" else f"{t:%Y-%m-%d} (date only)" if precision == "date" \
        else f"{t:%Y-%m-%d %H:%M} UTC"


def lines(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = MAX_SERIES, book=None) -> go.Figure:
    """One line per category (the `top` largest), WebGL so long ranges stay fast."""
    if df.empty:
        return _empty(title, "Nothing to draw in this view.")
    reason = _one_period(df[x], y, "day") if pd.api.types.is_datetime64_any_dtype(df[x]) else None
    if reason:
        return _empty(title, reason)
    keep = list(df.groupby(colour)[y].sum().sort_values(ascending=False).index[:top])
    colours = series_colours(keep, book)
    fig = go.Figure()
    for name in keep:
        part = df[df[colour] == name].sort_values(x)
        fig.add_trace(go.Scattergl(x=part[x], y=part[y], mode="lines+markers", name=label(name),
                                   line=dict(color=colours[str(name)])))
    return _layout(fig, title, yaxis_title=y, xaxis_title=None)


def stacked(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = MAX_SERIES,
            other: str = "other", book=None, unit: str = "period") -> go.Figure:
    """Stacked bars per period for the `top` largest categories (distinct colours), the rest summed as `other`."""
    if df.empty:
        return _empty(title, "Nothing to draw in this view.")
    reason = _one_period(df[x], y, unit) if pd.api.types.is_datetime64_any_dtype(df[x]) else None
    if reason:
        return _empty(title, reason)
    totals = df.groupby(colour)[y].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    colours = series_colours(keep, book)
    d = df.assign(**{colour: df[colour].where(df[colour].isin(keep), other)})
    d = d.groupby([x, colour], as_index=False)[y].sum()
    fig = go.Figure()
    for name in keep + ([other] if len(totals) > top else []):
        part = d[d[colour] == name]
        fig.add_trace(go.Bar(x=part[x], y=part[y], name=label(name),
                             marker_color=OTHER if name == other and name not in colours else colours[str(name)]))
    return _layout(fig, title, barmode="stack", yaxis_title=y, xaxis_title=None)


def heatmap(matrix: pd.DataFrame, title: str, value: str) -> go.Figure:
    """Rows × columns matrix of counts."""
    if matrix.empty or not matrix.to_numpy().any():
        return _empty(title, f"No {value} to count in this view.")
    # Labels escaped for plotly; hover shows the same escaped-then-decoded text.
    fig = go.Figure(go.Heatmap(z=matrix.values, x=[label(c) for c in matrix.columns],
                               y=[label(i) for i in matrix.index], colorscale="Blues",
                               hovertemplate="%{y} in %{x}: %{z} " + label(value) + "<extra></extra>"))
    # Outlet names along the bottom: along the top they ran into the title.
    return _layout(fig, title, height=max(300, 22 * len(matrix) + 200), yaxis=dict(autorange="reversed"),
                   xaxis=dict(tickangle=-45))


def bars(df: pd.DataFrame, x: str, y: str, title: str, colour_by_outlet: bool = True, book=None) -> go.Figure:
    """One bar per row (an outlet, usually); outlets keep their colours, the rest are grey."""
    if df.empty:
        return _empty(title, "Nothing to draw in this view.")
    if not df[y].fillna(0).astype(float).any():
        return _empty(title, f"Every value of {y} in this view is 0.")
    names = [str(v) for v in df[x]]
    colours = _axis_colours(names, book) if colour_by_outlet else None
    fig = go.Figure(go.Bar(x=[label(n) for n in names], y=df[y],
                           marker_color=[colours[n] for n in names] if colours else PALETTE[0]))
    return _layout(fig, title, yaxis_title=y, xaxis_title=None)


def _axis_colours(names: list[str], book) -> dict[str, str]:
    """Colours for outlets named on an axis: with few enough, each its own; past MAX_SERIES only the
    outlets in the book keep theirs and the rest are grey (the axis, not the colour, names them)."""
    if len(set(names)) <= MAX_SERIES or not book:
        return series_colours(names, book)
    book = book or {}
    return {n: book.get(n, OTHER) for n in names}


def box(df: pd.DataFrame, x: str, y: str, title: str, book=None) -> go.Figure:
    """Box plots from quartiles computed here: sending every value to the browser is slow on big stores."""
    v_all = df[y].dropna() if not df.empty else pd.Series(dtype=float)
    if v_all.empty:
        return _empty(title, "Nothing to draw in this view.")
    if v_all.nunique() == 1:
        return _empty(title, f"Every value in this view is {v_all.iloc[0]:g} ({len(v_all)} of them): a box plot "
                             "of one value says nothing. When every lag is 0, the times behind it are often "
                             "dates without an hour.")
    names = [str(n) for n in df[x].drop_duplicates()]
    colours = _axis_colours(names, book)
    fig = go.Figure()
    for name, part in df.groupby(x, sort=False):
        v = part[y].dropna()
        if v.empty:
            continue
        q1, med, q3 = v.quantile([0.25, 0.5, 0.75])
        iqr = q3 - q1
        lo, hi = v[v >= q1 - 1.5 * iqr].min(), v[v <= q3 + 1.5 * iqr].max()
        fig.add_trace(go.Box(name=label(name), x=[label(name)], q1=[q1], median=[med], q3=[q3], lowerfence=[lo],
                             upperfence=[hi], marker_color=colours[str(name)]))
    return _layout(fig, title, showlegend=False, yaxis_title=y)


# -- export -----------------------------------------------------------------------------------------
EXPORT_WIDTH = 1200
EXPORT_TIMEOUT = 60.0  # seconds one export may take before the browser is restarted


class _Exporter:
    """One headless Chromium kept open for plotly exports: starting it took 5-9 s of every export,
    drawing in it takes well under one. Exports run one at a time (they share the browser's tab)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.kaleido = None

    def _start(self) -> None:
        import kaleido
        if self.loop is None:
            self.loop = asyncio.new_event_loop()
            threading.Thread(target=self.loop.run_forever, name="framelens-export", daemon=True).start()

        async def open_browser():
            # No MathJax: kaleido would fetch it from a CDN, which a machine offline waits for.
            k = kaleido.Kaleido(n=1, timeout=EXPORT_TIMEOUT, mathjax=False)
            await k.open()
            return k
        self.kaleido = self._run(open_browser())

    def _run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(EXPORT_TIMEOUT)

    def _stop(self) -> None:
        if self.kaleido is not None:
            try:
                self._run(self.kaleido.close())
            except Exception:  # noqa: BLE001 - a browser that crashed cannot be closed; it is gone either way
                pass
            self.kaleido = None

    def render(self, fig: dict, fmt: str, width: int, height: int, scale: float) -> bytes:
        """The figure drawn by the warm browser, started on first use and restarted once if it fails."""
        opts = dict(format=fmt, width=width, height=height, scale=scale)
        with self.lock:
            for attempt in (1, 2):
                try:
                    if self.kaleido is None:
                        self._start()
                    return self._run(self.kaleido.calc_fig(fig, opts=opts))
                except Exception:
                    self._stop()
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def warm(self) -> None:
        """Start the browser ahead of the first export (the dashboard server does this at start)."""
        if browser_path():
            self.render(go.Figure(go.Bar(x=["a"], y=[1])).to_dict(), "svg", 200, 200, 1)

    def close(self) -> None:
        with self.lock:
            self._stop()


EXPORTER = _Exporter()


def browser_path() -> str | None:
    """The Chromium kaleido would drive, or None when this machine has none."""
    import os
    return os.environ.get("BROWSER_PATH") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome")) if p), None)


def with_provenance(fig: go.Figure | dict, note: str | None):
    """A copy of the chart with a provenance line as its subtitle, under the title."""
    if not note:
        return fig
    if isinstance(fig, dict):
        title = fig.get("title")
        text = title.get("text") if isinstance(title, dict) else title
        return {**fig, "title": {"text": text or "", "subtitle": note, "anchor": "start"}}
    out = go.Figure(fig)
    out.update_layout(title_subtitle=dict(text=label(_short(note, 180)), font=dict(size=11, color="#555555")),
                      margin=dict(t=SUBTITLE_MARGIN))
    return out


def export(fig: go.Figure | dict, fmt: str, note: str | None = None) -> tuple[bytes, str, str]:
    """(bytes, mime type, file extension) of a plotly figure or a Vega-Lite spec as PNG or SVG, with the
    provenance `note` written on it.

    Plotly goes through kaleido and a warm Chromium, Vega-Lite through vl-convert (no browser); if that
    fails, a self-contained HTML chart still works.
    """
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    fig = with_provenance(fig, note)
    if isinstance(fig, dict):
        import vl_convert as vlc
        spec = {**fig, "width": EXPORT_WIDTH - 200}  # "container" width means nothing off screen
        try:
            data = vlc.vegalite_to_png(spec, scale=2) if fmt == "png" else vlc.vegalite_to_svg(spec).encode("utf-8")
            return data, mime, fmt
        except Exception:  # noqa: BLE001
            return vlc.vegalite_to_html(spec, bundle=True).encode("utf-8"), "text/html", "html"
    try:
        if not browser_path():
            raise RuntimeError("no Chromium on this machine")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = EXPORTER.render(_vector(fig.to_dict()), fmt, EXPORT_WIDTH, int(fig.layout.height or 600),
                                   2 if fmt == "png" else 1)
        return data, mime, fmt
    except Exception as e:  # noqa: BLE001 - no browser (or kaleido) here: a self-contained HTML chart still works
        log.warning("plotly export as %s failed (%s); offering HTML instead", fmt, e)
        return export_html(fig), "text/html", "html"


PICTURE_WIDTH = 900  # px of plot: with the outlet labels about the width of a wide page's main column


def picture(spec: dict) -> str | None:
    """A Vega-Lite chart drawn on the server as SVG text, for a browser to show as an image; None when it
    cannot be drawn (the page then draws the chart itself).

    Why: starting Vega and drawing 3,000 points cost a new tab 1.80 s of main-thread CPU where the picture
    cost 1.21 s (a bare app's table 0.95 s; CDP metrics on a loaded machine), and on the Timelines page that
    was the whole gap to a bare app. As an <img>, the SVG runs no script, so
    what the spec holds (titles, outlet names) cannot act in the page; aria labels (each point's title)
    are left out, which halves the SVG: the interactive chart has the titles.
    """
    import vl_convert as vlc
    # The browser draws the SVG's text in its own sans-serif, which can run wider than the font vl-convert
    # measured the outlet names with: room on the left keeps the longest name whole ("Wall Street Journal").
    drawn = {**spec, "width": PICTURE_WIDTH, "padding": {"left": 60, "top": 5, "right": 5, "bottom": 5},
             "config": {**spec.get("config", {}), "aria": False}}
    try:
        return vlc.vegalite_to_svg(drawn)
    except Exception as e:  # noqa: BLE001 - a spec vl-convert refuses is still drawn by the browser
        log.warning("drawing the chart as a picture failed (%s); the browser draws it", e)
        return None


def _vector(fig: dict) -> dict:
    """WebGL traces as SVG ones for export: a headless browser has no GPU and drew them in 3-8 s, and
    an SVG file would hold them as a bitmap."""
    for trace in fig.get("data", []):
        if trace.get("type") == "scattergl":
            trace["type"] = "scatter"
    return fig


def export_html(fig: go.Figure) -> bytes:
    """The chart as one HTML file with plotly.js inside (no network needed to open it)."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
