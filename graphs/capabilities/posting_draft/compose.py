"""Conditions → a draft in 고용24's posting structure (templated; every figure comes from the conditions).

Sections: 모집직종, 직무내용, 자격요건, 근무조건, 임금, 복리후생, 전형방법, 접수방법. A field that was not given is left
as a placeholder the employer fills in (and listed in ``missing``); nothing numeric is invented. The only figures
the template itself writes are the names "고용24"/"work24" and "4대 보험" (:data:`TEMPLATE_NUMBERS`).
"""

from __future__ import annotations

import re

from graphs.capabilities.posting_draft.models import (
    DraftConditions,
    DraftSection,
    KecoSuggestion,
    PostingDraft,
)
from graphs.capabilities.posting_draft.occupation import occupation_name, typical_duties
from knowledge.formatting import won

FILL = "사업장에서 입력"
TEMPLATE_NUMBERS: tuple[str, ...] = ("고용24", "work24", "4대 보험")
WEEKDAYS = "월화수목금토일"


def pay_line(c: DraftConditions) -> str | None:
    if c.pay_kind is None or c.pay_amount is None:
        return None
    text = f"{c.pay_kind} {won(c.pay_amount)}"
    if c.pay_max is not None and c.pay_max > c.pay_amount:
        text = f"{c.pay_kind} {won(c.pay_amount)}~{won(c.pay_max)}"
    return text


def _num(value: float) -> str:
    return f"{value:g}"


def occupation_label(c: DraftConditions, keco: KecoSuggestion | None) -> str:
    name = occupation_name(c.keco_code) if c.keco_code else (keco.name if keco else None)
    return name or c.job or "모집 직종"


def title_of(c: DraftConditions, keco: KecoSuggestion | None) -> str:
    job = c.job or occupation_label(c, keco)
    where = " ".join(x for x in (c.city, c.district) if x)
    kind = f" {c.employment_type}" if c.employment_type else ""
    return f"[구인공고 초안] {job}{kind} 모집" + (f" ({where})" if where else "")


def section_job(c: DraftConditions, keco: KecoSuggestion | None) -> list[str]:
    code = c.keco_code or (keco.code if keco else None)
    name = occupation_label(c, keco)
    lines = [f"모집직종: {name}" + (f" (직종코드 {code} 추천)" if code else " (직종코드: 고용24에서 선택)")]
    if c.job and c.job != name:
        lines.append(f"직무명: {c.job}")
    lines.append(f"모집인원: {c.headcount}명" if c.headcount else f"모집인원: {FILL}")
    return lines


def section_duties(c: DraftConditions, code: str | None) -> list[str]:
    duties = list(c.duties)
    if code:
        duties += [d for d in typical_duties(code) if d not in duties]
    if not duties:
        return [f"{c.job or '해당 직무'} 관련 업무 (구체적인 업무 내용은 {FILL})"]
    return duties


def section_requirements(c: DraftConditions) -> list[str]:
    lines = [f"학력: {c.education or '관계없음'}", f"경력: {c.career or '관계없음'}"]
    lines.append("자격·면허: " + (", ".join(c.qualifications) if c.qualifications else "필요 없음"))
    if c.preferences:
        lines.append("우대사항: " + ", ".join(c.preferences))
    return lines


def days_text(c: DraftConditions) -> str | None:
    if c.workdays and c.days_per_week:
        return f"주 {c.days_per_week}일 ({c.workdays})"
    if c.days_per_week:
        return f"주 {c.days_per_week}일"
    return c.workdays


def section_conditions(c: DraftConditions) -> list[str]:
    place = " ".join(x for x in ("제주특별자치도", c.city, c.district) if x) if c.city else FILL
    lines = [
        f"고용형태: {c.employment_type or FILL + ' (정규직·계약직·시간제·일용직)'}",
        f"근무지역: {place}",
        f"근무요일: {days_text(c) or FILL}",
    ]
    if c.start_time and c.end_time:
        brk = f"휴게시간 {c.break_text}" if c.break_text else "휴게시간은 근로기준법에 따라 부여"
        lines.append(f"근무시간: {c.start_time}~{c.end_time} ({brk})")
    elif c.daily_hours:
        lines.append(f"근무시간: 1일 {_num(c.daily_hours)}시간 (시작·종료 시각은 {FILL})")
    else:
        lines.append(f"근무시간: {FILL} (시작·종료 시각, 휴게시간)")
    if c.weekly_hours:
        lines.append(f"주 소정근로시간: 주 {_num(c.weekly_hours)}시간")
    return lines


def section_pay(c: DraftConditions) -> list[str]:
    line = pay_line(c)
    if line is None:
        return [f"임금: {FILL} (시급·일급·월급·연봉 중 하나와 금액)"]
    lines = [line]
    if c.pay_kind == "시급":
        lines.append("주휴수당: 법정 기준에 따라 지급")
    return lines


def section_benefits(c: DraftConditions) -> list[str]:
    lines = ["4대 보험 (법정 기준에 따라 가입)"]
    lines += [b for b in c.benefits if "4대" not in b and "사대" not in b]
    return lines


SELECTION = ["서류전형 → 면접 → 최종 합격 (합격자에게 개별 통보)"]
APPLICATION = [
    "고용24(www.work24.go.kr) 온라인 입사지원, 이메일 또는 방문 접수",
    "제출서류: 이력서, 자기소개서 (직무와 관계없는 개인정보는 받지 않습니다)",
    f"접수기간: 채용 시까지 (마감일은 {FILL})",
]


def compose_draft(c: DraftConditions, keco: KecoSuggestion | None) -> PostingDraft:
    code = c.keco_code or (keco.code if keco else None)
    sections = [
        DraftSection(key="모집직종", lines=section_job(c, keco)),
        DraftSection(key="직무내용", lines=section_duties(c, code)),
        DraftSection(key="자격요건", lines=section_requirements(c)),
        DraftSection(key="근무조건", lines=section_conditions(c)),
        DraftSection(key="임금", lines=section_pay(c)),
        DraftSection(key="복리후생", lines=section_benefits(c)),
        DraftSection(key="전형방법", lines=list(SELECTION)),
        DraftSection(key="접수방법", lines=list(APPLICATION)),
    ]
    return PostingDraft(title=title_of(c, keco), sections=sections)


def missing_fields(c: DraftConditions) -> list[str]:
    """Korean names of the fields the draft leaves for the employer."""
    checks = (
        ("임금", c.pay_amount is None),
        ("근무지역", c.city is None),
        ("고용형태", c.employment_type is None),
        ("근무요일", c.days_per_week is None and c.workdays is None),
        ("근무시간", not (c.start_time and c.end_time) and c.daily_hours is None),
        ("모집인원", c.headcount is None),
    )
    return [name for name, absent in checks if absent]


# --------------------------------------------------------------------------------------------- number guard

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def allowed_numbers(c: DraftConditions, keco: KecoSuggestion | None) -> set[str]:
    """Every figure the draft may write: the conditions' own numbers (as written and with thousands commas)."""
    values: list[object] = [
        c.pay_amount, c.pay_max, c.days_per_week, c.headcount, c.weekly_hours, c.daily_hours,
        c.keco_code, keco.code if keco else None,
    ]  # fmt: skip
    found: set[str] = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, float):
            found.add(_num(v))
        elif isinstance(v, int):
            found |= {str(v), f"{v:,}"}
        else:
            found.add(str(v))
    free_text = [c.request, c.start_time, c.end_time, c.break_text, c.job, c.workdays, c.education, c.career,
                 *c.qualifications, *c.preferences, *c.benefits, *c.duties]  # fmt: skip
    for text in free_text:
        found |= set(_NUMBER.findall(text or ""))
    for t in (c.start_time, c.end_time):
        if t:
            found |= set(t.split(":"))
    return found


def unsupported_numbers(text: str, c: DraftConditions, keco: KecoSuggestion | None) -> list[str]:
    """Figures in ``text`` that do not come from the conditions (the template's fixed names aside)."""
    for fixed in TEMPLATE_NUMBERS:
        text = text.replace(fixed, "")
    allowed = allowed_numbers(c, keco)
    return [n for n in _NUMBER.findall(text) if n not in allowed and n.rstrip(",") not in allowed]
