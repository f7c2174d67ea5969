"""Typed tables and results of training recommendation: the 역량 갭 table (tables/skills.yaml), a person's gaps for a
target occupation, and the recommended courses with the gaps each closes and its score."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Need = Literal["required", "preferred"]
NEED_LABELS: dict[Need, str] = {"required": "필수", "preferred": "우대"}
FACTORS: tuple[str, ...] = ("coverage", "region", "schedule", "self_pay", "employment_rate")
FACTOR_LABELS: dict[str, str] = {"coverage": "갭 충족", "region": "지역", "schedule": "일정", "self_pay": "자부담",
                                 "employment_rate": "취업률"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    kind: Literal["NCS", "KECO", "자격"]
    ref: str = Field(min_length=1)
    verified: bool = False  # written from knowledge, not checked against ncs.go.kr / 고용24 in this session


class ExperienceNeed(_Strict):
    codes: list[str] = Field(min_length=1)
    years: float = Field(gt=0)


class HeldBy(_Strict):
    certificates: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)  # regexes over SeekerProfile.skills (spaces removed, lower case)
    experience: ExperienceNeed | None = None


class Item(_Strict):
    gap: str = Field(min_length=1)
    kind: Literal["certificate", "skill"]
    held_by: HeldBy
    query: str = Field(min_length=1)
    source: Source


class CertificateEntry(_Strict):
    patterns: list[str] = Field(min_length=1)
    implies: list[str] = Field(default_factory=list)


class TargetOccupation(_Strict):
    name: str
    code: str | None = Field(default=None, pattern=r"^\d{6}$")
    keco: str
    synonyms: list[str] = Field(default_factory=list)
    items: dict[str, Need] = Field(min_length=1)


class CourseRule(_Strict):
    title: str | None = None  # regex over the title (spaces removed, case-insensitive)
    ncs: str | None = None  # exact catalog NCS code; with ``title``, both must match
    closes: list[str] = Field(min_length=1)
    main_certificate: str | None = None


class Scoring(_Strict):
    weights: dict[str, float]
    required_weight: float = Field(gt=0)
    preferred_weight: float = Field(gt=0)
    near_km: float = Field(ge=0)
    far_km: float = Field(gt=0)
    soon_days: int = Field(ge=0)
    late_days: int = Field(gt=0)
    self_pay_scale: int = Field(gt=0)
    search_k: int = Field(gt=0)


class SkillTable(_Strict):
    certificates: dict[str, CertificateEntry]
    items: dict[str, Item]
    occupations: dict[str, TargetOccupation]
    courses: list[CourseRule]
    scoring: Scoring


# ------------------------------------------------------------------------------------------------ results
class Gap(BaseModel):
    item: str  # the item id (tables/skills.yaml items)
    gap: str  # "ERP 실무 경험 없음"
    need: Need
    kind: Literal["certificate", "skill"]
    source: str  # "NCS 02030201 회계·감사 — 능력단위 회계정보시스템 운용 (미검증)"


class Held(BaseModel):
    item: str
    label: str  # what the person has that closes it ("전산회계 1급 보유", "회계 사무 12년")
    need: Need


class FactorScore(BaseModel):
    factor: str
    value: float  # 0–1
    weight: float


class CourseRecommendation(BaseModel):
    course_id: str
    title: str
    institution: str
    region: str
    district: str | None = None
    start: date
    end: date
    self_pay: int | None = None
    card_eligible: bool = True
    employment_rate: float | None = None
    certificate: str | None = None
    url: str | None = None
    closes: list[str] = Field(default_factory=list)  # gap texts this course closes
    score: float  # 0–100
    reasons: list[str] = Field(default_factory=list)  # "ERP 실무 경험 없음 → ERP 회계 실무", "거주지에서 약 3 km" …
    factors: list[FactorScore] = Field(default_factory=list)


class Excluded(BaseModel):
    course_id: str
    title: str
    why: str  # "전산회계 1급 보유 → 이 자격 취득 과정은 제외"


class Recommendation(BaseModel):
    target: str | None  # the target occupation's name; None when no target could be found
    target_id: str | None = None
    target_source: str = ""  # how the target was chosen ("희망 직종", "경력 직종 (가장 긴 경력)", "메시지")
    home: str | None = None  # 읍·면·동 or 행정시
    city: str | None = None
    gaps: list[Gap] = Field(default_factory=list)
    held: list[Held] = Field(default_factory=list)
    courses: list[CourseRecommendation] = Field(default_factory=list)
    excluded: list[Excluded] = Field(default_factory=list)  # courses for a certificate already held (seen, left out)
    uncovered: list[str] = Field(default_factory=list)  # gaps no course of the catalog closes
    candidates: int = 0
    today: date
    notes: list[str] = Field(default_factory=list)
