"""Who is talking: citizens (no account), counselors and admins (password), and what each may do.

Mechanism (see README "채팅 화면"):

- Counselors and admins sign in with Chainlit's password form; ``login()`` checks the bcrypt hash in the users
  file and a per-username failure limiter.
- Citizens press "시민으로 시작하기" on the login page (or open ``/citizen``): the server signs a short-lived
  token for a fresh anonymous identity ``guest:<random>``. No account, no password.
- The role is decided on the server for every message and action by ``role_of(identifier)``: ``guest:``
  identities are always ``citizen``; any other identity gets the role stored in the users file *now* (a removed
  or unknown account falls back to ``citizen``). Nothing the browser sends — message text, action payloads,
  chat profile, token metadata — can raise it.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import jwt

from app.users import ROLE_NAMES, UserStore, users_file
from graphs.answer import Role

AppRole = Literal["citizen", "counselor", "admin"]
GUEST_PREFIX = "guest:"
GUEST_DISPLAY_NAME = "시민"
GUEST_TTL = timedelta(hours=4)
MAX_FAILURES = 5
FAILURE_WINDOW_S = 300.0


@dataclass(frozen=True)
class Identity:
    """What the chat layer turns into a ``chainlit.User``."""

    identifier: str
    display_name: str
    role: AppRole

    @property
    def metadata(self) -> dict[str, Any]:
        # Informational only (shown by the UI); the server never trusts it for permissions.
        return {"role": self.role, "provider": "guest" if self.role == "citizen" else "credentials"}


# ---- the user store ------------------------------------------------------------------------------------------
_store: UserStore | None = None
_store_lock = threading.Lock()


def get_user_store() -> UserStore:
    global _store
    with _store_lock:
        if _store is None:
            _store = UserStore(users_file())
        return _store


def set_user_store(store: UserStore | None) -> None:
    """Install (or clear) the process-wide store — tests and the server use this."""
    global _store
    with _store_lock:
        _store = store


# ---- roles ---------------------------------------------------------------------------------------------------
def is_guest(identifier: str | None) -> bool:
    return bool(identifier) and str(identifier).startswith(GUEST_PREFIX)


def role_of(identifier: str | None, store: UserStore | None = None) -> AppRole:
    """The role of an authenticated identity, decided from the users file at call time."""
    if not identifier or is_guest(identifier):
        return "citizen"
    try:
        record = (store or get_user_store()).get(identifier)
    except ValueError:
        return "citizen"
    return record.role if record is not None else "citizen"


def assistant_role(role: AppRole) -> Role:
    """The role the agent answers for: admins see the counselor view."""
    return "citizen" if role == "citizen" else "counselor"


def is_staff(role: AppRole) -> bool:
    return role in ("counselor", "admin")


def is_admin(role: AppRole) -> bool:
    return role == "admin"


def role_label(role: AppRole) -> str:
    return ROLE_NAMES[role]


# ---- password login --------------------------------------------------------------------------------------------
class LoginLimiter:
    """At most ``MAX_FAILURES`` failed logins per username in ``FAILURE_WINDOW_S`` seconds."""

    def __init__(self, max_failures: int = MAX_FAILURES, window_s: float = FAILURE_WINDOW_S) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and now - q[0] > self.window_s:
            q.popleft()
        return q

    def blocked(self, username: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            return len(self._recent(username.lower(), now)) >= self.max_failures

    def failed(self, username: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent(username.lower(), now).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._fails.pop(username.lower(), None)


_limiter = LoginLimiter()


def login(
    username: str, password: str, *, store: UserStore | None = None, limiter: LoginLimiter | None = None
) -> Identity | None:
    """A staff identity for a right username/password, else None (also while the username is locked out)."""
    store = store or get_user_store()
    limiter = limiter or _limiter
    name = (username or "").strip()
    if not name or not password or limiter.blocked(name):
        return None
    record = store.verify(name, password)
    if record is None:
        limiter.failed(name)
        return None
    limiter.succeeded(name)
    return Identity(identifier=record.username, display_name=f"{record.username} ({ROLE_NAMES[record.role]})",
                    role=record.role)


# ---- citizens ------------------------------------------------------------------------------------------------
def new_guest() -> Identity:
    return Identity(identifier=GUEST_PREFIX + secrets.token_hex(12), display_name=GUEST_DISPLAY_NAME, role="citizen")


def guest_token(identity: Identity, secret: str, ttl: timedelta = GUEST_TTL, now: datetime | None = None) -> str:
    """A Chainlit-compatible access token (same claims and algorithm as ``chainlit.auth.jwt.create_jwt``)."""
    now = now or datetime.now(UTC)
    claims = {
        "identifier": identity.identifier,
        "display_name": identity.display_name,
        "metadata": identity.metadata,
        "iat": now,
        "exp": now + ttl,
    }
    return jwt.encode(claims, secret, algorithm="HS256")
