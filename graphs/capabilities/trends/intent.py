"""Trend questions in the words counselors use → :class:`TrendQuery` (no LLM).

"제주 고용률 추이" → rates/고용률 · "업종별 구인 현황" → postings/업종 · "서귀포 호텔 일자리 임금 수준" → wages,
서귀포시, 호텔 · "관광업 계절성" → seasonality · "요즘 제주 고용 동향 어때요? 업종별로" → industry ·
"청년 취업자 줄었어?" → youth.
"""

from __future__ import annotations

import re

from graphs.capabilities.trends.models import Indicator, Topic, TrendQuery
from graphs.nlu.gazetteer import find_places, resolve
from knowledge.stats import JEJU

_WAGES = re.compile(r"임금|월급|급여|시급|연봉|보수|페이|얼마\s*(?:주|받|줘)")
_SEASON = re.compile(r"계절|성수기|비수기|시즌|겨울|여름철|월별\s*(?:구인|공고|채용)")
_POSTINGS = re.compile(r"구인|공고|채용|일자리\s*(?:수|현황|많|얼마|분포)|구인난|사람\s*구하")
_YOUTH = re.compile(r"청년|15\s*~\s*29|20대|젊은")
_CITIES = re.compile(r"(?:제주시.*서귀포|서귀포.*제주시|시군|시별|두\s*시)")
_INDUSTRY = re.compile(r"산업|업종|업계|건설업|제조업|농림어업|도소매|숙박\s*음식|서비스업")
_RATES = re.compile(r"고용률|실업률|취업자|실업자|고용\s*(?:동향|상황|사정|지표|통계|시장)|노동\s*시장|경기|일자리\s*사정")
_TREND = re.compile(r"추이|동향|현황|통계|수준|추세|변화|줄었|늘었|늘어|줄어|어때|어떤가|얼마|몇|비교|분포|많")

_BREAKDOWNS: tuple[tuple[str, str], ...] = (
    (r"직종|직업|직무", "직종"),
    (r"읍면동|동네|지역별|동별|읍면별|어느\s*동", "읍면동"),
    (r"고용\s*형태|정규직|계약직|시간제|일용직|알바|파트", "고용형태"),
    (r"업종|산업", "업종"),
)
# Words that name a catalog group (업종/직업 labels are matched by substring in the store).
_KEYWORDS = ("호텔", "숙박", "펜션", "리조트", "음식점", "식당", "카페", "커피", "요양", "간호", "택배", "버스", "운전",
             "건설", "농업", "감귤", "과수", "어업", "양식", "면세점", "편의점", "마트", "슈퍼", "학원", "소프트웨어",
             "개발자", "회계", "경비", "청소", "조리", "렌터카", "골프", "테마파크", "여행")
_KEYWORD_ALIASES = {"식당": "음식점", "카페": "커피", "감귤": "과수", "과수": "과수", "마트": "슈퍼", "렌터카": "자동차 임대",
                    "개발자": "소프트웨어", "운전": "운전원"}
_TOURISM = re.compile(r"관광")
# Program questions that share words with statistics ("실업급여 얼마 받아요?" is not a wage statistic).
_PROGRAM = re.compile(r"실업\s*급여|구직\s*급여|수당|지원금|장려금|내일\s*배움|국민\s*취업|실업\s*인정|수급|자격|신청|조건")


def _indicators(text: str) -> list[Indicator]:
    found: list[Indicator] = []
    for word, name in (("고용률", "고용률"), ("실업률", "실업률"), ("실업자", "실업자"), ("취업자", "취업자")):
        if word in text and name not in found:
            found.append(name)  # type: ignore[arg-type]
    return found


def is_trend_question(text: str) -> bool:
    """Whether a message asks for labour-market figures (a cheap check for a router)."""
    return parse_trend_query(text) is not None


def parse_trend_query(text: str) -> TrendQuery | None:
    """The trend query a question asks, or None when it is not a statistics question."""
    t = " ".join(text.split())
    if _PROGRAM.search(t):
        return None
    city, district = resolve(find_places(t))
    region = city or JEJU
    keyword = next((k for k in _KEYWORDS if k in t), None)
    keyword = _KEYWORD_ALIASES.get(keyword, keyword) if keyword else None
    if keyword is None and _TOURISM.search(t):
        keyword = "관광"
    breakdown = next((name for pattern, name in _BREAKDOWNS if re.search(pattern, t)), None)
    trendy = bool(_TREND.search(t))
    topic: Topic | None = None
    if _WAGES.search(t) and (trendy or keyword or "수준" in t or "평균" in t or "중앙" in t):
        topic = "wages"
    elif _SEASON.search(t):
        topic = "seasonality"
    elif _POSTINGS.search(t) and (trendy or breakdown or "별" in t):
        topic = "postings"
    elif _YOUTH.search(t) and (_RATES.search(t) or trendy or "일자리" in t):
        topic = "youth"
    elif _CITIES.search(t) and (_RATES.search(t) or trendy):
        topic = "cities"
    elif _INDUSTRY.search(t) and (_RATES.search(t) or trendy):
        topic = "industry"
    elif _RATES.search(t) and (trendy or _indicators(t)):
        topic = "rates"
    if topic is None:
        return None
    if topic == "rates" and city is not None and not _SEASON.search(t):
        topic = "cities"  # monthly rates are published for the province only; cities come from 지역별고용조사
    if topic == "postings" and breakdown is None:
        breakdown = "업종군" if keyword == "관광" else "업종"
    if topic == "wages" and breakdown not in ("직종", "직업", "업종"):
        breakdown = None
    return TrendQuery(topic=topic, indicators=_indicators(t), region=region, district=district,
                      breakdown=breakdown, keyword=keyword, question=text)
