"""Ingest faults through the real pipeline and the real CLI: kills, corrupt inputs, unusable data dirs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
from knowledge.base import KnowledgeBase
from knowledge.schemas import JobFilters
from knowledge.store import QdrantStore, StoreError
from tests.conftest import TODAY, make_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "work24"
REPO = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "GOYONG_DATA_DIR": str(data_dir), "GOYONG_TODAY": TODAY.isoformat()}
    return subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _collections(data_dir: Path) -> set[str]:
    folder = data_dir / "qdrant" / "collection"
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


@pytest.mark.slow
def test_sigkill_during_rebuild_keeps_served_index_and_next_run_completes(
    index_copy: Callable[[str], Path],
) -> None:
    data_dir = index_copy("killed")
    before = _collections(data_dir)
    proc = _cli(data_dir, "ingest", "--source", "jobs", "--rebuild", "--json")
    deadline = time.monotonic() + 300
    new: set[str] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        new = {c for c in _collections(data_dir) - before if c.startswith("goyong_jobs__")}
        if new:
            time.sleep(0.2)  # let it start writing into the new collection (embeddings come from the cache)
            break
        time.sleep(0.1)
    assert new, "the rebuild never created its new collection"
    assert proc.poll() is None, "the rebuild finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    kb = KnowledgeBase.open(make_settings(data_dir))
    try:
        live = kb.store.resolve("jobs")
        assert live in before, "the alias must still point at the old, complete collection"
        assert kb.store.count("jobs") == 2200
        hits = kb.retriever.search_jobs("호텔", JobFilters(region="서귀포시"), today=TODAY, k=5)
        assert hits and all(h.job.region == "서귀포시" for h in hits)
        report = run_ingest(kb, sources=["jobs"])
        s = report.sources[0]
        assert (s.unchanged, s.added, s.deleted) == (2200, 0, 0)
    finally:
        kb.close()
    assert not ({c for c in _collections(data_dir) if c.startswith("goyong_jobs__")} - before), "orphan dropped"


def test_corrupt_catalog_reports_lines_and_ingests_the_rest(kb: KnowledgeBase, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("jobs_broken.xml", "jobs_cp949.csv", "jobs_duplicates.xml", "jobs_min_wage.xml", "error.xml"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "empty.xml").write_bytes(b"")
    report = run_ingest(kb, sources=["jobs"], path=folder).sources[0]
    assert report.added > 0 and report.added == kb.store.count("jobs")
    files = {Path(r.file).name for r in report.rejected}
    assert {"jobs_broken.xml", "empty.xml", "error.xml", "jobs_min_wage.xml", "jobs_duplicates.xml"} <= files
    broken = [r for r in report.rejected if r.file.endswith("jobs_broken.xml")]
    assert all(r.line for r in broken)
    assert any("최저임금" in r.reason for r in report.rejected)


def test_cli_ingest_json_reports_rejections_with_lines(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(FIXTURES / "jobs_broken.xml", folder)
    proc = _cli(tmp_path / "data", "ingest", "--source", "jobs", "--path", str(folder), "--json")
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    report = json.loads(out)
    jobs = report["sources"][0]
    assert jobs["added"] >= 1 and jobs["rejected"]
    assert all(r["line"] for r in jobs["rejected"])

    strict = _cli(tmp_path / "data", "ingest", "--source", "jobs", "--path", str(folder), "--strict", "--json")
    out, err = strict.communicate(timeout=600)
    assert strict.returncode == 2 and "--strict" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_data_dir_gives_clear_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(StoreError) as err:
            QdrantStore.open(make_settings(ro / "data"))
        assert "GOYONG_DATA_DIR" in str(err.value) or "권한" in str(err.value)
    finally:
        ro.chmod(0o700)


def test_data_dir_that_is_a_file_gives_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as err:
        QdrantStore.open(make_settings(blocker))
    assert "GOYONG_DATA_DIR" in str(err.value)
