"""What the NLU returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from graphs.capabilities.registry import Route
from graphs.profile import Profile
from knowledge.schemas import JobFilters, TrainingFilters

__all__ = ["Program", "Route", "Understanding"]

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
    # The question as the documents word it, for the policy search (graphs/nlu/spelling.py): typos and chat spellings
    # corrected, plus the official name of a program the person only described.
    search_text: str = ""
    # An hourly pay the person states they get or are offered ("사장이 9천원 준다는데", "시급 9000원 받는데"), in 원 per
    # hour, for a rule question (policy_qa / eligibility): the answer compares it with the year's 최저임금.
    stated_hourly_wage: int | None = None
    # Occupation / field words the person states about themselves outside a search ("요양보호사로 일하고 싶어 함",
    # "호텔에서 일했어요"): the thread remembers them for a later "이분께 맞는 훈련과정".
    occupation: str | None = None
    # A search for "this person" with no words of its own ("이분께 맞는 훈련과정", "저한테 맞는 일자리", "제 조건에 맞는"):
    # the thread's remembered occupation and region fill it.
    for_the_person: bool = False
    # A question not in Korean ("en", "vi", "zh", "other"; graphs/multilingual.py): route "foreign_language".
    language: str | None = None
