"""What one turn of the assistant returns: the answer text plus the structured results behind it.

This is the shape of ``goyong ask --json`` and what the chat UI renders.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from graphs.blocks import Block
from knowledge.schemas import Citation, JobPosting, TrainingCourse

Role = Literal["citizen", "counselor"]
ROLES: tuple[Role, ...] = ("citizen", "counselor")


# A citation is the knowledge layer's Citation (title, source, section, effective_from, url, confidence).
CitationOut = Citation


class ToolCallOut(BaseModel):
    name: str
    args: dict[str, Any]
    result: Any


class JobCard(BaseModel):
    id: str
    title: str
    company: str
    region: str
    district: str | None = None
    monthly_pay_min: int | None = None
    monthly_pay_max: int | None = None
    wage_type: str | None = None
    wage_min: int | None = None
    wage_max: int | None = None
    employment_type: str
    close_date: date | None = None
    url: str | None = None

    @classmethod
    def of(cls, job: JobPosting) -> JobCard:
        return cls.model_validate(job.model_dump(include=set(cls.model_fields)))


class CourseCard(BaseModel):
    id: str
    title: str
    institution: str
    region: str
    cost: int
    self_pay: int | None = None
    start_date: date
    end_date: date | None = None
    employment_rate: float | None = None
    card_eligible: bool = True
    url: str | None = None

    @classmethod
    def of(cls, course: TrainingCourse) -> CourseCard:
        return cls.model_validate(course.model_dump(include=set(cls.model_fields)))


class AnswerResult(BaseModel):
    answer: str  # Markdown; for a capability's answer, its blocks rendered (graphs.blocks.to_markdown)
    route: str
    blocks: list[Block] = Field(default_factory=list)  # a registered capability's typed answer (empty otherwise)
    citations: list[CitationOut] = Field(default_factory=list)
    tool_calls: list[ToolCallOut] = Field(default_factory=list)
    jobs: list[JobCard] = Field(default_factory=list)
    courses: list[CourseCard] = Field(default_factory=list)
    eligibility: list[dict[str, Any]] = Field(default_factory=list)
    follow_up: bool = False
    role: Role = "citizen"
    thread_id: str = ""
    used_llm: bool = False
    fallback_reason: str | None = None

    def public_json(self) -> dict[str, Any]:
        """The documented ``--json`` object."""
        return self.model_dump(
            mode="json",
            include={"answer", "route", "blocks", "citations", "tool_calls", "jobs", "courses", "eligibility",
                     "follow_up"},
        )
