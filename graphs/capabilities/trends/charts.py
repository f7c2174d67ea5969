"""Plotly figures for trend answers, built from the same observations the answer text states.

Every builder returns the figure as a JSON-ready dict (``plotly.io.from_json(json.dumps(d))`` or
``go.Figure(d)`` turns it back into a figure, e.g. for Chainlit's ``cl.Plotly``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from knowledge.stats import Observation

FONT = "Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, sans-serif"


def period_x(period: str) -> str:
    """A period as a date-axis value: 2025-06 → 2025-06-01, 2024 → 2024-07-01 (mid-year), 2024-H2 → 2024-10-01."""
    if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        return f"{period}-01"
    if len(period) == 4:
        return f"{period}-07-01"
    if "-H" in period:
        return f"{period[:4]}-{'04' if period.endswith('1') else '10'}-01"
    if "-Q" in period:
        return f"{period[:4]}-{(int(period[-1]) - 1) * 3 + 2:02d}-15"
    return period


def _layout(fig: go.Figure, title: str, y_title: str) -> dict[str, Any]:
    fig.update_layout(title=title, font={"family": FONT}, template="plotly_white", yaxis_title=y_title,
                      margin={"l": 60, "r": 20, "t": 60, "b": 60}, legend={"orientation": "h", "y": -0.2})
    return dict(json.loads(fig.to_json()))


def line_chart(title: str, series: Mapping[str, Sequence[Observation]], y_title: str,
               labels: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One line per named series of monthly (or annual) observations; hover shows the stated text."""
    fig = go.Figure()
    for name, rows in series.items():
        fig.add_trace(go.Scatter(
            x=[period_x(o.period) for o in rows], y=[o.value for o in rows], mode="lines+markers+text",
            name=name, text=(labels or {}).get(name), textposition="top center",
            hovertext=[f"{o.period} · {o.source}" for o in rows], hoverinfo="x+y+text+name",
        ))
    fig.update_xaxes(tickformat="%Y-%m", type="date")
    return _layout(fig, title, y_title)


def bar_chart(title: str, categories: Sequence[str], values: Sequence[float], y_title: str,
              texts: Sequence[str] | None = None, horizontal: bool = False,
              groups: Mapping[str, tuple[Sequence[str], Sequence[float], Sequence[str]]] | None = None) -> dict[str, Any]:
    """Bars per category (horizontal for long labels), or grouped bars when ``groups`` is given."""
    fig = go.Figure()
    if groups:
        for name, (cats, vals, txts) in groups.items():
            fig.add_trace(go.Bar(x=list(cats), y=list(vals), name=name, text=list(txts), textposition="outside"))
        fig.update_layout(barmode="group")
    elif horizontal:
        fig.add_trace(go.Bar(y=list(categories)[::-1], x=list(values)[::-1], orientation="h",
                             text=list(texts or [])[::-1] or None, textposition="outside"))
        fig.update_layout(xaxis_title=y_title)
        return _layout(fig, title, "")
    else:
        fig.add_trace(go.Bar(x=list(categories), y=list(values), text=list(texts or []) or None,
                             textposition="outside"))
    return _layout(fig, title, y_title)


def box_chart(title: str, boxes: Sequence[tuple[str, dict[str, float]]], y_title: str) -> dict[str, Any]:
    """Box plots from precomputed quartiles (min, p25, median, p75, max, mean, n) — one box per group."""
    fig = go.Figure()
    for name, m in boxes:
        fig.add_trace(go.Box(
            name=f"{name} (n={int(m['n'])})", q1=[m["p25"]], median=[m["median"]], q3=[m["p75"]],
            lowerfence=[m["min"]], upperfence=[m["max"]], mean=[m["mean"]], boxpoints=False,
        ))
    fig.update_layout(showlegend=False)
    fig.update_yaxes(tickformat=",.0f")
    return _layout(fig, title, y_title)


def line_and_bars(title: str, line_name: str, line_rows: Sequence[Observation], line_y: str,
                  bars: Mapping[str, Sequence[Observation]], bar_y: str) -> dict[str, Any]:
    """Two stacked panels sharing the time axis: a monthly rate (line) above monthly counts (bars)."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=False, vertical_spacing=0.18,
                        subplot_titles=(line_name, "월별 구인공고 등록 (카탈로그)"))
    fig.add_trace(go.Scatter(x=[period_x(o.period) for o in line_rows], y=[o.value for o in line_rows],
                             mode="lines+markers+text", name=line_name, text=[f"{o.value:g}" for o in line_rows],
                             textposition="top center"), row=1, col=1)
    for name, rows in bars.items():
        fig.add_trace(go.Bar(x=[period_x(o.period) for o in rows], y=[o.value for o in rows], name=name,
                             text=[f"{o.value:,.0f}" for o in rows], textposition="outside"), row=2, col=1)
    fig.update_xaxes(tickformat="%Y-%m", type="date")
    fig.update_yaxes(title_text=line_y, row=1, col=1)
    fig.update_yaxes(title_text=bar_y, row=2, col=1)
    fig.update_layout(barmode="group", height=640)
    return _layout(fig, title, line_y)
