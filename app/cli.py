"""``goyong`` — the command line face of the assistant (the same functions the chat UI calls)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from knowledge.store import StoreError

console = Console(stderr=True)
out = Console()


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _kb() -> Any:
    from knowledge.base import KnowledgeBase, set_knowledge_base

    kb = KnowledgeBase.open()
    set_knowledge_base(kb)
    return kb


# ---- ingest ----------------------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.pipeline import SOURCES, IngestError, run_ingest

    sources = SOURCES if args.source == "all" else (args.source,)
    kb = _kb()
    try:
        if args.json:
            report = run_ingest(kb, sources=sources, path=args.path, rebuild=args.rebuild, strict=args.strict)
        else:
            with Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=console, transient=False,
            ) as bar:
                tasks: dict[str, Any] = {}

                def progress(source: str, done: int, total: int) -> None:
                    if source not in tasks:
                        tasks[source] = bar.add_task(f"{source} 색인", total=max(total, 1))
                    bar.update(tasks[source], completed=done if total else 1)

                report = run_ingest(kb, sources=sources, path=args.path, rebuild=args.rebuild,
                                    strict=args.strict, progress=progress)
    except IngestError as exc:
        report = exc.report
        _print_report(report, args.json)
        console.print(f"[red]실패:[/red] {exc}")
        return 2
    except ValueError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    finally:
        kb.close()
    checked = _check_postings(kb.settings, report) if "jobs" in sources else None
    if args.source != "all":
        _print_report(report, args.json)
        if checked and not args.json:
            out.print(checked[0], markup=False, highlight=False, soft_wrap=True)
        return 0
    from ingest.stats import stats_after_catalogs

    stats = stats_after_catalogs(kb.settings, args.path)
    if args.json:
        _json({**report.model_dump(mode="json"), "stats": stats.model_dump(mode="json"),
               **({"posting_check": checked[1]} if checked else {})})
    else:
        _print_report(report, False)
        console.print(f"통계 저장소: {stats.observations}개 수치 (거부 {len(stats.rejected)}건, {stats.seconds:.1f}초)")
        if checked:
            out.print(checked[0], markup=False, highlight=False, soft_wrap=True)
    return 0


def _check_postings(settings: Any, report: Any) -> tuple[str, dict[str, Any]] | None:
    """After a jobs ingest: every catalog posting checked (graphs/capabilities/posting_check/bulk.py); the one-line
    summary and the saved report (``reports/posting-check-<run id>.json``). A failure here never fails the ingest."""
    from graphs.capabilities.posting_check.cli import after_ingest_line, check_after_ingest

    try:
        catalog, path = check_after_ingest(settings, report.run_id)
    except Exception as exc:  # the ingest succeeded; the check is a report on top of it
        return f"공고 점검 실패: {exc}", {"error": str(exc)}
    return after_ingest_line(catalog, path), {"summary": after_ingest_line(catalog, path), "report_file": str(path),
                                              "rules": {r.rule_id: r.postings for r in catalog.rules}}


def _print_report(report: Any, as_json: bool) -> None:
    if as_json:
        _json(report.model_dump(mode="json"))
        return
    table = Table(title=f"색인 실행 {report.run_id} ({report.seconds:.1f}초, {report.embedder})")
    for col in ("source", "records", "added", "updated", "deleted", "unchanged", "rejected", "seconds"):
        table.add_column(col, justify="right" if col != "source" else "left")
    for s in report.sources:
        table.add_row(s.source, str(s.records), str(s.added), str(s.updated), str(s.deleted), str(s.unchanged),
                      str(len(s.rejected)), f"{s.seconds:.1f}")
    out.print(table)
    for s in report.sources:
        for r in s.rejected[:50]:
            where = f"{r.file}" + (f":{r.line}" if r.line else "") + (f" [{r.record_id}]" if r.record_id else "")
            out.print(f"  [yellow]거부[/yellow] {s.source} {where} — {r.reason}")
        if len(s.rejected) > 50:
            out.print(f"  … 외 {len(s.rejected) - 50}건 (--json으로 전체 보기)")


# ---- search ----------------------------------------------------------------------------------------------------
FILTER_KEYS = {
    "jobs": {"region", "district", "min_monthly_pay", "employment_type", "max_weekly_hours", "keco_prefix",
             "open_only", "seasonal"},
    "training": {"region", "card_eligible", "max_self_pay", "start_from", "start_to", "ncs_prefix",
                 "course_type_code"},
    "policies": {"program", "doc_id"},
}


def _parse_filters(collection: str, pairs: Sequence[str]) -> dict[str, str]:
    filters: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValueError(f"--filter는 key=value 형식입니다: '{pair}'")
        key, value = pair.split("=", 1)
        if key not in FILTER_KEYS[collection]:
            raise ValueError(f"{collection}에 없는 필터 '{key}'. 가능한 필터: {', '.join(sorted(FILTER_KEYS[collection]))}")
        filters[key] = value
    return filters


def cmd_search(args: argparse.Namespace) -> int:
    from knowledge.schemas import JobFilters, TrainingFilters

    try:
        raw = _parse_filters(args.collection, args.filter or [])
        kb = _kb()
    except (ValueError, StoreError) as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    try:
        today = kb.settings.current_date()
        if kb.store.count(args.collection) == 0:
            console.print("[yellow]색인이 비어 있습니다. 먼저 `goyong ingest`를 실행하세요.[/yellow]")
        results: list[dict[str, Any]]
        if args.collection == "policies":
            hits = kb.retriever.search_policies(args.query, k=args.k, **raw)
            results = [{"score": round(h.score, 4), "doc_id": h.chunk.doc_id, "title": h.chunk.title,
                        "section": h.chunk.section, "effective_from": h.chunk.effective_from,
                        "confidence": h.chunk.confidence, "text": h.chunk.text[:300]} for h in hits]
        elif args.collection == "jobs":
            jhits = kb.retriever.search_jobs(args.query, JobFilters.model_validate(raw), today=today, k=args.k)
            results = [{"score": round(h.score, 4), **h.job.model_dump(mode="json", include={
                "id", "title", "company", "region", "district", "employment_type", "wage_type", "wage_min",
                "wage_max", "monthly_pay_min", "monthly_pay_max", "close_date", "url"})} for h in jhits]
        else:
            chits = kb.retriever.search_training(args.query, TrainingFilters.model_validate(raw), k=args.k)
            results = [{"score": round(h.score, 4), **h.course.model_dump(mode="json", include={
                "id", "title", "institution", "region", "cost", "self_pay", "start_date", "end_date",
                "employment_rate", "card_eligible"})} for h in chits]
    except ValueError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    finally:
        kb.close()
    if args.json:
        _json({"query": args.query, "collection": args.collection, "filters": raw, "results": results})
        return 0
    for i, r in enumerate(results, 1):
        label = r.get("title", "")
        extra = r.get("section") or f"{r.get('company', r.get('institution', ''))} · {r.get('region', '')}"
        out.print(f"{i:>2}. [bold]{label}[/bold] — {extra}  (score {r['score']})")
    if not results:
        out.print("결과가 없습니다. 필터를 줄이거나 다른 낱말로 찾아 보세요.")
    return 0


# ---- ask / eligibility -----------------------------------------------------------------------------------------
def cmd_ask(args: argparse.Namespace) -> int:
    from graphs.service import Assistant

    kb = _kb()
    try:
        if kb.is_empty():
            console.print("[yellow]색인이 비어 있습니다. 먼저 `goyong ingest`를 실행하세요.[/yellow]")
        result = Assistant.from_settings(kb).ask(args.question, role=args.role, thread_id=args.thread)
    finally:
        kb.close()
    if args.json:
        _json(result.public_json())
        return 0
    out.print(result.answer)
    if result.citations:
        out.print("\n[bold]출처[/bold]")
        for c in result.citations:
            eff = f", {c.effective_from} 시행" if c.effective_from else ""
            out.print(f"- {c.title} · {c.section} ({c.source}{eff})")
    console.print(f"[dim]thread {result.thread_id} · route {result.route}[/dim]")
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    """``goyong profile --thread T [--set 희망직종=요양보호사 …] [--json]``: the thread's person profile, edited."""
    from app.profile_panel import ProfileInputError, edits_from_assignments, profile_markdown
    from graphs.service import Assistant, ProfileEditError

    try:
        seeker, person = edits_from_assignments(args.set or [])
    except ProfileInputError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    kb = _kb()
    try:
        assistant = Assistant(kb)
        if seeker or person:
            view = assistant.update_profile(args.thread, args.role, seeker=seeker, profile=person)
        else:
            view = assistant.profile(args.thread, args.role)
    except ProfileEditError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    finally:
        kb.close()
    if args.json:
        _json(view)
    else:
        out.print(profile_markdown(view, args.role))
    return 0


def cmd_eligibility(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from graphs.eligibility import check_eligibility
    from graphs.profile import Profile
    from knowledge.config import get_settings

    try:
        profile = Profile.model_validate_json(args.profile.read_text(encoding="utf-8"))
        result = check_eligibility(args.program, profile, today=get_settings().current_date())
    except OSError as exc:
        console.print(f"[red]오류:[/red] 프로필 파일을 읽을 수 없습니다: {exc}")
        return 2
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        console.print(f"[red]오류:[/red] 프로필 JSON 항목 오류 — {problems}")
        return 2
    except ValueError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    if args.json:
        _json(result.model_dump(mode="json"))
        return 0
    from graphs.capabilities.eligibility.compose import eligibility_answer

    text, _ = eligibility_answer(result.model_dump(mode="json"), "counselor", ask=None)
    out.print(text)
    return 0


# ---- samples ---------------------------------------------------------------------------------------------------
def cmd_generate_samples(args: argparse.Namespace) -> int:
    from ingest.samplegen import write_samples
    from ingest.seekergen import write_seekers

    written = [*write_samples(args.out), write_seekers(args.out)]
    for p in written:
        out.print(f"wrote {p}")
    return 0


# ---- posting check ---------------------------------------------------------------------------------------------
def cmd_posting_check(args: argparse.Namespace) -> int:
    from graphs.capabilities.posting_check import check_posting
    from graphs.capabilities.posting_check.cli import posting_source
    from graphs.capabilities.posting_check.render import report_text
    from knowledge.config import get_settings

    if args.id or args.catalog:  # a catalog posting by id, or the whole catalog (posting_check/cli.py)
        return int(_delegate("graphs.capabilities.posting_check.cli", "cli_posting_catalog")(args))
    if args.source is None:
        console.print("[red]오류:[/red] 공고 파일·문구, --id 또는 --catalog 중 하나가 필요합니다.")
        return 2
    try:
        text, _ = posting_source(args.source)
    except ValueError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 2
    if not text.strip():
        console.print("[red]오류:[/red] 점검할 공고 문구가 비어 있습니다.")
        return 2
    if args.employees is not None and args.employees < 1:
        console.print("[red]오류:[/red] --employees는 1 이상의 상시 근로자 수입니다.")
        return 2
    year = args.year or get_settings().current_date().year
    report = check_posting(text, year=year, employees=args.employees)
    if args.json:
        _json(report.model_dump(mode="json"))
    else:
        out.print(report_text(report), markup=False, highlight=False, soft_wrap=True)
    return 0


# ---- entry -----------------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="goyong", description="제주 고용센터 AI 상담 에이전트")
    p.add_argument("-v", "--verbose", action="store_true", help="자세한 로그")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="정책 문서·채용정보·훈련과정을 색인합니다")
    ing.add_argument("--source", choices=["all", "policies", "jobs", "training", "stats"], default="all")
    ing.add_argument("--path", type=Path, default=None, help="번들 대신 읽을 파일 또는 폴더 (관리자가 받은 내보내기 등)")
    ing.add_argument("--rebuild", action="store_true", help="새 컬렉션을 만들어 다 채운 뒤 한 번에 교체")
    ing.add_argument("--strict", action="store_true", help="거부된 레코드가 하나라도 있으면 실패")
    ing.add_argument("--json", action="store_true")
    ing.set_defaults(func=cmd_ingest)

    se = sub.add_parser("search", help="색인을 직접 검색합니다")
    se.add_argument("query")
    se.add_argument("--collection", choices=["policies", "jobs", "training"], default="policies")
    se.add_argument("--k", type=int, default=5)
    se.add_argument("--filter", action="append", metavar="KEY=VALUE")
    se.add_argument("--json", action="store_true")
    se.set_defaults(func=cmd_search)

    gen = sub.add_parser("generate-samples", help="제주 예시 채용·훈련 카탈로그를 다시 만듭니다 (결정적)")
    gen.add_argument("--out", type=Path, default=None)
    gen.set_defaults(func=cmd_generate_samples)

    ask = sub.add_parser("ask", help="질문에 답합니다 (채팅과 같은 에이전트)")
    ask.add_argument("question")
    ask.add_argument("--role", choices=["citizen", "counselor"], default="citizen")
    ask.add_argument("--thread", default=None, help="대화 ID: 같은 ID로 이어서 물으면 앞의 내용을 기억합니다")
    ask.add_argument("--json", action="store_true")
    ask.set_defaults(func=cmd_ask)

    pf = sub.add_parser("profile", help="대화(thread)의 구직자 프로필을 보여 주고 고칩니다")
    pf.add_argument("--thread", required=True, help="goyong ask --thread 에 쓴 대화 ID")
    pf.add_argument("--set", nargs="*", metavar="항목=값", help="고칠 항목 (예: 희망직종=요양보호사 경력='회계 사무 12년' "
                    "자격증='전산회계 1급, 컴활 2급' 주말휴무=예 희망임금=250 거주지=연동; 값을 비우면 지움)")
    pf.add_argument("--role", choices=["citizen", "counselor"], default="counselor")
    pf.add_argument("--json", action="store_true")
    pf.set_defaults(func=cmd_profile)

    el = sub.add_parser("eligibility", help="프로필 JSON으로 수급 요건·금액을 계산합니다")
    el.add_argument("program", help="unemployment_benefit | early_reemployment | national_employment_support | "
                    "learning_card | youth_job_leap")
    el.add_argument("--profile", type=Path, required=True, help="Profile 필드를 담은 JSON 파일")
    el.add_argument("--json", action="store_true")
    el.set_defaults(func=cmd_eligibility)

    sv = sub.add_parser("serve", help="채팅 화면을 엽니다 (색인이 비어 있으면 먼저 만듭니다)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--no-ingest", action="store_true", help="색인이 비어 있어도 만들지 않음")
    sv.set_defaults(func=_delegate("app.server", "cli_serve"))

    us = sub.add_parser("user", help="상담사·관리자 계정 관리")
    us_sub = us.add_subparsers(dest="user_command", required=True)
    ua = us_sub.add_parser("add", help="계정 추가 (비밀번호는 bcrypt 해시로 저장)")
    ua.add_argument("username")
    ua.add_argument("--role", choices=["counselor", "admin"], default="counselor")
    ua.add_argument("--password-stdin", action="store_true", help="비밀번호를 표준 입력에서 읽기")
    ul = us_sub.add_parser("list", help="계정 목록")
    ur = us_sub.add_parser("remove", help="계정 삭제")
    ur.add_argument("username")
    for cmd in (ua, ul, ur):
        cmd.set_defaults(func=_delegate("app.users", "cli_user"))

    ev = sub.add_parser("eval", help="품질 평가 (골드셋): 검색·라우팅·요건·답변·필터·지연")
    ev.add_argument("--set", dest="set_name", default="all",
                    help="all (기본), retrieval, routing, eligibility, answers, search 또는 등록된 기능 이름 (trends, posting_check …)")
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--no-thresholds", action="store_true", help="기준 미달이어도 실패로 끝내지 않음")
    ev.set_defaults(func=_delegate("evals.runner", "cli_eval"))

    sd = sub.add_parser("seed-vectors", help="번들 말뭉치의 임베딩을 knowledge/corpus/vectors에 다시 저장합니다")
    sd.add_argument("--check", action="store_true", help="저장된 벡터가 지금 말뭉치를 모두 덮는지만 확인")
    sd.set_defaults(func=_delegate("ingest.seed", "cli_seed"))

    be = sub.add_parser("bench", help="속도·메모리 벤치마크 (수치만 출력)")
    be.add_argument("--scale", type=int, action="append", help="채용정보 건수 (기본: 번들, 2200, 10000, 100000)")
    be.add_argument("--backend", choices=["edge", "local"], default="edge",
                    help="내장 색인 저장소 (기본 edge = Qdrant Edge, local = qdrant-client 로컬 모드)")
    be.add_argument("--dense", choices=["none", "synthetic"], default="none",
                    help="생성 N건 행의 밀집 벡터: none = sparse-only, synthetic = 합성 벡터로 하이브리드 검색 비용 측정")
    be.add_argument("--json", action="store_true")
    be.set_defaults(func=_delegate("evals.bench", "cli_bench"))

    po = sub.add_parser("posting", help="구인공고 도구: 초안 작성(draft), 법 위반 소지 점검(check)")
    posting_sub = po.add_subparsers(dest="posting_command", required=True)
    pc = posting_sub.add_parser("check", help="구인공고 문구 점검: 연령·성별·신체조건·개인정보·거짓광고·최저임금·근로시간")
    pc.add_argument("source", nargs="?", default=None, help="공고 파일 경로 또는 공고 문구")
    pc.add_argument("--id", default=None, help="색인된 채용정보의 공고 번호 (예: K151…)로 점검")
    pc.add_argument("--catalog", action="store_true", help="색인된 채용정보 전체를 점검: 규칙별 건수와 문제가 많은 공고")
    pc.add_argument("--worst", type=int, default=10, help="--catalog: 보여줄 문제 공고 수 (기본 10)")
    pc.add_argument("--year", type=int, default=None, help="공고 연도 (최저임금 기준, 기본: 올해)")
    pc.add_argument("--employees", type=int, default=None, help="상시 근로자 수 (모르면 생략: 규모에 따라 달라지는 항목은 '확인 필요')")
    pc.add_argument("--json", action="store_true")
    pc.set_defaults(func=cmd_posting_check)

    # issue 14: labour-market statistics (store filled by `ingest --source stats`, read by `stats`)
    ing.set_defaults(func=lambda a: _delegate("ingest.stats", "cli_ingest_stats")(a) if a.source == "stats"
                     else cmd_ingest(a))
    st = sub.add_parser("stats", help="제주 고용 통계·구인 현황을 수치와 차트로 답합니다 (예: \"제주 고용률 추이\")")
    st.add_argument("question")
    st.add_argument("--json", action="store_true")
    st.add_argument("--chart", type=Path, default=None, help="차트를 저장할 파일 (.html; kaleido가 있으면 .png)")
    st.set_defaults(func=_delegate("graphs.capabilities.trends.cli", "cli_stats"))

    ma = sub.add_parser("match", help="구직자 프로필(JSON)에 맞는 일자리를 점수·추천 이유와 함께 찾습니다")
    ma.add_argument("--profile", required=True, type=Path, help="SeekerProfile JSON 파일")
    ma.add_argument("--json", action="store_true")
    ma.add_argument("--weights", nargs="*", metavar="요인=값", help="가중치 바꾸기 (occupation, experience, "
                    "certificate, education, commute, wage, employment_type, schedule, deadline)")
    ma.add_argument("--exclude", nargs="*", metavar="요인", help="빼고 계산할 요인 (예: wage commute)")
    ma.add_argument("-k", type=int, default=10, help="보여줄 공고 수 (기본 10)")
    ma.set_defaults(func=_delegate("graphs.capabilities.job_matching.cli", "cli_match"))

    rt = sub.add_parser("recommend-training", help="구직자 프로필(JSON)의 역량 갭과 그 갭을 채우는 훈련과정을 점수·이유와 함께 찾습니다")
    rt.add_argument("--profile", required=True, type=Path, help="SeekerProfile JSON 파일")
    rt.add_argument("--region", default=None, help="읍·면·동이 없을 때 거주 행정시 (제주시/서귀포시)")
    rt.add_argument("--json", action="store_true")
    rt.add_argument("-k", type=int, default=3, help="보여줄 과정 수 (기본 3)")
    rt.set_defaults(func=_delegate("graphs.capabilities.training_recommendation.cli", "cli_recommend_training"))

    sc = sub.add_parser("screen", help="프로필(JSON)로 받을 수 있는 제도를 한눈에: 제도마다 ✅/❌/❓, 금액, 확인할 것")
    sc.add_argument("--profile", required=True, type=Path, help="Profile 필드를 담은 JSON 파일 (goyong eligibility와 같은 형식)")
    sc.add_argument("--json", action="store_true")
    sc.add_argument("--role", choices=["citizen", "counselor"], default="counselor", help="시민용(조문 열 없음) 또는 상담사용")
    sc.add_argument("--employer", action="store_true", help="사업주 지원금으로 점검 (사업주 항목이 있으면 자동)")
    sc.set_defaults(func=_delegate("graphs.capabilities.program_screening.cli", "cli_screen"))

    ta = sub.add_parser("talent", help="구인공고에 맞는 구직자(가상·익명 풀)를 점수·추천 이유와 함께 찾습니다 (상담사용)")
    ta_src = ta.add_mutually_exclusive_group(required=True)
    ta_src.add_argument("--posting", help="공고 파일 경로 또는 공고 내용/조건 (예: \"요양보호사, 노형동, 시급 12000원\")")
    ta_src.add_argument("--id", help="고용24 공고 번호 (예: K151…)")
    ta.add_argument("--json", action="store_true")
    ta.add_argument("-k", type=int, default=10, help="보여줄 구직자 수 (기본 10)")
    ta.set_defaults(func=_delegate("graphs.capabilities.talent_recommendation.cli", "cli_talent"))

    pl = sub.add_parser("plan", help="대화(thread)의 취업활동계획(IAP) 초안 또는 상담일지(--note)를 만들고 .docx/.md로 저장합니다")
    pl.add_argument("--thread", required=True, help="goyong ask --thread로 상담한 대화 ID")
    pl.add_argument("--out", type=Path, default=None, help="저장할 파일 (.docx 또는 .md)")
    pl.add_argument("--unmasked", action="store_true", help="정확한 나이·읍·면·동을 씁니다 (기본: 연령대·행정시)")
    pl.add_argument("--note", action="store_true", help="취업활동계획 대신 상담일지를 씁니다")
    pl.add_argument("--role", choices=["citizen", "counselor"], default="counselor")
    pl.set_defaults(func=_delegate("graphs.capabilities.activity_plan.cli", "cli_plan"))

    # issue 13: posting draft (goyong posting draft) and employer subsidy screening
    pd = posting_sub.add_parser("draft", help="간단한 조건으로 구인공고 초안 작성 (고용24 공고 양식, 법 위반 소지 점검 포함)")
    pd.add_argument("request", nargs="+", help='예: "호텔 객실관리 구인공고 초안 작성해줘. 월 260만원, 주5일, 서귀포"')
    pd.add_argument("--employees", type=int, default=None, help="상시 근로자 수 (규모에 따라 달라지는 점검 항목)")
    pd.add_argument("--year", type=int, default=None, help="공고 연도 (최저임금 기준, 기본: 올해)")
    pd.add_argument("--json", action="store_true")
    pd.set_defaults(func=_delegate("graphs.capabilities.posting_draft.cli", "cli_draft"))
    es = sub.add_parser("employer-subsidies", help="사업주 지원금 점검: 청년일자리도약·고령자 계속고용·출산육아기 고용안정·고용촉진")
    es.add_argument("--facts", type=Path, required=True, help="EmployerFacts 필드를 담은 JSON 파일")
    es.add_argument("--date", default=None, help="신청 기준일 YYYY-MM-DD (기본: 오늘)")
    es.add_argument("--json", action="store_true")
    es.set_defaults(func=_delegate("graphs.capabilities.employer_subsidies.cli", "cli_employer_subsidies"))
    return p


def _delegate(module: str, attr: str) -> Any:
    """A command implemented next to its feature, imported only when run (keeps `goyong --help` fast)."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        return int(getattr(importlib.import_module(module), attr)(args))

    return run


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except StoreError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 3
    except Exception as exc:  # a full disk outside an ingest run (opening the store, the caches, a report)
        from knowledge.config import get_settings
        from knowledge.diskfull import disk_full_message, is_disk_full

        if not is_disk_full(exc):
            raise
        logging.getLogger(__name__).debug("no space left", exc_info=True)
        console.print(f"[red]오류:[/red] {disk_full_message(get_settings().data_dir)}")
        return 4


if __name__ == "__main__":
    sys.exit(main())
