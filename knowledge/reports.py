"""Run reports (ingest, eval, bench) as JSON files under the data dir, written atomically."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel


def save_report(reports_dir: Path, name: str, report: BaseModel) -> Path:
    """Write ``report`` to ``reports_dir/<name>.json`` through a temporary file, so a reader never sees half of
    it (a run rewriting its report as it goes, or a killed run, leaves the previous complete version)."""
    reports_dir.mkdir(parents=True, exist_ok=True)
    target = reports_dir / f"{name}.json"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(target)
    return target
