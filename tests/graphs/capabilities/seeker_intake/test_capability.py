"""The seeker intake: a counselor's description of the seeker is put in the profile and shown back (not answered
with a 구직급여 card); questions, requests and replies with eligibility facts stay with the other capabilities."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from graphs.capabilities import registry
from graphs.capabilities.registry import CapabilityRequest
from graphs.capabilities.seeker_intake.evaluate import evaluate, load_gold
from graphs.nlu import understand
from graphs.service import Assistant
from knowledge.base import KnowledgeBase
from tests.conftest import TODAY

GOLD = load_gold().claims
CAP = registry.get("seeker_intake")


def test_the_gold_has_enough_of_both_kinds() -> None:
    assert sum(c.claimed for c in GOLD) >= 15
    assert sum(not c.claimed for c in GOLD) >= 10


@pytest.mark.parametrize("item", GOLD, ids=lambda c: c.text[:24])
def test_the_router_gives_intakes_to_it_and_nothing_else(item: Any) -> None:
    u = understand(item.text, today=TODAY)
    claimed = registry.claim(item.text, u, "counselor")
    assert (claimed is CAP) == item.claimed, (item.text, claimed and claimed.name)
    assert registry.claim(item.text, u, "citizen") is not CAP  # counselors only


def test_the_evaluation_meets_its_threshold() -> None:
    result = evaluate(SimpleNamespace(today=TODAY))  # type: ignore[arg-type]
    assert result.metrics["seeker_intake.claim_accuracy"] == 1.0, result.failures


@pytest.mark.parametrize(("question", "name"), [
    (f.question, n) for f, n in zip(CAP.follow_ups, ("job_matching", "training_recommendation", "program_screening",
                                                     "activity_plan"), strict=True)])
def test_each_button_goes_to_its_capability(question: str, name: str) -> None:
    claimed = registry.claim(question, understand(question, today=TODAY), "counselor")
    assert claimed is not None and claimed.name == name


def request(text: str, seeker: dict[str, Any], profile: dict[str, Any]) -> CapabilityRequest:
    kb: Any = SimpleNamespace()
    return CapabilityRequest(text=text, role="counselor", today=TODAY, kb=kb, seeker=seeker, profile=profile,
                             understanding=understand(text, today=TODAY).model_dump(mode="json"))


def test_the_answer_lists_the_filled_fields_and_asks_for_the_wish() -> None:
    seeker = {"experience": [{"occupation": "회계 사무", "years": 12}], "certificates": ["전산회계 1급"],
              "district": "연동", "desired_monthly_wage": 2_500_000, "employment_types": ["정규직"],
              "weekends_off": True}
    text = "48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함"
    out = CAP.run(request(text, seeker, {"age": 48, "region": "연동"})).markdown()
    assert out.startswith("**프로필에 담았습니다.**")
    for line in ("- 나이: 48세", "- 경력: 회계 사무 12년", "- 자격증: 전산회계 1급", "- 거주지 (읍·면·동): 연동",
                 "- 희망 임금 (월): 250만원 이상", "- 주말 휴무: 필요"):
        assert line in out
    missing = out.split("**아직 모르는 것**", 1)[1]
    assert "희망 직종" in missing and "회계 사무" in missing  # matched by the longest 경력 meanwhile
    assert "거주지" not in missing and "구직급여" not in out


def test_nothing_is_missing_once_the_wish_and_home_are_known() -> None:
    seeker = {"desired_occupation": "요양보호사", "certificates": ["요양보호사"], "district": "애월읍"}
    out = CAP.run(request("이분 요양보호사로 일하고 싶어 하세요", seeker, {})).markdown()
    assert "- 희망 직종: 요양보호사" in out and "아직 모르는 것" not in out


@pytest.fixture
def assistant(full_kb: KnowledgeBase) -> Iterator[Assistant]:
    from langgraph.checkpoint.memory import InMemorySaver

    yield Assistant(full_kb, checkpointer=InMemorySaver())


def test_a_counselors_thread_records_then_matches(assistant: Assistant) -> None:
    first = assistant.ask("52세 여성, 요양보호사 자격 있고 경력 3년, 애월읍 거주", role="counselor")
    assert first.route == "seeker_intake"
    assert "프로필에 담았습니다" in first.answer and "구직급여" not in first.answer
    assert "- 자격증: 요양보호사" in first.answer
    res = assistant.ask("이분께 맞는 일자리 매칭해 줘", role="counselor", thread_id=first.thread_id)
    assert res.route == "job_matching" and "애월" in res.answer
