"""Issue 10: while a check waits for one fact, a new topic is routed on its own; slang and typos; field words;
questions in other languages (today = 2026-11-21)."""

from __future__ import annotations

from typing import Any

import pytest

from graphs.multilingual import detect_language
from graphs.nlu import understand
from graphs.nlu.fields import expand_query, field_codes
from tests.graphs.nlu.helpers import TODAY, check

# (what the assistant asked for, what the person sent instead, the route it must take, expectations)
NEW_TOPICS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("monthly_wage", "근데 실업급여 받는 중에 주말 알바 해도 돼요?", "policy_qa", {"program": "unemployment_benefit"}),
    ("age", "알바하면서 실업급여 받으면 걸리나요?", "policy_qa", {"program": "unemployment_benefit"}),
    ("separation_reason", "실급 타면서 단기 알바하면 신고해야 돼요?", "policy_qa", {"program": "unemployment_benefit"}),
    ("separation_reason", "그건 됐고 내일배움카드는 어떻게 신청해요?", "policy_qa", {"program": "learning_card"}),
    ("unit_period_days", "조기재취업수당은 언제 신청하는 거예요?", "policy_qa", {"program": "early_reemployment"}),
    ("insured_period_days", "2026년 최저시급이 얼마였죠?", "policy_qa", {"year": 2026, "profile.insured_period_days": None}),
    ("age", "정년은 법적으로 몇 살이에요?", "policy_qa", {"profile.separation_reason": None, "profile.age": None}),
    ("dependents", "서귀포 고용센터는 어디 있어요?", "policy_qa", {}),
    ("age", "애월 쪽 카페 일자리 있나 좀 봐줘요", "job_search", {"job_filters.district": "애월읍"}),
    ("household_assets", "제주시에서 하는 바리스타 과정 알려주세요", "training_search", {"training_filters.region": "제주시"}),
    ("monthly_wage", "아 그리고 구인광고에 나이 제한 거는 거 불법 아닌가요", "policy_qa", {"asks": ["posting_law"]}),
    ("age", "Can I work part-time while I get unemployment benefits?", "foreign_language", {"language": "en"}),
]


@pytest.mark.parametrize(("expecting", "text", "route", "expected"), NEW_TOPICS, ids=[t for _, t, _, _ in NEW_TOPICS])
def test_a_new_topic_is_not_read_as_the_awaited_reply(expecting: str, text: str, route: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY, expecting=expecting)
    assert u.route == route
    check(u, expected)


REPLIES: list[tuple[str, str, dict[str, Any]]] = [
    ("separation_reason", "알바하다 잘렸어요", {"profile.separation_reason": "dismissal"}),
    ("separation_reason", "월급이 밀려서요", {"profile.separation_reason": "voluntary_justified"}),
    ("age", "마흔이요", {"profile.age": 40}),
    ("separation_date", "지난달 말이요", {"profile.separation_year": 2026}),
    ("unit_period_days", "18개월 내내 일했어요", {"profile.unit_period_days": 540}),
    ("unit_period_days", "퇴사 전 18개월 중에 10개월 일했어요", {"profile.unit_period_days": 300}),
    ("unit_period_days", "200일 정도요", {"profile.unit_period_days": 200}),
    ("reemployed", "네", {"profile.reemployed": True}),
    ("monthly_wage", "300", {"profile.monthly_wage": 3_000_000}),
]


@pytest.mark.parametrize(("expecting", "text", "expected"), REPLIES, ids=[t for _, t, _ in REPLIES])
def test_short_answers_continue_the_check(expecting: str, text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY, expecting=expecting)
    assert u.route == "eligibility"
    check(u, expected)


SLANG: list[tuple[str, dict[str, Any]]] = [
    ("실업급어 얼마받아여", {"program": "unemployment_benefit", "asks+": ["amount"]}),
    ("실업급어 얼마받아여 권고사직임", {"profile.separation_reason": "recommended_resignation"}),
    ("짤렸어요 실업급여 되나여", {"profile.separation_reason": "dismissal", "asks+": ["eligibility"]}),
    ("짤렷어요ㅠㅠ 실급 나오나여", {"program": "unemployment_benefit", "profile.separation_reason": "dismissal"}),
    ("회사에서 잘림 실업급여 받을수잇나", {"profile.separation_reason": "dismissal"}),
    ("실급 얼마", {"program": "unemployment_benefit", "asks+": ["amount"]}),
    ("시럽급여 받을수있어여?", {"program": "unemployment_benefit"}),
    ("내배카 발급 되나여 공무원임", {"program": "learning_card", "profile.public_servant": True}),
    ("구직촉진수당 받을수잇음? 스물아홉 알바만 해봄", {"program": "national_employment_support", "profile.age": 29}),
]


@pytest.mark.parametrize(("text", "expected"), SLANG, ids=[t for t, _ in SLANG])
def test_slang_and_typos(text: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "eligibility"
    check(u, expected)


def test_early_reemployment_said_without_its_name() -> None:
    u = understand("실업급여 받다가 빨리 취업하면 주는 돈 있다던데 그거 얼마나 돼요", today=TODAY)
    assert u.route in ("policy_qa", "eligibility") and u.program == "early_reemployment"


FIELDS: list[tuple[str, str, dict[str, Any]]] = [
    ("IT 훈련과정 있어요?", "training_search", {"training_filters.ncs_prefix": "20"}),
    ("IT 쪽 국비 교육 받고 싶어요", "training_search", {"training_filters.ncs_prefix": "20",
                                                 "training_filters.card_eligible": True}),
    ("디지털 분야 훈련과정 서귀포에도 있어요?", "training_search", {"training_filters.ncs_prefix": "20",
                                                     "training_filters.region": "서귀포시"}),
    ("조리 배우고 싶어요", "training_search", {"training_filters.ncs_prefix": "13"}),
    ("요양 쪽 교육과정 있나요", "training_search", {"training_filters.ncs_prefix": "07"}),
    ("사무직 자리 알아보고 있어요 제주시요", "job_search", {"job_filters.keco_prefix": "02", "job_filters.region": "제주시"}),
    ("관광 쪽 일자리 중문에 있나요", "job_search", {"job_filters.keco_prefix": "52", "job_filters.district": "중문동"}),
    ("요양 쪽 일 구해요", "job_search", {"job_filters.keco_prefix": "55"}),
    ("개발자 쪽으로 일하고 싶은데 제주에 IT 회사 채용 있어요?", "job_search", {"job_filters.keco_prefix": "13"}),
    # two fields ("요양" care, "병원" health): no hard code filter, the words alone search
    ("요양병원 간호조무사 일자리", "job_search", {"job_filters.keco_prefix": None}),
]


@pytest.mark.parametrize(("text", "route", "expected"), FIELDS, ids=[t for t, _, _ in FIELDS])
def test_field_words_set_the_field_code(text: str, route: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == route
    check(u, expected)


def test_a_field_only_query_is_widened_with_the_fields_keywords() -> None:
    assert {"웹", "AI", "빅데이터"} <= set(expand_query("it").split())
    assert {"회계", "경리"} <= set(expand_query("사무직").split())
    assert {"호텔", "가이드"} <= set(expand_query("관광").split())
    assert expand_query("호텔 조리") == "호텔 조리"  # specific already
    assert field_codes("요양병원") == (None, None)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How can I get unemployment benefits?", "en"),
        ("I was fired, can I get money", "en"),
        ("Tôi muốn hỏi về trợ cấp thất nghiệp", "vi"),
        ("toi muon hoi ve viec lam", "vi"),
        ("我想问失业金怎么申请", "zh"),
        ("我在济州工作，被解雇了，可以领失业金吗？", "zh"),
        ("Я ищу работу на Чеджу", "other"),
        ("hi", None),
        ("ok", None),
        ("IT 훈련과정 있어요?", None),
        ("unemployment benefit 받을 수 있나요", None),
        ("KDT", None),
    ],
)
def test_language_detection(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_a_crisis_in_another_language_is_a_crisis() -> None:
    assert understand("I want to die, I lost my job", today=TODAY).route == "crisis"
    assert understand("我不想活了", today=TODAY).route == "crisis"
