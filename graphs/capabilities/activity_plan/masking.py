"""Personal data in a plan or a 상담일지: masked by default (연령대, 행정시), the exact age and 읍·면·동 when the
counselor asks; names are never written.

The input is already masked by ``knowledge.pii`` (주민등록번호, 전화 …); this never undoes that, it masks what pii
leaves (an exact age, the 읍·면·동 of the home, a name followed by 님/씨).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.facts import jeju_districts

# "개인정보 포함해서", "마스킹 없이", "정확한 나이로" — the counselor (or the person, for their own plan) chooses.
_UNMASK = re.compile(
    r"개인\s*정보\s*(?:포함|넣어|그대로|표시|보이게)|마스킹\s*(?:없이|해제|하지\s*말|빼)|비\s*마스킹|"
    r"정확한\s*(?:나이|주소|거주지)"
)
_AGE = re.compile(r"(?<!\d)(\d{2})\s*(?:세|살)")
# A surname and one or two syllables before 님/씨 ("김영희 님", "박씨"); titles and common nouns are not names.
_NAME = re.compile(
    r"(?<![가-힣])([김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함"
    r"변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈단견당]"
    r"[가-힣]{1,2})\s?(님|씨)"
)
_NOT_NAMES = frozenset({
    "고객", "선생", "상담사", "사장", "대표", "과장", "부장", "주임", "팀장", "센터장", "이분", "그분", "어르신", "구직자",
    "사업주", "근로자", "본인", "가족", "부모", "어머", "아버", "남편", "아내", "자녀", "손님", "교수", "강사", "기사",
    "매니저", "직원", "회원", "수급자", "신청자", "참여자", "구인자", "담당", "담당자", "상담", "여러분", "우리", "모두",
})


def wants_unmasked(text: str) -> bool:
    return bool(_UNMASK.search(text))


def age_band(age: int) -> str:
    """48 → "40대"."""
    return f"{age // 10 * 10}대"


def city_of(place: str | None) -> str | None:
    """The 행정시 of a 읍·면·동 or alias ("연동" → "제주시"); a city stays itself; unknown → None."""
    if not place:
        return None
    for city in ("서귀포시", "제주시"):
        if place.strip().endswith(city) or place.strip() == city:
            return city
    table = jeju_districts()
    name = table.resolve(place)
    return table.districts[name].city if name else None


@dataclass(frozen=True)
class Masker:
    """Masks free text (matching reasons, earlier turns) the same way as the plan's own fields."""

    masked: bool
    district: str | None = None  # the person's 읍·면·동 (canonical name)

    def _district_words(self) -> list[str]:
        if not self.district:
            return []
        table = jeju_districts()
        entry = table.districts.get(self.district)
        words = [self.district, *(entry.aliases if entry else [])]
        return sorted({w for w in words if len(w) >= 2}, key=len, reverse=True)

    def text(self, value: str) -> str:
        """``value`` with names always masked, and the exact age and home 읍·면·동 when ``masked``."""
        out = _NAME.sub(lambda m: m.group(0) if m.group(1) in _NOT_NAMES else "[이름]", value)
        if not self.masked:
            return out
        out = _AGE.sub(lambda m: age_band(int(m.group(1))), out)
        city = city_of(self.district) or "제주"
        for word in self._district_words():
            out = re.sub(rf"(?:{city}\s*)?{re.escape(word)}", city, out)
        return out

    def age(self, age: int | None) -> str | None:
        if age is None:
            return None
        return age_band(age) if self.masked else f"{age}세"

    def home(self, region: str | None) -> str | None:
        """Where the person lives: the city when masked, "제주시 연동" when not."""
        place = self.district or region
        if not place:
            return None
        city = city_of(place)
        if self.masked:
            return city or "제주"
        return f"{city} {place}" if city and city != place else place
