"""Result models of the eligibility checks (what the agent and the UI show to the person)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from graphs.profile import Profile
from knowledge.schemas import Confidence

Decision = Literal["eligible", "ineligible", "need_more_info"]
AmountUnit = Literal["원", "일", "원/일", "원/월"]

PROGRAMS: dict[str, str] = {
    "unemployment_benefit": "구직급여",
    "early_reemployment": "조기재취업수당",
    "national_employment_support": "국민취업지원제도",
    "learning_card": "국민내일배움카드",
    "youth_job_leap": "청년일자리도약장려금",
}


class Reason(BaseModel):
    """One requirement and whether the person meets it (``passed=None``: not known yet)."""

    rule_id: str
    passed: bool | None
    text: str  # plain Korean, with the person's figure and the threshold
    label: str = ""  # the requirement's short Korean name (e.g. "피보험 단위기간"), for citations
    article: str  # e.g. "고용보험법 제40조 제1항 제1호"
    effective_from: date
    effective_to: date | None = None
    confidence: Confidence
    source_url: str | None = None
    source: str = ""  # where the rule comes from (law text, news report, secondary source)
    # Met only through an exception the person's own facts open (a 정당한 사유 for a voluntary leave, the youth
    # ceiling raised by military service, the youth waiver of an income test): a citizen's answer names it.
    key: bool = False


class MissingFact(BaseModel):
    """A fact the counselor should ask for: a Profile field and one short Korean question.

    ``decides``: the fact settles an open requirement (the decision waits on it); ``False`` when it only completes
    an amount (구직급여일액 without the wage, 소정급여일수 without the age …)."""

    field: str
    question: str
    decides: bool = True

    @field_validator("field")
    @classmethod
    def _is_profile_field(cls, value: str) -> str:
        if value not in Profile.model_fields:
            raise ValueError(f"{value!r} is not a Profile field")
        return value


class Amount(BaseModel):
    """A computed amount or number of days, with the formula written out with the actual numbers."""

    name: str
    value: int
    unit: AmountUnit
    formula: str
    article: str
    effective_from: date
    year: int
    confidence: Confidence
    source_url: str | None = None


class EligibilityResult(BaseModel):
    """The outcome of one program check.

    ``missing`` lists, in the order a counselor would ask, the facts that decide (``decides``; these make the
    decision ``need_more_info``) followed by facts that only complete an amount (``decides=False``); it is empty when
    ineligible.
    """

    program: str
    program_name: str
    decision: Decision
    reasons: list[Reason] = Field(default_factory=list)
    missing: list[MissingFact] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    applies_year: int
    notes: list[str] = Field(default_factory=list)
    # Shown first, before the verdict, to every role: e.g. the asked year has no published figures and the last
    # known year's were used. Plain Korean sentences.
    warnings: list[str] = Field(default_factory=list)
    sub_results: list[EligibilityResult] = Field(default_factory=list)

    def amount(self, name: str) -> Amount | None:
        """The first amount with this name, if any."""
        return next((a for a in self.amounts if a.name == name), None)

    def reason(self, rule_id: str) -> Reason | None:
        """The first reason with this rule id, if any."""
        return next((r for r in self.reasons if r.rule_id == rule_id), None)

    def sub(self, program: str) -> EligibilityResult | None:
        """The sub-result with this id (e.g. ``national_employment_support.type1_requirement``)."""
        return next((s for s in self.sub_results if s.program == program), None)


EligibilityResult.model_rebuild()
