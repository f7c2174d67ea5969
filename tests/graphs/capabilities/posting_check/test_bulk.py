"""Bulk mode (every catalog posting checked, counts per rule, the worst postings), the lookup by 고용24 id, and
where an admin sees it: `goyong posting check --id/--catalog`, after `goyong ingest --source jobs`, the admin's
ingest message."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app import admin
from app.cli import main
from graphs.capabilities import registry
from graphs.capabilities.posting_check.bulk import (
    check_catalog,
    latest_report,
    posting_text,
    save_catalog_report,
    summary_line,
)
from graphs.capabilities.posting_check.capability import id_request, run
from graphs.capabilities.registry import CapabilityRequest
from graphs.nlu import understand
from knowledge.base import KnowledgeBase
from knowledge.schemas import JobPosting

TODAY = date(2026, 11, 21)


def job(job_id: str, title: str, content: str = "", **kw: Any) -> JobPosting:
    base: dict[str, Any] = {"id": job_id, "title": title, "company": "테스트상사", "region": "제주시",
                            "employment_type": "정규직", "wage_type": "월급", "wage_min": 2_600_000,
                            "reg_date": date(2026, 11, 1), "job_content": content}
    return JobPosting.model_validate({**base, **kw})


# Written from the articles (고령자고용법 제4조의4, 남녀고용평등법 제7조, 최저임금법 제6조) and how flawed ads read.
FLAWED_AGE = job("K100000000001", "홀서빙 직원 모집", "35세 이하 지원 가능, 주 5일 근무")
FLAWED_GENDER_AGE = job("K100000000002", "객실 정리 직원", "여성만 지원 가능. 40세 미만. 용모 단정한 분")
FLAWED_WAGE = job("K100000000003", "편의점 야간 아르바이트", "야간 매장 관리", employment_type="시간제",
                  wage_type="시급", wage_min=9_000)  # 2026 최저임금 시간급 10,320원 미만
CLEAN = job("K100000000004", "감귤 선별 작업자", "감귤 선별과 포장, 경력 무관")
CLEAN_NAME = job("K100000000005", "렌터카 카운터 직원", "고객 응대, 차량 인도", company="(주)지미모빌리티")


def test_posting_text_holds_the_catalog_fields() -> None:
    text = posting_text(FLAWED_WAGE)
    assert "편의점 야간 아르바이트" in text and "시급 9,000원" in text and "직무내용: 야간 매장 관리" in text


def test_counts_per_rule_and_the_worst_postings() -> None:
    report = check_catalog([FLAWED_AGE, FLAWED_GENDER_AGE, FLAWED_WAGE, CLEAN, CLEAN_NAME], today=TODAY)
    assert report.postings == 5 and report.flagged == 3
    age, gender, wage = report.rule("age"), report.rule("gender"), report.rule("min_wage")
    assert age is not None and age.postings == 2
    assert gender is not None and gender.postings == 1
    assert wage is not None and wage.postings == 1 and wage.by_severity.get("위반") == 1
    assert {r.rule_id for r in report.rules} >= {"age", "gender", "min_wage", "work_hours", "personal_info"}
    assert report.worst[0].id == "K100000000002"  # the most 위반 first
    assert {w.id for w in report.worst} == {"K100000000001", "K100000000002", "K100000000003"}
    assert "5건 중 3건" in summary_line(report) and "연령 제한 2건" in summary_line(report)
    assert len(check_catalog([FLAWED_AGE, FLAWED_GENDER_AGE], today=TODAY, worst=1).worst) == 1


def test_a_company_name_is_not_a_looks_requirement() -> None:
    assert check_catalog([CLEAN_NAME], today=TODAY).flagged == 0  # "지미모빌리티" holds "미모"


def test_report_file_round_trip(tmp_path: Path) -> None:
    report = check_catalog([FLAWED_AGE, CLEAN], today=TODAY, run_id="20261121T000000")
    path = save_catalog_report(report, tmp_path)
    assert path.name == "posting-check-20261121T000000.json"
    loaded = latest_report(tmp_path)
    assert loaded is not None and loaded.flagged == 1 and loaded.run_id == "20261121T000000"


def test_job_by_id_in_the_ingested_catalog(full_kb: KnowledgeBase) -> None:
    first = next(full_kb.jobs())
    assert full_kb.job(first.id) == first
    assert full_kb.job(f" {first.id.lower()} ") == first
    assert full_kb.job("K000000000000") is None


# ---- chat --------------------------------------------------------------------------------------------------------
def test_an_id_request_is_claimed() -> None:
    for text in ("K161612611171066 공고 점검해줘", "공고 K161612611171066 문제 없는지 봐 줘"):
        assert id_request(text) == "K161612611171066"
        cap = registry.claim(text, understand(text, today=TODAY), "counselor")
        assert cap is not None and cap.name == "posting_check"
    assert id_request("K161612611171066 공고 인재 추천해줘") is None


def test_chat_checks_a_catalog_posting_for_counselors(full_kb: KnowledgeBase) -> None:
    first = next(full_kb.jobs())
    text = f"{first.id} 공고 점검해줘"
    counselor = run(CapabilityRequest(text=text, role="counselor", today=TODAY, kb=full_kb))
    assert first.id in counselor.markdown() and "구인공고 점검" in counselor.markdown()
    assert counselor.remember is not None and counselor.remember["text"] == posting_text(first)
    citizen = run(CapabilityRequest(text=text, role="citizen", today=TODAY, kb=full_kb))
    assert "상담사용" in citizen.markdown() and "구인공고 점검" not in citizen.markdown()
    missing = run(CapabilityRequest(text="K000000000000 공고 점검해줘", role="counselor", today=TODAY, kb=full_kb))
    assert "없습니다" in missing.markdown()


# ---- CLI and admin -----------------------------------------------------------------------------------------------
@pytest.fixture
def data_dir(index_copy: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path: Path = index_copy("posting-bulk")
    monkeypatch.setenv("GOYONG_DATA_DIR", str(path))
    monkeypatch.setenv("GOYONG_TODAY", TODAY.isoformat())
    from knowledge.config import get_settings

    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()
    shutil.rmtree(path, ignore_errors=True)


def test_cli_catalog_and_id(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["posting", "check", "--catalog", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["postings"] > 100 and len(data["rules"]) >= 8
    assert Path(data["report_file"]).is_file() and Path(data["report_file"]).parent == data_dir / "reports"
    assert main(["posting", "check", "--catalog"]) == 0
    assert "규칙 | 공고 수" in capsys.readouterr().out
    with _open(data_dir) as kb:
        some_id = next(kb.jobs()).id
    assert main(["posting", "check", "--id", some_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == some_id
    assert main(["posting", "check", "--id", "K000000000000"]) == 2
    assert main(["posting", "check"]) == 2


class _open:
    """The copied index, opened for one read and closed (a context manager)."""

    def __init__(self, data_dir: Path) -> None:
        from tests.conftest import make_settings

        self.kb = KnowledgeBase.open(make_settings(data_dir), warm=False)

    def __enter__(self) -> KnowledgeBase:
        return self.kb

    def __exit__(self, *exc: object) -> None:
        self.kb.close()


def test_ingest_of_jobs_ends_with_the_posting_check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--source", "jobs"]) == 0
    out = capsys.readouterr().out
    assert "공고 점검:" in out and "posting-check-" in out
    assert list((data_dir / "reports").glob("posting-check-*.json"))


def test_admin_ingest_message_shows_the_counts(data_dir: Path) -> None:
    with _open(data_dir) as kb:
        report = admin.IngestManager().run(kb)
    table = admin.report_table(report)
    assert "공고 점검:" in table and "| 연령 제한 |" in table and "| 최저임금 미달 |" in table
