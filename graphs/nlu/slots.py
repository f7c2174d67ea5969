"""Slot extractors. Each reads a :class:`Scratch`, returns what it found and blanks what it consumed.

Normalisation rules (documented once, used everywhere):

* pay → monthly 원: 시급 × 209 (40 h/week incl. 주휴), 일급 × 21.75 (average workdays a month), 연봉 ÷ 12.
  "최저시급 이상" = the year's 최저임금 × 209 (2026: 10,320 × 209 = 2,156,880원).
* periods → days: a stated "N년" is N calendar years (고용보험법 별표1 bands count calendar years), read as the most
  days N calendar years can span, N × 365 + ⌈N/4⌉ ("5년" = 1,827, "10년" = 3,653; graphs/nlu/history.py
  ``years_days``); months × 30, "반" (half a year) = 180; "10년 이상" = that bound, "5년 넘게" = one day more,
  "1년이 안 됐어요"/"1년 미만" = one day short of N × 365 (364: under a year on any calendar); an explicit day count
  ("가입일수 3650일") stays as said.
* hours → max weekly hours: "주 N시간" as said; else daily hours × days a week (default 5);
  "오전만"/"오후만"/"반나절" = 4 h a day; "주 N일" alone = N × 8 h; "미만" is read as "이하".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from graphs.nlu.causes import find_just_cause
from graphs.nlu.history import PriorInfo, ReemploymentInfo, bound_of, duration_days
from graphs.nlu.numbers import (
    NATIVE_AGE,
    NumberMatch,
    find_numbers,
    native_age,
    number_at,
    sino_small,
    to_won,
)
from graphs.nlu.text import Scratch
from graphs.nlu.work_absence import stated_no_insured_work
from graphs.profile import SeparationReason
from knowledge import facts
from knowledge.schemas import EmploymentType

HOURS_PER_MONTH = facts.pay_conversion().full_time_monthly_hours.value  # 209 (knowledge/facts/pay_conversion.yaml)
WORKDAYS_PER_MONTH = facts.pay_conversion().workdays_per_month.value  # 21.75
DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30

def minimum_wage(year: int) -> int:
    """최저임금 시간급 of ``year`` from the facts table; a later, unpublished year uses the latest known figure."""
    return facts.minimum_wage().entry_for(year).hourly


def _before(text: str, start: int, width: int) -> str:
    return text[max(0, start - width) : start]


def _after(text: str, end: int, width: int) -> str:
    return text[end : end + width]


# ---------------------------------------------------------------- age
_BIRTH_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2}|\d{2})\s*년\s*생|(?<![\d.])(\d{2})\s*생(?![가-힣])")
_AGE_DIGITS = re.compile(r"(?:만\s*)?(?<![\d.])(\d{1,3})\s*(?:세|살)(?!대|금|계|기)")
_AGE_SINO = re.compile(r"(?<![가-힣])([일이삼사오육칠팔구십]{2,5})\s*(?:세|살)(?!대)")
_AGE_CONTEXT = re.compile(
    r"(?:나이|연세|올해|올해\s*나이)\s*(?:는|가|가요|요|로|으로|가\s*벌써)?\s*(?:만\s*)?(\d{2})"
    r"(?![\d.,]|\s*(?:년|월|일|시간|만|원|%|퍼|프로|개월|명|인(?!데|가|지|이)|천|백|억|세대|시|주|대))"
)
_AGE_BAND = re.compile(r"(?<!\d)([1-9]0)\s*대\s*(초반|중반|후반|초|중|말|후반대)?|(이십|삼십|사십|오십|육십|칠십)\s*대\s*(초반|중반|후반)?")
_FAMILY_BEFORE = re.compile(
    r"(?:아이|애가|애는|애기|딸|아들|자녀|남편|아내|와이프|부모|엄마|아빠|어머니|아버지|동생|형이|형은|언니|누나|오빠|손자|손녀|아기|"
    r"막내|첫째|둘째|셋째)[가-힣]{0,2}\s*$"
)
_AGE_AFTER_BAD = re.compile(r"^\s*(?:짜리|아이|아들|딸|자녀|애|아기|이하|미만|이상|까지|부터|~|넘은\s*분|이상인\s*분|부터\s*지원)")


@dataclass
class AgeInfo:
    age: int | None = None
    age_range: tuple[int, int] | None = None


def _plausible_age(value: int) -> bool:
    return 14 <= value <= 100


def _age_ok(text: str, start: int, end: int) -> bool:
    return not _FAMILY_BEFORE.search(_before(text, start, 8)) and not _AGE_AFTER_BAD.match(_after(text, end, 10))


def extract_age(s: Scratch, today: date) -> AgeInfo:
    info = AgeInfo()
    text = s.text
    for m in _BIRTH_YEAR.finditer(text):
        raw = m.group(1) or m.group(2)
        year = int(raw)
        if year < 100:
            year += 1900 if year > today.year % 100 else 2000
        age = today.year - year
        if _plausible_age(age) and _age_ok(text, m.start(), m.end()):
            info.age = info.age if info.age is not None else age
            s.take(m.start(), m.end())
    for pattern in (_AGE_DIGITS, _AGE_CONTEXT):
        for m in pattern.finditer(s.text):
            value = int(m.group(1))
            if _plausible_age(value) and _age_ok(s.text, m.start(), m.end()):
                info.age = info.age if info.age is not None else value
                s.take(m.start(), m.end())
    for m in _AGE_SINO.finditer(s.text):
        sino = sino_small(m.group(1))
        if sino is not None and _plausible_age(sino) and _age_ok(s.text, m.start(), m.end()):
            info.age = info.age if info.age is not None else sino
            s.take(m.start(), m.end())
    for m in NATIVE_AGE.finditer(s.text):
        if m.start() > 0 and re.match(r"[가-힣]", s.text[m.start() - 1]):
            continue
        value = native_age(m.group("tens"), m.group("ones"))
        tail = _after(s.text, m.end(), 8)
        with_unit = re.match(r"\s*(?:살|세)", tail)
        bare_ok = re.match(r"\s*(?:이요|요|입니다|이에요|예요|이고|인데|이야|$|[.,!?])", tail) and (
            m.group("ones") or m.group("tens") not in ("열", "스무", "쉰")
        )
        # "스물아홉 알바만 해봄": a full native number (tens and ones) followed by a word that is not a counter
        bare_ok = bare_ok or bool(
            m.group("ones") and m.group("tens") and re.match(r"\s+(?!명|개|시|번|마리|권|잔|대|장|곳|군데|달|해|가지)[가-힣]", tail)
        )
        if (with_unit or bare_ok) and _plausible_age(value) and _age_ok(s.text, m.start(), m.end()):
            info.age = info.age if info.age is not None else value
            end = m.end() + (with_unit.end() if with_unit else 0)
            s.take(m.start(), end)
    for m in _AGE_BAND.finditer(s.text):
        decade = int(m.group(1)) if m.group(1) else (sino_small(m.group(3)) or 0)
        part = m.group(2) or m.group(4) or ""
        if not 10 <= decade <= 90 or not _age_ok(s.text, m.start(), m.end()):
            continue
        if part.startswith("초"):
            band = (decade, decade + 3)
        elif part.startswith("중"):
            band = (decade + 4, decade + 6)
        elif part.startswith(("후", "말")):
            band = (decade + 7, decade + 9)
        else:
            band = (decade, decade + 9)
        info.age_range = info.age_range or band
        s.take(m.start(), m.end())
    return info


# ---------------------------------------------------------------- insured periods
_UNIT_PERIOD = re.compile(r"(?:피보험\s*)?단위\s*기간\s*(?:이|은|는|을|만|으로)?\s*(?:약\s*|총\s*)?(\d{1,4})\s*일")
# the 18 months before leaving (제40조②), said the way people answer the assistant's question: "퇴사 전 18개월 동안
# 쭉 일했어요" (= the whole window, 18 × 30 days), "퇴사 전 18개월 중에 200일", "18개월 중 10개월 일했어요"
_UNIT_WINDOW = re.compile(
    r"(?P<before>(?:퇴사|이직|그만두기|관두기|나오기)\s*(?:하기)?\s*전\s*)?(?:1\s*년\s*반|18\s*개월)\s*"
    r"(?:동안|(?P<within>중에서|중에|중|사이에|사이|안에))?\s*(?:은|는)?\s*(?:고용\s*보험\s*(?:가입|들고)\s*)?"
    r"(?:(?P<n>\d{1,3})\s*(?P<unit>일|개월|달)|(?P<all>내내|쭉|계속|꽉|다|모두|전부|빠짐없이|한\s*번도\s*안\s*쉬고))"
    r"(?=\s*(?:을|를|이|가|은|는|정도|쯤|넘게|이상)?\s*(?:일했|근무|다녔|일\s*했|채웠|가입|있었|됐|되|받|이요|요|$|[.,!?]|\s))"
)
UNIT_WINDOW_DAYS = 18 * 30  # the whole 18-month window, months × 30 like every other period
_INSURED_DAYS = re.compile(
    r"(?:고용\s*보험|피보험\s*기간|피보험|가입\s*기간|가입\s*일수)\s*(?:가입)?\s*(?:기간|일수|날짜|한\s*날)?\s*"
    r"(?:이|은|는|을|만|으로|가)?\s*(?:약\s*|총\s*|한\s*|딱\s*|정확히\s*|대략\s*|거의\s*|합쳐서\s*|통틀어\s*)?"
    r"(\d{1,2},\d{3}|\d{1,5})\s*일(?!\s*(?:전|후|뒤|만에|당|급))"
)
_DURATION = re.compile(
    r"(?<![\d.])(?:(?P<y>\d{1,2})\s*년(?!\s*(?:생|제|도(?!\s*(?:안|못|채|다\s*안))|전|후|뒤|만에|간\s*\d|\d*\s*월))\s*(?P<half>반)?"
    r"(?:\s*(?P<m1>\d{1,2})\s*개월)?|(?P<m2>\d{1,3})\s*(?:개월|달)(?!\s*(?:전|후|뒤|만에|치|분)))"
)
_INSURED_BEFORE = re.compile(
    r"(?:고용\s*보험|피보험|근무|재직|다닌|다녔던|일한|일했던|회사|직장|근속|가입|보험)[^.?!\n\d]{0,10}$"
)
# Years in an occupation ("조리사 경력 10년", "호텔 경력 1년 이상 우대") or spent looking for work ("1년째 구직중") are
# 경력 / 구직 기간, not the 피보험기간 of 제50조④ (the insured period of the job left): never read as insured days.
_CAREER_BEFORE = re.compile(r"경력\s*(?:은|는|이|이요|만|도|으로|약|총|한)?\s*$")
_NOT_INSURED_AFTER = re.compile(
    r"^\s*(?:정도|쯤|가량|넘게|이상|째|간|동안|을|를|이|의)?\s*(?:이상\s*)?"
    r"(?:경력|구직|취준|취업\s*준비|취업\s*못|백수|놀고|놀았|쉬고|쉬었|쉬는|실업\s*상태|무직|준비\s*중|공백|우대)"
)
_INSURED_AFTER = re.compile(
    r"^\s*(?:정도\s*|쯤\s*|가량\s*|좀\s*|조금\s*|간\s*|동안\s*|을\s*|를\s*|이\s*)?"
    r"(?:다녔|다니|다닌|근무|일했|일하|일\s*했|일한|재직|근속|가입|넘게|넘었|넘어|넘는|이상|동안|째|채웠|있었|됐|되었|정도|쯤|"
    r"일을\s*했|일\s*했)"
)
_ARREARS_AFTER = re.compile(r"^\s*(?:째|이나|동안|넘게|치)?\s*(?:월급|급여|임금|돈)?\s*(?:이|을|를|도|가)?\s*(?:밀리|밀려|밀렸|밀림|체불|못\s*받|안\s*나|안\s*줘|안\s*줬)")
_ARREARS_BEFORE = re.compile(r"체불[^.?!\n]{0,6}$")
_WORK_EXPERIENCE = re.compile(
    r"취업\s*경험\s*(?:이|은)?\s*(?:약\s*|총\s*)?(\d{1,5})\s*(일|시간)|"
    # 국민취업지원제도's 2-year work history: "최근 2년간 200일 일했어요", "지난 2년 동안 800시간 근무"
    r"(?:최근|지난|요)\s*2\s*년\s*(?:간|동안|사이|새|안|내)?\s*(?:에|에는|중에?|중|동안)?\s*(?:[가-힣]{1,4}(?:로|으로|에서)\s*)?"
    r"(?:총\s*|약\s*|합쳐서\s*|통틀어\s*)?(\d{1,5})\s*(일|시간)\s*(?=(?:정도|쯤|가량|넘게)?\s*(?:을|를|은|만|밖에)?\s*(?:일했|일한|일하|근무|취업|근로|알바|일을|일\s*했|다녔|일했어))"
)


@dataclass
class PeriodInfo:
    insured_days: int | None = None
    unit_days: int | None = None
    work_experience_days: int | None = None
    work_experience_hours: int | None = None


def extract_periods(s: Scratch, *, bare: bool = False) -> PeriodInfo:
    """Insured periods. ``bare`` accepts "4년" without any work word (the assistant just asked for it)."""
    info = PeriodInfo()
    for m in _UNIT_WINDOW.finditer(s.text):
        if not (m.group("before") or m.group("within")):
            continue  # "1년 반 동안 쭉 다녔어요" alone is the job's length (read below, or as the reply asked for)
        if info.unit_days is None:
            n = int(m.group("n")) if m.group("n") else None
            info.unit_days = UNIT_WINDOW_DAYS if n is None else n * (DAYS_PER_MONTH if m.group("unit") != "일" else 1)
        s.take(m.start(), m.end())
    for m in _UNIT_PERIOD.finditer(s.text):
        info.unit_days = info.unit_days if info.unit_days is not None else int(m.group(1))
        s.take(m.start(), m.end())
    for m in _WORK_EXPERIENCE.finditer(s.text):
        value = int(m.group(1) or m.group(3))
        if (m.group(2) or m.group(4)) == "일":
            info.work_experience_days = value
        else:
            info.work_experience_hours = value
        s.take(m.start(), m.end())
    for m in _INSURED_DAYS.finditer(s.text):
        info.insured_days = info.insured_days if info.insured_days is not None else int(m.group(1).replace(",", ""))
        s.take(m.start(), m.end())
    for m in _DURATION.finditer(s.text):
        days = duration_days(m, bound_of(_after(s.text, m.end(), 12)))
        if days <= 0 or days > 60 * DAYS_PER_YEAR:
            continue
        if _ARREARS_AFTER.match(_after(s.text, m.end(), 12)) or _ARREARS_BEFORE.search(_before(s.text, m.start(), 10)):
            continue  # "월급이 3달째 밀려서", "임금체불 3개월": how long pay was late, not an insured period
        if _CAREER_BEFORE.search(_before(s.text, m.start(), 10)) or _NOT_INSURED_AFTER.match(_after(s.text, m.end(), 14)):
            continue  # "경력 3년", "1년째 구직중": occupational experience or job-hunting time
        context = (
            bare
            or _INSURED_BEFORE.search(_before(s.text, m.start(), 14))
            or _INSURED_AFTER.match(_after(s.text, m.end(), 14))
        )
        if context:
            info.insured_days = info.insured_days if info.insured_days is not None else days
            s.take(m.start(), m.end())
    if info.unit_days is None and info.insured_days is None and stated_no_insured_work(s.text):
        info.unit_days = 0  # "일한 적 없어요", "경력은 없고": no insured day to count (제40조①1호)
    return info


# ---------------------------------------------------------------- separation reason
_REASONS: tuple[tuple[SeparationReason, re.Pattern[str]], ...] = (
    ("dismissal_misconduct", re.compile(r"징계\s*해고|징계\s*로\s*(?:해고|잘|짤)|중징계|귀책\s*사유|횡령")),
    (
        "recommended_resignation",
        re.compile(r"권고\s*사직|권고\s*퇴직|(?<![가-힣])권사(?![가-힣])|권사(?=당|했|로|예요|에요|요|라|였|이)|희망\s*퇴직|명예\s*퇴직|구조\s*조정|나가\s*달라|"
                   r"회사\s*사정|경영\s*(?:악화|난|상\s*(?:의\s*)?이유)|인원\s*감축|감원"),
    ),
    ("business_closure", re.compile(r"폐업|부도|도산|문\s*(?:을\s*)?닫|망해서|망했|망함|망해가지고|파산|사업\s*접")),
    (
        "contract_end",
        re.compile(
            r"계약\s*(?:기간\s*)?(?:이\s*|도\s*)?(?:만료|끝|종료)|재\s*계약\s*(?:이\s*|을\s*)?(?:안|못|거절)|"
            r"계약\s*연장\s*(?:이\s*|을\s*)?(?:안|못)|기간제\s*(?:가\s*)?끝"
        ),
    ),
    (
        "dismissal",
        re.compile(r"해고|잘렸|잘린|잘리|잘림|잘려|잘렷|짤렸|짤린|짤리|짤림|짤려|짤렷|나가라|내보냈|쫓겨났|쫒겨났|쫓겨남|모가지"),
    ),
    (
        "retirement_age",
        re.compile(r"정년\s*(?:퇴직|퇴임|으로|이\s*(?:돼|되|됐|와)|돼|되어|되서|됐|이라서|이어서|채우|을\s*채|만료|(?:이|이에)?요$|이에요|입니다)"),
    ),
    (
        "voluntary",
        re.compile(
            r"자진\s*퇴사|자발적|그만\s*[두뒀둔둬둘]|관[두뒀둔둬]|개인\s*(?:적인\s*)?사정|사표|사직서|스스로\s*나왔|"
            r"이직\s*하려고|다른\s*데\s*가려고|쉬고\s*싶어서"
        ),
    ),
)
_NEGATED = re.compile(r"^\s*(?:은|는|도|이|가)?\s*(?:아니|아닌|아님|않|안\s*당|없)")


# "그만뒀어요"/"관뒀어요" say only that the person left; they are read as 자진퇴사 when nothing else is known, but
# must not replace a specific reason stated earlier in the conversation (권고사직, 해고, 계약만료 …).
_LEFT_ONLY = re.compile(r"그만\s*[두뒀둔둬둘]|관[두뒀둔둬]")
_VOLUNTARY_EXPLICIT = re.compile(
    r"자진\s*퇴사|자발적|개인\s*(?:적인\s*)?사정|사표|사직서|스스로\s*나왔|이직\s*하려고|다른\s*데\s*가려고|쉬고\s*싶어서"
)


def says_only_left(text: str) -> bool:
    """True when the text's 자진퇴사 reading rests only on a verb of leaving ("그만뒀어요"), not on a stated cause."""
    return bool(_LEFT_ONLY.search(text)) and not _VOLUNTARY_EXPLICIT.search(text)


def extract_reason(s: Scratch) -> SeparationReason | None:
    """The separation reason; a voluntary one with a stated 별표2 cause is "voluntary_justified" (see
    :func:`extract_separation`, which also returns the cause)."""
    return extract_separation(s)[0]


# "그만뒀으면", "그만두면", "관두게 되면", "그만둘 경우", "그만둬도 돼요?": a supposition, not a stated 자진퇴사
_SUPPOSED = re.compile(r"^\s*(?:으면|면|을\s*(?:경우|때|시)|는\s*경우|\s*경우|\s*때|게\s*되면|게\s*될\s*경우|어도|도(?![가-힣]))")


def _base_reason(text: str) -> SeparationReason | None:
    for reason, pattern in _REASONS:
        for m in pattern.finditer(text):
            after = _after(text, m.end(), 8)
            if _NEGATED.match(after) or (reason == "voluntary" and _SUPPOSED.match(after)):
                continue
            return reason
    return None


def extract_separation(s: Scratch) -> tuple[SeparationReason | None, str | None]:
    """(separation reason, stated just cause). A stated 정당한 사유 (시행규칙 별표2) turns a voluntary or unstated
    reason into "voluntary_justified" ("임금체불 2개월", "통근 왕복 3시간 이상" …); "폐업 예정이라 먼저 나왔어요" is
    voluntary too (the business had not closed yet). A dismissal, 권고사직, 계약만료 or 정년 keeps its reason."""
    base = _base_reason(s.text)
    cause = find_just_cause(s.text)
    if cause is None:
        return base, None
    if base in (None, "voluntary") or (base == "business_closure" and cause.label.startswith("사업장 폐업")):
        return "voluntary_justified", cause.label
    return base, None


# ---------------------------------------------------------------- household
_INCOME_PCT = re.compile(r"(?:기준\s*)?중위\s*(?:소득)?\s*(?:의|대비)?\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|퍼센트|프로|퍼)")
_HH_SIZE = re.compile(
    r"(\d{1,2})\s*인\s*(?:가구|가족)|(?:가족|가구원)\s*(?:이|은|수는?|수가)?\s*(?:총\s*|다\s*)?(\d{1,2})\s*명|식구\s*(?:가|는)?\s*(\d{1,2})\s*명|"
    r"(\d{1,2})\s*식구|(한|두|세|네|다섯|여섯|일곱|여덟)\s*식구|(?:가족|식구|가구원)\s*(?:이|은|는|가)?\s*(?:총\s*|다\s*)?(둘|셋|넷|다섯|여섯)"
)
_NATIVE_COUNT = {"한": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8}
_ALONE = re.compile(r"혼자\s*(?:살|사는|삽|지내|자취)|1\s*인\s*가구|독거|자취\s*(?:중|해|하고)")
_HH_INCOME = re.compile(
    r"(?:가구|가족|식구|집|부부)[^\d.?!\n]{0,12}?(?:소득|수입|벌이|월|한\s*달)\s*"
    r"(?:은|는|이|가|을|이요|다|모두|전부|합쳐서|합치면|합하면|더하면|합산하면|총|약|대략|한\s*달|월|\s)*"
)
_INCOME_AFTER_SIZE = re.compile(
    r"\s*(?:이고|인데|이며|이에요|고|이구|구|에|,)?\s*(?:가구\s*|가족\s*|식구\s*)?(?:총\s*|다\s*)?(?:월|한\s*달|소득|수입|벌이)\s*"
    r"(?:소득|수입|벌이)?\s*(?:은|는|이|가|을|다|모두|전부|합쳐서|합치면|합하면|더하면|합산|합산하면|총|약|대략|월|한\s*달|\s)*"
)
_ASSETS = re.compile(
    r"(?:재산|자산|집값|집이|집은|아파트|전세|보증금|땅|토지|부동산)\s*"
    r"(?:이|은|는|가|을|도|합쳐서|합치면|총|약|대략|시가|한|정도|가격|\s)*"
)
_DEPENDENTS = re.compile(r"부양\s*가족\s*(?:이|은)?\s*(\d{1,2})\s*명")


@dataclass
class HouseholdInfo:
    size: int | None = None
    income_pct: float | None = None
    income_monthly: int | None = None
    assets: int | None = None
    dependents: int | None = None


def _amount_after(s: Scratch, pos: int) -> NumberMatch | None:
    m = number_at(s.text, pos)
    if m is None or not _looks_like_money(s.text, m):
        return None
    return m


def _looks_like_money(text: str, m: NumberMatch) -> bool:
    """"400만원인데" is money whatever follows; a bare "4" followed by 시간/명/년 is not."""
    return m.won or m.big_unit or not _NOT_MONEY_AFTER.match(_after(text, m.end, 6))


def extract_household(s: Scratch) -> HouseholdInfo:
    info = HouseholdInfo()
    for m in _INCOME_PCT.finditer(s.text):
        info.income_pct = info.income_pct if info.income_pct is not None else float(m.group(1))
        s.take(m.start(), m.end())
    for m in _DEPENDENTS.finditer(s.text):
        info.dependents = int(m.group(1))
        s.take(m.start(), m.end())
    for m in _HH_SIZE.finditer(s.text):
        digits = next((g for g in m.groups()[:4] if g), None)
        native = m.group(5) or m.group(6)
        size = int(digits) if digits else _NATIVE_COUNT.get(native or "", 0)
        if 1 <= size <= 20:
            info.size = info.size or size
        s.take(m.start(), m.end())
        income = _INCOME_AFTER_SIZE.match(s.text, m.end())
        amount = _amount_after(s, income.end()) if income else None
        if amount is not None and info.income_monthly is None:
            info.income_monthly = to_won(amount, "monthly")
            s.take(m.end(), amount.end)
    if info.size is None and _ALONE.search(s.text):
        info.size = 1
    for m in list(_HH_INCOME.finditer(s.text)):
        if info.income_monthly is not None:
            break
        amount = _amount_after(s, m.end())
        if amount is not None:
            info.income_monthly = to_won(amount, "monthly")
            s.take(m.start(), amount.end)
    for m in list(_ASSETS.finditer(s.text)):
        amount = _amount_after(s, m.end())
        if amount is not None:
            info.assets = to_won(amount, "lump")
            s.take(m.start(), amount.end)
            break
    return info


# ---------------------------------------------------------------- pay
PayKind = Literal["hourly", "daily", "monthly", "annual"]

_PAY_TRIGGER = re.compile(
    r"(?P<minwage>최저\s*(?:시급|임금|시금))|(?P<hourly>시급|시간당|시금)|(?P<daily>일당|일급|하루)|"
    r"(?P<annual>연봉|년봉|연\s*소득|연\s*수입)|"
    r"(?P<monthly>월급|월\s*급여|월\s*소득|월\s*수입|월\s*평균|급여|임금|봉급|페이|한\s*달|(?<![\d가-힣])월(?!요일|세|말|초|차|간))"
)
_PAY_GAP = re.compile(
    r"\s*(?:은|는|이|가|을|를|으로|로|이면|면|도|만|에|이요|이고|이었고)?\s*"
    r"(?:최소|최소한|적어도|약|대략|한|세전|세후|실수령|기본|평균|대충|거의)?\s*"
)
_NOT_MONEY_AFTER = re.compile(r"\s*(?:시간|시|일(?!당)|개월|달|년|명|세|살|%|퍼|프로|인(?!데|가|지)|주|회|번|차|층|평|대|kg|cm|분|월|점)")
_MINWAGE_DESIRE = re.compile(r"^\s*(?:은|는|이|가|만)?\s*(?:이상|넘|보다|주는|은\s*주는|정도|되는|맞춰|이라도|만큼)")
_UNTRIGGERED_TAIL = re.compile(
    r"^\s*(?:정도\s*)?(?:만\s*)?(?:이상|넘는|넘게|넘어|넘을|초과|부터|보다\s*많|주는|짜리|받는|받을|받았|받다가|받던|벌었|이었|였|"
    r"줘서|줬|주길래|주더라|준다는|준대|준다고|준다네|준다던데)"
)
_PAST_AFTER = re.compile(
    r"^[^.?!\n]{0,6}?(?:이었|였|받았|받다가|받던|받았었|벌었|받구|받고\s*다녔|받으면서\s*일했|였는데|이었는데|줘서|줬|주길래|주더라)"
)
# "월 250 준다더니 (실제로는 200)": the pay promised at hiring, not the pay received
_PROMISED_AFTER = re.compile(
    r"^\s*(?:을|를|이라고|라고|으로|로)?\s*(?:준다더니|준다고\s*(?:했|하더니|해\s*놓고)|주기로\s*(?:했|해\s*놓고)|(?:이)?라더니|약속)"
)
_PAST_BEFORE = re.compile(r"(?:전\s*직장|이전|원래|예전|마지막|퇴사\s*전|그만두기\s*전|받던|받았던|직전|전에는|전엔|전에|그때|당시)[^.?!\n]{0,10}$")
_DESIRE_AFTER = re.compile(
    r"^[^.?!\n]{0,8}?(?:이상|넘|초과|부터|희망|원해|원하|원함|바라|바람|받고\s*싶|받았으면|주는|되는|짜리|이면\s*좋|면\s*좋|정도면)"
)
# "희망 월급은 250 정도", "원하는 급여 200": the wage wished for (희망 임금), never the wage before leaving (제45조)
_DESIRE_BEFORE = re.compile(
    r"(?:희망(?!\s*퇴직)|원하는|원하시는|바라는|받고\s*싶은|받고\s*싶어\s*하는|목표)\s*(?:하는|하시는|하신)?\s*(?:임금|급여)?\s*$"
)


@dataclass
class PayMention:
    kind: PayKind
    amount: int  # 원 per kind
    monthly: int  # normalised monthly 원
    past: bool  # the person's previous wage
    desire: bool  # what they want from a job
    start: int
    end: int


def monthly_from(amount: int, kind: PayKind) -> int:
    if kind == "hourly":
        return int(round(amount * HOURS_PER_MONTH))
    if kind == "daily":
        return int(round(amount * WORKDAYS_PER_MONTH))
    if kind == "annual":
        return int(round(amount / 12))
    return amount


def _classify(text: str, start: int, end: int, kind: PayKind, amount: int) -> PayMention:
    tail = _after(text, end, 16)
    head = _before(text, start, 16)
    past = bool(_PAST_AFTER.match(tail) or _PAST_BEFORE.search(head))
    desire = bool(_DESIRE_AFTER.match(tail) or _DESIRE_BEFORE.search(head)) and not past
    return PayMention(kind, amount, monthly_from(amount, kind), past, desire, start, end)


def extract_pay(s: Scratch, today: date) -> list[PayMention]:
    found: list[PayMention] = []
    for m in list(_PAY_TRIGGER.finditer(s.text)):
        if s.text[m.start() : m.end()] != m.group():  # consumed meanwhile
            continue
        kind_name = m.lastgroup or "monthly"
        if kind_name == "minwage":
            if _MINWAGE_DESIRE.match(_after(s.text, m.end(), 10)):
                amount = minimum_wage(today.year)
                found.append(PayMention("hourly", amount, monthly_from(amount, "hourly"), False, True, m.start(), m.end()))
                s.take(m.start(), m.end())
            continue
        gap = _PAY_GAP.match(s.text, m.end())
        pos = gap.end() if gap else m.end()
        number = number_at(s.text, pos)
        if number is None or not _looks_like_money(s.text, number):
            continue
        kind: PayKind = kind_name  # type: ignore[assignment]
        amount = to_won(number, kind)
        if amount <= 0:
            continue
        if _PROMISED_AFTER.match(_after(s.text, number.end, 12)):
            s.take(m.start(), number.end)
            continue
        found.append(_classify(s.text, m.start(), number.end, kind, amount))
        s.take(m.start(), number.end)
    for number in find_numbers(s.text):
        if not (number.big_unit or number.won):
            continue
        tail = _after(s.text, number.end, 12)
        if not _UNTRIGGERED_TAIL.match(tail):
            continue
        value = int(number.value)
        guessed: PayKind
        if value >= 300_000:
            guessed = "monthly"
        elif value >= 50_000:
            guessed = "daily"
        elif value >= 5_000:
            guessed = "hourly"
        else:
            continue
        found.append(_classify(s.text, number.start, number.end, guessed, value))
        s.take(number.start, number.end)
    return found


# ---------------------------------------------------------------- employment type, hours, seasonal
_EMPLOYMENT: tuple[tuple[EmploymentType, re.Pattern[str]], ...] = (
    ("계약직", re.compile(r"계약직|비정규직|기간제")),
    ("정규직", re.compile(r"(?<!비)정규직|정직원|풀타임(?!\s*알바)")),
    ("시간제", re.compile(r"알바|아르바이트|파트\s*타임|파트타이머|시간제|단시간|파트직|(?<![가-힣])파트(?![가-힣])")),
    ("일용직", re.compile(r"일용|일당|노가다|인력\s*사무소|하루\s*(?:일|짜리)")),
)
_EMP_NEGATED = re.compile(r"^\s*(?:은|는|이|가|도)?\s*(?:말고|빼고|아닌|아니고|아니라|싫|제외|말구|안\s*돼|안돼|별로)")


def employment_types(text: str) -> list[EmploymentType]:
    """Every 고용형태 the text asks for, in table order ("정규직이나 계약직" → both; "계약직 말고" → none)."""
    kinds: list[EmploymentType] = []
    for kind, pattern in _EMPLOYMENT:
        for m in pattern.finditer(text):
            if _EMP_NEGATED.match(_after(text, m.end(), 8)):
                continue
            if kind not in kinds:
                kinds.append(kind)
    return kinds


def extract_employment_type(s: Scratch) -> EmploymentType | None:
    kinds = employment_types(s.text)
    return kinds[0] if len(kinds) == 1 else None


_WEEKLY = re.compile(r"주\s*(\d{1,2}(?:\.\d)?)\s*시간\s*(이하|미만|까지|정도|내외|안쪽|만|이내|아래)?")
_DAILY = re.compile(
    r"(?:하루|1일|일\s)\s*(?:에\s*)?(\d{1,2}(?:\.\d)?)\s*시간|(\d{1,2}(?:\.\d)?)\s*시간\s*(?=만|정도만|씩|짜리|이내|이하|알바|근무|타임)"
)
_HALF_DAY = re.compile(r"오전\s*(?:에만|만|타임|알바|근무)|오후\s*(?:에만|만|타임|근무)|반나절|오전에\s*만")
_DAYS_PER_WEEK = re.compile(r"주\s*([1-7])\s*일|주말\s*(?:에만|만)")
_BARE_HOURS = re.compile(r"(?<![\d.])(\d{1,2})\s*시간")
_COMMUTE_NEAR = re.compile(r"통근|출퇴근|왕복|거리|걸려|운전해서")


@dataclass
class HoursInfo:
    weekly: float | None = None
    daily: float | None = None
    days_per_week: int | None = None

    def max_weekly(self) -> float | None:
        if self.weekly is not None:
            return self.weekly
        if self.daily is not None:
            return self.daily * (self.days_per_week or 5)
        if self.days_per_week is not None:
            return float(self.days_per_week * 8)
        return None


def extract_hours(s: Scratch, *, allow_bare: bool = False) -> HoursInfo:
    info = HoursInfo()
    for m in _WEEKLY.finditer(s.text):
        info.weekly = info.weekly if info.weekly is not None else float(m.group(1))
        s.take(m.start(), m.end())
    for m in _DAYS_PER_WEEK.finditer(s.text):
        info.days_per_week = int(m.group(1)) if m.group(1) else 2
        s.take(m.start(), m.end())
    for m in _DAILY.finditer(s.text):
        if _COMMUTE_NEAR.search(_before(s.text, m.start(), 10)):
            continue
        value = float(m.group(1) or m.group(2))
        if 0 < value <= 24:
            info.daily = info.daily if info.daily is not None else value
            s.take(m.start(), m.end())
    if _HALF_DAY.search(s.text) and info.daily is None:
        info.daily = 4.0
    if allow_bare and info.daily is None and info.weekly is None:
        for m in _BARE_HOURS.finditer(s.text):
            if _COMMUTE_NEAR.search(_before(s.text, m.start(), 10) + _after(s.text, m.end(), 6)):
                continue
            value = float(m.group(1))
            if 0 < value <= 12:
                info.daily = value
                s.take(m.start(), m.end())
                break
    return info


_SEASONAL = re.compile(r"감귤\s*철|귤\s*철|수확\s*철|시즌|(?<!사)계절|성수기|농번기|한\s*철|여름\s*(?:철|한철|방학)|겨울\s*(?:철|방학)|단기\s*(?:간|알바)")


def extract_seasonal(s: Scratch) -> bool | None:
    return True if _SEASONAL.search(s.text) else None


# ---------------------------------------------------------------- training money
_SELF_PAY = re.compile(r"(?:자부담|자기\s*부담|본인\s*부담|자비|내\s*돈|개인\s*부담)\s*(?:금|비용|액)?\s*(?:이|은|는|을|가)?\s*(?:최대\s*)?")
_SELF_PAY_ZERO = re.compile(r"자부담\s*(?:이|은)?\s*없|자부담\s*0|무료|공짜|전액\s*지원|돈\s*안\s*드는|본인\s*부담\s*없")


def extract_self_pay(s: Scratch) -> int | None:
    for m in list(_SELF_PAY.finditer(s.text)):
        amount = _amount_after(s, m.end())
        if amount is not None:
            s.take(m.start(), amount.end)
            return to_won(amount, "lump")
    if _SELF_PAY_ZERO.search(s.text):
        return 0
    return None


# ---------------------------------------------------------------- yes/no facts said in passing
_BOOL_FACTS: tuple[tuple[str, bool, re.Pattern[str]], ...] = (
    ("disabled", False, re.compile(r"장애\s*(?:는|가|도)?\s*(?:없|아니|아님|않)|비장애")),
    ("severe_disability", True, re.compile(r"중증\s*장애|장애\s*(?:정도가\s*)?심한|[123]\s*급\s*장애|장애\s*[123]\s*급")),
    ("severe_disability", False, re.compile(r"경증\s*장애|장애\s*(?:정도가\s*)?심하지\s*않")),
    ("disabled", True, re.compile(r"장애(?!물|\s*(?:는|가|도)?\s*(?:없|아니|아님|않))(?!인\s*(?:을|를)?\s*(?:채용|고용|뽑))")),
    ("receiving_unemployment_benefit", True, re.compile(r"(?:실업|구직)\s*급여\s*(?:를|을)?\s*(?:받고\s*있|받는\s*중|수급\s*중|받는데|타고\s*있|타는\s*중)")),
    ("livelihood_benefit_recipient", True, re.compile(r"생계\s*급여|기초\s*생활\s*수급|기초\s*수급")),
    ("reemployed", True, re.compile(r"재취업\s*(?:했|됐|되었|성공)|(?:다시|새로)\s*(?:취업|취직)\s*(?:했|됐)|새\s*(?:직장|회사)\s*(?:에|로)?\s*(?:들어갔|입사|취업|취직|출근)|(?:취직|취업)\s*(?:했|됐)(?:어|는데|습니다)")),
    ("rehired_by_previous_employer", True, re.compile(r"(?:전|이전|예전|원래|같은|다니던|그만둔)\s*(?:회사|직장)\s*(?:에|로|으로)?\s*(?:다시|재입사|재취업|복직)")),
    # "전 회사는 아니고", "예전 직장 말고 다른 회사에 취업": not the employer the person last left (시행령 제84조①)
    ("rehired_by_previous_employer", False, re.compile(
        r"(?:전|이전|예전|원래|다니던|그만둔|마지막)\s*(?:회사|직장|사업장|사장)\s*(?:은|는|이|가|로|에|으로)?\s*(?:아니|아닌|아님|말고|아니라)|"
        r"다른\s*(?:회사|직장|곳|데|사업장)\s*(?:에|로|으로)\s*(?:재취업|취업|취직|입사|들어갔)"
    )),
    ("early_reemployment_paid_within_2y", True, re.compile(r"조기\s*재취업\s*수당\s*(?:을|를)?\s*(?:받은\s*적\s*(?:이\s*)?있|받았었)")),
    ("early_reemployment_paid_within_2y", False, re.compile(r"조기\s*재취업\s*수당\s*(?:을|를|은)?\s*(?:받은\s*적\s*(?:이\s*|은\s*)?없)")),
    ("self_employed", True, re.compile(r"자영업|개인\s*사업자|장사\s*(?:했|를\s*했|하다가)")),
    ("employed", True, re.compile(r"재직\s*중|(?:회사|직장)\s*(?:에|를)?\s*다니고\s*있|일하고\s*있|근무\s*중|다니는\s*중|직장인")),
    ("employed", False, re.compile(r"(?<!사)무직|백수|실직\s*(?:상태|중)|쉬고\s*있")),
    ("large_company_employee", True, re.compile(r"대기업\s*(?:에)?\s*(?:다니|재직|근무)")),
    ("public_servant", True, re.compile(r"공무원\s*(?:이에요|이예요|입니다|인데|이고|이라|임(?![가-힣])|으로\s*일|재직)")),
    ("employer_priority_support", True, re.compile(r"우선\s*지원\s*대상(?!\s*(?:이\s*)?(?:아니|아닌))")),
    ("employer_priority_support", False, re.compile(r"우선\s*지원\s*대상\s*(?:이\s*)?(?:아니|아닌)")),
    ("employer_capital_region", True, re.compile(r"(?<!비)수도권")),
    ("employer_capital_region", False, re.compile(r"비수도권")),
    ("hired_full_time", True, re.compile(r"정규직\s*(?:으로)?\s*(?:채용|뽑|고용|전환|입사)")),
    ("hired_full_time", False, re.compile(r"계약직\s*(?:으로)?\s*(?:채용|뽑|고용)")),
)
_EMPLOYER_COUNT = re.compile(
    r"(?:직원|근로자|피보험자|종업원|상시\s*근로자)\s*(?:수|가|이|는)?\s*(?:총\s*|약\s*)?(\d{1,5})\s*(?:명|인)|(\d{1,5})\s*인\s*(?:사업장|기업|회사|업체)"
)


def extract_bool_facts(text: str) -> dict[str, bool]:
    facts: dict[str, bool] = {}
    for name, value, pattern in _BOOL_FACTS:
        if name not in facts and pattern.search(text):
            facts[name] = value
            if name == "severe_disability" and value:
                facts.setdefault("disabled", True)
            if name == "severe_disability" and not value:
                facts.setdefault("disabled", True)
    return facts


# "60세 이상 직원 8명", "청년 직원 3명", "육아휴직 쓴 직원 1명": the text before a count of one group of workers (not
# the company's size); the employer screening uses it too
GROUP_BEFORE_COUNT = re.compile(
    r"(?:\d{2}\s*(?:세|살)\s*(?:이상|이하|미만|초과|넘은|넘는|넘으신)?|\d0\s*대|청년|고령자?|중장년|장년|여성|여자|남성|남자|"
    r"장애인|외국인|신입|정규직|계약직|비정규직|기간제|알바|아르바이트|파트\s*타임|단시간|일용직|"
    r"육아\s*휴직\S*(?:\s*(?:쓴|쓰는|중인|간|한))?|정년\s*(?:넘은|지난|도래\S*)|계속\s*고용\S*|재\s*고용\S*|새로\s*뽑은|신규)"
    r"\s*(?:인|의|된|한)?\s*$"
)


def extract_employer_count(s: Scratch) -> int | None:
    for m in _EMPLOYER_COUNT.finditer(s.text):
        s.take(m.start(), m.end())
        if GROUP_BEFORE_COUNT.search(_before(s.text, m.start(), 16)):
            continue
        return int(m.group(1) or m.group(2))
    return None


REASON_VALUES: tuple[str, ...] = get_args(SeparationReason)


@dataclass
class Collected:
    """Everything the extractors found, before routing decides where each value goes."""

    age: AgeInfo = field(default_factory=AgeInfo)
    periods: PeriodInfo = field(default_factory=PeriodInfo)
    reason: SeparationReason | None = None
    household: HouseholdInfo = field(default_factory=HouseholdInfo)
    pay: list[PayMention] = field(default_factory=list)
    employment_type: EmploymentType | None = None
    hours: HoursInfo = field(default_factory=HoursInfo)
    seasonal: bool | None = None
    self_pay: int | None = None
    bools: dict[str, bool] = field(default_factory=dict)
    employer_count: int | None = None
    just_cause: str | None = None  # the stated 정당한 사유 when reason is "voluntary_justified"
    military_months: int | None = None
    prior: PriorInfo = field(default_factory=PriorInfo)
    reemployment: ReemploymentInfo = field(default_factory=ReemploymentInfo)
