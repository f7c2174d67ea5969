"""``goyong screen --profile profile.json [--json]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def _profile(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_screen_prints_one_row_per_program(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _profile(tmp_path, {"age": 29, "separation_reason": "voluntary", "household_size": 3,
                               "household_income_monthly": 4_000_000})
    assert main(["screen", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "| 구직급여(실업급여) | ❌ 해당 안 됨 |" in out and "근거 조문" in out
    assert "다음으로 여쭤볼 것" in out


def test_screen_json_and_citizen_view(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _profile(tmp_path, {"age": 76})
    assert main(["screen", "--profile", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    card = next(ln for ln in data["lines"] if ln["program"] == "learning_card")
    assert card["decision"] == "ineligible" and "75" in card["reason"]
    assert main(["screen", "--profile", str(path), "--role", "citizen"]) == 0
    assert "근거 조문" not in capsys.readouterr().out


def test_screen_employer_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _profile(tmp_path, {"age": 27, "employer_insured_count": 7})
    assert main(["screen", "--profile", str(path), "--json"]) == 0
    assert [ln["program"] for ln in json.loads(capsys.readouterr().out)["lines"]] == ["youth_job_leap.employer"]


def test_screen_rejects_a_bad_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--profile", str(_profile(tmp_path, {"age": "마흔"}))]) == 2
    assert "age" in capsys.readouterr().err
    assert main(["screen", "--profile", str(tmp_path / "none.json")]) == 2
