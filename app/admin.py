"""Admin re-ingest inside the app process: one run at a time, in a worker thread, on the shared KnowledgeBase.

The chat app runs ingest itself, one run at a time, so an admin needs no shell. On the embedded default (Qdrant
Edge) every run writes a new or copied shard and replaces the served pointer when the shard is complete, so chat
keeps answering from a complete index throughout, and other processes (``goyong ask``/``search``) keep reading.
The Qdrant server and the local-mode fallback write the served collection record by record (an incremental run)
or fill a fresh collection and move the alias (a rebuild); local mode admits this one process only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.pipeline import SOURCES, IngestError, IngestReport, list_reports, run_ingest
from ingest.stats import stats_after_catalogs
from knowledge.base import KnowledgeBase

logger = logging.getLogger(__name__)

SOURCE_NAMES = {"policies": "정책 문서", "jobs": "채용정보", "training": "훈련과정"}
BAR_WIDTH = 12


class IngestBusy(RuntimeError):
    """Another ingest run is in progress."""


@dataclass
class SourceProgress:
    done: int = 0
    total: int = 0


@dataclass
class IngestProgress:
    """Live state of a run, written by the worker thread and read by the chat loop."""

    started: float = field(default_factory=time.monotonic)
    rebuild: bool = False
    by_source: dict[str, SourceProgress] = field(default_factory=dict)
    finished: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def update(self, source: str, done: int, total: int) -> None:
        with self._lock:
            self.by_source[source] = SourceProgress(done, total)

    def snapshot(self) -> dict[str, SourceProgress]:
        with self._lock:
            return {k: SourceProgress(v.done, v.total) for k, v in self.by_source.items()}


class IngestManager:
    """Runs ``run_ingest`` for the admin; refuses a second run while one is going."""

    def __init__(self, runner: Callable[..., IngestReport] = run_ingest) -> None:
        self._runner = runner
        self._lock = threading.Lock()
        self.current: IngestProgress | None = None

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    def run(self, kb: KnowledgeBase, *, rebuild: bool = False, progress: IngestProgress | None = None) -> IngestReport:
        """Blocking: call it from a worker thread. Raises ``IngestBusy`` if a run is already going."""
        if not self._lock.acquire(blocking=False):
            raise IngestBusy("이미 색인이 실행 중입니다")
        state = progress or IngestProgress(rebuild=rebuild)
        self.current = state
        try:
            logger.info("admin ingest started (rebuild=%s)", rebuild)
            try:
                report = self._runner(kb, sources=SOURCES, rebuild=rebuild, progress=state.update)
            except IngestError as exc:
                report = exc.report
            else:
                stats = stats_after_catalogs(kb.settings)  # the catalog aggregates follow the new catalogs
                logger.info("statistics store refreshed: %d figures", stats.observations)
                check_postings(kb, report.run_id)
            logger.info("admin ingest %s finished in %.1fs", report.run_id, report.seconds)
            return report
        finally:
            state.finished = True
            self.current = None
            self._lock.release()


_manager = IngestManager()


def get_manager() -> IngestManager:
    return _manager


# ---- texts -------------------------------------------------------------------------------------------------------
def _bar(done: int, total: int) -> str:
    frac = 1.0 if total <= 0 else min(1.0, done / total)
    filled = round(frac * BAR_WIDTH)
    return "▓" * filled + "░" * (BAR_WIDTH - filled) + f" {round(frac * 100):>3d}%"


def progress_text(state: IngestProgress) -> str:
    elapsed = time.monotonic() - state.started
    kind = "새로 만들기(교체)" if state.rebuild else "바뀐 자료만"
    lines = [f"🔄 **색인 중…** ({kind}, {elapsed:.0f}초 경과) — 그동안에도 채팅은 계속 답합니다.", ""]
    snap = state.snapshot()
    for source in SOURCES:
        p = snap.get(source)
        name = SOURCE_NAMES[source]
        if p is None:
            lines.append(f"- {name}: 대기 중")
        elif p.total == 0:
            lines.append(f"- {name}: 바뀐 것 없음")
        else:
            lines.append(f"- {name}: {_bar(p.done, p.total)} ({p.done}/{p.total})")
    return "\n".join(lines)


# The posting check that followed each admin ingest run, by run id (shown under the run's table)
_POSTING_CHECKS: dict[str, str] = {}


def check_postings(kb: KnowledgeBase, run_id: str) -> str | None:
    """Every posting of the new catalog checked (graphs/capabilities/posting_check/bulk.py), the report saved in the
    reports folder; its per-rule counts are kept for :func:`report_table`. A failure is logged, never raised."""
    from graphs.capabilities.posting_check.bulk import (
        check_catalog,
        counts_table,
        save_catalog_report,
        summary_line,
    )

    try:
        catalog = check_catalog(kb.jobs(), today=kb.settings.current_date(), run_id=run_id)
        path = save_catalog_report(catalog, kb.settings.reports_dir)
    except Exception:
        logger.exception("posting check after ingest %s failed", run_id)
        return None
    text = f"**{summary_line(catalog)}** (보고서 `{path.name}`)\n\n{counts_table(catalog)}"
    _POSTING_CHECKS[run_id] = text
    logger.info("posting check after ingest %s: %s", run_id, summary_line(catalog))
    return text


def report_table(report: IngestReport) -> str:
    status = "✅ 완료" if report.ok else f"❌ 실패: {report.error or ''}"
    lines = [
        f"**색인 실행 {report.run_id}** — {status} ({report.seconds:.1f}초, 임베딩 {report.embedder})",
        "",
        "| 소스 | 레코드 | 추가 | 변경 | 삭제 | 그대로 | 거부 | 새로 만듦 | 초 |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for s in report.sources:
        lines.append(
            f"| {SOURCE_NAMES.get(s.source, s.source)} | {s.records} | {s.added} | {s.updated} | {s.deleted} | "
            f"{s.unchanged} | {len(s.rejected)} | {'예' if s.rebuilt else '아니요'} | {s.seconds:.1f} |"
        )
    rejected = [(s.source, r) for s in report.sources for r in s.rejected]
    if rejected:
        lines += ["", f"**거부된 레코드 {len(rejected)}건** (앞의 10건)"]
        for source, r in rejected[:10]:
            where = Path(r.file).name + (f":{r.line}" if r.line else "") + (f" [{r.record_id}]" if r.record_id else "")
            lines.append(f"- {SOURCE_NAMES.get(source, source)} {where} — {r.reason}")
    checked = _POSTING_CHECKS.get(report.run_id)
    if checked:
        lines += ["", checked]
    return "\n".join(lines)


def history_table(reports: list[IngestReport]) -> str:
    if not reports:
        return "지난 색인 실행 기록이 없습니다."
    lines = [
        f"**지난 색인 실행** (최근 {len(reports)}건)",
        "",
        "| 실행 ID | 시작 | 결과 | 추가 | 변경 | 삭제 | 거부 | 초 |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in reports:
        total = _totals(r)
        lines.append(
            f"| {r.run_id} | {r.started_at:%Y-%m-%d %H:%M} | {'✅' if r.ok else '❌'} | {total['added']} | "
            f"{total['updated']} | {total['deleted']} | {total['rejected']} | {r.seconds:.1f} |"
        )
    return "\n".join(lines)


def _totals(report: IngestReport) -> dict[str, int]:
    out = {"added": 0, "updated": 0, "deleted": 0, "rejected": 0}
    for s in report.sources:
        out["added"] += s.added
        out["updated"] += s.updated
        out["deleted"] += s.deleted
        out["rejected"] += len(s.rejected)
    return out


def past_runs(reports_dir: Path, limit: int = 10) -> list[IngestReport]:
    return list_reports(reports_dir, limit=limit)


def parse_command(text: str) -> tuple[str, dict[str, Any]] | None:
    """``/색인`` → ("ingest", {rebuild: False}); ``/색인 전체`` → rebuild; ``/색인기록`` → ("history", {})."""
    t = " ".join((text or "").strip().split())
    if t in ("/색인기록", "/색인 기록"):
        return "history", {}
    if t == "/색인":
        return "ingest", {"rebuild": False}
    if t in ("/색인 전체", "/색인 새로"):
        return "ingest", {"rebuild": True}
    return None
