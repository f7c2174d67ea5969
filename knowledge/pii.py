"""Personal-data masking for text typed by people (chat messages, feedback comments, logs).

``mask_pii(text)`` replaces 주민등록번호 / 외국인등록번호, phone numbers, e-mail addresses, card numbers and bank
account numbers with a bracketed Korean label (``[주민등록번호]`` …) and says which kinds it found.

- Digits may be ASCII or full-width (``０``–``９``); groups may be separated by spaces, dots or hyphens
  (ASCII or Unicode dashes). Matching runs on a same-length normalized copy, so positions map 1:1 onto the
  original text and everything that is not personal data is left exactly as typed.
- A 13-digit number shaped like a registration number (valid ``YYMMDD`` birth date + sex/century digit) is
  masked whether or not its check digit is right: a typo must not leak the rest of the number. The checksum
  only matters for reporting (``PiiMatch.valid``).
- Amounts (``2,500,000원``), dates (``2025-01-01``), law articles and IDs that start with letters
  (구인인증번호 ``K1512…``, 과정ID ``AIG2024…``) are not touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PiiKind = Literal["rrn", "foreigner_rn", "phone", "email", "card", "account"]

KIND_LABELS: dict[str, str] = {
    "rrn": "주민등록번호",
    "foreigner_rn": "외국인등록번호",
    "phone": "전화번호",
    "email": "이메일",
    "card": "카드번호",
    "account": "계좌번호",
}

# Full-width digits and punctuation, Unicode dashes and spaces → ASCII, one character for one character.
_TRANSLATE = {ord("０") + i: ord("0") + i for i in range(10)}
_TRANSLATE.update({ord(c): ord("-") for c in "－‐‑‒–—―−ー"})
_TRANSLATE.update({ord(c): ord(".") for c in "．。・"})
_TRANSLATE.update({ord(c): ord(" ") for c in "\u3000\u00a0\u2002\u2003\u2009\u202f"})
_TRANSLATE.update({ord("＠"): ord("@"), ord("＋"): ord("+")})

_SEP = r"[ .\-]{0,3}"  # up to three separator characters between digit groups ("900101 - 1234567")
_NB = r"(?<![0-9A-Za-z])"  # not glued to a preceding digit or letter (IDs such as K151…, AIG2024…)
_NA = r"(?![0-9A-Za-z])"

# ASCII-only boundaries: Korean particles are glued to addresses ("abc@naver.com으로").
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])"
)
_RRN = re.compile(_NB + r"(\d{2})(\d{2})(\d{2})" + _SEP + r"(\d)(\d{6})" + _NA)
_CARD = re.compile(
    _NB + r"(?:\d{4}" + _SEP + r"\d{4}" + _SEP + r"\d{4}" + _SEP + r"\d{4}|\d{4}" + _SEP + r"\d{6}" + _SEP + r"\d{5})" + _NA
)
_MOBILE = re.compile(
    _NB + r"(?:(?:\+|00)?82" + _SEP + r"(?:\(0\))?" + r"1[016789]|01[016789])" + _SEP + r"\d{3,4}" + _SEP + r"\d{4}" + _NA
)
_LANDLINE = re.compile(
    _NB + r"(?:(?:\+|00)?82" + _SEP + r"(?:2|[3-6][1-5]|70)|0(?:2|[3-6][1-5]|70))" + _SEP + r"\d{3,4}" + _SEP + r"\d{4}" + _NA
)
# Bank accounts: hyphenated groups (3-2-6, 6-2-6, 3-4-4-2 …) of 10–14 digits in all.
_ACCOUNT_HYPHEN = re.compile(_NB + r"\d{2,6}(?:-\d{2,7}){1,3}" + _NA)
# Any digit run (with separators) of 10–14 digits right after an account word: "농협 302 1234 5678 91".
# Only words that mean a bank or an account ("국민", "우리" alone are ordinary words: 국민취업지원제도, 우리 아이).
_ACCOUNT_WORDS = r"(?:계좌|통장|입금|이체|은행|농협|수협|신협|신한|우체국|새마을금고|카카오뱅크|케이뱅크|토스뱅크|SC제일)"
_ACCOUNT_CONTEXT = re.compile(_ACCOUNT_WORDS + r"[^0-9\n]{0,12}?(" + _NB + r"\d[\d .\-]{8,22}\d)" + _NA)
# A long bare number (10–14 digits) not followed by a unit: an identifier we have no reason to keep.
_LONG_NUMBER = re.compile(_NB + r"\d{10,14}" + r"(?![0-9A-Za-z]|\s*(?:원|만|억|천|개|명|건|일|시간|%))")

_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


@dataclass(frozen=True)
class PiiMatch:
    kind: PiiKind
    start: int
    end: int
    valid: bool = True  # checksum (RRN, card) passed; False = masked because of its shape only


def normalize_for_matching(text: str) -> str:
    """Full-width digits and Unicode dashes/spaces as ASCII; same length as ``text``."""
    return text.translate(_TRANSLATE)


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def rrn_checksum_ok(digits: str) -> bool:
    """The 주민등록번호 check digit (also used by 외국인등록번호 issued before Oct 2020)."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:12], _RRN_WEIGHTS, strict=True))
    return (11 - total % 11) % 10 == int(digits[12])


def _foreigner_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:12], _RRN_WEIGHTS, strict=True))
    return (13 - total % 11) % 10 == int(digits[12])


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def _plausible_birth(mm: str, dd: str) -> bool:
    return 1 <= int(mm) <= 12 and 1 <= int(dd) <= 31


def _find(norm: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for m in _EMAIL.finditer(norm):
        found.append(PiiMatch("email", m.start(), m.end()))
    for m in _RRN.finditer(norm):
        if not _plausible_birth(m.group(2), m.group(3)):
            continue
        digits = _digits(m.group(0))
        foreigner = m.group(4) in "5678"
        valid = rrn_checksum_ok(digits) or (foreigner and _foreigner_checksum_ok(digits))
        found.append(PiiMatch("foreigner_rn" if foreigner else "rrn", m.start(), m.end(), valid))
    for m in _CARD.finditer(norm):
        found.append(PiiMatch("card", m.start(), m.end(), luhn_ok(_digits(m.group(0)))))
    for rx in (_MOBILE, _LANDLINE):
        for m in rx.finditer(norm):
            found.append(PiiMatch("phone", m.start(), m.end()))
    for m in _ACCOUNT_CONTEXT.finditer(norm):
        n = len(_digits(m.group(1)))
        if 10 <= n <= 14:
            found.append(PiiMatch("account", m.start(1), m.end(1)))
    for m in _ACCOUNT_HYPHEN.finditer(norm):
        if 10 <= len(_digits(m.group(0))) <= 14:
            found.append(PiiMatch("account", m.start(), m.end()))
    for m in _LONG_NUMBER.finditer(norm):
        found.append(PiiMatch("account", m.start(), m.end(), valid=False))
    return found


def find_pii(text: str) -> list[PiiMatch]:
    """Non-overlapping matches in text order; earlier (more specific) kinds win overlaps."""
    chosen: list[PiiMatch] = []
    for match in _find(normalize_for_matching(text)):
        if any(match.start < c.end and c.start < match.end for c in chosen):
            continue
        chosen.append(match)
    return sorted(chosen, key=lambda m: m.start)


def mask_pii(text: str) -> tuple[str, list[str]]:
    """``text`` with personal data replaced by ``[label]``, and the kinds found (first-seen order, no repeats)."""
    if not text:
        return text, []
    matches = find_pii(text)
    if not matches:
        return text, []
    parts: list[str] = []
    pos = 0
    kinds: list[str] = []
    for m in matches:
        parts.append(text[pos : m.start])
        parts.append(f"[{KIND_LABELS[m.kind]}]")
        pos = m.end
        if m.kind not in kinds:
            kinds.append(m.kind)
    parts.append(text[pos:])
    return "".join(parts), kinds


def describe_kinds(kinds: list[str]) -> str:
    """Korean list of the kinds, e.g. ``"주민등록번호, 전화번호"``."""
    return ", ".join(KIND_LABELS.get(k, k) for k in kinds)
