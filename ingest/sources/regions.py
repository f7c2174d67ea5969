"""Jeju administrative areas (제주특별자치도 2 행정시, 43 읍·면·동) and region-text parsing.

고용24 region strings look like ``"제주 제주시 애월읍"`` or ``"제주특별자치도 서귀포시 중문동"``; HRD-Net addresses
like ``"제주특별자치도 제주시 첨단로 213-4"``. :func:`parse_jeju_region` turns such a text into
``("제주시", "애월읍")`` and tells a non-Jeju text apart from a Jeju text without a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import facts

JEJU_CITY = "제주시"
SEOGWIPO_CITY = "서귀포시"

# 제주시: 19동 4읍 3면; 서귀포시: 12동 3읍 2면 (policy-facts §11), from the one facts table.
JEJU_DISTRICTS: dict[str, tuple[str, ...]] = {
    city: facts.jeju_districts().of_city(city) for city in (JEJU_CITY, SEOGWIPO_CITY)
}

DISTRICT_TO_CITY: dict[str, str] = facts.jeju_districts().city_of()

# 법정동 names that people and postings use for a 행정동 (only unambiguous ones).
LEGAL_TO_ADMIN_DONG: dict[tuple[str, str], str] = {
    (JEJU_CITY, "영평동"): "아라동",  # 제주첨단과학기술단지
    (JEJU_CITY, "아라일동"): "아라동",
    (JEJU_CITY, "아라이동"): "아라동",
    (JEJU_CITY, "아라1동"): "아라동",
    (JEJU_CITY, "아라2동"): "아라동",
}

# First tokens of region strings outside Jeju (short and long forms).
OTHER_PROVINCES: tuple[str, ...] = (
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남", "충청",
    "전북", "전남", "전라", "경북", "경남", "경상",
)

_DISTRICT_TOKEN = re.compile(r"^[가-힣0-9]+(?:읍|면|동)$")


@dataclass(frozen=True)
class RegionParse:
    """Outcome of parsing a region text: ``in_jeju`` False means clearly another province."""

    in_jeju: bool
    city: str | None = None
    district: str | None = None


def parse_jeju_region(text: str | None) -> RegionParse | None:
    """Parse one region/address text. ``None`` when the text is empty."""
    if not text or not text.strip():
        return None
    clean = re.sub(r"[(),·]", " ", text)
    tokens = clean.split()
    first = tokens[0]
    if any(first.startswith(p) for p in OTHER_PROVINCES) and "제주" not in first:
        return RegionParse(in_jeju=False)
    city: str | None = None
    if "서귀포" in clean:
        city = SEOGWIPO_CITY
    elif JEJU_CITY in clean:
        city = JEJU_CITY
    district = _find_district(tokens, city)
    if city is None and district is not None:
        city = DISTRICT_TO_CITY.get(district)
    if city is None and "제주" not in clean:
        return RegionParse(in_jeju=False)
    return RegionParse(in_jeju=True, city=city, district=district)


def _find_district(tokens: list[str], city: str | None) -> str | None:
    for token in tokens:
        if token in (JEJU_CITY, SEOGWIPO_CITY) or token.startswith("제주"):
            continue
        if not _DISTRICT_TOKEN.match(token):
            continue
        if city is not None and (city, token) in LEGAL_TO_ADMIN_DONG:
            return LEGAL_TO_ADMIN_DONG[(city, token)]
        return token
    return None


def city_from_area_code(code: str | None) -> str | None:
    """HRD-Net ``trngAreaCd`` (법정 시군구 code): 50110 = 제주시, 50130 = 서귀포시."""
    if not code:
        return None
    code = code.strip()
    if code.startswith("50110"):
        return JEJU_CITY
    if code.startswith("50130"):
        return SEOGWIPO_CITY
    return None
