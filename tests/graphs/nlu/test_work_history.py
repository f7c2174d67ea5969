"""Issue 10 understanding classes, each with several ways people say it (today = 2026-11-21).

* 자진퇴사 with a 정당한 사유 said in the same message (고용보험법 시행규칙 제101조② 별표2, policy-facts §1.4).
* A job's start date is not its separation date ("작년 3월부터 다녔고", "2024년에 입사").
* The job before this one, for 고용보험법 제50조④ (policy-facts §12): its period, whether 구직급여 was paid on it, the
  gap before this job.
* 병역 months (the youth age ceiling is extended by actual service, policy-facts §12).
* 조기재취업수당 facts: days from the claim to the new job, 소정급여일수 total and remaining, expected employment.
* Rule questions that mention a separation word are not a 구직급여 check ("정년은 법적으로 몇 살?").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.nlu import understand
from tests.graphs.nlu.helpers import TODAY, check

JUST_CAUSE: list[tuple[str, str]] = [
    ("월급이 2개월 밀려서 자진퇴사했는데 실업급여 받을 수 있나요", "임금체불 2개월"),
    ("사장님이 월급을 석 달째 안 줘서 때려쳤어요 실업급여 되나요", "임금체불 3개월"),
    ("임금체불 때문에 사표 냈어요", "임금체불"),
    ("급여가 두 달 넘게 안 나와서 그만뒀습니다", "임금체불 2개월"),
    ("통근 왕복 3시간이라 그만뒀어요 실업급여 되나요", "통근 왕복 3시간 이상"),
    ("회사가 서귀포에서 외도동으로 옮겨가서 출퇴근이 왕복 세 시간 넘게 걸려요 그래서 관뒀어요", "통근 왕복 3시간 이상"),
    ("출퇴근 편도 1시간 반이라 자진퇴사 했어요", "통근 왕복 3시간 이상"),
    ("사업장이 이전해서 출퇴근이 너무 멀어져서 그만뒀어요", "사업장 이전·전근 등으로 통근 곤란"),
    ("직장 내 괴롭힘 때문에 자진퇴사했어요", "직장 내 괴롭힘"),
    ("팀장 갑질이 너무 심해서 나왔어요 실업급여 신청 가능해요?", "직장 내 괴롭힘"),
    ("직장 상사한테 성희롱 당해서 퇴사했습니다", "직장 내 성희롱"),
    ("회사가 폐업 예정이라 먼저 나왔어요 실업급여 가능?", "사업장 폐업·도산 예정"),
    ("가게가 다음달에 문 닫는다고 해서 미리 그만뒀는데 실업급여 나와요?", "사업장 폐업·도산 예정"),
    ("최저임금도 못 받고 일하다가 그만뒀어요", "최저임금 미달"),
    ("석 달 동안 최저임금보다 적게 받다가 그만뒀어요", "최저임금 미달"),
    ("허리를 다쳐서 그만뒀는데 실업급여 받을 수 있나요", "본인 질병·부상"),
    ("어머니 간병 때문에 휴직 신청했는데 안 된대서 퇴사했어요", "가족 간병"),
    ("임신해서 휴직도 안 된다고 해서 그만뒀어요", "임신·출산·육아"),
    ("입사할 때 약속한 조건이랑 너무 달라서 자진퇴사했어요", "채용 시 조건과 다른 근로조건"),
]


@pytest.mark.parametrize(("text", "label"), JUST_CAUSE, ids=[t for t, _ in JUST_CAUSE])
def test_voluntary_leaving_with_a_stated_just_cause(text: str, label: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility" and u.program == "unemployment_benefit"
    assert u.profile.separation_reason == "voluntary_justified"
    assert u.profile.just_cause == label
    assert u.profile.insured_period_days is None  # "2개월", "석 달" are the arrears, not an insured period


@pytest.mark.parametrize(
    "text",
    [
        "자진퇴사했는데 실업급여 되나요",
        "그냥 개인 사정으로 그만뒀어요 실업급여 받을 수 있나요",
        "통근 왕복 2시간이라 그만뒀어요 실업급여 되나요",  # under the 3-hour threshold
        "임금체불은 없었고 그냥 쉬고 싶어서 관뒀어요 실업급여 되나요",
    ],
)
def test_voluntary_leaving_without_a_cause_stays_voluntary(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.separation_reason == "voluntary"
    assert u.profile.just_cause is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("경영 악화로 권고사직 당했는데 월급도 두 달 밀렸었어요", "recommended_resignation"),
        ("회사 폐업해서 그만뒀어요", "business_closure"),
        ("계약 끝나서 나왔어요 엄마 간병도 해야 되고요", "contract_end"),
    ],
)
def test_an_involuntary_reason_is_kept(text: str, reason: str) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.separation_reason == reason and u.profile.just_cause is None


START_DATES: list[tuple[str, dict[str, Any]]] = [
    (
        "작년 3월부터 다녔고 이번달에 권고사직 당했어요 실업급여 얼마",
        {"profile.employment_start_date": date(2025, 3, 1), "profile.separation_date": date(2026, 11, 1)},
    ),
    (
        "2024년에 입사해서 올해 9월에 계약만료로 나왔어요",
        {"profile.employment_start_date": date(2024, 12, 31), "profile.separation_date": date(2026, 9, 1)},
    ),
    (
        "2023.5월 입사해서 지난달 퇴사했어요",
        {"profile.employment_start_date": date(2023, 5, 1), "profile.separation_date": date(2026, 10, 1)},
    ),
    (
        "입사는 2025년 1월이고 퇴사는 2026년 10월 31일이에요 계약 끝나서요",
        {"profile.employment_start_date": date(2025, 1, 1), "profile.separation_date": date(2026, 10, 31)},
    ),
    (
        "재작년 여름에 입사했는데 지난주에 잘렸어요 실업급여 신청 돼요?",
        {"profile.employment_start_date": date(2024, 8, 31), "profile.separation_date": date(2026, 11, 14)},
    ),
    (
        "20년에 입사해서 다니다가 어제 해고됐어요",
        {"profile.employment_start_date": date(2020, 12, 31), "profile.separation_date": date(2026, 11, 20)},
    ),
    # the start alone: no separation date is made up from it (the year asked about is not the start year either)
    (
        "2019년부터 일한 호텔에서 경영악화로 권고사직 받았어요 실업급여 며칠 나와요",
        {"profile.employment_start_date": date(2019, 12, 31), "profile.separation_date": None,
         "profile.separation_year": None, "year": None},
    ),
    (
        "3월부터 일했는데 권고사직이래요",
        {"profile.employment_start_date": date(2026, 3, 1), "profile.separation_date": None},
    ),
]


@pytest.mark.parametrize(("text", "expected"), START_DATES, ids=[t for t, _ in START_DATES])
def test_a_start_date_is_not_the_separation_date(text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility"
    check(u, expected)


def test_a_start_date_answers_nothing_about_separation_when_asked_for_it() -> None:
    u = understand("작년 3월에 입사했고 지난달 말에 그만뒀어요", today=TODAY, expecting="separation_date")
    assert u.profile.employment_start_date == date(2025, 3, 1)
    assert u.profile.separation_date == date(2026, 10, 31)  # "말" = the month's last day


PRIOR: list[tuple[str, dict[str, Any]]] = [
    (
        "5년 다니고 실업급여 받았고, 이번 회사 1년 다녔어요 40세 실업급여 며칠?",
        {"profile.prior_insured_days": 1827, "profile.prior_benefit_paid": True, "profile.insured_period_days": 366,
         "profile.age": 40},
    ),
    (
        "전 직장 3년 (실업급여 안 받음), 6개월 쉬고 지금 회사 2년 다니다 권고사직",
        {"profile.prior_insured_days": 1096, "profile.prior_benefit_paid": False, "profile.prior_gap_days": 180,
         "profile.insured_period_days": 731},
    ),
    (
        "예전 회사에서 4년 일했는데 실업급여는 안 탔고 1년 쉬다가 지금 직장에서 2년 반 일했어요",
        {"profile.prior_insured_days": 1461, "profile.prior_benefit_paid": False, "profile.prior_gap_days": 366,
         "profile.insured_period_days": 911},
    ),
    (
        "첫 직장 7년 다니고 나와서 구직급여 다 받았어요. 새 직장은 8개월 다니고 계약만료예요",
        {"profile.prior_insured_days": 2557, "profile.prior_benefit_paid": True, "profile.insured_period_days": 240},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRIOR, ids=[t for t, _ in PRIOR])
def test_prior_insured_period_for_article_50_4(text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility" and u.program == "unemployment_benefit"
    check(u, expected)


def test_one_job_only_has_no_prior_period() -> None:
    u = understand("고용보험 4년 들었고 권고사직으로 나왔어요", today=TODAY)
    assert u.profile.insured_period_days == 1461  # 4 calendar years (별표1): 4 × 365 + 1
    assert u.profile.prior_insured_days is None and u.profile.prior_benefit_paid is None


MILITARY: list[tuple[str, int | None]] = [
    ("35살 군대 2년 다녀왔는데 국취 되나요", 24),
    ("군 복무 21개월 했고 34살이에요 국민취업지원제도", 21),
    ("병역 마침(육군 18개월) 36세 국취 청년 되나요", 18),
    ("36살 군필(21개월)인데 청년도약장려금 대상 되나요?", 21),
    ("1년 9개월 복무하고 전역했어요 35살인데 국취 되나요", 21),
    ("사회복무요원으로 21개월 했어요 국취 청년 되나요 35세", 21),
    ("현역 제대했어요 35살 국취", None),
    ("군필이고 35살인데 국민취업지원제도 청년 되나요", None),
]


@pytest.mark.parametrize(("text", "months"), MILITARY, ids=[t for t, _ in MILITARY])
def test_military_service_months(text: str, months: int | None) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.military_service_months == months
    assert u.profile.insured_period_days is None  # "군대 2년" is not an insured period
    assert u.profile.age is not None and u.profile.age >= 34  # the service does not change the age


REEMPLOYMENT: list[tuple[str, dict[str, Any]]] = [
    ("실업신고 30일 뒤에 취업했어요 조기재취업수당 되나요", {"profile.days_from_claim_to_reemployment": 30}),
    ("수급자격 인정받고 2주 만에 재취업했는데 조기재취업수당", {"profile.days_from_claim_to_reemployment": 14}),
    ("150일 중 100일 남았고 재취업했어요 조기재취업수당",
     {"profile.total_benefit_days": 150, "profile.remaining_benefit_days": 100}),
    ("조기재취업수당 받을수있어요? 실업급여 120일 중에 80일 남았어요",
     {"profile.total_benefit_days": 120, "profile.remaining_benefit_days": 80}),
    ("소정급여일수 180일 중 60일 받았어요 조기재취업수당 얼마",
     {"profile.total_benefit_days": 180, "profile.remaining_benefit_days": 120}),
    ("12개월 넘게 일할 예정이에요 조기재취업수당 받을수있나", {"profile.expected_employment_months": 12}),
    ("새 회사 근로계약 기간은 1년이에요 조기재취업수당 되나요", {"profile.expected_employment_months": 12}),
]


@pytest.mark.parametrize(("text", "expected"), REEMPLOYMENT, ids=[t for t, _ in REEMPLOYMENT])
def test_early_reemployment_facts(text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility" and u.program == "early_reemployment"
    check(u, expected)
    assert u.profile.insured_period_days is None


@pytest.mark.parametrize(
    "text",
    [
        "정년은 법적으로 몇 살?",
        "정년이 몇 살이에요?",
        "정년 나이 법정 기준이 어떻게 돼요",
        "실업급여 자진퇴사 정당한 사유에 어떤 게 있어요",
        "권고사직이랑 해고 차이가 뭐예요?",
    ],
)
def test_rule_questions_with_a_separation_word_are_policy_questions(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "policy_qa"
    assert u.profile.separation_reason is None


def test_a_retirement_stated_as_fact_is_still_the_reason() -> None:
    u = understand("작년에 정년퇴직했어요 실업급여 받을 수 있나요", today=TODAY)
    assert u.route == "eligibility" and u.profile.separation_reason == "retirement_age"
