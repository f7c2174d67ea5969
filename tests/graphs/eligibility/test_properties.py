"""Property tests: for any profile the 구직급여일액 stays within the year's floor and cap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from math import floor

from hypothesis import given, settings
from hypothesis import strategies as st

from graphs.eligibility import check_eligibility
from graphs.profile import Profile

# By hand: 최저임금 × 8시간 × 80% and 기초일액 상한 × 60%, per separation year.
MIN_WAGE = {2024: 9_860, 2025: 10_030, 2026: 10_320}
FLOOR_8H = {2024: 63_104, 2025: 64_192, 2026: 66_048}
CAP = {2024: 66_000, 2025: 66_000, 2026: 68_100}
TABLE_DAYS = {120, 150, 180, 210, 240, 270}

wages = st.one_of(st.none(), st.integers(min_value=0, max_value=30_000_000))
daily_wages = st.one_of(st.none(), st.integers(min_value=0, max_value=1_000_000))

profiles = st.builds(
    Profile,
    age=st.one_of(st.none(), st.integers(min_value=15, max_value=90)),
    disabled=st.one_of(st.none(), st.booleans()),
    insured_period_days=st.one_of(st.none(), st.integers(min_value=0, max_value=20_000)),
    unit_period_days=st.one_of(st.none(), st.integers(min_value=0, max_value=600)),
    separation_reason=st.one_of(
        st.none(),
        st.sampled_from(
            [
                "recommended_resignation",
                "contract_end",
                "dismissal",
                "dismissal_misconduct",
                "business_closure",
                "retirement_age",
                "voluntary",
                "voluntary_justified",
                "other",
            ]
        ),
    ),
    separation_date=st.one_of(st.none(), st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))),
    separation_year=st.one_of(st.none(), st.integers(min_value=2019, max_value=2030)),
    monthly_wage=wages,
    avg_daily_wage=daily_wages,
    daily_work_hours=st.one_of(st.none(), st.floats(min_value=8, max_value=24)),
    self_employed=st.one_of(st.none(), st.booleans()),
)
todays = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(profile=profiles, today=todays)
def test_daily_benefit_between_floor_and_cap(profile: Profile, today: date) -> None:
    result = check_eligibility("unemployment_benefit", profile, today=today)
    assert result.decision in {"eligible", "ineligible", "need_more_info"}
    year = result.applies_year
    assert year in FLOOR_8H
    daily = result.amount("구직급여일액")
    requested = (
        profile.separation_date.year if profile.separation_date else profile.separation_year or today.year
    )
    # a year without figures (e.g. 2027+) is computed on the last known year and said FIRST, in a warning
    assert bool(result.warnings) is (requested not in FLOOR_8H)
    if result.decision == "ineligible":
        assert result.amounts == []  # nothing that reads as a payment
        assert result.missing == []
        return
    if profile.monthly_wage is None and profile.avg_daily_wage is None:
        assert daily is None
    else:
        assert daily is not None
        assert FLOOR_8H[year] <= daily.value <= CAP[year]
    days = result.amount("소정급여일수")
    if days is not None:
        assert days.value in TABLE_DAYS


@settings(max_examples=150, deadline=None)
@given(
    hours=st.floats(min_value=0.5, max_value=24),
    avg=st.integers(min_value=0, max_value=500_000),
    separation=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
)
def test_daily_benefit_floor_scales_with_hours(hours: float, avg: int, separation: date) -> None:
    profile = Profile(daily_work_hours=hours, avg_daily_wage=avg, separation_date=separation)
    result = check_eligibility("unemployment_benefit", profile, today=separation)  # inside the 수급기간
    used_hours = min(max(Decimal(str(hours)), Decimal(4)), Decimal(8))
    floor_h = floor(Decimal(MIN_WAGE[separation.year]) * used_hours * Decimal("0.8"))
    daily = result.amount("구직급여일액")
    assert daily is not None
    assert floor_h <= daily.value <= CAP[separation.year]
    assert daily.value == max(min(floor(Decimal(avg) * Decimal("0.6")), CAP[separation.year]), floor_h)
