"""The 상담일지 declaration (counselors only): "상담일지 써줘" → a short summary of the thread (when, what was said,
what was given, what comes next) with .md and .docx downloads. Logic: ``graphs.capabilities.activity_plan.note``."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from graphs.blocks import CapabilityAnswer
from graphs.capabilities.activity_plan.evaluate import NOTE_GOLD, evaluate_notes
from graphs.capabilities.activity_plan.masking import wants_unmasked
from graphs.capabilities.activity_plan.note import build_note
from graphs.capabilities.activity_plan.render import downloads, note_doc
from graphs.capabilities.registry import Capability, CapabilityRequest, FollowUp, register
from graphs.seeker import SeekerProfile, seeker_profile

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

_NOTE = re.compile(r"상담\s*일지|상담\s*기록\s*(?:을|를)?\s*(?:써|작성|요약|남겨|정리)|상담\s*(?:내용|한\s*것)\s*(?:을|를)?\s*(?:요약|정리)")


def claims(text: str, u: Understanding) -> bool:
    return bool(_NOTE.search(text))


def answer(request: CapabilityRequest, seeker: SeekerProfile) -> CapabilityAnswer:
    note = build_note(seeker, profile=request.profile, memory=request.memory, history=request.history,
                      today=request.today, masked=not wants_unmasked(request.text))
    doc = note_doc(note)
    return CapabilityAnswer(blocks=[*doc.blocks(), *downloads(doc, f"상담일지_{note.today.isoformat()}", "상담일지")],
                            remember={"note": note.model_dump(mode="json")})


def run(request: CapabilityRequest) -> CapabilityAnswer:
    u = {**request.understanding, "query": None}  # "상담일지 써줘" names no occupation
    return answer(request, seeker_profile(dataclasses.replace(request, understanding=u)))


CAPABILITY = register(Capability(
    name="consultation_note",
    route="consultation_note",
    label="상담일지 요약",
    roles=("counselor",),
    priority=13,
    claims=claims,
    run=run,
    blocks=("markdown", "notice", "file"),
    follow_ups=(
        FollowUp("🗂️ 취업활동계획 초안", "취업활동계획 초안 만들어 줘"),
        FollowUp("🔓 개인정보 포함해서 다시", "개인정보 포함해서 상담일지 다시 써줘"),
    ),
    gold=NOTE_GOLD,
    evaluate=evaluate_notes,
    examples=("상담일지 써줘", "오늘 상담 내용 요약해줘", "상담일지 요약해 줘"),
))
