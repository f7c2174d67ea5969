"""구직급여: requirements (고용보험법 제40조·제58조) and amounts (제45조·제46조·제50조 별표1).

Figures come from ``rules/unemployment_benefit.yaml``; the year is the separation year (이직일 당시 최저임금,
이직 연도의 상한액). Rounding: 평균임금 and 구직급여일액 are rounded down to the 원 (원 미만 버림).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from graphs.eligibility.common import (
    Builder,
    add_months,
    num,
    percent,
    rules_of,
    select_year,
    weakest,
    won,
)
from graphs.eligibility.models import EligibilityResult
from graphs.eligibility.ruleset import (
    AverageWage,
    BenefitDaysTable,
    Figure,
    UnemploymentRules,
    UnemploymentYear,
    WorkHours,
    dec,
    floor_int,
)
from graphs.profile import Profile
from knowledge.schemas import Confidence

PROGRAM = "unemployment_benefit"


def rules() -> UnemploymentRules:
    return rules_of(PROGRAM, UnemploymentRules)


@dataclass(frozen=True)
class YearFigures:
    """The figures of the year that applies, and why that year."""

    requested_year: int
    year: int
    figures: UnemploymentYear
    note: str | None  # set when the year was not known or had no figures


@dataclass(frozen=True)
class DailyFloor:
    value: int
    hours: Decimal
    formula: str
    note: str | None


@dataclass(frozen=True)
class AverageDailyWage:
    value: int
    formula: str


@dataclass(frozen=True)
class DailyBenefit:
    value: int
    formula: str
    year: int
    confidence: Confidence
    effective_from: date


@dataclass(frozen=True)
class BenefitDays:
    days: int
    formula: str


# ------------------------------------------------------------------------------------------- pure parts


def year_figures(profile: Profile, today: date, r: UnemploymentRules) -> YearFigures:
    """Separation year (date, else year) → its figures; unknown → this year's, with a note."""
    if profile.separation_date is not None:
        requested = profile.separation_date.year
        known = True
    elif profile.separation_year is not None:
        requested, known = profile.separation_year, True
    else:
        requested, known = today.year, False
    year, figures, fallback_note = select_year(r.yearly, requested)
    note = fallback_note
    if not known:
        note = f"퇴사일을 몰라 {year}년 이직 기준으로 계산했습니다."
        if fallback_note:
            note = f"{note} {fallback_note}"
    return YearFigures(requested, year, figures, note)


def resolve_hours(hours: float | None, rule: WorkHours) -> tuple[Decimal, str | None]:
    """1일 소정근로시간 used for the floor: default when unknown, clamped to [minimum, maximum]."""
    if hours is None:
        return dec(
            rule.default
        ), f"1일 소정근로시간을 {num(rule.default)}시간으로 보고 하한액을 계산했습니다."
    if hours < rule.minimum:
        return (
            dec(rule.minimum),
            f"1일 소정근로시간이 {num(rule.minimum)}시간 미만이면 {num(rule.minimum)}시간 기준으로 하한액을 계산합니다.",
        )
    if hours > rule.maximum:
        return dec(rule.maximum), f"1일 소정근로시간은 최대 {num(rule.maximum)}시간으로 계산합니다."
    return dec(hours), None


def daily_floor(
    year: int, min_wage: Figure, hours: Decimal, floor_rate: Figure, hours_note: str | None
) -> DailyFloor:
    """최저구직급여일액 = 최저임금 × 1일 소정근로시간 × 80%."""
    value = floor_int(dec(min_wage.value) * hours * dec(floor_rate.value))
    formula = f"{year}년 최저임금 {won(int(min_wage.value))} × {num(hours)}시간 × {percent(floor_rate.value)} = {won(value)}"
    return DailyFloor(value, hours, formula, hours_note)


def base_period_days(separation: date, months: int) -> int:
    """Calendar days of the ``months`` months ending on the separation date (e.g. 2026-03-31 → 90)."""
    return (separation - add_months(separation, -months)).days


def average_daily_wage(profile: Profile, rule: AverageWage) -> AverageDailyWage | None:
    """평균임금: given directly, or 월 임금 × 3 ÷ days of the 3 months before the separation date."""
    if profile.avg_daily_wage is not None:
        return AverageDailyWage(
            profile.avg_daily_wage, f"평균임금 {won(profile.avg_daily_wage)}(알려주신 금액)"
        )
    if profile.monthly_wage is None:
        return None
    total = profile.monthly_wage * rule.months
    if profile.separation_date is not None:
        days = base_period_days(profile.separation_date, rule.months)
        basis = f"{days}일(퇴사일 이전 {rule.months}개월)"
    else:
        days = rule.fallback_days
        basis = f"{days}일(퇴사일을 몰라 {rule.months}개월을 {days}일로 계산)"
    value = floor_int(Decimal(total) / Decimal(days))
    formula = f"월 임금 {won(profile.monthly_wage)} × {rule.months}개월 ÷ {basis} = 평균임금 {won(value)}"
    return AverageDailyWage(value, formula)


def clamp_daily_benefit(avg: int, rate: Figure, floor: DailyFloor, cap: int) -> tuple[int, str]:
    """구직급여일액 = 평균임금 × 60%, at least the floor (제46조②) and at most the cap (시행령 제68조)."""
    raw = floor_int(dec(avg) * dec(rate.value))
    head = f"평균임금 {won(avg)} × {percent(rate.value)} = {won(raw)}"
    if raw < floor.value:
        return floor.value, f"{head} < 하한액 {won(floor.value)}({floor.formula}) → 하한액 적용"
    if raw > cap:
        if floor.value > cap:
            return (
                floor.value,
                f"{head} > 상한액 {won(cap)}, 하한액 {won(floor.value)}이 상한액보다 커서 하한액 적용",
            )
        return cap, f"{head} > 상한액 {won(cap)} → 상한액 적용"
    return raw, f"{head} (하한액 {won(floor.value)} ~ 상한액 {won(cap)} 사이)"


def benefit_days(
    table: BenefitDaysTable, *, age: int | None, disabled: bool | None, insured_days: int
) -> BenefitDays | None:
    """소정급여일수 from 별표1; ``None`` when the age decides the cell and is unknown."""
    band = table.band_for(insured_days)
    period = f"피보험기간 {num(insured_days)}일({band.label}, 1년=365일로 계산)"
    if disabled:
        return BenefitDays(
            band.senior_or_disabled,
            f"장애인({table.senior_age}세 이상과 같은 기준) · {period} → {band.senior_or_disabled}일",
        )
    if age is None:
        if band.under_senior == band.senior_or_disabled:
            return BenefitDays(band.under_senior, f"{period} → 나이와 관계없이 {band.under_senior}일")
        return None
    senior = age >= table.senior_age
    row = f"{table.senior_age}세 이상" if senior else f"{table.senior_age}세 미만"
    days = band.senior_or_disabled if senior else band.under_senior
    return BenefitDays(days, f"퇴사 당시 {age}세({row}) · {period} → {days}일")


def compute_daily_benefit(
    profile: Profile, today: date, r: UnemploymentRules
) -> tuple[DailyBenefit | None, DailyFloor, YearFigures]:
    """구직급여일액 (None when no wage is known), the floor used, and the year's figures."""
    yf = year_figures(profile, today, r)
    hours, hours_note = resolve_hours(profile.daily_work_hours, r.work_hours)
    floor = daily_floor(yf.year, yf.figures.min_wage_hourly, hours, r.floor_rate, hours_note)
    avg = average_daily_wage(profile, r.average_wage)
    if avg is None:
        return None, floor, yf
    cap = int(yf.figures.daily_cap.value)
    value, clamp_formula = clamp_daily_benefit(avg.value, r.benefit_rate, floor, cap)
    sources = (r.benefit_rate, r.floor_rate, r.average_wage, yf.figures.min_wage_hourly, yf.figures.daily_cap)
    benefit = DailyBenefit(
        value=value,
        formula=f"{avg.formula}; {clamp_formula}",
        year=yf.year,
        confidence=weakest(*(s.confidence for s in sources)),
        effective_from=yf.figures.daily_cap.effective_from,
    )
    return benefit, floor, yf


def daily_benefit_for(profile: Profile, today: date) -> DailyBenefit | None:
    """구직급여일액 of this profile (used by 조기재취업수당)."""
    return compute_daily_benefit(profile, today, rules())[0]


def benefit_days_for(profile: Profile) -> BenefitDays | None:
    """소정급여일수 of this profile, when the insured period (and, if it matters, the age) is known."""
    if profile.insured_period_days is None:
        return None
    return benefit_days(
        rules().benefit_days,
        age=profile.age,
        disabled=profile.disabled,
        insured_days=profile.insured_period_days,
    )


# ------------------------------------------------------------------------------------------- requirements


def _check_separation_reason(b: Builder, profile: Profile, r: UnemploymentRules) -> None:
    if profile.separation_reason is None:
        b.ask("separation_reason")
        b.reason(
            "ub.separation_reason",
            r.separation_reasons["other"],
            None,
            "퇴사 사유를 알아야 수급자격을 판단할 수 있습니다.",
        )
        return
    rule = r.separation_reasons[profile.separation_reason]
    if rule.passed is None:
        b.ask("separation_reason")
    b.reason("ub.separation_reason", rule, rule.passed, rule.text)


def _check_unit_period(b: Builder, profile: Profile, r: UnemploymentRules) -> None:
    th = r.unit_period
    if profile.unit_period_days is not None:
        b.threshold("ub.unit_period", th, profile.unit_period_days)
        return
    insured = profile.insured_period_days
    if insured is None:
        b.ask("insured_period_days")
        b.threshold("ub.unit_period", th, None)
        return
    if insured < th.value:
        b.reason(
            "ub.unit_period",
            th,
            False,
            f"고용보험 가입 기간이 {num(insured)}일로, 피보험 단위기간 {num(th.value)}일을 채울 수 없습니다 → 미충족",
        )
        return
    proxy = r.insured_days_proxy
    if proxy.check(insured):
        b.reason(
            "ub.unit_period",
            proxy,
            True,
            f"이직 직전 고용보험 가입 기간 {num(insured)}일 — {num(proxy.value)}일 이상이면 피보험 단위기간 "
            f"{num(th.value)}일을 채운 것으로 추정 → 충족(추정)",
        )
        return
    b.ask("unit_period_days")
    b.reason(
        "ub.unit_period",
        th,
        None,
        f"고용보험 가입 기간 {num(insured)}일 — 이 기간 중 급여를 받은 날(피보험 단위기간)이 "
        f"{num(th.value)}일 이상인지 확인이 필요합니다.",
    )


def _check_claim_period(b: Builder, profile: Profile, today: date, r: UnemploymentRules) -> date | None:
    """수급기간: 이직일 다음 날부터 12개월. Returns its last day when the separation date is known."""
    fig = r.claim_period_months
    months = int(fig.value)
    expired = (
        f"수급기간(이직일 다음 날부터 {months}개월)이 이미 지나 구직급여를 받을 수 없습니다. "
        "임신·출산·육아·질병 등으로 연장 신고를 한 경우만 예외입니다."
    )
    if profile.separation_date is None:
        year = profile.separation_year
        if year is None or year == today.year - 1:
            b.ask("separation_date")
            b.reason(
                "ub.claim_period",
                fig,
                None,
                f"퇴사일을 알아야 수급기간({months}개월)이 남았는지 확인할 수 있습니다.",
            )
        elif year < today.year - 1:
            b.reason("ub.claim_period", fig, False, f"{year}년 퇴사 — {expired}")
        else:
            b.reason("ub.claim_period", fig, True, f"{year}년 퇴사 — 수급기간({months}개월) 안입니다 → 충족")
        return None
    last_day = add_months(profile.separation_date, months)
    if today > last_day:
        b.reason("ub.claim_period", fig, False, f"수급기간 종료일 {last_day.isoformat()} — {expired}")
    else:
        b.reason(
            "ub.claim_period",
            fig,
            True,
            f"수급기간 {last_day.isoformat()}까지 — 그 안에 신청하고 받아야 합니다 → 충족",
        )
    return last_day


# ------------------------------------------------------------------------------------------- evaluator


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    b = Builder(PROGRAM, r.questions)

    _check_separation_reason(b, profile, r)
    last_day = _check_claim_period(b, profile, today, r)
    _check_unit_period(b, profile, r)
    if profile.separation_date is not None and profile.separation_date > today:
        b.note("아직 퇴사 전이라면 퇴사한 뒤에 고용24 구직신청과 수급자격 신청을 할 수 있습니다.")
    if profile.self_employed:
        b.note(r.self_employed.text)
    b.note(r.job_search_duty.text)

    daily, floor, yf = compute_daily_benefit(profile, today, r)
    b.note(yf.note)
    b.note(floor.note)
    if profile.separation_date is not None and r.wage_basis_change.in_force(profile.separation_date):
        b.note(r.wage_basis_change.text)

    if daily is not None:
        b.amount(
            "구직급여일액",
            daily.value,
            "원/일",
            daily.formula,
            r.benefit_rate,
            r.floor_rate,
            r.average_wage,
            yf.figures.min_wage_hourly,
            yf.figures.daily_cap,
            year=yf.year,
            article="고용보험법 제45조, 제46조, 같은 법 시행령 제68조",
        )

    days = benefit_days_for(profile)
    if days is not None:
        b.amount("소정급여일수", days.days, "일", days.formula, r.benefit_days, year=yf.year)
    else:
        if profile.insured_period_days is None:
            b.ask("insured_period_days")
        if profile.age is None and profile.disabled is not True:
            b.ask("age")
    if daily is None:
        b.ask("monthly_wage")
    if profile.disabled is None and profile.age is not None and profile.age < r.benefit_days.senior_age:
        b.note(
            f"장애인(장애인고용촉진법상)이면 {r.benefit_days.senior_age}세 이상과 같은 소정급여일수가 적용됩니다."
        )

    if daily is not None and days is not None:
        total = daily.value * days.days
        b.amount(
            "최대 총액",
            total,
            "원",
            f"구직급여일액 {won(daily.value)} × 소정급여일수 {days.days}일 = {won(total)} (모든 날 실업인정을 받을 때의 최대 금액)",
            r.benefit_rate,
            r.benefit_days,
            yf.figures.min_wage_hourly,
            yf.figures.daily_cap,
            year=yf.year,
            article="고용보험법 제46조, 제50조 별표1",
        )
        b.use(r.waiting_period_days)
        if last_day is not None:
            remaining = (last_day - max(today, profile.separation_date or today)).days
            if remaining < days.days + int(r.waiting_period_days.value):
                b.note(
                    f"아직 신청 전이라면 수급기간 종료일({last_day.isoformat()})까지 {remaining}일밖에 남지 않아 "
                    "소정급여일수를 모두 받지 못할 수 있습니다. 가능한 한 빨리 신청하세요."
                )

    fig = yf.figures
    b.amount(
        "구직급여 1일 하한액",
        floor.value,
        "원/일",
        floor.formula,
        r.floor_rate,
        fig.min_wage_hourly,
        year=yf.year,
    )
    b.amount(
        "구직급여 1일 상한액",
        int(fig.daily_cap.value),
        "원/일",
        f"{yf.year}년 이직자: 기초일액 상한 {won(int(fig.base_daily_wage_cap.value))} × {percent(r.benefit_rate.value)} "
        f"= {won(int(fig.daily_cap.value))}",
        fig.daily_cap,
        fig.base_daily_wage_cap,
        year=yf.year,
    )
    return b.result(yf.year)
