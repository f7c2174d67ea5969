"""국민내일배움카드: open to everyone unless an exclusion applies (presumption of eligibility).

Only exclusions whose facts are known are checked; unknown ones become a note, except when an exclusion is
half-triggered (대규모기업 재직자 with the age or wage unknown), which makes the answer ``need_more_info``.
"""

from __future__ import annotations

from datetime import date

from graphs.eligibility.common import Builder, quantity, rules_of
from graphs.eligibility.models import EligibilityResult
from graphs.eligibility.ruleset import OP_WORDS, LearningCardRules, Threshold
from graphs.profile import Profile
from knowledge.formatting import compact_won, won

PROGRAM = "learning_card"


def rules() -> LearningCardRules:
    return rules_of(PROGRAM, LearningCardRules)


def _criterion(th: Threshold) -> str:
    return f"{quantity(th.value, th.unit)} {OP_WORDS[th.op]}"


def large_company_excluded(r: LearningCardRules, age: int | None, income: int | None) -> bool | None:
    """Excluded when both the age and the wage criteria hold; ``None`` while that cannot be told."""
    age_hit = None if age is None else r.large_company_excluded_age.check(age)
    income_hit = None if income is None else r.large_company_excluded_income.check(income)
    if age_hit is False or income_hit is False:
        return False
    if age_hit and income_hit:
        return True
    return None


def _check_large_company(b: Builder, r: LearningCardRules, profile: Profile) -> None:
    excluded = large_company_excluded(r, profile.age, profile.current_monthly_income)
    criteria = (
        f"(나이 {_criterion(r.large_company_excluded_age)}이면서 "
        f"월 임금 {_criterion(r.large_company_excluded_income)})"
    )
    facts = ", ".join(
        part
        for part in (
            f"{profile.age}세" if profile.age is not None else "",
            f"월 {won(profile.current_monthly_income)}" if profile.current_monthly_income is not None else "",
        )
        if part
    )
    cond = r.large_company
    if excluded is None:
        if profile.age is None:
            b.ask("age")
        if profile.current_monthly_income is None:
            b.ask("current_monthly_income")
        b.reason(
            "lc.large_company",
            cond,
            None,
            f"대규모기업 재직자 {facts} — 제외 기준 {criteria} 확인이 필요합니다.",
        )
        return
    text = cond.fail_text if excluded else cond.pass_text
    b.reason(
        "lc.large_company", cond, not excluded, f"대규모기업 재직자 {facts} — 제외 기준 {criteria}: {text}"
    )


def _check_revenue(b: Builder, r: LearningCardRules, revenue: int) -> None:
    passed = b.threshold("lc.self_employed_revenue", r.self_employed_revenue, revenue)
    alt = r.self_employed_revenue_alt
    if passed and revenue >= alt.value:
        b.use(alt)
        b.note(
            f"연 매출 {compact_won(revenue)}은 {compact_won(int(r.self_employed_revenue.value))} 기준으로는 발급 대상이지만, "
            f"{compact_won(int(alt.value))} 기준으로 안내하는 출처도 있어 확인이 필요합니다."
        )


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    b = Builder(PROGRAM, r.questions)
    b.reason("lc.open_to_all", r.open_to_all, True, r.open_to_all.text)

    if profile.public_servant is not None:
        b.condition("lc.public_servant", r.public_servant, not profile.public_servant)
    if profile.age is not None:
        b.threshold("lc.age", r.age_limit, profile.age)
    if profile.student_years_to_graduation is not None:
        b.threshold("lc.student", r.student_years, profile.student_years_to_graduation)
    if profile.self_employed_annual_revenue is not None:
        _check_revenue(b, r, profile.self_employed_annual_revenue)
    if profile.large_company_employee:
        _check_large_company(b, r, profile)
    if profile.public_servant is None or profile.age is None:
        b.note(r.unchecked.text)

    limit = r.limit
    b.amount(
        limit.label, int(limit.value), "원", f"5년간 최대 {won(int(limit.value))}", limit, year=today.year
    )
    extra = r.extra_limit
    if profile.disabled or profile.livelihood_benefit_recipient:
        b.amount(
            extra.label,
            int(extra.value),
            "원",
            f"고용취약계층 추가 {won(int(extra.value))} → 합계 최대 {won(int(limit.value + extra.value))}",
            extra,
            year=today.year,
        )
    else:
        b.use(extra)  # its note tells who may get the extra amount (flagged: conflict)
    b.note(r.self_pay.text)
    return b.result(today.year)
