"""Shared expectations helper for the NLU tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from graphs.nlu import Understanding

TODAY = date(2026, 11, 21)


def get_path(u: Understanding, path: str) -> Any:
    value: Any = u
    for part in path.split("."):
        value = getattr(value, part)
    return value


def check(u: Understanding, expected: dict[str, Any]) -> None:
    """Every expectation: dotted attribute paths must equal, ``query+``/``query-`` words must be in/out of the query,
    ``asks+`` must be asked."""
    words = u.query.split()
    for key, want in expected.items():
        if key == "query+":
            for word in want:
                assert word in words, f"{word!r} missing from query {u.query!r}"
        elif key == "query-":
            for word in want:
                assert all(word not in w for w in words), f"{word!r} should not be in query {u.query!r}"
        elif key == "asks+":
            for ask in want:
                assert ask in u.asks, f"{ask!r} not in asks {u.asks}"
        else:
            got = get_path(u, key)
            assert got == want, f"{key}: expected {want!r}, got {got!r}"
