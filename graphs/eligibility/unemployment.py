"""구직급여: requirements (고용보험법 제40조·제58조) and amounts (제45조·제46조·제50조 별표1).

Figures come from ``rules/unemployment_benefit.yaml``; the year is the separation year (이직일 당시 최저임금,
이직 연도의 상한액). Rounding: 평균임금 and 구직급여일액 are rounded down to the 원 (원 미만 버림).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from graphs.eligibility.common import (
    Builder,
    add_months,
    fallback_warning,
    full_years,
    num,
    percent,
    rules_of,
    select_year,
    weakest,
)
from graphs.eligibility.models import EligibilityResult
from graphs.eligibility.ruleset import (
    AverageWage,
    BenefitDaysTable,
    Figure,
    PriorPeriod,
    UnemploymentRules,
    UnemploymentYear,
    WorkHours,
    dec,
    floor_int,
)
from graphs.profile import Profile
from knowledge.formatting import won
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
    note: str | None  # set when the separation year was not known
    warning: str | None = None  # set when the year has no figures and the last known year's were used

    @property
    def fell_back(self) -> bool:
        return self.warning is not None

    def label(self) -> str:
        """Prefix for formulas computed on another year's figures."""
        return f"({self.requested_year}년 금액 미발표 → {self.year}년 기준) " if self.fell_back else ""


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


@dataclass(frozen=True)
class InsuredPeriod:
    """피보험기간 for 별표1 (제50조③④): this job's period plus an earlier one when it counts."""

    days: int
    years: int
    rest_days: int  # days past the full years
    text: str  # how it was counted, with the dates or the convention
    notes: list[str] = field(default_factory=list)
    ask: list[str] = field(default_factory=list)  # facts that would settle it (amount only)


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
    warning = (
        fallback_warning("구직급여 상·하한액(최저임금·기초일액 상한)이", requested, year)
        if fallback_note
        else None
    )
    note = None if known else f"퇴사일을 몰라 {requested}년 이직 기준으로 계산했습니다."
    return YearFigures(requested, year, figures, note, warning)


def resolve_hours(hours: float | None, rule: WorkHours) -> tuple[Decimal, str | None]:
    """1일 소정근로시간 used for the floor: default when unknown, clamped to [minimum, maximum]."""
    if hours is None:
        return dec(
            rule.default
        ), f"1일 소정근로시간을 {num(rule.default)}시간으로 보고 하한액을 계산했습니다."
    if hours < rule.minimum:
        return dec(rule.minimum), rule.minimum_note
    if hours > rule.maximum:
        return dec(rule.maximum), f"1일 소정근로시간은 최대 {num(rule.maximum)}시간으로 계산합니다."
    return dec(hours), None


def daily_floor(
    year: int, min_wage: Figure, hours: Decimal, floor_rate: Figure, hours_note: str | None
) -> DailyFloor:
    """최저구직급여일액 = 최저임금 × 1일 소정근로시간 × 80%."""
    value = floor_int(dec(min_wage.value) * hours * dec(floor_rate.value))
    formula = (
        f"하한액 = 최저임금 × 1일 소정근로시간 × {percent(floor_rate.value)}: {year}년 최저임금 "
        f"{won(int(min_wage.value))} × {num(hours)}시간 × {percent(floor_rate.value)} = {won(value)}"
    )
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


def shortest_span(years: int, table: BenefitDaysTable) -> int:
    """The fewest calendar days ``years`` consecutive years can have: a common year's days each plus the 29
    Februaries any such span must hold (at least one in every 4 years; 10 years hold at least 2 → 3,652 days)."""
    return table.days_per_year * years + years // 4


def years_of(days: int, separation: date | None, table: BenefitDaysTable) -> tuple[int, int, str]:
    """Full years of a ``days``-long insured period: on the calendar when it ends on a known separation date
    (leap days count); else the most years whose shortest span fits in ``days`` (so 3,650 days is under 10 years
    whatever the dates — near a boundary :func:`_band_boundary_note` says that fewer years are possible)."""
    if separation is not None:
        end = separation + timedelta(days=1)
        start = end - timedelta(days=days)
        years, rest = full_years(start, end)
        return years, rest, f"{start.isoformat()}~{separation.isoformat()} 달력 기준 {years}년 {rest}일"
    years = days // table.days_per_year
    while years > 0 and shortest_span(years, table) > days:
        years -= 1
    rest = days - shortest_span(years, table)
    return years, rest, (
        f"퇴사일을 몰라 날수로 계산: {years + 1}년은 윤일을 넣어 가장 짧아도 "
        f"{num(shortest_span(years + 1, table))}일이라 {num(days)}일은 {years + 1}년 미만 → {years}년"
    )


def _band_boundary_note(
    period_days: int, years: int, separation: date | None, table: BenefitDaysTable
) -> str | None:
    """Near a band boundary the day count alone may not decide the band: say so and what would."""
    by_convention = period_days // table.days_per_year
    if separation is not None:
        if table.band_for(by_convention) is table.band_for(years):
            return None
        target = years + 1
        start_needed = add_months(separation + timedelta(days=1), -12 * target)
        return (
            f"피보험기간 {num(period_days)}일은 윤년이 끼어 달력으로 {target}년에 조금 모자랍니다. 입사일(합산 기간의 시작일)이 "
            f"{start_needed.isoformat()} 또는 그 전이면 {target}년 이상으로 계산되니 입사일을 알려주세요."
        )
    leap_days = (years + 3) // 4  # at most this many 29 Februaries in `years` years
    if years == 0 or period_days - years * table.days_per_year >= leap_days:
        return None
    if table.band_for(years) is table.band_for(years - 1):
        return None
    return (
        f"피보험기간 {num(period_days)}일은 윤년(2월 29일)이 끼어 있으면 {years}년에 조금 모자랄 수 있습니다. "
        "입사일과 퇴사일을 알려주시면 달력 기준으로 정확히 계산합니다."
    )


def _gap_within(gap_days: int, start: date | None, rule: PriorPeriod, table: BenefitDaysTable) -> bool:
    """제50조④1호: this job's insured status began within ``gap_years`` after the earlier one was lost."""
    if start is not None:
        lost = start - timedelta(days=gap_days)
        return start <= add_months(lost, 12 * rule.gap_years)
    return gap_days <= rule.gap_years * table.days_per_year


def current_period(profile: Profile) -> tuple[int, date | None, str] | None:
    """This job's insured period in days (제50조③), its start date when known, and how it was found."""
    start, end = profile.employment_start_date, profile.separation_date
    if start is not None and end is not None and start <= end:
        days = (end - start).days + 1
        return days, start, f"이번 직장 {start.isoformat()}~{end.isoformat()} {num(days)}일"
    if profile.insured_period_days is not None:
        days = profile.insured_period_days
        known_start = end + timedelta(days=1) - timedelta(days=days) if end is not None else None
        return days, known_start, f"이번 직장 {num(days)}일"
    return None


def insured_period(profile: Profile, r: UnemploymentRules) -> InsuredPeriod | None:
    """피보험기간 = this job's period + an earlier period when 제50조④1호 lets it count (never a lifetime total)."""
    current = current_period(profile)
    if current is None:
        return None
    days, start, text = current
    table, rule = r.benefit_days, r.prior_period
    notes: list[str] = []
    ask: list[str] = []
    prior = profile.prior_insured_days or 0
    if prior:
        head = f"이전 직장 {num(prior)}일"
        if profile.prior_benefit_paid:
            text += f"; {head}은 그 기간으로 구직급여를 받아 합산하지 않음({rule.article} 단서)"
        elif profile.prior_gap_days is not None and not _gap_within(
            profile.prior_gap_days, start, rule, table
        ):
            text += f"; {head}은 그만둔 뒤 {rule.gap_years}년이 지나 입사해 합산하지 않음({rule.article})"
        elif profile.prior_gap_days is None or profile.prior_benefit_paid is None:
            unknown = [f for f in ("prior_gap_days", "prior_benefit_paid") if getattr(profile, f) is None]
            ask.extend(unknown)
            text += f"; {head}은 합산 요건을 몰라 빼고 계산"
            alt_years, _, _ = years_of(days + prior, profile.separation_date, table)
            notes.append(
                f"이전 직장 피보험기간({num(prior)}일)은 그 직장을 그만둔 뒤 {rule.gap_years}년 안에 지금 회사에 입사했고 "
                f"그 기간으로 구직급여를 받지 않았을 때만 합산됩니다({rule.article}). 합산되면 피보험기간이 "
                f"{alt_years}년({table.band_for(alt_years).label})이 되어 소정급여일수가 늘 수 있습니다. "
                "이 두 가지를 알려주시면 다시 계산합니다."
            )
        else:
            days += prior
            text += f" + {head}(그만둔 뒤 {rule.gap_years}년 이내 입사, 구직급여 받지 않음 → 합산, {rule.article})"
    years, rest, counted = years_of(days, profile.separation_date, table)
    boundary = _band_boundary_note(days, years, profile.separation_date, table)
    if boundary:
        notes.append(boundary)
        if profile.employment_start_date is None:
            ask.append("employment_start_date")
    summary = f"{text} → 합계 {num(days)}일" if days != current[0] else (text if prior else f"{num(days)}일")
    return InsuredPeriod(days, years, rest, f"{summary}({counted})", notes, ask)


def benefit_days(
    table: BenefitDaysTable, *, age: int | None, disabled: bool | None, period: InsuredPeriod
) -> BenefitDays | None:
    """소정급여일수 from 별표1; ``None`` when the age decides the cell and is unknown."""
    band = table.band_for(period.years)
    rule = "소정급여일수 = 별표1(퇴사 당시 나이 × 피보험기간)"
    basis = f"피보험기간 {period.text} → {band.label}"
    if disabled:
        return BenefitDays(
            band.senior_or_disabled,
            f"{rule}: 장애인({table.senior_age}세 이상과 같은 기준) · {basis} → {band.senior_or_disabled}일",
        )
    if age is None:
        if band.under_senior == band.senior_or_disabled:
            return BenefitDays(band.under_senior, f"{rule}: {basis} → 나이와 관계없이 {band.under_senior}일")
        return None
    senior = age >= table.senior_age
    row = f"{table.senior_age}세 이상" if senior else f"{table.senior_age}세 미만"
    days = band.senior_or_disabled if senior else band.under_senior
    return BenefitDays(days, f"{rule}: 퇴사 당시 {age}세({row}) · {basis} → {days}일")


def age_rows(table: BenefitDaysTable, period: InsuredPeriod) -> list[tuple[str, int, str]]:
    """(name, days, formula) of both 별표1 cells of a known insured-period band while the age is unknown."""
    band = table.band_for(period.years)
    basis = f"소정급여일수 = 별표1(퇴사 당시 나이 × 피보험기간): 피보험기간 {period.text} → {band.label}"
    senior = f"{table.senior_age}세 이상·장애인"
    return [
        (f"소정급여일수({table.senior_age}세 미만이면)", band.under_senior,
         f"{basis}, 퇴사 당시 {table.senior_age}세 미만 → {band.under_senior}일"),
        (f"소정급여일수({senior}이면)", band.senior_or_disabled,
         f"{basis}, 퇴사 당시 {senior} → {band.senior_or_disabled}일"),
    ]


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
        formula=f"{yf.label()}구직급여일액 = 평균임금 × {percent(r.benefit_rate.value)}(하한액~상한액): "
        f"{avg.formula}; {clamp_formula}",
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
    r = rules()
    period = insured_period(profile, r)
    if period is None:
        return None
    return benefit_days(r.benefit_days, age=profile.age, disabled=profile.disabled, period=period)


# ------------------------------------------------------------------------------------------- requirements


def _check_separation_reason(b: Builder, profile: Profile, r: UnemploymentRules) -> None:
    if profile.separation_reason is None and profile.just_cause:
        profile = profile.model_copy(update={"separation_reason": "voluntary_justified"})
    if profile.separation_reason is None:
        b.ask("separation_reason")
        b.reason(
            "ub.separation_reason",
            r.separation_reasons["other"],
            None,
            "퇴사 사유를 알아야 수급자격을 판단할 수 있습니다.",
        )
        return
    cause = (profile.just_cause or "").strip()
    if cause and profile.separation_reason in ("voluntary", "voluntary_justified", "other"):
        # a voluntary leave with a 정당한 사유 stated: judged on that reason (별표2), not as a plain 자진퇴사
        rule = r.separation_reasons["voluntary_justified"]
        text = (
            f"말씀하신 퇴사 사유({cause})는 시행규칙 별표2의 정당한 사유로 볼 수 있어 자진퇴사여도 수급자격이 인정될 수 "
            "있습니다. 정당한 사유인지는 고용센터가 이직확인서와 증빙자료로 판단합니다."
        )
        b.reason("ub.separation_reason", rule, rule.passed, text, key=bool(rule.passed))
        return
    rule = r.separation_reasons[profile.separation_reason]
    if rule.passed is None:
        b.ask("separation_reason")
    b.reason("ub.separation_reason", rule, rule.passed, rule.text)


def _check_unit_period(b: Builder, profile: Profile, r: UnemploymentRules) -> None:
    """제40조①1호: 180 days of 피보험 단위기간 in the 18 months before separation — asked, never inferred from the
    insured period (which counts calendar days and other years)."""
    th = r.unit_period
    if profile.unit_period_days is not None:
        b.threshold("ub.unit_period", th, profile.unit_period_days)
        return
    current = current_period(profile)
    if current is not None and current[0] < th.value and profile.prior_insured_days is None:
        # The only insured period the person stated is shorter than the threshold, and the paid days in it can
        # only be fewer (제41조): not reachable unless another insured job in the 18 months is added.
        b.reason(
            "ub.unit_period",
            th,
            False,
            f"{th.label}: 말씀하신 고용보험 가입 기간이 {num(current[0])}일이라 기준 {num(th.value)}{th.unit} 이상을 채울 수 "
            f"없습니다 ({num(th.value - current[0])}일 부족) → 미충족. 퇴사 전 18개월 안에 다른 직장에서 고용보험에 가입해 "
            f"월급을 받은 날이 있으면 합산되어, 합쳐서 {num(th.value)}{th.unit} 이상이면 (다른 요건도 갖춘 경우) 받을 수 "
            "있습니다. 있으면 알려 주세요.",
        )
        return
    b.ask("unit_period_days")
    b.note(r.unit_period_help.text)
    text = f"{th.label}: 정보가 필요합니다 (기준 {num(th.value)}{th.unit} 이상)."
    if current is not None and current[0] < th.value:
        text += (
            f" 이번 직장 가입 기간({num(current[0])}일)만으로는 {num(th.value)}{th.unit}이 되지 않으니, 퇴사 전 18개월 안에 "
            "다른 직장에서 고용보험에 가입해 일한 기간이 있는지 확인해 주세요."
        )
    b.reason("ub.unit_period", th, None, text)


def _check_claim_period(b: Builder, profile: Profile, today: date, r: UnemploymentRules) -> date | None:
    """수급기간: 이직일 다음 날부터 12개월. Returns its last day when the separation date is known."""
    fig = r.claim_period_months
    months = int(fig.value)
    expired = (
        f"수급기간(이직일 다음 날부터 {months}개월)이 이미 지나 구직급여를 받을 수 없습니다. "
        "임신·출산·육아·질병 등으로 취업할 수 없어 연장 신고를 한 경우만 예외입니다(최대 4년). "
        "연장 신고를 했다면 고용24(work24.go.kr)나 고용노동부 고객상담센터 ☎1350에 확인해 보세요."
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


def still_in_work(profile: Profile) -> bool:
    """The person says they are in work (``employed``) and nothing says they left a job: no separation reason, date
    or year, no 정당한 사유 stated, not receiving 구직급여 (work while receiving is reported, not a bar) and not
    re-employed after a separation (조기재취업수당's question)."""
    left = (profile.separation_reason, profile.separation_date, profile.separation_year, profile.just_cause)
    return (
        profile.employed is True
        and all(v is None for v in left)
        and profile.receiving_unemployment_benefit is not True
        and profile.reemployed is not True
    )


# ------------------------------------------------------------------------------------------- evaluator


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    b = Builder(PROGRAM, r.questions)

    if still_in_work(profile):
        # 제40조①2호: 구직급여 follows a separation; the other requirements are about a separation not yet made
        b.condition("ub.unemployed", r.unemployed, False)
        return b.result(year_figures(profile, today, r).year)

    _check_separation_reason(b, profile, r)
    last_day = _check_claim_period(b, profile, today, r)
    _check_unit_period(b, profile, r)
    if profile.separation_date is not None and profile.separation_date > today:
        b.note("아직 퇴사 전이라면 퇴사한 뒤에 고용24 구직신청과 수급자격 신청을 할 수 있습니다.")
    if profile.self_employed:
        b.note(r.self_employed.text)
    b.note(r.job_search_duty.text)

    daily, floor, yf = compute_daily_benefit(profile, today, r)
    b.warn(yf.warning)
    b.note(yf.note)
    if floor.note == r.work_hours.minimum_note:  # a figure resting on a secondary source: shown first, with ⚠️
        b.warn(floor.note.removeprefix("⚠️").strip())
    else:
        b.note(floor.note)
    if profile.separation_date is not None and r.wage_basis_change.in_force(profile.separation_date):
        b.note(r.wage_basis_change.text)
    fig = yf.figures
    hours_rule = (r.work_hours,) if floor.note == r.work_hours.minimum_note else ()

    if daily is not None:
        b.amount(
            "구직급여일액",
            daily.value,
            "원/일",
            daily.formula,
            r.benefit_rate,
            r.floor_rate,
            r.average_wage,
            fig.min_wage_hourly,
            fig.daily_cap,
            *hours_rule,
            year=yf.year,
            article="고용보험법 제45조, 제46조, 같은 법 시행령 제68조",
            fell_back=yf.fell_back,
        )

    period = insured_period(profile, r)
    days = None
    if period is not None:
        for note in period.notes:
            b.note(note)
        days = benefit_days(r.benefit_days, age=profile.age, disabled=profile.disabled, period=period)
    if days is not None:
        b.amount(
            "소정급여일수",
            days.days,
            "일",
            days.formula,
            r.benefit_days,
            r.prior_period,
            year=yf.year,
            article=f"{r.benefit_days.article}, {r.prior_period.article}",
        )
    else:
        if period is None:
            b.ask("insured_period_days", decides=False)
        else:  # the band is known, only the age row is not: both cells, each under its condition
            for name, value, formula in age_rows(r.benefit_days, period):
                b.amount(name, value, "일", formula, r.benefit_days, r.prior_period, year=yf.year,
                         article=f"{r.benefit_days.article}, {r.prior_period.article}")
        if profile.age is None and profile.disabled is not True:
            b.ask("age", decides=False)
    if daily is None:
        b.ask("monthly_wage", decides=False)
    for fact in period.ask if period is not None else []:
        b.ask(fact, decides=False)
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
            f"{yf.label()}최대 총액 = 구직급여일액 × 소정급여일수: {won(daily.value)} × {days.days}일 = {won(total)} "
            "(모든 날 실업인정을 받을 때의 최대 금액)",
            r.benefit_rate,
            r.benefit_days,
            fig.min_wage_hourly,
            fig.daily_cap,
            year=yf.year,
            article="고용보험법 제46조, 제50조 별표1",
            fell_back=yf.fell_back,
        )
        b.use(r.waiting_period_days)
        if last_day is not None:
            remaining = (last_day - max(today, profile.separation_date or today)).days
            if remaining < days.days + int(r.waiting_period_days.value):
                b.note(
                    f"아직 신청 전이라면 수급기간 종료일({last_day.isoformat()})까지 {remaining}일밖에 남지 않아 "
                    "소정급여일수를 모두 받지 못할 수 있습니다. 가능한 한 빨리 신청하세요."
                )

    b.amount(
        "구직급여 1일 하한액",
        floor.value,
        "원/일",
        f"{yf.label()}{floor.formula}",
        r.floor_rate,
        fig.min_wage_hourly,
        *hours_rule,
        year=yf.year,
        fell_back=yf.fell_back,
    )
    b.amount(
        "구직급여 1일 상한액",
        int(fig.daily_cap.value),
        "원/일",
        f"{yf.label()}상한액 = 기초일액 상한 × {percent(r.benefit_rate.value)}: {yf.year}년 이직자 "
        f"{won(int(fig.base_daily_wage_cap.value))} × {percent(r.benefit_rate.value)} = {won(int(fig.daily_cap.value))}",
        fig.daily_cap,
        fig.base_daily_wage_cap,
        year=yf.year,
        fell_back=yf.fell_back,
    )
    return b.result(yf.year)
