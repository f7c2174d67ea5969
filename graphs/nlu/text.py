"""Text clean-up and a scratch copy of the text that extractors blank out as they consume spans."""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 2_000  # only the start of a message is analysed: keeps every call fast on pasted documents

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def normalize(text: str) -> str:
    """NFKC (full-width digits, ％), control/format characters → space, lower-case Latin, single spaces."""
    text = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])[:MAX_CHARS]
    chars = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n":
            chars.append("\n")
        elif cat.startswith("C") or cat == "Zl" or cat == "Zp" or cat == "Zs":
            chars.append(" ")
        else:
            chars.append(ch)
    cleaned = "".join(chars).lower()
    cleaned = cleaned.replace("~", " ~ ")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in cleaned.split("\n")).strip()


_SINO_PERIOD = re.compile(r"(?<![가-힣\d])([일이삼사오육칠팔구])(?=년|개월)")
_SINO_DIGIT = {"일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "칠": "7", "팔": "8", "구": "9"}


def sino_periods(text: str) -> str:
    """"일년 반", "삼년", "육개월" → "1년 반", "3년", "6개월": a one-syllable sino-Korean count before 년/개월 as a
    digit. Same length, so spans found in the result are spans of the input."""
    return _SINO_PERIOD.sub(lambda m: _SINO_DIGIT[m.group(1)], text)


def compact(text: str) -> str:
    """The text without any whitespace: keyword tests tolerate spacing errors ("실업 급여", "받을수있나요")."""
    return re.sub(r"\s+", "", text)


class Scratch:
    """A same-length copy of the text; consumed spans are blanked so later extractors and the query skip them."""

    def __init__(self, text: str) -> None:
        self.text = text

    def take(self, start: int, end: int) -> None:
        if end > start:
            self.text = self.text[:start] + " " * (end - start) + self.text[end:]
