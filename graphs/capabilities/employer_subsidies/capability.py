"""The employer subsidy screening's declaration: an employer's "채용하면 받을 수 있는 지원금 있나요?" (or a counselor
asking for one) → every employer program screened with the facts the thread has gathered: ✅/❌/❓, the conditions met
and missing with their articles, the amount from the rules, and ONE next question — the fact that settles the most
open (❓) programs the employer asks about. The employer's replies ("우선지원대상기업이에요") are claimed too and
the facts accumulate in the thread's memory.

Routing: a question naming one program (청년일자리도약장려금, 고용촉진장려금 …) stays the eligibility check / rule
answer it always was; a job seeker's own benefit or search is never claimed. Priority 28: after the posting desk
(10–20) and talent recommendation (27), before job matching (30) and 제도 한눈에 (33), whose employer
audience ("우리 회사 … 받을 수 있는 지원") knows only 청년일자리도약장려금.

Memory (``remember``): ``{"facts": {...EmployerFacts fields said so far...}}``.
"""

from __future__ import annotations

from typing import Any

from graphs.blocks import Ask, CapabilityAnswer
from graphs.capabilities.employer_subsidies import screen_employer
from graphs.capabilities.employer_subsidies.chat import (
    ASK_FIELDS,
    EXAMPLES,
    blocks_of,
    citations_of,
    claims,
    focus,
    next_question,
    profile_facts,
    reply_facts,
)
from graphs.capabilities.employer_subsidies.evaluate import GOLD_PATH, evaluate_gold
from graphs.capabilities.employer_subsidies.parse import merge_facts, parse_facts, valid_facts
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalRow,
    FollowUp,
    register,
)

NAME = "employer_subsidies"


def thread_facts(request: CapabilityRequest) -> tuple[dict[str, Any], bool]:
    """The facts so far (the thread's employer Profile fields < what earlier turns remembered < this message) and
    whether the 피보험자 수 was taken from "직원 N명" (said so in the answer)."""
    remembered = (request.memory.get(NAME) or {}).get("facts") or {}
    said = parse_facts(request.text)
    if request.asked is not None:  # the reply to our question: a bare "네" / "아니요" states its yes/no fact
        said = merge_facts(reply_facts(request.asked.field, request.text), said)
    understood = profile_facts((request.understanding or {}).get("profile") or {})
    facts = merge_facts(merge_facts(merge_facts(profile_facts(request.profile), remembered), understood), said)
    assumed = "employees" in said and "insured_count" in said and said["employees"] == said["insured_count"] \
        and "피보험자" not in request.text and "고용보험" not in request.text
    return facts, assumed


def run(request: CapabilityRequest) -> CapabilityAnswer:
    facts, assumed = thread_facts(request)
    model = valid_facts(facts)
    kept = model.model_dump(mode="json", exclude_none=True)
    report = screen_employer(model, today=request.today)
    focused = focus(kept, request.text)
    question = next_question(report, focused)
    ask = None if question is None else Ask(field=ASK_FIELDS.get(question.field, question.field),
                                             question=question.question, example=EXAMPLES.get(question.field, ""))
    return CapabilityAnswer(blocks=blocks_of(report, kept, question, assumed, focused),
                            citations=citations_of(report, focused), remember={"facts": kept}, ask=ask)


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """Decisions, amounts, failed rules and asked facts on the hand-computed employer cases."""
    r = evaluate_gold()
    metrics = {
        "employer_subsidies.decision_accuracy": r.decision_accuracy,
        "employer_subsidies.amount_accuracy": r.amount_accuracy,
        "employer_subsidies.failed_recall": r.failed_recall,
        "employer_subsidies.missing_recall": r.missing_recall,
    }
    rows = [
        EvalRow(label=f"사업주 지원금 판정 정확도 ({r.decisions_n}건, 사례 {r.cases}개)",
                metric="employer_subsidies.decision_accuracy", value=f"{r.decision_accuracy:.1%}"),
        EvalRow(label=f"사업주 지원금 금액 ({r.amounts_n}개)", metric="employer_subsidies.amount_accuracy",
                value=f"{r.amount_accuracy:.1%}"),
        EvalRow(label=f"미충족 요건 재현율 ({r.failed_n}개)", metric="employer_subsidies.failed_recall",
                value=f"{r.failed_recall:.1%}"),
        EvalRow(label=f"물어볼 사실 재현율 ({r.missing_n}개)", metric="employer_subsidies.missing_recall",
                value=f"{r.missing_recall:.1%}"),
    ]
    return CapabilityEval(metrics=metrics, rows=rows, failures=r.failures,
                          detail=r.model_dump(mode="json", exclude={"failures"}))


CAPABILITY = register(Capability(
    name=NAME,
    route=NAME,
    label="사업주 지원금 점검",
    roles=("citizen", "counselor"),
    priority=28,
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice"),
    follow_ups=(
        FollowUp("🏢 우선지원대상기업이에요", "우리 회사는 우선지원대상기업이에요"),
        FollowUp("👶 육아휴직 대체인력 지원", "직원에게 육아휴직을 허용하고 대체인력을 채용하면 받을 수 있는 지원금이 있나요?"),
        FollowUp("👴 정년 지난 직원 계속고용", "정년 지난 직원을 재고용하면 받을 수 있는 지원금이 있나요?"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=(
        "우리 회사도 받을 수 있는 지원금 있나요?",
        "직원 25명 제조업인데 청년 정규직 뽑으면 받을 수 있는 지원금 있나요?",
        "고용장려금 받을 수 있나요? 서귀포에서 펜션 하고 있어요",
        "사업주 지원금 뭐가 있어요?",
        "청년 채용 장려금 우리도 되나요?",
        "육아휴직 대체인력 지원 받을 수 있어요?",
        "저희 가게에서 직원을 새로 채용하면 나오는 지원금이 있을까요",
    ),
))
