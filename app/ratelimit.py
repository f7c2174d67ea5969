"""Per-session message rate limit for the chat: one token bucket per session id.

A session may send ``BURST`` messages at once, then ``REFILL_PER_S`` a second on average. A person who reads each
answer before asking again never reaches the limit; a script sending dozens of messages a second gets a short
notice for the excess instead of an answer, and the session keeps working once the bucket has refilled.
Pure and clock-injected, so it is tested without sleeping.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

BURST = 5
REFILL_PER_S = 1.0
MAX_SESSIONS = 10_000  # buckets kept in memory; idle (full) ones are dropped first when this is reached
RATE_LIMITED_TEXT = "메시지가 너무 빠르게 들어오고 있어요. 잠시 후 다시 보내 주세요."


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimiter:
    """Token buckets keyed by session id; thread-safe."""

    def __init__(
        self,
        burst: int = BURST,
        per_second: float = REFILL_PER_S,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_sessions: int = MAX_SESSIONS,
    ) -> None:
        if burst < 1 or per_second <= 0 or max_sessions < 1:
            raise ValueError("burst >= 1, per_second > 0 and max_sessions >= 1 are required")
        self.burst = float(burst)
        self.per_second = per_second
        self.max_sessions = max_sessions
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _refilled(self, bucket: _Bucket, now: float) -> float:
        return min(self.burst, bucket.tokens + max(0.0, now - bucket.stamp) * self.per_second)

    def allow(self, key: str) -> bool:
        """Take one token for ``key``; False when the session is over its rate (nothing is taken then)."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.max_sessions:
                    self._prune(now)
                bucket = self._buckets[key] = _Bucket(self.burst, now)
            else:
                bucket.tokens, bucket.stamp = self._refilled(bucket, now), now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return True
            return False

    def retry_after(self, key: str) -> float:
        """Seconds until ``key`` may send again (0 when it may now)."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                return 0.0
            tokens = self._refilled(bucket, self._clock())
            return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.per_second

    def forget(self, key: str) -> None:
        with self._lock:
            self._buckets.pop(key, None)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._buckets

    def __len__(self) -> int:
        with self._lock:
            return len(self._buckets)

    def _prune(self, now: float) -> None:
        """Drop buckets that have refilled completely (an idle session starts full anyway), then the oldest."""
        for key in [k for k, b in self._buckets.items() if self._refilled(b, now) >= self.burst]:
            del self._buckets[key]
        if len(self._buckets) >= self.max_sessions:
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k].stamp)
            for key in oldest[: len(self._buckets) - self.max_sessions + 1]:
                del self._buckets[key]
