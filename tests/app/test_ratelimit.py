"""The per-session token bucket, on an injected clock (no sleeping)."""

from __future__ import annotations

import pytest

from app.ratelimit import BURST, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refused_until_refilled() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=5, per_second=1.0, clock=clock)
    assert [limiter.allow("s") for _ in range(7)] == [True] * 5 + [False] * 2
    assert limiter.retry_after("s") == pytest.approx(1.0)
    clock.now += 0.5
    assert not limiter.allow("s")  # half a token is not a message
    assert limiter.retry_after("s") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.allow("s") and not limiter.allow("s")
    clock.now += 60
    assert [limiter.allow("s") for _ in range(6)] == [True] * 5 + [False]  # never more than the burst


def test_fifty_messages_in_a_second_admit_the_burst_plus_the_refill() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    admitted = 0
    for _ in range(50):
        admitted += limiter.allow("flood")
        clock.now += 0.021  # 50 messages over about one second
    assert admitted == BURST + 1  # the burst, then one token refilled during the second


def test_a_person_who_waits_for_each_answer_is_never_limited() -> None:
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    for _ in range(200):
        assert limiter.allow("reader")
        clock.now += 1.0  # an answer takes about a second to arrive and be read


def test_sessions_have_separate_buckets() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=1, per_second=1.0, clock=clock)
    assert limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")
    assert limiter.retry_after("unknown") == 0.0
    limiter.forget("a")
    assert limiter.allow("a")


def test_memory_is_bounded_and_idle_sessions_go_first() -> None:
    clock = Clock()
    limiter = RateLimiter(burst=2, per_second=1.0, clock=clock, max_sessions=3)
    limiter.allow("busy")
    limiter.allow("busy")
    limiter.allow("idle")
    clock.now += 1.0
    limiter.allow("recent")
    clock.now += 0.5  # "idle" has refilled completely; "busy" and "recent" have not
    limiter.allow("new")
    assert len(limiter) == 3 and "idle" not in limiter and "busy" in limiter
    for i in range(10):
        limiter.allow(f"more-{i}")
        assert len(limiter) <= 3


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        RateLimiter(burst=0)
    with pytest.raises(ValueError):
        RateLimiter(per_second=0)
