"""Chat history and feedback: Chainlit's SQLAlchemy data layer, with personal data masked before any write.

- SQLite (aiosqlite) at ``<data dir>/chat.sqlite`` by default; PostgreSQL when ``GOYONG_CHAT_DB_URL`` is set
  (``postgresql://…`` is used through asyncpg). Chainlit does not create the tables: ``ensure_schema`` does.
- ``MaskingDataLayer`` runs ``mask_pii`` over every step text, thread name and feedback comment it stores,
  so nothing typed by a person reaches the database unmasked (Chainlit persists the user's message before
  our ``on_message`` runs).
- Citizens (anonymous ``guest:`` identities) get no history list: their threads are kept (masked) for feedback
  and quality review, but never listed back — a shared kiosk must not show the previous visitor's chat.
- Source panels (text elements) are stored as files under ``<data dir>/chat_files`` and served to their
  owner only, so a resumed thread still opens its sources.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.data.storage_clients.base import BaseStorageClient
from chainlit.types import Feedback, PageInfo, PaginatedResponse, Pagination, ThreadFilter
from sqlalchemy import event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import sessionmaker

from app.auth import is_guest
from knowledge.config import Settings
from knowledge.pii import mask_pii

logger = logging.getLogger(__name__)

# SQLite: many sessions write steps at once (50 in the load test). Left to SQLite's busy handler, concurrent
# writers starve ("database is locked") and exhaust SQLAlchemy's pool (5 + 10 connections, 30 s). One statement at
# a time, each in its own transaction, was not enough either: with the agent busy on both cores each took 50-200 ms
# of thread hand-offs, the queue grew to a minute and logins waited behind it. So one writer task commits whatever
# has queued in one transaction; the busy timeout covers another process (a second app on the same file).
SQLITE_BUSY_TIMEOUT_S = 60
WRITE_BATCH = 200  # statements per history transaction (a batch commits in milliseconds)
FILES_ROUTE = "/goyong-files"

STEP_COLUMNS = {
    "id", "name", "type", "threadId", "parentId", "streaming", "waitForAnswer", "isError", "metadata", "tags",
    "input", "output", "createdAt", "command", "modes", "start", "end", "generation", "showInput", "language",
    "indent", "defaultOpen", "autoCollapse",
}

_SQLITE_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS users (
        "id" TEXT PRIMARY KEY, "identifier" TEXT NOT NULL UNIQUE, "metadata" TEXT NOT NULL, "createdAt" TEXT)""",
    """CREATE TABLE IF NOT EXISTS threads (
        "id" TEXT PRIMARY KEY, "createdAt" TEXT, "name" TEXT, "userId" TEXT, "userIdentifier" TEXT, "tags" TEXT,
        "metadata" TEXT, FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS steps (
        "id" TEXT PRIMARY KEY, "name" TEXT NOT NULL, "type" TEXT NOT NULL, "threadId" TEXT NOT NULL,
        "parentId" TEXT, "streaming" BOOLEAN NOT NULL, "waitForAnswer" BOOLEAN, "isError" BOOLEAN, "metadata" TEXT,
        "tags" TEXT, "input" TEXT, "output" TEXT, "createdAt" TEXT, "command" TEXT, "modes" TEXT, "start" TEXT,
        "end" TEXT, "generation" TEXT, "showInput" TEXT, "language" TEXT, "indent" INT, "defaultOpen" BOOLEAN,
        "autoCollapse" BOOLEAN, FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS elements (
        "id" TEXT PRIMARY KEY, "threadId" TEXT, "type" TEXT, "url" TEXT, "chainlitKey" TEXT, "name" TEXT NOT NULL,
        "display" TEXT, "objectKey" TEXT, "size" TEXT, "page" INT, "language" TEXT, "forId" TEXT, "mime" TEXT,
        "props" TEXT, "autoPlay" BOOLEAN, "playerConfig" TEXT,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS feedbacks (
        "id" TEXT PRIMARY KEY, "forId" TEXT NOT NULL, "threadId" TEXT NOT NULL, "value" INT NOT NULL,
        "comment" TEXT, FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    'CREATE INDEX IF NOT EXISTS "steps_thread" ON steps ("threadId")',
    'CREATE INDEX IF NOT EXISTS "threads_user" ON threads ("userId")',
]

# The schema from the Chainlit SQLAlchemy data-layer documentation (plus the newer step columns).
_POSTGRES_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS users (
        "id" UUID PRIMARY KEY, "identifier" TEXT NOT NULL UNIQUE, "metadata" JSONB NOT NULL, "createdAt" TEXT)""",
    """CREATE TABLE IF NOT EXISTS threads (
        "id" UUID PRIMARY KEY, "createdAt" TEXT, "name" TEXT, "userId" UUID, "userIdentifier" TEXT, "tags" TEXT[],
        "metadata" JSONB, FOREIGN KEY ("userId") REFERENCES users("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS steps (
        "id" UUID PRIMARY KEY, "name" TEXT NOT NULL, "type" TEXT NOT NULL, "threadId" UUID NOT NULL,
        "parentId" UUID, "streaming" BOOLEAN NOT NULL, "waitForAnswer" BOOLEAN, "isError" BOOLEAN, "metadata" JSONB,
        "tags" TEXT[], "input" TEXT, "output" TEXT, "createdAt" TEXT, "command" TEXT, "modes" JSONB, "start" TEXT,
        "end" TEXT, "generation" JSONB, "showInput" TEXT, "language" TEXT, "indent" INT, "defaultOpen" BOOLEAN,
        "autoCollapse" BOOLEAN, FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS elements (
        "id" UUID PRIMARY KEY, "threadId" UUID, "type" TEXT, "url" TEXT, "chainlitKey" TEXT, "name" TEXT NOT NULL,
        "display" TEXT, "objectKey" TEXT, "size" TEXT, "page" INT, "language" TEXT, "forId" UUID, "mime" TEXT,
        "props" JSONB, "autoPlay" BOOLEAN, "playerConfig" JSONB,
        FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
    """CREATE TABLE IF NOT EXISTS feedbacks (
        "id" UUID PRIMARY KEY, "forId" UUID NOT NULL, "threadId" UUID NOT NULL, "value" INT NOT NULL,
        "comment" TEXT, FOREIGN KEY ("threadId") REFERENCES threads("id") ON DELETE CASCADE)""",
]


def chat_db_url(settings: Settings) -> str:
    """``Settings.chat_db_url`` (PostgreSQL) or the SQLite file under the data dir, as an async SQLAlchemy URL."""
    url = (settings.chat_db_url or "").strip()
    if url:
        for plain in ("postgres://", "postgresql://"):
            if url.startswith(plain):
                return "postgresql+asyncpg://" + url[len(plain):]
        return url
    path = (settings.data_dir / "chat.sqlite").resolve()
    return f"sqlite+aiosqlite:///{path}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_engine(url: str) -> AsyncEngine:
    """An aiosqlite engine for the chat history: WAL (reads go on during a write, cheap commits), a busy timeout."""
    engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


async def ensure_schema(url: str) -> None:
    """Create the data-layer tables if they are missing (idempotent)."""
    if is_sqlite(url):
        Path(url.split(":///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            for stmt in _SQLITE_SCHEMA if is_sqlite(url) else _POSTGRES_SCHEMA:
                await conn.execute(text(stmt))
    finally:
        await engine.dispose()


def _mask(value: Any) -> Any:
    return mask_pii(value)[0] if isinstance(value, str) and value else value


class LocalStorageClient(BaseStorageClient):
    """Element files on local disk; stored under a hash of the object key (no path from user input)."""

    def __init__(self, root: Path, route: str = FILES_ROUTE) -> None:
        self.root = root
        self.route = route

    def path_for(self, object_key: str) -> Path:
        return self.root / hashlib.sha256(object_key.encode("utf-8")).hexdigest()

    def url_for(self, object_key: str) -> str:
        return f"{self.route}/{quote(object_key, safe='/')}"

    async def upload_file(
        self, object_key: str, data: bytes | str, mime: str = "application/octet-stream", overwrite: bool = True,
        content_disposition: str | None = None,
    ) -> dict[str, Any]:
        target = self.path_for(object_key)
        if target.exists() and not overwrite:
            return {"object_key": object_key, "url": self.url_for(object_key)}
        self.root.mkdir(parents=True, exist_ok=True)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if mime.startswith("text/"):
            raw = mask_pii(raw.decode("utf-8", errors="replace"))[0].encode("utf-8")
        target.write_bytes(raw)
        target.with_suffix(".mime").write_text(mime, encoding="utf-8")
        return {"object_key": object_key, "url": self.url_for(object_key)}

    async def delete_file(self, object_key: str) -> bool:
        target = self.path_for(object_key)
        existed = target.exists()
        target.unlink(missing_ok=True)
        target.with_suffix(".mime").unlink(missing_ok=True)
        return existed

    async def get_read_url(self, object_key: str) -> str:
        return self.url_for(object_key)

    async def close(self) -> None:
        return None

    def read(self, object_key: str) -> tuple[bytes, str] | None:
        target = self.path_for(object_key)
        if not target.is_file():
            return None
        mime_file = target.with_suffix(".mime")
        mime = mime_file.read_text(encoding="utf-8") if mime_file.exists() else "application/octet-stream"
        return target.read_bytes(), mime


def _current_user_is_guest() -> bool:
    from chainlit.context import context

    try:
        user = context.session.user
    except Exception:  # outside a chat session (CLI, tests): store as usual
        return False
    return bool(user is not None and is_guest(user.identifier))


def _is_read(query: str) -> bool:
    return query.lstrip().upper().startswith(("SELECT", "WITH"))


class MaskingDataLayer(SQLAlchemyDataLayer):
    """Masks personal data in everything written; hides citizens' thread lists."""

    def __init__(self, conninfo: str, storage: LocalStorageClient | None = None) -> None:
        super().__init__(conninfo=conninfo, storage_provider=storage)
        self.storage = storage
        self.sqlite = is_sqlite(conninfo)
        if self.sqlite:  # Chainlit's engine has default pool limits and no busy timeout (nothing connected yet)
            self.engine = sqlite_engine(conninfo)
            self.async_session = sessionmaker(bind=self.engine, expire_on_commit=False, class_=AsyncSession)  # type: ignore[call-overload]
        self._pending: list[tuple[str, dict[Any, Any], asyncio.Future[Any]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def execute_sql(self, query: str, parameters: dict[Any, Any]) -> list[dict[str, Any]] | int | None:
        """Every read and write of the data layer. On SQLite, reads go straight through (WAL lets them run during
        a write) and writes join a queue that one writer task commits in batches (see ``SQLITE_BUSY_TIMEOUT_S``)."""
        if not self.sqlite or _is_read(query):
            return await super().execute_sql(query, parameters)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append((query, parameters, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._drain())
        return await future  # type: ignore[no-any-return]

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[:WRITE_BATCH], self._pending[WRITE_BATCH:]
            try:
                await self._write_batch(batch)
            except Exception as exc:  # the store itself failed (disk full, locked for 60 s): nobody waits forever
                logger.warning("chat history write failed: %s", exc)
                for _, _, future in batch:
                    if not future.done():
                        future.set_result(None)

    async def _write_batch(self, batch: list[tuple[str, dict[Any, Any], asyncio.Future[Any]]]) -> None:
        """One transaction for the whole batch. A failing statement (e.g. a duplicate key) is logged and answered
        with ``None`` like Chainlit's own ``execute_sql``; in SQLite it does not undo the batch's other statements."""
        results: list[tuple[asyncio.Future[Any], Any]] = []
        async with self.async_session() as session:
            await session.begin()
            for query, parameters, future in batch:
                try:
                    result = await session.execute(text(query), parameters)
                    value: Any = (
                        self.clean_result([dict(row._mapping) for row in result.fetchall()])
                        if result.returns_rows else result.rowcount
                    )
                except SQLAlchemyError as exc:
                    logger.warning("chat history statement failed: %s", exc)
                    value = None
                results.append((future, value))
            await session.commit()
        for future, value in results:
            if not future.done():
                future.set_result(value)

    async def create_element(self, element: Any) -> None:
        """Source panels of citizens' answers are not stored: a guest's history cannot be reopened, and under load
        these writes (one per source, several per answer) made up most of the history store's write queue."""
        if _current_user_is_guest():
            return
        await super().create_element(element)

    async def create_step(self, step_dict: Any) -> None:
        clean = {k: v for k, v in dict(step_dict).items() if k in STEP_COLUMNS}
        for key in ("input", "output"):
            clean[key] = _mask(clean.get(key))
        if self.sqlite and isinstance(clean.get("tags"), list):
            clean["tags"] = ",".join(map(str, clean["tags"]))
        if self.sqlite and isinstance(clean.get("modes"), dict):
            import json

            clean["modes"] = json.dumps(clean["modes"], ensure_ascii=False)
        await super().create_step(clean)  # type: ignore[arg-type]

    async def update_thread(
        self,
        thread_id: str,
        name: str | None = None,
        user_id: str | None = None,
        metadata: dict[Any, Any] | None = None,
        tags: list[str] | None = None,
    ) -> None:
        if self.sqlite and tags is not None:
            tags = None  # SQLite has no arrays; thread tags are not used by this app
        await super().update_thread(thread_id, name=_mask(name), user_id=user_id, metadata=metadata, tags=tags)

    async def upsert_feedback(self, feedback: Feedback) -> str:
        feedback.comment = _mask(feedback.comment)
        return await super().upsert_feedback(feedback)

    async def list_threads(self, pagination: Pagination, filters: ThreadFilter) -> PaginatedResponse:
        if filters.userId:
            try:
                identifier = await self._get_user_identifer_by_id(filters.userId)
            except AssertionError:
                identifier = None
            if identifier is None or is_guest(identifier):
                return PaginatedResponse(pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None),
                                         data=[])
        return await super().list_threads(pagination, filters)


def build_data_layer(settings: Settings) -> MaskingDataLayer:
    storage = LocalStorageClient(settings.data_dir / "chat_files")
    return MaskingDataLayer(chat_db_url(settings), storage)


def object_key_from_path(path: str) -> str:
    return unquote(path)
