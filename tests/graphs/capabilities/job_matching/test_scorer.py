"""The transparent score on hand-made postings: each factor, its reason text, the gates, hard filters, weights."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.capabilities.job_matching import SeekerProfile, rank_jobs
from knowledge.schemas import JobPosting

TODAY = date(2026, 11, 21)


def job(**kw: Any) -> JobPosting:
    base: dict[str, Any] = dict(
        id="J1", title="경리·회계 담당자 채용", company="(주)한라", region="제주시", district="연동",
        keco_code="024101", job_name="회계 사무원", employment_type="정규직", wage_type="월급",
        wage_min=2_600_000, wage_max=2_800_000, monthly_pay_min=2_600_000, monthly_pay_max=2_800_000,
        weekly_hours=40, work_schedule="주 5일 근무, (오전) 9시 00분 ~ (오후) 6시 00분, 주 소정근로시간: 40시간",
        education="고졸", career="관계없음", job_content="- 전표 입력 및 장부 관리\n- 전산회계 1·2급 소지자 우대",
    )
    base.update(kw)
    return JobPosting.model_validate(base)


ACCOUNTANT = SeekerProfile(
    desired_occupation="회계 사무", experience=[{"occupation": "회계 사무", "years": 12}],  # type: ignore[list-item]
    certificates=["전산회계 1급"], education="대졸(2~3년)", district="연동", commute_km=10,
    desired_monthly_wage=2_500_000, employment_types=["정규직"], weekends_off=True, age=48,
)


def test_a_good_match_has_two_to_four_plain_reasons() -> None:
    m = rank_jobs(ACCOUNTANT, [job()], today=TODAY).matches[0]
    assert 2 <= len(m.reasons) <= 4
    assert "전산회계 1급 우대 공고" in m.reasons
    assert any("같은 직종(회계 사무원)" in r for r in m.reasons)
    assert m.misfits == []
    assert m.score >= 90


def test_career_requirement_met_is_said_with_the_years() -> None:
    m = rank_jobs(ACCOUNTANT, [job(career="경력(10년 이상)")], today=TODAY).matches[0]
    experience = next(f for f in m.factors if f.factor == "experience")
    assert experience.fit == "경력 10년 이상 요구 충족 (관련 경력 12년)"


def test_distance_reason_names_the_home_district() -> None:
    m = rank_jobs(ACCOUNTANT, [job(district="노형동")], today=TODAY).matches[0]
    commute = next(f for f in m.factors if f.factor == "commute")
    assert commute.fit == "거주지 연동에서 약 2 km (노형동)"
    assert m.distance_km is not None and 1 < m.distance_km < 3


def test_missing_required_licence_is_a_misfit_and_ranks_last() -> None:
    nurse_aide = job(id="J2", title="간호조무사 채용", keco_code="304101",
                     job_content="- 진료 보조\n- 간호조무사 자격증 필수")
    report = rank_jobs(ACCOUNTANT.model_copy(update={"desired_occupation": "간호조무사", "experience": []}),
                       [nurse_aide, job(id="J3", keco_code="304101", title="의원 접수 직원",
                                        job_content="- 접수·수납")], today=TODAY)
    last = report.matches[-1]
    assert last.job_id == "J2"
    assert "필수 자격 없음: 간호조무사" in last.misfits


def test_posting_beyond_the_commute_is_filtered_and_counted() -> None:
    report = rank_jobs(ACCOUNTANT, [job(), job(id="J4", district="동홍동", region="서귀포시")], today=TODAY)
    assert [m.job_id for m in report.matches] == ["J1"]
    assert report.filtered_out == {"commute": 1}


def test_ferry_island_is_not_a_commute_from_the_mainland() -> None:
    profile = SeekerProfile(desired_occupation="바리스타", district="구좌읍", commute_km=15)
    cafe = job(id="J5", title="카페 직원", keco_code="532102", district="우도면")
    assert rank_jobs(profile, [cafe], today=TODAY).filtered_out == {"island": 1}


def test_closed_postings_are_dropped() -> None:
    report = rank_jobs(ACCOUNTANT, [job(close_date=date(2026, 11, 20))], today=TODAY)
    assert report.matches == [] and report.filtered_out == {"closed": 1}


def test_night_shift_is_a_misfit_for_no_night() -> None:
    profile = SeekerProfile(desired_occupation="요양보호사", certificates=["요양보호사"], district="이도2동",
                            no_night=True)
    night = job(id="N", title="요양원 요양보호사", keco_code="550101", district="이도2동",
                work_schedule="주 5일 근무, 1일 6시간 (17:00~23:00), 주 소정근로시간: 30시간", job_content="")
    day = night.model_copy(update={"id": "D", "work_schedule": "주 5일 근무, 1일 6시간 (09:00~15:00)"})
    report = rank_jobs(profile, [night, day], today=TODAY)
    assert [m.job_id for m in report.matches] == ["D", "N"]
    assert "야간 근무 포함" in report.matches[1].misfits


def test_weekend_off_against_a_six_day_week() -> None:
    six = job(work_schedule="주 6일 근무, (오전) 8시 00분 ~ (오후) 5시 00분 (휴게 1시간), 주 소정근로시간: 48시간")
    m = rank_jobs(ACCOUNTANT, [six], today=TODAY).matches[0]
    assert "주말 휴무 어려움 (주 6일 근무)" in m.misfits


def test_wage_below_the_wish_is_said_with_the_amounts() -> None:
    m = rank_jobs(ACCOUNTANT, [job(monthly_pay_min=2_200_000, monthly_pay_max=2_300_000)], today=TODAY).matches[0]
    assert "희망 임금(월 250만원)보다 낮음 — 월 230만원" in m.misfits


def test_counselor_can_exclude_and_reweight_factors() -> None:
    low_pay = job(monthly_pay_min=2_000_000, monthly_pay_max=2_100_000)
    normal = rank_jobs(ACCOUNTANT, [low_pay], today=TODAY)
    without_wage = rank_jobs(ACCOUNTANT, [low_pay], today=TODAY, exclude=["wage"])
    assert "wage" not in {f.factor for f in without_wage.matches[0].factors}
    assert without_wage.matches[0].score > normal.matches[0].score
    assert without_wage.excluded_factors == ["wage"] and without_wage.weights["wage"] == 0
    heavier = rank_jobs(ACCOUNTANT, [low_pay], today=TODAY, weights={"wage": 1.0})
    assert heavier.matches[0].score < normal.matches[0].score
    with pytest.raises(ValueError, match="unknown factor"):
        rank_jobs(ACCOUNTANT, [low_pay], today=TODAY, exclude=["age"])


def test_age_is_never_scored() -> None:
    young = rank_jobs(ACCOUNTANT.model_copy(update={"age": 25}), [job()], today=TODAY).matches[0]
    old = rank_jobs(ACCOUNTANT.model_copy(update={"age": 64}), [job()], today=TODAY).matches[0]
    assert young.score == old.score


def test_education_requirement_not_met_lowers_the_posting() -> None:
    m = rank_jobs(ACCOUNTANT, [job(education="대졸(4년)")], today=TODAY).matches[0]
    assert "학력 대졸(4년) 이상 요구" in m.misfits
    assert m.score < 70


def test_specific_word_of_the_wish_ranks_its_titles_first() -> None:
    profile = SeekerProfile(desired_occupation="수학 학원 강사", district="노형동")
    english = job(id="E", title="영어 학원 강사 채용", keco_code="214101", job_content="")
    maths = job(id="M", title="중등 수학 강사 채용", keco_code="214101", job_content="")
    assert [m.job_id for m in rank_jobs(profile, [english, maths], today=TODAY).matches] == ["M", "E"]


def _care(**kw: Any) -> JobPosting:
    """A 요양보호사 posting: by law (노인복지법) a 요양보호사 works with the 자격; the posting says so."""
    base: dict[str, Any] = dict(
        id="C1", title="노인요양시설 요양보호사 모집", company="한라요양원", keco_code="550101", job_name="요양보호사",
        job_content="- 어르신 신체활동 지원\n- 요양보호사 자격증 필수", wage_min=2_580_000, wage_max=2_670_000,
        monthly_pay_min=2_580_000, monthly_pay_max=2_670_000)
    base.update(kw)
    return job(**base)


def _support(**kw: Any) -> JobPosting:
    base: dict[str, Any] = dict(
        id="S1", title="장애인활동지원사 모집", company="하례복지센터", keco_code="550102", job_name="장애인 활동지원사",
        employment_type="시간제", wage_type="시급", wage_min=12_400, wage_max=12_400, monthly_pay_min=1_290_000,
        monthly_pay_max=1_290_000, weekly_hours=24, job_content="- 활동지원\n- 활동지원사 교육 이수자 우대")
    base.update(kw)
    return job(**base)


WANTS_CARE = SeekerProfile(desired_occupation="요양보호사", district="연동", desired_monthly_wage=2_500_000)


def test_a_wished_occupation_held_back_by_a_licence_is_said() -> None:
    """"요양보호사로 일하고 싶은데 자격은 없어요, 월 250": the 요양보호사 postings need the 자격 (far down); the related
    돌봄 postings that need none lead — and the counselor is told why, with what would change it."""
    postings = [_care(id=f"C{i}") for i in range(3)] + [_support(id=f"S{i}") for i in range(3)]
    report = rank_jobs(WANTS_CARE, postings, today=TODAY, k=3)
    assert [m.job_id[0] for m in report.matches] == ["S", "S", "S"]
    note = next(n for n in report.notes if n.startswith("희망 직종(요양보호사)"))
    assert "3건" in note and "필수 자격(요양보호사)" in note and "취득" in note


def test_no_licence_note_when_the_wished_occupation_is_on_top_or_held() -> None:
    holder = WANTS_CARE.model_copy(update={"certificates": ["요양보호사"]})
    report = rank_jobs(holder, [_care(), _support()], today=TODAY, k=1)
    assert report.matches[0].job_id == "C1"
    assert not any(n.startswith("희망 직종(") for n in report.notes)
    alone = rank_jobs(WANTS_CARE, [_care()], today=TODAY, k=1)  # held back, but still the top one
    assert not any(n.startswith("희망 직종(") for n in alone.notes)
