"""Conditions an employer gives, the draft in 고용24's posting structure, and the checked result."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graphs.capabilities.posting_check.models import CheckReport

PayKindKo = Literal["시급", "일급", "월급", "연봉"]
EmploymentKo = Literal["정규직", "계약직", "시간제", "일용직"]
SectionKey = Literal[
    "모집직종", "직무내용", "자격요건", "근무조건", "임금", "복리후생", "전형방법", "접수방법"
]
SECTION_KEYS: tuple[SectionKey, ...] = (
    "모집직종", "직무내용", "자격요건", "근무조건", "임금", "복리후생", "전형방법", "접수방법",
)  # fmt: skip


class DraftConditions(BaseModel):
    """Simple conditions for a posting (``None`` / empty = not given: the draft leaves a placeholder)."""

    request: str = ""  # the one-line request they came from, when parsed
    job: str | None = None  # 직무 as the employer said it ("호텔 객실관리")
    keco_code: str | None = None  # 6-digit occupation code (the catalog's 직종코드); suggested when not given
    city: Literal["제주시", "서귀포시"] | None = None
    district: str | None = None  # 읍·면·동
    pay_kind: PayKindKo | None = None
    pay_amount: int | None = Field(default=None, gt=0)  # 원 per pay_kind
    pay_max: int | None = Field(default=None, gt=0)
    pay_is_minimum_wage: bool = False  # "최저시급" was said: the amount is the year's 최저임금
    employment_type: EmploymentKo | None = None
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    workdays: str | None = None  # as said: "월~금", "주말", "월·수·금"
    start_time: str | None = None  # "09:00"
    end_time: str | None = None  # "18:00"
    break_text: str | None = None  # "1시간", "30분"
    weekly_hours: float | None = Field(default=None, gt=0)
    daily_hours: float | None = Field(default=None, gt=0)
    headcount: int | None = Field(default=None, ge=1)
    qualifications: list[str] = Field(default_factory=list)
    preferences: list[str] = Field(default_factory=list)
    benefits: list[str] = Field(default_factory=list)
    duties: list[str] = Field(default_factory=list)  # duties the employer named
    education: str | None = None
    career: str | None = None
    employees: int | None = Field(default=None, ge=1)  # 상시 근로자 수 (for the legal check)


class KecoSuggestion(BaseModel):
    """The suggested occupation code, from the catalog's occupation table (job_matching synonyms)."""

    code: str
    name: str
    alternatives: list[tuple[str, str]] = Field(
        default_factory=list
    )  # (code, name) also named in the request


class DraftSection(BaseModel):
    key: SectionKey
    lines: list[str]


class PostingDraft(BaseModel):
    title: str
    sections: list[DraftSection]

    def section(self, key: SectionKey) -> DraftSection | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def text(self) -> str:
        parts = [self.title, ""]
        for s in self.sections:
            parts.append(f"■ {s.key}")
            parts += [f"- {line}" for line in s.lines]
            parts.append("")
        return "\n".join(parts).rstrip() + "\n"


class Removed(BaseModel):
    """A condition from the request that was left out of the draft because the law forbids it in a posting."""

    quote: str
    rule_id: str
    rule_name: str
    law: str
    article: str
    reason: str


class DraftResult(BaseModel):
    """The draft, its legal check (run on the draft text) and what the employer still has to fill in."""

    conditions: DraftConditions
    keco: KecoSuggestion | None = None
    draft: PostingDraft
    text: str  # the draft as checked
    report: CheckReport
    removed: list[Removed] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)  # Korean names of the fields left as placeholders
    hints: list[str] = Field(default_factory=list)  # what postings of this occupation usually state
    notes: list[str] = Field(default_factory=list)
