"""What a screening returns: one line per program and the one question that settles the most open lines."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from graphs.eligibility.models import MissingFact
from knowledge.schemas import Confidence

LineDecision = Literal["eligible", "ineligible", "unknown"]
MARK: dict[str, str] = {"eligible": "✅", "ineligible": "❌", "unknown": "❓"}
WORD: dict[str, str] = {"eligible": "해당", "ineligible": "해당 안 됨", "unknown": "확인 필요"}


class ScreenLine(BaseModel):
    """One program (or one 국민취업지원제도 type) as the engine decided it for the profile."""

    program: str  # line id: an engine program id, or "<program>.<part>" for a part of one
    name: str  # Korean name shown to the person
    decision: LineDecision
    reason: str  # ❌ the failed requirement, ❓ what is still open, ✅ the requirement that carries it (short)
    missing: list[MissingFact] = Field(default_factory=list)  # the engine's questions, deciding facts first
    amount: str | None = None  # the engine's amounts, formatted with unit and year
    article: str = ""
    effective_from: date | None = None  # of the requirement the reason names
    source_url: str | None = None
    confidence: Confidence | None = None
    flagged: bool = False  # an [UNVERIFIED]/[CONFLICT] rule or figure was used
    detail: str  # the question that opens the full check on the eligibility route

    @property
    def mark(self) -> str:
        return MARK[self.decision]

    @property
    def word(self) -> str:
        return WORD[self.decision]

    def text(self) -> str:
        """The line in one sentence (also what the thread remembers)."""
        parts = [f"{self.mark} {self.name}: {self.word}"]
        if self.decision == "eligible" and self.amount:
            parts.append(self.amount)
        elif self.decision == "unknown" and self.missing:
            parts.append(f"확인할 것: {self.missing[0].question}")
        elif self.reason:
            parts.append(self.reason)
        return " — ".join(parts)


class NextQuestion(BaseModel):
    """The missing fact that decides the most open (❓) lines, with the engine's question for it."""

    field: str
    question: str
    settles: list[str]  # names of the ❓ lines this fact decides (it is their first open fact)
    concerns: list[str]  # names of every ❓ line that still asks for it


class ScreenReport(BaseModel):
    today: date
    audience: Literal["seeker", "employer"]
    lines: list[ScreenLine]
    next_question: NextQuestion | None = None
    warnings: list[str] = Field(default_factory=list)  # the engine's warnings (a year without figures …)
    flagged: list[str] = Field(default_factory=list)  # names of lines resting on unverified/conflicting facts
    notes: list[str] = Field(default_factory=list)

    def line(self, program: str) -> ScreenLine | None:
        return next((ln for ln in self.lines if ln.program == program), None)
