"""The trends capability's declaration: "제주 고용률 추이", "업종별 구인 현황" → figures with sources + a chart."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphs.blocks import Block, CapabilityAnswer, ChartBlock, MarkdownBlock, NoticeBlock
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalFailure,
    EvalRow,
    FollowUp,
    register,
)
from graphs.capabilities.trends.answer import answer_trend
from graphs.capabilities.trends.evaluate import GOLD_PATH, evaluate_trends, load_trend_gold
from graphs.capabilities.trends.intent import parse_trend_query
from graphs.capabilities.trends.models import TrendAnswer
from knowledge.schemas import Citation

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# A statistics question names a statistic or asks for a distribution, a level or a count; without one of these
# words a trend-looking message is a search or a rule question ("남원 감귤 시즌 계절 일자리", "연봉 3000 넘는 호텔").
_STATS_WORD = re.compile(
    r"고용률|실업률|취업자|실업자|추이|동향|현황|통계|수준|추세|분포|평균|중앙값|계절성|성수기|비수기|"
    r"얼마나\s*(?:있|많|돼|되|늘|줄)|몇\s*(?:개|건|명|프로|퍼센트|%)|(?:구인|공고|일자리)\s*(?:수|개수|건수)\b"
)
# Rule and program questions that share words with statistics (answered by policy_qa / eligibility).
_RULE_WORD = re.compile(
    r"최저\s*(?:임금|시급)|벌금|과태료|처벌|위반|적용|육아\s*휴직|상한액|하한액|법(?:은|이|에|의|상|적|률)|법\s"
)


def claims(text: str, u: Understanding) -> bool:
    if u.program is not None or "posting_law" in u.asks or u.stated_hourly_wage is not None:
        return False
    if _RULE_WORD.search(text + " ") or not _STATS_WORD.search(text):
        return False
    return parse_trend_query(text) is not None


def blocks_of(answer: TrendAnswer) -> list[Block]:
    """The trend answer as blocks: the text (title, paragraphs, notes) and the chart from the same rows."""
    blocks: list[Block] = []
    if not answer.found:
        blocks.append(NoticeBlock(text=answer.title, level="warning"))
        blocks += [MarkdownBlock(text=b.text) for b in answer.blocks]
        blocks += [MarkdownBlock(text=f"※ {n}") for n in answer.notes]
        return blocks
    # the text without its "출처:" line: the sources are the answer's citations (panels in the chat, a list in the CLI)
    paragraphs = [f"**{answer.title}**", *(b.text for b in answer.blocks), *(f"※ {n}" for n in answer.notes)]
    blocks.append(MarkdownBlock(text="\n\n".join(paragraphs)))
    if answer.figure is not None:
        blocks.append(ChartBlock(title=answer.title, figure=answer.figure, chart_kind=answer.chart_kind))
    return blocks


def citations_of(answer: TrendAnswer) -> list[Citation]:
    out: list[Citation] = []
    for f in answer.figures:
        if any(c.title == f.source for c in out):
            continue
        confidence = f.confidence if f.confidence in ("law", "news", "secondary", "unverified", "conflict") else None
        shown = f.release_date is not None and f.confidence != "catalog" and f.release_date.isoformat() != f.period
        released = f" · {f.release_date.isoformat()} 발표" if shown and f.release_date else ""
        out.append(Citation(title=f.source, source=f"KOSIS {f.table_id}" if f.table_id else f.source,
                            section=f"{f.period}{released}", confidence=confidence))  # type: ignore[arg-type]
    return out


def run(request: CapabilityRequest) -> CapabilityAnswer:
    answer = answer_trend(request.text, request.settings)
    return CapabilityAnswer(blocks=blocks_of(answer), citations=citations_of(answer))


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """The trend gold set against the statistics store the eval runner built (``needs={"stats"}``)."""
    from graphs.nlu import understand

    items = load_trend_gold()
    report = evaluate_trends(items, ctx.settings)
    metrics = report.metrics()
    # the router: a statistics question is claimed, anything else ("실업급여 얼마 받아요?") is not
    wrong = [i for i in items if claims(i.q, understand(i.q, today=ctx.today)) != (i.topic is not None)]
    metrics["trends.claim_accuracy"] = 1 - len(wrong) / len(items) if items else 1.0
    rows = [
        EvalRow(label=f"동향 질문 주제 정확도 (n={report.n})", metric="trends.topic_accuracy",
                value=f"{report.topic_accuracy * 100:.1f}%"),
        EvalRow(label=f"동향 수치 재현율 ({report.figures}개)", metric="trends.figure_recall",
                value=f"{report.figure_recall * 100:.1f}%"),
        EvalRow(label="동향 차트 종류 정확도", metric="trends.chart_accuracy", value=f"{report.chart_accuracy * 100:.1f}%"),
        EvalRow(label="동향 보도 인용 표시율", metric="trends.news_marked", value=f"{report.news_marked * 100:.1f}%"),
        EvalRow(label="동향 금지 내용 건수", metric="trends.forbidden_count", value=str(report.forbidden_count)),
        EvalRow(label="동향 라우팅(claims) 정확도", metric="trends.claim_accuracy",
                value=f"{metrics['trends.claim_accuracy'] * 100:.1f}%"),
    ]
    failures = [EvalFailure(id=f.id, detail=f.detail) for f in report.failures]
    failures += [EvalFailure(id=i.id, detail=f"{i.q} — 라우팅 {'안 함' if i.topic else '잘못 가져감'}") for i in wrong]
    return CapabilityEval(metrics=metrics, rows=rows, failures=failures,
                          detail=report.model_dump(mode="json"))


CAPABILITY = register(Capability(
    name="trends",
    route="trends",
    label="고용 동향·통계",
    roles=("citizen", "counselor"),
    priority=20,
    claims=claims,
    run=run,
    blocks=("markdown", "chart", "notice"),
    follow_ups=(
        FollowUp("📈 제주 고용률 추이", "제주 고용률 추이"),
        FollowUp("🏢 업종별 구인 현황", "업종별 구인 현황"),
        FollowUp("🌊 관광업 계절성", "관광업 계절성"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    needs=frozenset({"stats"}),
    examples=("요즘 제주 고용 동향 어때요? 업종별로", "제주 고용률 추이", "서귀포 호텔 일자리 임금 수준", "관광업 계절성"),
))
