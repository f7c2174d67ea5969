"""Deterministic generator of the bundled, anonymized Jeju job-seeker pool (fictional) for talent recommendation.

``python -m ingest.seekergen`` (or ``goyong generate-samples``) writes ``knowledge/corpus/seekers/jeju_seekers.json``:
a header and one seeker a line, each with a pool id ("S-0001"), an age band (연령대, context only — never scored,
고령자고용법 제4조의4) and the fields of the matching ``SeekerProfile`` (희망 직종 and its code, 경력 by occupation,
자격, 외국어·도구, 학력, 거주 읍·면·동, 통근 거리, 희망 임금, 고용형태, 주말 휴무·야간 불가, 주당 시간). No name, phone,
birth date, exact age or address: a record cannot point to a person. Same seed → same bytes (only a
``random.Random(seed)``, never the clock).

Realism choices (all fictional): the wishes follow the Jeju labour market of the job catalog (policy-facts §7:
숙박·음식/관광 the largest group, then 돌봄·복지, 농림어업, 판매, 운전·운송, 사무, 건설, IT, 교육, 보건, 청소·경비) with more
seekers than postings for 사무 (the most wished-for work); about 72 % live in 제주시 over the real 43 읍·면·동, with
occupation-specific weights (농업 in 남원읍·구좌읍, IT near 아라동); certificates, experience, education, pay wishes
and schedule needs differ by occupation (a 요양보호사 seeker mostly holds the certificate; a 사무 seeker asks 주말 휴무);
some seekers change fields (experience in another occupation) or lack the certificate the work needs.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.samplegen import BASE_DISTRICTS, JEJU, SGP
from knowledge.config import CORPUS_DIR

logger = logging.getLogger(__name__)

SEED = 20261204
COUNT = 520
SEEKERS_FILE = Path("seekers") / "jeju_seekers.json"
AGE_BANDS = ("20대", "30대", "40대", "50대", "60대 이상")
EDUCATIONS = ("중졸이하", "고졸", "대졸(2~3년)", "대졸(4년)", "대학원")


@dataclass(frozen=True)
class Archetype:
    """One kind of seeker: what they wish for and what they typically bring."""

    key: str
    weight: float
    code: str  # the catalog occupation code wished for
    wishes: tuple[str, ...]  # how people say it (synonyms of the occupation table)
    ages: tuple[float, ...]  # weights over AGE_BANDS
    education: tuple[float, ...]  # weights over EDUCATIONS
    certs: tuple[tuple[str, float], ...] = ()  # (certificate as said, probability held)
    skills: tuple[tuple[str, float], ...] = ()
    years: tuple[int, int] = (0, 8)  # experience in the wished occupation (0 = newcomer possible)
    newcomer: float = 0.3  # probability of no experience in it
    other: tuple[tuple[str, str], ...] = ()  # (occupation as said, code) of earlier work in another field
    other_p: float = 0.25
    wage: tuple[int, int] = (2_200_000, 2_700_000)  # monthly wish range (원)
    wage_p: float = 0.8  # probability a wage wish is stated
    types: tuple[tuple[tuple[str, ...], float], ...] = ((("정규직",), 0.5), (("정규직", "계약직"), 0.3), ((), 0.2))
    part_p: float = 0.0  # probability of a part-time wish (시간제, 15–30 h)
    weekends_off_p: float = 0.15
    no_night_p: float = 0.2
    seasonal_ok_p: float = 0.85
    jeju_share: float = 0.72
    districts: dict[str, float] = field(default_factory=dict)


_YOUNG = (0.35, 0.3, 0.2, 0.1, 0.05)
_MID = (0.15, 0.25, 0.3, 0.2, 0.1)
_OLDER = (0.03, 0.1, 0.25, 0.35, 0.27)
_ED_LOW = (0.15, 0.6, 0.15, 0.1, 0.0)
_ED_MID = (0.02, 0.45, 0.3, 0.22, 0.01)
_ED_HIGH = (0.0, 0.1, 0.3, 0.55, 0.05)
_LANG = (("영어", 0.3), ("중국어", 0.15), ("일본어", 0.1))
_CITY = {"연동": 2, "노형동": 2, "이도2동": 2, "아라동": 1.5, "동홍동": 2}

ARCHETYPES: tuple[Archetype, ...] = (
    Archetype("housekeeping", 6.0, "561102", ("호텔 객실관리", "객실 청소", "하우스키핑", "룸메이드", "객실 정비"), _OLDER, _ED_LOW,
              other=(("식당 주방 보조", "531201"), ("건물 청소", "561101")), wage=(2_150_000, 2_500_000), part_p=0.2,
              districts={"중문동": 3, "성산읍": 2, "표선면": 2, "애월읍": 2, "안덕면": 2}),
    Archetype("hotel_front", 4.0, "521201", ("호텔 프런트", "프런트 데스크", "리셉션", "호텔리어"), _YOUNG, _ED_HIGH,
              skills=(("영어", 0.6), ("중국어", 0.3), ("일본어", 0.2)), other=(("면세점 판매", "612102"), ("카페", "532102")),
              wage=(2_300_000, 2_900_000), no_night_p=0.25, districts={"중문동": 3, "연동": 2, "노형동": 2}),
    Archetype("cook", 5.0, "531101", ("한식 조리사", "조리사", "주방장", "요리사"), _MID, _ED_LOW,
              certs=(("한식조리기능사", 0.55),), years=(1, 20), newcomer=0.15, other=(("주방 보조", "531201"),),
              wage=(2_600_000, 3_600_000), districts={"연동": 2, "노형동": 2, "중문동": 2}),
    Archetype("kitchen_helper", 3.0, "531201", ("주방 보조", "주방보조", "설거지"), _OLDER, _ED_LOW,
              other=(("식당 홀서빙", "532101"), ("객실 청소", "561102")), wage=(2_100_000, 2_400_000), part_p=0.35),
    Archetype("server", 5.0, "532101", ("홀서빙", "식당 홀 서빙", "서빙"), _YOUNG, _ED_MID, skills=_LANG,
              other=(("카페", "532102"), ("편의점", "612201")), wage=(2_150_000, 2_500_000), part_p=0.45,
              districts={"연동": 2, "노형동": 2, "애월읍": 1.5}),
    Archetype("barista", 4.0, "532102", ("바리스타", "카페"), _YOUNG, _ED_MID, certs=(("바리스타 2급", 0.45),),
              skills=(("영어", 0.2),), other=(("홀서빙", "532101"),), wage=(2_150_000, 2_600_000), part_p=0.45,
              districts={"애월읍": 3, "구좌읍": 2, "조천읍": 2, "연동": 2}),
    Archetype("leisure", 2.0, "523101", ("테마파크", "관광시설", "관광지 매표"), _YOUNG, _ED_MID, skills=_LANG,
              other=(("호텔 프런트", "521201"),), wage=(2_250_000, 2_700_000),
              districts={"안덕면": 3, "중문동": 3, "표선면": 2, "성산읍": 2}),
    Archetype("tour_guide", 1.0, "521101", ("관광통역안내사", "관광 가이드"), _MID, _ED_HIGH,
              certs=(("관광통역안내사", 0.6),), skills=(("중국어", 0.6), ("일본어", 0.3), ("영어", 0.5)),
              wage=(2_400_000, 3_200_000), districts=_CITY),
    Archetype("caregiver", 8.0, "550101", ("요양보호사", "요양", "방문요양", "재가요양"), _OLDER, _ED_LOW,
              certs=(("요양보호사", 0.85),), years=(0, 12), other=(("식당 주방 보조", "531201"), ("간병", "550101")),
              wage=(2_100_000, 2_600_000), part_p=0.35, weekends_off_p=0.2, no_night_p=0.35),
    Archetype("activity_support", 2.5, "550102", ("장애인 활동지원사", "활동지원사"), _OLDER, _ED_LOW,
              certs=(("활동지원사 교육 이수", 0.7), ("요양보호사", 0.3)), other=(("요양보호사", "550101"),),
              wage=(2_000_000, 2_400_000), part_p=0.6, no_night_p=0.5),
    Archetype("social_worker", 3.0, "231101", ("사회복지사", "복지관 사회복지사", "사례관리"), _MID, _ED_HIGH,
              certs=(("사회복지사 2급", 0.6), ("사회복지사 1급", 0.35)), years=(0, 10), newcomer=0.3,
              wage=(2_500_000, 3_100_000), weekends_off_p=0.6, no_night_p=0.6, districts=_CITY),
    Archetype("childcare", 1.5, "215101", ("보육교사", "어린이집"), _MID, _ED_MID, certs=(("보육교사 2급", 0.6), ("보육교사 1급", 0.3)),
              wage=(2_200_000, 2_600_000), weekends_off_p=0.8, no_night_p=0.7, districts={"아라동": 2, "노형동": 2}),
    Archetype("citrus", 3.5, "901101", ("감귤 수확", "감귤 따기", "과수원"), _OLDER, _ED_LOW,
              other=(("선과장 선별", "901102"), ("밭일", "901201")), wage=(2_200_000, 2_800_000), wage_p=0.5,
              types=((("일용직", "계약직"), 0.5), ((), 0.5)), no_night_p=0.6, seasonal_ok_p=1.0, jeju_share=0.3,
              districts={"남원읍": 8, "효돈동": 4, "표선면": 3, "서홍동": 2, "조천읍": 2, "애월읍": 2}),
    Archetype("sorting", 1.5, "901102", ("감귤 선과장", "선별"), _OLDER, _ED_LOW, other=(("감귤 수확", "901101"),),
              wage=(2_200_000, 2_500_000), types=((("계약직", "일용직"), 0.5), ((), 0.5)), seasonal_ok_p=1.0,
              jeju_share=0.35, districts={"남원읍": 6, "효돈동": 3, "표선면": 2}),
    Archetype("farm", 2.0, "901201", ("농장", "스마트팜", "밭일"), _MID, _ED_LOW, certs=(("1종 보통 운전면허", 0.5),),
              other=(("감귤 수확", "901101"), ("양식장", "903101")), wage=(2_300_000, 2_900_000),
              districts={"구좌읍": 5, "한림읍": 3, "한경면": 3, "대정읍": 3, "성산읍": 2}),
    Archetype("fish_farm", 1.5, "903101", ("양식장", "광어 양식"), _MID, _ED_LOW, certs=(("1종 보통 운전면허", 0.5),),
              wage=(2_600_000, 3_200_000), jeju_share=0.6,
              districts={"한림읍": 5, "한경면": 5, "대정읍": 4, "성산읍": 3, "표선면": 2}),
    Archetype("mart", 3.5, "612101", ("마트 계산원", "마트", "매장 판매"), _MID, _ED_MID,
              other=(("편의점", "612201"), ("홀서빙", "532101")), wage=(2_150_000, 2_450_000), part_p=0.4,
              weekends_off_p=0.2),
    Archetype("duty_free", 2.0, "612102", ("면세점 판매", "화장품 판매", "면세점"), _YOUNG, _ED_MID,
              skills=(("중국어", 0.55), ("일본어", 0.3), ("영어", 0.4)), other=(("호텔 프런트", "521201"),),
              wage=(2_400_000, 3_000_000), jeju_share=0.85, districts={"연동": 4, "노형동": 3, "용담2동": 2}),
    Archetype("convenience", 1.5, "612201", ("편의점", "계산원"), _YOUNG, _ED_MID, wage=(2_100_000, 2_300_000),
              part_p=0.7, types=((("시간제",), 0.7), ((), 0.3))),
    Archetype("bus", 1.5, "622101", ("버스 운전", "버스기사", "관광버스"), _OLDER, _ED_LOW,
              certs=(("1종 대형 운전면허", 0.85), ("버스운전자격", 0.7)), years=(1, 20), newcomer=0.2,
              other=(("화물차 운전", "622201"),), wage=(3_300_000, 4_000_000), no_night_p=0.1),
    Archetype("truck", 1.5, "622201", ("화물차 운전", "화물 운송", "5톤 트럭"), _MID, _ED_LOW,
              certs=(("1종 보통 운전면허", 0.95), ("화물운송종사자격", 0.6), ("1종 대형 운전면허", 0.3)), years=(1, 15),
              other=(("택배 배송", "622301"),), wage=(3_000_000, 3_900_000)),
    Archetype("delivery", 2.0, "622301", ("택배 배송", "택배", "배송 기사"), _MID, _ED_MID,
              certs=(("1종 보통 운전면허", 0.85),), other=(("렌터카 탁송", "622401"),), wage=(2_900_000, 3_600_000)),
    Archetype("rentacar", 2.5, "622401", ("렌터카 탁송", "렌터카", "탁송"), _YOUNG, _ED_MID,
              certs=(("1종 보통 운전면허", 0.8),), other=(("택배 배송", "622301"),), wage=(2_300_000, 2_900_000),
              districts={"용담2동": 3, "용담1동": 2, "도두동": 2, "외도동": 2, "연동": 2}),
    Archetype("construction", 2.5, "706101", ("건설현장 일용직", "건설 일용", "형틀목공"), _MID, _ED_LOW,
              certs=(("건설업 기초안전보건교육", 0.65),), years=(0, 15), wage=(3_000_000, 4_500_000),
              types=((("일용직",), 0.6), ((), 0.4))),
    Archetype("site_manager", 1.2, "141101", ("건축 현장 관리", "공무", "안전관리자"), _MID, _ED_HIGH,
              certs=(("건축기사", 0.5),), years=(2, 15), newcomer=0.1, wage=(3_000_000, 4_200_000),
              districts=_CITY),
    Archetype("office", 6.0, "023101", ("사무직", "일반 사무", "사무 보조", "총무"), _MID, _ED_HIGH,
              certs=(("컴퓨터활용능력 2급", 0.4), ("컴퓨터활용능력 1급", 0.2)), skills=(("엑셀", 0.6), ("영어", 0.2)),
              other=(("회계 사무", "024101"), ("마트 계산원", "612101")), wage=(2_200_000, 2_800_000), part_p=0.15,
              weekends_off_p=0.85, no_night_p=0.8, seasonal_ok_p=0.5, districts=_CITY),
    Archetype("accounting", 2.5, "024101", ("회계 사무", "경리", "세무회계"), _MID, _ED_HIGH,
              certs=(("전산회계 2급", 0.3), ("전산회계 1급", 0.4), ("전산세무 2급", 0.1)), skills=(("엑셀", 0.7),),
              years=(0, 15), other=(("일반 사무", "023101"),), wage=(2_300_000, 3_000_000),
              weekends_off_p=0.85, no_night_p=0.8, seasonal_ok_p=0.5, districts=_CITY),
    Archetype("developer", 2.0, "133101", ("백엔드 개발자", "프론트엔드 개발자", "웹 개발", "앱 개발"), _YOUNG, _ED_HIGH,
              certs=(("정보처리기사", 0.4),), skills=(("Python", 0.5), ("Java", 0.4), ("React", 0.4), ("Spring", 0.3)),
              years=(0, 8), newcomer=0.35, wage=(2_700_000, 3_800_000), weekends_off_p=0.7, seasonal_ok_p=0.3,
              jeju_share=0.95, districts={"아라동": 5, "연동": 2, "노형동": 2, "이도2동": 2}),
    Archetype("data", 1.0, "134101", ("데이터 분석", "데이터 엔지니어"), _YOUNG, _ED_HIGH,
              certs=(("ADsP", 0.4), ("빅데이터분석기사", 0.2)), skills=(("SQL", 0.7), ("Python", 0.7)),
              wage=(2_800_000, 3_800_000), weekends_off_p=0.7, seasonal_ok_p=0.3, jeju_share=0.95,
              districts={"아라동": 5, "연동": 2, "노형동": 2}),
    Archetype("tutor", 2.0, "214101", ("학원 강사", "수학 강사", "영어 강사"), _YOUNG, _ED_HIGH, skills=(("영어", 0.3),),
              wage=(2_300_000, 3_100_000), part_p=0.35, districts={"노형동": 3, "이도2동": 3, "아라동": 2}),
    Archetype("nurse_aide", 2.5, "304101", ("간호조무사", "진료보조"), _MID, _ED_MID, certs=(("간호조무사", 0.85),),
              other=(("요양보호사", "550101"),), wage=(2_300_000, 2_800_000), weekends_off_p=0.4, no_night_p=0.5,
              districts=_CITY),
    Archetype("nurse", 1.0, "303101", ("간호사", "병동 간호"), _MID, _ED_HIGH, certs=(("간호사 면허", 0.95),), years=(0, 15),
              wage=(3_000_000, 3_800_000), no_night_p=0.35, districts=_CITY),
    Archetype("cleaner", 2.0, "561101", ("건물 청소", "미화원", "청소"), _OLDER, _ED_LOW,
              other=(("객실 청소", "561102"),), wage=(2_100_000, 2_350_000), part_p=0.3),
    Archetype("guard", 1.5, "541101", ("경비원", "시설 경비", "주차 관리"), _OLDER, _ED_LOW, wage=(2_100_000, 2_500_000),
              no_night_p=0.1),
)


def _weighted(rng: random.Random, items: Sequence[Any], weights: Sequence[float]) -> Any:
    return rng.choices(list(items), weights=list(weights), k=1)[0]


def _district(rng: random.Random, a: Archetype) -> str:
    city = JEJU if rng.random() < a.jeju_share else SGP
    base = BASE_DISTRICTS[city]
    names = list(base)
    return str(_weighted(rng, names, [base[d] * a.districts.get(d, 1.0) for d in names]))


def _seeker(rng: random.Random, number: int, a: Archetype) -> dict[str, Any]:
    wish = rng.choice(a.wishes)
    age_band = str(_weighted(rng, AGE_BANDS, a.ages))
    education = str(_weighted(rng, EDUCATIONS, a.education))
    held = [name for name, p in a.certs if rng.random() < p]
    if "1종 대형 운전면허" in held and "1종 보통 운전면허" in held:  # the 대형 licence covers the 보통 one
        held.remove("1종 보통 운전면허")
    skills = [name for name, p in a.skills if rng.random() < p]
    experience: list[dict[str, Any]] = []
    if rng.random() >= a.newcomer:
        lo, hi = a.years
        years = rng.randint(max(lo, 1), max(hi, 1))
        if age_band == "20대":
            years = min(years, rng.randint(1, 4))
        experience.append({"occupation": wish, "years": float(years), "code": a.code})
    if a.other and rng.random() < a.other_p:
        said, code = rng.choice(a.other)
        experience.append({"occupation": said, "years": float(rng.randint(1, 10)), "code": code})
    part_time = rng.random() < a.part_p
    lo, hi = a.wage
    wage: int | None = None
    types: list[str]
    max_hours: float | None = None
    min_hours: float | None = None
    if part_time:
        types = ["시간제"]
        max_hours = float(rng.choice((20, 25, 30)))
        min_hours = float(rng.choice((10, 15))) if rng.random() < 0.4 else None
        if rng.random() < a.wage_p:
            wage = round(rng.randint(lo, hi) * max_hours / 40 / 10_000) * 10_000
    else:
        types = list(_weighted(rng, [t for t, _ in a.types], [w for _, w in a.types]))
        if rng.random() < a.wage_p:
            wage = rng.randrange(lo, hi + 1, 50_000)
    commute = _weighted(rng, (None, 5.0, 10.0, 15.0, 20.0, 30.0), (0.3, 0.1, 0.2, 0.2, 0.12, 0.08))
    record: dict[str, Any] = {
        "id": f"S-{number:04d}",
        "age_band": age_band,
        "desired_occupation": wish,
        "desired_codes": [a.code],
        "experience": experience,
        "certificates": held,
        "skills": skills,
        "education": education,
        "district": _district(rng, a),
        "commute_km": commute,
        "desired_monthly_wage": wage,
        "employment_types": types,
        "weekends_off": rng.random() < a.weekends_off_p,
        "no_night": rng.random() < a.no_night_p,
        "max_weekly_hours": max_hours,
        "min_weekly_hours": min_hours,
        "seasonal_ok": rng.random() < a.seasonal_ok_p,
    }
    return {k: v for k, v in record.items() if v is not None and v != []}


def generate_seekers(*, seed: int = SEED, count: int = COUNT) -> list[dict[str, Any]]:
    """``count`` anonymized seekers, ids S-0001…, occupations drawn by the archetype weights."""
    rng = random.Random(seed)
    weights = [a.weight for a in ARCHETYPES]
    return [_seeker(rng, n, _weighted(rng, ARCHETYPES, weights)) for n in range(1, count + 1)]


def seekers_text(seekers: Sequence[dict[str, Any]], *, seed: int = SEED) -> str:
    """The pool file: a JSON object whose ``seekers`` list holds one seeker a line (readable diffs)."""
    head = {
        "name": "jeju_seekers",
        "title": "제주 구직자 풀 (가상·익명, 인재추천용)",
        "note": "ingest/seekergen.py가 만든 가상 데이터입니다. 이름·연락처·생년월일·정확한 나이·주소가 없습니다. "
                "연령대는 참고용이며 점수에 쓰지 않습니다 (고령자고용법 제4조의4).",
        "seed": seed,
        "count": len(seekers),
    }
    lines = [json.dumps(s, ensure_ascii=False, separators=(",", ":")) for s in seekers]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    return body + ',\n "seekers": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def write_seekers(out_dir: Path | None = None, *, seed: int = SEED, count: int = COUNT) -> Path:
    """Write the pool under ``out_dir`` (default: the bundled corpus folder)."""
    path = (out_dir or CORPUS_DIR) / SEEKERS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    text = seekers_text(generate_seekers(seed=seed, count=count), seed=seed)
    path.write_text(text, encoding="utf-8")
    logger.info("wrote %s (%d bytes)", path, len(text.encode("utf-8")))
    return path


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    write_seekers()


if __name__ == "__main__":
    main()
