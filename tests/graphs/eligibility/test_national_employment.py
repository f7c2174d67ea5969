"""국민취업지원제도: track boundaries (60/100/120%, 4억/5억, 청년 34/35, 취업경험) and amounts by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.eligibility.common import CONFIRM_NOTE
from tests.graphs.eligibility.helpers import amount_value, run

NES = "national_employment_support"
REQ, SEL, YOUTH, T2 = (f"{NES}.{t}" for t in ("type1_requirement", "type1_selection", "type1_youth", "type2"))

ADULT: dict[str, Any] = {
    "age": 40,
    "household_income_pct": 50,
    "household_assets": 100_000_000,
    "work_experience_days_2y": 200,
}


def nes(**overrides: Any) -> Any:
    return run(NES, **{**ADULT, **overrides})


def track(result: Any, sub: str) -> str:
    found = result.sub(sub)
    assert found is not None
    return str(found.decision)


@pytest.mark.parametrize(("pct", "decision"), [(60, "eligible"), (60.1, "ineligible")])
def test_requirement_track_income_60_percent(pct: float, decision: str) -> None:
    assert track(nes(household_income_pct=pct), REQ) == decision


@pytest.mark.parametrize(("pct", "decision"), [(100, "eligible"), (100.1, "ineligible")])
def test_type2_income_100_percent_for_adults(pct: float, decision: str) -> None:
    result = nes(household_income_pct=pct)
    assert track(result, T2) == decision
    if decision == "ineligible":
        assert result.decision == "ineligible"
        assert any("결혼이민자" in n for n in result.sub(T2).notes)  # type: ignore[union-attr]


@pytest.mark.parametrize(("pct", "decision"), [(120, "eligible"), (120.1, "ineligible")])
def test_youth_special_income_120_percent(pct: float, decision: str) -> None:
    result = nes(age=30, household_income_pct=pct)
    assert track(result, YOUTH) == decision


@pytest.mark.parametrize("pct", [50, 120.1, 250])
def test_type2_youth_18_to_34_joins_without_income_test_under_the_operating_rule(pct: float) -> None:
    result = nes(age=25, household_income_pct=pct)
    assert track(result, T2) == "eligible"
    reason = result.sub(T2).reason("nes.income")  # type: ignore[union-attr]
    assert reason is not None and reason.passed is True
    assert "소득과 관계없이" in reason.text and "운영 기준" in reason.text
    assert reason.confidence == "unverified"  # no primary source in policy-facts → flagged, never certain
    assert result.notes[-1] == CONFIRM_NOTE


@pytest.mark.parametrize(("pct", "decision"), [(120, "eligible"), (120.1, "ineligible")])
def test_type2_youth_under_18_keeps_the_statutory_120_percent(pct: float, decision: str) -> None:
    # 법 제6조①: 15~34세 120% 이하; the income-free operating rule starts at 18
    assert track(nes(age=16, household_income_pct=pct), T2) == decision


@pytest.mark.parametrize(("assets", "decision"), [(400_000_000, "eligible"), (400_000_001, "ineligible")])
def test_assets_4_eok_for_adults(assets: int, decision: str) -> None:
    assert track(nes(household_assets=assets), REQ) == decision


@pytest.mark.parametrize(("assets", "decision"), [(500_000_000, "eligible"), (500_000_001, "ineligible")])
def test_assets_5_eok_for_youth(assets: int, decision: str) -> None:
    result = nes(age=30, household_assets=assets)
    assert track(result, REQ) == decision
    assert track(result, YOUTH) == decision


@pytest.mark.parametrize(
    ("age", "service", "decision"),
    [
        (34, None, "eligible"),
        (35, 0, "ineligible"),
        (35, None, "need_more_info"),  # 병역 could raise the ceiling: asked
        (35, 24, "eligible"),  # "35살, 군대 2년": 상한 34세 + 24개월 = 36세
        (36, 24, "eligible"),
        (37, 24, "ineligible"),  # 37 ≥ 34 + 1 + 2
        (37, 48, "eligible"),  # 복무 48개월 → 인정 36개월(3년 한도, 시행령 제2조⑤) → 37세
        (38, 48, "ineligible"),
        (38, None, "ineligible"),  # even 3 years of service cannot reach 38
        (35, 18, "eligible"),  # 34세 + 1년 6개월: 35세는 확실히 이내
        (36, 18, "need_more_info"),  # 36세 0~11개월: 생일에 따라 다름
    ],
)
def test_youth_age_ceiling_raised_by_military_service(age: int, service: int | None, decision: str) -> None:
    result = nes(age=age, military_service_months=service, household_income_pct=110)
    assert track(result, YOUTH) == decision
    youth = result.sub(YOUTH)
    assert youth is not None
    if service is None and decision == "need_more_info":
        assert "military_service_months" in [m.field for m in youth.missing]
    if service:
        reason = youth.reason("nes.youth_age")
        assert reason is not None and "시행령 제2조 제5항" in reason.article and "병역" in reason.text


def test_youth_assets_rule_at_35_depends_on_military_service() -> None:
    # 4.5억: 청년이면 5억 이하 충족, 아니면 4억 초과
    assert track(nes(age=35, military_service_months=0, household_assets=450_000_000), REQ) == "ineligible"
    assert track(nes(age=35, military_service_months=24, household_assets=450_000_000), REQ) == "eligible"
    unknown = nes(age=35, household_assets=450_000_000)
    assert track(unknown, REQ) == "need_more_info"
    assert "military_service_months" in [m.field for m in unknown.sub(REQ).missing]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("age", "decision", "confidence"),
    [
        (15, "eligible", "law"),
        (64, "eligible", "law"),
        (65, "eligible", "secondary"),
        (69, "eligible", "secondary"),
        (70, "ineligible", "secondary"),
        (14, "ineligible", "secondary"),
    ],
)
def test_age_statutory_and_notice_range(age: int, decision: str, confidence: str) -> None:
    result = nes(age=age)
    req = result.sub(REQ)
    assert req is not None and req.decision == decision
    age_reason = req.reason("nes.age")
    assert age_reason is not None and age_reason.confidence == confidence


@pytest.mark.parametrize(
    ("days", "hours", "req", "sel"),
    [
        (99, None, "ineligible", "eligible"),
        (100, None, "eligible", "ineligible"),
        (50, 800, "eligible", "ineligible"),
        (50, 799, "ineligible", "eligible"),
    ],
)
def test_work_experience_splits_requirement_and_selection(
    days: int, hours: int | None, req: str, sel: str
) -> None:
    result = nes(work_experience_days_2y=days, work_experience_hours_2y=hours)
    assert track(result, REQ) == req
    assert track(result, SEL) == sel
    assert result.decision == "eligible"


def test_hours_short_and_days_unknown_is_undecided() -> None:
    result = nes(work_experience_days_2y=None, work_experience_hours_2y=500)
    assert track(result, REQ) == "need_more_info"
    assert "work_experience_days_2y" in [m.field for m in result.sub(REQ).missing]  # type: ignore[union-attr]


@pytest.mark.parametrize("field", ["livelihood_benefit_recipient", "receiving_unemployment_benefit"])
def test_exclusions_close_type1_but_not_type2(field: str) -> None:
    result = nes(**{field: True})
    assert track(result, REQ) == "ineligible"
    assert track(result, SEL) == "ineligible"
    assert track(result, YOUTH) == "ineligible"
    assert track(result, T2) == "eligible"
    assert result.amount("구직촉진수당 월액") is None  # no Ⅰ유형 track left
    assert result.sub(REQ).amounts == []  # type: ignore[union-attr]  # an ineligible track offers nothing


def test_allowance_2026_is_600k_times_6_with_scope_flag() -> None:
    result = nes()
    assert result.applies_year == 2026
    assert amount_value(result, "구직촉진수당 월액") == 600_000
    assert amount_value(result, "구직촉진수당 총액") == 3_600_000
    assert any("60만원" in n and "청년" in n for n in result.notes)
    assert [m.field for m in result.missing] == ["dependents"]


def test_allowance_2025_is_500k_times_6() -> None:
    result = run(NES, today=date(2025, 6, 1), **ADULT)
    assert amount_value(result, "구직촉진수당 총액") == 3_000_000


@pytest.mark.parametrize(
    ("dependents", "monthly_add", "total"),
    [(0, 0, 3_600_000), (2, 200_000, 4_800_000), (5, 400_000, 6_000_000)],
)
def test_dependent_addition_is_100k_each_up_to_400k(dependents: int, monthly_add: int, total: int) -> None:
    result = nes(dependents=dependents)
    assert amount_value(result, "부양가족 가산 월액") == monthly_add
    assert amount_value(result, "구직촉진수당 총액(가산 포함)") == total
    assert result.missing == []


def test_success_allowance_is_flagged_unverified() -> None:
    result = nes()
    success = result.amount("취업성공수당(최대)")
    assert success is not None and success.value == 1_500_000 and success.confidence == "unverified"
    assert result.notes[-1] == CONFIRM_NOTE


def test_income_derived_from_one_person_household() -> None:
    # 1,500,000 ÷ 2,564,238 = 58.5% ≤ 60%
    result = nes(household_income_pct=None, household_size=1, household_income_monthly=1_500_000)
    assert track(result, REQ) == "eligible"
    assert any("58.5%" in n for n in result.notes)


def test_three_person_household_4_million_is_74_6_percent_in_2026() -> None:
    # 4,000,000 ÷ 5,359,036 (2026 3인 기준 중위소득, policy-facts §12) = 74.64 % → Ⅰ유형(60%) ✗, Ⅱ유형(100%) ✓
    result = nes(household_income_pct=None, household_size=3, household_income_monthly=4_000_000)
    assert track(result, REQ) == "ineligible"
    assert track(result, T2) == "eligible"
    income = result.sub(REQ).reason("nes.income")  # type: ignore[union-attr]
    assert (
        income is not None
        and "74.6%" in income.text
        and "60%" in income.text
        and "14.6%p 초과" in income.text
    )
    note = next(n for n in result.notes if "74.6%" in n)
    assert "5,359,036원" in note and "고용센터" in note


def test_median_income_uses_the_application_year() -> None:
    # 2025: 4,000,000 ÷ 5,025,353 = 79.6 %
    result = run(
        NES,
        today=date(2025, 6, 1),
        **{**ADULT, "household_income_pct": None, "household_size": 3, "household_income_monthly": 4_000_000},
    )
    assert any("79.6%" in n and "5,025,353원" in n for n in result.notes)


def test_year_without_median_income_or_allowance_warns_first() -> None:
    result = run(
        NES,
        today=date(2027, 3, 2),
        **{**ADULT, "household_income_pct": None, "household_size": 3, "household_income_monthly": 4_000_000},
    )
    assert any("2027년 기준 중위소득" in w and "2026년 기준" in w for w in result.warnings)
    assert any("2027년 구직촉진수당" in w for w in result.warnings)


def test_household_size_outside_the_table_asks_for_the_share() -> None:
    result = nes(household_income_pct=None, household_size=7, household_income_monthly=4_000_000)
    assert "household_income_pct" in [m.field for m in result.missing]


def test_unknown_everything_asks_decisive_facts_first() -> None:
    result = run(NES)
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == [
        "age",
        "household_income_pct",
        "household_assets",
        "work_experience_days_2y",
        "dependents",
    ]
