"""Small pure helpers shared by the program evaluators: formatting, reasons, year selection, decisions."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
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
from knowledge.facts import MilitaryExtension, SourcedFact
from knowledge.formatting import compact_won
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


def full_years(start: date, end_exclusive: date) -> tuple[int, int]:
    """Whole calendar years from ``start`` up to ``end_exclusive`` and the days left over (leap days count)."""
    years = (end_exclusive.year - start.year) + 1
    while years > 0 and add_months(start, 12 * years) > end_exclusive:
        years -= 1
    years = max(years, 0)
    return years, (end_exclusive - add_months(start, 12 * years)).days


def fallback_warning(subject: str, year: int, used: int) -> str:
    """The warning shown first when ``year`` has no figures and ``used``'s were applied (``subject`` ends with its
    particle, e.g. "구직촉진수당 월액이")."""
    return (
        f"{year}년 {subject} 아직 발표되지 않았거나 확인되지 않아 {used}년 기준으로 계산했습니다. "
        f"{year}년 실제 금액은 다를 수 있으니 고용24(www.work24.go.kr) 또는 ☎1350에서 확인하세요."
    )


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
    warnings: list[str] = field(default_factory=list)  # shown first, before the verdict
    flagged: bool = False  # an [UNVERIFIED]/[CONFLICT] entry was used → the confirm note is added

    # --- questions and notes
    def ask(self, field_name: str, *, decides: bool = True, question: str | None = None) -> None:
        """Ask for ``field_name`` once; ``decides=False`` when the fact only completes an amount (a fact asked both
        ways decides)."""
        for i, m in enumerate(self.missing):
            if m.field == field_name:
                if decides and not m.decides:
                    self.missing[i] = m.model_copy(update={"decides": True})
                return
        text = question or self.questions[field_name]
        self.missing.append(MissingFact(field=field_name, question=text, decides=decides))

    def note(self, text: str | None) -> None:
        if text and text not in self.notes:
            self.notes.append(text)

    def warn(self, text: str | None) -> None:
        if text and text not in self.warnings:
            self.warnings.append(text)

    def use(self, entry: Sourced) -> None:
        """Record that ``entry`` was used: its caveat becomes a note; a flagged entry adds the confirm note."""
        self.note(entry.note)
        self.flagged = self.flagged or entry.confidence in FLAGGED

    # --- reasons
    def reason(
        self, rule_id: str, entry: Sourced, passed: bool | None, text: str, *, key: bool = False
    ) -> bool | None:
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
                key=key,
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
        text = f"{th.label} {quantity(actual, th.unit)} — {rule} → {'충족' if ok else '미충족'}"
        if not ok:
            text += missed_by(th, actual) + (f". {th.remedy}" if th.remedy else "")
        return self.reason(rule_id, th, ok, text)

    def in_range(self, rule_id: str, rng: Range, actual: int | None, ask: str | None = None) -> bool | None:
        rule = f"기준 {num(rng.min)}~{num(rng.max)}{rng.unit}"
        if actual is None:
            if ask:
                self.ask(ask)
            return self.reason(rule_id, rng, None, f"{rng.label}: 정보가 필요합니다 ({rule}).")
        ok = rng.contains(actual)
        text = f"{rng.label} {num(actual)}{rng.unit} — {rule} → {'충족' if ok else '미충족'}"
        if not ok and rng.remedy:
            text += f". {rng.remedy}"
        return self.reason(rule_id, rng, ok, text)

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
        fell_back: bool = False,
    ) -> Amount:
        """Record an amount; ``fell_back`` (the year's figures were missing) marks it unverified."""
        for entry in entries:
            self.use(entry)
        confidence = weakest(*(e.confidence for e in entries), *(("unverified",) if fell_back else ()))
        amount = Amount(
            name=name,
            value=value,
            unit=unit,
            formula=formula,
            article=article or entries[0].article,
            effective_from=max(e.effective_from for e in entries),
            year=year,
            confidence=confidence,
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
            # the facts that decide first, then those that only complete an amount (each group in asking order)
            missing=[] if final == "ineligible" else sorted(self.missing, key=lambda m: not m.decides),
            # an ineligible result offers nothing that reads as a payment
            amounts=[] if final == "ineligible" else list(self.amounts),
            applies_year=applies_year,
            notes=list(self.notes),
            warnings=merge_texts(self.warnings, *(s.warnings for s in sub_results or [])),
            sub_results=list(sub_results or []),
        )
        if self.flagged or has_flagged(result):  # the confirm note goes last, once
            result.notes = [n for n in result.notes if n != CONFIRM_NOTE] + [CONFIRM_NOTE]
        return result


def merge_texts(*groups: Iterable[str]) -> list[str]:
    """Concatenate texts keeping the first occurrence of each."""
    merged: list[str] = []
    for group in groups:
        merged.extend(t for t in group if t not in merged)
    return merged


def missed_by(th: Threshold, actual: int | float | Decimal) -> str:
    """How far a failed ``>=``/``<=`` requirement was missed, e.g. " (30일 부족)" or " (14.6%p 초과)"."""
    gap = abs(dec(actual) - dec(th.value))
    if th.op not in (">=", "<=") or gap == 0:
        return ""
    word = "부족" if th.op == ">=" else "초과"
    if th.unit == "원":
        return f" ({compact_won(int(gap))} {word})"
    unit = "%p" if th.unit == "%" else th.unit
    return f" ({num(gap.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))}{unit} {word})"


def sourced(fact: SourcedFact, article: str) -> Sourced:
    """A fact from ``knowledge.facts`` as a rule entry (for reasons and amounts)."""
    return Sourced(
        article=article,
        effective_from=fact.effective_from,
        effective_to=fact.effective_to,
        confidence=fact.confidence,
        source=fact.source,
        url=fact.url,
        note=fact.note,
    )


def within_youth_ceiling(
    rng: Range, age: int | None, service_months: int | None, ext: MilitaryExtension
) -> bool | None:
    """Whether a whole-year ``age`` is within a youth range whose ceiling military service raises.

    The true age lies in [age, age + 1): with ``c`` counted service months the requirement holds for sure when
    ``age ≤ max + c/12`` and fails for sure when ``age ≥ max + 1 + c/12``; in between it depends on the birthday.
    Above the ceiling with the service unknown it is unknown while the largest extension could still help.
    """
    if age is None:
        return None
    if age < rng.min:
        return False
    if age <= rng.max or service_months == 0:
        return age <= rng.max
    if service_months is None:
        return None if age < rng.max + 1 + Decimal(ext.cap_months) / 12 else False
    ceiling = rng.max + Decimal(ext.counted_months(service_months)) / 12
    if age <= ceiling:
        return True
    return False if age >= ceiling + 1 else None


def youth_age(
    b: Builder,
    rule_id: str,
    rng: Range,
    age: int | None,
    service_months: int | None,
    ext: MilitaryExtension,
) -> bool | None:
    """A youth age requirement (:func:`within_youth_ceiling`) as a reason; asks for the age or the service."""
    if age is None or age <= rng.max or service_months == 0:
        return b.in_range(rule_id, rng, age, ask="age")
    entry = Sourced(
        article=f"{rng.article}; {ext.article}",
        effective_from=max(rng.effective_from, ext.effective_from),
        confidence=weakest(rng.confidence, ext.confidence),
        source=f"{rng.source}; {ext.source}",
        url=ext.url or rng.url,
        note=ext.note,
    )
    verdict = within_youth_ceiling(rng, age, service_months, ext)
    head = f"{getattr(rng, 'label', '')} {age}{rng.unit} — 기준 {num(rng.min)}~{num(rng.max)}{rng.unit}"
    if service_months is None:
        if verdict is None:
            b.ask("military_service_months")
            text = f"{head}, 병역을 이행했다면 실제 복무기간(최대 {ext.cap_months}개월)만큼 상한이 늘어납니다 — 복무기간 확인 필요"
        else:
            text = f"{head} → 미충족 (병역 복무기간 최대 {ext.cap_months}개월을 더해도 상한을 넘습니다)"
        return b.reason(rule_id, entry, verdict, text)
    counted = ext.counted_months(service_months)
    extended = (
        f"{head}, 군 복무(병역) {months_text(service_months)} 중 {months_text(counted)}(최대 "
        f"{months_text(ext.cap_months)})만큼 청년 나이 상한이 늘어나 {num(rng.max)}{rng.unit} + "
        f"{months_text(counted)} = {months_text(rng.max * 12 + counted, '세')}까지 청년으로 봅니다"
    )
    outcome = {
        True: "충족",
        False: "미충족",
        None: "생일에 따라 달라져 고용센터에서 생년월일로 확인이 필요합니다",
    }
    return b.reason(rule_id, entry, verdict, f"{extended} → {outcome[verdict]}", key=verdict is True)


def months_text(months: int, year_word: str = "년") -> str:
    """``40`` → ``3년 4개월``, ``24`` → ``2년``, ``7`` → ``7개월``; with ``year_word="세"`` an age (``444`` → ``37세``)."""
    years, rest = divmod(months, 12)
    parts = ([f"{years}{year_word}"] if years else []) + ([f"{rest}개월"] if rest or not years else [])
    return " ".join(parts)


def merge_missing(*groups: Iterable[MissingFact]) -> list[MissingFact]:
    """Concatenate question lists keeping the first occurrence of each field (it decides if any occurrence does)."""
    merged: dict[str, MissingFact] = {}
    for group in groups:
        for fact in group:
            first = merged.get(fact.field)
            if first is None:
                merged[fact.field] = fact
            elif fact.decides and not first.decides:
                merged[fact.field] = first.model_copy(update={"decides": True})
    return list(merged.values())
