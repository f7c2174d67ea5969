"""``goyong serve``: open the knowledge base once, build the index if it is empty, then serve the Chainlit chat.

Chat, admin re-ingest and search all run in this process on the same ``KnowledgeBase``. On the embedded
default (Qdrant Edge) other processes can read the same index while the server runs (``goyong ask``/``search``) and
the server moves to a newer index on its next query; run one ingest at a time (the admin page or ``goyong
ingest``). The local-mode fallback (``GOYONG_STORE_BACKEND=local``) admits one process per folder.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import secrets
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from knowledge.base import KnowledgeBase, set_knowledge_base
from knowledge.config import Settings, get_settings

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent  # holds .chainlit/ (config, ko translation) and public/
SECRET_FILE = ".chainlit_secret"
SOURCE_NAMES = {"policies": "정책 문서", "jobs": "채용정보", "training": "훈련과정"}


def _say(text: str, *, end: str = "\n") -> None:
    sys.stdout.write(text + end)
    sys.stdout.flush()


def auth_secret(settings: Settings) -> str:
    """``CHAINLIT_AUTH_SECRET`` from the environment, else one kept in the data dir (sessions survive restarts)."""
    env = os.environ.get("CHAINLIT_AUTH_SECRET")
    if env:
        return env
    path = settings.data_dir / SECRET_FILE
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    path.write_text(value, encoding="utf-8")
    os.chmod(path, 0o600)
    return value


def ui_root(settings: Settings, repo: Path = REPO_ROOT) -> Path:
    """Chainlit's app root under the data dir: our config, Korean translation and public files, refreshed at
    each start. Chainlit writes its default translations and session files there, not into the repository."""
    root = (settings.data_dir / "ui").resolve()
    (root / ".chainlit" / "translations").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(repo / ".chainlit" / "config.toml", root / ".chainlit" / "config.toml")
    for f in (repo / ".chainlit" / "translations").glob("ko*.json"):
        shutil.copyfile(f, root / ".chainlit" / "translations" / f.name)
    public = root / "public"
    if public.is_symlink() or public.is_file():
        public.unlink()
    elif public.is_dir():
        shutil.rmtree(public)
    public.symlink_to(repo / "public", target_is_directory=True)
    return root


def prepare_environment(settings: Settings) -> None:
    """Environment Chainlit reads at import: where its config lives and the token secret."""
    if "CHAINLIT_APP_ROOT" not in os.environ:
        os.environ["CHAINLIT_APP_ROOT"] = str(ui_root(settings))
    os.environ["CHAINLIT_AUTH_SECRET"] = auth_secret(settings)


class ProgressLine:
    """One status line per source for the first index build (rewritten in place on a terminal)."""

    def __init__(self, tty: bool | None = None) -> None:
        self.tty = sys.stdout.isatty() if tty is None else tty
        self._last: dict[str, float] = {}

    def __call__(self, source: str, done: int, total: int) -> None:
        name = SOURCE_NAMES.get(source, source)
        finished = done >= total
        now = time.monotonic()
        if not self.tty and not finished and now - self._last.get(source, 0.0) < 2.0:
            return
        self._last[source] = now
        text = f"  색인 중: {name} {done}/{total}" if total else f"  색인 중: {name} — 바뀐 것 없음"
        if self.tty:
            _say("\r" + text.ljust(48), end="\n" if finished else "")
        else:
            _say(text)


def build_index_if_empty(kb: KnowledgeBase, *, no_ingest: bool) -> None:
    if not kb.is_empty():
        counts = kb.counts()
        _say(f"색인: 정책 {counts['policies']} · 채용정보 {counts['jobs']} · 훈련과정 {counts['training']}건")
        if not no_ingest:
            _stats_if_missing(kb)
        return
    if no_ingest:
        _say("색인이 비어 있습니다 (--no-ingest). 관리자가 채팅에서 `/색인`을 실행하거나 `goyong ingest`를 쓰세요.")
        return
    from ingest.pipeline import run_ingest

    _say("색인이 비어 있어 번들 자료(정책 문서·채용정보·훈련과정)로 처음 한 번 만듭니다 (보통 1분 안쪽)…")
    report = run_ingest(kb, progress=ProgressLine())
    total = sum(s.added for s in report.sources)
    rejected = report.rejected_count
    _say(f"색인 완료: {total}건 추가, 거부 {rejected}건 ({report.seconds:.0f}초)")
    _stats_if_missing(kb)


def _stats_if_missing(kb: KnowledgeBase) -> None:
    """The labour-market statistics (trend answers) are built once from the bundled files when missing."""
    from ingest.stats import stats_after_catalogs
    from knowledge.stats import StatsStore

    if StatsStore.at(kb.settings.data_dir).exists():
        return
    stats = stats_after_catalogs(kb.settings)
    _say(f"고용 통계 저장소: {stats.observations}개 수치 ({stats.seconds:.1f}초)")


def _staff_hint() -> None:
    from app.auth import get_user_store

    try:
        users = get_user_store().list()
    except ValueError as exc:
        _say(f"경고: {exc}")
        return
    if not users:
        _say("상담사·관리자 계정이 아직 없습니다. 만들기: goyong user add <아이디> --role admin")


def run_server(host: str, port: int) -> int:
    """Import the Chainlit app and serve it with uvicorn until interrupted."""
    import uvicorn
    from chainlit.auth import ensure_jwt_secret
    from chainlit.config import config

    config.run.host = host
    config.run.port = port
    config.run.headless = True  # never open a browser on the server
    importlib.import_module("app.chat")  # registers the Chainlit callbacks and our routes
    from chainlit.server import app as fastapi_app

    ensure_jwt_secret()
    server = uvicorn.Server(uvicorn.Config(fastapi_app, host=host, port=port, log_level="warning", ws="auto"))

    async def serve() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started:
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            _say(f"채팅 화면: http://{shown}:{port}  (종료: Ctrl+C)")
        await task

    try:
        asyncio.run(serve())
    except SystemExit as exc:  # uvicorn exits when it cannot bind
        _say(f"서버를 시작할 수 없습니다 (포트 {port}가 사용 중인지 확인하세요): 종료 코드 {exc.code}")
        return 4
    except KeyboardInterrupt:
        pass
    return 0


def cli_serve(args: argparse.Namespace) -> int:
    settings = get_settings()
    prepare_environment(settings)
    kb = KnowledgeBase.open(settings)
    set_knowledge_base(kb)
    try:
        build_index_if_empty(kb, no_ingest=bool(getattr(args, "no_ingest", False)))
        _staff_hint()
        return run_server(args.host, int(args.port))
    finally:
        set_knowledge_base(None)
        kb.close()


def main(argv: list[str] | None = None) -> Any:  # pragma: no cover - convenience for `python -m app.server`
    parser = argparse.ArgumentParser(prog="goyong serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-ingest", action="store_true")
    return cli_serve(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    logging.basicConfig(level=logging.WARNING)
    sys.exit(main())
