"""Shared loader plumbing: encoding sniffing, block scanning with lines, dates, region parsing."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.sources._common import decode_bytes, error_message, find_date, parse_date, scan_blocks
from ingest.sources.regions import JEJU_DISTRICTS, parse_jeju_region


def test_decode_sniffing() -> None:
    text = "제주시 애월읍"
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode()) == (text, "utf-8-sig")
    assert decode_bytes(text.encode()) == (text, "utf-8")
    assert decode_bytes(text.encode("euc-kr")) == (text, "cp949")
    assert decode_bytes("똠방각하".encode("cp949"))[0] == "똠방각하"  # CP949-only syllable


def test_scan_blocks_lines_and_similar_tags() -> None:
    text = "<wantedRoot>\n<wanted>\n<wantedAuthNo>A</wantedAuthNo>\n<wantedDtl><x>1</x></wantedDtl>\n</wanted>\n<wanted>\n<b>\n</wantedRoot>"
    blocks = scan_blocks(text, "wanted")
    assert [line for line, _ in blocks] == [2, 6]
    assert blocks[0][1].endswith("</wanted>") and "<wantedDtl>" in blocks[0][1]
    assert blocks[1][1].startswith("<wanted>") and "</wanted>" not in blocks[1][1]


def test_error_message() -> None:
    assert error_message("<error>잘못된 인증키</error>") == "잘못된 인증키"
    assert error_message("<wantedRoot><total>0</total></wantedRoot>") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("26-11-03", date(2026, 11, 3)), ("2026-11-03", date(2026, 11, 3)), ("20261103", date(2026, 11, 3)),
     ("202611030950", date(2026, 11, 3)), ("2026.11.03", date(2026, 11, 3)), ("20261103095000", date(2026, 11, 3)),
     ("26.11.03", date(2026, 11, 3)), ("26/11/03", date(2026, 11, 3)), ("261103", date(2026, 11, 3)),
     ("2026년 11월 3일", date(2026, 11, 3)), ("2026-11-03 09:50", date(2026, 11, 3)), ("99-12-31", date(2099, 12, 31))],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["채용시까지", "26-13-40", "", "2611", "채용시까지 26-11-30"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("채용시까지  26-11-30", date(2026, 11, 30)), ("채용시까지 2026-11-30", date(2026, 11, 30)),
     ("마감 2026.11.30(월)", date(2026, 11, 30)), ("채용시까지", None), ("상시채용", None), ("", None)],
)
def test_find_date_anywhere(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


def test_find_date_refuses_impossible_dates() -> None:
    with pytest.raises(ValueError):
        find_date("채용시까지 26-02-30")


@pytest.mark.parametrize(
    ("text", "city", "district"),
    [
        ("제주 제주시 애월읍", "제주시", "애월읍"),
        ("제주특별자치도 서귀포시 중문관광로 72", "서귀포시", None),
        ("제주특별자치도 서귀포시 남원읍 위미리 123", "서귀포시", "남원읍"),
        ("제주 제주시 영평동", "제주시", "아라동"),
        ("노형동", "제주시", "노형동"),
    ],
)
def test_parse_jeju_region(text: str, city: str, district: str | None) -> None:
    parsed = parse_jeju_region(text)
    assert parsed is not None and parsed.in_jeju
    assert (parsed.city, parsed.district) == (city, district)


def test_parse_region_outside_jeju() -> None:
    for text in ("서울 강남구", "경기 수원시 팔달구", "부산광역시 해운대구"):
        parsed = parse_jeju_region(text)
        assert parsed is not None and not parsed.in_jeju


def test_district_table_is_the_official_43() -> None:
    assert sum(len(v) for v in JEJU_DISTRICTS.values()) == 43
    assert len(JEJU_DISTRICTS["제주시"]) == 26 and len(JEJU_DISTRICTS["서귀포시"]) == 17
