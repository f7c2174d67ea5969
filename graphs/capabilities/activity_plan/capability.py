"""The 취업활동계획 (IAP) declaration: "취업활동계획 초안 만들어 줘" → the plan from the thread (seeker, remembered
matches, training, screening) in chat, with .md and .docx downloads; "목표 직종을 요양보호사로 바꿔줘" re-drafts it."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from graphs.blocks import CapabilityAnswer
from graphs.capabilities.activity_plan.evaluate import PLAN_GOLD, evaluate_plans
from graphs.capabilities.activity_plan.masking import wants_unmasked
from graphs.capabilities.activity_plan.models import ActivityPlan, PlanJob
from graphs.capabilities.activity_plan.plan import JOBS, build_plan, jobs_of, new_target, reemployment_rule
from graphs.capabilities.activity_plan.render import downloads, plan_doc
from graphs.capabilities.job_matching.target import matched_occupation, same_occupation
from graphs.capabilities.registry import Capability, CapabilityRequest, FollowUp, register
from graphs.seeker import SeekerProfile, seeker_profile

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# A request to draft or change the plan; a question about the 재취업활동계획서 form or the 국민취업지원제도's IAP
# procedure ("취업활동계획은 언제 세우나요?") stays a policy question.
_PLAN = re.compile(r"취업\s*활동\s*계획(?!서)|\bIAP\b|활동\s*계획", re.IGNORECASE)
_MAKE = re.compile(r"초안|만들|짜\s*줘|짜\s*주|세워\s*줘|세워\s*주|써\s*줘|써\s*주|작성해|뽑아|다시|수정|고쳐|바꿔|내려\s*받|다운|docx|파일|"
                   r"개인\s*정보\s*포함", re.IGNORECASE)
_EDIT = re.compile(r"(?:목표|희망)\s*직종\s*(?:을|를)\s*.{1,20}?(?:으로|로)\s*(?:바꿔|변경|수정|고쳐)|"
                   r"(?:후속|다음)\s*상담\s*(?:일|날짜)?\s*(?:을|를)?.{0,16}?(?:으로|로)\s*(?:바꿔|변경|옮겨|잡아)")


def claims(text: str, u: Understanding) -> bool:
    return bool((_PLAN.search(text) and _MAKE.search(text)) or _EDIT.search(text))


def the_seeker(request: CapabilityRequest) -> SeekerProfile:
    """The thread's seeker; the words of this request ("취업활동계획 초안") are not an occupation, and a new target
    said here ("목표 직종을 요양보호사로 바꿔줘") replaces the old one for this draft."""
    u = {**request.understanding, "query": None}
    return seeker_profile(dataclasses.replace(request, understanding=u))


def retargeted(text: str, seeker: SeekerProfile) -> SeekerProfile:
    target = new_target(text)
    return seeker.model_copy(update={"desired_occupation": target, "desired_codes": []}) if target else seeker


def matched_jobs(request: CapabilityRequest, seeker: SeekerProfile) -> list[PlanJob] | None:
    """The postings to put in the plan when the thread's matches cannot be used (none yet, the target changed here,
    or the seeker's occupation changed since they were matched): matched now for the seeker; ``None`` = use the
    remembered ones (an older memory without ``occupation`` is trusted)."""
    matched_for = (request.memory.get("job_matching") or {}).get("occupation")
    changed = matched_for is not None and not same_occupation(matched_for, matched_occupation(seeker))
    if jobs_of(request.memory) and not new_target(request.text) and not changed:
        return None
    if not (seeker.desired_occupation or seeker.desired_codes):
        return []
    from graphs.capabilities.job_matching.scorer import match_jobs  # the index is needed only here

    report = match_jobs(seeker, retriever=request.kb.retriever, today=request.today, k=JOBS)
    return [PlanJob(id=m.job_id, title=m.title, company=m.company, region=m.region, district=m.district,
                    score=m.score, reasons=m.reasons, misfits=m.misfits, pay=m.pay, close_date=m.close_date)
            for m in report.matches]


def draft(request: CapabilityRequest, seeker: SeekerProfile) -> ActivityPlan:
    seeker = retargeted(request.text, seeker)
    return build_plan(seeker, profile=request.profile, memory=request.memory, history=request.history,
                      text=request.text, today=request.today, masked=not wants_unmasked(request.text),
                      jobs=matched_jobs(request, seeker))


def answer(request: CapabilityRequest, seeker: SeekerProfile) -> CapabilityAnswer:
    plan = draft(request, seeker)
    doc = plan_doc(plan)
    stem = f"취업활동계획_{plan.today.isoformat()}"  # never personal data in a file name
    return CapabilityAnswer(blocks=[*doc.blocks(), *downloads(doc, stem, "취업활동계획 초안")],
                            citations=[reemployment_rule().citation()],
                            remember={"plan": plan.model_dump(mode="json")})


def run(request: CapabilityRequest) -> CapabilityAnswer:
    return answer(request, the_seeker(request))


CAPABILITY = register(Capability(
    name="activity_plan",
    route="activity_plan",
    label="취업활동계획(IAP) 초안",
    roles=("counselor", "citizen"),
    priority=12,  # before posting_draft (15), whose "초안 … 만들" would take "취업활동계획 초안 만들어 줘"
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice", "file"),
    follow_ups=(
        FollowUp("📝 상담일지 쓰기", "상담일지 써줘"),
        FollowUp("🎓 이분께 맞는 훈련과정", "이분께 맞는 훈련과정"),
        FollowUp("🔓 개인정보 포함해서 다시", "개인정보 포함해서 취업활동계획 다시 만들어 줘"),
    ),
    gold=PLAN_GOLD,
    evaluate=evaluate_plans,
    examples=("취업활동계획 초안 만들어 줘", "이분 IAP 짜줘", "개인정보 포함해서 취업활동계획 다시 써줘",
              "목표 직종을 요양보호사로 바꿔줘"),
    needs=frozenset({"index"}),
))
