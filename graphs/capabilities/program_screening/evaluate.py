"""How well the screening agrees with the gold profiles (``gold/profiles.yaml``, written from the law and the fact
sheet, never from the engine's output).

* decision accuracy — share of gold (profile, line) pairs whose line has the expected ✅/❌/❓;
* missing accuracy — share of gold ❓ lines (with ``decides``) that are ❓ and ask one of the deciding facts first;
* next-question accuracy — share of profiles with ``ask`` whose one next question is among the facts that decide the
  most open lines (``ask: []``: no question).

Run: ``python -m graphs.capabilities.program_screening.evaluate [--json]``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from graphs.capabilities.program_screening.models import LineDecision, ScreenReport
from graphs.capabilities.program_screening.screen import Audience, screen
from graphs.capabilities.registry import EvalFailure
from graphs.profile import Profile

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "profiles.yaml"


class GoldProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    said: str = Field(min_length=1)
    audience: Audience = "seeker"
    profile: Profile
    expect: dict[str, LineDecision] = Field(min_length=1)
    decides: dict[str, list[str]] = Field(default_factory=dict)
    ask: list[str] | None = None
    why: str = Field(min_length=1)


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    today: date
    profiles: list[GoldProfile]


@cache
def load_gold(path: Path = GOLD_PATH) -> GoldFile:
    return GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


class ScreeningEval(BaseModel):
    today: date
    profiles_n: int
    lines_n: int
    decision_accuracy: float
    missing_n: int
    missing_accuracy: float
    asked_n: int
    next_question_accuracy: float
    by_line: dict[str, str] = Field(default_factory=dict)  # line → "correct/total"
    failures: list[EvalFailure] = Field(default_factory=list)


def problems(gold: GoldProfile, report: ScreenReport) -> tuple[list[str], int, int, int]:
    """What differs from the gold: problem texts, correct decisions, correct deciding facts, next question right."""
    found: list[str] = []
    decisions = facts = 0
    for line_id, expected in gold.expect.items():
        line = report.line(line_id)
        got = line.decision if line else "absent"
        if got == expected:
            decisions += 1
        else:
            found.append(f"{line_id}: {got} (기대 {expected})")
    for line_id, allowed in gold.decides.items():
        line = report.line(line_id)
        first = line.missing[0].field if line and line.decision == "unknown" and line.missing else None
        if first in allowed:
            facts += 1
        else:
            found.append(f"{line_id} 확인할 것: {first} (기대 {' | '.join(allowed)})")
    asked = 0
    if gold.ask is not None:
        field = report.next_question.field if report.next_question else None
        if (field is None and not gold.ask) or field in gold.ask:
            asked = 1
        else:
            found.append(f"다음 질문: {field} (기대 {' | '.join(gold.ask) or '없음'})")
    return found, decisions, facts, asked


def evaluate(path: Path = GOLD_PATH, *, today: date | None = None) -> ScreeningEval:
    """Screen every gold profile as of the gold's date (or ``today``) and compare."""
    gold = load_gold(path)
    day = today or gold.today
    lines_n = decisions = missing_n = facts = asked_n = asked = 0
    by_line: dict[str, list[int]] = {}
    failures: list[EvalFailure] = []
    for g in gold.profiles:
        report = screen(g.profile, today=day, audience=g.audience)
        found, d, f, a = problems(g, report)
        lines_n += len(g.expect)
        decisions += d
        missing_n += len(g.decides)
        facts += f
        if g.ask is not None:
            asked_n += 1
            asked += a
        for line_id, expected in g.expect.items():
            line = report.line(line_id)
            tally = by_line.setdefault(line_id, [0, 0])
            tally[0] += int(line is not None and line.decision == expected)
            tally[1] += 1
        if found:
            failures.append(EvalFailure(id=g.id, detail=f"{g.said} → " + "; ".join(found)))
    return ScreeningEval(
        today=day,
        profiles_n=len(gold.profiles),
        lines_n=lines_n,
        decision_accuracy=round(decisions / lines_n, 4) if lines_n else 0.0,
        missing_n=missing_n,
        missing_accuracy=round(facts / missing_n, 4) if missing_n else 0.0,
        asked_n=asked_n,
        next_question_accuracy=round(asked / asked_n, 4) if asked_n else 0.0,
        by_line={k: f"{v[0]}/{v[1]}" for k, v in by_line.items()},
        failures=failures,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="제도 한눈에 골드셋 평가")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate()
    if args.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
        return 0
    out: list[str] = [
        f"판정 {report.decision_accuracy:.1%} ({report.lines_n}줄) · 확인할 사실 {report.missing_accuracy:.1%} "
        f"({report.missing_n}줄) · 다음 질문 {report.next_question_accuracy:.1%} ({report.asked_n}개)",
        *(f"  {k}: {v}" for k, v in report.by_line.items()),
        *(f"✘ {f.id}: {f.detail}" for f in report.failures),
    ]
    sys.stdout.write("\n".join(out) + "\n")
    return 0



if __name__ == "__main__":
    sys.exit(main())
