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
