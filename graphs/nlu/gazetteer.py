"""Jeju place names → (행정시, 읍·면·동).

Data: the 43 읍·면·동 of 제주특별자치도 (policy-facts §11), their short forms ("애월", "중문") and the informal
names people type ("신제주", "함덕", "모슬포", "산남" …). A place that spans several 읍·면·동 (신제주 = 연동·노형동)
maps to its 행정시 only (district None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from knowledge import facts

City = Literal["제주시", "서귀포시"]

# The 43 읍·면·동 (policy-facts §11) come from the one facts table (knowledge/facts/jeju_districts.yaml).
JEJU_SI_DISTRICTS: tuple[str, ...] = facts.jeju_districts().of_city("제주시")
SEOGWIPO_SI_DISTRICTS: tuple[str, ...] = facts.jeju_districts().of_city("서귀포시")

CITY_OF_DISTRICT: dict[str, City] = {
    **{d: "제주시" for d in JEJU_SI_DISTRICTS},
    **{d: "서귀포시" for d in SEOGWIPO_SI_DISTRICTS},
}

# Short forms: every 읍·면 without its suffix, and the 동 whose bare name is not an everyday word
# ("오라", "외도", "중앙", "천지", "일도" … are left out on purpose).
SHORT_FORMS: dict[str, str] = {
    **{d[:-1]: d for d in CITY_OF_DISTRICT if d.endswith(("읍", "면"))},
    "노형": "노형동", "중문": "중문동", "화북": "화북동", "삼양": "삼양동", "봉개": "봉개동", "용담": "용담1동",
    "건입": "건입동", "동홍": "동홍동", "서홍": "서홍동", "효돈": "효돈동", "예래": "예래동", "대륜": "대륜동",
    "이호": "이호동", "도두": "도두동",
}
# "용담" alone spans 용담1동·용담2동 → city only (fixed below); same for the un-numbered 동 names.
_CITY_ONLY_SHORT = {"용담"}

# Informal names → (city, district or None).
INFORMAL: dict[str, tuple[City, str | None]] = {
    "제주시": ("제주시", None), "제주 시내": ("제주시", None), "제주시내": ("제주시", None),
    "서귀포시": ("서귀포시", None), "서귀포": ("서귀포시", None), "서귀포 시내": ("서귀포시", None),
    "신제주": ("제주시", None), "구제주": ("제주시", None), "산북": ("제주시", None), "산남": ("서귀포시", None),
    "일도동": ("제주시", None), "이도동": ("제주시", None), "삼도동": ("제주시", None), "용담동": ("제주시", None),
    "함덕": ("제주시", "조천읍"), "선흘": ("제주시", "조천읍"), "교래": ("제주시", "조천읍"),
    "협재": ("제주시", "한림읍"), "금능": ("제주시", "한림읍"),
    "곽지": ("제주시", "애월읍"), "한담": ("제주시", "애월읍"), "하귀": ("제주시", "애월읍"),
    "세화": ("제주시", "구좌읍"), "김녕": ("제주시", "구좌읍"), "월정리": ("제주시", "구좌읍"), "평대": ("제주시", "구좌읍"),
    "신창": ("제주시", "한경면"), "고산": ("제주시", "한경면"),
    "노형오거리": ("제주시", "노형동"), "이호테우": ("제주시", "이호동"),
    "모슬포": ("서귀포시", "대정읍"), "위미": ("서귀포시", "남원읍"),
    "중문관광단지": ("서귀포시", "중문동"), "중문 관광단지": ("서귀포시", "중문동"),
    "성산일출봉": ("서귀포시", "성산읍"), "섭지코지": ("서귀포시", "성산읍"),
    "화순": ("서귀포시", "안덕면"), "사계": ("서귀포시", "안덕면"),
    "법환": ("서귀포시", "대륜동"), "강정": ("서귀포시", "대천동"),
}

# Words that start like a place but are not one ("사계절", "연동돼요", "고산지대", "삼양라면").
_NOT_AFTER: dict[str, str] = {
    "사계": "절", "연동": "되돼하해시된", "고산": "지병", "삼양": "라식", "강정": "을이", "이호": "선",
    "도두": "리", "화순": "하",
}


@dataclass(frozen=True)
class PlaceMatch:
    """One place mention: the words typed, where, and what it means."""

    surface: str
    start: int
    end: int
    city: City
    district: str | None


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[City, str | None]]:
    """Every recognised surface form → (city, district or None)."""
    table: dict[str, tuple[City, str | None]] = {d: (c, d) for d, c in CITY_OF_DISTRICT.items()}
    for short, district in SHORT_FORMS.items():
        city = CITY_OF_DISTRICT[district]
        table[short] = (city, None if short in _CITY_ONLY_SHORT else district)
    table.update(INFORMAL)
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(alias_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


_HANGUL = re.compile(r"[가-힣]")
_JEJU_PREFIX = re.compile(r"(?:제주|제주도|제주시|서귀포|서귀포시)\s*$")


def _boundary_ok(text: str, start: int, end: int, surface: str) -> bool:
    if len(surface) <= 2 and start > 0 and _HANGUL.match(text[start - 1]):
        if not _JEJU_PREFIX.search(text[:start]):
            return False
    banned = _NOT_AFTER.get(surface)
    return not (banned and end < len(text) and text[end] in banned)


def find_places(text: str) -> list[PlaceMatch]:
    """All Jeju place mentions in ``text`` (longest alias wins)."""
    table = alias_table()
    found: list[PlaceMatch] = []
    for m in _pattern().finditer(text):
        surface = m.group()
        if not _boundary_ok(text, m.start(), m.end(), surface):
            continue
        city, district = table[surface]
        found.append(PlaceMatch(surface, m.start(), m.end(), city, district))
    return found


def resolve(places: list[PlaceMatch]) -> tuple[City | None, str | None]:
    """One (city, district) for a hard filter: None when the mentions disagree."""
    cities = {p.city for p in places}
    if len(cities) != 1:
        return None, None
    districts = {p.district for p in places if p.district}
    return next(iter(cities)), (next(iter(districts)) if len(districts) == 1 else None)
