"""What the posting check returns: findings with exact spans, and the report around them."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.schemas import Confidence

Severity = Literal["위반", "확인 필요", "권고"]
SEVERITY_ORDER: dict[str, int] = {"위반": 0, "확인 필요": 1, "권고": 2}


class Finding(BaseModel):
    """One problem in a posting: where it is (``text[start:end] == quote``), which rule and article, how serious,
    why (plain Korean) and a rewrite the employer can paste."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    rule_name: str  # Korean label, e.g. "연령 제한"
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: str = Field(min_length=1)
    law: str  # e.g. "고용상 연령차별금지 및 고령자고용촉진에 관한 법률"
    article: str  # e.g. "제4조의4 제1항 제1호"
    effective_from: date
    effective_to: date | None = None
    severity: Severity
    explanation: str
    suggestion: str
    confidence: Confidence
    source: str
    url: str | None = None
    exception: str | None = None  # the lawful exception that made this "확인 필요", when one did

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Self:
        if self.end - self.start != len(self.quote):
            raise ValueError("end - start must equal len(quote)")
        return self

    @property
    def citation(self) -> str:
        return f"{self.law} {self.article}"


class CheckReport(BaseModel):
    """The result of checking one posting text."""

    text: str
    year: int  # the posting's year (decides the minimum wage)
    employees: int | None = None  # 상시 근로자 수 when known
    findings: list[Finding] = Field(default_factory=list)
    rules_checked: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)  # Korean remarks (e.g. which minimum wage was used)

    @model_validator(mode="after")
    def _spans_point_into_text(self) -> Self:
        for f in self.findings:
            if self.text[f.start : f.end] != f.quote:
                raise ValueError(f"finding {f.rule_id} at {f.start}:{f.end} does not quote the text")
        return self

    @property
    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.findings}

    def counts(self) -> dict[str, int]:
        """Findings per severity (위반 / 확인 필요 / 권고)."""
        c: Counter[str] = Counter(f.severity for f in self.findings)
        return {s: c[s] for s in SEVERITY_ORDER}

    @property
    def clean(self) -> bool:
        return not self.findings
