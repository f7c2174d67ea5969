"""What the chat's matching reads from the thread and the message, and what it remembers for later turns."""

from __future__ import annotations

from datetime import date
from typing import Any

from graphs.capabilities.job_matching.capability import matching_profile, remembered
from graphs.capabilities.job_matching.scorer import held_certificates, rank_jobs
from graphs.capabilities.registry import CapabilityRequest
from graphs.nlu import understand
from graphs.nlu.seeker import update_seeker
from graphs.seeker import SeekerProfile, seeker_profile
from knowledge.schemas import JobPosting

TODAY = date(2026, 11, 21)
SAID = "48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동 거주, 월 250 이상 정규직. 이분께 맞는 일자리 매칭해줘"


def request(text: str, seeker: dict[str, Any], profile: dict[str, Any] | None = None) -> CapabilityRequest:
    u = understand(text, today=TODAY).model_dump(mode="json")
    return CapabilityRequest(text=text, role="counselor", today=TODAY, kb=None,  # type: ignore[arg-type]
                             understanding=u, profile=profile or {}, seeker=seeker)


def test_certificates_said_in_the_message_are_held() -> None:
    assert held_certificates([SAID]) == {"전산회계 1급", "전산회계 2급"}  # 1급 also satisfies "1·2급" postings


def test_an_earlier_turn_and_the_eligibility_profile_both_reach_matching() -> None:
    first = "48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함"
    thread = update_seeker({}, first, understand(first, today=TODAY))
    p = seeker_profile(request("이분께 맞는 일자리 매칭해 줘", thread, {"age": 48}))
    assert [(e.occupation, e.years) for e in p.experience] == [("회계 사무", 12.0)]
    assert p.certificates == ["전산회계 1급"]
    assert p.district == "연동" and p.desired_monthly_wage == 2_500_000
    assert p.employment_types == ["정규직"] and p.weekends_off is True
    assert p.age == 48


def test_the_matching_message_can_name_the_occupation() -> None:
    p = seeker_profile(request("요양보호사 일자리 매칭해 줘", {"district": "애월읍"}))
    assert p.desired_occupation == "요양보호사" and p.district == "애월읍"


def test_a_district_in_the_eligibility_profile_is_the_home_when_the_seeker_has_none() -> None:
    assert seeker_profile(request("매칭해 줘", {}, {"region": "노형동"})).district == "노형동"
    assert seeker_profile(request("매칭해 줘", {}, {"region": "제주시"})).district is None  # a city is no point


def test_without_a_wish_the_longest_experience_stands_in_and_says_so() -> None:
    seeker = SeekerProfile.model_validate({"experience": [{"occupation": "홀서빙", "years": 2},
                                                          {"occupation": "회계 사무", "years": 12}]})
    used, note = matching_profile(seeker)
    assert used.desired_occupation == "회계 사무"
    assert note is not None and "회계 사무 12년" in note
    wished = seeker.model_copy(update={"desired_occupation": "요양보호사"})
    assert matching_profile(wished) == (wished, None)


def test_the_answer_is_remembered_in_the_memory_contract() -> None:
    job = JobPosting.model_validate(dict(
        id="J1", title="경리·회계 담당자 채용", company="(주)한라", region="제주시", district="연동",
        keco_code="024101", job_name="회계 사무원", employment_type="정규직", wage_type="월급",
        wage_min=2_600_000, wage_max=2_800_000, monthly_pay_min=2_600_000, monthly_pay_max=2_800_000,
        weekly_hours=40, education="고졸", career="관계없음", job_content="- 전산회계 1·2급 소지자 우대"))
    report = rank_jobs(SeekerProfile(desired_occupation="회계 사무", certificates=["전산회계 1급"]), [job],
                       today=TODAY)
    memory = remembered(report)
    assert list(memory) == ["occupation", "matches"]
    assert memory["occupation"] == "회계 사무"  # the occupation the matches were computed for
    (m,) = memory["matches"]
    assert set(m) == {"id", "title", "company", "region", "district", "score", "reasons", "misfits", "pay",
                      "close_date"}
    assert m["id"] == "J1" and "전산회계 1급 우대 공고" in m["reasons"]


def test_the_remembered_occupation_is_the_stand_in_when_no_wish_was_said() -> None:
    """"회계 사무 12년, 홀서빙 2년" without a wish: matched on the longest 경력, and remembered as such."""
    seeker = SeekerProfile.model_validate({"experience": [{"occupation": "홀서빙", "years": 2},
                                                          {"occupation": "회계 사무", "years": 12}]})
    used, _ = matching_profile(seeker)
    assert remembered(rank_jobs(used, [], today=TODAY)) == {"occupation": "회계 사무", "matches": []}
    assert remembered(rank_jobs(SeekerProfile(), [], today=TODAY))["occupation"] is None


def test_a_counselor_asking_for_postings_that_fit_the_person_gets_the_matching() -> None:
    """Issue 12's headline: "(seeker facts). 맞는 일자리 추천해줘" is a match with reasons for counselors; a question
    without a request verb and a topic search stay the job search, and citizens keep the job search."""
    from graphs.capabilities.registry import claim

    for text in ("48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시, 월 250 이상 정규직. 맞는 일자리 추천해줘",
                 "이분께 맞는 일자리 추천해줘", "이 구직자에게 맞는 공고 찾아줘", "이 분한테 맞는 일자리 좀 찾아 줘"):
        u = understand(text, today=TODAY)
        cap = claim(text, u, "counselor")
        assert cap is not None and cap.name == "job_matching", text
        cap = claim(text, u, "citizen")
        assert cap is None or cap.name != "job_matching", text
    for text in ("서귀포 호텔 일자리 추천해줘", "저한테 맞는 일자리 있을까요?", "이 공고에 맞는 인재 추천해줘"):
        cap = claim(text, understand(text, today=TODAY), "counselor")
        assert cap is None or cap.name != "job_matching", text
