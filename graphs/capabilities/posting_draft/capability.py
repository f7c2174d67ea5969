"""The posting draft's declaration: "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포" → a draft in
고용24's structure, the legal check of the draft, the conditions left out and what is still to fill in."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from graphs.blocks import Block, CapabilityAnswer, MarkdownBlock, NoticeBlock
from graphs.capabilities.posting_check.capability import citations_of, findings_block
from graphs.capabilities.posting_check.render import DISCLAIMER
from graphs.capabilities.posting_draft import draft_posting
from graphs.capabilities.posting_draft.compose import unsupported_numbers
from graphs.capabilities.posting_draft.models import DraftResult
from graphs.capabilities.posting_draft.render import check_summary
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

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "requests.yaml"

# An employer asking for a posting: "공고 초안 작성해줘", "모집 공고 써줘", "채용공고 만들어줘", "채용공고, 월 240만원 …"
# (conditions after the word: "구인, 최저시급 이상"), or the employer's voice "직원 구합니다", "5명 모집", "3명 구인"
# (a seeker says "일자리 구해요", "알바 구합니다").
_DRAFT = re.compile(
    r"(?:공고|구인\s*광고|모집\s*글)\s*(?:문구\s*)?(?:초안|작성|써\s*줘|써\s*주|만들어|짜\s*줘|부탁)"
    r"|초안\s*(?:작성|써|만들)"
    r"|(?:채용|구인|모집|알바|직원)\s*공고\s*[,:：\"“]|구인\s*[,:：]"
    r"|(?:직원|\d+\s*명)\s*(?:을|를)?\s*(?:모집|구합니다|구함|구인|채용합니다|뽑습니다)"
)


def claims(text: str, u: Understanding) -> bool:
    return bool(_DRAFT.search(text))


def blocks_of(result: DraftResult) -> list[Block]:
    blocks: list[Block] = [
        NoticeBlock(text=f"요청의 '{r.quote}'은(는) 공고에서 뺐습니다 — {r.rule_name} ({r.law} {r.article}). {r.reason}",
                    level="warning")
        for r in result.removed
    ]
    blocks.append(MarkdownBlock(text="**구인공고 초안** (고용24 공고 양식, 복사해서 쓰세요)\n\n```text\n"
                                     + result.text.rstrip() + "\n```"))
    blocks.append(MarkdownBlock(text=f"**{check_summary(result)}**"))
    if result.report.findings:
        blocks.append(findings_block(result.report))
    lines = []
    if result.missing:
        lines.append("- 채워 넣을 항목: " + ", ".join(result.missing))
    lines += [f"- 참고: {n}" for n in (*result.hints, *result.notes, *result.report.notes)]
    if lines:
        blocks.append(MarkdownBlock(text="\n".join(lines)))
    blocks.append(MarkdownBlock(text=DISCLAIMER))
    return blocks


def run(request: CapabilityRequest) -> CapabilityAnswer:
    result = draft_posting(request.text, today=request.today)
    code = result.conditions.keco_code or (result.keco.code if result.keco else None)
    posting = {**result.conditions.model_dump(mode="json"), "keco_code": code}
    return CapabilityAnswer(blocks=blocks_of(result), citations=citations_of(result.report),
                            remember={"posting": posting, "text": result.text})


def _problems(case: dict[str, Any], result: DraftResult) -> list[str]:
    text = result.text
    code = result.conditions.keco_code or (result.keco.code if result.keco else None)
    found: list[str] = []
    if code != case["keco"]:
        found.append(f"직종코드 {code} ≠ {case['keco']}")
    found += [f"없음: {w}" for w in case["contains"] if w not in text]
    found += [f"있으면 안 됨: {w}" for w in case["not_contains"] if w in text]
    if {f.rule_id for f in result.report.findings} != set(case["findings"]):
        found.append(f"점검 결과 {sorted(f.rule_id for f in result.report.findings)} ≠ {sorted(case['findings'])}")
    if {r.rule_id for r in result.removed} != set(case["removed"]):
        found.append(f"뺀 조건 {sorted(r.rule_id for r in result.removed)} ≠ {sorted(case['removed'])}")
    if set(result.missing) != set(case["missing"]):
        found.append(f"채울 항목 {sorted(result.missing)} ≠ {sorted(case['missing'])}")
    found += [f"요청에 없는 수치: {n}" for n in unsupported_numbers(text, result.conditions, result.keco)]
    return found


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """Each gold request drafted as of its year: the share of requests whose draft meets every expectation, the
    required strings found, forbidden strings and figures not in the request (both must stay 0), and the share the
    chat's router sends to this capability."""
    from datetime import date

    cases: list[dict[str, Any]] = yaml.safe_load(GOLD_PATH.read_text(encoding="utf-8"))["requests"]
    failures: list[EvalFailure] = []
    contains_n = contains_ok = banned = stray = 0
    for case in cases:
        result = draft_posting(case["request"], today=date(case["year"], 3, 2))
        contains_n += len(case["contains"])
        contains_ok += sum(w in result.text for w in case["contains"])
        banned += sum(w in result.text for w in case["not_contains"])
        stray += len(unsupported_numbers(result.text, result.conditions, result.keco))
        problems = _problems(case, result)
        if problems:
            failures.append(EvalFailure(id=case["id"], detail=f"{case['request']} — " + "; ".join(problems)))
    n = len(cases)
    from graphs.capabilities import registry
    from graphs.nlu import understand

    unclaimed = [c for c in cases if registry.claim(c["request"], understand(c["request"], today=ctx.today), "citizen")
                 is not CAPABILITY]
    failures += [EvalFailure(id=c["id"], detail=f"{c['request']} — 라우팅 안 함") for c in unclaimed]
    metrics = {
        "posting_draft.claimed": 1 - len(unclaimed) / n if n else 1.0,
        "posting_draft.exact": 1 - len({f.id for f in failures} - {c["id"] for c in unclaimed}) / n if n else 1.0,
        "posting_draft.contains_recall": contains_ok / contains_n if contains_n else 1.0,
        "posting_draft.forbidden_count": float(banned),
        "posting_draft.unsupported_numbers": float(stray),
    }
    rows = [
        EvalRow(label=f"공고 초안 기대 모두 충족 (n={n})", metric="posting_draft.exact",
                value=f"{metrics['posting_draft.exact'] * 100:.1f}%"),
        EvalRow(label=f"공고 초안 필수 문구 ({contains_n}개)", metric="posting_draft.contains_recall",
                value=f"{metrics['posting_draft.contains_recall'] * 100:.1f}%"),
        EvalRow(label="공고 초안 금지 문구 건수", metric="posting_draft.forbidden_count", value=str(banned)),
        EvalRow(label="공고 초안 요청 라우팅(claims)", metric="posting_draft.claimed",
                value=f"{metrics['posting_draft.claimed'] * 100:.1f}%"),
        EvalRow(label="공고 초안 요청에 없는 수치", metric="posting_draft.unsupported_numbers", value=str(stray)),
    ]
    return CapabilityEval(metrics=metrics, rows=rows, failures=failures, detail={"n": n})


CAPABILITY = register(Capability(
    name="posting_draft",
    route="posting_draft",
    label="구인공고 초안",
    roles=("citizen", "counselor"),
    priority=15,
    claims=claims,
    run=run,
    blocks=("markdown", "findings", "notice"),
    follow_ups=(
        FollowUp("💰 올해 최저시급", "올해 최저시급 얼마예요?"),
        FollowUp("❓ 채용절차법 적용 대상", "채용절차법은 직원 몇 명 이상인 회사에 적용돼요?"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=(
        "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포",
        "애월 흑돼지 식당 홀서빙 20대 여성 2명 구함, 월 200만원, 월~토 9시~6시 휴게 1시간, 기숙사 제공",
    ),
))
