"""app.render: tables, checklists, sources and buttons built from real tool/compose outputs."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from app import render
from graphs.answer import AnswerResult, CitationOut, CourseCard, JobCard, ToolCallOut
from graphs.blocks import table_markdown
from graphs.capabilities.eligibility import compose as eligibility_compose
from graphs.capabilities.job_search import compose as jobs_compose
from graphs.capabilities.training_search.compose import training_table
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
    text, cites = jobs_compose.jobs_answer(out, role, describe="서귀포시 · '호텔'")  # type: ignore[arg-type]
    blocks = jobs_compose.jobs_blocks(out, role, describe="서귀포시 · '호텔'")  # type: ignore[arg-type]
    return AnswerResult(answer=text, route="job_search", citations=cites, jobs=[JobCard.model_validate(j) for j in jobs],
                        blocks=blocks,
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
    text, _ = jobs_compose.jobs_answer(out_tool, "citizen", describe="서귀포시 · '호텔'")
    res = AnswerResult(answer=text, route="job_search", blocks=jobs_compose.jobs_blocks(out_tool, "citizen",
                                                                                       describe="서귀포시 · '호텔'"),
                       tool_calls=[ToolCallOut(name="search_jobs", args={"query": "호텔"}, result=out_tool)])
    out = render.render_answer(res, "citizen")
    assert "'지역' 조건을 빼면 4건" in out.content and "| #" not in out.content
    assert [a.name for a in out.actions] == ["refine"]
    assert "다시 찾아 드려요" in out.actions[0].payload["prompt"]  # the prompt the chat shows before new conditions


def test_table_cells_cannot_break_the_markdown_or_inject_links() -> None:
    evil = job(3, title="A | B\n| C", company="회사|", url="javascript:alert(1)")
    table = table_markdown(jobs_compose.jobs_table([JobCard.model_validate(evil)], staff=False))
    row = table.splitlines()[2]
    assert row.count(" | ") == len(table.splitlines()[0].split(" | ")) - 1
    assert "javascript:" not in table and "A \\| B \\| C" in row


def test_training_table() -> None:
    course = CourseCard(id="AIG2026-1", title="호텔 서비스 실무", institution="제주직업훈련원", region="제주시",
                        cost=1_200_000, self_pay=180_000, start_date=date(2026, 12, 1), end_date=date(2027, 2, 28),
                        employment_rate=None, card_eligible=True, url="https://www.work24.go.kr/x")
    out = table_markdown(training_table([course], staff=True))
    assert "1,200,000원" in out and "180,000원" in out and "미공시" in out and "AIG2026-1" in out
    assert "2026-12-01 ~ 2027-02-28" in out
    assert "AIG2026-1" not in table_markdown(training_table([course], staff=False))


def _eligibility_result(role: str, profile: Profile, **extra: Any) -> AnswerResult:
    out = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    out.update(extra)
    text, cites = eligibility_compose.eligibility_answer(out, role, ask=None)  # type: ignore[arg-type]
    keep: dict[str, Any] = {k: out[k] for k in ("program", "program_name", "decision", "reasons", "missing", "amounts",
                                "applies_year", "notes", "warnings", "sub_results") if k in out}
    return AnswerResult(answer=text, route="eligibility", citations=cites, eligibility=[keep], role=role)  # type: ignore[arg-type]


ELIGIBLE = Profile(age=45, insured_period_days=4 * 365, unit_period_days=400, separation_reason="recommended_resignation",
                   separation_date=date(2026, 10, 31), monthly_wage=3_000_000)


def _inline_blocks(markdown: str) -> list[str]:
    """Paragraphs and list items as the chat's Markdown renderer shows them (a soft line break kept as "\\n")."""
    from markdown_it import MarkdownIt

    breaks = {"softbreak": "\n", "hardbreak": "\n"}
    return ["".join(breaks.get(c.type, c.content) for c in t.children or [])
            for t in MarkdownIt("commonmark").enable("table").parse(markdown) if t.type == "inline"]


def test_counselor_sees_the_full_checklist_once_with_articles_and_formulas() -> None:
    res = _eligibility_result("counselor", ELIGIBLE)
    data = res.eligibility[0]
    out = render.render_answer(res, "counselor")
    assert out.content.startswith("**구직급여 확인 결과 (2026년 기준)")
    for r in data["reasons"]:
        assert f"{eligibility_compose.MARK[r['passed']]} {r['text']} — {r['article']}" in out.content
    assert data["amounts"], "a 4-year, age-45 recommended resignation has computed amounts"
    for a in data["amounts"]:
        assert f"- {a['name']}: " in out.content and f"계산: {a['formula']}" in out.content
    assert out.content.count("요건 점검") == 1
    assert "참고용이며 공식 결정이 아닙니다" in out.content
    assert out.details == "" and "details" not in [a.name for a in out.actions]  # nothing hidden from staff


def test_citizen_sees_the_short_summary_and_opens_the_checklist_with_a_toggle() -> None:
    profile = ELIGIBLE.model_copy(update={"separation_reason": "voluntary"})
    # an amount left on an ineligible result (as the rules once did) must still not be shown
    total = {"name": "최대 총액", "value": 11_888_640, "unit": "원", "formula": "66,048원 × 180일",
             "article": "고용보험법 제46조, 제50조", "effective_from": "2026-01-01", "year": 2026, "confidence": "law"}
    res = _eligibility_result("citizen", profile, amounts=[total])
    data = res.eligibility[0]
    assert data["decision"] == "ineligible"
    out = render.render_answer(res, "citizen")
    assert out.content.startswith("**알려주신 내용으로는 구직급여를 받을 수 없는 것으로 보여요 ❌** (2026년 기준)")
    failed = [r for r in data["reasons"] if r["passed"] is False]
    assert failed and all(f"❌ {r['text']}" in out.content for r in failed[:2])
    assert f"근거: {failed[0]['article']}" in out.content  # the failed rule's source comes first
    passed = [r for r in data["reasons"] if r["passed"]]
    assert passed and not any(r["text"] in out.content for r in passed)  # met conditions are in the details
    assert "계산" not in out.content and "요건 점검" not in out.content
    assert "참고용이며 공식 결정이 아닙니다" in out.content and "1350" in out.content and "고용센터" in out.content
    toggle = next(a for a in out.actions if a.name == "details")
    assert toggle.label == render.DETAILS_SHOW
    assert "요건 점검:" in out.details and all(eligibility_compose.MARK[r["passed"]] in out.details for r in data["reasons"])
    assert all(r["article"] in out.details for r in data["reasons"])
    shown = out.content + out.details
    assert data["amounts"] and not any(f"{a['name']}:" in shown for a in data["amounts"])  # ineligible: no amounts
    assert "11,888,640원" not in shown


def test_warnings_come_first_in_every_view() -> None:
    warning = "2027년 수치는 아직 없어 2026년 기준으로 계산했어요."
    for role in ("citizen", "counselor"):
        res = _eligibility_result(role, ELIGIBLE, warnings=[warning])
        out = render.render_answer(res, role)  # type: ignore[arg-type]
        assert out.content.startswith(f"⚠️ **{warning}**")
        res.answer, res.used_llm = "구직급여를 받을 수 있어요.", True  # a model's text that forgot the warning
        out = render.render_answer(res, role)  # type: ignore[arg-type]
        assert out.content.startswith(f"⚠️ **{warning}**\n\n구직급여를 받을 수 있어요.")
        if role == "counselor":
            assert "요건 점검:" in out.content and not out.details
        else:
            assert "요건 점검:" not in out.content and out.details.startswith(f"⚠️ **{warning}**")


@pytest.mark.parametrize("role", ["citizen", "counselor"])
def test_rendered_eligibility_answers_keep_every_line_apart(role: str) -> None:
    for profile in (ELIGIBLE, Profile(), ELIGIBLE.model_copy(update={"separation_reason": "voluntary"})):
        res = _eligibility_result(role, profile)
        out = render.render_answer(res, role)  # type: ignore[arg-type]
        for markdown in (out.content, out.details):
            joined = [b for b in _inline_blocks(markdown) if "\n" in b]
            assert not joined, joined


def test_counselor_view_keeps_the_policy_passage_and_its_basis() -> None:
    profile = Profile(age=45)
    out_tool = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    passage = {"title": "구직급여 소정급여일수 (받는 기간)", "section": "소정급여일수란",
               "text": "소정급여일수는 구직급여를 받을 수 있는 최대 일수입니다. 120일부터 270일까지 정해집니다.",
               "sources": [{"title": "고용보험법 별표1", "article": "제50조·별표1"}], "effective_from": "2019-10-01",
               "confidence": "law", "flags": [], "key": [1]}
    text, cites = eligibility_compose.eligibility_answer(out_tool, "counselor", ask=None, guide=[passage], guide_first=True)
    res = AnswerResult(answer=text, route="eligibility", citations=cites, eligibility=[out_tool], role="counselor")
    out = render.render_answer(res, "counselor")
    assert out.content.startswith("**구직급여 소정급여일수 (받는 기간) — 소정급여일수란**")  # the passage answers first
    assert "120일부터 270일까지" in out.content and "· 근거: 제50조·별표1" in out.content
    assert out.content.count("확인 결과 (2026년 기준)") == 1  # the checklist once


def test_need_more_info_keeps_the_question() -> None:
    profile = Profile(age=30)
    out_tool = check_eligibility("unemployment_benefit", profile, today=TODAY).model_dump(mode="json")
    assert out_tool["decision"] == "need_more_info"
    question = out_tool["missing"][0]["question"]
    text, _ = eligibility_compose.eligibility_answer(out_tool, "citizen", ask=question)
    res = AnswerResult(answer=text, route="eligibility", eligibility=[out_tool], follow_up=True)
    out = render.render_answer(res, "citizen")
    assert f"👉 {question}" in out.content and out.content.count("👉") == 1
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


# ---- typed blocks of registered capabilities ------------------------------------------------------------------
def _capability_result(route: str, text: str, settings: Any = None) -> AnswerResult:
    """A result built the way the graph builds it: the registered capability's run, its blocks, their Markdown."""
    from types import SimpleNamespace

    from graphs.capabilities import registry
    from graphs.capabilities.registry import CapabilityRequest

    cap = registry.for_route(route)
    assert cap is not None
    out = cap.run(CapabilityRequest(text=text, role="citizen", today=TODAY, kb=SimpleNamespace(settings=settings)))  # type: ignore[arg-type]
    return AnswerResult(answer=out.markdown(), route=route, blocks=out.blocks, citations=out.citations)


@pytest.fixture(scope="module")
def stats_settings(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from ingest.stats import run_stats_ingest
    from tests.conftest import make_settings

    settings = make_settings(tmp_path_factory.mktemp("render-stats") / "data")
    assert run_stats_ingest(settings, today=TODAY).ok
    return settings


def test_a_chart_block_becomes_a_chart_element_with_its_caption(stats_settings: Any) -> None:
    res = _capability_result("trends", "제주 고용률 추이", stats_settings)
    out = render.render_answer(res, "counselor")
    (chart,) = out.charts
    assert "고용률" in chart.name and chart.figure["data"]
    assert "📊 **" in out.content and "고용률" in out.content
    assert out.content.count("출처") >= 1
    # the declared follow-ups of the capability, not a list of route names in the renderer
    assert {a.payload["q"] for a in out.actions} == {"제주 고용률 추이", "업종별 구인 현황", "관광업 계절성"}


def test_findings_are_listed_with_marks_and_rewrites() -> None:
    res = _capability_result("posting_check", "다음 공고 점검해줘: 카페 직원 모집. 20대 여성만. 시급 9,000원. 주 5일.")
    out = render.render_answer(res, "citizen")
    assert not out.charts
    lines = out.content.splitlines()
    assert any(ln.startswith("1. ❌ **연령 제한**") for ln in lines)
    assert sum("✏️ 고쳐 쓰기:" in ln for ln in lines) >= 3
    assert "“20대 여성”" in out.content and "최저임금법 제6조" in out.content


def test_notices_come_first_and_tables_are_markdown() -> None:
    from graphs.blocks import MarkdownBlock, NoticeBlock, TableBlock

    blocks = [MarkdownBlock(text="본문"), TableBlock(title="표", columns=["업종", "공고"], rows=[["숙박|음식", 12]]),
              NoticeBlock(text="통계가 오래됐습니다", level="warning")]
    res = AnswerResult(answer="", route="trends", blocks=blocks)  # type: ignore[arg-type]
    content = render.render_answer(res, "citizen").content
    assert content.startswith("⚠️ 통계가 오래됐습니다")
    assert content.index("본문") < content.index("| 업종 | 공고 |")
    assert "| 숙박\\|음식 | 12 |" in content


def test_a_capability_step_is_named_by_its_label() -> None:
    call = ToolCallOut(name="posting_check", args={"question": "다음 공고 점검해줘: …"}, result={"blocks": ["findings"]})
    assert render.step_view(call).name == "구인공고 점검 (posting_check)"
