"""국민내일배움카드: presumption of eligibility and the exclusions' boundaries."""

from __future__ import annotations

import pytest

from graphs.eligibility.common import CONFIRM_NOTE
from tests.graphs.eligibility.helpers import amount_value, run, verdict

LC = "learning_card"


def test_anyone_is_eligible_by_default_with_300_man_won_limit() -> None:
    result = run(LC)
    assert result.decision == "eligible"
    assert result.missing == []
    assert amount_value(result, "훈련비 지원 한도(5년간)") == 3_000_000
    assert any("제외" in n for n in result.notes)  # the unchecked exclusions are listed


@pytest.mark.parametrize(("age", "decision"), [(74, "eligible"), (75, "ineligible")])
def test_age_74_vs_75(age: int, decision: str) -> None:
    result = run(LC, age=age)
    assert result.decision == decision
    assert verdict(result, "lc.age") is (decision == "eligible")


def test_public_servant_is_excluded() -> None:
    assert run(LC, public_servant=True).decision == "ineligible"
    assert run(LC, public_servant=False).decision == "eligible"


@pytest.mark.parametrize(("years", "decision"), [(2, "eligible"), (2.5, "ineligible")])
def test_students_within_two_years_of_graduation(years: float, decision: str) -> None:
    assert run(LC, student_years_to_graduation=years).decision == decision


def test_self_employed_revenue_4_eok_is_a_conflict_figure() -> None:
    excluded = run(LC, self_employed_annual_revenue=400_000_000)
    assert excluded.decision == "ineligible"
    reason = excluded.reason("lc.self_employed_revenue")
    assert reason is not None and reason.confidence == "conflict"
    allowed = run(LC, self_employed_annual_revenue=399_999_999)
    assert allowed.decision == "eligible"
    assert any("1억 5,000만원" in n for n in allowed.notes)  # the other source's 1.5억 line
    assert CONFIRM_NOTE in allowed.notes


@pytest.mark.parametrize(
    ("age", "income", "decision"),
    [
        (44, 3_000_000, "ineligible"),
        (45, 3_000_000, "eligible"),
        (44, 2_999_999, "eligible"),
        (44, None, "need_more_info"),
    ],
)
def test_large_company_employee_under_45_earning_3m(age: int, income: int | None, decision: str) -> None:
    result = run(LC, large_company_employee=True, age=age, current_monthly_income=income)
    assert result.decision == decision
    if decision == "need_more_info":
        assert [m.field for m in result.missing] == ["current_monthly_income"]


def test_vulnerable_person_gets_the_extra_limit_flagged_conflict() -> None:
    result = run(LC, disabled=True)
    extra = result.amount("고용취약계층 추가 한도")
    assert extra is not None and extra.value == 2_000_000 and extra.confidence == "conflict"
    assert "5,000,000원" in extra.formula
    assert result.notes[-1] == CONFIRM_NOTE


def test_excluded_person_is_not_shown_a_limit_as_if_payable() -> None:
    # 현직 공무원은 발급 제외 (policy-facts §3) → "5년간 최대 300만원" must not be offered
    result = run("learning_card", public_servant=True, age=40)
    assert result.decision == "ineligible"
    assert result.amounts == []
    assert any(r.passed is False for r in result.reasons)
