"""`goyong posting check FILE|TEXT [--year] [--employees] [--json]` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

POSTING = "홀 직원 모집 / 20~30대 우대 / 여성만 / 시급 10,100원 / 주 5일 11:00~20:00 (휴게 1시간)"


def test_text_json_for_the_posting_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["posting", "check", POSTING, "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["rule_id"] for f in data["findings"]} == {"age", "gender", "min_wage"}
    for f in data["findings"]:
        assert POSTING[f["start"] : f["end"]] == f["quote"]
    # the same pay was lawful in 2025 (10,100 ≥ 10,030)
    assert main(["posting", "check", POSTING, "--year", "2025", "--json"]) == 0
    assert "min_wage" not in {f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_file_and_employees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "posting.txt"
    path.write_text("사무직 채용\n이력서에 결혼 여부 기재\n", encoding="utf-8")
    assert main(["posting", "check", str(path), "--employees", "45", "--year", "2026"]) == 0
    text = capsys.readouterr().out
    assert "[위반] 직무와 무관한 개인정보 요구" in text and "【결혼 여부】" in text and "제4조의3" in text
    assert main(["posting", "check", str(path), "--employees", "10", "--year", "2026"]) == 0
    assert "[권고]" in capsys.readouterr().out


def test_clean_posting_and_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["posting", "check", "경력 3년 이상, 운전면허 1종 보통, 월 260만원", "--year", "2026"]) == 0
    assert "찾지 못했습니다" in capsys.readouterr().out
    assert main(["posting", "check", "   "]) == 2
    assert main(["posting", "check", "여성만", "--employees", "0"]) == 2
