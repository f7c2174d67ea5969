"""Who has a 구직급여 now, and who has the 수급자격 조기재취업수당 needs — read from the law, not from the engine.

- 고용보험법 제40조①: 구직급여 is paid to a person who left a job (이직) and (2호) has not found work though willing and
  able. Someone still in their job has none now; a separation planned ahead, work reported while receiving
  (취업 신고) and a re-employment after receiving are other questions.
- 제64조①: 조기재취업수당 is paid to a 수급자격자 who is re-employed. No 수급자격 (a 자진퇴사 without 정당한 사유,
  제58조; under 180 days of 피보험 단위기간, 제40조①1호) → no allowance. A person not yet re-employed whose 수급기간
  (제48조, 12 months from the day after separation) is over has no 구직급여 left to be re-employed from; after a
  re-employment the claim is made 12 months later (시행령 제86조②), so the 수급기간 then no longer matters.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.eligibility.common import Builder, merge_missing
from graphs.eligibility.models import MissingFact
from tests.graphs.eligibility.helpers import run, verdict

UB, ER = "unemployment_benefit", "early_reemployment"


# ------------------------------------------------------------------------------------ 구직급여: still in work
def test_a_person_in_work_has_no_benefit_now() -> None:
    """"35세, 지금 회사 다니는 중 (주 40시간, 월 300만원) 실업급여 받을 수 있나요?" → ❌, 제40조①2호."""
    result = run(UB, age=35, employed=True, weekly_hours=40, current_monthly_income=3_000_000)
    assert result.decision == "ineligible"
    reason = result.reason("ub.unemployed")
    assert reason is not None and reason.passed is False
    assert reason.article == "고용보험법 제40조 제1항 제2호"
    assert "다니고 계시면" in reason.text
    assert result.missing == [] and result.amounts == []  # nothing to ask, nothing that reads as a payment


@pytest.mark.parametrize(
    "facts",
    [
        # "다음 달 15일에 퇴사 예정인데 …": a separation planned ahead is judged on that separation
        {"separation_date": date(2026, 12, 15), "separation_reason": "contract_end"},
        # "실업급여 받으면서 알바하고 있어요": work while receiving is reported (취업 신고), not a bar decided here
        {"receiving_unemployment_benefit": True},
        # "실업급여 받다가 재취업했어요": the re-employment question (조기재취업수당)
        {"reemployed": True},
        # "작년에 권고사직했고 지금은 일하고 있어요" with only the year known
        {"separation_year": 2026, "separation_reason": "recommended_resignation"},
    ],
)
def test_work_after_or_before_a_separation_is_not_the_in_work_bar(facts: dict[str, Any]) -> None:
    result = run(UB, age=35, employed=True, **facts)
    assert result.reason("ub.unemployed") is None


def test_a_person_out_of_work_is_checked_as_before() -> None:
    result = run(UB, age=35, employed=False)
    assert result.reason("ub.unemployed") is None
    assert result.decision == "need_more_info" and result.missing[0].field == "separation_reason"


# ------------------------------------------------------------------------------------ 조기재취업수당: 수급자격
RECEIVING: dict[str, Any] = {  # re-employed while receiving; every 제84조 fact known
    "reemployed": True, "days_from_claim_to_reemployment": 30, "expected_employment_months": 12,
    "rehired_by_previous_employer": False, "early_reemployment_paid_within_2y": False, "age": 40,
}


@pytest.mark.parametrize(
    ("facts", "cause"),
    [
        # 제40조①1호: 150 < 180 days
        ({"separation_reason": "recommended_resignation", "unit_period_days": 150,
          "separation_date": date(2026, 6, 30)}, "피보험 단위기간"),
        # 제58조: 자기 사정으로 이직, no 정당한 사유
        ({"separation_reason": "voluntary", "unit_period_days": 400, "separation_date": date(2026, 6, 30)},
         "자발적"),
    ],
)
def test_no_entitlement_no_allowance(facts: dict[str, Any], cause: str) -> None:
    result = run(ER, **{**RECEIVING, **facts})
    assert result.decision == "ineligible"
    reason = result.reason("er.entitlement")
    assert reason is not None and reason.passed is False
    assert "제64조" in reason.article and "수급자격" in reason.text and cause in reason.text
    assert result.amounts == []


def test_the_benefit_days_of_the_entitlement_card_show_the_entitlement() -> None:
    """남은 일수 / 소정급여일수 are figures of a 수급자격증: a recognised 수급자격자."""
    result = run(ER, **RECEIVING, remaining_benefit_days=100, total_benefit_days=150, monthly_wage=3_000_000,
                 separation_date=date(2026, 3, 31))
    assert verdict(result, "er.entitlement") is True
    assert result.decision == "eligible"


def test_after_a_re_employment_the_claim_period_no_longer_decides() -> None:
    """Separated 2025-06-30 (수급기간 ended 2026-06-30), re-employed since: the claim comes 12 months after the
    re-employment (시행령 제86조②), so the 수급자격 is judged on 퇴사 사유 and 단위기간 only."""
    result = run(ER, **RECEIVING, separation_reason="recommended_resignation", unit_period_days=400,
                 separation_date=date(2025, 6, 30))
    assert verdict(result, "er.entitlement") is True
    assert result.decision == "need_more_info"
    assert [m.field for m in result.missing if m.decides][0] == "remaining_benefit_days"


def test_not_re_employed_after_the_claim_period_has_nothing_to_be_re_employed_from() -> None:
    """Gold p05's case: 2025-09-30 권고사직, 600일, 실업급여 안 받는 중, asked 2026-12-01 — 수급기간 over (제48조)."""
    result = run(ER, today=date(2026, 12, 1), age=40, separation_reason="recommended_resignation",
                 unit_period_days=600, separation_date=date(2025, 9, 30), receiving_unemployment_benefit=False)
    assert result.decision == "ineligible"
    reason = result.reason("er.entitlement")
    assert reason is not None and reason.passed is False and "수급기간" in reason.text


def test_an_unknown_entitlement_is_asked_after_the_allowances_own_facts() -> None:
    """"권고사직했는데 조기재취업수당도 받을 수 있어요?": 재취업 is asked first; the 단위기간 that settles the 수급자격 after."""
    result = run(ER, age=40, separation_reason="recommended_resignation", separation_date=date(2026, 9, 30))
    assert result.decision == "need_more_info"
    fields = [m.field for m in result.missing]
    assert fields[0] == "reemployed"
    assert "unit_period_days" in fields and fields.index("unit_period_days") > fields.index("reemployed")
    assert verdict(result, "er.entitlement") is None


# ------------------------------------------------------------------------------------ missing: decides or amount
def test_missing_facts_say_whether_they_decide_or_complete_an_amount() -> None:
    """구직급여 of "권고사직, 11월 1일 퇴사" (단위기간 unknown): the 단위기간 decides (제40조①1호); the wage (제45조),
    the insured period and the age (별표1) only complete the amounts — and come after it."""
    result = run(UB, separation_reason="recommended_resignation", separation_date=date(2026, 11, 1))
    by_field = {m.field: m.decides for m in result.missing}
    assert by_field["unit_period_days"] is True
    assert by_field["monthly_wage"] is False and by_field["insured_period_days"] is False
    assert by_field["age"] is False
    flags = [m.decides for m in result.missing]
    assert flags == sorted(flags, reverse=True)  # every deciding fact before any amount-only fact


def test_an_eligible_result_asks_only_amount_facts() -> None:
    result = run(UB, separation_reason="recommended_resignation", separation_date=date(2026, 11, 1),
                 unit_period_days=400)
    assert result.decision == "eligible"
    assert result.missing and not any(m.decides for m in result.missing)


def test_a_fact_asked_both_ways_decides() -> None:
    """나이 only completes 구직급여's 소정급여일수 (별표1) but decides a youth or 65세 rule elsewhere: asked once, as
    deciding, wherever it was asked first."""
    builder = Builder("unemployment_benefit", {"age": "나이?", "monthly_wage": "월급?"})
    builder.ask("age", decides=False)
    builder.ask("monthly_wage", decides=False)
    builder.ask("age")
    assert [(m.field, m.decides) for m in builder.missing] == [("age", True), ("monthly_wage", False)]
    amount_only = [MissingFact(field="age", question="나이?", decides=False)]
    deciding = [MissingFact(field="age", question="나이?")]
    assert merge_missing(amount_only, deciding) == [MissingFact(field="age", question="나이?", decides=True)]
