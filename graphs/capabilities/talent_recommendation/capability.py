"""The talent recommendation declaration (counselors only): "이 공고에 맞는 인재 추천해줘" → the pool seekers ranked for
the thread's posting draft (or a pasted posting, or a 고용24 posting id), with score, reasons and misfits, and never a
personal identifier.

Overlap: job_matching's claim also matches "인재 추천"; this capability has the lower priority (27 < 30) so it is
asked first and takes every "인재 추천" / "이 공고에 맞는 구직자" message; job_matching keeps "매칭", "적합도" and
"추천 이유" for a seeker's postings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphs.blocks import Block, CapabilityAnswer, Cell, MarkdownBlock, NoticeBlock, TableBlock
from graphs.capabilities.posting_check.capability import split_request
from graphs.capabilities.posting_draft.capability import claims as draft_claims
from graphs.capabilities.posting_draft.occupation import suggest_keco
from graphs.capabilities.registry import (
    Capability,
    CapabilityEval,
    CapabilityRequest,
    EvalContext,
    FollowUp,
    register,
)
from graphs.capabilities.talent_recommendation.evaluate import GOLD_PATH
from graphs.capabilities.talent_recommendation.evaluate import evaluate as evaluate_gold
from graphs.capabilities.talent_recommendation.models import TalentReport
from graphs.capabilities.talent_recommendation.pool import load_pool
from graphs.capabilities.talent_recommendation.posting import (
    POSTING_ID,
    PostingInput,
    posting_from_memory,
    posting_from_text,
)
from graphs.capabilities.talent_recommendation.rank import TOP, recommend

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

_TALENT = re.compile(
    r"인재\s*(?:를|을)?\s*(?:추천|찾|구|소개)|적합한\s*인재|인재\s*풀"
    r"|(?:공고|자리|포지션|직무)(?:에|와|랑)\s*(?:잘\s*)?맞는\s*(?:구직자|인재|지원자|사람|후보)"
    r"|후보자?\s*(?:를|을)?\s*추천|(?:구직자|지원자)\s*(?:를|을)?\s*(?:추천|찾아)"
)
# "구직자에게 맞는 일자리 추천": a seeker's postings (job matching / search), not candidates for a posting
_FOR_A_SEEKER = re.compile(r"(?:일자리|공고|일거리|훈련\s*과정)\s*(?:를|을)?\s*(?:추천|매칭|찾)")
_THIS_POSTING = re.compile(r"(?:이|위|방금|그|작성한|고친|수정한)\s*공고|초안")
_PASTED = re.compile(r"[:：]\s*|\n")
MIN_PASTED = 40  # shorter than this after a colon is a remark, not a posting


def claims(text: str, u: Understanding) -> bool:
    return bool(_TALENT.search(text)) and not _FOR_A_SEEKER.search(text)


def _latest_posting_turn(history: tuple[tuple[str, str], ...]) -> str | None:
    """Which employer-desk answer of the thread is the newest: "posting_draft" or "posting_check" (by the user turns
    that asked for them), so a posting fixed and checked after the draft is the one recommended for."""
    from graphs.nlu.models import Understanding

    blank = Understanding(route="out_of_scope")
    for speaker, said in reversed(history):
        if speaker != "user":
            continue
        if split_request(said) is not None:
            return "posting_check"
        if draft_claims(said, blank):
            return "posting_draft"
    return None


def _from_thread(request: CapabilityRequest) -> PostingInput | None:
    draft = request.memory.get("posting_draft") or {}
    checked = request.memory.get("posting_check") or {}
    checked_text = checked.get("text") if isinstance(checked.get("text"), str) else None
    latest = _latest_posting_turn(request.history)
    if checked_text and (latest == "posting_check" or not draft):
        return posting_from_text(checked_text, today=request.today, source="이 대화에서 점검한 공고")
    if draft:
        return posting_from_memory(draft)
    return None


def posting_of(request: CapabilityRequest) -> PostingInput | str:
    """The posting this message means, or a Korean sentence saying what is missing."""
    text = request.text
    m = POSTING_ID.search(text)
    if m:
        job = request.kb.job(m.group(0))
        if job is None:
            return f"고용24 공고 {m.group(0)}를 채용정보 색인에서 찾지 못했습니다 — 번호를 확인해 주세요."
        return PostingInput(job=job, source=f"고용24 공고 {job.id} ({job.company})")
    cut = _PASTED.search(text)
    if cut and len(text) - cut.end() >= MIN_PASTED:
        return posting_from_text(text[cut.end():].strip(), today=request.today)
    if not _THIS_POSTING.search(text) and suggest_keco(text):
        return posting_from_text(text, today=request.today, source="요청에 적은 조건")
    remembered = _from_thread(request)
    if remembered is not None:
        return remembered
    if suggest_keco(text):
        return posting_from_text(text, today=request.today, source="요청에 적은 조건")
    return ("어떤 공고에 맞는 인재를 찾을지 알려 주세요 — 이 대화에서 공고 초안을 먼저 만들거나 (예: '호텔 객실관리 "
            "구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포'), 고용24 공고 번호(K…)나 공고 내용을 붙여 주세요.")


def blocks_of(report: TalentReport) -> list[Block]:
    dropped = ", ".join(f"{_DROP.get(k, k)} {v}명" for k, v in report.filtered_out.items())
    blocks: list[Block] = [MarkdownBlock(text=(
        f"**인재 추천** — {report.posting_title} · 직종: {report.occupation or '알 수 없음'} · 근무지: {report.place}\n\n"
        f"공고: {report.source} · 구직자 풀 {report.pool_size}명 중 {report.scored}명 평가"
        + (f" (제외: {dropped})" if dropped else "") + f" · 상위 {len(report.candidates)}명"))]
    if report.candidates:
        rows: list[list[Cell]] = [
            [i, c.id, c.age_band, c.desired_occupation, c.experience, ", ".join(c.certificates) or "-",
             c.district or "-", f"{c.score:.0f}", " / ".join(c.reasons) or "-", " / ".join(c.misfits[:2]) or "-"]
            for i, c in enumerate(report.candidates, 1)
        ]
        blocks.append(TableBlock(columns=["#", "구직자", "연령대", "희망 직종", "경력", "자격", "거주지", "점수",
                                          "✔ 추천 이유", "✘ 안 맞는 점"], rows=rows))
    else:
        blocks.append(MarkdownBlock(text="이 공고의 통근 범위 안에 맞는 구직자가 없습니다. 근무지나 조건을 넓혀 보세요."))
    notes = [*report.notes,
             "예시(가상·익명) 구직자 풀 기준입니다. 이름·연락처는 없으며, 연락은 고용센터를 통해 본인 동의 후 진행합니다.",
             "나이는 점수에 넣지 않습니다 (고령자고용법 제4조의4) — 연령대는 참고로만 보입니다."]
    blocks.append(MarkdownBlock(text="\n".join(f"※ {n}" for n in notes)))
    return blocks


_DROP = {"commute": "통근 범위 밖", "island": "섬 지역", "seasonal": "계절 일자리 불가"}


def run(request: CapabilityRequest) -> CapabilityAnswer:
    posting = posting_of(request)
    if isinstance(posting, str):
        return CapabilityAnswer(blocks=[NoticeBlock(text=posting, level="info")])
    report = recommend(posting, load_pool(request.settings.corpus_dir), today=request.today, k=TOP)
    return CapabilityAnswer(blocks=blocks_of(report))


def evaluate(ctx: EvalContext) -> CapabilityEval:
    return evaluate_gold(ctx.today)


CAPABILITY = register(Capability(
    name="talent_recommendation",
    route="talent_recommendation",
    label="인재 추천 (구직자 풀)",
    roles=("counselor",),
    priority=27,
    claims=claims,
    run=run,
    blocks=("markdown", "table", "notice"),
    follow_ups=(
        FollowUp("💰 올해 최저시급", "올해 최저시급 얼마예요?"),
        FollowUp("❓ 채용절차법 적용 대상", "채용절차법은 직원 몇 명 이상인 회사에 적용돼요?"),
    ),
    gold=GOLD_PATH,
    evaluate=evaluate,
    examples=(
        "요양보호사 구인 중이에요. 노형동, 시급 12000원, 자격증 필수. 적합한 인재 찾아줘",
        "호텔 객실관리 직원 구하는 중인데 후보자 추천해줘, 서귀포 중문동, 월 240만원",
        "이 공고에 맞는 구직자 추천해줘",
    ),
))
