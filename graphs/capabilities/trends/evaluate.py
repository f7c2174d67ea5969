"""Score the trend route against ``evals/gold/trends.yaml``.

Metrics: topic accuracy (the parsed query's topic, incl. "not a statistics question"), query-field accuracy
(indicators, region, district, breakdown, keyword where the item gives them), chart accuracy, figure recall
(required figures found among the answer's figures), label recall (required breakdown labels and measures stated),
text checks (``must`` regexes found; ``must_not`` matches counted) and news marking (every answer stating a press
figure says 보도 인용).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel

from graphs.capabilities.trends.answer import answer_trend
from graphs.capabilities.trends.intent import parse_trend_query
from graphs.capabilities.trends.models import TrendAnswer
from knowledge.config import Settings

GOLD_PATH = Path(__file__).resolve().parents[3] / "evals" / "gold" / "trends.yaml"


class GoldFigure(BaseModel):
    value: float
    unit: str
    period: str
    region: str | None = None
    breakdown: str | None = None


class TrendGoldItem(BaseModel):
    id: str
    q: str
    topic: str | None
    indicators: list[str] | None = None
    region: str | None = None
    district: str | None = None
    breakdown: str | None = None
    keyword: str | None = None
    chart: str | None = None
    figures: list[GoldFigure] = []
    labels: list[str] = []
    measures: list[str] = []
    must: list[str] = []
    must_not: list[str] = []


class TrendFailure(BaseModel):
    id: str
    detail: str


class TrendsEvalReport(BaseModel):
    n: int
    topic_accuracy: float
    query_accuracy: float
    chart_accuracy: float
    figure_recall: float
    figures: int
    label_recall: float
    must_coverage: float
    forbidden_count: int
    news_marked: float
    failures: list[TrendFailure] = []

    def metrics(self) -> dict[str, float]:
        return {
            "trends.topic_accuracy": self.topic_accuracy, "trends.query_accuracy": self.query_accuracy,
            "trends.chart_accuracy": self.chart_accuracy, "trends.figure_recall": self.figure_recall,
            "trends.label_recall": self.label_recall, "trends.must_coverage": self.must_coverage,
            "trends.forbidden_count": float(self.forbidden_count), "trends.news_marked": self.news_marked,
        }


def load_trend_gold(path: Path = GOLD_PATH) -> list[TrendGoldItem]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = [TrendGoldItem.model_validate(raw) for raw in data.get("items") or []]
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: 항목 id가 중복됩니다")
    return items


def figure_found(gold: GoldFigure, answer: TrendAnswer) -> bool:
    for f in answer.figures:
        if abs(f.value - gold.value) > 1e-6 or f.unit != gold.unit or f.period != gold.period:
            continue
        if gold.region is not None and f.region != gold.region:
            continue
        if gold.breakdown is not None and f.breakdown != gold.breakdown:
            continue
        return True
    return False


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def evaluate_trends(items: list[TrendGoldItem], settings: Settings) -> TrendsEvalReport:
    """Run every gold question through :func:`answer_trend` against the store under ``settings.data_dir``."""
    failures: list[TrendFailure] = []
    topic_ok = query_checks = query_ok = chart_n = chart_ok = fig_n = fig_ok = 0
    label_n = label_ok = must_n = must_ok = forbidden = news_n = news_ok = 0
    for item in items:
        problems: list[str] = []
        query = parse_trend_query(item.q)
        topic = query.topic if query else None
        if topic == item.topic:
            topic_ok += 1
        else:
            problems.append(f"topic {topic} ≠ {item.topic}")
        if query is not None:
            for field in ("indicators", "region", "district", "breakdown", "keyword"):
                want = getattr(item, field)
                if want is None:
                    continue
                query_checks += 1
                got = getattr(query, field)
                if got == want:
                    query_ok += 1
                else:
                    problems.append(f"{field} {got!r} ≠ {want!r}")
        answer = answer_trend(query if query is not None else item.q, settings)
        if item.topic is None and answer.figures:
            problems.append("통계 질문이 아닌데 수치를 답함")
            forbidden += 1
        if item.chart is not None:
            chart_n += 1
            if answer.chart_kind == item.chart and answer.figure:
                chart_ok += 1
            else:
                problems.append(f"chart {answer.chart_kind} ≠ {item.chart}")
        for g in item.figures:
            fig_n += 1
            if figure_found(g, answer):
                fig_ok += 1
            else:
                problems.append(f"수치 없음: {g.period} {g.region or ''} {g.breakdown or ''} {g.value:g}{g.unit}")
        labels = [f.breakdown for f in answer.figures]
        for want in item.labels:
            label_n += 1
            if any(want in label for label in labels):
                label_ok += 1
            else:
                problems.append(f"분류 없음: {want}")
        measures = {f.measure for f in answer.figures}
        for m in item.measures:
            label_n += 1
            if m in measures:
                label_ok += 1
            else:
                problems.append(f"통계량 없음: {m}")
        text = answer.text
        for pattern in item.must:
            must_n += 1
            if re.search(pattern, text):
                must_ok += 1
            else:
                problems.append(f"must 없음: {pattern}")
        for pattern in item.must_not:
            if re.search(pattern, text):
                forbidden += 1
                problems.append(f"must_not 있음: {pattern}")
        if any(f.confidence == "news" for f in answer.figures):
            news_n += 1
            if "보도 인용" in text:
                news_ok += 1
            else:
                problems.append("보도 수치인데 '보도 인용' 표시 없음")
        if problems:
            failures.append(TrendFailure(id=item.id, detail=f"{item.q} — " + "; ".join(problems)))
    n = len(items)
    return TrendsEvalReport(
        n=n, topic_accuracy=_ratio(topic_ok, n), query_accuracy=_ratio(query_ok, query_checks),
        chart_accuracy=_ratio(chart_ok, chart_n), figure_recall=_ratio(fig_ok, fig_n), figures=fig_n,
        label_recall=_ratio(label_ok, label_n), must_coverage=_ratio(must_ok, must_n), forbidden_count=forbidden,
        news_marked=_ratio(news_ok, news_n), failures=failures,
    )
