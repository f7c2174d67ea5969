"""Statistics ingest: official/bundled series + catalog aggregates → ``<data_dir>/stats.sqlite``.

``run_stats_ingest(settings, path=None)`` (what ``goyong ingest --source stats`` runs):

1. Statistics files: the bundled series under ``<corpus_dir>/stats`` (the Jeju figures of policy-facts §7, [NEWS]
   press citations), then — when ``path`` is given — the admin's files there (a KOSIS download). Each ``X.csv`` may
   have a sidecar ``X.yaml`` (:class:`knowledge.stats.FileMeta`: source, table id, release date, confidence,
   per-period sources, notes). Files are decoded with the catalog loaders' reader (UTF-8, UTF-8 BOM or CP949).
   Where two files give the same figure, the more authoritative wins (an official release over a press figure);
   a tie goes to the admin's file. XLSX downloads are read from their first worksheet (openpyxl); old .xls is not.
2. Catalog aggregates from the job and training catalogs (read through ``ingest.sources``), as of ``today``:
   open postings by 시·읍면동, 업종, 업종군, 직종 (KECO 대분류), 고용형태; the monthly-equivalent wage of open
   full-time postings (n, min, p25, median, p75, max, mean) per 직종, 직업 and 업종 for Jeju and each city (groups
   of at least :data:`MIN_WAGE_GROUP` postings); registrations by month (all, 관광 관련, 계절 공고); training
   courses by start month.
3. The whole store is rewritten in one step (readers never see half of it). Rejected rows keep their file and line.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel

from ingest.sources import load_jobs, load_training
from ingest.sources._common import read_source
from ingest.sources.jobs import is_full_time
from knowledge.config import Settings
from knowledge.schemas import JobPosting, Rejection, TrainingCourse
from knowledge.stats import (
    JEJU,
    FileMeta,
    Observation,
    StatNote,
    StatsStore,
    merge_observations,
    parse_file_meta,
    parse_stats_csv,
)

SOURCE = "stats"
MIN_WAGE_GROUP = 5
STATS_SUFFIXES = {".csv", ".xlsx", ".xls"}

# KECO 대분류 (policy-facts §5.3): the first digit of 고용24 jobsCd.
KECO_MAJOR: dict[str, str] = {
    "0": "경영·사무·금융·보험직", "1": "연구직 및 공학 기술직", "2": "교육·법률·사회복지·경찰·소방직 및 군인",
    "3": "보건·의료직", "4": "예술·디자인·방송·스포츠직", "5": "미용·여행·숙박·음식·경비·청소직",
    "6": "영업·판매·운전·운송직", "7": "건설·채굴직", "8": "설치·정비·생산직", "9": "농림어업직",
}
# 업종 (고용24 indTpNm, KSIC 세세분류 names) → broad group, first keyword match wins.
INDUSTRY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("숙박·음식점업", ("호텔", "숙박", "펜션", "리조트", "콘도", "음식점", "커피", "주점", "제과", "식당", "한식", "일식",
                  "중식", "양식", "분식", "음식")),
    ("도매·소매업", ("슈퍼", "편의점", "면세점", "소매", "도매", "상점", "판매")),
    ("보건·사회복지 서비스업", ("요양", "복지", "의원", "병원", "보육", "돌봄", "간호")),
    ("농림어업", ("재배", "어업", "축산", "농업", "임업", "원예")),
    ("건설업", ("건설", "공사", "토목")),
    ("운수·창고업", ("운송", "택배", "버스", "화물", "물류", "창고")),
    ("예술·스포츠·여가 서비스업", ("유원지", "테마파크", "골프", "레저", "스포츠", "관광지")),
    ("사업시설관리·사업지원·임대 서비스업", ("사업지원", "청소", "경비", "임대", "여행사", "여행")),
    ("교육 서비스업", ("학원", "교육")),
    ("정보통신업", ("소프트웨어", "데이터베이스", "정보", "통신")),
    ("전문·과학·기술 서비스업", ("회계", "세무", "법무", "설계", "엔지니어링", "광고")),
    ("제조업", ("제조", "가공")),
)
# Postings counted as tourism-related (Jeju 관광업): hotels and lodging, restaurants and cafés, leisure parks,
# travel agencies, car rental and duty-free shops.
TOURISM_WORDS = ("호텔", "숙박", "펜션", "리조트", "콘도", "음식점", "커피", "유원지", "테마파크", "골프", "레저", "여행",
                 "자동차 임대", "면세점")
CATALOG_NOTE = "고용24 형식의 번들 예시(샘플) 카탈로그에서 계산 — 실제 고용24 공고 수가 아닙니다"


class StatsIngestReport(BaseModel):
    run_id: str
    started_at: datetime
    seconds: float = 0.0
    store: str
    as_of: date
    files: list[str] = []
    observations: int = 0
    by_series: dict[str, int] = {}
    superseded: int = 0
    rejected: list[Rejection] = []
    warnings: list[str] = []
    catalog_files: list[str] = []
    catalog_is_sample: bool = True

    @property
    def ok(self) -> bool:
        return self.observations > 0


# ---- statistics files ----------------------------------------------------------------------------------------------
def _stat_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.exists():
        return []
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in STATS_SUFFIXES)


def _xlsx_as_csv(path: Path) -> tuple[str | None, Rejection | None]:
    """The first worksheet of a KOSIS .xlsx download as CSV text (a line number is the sheet's row number)."""
    from openpyxl import load_workbook  # only admins' .xlsx files need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds for a broken file
        reason = f"엑셀 파일을 열 수 없습니다 ({type(exc).__name__}) — 파일이 손상되지 않았는지, .xlsx가 맞는지 확인하세요"
        return None, Rejection(source=SOURCE, file=str(path), reason=reason)
    try:
        sheet = book.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in row])
        return out.getvalue(), None
    finally:
        book.close()


def load_stats_file(path: Path) -> tuple[list[Observation], list[StatNote], list[Rejection], list[str]]:
    """One statistics file (+ its sidecar YAML): observations, notes, rejections, warnings."""
    file = str(path)
    if path.suffix.lower() == ".xls":
        reason = ("옛 엑셀 형식(.xls)은 읽지 않습니다 — 엑셀에서 .xlsx나 'CSV UTF-8'로 저장하거나 KOSIS에서 CSV로 "
                  "내려받으세요")
        return [], [], [Rejection(source=SOURCE, file=file, reason=reason)], []
    meta: FileMeta | None = None
    sidecar = path.with_suffix(".yaml")
    if sidecar.is_file():
        try:
            meta = parse_file_meta(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            return [], [], [Rejection(source=SOURCE, file=str(sidecar), line=1, reason=str(exc))], []
    if path.suffix.lower() == ".xlsx":
        text, rejection = _xlsx_as_csv(path)
    else:
        text, rejection = read_source(path, SOURCE)
    if rejection is not None or text is None:
        return [], [], [rejection or Rejection(source=SOURCE, file=file, reason="읽기 실패")], []
    parsed = parse_stats_csv(text, file, meta)
    return parsed.observations, parsed.notes, parsed.rejections, parsed.warnings


# ---- catalog aggregates ------------------------------------------------------------------------------------------
def industry_group(name: str | None) -> str:
    if not name:
        return "기타"
    for group, words in INDUSTRY_GROUPS:
        if any(w in name for w in words):
            return group
    return "기타"


def is_tourism(name: str | None) -> bool:
    return bool(name) and any(w in (name or "") for w in TOURISM_WORDS)


def is_open(job: JobPosting, today: date) -> bool:
    if job.reg_date and job.reg_date > today:
        return False
    return job.close_date is None or job.close_date >= today


def monthly_wage(job: JobPosting) -> int | None:
    """The posting's monthly-equivalent pay (middle of its range), full-time postings only."""
    if job.wage_type == "면접후결정" or not is_full_time(job.weekly_hours):
        return None
    lo, hi = job.monthly_pay_min, job.monthly_pay_max
    if lo is None and hi is None:
        return None
    if lo is None or hi is None:
        return lo if hi is None else hi
    return round((lo + hi) / 2)


def _quantile(values: list[int], q: float) -> float:
    """Linear-interpolation quantile (the 'inclusive' method, as spreadsheet QUARTILE.INC)."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def wage_measures(values: list[int]) -> dict[str, float]:
    return {
        "n": float(len(values)), "min": float(min(values)), "p25": round(_quantile(values, 0.25)),
        "median": round(statistics.median(values)), "p75": round(_quantile(values, 0.75)),
        "max": float(max(values)), "mean": round(statistics.fmean(values)),
    }


def catalog_observations(
    jobs: Iterable[JobPosting], courses: Iterable[TrainingCourse], today: date, *, sample: bool = True
) -> list[Observation]:
    """Counts and wage distributions computed from the catalogs, as of ``today``."""
    jobs = list(jobs)
    as_of = today.isoformat()
    src = "고용24 채용정보 카탈로그 집계" + (" (번들 예시 데이터)" if sample else "")
    note = CATALOG_NOTE if sample else ""
    out: list[Observation] = []

    def obs(series: str, indicator: str, unit: str, period: str, kind: str, region: str, bkind: str, label: str,
            value: float, measure: str = "value", source: str = src) -> None:
        out.append(Observation(series_id=series, indicator=indicator, unit=unit, period=period,
                               period_kind=kind,  # type: ignore[arg-type]
                               region=region, breakdown_kind=bkind, breakdown=label, measure=measure, value=value,
                               source=source, release_date=today, confidence="catalog", note=note))

    open_jobs = [j for j in jobs if is_open(j, today)]
    dims: dict[str, Callable[[JobPosting], str | None]] = {
        "업종": lambda j: j.industry,
        "업종군": lambda j: industry_group(j.industry),
        "직종": lambda j: KECO_MAJOR.get((j.keco_code or "")[:1]),
        "직업": lambda j: j.job_name,
        "고용형태": lambda j: j.employment_type,
    }
    for region, members in _by_region(open_jobs).items():
        obs("catalog.open_postings", "구인공고", "건", as_of, "day", region, "", "", len(members))
        for kind, key in dims.items():
            for label, n in Counter(k for j in members if (k := key(j))).items():
                obs("catalog.open_postings", "구인공고", "건", as_of, "day", region, kind, label, n)
        tourism = sum(1 for j in members if is_tourism(j.industry))
        obs("catalog.open_postings", "구인공고", "건", as_of, "day", region, "업종군", "관광 관련", tourism)
    for (city, district), n in Counter((j.region, j.district) for j in open_jobs if j.district).items():
        obs("catalog.open_postings", "구인공고", "건", as_of, "day", district, "", "", n)
        obs("catalog.open_postings", "구인공고", "건", as_of, "day", city, "읍면동", district, n)

    for region, members in _by_region(open_jobs).items():
        paid = [(j, w) for j in members if (w := monthly_wage(j)) is not None]
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for j, w in paid:
            groups[("", "")].append(w)
            for kind in ("직종", "직업", "업종", "업종군"):
                name = dims[kind](j)
                if name:
                    groups[(kind, name)].append(w)
            if is_tourism(j.industry):
                groups[("업종군", "관광 관련")].append(w)
        for (kind, label), values in groups.items():
            if len(values) < MIN_WAGE_GROUP:
                continue
            for measure, value in wage_measures(values).items():
                unit = "건" if measure == "n" else "원"
                obs("catalog.monthly_wage", "월 임금(월급 환산, 전일제 공고)", unit, as_of, "day", region, kind, label,
                    value, measure)

    for month, n in Counter(j.reg_date.strftime("%Y-%m") for j in jobs if j.reg_date).items():
        obs("catalog.registrations", "구인공고 등록", "건", month, "month", JEJU, "", "", n)
    for month, n in Counter(j.reg_date.strftime("%Y-%m") for j in jobs if j.reg_date and is_tourism(j.industry)).items():
        obs("catalog.registrations", "구인공고 등록", "건", month, "month", JEJU, "업종군", "관광 관련", n)
    for month, n in Counter(j.reg_date.strftime("%Y-%m") for j in jobs if j.reg_date and j.seasonal).items():
        obs("catalog.registrations", "구인공고 등록", "건", month, "month", JEJU, "계절성", "계절 공고", n)
    train_src = "고용24 훈련과정 카탈로그 집계" + (" (번들 예시 데이터)" if sample else "")
    for month, n in Counter(c.start_date.strftime("%Y-%m") for c in courses).items():
        obs("catalog.training_starts", "훈련과정 개강", "건", month, "month", JEJU, "", "", n, source=train_src)
    return out


def _by_region(jobs: list[JobPosting]) -> dict[str, list[JobPosting]]:
    out: dict[str, list[JobPosting]] = {JEJU: list(jobs)}
    for j in jobs:
        out.setdefault(j.region, []).append(j)
    return out


def _catalog_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix.lower() in (".xml", ".csv")) if path.exists() else []


# ---- run -----------------------------------------------------------------------------------------------------------
def run_stats_ingest(
    settings: Settings,
    path: Path | None = None,
    *,
    today: date | None = None,
    jobs_path: Path | None = None,
    training_path: Path | None = None,
) -> StatsIngestReport:
    """Load the statistics files and catalog aggregates and rewrite ``<data_dir>/stats.sqlite``."""
    today = today or settings.current_date()
    started = time.perf_counter()
    store = StatsStore.at(settings.data_dir)
    report = StatsIngestReport(run_id=datetime.now().strftime("%Y%m%dT%H%M%S%f"), started_at=datetime.now(),
                               store=str(store.path), as_of=today)
    groups: list[list[Observation]] = []
    notes: dict[str, StatNote] = {}
    folders = [settings.corpus_dir / "stats"] + ([path] if path is not None else [])
    for folder in folders:
        files = _stat_files(folder)
        if folder == path and not files:
            report.rejected.append(Rejection(source=SOURCE, file=str(folder),
                                             reason="읽을 통계 파일이 없습니다 (.csv)"))
        group: list[Observation] = []
        for f in files:
            observations, file_notes, rejected, warnings = load_stats_file(f)
            report.files.append(str(f))
            group += observations
            notes.update({n.id: n for n in file_notes})
            report.rejected += rejected
            report.warnings += warnings
        groups.append(group)

    jobs_src = jobs_path or settings.corpus_dir / "jobs"
    training_src = training_path or settings.corpus_dir / "training"
    jobs: list[JobPosting] = []
    courses: list[TrainingCourse] = []
    for f in _catalog_files(jobs_src):
        jobs += load_jobs(f, today=today).records
        report.catalog_files.append(str(f))
    for f in _catalog_files(training_src):
        courses += load_training(f, today=today).records
        report.catalog_files.append(str(f))
    report.catalog_is_sample = jobs_path is None and training_path is None
    groups.insert(0, catalog_observations(jobs, courses, today, sample=report.catalog_is_sample))

    kept, superseded = merge_observations(groups)
    report.superseded = len(superseded)
    report.observations = len(kept)
    report.by_series = dict(sorted(Counter(o.series_id for o in kept).items()))
    store.write(kept, list(notes.values()), {
        "built_at": datetime.now().isoformat(timespec="seconds"), "as_of": today.isoformat(),
        "catalog_is_sample": json.dumps(report.catalog_is_sample), "files": json.dumps(report.files),
    })
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def stats_after_catalogs(settings: Settings, path: Path | None = None) -> StatsIngestReport:
    """Refresh the statistics store after a whole ingest (``--source all``, the server's first build, the admin's
    re-index): the catalog aggregates follow the catalogs just indexed. ``path`` is the folder that held
    ``policies/ jobs/ training/`` (and optionally ``stats/``) for ``--path``; None = the bundled files."""
    if path is None:
        return run_stats_ingest(settings)
    stats_dir = path / "stats"
    return run_stats_ingest(settings, stats_dir if stats_dir.exists() else None,
                            jobs_path=path / "jobs", training_path=path / "training")


def cli_ingest_stats(args: argparse.Namespace) -> int:
    """``goyong ingest --source stats [--path FILE|DIR] [--strict] [--json]``."""
    from rich.console import Console

    from knowledge.config import get_settings

    out = Console()
    report = run_stats_ingest(get_settings(), getattr(args, "path", None))
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(f"통계 저장소 {report.store}: {report.observations}개 수치 ({report.seconds:.1f}초, 기준일 {report.as_of})")
        for series, n in report.by_series.items():
            out.print(f"  {series}: {n}")
        if report.superseded:
            out.print(f"  같은 수치가 겹쳐 더 공식적인 쪽을 남김: {report.superseded}개")
        for r in report.rejected:
            where = r.file + (f":{r.line}" if r.line else "")
            out.print(f"  [yellow]거부[/yellow] {where} — {r.reason}", highlight=False)
        for w in report.warnings:
            out.print(f"  [dim]참고[/dim] {w}", highlight=False)
    if getattr(args, "strict", False) and report.rejected:
        return 2
    return 0 if report.ok else 2
