"""The seeker intake declaration (counselors only): a message that describes the job seeker and asks nothing ("52세
여성, 요양보호사 자격 있고 경력 3년") → "프로필에 담았습니다", the filled fields, what is still missing and the next
steps as buttons — instead of an eligibility card nobody asked for. The understand step has already merged the
message into the thread's seeker; this answer only shows it."""

from __future__ import annotations

from graphs.blocks import CapabilityAnswer, MarkdownBlock
from graphs.capabilities.registry import Capability, CapabilityRequest, FollowUp, register
from graphs.capabilities.seeker_intake.evaluate import GOLD_PATH, evaluate
from graphs.capabilities.seeker_intake.intake import claims, filled_lines, missing_lines
from graphs.seeker import seeker_profile


def run(request: CapabilityRequest) -> CapabilityAnswer:
    seeker = seeker_profile(request)
    filled = filled_lines(seeker, request.profile) or ["- (아직 읽은 항목이 없습니다)"]
    missing = missing_lines(seeker, request.profile)
    parts = ["**프로필에 담았습니다.**", "\n".join(filled)]
    if missing:
        parts += ["**아직 모르는 것**", "\n".join(missing)]
    parts.append("다음으로 일자리 매칭, 맞는 훈련과정, 받을 수 있는 제도, 취업활동계획 초안을 아래 버튼으로 볼 수 있습니다.")
    return CapabilityAnswer(blocks=[MarkdownBlock(text="\n\n".join(parts))])


CAPABILITY = register(Capability(
    name="seeker_intake",
    route="seeker_intake",
    label="구직자 프로필 기록",
    roles=("counselor",),
    priority=5,  # before posting_check (10) and every other claim: a description asks for nothing else
    claims=claims,
    run=run,
    blocks=("markdown",),
    follow_ups=(
        FollowUp("🔎 일자리 매칭", "이분께 맞는 일자리 매칭해 줘"),
        FollowUp("🎓 훈련 추천", "이분께 맞는 훈련과정"),
        FollowUp("📋 제도 한눈에", "이분이 받을 수 있는 제도 한눈에 보여줘"),
        FollowUp("🗂️ 취업활동계획", "취업활동계획 초안 만들어 줘"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=("48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함",
              "52세 여성, 요양보호사 자격 있고 경력 3년"),
))
