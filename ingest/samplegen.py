"""Deterministic generator of the bundled Jeju job and training catalogs (fictional, realistic).

``python -m ingest.samplegen`` writes ``knowledge/corpus/jobs/jeju_jobs.xml`` (고용24 채용정보 format) and
``knowledge/corpus/training/jeju_training.xml`` (HRD-Net 훈련과정 format). Same seed → same bytes: only a
``random.Random(seed)`` is used, never the global generator or the clock.

Jobs file: the 고용24 채용정보 **list** response (``<wantedRoot>`` with ``<total>``, ``<startPage>``, ``<display>``,
repeated ``<wanted>`` list fields) where each ``<wanted>`` additionally nests a ``<wantedDtl>`` child holding the
detail response's ``<wantedInfo>`` fields that matter (jobsNm, jobCont, workdayWorkhrCont, fourIns, retirepay,
etcWelfare, enterTpNm, collectPsncnt, selMthd, rcptMthd, contactTelno …). Bundling list + detail per posting
keeps one posting = one block, so the loader can parse and reject each posting on its own, and the live client's
``fetch_to_file(with_details=True)`` produces the same shape.

Realism choices (all companies, people, numbers and addresses are fictional):

* Mix after the Jeju economy (policy-facts §7): 숙박·음식/관광 the largest group, then 돌봄·복지, 농림어업, 도소매,
  운수, 사무, 건설, IT (제주첨단과학기술단지 → 제주시 아라동), 교육, 보건, 청소·경비; about 70 % 제주시 / 30 % 서귀포시
  over the real 43 읍·면·동 with sector-specific weights (중문동 hotels, 성산읍/표선면 tourism, 남원읍 감귤 …).
* Wages at or above the minimum wage of the registration year (2026: 10,320원/h, 월 2,156,880원) and in
  market ranges; part-time jobs state 주 15–30시간; seasonal jobs (감귤 수확 10–1월, 동계/여름 성수기) say so.
* Registered in the 90 days before the reference date; close 7–60 days later or 채용시까지 (~40 %).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from knowledge.config import CORPUS_DIR
from knowledge.formatting import compact_won, won

logger = logging.getLogger(__name__)

SEED = 20261121
REFERENCE_DATE = date(2026, 11, 21)
JOBS_FILE = Path("jobs") / "jeju_jobs.xml"
TRAINING_FILE = Path("training") / "jeju_training.xml"
DETAIL_URL = "https://www.work24.go.kr/wk/a/b/1200/retriveDtlEmpSrchList.do?wantedAuthNo={id}"
MOBILE_URL = "https://m.work24.go.kr/wk/a/b/1200/retriveDtlEmpSrchList.do?wantedAuthNo={id}"
EMP_TP_NAMES = {
    "10": "기간의 정함이 없는 근로계약",
    "11": "기간의 정함이 없는 근로계약(시간(선택)제)",
    "20": "기간의 정함이 있는 근로계약",
    "21": "기간의 정함이 있는 근로계약(시간(선택)제)",
    "4": "파견근로",
}

# --------------------------------------------------------------------------------------------- places

JEJU = "제주시"
SGP = "서귀포시"

# Baseline district weights (roughly population / business activity).
BASE_DISTRICTS: dict[str, dict[str, float]] = {
    JEJU: {
        "일도1동": 1.0, "일도2동": 3.0, "이도1동": 1.2, "이도2동": 4.0, "삼도1동": 1.5, "삼도2동": 1.2,
        "용담1동": 1.2, "용담2동": 2.0, "건입동": 1.5, "화북동": 2.0, "삼양동": 1.5, "봉개동": 0.8,
        "아라동": 2.5, "오라동": 1.2, "연동": 5.0, "노형동": 5.0, "외도동": 1.5, "이호동": 0.7, "도두동": 0.7,
        "한림읍": 2.0, "애월읍": 3.0, "구좌읍": 1.5, "조천읍": 2.0, "한경면": 0.8, "추자면": 0.2, "우도면": 0.3,
    },
    SGP: {
        "송산동": 0.8, "정방동": 0.7, "중앙동": 1.2, "천지동": 1.0, "효돈동": 0.8, "영천동": 0.7, "동홍동": 3.0,
        "서홍동": 1.5, "대륜동": 2.0, "대천동": 1.5, "중문동": 2.0, "예래동": 0.7, "대정읍": 1.8, "남원읍": 1.8,
        "성산읍": 1.8, "안덕면": 1.2, "표선면": 1.5,
    },
}

ROADS: dict[str, tuple[str, ...]] = {
    "일도1동": ("관덕로", "칠성로"), "일도2동": ("동광로", "신산로"), "이도1동": ("동문로",), "이도2동": ("중앙로", "도남로"),
    "삼도1동": ("서사로",), "삼도2동": ("관덕로",), "용담1동": ("용문로",), "용담2동": ("용담로", "서해안로"),
    "건입동": ("임항로", "사라봉동길"), "화북동": ("화북로", "진남로"), "삼양동": ("삼양로", "선사로"), "봉개동": ("명림로",),
    "아라동": ("첨단로", "아란로"), "오라동": ("오라로",), "연동": ("신대로", "연북로", "은남길"), "노형동": ("노형로", "도령로"),
    "외도동": ("우정로",), "이호동": ("도리로",), "도두동": ("도두항길",), "한림읍": ("한림로", "협재로"),
    "애월읍": ("애월해안로", "애월로", "일주서로"), "구좌읍": ("해맞이해안로", "일주동로"), "조천읍": ("조함해안로", "신북로"),
    "한경면": ("노을해안로", "한경해안로"), "추자면": ("추자로",), "우도면": ("우도해안길",),
    "송산동": ("칠십리로",), "정방동": ("정방로",), "중앙동": ("중정로", "태평로"), "천지동": ("칠십리로", "천지로"),
    "효돈동": ("효돈순환로",), "영천동": ("영천로",), "동홍동": ("동홍로", "중앙로"), "서홍동": ("서홍로",),
    "대륜동": ("일주서로", "법환로"), "대천동": ("일주동로",), "중문동": ("중문관광로", "천제연로"), "예래동": ("예래해안로",),
    "대정읍": ("하모로", "최남단해안로"), "남원읍": ("태위로", "위미중앙로"), "성산읍": ("일출로", "섭지코지로"),
    "안덕면": ("산방로", "사계남로"), "표선면": ("민속해안로", "표선중앙로"),
}

PLACE_WORDS = (
    "한라", "탐라", "올레", "삼다", "섭지", "협재", "비양", "산방", "가파", "새별", "노꼬메", "사려니", "곶자왈", "용머리",
    "쇠소깍", "정방", "천지연", "오름", "바당", "물영아리", "영실", "월정", "함덕", "금능", "표선", "위미", "별빛",
    "하귤", "동백", "수국", "유채", "돌담", "귤빛", "푸른섬", "제주해담", "한결", "우보", "다랑쉬", "성읍", "이어도",
    "백록", "윗세", "아끈", "용눈이", "따라비", "지미", "두모", "고산", "차귀", "모슬", "송악", "군산", "고근산", "솔오름",
    "절물", "비자림", "한빛", "해오름", "늘봄", "참빛", "온누리", "새봄", "청보리", "보목", "하례", "신례", "태흥", "가시리",
)


@dataclass(frozen=True)
class Pay:
    """A wage plan: values for minSal (원), optional spread to maxSal, employment codes, hours."""

    wage_type: str  # 시급 / 일급 / 월급 / 연봉
    low: int
    high: int
    step: int
    spread: tuple[int, int] = (0, 0)  # maxSal - minSal range; (0, 0) = no maximum
    emp_codes: tuple[str, ...] = ("10",)
    hours: str = "full"  # full / shift / part / six
    weight: float = 1.0


@dataclass(frozen=True)
class V:
    """Company name patterns and the titles that fit them (a 요양원 does not post 방문요양 titles)."""

    companies: tuple[str, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class JobTemplate:
    key: str
    weight: float
    industry: str
    jobs_cd: str
    jobs_nm: str
    variants: tuple[V, ...]
    pays: tuple[Pay, ...]
    content: tuple[str, ...]
    jeju_share: float = 0.76
    districts: dict[str, float] = field(default_factory=dict)  # overrides (multiplied into the baseline)
    welfare: tuple[str, ...] = ("식사 제공",)
    education: tuple[str, ...] = ("학력무관",)
    career: tuple[str, ...] = ("관계없음",)
    seasonal: str | None = None  # "citrus" = 감귤 수확기 (recruited Sep–Nov, work 10–1월); titles may add 시즌/성수기
    no_pay_share: float = 0.0  # share posted as "면접 후 결정"


HOSPITALITY_WELFARE = ("식사 제공", "기숙사 제공", "통근버스 운행", "명절 선물", "유니폼 지급", "호텔 시설 이용 할인")
CARE_WELFARE = ("식사 제공", "명절 상여금", "교육비 지원", "차량 유지비 지원", "장기근속 수당")
OFFICE_WELFARE = ("중식 제공", "경조사 지원", "연차 자유 사용", "교육비 지원", "주차 지원")

TEMPLATES: tuple[JobTemplate, ...] = (
    JobTemplate(
        "hotel_front", 5.0, "호텔업", "521201", "호텔 프런트 사무원",
        (V(("{place}호텔", "{place}관광호텔(주)", "호텔{place}"),
           ("{area} 호텔 프런트 데스크 직원 채용", "호텔 프런트 리셉션 정규직 모집 (외국어 우대)",
            "[{area}] 호텔 프런트 야간 근무자 구인")),
         V(("{place}리조트(주)", "(주){place}호텔앤리조트"),
           ("리조트 프런트 데스크 신입·경력 채용", "[{area}] 리조트 프런트 리셉션 직원 모집"))),
        (Pay("월급", 2_300_000, 2_800_000, 10_000, (0, 300_000), ("10", "20"), "shift"),),
        ("체크인·체크아웃 및 객실 배정", "예약 관리(PMS) 및 전화 응대", "외국인 고객 응대(영어·중국어 가능자 우대)",
         "야간 근무 시 정산 업무 포함"),
        jeju_share=0.5, districts={"중문동": 8, "연동": 3, "노형동": 3, "성산읍": 4, "표선면": 3, "애월읍": 3, "용담2동": 3,
                                   "건입동": 2, "조천읍": 2, "안덕면": 3, "천지동": 2},
        welfare=HOSPITALITY_WELFARE, education=("고졸", "대졸(2~3년)", "학력무관"), career=("관계없음", "신입", "경력(1년 이상)"),
    ),
    JobTemplate(
        "housekeeping", 6.0, "호텔업", "561102", "객실 청소원",
        (V(("{place}호텔", "{place}리조트(주)", "(주){place}호텔앤리조트"),
           ("객실 정비(하우스키핑) 직원 모집", "[{area}] 리조트 객실관리 직원 채용", "호텔 룸메이드 구인 (주 5일)",
            "동계 시즌 객실정비 단기 채용 (12월~2월)", "여름 성수기 객실정비 단기 직원 모집")),
         V(("{place}펜션", "{place}스테이", "{place}게스트하우스"),
           ("펜션 객실 청소 시간제 근무자 모집", "[{area}] 독채 스테이 객실 정리 직원 구인"))),
        (Pay("월급", 2_200_000, 2_500_000, 10_000, (0, 200_000), ("10", "20")),
         Pay("시급", 10_800, 12_500, 100, (0, 0), ("21", "11"), "part", 0.8)),
        ("객실 청소 및 침구 교체", "객실 비품 보충 및 점검", "린넨 관리 및 공용구역 정리"),
        jeju_share=0.5, districts={"중문동": 6, "성산읍": 4, "표선면": 3, "애월읍": 4, "조천읍": 3, "구좌읍": 3, "연동": 2,
                                   "노형동": 2, "안덕면": 3, "한림읍": 2, "우도면": 2},
        welfare=HOSPITALITY_WELFARE,
    ),
    JobTemplate(
        "cook", 6.0, "한식 일반 음식점업", "531101", "한식 조리사",
        (V(("{place}흑돼지", "{place}돈사돈"), ("흑돼지 전문점 주방 조리원 모집", "[{area}] 흑돼지 식당 조리 실장 채용")),
         V(("{place}고기국수", "{place}국수"), ("고기국수 전문점 조리 직원 채용", "국수집 주방 조리원 구인 ({area})")),
         V(("{place}식당", "{place}한정식", "(주){place}푸드"), ("한식 조리사 구인 ({area})", "주방 조리 실장 모집 (경력자 우대)")),
         V(("{place}호텔", "{place}관광호텔(주)"), ("호텔 레스토랑 조리사 채용", "호텔 뷔페 조리원 모집 (조식)"))),
        (Pay("월급", 2_600_000, 3_800_000, 50_000, (0, 500_000), ("10", "20")),),
        ("메뉴 조리 및 식자재 손질", "주방 위생 관리 및 재고 관리", "한식조리기능사 자격증 소지자 우대"),
        districts={"연동": 3, "노형동": 3, "이도2동": 2, "중문동": 3, "애월읍": 2, "건입동": 2, "천지동": 2},
        welfare=("식사 제공", "기숙사 제공", "명절 상여금", "인센티브"), career=("관계없음", "경력(2년 이상)", "경력(3년 이상)"),
    ),
    JobTemplate(
        "kitchen_helper", 3.0, "한식 일반 음식점업", "531201", "주방 보조원",
        (V(("{place}식당", "{place}흑돼지", "{place}해물뚝배기", "{place}밀면"),
           ("주방 보조 직원 모집", "[{area}] 식당 주방 보조 시간제 구인", "여름 성수기 주방 보조 단기 채용")),),
        (Pay("월급", 2_200_000, 2_450_000, 10_000, (0, 150_000), ("10", "20")),
         Pay("시급", 10_500, 12_000, 100, (0, 0), ("21",), "part")),
        ("식자재 손질 및 설거지", "주방 정리정돈 및 조리 보조"),
        districts={"연동": 2, "노형동": 2, "애월읍": 2, "성산읍": 2, "중문동": 2},
        welfare=("식사 제공",),
    ),
    JobTemplate(
        "server", 6.0, "한식 일반 음식점업", "532101", "홀서빙원",
        (V(("{place}흑돼지", "{place}돈사돈"), ("흑돼지 전문점 홀 서빙 아르바이트", "[{area}] 흑돼지 식당 홀 관리 정규직 채용")),
         V(("{place}식당", "{place}갈치조림", "{place}고기국수", "{place}횟집"),
           ("홀 서빙 직원 모집 ({area})", "여름 성수기 홀 서빙 단기 근무자 모집", "관광지 식당 홀 서빙 시간제 구인"))),
        (Pay("시급", 10_500, 12_500, 100, (0, 0), ("21", "11"), "part", 1.2),
         Pay("월급", 2_250_000, 2_600_000, 10_000, (0, 200_000), ("10", "20"))),
        ("홀 서빙 및 주문 응대", "테이블 정리 및 매장 청결 관리", "외국인 관광객 응대 가능자 우대"),
        districts={"연동": 3, "노형동": 3, "이도2동": 2, "중문동": 2, "애월읍": 2, "성산읍": 2, "표선면": 1.5, "건입동": 2},
        welfare=("식사 제공", "근무복 지급"),
    ),
    JobTemplate(
        "cafe", 5.0, "커피 전문점", "532102", "바리스타",
        (V(("카페 {place}", "{place}커피", "{place}로스터스"),
           ("{area} 오션뷰 카페 바리스타 모집", "카페 바리스타 시간제 근무자 구인", "[{area}] 카페 매니저 정규직 모집")),
         V(("{place}베이커리카페", "{place}제과"), ("베이커리 카페 직원 채용 (제과 가능자 우대)", "베이커리 카페 홀·음료 직원 구인"))),
        (Pay("시급", 10_400, 12_000, 100, (0, 0), ("21", "11"), "part", 1.5),
         Pay("월급", 2_250_000, 2_700_000, 10_000, (0, 200_000), ("10",))),
        ("에스프레소 음료 제조 및 주문 응대", "매장 청결 및 재고 관리", "바리스타 자격증 소지자 우대"),
        districts={"애월읍": 6, "구좌읍": 4, "조천읍": 4, "한림읍": 3, "연동": 3, "노형동": 3, "안덕면": 2, "성산읍": 2,
                   "대정읍": 1.5, "중문동": 1.5},
        welfare=("음료 무료 제공", "식사 제공", "주휴수당 지급"),
    ),
    JobTemplate(
        "resort_leisure", 3.0, "유원지 및 테마파크 운영업", "523101", "레저시설 서비스원",
        (V(("{place}리조트(주)", "{place}테마파크", "{place}랜드", "(주){place}레저"),
           ("관광시설 운영 직원 채용", "[{area}] 관광지 매표·안내 직원 모집", "테마파크 운영 요원 구인")),
         V(("{place}승마장", "{place}카트체험장"), ("승마장·카트장 안전요원 모집", "[{area}] 레저체험장 운영 직원 구인"))),
        (Pay("월급", 2_300_000, 2_900_000, 10_000, (0, 200_000), ("10", "20")),),
        ("관광시설 매표 및 고객 안내", "시설 안전 점검 및 운영 보조", "단체 관광객 응대"),
        jeju_share=0.45, districts={"안덕면": 5, "중문동": 5, "표선면": 4, "성산읍": 4, "조천읍": 3, "애월읍": 3, "한림읍": 2,
                                    "구좌읍": 2},
        welfare=HOSPITALITY_WELFARE,
    ),
    JobTemplate(
        "rentacar", 3.0, "자동차 임대업", "622401", "차량 탁송 운전원",
        (V(("{place}렌트카(주)", "{place}렌터카", "(주){place}모빌리티"),
           ("렌터카 탁송·세차 직원 모집", "렌터카 카운터 고객응대 직원 채용", "공항 렌터카 하우스 차량 관리 직원 구인")),),
        (Pay("월급", 2_400_000, 3_000_000, 10_000, (0, 300_000), ("10", "20"), "shift"),),
        ("렌터카 배차·반납 및 차량 점검", "차량 세차 및 탁송", "1종 보통 운전면허 필수"),
        jeju_share=0.92, districts={"용담2동": 10, "용담1동": 3, "도두동": 4, "연동": 2, "노형동": 1, "외도동": 1},
        welfare=("식사 제공", "통근 차량 지원", "명절 상여금"),
    ),
    JobTemplate(
        "tour_guide", 1.0, "여행사업", "521101", "관광 안내원",
        (V(("{place}여행사", "(주){place}투어", "{place}관광(주)"),
           ("관광통역안내사 (중국어) 모집", "단체관광 가이드 채용", "버스투어 관광 안내원 구인")),),
        (Pay("일급", 150_000, 200_000, 10_000, (0, 30_000), ("20",), "full"),
         Pay("월급", 2_500_000, 3_200_000, 50_000, (0, 300_000), ("10",))),
        ("제주 관광지 안내 및 일정 진행", "관광통역안내사 자격증 소지자 우대", "중국어·일본어 가능자 우대"),
        districts={"연동": 4, "노형동": 3, "이도2동": 2, "중문동": 2},
        welfare=("식대 지원", "교통비 지원"), education=("고졸", "대졸(2~3년)", "대졸(4년)"),
    ),
    JobTemplate(
        "haenyeo_restaurant", 1.5, "한식 일반 음식점업", "532101", "홀서빙원",
        (V(("{place}해녀의집", "{place}해녀촌", "{place}어촌계 식당"),
           ("해녀의집 식당 홀·주방 직원 모집", "[{area}] 해녀촌 식당 직원 구인", "해산물 식당 서빙 직원 모집")),),
        (Pay("월급", 2_200_000, 2_500_000, 10_000, (0, 100_000), ("20", "10")),
         Pay("시급", 10_500, 11_500, 100, (0, 0), ("21",), "part")),
        ("해산물 요리 서빙 및 주방 보조", "매장 정리 및 손님 응대"),
        jeju_share=0.6, districts={"구좌읍": 6, "성산읍": 6, "조천읍": 4, "우도면": 3, "한림읍": 3, "애월읍": 2, "남원읍": 2,
                                   "표선면": 2, "한경면": 2},
        welfare=("식사 제공",),
    ),
    JobTemplate(
        "caregiver", 8.0, "노인 요양 복지시설 운영업", "550101", "요양보호사",
        (V(("{place}요양원", "{place}노인요양원", "{place}너싱홈"),
           ("[{area}] 요양원 요양보호사 채용 (교대근무)", "노인요양시설 요양보호사 모집", "요양원 야간 요양보호사 구인")),
         V(("{place}주간보호센터", "{place}데이케어센터"), ("요양보호사 모집 (주간보호센터)", "주간보호센터 요양보호사 시간제 구인")),
         V(("{place}재가복지센터", "{place}방문요양센터", "{place}실버케어"),
           ("방문요양 요양보호사 구인 ({area})", "재가방문 요양보호사 시간제 모집"))),
        (Pay("시급", 10_500, 12_500, 100, (0, 0), ("21", "11"), "part", 1.3),
         Pay("월급", 2_300_000, 2_700_000, 10_000, (0, 200_000), ("10", "20"), "shift")),
        ("어르신 신체활동 지원(식사·목욕·이동)", "일상생활 지원 및 정서 지원", "요양보호사 자격증 필수"),
        jeju_share=0.68, districts={"이도2동": 2, "노형동": 2, "화북동": 1.5, "동홍동": 2, "한림읍": 1.5, "대정읍": 1.5},
        welfare=CARE_WELFARE, education=("학력무관",), career=("관계없음", "신입"),
    ),
    JobTemplate(
        "social_worker", 3.0, "사회복지 서비스업", "231101", "사회복지사",
        (V(("{place}노인복지관", "{place}종합사회복지관"), ("사회복지사 채용 (복지관)", "[{area}] 복지관 사례관리 사회복지사 모집")),
         V(("{place}지역아동센터",), ("[{area}] 지역아동센터 사회복지사 모집", "지역아동센터 생활복지사 채용")),
         V(("{place}장애인복지관", "{place}장애인주간보호센터"), ("장애인복지관 사회복지사 구인", "장애인 주간보호 사회복지사 채용")),
         V(("{place}재가노인지원센터",), ("재가노인지원센터 사회복지사 채용 (경력 우대)",))),
        (Pay("월급", 2_500_000, 3_200_000, 10_000, (0, 300_000), ("10", "20")),
         Pay("연봉", 30_000_000, 38_000_000, 1_000_000, (0, 4_000_000), ("10",), "full", 0.5)),
        ("사례관리 및 프로그램 기획·운영", "후원자 관리 및 행정업무", "사회복지사 2급 이상 자격증 필수"),
        districts={"이도2동": 2, "일도2동": 2, "노형동": 1.5, "동홍동": 2, "대륜동": 1},
        welfare=CARE_WELFARE, education=("대졸(2~3년)", "대졸(4년)"), career=("관계없음", "경력(1년 이상)"),
    ),
    JobTemplate(
        "disability_support", 2.5, "방문 복지서비스 제공업", "550102", "장애인 활동지원사",
        (V(("{place}장애인활동지원센터", "{place}자립생활센터", "{place}복지센터"),
           ("장애인활동지원사 모집 ({area})", "활동지원사 시간제 구인 (주간)", "장애아동 활동지원사 채용")),),
        (Pay("시급", 11_500, 13_000, 100, (0, 0), ("21",), "part"),),
        ("장애인 일상생활·이동 지원", "활동지원사 교육 이수자 (미이수자 교육 연계)"),
        districts={"이도2동": 2, "연동": 2, "동홍동": 2},
        welfare=("교통비 지원", "교육비 지원"),
    ),
    JobTemplate(
        "childcare", 1.5, "보육시설 운영업", "215101", "보육교사",
        (V(("{place}어린이집", "국공립{place}어린이집"),
           ("어린이집 보육교사 모집", "[{area}] 어린이집 보조교사 채용", "연장보육 전담교사 구인")),),
        (Pay("월급", 2_250_000, 2_600_000, 10_000, (0, 200_000), ("10", "20")),
         Pay("시급", 10_800, 12_000, 100, (0, 0), ("21",), "part", 0.6)),
        ("영유아 보육 및 놀이 지도", "보육일지 작성 및 부모 상담", "보육교사 2급 이상 자격증 필수"),
        districts={"아라동": 2, "노형동": 2, "연동": 2, "삼양동": 1.5, "동홍동": 2},
        welfare=CARE_WELFARE, education=("대졸(2~3년)", "대졸(4년)", "고졸"),
    ),
    JobTemplate(
        "citrus_harvest", 4.5, "과실류 재배업", "901101", "과수작물 재배원",
        (V(("{place}농원", "{place}감귤농장", "{place}영농조합법인", "{place}과수원"),
           ("[계절] 감귤 수확 작업자 모집 (10월~1월)", "감귤 따기 수확 인력 구인 ({area})", "노지감귤 수확기 인력 모집",
            "만감류(한라봉) 수확 작업자 채용")),),
        (Pay("일급", 100_000, 130_000, 5_000, (0, 20_000), ("20",), "six"),),
        ("감귤 수확 및 운반", "선별 작업 보조", "중식·간식 제공, 초보자 가능"),
        jeju_share=0.25, districts={"남원읍": 10, "효돈동": 5, "서홍동": 3, "표선면": 4, "중문동": 2, "안덕면": 2, "대천동": 3,
                                    "영천동": 2, "예래동": 2, "조천읍": 3, "애월읍": 3, "한림읍": 1},
        welfare=("중식 제공", "간식 제공", "차량 지원"), seasonal="citrus",
    ),
    JobTemplate(
        "citrus_sorting", 1.5, "과실류 재배업", "901102", "농산물 선별원",
        (V(("{place}감귤선과장", "{place}농협 선과장", "{place}영농조합법인"),
           ("감귤 선과장 선별 작업자 모집 (수확기)", "[{area}] 감귤 선과장 포장 직원 구인", "농협 선과장 계절 근로자 채용")),),
        (Pay("시급", 10_500, 12_000, 100, (0, 0), ("20",), "full"),
         Pay("월급", 2_300_000, 2_600_000, 10_000, (0, 100_000), ("20",))),
        ("감귤 선별 및 포장", "상자 적재 및 출하 보조"),
        jeju_share=0.3, districts={"남원읍": 8, "효돈동": 4, "표선면": 3, "서홍동": 2, "조천읍": 2, "애월읍": 2},
        welfare=("중식 제공", "간식 제공"), seasonal="citrus",
    ),
    JobTemplate(
        "farm", 2.0, "채소작물 재배업", "901201", "채소작물 재배원",
        (V(("{place}농장", "{place}영농조합법인"),
           ("월동무·당근 밭 작업자 모집", "[{area}] 농장 일반 작업자 채용", "양배추 수확 작업자 모집")),
         V(("(주){place}팜", "{place}스마트팜"), ("스마트팜 재배 관리 직원 구인", "[{area}] 스마트팜 시설 관리 직원 채용"))),
        (Pay("일급", 110_000, 140_000, 5_000, (0, 20_000), ("20",), "six"),
         Pay("월급", 2_300_000, 2_800_000, 10_000, (0, 200_000), ("10", "20"))),
        ("파종·재배 및 밭 관리", "농기계 보조 작업", "온습도·관수 관리 (교육 제공)"),
        jeju_share=0.7, districts={"구좌읍": 8, "한림읍": 4, "한경면": 5, "대정읍": 5, "성산읍": 4, "애월읍": 3, "조천읍": 2,
                                   "안덕면": 2},
        welfare=("중식 제공", "숙소 제공"),
    ),
    JobTemplate(
        "fish_farm", 2.0, "해수면 양식 어업", "903101", "양식원",
        (V(("{place}수산", "{place}양식영어조합법인", "(주){place}씨푸드"),
           ("광어 양식장 관리 직원 모집", "[{area}] 양식장 사료 급이·관리 직원 채용", "수산 양식장 현장 직원 구인")),),
        (Pay("월급", 2_600_000, 3_300_000, 50_000, (0, 300_000), ("10", "20"), "shift"),),
        ("사료 급이 및 수조 관리", "선별 및 출하 작업", "숙소 제공 가능"),
        jeju_share=0.6, districts={"한림읍": 6, "한경면": 6, "대정읍": 5, "성산읍": 4, "표선면": 3, "구좌읍": 3, "남원읍": 2},
        welfare=("숙소 제공", "식사 제공", "명절 상여금"),
    ),
    JobTemplate(
        "mart", 4.0, "슈퍼마켓", "612101", "매장 판매원",
        (V(("{place}마트", "(주){place}유통"),
           ("마트 계산원 모집 ({area})", "[{area}] 마트 농산 코너 직원 구인", "마트 계산원 시간제 근무자 모집")),
         V(("{place}농협 하나로마트",), ("하나로마트 진열·판매 직원 채용", "하나로마트 계산원 시간제 구인"))),
        (Pay("월급", 2_200_000, 2_500_000, 10_000, (0, 150_000), ("10", "20")),
         Pay("시급", 10_400, 11_500, 100, (0, 0), ("21", "11"), "part")),
        ("계산 및 고객 응대", "상품 진열 및 재고 관리"),
        districts={"연동": 2, "노형동": 2, "이도2동": 2, "삼양동": 1.5, "동홍동": 2, "대정읍": 1.5, "성산읍": 1.5},
        welfare=("식사 제공", "직원 할인"),
    ),
    JobTemplate(
        "duty_free", 2.5, "면세점", "612102", "판매 사원",
        (V(("(주){place}면세", "{place}듀티프리(주)", "{place}면세점"),
           ("면세점 판매 사원 채용 (중국어 우대)", "시내 면세점 화장품 판매직 모집", "면세점 판매 직원 구인 (교대)")),),
        (Pay("월급", 2_400_000, 3_000_000, 50_000, (0, 400_000), ("10", "20", "4"), "shift"),),
        ("면세품 판매 및 고객 상담", "외국인 관광객 응대 (중국어·일본어 능통자 우대)", "매장 진열 및 재고 관리"),
        jeju_share=0.8, districts={"연동": 8, "노형동": 5, "용담2동": 4, "중문동": 5},
        welfare=("식사 제공", "인센티브", "직원 할인"), education=("고졸", "대졸(2~3년)", "대졸(4년)"),
    ),
    JobTemplate(
        "convenience", 2.0, "체인화 편의점", "612201", "계산원",
        (V(("{place}편의점", "{place}24 편의점"),
           ("편의점 야간 근무자 모집", "[{area}] 편의점 주말 아르바이트 구인", "편의점 평일 오전 근무자 모집")),),
        (Pay("시급", 10_320, 10_800, 80, (0, 0), ("21",), "part"),),
        ("계산 및 상품 진열", "매장 청소 및 유통기한 관리"),
        districts={"연동": 2, "노형동": 2, "이도2동": 2, "동홍동": 2},
        welfare=("주휴수당 지급",),
    ),
    JobTemplate(
        "bus", 1.5, "시내버스 운송업", "622101", "버스 운전원",
        (V(("{place}교통(주)", "{place}여객(주)"), ("시내버스 운전원 채용", "노선버스 운전원 구인 (대형면허)")),
         V(("{place}관광버스", "(주){place}관광"), ("관광버스 기사 모집 (대형면허)", "전세버스 운전원 채용"))),
        (Pay("월급", 3_500_000, 4_200_000, 50_000, (0, 300_000), ("10", "20"), "shift"),),
        ("버스 운행 및 안전 관리", "1종 대형면허 및 버스운전자격증 필수"),
        districts={"노형동": 3, "오라동": 2, "화북동": 2, "동홍동": 2},
        welfare=("식사 제공", "무사고 수당", "명절 상여금"), career=("경력(1년 이상)", "관계없음"),
    ),
    JobTemplate(
        "truck", 1.5, "일반 화물자동차 운송업", "622201", "화물차 운전원",
        (V(("{place}물류(주)", "{place}운수", "(주){place}로지스"),
           ("화물차 운전기사 모집 (5톤)", "감귤·농산물 운송 기사 구인", "냉동탑차 배송 기사 채용")),),
        (Pay("월급", 3_200_000, 4_000_000, 50_000, (0, 400_000), ("10", "20")),),
        ("화물 상하차 및 운송", "1종 보통(또는 대형) 면허, 화물운송자격증 필수"),
        districts={"화북동": 3, "건입동": 3, "조천읍": 2, "남원읍": 2, "대정읍": 1.5},
        welfare=("식대 지원", "유류비 지원"), career=("경력(1년 이상)", "관계없음"),
    ),
    JobTemplate(
        "delivery", 2.0, "택배업", "622301", "택배원",
        (V(("{place}택배", "(주){place}물류", "{place}로지스"),
           ("택배 배송 기사 모집", "[{area}] 택배 분류·배송 직원 구인", "생활물류 배송 직원 채용")),),
        (Pay("월급", 3_000_000, 3_800_000, 50_000, (0, 400_000), ("10", "20")),),
        ("택배 분류 및 지정 구역 배송", "1종 보통 운전면허 필수"),
        districts={"화북동": 2, "노형동": 2, "외도동": 2, "동홍동": 2},
        welfare=("식대 지원", "차량 지원"),
    ),
    JobTemplate(
        "construction_worker", 2.5, "주거용 건물 건설업", "706101", "건설 단순 종사원",
        (V(("{place}건설(주)", "(주){place}종합건설", "{place}개발(주)"),
           ("건설현장 일용직 근로자 모집 ({area})", "[일용] 건축 현장 보통인부 구인", "형틀목공 일용 기능공 모집")),),
        (Pay("일급", 160_000, 230_000, 10_000, (0, 20_000), ("20",), "full"),),
        ("건축 현장 자재 운반 및 정리", "건설업 기초안전보건교육 이수증 필수"),
        districts={"아라동": 2, "노형동": 2, "외도동": 2, "애월읍": 2, "대정읍": 1.5, "동홍동": 2},
        welfare=("중식 제공", "안전장비 지급"),
    ),
    JobTemplate(
        "construction_manager", 1.5, "토목 건설업", "141101", "건설 현장 관리자",
        (V(("{place}건설(주)", "(주){place}종합건설", "{place}토건(주)"),
           ("건축 현장 공무·관리 직원 채용", "토목 현장 기사 모집 (경력)", "건설 안전관리자 채용")),),
        (Pay("연봉", 36_000_000, 48_000_000, 1_000_000, (0, 6_000_000), ("10", "20")),),
        ("현장 공정·품질 관리", "건축(토목)기사 자격증 소지자 우대", "안전관리 서류 작성"),
        districts={"연동": 2, "노형동": 2, "이도2동": 2, "동홍동": 2},
        welfare=OFFICE_WELFARE, education=("대졸(2~3년)", "대졸(4년)"), career=("경력(3년 이상)", "경력(2년 이상)"),
        no_pay_share=0.15,
    ),
    JobTemplate(
        "office_admin", 3.5, "기타 사업지원 서비스업", "023101", "일반 사무원",
        (V(("(주){place}", "{place}산업(주)", "{place}협동조합", "(주){place}개발"),
           ("사무보조 직원 채용 ({area})", "일반 사무·총무 담당자 모집", "[{area}] 사무직 신입 채용 (컴퓨터활용능력 우대)",
            "안내데스크·사무 보조 시간제 모집")),),
        (Pay("월급", 2_200_000, 2_700_000, 10_000, (0, 300_000), ("10", "20")),
         Pay("시급", 10_500, 11_500, 100, (0, 0), ("21",), "part", 0.4)),
        ("문서 작성 및 자료 정리", "전화 응대 및 방문객 안내", "컴퓨터활용능력 자격증 소지자 우대"),
        districts={"연동": 3, "노형동": 3, "이도2동": 3, "일도2동": 2, "동홍동": 2},
        welfare=OFFICE_WELFARE, education=("고졸", "대졸(2~3년)", "대졸(4년)"),
    ),
    JobTemplate(
        "accounting", 2.0, "회계 및 세무 관련 서비스업", "024101", "회계 사무원",
        (V(("{place}세무회계사무소", "{place}세무사사무소"), ("세무회계사무소 직원 모집", "[{area}] 세무사무소 회계 사무원 구인")),
         V(("(주){place}", "{place}산업(주)"), ("경리·회계 담당자 채용", "회계 사무원 구인 (전산회계 자격 우대)"))),
        (Pay("월급", 2_300_000, 2_900_000, 10_000, (0, 300_000), ("10",)),),
        ("전표 입력 및 장부 관리", "부가세·원천세 신고 보조", "전산회계 1·2급 소지자 우대"),
        districts={"연동": 3, "노형동": 2, "이도2동": 3, "동홍동": 2},
        welfare=OFFICE_WELFARE, education=("고졸", "대졸(2~3년)", "대졸(4년)"),
    ),
    JobTemplate(
        "it_developer", 2.0, "응용 소프트웨어 개발 및 공급업", "133101", "응용 소프트웨어 개발자",
        (V(("(주){place}소프트", "{place}랩스(주)", "(주){place}테크"),
           ("웹 서비스 백엔드 개발자 채용 (첨단과학기술단지)", "프론트엔드 개발자 모집 (React)",
            "[제주첨단과학기술단지] 앱 개발자 채용", "관광 플랫폼 풀스택 개발자 구인")),),
        (Pay("연봉", 32_000_000, 42_000_000, 1_000_000, (2_000_000, 8_000_000), ("10",)),),
        ("웹·모바일 서비스 개발 및 운영", "Java/Spring 또는 Python, React 경험자 우대", "원격근무 일부 가능"),
        jeju_share=0.97, districts={"아라동": 14, "연동": 3, "노형동": 3, "이도2동": 2, "일도2동": 1},
        welfare=("유연근무제", "교육비 지원", "장비 지원", "중식 제공"), education=("대졸(2~3년)", "대졸(4년)", "학력무관"),
        career=("관계없음", "신입", "경력(2년 이상)"), no_pay_share=0.1,
    ),
    JobTemplate(
        "it_data", 1.0, "데이터베이스 및 온라인정보 제공업", "134101", "데이터 분석가",
        (V(("(주){place}데이터", "{place}AI(주)", "(주){place}인사이트"),
           ("데이터 분석가 채용 (관광 빅데이터)", "데이터 엔지니어 모집", "AI 학습데이터 품질 관리자 채용")),),
        (Pay("연봉", 34_000_000, 45_000_000, 1_000_000, (2_000_000, 5_000_000), ("10", "20")),),
        ("관광·교통 데이터 수집 및 분석", "SQL, Python 활용 가능자", "ADsP·빅데이터분석기사 우대"),
        jeju_share=0.97, districts={"아라동": 14, "연동": 3, "노형동": 2},
        welfare=("유연근무제", "교육비 지원", "장비 지원"), education=("대졸(4년)", "대졸(2~3년)"),
    ),
    JobTemplate(
        "academy", 2.5, "일반 교과 학원", "214101", "학원 강사",
        (V(("{place}수학학원", "{place}수학교습소"), ("수학 학원 강사 모집 ({area})", "중등 수학 강사 채용")),
         V(("{place}영어학원", "{place}어학원"), ("영어 학원 강사 채용 (초·중등)", "[{area}] 영어 강사 시간제 모집")),
         V(("{place}학원", "{place}에듀", "{place}공부방"), ("겨울방학 특강 강사 구인", "보습학원 보조 강사 시간제 모집"))),
        (Pay("월급", 2_300_000, 3_200_000, 50_000, (0, 500_000), ("10", "20")),
         Pay("시급", 15_000, 25_000, 1_000, (0, 0), ("21",), "part")),
        ("초·중등 교과 수업 및 학습 관리", "학부모 상담 및 교재 준비"),
        districts={"노형동": 4, "연동": 3, "이도2동": 4, "아라동": 3, "동홍동": 3, "삼양동": 1.5},
        welfare=("중식 제공", "인센티브"), education=("대졸(4년)", "대졸(2~3년)"),
    ),
    JobTemplate(
        "nurse_aide", 2.5, "일반 의원", "304101", "간호조무사",
        (V(("{place}정형외과의원", "{place}재활의학과의원"), ("간호조무사 채용 (정형외과)", "[{area}] 의원 물리치료실 간호조무사 모집")),
         V(("{place}내과의원", "{place}가정의학과의원"), ("[{area}] 내과의원 간호조무사 모집", "의원 접수·진료보조 간호조무사 구인")),
         V(("{place}한의원",), ("한의원 간호조무사 구인", "[{area}] 한의원 진료보조 직원 채용")),
         V(("{place}요양병원",), ("요양병원 간호조무사 채용 (교대)",)),
         V(("{place}치과의원",), ("치과 간호조무사 채용", "[{area}] 치과 진료보조 직원 모집"))),
        (Pay("월급", 2_300_000, 2_900_000, 10_000, (0, 300_000), ("10", "20")),),
        ("진료 보조 및 환자 안내", "접수·수납 및 차트 정리", "간호조무사 자격증 필수"),
        districts={"이도2동": 3, "노형동": 3, "연동": 3, "일도2동": 2, "동홍동": 3},
        welfare=("중식 제공", "명절 상여금", "의료비 지원"), education=("고졸", "대졸(2~3년)"),
    ),
    JobTemplate(
        "nurse", 1.0, "병원", "303101", "간호사",
        (V(("{place}병원", "의료법인 {place}의료재단"), ("병동 간호사 채용", "[{area}] 병원 외래 간호사 채용")),
         V(("{place}요양병원",), ("요양병원 간호사 모집 (3교대)",))),
        (Pay("연봉", 36_000_000, 45_000_000, 1_000_000, (0, 5_000_000), ("10",), "shift"),),
        ("환자 간호 및 투약", "간호사 면허 필수"),
        districts={"이도2동": 3, "아라동": 2, "노형동": 2, "동홍동": 3},
        welfare=("기숙사 제공", "의료비 지원", "교육비 지원"), education=("대졸(4년)", "대졸(2~3년)"),
    ),
    JobTemplate(
        "cleaner", 2.0, "건축물 일반 청소업", "561101", "청소원",
        (V(("(주){place}환경", "{place}클린(주)", "{place}관리(주)"),
           ("건물 미화원 모집 ({area})", "호텔 공용구역 청소원 구인", "아파트 미화원 시간제 채용")),),
        (Pay("월급", 2_160_000, 2_400_000, 10_000, (0, 100_000), ("20", "4")),
         Pay("시급", 10_320, 11_000, 80, (0, 0), ("21",), "part")),
        ("건물 내외부 청소", "분리수거 및 공용구역 관리"),
        districts={"연동": 2, "노형동": 2, "중문동": 2, "동홍동": 2},
        welfare=("중식 제공",),
    ),
    JobTemplate(
        "guard", 1.5, "경비 및 경호 서비스업", "541101", "경비원",
        (V(("(주){place}시큐리티", "{place}경비(주)", "{place}관리(주)"),
           ("아파트 경비원 모집", "[{area}] 리조트 시설 경비원 채용", "주차 관리·경비 직원 구인")),),
        (Pay("월급", 2_200_000, 2_500_000, 10_000, (0, 100_000), ("20", "4"), "shift"),),
        ("시설 순찰 및 출입 관리", "주차 관리 및 택배 보관"),
        districts={"노형동": 2, "아라동": 2, "연동": 2, "중문동": 2},
        welfare=("식사 제공",),
    ),
)

SHORT_AREA = {"조천읍": "함덕", "한림읍": "협재", "대정읍": "모슬포", "구좌읍": "세화", "남원읍": "위미", "중문동": "중문",
              "성산읍": "성산", "표선면": "표선", "연동": "신제주", "노형동": "신제주", "이도2동": "구제주", "일도2동": "구제주"}


def _area_label(district: str) -> str:
    if district in SHORT_AREA:
        return SHORT_AREA[district]
    return district[:-1] if district.endswith(("읍", "면")) else district


# ------------------------------------------------------------------------------------------- helpers


def _weighted(rng: random.Random, items: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(list(items), weights=list(weights), k=1)[0]


def _pick_district(rng: random.Random, tpl: JobTemplate) -> tuple[str, str]:
    city = JEJU if rng.random() < tpl.jeju_share else SGP
    base = BASE_DISTRICTS[city]
    names = list(base)
    weights = [base[d] * tpl.districts.get(d, 1.0) for d in names]
    return city, _weighted(rng, names, weights)


def _won(amount: int) -> str:
    """Human amount as in 고용24 ``sal``: 2,500,000 → "250만원"; 10,500 → "10,500원"; 50,000 → "50,000원"."""
    return compact_won(amount) if amount >= 100_000 else won(amount)


def _clock_text(hour: int) -> str:
    marker = "오전" if hour < 12 else "오후"
    shown = hour if hour <= 12 else hour - 12
    return f"({marker}) {shown}시 00분"


def _phone(rng: random.Random, city: str) -> str:
    prefix = rng.choice(("72", "73", "74", "75", "76", "79")) if city == JEJU else rng.choice(("73", "76", "78", "79"))
    return f"064-7{prefix[1]}{rng.randint(0, 9)}-{rng.randint(1000, 9999)}"


@dataclass
class Company:
    name: str
    city: str
    district: str
    busino: str
    zip_cd: str
    road: str
    detail: str
    phone: str
    strtnm_cd: str
    variant: int


def _company(rng: random.Random, tpl: JobTemplate, used: set[str]) -> Company:
    city, district = _pick_district(rng, tpl)
    variant = rng.randrange(len(tpl.variants))
    patterns = tpl.variants[variant].companies
    name = patterns[0].format(place=PLACE_WORDS[0])
    for _ in range(60):
        name = rng.choice(patterns).format(place=rng.choice(PLACE_WORDS))
        if name not in used:
            break
    else:
        name = f"{name} {_area_label(district)}"  # a second site of the same business
    used.add(name)
    zip_lo, zip_hi = (63000, 63365) if city == JEJU else (63500, 63644)
    road = f"{rng.choice(ROADS[district])} {rng.randint(1, 420)}"
    if rng.random() < 0.3:
        road += f"-{rng.randint(1, 30)}"
    return Company(
        name=name,
        city=city,
        district=district,
        busino=f"616{rng.choice(('81', '86', '01', '03', '14', '25'))}{rng.randint(10000, 99999)}",
        zip_cd=str(rng.randint(zip_lo, zip_hi)),
        road=road,
        detail=rng.choice(("", "1층", "2층", f"{rng.randint(1, 5)}층 {rng.randint(101, 512)}호", "본관", "관리동")),
        phone=_phone(rng, city),
        strtnm_cd=f"{'5011' if city == JEJU else '5013'}{rng.randint(10_000_000, 99_999_999)}",
        variant=variant,
    )


# ------------------------------------------------------------------------------------------- jobs


@dataclass
class _Schedule:
    text: str
    holiday: str
    weekly_hours: float


def _schedule(rng: random.Random, kind: str) -> _Schedule:
    if kind == "six":
        start = rng.choice((7, 8))
        return _Schedule(f"주 6일 근무, {_clock_text(start)} ~ {_clock_text(start + 9)} (휴게 1시간), 주 소정근로시간: 48시간",
                         "주6일근무", 48)
    if kind == "shift":
        text = rng.choice((
            "교대근무 (주간 07:00~16:00 / 오후 14:00~23:00), 주 5일, 주 소정근로시간: 40시간",
            "3조 2교대 근무 (주간·야간 순환), 주 5일, 주 소정근로시간: 40시간",
            "교대근무 (오전조·오후조), 월 22일 근무, 주 소정근로시간: 40시간",
        ))
        return _Schedule(text, "교대근무", 40)
    if kind == "part":
        options = [(d, h) for d in (3, 4, 5) for h in (4, 5, 6) if 15 <= d * h <= 30]
        days, daily = rng.choice(options)
        start = rng.choice((9, 10, 11, 14, 17))
        weekly = days * daily
        return _Schedule(
            f"주 {days}일 근무, 1일 {daily}시간 ({start:02d}:00~{start + daily:02d}:00), 주 소정근로시간: {weekly}시간",
            f"주{days}일근무", weekly,
        )
    start = rng.choice((8, 9, 9, 9, 10))
    return _Schedule(f"주 5일 근무, {_clock_text(start)} ~ {_clock_text(start + 9)}, 주 소정근로시간: 40시간", "주5일근무", 40)


def _reg_date(rng: random.Random, reference: date, tpl: JobTemplate) -> date:
    low, high = 0, 89
    if tpl.seasonal == "citrus":  # recruited from September on
        season = date(reference.year if reference.month >= 9 else reference.year - 1, 9, 1)
        high = min(high, (reference - season).days)
    for _ in range(3):
        day = reference - timedelta(days=rng.randint(low, high))
        if day.weekday() < 5 or rng.random() < 0.4:
            return day
    return day


def _season_title(titles: tuple[str, ...], reg: date, rng: random.Random) -> str:
    """A title; season-specific ones only when they fit the registration date (여름 ≤ 8월, 동계·겨울 ≥ 10월)."""
    title = rng.choice(titles)
    off_season = ("여름" in title and reg.month > 8) or (("동계" in title or "겨울" in title) and reg.month < 10)
    if off_season:
        plain = [t for t in titles if not any(w in t for w in ("여름", "동계", "겨울"))]
        return rng.choice(plain) if plain else title
    return title


def _pay_values(rng: random.Random, pay: Pay) -> tuple[int, int]:
    low = rng.randrange(pay.low, pay.high + 1, pay.step)
    if pay.spread == (0, 0):
        return low, 0
    steps = max(1, pay.step)
    spread = rng.randrange(pay.spread[0], pay.spread[1] + 1, steps) if pay.spread[1] > pay.spread[0] else pay.spread[0]
    return low, (low + spread if spread > 0 else 0)


def _sal_text(wage_type: str, low: int, high: int) -> str:
    if high:
        return f"{wage_type} {_won(low)} ~ {_won(high)}"
    return f"{wage_type} {_won(low)} 이상"


def _x(tag: str, value: object, indent: str) -> str:
    return f"{indent}<{tag}>{escape(str(value))}</{tag}>\n"


def _job_block(rng: random.Random, tpl: JobTemplate, company: Company, seq: int, reference: date) -> str:
    reg = _reg_date(rng, reference, tpl)
    title = _season_title(tpl.variants[company.variant].titles, reg, rng).format(area=_area_label(company.district))
    pay = rng.choices(tpl.pays, weights=[p.weight for p in tpl.pays], k=1)[0]
    sched = _schedule(rng, pay.hours)
    emp_cd = rng.choice(pay.emp_codes)
    if tpl.seasonal in ("citrus",) or "시즌" in title or "성수기" in title or "방학" in title:
        emp_cd = "21" if pay.hours == "part" else "20"
    no_pay = rng.random() < tpl.no_pay_share
    low, high = _pay_values(rng, pay)
    sal = "면접 후 결정" if no_pay else _sal_text(pay.wage_type, low, high)
    if no_pay:
        low = high = 0
    close_open = rng.random() < 0.4
    close = "채용시까지" if close_open else (reg + timedelta(days=rng.randint(7, 60))).strftime("%y-%m-%d")
    modified = min(reference, reg + timedelta(days=rng.choice((0, 0, 0, 1, 2, 5))))
    wanted_id = f"K1{'6161' if company.city == JEJU else '6162'}{reg.strftime('%y%m%d')}{seq:04d}"
    edu = rng.choice(tpl.education)
    career = rng.choice(tpl.career)
    content = list(tpl.content)
    if tpl.seasonal == "citrus":
        end_month = rng.choice(("12월", "1월"))
        content.insert(0, f"근무기간: {reg.month if reg.month >= 10 else 10}월 ~ {end_month} (수확기 계절 근로)")
    elif "시즌" in title or "성수기" in title:
        content.insert(0, "근무기간: 시즌 기간 약 2~3개월 (연장 가능)")
    welfare = ", ".join(rng.sample(list(tpl.welfare), k=min(len(tpl.welfare), rng.randint(1, 3))))
    headcount = rng.choice((1, 1, 1, 2, 2, 3, 5)) if tpl.seasonal != "citrus" else rng.choice((3, 5, 10, 15))
    region = f"제주 {company.city} {company.district}"
    basic = f"제주특별자치도 {company.city} {company.road}"

    i1, i2, i3 = "    ", "      ", "        "
    out = ["  <wanted>\n"]
    for tag, value in (
        ("wantedAuthNo", wanted_id), ("company", company.name), ("busino", company.busino), ("indTpNm", tpl.industry),
        ("title", title), ("jobsCd", tpl.jobs_cd), ("empTpCd", emp_cd), ("salTpNm", pay.wage_type), ("sal", sal),
        ("minSal", low), ("maxSal", high), ("minEdubg", edu), ("maxEdubg", ""), ("career", career),
        ("holidayTpNm", sched.holiday), ("region", region), ("zipCd", company.zip_cd), ("strtnmCd", company.strtnm_cd),
        ("basicAddr", basic), ("detailAddr", company.detail), ("regDt", reg.strftime("%y-%m-%d")), ("closeDt", close),
        ("smodifyDtm", f"{modified.strftime('%Y%m%d')}{rng.randint(8, 18):02d}{rng.randint(0, 59):02d}"),
        ("wantedInfoUrl", DETAIL_URL.format(id=wanted_id)), ("wantedMobileInfoUrl", MOBILE_URL.format(id=wanted_id)),
        ("infoSvc", "VALIDATION"), ("prefCd", ""),
    ):
        out.append(_x(tag, value, i1))
    out.append(f"{i1}<wantedDtl>\n{i2}<wantedInfo>\n")
    for tag, value in (
        ("jobsNm", tpl.jobs_nm), ("jobCont", "\n".join(f"- {c}" for c in content)),
        ("empTpNm", EMP_TP_NAMES[emp_cd]), ("collectPsncnt", headcount), ("enterTpNm", career),
        ("workdayWorkhrCont", sched.text), ("fourIns", "국민연금 고용보험 산재보험 건강보험"),
        ("retirepay", "퇴직금" if emp_cd != "4" else "퇴직금 (파견사업주 지급)"), ("etcWelfare", welfare),
        ("selMthd", rng.choice(("서류 면접", "면접", "서류 면접 (필요 시 실기)"))),
        ("rcptMthd", rng.choice(("고용24 온라인 접수 이메일 전화", "방문 이메일", "고용24 온라인 접수 전화"))),
        ("submitDoc", rng.choice(("이력서", "이력서 자기소개서", "이력서 자격증 사본"))),
        ("contactTelno", company.phone),
    ):
        out.append(_x(tag, value, i3))
    out.append(f"{i2}</wantedInfo>\n{i1}</wantedDtl>\n  </wanted>\n")
    return "".join(out)


def generate_jobs(n: int = 2200, seed: int = SEED, reference_date: date = REFERENCE_DATE) -> str:
    """A 고용24 채용정보 list response (with nested details) of ``n`` fictional Jeju postings."""
    rng = random.Random(seed)
    weights = [t.weight for t in TEMPLATES]
    pools: dict[str, list[Company]] = {t.key: [] for t in TEMPLATES}
    used: set[str] = set()
    blocks: list[str] = []
    for seq in range(1, n + 1):
        tpl = rng.choices(TEMPLATES, weights=weights, k=1)[0]
        pool = pools[tpl.key]
        # Reuse an employer for about 35 % of postings (same hotel hiring for several roles).
        if pool and rng.random() < 0.35:
            company = rng.choice(pool)
        else:
            company = _company(rng, tpl, used)
            pool.append(company)
        blocks.append(_job_block(rng, tpl, company, seq, reference_date))
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- 가상 표본 데이터 (fictional sample): 고용24 채용정보 목록 형식 + 공고별 상세(wantedDtl). "
        "ingest/samplegen.py 로 생성 -->\n"
        f"<wantedRoot>\n  <total>{n}</total>\n  <startPage>1</startPage>\n  <display>{n}</display>\n"
    )
    return head + "".join(blocks) + "</wantedRoot>\n"


# --------------------------------------------------------------------------------------- training


@dataclass(frozen=True)
class CourseTemplate:
    key: str
    weight: float
    titles: tuple[str, ...]
    ncs: str
    code: str  # trainTargetCd
    cost: tuple[int, int]  # 원
    days: tuple[int, int]  # calendar days
    certificate: str
    contents: str
    institutions: tuple[str, ...]
    weekend: tuple[str, ...] = ("3",)


TRAIN_TARGET_NAMES = {
    "C0061": "국민내일배움카드(일반)", "C0061S": "국민내일배움카드(구직자)", "C0061I": "국민내일배움카드(재직자)",
    "C0054": "국가기간전략산업직종", "C0104": "K-디지털 트레이닝", "C0102": "산업구조변화대응", "C0105": "K-디지털 기초역량훈련",
}

COURSES: tuple[CourseTemplate, ...] = (
    CourseTemplate("barista", 3, ("바리스타 자격 취득 과정", "카페 창업 바리스타 실무", "스페셜티 커피 바리스타 양성"), "13010203",
                   "C0061", (600_000, 1_200_000), (30, 70), "바리스타 2급(민간)",
                   "에스프레소 추출, 라떼아트, 카페 메뉴 개발 실습", ("제주바리스타아카데미", "서귀포커피교육원", "한라커피직업학교")),
    CourseTemplate("bakery", 2.5, ("제과·제빵기능사 취득 과정", "제주 특산물 활용 베이커리 실무", "디저트 카페 창업 제과제빵"), "13010301",
                   "C0061", (1_500_000, 3_000_000), (60, 120), "제과기능사, 제빵기능사",
                   "제과·제빵 기초 이론과 실기, 감귤·보리 활용 제품 개발", ("서귀포요리제과학원", "제주제과제빵학원", "탐라조리직업전문학교")),
    CourseTemplate("korean_cook", 3, ("한식조리기능사 취득 과정", "한식·향토음식 조리 실무", "호텔 조리 실무자 양성"), "13010101",
                   "C0054", (1_000_000, 2_500_000), (60, 120), "한식조리기능사",
                   "한식 기초 조리, 제주 향토음식, 위생·안전 관리", ("탐라조리직업전문학교", "서귀포요리제과학원", "제주조리직업전문학교")),
    CourseTemplate("hotel", 2.5, ("호텔리어 실무 양성 과정", "관광통역안내사 (중국어) 양성", "호텔·리조트 프런트 실무"), "12020101",
                   "C0061", (2_000_000, 4_500_000), (60, 150), "관광통역안내사, 호텔서비스사",
                   "객실·프런트 실무, 관광 외국어 회화, 고객 서비스", ("제주관광서비스교육원", "한라관광직업전문학교", "서귀포호텔관광교육원")),
    CourseTemplate("caregiver", 3, ("요양보호사 자격 취득 과정 (주간)", "요양보호사 양성 과정 (야간)", "요양보호사 자격 대비반"), "07010301",
                   "C0061", (500_000, 900_000), (40, 75), "요양보호사",
                   "요양보호 이론·실기 240시간, 현장실습 연계", ("제주요양보호사교육원", "서귀포요양보호사교육원", "한라돌봄교육원"), weekend=("3", "2")),
    CourseTemplate("accounting", 2.5, ("전산회계 1·2급 취득 과정", "세무회계 실무자 양성", "ERP 회계 실무"), "02030201",
                   "C0061", (600_000, 1_500_000), (30, 90), "전산회계 1급, 전산회계 2급, 전산세무 2급",
                   "회계원리, 전표처리, 부가세 신고 실습", ("탐라컴퓨터학원", "제주회계직업전문학교", "서귀포컴퓨터학원")),
    CourseTemplate("computer", 2.5, ("컴퓨터활용능력 2급 취득 과정", "사무자동화(엑셀·한글) 실무", "ITQ·컴퓨터활용능력 대비"), "02020301",
                   "C0061", (400_000, 900_000), (20, 60), "컴퓨터활용능력 2급, ITQ",
                   "엑셀 함수·데이터 관리, 문서 작성 실무", ("탐라컴퓨터학원", "서귀포컴퓨터학원", "한라정보처리학원"),
                   weekend=("3", "1")),
    CourseTemplate("kdt", 2, ("K-디지털 빅데이터 분석가 양성", "웹 풀스택 개발자 양성 (K-디지털)", "AI 서비스 개발자 양성 과정"), "20010201",
                   "C0104", (4_500_000, 6_000_000), (120, 180), "정보처리기사 (선택)",
                   "Python·SQL 데이터 분석, 웹 개발 프로젝트, 기업 연계 실무", ("제주IT아카데미", "제주디지털혁신캠퍼스")),
    CourseTemplate("heavy_equipment", 2.5, ("지게차운전기능사 취득 과정", "굴착기운전기능사 취득 과정", "건설기계 조종 실무"), "14060101",
                   "C0061", (300_000, 1_500_000), (10, 45), "지게차운전기능사, 굴착기운전기능사",
                   "장비 구조, 조종 실기, 안전 관리", ("한라중장비운전학원", "제주건설기계학원"), weekend=("3", "1")),
    CourseTemplate("drone", 1.5, ("드론 조종자 1종 자격 과정", "농업용 드론 방제 실무", "드론 촬영·영상 편집"), "15070101",
                   "C0061", (1_500_000, 3_500_000), (20, 60), "초경량비행장치 조종자(드론) 1종",
                   "비행 이론, 실기 비행, 방제·촬영 응용", ("제주드론교육원", "서귀포드론아카데미")),
    CourseTemplate("electric", 2, ("전기기능사 취득 과정", "전기설비 시공 실무자 양성", "태양광 발전설비 유지보수"), "19010101",
                   "C0054", (1_500_000, 3_000_000), (90, 150), "전기기능사",
                   "전기 이론, 배선·시퀀스 실습, 신재생에너지 설비", ("제주전기직업전문학원", "한라직업전문학교")),
    CourseTemplate("smartfarm", 2, ("감귤 스마트팜 운영 실무", "스마트팜 시설원예 전문가 양성", "청년 귀농 스마트농업 과정"), "24010101",
                   "C0102", (1_000_000, 2_500_000), (45, 120), "시설원예기사 (선택)",
                   "감귤 재배 기술, 스마트팜 제어·데이터 활용, 유통", ("서귀포스마트농업교육센터", "제주농업기술직업학교")),
    CourseTemplate("pension", 1.5, ("펜션·게스트하우스 창업 실무", "숙박업 운영·마케팅 과정", "농어촌민박 창업 과정"), "12020102",
                   "C0061", (600_000, 1_500_000), (20, 60), "",
                   "숙박업 인허가, 객실 운영, 온라인 예약·SNS 마케팅", ("제주펜션창업아카데미", "제주관광서비스교육원"), weekend=("1", "3")),
    CourseTemplate("pet", 1.5, ("반려동물 미용사 자격 과정", "반려동물 관리사 양성", "애견 훈련사 실무"), "12010401",
                   "C0061", (1_500_000, 3_500_000), (60, 120), "반려동물미용사(민간)",
                   "반려견 미용 실기, 행동 교육, 위생 관리", ("탐라반려동물교육원", "제주펫아카데미")),
    CourseTemplate("design", 1.5, ("웹디자인·포토샵 실무", "유튜브 영상 편집·콘텐츠 제작", "GTQ 그래픽 자격 과정"), "08020101",
                   "C0061", (800_000, 2_500_000), (30, 90), "GTQ 1급, 웹디자인기능사",
                   "포토샵·일러스트, 영상 편집, SNS 콘텐츠 제작", ("제주디자인학원", "한라정보처리학원")),
    CourseTemplate("ev_mechanic", 1, ("전기차 정비 전문인력 양성", "친환경 자동차 정비 실무"), "15030101",
                   "C0102", (2_000_000, 4_500_000), (90, 150), "자동차정비기능사",
                   "전기차 구조·고전압 안전, 배터리 진단, 정비 실습", ("제주자동차직업전문학교",)),
)

def _institution_location(rng: random.Random, name: str) -> tuple[str, str]:
    if name in ("제주IT아카데미", "제주디지털혁신캠퍼스"):
        return JEJU, "아라동"  # 제주첨단과학기술단지
    if name.startswith("서귀포"):
        return SGP, rng.choice(("동홍동", "서홍동", "대륜동", "중앙동", "천지동"))
    return JEJU, rng.choice(("연동", "노형동", "이도2동", "일도2동", "삼도2동", "아라동", "화북동"))


def _course_block(rng: random.Random, tpl: CourseTemplate, inst: dict[str, str], trpr_id: str, degr: int,
                  start: date, reference: date) -> str:
    cost = rng.randrange(tpl.cost[0], tpl.cost[1] + 1, 10_000)
    end = start + timedelta(days=rng.randint(*tpl.days))
    new_course = degr == 1
    capacity = rng.choice((15, 18, 20, 20, 25, 30))
    reg_cnt = min(capacity, rng.randint(0, capacity)) if start > reference else rng.randint(capacity // 2, capacity)
    if new_course:
        rate3 = rate6 = cnt3 = ""
        score = "0"
        grade = ""
    else:
        r3 = round(rng.uniform(25, 85), 1)
        rate3, rate6 = f"{r3}", f"{min(100.0, round(r3 + rng.uniform(0, 12), 1))}"
        cnt3 = str(max(1, round(capacity * r3 / 100 * rng.uniform(0.6, 0.9))))
        score = f"{round(rng.uniform(82, 99), 1)}"
        grade = rng.choice(("A", "A", "B", "B", "C"))
    title = rng.choice(tpl.titles)
    link = ("https://www.hrd.go.kr/hrdp/co/pcobo/PCOBO0100P.do?tracseId={id}&tracseTme={degr}"
            "&crseTracseSe={code}&trainstCstmrId={inst}").format(id=trpr_id, degr=degr, code=tpl.code, inst=inst["id"])
    i = "      "
    out = ["    <scn_list>\n"]
    for tag, value in (
        ("address", inst["address"]), ("certificate", tpl.certificate), ("contents", tpl.contents),
        ("courseMan", cost), ("eiEmplCnt3", cnt3), ("eiEmplCnt3Gt10", ""), ("eiEmplRate3", rate3),
        ("eiEmplRate6", rate6), ("grade", grade), ("instCd", inst["id"]), ("ncsCd", tpl.ncs), ("realMan", cost),
        ("regCourseMan", reg_cnt), ("stdgScor", score), ("subTitle", inst["name"]),
        ("subTitleLink", f"https://www.hrd.go.kr/hrdp/co/pcobo/PCOBO0100P.do?trainstCstmrId={inst['id']}"),
        ("telNo", inst["tel"]), ("title", title), ("titleIcon", ""), ("titleLink", link),
        ("traEndDate", end.isoformat()), ("traStartDate", start.isoformat()),
        ("trainTarget", TRAIN_TARGET_NAMES[tpl.code]), ("trainTargetCd", tpl.code), ("trainstCstId", inst["id"]),
        ("trngAreaCd", inst["area"]), ("trprDegr", degr), ("trprId", trpr_id), ("wkendSe", rng.choice(tpl.weekend)),
        ("yardMan", capacity),
    ):
        out.append(_x(tag, value, i))
    out.append("    </scn_list>\n")
    return "".join(out)


@dataclass
class _CourseRun:
    trpr_id: str
    degr: int
    start: date


def _weekday_start(rng: random.Random, day: date) -> date:
    """Courses start on a weekday, mostly on a Monday."""
    if day.weekday() >= 5:
        return day + timedelta(days=7 - day.weekday())
    if rng.random() < 0.7:
        return day - timedelta(days=day.weekday())
    return day


def generate_training(n: int = 340, seed: int = SEED, reference_date: date = REFERENCE_DATE) -> str:
    """An HRD-Net 훈련과정 list response of ``n`` fictional Jeju course rounds."""
    rng = random.Random(seed + 1)
    institutions: dict[str, dict[str, str]] = {}
    runs: dict[tuple[str, str], _CourseRun] = {}
    horizon = reference_date + timedelta(days=200)
    blocks: list[str] = []
    weights = [c.weight for c in COURSES]
    for _ in range(n):
        tpl = rng.choices(COURSES, weights=weights, k=1)[0]
        inst_name = rng.choice(tpl.institutions)
        if inst_name not in institutions:
            city, district = _institution_location(rng, inst_name)
            road = f"{rng.choice(ROADS[district])} {rng.randint(1, 300)}"
            institutions[inst_name] = {
                "name": inst_name,
                "id": f"5000{len(institutions) + 1:02d}{rng.randint(100000, 999999)}",
                "address": f"제주특별자치도 {city} {road} {rng.randint(2, 5)}층 ({district})",
                "area": "50110" if city == JEJU else "50130",
                "tel": _phone(rng, city),
            }
        key = (tpl.key, inst_name)
        run = runs.get(key)
        next_start = run.start + timedelta(days=rng.randint(*tpl.days) + rng.randint(7, 30)) if run else None
        if run is None or next_start is None or next_start > horizon or rng.random() < 0.15:
            run = _CourseRun(  # a new course (or another course of the same kind at this institution)
                trpr_id=f"AIG{reference_date.year - rng.randint(0, 4)}{rng.randint(0, 9_999_999_999):010d}",
                degr=1 if rng.random() < 0.25 else rng.randint(2, 9),
                start=reference_date + timedelta(days=rng.randint(-45, 120)),
            )
            runs[key] = run
        else:
            run.degr += 1
            run.start = next_start
        start = _weekday_start(rng, run.start)
        blocks.append(_course_block(rng, tpl, institutions[inst_name], run.trpr_id, run.degr, start, reference_date))
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- 가상 표본 데이터 (fictional sample): HRD-Net 국민내일배움카드 훈련과정 목록 형식. "
        "ingest/samplegen.py 로 생성 -->\n"
        f"<HRDNet>\n  <scn_cnt>{n}</scn_cnt>\n  <pageNum>1</pageNum>\n  <pageSize>{n}</pageSize>\n  <srchList>\n"
    )
    return head + "".join(blocks) + "  </srchList>\n</HRDNet>\n"


# ------------------------------------------------------------------------------------------- output


def write_samples(
    out_dir: Path | None = None, *, seed: int = SEED, reference_date: date = REFERENCE_DATE
) -> list[Path]:
    """Write both sample catalogs under ``out_dir`` (default: the bundled corpus folder)."""
    out_dir = out_dir or CORPUS_DIR
    written: list[Path] = []
    for rel, text in (
        (JOBS_FILE, generate_jobs(seed=seed, reference_date=reference_date)),
        (TRAINING_FILE, generate_training(seed=seed, reference_date=reference_date)),
    ):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        logger.info("wrote %s (%d bytes)", path, len(text.encode("utf-8")))
        written.append(path)
    return written


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    write_samples()


if __name__ == "__main__":
    main()
