"""The profile panel: what a counselor and a citizen see, the ⚙ form, and edits read back with Korean errors."""

from __future__ import annotations

import pytest

from app.profile_panel import (
    ProfileInputError,
    edits_from_assignments,
    edits_from_settings,
    is_show_command,
    profile_markdown,
    settings_widgets,
)

VIEW = {
    "seeker": {"experience": [{"occupation": "회계 사무", "years": 12.0}], "certificates": ["전산회계 1급"],
               "district": "연동", "desired_monthly_wage": 2_500_000, "employment_types": ["정규직"],
               "weekends_off": True, "desired_codes": ["024101"]},
    "profile": {"age": 48, "household_size": 3},
}


def test_the_counselor_sees_the_filled_fields_with_korean_labels() -> None:
    text = profile_markdown(VIEW, "counselor")
    for row in ("| 경력 | 회계 사무 12년 |", "| 자격증 | 전산회계 1급 |", "| 거주지 (읍·면·동) | 연동 |",
                "| 희망 임금 (월) | 250만원 이상 |", "| 고용형태 | 정규직 |", "| 주말 휴무 | 필요 |",
                "| 나이 | 48 |", "| 가구원 수 | 3 |", "| 희망 직종 코드 | 024101 |"):
        assert row in text
    assert "미입력: 희망 직종" in text


def test_a_citizen_never_sees_staff_only_fields_nor_a_phone_number() -> None:
    view = {**VIEW, "seeker": {**VIEW["seeker"], "desired_occupation": "요양보호사 010-1234-5678"}}
    text = profile_markdown(view, "citizen")
    assert "직종 코드" not in text and "024101" not in text
    assert "1234-5678" not in text and "내 프로필" in text
    assert all(w.id != "seeker:desired_codes" for w in settings_widgets(view, "citizen"))


def test_an_empty_profile_says_how_to_fill_it() -> None:
    assert "아직 알려진 내용이 없습니다" in profile_markdown({"seeker": {}, "profile": {}}, "counselor")


def test_the_form_is_filled_from_the_thread_and_only_changes_are_written() -> None:
    widgets = {w.id: w for w in settings_widgets(VIEW, "counselor")}
    assert widgets["seeker:experience"].initial == "회계 사무 12년"
    assert widgets["seeker:desired_monthly_wage"].initial == 250
    assert widgets["seeker:weekends_off"].initial is True
    submitted = {w.id: w.initial for w in widgets.values()}
    assert edits_from_settings(submitted, VIEW, "counselor") == ({}, {})
    submitted.update({"seeker:desired_occupation": "회계 사무", "seeker:no_night": True,
                      "seeker:experience": "회계 사무 12년, 홀서빙 2년", "seeker:education": "고졸",
                      "seeker:desired_monthly_wage": 280, "profile:age": 49})
    seeker, person = edits_from_settings(submitted, VIEW, "counselor")
    assert seeker == {"desired_occupation": "회계 사무", "no_night": True, "education": "고졸",
                      "desired_monthly_wage": 2_800_000,
                      "experience": [{"occupation": "회계 사무", "years": 12.0}, {"occupation": "홀서빙", "years": 2.0}]}
    assert person == {"age": 49}


def test_widget_ids_survive_the_web_form() -> None:
    """The ⚙ form (react-hook-form) reads a dotted field name as a path: an edit of "seeker.desired_occupation" came
    back as {"seeker": {"desired_occupation": …}} and was dropped. Ids carry no dot, and the flat payload the browser
    sends (untouched empty number inputs as null) yields exactly the edited field."""
    widgets = settings_widgets(VIEW, "counselor")
    assert all("." not in w.id and "[" not in w.id for w in widgets)
    submitted = {w.id: (None if w.kind == "number" and w.initial is None else w.initial) for w in widgets}
    submitted["seeker:desired_occupation"] = "회계 사무원"
    assert edits_from_settings(submitted, VIEW, "counselor") == ({"desired_occupation": "회계 사무원"}, {})


def test_a_citizen_form_cannot_carry_staff_fields() -> None:
    submitted = {"seeker:desired_codes": ["999999"]}
    assert edits_from_settings(submitted, VIEW, "citizen") == ({}, {})


@pytest.mark.parametrize(("pairs", "seeker", "person"), [
    (["희망직종=요양보호사"], {"desired_occupation": "요양보호사"}, {}),
    (["경력=회계 사무 12년, 요양 3년"], {"experience": [{"occupation": "회계 사무", "years": 12.0},
                                                     {"occupation": "요양", "years": 3.0}]}, {}),
    (["자격증=전산회계 1급, 컴활 2급", "주말휴무=예", "희망임금=250", "거주지=애월"],
     {"certificates": ["전산회계 1급", "컴활 2급"], "weekends_off": True, "desired_monthly_wage": 2_500_000,
      "district": "애월읍"}, {}),
    (["자격증="], {"certificates": []}, {}),
    (["나이=48", "가구원 수=3"], {}, {"age": 48, "household_size": 3}),
])
def test_cli_assignments(pairs: list[str], seeker: dict[str, object], person: dict[str, object]) -> None:
    assert edits_from_assignments(pairs) == (seeker, person)


@pytest.mark.parametrize(("pairs", "field"), [
    (["거주지=서울 강남"], "거주지"), (["희망임금=많이"], "희망 임금"), (["경력=오래 했음"], "경력"),
    (["학력=박사님"], "학력"), (["고용형태=프리랜서"], "고용형태"), (["취미=낚시"], "알 수 없는 항목"),
])
def test_a_bad_value_is_refused_naming_the_field(pairs: list[str], field: str) -> None:
    with pytest.raises(ProfileInputError, match=field):
        edits_from_assignments(pairs)


@pytest.mark.parametrize("text", ["프로필 보기", "/프로필", "👤 프로필 보기", "내 프로필"])
def test_show_commands(text: str) -> None:
    assert is_show_command(text)
    assert not is_show_command("프로필 보기 전에 실업급여 알려줘")
