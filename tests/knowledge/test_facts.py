"""knowledge.facts: the sourced fact tables, checked against policy-facts.md §2.1/§12 by hand."""

from __future__ import annotations

import ast
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.facts import (
    FACT_MODELS,
    FACTS_DIR,
    FactsFileError,
    MedianIncomeTable,
    MilitaryServiceTable,
    load_facts,
    load_facts_file,
    median_income,
    military_service,
    minimum_wage,
    pay_conversion,
    validate_all_facts,
)

# policy-facts.md §12 (보건복지부 고시, 월 원)
MEDIAN_2025 = {1: 2_392_013, 2: 3_932_658, 3: 5_025_353, 4: 6_097_773, 5: 7_108_192, 6: 8_064_805}
MEDIAN_2026 = {1: 2_564_238, 2: 4_199_292, 3: 5_359_036, 4: 6_494_738, 5: 7_556_719, 6: 8_555_952}


def _raw(name: str) -> dict[str, Any]:
    data = yaml.safe_load((FACTS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_table_loads_and_is_typed() -> None:
    assert validate_all_facts() == ["median_income", "military_service", "minimum_wage", "jeju_districts",
                                    "pay_conversion"]
    assert isinstance(load_facts("median_income"), MedianIncomeTable)
    assert isinstance(load_facts("military_service"), MilitaryServiceTable)
    assert {p.stem for p in FACTS_DIR.glob("*.yaml")} == set(FACT_MODELS)


def test_unknown_table_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="median_income"):
        load_facts("minimum_wage_2031")


def test_median_income_matches_the_fact_sheet() -> None:
    table = median_income()
    assert table.years[2025].by_household_size == MEDIAN_2025
    assert table.years[2026].by_household_size == MEDIAN_2026
    for year, entry in table.years.items():
        assert entry.effective_from.isoformat() == f"{year}-01-01"
        assert entry.effective_to is not None and entry.effective_to.isoformat() == f"{year}-12-31"
        assert entry.confidence == "secondary"  # §12 marks both columns [2ND]
        assert "고시" in entry.notice and entry.source


def test_three_person_household_4_million_in_2026_is_74_6_percent() -> None:
    # 4,000,000 ÷ 5,359,036 × 100 = 74.640… → 74.6 (policy-facts §12)
    share = median_income().share(4_000_000, 3, 2026)
    assert share is not None and share.median == 5_359_036
    assert share.percent_1() == Decimal("74.6")
    assert not share.fell_back


def test_share_uses_the_requested_year_or_says_it_fell_back() -> None:
    table = median_income()
    share_2025 = table.share(4_000_000, 3, 2025)
    assert share_2025 is not None and share_2025.percent_1() == Decimal("79.6")  # ÷ 5,025,353
    share_2027 = table.share(4_000_000, 3, 2027)
    assert share_2027 is not None and share_2027.year == 2026 and share_2027.fell_back
    assert table.share(4_000_000, 7, 2026) is None  # not in the table
    assert table.monthly(2026, 1) == 2_564_238 and table.monthly(2024, 1) is None


def test_one_person_median_matches_the_60_percent_figure() -> None:
    # §2.2: 1인가구 중위소득 60% = 1,538,543원 (2026): 2,564,238 × 0.6 = 1,538,542.8 → 원 단위 반올림
    sixty = Decimal(median_income().years[2026].by_household_size[1]) * Decimal("0.6")
    assert sixty.quantize(Decimal(1), rounding=ROUND_HALF_UP) == 1_538_543


def test_military_extension_is_actual_service_capped_at_three_years() -> None:
    ext = military_service().extensions["national_employment_support"]
    assert ext.cap_months == 36 and ext.confidence == "law"
    assert "시행령 제2조 제5항" in ext.article and ext.effective_from.isoformat() == "2024-02-09"
    assert [ext.counted_months(m) for m in (0, 24, 36, 48)] == [0, 24, 36, 36]
    leap = military_service().extensions["youth_job_leap"]
    assert leap.confidence == "unverified" and leap.note  # the 지침's own cap was not read


def test_a_broken_file_names_the_file_and_the_key(tmp_path: Path) -> None:
    data = _raw("median_income")
    del data["years"][2026]["confidence"]
    data["years"][2025]["by_household_size"][2] = 1  # below 1인: amounts must grow
    path = _write(tmp_path, "median_income", data)
    with pytest.raises(FactsFileError) as err:
        load_facts_file(path, MedianIncomeTable)
    message = str(err.value)
    assert str(path) in message and "years.2026.confidence" in message and "years.2025" in message


def test_the_name_must_match_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "other", _raw("median_income"))
    with pytest.raises(FactsFileError, match="name"):
        load_facts_file(path, MedianIncomeTable)
    scalar = tmp_path / "median_income.yaml"
    scalar.write_text("42\n", encoding="utf-8")
    with pytest.raises(FactsFileError, match="expected a mapping"):
        load_facts_file(scalar, MedianIncomeTable)


def test_facts_package_imports_no_upper_layer() -> None:
    for path in FACTS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not {m.split(".")[0] for m in modules} & {"app", "graphs", "ingest"}, path.name


def test_pay_conversion_constants_are_the_minimum_wage_month() -> None:
    """policy-facts §6.4: 월 환산(209h) — 2026 10,320원 × 209 = 2,156,880원; 365 ÷ 7 ÷ 12 = 4.345주."""
    table = pay_conversion()
    assert table.full_time_monthly_hours.value == 209
    assert minimum_wage().years[2026].hourly * table.full_time_monthly_hours.value == 2_156_880
    assert round(365 / 7 / 12, 3) == table.weeks_per_month.value
    assert table.workdays_per_month.value == 21.75
    assert minimum_wage().entry_for(2027).hourly == 10_320  # 2027 not verified: the latest known year
