"""Draft behaviour beyond the gold set: conditions given directly, the number guard, parsing pieces, the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.cli import main
from graphs.capabilities.posting_draft import DraftConditions, draft_posting, result_text
from graphs.capabilities.posting_draft.compose import unsupported_numbers
from graphs.capabilities.posting_draft.parse import parse_request, parse_times, parse_workdays

TODAY = date(2026, 3, 2)


def test_conditions_given_directly() -> None:
    cond = DraftConditions(
        job="리조트 프런트",
        city="서귀포시",
        district="중문동",
        pay_kind="월급",
        pay_amount=2_500_000,
        employment_type="정규직",
        days_per_week=5,
        start_time="07:00",
        end_time="16:00",
        break_text="1시간",
        headcount=2,
        qualifications=["영어 회화 가능"],
        benefits=["기숙사 제공", "통근버스 운행"],
    )
    result = draft_posting(cond, today=TODAY, employees=60)
    assert result.keco is not None and result.keco.code == "521201"
    assert result.report.clean and result.report.employees == 60
    assert result.missing == []
    for line in (
        "월급 2,500,000원",
        "07:00~16:00 (휴게시간 1시간)",
        "기숙사 제공",
        "통근버스 운행",
        "영어 회화 가능",
    ):
        assert line in result.text


def test_no_figure_is_invented_when_nothing_is_given() -> None:
    result = draft_posting("구인공고 초안 작성해줘", today=TODAY)
    assert result.keco is None
    assert set(result.missing) == {"임금", "근무지역", "고용형태", "근무요일", "근무시간", "모집인원"}
    assert unsupported_numbers(result.text, result.conditions, result.keco) == []
    assert "직종코드: 고용24에서 선택" in result.text


def test_number_guard_catches_a_stray_figure() -> None:
    cond = DraftConditions(pay_kind="월급", pay_amount=2_600_000)
    assert unsupported_numbers("월급 2,600,000원, 주 5일", cond, None) == ["5"]
    assert unsupported_numbers("고용24 · 4대 보험 · 월급 2,600,000원", cond, None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00~18:00", ("09:00", "18:00")),
        ("9시~6시", ("09:00", "18:00")),
        ("오후 2시부터 10시까지", ("14:00", "22:00")),
        ("오후 10시부터 오전 8시", ("22:00", "08:00")),
        ("22:00~06:00", ("22:00", "06:00")),
        ("9시 반~6시", ("09:30", "18:00")),
    ],
)
def test_times(text: str, expected: tuple[str, str]) -> None:
    found = parse_times(text)
    assert found is not None and found[:2] == expected


def test_workdays() -> None:
    assert parse_workdays("월~금 근무") == ("월~금", 5)
    assert parse_workdays("월·수·금") == ("월·수·금", 3)
    assert parse_workdays("주말만") == ("주말", 2)
    assert parse_workdays("주 5일") is None  # read by the NLU hours reader


def test_parse_pay_range_headcount_and_employees() -> None:
    cond, removed = parse_request(
        "식당 조리사 3명 채용, 월 280~320만원, 상시 근로자 25명, 경력 2년 이상", today=TODAY
    )
    assert (cond.pay_kind, cond.pay_amount, cond.pay_max) == ("월급", 2_800_000, 3_200_000)
    assert cond.headcount == 3 and cond.employees == 25
    assert removed == []


def test_usual_requirement_is_a_hint_not_a_condition() -> None:
    result = draft_posting("요양보호사 구인 공고, 월 250만원, 서귀포", today=TODAY)
    assert "자격·면허: 필요 없음" in result.text
    assert any("요양보호사 자격증 필수" in h for h in result.hints)


def test_result_text_shows_check_and_removed() -> None:
    text = result_text(draft_posting("홀서빙 30세 이하 여성 구함 시급 9000원 연동", today=TODAY))
    assert "[위반] 최저임금 미달" in text
    assert "요청에서 뺀 조건" in text and "30세 이하" in text
    assert "30세 이하" not in text.split("─" * 20)[0]


def test_cli_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    request = "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포"
    assert main(["posting", "draft", request, "--year", "2026"]) == 0
    out = capsys.readouterr().out
    assert "■ 모집직종" in out and "월급 2,600,000원" in out and "561102" in out
    assert main(["posting", "draft", request, "--year", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["keco"]["code"] == "561102"
    assert [s["key"] for s in data["draft"]["sections"]][0] == "모집직종"
    assert data["report"]["findings"] == []


def test_cli_rejects_bad_employees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["posting", "draft", "카페 알바", "--employees", "0"]) == 2
    assert "--employees" in capsys.readouterr().err
