"""The agent's state, kept per conversation thread by the checkpointer, and small readers of it."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage
from langgraph.graph.message import add_messages


class Pending(TypedDict, total=False):
    """A capability waiting for the answer to its question (the thread is paused on it with ``interrupt()``): the
    route that asked, the fact it expects (``expecting``: a Profile field the NLU reads in the reply, or the
    capability's own name for it, e.g. ``youth.age``), the question and an example reply; the rest is the
    capability's own (eligibility: the program being checked, the year, the fields already asked)."""

    route: str
    expecting: str | None
    question: str | None
    example: str | None
    program: str | None
    asks: list[str]
    year: int | None
    asked: list[str]  # profile fields already asked in this thread (each is asked once)


class AgentState(TypedDict, total=False):
    messages: Annotated[list[AnyMessage], add_messages]
    role: str
    profile: dict[str, Any]  # accumulated Profile fields (exclude_none)
    pending: Pending | None
    last_jobs: dict[str, Any] | None  # last job query and filters, for "서귀포만 다시" refinements
    # what the thread knows of the person beyond the Profile: {"occupation": "요양보호사"} (the desired or last
    # occupation/field words), for "이분께 맞는 훈련과정" (a fuller seeker profile is a later issue)
    seeker: dict[str, Any] | None
    # what capabilities asked the thread to remember of their last answer, by capability name
    # (CapabilityAnswer.remember → CapabilityRequest.memory)
    memory: dict[str, dict[str, Any]] | None
    understanding: dict[str, Any]
    result: dict[str, Any]  # the AnswerResult of the last turn
    # the LLM step of one turn (graphs/graph.py: llm_write ⇄ llm_tools → llm_check): the model's conversation with
    # its tool results, and the time (epoch seconds) by which the whole step must be done; cleared after the step
    llm_messages: Annotated[list[AnyMessage], add_messages]
    llm_deadline: float | None


def last_human(state: AgentState) -> str:
    """The text of this turn's message."""
    for msg in reversed(state.get("messages", [])):
        if isinstance(msg, HumanMessage):
            return str(msg.content)
    return ""


def history(state: AgentState) -> tuple[tuple[str, str], ...]:
    """The thread's earlier turns as (speaker, text), without this turn's message."""
    turns = [("user" if isinstance(m, HumanMessage) else "assistant", str(m.content))
             for m in state.get("messages", []) if isinstance(m, HumanMessage | AIMessage) and m.content]
    return tuple(turns[:-1])
