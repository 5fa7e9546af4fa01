"""Plotly figures shared by the pages, with one stable colour per outlet."""
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


def timeline(points: pd.DataFrame, title: str, top: int = 25) -> go.Figure:
    """Publication times, one row per outlet (the `top` busiest), reprints hollow."""
    fig = go.Figure()
    if points.empty:
        fig.update_layout(title=title + " (no data)")
        return fig
    keep = points["outlet"].value_counts().index[:top]
    shown = points[points["outlet"].isin(keep)]
    for outlet, part in shown.groupby("outlet", sort=True):
        hollow = part.get("reprint", pd.Series(False, index=part.index)).fillna(False).astype(bool)
        colour = outlet_colour(outlet)
        # SVG, not WebGL: 3,000 markers at most draw faster as SVG than a WebGL context costs to set
        # up (software-rendered without a GPU), and there is no canvas size limit to drift past.
        fig.add_trace(go.Scatter(
            x=part["published"], y=[outlet] * len(part), mode="markers", name=outlet,
            marker=dict(color=colour, size=9, line=dict(width=2, color=colour),
                        symbol=["circle-open" if h else "circle" for h in hollow] if hollow.any() else "circle"),
            # Plotly renders a subset of HTML in hover text; feed titles must stay plain text.
            text=part["title"].fillna("").map(html.escape),
            hovertemplate="%{x|%Y-%m-%d %H:%M} UTC<br>%{text}<extra>%{y}</extra>"))
    more = points["outlet"].nunique() - len(keep)
    fig.update_layout(title=title + (f" — {len(keep)} busiest outlets, {more} more not drawn" if more > 0 else ""),
                      showlegend=False, xaxis_title="published (UTC)", yaxis_title=None,
                      margin=dict(t=50, l=10, r=10, b=10), height=max(260, 30 * len(keep) + 120))
    return fig


def period_for(days: float) -> str:
    """Bar width that keeps a chart to at most a few hundred bars."""
    return "MS" if days > 730 else "W-MON" if days > 90 else "D"


def lines(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = 10, outlet_colours=False) -> go.Figure:
    """One line per category (the `top` largest), WebGL so long ranges stay fast."""
    fig = go.Figure()
    if df.empty:
        fig.update_layout(title=title + " (no data)")
        return fig
    keep = df.groupby(colour)[y].sum().sort_values(ascending=False).index[:top]
    for name in keep:
        part = df[df[colour] == name].sort_values(x)
        fig.add_trace(go.Scattergl(x=part[x], y=part[y], mode="lines+markers", name=str(name),
                                   line=dict(color=outlet_colour(str(name)) if outlet_colours else None)))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y, xaxis_title=None)
    return fig


def stacked(df: pd.DataFrame, x: str, y: str, colour: str, title: str, top: int = 10,
            other: str = "other") -> go.Figure:
    """Stacked bars per period for the `top` largest categories, the rest summed as `other`."""
    fig = go.Figure()
    if df.empty:
        fig.update_layout(title=title + " (no data)")
        return fig
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
    return fig


def heatmap(matrix: pd.DataFrame, title: str, value: str) -> go.Figure:
    """Rows × columns matrix of counts."""
    fig = go.Figure(go.Heatmap(z=matrix.values, x=list(matrix.columns), y=list(matrix.index), colorscale="Blues",
                               hovertemplate="%{y} in %{x}: %{z} " + value + "<extra></extra>"))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), height=max(300, 22 * len(matrix) + 140),
                      yaxis=dict(autorange="reversed"), xaxis=dict(side="top"))
    return fig


def bars(df: pd.DataFrame, x: str, y: str, title: str, colour_by_outlet: bool = True) -> go.Figure:
    fig = go.Figure(go.Bar(x=df[x], y=df[y], marker_color=[outlet_colour(str(v)) for v in df[x]]
                           if colour_by_outlet else None))
    fig.update_layout(title=title, margin=dict(t=50, l=10, r=10, b=10), yaxis_title=y, xaxis_title=None)
    return fig


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
    return fig


_EXPORT_LOCK = threading.Lock()


def export(fig: go.Figure, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, mime type, file extension): PNG or SVG via kaleido and Chromium, else standalone HTML."""
    try:
        with _EXPORT_LOCK:  # each export drives a browser; one at a time keeps a 2-core box responsive
            data = fig.to_image(format=fmt, width=1200, height=fig.layout.height or 600, scale=2 if fmt == "png" else 1)
        return data, "image/png" if fmt == "png" else "image/svg+xml", fmt
    except Exception:  # noqa: BLE001 - no browser (or kaleido) here: a self-contained HTML chart still works
        return export_html(fig), "text/html", "html"


def export_html(fig: go.Figure) -> bytes:
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")
