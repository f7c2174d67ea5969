"""Eligibility answers as a person asks them (fresh threads through ``Assistant``): what is seen first."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from graphs.service import Assistant
from knowledge.base import KnowledgeBase

PASSAGE_HEADING = re.compile(r"^\*\*[^*\n]+ — [^*\n]+\*\*$", re.M)  # "**<document> — <section>**"


@pytest.fixture
def assistant(full_kb: KnowledgeBase) -> Iterator[Assistant]:
    from langgraph.checkpoint.memory import InMemorySaver

    yield Assistant(full_kb, checkpointer=InMemorySaver())


def test_a_citizens_bare_question_sees_what_decides_it_and_the_question_first(assistant: Assistant) -> None:
    res = assistant.ask("실업급여 받을 수 있나요?", role="citizen")
    assert res.route == "eligibility"
    assert res.answer.startswith("**구직급여를 받을 수 있는지 판단하려면")
    passage = PASSAGE_HEADING.search(res.answer)
    assert passage is not None  # the passage is still there, after the question
    assert res.answer.index("더 알아야 하는 조건") < res.answer.index("👉") < passage.start()


def test_a_general_question_is_answered_by_the_passage_first(assistant: Assistant) -> None:
    """"최대 며칠?" asks about the rule itself: the passage that states it answers first (like a policy question)."""
    res = assistant.ask("실업급여 최대 며칠 받아요?", role="citizen")
    assert res.route == "eligibility"
    passage = PASSAGE_HEADING.search(res.answer)
    assert passage is not None and passage.start() == 0


def test_a_person_in_work_is_told_no_benefit_now(assistant: Assistant) -> None:
    """고용보험법 제40조①2호: 구직급여 follows a separation."""
    res = assistant.ask("지금 회사 다니고 있는데 실업급여 받을 수 있나요?", role="citizen")
    assert res.answer.startswith("**알려주신 내용으로는 구직급여를 받을 수 없는 것으로 보여요 ❌")
    assert "제40조 제1항 제2호" in res.answer and "👉" not in res.answer


def test_the_asked_type_leads(assistant: Assistant) -> None:
    res = assistant.ask("국취 1유형 되나요?", role="citizen")
    assert res.answer.startswith("**국민취업지원제도 Ⅰ유형에 참여할 수 있")
