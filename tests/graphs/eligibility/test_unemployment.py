"""구직급여: expected figures are computed by hand in each test (never by calling the code)."""

from __future__ import annotations

from datetime import date, timedelta
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
    assert result.decision == "need_more_info"  # the unit period is not given (see below)
    assert result.applies_year == 2026
    assert amount_value(result, "구직급여일액") == 66_048
    assert amount_value(result, "소정급여일수") == 180
    assert amount_value(result, "최대 총액") == 66_048 * 180 == 11_888_640
    # 1,460일 ending 2026-03-31 = 2022-04-02~: 3년 이상 5년 미만, 45세 → 180일
    formula = result.amount("구직급여일액").formula  # type: ignore[union-attr]
    assert "100,000원" in formula and "66,048원" in formula and "하한액 적용" in formula
    assert any("대기기간" in n for n in result.notes)
    # only insured_period_days known: the 180-day unit period (제40조①1호, 18 months before separation) is asked,
    # never inferred from the insured period
    assert verdict(result, "ub.unit_period") is None
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing][0] == "unit_period_days"
    assert "18개월" in result.missing[0].question and "피보험자격 이력 조회" in result.missing[0].question


# ------------------------------------------------------------------------------------------- requirements


@pytest.mark.parametrize(("days", "expected"), [(179, "ineligible"), (180, "eligible"), (181, "eligible")])
def test_unit_period_boundary(days: int, expected: str) -> None:
    result = ub(unit_period_days=days)
    assert result.decision == expected
    assert verdict(result, "ub.unit_period") is (expected == "eligible")
    assert result.reason("ub.unit_period").article.startswith("고용보험법 제40조 제1항 제1호")  # type: ignore[union-attr]


@pytest.mark.parametrize("insured", [180, 210, 1460, 7300])
def test_insured_period_never_proves_the_unit_period(insured: int) -> None:
    # 제41조: the unit period counts paid days in the 18 months before separation (a lifetime total is not it)
    # → an insured period of 180 days or more never proves it: the requirement stays unknown and is asked
    result = ub(unit_period_days=None, insured_period_days=insured)
    assert verdict(result, "ub.unit_period") is None
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing] == ["unit_period_days"]
    assert any("피보험자격 이력 조회" in n for n in result.notes)
    assert "180일" in result.reason("ub.unit_period").text  # type: ignore[union-attr]


@pytest.mark.parametrize("insured", [120, 150, 179])
def test_a_stated_insured_period_under_180_days_cannot_reach_the_unit_period(insured: int) -> None:
    # 제41조: paid days lie inside insured days, so a whole stated insurance history under 180 days cannot hold
    # 180 days of 피보험 단위기간 → ineligible, with no amount, naming the shortfall and what would change it
    result = ub(unit_period_days=None, insured_period_days=insured)
    reason = result.reason("ub.unit_period")
    assert reason is not None and reason.passed is False
    assert result.decision == "ineligible" and result.amounts == []
    assert f"{180 - insured}일 부족" in reason.text and "다른 직장" in reason.text


def test_a_short_current_job_with_earlier_jobs_stays_open() -> None:
    # other insured jobs were mentioned: they may fill the 18 months, so the unit period is asked, not refused
    result = ub(unit_period_days=None, insured_period_days=150, prior_insured_days=400)
    assert verdict(result, "ub.unit_period") is None
    assert "다른 직장" in result.reason("ub.unit_period").text  # type: ignore[union-attr]


def test_unit_period_shortfall_names_the_threshold_and_what_would_change_it() -> None:
    result = ub(unit_period_days=150)
    reason = result.reason("ub.unit_period")
    assert reason is not None and reason.passed is False
    assert "180일" in reason.text and "30일 부족" in reason.text
    assert "다른 직장" in reason.text and "피보험자격 이력 조회" in reason.text


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
    expired = ub(separation_date=date(2025, 11, 20))
    assert expired.decision == "ineligible"
    assert expired.amounts == []  # nothing that reads as a payment
    assert "수급기간" in expired.reason("ub.claim_period").text  # type: ignore[union-attr]
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
        "unit_period_days",
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
    # applied a month after the separation (inside the 12-month 수급기간, 제48조)
    result = run(UB, today=separation + timedelta(days=30), separation_date=separation, avg_daily_wage=avg)
    assert amount_value(result, "구직급여일액") == expected
    assert result.applies_year == separation.year


def test_cap_and_floor_formulas_name_the_rule() -> None:
    capped = run(UB, separation_date=date(2026, 6, 1), avg_daily_wage=200_000).amount("구직급여일액")
    assert capped is not None and "상한액 68,100원 → 상한액 적용" in capped.formula
    floored = run(UB, today=date(2025, 7, 1), separation_date=date(2025, 6, 1), avg_daily_wage=50_000).amount(
        "구직급여일액"
    )
    assert floored is not None and "하한액 64,192원" in floored.formula and "10,030원" in floored.formula
    # the amount states the rule that makes it
    assert capped.formula.startswith("구직급여일액 = 평균임금 × 60%")


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
    result = run(UB, today=separation + timedelta(days=30), separation_date=separation, monthly_wage=monthly)
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


def test_short_hours_floor_rule_is_marked_as_secondary() -> None:
    # the 4-hour floor comes from calculators (policy-facts §1.3 [2ND]), not the law text → ⚠️ and its source
    result = run(UB, separation_date=date(2026, 6, 1), daily_work_hours=3, avg_daily_wage=10_000)
    # a figure resting on a secondary source is a warning: shown first, visibly, to citizens too
    warning = next(w for w in result.warnings if "4시간 미만" in w)
    assert "2차 자료" in warning and "확인이 필요" in warning
    assert not any("4시간 미만" in n for n in result.notes)
    floor = result.amount("구직급여 1일 하한액")
    assert floor is not None and floor.value == 33_024 and floor.confidence == "secondary"  # 10,320 × 4 × 0.8


def test_eight_hours_floor_has_no_short_hours_warning() -> None:
    result = run(UB, separation_date=date(2026, 6, 1), daily_work_hours=8, avg_daily_wage=10_000)
    assert not any(n.startswith("⚠️") for n in result.notes) and not result.warnings


def test_year_without_figures_warns_first_and_marks_amounts_unverified() -> None:
    # no 2027 상한액/최저임금 in policy-facts (§1.3: 2027 최저임금 [UNVERIFIED]) → 2026 figures, said first
    result = run(UB, today=date(2027, 2, 1), separation_date=date(2027, 1, 15), avg_daily_wage=200_000)
    assert result.applies_year == 2026
    assert amount_value(result, "구직급여일액") == 68_100
    assert len(result.warnings) == 1
    assert (
        "2027년" in result.warnings[0]
        and "2026년 기준" in result.warnings[0]
        and "1350" in result.warnings[0]
    )
    daily = result.amount("구직급여일액")
    assert daily is not None and daily.confidence == "unverified" and "2027년 금액 미발표" in daily.formula
    assert result.amount("구직급여 1일 상한액").confidence == "unverified"  # type: ignore[union-attr]


def test_unknown_separation_date_in_a_year_without_figures_warns_too() -> None:
    result = run(UB, today=date(2027, 3, 2))
    assert result.applies_year == 2026
    assert any("2027년" in w for w in result.warnings)


def test_year_with_figures_has_no_warning() -> None:
    assert ub().warnings == []


def test_separation_from_2028_warns_about_new_wage_basis() -> None:
    result = run(UB, today=date(2028, 2, 1), separation_date=date(2028, 1, 10), avg_daily_wage=100_000)
    assert any("2028년 1월 1일 이후 이직자" in n for n in result.notes)


# ------------------------------------------------------------------------------------------- 소정급여일수


@pytest.mark.parametrize(
    ("age", "insured", "days"),
    [
        # days only, no separation date: N calendar years are at least 365 × N days plus one 29 February per 4 years
        # (1년 ≥ 365, 3년 ≥ 1,095, 5년 ≥ 1,826, 10년 ≥ 3,652 days), so fewer days are certainly under N years
        (45, 364, 120),
        (45, 365, 150),
        (45, 1094, 150),
        (45, 1095, 180),
        (45, 1825, 180),  # any 5 years hold a 29 February: 1,825 days is under 5 years
        (45, 1826, 210),
        (45, 3650, 210),  # any 10 years hold two or three 29 Februaries: 3,650 days is under 10 years
        (45, 3651, 210),
        (45, 3652, 240),
        (50, 364, 120),
        (50, 365, 180),
        (50, 1095, 210),
        (50, 1825, 210),
        (50, 3650, 240),
        (50, 3652, 270),
    ],
)
def test_benefit_days_table_cells_with_days_only(age: int, insured: int, days: int) -> None:
    result = ub(age=age, insured_period_days=insured, separation_date=None, separation_year=2026)
    assert amount_value(result, "소정급여일수") == days
    assert "날수로 계산" in result.amount("소정급여일수").formula  # type: ignore[union-attr]


def test_days_only_at_a_band_start_says_fewer_years_are_possible() -> None:
    # 3,652 days: 10 years when the span holds two 29 Februaries, 9 years 364 days when it holds three
    result = ub(age=45, insured_period_days=3652, separation_date=None, separation_year=2026)
    assert amount_value(result, "소정급여일수") == 240
    assert any("윤년" in n and "10년" in n for n in result.notes)
    assert "employment_start_date" in [m.field for m in result.missing]


def test_band_known_but_age_unknown_gives_both_cells() -> None:
    # 2024-07-01 입사 ~ 2026-10-31 퇴사: 2년 4개월 → 1년 이상 3년 미만; 별표1: 50세 미만 150일, 50세 이상·장애인 180일
    result = ub(age=None, insured_period_days=None, employment_start_date=date(2024, 7, 1),
                separation_date=date(2026, 10, 31))
    assert result.amount("소정급여일수") is None
    assert amount_value(result, "소정급여일수(50세 미만이면)") == 150
    assert amount_value(result, "소정급여일수(50세 이상·장애인이면)") == 180
    assert "age" in [m.field for m in result.missing]
    assert result.amount("최대 총액") is None


@pytest.mark.parametrize(
    ("insured", "days"),
    [
        # 퇴사일 2026-03-31, the period ends there (제50조③): N calendar years back from 2026-04-01
        # 1년: 2025-04-01~ = 365일; 3년: 2023-04-01~ = 1,096일 (2024-02-29); 5년: 2021-04-01~ = 1,826일;
        # 10년: 2016-04-01~ = 3,652일 (2020-02-29, 2024-02-29)
        (364, 120),
        (365, 150),
        (1095, 150),
        (1096, 180),
        (1825, 180),
        (1826, 210),
        (3650, 210),
        (3651, 210),
        (3652, 240),
    ],
)
def test_benefit_days_bands_are_calendar_years_ending_on_the_separation_date(insured: int, days: int) -> None:
    result = ub(age=45, insured_period_days=insured)  # separation 2026-03-31
    assert amount_value(result, "소정급여일수") == days


def test_ten_years_by_dates_is_calendar_not_3650_days() -> None:
    # 2016-04-03 입사 ~ 2026-03-31 퇴사 = 3,650일 = 9년 363일 → 5년 이상 10년 미만, 45세 → 210일 (별표1)
    result = ub(age=45, insured_period_days=None, employment_start_date=date(2016, 4, 3))
    days = result.amount("소정급여일수")
    assert days is not None and days.value == 210
    assert "9년 363일" in days.formula and "5년 이상 10년 미만" in days.formula
    assert "1년=365일" not in days.formula
    # 2016-04-01 입사 → exactly 10 years on 2026-04-01 (상실일) → 240일
    full = ub(age=45, insured_period_days=None, employment_start_date=date(2016, 4, 1))
    assert amount_value(full, "소정급여일수") == 240


def test_boundary_note_says_which_start_date_reaches_the_next_band() -> None:
    result = ub(age=45, insured_period_days=3650)  # 2016-04-03 ~ 2026-03-31
    note = next(n for n in result.notes if "윤년" in n)
    assert "2016-04-01" in note and "10년" in note
    assert "employment_start_date" in [m.field for m in result.missing]


# ------------------------------------------------------------------------------------------- 제50조④


def with_prior(**facts: Any) -> Any:
    """40세, a 1,825-day (5년) earlier job; the current job and the prior-period facts vary."""
    days_only = {"insured_period_days": 365, "separation_date": None, "separation_year": 2026}
    return ub(age=40, prior_insured_days=1825, **{**days_only, **facts})


def test_prior_period_paid_benefit_is_not_added() -> None:
    # "5년 다니고 실업급여 받았고, 이번 회사 1년, 40세": 이전 1,825일은 구직급여를 받아 제외 (제50조④1호 단서)
    # → 피보험기간 365일 (1년 이상 3년 미만), 50세 미만 → 150일, not 210일
    days = with_prior(prior_benefit_paid=True).amount("소정급여일수")
    assert days is not None and days.value == 150
    assert "제50조 제4항" in days.formula and "구직급여를 받아" in days.formula


def test_prior_period_within_three_years_and_no_benefit_is_added() -> None:
    # 이전 5년(1,825일) + 이번 1년(365일) = 2,190일 ≥ 5년(1,825) → 5년 이상 10년 미만, 40세 → 210일
    assert amount_value(with_prior(prior_benefit_paid=False, prior_gap_days=200), "소정급여일수") == 210


@pytest.mark.parametrize(
    ("gap", "days"),
    [
        # 이번 입사 2025-04-01 (퇴사 2026-03-31 → 이번 직장 365일 = 1년)
        (1097, 150),  # 상실 2022-03-31: 3년 뒤 2025-03-31 < 입사일 → 합산 안 함 → 1년 → 150일
        (1096, 210),  # 상실 2022-04-01: 3년 뒤 2025-04-01 = 입사일 → 3년 이내 → 2,190일 → 210일
    ],
)
def test_prior_period_three_year_gap_is_counted_on_the_calendar(gap: int, days: int) -> None:
    result = with_prior(
        insured_period_days=None,
        separation_date=date(2026, 3, 31),
        employment_start_date=date(2025, 4, 1),
        prior_benefit_paid=False,
        prior_gap_days=gap,
    )
    assert amount_value(result, "소정급여일수") == days


def test_prior_period_with_unknown_conditions_is_left_out_and_asked() -> None:
    result = with_prior()
    assert amount_value(result, "소정급여일수") == 150  # current job only (1년)
    asked = [m.field for m in result.missing]
    assert "prior_gap_days" in asked and "prior_benefit_paid" in asked
    assert any("합산" in n and "5년 이상" in n for n in result.notes)  # 1,825 + 365 → 6년 if it counts


@pytest.mark.parametrize(("age", "days"), [(49, 180), (50, 210)])
def test_age_49_vs_50(age: int, days: int) -> None:
    assert amount_value(ub(age=age, insured_period_days=1460), "소정급여일수") == days


def test_disabled_at_45_uses_the_50_plus_row() -> None:
    result = ub(age=45, disabled=True, insured_period_days=1460)
    assert amount_value(result, "소정급여일수") == 210
    assert "장애인" in result.amount("소정급여일수").formula  # type: ignore[union-attr]


def test_age_unknown_but_under_one_year_needs_no_age() -> None:
    result = ub(age=None, insured_period_days=300, unit_period_days=200)  # 300일 < 1년 → 120일 both rows
    assert amount_value(result, "소정급여일수") == 120
    assert "age" not in [m.field for m in result.missing]


def test_age_unknown_when_it_matters_is_asked() -> None:
    result = ub(age=None, insured_period_days=1460)
    assert result.amount("소정급여일수") is None
    assert [m.field for m in result.missing] == ["age"]
    assert result.decision == "eligible"  # age only refines the amount


def test_no_flagged_figures_means_no_confirm_note() -> None:
    assert CONFIRM_NOTE not in ub().notes


# ------------------------------------------------------------------------------------------- 정당한 사유, 부적격


def test_voluntary_with_a_stated_just_cause_is_judged_on_that_cause() -> None:
    # "임금체불 2개월로 자진퇴사" → 시행규칙 별표2 정당한 사유 → not a 제58조 restriction
    result = ub(separation_reason="voluntary", just_cause="임금 2개월 체불")
    reason = result.reason("ub.separation_reason")
    assert reason is not None and reason.passed is True
    assert "임금 2개월 체불" in reason.text and "별표2" in reason.article
    assert result.decision == "eligible"


def test_just_cause_without_a_reason_counts_as_justified_voluntary() -> None:
    result = ub(separation_reason=None, just_cause="통근 왕복 3시간 이상")
    assert verdict(result, "ub.separation_reason") is True


def test_ineligible_result_offers_no_amount() -> None:
    result = ub(separation_reason="voluntary")
    assert result.decision == "ineligible"
    assert result.amounts == []
    assert "정당한 사유" in result.reason("ub.separation_reason").text  # type: ignore[union-attr]


def test_unit_period_that_cannot_be_reached_says_what_would_change_it() -> None:
    # 제40조①1호·제41조: 5개월(150일) 가입만으로는 180일 불가; 18개월 안의 다른 가입 기간을 합쳐 180일이면 충족
    result = ub(insured_period_days=150, unit_period_days=None, separation_date=None, separation_year=2026)
    reason = result.reason("ub.unit_period")
    assert reason is not None and reason.passed is False
    assert "30일 부족" in reason.text and "합쳐서 180일 이상이면" in reason.text


def test_claim_period_over_after_13_months_is_ineligible_with_the_extension_exception() -> None:
    # 제48조①: 이직일 다음 날부터 12개월. Left 2025-10-21, asked 2026-11-21 → the period ended 2026-10-21.
    result = run(UB, date(2026, 11, 21), separation_date=date(2025, 10, 21))
    assert result.decision == "ineligible"
    claim = next(r for r in result.reasons if r.rule_id == "ub.claim_period")
    assert claim.passed is False
    assert "연장" in claim.text and "1350" in claim.text


def test_no_insured_work_fails_the_unit_period() -> None:
    # 제40조①1호: 180 days of 피보험 단위기간 in the 18 months before leaving; none → ineligible before any reason asked
    result = run(UB, date(2026, 11, 21), unit_period_days=0)
    assert result.decision == "ineligible"
    assert any(r.rule_id == "ub.unit_period" and r.passed is False for r in result.reasons)
