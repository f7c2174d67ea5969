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


__all__ = [
    "PROGRAMS",
    "Amount",
    "EligibilityResult",
    "MissingFact",
    "Reason",
    "RuleFileError",
    "check_eligibility",
    "load_rule_file",
    "load_rules",
    "validate_all_rules",
]
