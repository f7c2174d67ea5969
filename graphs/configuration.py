"""Per-run context: who is asking, what day it is, which thread, and the knowledge base.

:class:`Context` is the graph's typed runtime context (``StateGraph(context_schema=Context)``; nodes read it as
``runtime.context``). The service passes it with every turn. :class:`Configuration` is the thin compatible reader of
a raw ``configurable`` dict (LangGraph Studio, a caller that passes only ``config``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from langchain_core.runnables import RunnableConfig

from graphs.answer import ROLES, Role

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase


def checked_role(role: object) -> Role:
    """``role`` when it is a known role; anything else is treated as the least privileged one."""
    return cast(Role, role) if role in ROLES else "citizen"


@dataclass(frozen=True)
class Context:
    """What every node of one turn knows besides the thread's state."""

    kb: KnowledgeBase
    today: date
    role: Role = "citizen"
    thread_id: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", checked_role(self.role))


@dataclass(frozen=True)
class Configuration:
    role: Role = "citizen"
    today: date | None = None
    thread_id: str = ""

    @classmethod
    def from_config(cls, config: RunnableConfig | None) -> Configuration:
        conf: dict[str, Any] = dict((config or {}).get("configurable", {}))
        return cls(role=checked_role(conf.get("role", "citizen")), today=conf.get("today"),
                   thread_id=str(conf.get("thread_id", "")))
