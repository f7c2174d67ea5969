"""Typed schemas of the rule files under ``rules/`` and their loader.

Three kinds of rule: ``lexicon`` (Korean patterns with lawful exceptions), ``min_wage`` and ``work_hours``
(computed from the pay and schedule the posting states). Every rule carries its law, article, effective period,
confidence and source; a size threshold (상시 근로자 수) says to whom the law applies. A broken file raises
:class:`RuleFileError` naming the file and the key.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator, model_validator

from graphs.capabilities.posting_check.models import Severity
from knowledge.facts import load_yaml_model
from knowledge.schemas import Confidence

RULES_DIR = Path(__file__).resolve().parent / "rules"


class RuleFileError(ValueError):
    """A posting-check rule file is missing, is not valid YAML, or does not match its schema."""


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regex: {exc}") from exc
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Applicability(_Strict):
    """The employer size from which the law applies, and the severity when the size is unknown or below it."""

    min_employees: int = Field(gt=0)
    basis: str = Field(min_length=1)  # Korean: the article that sets the threshold
    unknown: Severity
    below: Severity

    def severity(self, employees: int | None, default: Severity) -> Severity:
        if employees is None:
            return self.unknown
        return default if employees >= self.min_employees else self.below

    def note(self, employees: int | None) -> str:
        if employees is None:
            return f"상시 근로자 {self.min_employees}명 미만 사업장이면 이 조항은 적용되지 않습니다 — {self.basis}."
        if employees >= self.min_employees:
            return f"상시 근로자 {employees}명 — {self.basis}에 따라 적용됩니다."
        return f"상시 근로자 {employees}명 — {self.basis}에 따라 이 조항은 적용되지 않습니다."


class RuleBase(_Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=1)
    law: str = Field(min_length=1)
    article: str = Field(min_length=1)
    penalty: str | None = None
    effective_from: date
    effective_to: date | None = None
    confidence: Confidence
    source: str = Field(min_length=1)
    url: str | None = None
    severity: Severity = "위반"
    applicability: Applicability | None = None
    explanation: str = Field(min_length=1)
    suggestion: str = Field(min_length=1)

    @model_validator(mode="after")
    def _period_is_ordered(self) -> Self:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError("effective_to is before effective_from")
        return self

    def in_force_in(self, year: int) -> bool:
        """Whether the rule is in force at some point of ``year`` (postings carry a year, not a day)."""
        return self.effective_from.year <= year and (
            self.effective_to is None or self.effective_to.year >= year
        )


class Pattern(_Strict):
    id: str
    regex: str
    severity: Severity | None = None  # overrides the rule's severity (e.g. a vague phrase → 확인 필요)
    explanation: str | None = None
    suggestion: str | None = None

    _check_regex = field_validator("regex")(_compiles)


class LawfulException(_Strict):
    """A cue that the posting relies on a lawful exception: ``review`` downgrades to 확인 필요, ``suppress`` drops."""

    id: str
    regex: str
    scope: Literal["line", "text"]
    effect: Literal["review", "suppress"]
    explanation: str = Field(min_length=1)

    _check_regex = field_validator("regex")(_compiles)


class LexiconRule(RuleBase):
    kind: Literal["lexicon"]
    patterns: list[Pattern] = Field(min_length=1)
    exceptions: list[LawfulException] = Field(default_factory=list)


class MinWageRule(RuleBase):
    kind: Literal["min_wage"]
    review_explanation: str
    review_suggestion: str
    unknown_hours_note: str
    weekly_standard_hours: float = Field(gt=0)
    daily_standard_hours: float = Field(gt=0)
    weekly_holiday_hours: float = Field(ge=0)
    weekly_holiday_min_hours: float = Field(ge=0)
    overtime_premium: float = Field(ge=1)
    premium_min_employees: int = Field(gt=0)
    severance_divisor: int = Field(gt=12)
    severance_included: str
    overtime_paid_separately: str
    allowance_before: str  # a figure right after these words is an allowance, not the wage
    allowance_after: str  # … or right before these
    exempt_sector: str

    _check_regex = field_validator(
        "severance_included",
        "overtime_paid_separately",
        "allowance_before",
        "allowance_after",
        "exempt_sector",
    )(_compiles)


class WorkHoursRule(RuleBase):
    kind: Literal["work_hours"]
    weekly_limit: float = Field(gt=0)
    assumed_break_explanation: str
    exempt_explanation: str
    small_employer_explanation: str
    exempt_sector: str

    _check_regex = field_validator("exempt_sector")(_compiles)


Rule = Annotated[LexiconRule | MinWageRule | WorkHoursRule, Field(discriminator="kind")]


class RuleFile(RootModel[Rule]):
    """One rule file, whichever its ``kind``."""


def load_rule(path: Path) -> LexiconRule | MinWageRule | WorkHoursRule:
    """Read and validate one rule file; its ``id`` must be the file name."""
    rule = load_yaml_model(path, RuleFile, RuleFileError).root
    if rule.id != path.stem:
        raise RuleFileError(f"{path}: id: {rule.id!r} is not the file name {path.stem!r}")
    return rule


# The order findings of the same span are reported in, and the order rules are listed in the report.
RULE_ORDER: tuple[str, ...] = (
    "age",
    "gender",
    "body_marital",
    "personal_info",
    "false_ad",
    "applicant_cost",
    "min_wage",
    "work_hours",
)


@cache
def load_rules(rules_dir: Path = RULES_DIR) -> tuple[LexiconRule | MinWageRule | WorkHoursRule, ...]:
    """Every rule file of ``rules_dir`` (cached), in :data:`RULE_ORDER` then by name."""
    rules = [load_rule(p) for p in sorted(rules_dir.glob("*.yaml"))]
    if not rules:
        raise RuleFileError(f"{rules_dir}: no rule files")
    rank = {rid: i for i, rid in enumerate(RULE_ORDER)}
    return tuple(sorted(rules, key=lambda r: (rank.get(r.id, len(rank)), r.id)))
