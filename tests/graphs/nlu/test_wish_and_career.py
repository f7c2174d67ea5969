"""What a counselor says about a seeker's wished pay and occupational years (user test rows 2, 3 and 5).

희망 임금 is the pay the seeker wants from a new job; the 구직급여 (고용보험법 제45조) is computed from the wage before
leaving, so a wish must never become ``profile.monthly_wage``. Years in an occupation (경력) or spent looking for work
are not the 피보험기간 of 제50조④ (the insured period of the job left), so they never become
``profile.insured_period_days``; only phrasings about 고용보험 / the company worked at do.
"""

from __future__ import annotations

import pytest

from graphs.nlu import understand
from graphs.nlu.seeker import update_seeker
from tests.graphs.nlu.helpers import TODAY

WISHED_PAY = [
    "희망 월급은 250 정도",
    "월 250 이상 희망",
    "월 250은 받고 싶대요",
    "52세 구직자, 조리사 경력 10년, 희망 월급은 250 정도",
    "원하는 급여는 월 250이에요",
]


@pytest.mark.parametrize("text", WISHED_PAY)
def test_a_wished_pay_is_not_the_wage_before_leaving(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.monthly_wage is None
    assert u.route != "eligibility"


@pytest.mark.parametrize("text", [*WISHED_PAY, "250은 받고 싶대요", "250 정도는 받고 싶어 하세요"])
def test_a_wished_pay_is_the_seekers_desired_wage(text: str) -> None:
    seeker = update_seeker({}, text, understand(text, today=TODAY))
    assert seeker.get("desired_monthly_wage") == 2_500_000


@pytest.mark.parametrize(("text", "wage"), [
    ("전 직장에서 월급 250 받았어요. 권고사직이에요", 2_500_000),
    ("월급 200 받다가 그만뒀어요. 희망 급여는 250", 2_000_000),
])
def test_the_wage_before_leaving_is_still_read(text: str, wage: int) -> None:
    assert understand(text, today=TODAY).profile.monthly_wage == wage


@pytest.mark.parametrize("text", [
    "경력 3년",
    "조리사 경력 10년",
    "요양보호사 자격 있고 경력 3년",
    "26살 남자 구직자요. 대학 졸업하고 1년째 구직중이에요",
    "우대사항에 호텔 경력 1년 추가해줘",
    "우대사항에 호텔 경력 1년 이상 추가해줘",
    "52세 구직자, 조리사 경력 10년, 희망 월급은 250 정도",
])
def test_career_and_job_hunting_years_are_not_insured_days(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.insured_period_days is None
    assert u.route != "eligibility"


@pytest.mark.parametrize(("text", "years"), [
    ("5년 다녔어요", 5),
    ("고용보험 4년", 4),
    ("회사 3년 근무하고 권고사직", 3),
    ("3년째 다니고 있어요", 3),
])
def test_insured_years_said_about_the_job_left(text: str, years: int) -> None:
    days = understand(text, today=TODAY).profile.insured_period_days
    assert days is not None and years * 365 <= days <= years * 365 + years


def test_the_career_years_stay_as_experience() -> None:
    text = "52세 구직자, 조리사 경력 10년, 희망 월급은 250 정도"
    seeker = update_seeker({}, text, understand(text, today=TODAY))
    assert seeker["experience"] == [{"occupation": "조리사", "years": 10.0}]


@pytest.mark.parametrize("text", ["60세 이상 직원은 8명이에요", "60세 이상 직원 8명 있는 회사", "청년 직원 3명 지원금"])
def test_a_group_count_is_not_the_company_size(text: str) -> None:
    assert understand(text, today=TODAY).profile.employer_insured_count is None


def test_the_company_size_is_still_read_next_to_a_group_count() -> None:
    assert understand("직원 40명 중 60세 이상 직원 8명", today=TODAY).profile.employer_insured_count == 40
