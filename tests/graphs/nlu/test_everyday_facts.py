"""Issue 10 understanding classes, each in several phrasings people use (today 2026-11-21).

Periods: 고용보험법 별표1 bands count 피보험기간 in calendar years, so a stated "N년" is N calendar years — the most days
N calendar years can span (N × 365 + ⌈N/4⌉); "N년 넘게" one day more; "1년이 안 됐어요"/"1년 미만" one day short of
365 (under a year on any calendar); an explicit day count stays as said.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graphs.nlu import understand
from graphs.nlu.history import years_days
from graphs.nlu.spelling import corrected
from tests.graphs.nlu.helpers import TODAY, check

PERIODS: list[tuple[str, int]] = [
    ("10년 다녔는데 해고됐어요", 10 * 365 + 3),
    ("고용보험 5년 들었고 권고사직이에요", 5 * 365 + 2),
    ("고용보험은 5년 넘게 들었고 권고사직", 5 * 365 + 2 + 1),
    ("회사 3년 넘었는데 계약 끝났어요", 3 * 365 + 1 + 1),
    ("일년 반 일했고 권고사직 당했어요", 366 + 180),
    ("50세 이상인데 고용보험 든 지 1년이 안 됐으면 실업급여 며칠 받아요?", 364),
    ("고용보험 가입한 지 1년도 안 됐는데 잘렸어요", 364),
    ("고용보험 2년 미만인데 계약만료", 2 * 365 - 1),
    ("고용보험 가입일수가 딱 3650일이에요. 권고사직인데 실업급여 며칠 받아요?", 3650),
    ("피보험기간 3,650일이고 권고사직", 3650),
]


@pytest.mark.parametrize(("text", "days"), PERIODS, ids=[t for t, _ in PERIODS])
def test_years_are_calendar_years_and_day_counts_stay_days(text: str, days: int) -> None:
    assert understand(text, today=TODAY).profile.insured_period_days == days


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → 1 March
        return date(day.year + years, 3, 1)


@pytest.mark.parametrize("years", range(1, 13))
def test_n_years_is_at_least_n_and_under_n_plus_1_calendar_years_on_any_separation_date(years: int) -> None:
    days = years_days(years)
    for offset in range(0, 4 * 366, 7):  # separation dates over a whole leap cycle
        separation = date(2023, 1, 1) + timedelta(days=offset)
        end = separation + timedelta(days=1)
        start = end - timedelta(days=days)
        assert _add_years(start, years) <= end < _add_years(start, years + 1)


START_AND_SEPARATION: list[tuple[str, date, date]] = [
    ("작년 10월에 지금 회사 들어왔는데 이번 달에 권고사직이요. 42살이에요", date(2025, 10, 1), date(2026, 11, 1)),
    ("작년 3월에 호텔에 취직했는데 지난달 잘렸어요", date(2025, 3, 1), date(2026, 10, 1)),
    ("올해 3월에 새 직장으로 옮겼다가 지난주에 그만뒀어요", date(2026, 3, 1), date(2026, 11, 14)),
    ("2024년에 입사했고 지난달에 권고사직 당했어요", date(2024, 12, 31), date(2026, 10, 1)),
    ("재작년 7월 입사, 올해 10월 말에 계약만료로 퇴사했어요", date(2024, 7, 1), date(2026, 10, 31)),
]


@pytest.mark.parametrize(("text", "start", "separation"), START_AND_SEPARATION, ids=[t for t, _, _ in START_AND_SEPARATION])
def test_a_start_date_is_not_the_separation_date(text: str, start: date, separation: date) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.employment_start_date == start
    assert u.profile.separation_date == separation
    assert u.year == separation.year  # the figures of the separation year, not the start year


SUPPOSED = [
    "하루 3시간만 일하던 알바였는데 올해 그만뒀으면 실업급여 하한액은 얼마로 계산돼요?",
    "회사 그만두면 실업급여 받을 수 있어요?",
    "관두게 되면 실업급여 나와요?",
    "그만둬도 실업급여 돼요?",
    "지금 회사 그만둘 경우 실업급여 받을 수 있나요?",
]


@pytest.mark.parametrize("text", SUPPOSED)
def test_a_supposed_leaving_is_no_stated_reason(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility" and u.program == "unemployment_benefit"
    assert u.profile.separation_reason is None


def test_short_hours_floor_question_keeps_the_hours_and_no_reason() -> None:
    u = understand(SUPPOSED[0], today=TODAY)
    check(u, {"profile.daily_work_hours": 3.0, "profile.separation_year": 2026, "profile.separation_reason": None})
    assert "amount" in u.asks


@pytest.mark.parametrize("text", ["그만뒀어요 실업급여 돼요?", "자진퇴사했는데 실업급여 되나요", "사표 냈어요 실업급여 받을 수 있나요"])
def test_a_stated_leaving_is_still_voluntary(text: str) -> None:
    assert understand(text, today=TODAY).profile.separation_reason == "voluntary"


CONDITIONS_DIFFER = [
    "입사할 때는 월 250 준다더니 실제로는 석 달째 200만 줘서 그만뒀어요 실업급여 되나요",
    "면접 때 정규직이라더니 막상 들어가니 계약직이라 관뒀어요",
    "공고에는 주5일이라고 해놓고 주6일 시켜서 사표 냈어요 실업급여 되나요",
    "채용할 때 약속한 월급을 안 줘서 그만뒀어요",
]


@pytest.mark.parametrize("text", CONDITIONS_DIFFER)
def test_conditions_unlike_those_promised_at_hiring_are_a_just_cause(text: str) -> None:
    u = understand(text, today=TODAY)
    check(u, {"profile.separation_reason": "voluntary_justified", "profile.just_cause": "채용 시 조건과 다른 근로조건"})


def test_the_promised_pay_is_not_the_wage_received() -> None:
    u = understand(CONDITIONS_DIFFER[0], today=TODAY)
    assert u.profile.monthly_wage == 2_000_000


HOUSEHOLD: list[tuple[str, dict[str, Any]]] = [
    ("3인 가구이고 한 달 소득 합치면 400만원이에요. 국민취업지원제도 1유형 되나요?",
     {"profile.household_size": 3, "profile.household_income_monthly": 4_000_000}),
    ("4인 가족인데 월 소득 다 합하면 500 정도예요 국취 돼요?",
     {"profile.household_size": 4, "profile.household_income_monthly": 5_000_000}),
    ("2인 가구 소득은 월 300만원인데 국취 되나요",
     {"profile.household_size": 2, "profile.household_income_monthly": 3_000_000}),
    ("우리 집 소득 다 합쳐서 한 달 350이에요. 식구는 셋이고 국취 1유형 되나요",
     {"profile.household_size": 3, "profile.household_income_monthly": 3_500_000}),
]


@pytest.mark.parametrize(("text", "expected"), HOUSEHOLD, ids=[t for t, _ in HOUSEHOLD])
def test_household_size_and_income(text: str, expected: dict[str, Any]) -> None:
    check(understand(text, today=TODAY), expected)


WORK_2Y: list[tuple[str, dict[str, Any]]] = [
    ("국취 신청하려는데 저 40살이고 가구 중위소득 50%, 재산 2억, 최근 2년간 200일 일했어요. 구직촉진수당 얼마 받아요?",
     {"profile.work_experience_days_2y": 200, "profile.age": 40, "profile.household_assets": 200_000_000}),
    ("지난 2년 동안 800시간 근무했어요 국취 되나요", {"profile.work_experience_hours_2y": 800}),
    ("최근 이년 사이에 알바로 150일 정도 일했어요 국취 돼요?", {"profile.work_experience_days_2y": 150}),
]


@pytest.mark.parametrize(("text", "expected"), WORK_2Y, ids=[t for t, _ in WORK_2Y])
def test_work_experience_in_the_last_two_years(text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.program == "national_employment_support"
    check(u, expected)


REHIRED: list[tuple[str, bool]] = [
    ("조기재취업수당 받으려는데 전 회사는 아니고 새 회사에 들어갔어요", False),
    ("다른 회사에 재취업했어요 조기재취업수당 돼요?", False),
    ("예전 직장 말고 다른 데 취업했어요 조기재취업수당", False),
    ("전 직장에 다시 들어갔는데 조기재취업수당 받나요", True),
]


@pytest.mark.parametrize(("text", "value"), REHIRED, ids=[t for t, _ in REHIRED])
def test_rehired_by_the_previous_employer(text: str, value: bool) -> None:
    u = understand(text, today=TODAY)
    assert u.program == "early_reemployment"
    assert u.profile.rehired_by_previous_employer is value


@pytest.mark.parametrize("text", [
    "실업급여 받다가 일찍 취업하면 주는 돈이 있다던데 얼마나 돼요?",
    "실업급여 타다가 빨리 재취업하면 받는 돈 있어요?",
])
def test_a_described_program_is_named_for_the_search(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.program == "early_reemployment"
    assert "조기재취업수당" in u.search_text


MIN_WAGE: list[tuple[str, int | None, int | None]] = [
    ("최저시급 올해 얼마임ㅋㅋ 알바 사장이 9천원 준다는데", 2026, 9_000),
    ("올해 최저임금 얼마예요? 편의점 시급 9500원 받고 있어요", 2026, 9_500),
    ("최저시급 얼마에요 사장님이 시급 9천 준대요", None, 9_000),
    ("내년 최저시급 얼마예요?", 2027, None),
]


@pytest.mark.parametrize(("text", "year", "hourly"), MIN_WAGE, ids=[t for t, _, _ in MIN_WAGE])
def test_a_minimum_wage_question_is_a_rule_question_with_the_stated_pay(text: str, year: int | None, hourly: int | None) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "policy_qa"
    assert u.year == year
    assert u.stated_hourly_wage == hourly


def test_a_wished_hourly_pay_is_a_job_search_filter_not_a_stated_pay() -> None:
    u = understand("편의점 알바 시급 만원 이상", today=TODAY)
    assert u.route == "job_search" and u.stated_hourly_wage is None


SPELLING: list[tuple[str, str]] = [
    ("실업금여 신청 어케해요 첨이라 하나도 몰라요", "실업급여 신청 어떻게 해요 처음이라 하나도 몰라요"),
    ("짤렷는데 실급 얼마받아여", "잘렸는데 실업급여 얼마받나요"),
    ("실업급어 어캐 받아요", "실업급여 어떻게 받아요"),
    ("첨부 서류 뭐 내야 돼요", "첨부 서류 뭐 내야 돼요"),  # 첨부 is a word of its own
]


@pytest.mark.parametrize(("text", "fixed"), SPELLING, ids=[t for t, _ in SPELLING])
def test_typos_are_corrected_for_the_search(text: str, fixed: str) -> None:
    assert corrected(text) == fixed


@pytest.mark.parametrize("text", [
    "이분께 맞는 훈련과정 찾아주세요", "저한테 맞는 일자리 있을까요", "제 조건에 맞는 과정 있어요?", "이 분한테 맞춤 일자리 좀",
])
def test_a_search_for_the_person_has_no_words_of_its_own(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route in ("job_search", "training_search")
    assert u.for_the_person and u.query == ""


def test_a_search_with_its_own_words_is_not_for_the_remembered_person() -> None:
    assert not understand("서귀포 요양보호사 과정 찾아주세요", today=TODAY).for_the_person


@pytest.mark.parametrize(("text", "occupation"), [
    ("내담자: 45세 여성, 서귀포시 거주, 요양보호사로 일하고 싶어 함, 내일배움카드 보유", "요양보호사"),
    ("호텔 프런트에서 3년 일하다 계약 끝났어요", "호텔 프런트"),
])
def test_the_occupation_said_outside_a_search_is_kept(text: str, occupation: str) -> None:
    assert understand(text, today=TODAY).occupation == occupation


MILITARY: list[tuple[str, int, str]] = [
    ("저 36살이고 해병대 2년 복무했어요. 제주 회사에 정규직으로 들어갔는데 청년일자리도약장려금 청년 인센티브 되나요?", 24, "youth_job_leap"),
    ("공군 2년 다녀왔고 35살인데 청년도약장려금 대상이에요?", 24, "youth_job_leap"),
    ("의경 1년 9개월 복무, 서른여섯 도약장려금 돼요?", 21, "youth_job_leap"),
    ("서른일곱인데 군 복무를 3년 4개월 했어요. 국취에서 청년으로 인정돼요?", 40, "national_employment_support"),
]


@pytest.mark.parametrize(("text", "months", "program"), MILITARY, ids=[t for t, _, _ in MILITARY])
def test_military_service_for_youth_programs(text: str, months: int, program: str) -> None:
    u = understand(text, today=TODAY)
    assert u.program == program
    assert u.profile.military_service_months == months
    assert u.profile.insured_period_days is None  # service is not an insured period
