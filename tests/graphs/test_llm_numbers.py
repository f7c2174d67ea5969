"""The LLM draft's number check reads amounts the way people write them (graphs.nlu.numbers is the one reader)."""

from __future__ import annotations

from graphs.llm import numbers_in, unsupported_numbers


def test_spoken_amounts_are_read_as_said() -> None:
    assert 450_000_000 in numbers_in("재산 4억5천")  # 4억 5천만, not 4억 + 5천
    assert 350_000_000 in numbers_in("3억 5천만원")
    assert 66_048 in numbers_in("6만6048원")
    assert 15_000 in numbers_in("1.5만원")


def test_digit_runs_are_kept() -> None:
    assert {2026, 3, 1, 180} <= numbers_in("2026-03-01부터 180일")
    assert {10_320, 209, 2_156_880} <= numbers_in("10,320원 × 209시간 = 2,156,880원")


def test_an_amount_the_source_says_passes_and_another_does_not() -> None:
    source = "재산 4억5천, 월 소득 260만원"
    assert unsupported_numbers("재산 4억5천만원, 월 260만원", [source]) == []
    assert unsupported_numbers("재산 4억5천만원", [{"assets": 400_005_000}]) == [450_000_000]
    assert unsupported_numbers("월 270만원", [source]) == [270, 2_700_000]


def test_an_article_is_not_an_amount() -> None:
    assert unsupported_numbers("고용보험법 제45조", ["제45조(급여의 기초가 되는 임금일액)"]) == []
