"""Bare follow-up replies: the assistant just asked for one Profile field, the user answers "45살이요", "4년",
"권고사직이요", "네 장애 있어요", "300". Each field has a kind that says how a bare answer is read."""

from __future__ import annotations

import re
import types
from functools import lru_cache
from typing import Any, Literal, Union, get_args, get_origin

from graphs.nlu.history import years_days
from graphs.nlu.numbers import NATIVE_AGE, find_numbers, native_age, to_won
from graphs.profile import Profile

Kind = Literal[
    "age", "insured_days", "days", "months", "count", "pct", "won_monthly", "won_daily", "won_lump",
    "hours", "years", "reason", "date", "year", "region", "bool",
]

FIELD_KINDS: dict[str, Kind] = {
    "age": "age",
    "insured_period_days": "insured_days",
    "unit_period_days": "days",
    "separation_reason": "reason",
    "separation_date": "date",
    "separation_year": "year",
    "monthly_wage": "won_monthly",
    "avg_daily_wage": "won_daily",
    "daily_work_hours": "hours",
    "weekly_hours": "hours",
    "household_size": "count",
    "household_income_pct": "pct",
    "household_income_monthly": "won_monthly",
    "household_assets": "won_lump",
    "work_experience_days_2y": "days",
    "work_experience_hours_2y": "hours",
    "dependents": "count",
    "current_monthly_income": "won_monthly",
    "student_years_to_graduation": "years",
    "self_employed_annual_revenue": "won_lump",
    "employer_insured_count": "count",
    "months_employed": "months",
    "expected_employment_months": "months",
    "days_from_claim_to_reemployment": "days",
    "remaining_benefit_days": "days",
    "total_benefit_days": "days",
    "region": "region",
}

_NO = re.compile(r"아니|아뇨|아녀|없어|없습니다|없음|없는데|없고|안\s*했|안\s*받|안\s*돼|않|아직|못\s*받|^no\b|ㄴㄴ|노노|^x$")
_YES = re.compile(
    r"^(?:네|넵|넹|예|응|웅|어|ㅇㅇ|ㅇ|맞|그렇|yes|y\b|ok|오케이)|있어|있습니다|있음|있고|있는데|맞아|맞습니다|했어|했습니다|"
    r"됐어|받았|받고\s*있|받는\s*중|그래요|그렇습니다|해당"
)
_INT = re.compile(r"(?<![\d.])(\d{1,7}(?:\.\d+)?)")
_NATIVE_COUNT = {"혼자": 1, "한": 1, "하나": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5, "여섯": 6}
_REASON_EXTRA: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other", re.compile(r"^(?:기타|그\s*외|잘\s*모르|모르겠)")),
)


@lru_cache(maxsize=1)
def bool_fields() -> frozenset[str]:
    names = set()
    for name, info in Profile.model_fields.items():
        ann = info.annotation
        if get_origin(ann) in (Union, types.UnionType) and bool in get_args(ann):
            names.add(name)
    return frozenset(names)


def kind_of(field: str) -> Kind | None:
    if field in bool_fields():
        return "bool"
    return FIELD_KINDS.get(field)


def parse_yes_no(text: str) -> bool | None:
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    return None


def _first_number(text: str) -> float | None:
    m = _INT.search(text)
    return float(m.group(1)) if m else None


def parse_bare(field: str, text: str) -> dict[str, Any]:
    """Profile updates read from a bare reply to a question about ``field`` (numbers and yes/no only;
    ages, periods, reasons, dates and places are read by the general extractors in bare mode)."""
    kind = kind_of(field)
    if kind is None:
        return {}
    if kind == "bool":
        answer = parse_yes_no(text)
        return {} if answer is None else {field: answer}
    if kind == "reason":
        for reason, pattern in _REASON_EXTRA:
            if pattern.search(text):
                return {field: reason}
        return {}
    if kind == "age":
        for m in NATIVE_AGE.finditer(text):
            value = native_age(m.group("tens"), m.group("ones"))
            if 14 <= value <= 100:
                return {field: value}
        number = _first_number(text)
        return {field: int(number)} if number is not None and 14 <= number <= 100 else {}
    if kind in ("won_monthly", "won_daily", "won_lump"):
        numbers = find_numbers(text)
        if not numbers:
            return {}
        money_kind: Literal["monthly", "daily", "lump"] = (
            "monthly" if kind == "won_monthly" else "daily" if kind == "won_daily" else "lump"
        )
        return {field: to_won(numbers[0], money_kind)}
    if kind == "count":
        for word, value in _NATIVE_COUNT.items():
            if re.search(rf"(?<![가-힣]){word}(?:이요|요|명|식구|$|\s)", text):
                return {field: value}
        number = _first_number(text)
        return {field: int(number)} if number is not None and number >= (1 if field == "household_size" else 0) else {}
    return _parse_measure(field, kind, text)


def _parse_measure(field: str, kind: Kind, text: str) -> dict[str, Any]:
    number = _first_number(text)
    if number is None:
        return {}
    if kind == "pct":
        return {field: number}
    if kind == "hours":
        limit = 24 if field == "daily_work_hours" else 10_000 if field == "work_experience_hours_2y" else 168
        return {field: number} if 0 < number <= limit else {}
    if kind == "years":
        half = 0.5 if "반" in text else 0.0
        return {field: number + half}
    if kind in ("days", "insured_days"):
        if re.search(r"\d\s*년", text):
            return {field: years_days(number)}  # calendar years (별표1)
        if re.search(r"\d\s*(?:개월|달)", text):
            return {field: int(number * 30)}
        if kind == "insured_days" and not re.search(r"\d\s*일", text) and number <= 40:
            return {field: years_days(number)}  # "3" when asked how long they were insured: years
        return {field: int(number)}
    if kind == "months":
        if re.search(r"\d\s*년", text):
            return {field: int(number * 12)}
        return {field: int(number)}
    return {}
