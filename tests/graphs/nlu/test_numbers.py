"""Korean number expressions and money normalisation."""

from __future__ import annotations

import pytest

from graphs.nlu.numbers import amount_in, find_numbers, native_age, sino_small, to_won
from graphs.nlu.slots import minimum_wage, monthly_from


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("300만원", 3_000_000),
        ("2백5십만", 2_500_000),
        ("1만2천", 12_000),
        ("1만 2천원", 12_000),
        ("3천만", 30_000_000),
        ("삼백만원", 3_000_000),
        ("삼백오십만원", 3_500_000),
        ("4억5천", 450_000_000),  # spoken: 4억 5천만
        ("4억 5천만원", 450_000_000),
        ("1억2천5백", 125_000_000),
        ("3,500만원", 35_000_000),
        ("12000원", 12_000),
        ("만원", 10_000),
        ("천만원", 10_000_000),
        ("2.5억", 250_000_000),
    ],
)
def test_number_values(text: str, value: int) -> None:
    numbers = find_numbers(text)
    assert len(numbers) == 1
    assert int(numbers[0].value) == value
    assert numbers[0].end == len(text)


@pytest.mark.parametrize("text", ["천천히 해요", "백화점 알바", "이상한 사람", "일당 주는 곳", "오전만"])
def test_words_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_trailing_이상_is_not_a_digit() -> None:
    (number,) = find_numbers("250이상")
    assert number.value == 250
    (number,) = find_numbers("삼백이상")
    assert number.value == 300


def test_bare_amounts_are_read_in_manwon_by_context() -> None:
    (n250,) = find_numbers("250")
    assert to_won(n250, "monthly") == 2_500_000
    (n3000,) = find_numbers("3천")
    assert to_won(n3000, "annual") == 30_000_000
    (n15,) = find_numbers("15")
    assert to_won(n15, "daily") == 150_000
    (n9860,) = find_numbers("9860")
    assert to_won(n9860, "hourly") == 9_860


def test_monthly_normalisation() -> None:
    assert monthly_from(10_000, "hourly") == 2_090_000
    assert monthly_from(100_000, "daily") == 2_175_000
    assert monthly_from(36_000_000, "annual") == 3_000_000
    assert monthly_from(2_500_000, "monthly") == 2_500_000


def test_minimum_wage_by_year() -> None:
    assert minimum_wage(2025) == 10_030
    assert minimum_wage(2026) == 10_320
    assert minimum_wage(2027) == 10_320  # 2027 figure not verified: latest verified one is used


def test_native_and_sino_ages() -> None:
    assert native_age("마흔", "다섯") == 45
    assert native_age("스무", None) == 20
    assert sino_small("사십오") == 45
    assert sino_small("오") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("260 만원", 2_600_000),  # a space before the unit, as people type it
        ("3 천만원", 30_000_000),
        ("1만 500원", 10_500),
        ("4억 5천", 450_000_000),
        ("3천5백원", 3_500),  # no 억 before it: 3,500원
    ],
)
def test_spaced_and_spoken_amounts(text: str, value: int) -> None:
    (number,) = find_numbers(text)
    assert int(number.value) == value
    assert number.end == len(text)


def test_a_word_after_a_number_is_not_its_unit() -> None:
    assert [n.value for n in find_numbers("30 백수예요")] == [30]
    assert [n.value for n in find_numbers("2 만큼")] == [2]


def test_an_article_number_is_an_ordinal() -> None:
    """"제50조" is article 50, not 50조 (= 50 trillion)."""
    assert [n.value for n in find_numbers("고용보험법 제50조 제1항")] == [50, 1]


@pytest.mark.parametrize(
    ("raw", "won"),
    [
        ("10,320원", 10_320),
        ("1만 500원", 10_500),
        ("260 만원", 2_600_000),
        ("1억 2천만원", 120_000_000),
        ("4억5천", 450_000_000),  # spoken: 4억 5천만
        ("10", None),  # a bare number is not money
        ("월 260만원", None),  # not one amount
    ],
)
def test_amount_in_reads_one_whole_amount(raw: str, won: int | None) -> None:
    assert amount_in(raw) == won
