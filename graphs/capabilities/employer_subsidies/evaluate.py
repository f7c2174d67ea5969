"""Scores of the employer screening on the hand-computed gold cases (``gold/cases.yaml``, written from
policy-facts §4 and the corpus documents): per-program decisions, the amounts that must appear, the rules that must
fail and the facts that must be asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from graphs.capabilities.employer_subsidies.models import EmployerFacts
from graphs.capabilities.registry import EvalFailure

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "cases.yaml"


class GoldReport(BaseModel):
    cases: int
    decisions_n: int
    decision_accuracy: float
    amounts_n: int
    amount_accuracy: float
    failed_n: int
    failed_recall: float
    missing_n: int
    missing_recall: float
    failures: list[EvalFailure] = Field(default_factory=list)


def _ratio(ok: int, n: int) -> float:
    return ok / n if n else 1.0


def load_cases(path: Path = GOLD_PATH) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return cases


def evaluate_gold(path: Path = GOLD_PATH) -> GoldReport:
    """Every gold case screened as of its own date, compared program by program."""
    from graphs.capabilities.employer_subsidies import screen_employer

    cases = load_cases(path)
    counts = {k: [0, 0] for k in ("decision", "amount", "failed", "missing")}  # [ok, n]
    failures: list[EvalFailure] = []
    for case in cases:
        today = case["today"] if isinstance(case["today"], date) else date.fromisoformat(str(case["today"]))
        report = screen_employer(EmployerFacts.model_validate(case["facts"]), today=today)
        for program_id, expect in case["expect"].items():
            screen = report.program(program_id)
            problems: list[str] = []
            decided = screen.decision if screen else None
            counts["decision"][1] += 1
            if decided == expect["decision"]:
                counts["decision"][0] += 1
            else:
                problems.append(f"판정 {decided} (기대 {expect['decision']})")
            amounts = {a.name: a.value for a in screen.amounts} if screen else {}
            for name, value in (expect.get("amounts") or {}).items():
                counts["amount"][1] += 1
                if amounts.get(name) == value:
                    counts["amount"][0] += 1
                else:
                    problems.append(f"{name} {amounts.get(name)} (기대 {value})")
            failed = {r.rule_id for r in screen.failed} if screen else set()
            for rule_id in expect.get("failed") or []:
                counts["failed"][1] += 1
                if rule_id in failed:
                    counts["failed"][0] += 1
                else:
                    problems.append(f"미충족 규칙 {rule_id} 없음")
            asked = {m.field for m in screen.missing} if screen else set()
            for field in expect.get("missing") or []:
                counts["missing"][1] += 1
                if field in asked:
                    counts["missing"][0] += 1
                else:
                    problems.append(f"물어볼 것 {field} 없음")
            if problems:
                failures.append(EvalFailure(id=f"{case['id']}/{program_id}", detail="; ".join(problems)))
    return GoldReport(
        cases=len(cases),
        decisions_n=counts["decision"][1],
        decision_accuracy=_ratio(*counts["decision"]),
        amounts_n=counts["amount"][1],
        amount_accuracy=_ratio(*counts["amount"]),
        failed_n=counts["failed"][1],
        failed_recall=_ratio(*counts["failed"]),
        missing_n=counts["missing"][1],
        missing_recall=_ratio(*counts["missing"]),
        failures=failures,
    )
