"""구직급여: expected figures are computed by hand in each test (never by calling the code)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.eligibility.common import CONFIRM_NOTE
from tests.graphs.eligibility.helpers import amount_value, run, verdict

UB = "unemployment_benefit"

# A complete, eligible person; tests override one fact at a time.
BASE: dict[str, Any] = {
    "age": 45,
    "insured_period_days": 4 * 365,
    "unit_period_days": 400,
    "separation_reason": "recommended_resignation",
    "separation_date": date(2026, 3, 31),
    "monthly_wage": 3_000_000,
}


def ub(**overrides: Any) -> Any:
    return run(UB, **{**BASE, **overrides})


# ------------------------------------------------------------------------------------------- acceptance


def test_acceptance_example_2026_recommended_resignation_45_four_years_3m_won() -> None:
    # 2026-03 권고사직, 45세, 고용보험 4년, 월급 300만원:
    # 평균임금 = 3,000,000 × 3 ÷ 90일(2026-01-01~03-31) = 100,000원; × 60% = 60,000원 < 하한 10,320 × 8 × 0.8 = 66,048원
    result = run(
        UB,
        age=45,
        insured_period_days=1460,
        separation_reason="recommended_resignation",
        separation_date=date(2026, 3, 31),
        monthly_wage=3_000_000,
    )
    assert result.decision == "eligible"
    assert result.applies_year == 2026
    assert amount_value(result, "구직급여일액") == 66_048
    assert amount_value(result, "소정급여일수") == 180
    assert amount_value(result, "최대 총액") == 66_048 * 180 == 11_888_640
    formula = result.amount("구직급여일액").formula  # type: ignore[union-attr]
    assert "100,000원" in formula and "66,048원" in formula and "하한액 적용" in formula
    assert any("대기기간" in n for n in result.notes)
    # only insured_period_days known (≥ 210 days) → unit period passes as an estimate with a note
    assert verdict(result, "ub.unit_period") is True
    assert any("피보험 단위기간" in n and "고용센터" in n for n in result.notes)


# ------------------------------------------------------------------------------------------- requirements


@pytest.mark.parametrize(("days", "expected"), [(179, "ineligible"), (180, "eligible"), (181, "eligible")])
def test_unit_period_boundary(days: int, expected: str) -> None:
    result = ub(unit_period_days=days)
    assert result.decision == expected
    assert verdict(result, "ub.unit_period") is (expected == "eligible")
    assert result.reason("ub.unit_period").article.startswith("고용보험법 제40조 제1항 제1호")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("insured", "passed", "decision"),
    [
        (179, False, "ineligible"),
        (180, None, "need_more_info"),
        (209, None, "need_more_info"),
        (210, True, "eligible"),
    ],
)
def test_insured_period_only(insured: int, passed: bool | None, decision: str) -> None:
    result = ub(unit_period_days=None, insured_period_days=insured)
    assert verdict(result, "ub.unit_period") is passed
    assert result.decision == decision
    if decision == "need_more_info":
        assert [m.field for m in result.missing] == ["unit_period_days"]


def test_voluntary_is_ineligible_citing_article_58_and_annex_2() -> None:
    result = ub(separation_reason="voluntary")
    assert result.decision == "ineligible"
    reason = result.reason("ub.separation_reason")
    assert reason is not None and reason.passed is False
    assert "제58조" in reason.article and "별표2" in reason.article
    assert "임금체불" in reason.text and "정당한 사유" in reason.text
    assert result.missing == []  # nothing more decides an ineligible answer


def test_voluntary_with_justified_reason_is_eligible() -> None:
    result = ub(separation_reason="voluntary_justified")
    assert result.decision == "eligible"
    assert "별표2" in result.reason("ub.separation_reason").article  # type: ignore[union-attr]


def test_dismissal_for_misconduct_is_ineligible() -> None:
    result = ub(separation_reason="dismissal_misconduct")
    assert result.decision == "ineligible"
    assert result.reason("ub.separation_reason").article == "고용보험법 제58조 제1호"  # type: ignore[union-attr]


@pytest.mark.parametrize("reason", ["contract_end", "dismissal", "business_closure", "retirement_age"])
def test_involuntary_reasons_pass(reason: str) -> None:
    assert ub(separation_reason=reason).decision == "eligible"


def test_other_reason_asks_again() -> None:
    result = ub(separation_reason="other")
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == ["separation_reason"]


def test_claim_period_over_12_months_ago_is_ineligible() -> None:
    # 이직일 2025-11-20 → 수급기간 ends 2026-11-20 < today 2026-11-21
    assert ub(separation_date=date(2025, 11, 20)).decision == "ineligible"
    # 2025-11-21 → ends 2026-11-21 = today → still inside
    assert ub(separation_date=date(2025, 11, 21)).decision == "eligible"


def test_self_employed_gets_a_note() -> None:
    result = ub(self_employed=True)
    assert any("자영업자" in n for n in result.notes)


def test_empty_profile_asks_in_counselor_order_and_still_gives_floor_and_cap() -> None:
    result = run(UB)
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == [
        "separation_reason",
        "separation_date",
        "insured_period_days",
        "age",
        "monthly_wage",
    ]
    assert all(m.question.endswith("?") or m.question.endswith(")") for m in result.missing)
    # this year's figures, said so in a note
    assert amount_value(result, "구직급여 1일 하한액") == 66_048
    assert amount_value(result, "구직급여 1일 상한액") == 68_100
    assert any("퇴사일을 몰라" in n for n in result.notes)


def test_missing_reason_still_computes_amounts() -> None:
    result = ub(separation_reason=None)
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == ["separation_reason"]
    assert amount_value(result, "구직급여일액") == 66_048


# ------------------------------------------------------------------------------------------- 일액


@pytest.mark.parametrize(
    ("separation", "avg", "expected"),
    [
        (date(2025, 12, 31), 200_000, 66_000),  # 2025 cap
        (date(2026, 1, 1), 200_000, 68_100),  # 2026 cap
        (date(2025, 12, 31), 50_000, 64_192),  # 2025 floor 10,030 × 8 × 0.8
        (date(2026, 1, 1), 50_000, 66_048),  # 2026 floor 10,320 × 8 × 0.8
        (date(2026, 6, 1), 112_000, 67_200),  # 112,000 × 0.6, between floor and cap
        (date(2026, 6, 1), 110_080, 66_048),  # exactly the floor
        (date(2026, 6, 1), 113_500, 68_100),  # exactly the cap
        (date(2026, 6, 1), 113_501, 68_100),  # 68,100.6 → capped
        (date(2025, 6, 1), 110_000, 66_000),  # exactly the 2025 cap
        (date(2024, 12, 31), 50_000, 63_104),  # 2024 floor 9,860 × 8 × 0.8
    ],
)
def test_daily_amount_floor_and_cap_by_separation_year(separation: date, avg: int, expected: int) -> None:
    result = run(UB, today=date(2026, 11, 21), separation_date=separation, avg_daily_wage=avg)
    assert amount_value(result, "구직급여일액") == expected
    assert result.applies_year == separation.year


def test_cap_and_floor_formulas_name_the_rule() -> None:
    capped = run(UB, separation_date=date(2026, 6, 1), avg_daily_wage=200_000).amount("구직급여일액")
    assert capped is not None and "상한액 68,100원 → 상한액 적용" in capped.formula
    floored = run(UB, separation_date=date(2025, 6, 1), avg_daily_wage=50_000).amount("구직급여일액")
    assert floored is not None and "하한액 64,192원" in floored.formula and "10,030원" in floored.formula


@pytest.mark.parametrize(
    ("separation", "monthly", "expected"),
    [
        # 2026-05-31: 3 months = 2026-03-01..05-31 = 92 days; 3,450,000 × 3 ÷ 92 = 112,500 → × 0.6 = 67,500
        (date(2026, 5, 31), 3_450_000, 67_500),
        # 2026-03-31: 90 days; 3,600,000 × 3 ÷ 90 = 120,000 → 72,000 > 68,100
        (date(2026, 3, 31), 3_600_000, 68_100),
        # 2026-03-31: 3,300,000 × 3 ÷ 90 = 110,000 → 66,000 < 66,048
        (date(2026, 3, 31), 3_300_000, 66_048),
        # 2025-08-31: 92 days (Jun 30 + Jul 31 + Aug 31 → 06-01..08-31); 3,680,000 × 3 ÷ 92 = 120,000 → 72,000 > 66,000
        (date(2025, 8, 31), 3_680_000, 66_000),
    ],
)
def test_average_wage_from_monthly_wage(separation: date, monthly: int, expected: int) -> None:
    result = run(UB, separation_date=separation, monthly_wage=monthly)
    assert amount_value(result, "구직급여일액") == expected


def test_only_separation_year_known_uses_91_days_and_says_so() -> None:
    # 3,412,500 × 3 ÷ 91 = 112,500 → × 0.6 = 67,500
    result = run(UB, separation_year=2026, monthly_wage=3_412_500)
    daily = result.amount("구직급여일액")
    assert daily is not None and daily.value == 67_500
    assert "91일" in daily.formula and "퇴사일을 몰라" in daily.formula


@pytest.mark.parametrize(
    ("hours", "floor"),
    [
        (None, 66_048),  # default 8 hours
        (8, 66_048),
        (6, 49_536),  # 10,320 × 6 × 0.8
        (4, 33_024),  # 10,320 × 4 × 0.8
        (2, 33_024),  # below 4 hours → 4 hours
        (10, 66_048),  # above 8 hours → 8 hours
    ],
)
def test_floor_follows_daily_work_hours(hours: float | None, floor: int) -> None:
    result = run(UB, separation_date=date(2026, 6, 1), daily_work_hours=hours, avg_daily_wage=10_000)
    assert amount_value(result, "구직급여 1일 하한액") == floor
    assert amount_value(result, "구직급여일액") == floor


def test_short_hours_note() -> None:
    result = run(UB, separation_date=date(2026, 6, 1), daily_work_hours=3)
    assert any("4시간 미만" in n and "4시간 기준" in n for n in result.notes)


def test_year_without_figures_uses_latest_with_a_note() -> None:
    result = run(UB, today=date(2027, 2, 1), separation_date=date(2027, 1, 15), avg_daily_wage=200_000)
    assert result.applies_year == 2026
    assert amount_value(result, "구직급여일액") == 68_100
    assert any("2027년" in n and "2026년 기준" in n for n in result.notes)


def test_separation_from_2028_warns_about_new_wage_basis() -> None:
    result = run(UB, today=date(2028, 2, 1), separation_date=date(2028, 1, 10), avg_daily_wage=100_000)
    assert any("2028년 1월 1일 이후 이직자" in n for n in result.notes)


# ------------------------------------------------------------------------------------------- 소정급여일수


@pytest.mark.parametrize(
    ("age", "insured", "days"),
    [
        # 50세 미만 row
        (45, 364, 120),
        (45, 365, 150),
        (45, 1094, 150),
        (45, 1095, 180),
        (45, 1825, 210),
        (45, 3650, 240),
        # 50세 이상 row
        (50, 364, 120),
        (50, 365, 180),
        (50, 1095, 210),
        (50, 1825, 240),
        (50, 3649, 240),
        (50, 3650, 270),
    ],
)
def test_benefit_days_table_cells_and_year_boundaries(age: int, insured: int, days: int) -> None:
    result = ub(age=age, insured_period_days=insured)
    assert amount_value(result, "소정급여일수") == days


@pytest.mark.parametrize(("age", "days"), [(49, 180), (50, 210)])
def test_age_49_vs_50(age: int, days: int) -> None:
    assert amount_value(ub(age=age, insured_period_days=1460), "소정급여일수") == days


def test_disabled_at_45_uses_the_50_plus_row() -> None:
    result = ub(age=45, disabled=True, insured_period_days=1460)
    assert amount_value(result, "소정급여일수") == 210
    assert "장애인" in result.amount("소정급여일수").formula  # type: ignore[union-attr]


def test_age_unknown_but_under_one_year_needs_no_age() -> None:
    result = ub(age=None, insured_period_days=300, unit_period_days=200)
    assert amount_value(result, "소정급여일수") == 120
    assert "age" not in [m.field for m in result.missing]


def test_age_unknown_when_it_matters_is_asked() -> None:
    result = ub(age=None, insured_period_days=1460)
    assert result.amount("소정급여일수") is None
    assert [m.field for m in result.missing] == ["age"]
    assert result.decision == "eligible"  # age only refines the amount


def test_no_flagged_figures_means_no_confirm_note() -> None:
    assert CONFIRM_NOTE not in ub().notes
