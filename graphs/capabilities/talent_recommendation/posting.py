"""The posting to recommend for, as the ``JobPosting`` the job matching scorer reads: from the thread's posting draft
(structured conditions), from a pasted posting text (the draft parser plus the posting's own lines), or from a
고용24 posting id of the catalog.

A condition the posting does not state is not scored: an unstated 고용형태 excludes that factor (else every seeker
with a wish would get "기타 — 정규직 희망"); an unstated pay is "면접 후 결정" (the same 0.5 for everyone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphs.capabilities.posting_draft.models import DraftConditions
from graphs.capabilities.posting_draft.occupation import occupation_name, suggest_keco
from graphs.capabilities.posting_draft.parse import parse_request
from graphs.nlu.slots import PayKind, monthly_from
from knowledge.facts import jeju_districts, pay_conversion
from knowledge.schemas import JobPosting, WageType

POSTING_ID = re.compile(r"\bK\d{9,}\b")
_CODE_IN_TEXT = re.compile(r"직종\s*코드\s*:?\s*(\d{6})")
_SEASONAL = re.compile(r"계절|시즌|수확기|성수기|단기")
_WEEKEND_DAYS = re.compile(r"토|일요|주말")
_PAY_KIND: dict[str, PayKind] = {"시급": "hourly", "일급": "daily", "월급": "monthly", "연봉": "annual"}
WEEKS_PER_MONTH = pay_conversion().weeks_per_month.value  # 4.345 (knowledge/facts/pay_conversion.yaml)


@dataclass
class PostingInput:
    job: JobPosting
    source: str  # Korean: where it came from
    exclude: list[str] = field(default_factory=list)  # scorer factors the posting gives no ground for
    notes: list[str] = field(default_factory=list)


def _monthly(kind: str | None, amount: int | None, weekly_hours: float | None) -> int | None:
    if kind is None or amount is None:
        return None
    if kind == "시급" and weekly_hours and weekly_hours < 40:
        return int(round(amount * weekly_hours * WEEKS_PER_MONTH))
    return monthly_from(amount, _PAY_KIND[kind])


def _schedule(c: DraftConditions) -> str | None:
    parts = []
    if c.workdays:
        parts.append(c.workdays)
    if c.days_per_week:
        parts.append(f"주 {c.days_per_week}일")
    if c.start_time and c.end_time:
        parts.append(f"{c.start_time}~{c.end_time}")
    if c.weekly_hours:
        parts.append(f"주 소정근로시간: {c.weekly_hours:g}시간")
    return ", ".join(parts) or None


def _lines(c: DraftConditions) -> list[str]:
    """Content lines as the catalog states them: a 자격 is required ("… 필수"), a 우대 is preferred."""
    lines = list(c.duties)
    lines += [q if re.search(r"필수|우대", q) else f"{q} 필수" for q in c.qualifications]
    lines += [p if "우대" in p else f"{p} 우대" for p in c.preferences]
    return lines


def posting_from_conditions(c: DraftConditions, *, title: str | None = None, text: str | None = None,
                            source: str = "공고 초안") -> PostingInput:
    """The draft's conditions as a posting (``text``: the draft's lines, read for 필수·우대 자격 too)."""
    code = c.keco_code
    if code is None:
        keco = suggest_keco(c.job or c.request)
        code = keco.code if keco else None
    city = c.city or (jeju_districts().city_of().get(c.district) if c.district else None)
    weekly = c.weekly_hours or (c.daily_hours * c.days_per_week if c.daily_hours and c.days_per_week else None)
    wage_type: WageType = c.pay_kind or "면접후결정"
    schedule = _schedule(c)
    head = title or c.job or (occupation_name(code) if code else None) or "공고"
    if c.days_per_week and c.days_per_week < 6 and c.workdays and _WEEKEND_DAYS.search(c.workdays):
        head += " (주말 근무)"  # the scorer reads weekend work from the title or a 6-day week
    content = _lines(c)
    if text:
        content += [ln.lstrip("-• ").strip() for ln in text.splitlines() if ln.strip()]
    job = JobPosting(
        id="draft", title=head, company="(공고 작성 중)", region=city or "", district=c.district,
        keco_code=code, job_name=occupation_name(code) if code else None,
        employment_type=c.employment_type or "기타", wage_type=wage_type,
        wage_min=c.pay_amount, wage_max=c.pay_max or c.pay_amount,
        monthly_pay_min=_monthly(c.pay_kind, c.pay_amount, weekly),
        monthly_pay_max=_monthly(c.pay_kind, c.pay_max or c.pay_amount, weekly),
        weekly_hours=weekly, work_schedule=schedule, education=c.education, career=c.career,
        job_content="\n".join(dict.fromkeys(content)) or None,
        seasonal=bool(_SEASONAL.search(f"{c.request} {c.job or ''}")),
    )
    exclude = [] if c.employment_type else ["employment_type"]
    notes = [] if c.employment_type else ["공고에 고용형태가 없어 고용형태는 점수에 넣지 않았습니다."]
    if code is None:
        notes.append("공고의 직종을 알 수 없어 직무 적합은 제목의 낱말로만 봅니다 — 직종을 적어 주세요.")
    return PostingInput(job=job, source=source, exclude=exclude, notes=notes)


def posting_from_memory(remembered: dict[str, Any]) -> PostingInput | None:
    """The posting draft the thread remembers (``{"posting": {...DraftConditions...}, "text": str}``)."""
    fields = remembered.get("posting")
    if not isinstance(fields, dict):
        return None
    try:
        conditions = DraftConditions.model_validate(fields)
    except ValueError:
        return None
    text = remembered.get("text") if isinstance(remembered.get("text"), str) else None
    title = _title(text) if text else None
    return posting_from_conditions(conditions, title=title, text=text, source="이 대화의 공고 초안")


def _title(text: str) -> str | None:
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return re.sub(r"^\[[^\]]*\]\s*", "", first)[:80] or None


def posting_from_text(text: str, *, today: date, source: str = "붙여 넣은 공고") -> PostingInput:
    """A pasted posting (or a one-line request): the draft parser's conditions, the code the posting names or the
    one its title suggests, and every line of it for 필수·우대 자격."""
    conditions, _removed = parse_request(text, today=today)
    m = _CODE_IN_TEXT.search(text)
    title = _title(text)
    keco = suggest_keco(title) or suggest_keco(text)
    conditions.keco_code = m.group(1) if m else (keco.code if keco else None)
    conditions.qualifications = []  # the posting's own lines below say what is 필수 and what is 우대
    conditions.preferences = []
    lines = "\n".join(ln for ln in text.splitlines() if not re.search(r"필요\s*없음", ln))
    return posting_from_conditions(conditions, title=title, text=lines, source=source)


__all__ = [
    "POSTING_ID",
    "PostingInput",
    "posting_from_conditions",
    "posting_from_memory",
    "posting_from_text",
]
