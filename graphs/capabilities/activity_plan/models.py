"""Typed parts of a 취업활동계획 (IAP) draft and of a 상담일지: what the thread gave, arranged in the plan's sections."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

Decision = Literal["eligible", "ineligible", "unknown"]


class PlanJob(BaseModel):
    """One recommended posting (the job_matching memory contract, every field optional but the title)."""

    id: str = ""
    title: str
    company: str = ""
    region: str = ""
    district: str | None = None
    score: float | None = None
    reasons: list[str] = Field(default_factory=list)
    misfits: list[str] = Field(default_factory=list)
    pay: str | None = None
    close_date: str | None = None  # "YYYY-MM-DD"; None = 채용시까지


class PlanCourse(BaseModel):
    """One recommended training course (the training_recommendation memory contract)."""

    id: str = ""
    title: str
    institution: str = ""
    region: str = ""
    start: str | None = None  # "YYYY-MM-DD"
    end: str | None = None
    self_pay: int | str | None = None  # 자부담 (원, or as the recommender wrote it)
    closes: list[str] = Field(default_factory=list)  # the gaps the course closes
    reasons: list[str] = Field(default_factory=list)


class PlanProgram(BaseModel):
    """One screened program (the program_screening memory contract)."""

    program: str = ""
    name: str
    decision: Decision
    amount: str | None = None
    missing: list[str] = Field(default_factory=list)
    line: str = ""


class Week(BaseModel):
    n: int = Field(ge=1, le=4)
    start: date
    end: date
    job_search: list[str] = Field(default_factory=list)
    training: list[str] = Field(default_factory=list)
    recognition: list[str] = Field(default_factory=list)


Applies = Literal["yes", "no", "unknown"]  # does the 실업인정 rule apply (a 구직급여 recipient)?


class ActivityPlan(BaseModel):
    """The draft, section by section; every figure in it comes from the thread or the cited rule table."""

    today: date
    masked: bool
    person: list[tuple[str, str]] = Field(default_factory=list)  # (label, value): 연령대, 거주지, 희망 임금 …
    target: str | None = None  # 목표 직종
    experience: list[str] = Field(default_factory=list)  # "회계 사무 12년"
    strengths: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    to_confirm: list[str] = Field(default_factory=list)  # what postings ask that the thread does not know (학력 …)
    jobs: list[PlanJob] = Field(default_factory=list)
    jobs_computed: bool = False  # matched for this plan (no earlier matching in the thread)
    courses: list[PlanCourse] = Field(default_factory=list)
    courses_pending: str | None = None
    programs: list[PlanProgram] = Field(default_factory=list)
    programs_pending: str | None = None
    rule_applies: Applies = "unknown"
    rule_lines: list[str] = Field(default_factory=list)
    planned_job_search: int = 0
    recognition_dates: list[date] = Field(default_factory=list)
    recognition_basis: str | None = None  # "실업 신고일 2026-12-01 (1차 = 14일째)" or None (the thread does not know)
    weeks: list[Week] = Field(default_factory=list)
    follow_up: date
    follow_up_stated: bool = False  # the counselor set it; otherwise today + 14 days
    notes: list[str] = Field(default_factory=list)


class ConsultationNote(BaseModel):
    """상담일지: when, what was discussed, what was given, what comes next."""

    today: date
    masked: bool
    seeker_lines: list[str] = Field(default_factory=list)  # "희망 직종: 회계 사무", "연령대: 40대" …
    asked: list[str] = Field(default_factory=list)  # the person's/counselor's questions, masked, shortened
    jobs: list[str] = Field(default_factory=list)
    courses: list[str] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
