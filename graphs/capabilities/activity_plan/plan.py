"""Draft a 취업활동계획 (IAP) from what the thread knows: the seeker, the answers it remembered, what was said.

Pure functions: the seeker (``SeekerProfile``), the eligibility profile, the thread's memory and history and today's
date in, an :class:`ActivityPlan` out. Nothing is invented: a section whose source the thread lacks says what to ask
first; dates come from the thread (claim date, 실업인정일, course dates, a follow-up the counselor set) or from the
cited 실업인정 rule (``tables/reemployment.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from graphs.capabilities.activity_plan.masking import Masker
from graphs.capabilities.activity_plan.models import (
    ActivityPlan,
    Applies,
    PlanCourse,
    PlanJob,
    PlanProgram,
    Week,
)
from graphs.seeker import SeekerProfile
from knowledge.facts import jeju_districts
from knowledge.schemas import Citation

TABLES = Path(__file__).resolve().parent / "tables"
FOLLOW_UP_DAYS = 14  # the default follow-up: two weeks after today (a counselor can change it in chat)
WEEKS = 4
JOBS = 3
COURSES = 2
ASK_TRAINING = "아직 확인하지 않았습니다 — '이분께 맞는 훈련과정'을 먼저 물어보세요."
ASK_SCREENING = "아직 확인하지 않았습니다 — '제도 한눈에'를 먼저 물어보세요."
CHECK = "수급자격증에 적힌 날짜·횟수가 우선합니다 — 고용24(work24.go.kr) 또는 고용노동부 고객상담센터 1350에서 확인하세요."
NO_CLAIM_DATE = "수급자격 인정 후 안내받은 날 (수급자격증에 적힌 실업인정일)"

# Dates as people type them: 2026-12-01, 2026.12.1, 12월 1일, 12/1.


def _date(tag: str) -> str:
    """A date pattern with its groups named y<tag>, m<tag>, d<tag> (two alternatives of one pattern need two)."""
    return (rf"(?:(?P<y{tag}>20\d{{2}})\s*[-./년]\s*)?(?P<m{tag}>1[0-2]|0?[1-9])\s*(?:[-./]|월\s*)"
            rf"(?P<d{tag}>3[01]|[12]\d|0?[1-9])(?!\d)\s*일?")


_CLAIM = re.compile(rf"실업\s*신고(?:일|를\s*한\s*날|한\s*날)?\s*(?:은|는|이|가|:)?\s*{_date('a')}"
                    rf"|{_date('b')}\s*(?:에|날)?\s*실업\s*신고")
_RECOGNITION = re.compile(rf"(?:\d차\s*)?실업\s*인정\s*일\s*(?:은|는|이|가|:)?\s*{_date('a')}"
                          rf"|{_date('b')}\s*(?:이|가|에)?\s*(?:\d차\s*)?실업\s*인정")
_FOLLOW_UP = re.compile(rf"(?:후속|다음)\s*상담\s*(?:일|날짜)?\s*(?:을|를|은|는|:)?\s*{_date('a')}"
                        rf"|{_date('b')}\s*(?:로|으로|에)?\s*(?:후속|다음)\s*상담")
# "목표 직종을 요양보호사로 바꿔줘" — the new target of a re-draft (the seeker profile learns it too).
_NEW_TARGET = re.compile(r"(?:목표|희망)\s*직종\s*(?:을|를|은|는)?\s*(?P<occ>[가-힣A-Za-z·\s]{2,20}?)\s*(?:으로|로)\s*(?:바꿔|변경|수정|고쳐|해\s*줘|해줘)")
_BENEFIT_WORDS = re.compile(r"구직\s*급여|실업\s*급여|실업\s*인정|실업\s*신고|수급\s*자격")
# A misfit about the person (what to improve), not about the posting (pay, distance, deadline, a 근무지 it does not
# name) nor more experience than a 신입 posting asks for ("신입 모집 공고 (경력 5년)").
# A reason saying the posting asks for experience the seeker has ("경력 3년 이상 요구 충족"), not "경력 무관".
_EXPERIENCE_MET = re.compile(r"경력[^/]*(?:충족|이상)")
_PERSON_GAP = re.compile(r"자격|면허|경력\s*\d+\s*년\s*이상\s*요구|경험|학력|미보유|부족|외국어|어학|컴퓨터|활용")
# A fact of the seeker not known yet ("학력 고졸 이상 요구 (학력 미입력)"): something to ask, never a gap.
_NOT_ENTERED = re.compile(r"미입력")


# ---------------------------------------------------------------------------------------------- the cited rule


@dataclass(frozen=True)
class Rule:
    doc_id: str
    title: str
    section: str
    law: str
    confidence: str
    first_day: int
    cycle_days: int
    rounds: tuple[str, ...]
    minimum_per_cycle: int
    training_counts: str

    def citation(self) -> Citation:
        return Citation(title=self.title, source=self.law, section=self.section, doc_id=self.doc_id,
                        confidence="secondary")


@cache
def reemployment_rule() -> Rule:
    data = yaml.safe_load((TABLES / "reemployment.yaml").read_text(encoding="utf-8"))
    return Rule(doc_id=data["doc_id"], title=data["title"], section=data["section"], law=data["law"],
                confidence=data["confidence"], first_day=int(data["first_day"]), cycle_days=int(data["cycle_days"]),
                rounds=tuple(data["rounds"]), minimum_per_cycle=int(data["minimum_per_cycle"]),
                training_counts=str(data["training_counts"]))


# ---------------------------------------------------------------------------------------------- what was said


def _date_of(m: re.Match[str], today: date) -> date | None:
    """The date a match names; without a year, the one nearest to ``today``."""
    groups = {k[0]: v for k, v in m.groupdict().items() if v}
    y, mo, d = groups.get("y"), groups.get("m"), groups.get("d")
    if mo is None or d is None:
        return None
    years = [int(y)] if y else [today.year - 1, today.year, today.year + 1]
    found: list[date] = []
    for year in years:
        try:
            found.append(date(year, int(mo), int(d)))
        except ValueError:
            continue
    return min(found, key=lambda x: abs((x - today).days)) if found else None


def last_stated(pattern: re.Pattern[str], texts: Iterable[str], today: date) -> date | None:
    """The date the latest text states with ``pattern`` (a later statement replaces an earlier one)."""
    latest: date | None = None
    for text in texts:
        for m in pattern.finditer(text):
            latest = _date_of(m, today) or latest
    return latest


def said_by_user(history: Sequence[tuple[str, str]], text: str) -> list[str]:
    """What the person (or the counselor) typed in the thread, oldest first, this message last."""
    return [t for who, t in history if who == "user"] + [text]


def new_target(text: str) -> str | None:
    m = _NEW_TARGET.search(text)
    return re.sub(r"\s+", " ", m.group("occ")).strip() if m else None


# ---------------------------------------------------------------------------------------------- memory


def _valid(model: type[Any], rows: Any) -> list[Any]:
    out = []
    for row in rows if isinstance(rows, list) else []:
        try:
            out.append(model.model_validate(row))
        except ValidationError:
            continue
    return out


def jobs_of(memory: Mapping[str, Any]) -> list[PlanJob]:
    return _valid(PlanJob, (memory.get("job_matching") or {}).get("matches"))[:JOBS]


def courses_of(memory: Mapping[str, Any]) -> list[PlanCourse]:
    return _valid(PlanCourse, (memory.get("training_recommendation") or {}).get("courses"))[:COURSES]


def screened(memory: Mapping[str, Any]) -> list[PlanProgram]:
    """Every program the screening answered, whatever its decision."""
    return _valid(PlanProgram, (memory.get("program_screening") or {}).get("programs"))


def programs_of(memory: Mapping[str, Any]) -> list[PlanProgram]:
    """The programs to apply for: eligible ones and those that still need a fact."""
    return [p for p in screened(memory) if p.decision in ("eligible", "unknown")]


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------- sections


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _years(value: float) -> str:
    return f"{value:g}년"


def person_lines(seeker: SeekerProfile, profile: Mapping[str, Any], m: Masker) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    age = m.age(seeker.age if seeker.age is not None else profile.get("age"))
    if age:
        lines.append(("연령대" if m.masked else "나이", age))
    home = m.home(profile.get("region") if not seeker.district else seeker.district)
    if home:
        lines.append(("거주지", home))
    if seeker.education:
        lines.append(("학력", seeker.education))
    if seeker.desired_monthly_wage:
        wage = seeker.desired_monthly_wage
        lines.append(("희망 임금", f"월 {wage // 10_000:,}만원 이상" if wage % 10_000 == 0 else f"월 {wage:,}원 이상"))
    if seeker.employment_types:
        lines.append(("고용형태", "·".join(seeker.employment_types)))
    hours = [("주말 휴무" if seeker.weekends_off else ""), ("야간 근무 불가" if seeker.no_night else ""),
             (f"주 {seeker.max_weekly_hours:g}시간 이하" if seeker.max_weekly_hours else "")]
    if any(hours):
        lines.append(("근무 조건", ", ".join(h for h in hours if h)))
    return lines


def strengths_and_gaps(seeker: SeekerProfile, jobs: Sequence[PlanJob], training_gaps: Sequence[str],
                       m: Masker) -> tuple[list[str], list[str], list[str]]:
    """강점: the seeker's 경력/자격 (named with the recommended postings that ask for them); 보완점: what postings
    ask for and the seeker lacks, and the gaps the training recommendation found; 확인할 것: what postings ask for
    that the thread does not know of the seeker (a 학력 not entered is asked, not a gap)."""
    strengths: list[str] = []

    def asking(word: str) -> list[str]:
        return [j.title for j in jobs if any(_norm(word) in _norm(r) for r in j.reasons)]

    for cert in seeker.certificates:
        titles = asking(cert)
        strengths.append(f"자격 {cert}" + (f" — 추천 공고가 요구·우대 ({', '.join(titles[:2])})" if titles else ""))
    experience_asked = [j.title for j in jobs if any(_EXPERIENCE_MET.search(r) for r in j.reasons)]
    for e in seeker.experience:
        strengths.append(f"경력 {e.occupation} {_years(e.years)}"
                         + (f" — 추천 공고의 경력 요구 충족 ({', '.join(experience_asked[:2])})" if experience_asked else ""))
    for skill in seeker.skills:
        titles = asking(skill)
        strengths.append(f"역량 {skill}" + (f" — 추천 공고가 우대 ({', '.join(titles[:2])})" if titles else ""))
    gaps: list[str] = []
    to_confirm: list[str] = []
    for j in jobs:
        for misfit in j.misfits:
            if not _PERSON_GAP.search(misfit):
                continue
            bucket = to_confirm if _NOT_ENTERED.search(misfit) else gaps
            if m.text(misfit) not in bucket:
                bucket.append(m.text(misfit))
    for g in training_gaps:
        if m.text(g) not in gaps:
            gaps.append(m.text(g))
    return strengths, gaps, to_confirm


def _week_of(day: date, weeks: Sequence[Week]) -> Week | None:
    return next((w for w in weeks if w.start <= day <= w.end), None)


def schedule(today: date, jobs: Sequence[PlanJob], courses: Sequence[PlanCourse],
             recognition: Sequence[date]) -> tuple[list[Week], list[str]]:
    """Four weeks from today: one application a week to the recommended postings in order (earlier when a posting
    closes sooner), the course dates, the 실업인정일 the thread knows."""
    weeks = [Week(n=i + 1, start=today + timedelta(days=7 * i), end=today + timedelta(days=7 * i + 6))
             for i in range(WEEKS)]
    notes: list[str] = []
    for i, job in enumerate(jobs):
        close = _parse_day(job.close_date)
        if close is not None and close < today:
            notes.append(f"「{job.title}」은(는) 마감({close.isoformat()})이 지났습니다 — 다른 공고로 바꾸세요.")
            continue
        week = weeks[min(i, WEEKS - 1)]
        if close is not None and close < week.start:
            week = next((w for w in weeks if w.start <= close <= w.end), weeks[0])
        label = f"「{job.title}」" + (f" ({job.company})" if job.company else "")
        week.job_search.append(f"{label} 지원 — " + (f"마감 {close.isoformat()}" if close else "채용시까지"))
    for c in courses:
        start, end = _parse_day(c.start), _parse_day(c.end)
        if start is None:
            notes.append(f"「{c.title}」은(는) 개강일을 몰라 일정에 넣지 않았습니다 — 훈련기관에 확인하세요.")
            continue
        for w in weeks:
            if w.start <= start <= w.end:
                w.training.append(f"「{c.title}」 개강 {start.isoformat()}" + (f" (~{end.isoformat()})" if end else ""))
            elif start < w.start and (end is None or end >= w.start):
                w.training.append(f"「{c.title}」 수강" + (f" (~{end.isoformat()})" if end else ""))
        if start > weeks[-1].end:
            notes.append(f"「{c.title}」은(는) {start.isoformat()} 개강으로 이 4주 뒤에 시작합니다 — 그 전에 수강 신청하세요.")
    for d in recognition:
        hit = _week_of(d, weeks)
        if hit is not None:
            hit.recognition.append(f"{d.isoformat()} 실업인정일 (예정)")
    return weeks, notes


def recognition_dates(claim: date | None, stated: date | None, today: date, rule: Rule) -> tuple[list[date], str | None]:
    """실업인정일 in the plan's four weeks and the first one after them: from a stated 실업인정일 (then every ``cycle_days``), or
    from the 실업 신고일 (1차 = ``first_day``째, then every ``cycle_days``); none when the thread knows neither."""
    if stated is not None:
        first, basis = stated, f"안내받은 실업인정일 {stated.isoformat()}부터 {rule.cycle_days}일마다"
    elif claim is not None:
        first = claim + timedelta(days=rule.first_day - 1)
        basis = f"실업 신고일 {claim.isoformat()} 기준 (1차 = 신고일부터 {rule.first_day}일째, 이후 {rule.cycle_days}일마다)"
    else:
        return [], None
    horizon = today + timedelta(days=7 * WEEKS - 1)
    days: list[date] = []
    d = first
    while d <= horizon:
        if d >= today:
            days.append(d)
        d += timedelta(days=rule.cycle_days)
    days.append(d)  # and the first one after the plan's four weeks
    return days, basis


def rule_applies(profile: Mapping[str, Any], programs: Sequence[PlanProgram], texts: Sequence[str],
                 dates_known: bool) -> Applies:
    receiving = profile.get("receiving_unemployment_benefit")
    if receiving is False:
        return "no"
    benefit = any(("구직급여" in p.name or "unemployment" in p.program) and p.decision == "eligible" for p in programs)
    if receiving or dates_known or benefit:
        return "yes"
    return "yes" if any(_BENEFIT_WORDS.search(t) for t in texts) else "unknown"


# ---------------------------------------------------------------------------------------------- the plan


def _masked_job(job: PlanJob, m: Masker) -> PlanJob:
    """A posting's reasons as the masker writes them; a posting in the person's own 읍·면·동 shows its city only
    (masked), since "1 km from home, in 연동" says where the person lives."""
    district = job.district
    if m.masked and district and m.district and jeju_districts().resolve(district) == m.district:
        district = None
    return job.model_copy(update={"reasons": [m.text(r) for r in job.reasons],
                                  "misfits": [m.text(r) for r in job.misfits], "district": district})


def build_plan(
    seeker: SeekerProfile,
    *,
    profile: Mapping[str, Any],
    memory: Mapping[str, Any],
    history: Sequence[tuple[str, str]],
    text: str,
    today: date,
    masked: bool,
    jobs: Sequence[PlanJob] | None = None,
) -> ActivityPlan:
    """The draft. ``jobs`` overrides the remembered matches (the capability computes them when the thread has none)."""
    rule = reemployment_rule()
    district = jeju_districts().resolve(seeker.district or profile.get("region") or "") if (
        seeker.district or profile.get("region")) else None
    m = Masker(masked=masked, district=district)
    texts = said_by_user(history, text)
    picked = list(jobs) if jobs is not None else jobs_of(memory)
    picked = [_masked_job(j, m) for j in picked[:JOBS]]
    training = memory.get("training_recommendation") or {}
    courses = [c.model_copy(update={"reasons": [m.text(r) for r in c.reasons], "closes": [m.text(r) for r in c.closes]})
               for c in courses_of(memory)]
    courses_pending: str | None = None
    target = seeker.desired_occupation
    if not target and seeker.experience:  # matching falls back on the occupation worked in; say so
        target = f"{seeker.experience[0].occupation} (경력 직종 기준 — 희망 직종을 확인해 주세요)"
    if not courses:
        courses_pending = ASK_TRAINING
    elif training.get("target") and target and _norm(str(training["target"])) != _norm(target) \
            and _norm(target) not in _norm(str(training["target"])):
        courses_pending = (f"앞서 받은 훈련 추천은 '{training['target']}' 기준입니다 — 목표 직종이 바뀌었으니 "
                           "'이분께 맞는 훈련과정'을 다시 물어보세요.")
        courses = []
    programs = programs_of(memory)
    programs_pending = None if "program_screening" in memory else ASK_SCREENING

    claim = last_stated(_CLAIM, texts, today)
    stated_recognition = last_stated(_RECOGNITION, texts, today)
    rec_days, basis = recognition_dates(claim, stated_recognition, today, rule)
    applies = rule_applies(profile, programs, texts, bool(rec_days))
    if applies == "no":
        rec_days, basis = [], None
    weeks, notes = schedule(today, picked, courses, rec_days)
    planned = sum(len(w.job_search) for w in weeks)
    rule_lines: list[str] = []
    if applies != "no":
        rule_lines = [*rule.rounds, f"훈련 수강: {rule.training_counts}" if courses else ""]
        rule_lines = [ln for ln in rule_lines if ln]
        if planned < rule.minimum_per_cycle:
            notes.append(f"⚠️ 이 계획의 구직활동(지원)이 {planned}건입니다 — 5차 실업인정부터는 4주에 "
                         f"{rule.minimum_per_cycle}회 이상이 필요하니 지원할 곳을 더 찾아 주세요.")
    follow_up = last_stated(_FOLLOW_UP, texts, today)
    remembered = (memory.get("activity_plan") or {}).get("plan") or {}
    if follow_up is None and remembered.get("follow_up_stated"):
        follow_up = _parse_day(remembered.get("follow_up"))
    strengths, gaps, to_confirm = strengths_and_gaps(
        seeker, picked, [str(g) for g in training.get("gaps") or []] if courses else [], m)
    return ActivityPlan(
        today=today, masked=masked, person=person_lines(seeker, profile, m), target=target,
        experience=[f"{e.occupation} {_years(e.years)}" for e in seeker.experience],
        strengths=strengths, gaps=gaps, to_confirm=to_confirm, jobs=picked, jobs_computed=jobs is not None,
        courses=courses, courses_pending=courses_pending, programs=programs, programs_pending=programs_pending,
        rule_applies=applies, rule_lines=rule_lines, planned_job_search=planned,
        recognition_dates=rec_days, recognition_basis=basis, weeks=weeks,
        follow_up=follow_up or today + timedelta(days=FOLLOW_UP_DAYS), follow_up_stated=follow_up is not None,
        notes=notes,
    )
