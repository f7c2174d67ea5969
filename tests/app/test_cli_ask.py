"""``goyong ask``: the Markdown of a capability's blocks on the terminal, and the blocks themselves with ``--json``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli import main
from ingest.stats import run_stats_ingest
from knowledge import config
from tests.conftest import TODAY, make_settings


@pytest.fixture(scope="module")
def data_dir(index_copy: Callable[[str], Path]) -> Path:
    data = index_copy("cli-ask")
    assert run_stats_ingest(make_settings(data), today=TODAY).ok
    return data


@pytest.fixture
def cli_env(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GOYONG_DATA_DIR", str(data_dir))
    monkeypatch.setenv("GOYONG_TODAY", TODAY.isoformat())
    config.get_settings.cache_clear()
    yield data_dir
    config.get_settings.cache_clear()


def test_ask_prints_the_trend_answer_and_json_has_the_chart_block(cli_env: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "제주 고용률 추이", "--role", "counselor"]) == 0
    captured = capsys.readouterr()
    assert "고용률" in captured.out and "📊 차트:" in captured.out and "route trends" in captured.err
    assert main(["ask", "제주 고용률 추이", "--role", "counselor", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"] == "trends"
    kinds = [b["kind"] for b in data["blocks"]]
    assert "chart" in kinds and "markdown" in kinds
    chart = next(b for b in data["blocks"] if b["kind"] == "chart")
    assert chart["figure"]["data"] and chart["title"]


def test_ask_json_of_a_posting_check_lists_the_findings(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    question = "다음 공고 점검해줘: 편의점 야간 알바 구함. 남자만, 25세 이하. 시급 9,500원."
    assert main(["ask", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"] == "posting_check"
    (findings,) = [b for b in data["blocks"] if b["kind"] == "findings"]
    rules = {f["rule"] for f in findings["items"]}
    assert {"성별 제한", "연령 제한", "최저임금 미달"} <= rules
    assert all(f["rewrite"] and f["article"] for f in findings["items"])


def test_ask_json_of_a_job_search_has_the_jobs_and_their_table(cli_env: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "서귀포 호텔 일자리", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["route"] == "job_search" and data["jobs"]
    tables = [b for b in data["blocks"] if b["kind"] == "table"]
    assert len(tables) == 1 and len(tables[0]["rows"]) == len(data["jobs"])
    assert data["answer"].count("\n1. **") == 1  # the CLI text keeps the numbered list
