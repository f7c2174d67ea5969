"""The trend gold set (evals/gold/trends.yaml) loads and the trend route meets its floors on it."""

from __future__ import annotations

from evals.runner import check_thresholds, load_thresholds
from graphs.capabilities.trends.evaluate import evaluate_trends, load_trend_gold
from knowledge.config import Settings


def test_gold_set_shape() -> None:
    items = load_trend_gold()
    assert len(items) >= 20
    assert {i.topic for i in items} >= {"rates", "industry", "youth", "cities", "postings", "wages", "seasonality", None}
    assert sum(len(i.figures) for i in items) >= 30


def test_trend_route_meets_its_thresholds(stats_settings: Settings) -> None:
    report = evaluate_trends(load_trend_gold(), stats_settings)
    floors = {k: v for k, v in load_thresholds().items() if k.startswith("trends.")}
    assert len(floors) >= 6
    assert check_thresholds(report.metrics(), floors) == [], [f.detail for f in report.failures]
