"""What the NLU returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graphs.profile import Profile
from knowledge.schemas import JobFilters, TrainingFilters

Route = Literal[
    "job_search", "training_search", "eligibility", "policy_qa", "greeting", "out_of_scope", "crisis", "foreign_language"
]
Program = Literal[
    "unemployment_benefit", "early_reemployment", "national_employment_support", "learning_card", "youth_job_leap"
]


class Understanding(BaseModel):
    """One utterance, understood without an LLM."""

    route: Route
    program: Program | None = None  # for eligibility / policy_qa only
    asks: list[str] = []  # "amount", "duration", "eligibility", "procedure", "requirements", "definition", "deadline", "posting_law"
    year: int | None = None  # the year the question is about
    profile: Profile = Field(default_factory=Profile)  # only what this utterance states
    job_filters: JobFilters = Field(default_factory=JobFilters)
    training_filters: TrainingFilters = Field(default_factory=TrainingFilters)
    query: str = ""  # search text: job/topic words, without filler, pay, places
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    # Extra (not in the original contract): an age said as a band ("50대 초반" → (50, 53)); profile.age stays None.
    age_range: tuple[int, int] | None = None
    # A question not in Korean ("en", "vi", "zh", "other"; graphs/multilingual.py): route "foreign_language".
    language: str | None = None
