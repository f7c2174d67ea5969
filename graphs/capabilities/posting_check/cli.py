"""``goyong posting check --id K151…`` (one catalog posting) and ``goyong posting check --catalog [--json]`` (every
posting, counts per rule), and the check the app runs after a jobs ingest."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graphs.capabilities.posting_check.bulk import (
    CatalogReport,
    check_catalog,
    check_job,
    report_text,
    save_catalog_report,
    summary_line,
)
from graphs.capabilities.posting_check.render import report_text as posting_report_text
from knowledge.config import Settings


def posting_source(source: str) -> tuple[str, bool]:
    """The posting a CLI argument names: the text of a file when it is a file's path, else the argument itself;
    and whether it was a file. Raises ``ValueError`` (Korean) when the file cannot be read."""
    try:
        is_file = "\n" not in source and Path(source).is_file()
    except OSError:  # too long to be a file name: it is the posting text
        is_file = False
    if not is_file:
        return source, False
    try:
        return Path(source).read_text(encoding="utf-8"), True
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"공고 파일을 읽을 수 없습니다: {exc}") from exc


def _write(text: str) -> None:
    sys.stdout.write(text.rstrip("\n") + "\n")


def check_after_ingest(settings: Settings, run_id: str | None = None) -> tuple[CatalogReport, Path]:
    """Every posting of the freshly ingested catalog checked; the report saved next to the ingest reports."""
    from knowledge.base import iter_jobs
    from knowledge.store import open_store

    store = open_store(settings)
    try:
        report = check_catalog(iter_jobs(store), today=settings.current_date(), run_id=run_id)
    finally:
        store.close()
    return report, save_catalog_report(report, settings.reports_dir)


def after_ingest_line(report: CatalogReport, path: Path) -> str:
    return f"{summary_line(report)} (보고서: {path})"


def cli_posting_catalog(args: argparse.Namespace) -> int:
    """``--id``: one posting of the catalog; ``--catalog``: all of them."""
    from knowledge.base import KnowledgeBase
    from knowledge.config import get_settings

    settings = get_settings()
    kb = KnowledgeBase.open(settings, warm=False)
    try:
        if kb.store.count("jobs") == 0:
            sys.stderr.write("오류: 색인된 채용정보가 없습니다 — 먼저 `goyong ingest --source jobs`를 실행하세요.\n")
            return 2
        today = settings.current_date()
        if args.id:
            job = kb.job(args.id)
            if job is None:
                sys.stderr.write(f"오류: 채용정보에 공고 번호 '{args.id}'가 없습니다.\n")
                return 2
            report = check_job(job, today=today, employees=args.employees)
            if args.json:
                _write(json.dumps({"id": job.id, "title": job.title, "company": job.company,
                                   **report.model_dump(mode="json")}, ensure_ascii=False, indent=2))
            else:
                _write(f"[{job.id}] {job.title} — {job.company}\n\n{posting_report_text(report)}")
            return 0
        catalog = check_catalog(kb.jobs(), today=today, worst=args.worst)
    finally:
        kb.close()
    path = save_catalog_report(catalog, settings.reports_dir)
    if args.json:
        _write(json.dumps({**catalog.model_dump(mode="json"), "report_file": str(path)}, ensure_ascii=False, indent=2))
    else:
        _write(f"{report_text(catalog)}\n\n보고서: {path}")
    return 0
