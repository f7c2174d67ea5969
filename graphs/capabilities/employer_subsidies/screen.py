"""Small pure functions that screen one employer for the employer programs.

Each program function reads :class:`EmployerFacts` and its rules and returns a :class:`ProgramScreen`: every
condition as a reason (met / missing / unknown, with article, period, confidence and source), the facts still to
ask (dotted paths of :class:`EmployerFacts` with a Korean question) and the amounts with their formulas. Reasons
and amounts are built with the eligibility :class:`Builder`; 청년일자리도약장려금 is the eligibility evaluator itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from graphs.capabilities.employer_subsidies.models import (
    STATUS_OF,
    EmployerFacts,
    EmployerQuestion,
    ParentalLeave,
    ProgramScreen,
    SeniorEmployment,
    VulnerableHire,
    YouthHire,
)
from graphs.capabilities.employer_subsidies.ruleset import (
    ParentalRules,
    PromotionRules,
    SeniorRules,
    load_program_rules,
)
from graphs.eligibility import check_eligibility
from graphs.eligibility.common import FLAGGED, Builder, decide
from graphs.eligibility.models import Amount, AmountUnit, Decision, EligibilityResult
from graphs.eligibility.ruleset import Condition, Figure, Sourced, Threshold, load_rules
from graphs.nlu.gazetteer import find_places
from graphs.profile import Profile
from knowledge.formatting import compact_won, won

YOUTH = "youth_job_leap"
SENIOR = "senior_continued_employment"
PARENTAL = "parental_employment_stability"
PROMOTION = "employment_promotion"
PROGRAM_ORDER: tuple[str, ...] = (YOUTH, SENIOR, PARENTAL, PROMOTION)

# The eligibility Profile fields the youth evaluator asks for → the employer fact that answers them.
PROFILE_TO_FACT: dict[str, str] = {
    "employer_priority_support": "priority_support",
    "employer_insured_count": "insured_count",
    "employer_capital_region": "region",
    "hard_to_employ_youth": "youth.hard_to_employ",
    "age": "youth.age",
    "military_service_months": "youth.military_service_months",
    "hired_full_time": "youth.full_time",
    "months_employed": "youth.months_employed",
}


# --------------------------------------------------------------------------------------------- shared


def capital_region(facts: EmployerFacts) -> bool | None:
    """수도권 여부: the explicit flag; else the region text (a Jeju place or a 비수도권 word → False, 서울·경기·인천
    → True); else unknown. The keywords are those of the youth rules (``capital_keywords``)."""
    if facts.capital_region is not None:
        return facts.capital_region
    region = (facts.region or "").strip()
    if not region:
        return None
    leap = load_rules(YOUTH)
    capital_words: list[str] = getattr(leap, "capital_keywords", [])
    non_capital_words: list[str] = getattr(leap, "non_capital_keywords", [])
    if find_places(region) or any(k in region for k in non_capital_words):
        return False
    if any(k in region for k in capital_words):
        return True
    return None


@dataclass
class Screen:
    """Reasons and amounts (an eligibility :class:`Builder`) plus the employer facts still to ask."""

    program: str
    name: str
    questions: Mapping[str, str]
    missing: list[EmployerQuestion] = field(default_factory=list)
    b: Builder = field(init=False)

    def __post_init__(self) -> None:
        self.b = Builder(self.program, {}, program_name=self.name)

    def ask(self, path: str, question: str | None = None) -> None:
        if all(m.field != path for m in self.missing):
            self.missing.append(EmployerQuestion(field=path, question=question or self.questions[path]))

    def threshold(self, rule_id: str, th: Threshold, actual: int | float | None, path: str) -> bool | None:
        if actual is None:
            self.ask(path)
        return self.b.threshold(rule_id, th, actual)

    def condition(self, rule_id: str, cond: Condition, ok: bool | None, path: str) -> bool | None:
        if ok is None:
            self.ask(path)
        return self.b.condition(rule_id, cond, ok)

    def unknown(self, rule_id: str, entry: Sourced, text: str, path: str) -> None:
        self.ask(path)
        self.b.reason(rule_id, entry, None, text)

    def amount(
        self, name: str, value: int, unit: AmountUnit, formula: str, *entries: Sourced, today: date
    ) -> Amount:
        return self.b.amount(name, value, unit, formula, *entries, year=today.year)

    def result(self, summary: str, decision: Decision | None = None) -> ProgramScreen:
        final = decision or decide(self.b.reasons)
        return ProgramScreen(
            program=self.program,
            name=self.name,
            decision=final,
            status=STATUS_OF[final],
            summary=summary,
            reasons=list(self.b.reasons),
            missing=[] if final == "ineligible" else list(self.missing),
            amounts=[] if final == "ineligible" else list(self.b.amounts),
            notes=list(self.b.notes),
            flagged=self.b.flagged or any(a.confidence in FLAGGED for a in self.b.amounts),
        )


def floor_share(count: int, percent: int | float) -> int:
    """``count × percent%`` rounded down to whole people."""
    return int((Decimal(count) * Decimal(str(percent)) / 100).to_integral_value(rounding=ROUND_FLOOR))


def summary_line(decision: Decision, amount_text: str, s: Screen) -> str:
    """The one-line verdict: the amount when it may apply, else what failed or what is missing."""
    failed = [r for r in s.b.reasons if r.passed is False]
    if decision == "ineligible":
        first = failed[0]
        return f"요건 미충족 — {first.label or first.text}"
    if decision == "need_more_info":
        asks = missing_text(s.missing)
        return f"{amount_text} — 확인할 것: {asks}" if amount_text else f"확인할 것: {asks}"
    return amount_text


def missing_text(missing: list[EmployerQuestion]) -> str:
    """The first question still open, and how many more."""
    if not missing:
        return "세부 요건"
    more = f" (외 {len(missing) - 1}건)" if len(missing) > 1 else ""
    return f"{missing[0].question}{more}"


# --------------------------------------------------------------------------------------------- 청년일자리도약장려금


def youth_profile(facts: EmployerFacts) -> Profile:
    y = facts.youth or YouthHire()
    capital = capital_region(facts)
    return Profile(
        age=y.age,
        military_service_months=y.military_service_months,
        region=facts.region,
        employer_insured_count=facts.insured_count,
        employer_priority_support=facts.priority_support,
        employer_capital_region=capital,
        hard_to_employ_youth=y.hard_to_employ,
        hired_full_time=y.full_time,
        months_employed=y.months_employed,
    )


def screen_youth(facts: EmployerFacts, today: date) -> ProgramScreen:
    """청년일자리도약장려금 (기업 지원금): the eligibility evaluator's employer side, asked in employer terms."""
    result = check_eligibility(YOUTH, youth_profile(facts), today=today)
    employer = result.sub(f"{YOUTH}.employer") or result
    youth_side: EligibilityResult | None = result.sub(f"{YOUTH}.youth")
    missing = [
        EmployerQuestion(field=PROFILE_TO_FACT.get(m.field, m.field), question=m.question)
        for m in employer.missing
    ]
    total = employer.amount("기업 지원금 총액(최대)")
    amount_text = f"청년 1명당 최대 {compact_won(total.value)}" if total else ""
    if employer.decision == "ineligible":
        first = next(r for r in employer.reasons if r.passed is False)
        summary = f"요건 미충족 — {first.label or first.text}"
    elif employer.decision == "need_more_info":
        summary = f"{amount_text} — 확인할 것: {missing_text(missing)}"
    else:
        summary = amount_text
    notes = list(employer.notes)
    if youth_side is not None and youth_side.decision != "ineligible" and youth_side.amounts:
        incentive = youth_side.amounts[0]
        notes.append(
            f"채용된 청년 본인은 {incentive.name} {compact_won(incentive.value)}을 따로 신청할 수 있습니다 "
            "(6개월 이상 근속, 청년이 직접 신청)."
        )
    return ProgramScreen(
        program=YOUTH,
        name="청년일자리도약장려금",
        decision=employer.decision,
        status=STATUS_OF[employer.decision],
        summary=summary,
        reasons=employer.reasons,
        missing=missing,
        amounts=employer.amounts,
        notes=notes,
        flagged=any(r.confidence in FLAGGED for r in employer.reasons)
        or any(a.confidence in FLAGGED for a in employer.amounts),
    )


# --------------------------------------------------------------------------------------------- 고령자 계속고용장려금


def senior_limit(r: SeniorRules, insured: int | None) -> int | None:
    """지원 인원 한도: 피보험자의 30%와 30명 중 작은 수 (피보험자 수를 평균으로 봄)."""
    if insured is None:
        return None
    return min(floor_share(insured, r.limit_share.value), int(r.limit_cap.value))


def screen_senior(facts: EmployerFacts, today: date) -> ProgramScreen:
    r = load_program_rules(SENIOR)
    assert isinstance(r, SeniorRules)
    sen = facts.senior or SeniorEmployment()
    s = Screen(SENIOR, r.name, r.questions)
    system = s.condition(
        "senior.retirement_system",
        r.retirement_system,
        sen.retirement_age_system,
        "senior.retirement_age_system",
    )
    if system is not False:
        s.threshold("senior.system_years", r.system_years, sen.system_years, "senior.system_years")
    s.condition("senior.measure", r.measure, None if sen.measure is None else True, "senior.measure")
    s.threshold("senior.ratio", r.senior_ratio, sen.senior_ratio_percent, "senior.senior_ratio_percent")
    if sen.measure == "재고용":
        s.threshold(
            "senior.rehire_within", r.rehire_within, sen.rehired_within_months, "senior.rehired_within_months"
        )
        s.threshold(
            "senior.rehire_contract",
            r.rehire_contract,
            sen.rehire_contract_months,
            "senior.rehire_contract_months",
        )

    capital = capital_region(facts)
    months = int(r.max_months.value)
    amount_text = ""
    if capital is None:
        s.ask("region")
        s.b.use(r.monthly_capital)
        s.b.use(r.monthly_non_capital)
        amount_text = (
            f"근로자 1명당 월 {compact_won(int(r.monthly_non_capital.value))}(비수도권) 또는 "
            f"월 {compact_won(int(r.monthly_capital.value))}(수도권)"
        )
    else:
        fig: Figure = r.monthly_capital if capital else r.monthly_non_capital
        monthly = int(fig.value)
        where = "수도권" if capital else "비수도권"
        s.amount(
            f"{where} 월 지원액(1명당)", monthly, "원/월", f"{fig.label}: 월 {won(monthly)}", fig, today=today
        )
        per_person = monthly * months
        s.amount(
            "1명당 최대 지원액",
            per_person,
            "원",
            f"월 {won(monthly)} × 최대 {months}개월 = {won(per_person)}",
            fig,
            r.max_months,
            today=today,
        )
        amount_text = f"1명당 최대 {compact_won(per_person)} (월 {compact_won(monthly)} × {months}개월)"
        limit = senior_limit(r, facts.insured_count)
        if sen.workers is None:
            s.ask("senior.workers")
        elif limit is None:
            s.ask("insured_count")
            s.b.note(
                f"지원 인원은 피보험자의 {r.limit_share.value:g}%와 {r.limit_cap.value:g}명 중 작은 수까지입니다."
            )
        else:
            people = min(sen.workers, limit)
            total = per_person * people
            s.amount(
                "사업장 최대 지원액",
                total,
                "원",
                f"1명당 {won(per_person)} × {people}명 (계속고용 {sen.workers}명, 한도: 피보험자 "
                f"{facts.insured_count}명의 {r.limit_share.value:g}%와 {r.limit_cap.value:g}명 중 작은 수 "
                f"{limit}명) = {won(total)}",
                fig,
                r.max_months,
                r.limit_share,
                r.limit_cap,
                today=today,
            )
            amount_text = f"최대 {compact_won(total)} ({people}명 × 월 {compact_won(monthly)} × {months}개월)"
    s.b.use(r.older_rule)
    s.b.note(r.older_rule.text)
    for n in r.notes:
        s.b.note(n)
    decision = decide(s.b.reasons)
    return s.result(summary_line(decision, amount_text, s), decision)


# --------------------------------------------------------------------------------------------- 출산육아기 고용안정장려금


def leave_total(r: ParentalRules, months: int, special: bool) -> tuple[int, str]:
    """육아휴직 지원금 over ``months``: the 특례 months at the 특례 monthly amount, the rest at the base."""
    base, high = int(r.leave_monthly.value), int(r.leave_special_monthly.value)
    if not special:
        return base * months, f"월 {won(base)} × {months}개월 = {won(base * months)}"
    first = min(months, int(r.leave_special_months.value))
    rest = months - first
    total = high * first + base * rest
    return total, f"월 {won(high)} × {first}개월 + 월 {won(base)} × {rest}개월 = {won(total)}"


def screen_parental(facts: EmployerFacts, today: date) -> ProgramScreen:
    r = load_program_rules(PARENTAL)
    assert isinstance(r, ParentalRules)
    p = facts.parental or ParentalLeave()
    s = Screen(PARENTAL, r.name, r.questions)
    s.condition("parental.priority_support", r.priority_support, facts.priority_support, "priority_support")
    s.threshold("parental.allowed_days", r.allowed_days, p.days, "parental.days")
    parts: list[str] = []
    months = p.consecutive_months
    if p.kind is None:
        s.unknown(
            "parental.kind",
            r,
            "허용한 것이 육아휴직인지 육아기 근로시간 단축인지 정보가 필요합니다.",
            "parental.kind",
        )
    elif p.kind == "육아휴직":
        special: bool | None = None
        if p.child_age_months is not None and p.consecutive_months is not None:
            special = r.leave_special_child_months.check(
                p.child_age_months
            ) and r.leave_special_consecutive.check(p.consecutive_months)
        else:
            s.ask(
                "parental.child_age_months" if p.child_age_months is None else "parental.consecutive_months"
            )
        fig = r.leave_special_monthly if special else r.leave_monthly
        monthly = int(fig.value)
        s.amount(
            "육아휴직 지원금 월액",
            monthly,
            "원/월",
            f"{fig.label} 월 {won(monthly)}"
            + (" (특례: 만 12개월 이내 자녀, 3개월 이상 연속)" if special else ""),
            fig,
            today=today,
        )
        if months is not None and special is not None:
            total, formula = leave_total(r, months, special)
            s.amount("육아휴직 지원금 합계", total, "원", formula, r.leave_monthly, fig, today=today)
            parts.append(f"육아휴직 지원금 {compact_won(total)}")
        else:
            parts.append(f"육아휴직 지원금 월 {compact_won(monthly)}")
        if p.male and r.male_incentive.in_force(today):
            extra = int(r.male_incentive.value)
            s.amount(
                r.male_incentive.label,
                extra,
                "원/월",
                f"남성 근로자 육아휴직: 월 {won(extra)} 추가",
                r.male_incentive,
                today=today,
            )
            parts.append(f"남성 육아휴직 인센티브 월 {compact_won(extra)}")
        elif p.male is None and r.male_incentive.in_force(today):
            s.ask("parental.male")
    else:
        monthly = int(r.reduction_monthly.value)
        s.amount(
            "근로시간 단축 지원금 월액",
            monthly,
            "원/월",
            f"{r.reduction_monthly.label} 월 {won(monthly)}",
            r.reduction_monthly,
            today=today,
        )
        if months is not None:
            total = monthly * months
            s.amount(
                "근로시간 단축 지원금 합계",
                total,
                "원",
                f"월 {won(monthly)} × {months}개월 = {won(total)}",
                r.reduction_monthly,
                today=today,
            )
            parts.append(f"근로시간 단축 지원금 {compact_won(total)}")
        else:
            parts.append(f"근로시간 단축 지원금 월 {compact_won(monthly)}")
    for wanted, small, large, label in (
        (p.replacement_hired, r.replacement_small, r.replacement_large, "대체인력지원금"),
        (p.work_sharing, r.sharing_small, r.sharing_large, "업무분담지원금"),
    ):
        if not wanted:
            continue
        if facts.employees is None:
            s.ask("employees")
            parts.append(
                f"{label} 월 최대 {compact_won(int(small.value))}(30인 미만)/{compact_won(int(large.value))}(30인 이상)"
            )
            continue
        fig = small if facts.employees < r.size_threshold.value else large
        s.amount(
            f"{label} 월 최대",
            int(fig.value),
            "원/월",
            f"{fig.label}: 상시 {facts.employees}명 → 월 최대 {won(int(fig.value))}",
            fig,
            r.size_threshold,
            today=today,
        )
        parts.append(f"{label} 월 최대 {compact_won(int(fig.value))}")
    if p.replacement_hired and r.replacement_2026.in_force(today):
        s.b.use(r.replacement_2026)
        s.b.note(r.replacement_2026.text)
    for n in r.notes:
        s.b.note(n)
    decision = decide(s.b.reasons)
    return s.result(summary_line(decision, " + ".join(parts), s), decision)


# --------------------------------------------------------------------------------------------- 고용촉진장려금


def promotion_limit(r: PromotionRules, insured: int | None) -> int | None:
    """지원 인원 한도: 피보험자 10명 미만 3명; 10명 이상 피보험자의 30% (최대 30명)."""
    if insured is None:
        return None
    if insured < r.small_size.value:
        return int(r.small_cap.value)
    return min(floor_share(insured, r.limit_share.value), int(r.limit_cap.value))


def screen_promotion(facts: EmployerFacts, today: date) -> ProgramScreen:
    r = load_program_rules(PROMOTION)
    assert isinstance(r, PromotionRules)
    h = facts.hire or VulnerableHire()
    s = Screen(PROMOTION, r.name, r.questions)
    if h.group is None:
        s.unknown(
            "promotion.group",
            r.groups["해당 없음"],
            "대상 실업자 해당 여부: 정보가 필요합니다.",
            "hire.group",
        )
    else:
        g = r.groups[h.group]
        s.condition("promotion.group", g, h.group != "해당 없음", "hire.group")
        if g.needs_unemployment and h.group != "해당 없음":
            s.threshold(
                "promotion.unemployed_months",
                r.unemployed_months,
                h.unemployed_months,
                "hire.unemployed_months",
            )
    s.condition("promotion.registered", r.registered, h.registered, "hire.registered")
    s.threshold("promotion.employment_months", r.employment_months, h.months_employed, "hire.months_employed")
    if facts.priority_support is False:
        s.threshold("promotion.large_company_youth", r.large_company_youth, h.age, "hire.age")
    elif facts.priority_support is None and (h.age is None or not r.large_company_youth.check(h.age)):
        s.unknown(
            "promotion.large_company_youth",
            r.large_company_youth,
            "대규모기업이 29세 이하를 채용하면 제외됩니다 — 우선지원대상기업 여부 확인이 필요합니다.",
            "priority_support",
        )
    s.condition(
        "promotion.layoffs",
        r.layoffs,
        None if facts.layoffs_recent is None else not facts.layoffs_recent,
        "layoffs_recent",
    )
    s.condition(
        "promotion.wage_arrears",
        r.wage_arrears,
        None if facts.wage_arrears_listed is None else not facts.wage_arrears_listed,
        "wage_arrears_listed",
    )
    if r.min_pay.in_force(today):
        s.threshold("promotion.min_pay", r.min_pay, h.monthly_pay, "hire.monthly_pay")

    monthly = int(r.monthly.value)
    if h.months_employed is not None and h.months_employed >= r.employment_months.value:
        period = r.months_long if r.long_from.check(h.months_employed) else r.months_short
    else:
        period = r.months_long
    months = int(period.value)
    per_person = monthly * months
    s.amount(
        "월 지원액(1명당, 최대)",
        monthly,
        "원/월",
        f"{r.monthly.label}: 월 {won(monthly)}",
        r.monthly,
        today=today,
    )
    s.amount(
        "1명당 지원액(최대)",
        per_person,
        "원",
        f"월 {won(monthly)} × {months}개월분 = {won(per_person)}"
        + ("" if h.months_employed is not None else " (12개월 이상 고용할 때)"),
        r.monthly,
        period,
        today=today,
    )
    amount_text = f"1명당 최대 {compact_won(per_person)} (월 {compact_won(monthly)} × {months}개월분)"
    people = h.people or 1
    limit = promotion_limit(r, facts.insured_count)
    if people > 1 and limit is None:
        s.ask("insured_count")
    elif people > 1 and limit is not None:
        paid = min(people, limit)
        total = per_person * paid
        s.amount(
            "사업장 지원액(최대)",
            total,
            "원",
            f"1명당 {won(per_person)} × {paid}명 (채용 {people}명, 한도 {limit}명: 피보험자 {facts.insured_count}명) "
            f"= {won(total)}",
            r.monthly,
            period,
            r.small_cap,
            r.limit_share,
            today=today,
        )
        amount_text = f"최대 {compact_won(total)} ({paid}명 × 월 {compact_won(monthly)} × {months}개월분)"
    s.b.use(r.monthly)
    if h.group == "중증장애인":
        s.b.note(
            "장애인 고용장려금(장애인고용촉진 및 직업재활법, 한국장애인고용공단)은 별도 제도로 이 점검에 포함되지 않습니다."
        )
    for n in r.notes:
        s.b.note(n)
    decision = decide(s.b.reasons)
    return s.result(summary_line(decision, amount_text, s), decision)


# --------------------------------------------------------------------------------------------- entry


SCREENS = {YOUTH: screen_youth, SENIOR: screen_senior, PARENTAL: screen_parental, PROMOTION: screen_promotion}
