"""구인공고 초안 — simple conditions or a one-line request → a complete draft in 고용24's posting structure
(모집직종, 직무내용, 자격요건, 근무조건, 임금, 복리후생, 전형방법, 접수방법), templated without an LLM, every figure from
the input, a KECO code suggested from the catalog's occupation table, and the draft run through the posting legal
checker (:mod:`graphs.capabilities.posting_check`) before it is shown.

The chat calls :func:`draft_posting`; :func:`result_text` renders the result.
"""

from __future__ import annotations

import logging
from datetime import date

from graphs.capabilities.posting_check import check_posting
from graphs.capabilities.posting_draft.compose import compose_draft, missing_fields, unsupported_numbers
from graphs.capabilities.posting_draft.models import (
    DraftConditions,
    DraftResult,
    KecoSuggestion,
    PostingDraft,
    Removed,
)
from graphs.capabilities.posting_draft.occupation import suggest_keco, usual_requirements
from graphs.capabilities.posting_draft.parse import parse_request
from graphs.capabilities.posting_draft.render import result_text
from knowledge.facts import minimum_wage

log = logging.getLogger(__name__)


def draft_posting(
    request: str | DraftConditions, *, today: date, employees: int | None = None
) -> DraftResult:
    """Draft a posting from a one-line request or from conditions, and check it for ``today``'s year.

    ``employees`` (상시 근로자 수) overrides the one stated in the request; it decides the size-dependent rules.
    """
    removed: list[Removed] = []
    if isinstance(request, str):
        conditions, removed = parse_request(request, today=today)
    else:
        conditions = request.model_copy(deep=True)
    if employees is not None:
        conditions.employees = employees
    keco = None if conditions.keco_code else suggest_keco(conditions.job or conditions.request)
    draft = compose_draft(conditions, keco)
    text = draft.text
    stray = unsupported_numbers(text, conditions, keco)
    if stray:  # a template bug: the draft must only state the employer's figures
        log.warning("posting draft states figures not in the input: %s", stray)
    report = check_posting(text, year=today.year, employees=conditions.employees)
    notes: list[str] = []
    if conditions.pay_is_minimum_wage:
        table = minimum_wage()
        mw = table.entry_for(today.year)
        notes.append(
            f"'최저시급'은 {table.year_for(today.year)}년 최저임금 시간급 {mw.hourly:,}원으로 적었습니다 ({mw.notice})."
        )
    if keco is not None:
        notes.append(
            f"직종코드 {keco.code}({keco.name})는 요청의 '{conditions.job or keco.name}'에서 추천했습니다 — 고용24에서 확인하세요."
        )
    code = conditions.keco_code or (keco.code if keco else None)
    hints = [
        f"이 직종의 공고에는 보통 '{line}'이 들어갑니다 — 해당되면 자격요건에 넣어 주세요."
        for line in (usual_requirements(code) if code else [])
        if not any(q in line or line in q for q in conditions.qualifications)
    ]
    return DraftResult(
        conditions=conditions,
        keco=keco,
        draft=draft,
        text=text,
        report=report,
        removed=removed,
        missing=missing_fields(conditions),
        hints=hints,
        notes=notes,
    )


__all__ = [
    "DraftConditions",
    "DraftResult",
    "KecoSuggestion",
    "PostingDraft",
    "Removed",
    "draft_posting",
    "parse_request",
    "result_text",
]
