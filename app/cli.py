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
    _print_report(report, args.json)
    return 0


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


# ---- samples ---------------------------------------------------------------------------------------------------
def cmd_generate_samples(args: argparse.Namespace) -> int:
    from ingest.samplegen import write_samples

    written = write_samples(args.out)
    for p in written:
        out.print(f"wrote {p}")
    return 0


# ---- entry -----------------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="goyong", description="제주 고용센터 AI 상담 에이전트")
    p.add_argument("-v", "--verbose", action="store_true", help="자세한 로그")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="정책 문서·채용정보·훈련과정을 색인합니다")
    ing.add_argument("--source", choices=["all", "policies", "jobs", "training"], default="all")
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

    _register_later_commands(sub)
    return p


def _register_later_commands(sub: Any) -> None:
    """Commands that live next to the agent and the UI (added as those land)."""
    try:
        from app import commands
    except ImportError:
        return
    commands.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except StoreError as exc:
        console.print(f"[red]오류:[/red] {exc}")
        return 3


if __name__ == "__main__":
    sys.exit(main())
