"""``goyong plan --thread T [--out plan.docx|plan.md] [--unmasked] [--note] [--role counselor]``: the thread's
취업활동계획 draft (or its 상담일지 with ``--note``) printed as Markdown and saved as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from graphs.blocks import CapabilityAnswer, FileBlock
from graphs.capabilities.registry import CapabilityRequest


def thread_request(assistant: Any, thread_id: str, role: str, text: str) -> CapabilityRequest | None:
    """A request built from the thread's stored state (seeker, profile, memory, turns); ``None`` for an unknown
    thread."""
    from langchain_core.messages import AIMessage, HumanMessage

    today = assistant.kb.settings.current_date()
    config = {"configurable": {"thread_id": thread_id, "role": role, "today": today}}
    state: dict[str, Any] = assistant.graph.get_state(config).values or {}
    messages = state.get("messages") or []
    if not messages:
        return None
    history = tuple(("user" if isinstance(m, HumanMessage) else "assistant", str(m.content))
                    for m in messages if isinstance(m, HumanMessage | AIMessage) and m.content)
    return CapabilityRequest(text=text, role=role, today=today, kb=assistant.kb,  # type: ignore[arg-type]
                             profile=dict(state.get("profile") or {}), seeker=dict(state.get("seeker") or {}),
                             memory=dict(state.get("memory") or {}), thread_id=thread_id, history=history)


def _answer(request: CapabilityRequest, note: bool) -> CapabilityAnswer:
    if note:
        from graphs.capabilities.consultation_note.capability import run as run_note

        return run_note(request)
    from graphs.capabilities.activity_plan.capability import run as run_plan

    return run_plan(request)


def cli_plan(args: argparse.Namespace) -> int:
    from graphs.service import Assistant
    from knowledge.base import KnowledgeBase
    from knowledge.config import get_settings

    out: Path | None = args.out
    if out is not None and out.suffix.lower() not in (".docx", ".md"):
        sys.stderr.write("오류: --out은 .docx 또는 .md 파일이어야 합니다.\n")
        return 2
    what = "상담일지 써줘" if args.note else "취업활동계획 초안 만들어 줘"
    text = f"개인정보 포함해서 {what}" if args.unmasked else what
    kb = KnowledgeBase.open(get_settings())
    try:
        request = thread_request(Assistant(kb), args.thread, args.role, text)
        if request is None:
            sys.stderr.write(f"오류: 대화 '{args.thread}'를 찾지 못했습니다 — `goyong ask … --thread {args.thread}`로 "
                             "먼저 상담 내용을 남겨 주세요.\n")
            return 1
        answer = _answer(request, args.note)
    finally:
        kb.close()
    sys.stdout.write(answer.markdown() + "\n")
    if out is not None:
        files = {b.name.rsplit(".", 1)[-1]: b for b in answer.blocks if isinstance(b, FileBlock)}
        out.write_bytes(files[out.suffix.lower().lstrip(".")].content())
        sys.stderr.write(f"저장했습니다: {out}\n")
    return 0
