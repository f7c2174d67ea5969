"""수급 요건·금액 계산 (the NLU's ``eligibility``): a program's check on what the thread knows of the person, the
passages that answer the question, and one question back for the first missing fact (each asked once). The rule
engine is ``graphs/eligibility``; scored by the assistant-wide eligibility and answers sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from graphs.answer import AnswerResult, ToolCallOut
from graphs.capabilities.eligibility.compose import eligibility_answer, eligibility_details, warning_lines
from graphs.capabilities.nodes import result_update, run_node
from graphs.capabilities.registry import Capability, FollowUp, View, nlu_decides, register
from graphs.compose import policy_citation
from graphs.configuration import Context
from graphs.eligibility import PROGRAMS
from graphs.profile import Profile
from graphs.state import AgentState, Pending, last_human
from graphs.tools import ToolContext, check_eligibility, search_policies

ROUTE = "eligibility"
GOLD = Path(__file__).resolve().parents[3] / "evals" / "gold" / "eligibility.yaml"
GUIDE_CANDIDATES = 4  # policy passages searched for a new eligibility question (the best one or two are shown)
ELIGIBILITY_ASK = "eligibility"  # the NLU's ask of "받을 수 있나요?" / "되나요?"
SECOND_PASSAGE_MIN = 0.75  # a second passage is shown when its relevance is at least this share of the first's
APPLY = FollowUp("📝 신청 방법 보기", "{program} 신청 방법 알려줘", tooltip="신청 절차와 준비 서류를 안내해요")
RESULT_KEYS = ("program", "program_name", "decision", "reasons", "missing", "amounts", "applies_year", "notes",
               "warnings", "sub_results")


def stated(u: dict[str, Any]) -> dict[str, Any]:
    """The profile facts this utterance states."""
    return {k: v for k, v in (u.get("profile") or {}).items() if v is not None}


def pick_guide(passages: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """Up to ``n`` passages, best first, by reciprocal-rank fusion of the search order and the order of their best
    sentence's relevance to the question (search order breaks ties); only passages in force in the asked year,
    unless none is."""
    pool = [p for p in passages if p.get("in_force", True)] or passages
    by_relevance = sorted(range(len(pool)), key=lambda i: (-pool[i].get("relevance", 0.0), i))
    fused = {i: 1 / (1 + i) for i in range(len(pool))}
    for r, i in enumerate(by_relevance):
        fused[i] += 1 / (1 + r)
    ranked = [pool[i] for i in sorted(range(len(pool)), key=lambda i: (-fused[i], i))]
    if not ranked:
        return []
    best = ranked[0].get("relevance", 0.0)
    # a further passage only when it answers the question nearly as well as the first (answers stay short)
    return ranked[:1] + [p for p in ranked[1:n] if p.get("relevance", 0.0) >= SECOND_PASSAGE_MIN * best]


def node(state: AgentState, ctx: Context) -> dict[str, Any]:
    u = state["understanding"]
    program = u["program"]
    tctx = ToolContext(kb=ctx.kb, today=ctx.today)
    profile = Profile.model_validate(state.get("profile") or {})
    pending: Pending = state.get("pending") or {}
    year = u.get("year") or pending.get("year")
    left_in = profile.separation_date.year if profile.separation_date else profile.separation_year
    # a past separation's year is not an "as of" date: the engine takes that year's figures from the separation
    # itself and must still count the 수급기간 (제48조) up to today
    if year and year < tctx.today.year and year != left_in:  # "2025년 실업급여 상한액": that year's rules and figures
        tctx = ToolContext(kb=tctx.kb, today=date(year, 12, 31))
        if profile.separation_date is None and profile.separation_year is None:
            profile = profile.model_copy(update={"separation_year": year})
    elif year and year > tctx.today.year and profile.separation_date is None and profile.separation_year is None:
        # "내년에 …": next year's figures (a year without them is computed on the last known one, with ⚠️)
        profile = profile.model_copy(update={"separation_year": year})
    out = check_eligibility(tctx, program, profile)
    calls = [ToolCallOut(name="check_eligibility", args={"program": program, "profile": state.get("profile") or {}},
                         result=out)]
    asked = list(pending.get("asked", [])) if pending.get("program") == program else []
    field, question = None, None
    # facts that decide come first in ``missing``, then facts that only complete an amount (asked after an
    # eligible decision too: "받을 수 있어요" without 하루 얼마·며칠 is half an answer); never twice
    for m in out.get("missing", []):
        if m["field"] not in asked:
            field, question = m["field"], m["question"]
            break
    asks = list(u.get("asks") or [])
    general = bool(set(asks) - {ELIGIBILITY_ASK})  # asks about an amount, a duration …, not only "can I"
    said = stated(u)
    replying = bool(pending) and pending.get("program") == program and bool(said)
    if replying:  # "권고사직이요": the reply says nothing to search for; cite the program's main passage
        docs = search_policies(tctx, f"{PROGRAMS.get(program, program)} {' '.join(asks)}", k=1,
                               year=out.get("applies_year"))
        guide: list[dict[str, Any]] = []
    else:  # a new question: the passages that answer it are shown next to the check
        docs = search_policies(tctx, u.get("search_text") or last_human(state), k=GUIDE_CANDIDATES,
                               year=out.get("applies_year"), focus=asks)
        guide = pick_guide(docs["passages"], 1 if ctx.role == "citizen" and (said or not general) else 2)
    calls.append(ToolCallOut(name="search_policies", args={"query": docs["query"], "year": docs["year"]},
                             result=docs))
    # a general question ("실업급여 최대 며칠?") is answered by the passages first, like a policy question; a bare
    # "받을 수 있나요?" by the check (what decides it, the one question), the passage after
    text, cites = eligibility_answer(out, ctx.role, ask=question, guide=guide, guide_first=general and not said,
                                     question=last_human(state), focus=asks)
    if replying:
        cites += [policy_citation(p) for p in docs["passages"]]
    new_pending: Pending | None = None
    if question:
        new_pending = {"route": ROUTE, "program": program, "expecting": field, "question": question,
                       "asked": [*asked, field or ""], "year": year}
    res = AnswerResult(answer=text, route=ROUTE, citations=cites, tool_calls=calls,
                       eligibility=[{k: out[k] for k in RESULT_KEYS if k in out}], follow_up=question is not None,
                       role=ctx.role, thread_id=ctx.thread_id)
    return result_update(res, pending=new_pending)


def view(result: AnswerResult, staff: bool) -> View | None:
    """Warnings first whoever wrote the text; the full checklist inline for staff, behind "자세히" for a citizen."""
    if not result.eligibility:
        return None
    parts = [result.answer]
    if result.used_llm:  # the model's text may leave out a warning or the checklist
        warnings: list[str] = []
        for e in result.eligibility:
            warnings += [w for w in warning_lines(e) if w not in warnings]
        parts = [*warnings, result.answer]
        if staff:
            parts.append("\n\n".join(eligibility_details(e, "counselor") for e in result.eligibility))
    details = "" if staff else "\n\n".join(eligibility_details(e, "citizen") for e in result.eligibility)
    return View(parts=parts, details=details)


def actions(result: AnswerResult) -> list[FollowUp]:
    """After a finished check (no question waiting), how to apply for the program."""
    if result.follow_up or not result.eligibility:
        return []
    name = result.eligibility[0].get("program_name") or ""
    return [FollowUp(APPLY.label, APPLY.question.format(program=name), tooltip=APPLY.tooltip)] if name else []


CAPABILITY = register(Capability(
    name="eligibility",
    route=ROUTE,
    label="수급 요건·금액 계산",
    roles=("citizen", "counselor"),
    priority=900,
    claims=nlu_decides(ROUTE),
    run=run_node(node),
    blocks=("markdown",),
    follow_ups=(APPLY,),
    gold=GOLD,
    evaluate=None,
    examples=("실업급여 받을 수 있나요?", "45세 권고사직, 4년 근속 수급일수"),
    node=node,
    routed_by_nlu=True,
    llm_writes=True,
    actions=actions,
    render=view,
))
