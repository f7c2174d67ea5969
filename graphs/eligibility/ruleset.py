"""Typed schemas of the rule files under ``rules/`` and their loader.

Every policy number lives in a YAML file; every entry carries ``article``, ``effective_from``,
``effective_to``, ``confidence`` and ``source``. Loading validates the file with pydantic and a broken file
raises :class:`RuleFileError` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_FLOOR, Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal, Self, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graphs.profile import Profile, SeparationReason
from knowledge.facts import InForce, load_yaml_model, minimum_wage
from knowledge.schemas import Confidence

RULES_DIR = Path(__file__).resolve().parent / "rules"

Op = Literal[">=", ">", "<=", "<"]
OP_WORDS: dict[str, str] = {">=": "이상", ">": "초과", "<=": "이하", "<": "미만"}


class RuleFileError(ValueError):
    """A rule file is missing, is not valid YAML, or does not match its schema."""


def dec(value: int | float | Decimal) -> Decimal:
    """Exact decimal of a YAML number (0.6 stays 0.6)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def floor_int(value: Decimal) -> int:
    """Round down to a whole 원 (원 미만 버림)."""
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def only_known(names: Iterable[str], known: Iterable[str], what: str) -> None:
    """A rule file names only known things (``questions`` keys are facts the person can state)."""
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ValueError(f"not {what}: {', '.join(unknown)}")


def none_missing(names: Iterable[str], required: Iterable[str], what: str) -> None:
    """A rule file covers every case of a closed set (all tracks, all groups)."""
    missing = sorted(set(required) - set(names))
    if missing:
        raise ValueError(f"{what} lacks: {', '.join(missing)}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(InForce):
    """Metadata every rule entry carries (the period in force and its check come from ``InForce``)."""

    article: str = Field(min_length=1)
    confidence: Confidence
    source: str = Field(min_length=1)
    url: str | None = None
    note: str | None = None  # Korean caveat shown to the person whenever this entry is used
    remedy: str | None = None  # Korean: what would change a failed requirement (added to the failing reason)


class Threshold(Sourced):
    """A requirement ``actual <op> value`` (the requirement is met when the comparison holds)."""

    label: str
    value: int | float
    op: Op
    unit: str

    def check(self, actual: int | float | Decimal) -> bool:
        a, v = dec(actual), dec(self.value)
        return {">=": a >= v, ">": a > v, "<=": a <= v, "<": a < v}[self.op]


class Range(Sourced):
    """An inclusive range requirement, e.g. ages 15–64."""

    label: str
    min: int
    max: int
    unit: str

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.max < self.min:
            raise ValueError("max is below min")
        return self

    def contains(self, actual: int | float) -> bool:
        return self.min <= actual <= self.max


class Figure(Sourced):
    """A fixed amount, rate or count."""

    label: str
    value: int | float
    unit: str


class Condition(Sourced):
    """A yes/no requirement whose wording lives in the data."""

    label: str
    pass_text: str
    fail_text: str


class ReasonRule(Sourced):
    """A fixed verdict for a categorical fact (e.g. one separation reason)."""

    passed: bool | None
    text: str


class Notice(Sourced):
    """A Korean notice tied to a legal basis."""

    text: str


class ProgramRules(_Strict):
    """Common head of every rule file."""

    program: str
    name: str
    questions: dict[str, str]

    @field_validator("questions")
    @classmethod
    def _questions_name_profile_fields(cls, value: dict[str, str]) -> dict[str, str]:
        only_known(value, Profile.model_fields, "Profile fields")
        return value


# --------------------------------------------------------------------------------------- 구직급여


class UnemploymentYear(_Strict):
    min_wage_hourly: Figure  # from knowledge/facts/minimum_wage.yaml, never written in the rule file
    base_daily_wage_cap: Figure
    daily_cap: Figure


def minimum_wage_figure(year: int) -> Figure:
    """The 최저임금 시간급 of ``year`` from the facts module, as a rule figure (the 하한액 is computed from it)."""
    table = minimum_wage()
    entry = table.years.get(year)
    if entry is None:
        raise ValueError(f"knowledge/facts/minimum_wage.yaml has no {year} (the 구직급여 하한액 of {year} needs it)")
    return Figure(label="최저임금(시간급)", value=entry.hourly, unit="원", article=f"{table.article} — {entry.notice}",
                  effective_from=entry.effective_from, effective_to=entry.effective_to, confidence=entry.confidence,
                  source=entry.source, url=entry.url, note=entry.note)


class BenefitDaysBand(_Strict):
    below_years: int | None = Field(
        default=None, gt=0
    )  # insured period strictly below this many (calendar) years
    label: str
    under_senior: int = Field(gt=0)
    senior_or_disabled: int = Field(gt=0)


class BenefitDaysTable(Sourced):
    senior_age: int
    # Only a number of days is known (no dates): a year is counted as this many days (documented convention).
    days_per_year: int = Field(gt=0)
    bands: list[BenefitDaysBand] = Field(min_length=1)

    @model_validator(mode="after")
    def _bands_ascend(self) -> Self:
        bounds = [b.below_years for b in self.bands]
        if bounds[-1] is not None or any(b is None for b in bounds[:-1]):
            raise ValueError("only the last band may (and must) have below_years: null")
        finite = [b for b in bounds if b is not None]
        if finite != sorted(set(finite)):
            raise ValueError("below_years must strictly increase")
        return self

    def band_for(self, years: int) -> BenefitDaysBand:
        """The band of an insured period of ``years`` full (calendar) years."""
        return next(b for b in self.bands if b.below_years is None or years < b.below_years)


class WorkHours(Sourced):
    default: float = Field(gt=0)
    minimum: float = Field(gt=0)
    maximum: float = Field(gt=0)
    minimum_note: str  # shown when the hours are below the minimum (the rule's source is secondary: ⚠️)


class AverageWage(Sourced):
    months: int = Field(gt=0)
    fallback_days: int = Field(gt=0)


class PriorPeriod(Sourced):
    """제50조④1호: an earlier insured period counts if lost within ``gap_years`` before this job and no 구직급여."""

    label: str
    gap_years: int = Field(gt=0)


class UnemploymentRules(ProgramRules):
    program: Literal["unemployment_benefit"]
    unit_period: Threshold
    unit_period_help: Notice  # where a person finds the 피보험 단위기간 (shown while it is unknown)
    prior_period: PriorPeriod
    claim_period_months: Figure
    separation_reasons: dict[SeparationReason, ReasonRule]
    unemployed: Condition  # 제40조①2호: checked when the person is still in work and has not left a job
    self_employed: Notice
    job_search_duty: Notice
    benefit_rate: Figure
    floor_rate: Figure
    work_hours: WorkHours
    average_wage: AverageWage
    wage_basis_change: Notice
    benefit_days: BenefitDaysTable
    waiting_period_days: Figure
    yearly: dict[int, UnemploymentYear] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _minimum_wage_from_facts(cls, data: Any) -> Any:
        """Each year's 최저임금 comes from the facts module; a copy in the rule file is refused."""
        if not isinstance(data, dict) or not isinstance(data.get("yearly"), dict):
            return data
        yearly = {}
        for year, figures in data["yearly"].items():
            if isinstance(figures, dict):
                if "min_wage_hourly" in figures:
                    raise ValueError(f"yearly.{year}.min_wage_hourly: 최저임금 lives in knowledge/facts/minimum_wage.yaml")
                figures = {**figures, "min_wage_hourly": minimum_wage_figure(int(year))}
            yearly[year] = figures
        return {**data, "yearly": yearly}

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        missing = sorted(set(get_args(SeparationReason)) - set(self.separation_reasons))
        if missing:
            raise ValueError(f"separation_reasons lacks: {', '.join(missing)}")
        for year, fig in self.yearly.items():
            for key in ("min_wage_hourly", "base_daily_wage_cap", "daily_cap"):
                entry: Figure = getattr(fig, key)
                if entry.effective_from.year != year:
                    raise ValueError(f"yearly.{year}.{key}: effective_from is not in {year}")
            expected = floor_int(dec(fig.base_daily_wage_cap.value) * dec(self.benefit_rate.value))
            if expected != fig.daily_cap.value:
                raise ValueError(
                    f"yearly.{year}.daily_cap {fig.daily_cap.value} != base_daily_wage_cap × benefit_rate ({expected})"
                )
        return self


# --------------------------------------------------------------------------------------- 조기재취업수당


class Entitlement(Notice):
    """조기재취업수당's precondition, a 구직급여 수급자격 (제64조①): ``text`` is the note every answer carries, the
    rest words the requirement."""

    label: str
    pass_text: str
    fail_text: str


class EarlyReemploymentRules(ProgramRules):
    program: Literal["early_reemployment"]
    reemployed: Condition
    days_after_claim: Threshold
    remaining_ratio: Threshold
    employment_months: Threshold
    employment_months_senior: Threshold
    senior_age: Threshold
    previous_employer: Condition
    paid_within_2y: Condition
    payment_ratio: Figure
    claim_after_months: Figure
    requires_entitlement: Entitlement


# --------------------------------------------------------------------------------------- 국민취업지원제도


class Allowance(Sourced):
    monthly: int = Field(gt=0)
    months: int = Field(gt=0)
    scope_note: str | None = None


class DependentAddition(Sourced):
    per_person: int = Field(gt=0)
    monthly_max: int = Field(gt=0)


class IncomeWaiver(Range):
    """An age range that joins a track without the income test (operating rule), with its Korean wording."""

    text: str


class Track(Sourced):
    label: str
    description: str


TrackId = Literal["type1_requirement", "type1_selection", "type1_youth", "type2"]


class NationalEmploymentRules(ProgramRules):
    program: Literal["national_employment_support"]
    tracks: dict[TrackId, Track]
    age_statutory: Range
    age_extended: Range
    youth_age: Range
    income_type1: Threshold
    income_youth_special: Threshold
    income_type2: Threshold
    income_type2_youth: Threshold
    type2_youth_no_income: IncomeWaiver
    income_estimate: (
        Notice  # a share from the person's own figure is guidance; the centre computes the official one
    )
    assets: Threshold
    assets_youth: Threshold
    work_days: Threshold
    work_hours: Threshold
    livelihood_exclusion: Condition
    unemployment_benefit_exclusion: Condition
    exclusions_unchecked: Notice
    type2_other_groups: Notice
    allowance: dict[int, Allowance] = Field(min_length=1)
    dependent_addition: dict[int, DependentAddition] = Field(min_length=1)
    success_allowance: Figure

    @model_validator(mode="after")
    def _all_tracks(self) -> Self:
        none_missing(self.tracks, get_args(TrackId), "tracks")
        return self


# --------------------------------------------------------------------------------------- 국민내일배움카드


class LearningCardRules(ProgramRules):
    program: Literal["learning_card"]
    open_to_all: Notice
    public_servant: Condition
    age_limit: Threshold
    student_years: Threshold
    self_employed_revenue: Threshold
    self_employed_revenue_alt: Figure
    large_company: Condition
    large_company_excluded_age: Threshold
    large_company_excluded_income: Threshold
    limit: Figure
    extra_limit: Figure
    unchecked: Notice
    self_pay: Notice


# --------------------------------------------------------------------------------------- 청년일자리도약장려금


class LeapEmployer(_Strict):
    priority_support: Condition
    min_insured: Threshold
    youth_age: Range
    full_time: Condition
    retention: Threshold
    hard_to_employ: Condition
    hard_to_employ_required_capital: bool
    hard_to_employ_required_non_capital: bool
    monthly: Figure
    months: Figure
    notes: list[str] = Field(default_factory=list)


class LeapYouth(_Strict):
    non_capital: Condition | None = None  # 2026: only 비수도권 youths
    age: Range
    retention: Threshold
    amount: Figure
    regional_amounts: list[Figure] = Field(default_factory=list)
    vacant_industry: Condition | None = None  # 2025: only 빈일자리 업종 (no Profile field → always asked)
    notes: list[str] = Field(default_factory=list)


class LeapVersion(Sourced):
    id: str
    label: str
    employer: LeapEmployer
    youth: LeapYouth


class YouthJobLeapRules(ProgramRules):
    program: Literal["youth_job_leap"]
    capital_keywords: list[str] = Field(min_length=1)
    non_capital_keywords: list[str] = Field(min_length=1)
    versions: list[LeapVersion] = Field(min_length=1)

    @model_validator(mode="after")
    def _versions_do_not_overlap(self) -> Self:
        ordered = sorted(self.versions, key=lambda v: v.effective_from)
        for earlier, later in zip(ordered, ordered[1:], strict=False):
            if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                raise ValueError(f"versions {earlier.id} and {later.id} overlap")
        return self


# --------------------------------------------------------------------------------------- loading

RulesT = TypeVar("RulesT", bound=BaseModel)

RULE_MODELS: dict[str, type[ProgramRules]] = {
    "unemployment_benefit": UnemploymentRules,
    "early_reemployment": EarlyReemploymentRules,
    "national_employment_support": NationalEmploymentRules,
    "learning_card": LearningCardRules,
    "youth_job_leap": YouthJobLeapRules,
}


def load_rule_file(path: Path, model: type[RulesT]) -> RulesT:
    """Read and validate one rule file; any problem raises :class:`RuleFileError` with the file and key."""
    return load_yaml_model(path, model, RuleFileError)


@cache
def load_rules(program: str) -> ProgramRules:
    """The validated rules of one program (cached)."""
    return load_rule_file(RULES_DIR / f"{program}.yaml", RULE_MODELS[program])


def validate_all_rules() -> list[str]:
    """Load every bundled rule file (raises on the first broken one); returns the program ids."""
    for program in RULE_MODELS:
        load_rules(program)
    return list(RULE_MODELS)
