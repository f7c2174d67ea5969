"""The person's profile through the service: what the conversation filled, edits by the counselor (or the citizen,
their own), validated, stored in the thread and read by the next turn."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from graphs.service import Assistant, ProfileEditError
from knowledge.base import KnowledgeBase


@pytest.fixture
def assistant(full_kb: KnowledgeBase) -> Iterator[Assistant]:
    yield Assistant(full_kb, checkpointer=InMemorySaver())


def test_the_conversation_fills_the_profile(assistant: Assistant) -> None:
    assistant.ask("48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함",
                  role="counselor", thread_id="t1")
    view = assistant.profile("t1", "counselor")
    assert view["seeker"]["experience"] == [{"occupation": "회계 사무", "years": 12.0}]
    assert view["seeker"]["district"] == "연동" and view["seeker"]["weekends_off"] is True
    assert view["profile"]["age"] == 48


def test_an_edit_is_seen_by_the_next_turn(assistant: Assistant) -> None:
    assistant.ask("회계 사무 12년, 전산회계 1급, 제주시 연동 거주", role="counselor", thread_id="t2")
    assistant.update_profile("t2", "counselor", seeker={"desired_occupation": "회계 사무", "weekends_off": True,
                                                        "desired_monthly_wage": 2_500_000})
    result = assistant.ask("이분께 맞는 일자리 매칭해 줘", role="counselor", thread_id="t2")
    assert result.route == "job_matching"
    assert "주말 휴무: 필요" in result.answer and "250만원 이상" in result.answer
    assert "전산회계 1급" in result.answer  # what the conversation said is still there
    state = assistant.graph.get_state(assistant._config("counselor", "t2")).values
    assert len(state["memory"]["job_matching"]["matches"]) == 5


def test_an_invalid_edit_names_the_field_in_korean(assistant: Assistant) -> None:
    with pytest.raises(ProfileEditError, match="주 근무시간 상한"):
        assistant.update_profile("t3", "counselor", seeker={"max_weekly_hours": 200})
    with pytest.raises(ProfileEditError, match="나이"):
        assistant.update_profile("t3", "counselor", profile={"age": 300})
    assert assistant.profile("t3", "counselor") == {"seeker": {}, "profile": {}}


def test_a_citizen_edits_their_own_profile_but_not_staff_fields(assistant: Assistant) -> None:
    view = assistant.update_profile("t4", "citizen", seeker={"desired_occupation": "바리스타"}, profile={"age": 32})
    assert view == {"seeker": {"desired_occupation": "바리스타"}, "profile": {"age": 32}}
    with pytest.raises(ProfileEditError, match="상담사만"):
        assistant.update_profile("t4", "citizen", seeker={"desired_codes": ["532102"]})
    assistant.update_profile("t4", "counselor", seeker={"desired_codes": ["532102"]})
    assert "desired_codes" not in assistant.profile("t4", "citizen")["seeker"]
    assert assistant.profile("t4", "counselor")["seeker"]["desired_codes"] == ["532102"]


def test_a_phone_number_typed_into_the_panel_is_masked(assistant: Assistant) -> None:
    view = assistant.update_profile("t5", "counselor", seeker={"desired_occupation": "요양보호사 010-1234-5678"})
    assert "1234-5678" not in view["seeker"]["desired_occupation"]
