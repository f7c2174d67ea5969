"""The gold profiles (written from the law, not from the engine) and the screening's scores on them."""

from __future__ import annotations

from pathlib import Path

import yaml

from graphs.capabilities.program_screening.evaluate import GOLD_PATH, evaluate, load_gold
from graphs.capabilities.program_screening.screen import parts_for

THRESHOLDS = Path(__file__).resolve().parents[4] / "evals" / "thresholds.yaml"
LINES = {part.line_id for audience in ("seeker", "employer") for _, part in parts_for(audience)}  # type: ignore[arg-type]


def test_the_gold_set_is_big_enough_and_names_known_lines() -> None:
    gold = load_gold()
    assert len(gold.profiles) >= 30
    assert len({g.id for g in gold.profiles}) == len(gold.profiles)
    for g in gold.profiles:
        assert set(g.expect) <= LINES, g.id
        assert set(g.decides) <= {k for k, v in g.expect.items() if v == "unknown"}, g.id
    decisions = {d for g in gold.profiles for d in g.expect.values()}
    assert decisions == {"eligible", "ineligible", "unknown"}


def test_scores_meet_the_thresholds() -> None:
    report = evaluate(GOLD_PATH)
    floors = {k: v["min"] for k, v in yaml.safe_load(THRESHOLDS.read_text(encoding="utf-8"))["thresholds"].items()
              if k.startswith("program_screening.")}
    assert set(floors) == {"program_screening.decision_accuracy", "program_screening.missing_accuracy",
                           "program_screening.next_question_accuracy"}
    got = report.model_dump()
    for metric, floor in floors.items():
        assert got[metric.split(".", 1)[1]] >= floor, (metric, report.failures)
    assert report.lines_n >= 90 and report.missing_n >= 15 and report.asked_n >= 10
