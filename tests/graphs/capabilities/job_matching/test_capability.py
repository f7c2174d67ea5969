"""What the chat's matching reads from a counselor's message (the issue's own example sentence)."""

from __future__ import annotations

from graphs.capabilities.job_matching.capability import _experience
from graphs.capabilities.job_matching.scorer import held_certificates

SAID = "48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동 거주, 월 250 이상 정규직. 이분께 맞는 일자리 매칭해줘"


def test_certificates_said_in_the_message_are_held() -> None:
    assert held_certificates([SAID]) == {"전산회계 1급", "전산회계 2급"}  # 1급 also satisfies "1·2급" postings


def test_years_of_experience_with_the_job_they_were_in() -> None:
    assert [(e.occupation, e.years) for e in _experience(SAID, "회계 사무원")] == [("회계 사무", 12.0)]
    assert [(e.occupation, e.years) for e in _experience("경력 5년 있어요", "요양보호사")] == [("요양보호사", 5.0)]


def test_ages_and_insurance_years_are_not_experience() -> None:
    assert _experience("고용보험 5년, 48세", "회계 사무원") == []
