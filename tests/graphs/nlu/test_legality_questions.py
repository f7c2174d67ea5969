"""A citizen asking whether their pay or a posting is legal, or where to report unpaid wages, asks a rule question
(policy_qa), not a job search — user test rows 20–22. Facts: 2026 최저임금 10,320원 (policy-facts §6.4); 채용 시
성별·연령 차별 금지 (남녀고용평등법 제7조, 고령자고용법 제4조의4, §6.2–6.3); 임금체불 진정 ☎1350 / 관할
지방고용노동관서 (§12)."""

from __future__ import annotations

import pytest

from graphs.capabilities.policy_qa.compose import policy_answer
from graphs.nlu import understand
from tests.graphs.nlu.helpers import TODAY

WAGE_LEGALITY: list[tuple[str, int]] = [
    ("알바 시급 9500 받는데 이거 불법이에요?", 9_500),
    ("편의점 알바 시급 9천원인데 이거 괜찮은 거예요?", 9_000),
    ("사장님이 시급 8500원 준다는데 이거 법 위반 아닌가요", 8_500),
    ("카페 알바 시급 9800원 받고 있는데 불법 아님?", 9_800),
    ("시급 9,000원 받는데 신고할 수 있어요?", 9_000),
]


@pytest.mark.parametrize(("text", "hourly"), WAGE_LEGALITY, ids=[t for t, _ in WAGE_LEGALITY])
def test_is_my_pay_legal_is_a_rule_question_with_the_stated_pay(text: str, hourly: int) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "policy_qa"
    assert u.stated_hourly_wage == hourly


POSTING_LEGALITY = [
    "20대 여성만 뽑는다는 공고 이거 괜찮은거예요?",
    "남자만 뽑는다는 공고 봤는데 이거 불법 아니에요?",
    "35세 이하만 모집한다는 공고 괜찮은 건가요",
    "알바 공고에 20대만 구한다고 써있는데 이거 되는 거예요?",
    "여자만 채용한다는 구인글 이거 위법 아닌가요?",
]


@pytest.mark.parametrize("text", POSTING_LEGALITY)
def test_is_this_posting_legal_is_a_posting_law_question(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "policy_qa"
    assert "posting_law" in u.asks


ARREARS_REPORT = [
    "임금체불 신고 어디로 해요",
    "월급을 두 달째 못 받았는데 어디에 신고해요?",
    "알바비 안 줘요 어디다 신고하나요",
    "사장이 월급을 안 줘요 어떻게 해야 돼요",
    "임금 체불 진정 넣는 법 알려주세요",
]


@pytest.mark.parametrize("text", ARREARS_REPORT)
def test_where_to_report_unpaid_wages_is_a_rule_question(text: str) -> None:
    u = understand(text, today=TODAY)
    assert u.route == "policy_qa"
    assert "wage_arrears" in u.asks


STILL_SEARCHES = [
    "편의점 알바 시급 만원 이상",
    "여성 우대 사무보조 일자리 있어요?",
    "제주시 카페 알바 구해요",
]


@pytest.mark.parametrize("text", STILL_SEARCHES)
def test_searches_stay_searches(text: str) -> None:
    assert understand(text, today=TODAY).route == "job_search"


@pytest.mark.parametrize("found", [False, True])
def test_the_answer_to_where_to_report_unpaid_wages_names_1350_and_the_labor_office_first(found: bool) -> None:
    passages = [{"title": "정당한 이직 사유", "section": "임금체불", "text": "임금이 체불된 경우 정당한 사유가 됩니다.",
                 "sources": [{"article": "고용보험법 시행규칙 별표2"}], "effective_from": "2025-01-01",
                 "confidence": "law", "flags": []}] if found else []
    text, _ = policy_answer({"passages": passages}, "citizen", question="임금체불 신고 어디로 해요", asks=["wage_arrears"])
    first = text.split("\n\n")[0]
    assert "☎1350" in first and "관할" in first and "지방고용노동관서" in first and "진정" in first


def test_quitting_over_unpaid_wages_is_still_a_benefit_question() -> None:
    # 임금체불 2개월 이상 is a 정당한 사유 for 구직급여 (고용보험법 시행규칙 별표2): the person asks about the benefit
    for text in ("월급 두달 밀려서 그만뒀는데 어떻게 돼요", "임금체불로 그만뒀는데 실업급여 받을 수 있어요?"):
        assert understand(text, today=TODAY).route == "eligibility", text
