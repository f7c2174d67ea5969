"""The Qdrant Edge backend: shard versions, the atomic pointer, copy-on-write syncs, readers in other processes,
boolean filters, and the local-mode fallback agreeing with it."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ingest.pipeline import Item, SourceReport, run_ingest, sync_items
from knowledge.base import KnowledgeBase
from knowledge.records import job_payload, job_text
from knowledge.retrieval import job_satisfies
from knowledge.schemas import JobFilters, JobPosting, TrainingFilters
from knowledge.sparse import SparseVec
from knowledge.store import Filter
from tests.conftest import TODAY, make_settings
from tests.knowledge.test_store import make_job, write_docs

REPO = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOYONG_DATA_DIR": str(data_dir), "GOYONG_TODAY": TODAY.isoformat(), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=REPO, env=env, text=True,
                          capture_output=True, timeout=300, check=False)


def _pointer(data_dir: Path, kind: str) -> str:
    return (data_dir / "edge" / f"goyong_{kind}.current").read_text(encoding="utf-8").strip()


def test_edge_is_the_default_and_keeps_versions_as_shard_folders(kb: KnowledgeBase, tmp_path: Path) -> None:
    assert kb.store.backend == "edge"
    run_ingest(kb, sources=["policies"], path=write_docs(tmp_path / "docs"))
    served = kb.store.resolve("policies")
    assert served and _pointer(kb.settings.data_dir, "policies") == served
    assert (kb.settings.data_dir / "edge" / served / "segments").is_dir()


def test_unchanged_run_keeps_the_shard_and_a_changed_run_swaps_a_copy(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    run_ingest(kb, sources=["policies"], path=docs)
    first = kb.store.resolve("policies")

    run_ingest(kb, sources=["policies"], path=docs)
    assert kb.store.resolve("policies") == first, "nothing changed: no copy, no swap"

    write_docs(docs, extra="신청은 고용24에서 합니다.")
    report = run_ingest(kb, sources=["policies"], path=docs).sources[0]
    second = kb.store.resolve("policies")
    assert (report.updated, report.rebuilt) == (1, False)
    assert second != first and report.collection == second
    assert kb.store.versions("policies") == [second], "the old shard is dropped once nobody reads it"
    hits = kb.retriever.search_policies("고용24 신청", k=1)
    assert hits and "고용24" in hits[0].chunk.text


def test_abandoned_incremental_copy_is_never_served_and_is_dropped(kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    run_ingest(kb, sources=["policies"], path=docs)
    served = kb.store.resolve("policies")
    assert served
    copy = kb.store.edit_version("policies", served)  # an incremental run killed before its swap
    kb.store.delete(copy, [p for p in kb.store.scroll_field(copy, "content_hash")])
    assert kb.store.resolve("policies") == served and kb.store.count("policies") == 4

    other = KnowledgeBase.open(kb.settings)  # a second opener (another process would see the same files)
    try:
        assert other.store.resolve("policies") == served and other.store.count("policies") == 4
    finally:
        other.close()
    run_ingest(kb, sources=["policies"], path=docs)
    assert kb.store.versions("policies") == [served]


def test_boolean_filters_match_true_and_false(kb: KnowledgeBase) -> None:
    jobs = [make_job(i, "서귀포시" if i % 2 else "제주시", 2_300_000) for i in range(20)]
    jobs = [j.model_copy(update={"seasonal": i % 4 == 0}) for i, j in enumerate(jobs)]
    items = [Item(j.id, job_text(j), job_payload(j)) for j in jobs]
    sync_items(kb, "jobs", items, SourceReport(source="jobs"), rebuild=False)
    for seasonal in (True, False):
        f = JobFilters(seasonal=seasonal)
        hits = kb.retriever.search_jobs("호텔 프런트 감귤", f, today=TODAY, k=50)
        assert len(hits) == sum(1 for j in jobs if j.seasonal is seasonal)
        assert all(job_satisfies(h.job, f, TODAY) for h in hits)
    payloads = list(kb.store.iter_payloads("jobs"))
    assert {type(p["seasonal"]) for p in payloads} == {bool}, "booleans come back as booleans"


def test_another_process_reads_while_this_one_holds_the_index(
    index_copy: Callable[[str], Path],
) -> None:
    data_dir = index_copy("edge-readers")
    kb = KnowledgeBase.open(make_settings(data_dir))
    try:
        assert kb.retriever.search_jobs("호텔", JobFilters(region="서귀포시"), today=TODAY, k=3)
        served = kb.store.resolve("jobs")
        proc = _cli(data_dir, "search", "호텔 프런트", "--collection", "jobs", "--filter", "region=서귀포시",
                    "--json")
        assert proc.returncode == 0, proc.stderr
        results = json.loads(proc.stdout)["results"]
        assert results and all(r["region"] == "서귀포시" for r in results)

        # another process rebuilds while this one serves: this one moves to the new shard on its next query,
        # and the shard it held is left on disk until nobody holds it
        proc = _cli(data_dir, "ingest", "--source", "jobs", "--rebuild", "--json")
        assert proc.returncode == 0, proc.stderr
        rebuilt = _pointer(data_dir, "jobs")
        assert rebuilt != served and served in kb.store.versions("jobs")
        hits = kb.retriever.search_jobs("호텔", JobFilters(region="서귀포시"), today=TODAY, k=3)
        assert hits and kb.store.resolve("jobs") == rebuilt
        run_ingest(kb, sources=["jobs"], save=False)
        assert kb.store.versions("jobs") == [rebuilt]
    finally:
        kb.close()


def test_local_fallback_agrees_with_edge(tmp_path: Path) -> None:
    jobs: list[JobPosting] = [
        make_job(i, "서귀포시" if i % 3 == 0 else "제주시", 2_100_000 + 50_000 * (i % 10),
                 close=date(2026, 11, 1) if i % 5 == 0 else None)
        for i in range(40)
    ]
    items = [Item(j.id, job_text(j), job_payload(j)) for j in jobs]
    found = {}
    for backend in ("edge", "local"):
        base = KnowledgeBase.open(make_settings(tmp_path / backend, store_backend=backend, embedding_backend="none"))
        try:
            assert base.store.backend == backend
            sync_items(base, "jobs", items, SourceReport(source="jobs"), rebuild=False)
            f = JobFilters(region="제주시", min_monthly_pay=2_300_000)
            found[backend] = [h.job.id for h in base.retriever.search_jobs("호텔 프런트", f, today=TODAY, k=10)]
            assert not base.retriever.search_training("바리스타", TrainingFilters())  # never built: empty
        finally:
            base.close()
    assert found["edge"] and set(found["edge"]) == set(found["local"])


def test_shard_copies_keep_holes(tmp_path: Path) -> None:
    from knowledge.edge_store import copy_sparse

    src, dst = tmp_path / "page_0.dat", tmp_path / "copy.dat"
    with open(src, "wb") as fh:  # how Edge's storage files look: 32 MB on paper, a few KB written
        fh.write(b"head")
        fh.seek(16 * 1024 * 1024)
        fh.write(b"tail")
        fh.truncate(32 * 1024 * 1024)
    copy_sparse(str(src), str(dst))
    assert dst.stat().st_size == src.stat().st_size
    assert dst.read_bytes() == src.read_bytes()
    assert dst.stat().st_blocks * 512 < 1024 * 1024, "the copy must not fill the holes"


def test_every_filter_field_has_a_payload_index(kb: KnowledgeBase, tmp_path: Path) -> None:
    from knowledge.retrieval import job_filter, training_filter
    from knowledge.store import PAYLOAD_INDEXES

    every_job = JobFilters(region="제주시", district="연동", min_monthly_pay=1, employment_type="정규직",
                           max_weekly_hours=40, keco_prefix="5", open_only=True, seasonal=False)
    every_course = TrainingFilters(region="제주시", card_eligible=True, max_self_pay=0, start_from=TODAY,
                                   start_to=TODAY, ncs_prefix="01", course_type_code="C0061")
    job_flt, course_flt = job_filter(every_job, TODAY), training_filter(every_course)
    assert job_flt and course_flt
    assert {c.key for c in job_flt.must} <= set(PAYLOAD_INDEXES["jobs"])
    assert {c.key for c in course_flt.must} <= set(PAYLOAD_INDEXES["training"])

    run_ingest(kb, sources=["policies"], path=write_docs(tmp_path / "docs"))
    served = kb.store.resolve("policies")
    from knowledge.edge_store import EdgeStore

    assert isinstance(kb.store, EdgeStore) and served
    info = kb.store._shard_of(served).shard.info()
    assert set(info.payload_schema) == set(PAYLOAD_INDEXES["policies"])


def test_readers_never_write_a_published_shard(kb: KnowledgeBase, tmp_path: Path) -> None:
    import hashlib

    run_ingest(kb, sources=["policies"], path=write_docs(tmp_path / "docs"))
    served = kb.store.resolve("policies")
    assert served
    folder = kb.settings.data_dir / "edge" / served

    def digest() -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    before = digest()
    reader = KnowledgeBase.open(kb.settings, warm=False)
    try:
        assert reader.retriever.search_policies("구직급여 상한액", k=1, mode="sparse")
        assert reader.store.count("policies") == 4
    finally:
        reader.close()
    assert digest() == before


def _unit(rng: Any, dim: int) -> list[float]:
    v = [rng.gauss(0.0, 1.0) for _ in range(dim)]
    norm = math.sqrt(sum(x * x for x in v))
    return [x / norm for x in v]


def test_large_shards_are_published_with_their_vector_index(tmp_path: Path) -> None:
    """At or above edge_index_min_points the dense HNSW graph is built before the pointer swap (a fresh build
    and an incremental copy alike); below it the shard stays a plain scan. Both give the exact nearest
    neighbours (brute-force cosine here) at this size."""
    from knowledge.edge_store import EdgeStore
    from knowledge.store import Match, Point, point_id

    rng, dim = random.Random(15), 64
    programs = ("실업급여", "국민취업지원제도", "내일배움카드")
    vectors = {point_id("policies", f"p{i}"): _unit(rng, dim) for i in range(80)}
    program_of = {pid: programs[i % 3] for i, pid in enumerate(vectors)}

    def point(pid: str) -> Point:
        return Point(id=pid, payload={"program": program_of[pid], "year": 2026}, sparse=SparseVec([1], [1.0]),
                     dense=vectors[pid])

    def exact(query: list[float], program: str | None, k: int = 5) -> list[str]:
        pool = [pid for pid in vectors if program is None or program_of[pid] == program]
        return sorted(pool, key=lambda pid: -sum(a * b for a, b in zip(query, vectors[pid], strict=True)))[:k]

    def check(store: EdgeStore) -> None:
        for pid in list(vectors)[::7]:
            for program in (None, program_of[pid]):
                flt = Filter(must=(Match("program", program),)) if program else None
                hits = store.hybrid("policies", dense=vectors[pid], sparse=None, flt=flt, limit=5, mode="dense")
                assert [h.id for h in hits] == exact(vectors[pid], program)

    stores = {n: EdgeStore(tmp_path / f"min{n}", index_min_points=n) for n in (50, 1000)}
    for store in stores.values():
        store.root.mkdir()
        version = store.create_version("policies", "test", dim)
        store.upsert(version, [point(pid) for pid in vectors])
        store.swap_alias("policies", version)
    indexed, plain = stores[50], stores[1000]

    def dense_indexed(store: EdgeStore) -> int:  # Edge counts indexed dense + sparse vectors (sparse: always)
        live = store._reader("policies")
        assert live is not None
        info = live.shard.info()
        return int(info.indexed_vectors_count - info.points_count)

    assert dense_indexed(indexed) == 80
    assert dense_indexed(plain) == 0
    check(indexed)
    check(plain)

    # An incremental sync on the indexed shard: 10 moved points, 5 new, 5 deleted — its copy is indexed too.
    live = indexed.resolve("policies")
    assert live is not None
    edit = indexed.edit_version("policies", live)
    moved = list(vectors)[:10]
    for pid in moved:
        vectors[pid] = _unit(rng, dim)
    new = [point_id("policies", f"n{i}") for i in range(5)]
    for pid in new:
        vectors[pid], program_of[pid] = _unit(rng, dim), "실업급여"
    gone = list(vectors)[40:45]
    indexed.upsert(edit, [point(pid) for pid in moved + new])
    indexed.delete(edit, gone)
    for pid in gone:
        del vectors[pid]
    indexed.swap_alias("policies", edit)
    assert indexed.resolve("policies") == edit
    assert dense_indexed(indexed) == len(vectors) == 80
    check(indexed)
    for store in stores.values():
        store.close()


def test_a_failed_index_build_publishes_nothing_and_leaves_an_orphan(tmp_path: Path, monkeypatch: Any) -> None:
    """The graph is built on the unpublished folder: when that dies (killed child, full disk), the pointer still
    names the previous version and the half-indexed folder is an orphan that the next run drops."""
    import knowledge.edge_store as edge_store
    from knowledge.store import Point, StoreError, point_id

    store = edge_store.EdgeStore(tmp_path, index_min_points=5)
    rng = random.Random(7)

    def build() -> str:
        version = store.create_version("policies", "test", 32)
        store.upsert(version, [Point(id=point_id("policies", f"p{i}"), payload={"program": "실업급여"},
                                     sparse=SparseVec([i], [1.0]), dense=_unit(rng, 32)) for i in range(10)])
        return version

    first = build()
    store.swap_alias("policies", first)
    monkeypatch.setattr(edge_store, "_OPTIMIZE", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)")
    second = build()
    with pytest.raises(StoreError):
        store.swap_alias("policies", second)
    assert store.resolve("policies") == first
    assert (tmp_path / "goyong_policies.current").read_text(encoding="utf-8").strip() == first
    assert store.drop_orphans("policies") == [second]
    assert store.versions("policies") == [first]
    assert store.count("policies") == 10
    store.close()
