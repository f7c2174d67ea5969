"""Rank the pool for one posting with the job matching scorer, reversed: every seeker is scored against the posting
(``scorer.score_pair``: the same factors, weights, gates and reasons as job matching), the seekers the posting is out
of reach for (통근 거리, 섬, 계절 일자리 불가) are left out, the rest are ranked by score.

One addition for postings that name only a city (a draft with "서귀포" and no 읍·면·동): the scorer's commute factor
is the same for everyone then, so a seeker living in the other city is multiplied by :data:`OTHER_CITY_GATE` and told
so, and one in the same city gets it as a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from graphs.capabilities.job_matching.models import Match
from graphs.capabilities.job_matching.scorer import load_tables, score_pair
from graphs.capabilities.talent_recommendation.models import Candidate, TalentReport
from graphs.capabilities.talent_recommendation.pool import PoolSeeker
from graphs.capabilities.talent_recommendation.posting import PostingInput

TOP = 10
OTHER_CITY_GATE = 0.8
_UNKNOWN_PLACE = "근무지 읍·면·동을 알 수 없음"


def _experience(s: PoolSeeker) -> str:
    return ", ".join(f"{e.occupation} {e.years:g}년" for e in s.profile.experience) or "-"


def _city_level(match: Match, s: PoolSeeker, city: str) -> tuple[float, list[str], list[str]]:
    """(score, reasons, misfits) with the city comparison in place of the unknown-district commute."""
    tables = load_tables()
    home = tables.districts.resolve(s.profile.district) if s.profile.district else None
    misfits = [m for m in match.misfits if m != _UNKNOWN_PLACE]
    reasons = list(match.reasons)
    if home is None:
        return match.score, reasons, misfits
    home_city = tables.districts.city_of().get(home)
    if home_city == city:
        return match.score, [*reasons[:3], f"거주지 {home} — 근무지와 같은 {city}"], misfits
    return round(match.score * OTHER_CITY_GATE, 1), reasons, [f"근무지 {city} — 거주지 {home}({home_city})", *misfits]


def recommend(
    posting: PostingInput,
    pool: Iterable[PoolSeeker],
    *,
    today: date,
    k: int = TOP,
    weights: Mapping[str, float] | None = None,
    exclude: Iterable[str] = (),
) -> TalentReport:
    """The ``k`` best seekers of ``pool`` for ``posting``, with reasons and misfits."""
    job = posting.job
    excluded = list(dict.fromkeys([*posting.exclude, *exclude]))
    city_only = job.district is None and job.region in ("제주시", "서귀포시")
    dropped: dict[str, int] = {}
    ranked: list[Candidate] = []
    seekers = list(pool)
    closed = False
    for s in seekers:
        why, match = score_pair(s.profile, job, today=today, weights=weights, exclude=excluded)
        if why == "closed":  # the posting's own state, the same for every seeker: rank anyway, say it once
            closed, why = True, None
        if why is not None:
            dropped[why] = dropped.get(why, 0) + 1
            continue
        score, reasons, misfits = match.score, list(match.reasons), list(match.misfits)
        if city_only:
            score, reasons, misfits = _city_level(match, s, job.region)
        ranked.append(Candidate(
            id=s.id, age_band=s.age_band, desired_occupation=s.profile.desired_occupation or "-",
            experience=_experience(s), certificates=list(s.profile.certificates), district=s.profile.district,
            score=score, reasons=reasons[:4], misfits=misfits[:3],
        ))
    ranked.sort(key=lambda c: (-c.score, c.id))
    tables = load_tables()
    code = job.keco_code
    occupation = f"{tables.occupations[code].name} ({code})" if code in tables.occupations else (job.job_name or None)
    place = f"{job.region} {job.district}" if job.district else (f"{job.region} (읍·면·동 미정)" if job.region else "미정")
    notes = list(posting.notes)
    if closed:
        notes.append("이 공고는 마감일이 지났습니다 — 다시 낼 공고로 보고 추천했습니다.")
    if city_only:
        notes.append(f"공고에 읍·면·동이 없어 통근은 시 단위로만 봤습니다 (다른 시 거주자는 점수 × {OTHER_CITY_GATE}).")
    elif job.district:
        notes.append("통근 거리는 읍·면·동 대표 지점 사이의 직선거리(근사)이며, 각자 밝힌 통근 범위 밖인 구직자는 뺐습니다.")
    return TalentReport(
        posting_title=job.title, occupation=occupation, place=place, source=posting.source, pool_size=len(seekers),
        scored=len(ranked), filtered_out=dropped, excluded_factors=excluded, candidates=ranked[:k], notes=notes,
    )
