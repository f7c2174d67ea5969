"""A full disk under the conversation memory (SQLite checkpoints): the person gets a Korean message, not a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.checkpoint.sqlite import SqliteSaver

from graphs.service import Assistant
from knowledge.base import KnowledgeBase
from knowledge.diskfull import DISK_FULL_ANSWER


def _full_saver(path: Path) -> SqliteSaver:
    """The real SQLite checkpointer on a database that may not grow any more (SQLITE_FULL on the next write)."""
    con = sqlite3.connect(str(path), check_same_thread=False)
    saver = SqliteSaver(con)
    saver.setup()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    return saver


def test_full_checkpoint_store_gives_a_korean_message(kb: KnowledgeBase, tmp_path: Path) -> None:
    assistant = Assistant(kb, checkpointer=_full_saver(tmp_path / "checkpoints.sqlite"))
    result = assistant.ask("안녕하세요", role="citizen", thread_id="t-1")
    assert result.answer == DISK_FULL_ANSWER and result.route == "error"
    assert result.fallback_reason == "disk_full" and "☎1350" in result.answer
    events = list(assistant.stream("실업급여 받을 수 있나요?", role="counselor", thread_id="t-2"))
    assert events[-1].kind == "result" and events[-1].result is not None
    assert events[-1].result.answer == DISK_FULL_ANSWER and events[-1].result.role == "counselor"


def test_other_failures_still_raise(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken(InMemorySaver):
        def put(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("no such table: checkpoints")

    assistant = Assistant(kb, checkpointer=Broken())
    with pytest.raises(sqlite3.OperationalError):
        assistant.ask("안녕하세요", thread_id="t-3")
    with pytest.raises(sqlite3.OperationalError):
        list(assistant.stream("안녕하세요", thread_id="t-4"))
