"""Small pure functions that evaluate the posting rules (``rules/*.yaml``) on a posting text.

Every finding quotes the text exactly (``text[start:end]``). Lexicon rules match Korean patterns and look for the
lawful exceptions the posting states (same line or anywhere, per rule); the minimum-wage and working-time rules
read the pay (시급/일급/월급/연봉) and the schedule (주 N일, HH:MM~HH:MM, 휴게, 주 N시간) the posting states.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from graphs.capabilities.posting_check.models import SEVERITY_ORDER, CheckReport, Finding, Severity
from graphs.capabilities.posting_check.ruleset import (
    LawfulException,
    LexiconRule,
    MinWageRule,
    Pattern,
    RuleBase,
    WorkHoursRule,
    load_rules,
)
from graphs.nlu.numbers import amount_in
from knowledge.facts import minimum_wage, pay_conversion

AnyRule = LexiconRule | MinWageRule | WorkHoursRule
MONTH_FACTOR = pay_conversion().exact_weeks_per_month()  # 365/7/12 (최저임금법 시행령 제5조; knowledge/facts)


# --------------------------------------------------------------------------------------- severity helpers


def weaker(a: Severity, b: Severity) -> Severity:
    """The less severe of two severities (위반 < 확인 필요 < 권고)."""
    return a if SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] else b


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _finding(
    rule: RuleBase,
    text: str,
    span: tuple[int, int],
    severity: Severity,
    explanation: str,
    suggestion: str,
    exception: str | None = None,
) -> Finding:
    start, end = span
    return Finding(
        rule_id=rule.id,
        rule_name=rule.name,
        start=start,
        end=end,
        quote=text[start:end],
        law=rule.law,
        article=rule.article,
        effective_from=rule.effective_from,
        effective_to=rule.effective_to,
        severity=severity,
        explanation=explanation,
        suggestion=suggestion,
        confidence=rule.confidence,
        source=rule.source,
        url=rule.url,
        exception=exception,
    )


# --------------------------------------------------------------------------------------- lexicon rules


def pattern_spans(pattern: Pattern, text: str) -> list[tuple[int, int]]:
    """Trimmed, non-empty spans of every match of one pattern (of its group ``q`` when it has one: the words
    around it only decide whether it matches)."""
    spans = []
    for m in re.finditer(pattern.regex, text):
        start, end = _trimmed(text, *(m.span("q") if "q" in m.re.groupindex else m.span()))
        if end > start:
            spans.append((start, end))
    return spans


def merge_matches(matches: list[tuple[int, int, Pattern]]) -> list[tuple[int, int, Pattern]]:
    """Overlapping matches of one rule become one span (their union), keeping the earliest match's pattern."""
    merged: list[tuple[int, int, Pattern]] = []
    for start, end, pat in sorted(matches, key=lambda m: (m[0], -m[1])):
        if merged and start < merged[-1][1]:
            s0, e0, p0 = merged[-1]
            merged[-1] = (s0, max(e0, end), p0)
        else:
            merged.append((start, end, pat))
    return merged


def stated_exception(rule: LexiconRule, text: str, span: tuple[int, int]) -> LawfulException | None:
    """The first lawful exception the posting states for this match (suppressing ones first)."""
    line_start, line_end = _line_bounds(text, span[0])
    ordered = sorted(rule.exceptions, key=lambda e: e.effect != "suppress")
    for exc in ordered:
        where = text if exc.scope == "text" else text[line_start:line_end]
        if re.search(exc.regex, where):
            return exc
    return None


def lexicon_findings(rule: LexiconRule, text: str, employees: int | None) -> list[Finding]:
    matches = [(s, e, pat) for pat in rule.patterns for s, e in pattern_spans(pat, text)]
    findings = []
    for start, end, pat in merge_matches(matches):
        exc = stated_exception(rule, text, (start, end))
        if exc is not None and exc.effect == "suppress":
            continue
        quote = text[start:end]
        severity: Severity = pat.severity or rule.severity
        explanation = (pat.explanation or rule.explanation).format(quote=quote)
        suggestion = (pat.suggestion or rule.suggestion).format(quote=quote)
        if exc is not None:
            severity = weaker(severity, "확인 필요")
            explanation = f"{explanation} {exc.explanation}"
        if rule.applicability is not None:
            severity = weaker(severity, rule.applicability.severity(employees, rule.severity))
            explanation = f"{explanation} {rule.applicability.note(employees)}"
        findings.append(
            _finding(rule, text, (start, end), severity, explanation, suggestion, exc.id if exc else None)
        )
    return findings


# --------------------------------------------------------------------------------------- amounts and pay

_RANGE_SEP = re.compile(r"[~∼\-–]")
parse_won = amount_in  # "10,320원", "1만 500원", "1억 2천만원" → 원; a bare number is not money (graphs.nlu.numbers)


def parse_amount_range(raw: str) -> tuple[int, int] | None:
    """'200~230만원' → (2000000, 2300000): a unit written only after the range applies to both ends."""
    parts = [p.strip() for p in _RANGE_SEP.split(raw) if p.strip()]
    if not parts or len(parts) > 2:
        return None
    if len(parts) == 1:
        value = parse_won(parts[0])
        return None if value is None else (value, value)
    low_raw, high_raw = parts
    unit = re.search(r"(억|천만|만|천)\s*원?\s*$", high_raw)
    if not re.search(r"[원만천억]", low_raw) and unit:
        low_raw = f"{low_raw}{unit.group(1)}"
    low, high = parse_won(low_raw), parse_won(high_raw)
    if low is None or high is None:
        return None
    return (min(low, high), max(low, high))


PayKind = Literal["hourly", "daily", "monthly", "yearly"]
_KIND_WORDS: dict[str, PayKind] = {
    "시급": "hourly", "시간급": "hourly", "시간당": "hourly",
    "일급": "daily", "일당": "daily",
    "월급": "monthly", "월급여": "monthly", "월": "monthly",
    "연봉": "yearly", "년봉": "yearly",
}  # fmt: skip
KIND_LABEL: dict[PayKind, str] = {"hourly": "시급", "daily": "일급", "monthly": "월급", "yearly": "연봉"}
_PAY = re.compile(
    r"(?P<kind>시간급|시간당|시급|일급|일당|월\s*급여|월급|연봉|년봉|급여|월)\s*[:：]?\s*"
    r"(?P<amt>\d[\d,.]*\s*(?:억|천만|만|천)?\s*(?:\d[\d,]*\s*)?(?:원)?"
    r"(?:\s*[~∼\-–]\s*\d[\d,.]*\s*(?:억|천만|만|천)?\s*(?:\d[\d,]*\s*)?(?:원)?)?)"
)


@dataclass(frozen=True)
class PayMention:
    kind: PayKind
    low: int
    high: int
    start: int
    end: int
    severance_included: bool = False


def _kind_by_size(amount: int) -> PayKind:
    if amount < 50_000:
        return "hourly"
    if amount < 500_000:
        return "daily"
    return "monthly" if amount < 15_000_000 else "yearly"


def find_pay(text: str, rule: MinWageRule) -> list[PayMention]:
    """Every stated pay figure with its kind (a bare '급여 250만원' gets its kind from its size); figures next to
    an allowance word ('식대 월 20만원', '월 10만원 교통비 지원') are not the wage and are skipped."""
    mentions = []
    for m in _PAY.finditer(text):
        bounds = parse_amount_range(m.group("amt"))
        if bounds is None:
            continue
        start, end = _trimmed(text, m.start(), m.end("amt"))
        line_start, line_end = _line_bounds(text, start)
        if re.search(rule.allowance_before, text[line_start:start]) or re.search(
            rule.allowance_after, text[end:line_end]
        ):
            continue
        word = re.sub(r"\s", "", m.group("kind"))
        kind = _kind_by_size(bounds[0]) if word == "급여" else _KIND_WORDS[word]
        severance = kind == "yearly" and re.search(rule.severance_included, text[end:line_end]) is not None
        mentions.append(PayMention(kind, bounds[0], bounds[1], start, end, severance))
    return mentions


# --------------------------------------------------------------------------------------- schedule

_DAY_NAMES = "월화수목금토일"
_WEEKLY = re.compile(r"(?:1\s*주일?|주당|일주일에?|주)\s*(?P<h>\d{1,3}(?:\.\d)?)\s*시간")
_DAILY = re.compile(r"(?:1\s*일|하루|일일)\s*(?P<h>\d{1,2}(?:\.\d)?)\s*시간")
_DAYS = re.compile(r"주\s*(?P<d>[1-7])\s*일")
_DAY_RANGE = re.compile(r"(?P<a>[월화수목금토일])\s*[~∼\-–]\s*(?P<b>[월화수목금토일])(?:요일)?")
_DAY_LIST = re.compile(r"(?<![가-힣])[월화수목금토일](?:\s*[·,]\s*[월화수목금토일])+(?![가-힣])")
_TIME_SPAN = re.compile(
    r"(?P<h1>\d{1,2})\s*:\s*(?P<m1>\d{2})\s*[~∼\-–]\s*(?P<h2>\d{1,2})\s*:\s*(?P<m2>\d{2})"
)
_BREAK_WORD = re.compile(r"(?:휴게|휴식|점심|브레이크\s*타임|브레이크|break)", re.IGNORECASE)
_BREAK_STATED = re.compile(
    r"(?:휴게|휴식|점심|브레이크\s*타임|브레이크|break)[^\n\d]{0,6}?(?P<n>\d+(?:\.\d+)?)\s*(?P<u>시간|분)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Schedule:
    """Working time as the posting states it (``None`` = not stated)."""

    weekly_hours: float | None = None
    weekly_stated: bool = False  # "주 60시간" written out (else computed from days × daily hours)
    daily_hours: float | None = None
    days_per_week: float | None = None
    break_assumed: bool = False  # daily hours from a time span with no stated break (제54조 minimum taken)
    span: tuple[int, int] | None = None  # where the weekly figure comes from, for quoting


def legal_minimum_break(span_hours: float) -> float:
    """근로기준법 제54조: 4시간 이상 30분, 8시간 이상 1시간 (the span includes the break)."""
    if span_hours - 0.5 >= 8:
        return 1.0
    if span_hours - 0.5 >= 4:
        return 0.5
    return 0.0


def days_per_week(text: str) -> tuple[float, tuple[int, int]] | None:
    m = _DAYS.search(text)
    if m:
        return float(m.group("d")), (m.start(), m.end())
    m = _DAY_RANGE.search(text)
    if m:
        a, b = _DAY_NAMES.index(m.group("a")), _DAY_NAMES.index(m.group("b"))
        if b > a:
            return float(b - a + 1), (m.start(), m.end())
    m = _DAY_LIST.search(text)
    if m:
        return float(len(re.findall(f"[{_DAY_NAMES}]", m.group(0)))), (m.start(), m.end())
    for word, days in (("평일", 5.0), ("주말", 2.0)):
        pos = text.find(word)
        if pos >= 0:
            return days, (pos, pos + len(word))
    return None


def _span_hours(m: re.Match[str]) -> float:
    start = int(m.group("h1")) + int(m.group("m1")) / 60
    end = int(m.group("h2")) + int(m.group("m2")) / 60
    return end - start if end > start else end + 24 - start


def parse_schedule(text: str) -> Schedule:
    """Weekly hours as stated ('주 60시간'), or days per week × daily hours (stated, or a time span minus the
    stated break, or minus the 제54조 minimum when no break is stated)."""
    weekly = _WEEKLY.search(text)
    if weekly:
        return Schedule(
            weekly_hours=float(weekly.group("h")), weekly_stated=True, span=(weekly.start(), weekly.end())
        )
    days = days_per_week(text)
    daily_hours: float | None = None
    daily_span: tuple[int, int] | None = None
    assumed = False
    daily = _DAILY.search(text)
    if daily:
        daily_hours, daily_span = float(daily.group("h")), (daily.start(), daily.end())
    else:
        work: re.Match[str] | None = None
        break_hours = 0.0
        for m in _TIME_SPAN.finditer(text):
            line_start, _ = _line_bounds(text, m.start())
            if _BREAK_WORD.search(text[max(line_start, m.start() - 12) : m.start()]):
                break_hours += _span_hours(m)
            elif work is None:
                work = m
        if work is not None:
            span_hours = _span_hours(work)
            if break_hours == 0:
                stated = _BREAK_STATED.search(text)
                if stated:
                    n = float(stated.group("n"))
                    break_hours = n if stated.group("u") == "시간" else n / 60
            if break_hours == 0:
                break_hours, assumed = legal_minimum_break(span_hours), True
            daily_hours, daily_span = span_hours - break_hours, (work.start(), work.end())
    if days is None or daily_hours is None or daily_span is None:
        return Schedule(
            daily_hours=daily_hours, days_per_week=days[0] if days else None, break_assumed=assumed
        )
    d_start, d_end = days[1]
    same_line = _line_bounds(text, d_start) == _line_bounds(text, daily_span[0])
    span = (min(d_start, daily_span[0]), max(d_end, daily_span[1])) if same_line else (d_start, d_end)
    return Schedule(
        weekly_hours=round(daily_hours * days[0], 2),
        daily_hours=daily_hours,
        days_per_week=days[0],
        break_assumed=assumed,
        span=span,
    )


# --------------------------------------------------------------------------------------- minimum wage rule


def monthly_hours(weekly: float, rule: MinWageRule) -> int:
    """월 환산 소정근로시간 incl. 주휴: (min(weekly, 40) + 주휴) × 365/7/12, rounded (40 h → 209 h)."""
    base = min(weekly, rule.weekly_standard_hours)
    holiday = (
        base / rule.weekly_standard_hours * rule.weekly_holiday_hours
        if base >= rule.weekly_holiday_min_hours
        else 0
    )
    hours = (Decimal(str(base)) + Decimal(str(holiday))) * MONTH_FACTOR
    return int(hours.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def premium_factor(rule: MinWageRule, text: str, employees: int | None) -> float:
    """연장근로 가산 (제56조) applies from 5 employees and not to 농림·수산 (제63조)."""
    if employees is not None and employees < rule.premium_min_employees:
        return 1.0
    return 1.0 if re.search(rule.exempt_sector, text) else rule.overtime_premium


@dataclass(frozen=True)
class WageNeed:
    """What a pay figure must reach: ``base`` for the 소정근로시간, ``total`` with the 연장근로 stated."""

    base: int
    total: int
    basis: str  # Korean, e.g. "월 209시간"
    hours_known: bool


def wage_need(
    pay: PayMention, hourly: int, schedule: Schedule, rule: MinWageRule, factor: float, ot_paid: bool
) -> WageNeed:
    if pay.kind == "hourly":
        return WageNeed(hourly, hourly, "시간급", True)
    if pay.kind == "daily":
        hours = schedule.daily_hours
        known = hours is not None
        h = hours if hours is not None else rule.daily_standard_hours
        base_h = min(h, rule.daily_standard_hours)
        extra = 0.0 if ot_paid else max(h - rule.daily_standard_hours, 0) * factor
        return WageNeed(
            math.ceil(base_h * hourly), math.ceil((base_h + extra) * hourly), f"1일 {h:g}시간", known
        )
    weekly = schedule.weekly_hours
    known = weekly is not None
    w = weekly if weekly is not None else rule.weekly_standard_hours
    base_hours = monthly_hours(w, rule)
    ot = 0.0 if ot_paid else max(w - rule.weekly_standard_hours, 0) * float(MONTH_FACTOR) * factor
    per_month = (base_hours * hourly, math.ceil((base_hours + ot) * hourly))
    basis = f"소정근로 주 {min(w, rule.weekly_standard_hours):g}시간(주휴 포함 월 {base_hours}시간)"
    if pay.kind == "yearly":
        months = rule.severance_divisor if pay.severance_included else 12
        basis = f"{basis}, 연봉 ÷ {months}" + (" (퇴직금 포함)" if pay.severance_included else "")
        return WageNeed(per_month[0] * months, per_month[1] * months, basis, known)
    return WageNeed(per_month[0], per_month[1], basis, known)


def min_wage_findings(
    rule: MinWageRule, text: str, year: int, employees: int | None, schedule: Schedule
) -> tuple[list[Finding], list[str]]:
    table = minimum_wage()
    used, mw = table.year_for(year), table.entry_for(year)
    notes = [f"최저임금: {used}년 시간급 {mw.hourly:,}원 ({mw.notice})."]
    if used != year:
        notes.append(f"{year}년 최저임금이 자료에 없어 {used}년 금액으로 비교했습니다.")
    factor = premium_factor(rule, text, employees)
    ot_paid = re.search(rule.overtime_paid_separately, text) is not None
    findings: list[Finding] = []
    for pay in find_pay(text, rule):
        need = wage_need(pay, mw.hourly, schedule, rule, factor, ot_paid)
        quote = text[pay.start : pay.end]
        label = KIND_LABEL[pay.kind]
        values = {"year": used, "hourly": mw.hourly, "quote": quote, "basis": need.basis, "kind": label}
        if pay.low < need.base:
            severity: Severity = "위반" if need.hours_known or pay.kind == "hourly" else "확인 필요"
            explanation = rule.explanation.format(required=need.base, **values)
            if not need.hours_known and pay.kind != "hourly":
                explanation = f"{explanation} {rule.unknown_hours_note}"
            suggestion = rule.suggestion.format(required=need.base, **values)
        elif pay.low < need.total:
            severity = "확인 필요"
            weekly = schedule.weekly_hours if pay.kind != "daily" else schedule.daily_hours
            explanation = rule.review_explanation.format(
                required=need.total,
                base_required=need.base,
                weekly=f"{weekly:g}" if weekly else "?",
                **values,
            )
            if pay.kind == "daily":
                explanation = explanation.replace("주 ", "1일 ", 1)
            suggestion = rule.review_suggestion.format(required=need.total, **values)
        else:
            continue
        findings.append(_finding(rule, text, (pay.start, pay.end), severity, explanation, suggestion))
    return findings, notes


# --------------------------------------------------------------------------------------- working time rule


def work_hours_findings(
    rule: WorkHoursRule, text: str, employees: int | None, schedule: Schedule
) -> list[Finding]:
    weekly = schedule.weekly_hours
    if weekly is None or weekly <= rule.weekly_limit or schedule.span is None:
        return []
    quote = text[schedule.span[0] : schedule.span[1]]
    basis = "공고에 적힌" if schedule.weekly_stated else "근무일수 × 1일 근로시간으로 계산하면"
    days = schedule.days_per_week
    fix = (
        f"주 {days:g}일, 1일 8시간(휴게 별도)"
        if days and days * 8 <= rule.weekly_limit
        else "1주 40시간 + 연장 12시간 이내"
    )
    explanation = rule.explanation.format(quote=quote, basis=basis, weekly=f"{weekly:g}")
    severity: Severity = rule.severity
    exception = None
    if re.search(rule.exempt_sector, text):
        severity, exception = "확인 필요", "agriculture_fishery"
        explanation = f"{explanation} {rule.exempt_explanation}"
    elif schedule.break_assumed and not schedule.weekly_stated:
        severity = "확인 필요"
        explanation = f"{explanation} {rule.assumed_break_explanation.format(weekly=f'{weekly:g}')}"
    if rule.applicability is not None:
        severity = weaker(severity, rule.applicability.severity(employees, rule.severity))
        small = employees is not None and employees < rule.applicability.min_employees
        explanation = f"{explanation} {rule.small_employer_explanation if small else rule.applicability.note(employees)}"
    suggestion = rule.suggestion.format(quote=quote, fix=fix)
    return [_finding(rule, text, schedule.span, severity, explanation, suggestion, exception)]


# --------------------------------------------------------------------------------------- entry point


def check_posting(
    text: str, *, year: int, employees: int | None = None, rules: Sequence[AnyRule] | None = None
) -> CheckReport:
    """Check one posting text for the posting ``year`` (decides the minimum wage) and the employer's 상시 근로자 수
    (``None`` = unknown: rules that depend on it say so)."""
    active = load_rules() if rules is None else tuple(rules)
    findings: list[Finding] = []
    notes: list[str] = []
    checked: list[str] = []
    schedule = parse_schedule(text)
    for rule in active:
        if not rule.in_force_in(year):
            notes.append(f"{rule.name}: {year}년에는 시행되지 않는 규칙이라 건너뛰었습니다.")
            continue
        checked.append(rule.id)
        if isinstance(rule, LexiconRule):
            findings += lexicon_findings(rule, text, employees)
        elif isinstance(rule, MinWageRule):
            found, wage_notes = min_wage_findings(rule, text, year, employees, schedule)
            findings += found
            notes += wage_notes
        else:
            findings += work_hours_findings(rule, text, employees, schedule)
    order = {rid: i for i, rid in enumerate(checked)}
    findings.sort(key=lambda f: (f.start, order[f.rule_id]))
    return CheckReport(
        text=text, year=year, employees=employees, findings=findings, rules_checked=checked, notes=notes
    )
