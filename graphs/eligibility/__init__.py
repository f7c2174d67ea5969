"""Eligibility and amount rules as data (``rules/*.yaml``), evaluated by small pure functions.

``check_eligibility(program, profile, today=...)`` answers for one program with reasons (article, confidence,
source), the questions still to ask and the amounts with their formulas written out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from graphs.eligibility import (
    early_reemployment,
    learning_card,
    national_employment,
    unemployment,
    youth_job_leap,
)
from graphs.eligibility.models import PROGRAMS, Amount, EligibilityResult, MissingFact, Reason
from graphs.eligibility.ruleset import RuleFileError, load_rule_file, load_rules, validate_all_rules
from graphs.profile import Profile

Evaluator = Callable[..., EligibilityResult]

_EVALUATORS: dict[str, Evaluator] = {
    "unemployment_benefit": unemployment.evaluate,
    "early_reemployment": early_reemployment.evaluate,
    "national_employment_support": national_employment.evaluate,
    "learning_card": learning_card.evaluate,
    "youth_job_leap": youth_job_leap.evaluate,
}


def check_eligibility(program: str, profile: Profile, *, today: date) -> EligibilityResult:
    """Evaluate ``program`` for ``profile`` as of ``today`` (the application date).

    Raises ``ValueError`` listing the valid program ids when ``program`` is unknown.
    """
    evaluator = _EVALUATORS.get(program)
    if evaluator is None:
        raise ValueError(f"Unknown program {program!r}; valid ids: {', '.join(PROGRAMS)}")
    return evaluator(profile, today=today)


def amount_rule(program: str | None) -> str | None:
    """How ``program``'s money is computed, in one sentence with its article (answers "얼마" asked without facts);
    ``None`` for a program whose amount is a fixed yearly figure or a table."""
    if program == "early_reemployment":
        er = early_reemployment.rules()
        ratio = early_reemployment.ratio_text_of(er.payment_ratio.value)
        return (
            f"조기재취업수당 = 남은 소정급여일수(아직 받지 않은 날수) × 구직급여일액 × {ratio} "
            f"({er.payment_ratio.article})"
        )
    if program == "unemployment_benefit":
        ur = unemployment.rules()
        rate = ur.benefit_rate
        return (
            f"구직급여일액 = 퇴사 전 3개월 평균임금 × {rate.value:.0%}(그해 하루 하한액~상한액 사이), 받을 수 있는 최대 "
            f"금액 = 구직급여일액 × 소정급여일수(별표1: 퇴사 당시 나이와 피보험기간에 따라 120~270일) "
            f"({rate.article}, {ur.benefit_days.article})"
        )
    return None


__all__ = [
    "PROGRAMS",
    "Amount",
    "EligibilityResult",
    "MissingFact",
    "Reason",
    "RuleFileError",
    "amount_rule",
    "check_eligibility",
    "load_rule_file",
    "load_rules",
    "validate_all_rules",
]
