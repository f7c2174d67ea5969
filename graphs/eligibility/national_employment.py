"""국민취업지원제도: four tracks evaluated separately (sub-results) and summarised.

Ⅰ유형 요건심사형 (법 제7조①), Ⅰ유형 선발형 (제7조②1호), Ⅰ유형 청년특례 (제7조②2호), Ⅱ유형 (제6조).
Amounts (구직촉진수당, 부양가족 가산, 취업성공수당) use the figures of the application year (``today``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graphs.eligibility.common import (
    Builder,
    aggregate,
    fallback_warning,
    merge_missing,
    num,
    rules_of,
    select_year,
    sourced,
    verdict_of,
    within_youth_ceiling,
    youth_age,
)
from graphs.eligibility.models import EligibilityResult
from graphs.eligibility.ruleset import NationalEmploymentRules, Sourced, Threshold, TrackId
from graphs.profile import Profile
from knowledge.facts import MilitaryExtension, median_income, military_service
from knowledge.formatting import compact_won, won

PROGRAM = "national_employment_support"
TRACKS: tuple[TrackId, ...] = ("type1_requirement", "type1_selection", "type1_youth", "type2")


def rules() -> NationalEmploymentRules:
    return rules_of(PROGRAM, NationalEmploymentRules)


@dataclass(frozen=True)
class Income:
    pct: float | None
    entry: Sourced | None  # the 기준 중위소득 entry used to derive pct, if any
    formula: str | None
    warning: str | None = None  # the application year had no 기준 중위소득 and the last known year was used


def household_income(profile: Profile, r: NationalEmploymentRules, year: int) -> Income:
    """Income as % of 기준 중위소득: given, or derived from the monthly income and the household size with the
    기준 중위소득 table (knowledge/facts/median_income.yaml) of the application year (or the last known one)."""
    if profile.household_income_pct is not None:
        return Income(profile.household_income_pct, None, None)
    monthly, size = profile.household_income_monthly, profile.household_size
    if monthly is None or size is None:
        return Income(None, None, None)
    table = median_income()
    share = table.share(monthly, size, year)
    if share is None:
        return Income(None, None, None)
    pct = share.percent_1()
    formula = (
        f"가구 월소득 {won(monthly)} ÷ {share.year}년 {size}인 가구 기준 중위소득 {won(share.median)} × 100 "
        f"= {num(pct)}% ({share.entry.notice}). {r.income_estimate.text}"
    )
    warning = fallback_warning("기준 중위소득이", year, share.year) if share.fell_back else None
    return Income(float(pct), sourced(share.entry, table.article), formula, warning)


def extension() -> MilitaryExtension:
    return military_service().extensions[PROGRAM]


def is_youth(r: NationalEmploymentRules, profile: Profile) -> bool | None:
    """15–34 with the ceiling raised by military service (시행령 제2조⑤); ``None`` while it cannot be told."""
    return within_youth_ceiling(r.youth_age, profile.age, profile.military_service_months, extension())


# ------------------------------------------------------------------------------------------- checks


def _check_age(b: Builder, r: NationalEmploymentRules, age: int | None) -> None:
    """15–64 (법률); 65–69 passes on the 고시 range (flagged by its note); outside both fails."""
    rng = r.age_statutory if age is None or r.age_statutory.contains(age) else r.age_extended
    b.in_range("nes.age", rng, age, ask="age")


def _check_exclusions(b: Builder, r: NationalEmploymentRules, profile: Profile) -> None:
    """Ⅰ유형 exclusions: checked when known; otherwise a note (they rarely apply and need no question)."""
    livelihood, benefit = profile.livelihood_benefit_recipient, profile.receiving_unemployment_benefit
    if livelihood is not None:
        b.condition("nes.livelihood", r.livelihood_exclusion, not livelihood)
    if benefit is not None:
        b.condition("nes.unemployment_benefit", r.unemployment_benefit_exclusion, not benefit)
    if livelihood is None or benefit is None:
        b.note(r.exclusions_unchecked.text)


def _check_income(b: Builder, th: Threshold, income: Income) -> bool | None:
    if income.entry is not None:
        b.use(income.entry)
    b.warn(income.warning)
    verdict = b.threshold("nes.income", th, income.pct, ask="household_income_pct")
    if income.formula:
        b.note(f"소득 비율 추정: {income.formula}")
    return verdict


def _check_assets(
    b: Builder, r: NationalEmploymentRules, assets: int | None, youth: bool | None
) -> bool | None:
    """4억 (5억 for youths); while youth is unknown, an amount between the two waits for the military service."""
    if youth is None and assets is not None and r.assets.check(assets) != r.assets_youth.check(assets):
        b.ask("military_service_months")
        return b.reason(
            "nes.assets",
            r.assets_youth,
            None,
            f"가구 재산 {compact_won(assets)} — 청년(병역 가산 포함)이면 기준 {compact_won(int(r.assets_youth.value))} "
            f"이하라 충족, 아니면 기준 {compact_won(int(r.assets.value))} 초과 → 청년 여부 확인 필요",
        )
    th = r.assets_youth if youth else r.assets
    return b.threshold("nes.assets", th, assets, ask="household_assets")


def work_experience(r: NationalEmploymentRules, days: int | None, hours: int | None) -> bool | None:
    """취업경험 100일 또는 800시간: met if either is met; unknown while the days are unknown and not met."""
    if (days is not None and r.work_days.check(days)) or (hours is not None and r.work_hours.check(hours)):
        return True
    if days is None:
        return None
    return False


def _experience_text(r: NationalEmploymentRules, days: int | None, hours: int | None) -> str:
    known = ", ".join(
        part
        for part in (
            f"{num(days)}일" if days is not None else "",
            f"{num(hours)}시간" if hours is not None else "",
        )
        if part
    )
    return f"2년 내 취업경험 {known or '정보 없음'} — 기준 {num(r.work_days.value)}일 또는 {num(r.work_hours.value)}시간 이상"


def _check_experience_met(b: Builder, r: NationalEmploymentRules, profile: Profile) -> bool | None:
    days, hours = profile.work_experience_days_2y, profile.work_experience_hours_2y
    met = work_experience(r, days, hours)
    if met is None:
        b.ask("work_experience_days_2y")
    entry = r.work_hours if (met and (days is None or not r.work_days.check(days))) else r.work_days
    verdict = {True: "충족", False: "미충족", None: "확인 필요"}[met]
    return b.reason("nes.work_experience", entry, met, f"{_experience_text(r, days, hours)} → {verdict}")


def _check_experience_lacking(b: Builder, r: NationalEmploymentRules, profile: Profile) -> bool | None:
    days, hours = profile.work_experience_days_2y, profile.work_experience_hours_2y
    met = work_experience(r, days, hours)
    if met is None:
        b.ask("work_experience_days_2y")
    track = r.tracks["type1_selection"]
    text = {
        True: f"{_experience_text(r, days, hours)} → 취업경험 요건을 갖춰 선발형이 아니라 요건심사형 대상입니다.",
        False: f"{_experience_text(r, days, hours)} → 취업경험이 부족한 경우의 선발형 대상입니다.",
        None: f"{_experience_text(r, days, hours)} → 선발형 여부 확인이 필요합니다.",
    }[met]
    return b.reason("nes.selection_experience", track, None if met is None else not met, text)


# ------------------------------------------------------------------------------------------- amounts


def _allowance_amounts(b: Builder, r: NationalEmploymentRules, today: date, dependents: int | None) -> int:
    """구직촉진수당 (+ 부양가족 가산) of the application year; returns the year used."""
    year, allowance, year_note = select_year(r.allowance, today.year)
    fell_back = year_note is not None
    if fell_back:
        b.warn(fallback_warning("구직촉진수당 월액이", today.year, year))
    b.note(allowance.scope_note)
    b.amount(
        "구직촉진수당 월액",
        allowance.monthly,
        "원/월",
        f"구직촉진수당 월액 = 그해 고용정책심의회 결정 금액: {year}년 월 {compact_won(allowance.monthly)}",
        allowance,
        year=year,
        fell_back=fell_back,
    )
    total = allowance.monthly * allowance.months
    b.amount(
        "구직촉진수당 총액",
        total,
        "원",
        f"구직촉진수당 총액 = 월액 × 지급기간 {allowance.months}개월: 월 {won(allowance.monthly)} × {allowance.months}개월 "
        f"= {won(total)} (부양가족 가산 제외)",
        allowance,
        year=year,
        fell_back=fell_back,
    )
    add_year, addition, add_note = select_year(r.dependent_addition, today.year)
    if add_note is not None:
        b.warn(fallback_warning("부양가족 가산 금액이", today.year, add_year))
    if dependents is None:
        b.ask("dependents", decides=False)
        b.use(addition)
        return year
    monthly_add = min(dependents * addition.per_person, addition.monthly_max)
    b.amount(
        "부양가족 가산 월액",
        monthly_add,
        "원/월",
        f"부양가족 가산 = 대상 가족 수 × 1인당 {won(addition.per_person)} (월 최대 {won(addition.monthly_max)}): "
        f"{dependents}명 × {won(addition.per_person)} = {won(dependents * addition.per_person)} → {won(monthly_add)}",
        addition,
        year=add_year,
        fell_back=add_note is not None,
    )
    grand = (allowance.monthly + monthly_add) * allowance.months
    b.amount(
        "구직촉진수당 총액(가산 포함)",
        grand,
        "원",
        f"(월액 + 가산) × {allowance.months}개월: (월 {won(allowance.monthly)} + 가산 {won(monthly_add)}) × "
        f"{allowance.months}개월 = {won(grand)}",
        allowance,
        addition,
        year=year,
        fell_back=fell_back,
    )
    return year


def _success_amount(b: Builder, r: NationalEmploymentRules, today: date) -> None:
    fig = r.success_allowance
    b.amount(
        fig.label,
        int(fig.value),
        "원",
        f"취업성공수당 최대 {won(int(fig.value))} (대상 범위 확인 필요)",
        fig,
        year=today.year,
    )


# ------------------------------------------------------------------------------------------- tracks


def _new(r: NationalEmploymentRules, track: TrackId) -> Builder:
    t = r.tracks[track]
    b = Builder(f"{PROGRAM}.{track}", r.questions, program_name=f"국민취업지원제도 {t.label}")
    b.note(t.description)
    return b


def _type1_requirement(
    profile: Profile, r: NationalEmploymentRules, income: Income, today: date
) -> EligibilityResult:
    b = _new(r, "type1_requirement")
    _check_age(b, r, profile.age)
    _check_income(b, r.income_type1, income)
    _check_assets(b, r, profile.household_assets, is_youth(r, profile))
    _check_experience_met(b, r, profile)
    _check_exclusions(b, r, profile)
    year = _allowance_amounts(b, r, today, profile.dependents)
    _success_amount(b, r, today)
    return b.result(year)


def _type1_selection(
    profile: Profile, r: NationalEmploymentRules, income: Income, today: date
) -> EligibilityResult:
    b = _new(r, "type1_selection")
    _check_age(b, r, profile.age)
    _check_income(b, r.income_type1, income)
    _check_assets(b, r, profile.household_assets, is_youth(r, profile))
    _check_experience_lacking(b, r, profile)
    _check_exclusions(b, r, profile)
    year = _allowance_amounts(b, r, today, profile.dependents)
    return b.result(year)


def _type1_youth(
    profile: Profile, r: NationalEmploymentRules, income: Income, today: date
) -> EligibilityResult:
    b = _new(r, "type1_youth")
    youth_age(b, "nes.youth_age", r.youth_age, profile.age, profile.military_service_months, extension())
    _check_income(b, r.income_youth_special, income)
    _check_assets(b, r, profile.household_assets, True)
    _check_exclusions(b, r, profile)
    year = _allowance_amounts(b, r, today, profile.dependents)
    return b.result(year)


def _check_type2_income(b: Builder, r: NationalEmploymentRules, profile: Profile, income: Income) -> None:
    """Ⅱ유형 income: youths 18–34 (ceiling raised by military service) join without an income test under the
    operating rule; 15–17 use the statute's 120 %; adults 100 %. Unknown youth: a share within 100 % passes anyway."""
    waiver = r.type2_youth_no_income
    youth = is_youth(r, profile)
    age = profile.age
    if youth and age is not None and age >= waiver.min:
        b.reason("nes.income", waiver, True, waiver.text, key=True)
        return
    if (
        youth is None
        and age is not None
        and not (income.pct is not None and r.income_type2.check(income.pct))
    ):
        youth_age(b, "nes.youth_age", r.youth_age, age, profile.military_service_months, extension())
        b.reason(
            "nes.income",
            waiver,
            None,
            f"청년이면 {waiver.label}로 소득과 관계없이, 아니면 가구 소득이 기준 중위소득 "
            f"{num(r.income_type2.value)}% 이하여야 참여할 수 있습니다 → 청년 여부 확인 필요",
        )
        return
    passed = _check_income(b, r.income_type2_youth if youth else r.income_type2, income)
    if passed is False:
        b.note(r.type2_other_groups.text)


def _type2(profile: Profile, r: NationalEmploymentRules, income: Income, today: date) -> EligibilityResult:
    b = _new(r, "type2")
    _check_age(b, r, profile.age)
    _check_type2_income(b, r, profile, income)
    _success_amount(b, r, today)
    return b.result(today.year)


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    income = household_income(profile, r, today.year)
    subs = [
        _type1_requirement(profile, r, income, today),
        _type1_selection(profile, r, income, today),
        _type1_youth(profile, r, income, today),
        _type2(profile, r, income, today),
    ]
    decision = aggregate(s.decision for s in subs)

    b = Builder(PROGRAM, r.questions)
    if income.formula:  # the estimated share decides Ⅰ vs Ⅱ유형: the first note
        b.note(f"소득 비율 추정: {income.formula}")
    for track_id, sub in zip(TRACKS, subs, strict=True):
        track = r.tracks[track_id]
        word = {"eligible": "해당", "ineligible": "해당하지 않음", "need_more_info": "추가 정보 필요"}[
            sub.decision
        ]
        b.reason(f"nes.track.{track_id}", track, verdict_of(sub.decision), f"{track.label}: {word}")

    type1_open = [s for t, s in zip(TRACKS, subs, strict=True) if t != "type2" and s.decision != "ineligible"]
    applies_year = today.year
    if type1_open:
        applies_year = _allowance_amounts(b, r, today, profile.dependents)
    if decision != "ineligible":
        _success_amount(b, r, today)

    asked_here = list(b.missing)
    if decision == "need_more_info":
        b.missing = merge_missing(*(s.missing for s in subs if s.decision == "need_more_info"), asked_here)
    else:
        b.missing = asked_here
    for sub in subs:
        if sub.decision != "ineligible" or decision == "ineligible":
            for note in sub.notes:
                b.note(note)
    return b.result(applies_year, decision=decision, sub_results=subs)
