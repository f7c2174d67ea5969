""""퇴사한 지 N개월" is the separation date (today − N months), never an insured period; a plain "일한 적 없어요"
is no 피보험 단위기간 at all (고용보험법 제40조①1호·②). Today is 2026-11-21 (helpers.TODAY)."""

from __future__ import annotations

from datetime import date

import pytest

from graphs.nlu import understand
from tests.graphs.nlu.helpers import TODAY


@pytest.mark.parametrize(
    ("text", "separation"),
    [
        ("퇴사한지 13개월 됐는데 실업급여 신청 가능?", date(2025, 10, 21)),
        ("퇴사한 지 3개월 됐어요 실업급여 받을 수 있나요", date(2026, 8, 21)),
        ("그만둔 지 1년 2개월 지났는데 실업급여 되나요", date(2025, 9, 21)),
        ("관둔지 8달 됐어요 실업급여", date(2026, 3, 21)),
        ("5개월 전에 퇴사했는데 실업급여 받을 수 있어요?", date(2026, 6, 21)),
    ],
)
def test_time_since_leaving_is_the_separation_date(text: str, separation: date) -> None:
    u = understand(text, today=TODAY)
    assert u.profile.separation_date == separation
    assert u.profile.insured_period_days is None


def test_a_job_length_stays_an_insured_period() -> None:
    u = understand("회사 3년 다니다 퇴사한 지 2개월 됐어요 실업급여", today=TODAY)
    days = u.profile.insured_period_days
    assert days is not None and 3 * 365 <= days <= 3 * 365 + 1  # three years, a leap day or not
    assert u.profile.separation_date == date(2026, 9, 21)


@pytest.mark.parametrize(
    "text",
    ["일한 적 없어요 실업급여 받을 수 있나요", "경력은 없고 웹개발 배우고 싶어요", "고용보험 가입한 적 없어요"],
)
def test_no_insured_work_is_zero_unit_days(text: str) -> None:
    assert understand(text, today=TODAY).profile.unit_period_days == 0


@pytest.mark.parametrize("text", ["신입 구해요 경력 없어도 돼요", "경력 없이 지원 가능한 일자리", "조리사 경력 3년"])
def test_no_statement_about_the_person_leaves_the_unit_period_open(text: str) -> None:
    assert understand(text, today=TODAY).profile.unit_period_days is None
