"""The bundled Jeju catalogs: deterministic, complete, loadable, lawful and plausibly distributed."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from ingest.samplegen import (
    JOBS_FILE,
    REFERENCE_DATE,
    TRAINING_FILE,
    generate_jobs,
    generate_training,
    write_samples,
)
from ingest.sources import load_jobs, load_training
from ingest.sources.jobs import job_hourly_equivalent, minimum_wage_for
from knowledge.config import CORPUS_DIR
from knowledge.schemas import JobPosting, TrainingCourse

TODAY = REFERENCE_DATE

# Sector of a posting, by the 고용24 industry name (indTpNm) the generator uses.
SECTORS = {
    "숙박·음식·관광": ("호텔", "음식점", "커피", "콘도", "유원지", "여행", "자동차 임대"),
    "돌봄·복지": ("요양", "복지", "보육"),
    "농림어업": ("재배", "양식"),
    "도소매": ("슈퍼", "면세", "편의점"),
}


def sector(job: JobPosting) -> str:
    industry = job.industry or ""
    return next((name for name, words in SECTORS.items() if any(w in industry for w in words)), "기타")


@pytest.fixture(scope="module")
def jobs() -> list[JobPosting]:
    result = load_jobs(CORPUS_DIR / JOBS_FILE, today=TODAY)
    assert result.rejections == []
    return result.records


@pytest.fixture(scope="module")
def courses() -> list[TrainingCourse]:
    result = load_training(CORPUS_DIR / TRAINING_FILE, today=TODAY)
    assert result.rejections == []
    return result.records


def test_generation_is_deterministic() -> None:
    assert generate_jobs(n=150, seed=7) == generate_jobs(n=150, seed=7)
    assert generate_training(n=40, seed=7) == generate_training(n=40, seed=7)
    assert generate_jobs(n=150, seed=7) != generate_jobs(n=150, seed=8)


def test_bundled_files_are_the_generator_output(tmp_path: Path) -> None:
    written = write_samples(tmp_path)
    assert [p.relative_to(tmp_path) for p in written] == [JOBS_FILE, TRAINING_FILE]
    for rel in (JOBS_FILE, TRAINING_FILE):
        assert (tmp_path / rel).read_bytes() == (CORPUS_DIR / rel).read_bytes(), f"{rel}: run `python -m ingest.samplegen`"


def test_sizes_and_no_rejections(jobs: list[JobPosting], courses: list[TrainingCourse]) -> None:
    assert len(jobs) >= 2000 and len({j.id for j in jobs}) == len(jobs)
    assert len(courses) >= 300 and len({c.id for c in courses}) == len(courses)


def test_regions_and_districts(jobs: list[JobPosting]) -> None:
    cities = Counter(j.region for j in jobs)
    assert set(cities) == {"제주시", "서귀포시"}
    assert 0.6 <= cities["제주시"] / len(jobs) <= 0.8
    districts = {j.district for j in jobs}
    assert None not in districts and len(districts) >= 25
    # Sector geography: IT at the 첨단과학기술단지 (아라동), 감귤 in 서귀포시 (mostly 남원읍 etc.).
    it = [j for j in jobs if (j.keco_code or "").startswith("13")]
    assert Counter(j.district for j in it).most_common(1)[0][0] == "아라동"
    citrus = [j for j in jobs if j.industry == "과실류 재배업"]
    assert sum(j.region == "서귀포시" for j in citrus) > len(citrus) / 2


def test_every_wage_meets_the_minimum_wage_of_its_year(jobs: list[JobPosting]) -> None:
    checked = 0
    for job in jobs:
        hourly = job_hourly_equivalent(job)
        if hourly is None:
            assert job.wage_type == "면접후결정"
            continue
        assert job.reg_date is not None
        minimum = minimum_wage_for(job.reg_date.year)
        assert minimum is not None and hourly >= minimum, (job.id, hourly)
        if job.wage_type == "시급":
            assert job.wage_min is not None and job.wage_min >= minimum
        if job.wage_type == "월급" and (job.weekly_hours or 40) >= 40:
            assert job.wage_min is not None and job.wage_min >= minimum * 209
        checked += 1
    assert checked >= 0.95 * len(jobs)


def test_sector_mix_follows_jeju(jobs: list[JobPosting]) -> None:
    shares = Counter(sector(j) for j in jobs)
    top, count = shares.most_common(1)[0]
    assert top == "숙박·음식·관광" and count / len(jobs) > 0.25
    assert shares["돌봄·복지"] > shares["도소매"] and shares["농림어업"] > 0.05 * len(jobs)
    assert Counter((j.keco_code or "x")[0] for j in jobs).most_common(1)[0][0] == "5"


def test_dates_seasonal_and_part_time(jobs: list[JobPosting]) -> None:
    earliest = TODAY - timedelta(days=90)
    open_ended = 0
    for job in jobs:
        assert job.reg_date is not None and earliest <= job.reg_date <= TODAY
        if job.close_date is None:
            open_ended += 1
            assert job.close_text == "채용시까지"
        else:
            assert 7 <= (job.close_date - job.reg_date).days <= 60
    assert 0.3 <= open_ended / len(jobs) <= 0.5
    assert any(j.close_date is not None and j.close_date < TODAY for j in jobs)  # some already closed
    seasonal = [j for j in jobs if j.seasonal]
    assert len(seasonal) >= 50 and any("감귤" in j.title for j in seasonal)
    part_time = [j for j in jobs if j.employment_type == "시간제"]
    assert len(part_time) >= 200
    assert all(j.weekly_hours is not None and 15 <= j.weekly_hours <= 30 for j in part_time)


def test_market_ranges(jobs: list[JobPosting]) -> None:
    def pays(industry: str, wage_type: str) -> list[int]:
        return [j.wage_min for j in jobs if j.industry == industry and j.wage_type == wage_type and j.wage_min]

    hotel = pays("호텔업", "월급")
    assert hotel and min(hotel) >= 2_156_880 and max(hotel) <= 2_800_000
    it = pays("응용 소프트웨어 개발 및 공급업", "연봉")
    assert it and 32_000_000 <= min(it) and max(it) <= 50_000_000
    care = pays("노인 요양 복지시설 운영업", "시급")
    assert care and 10_500 <= min(care) and max(care) <= 12_500


def test_training_catalog(courses: list[TrainingCourse]) -> None:
    assert {c.region for c in courses} == {"제주시", "서귀포시"}
    assert all(300_000 <= c.cost <= 6_000_000 for c in courses)
    assert all(c.area_code.startswith("50") for c in courses)
    assert all(c.end_date > c.start_date for c in courses)
    types = Counter(c.course_type_code for c in courses)
    assert {"C0061", "C0104", "C0054", "C0102"} <= set(types)
    assert all(c.card_eligible and c.self_pay is not None and c.self_pay <= c.cost for c in courses)
    new = [c for c in courses if c.round == "1"]
    assert new and all(c.employment_rate is None for c in new)
    rated = [c.employment_rate for c in courses if c.employment_rate is not None]
    assert rated and all(0 <= r <= 100 for r in rated)
    titles = " ".join(c.title for c in courses)
    for word in ("바리스타", "요양보호사", "전산회계", "지게차", "드론", "스마트팜", "K-디지털"):
        assert word in titles
    starts = [c.start_date for c in courses]
    assert min(starts) >= TODAY - timedelta(days=60) and max(starts) <= TODAY + timedelta(days=240)
    assert any(s > TODAY for s in starts) and any(s <= TODAY for s in starts)


def test_small_generation_loads(tmp_path: Path) -> None:
    path = tmp_path / "jobs.xml"
    path.write_text(generate_jobs(n=60, seed=3, reference_date=date(2025, 11, 1)), encoding="utf-8")
    result = load_jobs(path, today=date(2025, 11, 1))
    assert len(result.records) == 60 and result.rejections == []
    # Registered in 2025 → checked against the 2025 minimum wage (10,030원), which the generator still meets.
    assert all(j.reg_date is not None and j.reg_date.year == 2025 for j in result.records)
