"""KOSIS CSV layouts → observations: periods, wide/long layouts, units, bad cells with their line."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.stats import FileMeta, parse_file_meta, parse_period, parse_stats_csv
from knowledge.stats.kosis import indicator_parts, split_item


@pytest.mark.parametrize(
    ("text", "hint", "period", "kind", "prelim"),
    [
        ("2025.06", None, "2025-06", "month", False),
        ("2025. 06", None, "2025-06", "month", False),
        ("2025.06 월", None, "2025-06", "month", False),
        ("2026.05 p)", None, "2026-05", "month", True),
        ("2024", None, "2024", "year", False),
        ("2022 년", None, "2022", "year", False),
        ("2024.2/2", None, "2024-H2", "half", False),
        ("2024 2/2", None, "2024-H2", "half", False),
        ("2024년 하반기", None, "2024-H2", "half", False),
        ("2025.2/4", None, "2025-Q2", "quarter", False),
        ("202506", "M", "2025-06", "month", False),
        ("202402", "H", "2024-H2", "half", False),
    ],
)
def test_periods(text: str, hint: str | None, period: str, kind: str, prelim: bool) -> None:
    p = parse_period(text, hint)
    assert p is not None
    assert (p.period, p.kind, p.preliminary) == (period, kind, prelim)


@pytest.mark.parametrize("text", ["시도별", "항목", "2025.13", "12345", "", "고용률 (%)"])
def test_not_periods(text: str) -> None:
    assert parse_period(text) is None


def test_items_units_and_age_ranges() -> None:
    assert split_item("고용률 (%)") == ("고용률", "%")
    assert split_item("취업자[천명]") == ("취업자", "천명")
    assert split_item("고용률(15~64세) (%)") == ("고용률(15~64세)", "%")
    assert indicator_parts("고용률(15~64세)") == ("고용률", "15~64세")
    assert indicator_parts("15-64세 고용률") == ("고용률", "15~64세")


def test_wide_layout_with_title_lines_missing_cells_and_a_bad_cell() -> None:
    text = (
        "행정구역(시도)별 경제활동인구\n"
        "\n"
        "시도별,항목,2025.06,2025.07,2026.01 p)\n"
        "전국,고용률 (%),63.9,63.8,61.0\n"
        "제주특별자치도,고용률 (%),70.9,70.1,70.0\n"
        "제주특별자치도,실업률 (%),2.0,1.8,4.2\n"
        "제주특별자치도,취업자 (천명),409,abc,404\n"
        "제주특별자치도,실업자 (천명),-,x,18\n"
    )
    meta = FileMeta(table_id="DT_1DA7004S", confidence="official", source="KOSIS", release_date=date(2026, 2, 11))
    out = parse_stats_csv(text, "eap.csv", meta)
    assert [(r.line, r.file) for r in out.rejections] == [(7, "eap.csv")]
    assert "'2025.07'" in out.rejections[0].reason and "abc" in out.rejections[0].reason
    jeju = {(o.indicator, o.period): o for o in out.observations if o.region == "제주특별자치도"}
    assert jeju[("고용률", "2025-06")].value == 70.9
    assert jeju[("고용률", "2025-06")].series_id == "eap.employment_rate"
    assert jeju[("취업자", "2025-06")].unit == "천명"
    assert ("취업자", "2025-07") not in jeju
    assert jeju[("실업자", "2026-01")].preliminary is True
    assert ("실업자", "2025-06") not in jeju and ("실업자", "2025-07") not in jeju  # '-' and 'x' = no figure
    assert {o.region for o in out.observations} == {"전국", "제주특별자치도"}
    assert all(o.table_id == "DT_1DA7004S" and o.confidence == "official" for o in out.observations)
    assert any("2칸" in w for w in out.warnings)  # "-" and "x"; "abc" is rejected


def test_wide_layout_with_a_second_header_row_of_items() -> None:
    text = (
        "시도별,2025.06,2025.06,2025.07,2025.07\n"
        "시도별,고용률 (%),실업률 (%),고용률 (%),실업률 (%)\n"
        "제주특별자치도,70.9,2.0,70.1,1.8\n"
    )
    out = parse_stats_csv(text, "two-rows.csv", FileMeta(confidence="official", source="KOSIS"))
    got = {(o.indicator, o.period): o.value for o in out.observations}
    assert got == {("고용률", "2025-06"): 70.9, ("실업률", "2025-06"): 2.0, ("고용률", "2025-07"): 70.1,
                   ("실업률", "2025-07"): 1.8}
    assert not out.rejections


def test_breakdown_columns_and_totals() -> None:
    text = (
        "시도별,연령계층별,항목,2024.10\n"
        "제주특별자치도,계,취업자 (천명),401\n"
        "제주특별자치도,15 - 29세,취업자 (천명),38\n"
        "제주특별자치도,65세 이상,취업자 (천명),80\n"
    )
    out = parse_stats_csv(text, "age.csv", FileMeta(confidence="news", source="보도"))
    got = {(o.breakdown_kind, o.breakdown): o.value for o in out.observations}
    assert got == {("", ""): 401, ("연령", "15~29세"): 38, ("연령", "65세이상"): 80}


def test_insured_by_industry_layout_with_sidecar_defaults() -> None:
    """고용보험 피보험자 통계 (업종별): no item column, the sidecar names the indicator and unit."""
    text = "업종별,2025.01,2025.02\n숙박 및 음식점업,21000,21350\n건설업,15020,14800\n"
    meta = parse_file_meta("indicator: 피보험자수\nunit: 명\nconfidence: official\nsource: 고용행정통계\n")
    out = parse_stats_csv(text, "ei.csv", meta)
    assert {o.series_id for o in out.observations} == {"ei.insured"}
    assert {(o.breakdown_kind, o.breakdown, o.period): o.value for o in out.observations}[
        ("업종", "숙박 및 음식점업", "2025-02")] == 21350


def test_long_layout_openapi_fields() -> None:
    text = (
        "ORG_ID,TBL_ID,C1,C1_NM,C1_OBJ_NM,ITM_ID,ITM_NM,UNIT_NM,PRD_SE,PRD_DE,DT,LST_CHN_DE\n"
        "101,DT_1DA7004S,50,제주특별자치도,시도별,T90,고용률,%,M,202506,70.9,2025-07-16\n"
        "101,DT_1DA7004S,50,제주특별자치도,시도별,T80,실업률,%,M,202506,2.0,2025-07-16\n"
        "101,DT_1DA7004S,50,제주특별자치도,시도별,T80,실업률,%,M,2025-13,2.0,2025-07-16\n"
    )
    out = parse_stats_csv(text, "long.csv")
    assert [r.line for r in out.rejections] == [4]
    rate = next(o for o in out.observations if o.indicator == "고용률")
    assert (rate.period, rate.region, rate.value, rate.table_id) == ("2025-06", "제주특별자치도", 70.9, "DT_1DA7004S")
    assert rate.release_date == date(2025, 7, 16)
    assert rate.confidence == "official"  # a KOSIS table id without a sidecar
    assert any("출처 파일" in w for w in out.warnings)


def test_korean_long_layout_and_unknown_format() -> None:
    text = "시도별,항목,단위,시점,데이터\n제주특별자치도,고용률,%,2024,69.0\n"
    out = parse_stats_csv(text, "k.csv")
    assert [(o.period, o.value, o.unit, o.confidence) for o in out.observations] == [("2024", 69.0, "%", "unverified")]
    bad = parse_stats_csv("이름,값\n가,1\n", "bad.csv")
    assert not bad.observations and bad.rejections[0].line == 1 and "형식" in bad.rejections[0].reason


def test_sidecar_errors_are_korean() -> None:
    with pytest.raises(ValueError, match="출처 YAML"):
        parse_file_meta("confidence: maybe\n")
    with pytest.raises(ValueError, match="출처 YAML"):
        parse_file_meta("- a\n- b\n")
