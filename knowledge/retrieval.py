"""Korean hybrid retrieval over the three indexes: Kiwi sparse + dense, fused by RRF, with hard payload filters."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.embeddings import Embedder
from knowledge.records import OPEN_ENDED
from knowledge.schemas import JobFilters, JobPosting, PolicyChunk, TrainingCourse, TrainingFilters
from knowledge.sparse import Lexicon, encode_query
from knowledge.store import Filter, Hit, Kind, Match, Range, Store, must

logger = logging.getLogger(__name__)

Mode = Literal["hybrid", "sparse", "dense"]


@dataclass
class PolicyHit:
    chunk: PolicyChunk
    score: float


@dataclass
class JobHit:
    job: JobPosting
    score: float


@dataclass
class CourseHit:
    course: TrainingCourse
    score: float


def _match(key: str, value: str | int | bool) -> Match:
    return Match(key, value)


def _range(key: str, *, gte: float | None = None, lte: float | None = None) -> Range:
    return Range(key, gte=gte, lte=lte)


def job_filter(f: JobFilters, today: date) -> Filter | None:
    return must(
        [
            _match("region", f.region) if f.region else None,
            _match("district", f.district) if f.district else None,
            _match("employment_type", f.employment_type) if f.employment_type else None,
            _range("monthly_pay_max", gte=f.min_monthly_pay) if f.min_monthly_pay else None,
            _range("weekly_hours", lte=f.max_weekly_hours) if f.max_weekly_hours else None,
            _match("keco_prefixes", f.keco_prefix) if f.keco_prefix else None,
            _range("close_ord", gte=today.toordinal()) if f.open_only else None,
            _match("seasonal", f.seasonal) if f.seasonal is not None else None,
        ]
    )


def job_satisfies(job: JobPosting, f: JobFilters, today: date) -> bool:
    """The same filters as a plain predicate: the guarantee checked on every result."""
    close = job.close_date.toordinal() if job.close_date else OPEN_ENDED
    return all(
        [
            not f.region or job.region == f.region,
            not f.district or job.district == f.district,
            not f.employment_type or job.employment_type == f.employment_type,
            not f.min_monthly_pay or (job.monthly_pay_max or 0) >= f.min_monthly_pay,
            not f.max_weekly_hours or (job.weekly_hours is not None and job.weekly_hours <= f.max_weekly_hours),
            not f.keco_prefix or (job.keco_code or "").startswith(f.keco_prefix),
            not f.open_only or close >= today.toordinal(),
            f.seasonal is None or job.seasonal == f.seasonal,
        ]
    )


def training_filter(f: TrainingFilters) -> Filter | None:
    return must(
        [
            _match("region", f.region) if f.region else None,
            _match("card_eligible", f.card_eligible) if f.card_eligible is not None else None,
            _range("self_pay", lte=f.max_self_pay) if f.max_self_pay is not None else None,
            _range(
                "start_ord",
                gte=f.start_from.toordinal() if f.start_from else None,
                lte=f.start_to.toordinal() if f.start_to else None,
            )
            if (f.start_from or f.start_to)
            else None,
            _match("ncs_prefixes", f.ncs_prefix) if f.ncs_prefix else None,
            _match("course_type_code", f.course_type_code) if f.course_type_code else None,
        ]
    )


def course_satisfies(c: TrainingCourse, f: TrainingFilters) -> bool:
    return all(
        [
            not f.region or c.region == f.region,
            f.card_eligible is None or c.card_eligible == f.card_eligible,
            f.max_self_pay is None or (c.self_pay is not None and c.self_pay <= f.max_self_pay),
            not f.start_from or c.start_date >= f.start_from,
            not f.start_to or c.start_date <= f.start_to,
            not f.ncs_prefix or (c.ncs_code or "").startswith(f.ncs_prefix),
            not f.course_type_code or c.course_type_code == f.course_type_code,
        ]
    )


class Retriever:
    """Search functions used by the agent's tools, the CLI and the evaluation."""

    def __init__(self, store: Store, embedder: Embedder | None, lexicon: Lexicon | None = None) -> None:
        self.store = store
        self.embedder = embedder
        self.lexicon = lexicon

    def _query(
        self, kind: Kind, query: str, flt: Filter | None, limit: int, mode: Mode = "hybrid"
    ) -> list[Hit]:
        query = query.strip()
        if not query:
            return self.store.browse(kind, flt=flt, limit=limit)
        dense = None
        if self.embedder is not None and mode in ("hybrid", "dense"):
            dense = self.embedder.embed_query(query)
        sparse = encode_query(query, self.lexicon) if mode in ("hybrid", "sparse") else None
        if mode == "hybrid" and dense is None:
            mode = "sparse"
        return self.store.hybrid(kind, dense=dense, sparse=sparse, flt=flt, limit=limit, mode=mode)

    def search_policies(
        self,
        query: str,
        *,
        k: int = 5,
        program: str | None = None,
        doc_id: str | None = None,
        mode: Mode = "hybrid",
    ) -> list[PolicyHit]:
        flt = must([_match("program", program) if program else None, _match("doc_id", doc_id) if doc_id else None])
        hits = self._query("policies", query, flt, k, mode)
        return [PolicyHit(PolicyChunk.model_validate(h.payload["record"]), h.score) for h in hits]

    def search_jobs(self, query: str, filters: JobFilters, *, today: date, k: int = 10) -> list[JobHit]:
        hits = self._query("jobs", query, job_filter(filters, today), k)
        out = []
        for h in hits:
            job = JobPosting.model_validate(h.payload["record"])
            if job_satisfies(job, filters, today):
                out.append(JobHit(job, h.score))
            else:  # never expected: the filter runs inside the store; keep the guarantee anyway
                logger.warning("dropped job %s that failed the filters", job.id)
        return out

    def search_training(self, query: str, filters: TrainingFilters, *, k: int = 10) -> list[CourseHit]:
        hits = self._query("training", query, training_filter(filters), k)
        out = []
        for h in hits:
            course = TrainingCourse.model_validate(h.payload["record"])
            if course_satisfies(course, filters):
                out.append(CourseHit(course, h.score))
        return out
