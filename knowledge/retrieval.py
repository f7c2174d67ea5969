"""Korean hybrid retrieval over the three indexes: Kiwi sparse + dense, fused by RRF, with hard payload filters."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.embeddings import Embedder
from knowledge.fields import conditions, satisfies
from knowledge.schemas import JobFilters, JobPosting, PolicyChunk, TrainingCourse, TrainingFilters
from knowledge.sparse import Lexicon, encode_query
from knowledge.store import Filter, Hit, Kind, Match, Store, must

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


def job_filter(f: JobFilters, today: date) -> Filter | None:
    return conditions(f, today)


def job_satisfies(job: JobPosting, f: JobFilters, today: date) -> bool:
    """The same filters as a plain predicate: the guarantee checked on every result."""
    return satisfies(job, f, today)


def training_filter(f: TrainingFilters) -> Filter | None:
    return conditions(f)


def course_satisfies(c: TrainingCourse, f: TrainingFilters) -> bool:
    return satisfies(c, f)


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
        flt = must([Match("program", program) if program else None, Match("doc_id", doc_id) if doc_id else None])
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
