"""The gold sets themselves: sizes, references that exist, boundary coverage, and self-consistent arithmetic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evals.gold import (
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
