"""조기재취업수당 (시행령 제84조~제86조): boundaries and the 제85조 amount, computed by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.graphs.eligibility.helpers import amount_value, run, verdict

ER = "early_reemployment"

BASE: dict[str, Any] = {
    "age": 45,
    "insured_period_days": 1460,
    "separation_date": date(2026, 3, 31),
    "monthly_wage": 3_000_000,  # → 구직급여일액 66,048원 (2026 floor)
    "reemployed": True,
    "days_from_claim_to_reemployment": 30,
    "remaining_benefit_days": 120,
    "total_benefit_days": 180,
    "expected_employment_months": 12,
    "rehired_by_previous_employer": False,
    "early_reemployment_paid_within_2y": False,
}


def er(**overrides: Any) -> Any:
    return run(ER, **{**BASE, **overrides})


def test_eligible_and_amount_is_half_of_remaining_days() -> None:
    result = er()
    assert result.decision == "eligible"
    # 66,048 × 120 × 1/2 = 3,962,880
    assert amount_value(result, "조기재취업수당") == 3_962_880
    formula = result.amount("조기재취업수당").formula  # type: ignore[union-attr]
    # the amount states the rule that makes it (시행령 제85조), then the numbers
    assert formula.startswith("조기재취업수당 = 남은 소정급여일수 × 구직급여일액 × 1/2")
    assert "120일 × 66,048원 × 1/2 = 3,962,880원" in formula
    assert any("12개월이 지난 뒤 청구" in n for n in result.notes)


def test_ineligible_offers_no_amount_and_names_the_missed_threshold() -> None:
    # 재취업 전날 남은 일수 80일 < 180일의 1/2 = 90일 (시행령 제84조①)
    result = er(remaining_benefit_days=80)
    assert result.decision == "ineligible"
    assert result.amounts == []
    reason = result.reason("er.remaining_ratio")
    assert reason is not None and "90일" in reason.text and "미충족" in reason.text


def test_year_without_figures_warns_first() -> None:
    result = run(ER, today=date(2027, 6, 1), **{**BASE, "separation_date": date(2027, 1, 15)})
    assert any("2027년" in w and "2026년 기준" in w for w in result.warnings)
    assert result.amount("조기재취업수당").confidence == "unverified"  # type: ignore[union-attr]


@pytest.mark.parametrize(("days", "passed"), [(14, False), (15, True)])
def test_reemployed_after_14_days_from_claim(days: int, passed: bool) -> None:
    result = er(days_from_claim_to_reemployment=days)
    assert verdict(result, "er.days_after_claim") is passed
    assert result.decision == ("eligible" if passed else "ineligible")


@pytest.mark.parametrize(("remaining", "passed"), [(89, False), (90, True)])
def test_half_of_benefit_days_remaining(remaining: int, passed: bool) -> None:
    result = er(remaining_benefit_days=remaining)
    assert verdict(result, "er.remaining_ratio") is passed
    if passed:
        assert amount_value(result, "조기재취업수당") == 66_048 * 90 // 2 == 2_972_160


@pytest.mark.parametrize(
    ("months", "age", "decision"),
    [
        (11, 45, "ineligible"),
        (12, 45, "eligible"),
        (6, 65, "eligible"),  # 65세 이상은 6개월
        (6, 64, "ineligible"),
        (5, 70, "ineligible"),
    ],
)
def test_expected_employment_length(months: int, age: int, decision: str) -> None:
    assert er(expected_employment_months=months, age=age).decision == decision


def test_six_months_with_unknown_age_asks_for_age() -> None:
    result = er(expected_employment_months=8, age=None, total_benefit_days=180)
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == ["age"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("rehired_by_previous_employer", True),
        ("early_reemployment_paid_within_2y", True),
        ("reemployed", False),
    ],
)
def test_disqualifying_facts(field: str, value: bool) -> None:
    assert er(**{field: value}).decision == "ineligible"


def test_total_days_derived_from_age_and_insured_period() -> None:
    # 50세, 1,460일 ending 2026-03-31 (2022-04-02~: 3년 이상 5년 미만) → 210일; half = 105
    assert er(total_benefit_days=None, age=50, remaining_benefit_days=105).decision == "eligible"
    result = er(total_benefit_days=None, age=50, remaining_benefit_days=104)
    assert result.decision == "ineligible"
    assert any("210일" in n for n in result.notes)


def test_senior_can_claim_at_once() -> None:
    result = er(age=66)
    assert any("바로 청구" in n for n in result.notes)


def test_unknown_facts_are_asked_in_order() -> None:
    result = run(ER)
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing][:3] == [
        "reemployed",
        "days_from_claim_to_reemployment",
        "remaining_benefit_days",
    ]
    assert "monthly_wage" in [m.field for m in result.missing]
