"""Employer facts (what the screening reads) and the screening result (what the chat and the CLI show)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graphs.eligibility.models import Amount, Decision, Reason

SeniorMeasure = Literal["정년연장", "정년폐지", "재고용"]
LeaveKind = Literal["육아휴직", "근로시간단축"]
# 고용보험법 시행령 제26조 대상 실업자 groups (the 고용촉진장려금 ones this screening knows)
HireGroup = Literal[
    "취업지원프로그램 이수자", "중증장애인", "가족부양 여성 실업자", "고용위기 인정자", "해당 없음"
]


class _Facts(BaseModel):
    model_config = ConfigDict(extra="forbid")


class YouthHire(_Facts):
    """A youth the employer hired or will hire (청년일자리도약장려금)."""

    age: int | None = Field(default=None, ge=0, le=120)  # 만 나이
    hard_to_employ: bool | None = None  # 취업애로청년 (장기 실업, 고졸 이하 등)
    full_time: bool | None = None  # 정규직 채용
    months_employed: int | None = Field(default=None, ge=0)  # 채용 후 고용 유지 개월
    military_service_months: int | None = Field(default=None, ge=0, le=120)


class SeniorEmployment(_Facts):
    """정년 and 계속고용 (고령자 계속고용장려금)."""

    retirement_age_system: bool | None = None  # 정년제도를 운영하는지
    system_years: float | None = Field(default=None, ge=0)  # 정년제도 운영 기간 (년)
    measure: SeniorMeasure | None = None  # 도입한 계속고용 제도
    senior_ratio_percent: float | None = Field(default=None, ge=0, le=100)  # 60세 이상 피보험자 비율
    workers: int | None = Field(default=None, ge=0)  # 계속고용하는 근로자 수
    rehired_within_months: float | None = Field(default=None, ge=0)  # 재고용: 정년 뒤 몇 개월 안에
    rehire_contract_months: int | None = Field(default=None, ge=0)  # 재고용: 계약 기간 (개월)


class ParentalLeave(_Facts):
    """육아휴직 or 육아기 근로시간 단축 the employer allowed (출산육아기 고용안정장려금)."""

    kind: LeaveKind | None = None
    days: int | None = Field(default=None, ge=0)  # 허용한 기간 (일)
    child_age_months: int | None = Field(default=None, ge=0)  # 휴직 시작 때 자녀 나이 (개월)
    consecutive_months: int | None = Field(default=None, ge=0)  # 연속 휴직 개월
    male: bool | None = None  # 남성 근로자의 육아휴직
    replacement_hired: bool | None = None  # 대체인력을 채용했는지
    work_sharing: bool | None = None  # 동료에게 업무를 분담시켰는지


class VulnerableHire(_Facts):
    """A hire from a group of 고용보험법 시행령 제26조 (고용촉진장려금)."""

    group: HireGroup | None = None
    registered: bool | None = None  # 채용 전 구직등록 (고용24·고용센터)
    unemployed_months: int | None = Field(default=None, ge=0)  # 채용 전 실업 기간
    months_employed: int | None = Field(default=None, ge=0)  # 채용 후 고용 개월
    age: int | None = Field(default=None, ge=0, le=120)
    monthly_pay: int | None = Field(default=None, ge=0)  # 월평균 보수 (원)
    people: int | None = Field(default=None, ge=1)  # 채용 인원


class EmployerFacts(_Facts):
    """What an employer tells the desk. ``None`` = not known yet (the screening asks for it)."""

    employees: int | None = Field(default=None, ge=0)  # 상시 근로자 수
    insured_count: int | None = Field(default=None, ge=0)  # 고용보험 피보험자 수
    industry: str | None = None  # 업종
    priority_support: bool | None = None  # 우선지원대상기업
    region: str | None = None  # 사업장 소재지 (제주시·서귀포시·읍면동 → 비수도권)
    capital_region: bool | None = None  # 수도권 여부 (region 대신)
    layoffs_recent: bool | None = None  # 채용 전 3개월~채용 후 1년 사이 고용조정(감원)
    wage_arrears_listed: bool | None = None  # 임금체불 명단 공개 사업주
    youth: YouthHire | None = None
    senior: SeniorEmployment | None = None
    parental: ParentalLeave | None = None
    hire: VulnerableHire | None = None


Status = Literal["✅", "❌", "❓"]
STATUS_OF: dict[Decision, Status] = {"eligible": "✅", "ineligible": "❌", "need_more_info": "❓"}


class EmployerQuestion(BaseModel):
    """A fact still needed: its path in :class:`EmployerFacts` (e.g. ``youth.age``) and a Korean question."""

    field: str
    question: str


class ProgramScreen(BaseModel):
    """One program: the verdict, each condition (met / missing / unknown) and the amounts."""

    program: str
    name: str
    decision: Decision
    status: Status
    summary: str  # one Korean line: amount or what decides
    reasons: list[Reason] = Field(default_factory=list)  # passed True = met, False = missing, None = unknown
    missing: list[EmployerQuestion] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    flagged: bool = False  # an [UNVERIFIED]/[CONFLICT] rule or amount was used

    @property
    def met(self) -> list[Reason]:
        return [r for r in self.reasons if r.passed is True]

    @property
    def failed(self) -> list[Reason]:
        return [r for r in self.reasons if r.passed is False]

    @property
    def unknown(self) -> list[Reason]:
        return [r for r in self.reasons if r.passed is None]


class ScreeningReport(BaseModel):
    """All employer programs screened for one employer on one day."""

    today: date
    facts: EmployerFacts
    programs: list[ProgramScreen]
    notes: list[str] = Field(default_factory=list)

    def program(self, program_id: str) -> ProgramScreen | None:
        return next((p for p in self.programs if p.program == program_id), None)
