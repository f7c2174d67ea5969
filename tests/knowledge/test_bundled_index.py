"""The bundled corpus and catalogs as an admin and a counselor would meet them (issue acceptance checks)."""

from __future__ import annotations

import pytest

from ingest.pipeline import run_ingest
from knowledge.base import KnowledgeBase
from knowledge.retrieval import course_satisfies, job_satisfies
from knowledge.schemas import JobFilters, TrainingFilters
from tests.conftest import TODAY


def test_bundled_counts(full_kb: KnowledgeBase) -> None:
    counts = full_kb.counts()
    assert counts["jobs"] >= 2000 and counts["training"] >= 300 and counts["policies"] >= 100
    docs = {p["doc_id"] for p in full_kb.store.iter_payloads("policies")}
    assert len(docs) >= 15


def test_rerun_is_all_unchanged(full_kb: KnowledgeBase) -> None:
    report = run_ingest(full_kb, save=False)
    for s in report.sources:
        assert (s.added, s.updated, s.deleted, len(s.rejected)) == (0, 0, 0, 0), s.source
        assert s.unchanged == s.records


@pytest.mark.parametrize(
    ("query", "answering", "within"),
    [
        ("실업급여 하루 최대 얼마", {"unemployment-benefit-amount"}, 1),
        ("내배카 한도", {"national-tomorrow-learning-card"}, 1),
        ("자진퇴사해도 실업급여 받는 경우", {"voluntary-resignation-just-cause"}, 1),
        # 키·몸무게 demands are barred by 채용절차법 제4조의3 and, for women, 남녀고용평등법 제7조: all three answer it
        ("채용공고에 키 몸무게 요구해도 되나요",
         {"fair-hiring-procedure-act", "gender-equal-employment-article7", "job-posting-legal-checklist"}, 1),
        ("실업급여 며칠 동안 받아요", {"unemployment-benefit-duration"}, 3),
    ],
)
def test_policy_search_finds_the_answering_document(
    full_kb: KnowledgeBase, query: str, answering: set[str], within: int
) -> None:
    hits = full_kb.retriever.search_policies(query, k=5)
    assert {h.chunk.doc_id for h in hits[:within]} & answering, [h.chunk.doc_id for h in hits]


def test_job_search_with_region_filter_returns_only_that_region(full_kb: KnowledgeBase) -> None:
    f = JobFilters(region="서귀포시")
    hits = full_kb.retriever.search_jobs("호텔 프런트", f, today=TODAY, k=10)
    assert len(hits) == 10
    assert all(h.job.region == "서귀포시" for h in hits)
    assert any("프런트" in h.job.title or "프론트" in h.job.title for h in hits[:3])


@pytest.mark.parametrize(
    "filters",
    [
        JobFilters(region="제주시", min_monthly_pay=3_000_000),
        JobFilters(employment_type="시간제", max_weekly_hours=25),
        JobFilters(district="애월읍"),
        JobFilters(region="서귀포시", seasonal=True),
        JobFilters(keco_prefix="5", region="서귀포시", employment_type="정규직"),
    ],
)
def test_every_job_result_satisfies_every_filter(full_kb: KnowledgeBase, filters: JobFilters) -> None:
    hits = full_kb.retriever.search_jobs("직원", filters, today=TODAY, k=30)
    assert hits
    assert all(job_satisfies(h.job, filters, TODAY) for h in hits)


def test_training_filters_hold(full_kb: KnowledgeBase) -> None:
    f = TrainingFilters(region="제주시", card_eligible=True, max_self_pay=500_000, start_from=TODAY)
    hits = full_kb.retriever.search_training("바리스타", f, k=20)
    assert hits and all(course_satisfies(h.course, f) for h in hits)
