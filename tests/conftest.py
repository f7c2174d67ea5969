"""Shared fixtures: a fresh embedded store per test, and one full bundled index per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from knowledge.base import KnowledgeBase  # noqa: E402
from knowledge.config import Settings  # noqa: E402

TODAY = date(2026, 11, 21)


def make_settings(data_dir: Path, **kw: object) -> Settings:
    return Settings(data_dir=data_dir, today=TODAY, _env_file=None, **kw)  # type: ignore[call-arg]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture
def kb(settings: Settings) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(settings)
    yield base
    base.close()


@pytest.fixture(scope="session")
def full_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The bundled corpus and catalogs, indexed once for the whole test session."""
    from ingest.pipeline import run_ingest

    base = KnowledgeBase.open(make_settings(tmp_path_factory.mktemp("full") / "data"))
    report = run_ingest(base)
    assert report.ok, report.error
    yield base
    base.close()
