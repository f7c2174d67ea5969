"""Screening behaviour that is not one number: statuses, flags, questions, rule data, rendering and the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from graphs.capabilities.employer_subsidies import (
    EmployerFacts,
    ParentalLeave,
    SeniorEmployment,
    YouthHire,
    report_text,
    screen_employer,
    summary_lines,
)
from graphs.capabilities.employer_subsidies.ruleset import RULE_MODELS, fact_paths, load_program_rules
from graphs.capabilities.employer_subsidies.screen import capital_region

TODAY = date(2026, 3, 2)


def test_rules_load_and_questions_name_facts() -> None:
    for program in RULE_MODELS:
        rules = load_program_rules(program)
        assert set(rules.questions) <= fact_paths()
        assert rules.article and rules.source


def test_jeju_places_are_not_capital_region() -> None:
    assert capital_region(EmployerFacts(region="애월읍")) is False
    assert capital_region(EmployerFacts(region="제주특별자치도 서귀포시")) is False
    assert capital_region(EmployerFacts(region="인천 남동구")) is True
    assert capital_region(EmployerFacts(region="대전")) is None
    assert capital_region(EmployerFacts(region="서울", capital_region=False)) is False


def test_empty_facts_ask_and_never_decide() -> None:
    report = screen_employer(EmployerFacts(), today=TODAY)
    assert [p.status for p in report.programs] == ["❓", "❓", "❓", "❓"]
    for p in report.programs:
        assert p.missing, p.program
        assert all(m.field in fact_paths() for m in p.missing)


def test_conflict_and_unverified_amounts_are_flagged() -> None:
    facts = EmployerFacts(
        insured_count=20,
        region="제주시",
        senior=SeniorEmployment(
            retirement_age_system=True, system_years=2, measure="정년연장", senior_ratio_percent=10, workers=1
        ),
    )
    report = screen_employer(facts, today=TODAY)
    senior = report.program("senior_continued_employment")
    assert senior is not None and senior.flagged
    assert any(a.confidence == "conflict" for a in senior.amounts)
    assert any("[CONFLICT]" in n for n in senior.notes)
    promotion = report.program("employment_promotion")
    assert promotion is not None and promotion.flagged  # 월 60만원 is [UNVERIFIED]
    line = next(s for s in summary_lines(report) if "고령자" in s)
    assert line.startswith("✅") and "⚠️" in line and "1,440만원" in line


def test_ineligible_shows_no_amount_and_names_the_failed_condition() -> None:
    facts = EmployerFacts(
        priority_support=False, employees=700, parental=ParentalLeave(kind="육아휴직", days=90)
    )
    parental = screen_employer(facts, today=TODAY).program("parental_employment_stability")
    assert parental is not None
    assert parental.status == "❌" and not parental.amounts and not parental.missing
    assert "우선지원대상기업" in parental.summary


def test_youth_questions_use_employer_fact_paths() -> None:
    facts = EmployerFacts(priority_support=True, insured_count=9, region="제주시", youth=YouthHire(age=29))
    youth = screen_employer(facts, today=TODAY).program("youth_job_leap")
    assert youth is not None and youth.decision == "need_more_info"
    assert {m.field for m in youth.missing} == {"youth.full_time", "youth.months_employed"}
    assert any("480만원" in n for n in youth.notes)  # the youth's own 근속 인센티브 is mentioned


def test_report_text_has_one_line_per_program_then_details() -> None:
    text = report_text(screen_employer(EmployerFacts(region="서귀포시"), today=TODAY))
    head = text.split("\n\n")[1].splitlines()
    assert len(head) == 4 and all(line[0] in "✅❌❓" for line in head)
    assert "근거:" in text and "☎1350" in text


def test_unknown_program_is_an_error() -> None:
    with pytest.raises(ValueError, match="valid ids"):
        screen_employer(EmployerFacts(), today=TODAY, programs=("nope",))


def test_cli_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "employer.json"
    path.write_text(
        json.dumps(
            {
                "priority_support": True,
                "employees": 12,
                "parental": {"kind": "근로시간단축", "days": 120, "consecutive_months": 4},
            }
        ),
        encoding="utf-8",
    )
    assert main(["employer-subsidies", "--facts", str(path), "--date", "2026-03-02"]) == 0
    out = capsys.readouterr().out
    assert "✅ 출산육아기 고용안정장려금 — 근로시간 단축 지원금 120만원" in out
    assert main(["employer-subsidies", "--facts", str(path), "--date", "2026-03-02", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    parental = next(p for p in data["programs"] if p["program"] == "parental_employment_stability")
    assert parental["decision"] == "eligible"
    assert {a["name"]: a["value"] for a in parental["amounts"]}["근로시간 단축 지원금 합계"] == 1_200_000


def test_cli_bad_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"employees": -3}', encoding="utf-8")
    assert main(["employer-subsidies", "--facts", str(path)]) == 2
    assert "employees" in capsys.readouterr().err
