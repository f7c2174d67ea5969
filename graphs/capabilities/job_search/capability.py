"""일자리 찾기 (the NLU's ``job_search``): postings by field, region, pay, type and hours, as a table in the chat;
"서귀포만 다시" keeps the last search words (remembered per thread). Scored by the assistant-wide search set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphs.answer import AnswerResult, ToolCallOut
from graphs.capabilities.job_search.compose import jobs_answer, jobs_blocks
from graphs.capabilities.nodes import for_the_person, result_update, run_node, search_words, tool_context
from graphs.capabilities.registry import Capability, FollowUp, nlu_decides, register
from graphs.configuration import Context
from graphs.nlu.fields import field_label
from graphs.state import AgentState
from graphs.tools import search_jobs
from knowledge.schemas import JobFilters

ROUTE = "job_search"
NAME = "job_search"
GOLD = Path(__file__).resolve().parents[3] / "evals" / "gold" / "search.yaml"
TRAINING = FollowUp("🎓 이 직무 훈련과정 보기", "{words} 훈련과정", tooltip="같은 직무의 직업훈련 과정을 찾아요")
REFINE = FollowUp(
    "🔁 조건 바꿔 다시 찾기",
    "어떤 조건으로 다시 찾을까요? 예: \"서귀포시만\", \"애월읍\", \"월 250만원 이상\", \"시간제만\", \"정규직\".\n"
    "바꿀 조건만 말씀하시면 앞의 검색어는 그대로 두고 다시 찾아 드려요.",
    action="refine",
    tooltip="지역·급여·고용형태를 바꿔 다시 찾아요",
)


def describe(query: str, f: JobFilters) -> str:
    parts = [f.region or "", f.district or "", (field_label(query) or f"'{query}'") if query else "",
             f"월 {f.min_monthly_pay:,}원 이상" if f.min_monthly_pay else "", f.employment_type or "",
             f"주 {f.max_weekly_hours:g}시간 이하" if f.max_weekly_hours else ""]
    return " · ".join(p for p in parts if p) or "제주 전체"


def node(state: AgentState, ctx: Context) -> dict[str, Any]:
    u = state["understanding"]
    filters = JobFilters.model_validate(u["job_filters"])
    query, filters = for_the_person(state, u.get("query") or "", filters)
    memory = dict(state.get("memory") or {})
    last = memory.get(NAME) or state.get("last_jobs") or None  # last_jobs: threads stored before the memory
    if not query and last:  # "서귀포만 다시 찾아줘": keep the last job words, apply the new filters
        query = last.get("query", "")
        merged = {**last.get("filters", {}), **filters.model_dump(exclude_none=True, exclude_defaults=True)}
        filters = JobFilters.model_validate(merged)
    out = search_jobs(tool_context(ctx), query, filters, k=5 if ctx.role == "citizen" else 8)
    about = describe(query, filters)
    text, cites = jobs_answer(out, ctx.role, describe=about)
    res = AnswerResult(answer=text, route=ROUTE, blocks=jobs_blocks(out, ctx.role, describe=about), citations=cites,
                       tool_calls=[ToolCallOut(name="search_jobs", args={"query": query, **out["filters"]}, result=out)],
                       jobs=out["jobs"], role=ctx.role, thread_id=ctx.thread_id)
    remembered = {"query": query, "filters": filters.model_dump(mode="json", exclude_none=True)}
    return result_update(res, pending=None, memory={**memory, NAME: remembered})


def actions(result: AnswerResult) -> list[FollowUp]:
    words = search_words(result, "search_jobs")
    found = [FollowUp(TRAINING.label, TRAINING.question.format(words=words), tooltip=TRAINING.tooltip)]
    return [*(found if result.jobs and words else []), REFINE]


CAPABILITY = register(Capability(
    name=NAME,
    route=ROUTE,
    label="일자리 찾기",
    roles=("citizen", "counselor"),
    priority=910,
    claims=nlu_decides(ROUTE),
    run=run_node(node),
    blocks=("markdown", "table"),
    follow_ups=(TRAINING, REFINE),
    gold=GOLD,
    evaluate=None,
    examples=("서귀포 호텔 일자리", "애월 쪽 카페 일자리 있나 좀 봐줘요"),
    node=node,
    routed_by_nlu=True,
    llm_writes=True,
    actions=actions,
))
