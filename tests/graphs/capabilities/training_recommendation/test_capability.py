"""Which messages are training recommendations, what the answer shows, what it remembers, and that a held
certificate never sends a person to the course for it."""

from __future__ import annotations

from datetime import date

import pytest

from graphs.capabilities.registry import CapabilityRequest, claim, get
from graphs.capabilities.training_recommendation.capability import blocks_of, remembered, run
from graphs.capabilities.training_recommendation.recommend import recommend
from graphs.nlu import understand
from graphs.nlu.seeker import update_seeker
from graphs.profile import SeekerProfile
from knowledge.base import KnowledgeBase

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize("text", ["이분께 맞는 훈련과정", "저한테 맞는 훈련 추천해 주세요", "부족한 역량 채울 훈련 있을까요",
                                  "역량 갭 분석해서 훈련 추천해 줘", "요양보호사 되려면 어떤 훈련 받아야 해요?",
                                  "제 조건에 맞는 교육 과정 알려주세요"])
def test_requests_for_the_person_are_claimed(text: str) -> None:
    for role in ("counselor", "citizen"):
        cap = claim(text, understand(text, today=TODAY), role)
        assert cap is not None and cap.name == "training_recommendation", (text, role)


@pytest.mark.parametrize("text", ["서귀포 바리스타 과정", "제주시에서 하는 바리스타 과정 알려주세요", "IT 훈련과정 있어요?",
                                  "이분께 맞는 일자리 매칭해 줘", "내일배움카드 자부담 얼마예요?"])
def test_topic_searches_and_other_requests_are_not(text: str) -> None:
    cap = claim(text, understand(text, today=TODAY), "counselor")
    assert cap is None or cap.name != "training_recommendation", text


def test_declared_for_counselors_and_citizens() -> None:
    cap = get("training_recommendation")
    assert set(cap.roles) == {"counselor", "citizen"} and cap.evaluate is not None and "index" in cap.needs


def test_held_certificate_course_is_excluded_and_said(full_kb: KnowledgeBase) -> None:
    p = SeekerProfile.model_validate({"desired_occupation": "요양보호사", "certificates": ["요양보호사"],
                                      "district": "이도2동"})
    rec = recommend(p, retriever=full_kb.retriever, today=TODAY)
    assert not rec.gaps and all("요양보호사" not in c.title for c in rec.courses)
    assert rec.excluded and all("요양보호사 보유" in e.why for e in rec.excluded)
    text = "\n".join(getattr(b, "text", "") for b in blocks_of(rec))
    assert "보유 자격의 취득 과정은 뺐습니다" in text


def test_the_thread_flow_names_the_gap_and_remembers_the_contract(full_kb: KnowledgeBase) -> None:
    first = "48세, 회계 사무 12년, 전산회계 1급 있음, 제주시, ERP는 안 써봄"
    seeker = update_seeker({}, first, understand(first, today=TODAY))
    text = "이분께 맞는 훈련과정"
    req = CapabilityRequest(text=text, role="counselor", today=TODAY, kb=full_kb,
                            understanding=understand(text, today=TODAY).model_dump(mode="json"),
                            profile={"age": 48}, seeker=seeker, history=(("user", first),))
    answer = run(req)
    md = "\n".join(getattr(b, "text", "") for b in answer.blocks)
    assert "목표 직종: 회계 사무원" in md and "ERP 실무 경험 없음 → ERP 회계 실무" in md
    table = next(b for b in answer.blocks if b.kind == "table")
    assert table.columns == ["과정", "기관", "지역", "일정", "자부담", "채워 주는 역량", "점수/이유"]
    assert table.rows[0][0] == "ERP 회계 실무" and str(table.rows[0][2]).startswith("제주시")
    assert all("전산회계 1·2급" not in str(r[0]) for r in table.rows)
    mem = answer.remember
    assert mem is not None
    assert mem["target"] == "회계 사무원" and "ERP 실무 경험 없음" in mem["gaps"]
    assert 1 <= len(mem["courses"]) <= 3
    assert set(mem["courses"][0]) == {"id", "title", "institution", "region", "start", "end", "self_pay", "closes",
                                      "reasons"}
    unknown = recommend(SeekerProfile(), retriever=full_kb.retriever, today=TODAY)
    assert unknown.target is None and remembered(unknown) == {"target": "", "gaps": [], "courses": []}
    assert any(b.kind == "notice" for b in blocks_of(unknown))


@pytest.mark.parametrize("text", ["훈련도 추천해줘", "훈련과정 추천", "훈련은?", "교육 과정 추천해 주세요"])
def test_a_training_request_without_a_topic_of_its_own_is_for_the_person(text: str) -> None:
    """After a seeker was described, "훈련도 추천해줘" asks for that person's courses, not the whole catalogue."""
    cap = claim(text, understand(text, today=TODAY), "counselor")
    assert cap is not None and cap.name == "training_recommendation", text


@pytest.mark.parametrize("text", ["IT 훈련과정 추천해줘", "훈련과정 뭐 있어요?", "서귀포시 요양 훈련과정 추천"])
def test_a_training_request_with_a_topic_or_place_stays_the_search(text: str) -> None:
    cap = claim(text, understand(text, today=TODAY), "counselor")
    assert cap is None or cap.name != "training_recommendation", text
