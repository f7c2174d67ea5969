"""precision@3 and nDCG@3 of the training recommender vs plain hybrid search on the gold profiles
(``gold/profiles.yaml``), and how often each sends a person to a course for a certificate they hold.

Both systems run in one call on the same profiles and the same index. Plain search = today's training search for
"이분께 맞는 훈련과정": the person's 희망 직종 as the query (widened by the field lexicon), courses of the person's
행정시 starting today or later, top 3 (graphs/tools.py lookup_training with for_the_person).

* precision@3 = share of the top 3 with grade ≥ 1 (a list shorter than 3 counts its missing places as misses);
  profiles without any relevant course are left out of P@3 and nDCG@3.
* nDCG@3 = DCG@3 / IDCG@3 with gain 2^grade − 1 and discount log2(rank + 1).
* held_cert_violations = recommended courses whose title is one of the profile's ``never`` titles.

Run: ``python -m graphs.capabilities.training_recommendation.evaluate [--split dev|holdout|all] [--json]`` (the
data dir of the settings, e.g. ``GOYONG_DATA_DIR``; GOYONG_TODAY defaults to the catalog's date 2026-11-21).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from graphs.capabilities.gold_cli import run_ranking_eval
from graphs.capabilities.job_matching.evaluate import ndcg_at as matching_ndcg
from graphs.capabilities.training_recommendation.recommend import home_of, recommend
from graphs.profile import SeekerProfile
from knowledge.schemas import TrainingCourse, TrainingFilters

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "profiles.yaml"
REFERENCE_DATE = date(2026, 11, 21)  # the sample catalog's reference date (ingest/samplegen.py), used by the gold
K = 3
Split = Literal["dev", "holdout"]


class Relevant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    grade_2: list[str] = Field(default_factory=list)
    grade_1: list[str] = Field(default_factory=list)


class GoldProfile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    split: Split
    said: str = Field(min_length=1)
    why: str = ""
    profile: SeekerProfile
    relevant: Relevant
    never: list[str] = Field(default_factory=list)  # course titles for a certificate the person holds
    grades: dict[str, int] = Field(default_factory=dict)

    @field_validator("grades")
    @classmethod
    def _grades_1_to_2(cls, grades: dict[str, int]) -> dict[str, int]:
        if any(g not in (1, 2) for g in grades.values()):
            raise ValueError("grades are 1 or 2 (unlisted = 0)")
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


def ndcg_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    """nDCG@k with gain 2^grade − 1 (the job matching evaluation's definition)."""
    return matching_ndcg(ranked, gold, k)


def precision_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    return sum(1 for c in ranked[:k] if gold.get(c, 0) >= 1) / k


def plain_search(retriever: Any, p: SeekerProfile, today: date, k: int = K) -> list[TrainingCourse]:
    """What the training search returns for "이분께 맞는 훈련과정" (the wish as the query, the person's city)."""
    from graphs.nlu.fields import expand_query

    _home, city = home_of(p)
    filters = TrainingFilters.model_validate({"region": city, "start_from": today})
    hits = retriever.search_training(expand_query(p.desired_occupation or ""), filters, k=k)
    return [h.course for h in hits]


class SystemScore(BaseModel):
    p3: float
    ndcg3: float


class ProfileResult(BaseModel):
    id: str
    split: Split
    scored: bool  # has relevant courses (counts in P@3 / nDCG@3)
    recommender: SystemScore
    plain: SystemScore
    recommender_top: list[str]
    plain_top: list[str]
    recommender_violations: int
    plain_violations: int


class SplitSummary(BaseModel):
    split: str
    profiles: int  # scored profiles
    recommender: SystemScore
    plain: SystemScore
    held_cert_violations: int  # the recommender's
    plain_held_cert_violations: int


class EvalReport(BaseModel):
    today: date
    summaries: list[SplitSummary]
    profiles: list[ProfileResult]


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _score(ids: list[str], grades: dict[str, int]) -> SystemScore:
    return SystemScore(p3=round(precision_at(ids, grades), 4), ndcg3=round(ndcg_at(ids, grades), 4))


def evaluate(retriever: Any, *, split: str = "all", today: date = REFERENCE_DATE) -> EvalReport:
    """Run the recommender and plain search on the gold profiles of ``split`` (dev, holdout or all)."""
    results: list[ProfileResult] = []
    for item in load_gold():
        if split != "all" and item.split != split:
            continue
        rec = recommend(item.profile, retriever=retriever, today=today, k=K).courses
        plain = plain_search(retriever, item.profile, today)
        never = set(item.never)
        results.append(ProfileResult(
            id=item.id, split=item.split, scored=bool(item.grades),
            recommender=_score([c.course_id for c in rec], item.grades),
            plain=_score([c.id for c in plain], item.grades),
            recommender_top=[c.course_id for c in rec], plain_top=[c.id for c in plain],
            recommender_violations=sum(1 for c in rec if c.title in never),
            plain_violations=sum(1 for c in plain if c.title in never),
        ))
    summaries = []
    for name in (("dev", "holdout") if split == "all" else (split,)):
        part = [r for r in results if r.split == name]
        scored = [r for r in part if r.scored]
        summaries.append(SplitSummary(
            split=name, profiles=len(scored),
            recommender=SystemScore(p3=_mean([r.recommender.p3 for r in scored]),
                                    ndcg3=_mean([r.recommender.ndcg3 for r in scored])),
            plain=SystemScore(p3=_mean([r.plain.p3 for r in scored]), ndcg3=_mean([r.plain.ndcg3 for r in scored])),
            held_cert_violations=sum(r.recommender_violations for r in part),
            plain_held_cert_violations=sum(r.plain_violations for r in part),
        ))
    return EvalReport(today=today, summaries=summaries, profiles=results)


def report_text(report: EvalReport) -> str:
    lines = [f"훈련 추천 평가 (기준일 {report.today}, P@{K} 등급≥1 / nDCG@{K}; 보유 자격 과정 추천 건수)",
             f"{'split':8} {'n':>3}  {'추천 P@3':>8} {'일반 P@3':>8}  {'추천 nDCG':>9} {'일반 nDCG':>9}  {'위반 추천/일반':>12}"]
    for s in report.summaries:
        lines.append(f"{s.split:8} {s.profiles:>3}  {s.recommender.p3:>8.3f} {s.plain.p3:>8.3f}  "
                     f"{s.recommender.ndcg3:>9.3f} {s.plain.ndcg3:>9.3f}  "
                     f"{s.held_cert_violations:>6}/{s.plain_held_cert_violations}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    return run_ranking_eval(__doc__, evaluate, report_text, REFERENCE_DATE, argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
