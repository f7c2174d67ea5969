"""Typed inputs and outputs of the trends capability."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from knowledge.stats import JEJU

Topic = Literal["rates", "industry", "youth", "cities", "postings", "wages", "seasonality"]
Indicator = Literal["고용률", "실업률", "취업자", "실업자"]
ChartKind = Literal["line", "bar", "box", "line+bar"]


class TrendQuery(BaseModel):
    """What a trend question asks for (parsed from the words, or built by a caller)."""

    topic: Topic
    indicators: list[Indicator] = []  # rates: which series (empty = 고용률 and 실업률)
    region: str = JEJU  # 제주특별자치도, 제주시 or 서귀포시
    district: str | None = None  # 읍·면·동 (catalog counts only)
    breakdown: str | None = None  # postings: 업종, 업종군, 직종, 읍면동, 고용형태; wages: 직종, 직업, 업종
    keyword: str | None = None  # narrows catalog labels: 호텔 → 호텔업, 요양 → 요양보호사
    question: str = ""


class TrendFigure(BaseModel):
    """One number as stated in the answer, with where it comes from."""

    label: str  # "2025년 6월 제주 고용률"
    value: float
    unit: str
    text: str  # "70.9%", "40만9천명", "246만원"
    period: str
    region: str
    breakdown: str = ""
    measure: str = "value"
    source: str
    release_date: date | None = None
    confidence: str
    table_id: str | None = None


class TrendBlock(BaseModel):
    """One paragraph of the answer and the figures it states."""

    text: str
    figures: list[TrendFigure] = []


class TrendAnswer(BaseModel):
    """The answer to a trend question: Korean text blocks, the Plotly figure (JSON dict) and the query behind both."""

    query: TrendQuery
    found: bool
    title: str
    blocks: list[TrendBlock] = []
    notes: list[str] = []  # caveats (seasonality, 보도 인용, sample catalog)
    sources: list[str] = []  # distinct sources of the stated figures
    chart_kind: ChartKind | None = None
    figure: dict[str, Any] | None = Field(default=None, description="plotly Figure as JSON (fig.to_plotly_json)")

    @property
    def figures(self) -> list[TrendFigure]:
        return [f for b in self.blocks for f in b.figures]

    @property
    def text(self) -> str:
        """The whole answer as Korean text (blocks, notes, sources)."""
        parts = [f"**{self.title}**", *[b.text for b in self.blocks]]
        parts += [f"※ {n}" for n in self.notes]
        if self.sources:
            parts.append("출처: " + " / ".join(self.sources))
        return "\n\n".join(parts)
