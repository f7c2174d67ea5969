"""The 제도 한눈에 declaration: "받을 수 있는 제도 한눈에", "이분이 받을 수 있는 지원 다 확인해줘" → every program of the
eligibility rules screened for the thread's profile, one line each (✅/❌/❓, amount, the missing fact), then the one
question that decides the most open lines and "<제도> 자세히" buttons that open the full check (eligibility route).

A question about one program ("실업급여 받을 수 있어요?") stays the eligibility check it always was.

Memory (``remember``): ``{"programs": [{"program", "name", "decision": "eligible"|"ineligible"|"unknown",
"amount": str|None, "missing": [question], "line": str}]}`` — ``missing`` holds, for a ❓ line, the engine's Korean
question for the fact that decides it (a consumer shows it as "확인할 것: …"); empty for ✅/❌.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graphs.blocks import Ask, CapabilityAnswer
from graphs.capabilities.program_screening.evaluate import GOLD_PATH
from graphs.capabilities.program_screening.evaluate import evaluate as evaluate_screening
from graphs.capabilities.program_screening.models import ScreenReport
from graphs.capabilities.program_screening.render import blocks_of, citations_of
from graphs.capabilities.program_screening.screen import audience_of, detail_question, parts_for, screen
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    EvalRow,
    FollowUp,
    register,
)
from graphs.profile import Profile

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# What is asked about: support in general, never one named benefit ("육아휴직 급여" names its own).
_SUPPORT = r"(?:지원금|지원\s*제도|지원|제도|혜택|수당)"
# Whether the person can get it (a yes/no about themselves), not what a program is.
_GET = r"(?:받을\s*수|받을\s*만한|받을만한|해당(?:되|하)|신청할\s*수|대상|자격|챙길\s*수)"
_ALL = r"(?:전부|전체|모두|모든|다\s*(?:확인|알려|보여|찾아|점검|봐|체크|골라))"
_CLAIMS = (
    re.compile(rf"한눈에|일괄\s*(?:확인|점검|조회)|{_SUPPORT}\s*(?:을|를)?\s*(?:전부|모두|다)\s*(?:점검|확인|체크)"),
    re.compile(rf"{_ALL}.*{_SUPPORT}.*{_GET}|{_GET}.*{_SUPPORT}.*{_ALL}|{_SUPPORT}.*{_GET}.*{_ALL}"),
    re.compile(rf"(?:어떤|무슨|어느)\s*{_SUPPORT}.*{_GET}|{_GET}.*(?:어떤|무슨|어느)\s*{_SUPPORT}"),
    re.compile(rf"{_GET}\S*\s*(?:\S+\s*)?{_SUPPORT}\S*\s*(?:이|가|은|는)?\s*(?:뭐가?|무엇이?|뭐뭐|어떤\s*게)\s*있"),
    re.compile(rf"(?:말고|외에|이외에?|그\s*밖에?|그\s*외에?|다른)\s*(?:다른\s*)?{_SUPPORT}.*{_GET}"),
)
_TOPIC = re.compile(_SUPPORT)
# "실업급여 말고 다른 지원도 받을 수 있나요": a named program, and the others asked about
_OTHERS = re.compile(r"말고|외에|이외|그\s*밖|그밖|그\s*외|다른\s*(?:지원|제도|혜택|수당)")


def claims(text: str, u: Understanding) -> bool:
    """A general "무슨 지원 받을 수 있어요" question; a question naming one program stays eligibility."""
    if not _TOPIC.search(text) or not any(p.search(text) for p in _CLAIMS):
        return False
    return u.program is None or bool(_OTHERS.search(text))


# "<제도> 자세히": the full check of one program, answered by the eligibility route with the thread's profile
FOLLOW_UPS: tuple[FollowUp, ...] = tuple(
    FollowUp(f"🔎 {part.detail_name} 자세히", detail_question(part)) for _, part in parts_for("seeker")
)


def remember(report: ScreenReport) -> dict[str, Any]:
    return {"programs": [
        {"program": ln.program, "name": ln.name, "decision": ln.decision,
         "amount": f"해당되면: {ln.amount}" if ln.amount and ln.decision == "unknown" else ln.amount,
         "missing": [ln.missing[0].question] if ln.decision == "unknown" and ln.missing else [], "line": ln.text()}
        for ln in report.lines
    ]}


def run(request: CapabilityRequest) -> CapabilityAnswer:
    profile = Profile.model_validate(request.profile)
    report = screen(profile, today=request.today, audience=audience_of(profile, request.text))
    q = report.next_question  # its reply comes back here (a Profile field: the NLU reads a bare "45살이요")
    return CapabilityAnswer(blocks=blocks_of(report, request.role), citations=citations_of(report),
                            remember=remember(report), ask=Ask(field=q.field, question=q.question) if q else None)


def evaluate(ctx: EvalContext) -> CapabilityEval:
    """Per-line decision accuracy and next-question accuracy on the gold profiles (written from the law)."""
    report = evaluate_screening(today=ctx.today)
    metrics = {"program_screening.decision_accuracy": report.decision_accuracy,
               "program_screening.missing_accuracy": report.missing_accuracy,
               "program_screening.next_question_accuracy": report.next_question_accuracy}
    rows = [
        EvalRow(label=f"제도 한눈에 판정 정확도 ({report.lines_n}개 줄, 프로필 {report.profiles_n}개)",
                metric="program_screening.decision_accuracy", value=f"{report.decision_accuracy:.1%}"),
        EvalRow(label=f"❓ 줄의 확인할 사실 ({report.missing_n}개 줄)", metric="program_screening.missing_accuracy",
                value=f"{report.missing_accuracy:.1%}"),
        EvalRow(label=f"다음 질문 ({report.asked_n}개 프로필)", metric="program_screening.next_question_accuracy",
                value=f"{report.next_question_accuracy:.1%}"),
    ]
    return CapabilityEval(metrics=metrics, rows=rows, failures=report.failures,
                          detail=report.model_dump(mode="json", exclude={"failures"}))


CAPABILITY = register(Capability(
    name="program_screening",
    route="program_screening",
    label="제도 한눈에 (받을 수 있는 제도 일괄 확인)",
    roles=("citizen", "counselor"),
    priority=33,
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice"),
    follow_ups=FOLLOW_UPS,
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=("받을 수 있는 제도 한눈에 보여줘", "이분이 받을 수 있는 지원 다 확인해줘", "해당되는 제도 전부 알려줘",
              "어떤 지원금 받을 수 있어요?", "제가 받을 수 있는 지원 제도가 뭐가 있어요?",
              "실업급여 말고 다른 지원도 받을 수 있나요?"),
))
