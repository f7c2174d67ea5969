"""The statistics store (SQLite, replaced whole) and the bundled Jeju series of policy-facts §7."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.config import CORPUS_DIR
from knowledge.stats import (
    Observation,
    StatNote,
    StatsStore,
    StatsStoreMissing,
    merge_observations,
    parse_file_meta,
    parse_stats_csv,
)

STATS_DIR = CORPUS_DIR / "stats"


def _obs(value: float, confidence: str = "news", period: str = "2025-06", **kw: object) -> Observation:
    return Observation.model_validate({"series_id": "eap.employment_rate", "indicator": "고용률", "unit": "%",
                                       "period": period, "period_kind": "month", "value": value, "source": "s",
                                       "confidence": confidence, **kw})


def test_write_query_and_replace(tmp_path: Path) -> None:
    store = StatsStore.at(tmp_path)
    with pytest.raises(StatsStoreMissing):
        store.query()
    note = StatNote(id="n", text="겨울", indicator="실업률", months=[12, 1])
    store.write([_obs(70.9), _obs(70.1, period="2025-07"), _obs(63.4, region="전국")], [note], {"as_of": "x"})
    assert [o.value for o in store.query(regions=["제주특별자치도"])] == [70.9, 70.1]
    assert [o.value for o in store.query(period_from="2025-07")] == [70.1]
    assert store.notes("실업률")[0].months == [12, 1] and store.notes("고용률") == []
    assert store.meta()["as_of"] == "x"
    store.write([_obs(1.0)], [], {})
    assert store.count() == 1 and store.notes() == []
    assert not list(tmp_path.glob("*.tmp"))


def test_merge_prefers_official_then_later() -> None:
    news, official, later_news = _obs(70.9), _obs(71.0, "official"), _obs(70.8)
    kept, superseded = merge_observations([[news], [official]])
    assert kept == [official] and superseded == [news]
    kept, _ = merge_observations([[official], [later_news]])
    assert kept == [official]
    kept, _ = merge_observations([[news], [later_news]])
    assert kept == [later_news]


def _bundled() -> list[Observation]:
    out: list[Observation] = []
    for csv in sorted(STATS_DIR.glob("*.csv")):
        sidecar = csv.with_suffix(".yaml")
        assert sidecar.is_file(), f"{csv.name} has no sidecar"
        parsed = parse_stats_csv(csv.read_text(encoding="utf-8"), csv.name, parse_file_meta(sidecar.read_text("utf-8")))
        assert not parsed.rejections, parsed.rejections
        out += parsed.observations
    return out


def test_bundled_series_are_press_citations_with_sources() -> None:
    rows = _bundled()
    assert rows and all(o.confidence == "news" for o in rows)
    assert all("보도" in o.source for o in rows)


@pytest.mark.parametrize(
    ("indicator", "period", "region", "breakdown", "value"),
    [  # policy-facts §7
        ("취업자", "2022", "제주특별자치도", "", 402), ("취업자", "2024", "제주특별자치도", "", 400),
        ("실업률", "2023", "제주특별자치도", "", 1.9), ("실업률", "2024", "제주특별자치도", "", 2.3),
        ("고용률", "2024-12", "제주특별자치도", "", 68.1), ("실업률", "2024-12", "제주특별자치도", "", 4.3),
        ("고용률", "2025-06", "제주특별자치도", "15~64세", 75.4), ("고용률", "2025-07", "제주특별자치도", "", 70.1),
        ("실업률", "2025-08", "제주특별자치도", "", 1.5), ("고용률", "2025-10", "전국", "", 63.4),
        ("실업자", "2026-01", "제주특별자치도", "", 18), ("고용률", "2024-H2", "서귀포시", "65세이상", 60.1),
        ("실업률", "2024-H2", "제주시", "", 2.2), ("취업자", "2025-06", "제주특별자치도", "건설업", 24),
        ("취업자", "2024-10", "제주특별자치도", "15~29세", 38), ("취업자 비중", "2024-H2", "서귀포시", "농림어업", 25.5),
    ],
)
def test_bundled_figures_match_the_fact_sheet(indicator: str, period: str, region: str, breakdown: str,
                                              value: float) -> None:
    found = [o.value for o in _bundled() if (o.indicator, o.period, o.region, o.breakdown)
             == (indicator, period, region, breakdown)]
    assert found and set(found) == {value}


def test_industry_figures_add_up_to_the_total() -> None:
    rows = [o for o in _bundled() if o.breakdown_kind == "산업" and o.period == "2025-06"]
    assert sum(o.value for o in rows) == 409


def test_seasonal_note_is_bundled() -> None:
    meta = parse_file_meta((STATS_DIR / "jeju_eap_monthly.yaml").read_text("utf-8"))
    note = next(n for n in meta.notes if n.id == "winter-unemployment")
    assert note.indicator == "실업률" and note.months == [12, 1] and "계절" in note.text
