"""``understand`` never raises, whatever the user pastes, and stays fast on huge inputs."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphs.nlu import understand
from graphs.nlu.text import MAX_CHARS
from tests.graphs.nlu.helpers import TODAY

_EXPECTING = st.sampled_from([None, "age", "insured_period_days", "monthly_wage", "disabled", "separation_date", "region", "household_size"])
_KOREANISH = st.text(
    alphabet=st.sampled_from(list("0123456789만천백억원년월일세살시간주 .,%~-/가나다애월서귀포실업급여알바권고사직😀\x00\x1b\n\t\u200b")),
    max_size=80,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), expecting=_EXPECTING)
def test_never_raises_on_arbitrary_text(text: str, expecting: str | None) -> None:
    u = understand(text, today=TODAY, expecting=expecting)
    assert 0.0 <= u.confidence <= 1.0
    assert len(u.query) <= MAX_CHARS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_KOREANISH, expecting=_EXPECTING)
def test_never_raises_on_number_and_date_soup(text: str, expecting: str | None) -> None:
    u = understand(text, today=TODAY, expecting=expecting)
    if u.profile.age is not None:
        assert 0 <= u.profile.age <= 120


def test_huge_input_is_capped_and_fast() -> None:
    understand("워밍업", today=TODAY)
    text = "애월 카페 알바 시급 1만2천 이상 😀\x00 " * 4_000  # ≈ 100 KB
    assert len(text.encode()) > 100_000
    start = time.perf_counter()
    u = understand(text, today=TODAY)
    assert time.perf_counter() - start < 2.0
    assert u.route == "job_search"
    assert u.job_filters.district == "애월읍"


def test_empty_and_whitespace() -> None:
    for text in ("", "   ", "\n\t", "\x00\x01"):
        u = understand(text, today=TODAY)
        assert u.route == "greeting"
        assert u.query == ""
