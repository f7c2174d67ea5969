"""app.history: the SQLite chat store is created by us, masks personal data, hides citizens' thread lists."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import chainlit.data as cl_data
import pytest
from chainlit.context import init_http_context
from chainlit.types import Feedback, Pagination, ThreadFilter
from chainlit.user import User

from app import history
from tests.conftest import make_settings

PHONE = "010-9876-5432"
RRN = "900101-1234568"


@pytest.fixture(autouse=True)
def no_global_data_layer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Chainlit's own global data layer stays off: each test builds its own on a temp SQLite file."""
    monkeypatch.setattr(cl_data, "_data_layer", None)
    monkeypatch.setattr(cl_data, "_data_layer_initialized", True)
    yield


T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def test_chat_db_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "d")
    assert history.chat_db_url(settings) == f"sqlite+aiosqlite:///{(tmp_path / 'd' / 'chat.sqlite').resolve()}"
    monkeypatch.setenv("GOYONG_CHAT_DB_URL", "postgresql://u:p@db:5432/chat")
    assert history.chat_db_url(make_settings(tmp_path / "d")) == "postgresql+asyncpg://u:p@db:5432/chat"


def test_everything_stored_is_masked_and_guest_threads_are_not_listed(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    settings = make_settings(tmp_path / "data")
    db_file = tmp_path / "data" / "chat.sqlite"

    async def scenario() -> tuple[int, int, Any]:
        url = history.chat_db_url(settings)
        await history.ensure_schema(url)
        await history.ensure_schema(url)  # idempotent
        layer = history.build_data_layer(settings)
        init_http_context()
        staff = await layer.create_user(User(identifier="kim", metadata={"role": "counselor"}))
        guest = await layer.create_user(User(identifier="guest:abc", metadata={"role": "citizen"}))
        assert staff is not None and guest is not None
        threads: dict[str, str] = {}
        for who in (staff, guest):
            thread_id = str(uuid.uuid4())
            threads[who.identifier] = thread_id
            await layer.update_thread(thread_id, name=f"전화 {PHONE} 실업급여", user_id=who.id)
            step_id = str(uuid.uuid4())
            await layer.create_step({
                "id": step_id, "threadId": thread_id, "name": who.identifier, "type": "user_message",
                "output": f"주민번호 {RRN} 이고 실업급여 받을 수 있나요?", "streaming": False,
                "createdAt": "2026-11-21T00:00:00Z", "metadata": {"location": "http://x"}, "unknownKey": "dropped",
            })
            await layer.upsert_feedback(Feedback(forId=step_id, value=1, threadId=thread_id,
                                                 comment=f"연락 주세요 {PHONE}"))
        staff_list = await layer.list_threads(Pagination(first=10), ThreadFilter(userId=staff.id))
        guest_list = await layer.list_threads(Pagination(first=10), ThreadFilter(userId=guest.id))
        resumed = await layer.get_thread(threads["kim"])
        await layer.close()
        return len(staff_list.data), len(guest_list.data), resumed

    n_staff, n_guest, resumed = run(scenario())
    assert n_staff == 1 and n_guest == 0
    assert resumed is not None and resumed["userIdentifier"] == "kim"
    assert "[주민등록번호]" in resumed["steps"][0]["output"]
    con = sqlite3.connect(db_file)
    dump = "\n".join(con.iterdump())
    con.close()
    assert PHONE not in dump and RRN not in dump and "1234568" not in dump
    assert dump.count("[전화번호]") >= 4 and "[주민등록번호]" in dump


def test_local_storage_round_trip_and_no_paths_from_keys(tmp_path: Path) -> None:
    storage = history.LocalStorageClient(tmp_path / "files")

    async def scenario() -> None:
        key = "user-1/elem-1/📄 구직급여 · 요건 (2025-01-01 시행)"
        up = await storage.upload_file(key, f"본문 {PHONE}", mime="text/plain")
        assert up["url"].startswith(history.FILES_ROUTE + "/user-1/elem-1/")
        found = storage.read(history.object_key_from_path(up["url"][len(history.FILES_ROUTE) + 1:]))
        assert found is not None
        data, mime = found
        assert data.decode() == "본문 [전화번호]" and mime == "text/plain"
        evil = "../../etc/passwd"
        await storage.upload_file(evil, b"x")
        assert storage.path_for(evil).parent == tmp_path / "files"
        assert await storage.delete_file(key) is True
        assert storage.read(key) is None

    run(scenario())


def test_many_concurrent_sessions_all_get_stored(tmp_path: Path) -> None:
    """200 users created at once all land, on a WAL database (the 50-session load test is the real check)."""
    settings = make_settings(tmp_path / "data")
    url = history.chat_db_url(settings)

    async def scenario() -> int:
        await history.ensure_schema(url)
        layer = history.build_data_layer(settings)
        try:
            await asyncio.gather(*(layer.create_user(User(identifier=f"guest:{i}")) for i in range(200)))
        finally:
            await layer.engine.dispose()
        return 0

    run(scenario())
    con = sqlite3.connect(tmp_path / "data" / "chat.sqlite")
    try:
        assert con.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 200
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_queued_writes_share_a_transaction_and_a_bad_statement_fails_alone(tmp_path: Path) -> None:
    """Writes queued together commit in one batch; a duplicate key answers None without undoing the others."""
    settings = make_settings(tmp_path / "data")
    url = history.chat_db_url(settings)
    insert = 'INSERT INTO users ("id", "identifier", "createdAt", "metadata") VALUES (:id, :identifier, :at, :m)'

    async def scenario() -> list[Any]:
        await history.ensure_schema(url)
        layer = history.build_data_layer(settings)
        try:
            rows = [{"id": str(uuid.uuid4()), "identifier": f"u{i % 3}", "at": "2026-11-22", "m": "{}"} for i in range(4)]
            results = await asyncio.gather(*(layer.execute_sql(insert, row) for row in rows))
            found = await layer.execute_sql('SELECT "identifier" FROM users ORDER BY "identifier"', {})
        finally:
            await layer.engine.dispose()
        return [results, found]

    results, found = run(scenario())
    assert results == [1, 1, 1, None]  # u0 twice: the second is refused, u1 and u2 are stored
    assert [r["identifier"] for r in found] == ["u0", "u1", "u2"]


def test_citizen_source_panels_are_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    layer = history.build_data_layer(make_settings(tmp_path / "data"))
    stored: list[Any] = []

    async def parent_create(self: Any, element: Any) -> None:
        stored.append(element)

    monkeypatch.setattr(history.SQLAlchemyDataLayer, "create_element", parent_create)
    monkeypatch.setattr(history, "_current_user_is_guest", lambda: True)
    run(layer.create_element("citizen source"))
    monkeypatch.setattr(history, "_current_user_is_guest", lambda: False)
    run(layer.create_element("counselor source"))
    assert stored == ["counselor source"]
