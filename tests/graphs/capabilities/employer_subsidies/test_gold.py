"""The hand-computed employer cases (gold/cases.yaml): decisions, amounts, failed rules and questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from graphs.capabilities.employer_subsidies import EmployerFacts, screen_employer

GOLD = Path(__file__).resolve().parents[4] / "graphs/capabilities/employer_subsidies/gold/cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["cases"]


def test_gold_set_size_and_calc() -> None:
    assert len(CASES) >= 25
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["calc"].strip(), case["id"]
    programs = {p for case in CASES for p in case["expect"]}
    assert programs == {
        "youth_job_leap", "senior_continued_employment", "parental_employment_stability", "employment_promotion",
    }  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    today = case["today"] if isinstance(case["today"], date) else date.fromisoformat(case["today"])
    report = screen_employer(EmployerFacts.model_validate(case["facts"]), today=today)
    for program_id, expect in case["expect"].items():
        screen = report.program(program_id)
        assert screen is not None, program_id
        assert screen.decision == expect["decision"], (program_id, [r.text for r in screen.reasons])
        amounts = {a.name: a.value for a in screen.amounts}
        for name, value in (expect.get("amounts") or {}).items():
            assert amounts.get(name) == value, (program_id, name, amounts)
        for name in expect.get("absent_amounts") or []:
            assert name not in amounts, (program_id, name)
        failed = {r.rule_id for r in screen.failed}
        for rule_id in expect.get("failed") or []:
            assert rule_id in failed, (program_id, rule_id, failed)
        asked = {m.field for m in screen.missing}
        for path in expect.get("missing") or []:
            assert path in asked, (program_id, path, asked)
