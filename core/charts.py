"""Plotly figures shared by the pages, with one stable colour per outlet."""
from __future__ import annotations

import hashlib

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
    """Stacked daily article counts; outlets beyond the `top` busiest are summed as 'other'."""
    fig = go.Figure()
    if daily.empty:
        fig.update_layout(title="No articles in this view")
        return fig
    totals = daily.groupby("outlet")["articles"].sum().sort_values(ascending=False)
    keep = list(totals.index[:top])
    d = daily.assign(outlet=daily["outlet"].where(daily["outlet"].isin(keep), "other outlets"))
    d = d.groupby(["day", "outlet"], as_index=False)["articles"].sum()
    for name in keep + (["other outlets"] if len(totals) > top else []):
        part = d[d["outlet"] == name]
        fig.add_trace(go.Bar(x=part["day"], y=part["articles"], name=name,
                             marker_color="#9a9a9a" if name == "other outlets" else outlet_colour(name),
                             hovertemplate="%{x|%Y-%m-%d}<br>%{y} articles<extra>%{fullData.name}</extra>"))
    fig.update_layout(barmode="stack", title="Articles per day by outlet (UTC)", xaxis_title=None,
                      yaxis_title="articles", legend_title_text="outlet", margin=dict(t=50, l=10, r=10, b=10),
                      hovermode="closest")
    return fig
