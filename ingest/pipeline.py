"""Ingest runs: load sources, validate, and sync them into the store.

- Incremental by default: each point carries a content hash; unchanged records are skipped, changed ones
  re-embedded and upserted, removed ones deleted. Every write is per record, so an interrupted run leaves each
  record either old or new, and the next run completes the sync.
- A first build, ``rebuild=True`` or a change of embedding model builds a fresh version and then moves the
  served pointer in one step: searches never see a half-built index. (On Qdrant Edge an incremental run with
  changes also works on a copy of the served version and swaps it in when complete.)
- Rejected records are reported with file, line and reason; the rest is ingested (``strict`` fails the run
  before anything is written).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from knowledge.base import KnowledgeBase
from knowledge.diskfull import disk_full_message, is_disk_full
from knowledge.records import (
    AVG_LEN,
    DocumentError,
    chunk_payload,
    chunk_policy,
    chunk_text,
    content_hash,
    job_dense_text,
    job_payload,
    job_text,
    parse_policy,
    training_dense_text,
    training_payload,
    training_text,
)
from knowledge.reports import save_report
from knowledge.schemas import JobPosting, Rejection, TrainingCourse
from knowledge.sparse import document_encoding, encode_document
from knowledge.store import Kind, Point, point_id

logger = logging.getLogger(__name__)

Source = Literal["policies", "jobs", "training"]
SOURCES: tuple[Source, ...] = ("policies", "jobs", "training")
Progress = Callable[[str, int, int], None]
BATCH = 64


class SourceReport(BaseModel):
    source: Source
    files: list[str] = []
    records: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = []
    rebuilt: bool = False
    skipped: bool = False  # nothing that makes the index changed since the last run: files were not parsed again
    collection: str = ""
    seconds: float = 0.0


class IngestReport(BaseModel):
    run_id: str
    started_at: datetime
    seconds: float = 0.0
    ok: bool = True
    strict: bool = False
    error: str | None = None
    embedder: str = ""
    store: str = ""
    sources: list[SourceReport] = Field(default_factory=list)

    @property
    def rejected_count(self) -> int:
        return sum(len(s.rejected) for s in self.sources)


class IngestError(RuntimeError):
    """A run that could not complete; ``report`` holds what was found."""

    def __init__(self, message: str, report: IngestReport) -> None:
        super().__init__(message)
        self.report = report


@dataclass
class Item:
    """One point to write: ``text`` is tokenized for sparse search and shown; ``dense_text`` (when shorter) is
    what gets embedded."""

    source_id: str
    text: str
    payload: dict[str, Any]
    dense_text: str | None = None

    @property
    def embed_text(self) -> str:
        return self.dense_text if self.dense_text is not None else self.text


# ---- loading ---------------------------------------------------------------------------------------------------
CATALOG_SUFFIXES = {".xml", ".csv"}
POLICY_SUFFIXES = {".md", ".markdown"}


def _files(path: Path, suffixes: set[str]) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.exists():
        return []
    return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def load_source(source: Source, path: Path, *, today: date) -> tuple[list[Item], list[Rejection], list[str]]:
    """Items, rejections and the files read for one source."""
    items: list[Item] = []
    rejections: list[Rejection] = []
    if source == "policies":
        files = _files(path, POLICY_SUFFIXES)
        for f in files:
            try:
                front, body = parse_policy(f)
            except UnicodeDecodeError:
                rejections.append(Rejection(source=source, file=str(f), reason="UTF-8 텍스트가 아닙니다: UTF-8로 저장하세요"))
                continue
            except DocumentError as exc:
                rejections.append(Rejection(source=source, file=str(f), line=1, reason=str(exc)))
                continue
            if front.id != f.stem:
                rejections.append(
                    Rejection(source=source, file=str(f), line=1, record_id=front.id,
                              reason=f"id '{front.id}'가 파일 이름 '{f.stem}'과 다릅니다: 같게 맞추세요")
                )
                continue
            for chunk in chunk_policy(front, body):
                items.append(Item(f"{front.id}#{chunk.chunk_index}", chunk_text(chunk), chunk_payload(chunk)))
        return items, rejections, [str(f) for f in files]

    from ingest.sources import load_jobs, load_training

    files = _files(path, CATALOG_SUFFIXES)
    seen: set[str] = set()
    what = "구인인증번호" if source == "jobs" else "과정ID·회차"
    for f in files:
        result = load_jobs(f, today=today) if source == "jobs" else load_training(f, today=today)
        for rec in result.records:
            if rec.id in seen:
                rejections.append(Rejection(source=source, file=str(f), line=rec.source_line, record_id=rec.id,
                                            reason=f"다른 파일에 같은 {what}가 있습니다: 중복을 지우세요"))
                continue
            seen.add(rec.id)
            items.append(_item(rec))
        rejections.extend(result.rejections)
    if not files:
        rejections.append(Rejection(source=source, file=str(path), reason="읽을 파일이 없습니다 (.xml 또는 .csv)"))
    return items, rejections, [str(f) for f in files]


def _item(rec: JobPosting | TrainingCourse) -> Item:
    if isinstance(rec, JobPosting):
        return Item(rec.id, job_text(rec), job_payload(rec), job_dense_text(rec))
    return Item(rec.id, training_text(rec), training_payload(rec), training_dense_text(rec))


def _strip_volatile(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload without per-load fields (line numbers) so moving a record in a file is not a change."""
    record = dict(payload.get("record", {}))
    record.pop("source_line", None)
    return {**payload, "record": record}


def _digest(item: Item, kind: Kind) -> str:
    """The record's content hash, with the sparse encoding it gets (a tokenizer change is a change)."""
    payload = {**_strip_volatile(item.payload), "sparse_encoding": f"{document_encoding()}/{AVG_LEN[kind]}"}
    return content_hash(item.text, payload, item.dense_text)


# ---- syncing ---------------------------------------------------------------------------------------------------
def sync_items(
    kb: KnowledgeBase,
    kind: Kind,
    items: Sequence[Item],
    report: SourceReport,
    *,
    rebuild: bool,
    progress: Progress | None = None,
) -> None:
    store, embedder = kb.store, kb.embedder
    emb_name = embedder.name if embedder else "sparse"
    store.drop_orphans(kind)
    live = store.resolve(kind)
    fresh = rebuild or live is None or store.embedder_of(live) != emb_name
    existing: dict[str, Any] = {}
    if not fresh:
        assert live is not None
        existing = store.scroll_field(live, "content_hash")
    report.rebuilt = fresh

    todo: list[tuple[str, Item, str]] = []
    wanted: set[str] = set()
    for item in items:
        pid = point_id(kind, item.source_id)
        wanted.add(pid)
        digest = _digest(item, kind)
        old = existing.get(pid)
        if old == digest:
            report.unchanged += 1
            continue
        if old is None:
            report.added += 1
        else:
            report.updated += 1
        todo.append((pid, item, digest))
    removed = [pid for pid in existing if pid not in wanted]

    if fresh:
        collection = store.create_version(kind, emb_name, embedder.dim if embedder else None)
    elif todo or removed:
        assert live is not None
        collection = store.edit_version(kind, live)  # the served version itself, or a copy swapped in below
    else:
        collection = live or ""
    report.collection = collection

    total = len(todo)
    if progress:
        progress(kind, 0, total)
    for start in range(0, total, BATCH):
        batch = todo[start : start + BATCH]
        dense = embedder.embed_passages([it.embed_text for _, it, _ in batch]) if embedder else [None] * len(batch)
        points = [
            Point(
                id=pid,
                payload={**it.payload, "content_hash": digest, "source_id": it.source_id, "text": it.text},
                sparse=encode_document(it.text, avg_len=AVG_LEN[kind]),
                dense=vec,
            )
            for (pid, it, digest), vec in zip(batch, dense, strict=True)
        ]
        store.upsert(collection, points)
        if progress:
            progress(kind, min(start + BATCH, total), total)

    store.delete(collection, removed)
    report.deleted = len(removed)
    if collection != live:
        old = store.swap_alias(kind, collection)
        if old and old != collection:
            store.drop_collection(old)  # a backend may keep it while another process still reads it


# ---- skipping an unchanged source ----------------------------------------------------------------------------
# Parsing and validating unchanged catalog files is most of an unchanged re-run. A source is skipped when the key
# of everything its points are made of equals the key stored with the served version: the files' bytes, the code
# that turns them into points (loaders, records, schemas, this module, the sparse encoding), the embedder and the
# day (the loaders read ``today``). Only on Qdrant Edge, where any write publishes a new version name: a version
# found unchanged by name is unchanged in content (a server collection is written in place).
_CODE_DIRS = (Path(__file__).resolve().parent / "sources",)
_CODE_FILES = (
    Path(__file__).resolve(),
    Path(__file__).resolve().parents[1] / "knowledge" / "records.py",
    Path(__file__).resolve().parents[1] / "knowledge" / "schemas.py",
)
SKIP_STATE_DIR = "ingest-state"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Of the code on disk when this process first ingests (close to the code it runs; cached so one process
    never stores a key for code it did not run)."""
    h = hashlib.sha256()
    files = [*_CODE_FILES, *(f for d in _CODE_DIRS for f in sorted(d.glob("*.py")))]
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def source_key(kb: KnowledgeBase, source: Source, files: Sequence[Path], today: date) -> str:
    """What a source's points are made of, as one digest (see above)."""
    h = hashlib.sha256()
    h.update(f"{source}|{today.isoformat()}|{kb.embedder.name if kb.embedder else 'sparse'}|".encode())
    h.update(f"{document_encoding()}|{AVG_LEN[source]}|{_code_digest()}|".encode())
    for f in files:
        h.update(str(f.resolve()).encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def _state_path(kb: KnowledgeBase, source: Source) -> Path:
    return kb.settings.data_dir / SKIP_STATE_DIR / f"{kb.settings.collection_prefix}_{source}.json"


def _skipped_report(kb: KnowledgeBase, source: Source, key: str) -> SourceReport | None:
    """The last run's report of ``source`` when its key and served version still hold, else None."""
    if kb.store.backend != "edge":
        return None
    try:
        state = json.loads(_state_path(kb, source).read_text(encoding="utf-8"))
        if state.get("key") != key or state.get("version") != kb.store.resolve(source):
            return None
        report = SourceReport.model_validate(state["report"])
    except (OSError, ValueError, KeyError):
        return None
    return report.model_copy(update={"unchanged": report.records, "added": 0, "updated": 0, "deleted": 0,
                                     "rebuilt": False, "skipped": True, "seconds": 0.0})


def _remember(kb: KnowledgeBase, source: Source, key: str, report: SourceReport) -> None:
    """Store the key with the version now served (written atomically; a failure only costs the next skip)."""
    path = _state_path(kb, source)
    state = {"key": key, "version": kb.store.resolve(source), "report": report.model_dump(mode="json")}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        logger.warning("could not store the ingest state %s: %s", path, exc)


def _forget(kb: KnowledgeBase, source: Source) -> None:
    _state_path(kb, source).unlink(missing_ok=True)


# ---- runs ------------------------------------------------------------------------------------------------------
def default_path(kb: KnowledgeBase, source: Source) -> Path:
    return kb.settings.corpus_dir / source


def run_ingest(
    kb: KnowledgeBase,
    *,
    sources: Sequence[Source] = SOURCES,
    path: Path | None = None,
    rebuild: bool = False,
    strict: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    save: bool = True,
) -> IngestReport:
    """Load, validate and sync the given sources; returns (and stores) the run report."""
    today = today or kb.settings.current_date()
    started = time.perf_counter()
    report = IngestReport(
        run_id=datetime.now().strftime("%Y%m%dT%H%M%S%f"),
        started_at=datetime.now(),
        strict=strict,
        embedder=kb.embedder.name if kb.embedder else "sparse-only",
        store=kb.store.location,
    )
    loaded: list[tuple[Source, list[Item], SourceReport, str | None]] = []
    for source in sources:
        src_path = default_path(kb, source) if path is None else _source_path(path, source, len(sources))
        t0 = time.perf_counter()
        key = None
        if not rebuild:
            key = source_key(kb, source, _files(src_path, POLICY_SUFFIXES if source == "policies"
                                                else CATALOG_SUFFIXES), today)
            skipped = _skipped_report(kb, source, key)
            if skipped is not None:
                kb.store.drop_orphans(source)
                skipped.seconds = round(time.perf_counter() - t0, 3)
                report.sources.append(skipped)
                continue
        items, rejections, files = load_source(source, src_path, today=today)
        sr = SourceReport(source=source, files=files, records=len(items), rejected=rejections,
                          seconds=time.perf_counter() - t0)
        report.sources.append(sr)
        loaded.append((source, items, sr, key))

    if strict and report.rejected_count:
        report.ok = False
        report.error = f"--strict: 거부된 레코드 {report.rejected_count}건이 있어 색인을 바꾸지 않았습니다"
        _finish(kb, report, started, save)
        raise IngestError(report.error, report)

    try:
        for source, items, sr, key in loaded:
            _forget(kb, source)  # whatever happens below, the stored key no longer vouches for the index
            if not items and sr.rejected:
                sr.seconds = round(sr.seconds, 3)
                logger.warning("%s: nothing loaded; index left as it is", source)
                continue
            t0 = time.perf_counter()
            sync_items(kb, source, items, sr, rebuild=rebuild, progress=progress)
            sr.seconds = round(sr.seconds + time.perf_counter() - t0, 3)
            if kb.store.backend == "edge":
                _remember(kb, source, key or source_key(kb, source, [Path(f) for f in sr.files], today), sr)
        _finish(kb, report, started, save)
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        _fail_disk_full(kb, report, started, save, exc)
    return report


def _fail_disk_full(kb: KnowledgeBase, report: IngestReport, started: float, save: bool, exc: Exception) -> None:
    """A write refused for lack of space: stop with a message that says where and what to do.

    A rebuild's alias was not moved, so the served index is the previous one; an incremental run has written
    whole records only. The report is still saved when it fits (it is small), else only logged.
    """
    logger.error("ingest stopped: no space to write in %s (%s)", kb.settings.data_dir, exc)
    report.ok = False
    report.error = disk_full_message(kb.settings.data_dir)
    try:
        _finish(kb, report, started, save)
    except OSError:
        logger.warning("the run report could not be saved either (no space)")
    raise IngestError(report.error, report) from exc


def _source_path(path: Path, source: Source, n_sources: int) -> Path:
    if n_sources > 1 and path.is_dir() and (path / source).exists():
        return path / source
    if n_sources > 1:
        raise ValueError("--path와 함께 --source를 하나 지정하세요 (또는 policies/jobs/training 하위 폴더가 있는 폴더)")
    return path


def _finish(kb: KnowledgeBase, report: IngestReport, started: float, save: bool) -> None:
    report.seconds = round(time.perf_counter() - started, 3)
    if save:
        save_report(kb.settings.reports_dir, f"ingest-{report.run_id}", report)


def list_reports(reports_dir: Path, limit: int = 20) -> list[IngestReport]:
    """Past runs, newest first."""
    files = sorted(reports_dir.glob("ingest-*.json"), reverse=True)[:limit]
    out = []
    for f in files:
        try:
            out.append(IngestReport.model_validate(json.loads(f.read_text(encoding="utf-8"))))
        except (ValueError, OSError):
            logger.warning("unreadable report %s", f)
    return out
