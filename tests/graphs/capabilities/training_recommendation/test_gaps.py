"""The 역량 갭 table and the gap logic: what a target needs, what closes it, and what a course is for."""

from __future__ import annotations

from datetime import date

from graphs.capabilities.training_recommendation.gaps import (
    choose_target,
    find_gaps,
    held_certificates,
    load_table,
    read_course,
    resolve_target,
)
from graphs.profile import SeekerProfile
from knowledge.schemas import TrainingCourse


def course(title: str, ncs: str) -> TrainingCourse:
    return TrainingCourse(id="X-1", course_id="X", round="1", title=title, institution="기관", region="제주시",
                          ncs_code=ncs, cost=500_000, start_date=date(2027, 1, 4), end_date=date(2027, 3, 4))


def test_every_item_has_a_source_and_unverified_items_say_so() -> None:
    table = load_table()
    assert len(table.occupations) >= 15
    for item in table.items.values():
        assert item.source.ref and item.source.kind in ("NCS", "KECO", "자격")
        assert item.source.verified is False  # written from knowledge in this session, not checked on ncs.go.kr


def test_targets_resolve_from_what_people_say() -> None:
    assert resolve_target("회계 사무") == "024101"
    assert resolve_target("경리") == "024101"
    assert resolve_target("제빵사가 되고 싶어요") == "baker"
    assert resolve_target("지게차 자격 따고 싶어요") == "equipment_operator"
    assert resolve_target("이분께 맞는 훈련과정") is None


def test_accountant_with_certificate_and_12_years_lacks_only_erp_and_the_optional_computer_certificate() -> None:
    p = SeekerProfile.model_validate({"experience": [{"occupation": "회계 사무", "years": 12}],
                                      "certificates": ["전산회계 1급"]})
    target = choose_target(p)
    assert target is not None and target.occupation.name == "회계 사무원"
    assert target.source.startswith("경력 직종")
    gaps, held = find_gaps(p, target.occupation)
    assert [(g.gap, g.need) for g in gaps] == [("ERP 실무 경험 없음", "required"),
                                              ("컴퓨터활용능력 자격 없음", "preferred")]
    assert {h.item for h in held} >= {"acct_cert", "bookkeeping", "tax", "office_docs"}


def test_a_beginner_lacks_the_certificate_and_the_practice() -> None:
    p = SeekerProfile(desired_occupation="회계 사무")
    gaps, held = find_gaps(p, load_table().occupations["024101"])
    assert {g.item for g in gaps} >= {"acct_cert", "bookkeeping", "erp", "tax"} and not held


def test_skills_said_close_a_gap() -> None:
    p = SeekerProfile(desired_occupation="경리", skills=["더존"], certificates=["전산회계 2급"])
    gaps, _ = find_gaps(p, load_table().occupations["024101"])
    assert "erp" not in {g.item for g in gaps}
    assert "acct_cert_1" in {g.item for g in gaps}  # 2급 holder: 1급 is the next step


def test_certificates_imply_the_lower_grade() -> None:
    assert held_certificates(["컴활 1급"]) == {"컴퓨터활용능력 1급", "컴퓨터활용능력 2급"}
    assert "전산회계 1급" in held_certificates(["전산세무 2급"])
    assert held_certificates(["요양보호사 1급"]) == {"요양보호사"}


def test_a_course_closes_what_its_title_teaches_and_names_its_main_certificate() -> None:
    erp = read_course(course("ERP 회계 실무", "02030201"))
    assert "erp" in erp.closes and erp.main_certificate is None
    cert = read_course(course("전산회계 1·2급 취득 과정", "02030201"))
    assert "acct_cert" in cert.closes and cert.main_certificate == "전산회계 1급"
    bakery = read_course(course("제과·제빵기능사 취득 과정", "13010301"))
    assert bakery.main_certificate == "제과기능사"
    assert read_course(course("카페 창업 바리스타 실무", "13010203")).main_certificate is None
    assert "lodging_ops" not in read_course(course("카페 창업 바리스타 실무", "13010203")).closes
