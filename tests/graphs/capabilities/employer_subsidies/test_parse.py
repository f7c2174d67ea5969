"""Employer facts from how employers talk at the desk or in the public chat (written from the way owners of Jeju
shops, hotels and factories describe themselves, not from the parser's output)."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.capabilities.employer_subsidies.chat import EXAMPLES
from graphs.capabilities.employer_subsidies.parse import merge_facts, parse_facts, valid_facts
from graphs.capabilities.employer_subsidies.ruleset import fact_paths


def _get(facts: dict[str, Any], path: str) -> Any:
    head, _, rest = path.partition(".")
    value = facts.get(head)
    return value.get(rest) if rest and isinstance(value, dict) else value


@pytest.mark.parametrize(("text", "expected"), [
    ("직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?",
     {"employees": 25, "insured_count": 25, "industry": "제조업", "youth.full_time": True}),
    ("서귀포에서 펜션 하는데 고용보험 든 직원은 4명이에요", {"industry": "숙박업", "insured_count": 4, "region": "서귀포시"}),
    ("우리는 중소기업이고 애월에서 카페 해요", {"priority_support": True, "industry": "음식점업"}),
    ("대기업 계열사라서 우선지원대상은 아니에요", {"priority_support": False}),
    ("29살 청년을 계약직으로 뽑았어요", {"youth.age": 29, "youth.full_time": False}),
    ("채용한 청년이 입사한 지 7개월 됐어요", {"youth.months_employed": 7}),
    ("서울 본사 회사인데 취업애로청년은 아니에요", {"region": "서울", "youth.hard_to_employ": False}),
    ("직원이 육아휴직을 6개월 썼고 대체인력을 뽑았어요, 아기는 생후 5개월이에요",
     {"parental.kind": "육아휴직", "parental.days": 180, "parental.consecutive_months": 6,
      "parental.replacement_hired": True, "parental.child_age_months": 5}),
    ("남직원이 육아기 근로시간 단축을 90일 신청해서 허용했어요",
     {"parental.kind": "근로시간단축", "parental.days": 90, "parental.male": True}),
    ("정년 60세 제도를 3년째 운영 중인데 정년을 65세로 연장하려고 해요",
     {"senior.retirement_age_system": True, "senior.system_years": 3, "senior.measure": "정년연장"}),
    ("중증장애인 한 분을 채용했고 채용 전에 구직등록 하셨어요", {"hire.group": "중증장애인", "hire.registered": True}),
    ("국민취업지원제도 수료한 45세 분을 채용했어요", {"hire.group": "취업지원프로그램 이수자", "hire.age": 45}),
])
def test_employer_talk(text: str, expected: dict[str, Any]) -> None:
    facts = parse_facts(text)
    for path, value in expected.items():
        assert _get(facts, path) == value, (text, path, facts)
    valid_facts(facts)  # every parsed fact is a valid EmployerFacts value


@pytest.mark.parametrize("text", ["안녕하세요", "실업급여 얼마 받아요?", "지원금 뭐 있어요?"])
def test_no_facts_invented(text: str) -> None:
    assert parse_facts(text) == {}


def test_a_company_name_is_not_an_industry_and_size_is_not_priority_support() -> None:
    facts = parse_facts("직원 80명 회사예요")
    assert facts.get("priority_support") is None  # decided by 업종 × 규모 (시행령 제12조): asked, not guessed
    assert "industry" not in parse_facts("우선지원대상기업이에요")


@pytest.mark.parametrize("path", sorted(EXAMPLES))
def test_every_answer_example_is_read_as_its_fact(path: str) -> None:
    """The next question shows an example reply; that reply must give the asked fact."""
    assert path in fact_paths() or path == "capital_region"
    facts = parse_facts(EXAMPLES[path])
    target = "region" if path == "capital_region" else path
    assert _get(facts, target) is not None, (path, EXAMPLES[path], facts)


def test_merge_keeps_earlier_facts_and_new_values_win() -> None:
    known = {"employees": 25, "youth": {"full_time": True}, "priority_support": None}
    merged = merge_facts(known, {"youth": {"age": 27}, "priority_support": True})
    assert merged == {"employees": 25, "youth": {"full_time": True, "age": 27}, "priority_support": True}
    assert known["youth"] == {"full_time": True}  # the stored facts are not changed in place


def test_an_invalid_value_is_dropped_not_fatal() -> None:
    facts = valid_facts({"employees": 12, "youth": {"age": 300}})
    assert facts.employees == 12 and facts.youth is None


@pytest.mark.parametrize("text", ["60세 이상 직원은 8명이에요", "청년 직원 3명 있어요", "육아휴직 쓴 직원 1명 있어요"])
def test_a_count_of_one_group_is_not_the_headcount(text: str) -> None:
    facts = parse_facts(text)
    assert "employees" not in facts and "insured_count" not in facts


def test_a_group_count_keeps_the_known_headcount() -> None:
    known = parse_facts("직원 40명 호텔이에요")
    merged = merge_facts(known, parse_facts("60세 이상 직원은 8명이에요"))
    assert merged["employees"] == 40 and merged["insured_count"] == 40


def test_the_senior_share_from_counts_said_together() -> None:
    # 8 of 40 are 60세 이상 → 20 % (고령자 계속고용장려금 30 % limit, facts §4.3)
    facts = parse_facts("직원 40명 중 60세 이상 직원이 8명이에요")
    assert facts["employees"] == 40 and facts["senior"]["senior_ratio_percent"] == 20.0
