"""nDCG@5 and precision@5 of the matcher vs plain hybrid search on the gold profiles (``gold/profiles.yaml``).

Both systems run in one call on the same profiles and the same index. Plain search = today's job search: the profile
turned into one query string (희망 직종, 자격증, 거주지, 고용형태, 희망 임금 — as the issue's keyword search did),
widened by the field lexicon and filtered to open postings in the person's 행정시. Unlisted postings have grade 0.

* nDCG@5 = DCG@5 / IDCG@5 with gain 2^grade − 1 and discount log2(rank + 1); IDCG from all graded postings.
* precision@5 = share of the top 5 with grade ≥ 2 (a list shorter than 5 counts its missing places as misses).

The ``dev`` split was used while the weights were set; ``holdout`` was not looked at until they were frozen.
Run: ``python -m graphs.capabilities.job_matching.evaluate [--split dev|holdout|all] [--json]`` (uses the data dir
of the settings, e.g. ``GOYONG_DATA_DIR``; GOYONG_TODAY defaults to the catalog's reference date 2026-11-21).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graphs.capabilities.gold_cli import run_ranking_eval
from graphs.capabilities.job_matching.models import SeekerProfile
from graphs.capabilities.job_matching.scorer import load_tables, match_jobs
from knowledge.schemas import JobFilters

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "profiles.yaml"
REFERENCE_DATE = date(2026, 11, 21)  # the sample catalog's reference date (ingest/samplegen.py), used by the gold
K = 5
Split = Literal["dev", "holdout"]


class GoldProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    split: Split
    said: str = Field(min_length=1)
    profile: SeekerProfile
    grades: dict[str, int]

    @field_validator("grades")
    @classmethod
    def _grades_0_to_3(cls, grades: dict[str, int]) -> dict[str, int]:
        if not grades or any(g not in (0, 1, 2, 3) for g in grades.values()):
            raise ValueError("grades are 0–3 and at least one posting is graded")
        return grades


class _GoldFile(BaseModel):
    profiles: list[GoldProfile]


@cache
def load_gold(path: Path = GOLD_PATH) -> tuple[GoldProfile, ...]:
    items = _GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).profiles
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: duplicate profile ids")
    return tuple(items)


def dcg(grades: Sequence[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(gold.values(), reverse=True)[:k])
    return dcg([gold.get(j, 0) for j in ranked[:k]]) / ideal if ideal else 0.0


def precision_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    return sum(1 for j in ranked[:k] if gold.get(j, 0) >= 2) / k


def plain_query(p: SeekerProfile) -> str:
    """The profile as one keyword string (what a plain search gets)."""
    parts = [p.desired_occupation or "", *p.certificates, *p.skills, p.district or "", *p.employment_types]
    if p.desired_monthly_wage:
        parts.append(f"월 {p.desired_monthly_wage // 10_000}만원")
    return " ".join(x for x in parts if x)


def plain_search(retriever: Any, p: SeekerProfile, today: date, k: int = K) -> list[str]:
    from graphs.nlu.fields import expand_query

    tables = load_tables()
    home = tables.districts.resolve(p.district) if p.district else None
    city = tables.districts.districts[home].city if home else None
    hits = retriever.search_jobs(expand_query(plain_query(p)), JobFilters(region=city), today=today, k=k)
    return [h.job.id for h in hits]


class SystemScore(BaseModel):
    ndcg5: float
    p5: float


class ProfileResult(BaseModel):
    id: str
    split: Split
    matcher: SystemScore
    plain: SystemScore
    matcher_top: list[str]
    plain_top: list[str]


class SplitSummary(BaseModel):
    split: str
    profiles: int
    matcher: SystemScore
    plain: SystemScore


class EvalReport(BaseModel):
    today: date
    summaries: list[SplitSummary]
    profiles: list[ProfileResult]


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def evaluate(retriever: Any, *, split: str = "all", today: date = REFERENCE_DATE) -> EvalReport:
    """Run the matcher and plain search on the gold profiles of ``split`` (dev, holdout or all)."""
    results: list[ProfileResult] = []
    for item in load_gold():
        if split != "all" and item.split != split:
            continue
        matched = [m.job_id for m in match_jobs(item.profile, retriever=retriever, today=today, k=K).matches]
        plain = plain_search(retriever, item.profile, today)
        results.append(ProfileResult(
            id=item.id, split=item.split,
            matcher=SystemScore(ndcg5=round(ndcg_at(matched, item.grades), 4), p5=precision_at(matched, item.grades)),
            plain=SystemScore(ndcg5=round(ndcg_at(plain, item.grades), 4), p5=precision_at(plain, item.grades)),
            matcher_top=matched, plain_top=plain,
        ))
    summaries = []
    for name in (("dev", "holdout") if split == "all" else (split,)):
        part = [r for r in results if r.split == name]
        summaries.append(SplitSummary(
            split=name, profiles=len(part),
            matcher=SystemScore(ndcg5=_mean([r.matcher.ndcg5 for r in part]), p5=_mean([r.matcher.p5 for r in part])),
            plain=SystemScore(ndcg5=_mean([r.plain.ndcg5 for r in part]), p5=_mean([r.plain.p5 for r in part])),
        ))
    return EvalReport(today=today, summaries=summaries, profiles=results)


def report_text(report: EvalReport) -> str:
    lines = [f"일자리 매칭 평가 (기준일 {report.today}, nDCG@{K} / P@{K} 등급≥2)",
             f"{'split':8} {'n':>3}  {'matcher nDCG':>12} {'plain nDCG':>10}  {'matcher P@5':>11} {'plain P@5':>9}"]
    for s in report.summaries:
        lines.append(f"{s.split:8} {s.profiles:>3}  {s.matcher.ndcg5:>12.3f} {s.plain.ndcg5:>10.3f}  "
                     f"{s.matcher.p5:>11.3f} {s.plain.p5:>9.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    return run_ranking_eval(__doc__, evaluate, report_text, REFERENCE_DATE, argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
