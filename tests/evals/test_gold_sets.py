"""The gold sets themselves: sizes, references that exist, boundary coverage, and self-consistent arithmetic."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from evals.gold import (
    ISSUE10_TAGS,
    EligibilityItem,
    load_answers,
    load_eligibility,
    load_retrieval,
    load_routing,
    load_search,
)
from graphs.eligibility.models import PROGRAMS
from knowledge.config import CORPUS_DIR

CITED = re.compile(r"제\d+조|별표|고시|지침|2차 자료|2ND|§|보도|동아일보")
ROUTES = {"eligibility", "job_search", "training_search", "policy_qa", "crisis", "out_of_scope", "greeting"}
TRACKS = {
    "national_employment_support": {"type1_requirement", "type1_selection", "type1_youth", "type2"},
    "youth_job_leap": {"employer", "youth"},
}


def _headings() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in (CORPUS_DIR / "policies").glob("*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        out[path.stem] = {line[3:].strip() for line in lines if line.startswith("## ")}
    return out


def test_sizes_meet_the_brief() -> None:
    assert len(load_retrieval()) >= 100
    assert len(load_routing()) >= 120
    assert sum(1 for i in load_routing() if i.route is not None) >= 120
    assert len(load_eligibility()) >= 60
    assert len(load_answers()) >= 50
    assert len(load_search()) >= 30


def test_retrieval_items_point_at_existing_documents_and_sections() -> None:
    headings = _headings()
    for item in load_retrieval():
        assert item.doc in headings, item.id
        assert all(doc in headings for doc in item.also), item.id
        if item.section is not None:
            assert item.section in headings[item.doc], f"{item.id}: {item.section}"
    covered = {i.doc for i in load_retrieval()}
    assert covered == set(headings), f"documents without a question: {set(headings) - covered}"


def test_retrieval_questions_are_not_copied_from_the_documents() -> None:
    texts = " ".join(p.read_text(encoding="utf-8") for p in (CORPUS_DIR / "policies").glob("*.md"))
    for item in load_retrieval():
        assert item.q not in texts, f"{item.id} copies a document sentence"


def test_routing_items_use_known_routes_and_programs() -> None:
    for item in load_routing():
        assert item.route is None or item.route in ROUTES, item.id
        assert item.program is None or item.program in PROGRAMS, item.id
        if item.route is None:
            assert item.expecting, f"{item.id}: a follow-up needs the field being asked"
        if item.program is not None:
            assert item.route in ("eligibility", "policy_qa"), item.id
    routes = {i.route for i in load_routing()}
    assert ROUTES <= routes


def test_eligibility_cases_are_complete_and_arithmetic_is_consistent() -> None:
    for item in load_eligibility():
        assert item.program in PROGRAMS, item.id
        assert len(item.calc) > 20, f"{item.id}: write the hand computation"
        assert CITED.search(item.calc), f"{item.id}: cite the article (or the source) the computation rests on"
        assert set(item.expect.tracks) <= TRACKS.get(item.program, set()), item.id
        amounts = item.expect.amounts
        if "최대 총액" in amounts:
            assert amounts["구직급여일액"] * amounts["소정급여일수"] == amounts["최대 총액"], item.id
        if "조기재취업수당" in amounts:
            remaining = item.profile.remaining_benefit_days
            assert remaining is not None and amounts["구직급여일액"] * remaining // 2 == amounts["조기재취업수당"], item.id
        if "구직촉진수당 총액(가산 포함)" in amounts and "부양가족 가산 월액" in amounts:
            monthly = 500_000 if item.today.year == 2025 else 600_000
            assert (monthly + amounts["부양가족 가산 월액"]) * 6 == amounts["구직촉진수당 총액(가산 포함)"], item.id


@pytest.mark.parametrize(
    "what",
    ["unit 179/180", "age 49/50", "2025/2026 separation", "floors", "caps", "disability", "assets 4억/5억",
     "income 60/100/120", "youth special"],
)
def test_eligibility_set_covers_the_boundaries(what: str) -> None:
    items = load_eligibility()
    ub = [i for i in items if i.program == "unemployment_benefit"]
    nes = [i for i in items if i.program == "national_employment_support"]
    amounts = [v for i in ub for k, v in i.expect.amounts.items() if k == "구직급여일액"]
    checks = {
        "unit 179/180": {i.profile.unit_period_days for i in ub} >= {179, 180},
        "age 49/50": {i.profile.age for i in ub} >= {49, 50},
        "2025/2026 separation": {i.profile.separation_date.year for i in ub if i.profile.separation_date} >= {2025, 2026},
        "floors": {64_192, 66_048} <= set(amounts),
        "caps": {66_000, 68_100} <= set(amounts),
        "disability": any(i.profile.disabled and (i.profile.age or 0) < 50 for i in ub),
        "assets 4억/5억": {i.profile.household_assets for i in nes} >= {400_000_000, 400_000_001, 500_000_001},
        "income 60/100/120": {i.profile.household_income_pct for i in nes} >= {60, 61, 100, 101, 110},
        "youth special": any(i.expect.tracks.get("type1_youth") == "eligible" for i in nes),
    }
    assert checks[what]


def test_answers_and_search_sets_are_well_formed() -> None:
    for answer in load_answers():
        assert answer.must, answer.id
    kinds = {i.kind for i in load_search()}
    assert kinds == {"jobs", "training"}
    for request in load_search():
        filters = request.job_filters() if request.kind == "jobs" else request.training_filters()
        assert filters is not None


def test_gold_files_live_in_the_package() -> None:
    gold = Path(__file__).resolve().parents[2] / "evals" / "gold"
    assert {p.stem for p in gold.glob("*.yaml")} >= {"retrieval", "routing", "eligibility", "answers", "search"}


# ============================================================================================== issue 10
# Hand tables used to re-check the gold arithmetic (never the system): policy-facts §12 기준 중위소득 (월, 원),
# §1.3 구직급여 1일 하한(8시간)·상한, §1.2 고용보험법 별표1.
MEDIAN_INCOME = {
    2025: {1: 2_392_013, 2: 3_932_658, 3: 5_025_353, 4: 6_097_773, 5: 7_108_192, 6: 8_064_805},
    2026: {1: 2_564_238, 2: 4_199_292, 3: 5_359_036, 4: 6_494_738, 5: 7_556_719, 6: 8_555_952},
}
DAILY_FLOOR = {2025: 64_192, 2026: 66_048}
DAILY_CAP = {2025: 66_000, 2026: 68_100}
# (years up to, under 50, 50 or over / disabled)
BYEOL1 = ((1, 120, 120), (3, 150, 180), (5, 180, 210), (10, 210, 240), (None, 240, 270))


def _tagged(items: list[Any]) -> list[Any]:
    return [i for i in items if i.tags]


def test_issue10_sets_meet_the_brief() -> None:
    assert len(_tagged(load_answers())) >= 60
    assert len(_tagged(load_routing())) >= 40
    assert len(_tagged(load_eligibility())) >= 30


def test_issue10_every_class_has_items_where_it_can_fail() -> None:
    where: dict[str, set[str]] = {tag: set() for tag in ISSUE10_TAGS}
    sets: dict[str, list[Any]] = {"answers": load_answers(), "routing": load_routing(),
                                  "eligibility": load_eligibility(), "search": load_search()}
    for name, items in sets.items():
        for item in items:
            for tag in item.tags:
                where[tag].add(name)
    assert all(where.values()), {t for t, w in where.items() if not w}
    for tag in ("d1", "d2", "d3", "d4", "d5", "d6", "d8", "d9"):  # the rules' errors: hand-computed profiles
        assert "eligibility" in where[tag], tag
    for tag in ISSUE10_TAGS:  # every class is also asked as a person would ask it
        assert "answers" in where[tag], tag
    for tag in ("just_cause", "start_date", "topic_switch", "slang", "field", "d3", "d2", "d9"):
        assert "routing" in where[tag], tag
    assert "search" in where["field"]


def test_issue10_items_test_what_their_class_is_about() -> None:
    hangul = re.compile(r"[가-힣]")
    for answer in load_answers():
        if {"topic_switch", "profile_memory"} & set(answer.tags):
            assert answer.turns, answer.id
        if "non_korean" in answer.tags:
            assert any("1577" in p for p in answer.must) and not hangul.search(answer.q), answer.id
        if "just_cause" in answer.tags:
            assert "❌" in answer.must_not, answer.id
        if "d8" in answer.tags:
            assert answer.must_not, answer.id
    for utterance in load_routing():
        if "topic_switch" in utterance.tags:
            assert utterance.expecting and utterance.route, utterance.id
        if "start_date" in utterance.tags:
            assert "profile.employment_start_year" in utterance.slots, utterance.id
        if "just_cause" in utterance.tags:
            assert utterance.slots.get("profile.separation_reason") == "voluntary_justified", utterance.id
    for case in load_eligibility():
        p, e = case.profile, case.expect
        tags = set(case.tags)
        if "d1" in tags:
            assert "unit_period_days" in e.asks or (e.decision == "ineligible" and e.explains), case.id
        if "d2" in tags:
            assert p.prior_insured_days and p.prior_benefit_paid is not None and p.prior_gap_days is not None, case.id
        if "d3" in tags:
            assert p.military_service_months, case.id
        if "d6" in tags:
            assert e.warnings and case.today.year == 2027, case.id
        if "d8" in tags:
            assert e.decision == "ineligible" and "최대 총액" in e.absent_amounts, case.id
        if "d9" in tags:
            assert p.household_size and p.household_income_monthly and p.household_income_pct is None, case.id
        if "just_cause" in tags:
            assert p.just_cause and e.decision == "eligible", case.id


def _full_years(start: date, separation: date) -> int:
    """Calendar years insured from the 취득일 through the 이직일 (N years = up to the day before the same date)."""
    lost = separation + timedelta(days=1)
    return lost.year - start.year - ((lost.month, lost.day) < (start.month, start.day))


def _years_from_days(days: int) -> int | None:
    """Whole years in a day count when every calendar placement agrees, else None (N years = 365N + 윤일 수)."""
    shortest = longest = 0
    for n in range(1, 40):
        leap_min, leap_max = n // 4, -(-n // 4)
        if days >= 365 * n + leap_max:
            shortest = n
        if days >= 365 * n + leap_min:
            longest = n
    return shortest if shortest == longest else None


def _benefit_days(years: int, age: int, disabled: bool) -> int:
    for bound, young, old in BYEOL1:
        if bound is None or years < bound:
            return old if age >= 50 or disabled else young
    raise AssertionError("unreachable")


def _insured_years(case: EligibilityItem) -> int | None:
    p = case.profile
    if p.employment_start_date and p.separation_date:
        current = (p.separation_date - p.employment_start_date).days + 1
        prior_counts = bool(p.prior_insured_days) and p.prior_benefit_paid is False and (p.prior_gap_days or 0) <= 1095
        if not prior_counts:
            return _full_years(p.employment_start_date, p.separation_date)
        return _years_from_days(current + (p.prior_insured_days or 0))
    return _years_from_days(p.insured_period_days) if p.insured_period_days is not None else None


def test_issue10_benefit_days_and_daily_amounts_agree_with_the_hand_tables() -> None:
    checked = 0
    for case in _tagged(load_eligibility()):
        p, amounts = case.profile, case.expect.amounts
        if case.program != "unemployment_benefit" or "소정급여일수" not in amounts:
            continue
        years = _insured_years(case)
        assert years is not None, f"{case.id}: the insured period must fall clearly in one 별표1 band"
        assert amounts["소정급여일수"] == _benefit_days(years, p.age or 0, bool(p.disabled)), case.id
        year = p.separation_date.year if p.separation_date else 0
        if "구직급여일액" in amounts and year in DAILY_FLOOR:
            if p.avg_daily_wage is not None:
                candidates = {int(p.avg_daily_wage * 0.6)}
            else:  # 평균임금 = 3 months' wage ÷ the calendar days of the 3 months before the day after separation
                assert p.monthly_wage is not None and p.separation_date is not None, case.id
                lost = p.separation_date + timedelta(days=1)
                month = lost.month - 3
                begin = lost.replace(year=lost.year - 1, month=month + 12) if month <= 0 else lost.replace(month=month)
                candidates = {int(p.monthly_wage * 3 // (lost - begin).days * 0.6)}
            clamped = {min(max(c, DAILY_FLOOR[year]), DAILY_CAP[year]) for c in candidates}
            assert clamped == {amounts["구직급여일액"]}, case.id
        checked += 1
    assert checked >= 15


def test_issue10_household_income_shares_agree_with_the_median_table() -> None:
    for case in _tagged(load_eligibility()):
        p, tracks = case.profile, case.expect.tracks
        if "d9" not in case.tags:
            continue
        assert p.household_size and p.household_income_monthly
        pct = p.household_income_monthly / MEDIAN_INCOME[case.today.year][p.household_size] * 100
        if tracks.get("type1_requirement") == "eligible":
            assert pct <= 60, case.id
        if pct > 60:
            assert tracks.get("type1_requirement", "ineligible") == "ineligible", case.id
        youth = 15 <= (p.age or 0) <= 34
        if pct > (120 if youth else 100):
            assert case.expect.decision == "ineligible", case.id
        if "type1_requirement" not in tracks and case.expect.decision != "ineligible":
            raise AssertionError(f"{case.id}: say which side of 60 % the household falls")
