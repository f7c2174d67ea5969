"""What the thread learns about the job seeker from each message: the one extractor of the seeker profile.

``update_seeker`` is called by the graph's understand step on every turn (any route, any capability); it returns
the new seeker dict kept in the thread's state (``AgentState.seeker`` = ``SeekerProfile.model_dump(mode="json",
exclude_defaults=True)``) and handed to every capability (``CapabilityRequest.seeker``; read it through
``graphs.seeker.seeker_profile``).

What a message can say, as counselors and citizens say it:

- 희망 직종: "요양보호사로 일하고 싶어 함", "희망 직종은 호텔 프런트", "사무직 희망", "요양보호사 매칭해 줘"
- 경력 by occupation: "회계 사무 12년", "요양원에서 3년 일했어요", "경력 5년" (the wished occupation), "경력 없음"
- 자격증: "전산회계 1급", "요양보호사 자격증 있어요"; "자격증 없어요" clears; "컴활 준비 중" is not held
- 학력: "고졸", "전문대 졸업", "4년제 대학 나왔어요", "대학원"
- 거주지 읍·면·동: "제주시 연동", "애월 살아요" (a place in a search — "서귀포 호텔 일자리 찾아줘" — is where to work,
  not where the person lives); 통근: "30분 이내", "10km"
- 희망 임금 ("월 250 이상"), 고용형태 ("정규직", "정규직이나 계약직"), 근무시간·요일 ("주말 휴무", "야간 불가",
  "주 30시간 이하"), 계절 일 ("계절 일은 싫어요"), skills ("중국어 가능", "엑셀 능숙")

A later statement replaces an earlier one (field by field; 경력 occupation by occupation); certificates and skills
accumulate until one is denied ("컴활 없어요") or all are ("자격증 없음"). Age, 병역, 장애, 고용보험, household are
the eligibility ``Profile``'s (graphs/profile.py), not kept here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from graphs.capabilities.job_matching.scorer import held_certificates, load_tables, resolve_occupation
from graphs.nlu import lexicon as lx
from graphs.nlu.fields import fields_in
from graphs.nlu.gazetteer import CITY_OF_DISTRICT, find_places, resolve
from graphs.nlu.models import Understanding
from graphs.nlu.slots import employment_types, extract_hours, extract_pay
from graphs.nlu.text import Scratch, normalize
from graphs.profile import Education, Experience, SeekerProfile

logger = logging.getLogger(__name__)

# A counselor asking for a scored match ("매칭", "적합도", "추천 이유", "점수 순으로"); job_matching claims these.
MATCH_REQUEST = re.compile(r"매칭|적합도|추천\s*(?:이유|순위)|점수\s*(?:순|매겨|높은)|인재\s*추천")
UNKNOWN_OCCUPATION = "직종 미상"

_PAST_TYPE = re.compile(r"(?:정규직|계약직|일용직|시간제|파트\s*타임|알바|아르바이트|단기)\S*\s*(?:으로\s*|로\s*)?\d{1,2}\s*(?:년|개월)")
_CLAUSE = re.compile(r"[,.;!?\n]|(?<=[가-힣])(?:이고|이며|하고|했고|였고|그리고)\s|\s(?:있고|있으며|없고|없으며)\s")
_PARTICLE = re.compile(r"(?:에서|으로|로|을|를|은|는|이|가|의|에|쪽|쪽으로|분야|분야로|직으로|일)$")
_NOT_OCCUPATION_WORD = frozenset(
    "구직자 내담자 여성 남성 여자 남자 분 씨 저 제 나 이분 그분 경력 근무 희망 직종 일자리 공고 매칭 추천 이유 순위 "
    "점수 적합도 인재 일 쪽 분야 거주 주 월 원함 원해 해 줘 해줘 정규직 계약직 알바 시간제 일용직 풀타임 파트타임".split()
)

_LEAD_FILLER = frozenset("아 어 음 네 예 참 아니 아니다 아니요 그리고 근데 그럼 또 이제 지금 현재 원래 전에 예전 예전엔 그냥 주로 "
                         "총 약 대략 한".split())

# ---------------------------------------------------------------- 희망 직종
_DESIRE = re.compile(
    r"(?:으로|로|쪽으로|쪽|분야로)?\s*(?:일하고\s*싶|일하길\s*원|일하기를\s*원|일\s*하고\s*싶|취업\s*(?:희망|원|하고\s*싶|하려)|"
    r"취직\s*(?:희망|원|하고\s*싶|하려)|근무\s*(?:희망|원)|하고\s*싶어|되고\s*싶|희망(?!\s*(?:임금|급여|연봉|월급|직종|지역))|"
    r"원함|원해|원하|구직\s*중|구합니다|구해요|찾고\s*있)"
)
_DESIRED_LABEL = re.compile(r"희망\s*직종\s*(?:은|는|이|:)?\s*(?P<x>[^,.;\n]{1,30}?)\s*(?=[,.;\n]|이고|이며|입니다|이에요|예요|임|$)")

# ---------------------------------------------------------------- 경력
_YEARS = re.compile(
    r"(?<![\d.])(?:(?P<y>\d{1,2})\s*년(?!\s*(?:전|후|뒤|생|도|차에|부터|까지|만에))\s*(?:(?P<m>\d{1,2})\s*개월)?|"
    r"(?P<mo>\d{1,2})\s*개월)"
    r"(?P<tail>\s*(?:차|간|동안|정도|넘게|이상|가량)?\s*(?:경력|근무|일했|일해|했|재직|종사)?)"
)
_YEARS_NOT = re.compile(r"고용\s*보험|피보험|가입|보험|나이|올해|작년|내년|살|세\b|전\s*직장\s*에서는?\s*$")
_NO_EXPERIENCE = re.compile(r"경력\s*(?:은|이|도)?\s*(?:없|無|전무|0\s*년)|무경력|경력\s*무(?![가-힣])|"
                            r"신입(?!\s*(?:모집|공고|채용))|일해\s*본\s*적\s*(?:이|은)?\s*없")

# ---------------------------------------------------------------- 자격증
_NO_CERTIFICATE = re.compile(r"자격\s*(?:증)?\s*(?:은|이|도)?\s*(?:하나도\s*|전혀\s*|아무\s*것도\s*)?(?:없|無|미보유|x(?![a-z]))")
_NOT_HELD = re.compile(r"없|미보유|미취득|준비|공부|따려|딸\s*예정|따고\s*싶|취득\s*예정|응시|안\s*가지|못\s*[땄딴]|아직|예정|중(?:이에요|입니다)?$")

# ---------------------------------------------------------------- 학력
_EDUCATION: tuple[tuple[Education, re.Pattern[str]], ...] = (
    ("고졸", re.compile(r"대학\s*(?:교)?\s*중퇴|대학\s*(?:교)?\s*자퇴")),
    ("대학원", re.compile(r"대학원|석사|박사")),
    ("대졸(2~3년)", re.compile(r"전문\s*대|[23]\s*년제|초대졸|전문학사")),
    ("대졸(4년)", re.compile(r"4\s*년제|대졸|대학\s*(?:교)?\s*(?:를|을)?\s*(?:졸업|나왔|나옴)|학사|대학\s*졸")),
    ("고졸", re.compile(r"고졸|고등\s*학교\s*(?:를|을)?\s*(?:졸업|나왔|나옴)|고교\s*졸|검정\s*고시")),
    ("중졸이하", re.compile(r"중졸|중학교\s*(?:를|을)?\s*(?:졸업|나왔|나옴)|초졸|초등\s*학교\s*(?:만\s*)?(?:졸업|나왔)|무학")),
)

# ---------------------------------------------------------------- 거주지·통근
_SEARCH_REQUEST = re.compile(r"찾아|찾고|구해\s*줘|추천|보여|알아봐|있나|있어\s*요?\s*\?|있을까|있는지|없나|없을까|검색|매칭|알려")
_WORKPLACE_AFTER = re.compile(r"^\s*(?:에서|쪽|쪽에서|근처|인근|지역)?\s*(?:일하|근무|일자리|일\s|공고|채용|호텔|식당|카페|매장)")
_COMMUTE_MIN = re.compile(r"(?<![\d.])(\d{1,3})\s*분\s*(?:이내|안쪽|안|내|이하|까지|거리|정도|내외)")
_COMMUTE_KM = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)\s*(?:km|킬로|키로)(?:\s*미터)?\s*(?:이내|안쪽|안|내|이하|까지|거리|정도|내외)?")
_COMMUTE_WORD = re.compile(r"통근|출퇴근|거리|차로|버스로|이동|걸리|걸려|집에서|이내")
_COMMUTE_ANY = re.compile(r"(?:통근|출퇴근|거리)\s*(?:은|는)?\s*(?:무관|상관\s*없|괜찮)")

# ---------------------------------------------------------------- 임금·고용형태
_WAGE_HEAD = re.compile(r"(?:희망|원하는|바라는)\s*(?:임금|급여|월급|연봉|보수)?\s*(?:은|는|이|:)?\s*$")
# "250은 받고 싶대요", "200 정도는 원하세요": counselors say a wished monthly pay in 만원 without any unit
_BARE_WAGE_WISH = re.compile(
    r"(?<![\d.,])(?P<n>[1-9]\d{2})\s*(?:만\s*원?)?\s*(?:은|는|이|정도는?|쯤은?|이상은?|이상)?\s*"
    r"(?:받고\s*싶|받았으면|원하|원함|원해|희망)"
)
_WAGE_ANY = re.compile(r"(?:임금|급여|월급|보수)\s*(?:은|는)?\s*(?:무관|상관\s*없|협의)")
_EMPLOYMENT_ANY = re.compile(r"고용\s*형태\s*(?:은|는)?\s*(?:무관|상관\s*없)|형태\s*상관\s*없")

# ---------------------------------------------------------------- 근무시간·요일
_WEEKENDS_OFF = re.compile(
    r"주말\s*(?:은|에는|엔|에)?\s*(?:휴무|쉬|쉼|쉴|못|안\s*(?:돼|되|해|함)|불가|빼|제외|x(?![a-z])|근무\s*(?:불가|안|못|어려|힘들))|"
    r"평일\s*(?:에만|만|근무만)|토\s*[·,/]?\s*일\s*(?:요일)?\s*(?:휴무|쉬)"
)
_WEEKENDS_OK = re.compile(r"주말\s*(?:도|에도|근무\s*도?)?\s*(?:가능|괜찮|상관\s*없|ok)")
_NO_NIGHT = re.compile(
    r"(?:야간|밤|새벽|심야|밤샘)\s*(?:은|는|에는|엔|에)?\s*(?:근무|일|교대|알바)?\s*(?:은|는)?\s*"
    r"(?:불가|안\s*(?:돼|되|해|함)|못|어려|힘들|제외|빼|싫|x(?![a-z]))|야간\s*없는"
)
_NIGHT_OK = re.compile(r"(?:야간|밤)\s*(?:근무|일)?\s*(?:도)?\s*(?:가능|괜찮|상관\s*없)")
_MIN_WEEKLY = re.compile(r"주\s*(\d{1,2}(?:\.\d)?)\s*시간\s*(?:이상|넘게|넘는|은\s*일하고|은\s*해야)")
_PAST = re.compile(r"했|였|었|받았|다녔")
_SEASONAL_NO = re.compile(r"(?:계절|단기|시즌|한\s*철)\s*(?:성)?\s*(?:일자리|일|알바|근무)?\s*(?:은|는)?\s*(?:싫|말고|빼고|제외|안\s*돼|원하지|불가|x(?![a-z]))")
_SEASONAL_OK = re.compile(r"(?:계절|단기|시즌)\s*(?:성)?\s*(?:일자리|일|알바|근무)?\s*(?:도)?\s*(?:괜찮|가능|좋|상관\s*없)")

# ---------------------------------------------------------------- skills
SKILLS: dict[str, str] = {  # pattern (normalised text) → the name kept
    r"영어": "영어", r"중국어": "중국어", r"일본어": "일본어", r"베트남어": "베트남어", r"러시아어": "러시아어",
    r"스페인어": "스페인어", r"프랑스어": "프랑스어", r"독일어": "독일어", r"태국어": "태국어", r"몽골어": "몽골어",
    r"인도네시아어": "인도네시아어", r"엑셀|excel": "엑셀", r"파워\s*포인트|ppt": "파워포인트", r"erp": "ERP",
    r"더존": "더존", r"(?<![a-z])sap(?![a-z])": "SAP", r"포토샵|photoshop": "포토샵", r"일러스트레이터": "일러스트레이터",
    r"(?<![a-z])cad(?![a-z])|캐드|오토캐드": "CAD", r"파이썬|python": "Python", r"(?<![a-z])java(?!script)|자바(?!스크립트)": "Java",
    r"javascript|자바스크립트": "JavaScript", r"react|리액트": "React", r"(?<![a-z])sql(?![a-z])": "SQL",
    r"figma|피그마": "Figma", r"지게차": "지게차",
}
_SKILL_PATTERNS = [(re.compile(p), name) for p, name in SKILLS.items()]
_SKILL_YES = re.compile(r"가능|능통|잘\s*(?:함|해|하|다뤄|다룸)|할\s*줄|능숙|회화|사용|다룰|다뤄|활용|중급|고급|상급|원어민|유창|일상|"
                        r"비즈니스|실무|경험|topik|hsk|jlpt|jpt|토익|토플|자유롭|쓸\s*줄|합니다|해요|함(?![가-힣])")
_SKILL_NO = re.compile(r"^[^,.;\n]{0,6}?(?:못|불가|안\s*돼|모르|전혀|없)")
_SKILL_IS_JOB = re.compile(r"^\s*(?:강사|학원|교사|과외|교육|과정|훈련|수업|배우)")


@dataclass
class Said:
    """What one message says about the seeker: fields to set (a ``None``/empty value clears), list edits."""

    set: dict[str, Any] = field(default_factory=dict)
    experience: list[Experience] = field(default_factory=list)
    clear_experience: bool = False
    certificates_add: list[str] = field(default_factory=list)
    certificates_remove: list[str] = field(default_factory=list)
    clear_certificates: bool = False
    skills_add: list[str] = field(default_factory=list)
    skills_remove: list[str] = field(default_factory=list)


def _clauses(norm: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.split(norm) if c and c.strip()]


def _occupational(word: str) -> bool:
    """A word that names a job or a field ("요양", "프런트", "it", "회계")."""
    return bool(resolve_occupation(word) or lx.JOB_WORDS.search(word) or fields_in(word))


_TRAILING_NON_JOB = frozenset({"전환", "쪽", "계열", "관련", "직종", "분야"})


def occupation_phrase(words: list[str]) -> str | None:
    """The occupation at the end of ``words`` ("… 32살이고 바리스타로" → "바리스타"; "호텔 프런트" both words), up to
    three words, none of them a number, an age, a place or filler; ``None`` when it names no job."""
    kept: list[str] = []
    while words and words[-1] in _TRAILING_NON_JOB:  # "사무직 전환 희망": the job is 사무직
        words = words[:-1]
    for i, raw in enumerate(reversed(words)):
        word = _PARTICLE.sub("", raw) if i == 0 else raw
        if (not word or word in _NOT_OCCUPATION_WORD or re.search(r"\d|[세살]$|이고$|이며$|[아어여쳐해워라]서$", word)
                or find_places(word) or len(kept) == 3 or not re.search(r"[가-힣a-z]", word)):
            break
        kept.insert(0, word)
    while len(kept) > 1 and not _occupational(kept[0]) and (len(kept[0]) == 1 or kept[0] in _LEAD_FILLER):
        kept.pop(0)  # "아 회계 사무는 15년": the interjection goes, "수학 학원 강사" keeps 수학
    phrase = " ".join(kept)
    return phrase if phrase and _occupational(phrase) else None


def _desired(norm: str, query: str) -> str | None:
    m = _DESIRED_LABEL.search(norm)
    if m:
        phrase = occupation_phrase(m.group("x").split()) or m.group("x").strip()
        return phrase[:60] or None
    for m in _DESIRE.finditer(norm):
        head = _CLAUSE.split(norm[max(0, m.start() - 30): m.start()])[-1]
        phrase = occupation_phrase(head.split())
        if phrase:
            return phrase
    if MATCH_REQUEST.search(norm):  # "요양보호사 일자리 매칭해 줘": the wish this request names
        words = [w for w in query.split() if w not in _NOT_OCCUPATION_WORD]
        phrase = " ".join(words)
        if phrase and resolve_occupation(phrase) and not re.search(r"\d\s*급|자격", phrase):
            return phrase
    return None


def _experience(norm: str, desired: str | None) -> tuple[list[Experience], bool]:
    """(years of experience the message states, whether it says there is none)."""
    found: list[Experience] = []
    for clause in _clauses(norm):
        for m in _YEARS.finditer(clause):
            head = clause[: m.start()]
            tail = m.group("tail") or ""
            if _YEARS_NOT.search(head[-8:]) or re.match(r"\s*(?:살|세)", clause[m.end():]):
                continue
            years = float(m.group("y") or 0) + float(m.group("m") or m.group("mo") or 0) / 12
            if years <= 0 or years > 60:
                continue
            words = head.replace("경력", " ").split()
            job = occupation_phrase(words)
            says_career = "경력" in head[-12:] or "경력" in tail or any(w in tail for w in ("근무", "일했", "일해", "재직", "종사"))
            if job is None and not says_career:
                continue  # "2년 됐어요", "5년": nothing says it is work
            if job is None and m.group("mo") and not says_career:
                continue
            found.append(Experience(occupation=(job or desired or UNKNOWN_OCCUPATION)[:40], years=round(years, 1)))
    return found, bool(_NO_EXPERIENCE.search(norm))


def _shown_certificates(held: set[str]) -> list[str]:
    tables = load_tables()
    implied = {i for n in held for i in tables.certificates[n].implies}
    return sorted(held - implied)


def _family(name: str) -> str:
    """"컴퓨터활용능력 2급" → "컴퓨터활용능력" (a certificate named without its level)."""
    return re.sub(r"\s*\d\s*급$", "", name)


_FAMILY_ALIASES = {"컴활": "컴퓨터활용능력", "전산 회계": "전산회계"}


def _denied_families(clause: str) -> list[str]:
    """"컴활은 없어요": the certificate families a denial names without a level."""
    compact = clause.replace(" ", "")
    families = {_family(n) for n in load_tables().certificates}
    named = {f for f in families if f.replace(" ", "") in compact}
    named |= {full for alias, full in _FAMILY_ALIASES.items() if alias.replace(" ", "") in compact}
    return sorted(named)


def _certificates(norm: str, said: Said) -> None:
    for clause in _clauses(norm):
        held = held_certificates([clause])
        if not held:
            if _NOT_HELD.search(clause) and (families := _denied_families(clause)):
                said.certificates_remove += [n for n in load_tables().certificates if _family(n) in families]
            elif _NO_CERTIFICATE.search(clause):
                said.clear_certificates = True
            continue
        if _NOT_HELD.search(clause):
            said.certificates_remove += sorted(held)
        else:
            said.certificates_add += _shown_certificates(held)


def _education(norm: str) -> Education | None:
    for level, pattern in _EDUCATION:
        if pattern.search(norm):
            return level
    return None


def _residence(norm: str) -> tuple[bool, str | None, str | None]:
    """(the message says where the person lives, city, district)."""
    places = find_places(norm)
    if not places:
        return False, None, None
    lives = bool(lx.RESIDENCE.search(norm))
    if not lives:
        if _SEARCH_REQUEST.search(norm) or any(_WORKPLACE_AFTER.match(norm[p.end:]) for p in places):
            return False, None, None
    city, district = resolve(places)
    return city is not None, city, district


def _commute(norm: str, said: Said) -> None:
    if _COMMUTE_ANY.search(norm):
        said.set.update(commute_km=None, commute_minutes=None)
        return
    for clause in _clauses(norm):
        km = _COMMUTE_KM.search(clause)
        if km and (_COMMUTE_WORD.search(clause) or "km" in km.group() or "킬로" in km.group()):
            said.set.update(commute_km=float(km.group(1)), commute_minutes=None)
            return
        minutes = _COMMUTE_MIN.search(clause)
        if minutes and _COMMUTE_WORD.search(clause) and not re.search(r"휴게|쉬는|점심", clause):
            said.set.update(commute_minutes=int(minutes.group(1)), commute_km=None)
            return


def _wage(norm: str) -> int | None:
    for m in extract_pay(Scratch(norm), date.today()):
        if m.past:
            continue
        if m.desire or _WAGE_HEAD.search(norm[max(0, m.start - 12): m.start]) or "희망" in norm[m.end: m.end + 8]:
            return m.monthly
    bare = _BARE_WAGE_WISH.search(norm)
    return int(bare.group("n")) * 10_000 if bare else None


def _schedule(norm: str, said: Said) -> None:
    if _WEEKENDS_OFF.search(norm):
        said.set["weekends_off"] = True
    elif _WEEKENDS_OK.search(norm):
        said.set["weekends_off"] = False
    if _NO_NIGHT.search(norm):
        said.set["no_night"] = True
    elif _NIGHT_OK.search(norm):
        said.set["no_night"] = False
    if _SEASONAL_NO.search(norm):
        said.set["seasonal_ok"] = False
    elif _SEASONAL_OK.search(norm):
        said.set["seasonal_ok"] = True
    scratch = Scratch(norm)
    for m in _MIN_WEEKLY.finditer(norm):
        said.set["min_weekly_hours"] = float(m.group(1))
        scratch.take(m.start(), m.end())
    for clause in _clauses(scratch.text):
        if _PAST.search(clause):  # "하루 8시간 일했어요": the last job, not a wish
            continue
        hours = extract_hours(Scratch(clause))
        most = hours.max_weekly()
        if most is not None and (hours.weekly is not None or hours.daily is not None):
            said.set["max_weekly_hours"] = most
            return


_COURSE = re.compile(r"과정|훈련|교육|배우|수업|강의|학원")


def _skills(norm: str, said: Said) -> None:
    if _COURSE.search(norm) or _SEARCH_REQUEST.search(norm):  # "ERP 회계 실무 과정 찾아줘": to learn, not held
        return
    for pattern, name in _SKILL_PATTERNS:
        for m in pattern.finditer(norm):
            after = norm[m.end(): m.end() + 14]
            if _SKILL_IS_JOB.match(after):
                continue
            if _SKILL_NO.match(after):
                said.skills_remove.append(name)
            elif _SKILL_YES.search(re.split(r"[.;\n]", after)[0]):
                said.skills_add.append(name)


def read_seeker(text: str, query: str = "", *, desired_before: str | None = None) -> Said:
    """What ``text`` says about the seeker (nothing is kept: :func:`merge` puts it into the thread's profile).
    ``query`` is the NLU's search words of the message (``Understanding.query``)."""
    norm = normalize(text)
    said = Said()
    if not norm:
        return said
    desired = _desired(norm, query)
    if desired:
        said.set["desired_occupation"] = desired
        said.set["desired_codes"] = []
    said.experience, said.clear_experience = _experience(norm, desired or desired_before)
    _certificates(norm, said)
    education = _education(norm)
    if education:
        said.set["education"] = education
    lives, city, district = _residence(norm)
    if lives and district:
        said.set["district"] = district
    elif lives and city:
        said.set["district"] = None  # "서귀포시로 이사했어요": the old 읍·면·동 no longer holds
        said.set["_city"] = city
    _commute(norm, said)
    wage = _wage(norm)
    if wage:
        said.set["desired_monthly_wage"] = wage
    elif _WAGE_ANY.search(norm):
        said.set["desired_monthly_wage"] = None
    # "건설현장 일용직 15년": a past job's type followed by its years is career, not the type of work wished for
    kinds = sorted({k for c in _clauses(norm) if not _PAST_TYPE.search(c) for k in employment_types(c)},
                   key=employment_types(norm).index) if employment_types(norm) else []
    if kinds:
        said.set["employment_types"] = kinds
    elif _EMPLOYMENT_ANY.search(norm):
        said.set["employment_types"] = []
    _schedule(norm, said)
    _skills(norm, said)
    return said


def _same_job(a: Experience, b: Experience) -> bool:
    codes_a, codes_b = resolve_occupation(a.occupation)[:1], resolve_occupation(b.occupation)[:1]
    return a.occupation == b.occupation or bool(codes_a and codes_a == codes_b)


def merge(previous: SeekerProfile, said: Said) -> SeekerProfile:
    """``previous`` with what was said: a field said replaces it, 경력 occupation by occupation, lists edited."""
    data = previous.model_dump(mode="json")
    city = said.set.get("_city")
    for name, value in said.set.items():
        if name == "_city":
            continue
        if name == "district" and value is None and city and previous.district:
            resolved = load_tables().districts.resolve(previous.district)
            if resolved and CITY_OF_DISTRICT.get(resolved) == city:
                continue  # "제주시 거주" keeps 연동
        data[name] = value
    experience = [] if said.clear_experience else list(previous.experience)
    for new in said.experience:
        experience = [e for e in experience if not _same_job(e, new)] + [new]
    data["experience"] = [e.model_dump(mode="json") for e in experience]
    certificates = [] if said.clear_certificates else list(previous.certificates)
    removed = held_certificates(said.certificates_remove) if said.certificates_remove else set()
    certificates = [c for c in certificates if not (held_certificates([c]) & removed) or c in said.certificates_add]
    data["certificates"] = list(dict.fromkeys([*certificates, *said.certificates_add]))
    skills = [s for s in previous.skills if s not in said.skills_remove]
    data["skills"] = list(dict.fromkeys([*skills, *said.skills_add]))
    return _valid(data, previous)


def _valid(data: dict[str, Any], previous: SeekerProfile) -> SeekerProfile:
    """The merged profile; a value out of range ("주 90시간") keeps the field's previous value."""
    for _ in range(len(data) + 1):
        try:
            return SeekerProfile.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                name = str(err["loc"][0]) if err["loc"] else ""
                logger.debug("seeker value out of range dropped: %s=%r", name, data.get(name))
                data[name] = getattr(previous, name, None)
    return previous


def load_seeker(data: dict[str, Any] | None) -> SeekerProfile:
    """The thread's stored seeker dict as a model (a thread stored before the full profile kept only
    ``{"occupation": …}``; unknown or broken fields are dropped rather than lose the thread)."""
    raw = dict(data or {})
    if "occupation" in raw:
        raw.setdefault("desired_occupation", raw.pop("occupation"))
    known = {k: v for k, v in raw.items() if k in SeekerProfile.model_fields}
    return _valid(known, SeekerProfile())


def dump_seeker(seeker: SeekerProfile) -> dict[str, Any]:
    """The form kept in the thread's state (``AgentState.seeker``)."""
    return seeker.model_dump(mode="json", exclude_defaults=True, exclude={"age"})


def update_seeker(previous: dict[str, Any], text: str, understanding: Understanding) -> dict[str, Any]:
    """``previous`` with what this message says about the seeker (a later statement replaces an earlier one)."""
    before = load_seeker(previous)
    said = read_seeker(text, understanding.query, desired_before=before.desired_occupation)
    if not (said.set or said.experience or said.clear_experience or said.certificates_add or said.certificates_remove
            or said.clear_certificates or said.skills_add or said.skills_remove):
        return previous
    return dump_seeker(merge(before, said))
