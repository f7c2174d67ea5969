"""The one module that writes amounts of money (how 고용24 and notices write them)."""

from __future__ import annotations

from knowledge.formatting import compact_won, manwon, pay_range, won


def test_exact_won_with_thousands_separators() -> None:
    assert won(2_156_880) == "2,156,880원"  # 2026 최저임금 월 환산 (10,320원 × 209)
    assert won(0) == "0원"
    assert won(None) == "-"


def test_compact_won_in_eok_and_man_only_for_whole_manwon() -> None:
    assert compact_won(400_000_000) == "4억원"
    assert compact_won(150_000_000) == "1억 5,000만원"
    assert compact_won(600_000) == "60만원"
    assert compact_won(10_500) == "10,500원"  # not a whole 만원: exact
    assert compact_won(5_000) == "5,000원"


def test_manwon_rounds_to_manwon() -> None:
    assert manwon(2_650_000) == "265만원"
    assert manwon(36_000_000) == "3,600만원"


def test_pay_range_shows_the_upper_end_only_above_the_lower() -> None:
    assert pay_range("월급", 2_300_000, 2_600_000) == "월급 2,300,000원 ~ 2,600,000원"
    assert pay_range("시급", 11_000, 11_000) == "시급 11,000원"
    assert pay_range("시급", 11_000, None) == "시급 11,000원"
    assert pay_range("월급", 2_300_000, 2_600_000, sep="~") == "월급 2,300,000원~2,600,000원"
