"""Counselor wording → trend query (topic, series, place, breakdown)."""

from __future__ import annotations

import pytest

from graphs.capabilities.trends import is_trend_question, parse_trend_query


@pytest.mark.parametrize(
    ("question", "topic", "fields"),
    [
        ("제주 고용률 추이", "rates", {"indicators": ["고용률"]}),
        ("제주 실업률 요즘 어때요", "rates", {"indicators": ["실업률"]}),
        ("요즘 제주 고용 동향 어때요?", "rates", {"indicators": []}),
        ("요즘 제주 고용 동향 어때요? 업종별로", "industry", {}),
        ("업종별 구인 현황", "postings", {"breakdown": "업종"}),
        ("직종별로 구인공고 몇 건이야", "postings", {"breakdown": "직종"}),
        ("애월 구인 공고 많아?", "postings", {"region": "제주시", "district": "애월읍"}),
        ("관광 쪽 채용 현황", "postings", {"breakdown": "업종군", "keyword": "관광"}),
        ("서귀포 호텔 일자리 임금 수준", "wages", {"region": "서귀포시", "keyword": "호텔"}),
        ("요양보호사 월급 보통 얼마 줘요?", "wages", {"keyword": "요양"}),
        ("관광업 계절성", "seasonality", {"keyword": "관광"}),
        ("겨울이면 실업률 오르나요", "seasonality", {}),
        ("청년 취업자 줄었어?", "youth", {}),
        ("20대 고용률 어때", "youth", {}),
        ("제주시 서귀포시 고용률 비교", "cities", {}),
        ("서귀포 실업률 얼마야", "cities", {"region": "서귀포시"}),
        ("건설업 취업자 줄었나요", "industry", {}),
    ],
)
def test_trend_questions(question: str, topic: str, fields: dict[str, object]) -> None:
    q = parse_trend_query(question)
    assert q is not None and q.topic == topic
    for key, value in fields.items():
        assert getattr(q, key) == value, key


@pytest.mark.parametrize(
    "question",
    ["실업급여 얼마 받아요?", "구직급여 신청 방법", "내일배움카드 자격 조건", "애월 카페 알바 구해요", "안녕하세요",
     "청년도약장려금 얼마예요", "제주 날씨 어때"],
)
def test_not_trend_questions(question: str) -> None:
    assert not is_trend_question(question)
