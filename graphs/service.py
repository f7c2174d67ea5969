"""The assistant as a service: one compiled graph with per-thread memory, used by the CLI and the chat UI."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, cast

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessageChunk, HumanMessage
from langgraph.types import Command
from pydantic import ValidationError

from graphs.answer import AnswerResult, Role, ToolCallOut
from graphs.configuration import Context
from graphs.graph import Deps, build_graph, question_waiting
from graphs.llm import build_llm
from graphs.nlu.seeker import dump_seeker, load_seeker
from graphs.profile import PROFILE_LABELS, SEEKER_LABELS, STAFF_ONLY, Profile, SeekerProfile
from graphs.state import Pending
from knowledge.base import KnowledgeBase
from knowledge.config import Settings
from knowledge.diskfull import DISK_FULL_ANSWER, is_disk_full
from knowledge.pii import mask_pii

logger = logging.getLogger(__name__)

MAX_INPUT_CHARS = 4000
EMPTY_INPUT = "질문을 입력해 주세요. 예: \"서귀포 호텔 일자리\", \"실업급여 받을 수 있나요?\""


EDIT_NODE = "finalize"  # a profile edit is written as if the turn's last node made it: nothing is left to run
WAIT_NODE = "await_reply"  # where a thread pauses (interrupt()) while a capability's question waits for its reply
STREAMED_NODE = "llm_write"  # the node whose model tokens are streamed


class ProfileEditError(ValueError):
    """An edit of the profile that does not validate; the message names the field in Korean."""


@dataclass
class Event:
    """One streamed piece of a turn: an LLM token, a finished tool step, or the final result."""

    kind: Literal["token", "step", "result"]
    text: str = ""
    step: ToolCallOut | None = None
    result: AnswerResult | None = None


def open_checkpointer(settings: Settings) -> Any:
    """SQLite under the data dir by default; PostgreSQL when ``GOYONG_CHECKPOINT_POSTGRES_URL`` is set."""
    if settings.checkpoint_postgres_url:
        try:
            from langgraph.checkpoint.postgres import PostgresSaver  # type: ignore[import-not-found]
        except ImportError as exc:
            raise RuntimeError(
                "GOYONG_CHECKPOINT_POSTGRES_URL을 쓰려면 `pip install langgraph-checkpoint-postgres psycopg[binary]`가 "
                "필요합니다 (PostgreSQL checkpointer not installed)"
            ) from exc
        saver = PostgresSaver.from_conn_string(settings.checkpoint_postgres_url).__enter__()
        saver.setup()
        return saver
    from langgraph.checkpoint.sqlite import SqliteSaver

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(settings.data_dir / "checkpoints.sqlite"), check_same_thread=False)
    return SqliteSaver(conn)


class Assistant:
    """Ask questions in a thread; the graph remembers the thread's profile, and a thread whose answer asked a
    question waits for the reply (paused with ``interrupt()``; the next message resumes it)."""

    def __init__(self, kb: KnowledgeBase, *, llm: BaseChatModel | None = None, checkpointer: Any = None) -> None:
        self.kb = kb
        self.llm = llm
        self.checkpointer = checkpointer if checkpointer is not None else open_checkpointer(kb.settings)
        deps = Deps(kb=kb, llm=llm, today=kb.settings.current_date, llm_timeout_s=kb.settings.llm_timeout_s)
        self.graph = build_graph(deps, self.checkpointer)

    @classmethod
    def from_settings(cls, kb: KnowledgeBase) -> Assistant:
        return cls(kb, llm=build_llm(kb.settings))

    def _config(self, role: Role, thread_id: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": thread_id, "role": role, "today": self.kb.settings.current_date()}}

    def _context(self, role: Role, thread_id: str) -> Context:
        """The turn's typed runtime context (the graph's ``context_schema``)."""
        return Context(kb=self.kb, today=self.kb.settings.current_date(), role=role, thread_id=thread_id)

    @staticmethod
    def _clean(question: str) -> str:
        """Bounded, NUL-free text with personal data masked before it reaches the graph, an LLM or the history."""
        text = (question or "").replace("\x00", "").strip()[:MAX_INPUT_CHARS]
        masked, _kinds = mask_pii(text)
        return masked

    def _disk_full(self, exc: Exception, role: Role, thread_id: str) -> AnswerResult:
        """The conversation memory (checkpoint) could not be written: say so politely instead of failing."""
        if not is_disk_full(exc):
            raise exc
        logger.error("no space to store the conversation in %s: %s", self.kb.settings.data_dir, exc)
        return AnswerResult(answer=DISK_FULL_ANSWER, route="error", role=role, thread_id=thread_id,
                            fallback_reason="disk_full")

    def _input(self, text: str, config: dict[str, Any]) -> Any:
        """The turn's input: the resume of the thread's waiting question (``Command(resume=text)``, the graph reads
        whether it is the reply), else the message as a new turn."""
        if WAIT_NODE in self.graph.get_state(config).next:
            return Command(resume=text)
        return {"messages": [HumanMessage(text)]}

    def waiting(self, thread_id: str, *, role: Role = "citizen") -> dict[str, Any] | None:
        """The question the thread waits to have answered (the interrupt's value: question, expecting, example,
        capability), or None."""
        snapshot = self.graph.get_state(self._config(role, thread_id))
        if WAIT_NODE not in snapshot.next:
            return None
        for intr in snapshot.interrupts:
            return dict(intr.value) if isinstance(intr.value, dict) else {"question": str(intr.value)}
        pending = cast(Pending, snapshot.values.get("pending") or {})
        return question_waiting(pending)  # paused by a profile edit: not asked again yet

    def ask(self, question: str, *, role: Role = "citizen", thread_id: str | None = None) -> AnswerResult:
        thread_id = thread_id or uuid.uuid4().hex
        text = self._clean(question)
        if not text:
            return AnswerResult(answer=EMPTY_INPUT, route="empty", role=role, thread_id=thread_id)
        config = self._config(role, thread_id)
        try:
            state = self.graph.invoke(self._input(text, config), config, context=self._context(role, thread_id))
        except Exception as exc:
            return self._disk_full(exc, role, thread_id)
        return AnswerResult.model_validate({**state["result"], "role": role, "thread_id": thread_id})

    def stream(self, question: str, *, role: Role = "citizen", thread_id: str | None = None) -> Iterator[Event]:
        """LLM tokens as they come (``stream_mode="messages"``), tool steps as they finish, then the result."""
        thread_id = thread_id or uuid.uuid4().hex
        text = self._clean(question)
        if not text:
            yield Event("result", result=AnswerResult(answer=EMPTY_INPUT, route="empty", role=role, thread_id=thread_id))
            return
        try:
            yield from self._stream(text, role, thread_id)
        except Exception as exc:
            yield Event("result", result=self._disk_full(exc, role, thread_id))

    def _stream(self, text: str, role: Role, thread_id: str) -> Iterator[Event]:
        final: dict[str, Any] | None = None
        steps_seen = 0
        config = self._config(role, thread_id)
        for mode, payload in self.graph.stream(
            self._input(text, config), config, stream_mode=["messages", "updates"],
            context=self._context(role, thread_id),
        ):
            if mode == "messages":
                chunk, meta = payload
                if isinstance(chunk, AIMessageChunk) and meta.get("langgraph_node") == STREAMED_NODE and chunk.content:
                    yield Event("token", text=str(chunk.content))
            elif mode == "updates":
                for node, update in (payload or {}).items():
                    if isinstance(update, dict) and "result" in update and node != "finalize":
                        final = update["result"]
                        calls = update["result"].get("tool_calls", [])
                        for call in calls[steps_seen:]:
                            yield Event("step", step=ToolCallOut.model_validate(call))
                        steps_seen = max(steps_seen, len(calls))
        if final is None:
            state = self.graph.get_state(self._config(role, thread_id)).values
            final = state.get("result", {"answer": "", "route": "error"})
        yield Event("result", result=AnswerResult.model_validate({**final, "role": role, "thread_id": thread_id}))

    def history(self, thread_id: str, *, role: Role = "citizen") -> list[dict[str, str]]:
        state = self.graph.get_state(self._config(role, thread_id)).values
        return [{"type": m.type, "content": str(m.content)} for m in state.get("messages", [])]

    # ---- the person's profile (seeker + eligibility facts) ------------------------------------------------------
    def profile(self, thread_id: str, role: Role = "citizen") -> dict[str, dict[str, Any]]:
        """What the thread knows of the person: ``{"seeker": SeekerProfile fields, "profile": Profile fields}``
        (only filled ones; staff-only fields are left out for a citizen)."""
        state = self.graph.get_state(self._config(role, thread_id)).values
        seeker = dump_seeker(load_seeker(state.get("seeker")))
        profile = dict(state.get("profile") or {})
        if role == "citizen":
            seeker = {k: v for k, v in seeker.items() if k not in STAFF_ONLY}
        return {"seeker": seeker, "profile": profile}

    def update_profile(self, thread_id: str, role: Role = "citizen", *, seeker: dict[str, Any] | None = None,
                       profile: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
        """Replace the given fields (``None`` or an empty list clears one) and store them in the thread, where the
        next turn reads them. Raises :class:`ProfileEditError` naming the field when a value does not validate."""
        config = self._config(role, thread_id)
        state = self.graph.get_state(config).values
        update: dict[str, Any] = {}
        if seeker:
            if role == "citizen" and set(seeker) & STAFF_ONLY:
                raise ProfileEditError("상담사만 바꿀 수 있는 항목입니다: "
                                       + ", ".join(SEEKER_LABELS[k] for k in sorted(set(seeker) & STAFF_ONLY)))
            current = load_seeker(state.get("seeker")).model_dump(mode="json")
            merged = _validated(SeekerProfile, {**current, **_masked(seeker)}, SEEKER_LABELS)
            update["seeker"] = dump_seeker(merged)
        if profile:
            current = dict(state.get("profile") or {})
            merged_p = _validated(Profile, {**current, **_masked(profile)}, PROFILE_LABELS)
            update["profile"] = merged_p.model_dump(mode="json", exclude_none=True)
        if update:
            as_node = EDIT_NODE if EDIT_NODE in self.graph.nodes else None
            self.graph.update_state(config, update, as_node=as_node)
        return self.profile(thread_id, role)


def _masked(values: dict[str, Any]) -> dict[str, Any]:
    """Free text typed into the panel goes through the same personal-data masking as a chat message."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = mask_pii(value)[0]
        elif isinstance(value, list):
            value = [mask_pii(v)[0] if isinstance(v, str) else v for v in value]
        out[key] = value
    return out


def _validated(model: type[Any], data: dict[str, Any], labels: dict[str, str]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else ""
        raise ProfileEditError(f"'{labels.get(name, name)}' 값이 올바르지 않습니다: {err['msg']}") from exc
