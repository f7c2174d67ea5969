"""Shared helpers for the eligibility tests."""

from __future__ import annotations

from datetime import date

from graphs.eligibility import EligibilityResult, check_eligibility
from graphs.profile import Profile

TODAY = date(2026, 11, 21)


def run(program: str, today: date = TODAY, **facts: object) -> EligibilityResult:
    return check_eligibility(program, Profile.model_validate(facts), today=today)


def amount_value(result: EligibilityResult, name: str) -> int:
    found = result.amount(name)
    assert found is not None, f"no amount {name!r} in {[a.name for a in result.amounts]}"
    return found.value


def verdict(result: EligibilityResult, rule_id: str) -> bool | None:
    found = result.reason(rule_id)
    assert found is not None, f"no reason {rule_id!r} in {[r.rule_id for r in result.reasons]}"
    return found.passed
