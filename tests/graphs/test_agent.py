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

# Every fact the 구직급여 check needs in one message: the 180-day 피보험 단위기간 counts only the 18 months before
# leaving (고용보험법 제40조①1·②, 제41조), so it is said ("퇴사 전 18개월 동안 쭉 일했어요"), never inferred from "4년".
ACCEPTANCE = (
    "2026년 3월에 권고사직했어요. 45세, 고용보험 4년이고 퇴사 전 18개월 동안 쭉 일했어요. 월급 300만원이었는데 "
    "실업급여 하루 얼마, 며칠 받아요?"
)
# The README's question: everything but the unit period, which is asked next.
ACCEPTANCE_SHORT = "2026년 3월에 권고사직했어요. 45세, 고용보험 4년, 월급 300만원이었는데 실업급여 하루 얼마, 며칠 받아요?"


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


def test_the_unit_period_is_asked_then_the_answer_completes(assistant: Assistant) -> None:
    first = assistant.ask(ACCEPTANCE_SHORT, thread_id="t-unit")
    assert first.follow_up and first.route == "eligibility"
    assert [m["field"] for m in first.eligibility[0]["missing"]][:1] == ["unit_period_days"]
    res = assistant.ask("18개월 내내 일했어요", thread_id="t-unit")
    assert res.eligibility[0]["decision"] == "eligible" and not res.follow_up
    assert "66,048원" in res.answer and "180일" in res.answer


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
        "unit_period_days": "퇴사 전 18개월 동안 쭉 일했어요",
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


# ---- issue 10: what people say, end to end ----------------------------------------------------------------------
JUST_CAUSE_QUESTIONS = [
    "월급이 두 달 밀려서 자진퇴사했어요. 44살이고 고용보험 3년, 퇴사 전 18개월 동안 쭉 일했고 지난달 말에 나왔어요. "
    "월급 250이었는데 실업급여 받을 수 있나요?",
    "회사가 애월에서 성산으로 이전해서 출퇴근이 왕복 3시간 넘게 걸려 그만뒀어요. 38살, 고용보험 2년, 퇴사 전 18개월 "
    "동안 쭉 일했어요. 지난달 말 퇴사, 월급 230이었어요 실업급여 되나요?",
    "팀장 갑질 때문에 사표 냈어요 서른다섯이고 고용보험 5년, 퇴사 전 18개월 동안 쭉 일했어요 9월 30일 퇴사, "
    "월급 280 받았어요 실업급여 얼마 나와요?",
]


@pytest.mark.parametrize("question", JUST_CAUSE_QUESTIONS)
def test_a_just_cause_said_with_the_resignation_decides_the_verdict(assistant: Assistant, question: str) -> None:
    res = assistant.ask(question, role="citizen")
    assert res.route == "eligibility"
    assert res.eligibility[0]["decision"] != "ineligible"  # 시행규칙 별표2: the stated cause is a 정당한 사유
    assert "❌" not in res.answer.split("\n")[0]


@pytest.mark.parametrize(
    ("side", "route"),
    [
        ("근데 실업급여 받는 중에 주말 알바 해도 돼요?", "policy_qa"),
        ("알바하면서 실업급여 받으면 걸리나요?", "policy_qa"),
        ("그건 됐고 내일배움카드는 어떻게 신청해요?", "policy_qa"),
        ("정년은 법적으로 몇 살이에요?", "policy_qa"),
        ("애월 쪽 카페 일자리 있나 좀 봐줘요", "job_search"),
        ("제주시에서 하는 바리스타 과정 알려주세요", "training_search"),
    ],
)
def test_a_new_topic_during_a_check_routes_on_its_own(assistant: Assistant, side: str, route: str) -> None:
    thread = f"t-side-{abs(hash(side))}"
    first = assistant.ask("실업급여 받을 수 있나요?", thread_id=thread)
    assert first.follow_up
    res = assistant.ask(side, thread_id=thread)
    assert res.route == route and not res.eligibility
    # a short answer to the question still pending continues the check
    after = assistant.ask("권고사직이요", thread_id=thread)
    if route == "policy_qa":
        assert after.route == "eligibility" and after.eligibility
        assert after.eligibility[0]["program"] == "unemployment_benefit"


def test_benefit_side_work_answer_says_to_report_it(assistant: Assistant) -> None:
    res = assistant.ask("실업급여 받으면서 알바해도 돼요?", role="citizen")
    assert res.route == "policy_qa" and "신고" in res.answer


@pytest.mark.parametrize(
    ("question", "marker"),
    [
        ("How can I get unemployment benefits? I lost my job in Jeju.", "Korean"),
        ("My boss has not paid my salary for two months. What can I do?", "Korean"),
        ("Tôi bị nợ lương 2 tháng, tôi phải làm gì?", "tiếng Hàn"),
        ("toi muon hoi ve tro cap that nghiep", "tiếng Hàn"),
        ("我在济州工作，被解雇了，可以领失业金吗？", "韩语"),
    ],
)
def test_a_question_in_another_language_gets_a_notice_in_that_language(
    assistant: Assistant, question: str, marker: str
) -> None:
    res = assistant.ask(question, role="citizen")
    assert res.route == "foreign_language"
    assert marker in res.answer and "1577-0071" in res.answer and "1350" in res.answer
    assert not res.citations and not res.jobs  # no unrelated Korean passages


def test_field_words_reach_the_field_not_only_titles_with_the_word(assistant: Assistant) -> None:
    res = assistant.ask("IT 훈련과정 있어요?")
    assert res.route == "training_search" and res.courses
    args = res.tool_calls[0].args
    assert args.get("ncs_prefix") == "20"  # NCS 20 정보통신
    assert all(re.search(r"개발|AI|빅데이터|데이터|디지털", c.title) for c in res.courses)
    jobs = assistant.ask("관광 쪽 일자리 있어요?")
    assert jobs.route == "job_search" and jobs.jobs
    assert jobs.tool_calls[0].args.get("keco_prefix") == "52"  # KECO 52 여행·숙박·오락 서비스직
    assert all(re.search(r"관광|호텔|리조트|프런트|가이드|여행|레저|테마|숙박|펜션|안내|체험|카트|승마|매표", j.title)
               for j in jobs.jobs)


@pytest.mark.parametrize(("profile_turn", "ask", "route", "pattern"), [
    # a counselor's "이분께 맞는 훈련과정" is the gap-based training recommendation (issue 12, priority 29)
    ("내담자: 45세 여성, 서귀포시 거주, 요양보호사로 일하고 싶어 함, 내일배움카드 보유", "이분께 맞는 훈련과정 찾아주세요",
     "training_recommendation", r"요양"),
    ("저는 제주시 사는 32살이고 바리스타로 일하고 싶어요", "저한테 맞는 일자리 있을까요?", "job_search", r"바리스타|카페|커피"),
])
def test_a_search_for_the_person_uses_the_thread_occupation_and_region(
    assistant: Assistant, profile_turn: str, ask: str, route: str, pattern: str
) -> None:
    thread = f"t-person-{len(profile_turn)}"
    assistant.ask(profile_turn, role="counselor", thread_id=thread)
    res = assistant.ask(ask, role="counselor", thread_id=thread)
    assert res.route == route
    region = "서귀포시" if "서귀포" in profile_turn else "제주시"
    if route == "training_recommendation":
        table = next(b for b in res.blocks if b.kind == "table")
        items, regions = [str(r[0]) for r in table.rows], [str(r[2]) for r in table.rows]
        assert "목표 직종: 요양보호사" in res.answer and regions and regions[0].startswith(region)
    else:
        items = [c.title for c in res.courses] + [j.title for j in res.jobs]
        assert res.tool_calls[0].args.get("region") == region
    assert items and re.search(pattern, items[0])


@pytest.mark.parametrize(("question", "pattern"), [
    ("실업금여 신청 어케해요 첨이라 하나도 몰라요", r"구직신청|구직등록|이직확인서|온라인 교육"),  # typos → the application steps
    ("실업급여 받다가 일찍 취업하면 주는 돈이 있다던데 얼마나 돼요?", r"조기재취업"),  # a described program, named
    ("내년 최저시급 얼마예요?", r"10,320원"),  # 2027 has no 고시 yet: the minimum-wage document, latest year first
])
def test_a_policy_question_reaches_its_document_however_it_is_typed(assistant: Assistant, question: str, pattern: str) -> None:
    res = assistant.ask(question)
    assert res.route == "policy_qa"
    first = res.tool_calls[0].result["passages"][0]
    assert re.search(pattern, first["section"] + first["text"])


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


def test_llm_answers_a_foreign_question_in_that_language(full_kb: KnowledgeBase) -> None:
    final = AIMessage(content="You may get unemployment benefits (구직급여) if you were insured and lost your job "
                              "involuntarily. Ask at the Jeju employment center.")
    res = _llm_assistant(full_kb, [final]).ask("Can I get unemployment benefits in Jeju?")
    assert res.route == "foreign_language" and res.used_llm
    assert res.answer.startswith("You may get unemployment benefits")
    assert "1577-0071" in res.answer and "1350" in res.answer


# ---- registered capabilities (graphs/capabilities/registry.py) --------------------------------------------------
@pytest.fixture(scope="module")
def stats_assistant(full_kb: KnowledgeBase) -> Assistant:
    """The assistant over the bundled index with the statistics store loaded (``goyong ingest --source stats``)."""
    from langgraph.checkpoint.memory import InMemorySaver

    from ingest.stats import run_stats_ingest

    assert run_stats_ingest(full_kb.settings, today=full_kb.settings.current_date()).ok
    return Assistant(full_kb, checkpointer=InMemorySaver())


@pytest.mark.parametrize(("question", "chart_words"), [
    ("요즘 제주 고용 동향 어때요? 업종별로", r"산업별 취업자"),  # issue 14's counselor question: sectors as bars
    ("제주 고용률 추이", r"고용률"),
    ("서귀포 호텔 일자리 임금 수준", r"임금"),
])
def test_trend_questions_answer_with_figures_and_a_chart(stats_assistant: Assistant, question: str,
                                                         chart_words: str) -> None:
    res = stats_assistant.ask(question, role="counselor")
    assert res.route == "trends"
    charts = [b for b in res.blocks if b.kind == "chart"]
    assert len(charts) == 1 and re.search(chart_words, charts[0].title)
    assert charts[0].figure["data"], "a chart with no trace"
    assert re.search(r"\d", res.answer) and res.citations  # the sources of the stated figures
    assert not res.follow_up and not res.eligibility and not res.jobs


def test_the_sector_answer_states_the_sectors_the_chart_draws(stats_assistant: Assistant) -> None:
    res = stats_assistant.ask("요즘 제주 고용 동향 어때요? 업종별로", role="counselor")
    chart = next(b for b in res.blocks if b.kind == "chart")
    drawn = [str(x) for trace in chart.figure["data"] for x in (trace.get("x") or trace.get("y") or [])]
    assert "건설업" in drawn and "건설업" in res.answer  # policy-facts §7: 2025년 6월 건설업 2만4천명
    assert "2만4천명" in res.answer and "보도 인용" in res.answer


def test_a_pasted_posting_is_checked_with_findings_and_rewrites(stats_assistant: Assistant) -> None:
    posting = "호텔 객실 정리 직원 모집. 35세 이하 여성만 지원 가능. 시급 9,000원, 주 5일 근무."
    res = stats_assistant.ask(f"다음 공고 점검해줘: {posting}", role="citizen")
    assert res.route == "posting_check"
    findings = next(b for b in res.blocks if b.kind == "findings")
    by_rule = {f.rule: f for f in findings.items}
    # 고령자고용법 제4조의4 (연령), 남녀고용평등법 제7조 (성별), 최저임금법 제6조 (2026년 10,320원)
    assert {"연령 제한", "성별 제한", "최저임금 미달"} <= set(by_rule)
    assert by_rule["연령 제한"].quote == "35세 이하" and "제4조의4" in by_rule["연령 제한"].article
    assert all(f.rewrite for f in findings.items)
    assert "❌" in res.answer and "10,320원" in res.answer
    assert any("제7조" in c.section for c in res.citations)


def test_a_question_about_posting_rules_is_still_policy_qa(stats_assistant: Assistant) -> None:
    res = stats_assistant.ask("구인공고에 나이 제한 써도 돼요?")
    assert res.route == "policy_qa" and not res.blocks


@pytest.mark.parametrize(("question", "route"), [
    ("실업급여 얼마 받아요?", "eligibility"),
    ("서귀포 호텔 일자리", "job_search"),
    ("제주시 시급 만이천원 이상 카페", "job_search"),
    ("남원 감귤 시즌 계절 일자리", "job_search"),
])
def test_other_questions_route_as_before(stats_assistant: Assistant, question: str, route: str) -> None:
    res = stats_assistant.ask(question)
    assert res.route == route and {b.kind for b in res.blocks} <= {"markdown", "table"}  # no chart, no findings
    tables = [b for b in res.blocks if b.kind == "table"]
    assert len(tables) == (1 if res.jobs else 0) and all(len(t.rows) == len(res.jobs) for t in tables)


def test_a_trend_question_while_a_check_waits_routes_on_its_own(stats_assistant: Assistant) -> None:
    first = stats_assistant.ask(ACCEPTANCE_SHORT, thread_id="t-trend-side", role="counselor")
    assert first.follow_up
    side = stats_assistant.ask("제주 고용률 추이", thread_id="t-trend-side", role="counselor")
    assert side.route == "trends" and any(b.kind == "chart" for b in side.blocks)
    res = stats_assistant.ask("18개월 내내 일했어요", thread_id="t-trend-side", role="counselor")
    assert res.route == "eligibility" and res.eligibility[0]["decision"] == "eligible"
    assert "66,048원" in res.answer


def test_without_statistics_the_trend_answer_says_so(assistant: Assistant, tmp_path: Any) -> None:
    from graphs.capabilities import registry
    from graphs.capabilities.registry import CapabilityRequest

    kb: Any = type("KB", (), {"settings": assistant.kb.settings.model_copy(update={"data_dir": tmp_path})})()
    out = registry.get("trends").run(CapabilityRequest(text="제주 고용률 추이", role="counselor",
                                                        today=assistant.kb.settings.current_date(), kb=kb))
    assert [b.kind for b in out.blocks][:1] == ["notice"]
    assert "ingest --source stats" in out.markdown()


def test_an_employer_asking_for_a_posting_gets_a_checked_draft(stats_assistant: Assistant) -> None:
    res = stats_assistant.ask("애월 흑돼지 식당 홀서빙 20대 여성 2명 구함, 월 200만원, 월~토 9시~6시 휴게 1시간, 기숙사 제공")
    assert res.route == "posting_draft"
    notices = [b.text for b in res.blocks if b.kind == "notice"]
    # the forbidden conditions are left out and said first (고령자고용법 제4조의4, 남녀고용평등법 제7조)
    assert any("연령" in n for n in notices) and any("성별" in n for n in notices)
    assert res.answer.startswith("⚠️")
    draft = res.answer.split("```text", 1)[1].split("```", 1)[0]
    assert "20대" not in draft and "여성" not in draft and "월급 2,000,000원" in draft
    findings = next(b for b in res.blocks if b.kind == "findings")
    # 2026 최저임금 10,320원 × 209시간 = 2,156,880원 > 2,000,000원
    assert [f.rule for f in findings.items] == ["최저임금 미달"] and "2,156,880원" in findings.items[0].rewrite


def test_a_counselor_gets_scored_matches_with_reasons_and_citizens_keep_the_search(stats_assistant: Assistant) -> None:
    res = stats_assistant.ask("애월 사는 분인데 요양보호사 일자리 매칭해 줘", role="counselor")
    assert res.route == "job_matching"
    table = next(b for b in res.blocks if b.kind == "table")
    assert table.rows and table.columns[4] == "점수"
    assert all(row[5] for row in table.rows)  # every posting says why it was chosen
    assert "희망 직종: 요양보호사" in res.answer and "거주지: 애월읍" in res.answer  # the profile as understood
    assert "나이는 점수에 넣지 않습니다" in res.answer
    citizen = stats_assistant.ask("애월 사는 분인데 요양보호사 일자리 매칭해 줘", role="citizen")
    assert citizen.route == "job_search"  # 인재추천 is for counselors only: the plain search's table, no scores
    assert all("점수" not in b.columns for b in citizen.blocks if b.kind == "table")


def test_with_an_llm_a_capability_answer_stays_its_blocks(full_kb: KnowledgeBase) -> None:
    from ingest.stats import run_stats_ingest

    assert run_stats_ingest(full_kb.settings, today=full_kb.settings.current_date()).ok
    wrong = AIMessage(content="제주 고용률은 99.9%입니다.")  # never asked: charts and findings are not rewritten
    res = _llm_assistant(full_kb, [wrong]).ask("제주 고용률 추이", role="counselor")
    assert res.route == "trends" and not res.used_llm and "99.9" not in res.answer
    assert any(b.kind == "chart" for b in res.blocks)


# ---- follow-up questions through LangGraph's interrupt() (graphs/graph.py await_reply) ----------------------------
def test_a_question_back_pauses_the_thread_until_the_reply(assistant: Assistant) -> None:
    thread = "t-interrupt"
    first = assistant.ask("실업급여 받을 수 있나요?", thread_id=thread)
    waiting = assistant.waiting(thread)
    assert first.follow_up and waiting is not None
    assert waiting["capability"] == "eligibility" and waiting["question"] in first.answer
    assert assistant.graph.get_state(assistant._config("citizen", thread)).next == ("await_reply",)
    side = assistant.ask("근데 실업급여 받는 중에 주말 알바 해도 돼요?", thread_id=thread)
    assert side.route == "policy_qa" and assistant.waiting(thread) == waiting  # the question still waits
    res = assistant.ask("권고사직이요", thread_id=thread)
    assert res.route == "eligibility" and res.eligibility[0]["program"] == "unemployment_benefit"
    assert assistant.waiting(thread) != waiting  # the next fact is asked now
    done = assistant.ask(ACCEPTANCE, thread_id="t-interrupt-done")
    assert not done.follow_up and assistant.waiting("t-interrupt-done") is None


def test_the_screening_gets_the_reply_to_its_question(assistant: Assistant) -> None:
    thread = "t-screen-reply"
    first = assistant.ask("제가 받을 수 있는 지원 제도가 뭐가 있어요?", thread_id=thread)
    waiting = assistant.waiting(thread)
    assert first.route == "program_screening" and waiting is not None
    assert waiting["capability"] == "program_screening" and waiting["expecting"] == "age"
    side = assistant.ask("정년은 법적으로 몇 살이에요?", thread_id=thread)
    assert side.route == "policy_qa" and assistant.waiting(thread) == waiting
    res = assistant.ask("45살이에요", thread_id=thread)  # a bare reply: only the question gives it a meaning
    assert res.route == "program_screening"
    after = assistant.waiting(thread)
    assert after is None or after["expecting"] != "age"  # the age is known: never asked again


def test_another_capabilitys_request_is_not_taken_for_the_reply(assistant: Assistant) -> None:
    """Issue 12's consultation: after the screening asks its question, "취업활동계획 초안 만들어 줘" is a request for the
    plan (the NLU, told the awaited fact, reads it as an eligibility reply; the plan's own claim decides)."""
    thread = "t-screen-then-plan"
    assistant.ask("48세, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직", role="counselor",
                  thread_id=thread)
    first = assistant.ask("받을 수 있는 제도 한눈에", role="counselor", thread_id=thread)
    waiting = assistant.waiting(thread, role="counselor")
    assert first.route == "program_screening" and waiting is not None
    plan = assistant.ask("취업활동계획 초안 만들어 줘", role="counselor", thread_id=thread)
    assert plan.route == "activity_plan"
    assert assistant.waiting(thread, role="counselor") == waiting  # the screening's question still waits


def test_the_employer_screening_gets_bare_replies_back(assistant: Assistant) -> None:
    thread = "t-employer-reply"
    first = assistant.ask("직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?", thread_id=thread)
    waiting = assistant.waiting(thread)
    assert first.route == "employer_subsidies" and waiting is not None
    assert waiting["capability"] == "employer_subsidies" and "우선지원대상" in waiting["question"]
    yes = assistant.ask("네", thread_id=thread)
    assert yes.route == "employer_subsidies" and "· 우선지원대상기업" in yes.answer
    asked = assistant.waiting(thread)
    assert asked is not None and "수도권" in asked["question"]
    no = assistant.ask("아니요", thread_id=thread)  # 제주: not in the capital region
    after = assistant.waiting(thread)
    assert no.route == "employer_subsidies" and after is not None and "수도권" not in after["question"]
    side = assistant.ask("정년은 법적으로 몇 살이에요?", thread_id=thread)
    assert side.route == "policy_qa" and assistant.waiting(thread) == after
    if after["expecting"] == "youth.age":
        res = assistant.ask("27살이요", thread_id=thread)
        assert res.route == "employer_subsidies" and "청년 채용(27세" in res.answer


# ---- the LLM step: llm_write ⇄ llm_tools (ToolNode) → llm_check, one deadline ------------------------------------
class SlowModel(ToolCallingFake):
    """Each call answers after 0.4 s: under the step's timeout alone, over it twice."""

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        import time

        time.sleep(0.4)
        return super()._generate(*args, **kwargs)


def _tool_call() -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": "check_eligibility", "id": "c1", "args": {
        "program": "unemployment_benefit",
        "profile": {"age": 45, "insured_period_days": 1460, "separation_reason": "recommended_resignation",
                    "separation_date": "2026-03-01", "monthly_wage": 3000000}}}])


def test_the_tools_run_in_langgraphs_tool_node(full_kb: KnowledgeBase) -> None:
    from langgraph.prebuilt import ToolNode

    a = _llm_assistant(full_kb, [_tool_call(), AIMessage(content="하루 66,048원씩 180일 받을 수 있어요.")])
    assert isinstance(a.graph.builder.nodes["llm_tools"].runnable, ToolNode)
    res = a.ask(ACCEPTANCE, thread_id="t-toolnode")
    assert res.used_llm and res.tool_calls[-1].name == "check_eligibility"
    out = res.tool_calls[-1].result  # the tool's own output, read back from the step's ToolMessage
    assert out["program"] == "unemployment_benefit" and out["amounts"]
    state = a.graph.get_state(a._config("citizen", "t-toolnode")).values
    assert not state.get("llm_messages")  # the step's scratch messages are not kept in the thread


def test_one_timeout_covers_the_whole_llm_step(full_kb: KnowledgeBase) -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.graph import Deps, build_graph

    llm = SlowModel(messages=iter([_tool_call(), AIMessage(content="하루 66,048원씩 180일 받을 수 있어요.")]))
    a = Assistant(full_kb, llm=llm, checkpointer=InMemorySaver())
    a.graph = build_graph(Deps(kb=full_kb, llm=llm, today=full_kb.settings.current_date, llm_timeout_s=0.6),
                          a.checkpointer)
    res = a.ask(ACCEPTANCE)  # 0.4 s + 0.4 s > 0.6 s although each call is under it
    assert not res.used_llm and res.fallback_reason and "TimeoutError" in res.fallback_reason
    assert "66,048원" in res.answer


def test_the_models_tokens_are_streamed(full_kb: KnowledgeBase) -> None:
    final = "2026년 기준 하루 66,048원씩 180일 받을 수 있어요."
    events = list(_llm_assistant(full_kb, [AIMessage(content=final)]).stream(ACCEPTANCE))
    tokens = [e.text for e in events if e.kind == "token"]
    result = events[-1].result
    assert result is not None and result.used_llm and result.answer.startswith(final)
    assert len(tokens) > 1 and "".join(tokens).strip() == final  # piece by piece, as the model wrote them
    assert any(e.kind == "step" and e.step and e.step.name == "check_eligibility" for e in events[:-1])


def test_a_profile_edit_while_a_question_waits_keeps_it_waiting(assistant: Assistant) -> None:
    thread = "t-edit-waiting"
    assistant.ask("실업급여 받을 수 있나요?", thread_id=thread)
    waiting = assistant.waiting(thread)
    assistant.update_profile(thread, profile={"age": 45})  # the profile panel, between two messages
    assert assistant.waiting(thread) == waiting
    res = assistant.ask("권고사직이요", thread_id=thread)
    assert res.route == "eligibility" and res.eligibility[0]["program"] == "unemployment_benefit"
    after = assistant.waiting(thread)
    assert after is not None and after["expecting"] not in ("separation_reason", "age")  # known: not asked again
