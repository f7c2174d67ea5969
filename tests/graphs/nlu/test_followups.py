"""Bare replies to the assistant's own question (``expecting``): the slot is filled and the route is eligibility."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.nlu import understand
from tests.graphs.nlu.helpers import TODAY

# years are calendar years (고용보험법 별표1): "N년" = the most days N calendar years span, N × 365 + ⌈N/4⌉
REPLIES: list[tuple[str, str, Any]] = [
    ("45살이요", "age", 45),
    ("마흔다섯", "age", 45),
    ("95년생이요", "age", 31),
    ("만 45세입니다", "age", 45),
    ("서른둘", "age", 32),
    ("4년", "insured_period_days", 1461),
    ("1년 6개월이요", "insured_period_days", 546),
    ("한 3년 정도요", "insured_period_days", 1096),
    ("3", "insured_period_days", 1096),
    ("150일", "insured_period_days", 150),
    ("180일이요", "unit_period_days", 180),
    ("권고사직이요", "separation_reason", "recommended_resignation"),
    ("계약 끝나서요", "separation_reason", "contract_end"),
    ("짤렸어요", "separation_reason", "dismissal"),
    ("회사 사정으로요", "separation_reason", "recommended_resignation"),
    ("제가 그만뒀어요", "separation_reason", "voluntary"),
    ("3월이요", "separation_date", date(2026, 3, 1)),
    ("작년 12월", "separation_date", date(2025, 12, 1)),
    ("지난달", "separation_date", date(2026, 10, 1)),
    ("2025.6.30", "separation_date", date(2025, 6, 30)),
    ("2025년", "separation_year", 2025),
    ("네 장애 있어요", "disabled", True),
    ("아니요 없어요", "disabled", False),
    ("장애는 없어요", "disabled", False),
    ("네", "reemployed", True),
    ("아직이요", "reemployed", False),
    ("4명이요", "household_size", 4),
    ("혼자 살아요", "household_size", 1),
    ("네 식구요", "household_size", 4),
    ("50%", "household_income_pct", 50.0),
    ("300", "monthly_wage", 3_000_000),
    ("250만원 정도요", "monthly_wage", 2_500_000),
    ("2백5십만", "monthly_wage", 2_500_000),
    ("월 280 받았어요", "monthly_wage", 2_800_000),
    ("400", "household_income_monthly", 4_000_000),
    ("3억", "household_assets", 300_000_000),
    ("4억5천이요", "household_assets", 450_000_000),
    ("8시간", "daily_work_hours", 8.0),
    ("애월이요", "region", "애월읍"),
    ("서귀포 살아요", "region", "서귀포시"),
    ("10명", "employer_insured_count", 10),
    ("12개월", "months_employed", 12),
    ("1년", "months_employed", 12),
]


@pytest.mark.parametrize(("text", "field", "value"), REPLIES, ids=[f"{f}:{t}" for t, f, _ in REPLIES])
def test_bare_reply_fills_the_expected_slot(text: str, field: str, value: Any) -> None:
    u = understand(text, today=TODAY, expecting=field)
    assert u.route == "eligibility"
    assert getattr(u.profile, field) == value
    assert u.confidence >= 0.9


def test_unknown_answer_stays_in_eligibility_with_low_confidence() -> None:
    u = understand("잘 모르겠어요", today=TODAY, expecting="age")
    assert u.route == "eligibility"
    assert u.profile.age is None
    assert u.confidence < 0.9


def test_a_new_request_is_not_forced_into_the_slot() -> None:
    u = understand("아 됐고 애월 알바나 찾아줘", today=TODAY, expecting="age")
    assert u.route == "job_search"
    assert u.job_filters.district == "애월읍"
    assert u.profile.age is None


def test_crisis_beats_expecting() -> None:
    assert understand("죽고싶다", today=TODAY, expecting="age").route == "crisis"


def test_reply_with_more_facts_keeps_them_all() -> None:
    u = understand("45살이고 작년에 잘렸어요", today=TODAY, expecting="age")
    assert u.route == "eligibility"
    assert u.profile.age == 45
    assert u.profile.separation_reason == "dismissal"
    assert u.profile.separation_year == 2025


def test_bare_number_is_not_read_without_expecting() -> None:
    u = understand("300", today=TODAY)
    assert u.profile.monthly_wage is None
    assert u.job_filters.min_monthly_pay is None


def test_unknown_expecting_field_is_harmless() -> None:
    u = understand("45살이요", today=TODAY, expecting="no_such_field")
    assert u.route == "eligibility"
    assert u.profile.age == 45
