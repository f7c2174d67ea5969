"""The Jeju gazetteer: 43 읍·면·동, short forms, informal names."""

from __future__ import annotations

import pytest

from graphs.nlu.gazetteer import CITY_OF_DISTRICT, find_places, resolve


def test_all_43_districts_in_two_cities() -> None:
    assert len(CITY_OF_DISTRICT) == 43
    assert sum(1 for c in CITY_OF_DISTRICT.values() if c == "제주시") == 26
    assert sum(1 for c in CITY_OF_DISTRICT.values() if c == "서귀포시") == 17


@pytest.mark.parametrize("district", sorted(CITY_OF_DISTRICT))
def test_every_official_name_is_found(district: str) -> None:
    places = find_places(f"{district} 일자리")
    assert resolve(places) == (CITY_OF_DISTRICT[district], district)


@pytest.mark.parametrize(
    ("text", "city", "district"),
    [
        ("신제주", "제주시", None),
        ("구제주 쪽", "제주시", None),
        ("함덕에서", "제주시", "조천읍"),
        ("협재 바다", "제주시", "한림읍"),
        ("모슬포항", "서귀포시", "대정읍"),
        ("세화 해변", "제주시", "구좌읍"),
        ("위미리", "서귀포시", "남원읍"),
        ("중문관광단지", "서귀포시", "중문동"),
        ("산남", "서귀포시", None),
        ("산북", "제주시", None),
        ("서귀포", "서귀포시", None),
        ("애월", "제주시", "애월읍"),
        ("한경", "제주시", "한경면"),
        ("안덕", "서귀포시", "안덕면"),
        ("노형", "제주시", "노형동"),
    ],
)
def test_short_and_informal_names(text: str, city: str, district: str | None) -> None:
    assert resolve(find_places(text)) == (city, district)


@pytest.mark.parametrize("text", ["사계절 내내", "제주 날씨", "계좌 연동돼요", "제주도 전체"])
def test_not_places(text: str) -> None:
    assert find_places(text) == []


def test_two_cities_give_no_hard_filter() -> None:
    assert resolve(find_places("중문이나 애월")) == (None, None)


def test_informal_names_come_from_the_one_district_table() -> None:
    """Every alias of knowledge/facts/jeju_districts.yaml is a place the NLU knows, mapped to its 읍·면·동 — or to
    the 행정시 only when it names two 동 (신제주 = 연동·노형동)."""
    from graphs.nlu.gazetteer import alias_table
    from knowledge.facts import jeju_districts

    table = alias_table()
    for name, entry in jeju_districts().districts.items():
        for alias in entry.aliases:
            city, district = table[alias]
            assert city == entry.city
            assert district in (name, None)
    assert table["신제주"] == ("제주시", None)
    assert table["쇠소깍"] == ("서귀포시", "효돈동")
    assert table["협재"] == ("제주시", "한림읍")


def test_a_fee_word_is_not_월정() -> None:
    assert find_places("월정액 요금제 알바") == []
    assert [p.district for p in find_places("월정 카페 알바")] == ["구좌읍"]
