"""What the assistant knows about the person it is helping (job seeker or employer).

Every field is optional: the NLU fills what the user said, the eligibility rules ask for what is missing.
Amounts are in 원, periods in days unless the name says otherwise.

Two models, one person: :class:`Profile` holds the facts the eligibility rules read (age, 병역, 장애, 고용보험 이력,
household); :class:`SeekerProfile` holds what job matching and training read (희망 직종, 경력, 자격증, 학력, 거주지와
통근, 희망 임금, 고용형태, 근무시간·요일, skills). A field lives in one of them only; the thread keeps both
(``AgentState.profile`` and ``AgentState.seeker``) and the profile panel shows both.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.formatting import manwon
from knowledge.schemas import EmploymentType

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


# ---------------------------------------------------------------------------------------------------- job seeker
Education = Literal["학력무관", "중졸이하", "고졸", "대졸(2~3년)", "대졸(4년)", "대학원"]


class Experience(BaseModel):
    """Years worked in one occupation, as the person says it ("회계 사무 12년")."""

    model_config = ConfigDict(extra="forbid")

    occupation: str = Field(min_length=1, max_length=40)  # free text; resolved to codes through the synonym table
    years: float = Field(ge=0, le=60)
    code: str | None = Field(default=None, pattern=r"^\d{6}$")  # a known KECO-based 6-digit code, when set


class SeekerProfile(BaseModel):
    """What matching and training need to know about a job seeker. Every field is optional; a missing one is not
    scored. Age, region and the eligibility facts live in :class:`Profile` (``age`` here is only a copy made by
    ``graphs.seeker.seeker_profile`` for context; it is never scored, 고령자고용법 제4조의4)."""

    model_config = ConfigDict(extra="forbid")

    desired_occupation: str | None = Field(default=None, max_length=60)  # 희망 직종, free text ("회계 사무", "요양")
    desired_codes: list[str] = Field(default_factory=list)  # explicit codes (override the free text)
    experience: list[Experience] = Field(default_factory=list)
    certificates: list[str] = Field(default_factory=list)  # 자격증·면허·이수증, as said ("전산회계1급", "1종 보통")
    skills: list[str] = Field(default_factory=list)  # 외국어·도구 ("중국어", "Python", "React")
    education: Education | None = None
    district: str | None = None  # 거주지 읍·면·동 or an alias ("연동", "함덕")
    commute_km: float | None = Field(default=None, gt=0, le=120)  # acceptable straight-line distance
    commute_minutes: int | None = Field(default=None, gt=0, le=180)  # acceptable one-way commute time
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


# ---------------------------------------------------------------------------------------------------- labels
# What a counselor (or the citizen) reads in the profile panel and the CLI, in this order.
SEEKER_LABELS: dict[str, str] = {
    "desired_occupation": "희망 직종", "experience": "경력", "certificates": "자격증", "education": "학력",
    "district": "거주지 (읍·면·동)", "commute_minutes": "통근 시간 (분 이내)", "commute_km": "통근 거리 (km 이내)",
    "desired_monthly_wage": "희망 임금 (월)", "employment_types": "고용형태", "weekends_off": "주말 휴무",
    "no_night": "야간 근무 불가", "max_weekly_hours": "주 근무시간 상한", "min_weekly_hours": "주 근무시간 하한",
    "seasonal_ok": "계절·단기 일자리", "skills": "외국어·도구", "desired_codes": "희망 직종 코드",
}
# The eligibility facts shown next to them (the person's; employer-side fields are not the seeker's profile).
PROFILE_LABELS: dict[str, str] = {
    "age": "나이", "region": "거주 지역", "military_service_months": "병역 (개월)", "disabled": "장애",
    "severe_disability": "중증 장애", "insured_period_days": "고용보험 피보험기간 (일)",
    "unit_period_days": "피보험 단위기간 (일)", "separation_reason": "이직 사유", "separation_date": "이직일",
    "monthly_wage": "이직 전 월 임금", "employed": "현재 재직", "weekly_hours": "현재 주 근무시간",
    "household_size": "가구원 수", "household_income_pct": "가구 소득 (기준중위소득 %)",
    "household_income_monthly": "가구 월 소득", "household_assets": "가구 재산",
    "livelihood_benefit_recipient": "생계급여 수급", "receiving_unemployment_benefit": "구직급여 수급 중",
}
# Shown to staff only: internal codes, not something a citizen states or needs.
STAFF_ONLY: frozenset[str] = frozenset({"desired_codes"})
SEPARATION_LABELS: dict[str, str] = {
    "recommended_resignation": "권고사직", "contract_end": "계약기간 만료", "dismissal": "해고",
    "dismissal_misconduct": "징계해고", "business_closure": "폐업·도산", "retirement_age": "정년퇴직",
    "voluntary": "자진퇴사", "voluntary_justified": "정당한 사유의 자진퇴사", "other": "기타",
}
_MONEY = frozenset({"desired_monthly_wage", "monthly_wage", "household_income_monthly", "household_assets"})
_BOOL_WORDS: dict[str, tuple[str, str]] = {
    "weekends_off": ("필요", "주말 근무 가능"), "no_night": ("예", "야간 가능"), "seasonal_ok": ("괜찮음", "원하지 않음"),
}


def shown_value(name: str, value: object) -> str:
    """One field's value in plain Korean ("월 250만원", "회계 사무 12년", "필요")."""
    if isinstance(value, bool):
        yes, no = _BOOL_WORDS.get(name, ("예", "아니요"))
        return yes if value else no
    if name in _MONEY and isinstance(value, int | float):
        return manwon(value) + (" 이상" if name == "desired_monthly_wage" else "")
    if name == "separation_reason" and isinstance(value, str):
        return SEPARATION_LABELS.get(value, value)
    if isinstance(value, list):
        parts = [f"{e['occupation']} {e['years']:g}년" if isinstance(e, dict) else str(e) for e in value]
        return ", ".join(parts)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def seeker_summary(seeker: SeekerProfile) -> str:
    """The filled seeker fields on one line ("경력: 회계 사무 12년 · 자격증: 전산회계 1급 · …")."""
    data = seeker.model_dump(mode="json", exclude_defaults=True, exclude={"age"} | STAFF_ONLY)
    return " · ".join(f"{SEEKER_LABELS[k]}: {shown_value(k, data[k])}" for k in SEEKER_LABELS if k in data)
