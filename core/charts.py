"""Charts shared by the pages (plotly figures, and a Vega-Lite spec for publication timelines), with one
stable colour per outlet."""
from __future__ import annotations

import hashlib
import html
import threading

import pandas as pd
import plotly.graph_objects as go

# Colour-blind-friendly qualitative palettes (Plotly's Safe + Bold): enough distinct hues that
# two outlets in the same chart rarely collide, and readable on light and dark backgrounds.
PALETTE = [
    "#88CCEE", "#CC6677", "#DDCC77", "#117733", "#332288", "#AA4499", "#44AA99", "#999933", "#882255",
    "#661100", "#6699CC", "#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#E73F74", "#80BA5A", "#E68310",
    "#008695", "#CF1C90", "#f97b72", "#4b4b8f",
]


def outlet_colour(name: str) -> str:
    """The same outlet gets the same colour on every chart and every run."""
    h = int(hashlib.md5((name or "").encode("utf-8")).hexdigest()[:8], 16)
    return PALETTE[h % len(PALETTE)]


def colour_map(names) -> dict[str, str]:
    return {n: outlet_colour(n) for n in names}


def articles_over_time(daily: pd.DataFrame, top: int = 12) -> go.Figure:
    """Stacked article counts per day, week or month; outlets beyond the `top` busiest summed as 'other'."""
    if daily.empty:
        fig = go.Figure()
        fig.update_layout(title="No articles in this view")
        return fig
    freq = period_for((daily["day"].max() - daily["day"].min()).days)
    unit = {"D": "day", "W-MON": "week", "MS": "month"}[freq]
    if freq != "D":
        daily = daily.assign(day=daily["day"].dt.to_period(freq[0]).dt.start_time)
    fig = stacked(daily, "day", "articles", "outlet", f"Articles per {unit} by outlet (UTC)", top=top,
                  other="other outlets")
    fig.update_traces(hovertemplate="%{x|%Y-%m-%d}<br>%{y} articles<extra>%{fullData.name}</extra>")
    fig.update_layout(legend=dict(orientation="v", y=1), legend_title_text="outlet", hovermode="closest")
    return fig


def timeline(points: pd.DataFrame, title: str, top: int = 25) -> dict:
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
    values = [{"published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "outlet": o, "title": "" if pd.isna(h) else str(h),
               "reprint": bool(r)}
              for t, o, h, r in zip(published, shown["outlet"], shown["title"], hollow)]
    more = points["outlet"].nunique() - len(keep)
    colours = {"field": "outlet", "type": "nominal", "legend": None,
               "scale": {"domain": outlets, "range": [outlet_colour(o) for o in outlets]}}
    return {
        "title": title + (f" — {len(keep)} busiest outlets, {more} more not drawn" if more > 0 else ""),
        "data": {"values": values},
        "height": {"step": 24},  # a row per outlet however many there are (a fixed height squeezes them)
        "mark": {"type": "point", "filled": True, "size": 60, "strokeWidth": 2, "opacity": 0.9},
        "encoding": {
            "x": {"field": "published", "type": "temporal", "title": "published (UTC)", "scale": {"type": "utc"}},
            "y": {"field": "outlet", "type": "nominal", "title": None, "sort": outlets},
            "color": colours, "stroke": colours,
            "fillOpacity": {"condition": {"test": "datum.reprint", "value": 0}, "value": 1},
            "tooltip": [{"field": "published", "type": "temporal", "title": "published (UTC)",
                         "format": "%Y-%m-%d %H:%M", "formatType": "utc"},
                        {"field": "outlet", "type": "nominal"}, {"field": "title", "type": "nominal"}],
        },
    }


def inert(fig: go.Figure) -> go.Figure:
    """Plotly draws a few HTML tags in any text it shows (trace names, category labels, titles): an outlet
    named '<a href="…">' would become a live link in the chart and its SVG export. Escaped, each is drawn
    as the characters it is (plotly decodes the entities back for display)."""
    def esc(v):
        return html.escape(v, quote=False) if isinstance(v, str) else v
    for trace in fig.data:
        for attr in ("name", "x", "y", "text", "hovertext", "labels"):
            value = getattr(trace, attr, None)
            if isinstance(value, str):
                setattr(trace, attr, esc(value))
            elif value is not None and len(value) and any(isinstance(v, str) for v in value):
                setattr(trace, attr, [esc(v) for v in value])
    fig.layout.title.text = esc(fig.layout.title.text)
    return fig


def period_for(days: float) -> str:
    """Bar width that keeps a chart to at most a few hundred bars."""
    return "MS" if days > 730 else "W-MON" if days > 90 else "D"


def lines(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = 10, outlet_colours=False) -> go.Figure:
    """One line per category (the `top` largest), WebGL so long ranges stay fast."""
    fig = go.Figure()
    if df.empty:
        fig.update_layout(title=title + " (no data)")
        return inert(fig)
    keep = df.groupby(colour)[y].sum().sort_values(ascending=False).index[:top]
    for name in keep:
        part = df[df[colour] == name].sort_values(x)
        fig.add_trace(go.Scattergl(x=part[x], y=part[y], mode="lines+markers", name=str(name),
                                   line=dict(color=outlet_colour(str(name)) if outlet_colours else None)))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y, xaxis_title=None)
    return inert(fig)


def stacked(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = 10,
            other: str = "other") -> go.Figure:
    """Stacked bars per period for the `top` largest categories, the rest summed as `other`."""
    fig = go.Figure()
    if df.empty:
        fig.update_layout(title=title + " (no data)")
        return inert(fig)
    totals = df.groupby(colour)[y].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    d = df.assign(**{colour: df[colour].where(df[colour].isin(keep), other)})
    d = d.groupby([x, colour], as_index=False)[y].sum()
    for name in keep + ([other] if len(totals) > top else []):
        part = d[d[colour] == name]
        fig.add_trace(go.Bar(x=part[x], y=part[y], name=str(name),
                             marker_color="#9a9a9a" if name == other else outlet_colour(str(name))))
    fig.update_layout(barmode="stack", title=title, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y,
                      xaxis_title=None, legend=dict(orientation="h", y=-0.15))
    return inert(fig)


def heatmap(matrix: pd.DataFrame, title: str, value: str) -> go.Figure:
    """Rows × columns matrix of counts."""
    fig = go.Figure(go.Heatmap(z=matrix.values, x=list(matrix.columns), y=list(matrix.index), colorscale="Blues",
                               hovertemplate="%{y} in %{x}: %{z} " + value + "<extra></extra>"))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), height=max(300, 22 * len(matrix) + 140),
                      yaxis=dict(autorange="reversed"), xaxis=dict(side="top"))
    return inert(fig)


def bars(df: pd.DataFrame, x: str, y: str, title: str, colour_by_outlet: bool = True) -> go.Figure:
    fig = go.Figure(go.Bar(x=df[x], y=df[y], marker_color=[outlet_colour(str(v)) for v in df[x]]
                           if colour_by_outlet else None))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y, xaxis_title=None)
    return inert(fig)


def box(df: pd.DataFrame, x: str, y: str, title: str) -> go.Figure:
    """Box plots from quartiles computed here: sending every value to the browser is slow on big stores."""
    fig = go.Figure()
    for name, part in df.groupby(x):
        v = part[y].dropna()
        if v.empty:
            continue
        q1, med, q3 = v.quantile([0.25, 0.5, 0.75])
        iqr = q3 - q1
        lo, hi = v[v >= q1 - 1.5 * iqr].min(), v[v <= q3 + 1.5 * iqr].max()
        fig.add_trace(go.Box(name=str(name), x=[str(name)], q1=[q1], median=[med], q3=[q3], lowerfence=[lo], upperfence=[hi],
                             marker_color=outlet_colour(str(name))))
    fig.update_layout(title=title, showlegend=False, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y)
    return inert(fig)


_EXPORT_LOCK = threading.Lock()


def export(fig: go.Figure | dict, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, mime type, file extension) of a plotly figure or a Vega-Lite spec as PNG or SVG.

    Plotly goes through kaleido and Chromium, Vega-Lite through vl-convert (no browser); if that
    fails, a self-contained HTML chart still works.
    """
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    if isinstance(fig, dict):
        import vl_convert as vlc
        spec = {**fig, "width": 1000}  # "container" width means nothing off screen
        try:
            data = vlc.vegalite_to_png(spec, scale=2) if fmt == "png" else vlc.vegalite_to_svg(spec).encode("utf-8")
            return data, mime, fmt
        except Exception:  # noqa: BLE001
            return vlc.vegalite_to_html(spec, bundle=True).encode("utf-8"), "text/html", "html"
    try:
        with _EXPORT_LOCK:  # each export drives a browser; one at a time keeps a 2-core box responsive
            data = fig.to_image(format=fmt, width=1200, height=fig.layout.height or 600, scale=2 if fmt == "png" else 1)
        return data, mime, fmt
    except Exception:  # noqa: BLE001 - no browser (or kaleido) here: a self-contained HTML chart still works
        return export_html(fig), "text/html", "html"


def export_html(fig: go.Figure) -> bytes:
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
