"""The employer subsidy screening in the chat: which messages it takes (employers' own words), what one turn shows,
the facts kept over the thread, the one next question, and a whole thread through the assistant."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from graphs.blocks import TableBlock
from graphs.capabilities import registry
from graphs.capabilities.employer_subsidies.capability import NAME, evaluate, run
from graphs.capabilities.registry import CapabilityRequest, EvalContext
from graphs.nlu import understand
from graphs.service import Assistant
from knowledge.base import KnowledgeBase

TODAY = date(2026, 3, 2)  # the gold cases' date: 2026 청년일자리도약장려금 rules in force


def claimed(text: str, role: str = "citizen") -> str | None:
    cap = registry.claim(text, understand(text, today=TODAY), role)
    return cap.name if cap else None


@pytest.mark.parametrize("text", [
    "우리 회사 지원금 받을 수 있는 거 있어요?",
    "채용하면 받을 수 있는 지원금 있나요",
    "고용장려금 받을 수 있나요",
    "사업주 지원금 알려주세요",
    "청년 채용 장려금 우리도 되나요?",
    "육아휴직 대체인력 지원 받을 수 있어요?",
    "직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?",
    "식당 하는데 직원 한 명 더 뽑으면 나라에서 나오는 돈 있어요? 인건비 지원 같은 거",
    "정년 지난 직원을 계속 쓰면 회사가 받는 장려금 있나요",
    "장애인 채용하면 지원금 나오나요?",
])
def test_employer_questions_are_claimed(text: str) -> None:
    assert claimed(text) == NAME
    assert claimed(text, "counselor") == NAME


@pytest.mark.parametrize("text", [
    "우선지원대상기업이에요",
    "사업장은 제주시 애월읍에 있어요",
    "채용한 청년은 27세예요",
    "청년 채용 후 6개월째 근무 중이에요",  # the NLU reads 구직급여 into it; the employer's words decide
    "직원에게 육아휴직을 허용했어요",
])
def test_employer_replies_are_claimed(text: str) -> None:
    assert claimed(text) == NAME


@pytest.mark.parametrize(("text", "route"), [
    ("청년도약장려금 우리 회사도 받을 수 있나요? 고용보험 가입 직원 7명이에요", None),  # one named program: eligibility
    ("제주에서 식당 하는데 청년 한 명 뽑으면 청년일자리도약장려금 나와요?", None),
    ("고령자 계속고용장려금은 제주 사업장이면 얼마 받아요?", None),  # a rule question: policy_qa
    ("고용촉진장려금 지원 대상이 누구예요", None),
    ("실업급여 받을 수 있나요", None),
    ("회사 그만두면 받을 수 있는 지원금 있나요", None),
    ("청년 정규직으로 취업하면 받는 지원금 있어요?", None),  # the young person's own question
    ("정규직 채용 공고 찾아요", None),
    ("아라동 개발자 채용 있나요 연봉 3600 이상", "job_search"),  # job searches that say 채용 (routing gold u052/u056)
    ("서귀포 버스기사 채용", "job_search"),
    ("개발자 쪽으로 일하고 싶은데 제주에 IT 회사 채용 있어요?", "job_search"),
    ("국민취업지원제도 신청 조건 알려줘", None),
    ("육아휴직 급여 첫 3개월 상한액이 얼마예요?", None),
    ("어떤 지원금 받을 수 있어요?", "program_screening"),  # a seeker's general question
])
def test_other_questions_are_not_claimed(text: str, route: str | None) -> None:
    if route == "job_search":  # answered by the NLU's own route: no capability claims it
        assert understand(text, today=TODAY).route == route and claimed(text) is None
    else:
        assert claimed(text) == route


def request(text: str, memory: dict[str, Any] | None = None) -> CapabilityRequest:
    u = understand(text, today=TODAY).model_dump(mode="json")
    return CapabilityRequest(text=text, role="citizen", today=TODAY, kb=SimpleNamespace(),  # type: ignore[arg-type]
                             understanding=u, memory=memory or {})


def table_row(answer: Any, program: str) -> list[Any]:
    table = next(b for b in answer.blocks if isinstance(b, TableBlock))
    return next(r for r in table.rows if r[0] == program)


def test_facts_accumulate_and_one_question_settles_the_youth_program() -> None:
    first = run(request("직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?"))
    facts = first.remember["facts"]  # type: ignore[index]
    assert facts["insured_count"] == 25 and facts["industry"] == "제조업" and facts["youth"]["full_time"] is True
    text = first.markdown()
    assert text.count("다음으로 여쭤볼 것") == 1
    assert "우선지원대상기업" in text.split("다음으로 여쭤볼 것", 1)[1].splitlines()[0]
    assert table_row(first, "청년일자리도약장려금")[1].startswith("❓")
    assert "720만원" in table_row(first, "청년일자리도약장려금")[2]  # 월 60만원 × 12개월 (facts §4.1)
    assert "직원 수를 고용보험 피보험자 수로 보았습니다" in text

    memory = {NAME: first.remember or {}}
    for reply in ("우선지원대상기업이에요", "사업장은 제주시 애월읍에 있어요", "채용한 청년은 27세예요"):
        answer = run(request(reply, memory))
        memory = {NAME: answer.remember or {}}
    last = run(request("청년 채용 후 6개월째 근무 중이에요", memory))
    assert table_row(last, "청년일자리도약장려금")[1].startswith("✅")
    kept = last.remember["facts"]  # type: ignore[index]
    assert kept["priority_support"] is True and kept["region"] == "제주시 애월읍"
    assert kept["youth"] == {"age": 27, "full_time": True, "months_employed": 6}
    assert "요건 충족" in table_row(last, "청년일자리도약장려금")[3]


def test_a_failed_condition_is_shown_with_its_reason_and_no_amount() -> None:
    answer = run(request("피보험자 4명인 카페인데 청년을 정규직으로 뽑으면 지원금 받을 수 있나요? 우선지원대상기업이에요"))
    row = table_row(answer, "청년일자리도약장려금")
    assert row[1].startswith("❌") and row[2] == "—"
    assert "미충족" in row[3]  # 피보험자 5명 이상 (2026 시행지침)


def test_parental_leave_amounts_come_from_the_rules() -> None:
    answer = run(request("상시 직원 12명인 우선지원대상기업인데 직원이 육아휴직을 90일 썼고 대체인력을 채용했어요. "
                         "받을 수 있는 지원금 있나요?"))
    row = table_row(answer, "출산육아기 고용안정장려금")
    assert row[1].startswith(("✅", "❓"))
    assert "대체인력지원금 월 최대 140만원" in row[2]  # 30인 미만 140만원 (시행령 제29조, facts §4)
    assert "시행령 제29조" in answer.markdown()


def test_a_fact_the_thread_knows_is_not_asked_again() -> None:
    first = run(request("사업주 지원금 뭐가 있어요? 우선지원대상기업이에요"))
    asked = first.markdown().split("다음으로 여쭤볼 것", 1)[1].splitlines()[0]
    assert "우선지원대상기업" not in asked


def test_evaluate_reports_the_gold_metrics() -> None:
    result = evaluate(EvalContext(today=TODAY, settings=SimpleNamespace()))  # type: ignore[arg-type]
    assert set(result.metrics) == {"employer_subsidies.decision_accuracy", "employer_subsidies.amount_accuracy",
                                   "employer_subsidies.failed_recall", "employer_subsidies.missing_recall"}
    assert result.metrics["employer_subsidies.decision_accuracy"] == 1.0, result.failures
    assert result.detail["cases"] >= 25


# ---- a whole thread through the assistant ------------------------------------------------------------------------
@pytest.fixture
def assistant(full_kb: KnowledgeBase) -> Iterator[Assistant]:
    from langgraph.checkpoint.memory import InMemorySaver

    yield Assistant(full_kb, checkpointer=InMemorySaver())


def test_an_employer_thread(assistant: Assistant) -> None:
    first = assistant.ask("직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?", role="citizen")
    assert first.route == NAME
    reply = assistant.ask("우선지원대상기업이에요", role="citizen", thread_id=first.thread_id)
    assert reply.route == NAME
    header = next(line for line in reply.answer.splitlines() if "알려 주신 것" in line)
    assert "상시 근로자 25명" in header and "우선지원대상기업" in reply.answer.split("알려 주신 것", 1)[1][:120]
    named = assistant.ask("청년일자리도약장려금 받을 수 있는지 자세히 알려줘", role="citizen", thread_id=first.thread_id)
    assert named.route == "eligibility"


def test_follow_up_buttons_come_back_here() -> None:
    cap = registry.get(NAME)
    for follow_up in cap.follow_ups:
        assert claimed(follow_up.question) == NAME, follow_up.question
