"""취업활동계획 and 상담일지: the gold threads, the DOCX, masking, and every number traced to the thread or the rule."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from docx import Document

from graphs.blocks import FileBlock
from graphs.capabilities.activity_plan import capability as plan_cap
from graphs.capabilities.activity_plan.evaluate import (
    NOTE_GOLD,
    PLAN_GOLD,
    PLAN_SECTIONS,
    GoldThread,
    docx_text,
    evaluate_notes,
    evaluate_plans,
    load_gold,
    request_of,
    untraced_numbers,
)
from graphs.capabilities.activity_plan.masking import Masker, age_band, city_of, wants_unmasked
from graphs.capabilities.activity_plan.plan import recognition_dates, reemployment_rule
from graphs.capabilities.activity_plan.render import plan_doc
from graphs.capabilities.consultation_note import capability as note_cap
from graphs.capabilities.registry import EvalContext
from graphs.seeker import SeekerProfile
from knowledge.base import KnowledgeBase

TODAY = date(2026, 12, 4)


def _thread(tid: str) -> GoldThread:
    return next(t for t in load_gold(PLAN_GOLD).threads if t.id == tid)


def _files(answer: object) -> dict[str, FileBlock]:
    return {b.name.rsplit(".", 1)[-1]: b for b in answer.blocks if isinstance(b, FileBlock)}  # type: ignore[attr-defined]


def _answer(tid: str) -> object:
    t = _thread(tid)
    return plan_cap.answer(request_of(t, None), SeekerProfile.model_validate(t.seeker))


def test_gold_plans_without_the_index_meet_every_expectation() -> None:
    result = evaluate_plans(EvalContext(today=TODAY, settings=None, kb=None))  # type: ignore[arg-type]
    assert [f.detail for f in result.failures] == []
    assert result.metrics["activity_plan.must_coverage"] == 1.0
    assert result.metrics["activity_plan.forbidden_count"] == 0
    assert result.metrics["activity_plan.untraced_numbers"] == 0
    assert result.metrics["activity_plan.docx_sections"] == 1.0
    assert result.metrics["activity_plan.claim_accuracy"] == 1.0
    assert result.detail["threads"] >= 12


def test_gold_notes_meet_every_expectation() -> None:
    result = evaluate_notes(EvalContext(today=TODAY, settings=None, kb=None))  # type: ignore[arg-type]
    assert [f.detail for f in result.failures] == []
    assert result.metrics["consultation_note.must_coverage"] == 1.0
    assert result.metrics["consultation_note.forbidden_count"] == 0


def test_the_docx_opens_and_holds_every_section_with_the_postings_and_the_weeks() -> None:
    files = _files(_answer("p01_accounting_claimant_masked"))
    assert set(files) == {"md", "docx"}
    doc = Document(io.BytesIO(files["docx"].content()))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert all(s in headings for s in PLAN_SECTIONS)
    cells = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    assert ["#", "공고", "회사", "지역", "추천 이유", "유의할 점", "급여", "마감"] in cells
    assert any(row[1] == "경리 사무원" for row in cells)
    assert [row[0] for row in cells if row[0].endswith("주차") and row[0] != "주차"] == ["1주차", "2주차", "3주차", "4주차"]
    # the file names carry the kind of document and the date, never personal data
    assert {f.name for f in files.values()} == {"취업활동계획_2026-12-04.md", "취업활동계획_2026-12-04.docx"}


def test_masked_by_default_and_exact_only_when_asked() -> None:
    masked = _files(_answer("p01_accounting_claimant_masked"))["docx"].content()
    exact = _files(_answer("p02_accounting_unmasked"))["docx"].content()
    masked_text, exact_text = docx_text(masked)[1], docx_text(exact)[1]
    assert "40대" in masked_text and "48세" not in masked_text and "연동" not in masked_text
    assert "48세" in exact_text and "제주시 연동" in exact_text


def test_masker_rules() -> None:
    assert age_band(48) == "40대" and age_band(61) == "60대"
    assert city_of("연동") == "제주시" and city_of("중문동") == "서귀포시" and city_of("함덕") == "제주시"
    m = Masker(masked=True, district="애월읍")
    assert m.text("27살, 애월에 살아요. 김영희 님 상담") == "20대, 제주시에 살아요. [이름] 상담"
    assert m.text("상담사님, 고객님") == "상담사님, 고객님"  # titles are not names
    exact = Masker(masked=False, district="애월읍")
    assert exact.text("27살 김영희 님, 애월") == "27살 [이름], 애월"  # names stay hidden even unmasked
    assert wants_unmasked("개인정보 포함해서 다시 써줘") and not wants_unmasked("취업활동계획 초안 만들어 줘")


def test_recognition_days_follow_the_cited_rule() -> None:
    """policy-facts §1.5: 1차 = 실업신고일부터 14일째, then 직전 인정일 다음 날부터 28일째."""
    rule = reemployment_rule()
    days, basis = recognition_dates(date(2026, 11, 25), None, TODAY, rule)
    assert days == [date(2026, 12, 8), date(2027, 1, 5)]
    assert basis is not None and "14일째" in basis
    days, _ = recognition_dates(None, date(2026, 12, 15), TODAY, rule)
    assert days == [date(2026, 12, 15), date(2027, 1, 12)]
    assert recognition_dates(None, None, TODAY, rule) == ([], None)
    assert rule.citation().doc_id == "unemployment-benefit-application"


def test_an_invented_number_is_caught() -> None:
    t = _thread("p01_accounting_claimant_masked")
    md = _answer("p01_accounting_claimant_masked").markdown()  # type: ignore[attr-defined]
    assert untraced_numbers(t, md) == set()
    assert untraced_numbers(t, md + "\n주 52시간, 월 320만원") == {"52", "320"}


def test_the_plan_cites_the_reemployment_rule_and_remembers_itself() -> None:
    answer = _answer("p01_accounting_claimant_masked")
    assert [c.doc_id for c in answer.citations] == ["unemployment-benefit-application"]  # type: ignore[attr-defined]
    plan = answer.remember["plan"]  # type: ignore[attr-defined]
    assert plan["follow_up"] == "2026-12-18" and len(plan["jobs"]) == 3


def test_consultation_note_is_for_counselors_and_the_plan_for_both() -> None:
    assert note_cap.CAPABILITY.roles == ("counselor",)
    assert set(plan_cap.CAPABILITY.roles) == {"counselor", "citizen"}
    t = next(x for x in load_gold(NOTE_GOLD).threads if x.id == "n01_full_thread_masked")
    files = _files(note_cap.answer(request_of(t, None), SeekerProfile.model_validate(t.seeker)))
    headings, text = docx_text(files["docx"].content())
    assert "다음 조치" in headings and "김영희" not in text


@pytest.mark.slow
def test_a_new_target_re_drafts_with_fresh_matches(full_kb: KnowledgeBase) -> None:
    t = _thread("p06_target_changed_in_chat")
    answer = plan_cap.answer(request_of(t, full_kb), SeekerProfile.model_validate(t.seeker))
    md = answer.markdown()
    assert "요양보호사" in md and "이 계획을 만들며 매칭했습니다" in md
    assert "회계 사무원 (정규직)" not in md and "ERP 회계 실무 (SAP FI)" not in md
    assert untraced_numbers(t, md, answer.remember["plan"]["jobs"]) == set()


# ---- 보완점 are gaps the thread knows; unknowns are asked -------------------------------------------------------------
def _job(title: str, *misfits: str) -> object:
    from graphs.capabilities.activity_plan.models import PlanJob

    return PlanJob(title=title, misfits=list(misfits))


def test_an_unknown_is_something_to_confirm_never_a_gap() -> None:
    """A posting asking 고졸 이상 of a seeker whose 학력 was never said: the counselor asks it (확인할 것); a required
    자격 not held and 3 years asked of 1 are gaps; the posting's pay, its unnamed 근무지 and a 신입 posting for a person
    with 5 years are not the person's gaps."""
    from graphs.capabilities.activity_plan.plan import strengths_and_gaps

    jobs = [_job("요양원 요양보호사", "학력 고졸 이상 요구 (학력 미입력)", "필수 자격 없음: 요양보호사"),
            _job("주간보호센터", "경력 3년 이상 요구 — 관련 경력 1년", "근무지 읍·면·동을 알 수 없음"),
            _job("방문요양", "신입 모집 공고 (경력 5년)", "희망 임금(월 250만원)보다 낮음 — 월 129만원")]
    _, gaps, to_confirm = strengths_and_gaps(SeekerProfile(), jobs, [], Masker(masked=False))  # type: ignore[arg-type]
    assert gaps == ["필수 자격 없음: 요양보호사", "경력 3년 이상 요구 — 관련 경력 1년"]
    assert to_confirm == ["학력 고졸 이상 요구 (학력 미입력)"]


def test_the_plan_lists_the_unknown_under_to_confirm() -> None:
    from graphs.capabilities.activity_plan.capability import draft

    t = _thread("p01_accounting_claimant_masked")
    memory = {**t.memory, "job_matching": {"matches": [
        {"title": "경리 사무원", "misfits": ["학력 대졸(2~3년) 이상 요구 (학력 미입력)"], "reasons": []}]}}
    request = dataclasses.replace(request_of(t, None), memory=memory)
    doc = plan_doc(draft(request, SeekerProfile.model_validate(t.seeker)))
    text = "\n".join(b.text for b in doc.blocks() if hasattr(b, "text"))
    assert "❓ 확인할 것: 학력 대졸(2~3년) 이상 요구 (학력 미입력)" in text
    assert "보완점: 학력" not in text


# ---- the remembered matches are for the occupation the seeker has now ---------------------------------------------
class _NoPostings:
    """A retriever with an empty catalog: enough to see whether the plan matches anew."""

    def search_jobs(self, *args: object, **kwargs: object) -> list[object]:
        return []


def _request_with_matches(occupation: str | None, wish: str) -> tuple[object, SeekerProfile]:
    t = _thread("p01_accounting_claimant_masked")
    matches = {"matches": [{"title": "경리 사무원", "reasons": [], "misfits": []}]}
    if occupation is not None:
        matches["occupation"] = occupation  # type: ignore[assignment]
    kb = type("KB", (), {"retriever": _NoPostings()})()
    request = dataclasses.replace(request_of(t, kb), memory={**t.memory, "job_matching": matches},
                                  text="취업활동계획 초안 만들어 줘")
    return request, SeekerProfile(desired_occupation=wish)


@pytest.mark.parametrize(("occupation", "wish", "rematched"), [
    ("회계 사무", "회계 사무", False),  # matched for this wish: the thread's matches are used
    ("회계 사무", "회계사무", False),  # spacing aside, the same wish
    (None, "요양보호사", False),  # an older memory without the key is trusted
    ("회계 사무", "요양보호사", True),  # "희망 직종은 요양보호사로 바뀌었어요" after the matching: matched again
])
def test_the_plan_matches_again_when_the_occupation_changed(occupation: str | None, wish: str, rematched: bool) -> None:
    request, seeker = _request_with_matches(occupation, wish)
    jobs = plan_cap.matched_jobs(request, seeker)  # type: ignore[arg-type]
    assert (jobs is not None) is rematched
