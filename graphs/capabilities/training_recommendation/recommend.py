"""Training recommendation: the gaps of a person for a target occupation → courses that close them.

Candidates are the hybrid search hits (training collection, courses not yet started) for each gap's words and for
the target; a course for a certificate the person already holds is left out (and said so). Each remaining course
gets a transparent score, 0–100, of weighted factors (tables/skills.yaml ``scoring``):

* 갭 충족 (dominant): the share of the person's gap weight the course closes (필수 1.0, 우대 0.5);
* 지역: straight-line distance from the person's 읍·면·동 to the institution's (full up to ``near_km``, 0 at
  ``far_km``); same 행정시 = 0.7 when only the city is known;
* 일정: starts within ``soon_days`` = 1, then down to 0.2 at ``late_days``;
* 자부담 with 국민내일배움카드 (the catalog's estimate for a general card holder): 0 won = 1, ``self_pay_scale`` = 0;
  a course the card does not cover = 0;
* 취업률 (3개월, when published): the rate itself; unpublished (a new course) = 0.5.

With gaps, a course that closes none of them is not recommended; with no gap left, courses of the target's field
that the person has no certificate for are ranked by the other factors (and the answer says there was no gap).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from graphs.capabilities.job_matching.scorer import distance_km
from graphs.capabilities.job_matching.scorer import load_tables as matching_tables
from graphs.capabilities.training_recommendation.gaps import (
    Target,
    choose_target,
    find_gaps,
    held_certificates,
    load_table,
    read_course,
)
from graphs.capabilities.training_recommendation.models import (
    CourseRecommendation,
    Excluded,
    FactorScore,
    Gap,
    Recommendation,
)
from graphs.profile import SeekerProfile
from knowledge.formatting import compact_won
from knowledge.schemas import TrainingCourse, TrainingFilters

CITIES = ("제주시", "서귀포시")
_ADDRESS_DISTRICT = re.compile(r"\(([^()]+)\)\s*$")


def home_of(profile: SeekerProfile, region: str | None = None) -> tuple[str | None, str | None]:
    """(읍·면·동, 행정시) of the person: the profile's district, else the region said (a district or a city)."""
    districts = matching_tables().districts
    for place in (profile.district, region):
        if not place:
            continue
        if place.strip() in CITIES:
            return None, place.strip()
        home = districts.resolve(place)
        if home:
            return home, districts.districts[home].city
    return None, None


def course_district(course: TrainingCourse) -> str | None:
    """The 읍·면·동 of the institution, from the catalog address ("… 5층 (아라동)")."""
    m = _ADDRESS_DISTRICT.search(course.address or "")
    return matching_tables().districts.resolve(m.group(1)) if m else None


def _ramp(x: float, full: float, zero: float, floor: float = 0.0) -> float:
    """1 up to ``full``, falling linearly to ``floor`` at ``zero`` and beyond."""
    if x <= full:
        return 1.0
    if x >= zero:
        return floor
    return 1.0 - (1.0 - floor) * (x - full) / (zero - full)


def score_course(course: TrainingCourse, closes: list[Gap], gaps: list[Gap], home: str | None, city: str | None,
                 today: date) -> CourseRecommendation:
    s = load_table().scoring
    w = s.weights
    factors: list[FactorScore] = []
    reasons: list[str] = [f"{g.gap} → {course.title}" for g in closes]

    def weight(g: Gap) -> float:
        return s.required_weight if g.need == "required" else s.preferred_weight

    total = sum(weight(g) for g in gaps)
    coverage = sum(weight(g) for g in closes) / total if total else 1.0
    factors.append(FactorScore(factor="coverage", value=round(coverage, 3), weight=w["coverage"]))

    district = course_district(course)
    dist = distance_km(home, district) if home and district else None
    if dist is not None:
        region = _ramp(dist, s.near_km, s.far_km)
        reasons.append(f"거주지({home})에서 약 {dist:.0f} km ({course.region} {district})")
    elif city:
        region = 0.7 if course.region == city else 0.1
        if course.region == city:
            reasons.append(f"같은 {city}")
    else:
        region = 0.5
    factors.append(FactorScore(factor="region", value=round(region, 3), weight=w["region"]))

    days = (course.start_date - today).days
    factors.append(FactorScore(factor="schedule", value=round(_ramp(days, s.soon_days, s.late_days, 0.2), 3),
                               weight=w["schedule"]))
    reasons.append(f"{course.start_date:%m/%d} 개강 ({days}일 뒤)" if days > 0 else "오늘 개강")

    if course.card_eligible and course.self_pay is not None:
        pay = max(0.0, 1.0 - course.self_pay / s.self_pay_scale)
        reasons.append(f"내일배움카드 자부담 약 {compact_won(course.self_pay)}")
    else:
        pay = 0.0
        reasons.append("내일배움카드 미적용")
    factors.append(FactorScore(factor="self_pay", value=round(pay, 3), weight=w["self_pay"]))

    rate = course.employment_rate
    factors.append(FactorScore(factor="employment_rate", value=round(rate / 100 if rate is not None else 0.5, 3),
                               weight=w["employment_rate"]))
    if rate is not None:
        reasons.append(f"취업률 {rate:g}%")

    score = 100 * sum(f.value * f.weight for f in factors) / sum(f.weight for f in factors)
    return CourseRecommendation(
        course_id=course.id, title=course.title, institution=course.institution, region=course.region,
        district=district, start=course.start_date, end=course.end_date, self_pay=course.self_pay,
        card_eligible=course.card_eligible, employment_rate=rate, certificate=course.certificate, url=course.url,
        closes=[g.gap for g in closes], score=round(score, 1), reasons=reasons, factors=factors)


def candidate_courses(retriever: Any, target: Target, gaps: list[Gap], today: date) -> list[TrainingCourse]:
    """Hybrid search hits for each gap's words and for the target, courses starting today or later, once each."""
    table = load_table()
    queries = [table.items[g.item].query for g in gaps] + [target.occupation.name]
    queries += [table.items[key].query for key in target.occupation.items]  # the field, for a person without gaps
    seen: dict[str, TrainingCourse] = {}
    for q in dict.fromkeys(queries):
        for hit in retriever.search_training(q, TrainingFilters(start_from=today), k=table.scoring.search_k):
            seen.setdefault(hit.course.id, hit.course)
    return list(seen.values())


def recommend(profile: SeekerProfile, *, retriever: Any, today: date, message: str = "", region: str | None = None,
              k: int = 3) -> Recommendation:
    """The person's target, gaps and the ``k`` best courses that close them (see the module docstring)."""
    home, city = home_of(profile, region)
    target = choose_target(profile, message)
    if target is None:
        return Recommendation(target=None, home=home or city, city=city, today=today,
                              notes=["목표 직종을 알 수 없어 역량 갭을 계산하지 못했습니다 — '희망 직종은 회계 사무'처럼 알려 주세요."])
    gaps, held = find_gaps(profile, target.occupation)
    certs = held_certificates(profile.certificates)
    candidates = candidate_courses(retriever, target, gaps, today)
    field = set(target.occupation.items)
    ranked: list[CourseRecommendation] = []
    excluded: list[Excluded] = []
    closable: set[str] = set()
    for course in candidates:
        reading = read_course(course)
        if not reading.closes & field:
            continue  # not a course of this occupation's field
        if reading.main_certificate and reading.main_certificate in certs:
            excluded.append(Excluded(course_id=course.id, title=course.title,
                                     why=f"{reading.main_certificate} 보유 → 이 자격 취득 과정은 제외"))
            continue
        closes = [g for g in gaps if g.item in reading.closes]
        closable.update(g.item for g in closes)
        if gaps and not closes:
            continue
        ranked.append(score_course(course, closes, gaps, home, city, today))
    ranked.sort(key=lambda r: (-r.score, r.start, r.course_id))
    notes = [f"목표 직종: {target.occupation.name} ({target.source})"]
    if not gaps:
        notes.append("이 직종의 필수·우대 역량을 이미 갖추고 있어, 같은 분야의 심화 과정을 보여 드립니다.")
    uncovered = [g.gap for g in gaps if g.item not in closable]
    return Recommendation(
        target=target.occupation.name, target_id=target.id, target_source=target.source, home=home or city,
        city=city, gaps=gaps, held=held, courses=_varied(ranked, k), excluded=_unique(excluded), uncovered=uncovered,
        candidates=len(candidates), today=today, notes=notes)


def _base_title(title: str) -> str:
    return title.split(" (")[0]


def _varied(ranked: list[CourseRecommendation], k: int, per_title: int = 2) -> list[CourseRecommendation]:
    """The best ``k`` with at most ``per_title`` rounds of one course title first (the next gap's course gets a
    place); more rounds of a title only fill places nothing else takes."""
    first: list[CourseRecommendation] = []
    later: list[CourseRecommendation] = []
    count: dict[str, int] = {}
    for r in ranked:
        t = _base_title(r.title)
        (first if count.get(t, 0) < per_title else later).append(r)
        count[t] = count.get(t, 0) + 1
    return (first[:k] + later)[:k]


def _unique(excluded: list[Excluded]) -> list[Excluded]:
    """One line per excluded title (the catalog runs the same course in many rounds)."""
    out: dict[str, Excluded] = {}
    for e in excluded:
        out.setdefault(_base_title(e.title), e)
    return list(out.values())
