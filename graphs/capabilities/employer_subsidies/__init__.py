"""Employer subsidy screening — employer facts (규모, 업종, 우선지원대상기업, 지역, 채용 대상 …) → which employer
programs may apply, each with its conditions met / missing / unknown and the amount.

Programs: 청년일자리도약장려금 (the eligibility rules, employer side), 고령자 계속고용장려금, 출산육아기 고용안정장려금,
고용촉진장려금 (``rules/*.yaml``). [UNVERIFIED]/[CONFLICT] rules and amounts stay flagged.

The chat calls :func:`screen_employer`; :func:`report_text` renders the result.
"""

from __future__ import annotations

from datetime import date

from graphs.capabilities.employer_subsidies.models import (
    EmployerFacts,
    EmployerQuestion,
    ParentalLeave,
    ProgramScreen,
    ScreeningReport,
    SeniorEmployment,
    VulnerableHire,
    YouthHire,
)
from graphs.capabilities.employer_subsidies.render import report_text, summary_lines
from graphs.capabilities.employer_subsidies.ruleset import RuleFileError, load_program_rules
from graphs.capabilities.employer_subsidies.screen import PROGRAM_ORDER, SCREENS, capital_region


def screen_employer(
    facts: EmployerFacts, *, today: date, programs: tuple[str, ...] = PROGRAM_ORDER
) -> ScreeningReport:
    """Screen ``facts`` for every employer program (or those named) as of ``today`` (the application date)."""
    unknown = sorted(set(programs) - set(SCREENS))
    if unknown:
        raise ValueError(f"unknown employer program(s) {', '.join(unknown)}; valid ids: {', '.join(SCREENS)}")
    notes: list[str] = []
    capital = capital_region(facts)
    if capital is False and facts.capital_region is None:
        notes.append(f"사업장 소재지 '{facts.region}'은(는) 비수도권으로 보았습니다.")
    if facts.priority_support is None:
        notes.append(
            "우선지원대상기업 여부는 업종별 상시 근로자 수 기준(고용보험법 시행령 제12조)으로 정해집니다 — "
            "모르면 고용센터에서 확인하세요."
        )
    return ScreeningReport(
        today=today, facts=facts, programs=[SCREENS[p](facts, today) for p in programs], notes=notes
    )


__all__ = [
    "EmployerFacts",
    "EmployerQuestion",
    "ParentalLeave",
    "ProgramScreen",
    "RuleFileError",
    "ScreeningReport",
    "SeniorEmployment",
    "VulnerableHire",
    "YouthHire",
    "load_program_rules",
    "report_text",
    "screen_employer",
    "summary_lines",
]
