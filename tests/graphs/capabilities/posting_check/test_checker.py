"""The checker's pure functions, with figures taken from the law and policy-facts §6 (not from the checker)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graphs.capabilities.posting_check import CheckReport, Finding, check_posting
from graphs.capabilities.posting_check.checker import (
    legal_minimum_break,
    monthly_hours,
    parse_amount_range,
    parse_schedule,
    parse_won,
    weaker,
)
from graphs.capabilities.posting_check.render import marked_text, report_text
from graphs.capabilities.posting_check.ruleset import MinWageRule, load_rules


def _min_wage_rule() -> MinWageRule:
    rule = next(r for r in load_rules() if r.id == "min_wage")
    assert isinstance(rule, MinWageRule)
    return rule


def _only(report: CheckReport, rule_id: str) -> Finding:
    found = [f for f in report.findings if f.rule_id == rule_id]
    assert len(found) == 1, report.findings
    return found[0]


# ------------------------------------------------------------------------------------------- amounts and hours


@pytest.mark.parametrize(
    ("raw", "won"),
    [
        ("10,320원", 10_320),
        ("1만원", 10_000),
        ("1만 500원", 10_500),
        ("260만원", 2_600_000),
        ("2,600만원", 26_000_000),
        ("2,000,000원", 2_000_000),
        ("3천만원", 30_000_000),
        ("1억 2천만원", 120_000_000),
        ("10", None),  # a bare number is not money
        ("1회", None),
    ],
)
def test_parse_won(raw: str, won: int | None) -> None:
    assert parse_won(raw) == won


def test_a_range_takes_its_unit_from_the_upper_end() -> None:
    assert parse_amount_range("200~230만원") == (2_000_000, 2_300_000)
    assert parse_amount_range("10,320원~12,000원") == (10_320, 12_000)


def test_monthly_hours_follow_the_decree() -> None:
    rule = _min_wage_rule()
    # 최저임금법 시행령 제5조: (주 소정근로 + 주휴) × 365/7/12 — 40 h → 209 h (policy-facts §6.4 월 환산 209h)
    assert monthly_hours(40, rule) == 209
    assert monthly_hours(52, rule) == 209  # 연장근로 is not 소정근로
    assert monthly_hours(20, rule) == 104  # (20 + 4) × 4.345
    assert monthly_hours(12, rule) == 52  # under 15 h/week: no 주휴 (근로기준법 제18조③)


def test_legal_minimum_break() -> None:
    # 근로기준법 제54조: 4시간 30분 이상, 8시간 1시간 이상 (the span includes the break)
    assert legal_minimum_break(9) == 1.0
    assert legal_minimum_break(8) == 0.5
    assert legal_minimum_break(4) == 0.0


def test_schedule_from_days_span_and_break() -> None:
    s = parse_schedule("근무: 주 6일 06:30~18:30 (휴게 1시간)")
    assert (s.days_per_week, s.daily_hours, s.weekly_hours, s.break_assumed) == (6, 11, 66, False)
    night = parse_schedule("22:00~07:00 (휴게 1시간), 주 5일")
    assert night.weekly_hours == 40
    split = parse_schedule("10:00~22:00 (브레이크타임 15:00~17:00), 주 5일")
    assert split.daily_hours == 10
    stated = parse_schedule("주 60시간 근무")
    assert stated.weekly_hours == 60 and stated.weekly_stated
    assert parse_schedule("월~금 09:00~18:00").weekly_hours == 40
    assert parse_schedule("24시간 격일제").weekly_hours is None


# ------------------------------------------------------------------------------------------- minimum wage


def test_minimum_wage_comes_from_the_facts_table() -> None:
    assert "최저임금: 2025년 시간급 10,030원" in check_posting("시급 10,030원", year=2025).notes[0]
    assert "최저임금: 2026년 시간급 10,320원" in check_posting("시급 10,320원", year=2026).notes[0]
    # 2027 is not in the table ([2ND] only) → the latest known year, said so
    later = check_posting("시급 10,320원", year=2027)
    assert "2026년 시간급 10,320원" in later.notes[0]
    assert "2027년 최저임금이 자료에 없어 2026년 금액으로 비교했습니다." in later.notes


@pytest.mark.parametrize(
    ("text", "year", "flagged"),
    [
        ("시급 10,320원", 2026, False),
        ("시급 10,319원", 2026, True),
        ("시급 10,100원", 2025, False),
        ("시급 10,100원", 2026, True),
        ("월급 2,156,880원, 주 5일 09:00~18:00 (휴게 1시간)", 2026, False),  # 10,320 × 209
        ("월급 2,156,870원, 주 5일 09:00~18:00 (휴게 1시간)", 2026, True),
        ("월 210만원, 주 5일 09:00~18:00 (휴게 1시간)", 2025, False),  # ≥ 2,096,270
        ("월 210만원, 주 5일 09:00~18:00 (휴게 1시간)", 2026, True),
        ("일당 82,560원, 09:00~18:00 (휴게 1시간)", 2026, False),  # 8 h × 10,320
        ("일당 8만원, 09:00~18:00 (휴게 1시간)", 2026, True),
        ("연봉 2,600만원, 주 40시간", 2026, False),  # ÷ 12 = 2,166,667
        ("연봉 2,600만원 (퇴직금 포함), 주 40시간", 2026, True),  # ÷ 13 = 2,000,000
        ("식대 월 20만원 별도, 시급 10,500원", 2026, False),  # an allowance is not the wage
    ],
)
def test_minimum_wage_by_year_and_pay_kind(text: str, year: int, flagged: bool) -> None:
    report = check_posting(text, year=year)
    assert ("min_wage" in report.rule_ids) is flagged
    if flagged:
        assert _only(report, "min_wage").severity == "위반"


def test_part_time_monthly_pay_counts_the_weekly_holiday() -> None:
    # 주 20시간 → (20 + 4) × 365/7/12 ≈ 104 h × 10,320 = 1,073,280 > 1,000,000
    finding = _only(check_posting("주 20시간 근무 / 월 100만원", year=2026), "min_wage")
    assert finding.severity == "위반" and "1,073,280" in finding.suggestion


def test_overtime_premium_makes_it_a_question_not_a_violation() -> None:
    text = "주 6일 09:00~19:00 (휴게 1시간) / 월 230만원"  # 54 h: covers 209 h, not 14 h × 1.5
    assert _only(check_posting(text, year=2026), "min_wage").severity == "확인 필요"
    # 연장수당 paid on top → only the 209 h are compared
    assert "min_wage" not in check_posting(text + " (연장수당 별도)", year=2026).rule_ids


def test_unknown_hours_monthly_is_a_question() -> None:
    finding = _only(check_posting("월 180만원", year=2026), "min_wage")
    assert finding.severity == "확인 필요" and "주 40시간" in finding.explanation


# ------------------------------------------------------------------------------------------- working time


def test_working_time_limit_and_its_exceptions() -> None:
    text = "주 6일 09:00~20:00 (휴게 1시간)"  # 10 h × 6 = 60 h > 52 (제50조 + 제53조)
    assert _only(check_posting(text, year=2026), "work_hours").severity == "위반"
    assert _only(check_posting(text, year=2026, employees=4), "work_hours").severity == "권고"  # 제11조
    assert _only(check_posting("감귤 수확 " + text, year=2026), "work_hours").severity == "확인 필요"  # 제63조
    assert _only(check_posting("주 5일 10:00~22:00", year=2026), "work_hours").severity == "확인 필요"  # no break
    assert "work_hours" not in check_posting("주 6일 08:00~17:00 (휴게 1시간)", year=2026).rule_ids  # 48 h
    assert "work_hours" not in check_posting("주 52시간 이내", year=2026).rule_ids


# ------------------------------------------------------------------------------------------- lexicon rules


def test_personal_info_depends_on_the_employer_size() -> None:
    text = "이력서에 부모님 직업과 결혼 여부를 적어 주세요"
    assert {f.severity for f in check_posting(text, year=2026).findings} == {"확인 필요"}
    assert {f.severity for f in check_posting(text, year=2026, employees=30).findings} == {"위반"}
    small = check_posting(text, year=2026, employees=29)
    assert {f.severity for f in small.findings} == {"권고"}
    assert "적용되지 않습니다" in small.findings[0].explanation


def test_lawful_exceptions() -> None:
    # 청소년 보호법 minimum age: not an age limit
    assert check_posting("만 19세 이상 (청소년 보호법상 주류 취급)", year=2026).findings == []
    # 정년 (제4조의5 제3호) → 확인 필요
    assert _only(check_posting("만 60세 미만 (정년 60세)", year=2026), "age").severity == "확인 필요"
    # 적극적 고용개선조치 → 확인 필요; a statement without a sex condition → nothing
    aa = _only(check_posting("여성 우대 (적극적 고용개선조치)", year=2026), "gender")
    assert aa.severity == "확인 필요" and aa.exception == "affirmative_action"
    assert check_posting("당사는 적극적 고용개선조치 대상 사업장입니다. 성별 무관", year=2026).findings == []


@pytest.mark.parametrize(
    "text",
    ["경력 3년 이상", "야간근무 가능자", "보건증 소지자", "운전면허 1종 보통", "성별 무관, 연령 무관", "병역: 군필 또는 면제"],
)
def test_ordinary_requirements_are_not_flagged(text: str) -> None:
    assert check_posting(text, year=2026).findings == []


def test_spans_are_exact_and_marked() -> None:
    text = "[제주] 홀 직원 / 20~30대 우대 / 여성만 / 시급 1만원"
    report = check_posting(text, year=2026)
    assert [f.rule_id for f in report.findings] == ["age", "gender", "min_wage"]
    for f in report.findings:
        assert text[f.start : f.end] == f.quote
    assert marked_text(report) == "[제주] 홀 직원 / 【20~30대 우대】 / 【여성만】 / 【시급 1만원】"
    rendered = report_text(report)
    assert "[위반] 연령 제한" in rendered and "수정 제안" in rendered and "1350" in rendered


def test_report_rejects_a_span_that_does_not_quote_the_text() -> None:
    good = check_posting("여성만", year=2026)
    bad = good.findings[0].model_copy(update={"start": 1, "end": 4, "quote": "성만x"})
    with pytest.raises(ValidationError):
        CheckReport(text="여성만", year=2026, findings=[bad])


def test_weaker() -> None:
    assert weaker("위반", "확인 필요") == "확인 필요"
    assert weaker("권고", "위반") == "권고"
