"""Small pure helpers shared by the program evaluators: formatting, reasons, year selection, decisions."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from graphs.eligibility.models import (
    PROGRAMS,
    Amount,
    AmountUnit,
    Decision,
    EligibilityResult,
    MissingFact,
    Reason,
)
from graphs.eligibility.ruleset import OP_WORDS, Condition, Range, Sourced, Threshold, dec, load_rules
from knowledge.schemas import Confidence

CONFIRM_NOTE = (
    "확인되지 않았거나 출처마다 다른 정보가 포함되어 있습니다. "
    "고용24(www.work24.go.kr) 또는 고용노동부 고객상담센터(국번 없이 1350)에서 꼭 확인하세요."
)
FLAGGED: frozenset[str] = frozenset({"unverified", "conflict"})
_STRENGTH: dict[str, int] = {"law": 0, "news": 1, "secondary": 2, "unverified": 3, "conflict": 4}

T = TypeVar("T")
RulesT = TypeVar("RulesT")


def rules_of(program: str, model: type[RulesT]) -> RulesT:
    """The validated rules of ``program``, typed as ``model``."""
    rules = load_rules(program)
    if not isinstance(rules, model):  # pragma: no cover - guarded by RULE_MODELS
        raise TypeError(f"{program}: expected {model.__name__}")
    return rules


# ------------------------------------------------------------------------------------------- formatting


def num(value: int | float | Decimal) -> str:
    """``1234567`` → ``1,234,567``; ``60.0`` → ``60``; ``0.5`` → ``0.5``."""
    d = dec(value)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d.normalize():,f}"


def won(value: int) -> str:
    return f"{value:,}원"


def compact_won(value: int | float) -> str:
    """``400_000_000`` → ``4억원``; ``150_000_000`` → ``1억 5,000만원``; ``600_000`` → ``60만원``."""
    v = int(value)
    eok, rest = divmod(v, 100_000_000)
    man, small = divmod(rest, 10_000)
    if small or v < 10_000:
        return won(v)
    parts = ([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else [])
    return " ".join(parts) + "원"


def quantity(value: int | float | Decimal, unit: str) -> str:
    if unit == "원":
        return compact_won(int(value))
    return f"{num(value)}{unit}"


def percent(rate: int | float) -> str:
    return f"{num(dec(rate) * 100)}%"


def weakest(*confidences: Confidence) -> Confidence:
    """The least certain of several confidence tags."""
    return max(confidences, key=lambda c: _STRENGTH[c])


# ------------------------------------------------------------------------------------------- dates


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def select_year(table: Mapping[int, T], year: int) -> tuple[int, T, str | None]:
    """The entry for ``year``; otherwise the latest earlier year (or the earliest one) with a Korean note."""
    if year in table:
        return year, table[year], None
    earlier = [y for y in table if y < year]
    chosen = max(earlier) if earlier else min(table)
    note = f"{year}년 기준 금액이 아직 규칙에 없어 {chosen}년 기준으로 계산했습니다. {year}년 금액은 고용24 또는 1350에서 확인하세요."
    return chosen, table[chosen], note


SourcedT = TypeVar("SourcedT", bound=Sourced)


def select_version(versions: Sequence[SourcedT], day: date) -> tuple[SourcedT, str | None]:
    """The version in force on ``day``; otherwise the latest that started before it (or the earliest), with a note."""
    for version in versions:
        if version.in_force(day):
            return version, None
    started = [v for v in versions if v.effective_from <= day]
    chosen = (
        max(started, key=lambda v: v.effective_from)
        if started
        else min(versions, key=lambda v: v.effective_from)
    )
    note = (
        f"{day.isoformat()}에 시행 중인 기준이 규칙에 없어 {chosen.effective_from.isoformat()} 시행 기준으로 "
        "안내합니다. 고용24 또는 1350에서 확인하세요."
    )
    return chosen, note


# ------------------------------------------------------------------------------------------- decisions


def decide(reasons: Iterable[Reason]) -> Decision:
    """Any failed requirement → ineligible; else any unknown → need_more_info; else eligible."""
    verdicts = [r.passed for r in reasons]
    if any(v is False for v in verdicts):
        return "ineligible"
    if any(v is None for v in verdicts):
        return "need_more_info"
    return "eligible"


def aggregate(decisions: Iterable[Decision]) -> Decision:
    """Best of several alternative tracks: eligible if any is, else need_more_info if any is, else ineligible."""
    found = set(decisions)
    if "eligible" in found:
        return "eligible"
    if "need_more_info" in found:
        return "need_more_info"
    return "ineligible"


def verdict_of(decision: Decision) -> bool | None:
    return {"eligible": True, "ineligible": False, "need_more_info": None}[decision]


def has_flagged(result: EligibilityResult) -> bool:
    items: list[Reason | Amount] = [*result.reasons, *result.amounts]
    return any(i.confidence in FLAGGED for i in items) or any(has_flagged(s) for s in result.sub_results)


# ------------------------------------------------------------------------------------------- builder


@dataclass
class Builder:
    """Collects reasons, questions, amounts and notes for one (sub-)result."""

    program: str
    questions: Mapping[str, str]
    program_name: str = ""
    reasons: list[Reason] = field(default_factory=list)
    missing: list[MissingFact] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flagged: bool = False  # an [UNVERIFIED]/[CONFLICT] entry was used → the confirm note is added

    # --- questions and notes
    def ask(self, field_name: str) -> None:
        if all(m.field != field_name for m in self.missing):
            self.missing.append(MissingFact(field=field_name, question=self.questions[field_name]))

    def note(self, text: str | None) -> None:
        if text and text not in self.notes:
            self.notes.append(text)

    def use(self, entry: Sourced) -> None:
        """Record that ``entry`` was used: its caveat becomes a note; a flagged entry adds the confirm note."""
        self.note(entry.note)
        self.flagged = self.flagged or entry.confidence in FLAGGED

    # --- reasons
    def reason(self, rule_id: str, entry: Sourced, passed: bool | None, text: str) -> bool | None:
        self.use(entry)
        self.reasons.append(
            Reason(
                rule_id=rule_id,
                passed=passed,
                text=text,
                label=str(getattr(entry, "label", "") or ""),
                article=entry.article,
                effective_from=entry.effective_from,
                effective_to=entry.effective_to,
                confidence=entry.confidence,
                source_url=entry.url,
                source=entry.source,
            )
        )
        return passed

    def threshold(
        self, rule_id: str, th: Threshold, actual: int | float | None, ask: str | None = None
    ) -> bool | None:
        """``actual <op> value``; an unknown ``actual`` asks for the ``ask`` field."""
        rule = f"기준 {quantity(th.value, th.unit)} {OP_WORDS[th.op]}"
        if actual is None:
            if ask:
                self.ask(ask)
            return self.reason(rule_id, th, None, f"{th.label}: 정보가 필요합니다 ({rule}).")
        ok = th.check(actual)
        verdict = "충족" if ok else "미충족"
        return self.reason(rule_id, th, ok, f"{th.label} {quantity(actual, th.unit)} — {rule} → {verdict}")

    def in_range(self, rule_id: str, rng: Range, actual: int | None, ask: str | None = None) -> bool | None:
        rule = f"기준 {num(rng.min)}~{num(rng.max)}{rng.unit}"
        if actual is None:
            if ask:
                self.ask(ask)
            return self.reason(rule_id, rng, None, f"{rng.label}: 정보가 필요합니다 ({rule}).")
        ok = rng.contains(actual)
        verdict = "충족" if ok else "미충족"
        return self.reason(rule_id, rng, ok, f"{rng.label} {num(actual)}{rng.unit} — {rule} → {verdict}")

    def condition(
        self, rule_id: str, cond: Condition, ok: bool | None, ask: str | None = None
    ) -> bool | None:
        if ok is None:
            if ask:
                self.ask(ask)
            return self.reason(rule_id, cond, None, f"{cond.label}: 정보가 필요합니다.")
        return self.reason(rule_id, cond, ok, cond.pass_text if ok else cond.fail_text)

    # --- amounts
    def amount(
        self,
        name: str,
        value: int,
        unit: AmountUnit,
        formula: str,
        *entries: Sourced,
        year: int,
        article: str | None = None,
    ) -> Amount:
        for entry in entries:
            self.use(entry)
        amount = Amount(
            name=name,
            value=value,
            unit=unit,
            formula=formula,
            article=article or entries[0].article,
            effective_from=max(e.effective_from for e in entries),
            year=year,
            confidence=weakest(*(e.confidence for e in entries)),
            source_url=next((e.url for e in entries if e.url), None),
        )
        self.amounts.append(amount)
        return amount

    # --- result
    def result(
        self,
        applies_year: int,
        *,
        decision: Decision | None = None,
        sub_results: list[EligibilityResult] | None = None,
    ) -> EligibilityResult:
        final = decision or decide(self.reasons)
        result = EligibilityResult(
            program=self.program,
            program_name=self.program_name or PROGRAMS.get(self.program, self.program),
            decision=final,
            reasons=list(self.reasons),
            missing=[] if final == "ineligible" else list(self.missing),
            amounts=list(self.amounts),
            applies_year=applies_year,
            notes=list(self.notes),
            sub_results=list(sub_results or []),
        )
        if self.flagged or has_flagged(result):  # the confirm note goes last, once
            result.notes = [n for n in result.notes if n != CONFIRM_NOTE] + [CONFIRM_NOTE]
        return result


def merge_missing(*groups: Iterable[MissingFact]) -> list[MissingFact]:
    """Concatenate question lists keeping the first occurrence of each field."""
    seen: set[str] = set()
    merged: list[MissingFact] = []
    for group in groups:
        for fact in group:
            if fact.field not in seen:
                seen.add(fact.field)
                merged.append(fact)
    return merged
