"""Is this message a counselor's description of the job seeker, with nothing asked? ("48세 구직자, 회계 사무 12년,
전산회계 1급, 제주시 연동, 월 250 이상 정규직, 주말 휴무 원함") — and the answer: what the profile now holds and
what is still missing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graphs.profile import PROFILE_LABELS, SEEKER_LABELS, SeekerProfile, shown_value

if TYPE_CHECKING:
    from graphs.nlu.models import Understanding

# who is described: the counselor speaks of a third person
_PERSON = re.compile(r"구직자|이\s*분|내담자|상담자|신청자|참여자|대상자")
# profile facts as counselors state them
_FACTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\d{2}\s*(?:세|살)|\d0\s*대"),  # age
    re.compile(r"경력|\d+\s*년\s*(?:차|근무|일했|경험)?|[가-힣]{2,}\s*\d+\s*년"),  # experience
    re.compile(r"자격|\d\s*급|면허|수료|이수"),  # certificates
    re.compile(r"거주|[가-힣]+(?:동|읍|면|시)\s*(?:거주|살|에\s*살)|제주시|서귀포"),  # residence
    re.compile(r"희망|원함|원하|일하고\s*싶|정규직|계약직|주말\s*휴무|야간\s*(?:불가|안)|월\s*\d{3}"),  # wishes
    re.compile(r"남성|여성|남자|여자|고졸|대졸|전문대"),  # other person facts
)
# a question or a request: another capability's (or the NLU's) message
_ASKS = re.compile(
    r"[?？]|되나요|돼요|되요|될까|얼마|추천|찾아|찾아줘|매칭|계획|점검|알려|보여|확인해|가능한지|가능할|가능\s*여부|있나요|있을까|있어요\s*$|"
    r"할까|하나요|인가요|나요\s*$|까요|뭐|무엇|어떻게|어디|언제|몇|줘|주세요|부탁|구해|구합|궁금|문의|신청|받을\s*수|"
    r"해당|자격이\s*되|일지|공고|초안")
# program names: a question about a program, not an intake ("이분 실업급여는 이미 수급 중입니다")
_PROGRAMS = re.compile(r"실업\s*급여|구직\s*급여|국민\s*취업|국취|취업\s*지원\s*제도|지원금|장려금|수당|육아\s*휴직|"
                       r"취업\s*성공|고용\s*보험|피보험|이직|퇴사|권고\s*사직|해고|계약\s*만료")
# a job posting (posting_check's) or the facts a screening question waits for (household, income, employer)
_OTHER = re.compile(r"모집|채용|구인|구함|우대|시급|일당|담당\s*업무|근무\s*시간|근무\s*형태|복리\s*후생|숙식|\n.*\n|"
                    r"중위\s*소득|재산|가구|생계\s*급여|수급|재직|군\s*복무|병역|장애|직원\s*\d+\s*명|사업주|회사\s*다니")
# eligibility facts the NLU read: the message is about a benefit, not the seeker's profile (age, region and the
# insured period — which the NLU also reads from "7년 근무" — are not among them)
_ELIGIBILITY_FIELDS = frozenset({
    "separation_reason", "separation_date", "unit_period_days", "monthly_wage", "household_size",
    "household_income_pct", "household_income_monthly", "household_assets", "livelihood_benefit_recipient",
    "receiving_unemployment_benefit", "employed", "weekly_hours", "military_service_months", "disabled",
    "severe_disability"})
_CARD = re.compile(r"내일\s*배움\s*카드\s*(?:보유|있|소지|발급\s*받)")


def fact_count(text: str) -> int:
    return sum(bool(p.search(text)) for p in _FACTS)


def is_intake(text: str) -> bool:
    """A description of the seeker that asks nothing: a word for the person and one fact, or an age and one more
    fact, or three facts; never a question, a request or a message about a program."""
    if _ASKS.search(text) or _PROGRAMS.search(text) or _OTHER.search(text):
        return False
    if re.search(r"내일\s*배움|훈련", text) and not _CARD.search(text):
        return False
    n = fact_count(text)
    has_age = bool(_FACTS[0].search(text))
    return bool((_PERSON.search(text) and n >= 1) or (has_age and n >= 2) or n >= 3)


def claims(text: str, u: Understanding) -> bool:
    """The router hook: an intake by its words, with no eligibility fact read by the NLU."""
    return is_intake(text) and not (_ELIGIBILITY_FIELDS & set(u.profile.model_dump(exclude_none=True)))


def filled_lines(seeker: SeekerProfile, profile: dict[str, object]) -> list[str]:
    """One "- 라벨: 값" line per filled field: the person (나이, 거주 지역) first, then the seeker fields."""
    lines = [f"- {PROFILE_LABELS[k]}: {shown_value(k, profile[k])}{'세' if k == 'age' else ''}"
             for k in ("age", "region") if profile.get(k) is not None]
    data = seeker.model_dump(mode="json", exclude_defaults=True, exclude={"age", "desired_codes"})
    lines += [f"- {SEEKER_LABELS[k]}: {shown_value(k, data[k])}" for k in SEEKER_LABELS if k in data]
    return lines


def missing_lines(seeker: SeekerProfile, profile: dict[str, object]) -> list[str]:
    """What matching and training still need: 희망 직종 above all."""
    out: list[str] = []
    if not (seeker.desired_occupation or seeker.desired_codes):
        longest = max(seeker.experience, key=lambda e: e.years).occupation if seeker.experience else None
        tail = f" — 지금은 가장 긴 경력({longest}) 기준으로 매칭합니다" if longest else ""
        out.append(f"- 희망 직종: 아직 모릅니다{tail}. '요양보호사로 일하고 싶어 함'처럼 알려 주세요.")
    if not seeker.experience and not seeker.certificates:
        out.append("- 경력·자격증: 훈련 추천의 역량 갭을 계산하려면 필요합니다.")
    if not seeker.district and not profile.get("region"):
        out.append("- 거주지 (읍·면·동): 통근 거리를 점수에 넣으려면 필요합니다.")
    return out
