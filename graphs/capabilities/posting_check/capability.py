"""The posting check's declaration: a pasted posting ("다음 공고 점검해줘: …") → findings with span, rule, article,
severity and a rewrite."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphs.blocks import Block, CapabilityAnswer, FindingItem, FindingsBlock, MarkdownBlock, NoticeBlock
from graphs.capabilities.posting_check.bulk import check_job
from graphs.capabilities.posting_check.checker import check_posting
from graphs.capabilities.posting_check.evaluate import GOLD_PATH, EvalReport, evaluate_split
from graphs.capabilities.posting_check.models import CheckReport
from graphs.capabilities.posting_check.render import DISCLAIMER
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
from knowledge.schemas import Citation

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# "다음 공고 점검해줘:", "이 채용공고 문제 없는지 봐 줘\n", "구인광고 문구 검토 부탁해요:" — the request, then the posting
_REQUEST = re.compile(
    r"(?:공고|광고|모집\s*글|채용\s*글|문구)[^\n:：]{0,24}?"
    r"(?:점검|검토|검사|체크|확인|봐\s*주|봐\s*줘|괜찮|문제\s*(?:없|있)|위반)[^\n:：]*"
)
_BODY_START = re.compile(r"\s*[:：]\s*|\s*\n\s*")
_QUOTED = re.compile(r"[\"“'‘「『]([^\"”'’」』]{15,})[\"”'’」』]")
MIN_BODY = 15  # shorter than this is a question about postings, not a posting
_SIZE = re.compile(r"(?:상시\s*)?(?:직원|근로자|종업원|근무자)\s*(?:수\s*(?:는|가)?\s*)?(?:약\s*)?(\d{1,5})\s*(?:명|인)")


def split_request(text: str) -> tuple[str, str] | None:
    """(the request words, the posting text) of a message asking to check a pasted posting, or None."""
    m = _REQUEST.search(text)
    if m is None:
        return None
    start = _BODY_START.match(text, m.end())
    if start is not None:
        body = text[start.end():].strip()
        if len(body) >= MIN_BODY:
            return text[: m.end()], body
    quoted = _QUOTED.search(text)
    if quoted is not None:
        return text[: quoted.start()] + text[quoted.end():], quoted.group(1).strip()
    return None


# "K161612611171066 공고 점검해줘": a posting of the ingested catalog by its 고용24 id (구인인증번호)
POSTING_ID = re.compile(r"(?<![A-Za-z0-9])K\d{9,}(?![0-9])", re.IGNORECASE)


def id_request(text: str) -> str | None:
    """The 고용24 id of a message asking to check a catalog posting ("K151… 공고 점검해줘"), or None."""
    m = POSTING_ID.search(text)
    if m is None or not _REQUEST.search(text[: m.start()] + text[m.end():]):
        return None
    return m.group(0).upper()


def claims(text: str, u: Understanding) -> bool:
    return split_request(text) is not None or id_request(text) is not None


def employer_size(request: str) -> int | None:
    """상시 근로자 수 stated in the request words ("직원 40명인 회사"), not in the posting (its 모집인원)."""
    m = _SIZE.search(request)
    return int(m.group(1)) if m else None


def findings_block(report: CheckReport) -> FindingsBlock:
    items = [FindingItem(quote=f.quote, start=f.start, end=f.end, rule=f.rule_name, article=f.citation,
                         severity=f.severity, explanation=f.explanation, rewrite=f.suggestion)
             for f in report.findings]
    return FindingsBlock(title="점검 결과", items=items,
                         empty_text=f"점검한 규칙 {len(report.rules_checked)}개에서 문제가 될 문구를 찾지 못했습니다.")


def blocks_of(report: CheckReport) -> list[Block]:
    size = "모름" if report.employees is None else f"{report.employees}명"
    counts = " · ".join(f"{k} {v}건" for k, v in report.counts().items())
    blocks: list[Block] = [
        MarkdownBlock(text=f"**구인공고 점검** ({report.year}년 기준, 상시 근로자 수: {size}) — {counts}"),
        findings_block(report),
    ]
    if report.notes:
        blocks.append(MarkdownBlock(text="\n".join(f"- 참고: {n}" for n in report.notes)))
    blocks.append(MarkdownBlock(text=DISCLAIMER))
    return blocks


def citations_of(report: CheckReport) -> list[Citation]:
    out: list[Citation] = []
    for f in report.findings:
        if any(c.title == f.law and c.section == f.article for c in out):
            continue
        out.append(Citation(title=f.law, source=f.source, section=f.article, effective_from=f.effective_from,
                            url=f.url, confidence=f.confidence))
    return out


def catalog_answer(request: CapabilityRequest, job_id: str) -> CapabilityAnswer:
    """A catalog posting checked by its id (counselors: the catalog lookup is a desk tool)."""
    if request.role != "counselor":
        return CapabilityAnswer(blocks=[NoticeBlock(
            text="공고 번호로 점검하는 기능은 상담사용입니다 — 점검할 공고 문구를 '다음 공고 점검해줘:' 뒤에 붙여 "
                 "넣어 주세요.", level="info")])
    job = request.kb.job(job_id) if hasattr(request.kb, "job") else None
    if job is None:
        return CapabilityAnswer(blocks=[NoticeBlock(
            text=f"색인된 채용정보에 공고 번호 {job_id}가 없습니다 — 번호를 확인하거나 공고 문구를 붙여 넣어 주세요.",
            level="warning")])
    report = check_job(job, today=request.today)
    blocks: list[Block] = [MarkdownBlock(text=f"**{job.id}** {job.title} — {job.company} (채용정보 색인의 공고)"),
                           *blocks_of(report)]
    return CapabilityAnswer(blocks=blocks, citations=citations_of(report),
                            remember={"text": report.text, "findings": len(report.findings)})


def run(request: CapabilityRequest) -> CapabilityAnswer:
    job_id = id_request(request.text) if split_request(request.text) is None else None
    if job_id is not None:
        return catalog_answer(request, job_id)
    parts = split_request(request.text)
    words, posting = parts if parts is not None else ("", request.text)
    report = check_posting(posting, year=request.today.year, employees=employer_size(words))
    return CapabilityAnswer(blocks=blocks_of(report), citations=citations_of(report),
                            remember={"text": posting, "findings": len(report.findings)})


def _split_metrics(prefix: str, r: EvalReport) -> dict[str, float]:
    scores = list(r.per_rule.values())
    tp = sum(s.tp for s in scores)
    checked = sum(s.span_checked for s in scores)
    return {
        f"{prefix}.micro_precision": r.micro_precision if r.micro_precision is not None else 0.0,
        f"{prefix}.micro_recall": r.micro_recall if r.micro_recall is not None else 0.0,
        f"{prefix}.max_rule_fp": float(max((s.fp for s in scores), default=0)),
        f"{prefix}.max_rule_fn": float(max((s.fn for s in scores), default=0)),
        f"{prefix}.clean_flagged": float(r.clean_items_flagged),
        f"{prefix}.severity_agreement": sum(s.severity_agree for s in scores) / tp if tp else 1.0,
        f"{prefix}.span_agreement": sum(s.span_agree for s in scores) / checked if checked else 1.0,
    }


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """Precision and recall per rule on the gold postings, dev and holdout splits."""
    metrics: dict[str, float] = {}
    rows: list[EvalRow] = []
    failures: list[EvalFailure] = []
    detail: dict[str, object] = {}
    for split in ("dev", "holdout"):
        report = evaluate_split(split)  # type: ignore[arg-type]
        prefix = f"posting_check.{split}"
        m = _split_metrics(prefix, report)
        metrics.update(m)
        rows += [
            EvalRow(label=f"공고 점검 {split} 정밀도 (n={report.items})", metric=f"{prefix}.micro_precision",
                    value=f"{m[f'{prefix}.micro_precision'] * 100:.1f}%"),
            EvalRow(label=f"공고 점검 {split} 재현율", metric=f"{prefix}.micro_recall",
                    value=f"{m[f'{prefix}.micro_recall'] * 100:.1f}%"),
            EvalRow(label=f"공고 점검 {split} 문제 없는 공고 오탐 ({report.clean_items}건 중)",
                    metric=f"{prefix}.clean_flagged", value=f"{report.clean_items_flagged:g}"),
        ]
        failures += [EvalFailure(id=r.id, detail=f"{split}: 기대 {r.expected or '{}'} / 결과 {r.predicted or '{}'}")
                     for r in report.errors]
        detail[split] = report.model_dump(mode="json", exclude={"results"})
    return CapabilityEval(metrics=metrics, rows=rows, failures=failures, detail=detail)


CAPABILITY = register(Capability(
    name="posting_check",
    route="posting_check",
    label="구인공고 점검",
    roles=("citizen", "counselor"),
    priority=10,
    claims=claims,
    run=run,
    blocks=("markdown", "findings", "notice"),
    follow_ups=(
        FollowUp("❓ 나이 제한은 왜 안 되나요", "구인공고에 나이 제한 쓰면 안 되나요?"),
        FollowUp("💰 올해 최저시급", "올해 최저시급 얼마예요?"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=(
        "다음 공고 점검해줘: 호텔 객실 정리 직원 모집. 35세 이하 여성만 지원 가능. 시급 9,000원, 주 6일 근무.",
        "이 채용공고 문제 없는지 봐 줘\n카페 바리스타 구함 — 용모 단정한 20대 여성, 월 200만원",
        "K161612611171066 공고 점검해줘",
    ),
))
