"""load_training: HRD-Net XML and CSV, normalization, self-pay estimate, rejections with lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest.sources import load_training
from ingest.sources.training import estimate_self_pay, is_card_course

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "work24"
TODAY = date(2026, 11, 21)


def block_line(path: Path, record_id: str, occurrence: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i for i, line in enumerate(lines) if f"<trprId>{record_id}</trprId>" in line]
    hit = hits[occurrence]
    return next(i for i in range(hit, -1, -1) if lines[i].strip() == "<scn_list>") + 1


def test_training_page_normalizes() -> None:
    path = FIXTURES / "training_page.xml"
    result = load_training(path, today=TODAY)
    assert result.rejections == []
    courses = {c.id: c for c in result.records}
    assert set(courses) == {"AIG20240000123456-5", "AIG20260000999001-1", "AIG20250000555000-2"}

    barista = courses["AIG20240000123456-5"]
    assert barista.course_id == "AIG20240000123456" and barista.round == "5"
    assert barista.region == "제주시" and barista.area_code == "50110"
    assert barista.cost == 800_000 and barista.capacity == 16
    assert barista.employment_rate == 56.3 and barista.satisfaction == 92.4
    assert barista.card_eligible and barista.self_pay == 280_000  # 35 % estimate for a general card course
    assert barista.ncs_name == "음식서비스"
    assert barista.start_date == date(2026, 12, 1) and barista.end_date == date(2026, 12, 30)
    assert barista.url is not None and "tracseTme=5" in barista.url  # &amp; unescaped
    assert barista.source_line == block_line(path, "AIG20240000123456")

    kdt = courses["AIG20260000999001-1"]
    assert kdt.start_date == date(2027, 1, 4)  # YYYYMMDD dates
    assert kdt.employment_rate is None  # 'A' = 개설예정
    assert kdt.satisfaction is None  # 0 = not yet rated
    assert kdt.self_pay == 600_000  # 10 % capped at 60만원 from 2026

    farm = courses["AIG20250000555000-2"]
    assert farm.region == "서귀포시" and farm.employment_rate is None
    assert farm.self_pay == 150_000 and farm.course_type == "산업구조변화대응"


@pytest.mark.parametrize(
    ("record_id", "expected"),
    [
        ("AIG-NEG", "음수"),
        ("AIG-SEOUL", "제주 지역 훈련과정이 아닙니다"),
        ("AIG-END-BEFORE", "종료일"),
        ("AIG-BAD-DATE", "traStartDate"),
        ("AIG-NO-TITLE", "title"),
    ],
)
def test_training_rejections(record_id: str, expected: str) -> None:
    path = FIXTURES / "training_invalid.xml"
    result = load_training(path, today=TODAY)
    rej = next(r for r in result.rejections if r.record_id == f"{record_id}-1")
    assert expected in rej.reason
    assert rej.line == block_line(path, record_id)
    assert rej.source == "hrd-training"


def test_training_duplicates_keep_first_and_rounds_are_distinct() -> None:
    path = FIXTURES / "training_invalid.xml"
    result = load_training(path, today=TODAY)
    assert [c.id for c in result.records] == ["AIG-VALID-1", "AIG-VALID-2"]
    dup = next(r for r in result.rejections if "중복" in r.reason)
    assert dup.record_id == "AIG-VALID-1"
    assert dup.line == block_line(path, "AIG-VALID", occurrence=1)
    assert f"{block_line(path, 'AIG-VALID')}행" in dup.reason


def test_training_error_response() -> None:
    result = load_training(FIXTURES / "error.xml", today=TODAY)
    assert result.records == [] and len(result.rejections) == 1
    assert "API 오류" in result.rejections[0].reason


def test_training_csv_with_bom_and_area_code_only(tmp_path: Path) -> None:
    text = (
        "trprId,trprDegr,title,subTitle,address,trngAreaCd,traStartDate,traEndDate,realMan,trainTargetCd,eiEmplRate3\n"
        "AIG1,3,전산회계 1급,탐라컴퓨터학원,,50130,2026-12-07,2027-02-05,900000,C0061,48.5\n"
        "AIG2,1,사업주 직무교육,제주상공회의소,제주특별자치도 제주시 신대로 1,50110,2026-12-07,2026-12-09,300000,C0041T,\n"
    )
    path = tmp_path / "training.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    result = load_training(path, today=TODAY)
    assert result.rejections == []
    first, second = result.records
    assert first.id == "AIG1-3" and first.region == "서귀포시"  # from trngAreaCd 50130
    assert first.employment_rate == 48.5 and first.source_line == 2
    assert not second.card_eligible and second.self_pay is None  # 사업주훈련 code: not a card course


def test_self_pay_estimate_rules() -> None:
    assert estimate_self_pay(1_000_000, "C0061", date(2026, 12, 1), True) == 350_000
    assert estimate_self_pay(3_000_000, "C0104", date(2025, 12, 1), True) == 0  # before the 2026 change
    assert estimate_self_pay(3_000_000, "C0104", date(2026, 3, 2), True) == 300_000
    assert estimate_self_pay(9_000_000, "C0054G", date(2026, 3, 2), True) == 600_000
    assert estimate_self_pay(500_000, "C0105", date(2026, 3, 2), True) == 0
    assert estimate_self_pay(500_000, "C0041T", date(2026, 3, 2), False) is None
    assert is_card_course("C0061S") and is_card_course(None) and not is_card_course("C0041T")
