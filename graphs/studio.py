"""Entry point for LangGraph Studio / ``langgraph dev`` (see ``langgraph.json``)."""

from __future__ import annotations

from typing import Any

from graphs.graph import Deps, build_graph
from graphs.llm import build_llm
from knowledge.base import get_knowledge_base


def make_graph(config: Any = None) -> Any:
    """The agent graph on the configured knowledge base (the platform provides the checkpointer)."""
    kb = get_knowledge_base()
    return build_graph(Deps(kb=kb, llm=build_llm(kb.settings), today=kb.settings.current_date))
