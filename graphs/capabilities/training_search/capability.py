"""훈련과정 찾기 (the NLU's ``training_search``): courses by field, region, card and self-pay, as a table in the chat.
Scored by the assistant-wide search set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphs.answer import AnswerResult, ToolCallOut
from graphs.capabilities.nodes import for_the_person, result_update, run_node, search_words, tool_context
from graphs.capabilities.registry import Capability, FollowUp, nlu_decides, register
from graphs.capabilities.training_search.compose import training_answer, training_blocks
from graphs.configuration import Context
from graphs.nlu.fields import field_label
from graphs.state import AgentState
from graphs.tools import lookup_training
from knowledge.schemas import TrainingFilters

ROUTE = "training_search"
GOLD = Path(__file__).resolve().parents[3] / "evals" / "gold" / "search.yaml"
JOBS = FollowUp("💼 관련 일자리 보기", "{words} 일자리", tooltip="같은 분야의 채용정보를 찾아요")


def describe(query: str, f: TrainingFilters) -> str:
    parts = [f.region or "", (field_label(query) or f"'{query}'") if query else "",
             "내일배움카드" if f.card_eligible else "",
             f"자부담 {f.max_self_pay:,}원 이하" if f.max_self_pay is not None else ""]
    return " · ".join(p for p in parts if p) or "제주 전체"


def node(state: AgentState, ctx: Context) -> dict[str, Any]:
    u = state["understanding"]
    filters = TrainingFilters.model_validate(u["training_filters"])
    query, filters = for_the_person(state, u.get("query") or "", filters)
    out = lookup_training(tool_context(ctx), query, filters, k=5 if ctx.role == "citizen" else 8)
    about = describe(query, filters)
    text, cites = training_answer(out, ctx.role, describe=about)
    res = AnswerResult(answer=text, route=ROUTE, blocks=training_blocks(out, ctx.role, describe=about), citations=cites,
                       tool_calls=[ToolCallOut(name="lookup_training", args={"query": query, **out["filters"]},
                                               result=out)],
                       courses=out["courses"], role=ctx.role, thread_id=ctx.thread_id)
    return result_update(res, pending=None)


def actions(result: AnswerResult) -> list[FollowUp]:
    words = search_words(result, "lookup_training")
    if not (result.courses and words):
        return []
    return [FollowUp(JOBS.label, JOBS.question.format(words=words), tooltip=JOBS.tooltip)]


CAPABILITY = register(Capability(
    name="training_search",
    route=ROUTE,
    label="훈련과정 찾기",
    roles=("citizen", "counselor"),
    priority=920,
    claims=nlu_decides(ROUTE),
    run=run_node(node),
    blocks=("markdown", "table"),
    follow_ups=(JOBS,),
    gold=GOLD,
    evaluate=None,
    examples=("제주시에서 하는 바리스타 과정 알려주세요", "IT 훈련과정 있어요?"),
    node=node,
    routed_by_nlu=True,
    llm_writes=True,
    actions=actions,
))
