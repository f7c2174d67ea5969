"""Korean number expressions.

* :func:`find_numbers` / :func:`number_at` read arabic digits (with thousands commas and decimals), sino-Korean
  numerals (일 이 삼 … 구) and the units 십·백·천·만·억·조, mixed the way people type them:
  "300만원", "2백5십만", "1만2천", "1만 2천원", "3천만", "삼백만원", "4억5천" (colloquially 4억 5천만).
* :func:`amount_in` reads a whole money text ("1만 500원", "260 만원", "1억 2천만원") as 원, None for a bare
  number (no 원/만/천/억): the one reader of written amounts (NLU, posting check, the LLM number check).
* :func:`to_won` turns a number said in a pay/money context into 원, reading bare numbers the way Koreans
  say them ("월 250" = 250만원, "연봉 3천" = 3천만원, "일당 15" = 15만원).
* :func:`native_age` reads native Korean age numerals ("마흔다섯", "스무", "쉰둘").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

SINO_DIGITS: dict[str, int] = {
    "영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9,
}
SMALL_UNITS: dict[str, int] = {"십": 10, "백": 100, "천": 1_000}
BIG_UNITS: dict[str, int] = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?")
_HANGUL = re.compile(r"[가-힣]")

MoneyKind = Literal["hourly", "daily", "monthly", "annual", "lump"]


@dataclass(frozen=True)
class NumberMatch:
    """One number expression found in a text: its value and where it is."""

    value: float
    start: int
    end: int  # after the number (and after a trailing "원" when there is one)
    big_unit: bool  # 만/억/조 was written
    won: bool  # followed by "원"
    digits: bool  # written with at least one digit (arabic or sino), not only units


def _is_unit(ch: str) -> bool:
    return ch in SMALL_UNITS or ch in BIG_UNITS


def _can_start(text: str, i: int) -> bool:
    ch = text[i]
    if ch.isascii() and ch.isdigit():
        return i == 0 or not (text[i - 1].isascii() and (text[i - 1].isdigit() or text[i - 1] in ".,"))
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in SINO_DIGITS:
        prev = text[i - 1] if i > 0 else " "
        return _is_unit(nxt) and not _HANGUL.match(prev)
    if ch in SMALL_UNITS:
        return True
    if ch in BIG_UNITS:  # "만원" (= 10,000원) is the only sensible number starting with a big unit
        return nxt == "원"
    return False


def _unit_after_space(text: str, j: int) -> bool:
    """``text[j]`` is one space before a unit that is part of the number ("260 만원", "3 천만원"), not a word
    starting with a unit's syllable ("30 백수", "2 만큼")."""
    n = len(text)
    if not (text[j] == " " and j + 1 < n and _is_unit(text[j + 1])):
        return False
    after = text[j + 2] if j + 2 < n else " "
    return not _HANGUL.match(after) or _is_unit(after) or after == "원"


def _sino_ones_digit(text: str, j: int, arabic: bool) -> bool:
    """A trailing sino digit after a small unit in an all-hangul number ("사십오"), but not "이상"/"이하"."""
    if arabic or j == 0 or text[j - 1] not in SMALL_UNITS:
        return False
    nxt = text[j + 1] if j + 1 < len(text) else ""
    return not (text[j] == "이" and nxt in "상하내후전")


def number_at(text: str, i: int) -> NumberMatch | None:
    """The number expression starting exactly at ``text[i]``, or None."""
    n = len(text)
    if i >= n or not _can_start(text, i):
        return None
    j = i
    total = 0.0
    section = 0.0
    pending: float | None = None
    last_big = 0
    big_seen = False
    digits = False
    remainder_after_big = False
    arabic = False
    ordinal = i > 0 and text[i - 1] == "제"  # "제50조", "제2항": an article's number, no units
    while j < n:
        ch = text[j]
        if ordinal and pending is not None:
            break
        if ch == " " and pending is not None and _unit_after_space(text, j):
            j += 1
            continue
        if ch.isascii() and ch.isdigit():
            if pending is not None:
                break
            m = _ARABIC.match(text, j)
            if m is None:  # pragma: no cover - a digit always matches
                break
            pending = float(m.group().replace(",", ""))
            digits = arabic = True
            j = m.end()
            continue
        if ch in SINO_DIGITS and pending is None and (
            (j + 1 < n and _is_unit(text[j + 1])) or _sino_ones_digit(text, j, arabic)
        ):
            pending = float(SINO_DIGITS[ch])
            digits = True
            j += 1
            continue
        if ch in SMALL_UNITS:
            section += (pending if pending is not None else 1.0) * SMALL_UNITS[ch]
            pending = None
            if last_big:
                remainder_after_big = True
            j += 1
            continue
        if ch in BIG_UNITS:
            group = section + (pending or 0.0)
            total += (group if group else 1.0) * BIG_UNITS[ch]
            section, pending = 0.0, None
            last_big = BIG_UNITS[ch]
            big_seen = True
            remainder_after_big = False
            j += 1
            # "1만 2천원", "4억 5천": one space between the parts of one number
            if j + 1 < n and text[j] == " " and (
                (text[j + 1].isascii() and text[j + 1].isdigit())
                or (text[j + 1] in SINO_DIGITS and j + 2 < n and _is_unit(text[j + 2]))
            ):
                j += 1
            continue
        break
    end = j
    while end > i and text[end - 1] == " ":
        end -= 1
    remainder = section + (pending or 0.0)
    if pending is not None and last_big:
        remainder_after_big = True
    if last_big == BIG_UNITS["억"] and remainder_after_big and 0 < remainder < 10_000:
        remainder *= 10_000  # "4억5천" = 4억 5천만
    value = total + remainder
    k = end
    while k < n and text[k] == " ":
        k += 1
    won = k < n and text[k] == "원"
    if won:
        end = k + 1
    if not digits and not won:
        return None
    if end == i:
        return None
    return NumberMatch(value=value, start=i, end=end, big_unit=big_seen, won=won, digits=digits)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text``, left to right, not overlapping."""
    found: list[NumberMatch] = []
    i = 0
    while i < len(text):
        m = number_at(text, i)
        if m is None:
            i += 1
            continue
        found.append(m)
        i = max(m.end, i + 1)
    return found


def amount_in(raw: str) -> int | None:
    """A whole money text as 원: "10,320원" 10320, "1만 500원" 10500, "260만원" 2600000, "1억 2천만원" 120000000,
    "4억5천" 450000000 (spoken: 4억 5천만). None when the text is not one amount or has no 원/만/천/억
    (a bare number is not money)."""
    s = raw.strip()
    if not re.search(r"[원만천억]", s):
        return None
    m = number_at(s, 0)
    if m is None or m.end != len(s) or m.value <= 0:
        return None
    return int(round(m.value))


def to_won(m: NumberMatch, kind: MoneyKind) -> int:
    """The amount in 원. Bare numbers are read in 만원 where that is how people talk:
    monthly/annual/lump sums below 100,000 ("월 250", "연봉 3천", "재산 3") and daily pay below 1,000 ("일당 15").
    Hourly pay is never scaled ("시급 9860")."""
    value = m.value
    if not m.big_unit and not m.won:
        if kind in ("monthly", "annual", "lump") and value < 100_000:
            value *= 10_000
        elif kind == "daily" and value < 1_000:
            value *= 10_000
    return int(round(value))


# --- native Korean numerals (ages)
NATIVE_TENS: dict[str, int] = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
    "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
NATIVE_ONES: dict[str, int] = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
NATIVE_AGE = re.compile(
    r"(?P<tens>" + "|".join(sorted(NATIVE_TENS, key=len, reverse=True)) + r")\s?"
    r"(?P<ones>" + "|".join(sorted(NATIVE_ONES, key=len, reverse=True)) + r")?"
)


def native_age(tens: str, ones: str | None) -> int:
    """``native_age("마흔", "다섯") == 45``."""
    return NATIVE_TENS[tens] + (NATIVE_ONES[ones] if ones else 0)


_SINO_ONLY = re.compile(r"^[일이삼사오육칠팔구십백]+$")


def sino_small(text: str) -> int | None:
    """A sino-Korean number below 1000 written in hangul ("사십오" = 45), or None."""
    if not text or not _SINO_ONLY.match(text):
        return None
    m = number_at(text + " ", 0)
    if m is None or m.end < len(text):
        return None
    return int(m.value)
