"""Screen every program of the eligibility rules for one profile: one line each, from the engine's own results.

Nothing is decided or computed here that the engine (``graphs/eligibility``) does not decide or compute: each line's
decision is the engine's decision (for a program with parts, the engine's ``aggregate`` over the parts' results),
its amount is the engine's amounts formatted, its open fact is the engine's first missing fact. Cross-program rules
are the engine's too (조기재취업수당 needs a 구직급여 수급자격, 고용보험법 제64조①: its ``requires_entitlement`` rule).

Programs for employers (청년일자리도약장려금) are screened only for an employer; a job seeker sees the seeker programs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from graphs.capabilities.program_screening.models import LineDecision, NextQuestion, ScreenLine, ScreenReport
from graphs.eligibility import PROGRAMS, check_eligibility
from graphs.eligibility.common import (
    CONFIRM_NOTE,
    FLAGGED,
    aggregate,
    has_flagged,
    merge_missing,
    merge_texts,
)
from graphs.eligibility.models import Amount, EligibilityResult, MissingFact, Reason
from graphs.profile import Profile

Audience = Literal["seeker", "employer"]


@dataclass(frozen=True)
class Part:
    """One line of the screening: a whole program (``subs`` empty) or some of its sub-results (their best decides)."""

    line_id: str
    name: str
    detail_name: str  # how the full check is asked for ("국민취업지원제도 1유형")
    subs: tuple[str, ...] = ()  # sub-result suffixes (``national_employment_support.<suffix>``)
    amounts: tuple[str, ...] = ()  # the engine's amount names shown on the line, in this order


# How each program is shown. A program of PROGRAMS missing here is screened as one line with no amount column.
PARTS: dict[str, tuple[Part, ...]] = {
    "unemployment_benefit": (
        Part("unemployment_benefit", "구직급여(실업급여)", "구직급여",
             amounts=("구직급여일액", "소정급여일수", "최대 총액")),
    ),
    "early_reemployment": (
        Part("early_reemployment", "조기재취업수당", "조기재취업수당", amounts=("조기재취업수당",)),
    ),
    "national_employment_support": (
        Part("national_employment_support.type1", "국민취업지원제도 Ⅰ유형", "국민취업지원제도 1유형",
             subs=("type1_requirement", "type1_selection", "type1_youth"),
             amounts=("구직촉진수당 월액", "구직촉진수당 총액(가산 포함)", "구직촉진수당 총액")),
        Part("national_employment_support.type2", "국민취업지원제도 Ⅱ유형", "국민취업지원제도 2유형",
             subs=("type2",), amounts=("취업성공수당(최대)",)),
    ),
    "learning_card": (
        Part("learning_card", "국민내일배움카드", "국민내일배움카드",
             amounts=("훈련비 지원 한도(5년간)", "고용취약계층 추가 한도")),
    ),
    "youth_job_leap": (
        Part("youth_job_leap.employer", "청년일자리도약장려금(기업 지원금)", "청년일자리도약장려금",
             subs=("employer",), amounts=("기업 지원금 월액", "기업 지원금 총액(최대)")),
    ),
}
# Shown instead of the 구직급여일액 when the wage is unknown: the day's floor and cap (the range it falls in).
UB_RANGE = ("구직급여 1일 하한액", "구직급여 1일 상한액")
EMPLOYER_PROGRAMS: frozenset[str] = frozenset({"youth_job_leap"})
EMPLOYER_FIELDS: tuple[str, ...] = (
    "employer_insured_count", "employer_priority_support", "employer_capital_region", "hired_full_time",
)
# "우리 회사", "저희 가게", "사업주인데", "청년을 채용했는데": the person asks as an employer.
_EMPLOYER_TEXT = re.compile(
    r"(?:우리|저희)\s*(?:회사|가게|사업장|업체|매장|법인)|사업주(?:인데|입니다|예요|이에요|로서)"
    r"|(?:직원|청년|사람)을?\s*(?:새로\s*)?(?:채용|고용)(?:했|한|하려|할|해서)"
)
_DECISION: dict[str, LineDecision] = {"eligible": "eligible", "ineligible": "ineligible", "need_more_info": "unknown"}
REASON_MAX = 90


def audience_of(profile: Profile, text: str = "") -> Audience:
    """An employer when the thread holds employer facts or the message speaks as one; a job seeker otherwise."""
    if any(getattr(profile, f) is not None for f in EMPLOYER_FIELDS) or _EMPLOYER_TEXT.search(text):
        return "employer"
    return "seeker"


def detail_question(part: Part) -> str:
    """The follow-up that opens the full check (the eligibility route answers it, with the thread's profile)."""
    return f"{part.detail_name} 받을 수 있는지 자세히 알려줘"


def parts_for(audience: Audience) -> list[tuple[str, Part]]:
    """The lines screened for this audience, in the order of PROGRAMS."""
    out: list[tuple[str, Part]] = []
    for program, name in PROGRAMS.items():
        if (program in EMPLOYER_PROGRAMS) != (audience == "employer"):
            continue
        for part in PARTS.get(program, (Part(program, name, name),)):
            out.append((program, part))
    return out


# ---- one line ----------------------------------------------------------------------------------------------------
def short(text: str) -> str:
    """A requirement's text cut to its first sentence, without the trailing verdict word."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    first = re.sub(r"\s*→\s*(?:미충족|충족|확인 필요)\s*", " ", first).strip().rstrip(".")
    return first if len(first) <= REASON_MAX else first[: REASON_MAX - 1].rstrip() + "…"


def amount_text(a: Amount) -> str:
    value = f"{a.value:,}"
    body = {"원": f"{value}원", "원/일": f"1일 {value}원", "원/월": f"월 {value}원", "일": f"{value}일"}[a.unit]
    return f"{a.name} {body}"


def amounts_of(result: EligibilityResult, names: Sequence[str]) -> str | None:
    """The engine's amounts named in ``names`` (in that order), with the year they are for."""
    shown = [a for name in names if (a := result.amount(name)) is not None]
    if shown and names[0] == "구직급여일액" and shown[0].name != "구직급여일액":
        shown = [a for name in UB_RANGE if (a := result.amount(name)) is not None] + shown
    if not shown:
        return None
    years = sorted({a.year for a in shown})
    text = " · ".join(amount_text(a) for a in shown) + f" ({'·'.join(str(y) for y in years)}년 기준)"
    if any(a.confidence in FLAGGED for a in shown):
        text += " ⚠️확인 필요"
    return text


def _first(reasons: Sequence[Reason], passed: bool | None) -> Reason | None:
    return next((r for r in reasons if r.passed is passed), None)


def line_of(part: Part, top: EligibilityResult) -> ScreenLine:
    """One screening line from the engine's result of the program (or the parts of it the line covers)."""
    results = [s for suffix in part.subs if (s := top.sub(f"{top.program}.{suffix}")) is not None] or [top]
    decision = _DECISION[aggregate(r.decision for r in results)]
    # the result the line speaks for: the first eligible part, else the first open one, else the main part
    engine_decision = {"eligible": "eligible", "unknown": "need_more_info", "ineligible": "ineligible"}[decision]
    chosen = next(r for r in results if r.decision == engine_decision)
    missing: list[MissingFact] = []
    if decision == "ineligible":
        reason = _first(chosen.reasons, False)
    elif decision == "unknown":
        missing = merge_missing(*(r.missing for r in results if r.decision == "need_more_info"))
        reason = _first(chosen.reasons, None)
    else:
        reason = next((r for r in chosen.reasons if r.passed and r.key), None) or _first(chosen.reasons, True)
    amount = amounts_of(chosen, part.amounts) if decision != "ineligible" and part.amounts else None
    return ScreenLine(
        program=part.line_id,
        name=part.name,
        decision=decision,
        reason=short(reason.text) if reason else "",
        missing=missing,
        amount=amount,
        article=reason.article if reason else "",
        effective_from=reason.effective_from if reason else None,
        source_url=reason.source_url if reason else None,
        confidence=reason.confidence if reason else None,
        flagged=has_flagged(chosen) or CONFIRM_NOTE in chosen.notes,
        detail=detail_question(part),
    )


# ---- the next question -------------------------------------------------------------------------------------------
def next_question(lines: Sequence[ScreenLine]) -> NextQuestion | None:
    """The missing fact that decides the most ❓ lines: the one that is the first open fact of the most lines, then
    the one asked by the most lines, then the earliest line's (the order of PROGRAMS)."""
    open_lines = [ln for ln in lines if ln.decision == "unknown" and ln.missing]
    if not open_lines:
        return None
    order: list[MissingFact] = merge_missing(*(ln.missing for ln in open_lines))

    def score(fact: MissingFact) -> tuple[int, int]:
        first = sum(1 for ln in open_lines if ln.missing[0].field == fact.field)
        anywhere = sum(1 for ln in open_lines if any(m.field == fact.field for m in ln.missing))
        return first, anywhere

    best = max(order, key=score)  # max keeps the first of equals: the earliest line's fact
    # the question as the line that decides on it words it (its first open fact)
    asking = next((ln for ln in open_lines if ln.missing[0].field == best.field), None)
    question = asking.missing[0].question if asking else best.question
    return NextQuestion(
        field=best.field,
        question=question,
        settles=[ln.name for ln in open_lines if ln.missing[0].field == best.field],
        concerns=[ln.name for ln in open_lines if any(m.field == best.field for m in ln.missing)],
    )


# ---- the screening -----------------------------------------------------------------------------------------------
def screen(profile: Profile, *, today: date, audience: Audience = "seeker") -> ScreenReport:
    """Every program of the rules for ``profile`` as of ``today`` (the application date), one line each."""
    results: dict[str, EligibilityResult] = {}
    lines: list[ScreenLine] = []
    for program, part in parts_for(audience):
        if program not in results:
            results[program] = check_eligibility(program, profile, today=today)
        lines.append(line_of(part, results[program]))
    notes = []
    if audience == "employer":
        notes.append("구직자 본인이 받는 제도(구직급여·국민취업지원제도·내일배움카드 등)는 구직자 정보로 따로 확인합니다. "
                     "다른 사업주 지원금(고용촉진장려금·고령자 계속고용장려금 등)은 `goyong employer-subsidies`로 점검할 수 있습니다.")
    return ScreenReport(
        today=today,
        audience=audience,
        lines=lines,
        next_question=next_question(lines),
        warnings=merge_texts(*(r.warnings for r in results.values())),
        flagged=[ln.name for ln in lines if ln.flagged and ln.decision != "ineligible"],
        notes=notes,
    )
