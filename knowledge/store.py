"""The store interface: versioned indexes, backend-neutral filters, and the choice of backend.

Each logical index (``policies``, ``jobs``, ``training``) is served from one *version* named
``{prefix}_{kind}__{embedder}__{stamp}``. A rebuild fills a fresh version and then moves the served pointer in one
step, so searches never see a half-built index; an interrupted build leaves only an orphan version, removed by a
later run. Three backends implement it (``GOYONG_STORE_BACKEND``):

* ``edge`` (default) — Qdrant Edge in-process (``knowledge.edge_store``): HNSW, sparse IDF, payload indexes
  in Rust (the two legs' RRF fusion is ``rrf_fuse`` here, the same for every backend); a version is a shard folder and the pointer a file replaced atomically. Published shards
  are never written in place, so other processes (``goyong ask`` while the chat runs) can read them.
* ``server`` — a Qdrant server (``GOYONG_QDRANT_URL``; the default backend when a URL is set): collections and
  aliases (``knowledge.client_store``).
* ``local`` — qdrant-client's embedded local mode, kept as a fallback for platforms without a Qdrant Edge wheel:
  scans every point in Python (slow above ~10,000 postings) and admits one process per folder.

This module imports no Qdrant library: the backends load on first use, which keeps command start-up short.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from knowledge.fields import Condition as Condition  # the filter vocabulary, re-exported for the backends
from knowledge.fields import FieldType as FieldType
from knowledge.fields import Filter as Filter
from knowledge.fields import Match as Match
from knowledge.fields import Range as Range
from knowledge.fields import must as must
from knowledge.fields import payload_indexes
from knowledge.schemas import JobFilters, TrainingFilters
from knowledge.sparse import SparseVec

if TYPE_CHECKING:
    from knowledge.config import Settings

Kind = Literal["policies", "jobs", "training"]
KINDS: tuple[Kind, ...] = ("policies", "jobs", "training")
DENSE = "dense"
SPARSE = "sparse"
ID_NAMESPACE = uuid.UUID("6f1c3d2e-8a7b-4c5d-9e0f-1a2b3c4d5e6f")
SearchMode = Literal["hybrid", "sparse", "dense"]
RRF_K = 2  # the RRF constant of Qdrant and of qdrant-client's local mode (see rrf_fuse)

# Payload fields with an index, per kind (the filterable fields): jobs and training from their filter models' field
# declarations (knowledge.fields); policies are filtered by program and doc_id (Retriever.search_policies).
PAYLOAD_INDEXES: dict[Kind, dict[str, FieldType]] = {
    "policies": {"doc_id": "keyword", "program": "keyword", "audience": "keyword", "year": "integer"},
    "jobs": payload_indexes(JobFilters),
    "training": payload_indexes(TrainingFilters),
}


class StoreError(RuntimeError):
    """A store problem explained for the person running the command."""


class StoreLockedError(StoreError):
    pass


def point_id(kind: str, source_id: str) -> str:
    """A stable point id from a record's source id (the same record always maps to the same point)."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{kind}:{source_id}"))


@dataclass
class Point:
    id: str
    payload: dict[str, Any]
    sparse: SparseVec
    dense: list[float] | None = None


@dataclass
class Hit:
    id: str
    score: float
    payload: dict[str, Any] = field(default_factory=dict)


def search_legs(dense: list[float] | None, sparse: SparseVec | None, mode: SearchMode) -> tuple[bool, bool]:
    """Which legs a search runs: (dense, sparse); neither = browse by the filter alone."""
    use_dense = dense is not None and mode in ("hybrid", "dense")
    use_sparse = sparse is not None and bool(sparse.indices) and mode in ("hybrid", "sparse")
    return use_dense, use_sparse


def rrf_fuse(legs: Sequence[Sequence[Hit]], limit: int, k: int = RRF_K) -> list[Hit]:
    """Reciprocal rank fusion of ranked legs, done here so that every backend ranks ties the same way.

    A point at 0-based position ``i`` of a leg scores ``1 / (i + k)`` (Qdrant's formula); equal sums keep the
    order in which the points were first seen, legs in the given order (dense first), as qdrant-client's local
    mode does. Qdrant Edge's own fusion breaks ties in a per-process hash order, so one index gave different
    rankings from one process to the next (the same question's passage 5th in one run and 6th in the next)."""
    scores: dict[str, float] = {}
    first: dict[str, Hit] = {}
    for leg in legs:
        for i, hit in enumerate(leg):
            scores[hit.id] = scores.get(hit.id, 0.0) + 1.0 / (i + k)
            first.setdefault(hit.id, hit)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:limit]  # stable: ties keep order
    return [Hit(id=pid, score=score, payload=first[pid].payload) for pid, score in ranked]


def prefetch_limit(limit: int) -> int:
    """How many candidates each leg of a hybrid search brings to the fusion."""
    return max(limit * 4, 20)


def version_name(prefix: str, kind: Kind, embedder_name: str, stamp: str) -> str:
    return f"{prefix}_{kind}__{embedder_name or 'sparse'}__{stamp}"


def embedder_of(version: str) -> str:
    """The embedder a version was built with (the middle part of its name)."""
    parts = version.split("__")
    return parts[1] if len(parts) >= 3 else ""


# ---- the interface ---------------------------------------------------------------------------------------------
class Store(Protocol):
    """What ingestion and retrieval use. Thread-safe: the app calls it from several threads."""

    backend: str
    location: str

    def close(self) -> None: ...

    # names and versions
    def resolve(self, kind: Kind) -> str | None:
        """The served version of ``kind``, or None when the index was never built."""
        ...

    def embedder_of(self, version: str) -> str: ...

    def versions(self, kind: Kind) -> list[str]:
        """Every stored version of ``kind`` (the served one, orphans, and old ones not yet dropped)."""
        ...

    # building
    def create_version(self, kind: Kind, embedder_name: str, dim: int | None) -> str: ...

    def edit_version(self, kind: Kind, live: str) -> str:
        """Where an incremental sync of the served ``live`` version writes: ``live`` itself (record-atomic writes)
        or a copy that is swapped in when complete (run-atomic; what Qdrant Edge does)."""
        ...

    def upsert(self, version: str, points: Sequence[Point]) -> None: ...

    def delete(self, version: str, ids: Sequence[str]) -> None: ...

    def scroll_field(self, version: str, field_name: str) -> dict[str, Any]:
        """point id → one payload field, for every point (used to compare content hashes)."""
        ...

    def swap_alias(self, kind: Kind, version: str) -> str | None:
        """Serve ``version`` from now on, in one step; returns the version served before."""
        ...

    def drop_orphans(self, kind: Kind) -> list[str]:
        """Delete versions of ``kind`` that are not served (and, where it can tell, not in use elsewhere)."""
        ...

    def drop_collection(self, version: str) -> None: ...

    # reading
    def count(self, kind: Kind) -> int: ...

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
        """Dense + sparse legs (each with the filter inside), fused by ``rrf_fuse``; or a single leg."""
        ...

    def browse(self, kind: Kind, *, flt: Filter | None, limit: int) -> list[Hit]:
        """Filtered records without a query (e.g. "서귀포 일자리" with no job words)."""
        ...

    def iter_payloads(self, kind: Kind) -> Iterator[dict[str, Any]]: ...


Backend = Literal["edge", "local", "server"]


def backend_of(settings: Settings) -> Backend:
    """The configured backend: ``GOYONG_STORE_BACKEND``, else ``server`` when a URL is set, else ``edge``."""
    if settings.store_backend:
        return settings.store_backend
    return "server" if settings.qdrant_url else "edge"


def open_store(settings: Settings) -> Store:
    """Open the configured backend (its Qdrant library is imported here, not at start-up)."""
    backend = backend_of(settings)
    if backend == "edge":
        from knowledge.edge_store import EdgeStore

        return EdgeStore.open(settings)
    from knowledge.client_store import QdrantStore

    if backend == "server" and not settings.qdrant_url:
        raise StoreError("GOYONG_STORE_BACKEND=server에는 GOYONG_QDRANT_URL(Qdrant 서버 주소)이 필요합니다. "
                         "(the server backend needs GOYONG_QDRANT_URL)")
    return QdrantStore.open(settings, server=backend == "server")


def data_dir_error(path: Any, exc: OSError) -> StoreError:
    """The Korean message for an index folder that cannot be created or written."""
    if isinstance(exc, PermissionError) and path.parent.exists():
        return StoreError(f"색인 폴더 {path}에 쓸 수 없습니다: 권한을 확인하거나 GOYONG_DATA_DIR를 쓰기 가능한 폴더로 "
                          f"지정하세요. (permission denied: {path})")
    return StoreError(
        f"데이터 폴더 {path}를 만들 수 없습니다 ({exc.strerror}). GOYONG_DATA_DIR를 쓰기 가능한 폴더로 지정하세요. "
        f"(cannot create data dir {path})"
    )
