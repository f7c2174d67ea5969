"""상담일지: a short summary of the thread — when, what was discussed, what was given, what comes next.

Only what the thread holds: the seeker, the person's own messages (masked, shortened), the answers remembered by
job matching, training recommendation, program screening and the 취업활동계획. Nothing new is searched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from graphs.capabilities.activity_plan.masking import Masker
from graphs.capabilities.activity_plan.models import ConsultationNote, PlanCourse, PlanJob
from graphs.capabilities.activity_plan.plan import FOLLOW_UP_DAYS, courses_of, jobs_of, person_lines, screened
from graphs.seeker import SeekerProfile
from knowledge.facts import jeju_districts

MAX_ASKED = 8
MAX_CHARS = 80
_MARK = {"eligible": "✅", "ineligible": "❌", "unknown": "❓"}
# The note's own request is not part of what was discussed.
_META = re.compile(r"상담\s*일지|상담\s*기록|상담\s*내용\s*(?:요약|정리)")


def _short(text: str) -> str:
    one = re.sub(r"\s+", " ", text).strip()
    return one if len(one) <= MAX_CHARS else one[: MAX_CHARS - 1] + "…"


def _job_line(j: PlanJob) -> str:
    where = " ".join(x for x in (j.company, j.region) if x)
    return f"「{j.title}」" + (f" ({where})" if where else "") + f" — 마감 {j.close_date or '채용시까지'}"


def _course_line(c: PlanCourse) -> str:
    when = f"{c.start} ~ {c.end}" if c.start else "일정 미확인"
    return f"「{c.title}」" + (f" ({c.institution})" if c.institution else "") + f" — {when}"


def build_note(
    seeker: SeekerProfile,
    *,
    profile: Mapping[str, Any],
    memory: Mapping[str, Any],
    history: Sequence[tuple[str, str]],
    today: date,
    masked: bool,
) -> ConsultationNote:
    place = seeker.district or profile.get("region")
    district = jeju_districts().resolve(place) if place else None
    m = Masker(masked=masked, district=district)
    lines: list[str] = []
    if seeker.desired_occupation:
        lines.append(f"희망 직종: {seeker.desired_occupation}")
    if seeker.experience:
        lines.append("경력: " + ", ".join(f"{e.occupation} {e.years:g}년" for e in seeker.experience))
    if seeker.certificates:
        lines.append("자격: " + ", ".join(seeker.certificates))
    lines += [f"{k}: {v}" for k, v in person_lines(seeker, profile, m)]
    asked = [_short(m.text(t)) for who, t in history if who == "user" and not _META.search(t)][-MAX_ASKED:]

    remembered_plan: dict[str, Any] = (memory.get("activity_plan") or {}).get("plan") or {}
    jobs = jobs_of(memory) or [PlanJob.model_validate(j) for j in remembered_plan.get("jobs") or []]
    courses = courses_of(memory) or [PlanCourse.model_validate(c) for c in remembered_plan.get("courses") or []]
    programs = screened(memory)
    next_steps: list[str] = []
    if jobs:
        next_steps.append("추천 일자리 지원: " + ", ".join(f"「{j.title}」" for j in jobs[:3]))
    if courses:
        next_steps.append("훈련 수강 신청: " + ", ".join(f"「{c.title}」" for c in courses[:2]))
    eligible = [p.name for p in programs if p.decision == "eligible"]
    if eligible:
        next_steps.append("제도 신청: " + ", ".join(eligible))
    if "training_recommendation" not in memory:
        next_steps.append("훈련 추천 확인 ('이분께 맞는 훈련과정')")
    if "program_screening" not in memory:
        next_steps.append("지원 제도 확인 ('제도 한눈에')")
    if not remembered_plan:
        next_steps.append("취업활동계획 작성 ('취업활동계획 초안 만들어 줘')")
    follow = remembered_plan.get("follow_up")
    follow_day = date.fromisoformat(follow) if follow else today + timedelta(days=FOLLOW_UP_DAYS)
    next_steps.append(f"후속 상담: {follow_day.isoformat()}" + ("" if follow else " (예정 — 바꿀 수 있습니다)"))
    return ConsultationNote(
        today=today, masked=masked, seeker_lines=lines, asked=asked,
        jobs=[m.text(_job_line(j)) for j in jobs], courses=[_course_line(c) for c in courses],
        programs=[m.text(p.line) if p.line else f"{_MARK[p.decision]} {p.name}" + (f" — {p.amount}" if p.amount else "")
                  for p in programs],
        next_steps=next_steps,
    )

