"""The agent end to end through ``Assistant`` (the CLI's and UI's entry point), with and without an LLM."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from graphs.service import Assistant
from knowledge.base import KnowledgeBase

ACCEPTANCE = "2026년 3월에 권고사직했어요. 45세, 고용보험 4년, 월급 300만원이었는데 실업급여 하루 얼마, 며칠 받아요?"


class ToolCallingFake(GenericFakeChatModel):
    """A fake chat model that accepts ``bind_tools`` (the scripted messages decide the tool calls)."""

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ToolCallingFake:  # type: ignore[override]
        return self


class BrokenModel(ToolCallingFake):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("endpoint refused the connection")


RELEASE = threading.Event()


class HangingModel(ToolCallingFake):
    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        RELEASE.wait(120)  # an endpoint that never answers (released when the test ends)
        raise ConnectionError("released")


@pytest.fixture
def assistant(full_kb: KnowledgeBase, tmp_path: Any) -> Iterator[Assistant]:
    from langgraph.checkpoint.memory import InMemorySaver

    yield Assistant(full_kb, checkpointer=InMemorySaver())


def _llm_assistant(kb: KnowledgeBase, messages: list[AIMessage]) -> Assistant:
    from langgraph.checkpoint.memory import InMemorySaver

    return Assistant(kb, llm=ToolCallingFake(messages=iter(messages)), checkpointer=InMemorySaver())


def test_acceptance_question_without_llm(assistant: Assistant) -> None:
    res = assistant.ask(ACCEPTANCE, role="citizen")
    assert res.route == "eligibility"
    assert "66,048원" in res.answer and "180일" in res.answer
    assert res.eligibility[0]["decision"] == "eligible"
    amounts = {a["name"]: a["value"] for a in res.eligibility[0]["amounts"]}
    assert amounts["구직급여일액"] == 66_048 and amounts["소정급여일수"] == 180
    assert any("제46조" in c.source for c in res.citations)
    assert not res.follow_up and not res.used_llm


def test_counselor_sees_formula_and_articles(assistant: Assistant) -> None:
    res = assistant.ask(ACCEPTANCE, role="counselor")
    assert "계산:" in res.answer and "제46조" in res.answer and "상담 팁" in res.answer


@pytest.mark.parametrize("date_reply", ["2026년 3월 31일이요", "2026년 3월 31일에 그만뒀어요"])
def test_missing_facts_are_asked_one_at_a_time_and_remembered(assistant: Assistant, date_reply: str) -> None:
    thread = f"t-follow-{len(date_reply)}"
    first = assistant.ask("실업급여 받을 수 있나요?", thread_id=thread)
    assert first.follow_up and first.route == "eligibility"
    assert first.answer.count("👉") == 1
    replies = {
        "separation_reason": "권고사직이요",
        "age": "45살이에요",
        "insured_period_days": "4년 다녔어요",
        # "그만뒀어요" only says the person left: it must not undo the 권고사직 stated before
        "separation_date": date_reply,
        "monthly_wage": "월급 300만원이었어요",
    }
    res = first
    for _ in range(8):
        if not res.follow_up:
            break
        # the one question in the answer is one of the listed missing facts: answer it as a citizen would
        asked = next(m["field"] for m in res.eligibility[0]["missing"] if m["question"] in res.answer)
        res = assistant.ask(replies[asked], thread_id=thread)
    assert not res.follow_up
    assert res.eligibility[0]["decision"] == "eligible"
    amounts = {a["name"]: a["value"] for a in res.eligibility[0]["amounts"]}
    assert amounts["구직급여일액"] == 66_048 and amounts["소정급여일수"] == 180
    assert "66,048원" in res.answer and "180일" in res.answer


def test_explicit_voluntary_resignation_replaces_an_earlier_reason(assistant: Assistant) -> None:
    assistant.ask("권고사직으로 나왔는데 실업급여 받을 수 있어요?", thread_id="t-reason")
    res = assistant.ask("아 사실은 자진퇴사였어요", thread_id="t-reason")
    assert res.eligibility and res.eligibility[0]["decision"] == "ineligible"


def test_crisis_gets_109_at_once(assistant: Assistant) -> None:
    res = assistant.ask("일자리도 없고 다 포기하고 죽고 싶어요")
    assert res.route == "crisis" and "109" in res.answer and not res.tool_calls


def test_out_of_scope_points_to_1350(assistant: Assistant) -> None:
    res = assistant.ask("내일 비트코인 오를까요?")
    assert res.route == "out_of_scope" and "1350" in res.answer


def test_job_search_respects_region_filter(assistant: Assistant) -> None:
    res = assistant.ask("서귀포 호텔 프런트 일자리 있어요?", role="counselor")
    assert res.route == "job_search" and res.jobs
    assert all(j.region == "서귀포시" for j in res.jobs)
    assert "예시 데이터" in res.answer


def test_refinement_keeps_job_words(assistant: Assistant) -> None:
    assistant.ask("호텔 프런트 일자리", thread_id="t-refine")
    res = assistant.ask("서귀포시만 보여줘", thread_id="t-refine")
    assert res.route == "job_search" and res.jobs
    assert all(j.region == "서귀포시" for j in res.jobs)
    assert res.tool_calls[0].args["query"]


def test_policy_question_cites_year(assistant: Assistant) -> None:
    res = assistant.ask("2025년 실업급여 상한액이 얼마였어요?")
    assert res.citations
    assert "66,000" in res.answer
    assert "68,100" not in res.answer.split("2026")[0] or "2025" in res.answer


def test_empty_input_is_explained(assistant: Assistant) -> None:
    res = assistant.ask("   ")
    assert res.route == "empty" and "질문을 입력" in res.answer


# ---- LLM path (fake chat models, no network) --------------------------------------------------------------------
def test_llm_calls_tool_then_answers_with_supported_numbers(full_kb: KnowledgeBase) -> None:
    call = AIMessage(
        content="",
        tool_calls=[{"name": "check_eligibility", "id": "c1", "args": {
            "program": "unemployment_benefit",
            "profile": {"age": 45, "insured_period_days": 1460, "separation_reason": "recommended_resignation",
                        "separation_date": "2026-03-01", "monthly_wage": 3000000}}}],
    )
    final = AIMessage(content="2026년 기준 하루 66,048원씩 180일 받을 수 있어요 (고용보험법 제46조, 하한액 적용).")
    res = _llm_assistant(full_kb, [call, final]).ask(ACCEPTANCE)
    assert res.used_llm and res.fallback_reason is None
    assert res.answer.startswith("2026년 기준 하루 66,048원")
    assert [c.name for c in res.tool_calls].count("check_eligibility") == 2  # templated run + the model's call


def test_llm_invented_number_falls_back_to_template(full_kb: KnowledgeBase) -> None:
    final = AIMessage(content="하루 72,000원씩 200일 받아요.")
    res = _llm_assistant(full_kb, [final]).ask(ACCEPTANCE)
    assert not res.used_llm
    assert res.fallback_reason and "72,000" in res.fallback_reason
    assert "66,048원" in res.answer and "72,000" not in res.answer


def test_llm_endpoint_error_falls_back(full_kb: KnowledgeBase) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    a = Assistant(full_kb, llm=BrokenModel(messages=iter([])), checkpointer=InMemorySaver())
    res = a.ask(ACCEPTANCE)
    assert not res.used_llm and res.fallback_reason and "ConnectionError" in res.fallback_reason
    assert "66,048원" in res.answer


def test_hanging_llm_is_abandoned_after_the_timeout(full_kb: KnowledgeBase) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.graph import Deps, build_graph

    a = Assistant(full_kb, llm=HangingModel(messages=iter([])), checkpointer=InMemorySaver())
    a.graph = build_graph(Deps(kb=full_kb, llm=a.llm, today=full_kb.settings.current_date, llm_timeout_s=0.5),
                          a.checkpointer)
    try:
        res = a.ask(ACCEPTANCE)  # returns while the model still hangs: the deadline fired, not the model
    finally:
        RELEASE.set()
    assert res.fallback_reason and "TimeoutError" in res.fallback_reason and "66,048원" in res.answer


def test_stream_yields_steps_then_result(assistant: Assistant) -> None:
    events = list(assistant.stream("서귀포 호텔 일자리", role="counselor"))
    kinds = [e.kind for e in events]
    assert kinds[-1] == "result" and "step" in kinds
    result = events[-1].result
    assert result is not None and result.jobs
    assert re.search(r"\d+건", result.answer)


def test_personal_data_is_masked_before_the_graph_sees_it(assistant: Assistant) -> None:
    res = assistant.ask("제 주민번호 900101-1234567, 전화 010-1234-5678 인데 실업급여 받을 수 있나요?",
                        thread_id="t-pii")
    assert "1234567" not in res.answer and "5678" not in res.answer
    stored = " ".join(m["content"] for m in assistant.history("t-pii"))
    assert "900101-1234567" not in stored and "010-1234-5678" not in stored
    assert "[주민등록번호]" in stored


def test_huge_message_is_bounded(assistant: Assistant) -> None:
    res = assistant.ask("서귀포 호텔 일자리 " + "가" * 100_000)
    assert res.route and res.answer
