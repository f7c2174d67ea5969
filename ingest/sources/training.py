"""HRD-Net / 고용24 국민내일배움카드 훈련과정 → :class:`knowledge.schemas.TrainingCourse`.

Accepted inputs (``load_training``): the list response of ``hr/callOpenApiSvcInfo310L01.do`` (``outType=1``) —
root ``<HRDNet>`` with ``<scn_cnt>``, ``<pageNum>``, ``<pageSize>``, ``<srchList>`` of repeated ``<scn_list>`` —
several pages concatenated, or a CSV export with the API field names as header (UTF-8 ± BOM, CP949/EUC-KR).
Each ``<scn_list>`` block / CSV row is parsed on its own; bad ones become rejections with their line.

Normalization
-------------
* ``id`` = ``f"{trprId}-{trprDegr}"`` (a course runs in several 회차); duplicates: the first wins.
* ``region`` from ``address`` ("제주특별자치도 제주시 …"), else from ``trngAreaCd`` (50110 제주시, 50130 서귀포시).
  Courses outside Jeju are rejected.
* ``cost`` = ``realMan`` (실제 훈련비), ``course_fee`` = ``courseMan`` (수강비); a negative amount is rejected.
* ``employment_rate`` = ``eiEmplRate3`` (%); the HRD codes A 개설예정 / B 진행중 / C 미실시 / D 수료자 없음 and blanks
  become None. ``satisfaction`` = ``stdgScor`` (values above 100 are read as ×100 and divided; 0 → None).
* ``card_eligible``: the 310L01 훈련유형 codes (C0061, C0061S, C0061I, C0054*, C0055, C0055C, C0104, C0105, C0102,
  C0031, C0031C, C0031F) are 국민내일배움카드 courses; a missing code counts as a card course (this API only
  lists card courses); any other code (e.g. 사업주훈련 C0041T) does not.
* ``self_pay`` is an **estimate** of a general card holder's 자부담, not an official figure (policy-facts §3, 2ND):
  KDT (C0104) / 국가기간·전략산업직종 (C0054*) / 산업구조변화대응 (C0102) starting 2026-01-01 or later → 10 % of
  ``realMan`` capped at 600,000원 (2026 change, amounts UNVERIFIED), before 2026 → 0; K-디지털 기초역량 (C0105) → 0
  (separate 50만원 한도); every other card course → 35 % of ``realMan`` (middle of the 15–55 % band), rounded to
  100원. Not card-eligible → None. 국민취업지원제도 참여자·저소득층 pay less (0–5 %) — the agent must say so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from knowledge.schemas import TrainingCourse

from ._common import (
    ParseResult,
    RawRecord,
    RecordError,
    SourceSpec,
    first,
    load_records,
    parse_date,
    parse_float,
    parse_int,
)
from .regions import city_from_area_code, parse_jeju_region

SOURCE = "hrd-training"
JEJU_AREA_CODE = "50"

CARD_COURSE_CODES = frozenset(
    {"C0061", "C0061S", "C0061I", "C0054", "C0054G", "C0054Y", "C0054S", "C0055", "C0055C", "C0104", "C0105",
     "C0102", "C0031", "C0031C", "C0031F"}
)
STRATEGIC_CODES = ("C0104", "C0054", "C0102")  # KDT, 국가기간·전략산업직종 (+ variants), 산업구조변화대응
SELF_PAY_GENERAL_RATE = 0.35
SELF_PAY_STRATEGIC_RATE = 0.10
SELF_PAY_STRATEGIC_CAP = 600_000
SELF_PAY_STRATEGIC_FROM = date(2026, 1, 1)

# NCS 대분류 (1차분류) names, used when the record has no ncsNm.
NCS_MAJOR: dict[str, str] = {
    "01": "사업관리", "02": "경영·회계·사무", "03": "금융·보험", "04": "교육·자연·사회과학",
    "05": "법률·경찰·소방·교도·국방", "06": "보건·의료", "07": "사회복지·종교", "08": "문화·예술·디자인·방송",
    "09": "운전·운송", "10": "영업판매", "11": "경비·청소", "12": "이용·숙박·여행·오락·스포츠", "13": "음식서비스",
    "14": "건설", "15": "기계", "16": "재료", "17": "화학·바이오", "18": "섬유·의복", "19": "전기·전자",
    "20": "정보통신", "21": "식품가공", "22": "인쇄·목재·가구·공예", "23": "환경·에너지·안전", "24": "농림어업",
}
EMPLOYMENT_RATE_CODES = {"A": "개설예정", "B": "진행중", "C": "미실시", "D": "수료자 없음"}

_SPEC = SourceSpec(source=SOURCE, block_tags=("scn_list",), id_field="trprId", label="훈련과정")


def load_training(path: Path, *, today: date) -> ParseResult[TrainingCourse]:
    """Load an HRD-Net 훈련과정 XML or CSV file; see the module docstring."""
    return load_records(path, _SPEC, lambda raw: build_course(raw, today=today), lambda course: course.id)


def is_card_course(code: str | None) -> bool:
    return code is None or code.strip().upper() in CARD_COURSE_CODES


def estimate_self_pay(cost: int, code: str | None, start: date, card_eligible: bool) -> int | None:
    """Estimated 자부담 of a general card holder (see the module docstring; not an official figure)."""
    if not card_eligible:
        return None
    code = (code or "").strip().upper()
    if code.startswith(STRATEGIC_CODES):
        if start < SELF_PAY_STRATEGIC_FROM:
            return 0
        return int(min(SELF_PAY_STRATEGIC_CAP, round(cost * SELF_PAY_STRATEGIC_RATE, -2)))
    if code == "C0105":
        return 0
    return int(round(cost * SELF_PAY_GENERAL_RATE, -2))


def _rate(text: str | None) -> float | None:
    if not text or text.strip().upper() in EMPLOYMENT_RATE_CODES:
        return None
    value = parse_float(text)
    return value if value is not None and 0 <= value <= 100 else None


def _satisfaction(text: str | None) -> float | None:
    value = parse_float(text)
    if value is None or value <= 0:
        return None
    return round(value / 100, 1) if value > 100 else value


def build_course(raw: RawRecord, *, today: date) -> TrainingCourse:
    """Normalize one 훈련과정 record; raises :class:`RecordError` with a Korean reason."""
    f = raw.fields
    course_id = f.get("trprId")
    round_ = f.get("trprDegr")
    rid = f"{course_id}-{round_}" if course_id and round_ else course_id
    title = first(f, "title", "trprNm")
    institution = first(f, "subTitle", "inoNm")
    address = first(f, "address", "addr1")
    area = f.get("trngAreaCd")
    missing = [name for name, value in (("trprId(훈련과정ID)", course_id), ("trprDegr(회차)", round_),
                                        ("title(과정명)", title), ("subTitle(기관명)", institution),
                                        ("address/trngAreaCd(지역)", address or area),
                                        ("realMan(실제 훈련비)", f.get("realMan"))) if not value]
    if missing:
        raise RecordError(f"필수 항목이 없습니다: {', '.join(missing)} — 원본에 값을 채워 다시 올리세요", rid)
    assert course_id and round_ and title and institution

    region = parse_jeju_region(address)
    area_in_jeju = area is not None and area.strip().startswith(JEJU_AREA_CODE)
    if (region is None or not region.in_jeju) and not area_in_jeju:
        where = address or f"지역코드 {area}"
        raise RecordError(f"제주 지역 훈련과정이 아닙니다 ({where}) — 제주(지역코드 50) 과정만 올려 주세요", rid)
    city = (region.city if region and region.in_jeju else None) or city_from_area_code(area)
    if city is None:
        raise RecordError(
            f"훈련 장소의 시(제주시/서귀포시)를 알 수 없습니다 ({address or area}) — address에 시를 적어 주세요", rid
        )

    start = _date(f, "traStartDate", "훈련시작일(traStartDate)", rid)
    end = _date(f, "traEndDate", "훈련종료일(traEndDate)", rid)
    if end < start:
        raise RecordError(f"훈련종료일({end})이 시작일({start})보다 빠릅니다 — 날짜를 확인하세요", rid)

    cost = parse_int(f.get("realMan"))
    if cost is None:
        raise RecordError(f"실제 훈련비(realMan)가 숫자가 아닙니다 ('{f.get('realMan')}')", rid)
    course_fee = parse_int(f.get("courseMan"))
    if cost < 0 or (course_fee is not None and course_fee < 0):
        raise RecordError(f"훈련비가 음수입니다 (realMan {cost:,}원, courseMan {course_fee}) — 금액을 확인하세요", rid)

    code = f.get("trainTargetCd")
    card = is_card_course(code)
    ncs = f.get("ncsCd")
    return TrainingCourse(
        id=f"{course_id}-{round_}",
        course_id=course_id,
        round=round_,
        title=title,
        institution=institution,
        institution_id=first(f, "trainstCstId", "instCd"),
        region=city,
        address=address,
        area_code=(area or JEJU_AREA_CODE).strip(),
        ncs_code=ncs,
        ncs_name=f.get("ncsNm") or (NCS_MAJOR.get(ncs[:2]) if ncs else None),
        course_type=f.get("trainTarget"),
        course_type_code=code,
        card_eligible=card,
        cost=cost,
        course_fee=course_fee,
        self_pay=estimate_self_pay(cost, code, start, card),
        start_date=start,
        end_date=end,
        capacity=parse_int(f.get("yardMan")),
        employment_rate=_rate(f.get("eiEmplRate3")),
        satisfaction=_satisfaction(f.get("stdgScor")),
        certificate=f.get("certificate"),
        weekend=f.get("wkendSe"),
        tel=f.get("telNo"),
        url=f.get("titleLink"),
        contents=f.get("contents"),
        source_line=raw.line,
    )


def _date(f: dict[str, str], name: str, label: str, rid: str | None) -> date:
    text = f.get(name)
    if not text:
        raise RecordError(f"{label}이(가) 없습니다 — 날짜를 채워 주세요", rid)
    try:
        return parse_date(text)
    except ValueError:
        raise RecordError(f"{label} 날짜를 읽을 수 없습니다 ('{text}') — 예: 2026-12-01 또는 20261201", rid) from None
