"""Typed rows of the statistics store: one observation = one number with its period, place, breakdown and source."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from knowledge.schemas import Rejection

# official = a KOSIS/국가데이터처 release read from its file; news = a figure quoted by a press report ([NEWS]);
# catalog = computed from the job/training catalog at ingest; derived = arithmetic on other figures;
# unverified = a dropped-in file without a stated source.
StatConfidence = Literal["official", "news", "catalog", "derived", "unverified"]
PeriodKind = Literal["month", "quarter", "half", "year", "day"]

CONFIDENCE_RANK: dict[str, int] = {"official": 4, "catalog": 3, "derived": 2, "news": 1, "unverified": 0}
CONFIDENCE_LABEL: dict[str, str] = {
    "official": "공식 통계",
    "news": "보도 인용",
    "catalog": "카탈로그 집계",
    "derived": "계산값",
    "unverified": "출처 미확인",
}

JEJU = "제주특별자치도"


class Observation(BaseModel):
    """One figure. ``region`` is the most specific place (제주특별자치도, 제주시, 서귀포시 or a 읍·면·동 for catalog
    counts), so a 시군 breakdown is a set of rows whose region is a city; ``breakdown_kind`` is 산업, 연령, 업종,
    업종군, 직종, 직업, 고용형태, 성별 … with ``breakdown`` its value ("" = the total)."""

    series_id: str  # e.g. "eap.employment_rate", "catalog.open_postings"
    indicator: str  # Korean name as published: 고용률, 실업률, 취업자, 구인공고 …
    unit: str  # %, 천명, 명, 건, 원
    period: str  # 2025-06 · 2025 · 2024-H2 · 2025-Q2 · 2026-11-21
    period_kind: PeriodKind
    region: str = JEJU
    breakdown_kind: str = ""
    breakdown: str = ""
    measure: str = "value"  # value, or a distribution statistic: n, min, p25, median, p75, max, mean
    value: float
    source: str
    source_url: str | None = None
    table_id: str | None = None  # KOSIS 통계표 ID (e.g. DT_1DA7004S) where known
    release_date: date | None = None  # publication (or press report) date when known
    confidence: StatConfidence
    preliminary: bool = False  # KOSIS "p)" (잠정치)
    note: str = ""
    origin: str = ""  # file:line it came from

    def key(self) -> tuple[str, str, str, str, str, str]:
        return (self.series_id, self.period, self.region, self.breakdown_kind, self.breakdown, self.measure)


class StatNote(BaseModel):
    """A caveat attached to a series (the seasonal note: 12·1월 실업률 4%대는 계절 요인)."""

    id: str
    text: str
    indicator: str | None = None  # applies to this indicator (None = every series of the file)
    months: list[int] = []  # calendar months the caveat is about
    source: str = ""


class PeriodSource(BaseModel):
    """The source of the figures of some periods (press figures come from a different report per month)."""

    periods: list[str] = Field(min_length=1)  # as in the file ("2025.06") or normalized ("2025-06")
    indicators: list[str] = []  # limit to these indicators (empty = all)
    regions: list[str] = []  # limit to these regions (empty = all)
    source: str
    url: str | None = None
    reported: date | None = None  # publication date of the report, when known
    note: str = ""


class FileMeta(BaseModel):
    """The sidecar ``<file>.yaml`` of a statistics CSV: what the table is and where its figures come from."""

    title: str = ""
    survey: str | None = None  # series id prefix: eap (경제활동인구조사), lfs_local (지역별고용조사), ei (고용보험) …
    source: str | None = None
    source_url: str | None = None
    table_id: str | None = None
    release_date: date | None = None
    confidence: StatConfidence | None = None
    region: str | None = None  # default place when the table has no region column
    unit: str | None = None  # default unit when neither the item nor a unit column says it
    indicator: str | None = None  # default indicator when the table has no item column
    breakdown_kind: str | None = None  # kind of an unnamed breakdown column
    period_sources: list[PeriodSource] = []
    notes: list[StatNote] = []


class StatsParse(BaseModel):
    """What one file gave: the observations, the rows left out (line + Korean reason) and softer warnings."""

    observations: list[Observation] = []
    notes: list[StatNote] = []
    rejections: list[Rejection] = []
    warnings: list[str] = []
