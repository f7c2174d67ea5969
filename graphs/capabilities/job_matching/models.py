"""Typed inputs and outputs of job matching: the seeker's matching profile, weights, and ranked results."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

# The seeker model lives with the rest of what we know of the person (graphs/profile.py); re-exported here.
from graphs.profile import Education, Experience, SeekerProfile

__all__ = ["FACTORS", "FACTOR_LABELS", "Education", "Experience", "Factor", "FactorScore", "Match", "MatchReport",
           "SeekerProfile"]

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
