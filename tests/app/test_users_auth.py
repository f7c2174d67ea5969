"""Accounts file, the `goyong user` command, staff login, guest tokens and server-side roles."""

from __future__ import annotations

import argparse
import io
import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest

from app import auth
from app.users import UserError, UserStore, cli_user, users_file
from knowledge.config import Settings

SECRET = "test-secret-" + "x" * 40


@pytest.fixture
def store(tmp_path: Path) -> UserStore:
    return UserStore(tmp_path / "data" / "users.json", rounds=4)  # fast hashes for tests


def test_add_verify_and_remove(store: UserStore) -> None:
    assert store.add("kim", "correct horse", "counselor") is True
    assert store.verify("kim", "correct horse") is not None
    assert store.verify("kim", "wrong password") is None
    assert store.verify("nobody", "correct horse") is None
    assert store.get("kim") is not None and store.get("kim").role == "counselor"  # type: ignore[union-attr]
    assert store.remove("kim") is True
    assert store.remove("kim") is False
    assert store.get("kim") is None


def test_file_holds_only_a_bcrypt_hash_and_is_private(store: UserStore) -> None:
    store.add("admin1", "s3cret-pass", "admin")
    raw = store.path.read_text(encoding="utf-8")
    assert "s3cret-pass" not in raw
    data = json.loads(raw)
    assert data["users"]["admin1"]["password_hash"].startswith("$2")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_add_again_resets_password_and_role(store: UserStore) -> None:
    store.add("lee", "first-password", "counselor")
    assert store.add("lee", "second-password", "admin") is False
    assert store.verify("lee", "first-password") is None
    record = store.verify("lee", "second-password")
    assert record is not None and record.role == "admin"


@pytest.mark.parametrize("name", ["", "a", "guest:x", "김상담", "has space", "x" * 40])
def test_bad_usernames_are_refused(store: UserStore, name: str) -> None:
    with pytest.raises(UserError):
        store.add(name, "long enough", "counselor")


@pytest.mark.parametrize("password", ["short", "가" * 30])
def test_bad_passwords_are_refused(store: UserStore, password: str) -> None:
    with pytest.raises(UserError):
        store.add("park", password, "counselor")


def test_another_process_writing_the_file_is_seen(store: UserStore, tmp_path: Path) -> None:
    store.add("kim", "correct horse", "admin")
    assert store.get("kim") is not None
    other = UserStore(store.path, rounds=4)
    other.remove("kim")
    assert store.get("kim") is None


def test_users_file_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOYONG_USERS_FILE", str(tmp_path / "elsewhere.json"))
    assert users_file(Settings(_env_file=None)) == tmp_path / "elsewhere.json"  # type: ignore[call-arg]
    monkeypatch.delenv("GOYONG_USERS_FILE")
    plain = Settings(data_dir=tmp_path / "d", _env_file=None)  # type: ignore[call-arg]
    assert users_file(plain) == tmp_path / "d" / "users.json"


def _args(**kw: object) -> argparse.Namespace:
    return argparse.Namespace(**kw)


def test_cli_add_list_remove(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "users.json"
    settings = Settings(data_dir=tmp_path, users_file=path, _env_file=None)  # type: ignore[call-arg]
    monkeypatch.setattr("app.users.get_settings", lambda: settings)
    monkeypatch.setattr("sys.stdin", io.StringIO("pass-word-1\n"))
    assert cli_user(_args(user_command="add", username="hong", role="admin", password_stdin=True)) == 0
    assert UserStore(path).verify("hong", "pass-word-1") is not None
    assert cli_user(_args(user_command="list")) == 0
    listing = capsys.readouterr().out
    assert "hong\tadmin\t관리자" in listing
    assert cli_user(_args(user_command="remove", username="hong")) == 0
    assert cli_user(_args(user_command="remove", username="hong")) == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli_user(_args(user_command="add", username="kim", role="counselor", password_stdin=True)) == 2
    assert "8자 이상" in capsys.readouterr().err


# ---- roles and login -------------------------------------------------------------------------------------------
def test_roles_come_from_the_users_file_only(store: UserStore) -> None:
    store.add("kim", "correct horse", "counselor")
    store.add("boss", "correct horse", "admin")
    assert auth.role_of("kim", store) == "counselor"
    assert auth.role_of("boss", store) == "admin"
    assert auth.role_of("guest:abc", store) == "citizen"
    assert auth.role_of(None, store) == "citizen"
    assert auth.role_of("someone-removed", store) == "citizen"
    store.remove("boss")
    assert auth.role_of("boss", store) == "citizen"  # a removed admin loses admin at once
    assert auth.assistant_role("admin") == "counselor" and auth.assistant_role("citizen") == "citizen"


def test_login_and_lockout(store: UserStore) -> None:
    store.add("kim", "correct horse", "counselor")
    limiter = auth.LoginLimiter(max_failures=3, window_s=60)
    ident = auth.login("kim", "correct horse", store=store, limiter=limiter)
    assert ident is not None and ident.role == "counselor" and ident.identifier == "kim"
    assert "상담사" in ident.display_name
    for _ in range(3):
        assert auth.login("kim", "nope", store=store, limiter=limiter) is None
    assert auth.login("kim", "correct horse", store=store, limiter=limiter) is None  # locked
    assert limiter.blocked("KIM")


def test_limiter_window_expires() -> None:
    limiter = auth.LoginLimiter(max_failures=2, window_s=10)
    limiter.failed("a", now=0.0)
    limiter.failed("a", now=1.0)
    assert limiter.blocked("a", now=2.0)
    assert not limiter.blocked("a", now=12.0)


def test_guest_token_is_a_chainlit_style_jwt_that_expires() -> None:
    guest = auth.new_guest()
    assert guest.identifier.startswith("guest:") and guest.role == "citizen"
    assert auth.new_guest().identifier != guest.identifier
    now = datetime.now(UTC)
    token = auth.guest_token(guest, SECRET, ttl=timedelta(hours=1), now=now)
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["identifier"] == guest.identifier
    assert claims["metadata"]["role"] == "citizen"
    old = auth.guest_token(guest, SECRET, ttl=timedelta(seconds=1), now=now - timedelta(hours=1))
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(old, SECRET, algorithms=["HS256"])


def test_forged_metadata_does_not_matter(store: UserStore) -> None:
    """A token claiming role=admin for a guest identity still resolves to citizen."""
    forged = auth.Identity(identifier="guest:evil", display_name="x", role="admin")
    assert auth.role_of(forged.identifier, store) == "citizen"
