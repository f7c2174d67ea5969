"""청년일자리도약장려금: 2026 rules (Jeju = 비수도권) and the 2025 rules before 2026-01-26."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.graphs.eligibility.helpers import amount_value, run

YJL = "youth_job_leap"
EMPLOYER, YOUTH = f"{YJL}.employer", f"{YJL}.youth"

JEJU_HIRE: dict[str, Any] = {
    "region": "제주시",
    "employer_priority_support": True,
    "employer_insured_count": 5,
    "age": 28,
    "hired_full_time": True,
    "months_employed": 6,
}


def yjl(today: date = date(2026, 11, 21), **overrides: Any) -> Any:
    return run(YJL, today=today, **{**JEJU_HIRE, **overrides})


def side(result: Any, name: str) -> str:
    found = result.sub(name)
    assert found is not None
    return str(found.decision)


def test_jeju_employer_gets_600k_times_12() -> None:
    result = yjl()
    assert side(result, EMPLOYER) == "eligible"
    assert amount_value(result, "기업 지원금 월액") == 600_000
    assert amount_value(result, "기업 지원금 총액(최대)") == 600_000 * 12 == 7_200_000
    assert result.sub(EMPLOYER).reason("yjl.employer.region").passed is True  # type: ignore[union-attr]


@pytest.mark.parametrize(("count", "decision"), [(4, "ineligible"), (5, "eligible")])
def test_five_insured_boundary(count: int, decision: str) -> None:
    assert side(yjl(employer_insured_count=count), EMPLOYER) == decision


@pytest.mark.parametrize(
    ("age", "service", "decision"),
    [
        (34, None, "eligible"),
        (35, 0, "ineligible"),
        (35, None, "need_more_info"),
        (35, 24, "eligible"),  # "35살, 군대 2년" → 상한 34세 + 2년
        (38, None, "ineligible"),  # beyond 34 + 3 years whatever the service
    ],
)
def test_youth_age_34_plus_military_service(age: int, service: int | None, decision: str) -> None:
    result = yjl(age=age, military_service_months=service)
    assert side(result, EMPLOYER) == decision
    assert side(result, YOUTH) == decision
    if decision == "need_more_info":
        assert [m.field for m in result.missing] == ["military_service_months"]
    if service:
        # the extension cap for this program is not in a primary source → flagged with its note
        reason = result.sub(EMPLOYER).reason("yjl.employer.youth_age")  # type: ignore[union-attr]
        assert reason is not None and reason.confidence == "unverified"
        assert any("병역 연장 한도" in n for n in result.notes)


def test_retention_under_six_months_is_not_yet_paid() -> None:
    assert side(yjl(months_employed=5), EMPLOYER) == "ineligible"


def test_jeju_youth_gets_480_man_won_with_unverified_regional_note() -> None:
    result = yjl()
    assert side(result, YOUTH) == "eligible"
    assert amount_value(result, "청년 근속 인센티브(2년간 최대)") == 4_800_000
    assert any("제주" in n and "확인되지 않았습니다" in n for n in result.notes)
    assert any("1350" in n for n in result.notes)


@pytest.mark.parametrize(
    ("hard", "decision"), [(None, "need_more_info"), (False, "ineligible"), (True, "eligible")]
)
def test_capital_region_employer_needs_hard_to_employ_youth(hard: bool | None, decision: str) -> None:
    result = yjl(region="서울 강남구", hard_to_employ_youth=hard)
    assert side(result, EMPLOYER) == decision
    assert side(result, YOUTH) == "ineligible"  # the youth incentive is 비수도권 only
    if hard is None:
        assert [m.field for m in result.missing] == ["hard_to_employ_youth"]


def test_unknown_region_is_asked() -> None:
    result = yjl(region=None)
    assert result.decision == "need_more_info"
    assert "employer_capital_region" in [m.field for m in result.missing]


def test_before_2026_01_26_the_2025_rules_apply() -> None:
    result = yjl(today=date(2026, 1, 25))
    employer = result.sub(EMPLOYER)
    assert employer is not None and employer.decision == "need_more_info"
    assert [m.field for m in employer.missing] == ["hard_to_employ_youth"]  # 2025: 취업애로청년 everywhere
    assert side(result, YOUTH) == "need_more_info"  # 2025: 빈일자리 업종 only
    assert any("2025년" in n for n in result.notes)
    assert side(yjl(today=date(2026, 1, 25), hard_to_employ_youth=True), EMPLOYER) == "eligible"


def test_2026_rules_start_on_2026_01_26() -> None:
    assert side(yjl(today=date(2026, 1, 26)), EMPLOYER) == "eligible"


def test_date_before_any_rules_uses_earliest_with_a_warning() -> None:
    result = yjl(today=date(2024, 12, 1), hard_to_employ_youth=True)
    assert any("2024-12-01" in w and "확인되지 않아" in w for w in result.warnings)


def test_ineligible_employer_shows_no_subsidy_amount() -> None:
    result = yjl(employer_insured_count=4)
    assert result.decision == "ineligible"
    assert result.amounts == []
    reason = result.sub(EMPLOYER).reason("yjl.employer.min_insured")  # type: ignore[union-attr]
    assert reason is not None and "5명" in reason.text and "1명 부족" in reason.text
    assert "5명 이상이 되면" in reason.text  # what would change it
