"""정당한 사유 for leaving a job by one's own choice (고용보험법 시행규칙 제101조② 별표2), said in passing.

"월급이 두 달 밀려서 그만뒀어요", "통근이 왕복 3시간이라 자진퇴사", "팀장 갑질 때문에 사표 냈어요": the person left
voluntarily but states a cause the law accepts. :func:`find_just_cause` returns a short Korean label of the stated
cause ("임금체불 2개월", "통근 왕복 3시간 이상", "직장 내 괴롭힘"); whether the centre accepts it is decided by the
centre on evidence, the label only records what was said.

Causes whose legal condition the person did not state are still labelled (e.g. 본인 질병 requires that the
employer refused a change of duties or leave): the eligibility rules and the answer name that condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphs.nlu.numbers import sino_small

_NEGATION_AFTER = re.compile(r"^\s*(?:은|는|도|이|가|을|를)?\s*(?:아니|아닌|아님|없었|없어|없고|없는|없음|않|안\s*당)")
_NATIVE_MONTHS = {"한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6}
_MONTHS = re.compile(r"(\d{1,2}|한|두|세|석|네|넉|다섯|여섯|[일이삼사오육]{1,2})\s*(?:개월|달)")

_WAGE_ARREARS = re.compile(
    r"임금\s*체불|급여\s*체불|월급\s*체불|체불|"
    r"(?<!실업)(?<!구직)(?<!최저)(?:월급|급여|임금|돈|페이)\s*(?:이|을|를|도|가)?\s*"
    r"(?:(?:\d{1,2}|한|두|세|석|네|넉|다섯|여섯)\s*(?:개월|달)\s*(?:째|이나|동안|치|넘게)?\s*)?"
    r"(?:밀려|밀렸|밀리|밀림|안\s*나와|안\s*나왔|안\s*줘|안\s*줬|안\s*주|못\s*받|안\s*들어)"
)
_MIN_WAGE = re.compile(
    r"최저\s*(?:임금|시급)\s*(?:도|을|를|에|보다|만큼|이)?\s*(?:못\s*받|안\s*줘|안\s*줬|안\s*주|미달|적게|덜|못\s*미치|안\s*[되돼됐됨]|못\s*[되돼])|"
    r"최저\s*(?:임금|시급)\s*(?:미만|이하)"
)
_COMMUTE_HOURS = re.compile(
    r"(?P<kind>왕복|편도)?\s*(?P<h>\d{1,2}(?:\.\d)?|한|두|세|네|다섯)\s*시간\s*(?P<half>반)?(?:\s*(?P<m>\d{1,2})\s*분)?"
)
_NATIVE_HOURS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}
_COMMUTE_CONTEXT = re.compile(r"통근|출퇴근|출근|왕복|편도|거리|멀어|멀리")
_RELOCATION = re.compile(
    r"(?:사업장|회사|공장|매장|사무실|근무지|직장)\s*(?:이|가|을|를)?\s*(?:[가-힣]{1,6}\s*(?:으로|로)\s*)?"
    r"(?:이전|이사|옮겨|옮겼|옮긴)|전근|(?:타\s*지역|육지|다른\s*지역|서울|부산|[가-힣]{2,4}도)\s*(?:으로|로)\s*발령|"
    r"(?:배우자|남편|아내|와이프|가족)\s*(?:랑|과|와|하고)?\s*(?:같이|함께)?\s*살\s*(?:려고|기\s*위해)"
)
_FAR = re.compile(r"너무\s*멀|멀어져|멀어서|멀어졌|통근\s*(?:이|하기)?\s*(?:힘들|불가|어려)|출퇴근\s*(?:이|하기)?\s*(?:힘들|불가|어려)")
_HARASSMENT = re.compile(
    r"괴롭[힘히혀혔]|갑질|폭언|폭행|왕따|따돌림|욕설|인격\s*모독|막말|모욕|"
    r"(?<![가-힣])욕\s*(?:을|까지|도|만)?\s*(?:하|해|했|먹|듣|들어|들었)|소리\s*(?:를\s*)?(?:지르|질러|치고|쳐서)"
)
_SEXUAL = re.compile(r"성희롱|성추행|성폭력|성폭행")
_DISCRIMINATION = re.compile(r"차별\s*(?:을|를)?\s*(?:받|당|대우)|차별\s*때문|차별이\s*심")
_CLOSURE_SOON = re.compile(
    r"(?:폐업|도산|부도)\s*(?:이|을|를)?\s*(?:예정|할\s*(?:거|것|예정|계획)|한다고|한대|하기로|확정|결정|예고|직전|위기)|"
    r"문\s*(?:을\s*)?(?:닫는다고|닫는대|닫을\s*(?:거|예정|계획)|닫기로|닫는다|닫을|닫게\s*된다)|"
    r"곧\s*(?:폐업|문\s*(?:을\s*)?닫|망할)"
)
_LAYOFF_SOON = re.compile(r"(?:대량\s*)?(?:감원|구조\s*조정|정리\s*해고)\s*(?:이|을)?\s*(?:예정|한다고|계획|발표)|대량\s*(?:해고|감원)")
_CONDITIONS = re.compile(
    r"(?:채용|입사|면접|계약)\s*(?:할\s*때|때|당시|시)\s*(?:말한|약속한|들은|제시한|얘기한|약속|조건)[^.?!\n]{0,12}(?:다르|달라|낮|안\s*지|못\s*지|안\s*줘|안\s*주|못\s*받|안\s*나와)|"
    r"근로\s*조건\s*(?:이|을)?\s*(?:다르|달라|낮아|나빠|떨어)|약속\s*(?:한|했던)\s*(?:월급|급여|조건)\s*(?:을|를|이)?\s*(?:안|못)|"
    # "입사할 때는 월 250 준다더니 실제로는 200만 줘서", "공고엔 정규직이라더니 막상 계약직", "면접 때 주 5일이라고 해놓고"
    r"(?:채용|입사|면접|계약|공고|구인\s*광고)[^.?!\n]{0,24}?"
    r"(?:준다더니|준다고\s*(?:했는데|하더니|해\s*놓고)|주기로\s*(?:했는데|해\s*놓고)|(?:이)?라더니|(?:이)?라고\s*(?:했는데|해\s*놓고)|"
    r"약속\s*(?:했는데|해\s*놓고|하더니))|"
    r"(?:준다더니|준다고\s*(?:했는데|하더니|해\s*놓고)|(?:이)?라더니)[^.?!\n]{0,12}?(?:실제로?는?|막상|정작|알고\s*보니)"
)
_OVERTIME = re.compile(r"주\s*52\s*시간\s*(?:을|를|이)?\s*(?:넘|초과)|연장\s*근로\s*(?:제한)?\s*(?:위반|초과)")
_SHUTDOWN_PAY = re.compile(r"휴업\s*(?:수당|기간|하면서|해서|으로|때문)")
_ILLNESS = re.compile(
    r"(?<![가-힣])(?:몸|허리|어깨|무릎|손목|건강)\s*(?:이|가|을|를)?\s*(?:안\s*좋|아파|아프|다쳐|다쳤|망가|나빠|상해)|"
    r"(?:질병|병|부상|디스크|암|수술|입원|산재|우울증|공황)\s*(?:이|을|를|으로|로|때문|치료|진단)?\s*(?:때문|으로|로|해서|받고|받아서|진단|생겨|걸려|나서|치료)|"
    r"(?:아파서|다쳐서|다쳤는데|병이\s*나서|병\s*때문)"
)
_FAMILY_CARE = re.compile(
    r"(?:부모|어머니|아버지|엄마|아빠|시어머니|시아버지|장모|장인|남편|아내|배우자|가족|할머니|할아버지|형|누나|언니|오빠|동생)"
    r"[^.?!\n]{0,14}(?:간병|간호|병간호|돌봐|돌보|돌봄|수발|모셔야|케어)|(?:가족\s*)?간병\s*(?:때문|하느라|해야|하려고)|"
    r"병간호"
)
_CHILDCARE = re.compile(
    r"임신|출산|(?:아이|애|자녀|아기|애기)\s*(?:를|을)?\s*(?:맡길|봐\s*줄|돌봐\s*줄|볼\s*사람)|육아\s*(?:때문|하느라|로|문제)|"
    r"육아\s*휴직\s*(?:을|를)?\s*(?:안|못)"
)
_LEFT = re.compile(r"그만|퇴사|퇴직|관[두뒀둔둬]|나왔|사표|사직|자진|이직|나오게|그만두")


@dataclass(frozen=True)
class JustCause:
    label: str
    start: int
    end: int


def _months_after(text: str, start: int, end: int) -> int | None:
    """How many months the wage arrears lasted, when said next to the cause ("두 달째", "3개월")."""
    window = text[max(0, start - 12) : end + 14]
    m = _MONTHS.search(window)
    if not m:
        return None
    raw = m.group(1)
    if raw.isdigit():
        return int(raw)
    return _NATIVE_MONTHS.get(raw) or sino_small(raw)


def _commute_label(text: str) -> str | None:
    """"통근 왕복 3시간", "출퇴근 편도 1시간 반" → "통근 왕복 3시간 이상"; a shorter commute is no 별표2 cause."""
    if not _COMMUTE_CONTEXT.search(text):
        return None
    for m in _COMMUTE_HOURS.finditer(text):
        around = text[max(0, m.start() - 12) : m.end() + 6]
        if not _COMMUTE_CONTEXT.search(around):
            continue
        raw = m.group("h")
        hours = float(_NATIVE_HOURS.get(raw, 0) if raw in _NATIVE_HOURS else raw)
        hours += (0.5 if m.group("half") else 0.0) + (int(m.group("m") or 0) / 60)
        one_way = m.group("kind") == "편도" or "편도" in around
        if one_way:
            hours *= 2
        return "통근 왕복 3시간 이상" if hours >= 3 else None
    return None


def _not_negated(text: str, m: re.Match[str]) -> bool:
    return not _NEGATION_AFTER.match(text[m.end() : m.end() + 8])


def find_just_cause(text: str) -> JustCause | None:
    """The first 별표2 cause stated in ``text`` (spaced, normalised), or None."""
    m = _MIN_WAGE.search(text)
    if m and _not_negated(text, m):
        return JustCause("최저임금 미달", m.start(), m.end())
    m = _CONDITIONS.search(text)  # "채용 때 약속한 월급을 안 줘서": the promise broken, not (only) pay withheld
    if m and _not_negated(text, m):
        return JustCause("채용 시 조건과 다른 근로조건", m.start(), m.end())
    m = _WAGE_ARREARS.search(text)
    if m and _not_negated(text, m):
        months = _months_after(text, m.start(), m.end())
        return JustCause(f"임금체불 {months}개월" if months else "임금체불", m.start(), m.end())
    checks: tuple[tuple[str, re.Pattern[str]], ...] = (
        ("직장 내 성희롱", _SEXUAL),
        ("직장 내 괴롭힘", _HARASSMENT),
        ("차별 대우", _DISCRIMINATION),
        ("사업장 폐업·도산 예정", _CLOSURE_SOON),
        ("대량 감원 예정", _LAYOFF_SOON),
        ("연장근로 제한 위반", _OVERTIME),
        ("휴업으로 임금 감소", _SHUTDOWN_PAY),
    )
    for label, pattern in checks:
        m = pattern.search(text)
        if m and _not_negated(text, m):
            return JustCause(label, m.start(), m.end())
    commute = _commute_label(text)
    if commute:
        return JustCause(commute, 0, 0)
    m = _RELOCATION.search(text)
    if m and (_FAR.search(text) or _COMMUTE_CONTEXT.search(text)):
        return JustCause("사업장 이전·전근 등으로 통근 곤란", m.start(), m.end())
    if not _LEFT.search(text):  # the causes below are ordinary life events unless the person left because of them
        return None
    for label, pattern in (
        ("가족 간병", _FAMILY_CARE),
        ("임신·출산·육아", _CHILDCARE),
        ("본인 질병·부상", _ILLNESS),
    ):
        m = pattern.search(text)
        if m and _not_negated(text, m):
            return JustCause(label, m.start(), m.end())
    return None
