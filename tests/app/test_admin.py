"""app.admin: one ingest at a time on the shared knowledge base, live progress, report and history tables."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import admin
from ingest.pipeline import IngestReport
from knowledge.base import KnowledgeBase
from knowledge.config import CORPUS_DIR
from tests.conftest import make_settings


@pytest.fixture
def small_kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    """Two real policy documents, no catalogs, sparse vectors only (fast)."""
    corpus = tmp_path / "corpus"
    (corpus / "policies").mkdir(parents=True)
    for name in ("unemployment-benefit-eligibility.md", "unemployment-benefit-duration.md"):
        shutil.copy(CORPUS_DIR / "policies" / name, corpus / "policies" / name)
    kb = KnowledgeBase.open(make_settings(tmp_path / "data", corpus_dir=corpus, embedding_backend="none"), warm=False)
    yield kb
    kb.close()


def test_real_runs_report_added_then_unchanged(small_kb: KnowledgeBase) -> None:
    manager = admin.IngestManager()
    progress = admin.IngestProgress()
    first = manager.run(small_kb, progress=progress)
    assert progress.finished and not manager.busy
    pol = next(s for s in first.sources if s.source == "policies")
    assert pol.added > 0 and pol.unchanged == 0
    snap = progress.snapshot()
    assert snap["policies"].done == snap["policies"].total == pol.added
    missing = [s for s in first.sources if s.source in ("jobs", "training")]
    assert all(s.rejected and "읽을 파일이 없습니다" in s.rejected[0].reason for s in missing)

    second = manager.run(small_kb)
    pol2 = next(s for s in second.sources if s.source == "policies")
    assert pol2.added == 0 and pol2.unchanged == pol.added

    table = admin.report_table(second)
    assert f"| 정책 문서 | {pol2.records} | 0 | 0 | 0 | {pol.added} | 0 |" in table
    assert "거부된 레코드 2건" in table
    runs = admin.past_runs(small_kb.settings.reports_dir)
    assert [r.run_id for r in runs] == [second.run_id, first.run_id]
    history = admin.history_table(runs)
    assert second.run_id in history and first.run_id in history
    assert history.index(second.run_id) < history.index(first.run_id)


def test_a_second_run_is_refused_while_one_is_going(small_kb: KnowledgeBase) -> None:
    started, release = threading.Event(), threading.Event()

    def slow_runner(kb: KnowledgeBase, **kw: Any) -> IngestReport:
        kw["progress"]("policies", 1, 4)
        started.set()
        release.wait(5)
        from datetime import datetime

        return IngestReport(run_id="r1", started_at=datetime(2026, 11, 21))

    manager = admin.IngestManager(runner=slow_runner)
    progress = admin.IngestProgress(rebuild=True)
    worker = threading.Thread(target=manager.run, args=(small_kb,), kwargs={"rebuild": True, "progress": progress})
    worker.start()
    assert started.wait(5)
    assert manager.busy
    text = admin.progress_text(progress)
    assert "새로 만들기(교체)" in text and "(1/4)" in text and "채용정보: 대기 중" in text
    with pytest.raises(admin.IngestBusy):
        manager.run(small_kb)
    release.set()
    worker.join(5)
    assert not manager.busy


def test_history_when_empty(tmp_path: Path) -> None:
    assert admin.history_table(admin.past_runs(tmp_path)) == "지난 색인 실행 기록이 없습니다."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/색인", ("ingest", {"rebuild": False})),
        ("  /색인  ", ("ingest", {"rebuild": False})),
        ("/색인 전체", ("ingest", {"rebuild": True})),
        ("/색인기록", ("history", {})),
        ("/색인 기록", ("history", {})),
        ("색인", None),
        ("/색인해줘 제발", None),
        ("서귀포 호텔 일자리", None),
    ],
)
def test_parse_command(text: str, expected: object) -> None:
    assert admin.parse_command(text) == expected
