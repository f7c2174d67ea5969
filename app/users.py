"""Counselor and admin accounts: a small JSON file of bcrypt hashes, managed by ``goyong user add/list/remove``.

The file lives at ``$GOYONG_USERS_FILE`` or ``<data dir>/users.json``; it is written atomically with mode 0600.
Citizens have no account (see ``app.auth``). Passwords are never stored or logged, only their bcrypt hashes.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import sys
import tempfile
import threading
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

import bcrypt
from pydantic import BaseModel, Field, ValidationError

from knowledge.config import Settings, get_settings

logger = logging.getLogger(__name__)

StaffRole = Literal["counselor", "admin"]
STAFF_ROLES: tuple[StaffRole, ...] = ("counselor", "admin")
ROLE_NAMES: dict[str, str] = {"citizen": "시민", "counselor": "상담사", "admin": "관리자"}

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$")
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_BYTES = 72  # bcrypt's limit: longer passwords are refused, not silently cut



class UserError(ValueError):
    """A user-management problem explained in Korean for the person at the terminal."""


class UserRecord(BaseModel):
    username: str
    role: StaffRole
    password_hash: str
    created_at: datetime = Field(default_factory=lambda: datetime.now().replace(microsecond=0))
    updated_at: datetime | None = None


class UsersFile(BaseModel):
    version: int = 1
    users: dict[str, UserRecord] = Field(default_factory=dict)


def users_file(settings: Settings | None = None) -> Path:
    """``Settings.users_file`` (``GOYONG_USERS_FILE``) if set, else ``<data dir>/users.json``."""
    settings = settings or get_settings()
    if settings.users_file:
        return settings.users_file.expanduser()
    return settings.data_dir / "users.json"


def validate_username(username: str) -> str:
    name = (username or "").strip()
    if not USERNAME_RE.match(name):
        raise UserError(
            "아이디는 영문·숫자로 시작하는 2~32자(영문, 숫자, '.', '_', '-')여야 합니다: " + repr(username)
        )
    return name


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise UserError(f"비밀번호는 {MIN_PASSWORD_CHARS}자 이상이어야 합니다")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise UserError(f"비밀번호가 너무 깁니다 (UTF-8 {MAX_PASSWORD_BYTES}바이트 이하)")
    return password


def hash_password(password: str, *, rounds: int = 12) -> str:
    return bcrypt.hashpw(validate_password(password).encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode("ascii")


@lru_cache(maxsize=4)
def _dummy_hash(rounds: int) -> str:
    """A real hash of a random password: checking it when the user does not exist keeps the timing equal."""
    return bcrypt.hashpw(os.urandom(16).hex().encode(), bcrypt.gensalt(rounds=rounds)).decode("ascii")


def check_password(password: str, password_hash: str) -> bool:
    data = password.encode("utf-8")
    if len(data) > MAX_PASSWORD_BYTES:
        return False
    try:
        return bcrypt.checkpw(data, password_hash.encode("ascii"))
    except ValueError:  # a corrupted hash in the file
        logger.warning("unreadable password hash in users file")
        return False


class UserStore:
    """The accounts file. Re-read when it changes on disk, so `goyong user remove` applies to a running server."""

    def __init__(self, path: Path, *, rounds: int = 12) -> None:
        self.path = path
        self.rounds = rounds
        self._lock = threading.RLock()
        self._cache: UsersFile | None = None
        self._stamp: tuple[int, int] | None = None

    # ---- reading -------------------------------------------------------------------------------------------
    def _load(self) -> UsersFile:
        with self._lock:
            try:
                st = self.path.stat()
            except FileNotFoundError:
                self._cache, self._stamp = UsersFile(), None
                return self._cache
            stamp = (st.st_mtime_ns, st.st_size)
            if self._cache is not None and stamp == self._stamp:
                return self._cache
            try:
                data = UsersFile.model_validate(json.loads(self.path.read_text(encoding="utf-8")))
            except (OSError, ValueError, ValidationError) as exc:
                raise UserError(f"계정 파일 {self.path}를 읽을 수 없습니다: {exc}") from exc
            self._cache, self._stamp = data, stamp
            return data

    def get(self, username: str) -> UserRecord | None:
        return self._load().users.get(username)

    def list(self) -> list[UserRecord]:
        return sorted(self._load().users.values(), key=lambda u: u.username)

    def verify(self, username: str, password: str) -> UserRecord | None:
        """The account if the password is right; the same bcrypt work is done when the user does not exist."""
        try:
            record = self.get(username)
        except UserError:
            logger.exception("users file unreadable; refusing logins")
            record = None
        if record is None:
            check_password(password, _dummy_hash(self.rounds))
            return None
        return record if check_password(password, record.password_hash) else None

    # ---- writing -------------------------------------------------------------------------------------------
    def _save(self, data: UsersFile) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".users-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(data.model_dump_json(indent=2))
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._cache, self._stamp = None, None

    def add(self, username: str, password: str, role: StaffRole = "counselor") -> bool:
        """Create the account, or reset its password and role; True when it is new."""
        name = validate_username(username)
        if role not in STAFF_ROLES:
            raise UserError(f"역할은 {', '.join(STAFF_ROLES)} 중 하나입니다")
        digest = hash_password(password, rounds=self.rounds)
        with self._lock:
            data = self._load().model_copy(deep=True)
            old = data.users.get(name)
            if old is None:
                data.users[name] = UserRecord(username=name, role=role, password_hash=digest)
            else:
                data.users[name] = old.model_copy(
                    update={"role": role, "password_hash": digest, "updated_at": datetime.now().replace(microsecond=0)}
                )
            self._save(data)
        return old is None

    def remove(self, username: str) -> bool:
        with self._lock:
            data = self._load().model_copy(deep=True)
            if data.users.pop(username, None) is None:
                return False
            self._save(data)
        return True


# ---- CLI -------------------------------------------------------------------------------------------------------
def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _read_password(args: argparse.Namespace) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("비밀번호: ")
    second = getpass.getpass("비밀번호 확인: ")
    if first != second:
        raise UserError("두 비밀번호가 다릅니다")
    return first


def cli_user(args: argparse.Namespace) -> int:
    """``goyong user add|list|remove``: 0 on success, 1 when the user is missing, 2 on invalid input."""
    store = UserStore(users_file())
    command = args.user_command
    try:
        if command == "add":
            name = validate_username(args.username)
            password = _read_password(args)
            created = store.add(name, password, args.role)
            verb = "추가했습니다" if created else "비밀번호와 역할을 바꿨습니다"
            _out(f"{ROLE_NAMES[args.role]} 계정 '{name}'을(를) {verb} ({store.path})")
            return 0
        if command == "list":
            users = store.list()
            if not users:
                _out(f"계정이 없습니다. `goyong user add <아이디> --role counselor`로 만드세요. ({store.path})")
                return 0
            for u in users:
                _out(f"{u.username}\t{u.role}\t{ROLE_NAMES[u.role]}\t만든 날 {u.created_at:%Y-%m-%d %H:%M}")
            return 0
        if command == "remove":
            if store.remove(args.username):
                _out(f"계정 '{args.username}'을(를) 지웠습니다")
                return 0
            _err(f"계정 '{args.username}'이(가) 없습니다")
            return 1
    except UserError as exc:
        _err(f"오류: {exc}")
        return 2
    _err(f"알 수 없는 명령: {command}")
    return 2
