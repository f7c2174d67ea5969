"""일자리 매칭 with 추천 이유 — a seeker profile → ranked open postings, each with a score (0–100), 2–4 plain-Korean
reasons and what does not fit.

Candidates come from the hybrid search (jobs collection) within the wanted and related occupation codes, then hard
filters (open, within the commute, ferry islands, 계절 when refused) and a transparent weighted score: 직무 적합, 경력,
자격, 학력, 지역·통근, 임금, 고용형태, 근무시간·요일, 마감 임박. Tables and weights are data (``tables/*.yaml``); a counselor
can re-weight or exclude factors per call. Gold set and evaluation: ``gold/profiles.yaml``, ``evaluate.py``.
"""

from __future__ import annotations

from graphs.capabilities.job_matching.models import (
    FACTORS,
    Experience,
    FactorScore,
    Match,
    MatchReport,
    SeekerProfile,
)
from graphs.capabilities.job_matching.scorer import (
    candidate_jobs,
    distance_km,
    load_tables,
    match_jobs,
    rank_jobs,
    resolve_occupation,
)

__all__ = [
    "FACTORS",
    "Experience",
    "FactorScore",
    "Match",
    "MatchReport",
    "SeekerProfile",
    "candidate_jobs",
    "distance_km",
    "load_tables",
    "match_jobs",
    "rank_jobs",
    "resolve_occupation",
]
