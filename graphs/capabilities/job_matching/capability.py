"""The job matching declaration (counselors only): "이분께 맞는 일자리 매칭해 줘" → postings ranked by a transparent
score with the reasons and what does not fit, for the seeker the thread knows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graphs.blocks import Block, CapabilityAnswer, Cell, MarkdownBlock, NoticeBlock, TableBlock
from graphs.capabilities.job_matching.evaluate import GOLD_PATH
from graphs.capabilities.job_matching.evaluate import evaluate as evaluate_matching
from graphs.capabilities.job_matching.models import Experience, MatchReport, SeekerProfile
from graphs.capabilities.job_matching.scorer import held_certificates, match_jobs
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalRow,
    FollowUp,
    register,
)

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# A counselor asking for a scored match ("매칭", "적합도", "추천 이유", "점수 순으로"); a plain "이분께 맞는 일자리" stays
# the job search it always was.
_MATCH = re.compile(r"매칭|적합도|추천\s*(?:이유|순위)|점수\s*(?:순|매겨|높은)|인재\s*추천")
# Search words of the request that name no occupation ("요양보호사 매칭" → "요양보호사").
_NOT_OCCUPATION = frozenset({"매칭", "적합도", "이유", "추천", "순위", "점수", "인재", "구직자", "거주", "일자리", "공고"})
CITIES = frozenset({"제주시", "서귀포시", "제주특별자치도", "제주도", "제주"})
# "회계 사무 12년", "요양 경력 3년", "경력 5년": years worked, with the words just before them when they name the job.
_YEARS = re.compile(r"(?:(?P<what>[가-힣A-Za-z·]+(?:\s[가-힣A-Za-z·]+)?)\s*)?(?:경력\s*)?(?P<n>\d{1,2})\s*년\s*(?:차|경력|근무|일했)?")
_NOT_A_JOB = frozenset({"경력", "근무", "고용보험", "나이", "올해", "작년", "내년"})
TOP = 5


def claims(text: str, u: Understanding) -> bool:
    return bool(_MATCH.search(text))


def seeker_profile(request: CapabilityRequest) -> SeekerProfile:
    """What the thread and this message say about the seeker, as matching reads it (a missing field is not scored)."""
    u = request.understanding
    filters: dict[str, Any] = u.get("job_filters") or {}
    region = request.profile.get("region")
    district = filters.get("district") or (region if region and region not in CITIES else None)
    said = " ".join(w for w in str(u.get("query") or "").split() if w not in _NOT_OCCUPATION)
    occupation = said or u.get("occupation") or request.seeker.get("occupation")
    return SeekerProfile(
        desired_occupation=occupation or None,
        certificates=sorted(held_certificates([request.text])),
        experience=_experience(request.text, occupation),
        district=district,
        desired_monthly_wage=filters.get("min_monthly_pay"),
        employment_types=[filters["employment_type"]] if filters.get("employment_type") else [],
        max_weekly_hours=filters.get("max_weekly_hours"),
        age=request.profile.get("age"),
    )


def _experience(text: str, occupation: str | None) -> list[Experience]:
    """Years of experience the message states; a bare "경력 N년" counts for the desired occupation."""
    found: list[Experience] = []
    for m in _YEARS.finditer(text):
        what = (m.group("what") or "").strip()
        words = [w for w in what.split() if w not in _NOT_A_JOB and not w.endswith(("세", "살"))]
        job = " ".join(words) or occupation
        if job and ("경력" in m.group(0) or words):
            found.append(Experience(occupation=job, years=float(m.group("n"))))
    return found


def blocks_of(report: MatchReport) -> list[Block]:
    blocks: list[Block] = []
    if not report.profile.desired_occupation:
        blocks.append(NoticeBlock(text="희망 직종을 몰라 직무 적합은 점수에 넣지 않았습니다 — '요양보호사로 일하고 싶어 함'처럼 "
                                       "알려 주시면 더 정확해집니다.", level="warning"))
    occ = ", ".join(report.occupation_names) or "알 수 없음"
    blocks.append(MarkdownBlock(text=f"**일자리 매칭** — 희망 직종: {occ} · 거주지: {report.home_district or '미입력'} · "
                                     f"후보 {report.candidates}건 중 상위 {min(TOP, len(report.matches))}건"))
    if report.matches:
        rows: list[list[Cell]] = [[i, m.title, m.company, f"{m.region} {m.district or ''}".strip(), f"{m.score:.0f}",
                 " / ".join(m.reasons), " / ".join(m.misfits[:2]) or "-", m.pay or "-", m.close_date or "채용시까지"]
                for i, m in enumerate(report.matches[:TOP], 1)]
        blocks.append(TableBlock(columns=["#", "공고", "회사", "지역", "점수", "✔ 추천 이유", "✘ 안 맞는 점", "급여", "마감"],
                                 rows=rows))
    else:
        blocks.append(MarkdownBlock(text="조건에 맞는 공고가 없습니다. 통근 거리나 희망 조건을 넓혀 보세요."))
    notes = [*report.notes, "예시(가상) 채용 카탈로그 기준입니다. 나이는 점수에 넣지 않습니다 (고령자고용법 제4조의4)."]
    blocks.append(MarkdownBlock(text="\n".join(f"※ {n}" for n in notes)))
    return blocks


def run(request: CapabilityRequest) -> CapabilityAnswer:
    report = match_jobs(seeker_profile(request), retriever=request.kb.retriever, today=request.today, k=TOP)
    return CapabilityAnswer(blocks=blocks_of(report))


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """nDCG@5 and P@5 of the matcher and of plain hybrid search on the graded gold profiles (dev, holdout)."""
    assert ctx.kb is not None
    report = evaluate_matching(ctx.kb.retriever, today=ctx.today)
    metrics: dict[str, float] = {}
    rows: list[EvalRow] = []
    for s in report.summaries:
        p = f"job_matching.{s.split}"
        metrics.update({f"{p}.ndcg5": s.matcher.ndcg5, f"{p}.p5": s.matcher.p5,
                        f"{p}.ndcg5_gain": round(s.matcher.ndcg5 - s.plain.ndcg5, 4),
                        f"{p}.p5_gain": round(s.matcher.p5 - s.plain.p5, 4)})
        rows += [EvalRow(label=f"매칭 {s.split} nDCG@5 (n={s.profiles}, 일반 검색 {s.plain.ndcg5:.3f})",
                         metric=f"{p}.ndcg5", value=f"{s.matcher.ndcg5:.3f}"),
                 EvalRow(label=f"매칭 {s.split} P@5 (일반 검색 {s.plain.p5:.3f})", metric=f"{p}.p5",
                         value=f"{s.matcher.p5:.3f}")]
    return CapabilityEval(metrics=metrics, rows=rows, detail=report.model_dump(mode="json", exclude={"profiles"}))


CAPABILITY = register(Capability(
    name="job_matching",
    route="job_matching",
    label="인재·일자리 매칭 (추천 이유)",
    roles=("counselor",),
    priority=30,
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice"),
    follow_ups=(
        FollowUp("🎓 이분께 맞는 훈련과정", "이분께 맞는 훈련과정"),
        FollowUp("📈 이 직종 임금 수준", "직종별 임금 분포 보여줘"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=("요양보호사 일자리 매칭해 줘", "서귀포 호텔 프런트 일자리 적합도 순으로 추천 이유와 함께"),
    needs=frozenset({"index"}),
))
