"""Labour-market statistics: typed observations, the KOSIS CSV parsers and the SQLite store (``stats.sqlite``).

``ingest/stats.py`` fills the store (bundled series, admin drop-ins, catalog aggregates); the trends capability
(``graphs/capabilities/trends``) reads it.
"""

from __future__ import annotations

import yaml
from pydantic import ValidationError

from knowledge.stats.kosis import parse_period, parse_stats_csv
from knowledge.stats.models import (
    CONFIDENCE_LABEL,
    JEJU,
    FileMeta,
    Observation,
    PeriodSource,
    StatNote,
    StatsParse,
)
from knowledge.stats.store import StatsStore, StatsStoreMissing, merge_observations, stats_path

__all__ = [
    "CONFIDENCE_LABEL", "JEJU", "FileMeta", "Observation", "PeriodSource", "StatNote", "StatsParse", "StatsStore",
    "StatsStoreMissing", "merge_observations", "parse_file_meta", "parse_period", "parse_stats_csv", "stats_path",
]


def parse_file_meta(text: str) -> FileMeta:
    """The sidecar YAML of a statistics CSV; raises ValueError with a Korean message that says what to fix."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"출처 YAML 문법 오류: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError("출처 YAML은 항목: 값 형태의 사전이어야 합니다")
    try:
        return FileMeta.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ValueError(f"출처 YAML 항목 오류 — {problems}") from exc
