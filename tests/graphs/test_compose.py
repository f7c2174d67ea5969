"""Templated answers: which passage sentences are quoted, the citizen's short eligibility summary, year notes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graphs import compose
from graphs.capabilities.eligibility import compose as eligibility_compose
from graphs.capabilities.eligibility.capability import pick_guide
from graphs.capabilities.job_search import compose as jobs_compose
from graphs.capabilities.policy_qa import compose as policy_compose
from graphs.eligibility import check_eligibility
from graphs.eligibility.models import Amount, EligibilityResult, Reason
from graphs.profile import Profile
from graphs.tools import rank_sentences, score_texts, split_sentences

TODAY = date(2026, 11, 21)

DURATION = (
    "소정급여일수는 구직급여를 받을 수 있는 최대 일수입니다. 이 표는 2019년에 개정되었습니다. "
    "나이와 피보험기간에 따라 120일부터 270일까지 정해집니다. 신청을 미루면 일부를 잃을 수 있습니다. "
    "자세한 내용은 고용센터에서 확인합니다."
)
WAITING = "실업 신고일부터 7일은 대기기간입니다. 대기기간에는 구직급여가 지급되지 않습니다."


def _passage(section: str, text: str, **kw: Any) -> dict[str, Any]:
    return {"title": "구직급여", "section": section, "text": text, "sources": [{"article": "고용보험법 제50조"}],
            "effective_from": "2019-10-01", "confidence": "law", "flags": [], **kw}


def test_sentences_stating_the_asked_figure_rank_first() -> None:
    passages = [_passage("소정급여일수란", DURATION), _passage("대기기간", WAITING)]
    rank_sentences("실업급여 최대 며칠 받아요?", passages, focus=["duration"])
    assert passages[0]["key"][:2] == [0, 2]  # "최대 일수", "120일부터 270일까지"
    assert 1 not in passages[0]["key"]  # "2019년" is a calendar year, not a duration
    assert passages[0]["relevance"] > 0
    scores = score_texts("대기기간은 며칠이에요?", split_sentences(WAITING), focus=["duration"])
    assert scores[0] > 0


def test_excerpt_keeps_the_opening_then_the_answering_sentence_in_order() -> None:
    p = _passage("소정급여일수란", DURATION, key=[2])
    text = compose.excerpt(p, 3)
    assert text.startswith("소정급여일수는") and "120일부터 270일까지" in text
    assert text.index("최대 일수") < text.index("120일부터")
    assert "자세한 내용" not in text  # 3 sentences: the opening two and the key one
    assert compose.excerpt(_passage("x", DURATION), 2) == " ".join(split_sentences(DURATION)[:2])


def test_policy_answer_says_when_the_asked_year_has_no_source() -> None:
    stale = _passage("2026년 최저임금", WAITING, in_force=False)
    out: dict[str, Any] = {"year": 2027, "passages": [stale]}
    text, cites = policy_compose.policy_answer(out, "citizen")
    assert "2027년 기준 자료는 확인하지 못했어요" in text and cites
    stale["in_force"] = True
    assert "(2027년 기준으로 찾았어요)" in policy_compose.policy_answer(out, "citizen")[0]


def test_pick_guide_fuses_search_order_and_relevance() -> None:
    first = _passage("a", WAITING, relevance=1.0)
    best = _passage("b", DURATION, relevance=4.0)
    weak = _passage("c", WAITING, relevance=0.5)
    assert pick_guide([first, best, weak], 2) == [first, best]  # tie on the fused score: search order
    assert pick_guide([weak, best, first], 1) == [best]  # the search's first is the least relevant
    assert weak not in pick_guide([first, best, weak], 3)  # far less relevant than the first: left out
    stale = _passage("d", DURATION, relevance=9.0, in_force=False)
    assert pick_guide([stale, first], 1) == [first]
    assert pick_guide([stale], 1) == [stale]


def test_citizen_summary_is_short_and_names_the_failed_condition_and_its_source() -> None:
    profile = Profile(age=30, insured_period_days=2 * 365, separation_reason="voluntary",
                      separation_date=date(2026, 10, 31))
    result = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    citizen, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None)
    counselor, _ = eligibility_compose.eligibility_answer(result, "counselor", ask=None)
    failed = next(r for r in result["reasons"] if r["passed"] is False)
    assert f"❌ {eligibility_compose.gloss(failed['text'])}" in citizen and f"근거: {failed['article']}" in citizen
    assert "요건 점검:" not in citizen and "계산:" not in citizen
    assert all(r["text"] in counselor for r in result["reasons"])  # counselors keep the full checklist
    assert len(citizen) < len(counselor)
    assert "공식 결정이 아닙니다" in citizen


def test_citizen_summary_asks_about_the_conditions_closest_to_the_question() -> None:
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    unknown = [r for r in result["reasons"] if r["passed"] is None]
    assert len(unknown) >= 3
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None,
                                         question="고용보험에 며칠 이상 가입돼 있어야 해요?", focus=["duration"])
    shown = [ln for ln in text.splitlines() if ln.startswith("- ❓ ")]
    assert len(shown) == 2 and any("피보험 단위기간" in ln for ln in shown)


def test_guide_comes_first_for_a_general_question_and_is_cited() -> None:
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    guide = [_passage("소정급여일수란", DURATION, key=[2])]
    text, cites = eligibility_compose.eligibility_answer(result, "citizen", ask="어떤 사유로 퇴사하셨어요?", guide=guide,
                                             guide_first=True)
    assert text.startswith("**구직급여 — 소정급여일수란**") and "270일" in text
    assert text.index("270일") < text.index("판단하려면")
    assert cites[-1].section == "소정급여일수란"
    personal, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, guide=guide)
    assert personal.startswith("**구직급여를 받을 수 있는지 판단하려면")


def test_eligibility_citations_name_requirements_in_korean_never_by_rule_id() -> None:
    from datetime import date

    from graphs.capabilities.eligibility.compose import eligibility_citations
    from graphs.eligibility import check_eligibility
    from graphs.profile import Profile

    profile = Profile(age=45, insured_period_days=1460, unit_period_days=900, monthly_wage=3_000_000,
                      separation_reason="recommended_resignation", separation_date=date(2026, 3, 31))
    result = check_eligibility("unemployment_benefit", profile, today=date(2026, 11, 21))
    sections = [c.section for c in eligibility_citations(result.model_dump(mode="json"))]
    assert sections and all(s and "." not in s and "_" not in s for s in sections), sections


# ---- citizen-readable answers (issue 10) -----------------------------------------------------------------------
# Hand-written results in the shape the eligibility rules return, with the figures of the law and of
# /work/shared/facts/policy-facts.md (never copied from the system's output).
IN_FORCE = date(2026, 1, 1)


def _reason(rule_id: str, passed: bool | None, text: str, article: str, label: str = "") -> Reason:
    return Reason(rule_id=rule_id, passed=passed, text=text, label=label, article=article, effective_from=IN_FORCE,
                  confidence="law")


def _amount(name: str, value: int, unit: str, formula: str, article: str) -> Amount:
    return Amount(name=name, value=value, unit=unit, formula=formula, article=article, year=2026,  # type: ignore[arg-type]
                  effective_from=IN_FORCE, confidence="law")


UNIT_PERIOD_FAILED = _reason(
    "ub.unit_period", False,
    "퇴사 전 18개월 동안 피보험 단위기간 150일 — 기준 180일 이상 → 30일 부족: 고용보험 가입 사업장에서 30일 더 일하면 "
    "채울 수 있습니다", "고용보험법 제40조 제1항 제1호", "피보험 단위기간")
EARLY = EligibilityResult(
    program="early_reemployment", program_name="조기재취업수당", decision="eligible", applies_year=2026,
    reasons=[_reason("er.remaining", True, "남은 일수 100일 / 소정급여일수 150일 — 기준 2분의 1 이상 → 충족",
                     "고용보험법 시행령 제84조 제1항")],
    amounts=[_amount("조기재취업수당", 3_405_000, "원", "구직급여일액 68,100원 × 남은 소정급여일수 100일 × ½ = 3,405,000원",
                     "고용보험법 시행령 제85조")],
)


def _markdown_blocks(text: str) -> list[str]:
    """The text of every paragraph or list item the chat's Markdown renderer shows outside tables, as the renderer
    joins its lines (a soft line break is kept as "\\n")."""
    from markdown_it import MarkdownIt

    breaks = {"softbreak": "\n", "hardbreak": "\n"}
    blocks, in_table = [], False
    for t in MarkdownIt("commonmark").enable("table").parse(text):
        in_table = (in_table or t.type == "table_open") and t.type != "table_close"
        if t.type == "inline" and not in_table:
            blocks.append("".join(breaks.get(c.type, c.content) for c in t.children or []))
    return blocks


def _all_answers() -> list[tuple[str, str]]:
    """(label, text) for templated answers of each decision, role and shape (tracks table, guide passage)."""
    ub_ok = check_eligibility("unemployment_benefit", Profile(
        age=45, insured_period_days=4 * 365, unit_period_days=400, monthly_wage=3_000_000,
        separation_reason="recommended_resignation", separation_date=date(2026, 3, 31)), today=TODAY)
    ub_unknown = check_eligibility("unemployment_benefit", Profile(), today=TODAY)
    nes = check_eligibility("national_employment_support", Profile(age=29), today=TODAY)
    ineligible = EligibilityResult(program="unemployment_benefit", program_name="구직급여", decision="ineligible",
                                   applies_year=2026, reasons=[UNIT_PERIOD_FAILED])
    guide = [_passage("소정급여일수란", DURATION, key=[2])]
    out = []
    for name, res in (("eligible", ub_ok), ("unknown", ub_unknown), ("tracks", nes), ("ineligible", ineligible),
                      ("early", EARLY)):
        data = res.model_dump(mode="json")
        for role in ("citizen", "counselor"):
            text, _ = eligibility_compose.eligibility_answer(data, role, ask="퇴사일이 언제인가요?", guide=guide,  # type: ignore[arg-type]
                                                 question="얼마 받아요?", focus=["amount"])
            out.append((f"{name}/{role}", text))
        out.append((f"{name}/details", eligibility_compose.eligibility_details(data, "citizen")))
    out.append(("policy", policy_compose.policy_answer({"passages": guide}, "counselor")[0]))
    empty = {"jobs": [], "relax": [{"label": "지역", "count": 4}]}
    out.append(("no jobs", jobs_compose.jobs_answer(empty, "citizen", describe="서귀포시")[0]))
    return out


def test_every_line_of_a_templated_answer_is_its_own_block_when_rendered() -> None:
    # the bug: "- 구직급여일액: 66,000원\n더 알아야 하는 조건: …" rendered as one line (a lazy continuation of the
    # list item); a passage title and its text ran together the same way
    for label, text in _all_answers():
        blocks = _markdown_blocks(text)
        joined = [b for b in blocks if "\n" in b]
        assert not joined, f"{label}: lines run together in {joined}"
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("|")]
        assert len(blocks) == len(lines), f"{label}: {len(lines)} lines shown as {len(blocks)} blocks"


def test_an_amount_and_the_next_heading_stay_apart() -> None:
    result = check_eligibility("unemployment_benefit", Profile(age=45, monthly_wage=3_000_000), today=TODAY)
    data = result.model_dump(mode="json")
    data["amounts"] = [_amount("구직급여 1일 하한액", 66_048, "원/일", "10,320원 × 8시간 × 80%",
                               "고용보험법 제46조").model_dump(mode="json")]
    text, _ = eligibility_compose.eligibility_answer(data, "citizen", ask=None)
    blocks = _markdown_blocks(text)
    assert "더 알아야 하는 조건:" in blocks  # its own paragraph, not the tail of the amount's list item
    assert not any("66,048원" in b and "조건" in b for b in blocks)


@pytest.mark.parametrize("role", ["citizen", "counselor"])
def test_warnings_come_first_and_visibly(role: str) -> None:
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    result["warnings"] = ["2027년 수치는 아직 없어 2026년 기준으로 계산했어요."]
    text, _ = eligibility_compose.eligibility_answer(result, role, ask=None)  # type: ignore[arg-type]
    assert text.startswith("⚠️ **2027년 수치는 아직 없어 2026년 기준으로 계산했어요.**\n\n")
    assert eligibility_compose.eligibility_details(result).startswith("⚠️ **2027년")


def test_an_ineligible_result_never_prints_an_amount() -> None:
    total = _amount("최대 총액", 11_888_640, "원", "66,048원 × 180일", "고용보험법 제46조, 제50조")
    result = EligibilityResult(program="unemployment_benefit", program_name="구직급여", decision="ineligible",
                               applies_year=2026, reasons=[UNIT_PERIOD_FAILED], amounts=[total])
    data = result.model_dump(mode="json")
    for text in (eligibility_compose.eligibility_answer(data, "citizen", ask=None, focus=["amount"])[0],
                 eligibility_compose.eligibility_answer(data, "counselor", ask=None)[0], eligibility_compose.eligibility_details(data)):
        assert "11,888,640" not in text and "최대 총액" not in text
        assert "180일" in text and "30일" in text  # the threshold missed and what would change it
    assert eligibility_compose.payable(data) == []


def test_citizen_answer_is_a_plain_verdict_with_amount_next_question_and_where_to_apply() -> None:
    text, _ = eligibility_compose.eligibility_answer(EARLY.model_dump(mode="json"), "citizen", ask="새 직장 입사일이 언제인가요?")
    blocks = _markdown_blocks(text)
    assert blocks[0] == "조기재취업수당을 받을 수 있을 것으로 보여요 ✅ (2026년 기준)"
    assert "조기재취업수당: 3,405,000원" in blocks
    assert text.count("👉") == 1 and "👉 새 직장 입사일이 언제인가요?" in blocks
    assert any("고용24" in b and "고용센터" in b and "☎1350" in b for b in blocks)
    assert "요건 점검" not in text and "계산:" not in text  # the checklist and formulas are the details


def test_how_much_shows_the_rule_that_makes_the_amount() -> None:
    data = EARLY.model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(data, "citizen", ask=None, question="조기재취업수당 얼마예요?", focus=["amount"])
    assert "계산: 구직급여일액(하루에 받는 금액) 68,100원 × 남은 소정급여일수" in text and "× ½ = 3,405,000원" in text


def test_a_failed_requirement_names_the_threshold_and_what_would_change_it() -> None:
    result = EligibilityResult(program="unemployment_benefit", program_name="구직급여", decision="ineligible",
                               applies_year=2026, reasons=[UNIT_PERIOD_FAILED])
    text, _ = eligibility_compose.eligibility_answer(result.model_dump(mode="json"), "citizen", ask=None)
    assert "알려주신 내용으로는 구직급여를 받을 수 없는 것으로 보여요 ❌" in text
    item = next(b for b in _markdown_blocks(text) if b.startswith("❌"))
    assert "기준 180일 이상" in item and "30일 더 일하면" in item


def test_law_words_get_a_plain_gloss_for_citizens_only() -> None:
    result = EligibilityResult(program="unemployment_benefit", program_name="구직급여", decision="ineligible",
                               applies_year=2026, reasons=[UNIT_PERIOD_FAILED])
    data = result.model_dump(mode="json")
    citizen, _ = eligibility_compose.eligibility_answer(data, "citizen", ask=None)
    counselor, _ = eligibility_compose.eligibility_answer(data, "counselor", ask=None)
    assert "피보험 단위기간(퇴사 전 18개월 중 고용보험에 가입해 월급을 받은 날)" in citizen
    assert citizen.count("퇴사 전 18개월 중 고용보험에 가입해") == 1  # the first time only
    assert "(퇴사 전 18개월 중" not in counselor
    assert eligibility_compose.gloss("피보험 단위기간(보수 지급의 기초가 된 날)") == "피보험 단위기간(보수 지급의 기초가 된 날)"
    assert eligibility_compose.gloss("기준기간 중 피보험기간") == "기준기간(퇴사 전 18개월) 중 피보험기간(고용보험에 가입해 있던 기간)"


def test_tracks_are_one_table_with_each_allowance_once_per_row() -> None:
    result = check_eligibility("national_employment_support", Profile(age=29), today=TODAY).model_dump(mode="json")
    tracks = result["sub_results"]
    assert len(tracks) >= 2
    text, _ = eligibility_compose.eligibility_answer(result, "counselor", ask=None)
    table = [ln for ln in text.splitlines() if ln.startswith("|")]
    assert len(table) == 2 + len(tracks)  # header, separator, one row per track
    assert "조건" in table[0]
    for sub in tracks:
        row = next(r for r in table if sub["program_name"].removeprefix("국민취업지원제도 ") in r)
        for a in sub["amounts"]:
            assert f"{a['value']:,}원" in row
    assert not any(ln.startswith("· 국민취업지원제도") for ln in text.splitlines())  # no section per track
    names = {a["name"] for sub in tracks for a in sub["amounts"]}
    for name in names:  # each allowance: a column, and one line saying how it is computed
        assert text.count(f"- {name}:") == 1, name
    citizen, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None)
    assert len([ln for ln in citizen.splitlines() if ln.startswith("|")]) == 2 + len(tracks)
    assert "조건 |" not in citizen


def test_policy_and_job_answers_keep_blocks_apart() -> None:
    p = _passage("대기기간", WAITING)
    text, _ = policy_compose.policy_answer({"passages": [p]}, "counselor")
    blocks = _markdown_blocks(text)
    assert blocks[0] == "구직급여 — 대기기간" and blocks[1].startswith("실업 신고일부터 7일은")
    assert blocks[2].startswith("· 근거: 고용보험법 제50조")
    empty = {"jobs": [], "relax": [{"label": "지역", "count": 4}]}
    blocks = _markdown_blocks(jobs_compose.jobs_answer(empty, "citizen", describe="서귀포시")[0])
    assert "'지역' 조건을 빼면 4건이 있어요." in blocks and any(b.startswith("고용24") for b in blocks)


def test_citizen_sees_how_the_income_share_was_estimated() -> None:
    # 2026 기준 중위소득, 3인 가구: 5,359,036원 (policy-facts §12) → 4,000,000원 is 74.6 %
    profile = Profile(age=29, household_size=3, household_income_monthly=4_000_000)
    result = check_eligibility("national_employment_support", profile, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None)
    assert "74.6%" in text and "참고:" in text


def test_a_result_waiting_for_facts_shows_rates_and_days_but_no_total_to_citizens() -> None:
    # 2026, 45세, 피보험기간 4년, 월 300만원: 하한액 10,320원 × 8시간 × 80% = 66,048원/일, 별표1 → 180일;
    # the 180-day 피보험 단위기간 is not known yet, so nothing is promised
    result = EligibilityResult(
        program="unemployment_benefit", program_name="구직급여", decision="need_more_info", applies_year=2026,
        reasons=[_reason("ub.unit_period", None, "퇴사 전 18개월 동안의 피보험 단위기간: 정보가 필요합니다 (기준 180일 이상).",
                         "고용보험법 제40조 제1항 제1호", "피보험 단위기간")],
        amounts=[_amount("구직급여일액", 66_048, "원/일", "10,320원 × 8시간 × 80% = 66,048원", "고용보험법 제46조"),
                 _amount("소정급여일수", 180, "일", "45세 · 피보험기간 4년 → 180일", "고용보험법 제50조 별표1"),
                 _amount("최대 총액", 11_888_640, "원", "66,048원 × 180일 = 11,888,640원", "고용보험법 제46조, 제50조")])
    data = result.model_dump(mode="json")
    citizen, _ = eligibility_compose.eligibility_answer(data, "citizen", ask=None)
    assert "66,048원" in citizen and "180일" in citizen
    assert "11,888,640" not in citizen and "최대 총액" not in citizen
    assert "11,888,640" not in eligibility_compose.eligibility_details(data, "citizen")
    # "얼마예요?": the sum is the answer asked for — shown, but only under the condition that is still open
    asked, _ = eligibility_compose.eligibility_answer(data, "citizen", ask=None, focus=["amount"])
    assert "최대 총액(위 조건을 모두 갖춘 경우): **11,888,640원**" in asked
    assert "더 알아야 하는 조건" in asked
    counselor, _ = eligibility_compose.eligibility_answer(data, "counselor", ask=None)
    assert "최대 총액: 11,888,640원" in counselor  # counselors see every computed figure with its formula


def test_citizen_sees_the_exception_that_decided_a_met_condition() -> None:
    # 별표2: 2개월 이상 임금체불은 자진퇴사의 정당한 사유 (고용보험법 제58조 제2호, 시행규칙 별표2)
    profile = Profile(age=32, insured_period_days=730, separation_reason="voluntary_justified",
                      just_cause="임금체불 2개월")
    result = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question="사장이 월급을 두 달째 안 줘서 나왔어요")
    assert "❌" not in text
    met = text.split("확인된 조건:")[1].split("더 알아야 하는 조건")[0]
    assert "정당한 사유" in met and "임금체불" in met


def test_citizen_sees_the_youth_ceiling_raised_by_military_service() -> None:
    # 시행령 제2조⑤: 실제 복무기간(최대 3년)만큼 청년 상한 34세가 늘어남 → 3년 4개월 복무 = 3년 인정 → 37세까지
    profile = Profile(age=37, military_service_months=40)
    result = check_eligibility("national_employment_support", profile, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question="군 복무 3년 4개월, 청년으로 인정돼요?")
    assert "34세 + 3년 = 37세" in text


def test_citizen_sees_that_type2_youth_has_no_income_test_and_how_sure_that_is() -> None:
    # Ⅱ유형 청년 18~34세: 운영 기준상 소득 무관 (policy-facts has no primary source → 확인 안내)
    profile = Profile(age=34, household_income_pct=150)
    result = check_eligibility("national_employment_support", profile, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question="중위 150%면 국취 아예 못 하나요?")
    line = next(ln for ln in text.splitlines() if "Ⅱ유형에 참여" in ln)
    assert "소득과 관계없이" in line and "운영 기준" in line and "1350" in line


def test_policy_answer_says_a_year_without_a_minimum_wage_notice_and_gives_the_latest() -> None:
    # policy-facts §6.4: 2026 최저임금 10,320원 (고시); 2027 only in secondary sources → not confirmed
    out = {"year": 2027, "passages": []}
    text, _ = policy_compose.policy_answer(out, "citizen", question="내년 최저시급 얼마예요?", today_year=2026)
    first = text.split("\n\n")[0]
    assert first.startswith("⚠️") and "2027년" in first and "10,320원" in first and "2026년" in first


def test_policy_answer_compares_a_stated_hourly_pay_with_the_minimum_wage() -> None:
    out = {"year": None, "passages": []}
    text, _ = policy_compose.policy_answer(out, "citizen", question="최저시급 올해 얼마임", today_year=2026, stated_hourly=9_000)
    assert "2026년 최저임금은 시간급 10,320원" in text and "1,320원 적어" in text and "미달" in text
    ok, _ = policy_compose.policy_answer(out, "citizen", question="최저시급", today_year=2026, stated_hourly=10_500)
    assert "미달" not in ok


def test_policy_answer_states_the_rule_that_makes_an_amount() -> None:
    # 고용보험법 시행령 제85조: 조기재취업수당 = 구직급여일액 × 미지급일수 × 2분의 1
    out = {"year": None, "passages": []}
    text, _ = policy_compose.policy_answer(out, "citizen", question="일찍 취업하면 주는 돈 얼마", program="early_reemployment",
                                    asks=["amount"])
    assert "남은 소정급여일수" in text and "구직급여일액" in text and "2분의 1" in text
    plain, _ = policy_compose.policy_answer(out, "citizen", question="조기재취업수당이 뭐예요", program="early_reemployment")
    assert "2분의 1" not in plain


def test_nothing_found_uses_the_right_object_particle() -> None:
    from graphs.compose import nothing_found

    assert "채용정보를 찾지 못했어요" in nothing_found({}, "서귀포시 · 중문동", "채용정보")
    assert "훈련과정을 찾지 못했어요" in nothing_found({}, "제주시", "훈련과정")


# ---- what a person sees first ------------------------------------------------------------------------------------
def test_a_bare_can_i_question_gets_the_verdict_and_the_question_before_the_passage() -> None:
    """"실업급여 받을 수 있나요?": first what decides it and the one question that settles it, then the passage."""
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    guide = [_passage("구직급여와 실업급여의 관계", WAITING)]
    text, cites = eligibility_compose.eligibility_answer(result, "citizen", ask="어떤 사유로 퇴사하셨어요?",
                                                         guide=guide, question="실업급여 받을 수 있나요?")
    assert text.startswith("**구직급여를 받을 수 있는지 판단하려면")
    assert text.index("더 알아야 하는 조건") < text.index("👉 어떤 사유로") < text.index("**구직급여 — 구직급여와")
    assert cites[-1].section == "구직급여와 실업급여의 관계"  # the passage is still shown and cited


NES_YOUTH = Profile(age=28, household_size=4, household_income_monthly=6_000_000, household_assets=100_000_000)


@pytest.mark.parametrize(("question", "lead"), [
    ("국취 1유형 되나요?", "국민취업지원제도 Ⅰ유형에 참여할 수 있"),
    ("국민취업지원제도 Ⅰ유형 받을 수 있어요?", "국민취업지원제도 Ⅰ유형에 참여할 수 있"),
    ("국취 2유형은요?", "국민취업지원제도 Ⅱ유형에 참여할 수 있"),
])
@pytest.mark.parametrize("profile", [Profile(), NES_YOUTH])
def test_the_answer_leads_with_the_asked_type(question: str, lead: str, profile: Profile) -> None:
    result = check_eligibility("national_employment_support", profile, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question=question)
    assert text.startswith(f"**{lead}")
    asked = lead.split()[1].removesuffix("에")  # Ⅰ유형 / Ⅱ유형
    first_row = next(ln for ln in text.splitlines() if ln.startswith("| Ⅰ") or ln.startswith("| Ⅱ"))
    assert first_row.startswith(f"| {asked}")
    counselor, _ = eligibility_compose.eligibility_answer(result, "counselor", ask=None, question=question)
    assert counselor.startswith(f"**국민취업지원제도 {asked} 확인 결과")


def test_the_asked_type_has_its_own_verdict_and_conditions() -> None:
    """28세, 4인 가구 월 600만원 (92.4% of the 2026 기준 중위소득): over the 60% of Ⅰ유형 요건심사형 (시행령 제3조①),
    within the 청년특례's 120% — Ⅰ유형 ✅ through the 청년특례; the Ⅱ유형-only youth rule is not named for Ⅰ."""
    result = check_eligibility("national_employment_support", NES_YOUTH, today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question="국취 1유형 되나요?")
    assert text.startswith("**국민취업지원제도 Ⅰ유형에 참여할 수 있을 것으로 보여요 ✅")
    conditions = [ln for ln in text.splitlines() if ln.startswith("- ✅")]
    assert conditions and not any("Ⅱ유형에 참여" in ln for ln in conditions)


def test_no_type_named_keeps_the_whole_program() -> None:
    result = check_eligibility("national_employment_support", Profile(), today=TODAY).model_dump(mode="json")
    text, _ = eligibility_compose.eligibility_answer(result, "citizen", ask=None, question="국취 받을 수 있나요?")
    assert text.startswith("**국민취업지원제도에 참여할 수 있는지")
    assert eligibility_compose.asked_type(result, "유형이 뭐가 있어요?") is None


@pytest.mark.parametrize("profile", [
    Profile(region="제주시"),  # "청년 채용했는데 장려금 받을 수 있나요?" — the age not said yet
    Profile(region="제주시", age=27, employer_insured_count=7, employer_priority_support=True),  # "27세를 채용"
])
@pytest.mark.parametrize("role", ["citizen", "counselor"])
def test_the_hired_youths_age_is_one_condition(profile: Profile, role: str) -> None:
    """청년일자리도약장려금: the youth the company hired and the youth who gets the 근속 인센티브 are one person, with
    one age (만 15~34세): the answer states that condition once."""
    result = check_eligibility("youth_job_leap", profile, today=TODAY).model_dump(mode="json")
    text = "\n".join([eligibility_compose.eligibility_answer(result, role, ask=None)[0],  # type: ignore[arg-type]
                      eligibility_compose.eligibility_details(result, role)])  # type: ignore[arg-type]
    for block in text.split("\n\n"):
        age_lines = [ln for ln in block.splitlines() if ln.startswith("- ") and "나이" in ln]
        assert len(age_lines) <= 1, age_lines
