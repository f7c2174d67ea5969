"""The embedded default backend: Qdrant Edge (``qdrant-edge-py``) shards in process.

Layout under ``{data_dir}/edge``:

* ``{prefix}_{kind}__{embedder}__{stamp}/`` — one shard folder per version (dense + sparse-IDF vectors, a payload
  index for every filterable field);
* ``{prefix}_{kind}.current`` — the served version's name, replaced atomically (``os.replace``) when a build is
  complete and flushed;
* ``{version}.lock`` — ``flock`` held *shared* by every process that has the version open (reading or building)
  and taken *exclusively*, without waiting, by whoever wants to delete it: a version still open elsewhere is
  left for a later run instead of being pulled from under a reader.

A published shard is never written again: a rebuild fills a new shard, and an incremental sync with changes works
on a copy of the served shard, swapped in when complete. So a killed ingest never serves a half-built index, and
any number of processes can read the served shard at the same time (loading a published shard writes nothing) (the chat app and ``goyong ask``); each reader
notices a new pointer on its next query and moves to the new version. Shards are written without a WAL: nothing is
served before ``flush()`` and the pointer swap.

A shard with dense vectors and at least ``edge_index_min_points`` points gets its HNSW graph built (``optimize()``)
before the swap, on the unpublished folder: a killed build leaves only an orphan. Edge keeps the graph of the
existing segment across upserts (new and changed points land in a small plain segment), so an incremental copy of
an indexed shard is optimized again before its swap too, which indexes only that small segment (measured at
100,000 points: first graph 66 s on an idle machine, 200 changed points 3.4 s; a sync that deletes or replaces
more than the vacuum share of Edge's optimizer, 20 % by its docs, rewrites that segment and its graph).

Qdrant Edge 0.9's Python binding passes ``MatchValue(True)`` on as the integer 1, which never equals a stored
boolean: boolean filter fields are stored as 0/1 integers here and turned back into booleans on the way out.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from knowledge.config import Settings
from knowledge.sparse import SparseVec
from knowledge.store import (
    DENSE,
    KINDS,
    PAYLOAD_INDEXES,
    SPARSE,
    FieldType,
    Filter,
    Hit,
    Kind,
    Match,
    Point,
    SearchMode,
    StoreError,
    data_dir_error,
    embedder_of,
    prefetch_limit,
    rrf_fuse,
    search_legs,
    version_name,
)

logger = logging.getLogger(__name__)

SCHEMA: dict[FieldType, Any] = {
    "keyword": qe.PayloadSchemaType.Keyword,
    "integer": qe.PayloadSchemaType.Integer,
    "float": qe.PayloadSchemaType.Float,
    "bool": qe.PayloadSchemaType.Integer,  # stored as 0/1, see the module docstring
}
BOOL_FIELDS: dict[Kind, tuple[str, ...]] = {
    kind: tuple(f for f, t in fields.items() if t == "bool") for kind, fields in PAYLOAD_INDEXES.items()
}
SCROLL_PAGE = 1000
# Edge's own threshold (KB per segment) for indexing: the lowest, so that once ``optimize()`` runs (our point-count
# threshold decides that) every segment with dense vectors gets its graph, the small one of an incremental sync too.
INDEXING_THRESHOLD_KB = 1
# Run by ``build_index`` in a child process: argv = shard folder, sparse vector name, indexing threshold (KB).
# ``sparse_vectors`` is given only because EdgeConfig wants one vector kind; the dense one is inherited.
_OPTIMIZE = """
import sys
import qdrant_edge as qe
config = qe.EdgeConfig(
    sparse_vectors={sys.argv[2]: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
    optimizers=qe.EdgeOptimizersConfig(indexing_threshold=int(sys.argv[3])),
)
shard = qe.EdgeShard.load(sys.argv[1], config)
shard.optimize()
shard.flush()
shard.close()
"""


@dataclass
class _Shard:
    version: str
    kind: Kind
    shard: Any  # qdrant_edge.EdgeShard
    lock_fd: int


def _to_edge(flt: Filter | None) -> Any:
    if flt is None:
        return None
    conds: list[Any] = []
    for c in flt.must:
        if isinstance(c, Match):
            value = int(c.value) if isinstance(c.value, bool) else c.value
            conds.append(qe.FieldCondition(c.key, match=qe.MatchValue(value)))
        else:
            conds.append(qe.FieldCondition(c.key, range=qe.RangeFloat(gte=c.gte, lte=c.lte)))
    return qe.Filter(must=conds)


def copy_sparse(src: str, dst: str) -> str:
    """``shutil.copy2`` that keeps holes: a shard's storage files are 32 MB each on paper and mostly unwritten,
    so a plain copy would make a 10 MB shard take hundreds of MB."""
    if not hasattr(os, "SEEK_DATA"):
        return str(shutil.copy2(src, dst))
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        size = os.fstat(fin.fileno()).st_size
        pos = 0
        while pos < size:
            try:
                start = os.lseek(fin.fileno(), pos, os.SEEK_DATA)
            except OSError:  # ENXIO: only a hole is left
                break
            end = os.lseek(fin.fileno(), start, os.SEEK_HOLE)
            fin.seek(start)
            fout.seek(start)
            left = end - start
            while left > 0:
                chunk = fin.read(min(left, 1 << 20))
                if not chunk:
                    break
                fout.write(chunk)
                left -= len(chunk)
            pos = end
        fout.truncate(size)
    shutil.copystat(src, dst)
    return dst


def _sparse(vec: SparseVec) -> Any:
    return qe.SparseVector(list(vec.indices), list(vec.values))


class EdgeStore:
    """Versioned Qdrant Edge shards behind the ``Store`` interface. Thread-safe: one lock around shard calls."""

    backend = "edge"

    def __init__(self, root: Path, *, prefix: str = "goyong", index_min_points: int = 0) -> None:
        self.root = root
        self.prefix = prefix
        self.index_min_points = index_min_points
        self.location = str(root)
        self._lock = threading.RLock()
        self._live: dict[Kind, _Shard] = {}
        self._writing: dict[str, _Shard] = {}

    @classmethod
    def open(cls, settings: Settings) -> EdgeStore:
        root = settings.edge_path
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise data_dir_error(root, exc) from exc
        if not os.access(root, os.W_OK | os.X_OK):
            raise data_dir_error(root, PermissionError(13, "Permission denied"))
        return cls(root, prefix=settings.collection_prefix, index_min_points=settings.edge_index_min_points)

    def close(self) -> None:
        with self._lock:
            for s in [*self._live.values(), *self._writing.values()]:
                self._release(s)
            self._live.clear()
            self._writing.clear()

    # ---- names and files -----------------------------------------------------------------------------------
    def alias(self, kind: Kind) -> str:
        return f"{self.prefix}_{kind}"

    def _pointer(self, kind: Kind) -> Path:
        return self.root / f"{self.alias(kind)}.current"

    def _kind_of(self, version: str) -> Kind:
        head = version.split("__", 1)[0]
        for kind in KINDS:
            if head == self.alias(kind):
                return kind
        raise StoreError(f"알 수 없는 색인 버전 이름: {version} (unknown version)")

    def _read_pointer(self, kind: Kind) -> str | None:
        try:
            name = self._pointer(kind).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def _write_pointer(self, kind: Kind, version: str) -> None:
        target = self._pointer(kind)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:6]}.tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(version + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        dir_fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _lock_path(self, version: str) -> Path:
        return self.root / f"{version}.lock"

    def _hold(self, version: str) -> int:
        """Open the version's lock file and hold it shared (released by ``_release`` or the process's death)."""
        fd = os.open(self._lock_path(version), os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_SH)
        return fd

    def _release(self, s: _Shard) -> None:
        try:
            s.shard.close()
        finally:
            os.close(s.lock_fd)

    def resolve(self, kind: Kind) -> str | None:
        live = self._reader(kind)
        return live.version if live else None

    def embedder_of(self, version: str) -> str:
        return embedder_of(version)

    def versions(self, kind: Kind) -> list[str]:
        head = self.alias(kind) + "__"
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and p.name.startswith(head))

    def _reader(self, kind: Kind) -> _Shard | None:
        """The served shard, (re)opened when the pointer names another version than the one open here."""
        with self._lock:
            for _ in range(5):
                current = self._read_pointer(kind)
                cached = self._live.get(kind)
                if cached is not None and cached.version == current:
                    return cached
                if current is None:
                    if cached is not None:
                        self._release(self._live.pop(kind))
                    return None
                fd = self._hold(current)
                path = self.root / current
                if not path.is_dir():  # deleted between reading the pointer and locking: read it again
                    os.close(fd)
                    if self._read_pointer(kind) == current:
                        logger.warning("served index %s is missing; treating %s as empty", path, kind)
                        return None
                    continue
                try:
                    shard = qe.EdgeShard.load(str(path))
                except BaseException:
                    os.close(fd)
                    raise
                if cached is not None:
                    self._release(cached)
                self._live[kind] = _Shard(current, kind, shard, fd)
                return self._live[kind]
        return None

    def _shard_of(self, version: str) -> _Shard:
        with self._lock:
            if version in self._writing:
                return self._writing[version]
            live = self._reader(self._kind_of(version))
            if live is not None and live.version == version:
                return live
        raise StoreError(f"색인 버전 {version}이 열려 있지 않습니다 (version not open)")

    # ---- building ------------------------------------------------------------------------------------------
    def _new_name(self, kind: Kind, embedder_name: str) -> str:
        return version_name(self.prefix, kind, embedder_name, time.strftime("%Y%m%dT%H%M%S") + uuid.uuid4().hex[:6])

    def create_version(self, kind: Kind, embedder_name: str, dim: int | None) -> str:
        name = self._new_name(kind, embedder_name)
        vectors = {DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine)} if dim else None
        config = qe.EdgeConfig(
            vectors=vectors,
            sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
            wal_enabled=False,
        )
        with self._lock:
            fd = self._hold(name)
            try:
                shard = qe.EdgeShard.create(str(self.root / name), config)
            except BaseException:
                os.close(fd)
                raise
            self._writing[name] = _Shard(name, kind, shard, fd)
            for field_name, schema in PAYLOAD_INDEXES[kind].items():
                shard.update(qe.UpdateOperation.create_field_index(field_name, SCHEMA[schema]))
        return name

    def edit_version(self, kind: Kind, live: str) -> str:
        """A private copy of the served shard to apply an incremental sync to (the served one stays as it is)."""
        name = self._new_name(kind, embedder_of(live))
        with self._lock:
            self._shard_of(live)  # holds the served version open (and locked) while it is copied
            fd = self._hold(name)
            try:
                shutil.copytree(self.root / live, self.root / name, copy_function=copy_sparse)
                shard = qe.EdgeShard.load(str(self.root / name))
            except BaseException:
                os.close(fd)
                raise
            self._writing[name] = _Shard(name, kind, shard, fd)
        return name

    def upsert(self, version: str, points: Sequence[Point]) -> None:
        with self._lock:
            target = self._writing.get(version)
            if target is None:
                raise StoreError(f"색인 버전 {version}은 쓰기용으로 열려 있지 않습니다 (not open for writing)")
            bools = BOOL_FIELDS[target.kind]
            batch = []
            for p in points:
                vector: dict[str, Any] = {SPARSE: _sparse(p.sparse)}
                if p.dense is not None:
                    vector[DENSE] = p.dense
                payload = p.payload
                if any(isinstance(payload.get(f), bool) for f in bools):
                    payload = {**payload, **{f: int(payload[f]) for f in bools if isinstance(payload.get(f), bool)}}
                batch.append(qe.Point(p.id, vector, payload))
            target.shard.update(qe.UpdateOperation.upsert_points(batch))

    def delete(self, version: str, ids: Sequence[str]) -> None:
        if not ids:
            return
        with self._lock:
            target = self._writing.get(version)
            if target is None:
                raise StoreError(f"색인 버전 {version}은 쓰기용으로 열려 있지 않습니다 (not open for writing)")
            target.shard.update(qe.UpdateOperation.delete_points(list(ids)))

    def scroll_field(self, version: str, field_name: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for rec in self._scroll(version, [field_name]):
            out[str(rec.id)] = (rec.payload or {}).get(field_name)
        return out

    def _scroll(self, version: str, with_payload: bool | list[str]) -> Iterator[Any]:
        offset: Any = None
        while True:
            with self._lock:
                batch, offset = self._shard_of(version).shard.scroll(
                    qe.ScrollRequest(offset=offset, limit=SCROLL_PAGE, with_payload=with_payload, with_vector=False)
                )
            yield from batch
            if offset is None:
                return

    def _needs_index(self, built: _Shard) -> bool:
        """Large enough, and with dense vectors (the sparse index is always built as points arrive)."""
        if self.index_min_points <= 0 or built.shard.info().points_count < self.index_min_points:
            return False
        config = json.loads((self.root / built.version / "edge_config.json").read_text(encoding="utf-8"))
        return bool(config.get("vectors"))

    def build_index(self, version: str) -> bool:
        """Build the dense HNSW graph of an unpublished shard when it is large enough; True when it was built.

        ``optimize()`` holds the GIL for its whole run (minutes at 100,000 points), so it runs in a child process:
        the chat app's sessions keep answering while an admin re-index builds the graph. The child inherits the
        version's lock (a shared ``flock``), so nobody drops the folder under it; killed, it leaves an orphan."""
        with self._lock:
            built = self._writing.get(version)
            if built is None:
                raise StoreError(f"색인 버전 {version}은 만들고 있는 버전이 아닙니다 (not being built)")
            if not self._needs_index(built):
                return False
            built.shard.flush()
            built.shard.close()
        path = str(self.root / version)
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, "-c", _OPTIMIZE, path, SPARSE, str(INDEXING_THRESHOLD_KB)],
                pass_fds=(built.lock_fd,), capture_output=True, text=True, check=False,
            )
        finally:
            built.shard = qe.EdgeShard.load(path)
        if done.returncode != 0:
            raise StoreError(f"색인 {version}의 벡터 색인을 만들지 못했습니다 (optimize failed): {done.stderr[-500:]}")
        info = built.shard.info()
        logger.info("built the vector index of %s (%d points, %d segments) in %.1f s", version, info.points_count,
                    info.segments_count, time.monotonic() - started)
        return True

    def swap_alias(self, kind: Kind, version: str) -> str | None:
        self.build_index(version)
        with self._lock:
            built = self._writing.pop(version, None)
            if built is None:
                raise StoreError(f"색인 버전 {version}은 만들고 있는 버전이 아닙니다 (not being built)")
            old = self._read_pointer(kind)
            try:
                built.shard.flush()
                # The first load of a shard rewrites its edge_config.json (defaults filled in): do it here, so a
                # published shard is never written by its readers.
                built.shard.close()
                built.shard = qe.EdgeShard.load(str(self.root / version))
                self._write_pointer(kind, version)
            except BaseException:
                self._writing[version] = built
                raise
            previous = self._live.pop(kind, None)
            self._live[kind] = built
            if previous is not None:
                self._release(previous)
        return old

    def drop_orphans(self, kind: Kind) -> list[str]:
        with self._lock:
            current = self._read_pointer(kind)
            dropped = []
            for name in self.versions(kind):
                if name != current and self._drop(name):
                    dropped.append(name)
            head = self.alias(kind) + "__"
            for lock in self.root.glob(f"{head}*.lock"):  # lock files of versions already gone
                if not (self.root / lock.name.removesuffix(".lock")).exists():
                    self._drop(lock.name.removesuffix(".lock"))
        return dropped

    def drop_collection(self, version: str) -> None:
        with self._lock:
            self._drop(version)

    def _drop(self, version: str) -> bool:
        """Delete a version unless a process (this one included) still has it open; True when deleted."""
        mine = self._writing.pop(version, None)
        if mine is not None:  # a build of this process that never finished (e.g. the disk filled up)
            self._release(mine)
        for kind, live in list(self._live.items()):
            if live.version == version:
                self._release(self._live.pop(kind))
        fd = os.open(self._lock_path(version), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                logger.info("version %s is still open in another process; a later run drops it", version)
                return False
            shutil.rmtree(self.root / version, ignore_errors=True)
            self._lock_path(version).unlink(missing_ok=True)
            return True
        finally:
            os.close(fd)

    # ---- reading -------------------------------------------------------------------------------------------
    def count(self, kind: Kind) -> int:
        with self._lock:
            live = self._reader(kind)
            return int(live.shard.count(qe.CountRequest(exact=True))) if live else 0

    def _hits(self, kind: Kind, points: Sequence[Any]) -> list[Hit]:
        return [Hit(id=str(p.id), score=float(getattr(p, "score", 0.0) or 0.0), payload=self._payload(kind, p.payload))
                for p in points]

    @staticmethod
    def _payload(kind: Kind, raw: dict[str, Any] | None) -> dict[str, Any]:
        payload = dict(raw or {})
        for f in BOOL_FIELDS[kind]:
            if payload.get(f) is not None:
                payload[f] = bool(payload[f])
        return payload

    def hybrid(
        self,
        kind: Kind,
        *,
        dense: list[float] | None,
        sparse: SparseVec | None,
        flt: Filter | None,
        limit: int,
        mode: SearchMode = "hybrid",
    ) -> list[Hit]:
        use_dense, use_sparse = search_legs(dense, sparse, mode)
        if not (use_dense or use_sparse):
            return self.browse(kind, flt=flt, limit=limit)
        eflt = _to_edge(flt)
        legs = []
        if use_dense:
            assert dense is not None
            legs.append(qe.Query.Nearest(dense, using=DENSE))
        if use_sparse:
            assert sparse is not None
            legs.append(qe.Query.Nearest(_sparse(sparse), using=SPARSE))
        # Both legs in one call, fused here (rrf_fuse): Edge's own RRF breaks ties in a per-process hash order.
        leg_limit = prefetch_limit(limit) if len(legs) == 2 else limit
        requests = [qe.QueryRequest(limit=leg_limit, query=leg, filter=eflt, with_payload=True) for leg in legs]
        with self._lock:
            live = self._reader(kind)
            if live is None:
                return []
            results = live.shard.query_batch(qe.QueryBatchRequest(requests))
        ranked = [self._hits(kind, points) for points in results]
        return rrf_fuse(ranked, limit) if len(ranked) == 2 else ranked[0]

    def browse(self, kind: Kind, *, flt: Filter | None, limit: int) -> list[Hit]:
        with self._lock:
            live = self._reader(kind)
            if live is None:
                return []
            records, _ = live.shard.scroll(qe.ScrollRequest(limit=limit, filter=_to_edge(flt), with_payload=True,
                                                            with_vector=False))
        return self._hits(kind, records)

    def iter_payloads(self, kind: Kind) -> Iterator[dict[str, Any]]:
        with self._lock:
            live = self._reader(kind)
        if live is None:
            return
        for rec in self._scroll(live.version, True):
            yield self._payload(kind, rec.payload)
