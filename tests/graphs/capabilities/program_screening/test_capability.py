"""The chat face: which messages the screening takes, what it answers and remembers, where its buttons lead."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from graphs.blocks import TableBlock
from graphs.capabilities import registry
from graphs.capabilities.program_screening.capability import CAPABILITY, FOLLOW_UPS, claims, run
from graphs.capabilities.registry import CapabilityRequest
from graphs.nlu import understand

DAY = date(2026, 12, 1)
ROUTING_GOLD = Path(__file__).resolve().parents[4] / "evals" / "gold" / "routing.yaml"
P45 = {"age": 45, "separation_reason": "recommended_resignation", "insured_period_days": 2922,
       "monthly_wage": 2_800_000, "household_size": 4, "household_income_monthly": 3_000_000}


def _claimed(text: str) -> bool:
    return claims(text, understand(text, today=DAY))


@pytest.mark.parametrize("text", [
    "받을 수 있는 제도 한눈에 보여줘",
    "이분이 받을 수 있는 지원 다 확인해줘",
    "해당되는 제도 전부",
    "어떤 지원금 받을 수 있어요?",
    "무슨 지원 받을 수 있나요",
    "제가 받을 수 있는 지원 제도가 뭐가 있어요?",
    "실업급여 말고 다른 지원도 받을 수 있나요?",
])
def test_a_general_what_can_i_get_question_is_screened(text: str) -> None:
    assert _claimed(text)
    assert registry.claim(text, understand(text, today=DAY), "citizen") is CAPABILITY


def test_an_employers_what_can_we_get_question_goes_to_the_employer_subsidy_screening() -> None:
    """An employer's "all our subsidies" question is the employer desk's (every employer program, asked one fact at a
    time), not the seeker screening's employer view."""
    text = "우리 회사가 받을 수 있는 지원금 다 알려줘. 고용보험 가입 직원 7명"
    assert registry.claim(text, understand(text, today=DAY), "citizen") is registry.get("employer_subsidies")


@pytest.mark.parametrize("text", [
    "실업급여 받을 수 있어요?",
    "내일배움카드 받을 수 있는 지원 다 알려줘",
    "국민취업지원제도 대상인가요 중위소득 50%이고 재산 2억 정도예요",
    "육아휴직 급여 받을 수 있는 조건이 뭐가 있어요",
    "청년 지원 정책 뭐가 있어요",
    "요즘 제주 고용 동향 한눈에 보여줘",
    "45세, 권고사직, 고용보험 8년, 월급 280만원, 4인 가구 월소득 300만원",
])
def test_one_program_or_another_topic_is_not_screened(text: str) -> None:
    assert not _claimed(text)


def test_no_routing_gold_question_about_one_program_is_taken() -> None:
    """The routing gold's eligibility questions name one program: they stay the eligibility check."""
    items: list[dict[str, Any]] = yaml.safe_load(ROUTING_GOLD.read_text(encoding="utf-8"))["items"]
    named = [i["text"] for i in items if i.get("program")]
    assert len(named) > 40
    assert [t for t in named if _claimed(t)] == []


@pytest.mark.parametrize("follow", FOLLOW_UPS, ids=lambda f: f.label)
def test_each_detail_button_opens_that_programs_check(follow: Any) -> None:
    u = understand(follow.question, today=DAY)
    assert u.route == "eligibility" and u.program is not None
    assert follow.label.removeprefix("🔎 ").startswith(("구직급여", "조기재취업수당", "국민취업지원제도", "국민내일배움카드"))
    assert registry.claim(follow.question, u, "counselor") is None


def _request(role: str, profile: dict[str, Any], text: str = "받을 수 있는 제도 한눈에 보여줘") -> CapabilityRequest:
    return CapabilityRequest(text=text, role=role, today=DAY, kb=SimpleNamespace(), profile=profile)  # type: ignore[arg-type]


def test_counselors_see_the_article_column_citizens_do_not() -> None:
    staff = [b for b in run(_request("counselor", P45)).blocks if isinstance(b, TableBlock)][0]
    citizen = [b for b in run(_request("citizen", P45)).blocks if isinstance(b, TableBlock)][0]
    assert staff.columns[-1] == "근거 조문" and "근거 조문" not in citizen.columns
    assert len(staff.rows) == len(citizen.rows) == 5
    assert any("제40조" in str(r[-1]) or "제48조" in str(r[-1]) for r in staff.rows)


def test_the_answer_asks_one_next_question_and_offers_details() -> None:
    answer = run(_request("citizen", P45))
    text = answer.markdown()
    assert text.count("다음으로 여쭤볼 것") == 1
    assert "구직급여 받을 수 있는지 자세히 알려줘" in text
    assert text.startswith("⚠️")  # the unverified 취업성공수당 / card limit come first
    assert answer.citations and all(c.source for c in answer.citations)


def test_remember_follows_the_memory_contract() -> None:
    remembered = run(_request("counselor", P45)).remember
    assert remembered is not None
    programs = remembered["programs"]
    assert {tuple(sorted(p)) for p in programs} == {("amount", "decision", "line", "missing", "name", "program")}
    assert {p["decision"] for p in programs} <= {"eligible", "ineligible", "unknown"}
    ub = next(p for p in programs if p["program"] == "unemployment_benefit")
    assert ub["decision"] == "unknown" and ub["missing"] and ub["missing"][0].endswith("?")
    assert ub["line"].startswith("❓ 구직급여")
    card = next(p for p in programs if p["program"] == "learning_card")
    assert card["decision"] == "eligible" and "3,000,000원" in card["amount"] and card["missing"] == []


def test_an_employer_message_screens_employer_programs() -> None:
    boss = {"employer_insured_count": 7, "employer_priority_support": True, "region": "제주시"}
    remembered = run(_request("counselor", boss, "우리 회사가 받을 수 있는 지원금 다 알려줘")).remember
    assert remembered is not None
    assert [p["program"] for p in remembered["programs"]] == ["youth_job_leap.employer"]
