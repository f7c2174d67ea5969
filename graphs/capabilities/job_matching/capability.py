"""The job matching declaration (counselors only): "이분께 맞는 일자리 매칭해 줘" → postings ranked by a transparent
score with the reasons and what does not fit, for the seeker the thread knows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graphs.blocks import Block, CapabilityAnswer, Cell, MarkdownBlock, NoticeBlock, TableBlock
from graphs.capabilities.job_matching.evaluate import GOLD_PATH
from graphs.capabilities.job_matching.evaluate import evaluate as evaluate_matching
from graphs.capabilities.job_matching.models import MatchReport
from graphs.capabilities.job_matching.scorer import match_jobs
from graphs.capabilities.job_matching.target import matched_occupation, matching_profile
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalRow,
    FollowUp,
    register,
)
from graphs.nlu.seeker import MATCH_REQUEST
from graphs.profile import seeker_summary
from graphs.seeker import seeker_profile

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

TOP = 5


# "이분께 맞는 일자리 추천해줘", "구직자에게 맞는 공고 찾아줘", "(seeker facts). 맞는 일자리 추천해줘": a counselor asks
# for postings that fit the person — a ranking with reasons, not a keyword search. A question without a request
# verb ("저한테 맞는 일자리 있을까요?") and a topic search ("서귀포 호텔 일자리") stay job_search.
_FIT_REQUEST = re.compile(
    r"(?:맞는|맞을|적합한|어울리는|맞춤)\s*(?:일자리|공고|채용\s*공고|직장|구인|일)\S{0,3}\s*"
    r"(?:[가-힣]+(?:로|으로|에서)\s*)?(?:좀\s*)?(?:추천|찾아|찾아\s*봐|골라|뽑아|알아봐)"
)


def claims(text: str, u: Understanding) -> bool:
    """A counselor asking for a scored match ("매칭", "적합도", "추천 이유", "점수 순으로") or for postings that fit
    the person ("이분께 맞는 일자리 추천해줘")."""
    norm = " ".join(text.split())
    return bool(MATCH_REQUEST.search(norm) or _FIT_REQUEST.search(norm))


def blocks_of(report: MatchReport) -> list[Block]:
    blocks: list[Block] = []
    if not report.profile.desired_occupation:
        blocks.append(NoticeBlock(text="희망 직종을 몰라 직무 적합은 점수에 넣지 않았습니다 — '요양보호사로 일하고 싶어 함'처럼 "
                                       "알려 주시면 더 정확해집니다.", level="warning"))
    occ = ", ".join(report.occupation_names) or "알 수 없음"
    blocks.append(MarkdownBlock(text=f"**일자리 매칭** — 희망 직종: {occ} · 거주지: {report.home_district or '미입력'} · "
                                     f"후보 {report.candidates}건 중 상위 {min(TOP, len(report.matches))}건"))
    said = seeker_summary(report.profile)
    if said:
        blocks.append(MarkdownBlock(text=f"매칭에 쓴 조건 — {said}"))
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


def remembered(report: MatchReport) -> dict[str, Any]:
    """The memory contract of job_matching (notes/HELPERS.md): the occupation matched for and the top 5 with their
    reasons and misfits."""
    return {"occupation": matched_occupation(report.profile),
            "matches": [{"id": m.job_id, "title": m.title, "company": m.company, "region": m.region,
                         "district": m.district, "score": m.score, "reasons": list(m.reasons),
                         "misfits": list(m.misfits), "pay": m.pay, "close_date": m.close_date}
                        for m in report.matches[:TOP]]}


def run(request: CapabilityRequest) -> CapabilityAnswer:
    profile, note = matching_profile(seeker_profile(request))
    report = match_jobs(profile, retriever=request.kb.retriever, today=request.today, k=TOP)
    if note:
        report.notes.insert(0, note)
    return CapabilityAnswer(blocks=blocks_of(report), remember=remembered(report))


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
