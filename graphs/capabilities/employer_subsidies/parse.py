"""Employer facts from how employers talk ("직원 25명 제조업인데 청년 정규직 뽑으면 …") → a partial
:class:`EmployerFacts` dict, and the merge of what a thread already knows with what a new message says.

The parser reads only what is said (no inference from size to 우선지원대상기업: that is 고용보험법 시행령 제12조 by
업종, asked instead). "직원 N명" is read as the 상시 근로자 수 and, unless 피보험자 is said separately, as the
고용보험 피보험자 수 (the NLU's convention too); the answer says so.
"""

from __future__ import annotations

import re
from typing import Any

from graphs.capabilities.employer_subsidies.models import EmployerFacts
from graphs.nlu.gazetteer import find_places
from graphs.nlu.slots import GROUP_BEFORE_COUNT

Facts = dict[str, Any]

_N = r"(\d{1,5})"
_EMPLOYEES = re.compile(
    rf"(?:상시\s*)?(?:직원|근로자|종업원|근무자|인원)\s*(?:수\s*(?:는|가|이)?\s*)?(?:은|는|이|가)?\s*(?:약\s*|총\s*)?{_N}\s*(?:명|인)"
    rf"|{_N}\s*(?:명|인)\s*(?:규모|사업장|회사|업체|기업|정도의?\s*(?:회사|사업장))"
)
_INSURED = re.compile(
    rf"(?:피보험자|고용보험\s*(?:가입(?:자|된|한)?\s*(?:직원|근로자)?|든\s*(?:직원|근로자)))\s*(?:수\s*)?(?:은|는|이|가)?\s*"
    rf"(?:약\s*|총\s*)?{_N}\s*(?:명|인)"
)
# 업종 words as employers say them → the 업종 (한국표준산업분류 대분류 wording)
_SENIOR_COUNT = re.compile(rf"60\s*세\s*(?:이상|넘은|넘는)\s*(?:인\s*)?(?:직원|근로자|피보험자|분)\S*\s*(?:약\s*|총\s*)?{_N}\s*명")
_INDUSTRY_WORDS: tuple[tuple[str, str], ...] = (
    (r"제조업|공장|제조", "제조업"),
    (r"숙박업|호텔|펜션|리조트|게스트\s*하우스|민박", "숙박업"),
    (r"음식점업|음식점|식당|카페|커피\s*(?:숍|전문점)|베이커리|빵집|횟집|요식업|외식업", "음식점업"),
    (r"도소매업|도매업|소매업|편의점|마트|슈퍼|상점|쇼핑몰", "도소매업"),
    (r"건설업|건설사|시공", "건설업"),
    (r"운수업|운송업|물류|택배|버스\s*회사|택시\s*회사", "운수업"),
    (r"정보통신업|IT\s*(?:회사|기업|업체)|소프트웨어|개발\s*회사", "정보통신업"),
    (r"농업|농장|감귤\s*농가|어업|양식장", "농림어업"),
    (r"사회복지\s*서비스업|요양원|요양\s*시설|어린이집|복지관", "사회복지 서비스업"),
    (r"병원|의원|치과|한의원", "보건업"),
    (r"학원|교육\s*서비스업", "교육 서비스업"),
    (r"관광업|여행사", "여행·관광업"),
)
_INDUSTRY = re.compile(r"([가-힣]{1,8}업)\s*(?:이에요|이예요|입니다|이고|인데|이요|이며|체|종|을\s*하|을\s*해)")
_PRIORITY_NO = re.compile(r"우선지원\s*대상\s*(?:기업)?\s*(?:이|은|는|가)?\s*(?:아니|아닌|아녜|제외)|(?:대기업|대규모\s*기업|중견기업)(?!\s*(?:이|은|는|가)?\s*아니)")
_NOT_LARGE = re.compile(r"(?:대기업|대규모\s*기업|중견기업)\s*(?:이|은|는|가)?\s*아니")
_PRIORITY_YES = re.compile(r"우선지원\s*대상|중소기업|소기업|소상공인|영세")
_YOUTH = re.compile(r"청년|(?:20|2\d)\s*대|사회\s*초년생|대졸|고졸")
_AGE = re.compile(r"(?:만\s*)?(\d{2})\s*(?:세|살)")
_FULL_TIME_NO = re.compile(r"비정규직|계약직|기간제|아르바이트|알바|단시간|파트\s*타임")
_FULL_TIME_YES = re.compile(r"정규직|무기\s*계약")
_MONTHS_EMPLOYED = re.compile(
    rf"(?:채용|입사|고용)\S*\s*(?:한\s*지|후|하고|해서)?\s*(?:벌써\s*)?{_N}\s*개월"
    rf"|{_N}\s*개월\s*(?:째|넘게|이상|동안|정도)?\s*(?:일하|근무|다니|고용|일했)"
)
_HARD_TO_EMPLOY_NO = re.compile(r"취업\s*애로\s*청년\s*(?:은|이|가)?\s*(?:아니|아닌)")
_HARD_TO_EMPLOY = re.compile(r"취업\s*애로\s*청년|(?:장기\s*)?실업\s*(?:상태|중)이던\s*청년|고졸\s*이하")
_MILITARY = re.compile(rf"(?:군\s*복무|복무|군대)\S*\s*{_N}\s*개월|{_N}\s*개월\s*(?:군\s*)?복무")
_NO_MILITARY = re.compile(r"군\s*미필|병역\s*(?:없|면제)|군대\s*안\s*(?:갔|다녀)|여성\s*청년")
# 고령자 계속고용
_RETIREMENT = re.compile(r"정년(?:\s*\d{2}\s*세)?\s*(?:제도|규정)?\S*\s*(?:\d+\s*년\S*\s*)?(?:있|운영|두고|정해|규정)")
_NO_RETIREMENT = re.compile(r"정년\s*(?:제도)?\s*(?:이|가|는)?\s*(?:없|안\s*정해)")
_SYSTEM_YEARS = re.compile(rf"정년[^.,!?\n]{{0,15}}?{_N}\s*년\s*(?:째|됐|되었|넘|이상|동안|운영)")
_MEASURES: tuple[tuple[str, str], ...] = (
    (r"정년[^.,\n]{0,12}?연장", "정년연장"),
    (r"정년[^.,\n]{0,8}?폐지", "정년폐지"),
    (r"재\s*고용|다시\s*(?:고용|채용)", "재고용"),
)
_SENIOR_RATIO = re.compile(rf"60\s*세\s*이상\S*\s*(?:비율\S*\s*)?(?:약\s*)?{_N}\s*(?:%|퍼센트|프로)")
_SENIOR_WORKERS = re.compile(rf"(?:계속\s*고용|정년\s*(?:넘은|지난|도래)|재\s*고용)\S*\s*(?:할|한|하려는)?\s*(?:직원|근로자|사람|분)?\S*\s*{_N}\s*명")
# 출산육아기
_LEAVE = re.compile(r"육아\s*휴직")
_REDUCTION = re.compile(r"(?:육아기\s*)?근로\s*시간\s*단축")
_LEAVE_DAYS = re.compile(rf"{_N}\s*(일|개월|달)\s*(?:동안\s*|간\s*|이상\s*)?(?:\S*\s*)?(?:허용|쓰|썼|써|사용|휴직|신청|줬|주|보냈|다녀)")
_CHILD = re.compile(rf"(?:자녀|아이|아기|애기?)\S*\s*(?:가|는|이)?\s*(?:생후\s*)?{_N}\s*개월")
_MALE = re.compile(r"남성|남자|남직원|아빠")
_FEMALE = re.compile(r"여성\s*(?:직원|근로자)|여직원|엄마")
_REPLACEMENT = re.compile(r"대체\s*인력")
_SHARING = re.compile(r"업무\s*분담|업무를\s*(?:나눠|나누|분담)")
# 고용촉진
_GROUPS: tuple[tuple[str, str], ...] = (
    (r"중증\s*장애인", "중증장애인"),
    (r"(?:국민취업지원제도|국취|취업성공패키지|취업지원\s*프로그램)\S*\s*(?:이수|참여|수료|마친)", "취업지원프로그램 이수자"),
    (r"가족\s*부양\S*\s*여성|여성\s*가장|한부모\s*여성", "가족부양 여성 실업자"),
    (r"고용\s*위기", "고용위기 인정자"),
)
_REGISTERED = re.compile(r"구직\s*등록")
_UNEMPLOYED = re.compile(rf"{_N}\s*개월\s*(?:동안\s*|넘게\s*|이상\s*)?(?:실업|쉬|놀|구직)")
_PAY = re.compile(r"(?:월급|월\s*보수|월\s*임금|보수)\S*\s*(\d{2,4})\s*만\s*원?")
_LAYOFF_NO = re.compile(r"(?:감원|구조\s*조정|권고\s*사직|해고)\S*\s*(?:은|는|이|가|한\s*적)?\s*(?:없|안\s*했)")
_LAYOFF_YES = re.compile(r"(?:감원|구조\s*조정)\S*\s*(?:했|하였|있었)")
_ARREARS_NO = re.compile(r"(?:임금\s*)?체불\S*\s*(?:은|는|이|한\s*적)?\s*(?:없|안\s*했)")
_ARREARS_YES = re.compile(r"체불\s*(?:사업주\s*)?명단")
_CAPITAL = re.compile(r"서울|경기|인천|수도권")
_NON_CAPITAL = re.compile(r"비수도권|지방|부산|대구|광주|대전|울산|세종|강원|충북|충남|전북|전남|경북|경남|충청|전라|경상")


def _int(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    return int(next(g for g in m.groups() if g is not None))


def _set(out: Facts, path: str, value: Any) -> None:
    if value is None:
        return
    head, _, rest = path.partition(".")
    if rest:
        out.setdefault(head, {})[rest] = value
    else:
        out[head] = value


def _region(text: str) -> str | None:
    places = sorted(find_places(text), key=lambda p: p.district is None)
    if places:
        p = places[0]
        return f"{p.city} {p.district}" if p.district and p.district != p.city else p.city
    m = _CAPITAL.search(text) or _NON_CAPITAL.search(text)
    return m.group() if m else None


def _industry(text: str) -> str | None:
    for pattern, name in _INDUSTRY_WORDS:
        if re.search(pattern, text):
            return name
    m = _INDUSTRY.search(text)
    if m and not m.group(1).endswith("기업") and m.group(1) not in {
        "사업", "작업", "영업", "졸업", "취업", "실업", "휴업", "폐업", "창업", "수업", "자영업"}:
        return m.group(1)
    return None


def _leave(text: str, out: Facts) -> None:
    kind = "근로시간단축" if _REDUCTION.search(text) else "육아휴직" if _LEAVE.search(text) else None
    replacement = bool(_REPLACEMENT.search(text))
    sharing = bool(_SHARING.search(text))
    if kind is None and not replacement and not sharing:
        return
    _set(out, "parental.kind", kind)
    m = _LEAVE_DAYS.search(text)
    if m and kind is not None:
        n, unit = int(m.group(1)), m.group(2)
        _set(out, "parental.days", n if unit == "일" else n * 30)
        if unit != "일":
            _set(out, "parental.consecutive_months", n)
    _set(out, "parental.child_age_months", _int(_CHILD.search(text)))
    if _MALE.search(text):
        _set(out, "parental.male", True)
    elif _FEMALE.search(text):
        _set(out, "parental.male", False)
    if replacement:
        _set(out, "parental.replacement_hired", True)
    if sharing:
        _set(out, "parental.work_sharing", True)


def _senior(text: str, out: Facts) -> None:
    if _NO_RETIREMENT.search(text):
        _set(out, "senior.retirement_age_system", False)
    elif _RETIREMENT.search(text):
        _set(out, "senior.retirement_age_system", True)
    _set(out, "senior.system_years", _int(_SYSTEM_YEARS.search(text)))
    for pattern, measure in _MEASURES:
        if re.search(pattern, text):
            _set(out, "senior.measure", measure)
            break
    ratio = _SENIOR_RATIO.search(text)
    _set(out, "senior.senior_ratio_percent", float(ratio.group(1)) if ratio else None)
    seniors, employees = _int(_SENIOR_COUNT.search(text)), out.get("employees")
    if ratio is None and seniors is not None and isinstance(employees, int) and 0 < seniors <= employees:
        # "직원 40명 중 60세 이상 8명" → 20 % (the 계속고용장려금's 60세 이상 비율, facts §4.3)
        _set(out, "senior.senior_ratio_percent", round(100 * seniors / employees, 1))
    _set(out, "senior.workers", _int(_SENIOR_WORKERS.search(text)))


def _hire(text: str, out: Facts) -> bool:
    group = next((g for pattern, g in _GROUPS if re.search(pattern, text)), None)
    _set(out, "hire.group", group)
    if _REGISTERED.search(text):
        _set(out, "hire.registered", not re.search(r"구직\s*등록\S*\s*(?:안|않|없)", text))
    _set(out, "hire.unemployed_months", _int(_UNEMPLOYED.search(text)))
    pay = _PAY.search(text)
    _set(out, "hire.monthly_pay", int(pay.group(1)) * 10_000 if pay else None)
    return group is not None


def _headcount(pattern: re.Pattern[str], text: str) -> int | None:
    """The first count of ``pattern`` that is the whole workforce (not "60세 이상 직원 8명", "청년 직원 3명")."""
    for m in pattern.finditer(text):
        if not GROUP_BEFORE_COUNT.search(text[max(0, m.start() - 16) : m.start()]):
            return _int(m)
    return None


def parse_facts(text: str) -> Facts:
    """The employer facts said in ``text``, as a nested dict of :class:`EmployerFacts` fields (only what is said)."""
    out: Facts = {}
    employees = _headcount(_EMPLOYEES, text)
    insured = _headcount(_INSURED, text)
    _set(out, "employees", employees)
    _set(out, "insured_count", insured if insured is not None else employees)
    _set(out, "industry", _industry(text))
    if _PRIORITY_NO.search(text):
        out["priority_support"] = False
    elif _PRIORITY_YES.search(text) and not _NOT_LARGE.search(text):
        out["priority_support"] = True
    _set(out, "region", _region(text))
    if _LAYOFF_NO.search(text):
        out["layoffs_recent"] = False
    elif _LAYOFF_YES.search(text):
        out["layoffs_recent"] = True
    if _ARREARS_NO.search(text):
        out["wage_arrears_listed"] = False
    elif _ARREARS_YES.search(text):
        out["wage_arrears_listed"] = not re.search(r"명단\S*\s*(?:에\s*)?(?:없|안)", text)
    hire_group = _hire(text, out)
    age = _int(_AGE.search(re.sub(r"60\s*세\s*이상|정년\s*\d{2}\s*세", "", text)))
    youth = bool(_YOUTH.search(text)) or (age is not None and age <= 34 and not hire_group)
    if youth:
        _set(out, "youth.age", age)
        if _FULL_TIME_NO.search(text):
            _set(out, "youth.full_time", False)
        elif _FULL_TIME_YES.search(text):
            _set(out, "youth.full_time", True)
        if _HARD_TO_EMPLOY_NO.search(text):
            _set(out, "youth.hard_to_employ", False)
        elif _HARD_TO_EMPLOY.search(text):
            _set(out, "youth.hard_to_employ", True)
        _set(out, "youth.months_employed", _int(_MONTHS_EMPLOYED.search(text)))
        military = _int(_MILITARY.search(text))
        _set(out, "youth.military_service_months", 0 if military is None and _NO_MILITARY.search(text) else military)
    elif hire_group:
        _set(out, "hire.age", age)
        _set(out, "hire.months_employed", _int(_MONTHS_EMPLOYED.search(text)))
    _senior(text, out)
    _leave(text, out)
    return out


def merge_facts(known: Facts, new: Facts) -> Facts:
    """``known`` updated with ``new`` (nested groups merged field by field; a newly said value wins)."""
    out: Facts = {k: (dict(v) if isinstance(v, dict) else v) for k, v in known.items()}
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def valid_facts(facts: Facts) -> EmployerFacts:
    """The facts as :class:`EmployerFacts`, dropping any value the model refuses (a stray parse never breaks a turn)."""
    try:
        return EmployerFacts.model_validate(facts)
    except ValueError:
        kept: Facts = {}
        for key, value in facts.items():
            try:
                EmployerFacts.model_validate({key: value})
            except ValueError:
                continue
            kept[key] = value
        return EmployerFacts.model_validate(kept)
