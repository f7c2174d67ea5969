"""Jeju labour-market trends: a trend question → figures with source/date + a Plotly chart from the same rows.

Entry point for the chat and the CLI: :func:`answer_trend` (``question_or_query``, settings) → :class:`TrendAnswer`.
"""

from __future__ import annotations

from graphs.capabilities.trends.answer import answer_trend, figure_json
from graphs.capabilities.trends.intent import is_trend_question, parse_trend_query
from graphs.capabilities.trends.models import TrendAnswer, TrendBlock, TrendFigure, TrendQuery

__all__ = [
    "TrendAnswer", "TrendBlock", "TrendFigure", "TrendQuery", "answer_trend", "figure_json", "is_trend_question",
    "parse_trend_query",
]
