"""The whole eval, in-process on the session's full bundled index, must meet ``evals/thresholds.yaml``.

No timing is asserted here (latency figures are reported by ``goyong eval`` / ``goyong bench`` only).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.gold import REFERENCE_DATE, SET_NAMES
from evals.runner import EvalReport, load_thresholds, run_eval, save_report
from knowledge.base import KnowledgeBase

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(full_kb: KnowledgeBase) -> Iterator[EvalReport]:
    yield run_eval(full_kb, SET_NAMES, today=REFERENCE_DATE)


def _details(report: EvalReport) -> str:
    lines = list(report.threshold_failures)
    for part in (report.eligibility, report.answers, report.search, report.routing):
        for failure in getattr(part, "failures", [])[:15]:
            lines.append(f"  {failure.id}: {failure.detail}")
    return "\n".join(lines)


def test_every_set_ran(report: EvalReport) -> None:
    assert report.errors == {}
    assert report.sets == list(SET_NAMES)
    modes = {m.mode for m in report.retrieval.modes} if report.retrieval else set()
    assert modes == {"sparse", "dense", "hybrid"}  # the embedded default has a dense leg
    for name in ("retrieval.hybrid.recall@5", "routing.slot_f1", "eligibility.exact_match",
                 "answers.fact_coverage", "answers.forbidden_rate", "search.filter_violations", "latency.turn_p95_ms"):
        assert name in report.metrics


def test_meets_thresholds(report: EvalReport) -> None:
    thresholds = load_thresholds()
    assert {"eligibility.exact_match", "search.filter_violations", "answers.forbidden_rate"} <= set(thresholds)
    assert report.passed, "기준 미달:\n" + _details(report)


def test_hard_guarantees(report: EvalReport) -> None:
    assert report.search is not None and report.search.filter_violations == 0, _details(report)
    assert report.answers is not None and report.answers.forbidden_count == 0, _details(report)
    assert report.eligibility is not None and report.eligibility.exact_match == 1.0, _details(report)


def test_report_is_written_as_json(report: EvalReport, tmp_path: Path) -> None:
    path = save_report(report, tmp_path / "reports")
    assert path.name.startswith("eval-") and path.suffix == ".json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["reference_date"] == REFERENCE_DATE.isoformat()
    assert data["metrics"]["eligibility.exact_match"] == report.metrics["eligibility.exact_match"]
    assert data["machine"]["cores"] >= 1
