"""Recognise "the data dir cannot take more bytes" failures and explain them in Korean.

A full disk shows up as ``OSError`` (ENOSPC, EDQUOT, or EFBIG under a file-size limit), as SQLite's
"database or disk is full" (SQLITE_FULL, what SQLite reports for ENOSPC) or as SQLite's "disk I/O error" on a
write (SQLITE_IOERR_WRITE: any other failed ``write()``, e.g. EFBIG). The last one can also be a failing disk, so
the message names both. Libraries often wrap these errors, so the cause chain is searched.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_CODES = {"SQLITE_FULL", "SQLITE_IOERR_WRITE"}
_SQLITE_TEXTS = ("database or disk is full", "disk i/o error")
_OS_TEXTS = ("no space left on device", "file too large", "disk quota exceeded")


def _causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not s for s in seen) and len(seen) < 20:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def is_disk_full(exc: BaseException) -> bool:
    """True when ``exc`` (or anything it was raised from) is a write refused for lack of space."""
    for e in _causes(exc):
        if isinstance(e, OSError) and e.errno in _ERRNOS:
            return True
        if isinstance(e, sqlite3.OperationalError):
            if getattr(e, "sqlite_errorname", "") in _SQLITE_CODES or str(e).lower() in _SQLITE_TEXTS:
                return True
        if any(t in str(e).lower() for t in _OS_TEXTS):
            return True
    return False


def disk_full_message(data_dir: Path) -> str:
    """What the person running the command reads: where, why, what to do, and what still works."""
    return (
        f"데이터 폴더 {data_dir}에 더 쓸 수 없습니다: 디스크 공간이 부족하거나 파일 크기 제한에 걸렸습니다"
        "(드물게 디스크 쓰기 오류). "
        f"`df -h {data_dir}`로 남은 공간을 확인해 공간을 확보하거나, GOYONG_DATA_DIR를 공간이 넉넉한 디스크의 폴더로 "
        "바꾼 뒤(기존 폴더를 복사해서) 같은 명령을 다시 실행하세요. "
        "지금까지 쓰이던 색인은 그대로 검색에 쓰이며, 끝나지 않은 변경은 다음 실행에서 반영됩니다. "
        f"(no space left for the data dir {data_dir})"
    )


DISK_FULL_ANSWER = (
    "죄송합니다. 지금 서버의 저장 공간 문제로 대화를 이어갈 수 없습니다. 잠시 뒤 다시 물어봐 주세요. "
    "급한 문의는 고용노동부 고객상담센터 ☎1350으로 연락해 주세요."
)
