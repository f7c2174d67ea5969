"""The training recommendation declaration (counselors and citizens): "이분께 맞는 훈련과정", "저한테 맞는 훈련
추천", "부족한 역량 채울 훈련" → the target occupation, the person's 역량 갭 and the courses that close it, scored
(갭 충족, 지역, 일정, 자부담, 취업률). A plain topic search ("서귀포 바리스타 과정") stays the training search."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graphs.blocks import Block, CapabilityAnswer, Cell, MarkdownBlock, NoticeBlock, TableBlock
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalRow,
    FollowUp,
    register,
)
from graphs.capabilities.training_recommendation.evaluate import GOLD_PATH
from graphs.capabilities.training_recommendation.evaluate import evaluate as evaluate_recommender
from graphs.capabilities.training_recommendation.gaps import load_table
from graphs.capabilities.training_recommendation.models import NEED_LABELS, Recommendation
from graphs.capabilities.training_recommendation.recommend import recommend
from graphs.nlu.gazetteer import find_places, resolve
from graphs.nlu.lexicon import FOR_THE_PERSON
from graphs.seeker import seeker_profile
from knowledge.formatting import won

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

TOP = 3
_TRAINING = re.compile(r"훈련|과정|교육|강의|수업|배우|배울|배워")
_GAP = re.compile(
    r"역량\s*(?:갭|차이|분석|부족)|갭\s*분석|부족한\s*(?:역량|능력|기술|부분|점)"
    r"|(?:채울|채워\s*줄|보완할|메울|키울)\s*(?:수\s*있는\s*)?(?:훈련|과정|교육)"
    r"|(?:뭘|뭐를|무엇을|무얼)\s*더\s*배워|(?:어떤|무슨)\s*(?:훈련|교육)(?:을|를)?\s*(?:더\s*)?받아야"
    r"|(?:되려면|하려면)\s*(?:어떤|무슨)\s*(?:훈련|교육|과정)"
)
# A training request with no topic of its own: "훈련도 추천해줘", "훈련과정 추천", "훈련은?" — after a seeker was
# described these ask for that person; "훈련과정 뭐 있어요?" (no 추천) stays a catalogue browse.
_BARE_ASK = re.compile(r"추천|^(?:직업\s*)?(?:훈련|교육)(?:\s*과정)?\s*(?:은|는|도)\s*(?:요|어때요|있어요)?\s*\??$")
_GENERIC = frozenset("훈련 과정 교육 훈련과정 교육과정 직업훈련 추천".split())


def _bare(norm: str, u: Understanding) -> bool:
    """A training recommendation asked without a field, topic, place or program of its own ("훈련도 추천해줘")."""
    f = u.training_filters
    return (u.route == "training_search" and not f.region and not f.ncs_prefix and u.program is None
            and all(w in _GENERIC for w in u.query.split()) and bool(_BARE_ASK.search(norm)))


def claims(text: str, u: Understanding) -> bool:
    """A training request for the person ("이분께 맞는 훈련과정", "저한테 맞는 교육", "훈련도 추천해줘") or about a
    gap ("부족한 역량 채울 훈련", "역량 갭", "요양보호사 되려면 어떤 훈련"); a topic search ("서귀포 바리스타 과정")
    stays training_search."""
    norm = " ".join(text.split())
    return bool(_GAP.search(norm) or (FOR_THE_PERSON.search(norm) and _TRAINING.search(norm)) or _bare(norm, u))


def _won(amount: int | None, card: bool) -> str:
    if not card or amount is None:
        return "카드 미적용"
    return "0원" if amount == 0 else f"약 {won(amount)}"


def blocks_of(rec: Recommendation) -> list[Block]:
    if rec.target is None:
        return [NoticeBlock(text="목표 직종을 몰라 역량 갭을 계산할 수 없습니다 — '희망 직종은 회계 사무', '요양보호사가 "
                                 "되고 싶어요'처럼 알려 주시면 부족한 역량과 그 역량을 채우는 과정을 찾아 드립니다.",
                            level="warning")]
    blocks: list[Block] = []
    gaps = ", ".join(f"{g.gap}({NEED_LABELS[g.need]})" for g in rec.gaps) or "없음 — 필수·우대 역량을 이미 갖춤"
    blocks.append(MarkdownBlock(text=f"**훈련 추천 (역량 갭)** — 목표 직종: {rec.target} ({rec.target_source}) · "
                                     f"부족한 역량: {gaps}"))
    table = load_table()
    if rec.held:
        by_label: dict[str, list[str]] = {}
        for h in rec.held:
            by_label.setdefault(h.label, []).append(table.items[h.item].gap.removesuffix(" 없음").removesuffix(" 미확인"))
        have = "; ".join(f"{label} → {', '.join(items)}" for label, items in by_label.items())
        blocks.append(MarkdownBlock(text=f"갖춘 역량 — {have}"))
    if rec.courses:
        rows: list[list[Cell]] = []
        for c in rec.courses:
            why = [r for r in c.reasons if "→" not in r and not r.startswith("내일배움카드")][:3]
            rows.append([c.title, c.institution, f"{c.region} {c.district or ''}".strip(),
                         f"{c.start:%Y-%m-%d} ~ {c.end:%m-%d}", _won(c.self_pay, c.card_eligible),
                         " / ".join(c.closes) or "-", f"{c.score:.0f}점 · " + " · ".join(why)])
        blocks.append(TableBlock(columns=["과정", "기관", "지역", "일정", "자부담", "채워 주는 역량", "점수/이유"],
                                 rows=rows))
        lines = [f"{g} → {c.title}" for c in rec.courses for g in c.closes]
        if lines:
            blocks.append(MarkdownBlock(text="\n".join(f"- {line}" for line in dict.fromkeys(lines))))
    elif not rec.gaps:
        blocks.append(MarkdownBlock(text="이 직종에 필요한 역량은 이미 갖추셨고, 카탈로그에 더 배울 과정이 없습니다. 바로 일자리를 "
                                         "찾아보시거나 다른 목표 직종을 말씀해 주세요."))
    else:
        blocks.append(MarkdownBlock(text="지금 개강 예정인 과정 중에 이 역량을 채우는 과정이 없습니다. 고용24에서 다른 지역·"
                                         "원격 과정을 찾아보세요."))
    notes: list[str] = []
    if rec.excluded:
        notes.append("보유 자격의 취득 과정은 뺐습니다: " + "; ".join(f"{e.title} ({e.why.split(' → ')[0]})"
                                                            for e in rec.excluded))
    if rec.uncovered:
        notes.append("카탈로그에 채울 과정이 없는 역량: " + ", ".join(rec.uncovered))
    if rec.gaps:
        notes.append("역량 기준: " + "; ".join(dict.fromkeys(g.source for g in rec.gaps)))
    notes.append("점수 = 갭 충족(가장 큼) + 지역 + 일정(개강 전) + 자부담(내일배움카드 일반 기준 추정) + 취업률.")
    notes.append("예시(가상) 훈련 카탈로그 기준입니다. 개강일·자부담·모집 여부는 고용24(HRD-Net)에서 꼭 확인하세요.")
    blocks.append(MarkdownBlock(text="\n".join(f"※ {n}" for n in notes)))
    return blocks


def remembered(rec: Recommendation) -> dict[str, Any]:
    """The memory contract of training_recommendation (notes/HELPERS.md): target, gaps and the top 3 courses."""
    return {"target": rec.target or "", "gaps": [g.gap for g in rec.gaps],
            "courses": [{"id": c.course_id, "title": c.title, "institution": c.institution, "region": c.region,
                         "start": c.start.isoformat(), "end": c.end.isoformat(), "self_pay": c.self_pay,
                         "closes": list(c.closes), "reasons": list(c.reasons)} for c in rec.courses[:TOP]]}


def said_region(request: CapabilityRequest) -> str | None:
    """Where the person lives when the profiles do not say: the eligibility Profile's region, else the one place
    (읍·면·동 or 행정시) named in this message or, latest first, in the person's earlier turns."""
    region = request.profile.get("region")
    if isinstance(region, str) and region:
        return region
    turns = [request.text, *(text for who, text in reversed(request.history) if who == "user")]
    for text in turns:
        city, district = resolve(find_places(text))
        if city:
            return district or city
    return None


def run(request: CapabilityRequest) -> CapabilityAnswer:
    profile = seeker_profile(request)
    rec = recommend(profile, retriever=request.kb.retriever, today=request.today, message=request.text,
                    region=said_region(request), k=TOP)
    return CapabilityAnswer(blocks=blocks_of(rec), remember=remembered(rec) if rec.target else {})


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """P@3 and nDCG@3 of the recommender and of plain hybrid search on the gold profiles (dev, holdout)."""
    assert ctx.kb is not None
    report = evaluate_recommender(ctx.kb.retriever, today=ctx.today)
    metrics: dict[str, float] = {}
    rows: list[EvalRow] = []
    for s in report.summaries:
        p = f"training_recommendation.{s.split}"
        metrics.update({f"{p}.p3": s.recommender.p3, f"{p}.ndcg3": s.recommender.ndcg3,
                        f"{p}.p3_gain": round(s.recommender.p3 - s.plain.p3, 4),
                        f"{p}.ndcg3_gain": round(s.recommender.ndcg3 - s.plain.ndcg3, 4),
                        f"{p}.held_cert_violations": float(s.held_cert_violations)})
        rows += [EvalRow(label=f"훈련 추천 {s.split} P@3 (n={s.profiles}, 일반 검색 {s.plain.p3:.3f})",
                         metric=f"{p}.p3", value=f"{s.recommender.p3:.3f}"),
                 EvalRow(label=f"훈련 추천 {s.split} nDCG@3 (일반 검색 {s.plain.ndcg3:.3f})", metric=f"{p}.ndcg3",
                         value=f"{s.recommender.ndcg3:.3f}")]
    return CapabilityEval(metrics=metrics, rows=rows, detail=report.model_dump(mode="json"))


CAPABILITY = register(Capability(
    name="training_recommendation",
    route="training_recommendation",
    label="훈련 추천 (역량 갭)",
    roles=("counselor", "citizen"),
    priority=29,  # before job_matching (30): "이분께 맞는 훈련과정 추천 순위" is a training request
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice"),
    follow_ups=(
        FollowUp("💼 맞는 일자리도 보기", "이분께 맞는 일자리 매칭해 줘"),
        FollowUp("📋 받을 수 있는 제도", "받을 수 있는 제도 한눈에 보여줘"),
        FollowUp("🗓️ 취업활동계획 초안", "취업활동계획 초안 만들어 줘"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=("이분께 맞는 훈련과정", "저한테 맞는 훈련 추천해 주세요", "부족한 역량 채울 훈련 있을까요",
              "역량 갭 분석해서 훈련 추천해 줘", "요양보호사 되려면 어떤 훈련 받아야 해요?"),
    needs=frozenset({"index"}),
))
