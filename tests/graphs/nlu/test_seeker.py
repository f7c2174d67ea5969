"""The seeker profile filled from what counselors and citizens say, turn by turn (graphs/nlu/seeker.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.nlu import understand
from graphs.nlu.seeker import update_seeker

TODAY = date(2026, 11, 21)


def talk(*turns: str, start: dict[str, Any] | None = None) -> dict[str, Any]:
    seeker = dict(start or {})
    for text in turns:
        seeker = update_seeker(seeker, text, understand(text, today=TODAY))
    return seeker


def test_the_issue_sentence_fills_every_field_it_states() -> None:
    s = talk("48세 구직자, 회계 사무 12년, 전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함")
    assert s == {"experience": [{"occupation": "회계 사무", "years": 12.0}], "certificates": ["전산회계 1급"],
                 "district": "연동", "desired_monthly_wage": 2_500_000, "employment_types": ["정규직"],
                 "weekends_off": True}  # age is the eligibility Profile's, not duplicated here


@pytest.mark.parametrize(("said", "wish"), [
    ("내담자: 45세 여성, 서귀포시 거주, 요양보호사로 일하고 싶어 함, 내일배움카드 보유", "요양보호사"),
    ("저는 제주시 사는 32살이고 바리스타로 일하고 싶어요", "바리스타"),
    ("희망 직종은 호텔 프런트입니다", "호텔 프런트"),
    ("사무직 희망하세요", "사무직"),
    ("요양보호사 일자리 매칭해 줘", "요양보호사"),
])
def test_the_wished_occupation(said: str, wish: str) -> None:
    assert talk(said)["desired_occupation"] == wish


@pytest.mark.parametrize("said", ["정규직 희망", "주말 휴무 원함", "월 250 희망", "전산회계 1급 있어요"])
def test_conditions_and_certificates_are_no_occupation(said: str) -> None:
    assert "desired_occupation" not in talk(said)


@pytest.mark.parametrize(("said", "experience"), [
    ("요양원에서 3년 일했어요", [("요양원", 3.0)]),
    ("호텔 프런트 경력 2년 6개월", [("호텔 프런트", 2.5)]),
    ("회계 사무 12년, 홀서빙 2년", [("회계 사무", 12.0), ("홀서빙", 2.0)]),
])
def test_experience_by_occupation(said: str, experience: list[tuple[str, float]]) -> None:
    assert [(e["occupation"], e["years"]) for e in talk(said)["experience"]] == experience


@pytest.mark.parametrize("said", ["고용보험 5년 가입했어요", "2020년에 그만뒀어요", "10년 전에 결혼했어요", "48세예요"])
def test_years_that_are_not_work_experience(said: str) -> None:
    assert "experience" not in talk(said)


def test_a_bare_career_counts_for_the_wished_occupation() -> None:
    s = talk("요양보호사로 일하고 싶어 함", "경력 5년 있어요")
    assert s["experience"] == [{"occupation": "요양보호사", "years": 5.0}]


def test_a_later_statement_replaces_an_earlier_one() -> None:
    s = talk("회계 사무 12년, 월 250 이상 희망, 제주시 연동 거주", "아 회계 사무는 15년이에요", "월 300 이상 원해요",
             "애월 살아요")
    assert s["experience"] == [{"occupation": "회계 사무", "years": 15.0}]
    assert s["desired_monthly_wage"] == 3_000_000
    assert s["district"] == "애월읍"


def test_none_clears() -> None:
    s = talk("회계 사무 12년, 전산회계 1급, 컴활 2급", "경력 없음으로 해 주세요", "자격증 없어요")
    assert "experience" not in s and "certificates" not in s


def test_certificates_accumulate_and_one_can_be_denied() -> None:
    s = talk("전산회계 1급 있어요", "요양보호사 자격증도 있어요", "컴활 2급은 준비 중이에요")
    assert s["certificates"] == ["전산회계 1급", "요양보호사"]
    assert talk("전산회계 1급, 컴활 2급", "컴활은 없어요")["certificates"] == ["전산회계 1급"]


@pytest.mark.parametrize(("said", "education"), [
    ("고졸이에요", "고졸"), ("전문대 졸업했어요", "대졸(2~3년)"), ("4년제 대학 나왔어요", "대졸(4년)"),
    ("대학 중퇴", "고졸"), ("대학원 석사", "대학원"),
])
def test_education(said: str, education: str) -> None:
    assert talk(said)["education"] == education


def test_a_place_in_a_search_is_where_to_work_not_home() -> None:
    assert "district" not in talk("서귀포 중문 호텔 일자리 찾아줘")
    assert talk("노형동에 살아요")["district"] == "노형동"


def test_moving_to_the_other_city_drops_the_old_district() -> None:
    assert "district" not in talk("제주시 연동 거주", "서귀포시로 이사했어요 거기 살아요")
    assert talk("제주시 연동 거주", "제주시 살아요")["district"] == "연동"


@pytest.mark.parametrize(("said", "field", "value"), [
    ("통근 30분 이내면 좋겠어요", "commute_minutes", 30),
    ("집에서 10km 이내", "commute_km", 10.0),
    ("야간 불가", "no_night", True),
    ("밤에는 일 못해요", "no_night", True),
    ("평일만 가능해요", "weekends_off", True),
    ("주 30시간 이하로", "max_weekly_hours", 30.0),
    ("하루 4시간 정도만", "max_weekly_hours", 20.0),
    ("주 40시간 이상은 일하고 싶어요", "min_weekly_hours", 40.0),
    ("계절 일은 싫어요", "seasonal_ok", False),
    ("정규직이나 계약직", "employment_types", ["계약직", "정규직"]),
])
def test_conditions(said: str, field: str, value: Any) -> None:
    assert talk(said)[field] == value


def test_a_past_schedule_is_no_wish() -> None:
    assert "max_weekly_hours" not in talk("전 직장에서 하루 8시간 일했어요")


def test_a_time_replaces_a_distance() -> None:
    s = talk("10km 이내", "아니다, 통근 20분 이내로")
    assert s["commute_minutes"] == 20 and "commute_km" not in s


def test_skills_said_with_what_the_person_can_do() -> None:
    s = talk("중국어 가능하고 엑셀 능숙해요, 일본어는 못해요")
    assert s["skills"] == ["중국어", "엑셀"]
    assert "skills" not in talk("영어 강사 일자리 찾아요")  # the job, not a skill
    assert "skills" not in talk("ERP 회계 실무 과정 찾아줘")  # a course to take, not a skill held


def test_a_stored_thread_from_before_keeps_its_occupation() -> None:
    s = talk("월 250 이상 희망", start={"occupation": "요양보호사"})
    assert s["desired_occupation"] == "요양보호사" and "occupation" not in s


def test_a_message_about_nothing_of_this_leaves_the_profile_as_it_was() -> None:
    before = {"desired_occupation": "요양보호사"}
    assert talk("실업급여 얼마나 받아요?", start=before) == before


def test_a_held_certificate_clause_does_not_become_the_occupation_of_the_years() -> None:
    """"요양보호사 자격 있고 경력 3년" (user test): the years are not a job named "요양보호사 자격 있고"."""
    text = "52세 여성, 요양보호사 자격 있고 경력 3년"
    seeker = update_seeker({}, text, understand(text, today=date(2026, 12, 4)))
    assert "요양보호사" in seeker["certificates"]
    assert all("자격" not in e["occupation"] for e in seeker["experience"])


def test_a_large_vehicle_licence_said_plainly_is_held() -> None:
    """도로교통법 제80조: 대형면허 is only 제1종 대형 — "대형면허 있어요" holds it (and so 1종 보통)."""
    text = "버스기사 20년, 대형면허 있어요"
    seeker = update_seeker({}, text, understand(text, today=date(2026, 12, 4)))
    assert "1종 대형 운전면허" in seeker["certificates"]


def test_a_past_jobs_type_with_its_years_is_not_the_wished_type_and_the_wish_is_the_job() -> None:
    """User test row 8: "건설현장 일용직 15년 … 사무직 전환 희망" — 일용직 was his past work, the wish is 사무직."""
    text = "45세 남성 구직자, 건설현장 일용직 15년, 허리 다쳐서 사무직 전환 희망"
    seeker = update_seeker({}, text, understand(text, today=date(2026, 12, 4)))
    assert "employment_types" not in seeker
    assert seeker["desired_occupation"] == "사무직"


def test_a_wished_type_after_a_past_one_is_kept() -> None:
    text = "계약직으로 2년 일했고 이번엔 정규직 희망"
    seeker = update_seeker({}, text, understand(text, today=date(2026, 12, 4)))
    assert seeker["employment_types"] == ["정규직"]
