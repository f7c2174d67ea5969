"""Korean utterances as counselors and citizens type them, each with the route and slots a person would read.

Expected values are written from the sentence (amounts normalised as documented in graphs.nlu.slots:
시급 × 209, 일급 × 21.75, 연봉 ÷ 12; years = calendar years, N × 365 + ⌈N/4⌉ days (별표1), "N년 넘게" one day more, months × 30). Today is 2026-11-21.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs.nlu import understand
from tests.graphs.nlu.helpers import TODAY, check

# (utterance, expected route, expectations)
JOB_SEARCH: list[tuple[str, dict[str, Any]]] = [
    ("호텔 프런트 서귀포", {"job_filters.region": "서귀포시", "job_filters.district": None, "query+": ["호텔", "프런트"], "query-": ["서귀포"]}),
    (
        "애월 카페 알바 시급 1만2천 이상",
        {
            "job_filters.region": "제주시", "job_filters.district": "애월읍", "job_filters.employment_type": "시간제",
            "job_filters.min_monthly_pay": 12_000 * 209, "query+": ["카페"], "query-": ["알바", "시급", "애월"],
        },
    ),
    ("제주 날씨 좋은데 야외 일자리", {"query+": ["야외"], "query-": ["날씨"]}),
    ("신제주 편의점 야간 알바 있어?", {"job_filters.region": "제주시", "job_filters.district": None, "job_filters.employment_type": "시간제", "query+": ["편의점"]}),
    (
        "서귀포 감귤 철 단기 일당 15만원",
        {"job_filters.region": "서귀포시", "job_filters.employment_type": "일용직", "job_filters.seasonal": True, "job_filters.min_monthly_pay": 3_262_500, "query+": ["감귤"]},
    ),
    (
        "중문 호텔 하우스키핑 정규직 월급 230 이상",
        {"job_filters.region": "서귀포시", "job_filters.district": "중문동", "job_filters.employment_type": "정규직", "job_filters.min_monthly_pay": 2_300_000, "query+": ["하우스키핑"]},
    ),
    ("함덕 카페 주말 알바", {"job_filters.region": "제주시", "job_filters.district": "조천읍", "job_filters.employment_type": "시간제"}),
    ("모슬포 횟집 서빙 일당", {"job_filters.region": "서귀포시", "job_filters.district": "대정읍", "job_filters.employment_type": "일용직", "query+": ["횟집", "서빙"]}),
    ("성산 펜션 청소 오전만", {"job_filters.district": "성산읍", "job_filters.max_weekly_hours": 20.0, "query+": ["펜션", "청소"]}),
    ("노형 편의점 야간 알바 시급 만원 이상", {"job_filters.district": "노형동", "job_filters.min_monthly_pay": 10_000 * 209}),
    ("서귀포 시내 사무보조 계약직", {"job_filters.region": "서귀포시", "job_filters.employment_type": "계약직", "query+": ["사무보조"]}),
    ("제주시 정규직 일자리 최저시급 이상", {"job_filters.region": "제주시", "job_filters.employment_type": "정규직", "job_filters.min_monthly_pay": 10_320 * 209}),
    ("위미 감귤 따는 일 있어요?", {"job_filters.region": "서귀포시", "job_filters.district": "남원읍", "query+": ["감귤"]}),
    ("일자리 좀 찾아줘", {"job_filters.region": None, "query": ""}),
    ("알바 구함 ㅠㅠ", {"job_filters.employment_type": "시간제", "query": ""}),
    ("주 20시간 이하 오전만 하는 알바", {"job_filters.max_weekly_hours": 20.0, "job_filters.employment_type": "시간제"}),
    ("주 3일 하루 5시간 일할 수 있는 곳", {"job_filters.max_weekly_hours": 15.0}),
    ("세화 게스트하우스 스탭 구해요", {"job_filters.region": "제주시", "job_filters.district": "구좌읍", "query+": ["게스트하우스"]}),
    ("산남 쪽 일자리 있나", {"job_filters.region": "서귀포시", "job_filters.district": None}),
    ("산북에 요양보호사 구인 있나요", {"job_filters.region": "제주시", "query+": ["요양보호사"]}),
    ("협재 근처 바리스타 자리", {"job_filters.region": "제주시", "job_filters.district": "한림읍", "query+": ["바리스타"]}),
    ("월급 250 이상 정규직 노형동", {"job_filters.min_monthly_pay": 2_500_000, "job_filters.district": "노형동", "job_filters.employment_type": "정규직"}),
    ("연봉 3천 이상 사무직 제주시", {"job_filters.min_monthly_pay": 2_500_000, "job_filters.region": "제주시", "query+": ["사무직"]}),
    ("연봉 3,500만원 이상 주는 회사 서귀포", {"job_filters.min_monthly_pay": 2_916_667, "job_filters.region": "서귀포시"}),
    ("시급 12000원 이상 파트타임 연동", {"job_filters.min_monthly_pay": 2_508_000, "job_filters.employment_type": "시간제", "job_filters.district": "연동"}),
    ("2백5십만원 넘는 일자리 있나", {"job_filters.min_monthly_pay": 2_500_000}),
    ("월 250만원 넘는 운전 일 구해요", {"job_filters.min_monthly_pay": 2_500_000, "query+": ["운전"]}),
    ("구좌 당근 수확 일용직", {"job_filters.district": "구좌읍", "job_filters.employment_type": "일용직", "query+": ["수확"]}),
    ("한림 공장 생산직 주 5일", {"job_filters.district": "한림읍", "job_filters.max_weekly_hours": 40.0, "query+": ["생산직"]}),
    ("애월이나 한림 쪽 카페 알바", {"job_filters.region": "제주시", "job_filters.district": None}),
    ("중문이랑 애월 호텔 일자리", {"job_filters.region": None, "job_filters.district": None, "query+": ["호텔"]}),
    ("정규직 말고 알바 자리 있어요?", {"job_filters.employment_type": "시간제"}),
    ("감귤 시즌 알바 있나", {"job_filters.seasonal": True, "job_filters.employment_type": "시간제"}),
    ("구제주 식당 주방 보조 구해여", {"job_filters.region": "제주시", "query+": ["식당", "주방"]}),
    ("표선 쪽에 일할데 없나여", {"job_filters.region": "서귀포시", "job_filters.district": "표선면"}),
    ("조천 하우스 귤 따기 일당 12만", {"job_filters.district": "조천읍", "job_filters.employment_type": "일용직", "job_filters.min_monthly_pay": 2_610_000}),
    ("요양보호사 일자리 있나요?", {"query+": ["요양보호사"]}),
    ("하루 4시간 정도 할 수 있는 일 있을까요 대정읍", {"job_filters.max_weekly_hours": 20.0, "job_filters.district": "대정읍"}),
    ("50대 아줌마도 할 수 있는 일자리 서귀포", {"age_range": (50, 59), "profile.age": None, "job_filters.region": "서귀포시"}),
    ("60살인데 경비 일 구할 수 있을까요", {"profile.age": 60, "query+": ["경비"]}),
    ("제주시애월읍 하귀 쪽 편의점", {"job_filters.region": "제주시", "job_filters.district": "애월읍"}),
    ("사계절 일할 수 있는 정규직 자리", {"job_filters.district": None, "job_filters.employment_type": "정규직", "job_filters.seasonal": None}),
    ("계절 알바 있어요?", {"job_filters.seasonal": True, "job_filters.employment_type": "시간제"}),
    ("250만원 넘는 일자리", {"job_filters.min_monthly_pay": 2_500_000}),
    ("카페 4시간 알바", {"job_filters.max_weekly_hours": 20.0, "query+": ["카페"]}),
    ("편의점 4시간", {"job_filters.max_weekly_hours": 20.0, "query+": ["편의점"]}),
    ("ㅇㅇ 알바 ㄱㄱ", {"job_filters.employment_type": "시간제"}),
]

TRAINING: list[tuple[str, dict[str, Any]]] = [
    ("국비 지원 바리스타 과정", {"training_filters.card_eligible": True, "program": None, "query+": ["바리스타"], "query-": ["국비", "과정"]}),
    ("요양보호사 자격증 따고 싶어요", {"query+": ["요양보호사"], "query-": ["자격증"]}),
    ("바리스타 배우고 싶은데 서귀포에 학원 있어?", {"training_filters.region": "서귀포시", "query+": ["바리스타"]}),
    ("파이썬 과정 있나요", {"query+": ["파이썬"]}),
    ("코딩 학원 국비로 다닐 수 있는 곳", {"training_filters.card_eligible": True, "query+": ["코딩"]}),
    ("지게차 자격증 12월 개강하는 과정", {"training_filters.start_from": date(2026, 12, 1), "training_filters.start_to": date(2026, 12, 31), "query+": ["지게차"]}),
    ("1월부터 시작하는 컴퓨터 과정 제주시", {"training_filters.start_from": date(2027, 1, 1), "training_filters.start_to": None, "training_filters.region": "제주시"}),
    ("무료 제빵 과정 있나요", {"training_filters.max_self_pay": 0, "query+": ["제빵"]}),
    (
        "내일배움카드로 요양보호사 과정 다음 달 시작하는 거 있나요 자부담 50만원 이하",
        {
            "training_filters.card_eligible": True, "training_filters.max_self_pay": 500_000,
            "training_filters.start_from": date(2026, 12, 1), "training_filters.start_to": date(2026, 12, 31), "query+": ["요양보호사"],
        },
    ),
    ("내배카로 들을 수 있는 지게차 과정", {"training_filters.card_eligible": True, "query+": ["지게차"]}),
    ("엑셀 배울 수 있는 곳 알려줘 서귀포", {"training_filters.region": "서귀포시", "query+": ["엑셀"]}),
    ("한식 조리사 자격증 학원 제주시 자부담 30만원 이하", {"training_filters.max_self_pay": 300_000, "training_filters.region": "제주시", "query+": ["한식"]}),
    ("드론 자격증 취득 과정 내년 1월", {"training_filters.start_from": date(2027, 1, 1), "training_filters.start_to": date(2027, 1, 31), "query+": ["드론"]}),
    ("국비로 네일 배우고 싶어", {"training_filters.card_eligible": True, "query+": ["네일"]}),
]

ELIGIBILITY: list[tuple[str, dict[str, Any]]] = [
    (
        "2026년 3월에 권고사직했어요. 45세, 고용보험 4년, 월급 300만원이었는데 실업급여 하루 얼마, 며칠 받아요?",
        {
            "program": "unemployment_benefit", "profile.age": 45, "profile.insured_period_days": 1461,
            "profile.separation_reason": "recommended_resignation", "profile.separation_date": date(2026, 3, 1),
            "profile.separation_year": 2026, "profile.monthly_wage": 3_000_000, "asks+": ["amount", "duration"], "year": 2026,
        },
    ),
    ("실업 급여 얼마 받을수있나요", {"program": "unemployment_benefit", "asks+": ["amount"]}),
    ("실업급여얼마받아요", {"program": "unemployment_benefit", "asks+": ["amount"], "query+": ["실업급여"]}),
    ("나 회사에서 짤렸어 실업급여 받을 수 있어?", {"program": "unemployment_benefit", "profile.separation_reason": "dismissal"}),
    ("나 짤렸는데 실업급여 얼마 나와?", {"profile.separation_reason": "dismissal", "asks+": ["amount"]}),
    ("징계해고 당했는데 실업급여 나와요?", {"profile.separation_reason": "dismissal_misconduct"}),
    ("회사가 폐업해서 일을 못하게 됐어요", {"profile.separation_reason": "business_closure", "program": "unemployment_benefit"}),
    # the shop had not closed yet: leaving before a certain 폐업 is a 정당한 사유 (시행규칙 별표2), not a 폐업 separation
    (
        "사장님이 가게 문 닫는대서 나왔어요",
        {"profile.separation_reason": "voluntary_justified", "profile.just_cause": "사업장 폐업·도산 예정"},
    ),
    ("정년퇴직했는데 실업급여 받을 수 있나요", {"profile.separation_reason": "retirement_age", "asks+": ["eligibility"]}),
    ("개인 사정으로 그만뒀는데 실업급여 돼요?", {"profile.separation_reason": "voluntary"}),
    ("통근 왕복 3시간이라 그만뒀어요 구직급여 받을 수 있나요", {"profile.separation_reason": "voluntary_justified", "program": "unemployment_benefit"}),
    ("최저임금도 못 받아서 그만둠 실업급여 가능?", {"profile.separation_reason": "voluntary_justified", "profile.monthly_wage": None}),
    ("직장 내 괴롭힘 때문에 퇴사했어요", {"profile.separation_reason": "voluntary_justified"}),
    ("월급이 3달째 밀려서 그만뒀어요", {"profile.separation_reason": "voluntary_justified", "profile.insured_period_days": None}),
    ("임금체불 3개월 돼서 그만뒀는데 실업급여 되나요?", {"profile.separation_reason": "voluntary_justified", "profile.insured_period_days": None}),
    ("희망퇴직 했는데 실업급여 얼마나 나와요", {"profile.separation_reason": "recommended_resignation", "asks+": ["amount"]}),
    ("재계약 안 돼서 나왔어요", {"profile.separation_reason": "contract_end"}),
    ("해고는 아니고 제가 그만뒀어요", {"profile.separation_reason": "voluntary"}),
    ("2025.12.31 퇴사 예정인데 실업급여 며칠", {"profile.separation_date": date(2025, 12, 31), "profile.separation_year": 2025, "asks+": ["duration"]}),
    ("지난달에 권고사직 당했어요", {"profile.separation_date": date(2026, 10, 1), "profile.separation_reason": "recommended_resignation"}),
    ("올해 1월에 그만뒀어요", {"profile.separation_date": date(2026, 1, 1), "profile.separation_reason": "voluntary", "year": 2026}),
    ("작년에 퇴사했어요", {"profile.separation_year": 2025, "profile.separation_date": None, "year": 2025}),
    ("작년 12월에 계약 끝나서 나왔어요", {"profile.separation_date": date(2025, 12, 1), "profile.separation_reason": "contract_end", "year": 2025}),
    ("만 58세 장애인입니다 실업급여 며칠 받을 수 있나요", {"profile.age": 58, "profile.disabled": True, "asks+": ["duration"]}),
    ("50대 초반인데 구직급여 며칠이에요", {"profile.age": None, "age_range": (50, 53), "program": "unemployment_benefit"}),
    ("10년 이상 다녔고 정년 퇴직입니다", {"profile.insured_period_days": 3653, "profile.separation_reason": "retirement_age"}),
    ("1년 6개월 근무하고 계약만료", {"profile.insured_period_days": 546, "profile.separation_reason": "contract_end"}),
    ("3년 넘게 일했는데 잘렸어요", {"profile.insured_period_days": 1097, "profile.separation_reason": "dismissal"}),
    ("피보험 단위기간 180일 넘었나요", {"profile.unit_period_days": 180, "profile.insured_period_days": None}),
    ("고용보험 150일 가입했어요", {"profile.insured_period_days": 150}),
    ("조기재취업수당 얼마예요?", {"program": "early_reemployment", "asks+": ["amount"]}),
    ("실업급여 받다가 재취업 했는데 조기재취업수당 받을 수 있나요", {"program": "early_reemployment", "profile.reemployed": True}),
    ("구직촉진수당 얼마 받아요", {"program": "national_employment_support", "asks+": ["amount"]}),
    ("내일배움카드 한도 얼마에요", {"program": "learning_card", "asks+": ["amount"]}),
    ("국비 지원 받을 수 있어요?", {"program": "learning_card"}),
    (
        "직원 10명인 카페인데 청년 정규직으로 뽑으면 도약장려금 받을 수 있나요?",
        {"program": "youth_job_leap", "profile.employer_insured_count": 10, "profile.hired_full_time": True},
    ),
    ("95년생인데 청년 도약장려금 받을 수 있나요", {"program": "youth_job_leap", "profile.age": 31}),
    (
        "4인 가구 월 400만원인데 국취 1유형 되나요",
        {"program": "national_employment_support", "profile.household_size": 4, "profile.household_income_monthly": 4_000_000, "profile.monthly_wage": None},
    ),
    (
        "집이 4억5천이고 중위소득 50%예요 국민취업지원제도 대상인가요",
        {"program": "national_employment_support", "profile.household_assets": 450_000_000, "profile.household_income_pct": 50.0},
    ),
    (
        "재산 3억 있고 기준중위소득 120% 이하인데 청년이라 국취 받을 수 있어요?",
        {"profile.household_assets": 300_000_000, "profile.household_income_pct": 120.0, "profile.age": None},
    ),
    ("2025년 구직급여 상한액 얼마였어요?", {"program": "unemployment_benefit", "year": 2025, "asks+": ["amount"]}),
    ("작년 실업급여 하한액", {"program": "unemployment_benefit", "year": 2025}),
    ("구직급어 며칠받음?", {"program": "unemployment_benefit", "asks+": ["duration"]}),
    (
        "내담자 50세 남성, 2026.9.30 계약만료 이직, 피보험기간 7년, 이직 전 월평균 임금 280만원. 소정급여일수 확인 부탁",
        {
            "program": "unemployment_benefit", "profile.age": 50, "profile.separation_date": date(2026, 9, 30),
            "profile.separation_reason": "contract_end", "profile.insured_period_days": 7 * 365 + 2, "profile.monthly_wage": 2_800_000,
        },
    ),
    (
        "구직자 32세 여성, 서귀포시 거주, 중위소득 45%, 가구원 3명, 재산 1억, 최근 2년 취업경험 120일 → 국취 1유형 요건심사형 해당 여부",
        {
            "program": "national_employment_support", "profile.age": 32, "profile.region": "서귀포시",
            "profile.household_income_pct": 45.0, "profile.household_size": 3, "profile.household_assets": 100_000_000,
            "profile.work_experience_days_2y": 120,
        },
    ),
    ("월 300 받았어요 권고사직이고 실업급여 얼마 나와요", {"profile.monthly_wage": 3_000_000, "profile.separation_reason": "recommended_resignation"}),
    ("삼백만원 받다가 계약 끝났어요 구직급여 얼마", {"profile.monthly_wage": 3_000_000, "profile.separation_reason": "contract_end"}),
    ("하루 4시간 일하다가 잘렸는데 실업급여 하한액 얼마예요", {"profile.daily_work_hours": 4.0, "profile.separation_reason": "dismissal"}),
    ("마흔다섯인데 구직급여 며칠 받나요", {"profile.age": 45}),
    ("올해 34인데 국취 되나요", {"profile.age": 34, "program": "national_employment_support"}),
    ("올해 실업급여 상한액", {"year": 2026, "asks+": ["amount"]}),
    ("4년 다녔어요 권사 당했는데 실업급여 나와요?", {"profile.insured_period_days": 1461, "profile.separation_reason": "recommended_resignation"}),
    ("나 실직했는데 뭐부터 해야돼?", {"program": "unemployment_benefit"}),
    ("국취 하면서 알바 가능?", {"program": "national_employment_support", "asks+": ["eligibility"]}),
    ("사업주인데 청년 채용하면 받을 수 있는 지원금 있어요?", {"program": "youth_job_leap"}),
    ("65세 이상도 조기재취업수당 받나요", {"program": "early_reemployment", "profile.age": None}),
]

POLICY_QA: list[tuple[str, dict[str, Any]]] = [
    ("국민취업지원제도 신청 서류 뭐 필요해요", {"program": "national_employment_support", "asks+": ["procedure", "requirements"]}),
    ("국취가 뭐예요?", {"program": "national_employment_support", "asks+": ["definition"]}),
    ("내배카 발급 어떻게 해요", {"program": "learning_card", "asks+": ["procedure"]}),
    ("내일배음카드 신청", {"program": "learning_card"}),
    ("국민취업지원재도 뭐에요", {"program": "national_employment_support"}),
    ("청년일자리도약장려금 신청 방법", {"program": "youth_job_leap", "asks+": ["procedure"]}),
    ("실업급여 어떻게 신청해요?", {"program": "unemployment_benefit", "asks+": ["procedure"], "query+": ["실업급여"]}),
    ("실업급여 신청할때 필요한 서류", {"program": "unemployment_benefit", "asks+": ["requirements"]}),
    ("서귀포 사는데 실업급여 신청 어디서 해요", {"program": "unemployment_benefit", "profile.region": "서귀포시"}),
    ("육아휴직 급여 얼마", {"program": None}),
    ("최저임금 2026년 얼마예요", {"year": 2026, "job_filters.min_monthly_pay": None}),
    ("고용24 로그인 에러나요", {"program": None}),
    ("채용공고에 나이 제한 넣어도 되나요?", {"asks": ["posting_law"]}),
    ("구인광고에 여자만 뽑는다고 써도 되나요", {"asks": ["posting_law"]}),
    ("채용할 때 키 170 이상 조건 걸어도 됨?", {"asks": ["posting_law"], "job_filters.min_monthly_pay": None}),
    ("공고에 20~30대 우대라고 쓰면 불법인가요", {"asks": ["posting_law"], "age_range": None}),
    ("사장인데요 구인공고에 35세 이하만 지원 가능하다고 써도 돼요?", {"asks": ["posting_law"], "profile.age": None}),
    ("모집공고에 몸무게 조건 써도 되나요", {"asks": ["posting_law"]}),
    ("퇴사 후 실업급여 신청은 언제까지 해야 하나요", {"program": "unemployment_benefit", "asks+": ["deadline"]}),
    ("이직확인서 회사가 안 해주면 어떡해요", {"program": None, "query+": ["이직확인서"]}),
    ("실업인정일에 못 가면 어떻게 돼요", {"program": "unemployment_benefit"}),
]

CRISIS = [
    "요즘 너무 힘들어서 죽고 싶어요",
    "자살하고 싶어요",
    "극단적인 선택을 생각하고 있어요",
    "살기 싫다 진짜",
    "더 이상 살고 싶지 않아요 실업급여도 끊기고",
    "목숨을 끊고 싶어",
    "일자리도 없고 죽고싶다",
    "애월 카페 알바 찾다가 지쳐서 죽고 싶음",
    "요즘 자해를 해요",
]

OUT_OF_SCOPE = [
    "오늘 제주 날씨 어때?",
    "비트코인 지금 사도 돼?",
    "여친이랑 헤어졌어 연애 상담 좀",
    "로또 번호 추천해줘",
    "대통령 선거 누구 찍어야 돼",
    "파이썬 코드 좀 짜줘",
    "맛집 추천해줘 애월",
    "주식 추천해줘",
    "자바스크립트 에러 좀 봐줘",
]

GREETING = ["안녕하세요", "hi", "감사합니다!", "뭐 할 수 있어?", "안녕 ㅎㅎ", "누구세요"]


def _cases() -> list[Any]:
    cases: list[Any] = []
    for route, table in (("job_search", JOB_SEARCH), ("training_search", TRAINING), ("eligibility", ELIGIBILITY), ("policy_qa", POLICY_QA)):
        for text, expected in table:
            cases.append(pytest.param(text, route, expected, id=text[:40]))
    for route, texts in (("crisis", CRISIS), ("out_of_scope", OUT_OF_SCOPE), ("greeting", GREETING)):
        for text in texts:
            cases.append(pytest.param(text, route, {}, id=text[:40]))
    return cases


@pytest.mark.parametrize(("text", "route", "expected"), _cases())
def test_utterance(text: str, route: str, expected: dict[str, Any]) -> None:
    u = understand(text, today=TODAY)
    assert u.route == route, f"{text!r}: route {u.route} (confidence {u.confidence})"
    check(u, expected)


def test_enough_utterances() -> None:
    assert len(_cases()) >= 90


def test_crisis_wins_over_everything() -> None:
    u = understand("실업급여 얼마 받는지 모르겠고 그냥 죽고 싶어요 애월 알바도 다 떨어졌어요", today=TODAY)
    assert u.route == "crisis"
    assert u.confidence >= 0.9


def test_living_alone_is_not_a_crisis() -> None:
    u = understand("혼자살아요 국취 되나요", today=TODAY)
    assert u.route == "eligibility"
    assert u.profile.household_size == 1


def test_training_on_benefit_is_a_benefit_question_not_a_course_search() -> None:
    u = understand("실업급여 받으면서 훈련 과정 들을 수 있나요", today=TODAY)
    assert u.route in ("eligibility", "policy_qa")
    assert u.program == "unemployment_benefit"


def test_filters_stay_empty_outside_their_route() -> None:
    u = understand("월급 300만원이었는데 권고사직 당했어요 실업급여 얼마", today=TODAY)
    assert u.route == "eligibility"
    assert u.job_filters.min_monthly_pay is None
    assert u.profile.monthly_wage == 3_000_000
    assert u.training_filters.card_eligible is None


def test_profile_holds_only_what_was_said() -> None:
    u = understand("45세예요", today=TODAY)
    assert u.profile.model_dump(exclude_none=True) == {"age": 45}


def test_child_age_is_not_the_persons_age() -> None:
    u = understand("아이가 4살이라 오전만 일할 수 있어요 애월", today=TODAY)
    assert u.profile.age is None
    assert u.route == "job_search"
    assert u.job_filters.max_weekly_hours == 20.0


def test_separation_month_later_than_today_means_last_year() -> None:
    u = understand("12월에 그만뒀어요", today=TODAY)
    assert u.profile.separation_date == date(2025, 12, 1)
    u = understand("3월에 그만뒀어요", today=TODAY)
    assert u.profile.separation_date == date(2026, 3, 1)


def test_today_drives_relative_dates() -> None:
    u = understand("작년 12월에 권고사직", today=date(2030, 2, 1))
    assert u.profile.separation_date == date(2029, 12, 1)
    u = understand("95년생", today=date(2030, 2, 1), expecting="age")
    assert u.profile.age == 35
