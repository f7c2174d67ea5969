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
    assert track(result, T2) == decision  # Ⅱ유형 청년 also 120%


@pytest.mark.parametrize(("assets", "decision"), [(400_000_000, "eligible"), (400_000_001, "ineligible")])
def test_assets_4_eok_for_adults(assets: int, decision: str) -> None:
    assert track(nes(household_assets=assets), REQ) == decision


@pytest.mark.parametrize(("assets", "decision"), [(500_000_000, "eligible"), (500_000_001, "ineligible")])
def test_assets_5_eok_for_youth(assets: int, decision: str) -> None:
    result = nes(age=30, household_assets=assets)
    assert track(result, REQ) == decision
    assert track(result, YOUTH) == decision


@pytest.mark.parametrize(("age", "decision"), [(34, "eligible"), (35, "ineligible")])
def test_youth_age_34_vs_35(age: int, decision: str) -> None:
    assert track(nes(age=age, household_income_pct=110), YOUTH) == decision


def test_youth_assets_rule_does_not_apply_at_35() -> None:
    assert track(nes(age=35, household_assets=450_000_000), REQ) == "ineligible"


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
