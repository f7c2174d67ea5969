"""The screening takes every decision, amount and question from the eligibility engine, one line per program."""

from __future__ import annotations

from datetime import date

import pytest

from graphs.capabilities.program_screening.models import ScreenLine
from graphs.capabilities.program_screening.screen import (
    EMPLOYER_PROGRAMS,
    audience_of,
    next_question,
    parts_for,
    screen,
    short,
)
from graphs.eligibility import PROGRAMS, check_eligibility
from graphs.eligibility.models import MissingFact
from graphs.profile import Profile

DAY = date(2026, 12, 1)
# the counselor example: 45세, 권고사직, 고용보험 8년, 월급 280만원, 4인 가구 월소득 300만원
P45 = Profile(age=45, separation_reason="recommended_resignation", insured_period_days=2922, monthly_wage=2_800_000,
              household_size=4, household_income_monthly=3_000_000)
ENGINE = {"eligible": "eligible", "ineligible": "ineligible", "need_more_info": "unknown"}


def test_every_seeker_program_has_a_line_and_no_employer_program() -> None:
    report = screen(P45, today=DAY)
    programs = {ln.program.split(".")[0] for ln in report.lines}
    assert programs == set(PROGRAMS) - EMPLOYER_PROGRAMS
    assert [ln.name for ln in report.lines if ln.program.startswith("national_employment_support")] == [
        "국민취업지원제도 Ⅰ유형", "국민취업지원제도 Ⅱ유형"]


def test_an_employer_sees_the_employer_programs_only() -> None:
    boss = Profile(employer_insured_count=7, employer_priority_support=True, region="제주시", age=27)
    assert audience_of(boss) == "employer"
    assert audience_of(Profile(age=30), "우리 회사에서 청년을 채용했는데 받을 수 있는 지원금 다 알려줘") == "employer"
    assert audience_of(Profile(age=30), "사장님이 월급을 안 줘서 그만뒀어요") == "seeker"
    report = screen(boss, today=DAY, audience="employer")
    assert [ln.program for ln in report.lines] == ["youth_job_leap.employer"]


def test_decisions_are_the_engines() -> None:
    report = screen(P45, today=DAY)
    for program in ("unemployment_benefit", "learning_card"):
        line = report.line(program)
        assert line is not None
        assert line.decision == ENGINE[check_eligibility(program, P45, today=DAY).decision]
    nes = check_eligibility("national_employment_support", P45, today=DAY)
    type2 = nes.sub("national_employment_support.type2")
    assert type2 is not None and report.line("national_employment_support.type2").decision == ENGINE[type2.decision]  # type: ignore[union-attr]


def test_the_amount_is_the_engines_with_unit_and_year() -> None:
    line = screen(P45, today=DAY).line("unemployment_benefit")
    assert line is not None
    result = check_eligibility("unemployment_benefit", P45, today=DAY)
    daily, days = result.amount("구직급여일액"), result.amount("소정급여일수")
    assert daily is not None and days is not None
    assert line.amount is not None
    assert f"1일 {daily.value:,}원" in line.amount and f"{days.value}일" in line.amount
    assert f"({daily.year}년 기준)" in line.amount


def test_an_open_line_asks_the_engines_first_missing_fact() -> None:
    line = screen(P45, today=DAY).line("unemployment_benefit")
    result = check_eligibility("unemployment_benefit", P45, today=DAY)
    assert line is not None and line.decision == "unknown"
    assert line.missing[0] == result.missing[0]
    assert line.missing[0].question in line.text()


def test_a_failed_requirement_is_named_with_its_article() -> None:
    quit_ = Profile(age=29, separation_reason="voluntary", unit_period_days=300, separation_date=date(2026, 9, 30))
    line = screen(quit_, today=DAY).line("unemployment_benefit")
    assert line is not None and line.decision == "ineligible"
    assert "자발적 이직" in line.reason and "제58조" in line.article
    assert line.amount is None and not line.missing


def test_no_early_reemployment_allowance_without_a_benefit_entitlement() -> None:
    """고용보험법 제64조①: paid to a 수급자격자 — the engine decides it, the screening shows the engine's line."""
    short_ = Profile(age=42, separation_reason="recommended_resignation", unit_period_days=150,
                     separation_date=date(2026, 11, 1))
    assert check_eligibility("early_reemployment", short_, today=DAY).decision == "ineligible"
    line = screen(short_, today=DAY).line("early_reemployment")
    assert line is not None and line.decision == "ineligible"
    assert "수급자격" in line.reason and "제64조" in line.article


def _open(name: str, *fields: str) -> ScreenLine:
    return ScreenLine(program=name, name=name, decision="unknown", reason="", detail="",
                      missing=[MissingFact(field=f, question=f"{f}?") for f in fields])


def test_the_next_question_decides_the_most_open_lines() -> None:
    lines = [_open("a", "separation_reason", "age"), _open("b", "age", "household_assets"),
             _open("c", "age", "household_income_pct")]
    q = next_question(lines)
    assert q is not None and q.field == "age" and q.settles == ["b", "c"] and q.concerns == ["a", "b", "c"]


def test_ties_go_to_the_earliest_program_and_nothing_open_asks_nothing() -> None:
    q = next_question([_open("a", "separation_date"), _open("b", "reemployed")])
    assert q is not None and q.field == "separation_date"
    done = ScreenLine(program="x", name="x", decision="eligible", reason="", detail="")
    assert next_question([done]) is None


def test_an_empty_profile_asks_what_both_employment_support_types_need() -> None:
    q = screen(Profile(), today=DAY).next_question
    assert q is not None and q.field in {"age", "household_income_pct"}
    assert set(q.settles) == {"국민취업지원제도 Ⅰ유형", "국민취업지원제도 Ⅱ유형"}


def test_engine_warnings_and_unverified_figures_are_passed_on() -> None:
    """2027 has no published figures in the rules: the engine warns, the screening shows it first."""
    report = screen(P45, today=date(2027, 3, 2))
    assert any("2027년" in w for w in report.warnings)
    assert "국민내일배움카드" in report.flagged  # the extra limit rests on conflicting sources


def test_every_line_offers_a_detail_question_per_program() -> None:
    questions = [part.detail_name for _, part in parts_for("seeker")]
    assert questions[0] == "구직급여" and len(questions) == len(set(questions))


@pytest.mark.parametrize(("text", "cut"), [
    ("피보험 단위기간 150일 — 기준 180일 이상 → 미충족 (30일 부족). 다른 직장이 있으면 합산됩니다.",
     "피보험 단위기간 150일 — 기준 180일 이상 (30일 부족)"),
    ("현직 공무원과 사립학교 교직원은 국민내일배움카드 발급 대상에서 제외됩니다.",
     "현직 공무원과 사립학교 교직원은 국민내일배움카드 발급 대상에서 제외됩니다"),
])
def test_reasons_are_cut_to_their_first_sentence(text: str, cut: str) -> None:
    assert short(text) == cut
