"""The question as the documents would word it, for searching them: typos and chat spellings corrected
("실업금여 신청 어케해요 첨이라" → "실업급여 신청 어떻게 해요 처음이라"), and the official name of a program the person
only described ("실업급여 받다가 일찍 취업하면 주는 돈" → … + "조기재취업수당").

Routing reads the typos directly (graphs/nlu/lexicon.py); this text is only what the policy search is given, so a
sparse search that matches whole words finds "실업급여 신청 방법" for "실업금여 신청 어케".
"""

from __future__ import annotations

import re

# (pattern on the normalised text, replacement). Short chat words only where they stand alone as that word.
_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"실업\s*(?:금여|급어|급녀|급요|급혀|굽여|여급)|실엽\s*급여|실어\s*급여|시럽\s*급여|실업자\s*급여"), "실업급여"),
    (re.compile(r"(?<![가-힣])실급(?!식)"), "실업급여"),
    (re.compile(r"구직\s*(?:급어|금여)"), "구직급여"),
    (re.compile(r"내일\s*(?:배음|배윰|배옴)|내배캌"), "내일배움"),
    (re.compile(r"국민취업지원재도"), "국민취업지원제도"),
    (re.compile(r"최저\s*시금|최저\s*임굼"), "최저임금"),
    (re.compile(r"(?<![가-힣])(?:어케|어캐|어떡케|어뜨케|어떻케|어떠케|어떻게)\s*(?=해|하|돼|되|받|신청|$|\s|[?.!])"), "어떻게 "),
    (re.compile(r"(?<![가-힣])첨(?=이라|이에요|이예요|인데|이고|이어서|이라서|\s|$|[?.!])"), "처음"),
    (re.compile(r"(?<![가-힣])(?:얼미|얼머|얼만)(?=[가-힣?.!\s]|$)"), "얼마"),
    (re.compile(r"받아여|받나여"), "받나요"),
    (re.compile(r"되나여|되여(?=\?|$)|돼여"), "되나요"),
    (re.compile(r"(?<![가-힣])짤(?=렸|린|리|림|려|렷)"), "잘"),
    (re.compile(r"(?<=잘)렷"), "렸"),
)
_SPACES = re.compile(r"[ \t]+")


def corrected(text: str) -> str:
    """``text`` (already normalised) with typos and chat spellings replaced by the standard words."""
    for pattern, repl in _FIXES:
        text = pattern.sub(repl, text)
    return _SPACES.sub(" ", text).strip()


# program id → (official name, the names people use for it, on the compact corrected text)
_NAMES: dict[str, tuple[str, re.Pattern[str]]] = {
    "unemployment_benefit": ("구직급여", re.compile(r"실업급여|구직급여|실업수당|실업인정|실업금|백수수당")),
    "early_reemployment": ("조기재취업수당", re.compile(r"조기재취업|조기취업수당|재취업수당|조기재취직")),
    "national_employment_support": (
        "국민취업지원제도", re.compile(r"국취|국민취업|구직촉진수당|취업성공패키지|취성패|취업지원제도"),
    ),
    "learning_card": ("국민내일배움카드", re.compile(r"내배카|내일배움|배움카드|국비|훈련장려금")),
    "youth_job_leap": ("청년일자리도약장려금", re.compile(r"도약장려금|일자리도약")),
}


def search_text(text: str, program: str | None) -> str:
    """The policy search text: ``text`` corrected, plus the program's official name when the person described the
    program without naming it ("실업급여 받다가 일찍 취업하면 주는 돈" → + "조기재취업수당")."""
    fixed = corrected(text)
    if program in _NAMES:
        name, named = _NAMES[program]
        if not named.search(re.sub(r"\s+", "", fixed)):
            fixed = f"{fixed} {name}"
    return fixed
