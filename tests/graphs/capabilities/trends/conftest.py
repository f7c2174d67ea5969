from __future__ import annotations

from pathlib import Path

import pytest

from ingest.stats import run_stats_ingest
from knowledge.config import Settings
from tests.conftest import TODAY, make_settings


@pytest.fixture(scope="module")
def stats_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data dir whose statistics store holds the bundled series and catalog aggregates (as of TODAY)."""
    data: Path = tmp_path_factory.mktemp("trends") / "data"
    settings = make_settings(data)
    report = run_stats_ingest(settings, today=TODAY)
    assert report.ok and not report.rejected
    return settings
