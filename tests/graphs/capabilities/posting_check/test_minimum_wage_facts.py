"""knowledge/facts/minimum_wage.yaml against policy-facts §6.4 (and §1.3), checked by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.facts import FACTS_DIR, FactsFileError, MinimumWageTable, load_facts_file, minimum_wage


def _raw() -> dict[str, Any]:
    data = yaml.safe_load((FACTS_DIR / "minimum_wage.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_figures_match_the_fact_sheet() -> None:
    table = minimum_wage()
    # policy-facts §6.4: 2024 9,860원 (월 2,060,740원), 2025 10,030원 (월 2,096,270원), 2026 10,320원
    # (월 2,156,880원, 2025-08-05 고시)
    assert table.hourly(2024) == 9_860 and table.years[2024].monthly_209h == 2_060_740
    assert table.hourly(2025) == 10_030 and table.years[2025].monthly_209h == 2_096_270
    assert table.hourly(2026) == 10_320 and table.years[2026].monthly_209h == 2_156_880
    assert "2025-08-05" in table.years[2026].notice
    assert table.hourly(2027) is None  # [2ND] only in the fact sheet
    assert table.year_for(2027) == 2026 and table.year_for(2023) == 2024


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["years"][2026].update(monthly_209h=2_156_000), "209"),
        (lambda d: d["years"][2026].update(effective_from="2026-02-01"), "1 January"),
        (lambda d: d["years"][2026].update(hourly=0), "hourly"),
    ],
)
def test_broken_table_is_rejected(tmp_path: Path, mutate: Any, message: str) -> None:
    data = _raw()
    mutate(data)
    path = tmp_path / "minimum_wage.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(FactsFileError, match=message):
        load_facts_file(path, MinimumWageTable)
