"""Rule files as data: validation errors name the file and key; the public API and helpers."""

from __future__ import annotations

import ast
import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from graphs.eligibility import (
    PROGRAMS,
    MissingFact,
    RuleFileError,
    check_eligibility,
    load_rule_file,
    validate_all_rules,
)
from graphs.eligibility.common import add_months, compact_won, select_year
from graphs.eligibility.ruleset import RULES_DIR, UnemploymentRules, YouthJobLeapRules
from graphs.profile import Profile

PACKAGE_DIR = RULES_DIR.parent


def _raw(name: str) -> dict[str, Any]:
    data = yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, data: Any, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------- API


def test_programs_and_their_korean_names() -> None:
    assert PROGRAMS == {
        "unemployment_benefit": "구직급여",
        "early_reemployment": "조기재취업수당",
        "national_employment_support": "국민취업지원제도",
        "learning_card": "국민내일배움카드",
        "youth_job_leap": "청년일자리도약장려금",
    }
    for program, name in PROGRAMS.items():
        result = check_eligibility(program, Profile(), today=date(2026, 11, 21))
        assert result.program == program and result.program_name == name


def test_unknown_program_lists_valid_ids() -> None:
    with pytest.raises(ValueError) as err:
        check_eligibility("basic_income", Profile(), today=date(2026, 11, 21))
    message = str(err.value)
    assert "basic_income" in message
    assert all(program in message for program in PROGRAMS)


def test_bundled_rule_files_validate_and_yaml_names_match() -> None:
    assert validate_all_rules() == list(PROGRAMS)
    for program, name in PROGRAMS.items():
        assert _raw(program)["name"] == name


def test_missing_fact_must_name_a_profile_field() -> None:
    with pytest.raises(ValidationError):
        MissingFact(field="favourite_colour", question="무슨 색을 좋아하세요?")


def test_evaluators_hold_no_policy_numbers() -> None:
    # Only formatting/structural constants may appear in code; every threshold and amount is in rules/*.yaml.
    allowed = {0, 1, 2, 3, 4, 12, 100, 10_000, 100_000_000}
    for path in PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        numbers = {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant)
            and isinstance(n.value, int | float)
            and not isinstance(n.value, bool)
        }
        assert numbers <= allowed, f"{path.name}: {sorted(numbers - allowed)}"


# ------------------------------------------------------------------------------------------- YAML errors


def test_missing_key_names_file_and_key(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    del data["yearly"][2026]["daily_cap"]["confidence"]
    path = _write(tmp_path, data)
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path, UnemploymentRules)
    assert "broken.yaml" in str(err.value)
    assert "yearly.2026.daily_cap.confidence" in str(err.value)


def test_wrong_type_and_unknown_confidence(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    data["unit_period"]["value"] = "백팔십"
    data["benefit_rate"]["confidence"] = "rumour"
    with pytest.raises(RuleFileError) as err:
        load_rule_file(_write(tmp_path, data), UnemploymentRules)
    assert "unit_period.value" in str(err.value) and "benefit_rate.confidence" in str(err.value)


def test_typo_key_is_rejected(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    data["unit_period"]["efective_to"] = None
    with pytest.raises(RuleFileError, match=r"unit_period\.efective_to"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_inconsistent_cap_is_rejected(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    data["yearly"][2026]["daily_cap"]["value"] = 68_000  # 113,500 × 60% = 68,100
    with pytest.raises(RuleFileError, match="daily_cap 68000"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_minimum_wage_comes_from_the_facts_module(tmp_path: Path) -> None:
    """하한액's 최저임금 is read from knowledge/facts (policy-facts §6.4: 2024 9,860원, 2025 10,030원, 2026 10,320원);
    a copy in the rule file is refused, and a rule year the facts table lacks is named."""
    fig = load_rule_file(RULES_DIR / "unemployment_benefit.yaml", UnemploymentRules).yearly
    assert {y: f.min_wage_hourly.value for y, f in fig.items()} == {2024: 9860, 2025: 10030, 2026: 10320}
    assert fig[2026].min_wage_hourly.effective_from == date(2026, 1, 1)
    data = _raw("unemployment_benefit")
    data["yearly"][2026]["min_wage_hourly"] = {"label": "최저임금", "value": 10320}
    with pytest.raises(RuleFileError, match=r"min_wage_hourly: 최저임금 lives in knowledge/facts"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)
    data = _raw("unemployment_benefit")
    data["yearly"][2023] = data["yearly"][2024]
    with pytest.raises(RuleFileError, match="no 2023"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_benefit_day_bands_must_ascend(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    bands = data["benefit_days"]["bands"]
    bands[1], bands[2] = copy.deepcopy(bands[2]), copy.deepcopy(bands[1])
    with pytest.raises(RuleFileError, match="benefit_days"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_every_separation_reason_needs_a_rule(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    del data["separation_reasons"]["voluntary"]
    with pytest.raises(RuleFileError, match="voluntary"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_period_must_be_ordered(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    data["unit_period"]["effective_to"] = date(2019, 1, 1)
    with pytest.raises(RuleFileError, match="unit_period"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_questions_must_name_profile_fields(tmp_path: Path) -> None:
    data = _raw("unemployment_benefit")
    data["questions"]["shoe_size"] = "신발 사이즈가 어떻게 되세요?"
    with pytest.raises(RuleFileError, match="shoe_size"):
        load_rule_file(_write(tmp_path, data), UnemploymentRules)


def test_overlapping_versions_are_rejected(tmp_path: Path) -> None:
    data = _raw("youth_job_leap")
    data["versions"][1]["effective_to"] = date(2026, 2, 1)
    with pytest.raises(RuleFileError, match="overlap"):
        load_rule_file(_write(tmp_path, data), YouthJobLeapRules)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit_period: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="bad.yaml: invalid YAML"):
        load_rule_file(bad, UnemploymentRules)
    with pytest.raises(RuleFileError, match="nope.yaml"):
        load_rule_file(tmp_path / "nope.yaml", UnemploymentRules)
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("42\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="expected a mapping"):
        load_rule_file(scalar, UnemploymentRules)


# ------------------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), -3, date(2025, 12, 31)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
        (date(2024, 5, 31), -3, date(2024, 2, 29)),
        (date(2025, 3, 31), 12, date(2026, 3, 31)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (400_000_000, "4억원"),
        (150_000_000, "1억 5,000만원"),
        (600_000, "60만원"),
        (66_048, "66,048원"),
        (0, "0원"),
    ],
)
def test_compact_won(value: int, text: str) -> None:
    assert compact_won(value) == text


def test_select_year_falls_back_with_a_note() -> None:
    table = {2025: "a", 2026: "b"}
    assert select_year(table, 2026) == (2026, "b", None)
    year, value, note = select_year(table, 2027)
    assert (year, value) == (2026, "b") and note is not None and "2027년" in note
    year, value, note = select_year(table, 2023)
    assert (year, value) == (2025, "a") and note is not None
