"""What the capabilities with their own graph node share: the tools' context for a turn, ``run`` built from a node
(a turn without thread state), and "for this person" searches filled from the thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from langchain_core.messages import HumanMessage

from graphs.answer import AnswerResult
from graphs.blocks import CapabilityAnswer, MarkdownBlock
from graphs.capabilities.registry import CapabilityRequest, Node
from graphs.configuration import Context
from graphs.nlu.gazetteer import find_places, resolve
from graphs.nlu.seeker import load_seeker
from graphs.state import AgentState
from graphs.tools import ToolContext
from knowledge.schemas import JobFilters, TrainingFilters


def tool_context(ctx: Context) -> ToolContext:
    return ToolContext(kb=ctx.kb, today=ctx.today)


def result_update(res: AnswerResult, **update: Any) -> dict[str, Any]:
    """The state update of a node that answered with ``res`` (plus what else it keeps)."""
    return {"result": res.model_dump(mode="json"), **update}


def run_node(node: Node) -> Callable[[CapabilityRequest], CapabilityAnswer]:
    """``run`` of a capability that answers through its node: the request as a one-turn thread, the node's
    result as blocks (its typed blocks, or its Markdown answer as one block)."""

    def run(request: CapabilityRequest) -> CapabilityAnswer:
        state: AgentState = {"messages": [HumanMessage(request.text)], "understanding": request.understanding,
                             "profile": request.profile, "seeker": request.seeker, "memory": request.memory}
        ctx = Context(kb=request.kb, today=request.today, role=request.role, thread_id=request.thread_id)
        res = AnswerResult.model_validate(node(state, ctx)["result"])
        return CapabilityAnswer(blocks=res.blocks or [MarkdownBlock(text=res.answer)], citations=res.citations)

    return run


def search_words(result: AnswerResult, tool: str) -> str:
    """The region and the words of the search the answer ran ("서귀포시 호텔"); empty without search words."""
    call = next((c for c in result.tool_calls if c.name == tool), None)
    query = str(call.args.get("query") or "") if call else ""
    if not call or not query:
        return ""
    return " ".join(p for p in (str(call.args.get("region") or ""), query) if p).strip()


_F = TypeVar("_F", JobFilters, TrainingFilters)


def for_the_person(state: AgentState, query: str, filters: _F) -> tuple[str, _F]:
    """"이분께 맞는 훈련과정", "저한테 맞는 일자리" with no words of its own: the occupation remembered in the thread
    and the person's region (Profile.region, a city or a district) fill the search."""
    if not state["understanding"].get("for_the_person") or query:
        return query, filters
    occupation = load_seeker(state.get("seeker")).desired_occupation or ""
    region = (state.get("profile") or {}).get("region")
    if region and filters.region is None:
        city, district = resolve(find_places(region))
        update: dict[str, Any] = {"region": city}
        if isinstance(filters, JobFilters) and filters.district is None and district:
            update["district"] = district
        filters = filters.model_copy(update=update)
    return occupation, filters
