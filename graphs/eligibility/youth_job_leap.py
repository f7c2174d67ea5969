"""청년일자리도약장려금: employer side (기업 지원금) and youth side (청년 근속 인센티브) as sub-results.

The rule version is chosen by the application date (``today``): the 2026 rules from 2026-01-26, the 2025
rules before. ``profile.age`` is the hired youth's age; the region comes from ``employer_capital_region`` or,
when unset, from ``region`` keywords (제주/서귀포 → 비수도권).
"""

from __future__ import annotations

from datetime import date

from graphs.eligibility.common import (
    Builder,
    aggregate,
    merge_missing,
    rules_of,
    select_version,
    verdict_of,
    youth_age,
)
from graphs.eligibility.models import EligibilityResult
from graphs.eligibility.ruleset import LeapVersion, YouthJobLeapRules
from graphs.profile import Profile
from knowledge.facts import MilitaryExtension, military_service
from knowledge.formatting import compact_won, won

PROGRAM = "youth_job_leap"


def rules() -> YouthJobLeapRules:
    return rules_of(PROGRAM, YouthJobLeapRules)


def extension() -> MilitaryExtension:
    """병역 이행기간 가산 for this program's youth age (knowledge/facts/military_service.yaml)."""
    return military_service().extensions[PROGRAM]


def is_capital_region(profile: Profile, r: YouthJobLeapRules) -> bool | None:
    """수도권 여부: the explicit flag, else a keyword match on the region text, else unknown."""
    if profile.employer_capital_region is not None:
        return profile.employer_capital_region
    region = profile.region or ""
    if any(k in region for k in r.non_capital_keywords):
        return False
    if any(k in region for k in r.capital_keywords):
        return True
    return None


def _employer(profile: Profile, r: YouthJobLeapRules, v: LeapVersion, today: date) -> EligibilityResult:
    e = v.employer
    b = Builder(f"{PROGRAM}.employer", r.questions, program_name="청년일자리도약장려금(기업 지원금)")
    b.condition(
        "yjl.employer.priority_support",
        e.priority_support,
        profile.employer_priority_support,
        ask="employer_priority_support",
    )
    b.threshold(
        "yjl.employer.min_insured",
        e.min_insured,
        profile.employer_insured_count,
        ask="employer_insured_count",
    )

    capital = is_capital_region(profile, r)
    if e.hard_to_employ_required_capital == e.hard_to_employ_required_non_capital:
        required: bool | None = e.hard_to_employ_required_capital
    else:
        required = (
            None
            if capital is None
            else (e.hard_to_employ_required_capital if capital else e.hard_to_employ_required_non_capital)
        )
    if required is None:
        b.ask("employer_capital_region")
        b.reason(
            "yjl.employer.region",
            v,
            None,
            "수도권 기업인지에 따라 취업애로청년 요건이 달라집니다. 사업장 소재지 확인이 필요합니다.",
        )
    elif required:
        b.condition(
            "yjl.employer.hard_to_employ",
            e.hard_to_employ,
            profile.hard_to_employ_youth,
            ask="hard_to_employ_youth",
        )
    else:
        b.reason(
            "yjl.employer.region",
            v,
            True,
            "비수도권 기업은 취업애로청년이 아닌 청년을 채용해도 됩니다 → 충족",
        )

    youth_age(
        b, "yjl.employer.youth_age", e.youth_age, profile.age, profile.military_service_months, extension()
    )
    b.condition("yjl.employer.full_time", e.full_time, profile.hired_full_time, ask="hired_full_time")
    b.threshold("yjl.employer.retention", e.retention, profile.months_employed, ask="months_employed")

    monthly, months = int(e.monthly.value), int(e.months.value)
    b.amount(
        e.monthly.label, monthly, "원/월", f"청년 1명당 월 {compact_won(monthly)}", e.monthly, year=today.year
    )
    total = monthly * months
    b.amount(
        "기업 지원금 총액(최대)",
        total,
        "원",
        f"기업 지원금 = 월 지원액 × 지원 기간: 월 {won(monthly)} × {months}개월 = {won(total)} (청년 1명당)",
        e.monthly,
        e.months,
        year=today.year,
    )
    for note in e.notes:
        b.note(note)
    return b.result(today.year)


def _youth(
    profile: Profile, r: YouthJobLeapRules, v: LeapVersion, today: date, employer: EligibilityResult
) -> EligibilityResult:
    y = v.youth
    b = Builder(f"{PROGRAM}.youth", r.questions, program_name="청년일자리도약장려금(청년 근속 인센티브)")
    if employer.decision == "ineligible":
        # the incentive goes to youths hired by a participating company: no participating employer, no incentive
        b.reason(
            "yjl.youth.participating_employer",
            v,
            False,
            "청년 근속 인센티브는 이 사업 참여기업에 채용된 청년이 받습니다. 채용한 기업이 참여 요건을 충족하지 "
            "않아 받을 수 없습니다.",
        )
    if y.non_capital is not None:
        capital = is_capital_region(profile, r)
        b.condition(
            "yjl.youth.non_capital",
            y.non_capital,
            None if capital is None else not capital,
            ask="employer_capital_region",
        )
    if y.vacant_industry is not None:
        b.condition("yjl.youth.vacant_industry", y.vacant_industry, None)
    youth_age(b, "yjl.youth.age", y.age, profile.age, profile.military_service_months, extension())
    b.threshold("yjl.youth.retention", y.retention, profile.months_employed, ask="months_employed")

    amount = int(y.amount.value)
    b.amount(
        y.amount.label,
        amount,
        "원",
        f"2년간 최대 {won(amount)} (근속 시점별 분할 지급)",
        y.amount,
        year=today.year,
    )
    if y.regional_amounts:
        for fig in y.regional_amounts:
            b.use(fig)
        listed = ", ".join(f"{fig.label} {compact_won(int(fig.value))}" for fig in y.regional_amounts)
        b.note(f"지역에 따라 더 받을 수 있습니다: {listed}.")
    for note in y.notes:
        b.note(note)
    return b.result(today.year)


def evaluate(profile: Profile, *, today: date) -> EligibilityResult:
    r = rules()
    version, version_note = select_version(r.versions, today)
    employer = _employer(profile, r, version, today)
    subs = [employer, _youth(profile, r, version, today, employer)]
    decision = aggregate(s.decision for s in subs)

    b = Builder(PROGRAM, r.questions)
    if version_note:
        b.warn(
            f"{today.isoformat()}에 시행 중인 청년일자리도약장려금 기준이 확인되지 않아 "
            f"{version.effective_from.isoformat()} 시행 기준({version.label})으로 안내합니다. 고용24 또는 ☎1350에서 확인하세요."
        )
    b.note(f"{today.isoformat()} 신청 기준: {version.label} (시행 {version.effective_from.isoformat()}).")
    for sub in subs:
        word = {"eligible": "해당", "ineligible": "해당하지 않음", "need_more_info": "추가 정보 필요"}[
            sub.decision
        ]
        b.reason(
            f"yjl.side.{sub.program.rsplit('.', 1)[-1]}",
            version,
            verdict_of(sub.decision),
            f"{sub.program_name}: {word}",
        )
    for sub in subs:
        if sub.decision != "ineligible":
            b.amounts.extend(sub.amounts)
        for note in sub.notes:
            b.note(note)
    if decision == "need_more_info":
        b.missing = merge_missing(*(s.missing for s in subs if s.decision == "need_more_info"))
    return b.result(today.year, decision=decision, sub_results=subs)
