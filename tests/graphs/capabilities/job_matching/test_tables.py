"""The matching tables: district points (knowledge/facts), occupation synonyms and related groups, certificates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graphs.capabilities.job_matching.scorer import (
    distance_km,
    held_certificates,
    load_tables,
    resolve_occupation,
)
from ingest.sources.jobs import load_jobs
from knowledge.facts import jeju_districts

CATALOG = Path(__file__).resolve().parents[4] / "knowledge" / "corpus" / "jobs" / "jeju_jobs.xml"


def test_43_districts_and_the_aliases_people_type() -> None:
    table = jeju_districts()
    assert len(table.districts) == 43
    assert table.resolve("함덕") == "조천읍"
    assert table.resolve("모슬포") == "대정읍"
    assert table.resolve("제주시 연동") == "연동"
    assert table.resolve("서울 강남구") is None


def test_distances_follow_jeju_geography() -> None:
    # 연동 and 노형동 are neighbouring 신제주 동 (about 2 km); 제주시 구도심 to 서귀포 동홍동 crosses Hallasan
    # (about 27 km in a straight line); 성산읍 is at the east end, 한경면 at the west end (about 70 km).
    assert 1.0 < (distance_km("연동", "노형동") or 0) < 3.0
    assert 22 < (distance_km("일도2동", "동홍동") or 0) < 32
    assert (distance_km("성산읍", "한경면") or 0) > 65
    assert distance_km("연동", "없는동") is None


@pytest.mark.parametrize(
    ("said", "code"),
    [
        ("회계 사무", "024101"),
        ("경리", "024101"),
        ("요양보호사", "550101"),
        ("수학 학원 강사", "214101"),
        ("렌터카 탁송", "622401"),
        ("호텔 프런트", "521201"),
        ("객실 청소", "561102"),
        ("감귤 따기", "901101"),
    ],
)
def test_free_text_resolves_to_the_catalog_code(said: str, code: str) -> None:
    assert resolve_occupation(said)[0] == code


def test_unknown_occupation_resolves_to_nothing() -> None:
    assert resolve_occupation("우주비행사") == []


def test_longer_synonym_wins_over_its_parts() -> None:
    # "객실 청소" is 객실 청소원, not the generic 청소원 its last word names
    assert resolve_occupation("객실 청소") == ["561102"]


def test_licences_imply_the_lower_ones() -> None:
    held = held_certificates(["1종 대형", "사회복지사 1급", "전산회계1급"])
    assert {"1종 보통 운전면허", "사회복지사 2급", "전산회계 2급"} <= held
    assert "1종 대형 운전면허" not in held_certificates(["1종 보통 운전면허"])


def test_every_catalog_code_is_in_the_occupation_table() -> None:
    codes = {j.keco_code for j in load_jobs(CATALOG, today=date(2026, 11, 21)).records}
    tables = load_tables()
    assert codes <= set(tables.occupations)
    assert set(tables.weights) == {"occupation", "experience", "certificate", "education", "commute", "wage",
                                   "employment_type", "schedule", "deadline"}
