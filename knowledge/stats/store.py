"""The statistics store: one SQLite file ``<data_dir>/stats.sqlite`` written whole by each stats ingest.

A write builds a new file next to the served one and moves it into place in one step (``os.replace``), so a reader
never sees a half-written store; readers open it read-only per query.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

from knowledge.stats.models import CONFIDENCE_RANK, Observation, StatNote

STORE_FILE = "stats.sqlite"
SCHEMA_VERSION = "1"

_COLUMNS = (
    "series_id", "indicator", "unit", "period", "period_kind", "region", "breakdown_kind", "breakdown", "measure",
    "value", "source", "source_url", "table_id", "release_date", "confidence", "preliminary", "note", "origin",
)
_SCHEMA = f"""
CREATE TABLE observations (
    series_id TEXT NOT NULL, indicator TEXT NOT NULL, unit TEXT NOT NULL, period TEXT NOT NULL,
    period_kind TEXT NOT NULL, region TEXT NOT NULL, breakdown_kind TEXT NOT NULL, breakdown TEXT NOT NULL,
    measure TEXT NOT NULL, value REAL NOT NULL, source TEXT NOT NULL, source_url TEXT, table_id TEXT,
    release_date TEXT, confidence TEXT NOT NULL, preliminary INTEGER NOT NULL, note TEXT NOT NULL, origin TEXT NOT NULL,
    PRIMARY KEY (series_id, period, region, breakdown_kind, breakdown, measure)
);
CREATE INDEX obs_indicator ON observations (indicator, region, breakdown_kind);
CREATE TABLE notes (id TEXT PRIMARY KEY, text TEXT NOT NULL, indicator TEXT, months TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');
"""


def stats_path(data_dir: Path) -> Path:
    return data_dir / STORE_FILE


def merge_observations(groups: Iterable[Sequence[Observation]]) -> tuple[list[Observation], list[Observation]]:
    """One observation per key: the more authoritative confidence wins (공식 > 카탈로그 > 계산 > 보도 > 미확인),
    a later group wins a tie (a newly dropped release over the bundled one). Returns (kept, superseded)."""
    kept: dict[tuple[str, ...], Observation] = {}
    superseded: list[Observation] = []
    for group in groups:
        for obs in group:
            old = kept.get(obs.key())
            if old is None:
                kept[obs.key()] = obs
            elif CONFIDENCE_RANK[obs.confidence] >= CONFIDENCE_RANK[old.confidence]:
                kept[obs.key()] = obs
                superseded.append(old)
            else:
                superseded.append(obs)
    return list(kept.values()), superseded


class StatsStoreMissing(RuntimeError):
    """No statistics store yet (``goyong ingest --source stats`` has not run)."""


class StatsStore:
    """Read and (re)write the statistics store at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def at(cls, data_dir: Path) -> StatsStore:
        return cls(stats_path(data_dir))

    def exists(self) -> bool:
        return self.path.is_file()

    # ---- writing -------------------------------------------------------------------------------------------------
    def write(self, observations: Sequence[Observation], notes: Sequence[StatNote], meta: dict[str, str]) -> None:
        """Replace the whole store with these rows (atomically)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        try:
            with closing(sqlite3.connect(tmp)) as con:
                con.executescript(_SCHEMA)
                con.executemany(
                    f"INSERT INTO observations VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [_row(o) for o in observations],
                )
                con.executemany(
                    "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?)",
                    [(n.id, n.text, n.indicator, json.dumps(n.months), n.source) for n in notes],
                )
                con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(meta.items()))
                con.commit()
            os.replace(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)

    # ---- reading -------------------------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if not self.exists():
            raise StatsStoreMissing(f"통계 저장소가 없습니다: {self.path} — `goyong ingest --source stats`를 먼저 실행하세요")
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        con.row_factory = sqlite3.Row
        return con

    def query(
        self,
        *,
        series_id: str | None = None,
        indicator: str | None = None,
        regions: Sequence[str] | None = None,
        breakdown_kind: str | None = None,
        breakdowns: Sequence[str] | None = None,
        measures: Sequence[str] | None = ("value",),
        period_kinds: Sequence[str] | None = None,
        period_from: str | None = None,
        period_to: str | None = None,
    ) -> list[Observation]:
        """Observations matching every given filter, ordered by period, region, breakdown."""
        where: list[str] = []
        args: list[Any] = []
        for column, value in (("series_id", series_id), ("indicator", indicator), ("breakdown_kind", breakdown_kind)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        for column, values in (("region", regions), ("breakdown", breakdowns), ("measure", measures),
                               ("period_kind", period_kinds)):
            if values is not None:
                where.append(f"{column} IN ({', '.join('?' * len(values))})")
                args.extend(values)
        if period_from:
            where.append("period >= ?")
            args.append(period_from)
        if period_to:
            where.append("period <= ?")
            args.append(period_to)
        sql = "SELECT * FROM observations" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY period, region, breakdown_kind, breakdown, measure"
        with closing(self._connect()) as con:
            return [_observation(r) for r in con.execute(sql, args)]

    def labels(self, series_id: str, breakdown_kind: str) -> list[str]:
        """Distinct breakdown labels of a series (e.g. every 업종 of the open-postings counts)."""
        with closing(self._connect()) as con:
            rows = con.execute(
                "SELECT DISTINCT breakdown FROM observations WHERE series_id = ? AND breakdown_kind = ? "
                "AND breakdown != '' ORDER BY breakdown",
                (series_id, breakdown_kind),
            )
            return [r[0] for r in rows]

    def notes(self, indicator: str | None = None) -> list[StatNote]:
        with closing(self._connect()) as con:
            rows = con.execute("SELECT * FROM notes ORDER BY id").fetchall()
        out = [StatNote(id=r["id"], text=r["text"], indicator=r["indicator"], months=json.loads(r["months"]),
                        source=r["source"]) for r in rows]
        return [n for n in out if indicator is None or n.indicator in (None, indicator)]

    def meta(self) -> dict[str, str]:
        with closing(self._connect()) as con:
            return {r[0]: r[1] for r in con.execute("SELECT key, value FROM meta")}

    def count(self) -> int:
        with closing(self._connect()) as con:
            return int(con.execute("SELECT COUNT(*) FROM observations").fetchone()[0])


def _row(o: Observation) -> tuple[Any, ...]:
    d = o.model_dump()
    d["release_date"] = o.release_date.isoformat() if o.release_date else None
    d["preliminary"] = int(o.preliminary)
    return tuple(d[c] for c in _COLUMNS)


def _observation(r: sqlite3.Row) -> Observation:
    d = {c: r[c] for c in _COLUMNS}
    d["release_date"] = date.fromisoformat(d["release_date"]) if d["release_date"] else None
    d["preliminary"] = bool(d["preliminary"])
    return Observation.model_validate(d)
