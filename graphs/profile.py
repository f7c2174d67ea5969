"""What the assistant knows about the person it is helping (job seeker or employer).

Every field is optional: the NLU fills what the user said, the eligibility rules ask for what is missing.
Amounts are in 원, periods in days unless the name says otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

SeparationReason = Literal[
    "recommended_resignation",  # 권고사직 (경영상 이유 등)
    "contract_end",  # 계약기간 만료
    "dismissal",  # 해고 (일반)
    "dismissal_misconduct",  # 중대한 귀책사유로 인한 해고 (징계해고)
    "business_closure",  # 폐업·도산
    "retirement_age",  # 정년퇴직
    "voluntary",  # 자진퇴사 (개인 사정)
    "voluntary_justified",  # 정당한 사유가 있는 자발적 이직 (임금체불, 통근 3시간, 괴롭힘 …)
    "other",
]


class Profile(BaseModel):
    """Facts about a job seeker (and, for employer programs, the employer)."""

    # --- person
    age: int | None = Field(default=None, ge=0, le=120)
    disabled: bool | None = None  # 장애인고용촉진법상 장애인
    severe_disability: bool | None = None
    region: str | None = None  # "제주시" / "서귀포시" / 읍·면·동
    military_service_months: int | None = Field(default=None, ge=0, le=120)  # 병역 이행 기간 (youth age extension)

    # --- employment insurance history (구직급여)
    insured_period_days: int | None = Field(default=None, ge=0)  # 피보험기간 (calendar days, for 소정급여일수)
    unit_period_days: int | None = Field(default=None, ge=0)  # 피보험 단위기간 within the 18-month base period
    separation_reason: SeparationReason | None = None
    just_cause: str | None = None  # the stated 정당한 사유 of a voluntary separation, e.g. "임금체불 2개월"
    employment_start_date: date | None = None  # 이번 직장 입사일 (its insured period runs from here)
    # 제50조④: an earlier insured period counts only if it ended within 3 years before this job and no 구직급여
    # was paid on it.
    prior_insured_days: int | None = Field(default=None, ge=0)  # 이전 직장(들)의 피보험기간
    prior_benefit_paid: bool | None = None  # 이전 피보험기간으로 구직급여를 받았는지
    prior_gap_days: int | None = Field(default=None, ge=0)  # 이전 자격 상실일 → 이번 자격 취득일 사이 일수
    separation_date: date | None = None
    separation_year: int | None = None  # when only the year is known
    monthly_wage: int | None = Field(default=None, ge=0)  # 이직 전 월 임금 (세전)
    avg_daily_wage: int | None = Field(default=None, ge=0)  # 평균임금 일액, when known
    daily_work_hours: float | None = Field(default=None, gt=0, le=24)  # 1일 소정근로시간 (default 8)
    self_employed: bool | None = None

    # --- 조기재취업수당
    reemployed: bool | None = None
    days_from_claim_to_reemployment: int | None = Field(default=None, ge=0)
    remaining_benefit_days: int | None = Field(default=None, ge=0)
    total_benefit_days: int | None = Field(default=None, ge=0)
    expected_employment_months: int | None = Field(default=None, ge=0)
    rehired_by_previous_employer: bool | None = None
    early_reemployment_paid_within_2y: bool | None = None

    # --- household (국민취업지원제도)
    household_size: int | None = Field(default=None, ge=1, le=20)
    household_income_pct: float | None = Field(default=None, ge=0)  # % of 기준중위소득
    household_income_monthly: int | None = Field(default=None, ge=0)
    household_assets: int | None = Field(default=None, ge=0)
    work_experience_days_2y: int | None = Field(default=None, ge=0)  # 2년 내 취업경험 일수
    work_experience_hours_2y: int | None = Field(default=None, ge=0)
    receiving_unemployment_benefit: bool | None = None
    livelihood_benefit_recipient: bool | None = None  # 생계급여 수급자
    dependents: int | None = Field(default=None, ge=0)  # 부양가족 가산 대상 가구원 수

    # --- current job / study (내일배움카드)
    employed: bool | None = None
    weekly_hours: float | None = Field(default=None, ge=0)
    current_monthly_income: int | None = Field(default=None, ge=0)
    large_company_employee: bool | None = None
    public_servant: bool | None = None
    student_years_to_graduation: float | None = Field(default=None, ge=0)
    self_employed_annual_revenue: int | None = Field(default=None, ge=0)

    # --- employer side (청년일자리도약장려금 등)
    employer_insured_count: int | None = Field(default=None, ge=0)  # 피보험자 수
    employer_priority_support: bool | None = None  # 우선지원대상기업
    employer_capital_region: bool | None = None  # 수도권 여부 (제주 = False)
    hired_full_time: bool | None = None  # 정규직 채용
    months_employed: int | None = Field(default=None, ge=0)  # 채용 후 근속 개월
    # Appended for 청년일자리도약장려금 (graphs/eligibility): 취업애로청년 (장기 실업·고졸 이하 등), required for
    # 수도권 employers in 2026 and for every employer under the 2025 rules.
    hard_to_employ_youth: bool | None = None

    def merged(self, other: Profile) -> Profile:
        """A copy with every field that ``other`` sets overriding this one."""
        return self.model_copy(update=other.model_dump(exclude_none=True))
