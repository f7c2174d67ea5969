"""Small pure metric functions used by the eval runner (and tested on their own)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from knowledge.schemas import JobFilters, JobPosting, TrainingCourse, TrainingFilters

# The 43 읍·면·동 of 제주특별자치도 by 행정시 (policy-facts §11) — the eval's own copy, so that a wrong gazetteer
# in the system cannot make a wrong slot look right.
_JEJU_SI = (
    "일도1동 일도2동 이도1동 이도2동 삼도1동 삼도2동 용담1동 용담2동 건입동 화북동 삼양동 봉개동 아라동 오라동 연동 "
    "노형동 외도동 이호동 도두동 한림읍 애월읍 구좌읍 조천읍 한경면 추자면 우도면"
).split()
_SEOGWIPO_SI = (
    "송산동 정방동 중앙동 천지동 효돈동 영천동 동홍동 서홍동 대륜동 대천동 중문동 예래동 대정읍 남원읍 성산읍 안덕면 표선면"
).split()
CITY_OF_DISTRICT: dict[str, str] = {**{d: "제주시" for d in _JEJU_SI}, **{d: "서귀포시" for d in _SEOGWIPO_SI}}


# ---------------------------------------------------------------------------------------------- ranking
def first_rank(ranked: Sequence[str], accepted: Iterable[str]) -> int | None:
    """1-based position of the first ranked id that is accepted, or None."""
    wanted = set(accepted)
    for i, item in enumerate(ranked, 1):
        if item in wanted:
            return i
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of queries whose first relevant result is within the top ``k``."""
    if not ranks:
        return 0.0
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    if not ranks:
        return 0.0
    return sum(1.0 / r for r in ranks if r) / len(ranks)


# ---------------------------------------------------------------------------------------------- slots
def same_value(expected: Any, actual: Any) -> bool:
    """Equal, with numbers compared to the 원 (int vs float, rounding of 일급 × 21.75 …)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return math.isclose(float(expected), float(actual), abs_tol=1.0)
    return bool(expected == actual)


def slot_counts(
    expected: Mapping[str, Any], predicted: Mapping[str, Any], ignore: Iterable[str] = ()
) -> tuple[int, int, int, list[str]]:
    """(true positives, false positives, false negatives, problems) of predicted vs expected slot values.

    A key in ``ignore`` is neither a hit nor a false positive when predicted (an implied value).
    A wrong value counts as one false positive and one false negative.
    """
    skip = set(ignore)
    tp = fp = fn = 0
    problems: list[str] = []
    for key, want in expected.items():
        if key not in predicted:
            fn += 1
            problems.append(f"{key}: 없음 (기대 {want!r})")
        elif same_value(want, predicted[key]):
            tp += 1
        else:
            fp += 1
            fn += 1
            problems.append(f"{key}: {predicted[key]!r} (기대 {want!r})")
    for key, got in predicted.items():
        if key not in expected and key not in skip:
            fp += 1
            problems.append(f"{key}: {got!r} (기대 없음)")
    return tp, fp, fn, problems


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------------------------------------- timing
def percentile(values: Sequence[float], pct: float) -> float:
    """Linear-interpolated percentile (``pct`` in 0–100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


# ---------------------------------------------------------------------------------------------- filters
def job_violations(job: JobPosting, f: JobFilters, today: date) -> list[str]:
    """Every filter the posting breaks (the eval's own predicate, written from the JobFilters field docs)."""
    out: list[str] = []
    if f.region and job.region != f.region:
        out.append(f"region {job.region} ≠ {f.region}")
    if f.district and job.district != f.district:
        out.append(f"district {job.district} ≠ {f.district}")
    if f.min_monthly_pay and (job.monthly_pay_max is None or job.monthly_pay_max < f.min_monthly_pay):
        out.append(f"monthly_pay_max {job.monthly_pay_max} < {f.min_monthly_pay}")
    if f.employment_type and job.employment_type != f.employment_type:
        out.append(f"employment_type {job.employment_type} ≠ {f.employment_type}")
    if f.max_weekly_hours and (job.weekly_hours is None or job.weekly_hours > f.max_weekly_hours):
        out.append(f"weekly_hours {job.weekly_hours} > {f.max_weekly_hours}")
    if f.keco_prefix and not (job.keco_code or "").startswith(f.keco_prefix):
        out.append(f"keco_code {job.keco_code} !~ {f.keco_prefix}*")
    if f.open_only and job.close_date is not None and job.close_date < today:
        out.append(f"closed {job.close_date}")
    if f.seasonal is not None and job.seasonal != f.seasonal:
        out.append(f"seasonal {job.seasonal} ≠ {f.seasonal}")
    return out


def course_violations(course: TrainingCourse, f: TrainingFilters) -> list[str]:
    out: list[str] = []
    if f.region and course.region != f.region:
        out.append(f"region {course.region} ≠ {f.region}")
    if f.card_eligible is not None and course.card_eligible != f.card_eligible:
        out.append(f"card_eligible {course.card_eligible} ≠ {f.card_eligible}")
    if f.max_self_pay is not None and (course.self_pay is None or course.self_pay > f.max_self_pay):
        out.append(f"self_pay {course.self_pay} > {f.max_self_pay}")
    if f.start_from and course.start_date < f.start_from:
        out.append(f"start {course.start_date} < {f.start_from}")
    if f.start_to and course.start_date > f.start_to:
        out.append(f"start {course.start_date} > {f.start_to}")
    if f.ncs_prefix and not (course.ncs_code or "").startswith(f.ncs_prefix):
        out.append(f"ncs_code {course.ncs_code} !~ {f.ncs_prefix}*")
    if f.course_type_code and course.course_type_code != f.course_type_code:
        out.append(f"course_type_code {course.course_type_code} ≠ {f.course_type_code}")
    return out
