"""The agent's state, kept per conversation thread by the checkpointer."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages


class Pending(TypedDict, total=False):
    """What the assistant is waiting for: the program being checked and the fact it just asked about."""

    route: str
    program: str | None
    expecting: str | None
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
