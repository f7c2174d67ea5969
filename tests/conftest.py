"""Shared fixtures: a fresh embedded store per test, and the bundled index built once per session.

The bundled index is built once into a template folder (then closed); each consumer gets its own copy
(``index_copy``): ``full_kb`` opens a copy in this process, and server tests start a subprocess on another. Qdrant
Edge lets several processes read one folder, but a test that ingests must not change another test's index, and the
local-mode fallback admits one process per folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
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
def index_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the bundled corpus and catalogs, indexed once per test session (closed; copy it)."""
    from ingest.pipeline import run_ingest

    data_dir = tmp_path_factory.mktemp("index-template") / "data"
    prebuilt = os.environ.get("GOYONG_TEST_PREBUILT_INDEX")  # developer shortcut: start from a built data dir
    if prebuilt:
        shutil.copytree(prebuilt, data_dir, ignore=shutil.ignore_patterns(".lock", "READY"))
    base = KnowledgeBase.open(make_settings(data_dir))
    try:
        report = run_ingest(base)
        assert report.ok, report.error
        assert report.rejected_count == 0, [r.reason for s in report.sources for r in s.rejected][:5]
    finally:
        base.close()
    return data_dir


@pytest.fixture(scope="session")
def index_copy(index_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Make a private copy of the built index (for a process of its own); returns its data dir."""

    def copy(name: str) -> Path:
        target = tmp_path_factory.mktemp(name) / "data"
        shutil.copytree(index_template, target, ignore=shutil.ignore_patterns(".lock"))
        return target

    return copy


@pytest.fixture(scope="session")
def full_kb(index_copy: Callable[[str], Path]) -> Iterator[KnowledgeBase]:
    """The bundled index, open in this process for the whole session."""
    base = KnowledgeBase.open(make_settings(index_copy("full-kb")))
    yield base
    base.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The load test runs only when asked for (``-m load``, ``make load``), never in a plain run or ``make test``."""
    if "load" in (config.option.markexpr or ""):
        return  # an explicit marker expression decides
    load = [item for item in items if item.get_closest_marker("load")]
    if load:
        config.hook.pytest_deselected(items=load)
        items[:] = [item for item in items if not item.get_closest_marker("load")]
