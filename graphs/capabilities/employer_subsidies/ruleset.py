"""Typed schemas of the employer-subsidy rule files (``rules/*.yaml``) and their loader.

The entries reuse the eligibility rule types (:class:`Threshold`, :class:`Condition`, :class:`Figure`,
:class:`Notice` from :mod:`graphs.eligibility.ruleset`): every one carries its article, effective period,
confidence and source. 청년일자리도약장려금 is not repeated here: the screening reads the eligibility rules
(``graphs/eligibility/rules/youth_job_leap.yaml``) through :func:`graphs.eligibility.check_eligibility`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graphs.capabilities.employer_subsidies.models import EmployerFacts, HireGroup
from graphs.eligibility.ruleset import Condition, Figure, Notice, Sourced, Threshold, none_missing, only_known
from knowledge.facts import load_yaml_model

RULES_DIR = Path(__file__).resolve().parent / "rules"


class RuleFileError(ValueError):
    """An employer-subsidy rule file is missing, is not valid YAML, or does not match its schema."""


def fact_paths(model: type[BaseModel] = EmployerFacts, prefix: str = "") -> set[str]:
    """Every fact an employer can state, as dotted paths (``employees``, ``youth.age`` …)."""
    paths: set[str] = set()
    for name, info in model.model_fields.items():
        nested = next(
            (a for a in get_args(info.annotation) if isinstance(a, type) and issubclass(a, BaseModel)), None
        )
        if nested is not None:
            paths |= fact_paths(nested, f"{prefix}{name}.")
        else:
            paths.add(f"{prefix}{name}")
    return paths


class ProgramHead(Sourced):
    """The head every program file carries: the program's own basis and the questions it may ask."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    program: str
    name: str
    questions: dict[str, str] = Field(min_length=1)
    notes: list[str] = Field(default_factory=list)

    @field_validator("questions")
    @classmethod
    def _questions_name_facts(cls, value: dict[str, str]) -> dict[str, str]:
        only_known(value, fact_paths(), "EmployerFacts fields")
        return value


class SeniorRules(ProgramHead):
    program: Literal["senior_continued_employment"]
    retirement_system: Condition
    system_years: Threshold
    measure: Condition
    senior_ratio: Threshold
    rehire_within: Threshold
    rehire_contract: Threshold
    monthly_capital: Figure
    monthly_non_capital: Figure
    max_months: Figure
    limit_share: Figure  # % of the 피보험자
    limit_cap: Figure  # 명
    older_rule: Notice


class ParentalRules(ProgramHead):
    program: Literal["parental_employment_stability"]
    priority_support: Condition
    allowed_days: Threshold
    leave_monthly: Figure
    leave_special_monthly: Figure
    leave_special_child_months: Threshold
    leave_special_consecutive: Threshold
    leave_special_months: Figure
    reduction_monthly: Figure
    male_incentive: Figure
    size_threshold: Figure  # 명: below it the "30인 미만" amounts
    replacement_small: Figure
    replacement_large: Figure
    sharing_small: Figure
    sharing_large: Figure
    replacement_2026: Notice


class PromotionGroup(Condition):
    """A 시행령 제26조 group; ``unemployed_months`` when the group needs a spell of unemployment first."""

    needs_unemployment: bool


class PromotionRules(ProgramHead):
    program: Literal["employment_promotion"]
    groups: dict[HireGroup, PromotionGroup]
    registered: Condition
    unemployed_months: Threshold
    employment_months: Threshold
    large_company_youth: Threshold  # the hired person's age must be above this for a 대규모기업
    layoffs: Condition
    wage_arrears: Condition
    min_pay: Threshold
    monthly: Figure
    months_short: Figure
    months_long: Figure
    long_from: Threshold
    small_size: Figure  # 피보험자 수: below it the small cap applies
    small_cap: Figure
    limit_share: Figure
    limit_cap: Figure

    @field_validator("groups")
    @classmethod
    def _all_groups(cls, value: dict[str, PromotionGroup]) -> dict[str, PromotionGroup]:
        none_missing(value, get_args(HireGroup), "groups")
        return value


AnyRules = SeniorRules | ParentalRules | PromotionRules
RULE_MODELS: dict[str, type[AnyRules]] = {
    "senior_continued_employment": SeniorRules,
    "parental_employment_stability": ParentalRules,
    "employment_promotion": PromotionRules,
}


@cache
def load_program_rules(program: str, rules_dir: Path = RULES_DIR) -> AnyRules:
    """The validated rules of one program (cached); a broken file raises :class:`RuleFileError`."""
    model = RULE_MODELS.get(program)
    if model is None:
        raise RuleFileError(f"unknown employer program {program!r}; known: {', '.join(RULE_MODELS)}")
    rules = load_yaml_model(rules_dir / f"{program}.yaml", model, RuleFileError)
    if rules.program != program:
        raise RuleFileError(f"{rules_dir / program}.yaml: program: {rules.program!r} is not the file name")
    return rules
