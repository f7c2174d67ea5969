"""An unchanged re-run skips parsing a source only while everything its points are made of is unchanged: the files'
bytes, the loader/record code, the embedder, the day, and the served version itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import ingest.pipeline as pipeline_mod
from ingest.pipeline import run_ingest
from knowledge.base import KnowledgeBase
from tests.conftest import TODAY, make_settings
from tests.knowledge.test_store import write_docs


def _run(kb: KnowledgeBase, docs: Path, **kw: object) -> pipeline_mod.SourceReport:
    return run_ingest(kb, sources=["policies"], path=docs, save=False, today=TODAY, **kw).sources[0]  # type: ignore[arg-type]


@pytest.fixture
def edge_kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase.open(make_settings(tmp_path / "data"), warm=False)
    yield kb
    kb.close()


def test_unchanged_run_is_skipped_and_reports_the_same_records(edge_kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    first = _run(edge_kb, docs)
    served = edge_kb.store.resolve("policies")
    again = _run(edge_kb, docs)
    assert again.skipped and not first.skipped
    assert again.records == again.unchanged == first.records > 0
    assert (again.added, again.updated, again.deleted) == (0, 0, 0)
    assert again.files == first.files
    assert edge_kb.store.resolve("policies") == served


def test_a_changed_file_is_parsed_and_synced(edge_kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    _run(edge_kb, docs)
    write_docs(docs, extra="신청은 고용24에서 합니다.")
    changed = _run(edge_kb, docs)
    assert not changed.skipped and changed.updated == 1
    assert _run(edge_kb, docs).skipped


def test_a_loader_code_change_or_another_day_is_never_served_from_the_old_key(
    edge_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = write_docs(tmp_path / "docs")
    _run(edge_kb, docs)
    monkeypatch.setattr(pipeline_mod, "_code_digest", lambda: "edited loader")
    assert not _run(edge_kb, docs).skipped
    monkeypatch.undo()
    other_day = run_ingest(edge_kb, sources=["policies"], path=docs, save=False, today=date(2026, 11, 22)).sources[0]
    assert not other_day.skipped


def test_another_served_version_or_a_rebuild_is_not_skipped(edge_kb: KnowledgeBase, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs")
    _run(edge_kb, docs)
    rebuilt = _run(edge_kb, docs, rebuild=True)
    assert rebuilt.rebuilt and not rebuilt.skipped
    assert _run(edge_kb, docs).skipped  # the rebuild stored the key of the version it published
    # a version published by someone else (another process's ingest) is not vouched for by the stored key
    emb = edge_kb.embedder
    version = edge_kb.store.create_version("policies", emb.name if emb else "sparse", emb.dim if emb else None)
    edge_kb.store.swap_alias("policies", version)
    assert not _run(edge_kb, docs).skipped


def test_the_qdrant_client_backends_never_skip(tmp_path: Path) -> None:
    kb = KnowledgeBase.open(make_settings(tmp_path / "data", store_backend="local"), warm=False)
    try:
        docs = write_docs(tmp_path / "docs")
        _run(kb, docs)
        assert not _run(kb, docs).skipped
    finally:
        kb.close()
