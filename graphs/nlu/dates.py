"""Date mentions: "2026년 3월", "작년 12월", "올해 1월", "지난달", "2025.12.31", "3월", "작년".

Past days relative to today ("어제", "지난주", "3일 전") are resolved to a day. A mention keeps whatever
precision was said; callers decide what it means (separation date, training start, the year a question is about). A month without a year is resolved by the caller (past for separations,
future for course starts).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from graphs.nlu.text import Scratch

_REL_YEARS: dict[str, int] = {
    "재작년": -2, "작년": -1, "지난해": -1, "지난 해": -1, "전년": -1, "올해": 0, "금년": 0, "올": 0,
    "이번 해": 0, "내년": 1, "다음 해": 1, "내후년": 2,
}
_REL_YEAR = "|".join(sorted((re.escape(k) for k in _REL_YEARS), key=len, reverse=True))

_FULL = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?![\d])\.?")
_YM_DOT = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})\s*(?:월|(?![\d.]))")
# a two-digit year said as a job's start: "20년에 입사", "19년도부터 다녔어요" (a bare "10년" is a duration)
_YEAR2_START = re.compile(r"(?<![\d.])(\d{2})\s*년\s*(?:도)?\s*(?=(?:에|부터|초|말)\s*(?:입사|취직|취업|들어|다니|다녔|근무|일했|일하))")
_YMD = re.compile(r"(?<![\d.])((?:19|20)\d{2}|\d{2})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?")
_REL_YM = re.compile(rf"({_REL_YEAR})\s*(\d{{1,2}})\s*월(?:\s*(\d{{1,2}})\s*일)?")
_REL_MONTH = re.compile(r"(지난\s*달|저번\s*달|지지난\s*달|이번\s*달|이달|다음\s*달|담\s*달|내달|다다음\s*달)")
# past days said relative to today ("지난주에 잘렸어요", "어제 그만뒀어요", "열흘 전", "3일 전")
_REL_DAY = re.compile(
    r"(?<![가-힣])(어제|그제|그저께|엊그제|지난\s*주|저번\s*주|지지난\s*주|며칠\s*전|일주일\s*전|열흘\s*전|보름\s*전)|"
    r"(?<![\d.])(\d{1,2})\s*(일|주)\s*전"
)
_REL_DAY_OFFSET: dict[str, int] = {
    "어제": 1, "그제": 2, "그저께": 2, "엊그제": 2, "지난주": 7, "저번주": 7, "지지난주": 14, "며칠전": 3,
    "일주일전": 7, "열흘전": 10, "보름전": 15,
}
# time since leaving a job, counted back from today: "퇴사한 지 13개월 됐는데", "그만둔 지 1년 2개월", "관둔지 8달 지났어요",
# "3개월 전에 퇴사했어요" (the span taken is the duration only, so it is never read as an insured period)
_SINCE_LEFT = re.compile(
    r"(?:퇴사|퇴직|이직|실직|해고\s*당|그만\s*[두둔]|관\s*[두둔]|잘[리린]|나[오온]|나와)[가-힣]{0,3}\s*지\s*(?:벌써\s*|이제\s*|한\s*|약\s*)?"
    r"(?P<a>(?:(?P<y>\d{1,2})\s*년(?:\s*(?:반|(?P<ym>\d{1,2})\s*개월))?|(?P<m>\d{1,3})\s*(?:개월|달)))|"
    r"(?<![\d.])(?P<b>(?:(?P<y2>\d{1,2})\s*년(?:\s*(?:반|(?P<ym2>\d{1,2})\s*개월))?|(?P<m2>\d{1,3})\s*(?:개월|달))\s*전)"
    r"(?=\s*(?:에|쯤|쯤에|정도|즈음)?\s*(?:퇴사|퇴직|이직|실직|해고|그만|관[두뒀뒀]|잘[렸리]|나왔|회사\s*(?:를\s*)?나))"
)
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*월(?!\s*급)(?:\s*(\d{1,2})\s*일)?")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*년(?:\s*도)?|(?<![가-힣])(" + _REL_YEAR + r")(?:에|엔|에는|부터|까지|\s|$|[.,?!])")

_REL_MONTH_OFFSET: dict[str, int] = {
    "지지난달": -2, "지난달": -1, "저번달": -1, "이번달": 0, "이달": 0,
    "다음달": 1, "담달": 1, "내달": 1, "다다음달": 2,
}


@dataclass(frozen=True)
class _Span:
    """A span inside a larger match (the duration of "퇴사한 지 13개월"), shaped like the part of a match ``add`` uses."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None  # None = not said (bare "3월")
    month: int | None  # None = only a year was said
    day: int | None = None

    def first_day(self, *, default_year: int) -> date | None:
        if self.month is None:
            return None
        return _safe_date(self.year or default_year, self.month, self.day or 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(today: date, offset: int) -> tuple[int, int]:
    index = today.year * 12 + (today.month - 1) + offset
    return index // 12, index % 12 + 1


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year(raw: str) -> int:
    value = int(raw)
    return value + 2000 if value < 100 else value


def find_dates(scratch: Scratch, today: date) -> list[DateMention]:
    """Date mentions in reading order; their spans are consumed from ``scratch``."""
    found: list[DateMention] = []

    def add(m: re.Match[str] | _Span, year: int | None, month: int | None, day: int | None) -> None:
        if month is not None and not 1 <= month <= 12:
            return
        if day is not None and (month is None or _safe_date(year or today.year, month, day) is None):
            day = None
        if day is None and month is not None:  # "지난달 말" = its last day, "3월 중순" = the 15th
            part = re.match(r"\s*(말|중순|하순|초순)", scratch.text[m.end() : m.end() + 4])
            if part:
                last = calendar.monthrange(year or today.year, month)[1]
                day = {"말": last, "하순": last, "중순": 15, "초순": 1}[part.group(1)]
        if year is not None and not 1950 <= year <= 2100:
            return
        found.append(DateMention(m.start(), m.end(), year, month, day))
        scratch.take(m.start(), m.end())

    for m in list(_FULL.finditer(scratch.text)):
        add(m, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in list(_YM_DOT.finditer(scratch.text)):
        add(m, int(m.group(1)), int(m.group(2)), None)
    for m in list(_YEAR2_START.finditer(scratch.text)):
        add(m, _year(m.group(1)), None, None)
    for m in list(_YMD.finditer(scratch.text)):
        add(m, _year(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    for m in list(_REL_YM.finditer(scratch.text)):
        offset = _REL_YEARS[re.sub(r"\s+", " ", m.group(1))]
        add(m, today.year + offset, int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    for m in list(_REL_MONTH.finditer(scratch.text)):
        year, month = shift_month(today, _REL_MONTH_OFFSET[re.sub(r"\s+", "", m.group(1))])
        add(m, year, month, None)
    for m in list(_REL_DAY.finditer(scratch.text)):
        if m.group(1):
            offset = _REL_DAY_OFFSET[re.sub(r"\s+", "", m.group(1))]
        else:
            offset = int(m.group(2)) * (7 if m.group(3) == "주" else 1)
        day = date.fromordinal(today.toordinal() - offset)
        add(m, day.year, day.month, day.day)
    for m in list(_SINCE_LEFT.finditer(scratch.text)):
        group = "a" if m.group("a") else "b"
        suffix = "" if group == "a" else "2"
        years = int(m.group("y" + suffix) or 0)
        half = "반" in m.group(group)
        months = years * 12 + (6 if half else int(m.group("ym" + suffix) or 0)) + int(m.group("m" + suffix) or 0)
        if not 0 < months <= 600:
            continue
        year, month = shift_month(today, -months)
        add(_Span(m.start(group), m.end(group)), year, month, min(today.day, calendar.monthrange(year, month)[1]))
    for m in list(_MONTH.finditer(scratch.text)):
        add(m, None, int(m.group(1)), int(m.group(2)) if m.group(2) else None)
    for m in list(_YEAR.finditer(scratch.text)):
        if m.group(1):
            add(m, int(m.group(1)), None, None)
        else:
            add(m, today.year + _REL_YEARS[re.sub(r"\s+", " ", m.group(2))], None, None)
    return sorted(found, key=lambda d: d.start)
