"""Templated answers: which passage sentences are quoted, the citizen's short eligibility summary, year notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from graphs import compose
from graphs.eligibility import check_eligibility
from graphs.graph import pick_guide
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
    text, cites = compose.policy_answer(out, "citizen")
    assert "2027년 기준 자료는 확인하지 못했어요" in text and cites
    stale["in_force"] = True
    assert "(2027년 기준으로 찾았어요)" in compose.policy_answer(out, "citizen")[0]


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
    citizen, _ = compose.eligibility_answer(result, "citizen", ask=None)
    counselor, _ = compose.eligibility_answer(result, "counselor", ask=None)
    failed = next(r for r in result["reasons"] if r["passed"] is False)
    assert f"❌ {failed['text']}" in citizen and f"근거: {failed['article']}" in citizen
    assert "요건 점검:" not in citizen and "계산:" not in citizen
    assert all(r["text"] in counselor for r in result["reasons"])  # counselors keep the full checklist
    assert len(citizen) < len(counselor)
    assert "공식 결정이 아닙니다" in citizen


def test_citizen_summary_asks_about_the_conditions_closest_to_the_question() -> None:
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    unknown = [r for r in result["reasons"] if r["passed"] is None]
    assert len(unknown) >= 3
    text, _ = compose.eligibility_answer(result, "citizen", ask=None,
                                         question="고용보험에 며칠 이상 가입돼 있어야 해요?", focus=["duration"])
    shown = [r for r in unknown if f"❓ {r['text']}" in text]
    assert len(shown) == 2 and any("피보험 단위기간" in r["text"] for r in shown)


def test_guide_comes_first_for_a_general_question_and_is_cited() -> None:
    result = check_eligibility("unemployment_benefit", Profile(), today=TODAY).model_dump(mode="json")
    guide = [_passage("소정급여일수란", DURATION, key=[2])]
    text, cites = compose.eligibility_answer(result, "citizen", ask="어떤 사유로 퇴사하셨어요?", guide=guide,
                                             guide_first=True)
    assert text.startswith("**구직급여 — 소정급여일수란**") and "270일" in text
    assert text.index("270일") < text.index("확인 결과")
    assert cites[-1].section == "소정급여일수란"
    personal, _ = compose.eligibility_answer(result, "citizen", ask=None, guide=guide)
    assert personal.startswith("**구직급여 확인 결과")


def test_eligibility_citations_name_requirements_in_korean_never_by_rule_id() -> None:
    from datetime import date

    from graphs.compose import eligibility_citations
    from graphs.eligibility import check_eligibility
    from graphs.profile import Profile

    profile = Profile(age=45, insured_period_days=1460, unit_period_days=900, monthly_wage=3_000_000,
                      separation_reason="recommended_resignation", separation_date=date(2026, 3, 31))
    result = check_eligibility("unemployment_benefit", profile, today=date(2026, 11, 21))
    sections = [c.section for c in eligibility_citations(result.model_dump(mode="json"))]
    assert sections and all(s and "." not in s and "_" not in s for s in sections), sections
