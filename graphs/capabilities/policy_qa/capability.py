"""제도 안내 (the NLU's ``policy_qa``): the passages that answer a rule question, with the year's 최저임금 or the
rule that makes an amount when the question asks for it. Scored by the assistant-wide answers/retrieval sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphs.answer import AnswerResult, ToolCallOut
from graphs.capabilities.nodes import result_update, run_node, tool_context
from graphs.capabilities.policy_qa.compose import policy_answer
from graphs.capabilities.registry import Capability, FollowUp, nlu_decides, register
from graphs.configuration import Context
from graphs.eligibility import PROGRAMS
from graphs.state import AgentState, last_human
from graphs.tools import search_policies

ROUTE = "policy_qa"
GOLD = Path(__file__).resolve().parents[3] / "evals" / "gold" / "answers.yaml"
CHECK = FollowUp("✅ 받을 수 있는지 확인", "{program} 받을 수 있나요?", tooltip="요건과 예상 금액을 확인해요")


def node(state: AgentState, ctx: Context) -> dict[str, Any]:
    u = state["understanding"]
    text_in = u.get("search_text") or last_human(state)  # typos corrected, a described program named
    out = search_policies(tool_context(ctx), text_in, k=3, year=u.get("year"))
    text, cites = policy_answer(out, ctx.role, question=text_in, program=u.get("program"), asks=u.get("asks") or [],
                                today_year=ctx.today.year, stated_hourly=u.get("stated_hourly_wage"))
    args: dict[str, Any] = {"query": text_in, "year": u.get("year")}
    if u.get("program"):
        args["program"] = u["program"]
    res = AnswerResult(answer=text, route=ROUTE, citations=cites,
                       tool_calls=[ToolCallOut(name="search_policies", args=args, result=out)],
                       role=ctx.role, thread_id=ctx.thread_id)
    # a side question ("알바해도 돼요?") leaves an unfinished check waiting: a later "45살이요" still answers it
    return result_update(res, pending=state.get("pending"))


def actions(result: AnswerResult) -> list[FollowUp]:
    """A question about a program offers the check of that program."""
    program = next((c.args.get("program") for c in result.tool_calls if c.name == "search_policies"), None)
    if program not in PROGRAMS:
        return []
    return [FollowUp(CHECK.label, CHECK.question.format(program=PROGRAMS[program]), tooltip=CHECK.tooltip)]


CAPABILITY = register(Capability(
    name="policy_qa",
    route=ROUTE,
    label="제도 안내",
    roles=("citizen", "counselor"),
    priority=930,
    claims=nlu_decides(ROUTE),
    run=run_node(node),
    blocks=("markdown",),
    follow_ups=(CHECK,),
    gold=GOLD,
    evaluate=None,
    examples=("실업급여 받으면서 알바해도 돼요?", "올해 최저시급 얼마예요?"),
    node=node,
    routed_by_nlu=True,
    llm_writes=True,
    actions=actions,
))
