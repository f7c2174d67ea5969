"""Jeju place names → (행정시, 읍·면·동).

Data: the 43 읍·면·동 of 제주특별자치도 (policy-facts §11) and the informal names people type for one of them
("함덕", "모슬포", "협재") — both from the one table, knowledge/facts/jeju_districts.yaml — plus short forms
("애월", "중문") and names for a whole 행정시 ("산남", "제주 시내"). A name that spans several 읍·면·동
(신제주 = 연동·노형동) maps to its 행정시 only (district None).
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

# Names for a whole 행정시 (or for 동 split in two: 일도1·2동 …) → (city, None). The informal names of one
# 읍·면·동 are the aliases of knowledge/facts/jeju_districts.yaml (see alias_table).
CITY_NAMES: dict[str, City] = {
    "제주시": "제주시", "제주 시내": "제주시", "제주시내": "제주시",
    "서귀포시": "서귀포시", "서귀포": "서귀포시", "서귀포 시내": "서귀포시",
    "구제주": "제주시", "산북": "제주시", "산남": "서귀포시",
    "일도동": "제주시", "이도동": "제주시", "삼도동": "제주시", "용담동": "제주시",
}

# Words that start like a place but are not one ("사계절", "연동돼요", "고산지대", "삼양라면", "월정액").
_NOT_AFTER: dict[str, str] = {
    "사계": "절", "연동": "되돼하해시된", "고산": "지병", "삼양": "라식", "강정": "을이", "이호": "선",
    "도두": "리", "화순": "하", "월정": "액",
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
    named: dict[str, set[str]] = {}
    for district, entry in facts.jeju_districts().districts.items():
        for alias in entry.aliases:
            named.setdefault(alias, set()).add(district)
    for alias, districts in named.items():  # an alias of two 동 (신제주 = 연동·노형동): the 행정시 only
        (city,) = {CITY_OF_DISTRICT[d] for d in districts}
        table[alias] = (city, next(iter(districts)) if len(districts) == 1 else None)
    table.update({name: (city, None) for name, city in CITY_NAMES.items()})
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
