"""One real ``goyong serve`` for the whole session, on a loopback port, over one pre-built index.

The server runs on a private copy of the session's bundled index (``index_copy`` in ``tests/conftest.py``),
so one test session builds the index exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.users import UserStore

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
TODAY = "2026-11-21"
SECRET = "e2e-secret-" + "k" * 48
USERS = {"kim": ("counselor-pass", "counselor"), "boss": ("admin-pass-1", "admin")}
START_TIMEOUT_S = 120


@pytest.fixture(scope="session")
def e2e_data(index_copy: Callable[[str], Path]) -> Path:
    """A private copy of the session's bundled index (built once per session in tests/conftest.py) plus users and
    the statistics store (``goyong ingest --source stats``: the general ingest does not load statistics yet)."""
    from ingest.stats import run_stats_ingest
    from tests.conftest import make_settings

    data = index_copy("e2e")
    stats = run_stats_ingest(make_settings(data), today=datetime.fromisoformat(TODAY).date())
    assert stats.ok, stats.rejected
    store = UserStore(data / "users.json", rounds=4)
    for name, (password, role) in USERS.items():
        store.add(name, password, role)  # type: ignore[arg-type]
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    base: str
    data_dir: Path
    proc: subprocess.Popen[str]
    log: list[str] = field(default_factory=list)

    @property
    def reports(self) -> list[Path]:
        return sorted((self.data_dir / "reports").glob("ingest-*.json"))

    def output(self) -> str:
        return "\n".join(self.log)


@pytest.fixture(scope="session")
def server(e2e_data: Path) -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GOYONG_", "CHAINLIT_", "LITERAL_")) and k != "DATABASE_URL"}
    env.update({
        "GOYONG_DATA_DIR": str(e2e_data),
        "GOYONG_TODAY": TODAY,
        "GOYONG_USERS_FILE": str(e2e_data / "users.json"),
        "CHAINLIT_AUTH_SECRET": SECRET,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONUNBUFFERED": "1",
    })
    if "GOYONG_EMBEDDING_BACKEND" in os.environ:
        env["GOYONG_EMBEDDING_BACKEND"] = os.environ["GOYONG_EMBEDDING_BACKEND"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--no-ingest"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    srv = Server(base=f"http://127.0.0.1:{port}", data_dir=e2e_data, proc=proc)
    ready = threading.Event()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            srv.log.append(line.rstrip("\n"))
            if "채팅 화면: http://" in line:
                ready.set()

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not ready.is_set() and proc.poll() is None and time.monotonic() < deadline:
        ready.wait(0.2)
    if not ready.is_set():
        proc.kill()
        pytest.fail("goyong serve did not start:\n" + srv.output())
    assert f"채팅 화면: {srv.base}" in srv.output()
    yield srv
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# ---- HTTP + Socket.IO client, the way the web app talks to the server ------------------------------------------
def citizen_token(base: str) -> str:
    r = httpx.get(f"{base}/citizen", follow_redirects=False, timeout=30)
    assert r.status_code == 303, r.text
    token = r.cookies.get("access_token")
    assert token
    return token


def staff_token(base: str, username: str) -> str:
    password = USERS[username][0]
    r = httpx.post(f"{base}/login", data={"username": username, "password": password}, timeout=30)
    assert r.status_code == 200, r.text
    token = r.cookies.get("access_token")
    assert token
    return token


@dataclass
class Turn:
    """What one question produced on the socket."""

    events: list[tuple[str, Any]]

    def of(self, name: str) -> list[dict[str, Any]]:
        return [d for n, d in self.events if n == name and isinstance(d, dict)]

    def steps(self, type_: str) -> dict[str, dict[str, Any]]:
        """Final state of each step/message of a type, by id (new_message + update_message merged)."""
        out: dict[str, dict[str, Any]] = {}
        for name, d in self.events:
            if name in ("new_message", "update_message", "stream_start") and isinstance(d, dict) and d.get("type") == type_:
                out.setdefault(d["id"], {}).update(d)
        return out

    def answers(self) -> list[str]:
        return [m.get("output", "") for m in self.steps("assistant_message").values()]


class ChatClient:
    """A Socket.IO client speaking Chainlit's protocol: auth payload, ``connection_successful``, ``client_message``."""

    def __init__(self, base: str, token: str, thread_id: str = "") -> None:
        import socketio

        self.base = base
        self.token = token
        self.thread_id = thread_id
        self.session_id = str(uuid.uuid4())
        self.events: list[tuple[str, Any]] = []
        self._lock = threading.Lock()
        self.sio = socketio.Client(reconnection=False)
        for name in ("new_message", "update_message", "delete_message", "stream_start", "stream_token", "task_start",
                     "task_end", "element", "action", "first_interaction", "resume_thread", "resume_thread_error"):
            self.sio.on(name, self._recorder(name))

    def _recorder(self, name: str) -> Callable[..., None]:
        def record(data: Any = None) -> None:
            with self._lock:
                self.events.append((name, data))
        return record

    def connect(self) -> ChatClient:
        self.sio.connect(
            self.base, socketio_path="/ws/socket.io", transports=["websocket"],
            headers={"Cookie": f"access_token={self.token}"},
            auth={"sessionId": self.session_id, "clientType": "webapp", "threadId": self.thread_id, "userEnv": "{}",
                  "chatProfile": ""},
            wait_timeout=30,
        )
        self.sio.emit("connection_successful")
        if self.thread_id:  # resuming: the server replays the stored thread instead of a welcome
            self.wait(lambda t: bool(t.of("resume_thread") or t.of("resume_thread_error")), 60, since=0)
        else:  # the welcome, then on_chat_start's end (it also sends the ⚙ profile form): a question sent earlier
            # would see that task_end as the end of its own run
            self.wait(lambda t: bool(t.answers()) and _idle(t), 60, since=0)
        return self

    def close(self) -> None:
        if self.sio.connected:
            self.sio.disconnect()

    def snapshot(self, since: int = 0) -> Turn:
        with self._lock:
            return Turn(list(self.events[since:]))

    def wait(self, pred: Callable[[Turn], bool], timeout: float, since: int) -> Turn:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            turn = self.snapshot(since)
            if pred(turn):
                return turn
            time.sleep(0.1)
        raise AssertionError(f"timed out; events: {json.dumps(self.snapshot(since).events, ensure_ascii=False)[:3000]}")

    def send(self, text: str) -> int:
        mark = len(self.events)
        message = {"id": str(uuid.uuid4()), "threadId": "", "name": "user", "type": "user_message", "output": text,
                   "createdAt": datetime.now(UTC).isoformat(), "metadata": {}}
        self.sio.emit("client_message", {"message": message, "fileReferences": []})
        return mark

    def ask(self, text: str, timeout: float = 90) -> Turn:
        """Send a question and wait until the run has ended (``task_end``) with a final answer."""
        mark = self.send(text)
        return self.wait(lambda t: bool(t.of("task_end")) and any(
            a and a != "찾는 중…" for a in t.answers()), timeout, since=mark)

    def thread(self) -> str:
        return str(next(d["thread_id"] for n, d in self.snapshot().events if n == "first_interaction"))

    def action(self, name: str, payload: dict[str, Any]) -> httpx.Response:
        """POST an action the way the web app does — or the way a curious user could, with any payload."""
        body = {"sessionId": self.session_id,
                "action": {"name": name, "payload": payload, "id": str(uuid.uuid4()), "label": name}}
        return httpx.post(f"{self.base}/project/action", json=body, cookies={"access_token": self.token}, timeout=60)


def _idle(turn: Turn) -> bool:
    """No run in progress: the last task_start has its task_end."""
    names = [name for name, _ in turn.events]
    starts = [i for i, n in enumerate(names) if n == "task_start"]
    return not starts or "task_end" in names[starts[-1]:]


@pytest.fixture
def chat_client(server: Server) -> Iterator[Callable[[str], ChatClient]]:
    clients: list[ChatClient] = []

    def make(token: str) -> ChatClient:
        c = ChatClient(server.base, token).connect()
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()


# ---- browser turns (tests/e2e/test_consultation.py, test_employer_desk.py) -----------------------------------------
BROWSER_ANSWER_TIMEOUT_MS = 180_000
VIEWPORT = {"width": 1366, "height": 1100}  # test_browser.py's page
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(),
                       reason="/usr/bin/chromium is not installed (apt-get install chromium)"),
]


def chat_ready(page: Any) -> None:
    """The chat session is up: the ⚙ profile form arrives right after the welcome (a message typed before that can be
    lost on a slow start)."""
    page.locator("#chat-settings-open-modal").wait_for()


def say(page: Any, text: str) -> Any:
    """Type one message, wait until it is shown and its run has ended; returns the last answer's locator."""
    sent = page.locator('[data-step-type="user_message"]').count()
    box = page.locator("#chat-input")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-step-type=\"user_message\"]').length > {sent}",
        timeout=BROWSER_ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('#stop-button')", timeout=BROWSER_ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(600)
    return page.locator(".ai-message").last


def table_rows(answer: Any) -> list[dict[str, str]]:
    """The answer's last table as {header: cell text} per row."""
    table = answer.locator("table").last
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    return [dict(zip(headers, (c.strip() for c in row.locator("td").all_inner_texts()), strict=False))
            for row in table.locator("tbody tr").all()]


def last_question(page: Any) -> Any:
    return page.locator('[data-step-type="user_message"]').last


def frame(page: Any, first: Any, last: Any, *, max_height: int = 3000) -> None:
    """Grow the viewport so that ``first`` (a question) down to the end of ``last`` (its answer) fits, and scroll
    ``first`` to the top: a README screenshot shows the question and the whole answer. ``unframe`` undoes it."""
    a, b = first.bounding_box(), last.bounding_box()
    assert a is not None and b is not None
    height = int(min(max_height, max(VIEWPORT["height"], b["y"] + b["height"] - a["y"] + 330)))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.wait_for_timeout(300)
    first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)


def unframe(page: Any) -> None:
    page.set_viewport_size(dict(VIEWPORT))


def framed_shot(page: Any, name: str, first: Any, last: Any) -> None:
    """A README screenshot (test_browser.shot, docs=True) of ``first`` down to the end of ``last``."""
    from tests.e2e.test_browser import shot

    frame(page, first, last)
    shot(page, name, docs=True)
    unframe(page)

