"""Which failures count as "the data dir is full", and what the message tells the operator."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from knowledge.diskfull import disk_full_message, is_disk_full


def _sqlite_full(tmp_path: Path) -> sqlite3.OperationalError:
    """A real SQLITE_FULL: the database may not grow past its current pages."""
    con = sqlite3.connect(tmp_path / "full.sqlite")
    con.execute("CREATE TABLE t (b BLOB)")
    con.commit()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    try:
        con.execute("INSERT INTO t VALUES (?)", (os.urandom(50_000),))
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        con.close()
    raise AssertionError("the insert should not fit")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EDQUOT])
def test_os_errors_for_missing_space(code: int) -> None:
    assert is_disk_full(OSError(code, os.strerror(code)))


def test_sqlite_full_and_wrapped_errors(tmp_path: Path) -> None:
    full = _sqlite_full(tmp_path)
    assert "database or disk is full" in str(full)
    assert is_disk_full(full)
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as inner:
            raise RuntimeError("upsert failed") from inner
    except RuntimeError as wrapped:
        assert is_disk_full(wrapped)


@pytest.mark.parametrize("exc", [
    OSError(errno.EACCES, "Permission denied"),
    FileNotFoundError(errno.ENOENT, "No such file"),
    sqlite3.OperationalError("no such table: t"),
    ValueError("bad record"),
])
def test_other_failures_are_not_mistaken_for_a_full_disk(exc: Exception) -> None:
    assert not is_disk_full(exc)


def test_message_names_the_folder_the_cause_and_the_remedy(tmp_path: Path) -> None:
    text = disk_full_message(tmp_path / "data")
    assert str(tmp_path / "data") in text
    assert "디스크 공간" in text and "df -h" in text and "GOYONG_DATA_DIR" in text and "다시 실행" in text
