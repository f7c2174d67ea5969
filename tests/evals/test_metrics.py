"""The eval's pure pieces: ranking metrics, slot scoring, percentiles, filter predicates, thresholds, table."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from evals.gold import REFERENCE_DATE, AnswerItem, EligibilityItem, RoutingItem
from evals.machine import machine, peak_rss_mb
from evals.metrics import (
    CITY_OF_DISTRICT,
    course_violations,
    first_rank,
    job_violations,
    mean_reciprocal_rank,
    percentile,
    precision_recall_f1,
    recall_at,
    same_value,
    slot_counts,
)
from evals.runner import (
    EligibilityReport,
    EvalReport,
    RoutingReport,
    ask_item,
    check_answer,
    check_thresholds,
    eligibility_problems,
    flat_metrics,
    implied_keys,
    load_thresholds,
    predicted_slots,
    table_rows,
)
from graphs.eligibility.models import Amount, EligibilityResult, MissingFact, Reason
from graphs.profile import Profile
from knowledge.schemas import JobFilters, JobPosting, TrainingCourse, TrainingFilters

TODAY = date(2026, 11, 21)


def test_first_rank_and_recall_and_mrr() -> None:
    ranked = ["a", "b", "c", "b", "d"]
    assert first_rank(ranked, {"b"}) == 2
    assert first_rank(ranked, {"x", "d"}) == 5
    assert first_rank(ranked, {"x"}) is None
    ranks = [1, 3, None, 6]
    assert recall_at(ranks, 1) == 0.25
    assert recall_at(ranks, 5) == 0.5
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 3 + 1 / 6) / 4)
    assert recall_at([], 5) == 0.0 and mean_reciprocal_rank([]) == 0.0


def test_same_value_compares_numbers_to_the_won_and_bools_strictly() -> None:
    assert same_value(3262500, 3262500.4)
    assert not same_value(3262500, 3262502)
    assert same_value(50, 50.0)
    assert not same_value(True, 1)
    assert same_value("제주시", "제주시") and not same_value("제주시", "서귀포시")


def test_slot_counts_wrong_value_is_fp_and_fn_and_ignored_keys_are_neutral() -> None:
    expected = {"job.district": "애월읍", "job.min_monthly_pay": 2508000, "profile.age": 52}
    predicted = {"job.district": "애월읍", "job.min_monthly_pay": 2090000, "job.region": "제주시", "profile.disabled": True}
    tp, fp, fn, problems = slot_counts(expected, predicted, ignore=["job.region"])
    assert (tp, fp, fn) == (1, 2, 2)
    assert any("min_monthly_pay" in p for p in problems) and any("profile.age" in p for p in problems)
    assert any("profile.disabled" in p for p in problems)
    assert precision_recall_f1(tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert precision_recall_f1(0, 0, 0) == (1.0, 1.0, 1.0)


def test_implied_region_only_when_it_is_the_districts_city() -> None:
    expected = {"job.district": "중문동"}
    assert implied_keys(expected, {"job.region": "서귀포시"}) == ["job.region"]
    assert implied_keys(expected, {"job.region": "제주시"}) == []
    assert implied_keys({"job.district": "중문동", "job.region": "서귀포시"}, {"job.region": "서귀포시"}) == []
    assert len(CITY_OF_DISTRICT) == 43
    assert CITY_OF_DISTRICT["애월읍"] == "제주시" and CITY_OF_DISTRICT["표선면"] == "서귀포시"


def test_percentile_interpolates() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 50) == 25.0
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile([7.0], 95) == 7.0 and percentile([], 50) == 0.0


def _job(**kw: object) -> JobPosting:
    base: dict[str, object] = dict(
        id="K1", title="호텔 프런트", company="탐라호텔", region="서귀포시", district="중문동", employment_type="정규직",
        wage_type="월급", monthly_pay_min=2400000, monthly_pay_max=2600000, weekly_hours=40.0, keco_code="521101",
        close_date=date(2026, 12, 1), seasonal=False,
    )
    base.update(kw)
    return JobPosting.model_validate(base)


def test_job_violations_checks_every_filter() -> None:
    job = _job()
    assert job_violations(job, JobFilters(region="서귀포시", district="중문동", min_monthly_pay=2600000), TODAY) == []
    broken = job_violations(
        job,
        JobFilters(region="제주시", min_monthly_pay=2700000, employment_type="계약직", max_weekly_hours=20,
                   keco_prefix="6", seasonal=True),
        TODAY,
    )
    assert len(broken) == 6
    closed = _job(close_date=date(2026, 11, 20))
    assert job_violations(closed, JobFilters(), TODAY) and not job_violations(closed, JobFilters(open_only=False), TODAY)
    assert not job_violations(_job(close_date=None), JobFilters(), TODAY)  # 채용시까지
    assert job_violations(_job(weekly_hours=None), JobFilters(max_weekly_hours=40), TODAY)


def test_course_violations_checks_every_filter() -> None:
    course = TrainingCourse(
        id="C-1", course_id="C", round="1", title="바리스타", institution="제주직업학교", region="제주시", ncs_code="13010101",
        course_type_code="C0061", cost=1000000, self_pay=150000, start_date=date(2026, 12, 7), end_date=date(2027, 1, 30),
    )
    assert course_violations(course, TrainingFilters(region="제주시", ncs_prefix="13", max_self_pay=150000)) == []
    broken = course_violations(
        course,
        TrainingFilters(region="서귀포시", card_eligible=False, max_self_pay=100000, start_from=date(2026, 12, 8),
                        ncs_prefix="20", course_type_code="C0104"),
    )
    assert len(broken) == 6
    assert course_violations(course, TrainingFilters(start_to=date(2026, 12, 6)))


def test_check_answer_reports_missing_and_forbidden() -> None:
    item = AnswerItem(id="x", q="q", must=["68,?100원", "180\\s*일"], must_not=["상한액은\\s*66,?000원"])
    missing, forbidden = check_answer(item, "2026년 상한액은 68100원이고 180 일입니다.")
    assert missing == [] and forbidden == []
    missing, forbidden = check_answer(item, "상한액은 66,000원입니다.")
    assert len(missing) == 2 and forbidden == ["상한액은\\s*66,?000원"]


def _amount(name: str, value: int) -> Amount:
    return Amount(name=name, value=value, unit="원", formula="-", article="-", effective_from=TODAY, year=2026,
                  confidence="law")


def test_eligibility_problems_compare_decision_amounts_tracks_and_absent_amounts() -> None:
    sub = EligibilityResult(program="p.type2", program_name="Ⅱ", decision="eligible", applies_year=2026)
    result = EligibilityResult(
        program="p", program_name="P", decision="eligible", applies_year=2026,
        amounts=[_amount("구직급여일액", 68100)], sub_results=[sub],
    )
    item = EligibilityItem.model_validate({
        "id": "e", "program": "p", "profile": {}, "calc": "hand",
        "expect": {"decision": "eligible", "amounts": {"구직급여일액": 68100}, "tracks": {"type2": "eligible"}},
    })
    assert eligibility_problems(item, result) == []
    wrong = item.model_copy(update={"expect": item.expect.model_copy(update={
        "decision": "ineligible", "amounts": {"구직급여일액": 66000, "소정급여일수": 180},
        "tracks": {"type2": "ineligible", "type1_youth": "eligible"}, "absent_amounts": ["구직급여일액"],
    })})
    problems = eligibility_problems(wrong, result)
    assert len(problems) == 6


def _reason(rule_id: str, passed: bool | None, text: str) -> Reason:
    return Reason(rule_id=rule_id, passed=passed, text=text, article="-", effective_from=TODAY, confidence="law")


def test_eligibility_problems_check_warnings_asked_facts_and_the_threshold_named() -> None:
    result = EligibilityResult(
        program="unemployment_benefit", program_name="구직급여", decision="need_more_info", applies_year=2026,
        warnings=["2027년 수치가 아직 없어 2026년 기준으로 계산했어요."],
        missing=[MissingFact(field="unit_period_days", question="최근 18개월 동안 보수를 받은 날은 며칠인가요?")],
        reasons=[_reason("unit", False, "피보험 단위기간 150일 — 180일 이상이어야 해요"),
                 _reason("age", True, "나이 45세 — 소정급여일수 표의 50세 미만 줄"),
                 _reason("reason", None, "이직 사유 확인 필요 — 정당한 사유")],
    )
    item = EligibilityItem.model_validate({
        "id": "e", "program": "unemployment_benefit", "profile": {}, "calc": "hand",
        "expect": {"decision": "need_more_info", "warnings": ["2027"], "asks": ["unit_period_days"],
                   "not_asks": ["insured_period_days"], "explains": ["180\\s*일"]},
    })
    assert eligibility_problems(item, result) == []
    wrong = item.model_copy(update={"expect": item.expect.model_copy(update={
        "warnings": ["⚠"], "asks": ["age"], "not_asks": ["unit_period_days"],
        # passed reasons and unknown ones do not count as the requirement missed
        "explains": ["50세", "정당한\\s*사유"],
    })})
    problems = eligibility_problems(wrong, result)
    assert len(problems) == 5, problems
    with pytest.raises(ValueError):
        EligibilityItem.model_validate({"id": "e", "program": "p", "profile": {}, "calc": "hand",
                                        "expect": {"decision": "eligible", "asks": ["no_such_field"]}})


class _FakeAssistant:
    """Records the (message, role, thread) of every ask and answers with the message count of its thread."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str | None]] = []

    def ask(self, question: str, *, role: str = "citizen", thread_id: str | None = None) -> object:
        self.calls.append((question, role, thread_id))
        seen = sum(1 for _, _, t in self.calls if t == thread_id)
        return type("R", (), {"answer": f"{question} #{seen}", "route": "policy_qa"})()


def test_ask_item_sends_the_earlier_turns_in_one_fresh_thread_and_returns_the_last_answer() -> None:
    assistant = _FakeAssistant()
    item = AnswerItem(id="x", q="알바 해도 돼요?", role="counselor", turns=["실업급여 얼마예요?", "41살이에요"],
                      must=["."])
    text, route = ask_item(assistant, item)
    assert text == "알바 해도 돼요? #3" and route == "policy_qa"
    assert [c[0] for c in assistant.calls] == ["실업급여 얼마예요?", "41살이에요", "알바 해도 돼요?"]
    threads = {c[2] for c in assistant.calls}
    assert len(threads) == 1 and None not in threads
    assert {c[1] for c in assistant.calls} == {"counselor"}
    ask_item(assistant, AnswerItem(id="y", q="q", must=["."]))
    assert assistant.calls[-1][2] not in threads  # every item gets its own thread


def test_predicted_slots_score_the_start_year_and_the_new_profile_facts() -> None:
    profile = Profile(employment_start_date=date(2024, 3, 1), separation_date=date(2026, 10, 31),
                      military_service_months=24, prior_insured_days=1825, prior_benefit_paid=True,
                      household_income_monthly=4_000_000)
    u = type("U", (), {"profile": profile, "year": None})()
    slots = predicted_slots(u, "eligibility")
    assert slots["profile.employment_start_year"] == 2024
    assert slots["profile.separation_year"] == 2026
    assert slots["profile.military_service_months"] == 24
    assert slots["profile.prior_benefit_paid"] is True
    assert slots["profile.household_income_monthly"] == 4_000_000
    RoutingItem(id="u", text="t", route="eligibility", slots={"profile.employment_start_year": 2024})


def test_gold_items_reject_unknown_tags() -> None:
    AnswerItem(id="x", q="q", must=["."], tags=["just_cause", "d8"])
    with pytest.raises(ValueError):
        AnswerItem(id="x", q="q", must=["."], tags=["no_such_class"])
    with pytest.raises(ValueError):  # a broken regex is a gold-file error, not a crash
        AnswerItem(id="x", q="q", must=["(180일"])


def test_routing_item_rejects_unknown_slot_keys() -> None:
    RoutingItem(id="u", text="t", route="job_search", slots={"job.district": "애월읍", "profile.separation_year": 2025})
    with pytest.raises(ValueError):
        RoutingItem(id="u", text="t", route="job_search", slots={"job.town": "애월"})


def test_thresholds_file_and_checks() -> None:
    thresholds = load_thresholds()
    assert thresholds["eligibility.exact_match"] == {"min": 1.0}
    assert thresholds["search.filter_violations"] == {"max": 0.0}
    assert thresholds["answers.forbidden_rate"] == {"max": 0.0}
    assert not any(k.startswith("latency.") for k in thresholds)  # no timing thresholds
    failures = check_thresholds({"a": 0.5, "b": 2.0, "c": 1.0}, {"a": {"min": 0.6}, "b": {"max": 1.0}, "c": {"min": 1.0},
                                                                "missing": {"min": 1.0}})
    assert len(failures) == 2 and failures[0].startswith("a = 0.5")


def test_table_has_one_row_per_metric_with_verdicts() -> None:
    report = EvalReport(
        run_id="t", started_at=datetime(2026, 11, 21), machine=machine(), reference_date=REFERENCE_DATE,
        routing=RoutingReport(n=3, routed_n=3, route_accuracy=1.0, program_n=1, program_accuracy=0.0, slot_tp=1,
                              slot_fp=0, slot_fn=0, slot_precision=1.0, slot_recall=1.0, slot_f1=1.0),
        eligibility=EligibilityReport(n=2, exact=1, exact_match=0.5),
    )
    report.metrics = flat_metrics(report)
    rows = table_rows(report, {"eligibility.exact_match": {"min": 1.0}, "routing.route_accuracy": {"min": 0.9}})
    by_label = {r[0]: r for r in rows}
    assert by_label["요건 판단 정확 일치 (1/2)"][3] == "✗"
    assert by_label["라우팅 정확도 (n=3)"][3] == "✓"
    assert len(rows) == 6
    assert peak_rss_mb() > 0
