"""Typed outputs of talent recommendation: one ranked candidate (no personal identifiers) and the report."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Candidate(BaseModel):
    """One pool seeker ranked for a posting: what a counselor may see (pool id, age band, the wish, 경력, 자격,
    거주 읍·면·동 and the score with reasons) — never a name, phone, birth date or exact age."""

    id: str  # pool id "S-0001"
    age_band: str  # 연령대, context only (never scored)
    desired_occupation: str
    experience: str  # "요양 5년" …, "-" when none
    certificates: list[str]
    district: str | None
    score: float  # 0–100
    reasons: list[str]  # 2–4 plain-Korean reasons
    misfits: list[str]


class TalentReport(BaseModel):
    posting_title: str
    occupation: str | None  # "객실 청소원 (561102)"
    place: str  # "서귀포시 중문동" / "서귀포시 (읍·면·동 미정)"
    source: str  # where the posting came from ("이 대화의 공고 초안", "고용24 K151…", "붙여 넣은 공고")
    pool_size: int
    scored: int  # seekers scored (after the hard filters)
    filtered_out: dict[str, int]  # hard-filter name → seekers dropped
    excluded_factors: list[str]
    candidates: list[Candidate]
    notes: list[str] = Field(default_factory=list)
