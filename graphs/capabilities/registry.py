"""The capability registry: one declaration per feature, read by the graph, the router, the UI and ``goyong eval``.

A capability is one folder under ``graphs/capabilities/<name>/`` whose ``capability.py`` calls :func:`register`
once with a :class:`Capability`: its route, Korean label, the roles that may use it, a ``claims(text, understanding)``
router hook with an explicit priority, ``run(request) -> CapabilityAnswer`` (typed blocks, ``graphs/blocks.py``),
the block kinds it emits, follow-up questions, its gold data and its ``evaluate``. :data:`KNOWN` lists the folders
that are loaded (the only list to edit when a capability is added).

A capability that asks a question back declares it in its answer (``CapabilityAnswer.ask``): the thread then waits
for the reply (LangGraph ``interrupt()``), the NLU reads the next message first, and a reply comes back to the
capability as ``CapabilityRequest.asked`` while a new request goes to its own route (the question keeps waiting).
A capability that needs more of the thread's state (the last search to refine) gives a full
``node(state, context) -> update`` instead of relying on ``run`` alone; one whose answer an LLM may rewrite
sets ``llm_writes``; ``actions`` and ``render`` are its hooks for answer-dependent buttons and a view of its own.

The routes of the NLU (``understand``) are declared here too (:data:`Route`): the core ones answered by the graph
itself (:data:`BUILTIN_ROUTES`) and those the NLU decides for a registered capability (:data:`NLU_ROUTES`, the
:data:`CORE` folders). Every route name of the assistant comes from this module.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, Field

from graphs.answer import ROLES, AnswerResult, Role
from graphs.blocks import Ask, BlockKind, CapabilityAnswer

if TYPE_CHECKING:
    from graphs.configuration import Context
    from graphs.nlu.models import Understanding
    from knowledge.base import KnowledgeBase
    from knowledge.config import Settings

# ---- routes ----------------------------------------------------------------------------------------------------
# The routes the NLU decides (graphs/nlu/understand.py); registered capabilities add theirs (Capability.route).
Route = Literal[
    "crisis", "out_of_scope", "greeting", "eligibility", "job_search", "training_search", "policy_qa", "foreign_language"
]
# The core routes the graph answers itself (fixed texts).
BUILTIN_ROUTES: dict[str, str] = {
    "crisis": "위기 상담 연결",
    "out_of_scope": "범위 밖 안내",
    "greeting": "인사",
    "foreign_language": "외국어 안내",
}
# Routes the NLU decides for a registered capability (routed_by_nlu): one per CORE folder.
NLU_ROUTES: frozenset[str] = frozenset(get_args(Route)) - frozenset(BUILTIN_ROUTES)
# Routes a capability never takes over: a person in crisis gets the crisis answer; another language gets the notice.
NEVER_CLAIMED: frozenset[str] = frozenset({"crisis", "foreign_language"})
RESERVED_NODES: frozenset[str] = frozenset({"understand", "llm_write", "llm_tools", "llm_check", "finalize",
                                            "await_reply"})

# The capabilities the NLU routes to (one per NLU_ROUTES route), loaded first.
CORE: tuple[str, ...] = ("eligibility", "job_search", "training_search", "policy_qa")
# The capability folders, loaded in this order (each registers itself once in its capability.py).
KNOWN: tuple[str, ...] = ("trends", "posting_check", "posting_draft", "job_matching", "talent_recommendation",
                         "employer_subsidies", "program_screening", "activity_plan",
                         "consultation_note", "training_recommendation", "seeker_intake")


# ---- declaration -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUp:
    """A next question offered under an answer: the button label and the question it sends."""

    label: str
    question: str  # for a "refine" action: the prompt shown before the person types the new conditions
    action: Literal["ask", "refine"] = "ask"  # ask: send ``question``; refine: ask for new search conditions
    tooltip: str = ""


@dataclass(frozen=True)
class CapabilityRequest:
    """One turn for a capability: the message, who asks, the day, the knowledge base and what the thread knows."""

    text: str
    role: Role
    today: date
    kb: KnowledgeBase
    understanding: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)  # the thread's Profile fields (exclude_none)
    seeker: dict[str, Any] = field(default_factory=dict)  # what the thread remembers of the seeker (occupation)
    # what earlier answers of the thread asked to be remembered, by capability name (CapabilityAnswer.remember):
    # {"job_matching": {...}, "training_recommendation": {...}} — e.g. a 취업활동계획 reads the last matches
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)
    thread_id: str = ""
    # the thread's earlier turns, oldest first, as (speaker, text) with speaker "user" or "assistant" (this turn's
    # message excluded; personal data already masked) — e.g. for a 상담일지 summary
    history: tuple[tuple[str, str], ...] = ()
    # this message is the reply to the question the capability asked in its last answer (CapabilityAnswer.ask):
    # that question (a bare "네" or "27세요" is read as its ``field``); None for any other message
    asked: Ask | None = None

    @property
    def settings(self) -> Settings:
        return self.kb.settings


Need = Literal["index", "stats"]


@dataclass(frozen=True)
class EvalContext:
    """What a capability's evaluate gets from ``goyong eval``: the date, settings whose data dir holds what the
    capability declared it needs (``"stats"``: a statistics store built from the bundled corpus as of ``today``, in a
    temp dir so an admin's release does not change the scores) and the index when it needs one."""

    today: date
    settings: Settings
    kb: KnowledgeBase | None = None


class EvalRow(BaseModel):
    label: str  # Korean, for the summary table
    metric: str  # the key in ``metrics`` / thresholds.yaml ("trends.figure_recall")
    value: str  # formatted ("100.0%", "0")


class EvalFailure(BaseModel):
    id: str
    detail: str


class CapabilityEval(BaseModel):
    """A capability's gold-set result: flat metrics named ``<capability>.<metric>``, table rows, wrong items, and
    the capability's own report (as JSON) for the saved eval report."""

    metrics: dict[str, float]
    rows: list[EvalRow] = Field(default_factory=list)
    failures: list[EvalFailure] = Field(default_factory=list)
    detail: dict[str, Any] = Field(default_factory=dict)


Claims = Callable[[str, "Understanding"], bool]
# A full graph node: the thread's state (graphs/state.py AgentState) and the turn's context → the state update.
Node = Callable[[Any, "Context"], dict[str, Any]]


@dataclass(frozen=True)
class View:
    """A capability's own view of its answer in the chat: the Markdown parts (in order) and what "자세히" opens."""

    parts: list[str]
    details: str = ""


def nlu_decides(route: str) -> Claims:
    """The ``claims`` of a capability the NLU routes to: the message is its when the NLU chose its route."""
    return lambda text, u: u.route == route


@dataclass(frozen=True)
class Capability:
    """One feature of the assistant, declared once."""

    name: str  # the folder name; also the eval set name
    route: str  # the graph node / AnswerResult.route
    label: str  # Korean label
    roles: tuple[Role, ...]  # who may use it (the router does not offer it to other roles)
    priority: int  # claims are asked in ascending priority (lower first)
    claims: Claims  # does this message belong to the capability? (after the NLU, before its fallbacks)
    run: Callable[[CapabilityRequest], CapabilityAnswer]
    blocks: tuple[BlockKind, ...]  # the block kinds run() may emit (each needs a renderer in the UI)
    follow_ups: tuple[FollowUp, ...]  # next questions offered under an answer
    gold: Path  # the gold data its evaluate reads
    # None: scored by the assistant-wide sets of ``goyong eval`` (evals/gold, e.g. the core routes)
    evaluate: Callable[[EvalContext], CapabilityEval] | None
    examples: tuple[str, ...] = ()  # messages it must claim (tests)
    needs: frozenset[Need] = frozenset()  # what evaluate needs prepared by the eval runner (EvalContext)
    # optional hooks (see the module docstring)
    node: Node | None = None  # a full node when run() alone cannot answer (it reads or keeps thread state)
    routed_by_nlu: bool = False  # the NLU decides its route (NLU_ROUTES); claim() does not ask it
    llm_writes: bool = False  # with an LLM configured, the model may call the tools and rewrite the answer
    actions: Callable[[AnswerResult], list[FollowUp]] | None = None  # buttons that depend on the answer
    render: Callable[[AnswerResult, bool], View | None] | None = None  # (result, staff) → its own chat view

    def allows(self, role: str) -> bool:
        return role in self.roles


class RegistryError(ValueError):
    """A capability declared twice, or with a route, role or priority the registry cannot accept."""


_REGISTRY: dict[str, Capability] = {}
_lock = threading.RLock()
_loaded = False


def register(cap: Capability) -> Capability:
    """Add ``cap`` (called once, from the capability's own ``capability.py``)."""
    with _lock:
        if cap.name in _REGISTRY:
            raise RegistryError(f"capability '{cap.name}' is registered twice")
        routes = {c.route for c in _REGISTRY.values()}
        if cap.route in BUILTIN_ROUTES or cap.route in RESERVED_NODES or cap.route in routes:
            raise RegistryError(f"capability '{cap.name}': route '{cap.route}' is already taken")
        if cap.routed_by_nlu != (cap.route in NLU_ROUTES):
            raise RegistryError(f"capability '{cap.name}': only the NLU's routes {sorted(NLU_ROUTES)} are routed by it")
        if not cap.roles or not set(cap.roles) <= set(ROLES):
            raise RegistryError(f"capability '{cap.name}': roles must be among {ROLES}")
        if any(c.priority == cap.priority for c in _REGISTRY.values()):
            raise RegistryError(f"capability '{cap.name}': priority {cap.priority} is already used")
        _REGISTRY[cap.name] = cap
    return cap


def load() -> None:
    """Import every known capability folder's ``capability.py`` (idempotent)."""
    global _loaded
    with _lock:
        if _loaded:
            return
        for name in (*CORE, *KNOWN):
            importlib.import_module(f"graphs.capabilities.{name}.capability")
        _loaded = True


# ---- lookups ---------------------------------------------------------------------------------------------------
def capabilities() -> list[Capability]:
    """Every registered capability, in claim order (ascending priority)."""
    load()
    return sorted(_REGISTRY.values(), key=lambda c: c.priority)


def get(name: str) -> Capability:
    load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no capability named '{name}' (registered: {', '.join(_REGISTRY)})") from None


def for_route(route: str) -> Capability | None:
    return next((c for c in capabilities() if c.route == route), None)


def route_names() -> tuple[str, ...]:
    """Every route of the assistant: the built-in ones, then the capabilities'."""
    return (*BUILTIN_ROUTES, *(c.route for c in capabilities()))


def route_label(route: str) -> str:
    cap = for_route(route)
    return cap.label if cap else BUILTIN_ROUTES.get(route, route)


def claim(text: str, understanding: Understanding, role: str) -> Capability | None:
    """The first capability (by priority) open to ``role`` that claims the message; never over a crisis or a
    message in another language."""
    if understanding.route in NEVER_CLAIMED:
        return None
    for cap in capabilities():
        if not cap.routed_by_nlu and cap.allows(role) and cap.claims(text, understanding):
            return cap
    return None


def evaluated() -> list[Capability]:
    """The capabilities with their own gold-set evaluate (the others are scored by the assistant-wide sets)."""
    return [c for c in capabilities() if c.evaluate is not None]
