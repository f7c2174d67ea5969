"""Work history said in passing: 병역, the job before this one (고용보험법 제50조④), 조기재취업수당 facts, and which
date mentions are a job's start rather than its end.

Each extractor reads a :class:`Scratch`, returns what it found and blanks what it consumed, so the general period
extractor (graphs/nlu/slots.py) does not read "군대 2년" or "전 직장 5년" as this job's insured period.

* 병역 → months served: "군대 2년" = 24, "군 복무 21개월" = 21, "병역 마침(육군 18개월)" = 18, "1년 9개월 복무" = 21.
  "현역 제대", "군필" say no length: nothing is filled (the rules ask).
* Prior job: "5년 다니고 실업급여 받았고, 이번 회사 1년" → prior 1,827 days, paid, this job 366 days;
  "전 직장 3년 (실업급여 안 받음), 6개월 쉬고 지금 회사 2년" → prior 1,096, not paid, gap 180, this job 731.
* 조기재취업수당: "실업신고 30일 뒤 취업" → 30 days from the claim; "150일 중 100일 남았고" → 150 total, 100
  remaining ("150일 중 50일 받았고" → 100 remaining); "12개월 넘게 일할 예정" → 12 months expected.
Days use the NLU's documented normalisation (:func:`years_days`): a stated "N년" is N calendar years, read as the
most days N calendar years can span (N × 365 + ⌈N/4⌉ leap days), because 별표1 bands count calendar years and
3,650 days are less than 10 years; months × 30, weeks × 7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphs.nlu.dates import DateMention
from graphs.nlu.text import Scratch

DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30
HALF_YEAR_DAYS = 180


def years_days(years: float) -> int:
    """Days for a stated number of years. Whole years are calendar years (고용보험법 별표1 counts 피보험기간 in
    calendar years): the longest span N calendar years can have, N × 365 + ⌈N/4⌉ (one 29 February per started
    four years), so "10년" is 3,653 days and never falls below 10 years on any calendar; a fraction counts 365 days
    a year ("1.5년" = 366 + 182)."""
    whole = int(years)
    return whole * DAYS_PER_YEAR + -(-whole // 4) + round((years - whole) * DAYS_PER_YEAR)


_DUR = r"(?P<dur>(?P<y>\d{1,2})\s*년\s*(?P<half>반)?(?:\s*(?P<m1>\d{1,2})\s*(?:개월|달))?|(?P<m2>\d{1,3})\s*(?:개월|달))"
_DUR_RE = re.compile(r"(?<![\d.])" + _DUR + r"(?!\s*(?:생|전|후|뒤|만에|째\s*밀))")


def _months(m: re.Match[str]) -> int:
    years = int(m.group("y")) if m.group("y") else 0
    months = int(m.group("m1") or m.group("m2") or 0)
    return years * 12 + months + (6 if m.group("half") else 0)


def duration_days(m: re.Match[str], qualifier: str | None = None) -> int:
    """Days of a duration match with groups y (years), half ("반"), m1/m2 (months): calendar years
    (:func:`years_days`), months × 30, "반" = 180. ``qualifier`` is what followed it (:func:`bound_of`): "more"
    ("5년 넘게") is one day past that bound, "less" ("1년이 안 됐어요", "1년 미만") one day short of N × 365, which is
    under N years on every calendar."""
    years = int(m.group("y")) if m.group("y") else 0
    months = int(m.group("m1") or m.group("m2") or 0)
    rest = months * DAYS_PER_MONTH + (HALF_YEAR_DAYS if m.group("half") else 0)
    if qualifier == "less":
        return max(years * DAYS_PER_YEAR + rest - 1, 0)
    return years_days(years) + rest + (1 if qualifier == "more" else 0)


_MORE_AFTER = re.compile(r"^\s*(?:이|가|은|는)?\s*(?:훨씬\s*|좀\s*|조금\s*)?(?:넘게|넘었|넘는|넘어|넘음|초과|남짓|이상\s*넘)")
_LESS_AFTER = re.compile(
    r"^\s*(?:이|가|은|는|도)?\s*(?:채\s*)?(?:안\s*(?:됐|되|돼|된|됨|넘|찼|차)|미만|못\s*(?:됐|되|돼|채|넘|미처)|"
    r"덜\s*(?:됐|돼|되|채)|좀\s*안\s*(?:돼|되|됐)|다\s*안\s*(?:돼|되|됐))"
)


def bound_of(after: str) -> str | None:
    """"more" when the words after a duration say it was exceeded ("넘게", "넘었어요"), "less" when it was not
    reached ("이 안 됐으면", "미만", "도 안 돼요", "못 채우고"), else None (the duration as said)."""
    if _LESS_AFTER.match(after):
        return "less"
    if _MORE_AFTER.match(after):
        return "more"
    return None


# ---------------------------------------------------------------- 병역
_MIL_WORD = (
    r"군필|군\s*필|군대|군\s*복무|군\s*생활|병역|의무\s*복무|현역|육군|해군|공군|해병대?|의경|의무\s*경찰|사회\s*복무(?:\s*요원)?|"
    r"공익(?:\s*근무)?|산업\s*기능\s*요원|전문\s*연구\s*요원|상근\s*예비역|카투사|부사관|(?<![가-힣])군(?=\s*(?:에서|에|\d))"
)
_MIL_GAP = (
    r"[\s(:,]*(?:(?:을|를|은|는|이|가|로|으로|에서|에|만|다녀옴|다녀왔고|마침|마치고|마쳤고|필|인데|이고)\s*[\s(:,]*)?"
    r"(?:(?:육군|해군|공군|해병대?|현역|의경|사회\s*복무\s*요원|공익)\s*(?:으로|로)?\s*[\s(:,]*)?"
)
_MIL_AFTER = re.compile(rf"(?:{_MIL_WORD}){_MIL_GAP}(?<![\d.]){_DUR}")
_MIL_BEFORE = re.compile(
    rf"(?<![\d.]){_DUR}\s*(?:동안|간|정도)?\s*(?:을|를)?\s*(?:군\s*(?:대|복무|생활)|복무|{_MIL_WORD})"
)


def extract_military(s: Scratch) -> int | None:
    """Months of military service stated with a length; None when only the fact was said ("군필", "현역 제대")."""
    for pattern in (_MIL_AFTER, _MIL_BEFORE):
        m = pattern.search(s.text)
        if m:
            months = _months(m)
            if 0 < months <= 120:
                s.take(m.start(), m.end())
                return months
    return None


# ---------------------------------------------------------------- the job before this one (제50조④)
_CURRENT_JOB = re.compile(
    r"(?:이번|요번|지금|현재|현|새|새로운|마지막|최근|다음)\s*(?:회사|직장|일자리|곳|데|직장은|회사는)|"
    r"(?:다시|새로)\s*(?:취업|취직|입사)\s*(?:해서|한|했고|하고)|재취업\s*(?:해서|한|했고|하고)"
)
_PRIOR_JOB = re.compile(r"(?:전|이전|예전|첫|앞|옛|원래|처음)\s*(?:회사|직장|일자리|곳)|그\s*전\s*(?:에|회사|직장)")
_BENEFIT = r"(?:실업\s*급여|구직\s*급여|실업\s*수당|실급)"
_PAID = re.compile(
    _BENEFIT + r"\s*(?:를|을|도|는|까지)?\s*(?:다\s*)?(?:받았|탔|타\s*먹|받은\s*적\s*(?:이\s*)?있|수급\s*했|받고\s*(?:나서|난\s*뒤|끝나)|"
    r"받다가|받고서|받음|받았었)"
)
_NOT_PAID = re.compile(
    _BENEFIT + r"\s*(?:를|을|는|은|도)?\s*(?:안|못)\s*(?:받|탔|타)|"
    + _BENEFIT + r"\s*(?:를|을)?\s*(?:받은\s*적|수급\s*한\s*적|수급)\s*(?:은|이)?\s*없"
)
_GAP = re.compile(r"(?<![\d.])" + _DUR + r"\s*(?:정도|가량|쯤|넘게|동안)?\s*(?:을|를)?\s*(?:쉬|놀|공백|백수|실직|구직|쉼)")
_WORK_AFTER = re.compile(
    r"^\s*(?:정도\s*|쯤\s*|가량\s*|넘게\s*|이상\s*|동안\s*|을\s*|를\s*|간\s*)*(?:다니|다녔|다닌|근무|일했|일하|일\s*했|재직|근속|가입|있었|\)|,|$|이고|인데|요)"
)
_WORK_BEFORE = re.compile(r"(?:회사|직장|곳|데|근무|고용\s*보험|피보험|다닌\s*건|다닌\s*게|다닌\s*지)\s*(?:은|는|에서|이|가)?\s*$")


@dataclass
class PriorInfo:
    prior_days: int | None = None
    paid: bool | None = None
    gap_days: int | None = None
    current_days: int | None = None


def _work_durations(s: Scratch) -> list[re.Match[str]]:
    out = []
    for m in _DUR_RE.finditer(s.text):
        before = s.text[max(0, m.start() - 14) : m.start()]
        after = s.text[m.end() : m.end() + 14]
        if _WORK_AFTER.match(after) or _WORK_BEFORE.search(before) or _CURRENT_JOB.search(before) or _PRIOR_JOB.search(before):
            out.append(m)
    return out


def _days(text: str, m: re.Match[str]) -> int:
    """Days of a duration said in ``text``, with the bound said right after it ("4년 넘게 쉬다가")."""
    end = m.end("dur") if "dur" in m.re.groupindex else m.end()
    return duration_days(m, bound_of(text[end : end + 12]))


def extract_prior(s: Scratch) -> PriorInfo:
    """A prior job and this job, when the text talks about both (a 'this job' / 'previous job' word, or benefits
    already received between two periods). Returns nothing when only one job is mentioned."""
    info = PriorInfo()
    text = s.text
    current = _CURRENT_JOB.search(text)
    prior_word = _PRIOR_JOB.search(text)
    paid = _PAID.search(text)
    not_paid = _NOT_PAID.search(text)
    if not (current or prior_word or paid or not_paid):
        return info
    gap = _GAP.search(text)
    if gap:
        s.take(gap.start(), gap.end())
    durations = _work_durations(s)
    if not durations:
        if gap and (current or prior_word):
            info.gap_days = _days(s.text, gap)
        return info
    prior: list[re.Match[str]] = []
    now: re.Match[str] | None = None
    if current:
        prior = [m for m in durations if m.end() <= current.start()]
        now = next((m for m in durations if m.start() >= current.start()), None)
    elif len(durations) >= 2:  # "전 직장 3년 … 1년", "5년 다니고 실업급여 받았고, 1년 다녔어요"
        benefit = paid or not_paid
        split_ok = prior_word is not None or (benefit is not None and durations[0].end() <= benefit.start() < durations[1].start())
        if split_ok:
            prior, now = durations[:-1], durations[-1]
    elif prior_word and durations[0].start() >= prior_word.start():
        prior = durations[:1]
    if not prior and now is None:
        return info
    if prior:
        info.prior_days = sum(_days(text, m) for m in prior)
        info.paid = False if not_paid else True if paid else None
        info.gap_days = _days(text, gap) if gap else None
    if now is not None:
        info.current_days = _days(text, now)
    for m in [*prior, *([now] if now is not None else [])]:
        s.take(m.start(), m.end())
    return info


# ---------------------------------------------------------------- 조기재취업수당 facts
_CLAIM_TO_JOB = re.compile(
    r"(?:실업\s*신고|수급\s*자격\s*(?:인정)?|구직\s*(?:신청|등록)|실업\s*급여\s*(?:신청|받기\s*시작)|신청)\s*"
    r"(?:을|를)?\s*(?:하고|한\s*(?:지|뒤|후|다음)|후|뒤|부터|하고\s*나서|한\s*지|받고|받은\s*(?:지|뒤|후)|받고\s*나서)?\s*"
    r"(?P<n>\d{1,3})\s*(?P<unit>일|주|개월|달)\s*(?:만에|뒤|후|지나서|째|지나고|정도\s*(?:뒤|후|만에))"
)
_TOTAL_REMAINING = re.compile(
    r"(?P<total>\d{2,3})\s*일\s*(?:중|중에|중에서|가운데|에서)\s*(?P<n>\d{1,3})\s*일\s*(?:이|을|은|정도|쯤)?\s*"
    r"(?:(?P<left>남았는데|남았고|남았어|남았|남은|남아|남음|남)|(?P<used>받았|받고|탔|썼|받음|지났|지급))"
)
_REMAINING = re.compile(r"(?<![\d.])(?P<n>\d{1,3})\s*일\s*(?:이|을|정도|쯤)?\s*(?:더\s*)?(?:남았는데|남았고|남았어|남았|남은|남아|남음)")
_TOTAL = re.compile(r"(?:소정\s*급여\s*일수|총\s*(?:급여\s*)?일수|받을\s*수\s*있는\s*(?:날|기간|일수))\s*(?:가|는|은|이)?\s*(?:총\s*)?(?P<n>\d{2,3})\s*일")
_EXPECTED_MONTHS = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2})\s*(?P<unit>개월|달|년)\s*(?:이상|넘게|넘어|넘는|정도|짜리|동안)?\s*(?:은\s*|는\s*|를\s*)?"
    r"(?:일할|근무할|다닐|계약|고용|일하기로|근무하기로|다니기로|근로\s*계약|예정|이상\s*일)"
)
_EXPECTED_CONTRACT = re.compile(
    r"(?:(?:근로\s*)?계약\s*기간|근로\s*계약|고용\s*기간)\s*(?:은|이|이요|이\s*)?\s*(?P<n>\d{1,2})\s*(?P<unit>개월|달|년)"
)


@dataclass
class ReemploymentInfo:
    days_from_claim: int | None = None
    total_days: int | None = None
    remaining_days: int | None = None
    expected_months: int | None = None


def extract_reemployment(s: Scratch) -> ReemploymentInfo:
    info = ReemploymentInfo()
    m = _CLAIM_TO_JOB.search(s.text)
    if m:
        n, unit = int(m.group("n")), m.group("unit")
        info.days_from_claim = n * (7 if unit == "주" else DAYS_PER_MONTH if unit in ("개월", "달") else 1)
        s.take(m.start(), m.end())
    m = _TOTAL_REMAINING.search(s.text)
    if m:
        total, n = int(m.group("total")), int(m.group("n"))
        info.total_days = total
        if m.group("left"):
            info.remaining_days = n
        elif n <= total:
            info.remaining_days = total - n
        s.take(m.start(), m.end())
    if info.remaining_days is None:
        m = _REMAINING.search(s.text)
        if m:
            info.remaining_days = int(m.group("n"))
            s.take(m.start(), m.end())
    if info.total_days is None:
        m = _TOTAL.search(s.text)
        if m:
            info.total_days = int(m.group("n"))
            s.take(m.start(), m.end())
    for pattern in (_EXPECTED_MONTHS, _EXPECTED_CONTRACT):
        m = pattern.search(s.text)
        if m:
            n = int(m.group("n"))
            info.expected_months = n * 12 if m.group("unit") == "년" else n
            s.take(m.start(), m.end())
            break
    return info


# ---------------------------------------------------------------- start dates
# "작년 10월에 지금 회사 들어왔는데", "2024년에 (주)한라에 입사": up to one place word between the date and the verb
_START_AFTER = re.compile(
    r"^\s*(?:초|말|중순|쯤|경|께|봄|여름|가을|겨울)?\s*(?:"
    r"(?:에|에는|에서)?\s*(?:(?:지금|현재|이번|요번|새|새로운|여기|이)\s*(?:회사|직장|일자리|곳|데|가게|매장)\s*(?:에|로|으로)?\s*"
    r"(?:옮겼|옮긴|옮겨)?|[가-힣a-z0-9()]{1,10}\s*(?:에|로|으로)\s*)?"
    r"(?:입사|취직|취업|들어가|들어갔|들어간|들어와|들어왔|들어온|들어옴|첫\s*출근|채용\s*(?:돼|됐|되)|일\s*시작|일하기\s*시작|"
    r"(?<=[에로]\s)옮겼|(?<=[에로])옮겼)|"
    r"부터\s*(?:[가-힣]{1,8}\s*){0,2}?(?:다녔|다니|다닌|일했|일하|일한|일을|일\s*했|근무|재직|출근|시작)"
    r")"
)
_START_BEFORE = re.compile(r"(?:입사|입사일|입사한\s*(?:날|건|게|때)|들어간\s*(?:날|건|게|때)|취업한\s*(?:날|건|게))\s*(?:은|는|이|가|이요)?\s*$")


_SEASON_AFTER = re.compile(r"^\s*(봄|여름|가을|겨울)")
_SEASON_END_MONTH = {"봄": 5, "여름": 8, "가을": 11, "겨울": 12}


def season_end_month(text: str, mention: DateMention) -> int | None:
    """The last month of a season said right after a year ("작년 여름부터" → 8), for a start date."""
    m = _SEASON_AFTER.match(text[mention.end : mention.end + 6])
    return _SEASON_END_MONTH[m.group(1)] if m else None


def is_start(text: str, mention: DateMention) -> bool:
    """True when the date mention is when a job began ("작년 3월부터 다녔고", "2024년에 입사", "입사일은 5월 1일")."""
    return bool(
        _START_AFTER.match(text[mention.end : mention.end + 24])
        or _START_BEFORE.search(text[max(0, mention.start - 14) : mention.start])
    )
