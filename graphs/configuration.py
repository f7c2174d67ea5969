"""Per-run configuration: who is asking and what day it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from langchain_core.runnables import RunnableConfig

from graphs.answer import ROLES, Role


@dataclass(frozen=True)
class Configuration:
    role: Role = "citizen"
    today: date | None = None
    thread_id: str = ""

    @classmethod
    def from_config(cls, config: RunnableConfig | None) -> Configuration:
        conf: dict[str, Any] = dict((config or {}).get("configurable", {}))
        role = conf.get("role", "citizen")
        if role not in ROLES:  # anything unknown is treated as the least privileged role
            role = "citizen"
        return cls(role=cast(Role, role), today=conf.get("today"), thread_id=str(conf.get("thread_id", "")))
