"""Typed inputs and outputs of job matching: the seeker's matching profile, weights, and ranked results."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.schemas import EmploymentType

Education = Literal["학력무관", "중졸이하", "고졸", "대졸(2~3년)", "대졸(4년)", "대학원"]
Factor = Literal[
    "occupation",  # 직무 적합: same / related occupation code, title and duties
    "experience",  # 경력 요구 vs 경력
    "certificate",  # 자격 필수/우대 vs 보유
    "education",  # 학력 요구 vs 학력
    "commute",  # 지역·통근 거리
    "wage",  # 희망 임금
    "employment_type",  # 고용형태
    "schedule",  # 근무시간·요일 (주말 휴무, 야간 불가, 주당 시간)
    "deadline",  # 마감 임박
]
FACTORS: tuple[Factor, ...] = (
    "occupation", "experience", "certificate", "education", "commute", "wage", "employment_type", "schedule",
    "deadline",
)
FACTOR_LABELS: dict[Factor, str] = {
    "occupation": "직무 적합",
    "experience": "경력",
    "certificate": "자격",
    "education": "학력",
    "commute": "지역·통근",
    "wage": "임금",
    "employment_type": "고용형태",
    "schedule": "근무시간·요일",
    "deadline": "마감",
}


class Experience(BaseModel):
    """Years worked in one occupation, as the person says it ("회계 사무 12년")."""

    model_config = ConfigDict(extra="forbid")

    occupation: str = Field(min_length=1)  # free text; resolved to codes through the synonym table
    years: float = Field(ge=0, le=60)
    code: str | None = Field(default=None, pattern=r"^\d{6}$")  # a known KECO-based 6-digit code, when set


class SeekerProfile(BaseModel):
    """What matching needs to know about a job seeker. Every field is optional; a missing one is not scored.

    To merge into ``graphs.profile.Profile`` later: ``district`` ⊂ its ``region`` (읍·면·동), ``age`` is the same
    field; the rest are new fields of the person section (see the helper's report).
    """

    model_config = ConfigDict(extra="forbid")

    desired_occupation: str | None = None  # 희망 직종, free text ("회계 사무", "호텔 프런트", "요양")
    desired_codes: list[str] = Field(default_factory=list)  # explicit codes (override the free text)
    experience: list[Experience] = Field(default_factory=list)
    certificates: list[str] = Field(default_factory=list)  # 자격증·면허·이수증, as said ("전산회계1급", "1종 보통")
    skills: list[str] = Field(default_factory=list)  # 외국어·도구 ("중국어", "Python", "React")
    education: Education | None = None
    district: str | None = None  # 거주지 읍·면·동 or an alias ("연동", "함덕")
    commute_km: float | None = Field(default=None, gt=0, le=120)  # acceptable straight-line distance
    desired_monthly_wage: int | None = Field(default=None, ge=0)  # 희망 임금, 원/월 (세전)
    employment_types: list[EmploymentType] = Field(default_factory=list)  # acceptable 고용형태 (empty = any)
    weekends_off: bool = False  # 주말 휴무 필요
    no_night: bool = False  # 야간 근무 불가 (22시~06시)
    max_weekly_hours: float | None = Field(default=None, gt=0, le=68)
    min_weekly_hours: float | None = Field(default=None, ge=0, le=68)
    seasonal_ok: bool = True  # 계절·단기 일자리도 괜찮음
    age: int | None = Field(default=None, ge=14, le=100)  # never scored (고령자고용법 제4조의4); context only

    @field_validator("desired_codes")
    @classmethod
    def _six_digits(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not (len(code) == 6 and code.isdigit()):
                raise ValueError(f"occupation codes have 6 digits: {code!r}")
        return codes


class FactorScore(BaseModel):
    factor: Factor
    label: str
    score: float  # 0..1
    weight: float  # the weight used (after normalisation of the active factors)
    fit: str | None = None  # plain-Korean reason it fits
    misfit: str | None = None  # plain-Korean reason it does not fit


class Match(BaseModel):
    """One ranked posting with its score (0–100), the reasons and what does not fit."""

    job_id: str
    title: str
    company: str
    region: str
    district: str | None
    distance_km: float | None
    score: float
    reasons: list[str]  # 2–4 plain-Korean reasons
    misfits: list[str]
    factors: list[FactorScore]
    url: str | None = None
    close_date: str | None = None
    pay: str | None = None
    employment_type: str


class MatchReport(BaseModel):
    profile: SeekerProfile
    occupation_codes: list[str]  # what the desired occupation resolved to
    occupation_names: list[str]
    home_district: str | None
    weights: dict[str, float]
    excluded_factors: list[str]
    candidates: int  # postings scored (after the hard filters)
    filtered_out: dict[str, int]  # hard-filter name → postings dropped
    matches: list[Match]
    notes: list[str] = Field(default_factory=list)
