"""Typed records shared by ingestion, the store and the agent."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from knowledge.fields import OPEN_ENDED, Filterable, ordinal, prefixes

Confidence = Literal["law", "news", "secondary", "unverified", "conflict"]
Audience = Literal["citizen", "counselor", "employer", "all"]
EmploymentType = Literal["정규직", "계약직", "시간제", "일용직", "기타"]
WageType = Literal["시급", "일급", "월급", "연봉", "면접후결정"]


class SourceRef(BaseModel):
    """Where a fact comes from: a law article or a URL, with the date it was checked."""

    title: str
    url: str | None = None
    article: str | None = None
    confidence: Confidence = "secondary"


class PolicyFrontMatter(BaseModel):
    """YAML front matter of a policy Markdown document under ``knowledge/corpus/policies``."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    program: str
    audience: list[Audience] = ["all"]
    sources: list[SourceRef] = Field(min_length=1)
    effective_from: date
    effective_to: date | None = None
    confidence: Confidence
    last_checked: date
    year: int | None = None
    keywords: list[str] = []


class PolicyChunk(BaseModel):
    """One retrievable section of a policy document: heading path kept for citation."""

    doc_id: str
    chunk_index: int
    title: str
    section: str
    heading_path: list[str]
    text: str
    program: str
    audience: list[Audience]
    sources: list[SourceRef]
    effective_from: date
    effective_to: date | None
    confidence: Confidence
    flags: list[str] = []  # "UNVERIFIED" / "CONFLICT" markers found in the section text
    year: int | None = None
    keywords: list[str] = []  # the document's search words (slang people type), indexed with every chunk


class JobPosting(BaseModel):
    """A 고용24 채용정보 posting (list fields ``wanted`` + detail fields ``wantedDtl``), normalized."""

    id: str  # wantedAuthNo
    title: str
    company: str
    region: str  # normalized: "제주시" or "서귀포시"
    district: str | None = None  # 읍·면·동, e.g. "애월읍"
    address: str | None = None
    industry: str | None = None  # indTpNm
    keco_code: str | None = None  # jobsCd (6 digits)
    job_name: str | None = None  # jobsNm
    employment_type: EmploymentType
    wage_type: WageType
    wage_min: int | None = None  # raw amount in 원, per wage_type
    wage_max: int | None = None
    monthly_pay_min: int | None = None  # normalized monthly 원 (see ingest docs for the rule)
    monthly_pay_max: int | None = None
    weekly_hours: float | None = None
    work_schedule: str | None = None  # workdayWorkhrCont
    education: str | None = None
    career: str | None = None
    benefits: str | None = None
    job_content: str | None = None
    seasonal: bool = False
    reg_date: date | None = None
    close_date: date | None = None  # None = 채용시까지
    close_text: str | None = None
    url: str | None = None
    source_line: int | None = None


class TrainingCourse(BaseModel):
    """A 훈련과정 (HRD-Net ``scn_list``) record, normalized."""

    id: str  # trprId + "-" + trprDegr
    course_id: str  # trprId
    round: str  # trprDegr
    title: str
    institution: str  # subTitle
    institution_id: str | None = None  # trainstCstId
    region: str  # "제주시" / "서귀포시"
    address: str | None = None
    area_code: str = "50"
    ncs_code: str | None = None
    ncs_name: str | None = None
    course_type: str | None = None  # trainTarget, e.g. "국민내일배움카드(일반)"
    course_type_code: str | None = None  # trainTargetCd, e.g. "C0061"
    card_eligible: bool = True
    cost: int  # realMan: 실제 훈련비
    course_fee: int | None = None  # courseMan: 수강비
    self_pay: int | None = None  # estimated 자부담 for a general card holder
    start_date: date
    end_date: date
    capacity: int | None = None  # yardMan
    employment_rate: float | None = None  # eiEmplRate3 (%), None when not yet published
    satisfaction: float | None = None  # stdgScor
    certificate: str | None = None
    weekend: str | None = None  # wkendSe
    tel: str | None = None
    url: str | None = None
    contents: str | None = None
    source_line: int | None = None


class Rejection(BaseModel):
    """A record that was not ingested, with where and why, so an admin can fix the source."""

    source: str
    file: str
    line: int | None = None
    record_id: str | None = None
    reason: str


class Citation(BaseModel):
    title: str
    source: str
    section: str
    effective_from: date | None = None
    doc_id: str | None = None
    url: str | None = None
    confidence: Confidence | None = None


City = Literal["제주시", "서귀포시"]


class JobFilters(BaseModel):
    """Hard filters for job search: every returned posting satisfies every set field.

    Each field declares once how it filters (:mod:`knowledge.fields`): label, payload key and index, condition,
    and what the tool-calling LLM is told about it."""

    region: Annotated[City | None, Filterable("지역", "region", "keyword", applies="truthy",
                                              tool="'제주시' 또는 '서귀포시'")] = None
    district: Annotated[str | None, Filterable("읍·면·동", "district", "keyword", applies="truthy",
                                               tool="읍·면·동 이름, 예: '애월읍', '연동'")] = None
    # 원; compares with monthly_pay_max (the posting can pay at least this)
    min_monthly_pay: Annotated[int | None, Filterable("최소 월급", "monthly_pay_max", "integer", "gte",
                                                      applies="truthy", tool="원 단위 월급 하한, 예: 2500000")] = None
    employment_type: Annotated[EmploymentType | None, Filterable("고용형태", "employment_type", "keyword",
                                                                 applies="truthy", tool="고용형태")] = None
    max_weekly_hours: Annotated[float | None, Filterable("주당 근무시간", "weekly_hours", "float", "lte",
                                                         applies="truthy", tool="주당 근무시간 상한")] = None
    # e.g. "5" (미용·여행·숙박·음식…) or "5321"
    keco_prefix: Annotated[str | None, Filterable("직종 코드", "keco_prefixes", "keyword", applies="truthy",
                                                  value=lambda j: prefixes(j.keco_code))] = None
    # close_date >= today or 채용시까지; never suggested for loosening
    open_only: Annotated[bool, Filterable("모집 중", "close_ord", "integer", "from_today", applies="truthy",
                                          relax=False, value=lambda j: ordinal(j.close_date, OPEN_ENDED))] = True
    seasonal: Annotated[bool | None, Filterable("계절 일자리", "seasonal", "bool")] = None


class TrainingFilters(BaseModel):
    """Hard filters for training lookup (declared like :class:`JobFilters`)."""

    region: Annotated[City | None, Filterable("지역", "region", "keyword", applies="truthy",
                                              tool="'제주시' 또는 '서귀포시'")] = None
    card_eligible: Annotated[bool | None, Filterable("내일배움카드 사용", "card_eligible", "bool",
                                                     tool="국민내일배움카드로 들을 수 있는 과정만(true)")] = None
    max_self_pay: Annotated[int | None, Filterable("자부담 상한", "self_pay", "integer", "lte",
                                                   tool="원 단위 자부담 상한")] = None
    start_from: Annotated[date | None, Filterable("개강일(부터)", "start_ord", "integer", "gte",
                                                  value=lambda c: ordinal(c.start_date))] = None
    start_to: Annotated[date | None, Filterable("개강일(까지)", "start_ord", "integer", "lte",
                                                value=lambda c: ordinal(c.start_date))] = None
    ncs_prefix: Annotated[str | None, Filterable("NCS 분야", "ncs_prefixes", "keyword", applies="truthy",
                                                 value=lambda c: prefixes(c.ncs_code))] = None
    course_type_code: Annotated[str | None, Filterable("과정 구분", "course_type_code", "keyword",
                                                       applies="truthy")] = None
