"""Ingest faults through the real pipeline and the real CLI: kills, corrupt inputs, a full disk, unusable data
dirs."""

from __future__ import annotations

import json
import os
import pwd
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ingest.pipeline import run_ingest
from knowledge.base import KnowledgeBase
from knowledge.diskfull import disk_full_message
from knowledge.schemas import JobFilters, TrainingFilters
from knowledge.store import StoreError, open_store
from tests.conftest import TODAY, make_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "work24"
REPO = Path(__file__).resolve().parents[2]


def _cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "GOYONG_DATA_DIR": str(data_dir), "GOYONG_TODAY": TODAY.isoformat()}
    return subprocess.Popen([sys.executable, "-m", "app.cli", *args], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _collections(data_dir: Path) -> set[str]:
    """The stored index versions (Qdrant Edge shard folders)."""
    folder = data_dir / "edge"
    return {p.name for p in folder.iterdir() if p.is_dir()} if folder.exists() else set()


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


# ---- a full disk ----------------------------------------------------------------------------------------------
FILE_SIZE_LIMIT = 512 * 1024  # smaller than a rebuilt training collection (≈ 2 MB), larger than meta.json/reports


def _limit_file_size() -> None:
    """``preexec_fn``: every file the process writes may not grow past the limit; writes beyond it fail with
    EFBIG (SIGXFSZ ignored) — a full disk for this process only, without root or a mount."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


@pytest.mark.slow
def test_full_disk_during_rebuild_says_what_to_do_and_keeps_the_served_index(
    index_copy: Callable[[str], Path],
) -> None:
    data_dir = index_copy("full-disk")
    before = _collections(data_dir)
    env = {**os.environ, "GOYONG_DATA_DIR": str(data_dir), "GOYONG_TODAY": TODAY.isoformat(), "COLUMNS": "1000"}
    proc = subprocess.run([sys.executable, "-m", "app.cli", "ingest", "--source", "training", "--rebuild"],
                          cwd=REPO, env=env, text=True, capture_output=True, timeout=600,
                          preexec_fn=_limit_file_size)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert disk_full_message(data_dir) in proc.stderr, proc.stderr  # where, why, what to do, what still works
    assert "Traceback" not in proc.stderr + proc.stdout
    assert {c for c in _collections(data_dir) - before if c.startswith("goyong_training__")}, "it did start writing"

    kb = KnowledgeBase.open(make_settings(data_dir))
    try:
        assert kb.store.resolve("training") in before, "the alias still points at the complete collection"
        assert kb.store.count("training") == 340
        hits = kb.retriever.search_training("요양보호사", TrainingFilters(region="제주시"), k=5)
        assert hits and all(h.course.region == "제주시" for h in hits)
        report = run_ingest(kb, sources=["training"])  # with space again: nothing to do, the orphan goes
        assert (report.sources[0].unchanged, report.sources[0].added) == (340, 0)
    finally:
        kb.close()
    assert not ({c for c in _collections(data_dir) if c.startswith("goyong_training__")} - before)


# ---- unusable data dirs --------------------------------------------------------------------------------------
# Run as an unprivileged user: root ignores directory permissions, and CI runs as root. The interpreter may live
# where that user cannot read (e.g. /root/.pyenv), so the child imports everything as the starting user, opens a
# store once to load the lazy imports, and only then drops to the unprivileged user to open the real data dir.
OPEN_AS = """
import json, os, shutil, sys, tempfile
from pathlib import Path
from knowledge.config import Settings
from knowledge.store import StoreError, open_store
warm = Path(tempfile.mkdtemp())
open_store(Settings(data_dir=warm / "data", _env_file=None)).close()
shutil.rmtree(warm)
if len(sys.argv) > 2:
    os.setgroups([])
    os.setgid(int(sys.argv[3]))
    os.setuid(int(sys.argv[2]))
try:
    open_store(Settings(data_dir=Path(sys.argv[1]), _env_file=None)).close()
except StoreError as exc:
    print(json.dumps({"uid": os.getuid(), "error": str(exc)}, ensure_ascii=False))
else:
    print(json.dumps({"uid": os.getuid(), "error": None}))
"""


def _open_unprivileged(data_dir: Path) -> dict[str, object]:
    args = [sys.executable, "-c", OPEN_AS, str(data_dir)]
    if os.geteuid() == 0:
        try:
            nobody = pwd.getpwnam("nobody")
        except KeyError:
            pytest.skip("running as root and there is no 'nobody' user to drop to")
        args += [str(nobody.pw_uid), str(nobody.pw_gid)]
    proc = subprocess.run(args, cwd=REPO, text=True, capture_output=True, timeout=120,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    if proc.returncode != 0 and "Operation not permitted" in proc.stderr:
        pytest.skip("running as root without the right to change user (no CAP_SETUID)")
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["uid"] != 0, "the check must not run as root"
    return result


@pytest.fixture
def read_only_dir() -> Iterator[Path]:
    """A folder anyone may enter but nobody (except root) may write to; outside root's private pytest tmp."""
    folder = Path(tempfile.mkdtemp(prefix="goyong-ro-"))
    (folder / "existing" / "edge").mkdir(parents=True)
    for path in (folder / "existing" / "edge", folder / "existing", folder):
        path.chmod(0o555)
    try:
        yield folder
    finally:
        for path in (folder, folder / "existing", folder / "existing" / "edge"):
            path.chmod(0o755)
        shutil.rmtree(folder)


@pytest.mark.parametrize("case", ["cannot create", "cannot write"])
def test_read_only_data_dir_gives_clear_error(read_only_dir: Path, case: str) -> None:
    data_dir = read_only_dir / ("data" if case == "cannot create" else "existing")
    result = _open_unprivileged(data_dir)
    error = str(result["error"])
    assert result["error"], "opening a store in a read-only folder must fail"
    assert str(data_dir) in error
    expected = "GOYONG_DATA_DIR" if case == "cannot create" else "권한"  # what to change, or what to check
    assert expected in error, error


def test_data_dir_that_is_a_file_gives_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as err:
        open_store(make_settings(blocker))
    assert "GOYONG_DATA_DIR" in str(err.value)
