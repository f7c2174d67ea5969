"""A one-line request ("호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포") → :class:`DraftConditions`.

The project's Korean readers do the figures: pay (``graphs.nlu.slots.extract_pay``: 월/시급/일당/연봉, "260만원",
"월 250"), days and hours (``extract_hours``), employment type and Jeju places (``graphs.nlu.gazetteer``). This
module adds what a posting request has on top: clock times, weekday ranges, 휴게, 모집 인원, and the clauses that are
자격 (필수), 우대 or 복리후생. Conditions the law forbids in a posting (연령, 성별, 용모·신체, 혼인 …) are found with the
posting checker's own rules and left out, each with its article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from graphs.capabilities.posting_check import check_posting
from graphs.capabilities.posting_check.checker import days_per_week
from graphs.capabilities.posting_draft.models import DraftConditions, EmploymentKo, PayKindKo, Removed
from graphs.nlu.gazetteer import find_places, resolve
from graphs.nlu.numbers import number_at, to_won
from graphs.nlu.slots import PayKind, PayMention, extract_employment_type, extract_hours, extract_pay
from graphs.nlu.text import Scratch

# posting-check rules whose findings in a request are conditions to leave out of the draft
EXCLUDED_RULES = frozenset({"age", "gender", "body_marital", "personal_info", "applicant_cost"})
PAY_KO: dict[PayKind, PayKindKo] = {"hourly": "시급", "daily": "일급", "monthly": "월급", "annual": "연봉"}

_CLAUSE_SPLIT = re.compile(
    r"[,.\n;/]|(?<=[가-힣])\s+(?=(?:월|시급|일당|일급|연봉|주\s*\d)\s*\d)|(?<=줘|요|다)\s+"
)
_REQUEST_WORDS = re.compile(
    r"(?:구인\s*공고|채용\s*공고|모집\s*공고|공고문?|구인|채용|모집|구함|구해요?|뽑(?:아|고|을)[가-힣]*|초안|"
    r"작성\s*(?:해\s*줘|해\s*주세요|부탁(?:해요|합니다)?)|만들어\s*(?:줘|주세요)|써\s*(?:줘|주세요)|좀|부탁해요?)"
)
_JOB_NOISE = re.compile(
    r"정규직|계약직|기간제|시간제|일용직|아르바이트|알바|파트\s*타임|직원|인력|사람|근무자|\d+\s*명|[을를이가은는의]$"
)
_TIME = (
    r"(?:(?P<{p}ap>오전|오후|낮|밤|새벽)\s*)?(?P<{p}h>\d{{1,2}})"
    r"(?::(?P<{p}m>\d{{2}})|\s*시(?:\s*(?P<{p}m2>\d{{1,2}})\s*분|\s*반)?)"
)
_TIME_SPAN = re.compile(
    _TIME.format(p="a") + r"\s*(?:~|∼|-|–|부터)\s*" + _TIME.format(p="b") + r"(?:\s*까지)?"
)
_BREAK = re.compile(r"(?:휴게|휴식|점심)\s*(?:시간)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>시간|분)")
_EMPLOYEES = re.compile(
    r"(?:상시\s*(?:근로자)?|직원|근로자|사업장\s*규모)\s*(?:수\s*)?(?:는|은|이|가)?\s*(?P<n>\d+)\s*명"
)
_HEADCOUNT = re.compile(r"(?:모집\s*인원|인원|채용\s*인원)?\s*:?\s*(?P<n>\d+)\s*명")
_PREFERENCE = re.compile(r"우대")
_QUALIFICATION = re.compile(r"자격증?|면허|필수|소지|이수|경력\s*\d|경력자\s*만|신입\s*가능|학력|졸업")
_BENEFIT = re.compile(
    r"기숙사|숙소|식사|중식|석식|조식|식대|4대\s*보험|사대\s*보험|상여|보너스|퇴직금|통근|셔틀|주차|유니폼|근무복|"
    r"휴가|연차|명절|인센티브|복지|교통비|제공|지원"
)
_DUTY = re.compile(r"업무|담당|관리|응대|정리|청소|조리|판매|운전|배송|안내|상담")
_CAREER = re.compile(r"(?:신입|경력\s*\d+\s*년\s*이상|경력\s*무관|경력자|경력)(?:\s*(?:가능|환영|무관|만))?")
_BENEFIT_PHRASE = re.compile(
    r"(?:기숙사|숙소|식사|중식|석식|조식|식대|4대\s*보험|사대\s*보험|상여금?|퇴직금|통근\s*(?:버스|차량)?|셔틀|"
    r"주차|유니폼|근무복|명절\s*선물|인센티브|교통비)\s*(?:제공|지원|지급|가입|운행|가능)?"
)
_EDUCATION = re.compile(r"학력\s*무관|고졸\s*이상|대졸\s*이상|초대졸\s*이상|고졸|대졸")


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    text: str


def _clauses(text: str) -> list[_Clause]:
    out, pos = [], 0
    for m in _CLAUSE_SPLIT.finditer(text + "\n"):
        raw = text[pos : m.start()]
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            out.append(_Clause(start, start + len(stripped), stripped))
        pos = m.end()
    return out


def _clock(ap: str | None, h: str, m: str | None, m2: str | None, half: bool) -> tuple[int, int]:
    hour = int(h)
    minute = int(m or m2 or (30 if half else 0))
    if ap in ("오후", "밤") and hour < 12:
        hour += 12
    return hour % 24, minute


def parse_times(text: str) -> tuple[str, str, tuple[int, int]] | None:
    """The first working-time span ("09:00~18:00", "9시부터 6시", "오후 2시~10시") as HH:MM strings."""
    for m in _TIME_SPAN.finditer(text):
        if re.search(r"(?:휴게|휴식|점심)\s*(?:시간)?\s*$", text[max(0, m.start() - 8) : m.start()]):
            continue
        g = m.groupdict()
        half_a = "반" in text[m.start("ah") : m.start("bh")].split("~")[0] if g["am"] is None else False
        sh, sm = _clock(g["aap"], g["ah"], g["am"], g["am2"], half_a)
        eh, em = _clock(
            g["bap"] or (g["aap"] if g["aap"] in ("오후", "밤") else None),
            g["bh"],
            g["bm"],
            g["bm2"],
            m.group(0).rstrip("까지 ").endswith("반"),
        )
        colon = g["am"] is not None and g["bm"] is not None
        if not colon and g["bap"] is None and eh <= sh and eh + 12 > sh and eh < 12:
            eh += 12  # "9시~6시" is 09:00~18:00
        if not (0 <= sh < 24 and 0 <= eh < 24):
            continue
        return f"{sh:02d}:{sm:02d}", f"{eh:02d}:{em:02d}", (m.start(), m.end())
    return None


def parse_workdays(text: str) -> tuple[str, int] | None:
    """Weekdays as said ("월~금" → 5, "월·수·금" → 3, "평일" → 5, "주말" → 2), read by the posting checker's
    schedule reader ("주 N일" is left to :func:`graphs.nlu.slots.extract_hours`)."""
    found = days_per_week(text)
    if found is None:
        return None
    days, (start, end) = found
    label = text[start:end]
    return None if re.match(r"주\s*\d", label) else (label, int(days))


def _pay_range_max(text: str, end: int, kind: PayKind) -> int | None:
    m = re.match(r"\s*(?:~|∼|-|–)\s*", text[end:])
    if not m:
        return None
    number = number_at(text, end + m.end())
    return None if number is None else to_won(number, kind)


def _forbidden(text: str, today: date) -> list[tuple[int, int, Removed]]:
    report = check_posting(text, year=today.year)
    return [
        (
            f.start,
            f.end,
            Removed(
                quote=f.quote,
                rule_id=f.rule_id,
                rule_name=f.rule_name,
                law=f.law,
                article=f.article,
                reason=f.explanation,
            ),
        )
        for f in report.findings
        if f.rule_id in EXCLUDED_RULES
    ]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" :-·")
    return re.sub(r"^(?:및|그리고|또|또한)\s+", "", text)


def _without(clause: _Clause, spans: list[tuple[int, int, Removed]]) -> str:
    """The clause with the forbidden spans cut out."""
    chars = list(clause.text)
    for start, end, _ in spans:
        for i in range(max(start, clause.start), min(end, clause.end)):
            chars[i - clause.start] = " "
    return _clean("".join(chars))


def _job_phrase(text: str) -> str | None:
    """The words before the request words in the first clause ("호텔 객실관리 구인공고 …" → "호텔 객실관리")."""
    first = _clauses(text)[0].text if text.strip() else ""
    m = _REQUEST_WORDS.search(first)
    head = first[: m.start()] if m else first
    for place in sorted(find_places(head), key=lambda p: -p.start):
        head = head[: place.start] + head[place.end :]
    head = re.sub(r"(?:제주(?:도|특별자치도)?|서귀포(?:시)?)(?:에서|의|에)?", " ", head)
    head = _JOB_NOISE.sub(" ", head)
    head = re.sub(r"(?:에서|에|의)\s", " ", head + " ")
    words = [w for w in head.split() if w not in {"에서", "에", "의"}]
    return " ".join(words) or None


def parse_request(text: str, *, today: date) -> tuple[DraftConditions, list[Removed]]:
    """Read a one-line request into conditions; the conditions the law forbids in a posting come back as removed."""
    forbidden = _forbidden(text, today)
    masked = text
    for start, end, _ in forbidden:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    scratch = Scratch(text)
    pays = [p for p in extract_pay(scratch, today) if not p.past]
    hours = extract_hours(Scratch(text))
    kind = extract_employment_type(Scratch(text))
    employment: EmploymentKo | None = None if kind == "기타" else kind
    city, district = resolve(find_places(text))

    cond = DraftConditions(request=text, city=city, district=district, employment_type=employment)
    if pays:
        pay = pays[0]
        cond.pay_kind = PAY_KO[pay.kind]
        cond.pay_amount = pay.amount
        cond.pay_max = _pay_range_max(text, pay.end, pay.kind)
        cond.pay_is_minimum_wage = "최저" in text[pay.start : pay.end]
    cond.weekly_hours = hours.weekly
    cond.daily_hours = hours.daily
    cond.days_per_week = hours.days_per_week
    days = parse_workdays(text)
    if days:
        cond.workdays, counted = days
        cond.days_per_week = cond.days_per_week or counted
    if cond.workdays is None and "격일" in text:
        cond.workdays = "격일 근무"
    times = parse_times(text)
    if times:
        cond.start_time, cond.end_time, _ = times
    brk = _BREAK.search(text)
    if brk:
        cond.break_text = f"{brk.group('n')}{brk.group('u')}"
    emp = _EMPLOYEES.search(text)
    if emp:
        cond.employees = int(emp.group("n")) or None
    for m in _HEADCOUNT.finditer(text):
        if emp and emp.start() <= m.start("n") < emp.end():
            continue
        cond.headcount = int(m.group("n")) or None
        break
    cond.job = _job_phrase(masked)

    for clause in _clauses(text):
        body = _without(clause, forbidden)
        if not body or _REQUEST_WORDS.fullmatch(body):
            continue
        if _PREFERENCE.search(body):
            item = _clean(re.sub(r"\s*(?:을|를)?\s*우대(?:합니다|해요|함)?\s*$", "", body))
            if item and item not in cond.preferences:
                cond.preferences.append(item)
        elif _QUALIFICATION.search(body) and not pays_in(clause, pays):
            edu = _EDUCATION.search(body)
            car = _CAREER.search(body)
            if edu and _clean(body) == edu.group(0):
                cond.education = edu.group(0)
            elif car and _clean(body) == car.group(0):
                cond.career = car.group(0)
            elif car and car.start() == 0 and _clean(body[car.end() :]) == "":
                cond.career = car.group(0)
            elif body not in cond.qualifications:
                cond.qualifications.append(body)
        elif _BENEFIT.search(body) and not pays_in(clause, pays) and not _REQUEST_WORDS.search(body):
            if body not in cond.benefits:
                cond.benefits.append(body)
        else:
            for m in _BENEFIT_PHRASE.finditer(body):
                if m.group(0).strip() not in cond.benefits:
                    cond.benefits.append(m.group(0).strip())
    return cond, [r for _, _, r in forbidden]


def pays_in(clause: _Clause, pays: list[PayMention]) -> bool:
    return any(clause.start <= p.start < clause.end for p in pays)
