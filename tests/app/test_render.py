"""app.render: tables, checklists, sources and buttons built from real tool/compose outputs."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from app import render
from graphs import compose
from graphs.answer import AnswerResult, CitationOut, CourseCard, JobCard, ToolCallOut
from graphs.eligibility import check_eligibility
from graphs.profile import Profile

TODAY = date(2026, 11, 21)


def job(i: int, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"K1512{i:011d}", "title": f"호텔 프런트 직원 {i}", "company": f"제주호텔{i}", "region": "서귀포시",
        "district": "중문동", "monthly_pay_min": 2_300_000, "monthly_pay_max": 2_600_000 + i, "wage_type": "월급",
        "wage_min": 2_300_000, "wage_max": 2_600_000 + i, "employment_type": "정규직", "close_date": "2026-12-15",
        "url": f"https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo=K{i}",
    }
    base.update(kw)
    return base


def job_result(role: str, jobs: list[dict[str, Any]]) -> AnswerResult:
    out: dict[str, Any] = {"query": "호텔", "filters": {"region": "서귀포시", "open_only": True}, "jobs": jobs, "relax": []}
    text, cites = compose.jobs_answer(out, role, describe="서귀포시 · '호텔'")  # type: ignore[arg-type]
    return AnswerResult(answer=text, route="job_search", citations=cites, jobs=[JobCard.model_validate(j) for j in jobs],
                        tool_calls=[ToolCallOut(name="search_jobs", args={"query": "호텔", **out["filters"]}, result=out)],
                        role=role)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["citizen", "counselor"])
def test_jobs_become_a_table_with_every_posting(role: str) -> None:
    jobs = [job(1), job(2, close_date=None, url=None, wage_type="시급", wage_min=11000, wage_max=None,
                        employment_type="시간제", district=None)]
    res = job_result("citizen" if role == "citizen" else "counselor", jobs)
    out = render.render_answer(res, role)  # type: ignore[arg-type]
    lines = out.content.splitlines()
    assert lines[0].startswith("서귀포시 · '호텔' 채용정보 2건을 찾았어요")
    rows = [ln for ln in lines if ln.startswith("| ") and not ln.startswith("| #")]
    assert len(rows) == 2
    assert "**호텔 프런트 직원 1**" in rows[0] and "제주호텔1" in rows[0] and "월급 2,300,000원~2,600,001원" in rows[0]
    assert "2026-12-15" in rows[0] and "[고용24](https://www.work24.go.kr/" in rows[0]
    assert "시급 11,000원" in rows[1] and "채용시까지" in rows[1] and "시간제" in rows[1]
    assert not any(ln.startswith("1. **") for ln in lines)  # the numbered list is replaced by the table
    if role == "counselor":
        assert "K151200000000001" in rows[0] and "구인인증번호" in lines[2]
        assert any(ln.startswith("상담 팁") for ln in lines)
    else:
        assert "K151200000000001" not in out.content
    labels = [a.label for a in out.actions]
    assert "🎓 이 직무 훈련과정 보기" in labels and "🔁 조건 바꿔 다시 찾기" in labels
    ask = next(a for a in out.actions if a.name == "ask")
    assert ask.payload == {"q": "서귀포시 호텔 훈련과정"}


def test_no_jobs_keeps_the_relax_hints_and_offers_only_refine() -> None:
    out_tool = {"query": "호텔", "filters": {"region": "서귀포시"}, "jobs": [],
                "relax": [{"filter": "region", "label": "지역", "count": 4}]}
    text, _ = compose.jobs_answer(out_tool, "citizen", describe="서귀포시 · '호텔'")
    res = AnswerResult(answer=text, route="job_search",
                       tool_calls=[ToolCallOut(name="search_jobs", args={"query": "호텔"}, result=out_tool)])
    out = render.render_answer(res, "citizen")
    assert "'지역' 조건을 빼면 4건" in out.content and "| #" not in out.content
    assert [a.name for a in out.actions] == ["refine"]


def test_table_cells_cannot_break_the_markdown_or_inject_links() -> None:
    evil = job(3, title="A | B\n| C", company="회사|", url="javascript:alert(1)")
    table = render.jobs_table([JobCard.model_validate(evil)], "citizen")
    row = table.splitlines()[2]
    assert row.count(" | ") == len(table.splitlines()[0].split(" | ")) - 1
    assert "javascript:" not in table and "A \\| B \\| C" in row


def test_training_table() -> None:
    course = CourseCard(id="AIG2026-1", title="호텔 서비스 실무", institution="제주직업훈련원", region="제주시",
                        cost=1_200_000, self_pay=180_000, start_date=date(2026, 12, 1), end_date=date(2027, 2, 28),
                        employment_rate=None, card_eligible=True, url="https://www.work24.go.kr/x")
    out = render.training_table([course], "counselor")
    assert "1,200,000원" in out and "180,000원" in out and "미공시" in out and "AIG2026-1" in out
    assert "2026-12-01 ~ 2027-02-28" in out
    assert "AIG2026-1" not in render.training_table([course], "citizen")


def _eligibility_result(role: str, profile: Profile) -> AnswerResult:
    out = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    text, cites = compose.eligibility_answer(out, role, ask=None)  # type: ignore[arg-type]
    keep: dict[str, Any] = {k: out[k] for k in ("program", "program_name", "decision", "reasons", "missing", "amounts",
                                "applies_year", "notes", "sub_results") if k in out}
    return AnswerResult(answer=text, route="eligibility", citations=cites, eligibility=[keep], role=role)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["counselor"])
def test_eligibility_checklist_shows_marks_articles_amounts_and_formulas(role: str) -> None:
    profile = Profile(age=45, insured_period_days=4 * 365, unit_period_days=400,
                      separation_reason="recommended_resignation", separation_date=date(2026, 10, 31),
                      monthly_wage=3_000_000)
    res = _eligibility_result(role, profile)
    data = res.eligibility[0]
    out = render.render_answer(res, role)  # type: ignore[arg-type]
    assert out.content.startswith("**구직급여**")
    for r in data["reasons"]:
        mark = render.MARK[r["passed"]]
        assert f"{mark} {r['text']} — 근거: {r['article']}" in out.content
    assert data["amounts"], "a 4-year, age-45 recommended resignation has computed amounts"
    for a in data["amounts"]:
        assert f"**{a['name']}: " in out.content
        assert f"계산식: {a['formula']}" in out.content
    assert out.content.count("요건 점검") == 1  # compose's own checklist lines are not repeated
    assert "참고용이며 공식 결정이 아닙니다" in out.content


def test_citizen_sees_the_short_summary_not_the_checklist() -> None:
    profile = Profile(age=45, insured_period_days=4 * 365, unit_period_days=400,
                      separation_reason="voluntary", separation_date=date(2026, 10, 31), monthly_wage=3_000_000)
    res = _eligibility_result("citizen", profile)
    data = res.eligibility[0]
    assert data["decision"] == "ineligible"
    out = render.render_answer(res, "citizen")
    assert out.content.startswith("**구직급여 확인 결과 (2026년 기준): 요건을 충족하지 않는 것으로 보여요 ❌**")
    failed = [r for r in data["reasons"] if r["passed"] is False]
    assert failed and all(f"❌ {r['text']}" in out.content for r in failed[:2])
    assert f"근거: {failed[0]['article']}" in out.content  # the failed rule's source comes first
    passed = [r for r in data["reasons"] if r["passed"]]
    assert passed and not any(r["text"] in out.content for r in passed)  # met conditions are only counted
    assert "계산식" not in out.content and "요건 점검\n" not in out.content
    assert "참고용이며 공식 결정이 아닙니다" in out.content and "1350" in out.content


def test_counselor_view_keeps_the_policy_passage_and_its_basis() -> None:
    profile = Profile(age=45)
    out_tool = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    passage = {"title": "구직급여 소정급여일수 (받는 기간)", "section": "소정급여일수란",
               "text": "소정급여일수는 구직급여를 받을 수 있는 최대 일수입니다. 120일부터 270일까지 정해집니다.",
               "sources": [{"title": "고용보험법 별표1", "article": "제50조·별표1"}], "effective_from": "2019-10-01",
               "confidence": "law", "flags": [], "key": [1]}
    text, cites = compose.eligibility_answer(out_tool, "counselor", ask=None, guide=[passage], guide_first=True)
    res = AnswerResult(answer=text, route="eligibility", citations=cites, eligibility=[out_tool], role="counselor")
    out = render.render_answer(res, "counselor")
    assert out.content.startswith("**구직급여**")  # the structured checklist first
    assert "120일부터 270일까지" in out.content and "근거: 제50조·별표1" in out.content
    assert "확인 결과 (2026년 기준)" not in out.content  # compose's header is replaced by the checklist's


def test_need_more_info_keeps_the_question() -> None:
    profile = Profile(age=30)
    out_tool = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    assert out_tool["decision"] == "need_more_info"
    question = out_tool["missing"][0]["question"]
    text, _ = compose.eligibility_answer(out_tool, "citizen", ask=question)
    res = AnswerResult(answer=text, route="eligibility", eligibility=[out_tool], follow_up=True)
    out = render.render_answer(res, "citizen")
    assert f"👉 {question}" in out.content
    assert "❓" in out.content


def test_sources_are_clickable_panels_with_title_section_and_date() -> None:
    passage = {"title": "구직급여 수급요건", "section": "수급 요건", "text": "이직일 이전 18개월 동안 피보험 단위기간이 180일 이상",
               "sources": [{"title": "고용보험법", "article": "고용보험법 제40조"}], "effective_from": "2025-01-01",
               "confidence": "law", "flags": []}
    cite = CitationOut(title="구직급여 수급요건", source="고용보험법 제40조", section="수급 요건",
                       effective_from=date(2025, 1, 1), url="https://www.law.go.kr/x", confidence="law")
    res = AnswerResult(answer="본문\n※ 참고용", route="policy_qa", citations=[cite, cite],
                       tool_calls=[ToolCallOut(name="search_policies", args={"query": "q"}, result={"passages": [passage]})])
    out = render.render_answer(res, "citizen")
    assert len(out.sources) == 1
    panel = out.sources[0]
    assert panel.name == "📄 구직급여 수급요건 · 수급 요건 (2025-01-01 시행)"
    assert f"- {panel.name}" in out.content  # the name in the text is what Chainlit turns into a link
    assert "고용보험법 제40조" in panel.content and "2025-01-01" in panel.content and "법령" in panel.content
    assert "피보험 단위기간이 180일" in panel.content and "(https://www.law.go.kr/x)" in panel.content


def test_weak_sources_are_flagged() -> None:
    cite = CitationOut(title="2026 변경", source="보도", section="금액", confidence="unverified")
    _, panels = render.sources([cite], [])
    assert "꼭 확인하세요" in panels[0].content


def test_llm_answer_keeps_its_text_and_adds_the_table() -> None:
    res = job_result("citizen", [job(1)])
    res.answer, res.used_llm = "서귀포 호텔 일자리를 1건 찾았어요.", True
    out = render.render_answer(res, "citizen")
    assert out.content.startswith("서귀포 호텔 일자리를 1건 찾았어요.")
    assert "| 1 | **호텔 프런트 직원 1**" in out.content


def test_fallback_reason_is_shown_to_staff_only() -> None:
    res = AnswerResult(answer="답", route="policy_qa", fallback_reason="근거 없는 숫자: 1,234")
    assert "근거 없는 숫자" in render.render_answer(res, "counselor").content
    assert "근거 없는 숫자" not in render.render_answer(res, "citizen").content


def test_stream_chunks_rebuild_the_text() -> None:
    text = "\n".join(f"줄 {i}" for i in range(100))
    chunks = render.stream_chunks(text, max_chunks=10)
    assert "".join(chunks) == text and len(chunks) <= 10
    assert render.stream_chunks("") == []


def test_step_view_is_readable_json_and_bounded() -> None:
    big = {"passages": [{"text": "가" * 5000} for _ in range(30)]}
    view = render.step_view(ToolCallOut(name="search_policies", args={"query": "실업급여", "year": 2026}, result=big))
    assert view.name == "정책 문서 검색 (search_policies)"
    assert json.loads(view.input) == {"query": "실업급여", "year": 2026}
    assert len(view.output) <= render.MAX_STEP_CHARS + 20 and "외 22건" in view.output


def test_welcome_texts_differ_by_role() -> None:
    citizen = render.welcome_text("citizen")
    counselor = render.welcome_text("counselor", "kim")
    admin = render.welcome_text("admin", "boss")
    for text in (citizen, counselor, admin):
        assert "공식 결정이 아닙니다" in text and "할 수 없는 일" in text
    assert "/색인" not in citizen and "/색인" not in counselor and "/색인" in admin
    assert "도구 실행 단계" in counselor and "도구 실행 단계" not in citizen
    assert render.starters_for("citizen")[:2] == ["실업급여 받을 수 있나요?", "서귀포 호텔 일자리"]
    assert render.starters_for("admin")[:2] == ["45세 권고사직, 4년 근속 수급일수", "청년 국취 1유형 요건"]
