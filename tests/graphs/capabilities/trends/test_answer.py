"""answer_trend: text figures, sources and the chart come from the same rows; missing figures point to KOSIS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from app.cli import main
from graphs.capabilities.trends import TrendAnswer, TrendQuery, answer_trend
from graphs.capabilities.trends.answer import fmt_period, fmt_value
from knowledge.config import Settings
from tests.conftest import make_settings


def _chart_values(figure: dict[str, Any]) -> set[float]:
    """Every plotted number: y of lines/bars (x of horizontal bars) and the box statistics."""
    values: set[float] = set()
    for trace in figure["data"]:
        keys = ("q1", "median", "q3", "lowerfence", "upperfence") if trace["type"] == "box" else (
            ("x",) if trace.get("orientation") == "h" else ("y",))
        for key in keys:
            values.update(float(v) for v in trace.get(key) or [])
    return values


QUESTIONS = ["제주 고용률 추이", "제주 실업률 추이", "업종별 구인 현황", "서귀포 호텔 일자리 임금 수준", "관광업 계절성",
             "요즘 제주 고용 동향 어때요? 업종별로", "청년 취업자 줄었어?", "제주시 서귀포시 고용률 비교", "직종별 임금 분포"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_text_and_chart_agree(question: str, stats_settings: Settings) -> None:
    answer = answer_trend(question, stats_settings)
    assert answer.found and answer.figure is not None
    go.Figure(answer.figure)  # a valid plotly figure
    plotted = _chart_values(answer.figure)
    text = answer.text
    assert plotted
    chart_kinds = {"line": "scatter", "bar": "bar", "box": "box"}
    trace_types = {t["type"] for t in answer.figure["data"]}
    assert answer.chart_kind is not None
    for kind in answer.chart_kind.split("+"):
        assert chart_kinds[kind] in trace_types
    # every stated rate/count/wage is written in the text, and the main series' numbers are the plotted ones
    for f in answer.figures:
        assert f.text in text, f
    main_figures = [f for f in answer.figures if f.measure in ("value", "median", "p25", "p75") and f.unit != "건"
                    or answer.query.topic in ("postings",)]
    assert any(f.value in plotted for f in main_figures)
    for f in answer.figures:
        if f.confidence == "news":
            assert "보도 인용" in text


def test_rates_answer_states_every_monthly_point_with_its_source(stats_settings: Settings) -> None:
    answer = answer_trend("제주 고용률 추이", stats_settings)
    monthly = [f for f in answer.figures if len(f.period) == 7 and f.region == "제주특별자치도"]
    plotted = _chart_values(answer.figure or {})
    assert {f.value for f in monthly} == plotted  # the line is exactly the stated months
    assert [f.period for f in monthly] == sorted(f.period for f in monthly)
    assert "2025년 6월 70.9%" in answer.text and "제민일보 820479" in " ".join(answer.sources)
    assert "DT_1DA7004S" in answer.text  # where to check the official figure
    assert "연간 고용률은 저장된 통계에 없습니다" in answer.text and "KOSIS" in answer.text


def test_winter_unemployment_is_called_seasonal(stats_settings: Settings) -> None:
    answer = answer_trend("제주 실업률 추이", stats_settings)
    assert "4.3%" in answer.text and "2024년 연간" in answer.text and "계절 요인" in answer.text


def test_catalog_figures_say_they_are_sample_data(stats_settings: Settings) -> None:
    answer = answer_trend("서귀포 호텔 일자리 임금 수준", stats_settings)
    assert answer.chart_kind == "box" and "예시" in answer.text
    assert all(f.region == "서귀포시" for f in answer.figures)
    medians = [f for f in answer.figures if f.measure == "median" and "호텔" in f.breakdown]
    assert medians and all(f.unit == "원" for f in medians)


def test_query_object_and_missing_store(tmp_path: Path, stats_settings: Settings) -> None:
    q = TrendQuery(topic="postings", breakdown="고용형태")
    answer = answer_trend(q, stats_settings)
    assert answer.query == q and {f.breakdown for f in answer.figures} >= {"정규직", "계약직"}
    empty = answer_trend("제주 고용률 추이", make_settings(tmp_path / "none"))
    assert not empty.found and empty.figure is None and "goyong ingest --source stats" in empty.text
    assert not answer_trend("실업급여 얼마 받아요?", stats_settings).found


def test_answer_is_json_ready(stats_settings: Settings) -> None:
    answer = answer_trend("관광업 계절성", stats_settings)
    again = TrendAnswer.model_validate_json(answer.model_dump_json())
    assert again.figure == answer.figure and again.text == answer.text


@pytest.mark.parametrize(("value", "unit", "text"), [(409, "천명", "40만9천명"), (10, "천명", "1만명"), (8, "천명", "8천명"),
                                                     (70.9, "%", "70.9%"), (2_460_000, "원", "246만원"),
                                                     (1355, "건", "1,355건")])
def test_formatting(value: float, unit: str, text: str) -> None:
    assert fmt_value(value, unit) == text


def test_period_labels() -> None:
    assert [fmt_period(p) for p in ("2025-06", "2024", "2024-H2", "2025-Q2")] == [
        "2025년 6월", "2024년 연간", "2024년 하반기", "2025년 2분기"]


def test_cli_json_and_chart(stats_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge import config

    monkeypatch.setattr(config, "get_settings", lambda: stats_settings)
    chart = tmp_path / "chart.html"
    assert main(["stats", "제주 고용률 추이", "--json", "--chart", str(chart)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"]["topic"] == "rates" and data["chart_kind"] == "line" and "70.9%" in data["text"]
    assert chart.stat().st_size > 100_000 and "plotly" in chart.read_text(encoding="utf-8")[:100_000].lower()
    assert main(["stats", "안녕하세요"]) == 1
    assert main(["stats", "제주 고용률 추이", "--chart", str(tmp_path / "c.png")]) in (0, 2)
