"""Gold-set evaluation of talent recommendation: nDCG@10 and P@10 of the ranking vs a plain baseline (the pool
seekers whose 희망 직종 shares a word with the posting's title, in pool order) on the same postings.

The gold (``gold/postings.yaml``) is employer requests graded against the pool by reading the seeker records as a
counselor would: 3 = would put forward first, 2 = a good candidate, 1 = possible with a clear gap; ungraded = 0.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel

from graphs.capabilities.registry import CapabilityEval, EvalFailure, EvalRow
from graphs.capabilities.talent_recommendation.pool import PoolSeeker, load_pool
from graphs.capabilities.talent_recommendation.posting import PostingInput, posting_from_text
from graphs.capabilities.talent_recommendation.rank import recommend

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "postings.yaml"
K = 10
GOLD_TODAY = date(2026, 11, 21)  # the pool's and the catalog's reference date
_GENERIC = frozenset({"모집", "구인", "채용", "직원", "공고", "구함", "인력", "근무자", "정규직", "계약직", "시간제", "초안"})


class GoldPosting(BaseModel):
    id: str
    request: str
    grades: dict[str, int]


class PostingResult(BaseModel):
    id: str
    ndcg: float
    p: float
    baseline_ndcg: float
    baseline_p: float
    top: list[str]
    baseline_top: list[str]


def load_gold(path: Path = GOLD_PATH) -> list[GoldPosting]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [GoldPosting.model_validate(p) for p in raw["postings"]]


def dcg(gains: Sequence[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(gold.values(), reverse=True)[:k])
    return dcg([gold.get(s, 0) for s in ranked[:k]]) / ideal if ideal else 0.0


def precision_at(ranked: Sequence[str], gold: dict[str, int], k: int = K) -> float:
    return sum(1 for s in ranked[:k] if gold.get(s, 0) >= 2) / k


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^가-힣A-Za-z0-9]+", text) if len(w) >= 2 and w not in _GENERIC}


def baseline(posting: PostingInput, pool: Sequence[PoolSeeker], k: int = K) -> list[str]:
    """Same-occupation keyword filter: seekers whose 희망 직종 shares a word with the posting's title or job name."""
    words = _words(f"{posting.job.title} {posting.job.job_name or ''}")
    hits = [s.id for s in pool if _words(s.profile.desired_occupation or "") & words]
    return hits[:k]


def run_gold(today: date = GOLD_TODAY) -> list[PostingResult]:
    pool = load_pool()
    results = []
    for item in load_gold():
        posting = posting_from_text(item.request, today=today, source=item.id)
        top = [c.id for c in recommend(posting, pool, today=today, k=K).candidates]
        base = baseline(posting, pool)
        results.append(PostingResult(
            id=item.id, ndcg=round(ndcg_at(top, item.grades), 4), p=precision_at(top, item.grades),
            baseline_ndcg=round(ndcg_at(base, item.grades), 4), baseline_p=precision_at(base, item.grades),
            top=top, baseline_top=base,
        ))
    return results


def _mean(xs: Sequence[float]) -> float:
    return round(sum(xs) / len(xs), 4) if xs else 0.0


def evaluate(today: date = GOLD_TODAY) -> CapabilityEval:
    """nDCG@10 / P@10 of the ranking and of the keyword baseline on every gold posting (as of the pool's date)."""
    del today  # the gold is graded for the pool's reference date, whatever day the eval runs
    results = run_gold()
    m = {"ndcg10": _mean([r.ndcg for r in results]), "p10": _mean([r.p for r in results]),
         "baseline_ndcg10": _mean([r.baseline_ndcg for r in results]),
         "baseline_p10": _mean([r.baseline_p for r in results])}
    metrics = {f"talent_recommendation.{k}": v for k, v in m.items()}
    metrics["talent_recommendation.ndcg10_gain"] = round(m["ndcg10"] - m["baseline_ndcg10"], 4)
    metrics["talent_recommendation.p10_gain"] = round(m["p10"] - m["baseline_p10"], 4)
    n = len(results)
    rows = [
        EvalRow(label=f"인재추천 nDCG@10 (공고 {n}건, 직종 낱말 기준 {m['baseline_ndcg10']:.3f})",
                metric="talent_recommendation.ndcg10", value=f"{m['ndcg10']:.3f}"),
        EvalRow(label=f"인재추천 P@10 (직종 낱말 기준 {m['baseline_p10']:.3f})", metric="talent_recommendation.p10",
                value=f"{m['p10']:.3f}"),
    ]
    failures = [EvalFailure(id=r.id, detail=f"nDCG@10 {r.ndcg:.3f} < 기준 {r.baseline_ndcg:.3f}; 상위 {r.top[:5]}")
                for r in results if r.ndcg < r.baseline_ndcg]
    return CapabilityEval(metrics=metrics, rows=rows, failures=failures,
                          detail={"postings": [r.model_dump() for r in results]})
