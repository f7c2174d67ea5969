"""Stats ingest: catalog aggregates by hand-made postings, admin drop-ins (CP949, official over press), rejections."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ingest.stats import catalog_observations, industry_group, monthly_wage, run_stats_ingest
from knowledge.config import Settings
from knowledge.schemas import JobPosting
from knowledge.stats import StatsStore

TODAY = date(2026, 11, 21)


def _job(i: int, **kw: Any) -> JobPosting:
    base: dict[str, Any] = {
        "id": f"K{i}", "title": "t", "company": "c", "region": "서귀포시", "district": "중문동", "industry": "호텔업",
        "keco_code": "531101", "job_name": "객실 청소원", "employment_type": "정규직", "wage_type": "월급",
        "monthly_pay_min": 2_400_000, "monthly_pay_max": 2_400_000, "weekly_hours": 40.0,
        "reg_date": date(2026, 10, 1), "close_date": date(2026, 12, 31),
    }
    base.update(kw)
    return JobPosting.model_validate(base)


def _value(rows: list[Any], **match: Any) -> float:
    found = [o.value for o in rows if all(getattr(o, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return float(found[0])


def test_open_posting_counts_by_place_industry_and_type() -> None:
    jobs = [
        _job(1), _job(2), _job(3, region="제주시", district="애월읍", industry="한식 일반 음식점업",
                              employment_type="시간제", keco_code="541101"),
        _job(4, close_date=date(2026, 11, 20)),  # closed yesterday: not open
        _job(5, reg_date=date(2026, 11, 25)),  # registered after today: not open
        _job(6, close_date=None),  # 채용시까지: open
    ]
    rows = [o for o in catalog_observations(jobs, [], TODAY) if o.series_id == "catalog.open_postings"]
    assert _value(rows, region="제주특별자치도", breakdown_kind="", breakdown="") == 4
    assert _value(rows, region="서귀포시", breakdown_kind="", breakdown="") == 3
    assert _value(rows, region="서귀포시", breakdown_kind="읍면동", breakdown="중문동") == 3
    assert _value(rows, region="중문동", breakdown_kind="", breakdown="") == 3
    assert _value(rows, region="제주특별자치도", breakdown_kind="업종", breakdown="호텔업") == 3
    assert _value(rows, region="제주특별자치도", breakdown_kind="업종군", breakdown="숙박·음식점업") == 4
    assert _value(rows, region="제주특별자치도", breakdown_kind="업종군", breakdown="관광 관련") == 4
    assert _value(rows, region="제주특별자치도", breakdown_kind="고용형태", breakdown="시간제") == 1
    assert _value(rows, region="제주특별자치도", breakdown_kind="직종",
                  breakdown="미용·여행·숙박·음식·경비·청소직") == 4
    assert all(o.period == "2026-11-21" and o.confidence == "catalog" for o in rows)


def test_wage_quartiles_of_full_time_open_postings() -> None:
    pays = [2_000_000, 2_200_000, 2_400_000, 2_600_000, 3_000_000]
    jobs = [_job(i, monthly_pay_min=p, monthly_pay_max=p) for i, p in enumerate(pays)]
    jobs.append(_job(10, monthly_pay_min=1_000_000, monthly_pay_max=1_000_000, weekly_hours=20.0))  # part-time
    jobs.append(_job(11, wage_type="면접후결정", monthly_pay_min=None, monthly_pay_max=None))
    jobs.append(_job(12, monthly_pay_min=9_000_000, monthly_pay_max=9_000_000, close_date=date(2026, 1, 1)))  # closed
    rows = [o for o in catalog_observations(jobs, [], TODAY)
            if o.series_id == "catalog.monthly_wage" and o.region == "서귀포시" and o.breakdown == "호텔업"]
    got = {o.measure: o.value for o in rows}
    assert got == {"n": 5, "min": 2_000_000, "p25": 2_200_000, "median": 2_400_000, "p75": 2_600_000,
                   "max": 3_000_000, "mean": 2_440_000}
    assert {o.unit for o in rows if o.measure != "n"} == {"원"}


def test_small_groups_get_no_wage_distribution() -> None:
    rows = catalog_observations([_job(i) for i in range(4)], [], TODAY)
    assert not [o for o in rows if o.series_id == "catalog.monthly_wage"]


def test_monthly_wage_rule() -> None:
    assert monthly_wage(_job(1, monthly_pay_min=2_000_000, monthly_pay_max=2_500_000)) == 2_250_000
    assert monthly_wage(_job(1, monthly_pay_min=2_000_000, monthly_pay_max=None)) == 2_000_000
    assert monthly_wage(_job(1, weekly_hours=30.0)) is None


def test_registrations_by_month() -> None:
    jobs = [_job(1, reg_date=date(2026, 9, 3)), _job(2, reg_date=date(2026, 9, 30), industry="슈퍼마켓"),
            _job(3, reg_date=date(2026, 10, 1), seasonal=True, close_date=date(2026, 10, 30))]
    rows = [o for o in catalog_observations(jobs, [], TODAY) if o.series_id == "catalog.registrations"]
    assert _value(rows, period="2026-09", breakdown="") == 2
    assert _value(rows, period="2026-09", breakdown="관광 관련") == 1
    assert _value(rows, period="2026-10", breakdown="계절 공고") == 1


@pytest.mark.parametrize(("name", "group"), [("호텔업", "숙박·음식점업"), ("노인 요양 복지시설 운영업", "보건·사회복지 서비스업"),
                                             ("과실류 재배업", "농림어업"), ("우주 산업", "기타"), (None, "기타")])
def test_industry_groups(name: str | None, group: str) -> None:
    assert industry_group(name) == group


def test_run_with_bundled_series_catalogs_and_an_admin_release(settings: Settings, tmp_path: Path) -> None:
    drop = tmp_path / "kosis"
    drop.mkdir()
    # A KOSIS download in CP949: the official 2025-06 고용률 replaces the press figure; one bad row is rejected.
    (drop / "시도별_경제활동인구.csv").write_bytes(
        ("시도별,항목,2025.06,2025.09\n제주특별자치도,고용률 (%),71.0,70.5\n제주특별자치도,실업률 (%),2.0,없음\n")
        .encode("cp949"))
    (drop / "시도별_경제활동인구.yaml").write_text(
        "source: KOSIS 행정구역(시도)별 경제활동인구\ntable_id: DT_1DA7004S\nconfidence: official\n"
        "release_date: 2025-10-15\n", encoding="utf-8")
    (drop / "old.xlsx").write_bytes(b"PK\x03\x04")  # a broken workbook is rejected, the rest loads
    report = run_stats_ingest(settings, drop, today=TODAY)
    store = StatsStore.at(settings.data_dir)
    assert report.observations == store.count() > 1000
    june = store.query(indicator="고용률", regions=["제주특별자치도"], breakdowns=[""], period_from="2025-06",
                       period_to="2025-06")
    assert [(o.value, o.confidence, o.table_id) for o in june] == [(71.0, "official", "DT_1DA7004S")]
    assert report.superseded >= 1
    reasons = {(Path(r.file).name, r.line): r.reason for r in report.rejected}
    assert ("시도별_경제활동인구.csv", 3) in reasons and "없음" in reasons[("시도별_경제활동인구.csv", 3)]
    assert "엑셀 파일을 열 수 없습니다" in reasons[("old.xlsx", None)]
    assert store.query(indicator="실업률", period_from="2025-09", period_to="2025-09") == []
    july = store.query(indicator="고용률", regions=["제주특별자치도"], breakdowns=[""], period_from="2025-07",
                       period_to="2025-07")
    assert [o.confidence for o in july] == ["news"]  # untouched bundled press figure
    assert store.query(series_id="catalog.open_postings", regions=["제주특별자치도"], breakdowns=[""])
    assert store.meta()["as_of"] == "2026-11-21" and report.catalog_is_sample


def test_a_folder_without_statistics_files_is_reported(settings: Settings, tmp_path: Path) -> None:
    report = run_stats_ingest(settings, tmp_path / "empty", today=TODAY)
    assert any("통계 파일이 없습니다" in r.reason for r in report.rejected)
    assert report.ok  # the bundled series and the catalogs still load


def test_a_whole_ingest_from_an_admin_folder_takes_its_catalogs_and_statistics(settings: Settings,
                                                                               tmp_path: Path) -> None:
    from ingest.stats import stats_after_catalogs

    folder = tmp_path / "export"
    (folder / "jobs").mkdir(parents=True)
    (folder / "stats").mkdir()
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "work24" / "jobs_list_real.xml"
    (folder / "jobs" / "jobs.xml").write_bytes(fixture.read_bytes())
    (folder / "stats" / "시도별_경제활동인구.csv").write_text(
        "시도별,항목,2025.06\n제주특별자치도,고용률 (%),71.0\n", encoding="utf-8")
    report = stats_after_catalogs(settings, folder)
    assert [Path(f).name for f in report.catalog_files] == ["jobs.xml"]
    assert any(Path(f).name == "시도별_경제활동인구.csv" for f in report.files)
    assert StatsStore.at(settings.data_dir).exists()


def test_a_kosis_xlsx_download_loads_like_its_csv(settings: Settings, tmp_path: Path) -> None:
    from openpyxl import Workbook

    drop = tmp_path / "kosis"
    drop.mkdir()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["시도별", "항목", "2025.06", "2025.09"], ["제주특별자치도", "고용률 (%)", 71.0, 70.5],
                ["제주특별자치도", "실업률 (%)", 2.0, "없음"]):
        sheet.append(row)
    book.save(drop / "시도별_경제활동인구.xlsx")
    (drop / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    report = run_stats_ingest(settings, drop, today=TODAY)
    store = StatsStore.at(settings.data_dir)
    september = store.query(indicator="고용률", regions=["제주특별자치도"], breakdowns=[""], period_from="2025-09",
                            period_to="2025-09")
    assert [o.value for o in september] == [70.5]
    reasons = {(Path(r.file).name, r.line): r.reason for r in report.rejected}
    assert "없음" in reasons[("시도별_경제활동인구.xlsx", 3)]  # the sheet's row number
    assert ".xlsx" in reasons[("old.xls", None)]
