"""A counselor's thread: the facts of an earlier turn are screened, and a "자세히" button opens the full check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graphs.service import Assistant
from knowledge.base import KnowledgeBase


@pytest.fixture
def assistant(full_kb: KnowledgeBase) -> Iterator[Assistant]:
    from langgraph.checkpoint.memory import InMemorySaver

    yield Assistant(full_kb, checkpointer=InMemorySaver())


def test_screening_uses_the_threads_profile_and_details_go_to_eligibility(assistant: Assistant) -> None:
    first = assistant.ask("45세, 권고사직, 고용보험 8년, 월급 280만원, 4인 가구 월소득 300만원", role="counselor")
    res = assistant.ask("받을 수 있는 제도 한눈에 보여줘", role="counselor", thread_id=first.thread_id)
    assert res.route == "program_screening"
    assert "| 국민취업지원제도 Ⅱ유형 | ✅ 해당 |" in res.answer  # 300만 / 4인 → 46.2 % of 중위소득, 45세
    assert "| 구직급여(실업급여) | ❓ 확인 필요 |" in res.answer and "근거 조문" in res.answer
    assert res.answer.count("다음으로 여쭤볼 것") == 1
    detail = assistant.ask("구직급여 받을 수 있는지 자세히 알려줘", role="counselor", thread_id=first.thread_id)
    assert detail.route == "eligibility" and detail.eligibility[0]["program"] == "unemployment_benefit"


def test_a_citizen_without_facts_gets_the_question_both_types_need(assistant: Assistant) -> None:
    res = assistant.ask("제가 받을 수 있는 지원 제도가 뭐가 있어요?", role="citizen")
    assert res.route == "program_screening"
    assert "근거 조문" not in res.answer
    assert "| 국민내일배움카드 | ✅ 해당 |" in res.answer  # 국민 누구나, no exclusion known
    asked = res.answer.split("다음으로 여쭤볼 것", 1)[1].splitlines()[0]
    assert "나이" in asked or "소득" in asked
