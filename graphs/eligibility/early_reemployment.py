"""조기재취업수당 (고용보험법 제64조, 시행령 제84조~제86조).

Amount = 구직급여일액 × 미지급일수 × 1/2 (제85조); the 구직급여일액 comes from the 구직급여 rules of the
separation year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from graphs.eligibility import unemployment
from graphs.eligibility.common import Builder, num, percent, rules_of
from graphs.eligibility.models import EligibilityResult, MissingFact
from graphs.eligibility.ruleset import OP_WORDS, EarlyReemploymentRules, Figure, dec, floor_int
from graphs.profile import Profile
from knowledge.formatting import won

PROGRAM = "early_reemployment"


def rules() -> EarlyReemploymentRules:
    return rules_of(PROGRAM, EarlyReemploymentRules)


def ratio_text(fig: Figure) -> str:
    """0.5 → "1/2"; other rates as a percentage."""
    frac = Fraction(str(fig.value))
    return f"{frac.numerator}/{frac.denominator}" if frac.numerator == 1 else percent(fig.value)


def payment(daily: int, remaining_days: int, ratio: Figure) -> int:
    """조기재취업수당 = 구직급여일액 × 미지급일수 × 지급 비율 (원 미만 버림)."""
    return floor_int(Decimal(daily) * Decimal(remaining_days) * dec(ratio.value))


def ratio_text_of(value: int | float) -> str:
    """0.5 → "2분의 1" (as the 시행령 words it); other rates as a percentage."""
    frac = Fraction(str(value))
    return f"{frac.denominator}분의 {frac.numerator}" if frac.numerator == 1 else percent(value)


def _negated(value: bool | None) -> bool | None:
    return None if value is None else not value


def _check_remaining(b: Builder, r: EarlyReemploymentRules, remaining: int | None, total: int | None) -> None:
    th = r.remaining_ratio
    if remaining is None:
        b.ask("remaining_benefit_days")
    if total is None:
        b.ask("total_benefit_days")
    if remaining is None or total is None or total == 0:
        b.reason(
            "er.remaining_ratio",
            th,
            None,
            f"{th.label}: 남은 일수와 소정급여일수가 필요합니다 (기준 {ratio_text_of(th.value)} {OP_WORDS[th.op]}).",
        )
        return
    needed = Decimal(total) * dec(th.value)
    ok = th.check(Decimal(remaining) / Decimal(total))
    b.reason(
        "er.remaining_ratio",
        th,
        ok,
        f"남은 구직급여 일수 {remaining}일 / 소정급여일수 {total}일 — 기준 {ratio_text_of(th.value)}({num(needed)}일) {OP_WORDS[th.op]} "
        f"→ {'충족' if ok else '미충족'}",
    )


def _check_employment(b: Builder, r: EarlyReemploymentRules, months: int | None, age: int | None) -> None:
    general, senior = r.employment_months, r.employment_months_senior
    if months is None or general.check(months):
        b.threshold("er.employment_months", general, months, ask="expected_employment_months")
        return
    if not senior.check(months):
        b.threshold("er.employment_months", general, months)
        return
    # 6 ≤ months < 12: only people aged 65+ at separation qualify.
    if age is None:
        b.ask("age")
        b.reason(
            "er.employment_months",
            senior,
            None,
            f"예상 고용 기간 {months}개월 — 이직 당시 {num(r.senior_age.value)}세 이상이면 "
            f"{num(senior.value)}개월 이상으로 충분하므로 나이 확인이 필요합니다.",
        )
        return
    if r.senior_age.check(age):
        b.threshold("er.employment_months", senior, months)
    else:
        b.threshold("er.employment_months", general, months)


# The 구직급여 requirements that make the 수급자격 itself (제40조①1호·3호, 제58조), by the 구직급여 check's rule ids; and,
# for a person not yet re-employed, the 수급기간 (제48조): once it is over there is no 구직급여 left to re-employ from
# (after a re-employment it does not matter: the claim comes 12 months later, 시행령 제86조②).
ENTITLEMENT_RULES: tuple[str, ...] = ("ub.separation_reason", "ub.unit_period")
CLAIM_PERIOD_RULE = "ub.claim_period"


def holds_entitlement(profile: Profile) -> bool:
    """Facts only a recognised 수급자격자 has: 구직급여 being paid, or the 수급자격증's 소정급여일수 / 남은 일수."""
    return (
        profile.receiving_unemployment_benefit is True
        or profile.remaining_benefit_days is not None
        or profile.total_benefit_days is not None
    )


def _check_entitlement(b: Builder, profile: Profile, today: date, r: EarlyReemploymentRules) -> list[MissingFact]:
    """제64조①: a 구직급여 수급자격 — from the 구직급여 check of the same profile (its 수급자격 requirements only; being
    in work now is what re-employment means). Returns the 구직급여 facts that would settle it, asked after this
    program's own."""
    rule = r.requires_entitlement
    if holds_entitlement(profile):
        b.reason("er.entitlement", rule, True, rule.pass_text)
        return []
    ub = unemployment.evaluate(profile.model_copy(update={"employed": None}), today=today)
    rule_ids = ENTITLEMENT_RULES + (() if profile.reemployed else (CLAIM_PERIOD_RULE,))
    reasons = [reason for reason in ub.reasons if reason.rule_id in rule_ids]
    failed = next((reason for reason in reasons if reason.passed is False), None)
    if failed is not None:
        b.reason("er.entitlement", rule, False, f"{rule.fail_text} 구직급여: {failed.text}")
        return []
    if reasons and all(reason.passed for reason in reasons):
        b.reason("er.entitlement", rule, True, "구직급여 수급자격 요건(퇴사 사유, 피보험 단위기간)을 갖췄습니다 → 충족")
        return []
    b.reason(
        "er.entitlement",
        rule,
        None,
        f"{rule.label}: 정보가 필요합니다 (퇴사 사유와 퇴사 전 18개월 동안의 피보험 단위기간으로 정해집니다).",
    )
    fields = {"separation_reason", "unit_period_days"} | ({"separation_date"} if CLAIM_PERIOD_RULE in rule_ids else set())
    return [m for m in ub.missing if m.decides and m.field in fields]


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    b = Builder(PROGRAM, r.questions)
    b.note(r.requires_entitlement.text)

    entitlement_facts = _check_entitlement(b, profile, today, r)
    b.condition("er.reemployed", r.reemployed, profile.reemployed, ask="reemployed")
    b.threshold(
        "er.days_after_claim",
        r.days_after_claim,
        profile.days_from_claim_to_reemployment,
        ask="days_from_claim_to_reemployment",
    )

    total = profile.total_benefit_days
    if total is None:
        computed = unemployment.benefit_days_for(profile)
        if computed is not None:
            total = computed.days
            b.note(
                f"소정급여일수는 {computed.formula}로 계산했습니다. 수급자격증의 일수와 다르면 그 일수를 따릅니다."
            )
    _check_remaining(b, r, profile.remaining_benefit_days, total)
    _check_employment(b, r, profile.expected_employment_months, profile.age)
    b.condition(
        "er.previous_employer",
        r.previous_employer,
        _negated(profile.rehired_by_previous_employer),
        ask="rehired_by_previous_employer",
    )
    b.condition(
        "er.paid_within_2y",
        r.paid_within_2y,
        _negated(profile.early_reemployment_paid_within_2y),
        ask="early_reemployment_paid_within_2y",
    )
    for fact in entitlement_facts:  # after this program's own open requirements
        b.ask(fact.field, question=fact.question)

    ur = unemployment.rules()
    daily, _floor, yf = unemployment.compute_daily_benefit(profile, today, ur)
    if daily is None:
        b.ask("monthly_wage", decides=False)
    else:
        b.warn(yf.warning)
        b.note(yf.note)
        b.amount(
            "구직급여일액",
            daily.value,
            "원/일",
            daily.formula,
            ur.benefit_rate,
            ur.floor_rate,
            ur.average_wage,
            yf.figures.min_wage_hourly,
            yf.figures.daily_cap,
            year=daily.year,
            article="고용보험법 제45조, 제46조, 같은 법 시행령 제68조",
            fell_back=yf.fell_back,
        )
        remaining = profile.remaining_benefit_days
        if remaining is not None:
            value = payment(daily.value, remaining, r.payment_ratio)
            b.amount(
                "조기재취업수당",
                value,
                "원",
                f"{yf.label()}조기재취업수당 = 남은 소정급여일수 × 구직급여일액 × {ratio_text(r.payment_ratio)}: "
                f"{remaining}일 × {won(daily.value)} × {ratio_text(r.payment_ratio)} = {won(value)}",
                r.payment_ratio,
                yf.figures.min_wage_hourly,
                yf.figures.daily_cap,
                year=daily.year,
                article=r.payment_ratio.article,
                fell_back=yf.fell_back,
            )

    claim = r.claim_after_months
    if profile.age is not None and r.senior_age.check(profile.age):
        b.note(
            f"이직 당시 {num(r.senior_age.value)}세 이상이면 재취업 후 바로 청구할 수 있습니다({claim.article})."
        )
    else:
        b.note(
            f"조기재취업수당은 재취업(창업)일부터 {num(claim.value)}개월이 지난 뒤 청구합니다"
            f"(이직 당시 {num(r.senior_age.value)}세 이상은 바로 청구 가능, {claim.article})."
        )
    return b.result(today.year)
